/* pdf-test-utils.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pdf-test-utils.h"

GArray *
pdf_test_page_sizes (const char *path)
{
  static const char box[] = "/MediaBox [";
  g_autofree char *bytes = NULL;
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (double));
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  /* The compressed drawing holds NUL bytes: search the whole length. */
  for (gsize i = 0; i + sizeof box < length; i++)
    {
      double x0, y0, x1, y1, width, height;

      if (memcmp (bytes + i, box, sizeof box - 1) != 0)
        continue;
      g_assert_cmpint (sscanf (bytes + i, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
      width = x1 - x0;
      height = y1 - y0;
      g_array_append_val (sizes, width);
      g_array_append_val (sizes, height);
    }

  return sizes;
}
