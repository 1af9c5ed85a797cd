/* bp-clipboard.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bpj/bp-bpj.h"
#include "edit/bp-clipboard.h"
#include "history/bp-history.h"

G_DEFINE_QUARK (bp-clipboard-error-quark, bp_clipboard_error)

/* Room between pasted cards and the cards they were copied from, and
 * between cards made from lines of text. */
#define PASTE_GAP 24.0
/* Where cards made from text start when nothing says where. */
#define TEXT_START_X 24.0

static gboolean
is_selection_of (BpSelection *selection,
                 BpDocument  *document)
{
  return BP_IS_SELECTION (selection) && BP_IS_DOCUMENT (document) &&
         bp_selection_get_document (selection) == document;
}

static JsonObject *
copy_extras (BpItem *item)
{
  JsonObject *extras = bp_item_get_extras (item);
  JsonObject *copy;
  g_autoptr(GList) members = NULL;

  if (extras == NULL)
    return NULL;

  copy = json_object_new ();
  members = json_object_get_members (extras);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            json_node_copy (json_object_get_member (extras, l->data)));
  return copy;
}

/* A detached copy of @step under @id, in @lane_id and @stage_id at @x,
 * with every other key it has. */
static BpStep *
clone_step (BpStep     *step,
            const char *id,
            const char *lane_id,
            const char *stage_id,
            double      x)
{
  BpStep *copy = bp_step_new (id, lane_id, stage_id, x);
  g_autoptr(JsonObject) extras = copy_extras (BP_ITEM (step));

  bp_step_set_width (copy, bp_step_get_width (step));
  bp_step_set_text (copy, bp_step_get_text (step));
  bp_step_set_actor (copy, bp_step_get_actor (step));
  bp_step_set_duration (copy, bp_step_get_duration (step));
  bp_step_set_tolerance (copy, bp_step_get_tolerance (step));
  bp_step_set_notes (copy, bp_step_get_notes (step));
  bp_step_set_flags (copy, bp_step_get_flags (step));
  bp_step_set_color (copy, bp_step_get_color (step));
  bp_item_set_extras (BP_ITEM (copy), extras);
  return copy;
}

static BpFlow *
clone_flow (BpFlow     *flow,
            const char *id,
            const char *from_id,
            const char *to_id)
{
  BpFlow *copy = bp_flow_new (id, from_id, to_id);
  g_autoptr(JsonObject) extras = copy_extras (BP_ITEM (flow));

  bp_flow_set_label (copy, bp_flow_get_label (flow));
  bp_flow_set_kind (copy, bp_flow_get_kind (flow));
  bp_item_set_extras (BP_ITEM (copy), extras);
  return copy;
}

/* Copying */

/* The selected cards' ids, or NULL when there are none. */
static GHashTable *
selected_step_ids (BpSelection *selection)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  GHashTable *ids;

  if (steps->len == 0)
    return NULL;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < steps->len; i++)
    g_hash_table_add (ids, (gpointer) bp_item_get_id (g_ptr_array_index (steps, i)));
  return ids;
}

static void
copy_bands (BpDocument *fragment,
            BpDocument *document,
            GHashTable *lanes,
            GHashTable *stages)
{
  for (guint i = 0; i < bp_document_get_n_stages (document); i++)
    {
      BpStage *stage = bp_document_get_stage (document, i);
      g_autoptr(BpStage) copy = NULL;
      g_autoptr(JsonObject) extras = NULL;

      if (!g_hash_table_contains (stages, bp_item_get_id (BP_ITEM (stage))))
        continue;
      copy = bp_stage_new (bp_item_get_id (BP_ITEM (stage)));
      bp_stage_set_name (copy, bp_stage_get_name (stage));
      extras = json_object_new ();
      json_object_set_int_member (extras, "position", i);
      bp_item_set_extras (BP_ITEM (copy), extras);
      bp_document_insert (fragment, BP_ITEM (copy), -1);
    }

  for (guint i = 0; i < bp_document_get_n_lanes (document); i++)
    {
      BpLane *lane = bp_document_get_lane (document, i);
      g_autoptr(BpLane) copy = NULL;

      if (!g_hash_table_contains (lanes, bp_item_get_id (BP_ITEM (lane))))
        continue;
      copy = bp_lane_new (bp_item_get_id (BP_ITEM (lane)), bp_lane_get_kind (lane));
      bp_lane_set_name (copy, bp_lane_get_name (lane));
      bp_document_insert (fragment, BP_ITEM (copy), -1);
    }
}

