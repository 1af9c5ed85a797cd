/* bp-print-operation.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_PRINT_OPERATION (bp_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (BpPrintOperation, bp_print_operation, BP, PRINT_OPERATION, GtkPrintOperation)

/* Prints a blueprint as it is when the operation is made, drawn by
 * bp_render() in the light variant: fitted to one landscape page, or at a
 * minimum scale across as many pages as it needs (the "Blueprint" tab of
 * the print dialog offers both).
 *
 * Properties: "document" (construct-only), "fit-to-page" (default TRUE),
 * "minimum-scale" (printed points per canvas unit, default 1: the size
 * of a PDF export). */
BpPrintOperation *bp_print_operation_new               (BpDocument       *document);

gboolean          bp_print_operation_get_fit_to_page   (BpPrintOperation *self);
void              bp_print_operation_set_fit_to_page   (BpPrintOperation *self,
                                                        gboolean          fit_to_page);
double            bp_print_operation_get_minimum_scale (BpPrintOperation *self);
void              bp_print_operation_set_minimum_scale (BpPrintOperation *self,
                                                        double            minimum_scale);

/* Shows the print dialog over @parent and prints @document. The print
 * settings, page setup and scale chosen are kept for the next print in
 * this session; a failure is shown in a dialog. */
void              bp_print_operation_print_document    (BpDocument       *document,
                                                        GtkWindow        *parent);

G_END_DECLS
