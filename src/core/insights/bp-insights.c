/* bp-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "insights/bp-insights-private.h"

#include <string.h>

#include "model/bp-hash.h"

/* The pass: the document gathered into plain arrays (one look at each
 * item), the crossings counted on the way, then the time and the checks
 * (in their own files), and the accessors of the result. */

G_DEFINE_BOXED_TYPE (BpInsights, bp_insights, bp_insights_ref, bp_insights_unref)

static void
clear_check_record (gpointer data)
{
  BpInsightsCheckRecord *record = data;

  g_clear_pointer (&record->text, g_free);
}

static BpInsights *
insights_new (guint n_stages,
              guint n_flows)
{
  BpInsights *self = g_new0 (BpInsights, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (4096);
  self->tolerance = -1;
  self->stages = g_array_sized_new (FALSE, TRUE, sizeof (BpInsightsStage), n_stages);
  self->flows = g_array_sized_new (FALSE, TRUE, sizeof (BpInsightsFlow), n_flows);
  self->checks = g_array_new (FALSE, TRUE, sizeof (BpInsightsCheckRecord));
  g_array_set_clear_func (self->checks, clear_check_record);
  self->path = g_ptr_array_new ();
  return self;
}

BpInsights *
bp_insights_ref (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bp_insights_unref (BpInsights *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_string_chunk_free (self->strings);
  g_array_unref (self->stages);
  g_array_unref (self->flows);
  g_array_unref (self->checks);
  g_ptr_array_unref (self->path);
  g_clear_pointer (&self->first_check, g_hash_table_unref);
  g_free (self);
}

/* Gathering */

static void
gather_stages (BpInsightsPass *pass,
               GHashTable     *stage_positions)
{
  BpInsights *result = pass->result;

  g_array_set_size (result->stages, pass->n_stages);
  for (guint i = 0; i < pass->n_stages; i++)
    {
      BpStage *stage = bp_document_get_stage (pass->document, i);
      BpInsightsStage *out = &g_array_index (result->stages, BpInsightsStage, i);
      const char *id = bp_item_get_id (BP_ITEM (stage));

      out->id = g_string_chunk_insert (result->strings, id);
      out->tolerance = bp_stage_get_tolerance (stage);
      g_hash_table_insert (stage_positions, (char *) id, GUINT_TO_POINTER (i));
    }
}

/* The same number for actors that differ only in case and surrounding
 * spaces; -1 for none. Most cards share a few roles, so each distinct
 * spelling is folded once. */
static int
actor_number (const char *actor,
              GHashTable *by_spelling,
              GHashTable *by_folded)
{
  g_autofree char *stripped = NULL;
  char *folded;
  gpointer number;

  if (actor == NULL)
    return -1;
  if (g_hash_table_lookup_extended (by_spelling, actor, NULL, &number))
    return GPOINTER_TO_INT (number);

  stripped = g_strstrip (g_strdup (actor));
  if (stripped[0] == '\0')
    number = GINT_TO_POINTER (-1);
  else
    {
      folded = g_utf8_casefold (stripped, -1);
      if (!g_hash_table_lookup_extended (by_folded, folded, NULL, &number))
        {
          number = GINT_TO_POINTER (g_hash_table_size (by_folded));
          g_hash_table_insert (by_folded, folded, number);
        }
      else
        g_free (folded);
    }

  g_hash_table_insert (by_spelling, g_strdup (actor), number);
  return GPOINTER_TO_INT (number);
}

static void
add_step_to_stage (BpInsightsPass *pass,
                   BpInsightsStep *step)
{
  BpInsightsStage *stage = &g_array_index (pass->result->stages, BpInsightsStage, step->stage);

  stage->n_steps++;
  pass->stage_zone_counts[step->stage * BP_N_LANE_KINDS + step->zone]++;

  if (step->flags & BP_STEP_FLAG_FAIL_POINT)
    pass->result->n_fail_points++;
  if (step->flags & BP_STEP_FLAG_WAIT_POINT)
    pass->result->n_wait_points++;

  if (step->duration < 0)
    return;
  stage->effort[step->zone] += step->duration;
  if (step->zone == BP_LANE_KIND_CUSTOMER)
    stage->customer += step->duration;
  if (step->flags & BP_STEP_FLAG_WAIT_POINT)
    stage->waiting += step->duration;
}

/* Cards come stage by stage and sit in a few lanes: the last answer, or
 * a look along the lanes when there are few, spares most lookups in the
 * document's table of ids, which hashes the whole id. */
#define FEW_LANES 8

typedef struct
{
  const char *stage_id;
  guint       stage;
  const char *lane_id;
  int         zone;
  guint       n_lanes;
  const char *lane_ids[FEW_LANES];
  int         lane_zones[FEW_LANES];
} Recent;

static void
recent_init (Recent     *recent,
             BpDocument *document)
{
  guint n_lanes = bp_document_get_n_lanes (document);

  memset (recent, 0, sizeof *recent);
  if (n_lanes > FEW_LANES)
    return;

  recent->n_lanes = n_lanes;
  for (guint i = 0; i < n_lanes; i++)
    {
      BpLane *lane = bp_document_get_lane (document, i);

      recent->lane_ids[i] = bp_item_get_id (BP_ITEM (lane));
      recent->lane_zones[i] = bp_lane_get_kind (lane);
    }
}

static int
zone_of (BpInsightsPass *pass,
         Recent         *recent,
         const char     *lane_id)
{
  BpItem *lane;

  if (recent->lane_id != NULL && strcmp (recent->lane_id, lane_id) == 0)
    return recent->zone;

  for (guint i = 0; i < recent->n_lanes; i++)
    if (strcmp (recent->lane_ids[i], lane_id) == 0)
      {
        recent->lane_id = recent->lane_ids[i];
        recent->zone = recent->lane_zones[i];
        return recent->zone;
      }

  lane = bp_document_lookup (pass->document, lane_id);
  recent->lane_id = NULL;
  return BP_IS_LANE (lane) ? (int) bp_lane_get_kind (BP_LANE (lane)) : BP_LANE_KIND_CUSTOMER;
}

static guint
stage_of (Recent     *recent,
          GHashTable *stage_positions,
          const char *stage_id)
{
  gpointer key = NULL, value = NULL;

  if (recent->stage_id != NULL && strcmp (recent->stage_id, stage_id) == 0)
    return recent->stage;

  g_hash_table_lookup_extended (stage_positions, stage_id, &key, &value);
  recent->stage_id = key;
  recent->stage = GPOINTER_TO_UINT (value);
  return recent->stage;
}

static void
gather_steps (BpInsightsPass *pass,
              GHashTable     *stage_positions,
              GHashTable     *step_positions)
{
  g_autoptr(GHashTable) by_spelling = g_hash_table_new_full (bp_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_folded = g_hash_table_new_full (bp_str_hash, g_str_equal, g_free, NULL);
  Recent recent;

  recent_init (&recent, pass->document);
  for (guint i = 0; i < pass->n_steps; i++)
    {
      BpStep *step = bp_document_get_step (pass->document, i);
      BpInsightsStep *out = &pass->steps[i];
      const char *id = bp_item_get_id (BP_ITEM (step));

      out->id = g_string_chunk_insert (pass->result->strings, id);
      out->zone = zone_of (pass, &recent, bp_step_get_lane (step));
      out->stage = stage_of (&recent, stage_positions, bp_step_get_stage (step));
      out->x = bp_step_get_x (step);
      out->duration = bp_step_get_duration (step);
      out->tolerance = bp_step_get_tolerance (step);
      out->flags = bp_step_get_flags (step);
      out->actor = actor_number (bp_step_get_actor (step), by_spelling, by_folded);

      g_hash_table_insert (step_positions, step, GUINT_TO_POINTER (i));
      add_step_to_stage (pass, out);
    }
}

static BpLines
lines_between (int a,
               int b)
{
  int low = MIN (a, b), high = MAX (a, b);
  BpLines lines = BP_LINES_NONE;

  /* Line k lies between zones k and k + 1. */
  if (low <= BP_LANE_KIND_CUSTOMER && high >= BP_LANE_KIND_FRONTSTAGE)
    lines |= BP_LINES_INTERACTION;
  if (low <= BP_LANE_KIND_FRONTSTAGE && high >= BP_LANE_KIND_BACKSTAGE)
    lines |= BP_LINES_VISIBILITY;
  if (low <= BP_LANE_KIND_BACKSTAGE && high >= BP_LANE_KIND_SUPPORT)
    lines |= BP_LINES_INTERNAL;
  return lines;
}

static void
count_crossings (BpCrossings          *crossings,
                 const BpInsightsFlow *flow)
{
  crossings->interaction += (flow->lines & BP_LINES_INTERACTION) != 0;
  crossings->visibility += (flow->lines & BP_LINES_VISIBILITY) != 0;
  crossings->internal += (flow->lines & BP_LINES_INTERNAL) != 0;
  crossings->actor += flow->handoff != 0;
}

static gboolean
meets_customer (int zone)
{
  return zone == BP_LANE_KIND_FRONTSTAGE || zone == BP_LANE_KIND_EVIDENCE;
}

static void
note_flow_ends (BpInsightsStep *from,
                BpInsightsStep *to,
                BpFlowKind      kind)
{
  from->n_flows++;
  to->n_flows++;
  from->n_out++;
  if (kind == BP_FLOW_KIND_SEQUENCE)
    to->n_in_sequence++;
  if (kind == BP_FLOW_KIND_RECOVERY)
    from->n_out_recovery++;
  from->meets_frontstage |= meets_customer (to->zone);
  to->meets_frontstage |= meets_customer (from->zone);
}

/* The document already keeps a table of ids; a table of its steps by
 * address is far cheaper to fill than a second table of ids. */
static guint
step_position (BpInsightsPass *pass,
               GHashTable     *step_positions,
               const char     *step_id)
{
  BpItem *step = bp_document_lookup (pass->document, step_id);

  return GPOINTER_TO_UINT (g_hash_table_lookup (step_positions, step));
}

static void
gather_flows (BpInsightsPass *pass,
              GHashTable     *step_positions)
{
  BpInsights *result = pass->result;

  g_array_set_size (result->flows, pass->n_flows);
  for (guint i = 0; i < pass->n_flows; i++)
    {
      BpFlow *flow = bp_document_get_flow (pass->document, i);
      BpInsightsFlowEnds *ends = &pass->flows[i];
      BpInsightsFlow *out = &g_array_index (result->flows, BpInsightsFlow, i);
      BpInsightsStep *from, *to;

      ends->from = step_position (pass, step_positions, bp_flow_get_from (flow));
      ends->to = step_position (pass, step_positions, bp_flow_get_to (flow));
      ends->kind = bp_flow_get_kind (flow);
      from = &pass->steps[ends->from];
      to = &pass->steps[ends->to];

      out->id = g_string_chunk_insert (result->strings, bp_item_get_id (BP_ITEM (flow)));
      out->lines = lines_between (from->zone, to->zone);
      out->direction = to->zone > from->zone ? BP_DIRECTION_DOWN
                     : to->zone < from->zone ? BP_DIRECTION_UP
                     : BP_DIRECTION_NONE;
      out->handoff = from->actor >= 0 && to->actor >= 0 && from->actor != to->actor;
      out->rework = ends->kind == BP_FLOW_KIND_REWORK;

      count_crossings (&result->crossings, out);
      count_crossings (&g_array_index (result->stages, BpInsightsStage, from->stage).crossings, out);
      note_flow_ends (from, to, ends->kind);
    }
}

static void
sum_stages (BpInsights *result)
{
  for (guint i = 0; i < result->stages->len; i++)
    {
      const BpInsightsStage *stage = &g_array_index (result->stages, BpInsightsStage, i);

      result->customer += stage->customer;
      result->waiting += stage->waiting;
    }
}

BpInsights *
bp_insights_compute (BpDocument *document)
{
  g_autoptr(GHashTable) stage_positions = NULL;
  g_autoptr(GHashTable) step_positions = NULL;
  BpInsightsPass pass = { NULL };

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  pass.document = document;
  pass.n_stages = bp_document_get_n_stages (document);
  pass.n_steps = bp_document_get_n_steps (document);
  pass.n_flows = bp_document_get_n_flows (document);
  pass.result = insights_new (pass.n_stages, pass.n_flows);
  pass.result->tolerance = bp_document_get_tolerance (document);
  pass.steps = g_new0 (BpInsightsStep, pass.n_steps);
  pass.flows = g_new0 (BpInsightsFlowEnds, pass.n_flows);
  pass.stage_zone_counts = g_new0 (guint, (gsize) pass.n_stages * BP_N_LANE_KINDS);

  stage_positions = g_hash_table_new (bp_str_hash, g_str_equal);
  step_positions = g_hash_table_new (NULL, NULL);

  gather_stages (&pass, stage_positions);
  gather_steps (&pass, stage_positions, step_positions);
  gather_flows (&pass, step_positions);
  sum_stages (pass.result);

  bp_insights_compute_time (&pass);
  bp_insights_compute_checks (&pass);
  g_ptr_array_add (pass.result->path, NULL);

  g_free (pass.steps);
  g_free (pass.flows);
  g_free (pass.stage_zone_counts);

  return pass.result;
}

/* The result */

double
bp_insights_get_elapsed (BpInsights *self,
                         guint      *unknown)
{
  g_return_val_if_fail (self != NULL, 0);

  if (unknown != NULL)
    *unknown = self->unknown;
  return self->elapsed;
}

const char * const *
bp_insights_get_path (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->path->pdata;
}

double
bp_insights_get_tolerance (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->tolerance;
}

gboolean
bp_insights_is_over (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->over;
}

const BpCrossings *
bp_insights_get_crossings (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->crossings;
}

guint
bp_insights_get_n_fail_points (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fail_points;
}

guint
bp_insights_get_n_wait_points (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_wait_points;
}

double
bp_insights_get_customer_time (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->customer;
}

double
bp_insights_get_waiting_time (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->waiting;
}

guint
bp_insights_get_n_stages (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stages->len;
}

const BpInsightsStage *
bp_insights_get_stage (BpInsights *self,
                       guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->stages->len, NULL);
  return &g_array_index (self->stages, BpInsightsStage, position);
}

guint
bp_insights_get_n_flows (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->flows->len;
}

const BpInsightsFlow *
bp_insights_get_flow (BpInsights *self,
                      guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->flows->len, NULL);
  return &g_array_index (self->flows, BpInsightsFlow, position);
}

guint
bp_insights_get_n_checks (BpInsights *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->checks->len;
}

const BpInsightsCheck *
bp_insights_get_check (BpInsights *self,
                       guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->checks->len, NULL);
  return &g_array_index (self->checks, BpInsightsCheckRecord, position).check;
}

