/* bp-application.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-application.h"
#include "bp-recovery-dialog.h"
#include "bp-window-private.h"

struct _BpApplication
{
  AdwApplication  parent_instance;

  /* NULL when the schema is not installed (an uninstalled build). */
  GSettings      *settings;  /* bp_application_get_settings()'s */
  /* Recovery copies are offered once, over the first window. */
  gboolean        recovery_offered;
  /* --present: the files opened are presented once read. */
  gboolean        present;
};

G_DEFINE_FINAL_TYPE (BpApplication, bp_application, ADW_TYPE_APPLICATION)

static BpWindow *
new_window (BpApplication *self)
{
  BpWindow *window = bp_window_new (GTK_APPLICATION (self));
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* The canvas follows the light or dark style; exports stay light. */
  bp_canvas_set_dark (bp_window_get_canvas (window), adw_style_manager_get_dark (style));
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (bp_canvas_set_dark_from_style),
                           bp_window_get_canvas (window), 0);
  return window;
}

BpWindow *
bp_application_new_window (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);
  return new_window (self);
}

static void
offer_recovery (BpApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->recovery_offered || parent == NULL)
    return;
  self->recovery_offered = TRUE;
  bp_recovery_dialog_offer (self, parent);
}

BpWindow *
bp_application_find_window (BpApplication *self,
                            GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!BP_IS_WINDOW (l->data))
        continue;
      shown = bp_window_get_file (BP_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return BP_WINDOW (l->data);
      /* Still being read: opening it twice would read it twice. */
      shown = bp_window_get_opening_file (BP_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return BP_WINDOW (l->data);
    }
  return NULL;
}

static void
bp_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (new_window (BP_APPLICATION (app))));
  offer_recovery (BP_APPLICATION (app));
}

/* --present FILE: the window presents the blueprint once it is read;
 * one that cannot be read stays, saying why. */
static void
on_loaded_present (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  BpWindow *window = BP_WINDOW (source);

  if (bp_window_load_file_finish (window, result, NULL))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
}

static int
bp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  BP_APPLICATION (app)->present = g_variant_dict_contains (options, "present");
  return -1;
}

static void
bp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BpApplication *self = BP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      BpWindow *window = bp_application_find_window (self, files[i]);
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (window == NULL)
        {
          /* An untouched new window is reused rather than left behind. */
          if (active != NULL && BP_IS_WINDOW (active) && bp_window_is_pristine (BP_WINDOW (active)))
            window = BP_WINDOW (active);
          else
            window = new_window (self);
          gtk_window_present (GTK_WINDOW (window));
          if (self->present)
            bp_window_load_file (window, files[i], on_loaded_present, NULL);
          else
            bp_window_load_file (window, files[i], NULL, NULL);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  offer_recovery (self);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       app)
{
  gtk_window_present (GTK_WINDOW (new_window (BP_APPLICATION (app))));
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       app)
{
  bp_window_open_dialog (gtk_application_get_active_window (GTK_APPLICATION (app)),
                         GTK_APPLICATION (app));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       app)
{
  const char *developers[] = { "The Touchpoint developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));

  adw_show_about_window (parent,
                         "application-name", _("Touchpoint"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Draw service blueprints: the stages of a customer's "
                                       "journey, what happens on each side of the line of "
                                       "visibility, and where it hurts."),
                         "developers", developers,
                         "copyright", "© 2026 The Touchpoint developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static AdwColorScheme
color_scheme_for (const char *variant)
{
  if (g_strcmp0 (variant, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (variant, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

/* Follow the system, or always light or dark: the canvas follows too,
 * while exports stay light. */
static void
style_changed (GSimpleAction *action,
               GVariant      *value,
               gpointer       app)
{
  BpApplication *self = BP_APPLICATION (app);
  const char *variant = g_variant_get_string (value, NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      color_scheme_for (variant));
  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "style-variant", variant);
}

static const GActionEntry app_actions[] = {
  { "style", NULL, "s", "'system'", style_changed },
  { "new", new_activated },
  { "open", open_activated },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
set_accels (GtkApplication *app,
            const char     *action,
            const char     *first,
            const char     *second)
{
  const char *accels[] = { first, second, NULL };

  gtk_application_set_accels_for_action (app, action, accels);
}

GSettings *
bp_application_get_settings (void)
{
  static GSettings *settings;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      /* Said, rather than settings forgotten without a word. */
      if (schema != NULL)
        g_debug ("Settings schema %s found: settings are kept", APPLICATION_ID);
      else
        g_message ("The settings schema %s is not installed: the style, the window's size "
                   "and the export choices will not be kept. From a build folder, run "
                   "BUILD/touchpoint-uninstalled.", APPLICATION_ID);
      g_once_init_leave (&looked_up, 1);
    }

  return settings;
}

gboolean
bp_application_has_setting (const char *key)
{
  GSettings *settings = bp_application_get_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

static void
load_settings (BpApplication *self)
{
  g_autofree char *variant = NULL;

  self->settings = bp_application_get_settings ();
  if (self->settings == NULL)
    return;

  variant = g_settings_get_string (self->settings, "style-variant");
  g_action_group_change_action_state (G_ACTION_GROUP (self), "style",
                                      g_variant_new_string (variant));
}

static void
bp_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (bp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  load_settings (BP_APPLICATION (app));

  /* Only keys that no text field uses: Ctrl+A, Ctrl+Z and Ctrl+Shift+Z
   * are the window's (bp-window.c), left to a text field with the focus. */
  set_accels (gtk_app, "app.new", "<Control>n", NULL);
  set_accels (gtk_app, "app.open", "<Control>o", NULL);
  set_accels (gtk_app, "app.quit", "<Control>q", NULL);
  set_accels (gtk_app, "win.save", "<Control>s", NULL);
  set_accels (gtk_app, "win.save-as", "<Control><Shift>s", NULL);
  set_accels (gtk_app, "win.export", "<Control>e", NULL);
  set_accels (gtk_app, "win.print", "<Control>p", NULL);
  set_accels (gtk_app, "win.present", "F5", NULL);
  set_accels (gtk_app, "win.zoom-in", "<Control>plus", "<Control>equal");
  set_accels (gtk_app, "win.zoom-out", "<Control>minus", NULL);
  set_accels (gtk_app, "win.zoom-reset", "<Control>0", NULL);
  set_accels (gtk_app, "win.zoom-fit", "<Control>9", NULL);
  set_accels (gtk_app, "window.close", "<Control>w", NULL);
}

static void
bp_application_class_init (BpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = bp_application_activate;
  app_class->open = bp_application_open;
  app_class->handle_local_options = bp_application_handle_local_options;
  app_class->startup = bp_application_startup;
}

static void
bp_application_init (BpApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "present", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Present each FILE full screen, stage by stage"), NULL);
}

BpApplication *
bp_application_new (void)
{
  return g_object_new (BP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}
