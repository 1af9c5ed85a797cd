/* test-card-editing.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "xdo-test-utils.h"

/* Editing a card's text over several lines with real keys, and the
 * notes a card shows in its tooltip. */

static gboolean
editor_has_focus (gpointer data)
{
  BpCardEditor *editor = data;

  return gtk_widget_get_visible (GTK_WIDGET (editor)) &&
         bp_card_editor_get_step (editor) != NULL &&
         gtk_widget_has_focus (bp_card_editor_get_field (editor));
}

typedef struct {
  BpStep     *step;
  const char *text;
} Expect;

static gboolean
has_text (gpointer data)
{
  Expect *expect = data;

  return g_strcmp0 (bp_step_get_text (expect->step), expect->text) == 0;
}

static BpCardEditor *the_editor;

static gboolean
editor_holds (gpointer data)
{
  Expect *expect = data;
  g_autofree char *text = bp_card_editor_get_text (the_editor);

  return g_strcmp0 (text, expect->text) == 0;
}

/* Double-click a card, type a line, Shift+Enter, another line, Enter:
 * the card holds both lines, and so does the file saved and read back. */
static void
test_two_lines (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) reread = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpCardEditor *editor;
  BpStep *step;
  double x, y;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample_in_app ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  editor = the_editor = bp_canvas_get_card_editor (canvas);
  step = editor_test_find_step (bp_window_get_document (window), BP_LANE_KIND_CUSTOMER);
  id = g_strdup (bp_item_get_id (BP_ITEM (step)));

  editor_test_step_centre (canvas, step, &x, &y);
  xdo_test_click (GTK_WIDGET (canvas), x, y, 2);
  g_assert_true (editor_test_wait (editor_has_focus, editor));
  editor_test_iterate (100);

  /* The whole old text is selected: typing replaces it. */
  xdo_test_type_full ("Opens the app", 40);
  xdo_test_keys_full ("shift+Return", 40, FALSE);
  xdo_test_type_full ("and signs in", 40);
  g_assert_true (editor_test_wait (editor_holds, &(Expect) { NULL, "Opens the app\nand signs in" }));
  /* Nothing is committed before Enter. */
  g_assert_cmpstr (bp_step_get_text (step), !=, "Opens the app\nand signs in");
  xdo_test_keys_full ("Return", 40, FALSE);
  g_assert_true (editor_test_wait (has_text, &(Expect) { step, "Opens the app\nand signs in" }));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  saved = g_build_filename (folder, "two-lines.bpj", NULL);
  file = g_file_new_for_path (saved);
  g_assert_true (bp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  reread = bp_bpj_load (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_step_get_text (BP_STEP (bp_document_lookup (reread, id))), ==,
                   "Opens the app\nand signs in");

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

static gboolean
editor_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Escape closes the editor and leaves the card's text as it was, new
 * lines typed and all. */
static void
test_escape_cancels (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpCardEditor *editor;
  BpStep *step;
  double x, y;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample_in_app ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  editor = the_editor = bp_canvas_get_card_editor (canvas);
  step = editor_test_find_step (bp_window_get_document (window), BP_LANE_KIND_FRONTSTAGE);
  before = g_strdup (bp_step_get_text (step));

  editor_test_step_centre (canvas, step, &x, &y);
  xdo_test_click (GTK_WIDGET (canvas), x, y, 2);
  g_assert_true (editor_test_wait (editor_has_focus, editor));
  editor_test_iterate (100);
  xdo_test_type_full ("Never", 40);
  xdo_test_keys_full ("shift+Return", 40, FALSE);
  xdo_test_type_full ("kept", 40);
  g_assert_true (editor_test_wait (editor_holds, &(Expect) { NULL, "Never\nkept" }));
  xdo_test_keys_full ("Escape", 40, FALSE);
  g_assert_true (editor_test_wait (editor_closed, editor));
  editor_test_iterate (100);
  g_assert_cmpstr (bp_step_get_text (step), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

/* Over a card with notes the canvas's tooltip is the notes; over one
 * without, there is none. */
static void
test_notes_tooltip (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpCanvas *canvas = bp_window_get_canvas (window);
  BpDocument *document = bp_window_get_document (window);
  BpStep *noted = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);
  BpStep *plain = editor_test_find_step (document, BP_LANE_KIND_BACKSTAGE);
  GdkRectangle area;
  double x, y;

  bp_step_set_notes (noted, "Ask whether the card was blocked\nbefore the call");
  bp_step_set_notes (plain, NULL);
  editor_test_iterate (100);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (canvas)));

  editor_test_step_centre (canvas, noted, &x, &y);
  g_assert_cmpstr (bp_canvas_get_tooltip_at (canvas, x, y, &area), ==,
                   "Ask whether the card was blocked\nbefore the call");
  g_assert_cmpint (area.x, <=, (int) x);
  g_assert_cmpint (area.x + area.width, >=, (int) x);

  editor_test_step_centre (canvas, plain, &x, &y);
  g_assert_null (bp_canvas_get_tooltip_at (canvas, x, y, &area));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

typedef struct {
  BpStep *step;
  double  width;
} Width;

static gboolean
has_width (gpointer data)
{
  Width *expect = data;

  return fabs (bp_step_get_width (expect->step) - expect->width) < 1.5;
}

static gboolean
shows_cursor (gpointer data)
{
  GdkCursor *cursor = gtk_widget_get_cursor (data);

  return cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), "ew-resize") == 0;
}

/* A real pointer on a card's right edge shows the resize cursor, and
 * dragging it widens the card (as one undo step); the card grows no
 * taller than its text needs. */
static void
test_drag_right_edge (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  BpHistory *history;
  BpStep *step;
  BpRect card, wider;
  double before, zoom, wx, wy;
  guint n_undo;
  int sx, sy;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  history = bp_document_get_history (document);
  step = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);
  before = bp_step_get_width (step);
  n_undo = bp_history_get_n_undo (history);
  zoom = bp_view_state_get_zoom (bp_canvas_get_view_state (canvas));

  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (canvas), BP_ITEM (step), &card));
  /* On the edge, above the flow handle at its middle. */
  bp_canvas_canvas_to_widget (canvas, card.x + card.width - 1, card.y + 12, &wx, &wy);
  xdo_test_widget_to_screen (GTK_WIDGET (canvas), wx, wy, &sx, &sy);
  xdo_test_pointer (sx - 20, sy, TRUE, NULL);
  xdo_test_pointer (sx, sy, TRUE, NULL);
  g_assert_true (editor_test_wait (shows_cursor, canvas));

  /* Not --sync: the pointer is there already. */
  xdo_test_pointer (sx, sy, FALSE, "mousedown");
  xdo_test_pointer (sx + 30, sy + 2, TRUE, NULL);
  xdo_test_pointer (sx + 80, sy + 2, TRUE, "mouseup");
  g_assert_true (editor_test_wait (has_width, &(Width) { step, before + 80 / zoom }));
  editor_test_iterate (100);

  /* Wider, and no taller: the text needs fewer lines, if anything. */
  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (canvas), BP_ITEM (step), &wider));
  g_assert_cmpfloat (wider.width, ==, bp_step_get_width (step));
  g_assert_cmpfloat (wider.height, <=, card.height);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (bp_history_undo (history));
  g_assert_cmpfloat (bp_step_get_width (step), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/card-editing/two-lines", test_two_lines);
  g_test_add_func ("/card-editing/escape-cancels", test_escape_cancels);
  g_test_add_func ("/card-editing/notes-tooltip", test_notes_tooltip);
  g_test_add_func ("/card-editing/drag-right-edge", test_drag_right_edge);

  return g_test_run ();
}
