/* editor-test-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bp-window.h"

G_BEGIN_DECLS

/* Sets up GTK for a test program; FALSE (after marking every test
 * skipped) when there is no display to open a window on. */
gboolean   editor_test_init            (int          *argc,
                                        char       ***argv);
/* Runs the main loop until @condition holds or a few seconds (times
 * test_timeout_factor ()) pass. */
gboolean   editor_test_wait            (gboolean    (*condition) (gpointer),
                                        gpointer      data);
/* The same, with a deadline of @milliseconds times the timeout factor. */
gboolean   editor_test_wait_for        (gboolean    (*condition) (gpointer),
                                        gpointer      data,
                                        guint         milliseconds);
void       editor_test_iterate         (guint         milliseconds);
/* Opens @file in @window as the editor does, in a worker thread, and
 * runs the main loop until the open has ended: TRUE when the document is
 * shown, FALSE with the error otherwise. */
gboolean   editor_test_load_file       (BpWindow     *window,
                                        GFile        *file,
                                        GError      **error);
/* The same, asserting that it opens. */
void       editor_test_load            (BpWindow     *window,
                                        GFile        *file);
/* A window on a copy of a sample in a fresh folder, shown and laid out. */
BpWindow  *editor_test_open_sample     (const char   *sample,
                                        char        **folder);
/* A Touchpoint application, registered (so started: its accelerators
 * are set), made on first use and kept for the test program. */
GtkApplication *editor_test_application (void);
/* editor_test_open_sample () in a window of editor_test_application ():
 * the keys reach the window as they do in the running editor. */
BpWindow  *editor_test_open_sample_in_app (const char   *sample,
                                           char        **folder);
/* The first card of a lane of @kind. */
BpStep    *editor_test_find_step       (BpDocument   *document,
                                        BpLaneKind    kind);
/* The centre of a card, or of a lane band at a canvas x, in the
 * canvas widget's coordinates. */
void       editor_test_step_centre     (BpCanvas     *canvas,
                                        BpStep       *step,
                                        double       *x,
                                        double       *y);
BpLane    *editor_test_first_lane      (BpDocument   *document,
                                        BpLaneKind    kind);
void       editor_test_lane_centre     (BpCanvas     *canvas,
                                        BpLane       *lane,
                                        double        canvas_x,
                                        double       *x,
                                        double       *y);
void       editor_test_remove_folder   (const char   *folder);
/* The first widget under @root (itself included, depth first) for which
 * @match holds, or NULL. */
GtkWidget *editor_test_find_widget     (GtkWidget    *root,
                                        gboolean    (*match) (GtkWidget     *widget,
                                                              gconstpointer  data),
                                        gconstpointer data);
/* The properties panel's entry row titled @title under @root, or NULL. */
GtkWidget *editor_test_find_entry_row  (GtkWidget    *root,
                                        const char   *title);
/* The message dialog shown over @window, or NULL. */
AdwMessageDialog *editor_test_find_message_dialog (BpWindow *window);
/* The file chooser dialog open over @window, or NULL. */
GtkWindow *editor_test_find_file_chooser (BpWindow     *window);

G_END_DECLS
