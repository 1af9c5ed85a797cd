/* bp-autosave.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/bp-document.h"
#include "recovery/bp-recovery-copy.h"

G_BEGIN_DECLS

#define BP_TYPE_AUTOSAVE (bp_autosave_get_type ())

G_DECLARE_FINAL_TYPE (BpAutosave, bp_autosave, BP, AUTOSAVE, GObject)

/* Keeps a recovery copy of one document with unsaved changes (see
 * BpRecoveryCopy), so that a crash or a kill loses at most a second or two
 * of work.
 *
 * A copy is written "delay" ms after the last change, and at the latest
 * "interval" ms after the first change it does not hold yet, so that one
 * is written while changes keep coming; never in the middle of an undo
 * step (a drag), and not at all while nothing changed. The text is made
 * on the calling thread, since the model is not thread-safe, and written
 * to disk by another one. When the document is back at its saved point
 * the copy is removed.
 *
 * Properties: "document" (construct-only), "file", "id" (read-only),
 * "delay", "interval".
 *
 * Signals: "written": a copy reached the disk.
 */
BpAutosave  *bp_autosave_new            (BpDocument      *document);

BpDocument  *bp_autosave_get_document   (BpAutosave      *self);
/* A random id, which names the copy's files. */
const char  *bp_autosave_get_id         (BpAutosave      *self);
/* The copy's canonical text: "DIR/ID.bpj" (it may not exist). */
char        *bp_autosave_get_path       (BpAutosave      *self);

/* The document's file, recorded beside the copy; may be NULL. */
GFile       *bp_autosave_get_file       (BpAutosave      *self);
void         bp_autosave_set_file       (BpAutosave      *self,
                                         GFile           *file);

/* In ms; default 1000 and 10000. */
guint        bp_autosave_get_delay      (BpAutosave      *self);
void         bp_autosave_set_delay      (BpAutosave      *self,
                                         guint            delay);
guint        bp_autosave_get_interval   (BpAutosave      *self);
void         bp_autosave_set_interval   (BpAutosave      *self,
                                         guint            interval);

/* Starts writing a copy now if one is due (the document changed since the
 * last one and is modified); the text is made before this returns. */
void         bp_autosave_flush          (BpAutosave      *self);
/* Continues @copy, restored into this document, as its own: takes the
 * copy's lock and id and removes this one's copy. FALSE when another
 * process holds the copy. */
gboolean     bp_autosave_adopt          (BpAutosave      *self,
                                         BpRecoveryCopy  *copy);
/* The document closes cleanly (saved, or its changes discarded): removes
 * the copy and stops writing. */
void         bp_autosave_discard        (BpAutosave      *self);

G_END_DECLS
