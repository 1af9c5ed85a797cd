/* test-file-io.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-limits.h"
#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "bp-window-private.h"
#include "editor-test-utils.h"
#include "test-wait.h"

/* Files read and written in worker threads: the window keeps drawing
 * while a large blueprint opens, Cancel keeps the document shown, and a
 * second save never starts while one is being written. */

#define SAMPLE "loan-payment.bpj"
#define LARGE_STEPS 30000

typedef struct {
  char     *folder;
  char     *large;
  BpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = bench_limits_journey (LARGE_STEPS);
  g_autoptr(GError) error = NULL;

  fixture->window = editor_test_open_sample (SAMPLE, &fixture->folder);
  fixture->large = g_build_filename (fixture->folder, "large.bpj", NULL);
  g_file_set_contents (fixture->large, text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      bp_history_mark_saved (bp_document_get_history (bp_window_get_document (fixture->window)));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  editor_test_iterate (20);
  editor_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->large);
}

typedef struct {
  gboolean  done;
  gboolean  loaded;
  GError   *error;
  guint     frames;
  gboolean  progress_shown;
} Open;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Open *open = data;

  open->loaded = bp_window_load_file_finish (BP_WINDOW (source), result, &open->error);
  open->done = TRUE;
}

static gboolean
open_is_done (gpointer data)
{
  return ((Open *) data)->done;
}

/* A tick callback keeps the frame clock running, as an animation would:
 * each tick is a frame the window could draw. */
static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Open *open = data;

  open->frames++;
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Open          *open)
{
  open->frames++;
}

static void
test_frames_while_opening (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->large);
  BpCanvas *canvas = bp_window_get_canvas (fixture->window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  Open open = { FALSE };
  gint64 start, took, deadline;
  guint tick;
  gulong handler;

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (canvas), count_frame, &open, NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &open);

  start = g_get_monotonic_time ();
  deadline = test_deadline (60000);
  bp_window_load_file (fixture->window, file, on_loaded, &open);
  g_assert_true (bp_window_get_opening_file (fixture->window) == file);
  while (!open.done && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      open.progress_shown |= bp_file_progress_get_shown (fixture->window->progress);
    }
  took = g_get_monotonic_time () - start;

  g_signal_handler_disconnect (clock, handler);
  gtk_widget_remove_tick_callback (GTK_WIDGET (canvas), tick);
  g_assert_no_error (open.error);
  g_assert_true (open.loaded);
  g_test_message ("opened in %.0f ms; %u frame events meanwhile", took / 1000.0, open.frames);

  g_assert_cmpuint (bp_document_get_n_steps (bp_window_get_document (fixture->window)), ==, LARGE_STEPS);
  g_assert_null (bp_window_get_opening_file (fixture->window));
  g_assert_false (bp_file_progress_get_shown (fixture->window->progress));
  /* Frame events are ticks and paints, at 60 a second: several in each
   * of the first 100 ms on any machine that takes that long to read. */
  if (took > 100000)
    g_assert_cmpuint (open.frames, >=, 6);
  if (took > 2 * BP_FILE_PROGRESS_DELAY_MS * 1000)
    g_assert_true (open.progress_shown);
}

static gboolean
progress_or_done (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  Open *open = ((gpointer *) data)[1];

  return open->done || bp_file_progress_get_shown (fixture->window->progress);
}

static gboolean
has_ref_count (gpointer data)
{
  gpointer *args = data;

  return G_OBJECT (args[0])->ref_count == GPOINTER_TO_UINT (args[1]);
}

/* Cancel, pressed once the bar shows, keeps the document as it was,
 * and the reading that goes on in the worker never replaces it. */
static void
test_cancel_keeps_document (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->large);
  BpDocument *before = bp_window_get_document (fixture->window);
  GFile *before_file = bp_window_get_file (fixture->window);
  guint refs = G_OBJECT (fixture->window)->ref_count;
  Open open = { FALSE };
  gpointer args[] = { fixture, &open };
  gpointer released[] = { fixture->window, GUINT_TO_POINTER (refs) };

  bp_document_set_title (before, "Before the large file");
  bp_window_load_file (fixture->window, file, on_loaded, &open);
  g_assert_true (editor_test_wait_for (progress_or_done, args, 30000));
  if (open.done)
    {
      g_test_incomplete ("the file was read before Cancel could be pressed");
      return;
    }

  g_signal_emit_by_name (bp_file_progress_get_cancel_button (fixture->window->progress), "clicked");
  g_assert_false (bp_file_progress_get_shown (fixture->window->progress));
  g_assert_null (bp_window_get_opening_file (fixture->window));
  g_assert_true (editor_test_wait (open_is_done, &open));
  g_assert_false (open.loaded);
  g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&open.error);
  /* No error dialog for a cancelled open. */
  g_assert_null (editor_test_find_message_dialog (fixture->window));

  /* The worker lets the window go once it has finished reading. */
  g_assert_true (editor_test_wait_for (has_ref_count, released, 60000));
  editor_test_iterate (50);
  g_assert_true (bp_window_get_document (fixture->window) == before);
  g_assert_true (bp_window_get_file (fixture->window) == before_file);
  g_assert_cmpstr (bp_document_get_title (before), ==, "Before the large file");
}

