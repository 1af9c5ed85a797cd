/* test-model.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "model/bp-document.h"
#include "history/bp-history.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

static void
test_standard_document (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);

  g_assert_cmpuint (bp_document_get_n_lanes (doc), ==, BP_N_LANE_KINDS);
  g_assert_cmpuint (bp_document_get_n_stages (doc), ==, 5);
  g_assert_cmpuint (bp_document_get_n_steps (doc), ==, 0);

  for (guint i = 0; i < BP_N_LANE_KINDS; i++)
    {
      BpLane *lane = bp_document_get_lane (doc, i);

      g_assert_cmpint (bp_lane_get_kind (lane), ==, (BpLaneKind) i);
      g_assert_null (bp_lane_get_name (lane));
      g_assert_cmpstr (bp_lane_get_display_name (lane), ==,
                       bp_lane_kind_default_name (i));
    }

  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (doc, 0)), ==, "Attract");
  g_assert_false (bp_history_can_undo (history));
  g_assert_false (bp_history_get_modified (history));
}

static void
test_insert_and_lookup (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  ItemsChanged record = { 0 };
  BpStep *step;

  g_signal_connect (bp_document_get_steps (doc), "items-changed",
                    G_CALLBACK (on_items_changed), &record);

  step = bp_document_add_step (doc, "customer", "use", 24, "Pays the invoice");
  g_assert_nonnull (step);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_true (bp_document_lookup (doc, bp_item_get_id (BP_ITEM (step))) == BP_ITEM (step));
  g_assert_true (bp_item_get_document (BP_ITEM (step)) == doc);
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (step)), ==, 0);
  g_assert_cmpstr (bp_step_get_text (step), ==, "Pays the invoice");
  g_assert_cmpfloat (bp_step_get_x (step), ==, 24);
  g_assert_false (bp_step_has_duration (step));
}

static void
test_insert_refuses_bad_items (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpStep) no_lane = bp_step_new ("s1", "nowhere", "use", 0);
  g_autoptr(BpStep) no_stage = bp_step_new ("s2", "customer", "nowhen", 0);
  g_autoptr(BpStage) taken = bp_stage_new ("customer");
  g_autoptr(BpStep) wrong_kind = bp_step_new ("s3", "use", "use", 0);
  BpStep *a = bp_document_add_step (doc, "customer", "use", 0, "a");
  g_autoptr(BpFlow) self_loop = bp_flow_new ("f1", bp_item_get_id (BP_ITEM (a)),
                                             bp_item_get_id (BP_ITEM (a)));
  g_autoptr(BpFlow) dangling = bp_flow_new ("f2", bp_item_get_id (BP_ITEM (a)), "ghost");

  g_assert_false (bp_document_insert (doc, BP_ITEM (no_lane), -1));
  g_assert_false (bp_document_insert (doc, BP_ITEM (no_stage), -1));
  g_assert_false (bp_document_insert (doc, BP_ITEM (taken), -1));
  g_assert_false (bp_document_insert (doc, BP_ITEM (wrong_kind), -1));
  g_assert_false (bp_document_insert (doc, BP_ITEM (self_loop), -1));
  g_assert_false (bp_document_insert (doc, BP_ITEM (dangling), -1));
  /* An attached item cannot be inserted twice. */
  g_assert_false (bp_document_insert (doc, BP_ITEM (a), -1));

  g_assert_cmpuint (bp_document_get_n_steps (doc), ==, 1);
  g_assert_cmpuint (bp_document_get_n_flows (doc), ==, 0);
  g_assert_cmpuint (bp_document_get_n_stages (doc), ==, 5);
}

static void
test_remove_cascades (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *a = bp_document_add_step (doc, "customer", "use", 0, "a");
  BpStep *b = bp_document_add_step (doc, "frontstage", "use", 0, "b");
  BpStep *c = bp_document_add_step (doc, "backstage", "retain", 0, "c");
  const char *ida = bp_item_get_id (BP_ITEM (a));
  const char *idb = bp_item_get_id (BP_ITEM (b));
  const char *idc = bp_item_get_id (BP_ITEM (c));
  g_autoptr(GPtrArray) dependents = NULL;
  BpItem *stage = bp_document_lookup (doc, "use");

  bp_document_add_flow (doc, ida, idb);
  bp_document_add_flow (doc, idb, idc);
  bp_document_add_flow (doc, idc, ida);

  /* A stage takes its steps and every flow touching them. */
  dependents = bp_document_get_dependents (doc, stage);
  g_assert_cmpuint (dependents->len, ==, 2 + 3);

  bp_document_remove (doc, stage);
  g_assert_null (bp_document_lookup (doc, "use"));
  g_assert_null (bp_document_lookup (doc, ida));
  g_assert_null (bp_document_lookup (doc, idb));
  g_assert_nonnull (bp_document_lookup (doc, idc));
  g_assert_cmpuint (bp_document_get_n_flows (doc), ==, 0);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Remove Stage");

  /* One undo brings all of it back, in place. */
  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (bp_document_get_n_steps (doc), ==, 3);
  g_assert_cmpuint (bp_document_get_n_flows (doc), ==, 3);
  g_assert_cmpint (bp_document_get_position (doc, bp_document_lookup (doc, "use")), ==, 2);
  g_assert_cmpint (bp_document_get_position (doc, bp_document_lookup (doc, ida)), ==, 0);
}

