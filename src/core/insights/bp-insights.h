/* bp-insights.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* What a blueprint says when its figures are added up: where the journey
 * crosses the three lines, how long it takes, and what the blueprint is
 * missing. bp_insights_compute() makes one pass over a document; the
 * result is a snapshot that holds its own copies of the ids, so it stays
 * valid (and unchanged) whatever happens to the document later. Cheap
 * enough to run after every change (see tests/bench-insights.c).
 *
 * Zones are the lane kinds, numbered evidence 0, customer 1, frontstage
 * 2, backstage 3, support 4. The line of interaction lies between zones 1
 * and 2, the line of visibility between 2 and 3, the line of internal
 * interaction between 3 and 4.
 *
 * Time. Durations are seconds; a step without one is unknown, counted as
 * zero and counted in "unknown", so that the figure reads "at least 14
 * min, 3 steps unknown". The elapsed time is the longest path through the
 * steps along sequence flows, each step counted once: parallel branches
 * take the longest branch. Recovery and information flows are not edges
 * of the path; rework flows are left out (a loop's time cannot be added
 * once) and flagged, and so is the backward flow of a cycle of sequence
 * flows (the one to a step earlier in stage order, then x), which also
 * raises "sequence-cycle". Among paths of the same length, the one with
 * more unknown steps is chosen, since it may well take longer.
 */

/* The stable names of the checks (what "dismissed" in a file names). */
#define BP_CHECK_CUSTOMER_UNSUPPORTED  "customer-unsupported"
#define BP_CHECK_BACKSTAGE_ORPHAN      "backstage-orphan"
#define BP_CHECK_STAGE_WITHOUT_EVIDENCE "stage-without-evidence"
#define BP_CHECK_STAGE_WITHOUT_CUSTOMER "stage-without-customer"
#define BP_CHECK_DEAD_END              "dead-end"
#define BP_CHECK_FAIL_POINT_UNRECOVERED "fail-point-unrecovered"
#define BP_CHECK_OVER_TOLERANCE        "over-tolerance"
#define BP_CHECK_LEAP_OVER_VISIBILITY  "leap-over-visibility"
#define BP_CHECK_SEQUENCE_CYCLE        "sequence-cycle"
#define BP_CHECK_WAIT_WITHOUT_DURATION "wait-without-duration"
#define BP_CHECK_MISSING_ACTOR         "missing-actor"
#define BP_CHECK_EMPTY_STAGE           "empty-stage"

/* The lines a flow crosses. */
typedef enum /*< flags >*/ {
  BP_LINES_NONE        = 0,
  BP_LINES_INTERACTION = 1 << 0,
  BP_LINES_VISIBILITY  = 1 << 1,
  BP_LINES_INTERNAL    = 1 << 2,
} BpLines;

/* Down: towards a higher zone number (customer to backstage). */
typedef enum {
  BP_DIRECTION_NONE,
  BP_DIRECTION_DOWN,
  BP_DIRECTION_UP,
} BpDirection;

typedef enum {
  BP_SEVERITY_WARNING,
  BP_SEVERITY_INFO,
} BpSeverity;

#define BP_N_SEVERITIES 2

/* Counts of flows: encounters (crossing the line of interaction),
 * visibility crossings, internal hand-offs (crossing the line of internal
 * interaction), and actor hand-offs (both steps have an actor, and they
 * differ ignoring case and surrounding spaces). */
typedef struct
{
  guint interaction;
  guint visibility;
  guint internal;
  guint actor;
} BpCrossings;

/* One flow, in the document's flow order. */
typedef struct
{
  const char  *id;
  BpLines      lines;
  BpDirection  direction;
  gboolean     handoff;
  /* Left out of the elapsed time: a rework flow, or the backward flow of
   * a cycle of sequence flows. */
  gboolean     rework;
} BpInsightsFlow;

/* One stage, in the document's stage order. Times are seconds. */
typedef struct
{
  const char  *id;
  guint        n_steps;
  /* The longest path among the stage's own steps, along sequence flows
   * between two of its steps; unknown durations count as zero. */
  double       elapsed;
  guint        unknown;
  /* Sums: the customer's own time (customer-zone steps), the waiting time
   * (wait points), and the effort of each zone, indexed by BpLaneKind
   * (a sum of durations, not elapsed time). */
  double       customer;
  double       waiting;
  double       effort[BP_N_LANE_KINDS];
  /* Flows whose source step is in this stage. */
  BpCrossings  crossings;
  double       tolerance;  /* negative: none */
  gboolean     over;       /* elapsed > tolerance */
} BpInsightsStage;

/* One raised check. Its message (translated, saying what to do) is
 * bp_insights_get_check_message(). */
typedef struct
{
  const char  *check;      /* BP_CHECK_… */
  const char  *item;       /* the stage, step or flow; NULL: the blueprint */
  BpSeverity   severity;
  /* Listed in the file's "dismissed": shown apart, left out of counts. */
  gboolean     dismissed;
} BpInsightsCheck;

#define BP_TYPE_INSIGHTS (bp_insights_get_type ())

typedef struct _BpInsights BpInsights;

GType         bp_insights_get_type           (void) G_GNUC_CONST;

BpInsights   *bp_insights_compute            (BpDocument  *document);
BpInsights   *bp_insights_ref                (BpInsights  *self);
void          bp_insights_unref              (BpInsights  *self);

/* The blueprint as a whole. */
double        bp_insights_get_elapsed        (BpInsights  *self,
                                              guint       *unknown);
/* The steps of the path that gives the elapsed time, first to last
 * (borrowed ids; NULL-terminated; empty for a blueprint without steps). */
const char * const *bp_insights_get_path     (BpInsights  *self);
double        bp_insights_get_tolerance      (BpInsights  *self);  /* negative: none */
gboolean      bp_insights_is_over            (BpInsights  *self);
const BpCrossings *bp_insights_get_crossings (BpInsights  *self);
guint         bp_insights_get_n_fail_points  (BpInsights  *self);
guint         bp_insights_get_n_wait_points  (BpInsights  *self);
/* Sums over the whole blueprint, as per stage. */
double        bp_insights_get_customer_time  (BpInsights  *self);
double        bp_insights_get_waiting_time   (BpInsights  *self);

guint         bp_insights_get_n_stages       (BpInsights  *self);
const BpInsightsStage *bp_insights_get_stage (BpInsights  *self,
                                              guint        position);
guint         bp_insights_get_n_flows        (BpInsights  *self);
const BpInsightsFlow *bp_insights_get_flow   (BpInsights  *self,
                                              guint        position);

/* Checks in a stable order: the blueprint's, then by stage, step and
 * flow in document order, each item's in the order of the issue's
 * table. */
guint         bp_insights_get_n_checks       (BpInsights  *self);
const BpInsightsCheck *bp_insights_get_check (BpInsights  *self,
                                              guint        position);
const char   *bp_insights_get_check_message  (BpInsights  *self,
                                              guint        position);
/* Checks of @severity that are not dismissed. */
guint         bp_insights_count_checks       (BpInsights  *self,
                                              BpSeverity   severity);
/* The positions of the checks raised on @item_id (NULL: the blueprint),
 * dismissed ones included; a new array of guint, maybe empty. Constant
 * time after the first call (which, like the messages, makes a table:
 * use one BpInsights from one thread). */
GArray       *bp_insights_find_checks        (BpInsights  *self,
                                              const char  *item_id);

/* "warning", "info". */
const char   *bp_severity_to_string          (BpSeverity   severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpInsights, bp_insights_unref)

G_END_DECLS
