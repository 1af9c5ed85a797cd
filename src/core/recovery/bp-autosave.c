/* bp-autosave.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "recovery/bp-autosave.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "recovery/bp-recovery-private.h"

#define DEFAULT_DELAY    1000
#define DEFAULT_INTERVAL 10000

struct _BpAutosave
{
  GObject     parent_instance;

  BpDocument *document;
  GFile      *file;
  char       *id;
  guint       delay;
  guint       interval;

  guint       timeout_id;
  /* Monotonic time of the oldest change the copy does not hold yet; 0
   * when it holds them all. */
  gint64      unwritten_since;
  gboolean    writing;
  gboolean    discarded;
  gboolean    warned;
  /* Held while this process keeps the copy; -1 before the first one. */
  int         lock_fd;

  /* Orders the renames that put a written copy in place against the
   * removal of the copy, which may come while the thread writes: a copy
   * made before a removal never reappears after it. */
  GMutex      mutex;
  guint       generation;
};

G_DEFINE_FINAL_TYPE (BpAutosave, bp_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_ID,
  PROP_DELAY,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the thread writes: made on the main thread, owned by the task. */
typedef struct {
  char   *id;
  GBytes *text;
  GBytes *info;
  guint   generation;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_free (job->id);
  g_bytes_unref (job->text);
  g_bytes_unref (job->info);
  g_free (job);
}

static BpHistory *
history (BpAutosave *self)
{
  return bp_document_get_history (self->document);
}

static GBytes *
make_info (BpAutosave *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  char *data;
  gsize length;

  g_key_file_set_integer (keys, BP_RECOVERY_GROUP, "Version", 1);
  g_key_file_set_string (keys, BP_RECOVERY_GROUP, "Title", bp_document_get_title (self->document));
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (keys, BP_RECOVERY_GROUP, "File", uri);
    }
  g_key_file_set_int64 (keys, BP_RECOVERY_GROUP, "Time", g_get_real_time () / G_USEC_PER_SEC);

  data = g_key_file_to_data (keys, &length, NULL);
  return g_bytes_new_take (data, length);
}

/* The part of an autosave that needs the model: its canonical text. */
static WriteJob *
make_job (BpAutosave *self)
{
  WriteJob *job = g_new0 (WriteJob, 1);
  gsize length;
  char *text = bp_bpj_write (self->document, &length);

  job->id = g_strdup (self->id);
  job->text = g_bytes_new_take (text, length);
  job->info = make_info (self);
  job->generation = self->generation;
  return job;
}

static gboolean
write_new (const char  *path,
           GBytes      *bytes,
           GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Writes both files beside their places, then renames them into place,
 * the text first: the key file that lists a copy never comes before its
 * text. Sets @placed to FALSE when the copy was removed meanwhile. */
static gboolean
write_job_run (BpAutosave  *self,
               WriteJob    *job,
               gboolean    *placed,
               GError     **error)
{
  g_autofree char *text = bp_recovery_path (job->id, BP_RECOVERY_TEXT_SUFFIX);
  g_autofree char *info = bp_recovery_path (job->id, BP_RECOVERY_INFO_SUFFIX);
  g_autofree char *text_new = g_strconcat (text, ".new", NULL);
  g_autofree char *info_new = g_strconcat (info, ".new", NULL);
  gboolean ok = TRUE;
  int saved_errno = 0;

  *placed = FALSE;
  if (!bp_recovery_ensure_dir (error) ||
      !write_new (text_new, job->text, error) ||
      !write_new (info_new, job->info, error))
    {
      g_unlink (text_new);
      g_unlink (info_new);
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  if (job->generation == self->generation)
    {
      *placed = TRUE;
      if (g_rename (text_new, text) != 0 || g_rename (info_new, info) != 0)
        {
          saved_errno = errno;
          ok = FALSE;
        }
    }
  g_mutex_unlock (&self->mutex);

  if (!*placed || !ok)
    {
      g_unlink (text_new);
      g_unlink (info_new);
    }
  if (!ok)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("Could not write %s: %s"), text, g_strerror (saved_errno));
  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean placed;

  if (write_job_run (source, data, &placed, &error))
    g_task_return_boolean (task, placed);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BpAutosave *self = BP_AUTOSAVE (source);
  g_autoptr(GError) error = NULL;
  gboolean placed;

  self->writing = FALSE;
  placed = g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL)
    {
      /* Once: a full disk would otherwise say so every second. */
      if (!self->warned)
        g_warning ("No recovery copy: %s", error->message);
      self->warned = TRUE;
    }
  else if (placed)
    {
      g_signal_emit (self, signals[WRITTEN], 0);
    }

  /* Changes made while the thread wrote, whose timer came and went. */
  if (self->document != NULL && self->unwritten_since != 0 && self->timeout_id == 0)
    bp_autosave_flush (self);
}

