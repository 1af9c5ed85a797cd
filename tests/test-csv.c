/* test-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "csv/bp-csv-private.h"
#include "history/bp-history.h"

/* The fuzzer's checks (fuzz/fuzz-csv.c), for the mutations below. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Helpers */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static BpDocument *
import_text (const char *text,
             GPtrArray **notices)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_csv_import (text, strlen (text), notices, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The error of a sheet that must be refused. */
static char *
refuse_text (const char *text,
             gsize       length,
             int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  BpDocument *document = bp_csv_import (text, length, &notices, &error);

  g_assert_null (document);
  g_assert_null (notices);
  g_assert_error (error, BP_CSV_ERROR, code);
  return g_strdup (error->message);
}

static void
assert_refused (const char *text,
                int         code,
                const char *expected)
{
  g_autofree char *message = refuse_text (text, strlen (text), code);

  if (strstr (message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, message);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* What a step sheet holds of a document, one line per item: stages and
 * lanes in order, steps by stage, lane and x, flows as a set of pairs. */
static char *
summary (BpDocument *document)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < bp_document_get_n_stages (document); i++)
    {
      BpStage *stage = bp_document_get_stage (document, i);

      g_string_append_printf (out, "stage %s “%s”\n", bp_item_get_id (BP_ITEM (stage)),
                              or_empty (bp_stage_get_name (stage)));
    }
  for (guint i = 0; i < bp_document_get_n_lanes (document); i++)
    {
      BpLane *lane = bp_document_get_lane (document, i);

      g_string_append_printf (out, "lane %s %s “%s”\n", bp_item_get_id (BP_ITEM (lane)),
                              bp_lane_kind_to_string (bp_lane_get_kind (lane)),
                              bp_lane_get_display_name (lane));
    }
  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      int stage = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_stage (step)));
      int lane = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_lane (step)));

      g_ptr_array_add (steps, g_strdup_printf ("step %05d %05d %012.3f %05u %s in %s/%s “%s” actor “%s” "
                                               "duration %.17g tolerance %.17g notes “%s” flags %x\n",
                                               stage, lane, bp_step_get_x (step), i,
                                               bp_item_get_id (BP_ITEM (step)),
                                               bp_step_get_stage (step), bp_step_get_lane (step),
                                               bp_step_get_text (step), or_empty (bp_step_get_actor (step)),
                                               bp_step_get_duration (step),
                                               bp_step_get_tolerance (step),
                                               or_empty (bp_step_get_notes (step)),
                                               bp_step_get_flags (step)));
    }
  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);

      g_ptr_array_add (flows, g_strdup_printf ("flow %s > %s\n", bp_flow_get_from (flow),
                                               bp_flow_get_to (flow)));
    }
  g_ptr_array_sort (steps, compare_lines);
  g_ptr_array_sort (flows, compare_lines);
  for (guint i = 0; i < steps->len; i++)
    {
      /* Drop the sort key ("step SSSSS LLLLL X POS "), keep the rest. */
      const char *line = g_ptr_array_index (steps, i);
      const char *rest = line;

      for (int field = 0; field < 5; field++)
        rest = strchr (rest, ' ') + 1;
      g_string_append_printf (out, "step %s", rest);
    }
  for (guint i = 0; i < flows->len; i++)
    g_string_append (out, g_ptr_array_index (flows, i));
  return g_string_free (out, FALSE);
}

static BpDocument *
round_trip (BpDocument *document)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *sheet = bp_csv_export (document, &length);
  BpDocument *back = bp_csv_import (sheet, length, NULL, &error);

  if (back == NULL)
    g_error ("%s\n%s", error->message, sheet);
  return back;
}

