/* test-autosave.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "recovery/bp-autosave.h"
#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "recovery/bp-recovery-copy.h"

#include "test-wait.h"

/* Short enough for a fast test, long enough to see that nothing is
 * written before it has passed. */
#define TEST_DELAY 100
/* How long a copy that is due may take to reach the disk (a worker
 * thread writes and syncs it); times test_timeout_factor (). */
#define WRITTEN_MS 5000

static char *state_dir;

typedef struct {
  int unused;
} Fixture;

/* Helpers */

static char *
recovery_file (const char *id,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (state_dir, "touchpoint", "recovery", name, NULL);
}

/* Names in the recovery folder, sorted and joined with spaces. */
static char *
list_recovery_folder (void)
{
  g_autofree char *path = g_build_filename (state_dir, "touchpoint", "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
clear_recovery_folder (void)
{
  g_autofree char *path = g_build_filename (state_dir, "touchpoint", "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
}

static char *
sample_path (void)
{
  const char *samples = g_getenv ("TOUCHPOINT_SAMPLES");

  if (samples != NULL)
    return g_build_filename (samples, "loan-payment.bpj", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "loan-payment.bpj", NULL);
}

static BpDocument *
load_sample (GFile **file)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  if (file != NULL)
    *file = g_file_new_for_path (path);
  return document;
}

static BpAutosave *
autosave_new (BpDocument *document)
{
  BpAutosave *autosave = bp_autosave_new (document);

  bp_autosave_set_delay (autosave, TEST_DELAY);
  return autosave;
}

static void
on_written (BpAutosave *autosave,
            guint      *count)
{
  (*count)++;
}

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, or until @autosave has written a copy
 * (when @autosave is not NULL); returns how many copies it wrote. */
static guint
wait_for_written (BpAutosave *autosave,
                  guint       ms)
{
  guint count = 0;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (ms, on_wait_timeout, &timed_out);
  gulong handler = 0;

  if (autosave != NULL)
    handler = g_signal_connect (autosave, "written", G_CALLBACK (on_written), &count);
  while (!timed_out && count == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  if (handler != 0)
    g_signal_handler_disconnect (autosave, handler);
  return count;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* The copy's text is the canonical text of @document. */
static void
assert_copy_is (BpAutosave *autosave,
                BpDocument *document)
{
  g_autofree char *path = bp_autosave_get_path (autosave);
  g_autofree char *expected = NULL;
  g_autofree char *copy = NULL;
  gsize expected_length, copy_length;

  expected = bp_bpj_write (document, &expected_length);
  copy = read_file (path, &copy_length);
  g_assert_cmpmem (copy, copy_length, expected, expected_length);
}

typedef struct {
  BpAutosave *autosave;
  BpDocument *document;
} CopyCheck;

/* The copy on disk is the canonical text of the document as it is now. */
static gboolean
copy_is_current (gpointer data)
{
  CopyCheck *check = data;
  g_autofree char *path = bp_autosave_get_path (check->autosave);
  g_autofree char *expected = NULL;
  g_autofree char *copy = NULL;
  gsize expected_length, copy_length;

  if (!g_file_get_contents (path, &copy, &copy_length, NULL))
    return FALSE;
  expected = bp_bpj_write (check->document, &expected_length);
  return copy_length == expected_length && memcmp (copy, expected, copy_length) == 0;
}

/* A document with a change, whose autosave has written it. */
static BpAutosave *
written_autosave (BpDocument *document,
                  GFile      *file)
{
  BpAutosave *autosave = autosave_new (document);

  bp_autosave_set_file (autosave, file);
  bp_document_set_title (document, "Loan payment, revised");
  g_assert_cmpuint (wait_for_written (autosave, test_scaled_ms (WRITTEN_MS)), ==, 1);
  return autosave;
}

/* Tests */

static void
test_written_after_delay (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BpDocument) document = load_sample (&file);
  g_autoptr(BpAutosave) autosave = autosave_new (document);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = bp_autosave_get_path (autosave);
  g_autofree char *info = recovery_file (bp_autosave_get_id (autosave), ".info");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *recorded_uri = NULL;
  g_autofree char *title = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 now;
  gint64 time;

  bp_autosave_set_file (autosave, file);
  bp_document_remove (document, BP_ITEM (bp_document_get_step (document, 0)));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (wait_for_written (autosave, test_scaled_ms (WRITTEN_MS)), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, TEST_DELAY * 1000);
  assert_copy_is (autosave, document);

  g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  recorded_uri = g_key_file_get_string (keys, "Recovery", "File", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recorded_uri, ==, uri);
  title = g_key_file_get_string (keys, "Recovery", "Title", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, bp_document_get_title (document));
  time = g_key_file_get_int64 (keys, "Recovery", "Time", &error);
  g_assert_no_error (error);
  now = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (time, <=, now);
  g_assert_cmpint (time, >=, now - 60);

  bp_autosave_discard (autosave);
}

/* Nothing changed since the last copy, or nothing at all: no write. */
static void
test_skipped_without_change (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  g_autoptr(BpAutosave) autosave = autosave_new (document);
  g_autofree char *copy = bp_autosave_get_path (autosave);

  bp_autosave_flush (autosave);
  g_assert_cmpuint (wait_for_written (autosave, 3 * TEST_DELAY), ==, 0);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  bp_document_set_goal (document, "Pay on time");
  g_assert_cmpuint (wait_for_written (autosave, test_scaled_ms (WRITTEN_MS)), ==, 1);
  bp_autosave_flush (autosave);
  g_assert_cmpuint (wait_for_written (autosave, 3 * TEST_DELAY), ==, 0);

  bp_autosave_discard (autosave);
}

/* A save is the history's saved point; undoing back to it is too. */
static void
test_saved_point_removes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BpDocument) document = load_sample (&file);
  g_autoptr(BpAutosave) autosave = written_autosave (document, file);
  BpHistory *history = bp_document_get_history (document);
  g_autofree char *copy = bp_autosave_get_path (autosave);
  g_autofree char *listing = NULL;

  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  bp_history_mark_saved (history);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  bp_document_set_persona (document, "Sam, a borrower");
  g_assert_cmpuint (wait_for_written (autosave, test_scaled_ms (WRITTEN_MS)), ==, 1);
  assert_copy_is (autosave, document);
  bp_history_undo (history);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* Back at the saved point, nothing is written again. */
  g_assert_cmpuint (wait_for_written (autosave, 3 * TEST_DELAY), ==, 0);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  bp_autosave_discard (autosave);
  listing = list_recovery_folder ();
  g_assert_cmpstr (listing, ==, "");
}

/* A copy is written while changes keep coming, every interval. */
static void
test_interval (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  g_autoptr(BpAutosave) autosave = autosave_new (document);
  guint count = 0;
  gint64 end;

  bp_autosave_set_delay (autosave, 300);
  bp_autosave_set_interval (autosave, 400);
  g_signal_connect (autosave, "written", G_CALLBACK (on_written), &count);

  /* Changes every 50 ms never leave the 300 ms delay to pass: only the
   * interval writes, however long a busy machine takes to. */
  end = test_deadline (WRITTEN_MS);
  for (guint i = 0; count == 0 && g_get_monotonic_time () < end; i++)
    {
      g_autofree char *goal = g_strdup_printf ("Goal %u", i);

      bp_document_set_goal (document, goal);
      bp_history_break_coalescing (bp_document_get_history (document));
      wait_for_written (NULL, 50);
    }
  g_assert_cmpuint (count, >=, 1);

  /* The last changes are written once they stop (after any copy of
   * older text that was still being written). */
  {
    CopyCheck check = { autosave, document };

    g_assert_true (test_wait_until (copy_is_current, &check, WRITTEN_MS));
  }
  /* Its "written" may still be on the way, after @count is gone. */
  g_signal_handlers_disconnect_by_data (autosave, &count);
  bp_autosave_discard (autosave);
}

/* During a drag (an open undo step) the copy waits for its end. */
static void
test_waits_for_open_step (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  g_autoptr(BpAutosave) autosave = autosave_new (document);
  BpHistory *history = bp_document_get_history (document);
  BpStep *step = bp_document_get_step (document, 0);

  bp_history_begin (history, "Move Card");
  bp_step_set_x (step, bp_step_get_x (step) + 40);
  g_assert_cmpuint (wait_for_written (autosave, 4 * TEST_DELAY), ==, 0);
  bp_history_end (history);

  g_assert_cmpuint (wait_for_written (autosave, test_scaled_ms (WRITTEN_MS)), ==, 1);
  assert_copy_is (autosave, document);
  bp_autosave_discard (autosave);
}

/* A copy removed while the thread writes it stays removed. */
static void
test_discard_while_writing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  g_autoptr(BpAutosave) autosave = autosave_new (document);
  g_autofree char *listing = NULL;

  bp_document_set_title (document, "Gone soon");
  bp_autosave_flush (autosave);
  bp_autosave_discard (autosave);
  g_assert_cmpuint (wait_for_written (autosave, 500), ==, 0);

  listing = list_recovery_folder ();
  g_assert_cmpstr (listing, ==, "");
}

