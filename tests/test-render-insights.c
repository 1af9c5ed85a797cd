/* test-render-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "render/bp-render.h"
#include "core-test-utils.h"

/* What the blueprint's figures add to the drawing, drawn headless: the
 * time row of each stage, the badges of the checks. */

enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT };
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN };

static cairo_surface_t *
draw (BpLayout   *layout,
      BpInsights *insights,
      BpRect     *viewport)
{
  cairo_surface_t *surface;
  BpRenderOptions options;
  cairo_t *cr;

  bp_render_options_init (&options);
  options.insights = insights;
  options.viewport = *viewport;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (viewport->width),
                                        (int) ceil (viewport->height));
  cr = cairo_create (surface);
  bp_render (cr, layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint32 v;

  memcpy (&v, cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4,
          sizeof v);
  return v & 0xffffff;
}

/* Mostly red: the colour of a stage over its tolerance. */
static gboolean
is_red (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return r > 150 && g < 90 && b < 90;
}

static void
test_format (void)
{
  g_autofree char *known = bp_render_format_stage_time (30, 0, 1);
  g_autofree char *unknown = bp_render_format_stage_time (300, 2, 3);

  g_assert_cmpstr (known, ==, "30 s · 1 encounter");
  g_assert_cmpstr (unknown, ==, "≥ 5 min · 3 encounters");
}

/* The number of red pixels in the lower part of the first stage's header
 * (its time row), with the stage's tolerance at @tolerance. */
static guint
red_in_time_row (double tolerance)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *step = core_test_add_card (document, CUSTOMER, ATTRACT, 24, 120);
  g_autoptr(BpLayout) layout = NULL;
  g_autoptr(BpInsights) insights = NULL;
  cairo_surface_t *surface;
  BpRect cell;
  guint red = 0;

  bp_step_set_duration (step, 600);
  bp_stage_set_tolerance (bp_document_get_stage (document, ATTRACT), tolerance);
  layout = bp_layout_new (document);
  bp_layout_update (layout);
  insights = bp_insights_compute (document);
  g_assert_true (bp_layout_get_stage_header_rect (layout, ATTRACT, &cell));

  surface = draw (layout, insights, &cell);
  for (int y = (int) (cell.height / 2); y < (int) cell.height; y++)
    for (int x = 0; x < (int) cell.width; x++)
      red += is_red (pixel_at (surface, x, y));
  cairo_surface_destroy (surface);
  return red;
}

/* A stage that takes longer than its tolerance has its time in red. */
static void
test_time_row_over (void)
{
  g_assert_cmpuint (red_in_time_row (60), >, 10);
  g_assert_cmpuint (red_in_time_row (3600), ==, 0);
}

/* How many pixels around @step's check badge differ between a drawing
 * with the insights and one without. */
static guint
badge_difference (BpDocument *document,
                  BpStep     *step)
{
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  g_autoptr(BpInsights) insights = NULL;
  cairo_surface_t *with, *without;
  BpPoint center;
  double radius;
  BpRect around;
  guint differ = 0;

  bp_layout_update (layout);
  insights = bp_insights_compute (document);
  g_assert_true (bp_render_get_check_badge (layout, BP_ITEM (step), &center, &radius));
  around = (BpRect) { center.x - radius, center.y - radius, 2 * radius, 2 * radius };
  with = draw (layout, insights, &around);
  without = draw (layout, NULL, &around);
  for (int y = 0; y < (int) around.height; y++)
    for (int x = 0; x < (int) around.width; x++)
      differ += pixel_at (with, x, y) != pixel_at (without, x, y);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  return differ;
}

/* A customer card that nothing supports gets a badge; once its check is
 * dismissed, none. */
static void
test_check_badge (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *step = core_test_add_card (document, CUSTOMER, ORIENT, 24, 120);
  const char *id = bp_item_get_id (BP_ITEM (step));

  g_assert_cmpuint (badge_difference (document, step), >, 20);
  bp_document_set_dismissed (document, "customer-unsupported", id, TRUE);
  g_assert_cmpuint (badge_difference (document, step), ==, 0);
}

