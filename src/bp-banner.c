/* bp-banner.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-banner.h"

#define N_BUTTONS 2

struct _BpBanner
{
  GtkWidget   parent_instance;

  GtkWidget  *revealer;
  GtkWidget  *label;
  GtkWidget  *buttons[N_BUTTONS];
};

G_DEFINE_FINAL_TYPE (BpBanner, bp_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_banner_dispose (GObject *object)
{
  BpBanner *self = BP_BANNER (object);

  g_clear_pointer (&self->revealer, gtk_widget_unparent);
  G_OBJECT_CLASS (bp_banner_parent_class)->dispose (object);
}

static void
bp_banner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpBanner *self = BP_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, bp_banner_get_title (self));
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, bp_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_banner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BpBanner *self = BP_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bp_banner_set_title (self, g_value_get_string (value));
      break;

    case PROP_REVEALED:
      bp_banner_set_revealed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_banner_class_init (BpBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_banner_dispose;
  object_class->get_property = bp_banner_get_property;
  object_class->set_property = bp_banner_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bpbanner");
}

static void
bp_banner_init (BpBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);

  /* The text is centred across the window and wraps on narrow ones;
   * the buttons sit at the end, as in AdwBanner. */
  self->label = gtk_label_new ("");
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_add_css_class (self->label, "heading");
  gtk_box_append (GTK_BOX (box), self->label);

  for (guint i = 0; i < N_BUTTONS; i++)
    {
      self->buttons[i] = gtk_button_new ();
      gtk_button_set_use_underline (GTK_BUTTON (self->buttons[i]), TRUE);
      gtk_widget_set_valign (self->buttons[i], GTK_ALIGN_CENTER);
      gtk_widget_set_visible (self->buttons[i], FALSE);
      gtk_box_append (GTK_BOX (box), self->buttons[i]);
    }
}

GtkWidget *
bp_banner_new (void)
{
  return g_object_new (BP_TYPE_BANNER, NULL);
}

const char *
bp_banner_get_title (BpBanner *self)
{
  g_return_val_if_fail (BP_IS_BANNER (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}

void
bp_banner_set_title (BpBanner   *self,
                     const char *title)
{
  g_return_if_fail (BP_IS_BANNER (self));

  if (g_strcmp0 (title, bp_banner_get_title (self)) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->label), title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
bp_banner_get_revealed (BpBanner *self)
{
  g_return_val_if_fail (BP_IS_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

void
bp_banner_set_revealed (BpBanner *self,
                        gboolean  revealed)
{
  g_return_if_fail (BP_IS_BANNER (self));

  if (bp_banner_get_revealed (self) == !!revealed)
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

void
bp_banner_set_button (BpBanner   *self,
                      guint       index,
                      const char *label,
                      const char *action_name)
{
  g_return_if_fail (BP_IS_BANNER (self));
  g_return_if_fail (index < N_BUTTONS);

  gtk_widget_set_visible (self->buttons[index], label != NULL);
  gtk_button_set_label (GTK_BUTTON (self->buttons[index]), label ? label : "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->buttons[index]), action_name);
}

GtkButton *
bp_banner_get_button (BpBanner *self,
                      guint     index)
{
  g_return_val_if_fail (BP_IS_BANNER (self), NULL);
  g_return_val_if_fail (index < N_BUTTONS, NULL);

  return GTK_BUTTON (self->buttons[index]);
}
