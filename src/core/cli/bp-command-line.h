/* bp-command-line.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs --check, --export, --report, --version and --help without a display.
 * Returns TRUE when the command line was one of those, with the process's
 * exit status in @exit_status; FALSE when it asks for the editor. */
gboolean bp_command_line_run (int    argc,
                              char **argv,
                              int   *exit_status);

G_END_DECLS
