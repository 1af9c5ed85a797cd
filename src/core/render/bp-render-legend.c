/* bp-render-legend.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

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
#define PART_GAP     (2 * ITEM_GAP)  /* between a comparison's marks and the cards' */
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

/* ------------------------------------------------------------------ */
/* A comparison's legend                                              */

/* Measures, in canvas units: a swatch is a small card marked as the
 * cards are. */
#define SWATCH_WIDTH   22.0
#define SWATCH_HEIGHT  14.0
#define SWATCH_RADIUS  4.0
#define SWATCH_GAP     6.0    /* between a swatch and its name */
#define LEGEND_GAP     18.0   /* between a name and the next swatch */
/* As the marks on the canvas at 100 % (bp-render-compare.c). */
#define SWATCH_GHOST_ALPHA 0.35
#define SWATCH_ARROW_WIDTH 1.25
#define SWATCH_RING        3.5

typedef enum {
  MARK_ADDED,
  MARK_CHANGED,
  MARK_REMOVED,
  MARK_MOVED,
  N_MARKS
} Mark;

static const char * const mark_names[N_MARKS] = {
  /* Translators: in the legend of a comparison drawn on an export: a
   * card that is new since the other blueprint. */
  N_("Added"),
  /* Translators: in the legend of a comparison: a card whose text,
   * duration, marks or the like changed. */
  N_("Changed"),
  /* Translators: in the legend of a comparison: a card that is gone,
   * shown faded where it stood. */
  N_("Removed"),
  /* Translators: in the legend of a comparison: a card moved to another
   * lane or stage, with an arrow from its old place. */
  N_("Moved"),
};

