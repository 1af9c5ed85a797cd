/* test-clipboard-window.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "edit/bp-clipboard.h"
#include "history/bp-history.h"
#include "xdo-test-utils.h"

/* Cut, copy and paste in the editor's windows, through the system
 * clipboard: between two windows, and never in place of a text field's
 * own copy. */

#define SAMPLE "loan-payment.bpj"

/* Activates the canvas's shortcut for @accel, as the key would: TRUE when
 * it acted. */
static gboolean
press_canvas_shortcut (BpCanvas   *canvas,
                       const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (canvas), NULL);
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static gboolean
clipboard_has_cards (gpointer data)
{
  return gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (data),
                                                BP_CLIPBOARD_MIME_TYPE);
}

static gboolean
has_two_steps (gpointer data)
{
  return bp_document_get_n_steps (data) == 2;
}

static BpLaneKind
kind_of (BpDocument *document,
         BpStep     *step)
{
  return bp_lane_get_kind (BP_LANE (bp_document_lookup (document, bp_step_get_lane (step))));
}

/* Two connected cards copied in one window and pasted in another arrive
 * there with new ids, their arrow between them, in zone order, as one
 * undo step. */
static void
test_copy_to_second_window (void)
{
  g_autofree char *folder = NULL;
  BpWindow *source = editor_test_open_sample (SAMPLE, &folder);
  BpWindow *target = bp_window_new (NULL);
  BpDocument *from_document = bp_window_get_document (source);
  BpCanvas *from_canvas = bp_window_get_canvas (source);
  BpFlow *flow = bp_document_get_flow (from_document, 0);
  BpStep *first = BP_STEP (bp_document_lookup (from_document, bp_flow_get_from (flow)));
  BpStep *second = BP_STEP (bp_document_lookup (from_document, bp_flow_get_to (flow)));
  BpDocument *to_document;
  BpCanvas *to_canvas;
  BpFlow *pasted_flow;
  BpStep *a, *b;

  gtk_window_set_default_size (GTK_WINDOW (target), 1000, 700);
  gtk_window_present (GTK_WINDOW (target));
  to_document = bp_window_get_document (target);
  to_canvas = bp_window_get_canvas (target);
  g_assert_cmpuint (bp_document_get_n_steps (to_document), ==, 0);

  bp_selection_set (bp_canvas_get_selection (from_canvas), BP_ITEM (first));
  bp_selection_add (bp_canvas_get_selection (from_canvas), BP_ITEM (second));
  gtk_widget_grab_focus (GTK_WIDGET (from_canvas));
  g_assert_true (press_canvas_shortcut (from_canvas, "<Control>c"));
  g_assert_true (editor_test_wait (clipboard_has_cards, gtk_widget_get_clipboard (GTK_WIDGET (source))));
  /* Copying changed nothing. */
  g_assert_false (bp_history_can_undo (bp_document_get_history (from_document)));

  gtk_widget_grab_focus (GTK_WIDGET (to_canvas));
  g_assert_true (press_canvas_shortcut (to_canvas, "<Control>v"));
  g_assert_true (editor_test_wait (has_two_steps, to_document));

  g_assert_cmpuint (bp_document_get_n_flows (to_document), ==, 1);
  pasted_flow = bp_document_get_flow (to_document, 0);
  a = BP_STEP (bp_document_lookup (to_document, bp_flow_get_from (pasted_flow)));
  b = BP_STEP (bp_document_lookup (to_document, bp_flow_get_to (pasted_flow)));
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (bp_step_get_text (a), ==, bp_step_get_text (first));
  g_assert_cmpstr (bp_step_get_text (b), ==, bp_step_get_text (second));
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (a)), !=, bp_item_get_id (BP_ITEM (first)));
  /* Under the pointer (where the X server left it) or beside, the
   * cards keep their order across zones (the core's tests say where they
   * land exactly). */
  g_assert_cmpint (kind_of (from_document, first), <, kind_of (from_document, second));
  g_assert_cmpint (kind_of (to_document, a), <=, kind_of (to_document, b));
  g_assert_cmpuint (bp_selection_get_count (bp_canvas_get_selection (to_canvas)), ==, 2);
  g_assert_cmpstr (bp_history_get_undo_label (bp_document_get_history (to_document)), ==, "Paste Cards");

  /* Duplicate in the target: two more, beside them. */
  g_assert_true (press_canvas_shortcut (to_canvas, "<Control>d"));
  g_assert_cmpuint (bp_document_get_n_steps (to_document), ==, 4);
  g_assert_cmpuint (bp_document_get_n_flows (to_document), ==, 2);

  g_assert_true (bp_history_undo (bp_document_get_history (to_document)));
  g_assert_true (bp_history_undo (bp_document_get_history (to_document)));
  g_assert_cmpuint (bp_document_get_n_steps (to_document), ==, 0);

  /* Cut in the source: gone there, on the clipboard still. */
  gtk_widget_grab_focus (GTK_WIDGET (from_canvas));
  g_assert_true (press_canvas_shortcut (from_canvas, "<Control>x"));
  g_assert_null (bp_document_lookup (from_document, bp_item_get_id (BP_ITEM (first))));
  g_assert_cmpstr (bp_history_get_undo_label (bp_document_get_history (from_document)), ==, "Cut Cards");
  g_assert_true (clipboard_has_cards (gtk_widget_get_clipboard (GTK_WIDGET (source))));

  gtk_window_destroy (GTK_WINDOW (target));
  gtk_window_destroy (GTK_WINDOW (source));
  editor_test_remove_folder (folder);
}

