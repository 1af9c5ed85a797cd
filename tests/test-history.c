/* test-history.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "model/bp-document.h"
#include "history/bp-history.h"

/* Every property of the document and of every item, in list order: two
 * documents with the same dump are the same blueprint. */
static void
dump_object (GString *out,
             GObject *object)
{
  guint n_specs;
  g_autofree GParamSpec **specs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_specs);

  g_string_append (out, G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&value, specs[i]->value_type);
      g_value_init (&text, G_TYPE_STRING);
      g_object_get_property (object, specs[i]->name, &value);
      if (G_VALUE_HOLDS_ENUM (&value))
        g_string_append_printf (out, " %s=%d", specs[i]->name, g_value_get_enum (&value));
      else if (G_VALUE_HOLDS_FLAGS (&value))
        g_string_append_printf (out, " %s=%u", specs[i]->name, g_value_get_flags (&value));
      else if (g_value_transform (&value, &text))
        g_string_append_printf (out, " %s=%s", specs[i]->name,
                                g_value_get_string (&text) ? g_value_get_string (&text) : "(null)");
    }
  g_string_append_c (out, '\n');
}

static char *
dump_document (BpDocument *doc)
{
  GListModel *lists[] = {
    bp_document_get_stages (doc),
    bp_document_get_lanes (doc),
    bp_document_get_steps (doc),
    bp_document_get_flows (doc),
  };
  GString *out = g_string_new (NULL);

  dump_object (out, G_OBJECT (doc));
  for (guint i = 0; i < bp_document_get_dismissals (doc)->len; i++)
    {
      BpDismissal *dismissal = g_ptr_array_index (bp_document_get_dismissals (doc), i);

      g_string_append_printf (out, "dismissed %s %s\n", bp_dismissal_get_check (dismissal),
                              bp_dismissal_get_item (dismissal));
    }
  for (guint i = 0; i < bp_document_get_conflicts (doc)->len; i++)
    {
      BpConflict *conflict = g_ptr_array_index (bp_document_get_conflicts (doc), i);

      g_string_append_printf (out, "conflict %s %s\n", bp_conflict_get_item (conflict),
                              bp_conflict_get_field (conflict));
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        dump_object (out, item);
      }

  return g_string_free (out, FALSE);
}

static BpStep *
add_step (BpDocument *doc,
          const char *lane,
          const char *text)
{
  BpStep *step = bp_document_add_step (doc, lane, "use", 10, text);

  g_assert_nonnull (step);
  return step;
}

static void
test_undo_redo_property (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "Opens the app");

  bp_step_set_actor (step, "Customer");
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Change Card Actor");

  g_assert_true (bp_history_undo (history));
  g_assert_null (bp_step_get_actor (step));
  g_assert_cmpstr (bp_history_get_redo_label (history), ==, "Change Card Actor");
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Add Card");

  g_assert_true (bp_history_redo (history));
  g_assert_cmpstr (bp_step_get_actor (step), ==, "Customer");
  g_assert_false (bp_history_can_redo (history));

  /* Undo of the insertion removes the card; redo brings the same one. */
  g_assert_true (bp_history_undo (history));
  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (bp_document_get_n_steps (doc), ==, 0);
  g_assert_false (bp_history_can_undo (history));
  g_assert_false (bp_history_undo (history));
  g_assert_true (bp_history_redo (history));
  g_assert_true (bp_document_get_step (doc, 0) == step);
}

/* The fields of the insights: tolerances, a flow's kind, dismissals and
 * conflicts are undone and redone like any other property. */
