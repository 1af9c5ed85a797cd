/* test-render-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <math.h>

#include "bpj/bp-bpj.h"
#include "compare/bp-compare.h"
#include "export/bp-export.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"
#include "render/bp-render-compare.h"
#include "render/bp-render-overlay.h"

/* The comparison of the loan payment's two states drawn alone, at 100 %,
 * on a transparent surface the size of the future state; pixels read
 * back where the marks must be, and must not. */

typedef struct {
  BpDocument      *old_document;
  BpDocument      *new_document;
  BpLayout        *old_layout;
  BpLayout        *layout;
  BpComparison    *comparison;
  cairo_surface_t *surface;
} Fixture;

static BpDocument *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), name, NULL);
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  BpRenderOverlay overlay;
  BpRect bounds;
  cairo_t *cr;

  f->old_document = load_sample ("loan-payment.bpj");
  f->new_document = load_sample ("loan-payment-future.bpj");
  f->old_layout = bp_layout_new (f->old_document);
  f->layout = bp_layout_new (f->new_document);
  bp_layout_update (f->old_layout);
  bp_layout_update (f->layout);
  f->comparison = bp_compare (f->old_document, f->new_document);

  bp_layout_get_bounds (f->layout, &bounds);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, bounds.width, bounds.height);
  cr = cairo_create (f->surface);
  bp_render_overlay_init (&overlay);
  overlay.layout = f->layout;
  overlay.comparison = f->comparison;
  overlay.compare_layout = f->old_layout;
  bp_render_overlay (cr, &overlay);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  g_object_unref (f->comparison);
  g_object_unref (f->layout);
  g_object_unref (f->old_layout);
  g_object_unref (f->new_document);
  g_object_unref (f->old_document);
}

typedef struct {
  guint8 r, g, b, a;
} Pixel;

static Pixel
pixel_at (Fixture *f,
          double   x,
          double   y)
{
  const guint8 *data = cairo_image_surface_get_data (f->surface);
  int stride = cairo_image_surface_get_stride (f->surface);
  const guint32 *row = (const guint32 *) (data + (int) y * stride);
  guint32 value = row[(int) x];

  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, value >> 24 };
}

static BpRect
rect_of (Fixture    *f,
         BpLayout   *layout,
         BpDocument *document,
         const char *id)
{
  BpRect rect;

  g_assert_true (bp_layout_get_item_rect (layout, bp_document_lookup (document, id), &rect));
  return rect;
}

/* The outline runs 3 units outside the card's left edge. */
static Pixel
left_outline (Fixture    *f,
              const char *id)
{
  BpRect card = rect_of (f, f->layout, f->new_document, id);

  return pixel_at (f, card.x - 3, card.y + card.height / 2);
}

static void
test_added_and_changed (Fixture       *f,
                        gconstpointer  data)
{
  Pixel added = left_outline (f, "cu-paylink");
  Pixel changed = left_outline (f, "cu-login");
  Pixel unchanged = left_outline (f, "cu-read");
  /* A card moved only within its lane is layout: no mark. */
  Pixel layout_only = left_outline (f, "sy-core");

  /* Green (premultiplied, opaque: as drawn). */
  g_assert_cmpint (added.a, ==, 255);
  g_assert_cmpint (added.g, >, added.r + 60);
  /* Orange. */
  g_assert_cmpint (changed.a, ==, 255);
  g_assert_cmpint (changed.r, >, changed.b + 100);
  g_assert_cmpint (changed.g, >, changed.b);
  g_assert_cmpint (unchanged.a, ==, 0);
  g_assert_cmpint (layout_only.a, ==, 0);
}

/* The removed card stands, faded, where it stood in the old state: its
 * stage and lane's counterparts, at its offset in them. */
static void
test_removed_ghost (Fixture       *f,
                    gconstpointer  data)
{
  BpStep *removed = BP_STEP (bp_document_lookup (f->old_document, "sv-apply"));
  BpRect place, old_card = rect_of (f, f->old_layout, f->old_document, "sv-apply");
  BpRect old_stage = rect_of (f, f->old_layout, f->old_document, "pay");
  BpRect new_stage = rect_of (f, f->layout, f->new_document, "pay");
  Pixel inside;

  g_assert_true (bp_render_compare_old_rect (f->layout, f->old_layout, f->comparison,
                                             removed, &place));
  g_assert_cmpfloat (place.x - new_stage.x, ==, old_card.x - old_stage.x);
  g_assert_cmpfloat (place.width, ==, old_card.width);

  /* Faded: neither empty nor opaque. */
  inside = pixel_at (f, place.x + place.width / 2, place.y + place.height - 4);
  g_assert_cmpint (inside.a, >, 0);
  g_assert_cmpint (inside.a, <, 255);
}

/* The posting of the debit moved from the back office to support: an
 * arrow runs from its old place to it, crossing the space between. */
static void
test_moved_arrow (Fixture       *f,
                  gconstpointer  data)
{
  BpStep *moved = BP_STEP (bp_document_lookup (f->old_document, "pm-post"));
  BpRect card = rect_of (f, f->layout, f->new_document, "pm-post");
  BpRect from;
  double x, y_between;
  gboolean found = FALSE;

  g_assert_true (bp_render_compare_old_rect (f->layout, f->old_layout, f->comparison,
                                             moved, &from));
  g_assert_cmpfloat (from.y + from.height, <, card.y);
  x = card.x + card.width / 2;
  y_between = (from.y + from.height + card.y) / 2;
  for (int dx = -2; dx <= 2; dx++)
    found |= pixel_at (f, x + dx, y_between).a > 0;
  g_assert_true (found);
}


