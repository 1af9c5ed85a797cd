/* test-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "insights/bp-insights.h"

/* Blueprints built step by step on the standard lanes (evidence,
 * customer, frontstage, backstage, support) and stages (attract, orient,
 * use, retain, maintain). */

static BpStep *
add_step (BpDocument *doc,
          const char *lane,
          const char *stage,
          double      x,
          double      duration,
          const char *actor)
{
  BpStep *step = bp_document_add_step (doc, lane, stage, x, NULL);

  g_assert_nonnull (step);
  bp_step_set_duration (step, duration);
  bp_step_set_actor (step, actor);
  return step;
}

static const char *
id_of (gpointer item)
{
  return bp_item_get_id (BP_ITEM (item));
}

static BpFlow *
add_flow (BpDocument *doc,
          BpStep     *from,
          BpStep     *to,
          BpFlowKind  kind)
{
  BpFlow *flow = bp_document_add_flow (doc, id_of (from), id_of (to));

  g_assert_nonnull (flow);
  bp_flow_set_kind (flow, kind);
  return flow;
}

/* The check @check raised on @item (NULL: the blueprint), or NULL. */
static const BpInsightsCheck *
find_check (BpInsights *insights,
            const char *check,
            const char *item)
{
  for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
    {
      const BpInsightsCheck *c = bp_insights_get_check (insights, i);

      if (strcmp (c->check, check) == 0 && g_strcmp0 (c->item, item) == 0)
        return c;
    }
  return NULL;
}

static gboolean
has_check (BpInsights *insights,
           const char *check,
           gpointer    item)
{
  return find_check (insights, check, item != NULL ? id_of (item) : NULL) != NULL;
}

static const BpInsightsFlow *
flow_insights (BpInsights *insights,
               BpDocument *doc,
               BpFlow     *flow)
{
  int position = bp_document_get_position (doc, BP_ITEM (flow));
  const BpInsightsFlow *out = bp_insights_get_flow (insights, position);

  g_assert_cmpstr (out->id, ==, id_of (flow));
  return out;
}

static const BpInsightsStage *
stage_insights (BpInsights *insights,
                BpDocument *doc,
                const char *stage_id)
{
  BpItem *stage = bp_document_lookup (doc, stage_id);
  const BpInsightsStage *out =
    bp_insights_get_stage (insights, bp_document_get_position (doc, stage));

  g_assert_cmpstr (out->id, ==, stage_id);
  return out;
}

/* Line crossings */

/* Every pair of zones: the lines between them, whether or not a lane of
 * the zones between is there, and the direction. */
static void
test_crossings_lines (void)
{
  static const char * const lanes[] = { "evidence", "customer", "frontstage", "backstage", "support" };
  static const struct { int from, to; BpLines lines; BpDirection direction; } cases[] = {
    { 1, 4, BP_LINES_INTERACTION | BP_LINES_VISIBILITY | BP_LINES_INTERNAL, BP_DIRECTION_DOWN },
    { 4, 1, BP_LINES_INTERACTION | BP_LINES_VISIBILITY | BP_LINES_INTERNAL, BP_DIRECTION_UP },
    { 0, 1, BP_LINES_NONE, BP_DIRECTION_DOWN },
    { 0, 2, BP_LINES_INTERACTION, BP_DIRECTION_DOWN },
    { 1, 2, BP_LINES_INTERACTION, BP_DIRECTION_DOWN },
    { 2, 3, BP_LINES_VISIBILITY, BP_DIRECTION_DOWN },
    { 3, 2, BP_LINES_VISIBILITY, BP_DIRECTION_UP },
    { 3, 4, BP_LINES_INTERNAL, BP_DIRECTION_DOWN },
    { 1, 3, BP_LINES_INTERACTION | BP_LINES_VISIBILITY, BP_DIRECTION_DOWN },
    { 2, 2, BP_LINES_NONE, BP_DIRECTION_NONE },
    { 4, 4, BP_LINES_NONE, BP_DIRECTION_NONE },
  };
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpInsights) insights = NULL;
  const BpCrossings *total;

  /* An empty backstage lane does not stop customer-to-support flows from
   * crossing the line of visibility. */
  bp_document_remove (doc, bp_document_lookup (doc, "backstage"));
  bp_document_add_lane (doc, BP_LANE_KIND_BACKSTAGE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *from_lane = cases[i].from == 3 ? NULL : lanes[cases[i].from];
      const char *to_lane = cases[i].to == 3 ? NULL : lanes[cases[i].to];
      BpLane *backstage = bp_document_get_lane (doc, 3);
      BpStep *from, *to;

      g_assert_cmpint (bp_lane_get_kind (backstage), ==, BP_LANE_KIND_BACKSTAGE);
      from = add_step (doc, from_lane ? from_lane : id_of (backstage), "use", i * 10, 1, NULL);
      to = add_step (doc, to_lane ? to_lane : id_of (backstage), "use", i * 10 + 5, 1, NULL);
      add_flow (doc, from, to, i % 2 ? BP_FLOW_KIND_INFORMATION : BP_FLOW_KIND_SEQUENCE);
    }

  insights = bp_insights_compute (doc);
  g_assert_cmpuint (bp_insights_get_n_flows (insights), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BpInsightsFlow *flow = bp_insights_get_flow (insights, i);

      g_test_message ("case %u: zone %d to %d", i, cases[i].from, cases[i].to);
      g_assert_cmpuint (flow->lines, ==, cases[i].lines);
      g_assert_cmpint (flow->direction, ==, cases[i].direction);
      g_assert_false (flow->handoff);
    }

  /* Totals: each flow counted once per line it crosses, whatever its kind. */
  total = bp_insights_get_crossings (insights);
  g_assert_cmpuint (total->interaction, ==, 5);
  g_assert_cmpuint (total->visibility, ==, 5);
  g_assert_cmpuint (total->internal, ==, 3);
  g_assert_cmpuint (total->actor, ==, 0);
  g_assert_cmpuint (stage_insights (insights, doc, "use")->crossings.interaction, ==, 5);
  g_assert_cmpuint (stage_insights (insights, doc, "attract")->crossings.interaction, ==, 0);
}

