/* bp-hash.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A string hash for GHashTable, keyed afresh in each process (SipHash-1-3
 * with a random key). g_str_hash() is not keyed: anyone can write a file
 * of 100,000 ids or keys that share one g_str_hash() value, and a table
 * of them answers each lookup by comparing the key with every other, for
 * minutes. Use it for any table of strings read from a file. */
guint     bp_str_hash       (gconstpointer  key);
/* The same for an integer, for tables keyed by numbers from a file. */
guint     bp_uint_hash      (gconstpointer  key);

G_END_DECLS
