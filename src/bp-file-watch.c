/* bp-file-watch.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <stdlib.h>

#include "bp-file-watch.h"

/* What tells one version of a file from another without reading it: the
 * etag (the modification time to the microsecond), the size, and the
 * inode, which changes when a program saves by renaming a new file over
 * the old one, as most do. */
struct _BpFileStamp {
  gboolean  exists;
  char     *etag;
  guint64   size;
  guint64   inode;
};
typedef BpFileStamp Stamp;

struct _BpFileWatch
{
  GObject            parent_instance;

  GFile             *file;
  GPtrArray         *monitors;
  Stamp              known;
  BpFileWatchState   announced;
  Stamp              announced_stamp;
  guint              settle_source;
};

G_DEFINE_FINAL_TYPE (BpFileWatch, bp_file_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stamp_clear (Stamp *stamp)
{
  g_clear_pointer (&stamp->etag, g_free);
  *stamp = (Stamp) { FALSE, NULL, 0, 0 };
}

static void
stamp_copy (Stamp       *dest,
            const Stamp *src)
{
  stamp_clear (dest);
  *dest = *src;
  dest->etag = g_strdup (src->etag);
}

static gboolean
stamp_equal (const Stamp *a,
             const Stamp *b)
{
  if (a->exists != b->exists)
    return FALSE;
  return !a->exists ||
         (g_strcmp0 (a->etag, b->etag) == 0 && a->size == b->size && a->inode == b->inode);
}

/* FALSE when the file cannot be looked at (a folder without permission,
 * say): that is no reason to think it changed. */
static gboolean
query_stamp (GFile *file,
             Stamp *stamp)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  stamp_clear (stamp);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  stamp->exists = TRUE;
  stamp->etag = g_strdup (g_file_info_get_etag (info));
  stamp->size = g_file_info_get_size (info);
  stamp->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  return TRUE;
}

static BpFileWatchState
compare (BpFileWatch *self,
         Stamp       *now)
{
  if (!query_stamp (self->file, now))
    {
      stamp_copy (now, &self->known);
      return BP_FILE_WATCH_SAME;
    }
  if (!now->exists)
    return BP_FILE_WATCH_GONE;
  return stamp_equal (now, &self->known) ? BP_FILE_WATCH_SAME : BP_FILE_WATCH_CHANGED;
}

static gboolean
settle_cb (gpointer data)
{
  BpFileWatch *self = data;
  Stamp now = { 0 };
  BpFileWatchState state;

  self->settle_source = 0;
  state = compare (self, &now);

  /* Announce each outside version once. */
  if (state != self->announced ||
      (state == BP_FILE_WATCH_CHANGED && !stamp_equal (&now, &self->announced_stamp)))
    {
      self->announced = state;
      stamp_copy (&self->announced_stamp, &now);
      g_signal_emit (self, signals[CHANGED], 0, state);
    }

  stamp_clear (&now);
  return G_SOURCE_REMOVE;
}

/* Every event only restarts the wait: an outside save is many events
 * (create, write, rename, attributes), and a program that writes in
 * place leaves a half-written file between them. */
static void
on_monitor_event (BpFileWatch *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (BP_FILE_WATCH_SETTLE_MS, settle_cb, self);
}

