/* bp-render-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

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
  bp_render_set_rgba (cr, &bp_render_compare_removed, 0.8);
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

  bp_render_set_rgba (cr, dark ? &bp_render_compare_arrow_dark : &bp_render_compare_arrow_light, 0.9);
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
        outline (cr, &card, &bp_render_compare_added, zoom);
      break;
    case BP_COMPARE_CHANGED:
    default:
      if (!worth_marking (change) || !bp_layout_get_item_rect (layout, change->new_item, &card))
        break;
      outline (cr, &card, &bp_render_compare_changed, zoom);
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
