/* bp-render-card.c
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
#define HOVER_WIDTH      1.5
#define BADGE_SPACING    21.0
#define BADGE_INSET      18.0  /* card's right edge to the last badge's centre */

/* The edge and soft shadow of every card in view: a thin ring all round
 * and a drop below. Each layer is one path, filled once: a single fill of
 * many shapes costs a fraction of a fill per shape, and the shadows of
 * neighbours do not darken each other. */
static void
draw_card_shadows (BpRender *r,
                   GArray   *steps)
{
  static const struct {
    double spread, drop, alpha;
  } layers[] = {
    { 1.0, 0.0, 1.0 },  /* the edge */
    { 1.0, 1.5, 0.6 },  /* the drop */
  };

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      for (guint i = 0; i < steps->len; i++)
        {
          BpRect card, shadow;

          if (!bp_layout_get_step_rect (r->layout, g_array_index (steps, guint, i), &card))
            continue;
          shadow = bp_render_inset_rect (&card, -layers[l].spread, -layers[l].spread);
          shadow.y += layers[l].drop;
          bp_render_rounded_rect (r->cr, &shadow, BP_RENDER_CARD_RADIUS + layers[l].spread);
        }

      cairo_set_source_rgba (r->cr, 0, 0, 0, r->pal->shadow * layers[l].alpha);
      cairo_fill (r->cr);
    }
}

/* Cards of the neutral colour in one fill, then the others one by one:
 * a fill ends the path, so the two cannot be interleaved. */
static void
draw_card_fills (BpRender *r,
                 GArray   *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      BpRect card;

      if (bp_step_get_color (step) == NULL &&
          bp_layout_get_step_rect (r->layout, position, &card))
        bp_render_rounded_rect (r->cr, &card, BP_RENDER_CARD_RADIUS);
    }

  bp_render_set_rgb (r->cr, &r->pal->card);
  cairo_fill (r->cr);

  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      BpRgb own = r->pal->card;
      BpRect card;

      if (bp_step_get_color (step) != NULL &&
          bp_layout_get_step_rect (r->layout, position, &card))
        {
          bp_render_parse_color (bp_step_get_color (step), &own);
          bp_render_rounded_rect (r->cr, &card, BP_RENDER_CARD_RADIUS);
          bp_render_set_rgb (r->cr, &own);
          cairo_fill (r->cr);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Badges                                                              */

static void
trace_star (cairo_t *cr,
            double   x,
            double   y)
{
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double radius = i % 2 == 0 ? 5.5 : 2.3;

      cairo_line_to (cr, x + cos (angle) * radius, y + sin (angle) * radius);
    }
  cairo_close_path (cr);
}

static void
draw_badge_glyph (cairo_t     *cr,
                  BpStepFlags  flag,
                  double       x,
                  double       y)
{
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (flag)
    {
    case BP_STEP_FLAG_PAIN_POINT: /* ! */
      cairo_move_to (cr, x, y - 4.5);
      cairo_line_to (cr, x, y + 1);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + 4.2, 1.2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case BP_STEP_FLAG_OPPORTUNITY: /* + */
      cairo_move_to (cr, x - 4.5, y);
      cairo_line_to (cr, x + 4.5, y);
      cairo_move_to (cr, x, y - 4.5);
      cairo_line_to (cr, x, y + 4.5);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_MOMENT_OF_TRUTH: /* ★ */
      trace_star (cr, x, y);
      cairo_fill (cr);
      break;

    case BP_STEP_FLAG_FAIL_POINT: /* F */
      cairo_move_to (cr, x + 3, y - 4.5);
      cairo_line_to (cr, x - 2.5, y - 4.5);
      cairo_line_to (cr, x - 2.5, y + 4.5);
      cairo_move_to (cr, x - 2.5, y - 0.3);
      cairo_line_to (cr, x + 2, y - 0.3);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_WAIT_POINT: /* W */
      cairo_set_line_width (cr, 1.8);
      cairo_move_to (cr, x - 4.6, y - 4);
      cairo_line_to (cr, x - 2.3, y + 4);
      cairo_line_to (cr, x, y - 1.5);
      cairo_line_to (cr, x + 2.3, y + 4);
      cairo_line_to (cr, x + 4.6, y - 4);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_NONE:
    default:
      break;
    }
}

static void
draw_badges (BpRender     *r,
             const BpRect *card,
             BpStepFlags   flags,
             const BpRgb  *ring)
{
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      BpStepFlags flag = 1 << bit;
      BpPoint center;
      double radius;

      if (!bp_render_get_badge (card, flags, flag, &center, &radius))
        continue;

      /* A ring of the card's colour parts the badge from the edge. */
      cairo_new_path (r->cr);
      cairo_arc (r->cr, center.x, center.y, radius + 1.5, 0, 2 * G_PI);
      bp_render_set_rgb (r->cr, ring);
      cairo_fill (r->cr);
      cairo_arc (r->cr, center.x, center.y, radius, 0, 2 * G_PI);
      bp_render_set_rgb (r->cr, &r->pal->badge[bit]);
      cairo_fill (r->cr);

      bp_render_set_rgb (r->cr, &r->pal->badge_glyph);
      draw_badge_glyph (r->cr, flag, center.x, center.y);
    }
}

