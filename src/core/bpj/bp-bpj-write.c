/* bp-bpj-write.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* The canonical form: two-space indentation, one key or array element per
 * line, objects inside arrays spread over lines like any other object, an
 * empty array or object as [] or {}, and "flags" on one line because it is
 * a short list of words. Keys in the order of the format page's tables,
 * then the kept unknown keys in the order read. Optional keys at their
 * default are left out, and so are empty "steps" and "flows", as the
 * default of both is [].
 */

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;  /* nothing yet in the open object or array */
} Writer;

static void
writer_newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append_len (w->out, "  ", 2);
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  w->depth--;
  if (!w->first)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
writer_next (Writer *w)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  writer_newline (w);
  w->first = FALSE;
}

static void
writer_key (Writer     *w,
            const char *key)
{
  writer_next (w);
  bp_bpj_append_string (w->out, key);
  g_string_append_len (w->out, ": ", 2);
}

static void
write_string (Writer     *w,
              const char *key,
              const char *value)
{
  writer_key (w, key);
  bp_bpj_append_string (w->out, value);
}

static void
write_number (Writer     *w,
              const char *key,
              double      value)
{
  writer_key (w, key);
  bp_bpj_append_number (w->out, value);
}

static void write_node (Writer   *w,
                        JsonNode *node);

static void
write_object_node (Writer     *w,
                   JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  writer_open (w, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      writer_key (w, l->data);
      write_node (w, json_object_get_member (object, l->data));
    }
  writer_close (w, '}');
}

static void
write_array_node (Writer    *w,
                  JsonArray *array)
{
  guint n = json_array_get_length (array);

  writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      writer_next (w);
      write_node (w, json_array_get_element (array, i));
    }
  writer_close (w, ']');
}

static void
write_value_node (Writer   *w,
                  JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      bp_bpj_append_string (w->out, json_node_get_string (node));
      break;
    default:
      bp_bpj_append_number (w->out, json_node_get_double (node));
      break;
    }
}

/* Any JSON, as kept in unknown keys. */
static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object_node (w, json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      write_array_node (w, json_node_get_array (node));
      break;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      write_value_node (w, node);
      break;
    }
}

/* Kept unknown keys; one that names a known key (possible only through
 * the API) would make a duplicate, so it is left out. */
static void
write_extras (Writer          *w,
              JsonObject      *extras,
              const BpBpjSpec *spec)
{
  g_autoptr(GList) members = NULL;

  if (extras == NULL)
    return;

  members = json_object_get_members (extras);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (bp_bpj_find_field (spec, l->data) != NULL)
        continue;
      writer_key (w, l->data);
      write_node (w, json_object_get_member (extras, l->data));
    }
}

static void
write_item_extras (Writer    *w,
                   BpItem    *item,
                   BpBpjKind  kind)
{
  write_extras (w, bp_item_get_extras (item), &bp_bpj_item_specs[kind]);
}

/* Durations and tolerances: negative means none. */
static void
write_seconds (Writer     *w,
               const char *key,
               double      seconds)
{
  if (seconds >= 0 && isfinite (seconds))
    write_number (w, key, seconds);
}

static void
write_tolerance (Writer *w,
                 double  tolerance)
{
  write_seconds (w, "tolerance", tolerance);
}

static void
write_stage (Writer *w,
             BpItem *item)
{
  BpStage *stage = BP_STAGE (item);
  double width = bp_stage_get_width (stage);

  write_string (w, "id", bp_item_get_id (item));
  if (bp_stage_get_name (stage)[0] != '\0')
    write_string (w, "name", bp_stage_get_name (stage));
  if (width != BP_STAGE_DEFAULT_WIDTH && isfinite (width))
    write_number (w, "width", width);
  write_tolerance (w, bp_stage_get_tolerance (stage));
  write_item_extras (w, item, BP_BPJ_KIND_STAGE);
}

static void
write_lane (Writer *w,
            BpItem *item)
{
  BpLane *lane = BP_LANE (item);
  BpLaneKind kind = bp_lane_get_kind (lane);
  const char *name = bp_lane_get_name (lane);
  double height = bp_lane_get_height (lane);

  write_string (w, "id", bp_item_get_id (item));
  write_string (w, "kind", bp_lane_kind_to_string (kind));
  if (name != NULL && strcmp (name, bp_lane_kind_format_name (kind)) != 0)
    write_string (w, "name", name);
  if (height != BP_LANE_DEFAULT_HEIGHT && isfinite (height))
    write_number (w, "height", height);
  if (bp_lane_get_color (lane) != NULL)
    write_string (w, "color", bp_lane_get_color (lane));
  write_item_extras (w, item, BP_BPJ_KIND_LANE);
}

