/* bp-properties-panel.c
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
#include "history/bp-history.h"
#include "bp-properties-panel.h"

struct _BpPropertiesPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *page;        /* AdwPreferencesPage, rebuilt per target */
  BpDocument *document;
  GObject    *target;
  /* Field bindings, freed with the page. */
  GPtrArray  *bindings;
};

G_DEFINE_FINAL_TYPE (BpPropertiesPanel, bp_properties_panel, GTK_TYPE_WIDGET)

/* One field of the page bound to one property of the target, both ways:
 * the field sets the property as the user types; the property, changed
 * by undo, updates the field. */
typedef struct {
  BpPropertiesPanel *panel;
  GtkWidget         *widget;
  const char        *property;
  gulong             notify_handler;
  gboolean           syncing;
  /* A string property whose empty text means "absent" (NULL). */
  gboolean           nullable;
  /* For flags: the one flag the check button stands for. */
  guint              flag;
  /* For durations: the text is read once typing pauses. */
  guint              commit_idle;
} Binding;

static gboolean commit_duration (gpointer data);

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  /* A duration typed just before another item was chosen still counts. */
  if (binding->commit_idle != 0 && binding->panel->target != NULL)
    {
      g_clear_handle_id (&binding->commit_idle, g_source_remove);
      commit_duration (binding);
    }
  if (binding->panel->target != NULL)
    g_clear_signal_handler (&binding->notify_handler, binding->panel->target);
  g_clear_handle_id (&binding->commit_idle, g_source_remove);
  g_free (binding);
}

static BpHistory *
panel_history (BpPropertiesPanel *self)
{
  return self->document ? bp_document_get_history (self->document) : NULL;
}

/* Leaving a field ends its run of typing: the next edit is a new step. */
static void
on_field_leave (GtkEventControllerFocus *controller,
                BpPropertiesPanel       *self)
{
  if (panel_history (self) != NULL)
    bp_history_break_coalescing (panel_history (self));
}

static Binding *
bind (BpPropertiesPanel *self,
      GtkWidget         *widget,
      const char        *property,
      GCallback          on_notify)
{
  Binding *binding = g_new0 (Binding, 1);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  binding->panel = self;
  binding->widget = widget;
  binding->property = g_intern_string (property);
  binding->notify_handler = g_signal_connect_swapped (self->target, signal, on_notify, binding);
  g_ptr_array_add (self->bindings, binding);

  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), self);
  gtk_widget_add_controller (widget, focus);
  return binding;
}

/* Text fields */

static void
sync_text (Binding *binding)
{
  g_autofree char *value = NULL;

  g_object_get (binding->panel->target, binding->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", gtk_editable_get_text (GTK_EDITABLE (binding->widget))) == 0)
    return;

  binding->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (binding->widget), value ? value : "");
  binding->syncing = FALSE;
}

static void
on_text_changed (GtkEditable *editable,
                 Binding     *binding)
{
  const char *text = gtk_editable_get_text (editable);

  if (binding->syncing)
    return;
  g_object_set (binding->panel->target, binding->property,
                (binding->nullable && *text == '\0') ? NULL : text, NULL);
}

static GtkWidget *
add_text_row (BpPropertiesPanel    *self,
              AdwPreferencesGroup  *group,
              const char           *title,
              const char           *property,
              gboolean              nullable)
{
  GtkWidget *row = adw_entry_row_new ();
  Binding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);

  binding = bind (self, row, property, G_CALLBACK (sync_text));
  binding->nullable = nullable;
  sync_text (binding);
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), binding);
  return row;
}

/* Multi-line text: a card's text and notes, shown whole */

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
sync_view_text (Binding *binding)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
  g_autofree char *value = NULL;
  g_autofree char *shown = buffer_text (buffer);

  g_object_get (binding->panel->target, binding->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", shown) == 0)
    return;

  binding->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  binding->syncing = FALSE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Binding       *binding)
{
  g_autofree char *text = buffer_text (buffer);

  if (binding->syncing)
    return;
  g_object_set (binding->panel->target, binding->property,
                (binding->nullable && *text == '\0') ? NULL : text, NULL);
}

/* A text view asks for the height of the lines it has laid out so far,
 * which is often only the first: the scroller around it is given the
 * height of the whole text, up to a dozen lines or so, itself. */
#define MULTILINE_WIDTH_GUESS 260  /* the panel's text width at first */
#define MULTILINE_MAX_HEIGHT  220

