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
#include <string.h>
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

#define N_ASCII 128

struct _BpCardMeasure {
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *body;
  double                footer;   /* the footer line and its gap */
  double                line;     /* one line of the body */
  /* Each printable character's advance, widened and narrowed by more
   * than kerning moves it: bounds on what a run of them takes. */
  double                wide[N_ASCII];
  double                narrow[N_ASCII];
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

/* The advances of the characters count_lines() knows, in the body font,
 * read off one line of them all: one shaping, not seventy. */
static void
measure_advances (BpCardMeasure *measure)
{
  char printable[N_ASCII];
  guint n = 0;

  for (guint c = 0; c < N_ASCII; c++)
    {
      measure->wide[c] = measure->narrow[c] = -1;
      /* Only characters that never offer pango a line break of their
       * own (a hyphen, a slash or a question mark do): with them, lines
       * break at spaces alone, as count_lines() breaks them. */
      if (g_ascii_isalnum (c) || (c != '\0' && strchr (" .,:;'()#&*=@_\"", (int) c) != NULL))
        printable[n++] = (char) c;
    }
  printable[n] = '\0';

  bp_card_text_set_body (measure->scratch, measure->body, printable, 100000);
  for (guint i = 0; i < n; i++)
    {
      guchar c = (guchar) printable[i];
      PangoRectangle pos;
      double advance;

      pango_layout_index_to_pos (measure->scratch, (int) i, &pos);
      advance = (double) ABS (pos.width) / PANGO_SCALE;
      measure->wide[c] = advance * 1.01 + 0.1;
      measure->narrow[c] = MAX (0, advance * 0.99 - 0.1);
    }

  bp_card_text_set_body (measure->scratch, measure->body, "Ag", 1000);
  measure->line = text_height (measure);
}

/* How many lines @text takes, wrapped at word ends into @width, when
 * each character takes @advance[c]; 0 when that cannot tell (characters
 * past ASCII, a word longer than a line). */
static guint
count_lines (const double *advance,
             const char   *text,
             double        width)
{
  const guchar *p = (const guchar *) text;
  /* Where pango stops too (all ASCII: a byte is a character). */
  const guchar *end = p + clip_length (text);
  double x = 0;
  guint lines = 1;

  while (p < end)
    {
      double word = 0;

      if (*p == '\n')
        {
          lines++;
          x = 0;
          p++;
          continue;
        }
      if (*p == ' ')
        {
          x += advance[' '];
          p++;
          continue;
        }

      for (; p < end && *p != ' ' && *p != '\n'; p++)
        {
          if (*p >= N_ASCII || advance[*p] < 0)
            return 0;
          word += advance[*p];
        }
      if (word > width)
        return 0;

      /* Spaces at a line's end never wrap it; a word that does not fit
       * goes to the next line, without the spaces before it. */
      if (x > 0 && x + word > width)
        {
          lines++;
          x = 0;
        }
      x += word;
    }

  return lines;
}

/* The number of lines, when the widest and the narrowest reckoning of
 * the advances agree on it, else 0 (shape the text). Far cheaper than
 * shaping, and it decides most plain texts. */
static guint
lines_for_sure (BpCardMeasure *measure,
                const char    *text,
                double         width)
{
  guint most = count_lines (measure->wide, text, width);

  if (most == 0 || count_lines (measure->narrow, text, width) != most)
    return 0;
  return most;
}

BpCardMeasure *
bp_card_measure_new (void)
{
  BpCardMeasure *measure = g_new0 (BpCardMeasure, 1);

  measure->context = bp_card_text_context_new ();
  measure->scratch = pango_layout_new (measure->context);
  measure->body = bp_card_text_font_new (BP_CARD_BODY_SIZE, PANGO_WEIGHT_NORMAL);
  measure->footer = footer_height (measure);
  measure_advances (measure);
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
  double body = width - 2 * BP_CARD_PADDING;
  guint lines;

  if (bp_card_text_has_footer (step))
    needed += measure->footer;

  if (text[0] == '\0')
    return MAX (BP_LAYOUT_CARD_HEIGHT, ceil (needed));

  lines = lines_for_sure (measure, text, body);
  if (lines > 0)
    needed += lines * measure->line;
  else
    needed += body_height (measure, text, body, n_steps);

  /* Whole units keep the rows and lines on whole pixels at 100 %. */
  return MAX (BP_LAYOUT_CARD_HEIGHT, ceil (needed));
}
