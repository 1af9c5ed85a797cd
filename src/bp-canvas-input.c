/* bp-canvas-input.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bp-canvas-private.h"
#include "bp-text-focus.h"
#include "edit/bp-edit-commands.h"
#include "edit/bp-navigate.h"
#include "history/bp-history.h"
#include "render/bp-render-overlay.h"

/* The pointer, the gestures and the keys of the canvas: selecting,
 * moving cards (drawn as ghosts until the drop, then one undo step),
 * rubber bands, drawing flows, resizing lanes and stages, panning and
 * zooming, and cards dropped from the palette. What they show while they
 * go on is drawn by bp-canvas-overlay.c. */

#define NUDGE_STEP 8.0
#define NUDGE_STEP_LARGE 40.0

static GdkModifierType
current_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller);
}

static BpHistory *
history (BpCanvas *self)
{
  return bp_document_get_history (self->document);
}

static gboolean
step_rect (BpCanvas *self,
           BpItem   *item,
           BpRect   *rect)
{
  return item != NULL && BP_IS_STEP (item) &&
         bp_layout_get_item_rect (self->layout, item, rect);
}

/* The small circle on a card's right edge that starts a flow, where
 * bp_render_overlay() draws it, with a little room around. */
static gboolean
is_on_flow_handle (BpCanvas     *self,
                   const BpRect *card,
                   double        cx,
                   double        cy)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpPoint handle;

  bp_render_flow_handle_centre (card, &handle);
  return hypot (cx - handle.x, cy - handle.y) * zoom <= BP_RENDER_FLOW_HANDLE_RADIUS + 3;
}

/* A lane's bottom edge in the header column, or a stage's right edge in
 * the header row, within a few pixels. */
static BpDragMode
edge_at (BpCanvas *self,
         double    cx,
         double    cy,
         BpItem  **item)
{
  double grab = BP_CANVAS_EDGE_GRAB / bp_view_state_get_zoom (self->view);
  BpRect rect;

  for (guint i = 0; bp_layout_get_lane_header_rect (self->layout, i, &rect); i++)
    if (cx >= rect.x && cx <= rect.x + rect.width &&
        fabs (cy - (rect.y + rect.height)) <= grab)
      {
        *item = BP_ITEM (bp_document_get_lane (self->document, i));
        return BP_DRAG_LANE_EDGE;
      }

  for (guint i = 0; bp_layout_get_stage_header_rect (self->layout, i, &rect); i++)
    if (cy >= rect.y && cy <= rect.y + rect.height &&
        fabs (cx - (rect.x + rect.width)) <= grab)
      {
        *item = BP_ITEM (bp_document_get_stage (self->document, i));
        return BP_DRAG_STAGE_EDGE;
      }

  return BP_DRAG_NONE;
}

/* Near a card's right edge, but not on its flow handle: dragging there
 * changes the card's width. */
static gboolean
is_on_card_edge (BpCanvas     *self,
                 const BpRect *card,
                 double        cx,
                 double        cy)
{
  double grab = BP_CANVAS_EDGE_GRAB / bp_view_state_get_zoom (self->view);

  return cy >= card->y && cy <= card->y + card->height &&
         fabs (cx - (card->x + card->width)) <= grab &&
         !is_on_flow_handle (self, card, cx, cy);
}

/* The card whose right edge is at a canvas point, or NULL. */
static BpItem *
card_edge_at (BpCanvas *self,
              double    cx,
              double    cy)
{
  double grab = BP_CANVAS_EDGE_GRAB / bp_view_state_get_zoom (self->view);
  BpRect near = { cx - grab, cy, 2 * grab, 1 };
  g_autoptr(GArray) steps = bp_layout_steps_in_rect (self->layout, &near);
  BpItem *found = NULL;

  /* The last drawn is on top. */
  for (guint i = 0; i < steps->len; i++)
    {
      BpStep *step = bp_document_get_step (self->document, g_array_index (steps, guint, i));
      BpRect card;

      if (step_rect (self, BP_ITEM (step), &card) && is_on_card_edge (self, &card, cx, cy))
        found = BP_ITEM (step);
    }

  return found;
}

