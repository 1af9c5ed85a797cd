/* bp-insights-checks.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "insights/bp-insights-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/bp-duration.h"
#include "model/bp-hash.h"

/* What the blueprint is missing: each check with its stable name, its
 * severity, and a message that says what to do. A check the file lists
 * in "dismissed" is still raised, marked dismissed and left out of the
 * counts, so that the editor can show it apart and restore it. */

/* The checks this version raises, as bits for the table of dismissals. */
static const char * const known_checks[] = {
  BP_CHECK_CUSTOMER_UNSUPPORTED, BP_CHECK_BACKSTAGE_ORPHAN, BP_CHECK_STAGE_WITHOUT_EVIDENCE,
  BP_CHECK_STAGE_WITHOUT_CUSTOMER, BP_CHECK_DEAD_END, BP_CHECK_FAIL_POINT_UNRECOVERED,
  BP_CHECK_OVER_TOLERANCE, BP_CHECK_LEAP_OVER_VISIBILITY, BP_CHECK_SEQUENCE_CYCLE,
  BP_CHECK_WAIT_WITHOUT_DURATION, BP_CHECK_MISSING_ACTOR, BP_CHECK_EMPTY_STAGE,
};

static guint
check_bit (const char *check)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_checks); i++)
    if (strcmp (known_checks[i], check) == 0)
      return 1u << i;
  return 0;
}

/* One table for the pass, so that each raised check costs one lookup of
 * its item's id rather than a string built and hashed; dismissals of
 * checks this version does not know never match. */
static void
gather_dismissed (BpInsightsPass *pass)
{
  GPtrArray *dismissals = bp_document_get_dismissals (pass->document);

  if (dismissals->len == 0)
    return;

  pass->dismissed = g_hash_table_new (bp_str_hash, g_str_equal);
  for (guint i = 0; i < dismissals->len; i++)
    {
      BpDismissal *dismissal = g_ptr_array_index (dismissals, i);
      const char *item = bp_dismissal_get_item (dismissal);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (pass->dismissed, item));

      bits |= check_bit (bp_dismissal_get_check (dismissal));
      g_hash_table_insert (pass->dismissed, (char *) item, GUINT_TO_POINTER (bits));
    }
}

static gboolean
is_dismissed (BpInsightsPass *pass,
              const char     *check,
              const char     *item)
{
  guint bits;

  /* The blueprint's own check cannot be dismissed: a dismissal names an
   * item. */
  if (pass->dismissed == NULL || item == NULL)
    return FALSE;

  bits = GPOINTER_TO_UINT (g_hash_table_lookup (pass->dismissed, item));
  return bits != 0 && (bits & check_bit (check)) != 0;
}

static void
raise_check (BpInsightsPass *pass,
             const char     *check,
             const char     *item,
             BpSeverity      severity,
             BpMessage       message,
             double          value,
             double          limit,
             guint           unknown)
{
  BpInsights *result = pass->result;
  BpInsightsCheckRecord record = { { 0 } };

  record.check.check = check;
  record.check.item = item;
  record.check.severity = severity;
  record.check.dismissed = is_dismissed (pass, check, item);
  record.message = message;
  record.value = value;
  record.limit = limit;
  record.unknown = unknown;

  if (!record.check.dismissed)
    result->counts[severity]++;
  g_array_append_val (result->checks, record);
}

static void
raise_simple (BpInsightsPass *pass,
              const char     *check,
              const char     *item,
              BpSeverity      severity,
              BpMessage       message)
{
  raise_check (pass, check, item, severity, message, 0, 0, 0);
}

static void
check_blueprint (BpInsightsPass *pass)
{
  BpInsights *result = pass->result;

  if (result->over)
    raise_check (pass, BP_CHECK_OVER_TOLERANCE, NULL, BP_SEVERITY_WARNING,
                 BP_MESSAGE_OVER_TOLERANCE_BLUEPRINT,
                 result->elapsed, result->tolerance, result->unknown);
}