static gboolean
is_mapped_of_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) &&
         gtk_widget_get_mapped (widget);
}

/* The first mapped widget of @type under @widget. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  return editor_test_find_widget (widget, is_mapped_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
press_keys (const char *keys)
{
  xdo_test_keys_full (keys, -1, TRUE);
  editor_test_iterate (100);
}

typedef struct {
  GdkClipboard *clipboard;
  char         *text;
  gboolean      done;
} TextRead;

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  TextRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return *(gboolean *) data;
}

static char *
clipboard_text (GdkClipboard *clipboard)
{
  TextRead read = { clipboard, NULL, FALSE };

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &read);
  g_assert_true (editor_test_wait (read_done, &read.done));
  return read.text;
}

typedef struct {
  GdkClipboard *clipboard;
  const char   *text;
} TextWait;

static gboolean
clipboard_holds_text (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = clipboard_text (wait->clipboard);

  return g_strcmp0 (text, wait->text) == 0;
}

/* Real keys, through the X server: Ctrl+C in a text field copies its
 * text, not the selected card; on the canvas, the card. */
static void
test_entry_keeps_its_copy (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  GdkClipboard *clipboard;
  GtkWidget *entry;
  BpStep *step;
  TextWait wait;

  if (!xdo_test_available ())
    return;

  window = editor_test_open_sample (SAMPLE, &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  step = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);

  /* Without a window manager the window sits at the screen's origin, and
   * the keys go where the pointer is. */
  xdo_test_pointer (gtk_widget_get_width (GTK_WIDGET (window)) / 2,
                    gtk_widget_get_height (GTK_WIDGET (window)) / 2, FALSE, NULL);

  bp_selection_set (bp_canvas_get_selection (canvas), BP_ITEM (step));
  editor_test_iterate (100);
  entry = find_mapped (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Typed in the field");
  g_assert_true (gtk_widget_grab_focus (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, 5);
  gdk_clipboard_set_text (clipboard, "before");
  editor_test_iterate (50);

  press_keys ("ctrl+c");
  wait = (TextWait) { clipboard, "Typed" };
  g_assert_true (editor_test_wait (clipboard_holds_text, &wait));
  g_assert_false (clipboard_has_cards (clipboard));

  /* Paste (and Ctrl+D), in the field, make no card. */
  {
    guint n_steps = bp_document_get_n_steps (document);

    gtk_editable_set_position (GTK_EDITABLE (entry), -1);
    press_keys ("ctrl+v");
    press_keys ("ctrl+d");
    g_assert_cmpuint (bp_document_get_n_steps (document), ==, n_steps);
  }

  /* The card editor's field sits inside the canvas: there too the keys
   * are the field's. */
  {
    guint n_steps = bp_document_get_n_steps (document);
    GtkWidget *field;

    bp_canvas_edit_step (canvas, step);
    g_assert_true (editor_test_wait (widget_is_mapped, bp_canvas_get_card_editor (canvas)));
    editor_test_iterate (200);
    field = bp_card_editor_get_field (bp_canvas_get_card_editor (canvas));
    g_assert_true (gtk_widget_get_mapped (field));
    bp_card_editor_set_text (bp_canvas_get_card_editor (canvas), "Edited in place");
    g_assert_true (gtk_widget_grab_focus (field));
    /* Real keys do not reliably reach a popover under an X server with
     * no window manager: the canvas's shortcuts are asked directly, as
     * the key's propagation up from the field would ask them. */
    g_assert_false (press_canvas_shortcut (canvas, "<Control>c"));
    g_assert_false (press_canvas_shortcut (canvas, "<Control>d"));
    g_assert_false (press_canvas_shortcut (canvas, "<Control>x"));
    g_assert_false (clipboard_has_cards (clipboard));
    /* No card was duplicated or cut. */
    g_assert_cmpuint (bp_document_get_n_steps (document), ==, n_steps);
    g_assert_nonnull (bp_document_lookup (document, bp_item_get_id (BP_ITEM (step))));
    gtk_popover_popdown (GTK_POPOVER (bp_canvas_get_card_editor (canvas)));
    editor_test_iterate (100);
  }

  /* On the canvas, the same keys copy the card. */
  bp_selection_set (bp_canvas_get_selection (canvas), BP_ITEM (step));
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  press_keys ("ctrl+c");
  g_assert_true (editor_test_wait (clipboard_has_cards, clipboard));
  {
    g_autofree char *text = clipboard_text (clipboard);
    g_autofree char *expected = g_strconcat (bp_step_get_text (step), "\n", NULL);

    g_assert_cmpstr (text, ==, expected);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/clipboard-window/copy-to-second-window", test_copy_to_second_window);
  g_test_add_func ("/clipboard-window/entry-keeps-its-copy", test_entry_keeps_its_copy);

  return g_test_run ();
}
