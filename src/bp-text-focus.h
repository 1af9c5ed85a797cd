/* bp-text-focus.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the keyboard focus of @widget's window is in a text field (an
 * entry, a spin button, a text view): there Ctrl+A, Ctrl+Z, Delete, the
 * arrows and the space edit the text, and the canvas's shortcuts must
 * leave them to it. FALSE when @widget is in no window. */
gboolean  bp_text_focus_is_in_text  (GtkWidget  *widget);

G_END_DECLS
