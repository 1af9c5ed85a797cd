/* bp-csv-values.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "csv/bp-csv-private.h"

#include <math.h>
#include <string.h>


/* What people type in a sheet's cells, read the way they mean it. */

/* @text without case, spaces, underscores or hyphens: "Service layer",
 * "service_layer" and "SERVICE-LAYER" all give "servicelayer". */
char *
bp_csv_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '_' && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static const struct {
  const char *name;
  BpLaneKind  kind;
} zone_names[] = {
  { "evidence", BP_LANE_KIND_EVIDENCE },
  { "physicalevidence", BP_LANE_KIND_EVIDENCE },
  { "customer", BP_LANE_KIND_CUSTOMER },
  { "customeractions", BP_LANE_KIND_CUSTOMER },
  { "frontstage", BP_LANE_KIND_FRONTSTAGE },
  { "frontstageactions", BP_LANE_KIND_FRONTSTAGE },
  { "onstage", BP_LANE_KIND_FRONTSTAGE },
  { "visible", BP_LANE_KIND_FRONTSTAGE },
  { "backstage", BP_LANE_KIND_BACKSTAGE },
  { "backstageactions", BP_LANE_KIND_BACKSTAGE },
  { "invisible", BP_LANE_KIND_BACKSTAGE },
  { "support", BP_LANE_KIND_SUPPORT },
  { "supportprocesses", BP_LANE_KIND_SUPPORT },
};

gboolean
bp_csv_parse_zone (const char *text,
                   BpLaneKind *kind)
{
  g_autofree char *folded = bp_csv_fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (strcmp (folded, zone_names[i].name) == 0)
      {
        *kind = zone_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* "1:30" is minutes and seconds, "1:02:00" hours, minutes and seconds. */
static gboolean
parse_clock (const char *text,
             double     *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  double total = 0;

  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint64 value;
      char *end = NULL;
      double last;

      g_strstrip (parts[i]);
      /* Only the seconds may have a fraction: "1:30.5". */
      if (i == n - 1)
        {
          last = g_ascii_strtod (parts[i], &end);
          if (end == parts[i] || *end != '\0' || !isfinite (last) || last < 0 ||
              !g_ascii_isdigit (parts[i][0]))
            return FALSE;
          total = total * 60 + last;
        }
      else
        {
          if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT32, &value, NULL))
            return FALSE;
          total = total * 60 + (double) value;
        }
    }

  *seconds = total;
  return TRUE;
}

/* A plain number: digits with at most one decimal point, and perhaps an
 * exponent ("1.5e+20", as spreadsheets write huge numbers); not "inf",
 * "nan" or "0x10", which strtod would also take. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  const char *p = text;
  gboolean digit = FALSE;

  for (; g_ascii_isdigit (*p); p++)
    digit = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digit = TRUE;
  if (digit && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (!digit || *p != '\0')
    return FALSE;
  *value = g_ascii_strtod (text, NULL);
  return isfinite (*value);
}

static double
unit_seconds (const char *name)
{
  static const struct { const char *name; double seconds; } units[] = {
    { "d", 86400 }, { "day", 86400 }, { "days", 86400 },
    { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
    { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
    { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (name, units[i].name) == 0)
      return units[i].seconds;
  return 0;
}

/* "1 h 30 min", "2 d", "90 s": plain numbers each with a unit, added up
 * (strtod would also take "1e9", "inf" or "0x10", which no one means). */
static gboolean
parse_parts (const char *text,
             double     *seconds)
{
  const char *p = text;
  double total = 0;

  while (*p != '\0')
    {
      const char *start = p;
      g_autofree char *number = NULL, *unit = NULL;
      double value, scale;

      while (g_ascii_isdigit (*p) || *p == '.' ||
             ((*p == 'e' || *p == 'E') && (g_ascii_isdigit (p[1]) || p[1] == '+' || p[1] == '-')) ||
             ((*p == '+' || *p == '-') && p > start && (p[-1] == 'e' || p[-1] == 'E')))
        p++;
      number = g_strndup (start, p - start);
      while (*p == ' ')
        p++;
      for (start = p; g_ascii_isalpha (*p); p++)
        ;
      unit = g_strndup (start, p - start);
      while (*p == ' ')
        p++;

      if (!parse_number (number, &value) || (scale = unit_seconds (unit)) == 0)
        return FALSE;
      total += value * scale;
    }

  *seconds = total;
  return isfinite (total);
}

