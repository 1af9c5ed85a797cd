/* bp-csv-import.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "csv/bp-csv-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "history/bp-history.h"

/* The step sheet: a header row naming the columns, then one row per step.
 * The whole sheet is read and checked before the document is built, so a
 * refused sheet creates nothing, and --check can list every problem. */

/* Cards sit this far apart, left to right, from this far into a stage. */
#define CARD_MARGIN 24.0
#define CARD_GAP    32.0

typedef enum {
  FIELD_STAGE,
  FIELD_STAGE_ID,
  FIELD_LANE,
  FIELD_LANE_ID,
  FIELD_ZONE,
  FIELD_TEXT,
  FIELD_ID,
  FIELD_ACTOR,
  FIELD_DURATION,
  FIELD_MINUTES,
  FIELD_TOLERANCE,
  FIELD_NOTES,
  FIELD_FLAGS,
  FIELD_PAIN_POINT,
  FIELD_OPPORTUNITY,
  FIELD_MOMENT_OF_TRUTH,
  FIELD_FAIL_POINT,
  FIELD_WAIT_POINT,
  FIELD_NEXT,
  N_FIELDS
} Field;

/* Header names, folded (see bp_csv_fold()). */
static const char *const field_headers[N_FIELDS][5] = {
  [FIELD_STAGE] = { "stage" },
  [FIELD_STAGE_ID] = { "stageid" },
  [FIELD_LANE] = { "lane" },
  [FIELD_LANE_ID] = { "laneid" },
  [FIELD_ZONE] = { "zone", "servicelayer", "layer" },
  [FIELD_TEXT] = { "text", "whathappens", "step" },
  [FIELD_ID] = { "id" },
  [FIELD_ACTOR] = { "actor", "responsible", "owner", "who" },
  [FIELD_DURATION] = { "duration" },
  [FIELD_MINUTES] = { "minutes", "timeinminutes" },
  [FIELD_TOLERANCE] = { "tolerance" },
  [FIELD_NOTES] = { "notes" },
  [FIELD_FLAGS] = { "flags" },
  [FIELD_PAIN_POINT] = { "painpoint" },
  [FIELD_OPPORTUNITY] = { "opportunity" },
  [FIELD_MOMENT_OF_TRUTH] = { "momentoftruth" },
  [FIELD_FAIL_POINT] = { "failpoint" },
  [FIELD_WAIT_POINT] = { "waitpoint" },
  [FIELD_NEXT] = { "next" },
};

static const BpStepFlags flag_of_field[] = {
  [FIELD_PAIN_POINT] = BP_STEP_FLAG_PAIN_POINT,
  [FIELD_OPPORTUNITY] = BP_STEP_FLAG_OPPORTUNITY,
  [FIELD_MOMENT_OF_TRUTH] = BP_STEP_FLAG_MOMENT_OF_TRUTH,
  [FIELD_FAIL_POINT] = BP_STEP_FLAG_FAIL_POINT,
  [FIELD_WAIT_POINT] = BP_STEP_FLAG_WAIT_POINT,
};

typedef struct {
  char  *id;        /* NULL until given one */
  char  *name;
  guint  row;
  guint  index;
} SheetStage;

typedef struct {
  char       *id;
  char       *name;   /* NULL for the zone's standard lane */
  BpLaneKind  kind;
  guint       row;
  guint       index;
} SheetLane;

typedef struct {
  const BpCsvRow *row;
  char           *id;
  SheetStage     *stage;
  SheetLane      *lane;
  const char     *text;
  const char     *actor;
  const char     *notes;
  double          duration;
  double          tolerance;
  BpStepFlags     flags;
  char          **next;
} SheetStep;

typedef struct {
  BpCsvTable  *table;
  int          columns[N_FIELDS];
  guint        n_columns;
  GPtrArray   *problems;
  guint        max_problems;
  GPtrArray   *notices;

  GPtrArray   *stages;          /* of SheetStage */
  GHashTable  *stages_by_id;
  GHashTable  *stages_by_name;  /* folded name → first stage so named */
  GPtrArray   *lanes;           /* of SheetLane */
  GHashTable  *lanes_by_id;
  GHashTable  *lanes_by_name;   /* "kind:folded name" → first lane */
  GPtrArray   *steps;           /* of SheetStep */
  GHashTable  *steps_by_id;
  GHashTable  *ids;             /* every id given or made → its row */
  /* The cells that placed a row, as written → the stage or lane they
   * gave: most rows repeat an earlier row's, and need no second look. */
  GHashTable  *stage_cells;
  GHashTable  *lane_cells;
  GPtrArray   *strings;         /* texts made here rather than cells */

  guint        n_flows;
  gboolean     made_step_ids;
  gboolean     used_standard_lanes;
} Import;

static void
sheet_stage_free (gpointer data)
{
  SheetStage *stage = data;

  g_free (stage->id);
  g_free (stage->name);
  g_free (stage);
}

static void
sheet_lane_free (gpointer data)
{
  SheetLane *lane = data;

  g_free (lane->id);
  g_free (lane->name);
  g_free (lane);
}

