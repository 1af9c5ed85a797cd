/* fault-utils.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "fault-utils.h"

static char *unavailable;

void
fault_init (void)
{
  if (geteuid () != 0)
    {
      unavailable = g_strdup ("mounting a file system needs root: "
                              "run the test as root or under unshare -rm");
      return;
    }

  /* A private copy of the mount table: nothing mounted here reaches the
   * rest of the system, and all of it goes when the program ends. */
  if (unshare (CLONE_NEWNS) != 0)
    {
      int saved_errno = errno;
      unavailable = g_strdup_printf ("no mount namespace of the test's own: %s",
                                     g_strerror (saved_errno));
      return;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      int saved_errno = errno;
      unavailable = g_strdup_printf ("the mount namespace cannot be made private: %s",
                                     g_strerror (saved_errno));
    }
}

const char *
fault_mount_unavailable (void)
{
  return unavailable;
}

static gboolean
set_errno_error (GError     **error,
                 const char  *what,
                 const char  *folder)
{
  int saved_errno = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s %s: %s", what, folder, g_strerror (saved_errno));
  return FALSE;
}

gboolean
fault_mount_tmpfs (const char  *folder,
                   guint        size_kib,
                   GError     **error)
{
  g_autofree char *options = g_strdup_printf ("size=%uk,mode=0755", size_kib);

  g_assert_null (unavailable);
  if (mount ("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    return set_errno_error (error, "mounting a tmpfs on", folder);
  return TRUE;
}

gboolean
fault_remount_read_only (const char  *folder,
                         GError     **error)
{
  if (mount (NULL, folder, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) != 0)
    return set_errno_error (error, "remounting read-only", folder);
  return TRUE;
}

void
fault_unmount (const char *folder)
{
  if (unavailable == NULL && folder != NULL && umount2 (folder, MNT_DETACH) != 0 &&
      errno != EINVAL && errno != ENOENT)
    g_warning ("could not unmount %s: %s", folder, g_strerror (errno));
}

void
fault_fill_disk (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "filler", NULL);
  char block[4096];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  /* Blocks, then single bytes: not even one byte of room is left. */
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while (write (fd, block, 1) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);
}

GBytes *
fault_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

void
fault_assert_file_is (const char *path,
                      GBytes     *expected)
{
  g_autoptr(GBytes) now = fault_read_bytes (path);

  g_assert_nonnull (now);
  g_assert_true (g_bytes_equal (now, expected));
}

guint
fault_count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += name[0] == '.';
  return n;
}

gboolean
fault_skip_without_mounts (void)
{
  const char *why = fault_mount_unavailable ();

  if (why == NULL)
    return FALSE;
  g_test_skip (why);
  return TRUE;
}
