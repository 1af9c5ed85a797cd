/* test-window-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "csv/bp-csv.h"
#include "history/bp-history.h"
#include "bp-window-private.h"
#include "editor-test-utils.h"
#include "test-wait.h"

/* Step sheets in the window: opened as new, unsaved blueprints, refused
 * whole with the row named, and exported as CSV. */

#define SAMPLE "loan-payment.bpj"

typedef struct {
  BpWindow *window;
  char     *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = editor_test_open_sample (SAMPLE, &fixture->folder);
}

static void
close_dialogs (BpWindow *window)
{
  GtkWindow *dialog;

  while ((dialog = GTK_WINDOW (editor_test_find_message_dialog (window))) != NULL ||
         (dialog = editor_test_find_file_chooser (window)) != NULL)
    {
      if (GTK_IS_DIALOG (dialog))
        gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      else
        gtk_window_destroy (dialog);
      editor_test_iterate (20);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_dialogs (fixture->window);
  /* Nothing to recover at the next start: the test is over. */
  bp_history_mark_saved (bp_document_get_history (bp_window_get_document (fixture->window)));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  editor_test_iterate (20);
  editor_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static GFile *
write_sheet (Fixture    *fixture,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_open_sheet (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) sheet = write_sheet (fixture, "team-steps.csv",
                                        "Stage;Service layer;What happens;Time in minutes\r\n"
                                        "Pay;Customer actions;Pays the bill;1,5\r\n"
                                        "Pay;Invisible;Books it;\r\n");
  BpDocument *document;

  editor_test_load (fixture->window, sheet);
  document = bp_window_get_document (fixture->window);

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 2);
  g_assert_cmpfloat (bp_step_get_duration (bp_document_get_step (document, 0)), ==, 90);
  /* A new blueprint named after the sheet: Save must not write over it. */
  g_assert_null (bp_window_get_file (fixture->window));
  g_assert_cmpstr (bp_document_get_title (document), ==, "team-steps");
  g_assert_true (bp_history_get_modified (bp_document_get_history (document)));
  g_assert_false (bp_history_can_undo (bp_document_get_history (document)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "• team-steps");
}

/* A refused sheet leaves the window as it was and says which row. */
static void
test_refused_sheet (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) sheet = write_sheet (fixture, "bad.csv",
                                        "stage,zone,text\nPay,customer,Pays\nPay,frontstaje,Shows\n");
  BpDocument *before = bp_window_get_document (fixture->window);
  g_autoptr(GFile) file_before = g_object_ref (bp_window_get_file (fixture->window));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_false (editor_test_load_file (fixture->window, sheet, &error));
  g_assert_error (error, BP_CSV_ERROR, BP_CSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.csv: Row 3, column B (zone): unknown zone “frontstaje”"));

  g_assert_true (bp_window_get_document (fixture->window) == before);
  g_assert_true (g_file_equal (bp_window_get_file (fixture->window), file_before));
  g_assert_false (bp_history_get_modified (bp_document_get_history (before)));
  dialog = editor_test_find_message_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Row 3, column B"));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "loan.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) back = NULL;
  BpDocument *document = bp_window_get_document (fixture->window);
  gsize length;

  bp_window_csv_export_to (fixture->window, file);
  g_assert_true (editor_test_wait (file_exists, path));
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  back = bp_csv_import (text, length, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (bp_document_get_n_steps (back), ==, bp_document_get_n_steps (document));
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      BpItem *other = bp_document_lookup (back, bp_item_get_id (BP_ITEM (step)));

      g_assert_true (BP_IS_STEP (other));
      g_assert_cmpstr (bp_step_get_text (BP_STEP (other)), ==, bp_step_get_text (step));
    }
  /* Exporting is not saving. */
  g_assert_false (bp_history_get_modified (bp_document_get_history (document)));
}

static gboolean
has_file_chooser (gpointer window)
{
  return editor_test_find_file_chooser (window) != NULL;
}

/* The menu's two items open file choosers, Export as CSV… with the
 * blueprint's name. */
static void
test_menu_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-csv", NULL));
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  close_dialogs (fixture->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-csv", NULL));
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  chooser = editor_test_find_file_chooser (fixture->window);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, "loan-payment.csv");
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

  add_test ("/window-csv/open-sheet", test_open_sheet);
  add_test ("/window-csv/refused-sheet", test_refused_sheet);
  add_test ("/window-csv/export", test_export);
  add_test ("/window-csv/menu-actions", test_menu_actions);

  return g_test_run ();
}
