/* bp-conflict.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BP_TYPE_CONFLICT (bp_conflict_get_type ())

/* What a three-way merge could not decide: both sides changed @field of
 * @item (NULL: the blueprint itself) differently. The document keeps our
 * side's value and this record of both, as the JSON values the file held,
 * so that they are written back exactly until someone chooses a side.
 * A record that never changes once made, shared by reference. */
typedef struct _BpConflict BpConflict;

GType        bp_conflict_get_type   (void) G_GNUC_CONST;

/* @item is an id or NULL; @field is never NULL ("text", "exists"); @ours
 * and @theirs are copied and may be NULL when that side has no value (the
 * item is gone on that side), which differs from a JSON null; @extras
 * (unknown keys) may be NULL. */
BpConflict  *bp_conflict_new        (const char *item,
                                     const char *field,
                                     JsonNode   *ours,
                                     JsonNode   *theirs,
                                     JsonObject *extras);
BpConflict  *bp_conflict_ref        (BpConflict *self);
void         bp_conflict_unref      (BpConflict *self);

const char  *bp_conflict_get_item   (BpConflict *self);
const char  *bp_conflict_get_field  (BpConflict *self);
/* Borrowed; NULL when the side has no value. */
JsonNode    *bp_conflict_get_ours   (BpConflict *self);
JsonNode    *bp_conflict_get_theirs (BpConflict *self);
JsonObject  *bp_conflict_get_extras (BpConflict *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpConflict, bp_conflict_unref)

G_END_DECLS
