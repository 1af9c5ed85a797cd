/* test-selection.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "core-test-utils.h"
#include "edit/bp-selection.h"
#include "history/bp-history.h"

/* A standard blueprint with three cards, an arrow from a to b, and a
 * selection of it that counts its "changed" signals. */
typedef struct {
  BpDocument  *document;
  BpSelection *selection;
  BpItem      *a;
  BpItem      *b;
  BpItem      *c;
  BpItem      *flow;
  guint        changes;
} Fixture;

static void
on_changed (BpSelection *selection,
            Fixture     *f)
{
  f->changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->a = BP_ITEM (core_test_add_card (f->document, 1, 0, 20, 120));
  f->b = BP_ITEM (core_test_add_card (f->document, 2, 1, 20, 120));
  f->c = BP_ITEM (core_test_add_card (f->document, 3, 2, 20, 120));
  f->flow = BP_ITEM (bp_document_add_flow (f->document, bp_item_get_id (f->a),
                                           bp_item_get_id (f->b)));
  bp_history_clear (bp_document_get_history (f->document));

  f->selection = bp_selection_new (f->document);
  g_signal_connect (f->selection, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static void
assert_order (BpSelection *selection,
              ...)
{
  va_list args;
  BpItem *item;
  guint i = 0;

  va_start (args, selection);
  while ((item = va_arg (args, BpItem *)) != NULL)
    {
      g_assert_cmpstr (bp_selection_get_id (selection, i), ==, bp_item_get_id (item));
      g_assert_true (bp_selection_get_item (selection, i) == item);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (bp_selection_get_count (selection), ==, i);
  g_assert_null (bp_selection_get_id (selection, i));
  g_assert_null (bp_selection_get_item (selection, i));
}

static void
test_add_and_remove (Fixture       *f,
                     gconstpointer  data)
{
  GHashTable *ids = bp_selection_get_ids (f->selection);

  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 0);
  g_assert_false (bp_selection_contains (f->selection, f->a));
  g_assert_false (bp_selection_contains (f->selection, NULL));

  bp_selection_add (f->selection, f->b);
  bp_selection_add (f->selection, f->a);
  g_assert_cmpuint (f->changes, ==, 2);
  /* Selection order, not document order. */
  assert_order (f->selection, f->b, f->a, NULL);
  g_assert_true (bp_selection_contains (f->selection, f->a));
  g_assert_true (bp_selection_contains_id (f->selection, bp_item_get_id (f->b)));
  g_assert_false (bp_selection_contains (f->selection, f->c));

  /* What is already there changes nothing. */
  bp_selection_add (f->selection, f->a);
  g_assert_cmpuint (f->changes, ==, 2);

  /* The renderer's set is the same table, following the selection. */
  g_assert_true (bp_selection_get_ids (f->selection) == ids);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 2);
  g_assert_true (g_hash_table_contains (ids, bp_item_get_id (f->a)));

  bp_selection_remove (f->selection, f->b);
  g_assert_cmpuint (f->changes, ==, 3);
  assert_order (f->selection, f->a, NULL);
  g_assert_false (g_hash_table_contains (ids, bp_item_get_id (f->b)));

  bp_selection_remove (f->selection, f->b);
  g_assert_cmpuint (f->changes, ==, 3);
}

static void
test_toggle (Fixture       *f,
             gconstpointer  data)
{
  bp_selection_toggle (f->selection, f->a);
  g_assert_true (bp_selection_contains (f->selection, f->a));
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_toggle (f->selection, f->flow);
  assert_order (f->selection, f->a, f->flow, NULL);
  g_assert_cmpuint (f->changes, ==, 2);

  bp_selection_toggle (f->selection, f->a);
  assert_order (f->selection, f->flow, NULL);
  g_assert_cmpuint (f->changes, ==, 3);
}

static void
test_set_and_clear (Fixture       *f,
                    gconstpointer  data)
{
  bp_selection_add (f->selection, f->a);
  bp_selection_add (f->selection, f->b);
  f->changes = 0;

  bp_selection_set (f->selection, f->c);
  assert_order (f->selection, f->c, NULL);
  g_assert_cmpuint (f->changes, ==, 1);

  /* Selecting what alone is selected changes nothing. */
  bp_selection_set (f->selection, f->c);
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_set (f->selection, NULL);
  assert_order (f->selection, NULL);
  g_assert_cmpuint (f->changes, ==, 2);

  bp_selection_clear (f->selection);
  g_assert_cmpuint (f->changes, ==, 2);

  bp_selection_set (f->selection, f->a);
  bp_selection_clear (f->selection);
  assert_order (f->selection, NULL);
  g_assert_cmpuint (f->changes, ==, 4);
}

static void
test_add_items_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_ptr_array_add (items, f->c);
  g_ptr_array_add (items, f->a);
  g_ptr_array_add (items, f->c);

  bp_selection_add_items (f->selection, items);
  assert_order (f->selection, f->c, f->a, NULL);
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_add_items (f->selection, items);
  g_assert_cmpuint (f->changes, ==, 1);
}

