/* bp-bpj-save.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Saving: the canonical text, written so that a crash or a full disk
 * never leaves a half-written file in place of the old one. */

/* As many links as Linux follows before it gives up with ELOOP. */
#define MAX_LINKS 40

static gboolean set_save_error (GError     **error,
                                const char  *path,
                                const char  *format,
                                ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_save_error (GError     **error,
                const char  *path,
                const char  *format,
                ...)
{
  g_autofree char *cause = NULL;
  va_list args;

  va_start (args, format);
  cause = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO, _("%s: could not save: %s"), path, cause);
  return FALSE;
}

/* The file a save must replace: @path, or what its chain of symbolic
 * links ends at, so that the links stay links. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        {
          int saved_errno = errno;
          set_save_error (error, path, "%s", g_strerror (saved_errno));
          return NULL;
        }

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }

  set_save_error (error, path, "%s", g_strerror (ELOOP));
  return NULL;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }

  return TRUE;
}

/* Fills the temporary file @fd: the owner and mode of the file it replaces
 * (@old, or NULL for a new file), then @data, flushed to disk. Returns 0,
 * or the errno of what failed. */
static int
fill_temp_file (int             fd,
                const char     *target,
                const GStatBuf *old,
                const char     *data,
                gsize           length)
{
  /* Keeping the owner only works for the owner's peers (or root); the
   * mode, set after it since chown() drops set-id bits, always works
   * and fchmod() is not limited by the umask, as open's mode is. */
  if (old != NULL && (old->st_uid != getuid () || old->st_gid != getgid ()) &&
      fchown (fd, old->st_uid, old->st_gid) != 0)
    g_debug ("%s: the owner could not be kept: %s", target, g_strerror (errno));

  errno = 0;
  if ((old != NULL && fchmod (fd, old->st_mode & 07777) != 0) ||
      !write_all (fd, data, length) ||
      fsync (fd) != 0)
    return errno != 0 ? errno : EIO;

  return 0;
}

/* Whether @target (described by @st, or NULL when it does not exist yet)
 * and its folder may be written. A file or folder with no write bit at
 * all counts as read-only even for root, whom the system would let
 * write it: like an editor's read-only mode, Touchpoint honours the mode,
 * and the rename below would otherwise replace a 0444 file silently. */
static gboolean
check_writable (const char      *path,
                const char      *target,
                const GStatBuf  *st,
                GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  GStatBuf dir_st;
  int saved_errno;

  if (st != NULL)
    {
      if (faccessat (AT_FDCWD, target, W_OK, AT_EACCESS) != 0)
        {
          saved_errno = errno;
          return set_save_error (error, path, "%s", g_strerror (saved_errno));
        }
      if ((st->st_mode & 0222) == 0)
        return set_save_error (error, path, "%s", g_strerror (EACCES));
    }

  /* The new file is made in the folder, then renamed over the old one. */
  if (faccessat (AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0)
    {
      saved_errno = errno;
      return set_save_error (error, path, _("the folder %s cannot be written to: %s"),
                             dir, g_strerror (saved_errno));
    }
  if (g_stat (dir, &dir_st) == 0 && (dir_st.st_mode & 0222) == 0)
    return set_save_error (error, path, _("the folder %s cannot be written to: %s"),
                           dir, g_strerror (EACCES));

  return TRUE;
}

/* A temporary file beside @target, filled, flushed to disk and renamed
 * over it: a crash leaves either the old file or the new one. */
static gboolean
replace_file (const char  *path,
              const char  *target,
              const char  *data,
              gsize        length,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  gboolean existed;
  GStatBuf st;
  int saved_errno;
  int fd;

  existed = g_stat (target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    return set_save_error (error, path, _("%s is not a regular file"), target);
  if (!check_writable (path, target, existed ? &st : NULL, error))
    return FALSE;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      return set_save_error (error, path, "%s", g_strerror (saved_errno));
    }

  saved_errno = fill_temp_file (fd, target, existed ? &st : NULL, data, length);
  if (saved_errno != 0)
    {
      close (fd);
      g_unlink (temp);
      return set_save_error (error, path, "%s", g_strerror (saved_errno));
    }

  if (close (fd) != 0 || g_rename (temp, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return set_save_error (error, path, "%s", g_strerror (saved_errno));
    }

  return TRUE;
}

gboolean
bp_bpj_can_save (const char  *path,
                 GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;
  gboolean existed;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  existed = g_stat (target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    return set_save_error (error, path, _("%s is not a regular file"), target);
  return check_writable (path, target, existed ? &st : NULL, error);
}

gboolean
bp_bpj_save_text (const char  *data,
                  gsize        length,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_links (path, error);
  return target != NULL && replace_file (path, target, data != NULL ? data : "", length, error);
}

gboolean
bp_bpj_save (BpDocument  *document,
             const char  *path,
             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = bp_bpj_write_for_file (document, path, &length, error);
  return data != NULL && bp_bpj_save_text (data, length, path, error);
}
