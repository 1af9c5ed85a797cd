/* xdo-test-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "editor-test-utils.h"

G_BEGIN_DECLS

/* Real input for the window's tests: xdotool on the X server the window
 * is on, run while the main loop keeps the window answering. */

/* Whether real input can be sent; when not, marks the test skipped. */
gboolean   xdo_test_available          (void);
/* Runs xdotool with @args (NULL-terminated, without "xdotool"). */
void       xdo_test_run                (const char  *first,
                                        ...) G_GNUC_NULL_TERMINATED;
/* A point of @widget to the X screen's coordinates. */
void       xdo_test_widget_to_screen   (GtkWidget   *widget,
                                        double       x,
                                        double       y,
                                        int         *sx,
                                        int         *sy);
/* Moves the pointer to a point of @widget and clicks @count times. */
void       xdo_test_click              (GtkWidget   *widget,
                                        double       x,
                                        double       y,
                                        int          count);
/* Types @text; presses the keys @keys ("ctrl+Right Return"). */
void       xdo_test_type               (const char  *text);
void       xdo_test_keys               (const char  *keys);

G_END_DECLS
