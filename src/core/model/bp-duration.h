/* bp-duration.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Durations as people write them on cards: "30 s", "5 min", "1.5 h",
 * "2 d", or units together, "1 h 30 min"; a bare number alone is
 * seconds. Empty text (or only spaces) is no
 * duration: -1. Returns FALSE when the text is none of these. */
gboolean  bp_duration_parse   (const char *text,
                               double     *seconds);
/* The largest unit that keeps the number short: "45 s", "5 min",
 * "1.5 h", "2 d". */
char     *bp_duration_format  (double      seconds);

G_END_DECLS
