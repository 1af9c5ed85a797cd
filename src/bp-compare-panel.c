/* bp-compare-panel.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-compare-panel.h"

#include <glib/gi18n.h>

#include "compare/bp-compare-figures.h"
#include "compare/bp-compare-report.h"
#include "model/bp-duration.h"

struct _BpComparePanel
{
  GtkBox      parent_instance;

  GtkLabel   *title;
  GtkLabel   *figures;
  GtkListBox *list;
  guint       n_rows;
};

G_DEFINE_FINAL_TYPE (BpComparePanel, bp_compare_panel, GTK_TYPE_BOX)

enum {
  SIGNAL_LEAVE,
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  BpComparePanel *self)
{
  g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "bp-item"));
}

static void
on_leave_clicked (GtkButton      *button,
                  BpComparePanel *self)
{
  g_signal_emit (self, signals[SIGNAL_LEAVE], 0);
}

static void
bp_compare_panel_class_init (BpComparePanelClass *klass)
{
  signals[SIGNAL_LEAVE] =
    g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BP_TYPE_ITEM);
}

static GtkWidget *
make_header (BpComparePanel *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *leave = gtk_button_new_with_mnemonic (_("_Leave"));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_widget_set_tooltip_text (leave, _("Leave the comparison (Escape)"));
  gtk_widget_set_valign (leave, GTK_ALIGN_START);
  g_signal_connect (leave, "clicked", G_CALLBACK (on_leave_clicked), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (header), leave);
  return header;
}

static void
bp_compare_panel_init (BpComparePanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, -1);
  g_object_set (self, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);

  gtk_box_append (GTK_BOX (self), make_header (self));

  self->figures = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->figures, 0);
  gtk_label_set_wrap (self->figures, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->figures), "caption");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->figures));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

BpComparePanel *
bp_compare_panel_new (void)
{
  return g_object_new (BP_TYPE_COMPARE_PANEL, NULL);
}

static char *
figure_text (const BpCompareFigures *figures,
             BpCompareFigure         figure)
{
  double value = bp_compare_figures_get (figures, figure);

  return figure == BP_COMPARE_FIGURE_ELAPSED ? bp_duration_format (value)
                                             : g_strdup_printf ("%g", value);
}

/* The figures that changed, before → after; the elapsed time always. */
static void
show_figures (BpComparePanel *self,
              BpComparison   *comparison)
{
  BpCompareFigures before, after;
  GString *text = g_string_new (NULL);

  bp_compare_figures_compute (bp_comparison_get_old_document (comparison), &before);
  bp_compare_figures_compute (bp_comparison_get_new_document (comparison), &after);
  for (guint i = 0; i < BP_COMPARE_N_FIGURES; i++)
    {
      g_autofree char *from = figure_text (&before, i);
      g_autofree char *to = figure_text (&after, i);

      if (i != BP_COMPARE_FIGURE_ELAPSED &&
          bp_compare_figures_get (&before, i) == bp_compare_figures_get (&after, i))
        continue;
      g_string_append_printf (text, "%s%s: %s → %s", text->len ? "\n" : "",
                              bp_compare_figure_label (i), from, to);
    }
  gtk_label_set_text (self->figures, text->str);
  g_string_free (text, TRUE);
}

/* What a row selects in the open document. */
static BpItem *
row_target (BpComparison          *comparison,
            const BpCompareChange *change)
{
  BpDocument *old_document = bp_comparison_get_old_document (comparison);
  BpItem *stage;

  if (change->new_item != NULL)
    return change->new_item;
  if (!BP_IS_STEP (change->old_item))
    return NULL;
  stage = bp_document_lookup (old_document, bp_step_get_stage (BP_STEP (change->old_item)));
  return stage ? bp_comparison_get_new_for_old (comparison, stage) : NULL;
}

static void
add_row (BpComparePanel        *self,
         BpComparison          *comparison,
         const BpCompareChange *change)
{
  g_autofree char *line = bp_compare_change_describe (comparison, change);
  g_autofree char *text = NULL;
  BpItem *target = row_target (comparison, change);
  GtkWidget *label, *row;

  if (line == NULL)
    return;
  text = g_strdup_printf ("%s %s", bp_compare_change_sigil (change), line);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 8, "margin-end", 8, "margin-top", 6, "margin-bottom", 6, NULL);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (row), "bp-item", g_object_ref (target), g_object_unref);
  gtk_list_box_append (self->list, row);
  self->n_rows++;
}

void
bp_compare_panel_set_comparison (BpComparePanel *self,
                                 BpComparison   *comparison,
                                 const char     *other_name)
{
  const BpCompareList order[] = {
    BP_COMPARE_STEPS, BP_COMPARE_STAGES, BP_COMPARE_LANES, BP_COMPARE_FLOWS,
  };
  g_autofree char *title = NULL;
  GtkWidget *child;

  g_return_if_fail (BP_IS_COMPARE_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  if (comparison == NULL)
    return;

  /* Translators: %s is the file the open blueprint is compared with */
  title = g_strdup_printf (_("Compared with %s"), other_name);
  gtk_label_set_text (self->title, title);
  show_figures (self, comparison);
  for (guint l = 0; l < G_N_ELEMENTS (order); l++)
    {
      GPtrArray *changes = bp_comparison_get_changes (comparison, order[l]);

      for (guint i = 0; i < changes->len; i++)
        add_row (self, comparison, changes->pdata[i]);
    }
}

guint
bp_compare_panel_get_n_rows (BpComparePanel *self)
{
  g_return_val_if_fail (BP_IS_COMPARE_PANEL (self), 0);
  return self->n_rows;
}

void
bp_compare_panel_activate_row (BpComparePanel *self,
                               guint           index)
{
  GtkListBoxRow *row;

  g_return_if_fail (BP_IS_COMPARE_PANEL (self));
  row = gtk_list_box_get_row_at_index (self->list, index);
  g_return_if_fail (row != NULL);
  g_signal_emit_by_name (self->list, "row-activated", row);
}
