/* bp-window.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bpj/bp-bpj.h"
#include "edit/bp-edit-commands.h"
#include "history/bp-history.h"
#include "bp-application.h"
#include "bp-palette.h"
#include "bp-print-operation.h"
#include "bp-text-focus.h"
#include "bp-window-private.h"

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, ADW_TYPE_APPLICATION_WINDOW)

static BpHistory *
window_history (BpWindow *self)
{
  return bp_document_get_history (self->document);
}

static char *
display_name (BpWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (*bp_document_get_title (self->document) != '\0')
    return g_strdup (bp_document_get_title (self->document));
  return g_strdup (_("New Blueprint"));
}

/* The header shows the file's name with a bullet while modified, and the
 * folder below it; undo and redo say what they will do. */
static void
update_title (BpWindow *self)
{
  gboolean modified = bp_history_get_modified (window_history (self));
  g_autofree char *name = display_name (self);
  g_autofree char *title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  g_autofree char *folder = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder ? folder : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The title follows every change of the file, and so does the name
   * kept beside the recovery copy. */
  if (self->autosave != NULL)
    bp_autosave_set_file (self->autosave, self->file);
}

static void
update_history_actions (BpWindow *self)
{
  BpHistory *history = window_history (self);
  const char *undo = bp_history_get_undo_label (history);
  const char *redo = bp_history_get_redo_label (history);
  g_autofree char *undo_tip = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Nothing to Undo"));
  g_autofree char *redo_tip = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Nothing to Redo"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo != NULL);
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
  update_title (self);
}

static void
update_zoom_label (BpWindow *self)
{
  double zoom = bp_view_state_get_zoom (bp_canvas_get_view_state (self->canvas));
  g_autofree char *label = g_strdup_printf ("%d %%", (int) (zoom * 100 + 0.5));

  gtk_button_set_label (GTK_BUTTON (self->zoom_button), label);
}

/* The recovery copy follows the document shown: one that is replaced
 * (Reload Theirs, or a file opened into an untouched window) goes with
 * its copy. */
static void
follow_document_for_recovery (BpWindow *self)
{
  if (self->autosave != NULL && bp_autosave_get_document (self->autosave) == self->document)
    return;

  if (self->autosave != NULL)
    bp_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  self->autosave = bp_autosave_new (self->document);
}

static BpSelection *
window_selection (BpWindow *self)
{
  return bp_canvas_get_selection (self->canvas);
}

/* The one lane or stage selected, or NULL. */
static BpItem *
selected_band (BpWindow *self)
{
  BpItem *item = bp_selection_get_item (window_selection (self), 0);

  if (bp_selection_get_count (window_selection (self)) != 1 ||
      !(BP_IS_LANE (item) || BP_IS_STAGE (item)))
    return NULL;
  return item;
}

