/* bp-recovery-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The files of one recovery copy, shared by the writer (BpAutosave) and
 * the reader (BpRecoveryCopy). */
#define BP_RECOVERY_TEXT_SUFFIX ".bpj"
#define BP_RECOVERY_INFO_SUFFIX ".info"
#define BP_RECOVERY_LOCK_SUFFIX ".lock"

#define BP_RECOVERY_GROUP "Recovery"

/* "DIR/ID@suffix" in the recovery folder. */
char      *bp_recovery_path         (const char *id,
                                     const char *suffix);
/* Creates the recovery folder (private to the user). */
gboolean   bp_recovery_ensure_dir   (GError    **error);
/* Opens and locks ID's lock file without waiting: the descriptor to keep
 * while the copy is ours, or -1 when another process holds the lock or
 * the file cannot be made. */
int        bp_recovery_lock         (const char *id);
/* Removes the copy's text and key file, keeping the lock file. */
void       bp_recovery_remove_copy  (const char *id);
/* Removes the lock file and then releases the lock @fd. */
void       bp_recovery_unlock       (const char *id,
                                     int         fd);

G_END_DECLS
