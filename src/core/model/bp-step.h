/* bp-step.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-item.h"
#include "model/bp-types.h"

G_BEGIN_DECLS

#define BP_TYPE_STEP (bp_step_get_type ())

G_DECLARE_FINAL_TYPE (BpStep, bp_step, BP, STEP, BpItem)

/* A card: one step of the service, in a lane and a stage.
 * Properties: "lane", "stage" (ids), "x" (left edge from the stage's left
 * edge), "width", "text" (never NULL), "actor", "notes", "color" (NULL when
 * absent), "duration" and "tolerance" (seconds, negative when absent),
 * "flags" (BpStepFlags). */
BpStep      *bp_step_new          (const char  *id,
                                   const char  *lane_id,
                                   const char  *stage_id,
                                   double       x);

const char  *bp_step_get_lane     (BpStep      *self);
void         bp_step_set_lane     (BpStep      *self,
                                   const char  *lane_id);
const char  *bp_step_get_stage    (BpStep      *self);
void         bp_step_set_stage    (BpStep      *self,
                                   const char  *stage_id);
double       bp_step_get_x        (BpStep      *self);
void         bp_step_set_x        (BpStep      *self,
                                   double       x);
double       bp_step_get_width    (BpStep      *self);
void         bp_step_set_width    (BpStep      *self,
                                   double       width);
const char  *bp_step_get_text     (BpStep      *self);
void         bp_step_set_text     (BpStep      *self,
                                   const char  *text);
const char  *bp_step_get_actor    (BpStep      *self);
void         bp_step_set_actor    (BpStep      *self,
                                   const char  *actor);
/* Seconds; negative when the step has no duration. */
double       bp_step_get_duration (BpStep      *self);
void         bp_step_set_duration (BpStep      *self,
                                   double       duration);
gboolean     bp_step_has_duration (BpStep      *self);
/* The longest the step may take before the customer counts it as failed:
 * seconds, negative when the step has none. */
double       bp_step_get_tolerance (BpStep     *self);
void         bp_step_set_tolerance (BpStep     *self,
                                   double       tolerance);
gboolean     bp_step_has_tolerance (BpStep     *self);
const char  *bp_step_get_notes    (BpStep      *self);
void         bp_step_set_notes    (BpStep      *self,
                                   const char  *notes);
BpStepFlags  bp_step_get_flags    (BpStep      *self);
void         bp_step_set_flags    (BpStep      *self,
                                   BpStepFlags  flags);
const char  *bp_step_get_color    (BpStep      *self);
void         bp_step_set_color    (BpStep      *self,
                                   const char  *color);

G_END_DECLS
