/* test-editor-pointer.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "model/bp-duration.h"
#include "xdo-test-utils.h"

/* A real pointer, moved by xdotool on the X server the window is on,
 * drags a card from the customer lane across the line of visibility into
 * the backstage; the window saves, and the saved file says where the
 * card went. */

typedef struct {
  BpCanvas *canvas;
  BpStep   *step;
  BpLane   *lane;
} Drag;

/* The press has reached the canvas: the card under it is selected. */
static gboolean
is_pressed (gpointer data)
{
  Drag *drag = data;
  BpSelection *selection = bp_canvas_get_selection (drag->canvas);

  return bp_selection_get_count (selection) == 1 &&
         bp_selection_get_item (selection, 0) == BP_ITEM (drag->step);
}

static gboolean
is_dropped (gpointer data)
{
  Drag *drag = data;

  return g_strcmp0 (bp_step_get_lane (drag->step), bp_item_get_id (BP_ITEM (drag->lane))) == 0;
}

static void
test_pointer_drag_and_save (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  BpStep *step;
  BpLane *backstage;
  g_autofree char *id = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) reread = NULL;
  double x, y, tx, ty;
  int sx, sy, ex, ey;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  step = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);
  backstage = editor_test_first_lane (document, BP_LANE_KIND_BACKSTAGE);
  id = g_strdup (bp_item_get_id (BP_ITEM (step)));

  editor_test_step_centre (canvas, step, &x, &y);
  editor_test_lane_centre (canvas, backstage, 0, &tx, &ty);
  xdo_test_widget_to_screen (GTK_WIDGET (canvas), x, y, &sx, &sy);
  xdo_test_widget_to_screen (GTK_WIDGET (canvas), x, ty, &ex, &ey);
  g_test_message ("dragging %s from %d,%d to %d,%d", id, sx, sy, ex, ey);

  {
    Drag drag = { canvas, step, backstage };

    /* The X server keeps the events in order; waiting for the press
     * only makes sure that the drag starts on the card. */
    xdo_test_pointer (sx, sy, TRUE, "mousedown");
    g_assert_true (editor_test_wait (is_pressed, &drag));
    xdo_test_pointer (sx + 3, (sy + ey) / 2, TRUE, NULL);
    xdo_test_pointer (ex, ey, TRUE, "mouseup");
    g_assert_true (editor_test_wait (is_dropped, &drag));
  }

  saved = g_build_filename (folder, "moved.bpj", NULL);
  file = g_file_new_for_path (saved);
  g_assert_true (bp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);

  reread = bp_bpj_load (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_step_get_lane (BP_STEP (bp_document_lookup (reread, id))), ==,
                   bp_item_get_id (BP_ITEM (backstage)));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

/* A click at a point of @widget, by a real pointer. (Not --sync: it
 * would wait for ever when the pointer is there already.) */
static void
click_widget (GtkWidget *widget,
              double     x,
              double     y)
{
  int sx, sy;

  xdo_test_widget_to_screen (widget, x, y, &sx, &sy);
  xdo_test_pointer (sx, sy, FALSE, "click");
}

static void
press_keys (const char *keys)
{
  xdo_test_keys_full (keys, 40, FALSE);
}

static void
type_text (const char *text)
{
  xdo_test_type_full (text, 40);
}

static gboolean
selected_only (gpointer data)
{
  gpointer *args = data;

  return bp_selection_get_count (args[0]) == 1 && bp_selection_get_item (args[0], 0) == args[1];
}

/* Clicks the header of stage @index: the canvas takes the focus and the
 * stage is selected. */
static void
click_stage_header (BpWindow *window,
                    guint     index)
{
  BpCanvas *canvas = bp_window_get_canvas (window);
  BpStage *stage = bp_document_get_stage (bp_window_get_document (window), index);
  BpSelection *selection = bp_canvas_get_selection (canvas);
  BpRect header;
  double x, y;

  g_assert_true (bp_layout_get_stage_header_rect (bp_canvas_get_layout (canvas), index, &header));
  bp_canvas_canvas_to_widget (canvas, header.x + header.width / 2, header.y + header.height / 2, &x, &y);
  click_widget (GTK_WIDGET (canvas), x, y);
  g_assert_true (editor_test_wait (selected_only, (gpointer[]) { selection, stage }));
}