/* The reader */

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 0, "A" }, { 2, "C" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 52, "BA" },
    { 701, "ZZ" }, { 702, "AAA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = bp_csv_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static BpCsvTable *
read_table (const char *text,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  BpCsvTable *table = bp_csv_table_read (text, length ? length : strlen (text), &error);

  g_assert_no_error (error);
  return table;
}

static char *
table_text (BpCsvTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      BpCsvRow *row = g_ptr_array_index (table->rows, r);

      g_string_append_printf (out, "%u:", row->number);
      for (guint c = 0; c < row->n_cells; c++)
        g_string_append_printf (out, "[%s]", row->cells[c]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Every spelling of one sheet gives the same cells and row numbers. */
static void
test_dialects (void)
{
  /* UTF-16 little-endian with its mark, as Excel's "Unicode text". */
  static const char utf16[] =
    "\xFF\xFEs\0t\0a\0g\0e\0\t\0t\0e\0x\0t\0\n\0P\0a\0y\0\t\0\"\0S\0a\0y\0s\0 \0\"\0\"\0h\0i\0\"\0"
      "\"\0,\0 \0t\0w\0i\0c\0e\0\n\0t\0h\0e\0n\0 \0w\0a\0i\0t\0s\0\"\0\n\0\n\0P\0a\0y\0\t\0x\0\n\0";
  static const char expected[] =
    "1:[stage][text]\n"
    "2:[Pay][Says \"hi\", twice\nthen waits]\n"
    "4:[Pay][x]\n";
  const struct { const char *text; gsize length; char separator; } cases[] = {
    { "stage,text\n\"Pay\",\"Says \"\"hi\"\", twice\nthen waits\"\n\nPay,x\n", 0, ',' },
    { "stage,text\r\nPay,\"Says \"\"hi\"\", twice\nthen waits\"\r\n\r\nPay,x", 0, ',' },
    { "stage,text\rPay,\"Says \"\"hi\"\", twice\nthen waits\"\r,\rPay,x\r", 0, ',' },
    { "\xEF\xBB\xBFstage;text\r\nPay;\"Says \"\"hi\"\", twice\nthen waits\"\r\n;\r\nPay;x\r\n", 0, ';' },
    { "stage\ttext\nPay\t\"Says \"\"hi\"\", twice\nthen waits\"\n\t\nPay\tx\n", 0, '\t' },
    { "sep=;\nstage;text\nPay;\"Says \"\"hi\"\", twice\nthen waits\"\n\nPay;x\n", 0, ';' },
    { utf16, sizeof utf16 - 1, '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autoptr(BpCsvTable) table = read_table (cases[i].text, length);
      g_autofree char *text = table_text (table);

      g_test_message ("case %u", i);
      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpint (table->separator, ==, cases[i].separator);
      g_assert_cmpint (table->decimal_comma, ==, cases[i].separator == ';');
    }
}

static void
test_windows_1252 (void)
{
  g_autoptr(BpCsvTable) table = read_table ("stage,text\n\x80 Caf\xe9,\x93quoted\x94 \x96 done\n", 0);
  g_autofree char *text = table_text (table);

  g_assert_cmpstr (text, ==, "1:[stage][text]\n2:[€ Café][“quoted” – done]\n");
  g_assert_cmpuint (table->notices->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (table->notices, 0), "Windows-1252"));
}

/* Cells a spreadsheet would run as formulas lose their guarding apostrophe. */
static void
test_apostrophe (void)
{
  g_autoptr(BpCsvTable) table = read_table ("a,b,c,d,e\n'=1+2,'-x,'+,'@me,'plain\n", 0);
  g_autofree char *text = table_text (table);

  g_assert_cmpstr (text, ==, "1:[a][b][c][d][e]\n2:[=1+2][-x][+][@me]['plain]\n");
}

static void
test_read_errors (void)
{
  const struct { const char *text; gsize length; int code; const char *message; } cases[] = {
    { "stage,text\nPay,\"open\n\nstill open", 0, BP_CSV_ERROR_SYNTAX,
      "Row 2, column B: a quoted cell is never closed" },
    { "stage,text\nPay,x\n\nPay,\"y", 0, BP_CSV_ERROR_SYNTAX,
      "Row 4, column B: a quoted cell is never closed" },
    { "\xEF\xBB\xBFstage,text\nPay,x\nPay,\xff\n", 0, BP_CSV_ERROR_SYNTAX,
      "Row 3: the sheet says it is UTF-8 but is not" },
    { "stage,text\nPay,x\0y\n", 19, BP_CSV_ERROR_SYNTAX, "Row 2: the sheet holds a NUL byte" },
    { "\xFF\xFEs\0t\0\0\xD8", 8, BP_CSV_ERROR_SYNTAX, "UTF-16 but is not" },
    { "", 0, BP_CSV_ERROR_INVALID, "The sheet is empty" },
    { "\n\n,,\n", 0, BP_CSV_ERROR_INVALID, "The sheet is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autofree char *message = refuse_text (cases[i].text, length, cases[i].code);

      if (strstr (message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, message);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) sheet = g_string_new ("stage,text\nPay,");
  g_autofree char *message = NULL;
  g_autofree char *big = NULL;

  /* A cell one byte too long, on row 2, column B. */
  g_string_append_c (sheet, '"');
  for (guint i = 0; i <= BP_CSV_MAX_CELL_BYTES; i++)
    g_string_append_c (sheet, 'x');
  g_string_append (sheet, "\"\n");
  message = refuse_text (sheet->str, sheet->len, BP_CSV_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "Row 2, column B: the cell is longer than 100000 bytes");
  g_clear_pointer (&message, g_free);

  /* A row of one column too many. */
  g_string_assign (sheet, "stage,text\n\nPay");
  for (guint i = 1; i <= BP_CSV_MAX_COLUMNS; i++)
    g_string_append (sheet, ",x");
  message = refuse_text (sheet->str, sheet->len, BP_CSV_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "Row 3: the row has more than 1000 columns");
  g_clear_pointer (&message, g_free);

  /* A row too many, blank rows not counting. */
  g_string_assign (sheet, "stage,lane,text\n\n");
  for (guint i = 0; i <= BP_CSV_MAX_ROWS; i++)
    g_string_append (sheet, "P,customer,x\n");
  message = refuse_text (sheet->str, sheet->len, BP_CSV_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "Row 100003: the sheet has more than 100000 rows");
  g_clear_pointer (&message, g_free);

  /* The same sheet a row shorter is read. */
  g_string_truncate (sheet, sheet->len - strlen ("P,customer,x\n"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BpDocument) document = bp_csv_import (sheet->str, sheet->len, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bp_document_get_n_steps (document), ==, BP_CSV_MAX_ROWS);
  }

  big = g_malloc0 (BP_MAX_FILE_SIZE + 1);
  message = refuse_text (big, BP_MAX_FILE_SIZE + 1, BP_CSV_ERROR_LIMIT);
  g_assert_cmpstr (message, ==, "The sheet is larger than 64 MiB");
}

/* Values */

static void
test_durations (void)
{
  const struct { const char *text; gboolean comma; gboolean minutes; double seconds; } good[] = {
    { "", FALSE, FALSE, -1 },
    { "  ", FALSE, TRUE, -1 },
    { "90", FALSE, FALSE, 90 },
    { "90 s", FALSE, FALSE, 90 },
    { "5 min", FALSE, FALSE, 300 },
    { "1 h 30 min", FALSE, FALSE, 5400 },
    { "1h30m", FALSE, FALSE, 5400 },
    { "1.5e3", FALSE, FALSE, 1500 },
    { "2 d", FALSE, FALSE, 172800 },
    { "1:30", FALSE, FALSE, 90 },
    { "1:02:00", FALSE, FALSE, 3720 },
    { "0:00:01.5", FALSE, FALSE, 1.5 },
    { "2.5", FALSE, TRUE, 150 },
    { "2,5", TRUE, TRUE, 150 },
    { "1,5 h", TRUE, FALSE, 5400 },
    { "90", FALSE, TRUE, 5400 },
    { "5 min", FALSE, TRUE, 300 },
    { "1:30", FALSE, TRUE, 90 },
  };
  const struct { const char *text; gboolean comma; } bad[] = {
    { "2,5", FALSE }, { "soon", FALSE }, { "-5", FALSE }, { "5 parsecs", FALSE },
    { "1e", FALSE }, { "e9", FALSE }, { "inf", FALSE }, { "nan", FALSE }, { "0x10", FALSE }, { "1:", FALSE }, { ":30", FALSE },
    { "1:2:3:4", FALSE }, { "1:-3", FALSE }, { "1,5,5", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double seconds = -2;

      g_test_message ("“%s”", good[i].text);
      g_assert_true (bp_csv_parse_duration (good[i].text, good[i].comma, good[i].minutes, &seconds));
      g_assert_cmpfloat (seconds, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double seconds;

      g_test_message ("“%s”", bad[i].text);
      g_assert_false (bp_csv_parse_duration (bad[i].text, bad[i].comma, FALSE, &seconds));
    }
}

/* Every duration reads back from the way the export writes it. */
static void
test_duration_format (void)
{
  const struct { double seconds; const char *text; } cases[] = {
    { 0, "0 s" }, { 45, "45 s" }, { 90, "1 min 30 s" }, { 5400, "1 h 30 min" },
    { 90061, "1 d 1 h 1 min 1 s" }, { 0.25, "0.25 s" }, { 1e20, "1e+20 s" }, { 1e-7, "1e-07 s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bp_csv_format_duration (cases[i].seconds);
      double back = -1;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (bp_csv_parse_duration (text, FALSE, FALSE, &back));
      g_assert_cmpfloat (back, ==, cases[i].seconds);
    }
}

/* The corpus: sheets as spreadsheets save them, and what each gives */

static void
test_corpus_good (void)
{
  const struct { const char *sheet; const char *notice; } cases[] = {
    { "excel-semicolon.csv", "semicolons" },
    { "windows-1252.csv", "Windows-1252" },
    { "tab-separated.tsv", "tabs" },
    { "quoted-breaks.csv", "usual lane" },
    { "blueprint-signal.csv", "from their row" },
    /* The README's example. */
    { "readme-example.csv", "usual lane" },
    /* Stages across, lanes down, a merged header and a cell of two lines. */
    { "grid.csv", "read as a grid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = g_strndup (cases[i].sheet, strrchr (cases[i].sheet, '.') - cases[i].sheet);
      g_autofree char *expected_name = g_strconcat (base, ".bpj", NULL);
      g_autoptr(GPtrArray) notices = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(BpDocument) document = NULL;
      g_autofree char *sheet = NULL, *expected = NULL, *written = NULL;
      gsize length, written_length;
      gboolean noticed = FALSE;

      g_test_message ("%s", cases[i].sheet);
      sheet = read_data (cases[i].sheet, &length);
      expected = read_data (expected_name, NULL);
      document = bp_csv_import (sheet, length, &notices, &error);
      g_assert_no_error (error);

      /* The blueprint it must give, and one the .bpj reader takes. */
      written = bp_bpj_write (document, &written_length);
      g_assert_cmpstr (written, ==, expected);
      problems = bp_bpj_check (written, written_length, 10);
      g_assert_cmpuint (problems->len, ==, 0);

      for (guint n = 0; n < notices->len; n++)
        noticed = noticed || strstr (g_ptr_array_index (notices, n), cases[i].notice) != NULL;
      g_assert_true (noticed);

      /* Nothing refused means nothing for --check to list. */
      g_clear_pointer (&problems, g_ptr_array_unref);
      problems = bp_csv_check (sheet, length, 10);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
test_corpus_bad (void)
{
  const struct { const char *sheet; int code; const char *message; } cases[] = {
    { "unclosed-quote.csv", BP_CSV_ERROR_SYNTAX, "Row 3, column C: a quoted cell is never closed" },
    { "ragged-row.csv", BP_CSV_ERROR_INVALID,
      "Row 3: column D holds “too many” but the header has only 3 columns" },
    { "unknown-zone.csv", BP_CSV_ERROR_INVALID,
      "Row 4, column B (zone): unknown zone “frontstaje”: use evidence, customer, frontstage, backstage or support" },
    { "duplicate-id.csv", BP_CSV_ERROR_INVALID,
      "Row 4, column A (id): the id “s1” is already used on row 2" },
    { "next-nowhere.csv", BP_CSV_ERROR_INVALID, "Row 3, column E (next): no step has the id “s9”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *sheet = read_data (cases[i].sheet, &length);
      g_autofree char *message = refuse_text (sheet, length, cases[i].code);
      g_autoptr(GPtrArray) problems = bp_csv_check (sheet, length, 10);

      g_assert_cmpstr (message, ==, cases[i].message);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, cases[i].message);
    }
}

/* The step sheet */

static void
test_header_names (void)
{
  g_autoptr(BpDocument) document =
    import_text ("  STAGE ,Service_Layer,What-Happens,Responsible,Time in Minutes,Moment of Truth,NEXT,Id\n"
                 "Pay,Front Stage,Shows the bill,Website,1.5,X,,a\n"
                 "Pay,back-stage,Books it,Ledger,,no,,b\n", NULL);
  BpStep *step = bp_document_get_step (document, 0);

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 2);
  g_assert_cmpstr (bp_step_get_text (step), ==, "Shows the bill");
  g_assert_cmpstr (bp_step_get_actor (step), ==, "Website");
  g_assert_cmpfloat (bp_step_get_duration (step), ==, 90);
  g_assert_cmpuint (bp_step_get_flags (step), ==, BP_STEP_FLAG_MOMENT_OF_TRUTH);
  g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (document, 0)), ==, BP_LANE_KIND_FRONTSTAGE);
  g_assert_cmpint (bp_lane_get_kind (bp_document_get_lane (document, 1)), ==, BP_LANE_KIND_BACKSTAGE);
  g_assert_cmpuint (bp_step_get_flags (bp_document_get_step (document, 1)), ==, 0);
}

static void
test_header_problems (void)
{
  assert_refused ("stage,lane\nPay,customer\n", BP_CSV_ERROR_INVALID,
                  "Row 1: the header needs a “stage” column and a “text” column");
  assert_refused ("what happens,zone\nx,customer\n", BP_CSV_ERROR_INVALID,
                  "Row 1: the header needs a “stage” column");
  assert_refused ("stage,text,Step\nPay,x,y\n", BP_CSV_ERROR_INVALID,
                  "Row 1: columns B and C are both headed “text”; keep one");
  assert_refused ("stage,text,duration,minutes\nPay,x,,\n", BP_CSV_ERROR_INVALID,
                  "Row 1, column D (minutes): the sheet already has a duration column");
  assert_refused ("stage,text,lane\n", BP_CSV_ERROR_INVALID,
                  "Row 1: the sheet has a header but no steps under it");
}

/* Stages in order of first appearance, lanes in zone order and in order
 * of first appearance within a zone, cards left to right in row order. */
static void
test_order_and_places (void)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(BpDocument) document =
    import_text ("stage,zone,lane,text\n"
                 "Find,support,CRM,a\n"
                 "Pay,customer,,b\n"
                 "find,backstage,Staff,c\n"
                 "Pay,customer,Customer Actions,d\n"
                 "Leave,backstage,IT,e\n"
                 "Pay,backstage,staff,f\n"
                 "Pay,customer,,g\n", &notices);
  const char *names[] = { "Customer actions", "Staff", "IT", "CRM" };
  double xs[] = { 24, 24, 24, 216, 24, 24, 408 };

  g_assert_cmpuint (bp_document_get_n_stages (document), ==, 3);
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 0)), ==, "Find");
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 1)), ==, "Pay");
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 2)), ==, "Leave");

  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (bp_lane_get_display_name (bp_document_get_lane (document, i)), ==, names[i]);
  /* The standard lane keeps the zone's usual name, by not having its own. */
  g_assert_null (bp_lane_get_name (bp_document_get_lane (document, 0)));

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    g_assert_cmpfloat (bp_step_get_x (bp_document_get_step (document, i)), ==, xs[i]);
  /* The stage is wide enough for three cards side by side. */
  g_assert_cmpfloat (bp_stage_get_width (bp_document_get_stage (document, 1)), ==, 24 + 3 * 160 + 2 * 32 + 24);
  g_assert_cmpfloat (bp_stage_get_width (bp_document_get_stage (document, 0)), ==, BP_STAGE_DEFAULT_WIDTH);
}

