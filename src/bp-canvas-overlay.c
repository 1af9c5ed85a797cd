/* bp-canvas-overlay.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-canvas-private.h"
#include "render/bp-render-overlay.h"

/* What the canvas draws over the sheet while a gesture goes on, described
 * for the core's bp_render_overlay(). */

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

    default:
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