static gboolean
is_gone (gpointer data)
{
  return g_atomic_pointer_get ((gpointer *) data) == NULL;
}

/* Ends an autosave as a crash would: its lock goes, its copy stays.
 * The write thread's task may hold the last reference for a moment
 * after "written", so the lock goes when that thread lets go. */
static void
crash (BpAutosave *autosave)
{
  gpointer alive = autosave;

  g_object_add_weak_pointer (G_OBJECT (autosave), &alive);
  g_object_unref (autosave);
  g_assert_true (test_wait_until (is_gone, &alive, 2000));
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BpDocument) document = load_sample (&file);
  BpAutosave *autosave = written_autosave (document, file);
  g_autoptr(BpAutosave) adopter = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(BpDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (bp_autosave_get_id (autosave));
  g_autofree char *copy_path = bp_autosave_get_path (autosave);
  g_autofree char *copy_text = NULL;
  g_autofree char *restored_text = NULL;
  g_autofree char *listing = NULL;
  gsize copy_length, restored_length;
  BpRecoveryCopy *copy;

  /* A copy kept by a running autosave is not offered. */
  copies = bp_recovery_copy_list ();
  g_assert_cmpuint (copies->len, ==, 0);
  g_clear_pointer (&copies, g_ptr_array_unref);

  crash (autosave);
  copies = bp_recovery_copy_list ();
  g_assert_cmpuint (copies->len, ==, 1);
  copy = g_ptr_array_index (copies, 0);
  g_assert_cmpstr (bp_recovery_copy_get_id (copy), ==, id);
  g_assert_cmpstr (bp_recovery_copy_get_title (copy), ==, "Loan payment, revised");
  g_assert_true (g_file_equal (bp_recovery_copy_get_file (copy), file));
  g_assert_cmpint (g_date_time_to_unix (bp_recovery_copy_get_time (copy)), >=,
                   g_get_real_time () / G_USEC_PER_SEC - 60);

  restored = bp_recovery_copy_restore (copy, &error);
  g_assert_no_error (error);
  g_assert_true (bp_history_get_modified (bp_document_get_history (restored)));
  g_assert_false (bp_history_can_undo (bp_document_get_history (restored)));
  copy_text = read_file (copy_path, &copy_length);
  restored_text = bp_bpj_write (restored, &restored_length);
  g_assert_cmpmem (restored_text, restored_length, copy_text, copy_length);
  g_assert_cmpstr (bp_document_get_title (restored), ==, "Loan payment, revised");

  /* The restored document's autosave takes the copy over. */
  adopter = autosave_new (restored);
  g_assert_true (bp_autosave_adopt (adopter, copy));
  g_assert_cmpstr (bp_autosave_get_id (adopter), ==, id);
  after = bp_recovery_copy_list ();
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  /* Its next change goes to the same copy; a clean close removes it. */
  bp_document_set_goal (restored, "Never miss a payment");
  g_assert_cmpuint (wait_for_written (adopter, test_scaled_ms (WRITTEN_MS)), ==, 1);
  assert_copy_is (adopter, restored);
  bp_autosave_discard (adopter);
  listing = list_recovery_folder ();
  g_assert_cmpstr (listing, ==, "");
}