static void
sheet_step_free (gpointer data)
{
  SheetStep *step = data;

  g_free (step->id);
  g_strfreev (step->next);
  g_free (step);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->notices, g_ptr_array_unref);
  g_clear_pointer (&import->stages, g_ptr_array_unref);
  g_clear_pointer (&import->stages_by_id, g_hash_table_unref);
  g_clear_pointer (&import->stages_by_name, g_hash_table_unref);
  g_clear_pointer (&import->lanes, g_ptr_array_unref);
  g_clear_pointer (&import->lanes_by_id, g_hash_table_unref);
  g_clear_pointer (&import->lanes_by_name, g_hash_table_unref);
  g_clear_pointer (&import->steps, g_ptr_array_unref);
  g_clear_pointer (&import->steps_by_id, g_hash_table_unref);
  g_clear_pointer (&import->ids, g_hash_table_unref);
  g_clear_pointer (&import->stage_cells, g_hash_table_unref);
  g_clear_pointer (&import->lane_cells, g_hash_table_unref);
  g_clear_pointer (&import->strings, g_ptr_array_unref);
}

static gboolean
full (Import *import)
{
  return import->problems->len >= import->max_problems;
}

/* Records a problem at @row and, unless @field is -1, at its column:
 * "Row 4, column C (zone): …", the header's own words in brackets. */
G_GNUC_PRINTF (4, 5)
static void
problem (Import         *import,
         const BpCsvRow *row,
         int             field,
         const char     *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (full (import))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (field >= 0 && import->columns[field] >= 0)
    {
      guint column = import->columns[field];
      g_autofree char *letter = bp_csv_column_name (column);
      const BpCsvRow *header = g_ptr_array_index (import->table->rows, 0);
      g_autofree char *heading = g_strstrip (g_strdup (header->cells[column]));

      g_ptr_array_add (import->problems,
                       /* Translators: "Row 4, column C (Zone): unknown zone …" */
                       g_strdup_printf (_("Row %u, column %s (%s): %s"), row->number, letter,
                                        heading, message));
    }
  else
    g_ptr_array_add (import->problems, g_strdup_printf (_("Row %u: %s"), row->number, message));
}

/* The cell of @field in @row, "" when the column is absent or the row
 * shorter than the header. */
static const char *
cell (Import         *import,
      const BpCsvRow *row,
      Field           field)
{
  int column = import->columns[field];

  if (column < 0 || (guint) column >= row->n_cells)
    return "";
  return row->cells[column];
}

/* The cell without surrounding spaces, for names and ids. */
static char *
cell_stripped (Import         *import,
               const BpCsvRow *row,
               Field           field)
{
  return g_strstrip (g_strdup (cell (import, row, field)));
}

static int
field_of_header (const char *header)
{
  g_autofree char *folded = bp_csv_fold (header);

  for (int f = 0; f < N_FIELDS; f++)
    for (guint n = 0; n < G_N_ELEMENTS (field_headers[f]) && field_headers[f][n]; n++)
      if (strcmp (folded, field_headers[f][n]) == 0)
        return f;
  return -1;
}

static gboolean
read_header (Import *import)
{
  const BpCsvRow *header = g_ptr_array_index (import->table->rows, 0);
  GString *unknown = g_string_new (NULL);

  for (int f = 0; f < N_FIELDS; f++)
    import->columns[f] = -1;
  import->n_columns = header->n_cells;

  for (guint c = 0; c < header->n_cells; c++)
    {
      int f = field_of_header (header->cells[c]);
      g_autofree char *letter = bp_csv_column_name (c);

      if (f < 0)
        {
          if (header->cells[c][0] != '\0')
            g_string_append_printf (unknown, "%s%s “%s”", unknown->len ? ", " : "",
                                    letter, header->cells[c]);
          continue;
        }
      if (import->columns[f] >= 0)
        {
          g_autofree char *first = bp_csv_column_name (import->columns[f]);

          problem (import, header, -1, _("columns %s and %s are both headed “%s”; keep one"),
                   first, letter, field_headers[f][0]);
          continue;
        }
      import->columns[f] = c;
    }

  if (import->columns[FIELD_DURATION] >= 0 && import->columns[FIELD_MINUTES] >= 0)
    problem (import, header, FIELD_MINUTES, _("the sheet already has a duration column; keep one"));

  if (unknown->len > 0)
    g_ptr_array_add (import->notices,
                     g_strdup_printf (_("Columns left out, as they are not step sheet columns: %s."),
                                      unknown->str));
  g_string_free (unknown, TRUE);

  if (import->columns[FIELD_STAGE] < 0 || import->columns[FIELD_TEXT] < 0)
    {
      problem (import, header, -1,
               _("the header needs a “stage” column and a “text” column "
                 "(also headed “what happens” or “step”)"));
      return FALSE;
    }

  return import->problems->len == 0;
}

/* Ids given in the sheet are taken first, so that ids made up for rows
 * without one never collide with them. */
static gboolean
claim_id (Import         *import,
          const BpCsvRow *row,
          Field           field,
          const char     *id,
          gboolean        repeat_allowed,
          GHashTable     *same_kind)
{
  gpointer first;

  if (!bp_id_is_valid (id))
    {
      problem (import, row, field,
               _("“%s” is not an id: use 1 to 64 letters, digits, “-” or “_”"), id);
      return FALSE;
    }

  if (g_hash_table_lookup_extended (import->ids, id, NULL, &first))
    {
      if (repeat_allowed && g_hash_table_contains (same_kind, id))
        return TRUE;
      problem (import, row, field, _("the id “%s” is already used on row %u"),
               id, GPOINTER_TO_UINT (first));
      return FALSE;
    }

  g_hash_table_insert (import->ids, g_strdup (id), GUINT_TO_POINTER (row->number));
  return TRUE;
}

