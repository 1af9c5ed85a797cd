/* test-card-text.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A card is as tall as its whole text needs, on the canvas and in
 * exports: no text is ever cut off with "…". The needs are measured here
 * with bare pango, apart from the layout's own measuring. */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bpj/bp-bpj.h"
#include "export/bp-export.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"

#include "core-test-utils.h"
#include "pdf-test-utils.h"

#define PADDING 10.0
#define LONG_TEXT "The advisor compares three different offers from partner banks, " \
                  "reads the small print of each one aloud, checks the customer's " \
                  "income against the rules of every bank, writes down what each " \
                  "would cost per month and over the whole term, and only then " \
                  "suggests the one that fits best. Last words: ZEBRA"

/* How tall @text is, wrapped at @width, in @size px of the card font,
 * never cut. */
static double
text_height (const char *text,
             double      size,
             PangoWeight weight,
             double      width)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Inter, sans-serif");
  PangoLayout *layout;
  int height;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &height);

  g_object_unref (layout);
  pango_font_description_free (font);
  cairo_font_options_destroy (options);
  g_object_unref (context);
  return (double) height / PANGO_SCALE;
}

/* What @step's card needs: its padding, its whole text, and a footer
 * line under it when it has an actor or a duration. */
static double
needed_height (BpStep *step)
{
  const char *actor = bp_step_get_actor (step);
  double width = bp_step_get_width (step) - 2 * PADDING;
  double needed = 2 * PADDING + text_height (bp_step_get_text (step), 13, PANGO_WEIGHT_NORMAL, width);

  if (bp_step_has_duration (step) || (actor != NULL && actor[0] != '\0'))
    needed += text_height ("Ag", 11, PANGO_WEIGHT_BOLD, 1000) + 4;  /* and the gap above */
  return needed;
}

static void
assert_cards_hold_text (BpDocument *doc)
{
  g_autoptr(BpLayout) layout = bp_layout_new (doc);

  for (guint i = 0; i < bp_document_get_n_steps (doc); i++)
    {
      BpStep *step = bp_document_get_step (doc, i);
      BpRect card, band;

      g_assert_true (bp_layout_get_step_rect (layout, i, &card));
      g_assert_cmpfloat (card.height, >=, BP_LAYOUT_CARD_HEIGHT);
      if (card.height < needed_height (step) - 0.01)
        g_error ("card %u (\"%.30s…\") is %.1f tall, its text needs %.1f",
                 i, bp_step_get_text (step), card.height, needed_height (step));

      /* Its lane grew to hold it. */
      g_assert_true (bp_layout_get_item_rect (layout, bp_document_lookup (doc, bp_step_get_lane (step)),
                                              &band));
      g_assert_cmpfloat (card.y + card.height, <=, band.y + band.height);
    }
}

/* Random texts of plain words and a few others, at random widths: each
 * card is exactly as tall as its text needs (or the least height), so
 * the layout's shortcut past shaping agrees with pango. */
static void
test_random_texts (void)
{
  static const char *const words[] = {
    "the", "customer", "checks", "WAVE", "AVATAR", "Today", "office", "final",
    "2FA", "code", "fly", "ffl", "password", "i", "W", "reminder,", "loan.", "(late?)",
    "caf\xc3\xa9", "\xe2\x80\x9cquoted\xe2\x80\x9d", "very-long-hyphenated-identifier",
    "x", "\n", "#12", "R&D", "\"said\"", "a=b", "me@home", "snake_case", "(a)", "1.5",
  };
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpLayout) layout = NULL;

  for (guint i = 0; i < 300; i++)
    {
      BpStep *step = core_test_add_card (doc, i % 5, i % 3, 20 + (i % 7) * 400,
                                         g_test_rand_int_range (60, 420));
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_words = g_test_rand_int_range (0, 40);

      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
        }
      bp_step_set_text (step, text->str);
      if (i % 2)
        bp_step_set_actor (step, "Website");
    }

  layout = bp_layout_new (doc);
  for (guint i = 0; i < bp_document_get_n_steps (doc); i++)
    {
      BpStep *step = bp_document_get_step (doc, i);
      double needed = MAX (BP_LAYOUT_CARD_HEIGHT, ceil (needed_height (step)));
      BpRect card;

      g_assert_true (bp_layout_get_step_rect (layout, i, &card));
      if (fabs (card.height - needed) > 1)
        g_error ("card %u (width %.0f, \"%s\") is %.1f tall, its text needs %.1f",
                 i, card.width, bp_step_get_text (step), card.height, needed);
    }
}

static BpDocument *
long_text_document (BpStep **long_card,
                    BpStep **below)
{
  BpDocument *doc = bp_document_new_standard ();

  *long_card = core_test_add_card (doc, 1, 0, 20, 160);
  bp_step_set_text (*long_card, LONG_TEXT);
  bp_step_set_actor (*long_card, "Advisor");
  /* Stacked under it: the row must be as tall as the long card. */
  *below = core_test_add_card (doc, 1, 0, 60, 160);
  return doc;
}

static void
test_samples (void)
{
  static const char *const samples[] = { "it-support.bpj", "loan-payment.bpj", "saas-onboarding.bpj" };
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (dir, samples[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) doc = bp_bpj_load (path, &error);

      g_assert_no_error (error);
      assert_cards_hold_text (doc);
    }
}

