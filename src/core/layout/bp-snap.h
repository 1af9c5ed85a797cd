/* bp-snap.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* Where a dragged card lands: pure functions of a layout and a pointer,
 * used by the canvas while dragging and on drop, and by the tests. */

typedef struct {
  /* Snap x to multiples of this (canvas units); 0: no grid. */
  double   grid;
  /* Snap an edge or the centre to another card's edge or centre within
   * this distance (canvas units); 0: no guides. */
  double   guide_distance;
  /* FALSE: move freely (a modifier held): no grid, no guides; the card
   * still lands in a lane and a stage. */
  gboolean enabled;
} BpSnapOptions;

typedef struct {
  BpLane   *lane;      /* the lane the card lands in; borrowed */
  BpStage  *stage;     /* the stage; borrowed */
  double    x;         /* the step's new x, from the stage's left edge */
  BpRect    card;      /* the landing card in canvas units: x from the
                        * snapped position, y and height of the lane band's
                        * top card row (where it would be drawn unstacked) */
  gboolean  has_guide; /* an alignment guide to draw while dragging */
  double    guide_x;   /* its canvas x */
} BpSnapResult;

/* Default options: an 8-unit grid, 6-unit guides, snapping on. */
void      bp_snap_options_init (BpSnapOptions       *options);

/* Where a card of @card_width whose top-left corner is dragged to
 * (@left, @top) lands. The lane is the band under the card's vertical
 * centre (never a line: a centre exactly on a line belongs to the band
 * below it; above the first band → the first lane, below the last → the
 * last lane); the stage is the column under the card's horizontal centre
 * (clamped likewise); x is the card's left edge from the stage's left edge,
 * never negative and never beyond BP_STEP_MAX_X, snapped to a guide (edges
 * and centres of cards in OTHER lanes of the same stage; @moving is
 * excluded, may be NULL for a new card) when one is within the distance,
 * else to the grid. Returns FALSE when the document has no lane or stage. */
gboolean  bp_snap_card         (BpLayout            *layout,
                                BpStep              *moving,
                                double               card_width,
                                double               left,
                                double               top,
                                const BpSnapOptions *options,
                                BpSnapResult        *result);

/* The lane above or below @lane (Alt+Up/Down), or NULL at the edge. */
BpLane   *bp_snap_neighbour_lane (BpDocument        *document,
                                  BpLane            *lane,
                                  int                direction);

/* Normalises a rubber band from two corners to a rectangle. */
void      bp_snap_rubber_band  (double               x1,
                                double               y1,
                                double               x2,
                                double               y2,
                                BpRect              *rect);

G_END_DECLS
