/* bp-render-flow.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

#include <math.h>

/* Measures, in canvas units. */
#define FLOW_WIDTH       1.5
#define FLOW_RADIUS      8.0
#define ARROW_LENGTH     11.0
#define ARROW_HALF_WIDTH 5.5

static void
flow_color (BpRender     *r,
            const char   *id,
            const BpRgb **color,
            double       *alpha,
            double       *width)
{
  *color = &r->pal->flow;
  *alpha = 1;
  *width = FLOW_WIDTH;

  if (bp_render_is_selected (r, id))
    {
      *color = &r->pal->accent;
      *width = BP_RENDER_SELECT_WIDTH;
    }
  else if (bp_render_is_hovered (r, id))
    {
      *color = &r->pal->accent;
      *alpha = 0.7;
      *width = 2;
    }
}

static double
segment_length (const BpPoint *a,
                const BpPoint *b)
{
  return hypot (b->x - a->x, b->y - a->y);
}

/* The route with rounded corners, stopped where the arrowhead begins. */
static void
trace_route (cairo_t       *cr,
             const BpPoint *points,
             guint          n_points,
             const BpPoint *end)
{
  cairo_move_to (cr, points[0].x, points[0].y);

  for (guint i = 1; i + 1 < n_points; i++)
    {
      const BpPoint *prev = &points[i - 1], *corner = &points[i], *next = &points[i + 1];
      double in = segment_length (prev, corner);
      double out = segment_length (corner, next);
      double radius = MIN (FLOW_RADIUS, MIN (in, out) / 2);

      if (in == 0 || out == 0 || radius <= 0)
        {
          cairo_line_to (cr, corner->x, corner->y);
          continue;
        }

      cairo_line_to (cr,
                     corner->x - (corner->x - prev->x) / in * radius,
                     corner->y - (corner->y - prev->y) / in * radius);
      cairo_curve_to (cr, corner->x, corner->y, corner->x, corner->y,
                      corner->x + (next->x - corner->x) / out * radius,
                      corner->y + (next->y - corner->y) / out * radius);
    }

  cairo_line_to (cr, end->x, end->y);
}

/* A filled arrowhead with its tip at @tip, pointing along (@dx, @dy),
 * added to the path. */
