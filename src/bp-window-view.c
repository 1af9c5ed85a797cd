/* bp-window-view.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

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
  GSettings *settings = bp_application_get_settings ();
  GtkEventController *shortcuts;

  palette = g_property_action_new ("show-palette", self->palette_flap, "reveal-flap");
  properties = g_property_action_new ("show-properties", self->properties_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (palette));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (properties));
  legend = g_property_action_new ("show-legend", self->canvas, "show-legend");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (legend));
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

void
bp_window_class_init_view (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BpWindow, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, properties_flap);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, search_count);
}

void
bp_window_init_view (BpWindow *self)
{
  init_panel (self->palette_flap, "show-palette");
  init_panel (self->properties_flap, "show-properties");
  init_view_actions (self);
}

void
bp_window_dispose_view (BpWindow *self)
{
  g_clear_pointer (&self->matches, g_ptr_array_unref);
}
