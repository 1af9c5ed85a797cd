/* bench-open.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "bench-limits.h"
#include "history/bp-history.h"
#include "model/bp-types.h"
#include "bp-window-private.h"

/* How long the main thread stalls while the editor opens and saves the
 * largest blueprint the format allows (100,000 steps and flows), through
 * the window's own open and save. A 1 ms timeout at high priority notes
 * the longest gap between two of its runs, from the start of the open
 * until the first frame that shows the document is painted. Needs a
 * display (run under xvfb-run).
 *   bench-open [N_STEPS]      (default 100000) */

typedef struct {
  gint64   last;
  gint64   max_gap;
  gint64   max_gap_at;
  gint64   last_cpu;
  gint64   max_cpu;
  gint64   max_cpu_at;
  guint    frames;
  gboolean done;
  gboolean painted;
} Watch;

/* The main thread's own CPU time, in µs: on a busy machine the wall
 * clock also counts the time other processes had the CPU. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (watch->last_cpu != 0 && cpu - watch->last_cpu > watch->max_cpu)
    {
      watch->max_cpu = cpu - watch->last_cpu;
      watch->max_cpu_at = now;
    }
  watch->last_cpu = cpu;

  if (watch->last != 0 && now - watch->last > watch->max_gap)
    {
      watch->max_gap = now - watch->last;
      watch->max_gap_at = now;
    }
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  watch->frames++;
  watch->painted = TRUE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Watch *watch = data;
  g_autoptr(GError) error = NULL;

  if (!bp_window_load_file_finish (BP_WINDOW (source), result, &error))
    g_error ("could not open: %s", error->message);
  watch->done = TRUE;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Watch *watch = data;
  g_autoptr(GError) error = NULL;

  if (!bp_window_save_finish (BP_WINDOW (source), result, &error))
    g_error ("could not save: %s", error->message);
  watch->done = TRUE;
}

static void
watch_reset (Watch *watch)
{
  *watch = (Watch) { g_get_monotonic_time (), 0, 0, thread_cpu_time (), 0, 0, 0, FALSE, FALSE };
}

/* Runs until the work is done and a frame after it was painted. */
static void
run_until_shown (Watch    *watch,
                 BpCanvas *canvas)
{
  while (!watch->done)
    g_main_context_iteration (NULL, TRUE);
  watch->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  while (!watch->painted)
    g_main_context_iteration (NULL, TRUE);
}

static const char *
when (gint64 at,
      gint64 arrived)
{
  return at > arrived ? "after it ended" : "while it ran";
}

static void
report (const char *what,
        Watch      *watch,
        gint64      start,
        gint64      arrived)
{
  g_print ("%-5s longest stall %6.1f ms wall (%s), %6.1f ms of main-thread CPU (%s); "
           "%u frames painted; done in %.0f ms\n",
           what, watch->max_gap / 1000.0, when (watch->max_gap_at, arrived),
           watch->max_cpu / 1000.0, when (watch->max_cpu_at, arrived),
           watch->frames, (arrived - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  guint n_steps = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : BP_MAX_ITEMS;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  BpWindow *window;
  BpCanvas *canvas;
  gint64 start, arrived;
  guint tick;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-open needs a display: run it under xvfb-run\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("touchpoint-bench-open-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "journey.bpj", NULL);
  copy = g_build_filename (dir, "saved.bpj", NULL);
  text = bench_limits_journey (n_steps);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);

  window = bp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  canvas = bp_window_get_canvas (window);
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) < 100)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (canvas)), "after-paint",
                    G_CALLBACK (on_after_paint), &watch);
  /* Settled: the empty window's first frames are not counted. */
  for (gint64 end = g_get_monotonic_time () + 300000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &watch, NULL);
  file = g_file_new_for_path (path);
  watch_reset (&watch);
  start = g_get_monotonic_time ();
  bp_window_load_file (window, file, on_loaded, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  arrived = g_get_monotonic_time ();
  g_print ("%u steps and %u flows, 1280×800 window\n",
           bp_document_get_n_steps (bp_window_get_document (window)),
           bp_document_get_n_flows (bp_window_get_document (window)));
  report ("open", &watch, start, arrived);
  /* From the document's arrival to its first frame, apart: the stall of
   * a worker's result being taken in and drawn. */
  watch.max_gap = watch.max_cpu = 0;
  run_until_shown (&watch, canvas);
  g_print ("shown longest stall %6.1f ms wall, %6.1f ms of main-thread CPU, %.0f ms after the open\n",
           watch.max_gap / 1000.0, watch.max_cpu / 1000.0,
           (g_get_monotonic_time () - arrived) / 1000.0);

  /* Save a copy: the text is made on the main thread. */
  copy_file = g_file_new_for_path (copy);
  watch_reset (&watch);
  start = g_get_monotonic_time ();
  bp_window_save_async (window, copy_file, on_saved, &watch);
  g_print ("save   text made on the main thread in %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);
  arrived = g_get_monotonic_time ();
  run_until_shown (&watch, canvas);
  report ("save", &watch, start, arrived);

  g_source_remove (tick);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
  return 0;
}
