/* bp-canvas-overlay.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <math.h>

#include "bp-canvas-private.h"
#include "render/bp-render-overlay.h"

/* What the canvas draws over the sheet while a gesture goes on, described
 * for the core's bp_render_overlay(); and the sheet kept as a render node
 * while only that overlay changes, so that a frame of a card drag draws
 * the ghost and guides, not five thousand cards. */

/* The arrays an overlay borrows. */
typedef struct {
  GArray *landings;   /* BpRect */
  GArray *guides;     /* double */
  GArray *ghosts;     /* BpRenderGhost */
  GArray *handles;    /* BpRect */
} OverlayParts;

static void
parts_init (OverlayParts *parts)
{
  parts->landings = g_array_new (FALSE, FALSE, sizeof (BpRect));
  parts->guides = g_array_new (FALSE, FALSE, sizeof (double));
  parts->ghosts = g_array_new (FALSE, FALSE, sizeof (BpRenderGhost));
  parts->handles = g_array_new (FALSE, FALSE, sizeof (BpRect));
}

static void
parts_clear (OverlayParts *parts)
{
  g_array_unref (parts->landings);
  g_array_unref (parts->guides);
  g_array_unref (parts->ghosts);
  g_array_unref (parts->handles);
}

static gboolean
step_rect (BpCanvas *self,
           BpItem   *item,
           BpRect   *rect)
{
  return item != NULL && BP_IS_STEP (item) &&
         bp_layout_get_item_rect (self->layout, item, rect);
}

/* Each moving card: where it lands, its guide, and its ghost following
 * the pointer. */
static void
add_moving_cards (BpCanvas     *self,
                  OverlayParts *parts)
{
  double dx = self->pointer_x - self->press_x;
  double dy = self->pointer_y - self->press_y;

  for (guint i = 0; i < self->moving->len; i++)
    {
      BpMovingCard *card = &g_array_index (self->moving, BpMovingCard, i);
      BpRenderGhost ghost = { card->step, card->origin };

      g_array_append_val (parts->landings, card->landing.card);
      if (card->landing.has_guide)
        g_array_append_val (parts->guides, card->landing.guide_x);
      ghost.rect.x += dx;
      ghost.rect.y += dy;
      g_array_append_val (parts->ghosts, ghost);
    }
}

static void
add_flow (BpCanvas        *self,
          BpRenderOverlay *overlay)
{
  BpRect card;

  if (!step_rect (self, self->drag_item, &card))
    return;

  overlay->has_flow = TRUE;
  bp_render_flow_handle_centre (&card, &overlay->flow_from);
  overlay->flow_to.x = self->pointer_x;
  overlay->flow_to.y = self->pointer_y;
}

static void
add_reorder_target (BpCanvas        *self,
                    BpRenderOverlay *overlay)
{
  int target = bp_canvas_reorder_target (self);

  if (target < 0)
    return;

  overlay->has_target = BP_IS_LANE (self->drag_item)
                        ? bp_layout_get_lane_rect (self->layout, target, &overlay->target)
                        : bp_layout_get_stage_rect (self->layout, target, &overlay->target);
}

static void
add_hover_handle (BpCanvas     *self,
                  OverlayParts *parts)
{
  BpRect card;

  if (self->hover_id != NULL &&
      step_rect (self, bp_document_lookup (self->document, self->hover_id), &card))
    g_array_append_val (parts->handles, card);
}

static void
describe_overlay (BpCanvas        *self,
                  OverlayParts    *parts,
                  BpRenderOverlay *overlay)
{
  bp_render_overlay_init (overlay);
  overlay->zoom = bp_view_state_get_zoom (self->view);
  overlay->dark = self->dark;
  overlay->layout = self->layout;
  overlay->comparison = self->comparison;
  overlay->compare_layout = self->compare_layout;

  switch (self->drag_mode)
    {
    case BP_DRAG_MOVE:
      add_moving_cards (self, parts);
      break;

    case BP_DRAG_RUBBER_BAND:
      overlay->has_rubber_band = TRUE;
      overlay->rubber_band = self->rubber_band;
      break;

    case BP_DRAG_FLOW:
      add_flow (self, overlay);
      break;

    case BP_DRAG_REORDER:
      add_reorder_target (self, overlay);
      break;

    /* No feedback of their own: the hovered card keeps its handle. */
    case BP_DRAG_LANE_EDGE:
    case BP_DRAG_STAGE_EDGE:
    case BP_DRAG_CARD_EDGE:
    case BP_DRAG_PAN:
    case BP_DRAG_PENDING:
    case BP_DRAG_NONE:
      add_hover_handle (self, parts);
      break;
    }

  if (self->drop_active)
    g_array_append_val (parts->landings, self->drop_landing.card);

  overlay->landings = (const BpRect *) parts->landings->data;
  overlay->n_landings = parts->landings->len;
  overlay->guides = (const double *) parts->guides->data;
  overlay->n_guides = parts->guides->len;
  overlay->ghosts = (const BpRenderGhost *) parts->ghosts->data;
  overlay->n_ghosts = parts->ghosts->len;
  overlay->handles = (const BpRect *) parts->handles->data;
  overlay->n_handles = parts->handles->len;
}

