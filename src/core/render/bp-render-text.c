/* bp-render-text.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

#include <pango/pangocairo.h>

#include "layout/bp-layout-text.h"
#include "model/bp-duration.h"

/* The narrowest glyph, in ems: how much text can possibly fit. */
#define NARROWEST_GLYPH  0.2

static const struct {
  double      size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_TITLE] = { 22, PANGO_WEIGHT_BOLD },
  [FONT_HEADER] = { 14, PANGO_WEIGHT_BOLD },
  [FONT_LANE] = { 13, PANGO_WEIGHT_SEMIBOLD },
  [FONT_BODY] = { BP_CARD_BODY_SIZE, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL] = { BP_CARD_SMALL_SIZE, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL_BOLD] = { BP_CARD_SMALL_SIZE, PANGO_WEIGHT_BOLD },
  [FONT_SCENARIO] = { 12.5, PANGO_WEIGHT_NORMAL },
};

double
bp_render_font_size (BpFont font)
{
  return font_specs[font].size;
}

/* The byte length of the first @max_chars characters of @text: pango
 * never sees more than a piece of text can show. */
gsize
bp_render_clip_length (const char *text,
                       gsize       max_chars)
{
  const char *p = text;

  for (gsize n = 0; n < max_chars && *p != '\0'; n++)
    {
      const char *next = g_utf8_next_char (p);

      /* A broken sequence must not take us past the terminator. */
      while (++p < next)
        if (*p == '\0')
          return p - text;
    }

  return p - text;
}

static gsize
chars_that_fit (BpFont font,
                double width,
                double height)
{
  double em = font_specs[font].size;
  double per_line = width / (em * NARROWEST_GLYPH) + 1;
  double lines = height / em + 1;

  return (gsize) CLAMP (per_line * lines, 8, 4000);
}

/* ------------------------------------------------------------------ */
/* Shaped text that lives from one frame to the next: laying out text is
 * most of a frame's work, and scrolling draws the same cards again. The
 * cache hangs on the BpLayout and dies with it. */

typedef struct {
  BpStep      *step;       /* a reference */
  gulong       notify_id;
  double       width;      /* the card size the text was set for */
  double       height;
  PangoLayout *body;       /* each NULL when there is nothing to show */
  PangoLayout *actor;
  PangoLayout *duration;
} CardText;

struct _BpTextCache {
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *fonts[N_FONTS];
  GHashTable           *cards;   /* BpStep * → CardText * */
};

/* Past this many cards (or twice the document's), start afresh. */
#define TEXT_CACHE_MIN_SIZE 4096

static void
card_text_free (gpointer data)
{
  CardText *text = data;

  g_clear_signal_handler (&text->notify_id, text->step);
  g_clear_object (&text->step);
  g_clear_object (&text->body);
  g_clear_object (&text->actor);
  g_clear_object (&text->duration);
  g_free (text);
}

static void
text_cache_free (gpointer data)
{
  BpTextCache *cache = data;

  g_hash_table_unref (cache->cards);
  g_object_unref (cache->scratch);
  g_object_unref (cache->context);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (cache->fonts[i]);
  g_free (cache);
}

static BpTextCache *
text_cache_new (void)
{
  BpTextCache *cache = g_new0 (BpTextCache, 1);

  /* The layout's context and fonts: the layout sized each card for the
   * text as these set it (see bp_render_init_text()). */
  cache->context = bp_card_text_context_new ();
  cache->scratch = pango_layout_new (cache->context);
  for (guint i = 0; i < N_FONTS; i++)
    cache->fonts[i] = bp_card_text_font_new (font_specs[i].size, font_specs[i].weight);

  cache->cards = g_hash_table_new_full (NULL, NULL, NULL, card_text_free);
  return cache;
}

static BpTextCache *
text_cache_get (BpLayout *layout)
{
  static GQuark quark;
  BpTextCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("bp-render-text-cache");

  cache = g_object_get_qdata (G_OBJECT (layout), quark);
  if (cache == NULL)
    {
      cache = text_cache_new ();
      g_object_set_qdata_full (G_OBJECT (layout), quark, cache, text_cache_free);
    }

  return cache;
}

/* Text is laid out at 1:1, whatever the zoom, and cairo draws its glyphs
 * at the scale of the moment. So text wraps the same at every zoom, in a
 * PNG and in a PDF, and zooming keeps the shaped text. (A context that
 * follows the zoom also trips pango's ellipsizing to a height, which
 * then guesses line heights in the wrong units.) */
void
bp_render_init_text (BpRender *r)
{
  r->cache = text_cache_get (r->layout);
  r->text = r->cache->scratch;
}

/* Any change to a step may change its text, size or footer. */
static void
on_step_notify (BpStep      *step,
                GParamSpec  *pspec,
                BpTextCache *cache)
{
  g_hash_table_remove (cache->cards, step);
}

/* ------------------------------------------------------------------ */
/* Pango layouts                                                       */

/* One line of @text, ellipsized at @width; line breaks become spaces. */
static void
layout_line (BpTextCache *cache,
             PangoLayout *layout,
             BpFont       font,
             const char  *text,
             double       width)
{
  gsize length = bp_render_clip_length (text, chars_that_fit (font, width, 0));
  g_autofree char *line = g_strndup (text, length);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  pango_layout_set_font_description (layout, cache->fonts[font]);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, -1);
  pango_layout_set_text (layout, line, -1);
}

