/* bp-bpj-scan.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"
#include "model/bp-hash.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Steps 1 and 2 of reading: the bytes, then a strict scan of the JSON
 * before json-glib sees it. */

typedef struct
{
  const char *str;  /* decoded, not NUL-terminated */
  gsize       len;
} KeyRef;

typedef struct
{
  gboolean    is_object;
  guint       count;      /* members or elements so far */
  KeyRef      key;        /* the current member's key */
  guint       first_key;  /* where this object's keys start in Scanner.keys */
  GHashTable *key_set;    /* used instead of Scanner.keys once the object is big */
  GHashTable *alike;      /* g_str_hash() of its keys => how many have it */
  gboolean    too_alike;
} Frame;

typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} Expect;

/* Objects with more keys than this look their keys up in a hash set. */
#define SMALL_OBJECT_KEYS 16

/* Keys of one object that may share one g_str_hash() value: json-glib
 * compares each new key with every earlier key of the same hash, so a
 * file of 100,000 keys made to collide would take minutes to read. By
 * chance, two keys of a real file hardly ever do. */
#define MAX_ALIKE_KEYS 32

/* Values in a whole file. json-glib spends about 120 bytes on each, so
 * 64 MiB of "[]," would take 2.6 GB and 20 s to read; the fullest
 * blueprint the format allows (100,000 steps with every key, flows,
 * stages and lanes) holds about 3.2 million. */
#define MAX_VALUES 4000000

typedef struct
{
  const char    *data;
  gsize          length;
  gsize          pos;
  guint          line;
  gsize          line_start;
  Frame          frames[BP_MAX_DEPTH];
  guint          depth;
  GArray        *keys;   /* KeyRef of the open small objects */
  GStringChunk  *chunk;  /* decoded keys that held escapes, and key set copies */
  guint          n_values;
  BpBpjProblems *problems;
} Scanner;

static char *
where_at (Scanner *s,
          gsize    pos)
{
  glong column = g_utf8_strlen (s->data + s->line_start, pos - s->line_start) + 1;

  return g_strdup_printf (_("line %u, column %ld"), s->line, column);
}

/* The JSON path of the value being scanned, through the first @n_frames
 * frames: steps[3].text */
static char *
scanner_path (Scanner *s,
              guint    n_frames)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < n_frames; i++)
    {
      Frame *frame = &s->frames[i];

      if (frame->count == 0)
        break;
      if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->count - 1);
      else
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, frame->key.str, frame->key.len);
        }
    }

  return g_string_free (path, FALSE);
}

static gboolean scan_fail (Scanner    *s,
                           gsize       pos,
                           BpBpjError  code,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5);

static gboolean
scan_fail (Scanner    *s,
           gsize       pos,
           BpBpjError  code,
           const char *format,
           ...)
{
  g_autofree char *where = where_at (s, pos);
  g_autofree char *rule = NULL;
  va_list args;

  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);

  bp_bpj_problems_add (s->problems, code, where, "%s", rule);
  return FALSE;
}

