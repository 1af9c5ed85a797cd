/* bp-merge-lists.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <string.h>

#include "merge/bp-merge-private.h"

/* The stages, lanes, steps and flows of the three sides, matched by id. */

void
bp_merge_list_init (BpMergeList *list,
                    JsonObject  *roots[3],
                    const char  *key)
{
  list->key = key;
  for (guint s = 0; s < 3; s++)
    {
      JsonNode *node = roots[s] != NULL ? json_object_get_member (roots[s], key) : NULL;
      JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint n = array != NULL ? json_array_get_length (array) : 0;

      list->items[s] = g_hash_table_new (g_str_hash, g_str_equal);
      list->ids[s] = g_ptr_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *id = json_object_get_string_member (json_node_get_object (element), "id");

          g_hash_table_insert (list->items[s], (char *) id, element);
          g_ptr_array_add (list->ids[s], (char *) id);
        }
    }
  list->merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) json_object_unref);
  list->exists = g_hash_table_new (g_str_hash, g_str_equal);
}

void
bp_merge_list_clear (BpMergeList *list)
{
  for (guint s = 0; s < 3; s++)
    {
      g_clear_pointer (&list->items[s], g_hash_table_unref);
      g_clear_pointer (&list->ids[s], g_ptr_array_unref);
    }
  g_clear_pointer (&list->merged, g_hash_table_unref);
  g_clear_pointer (&list->exists, g_hash_table_unref);
}

static JsonNode *
side_item (BpMergeList *list,
           guint        side,
           const char  *id)
{
  return g_hash_table_lookup (list->items[side], id);
}

static JsonObject *
object_of (JsonNode *node)
{
  return node != NULL ? json_node_get_object (node) : NULL;
}

static void
take (BpMergeList *list,
      const char  *id,
      JsonObject  *object)
{
  g_hash_table_insert (list->merged, (char *) id, json_object_ref (object));
}

/* A conflict on "exists", once per item, with the whole item on each side
 * that has it. */
static void
exists_conflict (BpMerge     *merge,
                 BpMergeList *list,
                 const char  *id)
{
  if (!g_hash_table_add (list->exists, (char *) id))
    return;
  bp_merge_add_conflict (merge, id, "exists",
                         side_item (list, BP_MERGE_OURS, id),
                         side_item (list, BP_MERGE_THEIRS, id));
}

static void
merge_item (BpMerge     *merge,
            BpMergeList *list,
            const char  *id)
{
  JsonNode *b = side_item (list, BP_MERGE_BASE, id);
  JsonNode *o = side_item (list, BP_MERGE_OURS, id);
  JsonNode *t = side_item (list, BP_MERGE_THEIRS, id);
  JsonNode *kept = o != NULL ? o : t;

  if (o != NULL && t != NULL)
    {
      JsonObject *merged;

      /* Most items changed on one side at most: no need to go key by key. */
      if (b != NULL && bp_merge_same (t, b))
        {
          take (list, id, json_node_get_object (o));
          return;
        }
      if (b != NULL && bp_merge_same (o, b))
        {
          take (list, id, json_node_get_object (t));
          return;
        }
      merged = bp_merge_objects (merge, id, b != NULL, object_of (b), object_of (o),
                                 object_of (t), NULL);
      g_hash_table_insert (list->merged, (char *) id, merged);
      return;
    }
  if (kept == NULL)
    return;  /* removed on both sides */

  /* On one side only: added there, or removed on the other. */
  if (b == NULL)
    take (list, id, json_node_get_object (kept));
  else if (!bp_merge_same (b, kept))
    {
      take (list, id, json_node_get_object (kept));
      exists_conflict (merge, list, id);
    }
}

void
bp_merge_list_items (BpMerge *merge,
                     guint    l)
{
  static const guint order[] = { BP_MERGE_OURS, BP_MERGE_THEIRS, BP_MERGE_BASE };
  BpMergeList *list = &merge->lists[l];
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GPtrArray *ids = list->ids[order[i]];

      for (guint k = 0; k < ids->len; k++)
        {
          const char *id = g_ptr_array_index (ids, k);

          if (g_hash_table_add (done, (char *) id))
            merge_item (merge, list, id);
        }
    }
}

/* An id each side gave to an item of another kind (a step in ours, a
 * stage in theirs) would name two items: ours keeps it, theirs' item is
 * left out, and the clash is a conflict on "exists" holding each side's
 * item. */
void
bp_merge_one_item_per_id (BpMerge *merge)
{
  for (guint l = 0; l < BP_MERGE_N_LISTS; l++)
    {
      BpMergeList *list = &merge->lists[l];
      GPtrArray *ids = list->ids[BP_MERGE_THEIRS];

      for (guint k = 0; k < ids->len; k++)
        {
          const char *id = g_ptr_array_index (ids, k);

          if (side_item (list, BP_MERGE_OURS, id) != NULL || !g_hash_table_contains (list->merged, id))
            continue;
          for (guint other = 0; other < BP_MERGE_N_LISTS; other++)
            {
              JsonNode *ours = side_item (&merge->lists[other], BP_MERGE_OURS, id);

              if (other == l || ours == NULL)
                continue;
              g_hash_table_remove (list->merged, id);
              bp_merge_add_conflict (merge, id, "exists", ours, side_item (list, BP_MERGE_THEIRS, id));
              break;
            }
        }
    }
}

/* References */

/* Brings back an item the merge dropped, as the side that kept it has it
 * (ours, else theirs, else the base). */
