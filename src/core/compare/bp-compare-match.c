/* bp-compare-match.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-private.h"

#include <string.h>

/* How alike two steps' texts must be to pair them by content. */
#define TEXT_SIMILARITY 0.8

/* Texts compared for likeness, at most, once equal texts are paired:
 * a bound on the time a pathological pair of files can take (thousands
 * of unlike cards in one unnamed stage and zone). */
#define MAX_TEXT_COMPARISONS 250000

typedef struct {
  double similarity;
  guint  old_index;
  guint  new_index;
} Candidate;

static BpCompareList
list_of (BpItem *item)
{
  if (BP_IS_STEP (item))
    return BP_COMPARE_STEPS;
  if (BP_IS_FLOW (item))
    return BP_COMPARE_FLOWS;
  return BP_IS_STAGE (item) ? BP_COMPARE_STAGES : BP_COMPARE_LANES;
}

static void
pair (BpCompareMatch *match,
      BpItem         *old_item,
      BpItem         *new_item,
      gboolean        by_text)
{
  g_hash_table_insert (match->new_for_old, g_object_ref (old_item), g_object_ref (new_item));
  g_hash_table_insert (match->old_for_new, g_object_ref (new_item), g_object_ref (old_item));
  if (by_text)
    g_hash_table_add (match->by_text, g_object_ref (old_item));
  match->n_pairs[list_of (old_item)]++;
}

BpItem *
bp_compare_match_new_for (const BpCompareMatch *match,
                          BpItem               *old_item)
{
  return g_hash_table_lookup (match->new_for_old, old_item);
}

/* The NEW step an OLD step's id would name after the change. */
static BpItem *
new_for_id (const BpCompareMatch *match,
            const char           *old_id)
{
  BpItem *old_item = bp_document_lookup (match->old_document, old_id);

  return old_item != NULL ? bp_compare_match_new_for (match, old_item) : NULL;
}

/* A flow pairs by id only when it still joins the same two steps: one
 * whose ends changed is another arrow, removed and added. */
static gboolean
flow_ends_match (const BpCompareMatch *match,
                 BpFlow               *old_flow,
                 BpFlow               *new_flow)
{
  BpItem *from = new_for_id (match, bp_flow_get_from (old_flow));
  BpItem *to = new_for_id (match, bp_flow_get_to (old_flow));

  return from != NULL && to != NULL &&
         strcmp (bp_item_get_id (from), bp_flow_get_from (new_flow)) == 0 &&
         strcmp (bp_item_get_id (to), bp_flow_get_to (new_flow)) == 0;
}

static void
match_by_id (BpCompareMatch *match,
             GListModel     *old_list,
             GType           type)
{
  guint n = g_list_model_get_n_items (old_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) old_item = g_list_model_get_item (old_list, i);
      BpItem *new_item = bp_document_lookup (match->new_document, bp_item_get_id (old_item));

      if (new_item == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (new_item, type))
        continue;
      if (type == BP_TYPE_FLOW &&
          !flow_ends_match (match, BP_FLOW (old_item), BP_FLOW (new_item)))
        continue;
      pair (match, old_item, new_item, FALSE);
    }
}

/* The items of @list not paired yet, in list order. @n_paired of them
 * are: when that is all, there is nothing to look for. */
static GPtrArray *
left_over (GListModel *list,
           GHashTable *paired,
           guint       n_paired)
{
  GPtrArray *left = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);

  if (n_paired >= n)
    return left;

  for (guint i = 0; i < n; i++)
    {
      BpItem *item = g_list_model_get_item (list, i);

      if (g_hash_table_contains (paired, item))
        g_object_unref (item);
      else
        g_ptr_array_add (left, item);
    }

  return left;
}

typedef char * (*KeyFunc) (const BpCompareMatch *match,
                           BpDocument           *document,
                           BpItem               *item);

/* Pairs left-over items whose keys are equal, first with first; an empty
 * key pairs nothing. */
static void
pair_by_key (BpCompareMatch *match,
             BpCompareList   list,
             GListModel     *old_list,
             GListModel     *new_list,
             KeyFunc         key_func)
{
  g_autoptr(GPtrArray) old_left = left_over (old_list, match->new_for_old, match->n_pairs[list]);
  g_autoptr(GPtrArray) new_left = NULL;
  g_autoptr(GHashTable) waiting = NULL;

  if (old_left->len == 0)
    return;
  new_left = left_over (new_list, match->old_for_new, match->n_pairs[list]);

  /* key → GQueue of NEW items, in list order */
  waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_queue_free);
  for (guint i = 0; i < new_left->len; i++)
    {
      BpItem *item = g_ptr_array_index (new_left, i);
      char *key = key_func (match, match->new_document, item);
      GQueue *queue;

      if (key[0] == '\0')
        {
          g_free (key);
          continue;
        }
      queue = g_hash_table_lookup (waiting, key);
      if (queue == NULL)
        g_hash_table_insert (waiting, key, queue = g_queue_new ());
      else
        g_free (key);
      g_queue_push_tail (queue, item);
    }

  for (guint i = 0; i < old_left->len; i++)
    {
      BpItem *item = g_ptr_array_index (old_left, i);
      g_autofree char *key = key_func (match, match->old_document, item);
      GQueue *queue = g_hash_table_lookup (waiting, key);

      if (queue != NULL && !g_queue_is_empty (queue))
        pair (match, item, g_queue_pop_head (queue), TRUE);
    }
}