static void
test_remove_step_takes_flows (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *a = bp_document_add_step (doc, "customer", "use", 0, "a");
  BpStep *b = bp_document_add_step (doc, "frontstage", "use", 0, "b");
  BpStep *c = bp_document_add_step (doc, "support", "use", 0, "c");
  BpFlow *kept = NULL;

  bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (a)), bp_item_get_id (BP_ITEM (b)));
  kept = bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (b)), bp_item_get_id (BP_ITEM (c)));

  bp_document_remove (doc, BP_ITEM (a));
  g_assert_cmpuint (bp_document_get_n_flows (doc), ==, 1);
  g_assert_true (bp_document_get_flow (doc, 0) == kept);
}

static void
test_lanes_stay_in_zone_order (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpLane *staff = bp_document_add_lane (doc, BP_LANE_KIND_BACKSTAGE, "Staff");
  BpLane *customer = BP_LANE (bp_document_lookup (doc, "customer"));
  guint first, last;

  /* A new backstage lane goes at the end of its zone. */
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (staff)), ==, 4);
  bp_document_get_zone_range (doc, BP_LANE_KIND_BACKSTAGE, &first, &last);
  g_assert_cmpuint (first, ==, 3);
  g_assert_cmpuint (last, ==, 5);

  /* Reordering cannot take it out of its zone. */
  bp_document_reorder (doc, BP_ITEM (staff), 0);
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (staff)), ==, 3);

  /* Changing the kind moves the lane into its new zone… */
  bp_lane_set_kind (customer, BP_LANE_KIND_SUPPORT);
  for (guint i = 1; i < bp_document_get_n_lanes (doc); i++)
    g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (doc, i - 1)), <=,
                     bp_lane_get_kind (bp_document_get_lane (doc, i)));
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (customer)), ==, 4);

  /* …and one undo puts kind and place back. */
  g_assert_true (bp_history_undo (history));
  g_assert_cmpint (bp_lane_get_kind (customer), ==, BP_LANE_KIND_CUSTOMER);
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (customer)), ==, 1);
  g_assert_true (bp_history_redo (history));
  g_assert_cmpint (bp_lane_get_kind (customer), ==, BP_LANE_KIND_SUPPORT);
  g_assert_cmpint (bp_document_get_position (doc, BP_ITEM (customer)), ==, 4);
}

static void
count_call (guint *counter)
{
  (*counter)++;
}

/* Zone ranges stay right as lanes of every kind pile up in any order. */
static void
test_zone_ranges (void)
{
  g_autoptr(BpDocument) doc = bp_document_new ();
  guint counts[BP_N_LANE_KINDS] = { 0 };

  for (guint i = 0; i < 500; i++)
    {
      BpLaneKind kind = g_test_rand_int_range (0, BP_N_LANE_KINDS);

      g_assert_nonnull (bp_document_add_lane (doc, kind, NULL));
      counts[kind]++;
    }

  for (guint k = 0, expected_first = 0; k < BP_N_LANE_KINDS; k++)
    {
      guint first, last;

      bp_document_get_zone_range (doc, k, &first, &last);
      g_assert_cmpuint (first, ==, expected_first);
      g_assert_cmpuint (last - first, ==, counts[k]);
      for (guint i = first; i < last; i++)
        g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (doc, i)), ==, (BpLaneKind) k);
      expected_first = last;
    }
}

