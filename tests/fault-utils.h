/* fault-utils.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Failing disks for tests: small file systems mounted in a mount
 * namespace of the test program's own, so that they vanish with it even
 * when a test aborts before its teardown. */

/* Call first in main(), before any thread starts. */
void       fault_init                (void);
/* NULL when this program may mount file systems, else why not. */
const char *fault_mount_unavailable  (void);
/* Marks the test skipped, saying why, when it cannot mount; call first
 * in a test that mounts and return when it says TRUE. */
gboolean   fault_skip_without_mounts (void);

/* Mounts a tmpfs of @size_kib KiB on @folder (which exists). */
gboolean   fault_mount_tmpfs         (const char  *folder,
                                      guint        size_kib,
                                      GError     **error);
gboolean   fault_remount_read_only   (const char  *folder,
                                      GError     **error);
/* Unmounts @folder if something is mounted there; safe to call twice. */
void       fault_unmount             (const char  *folder);
/* Writes a file named "filler" in @folder until the disk is full. */
void       fault_fill_disk           (const char  *folder);

/* The bytes of @path, or NULL. */
GBytes    *fault_read_bytes          (const char  *path);
/* Asserts that @path holds exactly @expected. */
void       fault_assert_file_is      (const char  *path,
                                      GBytes      *expected);
/* The names in @folder that start with a dot: temporary files left over. */
guint      fault_count_hidden        (const char  *folder);

G_END_DECLS