static void
restore (BpMergeList *list,
         const char  *id)
{
  static const guint order[] = { BP_MERGE_OURS, BP_MERGE_THEIRS, BP_MERGE_BASE };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      JsonNode *node = side_item (list, order[i], id);

      if (node != NULL)
        {
          take (list, id, json_node_get_object (node));
          return;
        }
    }
}

static JsonNode *
member_of (JsonNode   *item,
           const char *key)
{
  return item != NULL ? json_object_get_member (json_node_get_object (item), key) : NULL;
}

/* The merged items of a list, in a fixed order (ours, theirs, base), so
 * that conflicts come out the same every time. */
static GPtrArray *
merged_ids (BpMergeList *list)
{
  static const guint order[] = { BP_MERGE_OURS, BP_MERGE_THEIRS, BP_MERGE_BASE };
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    for (guint k = 0; k < list->ids[order[i]]->len; k++)
      {
        const char *id = g_ptr_array_index (list->ids[order[i]], k);

        if (g_hash_table_contains (list->merged, id) && g_hash_table_add (done, (char *) id))
          g_ptr_array_add (out, (char *) id);
      }
  return out;
}

/* A flow that took "from" from one side and "to" from the other may join
 * a step to itself: it keeps ours' ends (or theirs' when ours has none). */
static void
keep_flow_apart (BpMerge    *merge,
                 const char *id,
                 JsonObject *flow)
{
  BpMergeList *flows = &merge->lists[BP_MERGE_FLOWS];
  JsonNode *o = side_item (flows, BP_MERGE_OURS, id);
  JsonNode *t = side_item (flows, BP_MERGE_THEIRS, id);
  JsonNode *kept = o != NULL ? o : t;

  if (strcmp (json_object_get_string_member (flow, "from"),
              json_object_get_string_member (flow, "to")) != 0)
    return;
  json_object_set_member (flow, "from", json_node_copy (member_of (kept, "from")));
  json_object_set_member (flow, "to", json_node_copy (member_of (kept, "to")));
  bp_merge_add_conflict (merge, id, "to", member_of (o, "to"), member_of (t, "to"));
}

/* A flow to a step the merge dropped keeps the step, and the flow is in
 * conflict: on "exists" when one side has no such flow, else on the end
 * that names the step. */
static void
keep_flow_ends (BpMerge    *merge,
                const char *id,
                JsonObject *flow)
{
  static const char * const ends[] = { "from", "to" };
  BpMergeList *flows = &merge->lists[BP_MERGE_FLOWS];
  BpMergeList *steps = &merge->lists[BP_MERGE_STEPS];
  JsonNode *o = side_item (flows, BP_MERGE_OURS, id);
  JsonNode *t = side_item (flows, BP_MERGE_THEIRS, id);

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      const char *step = json_object_get_string_member (flow, ends[e]);

      if (g_hash_table_contains (steps->merged, step))
        continue;
      restore (steps, step);
      if (o == NULL || t == NULL)
        exists_conflict (merge, flows, id);
      else
        bp_merge_add_conflict (merge, id, ends[e], member_of (o, ends[e]), member_of (t, ends[e]));
    }
}

/* A step in a lane or stage the merge dropped keeps it, with a conflict
 * on its "exists". */
static void
keep_step_place (BpMerge    *merge,
                 JsonObject *step)
{
  static const struct { const char *key; guint list; } places[] = {
    { "lane", BP_MERGE_LANES },
    { "stage", BP_MERGE_STAGES },
  };

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    {
      BpMergeList *list = &merge->lists[places[p].list];
      const char *id = json_object_get_string_member (step, places[p].key);

      if (g_hash_table_contains (list->merged, id))
        continue;
      restore (list, id);
      exists_conflict (merge, list, id);
    }
}

/* Each side removed the other's last stage (or lane): ours' first stays. */
static void
keep_one (BpMerge *merge,
          guint    l)
{
  BpMergeList *list = &merge->lists[l];
  GPtrArray *ids;
  const char *id;

  if (g_hash_table_size (list->merged) > 0)
    return;
  ids = list->ids[BP_MERGE_OURS]->len > 0 ? list->ids[BP_MERGE_OURS] : list->ids[BP_MERGE_THEIRS];
  id = g_ptr_array_index (ids, 0);
  restore (list, id);
  exists_conflict (merge, list, id);
}

void
bp_merge_keep_references (BpMerge *merge)
{
  BpMergeList *flows = &merge->lists[BP_MERGE_FLOWS];
  BpMergeList *steps = &merge->lists[BP_MERGE_STEPS];
  g_autoptr(GPtrArray) flow_ids = merged_ids (flows);
  g_autoptr(GPtrArray) step_ids = NULL;

  for (guint i = 0; i < flow_ids->len; i++)
    {
      const char *id = g_ptr_array_index (flow_ids, i);
      JsonObject *flow = g_hash_table_lookup (flows->merged, id);

      keep_flow_apart (merge, id, flow);
      keep_flow_ends (merge, id, flow);
    }

  /* After the flows, which may have brought steps back. */
  step_ids = merged_ids (steps);
  for (guint i = 0; i < step_ids->len; i++)
    keep_step_place (merge, g_hash_table_lookup (steps->merged, g_ptr_array_index (step_ids, i)));

  keep_one (merge, BP_MERGE_STAGES);
  keep_one (merge, BP_MERGE_LANES);
}
