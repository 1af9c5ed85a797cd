/* bp-compare-report.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-report.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "compare/bp-compare-figures.h"
#include "model/bp-duration.h"

static const char * const list_keys[BP_COMPARE_N_LISTS] = {
  "stages", "lanes", "steps", "flows",
};

/* ---- JSON ---- */

static void
add_fields (JsonBuilder     *builder,
            guint            list,
            BpCompareField   fields,
            char           **other_keys)
{
  const BpCompareField *order;
  guint n;

  order = bp_compare_fields_for_list (list, &n);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    if (fields & order[i])
      json_builder_add_string_value (builder, bp_compare_field_to_string (order[i]));
  for (guint i = 0; other_keys != NULL && other_keys[i] != NULL; i++)
    json_builder_add_string_value (builder, other_keys[i]);
  json_builder_end_array (builder);
}

static void
add_crossed (JsonBuilder    *builder,
             BpCompareLines  crossed)
{
  json_builder_set_member_name (builder, "crossed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < BP_COMPARE_N_LINES; i++)
    if (crossed & (1 << i))
      json_builder_add_string_value (builder, bp_compare_line_to_string (1 << i));
  json_builder_end_array (builder);
}

static void
add_changed (JsonBuilder           *builder,
             const BpCompareChange *change)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bp_item_get_id (change->new_item));
  if (change->matched_by_text)
    {
      json_builder_set_member_name (builder, "old_id");
      json_builder_add_string_value (builder, bp_item_get_id (change->old_item));
    }
  add_fields (builder, change->list, change->fields, change->other_keys);
  if (change->list == BP_COMPARE_STEPS)
    add_crossed (builder, change->crossed);
  if (change->list == BP_COMPARE_STEPS || change->matched_by_text)
    {
      json_builder_set_member_name (builder, "matched_by_text");
      json_builder_add_boolean_value (builder, change->matched_by_text);
    }
  json_builder_end_object (builder);
}

static void
add_status (JsonBuilder     *builder,
            GPtrArray       *changes,
            BpCompareStatus  status,
            const char      *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const BpCompareChange *change = g_ptr_array_index (changes, i);

      if (change->status != status)
        continue;
      if (status == BP_COMPARE_CHANGED)
        add_changed (builder, change);
      else
        json_builder_add_string_value (builder, bp_item_get_id (status == BP_COMPARE_ADDED
                                                                ? change->new_item
                                                                : change->old_item));
    }
  json_builder_end_array (builder);
}

static void
add_list (JsonBuilder   *builder,
          BpComparison  *self,
          BpCompareList  list)
{
  GPtrArray *changes = bp_comparison_get_changes (self, list);

  json_builder_set_member_name (builder, list_keys[list]);
  json_builder_begin_object (builder);
  add_status (builder, changes, BP_COMPARE_ADDED, "added");
  add_status (builder, changes, BP_COMPARE_REMOVED, "removed");
  add_status (builder, changes, BP_COMPARE_CHANGED, "changed");
  if (list == BP_COMPARE_STAGES || list == BP_COMPARE_LANES)
    {
      json_builder_set_member_name (builder, "reordered");
      json_builder_add_boolean_value (builder, bp_comparison_get_reordered (self, list));
    }
  json_builder_end_object (builder);
}

