/* bp-csv-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csv/bp-csv.h"

G_BEGIN_DECLS

/* One non-blank row of a sheet. */
typedef struct {
  guint   number;      /* as a spreadsheet shows it: the first row is 1 */
  guint   n_cells;
  char  **cells;       /* UTF-8, n_cells of them, NULL-terminated; the
                        * strings belong to the table's chunk */
} BpCsvRow;

/* A sheet read into cells, before any meaning is given to them. */
typedef struct {
  char        separator;     /* ',', ';' or '\t' */
  gboolean    decimal_comma; /* numbers may be written "2,5" */
  GPtrArray  *rows;          /* of BpCsvRow, blank rows left out */
  GPtrArray  *notices;       /* of char *: what the reader had to guess */
  GStringChunk *chunk;       /* every cell's text: freed at once */
} BpCsvTable;

BpCsvTable  *bp_csv_table_read   (const char  *data,
                                  gsize        length,
                                  GError     **error);
void         bp_csv_table_free   (BpCsvTable  *table);

char        *bp_csv_column_name  (guint        column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpCsvTable, bp_csv_table_free)

/* A cell as the writer quotes it (bp-csv-write.c). */
void         bp_csv_append_cell  (GString     *out,
                                  const char  *text,
                                  gboolean     first);

/* Values of cells (bp-csv-values.c). */
char        *bp_csv_fold         (const char  *text);
gboolean     bp_csv_parse_zone   (const char  *text,
                                  BpLaneKind  *kind);
gboolean     bp_csv_parse_duration (const char *text,
                                    gboolean    decimal_comma,
                                    gboolean    minutes,
                                    double     *seconds);
char        *bp_csv_format_duration (double    seconds);
gboolean     bp_csv_parse_flag   (const char  *text,
                                  BpStepFlags *flag);
gboolean     bp_csv_parse_yes_no (const char  *text,
                                  gboolean    *yes);

G_END_DECLS
