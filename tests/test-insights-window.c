/* test-insights-window.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "history/bp-history.h"
#include "model/bp-duration.h"
#include "bp-insights-panel.h"
#include "editor-test-utils.h"

/* The editor's side of the blueprint's insights: the fields the analysis
 * reads (flow kinds, tolerances), edited in the properties panel, and the
 * Insights panel, kept up to date as the blueprint changes. */

#define SAMPLE "loan-payment.bpj"
#define TOLERANCE_TITLE "Tolerance (longest acceptable)"

typedef struct {
  BpWindow   *window;
  BpCanvas   *canvas;
  BpDocument *document;
  BpHistory  *history;
  char       *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = editor_test_open_sample (SAMPLE, &fixture->folder);
  fixture->canvas = bp_window_get_canvas (fixture->window);
  fixture->document = bp_window_get_document (fixture->window);
  fixture->history = bp_document_get_history (fixture->document);
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

static void
select_item (Fixture *fixture,
             BpItem  *item)
{
  BpSelection *selection = bp_canvas_get_selection (fixture->canvas);

  if (item != NULL)
    bp_selection_set (selection, item);
  else
    bp_selection_clear (selection);
  editor_test_iterate (20);
}

static gboolean
is_drop_down_in_row (GtkWidget     *widget,
                     gconstpointer  title)
{
  GtkWidget *row;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

static gboolean
has_value (gpointer data)
{
  gpointer *args = data;
  double value;

  g_object_get (args[0], args[1], &value, NULL);
  return value == *(double *) args[2];
}

/* The flow's kind is chosen from a drop-down of the four kinds: one undo
 * step, and undo shows in the drop-down. */
static void
test_flow_kind (Fixture       *fixture,
                gconstpointer  data)
{
  BpFlow *flow = bp_document_get_flow (fixture->document, 0);
  guint n_undo = bp_history_get_n_undo (fixture->history);
  GtkWidget *drop_down;
  GListModel *model;

  bp_flow_set_kind (flow, BP_FLOW_KIND_SEQUENCE);
  n_undo = bp_history_get_n_undo (fixture->history);
  select_item (fixture, BP_ITEM (flow));
  drop_down = editor_test_find_widget (GTK_WIDGET (fixture->window), is_drop_down_in_row, "Kind");
  g_assert_nonnull (drop_down);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, BP_N_FLOW_KINDS);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), BP_FLOW_KIND_RECOVERY), ==,
                   bp_flow_kind_label (BP_FLOW_KIND_RECOVERY));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, BP_FLOW_KIND_SEQUENCE);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), BP_FLOW_KIND_RECOVERY);
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_RECOVERY);
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo + 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (bp_flow_get_kind (flow), ==, BP_FLOW_KIND_SEQUENCE);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, BP_FLOW_KIND_SEQUENCE);
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo);
}

/* Typing a tolerance into @target's field, a keystroke at a time, sets
 * it as one undo step; undo empties the field again. */
static void
check_tolerance (Fixture *fixture,
                 GObject *target)
{
  const char *typed[] = { "1", "1 ", "1 h", "1 h 3", "1 h 30", "1 h 30 min" };
  guint n_undo = bp_history_get_n_undo (fixture->history);
  double expected = 5400, none = -1;
  GtkWidget *row;

  row = editor_test_find_entry_row (GTK_WIDGET (fixture->window), TOLERANCE_TITLE);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), typed[i]);
      editor_test_iterate (5);
    }
  g_assert_true (editor_test_wait (has_value, (gpointer[]) { target, "tolerance", &expected }));
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo + 1);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (has_value ((gpointer[]) { target, "tolerance", &none }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo);
}

static void
test_step_tolerance (Fixture       *fixture,
                     gconstpointer  data)
{
  BpStep *step = editor_test_find_step (fixture->document, BP_LANE_KIND_CUSTOMER);

  /* The samples may come with tolerances: start from none. */
  bp_step_set_tolerance (step, -1);
  select_item (fixture, BP_ITEM (step));
  check_tolerance (fixture, G_OBJECT (step));
}

static void
test_stage_tolerance (Fixture       *fixture,
                      gconstpointer  data)
{
  BpStage *stage = bp_document_get_stage (fixture->document, 0);

  bp_stage_set_tolerance (stage, -1);
  select_item (fixture, BP_ITEM (stage));
  check_tolerance (fixture, G_OBJECT (stage));
}

