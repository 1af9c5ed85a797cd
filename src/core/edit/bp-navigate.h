/* bp-navigate.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* Moving between cards with the keyboard, without a layout: positions
 * come from the document (the stage's and lane's places, the card's x).
 *
 * Reading order is stage by stage, top lane to bottom lane within a
 * stage, left to right within a lane's cell. */

typedef enum {
  BP_NAVIGATE_LEFT,
  BP_NAVIGATE_RIGHT,
  BP_NAVIGATE_UP,
  BP_NAVIGATE_DOWN,
} BpNavigateDirection;

/* A new array of every card (borrowed BpSteps) in reading order. */
GPtrArray *bp_navigate_reading_order (BpDocument          *document);
/* The card after (@direction 1) or before (-1) @from in reading order,
 * wrapping around; with @from NULL, the first (or last) card. NULL when
 * the document has no card. */
BpStep    *bp_navigate_next          (BpDocument          *document,
                                      BpStep              *from,
                                      int                  direction);
/* The card next to @from: left and right, the one before or after it in
 * its lane (across stages); up and down, the nearest card of the same
 * stage in the closest lane above or below that has one (the one whose
 * x is closest). NULL when there is none. */
BpStep    *bp_navigate_neighbour     (BpDocument          *document,
                                      BpStep              *from,
                                      BpNavigateDirection  direction);

/* Where Ctrl+arrows go from @from (a card, a stage, or NULL): from a
 * card, its neighbour; where there is none, left and right go to the
 * stage before or after its own (an empty stage can be filled) and up to
 * its own stage. From a stage: left and right to the stage beside, down
 * to its first card. From NULL: the first card, or the first stage when
 * there is none. NULL when there is nowhere to go. */
BpItem    *bp_navigate_move          (BpDocument          *document,
                                      BpItem              *from,
                                      BpNavigateDirection  direction);

G_END_DECLS