static void
test_undo_redo_insights_fields (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "Waits");
  BpStep *other = add_step (doc, "frontstage", "Serves");
  BpFlow *flow = bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (step)),
                                       bp_item_get_id (BP_ITEM (other)));
  BpStage *stage = bp_document_get_stage (doc, 0);
  const char *id = bp_item_get_id (BP_ITEM (step));
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_conflict_unref);
  g_autoptr(JsonNode) ours = json_node_init_string (json_node_alloc (), "ours");

  bp_step_set_tolerance (step, 120);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Change Card Tolerance");
  bp_stage_set_tolerance (stage, 600);
  bp_document_set_tolerance (doc, 3600);
  bp_flow_set_kind (flow, BP_FLOW_KIND_REWORK);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Change Flow Kind");
  bp_document_set_dismissed (doc, "dead-end", id, TRUE);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Dismiss Check");
  g_ptr_array_add (conflicts, bp_conflict_new (NULL, "title", ours, NULL, NULL));
  bp_document_set_conflicts (doc, conflicts);
  bp_document_remove_conflict (doc, 0);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Resolve Conflict");

  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (bp_document_get_conflicts (doc)->len, ==, 1);
  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (bp_document_get_conflicts (doc)->len, ==, 0);
  g_assert_true (bp_history_undo (history));
  g_assert_false (bp_document_is_dismissed (doc, "dead-end", id));
  g_assert_true (bp_history_undo (history));
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_SEQUENCE);
  g_assert_true (bp_history_undo (history));
  g_assert_false (bp_document_has_tolerance (doc));
  g_assert_true (bp_history_undo (history));
  g_assert_false (bp_stage_has_tolerance (stage));
  g_assert_true (bp_history_undo (history));
  g_assert_false (bp_step_has_tolerance (step));

  while (bp_history_can_redo (history))
    bp_history_redo (history);
  g_assert_cmpfloat (bp_step_get_tolerance (step), ==, 120);
  g_assert_cmpfloat (bp_stage_get_tolerance (stage), ==, 600);
  g_assert_cmpfloat (bp_document_get_tolerance (doc), ==, 3600);
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_REWORK);
  g_assert_true (bp_document_is_dismissed (doc, "dead-end", id));
  g_assert_cmpuint (bp_document_get_conflicts (doc)->len, ==, 0);

  /* Restoring is a step of its own, and undoing it dismisses again. */
  bp_document_set_dismissed (doc, "dead-end", id, FALSE);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Restore Check");
  g_assert_false (bp_document_is_dismissed (doc, "dead-end", id));
  g_assert_true (bp_history_undo (history));
  g_assert_true (bp_document_is_dismissed (doc, "dead-end", id));
}

static void
test_transaction_is_one_step (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "Signs the form");
  guint before = bp_history_get_n_undo (history);

  bp_history_begin (history, "Move Card");
  bp_step_set_x (step, 200);
  bp_history_begin (history, "Inner label");
  bp_step_set_lane (step, "backstage");
  bp_step_set_stage (step, "retain");
  bp_history_end (history);
  g_assert_cmpuint (bp_history_get_depth (history), ==, 1);
  bp_history_end (history);

  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 1);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Move Card");

  g_assert_true (bp_history_undo (history));
  g_assert_cmpfloat (bp_step_get_x (step), ==, 10);
  g_assert_cmpstr (bp_step_get_lane (step), ==, "customer");
  g_assert_cmpstr (bp_step_get_stage (step), ==, "use");
}

static void
test_typing_coalesces (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "");
  const char *typed[] = { "P", "Pa", "Pay", "Pays" };
  guint before = bp_history_get_n_undo (history);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    bp_step_set_text (step, typed[i]);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 1);

  /* Another field starts a new step. */
  bp_step_set_actor (step, "C");
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 2);

  /* Leaving the field starts a new step even for the same field. */
  bp_step_set_actor (step, "Cu");
  bp_history_break_coalescing (history);
  bp_step_set_actor (step, "Cus");
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 3);

  g_assert_true (bp_history_undo (history));
  g_assert_cmpstr (bp_step_get_actor (step), ==, "Cu");
  g_assert_true (bp_history_undo (history));
  g_assert_null (bp_step_get_actor (step));
  g_assert_true (bp_history_undo (history));
  g_assert_cmpstr (bp_step_get_text (step), ==, "");
}

