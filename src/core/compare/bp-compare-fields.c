/* bp-compare-fields.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-private.h"

#include <math.h>
#include <string.h>

/* Two optional numbers, negative when absent, as the format reads them. */
static gboolean
optional_equal (double a,
                double b)
{
  if (a < 0 || b < 0)
    return (a < 0) == (b < 0);
  return a == b;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The unknown keys whose values differ, sorted; NULL when none. Key
 * order makes no difference, as in the file. */
static char **
diff_other_keys (JsonObject *old_keys,
                 JsonObject *new_keys)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GList) old_members = NULL;
  g_autoptr(GList) new_members = NULL;

  /* Most items have none: spare them the lists. */
  if ((old_keys == NULL || json_object_get_size (old_keys) == 0) &&
      (new_keys == NULL || json_object_get_size (new_keys) == 0))
    return NULL;

  keys = g_ptr_array_new_with_free_func (g_free);
  old_members = old_keys ? json_object_get_members (old_keys) : NULL;
  new_members = new_keys ? json_object_get_members (new_keys) : NULL;

  for (GList *l = old_members; l != NULL; l = l->next)
    {
      JsonNode *new_value = new_keys ? json_object_get_member (new_keys, l->data) : NULL;

      if (new_value == NULL ||
          !json_node_equal (json_object_get_member (old_keys, l->data), new_value))
        g_ptr_array_add (keys, g_strdup (l->data));
    }
  for (GList *l = new_members; l != NULL; l = l->next)
    if (old_keys == NULL || !json_object_has_member (old_keys, l->data))
      g_ptr_array_add (keys, g_strdup (l->data));

  if (keys->len == 0)
    return NULL;

  g_ptr_array_sort (keys, compare_keys);
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_steal (keys, NULL);
}

static BpCompareField
diff_stage (BpStage *a,
            BpStage *b)
{
  BpCompareField fields = 0;

  if (strcmp (bp_stage_get_name (a), bp_stage_get_name (b)) != 0)
    fields |= BP_COMPARE_FIELD_NAME;
  if (bp_stage_get_width (a) != bp_stage_get_width (b))
    fields |= BP_COMPARE_FIELD_WIDTH;
  if (!optional_equal (bp_stage_get_tolerance (a), bp_stage_get_tolerance (b)))
    fields |= BP_COMPARE_FIELD_TOLERANCE;

  return fields;
}

/* The name as the file holds it: NULL when it is the kind's usual one. */
static const char *
written_lane_name (BpLane *lane)
{
  const char *name = bp_lane_get_name (lane);

  if (name != NULL && strcmp (name, bp_lane_kind_format_name (bp_lane_get_kind (lane))) == 0)
    return NULL;
  return name;
}

static BpCompareField
diff_lane (BpLane *a,
           BpLane *b)
{
  BpCompareField fields = 0;

  if (bp_lane_get_kind (a) != bp_lane_get_kind (b))
    fields |= BP_COMPARE_FIELD_KIND;
  if (g_strcmp0 (written_lane_name (a), written_lane_name (b)) != 0)
    fields |= BP_COMPARE_FIELD_NAME;
  if (bp_lane_get_height (a) != bp_lane_get_height (b))
    fields |= BP_COMPARE_FIELD_HEIGHT;
  if (g_strcmp0 (bp_lane_get_color (a), bp_lane_get_color (b)) != 0)
    fields |= BP_COMPARE_FIELD_COLOR;

  return fields;
}

/* Whether the OLD item named @old_id has NEW's @new_id as its
 * counterpart: a step's lane or stage, followed across a rename of ids. */
static gboolean
same_place (const BpCompareMatch *match,
            const char           *old_id,
            const char           *new_id)
{
  BpItem *old_item = bp_document_lookup (match->old_document, old_id);
  BpItem *new_item = old_item ? bp_compare_match_new_for (match, old_item) : NULL;

  return new_item != NULL && strcmp (bp_item_get_id (new_item), new_id) == 0;
}

