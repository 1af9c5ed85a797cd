/* bp-window-watch.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "bp-window-private.h"

/* The open file on disk: a teammate saving it, its deletion, a file the
 * user may not write. The banner under the header bar says what
 * happened; nothing the user changed is ever dropped without a choice. */

static char *
file_name (BpWindow *self)
{
  return g_file_get_basename (self->file);
}

static void
show_banner (BpWindow   *self,
             const char *title,
             const char *label0,
             const char *action0,
             const char *label1,
             const char *action1)
{
  bp_banner_set_title (self->banner, title);
  bp_banner_set_button (self->banner, 0, label0, action0);
  bp_banner_set_button (self->banner, 1, label1, action1);
  bp_banner_set_revealed (self->banner, TRUE);
}

/* What the banner says when nothing is going on: at most that the file
 * is read-only. */
static void
show_resting_banner (BpWindow *self)
{
  if (self->read_only)
    show_banner (self, _("This file is read-only"), _("Save _As…"), "win.save-as", NULL, NULL);
  else
    bp_banner_set_revealed (self->banner, FALSE);
}

static void
show_gone_banner (BpWindow *self)
{
  g_autofree char *name = file_name (self);
  g_autofree char *title =
    g_strdup_printf (_("“%s” was deleted or moved; Save will ask where to keep this blueprint"), name);

  show_banner (self, title, _("Save _As…"), "win.save-as", NULL, NULL);
}

/* The reader's message without the path in front: the banner already
 * names the file. */
static const char *
reason_of (const GError *error,
           const char   *path)
{
  const char *message = error->message;

  if (g_str_has_prefix (message, path) && g_str_has_prefix (message + strlen (path), ": "))
    return message + strlen (path) + 2;
  return message;
}

/* Replaces the document with the file's new version, keeping the view.
 * On failure the document stays and the banner says why. */
static gboolean
reload (BpWindow *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *name = file_name (self);
  g_autofree char *title = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(BpFileStamp) before = bp_file_stamp_new (self->file);
  g_autoptr(GError) error = NULL;

  document = bp_bpj_load (path, &error);
  if (document == NULL)
    {
      title = g_strdup_printf (_("“%s” changed on disk but cannot be read, so this version is kept: %s"),
                               name, reason_of (error, path));
      show_banner (self, title, _("_Dismiss"), "win.dismiss-banner", NULL, NULL);
      return FALSE;
    }

  bp_canvas_replace_document (self->canvas, document);
  bp_window_set_document (self, document, self->file);
  bp_window_watch_file_as_read (self, before);
  return TRUE;
}

/* Changes the user could lose: unsaved edits, a drag in progress, or a
 * card's text (or a lane's or stage's name) being typed in place, which
 * reaches the document only on Enter. */
static gboolean
has_unsaved_work (BpWindow *self)
{
  BpHistory *history = bp_document_get_history (self->document);
  BpCardEditor *editor = bp_canvas_get_card_editor (self->canvas);

  return bp_history_get_modified (history) || bp_history_get_depth (history) > 0 ||
         bp_card_editor_get_item (editor) != NULL;
}

static void
on_file_changed (BpWindow         *self,
                 BpFileWatchState  state)
{
  g_autofree char *name = file_name (self);
  g_autofree char *title = NULL;

  /* Our own save being written: its end marks the file as ours. */
  if (self->saving)
    return;

  switch (state)
    {
    case BP_FILE_WATCH_SAME:
      show_resting_banner (self);
      break;

    case BP_FILE_WATCH_GONE:
      show_gone_banner (self);
      break;

    case BP_FILE_WATCH_CHANGED:
      if (has_unsaved_work (self))
        {
          title = g_strdup_printf (_("“%s” changed on disk"), name);
          show_banner (self, title,
                       _("_Keep Mine"), "win.keep-mine",
                       _("_Reload Theirs"), "win.reload-theirs");
        }
      else if (reload (self))
        {
          title = g_strdup_printf (_("“%s” was changed by someone else and has been reloaded"), name);
          show_banner (self, title, _("_Dismiss"), "win.dismiss-banner", NULL, NULL);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
bp_window_watch_file (BpWindow *self)
{
  g_autofree char *path = NULL;

  if (self->file_watch != NULL && self->file != NULL &&
      g_file_equal (bp_file_watch_get_file (self->file_watch), self->file))
    {
      bp_file_watch_mark_current (self->file_watch);
    }
  else
    {
      if (self->file_watch != NULL)
        g_signal_handlers_disconnect_by_data (self->file_watch, self);
      g_clear_object (&self->file_watch);
      if (self->file != NULL)
        {
          self->file_watch = bp_file_watch_new (self->file);
          g_signal_connect_object (self->file_watch, "changed",
                                   G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
        }
    }

  path = self->file ? g_file_get_path (self->file) : NULL;
  self->read_only = path != NULL && !bp_bpj_can_save (path, NULL);
  if (self->file_watch != NULL && bp_file_watch_check (self->file_watch) == BP_FILE_WATCH_GONE)
    show_gone_banner (self);
  else
    show_resting_banner (self);
}

void
bp_window_watch_file_from (BpWindow  *self,
                           GDateTime *known_at)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  bp_window_watch_file (self);
  if (self->file_watch == NULL)
    return;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    modified = g_file_info_get_modification_date_time (info);
  if (modified != NULL && g_date_time_compare (modified, known_at) > 0)
    {
      bp_file_watch_mark_unknown (self->file_watch);
      on_file_changed (self, BP_FILE_WATCH_CHANGED);
    }
}

void
bp_window_watch_file_as_read (BpWindow          *self,
                              const BpFileStamp *before)
{
  if (self->file_watch != NULL)
    bp_file_watch_mark_known (self->file_watch, before);
}

BpFileWatchState
bp_window_watch_check (BpWindow *self)
{
  if (self->file_watch == NULL)
    return BP_FILE_WATCH_SAME;
  return bp_file_watch_check (self->file_watch);
}

static void
reload_theirs_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->file != NULL && !self->saving && reload (self))
    show_resting_banner (self);
}

/* The user has seen the outside change and keeps their version: a later
 * Save replaces the file without asking again. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->file_watch != NULL)
    bp_file_watch_mark_current (self->file_watch);
  show_resting_banner (self);
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  bp_banner_set_revealed (BP_WINDOW (widget)->banner, FALSE);
}

void
bp_window_class_init_watch (GtkWidgetClass *widget_class)
{
  g_type_ensure (BP_TYPE_BANNER);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, banner);

  gtk_widget_class_install_action (widget_class, "win.reload-theirs", NULL, reload_theirs_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_action);
}