static void
press_on_step (BpCanvas        *self,
               BpItem          *step,
               GdkModifierType  state)
{
  BpRect card;

  step_rect (self, step, &card);
  self->drag_item = step;

  if (is_on_flow_handle (self, &card, self->press_x, self->press_y))
    {
      self->pending_mode = BP_DRAG_FLOW;
      return;
    }

  if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    {
      /* A card taken out of the selection is not dragged. */
      if (bp_selection_contains (self->selection, step))
        {
          bp_selection_remove (self->selection, step);
          return;
        }
      bp_selection_add (self->selection, step);
    }
  else if (!bp_selection_contains (self->selection, step))
    {
      bp_selection_set (self->selection, step);
    }

  self->pending_mode = BP_DRAG_MOVE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               BpCanvas       *self)
{
  GdkModifierType state = current_state (GTK_EVENT_CONTROLLER (gesture));
  BpHit hit;

  if (self->document == NULL)
    return;

  /* The canvas takes the keys, unless they already go to it or to its
   * card editor: the second press of a double-click reaches this after
   * the click gesture has opened the editor and focused its field. */
  if (!(gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, start_x, start_y, &self->press_x, &self->press_y);
  self->pointer_x = self->press_x;
  self->pointer_y = self->press_y;
  self->drag_mode = BP_DRAG_PENDING;
  self->pending_mode = BP_DRAG_NONE;
  self->drag_item = NULL;
  self->key_flow = FALSE;

  if (self->space_held)
    {
      self->pending_mode = BP_DRAG_PAN;
      self->pan_origin_x = gtk_adjustment_get_value (self->hadjustment);
      self->pan_origin_y = gtk_adjustment_get_value (self->vadjustment);
      return;
    }

  self->pending_mode = edge_at (self, self->press_x, self->press_y, &self->drag_item);
  if (self->pending_mode != BP_DRAG_NONE)
    return;

  self->drag_item = card_edge_at (self, self->press_x, self->press_y);
  if (self->drag_item != NULL)
    {
      if (!bp_selection_contains (self->selection, self->drag_item))
        bp_selection_set (self->selection, self->drag_item);
      self->pending_mode = BP_DRAG_CARD_EDGE;
      return;
    }

  bp_canvas_hit_test (self, self->press_x, self->press_y, &hit);
  switch (hit.kind)
    {
    case BP_HIT_STEP:
      press_on_step (self, hit.item, state);
      break;

    case BP_HIT_FLOW:
      if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
        bp_selection_add (self->selection, hit.item);
      else
        bp_selection_set (self->selection, hit.item);
      break;

    case BP_HIT_LANE_HEADER:
    case BP_HIT_STAGE_HEADER:
      bp_selection_set (self->selection, hit.item);
      self->drag_item = hit.item;
      self->pending_mode = BP_DRAG_REORDER;
      break;

    case BP_HIT_NONE:
    case BP_HIT_TITLE:
    case BP_HIT_LINE:
    case BP_HIT_CELL:
    default:
      if (!(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        bp_selection_clear (self->selection);
      self->pending_mode = BP_DRAG_RUBBER_BAND;
      break;
    }
}

static void
collect_moving_cards (BpCanvas *self)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (self->selection, BP_TYPE_STEP);

  g_array_set_size (self->moving, 0);
  for (guint i = 0; i < steps->len; i++)
    {
      BpItem *item = g_ptr_array_index (steps, i);
      BpMovingCard card = { 0 };

      if (!step_rect (self, item, &card.origin))
        continue;
      card.step = BP_STEP (item);
      g_array_append_val (self->moving, card);
    }
}

static void
start_drag (BpCanvas *self)
{
  self->drag_mode = self->pending_mode;

  switch (self->drag_mode)
    {
    case BP_DRAG_MOVE:
      collect_moving_cards (self);
      break;

    case BP_DRAG_LANE_EDGE:
      {
        BpRect band;

        /* The band may already be taller than the lane's minimum height
         * (stacked cards): grow from what is drawn. */
        bp_history_begin (history (self), _("Resize Lane"));
        bp_layout_get_item_rect (self->layout, self->drag_item, &band);
        self->edge_origin = MAX (bp_lane_get_height (BP_LANE (self->drag_item)), band.height);
      }
      break;

    case BP_DRAG_CARD_EDGE:
      bp_history_begin (history (self), _("Resize Card"));
      self->edge_origin = bp_step_get_width (BP_STEP (self->drag_item));
      break;

    case BP_DRAG_STAGE_EDGE:
      {
        BpRect column;

        /* Likewise, a column may be wider than its stage's width. */
        bp_history_begin (history (self), _("Resize Stage"));
        bp_layout_get_item_rect (self->layout, self->drag_item, &column);
        self->edge_origin = MAX (bp_stage_get_width (BP_STAGE (self->drag_item)), column.width);
      }
      break;

    /* These follow the pointer alone. */
    case BP_DRAG_FLOW:
    case BP_DRAG_REORDER:
    case BP_DRAG_RUBBER_BAND:
    case BP_DRAG_PAN:
    case BP_DRAG_PENDING:
    case BP_DRAG_NONE:
      break;
    }
}

static void
update_moving_cards (BpCanvas *self)
{
  double dx = self->pointer_x - self->press_x;
  double dy = self->pointer_y - self->press_y;
  BpSnapOptions options;

  bp_canvas_snap_options (self, &options);
  for (guint i = 0; i < self->moving->len; i++)
    {
      BpMovingCard *card = &g_array_index (self->moving, BpMovingCard, i);

      bp_snap_card (self->layout, card->step, card->origin.width,
                    card->origin.x + dx, card->origin.y + dy,
                    &options, &card->landing);
    }
}

static void
update_edge (BpCanvas *self)
{
  if (self->drag_mode == BP_DRAG_LANE_EDGE)
    bp_lane_set_height (BP_LANE (self->drag_item),
                        self->edge_origin + self->pointer_y - self->press_y);
  else if (self->drag_mode == BP_DRAG_CARD_EDGE)
    /* Whole units, as cards are placed; the model keeps it in range. */
    bp_step_set_width (BP_STEP (self->drag_item),
                       round (self->edge_origin + self->pointer_x - self->press_x));
  else
    bp_stage_set_width (BP_STAGE (self->drag_item),
                        self->edge_origin + self->pointer_x - self->press_x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                BpCanvas       *self)
{
  double zoom = bp_view_state_get_zoom (self->view);

  if (self->drag_mode == BP_DRAG_NONE || self->document == NULL)
    return;

  self->free_move = (current_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_ALT_MASK) != 0;

  if (self->drag_mode == BP_DRAG_PENDING)
    {
      if (hypot (offset_x, offset_y) < BP_CANVAS_DRAG_THRESHOLD)
        return;
      start_drag (self);
    }

  if (self->drag_mode == BP_DRAG_PAN)
    {
      gtk_adjustment_set_value (self->hadjustment, self->pan_origin_x - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->pan_origin_y - offset_y);
      return;
    }

  bp_canvas_ensure_layout (self);
  self->pointer_x = self->press_x + offset_x / zoom;
  self->pointer_y = self->press_y + offset_y / zoom;

  switch (self->drag_mode)
    {
    case BP_DRAG_MOVE:
      update_moving_cards (self);
      break;

    case BP_DRAG_RUBBER_BAND:
      bp_snap_rubber_band (self->press_x, self->press_y,
                           self->pointer_x, self->pointer_y, &self->rubber_band);
      break;

    case BP_DRAG_LANE_EDGE:
    case BP_DRAG_STAGE_EDGE:
    case BP_DRAG_CARD_EDGE:
      update_edge (self);
      break;

    /* These read the pointer when drawn or dropped. */
    case BP_DRAG_FLOW:
    case BP_DRAG_REORDER:
    case BP_DRAG_PAN:
    case BP_DRAG_PENDING:
    case BP_DRAG_NONE:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
card_moved (BpMovingCard *card)
{
  return g_strcmp0 (bp_step_get_lane (card->step), bp_item_get_id (BP_ITEM (card->landing.lane))) != 0 ||
         g_strcmp0 (bp_step_get_stage (card->step), bp_item_get_id (BP_ITEM (card->landing.stage))) != 0 ||
         bp_step_get_x (card->step) != card->landing.x;
}

static void
finish_move (BpCanvas *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->moving->len; i++)
    any |= card_moved (&g_array_index (self->moving, BpMovingCard, i));
  if (!any)
    return;

  bp_history_begin (history (self), self->moving->len > 1 ? _("Move Cards") : _("Move Card"));
  for (guint i = 0; i < self->moving->len; i++)
    {
      BpMovingCard *card = &g_array_index (self->moving, BpMovingCard, i);

      bp_document_move_step (self->document, card->step,
                             bp_item_get_id (BP_ITEM (card->landing.lane)),
                             bp_item_get_id (BP_ITEM (card->landing.stage)),
                             card->landing.x);
    }
  bp_history_end (history (self));
}

static void
finish_rubber_band (BpCanvas *self)
{
  g_autoptr(GArray) hits = bp_layout_steps_in_rect (self->layout, &self->rubber_band);
  g_autoptr(GPtrArray) steps = g_ptr_array_sized_new (hits->len);

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (steps, bp_document_get_step (self->document, g_array_index (hits, guint, i)));
  bp_selection_add_items (self->selection, steps);
}

static void
finish_flow (BpCanvas *self)
{
  BpHit hit;
  BpFlow *flow;

  bp_canvas_hit_test (self, self->pointer_x, self->pointer_y, &hit);
  if (hit.kind != BP_HIT_STEP || hit.item == self->drag_item)
    return;

  flow = bp_document_add_flow (self->document,
                               bp_item_get_id (self->drag_item),
                               bp_item_get_id (hit.item));
  if (flow != NULL)
    bp_selection_set (self->selection, BP_ITEM (flow));
}

/* Where a lane or stage dragged by its header would go: the band or
 * column under the pointer (a lane stays in its zone: the document
 * clamps it). */
int
bp_canvas_reorder_target (BpCanvas *self)
{
  if (BP_IS_LANE (self->drag_item))
    return bp_layout_lane_at_y (self->layout, self->pointer_y);
  return bp_layout_stage_at_x (self->layout, self->pointer_x);
}

static void
finish_reorder (BpCanvas *self)
{
  int target = bp_canvas_reorder_target (self);

  if (target >= 0 && bp_item_get_document (self->drag_item) == self->document)
    bp_document_reorder (self->document, self->drag_item, target);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             BpCanvas       *self)
{
  BpDragMode mode = self->drag_mode;

  self->drag_mode = BP_DRAG_NONE;
  if (self->document == NULL)
    return;

  switch (mode)
    {
    case BP_DRAG_MOVE:
      finish_move (self);
      break;

    case BP_DRAG_RUBBER_BAND:
      finish_rubber_band (self);
      break;

    case BP_DRAG_FLOW:
      finish_flow (self);
      break;

    case BP_DRAG_REORDER:
      finish_reorder (self);
      break;

    case BP_DRAG_LANE_EDGE:
    case BP_DRAG_STAGE_EDGE:
    case BP_DRAG_CARD_EDGE:
      bp_history_end (history (self));
      break;

    /* Nothing to finish. */
    case BP_DRAG_PAN:
    case BP_DRAG_PENDING:
    case BP_DRAG_NONE:
      break;
    }

  g_array_set_size (self->moving, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
bp_canvas_cancel_drag (BpCanvas *self)
{
  BpDragMode mode = self->drag_mode;

  if (mode == BP_DRAG_NONE)
    return FALSE;

  self->drag_mode = BP_DRAG_NONE;
  self->key_flow = FALSE;
  if ((mode == BP_DRAG_LANE_EDGE || mode == BP_DRAG_STAGE_EDGE || mode == BP_DRAG_CARD_EDGE) &&
      self->document != NULL)
    bp_history_rollback (history (self));

  g_array_set_size (self->moving, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BpCanvas        *self)
{
  double cx, cy;
  BpHit hit;

  if (n_press != 2 || self->document == NULL)
    return;

  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  bp_canvas_hit_test (self, cx, cy, &hit);
  switch (hit.kind)
    {
    case BP_HIT_STEP:
    case BP_HIT_LANE_HEADER:
    case BP_HIT_STAGE_HEADER:
      bp_canvas_edit_item (self, hit.item);
      break;

    case BP_HIT_NONE:
    case BP_HIT_TITLE:
    case BP_HIT_LINE:
    case BP_HIT_CELL:
    case BP_HIT_FLOW:
    default:
      break;
    }
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              BpCanvas       *self)
{
  self->pan_origin_x = gtk_adjustment_get_value (self->hadjustment);
  self->pan_origin_y = gtk_adjustment_get_value (self->vadjustment);
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               BpCanvas       *self)
{
  gtk_adjustment_set_value (self->hadjustment, self->pan_origin_x - offset_x);
  gtk_adjustment_set_value (self->vadjustment, self->pan_origin_y - offset_y);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           BpCanvas                 *self)
{
  double zoom = bp_view_state_get_zoom (self->view);

  if (!(current_state (GTK_EVENT_CONTROLLER (controller)) & GDK_CONTROL_MASK))
    return FALSE;

  /* Wheels send whole steps, touchpads small deltas: both scale smoothly. */
  bp_canvas_zoom_at (self, zoom * pow (1.1, -dy), self->last_x, self->last_y);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                BpCanvas         *self)
{
  self->pinch_zoom = bp_view_state_get_zoom (self->view);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        BpCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  bp_canvas_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BpCanvas                 *self)
{
  double cx, cy;
  BpHit hit;

  self->last_x = x;
  self->last_y = y;
  if (self->document == NULL || self->drag_mode != BP_DRAG_NONE)
    return;

  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  bp_canvas_hit_test (self, cx, cy, &hit);
  bp_canvas_set_hover (self, (hit.kind == BP_HIT_STEP || hit.kind == BP_HIT_FLOW)
                             ? bp_item_get_id (hit.item) : NULL);

  {
    BpItem *edge_item;
    BpDragMode edge = edge_at (self, cx, cy, &edge_item);

    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     edge == BP_DRAG_LANE_EDGE ? "row-resize" :
                                     edge == BP_DRAG_STAGE_EDGE ? "col-resize" :
                                     card_edge_at (self, cx, cy) != NULL ? "ew-resize" :
                                     self->space_held ? "grab" : NULL);
  }
}

static void
on_leave (GtkEventControllerMotion *controller,
          BpCanvas                 *self)
{
  bp_canvas_set_hover (self, NULL);
}

/* The one card, lane or stage selected, which Enter edits in place. */
static BpItem *
single_editable_item (BpCanvas *self)
{
  BpItem *item = bp_selection_get_item (self->selection, 0);

  if (bp_selection_get_count (self->selection) == 1 &&
      (BP_IS_STEP (item) || BP_IS_LANE (item) || BP_IS_STAGE (item)))
    return item;
  return NULL;
}

/* The card the keys act from: the first selected card. */
static BpStep *
focused_step (BpCanvas *self)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (self->selection, BP_TYPE_STEP);

  return steps->len > 0 ? g_ptr_array_index (steps, 0) : NULL;
}

static BpStep *
flow_target (BpCanvas *self)
{
  BpItem *item;

  if (self->flow_target_id == NULL)
    return NULL;
  item = bp_document_lookup (self->document, self->flow_target_id);
  return BP_IS_STEP (item) ? BP_STEP (item) : NULL;
}

/* Points the flow being drawn with the keys at @target. */
static void
set_flow_target (BpCanvas *self,
                 BpStep   *target)
{
  BpRect card;

  if (target == NULL || !step_rect (self, BP_ITEM (target), &card))
    return;

  g_free (self->flow_target_id);
  self->flow_target_id = g_strdup (bp_item_get_id (BP_ITEM (target)));
  self->pointer_x = card.x + card.width / 2;
  self->pointer_y = card.y + card.height / 2;
  bp_canvas_set_hover (self, self->flow_target_id);
  bp_canvas_reveal (self, BP_ITEM (target));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The card the keys go to from @from, @from never itself in a flow. */
static BpStep *
step_after (BpCanvas  *self,
            BpStep    *from,
            guint      keyval,
            gboolean   tab_back)
{
  BpStep *next = NULL;

  /* From nowhere, every key starts at the first card. */
  if (from == NULL)
    return bp_navigate_next (self->document, NULL, tab_back ? -1 : 1);

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      next = bp_navigate_next (self->document, from, tab_back ? -1 : 1);
      if (self->key_flow && next == BP_STEP (self->drag_item))
        next = bp_navigate_next (self->document, next, tab_back ? -1 : 1);
      break;
    case GDK_KEY_Left:
      next = bp_navigate_neighbour (self->document, from, BP_NAVIGATE_LEFT);
      break;
    case GDK_KEY_Right:
      next = bp_navigate_neighbour (self->document, from, BP_NAVIGATE_RIGHT);
      break;
    case GDK_KEY_Up:
      next = bp_navigate_neighbour (self->document, from, BP_NAVIGATE_UP);
      break;
    case GDK_KEY_Down:
      next = bp_navigate_neighbour (self->document, from, BP_NAVIGATE_DOWN);
      break;
    default:
      break;
    }
  if (self->key_flow && next == BP_STEP (self->drag_item))
    return NULL;
  return next;
}

/* Ctrl+arrows: to the card beside the selected card or stage, or to a
 * stage (where 1 to 5 add cards) when there is none that way. */
static gboolean
move_to_neighbour (BpCanvas *self,
                   guint     keyval)
{
  g_autoptr(GPtrArray) stages = bp_selection_get_items (self->selection, BP_TYPE_STAGE);
  BpItem *from = BP_ITEM (focused_step (self));
  BpNavigateDirection direction;
  BpItem *next;

  if (from == NULL && stages->len > 0)
    from = g_ptr_array_index (stages, 0);

  switch (keyval)
    {
    case GDK_KEY_Left:  direction = BP_NAVIGATE_LEFT; break;
    case GDK_KEY_Right: direction = BP_NAVIGATE_RIGHT; break;
    case GDK_KEY_Up:    direction = BP_NAVIGATE_UP; break;
    case GDK_KEY_Down:  direction = BP_NAVIGATE_DOWN; break;
    default:            return FALSE;
    }

  next = bp_navigate_move (self->document, from, direction);
  if (next != NULL)
    {
      bp_selection_set (self->selection, next);
      bp_canvas_reveal (self, next);
    }
  return TRUE;
}

/* Tab, Shift+Tab, Ctrl+arrows: to another card, or, while a flow is
 * drawn with the keys, its end to another card. */
static gboolean
move_focus (BpCanvas *self,
            guint     keyval,
            gboolean  tab_back)
{
  BpStep *from = focused_step (self);

  if (!self->key_flow && keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab &&
      keyval != GDK_KEY_ISO_Left_Tab)
    return move_to_neighbour (self, keyval);

  /* A flow's end starts at its start, and moves from where it is. */
  if (self->key_flow)
    from = flow_target (self) != NULL ? flow_target (self) : BP_STEP (self->drag_item);
  BpStep *next = step_after (self, from, keyval, tab_back);

  if (next == NULL)
    return TRUE;  /* at an edge: stay */

  if (self->key_flow)
    {
      set_flow_target (self, next);
      return TRUE;
    }
  bp_selection_set (self->selection, BP_ITEM (next));
  bp_canvas_reveal (self, BP_ITEM (next));
  return TRUE;
}

/* F: a flow from the selected card; its end moves with the same keys as
 * the selection, Enter draws it, Escape drops it. */
static gboolean
begin_key_flow (BpCanvas *self)
{
  BpStep *from = focused_step (self);
  BpRect card;

  if (from == NULL || self->drag_mode != BP_DRAG_NONE ||
      !step_rect (self, BP_ITEM (from), &card))
    return FALSE;

  /* No end yet: the arrow is drawn once one is chosen. */
  self->drag_mode = BP_DRAG_FLOW;
  self->drag_item = BP_ITEM (from);
  self->key_flow = TRUE;
  g_clear_pointer (&self->flow_target_id, g_free);
  self->pointer_x = card.x + card.width;
  self->pointer_y = card.y + card.height / 2;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
finish_key_flow (BpCanvas *self)
{
  BpStep *target = flow_target (self);
  BpFlow *flow = NULL;

  if (target != NULL && bp_item_get_document (self->drag_item) == self->document)
    flow = bp_document_add_flow (self->document,
                                 bp_item_get_id (self->drag_item),
                                 bp_item_get_id (BP_ITEM (target)));
  bp_canvas_cancel_drag (self);
  bp_canvas_set_hover (self, NULL);
  if (flow != NULL)
    bp_selection_set (self->selection, BP_ITEM (flow));
}

/* 1 to 5: a card of the zone of that number (evidence to support), next
 * to the selection, with its text to type at once. */
static gboolean
add_card_of_zone (BpCanvas *self,
                  guint     keyval)
{
  static const guint keys[][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 }, { GDK_KEY_3, GDK_KEY_KP_3 },
    { GDK_KEY_4, GDK_KEY_KP_4 }, { GDK_KEY_5, GDK_KEY_KP_5 },
  };
  BpStep *step;

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == BP_N_LANE_KINDS);
  for (guint kind = 0; kind < BP_N_LANE_KINDS; kind++)
    if (keyval == keys[kind][0] || keyval == keys[kind][1])
      {
        step = bp_edit_add_card (self->document, self->selection, (BpLaneKind) kind);
        if (step != NULL)
          bp_canvas_edit_step (self, step);
        return TRUE;
      }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BpCanvas              *self)
{
  double nudge = (state & GDK_SHIFT_MASK) ? NUDGE_STEP_LARGE : NUDGE_STEP;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean plain = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0;
  BpItem *item;

  /* The card editor's entry is inside the canvas: its keys edit text. */
  if (self->document == NULL || bp_text_focus_is_in_text (GTK_WIDGET (self)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      bp_canvas_set_hover (self, NULL);
      if (bp_canvas_cancel_drag (self))
        return TRUE;
      if (bp_selection_get_count (self->selection) > 0)
        {
          bp_selection_clear (self->selection);
          return TRUE;
        }
      /* Nothing to cancel here: the window's Escape (leaving a
       * comparison) has its turn. */
      return FALSE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->key_flow)
        return TRUE;
      /* The window's Delete asks before a lane or a stage goes. */
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.delete", NULL))
        bp_edit_delete_selection (self->document, self->selection);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Ctrl+Tab leaves the canvas, as GTK's own widgets do. */
      if (ctrl || (self->drag_mode != BP_DRAG_NONE && !self->key_flow))
        return FALSE;
      return move_focus (self, keyval,
                         keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK));

    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (self->drag_mode != BP_DRAG_NONE && !self->key_flow)
        return FALSE;
      if (ctrl || self->key_flow)
        return move_focus (self, keyval, FALSE);
      bp_edit_nudge_selection (self->document, self->selection,
                               keyval == GDK_KEY_Left ? -nudge : nudge);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (self->drag_mode != BP_DRAG_NONE && !self->key_flow)
        return FALSE;
      if (ctrl || self->key_flow)
        return move_focus (self, keyval, FALSE);
      if (!(state & GDK_ALT_MASK))
        return FALSE;
      bp_edit_move_selection_lane (self->document, self->selection,
                                   keyval == GDK_KEY_Up ? -1 : 1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->key_flow)
        {
          finish_key_flow (self);
          return TRUE;
        }
      item = single_editable_item (self);
      if (item == NULL)
        return FALSE;
      bp_canvas_edit_item (self, item);
      return TRUE;

    case GDK_KEY_f:
    case GDK_KEY_F:
      if (!plain)
        return FALSE;
      return begin_key_flow (self);

    case GDK_KEY_space:
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;

    default:
      if (plain && self->drag_mode == BP_DRAG_NONE)
        return add_card_of_zone (self, keyval);
      return FALSE;
    }
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 BpCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

/* Cards from the palette: the value is the zone's name ("backstage");
 * the card lands in the lane under the pointer, as snapping says. */
static gboolean
drop_landing (BpCanvas     *self,
              double        x,
              double        y,
              BpSnapResult *landing)
{
  BpSnapOptions options;
  double cx, cy;

  if (self->document == NULL)
    return FALSE;

  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  bp_canvas_snap_options (self, &options);
  return bp_snap_card (self->layout, NULL, BP_STEP_DEFAULT_WIDTH,
                       cx - BP_STEP_DEFAULT_WIDTH / 2, cy - BP_LAYOUT_CARD_HEIGHT / 2,
                       &options, landing);
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                BpCanvas      *self)
{
  self->drop_active = drop_landing (self, x, y, &self->drop_landing);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->drop_active ? GDK_ACTION_COPY : 0;
}

static void
on_drop_leave (GtkDropTarget *target,
               BpCanvas      *self)
{
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BpCanvas      *self)
{
  BpSnapResult landing;
  BpStep *step;

  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!G_VALUE_HOLDS_STRING (value) || !drop_landing (self, x, y, &landing))
    return FALSE;

  step = bp_document_add_step (self->document,
                               bp_item_get_id (BP_ITEM (landing.lane)),
                               bp_item_get_id (BP_ITEM (landing.stage)),
                               landing.x,
                               new_card_text (bp_lane_get_kind (landing.lane)));
  if (step == NULL)
    return FALSE;

  bp_selection_set (self->selection, BP_ITEM (step));
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
bp_canvas_init_input (BpCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;
  GtkDropTarget *drop;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (widget, controller);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}