/* The point where the only flow's route crosses the line of interaction. */
static gboolean
find_crossing (BpLayout *layout,
               BpPoint  *at)
{
  guint n_points = 0;
  const BpPoint *points = bp_layout_get_flow_path (layout, 0, &n_points);
  double y;

  g_assert_true (bp_layout_get_line_y (layout, BP_LINE_INTERACTION, &y));
  for (guint p = 0; points != NULL && p + 1 < n_points; p++)
    if ((points[p].y - y) * (points[p + 1].y - y) < 0)
      {
        at->x = points[p].x + (y - points[p].y) / (points[p + 1].y - points[p].y) * (points[p + 1].x - points[p].x);
        at->y = y;
        return TRUE;
      }
  return FALSE;
}

/* With the option, a ring marks where a flow crosses a line; without
 * it, or without the insights, nothing does. */
static void
test_crossings (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *customer = core_test_add_card (document, CUSTOMER, ORIENT, 24, 120);
  BpStep *frontstage = core_test_add_card (document, FRONTSTAGE, ORIENT, 24, 120);
  g_autoptr(BpLayout) layout = NULL;
  g_autoptr(BpInsights) insights = NULL;
  cairo_surface_t *surfaces[3];
  BpPoint at = { 0, 0 };
  BpRect around;
  guint differ_on = 0, differ_off = 0;

  bp_document_add_flow (document, bp_item_get_id (BP_ITEM (customer)), bp_item_get_id (BP_ITEM (frontstage)));
  layout = bp_layout_new (document);
  bp_layout_update (layout);
  insights = bp_insights_compute (document);
  g_assert_true (find_crossing (layout, &at));
  around = (BpRect) { at.x - 8, at.y - 8, 16, 16 };

  for (guint i = 0; i < 3; i++)
    {
      BpRenderOptions options;
      cairo_t *cr;

      bp_render_options_init (&options);
      options.viewport = around;
      options.insights = i > 0 ? insights : NULL;
      options.crossings = i != 1;
      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
      cr = cairo_create (surfaces[i]);
      bp_render (cr, layout, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }

  for (int y = 0; y < 16; y++)
    for (int x = 0; x < 16; x++)
      {
        differ_off += pixel_at (surfaces[0], x, y) != pixel_at (surfaces[1], x, y);
        differ_on += pixel_at (surfaces[2], x, y) != pixel_at (surfaces[1], x, y);
      }
  g_assert_cmpuint (differ_off, ==, 0);
  g_assert_cmpuint (differ_on, >, 10);

  for (guint i = 0; i < 3; i++)
    cairo_surface_destroy (surfaces[i]);
}

static gboolean
run (const char * const *argv)
{
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, NULL));
  return g_spawn_check_wait_status (status, NULL);
}

/* touchpoint --export=X.png --export-insights draws a different picture;
 * without an export the option is refused. */
static void
test_command_line (void)
{
  const char *bin = g_getenv ("TOUCHPOINT_BIN");
  g_autofree char *sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), "loan-payment.bpj", NULL);
  g_autofree char *folder = g_dir_make_tmp ("touchpoint-insights-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (folder, "plain.png", NULL);
  g_autofree char *with = g_build_filename (folder, "insights.png", NULL);
  g_autofree char *plain_arg = g_strconcat ("--export=", plain, NULL);
  g_autofree char *with_arg = g_strconcat ("--export=", with, NULL);
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;

  if (bin == NULL)
    {
      g_test_skip ("TOUCHPOINT_BIN is not set");
      return;
    }

  g_assert_true (run ((const char *[]) { bin, plain_arg, sample, NULL }));
  g_assert_true (run ((const char *[]) { bin, with_arg, "--export-insights", sample, NULL }));
  g_assert_false (run ((const char *[]) { bin, "--export-insights", sample, NULL }));

  g_assert_true (g_file_get_contents (plain, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (with, &b, &b_len, NULL));
  g_assert_true (a_len != b_len || memcmp (a, b, a_len) != 0);

  g_unlink (plain);
  g_unlink (with);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-insights/format", test_format);
  g_test_add_func ("/render-insights/time-row-over", test_time_row_over);
  g_test_add_func ("/render-insights/check-badge", test_check_badge);
  g_test_add_func ("/render-insights/crossings", test_crossings);
  g_test_add_func ("/render-insights/command-line", test_command_line);

  return g_test_run ();
}
