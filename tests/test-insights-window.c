/* test-insights-window.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "history/bp-history.h"
#include "model/bp-duration.h"
#include "editor-test-utils.h"

/* The editor's side of the blueprint's insights: the fields the analysis
 * reads (flow kinds, tolerances), edited in the properties panel. */

#define SAMPLE "loan-payment.bpj"
#define TOLERANCE_TITLE "Tolerance (longest the customer accepts)"

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

  return g_test_run ();
}
