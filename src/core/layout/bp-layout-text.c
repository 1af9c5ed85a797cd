/* bp-layout-text.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-text.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "layout/bp-layout.h"
#include "model/bp-hash.h"

/* Past this many entries (or four times the document's cards), the
 * measure cache starts afresh. */
#define MEASURE_CACHE_MIN_SIZE 4096

PangoContext *
bp_card_text_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics: text wraps the same at every zoom, in a PNG and in
   * a PDF, and as the layout measured it. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

PangoFontDescription *
bp_card_text_font_new (double      size,
                       PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (BP_CARD_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

/* The byte length of at most BP_CARD_MAX_CHARS characters of @text. */
static gsize
clip_length (const char *text)
{
  const char *p = text;

  for (gsize n = 0; n < BP_CARD_MAX_CHARS && *p != '\0'; n++)
    {
      const char *next = g_utf8_next_char (p);

      /* A broken sequence must not take us past the terminator. */
      while (++p < next)
        if (*p == '\0')
          return p - text;
    }

  return p - text;
}

void
bp_card_text_set_body (PangoLayout                *layout,
                       const PangoFontDescription *font,
                       const char                 *text,
                       double                      width)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, -1);
  pango_layout_set_text (layout, text, (int) clip_length (text));
}

gboolean
bp_card_text_has_footer (BpStep *step)
{
  const char *actor = bp_step_get_actor (step);

  return bp_step_has_duration (step) || (actor != NULL && actor[0] != '\0');
}

/* ------------------------------------------------------------------ */
/* The measure cache: a layout update asks for every card, and shaping
 * text is the costly part, so heights are kept by text and width. */

typedef struct {
  double width;
  char  *text;
} MeasureKey;

struct _BpCardMeasure {
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *body;
  double                footer;   /* the footer line and its gap */
  GHashTable           *heights;  /* MeasureKey * → double * (body) */
};

static guint
measure_key_hash (gconstpointer data)
{
  const MeasureKey *key = data;

  return bp_str_hash (key->text) ^ (guint) (key->width * 64);
}

static gboolean
measure_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const MeasureKey *ka = a;
  const MeasureKey *kb = b;

  return ka->width == kb->width && g_str_equal (ka->text, kb->text);
}

static void
measure_key_free (gpointer data)
{
  MeasureKey *key = data;

  g_free (key->text);
  g_free (key);
}

static double
text_height (BpCardMeasure *measure)
{
  int height;

  pango_layout_get_size (measure->scratch, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The tallest of the footer's fonts, measured once. */
static double
footer_height (BpCardMeasure *measure)
{
  const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(PangoFontDescription) font = bp_card_text_font_new (BP_CARD_SMALL_SIZE, weights[i]);

      bp_card_text_set_body (measure->scratch, font, "Ag", 1000);
      height = MAX (height, text_height (measure));
    }

  return height + BP_CARD_FOOTER_GAP;
}

BpCardMeasure *
bp_card_measure_new (void)
{
  BpCardMeasure *measure = g_new0 (BpCardMeasure, 1);

  measure->context = bp_card_text_context_new ();
  measure->scratch = pango_layout_new (measure->context);
  measure->body = bp_card_text_font_new (BP_CARD_BODY_SIZE, PANGO_WEIGHT_NORMAL);
  measure->footer = footer_height (measure);
  measure->heights = g_hash_table_new_full (measure_key_hash, measure_key_equal,
                                            measure_key_free, g_free);
  return measure;
}

void
bp_card_measure_free (BpCardMeasure *measure)
{
  if (measure == NULL)
    return;

  g_hash_table_unref (measure->heights);
  pango_font_description_free (measure->body);
  g_object_unref (measure->scratch);
  g_object_unref (measure->context);
  g_free (measure);
}

static double
body_height (BpCardMeasure *measure,
             const char    *text,
             double         width,
             guint          n_steps)
{
  MeasureKey lookup = { width, (char *) text };
  MeasureKey *key;
  double *height;

  height = g_hash_table_lookup (measure->heights, &lookup);
  if (height != NULL)
    return *height;

  if (g_hash_table_size (measure->heights) > MAX (MEASURE_CACHE_MIN_SIZE, 4 * n_steps))
    g_hash_table_remove_all (measure->heights);

  bp_card_text_set_body (measure->scratch, measure->body, text, width);
  key = g_new (MeasureKey, 1);
  key->width = width;
  key->text = g_strdup (text);
  height = g_new (double, 1);
  *height = text_height (measure);
  g_hash_table_insert (measure->heights, key, height);
  return *height;
}

double
bp_card_measure_height (BpCardMeasure *measure,
                        BpStep        *step,
                        double         width,
                        guint          n_steps)
{
  const char *text = bp_step_get_text (step);
  double needed = 2 * BP_CARD_PADDING;

  if (text[0] != '\0')
    needed += body_height (measure, text, width - 2 * BP_CARD_PADDING, n_steps);
  if (bp_card_text_has_footer (step))
    needed += measure->footer;

  /* Whole units keep the rows and lines on whole pixels at 100 %. */
  return MAX (BP_LAYOUT_CARD_HEIGHT, ceil (needed));
}
