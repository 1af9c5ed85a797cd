/* bp-insights-report.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "insights/bp-insights-report.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "model/bp-duration.h"

/* Text */

/* "14 min", "at least 14 min, 3 steps unknown", "none" for nothing known. */
static char *
format_elapsed (double seconds,
                guint  unknown)
{
  g_autofree char *time = bp_duration_format (seconds);

  if (unknown == 0)
    return g_steal_pointer (&time);

  /* Translators: a time, then how many steps have no duration */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "at least %s, %u step unknown",
                                       "at least %s, %u steps unknown",
                                       unknown),
                          time, unknown);
}

static char *
format_tolerance (double   tolerance,
                  gboolean over)
{
  g_autofree char *time = NULL;

  if (tolerance < 0)
    return g_strdup ("");

  time = bp_duration_format (tolerance);
  /* Translators: after the elapsed time; %s is the customer's tolerance */
  return over ? g_strdup_printf (_(" — over the tolerance of %s"), time)
              : g_strdup_printf (_(" — within the tolerance of %s"), time);
}

/* Pads @text with spaces to @width characters (not bytes). */
static void
append_cell (GString    *out,
             const char *text,
             guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static const char *
stage_name (BpDocument            *document,
            const BpInsightsStage *stage)
{
  BpItem *item = bp_document_lookup (document, stage->id);

  if (BP_IS_STAGE (item) && bp_stage_get_name (BP_STAGE (item))[0] != '\0')
    return bp_stage_get_name (BP_STAGE (item));
  return stage->id;
}

/* One row of cells per stage, under a header; columns as wide as their
 * widest cell. */
static void
append_stage_table (GString    *out,
                    BpInsights *insights,
                    BpDocument *document)
{
  enum { N_COLUMNS = 9 };
  const char *headers[N_COLUMNS] = {
    _("Stage"), _("Elapsed"), _("Customer"), _("Waiting"), _("Encounters"),
    _("Visibility"), _("Internal"), _("Hand-offs"), _("Tolerance"),
  };
  guint n_stages = bp_insights_get_n_stages (insights);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    g_ptr_array_add (cells, g_strdup (headers[c]));

  for (guint s = 0; s < n_stages; s++)
    {
      const BpInsightsStage *stage = bp_insights_get_stage (insights, s);

      g_ptr_array_add (cells, g_strdup (stage_name (document, stage)));
      g_ptr_array_add (cells, format_elapsed (stage->elapsed, stage->unknown));
      g_ptr_array_add (cells, bp_duration_format (stage->customer));
      g_ptr_array_add (cells, bp_duration_format (stage->waiting));
      g_ptr_array_add (cells, g_strdup_printf ("%u", stage->crossings.interaction));
      g_ptr_array_add (cells, g_strdup_printf ("%u", stage->crossings.visibility));
      g_ptr_array_add (cells, g_strdup_printf ("%u", stage->crossings.internal));
      g_ptr_array_add (cells, g_strdup_printf ("%u", stage->crossings.actor));
      if (stage->tolerance < 0)
        g_ptr_array_add (cells, g_strdup ("—"));
      else
        {
          g_autofree char *time = bp_duration_format (stage->tolerance);
          /* Translators: a stage's tolerance in the report's table, when over it */
          g_ptr_array_add (cells, stage->over ? g_strdup_printf (_("%s (over)"), time)
                                              : g_strdup (time));
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      widths[c] = 0;
      for (guint r = 0; r <= n_stages; r++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (g_ptr_array_index (cells, r * N_COLUMNS + c), -1));
    }

  for (guint r = 0; r <= n_stages; r++)
    {
      g_string_append (out, "  ");
      for (guint c = 0; c < N_COLUMNS; c++)
        append_cell (out, g_ptr_array_index (cells, r * N_COLUMNS + c), c + 1 < N_COLUMNS ? widths[c] : 0);
      /* No spaces at the end of a line. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static void
append_totals (GString    *out,
               BpInsights *insights)
{
  const BpCrossings *crossings = bp_insights_get_crossings (insights);
  g_autofree char *customer = bp_duration_format (bp_insights_get_customer_time (insights));
  g_autofree char *waiting = bp_duration_format (bp_insights_get_waiting_time (insights));
  g_autofree char *elapsed = NULL;
  g_autofree char *tolerance = NULL;
  guint unknown;
  double seconds;

  seconds = bp_insights_get_elapsed (insights, &unknown);
  elapsed = format_elapsed (seconds, unknown);
  tolerance = format_tolerance (bp_insights_get_tolerance (insights), bp_insights_is_over (insights));

  g_string_append_printf (out, _("Elapsed time: %s%s\n"), elapsed, tolerance);
  g_string_append_printf (out, _("Customer’s own time: %s; waiting: %s\n"), customer, waiting);
  g_string_append_printf (out, _("Encounters (line of interaction): %u\n"), crossings->interaction);
  g_string_append_printf (out, _("Visibility crossings: %u\n"), crossings->visibility);
  g_string_append_printf (out, _("Internal hand-offs (line of internal interaction): %u\n"),
                          crossings->internal);
  g_string_append_printf (out, _("Actor hand-offs: %u\n"), crossings->actor);
  g_string_append_printf (out, _("Fail points: %u; wait points: %u\n"),
                          bp_insights_get_n_fail_points (insights),
                          bp_insights_get_n_wait_points (insights));
}

static void
append_rework (GString    *out,
               BpInsights *insights)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < bp_insights_get_n_flows (insights); i++)
    {
      const BpInsightsFlow *flow = bp_insights_get_flow (insights, i);

      if (!flow->rework)
        continue;
      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, flow->id);
    }

  if (ids->len > 0)
    g_string_append_printf (out, _("Left out of the elapsed time as rework: %s\n"), ids->str);
}

static void
append_checks (GString    *out,
               BpInsights *insights,
               const char *display_name)
{
  guint warnings = bp_insights_count_checks (insights, BP_SEVERITY_WARNING);
  guint infos = bp_insights_count_checks (insights, BP_SEVERITY_INFO);
  guint n = bp_insights_get_n_checks (insights);
  g_autofree char *warning_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  g_autofree char *info_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", infos), infos);
  guint dismissed = n - warnings - infos;

  if (dismissed > 0)
    /* Translators: "Checks: 3 warnings, 2 notes, 1 dismissed" */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Checks: %s, %s, %u dismissed\n",
                                              "Checks: %s, %s, %u dismissed\n", dismissed),
                            warning_text, info_text, dismissed);
  else
    /* Translators: "Checks: 3 warnings, 2 notes" */
    g_string_append_printf (out, _("Checks: %s, %s\n"), warning_text, info_text);

  /* Dismissed checks after the others, marked. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const BpInsightsCheck *check = bp_insights_get_check (insights, i);

        if (check->dismissed != (pass == 1))
          continue;
        g_string_append_printf (out, "%s: %s: %s: %s%s\n", display_name, check->check,
                                /* Translators: the item of a check raised on the whole blueprint */
                                check->item != NULL ? check->item : _("(blueprint)"),
                                bp_insights_get_check_message (insights, i),
                                check->dismissed ? _(" (dismissed)") : "");
      }
}