/* An id nobody has taken, from @name when it makes a readable one
 * ("Log in" → "log-in"), else from @fallback. */
static char *
make_id (Import     *import,
         const char *name,
         const char *fallback,
         guint       row)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *base = g_string_new (NULL);
  g_autofree char *stem = NULL;
  char *id;

  for (const char *p = ascii; *p != '\0' && base->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, fallback);
  stem = g_string_free (base, FALSE);

  id = g_strdup (stem);
  for (guint n = 2; g_hash_table_contains (import->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem, n);
    }
  g_hash_table_insert (import->ids, g_strdup (id), GUINT_TO_POINTER (row));
  return id;
}

static char *
make_flow_id (Import *import,
              guint   row)
{
  char *id = NULL;

  do
    {
      g_free (id);
      id = g_strdup_printf ("flow-%u", ++import->n_flows);
    }
  while (g_hash_table_contains (import->ids, id));
  g_hash_table_insert (import->ids, g_strdup (id), GUINT_TO_POINTER (row));
  return id;
}

/* Names match ignoring case and surrounding spaces. */
static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}

/* A later row may leave the name empty; it may not change it. */
static gboolean
same_name (Import         *import,
           const BpCsvRow *row,
           Field           field,
           char          **known,
           guint           known_row,
           const char     *id,
           const char     *name)
{
  g_autofree char *a = NULL, *b = NULL;

  if (*name == '\0')
    return TRUE;
  if (*known == NULL)
    {
      *known = g_strdup (name);
      return TRUE;
    }
  a = name_key (*known);
  b = name_key (name);
  if (strcmp (a, b) == 0)
    return TRUE;

  problem (import, row, field, _("“%s” is named “%s” on row %u, not “%s”"),
           id, *known, known_row, name);
  return FALSE;
}

/* A new stage; @id and @name may be empty. */
static SheetStage *
add_stage (Import     *import,
           const char *id,
           const char *name,
           guint       row)
{
  SheetStage *stage = g_new0 (SheetStage, 1);
  char *key = name_key (name);

  stage->id = *id != '\0' ? g_strdup (id) : NULL;
  stage->name = *name != '\0' ? g_strdup (name) : NULL;
  stage->row = row;
  stage->index = import->stages->len;
  g_ptr_array_add (import->stages, stage);
  if (stage->id != NULL)
    g_hash_table_insert (import->stages_by_id, stage->id, stage);
  if (*name != '\0' && !g_hash_table_contains (import->stages_by_name, key))
    g_hash_table_insert (import->stages_by_name, key, stage);
  else
    g_free (key);
  return stage;
}

static SheetStage *
resolve_stage (Import         *import,
               const BpCsvRow *row)
{
  g_autofree char *id = cell_stripped (import, row, FIELD_STAGE_ID);
  g_autofree char *name = cell_stripped (import, row, FIELD_STAGE);
  g_autofree char *key = name_key (name);
  SheetStage *stage = NULL;

  if (*id != '\0')
    {
      stage = g_hash_table_lookup (import->stages_by_id, id);
      if (stage == NULL && !claim_id (import, row, FIELD_STAGE_ID, id, FALSE, NULL))
        return NULL;
      if (stage != NULL)
        return same_name (import, row, FIELD_STAGE, &stage->name, stage->row, id, name)
               ? stage : NULL;
    }
  else if (*name == '\0')
    {
      problem (import, row, FIELD_STAGE, _("the step has no stage"));
      return NULL;
    }
  else if ((stage = g_hash_table_lookup (import->stages_by_name, key)) != NULL)
    return stage;

  return add_stage (import, id, name, row->number);
}

/* The zone of a row: its zone cell, else a lane named after a zone, else
 * the zone of a lane id seen before. */
static gboolean
resolve_zone (Import         *import,
              const BpCsvRow *row,
              const char     *zone,
              const char     *lane_name,
              const char     *lane_id,
              BpLaneKind     *kind,
              gboolean       *standard)
{
  SheetLane *known;

  *standard = FALSE;
  if (*zone != '\0')
    {
      if (bp_csv_parse_zone (zone, kind))
        return TRUE;
      problem (import, row, FIELD_ZONE,
               _("unknown zone “%s”: use evidence, customer, frontstage, backstage or support"),
               zone);
      return FALSE;
    }
  if (*lane_name != '\0' && bp_csv_parse_zone (lane_name, kind))
    return (*standard = TRUE);
  if (*lane_id != '\0' && (known = g_hash_table_lookup (import->lanes_by_id, lane_id)) != NULL)
    {
      *kind = known->kind;
      return TRUE;
    }

  if (import->columns[FIELD_ZONE] < 0 && *lane_name == '\0')
    problem (import, row, FIELD_LANE,
             _("no zone: add a zone column (evidence, customer, frontstage, backstage or support), "
               "or a lane column naming one"));
  else if (import->columns[FIELD_ZONE] >= 0)
    problem (import, row, FIELD_ZONE,
             _("no zone: give evidence, customer, frontstage, backstage or support"));
  else
    problem (import, row, FIELD_LANE,
             _("“%s” is not a zone, and the sheet has no zone column: add one, "
               "or name the lane evidence, customer, frontstage, backstage or support"),
             lane_name);
  return FALSE;
}