/* A hand-off needs two actors that differ beyond case and spaces. */
static void
test_crossings_handoffs (void)
{
  static const struct { const char *a, *b; gboolean handoff; } cases[] = {
    { "Clerk", "IT desk", TRUE },
    { "Clerk", "  clerk ", FALSE },
    { "ÉQUIPE", "équipe", FALSE },
    { "Clerk", NULL, FALSE },
    { NULL, NULL, FALSE },
    { "Clerk", "   ", FALSE },
    { "Bank IT", "Bank  IT", TRUE },
  };
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpInsights) insights = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BpStep *a = add_step (doc, "frontstage", "attract", 0, -1, cases[i].a);
      BpStep *b = add_step (doc, "backstage", i < 3 ? "attract" : "orient", 0, -1, cases[i].b);

      add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
    }

  insights = bp_insights_compute (doc);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bp_insights_get_flow (insights, i)->handoff, ==, cases[i].handoff);

  g_assert_cmpuint (bp_insights_get_crossings (insights)->actor, ==, 2);
  /* Counted in the stage of the flow's source step. */
  g_assert_cmpuint (stage_insights (insights, doc, "attract")->crossings.actor, ==, 2);
  g_assert_cmpuint (stage_insights (insights, doc, "orient")->crossings.actor, ==, 0);
  g_assert_cmpuint (stage_insights (insights, doc, "attract")->crossings.visibility, ==, 7);
}

/* Time */

static double
elapsed (BpDocument *doc,
         guint      *unknown)
{
  g_autoptr(BpInsights) insights = bp_insights_compute (doc);

  return bp_insights_get_elapsed (insights, unknown);
}

static void
test_time_chain_and_parallel (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "attract", 0, 10, NULL);
  BpStep *b = add_step (doc, "frontstage", "attract", 200, 100, NULL);
  BpStep *c = add_step (doc, "backstage", "attract", 200, 5, NULL);
  BpStep *d = add_step (doc, "customer", "orient", 0, 20, NULL);
  g_autoptr(BpInsights) insights = NULL;
  const char * const *path;
  guint unknown = 99;

  /* Parallel branches: the longest one, not the sum. */
  add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, a, c, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, b, d, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, c, d, BP_FLOW_KIND_SEQUENCE);

  insights = bp_insights_compute (doc);
  g_assert_cmpfloat (bp_insights_get_elapsed (insights, &unknown), ==, 130);
  g_assert_cmpuint (unknown, ==, 0);
  path = bp_insights_get_path (insights);
  g_assert_cmpuint (g_strv_length ((char **) path), ==, 3);
  g_assert_cmpstr (path[0], ==, id_of (a));
  g_assert_cmpstr (path[1], ==, id_of (b));
  g_assert_cmpstr (path[2], ==, id_of (d));

  /* The stage's own path stops at its border. */
  g_assert_cmpfloat (stage_insights (insights, doc, "attract")->elapsed, ==, 110);
  g_assert_cmpfloat (stage_insights (insights, doc, "orient")->elapsed, ==, 20);
  g_assert_cmpfloat (stage_insights (insights, doc, "use")->elapsed, ==, 0);

  /* The shorter branch growing past the other changes the path. */
  bp_step_set_duration (c, 150);
  g_assert_cmpfloat (elapsed (doc, NULL), ==, 180);
}

/* Unknown durations count as zero and are counted; a step no sequence
 * flow touches is a path of its own. */
static void
test_time_unknown_and_alone (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "attract", 0, 60, NULL);
  BpStep *b = add_step (doc, "frontstage", "attract", 0, -1, NULL);
  BpStep *c = add_step (doc, "customer", "attract", 200, 30, NULL);
  BpStep *alone;
  guint unknown = 0;

  add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, b, c, BP_FLOW_KIND_SEQUENCE);
  g_assert_cmpfloat (elapsed (doc, &unknown), ==, 90);
  g_assert_cmpuint (unknown, ==, 1);

  alone = add_step (doc, "backstage", "use", 0, 500, NULL);
  g_assert_cmpfloat (elapsed (doc, &unknown), ==, 500);
  g_assert_cmpuint (unknown, ==, 0);

  /* As long, with more unknown steps: the path that may take longer. */
  bp_step_set_duration (alone, 90);
  g_assert_cmpfloat (elapsed (doc, &unknown), ==, 90);
  g_assert_cmpuint (unknown, ==, 1);

  /* A blueprint without steps takes nothing. */
  {
    g_autoptr(BpDocument) empty = bp_document_new_standard ();
    g_autoptr(BpInsights) insights = bp_insights_compute (empty);

    g_assert_cmpfloat (bp_insights_get_elapsed (insights, &unknown), ==, 0);
    g_assert_cmpuint (unknown, ==, 0);
    g_assert_null (bp_insights_get_path (insights)[0]);
  }
}

/* Information and recovery flows are not edges of the path; rework flows
 * are left out and reported. */
