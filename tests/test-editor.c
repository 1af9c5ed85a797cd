/* test-editor.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "editor-test-utils.h"

/* The editor driven through its controllers' signals, as input would
 * drive them: the document afterwards says what the user did. */

#define SAMPLE "loan-payment.bpj"

static gpointer
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        continue;
      if (button != 0 && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) != button)
        continue;
      return controller;
    }
  g_assert_not_reached ();
}

static void
drag (BpCanvas *canvas,
      double    from_x,
      double    from_y,
      double    to_x,
      double    to_y,
      gboolean  cancel)
{
  GtkGesture *gesture = find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);

  g_signal_emit_by_name (gesture, "drag-begin", from_x, from_y);
  /* In steps, as a hand moves. */
  for (int i = 1; i <= 10; i++)
    g_signal_emit_by_name (gesture, "drag-update",
                           (to_x - from_x) * i / 10, (to_y - from_y) * i / 10);
  if (cancel)
    g_assert_true (bp_canvas_cancel_drag (canvas));
  g_signal_emit_by_name (gesture, "drag-end", to_x - from_x, to_y - from_y);
  editor_test_iterate (20);
}

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
  editor_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static BpLaneKind
lane_kind_of (BpDocument *document,
              BpStep     *step)
{
  return bp_lane_get_kind (BP_LANE (bp_document_lookup (document, bp_step_get_lane (step))));
}

/* A customer action dragged down across the line of visibility lands in
 * the backstage lane, inside the band, and one undo puts it back. */
static void
test_drag_across_visibility (Fixture       *fixture,
                             gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_CUSTOMER);
  BpLane *backstage = editor_test_first_lane (fixture->document, BP_LANE_KIND_BACKSTAGE);
  BpHistory *history = bp_document_get_history (fixture->document);
  g_autofree char *lane_before = g_strdup (bp_step_get_lane (step));
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  double x, y, tx, ty, line_y;
  BpRect card, band;

  editor_test_step_centre (fixture->canvas, step, &x, &y);
  editor_test_lane_centre (fixture->canvas, backstage, 0, &tx, &ty);
  drag (fixture->canvas, x, y, x, ty, FALSE);

  g_assert_cmpstr (bp_step_get_lane (step), ==, bp_item_get_id (BP_ITEM (backstage)));
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Move Card");

  /* Snapped into the band, below the line of visibility, never on it. */
  layout = bp_canvas_get_layout (fixture->canvas);
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (step), &card));
  g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (backstage), &band));
  g_assert_true (bp_layout_get_line_y (layout, BP_LINE_VISIBILITY, &line_y));
  g_assert_cmpfloat (card.y, >, line_y);
  g_assert_cmpfloat (card.y, >=, band.y);
  g_assert_cmpfloat (card.y + card.height, <=, band.y + band.height);

  g_assert_true (bp_history_undo (history));
  g_assert_cmpstr (bp_step_get_lane (step), ==, lane_before);
  g_assert_cmpint (lane_kind_of (fixture->document, step), ==, BP_LANE_KIND_CUSTOMER);
}

static void
test_escape_cancels_drag (Fixture       *fixture,
                          gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_FRONTSTAGE);
  BpHistory *history = bp_document_get_history (fixture->document);
  guint n_undo = bp_history_get_n_undo (history);
  double x_before = bp_step_get_x (step);
  g_autofree char *lane_before = g_strdup (bp_step_get_lane (step));
  double x, y;

  editor_test_step_centre (fixture->canvas, step, &x, &y);
  drag (fixture->canvas, x, y, x + 150, y + 200, TRUE);

  g_assert_cmpfloat (bp_step_get_x (step), ==, x_before);
  g_assert_cmpstr (bp_step_get_lane (step), ==, lane_before);
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, n_undo);
}