static BpLaneKind
zone_of (BpDocument *document,
         BpStep     *step)
{
  BpItem *lane = bp_document_lookup (document, bp_step_get_lane (step));

  return BP_IS_LANE (lane) ? bp_lane_get_kind (BP_LANE (lane)) : BP_LANE_KIND_CUSTOMER;
}

static BpCompareField
diff_step_place (const BpCompareMatch *match,
                 BpStep               *a,
                 BpStep               *b,
                 BpCompareChange      *change)
{
  BpCompareField fields = 0;

  if (!same_place (match, bp_step_get_lane (a), bp_step_get_lane (b)))
    {
      fields |= BP_COMPARE_FIELD_LANE;
      change->crossed = bp_compare_lines_between (zone_of (match->old_document, a),
                                                  zone_of (match->new_document, b));
    }
  if (!same_place (match, bp_step_get_stage (a), bp_step_get_stage (b)))
    fields |= BP_COMPARE_FIELD_STAGE;
  if (bp_step_get_x (a) != bp_step_get_x (b) ||
      bp_step_get_width (a) != bp_step_get_width (b))
    fields |= BP_COMPARE_FIELD_POSITION;

  return fields;
}

static BpCompareField
diff_step (const BpCompareMatch *match,
           BpStep               *a,
           BpStep               *b,
           BpCompareChange      *change)
{
  BpCompareField fields = diff_step_place (match, a, b, change);
  BpStepFlags old_flags = bp_step_get_flags (a);
  BpStepFlags new_flags = bp_step_get_flags (b);

  if (strcmp (bp_step_get_text (a), bp_step_get_text (b)) != 0)
    fields |= BP_COMPARE_FIELD_TEXT;
  if (g_strcmp0 (bp_step_get_actor (a), bp_step_get_actor (b)) != 0)
    fields |= BP_COMPARE_FIELD_ACTOR;
  if (!optional_equal (bp_step_get_duration (a), bp_step_get_duration (b)))
    fields |= BP_COMPARE_FIELD_DURATION;
  if (bp_step_has_duration (a) && bp_step_has_duration (b))
    change->duration_delta = bp_step_get_duration (b) - bp_step_get_duration (a);
  if (!optional_equal (bp_step_get_tolerance (a), bp_step_get_tolerance (b)))
    fields |= BP_COMPARE_FIELD_TOLERANCE;
  if (g_strcmp0 (bp_step_get_notes (a), bp_step_get_notes (b)) != 0)
    fields |= BP_COMPARE_FIELD_NOTES;
  change->flags_set = new_flags & ~old_flags;
  change->flags_cleared = old_flags & ~new_flags;
  if (old_flags != new_flags)
    fields |= BP_COMPARE_FIELD_FLAGS;
  if (g_strcmp0 (bp_step_get_color (a), bp_step_get_color (b)) != 0)
    fields |= BP_COMPARE_FIELD_COLOR;

  return fields;
}

static BpCompareField
diff_flow (BpFlow *a,
           BpFlow *b)
{
  BpCompareField fields = 0;

  if (g_strcmp0 (bp_flow_get_label (a), bp_flow_get_label (b)) != 0)
    fields |= BP_COMPARE_FIELD_LABEL;
  if (bp_flow_get_kind (a) != bp_flow_get_kind (b))
    fields |= BP_COMPARE_FIELD_KIND;

  return fields;
}

void
bp_compare_diff_item (const BpCompareMatch *match,
                      BpCompareChange      *change)
{
  BpItem *a = change->old_item;
  BpItem *b = change->new_item;

  change->duration_delta = NAN;
  switch (change->list)
    {
    case BP_COMPARE_STAGES:
      change->fields = diff_stage (BP_STAGE (a), BP_STAGE (b));
      break;
    case BP_COMPARE_LANES:
      change->fields = diff_lane (BP_LANE (a), BP_LANE (b));
      break;
    case BP_COMPARE_STEPS:
      change->fields = diff_step (match, BP_STEP (a), BP_STEP (b), change);
      break;
    case BP_COMPARE_FLOWS:
    default:
      change->fields = diff_flow (BP_FLOW (a), BP_FLOW (b));
      break;
    }
  change->other_keys = diff_other_keys (bp_item_get_extras (a), bp_item_get_extras (b));
}

