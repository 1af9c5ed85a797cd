/* bp-edit-commands.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "edit/bp-edit-commands.h"
#include "history/bp-history.h"
#include "layout/bp-snap.h"

G_DEFINE_QUARK (bp-edit-error-quark, bp_edit_error)

static BpHistory *
history (BpDocument *document)
{
  return bp_document_get_history (document);
}

static gboolean
is_selection_of (BpSelection *selection,
                 BpDocument  *document)
{
  return BP_IS_SELECTION (selection) && BP_IS_DOCUMENT (document) &&
         bp_selection_get_document (selection) == document;
}

/* Lanes and stages are removed from the menu, where the user is told
 * what goes with them. */
static gboolean
is_deletable (BpDocument *document,
              BpItem     *item)
{
  return (BP_IS_STEP (item) || BP_IS_FLOW (item)) &&
         bp_item_get_document (item) == document;
}

gboolean
bp_edit_delete_selection (BpDocument  *document,
                          BpSelection *selection)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);

  items = bp_selection_get_items (selection, BP_TYPE_ITEM);
  if (items->len == 0)
    return FALSE;

  /* One item keeps its own label, "Remove Card". */
  if (items->len > 1)
    bp_history_begin (history (document), _("Remove Selection"));
  for (guint i = 0; i < items->len; i++)
    {
      BpItem *item = g_ptr_array_index (items, i);

      /* A flow may have gone with a card removed before it. */
      if (!is_deletable (document, item))
        continue;
      bp_document_remove (document, item);
      changed = TRUE;
    }
  if (items->len > 1)
    bp_history_end (history (document));
  return changed;
}

gboolean
bp_edit_nudge_selection (BpDocument  *document,
                         BpSelection *selection,
                         double       dx)
{
  g_autoptr(GPtrArray) steps = NULL;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);

  steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  if (steps->len == 0 || dx == 0)
    return FALSE;

  bp_history_begin (history (document), _("Move Card"));
  for (guint i = 0; i < steps->len; i++)
    {
      BpStep *step = g_ptr_array_index (steps, i);
      bp_step_set_x (step, bp_step_get_x (step) + dx);
    }
  bp_history_end (history (document));
  return TRUE;
}

gboolean
bp_edit_move_selection_lane (BpDocument  *document,
                             BpSelection *selection,
                             int          direction)
{
  g_autoptr(GPtrArray) steps = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (is_selection_of (selection, document), FALSE);

  steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  if (steps->len == 0)
    return FALSE;

  bp_history_begin (history (document), _("Move Card"));
  for (guint i = 0; i < steps->len; i++)
    {
      BpStep *step = g_ptr_array_index (steps, i);
      BpLane *lane = BP_LANE (bp_document_lookup (document, bp_step_get_lane (step)));
      BpLane *next = bp_snap_neighbour_lane (document, lane, direction);

      if (next == NULL)
        continue;
      bp_step_set_lane (step, bp_item_get_id (BP_ITEM (next)));
      changed = TRUE;
    }
  bp_history_end (history (document));
  return changed;
}

BpStage *
bp_edit_add_stage (BpDocument  *document,
                   BpSelection *selection)
{
  g_autoptr(GPtrArray) stages = NULL;
  BpStage *stage;
  int position = -1;

  g_return_val_if_fail (is_selection_of (selection, document), NULL);

  stages = bp_selection_get_items (selection, BP_TYPE_STAGE);
  if (stages->len > 0)
    position = bp_document_get_position (document, g_ptr_array_index (stages, 0)) + 1;

  stage = bp_document_add_stage (document, _("New stage"), position);
  if (stage != NULL)
    bp_selection_set (selection, BP_ITEM (stage));
  return stage;
}

/* The lane of the first selected card, else the first selected lane. */
static BpLane *
selected_lane (BpDocument  *document,
               BpSelection *selection)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  g_autoptr(GPtrArray) lanes = NULL;

  if (steps->len > 0)
    return BP_LANE (bp_document_lookup (document, bp_step_get_lane (g_ptr_array_index (steps, 0))));

  lanes = bp_selection_get_items (selection, BP_TYPE_LANE);
  return lanes->len > 0 ? g_ptr_array_index (lanes, 0) : NULL;
}

BpLane *
bp_edit_add_lane (BpDocument  *document,
                  BpSelection *selection)
{
  g_autoptr(GPtrArray) lanes = NULL;
  g_autoptr(BpLane) lane = NULL;
  g_autofree char *id = NULL;
  BpLane *near;
  guint position;

  g_return_val_if_fail (is_selection_of (selection, document), NULL);

  near = selected_lane (document, selection);
  id = bp_document_make_id (document, "lane");
  lane = bp_lane_new (id, near != NULL ? bp_lane_get_kind (near) : BP_LANE_KIND_BACKSTAGE);
  bp_lane_set_name (lane, _("New lane"));

  /* Below a selected lane; else last in its zone. */
  lanes = bp_selection_get_items (selection, BP_TYPE_LANE);
  if (lanes->len > 0)
    position = bp_document_get_position (document, g_ptr_array_index (lanes, 0)) + 1;
  else
    bp_document_get_zone_range (document, bp_lane_get_kind (lane), NULL, &position);

  if (!bp_document_insert (document, BP_ITEM (lane), position))
    return NULL;
  bp_selection_set (selection, BP_ITEM (lane));
  return lane;
}

