/* bench-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times importing a step sheet of 10,000 rows (target: 200 ms median) and
 * exporting it again, and prints the medians, beside reading the same
 * blueprint from .bpj (target 250 ms), for a measure that holds on a
 * busy machine too.
 *   meson compile -C BUILD bench-csv
 *
 * The sheet is what a large team's would be: every column filled in, a
 * European Excel's semicolons and decimal commas, quoted notes with line
 * breaks, and a flow from nearly every step to the next. */

#include "config.h"

#include <string.h>

#include "bpj/bp-bpj.h"
#include "csv/bp-csv.h"

#define N_ROWS    10000
#define N_STAGES  50
#define N_RUNS    15
#define TARGET_MS 200.0

static const char *const zones[] = { "evidence", "Customer actions", "Front stage", "backstage", "support" };

static char *
make_sheet (gsize *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBFid;stage id;stage;lane;zone;what happens;who;minutes;notes;flags;next\r\n");

  for (guint i = 0; i < N_ROWS; i++)
    {
      guint stage = i * N_STAGES / N_ROWS;
      guint zone = i % G_N_ELEMENTS (zones);
      g_autofree char *next = i + 1 < N_ROWS ? g_strdup_printf ("s%u", i + 1) : g_strdup ("");

      g_string_append_printf (out, "s%u;st%u;Stage %u;Team %u;%s;Step %u of the journey, as the team says it;"
                              "Clerk %u;%u,5;\"Remark on step %u;\nwith a second line\";%s;%s\r\n",
                              i, stage, stage, zone * 2 + (i % 2), zones[zone], i, i % 7, i % 30, i,
                              i % 11 == 0 ? "pain point, opportunity" : "", next);
    }
  *length = out->len;
  return g_string_free (out, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof *times, compare_doubles);
  return times[N_RUNS / 2];
}

int
main (void)
{
  gsize length;
  g_autofree char *sheet = make_sheet (&length);
  double import_ms[N_RUNS], export_ms[N_RUNS], bpj_ms[N_RUNS];
  guint n_steps = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = NULL;
      g_autofree char *text = NULL;
      gint64 start = g_get_monotonic_time ();

      document = bp_csv_import (sheet, length, NULL, &error);
      import_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (document == NULL)
        g_error ("%s", error->message);
      n_steps = bp_document_get_n_steps (document);

      start = g_get_monotonic_time ();
      text = bp_csv_export (document, NULL);
      export_ms[run] = (g_get_monotonic_time () - start) / 1000.0;

      {
        gsize bpj_length;
        g_autofree char *bpj = bp_bpj_write (document, &bpj_length);
        g_autoptr(BpDocument) again = NULL;

        start = g_get_monotonic_time ();
        again = bp_bpj_read (bpj, bpj_length, "bench.bpj", &error);
        bpj_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
      }
    }

  g_print ("step sheet of %u rows (%.1f MiB), %u steps, median of %d runs\n",
           N_ROWS, length / 1048576.0, n_steps, N_RUNS);
  g_print ("  %-24s %8.1f ms   (target %.0f ms)\n", "import (read + build)", median (import_ms), TARGET_MS);
  g_print ("  %-24s %8.1f ms\n", "export", median (export_ms));
  g_print ("  %-24s %8.1f ms   (the same blueprint as .bpj)\n", "bpj read", median (bpj_ms));
  return 0;
}
