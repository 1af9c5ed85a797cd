/* test-save-faults.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "fault-utils.h"

/* Saves that fail: a full disk, a read-only mount, a read-only folder, a
 * file without write permission. Each leaves the old file byte for byte,
 * reports the file and the cause, keeps the document modified and lets
 * it be saved elsewhere. Symbolic links are written through. */

/* The unprivileged user a root test drops to. */
#define NOBODY 65534

typedef struct {
  char        *folder;     /* a fresh folder, 0755 */
  char        *mount;      /* folder/disk, when a test mounts one */
  BpDocument  *document;
  GBytes      *old;        /* the file as saved before the document changed */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"),
                                              "loan-payment.bpj", NULL);
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("touchpoint-faults-XXXXXX", &error);
  g_assert_no_error (error);
  /* Open to others, for the tests that drop root. */
  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  fixture->document = bp_bpj_load (sample, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  fault_unmount (fixture->mount);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->mount);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->old, g_bytes_unref);
}

/* The folder fixture->folder/@name, made with @mode. */
static char *
make_folder (Fixture    *fixture,
             const char *name,
             int         mode)
{
  char *path = g_build_filename (fixture->folder, name, NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

/* Saves the document to @path, keeps its bytes, then changes the
 * document: the edit a failing save must not lose. */
static void
save_original (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_bpj_save (fixture->document, path, &error));
  g_assert_no_error (error);
  fixture->old = fault_read_bytes (path);
  g_assert_nonnull (fixture->old);

  bp_history_mark_saved (bp_document_get_history (fixture->document));
  bp_document_set_title (fixture->document, "Loan payment, after the workshop");
  bp_document_add_stage (fixture->document, "Appeal", -1);
  g_assert_true (bp_history_get_modified (bp_document_get_history (fixture->document)));
}

/* A save to @path fails, saying which file and @cause; the old bytes are
 * there, no temporary file is left beside them, the document is still
 * modified, and Save As to a good folder rescues it. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                const char *cause)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *rescue = g_build_filename (fixture->folder, "rescued.bpj", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *rescued = NULL;
  gsize length;

  g_assert_false (bp_bpj_save (fixture->document, path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, cause));

  fault_assert_file_is (path, fixture->old);
  g_assert_cmpuint (fault_count_hidden (dir), ==, 0);
  g_assert_true (bp_history_get_modified (bp_document_get_history (fixture->document)));

  g_assert_true (bp_bpj_save (fixture->document, rescue, NULL));
  expected = bp_bpj_write (fixture->document, &length);
  g_assert_true (g_file_get_contents (rescue, &rescued, NULL, NULL));
  g_assert_cmpstr (rescued, ==, expected);
}

static void
mount_disk (Fixture *fixture,
            guint    size_kib)
{
  g_autoptr(GError) error = NULL;

  fixture->mount = make_folder (fixture, "disk", 0755);
  fault_mount_tmpfs (fixture->mount, size_kib, &error);
  g_assert_no_error (error);
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  if (fault_skip_without_mounts ())
    return;

  mount_disk (fixture, 256);
  path = g_build_filename (fixture->mount, "loan.bpj", NULL);
  save_original (fixture, path);
  fault_fill_disk (fixture->mount);

  assert_refused (fixture, path, g_strerror (ENOSPC));
}

static void
test_read_only_mount (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fault_skip_without_mounts ())
    return;

  mount_disk (fixture, 256);
  path = g_build_filename (fixture->mount, "loan.bpj", NULL);
  save_original (fixture, path);
  fault_remount_read_only (fixture->mount, &error);
  g_assert_no_error (error);

  assert_refused (fixture, path, g_strerror (EROFS));
  g_assert_false (bp_bpj_can_save (path, NULL));
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = make_folder (fixture, "shared", 0755);
  g_autofree char *path = g_build_filename (dir, "loan.bpj", NULL);

  save_original (fixture, path);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  assert_refused (fixture, path, g_strerror (EACCES));
}

/* The file has no write permission, but its folder does: the rename that
 * makes a save atomic would replace it if the save did not refuse. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "loan.bpj", NULL);
  GStatBuf st;

  save_original (fixture, path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  assert_refused (fixture, path, g_strerror (EACCES));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
}

/* Saves to @path as an unprivileged user, in a child process: FALSE when
 * this process cannot become that user; else *@message is the error
 * message, NULL when the save succeeded. */
static gboolean
save_as_nobody (Fixture     *fixture,
                const char  *path,
                char       **message_out)
{
  GString *message = g_string_new (NULL);
  int pipe_fds[2];
  char buffer[512];
  gssize n;
  int status;
  pid_t pid;

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      close (pipe_fds[0]);
      if (setresgid (NOBODY, NOBODY, NOBODY) != 0 || setresuid (NOBODY, NOBODY, NOBODY) != 0)
        _exit (3);
      if (bp_bpj_save (fixture->document, path, &error))
        _exit (0);
      if (write (pipe_fds[1], error->message, strlen (error->message)) < 0)
        _exit (2);
      _exit (1);
    }

  close (pipe_fds[1]);
  while ((n = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (message, buffer, n);
  close (pipe_fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);
  if (WEXITSTATUS (status) == 3)
    {
      g_string_free (message, TRUE);
      return FALSE;
    }
  *message_out = WEXITSTATUS (status) == 0 ? NULL : g_strdup (message->str);
  g_string_free (message, TRUE);
  return TRUE;
}

/* As a user the system itself refuses: a root-owned 0644 file in a folder
 * anyone may write to (the atomic rename would succeed there), and a file
 * anyone may write in a root-owned 0755 folder. */
static void
test_permissions_as_nobody (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *open_dir = NULL;
  g_autofree char *closed_dir = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *writable = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) writable_old = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to drop to another user; read-only-file and "
                   "read-only-folder test the same as this user");
      return;
    }

  open_dir = make_folder (fixture, "open", 0777);
  closed_dir = make_folder (fixture, "closed", 0755);
  theirs = g_build_filename (open_dir, "loan.bpj", NULL);
  writable = g_build_filename (closed_dir, "loan.bpj", NULL);
  g_assert_true (bp_bpj_save (fixture->document, writable, NULL));
  g_assert_cmpint (g_chmod (writable, 0666), ==, 0);
  writable_old = fault_read_bytes (writable);
  save_original (fixture, theirs);

  if (!save_as_nobody (fixture, theirs, &message))
    {
      g_test_skip ("cannot become user 65534 here (a user namespace without it?)");
      return;
    }
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, theirs));
  g_assert_nonnull (strstr (message, g_strerror (EACCES)));
  fault_assert_file_is (theirs, fixture->old);
  g_assert_cmpuint (fault_count_hidden (open_dir), ==, 0);
  g_clear_pointer (&message, g_free);

  g_assert_true (save_as_nobody (fixture, writable, &message));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, closed_dir));
  g_assert_nonnull (strstr (message, g_strerror (EACCES)));
  fault_assert_file_is (writable, writable_old);
}