static char *
stage_key (const BpCompareMatch *match,
           BpDocument           *document,
           BpItem               *item)
{
  return bp_compare_normalise (bp_stage_get_name (BP_STAGE (item)));
}

static char *
lane_key (const BpCompareMatch *match,
          BpDocument           *document,
          BpItem               *item)
{
  BpLane *lane = BP_LANE (item);
  g_autofree char *name = bp_compare_normalise (bp_lane_get_display_name (lane));

  return g_strdup_printf ("%d:%s", bp_lane_get_kind (lane), name);
}

/* Flows pair on the counterparts of their ends, so the key of an OLD
 * flow is spelt with NEW's ids. */
static char *
flow_key (const BpCompareMatch *match,
          BpDocument           *document,
          BpItem               *item)
{
  BpFlow *flow = BP_FLOW (item);
  const char *from = bp_flow_get_from (flow);
  const char *to = bp_flow_get_to (flow);

  if (document == match->old_document)
    {
      BpItem *new_from = new_for_id (match, from);
      BpItem *new_to = new_for_id (match, to);

      if (new_from == NULL || new_to == NULL)
        return g_strdup ("");
      from = bp_item_get_id (new_from);
      to = bp_item_get_id (new_to);
    }

  return g_strdup_printf ("%s>%s", from, to);
}

/* What a step must share with its counterpart besides its text: the
 * name of its stage and the zone of its lane. */
static char *
step_bucket (BpDocument *document,
             BpStep     *step)
{
  BpItem *stage = bp_document_lookup (document, bp_step_get_stage (step));
  BpItem *lane = bp_document_lookup (document, bp_step_get_lane (step));
  g_autofree char *name = NULL;

  if (!BP_IS_STAGE (stage) || !BP_IS_LANE (lane))
    return NULL;
  name = bp_compare_normalise (bp_stage_get_name (BP_STAGE (stage)));
  return g_strdup_printf ("%d:%s", bp_lane_get_kind (BP_LANE (lane)), name);
}

/* bucket → GArray of indices into @steps */
static GHashTable *
bucket_steps (BpDocument *document,
              GPtrArray  *steps)
{
  GHashTable *buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < steps->len; i++)
    {
      char *key = step_bucket (document, g_ptr_array_index (steps, i));
      GArray *members;

      if (key == NULL)
        continue;
      members = g_hash_table_lookup (buckets, key);
      if (members == NULL)
        g_hash_table_insert (buckets, key, members = g_array_new (FALSE, FALSE, sizeof (guint)));
      else
        g_free (key);
      g_array_append_val (members, i);
    }

  return buckets;
}

static GPtrArray *
normalised_texts (GPtrArray *steps)
{
  GPtrArray *texts = g_ptr_array_new_full (steps->len, g_free);

  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (texts, bp_compare_normalise (bp_step_get_text (g_ptr_array_index (steps, i))));

  return texts;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->similarity != cb->similarity)
    return ca->similarity > cb->similarity ? -1 : 1;
  if (ca->old_index != cb->old_index)
    return ca->old_index < cb->old_index ? -1 : 1;
  return ca->new_index < cb->new_index ? -1 : ca->new_index > cb->new_index;
}

/* Every left-over OLD step against every left-over NEW step of its
 * bucket not paired yet, keeping the pairs alike enough, until the
 * budget of comparisons is spent. */
static GArray *
step_candidates (BpCompareMatch *match,
                 GPtrArray      *old_left,
                 GPtrArray      *new_left,
                 GPtrArray      *old_texts,
                 GPtrArray      *new_texts)
{
  g_autoptr(GHashTable) old_buckets = bucket_steps (match->old_document, old_left);
  g_autoptr(GHashTable) new_buckets = bucket_steps (match->new_document, new_left);
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint budget = MAX_TEXT_COMPARISONS;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, old_buckets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *olds = value;
      GArray *news = g_hash_table_lookup (new_buckets, key);

      for (guint i = 0; news != NULL && i < olds->len; i++)
        for (guint j = 0; j < news->len && budget > 0; j++)
          {
            Candidate c = { 0, g_array_index (olds, guint, i), g_array_index (news, guint, j) };

            if (g_hash_table_contains (match->new_for_old, old_left->pdata[c.old_index]) ||
                g_hash_table_contains (match->old_for_new, new_left->pdata[c.new_index]))
              continue;
            budget--;
            c.similarity = bp_compare_similarity_at_least (g_ptr_array_index (old_texts, c.old_index),
                                                           g_ptr_array_index (new_texts, c.new_index),
                                                           TEXT_SIMILARITY);
            if (c.similarity >= TEXT_SIMILARITY)
              g_array_append_val (candidates, c);
          }
    }

  return candidates;
}

