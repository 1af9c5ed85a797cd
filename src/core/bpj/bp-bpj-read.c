/* bp-bpj-read.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "history/bp-history.h"

/* Reading: the four steps in order (see bp-bpj-private.h), and the
 * document built from a tree that passed them all. */

/* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; the scan should
 * have refused anything it refuses, but its word is final. */
static void
add_parser_error (BpBpjProblems *problems,
                  const GError  *error)
{
  const char *message = error->message;
  const char *what;
  guint line, column;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      g_autofree char *where = g_strdup_printf (_("line %u, column %u"), line, column);

      what = strstr (message + consumed, ": ");
      what = what != NULL ? what + 2 : message + consumed;
      bp_bpj_problems_add (problems, BP_BPJ_ERROR_SYNTAX, where, "%s", what);
    }
  else
    {
      bp_bpj_problems_add (problems, BP_BPJ_ERROR_SYNTAX, NULL, "%s", message);
    }
}

/* Steps 1 to 4. Returns the parser holding the tree when the data got as
 * far as the rules (check @problems to know whether it passed them). */
static JsonParser *
parse_and_check (const char    *data,
                 gsize          length,
                 BpBpjProblems *problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize bom = 0;

  if (!bp_bpj_check_bytes (data, length, problems))
    return NULL;

  /* RFC 8259 lets a reader ignore a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;

  if (!bp_bpj_scan (data + bom, length - bom, problems) || bp_bpj_problems_full (problems))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + bom, length - bom, &error))
    {
      add_parser_error (problems, error);
      return NULL;
    }

  bp_bpj_check_rules (json_parser_get_root (parser), problems);

  return g_steal_pointer (&parser);
}

GPtrArray *
bp_bpj_check (const char *data,
              gsize       length,
              guint       max_problems)
{
  g_autoptr(JsonParser) parser = NULL;
  BpBpjProblems *problems;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  problems = bp_bpj_problems_new (max_problems > 0 ? max_problems : G_MAXUINT);
  parser = parse_and_check (data != NULL ? data : "", length, problems);

  return bp_bpj_problems_free_to_texts (problems);
}

/* Building the document from a checked tree */

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL ? json_node_get_string (node) : NULL;
}

static gboolean
get_number (JsonObject *object,
            const char *key,
            double     *value)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

/* The members of @object that are not in @spec, in file order, or NULL
 * when there are none. */
static JsonObject *
collect_extras (JsonObject      *object,
                const BpBpjSpec *spec)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *extras = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (bp_bpj_find_field (spec, l->data) != NULL)
        continue;
      if (extras == NULL)
        extras = json_object_new ();
      json_object_set_member (extras, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
    }

  return extras;
}

static void
set_item_extras (BpItem     *item,
                 JsonObject *object,
                 BpBpjKind   kind)
{
  g_autoptr(JsonObject) extras = collect_extras (object, &bp_bpj_item_specs[kind]);

  if (extras != NULL)
    bp_item_set_extras (item, extras);
}

static BpItem *
build_stage (JsonObject *object)
{
  BpStage *stage = bp_stage_new (get_string (object, "id"));
  const char *name = get_string (object, "name");
  double width, tolerance;

  if (name != NULL)
    bp_stage_set_name (stage, name);
  if (get_number (object, "width", &width))
    bp_stage_set_width (stage, width);
  if (get_number (object, "tolerance", &tolerance))
    bp_stage_set_tolerance (stage, tolerance);

  return BP_ITEM (stage);
}

static BpItem *
build_lane (JsonObject *object)
{
  const char *name = get_string (object, "name");
  BpLaneKind kind = BP_LANE_KIND_CUSTOMER;
  const char *color = get_string (object, "color");
  BpLane *lane;
  double height;

  bp_lane_kind_from_string (get_string (object, "kind"), &kind);
  lane = bp_lane_new (get_string (object, "id"), kind);

  /* The kind's usual name is the same as no name, in every language. */
  if (name != NULL && strcmp (name, bp_lane_kind_format_name (kind)) != 0)
    bp_lane_set_name (lane, name);
  if (get_number (object, "height", &height))
    bp_lane_set_height (lane, height);
  if (color != NULL)
    bp_lane_set_color (lane, color);

  return BP_ITEM (lane);
}

