/* bp-merge.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "merge/bp-merge.h"

#include <string.h>

#include "bpj/bp-bpj.h"
#include "merge/bp-merge-private.h"

/* The merge works on each side's canonical JSON (the writer's tree), so
 * that every key, unknown ones included, merges the same way and a key at
 * its default value is simply absent on both sides. (The comparison
 * engine is not used: it pairs items by text as well as by id, and names
 * x and width together, where a merge must match by id alone and keep
 * each key apart.) The merged tree is
 * then read like a file, which proves it valid. */

static const char * const list_keys[BP_MERGE_N_LISTS] = {
  "stages", "lanes", "steps", "flows",
};

/* Keys of the top level that are not merged as plain values. */
static gboolean
is_structural_key (const char *key)
{
  static const char * const keys[] = {
    "format", "version", "stages", "lanes", "steps", "flows",
    "scenario", "dismissed", "conflicts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Top level */

static void
merge_top_keys (BpMerge    *merge,
                JsonObject *out)
{
  g_autoptr(GPtrArray) keys = bp_merge_union_of_keys (merge->root);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      JsonNode *o = bp_merge_member (merge->root[BP_MERGE_OURS], key);
      JsonNode *t = bp_merge_member (merge->root[BP_MERGE_THEIRS], key);
      JsonNode *value;
      gboolean clash;

      if (is_structural_key (key))
        continue;
      value = bp_merge_pick (merge->root[BP_MERGE_BASE] != NULL,
                    bp_merge_member (merge->root[BP_MERGE_BASE], key), o, t, &clash);
      if (value != NULL)
        json_object_set_member (out, key, json_node_copy (value));
      if (clash)
        bp_merge_add_conflict (merge, NULL, key, o, t);
    }
}

static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = bp_merge_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
merge_scenario (BpMerge    *merge,
                JsonObject *out)
{
  JsonObject *merged;

  merged = bp_merge_objects (merge, NULL, merge->root[BP_MERGE_BASE] != NULL,
                             object_member (merge->root[BP_MERGE_BASE], "scenario"),
                             object_member (merge->root[BP_MERGE_OURS], "scenario"),
                             object_member (merge->root[BP_MERGE_THEIRS], "scenario"),
                             "scenario");
  if (json_object_get_size (merged) > 0)
    json_object_set_object_member (out, "scenario", merged);
  else
    json_object_unref (merged);
}

static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node = bp_merge_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* An element of a set, by its whole value. */
static GHashTable *
set_of (JsonArray *array)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_hash_table_add (set, json_to_string (json_array_get_element (array, i), FALSE));
  return set;
}

static gboolean
set_has (GHashTable *set,
         JsonNode   *element)
{
  g_autofree char *key = json_to_string (element, FALSE);

  return g_hash_table_contains (set, key);
}

/* "dismissed" and "conflicts": ours' elements but those theirs removed,
 * then theirs' additions. */
static JsonArray *
merge_set (BpMerge    *merge,
           const char *key)
{
  JsonArray *arrays[3];
  g_autoptr(GHashTable) base = NULL;
  g_autoptr(GHashTable) ours = NULL;
  g_autoptr(GHashTable) theirs = NULL;
  JsonArray *out = json_array_new ();

  for (guint i = 0; i < 3; i++)
    arrays[i] = array_member (merge->root[i], key);
  base = set_of (arrays[BP_MERGE_BASE]);
  ours = set_of (arrays[BP_MERGE_OURS]);
  theirs = set_of (arrays[BP_MERGE_THEIRS]);

  for (guint i = 0; arrays[BP_MERGE_OURS] && i < json_array_get_length (arrays[BP_MERGE_OURS]); i++)
    {
      JsonNode *element = json_array_get_element (arrays[BP_MERGE_OURS], i);

      if (!set_has (base, element) || set_has (theirs, element))
        json_array_add_element (out, json_node_copy (element));
    }
  for (guint i = 0; arrays[BP_MERGE_THEIRS] && i < json_array_get_length (arrays[BP_MERGE_THEIRS]); i++)
    {
      JsonNode *element = json_array_get_element (arrays[BP_MERGE_THEIRS], i);

      if (!set_has (base, element) && !set_has (ours, element))
        json_array_add_element (out, json_node_copy (element));
    }
  return out;
}