/* @text wrapped into @width, ellipsized where it leaves @height. */
static void
layout_wrapped (BpTextCache *cache,
                PangoLayout *layout,
                BpFont       font,
                const char  *text,
                double       width,
                double       height)
{
  gsize length = bp_render_clip_length (text, chars_that_fit (font, width, height));

  pango_layout_set_font_description (layout, cache->fonts[font]);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (MAX (height, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, (int) length);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width)
    *width = (double) w / PANGO_SCALE;
  if (height)
    *height = (double) h / PANGO_SCALE;
}

static void
show_layout (BpRender    *r,
             PangoLayout *layout,
             double       x,
             double       y,
             const BpRgb *color,
             double       alpha)
{
  bp_render_set_rgba (r->cr, color, alpha);
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
  /* Leave no current point for the next arc to join. */
  cairo_new_path (r->cr);
}

void
bp_render_set_line_text (BpRender   *r,
                         BpFont      font,
                         const char *text,
                         double      width)
{
  layout_line (r->cache, r->text, font, text, width);
}

void
bp_render_set_wrapped_text (BpRender   *r,
                            BpFont      font,
                            const char *text,
                            double      width,
                            double      height)
{
  layout_wrapped (r->cache, r->text, font, text, width, height);
}

void
bp_render_text_size (BpRender *r,
                     double   *width,
                     double   *height)
{
  layout_size (r->text, width, height);
}

void
bp_render_show_text (BpRender    *r,
                     double       x,
                     double       y,
                     const BpRgb *color,
                     double       alpha)
{
  show_layout (r, r->text, x, y, color, alpha);
}

/* ------------------------------------------------------------------ */
/* The text on a card                                                  */

/* The card's text laid out for a card of @card's size: the body, whole
 * (the layout made the card tall enough for it), and a footer line with
 * the actor at the left and the duration at the right. */
static CardText *
card_text_new (BpRender     *r,
               BpStep       *step,
               const BpRect *card)
{
  CardText *text = g_new0 (CardText, 1);
  BpRect inner = bp_render_inset_rect (card, BP_CARD_PADDING, BP_CARD_PADDING);
  const char *actor = bp_step_get_actor (step);
  const char *body = bp_step_get_text (step);
  double duration_w = 0, footer = 0, h, actor_w;

  text->step = g_object_ref (step);
  text->width = card->width;
  text->height = card->height;

  if (bp_step_has_duration (step))
    {
      g_autofree char *duration = bp_duration_format (bp_step_get_duration (step));

      text->duration = pango_layout_new (r->cache->context);
      layout_line (r->cache, text->duration, FONT_SMALL_BOLD, duration, inner.width);
      layout_size (text->duration, &duration_w, &footer);
    }

  /* An actor squeezed to "…" says nothing: leave it out. */
  actor_w = inner.width - (duration_w > 0 ? duration_w + 8 : 0);
  if (actor != NULL && actor[0] != '\0' && actor_w >= 3 * font_specs[FONT_SMALL].size)
    {
      text->actor = pango_layout_new (r->cache->context);
      layout_line (r->cache, text->actor, FONT_SMALL, actor, actor_w);
      layout_size (text->actor, NULL, &h);
      footer = MAX (footer, h);
    }

  if (body[0] != '\0')
    {
      text->body = pango_layout_new (r->cache->context);
      bp_card_text_set_body (text->body, r->cache->fonts[FONT_BODY], body, inner.width);
    }

  return text;
}

static CardText *
card_text_get (BpRender     *r,
               BpStep       *step,
               const BpRect *card)
{
  GHashTable *cards = r->cache->cards;
  CardText *text = g_hash_table_lookup (cards, step);

  if (text != NULL && text->width == card->width && text->height == card->height)
    return text;

  if (g_hash_table_size (cards) >
      MAX (TEXT_CACHE_MIN_SIZE, 2 * bp_document_get_n_steps (r->document)))
    g_hash_table_remove_all (cards);

  text = card_text_new (r, step, card);
  text->notify_id = g_signal_connect (step, "notify", G_CALLBACK (on_step_notify), r->cache);
  g_hash_table_replace (cards, step, text);
  return text;
}

void
bp_render_draw_card_text (BpRender     *r,
                          BpStep       *step,
                          const BpRect *card,
                          const BpRgb  *ink)
{
  CardText *text = card_text_get (r, step, card);
  BpRect inner = bp_render_inset_rect (card, BP_CARD_PADDING, BP_CARD_PADDING);
  double w, h;

  if (text->duration != NULL)
    {
      layout_size (text->duration, &w, &h);
      show_layout (r, text->duration, inner.x + inner.width - w, inner.y + inner.height - h, ink, 0.7);
    }

  if (text->actor != NULL)
    {
      layout_size (text->actor, NULL, &h);
      show_layout (r, text->actor, inner.x, inner.y + inner.height - h, ink, 0.7);
    }

  if (text->body != NULL)
    show_layout (r, text->body, inner.x, inner.y, ink, 1);
}
