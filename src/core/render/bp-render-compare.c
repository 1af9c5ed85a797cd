/* bp-render-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "render/bp-render-compare.h"
#include "render/bp-render.h"
#include "render/bp-render-private.h"

/* Widths in device pixels, divided by the zoom. */
#define OUTLINE_WIDTH  3.0
#define OUTLINE_GAP    3.0
#define GHOST_ALPHA    0.35
#define GHOST_DASH     4.0
#define ARROW_WIDTH    1.25
#define ARROW_HEAD     8.0
#define ORIGIN_RADIUS  3.5

/* GNOME's palette: green 4, orange 3, red 3, dark 2. */
static const BpRgb added_color = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 };
static const BpRgb changed_color = { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0 };
static const BpRgb removed_color = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
static const BpRgb arrow_light = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 };
static const BpRgb arrow_dark = { 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0 };

static gboolean
counterpart_rect (BpLayout     *layout,
                  BpLayout     *old_layout,
                  BpComparison *comparison,
                  const char   *old_id,
                  BpRect       *old_rect,
                  BpRect       *new_rect)
{
  BpDocument *old_document = bp_layout_get_document (old_layout);
  BpItem *old_item = bp_document_lookup (old_document, old_id);
  BpItem *new_item = old_item ? bp_comparison_get_new_for_old (comparison, old_item) : NULL;

  return new_item != NULL &&
         bp_layout_get_item_rect (old_layout, old_item, old_rect) &&
         bp_layout_get_item_rect (layout, new_item, new_rect);
}

gboolean
bp_render_compare_old_rect (BpLayout     *layout,
                            BpLayout     *old_layout,
                            BpComparison *comparison,
                            BpStep       *step,
                            BpRect       *rect)
{
  BpRect card, old_stage, new_stage, old_lane, new_lane;

  if (!bp_layout_get_item_rect (old_layout, BP_ITEM (step), &card) ||
      !counterpart_rect (layout, old_layout, comparison, bp_step_get_stage (step),
                         &old_stage, &new_stage) ||
      !counterpart_rect (layout, old_layout, comparison, bp_step_get_lane (step),
                         &old_lane, &new_lane))
    return FALSE;

  *rect = card;
  rect->x = new_stage.x + (card.x - old_stage.x);
  rect->y = new_lane.y + (card.y - old_lane.y);
  return TRUE;
}

static void
outline (cairo_t     *cr,
         const BpRect *card,
         const BpRgb  *color,
         double        zoom)
{
  double gap = OUTLINE_GAP / zoom;
  BpRect around = { card->x - gap, card->y - gap, card->width + 2 * gap, card->height + 2 * gap };

  bp_render_rounded_rect (cr, &around, BP_RENDER_CARD_RADIUS + gap);
  bp_render_set_rgb (cr, color);
  cairo_set_line_width (cr, OUTLINE_WIDTH / zoom);
  cairo_stroke (cr);
}

/* The card at @place and its badges and notes mark, which stand on its
 * edges: a ghost clipped to the card alone would show half badges. */
static void
clip_to_card (cairo_t      *cr,
              BpStep       *step,
              const BpRect *place)
{
  BpStepFlags flags = bp_step_get_flags (step);
  const char *notes = bp_step_get_notes (step);
  BpPoint centre;
  double radius;

  bp_render_rounded_rect (cr, place, BP_RENDER_CARD_RADIUS);
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    if (bp_render_get_badge (place, flags, 1 << bit, &centre, &radius))
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, centre.x, centre.y, radius + 1.5, 0, 2 * G_PI);
      }
  if (notes != NULL && notes[0] != '\0')
    {
      bp_render_get_notes_mark (place, &centre, &radius);
      cairo_new_sub_path (cr);
      cairo_arc (cr, centre.x, centre.y, radius + 1.5, 0, 2 * G_PI);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_clip (cr);
}

/* OLD's card, drawn by OLD's render, faded, at @place, with a dashed red
 * edge. */
static void
draw_removed (cairo_t      *cr,
              BpLayout     *old_layout,
              BpStep       *step,
              const BpRect *place,
              double        zoom,
              gboolean      dark)
{
  BpRenderOptions options;
  BpRect origin;
  double dash = GHOST_DASH / zoom;

  if (!bp_layout_get_item_rect (old_layout, BP_ITEM (step), &origin))
    return;

  bp_render_options_init (&options);
  options.zoom = zoom;
  options.dark = dark;
  options.transparent = TRUE;
  /* With room for the badges. */
  options.viewport = (BpRect) { origin.x - BP_RENDER_CARD_OVERHANG, origin.y - BP_RENDER_CARD_OVERHANG,
                                origin.width + 2 * BP_RENDER_CARD_OVERHANG,
                                origin.height + 2 * BP_RENDER_CARD_OVERHANG };

  cairo_save (cr);
  clip_to_card (cr, step, place);
  cairo_translate (cr, place->x - BP_RENDER_CARD_OVERHANG, place->y - BP_RENDER_CARD_OVERHANG);
  cairo_scale (cr, 1 / zoom, 1 / zoom);
  cairo_push_group (cr);
  bp_render (cr, old_layout, &options);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, GHOST_ALPHA);
  cairo_restore (cr);

  cairo_save (cr);
  bp_render_rounded_rect (cr, place, BP_RENDER_CARD_RADIUS);
  bp_render_set_rgba (cr, &removed_color, 0.8);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A thin arrow from the centre of the old place to the card's nearest
 * edge. */