static void
fit_view_height (GtkWidget *view)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int width = gtk_widget_get_width (view);
  int height;

  if (scroll == NULL)
    return;

  text = buffer_text (buffer);
  layout = gtk_widget_create_pango_layout (view, text[0] != '\0' ? text : " ");
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (width > 1 ? width : MULTILINE_WIDTH_GUESS) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height = MIN (height + 4, MULTILINE_MAX_HEIGHT);

  /* The minimum must never pass the maximum, on the way up or down. */
  if (height > gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scroll)))
    {
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), height);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), height);
    }
  else
    {
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), height);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), height);
    }
}

static void
on_view_buffer_changed (GtkTextBuffer *buffer,
                        GtkWidget     *view)
{
  fit_view_height (view);
}

/* A row of the group's list with the title above a text view that grows
 * with its text: Enter there starts a new line, as in any notes field. */
static GtkWidget *
add_multiline_row (BpPropertiesPanel    *self,
                   AdwPreferencesGroup  *group,
                   const char           *title,
                   const char           *property,
                   gboolean              nullable)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroll;
  Binding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  /* Tests and the window find the field by its property. */
  g_object_set_data (G_OBJECT (view), "bp-property", (gpointer) g_intern_string (property));
  g_signal_connect (view, "map", G_CALLBACK (fit_view_height), NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_view_buffer_changed), view, 0);
  /* Long notes scroll, past a dozen lines. */
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), MULTILINE_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), view);
  gtk_box_append (GTK_BOX (box), scroll);
  fit_view_height (view);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_group_add (group, row);

  binding = bind (self, view, property, G_CALLBACK (sync_view_text));
  binding->nullable = nullable;
  sync_view_text (binding);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_buffer_changed), binding);
  return view;
}

/* Durations (a card's duration, the tolerances): text with units,
 * checked as typed. Text that is not a duration stays, red, with a
 * caption saying what is, until it is corrected or Escape puts the
 * item's value back; it is kept on the item meanwhile (one draft per
 * property), so that selecting the item again shows it again. The
 * property is a double, negative when absent. */

static char *
draft_key (Binding *binding)
{
  return g_strconcat ("touchpoint-draft-", binding->property, NULL);
}

static const char *
get_draft (Binding *binding)
{
  g_autofree char *key = draft_key (binding);

  return g_object_get_data (binding->panel->target, key);
}

static void
set_draft (Binding    *binding,
           const char *text)
{
  g_autofree char *key = draft_key (binding);

  g_object_set_data_full (binding->panel->target, key, g_strdup (text), g_free);
}

static double
get_seconds (Binding *binding)
{
  double seconds;

  g_object_get (binding->panel->target, binding->property, &seconds, NULL);
  return seconds;
}

static void
show_duration_problem (Binding  *binding,
                       gboolean  problem)
{
  GtkWidget *caption = g_object_get_data (G_OBJECT (binding->widget), "problem");

  if (problem)
    gtk_widget_add_css_class (binding->widget, "error");
  else
    gtk_widget_remove_css_class (binding->widget, "error");
  gtk_widget_set_visible (gtk_widget_get_parent (caption), problem);
}

static void
set_duration_text (Binding    *binding,
                   const char *text)
{
  binding->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (binding->widget), text);
  binding->syncing = FALSE;
}

/* The item's value changed (undo, redo): it replaces any draft. */
static void
sync_duration (Binding *binding)
{
  double seconds = get_seconds (binding);
  g_autofree char *text = seconds >= 0 ? bp_duration_format (seconds) : g_strdup ("");
  double shown;

  set_draft (binding, NULL);
  show_duration_problem (binding, FALSE);

  /* "5 min" and "300" say the same: leave what the user typed. */
  if (bp_duration_parse (gtk_editable_get_text (GTK_EDITABLE (binding->widget)), &shown) &&
      shown == seconds)
    return;

  set_duration_text (binding, text);
}

static gboolean
commit_duration (gpointer data)
{
  Binding *binding = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (binding->widget));
  double seconds;

  binding->commit_idle = 0;

  if (!bp_duration_parse (text, &seconds))
    {
      set_draft (binding, text);
      show_duration_problem (binding, TRUE);
      return G_SOURCE_REMOVE;
    }

  set_draft (binding, NULL);
  show_duration_problem (binding, FALSE);
  g_object_set (binding->panel->target, binding->property, seconds, NULL);
  return G_SOURCE_REMOVE;
}