/* A detached document holding the selected cards, the flows among them,
 * and their lanes and stages. */
static BpDocument *
make_fragment (BpDocument *document,
               GHashTable *ids)
{
  BpDocument *fragment = bp_document_new ();
  g_autoptr(GHashTable) lanes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stages = g_hash_table_new (g_str_hash, g_str_equal);

  bp_history_freeze (bp_document_get_history (fragment));
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);

      if (!g_hash_table_contains (ids, bp_item_get_id (BP_ITEM (step))))
        continue;
      g_hash_table_add (lanes, (gpointer) bp_step_get_lane (step));
      g_hash_table_add (stages, (gpointer) bp_step_get_stage (step));
    }
  copy_bands (fragment, document, lanes, stages);

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      g_autoptr(BpStep) copy = NULL;

      if (!g_hash_table_contains (ids, bp_item_get_id (BP_ITEM (step))))
        continue;
      copy = clone_step (step, bp_item_get_id (BP_ITEM (step)), bp_step_get_lane (step),
                         bp_step_get_stage (step), bp_step_get_x (step));
      bp_document_insert (fragment, BP_ITEM (copy), -1);
    }

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      g_autoptr(BpFlow) copy = NULL;

      if (!g_hash_table_contains (ids, bp_flow_get_from (flow)) ||
          !g_hash_table_contains (ids, bp_flow_get_to (flow)))
        continue;
      copy = clone_flow (flow, bp_item_get_id (BP_ITEM (flow)),
                         bp_flow_get_from (flow), bp_flow_get_to (flow));
      bp_document_insert (fragment, BP_ITEM (copy), -1);
    }
  return fragment;
}

static gboolean
check_counts (BpDocument  *fragment,
              GError     **error)
{
  if (bp_document_get_n_steps (fragment) == 0)
    {
      g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY,
                           _("There are no cards to paste."));
      return FALSE;
    }
  if (bp_document_get_n_steps (fragment) > BP_CLIPBOARD_MAX_CARDS ||
      bp_document_get_n_flows (fragment) > BP_CLIPBOARD_MAX_FLOWS)
    {
      g_set_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_LIMIT,
                   _("More than %d cards or %d flows cannot be copied at once."),
                   BP_CLIPBOARD_MAX_CARDS, BP_CLIPBOARD_MAX_FLOWS);
      return FALSE;
    }
  return TRUE;
}

char *
bp_clipboard_copy (BpDocument   *document,
                   BpSelection  *selection,
                   gsize        *length,
                   GError      **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(BpDocument) fragment = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  g_return_val_if_fail (is_selection_of (selection, document), NULL);

  ids = selected_step_ids (selection);
  if (ids == NULL)
    {
      g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY,
                           _("No card is selected."));
      return NULL;
    }

  fragment = make_fragment (document, ids);
  if (!check_counts (fragment, error))
    return NULL;

  text = bp_bpj_write (fragment, &text_length);
  if (text_length > BP_CLIPBOARD_MAX_BYTES)
    {
      g_set_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_LIMIT,
                   _("The selected cards are too large to copy (more than %d MiB)."),
                   BP_CLIPBOARD_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length != NULL)
    *length = text_length;
  return g_steal_pointer (&text);
}

char *
bp_clipboard_copy_text (BpDocument  *document,
                        BpSelection *selection)
{
  g_autoptr(GHashTable) ids = NULL;
  GString *out;

  g_return_val_if_fail (is_selection_of (selection, document), NULL);

  ids = selected_step_ids (selection);
  if (ids == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      gsize start = out->len;

      if (!g_hash_table_contains (ids, bp_item_get_id (BP_ITEM (step))))
        continue;
      g_string_append (out, bp_step_get_text (step));
      for (gsize j = start; j < out->len; j++)
        if (out->str[j] == '\n' || out->str[j] == '\r')
          out->str[j] = ' ';
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Reading */

BpDocument *
bp_clipboard_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(BpDocument) fragment = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data == NULL || length > BP_CLIPBOARD_MAX_BYTES)
    {
      g_set_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_LIMIT,
                   _("The cards on the clipboard are too large to paste (more than %d MiB)."),
                   BP_CLIPBOARD_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  fragment = bp_bpj_read (data, length, _("Clipboard"), &local_error);
  if (fragment == NULL)
    {
      g_set_error (error, BP_CLIPBOARD_ERROR,
                   g_error_matches (local_error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT)
                     ? BP_CLIPBOARD_ERROR_LIMIT : BP_CLIPBOARD_ERROR_INVALID,
                   _("The clipboard does not hold cards that can be pasted: %s"),
                   local_error->message);
      return NULL;
    }
  if (!check_counts (fragment, error))
    return NULL;
  return g_steal_pointer (&fragment);
}

/* Pasting */

/* The target's lane for a lane of the payload: by id, by zone, else the
 * nearest zone (above first). */
static int
map_lane (BpDocument *document,
          BpLane     *lane)
{
  BpItem *same = bp_document_lookup (document, bp_item_get_id (BP_ITEM (lane)));
  int kind = (int) bp_lane_get_kind (lane);

  if (BP_IS_LANE (same))
    return bp_document_get_position (document, same);

  for (int distance = 0; distance < BP_N_LANE_KINDS; distance++)
    {
      int kinds[2] = { kind - distance, kind + distance };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          guint first, last;

          if (kinds[k] < 0 || kinds[k] >= BP_N_LANE_KINDS)
            continue;
          bp_document_get_zone_range (document, (BpLaneKind) kinds[k], &first, &last);
          if (first < last)
            return (int) first;
        }
    }
  return 0;
}