static guint
count_bits (guint bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

gboolean
bp_render_get_badge (const BpRect *card,
                     BpStepFlags   flags,
                     BpStepFlags   flag,
                     BpPoint      *center,
                     double       *radius)
{
  guint n, index;
  double spacing = BADGE_SPACING;

  g_return_val_if_fail (card != NULL, FALSE);

  flags &= BP_STEP_FLAGS_ALL;
  if (flag == 0 || (flag & (flag - 1)) != 0 || (flags & flag) == 0)
    return FALSE;

  n = count_bits (flags);
  index = count_bits (flags & (flag - 1));

  /* Narrow cards pack their badges closer. */
  if (n > 1)
    spacing = MIN (spacing, (card->width - BADGE_INSET - BP_RENDER_BADGE_RADIUS) / (n - 1));
  spacing = MAX (spacing, BP_RENDER_BADGE_RADIUS);

  center->x = card->x + card->width - BADGE_INSET - (n - 1 - index) * spacing;
  center->y = card->y;
  *radius = BP_RENDER_BADGE_RADIUS;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Over the fill                                                       */

static void
draw_card_outline (BpRender     *r,
                   const BpRect *card,
                   const char   *id)
{
  double width, alpha = 1;
  BpRect ring;

  if (bp_render_is_selected (r, id))
    width = BP_RENDER_SELECT_WIDTH;
  else if (bp_render_is_hovered (r, id))
    {
      width = HOVER_WIDTH;
      alpha = 0.6;
    }
  else
    return;

  ring = bp_render_inset_rect (card, -(width / 2 + 1.5), -(width / 2 + 1.5));
  bp_render_rounded_rect (r->cr, &ring, BP_RENDER_CARD_RADIUS + width / 2 + 1.5);
  bp_render_set_rgba (r->cr, &r->pal->accent, alpha);
  cairo_set_line_width (r->cr, width);
  cairo_stroke (r->cr);
}

/* Too small to read: a grey line where each card's text begins, all in
 * one fill. */
static void
draw_text_placeholders (BpRender *r,
                        GArray   *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      BpRect card;

      if (bp_step_get_text (step)[0] == '\0' ||
          !bp_layout_get_step_rect (r->layout, position, &card))
        continue;

      cairo_rectangle (r->cr, card.x + BP_RENDER_CARD_PADDING, card.y + BP_RENDER_CARD_PADDING + 2,
                       (card.width - 2 * BP_RENDER_CARD_PADDING) * 0.75,
                       bp_render_font_size (FONT_BODY) * 0.6);
    }

  bp_render_set_rgba (r->cr, &r->pal->text, 0.18);
  cairo_fill (r->cr);
}

/* Too small for glyphs: each flag's badges as plain dots, one fill a
 * flag. */
static void
draw_badge_dots (BpRender *r,
                 GArray   *steps)
{
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      BpStepFlags flag = 1 << bit;

      for (guint i = 0; i < steps->len; i++)
        {
          guint position = g_array_index (steps, guint, i);
          BpStep *step = bp_document_get_step (r->document, position);
          BpPoint center;
          double radius;
          BpRect card;

          if ((bp_step_get_flags (step) & flag) == 0 ||
              !bp_layout_get_step_rect (r->layout, position, &card) ||
              !bp_render_get_badge (&card, bp_step_get_flags (step), flag, &center, &radius))
            continue;

          cairo_new_sub_path (r->cr);
          cairo_arc (r->cr, center.x, center.y, radius, 0, 2 * G_PI);
        }

      bp_render_set_rgb (r->cr, &r->pal->badge[bit]);
      cairo_fill (r->cr);
    }
}

/* What is drawn over a card's fill: outline, text, badges. */
static void
draw_card_details (BpRender *r,
                   guint     position)
{
  BpStep *step = bp_document_get_step (r->document, position);
  BpRgb fill = r->pal->card;
  const BpRgb *ink = &r->pal->text;
  BpRect card;

  if (!bp_layout_get_step_rect (r->layout, position, &card))
    return;

  if (bp_render_parse_color (bp_step_get_color (step), &fill))
    ink = bp_render_ink_for (&fill);

  draw_card_outline (r, &card, bp_item_get_id (BP_ITEM (step)));

  if (r->draw_text)
    {
      bp_render_draw_card_text (r, step, &card, ink);
      draw_badges (r, &card, bp_step_get_flags (step), &fill);
    }
}

/* Zoomed out, the shadows go and grey lines and dots stand for the text
 * and the badges. */
void
bp_render_draw_cards (BpRender *r,
                      GArray   *positions)
{
  if (r->draw_text)
    draw_card_shadows (r, positions);
  draw_card_fills (r, positions);
  if (!r->draw_text)
    {
      draw_text_placeholders (r, positions);
      draw_badge_dots (r, positions);
    }
  for (guint i = 0; i < positions->len; i++)
    draw_card_details (r, g_array_index (positions, guint, i));
}

void
bp_render_draw_badge (BpRender      *r,
                      BpStepFlags    flag,
                      const BpPoint *center,
                      double         radius)
{
  int bit = g_bit_nth_lsf (flag, -1);

  g_return_if_fail (bit >= 0 && bit < BP_N_STEP_FLAGS);

  cairo_new_path (r->cr);
  cairo_arc (r->cr, center->x, center->y, radius, 0, 2 * G_PI);
  bp_render_set_rgb (r->cr, &r->pal->badge[bit]);
  cairo_fill (r->cr);
  bp_render_set_rgb (r->cr, &r->pal->badge_glyph);
  draw_badge_glyph (r->cr, flag, center->x, center->y);
}
