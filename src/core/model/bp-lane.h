/* bp-lane.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-item.h"
#include "model/bp-types.h"

G_BEGIN_DECLS

#define BP_TYPE_LANE (bp_lane_get_type ())

G_DECLARE_FINAL_TYPE (BpLane, bp_lane, BP, LANE, BpItem)

/* A row of the blueprint, in one of the five zones.
 * Properties: "kind" (BpLaneKind), "name" (string; NULL means the kind's
 * usual name), "height" (double, the minimum height), "color" ("#rrggbb"
 * or NULL).
 *
 * Changing the kind of a lane in a document moves the lane into its new
 * zone, so that lanes stay in zone order. */
BpLane      *bp_lane_new          (const char *id,
                                   BpLaneKind  kind);

BpLaneKind   bp_lane_get_kind     (BpLane     *self);
void         bp_lane_set_kind     (BpLane     *self,
                                   BpLaneKind  kind);
/* The stored name, or NULL when the lane uses its kind's usual name. */
const char  *bp_lane_get_name     (BpLane     *self);
void         bp_lane_set_name     (BpLane     *self,
                                   const char *name);
/* What the header shows: the name, or the kind's usual name. */
const char  *bp_lane_get_display_name (BpLane *self);
double       bp_lane_get_height   (BpLane     *self);
void         bp_lane_set_height   (BpLane     *self,
                                   double      height);
const char  *bp_lane_get_color    (BpLane     *self);
void         bp_lane_set_color    (BpLane     *self,
                                   const char *color);

G_END_DECLS