static void
test_lane_names_a_zone (void)
{
  g_autoptr(BpDocument) document =
    import_text ("stage,lane,text\nPay,Physical evidence,a\nPay,onstage,b\nPay,Invisible,c\n"
                 "Pay,Support processes,d\nPay,customer,e\n", NULL);
  const BpLaneKind kinds[] = { BP_LANE_KIND_EVIDENCE, BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE,
                               BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT };

  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      BpLane *lane = bp_document_get_lane (document, i);

      g_assert_cmpint (bp_lane_get_kind (lane), ==, kinds[i]);
      g_assert_null (bp_lane_get_name (lane));
      g_assert_cmpstr (bp_item_get_id (BP_ITEM (lane)), ==, bp_lane_kind_to_string (kinds[i]));
    }
}

static void
test_zone_problems (void)
{
  assert_refused ("stage,lane,text\nPay,customer,a\nPay,Kitchen,b\n", BP_CSV_ERROR_INVALID,
                  "Row 3, column B (lane): “Kitchen” is not a zone, and the sheet has no zone column");
  assert_refused ("stage,zone,lane,text\nPay,,Kitchen,b\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column B (zone): no zone");
  assert_refused ("stage,text\nPay,b\n", BP_CSV_ERROR_INVALID,
                  "Row 2: no zone: add a zone column (evidence, customer, frontstage, backstage "
                  "or support), or a lane column naming one");
  assert_refused ("stage,text,zone\n,b,customer\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column A (stage): the step has no stage");
}

