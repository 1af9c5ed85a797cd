/* bp-render-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/bp-duration.h"
#include "render/bp-render-private.h"

/* What the figures of the blueprint add to the drawing, when the options
 * carry them (BpRenderOptions.insights): a time row in each stage header,
 * a badge on each card and flow that raised a check, and, on request, a
 * mark where a flow crosses one of the three lines. */

#define CHECK_BADGE_RADIUS 7.0
#define CROSSING_RADIUS    3.5

/* "≥ 4 min 20 s · 3 encounters" */
char *
bp_render_format_stage_time (double seconds,
                             guint  unknown,
                             guint  encounters)
{
  g_autofree char *time = bp_duration_format (MAX (seconds, 0));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u encounter",
                                                         "%u encounters", encounters),
                                            encounters);

  /* TRANSLATORS: at least this long: some steps have no duration */
  return g_strdup_printf (unknown > 0 ? _("≥ %s · %s") : "%s · %s", time, count);
}

void
bp_render_draw_stage_time (BpRender     *r,
                           guint         position,
                           const BpRect *cell)
{
  BpInsights *insights = r->options->insights;
  const BpInsightsStage *stage;
  g_autofree char *text = NULL;

  if (insights == NULL || position >= bp_insights_get_n_stages (insights))
    return;

  stage = bp_insights_get_stage (insights, position);
  text = bp_render_format_stage_time (stage->elapsed, stage->unknown, stage->crossings.interaction);
  bp_render_set_line_text (r, stage->over ? FONT_SMALL_BOLD : FONT_SMALL, text,
                           cell->width - 2 * BP_RENDER_MARGIN);
  bp_render_show_text (r, cell->x + BP_RENDER_MARGIN, cell->y + BP_RENDER_STAGE_TIME_Y,
                       stage->over ? &r->pal->badge[0] : &r->pal->text_dim, 1);
}

/* The worst severity among @item_id's checks that count, or -1. */
static int
worst_severity (BpInsights *insights,
                const char *item_id)
{
  g_autoptr(GArray) found = bp_insights_find_checks (insights, item_id);
  int worst = -1;

  for (guint i = 0; i < found->len; i++)
    {
      const BpInsightsCheck *check = bp_insights_get_check (insights, g_array_index (found, guint, i));

      if (!check->dismissed && (worst < 0 || (int) check->severity < worst))
        worst = check->severity;
    }
  return worst;
}

/* Where a flow's badge sits: a third of the way along its middle
 * segment, clear of the label in the middle. */
static gboolean
flow_badge_center (BpLayout *layout,
                   guint     position,
                   BpPoint  *center)
{
  guint n_points = 0;
  const BpPoint *points = bp_layout_get_flow_path (layout, position, &n_points);
  guint s;

  if (points == NULL || n_points < 2)
    return FALSE;
  s = (n_points - 2) / 2;
  center->x = points[s].x + (points[s + 1].x - points[s].x) / 3;
  center->y = points[s].y + (points[s + 1].y - points[s].y) / 3;
  return TRUE;
}

gboolean
bp_render_get_check_badge (BpLayout *layout,
                           BpItem   *item,
                           BpPoint  *center,
                           double   *radius)
{
  BpDocument *document;
  BpRect rect;

  g_return_val_if_fail (BP_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (BP_IS_ITEM (item), FALSE);

  *radius = CHECK_BADGE_RADIUS;
  if (BP_IS_STEP (item))
    {
      if (!bp_layout_get_item_rect (layout, item, &rect))
        return FALSE;
      /* On the top-left corner: the marks take the top-right one. */
      center->x = rect.x + 2;
      center->y = rect.y + 2;
      return TRUE;
    }

  document = bp_layout_get_document (layout);
  if (BP_IS_FLOW (item))
    for (guint i = 0; i < bp_document_get_n_flows (document); i++)
      if (bp_document_get_flow (document, i) == BP_FLOW (item))
        return flow_badge_center (layout, i, center);
  return FALSE;
}

/* A warning is an amber triangle, unlike the round marks of cards; a
 * suggestion a blue disc. Both dark-inked, light or dark. */
static const BpRgb warning_fill = { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0 };
static const BpRgb warning_ink = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };

static void
trace_badge_shape (cairo_t       *cr,
                   const BpPoint *center,
                   int            severity,
                   double         grow)
{
  double r = CHECK_BADGE_RADIUS + grow;

  cairo_new_path (cr);
  if (severity != BP_SEVERITY_WARNING)
    {
      cairo_arc (cr, center->x, center->y, r, 0, 2 * G_PI);
      return;
    }
  cairo_move_to (cr, center->x, center->y - r * 1.1);
  cairo_line_to (cr, center->x + r * 1.15, center->y + r * 0.85);
  cairo_line_to (cr, center->x - r * 1.15, center->y + r * 0.85);
  cairo_close_path (cr);
}

