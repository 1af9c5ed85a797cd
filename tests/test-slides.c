/* test-slides.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "export/bp-export.h"
#include "export/bp-slides.h"
#include "layout/bp-layout.h"

/* Slides that fill the page: the samples and generated blueprints of 3
 * to 40 stages, exported as 16:9 slides with as many stages as fit. */

static const char * const samples[] = {
  "loan-payment.bpj", "it-support.bpj", "saas-onboarding.bpj",
};

static BpDocument *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), name, NULL);
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  return document;
}

/* Six lanes, as in the samples; stages of one to three cards of varied
 * widths, and flows from each stage's first card to the next stage's
 * first and, now and then, to the stage after that. */
static BpDocument *
generate (guint n_stages,
          guint seed)
{
  static const BpLaneKind kinds[] = {
    BP_LANE_KIND_EVIDENCE, BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE,
    BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT,
  };
  BpDocument *document = bp_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  bp_document_set_title (document, "Generated journey");
  bp_document_set_persona (document, "A customer who tries a service for the first time and "
                                     "compares it with two others before choosing");
  bp_document_set_goal (document, "Get from a question to an answer without calling anyone");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_nonnull (bp_document_add_lane (document, kinds[i], NULL));

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %02u", s + 1);
      BpStage *stage = bp_document_add_stage (document, name, -1);
      guint n_cards = g_rand_int_range (rand, 1, 4);

      guint lane = g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));

      /* Each card in a lane of its own, a little to the right of the
       * one before, as a journey reads. */
      for (guint c = 0; c < n_cards; c++, lane = (lane + 2) % G_N_ELEMENTS (kinds))
        {
          BpLane *lane_item = bp_document_get_lane (document, lane);
          BpStep *step = bp_document_add_step (document, bp_item_get_id (BP_ITEM (lane_item)),
                                               bp_item_get_id (BP_ITEM (stage)),
                                               12 + c * 60, "Checks what the offer includes");

          g_assert_nonnull (step);
          bp_step_set_width (step, g_rand_int_range (rand, 140, 250));
          if (c == 0)
            g_ptr_array_add (firsts, step);
        }
    }

  for (guint s = 0; s + 1 < firsts->len; s++)
    {
      bp_document_add_flow (document, bp_item_get_id (firsts->pdata[s]),
                            bp_item_get_id (firsts->pdata[s + 1]));
      if (s + 2 < firsts->len && s % 3 == 0)
        bp_document_add_flow (document, bp_item_get_id (firsts->pdata[s]),
                              bp_item_get_id (firsts->pdata[s + 2]));
    }

  return document;
}

static void
init_slides (BpExportOptions *options)
{
  bp_export_options_init (options);
  options->format = BP_EXPORT_FORMAT_PDF;
  options->page = BP_EXPORT_PAGE_SLIDE;
}

/* The box around what is drawn above the footer, found from the pixels
 * that are not the background. */
static void
drawn_extents (BpLayout              *layout,
               const BpExportOptions *options,
               guint                  page,
               BpRect                *box)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                          BP_SLIDE_WIDTH, BP_SLIDE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  BpRect area;
  guint32 background;
  int stride, x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;
  const guchar *data;

  bp_export_draw_page (cr, layout, options, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The corner is never drawn on: the margin is there. */
  background = *(const guint32 *) data & 0xffffff;
  bp_slides_get_content_area (&area);

  for (int y = 0; y < (int) (area.y + area.height); y++)
    for (int x = 0; x < (int) BP_SLIDE_WIDTH; x++)
      if ((((const guint32 *) (data + y * stride))[x] & 0xffffff) != background)
        {
          x0 = MIN (x0, x);
          x1 = MAX (x1, x);
          y0 = MIN (y0, y);
          y1 = MAX (y1, y);
        }

  cairo_surface_destroy (surface);
  g_assert_cmpint (x1, >=, 0);
  *box = (BpRect) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
}

/* Every stage once, in order, none split; card text at the chosen size
 * or more; each slide filled to 70 % of its width or its height. */