static void
write_flags (Writer      *w,
             BpStepFlags  flags)
{
  gboolean first = TRUE;

  writer_key (w, "flags");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < BP_N_STEP_FLAGS; i++)
    {
      BpStepFlags flag = 1 << i;

      if (!(flags & flag))
        continue;
      if (!first)
        g_string_append_len (w->out, ", ", 2);
      bp_bpj_append_string (w->out, bp_step_flag_to_string (flag));
      first = FALSE;
    }
  g_string_append_c (w->out, ']');
}

static void
write_step (Writer *w,
            BpItem *item)
{
  BpStep *step = BP_STEP (item);
  double x = bp_step_get_x (step);
  double width = bp_step_get_width (step);
  double duration = bp_step_get_duration (step);

  write_string (w, "id", bp_item_get_id (item));
  write_string (w, "lane", bp_step_get_lane (step));
  write_string (w, "stage", bp_step_get_stage (step));
  write_number (w, "x", isfinite (x) ? x : 0);
  if (width != BP_STEP_DEFAULT_WIDTH && isfinite (width))
    write_number (w, "width", width);
  if (bp_step_get_text (step)[0] != '\0')
    write_string (w, "text", bp_step_get_text (step));
  if (bp_step_get_actor (step) != NULL)
    write_string (w, "actor", bp_step_get_actor (step));
  write_seconds (w, "duration", duration);
  write_tolerance (w, bp_step_get_tolerance (step));
  if (bp_step_get_notes (step) != NULL)
    write_string (w, "notes", bp_step_get_notes (step));
  if (bp_step_get_flags (step) != 0)
    write_flags (w, bp_step_get_flags (step));
  if (bp_step_get_color (step) != NULL)
    write_string (w, "color", bp_step_get_color (step));
  write_item_extras (w, item, BP_BPJ_KIND_STEP);
}

static void
write_flow (Writer *w,
            BpItem *item)
{
  BpFlow *flow = BP_FLOW (item);

  write_string (w, "id", bp_item_get_id (item));
  write_string (w, "from", bp_flow_get_from (flow));
  write_string (w, "to", bp_flow_get_to (flow));
  if (bp_flow_get_label (flow) != NULL)
    write_string (w, "label", bp_flow_get_label (flow));
  if (bp_flow_get_kind (flow) != BP_FLOW_KIND_SEQUENCE)
    write_string (w, "kind", bp_flow_kind_to_string (bp_flow_get_kind (flow)));
  write_item_extras (w, item, BP_BPJ_KIND_FLOW);
}

static void
write_list (Writer     *w,
            BpBpjKind   kind,
            GListModel *model,
            gboolean    required)
{
  static void (* const writers[BP_BPJ_N_KINDS]) (Writer *, BpItem *) = {
    write_stage, write_lane, write_step, write_flow,
  };
  guint n = g_list_model_get_n_items (model);

  if (n == 0 && !required)
    return;

  writer_key (w, bp_bpj_item_specs[kind].key);
  writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (model, i);

      writer_next (w);
      writer_open (w, '{');
      writers[kind] (w, item);
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

static void
write_scenario (Writer     *w,
                BpDocument *document)
{
  const char *values[] = {
    bp_document_get_persona (document),
    bp_document_get_goal (document),
    bp_document_get_scenario_start (document),
    bp_document_get_scenario_end (document),
  };
  JsonObject *extras = bp_document_get_scenario_extras (document);
  gboolean any = extras != NULL && json_object_get_size (extras) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    any |= values[i] != NULL;
  if (!any)
    return;

  writer_key (w, "scenario");
  writer_open (w, '{');
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL)
      write_string (w, bp_bpj_scenario_spec.fields[i].key, values[i]);
  write_extras (w, extras, &bp_bpj_scenario_spec);
  writer_close (w, '}');
}

/* A dismissal whose item is gone says nothing any more: the format drops
 * it on save. */
