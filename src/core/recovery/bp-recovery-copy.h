/* bp-recovery-copy.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_RECOVERY_COPY (bp_recovery_copy_get_type ())

G_DECLARE_FINAL_TYPE (BpRecoveryCopy, bp_recovery_copy, BP, RECOVERY_COPY, GObject)

/* A copy of a document with unsaved changes, left in the recovery folder
 * by a Touchpoint that ended without closing its window: the canonical
 * text, "ID.bpj", and a key file beside it, "ID.info", with the title,
 * the file the document belonged to and when the copy was written. While
 * a Touchpoint keeps a copy up to date it holds a lock on "ID.lock", so
 * that another one never offers it. */

/* g_get_user_state_dir()/touchpoint/recovery */
char            *bp_recovery_get_dir            (void);

/* The copies that no running Touchpoint keeps, newest first. */
GPtrArray       *bp_recovery_copy_list          (void);

const char      *bp_recovery_copy_get_id        (BpRecoveryCopy  *self);
/* The blueprint's title; "" when it has none. */
const char      *bp_recovery_copy_get_title     (BpRecoveryCopy  *self);
/* The file the document was read from or saved to, or NULL. */
GFile           *bp_recovery_copy_get_file      (BpRecoveryCopy  *self);
/* When the copy was written, in local time. */
GDateTime       *bp_recovery_copy_get_time      (BpRecoveryCopy  *self);

/* The document as it was, modified (its history has no saved point), or
 * NULL when the copy cannot be read: the error names the copy's path and
 * what is wrong with it. The copy stays until it is discarded or adopted
 * by a BpAutosave. */
BpDocument      *bp_recovery_copy_restore       (BpRecoveryCopy  *self,
                                                 GError         **error);
/* Removes the copy's files. */
void             bp_recovery_copy_discard       (BpRecoveryCopy  *self);

G_END_DECLS
