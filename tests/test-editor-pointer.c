/* test-editor-pointer.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "bpj/bp-bpj.h"
#include "editor-test-utils.h"

/* A real pointer, moved by xdotool on the X server the window is on,
 * drags a card from the customer lane across the line of visibility into
 * the backstage; the window saves, and the saved file says where the
 * card went. */

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

/* Runs xdotool while the main loop keeps the window answering. */
static void
run_xdotool (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_spawn_async (NULL, (char **) args, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &done);
  g_assert_true (editor_test_wait (spawn_done, &done));
}

typedef struct {
  BpCanvas *canvas;
  BpStep   *step;
  BpLane   *lane;
} Drag;

/* The press has reached the canvas: the card under it is selected. */
static gboolean
is_pressed (gpointer data)
{
  Drag *drag = data;
  BpSelection *selection = bp_canvas_get_selection (drag->canvas);

  return bp_selection_get_count (selection) == 1 &&
         bp_selection_get_item (selection, 0) == BP_ITEM (drag->step);
}

static gboolean
is_dropped (gpointer data)
{
  Drag *drag = data;

  return g_strcmp0 (bp_step_get_lane (drag->step), bp_item_get_id (BP_ITEM (drag->lane))) == 0;
}

/* Canvas widget coordinates to the X screen's: without a window manager,
 * the window's surface sits at the screen's origin. */
static void
canvas_to_screen (BpCanvas *canvas,
                  double    x,
                  double    y,
                  int      *sx,
                  int      *sy)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (canvas));
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double dx, dy;
  int root_x = 0, root_y = 0;
  Window child;
  GdkSurface *surface = gtk_native_get_surface (native);

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                         gdk_x11_surface_get_xid (surface),
                         gdk_x11_display_get_xrootwindow (gdk_surface_get_display (surface)),
                         0, 0, &root_x, &root_y, &child);
  *sx = root_x + (int) (out.x + dx);
  *sy = root_y + (int) (out.y + dy);
}

static void
test_pointer_drag_and_save (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  BpDocument *document;
  BpStep *step;
  BpLane *backstage;
  g_autofree char *id = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) reread = NULL;
  g_autofree char *xdotool = NULL;
  double x, y, tx, ty;
  int sx, sy, ex, ey;
  char from_x[16], from_y[16], mid_x[16], mid_y[16], to_x[16], to_y[16];

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("xdotool needs an X11 display (GDK_BACKEND=x11)");
      return;
    }
  xdotool = g_find_program_in_path ("xdotool");
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  window = editor_test_open_sample ("loan-payment.bpj", &folder);
  canvas = bp_window_get_canvas (window);
  document = bp_window_get_document (window);
  step = editor_test_find_step (document, BP_LANE_KIND_CUSTOMER);
  backstage = editor_test_first_lane (document, BP_LANE_KIND_BACKSTAGE);
  id = g_strdup (bp_item_get_id (BP_ITEM (step)));

  editor_test_step_centre (canvas, step, &x, &y);
  editor_test_lane_centre (canvas, backstage, 0, &tx, &ty);
  canvas_to_screen (canvas, x, y, &sx, &sy);
  canvas_to_screen (canvas, x, ty, &ex, &ey);
  g_test_message ("dragging %s from %d,%d to %d,%d", id, sx, sy, ex, ey);

  g_snprintf (from_x, sizeof from_x, "%d", sx);
  g_snprintf (from_y, sizeof from_y, "%d", sy);
  g_snprintf (mid_x, sizeof mid_x, "%d", sx + 3);
  g_snprintf (mid_y, sizeof mid_y, "%d", (sy + ey) / 2);
  g_snprintf (to_x, sizeof to_x, "%d", ex);
  g_snprintf (to_y, sizeof to_y, "%d", ey);

  {
    const char *press[] = { "xdotool", "mousemove", "--sync", from_x, from_y, "mousedown", "1", NULL };
    const char *move[] = { "xdotool", "mousemove", "--sync", mid_x, mid_y, NULL };
    const char *release[] = { "xdotool", "mousemove", "--sync", to_x, to_y, "mouseup", "1", NULL };
    Drag drag = { canvas, step, backstage };

    /* The X server keeps the events in order; waiting for the press
     * only makes sure that the drag starts on the card. */
    run_xdotool (press);
    g_assert_true (editor_test_wait (is_pressed, &drag));
    run_xdotool (move);
    run_xdotool (release);
    g_assert_true (editor_test_wait (is_dropped, &drag));
  }

  saved = g_build_filename (folder, "moved.bpj", NULL);
  file = g_file_new_for_path (saved);
  g_assert_true (bp_window_save_to_file (window, file, &error));
  g_assert_no_error (error);

  reread = bp_bpj_load (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_step_get_lane (BP_STEP (bp_document_lookup (reread, id))), ==,
                   bp_item_get_id (BP_ITEM (backstage)));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/editor-pointer/drag-and-save", test_pointer_drag_and_save);
  return g_test_run ();
}