static char *
lane_key (BpLaneKind  kind,
          const char *name)
{
  g_autofree char *folded = name_key (name != NULL ? name : bp_lane_kind_format_name (kind));

  return g_strdup_printf ("%d:%s", kind, folded);
}

/* The lane's own name, or NULL for the zone's usual one. */
static char *
lane_name_of (BpLaneKind  kind,
              const char *name,
              gboolean    standard)
{
  g_autofree char *key = NULL, *usual = NULL, *translated = NULL;

  if (standard || *name == '\0')
    return NULL;
  key = name_key (name);
  usual = name_key (bp_lane_kind_format_name (kind));
  translated = name_key (bp_lane_kind_default_name (kind));
  if (strcmp (key, usual) == 0 || strcmp (key, translated) == 0)
    return NULL;
  return g_strdup (name);
}

/* A new lane, taking @own_name (NULL for the zone's usual lane). */
static SheetLane *
add_lane (Import     *import,
          const char *id,
          char       *own_name,
          BpLaneKind  kind,
          guint       row)
{
  SheetLane *lane = g_new0 (SheetLane, 1);
  char *key = lane_key (kind, own_name);

  lane->id = *id != '\0' ? g_strdup (id) : NULL;
  lane->name = own_name;
  lane->kind = kind;
  lane->row = row;
  lane->index = import->lanes->len;
  g_ptr_array_add (import->lanes, lane);
  if (lane->id != NULL)
    g_hash_table_insert (import->lanes_by_id, lane->id, lane);
  if (!g_hash_table_contains (import->lanes_by_name, key))
    g_hash_table_insert (import->lanes_by_name, key, lane);
  else
    g_free (key);
  return lane;
}

static SheetLane *
resolve_lane (Import         *import,
              const BpCsvRow *row)
{
  g_autofree char *zone = cell_stripped (import, row, FIELD_ZONE);
  g_autofree char *name = cell_stripped (import, row, FIELD_LANE);
  g_autofree char *id = cell_stripped (import, row, FIELD_LANE_ID);
  g_autofree char *own_name = NULL, *key = NULL;
  SheetLane *lane;
  BpLaneKind kind;
  gboolean standard;

  if (!resolve_zone (import, row, zone, name, id, &kind, &standard))
    return NULL;
  own_name = lane_name_of (kind, name, standard);
  key = lane_key (kind, own_name);

  if (*id != '\0')
    {
      lane = g_hash_table_lookup (import->lanes_by_id, id);
      if (lane == NULL && !claim_id (import, row, FIELD_LANE_ID, id, FALSE, NULL))
        return NULL;
      if (lane != NULL)
        {
          if (lane->kind != kind)
            {
              problem (import, row, FIELD_ZONE, _("lane “%s” is in the %s zone on row %u"),
                       id, bp_lane_kind_to_string (lane->kind), lane->row);
              return NULL;
            }
          if (own_name != NULL && lane->name == NULL)
            {
              problem (import, row, FIELD_LANE, _("“%s” is named “%s” on row %u, not “%s”"),
                       id, bp_lane_kind_default_name (kind), lane->row, own_name);
              return NULL;
            }
          return same_name (import, row, FIELD_LANE, &lane->name, lane->row, id,
                            own_name ? own_name : "") ? lane : NULL;
        }
    }
  else if ((lane = g_hash_table_lookup (import->lanes_by_name, key)) != NULL)
    return lane;

  if (own_name == NULL)
    import->used_standard_lanes = import->used_standard_lanes || *name == '\0' || standard;

  return add_lane (import, id, g_steal_pointer (&own_name), kind, row->number);
}

/* The row's cells of @fields, as one key. */
static char *
cells_key (Import         *import,
           const BpCsvRow *row,
           const Field    *fields,
           guint           n_fields)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append (key, cell (import, row, fields[i]));
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

static SheetStage *
place_stage (Import         *import,
             const BpCsvRow *row)
{
  static const Field fields[] = { FIELD_STAGE_ID, FIELD_STAGE };
  g_autofree char *key = cells_key (import, row, fields, G_N_ELEMENTS (fields));
  SheetStage *stage = g_hash_table_lookup (import->stage_cells, key);

  if (stage == NULL && (stage = resolve_stage (import, row)) != NULL)
    g_hash_table_insert (import->stage_cells, g_steal_pointer (&key), stage);
  return stage;
}

static SheetLane *
place_lane (Import         *import,
            const BpCsvRow *row)
{
  static const Field fields[] = { FIELD_ZONE, FIELD_LANE, FIELD_LANE_ID };
  g_autofree char *key = cells_key (import, row, fields, G_N_ELEMENTS (fields));
  SheetLane *lane = g_hash_table_lookup (import->lane_cells, key);

  if (lane == NULL && (lane = resolve_lane (import, row)) != NULL)
    g_hash_table_insert (import->lane_cells, g_steal_pointer (&key), lane);
  return lane;
}

static gboolean
read_duration (Import         *import,
               const BpCsvRow *row,
               Field           field,
               double         *seconds)
{
  const char *text = cell (import, row, field);

  if (bp_csv_parse_duration (text, import->table->decimal_comma,
                             field == FIELD_MINUTES, seconds))
    return TRUE;
  problem (import, row, field,
           _("“%s” is not a duration: write 90, 90 s, 5 min, 1 h 30 min, 2 d, 1:30 or 1:02:00"),
           text);
  return FALSE;
}

