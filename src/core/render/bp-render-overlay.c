/* bp-render-overlay.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <math.h>

#include "render/bp-render-compare.h"
#include "render/bp-render-overlay.h"
#include "render/bp-render-private.h"

/* The canvas's gesture feedback over a render. Widths and dashes are
 * given in device pixels and divided by the zoom, so that they look the
 * same at every zoom. */

#define LANDING_DASH       5.0
#define ARROW_LENGTH       10.0   /* canvas units */
#define ARROW_HALF_ANGLE   0.4
#define GHOST_ALPHA        0.85
#define GUIDE_ALPHA        0.7
#define BAND_ALPHA         0.15   /* the rubber band's fill */
#define TARGET_ALPHA       0.12   /* a header drag's target's fill */

void
bp_render_overlay_init (BpRenderOverlay *overlay)
{
  *overlay = (BpRenderOverlay) { .zoom = 1.0 };
}

void
bp_render_flow_handle_centre (const BpRect *card,
                              BpPoint      *centre)
{
  centre->x = card->x + card->width;
  centre->y = card->y + card->height / 2;
}

static void
draw_landing (cairo_t               *cr,
              const BpRenderOverlay *o,
              const BpRgb           *accent,
              const BpRect          *card)
{
  double dash = LANDING_DASH / o->zoom;

  bp_render_set_rgb (cr, accent);
  cairo_set_line_width (cr, 2 / o->zoom);
  cairo_set_dash (cr, &dash, 1, 0);
  bp_render_rounded_rect (cr, card, BP_RENDER_CARD_RADIUS);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_guide (cairo_t               *cr,
            const BpRenderOverlay *o,
            const BpRgb           *accent,
            double                 x)
{
  BpRect bounds = { 0, 0, 0, 0 };

  if (o->layout != NULL)
    bp_layout_get_bounds (o->layout, &bounds);
  bp_render_set_rgba (cr, accent, GUIDE_ALPHA);
  cairo_set_line_width (cr, 1 / o->zoom);
  cairo_move_to (cr, x, bounds.y);
  cairo_line_to (cr, x, bounds.y + bounds.height);
  cairo_stroke (cr);
}

/* The render of the card's own rectangle, without selection or hover,
 * drawn again at the ghost's place. */
static void
draw_ghost (cairo_t               *cr,
            const BpRenderOverlay *o,
            const BpRenderGhost   *ghost)
{
  BpRenderOptions options;
  BpRect origin;

  if (o->layout == NULL || ghost->step == NULL ||
      !bp_layout_get_item_rect (o->layout, BP_ITEM (ghost->step), &origin))
    return;

  bp_render_options_init (&options);
  options.zoom = o->zoom;
  options.dark = o->dark;
  options.transparent = TRUE;
  options.viewport = origin;

  cairo_save (cr);
  bp_render_rounded_rect (cr, &ghost->rect, BP_RENDER_CARD_RADIUS);
  cairo_clip (cr);
  cairo_translate (cr, ghost->rect.x, ghost->rect.y);
  cairo_scale (cr, 1 / o->zoom, 1 / o->zoom);
  cairo_push_group (cr);
  bp_render (cr, o->layout, &options);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, GHOST_ALPHA);
  cairo_restore (cr);
}

/* A filled rectangle with an accent edge: the rubber band, a target. */
static void
draw_band (cairo_t      *cr,
           const BpRgb  *accent,
           const BpRect *rect,
           double        fill_alpha,
           double        line_width)
{
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  bp_render_set_rgba (cr, accent, fill_alpha);
  cairo_fill_preserve (cr);
  bp_render_set_rgb (cr, accent);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
draw_flow_arrow (cairo_t               *cr,
                 const BpRenderOverlay *o,
                 const BpRgb           *accent)
{
  const BpPoint *from = &o->flow_from, *to = &o->flow_to;
  double angle = atan2 (to->y - from->y, to->x - from->x);

  bp_render_set_rgb (cr, accent);
  cairo_set_line_width (cr, 2 / o->zoom);
  cairo_move_to (cr, from->x, from->y);
  cairo_line_to (cr, to->x, to->y);
  cairo_stroke (cr);

  cairo_move_to (cr, to->x, to->y);
  cairo_line_to (cr, to->x - ARROW_LENGTH * cos (angle - ARROW_HALF_ANGLE),
                 to->y - ARROW_LENGTH * sin (angle - ARROW_HALF_ANGLE));
  cairo_line_to (cr, to->x - ARROW_LENGTH * cos (angle + ARROW_HALF_ANGLE),
                 to->y - ARROW_LENGTH * sin (angle + ARROW_HALF_ANGLE));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_handle (cairo_t               *cr,
             const BpRenderOverlay *o,
             const BpRgb           *accent,
             const BpRect          *card)
{
  BpPoint centre;

  bp_render_flow_handle_centre (card, &centre);
  cairo_arc (cr, centre.x, centre.y, BP_RENDER_FLOW_HANDLE_RADIUS / o->zoom, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  bp_render_set_rgb (cr, accent);
  cairo_set_line_width (cr, 2 / o->zoom);
  cairo_stroke (cr);
}

void
bp_render_overlay (cairo_t               *cr,
                   const BpRenderOverlay *overlay)
{
  const BpRgb *accent;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (overlay != NULL && overlay->zoom > 0);

  accent = &bp_render_get_colors (overlay->dark)->accent;
  cairo_save (cr);

  if (overlay->comparison != NULL && overlay->layout != NULL && overlay->compare_layout != NULL)
    bp_render_compare (cr, overlay->layout, overlay->compare_layout, overlay->comparison,
                       overlay->zoom, overlay->dark);

  if (overlay->has_target)
    draw_band (cr, accent, &overlay->target, TARGET_ALPHA, 2 / overlay->zoom);
  if (overlay->has_rubber_band)
    draw_band (cr, accent, &overlay->rubber_band, BAND_ALPHA, 1 / overlay->zoom);
  for (guint i = 0; i < overlay->n_landings; i++)
    draw_landing (cr, overlay, accent, &overlay->landings[i]);
  for (guint i = 0; i < overlay->n_guides; i++)
    draw_guide (cr, overlay, accent, overlay->guides[i]);
  for (guint i = 0; i < overlay->n_ghosts; i++)
    draw_ghost (cr, overlay, &overlay->ghosts[i]);
  if (overlay->has_flow)
    draw_flow_arrow (cr, overlay, accent);
  for (guint i = 0; i < overlay->n_handles; i++)
    draw_handle (cr, overlay, accent, &overlay->handles[i]);

  cairo_restore (cr);
}
