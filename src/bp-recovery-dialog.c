/* bp-recovery-dialog.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "history/bp-history.h"
#include "recovery/bp-recovery-copy.h"
#include "bp-recovery-dialog.h"
#include "bp-window-private.h"

struct _BpRecoveryDialog
{
  AdwMessageDialog  parent_instance;

  BpApplication    *application;
  GPtrArray        *copies;
  /* One check button per copy when there are several; else empty. */
  GPtrArray        *checks;
};

G_DEFINE_FINAL_TYPE (BpRecoveryDialog, bp_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* What the window would be called: the title, the file's name, or what a
 * new window is called. */
static char *
copy_name (BpRecoveryCopy *copy)
{
  GFile *file = bp_recovery_copy_get_file (copy);

  if (*bp_recovery_copy_get_title (copy) != '\0')
    return g_strdup (bp_recovery_copy_get_title (copy));
  if (file != NULL)
    return g_file_get_basename (file);
  return g_strdup (_("New Blueprint"));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *clock = g_date_time_format (local, "%R");

  if (same_day (now, local))
    /* Translators: when a recovery copy was written; %s is a time, "14:05" */
    return g_strdup_printf (_("Today at %s"), clock);
  if (same_day (yesterday, local))
    /* Translators: when a recovery copy was written; %s is a time, "14:05" */
    return g_strdup_printf (_("Yesterday at %s"), clock);

  /* Translators: when a recovery copy was written, as a
   * g_date_time_format() string: "21 November 2026, 14:05".
   * xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y, %R"));
}

/* "~/Projects/loan.bpj", and below it "Today at 14:05" */
static char *
copy_subtitle (BpRecoveryCopy *copy)
{
  GFile *file = bp_recovery_copy_get_file (copy);
  g_autofree char *time = format_time (bp_recovery_copy_get_time (copy));
  g_autofree char *where = NULL;

  if (file == NULL)
    {
      where = g_strdup (_("Never saved"));
    }
  else
    {
      g_autofree char *path = g_file_get_parse_name (file);
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
        where = g_strconcat ("~", path + strlen (home), NULL);
      else
        where = g_steal_pointer (&path);
    }

  return g_strdup_printf ("%s\n%s", where, time);
}

static GtkWidget *
make_list (BpRecoveryDialog *self)
{
  GtkWidget *list = gtk_list_box_new ();

  /* Room for a path on one line, beside the dialog's usual width. */
  gtk_widget_set_size_request (list, 360, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < self->copies->len; i++)
    {
      BpRecoveryCopy *copy = g_ptr_array_index (self->copies, i);
      g_autofree char *name = copy_name (copy);
      g_autofree char *subtitle = copy_subtitle (copy);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      if (self->copies->len > 1)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          g_ptr_array_add (self->checks, check);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

/* A window nobody uses yet: new, empty and unmodified. */
static gboolean
is_unused (BpWindow *window)
{
  return window != NULL && bp_window_is_pristine (window);
}

/* The window for a restored copy: the one showing its file while it has
 * no changes of its own, or an untouched one, or a new one. */
static BpWindow *
window_for (BpRecoveryDialog *self,
            BpRecoveryCopy   *copy)
{
  GFile *file = bp_recovery_copy_get_file (copy);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  BpWindow *window = NULL;

  if (file != NULL)
    window = bp_application_find_window (self->application, file);
  if (window != NULL &&
      !bp_history_get_modified (bp_document_get_history (bp_window_get_document (window))))
    return window;

  if (BP_IS_WINDOW (parent) && is_unused (BP_WINDOW (parent)))
    return BP_WINDOW (parent);

  return bp_application_new_window (self->application);
}

static void
restore_copy (BpRecoveryDialog *self,
              BpRecoveryCopy   *copy)
{
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  BpWindow *window;

  document = bp_recovery_copy_restore (copy, &error);
  if (document == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      g_autofree char *name = copy_name (copy);
      g_autofree char *heading = g_strdup_printf (_("Could Not Restore “%s”"), name);

      /* The copy stays: the next start offers it again, to discard. */
      if (BP_IS_WINDOW (parent))
        bp_window_show_error (BP_WINDOW (parent), heading, error->message);
      else
        g_warning ("%s: %s", heading, error->message);
      return;
    }

  window = window_for (self, copy);
  bp_window_set_document (window, document, bp_recovery_copy_get_file (copy));
  /* Someone may have saved the file after the copy was made. */
  bp_window_watch_file_from (window, bp_recovery_copy_get_time (copy));
  /* Until it is saved, the restored document is kept in the same copy. */
  if (!bp_autosave_adopt (window->autosave, copy))
    g_debug ("Recovery copy %s was taken over by another Touchpoint",
             bp_recovery_copy_get_id (copy));
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_chosen (BpRecoveryDialog *self,
           guint             index)
{
  return self->checks->len == 0 ||
         gtk_check_button_get_active (g_ptr_array_index (self->checks, index));
}

static void
on_response (BpRecoveryDialog *self,
             const char       *response)
{
  gboolean restore = g_str_equal (response, "restore");

  /* Closed without a choice: the copies wait for the next start. */
  if (!restore && !g_str_equal (response, "discard"))
    return;

  for (guint i = 0; i < self->copies->len; i++)
    {
      BpRecoveryCopy *copy = g_ptr_array_index (self->copies, i);

      if (restore && is_chosen (self, i))
        restore_copy (self, copy);
      else
        bp_recovery_copy_discard (copy);
    }
}

static void
bp_recovery_dialog_dispose (GObject *object)
{
  BpRecoveryDialog *self = BP_RECOVERY_DIALOG (object);

  g_clear_object (&self->application);
  g_clear_pointer (&self->copies, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_recovery_dialog_parent_class)->dispose (object);
}

static void
bp_recovery_dialog_class_init (BpRecoveryDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bp_recovery_dialog_dispose;
}

static void
bp_recovery_dialog_init (BpRecoveryDialog *self)
{
  self->checks = g_ptr_array_new ();
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}

gboolean
bp_recovery_dialog_offer (BpApplication *application,
                          GtkWindow     *parent)
{
  g_autoptr(GPtrArray) copies = bp_recovery_copy_list ();
  BpRecoveryDialog *self;
  AdwMessageDialog *dialog;
  const char *heading;

  g_return_val_if_fail (BP_IS_APPLICATION (application), FALSE);

  if (copies->len == 0)
    return FALSE;

  heading = _("Restore Unsaved Changes?");
  self = g_object_new (BP_TYPE_RECOVERY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", heading,
                       "heading", heading,
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->application = g_object_ref (application);
  self->copies = g_steal_pointer (&copies);

  adw_message_dialog_set_body (dialog,
                               self->copies->len == 1
                               ? _("Touchpoint closed before these changes were saved.")
                               : _("Touchpoint closed before these changes were saved. "
                                   "The blueprints that are not ticked are discarded."));
  adw_message_dialog_set_extra_child (dialog, make_list (self));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");

  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}