static void
test_palette_drop_lands_in_lane (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkDropTarget *drop = find_controller (GTK_WIDGET (fixture->canvas), GTK_TYPE_DROP_TARGET, 0);
  BpLane *support = editor_test_first_lane (fixture->document, BP_LANE_KIND_SUPPORT);
  BpStage *stage = bp_document_get_stage (fixture->document, 1);
  guint n_steps = bp_document_get_n_steps (fixture->document);
  g_auto(GValue) value = G_VALUE_INIT;
  BpRect column;
  BpStep *added;
  gboolean accepted = FALSE;
  double x, y;

  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (fixture->canvas),
                                          BP_ITEM (stage), &column));
  editor_test_lane_centre (fixture->canvas, support, column.x + column.width / 2, &x, &y);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "support");
  g_signal_emit_by_name (drop, "drop", &value, x, y, &accepted);
  g_assert_true (accepted);

  g_assert_cmpuint (bp_document_get_n_steps (fixture->document), ==, n_steps + 1);
  added = bp_document_get_step (fixture->document, n_steps);
  g_assert_cmpstr (bp_step_get_lane (added), ==, bp_item_get_id (BP_ITEM (support)));
  g_assert_cmpstr (bp_step_get_stage (added), ==, bp_item_get_id (BP_ITEM (stage)));

  /* The new card is selected, ready to edit. */
  {
    g_autoptr(GPtrArray) selection = bp_selection_get_items (bp_canvas_get_selection (fixture->canvas),
                                                             BP_TYPE_ITEM);

    g_assert_cmpuint (selection->len, ==, 1);
    g_assert_true (g_ptr_array_index (selection, 0) == added);
  }
}

static void
test_rubber_band_selects (Fixture       *fixture,
                          gconstpointer  data)
{
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GArray) expected = NULL;
  BpRect bounds, band = { 0, 0, 0, 0 };
  double x1, y1, x2, y2;

  /* A band around the whole customer zone, from the header column's edge. */
  bp_layout_get_bounds (layout, &bounds);
  g_assert_true (bp_layout_get_item_rect (layout,
                                          BP_ITEM (editor_test_first_lane (fixture->document,
                                                                           BP_LANE_KIND_CUSTOMER)),
                                          &band));
  band.x = bp_layout_get_header_width (layout) + 1;
  band.width = bounds.width - band.x - 1;
  band.y += 1;
  band.height -= 2;
  expected = bp_layout_steps_in_rect (layout, &band);
  g_assert_cmpuint (expected->len, >, 0);

  bp_canvas_zoom_to_fit (fixture->canvas);
  editor_test_iterate (20);
  bp_canvas_canvas_to_widget (fixture->canvas, band.x, band.y, &x1, &y1);
  bp_canvas_canvas_to_widget (fixture->canvas, band.x + band.width, band.y + band.height, &x2, &y2);
  drag (fixture->canvas, x1, y1, x2, y2, FALSE);

  selection = bp_selection_get_items (bp_canvas_get_selection (fixture->canvas), BP_TYPE_ITEM);
  g_assert_cmpuint (selection->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_index (selection, i) ==
                   bp_document_get_step (fixture->document, g_array_index (expected, guint, i)));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_BACKSTAGE);
  g_autofree char *id = g_strdup (bp_item_get_id (BP_ITEM (step)));
  guint n_flows = bp_document_get_n_flows (fixture->document);

  bp_selection_set (bp_canvas_get_selection (fixture->canvas), BP_ITEM (step));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL);
  g_assert_null (bp_document_lookup (fixture->document, id));
  g_assert_cmpuint (bp_document_get_n_flows (fixture->document), <=, n_flows);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_nonnull (bp_document_lookup (fixture->document, id));
  g_assert_cmpuint (bp_document_get_n_flows (fixture->document), ==, n_flows);
}

static void
test_flow_drawn_between_cards (Fixture       *fixture,
                               gconstpointer  data)
{
  BpStep *from = editor_test_find_step (fixture->document, BP_LANE_KIND_CUSTOMER);
  BpStep *to = editor_test_find_step (fixture->document, BP_LANE_KIND_SUPPORT);
  guint n_flows = bp_document_get_n_flows (fixture->document);
  BpRect card;
  BpFlow *flow;
  double hx, hy, tx, ty;

  /* From the handle on the card's right edge to the other card. */
  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (fixture->canvas), BP_ITEM (from), &card));
  bp_canvas_canvas_to_widget (fixture->canvas, card.x + card.width - 1, card.y + card.height / 2, &hx, &hy);
  editor_test_step_centre (fixture->canvas, to, &tx, &ty);
  drag (fixture->canvas, hx, hy, tx, ty, FALSE);

  g_assert_cmpuint (bp_document_get_n_flows (fixture->document), ==, n_flows + 1);
  flow = bp_document_get_flow (fixture->document, n_flows);
  g_assert_cmpstr (bp_flow_get_from (flow), ==, bp_item_get_id (BP_ITEM (from)));
  g_assert_cmpstr (bp_flow_get_to (flow), ==, bp_item_get_id (BP_ITEM (to)));
}

