/* bp-csv-read.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "csv/bp-csv-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Cells as RFC 4180 has them, and as Excel, LibreOffice and Google Sheets
 * write them beyond it: a byte-order mark, Windows-1252 from older Excel,
 * UTF-16 from Excel's "Unicode text", a semicolon or a tab between cells,
 * CRLF, LF or CR line ends, quoted cells holding separators, doubled quotes
 * and line breaks, and Excel's "sep=;" first line. */

G_DEFINE_QUARK (bp-csv-error-quark, bp_csv_error)

/* Windows-1252's 0x80 to 0x9F; the five unassigned bytes map to the C1
 * controls of the same value, as Windows itself maps them. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const char *data,
               gsize       length,
               gsize      *out_length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* The row that holds byte @offset, counting line ends outside quotes is
 * not worth it here: this is only for messages about bad bytes. */
static guint
row_of_offset (const char *data,
               gsize       offset)
{
  guint row = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      row++;
  return row;
}

/* The sheet as UTF-8 without a byte-order mark, or NULL and an error. */
static char *
decode (const char  *data,
        gsize        length,
        GPtrArray   *notices,
        gsize       *out_length,
        GError     **error)
{
  const char *end = NULL;
  char *text;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, out_length, NULL);
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, out_length, NULL);
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (!g_utf8_validate_len (data + 3, length - 3, &end))
        {
          g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_SYNTAX,
                       _("Row %u: the sheet says it is UTF-8 but is not"),
                       row_of_offset (data, end - data));
          return NULL;
        }
      *out_length = length - 3;
      return g_strndup (data + 3, length - 3);
    }
  else if (g_utf8_validate_len (data, length, &end))
    {
      *out_length = length;
      return g_strndup (data, length);
    }
  else
    {
      /* Older Excel saves "CSV" in the Windows code page. */
      text = decode_cp1252 (data, length, out_length);
      g_ptr_array_add (notices,
                       g_strdup (_("The sheet is not UTF-8: it was read as Windows-1252 (Western European). "
                                   "Check accented letters.")));
    }

  if (text == NULL)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_SYNTAX,
                   _("The sheet says it is UTF-16 but is not"));
      return NULL;
    }
  return text;
}

char *
bp_csv_column_name (guint column)
{
  char name[8];
  int at = G_N_ELEMENTS (name) - 1;

  name[at] = '\0';
  do
    {
      name[--at] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && at > 0);

  return g_strdup (name + at);
}

/* The first row's separator: the most frequent of tab, semicolon and
 * comma outside quotes, in that order of preference on a tie. */
static char
detect_separator (const char *text,
                  const char *end)
{
  guint tabs = 0, semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == '\t')
        tabs++;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
    }

  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > 0 && semicolons >= commas)
    return ';';
  return ',';
}

typedef struct {
  BpCsvTable *table;
  GPtrArray  *cells;     /* of the row being read */
  GString    *cell;
  guint       number;    /* of the row being read */
  gboolean    blank;
} Reader;

static void
row_free (gpointer data)
{
  BpCsvRow *row = data;

  g_free (row->cells);
  g_free (row);
}

void
bp_csv_table_free (BpCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->notices);
  g_string_chunk_free (table->chunk);
  g_free (table);
}

/* A spreadsheet shows "'=1" as the text "=1": the export writes cells that
 * would run as formulas that way, and reading takes the apostrophe off. */
static void
unprotect (GString *cell)
{
  if (cell->len >= 2 && cell->str[0] == '\'' &&
      strchr ("=+-@\t\r", cell->str[1]) != NULL)
    g_string_erase (cell, 0, 1);
}

static gboolean
end_cell (Reader  *reader,
          GError **error)
{
  guint column = reader->cells->len;

  if (reader->cell->len > BP_CSV_MAX_CELL_BYTES)
    {
      g_autofree char *name = bp_csv_column_name (column);

      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_LIMIT,
                   _("Row %u, column %s: the cell is longer than %d bytes"),
                   reader->number, name, BP_CSV_MAX_CELL_BYTES);
      return FALSE;
    }
  if (column >= BP_CSV_MAX_COLUMNS)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_LIMIT,
                   _("Row %u: the row has more than %d columns"),
                   reader->number, BP_CSV_MAX_COLUMNS);
      return FALSE;
    }

  unprotect (reader->cell);
  if (reader->cell->len > 0)
    reader->blank = FALSE;
  g_ptr_array_add (reader->cells,
                   g_string_chunk_insert_len (reader->table->chunk, reader->cell->str, reader->cell->len));
  g_string_truncate (reader->cell, 0);
  return TRUE;
}

/* Blank rows (",,,," included, as spreadsheets write them) are left out
 * but still counted, so that numbers stay those the spreadsheet shows. */