/* What stands at @pos, for "expected X, found Y". */
static char *
describe_found (Scanner *s,
                gsize    pos)
{
  const char *p = s->data + pos;
  gunichar c;

  if (pos >= s->length)
    return g_strdup (_("the end of the file"));
  if (*p == '"')
    return g_strdup (_("a string"));
  if (*p == '/')
    return g_strdup (_("'/' (JSON has no comments)"));
  if (*p == '\'')
    return g_strdup (_("a single quote (strings take double quotes)"));
  if (*p == '\n' || *p == '\r')
    return g_strdup (_("the end of the line"));
  if (g_ascii_isalpha (*p))
    {
      gsize len = 0;

      while (pos + len < s->length && len < 20 && g_ascii_isalnum (p[len]))
        len++;
      return g_strdup_printf (_("the word \"%.*s\""), (int) len, p);
    }
  if (g_ascii_isgraph (*p))
    return g_strdup_printf ("'%c'", *p);

  c = g_utf8_get_char (p);
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
scan_unexpected (Scanner *s,
                 Expect   expect)
{
  g_autofree char *found = describe_found (s, s->pos);
  gboolean in_object = s->depth > 0 && s->frames[s->depth - 1].is_object;

  switch (expect)
    {
    case EXPECT_VALUE:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected a value, found %s"), found);
    case EXPECT_VALUE_OR_CLOSE:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected a value or ']', found %s"), found);
    case EXPECT_KEY:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected a key in double quotes after ',', found %s"), found);
    case EXPECT_KEY_OR_CLOSE:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected a key in double quotes or '}', found %s"), found);
    case EXPECT_COLON:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected ':' after the key, found %s"), found);
    case EXPECT_COMMA_OR_CLOSE:
      if (in_object)
        return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected ',' or '}', found %s"), found);
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected ',' or ']', found %s"), found);
    case EXPECT_END:
    default:
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected the end of the file, found %s"), found);
    }
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits at @p, or -1 when they are not. */
static int
parse_hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The code unit of a "\uXXXX" escape at @pos, or -1 when there is none. */
static int
read_unicode_escape (Scanner *s,
                     gsize    pos)
{
  if (pos + 6 > s->length || s->data[pos] != '\\' || s->data[pos + 1] != 'u')
    return -1;
  return parse_hex4 (s->data + pos + 2);
}

/* Checks one escape at s->pos (a backslash) and steps over it. */
static gboolean
scan_escape (Scanner *s)
{
  gsize start = s->pos;
  int unit;

  if (start + 1 >= s->length)
    return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX, _("unexpected end of the file in a string"));

  if (s->data[start + 1] != '\0' && strchr ("\"\\/bfnrt", s->data[start + 1]) != NULL)
    {
      s->pos += 2;
      return TRUE;
    }

  if (s->data[start + 1] != 'u')
    return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX,
                      _("unknown escape: in a string, a backslash must be followed by "
                        "\", \\, /, b, f, n, r, t or u"));

  unit = read_unicode_escape (s, start);
  if (unit < 0)
    return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX, _("'\\u' needs four hexadecimal digits"));
  if (unit == 0)
    return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX,
                      _("'\\u0000' is not allowed: a string cannot hold a NUL character"));

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX,
                      _("'\\u%04X' is the second half of a surrogate pair, without the first"), unit);

  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low = read_unicode_escape (s, start + 6);

      if (low < 0xDC00 || low > 0xDFFF)
        return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX,
                          _("'\\u%04X' is the first half of a surrogate pair, without the second"), unit);
      s->pos += 6;
    }

  s->pos += 6;
  return TRUE;
}

/* Steps over a string (s->pos is at its opening quote); *end is where
 * its closing quote is. */
static gboolean
scan_string (Scanner  *s,
             gsize    *end,
             gboolean *has_escapes)
{
  gsize start = s->pos;

  *has_escapes = FALSE;
  s->pos++;

  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          *end = s->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          *has_escapes = TRUE;
          if (!scan_escape (s))
            return FALSE;
        }
      else if (c < 0x20)
        {
          return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX,
                            _("control character U+%04X in a string (write it as an escape such as \\n)"), c);
        }
      else
        {
          s->pos++;
        }
    }

  return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX, _("the string is not closed before the end of the file"));
}

/* The text of a string already checked by scan_string(). */
static char *
decode_string (const char *str,
               gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gunichar c;

      if (str[i] != '\\')
        {
          g_string_append_c (out, str[i]);
          continue;
        }

      i++;
      switch (str[i])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          c = parse_hex4 (str + i + 1);
          i += 4;
          if (c >= 0xD800 && c <= 0xDBFF)
            {
              gunichar low = parse_hex4 (str + i + 3);
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            }
          g_string_append_unichar (out, c);
          break;
        default:
          g_string_append_c (out, str[i]);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
key_equal (const KeyRef *a,
           const KeyRef *b)
{
  return a->len == b->len && memcmp (a->str, b->str, a->len) == 0;
}

static void
add_big_key (Frame *frame,
             char  *key)
{
  gpointer hash = GUINT_TO_POINTER (g_str_hash (key));
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (frame->alike, hash)) + 1;

  g_hash_table_add (frame->key_set, key);
  g_hash_table_insert (frame->alike, hash, GUINT_TO_POINTER (n));
  frame->too_alike |= n > MAX_ALIKE_KEYS;
}

