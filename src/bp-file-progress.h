/* bp-file-progress.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_FILE_PROGRESS (bp_file_progress_get_type ())

G_DECLARE_FINAL_TYPE (BpFileProgress, bp_file_progress, BP, FILE_PROGRESS, GtkWidget)

/* A bar under the header bar, drawn as the banner, saying that a file is
 * being read or written: a spinner, what is going on and, for what may be
 * stopped, a Cancel button. It appears only once the work has lasted
 * BP_FILE_PROGRESS_DELAY_MS, so that quick files show nothing.
 *
 * Signals:
 *  - "cancel": the user pressed Cancel. */
#define BP_FILE_PROGRESS_DELAY_MS 300

GtkWidget   *bp_file_progress_new          (void);
/* Shows @title after the delay (at once if already shown), with Cancel
 * when @can_cancel. */
void         bp_file_progress_start        (BpFileProgress *self,
                                            const char     *title,
                                            gboolean        can_cancel);
/* Hides the bar, or keeps it from appearing. */
void         bp_file_progress_stop         (BpFileProgress *self);
/* Whether the bar is shown (the delay has passed). */
gboolean     bp_file_progress_get_shown    (BpFileProgress *self);
GtkButton   *bp_file_progress_get_cancel_button (BpFileProgress *self);

G_END_DECLS
