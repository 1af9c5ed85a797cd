/* bp-compare-report.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "compare/bp-compare.h"

G_BEGIN_DECLS

/* A comparison written out, for `touchpoint --diff` and the editor's list
 * of changes.
 *
 * bp_comparison_to_json() gives one JSON object, two-space indented, with
 * a final newline; the same comparison always gives the same bytes:
 *
 *   { "steps":  { "added": [ids], "removed": [ids],
 *                 "changed": [ { "id", "fields": [keys], "crossed": [lines],
 *                                "matched_by_text": bool } ] },
 *     "flows":  { "added", "removed", "changed": [ { "id", "fields" } ] },
 *     "stages": { "added", "removed", "changed", "reordered": bool },
 *     "lanes":  { "added", "removed", "changed", "reordered": bool },
 *     "blueprint": { "fields": [keys] },
 *     "figures": { "elapsed": [old, new], "unknown", "interaction",
 *                  "visibility", "internal", "actor_handoffs", "fail_points",
 *                  "pain_points", "wait_points", "warnings" } }
 *
 * Ids are NEW's for added and changed items and OLD's for removed ones,
 * each list in file order. "fields" lists the changed .bpj keys in the
 * format page's order, then the changed keys this version does not know,
 * sorted. A pair matched by text also has "old_id" (stages, lanes and
 * flows then have "matched_by_text": true too). "crossed" names the lines
 * a step crossed: "interaction", "visibility", "internal". "figures"
 * gives each figure of compare/bp-compare-figures.h before and after
 * (the elapsed time in seconds).
 *
 * bp_comparison_to_text() is the readable summary: the blueprint's
 * fields, stages, lanes, then the steps grouped by stage, then flows, one
 * change a line, each beginning with "+" (added), "-" (removed), "→"
 * (moved to another lane or stage) or "~" (changed); a change of position
 * alone is layout and left out. Then the figures before and after. The
 * empty string when nothing differs.
 */
char        *bp_comparison_to_json          (BpComparison          *self);
char        *bp_comparison_to_text          (BpComparison          *self);

/* One change as a line of the summary, without the leading sigil and
 * the stage, for a list of changes: "Customer actions: Pays from the
 * reminder link", "Identity service checks the code: 2 s → 1 s". */
char        *bp_compare_change_describe     (BpComparison          *self,
                                             const BpCompareChange *change);
/* The sigil of a change: "+", "-", "→" or "~". */
const char  *bp_compare_change_sigil        (const BpCompareChange *change);

G_END_DECLS
