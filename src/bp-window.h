/* bp-window.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bp-canvas.h"
#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_WINDOW (bp_window_get_type ())

G_DECLARE_FINAL_TYPE (BpWindow, bp_window, BP, WINDOW, AdwApplicationWindow)

/* One document's window: the canvas, the palette, the properties panel and
 * a header bar with the file's name, undo and redo, zoom and the menu. */
BpWindow    *bp_window_new           (GtkApplication *application);

BpDocument  *bp_window_get_document  (BpWindow       *self);
BpCanvas    *bp_window_get_canvas    (BpWindow       *self);
/* The file the document was read from or saved to, or NULL. */
GFile       *bp_window_get_file      (BpWindow       *self);
/* A new, untouched document: a file opened from here may replace it. */
gboolean     bp_window_is_pristine   (BpWindow       *self);

/* Shows @document, attached to @file (may be NULL). */
void         bp_window_set_document  (BpWindow       *self,
                                      BpDocument     *document,
                                      GFile          *file);
/* Reads @file into this window in a worker thread; the window stays
 * responsive meanwhile, shows progress after a moment, and offers Cancel.
 * On failure the window keeps its document and shows the reader's error;
 * cancelled (by Cancel, a later load, or the window closing) it keeps its
 * document and says nothing. @callback (may be NULL) runs once the
 * document is shown, or on failure. */
void         bp_window_load_file     (BpWindow            *self,
                                      GFile               *file,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     bp_window_load_file_finish (BpWindow         *self,
                                      GAsyncResult        *result,
                                      GError             **error);
/* The file being read into this window, or NULL. */
GFile       *bp_window_get_opening_file (BpWindow         *self);
/* Writes the document to @file atomically and makes it the window's
 * file; on failure the document stays modified and the error is set. */
gboolean     bp_window_save_to_file  (BpWindow       *self,
                                      GFile          *file,
                                      GError        **error);

/* Shows an error in the window: a dialog with a heading and the message. */
void         bp_window_show_error    (BpWindow       *self,
                                      const char     *heading,
                                      const char     *message);

G_END_DECLS
