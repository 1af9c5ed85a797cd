/* bp-window-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bpj/bp-bpj.h"
#include "bp-compare-panel.h"
#include "bp-window-private.h"

/* Compare With…: the open blueprint with another file's, drawn on the
 * canvas (render/bp-render-compare.h) and listed in a panel beside it;
 * the comparison follows every edit until Leave or Escape. And Save as
 * Future State…, a copy that keeps every id, so that the two compare by
 * id. */

static gboolean
is_comparing (BpWindow *self)
{
  return self->compare_document != NULL;
}

static void
refresh (BpWindow *self)
{
  g_autoptr(BpComparison) comparison = NULL;

  if (!is_comparing (self))
    return;
  comparison = bp_compare (self->compare_document, self->document);
  bp_canvas_set_comparison (self->canvas, comparison, self->compare_layout);
  bp_compare_panel_set_comparison (self->compare_panel, comparison, self->compare_name);
}

static gboolean
refresh_idle (gpointer data)
{
  BpWindow *self = data;

  self->compare_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a drag, typing): compare once they settle into
 * a frame. */
static void
on_document_changed (BpWindow *self)
{
  if (self->compare_source == 0)
    self->compare_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, self, NULL);
}

static void
watch_document (BpWindow *self)
{
  g_clear_signal_handler (&self->compare_handler, self->compare_watched);
  g_clear_object (&self->compare_watched);
  if (!is_comparing (self))
    return;
  self->compare_watched = g_object_ref (self->document);
  self->compare_handler = g_signal_connect_swapped (self->document, "changed",
                                                    G_CALLBACK (on_document_changed), self);
}

void
bp_window_leave_comparison (BpWindow *self)
{
  g_clear_handle_id (&self->compare_source, g_source_remove);
  g_clear_object (&self->compare_document);
  g_clear_object (&self->compare_layout);
  g_clear_pointer (&self->compare_name, g_free);
  watch_document (self);
  bp_canvas_set_comparison (self->canvas, NULL, NULL);
  bp_compare_panel_set_comparison (self->compare_panel, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_panel), FALSE);
  gtk_widget_set_visible (self->compare_separator, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-comparison", FALSE);
}

gboolean
bp_window_compare_with (BpWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(BpDocument) other = NULL;

  other = path ? bp_bpj_load (path, error) : NULL;
  if (other == NULL)
    return FALSE;

  bp_window_leave_comparison (self);
  self->compare_document = g_steal_pointer (&other);
  self->compare_layout = bp_layout_new (self->compare_document);
  bp_layout_update (self->compare_layout);
  self->compare_name = g_file_get_basename (file);
  watch_document (self);
  refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_panel), TRUE);
  gtk_widget_set_visible (self->compare_separator, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-comparison", TRUE);
  return TRUE;
}

/* The open blueprint was replaced (opened, reloaded): compare that one. */
void
bp_window_compare_document_replaced (BpWindow *self)
{
  if (!is_comparing (self))
    return;
  watch_document (self);
  refresh (self);
}

static void
toast (BpWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_compare_response (GtkNativeDialog *dialog,
                     int              response,
                     BpWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!bp_window_compare_with (self, file, &error))
        toast (self, error->message);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Compare With"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  bp_window_add_blueprint_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_compare_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
leave_comparison_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  bp_window_leave_comparison (BP_WINDOW (widget));
}

gboolean
bp_window_save_future_state (BpWindow  *self,
                             GFile     *file,
                             GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autoptr(BpDocument) copy = NULL;
  gsize length;

  /* A copy read from the canonical text keeps every id, and leaves the
   * open document and its history as they are. */
  text = bp_bpj_write (self->document, &length);
  copy = bp_bpj_read (text, length, path, error);
  if (copy == NULL)
    return FALSE;
  bp_document_set_state (copy, BP_BLUEPRINT_STATE_FUTURE);
  return bp_bpj_save (copy, path, error);
}

static void
on_save_future_response (GtkNativeDialog *dialog,
                         int              response,
                         BpWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!bp_window_save_future_state (self, file, &error))
        toast (self, error->message);
      else
        toast (self, _("Saved the future state"));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_future_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BpWindow *self = BP_WINDOW (widget);
  const char *title = bp_document_get_title (self->document);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save as Future State"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  bp_window_add_blueprint_filter (GTK_FILE_CHOOSER (dialog));
  /* Translators: the file name offered for a future state; %s is the title */
  name = g_strdup_printf (_("%s (future).bpj"), *title ? title : _("Blueprint"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_future_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_item_activated (BpComparePanel *panel,
                   BpItem         *item,
                   BpWindow       *self)
{
  if (item == NULL || bp_item_get_document (item) != self->document)
    return;
  bp_selection_set (bp_canvas_get_selection (self->canvas), item);
  bp_canvas_reveal (self->canvas, item);
}

void
bp_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.leave-comparison", NULL,
                                   leave_comparison_action);
  gtk_widget_class_install_action (widget_class, "win.save-future", NULL, save_future_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-comparison", NULL);
}

/* The panel goes between the canvas and the properties, hidden until a
 * comparison starts. */
void
bp_window_init_compare (BpWindow *self)
{
  GtkWidget *content = adw_flap_get_content (self->properties_flap);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_object_ref (content);
  adw_flap_set_content (self->properties_flap, NULL);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  g_object_unref (content);

  self->compare_separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (box), self->compare_separator);
  self->compare_panel = bp_compare_panel_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->compare_panel));
  adw_flap_set_content (self->properties_flap, box);

  g_signal_connect_swapped (self->compare_panel, "leave",
                            G_CALLBACK (bp_window_leave_comparison), self);
  g_signal_connect (self->compare_panel, "item-activated", G_CALLBACK (on_item_activated), self);
  bp_window_leave_comparison (self);
}

void
bp_window_dispose_compare (BpWindow *self)
{
  g_clear_handle_id (&self->compare_source, g_source_remove);
  g_clear_signal_handler (&self->compare_handler, self->compare_watched);
  g_clear_object (&self->compare_watched);
  g_clear_object (&self->compare_document);
  g_clear_object (&self->compare_layout);
  g_clear_pointer (&self->compare_name, g_free);
}