static void
check_slides (BpDocument *document,
              const char *what)
{
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  guint n_stages = bp_document_get_n_stages (document);
  g_autoptr(GArray) slides = bp_slides_plan (layout, 0, n_stages - 1, 0, TRUE);
  BpExportOptions options;
  guint next = 0;

  init_slides (&options);
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, slides->len);
  g_test_message ("%s: %u stages on %u slides", what, n_stages, slides->len);

  for (guint i = 0; i < slides->len; i++)
    {
      const BpSlide *slide = &g_array_index (slides, BpSlide, i);
      BpRect box;

      g_assert_cmpuint (slide->first, ==, next);
      g_assert_cmpuint (slide->last, >=, slide->first);
      g_assert_true (slide->title == (i == 0));
      next = slide->last + 1;

      g_test_message ("slide %u: %u-%u w %g h %g title %g zoom %g", i, slide->first, slide->last, slide->width, slide->height, slide->title_height, slide->zoom);
      g_assert_cmpfloat (bp_slides_get_text_size (slide), >=, BP_SLIDE_MIN_TEXT);

      drawn_extents (layout, &options, i, &box);
      if (box.width < 0.7 * BP_SLIDE_WIDTH && box.height < 0.7 * BP_SLIDE_HEIGHT)
        g_error ("%s: slide %u is filled to %.0f × %.0f points only", what, i + 1, box.width, box.height);
    }

  g_assert_cmpuint (next, ==, n_stages);
}

static void
test_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(BpDocument) document = load_sample (samples[i]);

      check_slides (document, samples[i]);
    }
}

static void
test_generated (void)
{
  for (guint n = 3; n <= 40; n++)
    {
      g_autoptr(BpDocument) document = generate (n, n);
      g_autofree char *what = g_strdup_printf ("%u generated stages", n);

      check_slides (document, what);
    }
}

/* More than one slide, and slides share the stages out: a slide with a
 * lone stage never follows one that could have given it a partner. */
static void
test_balanced (void)
{
  g_autoptr(BpDocument) document = load_sample (samples[0]);
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  guint n = bp_document_get_n_stages (document);
  g_autoptr(GArray) slides = bp_slides_plan (layout, 0, n - 1, 0, TRUE);
  guint fewest = G_MAXUINT, most = 0;

  g_assert_cmpuint (slides->len, >, 1);
  for (guint i = 0; i < slides->len; i++)
    {
      const BpSlide *slide = &g_array_index (slides, BpSlide, i);

      fewest = MIN (fewest, slide->last - slide->first + 1);
      most = MAX (most, slide->last - slide->first + 1);
    }
  g_assert_cmpuint (most - fewest, <=, 1);
}

/* A fixed number a slide, the last taking what is left; one page per
 * stage. */
static void
test_per_slide (void)
{
  g_autoptr(BpDocument) document = generate (7, 3);
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  BpExportOptions options;

  init_slides (&options);
  options.stages_per_slide = 2;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 4);
  options.stages_per_slide = 1;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 7);
  options.stages_per_slide = 0;
  options.page_per_stage = TRUE;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 7);
  options.page_per_stage = FALSE;
  options.stages_per_slide = G_MAXUINT;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 1);
  /* A range: stages 3 to 6, two a slide. */
  options.stages_per_slide = 2;
  options.first_stage = 2;
  options.last_stage = 5;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 2);
}

/* A scenario far longer than a line is wrapped on the first slide, not
 * cut: the title band grows with it. */
static void
test_scenario_wraps (void)
{
  g_autoptr(BpDocument) document = generate (4, 1);
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  g_autoptr(GArray) before = bp_slides_plan (layout, 0, 3, 0, TRUE);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GString) persona = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append (persona, "a customer with many accounts ");
  bp_document_set_persona (document, persona->str);
  bp_layout_update (layout);
  after = bp_slides_plan (layout, 0, 3, 0, TRUE);

  g_assert_cmpfloat (g_array_index (after, BpSlide, 0).title_height, >,
                     g_array_index (before, BpSlide, 0).title_height + 30);
  /* Only the first slide has the title band. */
  for (guint i = 1; i < after->len; i++)
    g_assert_cmpfloat (g_array_index (after, BpSlide, i).title_height, ==, 0);
}

/* Reads a PDF's text with pdftotext; NULL (and the test skipped) when
 * poppler-utils is not installed. */
