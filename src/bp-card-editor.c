/* bp-card-editor.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-card-editor.h"
#include "model/bp-document.h"
#include "history/bp-history.h"

struct _BpCardEditor
{
  GtkPopover  parent_instance;

  GtkWidget  *entry;   /* a lane's or stage's name: one line */
  GtkWidget  *scroll;  /* holds the text view */
  GtkWidget  *view;    /* a card's text: several lines */
  BpItem     *item;   /* a step, a lane or a stage */
};

G_DEFINE_FINAL_TYPE (BpCardEditor, bp_card_editor, GTK_TYPE_POPOVER)

static void
on_activate (BpCardEditor *self)
{
  bp_card_editor_commit (self);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_closed (BpCardEditor *self)
{
  g_clear_object (&self->item);
}

static void
bp_card_editor_dispose (GObject *object)
{
  BpCardEditor *self = BP_CARD_EDITOR (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (bp_card_editor_parent_class)->dispose (object);
}

static void
bp_card_editor_class_init (BpCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_card_editor_dispose;
}

/* The field grows with the text, up to about a dozen lines: a text
 * view only asks for the lines it has laid out so far. */
#define FIELD_WIDTH      280
#define FIELD_MAX_HEIGHT 240

static void
fit_field_height (BpCardEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkScrolledWindow *scroll = GTK_SCROLLED_WINDOW (self->scroll);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int height;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (self->view, text[0] != '\0' ? text : " ");
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (FIELD_WIDTH - 12) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height = CLAMP (height + 8, 64, FIELD_MAX_HEIGHT);

  gtk_scrolled_window_set_min_content_height (scroll, height);
}

/* A card's text, as in GNOME's chat and notes fields: Enter commits,
 * Shift+Enter starts a new line (the text view's own handling), and
 * Escape closes the popover without committing. */
static gboolean
on_view_key_pressed (BpCardEditor    *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (state & GDK_SHIFT_MASK)
    return FALSE;

  on_activate (self);
  return TRUE;
}

static void
bp_card_editor_init (BpCardEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *keys;

  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Card text"),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  gtk_box_append (GTK_BOX (box), self->entry);

  self->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Card text"),
                                  -1);
  keys = gtk_event_controller_key_new ();
  /* Before the text view turns Enter into a new line. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_view_key_pressed), self);
  gtk_widget_add_controller (self->view, keys);

  self->scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroll),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroll), FIELD_MAX_HEIGHT);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroll), 64);
  gtk_widget_set_size_request (self->scroll, FIELD_WIDTH, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), "changed",
                           G_CALLBACK (fit_field_height), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroll), self->view);
  gtk_widget_set_tooltip_text (self->scroll, _("Enter to finish, Shift+Enter for a new line"));
  gtk_box_append (GTK_BOX (box), self->scroll);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  g_signal_connect_swapped (self, "closed", G_CALLBACK (on_closed), self);
}

GtkWidget *
bp_card_editor_new (void)
{
  return g_object_new (BP_TYPE_CARD_EDITOR, NULL);
}

static const char *
item_text (BpItem *item)
{
  if (BP_IS_STEP (item))
    return bp_step_get_text (BP_STEP (item));
  if (BP_IS_LANE (item))
    return bp_lane_get_name (BP_LANE (item));
  return bp_stage_get_name (BP_STAGE (item));
}

static const char *
item_label (BpItem *item)
{
  if (BP_IS_STEP (item))
    return _("Card text");
  if (BP_IS_LANE (item))
    return _("Lane name");
  return _("Stage name");
}

void
bp_card_editor_edit_item (BpCardEditor       *self,
                          BpItem             *item,
                          const GdkRectangle *rect)
{
  g_return_if_fail (BP_IS_CARD_EDITOR (self));
  g_return_if_fail (BP_IS_STEP (item) || BP_IS_LANE (item) || BP_IS_STAGE (item));

  g_set_object (&self->item, item);
  gtk_widget_set_visible (self->entry, !BP_IS_STEP (item));
  gtk_widget_set_visible (self->scroll, BP_IS_STEP (item));
  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);

  if (BP_IS_STEP (item))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
      GtkTextIter start, end;

      gtk_text_buffer_set_text (buffer, item_text (item), -1);
      gtk_popover_popup (GTK_POPOVER (self));
      gtk_widget_grab_focus (self->view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      return;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item_label (item),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), item_text (item));
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
bp_card_editor_edit (BpCardEditor       *self,
                     BpStep             *step,
                     const GdkRectangle *card)
{
  g_return_if_fail (BP_IS_STEP (step));
  bp_card_editor_edit_item (self, BP_ITEM (step), card);
}

BpItem *
bp_card_editor_get_item (BpCardEditor *self)
{
  g_return_val_if_fail (BP_IS_CARD_EDITOR (self), NULL);
  return self->item;
}

BpStep *
bp_card_editor_get_step (BpCardEditor *self)
{
  g_return_val_if_fail (BP_IS_CARD_EDITOR (self), NULL);
  return BP_IS_STEP (self->item) ? BP_STEP (self->item) : NULL;
}

void
bp_card_editor_commit (BpCardEditor *self)
{
  BpDocument *document;
  g_autofree char *card_text = NULL;
  const char *text;

  g_return_if_fail (BP_IS_CARD_EDITOR (self));

  if (self->item == NULL)
    return;

  document = bp_item_get_document (self->item);
  if (document == NULL)
    return;

  /* One edit in place is one undo step, never merged with typing in the
   * properties panel. */
  bp_history_break_coalescing (bp_document_get_history (document));
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (BP_IS_STEP (self->item))
    {
      card_text = bp_card_editor_get_text (self);
      bp_step_set_text (BP_STEP (self->item), card_text);
    }
  else if (BP_IS_LANE (self->item))
    bp_lane_set_name (BP_LANE (self->item), text);
  else
    bp_stage_set_name (BP_STAGE (self->item), text);
  bp_history_break_coalescing (bp_document_get_history (document));
}

char *
bp_card_editor_get_text (BpCardEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (BP_IS_CARD_EDITOR (self), NULL);

  if (!BP_IS_STEP (self->item))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
bp_card_editor_set_text (BpCardEditor *self,
                         const char   *text)
{
  g_return_if_fail (BP_IS_CARD_EDITOR (self));

  if (BP_IS_STEP (self->item))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

void
bp_card_editor_activate (BpCardEditor *self)
{
  g_return_if_fail (BP_IS_CARD_EDITOR (self));
  on_activate (self);
}

GtkWidget *
bp_card_editor_get_field (BpCardEditor *self)
{
  g_return_val_if_fail (BP_IS_CARD_EDITOR (self), NULL);
  return BP_IS_STEP (self->item) ? self->view : self->entry;
}

GtkEditable *
bp_card_editor_get_entry (BpCardEditor *self)
{
  g_return_val_if_fail (BP_IS_CARD_EDITOR (self), NULL);
  return GTK_EDITABLE (self->entry);
}
