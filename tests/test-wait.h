/* test-wait.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many times longer than usual the tests wait before giving up:
 * $TOUCHPOINT_TEST_TIMEOUT_FACTOR (slow builds, busy machines), else 1. */
double     test_timeout_factor         (void);
/* @milliseconds times the factor. */
guint      test_scaled_ms              (guint         milliseconds);
/* The g_get_monotonic_time () at which a wait of @milliseconds, times
 * the factor, from now gives up. */
gint64     test_deadline               (guint         milliseconds);
/* Runs the default main context until @condition holds or the deadline
 * of @milliseconds passes; returns the condition's last answer. */
gboolean   test_wait_until             (gboolean    (*condition) (gpointer),
                                        gpointer      data,
                                        guint         milliseconds);

G_END_DECLS