/* A widget the panel has just made is drawn, so it can be clicked. */
static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The focus is in @row's text. */
static gboolean
is_editing (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));

  return focus != NULL && gtk_widget_is_ancestor (focus, row);
}

static gboolean
not_editing (gpointer data)
{
  return !is_editing (data);
}

typedef struct {
  BpItem     *item;
  const char *property;
  const char *value;
} Expect;

static gboolean
has_value (gpointer data)
{
  Expect *expect = data;
  g_autofree char *value = NULL;

  g_object_get (expect->item, expect->property, &value, NULL);
  return g_strcmp0 (value, expect->value) == 0;
}

/* Ctrl+A in the properties panel's Name field selects the field's text,
 * not every card: the stage stays selected, its field stays, and what is
 * typed next replaces the name. */
static void
test_select_all_in_entry (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpDocument *document;
  BpSelection *selection;
  BpStage *stage;
  GtkWidget *row;
  int start = -1, end = -1;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample_in_app ("loan-payment.bpj", &folder);
  document = bp_window_get_document (window);
  selection = bp_canvas_get_selection (bp_window_get_canvas (window));
  stage = bp_document_get_stage (document, 1);

  click_stage_header (window, 1);
  row = editor_test_find_entry_row (GTK_WIDGET (window), "Name");
  g_assert_nonnull (row);
  g_assert_true (editor_test_wait (is_drawn, row));
  editor_test_iterate (50);
  click_widget (row, gtk_widget_get_width (row) / 3.0, gtk_widget_get_height (row) / 2.0);
  g_assert_true (editor_test_wait (is_editing, row));

  press_keys ("ctrl+a");
  editor_test_iterate (50);
  g_assert_cmpuint (bp_selection_get_count (selection), ==, 1);
  g_assert_true (bp_selection_get_item (selection, 0) == BP_ITEM (stage));
  g_assert_true (editor_test_find_entry_row (GTK_WIDGET (window), "Name") == row);
  g_assert_true (is_editing (row));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (row), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (bp_stage_get_name (stage), -1));

  type_text ("Sign in");
  g_assert_true (editor_test_wait (has_value, &(Expect) { BP_ITEM (stage), "name", "Sign in" }));
  g_assert_cmpuint (bp_selection_get_count (selection), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

static gboolean
dialog_shown (gpointer data)
{
  return editor_test_find_message_dialog (data) != NULL;
}

static gboolean
stage_gone (gpointer data)
{
  gpointer *args = data;

  return bp_item_get_document (args[1]) != args[0];
}

/* Delete on a selected stage asks, as the menu's Remove Stage does, and
 * Remove removes it with its cards. */
static void
test_delete_key_removes_stage (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *id = NULL;
  BpWindow *window;
  BpDocument *document;
  BpStage *stage;
  AdwMessageDialog *dialog;
  guint n_stages;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample_in_app ("loan-payment.bpj", &folder);
  document = bp_window_get_document (window);
  n_stages = bp_document_get_n_stages (document);
  stage = bp_document_get_stage (document, 1);
  id = g_strdup (bp_item_get_id (BP_ITEM (stage)));

  click_stage_header (window, 1);
  press_keys ("Delete");
  g_assert_true (editor_test_wait (dialog_shown, window));
  dialog = editor_test_find_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Stage?");
  /* Nothing goes before the answer. */
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, n_stages);

  adw_message_dialog_response (dialog, "remove");
  g_assert_true (editor_test_wait (stage_gone, (gpointer[]) { document, stage }));
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, n_stages - 1);
  g_assert_null (bp_document_lookup (document, id));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