static void
test_ids (void)
{
  g_autoptr(BpDocument) document =
    import_text ("id,stage id,stage,lane id,lane,zone,text,next\n"
                 "a,p1,Pay,l1,Desk,frontstage,x,b;row-4\n"
                 "b,p2,Pay,l2,Desk,frontstage,y,\n"
                 ",p1,,l1,,,z,a\n", NULL);

  /* Ids name stages and lanes even when their names repeat or are left out. */
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, 2);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 1))), ==, "p2");
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_step (document, 2))), ==, "row-4");
  g_assert_cmpstr (bp_step_get_stage (bp_document_get_step (document, 2)), ==, "p1");
  g_assert_cmpstr (bp_step_get_lane (bp_document_get_step (document, 2)), ==, "l1");
  g_assert_cmpuint (bp_document_get_n_flows (document), ==, 3);
  g_assert_cmpstr (bp_flow_get_to (bp_document_get_flow (document, 1)), ==, "row-4");
  g_assert_cmpstr (bp_flow_get_from (bp_document_get_flow (document, 2)), ==, "row-4");
}

static void
test_id_problems (void)
{
  assert_refused ("id,stage,zone,text\nno spaces,Pay,customer,x\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column A (id): “no spaces” is not an id");
  assert_refused ("id,stage id,stage,zone,text\npay,pay,Pay,customer,x\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column A (id): the id “pay” is already used on row 2");
  assert_refused ("stage id,stage,zone,text\np,Pay,customer,x\np,Payment,customer,y\n", BP_CSV_ERROR_INVALID,
                  "Row 3, column B (stage): “p” is named “Pay” on row 2, not “Payment”");
  assert_refused ("lane id,stage,zone,text\nl,Pay,customer,x\nl,Pay,support,y\n", BP_CSV_ERROR_INVALID,
                  "Row 3, column C (zone): lane “l” is in the customer zone on row 2");
  assert_refused ("id,stage,zone,text,next\na,Pay,customer,x,a\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column E (next): a step cannot flow to itself");
}

