/* bp-window-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "recovery/bp-autosave.h"
#include "layout/bp-layout.h"
#include "bp-banner.h"
#include "bp-compare-panel.h"
#include "bp-file-progress.h"
#include "bp-file-watch.h"
#include "bp-insights-panel.h"
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
  BpInsightsPanel      *insights;
  AdwViewStack         *side_stack;
  BpBanner             *banner;
  AdwFlap              *palette_flap;
  AdwFlap              *properties_flap;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;

  /* Find (bp-window-view.c): the cards that match, and the one shown. */
  GPtrArray            *matches;
  guint                 match;

  BpDocument           *document;
  GFile                *file;
  gulong                history_handler;
  gulong                title_handler;
  /* Closing after the save that the close dialog asked for. */
  gboolean              close_after_save;
  /* The recovery copy of the document while it has unsaved changes. */
  BpAutosave           *autosave;
  /* The file on disk: others' changes, and whether Save may write it. */
  BpFileWatch          *file_watch;
  gboolean              read_only;

  /* Files read and written in worker threads (bp-window-io.c): the open
   * in flight and its file, or NULL; whether a save is running, and
   * whether the document changed since its text was made. */
  GCancellable         *open_cancellable;
  GFile                *opening;
  gboolean              saving;
  gboolean              changed_while_saving;
  BpFileProgress       *progress;

  /* Compare With… (bp-window-compare.c): the other blueprint and its
   * layout, its file's name, the panel, and the document watched for
   * edits; NULL when not comparing. */
  BpDocument           *compare_document;
  BpLayout             *compare_layout;
  char                 *compare_name;
  BpComparePanel       *compare_panel;
  GtkWidget            *compare_separator;
  BpDocument           *compare_watched;
  gulong                compare_handler;
  guint                 compare_source;
};

/* bp-window-files.c: the dialogs around files */
void      bp_window_open_dialog        (GtkWindow *parent,
                                        GtkApplication *application);
void      bp_window_save               (BpWindow  *self);
void      bp_window_save_as            (BpWindow  *self);
gboolean  bp_window_confirm_close      (BpWindow  *self);

/* bp-window.c */
/* bp_window_set_document() for a document laid out already. */
void      bp_window_show_layout        (BpWindow  *self,
                                        BpLayout  *layout,
                                        GFile     *file);
/* What follows a save of the document as it was when its text was made:
 * @file becomes the window's and, unless the document has changed since
 * (@unchanged FALSE), the saved point. */
void      bp_window_saved_to           (BpWindow  *self,
                                        GFile     *file,
                                        gboolean   unchanged);

/* bp-window-io.c: reading and writing off the main thread */
void      bp_window_init_io            (BpWindow  *self);
void      bp_window_dispose_io         (BpWindow  *self);
/* Stops the open in flight, if any: the window keeps its document. */
void      bp_window_cancel_open        (BpWindow  *self);
/* Saves the document to @file in a worker thread, its text made here;
 * refused (G_IO_ERROR_BUSY) while another save runs. The save actions
 * are disabled meanwhile. */
void      bp_window_save_async         (BpWindow            *self,
                                        GFile               *file,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  bp_window_save_finish        (BpWindow            *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* bp-window-view.c: the panels, the legend and Find */
void      bp_window_class_init_view    (GtkWidgetClass *widget_class);
void      bp_window_init_view          (BpWindow  *self);
void      bp_window_dispose_view       (BpWindow  *self);

/* bp-window-export.c: the Export dialog, and the toast after it */
void      bp_window_export             (BpWindow  *self);
/* View ▸ Present: the blueprint full screen, stage by stage. */
void      bp_window_present_blueprint  (BpWindow  *self);

/* bp-window-files.c: the file chooser's filter for .bpj files. */
void      bp_window_add_blueprint_filter (GtkFileChooser *chooser);

/* bp-window-compare.c */
void      bp_window_class_init_compare (GtkWidgetClass *widget_class);
void      bp_window_init_compare       (BpWindow  *self);
void      bp_window_dispose_compare    (BpWindow  *self);
/* Shows the difference from @file's blueprint (the old state) to the
 * open one; FALSE, with the reader's error, when @file cannot be read. */
gboolean  bp_window_compare_with       (BpWindow  *self,
                                        GFile     *file,
                                        GError   **error);
void      bp_window_leave_comparison   (BpWindow  *self);
void      bp_window_compare_document_replaced (BpWindow *self);
/* Writes a copy of the open blueprint that keeps every id, with its
 * state set to future. */
gboolean  bp_window_save_future_state  (BpWindow  *self,
                                        GFile     *file,
                                        GError   **error);

/* bp-window-keys.c: F6 between panes, cards added from the palette */
void      bp_window_keys_class_init    (GtkWidgetClass *widget_class);

/* bp-window-watch.c: the open file on disk, and the banner */
void      bp_window_class_init_watch   (GtkWidgetClass *widget_class);

/* bp-window-clipboard.c: cut, copy, paste and duplicate of cards */
void      bp_window_class_init_clipboard (GtkWidgetClass *widget_class);
void      bp_window_init_clipboard     (BpWindow  *self);
/* Watches self->file as the version the document now holds (after it was
 * set, loaded or saved) and shows the banner that fits. */
void      bp_window_watch_file         (BpWindow  *self);
BpFileWatchState bp_window_watch_check (BpWindow  *self);
/* After bp_window_watch_file() for a document just read from self->file:
 * it knows the file as it was at @before, taken before the reading, so a
 * save that landed meanwhile is announced rather than taken as known. */
void      bp_window_watch_file_as_read (BpWindow          *self,
                                        const BpFileStamp *before);
/* Watches self->file for a document that knew the file as it was at
 * @known_at (a recovery copy's time): a file written since counts as
 * someone else's change, shown in the banner, and Save asks first. */
void      bp_window_watch_file_from    (BpWindow  *self,
                                        GDateTime *known_at);

/* Step sheets (bp-window-csv.c). */
void        bp_window_class_init_csv   (GtkWidgetClass *widget_class);
gboolean    bp_window_csv_is_sheet     (GFile          *file);
BpDocument *bp_window_csv_load         (const char     *path,
                                        GPtrArray     **notices,
                                        GError        **error);
void        bp_window_csv_show         (BpWindow       *self,
                                        BpLayout       *layout,
                                        GFile          *file,
                                        GPtrArray      *notices);
void        bp_window_csv_add_filter   (GtkFileChooser *chooser);
void        bp_window_csv_export_to    (BpWindow       *self,
                                        GFile          *file);

G_END_DECLS