/* The text is read once typing pauses, or the field is left or
 * activated: typing "1 h 30 min" passes through "1" and "1 h", which are
 * durations too, and each would be an undo step of its own (numbers do
 * not coalesce in the history). A key typed over selected text empties
 * the field before it inserts, too. */
#define TYPING_PAUSE_MS 400

static void
on_duration_changed (GtkEditable *editable,
                     Binding     *binding)
{
  if (binding->syncing)
    return;
  g_clear_handle_id (&binding->commit_idle, g_source_remove);
  binding->commit_idle = g_timeout_add (TYPING_PAUSE_MS, commit_duration, binding);
}

static void
flush_duration (Binding *binding)
{
  if (binding->commit_idle == 0)
    return;
  g_clear_handle_id (&binding->commit_idle, g_source_remove);
  commit_duration (binding);
}

static void
on_duration_leave (GtkEventControllerFocus *controller,
                   Binding                 *binding)
{
  flush_duration (binding);
}

/* Escape gives up the text that is not a duration. */
static gboolean
on_duration_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 Binding               *binding)
{
  if (keyval != GDK_KEY_Escape || get_draft (binding) == NULL)
    return FALSE;

  g_clear_handle_id (&binding->commit_idle, g_source_remove);
  set_duration_text (binding, "");
  sync_duration (binding);
  return TRUE;
}

/* The caption below the field; returns its label. */
static GtkWidget *
add_caption_row (AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (_("Not a duration: write a number and a unit, like 30 s, "
                                      "5 min, 1 h 30 min or 2 d. Escape puts the last one back."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  return label;
}

static void
add_duration_row (BpPropertiesPanel   *self,
                  AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *property)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *draft = NULL;
  Binding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  /* The caption's label, which tests read too. */
  g_object_set_data (G_OBJECT (row), "problem", add_caption_row (group));

  binding = bind (self, row, property, G_CALLBACK (sync_duration));
  draft = g_strdup (get_draft (binding));
  sync_duration (binding);
  if (draft != NULL)
    {
      set_duration_text (binding, draft);
      set_draft (binding, draft);
      show_duration_problem (binding, TRUE);
    }
  g_signal_connect (row, "changed", G_CALLBACK (on_duration_changed), binding);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (flush_duration), binding);
  g_signal_connect (focus, "leave", G_CALLBACK (on_duration_leave), binding);
  gtk_widget_add_controller (row, focus);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_duration_key), binding);
  gtk_widget_add_controller (row, keys);
}

/* Marks: one switch a flag */

static void
sync_flag (Binding *binding)
{
  guint flags;

  g_object_get (binding->panel->target, "flags", &flags, NULL);
  binding->syncing = TRUE;
  gtk_switch_set_active (GTK_SWITCH (binding->widget), (flags & binding->flag) != 0);
  binding->syncing = FALSE;
}

static void
on_flag_toggled (GtkSwitch  *toggle,
                 GParamSpec *pspec,
                 Binding    *binding)
{
  BpStep *step = BP_STEP (binding->panel->target);
  BpStepFlags flags = bp_step_get_flags (step);

  if (binding->syncing)
    return;
  if (gtk_switch_get_active (toggle))
    flags |= binding->flag;
  else
    flags &= ~binding->flag;
  bp_step_set_flags (step, flags);
}

static void
add_flag_rows (BpPropertiesPanel   *self,
               AdwPreferencesGroup *group)
{
  for (guint f = 0; f < BP_N_STEP_FLAGS; f++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      Binding *binding;

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bp_step_flag_label (1 << f));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (group, row);

      binding = bind (self, toggle, "flags", G_CALLBACK (sync_flag));
      binding->flag = 1 << f;
      sync_flag (binding);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_flag_toggled), binding);
    }
}

/* Enumerations: a drop-down of names */

static void
sync_choice (Binding *binding)
{
  int value;

  g_object_get (binding->panel->target, binding->property, &value, NULL);
  binding->syncing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (binding->widget), value);
  binding->syncing = FALSE;
}

static void
on_choice_selected (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    Binding     *binding)
{
  if (binding->syncing)
    return;
  g_object_set (binding->panel->target, binding->property,
                (int) gtk_drop_down_get_selected (drop_down), NULL);
}

static void
add_choice_row (BpPropertiesPanel   *self,
                AdwPreferencesGroup *group,
                const char          *title,
                const char          *property,
                const char * const  *choices)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (choices);
  Binding *binding;

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_preferences_group_add (group, row);

  binding = bind (self, drop_down, property, G_CALLBACK (sync_choice));
  sync_choice (binding);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (on_choice_selected), binding);
}