static void
test_time_flow_kinds (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "attract", 0, 10, NULL);
  BpStep *b = add_step (doc, "frontstage", "attract", 0, 20, NULL);
  BpStep *c = add_step (doc, "backstage", "orient", 0, 40, NULL);
  BpFlow *ab = add_flow (doc, a, b, BP_FLOW_KIND_INFORMATION);
  BpFlow *bc = add_flow (doc, b, c, BP_FLOW_KIND_RECOVERY);
  BpFlow *ca;
  g_autoptr(BpInsights) insights = NULL;

  g_assert_cmpfloat (elapsed (doc, NULL), ==, 40);
  bp_flow_set_kind (ab, BP_FLOW_KIND_SEQUENCE);
  bp_flow_set_kind (bc, BP_FLOW_KIND_SEQUENCE);
  g_assert_cmpfloat (elapsed (doc, NULL), ==, 70);

  /* A rework loop back to the start adds nothing and raises no cycle. */
  ca = add_flow (doc, c, a, BP_FLOW_KIND_REWORK);
  insights = bp_insights_compute (doc);
  g_assert_cmpfloat (bp_insights_get_elapsed (insights, NULL), ==, 70);
  g_assert_true (flow_insights (insights, doc, ca)->rework);
  g_assert_false (flow_insights (insights, doc, ab)->rework);
  g_assert_false (has_check (insights, BP_CHECK_SEQUENCE_CYCLE, ca));
}

/* A cycle of sequence flows: its backward flow is reported and treated
 * as rework, wherever the cycle is entered. */
static void
test_time_cycle (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *start = add_step (doc, "customer", "attract", 0, 1, NULL);
  BpStep *a = add_step (doc, "frontstage", "orient", 0, 10, NULL);
  BpStep *b = add_step (doc, "frontstage", "orient", 300, 20, NULL);
  BpStep *c = add_step (doc, "frontstage", "use", 0, 30, NULL);
  BpStep *end = add_step (doc, "customer", "retain", 0, 2, NULL);
  BpFlow *back, *forward_left;
  g_autoptr(BpInsights) insights = NULL;
  g_autoptr(BpInsights) again = NULL;
  const BpInsightsCheck *check;

  add_flow (doc, start, b, BP_FLOW_KIND_SEQUENCE);  /* enters in the middle */
  add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, b, c, BP_FLOW_KIND_SEQUENCE);
  back = add_flow (doc, c, a, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, c, end, BP_FLOW_KIND_SEQUENCE);
  /* A flow to an earlier step that closes no cycle is an ordinary edge. */
  forward_left = add_flow (doc, end, add_step (doc, "frontstage", "attract", 400, 7, NULL),
                           BP_FLOW_KIND_SEQUENCE);

  insights = bp_insights_compute (doc);
  check = find_check (insights, BP_CHECK_SEQUENCE_CYCLE, id_of (back));
  g_assert_nonnull (check);
  g_assert_cmpint (check->severity, ==, BP_SEVERITY_WARNING);
  g_assert_true (flow_insights (insights, doc, back)->rework);
  g_assert_false (flow_insights (insights, doc, forward_left)->rework);
  g_assert_false (has_check (insights, BP_CHECK_SEQUENCE_CYCLE, forward_left));
  /* Without the backward flow the loop runs once, from a: a, b, c, end,
   * and the step after end (longer than from start). */
  g_assert_cmpfloat (bp_insights_get_elapsed (insights, NULL), ==, 10 + 20 + 30 + 2 + 7);

  /* Marked as rework, the check goes and the time stays. */
  bp_flow_set_kind (back, BP_FLOW_KIND_REWORK);
  again = bp_insights_compute (doc);
  g_assert_false (has_check (again, BP_CHECK_SEQUENCE_CYCLE, back));
  g_assert_cmpfloat (bp_insights_get_elapsed (again, NULL), ==, 69);
}

/* Two steps in the same place: the file's order decides which flow is
 * the backward one. */
static void
test_time_cycle_same_place (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "frontstage", "use", 40, 3, NULL);
  BpStep *b = add_step (doc, "backstage", "use", 40, 4, NULL);
  BpFlow *ab = add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
  BpFlow *ba = add_flow (doc, b, a, BP_FLOW_KIND_SEQUENCE);
  g_autoptr(BpInsights) insights = bp_insights_compute (doc);

  g_assert_true (has_check (insights, BP_CHECK_SEQUENCE_CYCLE, ba));
  g_assert_false (has_check (insights, BP_CHECK_SEQUENCE_CYCLE, ab));
  g_assert_cmpfloat (bp_insights_get_elapsed (insights, NULL), ==, 7);
}