static void
draw_move (cairo_t      *cr,
           const BpRect *from,
           const BpRect *to,
           double        zoom,
           gboolean      dark)
{
  double x0 = from->x + from->width / 2, y0 = from->y + from->height / 2;
  double x1 = to->x + to->width / 2, y1 = to->y + to->height / 2;
  double angle, head = ARROW_HEAD / zoom;

  /* End at the card's edge, not under it. */
  if (fabs (y1 - y0) * to->width > fabs (x1 - x0) * to->height)
    {
      double t = (to->height / 2) / fabs (y1 - y0);
      x1 -= (x1 - x0) * t;
      y1 -= (y1 - y0) * t;
    }
  else if (x1 != x0)
    {
      double t = (to->width / 2) / fabs (x1 - x0);
      x1 -= (x1 - x0) * t;
      y1 -= (y1 - y0) * t;
    }
  angle = atan2 (y1 - y0, x1 - x0);

  bp_render_set_rgba (cr, dark ? &arrow_dark : &arrow_light, 0.9);
  cairo_set_line_width (cr, ARROW_WIDTH / zoom);
  /* A small ring where the card stood: the arrow starts somewhere. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x0, y0, ORIGIN_RADIUS / zoom, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, x0 + ORIGIN_RADIUS / zoom * cos (angle), y0 + ORIGIN_RADIUS / zoom * sin (angle));
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - head * cos (angle - 0.4), y1 - head * sin (angle - 0.4));
  cairo_line_to (cr, x1 - head * cos (angle + 0.4), y1 - head * sin (angle + 0.4));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static gboolean
worth_marking (const BpCompareChange *change)
{
  return (change->fields & ~BP_COMPARE_FIELD_POSITION) != 0 ||
         change->other_keys != NULL || change->matched_by_text;
}

static void
draw_step_change (cairo_t               *cr,
                  BpLayout              *layout,
                  BpLayout              *old_layout,
                  BpComparison          *comparison,
                  const BpCompareChange *change,
                  double                 zoom,
                  gboolean               dark)
{
  BpRect card, old_place;

  switch (change->status)
    {
    case BP_COMPARE_REMOVED:
      if (bp_render_compare_old_rect (layout, old_layout, comparison,
                                      BP_STEP (change->old_item), &old_place))
        draw_removed (cr, old_layout, BP_STEP (change->old_item), &old_place, zoom, dark);
      break;
    case BP_COMPARE_ADDED:
      if (bp_layout_get_item_rect (layout, change->new_item, &card))
        outline (cr, &card, &added_color, zoom);
      break;
    case BP_COMPARE_CHANGED:
    default:
      if (!worth_marking (change) || !bp_layout_get_item_rect (layout, change->new_item, &card))
        break;
      outline (cr, &card, &changed_color, zoom);
      if ((change->fields & (BP_COMPARE_FIELD_LANE | BP_COMPARE_FIELD_STAGE)) &&
          bp_render_compare_old_rect (layout, old_layout, comparison,
                                      BP_STEP (change->old_item), &old_place))
        draw_move (cr, &old_place, &card, zoom, dark);
      break;
    }
}

/* Marks stay off the lane and stage headers, which the canvas keeps in
 * sight over the cells while it scrolls: the headers stand at the top
 * left of the view, or where the blueprint puts them (below its title)
 * when that is further. */
static void
clip_to_cells (cairo_t  *cr,
               BpLayout *layout)
{
  double left = 0, top = 0;
  BpRect title, bounds;

  bp_layout_get_title_rect (layout, &title);
  cairo_device_to_user (cr, &left, &top);
  left = MAX (left, 0) + bp_layout_get_header_width (layout);
  top = MAX (top, title.y + title.height) + bp_layout_get_header_height (layout);
  bp_layout_get_bounds (layout, &bounds);
  cairo_rectangle (cr, left, top, MAX (0, bounds.x + bounds.width - left),
                   MAX (0, bounds.y + bounds.height - top));
  cairo_clip (cr);
}

void
bp_render_compare (cairo_t      *cr,
                   BpLayout     *layout,
                   BpLayout     *old_layout,
                   BpComparison *comparison,
                   double        zoom,
                   gboolean      dark)
{
  GPtrArray *changes;

  g_return_if_fail (BP_IS_LAYOUT (layout) && BP_IS_LAYOUT (old_layout));
  g_return_if_fail (BP_IS_COMPARISON (comparison));

  changes = bp_comparison_get_changes (comparison, BP_COMPARE_STEPS);
  cairo_save (cr);
  clip_to_cells (cr, layout);
  for (guint i = 0; i < changes->len; i++)
    draw_step_change (cr, layout, old_layout, comparison, changes->pdata[i], zoom, dark);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The legend                                                          */

/* Measures, in canvas units: a swatch is a small card marked as the
 * cards are. */
#define SWATCH_WIDTH   22.0
#define SWATCH_HEIGHT  14.0
#define SWATCH_RADIUS  4.0
#define SWATCH_GAP     6.0    /* between a swatch and its name */
#define LEGEND_GAP     18.0   /* between a name and the next swatch */

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
      bp_render_set_rgb (cr, mark == MARK_ADDED ? &added_color : &changed_color);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case MARK_REMOVED:
      bp_render_rounded_rect (cr, &card, SWATCH_RADIUS);
      bp_render_set_rgba (cr, &r->pal->card, GHOST_ALPHA);
      cairo_fill_preserve (cr);
      bp_render_set_rgba (cr, &removed_color, 0.8);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case MARK_MOVED:
    case N_MARKS:
    default:
      bp_render_set_rgba (cr, r->options->dark ? &arrow_dark : &arrow_light, 0.9);
      cairo_set_line_width (cr, ARROW_WIDTH);
      cairo_arc (cr, x + ORIGIN_RADIUS, middle, ORIGIN_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 2 * ORIGIN_RADIUS, middle);
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
