/* bp-command-line-merge.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* touchpoint --merge BASE OURS THEIRS [-o OUT]: git's merge driver (%O
 * %A %B). Merges the three blueprints by id (see merge/bp-merge.h) and
 * writes the result over OURS, or to @output when given, atomically.
 * Files are read by their content, whatever their names; an empty BASE
 * means there is no common version. Returns 0 when nothing conflicts, 1
 * when the written file holds conflicts (each is listed on standard
 * error), 2 when a file cannot be read or written (the error is printed,
 * and OURS is left as it was) or the command line is wrong. */
int   bp_command_line_merge            (char       **files,
                                        const char  *output);

/* Prints each conflict of @document as a problem, "NAME: conflicts[i]:
 * …"; returns how many there are. For --check, which counts a file with
 * unresolved conflicts as not done. */
guint bp_command_line_print_conflicts  (BpDocument  *document,
                                        const char  *display_name);

G_END_DECLS
