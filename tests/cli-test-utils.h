/* cli-test-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs $TOUCHPOINT_BIN with @args (NULL-terminated), without a display,
 * in a UTF-8 C locale. Returns its exit status, and what it printed in
 * @out and @err (either may be NULL); fails the test if it did not exit
 * normally. */
int   cli_test_run_touchpoint   (const char * const  *args,
                                 char               **out,
                                 char               **err);

G_END_DECLS
