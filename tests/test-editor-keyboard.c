/* test-editor-keyboard.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
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

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/editor-keyboard/double-click-then-type", test_double_click_then_type);
  return g_test_run ();
}