static void
test_select_all (Fixture       *f,
                 gconstpointer  data)
{
  bp_selection_add (f->selection, f->flow);
  bp_selection_add (f->selection, f->c);
  f->changes = 0;

  /* Every card, in document order; the arrow is not a card. */
  bp_selection_select_all (f->selection);
  assert_order (f->selection, f->a, f->b, f->c, NULL);
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_select_all (f->selection);
  g_assert_cmpuint (f->changes, ==, 1);
}

static void
test_items_by_type (Fixture       *f,
                    gconstpointer  data)
{
  BpItem *lane = BP_ITEM (bp_document_get_lane (f->document, 0));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) lanes = NULL;

  bp_selection_add (f->selection, f->flow);
  bp_selection_add (f->selection, f->b);
  bp_selection_add (f->selection, lane);
  bp_selection_add (f->selection, f->a);

  all = bp_selection_get_items (f->selection, BP_TYPE_ITEM);
  steps = bp_selection_get_items (f->selection, BP_TYPE_STEP);
  lanes = bp_selection_get_items (f->selection, BP_TYPE_LANE);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_true (g_ptr_array_index (all, 0) == f->flow);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_true (g_ptr_array_index (steps, 0) == f->b);
  g_assert_true (g_ptr_array_index (steps, 1) == f->a);
  g_assert_cmpuint (lanes->len, ==, 1);
  g_assert_true (g_ptr_array_index (lanes, 0) == lane);
}

/* Removing a card removes its arrow: both leave, told once. */
static void
test_removed_items_leave (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a_id = g_strdup (bp_item_get_id (f->a));
  g_autofree char *flow_id = g_strdup (bp_item_get_id (f->flow));

  bp_selection_add (f->selection, f->flow);
  bp_selection_add (f->selection, f->a);
  bp_selection_add (f->selection, f->c);
  f->changes = 0;

  bp_document_remove (f->document, f->a);
  g_assert_cmpuint (f->changes, ==, 1);
  assert_order (f->selection, f->c, NULL);
  g_assert_false (bp_selection_contains_id (f->selection, a_id));
  g_assert_false (g_hash_table_contains (bp_selection_get_ids (f->selection), flow_id));

  /* Undo brings them back, not selected. */
  g_assert_true (bp_history_undo (bp_document_get_history (f->document)));
  g_assert_nonnull (bp_document_lookup (f->document, a_id));
  assert_order (f->selection, f->c, NULL);
  g_assert_cmpuint (f->changes, ==, 1);
}

/* A lane goes with its cards: one change for all of them. */
static void
test_lane_removed_with_cards (Fixture       *f,
                              gconstpointer  data)
{
  BpItem *lane = BP_ITEM (bp_document_get_lane (f->document, 1));

  bp_selection_add (f->selection, f->a);
  bp_selection_add (f->selection, lane);
  bp_selection_add (f->selection, f->b);
  f->changes = 0;

  bp_document_remove (f->document, lane);
  g_assert_cmpuint (f->changes, ==, 1);
  assert_order (f->selection, f->b, NULL);
}

static void
test_undo_of_add_drops_it (Fixture       *f,
                           gconstpointer  data)
{
  BpHistory *history = bp_document_get_history (f->document);
  BpItem *stage = BP_ITEM (bp_document_add_stage (f->document, "Later", -1));
  g_autofree char *id = g_strdup (bp_item_get_id (stage));

  bp_selection_add (f->selection, f->a);
  bp_selection_add (f->selection, stage);
  f->changes = 0;

  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (f->changes, ==, 1);
  assert_order (f->selection, f->a, NULL);

  /* Redo adds it back, unselected, and tells nothing. */
  g_assert_true (bp_history_redo (history));
  g_assert_nonnull (bp_document_lookup (f->document, id));
  assert_order (f->selection, f->a, NULL);
  g_assert_cmpuint (f->changes, ==, 1);
}