static BpStepFlags
build_flags (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "flags");
  BpStepFlags flags = 0;
  JsonArray *array;

  if (node == NULL)
    return 0;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BpStepFlags flag = 0;

      bp_step_flag_from_string (json_array_get_string_element (array, i), &flag);
      flags |= flag;
    }

  return flags;
}

static BpItem *
build_step (JsonObject *object)
{
  double x = 0, width, duration, tolerance;
  BpStep *step;
  const char *str;

  get_number (object, "x", &x);
  step = bp_step_new (get_string (object, "id"),
                      get_string (object, "lane"),
                      get_string (object, "stage"),
                      x);

  if (get_number (object, "width", &width))
    bp_step_set_width (step, width);
  if ((str = get_string (object, "text")) != NULL)
    bp_step_set_text (step, str);
  if ((str = get_string (object, "actor")) != NULL)
    bp_step_set_actor (step, str);
  if (get_number (object, "duration", &duration))
    bp_step_set_duration (step, duration);
  if (get_number (object, "tolerance", &tolerance))
    bp_step_set_tolerance (step, tolerance);
  if ((str = get_string (object, "notes")) != NULL)
    bp_step_set_notes (step, str);
  bp_step_set_flags (step, build_flags (object));
  if ((str = get_string (object, "color")) != NULL)
    bp_step_set_color (step, str);

  return BP_ITEM (step);
}

static BpItem *
build_flow (JsonObject *object)
{
  BpFlow *flow = bp_flow_new (get_string (object, "id"),
                              get_string (object, "from"),
                              get_string (object, "to"));
  const char *label = get_string (object, "label");
  BpFlowKind kind;

  if (label != NULL)
    bp_flow_set_label (flow, label);
  if (bp_flow_kind_from_string (get_string (object, "kind"), &kind))
    bp_flow_set_kind (flow, kind);

  return BP_ITEM (flow);
}

static void
build_scenario (BpDocument *document,
                JsonObject *scenario)
{
  g_autoptr(JsonObject) extras = NULL;

  bp_document_set_persona (document, get_string (scenario, "persona"));
  bp_document_set_goal (document, get_string (scenario, "goal"));
  bp_document_set_scenario_start (document, get_string (scenario, "start"));
  bp_document_set_scenario_end (document, get_string (scenario, "end"));

  extras = collect_extras (scenario, &bp_bpj_scenario_spec);
  bp_document_set_scenario_extras (document, extras);
}

static BpDismissal *
build_dismissal (JsonObject *object)
{
  g_autoptr(JsonObject) extras = collect_extras (object, &bp_bpj_dismissal_spec);

  return bp_dismissal_new (get_string (object, "check"), get_string (object, "item"), extras);
}

static BpConflict *
build_conflict (JsonObject *object)
{
  g_autoptr(JsonObject) extras = collect_extras (object, &bp_bpj_conflict_spec);
  JsonNode *item = json_object_get_member (object, "item");

  return bp_conflict_new (JSON_NODE_HOLDS_NULL (item) ? NULL : json_node_get_string (item),
                          get_string (object, "field"),
                          json_object_get_member (object, "ours"),
                          json_object_get_member (object, "theirs"),
                          extras);
}

/* The records of "dismissed" or "conflicts", in file order. */
static GPtrArray *
build_records (JsonObject     *root,
               const char     *key,
               gpointer      (*build) (JsonObject *),
               GDestroyNotify  free_func)
{
  JsonArray *array = json_object_get_array_member (root, key);
  guint n = json_array_get_length (array);
  GPtrArray *records = g_ptr_array_new_full (n, free_func);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, build (json_array_get_object_element (array, i)));
  return records;
}