static void
test_blueprint_tolerance (Fixture       *fixture,
                          gconstpointer  data)
{
  bp_document_set_tolerance (fixture->document, -1);
  select_item (fixture, NULL);
  check_tolerance (fixture, G_OBJECT (fixture->document));
}

static gboolean
has_error (gpointer data)
{
  return gtk_widget_has_css_class (data, "error");
}

/* Text that is no duration leaves the tolerance as it was and says so
 * under the field, as the Duration field does. */
static void
test_invalid_tolerance (Fixture       *fixture,
                        gconstpointer  data)
{
  BpStage *stage = bp_document_get_stage (fixture->document, 0);
  GtkWidget *row, *caption;

  bp_stage_set_tolerance (stage, 600);
  select_item (fixture, BP_ITEM (stage));
  row = editor_test_find_entry_row (GTK_WIDGET (fixture->window), TOLERANCE_TITLE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "10 min");
  caption = g_object_get_data (G_OBJECT (row), "problem");
  g_assert_false (gtk_widget_is_visible (caption));

  gtk_editable_set_text (GTK_EDITABLE (row), "soon");
  g_assert_true (editor_test_wait (has_error, row));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (caption)));
  g_assert_cmpfloat (bp_stage_get_tolerance (stage), ==, 600);
}

/* The Insights panel */

static gboolean
is_insights_panel (GtkWidget     *widget,
                   gconstpointer  data)
{
  return BP_IS_INSIGHTS_PANEL (widget);
}

static GtkWidget *
insights_panel (Fixture *fixture)
{
  GtkWidget *panel = editor_test_find_widget (GTK_WIDGET (fixture->window), is_insights_panel, NULL);

  g_assert_nonnull (panel);
  return panel;
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

/* Turns the side panel to its Insights page, which builds its rows only
 * while shown. */
static void
show_insights (Fixture *fixture)
{
  GtkWidget *stack = editor_test_find_widget (GTK_WIDGET (fixture->window), is_view_stack, NULL);

  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "insights");
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) gtk_widget_get_mapped, insights_panel (fixture)));
}

typedef struct {
  const char *check;
  const char *item;
} CheckKey;

static gboolean
is_check_row (GtkWidget     *widget,
              gconstpointer  data)
{
  const CheckKey *key = data;

  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "check"), key->check) == 0 &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "item"), key->item) == 0;
}

/* The panel's row of @check on @item, or NULL. */
static GtkWidget *
find_check_row (Fixture    *fixture,
                const char *check,
                const char *item)
{
  CheckKey key = { check, item };

  return editor_test_find_widget (insights_panel (fixture), is_check_row, &key);
}

static gboolean
row_dismissed (GtkWidget *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "dismissed"));
}

/* A customer card with nothing in the frontstage or the evidence to meet
 * it raises a check in the panel as soon as the canvas shows the card (in
 * the same idle as the layout, not later); a flow to a frontstage card
 * clears it. */
static void
test_check_follows_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  BpLane *customer = editor_test_first_lane (fixture->document, BP_LANE_KIND_CUSTOMER);
  BpStep *frontstage = editor_test_find_step (fixture->document, BP_LANE_KIND_FRONTSTAGE);
  BpStage *stage = bp_document_get_stage (fixture->document, 0);
  BpStep *step;
  const char *id;

  show_insights (fixture);
  step = bp_document_add_step (fixture->document, bp_item_get_id (BP_ITEM (customer)),
                               bp_item_get_id (BP_ITEM (stage)), 600, "Calls the hotline");
  id = bp_item_get_id (BP_ITEM (step));
  g_assert_null (find_check_row (fixture, "customer-unsupported", id));

  /* Once the canvas is laid out again, before anything else runs. */
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  g_assert_nonnull (find_check_row (fixture, "customer-unsupported", id));
  g_assert_false (row_dismissed (find_check_row (fixture, "customer-unsupported", id)));

  bp_document_add_flow (fixture->document, id, bp_item_get_id (BP_ITEM (frontstage)));
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  g_assert_null (find_check_row (fixture, "customer-unsupported", id));
}