static void
add_figures (JsonBuilder  *builder,
             BpComparison *self)
{
  BpCompareFigures before, after;

  bp_compare_figures_compute (bp_comparison_get_old_document (self), &before);
  bp_compare_figures_compute (bp_comparison_get_new_document (self), &after);

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_object (builder);
  for (guint i = 0; i < BP_COMPARE_N_FIGURES; i++)
    {
      json_builder_set_member_name (builder, bp_compare_figure_key (i));
      json_builder_begin_array (builder);
      /* Whole numbers stay integers; an elapsed time may not be whole. */
      if (i == BP_COMPARE_FIGURE_ELAPSED)
        {
          json_builder_add_double_value (builder, bp_compare_figures_get (&before, i));
          json_builder_add_double_value (builder, bp_compare_figures_get (&after, i));
        }
      else
        {
          json_builder_add_int_value (builder, (gint64) bp_compare_figures_get (&before, i));
          json_builder_add_int_value (builder, (gint64) bp_compare_figures_get (&after, i));
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

char *
bp_comparison_to_json (BpComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const BpCompareList order[] = {
    BP_COMPARE_STEPS, BP_COMPARE_FLOWS, BP_COMPARE_STAGES, BP_COMPARE_LANES,
  };
  g_autofree char *text = NULL;

  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    add_list (builder, self, order[i]);
  json_builder_set_member_name (builder, "blueprint");
  json_builder_begin_object (builder);
  add_fields (builder, BP_COMPARE_N_LISTS, bp_comparison_get_blueprint_fields (self),
              (char **) bp_comparison_get_blueprint_other_keys (self));
  json_builder_end_object (builder);
  add_figures (builder, self);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* ---- the readable summary ---- */

static char *
quoted (const char *text)
{
  /* Translators: a text quoted in the summary of a comparison. */
  return g_strdup_printf (_("“%s”"), text != NULL ? text : "");
}

static const char *
lane_name (BpDocument *document,
           const char *lane_id)
{
  BpItem *lane = bp_document_lookup (document, lane_id);

  return BP_IS_LANE (lane) ? bp_lane_get_display_name (BP_LANE (lane)) : lane_id;
}

static const char *
stage_name (BpDocument *document,
            const char *stage_id)
{
  BpItem *stage = bp_document_lookup (document, stage_id);

  if (!BP_IS_STAGE (stage))
    return stage_id;
  if (bp_stage_get_name (BP_STAGE (stage))[0] == '\0')
    return stage_id;
  return bp_stage_get_name (BP_STAGE (stage));
}

/* A step as the summary names it: its text, or its id when it has none. */
static const char *
step_name (BpStep *step)
{
  const char *text = bp_step_get_text (step);

  return text[0] != '\0' ? text : bp_item_get_id (BP_ITEM (step));
}

static void
append_lines (GString        *out,
              BpCompareLines  crossed)
{
  const char *names[BP_COMPARE_N_LINES] = {
    /* Translators: completes “crossed the line of …” */
    N_("interaction"), N_("visibility"), N_("internal interaction"),
  };
  g_autoptr(GPtrArray) crossed_names = g_ptr_array_new ();

  for (guint i = 0; i < BP_COMPARE_N_LINES; i++)
    if (crossed & (1 << i))
      g_ptr_array_add (crossed_names, (gpointer) _(names[i]));

  if (crossed_names->len == 1)
    g_string_append_printf (out, _(", crossed the line of %s"),
                            (char *) crossed_names->pdata[0]);
  else if (crossed_names->len == 2)
    g_string_append_printf (out, _(", crossed the lines of %s and %s"),
                            (char *) crossed_names->pdata[0], (char *) crossed_names->pdata[1]);
  else if (crossed_names->len == 3)
    g_string_append_printf (out, _(", crossed the lines of %s, %s and %s"),
                            (char *) crossed_names->pdata[0], (char *) crossed_names->pdata[1],
                            (char *) crossed_names->pdata[2]);
}

static char *
format_duration (double seconds)
{
  if (seconds < 0)
    return g_strdup (_("no duration"));
  return bp_duration_format (seconds);
}

static void
add_detail (GPtrArray  *details,
            char       *detail)
{
  g_ptr_array_add (details, detail);
}

static void
describe_optional_text (GPtrArray  *details,
                        const char *what,
                        const char *old_text,
                        const char *new_text)
{
  g_autofree char *a = quoted (old_text);
  g_autofree char *b = quoted (new_text);

  if (old_text == NULL)
    /* Translators: "actor “Website”" */
    add_detail (details, g_strdup_printf (_("%s %s added"), what, b));
  else if (new_text == NULL)
    add_detail (details, g_strdup_printf (_("%s %s removed"), what, a));
  else
    add_detail (details, g_strdup_printf ("%s %s → %s", what, a, b));
}

static char *
format_tolerance (double seconds)
{
  if (seconds < 0)
    return g_strdup (_("none"));
  return bp_duration_format (seconds);
}

static void
describe_tolerance (GPtrArray *details,
                    double     old_tolerance,
                    double     new_tolerance)
{
  g_autofree char *from = format_tolerance (old_tolerance);
  g_autofree char *to = format_tolerance (new_tolerance);

  /* Translators: "tolerance 2 min → 1 min" */
  add_detail (details, g_strdup_printf (_("tolerance %s → %s"), from, to));
}

static void
describe_flags (GPtrArray             *details,
                const BpCompareChange *change)
{
  for (guint i = 0; i < BP_N_STEP_FLAGS; i++)
    {
      BpStepFlags flag = 1 << i;

      if (change->flags_set & flag)
        /* Translators: "Pain point set" */
        add_detail (details, g_strdup_printf (_("%s set"), bp_step_flag_label (flag)));
      if (change->flags_cleared & flag)
        add_detail (details, g_strdup_printf (_("%s cleared"), bp_step_flag_label (flag)));
    }
}

static void
describe_step_place (BpComparison          *self,
                     const BpCompareChange *change,
                     GPtrArray             *details)
{
  BpDocument *old_document = bp_comparison_get_old_document (self);
  BpDocument *new_document = bp_comparison_get_new_document (self);
  BpStep *a = BP_STEP (change->old_item), *b = BP_STEP (change->new_item);

  if (change->fields & BP_COMPARE_FIELD_LANE)
    {
      GString *detail = g_string_new (NULL);

      g_string_append_printf (detail, "%s → %s", lane_name (old_document, bp_step_get_lane (a)),
                              lane_name (new_document, bp_step_get_lane (b)));
      append_lines (detail, change->crossed);
      add_detail (details, g_string_free (detail, FALSE));
    }
  if (change->fields & BP_COMPARE_FIELD_STAGE)
    {
      g_autofree char *name = quoted (stage_name (old_document, bp_step_get_stage (a)));

      /* Translators: the stage a step was in before */
      add_detail (details, g_strdup_printf (_("moved from %s"), name));
    }
}

static void
describe_step (BpComparison          *self,
               const BpCompareChange *change,
               GPtrArray             *details)
{
  BpStep *a = BP_STEP (change->old_item), *b = BP_STEP (change->new_item);

  describe_step_place (self, change, details);
  if (change->fields & BP_COMPARE_FIELD_TEXT)
    {
      g_autofree char *text = quoted (bp_step_get_text (a));

      /* Translators: the text a step had before */
      add_detail (details, g_strdup_printf (_("was %s"), text));
    }
  if (change->fields & BP_COMPARE_FIELD_ACTOR)
    describe_optional_text (details, _("actor"), bp_step_get_actor (a), bp_step_get_actor (b));
  if (change->fields & BP_COMPARE_FIELD_DURATION)
    {
      g_autofree char *from = format_duration (bp_step_get_duration (a));
      g_autofree char *to = format_duration (bp_step_get_duration (b));

      add_detail (details, g_strdup_printf ("%s → %s", from, to));
    }
  if (change->fields & BP_COMPARE_FIELD_TOLERANCE)
    describe_tolerance (details, bp_step_get_tolerance (a), bp_step_get_tolerance (b));
  if (change->fields & BP_COMPARE_FIELD_NOTES)
    add_detail (details, g_strdup (_("notes changed")));
  describe_flags (details, change);
  if (change->fields & BP_COMPARE_FIELD_COLOR)
    add_detail (details, g_strdup (_("colour changed")));
}

static void
describe_stage (const BpCompareChange *change,
                GPtrArray             *details)
{
  BpStage *a = BP_STAGE (change->old_item), *b = BP_STAGE (change->new_item);

  if (change->fields & BP_COMPARE_FIELD_NAME)
    {
      g_autofree char *name = quoted (bp_stage_get_name (a));

      /* Translators: the name a stage had before */
      add_detail (details, g_strdup_printf (_("renamed from %s"), name));
    }
  if (change->fields & BP_COMPARE_FIELD_WIDTH)
    add_detail (details, g_strdup_printf (_("width %g → %g"), bp_stage_get_width (a),
                                          bp_stage_get_width (b)));
  if (change->fields & BP_COMPARE_FIELD_TOLERANCE)
    describe_tolerance (details, bp_stage_get_tolerance (a), bp_stage_get_tolerance (b));
}

static void
describe_lane (const BpCompareChange *change,
               GPtrArray             *details)
{
  BpLane *a = BP_LANE (change->old_item), *b = BP_LANE (change->new_item);

  if (change->fields & BP_COMPARE_FIELD_KIND)
    add_detail (details, g_strdup_printf (_("zone %s → %s"),
                                          bp_lane_kind_default_name (bp_lane_get_kind (a)),
                                          bp_lane_kind_default_name (bp_lane_get_kind (b))));
  if (change->fields & BP_COMPARE_FIELD_NAME)
    {
      g_autofree char *name = quoted (bp_lane_get_display_name (a));

      add_detail (details, g_strdup_printf (_("renamed from %s"), name));
    }
  if (change->fields & BP_COMPARE_FIELD_HEIGHT)
    add_detail (details, g_strdup_printf (_("height %g → %g"), bp_lane_get_height (a),
                                          bp_lane_get_height (b)));
  if (change->fields & BP_COMPARE_FIELD_COLOR)
    add_detail (details, g_strdup (_("colour changed")));
}

static void
describe_flow (const BpCompareChange *change,
               GPtrArray             *details)
{
  if (change->fields & BP_COMPARE_FIELD_LABEL)
    describe_optional_text (details, _("label"), bp_flow_get_label (BP_FLOW (change->old_item)),
                            bp_flow_get_label (BP_FLOW (change->new_item)));
  if (change->fields & BP_COMPARE_FIELD_KIND)
    /* Translators: "sequence → recovery", a flow's kind before and after */
    add_detail (details, g_strdup_printf (_("%s → %s"),
                                          bp_flow_kind_label (bp_flow_get_kind (BP_FLOW (change->old_item))),
                                          bp_flow_kind_label (bp_flow_get_kind (BP_FLOW (change->new_item)))));
}

/* What names the item in a line: a step's text, a stage's or lane's
 * name, a flow's two ends. */
static char *
item_title (BpComparison          *self,
            const BpCompareChange *change)
{
  BpItem *item = change->new_item ? change->new_item : change->old_item;
  BpDocument *document = change->new_item ? bp_comparison_get_new_document (self)
                                          : bp_comparison_get_old_document (self);

  if (BP_IS_STEP (item))
    {
      if (change->status == BP_COMPARE_CHANGED)
        return g_strdup (step_name (BP_STEP (item)));
      return g_strdup_printf ("%s: %s", lane_name (document, bp_step_get_lane (BP_STEP (item))),
                              step_name (BP_STEP (item)));
    }
  if (BP_IS_STAGE (item))
    return g_strdup (stage_name (document, bp_item_get_id (item)));
  if (BP_IS_LANE (item))
    return g_strdup (bp_lane_get_display_name (BP_LANE (item)));
  {
    BpItem *from = bp_document_lookup (document, bp_flow_get_from (BP_FLOW (item)));
    BpItem *to = bp_document_lookup (document, bp_flow_get_to (BP_FLOW (item)));

    return g_strdup_printf ("%s → %s",
                            BP_IS_STEP (from) ? step_name (BP_STEP (from)) : bp_flow_get_from (BP_FLOW (item)),
                            BP_IS_STEP (to) ? step_name (BP_STEP (to)) : bp_flow_get_to (BP_FLOW (item)));
  }
}

/* The details of a changed item, or NULL when all that changed is layout
 * (a step's position). */
static GPtrArray *
change_details (BpComparison          *self,
                const BpCompareChange *change)
{
  GPtrArray *details = g_ptr_array_new_with_free_func (g_free);

  switch (change->list)
    {
    case BP_COMPARE_STEPS:
      describe_step (self, change, details);
      break;
    case BP_COMPARE_STAGES:
      describe_stage (change, details);
      break;
    case BP_COMPARE_LANES:
      describe_lane (change, details);
      break;
    case BP_COMPARE_FLOWS:
    default:
      describe_flow (change, details);
      break;
    }
  for (guint i = 0; change->other_keys != NULL && change->other_keys[i] != NULL; i++)
    /* Translators: %s is a key of the file this version does not know */
    add_detail (details, g_strdup_printf (_("“%s” changed"), change->other_keys[i]));
  if (change->matched_by_text)
    add_detail (details, g_strdup (_("matched by text")));

  return details;
}

char *
bp_compare_change_describe (BpComparison          *self,
                            const BpCompareChange *change)
{
  g_autofree char *title = item_title (self, change);
  g_autoptr(GPtrArray) details = NULL;
  GString *out;

  if (change->status != BP_COMPARE_CHANGED)
    return g_steal_pointer (&title);

  details = change_details (self, change);
  if (details->len == 0)
    return NULL;

  out = g_string_new (title);
  g_string_append (out, ": ");
  for (guint i = 0; i < details->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", (char *) details->pdata[i]);
  return g_string_free (out, FALSE);
}

const char *
bp_compare_change_sigil (const BpCompareChange *change)
{
  switch (change->status)
    {
    case BP_COMPARE_ADDED:
      return "+";
    case BP_COMPARE_REMOVED:
      return "-";
    case BP_COMPARE_CHANGED:
    default:
      if (change->list == BP_COMPARE_STEPS &&
          (change->fields & (BP_COMPARE_FIELD_LANE | BP_COMPARE_FIELD_STAGE)))
        return "→";
      return "~";
    }
}

static void
append_blueprint (GString      *out,
                  BpComparison *self)
{
  BpDocument *a = bp_comparison_get_old_document (self);
  BpDocument *b = bp_comparison_get_new_document (self);
  BpCompareField fields = bp_comparison_get_blueprint_fields (self);
  const char * const *other_keys = bp_comparison_get_blueprint_other_keys (self);

  if (fields == 0 && other_keys == NULL)
    return;

  g_string_append_printf (out, "%s\n", _("Blueprint"));
  if (fields & BP_COMPARE_FIELD_TITLE)
    {
      g_autofree char *from = quoted (bp_document_get_title (a));
      g_autofree char *to = quoted (bp_document_get_title (b));

      g_string_append_printf (out, _("~ title: %s → %s\n"), from, to);
    }
  if (fields & BP_COMPARE_FIELD_SCENARIO)
    g_string_append_printf (out, "%s\n", _("~ scenario changed"));
  if (fields & BP_COMPARE_FIELD_STATE)
    g_string_append_printf (out, _("~ state: %s → %s\n"),
                            bp_blueprint_state_to_string (bp_document_get_state (a)),
                            bp_blueprint_state_to_string (bp_document_get_state (b)));
  if (fields & BP_COMPARE_FIELD_TOLERANCE)
    {
      g_autofree char *from = format_tolerance (bp_document_get_tolerance (a));
      g_autofree char *to = format_tolerance (bp_document_get_tolerance (b));

      g_string_append_printf (out, _("~ tolerance: %s → %s\n"), from, to);
    }
  if (fields & BP_COMPARE_FIELD_DISMISSED)
    g_string_append_printf (out, "%s\n", _("~ accepted checks changed"));
  if (fields & BP_COMPARE_FIELD_CONFLICTS)
    g_string_append_printf (out, "%s\n", _("~ merge conflicts changed"));
  for (guint i = 0; other_keys != NULL && other_keys[i] != NULL; i++)
    g_string_append_printf (out, _("~ “%s” changed\n"), other_keys[i]);
  g_string_append_c (out, '\n');
}

static void
append_change (GString               *out,
               BpComparison          *self,
               const BpCompareChange *change,
               const char            *stage)
{
  g_autofree char *line = bp_compare_change_describe (self, change);

  if (line == NULL)
    return;
  if (stage != NULL)
    g_string_append_printf (out, "%s %s / %s\n", bp_compare_change_sigil (change), stage, line);
  else
    g_string_append_printf (out, "%s %s\n", bp_compare_change_sigil (change), line);
}

static void
append_list (GString       *out,
             BpComparison  *self,
             BpCompareList  list,
             const char    *heading)
{
  GPtrArray *changes = bp_comparison_get_changes (self, list);
  gsize start = out->len;

  g_string_append_printf (out, "%s\n", heading);
  for (guint i = 0; i < changes->len; i++)
    append_change (out, self, changes->pdata[i], NULL);
  if (bp_comparison_get_reordered (self, list))
    g_string_append_printf (out, "%s\n", _("~ reordered"));

  /* A heading over nothing goes again. */
  if (out->len == start + strlen (heading) + 1)
    g_string_truncate (out, start);
  else
    g_string_append_c (out, '\n');
}

/* The stage a step change belongs under: NEW's stage, or the stage a
 * removed step stood in, as NEW knows it when it kept that stage. */
static BpItem *
step_group (BpComparison          *self,
            const BpCompareChange *change)
{
  BpDocument *document;
  BpItem *stage;

  if (change->new_item != NULL)
    return bp_document_lookup (bp_comparison_get_new_document (self),
                               bp_step_get_stage (BP_STEP (change->new_item)));
  document = bp_comparison_get_old_document (self);
  stage = bp_document_lookup (document, bp_step_get_stage (BP_STEP (change->old_item)));
  if (stage != NULL && bp_comparison_get_new_for_old (self, stage) != NULL)
    return bp_comparison_get_new_for_old (self, stage);
  return stage;
}

static void
append_group (GString      *out,
              BpComparison *self,
              GPtrArray    *group,
              BpItem       *stage,
              BpDocument   *document)
{
  const char *name = stage_name (document, bp_item_get_id (stage));

  for (guint i = 0; i < group->len; i++)
    append_change (out, self, group->pdata[i], name);
}

/* Steps by stage: NEW's stages in order, then the stages NEW lost. */
static void
append_steps (GString      *out,
              BpComparison *self)
{
  GPtrArray *changes = bp_comparison_get_changes (self, BP_COMPARE_STEPS);
  BpDocument *documents[] = { bp_comparison_get_new_document (self),
                              bp_comparison_get_old_document (self) };
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  const char *heading = _("Steps, by stage");
  gsize start = out->len;

  /* stage → its changes, in the order of the list */
  for (guint i = 0; i < changes->len; i++)
    {
      BpItem *stage = step_group (self, changes->pdata[i]);
      GPtrArray *group = g_hash_table_lookup (groups, stage);

      if (group == NULL)
        g_hash_table_insert (groups, stage, group = g_ptr_array_new ());
      g_ptr_array_add (group, changes->pdata[i]);
    }

  g_string_append_printf (out, "%s\n", heading);
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint i = 0; i < bp_document_get_n_stages (documents[d]); i++)
      {
        BpItem *stage = BP_ITEM (bp_document_get_stage (documents[d], i));
        GPtrArray *group = g_hash_table_lookup (groups, stage);

        if (group != NULL)
          append_group (out, self, group, stage, documents[d]);
      }

  /* Only changes of position: no heading over nothing. */
  if (out->len == start + strlen (heading) + 1)
    g_string_truncate (out, start);
  else
    g_string_append_c (out, '\n');
}

static char *
format_figure (const BpCompareFigures *figures,
               BpCompareFigure         figure)
{
  double value = bp_compare_figures_get (figures, figure);

  if (figure == BP_COMPARE_FIGURE_ELAPSED)
    return bp_duration_format (value);
  return g_strdup_printf ("%g", value);
}

static void
append_figures (GString      *out,
                BpComparison *self)
{
  BpCompareFigures before, after;

  bp_compare_figures_compute (bp_comparison_get_old_document (self), &before);
  bp_compare_figures_compute (bp_comparison_get_new_document (self), &after);

  g_string_append_printf (out, "%s\n", _("Figures, before → after"));
  for (guint i = 0; i < BP_COMPARE_N_FIGURES; i++)
    {
      g_autofree char *from = format_figure (&before, i);
      g_autofree char *to = format_figure (&after, i);
      gboolean same = bp_compare_figures_get (&before, i) == bp_compare_figures_get (&after, i);

      g_string_append_printf (out, "  %s: %s%s%s\n", bp_compare_figure_label (i), from,
                              same ? "" : " → ", same ? "" : to);
    }
}

char *
bp_comparison_to_text (BpComparison *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BP_IS_COMPARISON (self), NULL);

  append_blueprint (out, self);
  append_list (out, self, BP_COMPARE_STAGES, _("Stages"));
  append_list (out, self, BP_COMPARE_LANES, _("Lanes"));
  append_steps (out, self);
  append_list (out, self, BP_COMPARE_FLOWS, _("Flows"));
  if (out->len > 0)
    append_figures (out, self);

  return g_string_free (out, FALSE);
}