/* Made-up ids never take one that a later row gives. */
static void
test_made_ids_avoid_given (void)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(BpDocument) document =
    import_text ("id,stage,zone,text\n,Pay,customer,x\nrow-2,Pay,customer,y\npay,Leave,customer,z\n", &notices);

  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_step (document, 0))), ==, "row-2-2");
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 0))), ==, "pay-2");
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 1))), ==, "leave");
}

static void
test_flags (void)
{
  g_autoptr(BpDocument) document =
    import_text ("stage;zone;text;flags;Fail_Point;wait point\n"
                 "Pay;customer;a;Pain-Point, OPPORTUNITY;;\n"
                 "Pay;customer;b;moment of truth;yes;0\n"
                 "Pay;customer;c;;true;x\n", NULL);

  g_assert_cmpuint (bp_step_get_flags (bp_document_get_step (document, 0)), ==,
                    BP_STEP_FLAG_PAIN_POINT | BP_STEP_FLAG_OPPORTUNITY);
  g_assert_cmpuint (bp_step_get_flags (bp_document_get_step (document, 1)), ==,
                    BP_STEP_FLAG_MOMENT_OF_TRUTH | BP_STEP_FLAG_FAIL_POINT);
  g_assert_cmpuint (bp_step_get_flags (bp_document_get_step (document, 2)), ==,
                    BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_WAIT_POINT);

  assert_refused ("stage,zone,text,flags\nPay,customer,a,pain point; sore point\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column D (flags): unknown flag “sore point”");
  assert_refused ("stage,zone,text,pain point\nPay,customer,a,maybe\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column D (pain point): “maybe” is not yes or no");
  assert_refused ("stage,zone,text,duration\nPay,customer,a,soon\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column D (duration): “soon” is not a duration");
}

/* Rows with a place but no step make empty stages and lanes. */
static void
test_place_rows (void)
{
  g_autoptr(BpDocument) document =
    import_text ("stage,zone,lane,text\n,evidence,,\nPay,customer,,a\nWait,,,\n", NULL);

  g_assert_cmpuint (bp_document_get_n_stages (document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 1);
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 1)), ==, "Wait");
}

static void
test_all_problems_listed (void)
{
  const char *sheet = "stage,zone,text,duration\nPay,custmer,a,\nPay,customer,b,soon\n,customer,c,\n";
  g_autoptr(GPtrArray) problems = bp_csv_check (sheet, strlen (sheet), 10);
  g_autoptr(GPtrArray) few = bp_csv_check (sheet, strlen (sheet), 2);

  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "Row 2, column B (zone)"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "Row 3, column D (duration)"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 2), "Row 4, column A (stage)"));
  g_assert_cmpuint (few->len, ==, 2);
  assert_refused (sheet, BP_CSV_ERROR_INVALID, "(and more problems");
}

static void
test_unknown_columns_noticed (void)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(BpDocument) document =
    import_text ("stage,zone,text,Priority,tolerance\nPay,customer,a,high,5 min\n", &notices);
  g_autofree char *all = NULL;

  g_ptr_array_add (notices, NULL);
  all = g_strjoinv ("\n", (char **) notices->pdata);
  g_assert_nonnull (strstr (all, "D “Priority”"));
  /* The tolerance column is a step sheet column, kept in the model. */
  g_assert_null (strstr (all, "“tolerance”"));
  g_assert_null (strstr (all, "Tolerance"));
  g_assert_cmpfloat (bp_step_get_tolerance (bp_document_get_step (document, 0)), ==, 300);
}

/* Tolerances read like durations, into the step; an empty cell is none. */
static void
test_tolerance_column (void)
{
  g_autoptr(BpDocument) document =
    import_text ("stage;zone;text;time in minutes;Tolerance\n"
                 "Pay;customer;a;2,5;1:30\n"
                 "Pay;customer;b;1;\n"
                 "Pay;customer;c;;2 h 5 min\n", NULL);
  BpStep *a = bp_document_get_step (document, 0);
  BpStep *b = bp_document_get_step (document, 1);
  BpStep *c = bp_document_get_step (document, 2);

  g_assert_cmpfloat (bp_step_get_duration (a), ==, 150);
  g_assert_cmpfloat (bp_step_get_tolerance (a), ==, 90);
  g_assert_false (bp_step_has_tolerance (b));
  g_assert_cmpfloat (bp_step_get_duration (b), ==, 60);
  g_assert_false (bp_step_has_duration (c));
  g_assert_cmpfloat (bp_step_get_tolerance (c), ==, 7500);

  assert_refused ("stage,zone,text,tolerance\nPay,customer,a,soon\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column D (tolerance)");
}

static void
test_grid_problems (void)
{
  assert_refused ("Lane,Pay\ncustomer,Pays\nKitchen,Cooks\n", BP_CSV_ERROR_INVALID,
                  "Row 3, column A: “Kitchen” is not a zone: name the row evidence, customer, "
                  "frontstage, backstage or support, or write a lane as “Kitchen (backstage)”");
  assert_refused ("Lane,,Pay\ncustomer,Waits,Pays\n", BP_CSV_ERROR_INVALID,
                  "Row 2, column B: the cell holds “Waits” but its column has no stage");
  assert_refused ("Lane\ncustomer\n", BP_CSV_ERROR_INVALID,
                  "Row 1: the first row names no stage");
  assert_refused ("Lane,Pay\ncustomer,\n", BP_CSV_ERROR_INVALID, "Row 1: the sheet has no steps");
}

/* A sheet with a stage column is a step sheet, whatever its first column. */
static void
test_grid_or_steps (void)
{
  g_autoptr(BpDocument) document = import_text ("zone,stage,text\ncustomer,Pay,Pays\n", NULL);

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 1);
  g_assert_cmpstr (bp_step_get_text (bp_document_get_step (document, 0)), ==, "Pays");
}

/* Writing, and round trips */