/* Inside a transaction the ids go at once; the signal waits for its end. */
static void
test_transaction_tells_once (Fixture       *f,
                             gconstpointer  data)
{
  BpHistory *history = bp_document_get_history (f->document);

  bp_selection_select_all (f->selection);
  f->changes = 0;

  bp_history_begin (history, "Remove Two");
  bp_document_remove (f->document, f->a);
  bp_document_remove (f->document, f->c);
  assert_order (f->selection, f->b, NULL);
  g_assert_cmpuint (f->changes, ==, 0);
  bp_history_end (history);
  g_assert_cmpuint (f->changes, ==, 1);

  /* Its undo removes nothing selected: nothing to tell. */
  g_assert_true (bp_history_undo (history));
  g_assert_cmpuint (f->changes, ==, 1);
}

/* Moving a lane takes it out of its list and puts it back: it stays. */
static void
test_reorder_keeps_it (Fixture       *f,
                       gconstpointer  data)
{
  BpItem *stage = BP_ITEM (bp_document_get_stage (f->document, 0));

  bp_selection_add (f->selection, stage);
  bp_selection_add (f->selection, f->a);
  f->changes = 0;

  bp_document_reorder (f->document, stage, 3);
  g_assert_cmpint (bp_document_get_position (f->document, stage), ==, 3);
  assert_order (f->selection, stage, f->a, NULL);
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_set_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BpDocument) other = bp_document_new_standard ();

  bp_selection_add (f->selection, f->a);
  f->changes = 0;

  bp_selection_set_document (f->selection, other);
  g_assert_true (bp_selection_get_document (f->selection) == other);
  assert_order (f->selection, NULL);
  g_assert_cmpuint (f->changes, ==, 1);

  /* The old document's changes are none of its business now. */
  bp_document_remove (f->document, f->a);
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_set_document (f->selection, other);
  g_assert_cmpuint (f->changes, ==, 1);

  bp_selection_set_document (f->selection, NULL);
  g_assert_null (bp_selection_get_document (f->selection));
  g_assert_cmpuint (f->changes, ==, 2);
  bp_selection_select_all (f->selection);
  assert_order (f->selection, NULL);
}

/* The same file read again keeps what it still has, in order. */
static void
test_replace_document (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = bp_bpj_write (f->document, &length);
  again = bp_bpj_read (text, length, "again.bpj", &error);
  g_assert_no_error (error);
  bp_document_remove (again, bp_document_lookup (again, bp_item_get_id (f->b)));

  bp_selection_add (f->selection, f->c);
  bp_selection_add (f->selection, f->b);
  bp_selection_add (f->selection, f->a);
  f->changes = 0;

  bp_selection_replace_document (f->selection, again);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_true (bp_selection_get_document (f->selection) == again);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 2);
  g_assert_cmpstr (bp_selection_get_id (f->selection, 0), ==, bp_item_get_id (f->c));
  g_assert_cmpstr (bp_selection_get_id (f->selection, 1), ==, bp_item_get_id (f->a));
  g_assert_true (bp_item_get_document (bp_selection_get_item (f->selection, 0)) == again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/selection/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-and-remove", test_add_and_remove);
  ADD ("toggle", test_toggle);
  ADD ("set-and-clear", test_set_and_clear);
  ADD ("add-items-once", test_add_items_once);
  ADD ("select-all", test_select_all);
  ADD ("items-by-type", test_items_by_type);
  ADD ("removed-items-leave", test_removed_items_leave);
  ADD ("lane-removed-with-cards", test_lane_removed_with_cards);
  ADD ("undo-of-add-drops-it", test_undo_of_add_drops_it);
  ADD ("transaction-tells-once", test_transaction_tells_once);
  ADD ("reorder-keeps-it", test_reorder_keeps_it);
  ADD ("set-document", test_set_document);
  ADD ("replace-document", test_replace_document);

#undef ADD

  return g_test_run ();
}