/* The gap between cards side by side in a cell, and before the first. */
#define NEW_CARD_GAP 56.0
#define NEW_CARD_INSET 24.0

static BpStage *
selected_stage (BpDocument  *document,
                BpSelection *selection)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (selection, BP_TYPE_STEP);
  g_autoptr(GPtrArray) stages = NULL;

  if (steps->len > 0)
    return BP_STAGE (bp_document_lookup (document, bp_step_get_stage (g_ptr_array_index (steps, 0))));

  stages = bp_selection_get_items (selection, BP_TYPE_STAGE);
  if (stages->len > 0)
    return g_ptr_array_index (stages, 0);
  return bp_document_get_n_stages (document) > 0 ? bp_document_get_stage (document, 0) : NULL;
}

/* Right of the cards in the cell, or at its start. */
static double
free_x (BpDocument *document,
        BpLane     *lane,
        BpStage    *stage)
{
  const char *lane_id = bp_item_get_id (BP_ITEM (lane));
  const char *stage_id = bp_item_get_id (BP_ITEM (stage));
  double x = NEW_CARD_INSET;

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);

      if (g_strcmp0 (bp_step_get_lane (step), lane_id) == 0 &&
          g_strcmp0 (bp_step_get_stage (step), stage_id) == 0)
        x = MAX (x, bp_step_get_x (step) + bp_step_get_width (step) + NEW_CARD_GAP);
    }
  return x;
}

static const char *
new_card_text (BpLaneKind kind)
{
  switch (kind)
    {
    case BP_LANE_KIND_EVIDENCE:   return _("New evidence");
    case BP_LANE_KIND_CUSTOMER:   return _("New customer action");
    case BP_LANE_KIND_FRONTSTAGE: return _("New frontstage action");
    case BP_LANE_KIND_BACKSTAGE:  return _("New backstage action");
    case BP_LANE_KIND_SUPPORT:    return _("New support process");
    default:                      return "";
    }
}

BpStep *
bp_edit_add_card (BpDocument  *document,
                  BpSelection *selection,
                  BpLaneKind   kind)
{
  BpLane *lane = NULL;
  BpStage *stage;
  BpStep *step;
  guint first, last;

  g_return_val_if_fail (is_selection_of (selection, document), NULL);

  stage = selected_stage (document, selection);
  lane = selected_lane (document, selection);
  if (lane != NULL && bp_lane_get_kind (lane) != kind)
    lane = NULL;
  bp_document_get_zone_range (document, kind, &first, &last);
  if (lane == NULL && first < last)
    lane = bp_document_get_lane (document, first);
  if (lane == NULL || stage == NULL)
    return NULL;

  step = bp_document_add_step (document,
                               bp_item_get_id (BP_ITEM (lane)),
                               bp_item_get_id (BP_ITEM (stage)),
                               free_x (document, lane, stage),
                               new_card_text (kind));
  if (step != NULL)
    bp_selection_set (selection, BP_ITEM (step));
  return step;
}

static gboolean
is_band_of (BpDocument *document,
            BpItem     *band)
{
  return BP_IS_DOCUMENT (document) && (BP_IS_LANE (band) || BP_IS_STAGE (band)) &&
         bp_item_get_document (band) == document;
}

gboolean
bp_edit_can_remove_band (BpDocument  *document,
                         BpItem      *band,
                         GError     **error)
{
  guint n;

  g_return_val_if_fail (is_band_of (document, band), FALSE);

  n = BP_IS_LANE (band) ? bp_document_get_n_lanes (document)
                        : bp_document_get_n_stages (document);
  if (n > 1)
    return TRUE;

  g_set_error_literal (error, BP_EDIT_ERROR, BP_EDIT_ERROR_LAST_BAND,
                       _("A blueprint needs at least one lane and one stage."));
  return FALSE;
}

guint
bp_edit_count_band_cards (BpDocument *document,
                          BpItem     *band)
{
  g_autoptr(GPtrArray) dependents = NULL;
  guint n_steps = 0;

  g_return_val_if_fail (is_band_of (document, band), 0);

  dependents = bp_document_get_dependents (document, band);
  for (guint i = 0; i < dependents->len; i++)
    n_steps += BP_IS_STEP (g_ptr_array_index (dependents, i));
  return n_steps;
}

gboolean
bp_edit_remove_band (BpDocument  *document,
                     BpItem      *band,
                     GError     **error)
{
  g_return_val_if_fail (is_band_of (document, band), FALSE);

  if (!bp_edit_can_remove_band (document, band, error))
    return FALSE;

  /* The document names the step "Remove Lane" and takes the cards and
   * their flows with it. */
  bp_document_remove (document, band);
  return TRUE;
}
