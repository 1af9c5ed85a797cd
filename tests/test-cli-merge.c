/* test-cli-merge.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bpj/bp-bpj.h"

/* touchpoint --merge BASE OURS THEIRS as git runs it, and a real git
 * merge with the driver configured. */

#define BASE_TEXT \
  "{\"format\": \"bpj\", \"version\": 1, \"title\": \"Loan\"," \
  " \"stages\": [{\"id\": \"a\"}], \"lanes\": [{\"id\": \"cust\", \"kind\": \"customer\"}]," \
  " \"steps\": [{\"id\": \"s1\", \"lane\": \"cust\", \"stage\": \"a\", \"x\": 0, \"text\": \"One\"}," \
  "           {\"id\": \"s2\", \"lane\": \"cust\", \"stage\": \"a\", \"x\": 200, \"text\": \"Two\"}," \
  "           {\"id\": \"s3\", \"lane\": \"cust\", \"stage\": \"a\", \"x\": 400, \"text\": \"Three\"}]}"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("touchpoint-merge-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs @args (the first is the program) in @cwd, without a display, in
 * a UTF-8 C locale; returns the exit status. */
static int
run (const char          *cwd,
     const char * const  *args,
     char               **out)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int wait_status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  envp = g_environ_setenv (envp, "GIT_CONFIG_GLOBAL", "/dev/null", TRUE);
  g_spawn_sync (cwd, (char **) args, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s exit %d\nstdout: %s\nstderr: %s",
                  args[0], wait_status, stdout_text, stderr_text);
  g_assert_true (WIFEXITED (wait_status));
  if (out != NULL)
    *out = g_strconcat (stdout_text, stderr_text, NULL);
  return WEXITSTATUS (wait_status);
}

static const char *
touchpoint (void)
{
  const char *bin = g_getenv ("TOUCHPOINT_BIN");

  g_assert_nonnull (bin);
  return bin;
}

/* Writes the base blueprint with @from's text replaced by @to (or as it
 * is when @from is NULL) to @name in the fixture's folder. */
static char *
write_side (Fixture    *fixture,
            const char *name,
            const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  if (from != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (BASE_TEXT, from, 2);

      g_assert_nonnull (parts[1]);
      text = g_strconcat (parts[0], to, parts[1], NULL);
    }
  else
    text = g_strdup (BASE_TEXT);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static BpDocument *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  return document;
}

static const char *
text_of (BpDocument *document,
         const char *id)
{
  return bp_step_get_text (BP_STEP (bp_document_lookup (document, id)));
}

/* git's temporary files have no extension: names do not matter. */
static void
test_clean (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *base = write_side (fixture, "base.tmp", NULL, NULL);
  g_autofree char *ours = write_side (fixture, ".merge_file_a1", "\"One\"", "\"One, mine\"");
  g_autofree char *theirs = write_side (fixture, ".merge_file_b2", "\"Two\"", "\"Two, theirs\"");
  const char *args[] = { touchpoint (), "--merge", base, ours, theirs, NULL };
  const char *check[] = { touchpoint (), "--check", ours, NULL };
  g_autoptr(BpDocument) merged = NULL;

  g_assert_cmpint (run (NULL, args, NULL), ==, 0);
  merged = load (ours);
  g_assert_cmpstr (text_of (merged, "s1"), ==, "One, mine");
  g_assert_cmpstr (text_of (merged, "s2"), ==, "Two, theirs");
  g_assert_cmpuint (bp_document_get_conflicts (merged)->len, ==, 0);
  g_assert_cmpint (run (NULL, check, NULL), ==, 0);
}