static gboolean
read_flags (Import         *import,
            const BpCsvRow *row,
            BpStepFlags    *flags)
{
  g_auto(GStrv) names = g_strsplit_set (cell (import, row, FIELD_FLAGS), ";,", -1);
  gboolean ok = TRUE;

  *flags = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      BpStepFlags flag;

      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        continue;
      if (bp_csv_parse_flag (names[i], &flag))
        *flags |= flag;
      else
        {
          problem (import, row, FIELD_FLAGS,
                   _("unknown flag “%s”: use pain point, opportunity, moment of truth, "
                     "fail point or wait point"), names[i]);
          ok = FALSE;
        }
    }

  for (int f = FIELD_PAIN_POINT; f <= FIELD_WAIT_POINT; f++)
    {
      gboolean yes;

      if (!bp_csv_parse_yes_no (cell (import, row, f), &yes))
        {
          problem (import, row, f, _("“%s” is not yes or no: write yes, no, true, false, 1, 0 or x"),
                   cell (import, row, f));
          ok = FALSE;
        }
      else if (yes)
        *flags |= flag_of_field[f];
    }
  return ok;
}

/* A row with nothing of a step in it only makes sure that its stage and
 * lane exist: the export writes such rows for empty stages and lanes. */
static gboolean
row_has_step (Import         *import,
              const BpCsvRow *row)
{
  static const Field step_fields[] = {
    FIELD_TEXT, FIELD_ID, FIELD_ACTOR, FIELD_DURATION, FIELD_MINUTES, FIELD_TOLERANCE,
    FIELD_NOTES, FIELD_FLAGS, FIELD_NEXT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (step_fields); i++)
    if (cell (import, row, step_fields[i])[0] != '\0')
      return TRUE;
  for (int f = FIELD_PAIN_POINT; f <= FIELD_WAIT_POINT; f++)
    {
      gboolean yes;

      if (!bp_csv_parse_yes_no (cell (import, row, f), &yes) || yes)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_width (Import         *import,
             const BpCsvRow *row)
{
  for (guint c = import->n_columns; c < row->n_cells; c++)
    if (row->cells[c][0] != '\0')
      {
        g_autofree char *letter = bp_csv_column_name (c);

        problem (import, row, -1,
                 _("column %s holds “%s” but the header has only %u columns"),
                 letter, row->cells[c], import->n_columns);
        return FALSE;
      }
  return TRUE;
}

static char *
empty_to_null (const char *text)
{
  return text[0] != '\0' ? (char *) text : NULL;
}

static void
read_row (Import         *import,
          const BpCsvRow *row)
{
  g_autofree char *id = cell_stripped (import, row, FIELD_ID);
  g_autofree char *stage_name = cell_stripped (import, row, FIELD_STAGE);
  g_autofree char *lane_cells = g_strconcat (cell (import, row, FIELD_LANE),
                                             cell (import, row, FIELD_LANE_ID),
                                             cell (import, row, FIELD_ZONE), NULL);
  gboolean has_step = row_has_step (import, row);
  SheetStage *stage = NULL;
  SheetLane *lane = NULL;
  SheetStep *step;

  /* Problems are recorded, and the row read on, so that --check lists
   * every one of them. */
  check_width (import, row);
  g_strstrip (lane_cells);
  if (has_step || *stage_name != '\0' || cell (import, row, FIELD_STAGE_ID)[0] != '\0')
    stage = place_stage (import, row);
  if (has_step || *lane_cells != '\0')
    lane = place_lane (import, row);
  if (!has_step)
    return;

  step = g_new0 (SheetStep, 1);
  step->row = row;
  step->stage = stage;
  step->lane = lane;
  step->text = cell (import, row, FIELD_TEXT);
  step->actor = empty_to_null (cell (import, row, FIELD_ACTOR));
  step->notes = empty_to_null (cell (import, row, FIELD_NOTES));
  step->duration = -1;
  step->tolerance = -1;
  g_ptr_array_add (import->steps, step);

  if (import->columns[FIELD_MINUTES] >= 0)
    read_duration (import, row, FIELD_MINUTES, &step->duration);
  else
    read_duration (import, row, FIELD_DURATION, &step->duration);
  read_duration (import, row, FIELD_TOLERANCE, &step->tolerance);
  read_flags (import, row, &step->flags);
  step->next = g_strsplit_set (cell (import, row, FIELD_NEXT), ";, \t\r\n", -1);

  if (*id != '\0' && claim_id (import, row, FIELD_ID, id, FALSE, NULL))
    {
      step->id = g_steal_pointer (&id);
      g_hash_table_insert (import->steps_by_id, step->id, step);
    }
}

/* Ids for what the sheet left without one, once every given id is known. */
static void
make_ids (Import *import)
{
  for (guint i = 0; i < import->stages->len; i++)
    {
      SheetStage *stage = g_ptr_array_index (import->stages, i);

      if (stage->id == NULL)
        stage->id = make_id (import, stage->name, "stage", stage->row);
    }
  for (guint i = 0; i < import->lanes->len; i++)
    {
      SheetLane *lane = g_ptr_array_index (import->lanes, i);

      if (lane->id == NULL)
        lane->id = make_id (import, lane->name ? lane->name : bp_lane_kind_to_string (lane->kind),
                            "lane", lane->row);
    }
  for (guint i = 0; i < import->steps->len; i++)
    {
      SheetStep *step = g_ptr_array_index (import->steps, i);
      g_autofree char *name = NULL;

      if (step->id != NULL || step->row == NULL)
        continue;
      /* Steps take their row's number: "row-7" is the sheet's row 7. */
      name = g_strdup_printf ("row-%u", step->row->number);
      step->id = make_id (import, name, "row", step->row->number);
      g_hash_table_insert (import->steps_by_id, step->id, step);
      import->made_step_ids = TRUE;
    }
}

static void
check_next (Import *import)
{
  for (guint i = 0; i < import->steps->len; i++)
    {
      SheetStep *step = g_ptr_array_index (import->steps, i);

      for (guint n = 0; step->next[n] != NULL; n++)
        {
          const char *to = step->next[n];

          if (*to == '\0')
            continue;
          if (!g_hash_table_contains (import->steps_by_id, to))
            problem (import, step->row, FIELD_NEXT, _("no step has the id “%s”"), to);
          else if (g_strcmp0 (to, step->id) == 0)
            problem (import, step->row, FIELD_NEXT, _("a step cannot flow to itself"));
        }
    }
}

static void
read_rows (Import *import)
{
  GPtrArray *rows = import->table->rows;

  if (rows->len < 2)
    {
      problem (import, g_ptr_array_index (rows, 0), -1,
               _("the sheet has a header but no steps under it"));
      return;
    }

  for (guint i = 1; i < rows->len && !full (import); i++)
    read_row (import, g_ptr_array_index (rows, i));

  if (import->problems->len > 0)
    return;

  make_ids (import);
  check_next (import);

  if (import->stages->len == 0 || import->lanes->len == 0)
    problem (import, g_ptr_array_index (rows, 0), -1, _("the sheet has no steps"));
}

/* How many cards the busiest lane of each stage holds. */
static guint *
count_cards (Import *import)
{
  guint n_lanes = import->lanes->len;
  guint *cells = g_new0 (guint, (gsize) import->stages->len * n_lanes);

  for (guint i = 0; i < import->steps->len; i++)
    {
      SheetStep *step = g_ptr_array_index (import->steps, i);

      cells[step->stage->index * n_lanes + step->lane->index]++;
    }
  return cells;
}

static void
add_stages (Import     *import,
            BpDocument *document,
            guint      *cells)
{
  for (guint s = 0; s < import->stages->len; s++)
    {
      SheetStage *sheet = g_ptr_array_index (import->stages, s);
      g_autoptr(BpStage) stage = bp_stage_new (sheet->id);
      guint most = 0;
      double width;

      for (guint l = 0; l < import->lanes->len; l++)
        most = MAX (most, cells[s * import->lanes->len + l]);
      width = 2 * CARD_MARGIN + most * BP_STEP_DEFAULT_WIDTH + (most > 0 ? most - 1 : 0) * CARD_GAP;

      bp_stage_set_name (stage, sheet->name ? sheet->name : "");
      bp_stage_set_width (stage, CLAMP (width, BP_STAGE_DEFAULT_WIDTH, BP_STAGE_MAX_WIDTH));
      bp_document_insert (document, BP_ITEM (stage), -1);
    }
}

static void
add_lanes (Import     *import,
           BpDocument *document)
{
  /* Zone by zone, each in order of first appearance. */
  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    for (guint l = 0; l < import->lanes->len; l++)
      {
        SheetLane *sheet = g_ptr_array_index (import->lanes, l);
        g_autoptr(BpLane) lane = NULL;

        if (sheet->kind != k)
          continue;
        lane = bp_lane_new (sheet->id, sheet->kind);
        bp_lane_set_name (lane, sheet->name);
        bp_document_insert (document, BP_ITEM (lane), -1);
      }
}

static void
add_steps (Import     *import,
           BpDocument *document)
{
  guint n_lanes = import->lanes->len;
  g_autofree guint *placed = g_new0 (guint, (gsize) import->stages->len * n_lanes);

  for (guint i = 0; i < import->steps->len; i++)
    {
      SheetStep *sheet = g_ptr_array_index (import->steps, i);
      guint *slot = &placed[sheet->stage->index * n_lanes + sheet->lane->index];
      double x = CARD_MARGIN + (*slot)++ * (BP_STEP_DEFAULT_WIDTH + CARD_GAP);
      g_autoptr(BpStep) step = bp_step_new (sheet->id, sheet->lane->id, sheet->stage->id,
                                            MIN (x, BP_STEP_MAX_X));

      bp_step_set_text (step, sheet->text);
      bp_step_set_actor (step, sheet->actor);
      bp_step_set_notes (step, sheet->notes);
      bp_step_set_duration (step, sheet->duration);
      bp_step_set_tolerance (step, sheet->tolerance);
      bp_step_set_flags (step, sheet->flags);
      bp_document_insert (document, BP_ITEM (step), -1);
    }
}

static void
add_flows (Import     *import,
           BpDocument *document)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < import->steps->len; i++)
    {
      SheetStep *step = g_ptr_array_index (import->steps, i);

      for (guint n = 0; step->next[n] != NULL; n++)
        {
          char *pair;

          if (step->next[n][0] == '\0')
            continue;
          pair = g_strconcat (step->id, ">", step->next[n], NULL);
          if (!g_hash_table_add (pairs, pair))
            continue;
          {
            g_autofree char *id = make_flow_id (import, step->row->number);
            g_autoptr(BpFlow) flow = bp_flow_new (id, step->id, step->next[n]);

            bp_document_insert (document, BP_ITEM (flow), -1);
          }
        }
    }
}

