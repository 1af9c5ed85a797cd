/* bp-document.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/bp-conflict.h"
#include "model/bp-dismissal.h"
#include "model/bp-flow.h"
#include "model/bp-item.h"
#include "model/bp-lane.h"
#include "model/bp-stage.h"
#include "model/bp-step.h"
#include "model/bp-types.h"

G_BEGIN_DECLS

typedef struct _BpHistory BpHistory;

#define BP_TYPE_DOCUMENT (bp_document_get_type ())

G_DECLARE_FINAL_TYPE (BpDocument, bp_document, BP, DOCUMENT, GObject)

/* One service blueprint: its title, scenario and state, and four ordered
 * lists — stages, lanes, steps and flows — as GListModels whose
 * items-changed tells a view what to redraw.
 *
 * Every change goes through this API or the items' setters, and every
 * change is recorded in the document's history, so it can be undone.
 *
 * Properties: "title" (never NULL), "state" (BpBlueprintState), "persona",
 * "goal", "scenario-start", "scenario-end" (NULL when absent), "tolerance"
 * (seconds, negative when absent), "dismissed" and "conflicts" (GPtrArray
 * of BpDismissal and of BpConflict).
 *
 * Signals:
 *  - "item-changed" (BpItem *item, GParamSpec *pspec): a property of an
 *    attached stage, lane, step or flow changed;
 *  - "changed": emitted once after any change to the document, its items
 *    or its lists; the cheap thing for a view to relayout on.
 */
BpDocument  *bp_document_new               (void);
/* A new blueprint with the five standard lanes and stages Attract, Orient,
 * Use, Retain and Maintain, with an empty, unmodified history. */
BpDocument  *bp_document_new_standard      (void);

BpHistory   *bp_document_get_history       (BpDocument   *self);

const char  *bp_document_get_title         (BpDocument   *self);
void         bp_document_set_title         (BpDocument   *self,
                                            const char   *title);
BpBlueprintState bp_document_get_state     (BpDocument   *self);
void         bp_document_set_state         (BpDocument   *self,
                                            BpBlueprintState state);
const char  *bp_document_get_persona       (BpDocument   *self);
void         bp_document_set_persona       (BpDocument   *self,
                                            const char   *persona);
const char  *bp_document_get_goal          (BpDocument   *self);
void         bp_document_set_goal          (BpDocument   *self,
                                            const char   *goal);
const char  *bp_document_get_scenario_start (BpDocument  *self);
void         bp_document_set_scenario_start (BpDocument  *self,
                                            const char   *start);
const char  *bp_document_get_scenario_end  (BpDocument   *self);
void         bp_document_set_scenario_end  (BpDocument   *self,
                                            const char   *end);

/* The longest the customer accepts for the whole scenario: seconds,
 * negative when absent. */
double       bp_document_get_tolerance     (BpDocument   *self);
void         bp_document_set_tolerance     (BpDocument   *self,
                                            double        tolerance);
gboolean     bp_document_has_tolerance     (BpDocument   *self);

/* The checks the team has accepted: a borrowed array of BpDismissal in
 * file order, which the document never changes once given out (hold a
 * reference to keep it across changes). Dismissals whose item is gone
 * stay here; the writer leaves them out. */
GPtrArray   *bp_document_get_dismissals    (BpDocument   *self);
/* Replaces them all (copied; a repeated check and item is kept once). */
void         bp_document_set_dismissals    (BpDocument   *self,
                                            GPtrArray    *dismissals);
gboolean     bp_document_is_dismissed      (BpDocument   *self,
                                            const char   *check,
                                            const char   *item_id);
/* Adds (at the end) or removes one dismissal, as one undo step "Dismiss
 * Check" or "Restore Check"; nothing when it is already so. */
void         bp_document_set_dismissed     (BpDocument   *self,
                                            const char   *check,
                                            const char   *item_id,
                                            gboolean      dismissed);

/* What a merge could not decide: a borrowed array of BpConflict in file
 * order, never changed once given out. */
GPtrArray   *bp_document_get_conflicts     (BpDocument   *self);
void         bp_document_set_conflicts     (BpDocument   *self,
                                            GPtrArray    *conflicts);
