/* bp-palette.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_PALETTE (bp_palette_get_type ())

G_DECLARE_FINAL_TYPE (BpPalette, bp_palette, BP, PALETTE, GtkWidget)

/* The cards to drag onto the canvas, one for each zone. Each is a drag
 * source whose value is the zone's name ("backstage"); the canvas lands
 * the card in the lane under the pointer. */
GtkWidget  *bp_palette_new  (void);

G_END_DECLS
