/* bp-csv-write.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "csv/bp-csv-private.h"

#include <string.h>

/* The step sheet of a document, one row per step in stage and lane order,
 * with every column (`tolerance` when a step has one), so that importing
 * it gives the same blueprint back (ids, stages, lanes, steps, flows,
 * flags) but for layout and colours.
 * UTF-8 with a byte-order mark and CRLF line ends, as Excel expects. */

static const char *const columns[] = {
  "id", "stage id", "stage", "lane id", "lane", "zone",
  "text", "actor", "duration", "tolerance", "notes", "flags", "next",
};

enum { COL_TOLERANCE = 9 };

/* Which columns a sheet gets: `tolerance` only when a step has one, so
 * that sheets of blueprints without tolerances keep their usual shape. */
typedef struct {
  gboolean tolerance;
} Shape;

static gboolean
column_written (const Shape *shape,
                guint        column)
{
  return column != COL_TOLERANCE || shape->tolerance;
}

/* A cell as RFC 4180 quotes it; one that a spreadsheet would run as a
 * formula gets a leading apostrophe, which the reader takes off again. */
void
bp_csv_append_cell (GString    *out,
                    const char *text,
                    gboolean    first)
{
  gboolean formula, quote;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL || *text == '\0')
    return;

  formula = strchr ("=+-@\t\r", text[0]) != NULL;
  quote = strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0]) ||
          g_ascii_isspace (text[strlen (text) - 1]);

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

static char *
flags_text (BpStepFlags flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < BP_N_STEP_FLAGS; i++)
    if (flags & (1 << i))
      {
        g_autofree char *words = g_strdup (bp_step_flag_to_string (1 << i));

        g_strdelimit (words, "-", ' ');
        g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", words);
      }
  return g_string_free (out, FALSE);
}

static char *
next_text (GHashTable *next,
           const char *id)
{
  GPtrArray *to = g_hash_table_lookup (next, id);

  if (to == NULL)
    return NULL;
  g_ptr_array_add (to, NULL);
  {
    char *text = g_strjoinv ("; ", (char **) to->pdata);

    g_ptr_array_set_size (to, to->len - 1);
    return text;
  }
}

/* Step id → the ids it flows to, in the flows' order. */
static GHashTable *
collect_next (BpDocument *document)
{
  GHashTable *next = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      GPtrArray *to = g_hash_table_lookup (next, bp_flow_get_from (flow));

      if (to == NULL)
        {
          to = g_ptr_array_new ();
          g_hash_table_insert (next, (char *) bp_flow_get_from (flow), to);
        }
      g_ptr_array_add (to, (char *) bp_flow_get_to (flow));
    }
  return next;
}

static void
append_place (GString *out,
              BpStage *stage,
              BpLane  *lane)
{
  bp_csv_append_cell (out, stage ? bp_item_get_id (BP_ITEM (stage)) : NULL, FALSE);
  bp_csv_append_cell (out, stage ? bp_stage_get_name (stage) : NULL, FALSE);
  bp_csv_append_cell (out, lane ? bp_item_get_id (BP_ITEM (lane)) : NULL, FALSE);
  bp_csv_append_cell (out, lane ? bp_lane_get_display_name (lane) : NULL, FALSE);
  bp_csv_append_cell (out, lane ? bp_lane_kind_to_string (bp_lane_get_kind (lane)) : NULL, FALSE);
}

static void
append_step (GString     *out,
             const Shape *shape,
             BpStep      *step,
             BpStage     *stage,
             BpLane      *lane,
             GHashTable  *next)
{
  g_autofree char *duration = NULL, *tolerance = NULL, *flags = NULL, *to = NULL;

  if (bp_step_has_duration (step))
    duration = bp_csv_format_duration (bp_step_get_duration (step));
  if (bp_step_has_tolerance (step))
    tolerance = bp_csv_format_duration (bp_step_get_tolerance (step));
  flags = flags_text (bp_step_get_flags (step));
  to = next_text (next, bp_item_get_id (BP_ITEM (step)));

  bp_csv_append_cell (out, bp_item_get_id (BP_ITEM (step)), TRUE);
  append_place (out, stage, lane);
  bp_csv_append_cell (out, bp_step_get_text (step), FALSE);
  bp_csv_append_cell (out, bp_step_get_actor (step), FALSE);
  bp_csv_append_cell (out, duration, FALSE);
  if (shape->tolerance)
    bp_csv_append_cell (out, tolerance, FALSE);
  bp_csv_append_cell (out, bp_step_get_notes (step), FALSE);
  bp_csv_append_cell (out, flags, FALSE);
  bp_csv_append_cell (out, to, FALSE);
  end_row (out);
}