static void
test_time_stage_figures (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "use", 0, 30, NULL);
  BpStep *wait = add_step (doc, "customer", "use", 200, 600, NULL);
  BpStep *front = add_step (doc, "frontstage", "use", 0, 45, "Clerk");
  BpStep *back = add_step (doc, "backstage", "use", 0, 300, "Clerk");
  g_autoptr(BpInsights) insights = NULL;
  const BpInsightsStage *stage;

  add_step (doc, "backstage", "use", 400, -1, "Clerk");
  bp_step_set_flags (wait, BP_STEP_FLAG_WAIT_POINT);
  add_flow (doc, a, front, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, front, back, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, back, wait, BP_FLOW_KIND_SEQUENCE);

  insights = bp_insights_compute (doc);
  stage = stage_insights (insights, doc, "use");
  g_assert_cmpuint (stage->n_steps, ==, 5);
  g_assert_cmpfloat (stage->elapsed, ==, 30 + 45 + 300 + 600);
  g_assert_cmpuint (stage->unknown, ==, 0);
  g_assert_cmpfloat (stage->customer, ==, 630);
  g_assert_cmpfloat (stage->waiting, ==, 600);
  g_assert_cmpfloat (stage->effort[BP_LANE_KIND_CUSTOMER], ==, 630);
  g_assert_cmpfloat (stage->effort[BP_LANE_KIND_FRONTSTAGE], ==, 45);
  g_assert_cmpfloat (stage->effort[BP_LANE_KIND_BACKSTAGE], ==, 300);
  g_assert_cmpfloat (stage->effort[BP_LANE_KIND_SUPPORT], ==, 0);
  g_assert_cmpfloat (bp_insights_get_customer_time (insights), ==, 630);
  g_assert_cmpfloat (bp_insights_get_waiting_time (insights), ==, 600);
  g_assert_cmpuint (bp_insights_get_n_wait_points (insights), ==, 1);
  g_assert_cmpuint (bp_insights_get_n_fail_points (insights), ==, 0);
}

/* Tolerance: over when the time exceeds it, not when it equals it. */
static void
test_time_tolerance (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "attract", 0, 120, NULL);
  BpStep *b = add_step (doc, "customer", "attract", 200, -1, NULL);
  BpStage *attract = BP_STAGE (bp_document_lookup (doc, "attract"));
  g_autoptr(BpInsights) under = NULL;
  g_autoptr(BpInsights) over = NULL;
  const BpInsightsCheck *check;
  guint position = 0;

  add_flow (doc, a, b, BP_FLOW_KIND_SEQUENCE);
  bp_step_set_tolerance (a, 120);
  bp_stage_set_tolerance (attract, 120);
  bp_document_set_tolerance (doc, 120);

  under = bp_insights_compute (doc);
  g_assert_false (has_check (under, BP_CHECK_OVER_TOLERANCE, a));
  g_assert_false (has_check (under, BP_CHECK_OVER_TOLERANCE, attract));
  g_assert_false (has_check (under, BP_CHECK_OVER_TOLERANCE, NULL));
  g_assert_false (bp_insights_is_over (under));
  g_assert_cmpfloat (bp_insights_get_tolerance (under), ==, 120);

  bp_step_set_tolerance (a, 60);
  bp_stage_set_tolerance (attract, 100);
  bp_document_set_tolerance (doc, 90);
  over = bp_insights_compute (doc);
  g_assert_true (has_check (over, BP_CHECK_OVER_TOLERANCE, a));
  g_assert_true (has_check (over, BP_CHECK_OVER_TOLERANCE, attract));
  g_assert_true (stage_insights (over, doc, "attract")->over);
  check = find_check (over, BP_CHECK_OVER_TOLERANCE, NULL);
  g_assert_nonnull (check);
  g_assert_true (bp_insights_is_over (over));

  /* The blueprint's check comes first, and its message quotes both times
   * and the unknown step. */
  g_assert_true (bp_insights_get_check (over, 0) == check);
  g_assert_nonnull (strstr (bp_insights_get_check_message (over, position), "2 min"));
  g_assert_nonnull (strstr (bp_insights_get_check_message (over, position), "1.5 min"));
  g_assert_nonnull (strstr (bp_insights_get_check_message (over, position), "1 step"));

  /* Each item's checks, found by id; the blueprint's by NULL. */
  {
    g_autoptr(GArray) blueprint = bp_insights_find_checks (over, NULL);
    g_autoptr(GArray) on_a = bp_insights_find_checks (over, id_of (a));
    g_autoptr(GArray) on_nothing = bp_insights_find_checks (over, "no-such-item");
    guint expected = 0;

    g_assert_cmpuint (blueprint->len, ==, 1);
    g_assert_cmpuint (g_array_index (blueprint, guint, 0), ==, 0);
    for (guint i = 0; i < bp_insights_get_n_checks (over); i++)
      expected += g_strcmp0 (bp_insights_get_check (over, i)->item, id_of (a)) == 0;
    g_assert_cmpuint (expected, ==, 2);  /* over-tolerance, customer-unsupported */
    g_assert_cmpuint (on_a->len, ==, expected);
    for (guint i = 0; i < on_a->len; i++)
      g_assert_cmpstr (bp_insights_get_check (over, g_array_index (on_a, guint, i))->item, ==, id_of (a));
    g_assert_cmpuint (on_nothing->len, ==, 0);
  }
}

/* Checks */

static void
test_check_customer_unsupported (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *alone = add_step (doc, "customer", "attract", 0, 1, NULL);
  BpStep *to_front = add_step (doc, "customer", "attract", 200, 1, NULL);
  BpStep *from_evidence = add_step (doc, "customer", "attract", 400, 1, NULL);
  BpStep *to_back = add_step (doc, "customer", "attract", 600, 1, NULL);
  BpStep *to_customer = add_step (doc, "customer", "attract", 800, 1, NULL);
  BpStep *front = add_step (doc, "frontstage", "attract", 0, 1, "Clerk");
  BpStep *evidence = add_step (doc, "evidence", "attract", 0, 1, NULL);
  BpStep *back = add_step (doc, "backstage", "attract", 0, 1, "Clerk");
  g_autoptr(BpInsights) insights = NULL;
  const BpInsightsCheck *check;

  add_flow (doc, to_front, front, BP_FLOW_KIND_INFORMATION);
  add_flow (doc, evidence, from_evidence, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, to_back, back, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, to_customer, alone, BP_FLOW_KIND_SEQUENCE);

  insights = bp_insights_compute (doc);
  check = find_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, id_of (alone));
  g_assert_nonnull (check);
  g_assert_cmpint (check->severity, ==, BP_SEVERITY_WARNING);
  g_assert_false (check->dismissed);
  g_assert_false (has_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, to_front));
  g_assert_false (has_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, from_evidence));
  g_assert_true (has_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, to_back));
  g_assert_true (has_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, to_customer));
}

