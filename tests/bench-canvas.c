/* bench-canvas.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "history/bp-history.h"
#include "bp-window.h"

/* Frame times of the editor's canvas on a large blueprint: a scripted
 * drag of one card, then a scripted zoom, each step waited out until the
 * frame it caused was painted. Needs a display (run under xvfb-run).
 *   bench-canvas [N_CARDS]      (default 5000)
 *
 * Two figures per frame: from the input to the painted frame (what the
 * user waits, paced by the frame clock's 60 Hz), and the frame's own work
 * from before-paint to after-paint (snapshot and render, unpaced). */

#define FRAMES 60

typedef struct {
  gboolean painted;
  gint64   paint_start;
  double   work;         /* ms, of the last frame */
} FrameWait;

static void
on_before_paint (GdkFrameClock *clock,
                 FrameWait     *wait)
{
  wait->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->work = (g_get_monotonic_time () - wait->paint_start) / 1000.0;
  wait->painted = TRUE;
}

static BpDocument *
make_document (guint n_cards)
{
  BpDocument *doc = bp_document_new_standard ();
  BpHistory *history = bp_document_get_history (doc);
  guint n_stages = MAX (5, n_cards / 100);
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();

  bp_history_freeze (history);
  for (guint s = 5; s < n_stages; s++)
    bp_document_add_stage (doc, "Stage", -1);
  for (guint s = 0; s < bp_document_get_n_stages (doc); s++)
    g_ptr_array_add (stages, (gpointer) bp_item_get_id (BP_ITEM (bp_document_get_stage (doc, s))));

  for (guint i = 0; i < n_cards; i++)
    {
      BpLane *lane = bp_document_get_lane (doc, i % BP_N_LANE_KINDS);
      const char *stage = g_ptr_array_index (stages, (i / BP_N_LANE_KINDS) % stages->len);
      BpStep *step = bp_document_add_step (doc, bp_item_get_id (BP_ITEM (lane)), stage,
                                           (i / (BP_N_LANE_KINDS * stages->len)) * 180,
                                           "Checks the customer's identity");

      if (i > 0 && i % 3 == 0)
        bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (bp_document_get_step (doc, i - 1))),
                              bp_item_get_id (BP_ITEM (step)));
    }
  bp_history_thaw (history);
  bp_history_clear (history);
  return doc;
}

static double
wait_for_frame (GtkWidget *widget,
                FrameWait *wait,
                gint64     start)
{
  gint64 deadline = start + 2 * G_USEC_PER_SEC;

  wait->painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!wait->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *times,
        guint       n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  g_print ("%-28s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%u frames)\n",
           what, times[n / 2], times[(n * 95) / 100], times[n - 1], n);
}

static GtkGesture *
primary_drag_gesture (GtkWidget *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }
  g_error ("the canvas has no primary drag gesture");
}

int
main (int   argc,
      char *argv[])
{
  guint n_cards = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autoptr(BpDocument) doc = NULL;
  BpWindow *window;
  BpCanvas *canvas;
  GdkFrameClock *clock;
  FrameWait wait = { FALSE };
  double drag[FRAMES], zoom[FRAMES];
  double drag_work[FRAMES], zoom_work[FRAMES];
  GtkGesture *gesture;
  BpRect card;
  double x, y;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-canvas needs a display: run it under xvfb-run\n");
      return 77;
    }
  adw_init ();

  doc = make_document (n_cards);
  window = bp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bp_window_set_document (window, doc, NULL);
  gtk_window_present (GTK_WINDOW (window));
  canvas = bp_window_get_canvas (window);

  while (gtk_widget_get_width (GTK_WIDGET (canvas)) < 100)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &wait);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  wait_for_frame (GTK_WIDGET (canvas), &wait, g_get_monotonic_time ());

  /* Drag the card nearest the view's top-left across the view. */
  bp_layout_get_step_rect (bp_canvas_get_layout (canvas), 0, &card);
  bp_canvas_canvas_to_widget (canvas, card.x + card.width / 2, card.y + card.height / 2, &x, &y);
  gesture = primary_drag_gesture (GTK_WIDGET (canvas));
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (guint i = 0; i < FRAMES; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_signal_emit_by_name (gesture, "drag-update", (double) i * 8, (double) i * 6);
      drag[i] = wait_for_frame (GTK_WIDGET (canvas), &wait, start);
      drag_work[i] = wait.work;
    }
  g_signal_emit_by_name (gesture, "drag-end", (double) FRAMES * 8, (double) FRAMES * 6);

  for (guint i = 0; i < FRAMES; i++)
    {
      gint64 start = g_get_monotonic_time ();

      bp_canvas_zoom_at (canvas, 0.4 + 1.2 * i / FRAMES, 640, 400);
      zoom[i] = wait_for_frame (GTK_WIDGET (canvas), &wait, start);
      zoom_work[i] = wait.work;
    }

  g_print ("Canvas frame times, %u cards, %u flows, 1280×800 window\n",
           bp_document_get_n_steps (doc), bp_document_get_n_flows (doc));
  report ("drag a card", drag, FRAMES);
  report ("zoom 40 % → 160 %", zoom, FRAMES);
  report ("drag, frame work", drag_work, FRAMES);
  report ("zoom, frame work", zoom_work, FRAMES);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