/* Numbers */

static void
sync_number (Binding *binding)
{
  double value;

  g_object_get (binding->panel->target, binding->property, &value, NULL);
  binding->syncing = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (binding->widget), value);
  binding->syncing = FALSE;
}

static void
on_number_changed (GtkSpinButton *spin,
                   Binding       *binding)
{
  if (binding->syncing)
    return;
  g_object_set (binding->panel->target, binding->property,
                gtk_spin_button_get_value (spin), NULL);
}

static void
add_number_row (BpPropertiesPanel   *self,
                AdwPreferencesGroup *group,
                const char          *title,
                const char          *property,
                double               minimum,
                double               maximum)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (minimum, maximum, 8);
  Binding *binding;

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  binding = bind (self, spin, property, G_CALLBACK (sync_number));
  sync_number (binding);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_number_changed), binding);
}

/* Colours: a small palette of libadwaita's colours, and none */

static const char * const swatches[] = {
  NULL, "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#deddda",
};

static void
sync_color (Binding *binding)
{
  g_autofree char *value = NULL;
  GtkWidget *child;
  guint i = 0;

  g_object_get (binding->panel->target, binding->property, &value, NULL);
  binding->syncing = TRUE;
  for (child = gtk_widget_get_first_child (binding->widget); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                  g_ascii_strcasecmp (value ? value : "", swatches[i] ? swatches[i] : "") == 0);
  binding->syncing = FALSE;
}

static void
on_swatch_toggled (GtkToggleButton *button,
                   Binding         *binding)
{
  if (binding->syncing || !gtk_toggle_button_get_active (button))
    return;
  g_object_set (binding->panel->target, binding->property,
                g_object_get_data (G_OBJECT (button), "color"), NULL);
}

static GtkWidget *
make_swatch (const char *color,
             GtkWidget  *group_leader)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_widget_add_css_class (button, "swatch");
  gtk_widget_add_css_class (button, "circular");
  if (color != NULL)
    {
      g_autofree char *name = g_strdup_printf ("swatch-%s", color + 1);

      gtk_widget_add_css_class (button, name);
      gtk_widget_set_tooltip_text (button, color);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "edit-clear-symbolic");
      gtk_widget_set_tooltip_text (button, _("No color"));
    }
  g_object_set_data_full (G_OBJECT (button), "color", g_strdup (color), g_free);
  if (group_leader != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group_leader));
  return button;
}

static void
add_color_row (BpPropertiesPanel   *self,
               AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Color"));
  GtkWidget *swatch_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *leader = NULL;
  Binding *binding;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), swatch_box);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Color"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);

  binding = bind (self, swatch_box, "color", G_CALLBACK (sync_color));
  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    {
      GtkWidget *swatch = make_swatch (swatches[i], leader);

      leader = leader ? leader : swatch;
      gtk_box_append (GTK_BOX (swatch_box), swatch);
      g_signal_connect (swatch, "toggled", G_CALLBACK (on_swatch_toggled), binding);
    }
  sync_color (binding);
}

/* Pages */