static void
test_numbers_and_transactions_do_not_coalesce (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "");
  guint before = bp_history_get_n_undo (history);

  bp_step_set_x (step, 20);
  bp_step_set_x (step, 30);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 2);

  bp_history_begin (history, "Edit");
  bp_step_set_text (step, "a");
  bp_history_end (history);
  bp_history_begin (history, "Edit");
  bp_step_set_text (step, "ab");
  bp_history_end (history);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, before + 4);
}

static void
test_modified_follows_saved_point (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step;

  g_assert_false (bp_history_get_modified (history));
  step = add_step (doc, "customer", "a");
  g_assert_true (bp_history_get_modified (history));

  bp_history_mark_saved (history);
  g_assert_false (bp_history_get_modified (history));

  /* Typing right after a save does not merge into the saved step. */
  bp_step_set_text (step, "ab");
  g_assert_true (bp_history_get_modified (history));
  g_assert_true (bp_history_undo (history));
  g_assert_false (bp_history_get_modified (history));
  g_assert_cmpstr (bp_step_get_text (step), ==, "a");
  g_assert_true (bp_history_undo (history));
  g_assert_true (bp_history_get_modified (history));
  g_assert_true (bp_history_redo (history));
  g_assert_false (bp_history_get_modified (history));

  /* A new branch from before the save makes the saved state unreachable. */
  g_assert_true (bp_history_undo (history));
  bp_document_set_title (doc, "Another");
  g_assert_false (bp_history_can_redo (history));
  g_assert_true (bp_history_get_modified (history));
  g_assert_true (bp_history_undo (history));
  g_assert_true (bp_history_get_modified (history));
}

static void
test_new_change_clears_redo (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);

  bp_document_set_title (doc, "One");
  bp_document_set_persona (doc, "Two");
  g_assert_true (bp_history_undo (history));
  g_assert_true (bp_history_can_redo (history));
  bp_document_set_goal (doc, "Three");
  g_assert_false (bp_history_can_redo (history));
  g_assert_false (bp_history_redo (history));
  g_assert_null (bp_document_get_persona (doc));
}

static void
test_limit_drops_oldest (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "0");

  bp_history_set_limit (history, 3);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, 1);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      bp_history_break_coalescing (history);
      bp_step_set_text (step, text);
    }
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, 3);

  while (bp_history_undo (history))
    ;
  g_assert_cmpstr (bp_step_get_text (step), ==, "2");
  /* The saved point (the empty document) fell off the end. */
  g_assert_true (bp_history_get_modified (history));
}

static void
test_rollback (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  BpStep *step = add_step (doc, "customer", "a");
  g_autofree char *before = dump_document (doc);
  g_autofree char *after = NULL;
  guint n_undo = bp_history_get_n_undo (history);

  bp_history_begin (history, "Move Card");
  bp_step_set_x (step, 300);
  bp_step_set_lane (step, "support");
  bp_document_add_step (doc, "support", "use", 0, "new");
  bp_history_rollback (history);

  after = dump_document (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, n_undo);
  g_assert_cmpuint (bp_history_get_depth (history), ==, 0);

  /* Rolling back an inner level keeps the outer one's changes. */
  bp_history_begin (history, "Outer");
  bp_step_set_text (step, "kept");
  bp_history_begin (history, "Inner");
  bp_step_set_text (step, "dropped");
  bp_history_rollback (history);
  bp_history_end (history);
  g_assert_cmpstr (bp_step_get_text (step), ==, "kept");
  g_assert_true (bp_history_undo (history));
  g_assert_cmpstr (bp_step_get_text (step), ==, "a");
}

