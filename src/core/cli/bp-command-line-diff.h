/* bp-command-line-diff.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* touchpoint --diff OLD NEW: prints what changed from OLD to NEW, as a
 * readable summary (@format "text" or NULL) or as JSON ("json"; see
 * compare/bp-compare-report.h). Returns the exit status of diff(1):
 * 0 when the two read to the same blueprint, 1 when they differ, 2 when
 * a file cannot be read (the reader's error is printed) or the command
 * line is wrong. */
int  bp_command_line_diff  (char       **files,
                            const char  *format);

G_END_DECLS
