/* bp-insights-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "insights/bp-insights.h"

G_BEGIN_DECLS

/* The pass, in three files: bp-insights.c gathers the document into the
 * arrays below and counts the crossings, bp-insights-time.c finds the
 * longest paths, bp-insights-checks.c raises the checks. Neither of the
 * last two calls into the first. */

/* Which message a check takes, with the figures it quotes. */
typedef enum {
  BP_MESSAGE_CUSTOMER_UNSUPPORTED,
  BP_MESSAGE_BACKSTAGE_ORPHAN,
  BP_MESSAGE_STAGE_WITHOUT_EVIDENCE,
  BP_MESSAGE_STAGE_WITHOUT_CUSTOMER,
  BP_MESSAGE_DEAD_END,
  BP_MESSAGE_FAIL_POINT_UNRECOVERED,
  BP_MESSAGE_OVER_TOLERANCE_STEP,
  BP_MESSAGE_OVER_TOLERANCE_STAGE,
  BP_MESSAGE_OVER_TOLERANCE_BLUEPRINT,
  BP_MESSAGE_LEAP_OVER_VISIBILITY,
  BP_MESSAGE_SEQUENCE_CYCLE,
  BP_MESSAGE_WAIT_WITHOUT_DURATION,
  BP_MESSAGE_MISSING_ACTOR,
  BP_MESSAGE_EMPTY_STAGE,
} BpMessage;

typedef struct
{
  BpInsightsCheck  check;
  BpMessage        message;
  double           value;    /* the time that is too long */
  double           limit;    /* the tolerance */
  guint            unknown;  /* steps of unknown duration in @value */
  char            *text;     /* made when first asked for */
} BpInsightsCheckRecord;

struct _BpInsights
{
  gatomicrefcount  ref_count;
  GStringChunk    *strings;    /* the ids */

  double           elapsed;
  guint            unknown;
  double           tolerance;
  gboolean         over;
  double           customer;
  double           waiting;
  BpCrossings      crossings;
  guint            n_fail_points;
  guint            n_wait_points;

  GArray          *stages;     /* of BpInsightsStage */
  GArray          *flows;      /* of BpInsightsFlow */
  GArray          *checks;     /* of BpInsightsCheckRecord */
  GPtrArray       *path;       /* of ids, NULL-terminated */
  guint            counts[BP_N_SEVERITIES];
  /* item id → 1 + the position of its first check, made when first asked
   * for; an item's checks are next to each other */
  GHashTable      *first_check;
};

/* A step as the pass sees it. */
typedef struct
{
  const char  *id;         /* in the result's string chunk */
  int          zone;       /* BpLaneKind */
  guint        stage;      /* the stage's position */
  double       x;
  double       duration;   /* negative: unknown */
  double       tolerance;  /* negative: none */
  BpStepFlags  flags;
  int          actor;      /* the same number for the same actor; -1: none */
  /* What touches it. */
  guint        n_flows;
  guint        n_in_sequence;
  guint        n_out;
  guint        n_out_recovery;
  gboolean     meets_frontstage;  /* a flow to or from a frontstage or evidence step */
} BpInsightsStep;

typedef struct
{
  guint        from;       /* step positions */
  guint        to;
  BpFlowKind   kind;
  gboolean     cycle;      /* the backward flow of a cycle of sequence flows */
} BpInsightsFlowEnds;

typedef struct
{
  BpDocument      *document;
  BpInsights      *result;
  guint            n_steps;
  BpInsightsStep  *steps;
  guint            n_flows;
  BpInsightsFlowEnds *flows;
  guint            n_stages;
  guint           *stage_zone_counts;  /* [stage * BP_N_LANE_KINDS + zone] */
  /* item id → the dismissed checks on it, as bits of the known checks;
   * NULL when the document dismisses nothing (bp-insights-checks.c) */
  GHashTable      *dismissed;
} BpInsightsPass;

/* bp-insights-time.c: the elapsed time of the blueprint and of each
 * stage, the path, and which flows are rework (flows[].cycle, and
 * result->flows[].rework). */
void   bp_insights_compute_time    (BpInsightsPass *pass);

/* bp-insights-checks.c: every check, after the time is known. */
void   bp_insights_compute_checks  (BpInsightsPass *pass);
/* The translated message of a raised check. */
char  *bp_insights_format_message  (const BpInsightsCheckRecord *record);

G_END_DECLS