/* A clash: the file holds it, exit 1, and --check refuses the file. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *base = write_side (fixture, "base", NULL, NULL);
  g_autofree char *ours = write_side (fixture, "ours", "\"Three\"", "\"Mine\"");
  g_autofree char *theirs = write_side (fixture, "theirs", "\"Three\"", "\"Theirs\"");
  const char *args[] = { touchpoint (), "--merge", base, ours, theirs, NULL };
  const char *check[] = { touchpoint (), "--check", ours, NULL };
  g_autoptr(BpDocument) merged = NULL;
  g_autofree char *out = NULL;
  g_autofree char *check_out = NULL;

  g_assert_cmpint (run (NULL, args, &out), ==, 1);
  g_assert_nonnull (strstr (out, "“text” of “s3”"));
  merged = load (ours);
  g_assert_cmpstr (text_of (merged, "s3"), ==, "Mine");
  g_assert_cmpuint (bp_document_get_conflicts (merged)->len, ==, 1);

  g_assert_cmpint (run (NULL, check, &check_out), ==, 1);
  g_assert_nonnull (strstr (check_out, "conflicts[0]"));
}

/* -o before the files: OURS stays as it was. */
static void
test_output (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *base = write_side (fixture, "base", NULL, NULL);
  g_autofree char *ours = write_side (fixture, "ours", "\"One\"", "\"One, mine\"");
  g_autofree char *theirs = write_side (fixture, "theirs", "\"Two\"", "\"Two, theirs\"");
  g_autofree char *out_path = g_build_filename (fixture->dir, "merged", NULL);
  const char *args[] = { touchpoint (), "-o", out_path, "--merge", base, ours, theirs, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BpDocument) merged = NULL;

  g_file_get_contents (ours, &before, NULL, NULL);
  g_assert_cmpint (run (NULL, args, NULL), ==, 0);
  g_file_get_contents (ours, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  merged = load (out_path);
  g_assert_cmpstr (text_of (merged, "s2"), ==, "Two, theirs");
}

/* A side that does not read: exit 2 with the reader's error, OURS as it
 * was. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *base = write_side (fixture, "base", NULL, NULL);
  g_autofree char *ours = write_side (fixture, "ours", "\"One\"", "\"One, mine\"");
  g_autofree char *theirs = write_side (fixture, "theirs", "\"lane\": \"cust\", \"stage\": \"a\", \"x\": 400",
                                        "\"lane\": \"gone\", \"stage\": \"a\", \"x\": 400");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  const char *args[] = { touchpoint (), "--merge", base, ours, theirs, NULL };
  const char *few[] = { touchpoint (), "--merge", base, ours, NULL };
  const char *absent[] = { touchpoint (), "--merge", missing, ours, theirs, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;

  g_file_get_contents (ours, &before, NULL, NULL);
  g_assert_cmpint (run (NULL, args, &out), ==, 2);
  g_assert_nonnull (strstr (out, "steps[2].lane"));
  g_assert_cmpint (run (NULL, few, NULL), ==, 2);
  g_assert_cmpint (run (NULL, absent, NULL), ==, 2);
  g_file_get_contents (ours, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* git's add/add: an empty BASE. Both added the same file, each with a
 * different title: that is the one conflict. */
static void
test_no_base (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *base = g_build_filename (fixture->dir, "empty", NULL);
  g_autofree char *ours = write_side (fixture, "ours", "\"Loan\"", "\"Loan A\"");
  g_autofree char *theirs = write_side (fixture, "theirs", "\"Loan\"", "\"Loan B\"");
  const char *args[] = { touchpoint (), "--merge", base, ours, theirs, NULL };
  g_autoptr(BpDocument) merged = NULL;
  BpConflict *conflict;

  g_file_set_contents (base, "", 0, NULL);
  g_assert_cmpint (run (NULL, args, NULL), ==, 1);
  merged = load (ours);
  g_assert_cmpuint (bp_document_get_conflicts (merged)->len, ==, 1);
  conflict = g_ptr_array_index (bp_document_get_conflicts (merged), 0);
  g_assert_null (bp_conflict_get_item (conflict));
  g_assert_cmpstr (bp_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (bp_document_get_title (merged), ==, "Loan A");
}

static void
git (const char *repo,
     int         expected,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  g_ptr_array_add (args, (char *) "git");
  va_start (ap, expected);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (run (repo, (const char * const *) args->pdata, NULL), ==, expected);
}

static void
commit_side (Fixture    *fixture,
             const char *from,
             const char *to,
             const char *message)
{
  g_autofree char *path = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Edit the blueprint as it stands on the branch. */
  path = g_build_filename (fixture->dir, "loan.bpj", NULL);
  document = load (path);
  bp_step_set_text (BP_STEP (bp_document_lookup (document, from)), to);
  g_assert_true (bp_bpj_save (document, path, &error));
  g_assert_no_error (error);
  git (fixture->dir, 0, "commit", "-q", "-am", message, NULL);
}

static void
test_git (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *driver = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BpDocument) merged = NULL;
  g_autoptr(BpDocument) clashed = NULL;
  const char *merge[] = { "git", "merge", "--no-edit", "other", NULL };

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }

  driver = g_strdup_printf ("'%s' --merge %%O %%A %%B", touchpoint ());
  g_free (write_side (fixture, "loan.bpj", NULL, NULL));
  attributes = g_build_filename (fixture->dir, ".gitattributes", NULL);
  g_file_set_contents (attributes, "*.bpj merge=touchpoint\n", -1, NULL);
  git (fixture->dir, 0, "init", "-q", NULL);
  git (fixture->dir, 0, "config", "user.name", "Test", NULL);
  git (fixture->dir, 0, "config", "user.email", "test@example.com", NULL);
  git (fixture->dir, 0, "config", "merge.touchpoint.driver", driver, NULL);
  git (fixture->dir, 0, "checkout", "-q", "-b", "main", NULL);
  git (fixture->dir, 0, "add", ".", NULL);
  git (fixture->dir, 0, "commit", "-q", "-m", "Base", NULL);
  git (fixture->dir, 0, "branch", "other", NULL);

  /* Different cards: a clean merge. */
  commit_side (fixture, "s1", "One, on main", "Main edits s1");
  git (fixture->dir, 0, "checkout", "-q", "other", NULL);
  commit_side (fixture, "s2", "Two, on other", "Other edits s2");
  git (fixture->dir, 0, "checkout", "-q", "main", NULL);
  g_assert_cmpint (run (fixture->dir, merge, NULL), ==, 0);
  path = g_build_filename (fixture->dir, "loan.bpj", NULL);
  merged = load (path);
  g_assert_cmpstr (text_of (merged, "s1"), ==, "One, on main");
  g_assert_cmpstr (text_of (merged, "s2"), ==, "Two, on other");
  g_assert_cmpuint (bp_document_get_conflicts (merged)->len, ==, 0);

  /* The same card on both: one conflict, and git says so. */
  commit_side (fixture, "s3", "Three, on main", "Main edits s3");
  git (fixture->dir, 0, "checkout", "-q", "other", NULL);
  commit_side (fixture, "s3", "Three, on other", "Other edits s3");
  git (fixture->dir, 0, "checkout", "-q", "main", NULL);
  g_assert_cmpint (run (fixture->dir, merge, &out), !=, 0);
  g_assert_nonnull (strstr (out, "CONFLICT"));
  g_assert_nonnull (strstr (out, "loan.bpj"));
  clashed = load (path);
  g_assert_cmpuint (bp_document_get_conflicts (clashed)->len, ==, 1);
  g_assert_cmpstr (text_of (clashed, "s3"), ==, "Three, on main");
  g_assert_cmpstr (bp_conflict_get_field (g_ptr_array_index (bp_document_get_conflicts (clashed), 0)),
                   ==, "text");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-merge/clean", Fixture, NULL, fixture_set_up, test_clean, fixture_tear_down);
  g_test_add ("/cli-merge/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/cli-merge/output", Fixture, NULL, fixture_set_up, test_output, fixture_tear_down);
  g_test_add ("/cli-merge/unreadable", Fixture, NULL, fixture_set_up, test_unreadable, fixture_tear_down);
  g_test_add ("/cli-merge/no-base", Fixture, NULL, fixture_set_up, test_no_base, fixture_tear_down);
  g_test_add ("/cli-merge/git", Fixture, NULL, fixture_set_up, test_git, fixture_tear_down);

  return g_test_run ();
}