static BpDocument *
build_document (Import *import)
{
  BpDocument *document = bp_document_new ();
  BpHistory *history = bp_document_get_history (document);
  g_autofree guint *cells = count_cards (import);

  bp_history_freeze (history);
  add_stages (import, document, cells);
  add_lanes (import, document);
  add_steps (import, document);
  add_flows (import, document);
  bp_history_thaw (history);
  bp_history_clear (history);

  return document;
}

static void
add_notices (Import *import)
{
  if (import->table->separator == ';')
    g_ptr_array_insert (import->notices, 0,
                        g_strdup (_("Cells are separated by semicolons; numbers may use a decimal comma.")));
  else if (import->table->separator == '\t')
    g_ptr_array_insert (import->notices, 0, g_strdup (_("Cells are separated by tabs.")));

  if (import->made_step_ids)
    g_ptr_array_add (import->notices,
                     g_strdup (_("Steps without an id were given one made from their row number (“row-2” is the step on row 2).")));
  if (import->used_standard_lanes)
    g_ptr_array_add (import->notices,
                     g_strdup (_("Steps with a zone but no lane of their own went into the zone’s usual lane.")));
}

static void
import_init (Import     *import,
             BpCsvTable *table,
             guint       max_problems)
{
  import->table = table;
  import->max_problems = max_problems;
  import->problems = g_ptr_array_new_with_free_func (g_free);
  import->notices = g_ptr_array_ref (table->notices);
  import->stages = g_ptr_array_new_with_free_func (sheet_stage_free);
  import->stages_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  import->stages_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->lanes = g_ptr_array_new_with_free_func (sheet_lane_free);
  import->lanes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  import->lanes_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->steps = g_ptr_array_new_with_free_func (sheet_step_free);
  import->steps_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  import->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->stage_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->lane_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->strings = g_ptr_array_new_with_free_func (g_free);
}

