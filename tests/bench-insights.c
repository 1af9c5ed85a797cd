/* bench-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times bp_insights_compute() on blueprints of 100, 1,000 and 10,000
 * steps with as many flows, and prints the medians beside the target for
 * 10,000: the analysis runs after every change, in the same idle as the
 * layout, so it must take well under a frame.
 *   meson compile -C BUILD bench-insights
 *
 * The blueprint is a journey as such files are drawn: stages of about two
 * hundred cards over five zones, chains of sequence flows that branch and
 * join, a few information, recovery and rework flows, actors from a dozen
 * roles spelled in varying case, and a few dismissed checks. */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "history/bp-history.h"
#include "insights/bp-insights.h"

#define TARGET_MS 10.0
#define RUNS      31

static const char * const roles[] = {
  "Clerk", "clerk ", "Bank IT", "Courier", "Call centre", "CRM", "Billing",
  "Warehouse", "Website", "App", "Manager", "Payments",
};

static BpDocument *
make_journey (guint n_steps)
{
  static const BpLaneKind zones[] = {
    BP_LANE_KIND_EVIDENCE, BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE,
    BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT,
  };
  BpDocument *doc = bp_document_new ();
  guint n_stages = MAX (1, n_steps / 200);
  GPtrArray *steps = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (11);

  bp_history_freeze (bp_document_get_history (doc));
  for (guint k = 0; k < G_N_ELEMENTS (zones); k++)
    {
      g_autoptr(BpLane) lane = bp_lane_new (bp_lane_kind_to_string (zones[k]), zones[k]);
      bp_document_insert (doc, BP_ITEM (lane), -1);
    }
  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage%u", s);
      g_autoptr(BpStage) stage = bp_stage_new (id);

      bp_stage_set_tolerance (stage, 3600);
      bp_document_insert (doc, BP_ITEM (stage), -1);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *stage = g_strdup_printf ("stage%u", i * n_stages / n_steps);
      BpLaneKind zone = zones[g_rand_int_range (rand, 0, 5)];
      g_autoptr(BpStep) step = bp_step_new (id, bp_lane_kind_to_string (zone), stage,
                                            (i % 40) * 180);

      if (g_rand_int_range (rand, 0, 6) > 0)
        bp_step_set_duration (step, g_rand_int_range (rand, 5, 900));
      if (zone >= BP_LANE_KIND_FRONTSTAGE && g_rand_int_range (rand, 0, 8) > 0)
        bp_step_set_actor (step, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
      if (g_rand_int_range (rand, 0, 20) == 0)
        bp_step_set_flags (step, BP_STEP_FLAG_FAIL_POINT);
      if (g_rand_int_range (rand, 0, 20) == 0)
        bp_step_set_flags (step, BP_STEP_FLAG_WAIT_POINT);
      bp_document_insert (doc, BP_ITEM (step), -1);
      g_ptr_array_add (steps, step);
    }

  for (guint f = 0; f < n_steps; f++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", f);
      guint from = f < n_steps - 1 ? f : 0;
      /* Mostly the next card, sometimes a branch a little ahead. */
      guint ahead = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 12) : 0;
      guint to = MIN (n_steps - 1, from + 1 + ahead);
      g_autoptr(BpFlow) flow = NULL;
      int roll = g_rand_int_range (rand, 0, 40);

      if (to == from)
        to = (from + 1) % n_steps;
      if (roll == 0)
        {
          guint t = from;
          from = to;
          to = t;
        }
      flow = bp_flow_new (id, bp_item_get_id (g_ptr_array_index (steps, from)),
                          bp_item_get_id (g_ptr_array_index (steps, to)));
      if (roll == 1)
        bp_flow_set_kind (flow, BP_FLOW_KIND_INFORMATION);
      else if (roll == 2)
        bp_flow_set_kind (flow, BP_FLOW_KIND_RECOVERY);
      else if (roll == 3)
        bp_flow_set_kind (flow, BP_FLOW_KIND_REWORK);
      bp_document_insert (doc, BP_ITEM (flow), -1);
    }

  for (guint i = 0; i < n_steps; i += 97)
    bp_document_set_dismissed (doc, BP_CHECK_MISSING_ACTOR,
                               bp_item_get_id (g_ptr_array_index (steps, i)), TRUE);

  bp_history_thaw (bp_document_get_history (doc));
  g_ptr_array_unref (steps);
  g_rand_free (rand);
  return doc;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The processor time of this thread, in ms: on a machine busy with other
 * work the wall clock also counts the time others ran. */
static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
run (guint n_steps)
{
  g_autoptr(BpDocument) doc = make_journey (n_steps);
  double wall[RUNS], cpu[RUNS];
  guint unknown = 0, n_checks = 0;
  double elapsed = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_ms ();
      g_autoptr(BpInsights) insights = bp_insights_compute (doc);

      cpu[r] = thread_ms () - cpu_start;
      wall[r] = (g_get_monotonic_time () - start) / 1000.0;
      elapsed = bp_insights_get_elapsed (insights, &unknown);
      n_checks = bp_insights_get_n_checks (insights);
    }

  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  g_print ("%6u steps, %6u flows: median %6.2f ms [%.2f-%.2f], processor %6.2f ms%s\n"
           "                              (elapsed %.0f s, %u unknown, %u checks)\n",
           n_steps, bp_document_get_n_flows (doc), wall[RUNS / 2], wall[0], wall[RUNS - 1],
           cpu[RUNS / 2],
           n_steps == 10000 ? (wall[RUNS / 2] <= TARGET_MS ? "  target 10: met" : "  target 10: MISSED") : "",
           elapsed, unknown, n_checks);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 100, 1000, 10000 };

  g_print ("bp_insights_compute(), median of %d runs\n", RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run (sizes[i]);
  return 0;
}
