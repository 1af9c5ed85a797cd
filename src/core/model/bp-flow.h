/* bp-flow.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-item.h"
#include "model/bp-types.h"

G_BEGIN_DECLS

#define BP_TYPE_FLOW (bp_flow_get_type ())

G_DECLARE_FINAL_TYPE (BpFlow, bp_flow, BP, FLOW, BpItem)

/* An arrow from one step to another.
 * Properties: "from", "to" (step ids), "label" (NULL when absent),
 * "kind" (BpFlowKind, sequence by default). */
BpFlow      *bp_flow_new        (const char *id,
                                 const char *from_id,
                                 const char *to_id);

const char  *bp_flow_get_from   (BpFlow     *self);
void         bp_flow_set_from   (BpFlow     *self,
                                 const char *from_id);
const char  *bp_flow_get_to     (BpFlow     *self);
void         bp_flow_set_to     (BpFlow     *self,
                                 const char *to_id);
const char  *bp_flow_get_label  (BpFlow     *self);
void         bp_flow_set_label  (BpFlow     *self,
                                 const char *label);
BpFlowKind   bp_flow_get_kind   (BpFlow     *self);
void         bp_flow_set_kind   (BpFlow     *self,
                                 BpFlowKind  kind);

G_END_DECLS
