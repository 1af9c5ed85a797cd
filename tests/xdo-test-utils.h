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
/* Moves the pointer to the screen's @sx,@sy, waiting there first when
 * @sync (--sync waits for ever when the pointer is there already), then
 * does @button ("click", "mousedown", "mouseup") with button 1, unless
 * NULL. A drag is a "mousedown", moves, and a "mouseup". */
void       xdo_test_pointer            (int          sx,
                                        int          sy,
                                        gboolean     sync,
                                        const char  *button);
/* Moves the pointer to a point of @widget and clicks @count times. */
void       xdo_test_click              (GtkWidget   *widget,
                                        double       x,
                                        double       y,
                                        int          count);
/* Types @text; presses the keys @keys ("ctrl+Right Return"). */
void       xdo_test_type               (const char  *text);
void       xdo_test_keys               (const char  *keys);
/* The same, @delay milliseconds apart (xdotool's own when negative),
 * and for keys, with the modifiers held on the X server let go first
 * when @clear_modifiers. */
void       xdo_test_type_full          (const char  *text,
                                        int          delay);
void       xdo_test_keys_full          (const char  *keys,
                                        int          delay,
                                        gboolean     clear_modifiers);

G_END_DECLS
