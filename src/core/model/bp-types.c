/* bp-types.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-types.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_ENUM_TYPE (BpLaneKind, bp_lane_kind,
  G_DEFINE_ENUM_VALUE (BP_LANE_KIND_EVIDENCE, "evidence"),
  G_DEFINE_ENUM_VALUE (BP_LANE_KIND_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (BP_LANE_KIND_FRONTSTAGE, "frontstage"),
  G_DEFINE_ENUM_VALUE (BP_LANE_KIND_BACKSTAGE, "backstage"),
  G_DEFINE_ENUM_VALUE (BP_LANE_KIND_SUPPORT, "support"))

G_DEFINE_FLAGS_TYPE (BpStepFlags, bp_step_flags,
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_NONE, "none"),
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_PAIN_POINT, "pain-point"),
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_OPPORTUNITY, "opportunity"),
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_MOMENT_OF_TRUTH, "moment-of-truth"),
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_FAIL_POINT, "fail-point"),
  G_DEFINE_ENUM_VALUE (BP_STEP_FLAG_WAIT_POINT, "wait-point"))

G_DEFINE_ENUM_TYPE (BpBlueprintState, bp_blueprint_state,
  G_DEFINE_ENUM_VALUE (BP_BLUEPRINT_STATE_CURRENT, "current"),
  G_DEFINE_ENUM_VALUE (BP_BLUEPRINT_STATE_FUTURE, "future"))

G_DEFINE_ENUM_TYPE (BpFlowKind, bp_flow_kind,
  G_DEFINE_ENUM_VALUE (BP_FLOW_KIND_SEQUENCE, "sequence"),
  G_DEFINE_ENUM_VALUE (BP_FLOW_KIND_RECOVERY, "recovery"),
  G_DEFINE_ENUM_VALUE (BP_FLOW_KIND_REWORK, "rework"),
  G_DEFINE_ENUM_VALUE (BP_FLOW_KIND_INFORMATION, "information"))

static const char * const lane_kind_names[BP_N_LANE_KINDS] = {
  "evidence", "customer", "frontstage", "backstage", "support",
};

/* The format compares against these exact, untranslated names. */
static const char * const lane_kind_format_names[BP_N_LANE_KINDS] = {
  N_("Physical evidence"),
  N_("Customer actions"),
  N_("Frontstage actions"),
  N_("Backstage actions"),
  N_("Support processes"),
};

static const char * const step_flag_names[BP_N_STEP_FLAGS] = {
  "pain-point", "opportunity", "moment-of-truth", "fail-point", "wait-point",
};

static const char * const step_flag_labels[BP_N_STEP_FLAGS] = {
  N_("Pain point"),
  N_("Opportunity"),
  N_("Moment of truth"),
  N_("Fail point"),
  N_("Wait point"),
};

static const char * const state_names[] = { "current", "future" };

static const char * const flow_kind_names[BP_N_FLOW_KINDS] = {
  "sequence", "recovery", "rework", "information",
};

static const char * const flow_kind_labels[BP_N_FLOW_KINDS] = {
  N_("Sequence"),
  N_("Recovery"),
  N_("Rework"),
  N_("Information"),
};

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str)
{
  if (str == NULL)
    return -1;

  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], str) == 0)
      return (int) i;

  return -1;
}

const char *
bp_lane_kind_to_string (BpLaneKind kind)
{
  g_return_val_if_fail (kind < BP_N_LANE_KINDS, NULL);
  return lane_kind_names[kind];
}

gboolean
bp_lane_kind_from_string (const char *str,
                          BpLaneKind *kind)
{
  int i = lookup_name (lane_kind_names, BP_N_LANE_KINDS, str);

  if (i < 0)
    return FALSE;
  if (kind != NULL)
    *kind = (BpLaneKind) i;
  return TRUE;
}

const char *
bp_lane_kind_default_name (BpLaneKind kind)
{
  g_return_val_if_fail (kind < BP_N_LANE_KINDS, NULL);
  return _(lane_kind_format_names[kind]);
}

const char *
bp_lane_kind_format_name (BpLaneKind kind)
{
  g_return_val_if_fail (kind < BP_N_LANE_KINDS, NULL);
  return lane_kind_format_names[kind];
}

static int
single_flag_index (BpStepFlags flag)
{
  if (flag == 0 || (flag & (flag - 1)) != 0 || (flag & ~BP_STEP_FLAGS_ALL) != 0)
    return -1;
  return g_bit_nth_lsf (flag, -1);
}

const char *
bp_step_flag_to_string (BpStepFlags flag)
{
  int i = single_flag_index (flag);

  g_return_val_if_fail (i >= 0, NULL);
  return step_flag_names[i];
}

gboolean
bp_step_flag_from_string (const char  *str,
                          BpStepFlags *flag)
{
  int i = lookup_name (step_flag_names, BP_N_STEP_FLAGS, str);

  if (i < 0)
    return FALSE;
  if (flag != NULL)
    *flag = (BpStepFlags) (1 << i);
  return TRUE;
}

const char *
bp_step_flag_label (BpStepFlags flag)
{
  int i = single_flag_index (flag);

  g_return_val_if_fail (i >= 0, NULL);
  return _(step_flag_labels[i]);
}

const char *
bp_blueprint_state_to_string (BpBlueprintState state)
{
  g_return_val_if_fail (state <= BP_BLUEPRINT_STATE_FUTURE, NULL);
  return state_names[state];
}

gboolean
bp_blueprint_state_from_string (const char       *str,
                                BpBlueprintState *state)
{
  int i = lookup_name (state_names, G_N_ELEMENTS (state_names), str);

  if (i < 0)
    return FALSE;
  if (state != NULL)
    *state = (BpBlueprintState) i;
  return TRUE;
}

const char *
bp_flow_kind_to_string (BpFlowKind kind)
{
  g_return_val_if_fail (kind < BP_N_FLOW_KINDS, NULL);
  return flow_kind_names[kind];
}

gboolean
bp_flow_kind_from_string (const char *str,
                          BpFlowKind *kind)
{
  int i = lookup_name (flow_kind_names, BP_N_FLOW_KINDS, str);

  if (i < 0)
    return FALSE;
  if (kind != NULL)
    *kind = (BpFlowKind) i;
  return TRUE;
}

const char *
bp_flow_kind_label (BpFlowKind kind)
{
  g_return_val_if_fail (kind < BP_N_FLOW_KINDS, NULL);
  return _(flow_kind_labels[kind]);
}

gboolean
bp_check_name_is_valid (const char *name)
{
  gsize len;

  if (name == NULL)
    return FALSE;

  for (len = 0; name[len] != '\0'; len++)
    {
      char c = name[len];

      if (len >= BP_MAX_CHECK_LENGTH)
        return FALSE;
      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-')
        return FALSE;
    }

  return len > 0;
}

gboolean
bp_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  for (len = 0; id[len] != '\0'; len++)
    {
      char c = id[len];

      if (len >= BP_MAX_ID_LENGTH)
        return FALSE;
      if (!g_ascii_isalnum (c) && c != '_' && c != '-')
        return FALSE;
    }

  return len > 0;
}

gboolean
bp_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}
