/* bench-limits.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times the largest and the most awkward documents the format allows,
 * and those just past its limits, and prints a table (bench-limits.c).
 * @dir is a folder for the files it writes. */
void   bench_limits_run   (const char *dir);
/* The text of the benchmark's blueprint of @n_steps steps (six lanes,
 * two cards per lane in each stage, an arrow from each card to the next):
 * with BP_MAX_ITEMS, the largest file the limits are timed on. */
char  *bench_limits_journey (guint     n_steps);

G_END_DECLS
