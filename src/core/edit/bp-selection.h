/* bp-selection.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_SELECTION (bp_selection_get_type ())

G_DECLARE_FINAL_TYPE (BpSelection, bp_selection, BP, SELECTION, GObject)

/* The items selected in one document, held by id in the order they were
 * selected.
 *
 * It never holds the id of an item the document no longer has: an item
 * removed (by a command, an undo or a redo) leaves the selection with it.
 * Undo and redo select nothing back. Inside a history transaction the
 * selection drops such ids at once but says so when the transaction ends.
 *
 * Properties: "document" (may be NULL: then nothing can be selected).
 *
 * Signals:
 *  - "changed": emitted once per operation that changed what is selected
 *    (or the document it selects in), never once per item.
 */
BpSelection *bp_selection_new              (BpDocument  *document);

BpDocument  *bp_selection_get_document     (BpSelection *self);
/* Selects nothing in the new document. */
void         bp_selection_set_document     (BpSelection *self,
                                            BpDocument  *document);
/* Moves to @document, keeping the ids it also has, in their order (the
 * same file read again). */
void         bp_selection_replace_document (BpSelection *self,
                                            BpDocument  *document);

guint        bp_selection_get_count        (BpSelection *self);
gboolean     bp_selection_contains         (BpSelection *self,
                                            BpItem      *item);
gboolean     bp_selection_contains_id      (BpSelection *self,
                                            const char  *id);
/* Iteration in selection order: the id or the item (borrowed) at
 * @position, NULL past the end. */
const char  *bp_selection_get_id           (BpSelection *self,
                                            guint        position);
BpItem      *bp_selection_get_item         (BpSelection *self,
                                            guint        position);
/* A new array of the selected items (borrowed) in selection order; only
 * those of @type (BP_TYPE_ITEM: all). */
GPtrArray   *bp_selection_get_items        (BpSelection *self,
                                            GType        type);
/* The selected ids as a set, for BpRenderOptions.selection: borrowed,
 * the same table for the selection's life, changing with it. */
GHashTable  *bp_selection_get_ids          (BpSelection *self);

/* Each of these emits "changed" at most once. @item must belong to the
 * selection's document. */
void         bp_selection_add              (BpSelection *self,
                                            BpItem      *item);
/* Adds items of a GPtrArray (borrowed BpItems). */
void         bp_selection_add_items        (BpSelection *self,
                                            GPtrArray   *items);
void         bp_selection_remove           (BpSelection *self,
                                            BpItem      *item);
void         bp_selection_toggle           (BpSelection *self,
                                            BpItem      *item);
/* Selects @item alone; NULL clears. */
void         bp_selection_set              (BpSelection *self,
                                            BpItem      *item);
void         bp_selection_clear            (BpSelection *self);
/* Every card (step) of the document, in document order. */
void         bp_selection_select_all       (BpSelection *self);

G_END_DECLS