static void
add_monitor (BpFileWatch *self,
             GFile       *file)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

  /* Without a monitor (some network shares) Save still compares. */
  if (monitor == NULL)
    {
      g_debug ("%s: not watched: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect_swapped (monitor, "changed", G_CALLBACK (on_monitor_event), self);
  g_ptr_array_add (self->monitors, monitor);
}

static void
bp_file_watch_dispose (GObject *object)
{
  BpFileWatch *self = BP_FILE_WATCH (object);

  g_clear_handle_id (&self->settle_source, g_source_remove);
  for (guint i = 0; i < self->monitors->len; i++)
    {
      GFileMonitor *monitor = g_ptr_array_index (self->monitors, i);

      g_signal_handlers_disconnect_by_data (monitor, self);
      g_file_monitor_cancel (monitor);
    }
  g_ptr_array_set_size (self->monitors, 0);

  G_OBJECT_CLASS (bp_file_watch_parent_class)->dispose (object);
}

static void
bp_file_watch_finalize (GObject *object)
{
  BpFileWatch *self = BP_FILE_WATCH (object);

  g_clear_object (&self->file);
  g_ptr_array_unref (self->monitors);
  stamp_clear (&self->known);
  stamp_clear (&self->announced_stamp);

  G_OBJECT_CLASS (bp_file_watch_parent_class)->finalize (object);
}

static void
bp_file_watch_class_init (BpFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_file_watch_dispose;
  object_class->finalize = bp_file_watch_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
bp_file_watch_init (BpFileWatch *self)
{
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

BpFileWatch *
bp_file_watch_new (GFile *file)
{
  BpFileWatch *self;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (BP_TYPE_FILE_WATCH, NULL);
  self->file = g_object_ref (file);
  bp_file_watch_mark_current (self);

  /* A link's target may live in another folder, whose changes a monitor
   * on the link alone would miss. */
  add_monitor (self, file);
  path = g_file_get_path (file);
  real = path ? realpath (path, NULL) : NULL;
  if (real != NULL && g_strcmp0 (real, path) != 0)
    {
      g_autoptr(GFile) target = g_file_new_for_path (real);
      add_monitor (self, target);
    }

  return self;
}

GFile *
bp_file_watch_get_file (BpFileWatch *self)
{
  g_return_val_if_fail (BP_IS_FILE_WATCH (self), NULL);
  return self->file;
}

void
bp_file_watch_mark_current (BpFileWatch *self)
{
  g_return_if_fail (BP_IS_FILE_WATCH (self));

  if (!query_stamp (self->file, &self->known))
    self->known.exists = TRUE;
  self->announced = self->known.exists ? BP_FILE_WATCH_SAME : BP_FILE_WATCH_GONE;
  stamp_copy (&self->announced_stamp, &self->known);
}

void
bp_file_watch_mark_unknown (BpFileWatch *self)
{
  g_return_if_fail (BP_IS_FILE_WATCH (self));

  /* No file has this stamp: whatever is on disk counts as changed. */
  stamp_clear (&self->known);
  self->known.exists = TRUE;
  self->known.size = G_MAXUINT64;
  self->announced = BP_FILE_WATCH_CHANGED;
}

BpFileStamp *
bp_file_stamp_new (GFile *file)
{
  Stamp *stamp = g_new0 (Stamp, 1);

  g_return_val_if_fail (G_IS_FILE (file), stamp);

  /* Unreadable now: no version is known, so any file counts as changed. */
  if (!query_stamp (file, stamp))
    *stamp = (Stamp) { TRUE, NULL, G_MAXUINT64, 0 };
  return stamp;
}

void
bp_file_stamp_free (BpFileStamp *stamp)
{
  if (stamp == NULL)
    return;
  stamp_clear (stamp);
  g_free (stamp);
}

void
bp_file_watch_mark_known (BpFileWatch       *self,
                          const BpFileStamp *stamp)
{
  g_return_if_fail (BP_IS_FILE_WATCH (self));
  g_return_if_fail (stamp != NULL);

  stamp_copy (&self->known, stamp);
  self->announced = self->known.exists ? BP_FILE_WATCH_SAME : BP_FILE_WATCH_GONE;
  stamp_copy (&self->announced_stamp, &self->known);
  /* A write between the stamp and now may have no event left to come:
   * look once more, as after an event. */
  on_monitor_event (self);
}

BpFileWatchState
bp_file_watch_check (BpFileWatch *self)
{
  Stamp now = { 0 };
  BpFileWatchState state;

  g_return_val_if_fail (BP_IS_FILE_WATCH (self), BP_FILE_WATCH_SAME);

  state = compare (self, &now);
  stamp_clear (&now);
  return state;
}
