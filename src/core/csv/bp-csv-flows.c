/* bp-csv-flows.c
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

/* The flow sheet, a step sheet's companion: one row per arrow, with the
 * columns `from` and `to` (step ids), and `label`, `kind` and `id` if
 * wanted. An arrow that the step sheet's `next` already drew takes the
 * label. Every row is checked before any arrow is added. */

enum { COL_FROM, COL_TO, COL_LABEL, COL_KIND, COL_ID, N_COLS };

static const char *const column_names[N_COLS] = { "from", "to", "label", "kind", "id" };

typedef struct {
  const BpCsvRow *row;
  const char     *from;
  const char     *to;
  const char     *label;
  const char     *id;
  gboolean        has_kind;  /* FALSE: an arrow `next` drew keeps its kind */
  BpFlowKind      kind;
  BpFlow         *existing;
} FlowRow;

static const char *
flow_cell (const BpCsvRow *row,
           const int      *columns,
           int             col)
{
  if (columns[col] < 0 || (guint) columns[col] >= row->n_cells)
    return "";
  return row->cells[columns[col]];
}

/* The cell without surrounding spaces, stripped where it lies. */
static const char *
stripped_cell (const BpCsvRow *row,
               const int      *columns,
               int             col)
{
  if (columns[col] < 0 || (guint) columns[col] >= row->n_cells)
    return "";
  return g_strstrip (row->cells[columns[col]]);
}

G_GNUC_PRINTF (5, 6)
static void
flow_problem (GPtrArray      *problems,
              const BpCsvRow *row,
              const int      *columns,
              int             col,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *letter = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (col < 0 || columns[col] < 0)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("Row %u: %s"), row->number, message));
      return;
    }
  letter = bp_csv_column_name (columns[col]);
  g_ptr_array_add (problems, g_strdup_printf (_("Row %u, column %s (%s): %s"), row->number,
                                              letter, column_names[col], message));
}

static BpFlow *
find_flow (BpDocument *document,
           const char *from,
           const char *to)
{
  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);

      if (g_str_equal (bp_flow_get_from (flow), from) && g_str_equal (bp_flow_get_to (flow), to))
        return flow;
    }
  return NULL;
}

static gboolean
is_step (BpDocument *document,
         const char *id)
{
  return BP_IS_STEP (bp_document_lookup (document, id));
}

static void
check_row (BpDocument *document,
           FlowRow    *flow,
           const int  *columns,
           GHashTable *pairs,
           GHashTable *ids,
           GPtrArray  *problems)
{
  const char *kind = flow_cell (flow->row, columns, COL_KIND);
  g_autofree char *folded_kind = bp_csv_fold (kind);
  g_autofree char *pair = g_strconcat (flow->from, ">", flow->to, NULL);
  gpointer first;

  if (!is_step (document, flow->from))
    flow_problem (problems, flow->row, columns, COL_FROM, _("no step has the id “%s”"), flow->from);
  if (!is_step (document, flow->to))
    flow_problem (problems, flow->row, columns, COL_TO, _("no step has the id “%s”"), flow->to);
  if (g_str_equal (flow->from, flow->to))
    flow_problem (problems, flow->row, columns, COL_TO, _("a step cannot flow to itself"));
  flow->has_kind = *folded_kind != '\0';
  if (flow->has_kind && !bp_flow_kind_from_string (folded_kind, &flow->kind))
    flow_problem (problems, flow->row, columns, COL_KIND,
                  _("unknown kind “%s”: use sequence, recovery, rework or information"), kind);
  if (g_hash_table_lookup_extended (pairs, pair, NULL, &first))
    flow_problem (problems, flow->row, columns, -1, _("the arrow from “%s” to “%s” is already on row %u"),
                  flow->from, flow->to, GPOINTER_TO_UINT (first));
  else
    g_hash_table_insert (pairs, g_steal_pointer (&pair), GUINT_TO_POINTER (flow->row->number));

  flow->existing = find_flow (document, flow->from, flow->to);
  if (*flow->id != '\0' &&
      (!bp_id_is_valid (flow->id) ||
       (bp_document_lookup (document, flow->id) != NULL &&
        bp_document_lookup (document, flow->id) != BP_ITEM (flow->existing)) ||
       !g_hash_table_add (ids, (char *) flow->id)))
    flow_problem (problems, flow->row, columns, COL_ID, _("“%s” is not an id of its own"), flow->id);
}

