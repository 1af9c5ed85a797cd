/* bp-insights-panel.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/bp-duration.h"
#include "bp-insights-panel.h"

struct _BpInsightsPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *page;       /* AdwPreferencesPage, kept: its groups change */
  GPtrArray  *groups;     /* the groups on the page now */
  BpCanvas   *canvas;     /* weak */
  gulong      insights_handler;
  gboolean    show_dismissed;
  /* The figures changed while the page was not shown. */
  gboolean    dirty;
  guint       rebuild_source;
};

/* Rows of checks shown in one group at most: a blueprint of thousands
 * of cards may raise thousands, and the page is rebuilt after every
 * change. */
#define MAX_CHECK_ROWS 100

G_DEFINE_FINAL_TYPE (BpInsightsPanel, bp_insights_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_DISMISSED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Text */

/* "14 min", or "at least 14 min" when some steps have no duration. */
static char *
format_elapsed (double seconds,
                guint  unknown)
{
  g_autofree char *time = bp_duration_format (MAX (seconds, 0));

  if (unknown == 0)
    return g_steal_pointer (&time);
  /* TRANSLATORS: a time that steps without a duration may lengthen */
  return g_strdup_printf (_("≥ %s"), time);
}

static char *
format_unknown (guint unknown)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step without a duration",
                                       "%u steps without a duration", unknown),
                          unknown);
}

/* What a check's item is called: a card's text, a stage's name, a flow's
 * two cards, or the blueprint. */
static char *
describe_item (BpDocument *document,
               const char *item_id)
{
  BpItem *item = item_id != NULL ? bp_document_lookup (document, item_id) : NULL;

  if (item_id == NULL)
    return g_strdup (_("The blueprint"));
  if (BP_IS_STEP (item))
    return g_strdup (bp_step_get_text (BP_STEP (item)));
  if (BP_IS_STAGE (item))
    return g_strdup_printf (_("Stage “%s”"), bp_stage_get_name (BP_STAGE (item)));
  if (BP_IS_FLOW (item))
    {
      BpItem *from = bp_document_lookup (document, bp_flow_get_from (BP_FLOW (item)));
      BpItem *to = bp_document_lookup (document, bp_flow_get_to (BP_FLOW (item)));

      if (BP_IS_STEP (from) && BP_IS_STEP (to))
        return g_strdup_printf (_("Flow “%s” → “%s”"),
                                bp_step_get_text (BP_STEP (from)), bp_step_get_text (BP_STEP (to)));
    }
  return g_strdup (item_id);
}

/* Rows */

static GtkWidget *
add_group (BpInsightsPanel *self,
           const char      *title,
           const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return group;
}

/* A row with a figure at its end; the figure's label is returned. */
static GtkWidget *
add_figure (GtkWidget  *group,
            const char *title,
            const char *subtitle,
            const char *figure)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (figure);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return label;
}

/* A tile of the totals: the figure large, its name below, in a card;
 * returns the figure's label. */
static GtkWidget *
add_tile (GtkWidget  *grid,
          int         column,
          int         row,
          int         width,
          const char *name,
          const char *figure,
          const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (figure);
  GtkWidget *label = gtk_label_new (name);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_top (value, 8);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_bottom (label, detail != NULL ? 0 : 8);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *more = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (more), 0);
      gtk_label_set_wrap (GTK_LABEL (more), TRUE);
      gtk_widget_set_margin_start (more, 12);
      gtk_widget_set_margin_end (more, 8);
      gtk_widget_set_margin_bottom (more, 8);
      gtk_widget_add_css_class (more, "caption");
      gtk_widget_add_css_class (more, "dim-label");
      gtk_box_append (GTK_BOX (box), more);
    }
  gtk_grid_attach (GTK_GRID (grid), box, column, row, width, 1);
  return value;
}

static void
add_count_tile (GtkWidget  *grid,
                int         position,
                const char *name,
                guint       count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  /* Two a row, under the elapsed time. */
  add_tile (grid, position % 2, 1 + position / 2, 1, name, text, NULL);
}