/* The grid sheet, the other shape teams use: stages across the first row,
 * lanes down the first column, and in each cell the steps of that lane in
 * that stage, one a line. A stage repeated across columns, or a merged
 * header cell (which leaves the cells to its right empty), spreads over
 * several columns. Steps are named after their cell: "C4", "C4-2". */

/* "Backstage", or "Kitchen (backstage)" for a lane of one's own. */
static gboolean
parse_grid_lane (const char  *text,
                 BpLaneKind  *kind,
                 char       **own_name)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize length = strlen (copy);
  char *open;

  *own_name = NULL;
  if (bp_csv_parse_zone (copy, kind))
    return TRUE;
  if (length < 3 || copy[length - 1] != ')' || (open = strrchr (copy, '(')) == NULL)
    return FALSE;
  copy[length - 1] = '\0';
  if (!bp_csv_parse_zone (open + 1, kind))
    return FALSE;
  *open = '\0';
  g_strstrip (copy);
  *own_name = lane_name_of (*kind, copy, FALSE);
  return TRUE;
}

static gboolean
is_grid (BpCsvTable *table)
{
  const BpCsvRow *header = g_ptr_array_index (table->rows, 0);
  BpLaneKind kind;
  g_autofree char *own_name = NULL;

  if (table->rows->len < 2)
    return FALSE;
  for (guint c = 0; c < header->n_cells; c++)
    {
      int f = field_of_header (header->cells[c]);

      if (f == FIELD_STAGE || f == FIELD_TEXT)
        return FALSE;
    }
  return parse_grid_lane (((BpCsvRow *) g_ptr_array_index (table->rows, 1))->cells[0],
                          &kind, &own_name);
}

G_GNUC_PRINTF (4, 5)
static void
problem_at (Import         *import,
            const BpCsvRow *row,
            guint           column,
            const char     *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *letter = bp_csv_column_name (column);
  va_list args;

  if (full (import))
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (import->problems,
                   g_strdup_printf (_("Row %u, column %s: %s"), row->number, letter, message));
}

/* The stage of each column of the header, from B on. */
static GPtrArray *
grid_stages (Import *import)
{
  const BpCsvRow *header = g_ptr_array_index (import->table->rows, 0);
  GPtrArray *columns = g_ptr_array_new ();
  SheetStage *stage = NULL;

  g_ptr_array_add (columns, NULL);
  for (guint c = 1; c < header->n_cells; c++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header->cells[c]));
      g_autofree char *key = name_key (name);

      if (*name != '\0')
        {
          stage = g_hash_table_lookup (import->stages_by_name, key);
          if (stage == NULL)
            stage = add_stage (import, "", name, header->number);
        }
      g_ptr_array_add (columns, stage);
    }
  if (stage == NULL)
    problem (import, header, -1, _("the first row names no stage: write the stages across it, from column B"));
  return columns;
}

