/* bp-merge-order.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <string.h>

#include "merge/bp-merge-private.h"

/* The order of a merged list. Steps and flows: their order means nothing
 * in a blueprint, so ours', then what only theirs has, then what came
 * back from the base. Stages and lanes: the order of the side that
 * reordered them (see bp-merge.h). */

/* The ids of @seq that @other also has, in @seq's order. */
static GPtrArray *
common (GPtrArray  *seq,
        GHashTable *other)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < seq->len; i++)
    if (g_hash_table_contains (other, g_ptr_array_index (seq, i)))
      g_ptr_array_add (out, g_ptr_array_index (seq, i));
  return out;
}

static gboolean
same_sequence (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether @side put the items it shares with @other in another order. */
static gboolean
reordered (BpMergeList *list,
           guint        side,
           guint        other)
{
  g_autoptr(GPtrArray) mine = common (list->ids[side], list->items[other]);
  g_autoptr(GPtrArray) theirs = common (list->ids[other], list->items[side]);

  return !same_sequence (mine, theirs);
}

static JsonNode *
ids_node (GPtrArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (ids, i));
  json_node_take_array (node, array);
  return node;
}

static guint
primary_side (BpMerge *merge,
              guint    l)
{
  BpMergeList *list = &merge->lists[l];
  gboolean ours_moved, theirs_moved;

  /* Without a base, any difference in order is both sides' doing. */
  ours_moved = merge->root[BP_MERGE_BASE] == NULL || reordered (list, BP_MERGE_OURS, BP_MERGE_BASE);
  theirs_moved = merge->root[BP_MERGE_BASE] == NULL || reordered (list, BP_MERGE_THEIRS, BP_MERGE_BASE);

  if (ours_moved && theirs_moved && reordered (list, BP_MERGE_OURS, BP_MERGE_THEIRS))
    {
      g_autoptr(JsonNode) ours = ids_node (list->ids[BP_MERGE_OURS]);
      g_autoptr(JsonNode) theirs = ids_node (list->ids[BP_MERGE_THEIRS]);

      bp_merge_add_conflict (merge, NULL, list->key, ours, theirs);
    }
  return theirs_moved && !ours_moved ? BP_MERGE_THEIRS : BP_MERGE_OURS;
}

static guint
find (GPtrArray  *array,
      const char *id)
{
  guint index = 0;

  if (!g_ptr_array_find_with_equal_func (array, id, g_str_equal, &index))
    g_assert_not_reached ();
  return index;
}

/* Adds the merged items of @seq not yet in @out, each after the item
 * that comes before it in @seq (first when none does). */
static void
weave (GPtrArray   *out,
       GHashTable  *placed,
       GPtrArray   *seq,
       BpMergeList *list)
{
  const char *previous = NULL;

  for (guint i = 0; i < seq->len; i++)
    {
      const char *id = g_ptr_array_index (seq, i);

      if (g_hash_table_contains (list->merged, id) && g_hash_table_add (placed, (char *) id))
        g_ptr_array_insert (out, previous != NULL ? (int) find (out, previous) + 1 : 0, (char *) id);
      if (g_hash_table_contains (placed, id))
        previous = id;
    }
}

static guint
zone_of (JsonObject *lane)
{
  static const char * const zones[] = {
    "evidence", "customer", "frontstage", "backstage", "support",
  };
  const char *kind = json_object_get_string_member (lane, "kind");

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_strcmp0 (kind, zones[i]) == 0)
      return i;
  return G_N_ELEMENTS (zones);
}

static int
compare_zones (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *merged = user_data;
  guint za = zone_of (g_hash_table_lookup (merged, *(const char * const *) a));
  guint zb = zone_of (g_hash_table_lookup (merged, *(const char * const *) b));

  return (za > zb) - (za < zb);
}

static GPtrArray *
ordered_ids (BpMerge *merge,
             guint    l)
{
  BpMergeList *list = &merge->lists[l];
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();
  guint first = BP_MERGE_OURS;

  if (l == BP_MERGE_STAGES || l == BP_MERGE_LANES)
    first = primary_side (merge, l);

  /* The first side's order whole, then the others woven in. Steps and
   * flows are appended, as their order means nothing. */
  for (guint i = 0; i < list->ids[first]->len; i++)
    {
      const char *id = g_ptr_array_index (list->ids[first], i);

      if (g_hash_table_contains (list->merged, id) && g_hash_table_add (placed, (char *) id))
        g_ptr_array_add (out, (char *) id);
    }
  for (guint s = 0; s < 3; s++)
    {
      guint side = (guint[]) { BP_MERGE_OURS + BP_MERGE_THEIRS - first, BP_MERGE_BASE, first }[s];

      if (l == BP_MERGE_STAGES || l == BP_MERGE_LANES)
        weave (out, placed, list->ids[side], list);
      else
        for (guint i = 0; i < list->ids[side]->len; i++)
          {
            const char *id = g_ptr_array_index (list->ids[side], i);

            if (g_hash_table_contains (list->merged, id) && g_hash_table_add (placed, (char *) id))
              g_ptr_array_add (out, (char *) id);
          }
    }

  /* A lane whose kind changed on one side moves to its zone; the sort is
   * stable, so lanes of one zone keep their order. */
  if (l == BP_MERGE_LANES)
    g_ptr_array_sort_with_data (out, compare_zones, list->merged);
  return out;
}

JsonArray *
bp_merge_list_output (BpMerge *merge,
                      guint    l)
{
  BpMergeList *list = &merge->lists[l];
  g_autoptr(GPtrArray) ids = ordered_ids (merge, l);
  JsonArray *array = json_array_sized_new (ids->len);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_object_element (array,
                                   json_object_ref (g_hash_table_lookup (list->merged,
                                                                         g_ptr_array_index (ids, i))));
  return array;
}
