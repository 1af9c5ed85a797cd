/* bp-types.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The .bpj format version this build reads and writes. */
#define BP_FORMAT_VERSION 1

/* Limits from the format page. */
#define BP_MAX_FILE_SIZE      (64 * 1024 * 1024)
#define BP_MAX_ITEMS          100000
#define BP_MAX_DEPTH          64
#define BP_MAX_STRING_BYTES   100000
#define BP_MAX_ID_LENGTH      64

/* Defaults and ranges from the format page, in canvas units. */
#define BP_STAGE_DEFAULT_WIDTH 320.0
#define BP_STAGE_MIN_WIDTH     40.0
#define BP_STAGE_MAX_WIDTH     100000.0
#define BP_LANE_DEFAULT_HEIGHT 120.0
#define BP_LANE_MIN_HEIGHT     40.0
#define BP_LANE_MAX_HEIGHT     100000.0
#define BP_STEP_DEFAULT_WIDTH  160.0
#define BP_STEP_MIN_WIDTH      40.0
#define BP_STEP_MAX_WIDTH      2000.0
#define BP_STEP_MAX_X          100000.0

/* Zones, top to bottom; lanes are kept in this order. */
typedef enum {
  BP_LANE_KIND_EVIDENCE,
  BP_LANE_KIND_CUSTOMER,
  BP_LANE_KIND_FRONTSTAGE,
  BP_LANE_KIND_BACKSTAGE,
  BP_LANE_KIND_SUPPORT,
} BpLaneKind;

#define BP_N_LANE_KINDS 5

typedef enum /*< flags >*/ {
  BP_STEP_FLAG_NONE            = 0,
  BP_STEP_FLAG_PAIN_POINT      = 1 << 0,
  BP_STEP_FLAG_OPPORTUNITY     = 1 << 1,
  BP_STEP_FLAG_MOMENT_OF_TRUTH = 1 << 2,
  BP_STEP_FLAG_FAIL_POINT      = 1 << 3,
  BP_STEP_FLAG_WAIT_POINT      = 1 << 4,
} BpStepFlags;

#define BP_N_STEP_FLAGS 5
#define BP_STEP_FLAGS_ALL ((1 << BP_N_STEP_FLAGS) - 1)

typedef enum {
  BP_BLUEPRINT_STATE_CURRENT,
  BP_BLUEPRINT_STATE_FUTURE,
} BpBlueprintState;

/* What a flow means: the next thing that happens (the default); what puts
 * a failure right; a return to an earlier step; or data passed on, which
 * takes none of the customer's time. */
typedef enum {
  BP_FLOW_KIND_SEQUENCE,
  BP_FLOW_KIND_RECOVERY,
  BP_FLOW_KIND_REWORK,
  BP_FLOW_KIND_INFORMATION,
} BpFlowKind;

#define BP_N_FLOW_KINDS 4

/* The longest name of a blueprint check ("customer-unsupported"). */
#define BP_MAX_CHECK_LENGTH 64

#define BP_TYPE_LANE_KIND (bp_lane_kind_get_type ())
#define BP_TYPE_STEP_FLAGS (bp_step_flags_get_type ())
#define BP_TYPE_BLUEPRINT_STATE (bp_blueprint_state_get_type ())
#define BP_TYPE_FLOW_KIND (bp_flow_kind_get_type ())

GType        bp_lane_kind_get_type          (void);
GType        bp_step_flags_get_type         (void);
GType        bp_blueprint_state_get_type    (void);
GType        bp_flow_kind_get_type          (void);

/* The names used in .bpj files ("frontstage", "pain-point", "future"). */
const char  *bp_lane_kind_to_string         (BpLaneKind        kind);
gboolean     bp_lane_kind_from_string       (const char       *str,
                                             BpLaneKind       *kind);
/* "Physical evidence", "Customer actions", … (translated for display). */
const char  *bp_lane_kind_default_name      (BpLaneKind        kind);
/* The same, untranslated: what the format compares against. */
const char  *bp_lane_kind_format_name       (BpLaneKind        kind);

/* @flag must be exactly one bit. */
const char  *bp_step_flag_to_string         (BpStepFlags       flag);
gboolean     bp_step_flag_from_string       (const char       *str,
                                             BpStepFlags      *flag);
/* A human label: "Pain point", "Fail point", … */
const char  *bp_step_flag_label             (BpStepFlags       flag);

const char  *bp_blueprint_state_to_string   (BpBlueprintState  state);
gboolean     bp_blueprint_state_from_string (const char       *str,
                                             BpBlueprintState *state);

/* "sequence", "recovery", "rework", "information". */
const char  *bp_flow_kind_to_string         (BpFlowKind        kind);
gboolean     bp_flow_kind_from_string       (const char       *str,
                                             BpFlowKind       *kind);
/* "Sequence", "Recovery", … (translated for display). */
const char  *bp_flow_kind_label             (BpFlowKind        kind);

/* A check's stable name: 1 to 64 characters from a-z 0-9 - */
gboolean     bp_check_name_is_valid         (const char       *name);

/* 1 to 64 characters from A-Z a-z 0-9 _ - */
gboolean     bp_id_is_valid                 (const char       *id);
/* "#rrggbb" */
gboolean     bp_color_is_valid              (const char       *color);

G_END_DECLS