static void
write_dismissals (Writer     *w,
                  BpDocument *document)
{
  GPtrArray *dismissals = bp_document_get_dismissals (document);
  gboolean open = FALSE;

  for (guint i = 0; i < dismissals->len; i++)
    {
      BpDismissal *dismissal = g_ptr_array_index (dismissals, i);

      if (bp_document_lookup (document, bp_dismissal_get_item (dismissal)) == NULL)
        continue;

      if (!open)
        {
          writer_key (w, "dismissed");
          writer_open (w, '[');
          open = TRUE;
        }
      writer_next (w);
      writer_open (w, '{');
      write_string (w, "check", bp_dismissal_get_check (dismissal));
      write_string (w, "item", bp_dismissal_get_item (dismissal));
      write_extras (w, bp_dismissal_get_extras (dismissal), &bp_bpj_dismissal_spec);
      writer_close (w, '}');
    }

  if (open)
    writer_close (w, ']');
}

static void
write_conflict (Writer     *w,
                BpConflict *conflict)
{
  writer_key (w, "item");
  if (bp_conflict_get_item (conflict) != NULL)
    bp_bpj_append_string (w->out, bp_conflict_get_item (conflict));
  else
    g_string_append (w->out, "null");
  write_string (w, "field", bp_conflict_get_field (conflict));
  if (bp_conflict_get_ours (conflict) != NULL)
    {
      writer_key (w, "ours");
      write_node (w, bp_conflict_get_ours (conflict));
    }
  if (bp_conflict_get_theirs (conflict) != NULL)
    {
      writer_key (w, "theirs");
      write_node (w, bp_conflict_get_theirs (conflict));
    }
  write_extras (w, bp_conflict_get_extras (conflict), &bp_bpj_conflict_spec);
}

/* None left: no key at all. */
static void
write_conflicts (Writer     *w,
                 BpDocument *document)
{
  GPtrArray *conflicts = bp_document_get_conflicts (document);

  if (conflicts->len == 0)
    return;

  writer_key (w, "conflicts");
  writer_open (w, '[');
  for (guint i = 0; i < conflicts->len; i++)
    {
      writer_next (w);
      writer_open (w, '{');
      write_conflict (w, g_ptr_array_index (conflicts, i));
      writer_close (w, '}');
    }
  writer_close (w, ']');
}

char *
bp_bpj_write (BpDocument *document,
              gsize      *length)
{
  Writer w = { NULL };
  BpBlueprintState state;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  w.out = g_string_sized_new (1024 + 256 * (bp_document_get_n_steps (document) +
                                            bp_document_get_n_flows (document)));
  state = bp_document_get_state (document);

  writer_open (&w, '{');
  write_string (&w, "format", "bpj");
  writer_key (&w, "version");
  g_string_append_printf (w.out, "%d", BP_FORMAT_VERSION);
  if (bp_document_get_title (document)[0] != '\0')
    write_string (&w, "title", bp_document_get_title (document));
  write_scenario (&w, document);
  if (state != BP_BLUEPRINT_STATE_CURRENT)
    write_string (&w, "state", bp_blueprint_state_to_string (state));
  write_list (&w, BP_BPJ_KIND_STAGE, bp_document_get_stages (document), TRUE);
  write_list (&w, BP_BPJ_KIND_LANE, bp_document_get_lanes (document), TRUE);
  write_list (&w, BP_BPJ_KIND_STEP, bp_document_get_steps (document), FALSE);
  write_list (&w, BP_BPJ_KIND_FLOW, bp_document_get_flows (document), FALSE);
  write_tolerance (&w, bp_document_get_tolerance (document));
  write_dismissals (&w, document);
  write_conflicts (&w, document);
  write_extras (&w, bp_document_get_extras (document), &bp_bpj_top_spec);
  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

char *
bp_bpj_write_for_file (BpDocument  *document,
                       const char  *display_name,
                       gsize       *length,
                       GError     **error)
{
  g_autofree char *text = NULL;
  gsize size;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = bp_bpj_write (document, &size);
  /* The reader refuses larger files: writing one would lose the work at
   * the next open rather than now, with the old file still there. */
  if (size > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT,
                   _("%s: the blueprint would take %.1f MiB, more than the %d MiB a .bpj file may hold"),
                   display_name, size / (1024.0 * 1024.0), BP_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length != NULL)
    *length = size;
  return g_steal_pointer (&text);
}
