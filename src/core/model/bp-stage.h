/* bp-stage.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-item.h"

G_BEGIN_DECLS

#define BP_TYPE_STAGE (bp_stage_get_type ())

G_DECLARE_FINAL_TYPE (BpStage, bp_stage, BP, STAGE, BpItem)

/* A column of the blueprint: one phase of the customer's journey.
 * Properties: "name" (string, never NULL), "width" (double), "tolerance"
 * (the longest the customer accepts for the stage: seconds, negative when
 * absent). */
BpStage     *bp_stage_new        (const char *id);

const char  *bp_stage_get_name   (BpStage    *self);
void         bp_stage_set_name   (BpStage    *self,
                                  const char *name);
double       bp_stage_get_width  (BpStage    *self);
void         bp_stage_set_width  (BpStage    *self,
                                  double      width);
double       bp_stage_get_tolerance (BpStage *self);
void         bp_stage_set_tolerance (BpStage *self,
                                     double   tolerance);
gboolean     bp_stage_has_tolerance (BpStage *self);

G_END_DECLS