/* The stage's index in the copied document, as the payload says; 0 when
 * it does not say it well. */
static int
source_position (BpStage *stage)
{
  JsonObject *extras = bp_item_get_extras (BP_ITEM (stage));
  JsonNode *node = extras != NULL ? json_object_get_member (extras, "position") : NULL;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return 0;
  value = json_node_get_double (node);
  if (!(value >= 0 && value <= BP_MAX_ITEMS))
    return 0;
  return (int) value;
}

static int
map_stage (BpDocument *document,
           BpStage    *stage)
{
  BpItem *same = bp_document_lookup (document, bp_item_get_id (BP_ITEM (stage)));
  int last = (int) bp_document_get_n_stages (document) - 1;

  if (BP_IS_STAGE (same))
    return bp_document_get_position (document, same);
  return MIN (source_position (stage), last);
}

/* Where one pasted card goes. */
typedef struct {
  int    lane;
  int    stage;
  double x;
} Place;

/* The first card: leftmost stage, then leftmost x, then topmost lane. */
static guint
anchor_of (GArray *places)
{
  guint best = 0;

  for (guint i = 1; i < places->len; i++)
    {
      Place *p = &g_array_index (places, Place, i);
      Place *b = &g_array_index (places, Place, best);

      if (p->stage < b->stage ||
          (p->stage == b->stage && (p->x < b->x || (p->x == b->x && p->lane < b->lane))))
        best = i;
    }
  return best;
}

/* How far right of themselves pasted cards go: past all of them. */
static double
beside_offset (BpDocument *fragment)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  for (guint i = 0; i < bp_document_get_n_steps (fragment); i++)
    {
      BpStep *step = bp_document_get_step (fragment, i);

      left = MIN (left, bp_step_get_x (step));
      right = MAX (right, bp_step_get_x (step) + bp_step_get_width (step));
    }
  return right - left + PASTE_GAP;
}

static gboolean
has_any_step (BpDocument *document,
              BpDocument *fragment)
{
  for (guint i = 0; i < bp_document_get_n_steps (fragment); i++)
    if (BP_IS_STEP (bp_document_lookup (document,
                                        bp_item_get_id (BP_ITEM (bp_document_get_step (fragment, i))))))
      return TRUE;
  return FALSE;
}

/* Each card's lane and stage position in @document and its x. */
static GArray *
place_cards (BpDocument         *document,
             BpDocument         *fragment,
             const BpPastePoint *point,
             gboolean            beside)
{
  guint n = bp_document_get_n_steps (fragment);
  GArray *places = g_array_sized_new (FALSE, FALSE, sizeof (Place), n);
  int n_lanes = (int) bp_document_get_n_lanes (document);
  int n_stages = (int) bp_document_get_n_stages (document);
  int dl = 0, ds = 0;
  double dx = 0;

  for (guint i = 0; i < n; i++)
    {
      BpStep *step = bp_document_get_step (fragment, i);
      Place place = {
        map_lane (document, BP_LANE (bp_document_lookup (fragment, bp_step_get_lane (step)))),
        map_stage (document, BP_STAGE (bp_document_lookup (fragment, bp_step_get_stage (step)))),
        bp_step_get_x (step),
      };
      g_array_append_val (places, place);
    }

  if (point != NULL)
    {
      Place *anchor = &g_array_index (places, Place, anchor_of (places));
      BpItem *lane = bp_document_lookup (document, point->lane_id);
      BpItem *stage = bp_document_lookup (document, point->stage_id);

      dl = bp_document_get_position (document, lane) - anchor->lane;
      ds = bp_document_get_position (document, stage) - anchor->stage;
      dx = point->x - anchor->x;
    }
  else if (beside)
    dx = beside_offset (fragment);

  for (guint i = 0; i < n; i++)
    {
      Place *place = &g_array_index (places, Place, i);

      place->lane = CLAMP (place->lane + dl, 0, n_lanes - 1);
      place->stage = CLAMP (place->stage + ds, 0, n_stages - 1);
      place->x = CLAMP (place->x + dx, 0, BP_STEP_MAX_X);
    }
  return places;
}

