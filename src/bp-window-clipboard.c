/* bp-window-clipboard.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "edit/bp-clipboard.h"
#include "bp-window-private.h"

/* Cut, copy, paste and duplicate of cards: the window's actions, on the
 * system clipboard (GdkClipboard), with the commands of the core's
 * bp-clipboard.h. A copy offers the cards as BP_CLIPBOARD_MIME_TYPE,
 * for Touchpoint windows of this and other processes, and as plain text
 * (one card's text a line) for other applications; a paste reads the
 * cards, or else plain text, of which each line becomes a card.
 *
 * Their keys (Ctrl+X, C, V, D) act only while the canvas itself has the
 * focus, so that a text field (the card editor, the properties panel)
 * keeps its own cut, copy and paste. */

/* How much of the clipboard is read at a time. */
#define READ_CHUNK (64 * 1024)

static BpSelection *
selection_of (BpWindow *self)
{
  return bp_canvas_get_selection (self->canvas);
}

static void
show_toast (BpWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Puts the selected cards on the clipboard; FALSE when none is
 * selected or they could not be copied (and the user was told). */
static gboolean
copy_selection (BpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];
  gsize length;
  char *data;

  data = bp_clipboard_copy (self->document, selection_of (self), &length, &error);
  if (data == NULL)
    {
      if (!g_error_matches (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY))
        show_toast (self, error->message);
      return FALSE;
    }
  payload = g_bytes_new_take (data, length);
  text = bp_clipboard_copy_text (self->document, selection_of (self));

  providers[0] = gdk_content_provider_new_for_bytes (BP_CLIPBOARD_MIME_TYPE, payload);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  copy_selection (BP_WINDOW (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (copy_selection (self))
    bp_edit_cut_selection (self->document, selection_of (self));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  bp_edit_duplicate_selection (self->document, selection_of (self));
}

/* Where pasted cards go: under the pointer when it is over the canvas,
 * else NULL (beside the originals). */
static const BpPastePoint *
paste_point (BpWindow     *self,
             BpPastePoint *point)
{
  BpLane *lane;
  BpStage *stage;

  if (!bp_canvas_get_pointer_landing (self->canvas, BP_STEP_DEFAULT_WIDTH, &lane, &stage, &point->x))
    return NULL;
  point->lane_id = bp_item_get_id (BP_ITEM (lane));
  point->stage_id = bp_item_get_id (BP_ITEM (stage));
  return point;
}

/* What a paste read ends with: the window may have closed meanwhile. */
static void
finish_paste (BpWindow   *self,
              const char *data,
              gsize       length,
              gboolean    is_text)
{
  g_autoptr(GError) error = NULL;
  BpPastePoint point;
  gboolean pasted;

  if (self->document == NULL || self->canvas == NULL)
    return;

  if (is_text)
    pasted = bp_edit_paste_text (self->document, selection_of (self), data,
                                 paste_point (self, &point), &error);
  else
    pasted = bp_edit_paste (self->document, selection_of (self), data, length,
                            paste_point (self, &point), &error);
  if (!pasted)
    show_toast (self, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

typedef struct {
  BpWindow     *window;
  GInputStream *stream;
  GByteArray   *data;
} PasteRead;

static void
paste_read_free (PasteRead *read)
{
  g_clear_object (&read->window);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->data, g_byte_array_unref);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteRead, paste_read_free)

static void read_next_chunk (PasteRead *read);

static void
on_chunk_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(PasteRead) read = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      show_toast (read->window, error->message);
      return;
    }

  /* Past the limit, the core refuses the payload by its length alone. */
  g_byte_array_append (read->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (g_bytes_get_size (chunk) == 0 || read->data->len > BP_CLIPBOARD_MAX_BYTES)
    {
      finish_paste (read->window, (const char *) read->data->data, read->data->len, FALSE);
      return;
    }
  read_next_chunk (g_steal_pointer (&read));
}

static void
read_next_chunk (PasteRead *read)
{
  g_input_stream_read_bytes_async (read->stream, READ_CHUNK, G_PRIORITY_DEFAULT, NULL,
                                   on_chunk_read, read);
}

static void
on_cards_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(BpWindow) self = data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  PasteRead *read;

  if (stream == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  read = g_new0 (PasteRead, 1);
  read->window = g_steal_pointer (&self);
  read->stream = stream;
  read->data = g_byte_array_new ();
  read_next_chunk (read);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(BpWindow) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL)
    {
      show_toast (self, _("The clipboard holds nothing that can be pasted."));
      return;
    }
  finish_paste (self, text, strlen (text), TRUE);
}

static void
paste_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  static const char *mime_types[] = { BP_CLIPBOARD_MIME_TYPE, NULL };

  if (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                             BP_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL,
                              on_cards_read, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, g_object_ref (self));
}

static void
update_actions (BpWindow *self)
{
  g_autoptr(GPtrArray) steps = NULL;
  GdkContentFormats *formats;
  gboolean has_cards;

  if (self->canvas == NULL)
    return;

  steps = bp_selection_get_items (selection_of (self), BP_TYPE_STEP);
  has_cards = steps->len > 0;
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cut", has_cards);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy", has_cards);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", has_cards);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste",
                                 gdk_content_formats_contain_mime_type (formats, BP_CLIPBOARD_MIME_TYPE) ||
                                 gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));
}

/* A key of the canvas: its action, while the canvas has the focus. */
static gboolean
on_canvas_shortcut (GtkWidget *canvas,
                    GVariant  *args,
                    gpointer   action)
{
  GtkRoot *root = gtk_widget_get_root (canvas);

  /* The window's focus, not a text field in it or in the card editor's
   * popover. */
  if (root == NULL || gtk_root_get_focus (root) != canvas)
    return FALSE;
  return gtk_widget_activate_action (canvas, action, NULL);
}

static void
add_canvas_shortcut (GtkShortcutController *controller,
                     const char            *trigger,
                     const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (on_canvas_shortcut,
                                                                                   (gpointer) action,
                                                                                   NULL)));
}

void
bp_window_class_init_clipboard (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
}

void
bp_window_init_clipboard (BpWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  add_canvas_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>x", "win.cut");
  add_canvas_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>c", "win.copy");
  add_canvas_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>v", "win.paste");
  add_canvas_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>d", "win.duplicate");
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), controller);

  g_signal_connect_object (selection_of (self), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_clipboard (GTK_WIDGET (self)), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
