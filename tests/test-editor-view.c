/* test-editor-view.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "edit/bp-find.h"
#include "bp-canvas-private.h"
#include "bp-window-private.h"
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

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_reads (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

/* The count follows the entry after the search entry's own delay. */
static void
wait_for_count (BpWindow   *window,
                const char *text)
{
  LabelWait wait = { window->search_count, text };

  editor_test_wait (label_reads, &wait);
}

static void
activate (BpWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  editor_test_iterate (20);
}

/* Ctrl+F, a word: the first card with it is selected and counted; the
 * next and the previous follow, round the end. */
static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  BpWindow *window = fixture->window;
  BpSelection *selection = bp_canvas_get_selection (fixture->canvas);
  g_autoptr(GPtrArray) expected = bp_find_steps (fixture->document, "receipt");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (expected->len, >=, 2);
  first = g_strdup_printf ("1 of %u", expected->len);
  last = g_strdup_printf ("%u of %u", expected->len, expected->len);

  activate (window, "win.find");
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Receipt");
  wait_for_count (window, first);
  g_assert_cmpstr (gtk_label_get_text (window->search_count), ==, first);
  g_assert_true (bp_selection_contains (selection, expected->pdata[0]));

  activate (window, "win.find-next");
  g_assert_cmpstr (gtk_label_get_text (window->search_count), ==, "2 of 3");
  g_assert_true (bp_selection_contains (selection, expected->pdata[1]));

  activate (window, "win.find-previous");
  activate (window, "win.find-previous");
  g_assert_cmpstr (gtk_label_get_text (window->search_count), ==, last);

  /* Enter in the entry is the next one. */
  g_signal_emit_by_name (window->search_entry, "activate");
  g_assert_cmpstr (gtk_label_get_text (window->search_count), ==, first);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "no such words");
  wait_for_count (window, "No matches");
  g_assert_cmpstr (gtk_label_get_text (window->search_count), ==, "No matches");
}

typedef struct
{
  BpCanvas *canvas;
  int       width;
} CanvasGrowth;

static gboolean
canvas_grew (gpointer data)
{
  CanvasGrowth *growth = data;

  return gtk_widget_get_width (GTK_WIDGET (growth->canvas)) > growth->width;
}

/* F9 and F8: the panels go, the canvas takes their room. */
static void
test_hide_panels (Fixture       *fixture,
                  gconstpointer  data)
{
  BpWindow *window = fixture->window;
  int before = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  CanvasGrowth grown = { fixture->canvas, before + 400 };

  g_assert_false (adw_flap_get_folded (window->properties_flap));
  g_assert_true (adw_flap_get_reveal_flap (window->properties_flap));
  activate (window, "view.show-properties");
  activate (window, "view.show-palette");
  g_assert_true (editor_test_wait (canvas_grew, &grown));
  g_assert_false (adw_flap_get_reveal_flap (window->properties_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->palette_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, before + 400);

  activate (window, "view.show-properties");
  g_assert_true (adw_flap_get_reveal_flap (window->properties_flap));
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 &&
         gtk_widget_get_width (GTK_WIDGET (data)) <= 800;
}

/* Folded, and the canvas has taken the room the panels left. */
static gboolean
panels_folded (gpointer data)
{
  BpWindow *window = data;

  return adw_flap_get_folded (window->palette_flap) &&
         adw_flap_get_folded (window->properties_flap) &&
         gtk_widget_get_width (GTK_WIDGET (bp_window_get_canvas (window))) >=
           gtk_widget_get_width (GTK_WIDGET (window)) * 9 / 10;
}

/* At 800 × 600, both panels fold away and the canvas keeps the width. */
static void
test_narrow_window (void)
{
  BpWindow *window = bp_window_new (NULL);
  BpCanvas *canvas = bp_window_get_canvas (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (editor_test_wait (is_narrow, window));
  g_assert_true (editor_test_wait (panels_folded, window));

  g_assert_true (adw_flap_get_folded (window->palette_flap));
  g_assert_true (adw_flap_get_folded (window->properties_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->palette_flap));
  g_assert_false (adw_flap_get_reveal_flap (window->properties_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=,
                   gtk_widget_get_width (GTK_WIDGET (window)) * 9 / 10);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_iterate (20);
}

/* The legend is on by default, and View ▸ Legend turns it off. */
static void
test_legend_toggle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_true (bp_canvas_get_show_legend (fixture->canvas));
  activate (fixture->window, "view.show-legend");
  g_assert_false (bp_canvas_get_show_legend (fixture->canvas));
  activate (fixture->window, "view.show-legend");
  g_assert_true (bp_canvas_get_show_legend (fixture->canvas));
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
  add_test ("/editor-view/find", test_find);
  add_test ("/editor-view/hide-panels", test_hide_panels);
  add_test ("/editor-view/legend-toggle", test_legend_toggle);
  g_test_add_func ("/editor-view/narrow-window", test_narrow_window);

  return g_test_run ();
}
