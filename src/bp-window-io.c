/* bp-window-io.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bpj/bp-bpj.h"
#include "bp-window-private.h"

/* Files read and written in worker threads, so that a large blueprint
 * (100,000 steps take seconds to read) never freezes the window.
 *
 * Opening reads, checks and builds the document in the worker, and lays
 * it out there too: nothing else holds the new document yet, and neither
 * the model nor the layout touches a main context, so the main thread
 * only receives it whole. Saving makes the text here, as autosave does,
 * since the model is not thread-safe, and leaves writing and syncing it
 * to the worker. */

typedef struct {
  GFile       *file;
  char        *path;
  BpFileStamp *before;
  GPtrArray   *notices;   /* of a step sheet, shown as a new blueprint */
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  bp_file_stamp_free (job->before);
  g_clear_pointer (&job->notices, g_ptr_array_unref);
  g_free (job);
}

static void
forget_open (BpWindow *self)
{
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->opening);
  if (!self->saving)
    bp_file_progress_stop (self->progress);
}

/* The stamp comes before the reading, so that a teammate's save landing
 * meanwhile is announced rather than taken as the version read. */
static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  OpenJob *job = data;
  g_autoptr(BpDocument) document = NULL;
  GError *error = NULL;

  job->before = bp_file_stamp_new (job->file);
  if (bp_window_csv_is_sheet (job->file))
    document = bp_window_csv_load (job->path, &job->notices, &error);
  else
    document = bp_bpj_load (job->path, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, bp_layout_new (document), g_object_unref);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  BpWindow *self = BP_WINDOW (source);
  g_autoptr(GTask) outer = data;
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BpLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  layout = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: Cancel, a later open or the window closing has dealt
   * with the window already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  forget_open (self);
  if (layout == NULL)
    {
      bp_window_show_error (self, _("Could Not Open the File"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (job->notices != NULL)
    {
      bp_window_csv_show (self, layout, job->file, job->notices);
      g_task_return_boolean (outer, TRUE);
      return;
    }

  bp_window_show_layout (self, layout, job->file);
  bp_window_watch_file_as_read (self, job->before);
  uri = g_file_get_uri (job->file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  g_task_return_boolean (outer, TRUE);
}

void
bp_window_load_file (BpWindow            *self,
                     GFile               *file,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  OpenJob *job;

  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, bp_window_load_file);
  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      open_job_free (job);
      bp_window_show_error (self, _("Could Not Open the File"),
                            _("Only files on this computer can be opened."));
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be opened."));
      return;
    }

  /* The later of two opens into one window wins. */
  bp_window_cancel_open (self);
  self->open_cancellable = g_cancellable_new ();
  self->opening = g_object_ref (file);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Opening “%s”…"), name);
  bp_file_progress_start (self->progress, title, TRUE);

  task = g_task_new (self, self->open_cancellable, on_read, g_steal_pointer (&outer));
  g_task_set_source_tag (task, bp_window_load_file);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  /* Cancel answers at once; the worker's late result is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_in_thread);
}

gboolean
bp_window_load_file_finish (BpWindow      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
bp_window_get_opening_file (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->opening;
}

void
bp_window_cancel_open (BpWindow *self)
{
  if (self->open_cancellable == NULL)
    return;
  g_cancellable_cancel (self->open_cancellable);
  forget_open (self);
}

/* Saving */

typedef struct {
  GFile      *file;
  char       *path;
  char       *text;
  gsize       length;
  BpDocument *document;
  gulong      changed_handler;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->text);
  g_clear_signal_handler (&job->changed_handler, job->document);
  g_clear_object (&job->document);
  g_free (job);
}

static void
set_saving (BpWindow *self,
            gboolean  saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !saving);
  if (!saving && self->open_cancellable == NULL)
    bp_file_progress_stop (self->progress);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  SaveJob *job = data;
  GError *error = NULL;

  if (bp_bpj_save_text (job->text, job->length, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  BpWindow *self = BP_WINDOW (source);
  g_autoptr(GTask) outer = data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_clear_signal_handler (&job->changed_handler, job->document);

  /* A window closed meanwhile has let its document go: the file is
   * written all the same. */
  if (self->document == NULL)
    {
      g_task_return_boolean (outer, TRUE);
      return;
    }

  set_saving (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  bp_window_saved_to (self, job->file,
                      job->document == self->document && !self->changed_while_saving);
  g_task_return_boolean (outer, TRUE);
}

static void
on_changed_while_saving (BpWindow *self)
{
  self->changed_while_saving = TRUE;
}

void
bp_window_save_async (BpWindow            *self,
                      GFile               *file,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;
  SaveJob *job;

  g_task_set_source_tag (outer, bp_window_save_async);
  if (self->saving)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The blueprint is being saved already."));
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only files on this computer can be saved to."));
  else
    job->text = bp_bpj_write_for_file (self->document, job->path, &job->length, &error);
  if (error != NULL)
    {
      save_job_free (job);
      g_task_return_error (outer, error);
      return;
    }

  /* Edits made while the file is written are not in it: the document
   * then stays modified. */
  job->document = g_object_ref (self->document);
  self->changed_while_saving = FALSE;
  job->changed_handler = g_signal_connect_swapped (job->document, "changed",
                                                   G_CALLBACK (on_changed_while_saving), self);
  set_saving (self, TRUE);
  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Saving “%s”…"), name);
  bp_file_progress_start (self->progress, title, FALSE);

  task = g_task_new (self, NULL, on_written, g_steal_pointer (&outer));
  g_task_set_source_tag (task, bp_window_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
bp_window_save_finish (BpWindow      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The window's share */

static void
on_progress_cancel (BpWindow *self)
{
  bp_window_cancel_open (self);
}

void
bp_window_init_io (BpWindow *self)
{
  GtkWidget *banner = GTK_WIDGET (self->banner);

  /* Below the banner: a file opening while the banner speaks of the
   * one shown leaves both to be read. */
  self->progress = BP_FILE_PROGRESS (bp_file_progress_new ());
  gtk_widget_insert_after (GTK_WIDGET (self->progress), gtk_widget_get_parent (banner), banner);
  g_signal_connect_object (self->progress, "cancel",
                           G_CALLBACK (on_progress_cancel), self, G_CONNECT_SWAPPED);
}

void
bp_window_dispose_io (BpWindow *self)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->opening);
}