/* A refused file leaves the document, and says why as before. */
static void
test_refused_keeps_document (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "broken.bpj", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BpDocument *before = bp_window_get_document (fixture->window);
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "{\"format\": \"bpj\", \"version\": 1, \"stages\": [}", -1, &error);
  g_assert_no_error (error);
  g_assert_false (editor_test_load_file (fixture->window, file, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_SYNTAX);
  g_assert_true (bp_window_get_document (fixture->window) == before);

  dialog = editor_test_find_message_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.bpj"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_saving (gpointer data)
{
  return BP_WINDOW (data)->saving;
}

static gboolean
is_not_saving (gpointer data)
{
  return !is_saving (data);
}

static void
on_second_save (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  g_assert_false (bp_window_save_finish (BP_WINDOW (source), result, error));
}

/* While a save is written, Save and Save As do nothing and a save asked
 * for directly is refused; the one running ends with the document saved. */
static void
test_second_save_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, SAMPLE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BpDocument *document = bp_window_get_document (fixture->window);

  /* The sample will do: the save counts as running from the action
   * until its result comes back through the main loop. */
  bp_document_set_title (document, "Saved once");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (is_saving (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-as", NULL);
  bp_window_save_async (fixture->window, file, on_second_save, &error);
  g_assert_true (editor_test_wait (is_not_saving, fixture->window));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);

  /* Nothing else was started: no chooser, no second save. */
  editor_test_iterate (50);
  g_assert_false (is_saving (fixture->window));
  g_assert_null (editor_test_find_file_chooser (fixture->window));
  g_assert_null (editor_test_find_message_dialog (fixture->window));
  g_assert_false (bp_history_get_modified (bp_document_get_history (document)));
  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "\"title\": \"Saved once\""));
}

/* An edit made while the file is written is not in it: the document
 * stays modified. */
static void
test_edit_while_saving (Fixture       *fixture,
                        gconstpointer  data)
{
  BpDocument *document = bp_window_get_document (fixture->window);

  bp_document_set_title (document, "Written");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (is_saving (fixture->window));
  bp_document_set_title (document, "Typed meanwhile");
  g_assert_true (editor_test_wait (is_not_saving, fixture->window));
  g_assert_true (bp_history_get_modified (bp_document_get_history (document)));
}

static void
on_destroy (GtkWidget *widget,
            Fixture   *fixture)
{
  fixture->window = NULL;
}

static gboolean
is_destroyed (gpointer data)
{
  return ((Fixture *) data)->window == NULL;
}

/* Closing the window while its save runs waits for the save, then
 * closes. */
static void
test_close_while_saving (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, SAMPLE, NULL);
  g_autofree char *text = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);

  bp_document_set_title (bp_window_get_document (fixture->window), "Closed while saving");
  g_assert_true (gtk_widget_activate_action (window, "win.save", NULL));
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), fixture);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_null (editor_test_find_message_dialog (fixture->window));

  g_assert_true (editor_test_wait (is_destroyed, fixture));
  g_file_get_contents (path, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "Closed while saving"));
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/file-io/frames-while-opening", Fixture, NULL,
              fixture_set_up, test_frames_while_opening, fixture_tear_down);
  g_test_add ("/file-io/cancel-keeps-document", Fixture, NULL,
              fixture_set_up, test_cancel_keeps_document, fixture_tear_down);
  g_test_add ("/file-io/refused-keeps-document", Fixture, NULL,
              fixture_set_up, test_refused_keeps_document, fixture_tear_down);
  g_test_add ("/file-io/second-save-refused", Fixture, NULL,
              fixture_set_up, test_second_save_refused, fixture_tear_down);
  g_test_add ("/file-io/edit-while-saving", Fixture, NULL,
              fixture_set_up, test_edit_while_saving, fixture_tear_down);
  g_test_add ("/file-io/close-while-saving", Fixture, NULL,
              fixture_set_up, test_close_while_saving, fixture_tear_down);
  return g_test_run ();
}