static void
build_annotations (BpDocument *document,
                   JsonObject *root)
{
  double tolerance;

  if (get_number (root, "tolerance", &tolerance))
    bp_document_set_tolerance (document, tolerance);

  if (json_object_has_member (root, "dismissed"))
    {
      g_autoptr(GPtrArray) dismissals =
        build_records (root, "dismissed", (gpointer (*) (JsonObject *)) build_dismissal,
                       (GDestroyNotify) bp_dismissal_unref);
      bp_document_set_dismissals (document, dismissals);
    }

  if (json_object_has_member (root, "conflicts"))
    {
      g_autoptr(GPtrArray) conflicts =
        build_records (root, "conflicts", (gpointer (*) (JsonObject *)) build_conflict,
                       (GDestroyNotify) bp_conflict_unref);
      bp_document_set_conflicts (document, conflicts);
    }
}

/* Items go in list by list, so that what a step or a flow refers to is
 * always there first. FALSE if the model refuses one, which the checks
 * should have made impossible. */
static gboolean
build_items (BpDocument *document,
             JsonObject *root)
{
  static BpItem * (* const builders[BP_BPJ_N_KINDS]) (JsonObject *) = {
    build_stage, build_lane, build_step, build_flow,
  };

  for (guint k = 0; k < BP_BPJ_N_KINDS; k++)
    {
      JsonArray *array;
      guint n;

      if (!json_object_has_member (root, bp_bpj_item_specs[k].key))
        continue;

      array = json_object_get_array_member (root, bp_bpj_item_specs[k].key);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          g_autoptr(BpItem) item = builders[k] (object);

          set_item_extras (item, object, k);
          if (!bp_document_insert (document, item, -1))
            return FALSE;
        }
    }

  return TRUE;
}

static BpDocument *
build_document (JsonObject *root)
{
  g_autoptr(BpDocument) document = bp_document_new ();
  g_autoptr(JsonObject) extras = NULL;
  BpHistory *history = bp_document_get_history (document);
  BpBlueprintState state = BP_BLUEPRINT_STATE_CURRENT;
  const char *title = get_string (root, "title");
  gboolean ok;

  bp_history_freeze (history);

  if (title != NULL)
    bp_document_set_title (document, title);
  if (json_object_has_member (root, "scenario"))
    build_scenario (document, json_object_get_object_member (root, "scenario"));
  if (bp_blueprint_state_from_string (get_string (root, "state"), &state))
    bp_document_set_state (document, state);

  extras = collect_extras (root, &bp_bpj_top_spec);
  bp_document_set_extras (document, extras);

  build_annotations (document, root);
  ok = build_items (document, root);

  bp_history_thaw (history);
  bp_history_clear (history);

  return ok ? g_steal_pointer (&document) : NULL;
}

BpDocument *
bp_bpj_read (const char  *data,
             gsize        length,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BpBpjProblems) problems = bp_bpj_problems_new (1);
  BpDocument *document;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = parse_and_check (data != NULL ? data : "", length, problems);

  if (bp_bpj_problems_get_count (problems) > 0 || parser == NULL)
    {
      g_return_val_if_fail (bp_bpj_problems_get_count (problems) > 0, NULL);
      bp_bpj_problems_set_error (problems, display_name, error);
      return NULL;
    }

  document = build_document (json_node_get_object (json_parser_get_root (parser)));
  if (document == NULL)
    g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_INVALID,
                 _("%s: the blueprint could not be built"),
                 display_name != NULL ? display_name : "");

  return document;
}

BpDocument *
bp_bpj_load (const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO, _("%s: not a regular file"), path);
      return NULL;
    }

  /* Refused before reading: a huge file would cost its size in memory. */
  if (st.st_size > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT,
                   _("%s: the file is larger than %d MiB"), path, BP_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }

  return bp_bpj_read (data, length, path, error);
}
