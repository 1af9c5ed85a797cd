/* test-file-watch.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bp-banner.h"
#include "bpj/bp-bpj.h"
#include "bp-file-watch.h"
#include "history/bp-history.h"
#include "bp-window-private.h"
#include "editor-test-utils.h"
#include "test-wait.h"

/* A teammate saves the open file: an unmodified document is reloaded in
 * place, a modified one is left alone until the user chooses, and a save
 * over their version asks first. */

#define SAMPLE "loan-payment.bpj"
#define THEIR_TITLE "Their version"
#define MY_TITLE "My version, with more words in its title"

typedef struct {
  BpWindow   *window;
  char       *folder;
  char       *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = editor_test_open_sample (SAMPLE, &fixture->folder);
  fixture->path = g_build_filename (fixture->folder, SAMPLE, NULL);
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
  g_chmod (fixture->folder, 0700);
  editor_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static BpDocument *
document_of (Fixture *fixture)
{
  return bp_window_get_document (fixture->window);
}

static gboolean
is_modified (Fixture *fixture)
{
  return bp_history_get_modified (bp_document_get_history (document_of (fixture)));
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return BP_IS_BANNER (widget);
}

static BpBanner *
find_banner (GtkWidget *widget)
{
  return (BpBanner *) editor_test_find_widget (widget, is_banner, NULL);
}

/* The banner's text when it is shown, else NULL. */
static const char *
banner_text (Fixture *fixture)
{
  BpBanner *banner = find_banner (GTK_WIDGET (fixture->window));

  g_assert_nonnull (banner);
  return bp_banner_get_revealed (banner) ? bp_banner_get_title (banner) : NULL;
}

typedef struct {
  Fixture    *fixture;
  const char *needle;
} BannerWait;

static gboolean
banner_says (gpointer data)
{
  BannerWait *wait = data;
  const char *text = banner_text (wait->fixture);

  return text != NULL && strstr (text, wait->needle) != NULL;
}

/* Waits until the banner says @needle; returns the seconds it took. */
static double
wait_for_banner (Fixture    *fixture,
                 const char *needle)
{
  BannerWait wait = { fixture, needle };
  gint64 start = g_get_monotonic_time ();

  if (!editor_test_wait (banner_says, &wait))
    g_error ("the banner never said “%s”; it says “%s”", needle,
             banner_text (fixture) ? banner_text (fixture) : "(hidden)");
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Another version of the file, with @title. */
static BpDocument *
their_version (Fixture    *fixture,
               const char *title)
{
  g_autofree char *sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), SAMPLE, NULL);
  g_autoptr(GError) error = NULL;
  BpDocument *theirs = bp_bpj_load (sample, &error);

  g_assert_no_error (error);
  bp_document_set_title (theirs, title);
  return theirs;
}

/* A teammate's program saves the file the usual way: a new file renamed
 * over the old one. */
static void
save_theirs (Fixture *fixture)
{
  g_autoptr(BpDocument) theirs = their_version (fixture, THEIR_TITLE);
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_bpj_save (theirs, fixture->path, &error));
  g_assert_no_error (error);
}

