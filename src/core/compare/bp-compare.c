/* bp-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-private.h"

#include <math.h>

struct _BpComparison
{
  GObject         parent_instance;

  BpCompareMatch  match;
  GPtrArray      *changes[BP_COMPARE_N_LISTS];
  gboolean        reordered[BP_COMPARE_N_LISTS];
  BpCompareField  blueprint_fields;
  char          **blueprint_other_keys;
  GHashTable     *by_new_id;   /* id → BpCompareChange, borrowed */
  GHashTable     *by_old_id;
};

G_DEFINE_FINAL_TYPE (BpComparison, bp_comparison, G_TYPE_OBJECT)

static void
change_free (BpCompareChange *change)
{
  g_clear_object (&change->old_item);
  g_clear_object (&change->new_item);
  g_clear_pointer (&change->other_keys, g_strfreev);
  g_free (change);
}

static void
bp_comparison_finalize (GObject *object)
{
  BpComparison *self = BP_COMPARISON (object);

  for (guint i = 0; i < BP_COMPARE_N_LISTS; i++)
    g_clear_pointer (&self->changes[i], g_ptr_array_unref);
  g_clear_pointer (&self->by_new_id, g_hash_table_unref);
  g_clear_pointer (&self->by_old_id, g_hash_table_unref);
  g_clear_pointer (&self->blueprint_other_keys, g_strfreev);
  bp_compare_match_clear (&self->match);

  G_OBJECT_CLASS (bp_comparison_parent_class)->finalize (object);
}

static void
bp_comparison_class_init (BpComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_comparison_finalize;
}

static void
bp_comparison_init (BpComparison *self)
{
  for (guint i = 0; i < BP_COMPARE_N_LISTS; i++)
    self->changes[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->by_new_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_old_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static GListModel *
get_list (BpDocument    *document,
          BpCompareList  list)
{
  switch (list)
    {
    case BP_COMPARE_STAGES:
      return bp_document_get_stages (document);
    case BP_COMPARE_LANES:
      return bp_document_get_lanes (document);
    case BP_COMPARE_STEPS:
      return bp_document_get_steps (document);
    case BP_COMPARE_FLOWS:
    default:
      return bp_document_get_flows (document);
    }
}

static BpCompareChange *
add_change (BpComparison    *self,
            BpCompareList    list,
            BpCompareStatus  status,
            BpItem          *old_item,
            BpItem          *new_item)
{
  BpCompareChange *change = g_new0 (BpCompareChange, 1);

  change->list = list;
  change->status = status;
  change->old_item = old_item ? g_object_ref (old_item) : NULL;
  change->new_item = new_item ? g_object_ref (new_item) : NULL;
  change->duration_delta = NAN;
  g_ptr_array_add (self->changes[list], change);
  if (old_item != NULL)
    g_hash_table_insert (self->by_old_id, (gpointer) bp_item_get_id (old_item), change);
  if (new_item != NULL)
    g_hash_table_insert (self->by_new_id, (gpointer) bp_item_get_id (new_item), change);

  return change;
}

static void
collect_removed (BpComparison  *self,
                 BpCompareList  list)
{
  GListModel *model = get_list (self->match.old_document, list);
  guint n = g_list_model_get_n_items (model);

  /* Every item has its counterpart: none was removed. */
  if (self->match.n_pairs[list] == n)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (model, i);

      if (!g_hash_table_contains (self->match.new_for_old, item))
        add_change (self, list, BP_COMPARE_REMOVED, item, NULL);
    }
}

/* A pair becomes a change when a field differs or it was paired by
 * content (its id changed). */
static void
collect_pair (BpComparison  *self,
              BpCompareList  list,
              BpItem        *old_item,
              BpItem        *new_item)
{
  BpCompareChange probe = { .list = list, .old_item = old_item, .new_item = new_item };
  BpCompareChange *change;

  bp_compare_diff_item (&self->match, &probe);
  probe.matched_by_text = g_hash_table_contains (self->match.by_text, old_item);
  if (probe.fields == 0 && probe.other_keys == NULL && !probe.matched_by_text)
    return;

  change = add_change (self, list, BP_COMPARE_CHANGED, old_item, new_item);
  probe.status = change->status;
  probe.old_item = change->old_item;
  probe.new_item = change->new_item;
  *change = probe;
}

static void
collect_added_and_changed (BpComparison  *self,
                           BpCompareList  list)
{
  GListModel *model = get_list (self->match.new_document, list);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (model, i);
      BpItem *old_item = g_hash_table_lookup (self->match.old_for_new, item);

      if (old_item == NULL)
        add_change (self, list, BP_COMPARE_ADDED, NULL, item);
      else
        collect_pair (self, list, old_item, item);
    }
}

