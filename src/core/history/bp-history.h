/* bp-history.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BpDocument BpDocument;

#define BP_TYPE_HISTORY (bp_history_get_type ())

G_DECLARE_FINAL_TYPE (BpHistory, bp_history, BP, HISTORY, GObject)

/* Undo and redo for one document.
 *
 * A change records its inverse: the old value of a property, or the
 * insert, remove or move that puts a list back; items are found again by
 * id. Changes made between begin() and end() form one undo step (nesting
 * is allowed; the outermost label names the step). A change made outside
 * any transaction is a step of its own. Consecutive edits of the same
 * property of the same item coalesce into one step until
 * bp_history_break_coalescing(), an undo, a redo or a save point.
 *
 * Properties: "can-undo", "can-redo", "undo-label", "redo-label",
 * "modified", "limit".
 */


void         bp_history_begin                (BpHistory  *self,
                                              const char *label);
void         bp_history_end                  (BpHistory  *self);
/* Undoes what the innermost open transaction changed so far and closes it
 * without leaving an undo step (Escape during a drag). */
void         bp_history_rollback             (BpHistory  *self);
guint        bp_history_get_depth            (BpHistory  *self);

gboolean     bp_history_undo                 (BpHistory  *self);
gboolean     bp_history_redo                 (BpHistory  *self);
gboolean     bp_history_can_undo             (BpHistory  *self);
gboolean     bp_history_can_redo             (BpHistory  *self);
/* "Move Card", or NULL when there is nothing to undo or redo. */
const char  *bp_history_get_undo_label       (BpHistory  *self);
const char  *bp_history_get_redo_label       (BpHistory  *self);
guint        bp_history_get_n_undo           (BpHistory  *self);
guint        bp_history_get_n_redo           (BpHistory  *self);

/* The next change starts a new undo step even when it edits the same
 * property (the user left the text field). */
void         bp_history_break_coalescing     (BpHistory  *self);

/* The saved point: the document is unmodified while the history stands
 * where it stood at the last call. */
void         bp_history_mark_saved           (BpHistory  *self);
gboolean     bp_history_get_modified         (BpHistory  *self);
/* No point of the history matches the file any more (a document restored
 * from a recovery copy): it stays modified until the next save point. */
void         bp_history_mark_unsaved         (BpHistory  *self);

/* Forgets every step (after loading a file). */
void         bp_history_clear                (BpHistory  *self);

/* While frozen, changes are not recorded (building a document from a
 * file); nests. */
void         bp_history_freeze               (BpHistory  *self);
void         bp_history_thaw                 (BpHistory  *self);
gboolean     bp_history_is_frozen            (BpHistory  *self);

/* At most this many undo steps are kept; the oldest go first. 0: no bound.
 * Default 1000. */
guint        bp_history_get_limit            (BpHistory  *self);
void         bp_history_set_limit            (BpHistory  *self,
                                              guint       limit);

G_END_DECLS
