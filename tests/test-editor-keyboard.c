/* test-editor-keyboard.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "xdo-test-utils.h"

/* The editor driven by real input (xdotool): editing in place, and a
 * blueprint built with the keyboard alone. */

typedef struct {
  BpStep     *step;
  const char *text;
} TextWait;

static gboolean
step_has_text (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (bp_step_get_text (wait->step), wait->text) == 0;
}

static gboolean
editor_is_open (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (bp_canvas_get_card_editor (data)));
}

/* Click on the empty desk, double-click a card, type: the text goes into
 * the card editor's field, not to the canvas. */
static void
test_double_click_then_type (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpStep *step;
  double x, y;
  TextWait wait;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  step = editor_test_find_step (bp_window_get_document (window), BP_LANE_KIND_CUSTOMER);

  /* The desk left of the sheet, where nothing is. */
  xdo_test_click (GTK_WIDGET (canvas), 4, gtk_widget_get_height (GTK_WIDGET (canvas)) - 4, 1);
  editor_test_iterate (300);

  editor_test_step_centre (canvas, step, &x, &y);
  xdo_test_click (GTK_WIDGET (canvas), x, y, 2);
  g_assert_true (editor_test_wait (editor_is_open, canvas));
  xdo_test_type ("Hello");
  xdo_test_keys ("Return");

  wait = (TextWait) { step, "Hello" };
  g_assert_true (editor_test_wait (step_has_text, &wait));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bp_canvas_get_card_editor (canvas))));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

typedef struct {
  BpStage    *stage;
  const char *name;
} NameWait;

static gboolean
stage_has_name (gpointer data)
{
  NameWait *wait = data;

  return g_strcmp0 (bp_stage_get_name (wait->stage), wait->name) == 0;
}

static gboolean
lane_has_name (gpointer data)
{
  return g_strcmp0 (bp_lane_get_name (data), "Mobile app") == 0;
}

/* A stage's header, double-clicked, renames the stage in place; a lane's
 * header, selected, does with Enter. */
static void
test_rename_headers_in_place (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  BpStage *stage;
  BpLane *lane;
  BpRect rect;
  double x, y;
  NameWait wait;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  stage = bp_document_get_stage (document, 1);

  g_assert_true (bp_layout_get_stage_header_rect (bp_canvas_get_layout (canvas), 1, &rect));
  bp_canvas_canvas_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  xdo_test_click (GTK_WIDGET (canvas), x, y, 2);
  g_assert_true (editor_test_wait (editor_is_open, canvas));
  g_assert_true (bp_card_editor_get_item (bp_canvas_get_card_editor (canvas)) == BP_ITEM (stage));
  xdo_test_type ("Sign in");
  xdo_test_keys ("Return");
  wait = (NameWait) { stage, "Sign in" };
  g_assert_true (editor_test_wait (stage_has_name, &wait));
  g_assert_cmpuint (bp_history_get_n_undo (bp_document_get_history (document)), ==, 1);

  lane = bp_document_get_lane (document, 2);
  bp_selection_set (bp_canvas_get_selection (canvas), BP_ITEM (lane));
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  xdo_test_keys ("Return");
  g_assert_true (editor_test_wait (editor_is_open, canvas));
  g_assert_true (bp_card_editor_get_item (bp_canvas_get_card_editor (canvas)) == BP_ITEM (lane));
  xdo_test_type ("Mobile app");
  xdo_test_keys ("Return");
  g_assert_true (editor_test_wait (lane_has_name, lane));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

/* The new stage, added after the last one at a large zoom, is scrolled
 * fully into view at once. */
static void
test_add_stage_reveals_it (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  BpSelection *selection;
  BpItem *added;
  guint n;
  BpRect rect;
  double left, right, top, bottom;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  selection = bp_canvas_get_selection (canvas);
  n = bp_document_get_n_stages (document);

  bp_canvas_zoom_at (canvas, 2.0, 0, 0);
  bp_selection_set (selection, BP_ITEM (bp_document_get_stage (document, 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-stage", NULL));
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, n + 1);
  added = bp_selection_get_item (selection, 0);
  g_assert_true (BP_ITEM (bp_document_get_stage (document, 2)) == added);

  bp_selection_set (selection, BP_ITEM (bp_document_get_stage (document, n)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-stage", NULL));
  added = bp_selection_get_item (selection, 0);
  g_assert_true (BP_ITEM (bp_document_get_stage (document, n + 1)) == added);

  /* Without waiting for a frame: the view is there already. */
  g_assert_true (bp_layout_get_stage_header_rect (bp_canvas_get_layout (canvas), n + 1, &rect));
  bp_canvas_canvas_to_widget (canvas, rect.x, rect.y, &left, &top);
  bp_canvas_canvas_to_widget (canvas, rect.x + rect.width, rect.y + rect.height, &right, &bottom);
  g_assert_cmpfloat (left, >=, -0.5);
  g_assert_cmpfloat (right, <=, gtk_widget_get_width (GTK_WIDGET (canvas)) + 0.5);
  g_assert_cmpfloat (top, >=, -0.5);
  g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (GTK_WIDGET (canvas)) + 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/editor-keyboard/double-click-then-type", test_double_click_then_type);
  g_test_add_func ("/editor-keyboard/rename-headers-in-place", test_rename_headers_in_place);
  g_test_add_func ("/editor-keyboard/add-stage-reveals-it", test_add_stage_reveals_it);
  return g_test_run ();
}