static gboolean
is_point_of (BpDocument         *document,
             const BpPastePoint *point)
{
  return point == NULL ||
         (point->lane_id != NULL && point->stage_id != NULL &&
          BP_IS_LANE (bp_document_lookup (document, point->lane_id)) &&
          BP_IS_STAGE (bp_document_lookup (document, point->stage_id)));
}

/* Inserts the fragment's cards and flows with new ids; FALSE when the
 * document refused one. */
static gboolean
insert_cards (BpDocument  *document,
              BpDocument  *fragment,
              GArray      *places,
              GPtrArray   *added)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < bp_document_get_n_steps (fragment); i++)
    {
      BpStep *step = bp_document_get_step (fragment, i);
      Place *place = &g_array_index (places, Place, i);
      g_autofree char *id = bp_document_make_id (document, "step");
      g_autoptr(BpStep) copy = NULL;

      copy = clone_step (step, id,
                         bp_item_get_id (BP_ITEM (bp_document_get_lane (document, place->lane))),
                         bp_item_get_id (BP_ITEM (bp_document_get_stage (document, place->stage))),
                         place->x);
      if (!bp_document_insert (document, BP_ITEM (copy), -1))
        return FALSE;
      g_ptr_array_add (added, copy);
      g_hash_table_insert (new_ids, (gpointer) bp_item_get_id (BP_ITEM (step)), g_steal_pointer (&id));
    }

  for (guint i = 0; i < bp_document_get_n_flows (fragment); i++)
    {
      BpFlow *flow = bp_document_get_flow (fragment, i);
      g_autofree char *id = bp_document_make_id (document, "flow");
      g_autoptr(BpFlow) copy = NULL;
      const char *from = g_hash_table_lookup (new_ids, bp_flow_get_from (flow));
      const char *to = g_hash_table_lookup (new_ids, bp_flow_get_to (flow));

      if (from == NULL || to == NULL)
        return FALSE;
      copy = clone_flow (flow, id, from, to);
      if (!bp_document_insert (document, BP_ITEM (copy), -1))
        return FALSE;
    }
  return TRUE;
}

/* A blueprint read from a file has lanes and stages; one being built may
 * not have them yet. */
static gboolean
has_bands (BpDocument  *document,
           GError     **error)
{
  if (bp_document_get_n_lanes (document) > 0 && bp_document_get_n_stages (document) > 0)
    return TRUE;
  g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID,
                       _("Cards need a lane and a stage to be pasted into."));
  return FALSE;
}

static gboolean
paste_fragment (BpDocument         *document,
                BpSelection        *selection,
                BpDocument         *fragment,
                const BpPastePoint *point,
                const char         *label,
                GError            **error)
{
  BpHistory *history = bp_document_get_history (document);
  g_autoptr(GArray) places = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  if (!has_bands (document, error))
    return FALSE;

  places = place_cards (document, fragment, point, point == NULL && has_any_step (document, fragment));

  bp_history_begin (history, label);
  if (!insert_cards (document, fragment, places, added))
    {
      bp_history_rollback (history);
      g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID,
                           _("The cards could not be pasted into this blueprint."));
      return FALSE;
    }
  bp_history_end (history);

  bp_selection_clear (selection);
  bp_selection_add_items (selection, added);
  return TRUE;
}

gboolean
bp_edit_paste (BpDocument          *document,
               BpSelection         *selection,
               const char          *data,
               gsize                length,
               const BpPastePoint  *point,
               GError             **error)
{
  g_autoptr(BpDocument) fragment = NULL;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);
  g_return_val_if_fail (is_point_of (document, point), FALSE);

  fragment = bp_clipboard_parse (data, length, error);
  if (fragment == NULL)
    return FALSE;
  return paste_fragment (document, selection, fragment, point, _("Paste Cards"), error);
}

