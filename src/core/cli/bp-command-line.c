/* bp-command-line.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "cli/bp-command-line.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "csv/bp-csv.h"
#include "cli/bp-command-line-diff.h"
#include "cli/bp-command-line-merge.h"
#include "export/bp-export.h"
#include "insights/bp-insights-report.h"

/* --check lists at most this many problems per file. */
#define MAX_PROBLEMS 100

#define MAX_EXPORT_SCALE 8.0

typedef struct {
  gboolean   check;
  gboolean   version;
  char      *export_path;
  char      *export_scale;
  char      *export_background;
  char      *export_page;
  char      *export_stages;
  gboolean   export_page_per_stage;
  char      *export_stages_per_slide;
  gboolean   export_legend;
  gboolean   export_insights;
  gboolean   export_no_legend;
  gboolean   diff;
  char      *diff_format;
  char      *diff_against;
  gboolean   report;
  char      *report_format;
  gboolean   merge;
  char      *merge_output;
  char     **files;
} Arguments;

static void
arguments_clear (Arguments *args)
{
  g_clear_pointer (&args->export_path, g_free);
  g_clear_pointer (&args->export_scale, g_free);
  g_clear_pointer (&args->export_background, g_free);
  g_clear_pointer (&args->export_page, g_free);
  g_clear_pointer (&args->export_stages, g_free);
  g_clear_pointer (&args->diff_format, g_free);
  g_clear_pointer (&args->diff_against, g_free);
  g_clear_pointer (&args->report_format, g_free);
  g_clear_pointer (&args->merge_output, g_free);
  g_clear_pointer (&args->export_stages_per_slide, g_free);
  g_clear_pointer (&args->files, g_strfreev);
}

/* Any option makes the command line ours: --check, --export, --version,
 * --help, and unknown ones, which must fail with a message rather than
 * open the editor. GApplication's own options (--gapplication-service, …)
 * belong to the editor; so do plain file names and a lone "-". */
static gboolean
wants_command_line (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--") == 0)
        break;
      if (arg[0] != '-' || arg[1] == '\0')
        continue;
      if (g_str_has_prefix (arg, "--gapplication-"))
        continue;
      /* The editor presents the files. */
      if (strcmp (arg, "--present") == 0)
        continue;

      return TRUE;
    }

  return FALSE;
}