static void
test_check_backstage_orphan (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *back = add_step (doc, "backstage", "use", 0, 1, "IT");
  BpStep *support = add_step (doc, "support", "use", 0, 1, "IT");
  BpStep *front = add_step (doc, "frontstage", "use", 0, 1, "IT");
  BpStep *linked = add_step (doc, "support", "use", 200, 1, "IT");
  g_autoptr(BpInsights) insights = NULL;

  add_flow (doc, linked, front, BP_FLOW_KIND_INFORMATION);
  insights = bp_insights_compute (doc);
  g_assert_true (has_check (insights, BP_CHECK_BACKSTAGE_ORPHAN, back));
  g_assert_true (has_check (insights, BP_CHECK_BACKSTAGE_ORPHAN, support));
  g_assert_false (has_check (insights, BP_CHECK_BACKSTAGE_ORPHAN, front));
  g_assert_false (has_check (insights, BP_CHECK_BACKSTAGE_ORPHAN, linked));
}

static void
test_check_stage_evidence_and_customer (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpInsights) insights = NULL;
  BpItem *attract = bp_document_lookup (doc, "attract");
  BpItem *orient = bp_document_lookup (doc, "orient");
  BpItem *use = bp_document_lookup (doc, "use");
  BpItem *retain = bp_document_lookup (doc, "retain");

  add_step (doc, "customer", "attract", 0, 1, NULL);
  add_step (doc, "customer", "orient", 0, 1, NULL);
  add_step (doc, "evidence", "orient", 0, 1, NULL);
  add_step (doc, "frontstage", "use", 0, 1, "Clerk");
  add_step (doc, "evidence", "retain", 0, 1, NULL);

  insights = bp_insights_compute (doc);
  g_assert_true (has_check (insights, BP_CHECK_STAGE_WITHOUT_EVIDENCE, attract));
  g_assert_false (has_check (insights, BP_CHECK_STAGE_WITHOUT_EVIDENCE, orient));
  g_assert_false (has_check (insights, BP_CHECK_STAGE_WITHOUT_EVIDENCE, use));
  g_assert_false (has_check (insights, BP_CHECK_STAGE_WITHOUT_CUSTOMER, attract));
  g_assert_true (has_check (insights, BP_CHECK_STAGE_WITHOUT_CUSTOMER, use));
  g_assert_true (has_check (insights, BP_CHECK_STAGE_WITHOUT_CUSTOMER, retain));
  /* An empty stage is empty, not without a customer. */
  g_assert_false (has_check (insights, BP_CHECK_STAGE_WITHOUT_CUSTOMER,
                             bp_document_lookup (doc, "maintain")));
  g_assert_true (has_check (insights, BP_CHECK_EMPTY_STAGE, bp_document_lookup (doc, "maintain")));
  g_assert_cmpint (find_check (insights, BP_CHECK_EMPTY_STAGE, "maintain")->severity, ==,
                   BP_SEVERITY_INFO);
  g_assert_false (has_check (insights, BP_CHECK_EMPTY_STAGE, use));
}

static void
test_check_dead_end (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *customer = add_step (doc, "customer", "use", 0, 1, NULL);
  BpStep *front = add_step (doc, "frontstage", "use", 0, 1, "A");
  BpStep *back = add_step (doc, "backstage", "use", 0, 1, "B");
  BpStep *support = add_step (doc, "support", "use", 0, 1, "C");
  BpStep *informed = add_step (doc, "backstage", "use", 200, 1, "B");
  BpStep *end_customer = add_step (doc, "customer", "use", 400, 1, NULL);
  g_autoptr(BpInsights) insights = NULL;
  g_autoptr(BpInsights) again = NULL;

  add_flow (doc, customer, front, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, front, back, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, back, support, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, support, informed, BP_FLOW_KIND_INFORMATION);
  add_flow (doc, front, end_customer, BP_FLOW_KIND_SEQUENCE);

  insights = bp_insights_compute (doc);
  g_assert_false (has_check (insights, BP_CHECK_DEAD_END, front));
  g_assert_false (has_check (insights, BP_CHECK_DEAD_END, back));
  /* An outgoing flow of any kind is a way on. */
  g_assert_false (has_check (insights, BP_CHECK_DEAD_END, support));
  /* Only an incoming sequence flow makes a dead end. */
  g_assert_false (has_check (insights, BP_CHECK_DEAD_END, informed));
  /* The customer may end the journey. */
  g_assert_false (has_check (insights, BP_CHECK_DEAD_END, end_customer));

  bp_document_remove (doc, bp_document_lookup (doc, id_of (informed)));
  again = bp_insights_compute (doc);
  g_assert_true (has_check (again, BP_CHECK_DEAD_END, support));
}

