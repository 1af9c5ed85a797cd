/* test-recovery.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crash recovery as a person meets it: the real touchpoint program, a
 * change, kill -9 once its recovery copy is on disk, and a new start
 * that offers the change back. Input goes through xdotool to the X server the program
 * shows its windows on. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "bpj/bp-bpj.h"

#include "test-wait.h"

/* Times test_timeout_factor (). */
#define WAIT_MS 15000

typedef struct {
  char  *folder;
  char  *file;
  char  *recovery;
  char **envp;
} Fixture;

/* Helpers */

static gboolean
xdotool (const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* Checks @condition every 100 ms until it holds or WAIT_MS pass. The
 * program under test is another process: there is no main loop here to
 * run, and each check may itself start a program. */
static gboolean
poll_until (gboolean (*condition) (gpointer),
            gpointer   data)
{
  gint64 end = test_deadline (WAIT_MS);

  while (!condition (data))
    {
      if (g_get_monotonic_time () >= end)
        return FALSE;
      g_usleep (100 * 1000);
    }
  return TRUE;
}

typedef struct {
  const char *pattern;
  char       *id;
} WindowSearch;

static gboolean
window_found (gpointer data)
{
  WindowSearch *search = data;
  const char *argv[] = { "xdotool", "search", "--onlyvisible", "--name", search->pattern, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || out == NULL || *out == '\0')
    return FALSE;
  *strchr (out, '\n') = '\0';
  search->id = g_steal_pointer (&out);
  return TRUE;
}

/* The id of the first shown window whose title matches @pattern (a
 * regular expression), waiting for it to appear; NULL when none does.
 * A window that exists but is not mapped yet cannot take the focus. */
static char *
wait_for_window (const char *pattern)
{
  WindowSearch search = { pattern, NULL };

  poll_until (window_found, &search);
  return search.id;
}

static gboolean
window_appears (const char *pattern)
{
  g_autofree char *id = wait_for_window (pattern);

  return id != NULL;
}

/* A failed assertion ends the test: the program ends with it rather
 * than outlive it on the X server. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GPid
start_touchpoint (Fixture    *fixture,
                  const char *file)
{
  const char *argv[] = { g_getenv ("TOUCHPOINT_BIN"), file, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv, fixture->envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 die_with_parent, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static gboolean
has_exited (gpointer data)
{
  int status;

  return waitpid (*(GPid *) data, &status, WNOHANG) == *(GPid *) data;
}

/* Waits for @pid to end by itself; kills it when it does not. */
static gboolean
wait_for_exit (GPid pid)
{
  if (poll_until (has_exited, &pid))
    return TRUE;

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  return FALSE;
}

/* Names in the recovery folder ending in @suffix. */
static guint
count_recovery_files (Fixture    *fixture,
                      const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->recovery, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += suffix == NULL || g_str_has_suffix (name, suffix);
  return n;
}

/* The number of cards in the .bpj at @path, or -1 when it cannot be read. */
static int
count_steps (const char *path)
{
  g_autoptr(BpDocument) document = bp_bpj_load (path, NULL);

  return document != NULL ? (int) bp_document_get_n_steps (document) : -1;
}

static char *
recovery_copy_path (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->recovery, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bpj"))
      return g_build_filename (fixture->recovery, name, NULL);
  return NULL;
}

static gboolean
file_has_no_cards (gpointer path)
{
  return count_steps (path) == 0;
}

static gboolean
has_info_file (gpointer fixture)
{
  return count_recovery_files (fixture, ".info") > 0;
}

/* A copy of the emptied blueprint, and the key file that lists it (which
 * autosave puts in place after the copy). */
static gboolean
has_empty_copy (gpointer fixture)
{
  g_autofree char *copy = recovery_copy_path (fixture);

  return copy != NULL && count_steps (copy) == 0 && has_info_file (fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
can_run (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_test_skip ("no X display: run under xvfb-run");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return FALSE;
    }
  if (g_getenv ("TOUCHPOINT_BIN") == NULL)
    {
      g_test_skip ("TOUCHPOINT_BIN is not set");
      return FALSE;
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *text = NULL;
  g_autofree char *state = NULL;
  gsize length;

  fixture->folder = g_dir_make_tmp ("touchpoint-recovery-XXXXXX", &error);
  g_assert_no_error (error);

  sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), "loan-payment.bpj", NULL);
  g_file_get_contents (sample, &text, &length, &error);
  g_assert_no_error (error);
  fixture->file = g_build_filename (fixture->folder, "loan-payment.bpj", NULL);
  g_file_set_contents (fixture->file, text, length, &error);
  g_assert_no_error (error);

  state = g_build_filename (fixture->folder, "state", NULL);
  fixture->recovery = g_build_filename (state, "touchpoint", "recovery", NULL);
  fixture->envp = g_environ_setenv (g_get_environ (), "XDG_STATE_HOME", state, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->file);
  g_free (fixture->recovery);
  g_strfreev (fixture->envp);
}

/* Tests */

static void
test_kill_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *window = NULL;
  g_autofree char *dialog = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *copy = NULL;
  int original_steps;
  GPid pid;

  if (!can_run ())
    return;

  original_steps = count_steps (fixture->file);
  g_assert_cmpint (original_steps, >, 0);

  /* A change: every card selected and deleted. */
  pid = start_touchpoint (fixture, fixture->file);
  window = wait_for_window ("^loan-payment\\.bpj$");
  g_assert_nonnull (window);
  g_assert_true (xdotool ("windowfocus", "--sync", window, NULL));
  g_assert_true (xdotool ("mousemove", "--window", window, "700", "500", "click", "1", NULL));
  g_assert_true (xdotool ("key", "ctrl+a", "Delete", NULL));
  g_assert_true (window_appears ("^• loan-payment\\.bpj$"));

  /* Once the change is on disk, the hardest end there is. */
  g_assert_true (poll_until (has_empty_copy, fixture));
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_assert_cmpint (count_steps (fixture->file), ==, original_steps);
  copy = recovery_copy_path (fixture);
  g_assert_nonnull (copy);
  g_assert_cmpint (count_steps (copy), ==, 0);

  /* The next start offers the change; Restore brings it back, modified
   * and attached to its file. */
  pid = start_touchpoint (fixture, NULL);
  dialog = wait_for_window ("^Restore Unsaved Changes\\?$");
  g_assert_nonnull (dialog);
  g_assert_true (xdotool ("windowfocus", "--sync", dialog, NULL));
  g_assert_true (xdotool ("key", "Return", NULL));
  restored = wait_for_window ("^• loan-payment\\.bpj$");
  g_assert_nonnull (restored);

  /* Saved, the change reaches the file and the copy goes. */
  g_assert_true (xdotool ("windowfocus", "--sync", restored, NULL));
  g_assert_true (xdotool ("key", "ctrl+s", NULL));
  g_assert_true (poll_until (file_has_no_cards, fixture->file));
  g_assert_true (window_appears ("^loan-payment\\.bpj$"));
  g_assert_cmpuint (count_recovery_files (fixture, ".bpj"), ==, 0);
  g_assert_cmpuint (count_recovery_files (fixture, ".info"), ==, 0);

  /* A clean quit leaves nothing behind. */
  g_assert_true (xdotool ("key", "ctrl+q", NULL));
  g_assert_true (wait_for_exit (pid));
  g_assert_cmpuint (count_recovery_files (fixture, NULL), ==, 0);
}