static void
test_broken_copy_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  BpAutosave *autosave = written_autosave (document, NULL);
  g_autofree char *copy_path = bp_autosave_get_path (autosave);
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(BpDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  BpRecoveryCopy *copy;

  crash (autosave);
  g_assert_true (g_file_set_contents (copy_path, "{ \"version\": 1, \"stages\": [", -1, NULL));

  copies = bp_recovery_copy_list ();
  g_assert_cmpuint (copies->len, ==, 1);
  copy = g_ptr_array_index (copies, 0);
  g_assert_null (bp_recovery_copy_get_file (copy));

  restored = bp_recovery_copy_restore (copy, &error);
  g_assert_null (restored);
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, copy_path));

  bp_recovery_copy_discard (copy);
  listing = list_recovery_folder ();
  g_assert_cmpstr (listing, ==, "");
}

/* A lock left by an autosave that ended after a save removed its copy is
 * cleared away when copies are listed; a live one is not. */
static void
test_stale_lock_removed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  BpAutosave *autosave = written_autosave (document, NULL);
  g_autofree char *lock = recovery_file (bp_autosave_get_id (autosave), ".lock");
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) after = NULL;

  bp_history_mark_saved (bp_document_get_history (document));
  copies = bp_recovery_copy_list ();
  g_assert_cmpuint (copies->len, ==, 0);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  crash (autosave);
  after = bp_recovery_copy_list ();
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* The key file beside a copy may be lost or mangled: the copy is still
 * offered, untitled, at the time its text was written. */