/* A link to a file elsewhere: the save writes the target, in its mode,
 * and the link stays a link to the same name. */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real_dir = make_folder (fixture, "real", 0755);
  g_autofree char *target = g_build_filename (real_dir, "loan.bpj", NULL);
  g_autofree char *link_path = g_build_filename (fixture->folder, "link.bpj", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *link_target = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  GStatBuf st;

  save_original (fixture, target);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink (target, link_path), ==, 0);

  g_assert_true (bp_bpj_save (fixture->document, link_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  link_target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (link_target, ==, target);
  expected = bp_bpj_write (fixture->document, &length);
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (fault_count_hidden (real_dir), ==, 0);
  g_assert_cmpuint (fault_count_hidden (fixture->folder), ==, 0);
}

/* A link to a read-only file is refused like the file itself. */
static void
test_symlink_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->folder, "loan.bpj", NULL);
  g_autofree char *link_path = g_build_filename (fixture->folder, "link.bpj", NULL);
  g_autoptr(GError) error = NULL;

  save_original (fixture, target);
  g_assert_cmpint (g_chmod (target, 0444), ==, 0);
  g_assert_cmpint (symlink ("loan.bpj", link_path), ==, 0);

  g_assert_false (bp_bpj_save (fixture->document, link_path, &error));
  g_assert_nonnull (strstr (error->message, link_path));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  fault_assert_file_is (target, fixture->old);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
}

/* What the window asks before it offers Save. */
static void
test_can_save (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "loan.bpj", NULL);
  g_autofree char *new_path = g_build_filename (fixture->folder, "new.bpj", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "gone", "new.bpj", NULL);
  g_autofree char *dir = make_folder (fixture, "shared", 0755);
  g_autofree char *in_dir = g_build_filename (dir, "loan.bpj", NULL);
  g_autoptr(GError) error = NULL;

  save_original (fixture, path);
  save_original (fixture, in_dir);
  g_assert_true (bp_bpj_can_save (path, &error));
  g_assert_no_error (error);
  g_assert_true (bp_bpj_can_save (new_path, &error));
  g_assert_no_error (error);

  g_assert_false (bp_bpj_can_save (missing, &error));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (bp_bpj_can_save (path, &error));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  g_clear_error (&error);

  /* A writable file in a read-only folder cannot be replaced. */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (bp_bpj_can_save (in_dir, &error));
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_true (bp_bpj_can_save (new_path, NULL));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  fault_init ();
  g_test_init (&argc, &argv, NULL);

  add_test ("/save-faults/full-disk", test_full_disk);
  add_test ("/save-faults/read-only-mount", test_read_only_mount);
  add_test ("/save-faults/read-only-folder", test_read_only_folder);
  add_test ("/save-faults/read-only-file", test_read_only_file);
  add_test ("/save-faults/permissions-as-nobody", test_permissions_as_nobody);
  add_test ("/save-faults/symlink", test_symlink);
  add_test ("/save-faults/symlink-read-only", test_symlink_read_only);
  add_test ("/save-faults/can-save", test_can_save);

  return g_test_run ();
}
