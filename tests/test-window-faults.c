/* test-window-faults.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "editor-test-utils.h"
#include "fault-utils.h"

/* Saves from the window onto a full disk and a read-only mount: the
 * window says which file and why, the old file stays byte for byte, the
 * document stays modified, and the dialog offers Save As. */

#define SAMPLE "loan-payment.bpj"

typedef struct {
  char      *folder;
  char      *mount;
  char      *path;
  GBytes    *old;
  BpWindow  *window;
} Fixture;

static gboolean
canvas_is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 100;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), SAMPLE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  if (fault_mount_unavailable () != NULL)
    return;

  fixture->folder = g_dir_make_tmp ("touchpoint-window-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->mount = g_build_filename (fixture->folder, "disk", NULL);
  g_assert_cmpint (g_mkdir (fixture->mount, 0755), ==, 0);
  fault_mount_tmpfs (fixture->mount, 256, &error);
  g_assert_no_error (error);

  fixture->path = g_build_filename (fixture->mount, SAMPLE, NULL);
  bytes = fault_read_bytes (sample);
  g_assert_true (g_file_set_contents (fixture->path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  fixture->old = fault_read_bytes (fixture->path);

  fixture->window = bp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  file = g_file_new_for_path (fixture->path);
  editor_test_load (fixture->window, file);
  g_assert_true (editor_test_wait (canvas_is_allocated, bp_window_get_canvas (fixture->window)));

  bp_document_set_title (bp_window_get_document (fixture->window), "After the workshop");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWindow *chooser;

  if (fixture->window != NULL)
    {
      while ((dialog = editor_test_find_message_dialog (fixture->window)) != NULL)
        gtk_window_destroy (GTK_WINDOW (dialog));
      if ((chooser = editor_test_find_file_chooser (fixture->window)) != NULL)
        gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      /* Nothing to recover at the next start: the test is over. */
      bp_history_mark_saved (bp_document_get_history (bp_window_get_document (fixture->window)));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      editor_test_iterate (20);
    }
  fault_unmount (fixture->mount);
  if (fixture->folder != NULL)
    {
      g_rmdir (fixture->mount);
      g_rmdir (fixture->folder);
    }
  g_free (fixture->folder);
  g_free (fixture->mount);
  g_free (fixture->path);
  g_clear_pointer (&fixture->old, g_bytes_unref);
}

static gboolean
has_message_dialog (gpointer data)
{
  return editor_test_find_message_dialog (data) != NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return editor_test_find_file_chooser (data) != NULL;
}

/* Save from the window fails; the dialog names the file and @cause. */
static void
assert_save_reports (Fixture    *fixture,
                     const char *cause)
{
  BpDocument *document = bp_window_get_document (fixture->window);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (editor_test_wait (has_message_dialog, fixture->window));
  dialog = editor_test_find_message_dialog (fixture->window);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), body);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Blueprint");
  g_assert_nonnull (strstr (body, fixture->path));
  g_assert_nonnull (strstr (body, cause));

  fault_assert_file_is (fixture->path, fixture->old);
  g_assert_cmpuint (fault_count_hidden (fixture->mount), ==, 0);
  g_assert_true (bp_window_get_document (fixture->window) == document);
  g_assert_true (bp_history_get_modified (bp_document_get_history (document)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  /* The dialog leads to Save As, where the work can be rescued. */
  adw_message_dialog_response (dialog, "save-as");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  if (fault_skip_without_mounts ())
    return;

  fault_fill_disk (fixture->mount);
  assert_save_reports (fixture, g_strerror (ENOSPC));
}

static void
test_read_only_mount (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (fault_skip_without_mounts ())
    return;

  fault_remount_read_only (fixture->mount, &error);
  g_assert_no_error (error);
  assert_save_reports (fixture, g_strerror (EROFS));
}

int
main (int   argc,
      char *argv[])
{
  fault_init ();
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/window-faults/full-disk", Fixture, NULL,
              fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/window-faults/read-only-mount", Fixture, NULL,
              fixture_set_up, test_read_only_mount, fixture_tear_down);

  return g_test_run ();
}
