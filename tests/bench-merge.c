/* bench-merge.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the three-way merge of blueprints of 10,000 steps (and 10,000
 * flows): each side edits its own one step in a hundred (reworded,
 * retimed, moved, removed, or a new one beside it on our side, a note on
 * theirs), and both sides reword ten steps differently: ten conflicts. Prints the median beside the target.
 *   meson compile -C BUILD bench-merge */

#include "config.h"

#include <string.h>
#include <time.h>

#include "bench-limits.h"
#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "merge/bp-merge.h"

#define N_STEPS 10000
#define RUNS 15
#define TARGET_MS 100.0

static BpDocument *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_read (text, strlen (text), "bench.bpj", &error);

  if (document == NULL)
    g_error ("%s", error->message);
  return document;
}

/* One step in a hundred, starting at @first, so that the two sides edit
 * different steps; plus ten steps both sides reword. */
static void
edit_side (BpDocument *document,
           guint       first,
           const char *words)
{
  BpHistory *history = bp_document_get_history (document);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  guint n = bp_document_get_n_steps (document);

  bp_history_freeze (history);
  for (guint i = first; i < n; i += 100)
    {
      BpStep *step = bp_document_get_step (document, i);

      switch ((i / 100) % 5)
        {
        case 0:
          bp_step_set_text (step, words);
          break;
        case 1:
          bp_step_set_duration (step, 12);
          break;
        case 2:
          bp_step_set_lane (step, "lane-5");
          break;
        case 3:
          g_ptr_array_add (doomed, step);
          break;
        default:
          /* Ids are made in sequence: two sides adding would both make
           * the same ones, which is a clash of its own. */
          if (first == 0)
            bp_document_add_step (document, bp_step_get_lane (step), bp_step_get_stage (step),
                                  400, words);
          else
            bp_step_set_notes (step, words);
          break;
        }
    }
  for (guint i = 0; i < 10; i++)
    bp_step_set_text (bp_document_get_step (document, 50 + i * 1000), words);
  for (guint i = 0; i < doomed->len; i++)
    bp_document_remove (document, doomed->pdata[i]);
  bp_history_thaw (history);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = bench_limits_journey (N_STEPS);
  g_autoptr(BpDocument) base = read_text (text);
  g_autoptr(BpDocument) ours = read_text (text);
  g_autoptr(BpDocument) theirs = read_text (text);
  double times[RUNS], cpu[RUNS];
  guint conflicts = 0;

  edit_side (ours, 0, "Sends the invoice by itself");
  edit_side (theirs, 7, "Pays from the reminder link");

  g_print ("Merging three blueprints of %u steps and %u flows, %d runs "
           "(target: %.0f ms median)\n", N_STEPS, N_STEPS, RUNS, TARGET_MS);
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr(BpDocument) merged = bp_merge (base, ours, theirs, &error);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = thread_cpu_ms () - cpu_start;
      if (merged == NULL)
        g_error ("%s", error->message);
      conflicts = bp_document_get_conflicts (merged)->len;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);

  g_print ("%-36s %8.1f ms  (min %.1f, max %.1f; CPU %.1f)  %4u conflicts  %s\n",
           "each side edits 1 % of steps", times[RUNS / 2], times[0], times[RUNS - 1],
           cpu[RUNS / 2], conflicts, times[RUNS / 2] <= TARGET_MS ? "within target" : "OVER TARGET");
  return times[RUNS / 2] <= TARGET_MS ? 0 : 1;
}