/* Another process writes the file in place (cp truncates and writes). */
static void
copy_theirs_in_place (Fixture *fixture)
{
  g_autofree char *source = g_build_filename (fixture->folder, "theirs.tmp", NULL);
  g_autoptr(BpDocument) theirs = their_version (fixture, THEIR_TITLE);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "cp", source, fixture->path, NULL };
  int status;

  g_assert_true (bp_bpj_save (theirs, source, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (source);
}

static char *
title_on_disk (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = bp_bpj_load (fixture->path, &error);

  g_assert_no_error (error);
  return g_strdup (bp_document_get_title (document));
}

static gboolean
is_not_saving (gpointer data)
{
  return !BP_WINDOW (data)->saving;
}

/* Saves are written in a worker thread: wait for one to end. */
static void
wait_for_save (Fixture *fixture)
{
  g_assert_true (editor_test_wait (is_not_saving, fixture->window));
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  editor_test_iterate (20);
  wait_for_save (fixture);
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

/* Unmodified: another process's write is noticed within two seconds (on
 * a machine as slow as the timeout factor says: within that many times
 * two seconds) and
 * reloaded with the zoom, the scroll and the selection as they were. */
static void
test_reload_keeps_view (Fixture       *fixture,
                        gconstpointer  data)
{
  BpCanvas *canvas = bp_window_get_canvas (fixture->window);
  BpDocument *before = document_of (fixture);
  BpStep *step = editor_test_find_step (before, BP_LANE_KIND_BACKSTAGE);
  g_autofree char *id = g_strdup (bp_item_get_id (BP_ITEM (step)));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  g_autoptr(GPtrArray) selection = NULL;
  double x, y, seconds;

  bp_canvas_zoom_at (canvas, 1.5, 10, 10);
  gtk_adjustment_set_value (hadjustment, 400);
  gtk_adjustment_set_value (vadjustment, 120);
  bp_selection_set (bp_canvas_get_selection (canvas), BP_ITEM (step));
  editor_test_iterate (50);
  x = gtk_adjustment_get_value (hadjustment);
  y = gtk_adjustment_get_value (vadjustment);

  copy_theirs_in_place (fixture);
  seconds = wait_for_banner (fixture, "has been reloaded");
  g_test_message ("reloaded %.2f s after the write", seconds);
  g_assert_cmpfloat (seconds, <, 2.0 * test_timeout_factor ());
  g_assert_nonnull (strstr (banner_text (fixture), SAMPLE));

  g_assert_true (document_of (fixture) != before);
  g_assert_cmpstr (bp_document_get_title (document_of (fixture)), ==, THEIR_TITLE);
  g_assert_false (is_modified (fixture));
  g_assert_cmpfloat_with_epsilon (bp_view_state_get_zoom (bp_canvas_get_view_state (canvas)), 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), x, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), y, 0.5);
  selection = bp_selection_get_items (bp_canvas_get_selection (canvas), BP_TYPE_ITEM);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpstr (bp_item_get_id (g_ptr_array_index (selection, 0)), ==, id);

  /* The view stays after the next frames too (no fit to the window). */
  editor_test_iterate (300);
  g_assert_cmpfloat_with_epsilon (bp_view_state_get_zoom (bp_canvas_get_view_state (canvas)), 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), x, 0.5);

  activate (fixture, "win.dismiss-banner");
  g_assert_null (banner_text (fixture));
}

/* Modified: the banner offers a choice and nothing else happens. */
static void
make_conflict (Fixture *fixture)
{
  BpDocument *mine = document_of (fixture);
  double seconds;

  bp_document_set_title (mine, MY_TITLE);
  save_theirs (fixture);
  seconds = wait_for_banner (fixture, "changed on disk");
  g_test_message ("noticed %.2f s after the save", seconds);
  g_assert_cmpfloat (seconds, <, 2.0 * test_timeout_factor ());

  editor_test_iterate (500);
  g_assert_true (document_of (fixture) == mine);
  g_assert_cmpstr (bp_document_get_title (mine), ==, MY_TITLE);
  g_assert_true (is_modified (fixture));
  wait_for_banner (fixture, "changed on disk");
}

static void
test_conflict_reload_theirs (Fixture       *fixture,
                             gconstpointer  data)
{
  make_conflict (fixture);

  activate (fixture, "win.reload-theirs");
  g_assert_cmpstr (bp_document_get_title (document_of (fixture)), ==, THEIR_TITLE);
  g_assert_false (is_modified (fixture));
  g_assert_null (banner_text (fixture));
}

static void
test_conflict_keep_mine (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *on_disk = NULL;
  BpDocument *mine = document_of (fixture);

  make_conflict (fixture);

  activate (fixture, "win.keep-mine");
  g_assert_null (banner_text (fixture));
  g_assert_true (document_of (fixture) == mine);
  g_assert_true (is_modified (fixture));

  /* Having chosen, Save writes without asking again. */
  activate (fixture, "win.save");
  g_assert_null (editor_test_find_message_dialog (fixture->window));
  on_disk = title_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, MY_TITLE);
  g_assert_false (is_modified (fixture));
}

static const char *
respond (Fixture    *fixture,
         const char *response)
{
  AdwMessageDialog *dialog = NULL;
  static char heading[256];

  g_assert_true (editor_test_wait (has_message_dialog, fixture->window));
  dialog = editor_test_find_message_dialog (fixture->window);
  g_strlcpy (heading, adw_message_dialog_get_heading (dialog), sizeof heading);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  editor_test_iterate (50);
  wait_for_save (fixture);
  return heading;
}