static gboolean
scenario_equal (BpDocument *a,
                BpDocument *b)
{
  g_auto(GStrv) other_keys = NULL;

  if (g_strcmp0 (bp_document_get_persona (a), bp_document_get_persona (b)) != 0 ||
      g_strcmp0 (bp_document_get_goal (a), bp_document_get_goal (b)) != 0 ||
      g_strcmp0 (bp_document_get_scenario_start (a), bp_document_get_scenario_start (b)) != 0 ||
      g_strcmp0 (bp_document_get_scenario_end (a), bp_document_get_scenario_end (b)) != 0)
    return FALSE;

  /* Keys kept inside "scenario" are part of it. */
  other_keys = diff_other_keys (bp_document_get_scenario_extras (a),
                                bp_document_get_scenario_extras (b));
  return other_keys == NULL;
}

/* "check item" for each dismissal, sorted: the set the team accepted. */
static GPtrArray *
dismissal_keys (BpDocument *document)
{
  GPtrArray *dismissals = bp_document_get_dismissals (document);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dismissals != NULL && i < dismissals->len; i++)
    g_ptr_array_add (keys, g_strdup_printf ("%s %s",
                                            bp_dismissal_get_check (dismissals->pdata[i]),
                                            bp_dismissal_get_item (dismissals->pdata[i])));
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

static gboolean
dismissals_equal (BpDocument *a,
                  BpDocument *b)
{
  g_autoptr(GPtrArray) ka = dismissal_keys (a);
  g_autoptr(GPtrArray) kb = dismissal_keys (b);

  if (ka->len != kb->len)
    return FALSE;
  for (guint i = 0; i < ka->len; i++)
    if (strcmp (ka->pdata[i], kb->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gboolean
conflicts_equal (BpDocument *a,
                 BpDocument *b)
{
  GPtrArray *ca = bp_document_get_conflicts (a);
  GPtrArray *cb = bp_document_get_conflicts (b);
  guint na = ca ? ca->len : 0, nb = cb ? cb->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      BpConflict *x = ca->pdata[i], *y = cb->pdata[i];

      if (g_strcmp0 (bp_conflict_get_item (x), bp_conflict_get_item (y)) != 0 ||
          g_strcmp0 (bp_conflict_get_field (x), bp_conflict_get_field (y)) != 0 ||
          !nodes_equal (bp_conflict_get_ours (x), bp_conflict_get_ours (y)) ||
          !nodes_equal (bp_conflict_get_theirs (x), bp_conflict_get_theirs (y)))
        return FALSE;
    }
  return TRUE;
}

BpCompareField
bp_compare_diff_blueprint (BpDocument   *a,
                           BpDocument   *b,
                           char       ***other_keys)
{
  BpCompareField fields = 0;

  if (strcmp (bp_document_get_title (a), bp_document_get_title (b)) != 0)
    fields |= BP_COMPARE_FIELD_TITLE;
  if (!scenario_equal (a, b))
    fields |= BP_COMPARE_FIELD_SCENARIO;
  if (bp_document_get_state (a) != bp_document_get_state (b))
    fields |= BP_COMPARE_FIELD_STATE;
  if (!optional_equal (bp_document_get_tolerance (a), bp_document_get_tolerance (b)))
    fields |= BP_COMPARE_FIELD_TOLERANCE;
  if (!dismissals_equal (a, b))
    fields |= BP_COMPARE_FIELD_DISMISSED;
  if (!conflicts_equal (a, b))
    fields |= BP_COMPARE_FIELD_CONFLICTS;

  *other_keys = diff_other_keys (bp_document_get_extras (a), bp_document_get_extras (b));
  return fields;
}