static gboolean
read_columns (const BpCsvRow *header,
              int            *columns,
              GPtrArray      *problems)
{
  for (int c = 0; c < N_COLS; c++)
    columns[c] = -1;
  for (guint i = 0; i < header->n_cells; i++)
    {
      g_autofree char *folded = bp_csv_fold (header->cells[i]);

      for (int c = 0; c < N_COLS; c++)
        if (g_str_equal (folded, column_names[c]) && columns[c] < 0)
          columns[c] = i;
    }
  if (columns[COL_FROM] < 0 || columns[COL_TO] < 0)
    {
      g_ptr_array_add (problems, g_strdup (_("Row 1: a flow sheet needs a “from” column and a “to” column")));
      return FALSE;
    }
  return TRUE;
}

/* An empty kind cell leaves the kind as it is: sequence for a new arrow. */
static void
set_label_and_kind (BpFlow        *flow,
                    const FlowRow *row)
{
  bp_flow_set_label (flow, *row->label != '\0' ? row->label : NULL);
  if (row->has_kind)
    bp_flow_set_kind (flow, row->kind);
}

static void
add_flows (BpDocument *document,
           GArray     *flows)
{
  BpHistory *history = bp_document_get_history (document);
  gboolean modified = bp_history_get_modified (history);

  bp_history_freeze (history);
  for (guint i = 0; i < flows->len; i++)
    {
      FlowRow *row = &g_array_index (flows, FlowRow, i);

      if (row->existing != NULL &&
          (*row->id == '\0' || g_str_equal (row->id, bp_item_get_id (BP_ITEM (row->existing)))))
        set_label_and_kind (row->existing, row);
      else if (row->existing != NULL)
        {
          /* The arrow `next` drew, under the id the flow sheet gives it. */
          g_autoptr(BpFlow) flow = bp_flow_new (row->id, row->from, row->to);
          int position = bp_document_get_position (document, BP_ITEM (row->existing));

          bp_flow_set_kind (flow, bp_flow_get_kind (row->existing));
          set_label_and_kind (flow, row);
          bp_document_remove (document, BP_ITEM (row->existing));
          bp_document_insert (document, BP_ITEM (flow), position);
        }
      else
        {
          g_autofree char *id = *row->id != '\0' ? g_strdup (row->id) : bp_document_make_id (document, "flow");
          g_autoptr(BpFlow) flow = bp_flow_new (id, row->from, row->to);

          set_label_and_kind (flow, row);
          bp_document_insert (document, BP_ITEM (flow), -1);
        }
    }
  bp_history_thaw (history);
  bp_history_clear (history);
  if (modified)
    bp_history_mark_unsaved (history);
}

/* Adds the arrows of a flow sheet to @document, made from a step sheet;
 * on a problem, adds none and says where. */
gboolean
bp_csv_add_flows (BpDocument  *document,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(BpCsvTable) table = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) flows = g_array_new (FALSE, TRUE, sizeof (FlowRow));
  int columns[N_COLS];

  g_return_val_if_fail (BP_IS_DOCUMENT (document), FALSE);

  table = bp_csv_table_read (data ? data : "", length, error);
  if (table == NULL)
    return FALSE;
  if (table->rows->len == 0)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID, _("The flow sheet is empty"));
      return FALSE;
    }

  if (read_columns (g_ptr_array_index (table->rows, 0), columns, problems))
    for (guint i = 1; i < table->rows->len && problems->len == 0; i++)
      {
        FlowRow flow = { g_ptr_array_index (table->rows, i) };

        flow.from = stripped_cell (flow.row, columns, COL_FROM);
        flow.to = stripped_cell (flow.row, columns, COL_TO);
        flow.label = flow_cell (flow.row, columns, COL_LABEL);
        flow.id = stripped_cell (flow.row, columns, COL_ID);
        check_row (document, &flow, columns, pairs, ids, problems);
        g_array_append_val (flows, flow);
      }

  if (problems->len > 0)
    {
      g_set_error_literal (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID, g_ptr_array_index (problems, 0));
      return FALSE;
    }
  add_flows (document, flows);
  return TRUE;
}

/* The flow sheet of @document: every arrow with its id, label and kind, so
 * that the two sheets together keep what `next` alone cannot. */
char *
bp_csv_export_flows (BpDocument *document,
                     gsize      *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBFid,from,to,label,kind\r\n");

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      const char *cells[] = { bp_item_get_id (BP_ITEM (flow)), bp_flow_get_from (flow),
                              bp_flow_get_to (flow), bp_flow_get_label (flow),
                              bp_flow_kind_to_string (bp_flow_get_kind (flow)) };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        bp_csv_append_cell (out, cells[c], c == 0);
      g_string_append (out, "\r\n");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