static void
check_stage (BpInsightsPass *pass,
             guint           position)
{
  const BpInsightsStage *stage = &g_array_index (pass->result->stages, BpInsightsStage, position);
  const guint *zones = &pass->stage_zone_counts[position * BP_N_LANE_KINDS];

  if (zones[BP_LANE_KIND_CUSTOMER] > 0 && zones[BP_LANE_KIND_EVIDENCE] == 0)
    raise_simple (pass, BP_CHECK_STAGE_WITHOUT_EVIDENCE, stage->id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_STAGE_WITHOUT_EVIDENCE);
  if (stage->n_steps > 0 && zones[BP_LANE_KIND_CUSTOMER] == 0)
    raise_simple (pass, BP_CHECK_STAGE_WITHOUT_CUSTOMER, stage->id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_STAGE_WITHOUT_CUSTOMER);
  if (stage->over)
    raise_check (pass, BP_CHECK_OVER_TOLERANCE, stage->id, BP_SEVERITY_WARNING,
                 BP_MESSAGE_OVER_TOLERANCE_STAGE, stage->elapsed, stage->tolerance, stage->unknown);
  if (stage->n_steps == 0)
    raise_simple (pass, BP_CHECK_EMPTY_STAGE, stage->id, BP_SEVERITY_INFO, BP_MESSAGE_EMPTY_STAGE);
}

static gboolean
is_staff_zone (int zone)
{
  return zone == BP_LANE_KIND_FRONTSTAGE || zone == BP_LANE_KIND_BACKSTAGE ||
         zone == BP_LANE_KIND_SUPPORT;
}

static void
check_step (BpInsightsPass       *pass,
            const BpInsightsStep *step)
{
  if (step->zone == BP_LANE_KIND_CUSTOMER && !step->meets_frontstage)
    raise_simple (pass, BP_CHECK_CUSTOMER_UNSUPPORTED, step->id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_CUSTOMER_UNSUPPORTED);
  if ((step->zone == BP_LANE_KIND_BACKSTAGE || step->zone == BP_LANE_KIND_SUPPORT) &&
      step->n_flows == 0)
    raise_simple (pass, BP_CHECK_BACKSTAGE_ORPHAN, step->id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_BACKSTAGE_ORPHAN);
  if (is_staff_zone (step->zone) && step->n_in_sequence > 0 && step->n_out == 0)
    raise_simple (pass, BP_CHECK_DEAD_END, step->id, BP_SEVERITY_WARNING, BP_MESSAGE_DEAD_END);
  if ((step->flags & BP_STEP_FLAG_FAIL_POINT) && step->n_out_recovery == 0)
    raise_simple (pass, BP_CHECK_FAIL_POINT_UNRECOVERED, step->id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_FAIL_POINT_UNRECOVERED);
  if (step->duration >= 0 && step->tolerance >= 0 && step->duration > step->tolerance)
    raise_check (pass, BP_CHECK_OVER_TOLERANCE, step->id, BP_SEVERITY_WARNING,
                 BP_MESSAGE_OVER_TOLERANCE_STEP, step->duration, step->tolerance, 0);
  if ((step->flags & BP_STEP_FLAG_WAIT_POINT) && step->duration < 0)
    raise_simple (pass, BP_CHECK_WAIT_WITHOUT_DURATION, step->id, BP_SEVERITY_INFO,
                  BP_MESSAGE_WAIT_WITHOUT_DURATION);
  if (is_staff_zone (step->zone) && step->actor < 0)
    raise_simple (pass, BP_CHECK_MISSING_ACTOR, step->id, BP_SEVERITY_INFO,
                  BP_MESSAGE_MISSING_ACTOR);
}

static gboolean
is_behind_visibility (int zone)
{
  return zone == BP_LANE_KIND_BACKSTAGE || zone == BP_LANE_KIND_SUPPORT;
}

static void
check_flow (BpInsightsPass *pass,
            guint           position)
{
  const BpInsightsFlowEnds *ends = &pass->flows[position];
  const char *id = g_array_index (pass->result->flows, BpInsightsFlow, position).id;
  int from = pass->steps[ends->from].zone, to = pass->steps[ends->to].zone;

  if (ends->kind != BP_FLOW_KIND_INFORMATION &&
      ((from == BP_LANE_KIND_CUSTOMER && is_behind_visibility (to)) ||
       (to == BP_LANE_KIND_CUSTOMER && is_behind_visibility (from))))
    raise_simple (pass, BP_CHECK_LEAP_OVER_VISIBILITY, id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_LEAP_OVER_VISIBILITY);
  if (ends->cycle)
    raise_simple (pass, BP_CHECK_SEQUENCE_CYCLE, id, BP_SEVERITY_WARNING,
                  BP_MESSAGE_SEQUENCE_CYCLE);
}

