/* replay-bpj.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the fuzzer's checks (fuzz-bpj.c) on every file of the regression
 * corpus and of the seed corpus, in any build, without libFuzzer:
 *   test-fuzz-replay [--tap] [FILE_OR_FOLDER…]
 * With no argument, the folders the fuzzer starts from. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static void
test_replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

/* The paths of the tests added, freed after they ran. */
static GPtrArray *paths;

static void
add_file (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *folder = g_path_get_basename (dirname);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *test_path = g_strdup_printf ("/fuzz/replay/%s/%s", folder, name);

  g_ptr_array_add (paths, g_strdup (path));
  g_test_add_data_func (test_path, g_ptr_array_index (paths, paths->len - 1), test_replay);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  /* In name order, so that runs are alike. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      add_file (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);
  paths = g_ptr_array_new_with_free_func (g_free);

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        add_path (argv[i]);
    }
  else
    {
      const char *srcdir = g_getenv ("G_TEST_SRCDIR");
      const char *samples = g_getenv ("TOUCHPOINT_SAMPLES");
      g_autofree char *regressions = NULL;
      g_autofree char *valid = NULL;
      g_autofree char *invalid = NULL;

      if (srcdir == NULL || samples == NULL)
        g_error ("G_TEST_SRCDIR and TOUCHPOINT_SAMPLES must be set");

      regressions = g_build_filename (srcdir, "data", "fuzz-regressions", NULL);
      valid = g_build_filename (srcdir, "data", "valid", NULL);
      invalid = g_build_filename (srcdir, "data", "invalid", NULL);
      add_path (regressions);
      add_path (valid);
      add_path (invalid);
      add_path (samples);
    }

  status = g_test_run ();
  g_ptr_array_unref (paths);

  return status;
}