/* The pairs whose normalised texts are equal, in file order: what the
 * most-alike-first order below would take first, found in linear time. */
static void
pair_equal_texts (BpCompareMatch *match,
                  GPtrArray      *old_left,
                  GPtrArray      *new_left,
                  GPtrArray      *old_texts,
                  GPtrArray      *new_texts)
{
  g_autoptr(GHashTable) waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_queue_free);

  for (guint j = 0; j < new_left->len; j++)
    {
      g_autofree char *bucket = step_bucket (match->new_document, new_left->pdata[j]);
      const char *text = new_texts->pdata[j];
      char *key;
      GQueue *queue;

      if (bucket == NULL || text[0] == '\0')
        continue;
      key = g_strconcat (bucket, "\x1f", text, NULL);
      queue = g_hash_table_lookup (waiting, key);
      if (queue == NULL)
        g_hash_table_insert (waiting, key, queue = g_queue_new ());
      else
        g_free (key);
      g_queue_push_tail (queue, new_left->pdata[j]);
    }

  for (guint i = 0; i < old_left->len; i++)
    {
      g_autofree char *bucket = step_bucket (match->old_document, old_left->pdata[i]);
      g_autofree char *key = NULL;
      GQueue *queue;

      if (bucket == NULL)
        continue;
      key = g_strconcat (bucket, "\x1f", (const char *) old_texts->pdata[i], NULL);
      queue = g_hash_table_lookup (waiting, key);
      if (queue != NULL && !g_queue_is_empty (queue))
        pair (match, old_left->pdata[i], g_queue_pop_head (queue), TRUE);
    }
}

/* The most alike pairs first, so that a near copy is not taken by a
 * looser match; ties go by file order, so the result is stable. */
static void
pair_steps_by_text (BpCompareMatch *match)
{
  g_autoptr(GPtrArray) old_left = left_over (bp_document_get_steps (match->old_document),
                                             match->new_for_old,
                                             match->n_pairs[BP_COMPARE_STEPS]);
  g_autoptr(GPtrArray) new_left = NULL;
  g_autoptr(GPtrArray) old_texts = NULL;
  g_autoptr(GPtrArray) new_texts = NULL;
  g_autoptr(GArray) candidates = NULL;

  if (old_left->len == 0)
    return;
  new_left = left_over (bp_document_get_steps (match->new_document), match->old_for_new,
                        match->n_pairs[BP_COMPARE_STEPS]);
  if (new_left->len == 0)
    return;

  old_texts = normalised_texts (old_left);
  new_texts = normalised_texts (new_left);
  pair_equal_texts (match, old_left, new_left, old_texts, new_texts);
  candidates = step_candidates (match, old_left, new_left, old_texts, new_texts);
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      BpItem *old_item = g_ptr_array_index (old_left, c->old_index);
      BpItem *new_item = g_ptr_array_index (new_left, c->new_index);

      if (g_hash_table_contains (match->new_for_old, old_item) ||
          g_hash_table_contains (match->old_for_new, new_item))
        continue;
      pair (match, old_item, new_item, TRUE);
    }
}

void
bp_compare_match_init (BpCompareMatch *match,
                       BpDocument     *old_document,
                       BpDocument     *new_document)
{
  match->old_document = g_object_ref (old_document);
  match->new_document = g_object_ref (new_document);
  /* References, so that the pairs outlive edits to either document. */
  match->new_for_old = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  match->old_for_new = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  match->by_text = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  /* Steps before flows: a flow's ends are compared through them. */
  match_by_id (match, bp_document_get_stages (old_document), BP_TYPE_STAGE);
  match_by_id (match, bp_document_get_lanes (old_document), BP_TYPE_LANE);
  match_by_id (match, bp_document_get_steps (old_document), BP_TYPE_STEP);

  pair_by_key (match, BP_COMPARE_STAGES, bp_document_get_stages (old_document),
               bp_document_get_stages (new_document), stage_key);
  pair_by_key (match, BP_COMPARE_LANES, bp_document_get_lanes (old_document),
               bp_document_get_lanes (new_document), lane_key);
  pair_steps_by_text (match);

  match_by_id (match, bp_document_get_flows (old_document), BP_TYPE_FLOW);
  pair_by_key (match, BP_COMPARE_FLOWS, bp_document_get_flows (old_document),
               bp_document_get_flows (new_document), flow_key);
}

void
bp_compare_match_clear (BpCompareMatch *match)
{
  g_clear_pointer (&match->new_for_old, g_hash_table_unref);
  g_clear_pointer (&match->old_for_new, g_hash_table_unref);
  g_clear_pointer (&match->by_text, g_hash_table_unref);
  g_clear_object (&match->old_document);
  g_clear_object (&match->new_document);
}