static void
test_check_fail_point_unrecovered (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *fail = add_step (doc, "frontstage", "use", 0, 1, "A");
  BpStep *next = add_step (doc, "frontstage", "use", 200, 1, "A");
  BpStep *fix = add_step (doc, "backstage", "use", 0, 1, "B");
  BpFlow *flow;
  g_autoptr(BpInsights) before = NULL;
  g_autoptr(BpInsights) after = NULL;

  bp_step_set_flags (fail, BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_PAIN_POINT);
  add_flow (doc, fail, next, BP_FLOW_KIND_SEQUENCE);
  /* A recovery flow into the fail point does not recover it. */
  add_flow (doc, fix, fail, BP_FLOW_KIND_RECOVERY);
  before = bp_insights_compute (doc);
  g_assert_true (has_check (before, BP_CHECK_FAIL_POINT_UNRECOVERED, fail));
  g_assert_cmpuint (bp_insights_get_n_fail_points (before), ==, 1);

  flow = add_flow (doc, fail, fix, BP_FLOW_KIND_RECOVERY);
  after = bp_insights_compute (doc);
  g_assert_false (has_check (after, BP_CHECK_FAIL_POINT_UNRECOVERED, fail));
  g_assert_false (flow_insights (after, doc, flow)->rework);
}

static void
test_check_leap_over_visibility (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *customer = add_step (doc, "customer", "use", 0, 1, NULL);
  BpStep *front = add_step (doc, "frontstage", "use", 0, 1, "A");
  BpStep *back = add_step (doc, "backstage", "use", 0, 1, "B");
  BpStep *support = add_step (doc, "support", "use", 0, 1, "C");
  BpStep *evidence = add_step (doc, "evidence", "use", 0, 1, NULL);
  BpFlow *down = add_flow (doc, customer, back, BP_FLOW_KIND_SEQUENCE);
  BpFlow *up = add_flow (doc, support, customer, BP_FLOW_KIND_RECOVERY);
  BpFlow *info = add_flow (doc, customer, support, BP_FLOW_KIND_INFORMATION);
  BpFlow *fine = add_flow (doc, customer, front, BP_FLOW_KIND_SEQUENCE);
  BpFlow *evidence_back = add_flow (doc, evidence, back, BP_FLOW_KIND_SEQUENCE);
  g_autoptr(BpInsights) insights = bp_insights_compute (doc);

  g_assert_true (has_check (insights, BP_CHECK_LEAP_OVER_VISIBILITY, down));
  g_assert_true (has_check (insights, BP_CHECK_LEAP_OVER_VISIBILITY, up));
  g_assert_false (has_check (insights, BP_CHECK_LEAP_OVER_VISIBILITY, info));
  g_assert_false (has_check (insights, BP_CHECK_LEAP_OVER_VISIBILITY, fine));
  g_assert_false (has_check (insights, BP_CHECK_LEAP_OVER_VISIBILITY, evidence_back));
}

static void
test_check_info_checks (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *wait = add_step (doc, "customer", "use", 0, -1, NULL);
  BpStep *timed_wait = add_step (doc, "customer", "use", 200, 0, NULL);
  BpStep *nobody = add_step (doc, "frontstage", "use", 0, 1, NULL);
  BpStep *blank = add_step (doc, "backstage", "use", 0, 1, "  ");
  BpStep *someone = add_step (doc, "support", "use", 0, 1, "IT");
  BpStep *customer = add_step (doc, "customer", "use", 400, 1, NULL);
  g_autoptr(BpInsights) insights = NULL;
  const BpInsightsCheck *check;

  bp_step_set_flags (wait, BP_STEP_FLAG_WAIT_POINT);
  bp_step_set_flags (timed_wait, BP_STEP_FLAG_WAIT_POINT);
  insights = bp_insights_compute (doc);

  check = find_check (insights, BP_CHECK_WAIT_WITHOUT_DURATION, id_of (wait));
  g_assert_nonnull (check);
  g_assert_cmpint (check->severity, ==, BP_SEVERITY_INFO);
  g_assert_false (has_check (insights, BP_CHECK_WAIT_WITHOUT_DURATION, timed_wait));
  g_assert_true (has_check (insights, BP_CHECK_MISSING_ACTOR, nobody));
  g_assert_true (has_check (insights, BP_CHECK_MISSING_ACTOR, blank));
  g_assert_false (has_check (insights, BP_CHECK_MISSING_ACTOR, someone));
  g_assert_false (has_check (insights, BP_CHECK_MISSING_ACTOR, customer));
}

/* Every message is a sentence that says what to do. */
static void
test_check_messages (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *customer = add_step (doc, "customer", "use", 0, 100, NULL);
  BpStep *back = add_step (doc, "backstage", "use", 0, 1, NULL);
  BpStep *fail = add_step (doc, "frontstage", "use", 0, 1, NULL);
  BpStep *orphan = add_step (doc, "support", "attract", 0, 1, NULL);
  g_autoptr(BpInsights) insights = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  bp_step_set_flags (fail, BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_WAIT_POINT);
  bp_step_set_duration (fail, -1);
  bp_step_set_tolerance (customer, 10);
  bp_stage_set_tolerance (BP_STAGE (bp_document_lookup (doc, "use")), 10);
  bp_document_set_tolerance (doc, 10);
  add_flow (doc, customer, back, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, back, customer, BP_FLOW_KIND_SEQUENCE);
  add_flow (doc, back, fail, BP_FLOW_KIND_SEQUENCE);
  g_assert_nonnull (orphan);

  insights = bp_insights_compute (doc);
  for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
    {
      const char *message = bp_insights_get_check_message (insights, i);

      g_hash_table_add (names, (char *) bp_insights_get_check (insights, i)->check);
      g_assert_cmpuint (strlen (message), >, 30);
      g_assert_nonnull (strchr (message, ':') != NULL ? message : strchr (message, '?'));
      /* Asked twice, the same text. */
      g_assert_true (message == bp_insights_get_check_message (insights, i));
    }
  /* This blueprint raises every check. */
  g_assert_cmpuint (g_hash_table_size (names), ==, 12);
}