/* Removes the copy, keeping the lock for the next one: the document is
 * at its saved point. */
static void
remove_copy (BpAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->unwritten_since = 0;
  if (self->lock_fd < 0)
    return;

  g_mutex_lock (&self->mutex);
  self->generation++;
  bp_recovery_remove_copy (self->id);
  g_mutex_unlock (&self->mutex);
}

static gboolean
on_timeout (gpointer data)
{
  BpAutosave *self = data;

  self->timeout_id = 0;

  /* A drag or a typing step is still open: its end state is the one to
   * keep, and writing would add work to every frame of it. */
  if (bp_history_get_depth (history (self)) > 0)
    {
      self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, self->delay,
                                             on_timeout, self, NULL);
      return G_SOURCE_REMOVE;
    }

  bp_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

/* The timer restarts with each change, but never waits past the
 * interval since the oldest change the copy lacks. */
static void
note_change (BpAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 waited;
  guint wait;

  if (self->discarded)
    return;

  if (self->unwritten_since == 0)
    self->unwritten_since = now;
  waited = (now - self->unwritten_since) / 1000;
  wait = waited >= self->interval ? 0 : MIN (self->delay, self->interval - waited);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Below input and drawing: a write never delays a frame. */
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, wait, on_timeout, self, NULL);
}

static void
on_history_notify (BpAutosave *self)
{
  if (self->discarded)
    return;

  if (bp_history_get_modified (history (self)))
    note_change (self);
  else
    remove_copy (self);
}

static void
bp_autosave_constructed (GObject *object)
{
  BpAutosave *self = BP_AUTOSAVE (object);

  G_OBJECT_CLASS (bp_autosave_parent_class)->constructed (object);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (note_change), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history (self), "notify::modified",
                           G_CALLBACK (on_history_notify), self, G_CONNECT_SWAPPED);

  if (bp_history_get_modified (history (self)))
    note_change (self);
}

/* A window that goes away without closing cleanly (the session ends)
 * leaves its latest changes behind for the next start. */
static void
write_last_changes (BpAutosave *self)
{
  g_autoptr(GError) error = NULL;
  WriteJob *job;
  gboolean placed;

  if (self->discarded || self->writing || self->unwritten_since == 0 ||
      !bp_history_get_modified (history (self)))
    return;

  if (self->lock_fd < 0)
    self->lock_fd = bp_recovery_lock (self->id);
  job = make_job (self);
  if (!write_job_run (self, job, &placed, &error))
    g_warning ("No recovery copy: %s", error->message);
  write_job_free (job);
}