/* Discard in the question asked on closing drops the changes, and their
 * copy with them. */
static void
test_discard_on_close (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *window = NULL;
  g_autofree char *question = NULL;
  GPid pid;

  if (!can_run ())
    return;

  pid = start_touchpoint (fixture, fixture->file);
  window = wait_for_window ("^loan-payment\\.bpj$");
  g_assert_nonnull (window);
  g_assert_true (xdotool ("windowfocus", "--sync", window, NULL));
  g_assert_true (xdotool ("mousemove", "--window", window, "700", "500", "click", "1", NULL));
  g_assert_true (xdotool ("key", "ctrl+a", "Delete", NULL));

  g_assert_true (poll_until (has_info_file, fixture));
  g_assert_cmpuint (count_recovery_files (fixture, ".info"), ==, 1);

  g_assert_true (xdotool ("key", "ctrl+w", NULL));
  question = wait_for_window ("^Save Changes");
  g_assert_nonnull (question);
  g_assert_true (xdotool ("windowfocus", "--sync", question, NULL));
  g_assert_true (xdotool ("key", "alt+d", NULL));

  g_assert_true (wait_for_exit (pid));
  g_assert_cmpuint (count_recovery_files (fixture, NULL), ==, 0);
  g_assert_cmpint (count_steps (fixture->file), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recovery/kill-and-restore", Fixture, NULL,
              fixture_set_up, test_kill_and_restore, fixture_tear_down);
  g_test_add ("/recovery/discard-on-close", Fixture, NULL,
              fixture_set_up, test_discard_on_close, fixture_tear_down);

  return g_test_run ();
}
