/* bp-file-watch.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  BP_FILE_WATCH_SAME,     /* the file is as it was loaded or last saved */
  BP_FILE_WATCH_CHANGED,  /* someone else wrote it since */
  BP_FILE_WATCH_GONE,     /* it was deleted or moved away */
} BpFileWatchState;

/* What a file was at one moment: its etag, size and inode. */
typedef struct _BpFileStamp BpFileStamp;

/* The file as it is now, taken before reading it: a save that lands
 * while the document is read then counts as someone else's. */
BpFileStamp       *bp_file_stamp_new           (GFile        *file);
void               bp_file_stamp_free          (BpFileStamp  *stamp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpFileStamp, bp_file_stamp_free)

#define BP_TYPE_FILE_WATCH (bp_file_watch_get_type ())

G_DECLARE_FINAL_TYPE (BpFileWatch, bp_file_watch, BP, FILE_WATCH, GObject)

/* Watches an open file for changes made by others. It remembers the file
 * as the document last knew it (its etag, size and inode) and compares
 * the file on disk with that, so the document's own saves, which record
 * the new version, do not count.
 *
 * Signals:
 *  - "changed" (BpFileWatchState): the file's state differs from what was
 *    last announced. Bursts of events from one outside save are collapsed
 *    into one announcement once they have settled. */
BpFileWatch       *bp_file_watch_new           (GFile        *file);
GFile             *bp_file_watch_get_file      (BpFileWatch  *self);
/* The file as it is now is the version the document knows: call after
 * loading or saving it, or once the user chose to keep their own. */
void               bp_file_watch_mark_current  (BpFileWatch  *self);
/* The version the document knows is not the one on disk, nor any other
 * (a document restored from a recovery copy older than the file): the
 * file counts as changed by someone else until the next mark_current. */
void               bp_file_watch_mark_unknown  (BpFileWatch  *self);
/* The document holds the file as it was at @stamp: like mark_current,
 * with the stamp taken before the file was read. The file is looked at
 * again shortly, and a newer version is announced. */
void               bp_file_watch_mark_known    (BpFileWatch       *self,
                                                const BpFileStamp *stamp);
/* Compares the file on disk with the known version, now. */
BpFileWatchState   bp_file_watch_check         (BpFileWatch  *self);

/* How long events must have settled before the file is looked at. */
#define BP_FILE_WATCH_SETTLE_MS 200

G_END_DECLS