static void
on_selection_changed (BpWindow *self)
{
  guint count;

  if (self->canvas == NULL)
    return;

  count = bp_selection_get_count (window_selection (self));
  bp_properties_panel_set_target (self->properties, self->document, window_selection (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-band", selected_band (self) != NULL);
}

/* @layout is @document's, made in a worker, or NULL. */
static void
show_document (BpWindow   *self,
               BpDocument *document,
               BpLayout   *layout,
               GFile      *file)
{
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->history_handler, window_history (self));
      g_clear_signal_handler (&self->title_handler, self->document);
    }

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  follow_document_for_recovery (self);

  self->history_handler =
    g_signal_connect_object (window_history (self), "notify",
                             G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  self->title_handler =
    g_signal_connect_object (document, "notify::title",
                             G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  if (layout != NULL)
    bp_canvas_set_layout (self->canvas, layout);
  else
    bp_canvas_set_document (self->canvas, document);
  update_history_actions (self);
  on_selection_changed (self);
  bp_window_watch_file (self);
  bp_window_compare_document_replaced (self);
}

void
bp_window_set_document (BpWindow   *self,
                        BpDocument *document,
                        GFile      *file)
{
  g_return_if_fail (BP_IS_WINDOW (self));
  g_return_if_fail (BP_IS_DOCUMENT (document));

  show_document (self, document, NULL, file);
}

void
bp_window_show_layout (BpWindow *self,
                       BpLayout *layout,
                       GFile    *file)
{
  show_document (self, bp_layout_get_document (layout), layout, file);
}

BpDocument *
bp_window_get_document (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->document;
}

BpCanvas *
bp_window_get_canvas (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->canvas;
}

GFile *
bp_window_get_file (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
bp_window_is_pristine (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->opening == NULL &&
         !bp_history_get_modified (window_history (self)) &&
         !bp_history_can_undo (window_history (self)) &&
         !bp_history_can_redo (window_history (self));
}

void
bp_window_show_error (BpWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
bp_window_save_to_file (BpWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be saved to."));
      return FALSE;
    }

  if (!bp_bpj_save (self->document, path, error))
    return FALSE;

  bp_window_saved_to (self, file, TRUE);
  return TRUE;
}

void
bp_window_saved_to (BpWindow *self,
                    GFile    *file,
                    gboolean  unchanged)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_set_object (&self->file, file);
  if (unchanged)
    bp_history_mark_saved (window_history (self));
  bp_window_watch_file (self);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  update_title (self);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  bp_canvas_cancel_drag (self->canvas);
  bp_history_undo (window_history (self));
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  bp_history_redo (window_history (BP_WINDOW (widget)));
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  bp_window_save (BP_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  bp_window_save_as (BP_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  bp_window_export (BP_WINDOW (widget));
}

static void
present_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  bp_window_present_blueprint (BP_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  bp_print_operation_print_document (self->document, GTK_WINDOW (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  BpCanvas *canvas = BP_WINDOW (widget)->canvas;

  if (g_str_equal (action, "win.zoom-in"))
    bp_canvas_zoom_in (canvas);
  else if (g_str_equal (action, "win.zoom-out"))
    bp_canvas_zoom_out (canvas);
  else if (g_str_equal (action, "win.zoom-reset"))
    bp_canvas_zoom_reset (canvas);
  else
    bp_canvas_zoom_to_fit (canvas);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  bp_selection_select_all (window_selection (BP_WINDOW (widget)));
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);
  BpStage *stage = bp_edit_add_stage (self->document, window_selection (self));

  if (stage != NULL)
    bp_canvas_reveal (self->canvas, BP_ITEM (stage));
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);
  BpLane *lane = bp_edit_add_lane (self->document, window_selection (self));

  if (lane != NULL)
    bp_canvas_reveal (self->canvas, BP_ITEM (lane));
}

static void
on_remove_band_response (AdwMessageDialog *dialog,
                         const char       *response,
                         BpWindow         *self)
{
  BpItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  g_autoptr(GError) error = NULL;

  /* The lane may have gone meanwhile (undo), or be the last one now. */
  if (!g_str_equal (response, "remove") || bp_item_get_document (item) != self->document)
    return;
  if (!bp_edit_remove_band (self->document, item, &error))
    bp_window_show_error (self, _("Cannot Remove"), error->message);
}

/* A lane or a stage takes its cards with it: say how many first. */
static void
remove_band_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);
  BpItem *item = selected_band (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_steps;

  if (item == NULL)
    return;

  if (!bp_edit_can_remove_band (self->document, item, &error))
    {
      bp_window_show_error (self, _("Cannot Remove"), error->message);
      return;
    }

  n_steps = bp_edit_count_band_cards (self->document, item);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "It holds %u card, which will be removed with its arrows. "
                                       "Undo brings everything back.",
                                       "It holds %u cards, which will be removed with their arrows. "
                                       "Undo brings everything back.", n_steps),
                          n_steps);
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   BP_IS_LANE (item) ? _("Remove Lane?") : _("Remove Stage?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_band_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cards and arrows go at once (undo brings them back); a lane or a stage
 * takes its cards with it, so it asks first, as Remove Lane does. */
static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (selected_band (self) != NULL)
    remove_band_action (widget, "win.remove-band", NULL);
  else
    bp_edit_delete_selection (self->document, window_selection (self));
}

static gboolean
on_close_request (GtkWindow *window)
{
  BpWindow *self = BP_WINDOW (window);

  /* A save still being written closes the window once it is done (and
   * asks then, if the document changed meanwhile). */
  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }

  /* TRUE keeps the window open while the user decides. */
  return bp_window_confirm_close (self);
}

static gboolean
on_file_dropped (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 BpWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    g_application_open (G_APPLICATION (app), (GFile **) &l->data, 1, "");
  return TRUE;
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  bp_window_dispose_io (self);
  bp_window_dispose_view (self);
  bp_window_dispose_compare (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);
  /* Closed cleanly: saved, or Discard chose to drop the changes (which
   * discarded the copy already). Changes that nobody saved or dropped
   * keep their copy for the next start. */
  if (self->autosave != NULL && !bp_history_get_modified (window_history (self)))
    bp_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->file_watch);

  G_OBJECT_CLASS (bp_window_parent_class)->dispose (object);
}