static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }

  {
    const char *argv[] = { pdftotext, "-f", first, "-l", first, pdf, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* In the file: each stage's name in exactly one slide's header (and
 * otherwise only in markers), the footer's "Stages 1–3 of 5", and a
 * marker where a flow goes on to a stage of the next slide. */
static void
test_pdf_text (void)
{
  g_autoptr(BpDocument) document = generate (9, 4);
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-slides-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
  g_autoptr(GArray) slides = bp_slides_plan (layout, 0, 8, 0, TRUE);
  g_autoptr(GError) error = NULL;
  BpExportOptions options;
  guint seen[9] = { 0 };

  init_slides (&options);
  g_assert_true (bp_export_to_file (document, pdf, &options, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < slides->len; i++)
    {
      const BpSlide *slide = &g_array_index (slides, BpSlide, i);
      g_autofree char *text = pdf_text (pdf, i + 1);
      g_autofree char *footer = NULL;

      if (text == NULL)
        goto out;

      footer = g_strdup_printf ("Stages %u–%u of 9", slide->first + 1, slide->last + 1);
      g_assert_nonnull (strstr (text, footer));

      for (guint s = 0; s < 9; s++)
        {
          g_autofree char *name = g_strdup_printf ("Phase %02u", s + 1);
          g_autofree char *right = g_strdup_printf ("→ %s", name);
          g_autofree char *left = g_strdup_printf ("← %s", name);
          guint in_headers = count (text, name) - count (text, right) - count (text, left);

          seen[s] += in_headers;
          if (s >= slide->first && s <= slide->last)
            g_assert_cmpuint (in_headers, ==, 1);
          /* The flow from each stage's first card to the next stage's. */
          if (i + 1 < slides->len && s == slide->last + 1)
            g_assert_cmpuint (count (text, right), >=, 1);
          if (i > 0 && s + 1 == slide->first)
            g_assert_cmpuint (count (text, left), >=, 1);
        }
    }

  for (guint s = 0; s < 9; s++)
    g_assert_cmpuint (seen[s], ==, 1);

out:
  g_unlink (pdf);
  g_rmdir (dir);
}

/* The y of @word's first box in pdftotext's -bbox output of @page, its
 * top (@top) or its bottom; -1 when absent. */
static double
word_edge (const char *pdf,
           guint       page,
           const char *word,
           gboolean    top)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *out = NULL;
  g_autofree char *pattern = g_strdup_printf ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">%s<", word);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *value = NULL;
  const char *argv[] = { pdftotext, "-bbox", "-f", first, "-l", first, pdf, "-", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  if (!g_regex_match (regex, out, 0, &match))
    return -1;
  value = g_match_info_fetch (match, top ? 1 : 2);
  return g_ascii_strtod (value, NULL);
}

/* The legend of a slide's title band (the marks and the flow kinds)
 * and the scenario, across the whole width, never overlap. */
static void
test_scenario_below_legend (void)
{
  g_autoptr(BpDocument) document = generate (4, 4);
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-slides-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
  g_autoptr(GError) error = NULL;
  BpExportOptions options;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  double legend_top, legend_bottom, scenario_top, scenario_bottom;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  bp_document_set_persona (document, "Existing customer with a car loan");
  init_slides (&options);
  options.legend = BP_EXPORT_LEGEND_ON;
  g_assert_true (bp_export_to_file (document, pdf, &options, &error));
  g_assert_no_error (error);

  legend_top = word_edge (pdf, 1, "Information", TRUE);
  legend_bottom = word_edge (pdf, 1, "Information", FALSE);
  scenario_top = word_edge (pdf, 1, "Persona", TRUE);
  scenario_bottom = word_edge (pdf, 1, "Persona", FALSE);
  g_assert_cmpfloat (legend_top, >, 0);
  g_assert_cmpfloat (scenario_top, >, 0);
  g_assert_true (scenario_top >= legend_bottom || legend_top >= scenario_bottom);

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/samples", test_samples);
  g_test_add_func ("/slides/generated", test_generated);
  g_test_add_func ("/slides/balanced", test_balanced);
  g_test_add_func ("/slides/per-slide", test_per_slide);
  g_test_add_func ("/slides/scenario-wraps", test_scenario_wraps);
  g_test_add_func ("/slides/pdf-text", test_pdf_text);
  g_test_add_func ("/slides/scenario-below-legend", test_scenario_below_legend);

  return g_test_run ();
}
