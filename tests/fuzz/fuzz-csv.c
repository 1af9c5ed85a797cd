/* fuzz-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One input of the step sheet fuzzer, with the .bpj fuzzer's rule:
 * whatever the reader is given, it either refuses it with an error that
 * says where, or reads a document that the .bpj rules find nothing wrong
 * with; and the sheet it writes reads back to the same sheet. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "csv/bp-csv.h"

/* libFuzzer's entry points, declared by no header. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Importing and checking agree, and a refusal says where. */
static BpDocument *
import_and_check (const char *data,
                  gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  BpDocument *document;

  document = bp_csv_import (data, length, &notices, &error);
  problems = bp_csv_check (data, length, 8);

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BP_CSV_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "Row ") ||
                     g_str_has_prefix (error->message, "The sheet"));
      g_assert_null (notices);
      g_assert_cmpuint (problems->len, >, 0);
    }
  else
    {
      g_assert_null (error);
      g_assert_nonnull (notices);
      g_assert_cmpuint (problems->len, ==, 0);
    }
  return document;
}

/* What the import gives is a blueprint the .bpj rules accept. */
static void
check_clean (BpDocument *document)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = bp_bpj_write (document, &length);
  problems = bp_bpj_check (text, length, 8);
  if (problems->len > 0)
    g_error ("the imported blueprint breaks a rule: %s\n%s",
             (const char *) g_ptr_array_index (problems, 0), text);
  again = bp_bpj_read (text, length, "imported.bpj", &error);
  g_assert_no_error (error);
}

/* The exported sheet reads back, and writes the same sheet again. */
static void
check_round_trip (BpDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *sheet = NULL, *sheet_again = NULL;
  gsize length, length_again;

  sheet = bp_csv_export (document, &length);
  again = bp_csv_import (sheet, length, NULL, &error);
  if (again == NULL)
    g_error ("the exported sheet is refused: %s\n%s", error->message, sheet);
  sheet_again = bp_csv_export (again, &length_again);
  g_assert_cmpmem (sheet, length, sheet_again, length_again);
}

/* A warning or a critical is a bug like a crash. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BpDocument) document = import_and_check ((const char *) data, size);

  if (document != NULL)
    {
      check_clean (document);
      check_round_trip (document);
    }
  return 0;
}