/* Made when first asked for: most checks of a large blueprint are never
 * read (the panel shows a few), and formatting them all would cost more
 * than the rest of the pass. Not thread-safe, like the rest of a view. */
const char *
bp_insights_get_check_message (BpInsights *self,
                               guint       position)
{
  BpInsightsCheckRecord *record;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->checks->len, NULL);

  record = &g_array_index (self->checks, BpInsightsCheckRecord, position);
  if (record->text == NULL)
    record->text = bp_insights_format_message (record);
  return record->text;
}

guint
bp_insights_count_checks (BpInsights *self,
                          BpSeverity  severity)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (severity < BP_N_SEVERITIES, 0);
  return self->counts[severity];
}

static const char *
check_item (BpInsights *self,
            guint       position)
{
  return g_array_index (self->checks, BpInsightsCheckRecord, position).check.item;
}

/* Badges ask for every card and flow: one table, made at the first
 * question, answers each in constant time. */
static GHashTable *
first_check_table (BpInsights *self)
{
  if (self->first_check != NULL)
    return self->first_check;

  self->first_check = g_hash_table_new (bp_str_hash, g_str_equal);
  for (guint i = self->checks->len; i > 0; i--)
    {
      const char *item = check_item (self, i - 1);

      if (item != NULL)
        g_hash_table_insert (self->first_check, (char *) item, GUINT_TO_POINTER (i));
    }
  return self->first_check;
}

GArray *
bp_insights_find_checks (BpInsights *self,
                         const char *item_id)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first;

  g_return_val_if_fail (self != NULL, positions);

  /* The blueprint's own checks come first. */
  if (item_id == NULL)
    {
      for (guint i = 0; i < self->checks->len && check_item (self, i) == NULL; i++)
        g_array_append_val (positions, i);
      return positions;
    }

  first = GPOINTER_TO_UINT (g_hash_table_lookup (first_check_table (self), item_id));
  for (guint i = first; i > 0 && i - 1 < self->checks->len &&
                        g_strcmp0 (check_item (self, i - 1), item_id) == 0; i++)
    {
      guint position = i - 1;
      g_array_append_val (positions, position);
    }
  return positions;
}

const char *
bp_severity_to_string (BpSeverity severity)
{
  static const char * const names[BP_N_SEVERITIES] = { "warning", "info" };

  g_return_val_if_fail (severity < BP_N_SEVERITIES, NULL);
  return names[severity];
}
