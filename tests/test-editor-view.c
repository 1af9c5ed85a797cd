/* test-editor-view.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bp-canvas-private.h"
#include "editor-test-utils.h"

/* How the editor shows a blueprint: the first view, the frozen headers,
 * the panels, the legend and Find. */

#define SAMPLE "loan-payment.bpj"

typedef struct {
  BpWindow   *window;
  BpCanvas   *canvas;
  BpDocument *document;
  char       *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = editor_test_open_sample (SAMPLE, &fixture->folder);
  fixture->canvas = bp_window_get_canvas (fixture->window);
  fixture->document = bp_window_get_document (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  editor_test_iterate (20);
  editor_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* Opening a file: readable cards, from the first stage, top-left. */
static void
test_first_view (Fixture       *fixture,
                 gconstpointer  data)
{
  BpViewState *view = bp_canvas_get_view_state (fixture->canvas);
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  double zoom = bp_view_state_get_zoom (view);
  BpRect first;

  g_assert_cmpfloat (zoom, >=, BP_VIEW_STATE_READABLE_ZOOM);
  g_assert_cmpfloat (zoom, <=, 1.0);
  g_assert_cmpfloat (bp_view_state_get_x (view), <=, 0);
  g_assert_cmpfloat (bp_view_state_get_y (view), <=, 0);

  /* The first stage is whole in view. */
  g_assert_true (bp_layout_get_stage_rect (layout, 0, &first));
  g_assert_cmpfloat ((first.x + first.width - bp_view_state_get_x (view)) * zoom, <=, width);

  /* Zoom to Fit goes further. */
  bp_canvas_zoom_to_fit (fixture->canvas);
  g_assert_cmpfloat (bp_view_state_get_zoom (view), <=, zoom);
}

static void
test_first_zoom (void)
{
  /* Header 176 wide, then stages of 400. */
  static const double ends[] = { 576, 976, 1376, 1776, 2176 };

  /* Wide enough for everything at full size. */
  g_assert_cmpfloat (bp_view_state_first_zoom (ends, 5, 600, 3000, 1000, 32), ==, 1.0);
  /* Three stages would need 69 %: the zoom shows exactly two. */
  g_assert_cmpfloat_with_epsilon (bp_view_state_first_zoom (ends, 5, 600, 1000, 1000, 32),
                                  1000 / (976 + 64.0), 1e-9);
  /* At 1200 pixels, three fit at 83 %. */
  g_assert_cmpfloat_with_epsilon (bp_view_state_first_zoom (ends, 5, 600, 1200, 1000, 32),
                                  1200 / (1376 + 64.0), 1e-9);
  /* Not even one stage: stay readable, and scroll. */
  g_assert_cmpfloat (bp_view_state_first_zoom (ends, 5, 600, 300, 1000, 32), ==, 0.7);
  /* A short view never drops below readable either. */
  g_assert_cmpfloat (bp_view_state_first_zoom (ends, 5, 6000, 3000, 400, 32), ==, 0.7);
}

/* Scrolled right, the lane headers are drawn at the left edge, and
 * clicking one there selects its lane. */
static void
test_frozen_header_hit (Fixture       *fixture,
                        gconstpointer  data)
{
  BpViewState *view = bp_canvas_get_view_state (fixture->canvas);
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  BpLane *lane = bp_document_get_lane (fixture->document, 1);
  BpRect cell;
  double cx, cy, wx, wy;
  BpHit hit;

  g_assert_true (bp_layout_get_lane_header_rect (layout, 1, &cell));
  bp_canvas_scroll_by (fixture->canvas, 600, 0);
  editor_test_iterate (20);
  g_assert_cmpfloat (bp_view_state_get_x (view), >, cell.width);

  /* The left edge of the view, in the lane's band. */
  bp_canvas_canvas_to_widget (fixture->canvas, 0, cell.y + cell.height / 2, &wx, &wy);
  bp_canvas_widget_to_canvas (fixture->canvas, 20, wy, &cx, &cy);
  bp_layout_hit_test (layout, cx, cy, &hit);
  g_assert_cmpint (hit.kind, !=, BP_HIT_LANE_HEADER);
  bp_canvas_hit_test (fixture->canvas, cx, cy, &hit);
  g_assert_cmpint (hit.kind, ==, BP_HIT_LANE_HEADER);
  g_assert_true (hit.item == BP_ITEM (lane));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/editor-view/first-zoom", test_first_zoom);
  add_test ("/editor-view/first-view", test_first_view);
  add_test ("/editor-view/frozen-header-hit", test_frozen_header_hit);

  return g_test_run ();
}
