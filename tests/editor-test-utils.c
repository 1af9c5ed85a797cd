/* editor-test-utils.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bp-application.h"
#include "editor-test-utils.h"
#include "test-wait.h"

static void
skip_without_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

/* GTK 4.8 warns when a frame snapshots a widget whose allocation was
 * queued again since the last layout, which a loaded machine makes
 * happen between a flap's or a toast's animation steps; the next frame
 * draws it right, so the warning says nothing about Touchpoint. Every
 * other warning and critical stays fatal. */
static gboolean
is_fatal (const char     *log_domain,
          GLogLevelFlags  log_level,
          const char     *message,
          gpointer        data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 &&
           (log_level & G_LOG_LEVEL_WARNING) != 0 &&
           g_str_has_prefix (message, "Trying to snapshot ") &&
           g_str_has_suffix (message, " without a current allocation"));
}

gboolean
editor_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (is_fatal, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/editor/no-display", skip_without_display);
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

void
editor_test_iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
editor_test_wait (gboolean (*condition) (gpointer),
                  gpointer   data)
{
  return test_wait_until (condition, data, 5000);
}

gboolean
editor_test_wait_for (gboolean (*condition) (gpointer),
                      gpointer   data,
                      guint      milliseconds)
{
  return test_wait_until (condition, data, milliseconds);
}

typedef struct {
  gboolean done;
  gboolean loaded;
  GError  *error;
} LoadWait;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  LoadWait *wait = data;

  wait->loaded = bp_window_load_file_finish (BP_WINDOW (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
load_is_done (gpointer data)
{
  return ((LoadWait *) data)->done;
}

gboolean
editor_test_load_file (BpWindow  *window,
                       GFile     *file,
                       GError   **error)
{
  LoadWait wait = { FALSE, FALSE, NULL };

  bp_window_load_file (window, file, on_loaded, &wait);
  /* The open must end, one way or another, or the callback would
   * outlive @wait. */
  if (!editor_test_wait_for (load_is_done, &wait, 30000))
    g_error ("opening %s did not end within %u ms", g_file_peek_path (file), test_scaled_ms (30000));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.loaded;
}

void
editor_test_load (BpWindow *window,
                  GFile    *file)
{
  g_autoptr(GError) error = NULL;

  editor_test_load_file (window, file, &error);
  g_assert_no_error (error);
}

/* Allocated, shown whole once, laid out: what a test then does to the
 * view is not overridden by the window opening. */
static gboolean
canvas_is_ready (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 100 &&
         gtk_widget_get_mapped (GTK_WIDGET (data)) &&
         bp_canvas_is_settled (data);
}

static BpWindow *
open_sample (GtkApplication  *app,
             const char      *sample,
             char           **folder)
{
  g_autofree char *source = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), sample, NULL);
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;
  BpWindow *window;

  *folder = g_dir_make_tmp ("touchpoint-editor-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (*folder, sample, NULL);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  window = bp_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (copy);
  editor_test_load (window, file);
  g_assert_true (editor_test_wait (canvas_is_ready, bp_window_get_canvas (window)));
  editor_test_iterate (50);
  return window;
}

BpWindow *
editor_test_open_sample (const char  *sample,
                         char       **folder)
{
  return open_sample (NULL, sample, folder);
}

GtkApplication *
editor_test_application (void)
{
  static GtkApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Not unique: a Touchpoint running on the same bus stays apart. */
      app = g_object_new (BP_TYPE_APPLICATION,
                          "application-id", APPLICATION_ID,
                          "flags", G_APPLICATION_NON_UNIQUE,
                          "resource-base-path", "/io/github/touchpoint/Touchpoint",
                          NULL);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return app;
}

BpWindow *
editor_test_open_sample_in_app (const char  *sample,
                                char       **folder)
{
  return open_sample (editor_test_application (), sample, folder);
}

BpLane *
editor_test_first_lane (BpDocument *document,
                        BpLaneKind  kind)
{
  for (guint i = 0; i < bp_document_get_n_lanes (document); i++)
    if (bp_lane_get_kind (bp_document_get_lane (document, i)) == kind)
      return bp_document_get_lane (document, i);
  return NULL;
}

BpStep *
editor_test_find_step (BpDocument *document,
                       BpLaneKind  kind)
{
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      BpLane *lane = BP_LANE (bp_document_lookup (document, bp_step_get_lane (step)));

      if (bp_lane_get_kind (lane) == kind)
        return step;
    }
  return NULL;
}

void
editor_test_step_centre (BpCanvas *canvas,
                         BpStep   *step,
                         double   *x,
                         double   *y)
{
  BpRect rect;

  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (canvas), BP_ITEM (step), &rect));
  bp_canvas_canvas_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

void
editor_test_lane_centre (BpCanvas *canvas,
                         BpLane   *lane,
                         double    canvas_x,
                         double   *x,
                         double   *y)
{
  BpRect rect;

  g_assert_true (bp_layout_get_item_rect (bp_canvas_get_layout (canvas), BP_ITEM (lane), &rect));
  bp_canvas_canvas_to_widget (canvas, canvas_x, rect.y + rect.height / 2, x, y);
}

void
editor_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static GtkWindow *
find_toplevel (BpWindow *window,
               GType     type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

GtkWidget *
editor_test_find_widget (GtkWidget    *root,
                         gboolean    (*match) (GtkWidget     *widget,
                                               gconstpointer  data),
                         gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = editor_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
editor_test_find_entry_row (GtkWidget  *root,
                            const char *title)
{
  return editor_test_find_widget (root, is_entry_row_titled, title);
}

AdwMessageDialog *
editor_test_find_message_dialog (BpWindow *window)
{
  return (AdwMessageDialog *) find_toplevel (window, ADW_TYPE_MESSAGE_DIALOG);
}

GtkWindow *
editor_test_find_file_chooser (BpWindow *window)
{
  return find_toplevel (window, GTK_TYPE_FILE_CHOOSER);
}
