/* bp-window-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bp-properties-panel.h"
#include "bp-window.h"

G_BEGIN_DECLS

struct _BpWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *zoom_button;
  AdwToastOverlay      *toast_overlay;
  BpCanvas             *canvas;
  BpPropertiesPanel    *properties;

  BpDocument           *document;
  GFile                *file;
  gulong                history_handler;
  gulong                title_handler;
  /* Closing after the save that the close dialog asked for. */
  gboolean              close_after_save;
};

/* bp-window-files.c: the dialogs around files */
void      bp_window_open_dialog        (GtkWindow *parent,
                                        GtkApplication *application);
void      bp_window_save               (BpWindow  *self);
void      bp_window_save_as            (BpWindow  *self);
gboolean  bp_window_confirm_close      (BpWindow  *self);

/* bp-window-export.c: the Export dialog, and the toast after it */
void      bp_window_export             (BpWindow  *self);

G_END_DECLS