/* Dismissals */

static void
test_dismissed (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *front = add_step (doc, "frontstage", "attract", 0, 1, NULL);
  BpStep *other = add_step (doc, "frontstage", "attract", 200, 1, NULL);
  g_autoptr(BpInsights) before = NULL;
  g_autoptr(BpInsights) after = NULL;
  g_autoptr(BpInsights) removed = NULL;
  g_autoptr(GArray) positions = NULL;
  guint infos;

  before = bp_insights_compute (doc);
  infos = bp_insights_count_checks (before, BP_SEVERITY_INFO);

  bp_document_set_dismissed (doc, BP_CHECK_MISSING_ACTOR, id_of (front), TRUE);
  /* A dismissal that matches no raised check shows nothing. */
  bp_document_set_dismissed (doc, BP_CHECK_DEAD_END, id_of (front), TRUE);
  after = bp_insights_compute (doc);
  g_assert_true (find_check (after, BP_CHECK_MISSING_ACTOR, id_of (front))->dismissed);
  g_assert_false (find_check (after, BP_CHECK_MISSING_ACTOR, id_of (other))->dismissed);
  g_assert_null (find_check (after, BP_CHECK_DEAD_END, id_of (front)));
  g_assert_cmpuint (bp_insights_count_checks (after, BP_SEVERITY_INFO), ==, infos - 1);
  g_assert_cmpuint (bp_insights_get_n_checks (after), ==, bp_insights_get_n_checks (before));

  positions = bp_insights_find_checks (after, id_of (front));
  g_assert_cmpuint (positions->len, ==, 1);
  g_assert_cmpstr (bp_insights_get_check (after, g_array_index (positions, guint, 0))->check, ==,
                   BP_CHECK_MISSING_ACTOR);

  /* The item removed under a dismissal: nothing raised on it, and the
   * dismissal waits in the document until a save drops it. */
  bp_document_remove (doc, BP_ITEM (front));
  removed = bp_insights_compute (doc);
  g_assert_true (bp_document_is_dismissed (doc, BP_CHECK_MISSING_ACTOR, "step-1"));
  for (guint i = 0; i < bp_insights_get_n_checks (removed); i++)
    g_assert_cmpstr (bp_insights_get_check (removed, i)->item, !=, "step-1");
  g_assert_cmpuint (bp_insights_count_checks (removed, BP_SEVERITY_INFO), ==, infos - 1);
}

/* The result is a snapshot: it outlives its document. */
static void
test_snapshot (void)
{
  BpDocument *doc = bp_document_new_standard ();
  BpStep *a = add_step (doc, "customer", "use", 0, 5, NULL);
  g_autoptr(BpInsights) insights = NULL;
  g_autofree char *id = g_strdup (id_of (a));

  insights = bp_insights_compute (doc);
  bp_step_set_duration (a, 50);
  g_object_unref (doc);

  g_assert_cmpfloat (bp_insights_get_elapsed (insights, NULL), ==, 5);
  g_assert_cmpstr (bp_insights_get_path (insights)[0], ==, id);
  g_assert_cmpstr (bp_insights_get_stage (insights, 2)->id, ==, "use");
  g_assert_nonnull (find_check (insights, BP_CHECK_CUSTOMER_UNSUPPORTED, id));
}

/* Random small DAGs against a brute-force longest path */

typedef struct
{
  guint   n;
  double  duration[8];
  guint   stage[8];
  gboolean edge[8][8];  /* sequence flows, i < j */
} Dag;

static void
brute_force (const Dag *dag,
             guint      v,
             gboolean   same_stage,
             double     seconds,
             guint      unknown,
             double    *best_seconds,
             guint     *best_unknown)
{
  if (dag->duration[v] >= 0)
    seconds += dag->duration[v];
  else
    unknown++;

  if (seconds > *best_seconds || (seconds == *best_seconds && unknown > *best_unknown))
    {
      *best_seconds = seconds;
      *best_unknown = unknown;
    }

  for (guint w = 0; w < dag->n; w++)
    if (dag->edge[v][w] && (!same_stage || dag->stage[v] == dag->stage[w]))
      brute_force (dag, w, same_stage, seconds, unknown, best_seconds, best_unknown);
}