static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_EVIDENCE);
  BpCardEditor *editor = bp_canvas_get_card_editor (fixture->canvas);
  BpHistory *history = bp_document_get_history (fixture->document);
  g_autofree char *before = g_strdup (bp_step_get_text (step));

  bp_canvas_edit_step (fixture->canvas, step);
  editor_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  {
    g_autofree char *shown = bp_card_editor_get_text (editor);

    g_assert_cmpstr (shown, ==, before);
  }

  bp_card_editor_set_text (editor, "Receipt e-mail");
  bp_card_editor_activate (editor);
  g_assert_cmpstr (bp_step_get_text (step), ==, "Receipt e-mail");

  g_assert_true (bp_history_undo (history));
  g_assert_cmpstr (bp_step_get_text (step), ==, before);
}

static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_CUSTOMER);
  g_autofree char *path = g_build_filename (fixture->folder, "saved.bpj", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) reread = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  bp_step_set_text (step, "Edited in the window");
  g_assert_true (bp_history_get_modified (bp_document_get_history (fixture->document)));
  g_assert_true (bp_window_save_to_file (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (bp_history_get_modified (bp_document_get_history (fixture->document)));
  g_assert_true (g_file_equal (bp_window_get_file (fixture->window), file));

  reread = bp_bpj_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_step_get_text (BP_STEP (bp_document_lookup (reread, bp_item_get_id (BP_ITEM (step))))),
                   ==, "Edited in the window");
  written = bp_bpj_write (fixture->document, NULL);
  again = bp_bpj_write (reread, NULL);
  g_assert_cmpstr (written, ==, again);
}

static gboolean
window_is_gone (gpointer data)
{
  return *(BpWindow **) data == NULL;
}

static gboolean
has_message_dialog (gpointer window)
{
  return editor_test_find_message_dialog (window) != NULL;
}

/* Closing with unsaved changes asks; Discard closes the window, cleanly
 * (the dialog goes before its window), and leaves the file as it was. */
static void
test_close_and_discard (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (bp_window_get_file (fixture->window));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  bp_document_set_title (fixture->document, "Not to be kept");
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (editor_test_wait (has_message_dialog, fixture->window));

  dialog = editor_test_find_message_dialog (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (editor_test_wait (window_is_gone, &fixture->window));
  /* Whatever the dialog does after its response runs now, with
   * G_DEBUG=fatal-criticals. */
  editor_test_iterate (100);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A stage dragged by its header to the last column's place moves there;
 * one undo puts it back. */
static void
test_reorder_stage_by_header (Fixture       *fixture,
                              gconstpointer  data)
{
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  BpStage *first = bp_document_get_stage (fixture->document, 0);
  guint last = bp_document_get_n_stages (fixture->document) - 1;
  BpRect from, to;
  double x1, y1, x2, y2;

  bp_canvas_zoom_to_fit (fixture->canvas);
  editor_test_iterate (20);
  layout = bp_canvas_get_layout (fixture->canvas);
  g_assert_true (bp_layout_get_stage_header_rect (layout, 0, &from));
  g_assert_true (bp_layout_get_stage_header_rect (layout, last, &to));
  bp_canvas_canvas_to_widget (fixture->canvas, from.x + from.width / 2, from.y + from.height / 2, &x1, &y1);
  bp_canvas_canvas_to_widget (fixture->canvas, to.x + to.width / 2, to.y + to.height / 2, &x2, &y2);
  drag (fixture->canvas, x1, y1, x2, y2, FALSE);

  g_assert_true (bp_document_get_stage (fixture->document, last) == first);
  g_assert_true (bp_history_undo (bp_document_get_history (fixture->document)));
  g_assert_true (bp_document_get_stage (fixture->document, 0) == first);
}

/* Dragging a lane's bottom edge in the header column makes it taller, as
 * one undo step. */
static void
test_resize_lane_by_edge (Fixture       *fixture,
                          gconstpointer  data)
{
  BpLayout *layout = bp_canvas_get_layout (fixture->canvas);
  BpLane *lane = bp_document_get_lane (fixture->document, 0);
  BpHistory *history = bp_document_get_history (fixture->document);
  double height_before = bp_lane_get_height (lane);
  double zoom = bp_view_state_get_zoom (bp_canvas_get_view_state (fixture->canvas));
  BpRect header, band;
  double x, y;

  g_assert_true (bp_layout_get_lane_header_rect (layout, 0, &header));
  g_assert_true (bp_layout_get_lane_rect (layout, 0, &band));
  bp_canvas_canvas_to_widget (fixture->canvas, header.x + header.width / 2,
                              header.y + header.height, &x, &y);
  drag (fixture->canvas, x, y, x, y + 60 * zoom, FALSE);

  g_assert_cmpfloat_with_epsilon (bp_lane_get_height (lane),
                                  MAX (height_before, band.height) + 60, 0.5);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, "Resize Lane");
  g_assert_true (bp_history_undo (history));
  g_assert_cmpfloat (bp_lane_get_height (lane), ==, height_before);
}

static gboolean
is_text_view_of (GtkWidget     *widget,
                 gconstpointer  property)
{
  return GTK_IS_TEXT_VIEW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "bp-property"), property) == 0;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Typing in the properties panel edits the selected card; the run of
 * typing is one undo step, and undo shows in the field. The card's text
 * takes several lines, and its notes show there whole. */
