/* bp-card-editor.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/bp-lane.h"
#include "model/bp-stage.h"
#include "model/bp-step.h"

G_BEGIN_DECLS

#define BP_TYPE_CARD_EDITOR (bp_card_editor_get_type ())

G_DECLARE_FINAL_TYPE (BpCardEditor, bp_card_editor, BP, CARD_EDITOR, GtkPopover)

/* A card's text, or a lane's or stage's name, edited in place: a popover
 * over the card or header whose field commits on Enter as one undo step;
 * a card's text takes several lines (Shift+Enter starts a new one).
 * Escape leaves the item as it was. */
GtkWidget  *bp_card_editor_new   (void);
void        bp_card_editor_edit  (BpCardEditor       *self,
                                  BpStep             *step,
                                  const GdkRectangle *card);
/* @item: a step, a lane or a stage. */
void        bp_card_editor_edit_item (BpCardEditor   *self,
                                  BpItem             *item,
                                  const GdkRectangle *rect);
/* What is being edited, or NULL; the step, or NULL when it is no step. */
BpItem     *bp_card_editor_get_item (BpCardEditor    *self);
BpStep     *bp_card_editor_get_step (BpCardEditor    *self);
/* Sets the card's text to what the entry holds (what Enter does). */
void        bp_card_editor_commit (BpCardEditor      *self);
/* The one-line field of a lane's or stage's name. */
GtkEditable *bp_card_editor_get_entry (BpCardEditor  *self);
/* What the field being edited holds (a card's text may have several
 * lines); setting it, and committing it as Enter does. */
char        *bp_card_editor_get_text  (BpCardEditor  *self);
void         bp_card_editor_set_text  (BpCardEditor  *self,
                                       const char    *text);
void         bp_card_editor_activate  (BpCardEditor  *self);
/* The field being edited: a text view for a card, an entry otherwise. */
GtkWidget   *bp_card_editor_get_field (BpCardEditor  *self);

G_END_DECLS