gboolean
bp_edit_duplicate_selection (BpDocument  *document,
                             BpSelection *selection)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(BpDocument) fragment = NULL;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);

  ids = selected_step_ids (selection);
  if (ids == NULL)
    return FALSE;
  fragment = make_fragment (document, ids);
  if (!check_counts (fragment, NULL))
    return FALSE;
  return paste_fragment (document, selection, fragment, NULL, _("Duplicate Cards"), NULL);
}

gboolean
bp_edit_cut_selection (BpDocument  *document,
                       BpSelection *selection)
{
  BpHistory *history = bp_document_get_history (document);
  g_autoptr(GPtrArray) items = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);

  items = bp_selection_get_items (selection, BP_TYPE_ITEM);
  bp_history_begin (history, _("Cut Cards"));
  for (guint i = 0; i < items->len; i++)
    {
      BpItem *item = g_ptr_array_index (items, i);

      /* A flow may have gone with a card removed before it. */
      if (!(BP_IS_STEP (item) || BP_IS_FLOW (item)) ||
          bp_item_get_document (item) != document)
        continue;
      bp_document_remove (document, item);
      changed = TRUE;
    }
  bp_history_end (history);
  return changed;
}

/* Plain text */

/* Where cards made from text start: the point, else right of the first
 * selected card, else the start of the first customer lane. */
static void
text_start (BpDocument         *document,
            BpSelection        *selection,
            const BpPastePoint *point,
            BpPastePoint       *start)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  guint first, last;

  if (point != NULL)
    {
      *start = *point;
      return;
    }
  if (steps->len > 0)
    {
      BpStep *step = g_ptr_array_index (steps, 0);

      start->lane_id = bp_step_get_lane (step);
      start->stage_id = bp_step_get_stage (step);
      start->x = bp_step_get_x (step) + bp_step_get_width (step) + PASTE_GAP;
      return;
    }
  bp_document_get_zone_range (document, BP_LANE_KIND_CUSTOMER, &first, &last);
  if (first >= bp_document_get_n_lanes (document))
    first = 0;
  start->lane_id = bp_item_get_id (BP_ITEM (bp_document_get_lane (document, first)));
  start->stage_id = bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 0)));
  start->x = TEXT_START_X;
}

/* The non-empty lines of @text, trimmed; NULL when there are none or too
 * many, or when a line is too long. */
static GPtrArray *
text_lines (const char  *text,
            GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL || strlen (text) > BP_CLIPBOARD_MAX_BYTES || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID,
                           _("The clipboard does not hold text that can be pasted."));
      return NULL;
    }

  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (strlen (line) > BP_MAX_STRING_BYTES || result->len >= BP_CLIPBOARD_MAX_LINES)
        {
          g_set_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_LIMIT,
                       _("Only up to %d lines of text can be pasted as cards."),
                       BP_CLIPBOARD_MAX_LINES);
          return NULL;
        }
      g_ptr_array_add (result, g_strdup (line));
    }
  if (result->len == 0)
    {
      g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY,
                           _("There is no text to paste."));
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
bp_edit_paste_text (BpDocument          *document,
                    BpSelection         *selection,
                    const char          *text,
                    const BpPastePoint  *point,
                    GError             **error)
{
  BpHistory *history = bp_document_get_history (document);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  BpPastePoint start;
  g_autofree char *lane_id = NULL;
  g_autofree char *stage_id = NULL;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);
  g_return_val_if_fail (is_point_of (document, point), FALSE);

  if (!has_bands (document, error))
    return FALSE;
  lines = text_lines (text, error);
  if (lines == NULL)
    return FALSE;

  text_start (document, selection, point, &start);
  /* The selection, which may hold start's ids, changes below. */
  lane_id = g_strdup (start.lane_id);
  stage_id = g_strdup (start.stage_id);

  bp_history_begin (history, _("Paste Cards"));
  for (guint i = 0; i < lines->len; i++)
    {
      double x = MIN (start.x + i * (BP_STEP_DEFAULT_WIDTH + PASTE_GAP), BP_STEP_MAX_X);
      BpStep *step = bp_document_add_step (document, lane_id, stage_id, x,
                                           g_ptr_array_index (lines, i));

      if (step == NULL)
        {
          bp_history_rollback (history);
          g_set_error_literal (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID,
                               _("The text could not be pasted into this blueprint."));
          return FALSE;
        }
      g_ptr_array_add (added, step);
    }
  bp_history_end (history);

  bp_selection_clear (selection);
  bp_selection_add_items (selection, added);
  return TRUE;
}