static GOptionContext *
create_option_context (Arguments *args)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &args->check,
      N_("Check that each FILE is a valid blueprint and list every problem"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &args->export_path,
      N_("Export FILE (a blueprint or a .csv step sheet) to OUT, as PNG, PDF, SVG, .bpj or .csv after OUT’s extension"), N_("OUT") },
    { "export-scale", 0, 0, G_OPTION_ARG_STRING, &args->export_scale,
      N_("Pixels per canvas unit of a PNG export, above 0 and up to 8 (default: 1)"), N_("N") },
    { "export-background", 0, 0, G_OPTION_ARG_STRING, &args->export_background,
      N_("Background of a PNG export: white or transparent (default: white)"), N_("BACKGROUND") },
    { "export-page", 0, 0, G_OPTION_ARG_STRING, &args->export_page,
      N_("Page of a PDF export: fit (the blueprint’s size) or slide (16:9) (default: fit)"), N_("PAGE") },
    { "export-stages", 0, 0, G_OPTION_ARG_STRING, &args->export_stages,
      N_("Export only stages FIRST to LAST, counted from 1 (default: every stage)"), N_("FIRST-LAST") },
    { "export-page-per-stage", 0, 0, G_OPTION_ARG_NONE, &args->export_page_per_stage,
      N_("Give each stage a page of its own in a PDF export"), NULL },
    { "export-stages-per-slide", 0, 0, G_OPTION_ARG_STRING, &args->export_stages_per_slide,
      N_("Stages on each PDF slide: auto (as many as keep card text readable) or a number (default: auto)"),
      N_("auto|N") },
    { "export-legend", 0, 0, G_OPTION_ARG_NONE, &args->export_legend,
      N_("Draw the legend of the marks on cards in the title band (default: on PDF slides)"), NULL },
    { "export-no-legend", 0, 0, G_OPTION_ARG_NONE, &args->export_no_legend,
      N_("Leave the legend out, on PDF slides too"), NULL },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &args->diff,
      N_("Print what changed from the blueprint OLD to NEW; exit 0 when they are the same, 1 when they differ, 2 on trouble"), NULL },
    { "diff-format", 0, 0, G_OPTION_ARG_STRING, &args->diff_format,
      N_("Output of --diff: text or json (default: text)"), N_("FORMAT") },
    { "diff-against", 0, 0, G_OPTION_ARG_FILENAME, &args->diff_against,
      N_("Draw on a PNG, PDF or SVG export what changed since the blueprint OLD, with a legend"), N_("OLD") },
    { "export-insights", 0, 0, G_OPTION_ARG_NONE, &args->export_insights,
      N_("Draw each stage's time row and the badges of the checks, as the editor shows them"), NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &args->report,
      N_("Print what FILE says when its figures are added up: elapsed time, line crossings, "
         "each stage’s figures, and the checks"), NULL },
    { "report-format", 0, 0, G_OPTION_ARG_STRING, &args->report_format,
      N_("Format of the report: text or json (default: text)"), N_("FORMAT") },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &args->merge,
      N_("Merge the blueprints BASE OURS THEIRS by id and write the result over OURS, as git’s merge driver; "
         "exit 0 when nothing conflicts, 1 when conflicts are left in the file, 2 on trouble"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->merge_output,
      N_("Write the result of --merge to OUT instead of OURS"), N_("OUT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &args->version,
      N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->files,
      NULL, N_("[FILE…]") },
    { NULL }
  };
  GOptionContext *context;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Edit service blueprints. Without options, opens each FILE in the editor."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  touchpoint --check loan.bpj support.bpj\n"
                                      "  touchpoint --report --report-format=json loan.bpj\n"
                                      "  touchpoint --export=loan.pdf --export-page=slide loan.bpj\n"
                                      "  touchpoint --export=loan.pdf --export-page=slide --export-stages-per-slide=2 loan.bpj\n"
                                      "  touchpoint --export=loan.pdf --export-page=slide --export-page-per-stage loan.bpj\n"
                                      "  touchpoint --export=pay.png --export-stages=2-3 loan.bpj\n"
                                      "  touchpoint --export=loan.png --export-scale=2 loan.bpj\n"
                                      "  touchpoint --export=loan.bpj loan-steps.csv\n"
                                      "  touchpoint --export=loan.bpj loan-steps.csv loan-flows.csv\n"
                                      "  touchpoint --export=loan-steps.csv loan.bpj\n"
                                      "  touchpoint --diff loan.bpj loan-future.bpj\n"
                                      "  touchpoint --export=change.pdf --export-page=slide --diff-against=loan.bpj loan-future.bpj\n"
                                      "  touchpoint --merge base.bpj mine.bpj theirs.bpj -o merged.bpj"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_usage_hint (void)
{
  /* Translators: %s is the program's name. */
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
}

/* Reads @path whole, refusing what the format refuses before reading it. */
static char *
read_blueprint_bytes (const char  *path,
                      gsize       *length,
                      GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", display, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: is a folder, not a blueprint file"), display);
      return NULL;
    }

  /* A pipe or a device could block or never end. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: not a regular file"), display);
      return NULL;
    }

  if (st.st_size > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT,
                   _("%s: the file is larger than 64 MiB"), display);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, length, error))
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }

  /* The file may have grown since g_stat(). */
  if (*length > BP_MAX_FILE_SIZE)
    {
      g_set_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT,
                   _("%s: the file is larger than 64 MiB"), display);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

/* Prints each problem of a step sheet, by row and column. */
static gboolean
check_sheet (const char *display,
             const char *contents,
             gsize       length)
{
  g_autoptr(GPtrArray) problems = bp_csv_check (contents, length, MAX_PROBLEMS + 1);

  for (guint i = 0; i < MIN (problems->len, MAX_PROBLEMS); i++)
    g_printerr ("%s: %s\n", display, (const char *) g_ptr_array_index (problems, i));
  if (problems->len > MAX_PROBLEMS)
    g_printerr (_("%s: more problems not shown after the first %d\n"), display, MAX_PROBLEMS);
  return problems->len == 0;
}

/* A blueprint from a .bpj file or a step sheet (.csv, .tsv); what the
 * sheet's reader had to guess goes to standard error. */
