/* bp-render-compare.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "compare/bp-compare.h"
#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* A comparison drawn over NEW's render (bp_render_overlay() calls it when
 * its overlay has one): added cards outlined in green, changed ones in
 * orange, removed cards as faded ghosts where they stood, and a thin
 * arrow from the old place of each card that moved to another lane or
 * stage. A card whose only change is its position is layout and is not
 * marked.
 *
 * An old place is found in NEW's grid: the card's offset from the top
 * left of its OLD stage and lane, from the top left of their
 * counterparts in NEW; a card whose old stage or lane has none is not
 * drawn. @layout lays out NEW, @old_layout OLD; @cr's user space is
 * canvas units. */
void  bp_render_compare             (cairo_t      *cr,
                                     BpLayout     *layout,
                                     BpLayout     *old_layout,
                                     BpComparison *comparison,
                                     double        zoom,
                                     gboolean      dark);

/* Where OLD's @step stood, in @layout's canvas units (see above); FALSE
 * when its stage or lane is gone. */
gboolean bp_render_compare_old_rect (BpLayout     *layout,
                                     BpLayout     *old_layout,
                                     BpComparison *comparison,
                                     BpStep       *step,
                                     BpRect       *rect);

G_END_DECLS
