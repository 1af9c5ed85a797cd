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

/* How each kind of flow is stroked, so that a printed blueprint tells
 * them apart in black and white too: sequence solid, recovery dashed,
 * rework dotted (zero-length dashes, drawn as dots by the round caps, a
 * little wider to be seen), information thinner with an open arrowhead. */
static const double recovery_dashes[] = { 6, 5 };
static const double rework_dashes[] = { 0, 4 };

void
bp_render_get_flow_style (BpFlowKind   kind,
                          BpFlowStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (BpFlowStyle) { .width = FLOW_WIDTH };
  switch (kind)
    {
    case BP_FLOW_KIND_RECOVERY:
      style->dashes = recovery_dashes;
      style->n_dashes = G_N_ELEMENTS (recovery_dashes);
      break;
    case BP_FLOW_KIND_REWORK:
      style->dashes = rework_dashes;
      style->n_dashes = G_N_ELEMENTS (rework_dashes);
      style->width = FLOW_WIDTH * 1.25;
      break;
    case BP_FLOW_KIND_INFORMATION:
      style->width = FLOW_WIDTH * 2 / 3;
      style->open_arrowhead = TRUE;
      break;
    case BP_FLOW_KIND_SEQUENCE:
    default:
      break;
    }
}

static BpFlowKind
flow_kind (BpRender *r,
           guint     position)
{
  return bp_flow_get_kind (bp_document_get_flow (r->document, position));
}

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

/* An arrowhead with its tip at @tip, pointing along (@dx, @dy), added to
 * the path: a closed triangle to fill, or when @open the two sides
 * alone, a chevron to stroke. */
static void
trace_arrowhead (cairo_t       *cr,
                 const BpPoint *tip,
                 double         dx,
                 double         dy,
                 gboolean       open)
{
  cairo_move_to (cr,
                 tip->x - dx * ARROW_LENGTH - dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH + dx * ARROW_HALF_WIDTH);
  cairo_line_to (cr, tip->x, tip->y);
  cairo_line_to (cr,
                 tip->x - dx * ARROW_LENGTH + dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH - dx * ARROW_HALF_WIDTH);
  if (!open)
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
  BpFlowStyle style;
  BpPoint base;
  double inset;

  if (points == NULL)
    return FALSE;

  tip = &points[n_points - 1];
  bp_render_get_flow_style (flow_kind (r, position), &style);
  if (!route)
    {
      trace_arrowhead (r->cr, tip, dx, dy, style.open_arrowhead);
      return TRUE;
    }

  /* The stroke ends under a filled arrowhead, so its cap never shows;
   * into an open one, up to the tip. */
  inset = style.open_arrowhead ? style.width : ARROW_LENGTH * 0.8;
  base.x = tip->x - dx * inset;
  base.y = tip->y - dy * inset;
  trace_route (r->cr, points, n_points, &base);
  return TRUE;
}

/* Sets @kind's dashes and @width, which the caller chose from the
 * style's (a selected flow is wider). */
static void
set_stroke (cairo_t    *cr,
            BpFlowKind  kind,
            double      width)
{
  BpFlowStyle style;

  bp_render_get_flow_style (kind, &style);
  cairo_set_dash (cr, style.dashes, style.n_dashes, 0);
  cairo_set_line_width (cr, width);
}

/* The arrowhead: filled, or an open one stroked solid. */
static void
finish_arrowhead (cairo_t    *cr,
                  BpFlowKind  kind,
                  double      width)
{
  BpFlowStyle style;

  bp_render_get_flow_style (kind, &style);
  if (!style.open_arrowhead)
    {
      cairo_fill (cr);
      return;
    }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
stroke_and_fill_flow (BpRender    *r,
                      guint        position,
                      const BpRgb *color,
                      double       alpha,
                      double       width)
{
  BpFlowKind kind = flow_kind (r, position);
  BpFlowStyle style;

  /* Thinner kinds stay thinner when selected or hovered. */
  bp_render_get_flow_style (kind, &style);
  width *= style.width / FLOW_WIDTH;
  bp_render_set_rgba (r->cr, color, alpha);
  set_stroke (r->cr, kind, width);
  if (trace_flow (r, position, TRUE))
    cairo_stroke (r->cr);
  if (trace_flow (r, position, FALSE))
    finish_arrowhead (r->cr, kind, width);
}

static gboolean
is_plain (BpRender *r,
          guint     position)
{
  const char *id = bp_item_get_id (BP_ITEM (bp_document_get_flow (r->document, position)));

  return !bp_render_is_selected (r, id) && !bp_render_is_hovered (r, id);
}

/* The plain flows of @kind: all routes in one stroke and all arrowheads
 * in one fill (they are opaque: one over another looks the same as both
 * at once, and a PDF gets one operator for all). */
static void
draw_plain_flows (BpRender   *r,
                  GArray     *positions,
                  BpFlowKind  kind)
{
  BpFlowStyle style;
  gboolean any = FALSE;

  bp_render_get_flow_style (kind, &style);
  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      if (flow_kind (r, position) == kind && is_plain (r, position))
        any |= trace_flow (r, position, TRUE);
    }
  if (!any)
    return;
  set_stroke (r->cr, kind, style.width);
  cairo_stroke (r->cr);

  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      if (flow_kind (r, position) == kind && is_plain (r, position))
        trace_flow (r, position, FALSE);
    }
  finish_arrowhead (r->cr, kind, style.width);
}

/* The flows in their own colour first, kind by kind, then the selected
 * and hovered ones over them. */
void
bp_render_draw_flows (BpRender *r,
                      GArray   *positions)
{
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (r->cr);
  bp_render_set_rgb (r->cr, &r->pal->flow);

  for (guint kind = 0; kind < BP_N_FLOW_KINDS; kind++)
    draw_plain_flows (r, positions, kind);

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
  cairo_set_dash (r->cr, NULL, 0, 0);
}

/* A short flow of @kind from (@x, @y) to the right, @length long, for
 * the legend. */
void
bp_render_draw_flow_sample (BpRender   *r,
                            BpFlowKind  kind,
                            double      x,
                            double      y,
                            double      length)
{
  BpPoint tip = { x + length, y };
  BpFlowStyle style;

  bp_render_get_flow_style (kind, &style);
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  bp_render_set_rgb (r->cr, &r->pal->flow);
  cairo_new_path (r->cr);
  cairo_move_to (r->cr, x, y);
  cairo_line_to (r->cr, tip.x - (style.open_arrowhead ? style.width : ARROW_LENGTH * 0.8), y);
  set_stroke (r->cr, kind, style.width);
  cairo_stroke (r->cr);
  trace_arrowhead (r->cr, &tip, 1, 0, style.open_arrowhead);
  finish_arrowhead (r->cr, kind, style.width);
  cairo_set_dash (r->cr, NULL, 0, 0);
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