/* The ghost keeps its badges whole: they stand on the card's top edge,
 * half outside it, and were cut off with the card. */
static void
test_removed_badges (Fixture       *f,
                     gconstpointer  data)
{
  BpStep *removed = BP_STEP (bp_document_lookup (f->old_document, "sv-apply"));
  BpStepFlags flags = bp_step_get_flags (removed);
  BpPoint centre;
  double radius;
  BpRect place;
  guint n_badges = 0;

  g_assert_true (bp_render_compare_old_rect (f->layout, f->old_layout, f->comparison,
                                             removed, &place));
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    if (bp_render_get_badge (&place, flags, 1 << bit, &centre, &radius))
      {
        double y = centre.y - radius / 2;

        /* Above the card, inside the badge. */
        g_assert_cmpfloat (y, <, place.y);
        g_assert_cmpint (pixel_at (f, centre.x, y).a, >, 0);
        n_badges++;
      }
  g_assert_cmpuint (n_badges, >, 0);
}

/* A move's arrow starts at a small ring where the card stood. */
static void
test_moved_origin (Fixture       *f,
                   gconstpointer  data)
{
  BpStep *moved = BP_STEP (bp_document_lookup (f->old_document, "pm-post"));
  BpRect from;
  double x, y;
  gboolean found = FALSE;

  g_assert_true (bp_render_compare_old_rect (f->layout, f->old_layout, f->comparison,
                                             moved, &from));
  x = from.x + from.width / 2;
  y = from.y + from.height / 2;
  /* The arrow runs straight down: beside its start only the ring. */
  g_assert_cmpint (pixel_at (f, x, y).a, ==, 0);
  for (int dx = 2; dx <= 5; dx++)
    found |= pixel_at (f, x + dx, y).a > 0 && pixel_at (f, x - dx, y).a > 0;
  g_assert_true (found);
}

/* Pixels of the added-card outline's green, #2ec27e, on every page an
 * export with @options draws of @layout. */
static guint
count_green (BpLayout              *layout,
             const BpExportOptions *options)
{
  guint n_pages = bp_export_get_n_pages (layout, options);
  guint n = 0;

  g_assert_cmpuint (n_pages, >, 0);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface;
      const guint8 *data;
      double width, height;
      int stride;
      cairo_t *cr;

      g_assert_true (bp_export_get_page_size (layout, options, page, &width, &height));
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width), ceil (height));
      cr = cairo_create (surface);
      bp_export_draw_page (cr, layout, options, page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
          {
            guint32 value = ((const guint32 *) (data + y * stride))[x];

            n += (value & 0xffffff) == 0x2ec27e;
          }
      cairo_surface_destroy (surface);
    }

  return n;
}

/* Every kind of export draws the comparison when given the old state
 * (the frontstage lane's stripe is the same green, so what counts is
 * what the comparison adds), and the preview's pages are the file's. */
static void
test_every_export (Fixture       *f,
                   gconstpointer  data)
{
  struct {
    BpExportFormat format;
    BpExportPage   page;
    gboolean       per_stage;
    guint          per_slide;
  } kinds[] = {
    { BP_EXPORT_FORMAT_PNG, BP_EXPORT_PAGE_FIT, FALSE, 0 },
    { BP_EXPORT_FORMAT_SVG, BP_EXPORT_PAGE_FIT, FALSE, 0 },
    { BP_EXPORT_FORMAT_PDF, BP_EXPORT_PAGE_FIT, FALSE, 0 },
    { BP_EXPORT_FORMAT_PDF, BP_EXPORT_PAGE_FIT, TRUE, 0 },
    { BP_EXPORT_FORMAT_PDF, BP_EXPORT_PAGE_SLIDE, FALSE, 0 },
    { BP_EXPORT_FORMAT_PDF, BP_EXPORT_PAGE_SLIDE, FALSE, 2 },
    { BP_EXPORT_FORMAT_PDF, BP_EXPORT_PAGE_SLIDE, TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      BpExportOptions options;
      guint plain, compared;

      bp_export_options_init (&options);
      options.format = kinds[i].format;
      options.page = kinds[i].page;
      options.page_per_stage = kinds[i].per_stage;
      options.stages_per_slide = kinds[i].per_slide;
      plain = count_green (f->layout, &options);
      g_assert_false (bp_export_wants_compare_legend (&options));

      options.compare_with = f->old_document;
      g_assert_true (bp_export_wants_compare_legend (&options));
      compared = count_green (f->layout, &options);
      g_test_message ("kind %u: %u green pixels, %u with the comparison", i, plain, compared);
      g_assert_cmpuint (compared, >, plain + 50);

      /* The legend off leaves the marks but not their legend. */
      options.legend = BP_EXPORT_LEGEND_OFF;
      g_assert_false (bp_export_wants_compare_legend (&options));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render-compare/added-and-changed", test_added_and_changed);
  ADD ("/render-compare/removed-ghost", test_removed_ghost);
  ADD ("/render-compare/moved-arrow", test_moved_arrow);
  ADD ("/render-compare/removed-badges", test_removed_badges);
  ADD ("/render-compare/moved-origin", test_moved_origin);
  ADD ("/render-compare/every-export", test_every_export);
#undef ADD

  return g_test_run ();
}
