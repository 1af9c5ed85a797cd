/* test-wait.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-wait.h"

double
test_timeout_factor (void)
{
  const char *text = g_getenv ("TOUCHPOINT_TEST_TIMEOUT_FACTOR");
  double factor;

  if (text == NULL || *text == '\0')
    return 1;
  factor = g_ascii_strtod (text, NULL);
  /* A shorter wait than usual would only turn slowness into failures. */
  return MAX (factor, 1);
}

guint
test_scaled_ms (guint milliseconds)
{
  return (guint) (milliseconds * test_timeout_factor ());
}

gint64
test_deadline (guint milliseconds)
{
  return g_get_monotonic_time () + (gint64) test_scaled_ms (milliseconds) * 1000;
}

gboolean
test_wait_until (gboolean (*condition) (gpointer),
                 gpointer   data,
                 guint      milliseconds)
{
  gint64 end = test_deadline (milliseconds);

  while (g_get_monotonic_time () < end)
    {
      if (condition (data))
        return TRUE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return condition (data);
}
