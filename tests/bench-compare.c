/* bench-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times comparing two blueprints of 10,000 steps (and 10,000 flows): the
 * same file twice, a future state with one step in a hundred edited,
 * moved, removed or added, and a future state drawn anew, whose ids all
 * differ so that every step is paired by its text. Prints the medians
 * beside the target.   meson compile -C BUILD bench-compare */

#include "config.h"

#include <string.h>
#include <time.h>

#include "bench-limits.h"
#include "bpj/bp-bpj.h"
#include "compare/bp-compare.h"
#include "history/bp-history.h"

#define N_STEPS 10000
#define RUNS 15
#define TARGET_MS 50.0

static BpDocument *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_read (text, strlen (text), "bench.bpj", &error);

  if (document == NULL)
    g_error ("%s", error->message);
  return document;
}

/* One step in a hundred: reworded, retimed, moved to another lane,
 * removed, or a new one beside it. */
static void
edit_future (BpDocument *document)
{
  BpHistory *history = bp_document_get_history (document);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  guint n = bp_document_get_n_steps (document);

  bp_history_freeze (history);
  for (guint i = 0; i < n; i += 100)
    {
      BpStep *step = bp_document_get_step (document, i);

      switch ((i / 100) % 5)
        {
        case 0:
          bp_step_set_text (step, "Sends the invoice by itself");
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
          bp_document_add_step (document, bp_step_get_lane (step), bp_step_get_stage (step),
                                400, "Pays from the reminder link");
          break;
        }
    }
  for (guint i = 0; i < doomed->len; i++)
    bp_document_remove (document, doomed->pdata[i]);
  bp_history_thaw (history);
}

static char *
rename_ids (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"(id|lane|stage|from|to)\":\"([^\"]*)\"", 0, 0, NULL);

  return g_regex_replace (regex, text, -1, 0, "\"\\1\":\"new-\\2\"", 0, NULL);
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

/* Prints the median, min and max of RUNS comparisons, and the median of
 * the CPU time they took (what they take on a machine other programs
 * leave alone); returns the median. */
static double
time_compare (const char *name,
              BpDocument *old_document,
              BpDocument *new_document,
              double      target)
{
  double times[RUNS], cpu[RUNS];
  guint changes = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      g_autoptr(BpComparison) comparison = bp_compare (old_document, new_document);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = thread_cpu_ms () - cpu_start;
      changes = 0;
      for (guint l = 0; l < BP_COMPARE_N_LISTS; l++)
        changes += bp_comparison_get_changes (comparison, l)->len;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);

  g_print ("%-36s %8.1f ms  (min %.1f, max %.1f; CPU %.1f)  %6u changes  %s\n",
           name, times[RUNS / 2], times[0], times[RUNS - 1], cpu[RUNS / 2], changes,
           target <= 0 ? "" : times[RUNS / 2] <= target ? "within target" : "OVER TARGET");
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = bench_limits_journey (N_STEPS);
  g_autofree char *renamed = rename_ids (text);
  g_autoptr(BpDocument) old_document = read_text (text);
  g_autoptr(BpDocument) same = read_text (text);
  g_autoptr(BpDocument) future = read_text (text);
  g_autoptr(BpDocument) drawn_anew = read_text (renamed);
  gboolean within;

  edit_future (future);

  g_print ("Comparing two blueprints of %u steps and %u flows, %d runs each "
           "(target for the edited future state: %.0f ms median)\n",
           N_STEPS, N_STEPS, RUNS, TARGET_MS);
  time_compare ("the same file twice", old_document, same, 0);
  within = time_compare ("future state, 1 % of steps edited", old_document, future,
                         TARGET_MS) <= TARGET_MS;
  time_compare ("drawn anew (all matched by text)", old_document, drawn_anew, 0);

  return within ? 0 : 1;
}