/* Saving over a teammate's version asks first, before the watch has even
 * noticed it; Cancel leaves their file, Overwrite writes mine. */
static void
test_save_asks_first (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *on_disk = NULL;

  bp_document_set_title (document_of (fixture), MY_TITLE);
  save_theirs (fixture);

  activate (fixture, "win.save");
  g_assert_cmpstr (respond (fixture, "cancel"), ==, "Replace Their Changes?");
  on_disk = title_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, THEIR_TITLE);
  g_assert_true (is_modified (fixture));

  /* Save As from the question opens the file chooser. */
  activate (fixture, "win.save");
  respond (fixture, "save-as");
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  close_dialogs (fixture->window);
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, THEIR_TITLE);

  activate (fixture, "win.save");
  respond (fixture, "overwrite");
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, MY_TITLE);
  g_assert_false (is_modified (fixture));

  /* Our own save is not someone else's change. */
  editor_test_iterate (BP_FILE_WATCH_SETTLE_MS * 3);
  g_assert_null (banner_text (fixture));
  g_assert_cmpstr (bp_document_get_title (document_of (fixture)), ==, MY_TITLE);
}

/* Saving twice in a row, with the watch running, never asks. */
static void
test_own_saves_do_not_count (Fixture       *fixture,
                             gconstpointer  data)
{
  BpDocument *mine = document_of (fixture);

  for (int i = 0; i < 2; i++)
    {
      bp_document_set_title (mine, i == 0 ? "First" : "Second, longer");
      activate (fixture, "win.save");
      g_assert_null (editor_test_find_message_dialog (fixture->window));
      g_assert_false (is_modified (fixture));
      editor_test_iterate (BP_FILE_WATCH_SETTLE_MS * 3);
      g_assert_null (banner_text (fixture));
      g_assert_true (document_of (fixture) == mine);
    }
}

/* A reload of a file that is no longer valid keeps the document and says
 * why; once the writer is done, the reload happens. */
static void
test_invalid_then_valid (Fixture       *fixture,
                         gconstpointer  data)
{
  BpDocument *before = document_of (fixture);

  g_assert_true (g_file_set_contents (fixture->path, "{ \"format\": ", -1, NULL));
  wait_for_banner (fixture, "cannot be read");
  g_assert_true (document_of (fixture) == before);
  g_assert_nonnull (strstr (banner_text (fixture), SAMPLE));

  save_theirs (fixture);
  wait_for_banner (fixture, "has been reloaded");
  g_assert_cmpstr (bp_document_get_title (document_of (fixture)), ==, THEIR_TITLE);
}

/* A file deleted while open: the document stays, and Save asks where. */
static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  BpDocument *before = document_of (fixture);

  bp_document_set_title (before, MY_TITLE);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  wait_for_banner (fixture, "deleted or moved");
  g_assert_true (document_of (fixture) == before);
  g_assert_true (is_modified (fixture));

  activate (fixture, "win.save");
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  g_assert_null (editor_test_find_message_dialog (fixture->window));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* The same for a file moved away. */
static void
test_moved (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (fixture->folder, "moved.bpj", NULL);

  g_assert_cmpint (g_rename (fixture->path, elsewhere), ==, 0);
  wait_for_banner (fixture, "deleted or moved");
  g_assert_true (bp_window_get_file (fixture->window) != NULL);

  activate (fixture, "win.save");
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

  editor_test_load (fixture->window, file);
  editor_test_iterate (50);
}

/* A file without write permission opens with a banner, and Save goes to
 * Save As, leaving the file as it was. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_null (banner_text (fixture));
  g_assert_true (g_file_get_contents (fixture->path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  reopen (fixture);
  g_assert_cmpstr (banner_text (fixture), ==, "This file is read-only");

  bp_document_set_title (document_of (fixture), MY_TITLE);
  activate (fixture, "win.save");
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (is_modified (fixture));
}

/* So does a writable file in a folder that is not. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpint (g_chmod (fixture->folder, 0555), ==, 0);
  reopen (fixture);
  g_assert_cmpstr (banner_text (fixture), ==, "This file is read-only");

  activate (fixture, "win.save");
  g_assert_true (editor_test_wait (has_file_chooser, fixture->window));
}

/* Text typed into a card in place reaches the document on Enter: until
 * then an outside save must not reload under it, and Enter still lands
 * in the document the window shows. */