static void
add_totals (BpInsightsPanel *self,
            BpInsights      *insights)
{
  GtkWidget *group = add_group (self, _("Totals"), NULL);
  GtkWidget *grid = gtk_grid_new ();
  const BpCrossings *crossings = bp_insights_get_crossings (insights);
  guint unknown = 0;
  double elapsed = bp_insights_get_elapsed (insights, &unknown);
  g_autofree char *time = format_elapsed (elapsed, unknown);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *customer = bp_duration_format (bp_insights_get_customer_time (insights));
  g_autofree char *waiting = bp_duration_format (bp_insights_get_waiting_time (insights));
  GtkWidget *label;
  int n = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);

  if (unknown > 0)
    {
      g_autofree char *text = format_unknown (unknown);

      g_string_append (detail, text);
    }
  if (bp_insights_get_tolerance (insights) >= 0)
    {
      g_autofree char *tolerance = bp_duration_format (bp_insights_get_tolerance (insights));

      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append_printf (detail, _("tolerance %s"), tolerance);
    }
  label = add_tile (grid, 0, 0, 2, _("Elapsed time, first step to last"), time,
                    detail->len > 0 ? detail->str : NULL);
  if (bp_insights_is_over (insights))
    gtk_widget_add_css_class (label, "error");

  add_tile (grid, 0, 1, 1, _("Customer’s own time"), customer, NULL);
  add_tile (grid, 1, 1, 1, _("Waiting time"), waiting, NULL);
  n = 2;
  add_count_tile (grid, n++, _("Encounters"), crossings->interaction);
  add_count_tile (grid, n++, _("Visibility crossings"), crossings->visibility);
  add_count_tile (grid, n++, _("Internal hand-offs"), crossings->internal);
  add_count_tile (grid, n++, _("Actor hand-offs"), crossings->actor);
  add_count_tile (grid, n++, _("Fail points"), bp_insights_get_n_fail_points (insights));
  add_count_tile (grid, n++, _("Wait points"), bp_insights_get_n_wait_points (insights));
}

/* Stages: a row each, its time at the end, its crossings below. */
static void
add_stages (BpInsightsPanel *self,
            BpInsights      *insights,
            BpDocument      *document)
{
  GtkWidget *group;

  if (bp_insights_get_n_stages (insights) == 0)
    return;

  group = add_group (self, _("Stages"), NULL);
  for (guint i = 0; i < bp_insights_get_n_stages (insights); i++)
    {
      const BpInsightsStage *stage = bp_insights_get_stage (insights, i);
      BpItem *item = bp_document_lookup (document, stage->id);
      g_autofree char *time = format_elapsed (stage->elapsed, stage->unknown);
      g_autofree char *crossings = g_strdup_printf (_("encounters %u · visibility %u · internal %u · hand-offs %u"),
                                                    stage->crossings.interaction,
                                                    stage->crossings.visibility,
                                                    stage->crossings.internal,
                                                    stage->crossings.actor);
      GtkWidget *label;

      label = add_figure (group, BP_IS_STAGE (item) ? bp_stage_get_name (BP_STAGE (item)) : stage->id,
                          crossings, time);
      if (stage->over)
        gtk_widget_add_css_class (label, "error");
      if (stage->tolerance >= 0)
        {
          g_autofree char *tolerance = bp_duration_format (stage->tolerance);
          g_autofree char *tip = g_strdup_printf (_("Tolerance %s"), tolerance);

          gtk_widget_set_tooltip_text (label, tip);
        }
    }
}

/* Checks */

static void
on_check_activated (AdwActionRow    *row,
                    BpInsightsPanel *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (row), "item");
  BpDocument *document = self->canvas ? bp_canvas_get_document (self->canvas) : NULL;
  BpItem *item = document && item_id ? bp_document_lookup (document, item_id) : NULL;
  BpSelection *selection;

  if (document == NULL)
    return;
  selection = bp_canvas_get_selection (self->canvas);
  if (item == NULL)
    {
      bp_selection_clear (selection);
      return;
    }
  bp_selection_set (selection, item);
  bp_canvas_reveal (self->canvas, item);
}

