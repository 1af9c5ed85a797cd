/* bp-compare-text.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "compare/bp-compare-private.h"

#include <math.h>
#include <string.h>

char *
bp_compare_normalise (const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (composed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (composed, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* "Pays the bill." and "pays the bill" are the same step. */
      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The edit distance of @a and @b (characters), or more than @limit when it
 * is known to be more than @limit: rows stop once their least is. */
static guint
edit_distance (const gunichar *a,
               glong           la,
               const gunichar *b,
               glong           lb,
               guint           limit)
{
  g_autofree guint *previous = g_new (guint, lb + 1);
  g_autofree guint *current = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    previous[j] = j;

  for (glong i = 1; i <= la; i++)
    {
      guint least;

      current[0] = i;
      least = current[0];
      for (glong j = 1; j <= lb; j++)
        {
          guint substitute = previous[j - 1] + (a[i - 1] != b[j - 1]);
          guint insert = current[j - 1] + 1;
          guint delete = previous[j] + 1;

          current[j] = MIN (substitute, MIN (insert, delete));
          least = MIN (least, current[j]);
        }
      if (least > limit)
        return limit + 1;

      guint *swap = previous;
      previous = current;
      current = swap;
    }

  return previous[lb];
}

double
bp_compare_similarity_at_least (const char *a,
                                const char *b,
                                double      at_least)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  glong la = 0, lb = 0, longest;
  guint limit, distance;

  if (a[0] == '\0' || b[0] == '\0')
    return 0;
  if (strcmp (a, b) == 0)
    return 1;

  ua = g_utf8_to_ucs4_fast (a, -1, &la);
  ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  longest = MAX (la, lb);

  /* The distance is at least the difference in length. */
  limit = (guint) floor ((1.0 - at_least) * longest + 1e-9);
  if ((guint) ABS (la - lb) > limit)
    return 0;

  distance = edit_distance (ua, la, ub, lb, limit);
  if (distance > limit)
    return 0;

  return 1.0 - (double) distance / longest;
}

double
bp_compare_text_similarity (const char *a,
                            const char *b)
{
  g_autofree char *na = bp_compare_normalise (a);
  g_autofree char *nb = bp_compare_normalise (b);

  return bp_compare_similarity_at_least (na, nb, 0);
}
