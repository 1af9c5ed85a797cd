/* bp-replace-question.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "Replace “plan.png”?" over @parent, with Cancel and Replace, for a file
 * whose name Touchpoint completed after the file chooser had already
 * asked about the one the user typed. Its "response" is "replace" or
 * "cancel"; bp_replace_question_get_file() says which file it is about. */
AdwMessageDialog *bp_replace_question_new      (GtkWindow        *parent,
                                                GFile            *file);
GFile            *bp_replace_question_get_file (AdwMessageDialog *question);

G_END_DECLS
