/* bp-window-keys.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "edit/bp-edit-commands.h"
#include "bp-palette.h"
#include "bp-window-private.h"

/* The window without the pointer: F6 and Shift+F6 go from pane to pane
 * (palette, canvas, properties), and a card of the palette, activated,
 * adds a card of its zone where the keyboard is ("win.add-card"). */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
pane (BpWindow *self,
      guint     index)
{
  switch (index)
    {
    case 0:
      return find_descendant (GTK_WIDGET (self), BP_TYPE_PALETTE);
    case 1:
      return GTK_WIDGET (self->canvas);
    default:
      return GTK_WIDGET (self->properties);
    }
}

#define N_PANES 3

/* The first widget in @widget that takes the focus. */
static gboolean
focus_first (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus_first (child))
      return TRUE;
  return FALSE;
}

static gboolean
focus_pane (GtkWidget *pane_widget)
{
  return pane_widget != NULL && gtk_widget_is_drawable (pane_widget) && focus_first (pane_widget);
}

static gboolean
cycle_panes (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  BpWindow *self = BP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_variant_get_int32 (args);
  guint current = 2;  /* from elsewhere, forward starts at the palette */

  for (guint i = 0; i < N_PANES; i++)
    if (focus != NULL && pane (self, i) != NULL &&
        (focus == pane (self, i) || gtk_widget_is_ancestor (focus, pane (self, i))))
      current = i;

  for (guint tries = 1; tries <= N_PANES; tries++)
    if (focus_pane (pane (self, (current + N_PANES + step * tries) % N_PANES)))
      return TRUE;
  return TRUE;
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);
  BpLaneKind kind;
  BpStep *step;

  if (self->document == NULL ||
      !bp_lane_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;

  step = bp_edit_add_card (self->document, bp_canvas_get_selection (self->canvas), kind);
  if (step == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  bp_canvas_edit_step (self->canvas, step);
}

void
bp_window_keys_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, 0, cycle_panes, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, cycle_panes, "i", -1);
  gtk_widget_class_install_action (widget_class, "win.add-card", "s", add_card_action);
}
