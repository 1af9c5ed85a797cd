/* test-compare-window.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "bp-canvas-private.h"
#include "bp-window-private.h"
#include "editor-test-utils.h"
#include "xdo-test-utils.h"

/* Compare With… in the window: the loan payment's future state, open,
 * compared with the current state. */

static char *
sample_path (const char *name)
{
  return g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), name, NULL);
}

static gboolean
panel_has_rows (gpointer data)
{
  BpWindow *window = data;

  return bp_compare_panel_get_n_rows (window->compare_panel) > 0;
}

typedef struct {
  BpWindow *window;
  guint     n_rows;
} RowsWait;

static gboolean
rows_changed (gpointer data)
{
  RowsWait *wait = data;

  return bp_compare_panel_get_n_rows (wait->window->compare_panel) != wait->n_rows;
}

static gboolean
left (gpointer data)
{
  BpWindow *window = data;

  return window->compare_document == NULL &&
         !gtk_widget_get_visible (GTK_WIDGET (window->compare_panel));
}

static void
compare_with_current (BpWindow *window)
{
  g_autofree char *current = sample_path ("loan-payment.bpj");
  g_autoptr(GFile) file = g_file_new_for_path (current);
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_window_compare_with (window, file, &error));
  g_assert_no_error (error);
}

static void
test_compare_and_leave (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  RowsWait rows;
  BpItem *item;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample ("loan-payment-future.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->compare_panel)));

  compare_with_current (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->compare_panel)));
  g_assert_nonnull (canvas->comparison);
  g_assert_true (editor_test_wait (panel_has_rows, window));

  /* Activating a row selects what it names and keeps the comparison. */
  bp_compare_panel_activate_row (window->compare_panel, 0);
  g_assert_cmpuint (bp_selection_get_count (bp_canvas_get_selection (canvas)), ==, 1);

  /* The comparison follows an edit: one more changed card. */
  rows = (RowsWait) { window, bp_compare_panel_get_n_rows (window->compare_panel) };
  item = bp_document_lookup (document, "ev-login");
  bp_step_set_text (BP_STEP (item), "Login page with a banking-app prompt");
  g_assert_true (editor_test_wait (rows_changed, &rows));
  g_assert_cmpuint (bp_compare_panel_get_n_rows (window->compare_panel), ==, rows.n_rows + 1);

  /* Escape leaves, from the canvas. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  bp_selection_clear (bp_canvas_get_selection (canvas));
  editor_test_iterate (50);
  xdo_test_keys ("Escape");
  g_assert_true (editor_test_wait (left, window));
  g_assert_null (canvas->comparison);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_iterate (20);
  editor_test_remove_folder (folder);
}

/* Save as Future State keeps every id: the copy compares by id with the
 * open blueprint, and differs only in its state. */
static void
test_save_future (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) saved = NULL;
  g_autoptr(BpComparison) comparison = NULL;
  BpWindow *window;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  path = g_build_filename (folder, "future.bpj", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (bp_window_save_future_state (window, file, &error));
  g_assert_no_error (error);
  saved = bp_bpj_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bp_document_get_state (saved), ==, BP_BLUEPRINT_STATE_FUTURE);
  g_assert_cmpint (bp_document_get_state (bp_window_get_document (window)), ==,
                   BP_BLUEPRINT_STATE_CURRENT);

  comparison = bp_compare (bp_window_get_document (window), saved);
  g_assert_cmpint (bp_comparison_get_blueprint_fields (comparison), ==, BP_COMPARE_FIELD_STATE);
  for (guint i = 0; i < BP_COMPARE_N_LISTS; i++)
    g_assert_cmpuint (bp_comparison_get_changes (comparison, i)->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_iterate (20);
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/compare-window/compare-and-leave", test_compare_and_leave);
  g_test_add_func ("/compare-window/save-future", test_save_future);

  return g_test_run ();
}
