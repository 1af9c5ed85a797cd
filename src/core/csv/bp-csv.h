/* bp-csv.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/bp-document.h"

G_BEGIN_DECLS

/* Blueprints from spreadsheets: a "step sheet" is a CSV file with a header
 * row and one row per step (see the README for its columns). Rows are
 * numbered as a spreadsheet shows them, the header being row 1, and
 * columns lettered A, B, … AA, so that every message points at a cell. */

#define BP_CSV_ERROR (bp_csv_error_quark ())

typedef enum {
  BP_CSV_ERROR_SYNTAX,    /* not text, or a quote never closed */
  BP_CSV_ERROR_LIMIT,     /* too large, too many rows or columns, a long cell */
  BP_CSV_ERROR_INVALID,   /* a sheet that breaks a rule of the step sheet */
} BpCsvError;

/* Limits like the .bpj reader's: 64 MiB (BP_MAX_FILE_SIZE), a row per
 * item at most, cells as long as the format's strings. */
#define BP_CSV_MAX_ROWS        BP_MAX_ITEMS
#define BP_CSV_MAX_COLUMNS     1000
#define BP_CSV_MAX_CELL_BYTES  BP_MAX_STRING_BYTES

GQuark       bp_csv_error_quark  (void);

BpDocument  *bp_csv_import       (const char  *data,
                                  gsize        length,
                                  GPtrArray  **notices,
                                  GError     **error);
GPtrArray   *bp_csv_check        (const char  *data,
                                  gsize        length,
                                  guint        max_problems);
char        *bp_csv_export       (BpDocument  *document,
                                  gsize       *length);

gboolean     bp_csv_add_flows    (BpDocument  *document,
                                  const char  *data,
                                  gsize        length,
                                  GError     **error);
char        *bp_csv_export_flows (BpDocument  *document,
                                  gsize       *length);

gboolean     bp_csv_path_is_sheet (const char *path);
void         bp_csv_name_after_sheet (BpDocument *document,
                                      const char *path);

G_END_DECLS