char *
bp_insights_report_text (BpInsights *insights,
                         BpDocument *document,
                         const char *display_name)
{
  GString *out = g_string_new (NULL);
  const char *title = bp_document_get_title (document);

  g_return_val_if_fail (insights != NULL, NULL);
  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  if (title[0] != '\0')
    g_string_append_printf (out, "%s (%s)\n\n", title, display_name);
  else
    g_string_append_printf (out, "%s\n\n", display_name);

  append_totals (out, insights);
  append_rework (out, insights);
  g_string_append_c (out, '\n');
  append_stage_table (out, insights, document);
  g_string_append_c (out, '\n');
  append_checks (out, insights, display_name);

  return g_string_free (out, FALSE);
}

/* JSON */

static void
add_seconds (JsonBuilder *builder,
             double       seconds)
{
  if (seconds == floor (seconds) && fabs (seconds) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) seconds);
  else
    json_builder_add_double_value (builder, seconds);
}

static void
add_tolerance (JsonBuilder *builder,
               double       tolerance)
{
  json_builder_set_member_name (builder, "tolerance");
  if (tolerance < 0)
    json_builder_add_null_value (builder);
  else
    add_seconds (builder, tolerance);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        count)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, count);
}

static void
add_crossings (JsonBuilder       *builder,
               const BpCrossings *crossings)
{
  add_count (builder, "interaction", crossings->interaction);
  add_count (builder, "visibility", crossings->visibility);
  add_count (builder, "internal", crossings->internal);
  add_count (builder, "actor", crossings->actor);
}

