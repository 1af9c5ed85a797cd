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

static gboolean
canvas_is_ready (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 100 &&
         gtk_widget_get_mapped (GTK_WIDGET (data)) &&
         bp_canvas_is_settled (data);
}

static gboolean
canvas_has_focus (gpointer data)
{
  return gtk_widget_has_focus (GTK_WIDGET (data));
}

static gboolean
editor_is_closed (gpointer data)
{
  return !editor_is_open (data);
}

/* Adds a card with the zone's number key and types its text. */
static void
type_card (BpCanvas   *canvas,
           const char *key,
           const char *text)
{
  xdo_test_keys (key);
  g_assert_true (editor_test_wait (editor_is_open, canvas));
  xdo_test_type (text);
  xdo_test_keys ("Return");
  g_assert_true (editor_test_wait (editor_is_closed, canvas));
  g_assert_true (editor_test_wait (canvas_has_focus, canvas));
}

typedef struct {
  BpDocument *document;
  guint       n;
} CountWait;

static gboolean
has_flows (gpointer data)
{
  CountWait *wait = data;

  return bp_document_get_n_flows (wait->document) == wait->n;
}

static BpStep *
step_with_text (BpDocument *document,
                const char *text)
{
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    if (g_strcmp0 (bp_step_get_text (bp_document_get_step (document, i)), text) == 0)
      return bp_document_get_step (document, i);
  return NULL;
}

static void
assert_card (BpDocument *document,
             const char *text,
             BpLaneKind  kind,
             const char *stage_id)
{
  BpStep *step = step_with_text (document, text);
  BpLane *lane;

  g_assert_nonnull (step);
  lane = BP_LANE (bp_document_lookup (document, bp_step_get_lane (step)));
  g_assert_cmpint (bp_lane_get_kind (lane), ==, kind);
  g_assert_cmpstr (bp_step_get_stage (step), ==, stage_id);
}

static void
assert_flow (BpDocument *document,
             const char *from,
             const char *to)
{
  const char *from_id = bp_item_get_id (BP_ITEM (step_with_text (document, from)));
  const char *to_id = bp_item_get_id (BP_ITEM (step_with_text (document, to)));

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);

      if (g_strcmp0 (bp_flow_get_from (flow), from_id) == 0 &&
          g_strcmp0 (bp_flow_get_to (flow), to_id) == 0)
        return;
    }
  g_error ("no flow from \"%s\" to \"%s\"", from, to);
}

/* The first two stages of the loan payment sample, built on a new
 * blueprint with the keyboard alone: F6 to the canvas, a number key per card of
 * that zone, its text typed at once, F to draw a flow, Ctrl+arrows to
 * choose its end, Enter. The saved file holds what was typed. */
