/* bp-compare.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* What changed from one blueprint to another: the service as it is (OLD)
 * and as it is meant to become (NEW).
 *
 * bp_compare() matches the stages, lanes, steps and flows of the two
 * documents by id. Items left over on both sides are then paired by
 * content, and the pair is marked matched_by_text, so that a future state
 * drawn from scratch still compares item by item:
 *  - a stage with a stage of the same (normalised) name;
 *  - a lane with a lane of the same kind and (normalised) name;
 *  - a step with a step in a stage of the same name and a lane of the same
 *    zone whose normalised text (case folded, punctuation and runs of
 *    spaces made one space) is at least 80 % similar (1 − edit distance /
 *    the longer length); the most similar pairs are taken first;
 *  - a flow with a flow between the counterparts of its two steps.
 *
 * Everything else is added (only in NEW) or removed (only in OLD). A pair
 * is changed when a field differs, each field named by its .bpj key
 * (BpCompareField), except that a step's x and width together are
 * "position". Two documents compare the same when they read from files
 * that differ only in key order, whitespace, flag order and keys written
 * at their default value: what is compared is the document, never text.
 * The order of steps and of flows in their lists means nothing in a
 * blueprint and is not compared; the order of stages and of lanes is
 * (reordered).
 *
 * A flow whose ends are not the counterparts of the old flow's ends is
 * removed and added, not changed.
 *
 * The result is immutable and holds references to the two documents and
 * to the items it names, so it stays valid while either is edited; an
 * editor showing it recomputes it after the document's "changed" signal
 * (two blueprints of 10,000 steps take about 30 ms of CPU; see
 * tests/bench-compare.c). Pairing by text compares at most 250,000 pairs
 * of texts once equal texts are paired, which bounds the time two large
 * files with no common id can take.
 */

#define BP_TYPE_COMPARISON (bp_comparison_get_type ())

G_DECLARE_FINAL_TYPE (BpComparison, bp_comparison, BP, COMPARISON, GObject)

/* The four lists of a blueprint. */
typedef enum {
  BP_COMPARE_STAGES,
  BP_COMPARE_LANES,
  BP_COMPARE_STEPS,
  BP_COMPARE_FLOWS,
} BpCompareList;

#define BP_COMPARE_N_LISTS 4

typedef enum {
  BP_COMPARE_ADDED,
  BP_COMPARE_REMOVED,
  BP_COMPARE_CHANGED,
} BpCompareStatus;

/* The fields that can change, by .bpj key. Which apply to what:
 *   blueprint  title, scenario, state, tolerance, dismissed (the set of
 *              checks accepted), conflicts (what a merge left open)
 *   stage      name, width, tolerance
 *   lane       kind, name, height, color
 *   step       lane, stage, position (x or width), text, actor, duration,
 *              tolerance, notes, flags, color
 *   flow       label, kind
 * bp_compare_field_to_string() gives the key; listed in the order of the
 * format page's tables, which is the order the keys are reported in. */
typedef enum /*< flags >*/ {
  BP_COMPARE_FIELD_TITLE     = 1 << 0,
  BP_COMPARE_FIELD_SCENARIO  = 1 << 1,
  BP_COMPARE_FIELD_STATE     = 1 << 2,
  BP_COMPARE_FIELD_KIND      = 1 << 3,
  BP_COMPARE_FIELD_NAME      = 1 << 4,
  BP_COMPARE_FIELD_LANE      = 1 << 5,
  BP_COMPARE_FIELD_STAGE     = 1 << 6,
  BP_COMPARE_FIELD_POSITION  = 1 << 7,
  BP_COMPARE_FIELD_WIDTH     = 1 << 8,
  BP_COMPARE_FIELD_HEIGHT    = 1 << 9,
  BP_COMPARE_FIELD_TEXT      = 1 << 10,
  BP_COMPARE_FIELD_ACTOR     = 1 << 11,
  BP_COMPARE_FIELD_DURATION  = 1 << 12,
  BP_COMPARE_FIELD_TOLERANCE = 1 << 13,
  BP_COMPARE_FIELD_NOTES     = 1 << 14,
  BP_COMPARE_FIELD_FLAGS     = 1 << 15,
  BP_COMPARE_FIELD_COLOR     = 1 << 16,
  BP_COMPARE_FIELD_LABEL     = 1 << 17,
  BP_COMPARE_FIELD_DISMISSED = 1 << 18,
  BP_COMPARE_FIELD_CONFLICTS = 1 << 19,
} BpCompareField;

