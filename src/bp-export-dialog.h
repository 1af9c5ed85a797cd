/* bp-export-dialog.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/bp-document.h"
#include "export/bp-export.h"

G_BEGIN_DECLS

#define BP_TYPE_EXPORT_DIALOG (bp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BpExportDialog, bp_export_dialog, BP, EXPORT_DIALOG, AdwWindow)

/* The Export dialog for @document, modal over @parent. @file, the
 * document's own file or NULL, suggests where to save. Emits "exported"
 * (GFile *) once a file is written, then closes. */
BpExportDialog *bp_export_dialog_new         (GtkWindow       *parent,
                                              BpDocument      *document,
                                              GFile           *file);
/* Offers to draw on the export what changed since @old_document (the
 * blueprint the window compares with, from the file @name), with a
 * switch that is on at first. */
void            bp_export_dialog_set_compare_with (BpExportDialog *self,
                                                   BpDocument     *old_document,
                                                   const char     *name);
/* The export the dialog's choices ask for. */
void            bp_export_dialog_get_options (BpExportDialog  *self,
                                              BpExportOptions *options);
/* Exports to @file in a worker thread, with progress in the dialog. */
void            bp_export_dialog_export_to   (BpExportDialog  *self,
                                              GFile           *file);
/* What the Export button does once the file chooser returns @chosen:
 * gives it the chosen format's extension, and asks before replacing a
 * file of that name, which the chooser did not ask about. */
void            bp_export_dialog_export_to_chosen (BpExportDialog *self,
                                                   GFile          *chosen);
gboolean        bp_export_dialog_is_exporting (BpExportDialog *self);

G_END_DECLS