static void
test_build_two_stages_with_keys (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) reread = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  CountWait flows;
  const char *stage_id;

  if (!xdo_test_available ())
    return;

  folder = g_dir_make_tmp ("touchpoint-keyboard-XXXXXX", &error);
  g_assert_no_error (error);

  window = bp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  canvas = bp_window_get_canvas (window);
  g_assert_true (editor_test_wait (canvas_is_ready, canvas));
  g_assert_cmpuint (bp_document_get_n_steps (bp_window_get_document (window)), ==, 0);

  for (int i = 0; i < 4 && !gtk_widget_has_focus (GTK_WIDGET (canvas)); i++)
    {
      xdo_test_keys ("F6");
      editor_test_iterate (100);
    }
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (canvas)));

  type_card (canvas, "1", "Reminder SMS and email");
  type_card (canvas, "2", "Reads the payment reminder");
  type_card (canvas, "3", "Opens the link in the SMS");
  type_card (canvas, "4", "Due-date batch flags the loan");
  type_card (canvas, "5", "SMS gateway sends the reminder");

  /* From the SMS gateway (selected) up to the customer, three lanes up. */
  flows = (CountWait) { bp_window_get_document (window), 1 };
  xdo_test_keys ("f ctrl+Up ctrl+Up ctrl+Up Return");
  g_assert_true (editor_test_wait (has_flows, &flows));

  /* Tab in reading order from the top of the stage to the backstage
   * and Shift+Tab back to the frontstage; down again, a flow begun and
   * escaped, then one from the backstage to the gateway. */
  xdo_test_keys ("Escape");
  xdo_test_keys ("Tab Tab Tab Tab shift+Tab ctrl+Down f Escape");
  xdo_test_keys ("f ctrl+Down Return");
  flows.n = 2;
  g_assert_true (editor_test_wait (has_flows, &flows));

  /* The second stage, empty: Ctrl+Right from the lane's last card
   * selects it, and the number keys fill it. */
  xdo_test_keys ("Escape");
  xdo_test_keys ("Tab Tab ctrl+Right");
  type_card (canvas, "2", "Enters password and 2FA code");
  type_card (canvas, "3", "Asks for the one-time code");
  type_card (canvas, "5", "Identity service checks the code");
  xdo_test_keys ("ctrl+Up f ctrl+Down Return");
  flows.n = 3;
  g_assert_true (editor_test_wait (has_flows, &flows));
  /* Shift+Tab from nothing starts at the last card. */
  xdo_test_keys ("Escape");
  xdo_test_keys ("shift+Tab shift+Tab shift+Tab f ctrl+Down Return");
  flows.n = 4;
  g_assert_true (editor_test_wait (has_flows, &flows));
  /* Across the stages, along the customer's lane. */
  xdo_test_keys ("Escape");
  xdo_test_keys ("shift+Tab shift+Tab shift+Tab ctrl+Left f ctrl+Right Return");
  flows.n = 5;
  g_assert_true (editor_test_wait (has_flows, &flows));

  saved = g_build_filename (folder, "stage.bpj", NULL);
  file = g_file_new_for_path (saved);
  g_assert_true (bp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);

  reread = bp_bpj_load (saved, &error);
  g_assert_no_error (error);
  stage_id = bp_item_get_id (BP_ITEM (bp_document_get_stage (reread, 0)));
  g_assert_cmpuint (bp_document_get_n_steps (reread), ==, 8);
  assert_card (reread, "Reminder SMS and email", BP_LANE_KIND_EVIDENCE, stage_id);
  assert_card (reread, "Reads the payment reminder", BP_LANE_KIND_CUSTOMER, stage_id);
  assert_card (reread, "Opens the link in the SMS", BP_LANE_KIND_FRONTSTAGE, stage_id);
  assert_card (reread, "Due-date batch flags the loan", BP_LANE_KIND_BACKSTAGE, stage_id);
  assert_card (reread, "SMS gateway sends the reminder", BP_LANE_KIND_SUPPORT, stage_id);
  g_assert_cmpuint (bp_document_get_n_flows (reread), ==, 5);
  assert_flow (reread, "SMS gateway sends the reminder", "Reads the payment reminder");
  assert_flow (reread, "Due-date batch flags the loan", "SMS gateway sends the reminder");

  stage_id = bp_item_get_id (BP_ITEM (bp_document_get_stage (reread, 1)));
  assert_card (reread, "Enters password and 2FA code", BP_LANE_KIND_CUSTOMER, stage_id);
  assert_card (reread, "Asks for the one-time code", BP_LANE_KIND_FRONTSTAGE, stage_id);
  assert_card (reread, "Identity service checks the code", BP_LANE_KIND_SUPPORT, stage_id);
  assert_flow (reread, "Asks for the one-time code", "Identity service checks the code");
  assert_flow (reread, "Enters password and 2FA code", "Asks for the one-time code");
  assert_flow (reread, "Reads the payment reminder", "Enters password and 2FA code");

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

/* The shortcuts window names every key of the keyboard path. */
static void
test_shortcuts_window_lists_them (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/touchpoint/Touchpoint/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  g_autoptr(GString) all = g_string_new (" ");
  const char *expected[] = {
    " F6 ", " <shift>F6 ", " Tab ", " <shift>Tab ", " <ctrl>Left ", " <ctrl>Down ",
    " 1 ", " 2 ", " 3 ", " 4 ", " 5 ", " f ", " Return ", " Escape ",
  };

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        g_string_append_printf (all, "%s ", accelerator != NULL ? accelerator : "");
      }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (all->str, expected[i]) == NULL)
      g_error ("the shortcuts window does not list \"%s\"", expected[i]);
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
  g_test_add_func ("/editor-keyboard/build-two-stages-with-keys", test_build_two_stages_with_keys);
  g_test_add_func ("/editor-keyboard/shortcuts-window-lists-them", test_shortcuts_window_lists_them);
  return g_test_run ();
}
