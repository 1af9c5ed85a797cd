/* test-render-headers.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render/bp-render.h"
#include "core-test-utils.h"

/* Lane and stage positions of bp_document_new_standard (). */
enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT };
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN };

typedef struct {
  BpDocument *document;
  BpLayout   *layout;
  BpRect      bounds;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->layout = bp_layout_new (f->document);
  bp_layout_get_bounds (f->layout, &f->bounds);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->layout);
  g_clear_object (&f->document);
}

/* What the canvas draws for @viewport at zoom 1: the sheet, then the
 * frozen headers. */
static cairo_surface_t *
render_view (Fixture      *f,
             const BpRect *viewport,
             gboolean      frozen)
{
  cairo_surface_t *surface;
  BpRenderOptions options;
  cairo_t *cr;

  bp_render_options_init (&options);
  options.viewport = *viewport;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (viewport->width),
                                        (int) ceil (viewport->height));
  cr = cairo_create (surface);
  bp_render (cr, f->layout, &options);
  if (frozen)
    bp_render_frozen_headers (cr, f->layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  memcpy (&v, data + (int) y * stride + (int) x * 4, sizeof v);
  return v;
}

/* A point inside @lane's header cell, clear of its strip and its text. */
static void
lane_header_point (Fixture *f,
                   guint    lane,
                   double  *x,
                   double  *y)
{
  BpRect cell;

  g_assert_true (bp_layout_get_lane_header_rect (f->layout, lane, &cell));
  *x = cell.x + cell.width - 6;
  *y = cell.y + 5;
}

static void
test_lane_column_stays (Fixture       *f,
                        gconstpointer  data)
{
  BpRect home = { 0, 0, 600, f->bounds.height };
  BpRect right = { 500, 0, 600, f->bounds.height };
  cairo_surface_t *at_home, *scrolled, *plain;
  double x, y, dx = -1, dy = -1;
  guint32 header;

  lane_header_point (f, CUSTOMER, &x, &y);
  at_home = render_view (f, &home, TRUE);
  header = pixel_at (at_home, x, y);

  /* Scrolled right, the column is drawn at the view's left edge... */
  scrolled = render_view (f, &right, TRUE);
  g_assert_cmphex (pixel_at (scrolled, x, y), ==, header);
  /* ...where the sheet alone shows the lane's band. */
  plain = render_view (f, &right, FALSE);
  g_assert_cmphex (pixel_at (plain, x, y), !=, header);

  bp_render_get_frozen_offsets (f->layout, &right, &dx, &dy);
  g_assert_cmpfloat (dx, ==, 500);
  g_assert_cmpfloat (dy, ==, 0);
  bp_render_get_frozen_offsets (f->layout, &home, &dx, &dy);
  g_assert_cmpfloat (dx, ==, 0);

  cairo_surface_destroy (at_home);
  cairo_surface_destroy (scrolled);
  cairo_surface_destroy (plain);
}

static void
test_stage_row_stays (Fixture       *f,
                      gconstpointer  data)
{
  BpRect title, cell;
  BpRect home, down;
  cairo_surface_t *at_home, *scrolled, *plain;
  double x, y, dy = -1;
  guint32 header;

  bp_layout_get_title_rect (f->layout, &title);
  g_assert_true (bp_layout_get_stage_header_rect (f->layout, USE, &cell));
  home = (BpRect) { 0, 0, f->bounds.width, 400 };
  down = (BpRect) { 0, title.y + title.height + 300, f->bounds.width, 400 };

  x = cell.x + cell.width - 6;
  y = cell.y + cell.height - 5;
  at_home = render_view (f, &home, TRUE);
  header = pixel_at (at_home, x, y);

  /* Scrolled down, the row is at the view's top edge. */
  scrolled = render_view (f, &down, TRUE);
  g_assert_cmphex (pixel_at (scrolled, x, y - (title.y + title.height)), ==, header);
  plain = render_view (f, &down, FALSE);
  g_assert_cmphex (pixel_at (plain, x, y - (title.y + title.height)), !=, header);

  bp_render_get_frozen_offsets (f->layout, &down, NULL, &dy);
  g_assert_cmpfloat (dy, ==, 300);

  cairo_surface_destroy (at_home);
  cairo_surface_destroy (scrolled);
  cairo_surface_destroy (plain);
}

/* Nothing is drawn over a view that shows the headers in place. */
static void
test_nothing_in_place (Fixture       *f,
                       gconstpointer  data)
{
  BpRect home = { -32, -32, 600, 500 };
  cairo_surface_t *with, *without;

  with = render_view (f, &home, TRUE);
  without = render_view (f, &home, FALSE);
  g_assert_cmpmem (cairo_image_surface_get_data (with),
                   cairo_image_surface_get_stride (with) * cairo_image_surface_get_height (with),
                   cairo_image_surface_get_data (without),
                   cairo_image_surface_get_stride (without) * cairo_image_surface_get_height (without));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/render-headers/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lane-column-stays", test_lane_column_stays);
  ADD ("stage-row-stays", test_stage_row_stays);
  ADD ("nothing-in-place", test_nothing_in_place);

  return g_test_run ();
}
