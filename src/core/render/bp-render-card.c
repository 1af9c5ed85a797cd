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
#include <string.h>

/* Measures, in canvas units. */
#define HOVER_WIDTH      1.5
#define BADGE_SPACING    21.0
#define BADGE_INSET      18.0  /* card's right edge to the last badge's centre */
#define NOTES_RADIUS     7.0

/* The edge and soft shadow of a card: a thin ring all round and a drop
 * below. */
static const struct {
  double spread, drop, alpha;
} shadow_layers[] = {
  { 1.0, 0.0, 1.0 },  /* the edge */
  { 1.0, 1.5, 0.6 },  /* the drop */
};

static void
trace_shadow (cairo_t      *cr,
              const BpRect *card,
              guint         layer)
{
  BpRect shadow = bp_render_inset_rect (card, -shadow_layers[layer].spread,
                                        -shadow_layers[layer].spread);

  shadow.y += shadow_layers[layer].drop;
  bp_render_rounded_rect (cr, &shadow, BP_RENDER_CARD_RADIUS + shadow_layers[layer].spread);
}

/* The shadows of every card in view. Each layer is one path, filled
 * once: a single fill of many shapes costs a fraction of a fill per
 * shape, and the shadows of neighbours do not darken each other. */
static void
draw_card_shadows (BpRender *r,
                   GArray   *steps)
{
  for (guint l = 0; l < G_N_ELEMENTS (shadow_layers); l++)
    {
      for (guint i = 0; i < steps->len; i++)
        {
          BpRect card;

          if (bp_layout_get_step_rect (r->layout, g_array_index (steps, guint, i), &card))
            trace_shadow (r->cr, &card, l);
        }

      cairo_set_source_rgba (r->cr, 0, 0, 0, r->pal->shadow * shadow_layers[l].alpha);
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

/* A ring of the card's colour parts the badge from the edge. */
static void
draw_badge (BpRender    *r,
            cairo_t     *cr,
            guint        bit,
            double       x,
            double       y,
            double       radius,
            const BpRgb *ring)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + 1.5, 0, 2 * G_PI);
  bp_render_set_rgb (cr, ring);
  cairo_fill (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  bp_render_set_rgb (cr, &r->pal->badge[bit]);
  cairo_fill (cr);

  bp_render_set_rgb (cr, &r->pal->badge_glyph);
  draw_badge_glyph (cr, 1 << bit, x, y);
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

void
bp_render_get_notes_mark (const BpRect *card,
                          BpPoint      *center,
                          double       *radius)
{
  g_return_if_fail (card != NULL);

  center->x = card->x + card->width - BADGE_INSET;
  center->y = card->y + card->height;
  *radius = NOTES_RADIUS;
}

/* A card with notes: a small round mark on its bottom edge, ringed in the
 * card's colour as the badges are, with three lines of "text" in it. */
static void
draw_notes_mark (BpRender     *r,
                 const BpRect *card,
                 const BpRgb  *ring)
{
  cairo_t *cr = r->cr;
  BpPoint c;
  double radius;

  bp_render_get_notes_mark (card, &c, &radius);
  cairo_new_path (cr);
  cairo_arc (cr, c.x, c.y, radius + 1.5, 0, 2 * G_PI);
  bp_render_set_rgb (cr, ring);
  cairo_fill (cr);
  cairo_arc (cr, c.x, c.y, radius, 0, 2 * G_PI);
  bp_render_set_rgb (cr, &r->pal->text_dim);
  cairo_fill (cr);

  /* The sheet's card colour: light on dark grey, dark on light grey. */
  bp_render_set_rgb (cr, &r->pal->card);
  cairo_set_line_width (cr, 1.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = -1; i <= 1; i++)
    {
      cairo_move_to (cr, c.x - 3, c.y + i * 2.6);
      cairo_line_to (cr, c.x + (i == 1 ? 1 : 3), c.y + i * 2.6);
    }
  cairo_stroke (cr);
}

/* ------------------------------------------------------------------ */
/* Forms on a PDF page                                                 */

/* A PDF page gets each card's frame (its shadow and fill) and each badge
 * as a form, recorded once for each size and colour and placed wherever
 * one of them is: a few bytes a card where paths of curves took
 * hundreds, each number of which cairo's PDF writer formats and
 * compresses. Cards never overlap, and the stacking gap keeps their
 * shadows apart, so the page looks as the layered fills above draw it.
 * Past MAX_FORMS, the rest are drawn one by one. */
#define MAX_FORMS 64

typedef enum {
  FORM_FRAME,  /* a card's top-left corner at the origin */
  FORM_BADGE,  /* a badge's centre at the origin */
} FormKind;

typedef struct {
  FormKind         kind;
  double           a;      /* a frame's width, a badge's flag bit */
  double           b;      /* a frame's height, a badge's radius */
  BpRgb            color;  /* a frame's fill, a badge's ring */
  cairo_surface_t *surface;
} Form;

static void
form_clear (gpointer data)
{
  Form *form = data;

  cairo_surface_destroy (form->surface);
}

/* A cache of forms for a PDF page, NULL for anything else. */
static GArray *
forms_new (BpRender *r)
{
  GArray *forms;

  if (cairo_surface_get_type (cairo_get_target (r->cr)) != CAIRO_SURFACE_TYPE_PDF)
    return NULL;

  forms = g_array_new (FALSE, FALSE, sizeof (Form));
  g_array_set_clear_func (forms, form_clear);
  return forms;
}

static void
draw_frame (BpRender    *r,
            cairo_t     *cr,
            double       x,
            double       y,
            double       width,
            double       height,
            const BpRgb *fill)
{
  BpRect card = { x, y, width, height };

  for (guint l = 0; l < G_N_ELEMENTS (shadow_layers); l++)
    {
      trace_shadow (cr, &card, l);
      cairo_set_source_rgba (cr, 0, 0, 0, r->pal->shadow * shadow_layers[l].alpha);
      cairo_fill (cr);
    }

  bp_render_rounded_rect (cr, &card, BP_RENDER_CARD_RADIUS);
  bp_render_set_rgb (cr, fill);
  cairo_fill (cr);
}

/* At (@x, @y): a frame's top-left corner, a badge's centre. */
static void
draw_form (BpRender   *r,
           cairo_t    *cr,
           const Form *form,
           double      x,
           double      y)
{
  if (form->kind == FORM_FRAME)
    draw_frame (r, cr, x, y, form->a, form->b, &form->color);
  else
    draw_badge (r, cr, (guint) form->a, x, y, form->b, &form->color);
}

/* Paints the form @key describes at (@x, @y), recording it first if it
 * is new; or draws it there when @forms is NULL (not a PDF) or full. */
static void
place_form (BpRender *r,
            GArray   *forms,
            Form     *key,
            double    x,
            double    y)
{
  cairo_surface_t *surface = NULL;

  for (guint i = 0; forms != NULL && i < forms->len && surface == NULL; i++)
    {
      Form *known = &g_array_index (forms, Form, i);

      if (known->kind == key->kind && known->a == key->a && known->b == key->b &&
          memcmp (&known->color, &key->color, sizeof key->color) == 0)
        surface = known->surface;
    }

  if (surface == NULL && forms != NULL && forms->len < MAX_FORMS)
    {
      /* Shadows and rings reach a little past a card or a badge. */
      double reach = BP_RENDER_CARD_OVERHANG;
      cairo_rectangle_t extents = { -reach, -reach, 2 * reach, 2 * reach };
      cairo_t *cr;

      if (key->kind == FORM_FRAME)
        {
          extents.width += key->a;
          extents.height += key->b;
        }
      key->surface = surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (surface);
      draw_form (r, cr, key, 0, 0);
      cairo_destroy (cr);
      g_array_append_val (forms, *key);
    }

  if (surface != NULL)
    {
      cairo_set_source_surface (r->cr, surface, x, y);
      cairo_paint (r->cr);
    }
  else
    draw_form (r, r->cr, key, x, y);
}

/* Each card's shadow and fill, card by card. */
static void
draw_card_frames (BpRender *r,
                  GArray   *forms,
                  GArray   *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      Form frame = { FORM_FRAME, 0, 0, r->pal->card, NULL };
      BpRect card;

      if (!bp_layout_get_step_rect (r->layout, position, &card))
        continue;

      frame.a = card.width;
      frame.b = card.height;
      bp_render_parse_color (bp_step_get_color (step), &frame.color);
      place_form (r, forms, &frame, card.x, card.y);
    }
}

/* Each of a card's badges. */
static void
draw_badges (BpRender     *r,
             GArray       *forms,
             const BpRect *card,
             BpStepFlags   flags,
             const BpRgb  *ring)
{
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      Form badge = { FORM_BADGE, bit, 0, *ring, NULL };
      BpPoint center;

      if (bp_render_get_badge (card, flags, 1 << bit, &center, &badge.b))
        place_form (r, forms, &badge, center.x, center.y);
    }
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
                   GArray   *forms,
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
      const char *notes = bp_step_get_notes (step);

      bp_render_draw_card_text (r, step, &card, ink);
      draw_badges (r, forms, &card, bp_step_get_flags (step), &fill);
      if (notes != NULL && notes[0] != '\0')
        draw_notes_mark (r, &card, &fill);
    }
}

/* Zoomed out, the shadows go and grey lines and dots stand for the text
 * and the badges. */
void
bp_render_draw_cards (BpRender *r,
                      GArray   *positions)
{
  g_autoptr(GArray) forms = r->draw_text ? forms_new (r) : NULL;

  if (forms != NULL)
    draw_card_frames (r, forms, positions);
  else
    {
      if (r->draw_text)
        draw_card_shadows (r, positions);
      draw_card_fills (r, positions);
    }
  if (!r->draw_text)
    {
      draw_text_placeholders (r, positions);
      draw_badge_dots (r, positions);
    }
  for (guint i = 0; i < positions->len; i++)
    draw_card_details (r, forms, g_array_index (positions, guint, i));
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
