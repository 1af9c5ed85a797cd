/* bp-insights-panel.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bp-canvas.h"

G_BEGIN_DECLS

#define BP_TYPE_INSIGHTS_PANEL (bp_insights_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpInsightsPanel, bp_insights_panel, BP, INSIGHTS_PANEL, GtkWidget)

/* What the blueprint adds up to, kept up to date with @canvas's document:
 * the totals (elapsed time, line crossings, fail and wait points), a row
 * per stage, and the checks by severity. Activating a check selects its
 * item on the canvas and scrolls to it; Dismiss records the check as
 * accepted (an undo step), and dismissed checks can be shown and
 * restored.
 *
 * Each check's row carries, for tests, the data "check" and "item" (the
 * check's name and item id) and "button" (its Dismiss or Restore button).
 *
 * Properties: "show-dismissed" (boolean). */
GtkWidget  *bp_insights_panel_new               (void);
void        bp_insights_panel_set_canvas        (BpInsightsPanel *self,
                                                 BpCanvas        *canvas);
gboolean    bp_insights_panel_get_show_dismissed (BpInsightsPanel *self);
void        bp_insights_panel_set_show_dismissed (BpInsightsPanel *self,
                                                  gboolean         show);

G_END_DECLS
