/* core-test-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* The ids of the lane and the stage at @position in @document. */
const char *core_test_lane_id   (BpDocument *document,
                                 guint       position);
const char *core_test_stage_id  (BpDocument *document,
                                 guint       position);
/* A card "Card" in the lane and stage at those positions, @x from the
 * stage's left edge, @width wide. */
BpStep     *core_test_add_card  (BpDocument *document,
                                 guint       lane,
                                 guint       stage,
                                 double      x,
                                 double      width);

G_END_DECLS
