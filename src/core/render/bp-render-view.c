/* bp-render-view.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

/* What a view draws over a render of its viewport: the frozen header
 * column and row, and the legend in its box. Apart from bp-render.c,
 * which they call. */

/* The shadow a frozen header casts on the sheet, in device pixels. */
#define EDGE_SHADOW  6.0

/* Where the stage header row starts, in canvas units. */
static double
header_row_top (BpLayout *layout)
{
  BpRect title;

  bp_layout_get_title_rect (layout, &title);
  return title.y + title.height;
}

void
bp_render_get_frozen_offsets (BpLayout     *layout,
                              const BpRect *viewport,
                              double       *dx,
                              double       *dy)
{
  double top;

  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (viewport != NULL);

  top = header_row_top (layout);
  if (dx != NULL)
    *dx = MAX (0, viewport->x);
  if (dy != NULL)
    *dy = MAX (0, viewport->y - top);
}

/* A soft edge along the frozen part, so that it reads as lying over the
 * sheet that scrolls under it. @x, @y: where the edge starts; one of
 * @horizontal's directions. */
static void
draw_edge_shadow (BpRender *r,
                  double    x,
                  double    y,
                  double    length,
                  gboolean  horizontal)
{
  double reach = EDGE_SHADOW / r->scale;
  double alpha = r->options->dark ? 0.45 : 0.16;
  cairo_pattern_t *shade;

  if (horizontal)
    shade = cairo_pattern_create_linear (x, y, x, y + reach);
  else
    shade = cairo_pattern_create_linear (x, y, x + reach, y);
  cairo_pattern_add_color_stop_rgba (shade, 0, 0, 0, 0, alpha);
  cairo_pattern_add_color_stop_rgba (shade, 1, 0, 0, 0, 0);
  cairo_set_source (r->cr, shade);
  if (horizontal)
    cairo_rectangle (r->cr, x, y, length, reach);
  else
    cairo_rectangle (r->cr, x, y, reach, length);
  cairo_fill (r->cr);
  cairo_pattern_destroy (shade);

  /* And a hairline, where the frozen part ends. */
  bp_render_set_rgb (r->cr, &r->pal->separator);
  cairo_set_line_width (r->cr, 1 / r->scale);
  cairo_move_to (r->cr, x, y);
  if (horizontal)
    cairo_line_to (r->cr, x + length, y);
  else
    cairo_line_to (r->cr, x, y + length);
  cairo_stroke (r->cr);
}

/* Draws the part of the sheet inside @part (canvas units) moved by
 * (@dx, @dy), with @draw_part. */
static void
draw_moved_part (BpRender      *r,
                 const BpRect  *part,
                 double         dx,
                 double         dy,
                 void         (*draw_part) (BpRender *r))
{
  BpRect saved = r->visible;

  cairo_save (r->cr);
  cairo_translate (r->cr, dx, dy);
  cairo_rectangle (r->cr, part->x, part->y, part->width, part->height);
  cairo_clip (r->cr);
  r->visible = *part;
  bp_render_find_visible_bands (r);
  draw_part (r);
  r->visible = saved;
  cairo_restore (r->cr);
}

static void
draw_lane_column (BpRender *r)
{
  bp_render_draw_lane_headers (r);
  bp_render_draw_grid (r);
  bp_render_draw_lines (r);
}

static void
draw_stage_row (BpRender *r)
{
  bp_render_draw_stage_headers (r);
  bp_render_draw_grid (r);
}

void
bp_render_frozen_headers (cairo_t               *cr,
                          BpLayout              *layout,
                          const BpRenderOptions *options)
{
  double header_width, header_height, top, dx, dy;
  BpRender r;
  BpRect part;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->zoom > 0);

  if (options->viewport.width <= 0 || options->viewport.height <= 0)
    return;

  bp_render_get_frozen_offsets (layout, &options->viewport, &dx, &dy);
  if (dx <= 0 && dy <= 0)
    return;

  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);
  bp_render_context_init (&r, cr, layout, options);
  cairo_translate (cr, -r.visible.x, -r.visible.y);
  cairo_rectangle (cr, r.visible.x, r.visible.y, r.visible.width, r.visible.height);
  cairo_clip (cr);
  bp_render_init_text (&r);

  header_width = bp_layout_get_header_width (layout);
  header_height = bp_layout_get_header_height (layout);
  top = header_row_top (layout);

  if (dx > 0)
    {
      /* The lanes below the frozen row, if there is one. */
      part.x = 0;
      part.y = MAX (r.visible.y, top + header_height);
      part.width = header_width;
      part.height = MIN (r.visible.y + r.visible.height, r.bounds.y + r.bounds.height) - part.y;
      if (part.height > 0)
        {
          draw_moved_part (&r, &part, dx, 0, draw_lane_column);
          draw_edge_shadow (&r, dx + header_width, part.y, part.height, FALSE);
        }
    }

  if (dy > 0)
    {
      part.x = MAX (r.visible.x, header_width);
      part.y = top;
      part.width = MIN (r.visible.x + r.visible.width, r.bounds.x + r.bounds.width) - part.x;
      part.height = header_height;
      draw_moved_part (&r, &part, 0, dy, draw_stage_row);

      /* The corner over both. */
      part.x = 0;
      part.width = header_width;
      draw_moved_part (&r, &part, dx, dy, draw_stage_row);
      {
        double x0 = MAX (r.visible.x, r.bounds.x);
        double x1 = MIN (r.visible.x + r.visible.width, r.bounds.x + r.bounds.width);

        if (x1 > x0)
          draw_edge_shadow (&r, x0, dy + top + header_height, x1 - x0, TRUE);
      }
    }
  else
    {
      /* The stage row in place, with the lane column's corner over it. */
      part.x = 0;
      part.y = top;
      part.width = header_width;
      part.height = header_height;
      draw_moved_part (&r, &part, dx, 0, draw_stage_row);
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The legend, boxed                                                   */

void
bp_render_get_legend_size (BpLayout *layout,
                           double   *width,
                           double   *height)
{
  BpRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRender r;

  g_return_if_fail (BP_IS_LAYOUT (layout));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  bp_render_options_init (&options);
  bp_render_context_init (&r, cr, layout, &options);
  bp_render_init_text (&r);
  bp_render_legend_size (&r, TRUE, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
bp_render_legend (cairo_t               *cr,
                  BpLayout              *layout,
                  const BpRenderOptions *options,
                  double                 x,
                  double                 y)
{
  BpRender r;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->zoom > 0);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, options->zoom, options->zoom);
  bp_render_context_init (&r, cr, layout, options);
  bp_render_init_text (&r);
  bp_render_draw_legend (&r, TRUE, 0, 0);
  cairo_restore (cr);
}
