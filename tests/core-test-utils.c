/* core-test-utils.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-utils.h"

const char *
core_test_lane_id (BpDocument *document,
                   guint       position)
{
  return bp_item_get_id (BP_ITEM (bp_document_get_lane (document, position)));
}

const char *
core_test_stage_id (BpDocument *document,
                    guint       position)
{
  return bp_item_get_id (BP_ITEM (bp_document_get_stage (document, position)));
}

BpStep *
core_test_add_card (BpDocument *document,
                    guint       lane,
                    guint       stage,
                    double      x,
                    double      width)
{
  BpStep *step = bp_document_add_step (document, core_test_lane_id (document, lane),
                                       core_test_stage_id (document, stage), x, "Card");

  g_assert_nonnull (step);
  bp_step_set_width (step, width);
  return step;
}
