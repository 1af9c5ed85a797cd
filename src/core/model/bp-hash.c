/* bp-hash.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-hash.h"

#include <string.h>

/* SipHash-1-3 (Aumasson and Bernstein, 2012): one compression round per
 * eight bytes, three to finish; the 128-bit key is drawn once. */

static guint64 hash_key[2];

#define ROTATE(x, bits) (((x) << (bits)) | ((x) >> (64 - (bits))))

#define SIP_ROUND(v)                                            \
  G_STMT_START {                                                \
    v[0] += v[1]; v[1] = ROTATE (v[1], 13); v[1] ^= v[0];       \
    v[0] = ROTATE (v[0], 32);                                   \
    v[2] += v[3]; v[3] = ROTATE (v[3], 16); v[3] ^= v[2];       \
    v[0] += v[3]; v[3] = ROTATE (v[3], 21); v[3] ^= v[0];       \
    v[2] += v[1]; v[1] = ROTATE (v[1], 17); v[1] ^= v[2];       \
    v[2] = ROTATE (v[2], 32);                                   \
  } G_STMT_END

static void
ensure_key (void)
{
  static gsize drawn = 0;

  if (g_once_init_enter (&drawn))
    {
      /* GLib seeds its global generator from /dev/urandom. */
      for (guint i = 0; i < 2; i++)
        hash_key[i] = (guint64) g_random_int () << 32 | g_random_int ();
      g_once_init_leave (&drawn, 1);
    }
}

static guint64
read_le64 (const guint8 *p)
{
  guint64 word = 0;

  for (guint i = 0; i < 8; i++)
    word |= (guint64) p[i] << (8 * i);
  return word;
}

static guint64
siphash (const guint8 *data,
         gsize         length)
{
  guint64 v[4];
  guint64 last = (guint64) length << 56;
  gsize whole = length - length % 8;

  ensure_key ();
  v[0] = hash_key[0] ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  v[1] = hash_key[1] ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  v[2] = hash_key[0] ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  v[3] = hash_key[1] ^ G_GUINT64_CONSTANT (0x7465646279746573);

  for (gsize i = 0; i < whole; i += 8)
    {
      guint64 word = read_le64 (data + i);

      v[3] ^= word;
      SIP_ROUND (v);
      v[0] ^= word;
    }

  for (gsize i = whole; i < length; i++)
    last |= (guint64) data[i] << (8 * (i - whole));
  v[3] ^= last;
  SIP_ROUND (v);
  v[0] ^= last;

  v[2] ^= 0xff;
  SIP_ROUND (v);
  SIP_ROUND (v);
  SIP_ROUND (v);

  return v[0] ^ v[1] ^ v[2] ^ v[3];
}

guint
bp_str_hash (gconstpointer key)
{
  guint64 hash = siphash (key, strlen (key));

  return (guint) (hash ^ (hash >> 32));
}

guint
bp_uint_hash (gconstpointer key)
{
  guint8 bytes[sizeof (guint)];
  guint value = GPOINTER_TO_UINT (key);
  guint64 hash;

  memcpy (bytes, &value, sizeof value);
  hash = siphash (bytes, sizeof bytes);
  return (guint) (hash ^ (hash >> 32));
}
