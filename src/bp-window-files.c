/* bp-window-files.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "history/bp-history.h"
#include "bp-replace-question.h"
#include "bp-window-private.h"

/* The file chooser, Save, Save As and the question asked before a
 * window with unsaved changes closes. GtkFileChooserNative works on every
 * GTK from 4.8 on and goes through the portal inside a sandbox. */

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
bp_window_add_blueprint_filter (GtkFileChooser *chooser)
{
  add_filter (chooser, _("Service blueprints"), "application/x-service-blueprint+json", "*.bpj");
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  GtkApplication  *application)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_application_open (G_APPLICATION (application), &file, 1, "");
        }
    }
  g_object_unref (dialog);
}

void
bp_window_open_dialog (GtkWindow      *parent,
                       GtkApplication *application)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open Blueprint"), parent,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  bp_window_add_blueprint_filter (GTK_FILE_CHOOSER (dialog));
  bp_window_csv_add_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), application);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_save_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        BpWindow         *self)
{
  if (g_str_equal (response, "save-as"))
    bp_window_save_as (self);
}

static void after_save (BpWindow *self,
                        gboolean  saved);

static void
report_save_error (BpWindow     *self,
                   const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is why the save failed, naming the file. */
  body = g_strdup_printf (_("%s\n\nYour changes are still here: Save As can keep them somewhere else."),
                          error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Blueprint"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A failed save leaves the document modified, so nothing is lost: the
 * user reads why (the file and the cause, "No space left on device") and
 * can Save As elsewhere, from the dialog itself. */
static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  BpWindow *self = BP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  gboolean saved = bp_window_save_finish (self, result, &error);

  /* A second save asked for while one runs is simply not started. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
    return;
  if (!saved)
    report_save_error (self, error);
  after_save (self, saved);
}

static void
save_then_report (BpWindow *self,
                  GFile    *file)
{
  bp_window_save_async (self, file, on_saved, NULL);
}

static gboolean
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog that asked has gone: destroying the
 * dialog's parent from inside its response handler leaves GTK 4.8 to
 * finalize the dialog against a destroyed window. */
static void
close_window_later (BpWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
}

static void
after_save (BpWindow *self,
            gboolean  saved)
{
  gboolean close = self->close_after_save;

  self->close_after_save = FALSE;
  /* Changes made while the file was written are asked about. */
  if (saved && close && !bp_window_confirm_close (self))
    close_window_later (self);
}

static void
on_replace_response (AdwMessageDialog *question,
                     const char       *response,
                     BpWindow         *self)
{
  GFile *file = bp_replace_question_get_file (question);

  if (g_str_equal (response, "replace"))
    save_then_report (self, file);
  else
    after_save (self, FALSE);
}

/* The chooser asked before replacing the name the user typed, not the
 * one with .bpj added. */
static void
ask_before_replacing (BpWindow *self,
                      GFile    *file)
{
  AdwMessageDialog *question = bp_replace_question_new (GTK_WINDOW (self), file);

  g_signal_connect_object (question, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (question));
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     BpWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      after_save (self, FALSE);
      goto out;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  name = g_file_get_basename (file);

  /* Files of this kind end in .bpj; add it when the user left it out. */
  if (!g_str_has_suffix (name, ".bpj"))
    {
      g_autofree char *with_suffix = g_strconcat (name, ".bpj", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_set_object (&file, g_file_get_child (parent, with_suffix));
      if (g_file_query_exists (file, NULL))
        {
          ask_before_replacing (self, file);
          goto out;
        }
    }
  save_then_report (self, file);

out:
  g_object_unref (dialog);
  g_object_unref (self);
}

void
bp_window_save_as (BpWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->saving)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Blueprint"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  bp_window_add_blueprint_filter (GTK_FILE_CHOOSER (dialog));
  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
    }
  else
    {
      const char *title = bp_document_get_title (self->document);

      name = g_strconcat (*title ? title : _("Blueprint"), ".bpj", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       BpWindow         *self)
{
  if (g_str_equal (response, "overwrite"))
    save_then_report (self, self->file);
  else if (g_str_equal (response, "save-as"))
    bp_window_save_as (self);
  else
    after_save (self, FALSE);
}

/* Someone else saved the file since it was loaded or last saved here:
 * replacing their version is the user's decision, never a silent one. */
static void
ask_before_overwrite (BpWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Someone else saved “%s” after you opened it. "
                            "Saving now replaces their version with yours."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Their Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save writes the window's file, unless it cannot: a new document, a
 * read-only file, or one deleted or moved away go to Save As; a file
 * changed by someone else asks first. */
void
bp_window_save (BpWindow *self)
{
  BpFileWatchState state;

  if (self->saving)
    return;

  if (self->file == NULL || self->read_only)
    {
      bp_window_save_as (self);
      return;
    }

  state = bp_window_watch_check (self);
  if (state == BP_FILE_WATCH_GONE)
    bp_window_save_as (self);
  else if (state == BP_FILE_WATCH_CHANGED)
    ask_before_overwrite (self);
  else
    save_then_report (self, self->file);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BpWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      bp_autosave_discard (self->autosave);
      close_window_later (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      bp_window_save (self);
    }
}

gboolean
bp_window_confirm_close (BpWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!bp_history_get_modified (bp_document_get_history (self->document)))
    return FALSE;

  name = self->file ? g_file_get_basename (self->file) : g_strdup (_("New Blueprint"));
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Changes that are not saved are lost when the window closes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
