/* bp-bpj.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/bp-document.h"

G_BEGIN_DECLS

/* Reading and writing .bpj files, exactly as the format page says. */

#define BP_BPJ_ERROR (bp_bpj_error_quark ())

typedef enum {
  BP_BPJ_ERROR_SYNTAX,    /* not JSON, or not UTF-8 */
  BP_BPJ_ERROR_INVALID,   /* JSON that breaks a rule of the format */
  BP_BPJ_ERROR_VERSION,   /* written by a newer version */
  BP_BPJ_ERROR_LIMIT,     /* too large, too many items, too deep */
  BP_BPJ_ERROR_IO,        /* could not be read or written */
} BpBpjError;

GQuark       bp_bpj_error_quark  (void);

/* Reads a whole document, or refuses it whole. The error message reads
 * "NAME: PATH: RULE", for example
 *   loan.bpj: steps[3].lane: refers to lane "back2", which does not exist
 *   loan.bpj: line 4, column 7: unexpected character ']'
 * where NAME is @display_name. The new document's history is empty and
 * unmodified. */
BpDocument  *bp_bpj_read         (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error);
/* The same, from a file; refuses files over 64 MiB before reading them.
 * The display name is the path as given. */
BpDocument  *bp_bpj_load         (const char  *path,
                                  GError     **error);

/* Every problem found in @data, each "PATH: RULE" (without the name),
 * in file order, at most @max_problems; an empty array when the data is a
 * valid blueprint. */
GPtrArray   *bp_bpj_check        (const char  *data,
                                  gsize        length,
                                  guint        max_problems);

/* The canonical text of @document: keys in the format page's order, then
 * the kept unknown keys, two-space indentation, a final newline. The same
 * document always gives the same bytes. */
char        *bp_bpj_write        (BpDocument  *document,
                                  gsize       *length);
/* bp_bpj_write(), or NULL with a BP_BPJ_ERROR_LIMIT error naming
 * @display_name when the text is larger than a .bpj file may be (64 MiB),
 * since no reader would open it again. */
char        *bp_bpj_write_for_file (BpDocument  *document,
                                    const char  *display_name,
                                    gsize       *length,
                                    GError     **error);
/* Writes the canonical text to @path atomically (a temporary file in the
 * same folder, then a rename), following a symbolic link to its target and
 * keeping an existing file's permissions. Refuses, before writing, a file
 * or folder that is read-only (see bp_bpj_can_save()), and a text larger
 * than a .bpj file may be (see bp_bpj_write_for_file()). On failure the old
 * file is intact and the message names @path and the cause ("Permission
 * denied", "No space left on device", …). Does not touch the history's
 * saved point. */
gboolean     bp_bpj_save         (BpDocument  *document,
                                  const char  *path,
                                  GError     **error);
/* The writing half of bp_bpj_save(): @data, the text that
 * bp_bpj_write_for_file() made, written to @path in the same way and with
 * the same errors. It touches no document, so a worker thread may run it
 * while the main thread goes on with the document. */
gboolean     bp_bpj_save_text    (const char  *data,
                                  gsize        length,
                                  const char  *path,
                                  GError     **error);
/* Whether a save to @path may go ahead: FALSE, with the reason, when the
 * file (the target of a link) or its folder may not be written, is on a
 * read-only file system, or has no write bit at all, which counts as
 * read-only even for root. */
gboolean     bp_bpj_can_save     (const char  *path,
                                  GError     **error);

G_END_DECLS