/* Activating a check selects its item. */
static void
test_activate_selects (Fixture       *fixture,
                       gconstpointer  data)
{
  BpLane *customer = editor_test_first_lane (fixture->document, BP_LANE_KIND_CUSTOMER);
  BpStage *stage = bp_document_get_stage (fixture->document, 0);
  BpStep *step = bp_document_add_step (fixture->document, bp_item_get_id (BP_ITEM (customer)),
                                       bp_item_get_id (BP_ITEM (stage)), 600, "Calls the hotline");
  BpSelection *selection = bp_canvas_get_selection (fixture->canvas);
  GtkWidget *row;

  show_insights (fixture);
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  row = find_check_row (fixture, "customer-unsupported", bp_item_get_id (BP_ITEM (step)));
  g_assert_nonnull (row);
  bp_selection_clear (selection);

  g_signal_emit_by_name (row, "activated");
  g_assert_cmpuint (bp_selection_get_count (selection), ==, 1);
  g_assert_true (bp_selection_get_item (selection, 0) == BP_ITEM (step));
}

static gboolean
shows_check (gpointer data)
{
  gpointer *args = data;

  return find_check_row (args[0], args[1], args[2]) != NULL;
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

/* Dismiss writes a dismissal as one undo step and moves the check among
 * the dismissed ones, shown on request with Restore; undo brings it
 * back. */
static void
test_dismiss_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  BpLane *customer = editor_test_first_lane (fixture->document, BP_LANE_KIND_CUSTOMER);
  BpStage *stage = bp_document_get_stage (fixture->document, 0);
  BpStep *step = bp_document_add_step (fixture->document, bp_item_get_id (BP_ITEM (customer)),
                                       bp_item_get_id (BP_ITEM (stage)), 600, "Calls the hotline");
  const char *id = bp_item_get_id (BP_ITEM (step));
  BpInsightsPanel *panel = BP_INSIGHTS_PANEL (insights_panel (fixture));
  guint n_undo;
  GtkWidget *row, *toggle;

  show_insights (fixture);
  bp_insights_panel_set_show_dismissed (panel, FALSE);
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  row = find_check_row (fixture, "customer-unsupported", id);
  g_assert_nonnull (row);
  n_undo = bp_history_get_n_undo (fixture->history);

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "button"), "clicked");
  g_assert_true (bp_document_is_dismissed (fixture->document, "customer-unsupported", id));
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo + 1);
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  /* Hidden until asked for, then shown as dismissed. */
  g_assert_null (find_check_row (fixture, "customer-unsupported", id));
  toggle = editor_test_find_widget (GTK_WIDGET (panel), is_switch, NULL);
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (bp_insights_panel_get_show_dismissed (panel));
  g_assert_true (editor_test_wait (shows_check, (gpointer[]) { fixture, "customer-unsupported", (gpointer) id }));
  row = find_check_row (fixture, "customer-unsupported", id);
  g_assert_true (row_dismissed (row));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (bp_document_is_dismissed (fixture->document, "customer-unsupported", id));
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  row = find_check_row (fixture, "customer-unsupported", id);
  g_assert_nonnull (row);
  g_assert_false (row_dismissed (row));

  /* Restore, from the dismissed list, is one step too. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "button"), "clicked");
  g_assert_true (editor_test_wait ((gboolean (*) (gpointer)) bp_canvas_is_settled, fixture->canvas));
  row = find_check_row (fixture, "customer-unsupported", id);
  g_assert_true (row_dismissed (row));
  n_undo = bp_history_get_n_undo (fixture->history);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "button"), "clicked");
  g_assert_false (bp_document_is_dismissed (fixture->document, "customer-unsupported", id));
  g_assert_cmpuint (bp_history_get_n_undo (fixture->history), ==, n_undo + 1);
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

  add_test ("/insights-window/properties/flow-kind", test_flow_kind);
  add_test ("/insights-window/properties/step-tolerance", test_step_tolerance);
  add_test ("/insights-window/properties/stage-tolerance", test_stage_tolerance);
  add_test ("/insights-window/properties/blueprint-tolerance", test_blueprint_tolerance);
  add_test ("/insights-window/properties/invalid-tolerance", test_invalid_tolerance);

  add_test ("/insights-window/panel/check-follows-changes", test_check_follows_changes);
  add_test ("/insights-window/panel/activate-selects", test_activate_selects);
  add_test ("/insights-window/panel/dismiss-and-undo", test_dismiss_and_undo);

  return g_test_run ();
}
