/* test-edit-commands.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "core-test-utils.h"
#include "edit/bp-edit-commands.h"
#include "history/bp-history.h"

/* A standard blueprint (lanes: evidence, customer, frontstage, backstage,
 * support) with cards a (customer), b (frontstage) and c (backstage), an
 * arrow a → b and one b → c, and an empty history. */
typedef struct {
  BpDocument  *document;
  BpHistory   *history;
  BpSelection *selection;
  BpStep      *a;
  BpStep      *b;
  BpStep      *c;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->history = bp_document_get_history (f->document);
  f->a = core_test_add_card (f->document, 1, 0, 20, 120);
  f->b = core_test_add_card (f->document, 2, 1, 20, 120);
  f->c = core_test_add_card (f->document, 3, 2, 20, 120);
  bp_document_add_flow (f->document, bp_item_get_id (BP_ITEM (f->a)), bp_item_get_id (BP_ITEM (f->b)));
  bp_document_add_flow (f->document, bp_item_get_id (BP_ITEM (f->b)), bp_item_get_id (BP_ITEM (f->c)));
  bp_history_clear (f->history);
  f->selection = bp_selection_new (f->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static char *
text_of (BpDocument *document)
{
  return bp_bpj_write (document, NULL);
}

/* Undo puts the document back as @before says, redo as @after. */
static void
assert_round_trip (Fixture    *f,
                   const char *before,
                   const char *after)
{
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (bp_history_undo (f->history));
  undone = text_of (f->document);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (bp_history_redo (f->history));
  redone = text_of (f->document);
  g_assert_cmpstr (redone, ==, after);
}

/* Runs after a command: it made exactly one undo step, named @label. */
static void
assert_one_step (Fixture    *f,
                 const char *label)
{
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (bp_history_get_undo_label (f->history), ==, label);
}

/* A card goes with its arrows; undo brings all of them back. */
static void
test_delete_card (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  g_autofree char *id = g_strdup (bp_item_get_id (BP_ITEM (f->b)));

  bp_selection_set (f->selection, BP_ITEM (f->b));
  g_assert_true (bp_edit_delete_selection (f->document, f->selection));
  assert_one_step (f, "Remove Card");
  g_assert_null (bp_document_lookup (f->document, id));
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 0);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 0);

  after = text_of (f->document);
  assert_round_trip (f, before, after);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 0);

  g_assert_true (bp_history_undo (f->history));
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 2);
  g_assert_nonnull (bp_document_lookup (f->document, id));
}

/* Several items are one step; a selected lane stays (it is removed from
 * the menu, with a question). */
static void
test_delete_several (Fixture       *f,
                     gconstpointer  data)
{
  BpItem *lane = BP_ITEM (bp_document_get_lane (f->document, 4));
  BpItem *flow = BP_ITEM (bp_document_get_flow (f->document, 0));
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;

  /* The arrow a → b goes with a before its own turn comes. */
  bp_selection_add (f->selection, BP_ITEM (f->a));
  bp_selection_add (f->selection, flow);
  bp_selection_add (f->selection, lane);
  bp_selection_add (f->selection, BP_ITEM (f->c));
  g_assert_true (bp_edit_delete_selection (f->document, f->selection));
  assert_one_step (f, "Remove Selection");
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 1);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 0);
  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, 5);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 1);
  g_assert_true (bp_selection_contains (f->selection, lane));

  after = text_of (f->document);
  assert_round_trip (f, before, after);
}

static void
test_delete_arrow (Fixture       *f,
                   gconstpointer  data)
{
  bp_selection_set (f->selection, BP_ITEM (bp_document_get_flow (f->document, 1)));
  g_assert_true (bp_edit_delete_selection (f->document, f->selection));
  assert_one_step (f, "Remove Flow");
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 3);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 1);
}

static void
test_nothing_to_act_on (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_false (bp_edit_delete_selection (f->document, f->selection));
  g_assert_false (bp_edit_nudge_selection (f->document, f->selection, 8));
  g_assert_false (bp_edit_move_selection_lane (f->document, f->selection, 1));

  /* Only a lane: nothing the keys move or delete. */
  bp_selection_set (f->selection, BP_ITEM (bp_document_get_lane (f->document, 0)));
  g_assert_false (bp_edit_delete_selection (f->document, f->selection));
  g_assert_false (bp_edit_nudge_selection (f->document, f->selection, 8));
  g_assert_false (bp_edit_move_selection_lane (f->document, f->selection, 1));
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, 0);
}

