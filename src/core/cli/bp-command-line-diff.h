/* bp-command-line-diff.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "export/bp-export.h"

G_BEGIN_DECLS

/* touchpoint --diff OLD NEW: prints what changed from OLD to NEW, as a
 * readable summary (@format "text" or NULL) or as JSON ("json"; see
 * compare/bp-compare-report.h). Returns the exit status of diff(1):
 * 0 when the two read to the same blueprint, 1 when they differ, 2 when
 * a file cannot be read (the reader's error is printed) or the command
 * line is wrong. */
int  bp_command_line_diff  (char       **files,
                            const char  *format);

/* touchpoint --export=OUT --diff-against=OLD NEW: reads OLD and sets
 * @options (those of OUT's export) to draw NEW's changes since it.
 * Returns OLD, the caller's, or NULL with the message printed: the
 * reader's when OLD cannot be read, or that OUT is not a picture (PNG,
 * PDF or SVG), in which case @options are not touched. */
BpDocument *bp_command_line_read_diff_against (const char      *old_path,
                                               const char      *export_path,
                                               BpExportOptions *options);

G_END_DECLS
