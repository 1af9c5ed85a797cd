/* bp-window-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "csv/bp-csv.h"
#include "history/bp-history.h"
#include "bp-window-private.h"

/* Step sheets in the editor. Open takes .csv and .tsv files (read in the
 * open's worker thread, bp-window-io.c) and shows each as a new, unsaved
 * blueprint, since Save must never write a .bpj over the team's sheet;
 * what the reader had to guess is one click away in a toast. Export as
 * CSV writes the blueprint's step sheet. */

gboolean
bp_window_csv_is_sheet (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return bp_csv_path_is_sheet (name);
}

/* Runs in a worker thread: nothing here touches the window. */
BpDocument *
bp_window_csv_load (const char  *path,
                    GPtrArray  **notices,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  BpDocument *document;
  GStatBuf st;
  gsize length;

  /* A sheet too large to read is refused before it is read. */
  if (g_stat (path, &st) == 0 && st.st_size > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_LIMIT,
                   _("%s: the sheet is larger than 64 MiB"), display);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  document = bp_csv_import (contents, length, notices, error);
  if (document == NULL)
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }
  bp_csv_name_after_sheet (document, path);
  return document;
}

static void
on_notes_clicked (AdwToast *toast,
                  BpWindow *self)
{
  const char *notes = g_object_get_data (G_OBJECT (toast), "notes");
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("How the Sheet Was Read"), notes);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
join_notices (GPtrArray *notices)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < notices->len; i++)
    g_string_append_printf (out, "%s• %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (notices, i));
  return g_string_free (out, FALSE);
}

void
bp_window_csv_show (BpWindow  *self,
                    BpLayout  *layout,
                    GFile     *file,
                    GPtrArray *notices)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  bp_window_show_layout (self, layout, NULL);
  /* Unsaved, so that closing the window asks before losing it. */
  bp_history_mark_unsaved (bp_document_get_history (bp_layout_get_document (layout)));

  /* The toast's title is markup. */
  title = g_strdup_printf (_("Made from “%s”, not saved yet"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (notices != NULL && notices->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Notes"));
      g_object_set_data_full (G_OBJECT (toast), "notes", join_notices (notices), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_notes_clicked), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* File ▸ Import Step Sheet… */

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    GtkApplication  *application)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        g_application_open (G_APPLICATION (application), &file, 1, "");
    }
  g_object_unref (dialog);
}

void
bp_window_csv_add_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Step sheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Import Step Sheet"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));

  bp_window_csv_add_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response),
                    gtk_window_get_application (GTK_WINDOW (widget)));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* File ▸ Export as CSV… */

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  GBytes *text = data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (text, &length);

  if (bp_bpj_save_text (bytes, length, path, &error))
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
  GFile *file = g_object_get_data (G_OBJECT (result), "file");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *escaped = NULL, *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      bp_window_show_error (self, _("Could Not Export the Step Sheet"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  escaped = g_markup_escape_text (name, -1);
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
bp_window_csv_export_to (BpWindow *self,
                         GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_written, NULL);
  gsize length;
  /* Made here: the model belongs to the main thread. */
  char *text = bp_csv_export (self->document, &length);

  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, g_bytes_new_take (text, length), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_in_thread);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    BpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && g_file_peek_path (file) != NULL)
        bp_window_csv_export_to (self, file);
      else if (file != NULL)
        bp_window_show_error (self, _("Could Not Export the Step Sheet"),
                              _("Only files on this computer can be written."));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Export as CSV"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = NULL;

  bp_window_csv_add_filter (GTK_FILE_CHOOSER (dialog));
  if (self->file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, ".csv", NULL);
    }
  else
    {
      const char *title = bp_document_get_title (self->document);

      name = g_strconcat (*title ? title : _("Blueprint"), ".csv", NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
bp_window_class_init_csv (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_action);
}