/* Forgets one conflict once a side is chosen (one undo step, "Resolve
 * Conflict"); choosing the side itself is an ordinary change. */
void         bp_document_remove_conflict   (BpDocument   *self,
                                            guint         position);

/* Unknown keys at the top level and inside "scenario", in file order. */
JsonObject  *bp_document_get_extras          (BpDocument *self);
void         bp_document_set_extras          (BpDocument *self,
                                              JsonObject *extras);
JsonObject  *bp_document_get_scenario_extras (BpDocument *self);
void         bp_document_set_scenario_extras (BpDocument *self,
                                              JsonObject *extras);

/* The lists, each a GListModel of BpStage, BpLane, BpStep or BpFlow. */
GListModel  *bp_document_get_stages        (BpDocument   *self);
GListModel  *bp_document_get_lanes         (BpDocument   *self);
GListModel  *bp_document_get_steps         (BpDocument   *self);
GListModel  *bp_document_get_flows         (BpDocument   *self);

guint        bp_document_get_n_stages      (BpDocument   *self);
guint        bp_document_get_n_lanes       (BpDocument   *self);
guint        bp_document_get_n_steps       (BpDocument   *self);
guint        bp_document_get_n_flows       (BpDocument   *self);
/* Borrowed references, or NULL past the end. */
BpStage     *bp_document_get_stage         (BpDocument   *self,
                                            guint         position);
BpLane      *bp_document_get_lane          (BpDocument   *self,
                                            guint         position);
BpStep      *bp_document_get_step          (BpDocument   *self,
                                            guint         position);
BpFlow      *bp_document_get_flow          (BpDocument   *self,
                                            guint         position);

/* Any item by id (ids are unique across the four lists); borrowed. */
BpItem      *bp_document_lookup            (BpDocument   *self,
                                            const char   *id);
/* The item's index in its list, or -1 when it is not in this document. */
int          bp_document_get_position      (BpDocument   *self,
                                            BpItem       *item);
/* An id not used in the document: "@prefix-N". */
char        *bp_document_make_id           (BpDocument   *self,
                                            const char   *prefix);

/* Inserts a detached item into its list at @position (-1: the end). The
 * item's id must not be in use. A lane's position is clamped into its
 * zone; a step must name an existing lane and stage; a flow, two existing
 * distinct steps. Returns FALSE (and changes nothing) when it would break
 * one of those rules. */
gboolean     bp_document_insert            (BpDocument   *self,
                                            BpItem       *item,
                                            int           position);
/* Removes an item and what depends on it, in one undo step: a step's
 * flows, a lane's or a stage's steps with their flows. */
void         bp_document_remove            (BpDocument   *self,
                                            BpItem       *item);
/* What removing @item would take with it, besides itself (a new array
 * of borrowed items: steps first, then flows). */
GPtrArray   *bp_document_get_dependents    (BpDocument   *self,
                                            BpItem       *item);
/* Moves an item to another index of its list; a lane stays in its zone. */
void         bp_document_reorder           (BpDocument   *self,
                                            BpItem       *item,
                                            guint         position);
/* Puts a card into a lane and stage at x, as one undo step "Move Card". */
void         bp_document_move_step         (BpDocument   *self,
                                            BpStep       *step,
                                            const char   *lane_id,
                                            const char   *stage_id,
                                            double        x);

/* Convenience: makes, names and inserts new items with fresh ids. */
BpStage     *bp_document_add_stage         (BpDocument   *self,
                                            const char   *name,
                                            int           position);
BpLane      *bp_document_add_lane          (BpDocument   *self,
                                            BpLaneKind    kind,
                                            const char   *name);
BpStep      *bp_document_add_step          (BpDocument   *self,
                                            const char   *lane_id,
                                            const char   *stage_id,
                                            double        x,
                                            const char   *text);
BpFlow      *bp_document_add_flow          (BpDocument   *self,
                                            const char   *from_id,
                                            const char   *to_id);

/* The range [first, last) of lane positions that hold @kind's zone;
 * first == last for an empty zone (then it is where such a lane would go). */
void         bp_document_get_zone_range    (BpDocument   *self,
                                            BpLaneKind    kind,
                                            guint        *first,
                                            guint        *last);

G_END_DECLS