static void
test_frozen_records_nothing (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);

  bp_history_freeze (history);
  add_step (doc, "customer", "a");
  bp_document_set_title (doc, "Loaded");
  bp_history_thaw (history);

  g_assert_false (bp_history_can_undo (history));
  g_assert_cmpuint (bp_document_get_n_steps (doc), ==, 1);
}

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_notifies_state (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  guint can_undo = 0, modified = 0;

  g_signal_connect_swapped (history, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect_swapped (history, "notify::modified", G_CALLBACK (count_notify), &modified);
  bp_document_set_title (doc, "T");
  g_assert_cmpuint (can_undo, >=, 1);
  g_assert_cmpuint (modified, >=, 1);
}

/* The randomized test: hundreds of random operations, some grouped, then
 * every step undone and redone; the document must come back exactly. */

static BpItem *
random_item (BpDocument *doc,
             GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GObject) item = NULL;

  if (n == 0)
    return NULL;
  item = g_list_model_get_item (list, g_test_rand_int_range (0, n));
  return BP_ITEM (item);
}

static const char *
random_id (BpDocument *doc,
           GListModel *list)
{
  BpItem *item = random_item (doc, list);

  return item ? bp_item_get_id (item) : NULL;
}

static void
random_operation (BpDocument *doc)
{
  BpStep *step = BP_STEP (random_item (doc, bp_document_get_steps (doc)));
  const char *lane = random_id (doc, bp_document_get_lanes (doc));
  const char *stage = random_id (doc, bp_document_get_stages (doc));
  g_autofree char *text = g_strdup_printf ("text %d", g_test_rand_int_range (0, 1000));

  switch (g_test_rand_int_range (0, 16))
    {
    case 0: case 1: case 2:
      if (lane && stage)
        bp_document_add_step (doc, lane, stage, g_test_rand_int_range (0, 600), text);
      break;
    case 3:
      if (step)
        bp_document_remove (doc, BP_ITEM (step));
      break;
    case 4: case 5:
      {
        BpItem *other = random_item (doc, bp_document_get_steps (doc));

        if (step && other && BP_ITEM (step) != other)
          bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (step)), bp_item_get_id (other));
      }
      break;
    case 6:
      {
        BpItem *flow = random_item (doc, bp_document_get_flows (doc));

        if (flow)
          bp_document_remove (doc, flow);
      }
      break;
    case 7:
      if (step)
        bp_step_set_text (step, text);
      break;
    case 8:
      if (step && lane && stage)
        bp_document_move_step (doc, step, lane, stage, g_test_rand_int_range (0, 800));
      break;
    case 9:
      if (g_test_rand_bit ())
        bp_document_add_lane (doc, g_test_rand_int_range (0, BP_N_LANE_KINDS), text);
      else
        bp_document_add_stage (doc, text, g_test_rand_int_range (-1, 4));
      break;
    case 10:
      {
        BpItem *item = g_test_rand_bit () ? random_item (doc, bp_document_get_lanes (doc))
                                          : random_item (doc, bp_document_get_stages (doc));

        /* Keep at least one of each, as a file needs. */
        if (item && (BP_IS_LANE (item) ? bp_document_get_n_lanes (doc)
                                       : bp_document_get_n_stages (doc)) > 1)
          bp_document_remove (doc, item);
      }
      break;
    case 11:
      {
        BpItem *lane_item = random_item (doc, bp_document_get_lanes (doc));

        if (lane_item)
          bp_lane_set_kind (BP_LANE (lane_item), g_test_rand_int_range (0, BP_N_LANE_KINDS));
      }
      break;
    case 12:
      {
        BpItem *item = g_test_rand_bit () ? random_item (doc, bp_document_get_lanes (doc))
                                          : random_item (doc, bp_document_get_stages (doc));

        if (item)
          bp_document_reorder (doc, item, g_test_rand_int_range (0, 8));
      }
      break;
    case 13:
      if (step)
        bp_step_set_flags (step, g_test_rand_int_range (0, BP_STEP_FLAGS_ALL + 1));
      else
        bp_document_set_title (doc, text);
      break;
    case 14:
      if (step)
        bp_document_set_dismissed (doc, g_test_rand_bit () ? "dead-end" : "missing-actor",
                                   bp_item_get_id (BP_ITEM (step)), g_test_rand_bit ());
      else
        bp_document_set_tolerance (doc, g_test_rand_int_range (-1, 100));
      break;
    case 15:
      {
        BpItem *flow = random_item (doc, bp_document_get_flows (doc));

        if (flow)
          bp_flow_set_kind (BP_FLOW (flow), g_test_rand_int_range (0, BP_N_FLOW_KINDS));
        else if (step)
          bp_step_set_tolerance (step, g_test_rand_int_range (-1, 100));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_lanes_in_zone_order (BpDocument *doc)
{
  for (guint i = 1; i < bp_document_get_n_lanes (doc); i++)
    g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (doc, i - 1)), <=,
                     bp_lane_get_kind (bp_document_get_lane (doc, i)));
}