#define BP_COMPARE_N_FIELDS 20

/* The three lines of a blueprint, which a step crosses when its lane
 * moves to another zone (a customer step moved to support crosses all
 * three). */
typedef enum /*< flags >*/ {
  BP_COMPARE_LINE_INTERACTION = 1 << 0,  /* customer | frontstage */
  BP_COMPARE_LINE_VISIBILITY  = 1 << 1,  /* frontstage | backstage */
  BP_COMPARE_LINE_INTERNAL    = 1 << 2,  /* backstage | support */
} BpCompareLines;

#define BP_COMPARE_N_LINES 3

/* One item added, removed or changed. Owned by the comparison. */
typedef struct {
  BpCompareList    list;
  BpCompareStatus  status;
  /* The item in OLD (NULL when added) and in NEW (NULL when removed);
   * references held by the comparison. Their ids differ only when
   * matched_by_text. */
  BpItem          *old_item;
  BpItem          *new_item;
  gboolean         matched_by_text;

  /* For a changed item: the fields that differ (may be none for a pair
   * matched by text), and the keys the format does not know (kept from
   * the file) whose values differ, sorted; NULL when none. */
  BpCompareField   fields;
  char           **other_keys;

  /* Steps only. The lines between the old lane's zone and the new one's. */
  BpCompareLines   crossed;
  /* NEW's duration minus OLD's, in seconds; NAN unless both have one. */
  double           duration_delta;
  /* Flags NEW has and OLD had not, and the other way round. */
  BpStepFlags      flags_set;
  BpStepFlags      flags_cleared;
} BpCompareChange;

/* Compares @old_document with @new_document. Neither is changed. */
BpComparison      *bp_compare                 (BpDocument      *old_document,
                                               BpDocument      *new_document);

/* The two documents compared (borrowed). */
BpDocument        *bp_comparison_get_old_document (BpComparison *self);
BpDocument        *bp_comparison_get_new_document (BpComparison *self);

/* TRUE when nothing differs at all (the two read to the same document). */
gboolean           bp_comparison_is_same      (BpComparison    *self);

/* The changes to one list, borrowed BpCompareChange pointers: the removed
 * items in OLD's order, then the added and changed ones in NEW's order. */
GPtrArray         *bp_comparison_get_changes  (BpComparison    *self,
                                               BpCompareList    list);
/* Counts by status, for one list. */
guint              bp_comparison_count        (BpComparison    *self,
                                               BpCompareList    list,
                                               BpCompareStatus  status);
/* Whether the items present in both documents stand in a different
 * relative order (stages and lanes only; FALSE for steps and flows).
 * Adding or removing an item alone is not a reorder. */
gboolean           bp_comparison_get_reordered (BpComparison   *self,
                                               BpCompareList    list);

/* The change that names the item with this id in NEW (added or changed),
 * or in OLD (removed or changed); NULL when that item did not change. */
const BpCompareChange *bp_comparison_lookup_new (BpComparison  *self,
                                               const char      *new_id);
const BpCompareChange *bp_comparison_lookup_old (BpComparison  *self,
                                               const char      *old_id);
/* An OLD item's counterpart in NEW (matched by id or by text), or NULL
 * when it has none (it was removed); borrowed. */
BpItem            *bp_comparison_get_new_for_old (BpComparison *self,
                                               BpItem          *old_item);

/* The blueprint's own fields that differ (title, scenario, state,
 * tolerance, dismissed, conflicts), and its unknown top-level keys that differ, sorted (NULL
 * when none). */
BpCompareField     bp_comparison_get_blueprint_fields (BpComparison *self);
const char * const *bp_comparison_get_blueprint_other_keys (BpComparison *self);

/* The .bpj key of one field ("position" for x and width). */
const char        *bp_compare_field_to_string (BpCompareField   field);
/* The fields that apply to items of @list, in reporting order; @n_fields
 * is set to their number. The blueprint's with BP_COMPARE_N_LISTS. */
const BpCompareField *bp_compare_fields_for_list (guint         list,
                                               guint           *n_fields);
/* "interaction", "visibility", "internal" for one line. */
const char        *bp_compare_line_to_string  (BpCompareLines   line);
/* The lines between two zones. */
BpCompareLines     bp_compare_lines_between   (BpLaneKind       from,
                                               BpLaneKind       to);

/* How alike two texts are once normalised, from 0 (nothing alike) to 1
 * (the same); 0 when either is empty after normalising. */
double             bp_compare_text_similarity (const char      *a,
                                               const char      *b);

G_END_DECLS