static void
draw_check_badge (BpRender      *r,
                  const BpPoint *center,
                  int            severity)
{
  gboolean warning = severity == BP_SEVERITY_WARNING;

  /* A ring of the sheet's colour lifts it off the card's edge. */
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  trace_badge_shape (r->cr, center, severity, 0);
  bp_render_set_rgb (r->cr, &r->pal->sheet);
  cairo_set_line_width (r->cr, 3);
  cairo_stroke_preserve (r->cr);
  bp_render_set_rgb (r->cr, warning ? &warning_fill : &r->pal->accent);
  cairo_set_line_width (r->cr, 1.5);
  cairo_stroke_preserve (r->cr);
  cairo_fill (r->cr);

  /* "!" for a warning, "i" for a suggestion: a bar and a dot. */
  bp_render_set_rgb (r->cr, warning ? &warning_ink : &r->pal->badge_glyph);
  cairo_set_line_width (r->cr, 1.8);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (r->cr, NULL, 0, 0);
  if (warning)
    {
      cairo_move_to (r->cr, center->x, center->y - 3.2);
      cairo_line_to (r->cr, center->x, center->y + 1.2);
      cairo_stroke (r->cr);
      cairo_arc (r->cr, center->x, center->y + 3.9, 1.0, 0, 2 * G_PI);
    }
  else
    {
      cairo_move_to (r->cr, center->x, center->y - 0.6);
      cairo_line_to (r->cr, center->x, center->y + 3.8);
      cairo_stroke (r->cr);
      cairo_arc (r->cr, center->x, center->y - 3.6, 1.1, 0, 2 * G_PI);
    }
  cairo_fill (r->cr);
}

void
bp_render_draw_check_badges (BpRender *r,
                             GArray   *flows,
                             GArray   *steps)
{
  BpInsights *insights = r->options->insights;

  if (insights == NULL)
    return;

  for (guint i = 0; i < flows->len; i++)
    {
      guint position = g_array_index (flows, guint, i);
      BpFlow *flow = bp_document_get_flow (r->document, position);
      int severity = worst_severity (insights, bp_item_get_id (BP_ITEM (flow)));
      BpPoint center;

      if (severity >= 0 && flow_badge_center (r->layout, position, &center))
        draw_check_badge (r, &center, severity);
    }

  for (guint i = 0; i < steps->len; i++)
    {
      BpStep *step = bp_document_get_step (r->document, g_array_index (steps, guint, i));
      int severity = worst_severity (insights, bp_item_get_id (BP_ITEM (step)));
      BpPoint center;
      double radius;

      if (severity >= 0 && bp_render_get_check_badge (r->layout, BP_ITEM (step), &center, &radius))
        draw_check_badge (r, &center, severity);
    }
}

/* A ring where each flow's route meets one of the drawn lines. */
void
bp_render_draw_crossings (BpRender *r,
                          GArray   *flows)
{
  double line_y[BP_N_LINES];
  gboolean drawn[BP_N_LINES];

  if (r->options->insights == NULL || !r->options->crossings)
    return;

  for (guint l = 0; l < BP_N_LINES; l++)
    drawn[l] = bp_layout_get_line_y (r->layout, l, &line_y[l]);

  cairo_new_path (r->cr);
  for (guint i = 0; i < flows->len; i++)
    {
      guint n_points = 0;
      const BpPoint *points = bp_layout_get_flow_path (r->layout, g_array_index (flows, guint, i), &n_points);

      for (guint p = 0; points != NULL && p + 1 < n_points; p++)
        for (guint l = 0; l < BP_N_LINES; l++)
          {
            const BpPoint *a = &points[p], *b = &points[p + 1];
            double t, x;

            if (!drawn[l] || (a->y - line_y[l]) * (b->y - line_y[l]) >= 0 || a->y == b->y)
              continue;
            t = (line_y[l] - a->y) / (b->y - a->y);
            x = a->x + t * (b->x - a->x);
            cairo_new_sub_path (r->cr);
            cairo_arc (r->cr, x, line_y[l], CROSSING_RADIUS, 0, 2 * G_PI);
          }
    }
  bp_render_set_rgb (r->cr, &r->pal->sheet);
  cairo_fill_preserve (r->cr);
  bp_render_set_rgb (r->cr, &r->pal->accent);
  cairo_set_line_width (r->cr, 1.5);
  cairo_set_dash (r->cr, NULL, 0, 0);
  cairo_stroke (r->cr);
}
