/* bp-recovery-copy.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "recovery/bp-recovery-copy.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "recovery/bp-recovery-private.h"

struct _BpRecoveryCopy
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  GFile     *file;
  GDateTime *time;
};

G_DEFINE_FINAL_TYPE (BpRecoveryCopy, bp_recovery_copy, G_TYPE_OBJECT)

char *
bp_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "touchpoint", "recovery", NULL);
}

char *
bp_recovery_path (const char *id,
                  const char *suffix)
{
  g_autofree char *dir = bp_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
bp_recovery_ensure_dir (GError **error)
{
  g_autofree char *dir = bp_recovery_get_dir ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The lock is on an open file, so it ends with the process however the
 * process ends, kill -9 included. */
static int
lock_file (const char *id,
           int         flags)
{
  g_autofree char *path = bp_recovery_path (id, BP_RECOVERY_LOCK_SUFFIX);
  GStatBuf named, opened;
  int fd;

  fd = g_open (path, O_RDWR | O_CLOEXEC | flags, 0600);
  if (fd < 0)
    return -1;

  /* A lock taken on a file that its owner removed meanwhile guards
   * nothing: the name must still lead to the file we locked. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 ||
      fstat (fd, &opened) != 0 || g_stat (path, &named) != 0 ||
      opened.st_ino != named.st_ino || opened.st_dev != named.st_dev)
    {
      close (fd);
      return -1;
    }
  return fd;
}

int
bp_recovery_lock (const char *id)
{
  return lock_file (id, O_CREAT);
}

void
bp_recovery_remove_copy (const char *id)
{
  g_autofree char *text = bp_recovery_path (id, BP_RECOVERY_TEXT_SUFFIX);
  g_autofree char *info = bp_recovery_path (id, BP_RECOVERY_INFO_SUFFIX);

  g_autofree char *text_new = g_strconcat (text, ".new", NULL);
  g_autofree char *info_new = g_strconcat (info, ".new", NULL);

  /* The key file first: without it the copy is no longer listed. */
  g_unlink (info);
  g_unlink (text);
  g_unlink (info_new);
  g_unlink (text_new);
}

void
bp_recovery_unlock (const char *id,
                    int         fd)
{
  g_autofree char *path = bp_recovery_path (id, BP_RECOVERY_LOCK_SUFFIX);

  if (fd < 0)
    return;
  g_unlink (path);
  close (fd);
}

/* Another process keeps the copy up to date: it holds the lock. */
static gboolean
is_kept_elsewhere (const char *id)
{
  g_autofree char *path = bp_recovery_path (id, BP_RECOVERY_LOCK_SUFFIX);
  int fd;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  fd = lock_file (id, 0);
  if (fd < 0)
    return TRUE;
  close (fd);
  return FALSE;
}

static void
bp_recovery_copy_finalize (GObject *object)
{
  BpRecoveryCopy *self = BP_RECOVERY_COPY (object);

  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->file);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (bp_recovery_copy_parent_class)->finalize (object);
}

static void
bp_recovery_copy_class_init (BpRecoveryCopyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_recovery_copy_finalize;
}

static void
bp_recovery_copy_init (BpRecoveryCopy *self)
{
}

/* Ids are made by g_uuid_string_random(); anything else in the folder is
 * not ours. */
static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* A key file that cannot be read still lists its copy, so that it can be
 * restored or discarded: untitled, written when the text was. */