static void
test_formula_cells (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autoptr(BpDocument) back = NULL;
  const char *texts[] = { "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTabbed", "\rCR", "'quoted" };
  g_autofree char *sheet = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    bp_document_add_step (document, "customer", "use", 24 + i * 200, texts[i]);
  sheet = bp_csv_export (document, NULL);
  g_assert_nonnull (strstr (sheet, ",\"'=HYPERLINK(\"\"x\"\")\","));
  g_assert_nonnull (strstr (sheet, ",'+1,"));
  g_assert_nonnull (strstr (sheet, ",'@SUM(A1),"));
  g_assert_null (strstr (sheet, ",=HYPERLINK"));

  back = round_trip (document);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (bp_step_get_text (bp_document_get_step (back, i)), ==, texts[i]);
}

static void
test_export_shape (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autofree char *sheet = NULL;
  BpStep *step = bp_document_add_step (document, "front", NULL, 0, NULL);

  g_assert_null (step);
  step = bp_document_add_step (document, "frontstage", "orient", 24, "Shows, \"all\"\nof it");
  bp_step_set_duration (step, 5400);
  bp_step_set_flags (step, BP_STEP_FLAG_PAIN_POINT | BP_STEP_FLAG_WAIT_POINT);
  sheet = bp_csv_export (document, NULL);

  g_assert_true (g_str_has_prefix (sheet, "\xEF\xBB\xBFid,stage id,stage,lane id,lane,zone,text,actor,"
                                          "duration,notes,flags,next\r\n"));
  g_assert_nonnull (strstr (sheet, ",orient,Orient,frontstage,Frontstage actions,frontstage,"
                                   "\"Shows, \"\"all\"\"\nof it\",,1 h 30 min,,pain point; wait point,\r\n"));

  /* A step with a tolerance brings the column, after the duration. */
  bp_step_set_tolerance (step, 7200);
  g_clear_pointer (&sheet, g_free);
  sheet = bp_csv_export (document, NULL);
  g_assert_true (g_str_has_prefix (sheet, "\xEF\xBB\xBFid,stage id,stage,lane id,lane,zone,text,actor,"
                                          "duration,tolerance,notes,flags,next\r\n"));
  g_assert_nonnull (strstr (sheet, "of it\",,1 h 30 min,2 h,,pain point; wait point,\r\n"));
}

static void
check_round_trip (BpDocument *document)
{
  g_autoptr(BpDocument) back = round_trip (document);
  g_autofree char *before = summary (document);
  g_autofree char *after = summary (back);
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize length;

  g_assert_cmpstr (after, ==, before);

  written = bp_bpj_write (back, &length);
  problems = bp_bpj_check (written, length, 10);
  g_assert_cmpuint (problems->len, ==, 0);
}

static guint
count_tolerances (BpDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    n += bp_step_has_tolerance (bp_document_get_step (document, i));
  return n;
}

static void
test_round_trip_samples (void)
{
  const char *samples[] = { "loan-payment.bpj", "saas-onboarding.bpj", "it-support.bpj" };
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = dir ? g_build_filename (dir, samples[i], NULL)
                                  : g_test_build_filename (G_TEST_DIST, "..", "data", "samples", samples[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = bp_bpj_load (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (bp_document_get_n_steps (document), >, 20);
      /* The samples give some steps a tolerance: the summaries compare it. */
      g_assert_cmpuint (count_tolerances (document), >, 0);
      check_round_trip (document);
    }
}

static char *
flow_summary (BpDocument *document)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s > %s “%s” %s\n", bp_item_get_id (BP_ITEM (flow)),
                                               bp_flow_get_from (flow), bp_flow_get_to (flow),
                                               or_empty (bp_flow_get_label (flow)),
                                               bp_flow_kind_to_string (bp_flow_get_kind (flow))));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static guint
count_labels (BpDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    n += bp_flow_get_label (bp_document_get_flow (document, i)) != NULL;
  return n;
}

static guint
count_kind (BpDocument *document,
            BpFlowKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    n += bp_flow_get_kind (bp_document_get_flow (document, i)) == kind;
  return n;
}

/* Step sheet and flow sheet, read back; the arrows come back whole. */
static BpDocument *
check_flow_sheet_round_trip (BpDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) back = NULL;
  g_autofree char *steps = NULL, *flows = NULL, *before = NULL, *after = NULL;
  gsize steps_length, flows_length;

  steps = bp_csv_export (document, &steps_length);
  flows = bp_csv_export_flows (document, &flows_length);
  back = bp_csv_import (steps, steps_length, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bp_csv_add_flows (back, flows, flows_length, &error));
  g_assert_no_error (error);

  before = flow_summary (document);
  after = flow_summary (back);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (bp_history_get_modified (bp_document_get_history (back)));
  g_assert_false (bp_history_can_undo (bp_document_get_history (back)));
  return g_steal_pointer (&back);
}

/* With its flow sheet, a step sheet keeps the arrows' ids, labels and kinds. */
static void
test_flow_sheet_round_trip (void)
{
  const char *samples[] = { "loan-payment.bpj", "saas-onboarding.bpj", "it-support.bpj" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), samples[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = bp_bpj_load (path, &error);
      g_autoptr(BpDocument) back = NULL;

      g_assert_no_error (error);
      back = check_flow_sheet_round_trip (document);
      /* Each sample labels some of its arrows and has a recovery and a
       * rework arrow: labels and kinds were compared. */
      g_assert_true (count_labels (back) > 0);
      g_assert_cmpuint (count_kind (back, BP_FLOW_KIND_RECOVERY), >, 0);
      g_assert_cmpuint (count_kind (back, BP_FLOW_KIND_REWORK), >, 0);
    }
}

/* A flow sheet's `kind` gives the arrow its kind, ignoring case; an empty
 * cell leaves an arrow that `next` drew as it was. */
