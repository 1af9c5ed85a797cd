/* bp-render-legend.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

/* The legend: what each mark on a card means, in a row of badges and
 * their names, and what each kind of flow means, in a row of short
 * flows and their names below it. The canvas shows it in a box in a corner
 * (bp_render_legend() in bp-render-view.c), exports in the title band:
 * both draw it here, so they look the same. */

/* Measures, in canvas units. */
#define ITEM_GAP     18.0  /* between one name and the next badge */
#define BADGE_GAP    6.0   /* between a badge and its name */
#define BOX_PADDING  10.0
#define ROW_HEIGHT   (2 * BP_RENDER_BADGE_RADIUS + 4)
#define ROW_GAP      4.0
#define SAMPLE_LENGTH 28.0 /* of a flow in the second row */

/* The width of the row of marks, and each name's width in @widths. */
static double
measure_row (BpRender *r,
             double    widths[BP_N_STEP_FLAGS])
{
  double total = 0;

  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      bp_render_set_line_text (r, FONT_SMALL, bp_step_flag_label (1 << bit), 400);
      bp_render_text_size (r, &widths[bit], NULL);
      total += 2 * BP_RENDER_BADGE_RADIUS + BADGE_GAP + widths[bit];
      if (bit > 0)
        total += ITEM_GAP;
    }

  return total;
}

/* The same for the row of flow kinds. */
static double
measure_flow_row (BpRender *r,
                  double    widths[BP_N_FLOW_KINDS])
{
  double total = 0;

  for (guint kind = 0; kind < BP_N_FLOW_KINDS; kind++)
    {
      bp_render_set_line_text (r, FONT_SMALL, bp_flow_kind_label (kind), 400);
      bp_render_text_size (r, &widths[kind], NULL);
      total += SAMPLE_LENGTH + BADGE_GAP + widths[kind];
      if (kind > 0)
        total += ITEM_GAP;
    }

  return total;
}

static void
draw_flow_row (BpRender *r,
               double    x,
               double    y)
{
  double widths[BP_N_FLOW_KINDS];
  double middle = y + ROW_HEIGHT / 2;

  measure_flow_row (r, widths);
  for (guint kind = 0; kind < BP_N_FLOW_KINDS; kind++)
    {
      double h;

      bp_render_draw_flow_sample (r, kind, x, middle, SAMPLE_LENGTH);
      x += SAMPLE_LENGTH + BADGE_GAP;
      bp_render_set_line_text (r, FONT_SMALL, bp_flow_kind_label (kind), 400);
      bp_render_text_size (r, NULL, &h);
      bp_render_show_text (r, x, middle - h / 2, &r->pal->text, 1);
      x += widths[kind] + ITEM_GAP;
    }
}

static void
draw_row (BpRender *r,
          double    x,
          double    y)
{
  double widths[BP_N_STEP_FLAGS];
  double middle = y + ROW_HEIGHT / 2;

  measure_row (r, widths);
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      BpPoint center = { x + BP_RENDER_BADGE_RADIUS, middle };
      double h;

      bp_render_draw_badge (r, 1 << bit, &center, BP_RENDER_BADGE_RADIUS);
      x += 2 * BP_RENDER_BADGE_RADIUS + BADGE_GAP;
      bp_render_set_line_text (r, FONT_SMALL, bp_step_flag_label (1 << bit), 400);
      bp_render_text_size (r, NULL, &h);
      bp_render_show_text (r, x, middle - h / 2, &r->pal->text, 1);
      x += widths[bit] + ITEM_GAP;
    }
}

void
bp_render_legend_size (BpRender *r,
                       gboolean  boxed,
                       double   *width,
                       double   *height)
{
  double widths[BP_N_STEP_FLAGS];
  double flow_widths[BP_N_FLOW_KINDS];
  double pad = boxed ? 2 * BOX_PADDING : 0;

  *width = MAX (measure_row (r, widths), measure_flow_row (r, flow_widths)) + pad;
  *height = 2 * ROW_HEIGHT + ROW_GAP + pad;
}

void
bp_render_draw_legend (BpRender *r,
                       gboolean  boxed,
                       double    x,
                       double    y)
{
  if (boxed)
    {
      BpRect box;

      bp_render_legend_size (r, TRUE, &box.width, &box.height);
      box.x = x;
      box.y = y;
      bp_render_rounded_rect (r->cr, &box, BP_RENDER_CARD_RADIUS);
      bp_render_set_rgb (r->cr, &r->pal->card);
      cairo_fill_preserve (r->cr);
      bp_render_set_rgb (r->cr, &r->pal->separator);
      cairo_set_line_width (r->cr, 1);
      cairo_stroke (r->cr);
      x += BOX_PADDING;
      y += BOX_PADDING;
    }

  draw_row (r, x, y);
  draw_flow_row (r, x, y + ROW_HEIGHT + ROW_GAP);
}
