/* bp-clipboard.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "edit/bp-selection.h"

G_BEGIN_DECLS

/* Cut, copy, paste and duplicate of cards, without GTK: the window puts
 * the text these make on the clipboard and hands back what it reads.
 *
 * The clipboard payload, of MIME type BP_CLIPBOARD_MIME_TYPE, is a .bpj
 * document (bpj-format.md, version 1) that holds only
 *  - the copied cards ("steps"), with every key they had, ids included;
 *  - the flows whose two ends are both copied;
 *  - the lanes and stages those cards sit in (id, kind, name), in the
 *    source's order, each stage with one more key, "position": its index
 *    among the source's stages.
 * It is read by the .bpj reader, with all its checks, under the smaller
 * limits below: a payload that breaks a rule is refused whole.
 *
 * A paste gives every card and flow a new id, remaps the flows' ends,
 * and puts each card into a lane and a stage of the target document:
 *  - lanes: the lane of the same id when there is one, else the first
 *    lane of the same zone, else the first lane of the nearest zone (the
 *    one above first);
 *  - stages: the stage of the same id, else the one at the same position
 *    (the last one when there are fewer);
 * then, at a point (the pointer), moves them all by as many lanes and
 * stages as it takes to put the first card (leftmost, then topmost) at
 * the point, keeping their x relative to it; without a point, they keep
 * their x, moved right past the copied cards when the originals are in
 * the document (a paste beside them). */

#define BP_CLIPBOARD_MIME_TYPE "application/x-touchpoint-cards+json"

/* A payload larger than this, or with more cards or flows, is refused;
 * a selection that would make one is not copied. */
#define BP_CLIPBOARD_MAX_BYTES (16 * 1024 * 1024)
#define BP_CLIPBOARD_MAX_CARDS 10000
#define BP_CLIPBOARD_MAX_FLOWS 40000
/* Lines of plain text turned into cards, at most. */
#define BP_CLIPBOARD_MAX_LINES 1000

#define BP_CLIPBOARD_ERROR (bp_clipboard_error_quark ())

typedef enum {
  BP_CLIPBOARD_ERROR_EMPTY,    /* no cards to copy or paste */
  BP_CLIPBOARD_ERROR_INVALID,  /* not a valid payload */
  BP_CLIPBOARD_ERROR_LIMIT,    /* too large, too many cards */
} BpClipboardError;

GQuark       bp_clipboard_error_quark (void);

/* Where pasted cards go: the first card lands in this lane and stage at
 * x (from the stage's left edge). */
typedef struct {
  const char *lane_id;
  const char *stage_id;
  double      x;
} BpPastePoint;

/* The payload for the selected cards (and the flows among them), or NULL
 * with an error when there are none or too many. */
char        *bp_clipboard_copy        (BpDocument        *document,
                                       BpSelection       *selection,
                                       gsize             *length,
                                       GError           **error);
/* The selected cards' texts, one per line, in document order (a card's
 * own line breaks become spaces); NULL when no card is selected. */
char        *bp_clipboard_copy_text   (BpDocument        *document,
                                       BpSelection       *selection);
/* Reads a payload, checked as said above: a detached document holding
 * the cards, or NULL with an error. */
BpDocument  *bp_clipboard_parse       (const char        *data,
                                       gsize              length,
                                       GError           **error);

/* Pastes a payload at @point (NULL: beside the originals) as one undo
 * step "Paste Cards" and selects the new cards. Refuses a bad payload
 * (and a document that could not take it) with no change at all. */
gboolean     bp_edit_paste            (BpDocument        *document,
                                       BpSelection       *selection,
                                       const char        *data,
                                       gsize              length,
                                       const BpPastePoint *point,
                                       GError           **error);
/* Makes a card of each non-empty line of @text, side by side from
 * @point (NULL: right of the first selected card, else at the start of
 * the first customer lane): "Paste Cards". */
gboolean     bp_edit_paste_text       (BpDocument        *document,
                                       BpSelection       *selection,
                                       const char        *text,
                                       const BpPastePoint *point,
                                       GError           **error);
/* Copies the selected cards, with the flows among them, beside
 * themselves and selects the copies, without the clipboard: "Duplicate
 * Cards". */
gboolean     bp_edit_duplicate_selection (BpDocument     *document,
                                          BpSelection    *selection);
/* Removes the selected cards and flows (once the window has copied
 * them): "Cut Cards". */
gboolean     bp_edit_cut_selection    (BpDocument        *document,
                                       BpSelection       *selection);

G_END_DECLS