static void
bp_autosave_dispose (GObject *object)
{
  BpAutosave *self = BP_AUTOSAVE (object);

  if (self->document != NULL)
    {
      write_last_changes (self);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (history (self), self);
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (bp_autosave_parent_class)->dispose (object);
}

static void
bp_autosave_finalize (GObject *object)
{
  BpAutosave *self = BP_AUTOSAVE (object);

  /* Releases the lock but keeps the copy, which is what a crash does. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_mutex_clear (&self->mutex);
  g_free (self->id);

  G_OBJECT_CLASS (bp_autosave_parent_class)->finalize (object);
}

static void
bp_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BpAutosave *self = BP_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_autosave_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BpAutosave *self = BP_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_FILE:
      bp_autosave_set_file (self, g_value_get_object (value));
      break;

    case PROP_DELAY:
      bp_autosave_set_delay (self, g_value_get_uint (value));
      break;

    case PROP_INTERVAL:
      bp_autosave_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_autosave_class_init (BpAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = bp_autosave_constructed;
  object_class->dispose = bp_autosave_dispose;
  object_class->finalize = bp_autosave_finalize;
  object_class->get_property = bp_autosave_get_property;
  object_class->set_property = bp_autosave_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXINT, DEFAULT_DELAY, rw);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXINT, DEFAULT_INTERVAL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bp_autosave_init (BpAutosave *self)
{
  self->id = g_uuid_string_random ();
  self->delay = DEFAULT_DELAY;
  self->interval = DEFAULT_INTERVAL;
  self->lock_fd = -1;
  g_mutex_init (&self->mutex);
}

BpAutosave *
bp_autosave_new (BpDocument *document)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  return g_object_new (BP_TYPE_AUTOSAVE, "document", document, NULL);
}

BpDocument *
bp_autosave_get_document (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), NULL);
  return self->document;
}

const char *
bp_autosave_get_id (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), NULL);
  return self->id;
}

char *
bp_autosave_get_path (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), NULL);
  return bp_recovery_path (self->id, BP_RECOVERY_TEXT_SUFFIX);
}

GFile *
bp_autosave_get_file (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), NULL);
  return self->file;
}

void
bp_autosave_set_file (BpAutosave *self,
                      GFile      *file)
{
  g_return_if_fail (BP_IS_AUTOSAVE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  /* A copy on disk names the old file. */
  if (self->document != NULL && bp_history_get_modified (history (self)))
    note_change (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

guint
bp_autosave_get_delay (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), 0);
  return self->delay;
}

void
bp_autosave_set_delay (BpAutosave *self,
                       guint       delay)
{
  g_return_if_fail (BP_IS_AUTOSAVE (self));

  if (self->delay == delay)
    return;
  self->delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

guint
bp_autosave_get_interval (BpAutosave *self)
{
  g_return_val_if_fail (BP_IS_AUTOSAVE (self), 0);
  return self->interval;
}

void
bp_autosave_set_interval (BpAutosave *self,
                          guint       interval)
{
  g_return_if_fail (BP_IS_AUTOSAVE (self));

  if (self->interval == interval)
    return;
  self->interval = interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

void
bp_autosave_flush (BpAutosave *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BP_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->discarded || self->unwritten_since == 0)
    return;
  if (!bp_history_get_modified (history (self)))
    {
      remove_copy (self);
      return;
    }
  /* on_written() comes back for these changes. */
  if (self->writing)
    return;

  if (self->lock_fd < 0 && bp_recovery_ensure_dir (NULL))
    self->lock_fd = bp_recovery_lock (self->id);

  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, bp_autosave_flush);
  g_task_set_task_data (task, make_job (self), write_job_free);
  self->unwritten_since = 0;
  self->writing = TRUE;
  g_task_run_in_thread (task, write_thread);
}

gboolean
bp_autosave_adopt (BpAutosave     *self,
                   BpRecoveryCopy *copy)
{
  const char *id;
  int fd;

  g_return_val_if_fail (BP_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (BP_IS_RECOVERY_COPY (copy), FALSE);

  id = bp_recovery_copy_get_id (copy);
  if (g_strcmp0 (id, self->id) == 0)
    return TRUE;

  fd = bp_recovery_lock (id);
  if (fd < 0)
    return FALSE;

  /* The copy holds the document as it is: nothing is left to write. */
  remove_copy (self);
  bp_recovery_unlock (self->id, self->lock_fd);
  g_free (self->id);
  self->id = g_strdup (id);
  self->lock_fd = fd;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  return TRUE;
}

void
bp_autosave_discard (BpAutosave *self)
{
  g_return_if_fail (BP_IS_AUTOSAVE (self));

  if (self->discarded)
    return;

  remove_copy (self);
  bp_recovery_unlock (self->id, self->lock_fd);
  self->lock_fd = -1;
  self->discarded = TRUE;
}