static BpRecoveryCopy *
copy_new (const char *id)
{
  g_autofree char *text = bp_recovery_path (id, BP_RECOVERY_TEXT_SUFFIX);
  g_autofree char *info = bp_recovery_path (id, BP_RECOVERY_INFO_SUFFIX);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *uri = NULL;
  BpRecoveryCopy *self;
  GStatBuf st;
  gint64 time = 0;

  if (g_stat (text, &st) != 0)
    return NULL;

  self = g_object_new (BP_TYPE_RECOVERY_COPY, NULL);
  self->id = g_strdup (id);
  if (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL))
    {
      self->title = g_key_file_get_string (keys, BP_RECOVERY_GROUP, "Title", NULL);
      uri = g_key_file_get_string (keys, BP_RECOVERY_GROUP, "File", NULL);
      time = g_key_file_get_int64 (keys, BP_RECOVERY_GROUP, "Time", NULL);
    }

  if (self->title == NULL || !g_utf8_validate (self->title, -1, NULL))
    {
      g_free (self->title);
      self->title = g_strdup ("");
    }
  if (uri != NULL && *uri != '\0')
    self->file = g_file_new_for_uri (uri);
  self->time = g_date_time_new_from_unix_local (time > 0 ? time : (gint64) st.st_mtime);
  return self;
}

/* A lock left by a Touchpoint that ended after its copy was removed (at a
 * save) guards nothing any more. */
static void
remove_stale_lock (const char *name)
{
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (BP_RECOVERY_LOCK_SUFFIX));
  g_autofree char *info = NULL;
  int fd;

  if (!is_valid_id (id))
    return;
  info = bp_recovery_path (id, BP_RECOVERY_INFO_SUFFIX);
  if (g_file_test (info, G_FILE_TEST_EXISTS))
    return;

  fd = lock_file (id, 0);
  if (fd >= 0)
    bp_recovery_unlock (id, fd);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  BpRecoveryCopy *x = *(BpRecoveryCopy **) a;
  BpRecoveryCopy *y = *(BpRecoveryCopy **) b;

  return g_date_time_compare (y->time, x->time);
}

GPtrArray *
bp_recovery_copy_list (void)
{
  g_autofree char *path = bp_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    return copies;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      BpRecoveryCopy *copy;

      if (g_str_has_suffix (name, BP_RECOVERY_LOCK_SUFFIX))
        remove_stale_lock (name);
      if (!g_str_has_suffix (name, BP_RECOVERY_INFO_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (BP_RECOVERY_INFO_SUFFIX));
      if (!is_valid_id (id) || is_kept_elsewhere (id))
        continue;
      copy = copy_new (id);
      if (copy != NULL)
        g_ptr_array_add (copies, copy);
    }

  g_ptr_array_sort (copies, compare_newest_first);
  return copies;
}

const char *
bp_recovery_copy_get_id (BpRecoveryCopy *self)
{
  g_return_val_if_fail (BP_IS_RECOVERY_COPY (self), NULL);
  return self->id;
}

const char *
bp_recovery_copy_get_title (BpRecoveryCopy *self)
{
  g_return_val_if_fail (BP_IS_RECOVERY_COPY (self), NULL);
  return self->title;
}

GFile *
bp_recovery_copy_get_file (BpRecoveryCopy *self)
{
  g_return_val_if_fail (BP_IS_RECOVERY_COPY (self), NULL);
  return self->file;
}

GDateTime *
bp_recovery_copy_get_time (BpRecoveryCopy *self)
{
  g_return_val_if_fail (BP_IS_RECOVERY_COPY (self), NULL);
  return self->time;
}

BpDocument *
bp_recovery_copy_restore (BpRecoveryCopy  *self,
                          GError         **error)
{
  g_autofree char *path = NULL;
  BpDocument *document;

  g_return_val_if_fail (BP_IS_RECOVERY_COPY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = bp_recovery_path (self->id, BP_RECOVERY_TEXT_SUFFIX);
  document = bp_bpj_load (path, error);
  if (document == NULL)
    {
      g_prefix_error (error, _("The recovery copy is damaged and cannot be restored: "));
      return NULL;
    }

  bp_history_mark_unsaved (bp_document_get_history (document));
  return document;
}

void
bp_recovery_copy_discard (BpRecoveryCopy *self)
{
  int fd;

  g_return_if_fail (BP_IS_RECOVERY_COPY (self));

  /* A copy that another Touchpoint took over meanwhile is its own. */
  fd = bp_recovery_lock (self->id);
  if (fd < 0)
    return;
  bp_recovery_remove_copy (self->id);
  bp_recovery_unlock (self->id, fd);
}