/* A row with a place but no step, for stages and lanes without cards. */
static void
append_place_row (GString     *out,
                  const Shape *shape,
                  BpStage     *stage,
                  BpLane      *lane)
{
  bp_csv_append_cell (out, NULL, TRUE);
  append_place (out, stage, lane);
  for (guint i = 6; i < G_N_ELEMENTS (columns); i++)
    if (column_written (shape, i))
      bp_csv_append_cell (out, NULL, FALSE);
  end_row (out);
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double xa = bp_step_get_x (*(BpStep **) a), xb = bp_step_get_x (*(BpStep **) b);

  return (xa > xb) - (xa < xb);
}

/* Steps by stage and lane: cells[stage * n_lanes + lane], left to right. */
static GPtrArray **
sort_steps (BpDocument *document)
{
  guint n_stages = bp_document_get_n_stages (document);
  guint n_lanes = bp_document_get_n_lanes (document);
  GPtrArray **cells = g_new0 (GPtrArray *, (gsize) n_stages * n_lanes + 1);

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      int s = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_stage (step)));
      int l = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_lane (step)));
      GPtrArray **cell = &cells[s * n_lanes + l];

      if (*cell == NULL)
        *cell = g_ptr_array_new ();
      g_ptr_array_add (*cell, step);
    }
  for (guint c = 0; c < n_stages * n_lanes; c++)
    if (cells[c] != NULL)
      g_ptr_array_sort (cells[c], compare_x); /* stable: ties keep file order */
  return cells;
}

/* Whether the lanes would come back in their order from the step rows
 * alone: each first seen in order within its zone, and none empty. */
static gboolean
lanes_follow_steps (BpDocument  *document,
                    GPtrArray  **cells)
{
  guint n_stages = bp_document_get_n_stages (document);
  guint n_lanes = bp_document_get_n_lanes (document);
  g_autofree gboolean *seen = g_new0 (gboolean, n_lanes);

  for (guint s = 0; s < n_stages; s++)
    for (guint l = 0; l < n_lanes; l++)
      {
        if (cells[s * n_lanes + l] == NULL || seen[l])
          continue;
        /* An earlier lane of the same zone must have been seen already. */
        for (guint e = 0; e < l; e++)
          if (!seen[e] &&
              bp_lane_get_kind (bp_document_get_lane (document, e)) ==
              bp_lane_get_kind (bp_document_get_lane (document, l)))
            return FALSE;
        seen[l] = TRUE;
      }
  for (guint l = 0; l < n_lanes; l++)
    if (!seen[l])
      return FALSE;
  return TRUE;
}

static Shape
sheet_shape (BpDocument *document)
{
  Shape shape = { FALSE };

  for (guint i = 0; i < bp_document_get_n_steps (document) && !shape.tolerance; i++)
    shape.tolerance = bp_step_has_tolerance (bp_document_get_step (document, i));
  return shape;
}

char *
bp_csv_export (BpDocument *document,
               gsize      *length)
{
  guint n_stages, n_lanes;
  GPtrArray **cells;
  g_autoptr(GHashTable) next = NULL;
  GString *out;
  Shape shape;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  shape = sheet_shape (document);
  n_stages = bp_document_get_n_stages (document);
  n_lanes = bp_document_get_n_lanes (document);
  cells = sort_steps (document);
  next = collect_next (document);
  out = g_string_new ("\xEF\xBB\xBF");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (column_written (&shape, i))
      bp_csv_append_cell (out, columns[i], i == 0);
  end_row (out);

  /* Lanes declared first when the steps alone would lose one or its place. */
  if (!lanes_follow_steps (document, cells))
    for (guint l = 0; l < n_lanes; l++)
      append_place_row (out, &shape, NULL, bp_document_get_lane (document, l));

  for (guint s = 0; s < n_stages; s++)
    {
      BpStage *stage = bp_document_get_stage (document, s);
      gboolean any = FALSE;

      for (guint l = 0; l < n_lanes; l++)
        {
          GPtrArray *cell = cells[s * n_lanes + l];

          for (guint i = 0; cell != NULL && i < cell->len; i++, any = TRUE)
            append_step (out, &shape, g_ptr_array_index (cell, i), stage,
                         bp_document_get_lane (document, l), next);
        }
      if (!any)
        append_place_row (out, &shape, stage, NULL);
    }

  for (guint c = 0; c < n_stages * n_lanes; c++)
    g_clear_pointer (&cells[c], g_ptr_array_unref);
  g_free (cells);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