static void
test_long_text (void)
{
  BpStep *step, *below;
  g_autoptr(BpDocument) doc = long_text_document (&step, &below);
  g_autoptr(BpLayout) layout = NULL;
  BpRect card, under;

  assert_cards_hold_text (doc);

  layout = bp_layout_new (doc);
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (step), &card));
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (below), &under));
  /* Far more than the four lines a plain card holds. */
  g_assert_cmpfloat (card.height, >, 2 * BP_LAYOUT_CARD_HEIGHT);
  g_assert_cmpfloat (under.y, >=, card.y + card.height + BP_LAYOUT_ROW_GAP);

  /* Wider, it needs fewer lines; the layout follows the change. */
  bp_step_set_width (step, 600);
  bp_layout_update (layout);
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (step), &under));
  g_assert_cmpfloat (under.height, <, card.height);
  assert_cards_hold_text (doc);
}

/* How many pixels of @png in the rows [y0, y1) and columns [x0, x1)
 * are dark, as text is. */
static guint
count_ink (cairo_surface_t *png,
           int              x0,
           int              x1,
           int              y0,
           int              y1)
{
  const guchar *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if (((pixel >> 16) & 0xff) < 100 && ((pixel >> 8) & 0xff) < 100 && (pixel & 0xff) < 100)
          n++;
      }
  return n;
}

/* The exports draw the whole text: a PNG shows ink down to the card's
 * last text line, and a PDF's page holds the tall card. */
static void
test_exports (void)
{
  BpStep *step, *below;
  g_autoptr(BpDocument) doc = long_text_document (&step, &below);
  g_autoptr(BpLayout) layout = bp_layout_new (doc);
  g_autofree char *dir = g_dir_make_tmp ("card-text-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "long.png", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  BpExportOptions options;
  cairo_surface_t *png;
  BpRect card, bounds;
  double body, last_line;

  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (step), &card));
  bp_layout_get_bounds (layout, &bounds);
  body = text_height (LONG_TEXT, 13, PANGO_WEIGHT_NORMAL, card.width - 2 * PADDING);
  last_line = card.y + PADDING + body - 16;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PNG;
  options.legend = BP_EXPORT_LEGEND_OFF;
  g_assert_true (bp_export_to_file (doc, png_path, &options, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_height (png), >=, (int) bounds.height);
  /* The text's last line is drawn, inside the card. */
  g_assert_cmpuint (count_ink (png, (int) card.x, (int) (card.x + card.width),
                               (int) last_line, (int) (last_line + 14)), >, 20);
  cairo_surface_destroy (png);

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  options.legend = BP_EXPORT_LEGEND_OFF;
  g_assert_true (bp_export_to_file (doc, pdf_path, &options, &error));
  g_assert_no_error (error);
  pages = pdf_test_page_sizes (pdf_path);
  g_assert_cmpuint (pages->len, ==, 2);
  /* A page of the whole blueprint, at a fixed ratio of points to units. */
  g_assert_cmpfloat (g_array_index (pages, double, 1) / g_array_index (pages, double, 0), >=,
                     (card.y + needed_height (step)) / bounds.width * 0.99);

  g_unlink (png_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);
}

/* A card with notes carries a mark on its bottom edge; one without does
 * not. */
static void
test_notes_mark (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  BpStep *plain = core_test_add_card (doc, 1, 0, 20, 160);
  BpStep *noted = core_test_add_card (doc, 2, 0, 20, 160);
  g_autoptr(BpLayout) layout = NULL;
  BpRenderOptions options;
  cairo_surface_t *surface;
  BpRect bounds, card[2];
  BpPoint center[2];
  double radius;
  cairo_t *cr;

  bp_step_set_notes (noted, "Ask the branch first");
  layout = bp_layout_new (doc);
  bp_layout_get_bounds (layout, &bounds);
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (plain), &card[0]));
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (noted), &card[1]));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (bounds.width),
                                        (int) ceil (bounds.height));
  cr = cairo_create (surface);
  bp_render_options_init (&options);
  options.viewport = bounds;
  options.legend = FALSE;
  bp_render (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < 2; i++)
    {
      bp_render_get_notes_mark (&card[i], &center[i], &radius);
      g_assert_cmpfloat (center[i].y, ==, card[i].y + card[i].height);
    }
  /* Just inside the card, where the mark's fill is: the card's own fill
   * on the plain card, the mark's on the noted one. */
  g_assert_cmphex (pixel_at (surface, center[0].x - 4, center[0].y - 4) & 0xffffff, ==,
                   pixel_at (surface, center[0].x - 20, center[0].y - 4) & 0xffffff);
  g_assert_cmphex (pixel_at (surface, center[1].x - 4, center[1].y - 4) & 0xffffff, !=,
                   pixel_at (surface, center[1].x - 20, center[1].y - 4) & 0xffffff);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-text/samples", test_samples);
  g_test_add_func ("/card-text/long-text", test_long_text);
  g_test_add_func ("/card-text/random-texts", test_random_texts);
  g_test_add_func ("/card-text/exports", test_exports);
  g_test_add_func ("/card-text/notes-mark", test_notes_mark);

  return g_test_run ();
}