static void
test_broken_info_listed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BpDocument) document = load_sample (NULL);
  BpAutosave *autosave = written_autosave (document, NULL);
  g_autofree char *info = recovery_file (bp_autosave_get_id (autosave), ".info");
  g_autoptr(GPtrArray) copies = NULL;
  BpRecoveryCopy *copy;

  crash (autosave);
  g_assert_true (g_file_set_contents (info, "not [a key file", -1, NULL));

  copies = bp_recovery_copy_list ();
  g_assert_cmpuint (copies->len, ==, 1);
  copy = g_ptr_array_index (copies, 0);
  g_assert_cmpstr (bp_recovery_copy_get_title (copy), ==, "");
  g_assert_null (bp_recovery_copy_get_file (copy));
  bp_recovery_copy_discard (copy);
}

/* Each test starts and ends with an empty recovery folder. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  clear_recovery_folder ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  clear_recovery_folder ();
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* GLib reads the state folder once: point it at a private one first. */
  state_dir = g_dir_make_tmp ("touchpoint-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  add_test ("/autosave/written-after-delay", test_written_after_delay);
  add_test ("/autosave/skipped-without-change", test_skipped_without_change);
  add_test ("/autosave/saved-point-removes", test_saved_point_removes);
  add_test ("/autosave/interval", test_interval);
  add_test ("/autosave/waits-for-open-step", test_waits_for_open_step);
  add_test ("/autosave/discard-while-writing", test_discard_while_writing);
  add_test ("/autosave/restore", test_restore);
  add_test ("/autosave/broken-copy-refused", test_broken_copy_refused);
  add_test ("/autosave/broken-info-listed", test_broken_info_listed);
  add_test ("/autosave/stale-lock-removed", test_stale_lock_removed);

  status = g_test_run ();

  {
    g_autofree char *recovery = g_build_filename (state_dir, "touchpoint", "recovery", NULL);
    g_autofree char *touchpoint = g_build_filename (state_dir, "touchpoint", NULL);

    g_rmdir (recovery);
    g_rmdir (touchpoint);
    g_rmdir (state_dir);
  }
  g_free (state_dir);
  return status;
}
