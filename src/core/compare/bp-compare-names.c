/* bp-compare-names.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare.h"

/* The .bpj keys, by bit. */
static const char * const field_keys[BP_COMPARE_N_FIELDS] = {
  "title", "scenario", "state", "kind", "name", "lane", "stage", "position",
  "width", "height", "text", "actor", "duration", "tolerance", "notes",
  "flags", "color", "label", "dismissed", "conflicts",
};

/* Each list's fields in the order of the format page's tables. */
static const BpCompareField stage_fields[] = {
  BP_COMPARE_FIELD_NAME, BP_COMPARE_FIELD_WIDTH, BP_COMPARE_FIELD_TOLERANCE,
};
static const BpCompareField lane_fields[] = {
  BP_COMPARE_FIELD_KIND, BP_COMPARE_FIELD_NAME, BP_COMPARE_FIELD_HEIGHT,
  BP_COMPARE_FIELD_COLOR,
};
static const BpCompareField step_fields[] = {
  BP_COMPARE_FIELD_LANE, BP_COMPARE_FIELD_STAGE, BP_COMPARE_FIELD_POSITION,
  BP_COMPARE_FIELD_TEXT, BP_COMPARE_FIELD_ACTOR, BP_COMPARE_FIELD_DURATION,
  BP_COMPARE_FIELD_TOLERANCE, BP_COMPARE_FIELD_NOTES, BP_COMPARE_FIELD_FLAGS,
  BP_COMPARE_FIELD_COLOR,
};
static const BpCompareField flow_fields[] = {
  BP_COMPARE_FIELD_LABEL, BP_COMPARE_FIELD_KIND,
};
static const BpCompareField blueprint_fields[] = {
  BP_COMPARE_FIELD_TITLE, BP_COMPARE_FIELD_SCENARIO, BP_COMPARE_FIELD_STATE,
  BP_COMPARE_FIELD_TOLERANCE, BP_COMPARE_FIELD_DISMISSED, BP_COMPARE_FIELD_CONFLICTS,
};

const char *
bp_compare_field_to_string (BpCompareField field)
{
  g_return_val_if_fail (field != 0 && (field & (field - 1)) == 0, NULL);
  g_return_val_if_fail (field < (1 << BP_COMPARE_N_FIELDS), NULL);

  return field_keys[g_bit_nth_lsf (field, -1)];
}

const BpCompareField *
bp_compare_fields_for_list (guint  list,
                            guint *n_fields)
{
  static const struct { const BpCompareField *fields; guint n; } lists[] = {
    [BP_COMPARE_STAGES] = { stage_fields, G_N_ELEMENTS (stage_fields) },
    [BP_COMPARE_LANES] = { lane_fields, G_N_ELEMENTS (lane_fields) },
    [BP_COMPARE_STEPS] = { step_fields, G_N_ELEMENTS (step_fields) },
    [BP_COMPARE_FLOWS] = { flow_fields, G_N_ELEMENTS (flow_fields) },
    [BP_COMPARE_N_LISTS] = { blueprint_fields, G_N_ELEMENTS (blueprint_fields) },
  };

  g_return_val_if_fail (list <= BP_COMPARE_N_LISTS, NULL);

  *n_fields = lists[list].n;
  return lists[list].fields;
}

const char *
bp_compare_line_to_string (BpCompareLines line)
{
  switch (line)
    {
    case BP_COMPARE_LINE_INTERACTION:
      return "interaction";
    case BP_COMPARE_LINE_VISIBILITY:
      return "visibility";
    case BP_COMPARE_LINE_INTERNAL:
      return "internal";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Each line lies between a zone and the next: interaction below the
 * customer zone, visibility below frontstage, internal below backstage.
 * The lines are where the zones meet, drawn or not. */
BpCompareLines
bp_compare_lines_between (BpLaneKind from,
                          BpLaneKind to)
{
  BpLaneKind top = MIN (from, to);
  BpLaneKind bottom = MAX (from, to);
  BpCompareLines lines = 0;

  if (top <= BP_LANE_KIND_CUSTOMER && bottom >= BP_LANE_KIND_FRONTSTAGE)
    lines |= BP_COMPARE_LINE_INTERACTION;
  if (top <= BP_LANE_KIND_FRONTSTAGE && bottom >= BP_LANE_KIND_BACKSTAGE)
    lines |= BP_COMPARE_LINE_VISIBILITY;
  if (top <= BP_LANE_KIND_BACKSTAGE && bottom >= BP_LANE_KIND_SUPPORT)
    lines |= BP_COMPARE_LINE_INTERNAL;

  return lines;
}
