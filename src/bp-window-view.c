/* bp-window-view.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "edit/bp-find.h"
#include "bp-application.h"
#include "bp-window-private.h"

/* The panels beside the canvas (each can be hidden, and folds away over
 * the canvas in a narrow window), the legend, and Find. */

/* ------------------------------------------------------------------ */
/* Panels                                                              */

/* A panel shown or hidden by hand is remembered; one folded away by a
 * narrow window is not. */
static void
on_reveal_changed (AdwFlap    *flap,
                   GParamSpec *pspec,
                   const char *key)
{
  GSettings *settings = bp_application_get_settings ();

  if (settings == NULL || adw_flap_get_folded (flap))
    return;
  g_settings_set_boolean (settings, key, adw_flap_get_reveal_flap (flap));
}

/* Back to the width for it: the panel is as the user left it. */
static void
on_folded_changed (AdwFlap    *flap,
                   GParamSpec *pspec,
                   const char *key)
{
  GSettings *settings = bp_application_get_settings ();

  if (adw_flap_get_folded (flap))
    adw_flap_set_reveal_flap (flap, FALSE);
  else
    adw_flap_set_reveal_flap (flap, settings == NULL || g_settings_get_boolean (settings, key));
}

static void
init_panel (AdwFlap    *flap,
            const char *key)
{
  on_folded_changed (flap, NULL, (gpointer) key);
  g_signal_connect (flap, "notify::folded", G_CALLBACK (on_folded_changed), (gpointer) key);
  g_signal_connect (flap, "notify::reveal-flap", G_CALLBACK (on_reveal_changed), (gpointer) key);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

/* The view.* actions: toggles of the panels (and the legend). */
static void
init_view_actions (BpWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) palette = NULL;
  g_autoptr(GPropertyAction) properties = NULL;
  g_autoptr(GPropertyAction) legend = NULL;
  g_autoptr(GPropertyAction) crossings = NULL;
  GSettings *settings = bp_application_get_settings ();
  GtkEventController *shortcuts;

  palette = g_property_action_new ("show-palette", self->palette_flap, "reveal-flap");
  properties = g_property_action_new ("show-properties", self->properties_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (palette));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (properties));
  legend = g_property_action_new ("show-legend", self->canvas, "show-legend");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (legend));
  crossings = g_property_action_new ("show-crossings", self->canvas, "show-crossings");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (crossings));
  if (settings != NULL)
    g_settings_bind (settings, "show-legend", self->canvas, "show-legend", G_SETTINGS_BIND_DEFAULT);
  else
    bp_canvas_set_show_legend (self->canvas, TRUE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (group));

  /* F9 shows or hides the side panel, as across GNOME; F8, the one on
   * the other side. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "F9", "view.show-properties");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "F8", "view.show-palette");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}


/* ------------------------------------------------------------------ */
/* Find                                                                */

static void
show_count (BpWindow *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (self->matches == NULL || self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* TRANSLATORS: the match shown, of how many, as in "2 of 5" */
    text = g_strdup_printf (_("%u of %u"), self->match + 1, self->matches->len);

  gtk_label_set_text (self->search_count, text);
  if (query[0] != '\0' && (self->matches == NULL || self->matches->len == 0))
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
show_match (BpWindow *self)
{
  BpItem *item;

  show_count (self);
  if (self->matches == NULL || self->matches->len == 0)
    return;

  item = g_ptr_array_index (self->matches, self->match);
  bp_selection_set (bp_canvas_get_selection (self->canvas), item);
  bp_canvas_reveal (self->canvas, item);
}

/* The cards that match now (the document may have changed since the
 * last search); the one shown stays the one shown, if it still
 * matches. */
static void
find_matches (BpWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gpointer shown = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint index;

  if (self->matches != NULL && self->match < self->matches->len)
    shown = g_ptr_array_index (self->matches, self->match);

  found = bp_find_steps (self->document, query);
  if (shown == NULL || !g_ptr_array_find (found, shown, &index))
    index = 0;

  for (guint i = 0; i < found->len; i++)
    g_object_ref (g_ptr_array_index (found, i));
  g_ptr_array_set_free_func (found, g_object_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_steal_pointer (&found);
  self->match = index;
}

static void
step_match (BpWindow *self,
            int       direction)
{
  find_matches (self);
  if (self->matches->len > 0)
    self->match = (self->match + self->matches->len + direction) % self->matches->len;
  show_match (self);
}

/* The card shown stays shown while it still matches what is typed. */
static void
on_search_changed (BpWindow *self)
{
  find_matches (self);
  show_match (self);
}

static void
on_search_activate (BpWindow *self)
{
  step_match (self, +1);
}

static void
on_search_previous (BpWindow *self)
{
  step_match (self, -1);
}

/* Shift+Enter: the one before. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               BpWindow              *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK))
    {
      step_match (self, -1);
      return TRUE;
    }
  return FALSE;
}

static void
on_search_mode (BpWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  step_match (self, g_str_equal (action, "win.find-previous") ? -1 : +1);
}

static void
init_find (BpWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "next-match",
                            G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (on_search_previous), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

void
bp_window_class_init_view (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BpWindow, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, properties_flap);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_count);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
}

void
bp_window_init_view (BpWindow *self)
{
  init_panel (self->palette_flap, "show-palette");
  init_panel (self->properties_flap, "show-properties");
  init_view_actions (self);
  init_find (self);
}

void
bp_window_dispose_view (BpWindow *self)
{
  g_clear_pointer (&self->matches, g_ptr_array_unref);
}