static AdwPreferencesGroup *
add_group (BpPropertiesPanel *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build_step_page (BpPropertiesPanel *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Card"));

  add_multiline_row (self, group, _("Text"), "text", FALSE);
  add_text_row (self, group, _("Actor"), "actor", TRUE);
  add_duration_row (self, group, _("Duration (30 s, 5 min, 1 h 30 min)"), "duration");
  add_duration_row (self, group, _("Tolerance (longest acceptable)"), "tolerance");
  add_multiline_row (self, group, _("Notes"), "notes", TRUE);
  add_color_row (self, group);
  add_flag_rows (self, add_group (self, _("Marks")));
}

static void
build_flow_page (BpPropertiesPanel *self)
{
  const char *kinds[BP_N_FLOW_KINDS + 1] = { NULL };
  AdwPreferencesGroup *group = add_group (self, _("Flow"));

  for (guint k = 0; k < BP_N_FLOW_KINDS; k++)
    kinds[k] = bp_flow_kind_label (k);

  add_text_row (self, group, _("Label"), "label", TRUE);
  add_choice_row (self, group, _("Kind"), "kind", kinds);
}

static void
build_lane_page (BpPropertiesPanel *self)
{
  const char *zones[BP_N_LANE_KINDS + 1] = { NULL };
  AdwPreferencesGroup *group = add_group (self, _("Lane"));

  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    zones[k] = bp_lane_kind_default_name (k);

  add_text_row (self, group, _("Name"), "name", TRUE);
  add_choice_row (self, group, _("Zone"), "kind", zones);
  add_number_row (self, group, _("Minimum height"), "height",
                  BP_LANE_MIN_HEIGHT, BP_LANE_MAX_HEIGHT);
  add_color_row (self, group);
}

static void
build_stage_page (BpPropertiesPanel *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Stage"));

  add_text_row (self, group, _("Name"), "name", FALSE);
  add_number_row (self, group, _("Width"), "width", BP_STAGE_MIN_WIDTH, BP_STAGE_MAX_WIDTH);
  add_duration_row (self, group, _("Tolerance (longest acceptable)"), "tolerance");
}

static void
build_document_page (BpPropertiesPanel *self)
{
  const char *states[] = { _("Current state"), _("Future state"), NULL };
  AdwPreferencesGroup *group = add_group (self, _("Blueprint"));
  AdwPreferencesGroup *scenario;

  add_text_row (self, group, _("Title"), "title", FALSE);
  add_choice_row (self, group, _("State"), "state", states);
  add_duration_row (self, group, _("Tolerance (longest acceptable)"), "tolerance");

  scenario = add_group (self, _("Scenario"));
  adw_preferences_group_set_description (scenario,
                                         _("Who, toward what goal, from which start to which end"));
  add_text_row (self, scenario, _("Persona"), "persona", TRUE);
  add_text_row (self, scenario, _("Goal"), "goal", TRUE);
  add_text_row (self, scenario, _("Start"), "scenario-start", TRUE);
  add_text_row (self, scenario, _("End"), "scenario-end", TRUE);
}

static void
build_many_page (BpPropertiesPanel *self,
                 guint              n_selected)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item selected",
                                                         "%u items selected", n_selected),
                                            n_selected);
  AdwPreferencesGroup *group = add_group (self, title);

  adw_preferences_group_set_description (group,
                                         _("Drag them together, nudge them with the arrow keys, "
                                           "or press Delete to remove them."));
}

static void
clear_page (BpPropertiesPanel *self)
{
  g_ptr_array_set_size (self->bindings, 0);
  g_clear_object (&self->target);
  self->page = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->page);
}

void
bp_properties_panel_set_target (BpPropertiesPanel *self,
                                BpDocument        *document,
                                BpSelection       *selection)
{
  guint count = selection != NULL ? bp_selection_get_count (selection) : 0;
  GObject *target;

  g_return_if_fail (BP_IS_PROPERTIES_PANEL (self));

  if (document == NULL)
    target = NULL;
  else if (count == 0)
    target = G_OBJECT (document);
  else if (count == 1)
    target = G_OBJECT (bp_selection_get_item (selection, 0));
  else
    target = NULL;

  if (target != NULL && target == self->target && document == self->document)
    return;

  clear_page (self);
  g_set_object (&self->document, document);
  if (document == NULL)
    return;

  if (target == NULL)
    {
      build_many_page (self, count);
      return;
    }

  self->target = g_object_ref (target);
  if (BP_IS_STEP (target))
    build_step_page (self);
  else if (BP_IS_FLOW (target))
    build_flow_page (self);
  else if (BP_IS_LANE (target))
    build_lane_page (self);
  else if (BP_IS_STAGE (target))
    build_stage_page (self);
  else
    build_document_page (self);
}

GObject *
bp_properties_panel_get_target (BpPropertiesPanel *self)
{
  g_return_val_if_fail (BP_IS_PROPERTIES_PANEL (self), NULL);
  return self->target;
}

static void
bp_properties_panel_dispose (GObject *object)
{
  BpPropertiesPanel *self = BP_PROPERTIES_PANEL (object);

  if (self->bindings != NULL)
    g_ptr_array_set_size (self->bindings, 0);
  g_clear_object (&self->target);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_properties_panel_parent_class)->dispose (object);
}

static void
bp_properties_panel_class_init (BpPropertiesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_properties_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bppropertiespanel");
}

static void
bp_properties_panel_init (BpPropertiesPanel *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  clear_page (self);
}

GtkWidget *
bp_properties_panel_new (void)
{
  return g_object_new (BP_TYPE_PROPERTIES_PANEL, NULL);
}
