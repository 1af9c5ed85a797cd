/* bp-merge-values.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "merge/bp-merge-private.h"

/* Values and objects merged key by key, and the conflicts they leave. */

gboolean
bp_merge_same (JsonNode *a,
               JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

void
bp_merge_add_conflict (BpMerge    *merge,
                       const char *item,
                       const char *field,
                       JsonNode   *ours,
                       JsonNode   *theirs)
{
  JsonObject *conflict = json_object_new ();

  if (item != NULL)
    json_object_set_string_member (conflict, "item", item);
  else
    json_object_set_null_member (conflict, "item");
  json_object_set_string_member (conflict, "field", field);
  if (ours != NULL)
    json_object_set_member (conflict, "ours", json_node_copy (ours));
  if (theirs != NULL)
    json_object_set_member (conflict, "theirs", json_node_copy (theirs));
  json_array_add_object_element (merge->conflicts, conflict);
}

/* One value from three: the side that changed it wins; both changed it
 * differently is a clash, and ours is kept. Without a base (@has_base
 * FALSE), any difference is a clash; with one, @base NULL is a key the
 * base did not hold. */
JsonNode *
bp_merge_pick (gboolean  has_base,
      JsonNode *base,
      JsonNode *ours,
      JsonNode *theirs,
      gboolean *clash)
{
  *clash = FALSE;
  if (bp_merge_same (ours, theirs))
    return ours;
  if (!has_base)
    {
      *clash = TRUE;
      return ours;
    }
  if (bp_merge_same (theirs, base))
    return ours;
  if (bp_merge_same (ours, base))
    return theirs;
  *clash = TRUE;
  return ours;
}

JsonNode *
bp_merge_member (JsonObject *object,
                const char *key)
{
  return object != NULL ? json_object_get_member (object, key) : NULL;
}

/* Every key of the three objects, ours' first, each once. */
GPtrArray *
bp_merge_union_of_keys (JsonObject *objects[3])
{
  static const int order[] = { BP_MERGE_OURS, BP_MERGE_THEIRS, BP_MERGE_BASE };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GList) members = NULL;

      if (objects[order[i]] == NULL)
        continue;
      members = json_object_get_members (objects[order[i]]);
      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (keys, l->data);
    }
  return keys;
}

/* Merges three objects key by key (@has_base FALSE: there is no common
 * version to tell who changed what). A clashing key is recorded against
 * @item under its own name, or, with @whole_field set, once under that
 * name with both whole objects. */
JsonObject *
bp_merge_objects (BpMerge    *merge,
                  const char *item,
                  gboolean    has_base,
                  JsonObject *base,
                  JsonObject *ours,
                  JsonObject *theirs,
                  const char *whole_field)
{
  JsonObject *objects[3] = { base, ours, theirs };
  g_autoptr(GPtrArray) keys = bp_merge_union_of_keys (objects);
  JsonObject *merged = json_object_new ();
  gboolean any_clash = FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      JsonNode *o = bp_merge_member (ours, key);
      JsonNode *t = bp_merge_member (theirs, key);
      gboolean clash;
      JsonNode *value = bp_merge_pick (has_base, bp_merge_member (base, key), o, t, &clash);

      if (value != NULL)
        json_object_set_member (merged, key, json_node_copy (value));
      if (clash && whole_field == NULL)
        bp_merge_add_conflict (merge, item, key, o, t);
      any_clash |= clash;
    }

  if (any_clash && whole_field != NULL)
    {
      g_autoptr(JsonNode) o = ours ? json_node_init_object (json_node_alloc (), ours) : NULL;
      g_autoptr(JsonNode) t = theirs ? json_node_init_object (json_node_alloc (), theirs) : NULL;

      bp_merge_add_conflict (merge, item, whole_field, o, t);
    }
  return merged;
}
