/* bp-find.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* Whether @step's text, actor or notes hold @query, ignoring case and
 * the way accented letters are composed. An empty query matches
 * nothing. */
gboolean   bp_find_step_matches (BpStep      *step,
                                 const char  *query);

/* The steps of @document that match @query, in reading order: stage by
 * stage, within a stage lane by lane from the top, then left to right.
 * A new array of borrowed steps, empty when nothing matches. */
GPtrArray *bp_find_steps        (BpDocument  *document,
                                 const char  *query);

G_END_DECLS