static void
bp_window_class_init (BpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bp_window_dispose;
  window_class->close_request = on_close_request;

  g_type_ensure (BP_TYPE_CANVAS);
  g_type_ensure (BP_TYPE_PALETTE);
  g_type_ensure (BP_TYPE_PROPERTIES_PANEL);
  g_type_ensure (BP_TYPE_INSIGHTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, properties);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, insights);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, side_stack);
  bp_window_class_init_watch (widget_class);
  bp_window_class_init_clipboard (widget_class);
  bp_window_class_init_csv (widget_class);
  bp_window_class_init_view (widget_class);
  bp_window_class_init_compare (widget_class);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "win.add-lane", NULL, add_lane_action);
  gtk_widget_class_install_action (widget_class, "win.remove-band", NULL, remove_band_action);
  bp_window_keys_class_init (widget_class);
}

/* Ctrl+A, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) select every card, undo
 * and redo in the document, except in a text field: there they select,
 * undo and redo the field's own text (or do nothing), and what is typed
 * is never lost to a change of the selection. The window hears them
 * last, after the focused widget has had its turn. */
static gboolean
document_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   action_name)
{
  if (bp_text_focus_is_in_text (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, action_name, NULL);
}

static void
add_document_shortcut (GtkShortcutController *controller,
                       const char            *trigger,
                       const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (document_shortcut,
                                                                                   (gpointer) action_name,
                                                                                   NULL)));
}

static void
add_document_shortcuts (BpWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  add_document_shortcut (shortcuts, "<Control>a", "win.select-all");
  add_document_shortcut (shortcuts, "<Control>z", "win.undo");
  add_document_shortcut (shortcuts, "<Control><Shift>z", "win.redo");
  add_document_shortcut (shortcuts, "<Control>y", "win.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The window's size is kept between runs, when the schema is installed
 * (an uninstalled build runs without it). */
static void
bind_window_settings (BpWindow *self)
{
  GSettings *settings = bp_application_get_settings ();

  if (settings == NULL)
    return;

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
bp_window_init (BpWindow *self)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  bp_window_init_compare (self);
  bp_insights_panel_set_canvas (self->insights, self->canvas);

  g_signal_connect_object (window_selection (self), "changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bp_canvas_get_view_state (self->canvas), "notify::zoom",
                           G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  add_document_shortcuts (self);
  bp_window_init_io (self);
  bp_window_init_clipboard (self);
  bp_window_set_document (self, document, NULL);
  update_zoom_label (self);
  bind_window_settings (self);
  bp_window_init_view (self);
}

BpWindow *
bp_window_new (GtkApplication *application)
{
  return g_object_new (BP_TYPE_WINDOW, "application", application, NULL);
}
