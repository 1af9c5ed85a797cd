/* test-legend.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "export/bp-export.h"
#include "render/bp-render.h"
#include "core-test-utils.h"

/* The legend, drawn headless: the same badges as on cards, on the
 * canvas's box and in an export's title band. */

enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT };
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN };

static cairo_surface_t *
new_surface (int width,
             int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data;
  guint32 v;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  memcpy (&v, data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4, sizeof v);
  return v;
}

/* The colour of @flag's badge on a card, as bp_render() draws it. */
static guint32
card_badge_color (BpDocument  *document,
                  BpLayout    *layout,
                  BpStepFlags  flag,
                  gboolean     dark)
{
  BpStep *step = core_test_add_card (document, FRONTSTAGE, ORIENT, 24, 200);
  cairo_surface_t *surface;
  BpRenderOptions options;
  BpPoint center;
  double radius;
  BpRect card;
  guint32 color;
  cairo_t *cr;

  bp_step_set_flags (step, flag);
  bp_layout_update (layout);
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (step), &card));
  g_assert_true (bp_render_get_badge (&card, flag, flag, &center, &radius));

  bp_render_options_init (&options);
  options.dark = dark;
  bp_layout_get_bounds (layout, &options.viewport);
  surface = new_surface ((int) ceil (options.viewport.width), (int) ceil (options.viewport.height));
  cr = cairo_create (surface);
  bp_render (cr, layout, &options);
  cairo_destroy (cr);
  /* Beside the glyph, inside the disc. */
  color = pixel_at (surface, center.x - radius * 0.7, center.y);
  cairo_surface_destroy (surface);
  return color;
}

/* The legend's badges are the cards' badges, in the same order as the
 * flags, light and dark. */
static void
test_badges_match_cards (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(BpDocument) document = bp_document_new_standard ();
      g_autoptr(BpLayout) layout = bp_layout_new (document);
      guint32 first = card_badge_color (document, layout, 1 << 0, dark);
      guint32 last = card_badge_color (document, layout, 1 << 4, dark);
      cairo_surface_t *surface;
      BpRenderOptions options;
      double width, height;
      cairo_t *cr;

      bp_render_get_legend_size (layout, &width, &height);
      g_assert_cmpfloat (width, >, 5 * 18);
      g_assert_cmpfloat (height, >=, 18);
      /* Two rows: the marks, and the kinds of flow. */
      g_assert_cmpfloat (height, >=, 2 * 22);
      g_assert_cmpfloat (height, <, 90);

      bp_render_options_init (&options);
      options.dark = dark;
      surface = new_surface ((int) ceil (width) + 20, (int) ceil (height) + 20);
      cr = cairo_create (surface);
      bp_render_legend (cr, layout, &options, 10, 10);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      /* The first badge: box padding 10, radius 9, row 22 high. */
      g_assert_cmphex (pixel_at (surface, 10 + 10 + 9 * 0.3, 10 + 10 + 11), ==, first);
      /* Outside the box, nothing. */
      g_assert_cmphex (pixel_at (surface, 2, 2), ==, 0xffffffff);
      /* The last badge is somewhere on the row, right of the middle. */
      {
        gboolean found = FALSE;

        for (double x = 10 + width / 2; x < 10 + width && !found; x += 1)
          found = pixel_at (surface, x, 10 + 10 + 11) == last;
        g_assert_true (found);
      }
      cairo_surface_destroy (surface);
    }
}

/* With the option, bp_render() puts the legend in the title band's right
 * part, and nothing else changes. */