/* Dismiss or Restore: one undo step. */
static void
on_check_button (GtkButton       *button,
                 BpInsightsPanel *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  BpDocument *document = self->canvas ? bp_canvas_get_document (self->canvas) : NULL;
  g_autofree char *check = g_strdup (g_object_get_data (G_OBJECT (row), "check"));
  g_autofree char *item = g_strdup (g_object_get_data (G_OBJECT (row), "item"));
  gboolean dismissed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "dismissed"));

  if (document != NULL && item != NULL)
    bp_document_set_dismissed (document, check, item, !dismissed);
}

static void
add_check_row (BpInsightsPanel *self,
               GtkWidget       *group,
               BpInsights      *insights,
               BpDocument      *document,
               guint            position)
{
  const BpInsightsCheck *check = bp_insights_get_check (insights, position);
  g_autofree char *subtitle = describe_item (document, check->item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (check->severity == BP_SEVERITY_WARNING
                                                  ? "dialog-warning-symbolic"
                                                  : "dialog-information-symbolic");

  /* What it is about first, short; what to do below it. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bp_insights_get_check_message (insights, position));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (check->severity == BP_SEVERITY_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (row, check->check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_check_activated), self);
  g_object_set_data_full (G_OBJECT (row), "check", g_strdup (check->check), g_free);
  g_object_set_data_full (G_OBJECT (row), "item", g_strdup (check->item), g_free);
  g_object_set_data (G_OBJECT (row), "dismissed", GINT_TO_POINTER (check->dismissed));

  /* The blueprint's own check cannot be dismissed (the format has no
   * item to name it by). */
  if (check->item != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (check->dismissed ? "edit-undo-symbolic"
                                                                         : "window-close-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, check->dismissed
                                   ? _("Restore: count this check again")
                                   : _("Dismiss: accept this check, kept in the file and left out of the counts"));
      g_object_set_data (G_OBJECT (button), "row", row);
      g_object_set_data (G_OBJECT (row), "button", button);
      g_signal_connect (button, "clicked", G_CALLBACK (on_check_button), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* The checks of @severity, dismissed or not, up to MAX_CHECK_ROWS; a
 * line says how many more there are. */
static void
add_check_rows (BpInsightsPanel *self,
                GtkWidget       *group,
                BpInsights      *insights,
                BpDocument      *document,
                BpSeverity       severity,
                gboolean         dismissed)
{
  guint shown = 0, more = 0;

  for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
    {
      const BpInsightsCheck *check = bp_insights_get_check (insights, i);

      if (check->severity != severity || !check->dismissed != !dismissed)
        continue;
      if (shown < MAX_CHECK_ROWS)
        {
          add_check_row (self, group, insights, document, i);
          shown++;
        }
      else
        more++;
    }

  if (more > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                             "And %u more", more),
                                                more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static guint
count_dismissed (BpInsights *insights)
{
  guint n = 0;

  for (guint i = 0; i < bp_insights_get_n_checks (insights); i++)
    n += bp_insights_get_check (insights, i)->dismissed;
  return n;
}

static void
on_show_dismissed (GtkSwitch       *toggle,
                   GParamSpec      *pspec,
                   BpInsightsPanel *self)
{
  bp_insights_panel_set_show_dismissed (self, gtk_switch_get_active (toggle));
}

static void
add_dismissed_switch (BpInsightsPanel *self,
                      GtkWidget       *group,
                      guint            n_dismissed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u dismissed check",
                                                         "Show %u dismissed checks", n_dismissed),
                                            n_dismissed);

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), self->show_dismissed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_show_dismissed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_checks (BpInsightsPanel *self,
            BpInsights      *insights,
            BpDocument      *document)
{
  const char *titles[BP_N_SEVERITIES] = { _("Warnings"), _("Suggestions") };
  guint n_dismissed = count_dismissed (insights);
  gboolean any = FALSE;
  GtkWidget *group;

  for (guint severity = 0; severity < BP_N_SEVERITIES; severity++)
    {
      if (bp_insights_count_checks (insights, severity) == 0)
        continue;
      any = TRUE;
      group = add_group (self, titles[severity], NULL);
      add_check_rows (self, group, insights, document, severity, FALSE);
    }

  if (!any)
    add_group (self, _("Checks"), _("Nothing to check: the blueprint meets every rule."));
  if (n_dismissed == 0)
    return;

  group = add_group (self, _("Dismissed"), NULL);
  add_dismissed_switch (self, group, n_dismissed);
  if (!self->show_dismissed)
    return;
  for (guint severity = 0; severity < BP_N_SEVERITIES; severity++)
    add_check_rows (self, group, insights, document, severity, TRUE);
}

/* The page */

static void
clear_groups (BpInsightsPanel *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                 g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
rebuild (BpInsightsPanel *self)
{
  BpInsights *insights = self->canvas ? bp_canvas_get_insights (self->canvas) : NULL;
  BpDocument *document = self->canvas ? bp_canvas_get_document (self->canvas) : NULL;

  /* Built when shown: the page is hidden behind Properties most of the
   * time, and the figures change with every keystroke. */
  self->dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->dirty)
    return;

  clear_groups (self);
  if (insights == NULL || document == NULL)
    return;

  add_totals (self, insights);
  add_stages (self, insights, document);
  add_checks (self, insights, document);
}

static void
on_canvas_gone (gpointer  data,
                GObject  *where)
{
  BpInsightsPanel *self = data;

  self->canvas = NULL;
  self->insights_handler = 0;
}

void
bp_insights_panel_set_canvas (BpInsightsPanel *self,
                              BpCanvas        *canvas)
{
  g_return_if_fail (BP_IS_INSIGHTS_PANEL (self));
  g_return_if_fail (canvas == NULL || BP_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;
  if (self->canvas != NULL)
    {
      g_clear_signal_handler (&self->insights_handler, self->canvas);
      g_object_weak_unref (G_OBJECT (self->canvas), on_canvas_gone, self);
    }
  self->canvas = canvas;
  if (canvas != NULL)
    {
      g_object_weak_ref (G_OBJECT (canvas), on_canvas_gone, self);
      self->insights_handler = g_signal_connect_swapped (canvas, "insights-changed",
                                                         G_CALLBACK (rebuild), self);
    }
  rebuild (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  BpInsightsPanel *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

gboolean
bp_insights_panel_get_show_dismissed (BpInsightsPanel *self)
{
  g_return_val_if_fail (BP_IS_INSIGHTS_PANEL (self), FALSE);
  return self->show_dismissed;
}

void
bp_insights_panel_set_show_dismissed (BpInsightsPanel *self,
                                      gboolean         show)
{
  g_return_if_fail (BP_IS_INSIGHTS_PANEL (self));

  show = !!show;
  if (self->show_dismissed == show)
    return;
  self->show_dismissed = show;
  /* Not now: the switch that asked is on the page, and still busy. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DISMISSED]);
}

static void
bp_insights_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BpInsightsPanel *self = BP_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_DISMISSED:
      g_value_set_boolean (value, self->show_dismissed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_insights_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BpInsightsPanel *self = BP_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_DISMISSED:
      bp_insights_panel_set_show_dismissed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_insights_panel_dispose (GObject *object)
{
  BpInsightsPanel *self = BP_INSIGHTS_PANEL (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  bp_insights_panel_set_canvas (self, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_insights_panel_parent_class)->dispose (object);
}

static void
bp_insights_panel_map (GtkWidget *widget)
{
  BpInsightsPanel *self = BP_INSIGHTS_PANEL (widget);

  GTK_WIDGET_CLASS (bp_insights_panel_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
}

static void
bp_insights_panel_class_init (BpInsightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_insights_panel_dispose;
  object_class->get_property = bp_insights_panel_get_property;
  object_class->set_property = bp_insights_panel_set_property;

  properties[PROP_SHOW_DISMISSED] =
    g_param_spec_boolean ("show-dismissed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = bp_insights_panel_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bpinsightspanel");
}

static void
bp_insights_panel_init (BpInsightsPanel *self)
{
  self->groups = g_ptr_array_new ();
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->page = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->page);
}

GtkWidget *
bp_insights_panel_new (void)
{
  return g_object_new (BP_TYPE_INSIGHTS_PANEL, NULL);
}