static void
test_nudge (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;

  bp_selection_add (f->selection, BP_ITEM (f->a));
  bp_selection_add (f->selection, BP_ITEM (bp_document_get_flow (f->document, 0)));
  bp_selection_add (f->selection, BP_ITEM (f->c));
  g_assert_true (bp_edit_nudge_selection (f->document, f->selection, -8));
  assert_one_step (f, "Move Card");
  g_assert_cmpfloat (bp_step_get_x (f->a), ==, 12);
  g_assert_cmpfloat (bp_step_get_x (f->b), ==, 20);
  g_assert_cmpfloat (bp_step_get_x (f->c), ==, 12);

  after = text_of (f->document);
  assert_round_trip (f, before, after);
}

static void
test_move_to_lane (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;

  bp_selection_add (f->selection, BP_ITEM (f->a));
  bp_selection_add (f->selection, BP_ITEM (f->c));
  g_assert_true (bp_edit_move_selection_lane (f->document, f->selection, 1));
  assert_one_step (f, "Move Card");
  g_assert_cmpstr (bp_step_get_lane (f->a), ==, core_test_lane_id (f->document, 2));
  g_assert_cmpstr (bp_step_get_lane (f->c), ==, core_test_lane_id (f->document, 4));
  g_assert_cmpstr (bp_step_get_lane (f->b), ==, core_test_lane_id (f->document, 2));

  after = text_of (f->document);
  assert_round_trip (f, before, after);

  /* c is in the last lane now: only a moves on. */
  g_assert_true (bp_edit_move_selection_lane (f->document, f->selection, 1));
  g_assert_cmpstr (bp_step_get_lane (f->a), ==, core_test_lane_id (f->document, 3));
  g_assert_cmpstr (bp_step_get_lane (f->c), ==, core_test_lane_id (f->document, 4));

  /* Nowhere to go is no step at all. */
  bp_selection_set (f->selection, BP_ITEM (f->c));
  g_assert_false (bp_edit_move_selection_lane (f->document, f->selection, 1));
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, 2);
}

static void
test_add_stage (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  BpStage *stage;

  bp_selection_set (f->selection, BP_ITEM (f->a));
  stage = bp_edit_add_stage (f->document, f->selection);
  g_assert_nonnull (stage);
  assert_one_step (f, "Add Stage");
  g_assert_cmpuint (bp_document_get_n_stages (f->document), ==, 6);
  g_assert_true (bp_document_get_stage (f->document, 5) == stage);
  g_assert_cmpstr (bp_stage_get_name (stage), ==, "New stage");
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 1);
  g_assert_true (bp_selection_get_item (f->selection, 0) == BP_ITEM (stage));

  after = text_of (f->document);
  assert_round_trip (f, before, after);
  /* Undo took the new stage, and the selection let it go. */
  g_assert_true (bp_history_undo (f->history));
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 0);
}

static void
test_add_lane (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  BpLane *lane;

  /* Nothing selected: the backstage. */
  lane = bp_edit_add_lane (f->document, f->selection);
  g_assert_nonnull (lane);
  assert_one_step (f, "Add Lane");
  g_assert_cmpint (bp_lane_get_kind (lane), ==, BP_LANE_KIND_BACKSTAGE);
  g_assert_cmpstr (bp_lane_get_name (lane), ==, "New lane");
  g_assert_true (bp_selection_get_item (f->selection, 0) == BP_ITEM (lane));
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 1);

  after = text_of (f->document);
  assert_round_trip (f, before, after);

  /* The zone of the selected card, then of the selected lane. */
  bp_selection_set (f->selection, BP_ITEM (f->a));
  lane = bp_edit_add_lane (f->document, f->selection);
  g_assert_cmpint (bp_lane_get_kind (lane), ==, BP_LANE_KIND_CUSTOMER);
  bp_selection_set (f->selection, BP_ITEM (bp_document_get_lane (f->document, 0)));
  lane = bp_edit_add_lane (f->document, f->selection);
  g_assert_cmpint (bp_lane_get_kind (lane), ==, BP_LANE_KIND_EVIDENCE);
  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, 8);
}