static gboolean
end_row (Reader  *reader,
         GError **error)
{
  if (!end_cell (reader, error))
    return FALSE;

  if (!reader->blank)
    {
      BpCsvRow *row = g_new0 (BpCsvRow, 1);

      if (reader->table->rows->len >= BP_CSV_MAX_ROWS + 1)
        {
          g_free (row);
          g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_LIMIT,
                       _("Row %u: the sheet has more than %d rows"),
                       reader->number, BP_CSV_MAX_ROWS);
          return FALSE;
        }
      row->number = reader->number;
      row->n_cells = reader->cells->len;
      g_ptr_array_add (reader->cells, NULL);
      /* Leaves the array empty, for the next row. */
      row->cells = (char **) g_ptr_array_steal (reader->cells, NULL);
      g_ptr_array_add (reader->table->rows, row);
    }
  else
    g_ptr_array_set_size (reader->cells, 0);

  reader->number++;
  reader->blank = TRUE;
  return TRUE;
}

/* A quoted cell from the quote at *@p; TRUE with *@p past the closing
 * quote, or an error naming where the quote opened. */
static gboolean
read_quoted (Reader      *reader,
             const char **p,
             const char  *end,
             GError     **error)
{
  const char *at = *p + 1;

  for (;;)
    {
      const char *quote = memchr (at, '"', end - at);

      if (quote == NULL)
        {
          g_autofree char *name = bp_csv_column_name (reader->cells->len);

          g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_SYNTAX,
                       _("Row %u, column %s: a quoted cell is never closed"),
                       reader->number, name);
          return FALSE;
        }
      g_string_append_len (reader->cell, at, quote - at);
      if (quote + 1 < end && quote[1] == '"')
        {
          g_string_append_c (reader->cell, '"');
          at = quote + 2;
          continue;
        }
      *p = quote + 1;
      /* A quoted cell counts as content even when empty: "" is a cell. */
      return TRUE;
    }
}

static gboolean
read_cells (Reader      *reader,
            const char  *text,
            const char  *end,
            GError     **error)
{
  const char *p = text;
  char separator = reader->table->separator;
  gboolean cell_start = TRUE;

  while (p < end)
    {
      char c = *p;

      if (c == '"' && cell_start)
        {
          if (!read_quoted (reader, &p, end, error))
            return FALSE;
          cell_start = FALSE;
          continue;
        }

      cell_start = FALSE;
      if (c == separator)
        {
          if (!end_cell (reader, error))
            return FALSE;
          cell_start = TRUE;
          p++;
        }
      else if (c == '\r' || c == '\n')
        {
          if (!end_row (reader, error))
            return FALSE;
          cell_start = TRUE;
          p += (c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        }
      else
        {
          /* Copy the run of plain characters at once: most of a sheet. */
          const char *run = p;

          while (p < end && *p != separator && *p != '\r' && *p != '\n')
            p++;
          g_string_append_len (reader->cell, run, p - run);
          /* A stray quote in the middle of a cell is kept, as spreadsheets do. */
        }
    }

  /* The last row may lack its line end. */
  if (!cell_start || reader->cells->len > 0)
    return end_row (reader, error);
  return TRUE;
}

BpCsvTable *
bp_csv_table_read (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(BpCsvTable) table = g_new0 (BpCsvTable, 1);
  g_autofree char *text = NULL;
  const char *start, *end;
  gsize text_length = 0;
  Reader reader = { 0 };
  gboolean ok;

  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->notices = g_ptr_array_new_with_free_func (g_free);
  table->chunk = g_string_chunk_new (MIN (MAX (length, 256), 1 << 20));

  if (length > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_LIMIT,
                   _("The sheet is larger than 64 MiB"));
      return NULL;
    }

  text = decode (data, length, table->notices, &text_length, error);
  if (text == NULL)
    return NULL;
  start = text;
  end = text + text_length;

  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error (error, BP_CSV_ERROR, BP_CSV_ERROR_SYNTAX,
                   _("Row %u: the sheet holds a NUL byte, so it is not a text file"),
                   row_of_offset (text, (const char *) memchr (text, '\0', text_length) - text));
      return NULL;
    }

  /* Excel's "sep=;" line names the separator and is not shown as a row. */
  if (text_length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      (text[5] == '\n' || text[5] == '\r' || text_length == 5))
    {
      table->separator = text[4];
      start = text + 5;
      start += (start < end && *start == '\r') ? 1 : 0;
      start += (start < end && *start == '\n') ? 1 : 0;
    }
  else
    table->separator = detect_separator (start, end);

  /* A European spreadsheet writes "2,5" and so separates cells with ';'. */
  table->decimal_comma = table->separator == ';';

  reader.table = table;
  reader.cells = g_ptr_array_new ();
  reader.cell = g_string_new (NULL);
  reader.number = 1;
  reader.blank = TRUE;

  ok = read_cells (&reader, start, end, error);

  g_ptr_array_unref (reader.cells);
  g_string_free (reader.cell, TRUE);

  if (!ok)
    return NULL;
  return g_steal_pointer (&table);
}
