/* bp-compare-figures.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-figures.h"

#include <glib/gi18n.h>

#include "insights/bp-insights.h"

static const struct {
  const char *key;
  const char *label;
} figures_info[BP_COMPARE_N_FIGURES] = {
  [BP_COMPARE_FIGURE_ELAPSED] = { "elapsed", N_("Elapsed time") },
  [BP_COMPARE_FIGURE_UNKNOWN] = { "unknown", N_("Steps of unknown duration on the way") },
  [BP_COMPARE_FIGURE_INTERACTION] = { "interaction", N_("Encounters (line of interaction)") },
  [BP_COMPARE_FIGURE_VISIBILITY] = { "visibility", N_("Crossings of the line of visibility") },
  [BP_COMPARE_FIGURE_INTERNAL] = { "internal", N_("Internal hand-offs") },
  [BP_COMPARE_FIGURE_ACTOR_HANDOFFS] = { "actor_handoffs", N_("Hand-offs between actors") },
  [BP_COMPARE_FIGURE_FAIL_POINTS] = { "fail_points", N_("Fail points") },
  [BP_COMPARE_FIGURE_PAIN_POINTS] = { "pain_points", N_("Pain points") },
  [BP_COMPARE_FIGURE_WAIT_POINTS] = { "wait_points", N_("Wait points") },
  [BP_COMPARE_FIGURE_WARNINGS] = { "warnings", N_("Warnings") },
};

/* The insights count fail and wait points, not pain points. */
static guint
count_pain_points (BpDocument *document)
{
  guint n = bp_document_get_n_steps (document), count = 0;

  for (guint i = 0; i < n; i++)
    count += (bp_step_get_flags (bp_document_get_step (document, i)) & BP_STEP_FLAG_PAIN_POINT) != 0;
  return count;
}

void
bp_compare_figures_compute (BpDocument       *document,
                            BpCompareFigures *figures)
{
  g_autoptr(BpInsights) insights = bp_insights_compute (document);
  const BpCrossings *crossings = bp_insights_get_crossings (insights);

  figures->elapsed = bp_insights_get_elapsed (insights, &figures->unknown);
  figures->interaction = crossings->interaction;
  figures->visibility = crossings->visibility;
  figures->internal = crossings->internal;
  figures->actor_handoffs = crossings->actor;
  figures->fail_points = bp_insights_get_n_fail_points (insights);
  figures->pain_points = count_pain_points (document);
  figures->wait_points = bp_insights_get_n_wait_points (insights);
  figures->warnings = bp_insights_count_checks (insights, BP_SEVERITY_WARNING);
}

double
bp_compare_figures_get (const BpCompareFigures *figures,
                        BpCompareFigure         figure)
{
  switch (figure)
    {
    case BP_COMPARE_FIGURE_ELAPSED:
      return figures->elapsed;
    case BP_COMPARE_FIGURE_UNKNOWN:
      return figures->unknown;
    case BP_COMPARE_FIGURE_INTERACTION:
      return figures->interaction;
    case BP_COMPARE_FIGURE_VISIBILITY:
      return figures->visibility;
    case BP_COMPARE_FIGURE_INTERNAL:
      return figures->internal;
    case BP_COMPARE_FIGURE_ACTOR_HANDOFFS:
      return figures->actor_handoffs;
    case BP_COMPARE_FIGURE_FAIL_POINTS:
      return figures->fail_points;
    case BP_COMPARE_FIGURE_PAIN_POINTS:
      return figures->pain_points;
    case BP_COMPARE_FIGURE_WAIT_POINTS:
      return figures->wait_points;
    case BP_COMPARE_FIGURE_WARNINGS:
      return figures->warnings;
    default:
      g_return_val_if_reached (0);
    }
}

const char *
bp_compare_figure_key (BpCompareFigure figure)
{
  g_return_val_if_fail (figure < BP_COMPARE_N_FIGURES, NULL);
  return figures_info[figure].key;
}

const char *
bp_compare_figure_label (BpCompareFigure figure)
{
  g_return_val_if_fail (figure < BP_COMPARE_N_FIGURES, NULL);
  return _(figures_info[figure].label);
}
