/* bp-duration.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-duration.h"

#include <math.h>
#include <string.h>

typedef struct {
  const char *names[4];
  double      seconds;
} Unit;

static const Unit units[] = {
  { { "d", "day", "days", NULL }, 86400 },
  { { "h", "hr", "hour", "hours" }, 3600 },
  { { "min", "m", "minute", "minutes" }, 60 },
  { { "s", "sec", "second", "seconds" }, 1 },
};

static double
unit_seconds (const char *name)
{
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint n = 0; n < G_N_ELEMENTS (units[u].names) && units[u].names[n]; n++)
      if (g_ascii_strcasecmp (units[u].names[n], name) == 0)
        return units[u].seconds;
  return 0;
}

/* One number and its unit from *@text on, which moves past them; a unit
 * may be left out only by a number standing alone. */
static gboolean
parse_part (const char **text,
            gboolean     alone,
            double      *seconds)
{
  const char *start;
  char *end = NULL;
  double value, unit = 1;

  value = g_ascii_strtod (*text, &end);
  if (end == *text || !isfinite (value) || value < 0)
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;
  for (start = end; g_ascii_isalpha (*end); end++)
    ;
  if (end > start)
    {
      g_autofree char *name = g_strndup (start, end - start);

      if ((unit = unit_seconds (name)) == 0)
        return FALSE;
    }
  else if (!alone || *end != '\0')
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;
  *text = end;
  *seconds = value * unit;
  return TRUE;
}

gboolean
bp_duration_parse (const char *text,
                   double     *seconds)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *rest = copy;
  double total = 0;

  if (*copy == '\0')
    {
      *seconds = -1;
      return TRUE;
    }

  /* "1 h 30 min": each part adds to the whole. */
  while (*rest != '\0')
    {
      double part;

      if (!parse_part (&rest, rest == copy, &part))
        return FALSE;
      total += part;
    }

  if (!isfinite (total))
    return FALSE;
  *seconds = total;
  return TRUE;
}

char *
bp_duration_format (double seconds)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    if (seconds >= units[u].seconds || units[u].seconds == 1)
      {
        /* One decimal at most: cards have little room. */
        double value = round (seconds / units[u].seconds * 10) / 10;

        g_ascii_formatd (number, sizeof number, "%.1f", value);
        if (g_str_has_suffix (number, ".0"))
          number[strlen (number) - 2] = '\0';
        return g_strdup_printf ("%s %s", number, units[u].names[0]);
      }

  g_assert_not_reached ();
}