/* Clicks a card: the canvas takes the focus and the card is selected. */
static void
click_step (BpWindow *window,
            BpStep   *step)
{
  BpCanvas *canvas = bp_window_get_canvas (window);
  double x, y;

  editor_test_step_centre (canvas, step, &x, &y);
  click_widget (GTK_WIDGET (canvas), x, y);
  g_assert_true (editor_test_wait (selected_only, (gpointer[]) { bp_canvas_get_selection (canvas), step }));
}

/* Clicks the properties panel's field @title and waits for its text to
 * have the focus. */
static GtkWidget *
click_field (BpWindow   *window,
             const char *title)
{
  GtkWidget *row = editor_test_find_entry_row (GTK_WIDGET (window), title);

  g_assert_nonnull (row);
  g_assert_true (editor_test_wait (is_drawn, row));
  editor_test_iterate (50);
  click_widget (row, gtk_widget_get_width (row) / 3.0, gtk_widget_get_height (row) / 2.0);
  g_assert_true (editor_test_wait (is_editing, row));
  return row;
}

/* The caption that says why the duration typed is refused, when shown. */
static const char *
duration_problem (BpWindow *window)
{
  GtkWidget *row = editor_test_find_entry_row (GTK_WIDGET (window), "Duration (30 s, 5 min, 1 h 30 min)");
  GtkWidget *caption = g_object_get_data (G_OBJECT (row), "problem");

  if (caption == NULL || !gtk_widget_is_visible (caption))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (caption));
}

static gboolean
shows_problem (gpointer data)
{
  return duration_problem (data) != NULL;
}

static gboolean
shows_text (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gtk_editable_get_text (args[0]), args[1]) == 0;
}

/* A duration the panel cannot read stays in the field, red, with a
 * caption that says what it reads, while the card keeps its duration:
 * after the field loses the focus, and when the card is selected again.
 * Escape puts the card's duration back. */
static void
test_invalid_duration_kept (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *shown = NULL;
  BpWindow *window;
  BpDocument *document;
  BpStep *step, *other;
  GtkWidget *row;
  double before;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample_in_app ("loan-payment.bpj", &folder);
  document = bp_window_get_document (window);
  step = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);
  other = editor_test_find_step (document, BP_LANE_KIND_EVIDENCE);
  g_assert_true (bp_step_has_duration (step));
  before = bp_step_get_duration (step);
  shown = bp_duration_format (before);

  click_step (window, step);
  row = click_field (window, "Duration (30 s, 5 min, 1 h 30 min)");
  g_assert_null (duration_problem (window));
  press_keys ("ctrl+a");
  type_text ("about 5 min");
  g_assert_true (editor_test_wait (shows_text, (gpointer[]) { row, "about 5 min" }));
  g_assert_true (editor_test_wait (shows_problem, window));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Leaving the field keeps it. */
  press_keys ("Tab");
  g_assert_true (editor_test_wait (not_editing, row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "about 5 min");
  g_assert_cmpfloat (bp_step_get_duration (step), ==, before);

  /* So does choosing another card and coming back. */
  click_step (window, other);
  click_step (window, step);
  row = editor_test_find_entry_row (GTK_WIDGET (window), "Duration (30 s, 5 min, 1 h 30 min)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "about 5 min");
  g_assert_cmpstr (duration_problem (window), ==,
                   "Not a duration: write a number and a unit, like 30 s, 5 min, "
                   "1 h 30 min or 2 d. Escape puts the last one back.");
  g_assert_cmpfloat (bp_step_get_duration (step), ==, before);

  /* Escape in the field gives the card's duration back. */
  click_field (window, "Duration (30 s, 5 min, 1 h 30 min)");
  press_keys ("Escape");
  g_assert_true (editor_test_wait (shows_text, (gpointer[]) { row, shown }));
  g_assert_null (duration_problem (window));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpfloat (bp_step_get_duration (step), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/editor-pointer/drag-and-save", test_pointer_drag_and_save);
  g_test_add_func ("/editor-pointer/select-all-in-entry", test_select_all_in_entry);
  g_test_add_func ("/editor-pointer/delete-key-removes-stage", test_delete_key_removes_stage);
  g_test_add_func ("/editor-pointer/invalid-duration-kept", test_invalid_duration_kept);
  return g_test_run ();
}
