/* test-limits.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The format's limits hold: what is past them is refused with
 * BP_BPJ_ERROR_LIMIT, and what a file can be made of within them (ids and
 * keys that share one string hash) reads like any other file. The times
 * are in the limits part of the bench. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "model/bp-hash.h"
#include "layout/bp-layout.h"
#include "model/bp-types.h"

#define HEAD "{\"format\":\"bpj\",\"version\":1,\"stages\":[{\"id\":\"st\"}]," \
             "\"lanes\":[{\"id\":\"la\",\"kind\":\"customer\"}]"

/* The @index-th of 2^17 strings of 34 characters with one g_str_hash():
 * "b0" and "aQ" add the same to its djb2 hash. */
static char *
alike_string (guint index)
{
  char *str = g_malloc (35);

  for (guint b = 0; b < 17; b++)
    memcpy (str + 2 * b, (index >> (16 - b)) & 1 ? "aQ" : "b0", 2);
  str[34] = '\0';
  return str;
}

/* HEAD, then @n steps (ids from @make_id), then "]}". */
static char *
make_steps (guint   n,
            char *(*make_id) (guint))
{
  GString *json = g_string_new (HEAD ",\"steps\":[");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = make_id (i);

      g_string_append_printf (json, "%s{\"id\":\"%s\",\"lane\":\"la\",\"stage\":\"st\",\"x\":%u}",
                              i ? "," : "", id, i % 500 * 200);
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static char *
plain_id (guint index)
{
  return g_strdup_printf ("s%u", index);
}

static void
assert_refused (const char *data,
                gsize       length,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = bp_bpj_read (data, length, "limits.bpj", &error);

  g_assert_null (document);
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
}

static void
test_hash_keyed (void)
{
  guint n = 4096;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *first = alike_string (0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *str = alike_string (i);
      g_autofree char *copy = g_strdup (str);

      /* Alike for GLib, not for Touchpoint. */
      g_assert_cmpuint (g_str_hash (str), ==, g_str_hash (first));
      g_assert_cmpuint (bp_str_hash (str), ==, bp_str_hash (copy));
      g_hash_table_add (seen, GUINT_TO_POINTER (bp_str_hash (str)));
    }

  /* 4,096 random 32-bit values would hardly ever share more than one. */
  g_assert_cmpuint (g_hash_table_size (seen), >=, n - 8);
  g_assert_cmpuint (bp_uint_hash (GUINT_TO_POINTER (1)), !=, bp_uint_hash (GUINT_TO_POINTER (2)));
}

/* Ids made to collide in g_str_hash() read, lay out and find their cards:
 * each table of ids answers in constant time. */
static void
test_alike_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = make_steps (20000, alike_string);
  g_autoptr(BpDocument) document = bp_bpj_read (data, strlen (data), "alike.bpj", &error);
  g_autoptr(BpLayout) layout = NULL;
  g_autofree char *last = alike_string (19999);
  BpRect rect;

  g_assert_no_error (error);
  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 20000);
  g_assert_nonnull (bp_document_lookup (document, last));

  layout = bp_layout_new (document);
  bp_layout_update (layout);
  g_assert_true (bp_layout_get_item_rect (layout, bp_document_lookup (document, last), &rect));
}

/* An object of keys made to collide is refused at once, before json-glib
 * spends minutes on it; a few alike keys are fine. */
static void
test_alike_keys (void)
{
  for (guint n = 32; n <= 33; n++)
    {
      GString *json = g_string_new (HEAD ",\"extra\":{");
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = alike_string (i);

          g_string_append_printf (json, "%s\"%s\":%u", i ? "," : "", key, i);
        }
      g_string_append (json, "}}");
      data = g_string_free (json, FALSE);

      document = bp_bpj_read (data, strlen (data), "alike.bpj", &error);
      if (n == 32)
        g_assert_no_error (error);
      else
        assert_refused (data, strlen (data), "are made to collide in a hash table");
    }
}

static void
test_too_many_steps (void)
{
  g_autofree char *data = make_steps (BP_MAX_ITEMS + 1, plain_id);

  assert_refused (data, strlen (data), "steps: holds more than 100000 items");
}

/* 100,000 empty arrays to a list: json-glib would spend gigabytes on a
 * 64 MiB file of them; past 4,000,000 values the file is refused. */
static void
test_too_many_values (void)
{
  GString *json = g_string_new (HEAD ",\"x\":[");
  g_autofree char *data = NULL;

  for (guint i = 0; i < 41; i++)
    {
      g_string_append (json, i ? ",[" : "[");
      for (guint j = 0; j < BP_MAX_ITEMS; j++)
        g_string_append (json, j ? ",[]" : "[]");
      g_string_append_c (json, ']');
    }
  g_string_append (json, "]}");
  data = g_string_free (json, FALSE);

  assert_refused (data, strlen (data), "holds more than 4000000 values");
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("touchpoint-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.bpj", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = NULL;
  gsize length = BP_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  FILE *file;

  /* Spaces after a valid blueprint: only the size is wrong. */
  memset (data, ' ', length);
  memcpy (data, HEAD "}", strlen (HEAD "}"));
  assert_refused (data, length, "larger than 64 MiB");

  /* A sparse file: refused before a byte is read. */
  file = fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, BP_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', file), ==, ' ');
  fclose (file);
  document = bp_bpj_load (path, &error);
  g_assert_null (document);
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);

  g_unlink (path);
  g_rmdir (dir);
}

/* A document whose canonical text would be larger than the reader takes
 * is not saved (nor exported as .bpj): the old file stays, and the error
 * says why. */
static void
test_too_large_to_save (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("touchpoint-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "big.bpj", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = g_strnfill (BP_MAX_FILE_SIZE, 'x');
  const char *lane = bp_item_get_id (BP_ITEM (bp_document_get_lane (document, 0)));
  const char *stage = bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 0)));

  g_assert_true (bp_bpj_save (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  bp_document_add_step (document, lane, stage, 0, text);
  g_assert_null (bp_bpj_write_for_file (document, "big.bpj", NULL, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "64 MiB"));
  g_clear_error (&error);

  g_assert_false (bp_bpj_save (document, path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/hash-keyed", test_hash_keyed);
  g_test_add_func ("/limits/alike-ids", test_alike_ids);
  g_test_add_func ("/limits/alike-keys", test_alike_keys);
  g_test_add_func ("/limits/too-many-steps", test_too_many_steps);
  g_test_add_func ("/limits/too-many-values", test_too_many_values);
  g_test_add_func ("/limits/too-large", test_too_large);
  g_test_add_func ("/limits/too-large-to-save", test_too_large_to_save);

  return g_test_run ();
}
