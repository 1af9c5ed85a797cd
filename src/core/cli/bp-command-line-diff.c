/* bp-command-line-diff.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "cli/bp-command-line-diff.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "compare/bp-compare-report.h"

/* diff(1)'s statuses. */
enum {
  DIFF_SAME = 0,
  DIFF_DIFFERENT = 1,
  DIFF_TROUBLE = 2,
};

static gboolean
parse_format (const char *format,
              gboolean   *json)
{
  if (format == NULL || strcmp (format, "text") == 0)
    *json = FALSE;
  else if (strcmp (format, "json") == 0)
    *json = TRUE;
  else
    {
      g_printerr (_("Invalid --diff-format “%s”: give text or json\n"), format);
      return FALSE;
    }

  return TRUE;
}

static void
print_summary (BpComparison *comparison,
               const char   *old_path,
               const char   *new_path)
{
  g_autofree char *old_name = g_filename_display_name (old_path);
  g_autofree char *new_name = g_filename_display_name (new_path);
  g_autofree char *text = bp_comparison_to_text (comparison);

  /* Translators: the first line of --diff's summary: OLD → NEW */
  g_print (_("%s → %s\n"), old_name, new_name);
  if (text[0] == '\0')
    g_print ("%s\n", _("The two blueprints are the same."));
  else
    g_print ("\n%s", text);
}

int
bp_command_line_diff (char       **files,
                      const char  *format)
{
  g_autoptr(BpDocument) old_document = NULL;
  g_autoptr(BpDocument) new_document = NULL;
  g_autoptr(BpComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = files ? g_strv_length (files) : 0;
  gboolean json = FALSE;

  if (n_files != 2)
    {
      g_printerr (_("--diff needs two blueprint files, OLD and NEW, not %u\n"), n_files);
      return DIFF_TROUBLE;
    }
  if (!parse_format (format, &json))
    return DIFF_TROUBLE;

  old_document = bp_bpj_load (files[0], &error);
  if (old_document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return DIFF_TROUBLE;
    }
  new_document = bp_bpj_load (files[1], &error);
  if (new_document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return DIFF_TROUBLE;
    }

  comparison = bp_compare (old_document, new_document);
  if (json)
    {
      g_autofree char *text = bp_comparison_to_json (comparison);

      g_print ("%s", text);
    }
  else
    print_summary (comparison, files[0], files[1]);

  return bp_comparison_is_same (comparison) ? DIFF_SAME : DIFF_DIFFERENT;
}

BpDocument *
bp_command_line_read_diff_against (const char      *old_path,
                                   const char      *export_path,
                                   BpExportOptions *options)
{
  g_autoptr(BpDocument) old_document = NULL;
  g_autoptr(GError) error = NULL;
  BpExportFormat format;

  g_return_val_if_fail (old_path != NULL && export_path != NULL && options != NULL, NULL);

  /* A sheet or a .bpj holds the blueprint, not a picture of it. */
  if (!bp_export_format_for_path (export_path, &format) || format == BP_EXPORT_FORMAT_BPJ)
    {
      g_printerr (_("--diff-against only applies to a PNG, PDF or SVG export\n"));
      return NULL;
    }

  old_document = bp_bpj_load (old_path, &error);
  if (old_document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  options->compare_with = old_document;
  return g_steal_pointer (&old_document);
}