static void
test_random_dags (void)
{
  static const char * const stages[] = { "attract", "orient", "use" };
  static const char * const lanes[] = { "customer", "frontstage", "backstage" };

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(BpDocument) doc = bp_document_new_standard ();
      g_autoptr(BpInsights) insights = NULL;
      BpStep *steps[8];
      Dag dag = { 0 };
      double best = -1, stage_best[3] = { -1, -1, -1 };
      guint best_unknown = 0, stage_unknown[3] = { 0 };
      guint unknown;

      dag.n = g_test_rand_int_range (1, 9);
      for (guint i = 0; i < dag.n; i++)
        {
          dag.duration[i] = g_test_rand_int_range (0, 4) == 0 ? -1 : g_test_rand_int_range (0, 50);
          dag.stage[i] = g_test_rand_int_range (0, 3);
          /* Any place on the canvas: a DAG's flows may go left too. */
          steps[i] = add_step (doc, lanes[g_test_rand_int_range (0, 3)], stages[dag.stage[i]],
                               g_test_rand_int_range (0, 5) * 100, dag.duration[i], NULL);
        }
      for (guint i = 0; i < dag.n; i++)
        for (guint j = 0; j < dag.n; j++)
          {
            int roll = g_test_rand_int_range (0, 10);

            if (i < j && roll < 3)
              {
                add_flow (doc, steps[i], steps[j], BP_FLOW_KIND_SEQUENCE);
                dag.edge[i][j] = TRUE;
              }
            else if (i != j && roll == 3)
              /* Neither kind is an edge of the path, in either direction. */
              add_flow (doc, steps[i], steps[j],
                        g_test_rand_bit () ? BP_FLOW_KIND_INFORMATION : BP_FLOW_KIND_RECOVERY);
            else if (i > j && roll == 4)
              add_flow (doc, steps[i], steps[j], BP_FLOW_KIND_REWORK);
          }

      for (guint v = 0; v < dag.n; v++)
        {
          brute_force (&dag, v, FALSE, 0, 0, &best, &best_unknown);
          brute_force (&dag, v, TRUE, 0, 0, &stage_best[dag.stage[v]], &stage_unknown[dag.stage[v]]);
        }

      insights = bp_insights_compute (doc);
      g_assert_cmpfloat (bp_insights_get_elapsed (insights, &unknown), ==, best);
      g_assert_cmpuint (unknown, ==, best_unknown);
      g_assert_null (find_check (insights, BP_CHECK_SEQUENCE_CYCLE, NULL));
      for (guint s = 0; s < 3; s++)
        {
          const BpInsightsStage *stage = stage_insights (insights, doc, stages[s]);

          g_assert_cmpfloat (stage->elapsed, ==, MAX (stage_best[s], 0));
          g_assert_cmpuint (stage->unknown, ==, stage_unknown[s]);
        }
      for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
        g_assert_cmpstr (bp_insights_get_check (insights, i)->check, !=, BP_CHECK_SEQUENCE_CYCLE);
    }
}

/* Random graphs with cycles: every cycle loses exactly its backward
 * flows, and what is left has no cycle (the pass finishes its sweep). */
static void
test_random_cycles (void)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(BpDocument) doc = bp_document_new_standard ();
      g_autoptr(BpInsights) insights = NULL;
      BpStep *steps[8];
      guint n = g_test_rand_int_range (2, 9);
      double total = 0;

      for (guint i = 0; i < n; i++)
        {
          steps[i] = add_step (doc, "frontstage", "use", i * 100, 1 << i, "A");
          total += 1 << i;
        }
      /* A ring through every step, then random chords. */
      for (guint i = 0; i < n; i++)
        add_flow (doc, steps[i], steps[(i + 1) % n], BP_FLOW_KIND_SEQUENCE);
      for (guint k = 0; k < n; k++)
        {
          guint a = g_test_rand_int_range (0, n), b = g_test_rand_int_range (0, n);

          if (a != b)
            add_flow (doc, steps[a], steps[b], BP_FLOW_KIND_SEQUENCE);
        }

      insights = bp_insights_compute (doc);
      /* The ring's forward flows remain: the path runs through them all. */
      g_assert_cmpfloat (bp_insights_get_elapsed (insights, NULL), ==, total);
      for (guint f = 0; f < bp_document_get_n_flows (doc); f++)
        {
          BpFlow *flow = bp_document_get_flow (doc, f);
          int from = bp_document_get_position (doc, bp_document_lookup (doc, bp_flow_get_from (flow)));
          int to = bp_document_get_position (doc, bp_document_lookup (doc, bp_flow_get_to (flow)));

          /* One component: a flow is backward exactly when it goes left. */
          g_assert_cmpint (bp_insights_get_flow (insights, f)->rework, ==, to < from);
          g_assert_cmpint (has_check (insights, BP_CHECK_SEQUENCE_CYCLE, flow), ==, to < from);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insights/crossings/lines", test_crossings_lines);
  g_test_add_func ("/insights/crossings/handoffs", test_crossings_handoffs);
  g_test_add_func ("/insights/time/chain-and-parallel", test_time_chain_and_parallel);
  g_test_add_func ("/insights/time/unknown-and-alone", test_time_unknown_and_alone);
  g_test_add_func ("/insights/time/flow-kinds", test_time_flow_kinds);
  g_test_add_func ("/insights/time/cycle", test_time_cycle);
  g_test_add_func ("/insights/time/cycle-same-place", test_time_cycle_same_place);
  g_test_add_func ("/insights/time/stage-figures", test_time_stage_figures);
  g_test_add_func ("/insights/time/tolerance", test_time_tolerance);
  g_test_add_func ("/insights/time/random-dags", test_random_dags);
  g_test_add_func ("/insights/time/random-cycles", test_random_cycles);
  g_test_add_func ("/insights/check/customer-unsupported", test_check_customer_unsupported);
  g_test_add_func ("/insights/check/backstage-orphan", test_check_backstage_orphan);
  g_test_add_func ("/insights/check/stage-evidence-and-customer", test_check_stage_evidence_and_customer);
  g_test_add_func ("/insights/check/dead-end", test_check_dead_end);
  g_test_add_func ("/insights/check/fail-point-unrecovered", test_check_fail_point_unrecovered);
  g_test_add_func ("/insights/check/leap-over-visibility", test_check_leap_over_visibility);
  g_test_add_func ("/insights/check/info-checks", test_check_info_checks);
  g_test_add_func ("/insights/check/messages", test_check_messages);
  g_test_add_func ("/insights/dismissed", test_dismissed);
  g_test_add_func ("/insights/snapshot", test_snapshot);

  return g_test_run ();
}
