/* bp-edit-commands.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "edit/bp-selection.h"

G_BEGIN_DECLS

/* The editing commands: what the window's actions, the canvas's keys and
 * the menus do to a document, in one place and without GTK.
 *
 * Every command follows one pattern, and the next ones (copy, paste,
 * duplicate, align) should too:
 *  - it is named bp_edit_VERB[_OBJECT] and takes the BpDocument first,
 *    then the BpSelection when it acts on what is selected (the
 *    selection must be of that document), then its own arguments;
 *  - it changes the document only through the document's API, as one
 *    undo step whose label is what the Undo button says ("Move Card");
 *  - it returns whether it changed the document (or the item it made),
 *    and does nothing when there is nothing to act on;
 *  - it leaves selected what the user would expect to act on next (a
 *    new lane, a pasted card) and relies on the selection dropping what
 *    was removed;
 *  - what the user must be told before (a question) or after (an error)
 *    stays in the window: a command only refuses, with a GError.
 */

#define BP_EDIT_ERROR (bp_edit_error_quark ())

typedef enum {
  /* A blueprint keeps at least one lane and one stage. */
  BP_EDIT_ERROR_LAST_BAND,
} BpEditError;

GQuark    bp_edit_error_quark         (void);

/* Removes the selected cards and flows (a card with its flows); lanes and
 * stages stay (they go through bp_edit_remove_band()). One step: "Remove
 * Selection", or the item's own ("Remove Card") when there is one. */
gboolean  bp_edit_delete_selection    (BpDocument  *document,
                                       BpSelection *selection);
/* Moves the selected cards by @dx canvas units: "Move Card". */
gboolean  bp_edit_nudge_selection     (BpDocument  *document,
                                       BpSelection *selection,
                                       double       dx);
/* Moves each selected card to the lane above (-1) or below (+1) its own,
 * where there is one: "Move Card". */
gboolean  bp_edit_move_selection_lane (BpDocument  *document,
                                       BpSelection *selection,
                                       int          direction);

/* Adds a stage "New stage" after the selected stage (at the end when
 * none is selected) and selects it: "Add Stage". */
BpStage  *bp_edit_add_stage           (BpDocument  *document,
                                       BpSelection *selection);
/* Adds a lane "New lane" to the zone of the selected card or lane (the
 * backstage, the zone teams most often split, when there is none): just
 * below the selected lane, else last in the zone; selects it: "Add
 * Lane". */
BpLane   *bp_edit_add_lane            (BpDocument  *document,
                                       BpSelection *selection);
/* Adds a card of @kind's zone where the keyboard is: in the stage of the
 * selected card or stage (else the first), in the selected card's or
 * lane's own lane when it is of that zone (else the zone's first lane),
 * right of the cards already there; selects it: "Add Card". NULL when
 * the blueprint has no lane of that zone. */
BpStep   *bp_edit_add_card            (BpDocument  *document,
                                       BpSelection *selection,
                                       BpLaneKind   kind);
/* Whether @band (a lane or a stage) may be removed: not the last lane or
 * stage (BP_EDIT_ERROR_LAST_BAND). */
gboolean  bp_edit_can_remove_band     (BpDocument  *document,
                                       BpItem      *band,
                                       GError     **error);
/* The cards that removing @band takes with it. */
guint     bp_edit_count_band_cards    (BpDocument  *document,
                                       BpItem      *band);
/* Removes a lane or a stage with its cards and their flows: "Remove
 * Lane"; refused as bp_edit_can_remove_band() says. */
gboolean  bp_edit_remove_band         (BpDocument  *document,
                                       BpItem      *band,
                                       GError     **error);

G_END_DECLS