static void
test_random_operations_undo_redo (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start_bytes = NULL;
  g_autofree char *end_bytes = NULL;
  guint n_steps;

  bp_history_set_limit (history, 0);
  for (guint i = 0; i < 40; i++)
    random_operation (doc);
  bp_history_clear (history);
  start = dump_document (doc);
  start_bytes = bp_bpj_write (doc, NULL);

  for (guint i = 0; i < 400; i++)
    {
      gboolean grouped = g_test_rand_int_range (0, 5) == 0;

      if (grouped)
        bp_history_begin (history, "Group");
      random_operation (doc);
      if (grouped)
        {
          random_operation (doc);
          random_operation (doc);
          bp_history_end (history);
        }
      assert_lanes_in_zone_order (doc);
    }
  end = dump_document (doc);
  end_bytes = bp_bpj_write (doc, NULL);
  n_steps = bp_history_get_n_undo (history);
  g_assert_cmpuint (n_steps, >, 100);

  while (bp_history_undo (history))
    assert_lanes_in_zone_order (doc);
  {
    g_autofree char *undone = dump_document (doc);
    g_autofree char *undone_bytes = bp_bpj_write (doc, NULL);

    g_assert_cmpstr (undone, ==, start);
    /* What a save would write, to the byte. */
    g_assert_cmpstr (undone_bytes, ==, start_bytes);
  }
  g_assert_false (bp_history_get_modified (history));
  g_assert_cmpuint (bp_history_get_n_redo (history), ==, n_steps);

  while (bp_history_redo (history))
    ;
  {
    g_autofree char *redone = dump_document (doc);
    g_autofree char *redone_bytes = bp_bpj_write (doc, NULL);

    g_assert_cmpstr (redone, ==, end);
    g_assert_cmpstr (redone_bytes, ==, end_bytes);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/undo-redo-property", test_undo_redo_property);
  g_test_add_func ("/history/transaction-is-one-step", test_transaction_is_one_step);
  g_test_add_func ("/history/undo-redo-insights-fields", test_undo_redo_insights_fields);
  g_test_add_func ("/history/typing-coalesces", test_typing_coalesces);
  g_test_add_func ("/history/numbers-and-transactions-do-not-coalesce",
                   test_numbers_and_transactions_do_not_coalesce);
  g_test_add_func ("/history/modified-follows-saved-point", test_modified_follows_saved_point);
  g_test_add_func ("/history/new-change-clears-redo", test_new_change_clears_redo);
  g_test_add_func ("/history/limit-drops-oldest", test_limit_drops_oldest);
  g_test_add_func ("/history/rollback", test_rollback);
  g_test_add_func ("/history/frozen-records-nothing", test_frozen_records_nothing);
  g_test_add_func ("/history/notifies-state", test_notifies_state);
  g_test_add_func ("/history/random-operations-undo-redo", test_random_operations_undo_redo);

  return g_test_run ();
}
