/* bp-application.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bp-window.h"

G_BEGIN_DECLS

#define BP_TYPE_APPLICATION (bp_application_get_type ())

G_DECLARE_FINAL_TYPE (BpApplication, bp_application, BP, APPLICATION, AdwApplication)

/* Touchpoint: one window per document; opening a file that is already
 * open raises its window. */
BpApplication *bp_application_new          (void);
/* A new, empty window that follows the style. */
BpWindow      *bp_application_new_window   (BpApplication *self);
/* The window showing @file, or NULL. */
BpWindow      *bp_application_find_window  (BpApplication *self,
                                            GFile         *file);

/* Touchpoint's settings, looked up once for the process; NULL where the
 * schema is not installed (an uninstalled build runs without it). */
GSettings     *bp_application_get_settings (void);
/* Whether the installed schema has @key (an older one may lack it). */
gboolean       bp_application_has_setting  (const char    *key);

G_END_DECLS