static void
clear_frame (Frame *frame)
{
  g_clear_pointer (&frame->key_set, g_hash_table_unref);
  g_clear_pointer (&frame->alike, g_hash_table_unref);
}

/* Records @key in the innermost object; FALSE when it was there before. */
static gboolean
remember_key (Scanner *s,
              Frame   *frame,
              KeyRef   key)
{
  guint n = s->keys->len - frame->first_key;

  if (frame->key_set != NULL)
    {
      char *copy = g_string_chunk_insert_len (s->chunk, key.str, key.len);

      if (g_hash_table_contains (frame->key_set, copy))
        return FALSE;
      add_big_key (frame, copy);
      return TRUE;
    }

  for (guint i = frame->first_key; i < s->keys->len; i++)
    if (key_equal (&g_array_index (s->keys, KeyRef, i), &key))
      return FALSE;

  g_array_append_val (s->keys, key);

  if (n + 1 > SMALL_OBJECT_KEYS)
    {
      frame->key_set = g_hash_table_new (bp_str_hash, g_str_equal);
      frame->alike = g_hash_table_new (bp_uint_hash, NULL);
      for (guint i = frame->first_key; i < s->keys->len; i++)
        {
          KeyRef *ref = &g_array_index (s->keys, KeyRef, i);
          add_big_key (frame, g_string_chunk_insert_len (s->chunk, ref->str, ref->len));
        }
      g_array_set_size (s->keys, frame->first_key);
    }

  return TRUE;
}