static void
test_flow_sheet_kinds (void)
{
  g_autoptr(BpDocument) document =
    import_text ("id,stage,zone,text,next\na,Pay,customer,x,\nb,Pay,customer,y,a\nc,Pay,customer,z,\n", NULL);
  const char *sheet = "from,to,Kind,label\n"
                      "b,a,,back\n"
                      "a,c,Re-work,\n"
                      "c,b,INFORMATION,\n"
                      "c,a,recovery,\n"
                      "a,b,,\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_text = NULL;

  g_assert_true (bp_csv_add_flows (document, sheet, strlen (sheet), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bp_document_get_n_flows (document), ==, 5);
  summary_text = flow_summary (document);
  g_assert_nonnull (strstr (summary_text, " b > a “back” sequence\n"));
  g_assert_nonnull (strstr (summary_text, " a > c “” rework\n"));
  g_assert_nonnull (strstr (summary_text, " c > b “” information\n"));
  g_assert_nonnull (strstr (summary_text, " c > a “” recovery\n"));
  g_assert_nonnull (strstr (summary_text, " a > b “” sequence\n"));
}

static void
test_flow_sheet_problems (void)
{
  const struct { const char *sheet; const char *message; } cases[] = {
    { "from,to,label\na,b,ok\na,zz,x\n", "Row 3, column B (to): no step has the id “zz”" },
    { "From,To\nb,b\n", "Row 2, column B (to): a step cannot flow to itself" },
    { "from,to,kind\na,b,detour\n", "Row 2, column C (kind): unknown kind “detour”" },
    { "from,to\na,b\n\na,b\n", "Row 4: the arrow from “a” to “b” is already on row 2" },
    { "id,from,to\na,b,a\n", "Row 2, column A (id): “a” is not an id of its own" },
    { "source,target\na,b\n", "Row 1: a flow sheet needs a “from” column and a “to” column" },
    { "from,to\n\"a,b\n", "Row 2, column A: a quoted cell is never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BpDocument) document = import_text ("id,stage,zone,text,next\na,Pay,customer,x,\nb,Pay,customer,y,a\n", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (bp_csv_add_flows (document, cases[i].sheet, strlen (cases[i].sheet), &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, error->message);
      /* Refused whole: the one arrow from `next` is all there is. */
      g_assert_cmpuint (bp_document_get_n_flows (document), ==, 1);
      g_assert_null (bp_flow_get_label (bp_document_get_flow (document, 0)));
    }
}

/* The sample sheet is the loan payment blueprint, kept in step with it. */
static void
test_sample_sheet (void)
{
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");
  g_autofree char *bpj = g_build_filename (dir, "loan-payment.bpj", NULL);
  g_autofree char *csv = g_build_filename (dir, "loan-payment.csv", NULL);
  g_autofree char *sheet = NULL, *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) blueprint = NULL, from_sheet = NULL;
  gsize length;

  g_assert_nonnull (dir);
  blueprint = bp_bpj_load (bpj, &error);
  g_assert_no_error (error);
  g_file_get_contents (csv, &sheet, &length, &error);
  g_assert_no_error (error);
  from_sheet = bp_csv_import (sheet, length, NULL, &error);
  g_assert_no_error (error);

  before = summary (blueprint);
  after = summary (from_sheet);
  g_assert_cmpstr (after, ==, before);
}

static char *
random_text (gboolean name)
{
  static const char *pieces[] = {
    "Pay", "the bill", ",", ";", "\"", "\n", "\r\n", "\t", "=", "-", "+", "@", "é", "日本", "’", " ",
    "sep=", "'", "x",
  };
  GString *out = g_string_new (NULL);
  guint n = g_test_rand_int_range (name ? 1 : 0, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (out, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  /* Names are trimmed when read (a sheet's cells often carry stray spaces),
   * and a leading apostrophe before a formula sign is the sheet's own. */
  if (name)
    {
      g_strstrip (out->str);
      g_string_set_size (out, strlen (out->str));
      if (out->len == 0)
        g_string_append (out, "x");
    }
  if (out->len >= 2 && out->str[0] == '\'' && strchr ("=+-@\t\r", out->str[1]))
    g_string_prepend (out, "x");
  return g_string_free (out, FALSE);
}

static BpDocument *
random_document (void)
{
  BpDocument *document = bp_document_new ();
  guint n_stages = g_test_rand_int_range (1, 5), n_lanes = g_test_rand_int_range (1, 7);
  guint n_steps = g_test_rand_int_range (0, 30);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *id = g_strdup_printf ("st%u", i);
      g_autofree char *name = random_text (TRUE);
      g_autoptr(BpStage) stage = bp_stage_new (id);

      /* Two stages may share a name; the ids tell them apart. */
      bp_stage_set_name (stage, g_test_rand_bit () ? name : "Same");
      bp_document_insert (document, BP_ITEM (stage), -1);
    }
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autofree char *name = random_text (TRUE);
      BpLane *lane = bp_document_add_lane (document, g_test_rand_int_range (0, BP_N_LANE_KINDS),
                                           g_test_rand_bit () ? name : NULL);

      g_assert_nonnull (lane);
    }
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *text = random_text (FALSE), *actor = random_text (FALSE), *notes = random_text (FALSE);
      BpLane *lane = bp_document_get_lane (document, g_test_rand_int_range (0, n_lanes));
      BpStage *stage = bp_document_get_stage (document, g_test_rand_int_range (0, n_stages));
      BpStep *step = bp_document_add_step (document, bp_item_get_id (BP_ITEM (lane)),
                                           bp_item_get_id (BP_ITEM (stage)),
                                           g_test_rand_int_range (0, 1000), text);

      bp_step_set_actor (step, *actor ? actor : NULL);
      bp_step_set_notes (step, *notes ? notes : NULL);
      if (g_test_rand_bit ())
        bp_step_set_duration (step, g_test_rand_bit () ? g_test_rand_int_range (0, 500000)
                                                      : g_test_rand_double_range (0, 1000));
      if (g_test_rand_bit ())
        bp_step_set_tolerance (step, g_test_rand_bit () ? g_test_rand_int_range (0, 500000)
                                                       : g_test_rand_double_range (0, 1000));
      bp_step_set_flags (step, g_test_rand_int_range (0, BP_STEP_FLAGS_ALL + 1));
    }
  for (guint i = 0; n_steps > 1 && i < n_steps; i++)
    {
      BpStep *from = bp_document_get_step (document, g_test_rand_int_range (0, n_steps));
      BpStep *to = bp_document_get_step (document, g_test_rand_int_range (0, n_steps));
      gboolean known = FALSE;

      for (guint f = 0; f < bp_document_get_n_flows (document); f++)
        {
          BpFlow *flow = bp_document_get_flow (document, f);

          known = known || (g_str_equal (bp_flow_get_from (flow), bp_item_get_id (BP_ITEM (from))) &&
                            g_str_equal (bp_flow_get_to (flow), bp_item_get_id (BP_ITEM (to))));
        }
      if (from != to && !known)
        {
          BpFlow *flow = bp_document_add_flow (document, bp_item_get_id (BP_ITEM (from)),
                                               bp_item_get_id (BP_ITEM (to)));

          bp_flow_set_kind (flow, g_test_rand_int_range (0, BP_N_FLOW_KINDS));
        }
    }
  return document;
}

