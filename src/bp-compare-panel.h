/* bp-compare-panel.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "compare/bp-compare.h"

G_BEGIN_DECLS

#define BP_TYPE_COMPARE_PANEL (bp_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpComparePanel, bp_compare_panel, BP, COMPARE_PANEL, GtkBox)

/* The side panel of a comparison: what the blueprint is compared with,
 * a button to leave, the figures before and after, and a list of the
 * changes, one row each, as the summary of `touchpoint --diff` words
 * them.
 *
 * Signals:
 *  - "leave": the Leave button was clicked;
 *  - "item-activated" (BpItem *item): a row was activated; @item is in
 *    the open (NEW) document — for a removed card, its old stage's
 *    counterpart — or NULL when there is none. */
BpComparePanel *bp_compare_panel_new            (void);
void            bp_compare_panel_set_comparison (BpComparePanel *self,
                                                 BpComparison   *comparison,
                                                 const char     *other_name);
/* The number of rows in the list of changes. */
guint           bp_compare_panel_get_n_rows     (BpComparePanel *self);
/* Activates row @index, as a click would. */
void            bp_compare_panel_activate_row   (BpComparePanel *self,
                                                 guint           index);

G_END_DECLS