/* One more member or element in the innermost container. */
static gboolean
count_item (Scanner *s)
{
  Frame *frame = &s->frames[s->depth - 1];

  if (++frame->count > BP_MAX_ITEMS)
    {
      g_autofree char *path = scanner_path (s, s->depth - 1);

      bp_bpj_problems_add (s->problems, BP_BPJ_ERROR_LIMIT, path,
                           _("holds more than %d items, the most a file may hold"), BP_MAX_ITEMS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
scan_key (Scanner *s)
{
  Frame *frame = &s->frames[s->depth - 1];
  gsize start = s->pos + 1;
  gboolean has_escapes;
  gsize end;
  KeyRef key;

  if (!scan_string (s, &end, &has_escapes) || !count_item (s))
    return FALSE;

  if (has_escapes)
    {
      g_autofree char *decoded = decode_string (s->data + start, end - start);

      key.len = strlen (decoded);
      key.str = g_string_chunk_insert_len (s->chunk, decoded, key.len);
    }
  else
    {
      key.str = s->data + start;
      key.len = end - start;
    }

  frame->key = key;

  if (!remember_key (s, frame, key))
    {
      g_autofree char *path = scanner_path (s, s->depth);

      /* Not fatal: the rest of the file can still be checked. */
      bp_bpj_problems_add (s->problems, BP_BPJ_ERROR_INVALID, path,
                           _("duplicate key: a key may appear only once in an object"));
    }

  if (frame->too_alike)
    return scan_fail (s, start - 1, BP_BPJ_ERROR_LIMIT,
                      _("more than %d keys of this object are made to collide in a hash "
                        "table, which would take minutes to read"), MAX_ALIKE_KEYS);

  return TRUE;
}

/* Numbers json-glib would silently turn into other values: integers
 * beyond 64 bits wrap around, and huge doubles become infinite. */
static gboolean
check_number_range (Scanner *s,
                    gsize    start,
                    gboolean is_integer)
{
  gsize len = s->pos - start;
  g_autofree char *text = g_strndup (s->data + start, len);
  gboolean fits;

  if (is_integer)
    {
      gsize digits = len - (text[0] == '-');

      if (digits < 19)
        return TRUE;
      errno = 0;
      g_ascii_strtoll (text, NULL, 10);
      fits = errno == 0;
    }
  else
    {
      fits = isfinite (g_ascii_strtod (text, NULL));
    }

  if (!fits)
    {
      g_autofree char *path = scanner_path (s, s->depth);

      if (path[0] == '\0')
        return scan_fail (s, start, BP_BPJ_ERROR_INVALID, _("the number %s is too large"), text);
      bp_bpj_problems_add (s->problems, BP_BPJ_ERROR_INVALID, path,
                           _("the number %s is too large"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
skip_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;

  if (s->pos == start)
    {
      g_autofree char *found = describe_found (s, s->pos);
      return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("expected a digit, found %s"), found);
    }

  return TRUE;
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean is_integer = TRUE;

  if (s->data[s->pos] == '-')
    s->pos++;

  if (s->pos < s->length && s->data[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
        return scan_fail (s, start, BP_BPJ_ERROR_SYNTAX, _("a number cannot start with 0"));
    }
  else if (!skip_digits (s))
    {
      return FALSE;
    }

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      is_integer = FALSE;
      s->pos++;
      if (!skip_digits (s))
        return FALSE;
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      is_integer = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!skip_digits (s))
        return FALSE;
    }

  return check_number_range (s, start, is_integer);
}

static gboolean
scan_literal (Scanner *s,
              Expect   expect)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (s->length - s->pos >= len && memcmp (s->data + s->pos, literals[i], len) == 0)
        {
          s->pos += len;
          return TRUE;
        }
    }

  return scan_unexpected (s, expect);
}

static gboolean
push_frame (Scanner  *s,
            gboolean  is_object)
{
  Frame *frame;

  if (s->depth == BP_MAX_DEPTH)
    return scan_fail (s, s->pos, BP_BPJ_ERROR_LIMIT,
                      _("nested deeper than %d levels"), BP_MAX_DEPTH);

  frame = &s->frames[s->depth++];
  memset (frame, 0, sizeof *frame);
  frame->is_object = is_object;
  frame->first_key = s->keys->len;
  s->pos++;

  return TRUE;
}

static void
pop_frame (Scanner *s)
{
  Frame *frame = &s->frames[--s->depth];

  clear_frame (frame);
  if (frame->is_object)
    g_array_set_size (s->keys, frame->first_key);
  s->pos++;
}

static Expect
after_value (Scanner *s)
{
  return s->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

/* A value starts at s->pos; *expect says what comes next. */
static gboolean
scan_value (Scanner *s,
            Expect  *expect)
{
  char c = s->data[s->pos];
  gboolean has_escapes;
  gsize end;

  if (s->depth > 0 && !s->frames[s->depth - 1].is_object && !count_item (s))
    return FALSE;

  if (++s->n_values > MAX_VALUES)
    return scan_fail (s, s->pos, BP_BPJ_ERROR_LIMIT,
                      _("the file holds more than %d values, the most a file may hold"),
                      MAX_VALUES);

  switch (c)
    {
    case '{':
      *expect = EXPECT_KEY_OR_CLOSE;
      return push_frame (s, TRUE);

    case '[':
      *expect = EXPECT_VALUE_OR_CLOSE;
      return push_frame (s, FALSE);

    case '"':
      *expect = after_value (s);
      return scan_string (s, &end, &has_escapes);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      *expect = after_value (s);
      return scan_number (s);

    default:
      if (!scan_literal (s, *expect))
        return FALSE;
      *expect = after_value (s);
      return TRUE;
    }
}

static gboolean
scan_at_end (Scanner *s,
             Expect   expect)
{
  if (expect == EXPECT_END)
    return TRUE;
  if (expect == EXPECT_VALUE && s->depth == 0)
    return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX, _("the file is empty"));
  return scan_fail (s, s->pos, BP_BPJ_ERROR_SYNTAX,
                    _("unexpected end of the file (is it cut short?)"));
}

/* A ']' or '}' closes the innermost container. */
static gboolean
close_container (Scanner *s,
                 Expect  *expect)
{
  pop_frame (s);
  *expect = after_value (s);
  return TRUE;
}

/* After a member or an element: a comma, or the end of the container. */
static gboolean
scan_separator (Scanner *s,
                Expect  *expect)
{
  char c = s->data[s->pos];
  gboolean in_object = s->frames[s->depth - 1].is_object;

  if (c == ',')
    {
      s->pos++;
      *expect = in_object ? EXPECT_KEY : EXPECT_VALUE;
      return TRUE;
    }
  if (c == (in_object ? '}' : ']'))
    return close_container (s, expect);
  return scan_unexpected (s, *expect);
}

static gboolean
scan_step (Scanner *s,
           Expect  *expect)
{
  char c = s->data[s->pos];

  switch (*expect)
    {
    case EXPECT_VALUE_OR_CLOSE:
      if (c == ']')
        return close_container (s, expect);
      G_GNUC_FALLTHROUGH;
    case EXPECT_VALUE:
      return scan_value (s, expect);

    case EXPECT_KEY_OR_CLOSE:
      if (c == '}')
        return close_container (s, expect);
      G_GNUC_FALLTHROUGH;
    case EXPECT_KEY:
      if (c != '"')
        return scan_unexpected (s, *expect);
      *expect = EXPECT_COLON;
      return scan_key (s);

    case EXPECT_COLON:
      if (c != ':')
        return scan_unexpected (s, *expect);
      s->pos++;
      *expect = EXPECT_VALUE;
      return TRUE;

    case EXPECT_COMMA_OR_CLOSE:
      return scan_separator (s, expect);

    case EXPECT_END:
    default:
      return scan_unexpected (s, *expect);
    }
}

/* Step 1: size and encoding. */
gboolean
bp_bpj_check_bytes (const char    *data,
                    gsize          length,
                    BpBpjProblems *problems)
{
  const char *end;

  if (length > BP_MAX_FILE_SIZE)
    {
      bp_bpj_problems_add (problems, BP_BPJ_ERROR_LIMIT, NULL,
                           _("the file is larger than %d MiB"), BP_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      Scanner s = { .data = data, .length = length, .line = 1 };
      g_autofree char *where = NULL;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          {
            s.line++;
            s.line_start = p + 1 - data;
          }
      where = where_at (&s, end - data);
      bp_bpj_problems_add (problems, BP_BPJ_ERROR_SYNTAX, where, _("not valid UTF-8 text"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
scan_document (Scanner *s)
{
  Expect expect = EXPECT_VALUE;

  for (;;)
    {
      skip_space (s);
      if (s->pos == s->length)
        return scan_at_end (s, expect);
      if (!scan_step (s, &expect) || bp_bpj_problems_full (s->problems))
        return FALSE;
    }
}

/* TRUE when @data is well-formed JSON within the limits (it may still
 * have duplicate keys, which are added to @problems). */
gboolean
bp_bpj_scan (const char    *data,
             gsize          length,
             BpBpjProblems *problems)
{
  Scanner s = {
    .data = data,
    .length = length,
    .line = 1,
    .problems = problems,
  };
  gboolean ok;

  s.keys = g_array_new (FALSE, FALSE, sizeof (KeyRef));
  s.chunk = g_string_chunk_new (1024);

  ok = scan_document (&s);

  /* A refused scan may stop with objects still open. */
  while (s.depth > 0)
    clear_frame (&s.frames[--s.depth]);
  g_array_unref (s.keys);
  g_string_chunk_free (s.chunk);

  return ok;
}