static void
add_stage (JsonBuilder           *builder,
           const BpInsightsStage *stage)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, stage->id);
  json_builder_set_member_name (builder, "elapsed");
  add_seconds (builder, stage->elapsed);
  add_count (builder, "unknown", stage->unknown);
  json_builder_set_member_name (builder, "customer");
  add_seconds (builder, stage->customer);
  json_builder_set_member_name (builder, "waiting");
  add_seconds (builder, stage->waiting);
  add_crossings (builder, &stage->crossings);
  add_tolerance (builder, stage->tolerance);
  json_builder_set_member_name (builder, "over");
  json_builder_add_boolean_value (builder, stage->over);
  json_builder_end_object (builder);
}

static void
add_flow (JsonBuilder          *builder,
          const BpInsightsFlow *flow)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, flow->id);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  if (flow->lines & BP_LINES_INTERACTION)
    json_builder_add_string_value (builder, "interaction");
  if (flow->lines & BP_LINES_VISIBILITY)
    json_builder_add_string_value (builder, "visibility");
  if (flow->lines & BP_LINES_INTERNAL)
    json_builder_add_string_value (builder, "internal");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "direction");
  if (flow->direction == BP_DIRECTION_DOWN)
    json_builder_add_string_value (builder, "down");
  else if (flow->direction == BP_DIRECTION_UP)
    json_builder_add_string_value (builder, "up");
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "handoff");
  json_builder_add_boolean_value (builder, flow->handoff);
  json_builder_end_object (builder);
}

static void
add_check (JsonBuilder *builder,
           BpInsights  *insights,
           guint        position)
{
  const BpInsightsCheck *check = bp_insights_get_check (insights, position);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "check");
  json_builder_add_string_value (builder, check->check);
  json_builder_set_member_name (builder, "item");
  if (check->item != NULL)
    json_builder_add_string_value (builder, check->item);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, bp_severity_to_string (check->severity));
  json_builder_set_member_name (builder, "dismissed");
  json_builder_add_boolean_value (builder, check->dismissed);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, bp_insights_get_check_message (insights, position));
  json_builder_end_object (builder);
}

static void
add_elapsed (JsonBuilder *builder,
             BpInsights  *insights)
{
  guint unknown;
  double seconds = bp_insights_get_elapsed (insights, &unknown);

  json_builder_set_member_name (builder, "elapsed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seconds");
  add_seconds (builder, seconds);
  add_count (builder, "unknown", unknown);
  add_tolerance (builder, bp_insights_get_tolerance (insights));
  json_builder_set_member_name (builder, "over");
  json_builder_add_boolean_value (builder, bp_insights_is_over (insights));
  json_builder_end_object (builder);
}

char *
bp_insights_report_json (BpInsights *insights)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (insights != NULL, NULL);

  json_builder_begin_object (builder);
  add_elapsed (builder, insights);

  json_builder_set_member_name (builder, "crossings");
  json_builder_begin_object (builder);
  add_crossings (builder, bp_insights_get_crossings (insights));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bp_insights_get_n_stages (insights); i++)
    add_stage (builder, bp_insights_get_stage (insights, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "flows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bp_insights_get_n_flows (insights); i++)
    add_flow (builder, bp_insights_get_flow (insights, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
    add_check (builder, insights, i);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
