/* bp-bpj-format.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"

#include <math.h>
#include <string.h>

/* What the format page fixes for both reading and writing: the known keys
 * of each object, and how strings and numbers are spelled. */

/* Keys */

/* The format page's tables, in its order (which is also the write order). */
static const BpBpjField stage_fields[] = {
  { "id", BP_BPJ_FIELD_ID, TRUE },
  { "name", BP_BPJ_FIELD_STRING },
  { "width", BP_BPJ_FIELD_NUMBER, FALSE, BP_STAGE_MIN_WIDTH, BP_STAGE_MAX_WIDTH },
  { "tolerance", BP_BPJ_FIELD_NUMBER, FALSE, 0, INFINITY },
};

static const BpBpjField lane_fields[] = {
  { "id", BP_BPJ_FIELD_ID, TRUE },
  { "kind", BP_BPJ_FIELD_LANE_KIND, TRUE },
  { "name", BP_BPJ_FIELD_STRING },
  { "height", BP_BPJ_FIELD_NUMBER, FALSE, BP_LANE_MIN_HEIGHT, BP_LANE_MAX_HEIGHT },
  { "color", BP_BPJ_FIELD_COLOR },
};

static const BpBpjField step_fields[] = {
  { "id", BP_BPJ_FIELD_ID, TRUE },
  { "lane", BP_BPJ_FIELD_LANE_REF, TRUE },
  { "stage", BP_BPJ_FIELD_STAGE_REF, TRUE },
  { "x", BP_BPJ_FIELD_NUMBER, TRUE, 0, BP_STEP_MAX_X },
  { "width", BP_BPJ_FIELD_NUMBER, FALSE, BP_STEP_MIN_WIDTH, BP_STEP_MAX_WIDTH },
  { "text", BP_BPJ_FIELD_STRING },
  { "actor", BP_BPJ_FIELD_STRING },
  { "duration", BP_BPJ_FIELD_NUMBER, FALSE, 0, INFINITY },
  { "tolerance", BP_BPJ_FIELD_NUMBER, FALSE, 0, INFINITY },
  { "notes", BP_BPJ_FIELD_STRING },
  { "flags", BP_BPJ_FIELD_FLAGS },
  { "color", BP_BPJ_FIELD_COLOR },
};

static const BpBpjField flow_fields[] = {
  { "id", BP_BPJ_FIELD_ID, TRUE },
  { "from", BP_BPJ_FIELD_STEP_REF, TRUE },
  { "to", BP_BPJ_FIELD_STEP_REF, TRUE },
  { "label", BP_BPJ_FIELD_STRING },
  { "kind", BP_BPJ_FIELD_FLOW_KIND },
};

static const BpBpjField dismissal_fields[] = {
  { "check", BP_BPJ_FIELD_CHECK_NAME, TRUE },
  { "item", BP_BPJ_FIELD_ITEM_NAME, TRUE },
};

static const BpBpjField conflict_fields[] = {
  { "item", BP_BPJ_FIELD_ITEM_OR_NULL, TRUE },
  { "field", BP_BPJ_FIELD_STRING, TRUE },
  { "ours", BP_BPJ_FIELD_ANY },
  { "theirs", BP_BPJ_FIELD_ANY },
};

static const BpBpjField scenario_fields[] = {
  { "persona", BP_BPJ_FIELD_STRING },
  { "goal", BP_BPJ_FIELD_STRING },
  { "start", BP_BPJ_FIELD_STRING },
  { "end", BP_BPJ_FIELD_STRING },
};

static const BpBpjField top_fields[] = {
  { "format", BP_BPJ_FIELD_STRING, TRUE },
  { "version", BP_BPJ_FIELD_NUMBER, TRUE },
  { "title", BP_BPJ_FIELD_STRING },
  { "scenario", BP_BPJ_FIELD_STRING },
  { "state", BP_BPJ_FIELD_STRING },
  { "stages", BP_BPJ_FIELD_STRING, TRUE },
  { "lanes", BP_BPJ_FIELD_STRING, TRUE },
  { "steps", BP_BPJ_FIELD_STRING },
  { "flows", BP_BPJ_FIELD_STRING },
  { "tolerance", BP_BPJ_FIELD_NUMBER, FALSE, 0, INFINITY },
  { "dismissed", BP_BPJ_FIELD_STRING },
  { "conflicts", BP_BPJ_FIELD_STRING },
};

const BpBpjSpec bp_bpj_item_specs[BP_BPJ_N_KINDS] = {
  { "stages", stage_fields, G_N_ELEMENTS (stage_fields) },
  { "lanes", lane_fields, G_N_ELEMENTS (lane_fields) },
  { "steps", step_fields, G_N_ELEMENTS (step_fields) },
  { "flows", flow_fields, G_N_ELEMENTS (flow_fields) },
};

const BpBpjSpec bp_bpj_scenario_spec = {
  "scenario", scenario_fields, G_N_ELEMENTS (scenario_fields)
};

const BpBpjSpec bp_bpj_top_spec = {
  NULL, top_fields, G_N_ELEMENTS (top_fields)
};

const BpBpjSpec bp_bpj_dismissal_spec = {
  "dismissed", dismissal_fields, G_N_ELEMENTS (dismissal_fields)
};

const BpBpjSpec bp_bpj_conflict_spec = {
  "conflicts", conflict_fields, G_N_ELEMENTS (conflict_fields)
};

const BpBpjField *
bp_bpj_find_field (const BpBpjSpec *spec,
                   const char      *key)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (strcmp (spec->fields[i].key, key) == 0)
      return &spec->fields[i];
  return NULL;
}

/* Text */

static void
append_escaped (GString    *out,
                const char *str,
                gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  gsize run = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = str[i];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, str + run, i - run);
      run = i + 1;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }

  g_string_append_len (out, str + run, len - run);
}

/* A JSON string; text that is not UTF-8 (only possible through the API)
 * is repaired rather than written out unreadable. */
void
bp_bpj_append_string (GString    *out,
                      const char *str)
{
  gsize len = strlen (str);

  g_string_append_c (out, '"');
  if (G_LIKELY (g_utf8_validate_len (str, len, NULL)))
    {
      append_escaped (out, str, len);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (str, len);
      append_escaped (out, valid, strlen (valid));
    }
  g_string_append_c (out, '"');
}

/* A string value for a message: quoted, escaped, and cut short. */
char *
bp_bpj_quote_value (const char *str)
{
  GString *out = g_string_new ("\"");
  const char *end = str;

  for (guint i = 0; i < 40 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  append_escaped (out, str, end - str);
  g_string_append (out, *end != '\0' ? "…\"" : "\"");

  return g_string_free (out, FALSE);
}

/* printf writes at least two exponent digits (3e-07); 3e-7 is shorter. */
static void
trim_exponent (char *buffer)
{
  char *digits = strchr (buffer, 'e');
  char *first;

  if (digits == NULL)
    return;

  digits++;
  if (*digits == '+' || *digits == '-')
    digits++;
  for (first = digits; *first == '0' && first[1] != '\0'; first++)
    ;
  memmove (digits, first, strlen (first) + 1);
}

/* Whole numbers as integers; others as the shortest text that reads back
 * to the same double. */
void
bp_bpj_format_number (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
                      double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (!isfinite (value))
    {
      g_strlcpy (buffer, "null", G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }

  if (value == floor (value) && fabs (value) < 9223372036854775808.0)
    {
      g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  trim_exponent (buffer);
}

void
bp_bpj_append_number (GString *out,
                      double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bp_bpj_format_number (buffer, value);
  g_string_append (out, buffer);
}
