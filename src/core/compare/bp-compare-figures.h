/* bp-compare-figures.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* The figures a comparison shows before and after, from the blueprint's
 * insights (insights/bp-insights.h): the elapsed time along the flows
 * (seconds) and how many steps on that path have no duration; the flows
 * that cross the line of interaction (encounters), of visibility and of
 * internal interaction, and the hand-offs between actors; the steps
 * marked fail, pain and wait points; and the warnings of the checks not
 * dismissed. */
typedef struct {
  double elapsed;
  guint  unknown;
  guint  interaction;
  guint  visibility;
  guint  internal;
  guint  actor_handoffs;
  guint  fail_points;
  guint  pain_points;
  guint  wait_points;
  guint  warnings;
} BpCompareFigures;

typedef enum {
  BP_COMPARE_FIGURE_ELAPSED,
  BP_COMPARE_FIGURE_UNKNOWN,
  BP_COMPARE_FIGURE_INTERACTION,
  BP_COMPARE_FIGURE_VISIBILITY,
  BP_COMPARE_FIGURE_INTERNAL,
  BP_COMPARE_FIGURE_ACTOR_HANDOFFS,
  BP_COMPARE_FIGURE_FAIL_POINTS,
  BP_COMPARE_FIGURE_PAIN_POINTS,
  BP_COMPARE_FIGURE_WAIT_POINTS,
  BP_COMPARE_FIGURE_WARNINGS,
} BpCompareFigure;

#define BP_COMPARE_N_FIGURES 10

void         bp_compare_figures_compute (BpDocument             *document,
                                         BpCompareFigures       *figures);
/* One figure as a number. */
double       bp_compare_figures_get     (const BpCompareFigures *figures,
                                         BpCompareFigure         figure);
/* Its key in --diff's JSON ("elapsed", "interaction", "actor_handoffs"…)
 * and its label in the summary ("Encounters", translated). */
const char  *bp_compare_figure_key      (BpCompareFigure         figure);
const char  *bp_compare_figure_label    (BpCompareFigure         figure);

G_END_DECLS
