/* bp-render-shapes.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

/* The shapes every part of the drawing uses, and the states of an item
 * (selected, hovered, visible) that decide how it is drawn. */

BpRect
bp_render_inset_rect (const BpRect *rect,
                      double        dx,
                      double        dy)
{
  BpRect r = { rect->x + dx, rect->y + dy, rect->width - 2 * dx, rect->height - 2 * dy };

  return r;
}

void
bp_render_rounded_rect (cairo_t      *cr,
                        const BpRect *rect,
                        double        radius)
{
  double r = MIN (radius, MIN (rect->width, rect->height) / 2);
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
bp_render_fill_rect (BpRender     *r,
                     const BpRect *rect,
                     const BpRgb  *color)
{
  bp_render_set_rgb (r->cr, color);
  cairo_rectangle (r->cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (r->cr);
}

gboolean
bp_render_is_selected (BpRender   *r,
                       const char *id)
{
  return r->options->selection != NULL &&
         g_hash_table_contains (r->options->selection, id);
}

gboolean
bp_render_is_hovered (BpRender   *r,
                      const char *id)
{
  return r->options->hover_id != NULL && g_strcmp0 (r->options->hover_id, id) == 0;
}

gboolean
bp_render_is_visible (BpRender     *r,
                      const BpRect *rect)
{
  return bp_rect_intersects (rect, &r->visible);
}