static void
trace_arrowhead (cairo_t       *cr,
                 const BpPoint *tip,
                 double         dx,
                 double         dy)
{
  cairo_move_to (cr, tip->x, tip->y);
  cairo_line_to (cr,
                 tip->x - dx * ARROW_LENGTH - dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH + dx * ARROW_HALF_WIDTH);
  cairo_line_to (cr,
                 tip->x - dx * ARROW_LENGTH + dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH - dx * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
}

/* A flow's route, the arrowhead's tip, and its direction there. */
static const BpPoint *
get_route (BpRender *r,
           guint     position,
           guint    *n_points,
           double   *dx,
           double   *dy)
{
  const BpPoint *points = bp_layout_get_flow_path (r->layout, position, n_points);
  const BpPoint *tip, *before;
  double length;

  if (points == NULL || *n_points < 2)
    return NULL;

  tip = &points[*n_points - 1];
  before = &points[*n_points - 2];
  length = segment_length (before, tip);
  if (length == 0)
    return NULL;
  *dx = (tip->x - before->x) / length;
  *dy = (tip->y - before->y) / length;
  return points;
}

/* Adds the flow at @position to the path: its route when @route, else
 * its arrowhead. FALSE when it has no route to draw. */
static gboolean
trace_flow (BpRender *r,
            guint     position,
            gboolean  route)
{
  guint n_points = 0;
  double dx, dy;
  const BpPoint *points = get_route (r, position, &n_points, &dx, &dy);
  const BpPoint *tip;
  BpPoint base;

  if (points == NULL)
    return FALSE;

  tip = &points[n_points - 1];
  if (!route)
    {
      trace_arrowhead (r->cr, tip, dx, dy);
      return TRUE;
    }

  /* The stroke ends under the arrowhead, so its cap never shows. */
  base.x = tip->x - dx * ARROW_LENGTH * 0.8;
  base.y = tip->y - dy * ARROW_LENGTH * 0.8;
  trace_route (r->cr, points, n_points, &base);
  return TRUE;
}

static void
stroke_and_fill_flow (BpRender    *r,
                      guint        position,
                      const BpRgb *color,
                      double       alpha,
                      double       width)
{
  bp_render_set_rgba (r->cr, color, alpha);
  cairo_set_line_width (r->cr, width);
  if (trace_flow (r, position, TRUE))
    cairo_stroke (r->cr);
  if (trace_flow (r, position, FALSE))
    cairo_fill (r->cr);
}

static gboolean
is_plain (BpRender *r,
          guint     position)
{
  const char *id = bp_item_get_id (BP_ITEM (bp_document_get_flow (r->document, position)));

  return !bp_render_is_selected (r, id) && !bp_render_is_hovered (r, id);
}

/* The flows in their own colour first, all routes in one stroke and all
 * arrowheads in one fill (they are opaque: one over another looks the
 * same as both at once, and a PDF gets one operator for all), then the
 * selected and hovered ones over them. */
void
bp_render_draw_flows (BpRender *r,
                      GArray   *positions)
{
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (r->cr);

  for (guint i = 0; i < positions->len; i++)
    if (is_plain (r, g_array_index (positions, guint, i)))
      trace_flow (r, g_array_index (positions, guint, i), TRUE);
  bp_render_set_rgb (r->cr, &r->pal->flow);
  cairo_set_line_width (r->cr, FLOW_WIDTH);
  cairo_stroke (r->cr);

  for (guint i = 0; i < positions->len; i++)
    if (is_plain (r, g_array_index (positions, guint, i)))
      trace_flow (r, g_array_index (positions, guint, i), FALSE);
  cairo_fill (r->cr);

  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);
      const char *id = bp_item_get_id (BP_ITEM (bp_document_get_flow (r->document, position)));
      const BpRgb *color;
      double alpha, width;

      if (is_plain (r, position))
        continue;
      flow_color (r, id, &color, &alpha, &width);
      stroke_and_fill_flow (r, position, color, alpha, width);
    }
}

/* ------------------------------------------------------------------ */
/* Labels                                                              */

static gboolean
label_fits (BpRender     *r,
            const BpRect *pill)
{
  const BpRect *bounds = &r->options->label_bounds;

  if (bounds->width <= 0 || bounds->height <= 0)
    return TRUE;

  return pill->x >= bounds->x && pill->y >= bounds->y &&
         pill->x + pill->width <= bounds->x + bounds->width &&
         pill->y + pill->height <= bounds->y + bounds->height;
}

static void
draw_flow_label (BpRender *r,
                 guint     position)
{
  BpFlow *flow = bp_document_get_flow (r->document, position);
  const char *label = bp_flow_get_label (flow);
  const char *id = bp_item_get_id (BP_ITEM (flow));
  BpRect pill;

  /* The layout has measured the pill and chosen its place. */
  if (label == NULL || label[0] == '\0' ||
      !bp_layout_get_flow_label_rect (r->layout, position, &pill) ||
      !label_fits (r, &pill))
    return;

  bp_render_set_line_text (r, FONT_SMALL, label, BP_RENDER_LABEL_MAX_WIDTH);
  bp_render_rounded_rect (r->cr, &pill, pill.height / 2);
  bp_render_set_rgb (r->cr, &r->pal->sheet);
  cairo_fill_preserve (r->cr);
  bp_render_set_rgb (r->cr, bp_render_is_selected (r, id) ? &r->pal->accent : &r->pal->separator);
  cairo_set_line_width (r->cr, 1);
  cairo_stroke (r->cr);
  bp_render_show_text (r, pill.x + BP_LAYOUT_LABEL_PAD_X, pill.y + BP_LAYOUT_LABEL_PAD_Y,
                       &r->pal->text_dim, 1);
}

void
bp_render_draw_flow_labels (BpRender *r,
                            GArray   *positions)
{
  for (guint i = 0; i < positions->len; i++)
    draw_flow_label (r, g_array_index (positions, guint, i));
}
