/* test-navigate.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-utils.h"
#include "edit/bp-edit-commands.h"
#include "edit/bp-navigate.h"
#include "history/bp-history.h"

/* A standard blueprint (lanes: evidence, customer, frontstage, backstage,
 * support), its cards added out of reading order:
 *
 *   stage 0: customer a (x 20), c (x 300); backstage d
 *   stage 1: evidence e; frontstage b (x 200)
 */
typedef struct {
  BpDocument *document;
  BpStep     *a, *b, *c, *d, *e;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->b = core_test_add_card (f->document, 2, 1, 200, 120);
  f->c = core_test_add_card (f->document, 1, 0, 300, 120);
  f->d = core_test_add_card (f->document, 3, 0, 250, 120);
  f->e = core_test_add_card (f->document, 0, 1, 20, 120);
  f->a = core_test_add_card (f->document, 1, 0, 20, 120);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
}

static void
test_reading_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) order = bp_navigate_reading_order (f->document);
  BpStep *expected[] = { f->a, f->c, f->d, f->e, f->b };

  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < order->len; i++)
    g_assert_true (g_ptr_array_index (order, i) == expected[i]);

  /* Tab and Shift+Tab walk it, wrapping round; from nothing, an end. */
  g_assert_true (bp_navigate_next (f->document, NULL, 1) == f->a);
  g_assert_true (bp_navigate_next (f->document, NULL, -1) == f->b);
  g_assert_true (bp_navigate_next (f->document, f->c, 1) == f->d);
  g_assert_true (bp_navigate_next (f->document, f->c, -1) == f->a);
  g_assert_true (bp_navigate_next (f->document, f->b, 1) == f->a);
  g_assert_true (bp_navigate_next (f->document, f->a, -1) == f->b);
}

static void
test_neighbours (Fixture       *f,
                 gconstpointer  data)
{
  /* Along a lane, across stages. */
  g_assert_true (bp_navigate_neighbour (f->document, f->a, BP_NAVIGATE_RIGHT) == f->c);
  g_assert_true (bp_navigate_neighbour (f->document, f->c, BP_NAVIGATE_LEFT) == f->a);
  g_assert_null (bp_navigate_neighbour (f->document, f->a, BP_NAVIGATE_LEFT));
  g_assert_null (bp_navigate_neighbour (f->document, f->c, BP_NAVIGATE_RIGHT));

  /* Down skips the empty frontstage cell; up picks the nearest x. */
  g_assert_true (bp_navigate_neighbour (f->document, f->a, BP_NAVIGATE_DOWN) == f->d);
  g_assert_true (bp_navigate_neighbour (f->document, f->d, BP_NAVIGATE_UP) == f->c);
  g_assert_null (bp_navigate_neighbour (f->document, f->a, BP_NAVIGATE_UP));
  g_assert_true (bp_navigate_neighbour (f->document, f->b, BP_NAVIGATE_UP) == f->e);
  g_assert_null (bp_navigate_neighbour (f->document, f->b, BP_NAVIGATE_DOWN));
}

/* Ctrl+arrows reach stages too, so that an empty one can be filled. */
static void
test_move_through_stages (Fixture       *f,
                          gconstpointer  data)
{
  BpItem *stage0 = BP_ITEM (bp_document_get_stage (f->document, 0));
  BpItem *stage1 = BP_ITEM (bp_document_get_stage (f->document, 1));
  BpItem *stage2 = BP_ITEM (bp_document_get_stage (f->document, 2));
  g_autoptr(BpDocument) empty = bp_document_new_standard ();

  /* A neighbour card first; past the lane's last card, the next stage. */
  g_assert_true (bp_navigate_move (f->document, BP_ITEM (f->a), BP_NAVIGATE_RIGHT) == BP_ITEM (f->c));
  g_assert_true (bp_navigate_move (f->document, BP_ITEM (f->c), BP_NAVIGATE_RIGHT) == stage1);
  g_assert_true (bp_navigate_move (f->document, BP_ITEM (f->a), BP_NAVIGATE_LEFT) == NULL);
  g_assert_true (bp_navigate_move (f->document, BP_ITEM (f->a), BP_NAVIGATE_UP) == stage0);
  g_assert_null (bp_navigate_move (f->document, BP_ITEM (f->d), BP_NAVIGATE_DOWN));

  /* From a stage: beside it, or down to its first card. */
  g_assert_true (bp_navigate_move (f->document, stage1, BP_NAVIGATE_RIGHT) == stage2);
  g_assert_true (bp_navigate_move (f->document, stage1, BP_NAVIGATE_LEFT) == stage0);
  g_assert_true (bp_navigate_move (f->document, stage1, BP_NAVIGATE_DOWN) == BP_ITEM (f->e));
  g_assert_null (bp_navigate_move (f->document, stage2, BP_NAVIGATE_DOWN));
  g_assert_null (bp_navigate_move (f->document, stage1, BP_NAVIGATE_UP));

  /* From nothing: the first card, or the first stage of an empty one. */
  g_assert_true (bp_navigate_move (f->document, NULL, BP_NAVIGATE_DOWN) == BP_ITEM (f->a));
  g_assert_true (bp_navigate_move (empty, NULL, BP_NAVIGATE_RIGHT) ==
                 BP_ITEM (bp_document_get_stage (empty, 0)));
}

static void
test_add_card (Fixture       *f,
               gconstpointer  data)
{
  BpHistory *history = bp_document_get_history (f->document);
  g_autoptr(BpSelection) selection = bp_selection_new (f->document);
  BpStep *step;

  bp_history_clear (history);

  /* Nothing selected: the first stage, the zone's first lane. */
  step = bp_edit_add_card (f->document, selection, BP_LANE_KIND_FRONTSTAGE);
  g_assert_nonnull (step);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Add Card");
  g_assert_cmpstr (bp_step_get_stage (step), ==, core_test_stage_id (f->document, 0));
  g_assert_cmpstr (bp_step_get_lane (step), ==, core_test_lane_id (f->document, 2));
  g_assert_cmpfloat (bp_step_get_x (step), ==, 24);
  g_assert_true (bp_selection_get_item (selection, 0) == BP_ITEM (step));

  /* Near the selected card: its stage, right of what is in the cell. */
  bp_selection_set (selection, BP_ITEM (f->b));
  step = bp_edit_add_card (f->document, selection, BP_LANE_KIND_FRONTSTAGE);
  g_assert_cmpstr (bp_step_get_stage (step), ==, core_test_stage_id (f->document, 1));
  g_assert_cmpfloat (bp_step_get_x (step), ==, 200 + 120 + 56);
  step = bp_edit_add_card (f->document, selection, BP_LANE_KIND_CUSTOMER);
  g_assert_cmpstr (bp_step_get_stage (step), ==, core_test_stage_id (f->document, 1));
  g_assert_cmpstr (bp_step_get_lane (step), ==, core_test_lane_id (f->document, 1));
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, 3);

  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (bp_selection_get_count (selection), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/navigate/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("reading-order", test_reading_order);
  ADD ("neighbours", test_neighbours);
  ADD ("move-through-stages", test_move_through_stages);
  ADD ("add-card", test_add_card);

#undef ADD

  return g_test_run ();
}