static void
test_title_band (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  cairo_surface_t *with, *without;
  BpRenderOptions options;
  BpRect bounds, title;
  gboolean differs = FALSE;
  int width, height;

  bp_layout_get_bounds (layout, &bounds);
  bp_layout_get_title_rect (layout, &title);
  width = (int) ceil (bounds.width);
  height = (int) ceil (bounds.height);

  bp_render_options_init (&options);
  options.viewport = bounds;
  without = new_surface (width, height);
  with = new_surface (width, height);
  {
    cairo_t *cr = cairo_create (without);

    bp_render (cr, layout, &options);
    cairo_destroy (cr);
    options.legend = TRUE;
    cr = cairo_create (with);
    bp_render (cr, layout, &options);
    cairo_destroy (cr);
  }

  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      if (pixel_at (with, x, y) != pixel_at (without, x, y))
        {
          g_assert_cmpfloat (y, <, title.y + title.height);
          g_assert_cmpfloat (x, >, width / 2);
          differs = TRUE;
        }
  g_assert_true (differs);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static void
test_export_default (void)
{
  BpExportOptions options;

  bp_export_options_init (&options);
  g_assert_cmpint (options.legend, ==, BP_EXPORT_LEGEND_AUTO);
  g_assert_false (bp_export_wants_legend (&options));

  options.format = BP_EXPORT_FORMAT_PDF;
  g_assert_false (bp_export_wants_legend (&options));
  options.page = BP_EXPORT_PAGE_SLIDE;
  g_assert_true (bp_export_wants_legend (&options));
  options.legend = BP_EXPORT_LEGEND_OFF;
  g_assert_false (bp_export_wants_legend (&options));

  options.format = BP_EXPORT_FORMAT_PNG;
  options.legend = BP_EXPORT_LEGEND_ON;
  g_assert_true (bp_export_wants_legend (&options));
}

/* touchpoint --export=X.png --export-legend draws a different picture. */
static void
test_command_line (void)
{
  const char *bin = g_getenv ("TOUCHPOINT_BIN");
  g_autofree char *sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), "loan-payment.bpj", NULL);
  g_autofree char *folder = g_dir_make_tmp ("touchpoint-legend-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (folder, "plain.png", NULL);
  g_autofree char *legend = g_build_filename (folder, "legend.png", NULL);
  g_autofree char *plain_arg = g_strconcat ("--export=", plain, NULL);
  g_autofree char *legend_arg = g_strconcat ("--export=", legend, NULL);
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;
  int status;

  if (bin == NULL)
    {
      g_test_skip ("TOUCHPOINT_BIN is not set");
      return;
    }

  {
    const char *argv1[] = { bin, plain_arg, sample, NULL };
    const char *argv2[] = { bin, legend_arg, "--export-legend", sample, NULL };
    const char *argv3[] = { bin, "--export-legend", sample, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv1, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) argv2, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    /* Without an export, the option means nothing: refused. */
    g_assert_true (g_spawn_sync (NULL, (char **) argv3, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }

  g_assert_true (g_file_get_contents (plain, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (legend, &b, &b_len, NULL));
  g_assert_true (a_len != b_len || memcmp (a, b, a_len) != 0);

  g_unlink (plain);
  g_unlink (legend);
  g_rmdir (folder);
}

/* The kinds of flow are told apart by their stroke alone. */
static void
test_flow_styles (void)
{
  BpFlowStyle styles[BP_N_FLOW_KINDS];

  for (guint kind = 0; kind < BP_N_FLOW_KINDS; kind++)
    bp_render_get_flow_style (kind, &styles[kind]);

  g_assert_cmpuint (styles[BP_FLOW_KIND_SEQUENCE].n_dashes, ==, 0);
  g_assert_false (styles[BP_FLOW_KIND_SEQUENCE].open_arrowhead);
  g_assert_cmpuint (styles[BP_FLOW_KIND_RECOVERY].n_dashes, >, 0);
  g_assert_cmpuint (styles[BP_FLOW_KIND_REWORK].n_dashes, >, 0);
  g_assert_true (styles[BP_FLOW_KIND_RECOVERY].n_dashes != styles[BP_FLOW_KIND_REWORK].n_dashes ||
                 memcmp (styles[BP_FLOW_KIND_RECOVERY].dashes, styles[BP_FLOW_KIND_REWORK].dashes,
                         styles[BP_FLOW_KIND_REWORK].n_dashes * sizeof (double)) != 0);
  g_assert_true (styles[BP_FLOW_KIND_INFORMATION].open_arrowhead);
  g_assert_cmpfloat (styles[BP_FLOW_KIND_INFORMATION].width, <, styles[BP_FLOW_KIND_SEQUENCE].width);
}

static gboolean
is_ink (guint32 pixel,
        guint32 background)
{
  int diff = 0;

  for (int shift = 0; shift < 24; shift += 8)
    diff += ABS ((int) ((pixel >> shift) & 0xff) - (int) ((background >> shift) & 0xff));
  return diff > 90;
}

#define FLOW_ZOOM 4

/* A flow of @kind between two cards side by side, drawn at 4× around it:
 * the share of its straight run that is ink, and whether a point inside
 * its arrowhead, off the centre line, is. */
static void
draw_flow_of_kind (BpFlowKind  kind,
                   double     *ink_share,
                   gboolean   *head_filled)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *from = core_test_add_card (document, FRONTSTAGE, ORIENT, 24, 120);
  BpStep *to = core_test_add_card (document, FRONTSTAGE, ORIENT, 400, 120);
  BpFlow *flow = bp_document_add_flow (document, bp_item_get_id (BP_ITEM (from)),
                                       bp_item_get_id (BP_ITEM (to)));
  g_autoptr(BpLayout) layout = NULL;
  const BpPoint *points, *tip, *before;
  cairo_surface_t *surface;
  BpRenderOptions options;
  guint n_points = 0, n_ink = 0, n = 0;
  double dx, length;
  cairo_t *cr;

  bp_flow_set_kind (flow, kind);
  layout = bp_layout_new (document);
  bp_layout_update (layout);
  points = bp_layout_get_flow_path (layout, 0, &n_points);
  g_assert_nonnull (points);
  tip = &points[n_points - 1];
  before = &points[n_points - 2];
  /* Side by side in one lane: the last run is level. */
  g_assert_cmpfloat (fabs (tip->y - before->y), <, 0.01);
  length = fabs (tip->x - before->x);
  g_assert_cmpfloat (length, >, 100);
  dx = tip->x > before->x ? 1 : -1;

  bp_render_options_init (&options);
  options.zoom = FLOW_ZOOM;
  options.viewport = (BpRect) { MIN (before->x, tip->x) - 20, tip->y - 20, length + 40, 40 };
  surface = new_surface ((int) (options.viewport.width * FLOW_ZOOM),
                         (int) (options.viewport.height * FLOW_ZOOM));
  cr = cairo_create (surface);
  bp_render (cr, layout, &options);
  cairo_destroy (cr);

#define DEVICE_X(cx) (((cx) - options.viewport.x) * FLOW_ZOOM)
#define DEVICE_Y(cy) (((cy) - options.viewport.y) * FLOW_ZOOM)
  {
    /* The lane band just beside the run. */
    guint32 background = pixel_at (surface, DEVICE_X (before->x + dx * length / 2), DEVICE_Y (tip->y + 12));

    /* The middle of the run, clear of both ends. */
    for (double t = 0.2; t < 0.8; t += 0.25 / FLOW_ZOOM / length * 4)
      {
        n++;
        n_ink += is_ink (pixel_at (surface, DEVICE_X (before->x + dx * length * t), DEVICE_Y (tip->y)),
                         background);
      }
    /* 60 % back along the head's length of 11, 2.5 off the line: inside
     * the triangle, clear of its sides and of the line. */
    *head_filled = is_ink (pixel_at (surface, DEVICE_X (tip->x - dx * 11 * 0.6), DEVICE_Y (tip->y + 2.5)),
                           background);
  }
#undef DEVICE_X
#undef DEVICE_Y
  *ink_share = (double) n_ink / n;
  cairo_surface_destroy (surface);
}

/* Sequence flows are solid with a filled head; recovery and rework
 * flows have gaps; information flows are solid with an open head. */
static void
test_flow_kinds_drawn (void)
{
  double share[BP_N_FLOW_KINDS];
  gboolean filled[BP_N_FLOW_KINDS];

  for (guint kind = 0; kind < BP_N_FLOW_KINDS; kind++)
    draw_flow_of_kind (kind, &share[kind], &filled[kind]);

  g_assert_cmpfloat (share[BP_FLOW_KIND_SEQUENCE], >, 0.99);
  g_assert_true (filled[BP_FLOW_KIND_SEQUENCE]);
  g_assert_cmpfloat (share[BP_FLOW_KIND_RECOVERY], <, 0.8);
  g_assert_cmpfloat (share[BP_FLOW_KIND_RECOVERY], >, 0.3);
  g_assert_true (filled[BP_FLOW_KIND_RECOVERY]);
  g_assert_cmpfloat (share[BP_FLOW_KIND_REWORK], <, 0.8);
  g_assert_cmpfloat (share[BP_FLOW_KIND_REWORK], >, 0.3);
  g_assert_cmpfloat (fabs (share[BP_FLOW_KIND_REWORK] - share[BP_FLOW_KIND_RECOVERY]), >, 0.03);
  g_assert_cmpfloat (share[BP_FLOW_KIND_INFORMATION], >, 0.99);
  g_assert_false (filled[BP_FLOW_KIND_INFORMATION]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legend/badges-match-cards", test_badges_match_cards);
  g_test_add_func ("/legend/title-band", test_title_band);
  g_test_add_func ("/legend/export-default", test_export_default);
  g_test_add_func ("/legend/command-line", test_command_line);
  g_test_add_func ("/legend/flow-styles", test_flow_styles);
  g_test_add_func ("/legend/flow-kinds-drawn", test_flow_kinds_drawn);

  return g_test_run ();
}