/* A new stage or lane goes right after the selected one. */
static void
test_add_after_selected (Fixture       *f,
                         gconstpointer  data)
{
  BpStage *second = bp_document_get_stage (f->document, 1);
  BpLane *customer = bp_document_get_lane (f->document, 1);
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  BpStage *stage;
  BpLane *lane;

  bp_selection_set (f->selection, BP_ITEM (second));
  stage = bp_edit_add_stage (f->document, f->selection);
  g_assert_nonnull (stage);
  assert_one_step (f, "Add Stage");
  g_assert_true (bp_document_get_stage (f->document, 2) == stage);
  g_assert_true (bp_document_get_stage (f->document, 1) == second);
  after = text_of (f->document);
  assert_round_trip (f, before, after);

  /* Two customer lanes: a new one goes between them. */
  bp_selection_set (f->selection, BP_ITEM (customer));
  lane = bp_edit_add_lane (f->document, f->selection);
  g_assert_true (bp_document_get_lane (f->document, 2) == lane);
  bp_selection_set (f->selection, BP_ITEM (customer));
  lane = bp_edit_add_lane (f->document, f->selection);
  g_assert_cmpint (bp_lane_get_kind (lane), ==, BP_LANE_KIND_CUSTOMER);
  g_assert_true (bp_document_get_lane (f->document, 1) == customer);
  g_assert_true (bp_document_get_lane (f->document, 2) == lane);
  g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (f->document, 4)), ==,
                   BP_LANE_KIND_FRONTSTAGE);
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, 3);
  g_assert_cmpstr (bp_history_get_undo_label (f->history), ==, "Add Lane");
}

static void
test_remove_band (Fixture       *f,
                  gconstpointer  data)
{
  BpItem *lane = BP_ITEM (bp_document_get_lane (f->document, 2));
  BpItem *stage = BP_ITEM (bp_document_get_stage (f->document, 4));
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bp_edit_count_band_cards (f->document, lane), ==, 1);
  g_assert_cmpuint (bp_edit_count_band_cards (f->document, stage), ==, 0);
  g_assert_true (bp_edit_can_remove_band (f->document, lane, &error));
  g_assert_no_error (error);

  /* The frontstage lane goes with card b and both its arrows. */
  bp_selection_set (f->selection, lane);
  g_assert_true (bp_edit_remove_band (f->document, lane, &error));
  g_assert_no_error (error);
  assert_one_step (f, "Remove Lane");
  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, 4);
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 0);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 0);

  after = text_of (f->document);
  assert_round_trip (f, before, after);

  g_assert_true (bp_edit_remove_band (f->document, stage, NULL));
  g_assert_cmpstr (bp_history_get_undo_label (f->history), ==, "Remove Stage");
}

/* A blueprint keeps one lane and one stage. */
static void
test_last_band_stays (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BpItem *last;
  guint n_undo;

  while (bp_document_get_n_stages (f->document) > 1)
    g_assert_true (bp_edit_remove_band (f->document,
                                        BP_ITEM (bp_document_get_stage (f->document, 0)), NULL));
  while (bp_document_get_n_lanes (f->document) > 1)
    g_assert_true (bp_edit_remove_band (f->document,
                                        BP_ITEM (bp_document_get_lane (f->document, 0)), NULL));
  n_undo = bp_history_get_n_undo (f->history);

  last = BP_ITEM (bp_document_get_lane (f->document, 0));
  g_assert_false (bp_edit_can_remove_band (f->document, last, &error));
  g_assert_error (error, BP_EDIT_ERROR, BP_EDIT_ERROR_LAST_BAND);
  g_clear_error (&error);
  g_assert_false (bp_edit_remove_band (f->document, last, &error));
  g_assert_error (error, BP_EDIT_ERROR, BP_EDIT_ERROR_LAST_BAND);
  g_clear_error (&error);

  last = BP_ITEM (bp_document_get_stage (f->document, 0));
  g_assert_false (bp_edit_remove_band (f->document, last, &error));
  g_assert_error (error, BP_EDIT_ERROR, BP_EDIT_ERROR_LAST_BAND);

  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, 1);
  g_assert_cmpuint (bp_document_get_n_stages (f->document), ==, 1);
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, n_undo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/edit-commands/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("delete-card", test_delete_card);
  ADD ("delete-several", test_delete_several);
  ADD ("delete-arrow", test_delete_arrow);
  ADD ("nothing-to-act-on", test_nothing_to_act_on);
  ADD ("nudge", test_nudge);
  ADD ("move-to-lane", test_move_to_lane);
  ADD ("add-stage", test_add_stage);
  ADD ("add-lane", test_add_lane);
  ADD ("add-after-selected", test_add_after_selected);
  ADD ("remove-band", test_remove_band);
  ADD ("last-band-stays", test_last_band_stays);

#undef ADD

  return g_test_run ();
}
