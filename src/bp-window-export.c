/* bp-window-export.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-export-dialog.h"
#include "bp-presenter.h"
#include "bp-window-private.h"

/* Export…: the dialog does the work; the window says when it is done. */

static void
on_open_clicked (AdwToast *toast,
                 BpWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_exported (BpExportDialog *dialog,
             GFile          *file,
             BpWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* The toast's title is markup. */
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bp_window_export (BpWindow *self)
{
  BpExportDialog *dialog = bp_export_dialog_new (GTK_WINDOW (self), self->document, self->file);

  if (self->compare_document != NULL)
    bp_export_dialog_set_compare_with (dialog, self->compare_document, self->compare_name);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bp_window_present_blueprint (BpWindow *self)
{
  GtkWindow *presenter;

  if (bp_document_get_n_stages (self->document) == 0)
    return;

  presenter = bp_presenter_window_new (GTK_WINDOW (self), self->document);
  gtk_window_present (presenter);
}