/* Whether the pairs stand in another relative order in NEW: their NEW
 * positions, read in OLD's order, are not increasing. */
static gboolean
find_reordered (BpComparison  *self,
                BpCompareList  list)
{
  GListModel *old_model = get_list (self->match.old_document, list);
  GListModel *new_model = get_list (self->match.new_document, list);
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  guint n_new = g_list_model_get_n_items (new_model);
  guint n = g_list_model_get_n_items (old_model);
  guint last = 0;

  /* Positions from 1, so that none is NULL. */
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (new_model, i);

      g_hash_table_insert (positions, item, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (old_model, i);
      BpItem *counterpart = g_hash_table_lookup (self->match.new_for_old, item);
      guint position;

      if (counterpart == NULL)
        continue;
      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, counterpart));
      if (position < last)
        return TRUE;
      last = position;
    }

  return FALSE;
}

BpComparison *
bp_compare (BpDocument *old_document,
            BpDocument *new_document)
{
  BpComparison *self;

  g_return_val_if_fail (BP_IS_DOCUMENT (old_document), NULL);
  g_return_val_if_fail (BP_IS_DOCUMENT (new_document), NULL);

  self = g_object_new (BP_TYPE_COMPARISON, NULL);
  bp_compare_match_init (&self->match, old_document, new_document);

  for (guint list = 0; list < BP_COMPARE_N_LISTS; list++)
    {
      collect_removed (self, list);
      collect_added_and_changed (self, list);
    }
  self->reordered[BP_COMPARE_STAGES] = find_reordered (self, BP_COMPARE_STAGES);
  self->reordered[BP_COMPARE_LANES] = find_reordered (self, BP_COMPARE_LANES);
  self->blueprint_fields = bp_compare_diff_blueprint (old_document, new_document,
                                                      &self->blueprint_other_keys);

  return self;
}

BpDocument *
bp_comparison_get_old_document (BpComparison *self)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return self->match.old_document;
}

BpDocument *
bp_comparison_get_new_document (BpComparison *self)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return self->match.new_document;
}

gboolean
bp_comparison_is_same (BpComparison *self)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), FALSE);

  for (guint i = 0; i < BP_COMPARE_N_LISTS; i++)
    if (self->changes[i]->len > 0 || self->reordered[i])
      return FALSE;

  return self->blueprint_fields == 0 && self->blueprint_other_keys == NULL;
}

GPtrArray *
bp_comparison_get_changes (BpComparison  *self,
                           BpCompareList  list)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (list < BP_COMPARE_N_LISTS, NULL);

  return self->changes[list];
}

guint
bp_comparison_count (BpComparison    *self,
                     BpCompareList    list,
                     BpCompareStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (BP_IS_COMPARISON (self), 0);
  g_return_val_if_fail (list < BP_COMPARE_N_LISTS, 0);

  for (guint i = 0; i < self->changes[list]->len; i++)
    {
      const BpCompareChange *change = g_ptr_array_index (self->changes[list], i);

      count += change->status == status;
    }

  return count;
}

gboolean
bp_comparison_get_reordered (BpComparison  *self,
                             BpCompareList  list)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (list < BP_COMPARE_N_LISTS, FALSE);

  return self->reordered[list];
}

const BpCompareChange *
bp_comparison_lookup_new (BpComparison *self,
                          const char   *new_id)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return new_id ? g_hash_table_lookup (self->by_new_id, new_id) : NULL;
}

const BpCompareChange *
bp_comparison_lookup_old (BpComparison *self,
                          const char   *old_id)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return old_id ? g_hash_table_lookup (self->by_old_id, old_id) : NULL;
}

BpItem *
bp_comparison_get_new_for_old (BpComparison *self,
                               BpItem       *old_item)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return bp_compare_match_new_for (&self->match, old_item);
}

BpCompareField
bp_comparison_get_blueprint_fields (BpComparison *self)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), 0);

  return self->blueprint_fields;
}

const char * const *
bp_comparison_get_blueprint_other_keys (BpComparison *self)
{
  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  return (const char * const *) self->blueprint_other_keys;
}