static void
draw_swatch (BpRender *r,
             Mark      mark,
             double    x,
             double    middle)
{
  BpRect card = { x, middle - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT };
  cairo_t *cr = r->cr;
  double dash = 3;

  cairo_save (cr);
  switch (mark)
    {
    case MARK_ADDED:
    case MARK_CHANGED:
      bp_render_rounded_rect (cr, &card, SWATCH_RADIUS);
      bp_render_set_rgb (cr, &r->pal->card);
      cairo_fill_preserve (cr);
      bp_render_set_rgb (cr, mark == MARK_ADDED ? &bp_render_compare_added : &bp_render_compare_changed);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case MARK_REMOVED:
      bp_render_rounded_rect (cr, &card, SWATCH_RADIUS);
      bp_render_set_rgba (cr, &r->pal->card, SWATCH_GHOST_ALPHA);
      cairo_fill_preserve (cr);
      bp_render_set_rgba (cr, &bp_render_compare_removed, 0.8);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case MARK_MOVED:
    case N_MARKS:
    default:
      bp_render_set_rgba (cr, r->options->dark ? &bp_render_compare_arrow_dark : &bp_render_compare_arrow_light, 0.9);
      cairo_set_line_width (cr, SWATCH_ARROW_WIDTH);
      cairo_arc (cr, x + SWATCH_RING, middle, SWATCH_RING, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 2 * SWATCH_RING, middle);
      cairo_line_to (cr, x + SWATCH_WIDTH - 2, middle);
      cairo_stroke (cr);
      cairo_move_to (cr, x + SWATCH_WIDTH, middle);
      cairo_line_to (cr, x + SWATCH_WIDTH - 7, middle - 3.5);
      cairo_line_to (cr, x + SWATCH_WIDTH - 7, middle + 3.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

static double
set_mark_name (BpRender *r,
               Mark      mark)
{
  double width;

  bp_render_set_line_text (r, FONT_SMALL, _(mark_names[mark]), 400);
  bp_render_text_size (r, &width, NULL);
  return width;
}

double
bp_render_compare_legend_width (BpRender *r)
{
  double total = 0;

  for (Mark mark = 0; mark < N_MARKS; mark++)
    total += (mark > 0 ? LEGEND_GAP : 0) + SWATCH_WIDTH + SWATCH_GAP + set_mark_name (r, mark);
  return total;
}

void
bp_render_draw_compare_legend (BpRender *r,
                               double    x,
                               double    y,
                               double    height)
{
  double middle = y + height / 2;

  for (Mark mark = 0; mark < N_MARKS; mark++)
    {
      double width, text_height;

      draw_swatch (r, mark, x, middle);
      x += SWATCH_WIDTH + SWATCH_GAP;
      width = set_mark_name (r, mark);
      bp_render_text_size (r, NULL, &text_height);
      bp_render_show_text (r, x, middle - text_height / 2, &r->pal->text, 1);
      x += width + LEGEND_GAP;
    }
}

/* The box (the canvas's) has the cards' marks only; the title band has
 * those the options ask for: a comparison's, the cards', or both. */
static gboolean
shows_marks (BpRender *r,
             gboolean  boxed)
{
  return boxed || r->options->legend;
}

static gboolean
shows_comparison (BpRender *r,
                  gboolean  boxed)
{
  return !boxed && r->options->compare_legend;
}

/* The flow kinds go in a second row, under the cards' marks; on a
 * slide's title band, whose scenario spans the whole width below the
 * title's line, in the same row after them (a legend too wide for the
 * title's line then goes below the scenario). */
static gboolean
flows_beside_marks (BpRender *r,
                    gboolean  boxed)
{
  return !boxed && r->options->wrap_scenario;
}

static double
row_width (BpRender *r,
           gboolean  boxed)
{
  double widths[BP_N_STEP_FLAGS];
  double total = 0;

  if (shows_comparison (r, boxed))
    total += bp_render_compare_legend_width (r);
  if (shows_marks (r, boxed))
    total += (total > 0 ? PART_GAP : 0) + measure_row (r, widths);
  return total;
}

void
bp_render_legend_size (BpRender *r,
                       gboolean  boxed,
                       double   *width,
                       double   *height)
{
  double pad = boxed ? 2 * BOX_PADDING : 0;

  *width = row_width (r, boxed);
  *height = ROW_HEIGHT;
  if (shows_marks (r, boxed))
    {
      double flow_widths[BP_N_FLOW_KINDS];
      double flow_width = measure_flow_row (r, flow_widths);
      double marks_x = shows_comparison (r, boxed) ?
                       bp_render_compare_legend_width (r) + PART_GAP : 0;

      if (flows_beside_marks (r, boxed))
        {
          *width += PART_GAP + flow_width;
        }
      else
        {
          *width = MAX (*width, marks_x + flow_width);
          *height += ROW_GAP + ROW_HEIGHT;
        }
    }
  *width += pad;
  *height += pad;
}

/* A comparison's marks, then a thin rule, then the cards' marks. */
static void
draw_rows (BpRender *r,
           gboolean  boxed,
           double    x,
           double    y)
{
  if (shows_comparison (r, boxed))
    {
      bp_render_draw_compare_legend (r, x, y, ROW_HEIGHT);
      x += bp_render_compare_legend_width (r);
      if (!shows_marks (r, boxed))
        return;

      bp_render_set_rgb (r->cr, &r->pal->separator);
      cairo_set_line_width (r->cr, 1);
      cairo_move_to (r->cr, x + PART_GAP / 2, y + 2);
      cairo_line_to (r->cr, x + PART_GAP / 2, y + ROW_HEIGHT - 2);
      cairo_stroke (r->cr);
      x += PART_GAP;
    }

  if (shows_marks (r, boxed))
    {
      double widths[BP_N_STEP_FLAGS];

      draw_row (r, x, y);
      if (flows_beside_marks (r, boxed))
        draw_flow_row (r, x + measure_row (r, widths) + PART_GAP, y);
      else
        draw_flow_row (r, x, y + ROW_HEIGHT + ROW_GAP);
    }
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

  draw_rows (r, boxed, x, y);
}
