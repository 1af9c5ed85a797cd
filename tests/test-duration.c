/* test-duration.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/bp-duration.h"

static void
test_parse (void)
{
  static const struct { const char *text; double seconds; } cases[] = {
    { "30", 30 },
    { "30 s", 30 },
    { "45sec", 45 },
    { "5 min", 300 },
    { "5m", 300 },
    { "1.5 h", 5400 },
    { " 2 hours ", 7200 },
    { "2 d", 172800 },
    /* Units together, as people write a time that is not round. */
    { "1 h 30 min", 5400 },
    { "1h30min", 5400 },
    { "2 d 4 h", 187200 },
    { "1 min 30 s", 90 },
    { "0", 0 },
    { "", -1 },
    { "   ", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double seconds = -2;

      g_assert_true (bp_duration_parse (cases[i].text, &seconds));
      g_assert_cmpfloat (seconds, ==, cases[i].seconds);
    }
}

static void
test_parse_refuses (void)
{
  const char *bad[] = { "soon", "5 weeks", "-3 min", "min", "1e999", "nan", "5 min later",
                        "1 h 30", "1 h h", "1 h, 30 min", "1 h -30 min" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double seconds = 42;

      g_assert_false (bp_duration_parse (bad[i], &seconds));
      g_assert_cmpfloat (seconds, ==, 42);
    }
}

static void
test_format (void)
{
  static const struct { double seconds; const char *text; } cases[] = {
    { 0, "0 s" },
    { 45, "45 s" },
    { 60, "1 min" },
    { 90, "1.5 min" },
    { 300, "5 min" },
    { 3600, "1 h" },
    { 5400, "1.5 h" },
    { 86400, "1 d" },
    { 129600, "1.5 d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bp_duration_format (cases[i].seconds);
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown reads back as the same duration. */
      g_assert_true (bp_duration_parse (text, &back));
      g_assert_cmpfloat (back, ==, cases[i].seconds);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/parse", test_parse);
  g_test_add_func ("/duration/parse-refuses", test_parse_refuses);
  g_test_add_func ("/duration/format", test_format);

  return g_test_run ();
}