static void
test_round_trip_random (void)
{
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(BpDocument) document = random_document ();
      g_autoptr(BpDocument) back = NULL;

      check_round_trip (document);
      back = check_flow_sheet_round_trip (document);
    }
}

/* The corpus sheets with bytes changed, added, dropped and lines doubled:
 * each is refused with a row, or read into a blueprint that checks clean
 * and round-trips (the fuzzer's rule, a few thousand times per run). */
static void
test_mutations (void)
{
  static const char *const sheets[] = {
    "excel-semicolon.csv", "windows-1252.csv", "tab-separated.tsv", "quoted-breaks.csv",
    "blueprint-signal.csv", "readme-example.csv", "duplicate-id.csv", "next-nowhere.csv", "grid.csv",
  };
  static const char bytes[] = ",;\t\"\n\r'=x -:\xff\xc3\x00";

  for (guint s = 0; s < G_N_ELEMENTS (sheets); s++)
    {
      gsize length;
      g_autofree char *sheet = read_data (sheets[s], &length);

      for (guint round = 0; round < 400; round++)
        {
          g_autoptr(GString) mutant = g_string_new_len (sheet, length);
          guint n = g_test_rand_int_range (1, 6);

          for (guint m = 0; m < n && mutant->len > 1; m++)
            {
              guint at = g_test_rand_int_range (0, mutant->len);
              char byte = bytes[g_test_rand_int_range (0, sizeof bytes - 1)];

              switch (g_test_rand_int_range (0, 4))
                {
                case 0:
                  mutant->str[at] = byte;
                  break;
                case 1:
                  g_string_insert_c (mutant, at, byte);
                  break;
                case 2:
                  g_string_erase (mutant, at, 1);
                  break;
                default:
                  /* A stretch copied elsewhere: rows and ids repeated. */
                  {
                    guint span = MIN ((guint) g_test_rand_int_range (1, 60), mutant->len - at);
                    g_autofree char *copy = g_memdup2 (mutant->str + at, span);

                    g_string_insert_len (mutant, g_test_rand_int_range (0, mutant->len), copy, span);
                  }
                  break;
                }
            }
          LLVMFuzzerTestOneInput ((const uint8_t *) mutant->str, mutant->len);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/column-names", test_column_names);
  g_test_add_func ("/csv/read/dialects", test_dialects);
  g_test_add_func ("/csv/read/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/read/apostrophe", test_apostrophe);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/read/limits", test_limits);
  g_test_add_func ("/csv/values/durations", test_durations);
  g_test_add_func ("/csv/values/duration-format", test_duration_format);
  g_test_add_func ("/csv/corpus/good", test_corpus_good);
  g_test_add_func ("/csv/corpus/bad", test_corpus_bad);
  g_test_add_func ("/csv/sheet/header-names", test_header_names);
  g_test_add_func ("/csv/sheet/header-problems", test_header_problems);
  g_test_add_func ("/csv/sheet/order-and-places", test_order_and_places);
  g_test_add_func ("/csv/sheet/lane-names-a-zone", test_lane_names_a_zone);
  g_test_add_func ("/csv/sheet/zone-problems", test_zone_problems);
  g_test_add_func ("/csv/sheet/ids", test_ids);
  g_test_add_func ("/csv/sheet/id-problems", test_id_problems);
  g_test_add_func ("/csv/sheet/made-ids-avoid-given", test_made_ids_avoid_given);
  g_test_add_func ("/csv/sheet/flags", test_flags);
  g_test_add_func ("/csv/sheet/place-rows", test_place_rows);
  g_test_add_func ("/csv/sheet/all-problems-listed", test_all_problems_listed);
  g_test_add_func ("/csv/sheet/unknown-columns-noticed", test_unknown_columns_noticed);
  g_test_add_func ("/csv/sheet/tolerance", test_tolerance_column);
  g_test_add_func ("/csv/grid/problems", test_grid_problems);
  g_test_add_func ("/csv/grid/or-steps", test_grid_or_steps);
  g_test_add_func ("/csv/write/formula-cells", test_formula_cells);
  g_test_add_func ("/csv/write/shape", test_export_shape);
  g_test_add_func ("/csv/round-trip/samples", test_round_trip_samples);
  g_test_add_func ("/csv/round-trip/random", test_round_trip_random);
  g_test_add_func ("/csv/round-trip/sample-sheet", test_sample_sheet);
  g_test_add_func ("/csv/flows/round-trip", test_flow_sheet_round_trip);
  g_test_add_func ("/csv/flows/problems", test_flow_sheet_problems);
  g_test_add_func ("/csv/flows/kinds", test_flow_sheet_kinds);
  g_test_add_func ("/csv/fuzz/mutations", test_mutations);

  return g_test_run ();
}
