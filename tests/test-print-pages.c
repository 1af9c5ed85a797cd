/* test-tiling.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "export/bp-print-pages.h"

static void
test_fit (void)
{
  BpPrintPages t;
  double x, y;

  bp_print_pages_init (&t, 2000, 1000, 800, 500, 0, 20);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 1);
  g_assert_cmpfloat_with_epsilon (t.scale, 0.4, 1e-9);
  /* Centred: 400 high on 500. */
  bp_print_pages_get_page (&t, 0, NULL, NULL, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 50, 1e-9);

  /* A small blueprint fills the page too. */
  bp_print_pages_init (&t, 200, 100, 800, 500, 0, 0);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 1);
  g_assert_cmpfloat_with_epsilon (t.scale, 4, 1e-9);
}

static void
test_minimum_scale (void)
{
  guint column, row;
  BpPrintPages t;
  double x, y;

  bp_print_pages_init (&t, 2000, 1000, 800, 500, 1.0, 0);
  g_assert_cmpuint (t.columns, ==, 3);
  g_assert_cmpuint (t.rows, ==, 2);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 6);
  /* Three pages across would hold 1.2; two down hold exactly 1. */
  g_assert_cmpfloat_with_epsilon (t.scale, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.origin_x, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.origin_y, 0, 1e-9);

  /* Left to right, then top to bottom. */
  bp_print_pages_get_page (&t, 2, &column, &row, NULL, NULL);
  g_assert_cmpuint (column, ==, 2);
  g_assert_cmpuint (row, ==, 0);
  bp_print_pages_get_page (&t, 4, &column, &row, &x, &y);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpfloat_with_epsilon (x, 200 - 800, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, -500, 1e-9);

  /* Enlarged to fill the pages it needs. */
  bp_print_pages_init (&t, 2000, 900, 800, 500, 1.0, 0);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 6);
  g_assert_cmpfloat_with_epsilon (t.scale, 1000.0 / 900, 1e-9);
}

static void
test_overlap (void)
{
  BpPrintPages t;
  double x;

  bp_print_pages_init (&t, 2000, 1000, 800, 500, 1.0, 20);
  /* 780 new units a page after the first: 3 across; 3 down. */
  g_assert_cmpuint (t.columns, ==, 3);
  g_assert_cmpuint (t.rows, ==, 3);
  g_assert_cmpfloat_with_epsilon (t.scale, (3 * 800 - 2 * 20) / 2000.0, 1e-9);
  /* The second page starts where the first ends, less the overlap. */
  bp_print_pages_get_page (&t, 1, NULL, NULL, &x, NULL);
  g_assert_cmpfloat_with_epsilon (x, t.origin_x - 780, 1e-9);

  /* An overlap as large as the page is cut down, never divides by 0. */
  bp_print_pages_init (&t, 2000, 1000, 800, 500, 1.0, 800);
  g_assert_cmpfloat_with_epsilon (t.overlap, 125, 1e-9);
  g_assert_cmpuint (t.columns, ==, 3);
}

static void
test_edges (void)
{
  BpPrintPages t;

  /* Fits at the minimum scale: fitted to the one page. */
  bp_print_pages_init (&t, 700, 400, 800, 500, 1.0, 20);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 1);
  g_assert_cmpfloat_with_epsilon (t.scale, 800.0 / 700, 1e-9);

  /* Exactly two pages wide: rounding adds none. */
  bp_print_pages_init (&t, 1600, 500, 800, 500, 1.0, 0);
  g_assert_cmpuint (t.columns, ==, 2);
  g_assert_cmpuint (t.rows, ==, 1);

  /* The minimum scale is clamped. */
  bp_print_pages_init (&t, 100, 100, 100, 100, 100.0, 0);
  g_assert_cmpuint (t.columns, ==, 4);
  g_assert_cmpfloat_with_epsilon (t.scale, BP_PRINT_PAGES_MAX_SCALE, 1e-9);

  /* Empty sizes give one page, not a division by zero. */
  bp_print_pages_init (&t, 0, 0, 0, 0, 1.0, 0);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&t), ==, 1);
  g_assert_true (t.scale > 0);
}

/* For any sizes: the blueprint lies on the pages at the minimum scale
 * or more, and one column or row fewer could not hold it. */
static void
test_random (void)
{
  for (int i = 0; i < 2000; i++)
    {
      double w = g_test_rand_double_range (100, 40000);
      double h = g_test_rand_double_range (100, 5000);
      double pw = g_test_rand_double_range (200, 1200);
      double ph = g_test_rand_double_range (200, 1200);
      double min = g_test_rand_double_range (BP_PRINT_PAGES_MIN_SCALE, 2);
      double o = g_test_rand_double_range (0, 40);
      double sheet_w, sheet_h;
      double x, y;
      BpPrintPages t;

      bp_print_pages_init (&t, w, h, pw, ph, min, o);
      sheet_w = t.columns * pw - (t.columns - 1) * t.overlap;
      sheet_h = t.rows * ph - (t.rows - 1) * t.overlap;

      g_assert_cmpfloat (t.scale, >=, min - 1e-9);
      g_assert_cmpfloat (t.origin_x, >=, -1e-6);
      g_assert_cmpfloat (t.origin_y, >=, -1e-6);
      g_assert_cmpfloat (t.origin_x + w * t.scale, <=, sheet_w + 1e-6);
      g_assert_cmpfloat (t.origin_y + h * t.scale, <=, sheet_h + 1e-6);
      if (t.columns > 1)
        g_assert_cmpfloat ((t.columns - 1) * pw - (t.columns - 2) * t.overlap, <, w * min);
      if (t.rows > 1)
        g_assert_cmpfloat ((t.rows - 1) * ph - (t.rows - 2) * t.overlap, <, h * min);

      /* The last page holds the blueprint's bottom-right corner. */
      bp_print_pages_get_page (&t, bp_print_pages_get_n_pages (&t) - 1, NULL, NULL, &x, &y);
      g_assert_cmpfloat (x + w * t.scale, >, 0);
      g_assert_cmpfloat (x + w * t.scale, <=, pw + 1e-6);
      g_assert_cmpfloat (y + h * t.scale, >, 0);
      g_assert_cmpfloat (y + h * t.scale, <=, ph + 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tiling/fit", test_fit);
  g_test_add_func ("/tiling/minimum-scale", test_minimum_scale);
  g_test_add_func ("/tiling/overlap", test_overlap);
  g_test_add_func ("/tiling/edges", test_edges);
  g_test_add_func ("/tiling/random", test_random);

  return g_test_run ();
}
