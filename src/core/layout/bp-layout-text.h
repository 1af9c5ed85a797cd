/* bp-layout-text.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "model/bp-step.h"

G_BEGIN_DECLS

/* How a card's text is set, shared by the layout (which sizes the card
 * to hold it) and the renderer (which draws it): both set the text
 * through these, so a card is always tall enough for its own text. */

#define BP_CARD_FONT_FAMILY  "Cantarell, Inter, sans-serif"
#define BP_CARD_BODY_SIZE    13.0
#define BP_CARD_SMALL_SIZE   11.0
#define BP_CARD_PADDING      10.0
#define BP_CARD_FOOTER_GAP   4.0
/* Past this many characters a card's text is not shown: pango's time
 * grows with the text, and no one reads a card that long. */
#define BP_CARD_MAX_CHARS    8000

/* A context that lays text out at 1:1, unhinted, whatever the zoom. */
PangoContext         *bp_card_text_context_new (void);
PangoFontDescription *bp_card_text_font_new    (double        size,
                                                PangoWeight   weight);
/* Sets @layout to @text wrapped into @width, never ellipsized. */
void                  bp_card_text_set_body    (PangoLayout  *layout,
                                                const PangoFontDescription *font,
                                                const char   *text,
                                                double        width);
/* Whether @step's card has a footer line (actor or duration). */
gboolean              bp_card_text_has_footer  (BpStep       *step);

/* The height a card needs for its text, cached by text and width. */
typedef struct _BpCardMeasure BpCardMeasure;

BpCardMeasure        *bp_card_measure_new      (void);
void                  bp_card_measure_free     (BpCardMeasure *measure);
/* At least BP_LAYOUT_CARD_HEIGHT. @n_steps bounds the cache's size. */
double                bp_card_measure_height   (BpCardMeasure *measure,
                                                BpStep        *step,
                                                double         width,
                                                guint          n_steps);

G_END_DECLS
