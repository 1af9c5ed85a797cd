/* bp-merge.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* The three-way merge of a blueprint that two people changed since a
 * common version (BASE): ours and theirs in, one document out, whose
 * "conflicts" record what only a person can decide.
 *
 * Everything is matched by id, never by text (two cards added with the
 * same words are two cards), and each key of an item is merged on its own,
 * as the .bpj file spells it ("x", "width", "text"…; an unknown key's
 * value is one whole, however nested):
 *  - a change only one side made (an item added, removed, or a key
 *    changed) is taken; the same change on both sides is taken once;
 *  - both sides changed one key differently: ours is kept, and a conflict
 *    records both values;
 *  - an item removed on one side and changed on the other is kept as the
 *    changing side has it, with a conflict on "exists" holding the whole
 *    item on the side that has it;
 *  - what the merged items refer to is kept: a lane or stage one side
 *    removed while the other put a card in it, a step one side removed
 *    while the other drew a flow to it, stays (as the side that kept it
 *    has it), with a conflict on the lane's, stage's or flow's "exists";
 *    so does the last stage or lane when each side removed the other's;
 *  - stages and lanes keep the order of the side that reordered them;
 *    when both did differently, ours wins and a conflict with item null
 *    and field "stages" or "lanes" holds each side's ids in its order;
 *    lanes stay sorted by zone, as the format requires;
 *  - the blueprint's own keys merge like an item's; "scenario" key by key
 *    (a clash is one conflict on "scenario" with both whole objects);
 *    "dismissed" and "conflicts" are sets: the union, less what either
 *    side removed.
 * With @base NULL (no common version: git's add/add) every key the two
 * sides hold differently is a conflict.
 *
 * Merging a side with itself or with the base gives that side exactly.
 * The result always reads back as a valid blueprint; its history is
 * empty. NULL with an error only if it would not (a bug, never bad input:
 * the three documents are valid). */
BpDocument  *bp_merge  (BpDocument  *base,
                        BpDocument  *ours,
                        BpDocument  *theirs,
                        GError     **error);

G_END_DECLS
