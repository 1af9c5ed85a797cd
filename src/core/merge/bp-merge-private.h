/* bp-merge-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The three sides, as indices. */
enum {
  BP_MERGE_BASE,
  BP_MERGE_OURS,
  BP_MERGE_THEIRS,
};

/* The four lists, in the file's order. */
enum {
  BP_MERGE_STAGES,
  BP_MERGE_LANES,
  BP_MERGE_STEPS,
  BP_MERGE_FLOWS,
  BP_MERGE_N_LISTS
};

/* One list of items on the three sides, and its merge. */
typedef struct {
  const char *key;        /* "stages"… */
  GHashTable *items[3];   /* id → JsonNode (object), borrowed from the trees */
  GPtrArray  *ids[3];     /* each side's ids in its order, borrowed */
  GHashTable *merged;     /* id → JsonObject, owned */
  GHashTable *exists;     /* ids already in a conflict on "exists" */
} BpMergeList;

typedef struct {
  JsonNode    *tree[3];   /* each side's canonical JSON; base may be NULL */
  JsonObject  *root[3];
  BpMergeList  lists[BP_MERGE_N_LISTS];
  JsonArray   *conflicts; /* this merge's, in the order found */
} BpMerge;

/* bp-merge-values.c */
gboolean    bp_merge_same          (JsonNode   *a,
                                    JsonNode   *b);
/* @object's member @key, or NULL (also when @object is NULL). */
JsonNode   *bp_merge_member        (JsonObject *object,
                                    const char *key);
/* Every key of the three objects (any may be NULL), ours' first, each
 * once; the strings are borrowed. */
GPtrArray  *bp_merge_union_of_keys (JsonObject *objects[3]);
/* One value from three (see bp-merge-values.c); sets @clash when both
 * sides changed it differently, and then returns ours. */
JsonNode   *bp_merge_pick          (gboolean    has_base,
                                    JsonNode   *base,
                                    JsonNode   *ours,
                                    JsonNode   *theirs,
                                    gboolean   *clash);
void        bp_merge_add_conflict  (BpMerge    *merge,
                                    const char *item,
                                    const char *field,
                                    JsonNode   *ours,
                                    JsonNode   *theirs);
JsonObject *bp_merge_objects       (BpMerge    *merge,
                                    const char *item,
                                    gboolean    has_base,
                                    JsonObject *base,
                                    JsonObject *ours,
                                    JsonObject *theirs,
                                    const char *whole_field);

/* bp-merge-lists.c */
void        bp_merge_list_init     (BpMergeList *list,
                                    JsonObject  *roots[3],
                                    const char  *key);
void        bp_merge_list_clear    (BpMergeList *list);
/* Decides which items of list @l exist and merges each. */
void        bp_merge_list_items    (BpMerge     *merge,
                                    guint        l);
/* Leaves out theirs' item where ours has another kind of item with its
 * id (see bp-merge-lists.c). */
void        bp_merge_one_item_per_id (BpMerge   *merge);
/* Keeps what merged items refer to (see bp-merge.h). */
void        bp_merge_keep_references (BpMerge   *merge);
/* The merged list in its order, a new array. */
JsonArray  *bp_merge_list_output   (BpMerge     *merge,
                                    guint        l);

G_END_DECLS
