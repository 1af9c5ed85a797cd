/* bp-file-progress.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-file-progress.h"

struct _BpFileProgress
{
  GtkWidget   parent_instance;

  GtkWidget  *revealer;
  GtkWidget  *spinner;
  GtkWidget  *label;
  GtkWidget  *cancel;
  guint       delay_source;
  guint       spinner_tick;
};

G_DEFINE_FINAL_TYPE (BpFileProgress, bp_file_progress, GTK_TYPE_WIDGET)

enum {
  CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bp_file_progress_dispose (GObject *object)
{
  BpFileProgress *self = BP_FILE_PROGRESS (object);

  g_clear_handle_id (&self->delay_source, g_source_remove);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (bp_file_progress_parent_class)->dispose (object);
}

static void
bp_file_progress_class_init (BpFileProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_file_progress_dispose;

  signals[CANCEL] =
    g_signal_new ("cancel",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The banner's style, so that both bars look alike. */
  gtk_widget_class_set_css_name (widget_class, "bpbanner");
}

static void
on_cancel_clicked (BpFileProgress *self)
{
  g_signal_emit (self, signals[CANCEL], 0);
}

static void
bp_file_progress_init (BpFileProgress *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *centre = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);

  gtk_widget_set_hexpand (centre, TRUE);
  gtk_widget_set_halign (centre, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), centre);

  self->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (centre), self->spinner);
  self->label = gtk_label_new ("");
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (self->label, "heading");
  gtk_box_append (GTK_BOX (centre), self->label);

  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_valign (self->cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (box), self->cancel);
}

GtkWidget *
bp_file_progress_new (void)
{
  return g_object_new (BP_TYPE_FILE_PROGRESS, NULL);
}

static gboolean
start_spinner_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  BpFileProgress *self = data;

  self->spinner_tick = 0;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  return G_SOURCE_REMOVE;
}

/* The bar's first showing lays out and draws its widgets for the first
 * time, and the spinner's first turn loads its icon: each costs most of
 * a frame, so the spinner starts a frame after the bar. */
static void
reveal (BpFileProgress *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  if (self->spinner_tick == 0)
    self->spinner_tick = gtk_widget_add_tick_callback (self->spinner, start_spinner_cb, self, NULL);
}

static gboolean
delay_cb (gpointer data)
{
  BpFileProgress *self = data;

  self->delay_source = 0;
  reveal (self);
  return G_SOURCE_REMOVE;
}

void
bp_file_progress_start (BpFileProgress *self,
                        const char     *title,
                        gboolean        can_cancel)
{
  g_return_if_fail (BP_IS_FILE_PROGRESS (self));

  gtk_label_set_text (GTK_LABEL (self->label), title);
  gtk_widget_set_visible (self->cancel, can_cancel);
  if (bp_file_progress_get_shown (self) || self->delay_source != 0)
    return;
  self->delay_source = g_timeout_add (BP_FILE_PROGRESS_DELAY_MS, delay_cb, self);
}

void
bp_file_progress_stop (BpFileProgress *self)
{
  g_return_if_fail (BP_IS_FILE_PROGRESS (self));

  g_clear_handle_id (&self->delay_source, g_source_remove);
  if (self->spinner_tick != 0)
    gtk_widget_remove_tick_callback (self->spinner, self->spinner_tick);
  self->spinner_tick = 0;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
}

gboolean
bp_file_progress_get_shown (BpFileProgress *self)
{
  g_return_val_if_fail (BP_IS_FILE_PROGRESS (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

GtkButton *
bp_file_progress_get_cancel_button (BpFileProgress *self)
{
  g_return_val_if_fail (BP_IS_FILE_PROGRESS (self), NULL);
  return GTK_BUTTON (self->cancel);
}