/* Seconds from "90", "90 s", "5 min", "1 h 30 min", "2 d", "1:30" or
 * "1:02:00"; in a "minutes" column a plain number is minutes. An empty
 * cell gives -1, no duration. */
gboolean
bp_csv_parse_duration (const char *text,
                       gboolean    decimal_comma,
                       gboolean    minutes,
                       double     *seconds)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  double value;

  if (*copy == '\0')
    {
      *seconds = -1;
      return TRUE;
    }

  if (decimal_comma)
    g_strdelimit (copy, ",", '.');

  if (strchr (copy, ':') != NULL)
    return parse_clock (copy, seconds);

  if (parse_number (copy, &value))
    {
      *seconds = minutes ? value * 60 : value;
      return TRUE;
    }

  return parse_parts (copy, seconds);
}

/* Exact, and as a person would write it: "1 h 30 min", "45 s", "0.5 s". */
char *
bp_csv_format_duration (double seconds)
{
  static const struct { const char *unit; guint64 seconds; } units[] = {
    { "d", 86400 }, { "h", 3600 }, { "min", 60 },
  };
  GString *out = g_string_new (NULL);
  double whole = floor (seconds);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (whole != seconds || whole > (double) G_MAXUINT32 * 86400)
    {
      /* The shortest spelling that reads back to the same number. */
      for (int digits = 15; digits <= 17; digits++)
        {
          g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

          g_ascii_formatd (number, sizeof number, format, seconds);
          if (g_ascii_strtod (number, NULL) == seconds)
            break;
        }
      g_string_append_printf (out, "%s s", number);
      return g_string_free (out, FALSE);
    }

  {
    guint64 rest = (guint64) whole;

    for (guint i = 0; i < G_N_ELEMENTS (units); i++)
      if (rest >= units[i].seconds)
        {
          g_string_append_printf (out, "%s%" G_GUINT64_FORMAT " %s",
                                  out->len > 0 ? " " : "",
                                  rest / units[i].seconds, units[i].unit);
          rest %= units[i].seconds;
        }
    if (rest > 0 || out->len == 0)
      g_string_append_printf (out, "%s%" G_GUINT64_FORMAT " s",
                              out->len > 0 ? " " : "", rest);
  }
  return g_string_free (out, FALSE);
}

static const struct {
  const char  *name;
  BpStepFlags  flag;
} flag_names[] = {
  { "painpoint", BP_STEP_FLAG_PAIN_POINT },
  { "opportunity", BP_STEP_FLAG_OPPORTUNITY },
  { "momentoftruth", BP_STEP_FLAG_MOMENT_OF_TRUTH },
  { "failpoint", BP_STEP_FLAG_FAIL_POINT },
  { "waitpoint", BP_STEP_FLAG_WAIT_POINT },
};

gboolean
bp_csv_parse_flag (const char  *text,
                   BpStepFlags *flag)
{
  g_autofree char *folded = bp_csv_fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (flag_names); i++)
    if (strcmp (folded, flag_names[i].name) == 0)
      {
        *flag = flag_names[i].flag;
        return TRUE;
      }
  return FALSE;
}

gboolean
bp_csv_parse_yes_no (const char *text,
                     gboolean   *yes)
{
  static const char *yes_words[] = { "yes", "y", "true", "1", "x" };
  static const char *no_words[] = { "", "no", "n", "false", "0" };
  g_autofree char *folded = bp_csv_fold (text);

  for (guint i = 0; i < G_N_ELEMENTS (yes_words); i++)
    if (strcmp (folded, yes_words[i]) == 0)
      return (*yes = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no_words); i++)
    if (strcmp (folded, no_words[i]) == 0)
      {
        *yes = FALSE;
        return TRUE;
      }
  return FALSE;
}