void
bp_canvas_set_comparison (BpCanvas     *self,
                          BpComparison *comparison,
                          BpLayout     *old_layout)
{
  g_return_if_fail (BP_IS_CANVAS (self));

  g_set_object (&self->comparison, comparison);
  g_set_object (&self->compare_layout, old_layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Over what bp_canvas_draw_sheet() drew on @cr, in widget pixels. */
void
bp_canvas_draw_overlays (BpCanvas *self,
                         cairo_t  *cr)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpRenderOverlay overlay;
  OverlayParts parts;

  if (self->layout == NULL || self->document == NULL)
    return;

  parts_init (&parts);
  describe_overlay (self, &parts, &overlay);

  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -bp_view_state_get_x (self->view), -bp_view_state_get_y (self->view));
  bp_render_overlay (cr, &overlay);
  cairo_restore (cr);

  parts_clear (&parts);
}

/* The sheet cache */

/* Gestures that leave the sheet as it is and change only the overlay. */
static gboolean
only_overlay_changes (BpCanvas *self)
{
  if (self->layout == NULL)
    return FALSE;

  switch (self->drag_mode)
    {
    case BP_DRAG_MOVE:
    case BP_DRAG_RUBBER_BAND:
    case BP_DRAG_FLOW:
    case BP_DRAG_REORDER:
      return TRUE;

    /* These change the sheet itself, or nothing yet; a card from the
     * palette may be over the canvas meanwhile. */
    case BP_DRAG_LANE_EDGE:
    case BP_DRAG_STAGE_EDGE:
    case BP_DRAG_CARD_EDGE:
    case BP_DRAG_PAN:
    case BP_DRAG_PENDING:
    case BP_DRAG_NONE:
      break;
    }

  return self->drop_active;
}

void
bp_canvas_drop_sheet_cache (BpCanvas *self)
{
  g_clear_pointer (&self->sheet_cache.node, gsk_render_node_unref);
  g_clear_pointer (&self->sheet_cache.hover_id, g_free);
}

/* The view the sheet would be drawn for now. */
static BpSheetCache
current_view (BpCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  return (BpSheetCache) {
    .zoom = bp_view_state_get_zoom (self->view),
    .x = bp_view_state_get_x (self->view),
    .y = bp_view_state_get_y (self->view),
    .width = gtk_widget_get_width (widget),
    .height = gtk_widget_get_height (widget),
    .scale = gtk_widget_get_scale_factor (widget),
    .dark = self->dark,
    .hover_id = self->hover_id,
  };
}

static gboolean
same_view (const BpSheetCache *a,
           const BpSheetCache *b)
{
  return a->zoom == b->zoom && a->x == b->x && a->y == b->y &&
         a->width == b->width && a->height == b->height &&
         a->scale == b->scale && a->dark == b->dark &&
         g_strcmp0 (a->hover_id, b->hover_id) == 0;
}

/* The sheet drawn as the drawing area would draw it, into pixels at the
 * monitor's scale, in a node that only paints them: the cairo renderer
 * replays it as one copy, and since the same node comes back each frame,
 * GTK finds nothing changed under the overlay. (The GL renderer still
 * composes the whole window each frame; under software GL that, not the
 * drawing, is most of a frame.) */
static GskRenderNode *
draw_sheet_node (BpCanvas           *self,
                 const BpSheetCache *view)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, view->width, view->height);
  cairo_surface_t *surface;
  GskRenderNode *node;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        view->width * view->scale, view->height * view->scale);
  cairo_surface_set_device_scale (surface, view->scale, view->scale);
  cr = cairo_create (surface);
  bp_canvas_draw_sheet (self, cr, view->width, view->height);
  cairo_destroy (cr);

  node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return node;
}

static GskRenderNode *
ensure_sheet_node (BpCanvas *self)
{
  BpSheetCache view = current_view (self);

  if (self->sheet_cache.node != NULL && same_view (&self->sheet_cache, &view))
    return self->sheet_cache.node;

  bp_canvas_drop_sheet_cache (self);
  view.node = draw_sheet_node (self, &view);
  view.hover_id = g_strdup (view.hover_id);
  self->sheet_cache = view;
  return view.node;
}

/* The overlay in a node no larger than what it covers: a renderer that
 * uploads each frame's cairo drawing then uploads a card, not the view. */
static void
append_overlay (BpCanvas    *self,
                GtkSnapshot *snapshot)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, width, height;

  bp_canvas_draw_overlays (self, cr);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  if (width > 0 && height > 0)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (x), floor (y),
                                                   ceil (x + width) - floor (x),
                                                   ceil (y + height) - floor (y));

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

/* While a gesture changes only the overlay, the sheet comes from the
 * cache and only the overlay is drawn afresh; otherwise the drawing
 * area draws everything (draw_cb in bp-canvas.c). */
void
bp_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BpCanvas *self = BP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkWidgetClass *area_class = g_type_class_peek (GTK_TYPE_DRAWING_AREA);

  bp_canvas_ensure_layout (self);
  if (!only_overlay_changes (self) || width <= 0 || height <= 0)
    {
      bp_canvas_drop_sheet_cache (self);
      area_class->snapshot (widget, snapshot);
      return;
    }

  gtk_snapshot_append_node (snapshot, ensure_sheet_node (self));
  append_overlay (self, snapshot);
}