void
bp_insights_compute_checks (BpInsightsPass *pass)
{
  gather_dismissed (pass);
  check_blueprint (pass);
  for (guint i = 0; i < pass->n_stages; i++)
    check_stage (pass, i);
  for (guint i = 0; i < pass->n_steps; i++)
    check_step (pass, &pass->steps[i]);
  for (guint i = 0; i < pass->n_flows; i++)
    check_flow (pass, i);
  g_clear_pointer (&pass->dismissed, g_hash_table_unref);
}

/* Messages */

/* "5 min", or "at least 5 min (2 steps of unknown duration)". */
static char *
format_elapsed (double seconds,
                guint  unknown)
{
  g_autofree char *time = bp_duration_format (seconds);

  if (unknown == 0)
    return g_steal_pointer (&time);

  /* Translators: a time, then how many steps' durations are unknown */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "at least %s (%u step of unknown duration)",
                                       "at least %s (%u steps of unknown duration)",
                                       unknown),
                          time, unknown);
}

/* The three over-tolerance messages quote the time and the tolerance. */
static char *
format_over (const BpInsightsCheckRecord *record)
{
  g_autofree char *value = format_elapsed (record->value, record->unknown);
  g_autofree char *limit = bp_duration_format (record->limit);

  if (record->message == BP_MESSAGE_OVER_TOLERANCE_STEP)
    /* Translators: the step's duration, then its tolerance, e.g. "5 min" */
    return g_strdup_printf (_("This step takes %s, more than the %s the customer tolerates: "
                              "shorten it, or check its tolerance."), value, limit);
  if (record->message == BP_MESSAGE_OVER_TOLERANCE_STAGE)
    /* Translators: the stage's elapsed time, then its tolerance */
    return g_strdup_printf (_("This stage takes %s, more than the %s the customer tolerates: "
                              "shorten its longest chain of steps, or run steps side by side."),
                            value, limit);
  /* Translators: the journey's elapsed time, then its tolerance */
  return g_strdup_printf (_("The journey takes %s, more than the %s the customer tolerates: "
                            "shorten its longest chain of steps, or run steps side by side."),
                          value, limit);
}

char *
bp_insights_format_message (const BpInsightsCheckRecord *record)
{
  switch (record->message)
    {
    case BP_MESSAGE_CUSTOMER_UNSUPPORTED:
      return g_strdup (_("Nothing in the frontstage or the evidence meets the customer here: "
                         "draw a flow to the frontstage step or the evidence that supports this step."));
    case BP_MESSAGE_BACKSTAGE_ORPHAN:
      return g_strdup (_("No flow reaches or leaves this step: connect it to the step it serves, "
                         "or remove it."));
    case BP_MESSAGE_STAGE_WITHOUT_EVIDENCE:
      return g_strdup (_("The customer acts in this stage but nothing shows them where they are: "
                         "add the evidence they see or hold (a screen, an email, a receipt)."));
    case BP_MESSAGE_STAGE_WITHOUT_CUSTOMER:
      return g_strdup (_("This stage has steps but no customer action: add what the customer does "
                         "here, or merge the stage with its neighbour."));
    case BP_MESSAGE_DEAD_END:
      return g_strdup (_("Work arrives here and goes nowhere: draw a flow to what happens next."));
    case BP_MESSAGE_FAIL_POINT_UNRECOVERED:
      return g_strdup (_("This fail point has no recovery: draw a recovery flow to the step "
                         "that puts the failure right."));
    case BP_MESSAGE_OVER_TOLERANCE_STEP:
    case BP_MESSAGE_OVER_TOLERANCE_STAGE:
    case BP_MESSAGE_OVER_TOLERANCE_BLUEPRINT:
      return format_over (record);
    case BP_MESSAGE_LEAP_OVER_VISIBILITY:
      return g_strdup (_("This flow links the customer directly with work behind the line of "
                         "visibility: route it through the frontstage step the customer meets, "
                         "or mark it as information."));
    case BP_MESSAGE_SEQUENCE_CYCLE:
      return g_strdup (_("This flow goes back to an earlier step and closes a loop: mark it as "
                         "rework, so that its time is not counted as if the loop ran once."));
    case BP_MESSAGE_WAIT_WITHOUT_DURATION:
      return g_strdup (_("The customer waits here, but for how long? Enter the wait's duration."));
    case BP_MESSAGE_MISSING_ACTOR:
      return g_strdup (_("No one is named to do this step: enter its actor (a role or a system)."));
    case BP_MESSAGE_EMPTY_STAGE:
    default:
      return g_strdup (_("This stage has no steps: add what happens in it, or remove it."));
    }
}
