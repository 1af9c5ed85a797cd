/* bp-view-state.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BP_VIEW_STATE_MIN_ZOOM 0.1
#define BP_VIEW_STATE_MAX_ZOOM 4.0
/* The least zoom at which a card's text is still read easily. */
#define BP_VIEW_STATE_READABLE_ZOOM 0.7

#define BP_TYPE_VIEW_STATE (bp_view_state_get_type ())

G_DECLARE_FINAL_TYPE (BpViewState, bp_view_state, BP, VIEW_STATE, GObject)

/* How a canvas looks at its document, apart from the widget: the zoom
 * (device pixels per canvas unit) and the canvas point at the view's
 * top-left corner. Announces changes with notify. */
BpViewState *bp_view_state_new          (void);

double       bp_view_state_get_zoom     (BpViewState *self);
void         bp_view_state_set_zoom     (BpViewState *self,
                                         double       zoom);
double       bp_view_state_get_x        (BpViewState *self);
double       bp_view_state_get_y        (BpViewState *self);
void         bp_view_state_set_origin   (BpViewState *self,
                                         double       x,
                                         double       y);

/* The next zoom step in or out (25 %, 33 %, 50 %, 67 %, 80 %, 100 %, …). */
double       bp_view_state_zoom_step    (double       zoom,
                                         int          direction);

/* The zoom a document is first shown at, from its top-left corner, in a
 * view of @width × @height pixels: as many whole stages as fit, with the
 * cards still readable (at least BP_VIEW_STATE_READABLE_ZOOM, at most
 * 1), and every lane too if that keeps them readable. @stage_ends: the
 * right edge of each stage (canvas units, the header column included);
 * @margin: canvas units of space around the sheet. */
double       bp_view_state_first_zoom   (const double *stage_ends,
                                         guint         n_stages,
                                         double        sheet_height,
                                         double        width,
                                         double        height,
                                         double        margin);

G_END_DECLS