static void
test_typing_in_place_is_unsaved_work (Fixture       *fixture,
                                      gconstpointer  data)
{
  BpCanvas *canvas = bp_window_get_canvas (fixture->window);
  BpCardEditor *editor = bp_canvas_get_card_editor (canvas);
  BpDocument *mine = document_of (fixture);
  BpStep *step = editor_test_find_step (mine, BP_LANE_KIND_CUSTOMER);

  bp_canvas_edit_step (canvas, step);
  editor_test_iterate (20);
  bp_card_editor_set_text (editor, "Typed, not yet entered");
  g_assert_false (is_modified (fixture));

  copy_theirs_in_place (fixture);
  wait_for_banner (fixture, "changed on disk");
  g_assert_true (document_of (fixture) == mine);

  bp_card_editor_activate (editor);
  g_assert_cmpstr (bp_step_get_text (step), ==, "Typed, not yet entered");
  g_assert_true (is_modified (fixture));
}

/* A save that lands while the document is being read: the watch knows
 * the file as it was before the reading, so the newer version is
 * announced (and, the document being unmodified, reloaded) even though
 * the stamp taken after the reading already shows it. */
static void
test_save_during_read (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(BpFileStamp) before = bp_file_stamp_new (file);

  save_theirs (fixture);
  bp_window_watch_file (fixture->window);
  bp_window_watch_file_as_read (fixture->window, before);

  wait_for_banner (fixture, "has been reloaded");
  g_assert_cmpstr (bp_document_get_title (document_of (fixture)), ==, THEIR_TITLE);
}

/* A document restored from a recovery copy made before the file was last
 * written knows an older version: the banner says the file changed and
 * Save asks before replacing it. A copy made after it knows the file. */
static void
restore_copy_made_at (Fixture *fixture,
                      int      seconds_from_now)
{
  g_autoptr(BpDocument) restored = their_version (fixture, MY_TITLE);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) made = g_date_time_add_seconds (now, seconds_from_now);

  bp_history_mark_unsaved (bp_document_get_history (restored));
  bp_window_set_document (fixture->window, restored, file);
  bp_window_watch_file_from (fixture->window, made);
  editor_test_iterate (20);
}

static void
test_restored_copy_older_than_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (fixture->path, &before, NULL, NULL));
  restore_copy_made_at (fixture, -60);
  g_assert_nonnull (banner_text (fixture));
  g_assert_nonnull (strstr (banner_text (fixture), "changed on disk"));

  activate (fixture, "win.save");
  g_assert_true (editor_test_wait (has_message_dialog, fixture->window));
  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static void
test_restored_copy_newer_than_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  restore_copy_made_at (fixture, 60);
  g_assert_null (banner_text (fixture));

  activate (fixture, "win.save");
  g_assert_null (editor_test_find_message_dialog (fixture->window));
  g_assert_false (is_modified (fixture));
  {
    g_autofree char *title = title_on_disk (fixture);

    g_assert_cmpstr (title, ==, MY_TITLE);
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

  add_test ("/file-watch/reload-keeps-view", test_reload_keeps_view);
  add_test ("/file-watch/conflict-reload-theirs", test_conflict_reload_theirs);
  add_test ("/file-watch/conflict-keep-mine", test_conflict_keep_mine);
  add_test ("/file-watch/save-asks-first", test_save_asks_first);
  add_test ("/file-watch/own-saves-do-not-count", test_own_saves_do_not_count);
  add_test ("/file-watch/invalid-then-valid", test_invalid_then_valid);
  add_test ("/file-watch/deleted", test_deleted);
  add_test ("/file-watch/moved", test_moved);
  add_test ("/file-watch/read-only-file", test_read_only_file);
  add_test ("/file-watch/read-only-folder", test_read_only_folder);
  add_test ("/file-watch/typing-in-place-is-unsaved-work", test_typing_in_place_is_unsaved_work);
  add_test ("/file-watch/save-during-read", test_save_during_read);
  add_test ("/file-watch/restored-copy-older-than-file", test_restored_copy_older_than_file);
  add_test ("/file-watch/restored-copy-newer-than-file", test_restored_copy_newer_than_file);

  return g_test_run ();
}
