/* bp-render-overlay.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "compare/bp-compare.h"
#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* The feedback of the canvas's gestures, drawn over bp_render(): dragged
 * cards and where they would land, snapping guides, the rubber band, the
 * arrow of a flow being drawn, a card's flow handle, the band or column a
 * header drag would move to. The canvas describes them in a
 * BpRenderOverlay; bp_render_overlay() draws them with the render's
 * shapes and the palette's accent for the style. */

/* The radius of a card's flow handle, in device pixels: its size does
 * not change with the zoom. */
#define BP_RENDER_FLOW_HANDLE_RADIUS 6.0

/* A dragged card: @step's card as drawn by bp_render(), drawn again at
 * @rect (canvas units). */
typedef struct {
  BpStep *step;   /* borrowed */
  BpRect  rect;
} BpRenderGhost;

/* What to draw; the arrays are borrowed, and empty when n_ is 0. */
typedef struct {
  /* Device units per canvas unit: outlines keep their width in pixels. */
  double               zoom;
  gboolean             dark;
  /* Where ghosts find their cards; guides span its bounds. */
  BpLayout            *layout;

  /* Dashed card outlines where dragged or dropped cards would land. */
  const BpRect        *landings;
  guint                n_landings;
  /* Snapping guides: vertical lines at these x, top to bottom. */
  const double        *guides;
  guint                n_guides;
  /* Dragged cards, translucent, over their landings. */
  const BpRenderGhost *ghosts;
  guint                n_ghosts;
  /* Cards whose flow handle is shown (the card under the pointer). */
  const BpRect        *handles;
  guint                n_handles;

  gboolean             has_rubber_band;
  BpRect               rubber_band;
  /* The lane band or stage column a header drag would move to. */
  gboolean             has_target;
  BpRect               target;
  /* A flow being drawn, from a card's handle to the pointer. */
  gboolean             has_flow;
  BpPoint              flow_from;
  BpPoint              flow_to;

  /* A comparison with another blueprint, drawn under the rest (see
   * bp-render-compare.h), with the other blueprint laid out; borrowed,
   * NULL when none. */
  BpComparison        *comparison;
  BpLayout            *compare_layout;
} BpRenderOverlay;

/* Nothing to draw, at zoom 1, light. */
void  bp_render_overlay_init        (BpRenderOverlay       *overlay);

/* Draws @overlay on @cr, whose user space is canvas units (as inside
 * bp_render(): scaled by the zoom, translated by the viewport). */
void  bp_render_overlay             (cairo_t               *cr,
                                     const BpRenderOverlay *overlay);

/* The centre of the flow handle of a card at @card, in canvas units. */
void  bp_render_flow_handle_centre  (const BpRect          *card,
                                     BpPoint               *centre);

G_END_DECLS