/* The whole merge */

/* @texts are the writer's canonical texts, which always parse. */
static void
merge_init (BpMerge    *merge,
            char       *texts[3])
{
  memset (merge, 0, sizeof *merge);
  for (guint i = 0; i < 3; i++)
    {
      merge->tree[i] = texts[i] != NULL ? json_from_string (texts[i], NULL) : NULL;
      merge->root[i] = merge->tree[i] != NULL ? json_node_get_object (merge->tree[i]) : NULL;
    }
  merge->conflicts = json_array_new ();
  for (guint l = 0; l < BP_MERGE_N_LISTS; l++)
    bp_merge_list_init (&merge->lists[l], merge->root, list_keys[l]);
}

static void
merge_clear (BpMerge *merge)
{
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&merge->tree[i], json_node_unref);
  for (guint l = 0; l < BP_MERGE_N_LISTS; l++)
    bp_merge_list_clear (&merge->lists[l]);
  g_clear_pointer (&merge->conflicts, json_array_unref);
}

static JsonNode *
merge_trees (BpMerge *merge)
{
  JsonObject *out = json_object_new ();
  JsonArray *conflicts;
  JsonArray *dismissed;
  JsonNode *root;

  json_object_set_string_member (out, "format", "bpj");
  json_object_set_int_member (out, "version", BP_FORMAT_VERSION);
  merge_top_keys (merge, out);
  merge_scenario (merge, out);

  for (guint l = 0; l < BP_MERGE_N_LISTS; l++)
    bp_merge_list_items (merge, l);
  bp_merge_one_item_per_id (merge);
  bp_merge_keep_references (merge);
  for (guint l = 0; l < BP_MERGE_N_LISTS; l++)
    json_object_set_array_member (out, list_keys[l], bp_merge_list_output (merge, l));

  dismissed = merge_set (merge, "dismissed");
  if (json_array_get_length (dismissed) > 0)
    json_object_set_array_member (out, "dismissed", dismissed);
  else
    json_array_unref (dismissed);

  /* Conflicts left open on either side stay; this merge's come last. */
  conflicts = merge_set (merge, "conflicts");
  for (guint i = 0; i < json_array_get_length (merge->conflicts); i++)
    json_array_add_element (conflicts, json_node_copy (json_array_get_element (merge->conflicts, i)));
  if (json_array_get_length (conflicts) > 0)
    json_object_set_array_member (out, "conflicts", conflicts);
  else
    json_array_unref (conflicts);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, out);
  return root;
}

static char *
text_of (BpDocument *document)
{
  return document != NULL ? bp_bpj_write (document, NULL) : NULL;
}

static BpDocument *
read_text (const char  *text,
           GError     **error)
{
  return bp_bpj_read (text, strlen (text), "merge", error);
}

BpDocument *
bp_merge (BpDocument  *base,
          BpDocument  *ours,
          BpDocument  *theirs,
          GError     **error)
{
  g_autofree char *base_text = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *merged_text = NULL;
  g_autoptr(JsonNode) merged = NULL;
  BpMerge merge;

  g_return_val_if_fail (base == NULL || BP_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (BP_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (BP_IS_DOCUMENT (theirs), NULL);

  /* One side unchanged, or both the same: the other side, byte for byte
   * (the order of steps and flows included). */
  base_text = text_of (base);
  ours_text = text_of (ours);
  theirs_text = text_of (theirs);
  if (g_strcmp0 (ours_text, theirs_text) == 0 || g_strcmp0 (theirs_text, base_text) == 0)
    return read_text (ours_text, error);
  if (g_strcmp0 (ours_text, base_text) == 0)
    return read_text (theirs_text, error);

  merge_init (&merge, (char *[3]) { base_text, ours_text, theirs_text });
  merged = merge_trees (&merge);
  merge_clear (&merge);

  merged_text = json_to_string (merged, FALSE);
  return read_text (merged_text, error);
}