static void
test_properties_panel_edits_card (Fixture       *fixture,
                                  gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_FRONTSTAGE);
  BpHistory *history = bp_document_get_history (fixture->document);
  g_autofree char *before = g_strdup (bp_step_get_text (step));
  guint n_undo = bp_history_get_n_undo (history);
  const char *typed[] = { "S", "Sh", "Sho", "Show", "Shows", "Shows\n", "Shows\nthe" };
  const char *notes = "First line of the notes,\nand a second one that is longer than any field is wide";
  GtkTextBuffer *buffer;
  GtkWidget *view;

  bp_step_set_notes (step, notes);
  bp_history_break_coalescing (history);
  n_undo = bp_history_get_n_undo (history);
  bp_selection_set (bp_canvas_get_selection (fixture->canvas), BP_ITEM (step));
  editor_test_iterate (20);
  view = editor_test_find_widget (GTK_WIDGET (fixture->window), is_text_view_of, "text");
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  {
    g_autofree char *shown = view_text (view);

    g_assert_cmpstr (shown, ==, before);
  }

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_text_buffer_set_text (buffer, typed[i], -1);
  g_assert_cmpstr (bp_step_get_text (step), ==, "Shows\nthe");
  g_assert_cmpuint (bp_history_get_n_undo (history), ==, n_undo + 1);

  {
    GtkWidget *notes_view = editor_test_find_widget (GTK_WIDGET (fixture->window), is_text_view_of,
                                                     "notes");
    g_autofree char *shown = NULL;

    g_assert_nonnull (notes_view);
    shown = view_text (notes_view);
    g_assert_cmpstr (shown, ==, notes);
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (bp_step_get_text (step), ==, before);
  {
    g_autofree char *shown = view_text (view);

    g_assert_cmpstr (shown, ==, before);
  }
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

  add_test ("/editor/drag-across-visibility", test_drag_across_visibility);
  add_test ("/editor/escape-cancels-drag", test_escape_cancels_drag);
  add_test ("/editor/palette-drop-lands-in-lane", test_palette_drop_lands_in_lane);
  add_test ("/editor/rubber-band-selects", test_rubber_band_selects);
  add_test ("/editor/delete-and-undo", test_delete_and_undo);
  add_test ("/editor/flow-drawn-between-cards", test_flow_drawn_between_cards);
  add_test ("/editor/edit-in-place", test_edit_in_place);
  add_test ("/editor/save-round-trip", test_save_round_trip);
  add_test ("/editor/close-and-discard", test_close_and_discard);
  add_test ("/editor/reorder-stage-by-header", test_reorder_stage_by_header);
  add_test ("/editor/resize-lane-by-edge", test_resize_lane_by_edge);
  add_test ("/editor/properties-panel-edits-card", test_properties_panel_edits_card);

  return g_test_run ();
}