static void
add_grid_steps (Import         *import,
                const BpCsvRow *row,
                guint           column,
                SheetStage     *stage,
                SheetLane      *lane)
{
  g_autofree char *letter = bp_csv_column_name (column);
  g_auto(GStrv) lines = g_strsplit_set (row->cells[column], "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *base = NULL;
      SheetStep *step;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      base = n == 0 ? g_strdup_printf ("%s%u", letter, row->number)
                    : g_strdup_printf ("%s%u-%u", letter, row->number, n + 1);
      n++;
      step = g_new0 (SheetStep, 1);
      step->row = row;
      step->stage = stage;
      step->lane = lane;
      g_ptr_array_add (import->strings, g_strdup (lines[i]));
      step->text = g_ptr_array_index (import->strings, import->strings->len - 1);
      step->duration = -1;
      step->tolerance = -1;
      step->next = g_new0 (char *, 1);
      step->id = make_id (import, base, "cell", row->number);
      g_hash_table_insert (import->steps_by_id, step->id, step);
      g_ptr_array_add (import->steps, step);
    }
}

static void
read_grid_row (Import         *import,
               const BpCsvRow *row,
               GPtrArray      *stages)
{
  g_autofree char *own_name = NULL;
  SheetLane *lane;
  BpLaneKind kind;
  char *key;

  if (!parse_grid_lane (row->cells[0], &kind, &own_name))
    {
      problem_at (import, row, 0,
                  _("“%s” is not a zone: name the row evidence, customer, frontstage, backstage "
                    "or support, or write a lane as “Kitchen (backstage)”"), row->cells[0]);
      return;
    }
  key = lane_key (kind, own_name);
  lane = g_hash_table_lookup (import->lanes_by_name, key);
  g_free (key);
  if (lane == NULL)
    lane = add_lane (import, "", g_steal_pointer (&own_name), kind, row->number);

  for (guint c = 1; c < row->n_cells; c++)
    {
      if (row->cells[c][0] == '\0')
        continue;
      if (c >= stages->len || g_ptr_array_index (stages, c) == NULL)
        {
          problem_at (import, row, c, _("the cell holds “%s” but its column has no stage"), row->cells[c]);
          continue;
        }
      add_grid_steps (import, row, c, g_ptr_array_index (stages, c), lane);
    }
}

static void
read_grid (Import *import)
{
  g_autoptr(GPtrArray) stages = grid_stages (import);

  for (guint i = 1; i < import->table->rows->len && !full (import); i++)
    read_grid_row (import, g_ptr_array_index (import->table->rows, i), stages);

  if (import->problems->len > 0)
    return;
  make_ids (import);
  if (import->steps->len == 0)
    problem (import, g_ptr_array_index (import->table->rows, 0), -1, _("the sheet has no steps"));
  g_ptr_array_add (import->notices,
                   g_strdup (_("The sheet was read as a grid: stages across its first row, lanes down "
                               "its first column, a step for each line of a cell.")));
}

/* Reads the sheet into @import; FALSE when it has problems. */
static gboolean
import_sheet (Import     *import,
              const char *data,
              gsize       length,
              guint       max_problems,
              BpCsvTable **table_out,
              GError    **error)
{
  BpCsvTable *table = bp_csv_table_read (data, length, error);

  *table_out = table;
  if (table == NULL)
    return FALSE;

  if (table->rows->len == 0)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID,
                   _("The sheet is empty: it needs a header row and a row per step"));
      return FALSE;
    }

  import_init (import, table, max_problems);
  if (is_grid (table))
    read_grid (import);
  else if (read_header (import))
    read_rows (import);
  return import->problems->len == 0;
}

BpDocument *
bp_csv_import (const char  *data,
               gsize        length,
               GPtrArray  **notices,
               GError     **error)
{
  g_autoptr(BpCsvTable) table = NULL;
  Import import = { 0 };
  BpDocument *document = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (import_sheet (&import, data ? data : "", length, 2, &table, error))
    {
      document = build_document (&import);
      add_notices (&import);
      if (notices != NULL)
        *notices = g_ptr_array_ref (import.notices);
    }
  else if (import.problems != NULL && import.problems->len > 0)
    {
      if (import.problems->len > 1)
        g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID,
                     _("%s (and more problems: “touchpoint --check” lists them all)"),
                     (const char *) g_ptr_array_index (import.problems, 0));
      else
        g_set_error_literal (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID,
                             g_ptr_array_index (import.problems, 0));
    }

  import_clear (&import);
  return document;
}

GPtrArray *
bp_csv_check (const char *data,
              gsize       length,
              guint       max_problems)
{
  g_autoptr(BpCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  Import import = { 0 };
  GPtrArray *problems;

  if (import_sheet (&import, data ? data : "", length, MAX (max_problems, 1), &table, &error))
    problems = g_ptr_array_new_with_free_func (g_free);
  else if (error != NULL)
    {
      problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (problems, g_strdup (error->message));
    }
  else
    problems = g_ptr_array_ref (import.problems);

  import_clear (&import);
  return problems;
}

gboolean
bp_csv_path_is_sheet (const char *path)
{
  return path != NULL &&
         (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV") ||
          g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".TSV"));
}

/* The sheet's name becomes the blueprint's title ("loan-steps.csv" gives
 * "loan-steps"), so that exports and Save As carry it; not a change to
 * undo. */
void
bp_csv_name_after_sheet (BpDocument *document,
                         const char *path)
{
  BpHistory *history = bp_document_get_history (document);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *title = g_filename_display_name (base);
  char *dot = strrchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  bp_history_freeze (history);
  bp_document_set_title (document, title);
  bp_history_thaw (history);
  bp_history_clear (history);
}
