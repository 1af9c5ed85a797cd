/* bp-palette.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-palette.h"
#include "model/bp-types.h"

struct _BpPalette
{
  GtkWidget  parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (BpPalette, bp_palette, GTK_TYPE_WIDGET)

static const char *
card_title (BpLaneKind kind)
{
  switch (kind)
    {
    case BP_LANE_KIND_EVIDENCE:   return _("Evidence");
    case BP_LANE_KIND_CUSTOMER:   return _("Customer action");
    case BP_LANE_KIND_FRONTSTAGE: return _("Frontstage action");
    case BP_LANE_KIND_BACKSTAGE:  return _("Backstage action");
    case BP_LANE_KIND_SUPPORT:    return _("Support process");
    default:                      return "";
    }
}

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y,
            GtkWidget     *card)
{
  const char *zone = g_object_get_data (G_OBJECT (card), "zone");

  return gdk_content_provider_new_typed (G_TYPE_STRING, zone);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *card)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, icon, 16, 16);
}

/* A card clicked, or activated with Enter or Space, adds one of its zone
 * where the keyboard is. */
static void
on_card_clicked (GtkWidget *card)
{
  const char *zone = g_object_get_data (G_OBJECT (card), "zone");

  gtk_widget_activate_action (card, "win.add-card", "s", zone);
}

static GtkWidget *
make_card (BpLaneKind kind)
{
  GtkWidget *card = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (card_title (kind));
  g_autofree char *zone_class = g_strdup_printf ("zone-%s", bp_lane_kind_to_string (kind));
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (card, "palette-card");
  gtk_widget_add_css_class (swatch, "zone-swatch");
  gtk_widget_add_css_class (swatch, zone_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (content), swatch);
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (card), content);
  gtk_widget_set_tooltip_text (card, _("Drag onto a lane to add a card, or press Enter to add one beside the selection"));
  gtk_widget_set_cursor_from_name (card, "grab");

  g_object_set_data (G_OBJECT (card), "zone", (gpointer) bp_lane_kind_to_string (kind));
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), card);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (card, "clicked", G_CALLBACK (on_card_clicked), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, card_title (kind),
                                  -1);
  return card;
}

static void
bp_palette_dispose (GObject *object)
{
  BpPalette *self = BP_PALETTE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (bp_palette_parent_class)->dispose (object);
}

static void
bp_palette_class_init (BpPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_palette_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bppalette");
}

static void
bp_palette_init (BpPalette *self)
{
  GtkWidget *heading = gtk_label_new (_("Cards"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (self->box), heading);

  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    gtk_box_append (GTK_BOX (self->box), make_card (k));
}

GtkWidget *
bp_palette_new (void)
{
  return g_object_new (BP_TYPE_PALETTE, NULL);
}