static BpDocument *
load_blueprint (const char  *path,
                GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  BpDocument *document;
  gsize length = 0;

  if (!bp_csv_path_is_sheet (path))
    return bp_bpj_load (path, error);

  contents = read_blueprint_bytes (path, &length, error);
  if (contents == NULL)
    return NULL;
  display = g_filename_display_name (path);
  document = bp_csv_import (contents, length, &notices, error);
  if (document == NULL)
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }
  for (guint i = 0; i < notices->len; i++)
    g_printerr ("%s: %s\n", display, (const char *) g_ptr_array_index (notices, i));
  bp_csv_name_after_sheet (document, path);
  return document;
}

static gboolean
add_flow_sheet (BpDocument  *document,
                const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length = 0;

  contents = read_blueprint_bytes (path, &length, error);
  if (contents == NULL)
    return FALSE;
  if (!bp_csv_add_flows (document, contents, length, error))
    {
      g_prefix_error (error, "%s: ", display);
      return FALSE;
    }
  return TRUE;
}

/* Sheets are written with commas, so only a .csv name is a sheet to write. */
static gboolean
is_csv_output (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

/* Writes @document as a step sheet; the image options mean nothing here. */
static int
export_sheet (const Arguments *args,
              BpDocument      *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (args->export_scale || args->export_background || args->export_page ||
      args->export_stages || args->export_page_per_stage || args->export_legend ||
      args->export_no_legend)
    {
      g_printerr (_("A CSV export takes no --export-… options: it holds every stage\n"));
      return 1;
    }

  data = bp_csv_export (document, &length);
  if (!bp_bpj_save_text (data, length, args->export_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Prints each problem of one file; TRUE when there are none. */
static gboolean
check_file (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  contents = read_blueprint_bytes (path, &length, &error);
  if (contents == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  /* One more than we print, to know whether some were left out. */
  if (bp_csv_path_is_sheet (path))
    return check_sheet (display, contents, length);
  problems = bp_bpj_check (contents, length, MAX_PROBLEMS + 1);
  if (problems->len > 0)
    {
      for (guint i = 0; i < MIN (problems->len, MAX_PROBLEMS); i++)
        g_printerr ("%s: %s\n", display, (const char *) g_ptr_array_index (problems, i));
      if (problems->len > MAX_PROBLEMS)
        g_printerr (_("%s: more problems not shown after the first %d\n"),
                    display, MAX_PROBLEMS);
      return FALSE;
    }

  /* A file is valid when the editor can open it: read it as it would. */
  document = bp_bpj_read (contents, length, display, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  /* Valid, but a merge is not finished while it holds conflicts. */
  return bp_command_line_print_conflicts (document, display) == 0;
}

static int
run_check (const Arguments *args)
{
  int status = 0;

  if (args->files == NULL || args->files[0] == NULL)
    {
      g_printerr (_("--check needs at least one file\n"));
      print_usage_hint ();
      return 1;
    }

  for (guint i = 0; args->files[i] != NULL; i++)
    if (!check_file (args->files[i]))
      status = 1;

  return status;
}

static gboolean
parse_scale (const char *text,
             double     *scale)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || errno != 0 || !isfinite (value) ||
      value <= 0 || value > MAX_EXPORT_SCALE)
    {
      g_printerr (_("Invalid --export-scale “%s”: give a number above 0 and up to %g\n"),
                  text, MAX_EXPORT_SCALE);
      return FALSE;
    }

  *scale = value;
  return TRUE;
}

static gboolean
parse_background (const char *text,
                  gboolean   *transparent)
{
  if (text == NULL)
    return TRUE;

  if (strcmp (text, "white") == 0)
    *transparent = FALSE;
  else if (strcmp (text, "transparent") == 0)
    *transparent = TRUE;
  else
    {
      g_printerr (_("Invalid --export-background “%s”: give white or transparent\n"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_page (const char   *text,
            BpExportPage *page)
{
  if (text == NULL)
    return TRUE;

  if (strcmp (text, "fit") == 0)
    *page = BP_EXPORT_PAGE_FIT;
  else if (strcmp (text, "slide") == 0)
    *page = BP_EXPORT_PAGE_SLIDE;
  else
    {
      g_printerr (_("Invalid --export-page “%s”: give fit or slide\n"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_stage_number (const char *text,
                    int        *number)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;

  *number = (int) value;
  return TRUE;
}

/* "2-4", or "3" for one stage; numbered from 1 as people count them. */
static gboolean
parse_stages (const char *text,
              int        *first,
              int        *last)
{
  g_auto(GStrv) parts = NULL;
  int from, to;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "-", 2);
  if (parts[0] == NULL ||
      !parse_stage_number (parts[0], &from) ||
      !parse_stage_number (parts[1] != NULL ? parts[1] : parts[0], &to) ||
      to < from)
    {
      g_printerr (_("Invalid --export-stages “%s”: give FIRST-LAST, such as 2-4, "
                    "or one stage’s number, counting from 1\n"), text);
      return FALSE;
    }

  *first = from - 1;
  *last = to - 1;
  return TRUE;
}

/* "auto" or a number of stages, for PDF slides only; after the page. */
static gboolean
parse_stages_per_slide (const Arguments *args,
                        BpExportOptions *options)
{
  const char *text = args->export_stages_per_slide;
  guint64 value = 0;

  if (text == NULL)
    return TRUE;

  if (options->format != BP_EXPORT_FORMAT_PDF || options->page != BP_EXPORT_PAGE_SLIDE)
    {
      g_printerr (_("--export-stages-per-slide only applies to a PDF export with --export-page=slide\n"));
      return FALSE;
    }
  if (args->export_page_per_stage)
    {
      g_printerr (_("Give either --export-stages-per-slide or --export-page-per-stage\n"));
      return FALSE;
    }
  if (strcmp (text, "auto") != 0 &&
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    {
      g_printerr (_("Invalid --export-stages-per-slide “%s”: give auto or a number from 1\n"), text);
      return FALSE;
    }

  options->stages_per_slide = (guint) value;
  return TRUE;
}

static gboolean
parse_export_options (const Arguments *args,
                      BpExportOptions *options)
{
  g_autofree char *display = g_filename_display_name (args->export_path);

  bp_export_options_init (options);

  if (!bp_export_format_for_path (args->export_path, &options->format))
    {
      g_printerr (_("Cannot export to “%s”: name the file .png, .pdf, .svg or .bpj\n"),
                  display);
      return FALSE;
    }

  if (args->export_page_per_stage && options->format != BP_EXPORT_FORMAT_PDF)
    {
      g_printerr (_("--export-page-per-stage only applies to a PDF export\n"));
      return FALSE;
    }
  options->page_per_stage = args->export_page_per_stage;

  if (args->export_legend && args->export_no_legend)
    {
      g_printerr (_("Give either --export-legend or --export-no-legend\n"));
      return FALSE;
    }
  if (args->export_legend)
    options->legend = BP_EXPORT_LEGEND_ON;
  else if (args->export_no_legend)
    options->legend = BP_EXPORT_LEGEND_OFF;
  options->insights = args->export_insights;

  return parse_scale (args->export_scale, &options->scale) &&
         parse_background (args->export_background, &options->transparent) &&
         parse_page (args->export_page, &options->page) &&
         parse_stages (args->export_stages, &options->first_stage, &options->last_stage) &&
         parse_stages_per_slide (args, options);
}

static int
run_export (const Arguments *args)
{
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(BpDocument) old_document = NULL;
  g_autoptr(GError) error = NULL;
  BpExportOptions options;
  guint n_files = args->files ? g_strv_length (args->files) : 0;

  if (args->export_path[0] == '\0')
    {
      g_printerr (_("--export needs the name of the file to write\n"));
      return 1;
    }

  /* A step sheet may come with its flow sheet. */
  if (n_files == 2 && bp_csv_path_is_sheet (args->files[0]) && bp_csv_path_is_sheet (args->files[1]))
    n_files = 1;
  if (n_files != 1)
    {
      g_printerr (_("--export needs exactly one blueprint file to read, not %u\n"), n_files);
      print_usage_hint ();
      return 1;
    }

  if (!is_csv_output (args->export_path) && !parse_export_options (args, &options))
    return 1;
  if (args->diff_against != NULL &&
      !(old_document = bp_command_line_read_diff_against (args->diff_against, args->export_path, &options)))
    return 1;

  document = load_blueprint (args->files[0], &error);
  if (document == NULL || (args->files[1] != NULL && !add_flow_sheet (document, args->files[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (is_csv_output (args->export_path))
    return export_sheet (args, document);

  /* Its messages name the file and say why. */
  if (!bp_export_to_file (document, args->export_path, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* The report of one file: exit 0 whenever the file reads, whatever its
 * checks say, so that scripts tell a broken file from a blueprint with
 * work left to do. */
static int
run_report (const Arguments *args)
{
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(BpInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  guint n_files = args->files ? g_strv_length (args->files) : 0;
  gboolean json = FALSE;

  if (args->report_format != NULL)
    {
      if (strcmp (args->report_format, "json") == 0)
        json = TRUE;
      else if (strcmp (args->report_format, "text") != 0)
        {
          g_printerr (_("Invalid --report-format “%s”: give text or json\n"), args->report_format);
          return 1;
        }
    }

  if (n_files != 1)
    {
      g_printerr (_("--report needs exactly one blueprint file to read, not %u\n"), n_files);
      print_usage_hint ();
      return 1;
    }

  document = bp_bpj_load (args->files[0], &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (args->files[0]);
  insights = bp_insights_compute (document);
  text = json ? bp_insights_report_json (insights)
              : bp_insights_report_text (insights, document, display);
  g_print ("%s", text);
  return 0;
}

/* Options that mean nothing on their own. */
static gboolean
check_export_only_options (const Arguments *args)
{
  const struct { const char *value; const char *name; } dependent[] = {
    { args->export_scale, "--export-scale" },
    { args->export_background, "--export-background" },
    { args->export_page, "--export-page" },
    { args->export_stages, "--export-stages" },
    { args->export_page_per_stage ? "" : NULL, "--export-page-per-stage" },
    { args->export_stages_per_slide, "--export-stages-per-slide" },
    { args->export_legend ? "" : NULL, "--export-legend" },
    { args->export_no_legend ? "" : NULL, "--export-no-legend" },
    { args->diff_against, "--diff-against" },
    { args->export_insights ? "" : NULL, "--export-insights" },
  };

  if (args->export_path != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (dependent); i++)
    if (dependent[i].value != NULL)
      {
        /* Translators: %s is an option such as --export-scale. */
        g_printerr (_("%s only applies with --export\n"), dependent[i].name);
        return FALSE;
      }

  return TRUE;
}

/* --diff speaks diff(1)'s statuses: 2 for trouble, its command line's
 * included. */
static int
run_diff (const Arguments *args)
{
  if (args->check || args->export_path != NULL || args->report)
    {
      g_printerr (_("--diff cannot be used with --check, --export or --report\n"));
      return 2;
    }

  return bp_command_line_diff (args->files, args->diff_format);
}

static int
run_arguments (const Arguments *args)
{
  if (args->version)
    {
      g_print ("touchpoint %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (args->check && args->export_path != NULL)
    {
      g_printerr (_("--check and --export cannot be used together\n"));
      return 1;
    }

  if (args->merge)
    {
      if (args->check || args->export_path != NULL || args->report || args->diff)
        {
          g_printerr (_("--merge cannot be used with --check, --export, --report or --diff\n"));
          return 2;
        }
      return bp_command_line_merge (args->files, args->merge_output);
    }
  if (args->merge_output != NULL)
    {
      g_printerr (_("-o only applies with --merge\n"));
      return 1;
    }

  if (args->diff)
    return run_diff (args);
  if (args->diff_format != NULL)
    {
      g_printerr (_("--diff-format only applies with --diff\n"));
      return 1;
    }

  if ((args->check || args->export_path != NULL) && args->report)
    {
      g_printerr (_("--report cannot be used with --check or --export\n"));
      return 1;
    }

  if (args->report_format != NULL && !args->report)
    {
      g_printerr (_("%s only applies with --report\n"), "--report-format");
      return 1;
    }

  if (!check_export_only_options (args))
    return 1;

  if (args->report)
    return run_report (args);

  if (args->check)
    return run_check (args);

  if (args->export_path != NULL)
    return run_export (args);

  /* Only reached when every option was consumed but none asks for work,
   * which wants_command_line() rules out; be safe anyway. */
  print_usage_hint ();
  return 1;
}

gboolean
bp_command_line_run (int    argc,
                     char **argv,
                     int   *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args_copy = NULL;
  Arguments args = { 0 };

  g_return_val_if_fail (exit_status != NULL, FALSE);

  if (!wants_command_line (argc, argv))
    return FALSE;

  /* Parse a copy: the editor's argv stays untouched, and parse_strv()
   * frees what it removes. --help prints and exits here. */
  args_copy = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args_copy[i] = g_strdup (argv[i]);

  context = create_option_context (&args);
  if (!g_option_context_parse_strv (context, &args_copy, &error))
    {
      g_printerr ("%s\n", error->message);
      print_usage_hint ();
      arguments_clear (&args);
      *exit_status = 1;
      return TRUE;
    }

  *exit_status = run_arguments (&args);
  arguments_clear (&args);

  return TRUE;
}