static void
test_item_changed_signal (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *step = bp_document_add_step (doc, "customer", "use", 0, "a");
  guint changed = 0;
  guint notified = 0;

  g_signal_connect_swapped (doc, "item-changed", G_CALLBACK (count_call), &changed);
  g_signal_connect_swapped (step, "notify::text", G_CALLBACK (count_call), &notified);

  bp_step_set_text (step, "b");
  bp_step_set_text (step, "b");  /* no change, no signal */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_setters_clamp_and_validate (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *step = bp_document_add_step (doc, "customer", "use", 0, "a");

  bp_step_set_width (step, 5);
  g_assert_cmpfloat (bp_step_get_width (step), ==, BP_STEP_MIN_WIDTH);
  bp_step_set_x (step, -10);
  g_assert_cmpfloat (bp_step_get_x (step), ==, 0);
  bp_step_set_x (step, 50);
  bp_step_set_x (step, NAN);
  g_assert_cmpfloat (bp_step_get_x (step), ==, 0);
  bp_step_set_width (step, INFINITY);
  g_assert_cmpfloat (bp_step_get_width (step), ==, BP_STEP_MAX_WIDTH);
  bp_step_set_duration (step, 90);
  g_assert_true (bp_step_has_duration (step));
  bp_step_set_duration (step, -5);
  g_assert_false (bp_step_has_duration (step));
  bp_step_set_flags (step, BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_WAIT_POINT);
  g_assert_cmpuint (bp_step_get_flags (step), ==, BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_WAIT_POINT);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changed (BpDocument *document,
               guint      *count)
{
  (*count)++;
}

/* Tolerances are seconds or nothing, like durations; a flow is a sequence
 * until told otherwise; each notifies once per real change. */
static void
test_tolerance_and_kind (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *step = bp_document_add_step (doc, "customer", "use", 0, "a");
  BpStep *other = bp_document_add_step (doc, "frontstage", "use", 0, "b");
  BpFlow *flow = bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (step)),
                                       bp_item_get_id (BP_ITEM (other)));
  BpStage *stage = bp_document_get_stage (doc, 0);
  guint notified = 0;

  g_assert_false (bp_step_has_tolerance (step));
  g_assert_false (bp_stage_has_tolerance (stage));
  g_assert_false (bp_document_has_tolerance (doc));
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_SEQUENCE);

  g_signal_connect (step, "notify::tolerance", G_CALLBACK (count_notify), &notified);
  bp_step_set_tolerance (step, 0);
  g_assert_true (bp_step_has_tolerance (step));
  bp_step_set_tolerance (step, 0);
  g_assert_cmpuint (notified, ==, 1);
  bp_step_set_tolerance (step, NAN);
  g_assert_false (bp_step_has_tolerance (step));
  bp_step_set_tolerance (step, -30);
  g_assert_cmpfloat (bp_step_get_tolerance (step), ==, -1);
  g_assert_cmpuint (notified, ==, 2);

  bp_stage_set_tolerance (stage, 90.5);
  g_assert_cmpfloat (bp_stage_get_tolerance (stage), ==, 90.5);
  bp_stage_set_tolerance (stage, -2);
  g_assert_false (bp_stage_has_tolerance (stage));
  bp_document_set_tolerance (doc, 7200);
  g_assert_cmpfloat (bp_document_get_tolerance (doc), ==, 7200);
  bp_document_set_tolerance (doc, -1);
  g_assert_false (bp_document_has_tolerance (doc));

  notified = 0;
  g_signal_connect (flow, "notify::kind", G_CALLBACK (count_notify), &notified);
  bp_flow_set_kind (flow, BP_FLOW_KIND_RECOVERY);
  bp_flow_set_kind (flow, BP_FLOW_KIND_RECOVERY);
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_RECOVERY);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_flow_kind_names (void)
{
  static const char * const names[] = { "sequence", "recovery", "rework", "information" };
  BpFlowKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (bp_flow_kind_to_string (i), ==, names[i]);
      g_assert_true (bp_flow_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (bp_flow_kind_from_string ("Sequence", &kind));
  g_assert_false (bp_flow_kind_from_string (NULL, &kind));

  g_assert_true (bp_check_name_is_valid ("customer-unsupported"));
  g_assert_true (bp_check_name_is_valid ("x2"));
  g_assert_false (bp_check_name_is_valid (""));
  g_assert_false (bp_check_name_is_valid ("Dead-end"));
  g_assert_false (bp_check_name_is_valid ("dead_end"));
  g_assert_true (bp_check_name_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  g_assert_false (bp_check_name_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* Dismissals: added at the end, each check and item once, removed by
 * name; the array given out never changes under its holder. */
static void
test_dismissals (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_dismissal_unref);
  guint notified = 0, changed = 0;

  g_signal_connect (doc, "notify::dismissed", G_CALLBACK (count_notify), &notified);
  g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &changed);

  bp_document_set_dismissed (doc, "dead-end", "s1", TRUE);
  bp_document_set_dismissed (doc, "missing-actor", "s1", TRUE);
  bp_document_set_dismissed (doc, "dead-end", "s1", TRUE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (bp_document_get_dismissals (doc)->len, ==, 2);
  g_assert_true (bp_document_is_dismissed (doc, "dead-end", "s1"));
  g_assert_false (bp_document_is_dismissed (doc, "dead-end", "s2"));
  g_assert_false (bp_document_is_dismissed (doc, NULL, "s1"));

  held = g_ptr_array_ref (bp_document_get_dismissals (doc));
  bp_document_set_dismissed (doc, "dead-end", "s1", FALSE);
  g_assert_cmpuint (held->len, ==, 2);
  g_assert_cmpuint (bp_document_get_dismissals (doc)->len, ==, 1);
  g_assert_cmpstr (bp_dismissal_get_check (g_ptr_array_index (bp_document_get_dismissals (doc), 0)),
                   ==, "missing-actor");
  g_assert_false (bp_document_is_dismissed (doc, "dead-end", "s1"));

  /* A list with repeats keeps the first of each. */
  g_ptr_array_add (given, bp_dismissal_new ("empty-stage", "use", NULL));
  g_ptr_array_add (given, bp_dismissal_new ("empty-stage", "use", NULL));
  g_ptr_array_add (given, bp_dismissal_new ("empty-stage", "retain", NULL));
  bp_document_set_dismissals (doc, given);
  g_assert_cmpuint (bp_document_get_dismissals (doc)->len, ==, 2);
  g_assert_false (bp_document_is_dismissed (doc, "missing-actor", "s1"));
  g_assert_true (bp_document_is_dismissed (doc, "empty-stage", "retain"));
}

static void
test_make_id_is_unique (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BpStage) squatter = bp_stage_new ("step-2");

  bp_document_insert (doc, BP_ITEM (squatter), -1);
  for (guint i = 0; i < 20; i++)
    {
      BpStep *step = bp_document_add_step (doc, "customer", "use", 0, NULL);

      g_assert_nonnull (step);
      g_assert_true (bp_id_is_valid (bp_item_get_id (BP_ITEM (step))));
      g_assert_true (g_hash_table_add (seen, g_strdup (bp_item_get_id (BP_ITEM (step)))));
    }
  g_assert_false (g_hash_table_contains (seen, "step-2"));
}

static void
test_types_round_trip (void)
{
  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    {
      BpLaneKind kind;

      g_assert_true (bp_lane_kind_from_string (bp_lane_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, (BpLaneKind) k);
    }
  for (guint f = 0; f < BP_N_STEP_FLAGS; f++)
    {
      BpStepFlags flag;

      g_assert_true (bp_step_flag_from_string (bp_step_flag_to_string (1 << f), &flag));
      g_assert_cmpuint (flag, ==, 1u << f);
    }
  g_assert_false (bp_lane_kind_from_string ("Customer", NULL));
  g_assert_false (bp_step_flag_from_string ("pain", NULL));

  g_assert_true (bp_id_is_valid ("a"));
  g_assert_true (bp_id_is_valid ("Step_1-b"));
  g_assert_false (bp_id_is_valid (""));
  g_assert_false (bp_id_is_valid ("has space"));
  g_assert_false (bp_id_is_valid ("é"));
  g_assert_true (bp_id_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  g_assert_false (bp_id_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));

  g_assert_true (bp_color_is_valid ("#a1B2c3"));
  g_assert_false (bp_color_is_valid ("#a1B2c"));
  g_assert_false (bp_color_is_valid ("a1B2c3f"));
  g_assert_false (bp_color_is_valid ("#a1B2cg"));
}

static void
test_items_outlive_document (void)
{
  BpDocument *doc = bp_document_new_standard ();
  g_autoptr(BpStep) step = g_object_ref (bp_document_add_step (doc, "customer", "use", 0, "a"));

  g_object_unref (doc);
  g_assert_null (bp_item_get_document (BP_ITEM (step)));
  /* A detached step can still be edited, and nothing records it. */
  bp_step_set_text (step, "still here");
  g_assert_cmpstr (bp_step_get_text (step), ==, "still here");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/standard-document", test_standard_document);
  g_test_add_func ("/model/insert-and-lookup", test_insert_and_lookup);
  g_test_add_func ("/model/insert-refuses-bad-items", test_insert_refuses_bad_items);
  g_test_add_func ("/model/remove-cascades", test_remove_cascades);
  g_test_add_func ("/model/remove-step-takes-flows", test_remove_step_takes_flows);
  g_test_add_func ("/model/lanes-stay-in-zone-order", test_lanes_stay_in_zone_order);
  g_test_add_func ("/model/zone-ranges", test_zone_ranges);
  g_test_add_func ("/model/item-changed-signal", test_item_changed_signal);
  g_test_add_func ("/model/setters-clamp-and-validate", test_setters_clamp_and_validate);
  g_test_add_func ("/model/make-id-is-unique", test_make_id_is_unique);
  g_test_add_func ("/model/tolerance-and-kind", test_tolerance_and_kind);
  g_test_add_func ("/model/flow-kind-names", test_flow_kind_names);
  g_test_add_func ("/model/dismissals", test_dismissals);
  g_test_add_func ("/model/types-round-trip", test_types_round_trip);
  g_test_add_func ("/model/items-outlive-document", test_items_outlive_document);

  return g_test_run ();
}
