/* xdo-test-utils.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "xdo-test-utils.h"

gboolean
xdo_test_available (void)
{
  g_autofree char *xdotool = NULL;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("xdotool needs an X11 display (GDK_BACKEND=x11)");
      return FALSE;
    }
  xdotool = g_find_program_in_path ("xdotool");
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return FALSE;
    }
  return TRUE;
}

static gboolean
spawn_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer data)
{
  g_spawn_close_pid (pid);
  *(gboolean *) data = TRUE;
}

static void
run_argv (GPtrArray *args)
{
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_ptr_array_add (args, NULL);
  g_spawn_async (NULL, (char **) args->pdata, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &done);
  g_assert_true (editor_test_wait (spawn_done, &done));
}

void
xdo_test_run (const char *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "xdotool");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  run_argv (args);
}

void
xdo_test_widget_to_screen (GtkWidget *widget,
                           double     x,
                           double     y,
                           int       *sx,
                           int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  GdkDisplay *display = gdk_surface_get_display (surface);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double dx, dy;
  int root_x = 0, root_y = 0;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (gdk_x11_display_get_xdisplay (display),
                         gdk_x11_surface_get_xid (surface),
                         gdk_x11_display_get_xrootwindow (display),
                         0, 0, &root_x, &root_y, &child);
  *sx = root_x + (int) (out.x + dx);
  *sy = root_y + (int) (out.y + dy);
}

void
xdo_test_pointer (int         sx,
                  int         sy,
                  gboolean    sync,
                  const char *button)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("xdotool"));
  g_ptr_array_add (args, g_strdup ("mousemove"));
  if (sync)
    g_ptr_array_add (args, g_strdup ("--sync"));
  g_ptr_array_add (args, g_strdup_printf ("%d", sx));
  g_ptr_array_add (args, g_strdup_printf ("%d", sy));
  if (button != NULL)
    {
      g_ptr_array_add (args, g_strdup (button));
      g_ptr_array_add (args, g_strdup ("1"));
    }
  run_argv (args);
}

void
xdo_test_click (GtkWidget *widget,
                double     x,
                double     y,
                int        count)
{
  char sx[16], sy[16], repeat[16];
  int ix, iy;

  xdo_test_widget_to_screen (widget, x, y, &ix, &iy);
  g_snprintf (sx, sizeof sx, "%d", ix);
  g_snprintf (sy, sizeof sy, "%d", iy);
  g_snprintf (repeat, sizeof repeat, "%d", count);
  xdo_test_run ("mousemove", "--sync", sx, sy,
                "click", "--repeat", repeat, "--delay", "60", "1", NULL);
}

void
xdo_test_type (const char *text)
{
  xdo_test_type_full (text, 20);
}

void
xdo_test_type_full (const char *text,
                    int         delay)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("xdotool"));
  g_ptr_array_add (args, g_strdup ("type"));
  if (delay >= 0)
    {
      g_ptr_array_add (args, g_strdup ("--delay"));
      g_ptr_array_add (args, g_strdup_printf ("%d", delay));
    }
  g_ptr_array_add (args, g_strdup (text));
  run_argv (args);
}

void
xdo_test_keys (const char *keys)
{
  xdo_test_keys_full (keys, 30, FALSE);
}

void
xdo_test_keys_full (const char *keys,
                    int         delay,
                    gboolean    clear_modifiers)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (keys, " ", -1);

  g_ptr_array_add (args, g_strdup ("xdotool"));
  g_ptr_array_add (args, g_strdup ("key"));
  if (clear_modifiers)
    g_ptr_array_add (args, g_strdup ("--clearmodifiers"));
  if (delay >= 0)
    {
      g_ptr_array_add (args, g_strdup ("--delay"));
      g_ptr_array_add (args, g_strdup_printf ("%d", delay));
    }
  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (split[i]));
  run_argv (args);
}
