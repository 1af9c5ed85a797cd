/* test-print.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "bp-print-operation.h"
#include "export/bp-print-pages.h"
#include "editor-test-utils.h"

/* Printing through GtkPrintOperation's export action, to a PDF file that
 * poppler's tools read back. */

#define SAMPLE "loan-payment.bpj"

typedef struct {
  BpDocument *document;
  char       *folder;
  char       *pdf;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), SAMPLE, NULL);
  g_autoptr(GError) error = NULL;

  f->document = bp_bpj_load (path, &error);
  g_assert_no_error (error);
  f->folder = g_dir_make_tmp ("touchpoint-print-XXXXXX", &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->folder, "print.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  editor_test_remove_folder (f->folder);
  g_clear_object (&f->document);
  g_free (f->folder);
  g_free (f->pdf);
}

static void
export (BpPrintOperation *operation,
        const char       *pdf)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* What a program prints, or NULL (the test skipped) when it is not
 * installed. */
static char *
run_tool (const char * const *argv,
          gsize              *length)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *data;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils)", argv[0]);

      g_test_skip (message);
      return NULL;
    }

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  data = g_bytes_unref_to_data (g_steal_pointer (&out), length);
  return g_realloc (data, *length + 1);
}

typedef struct {
  int    pages;
  double width;
  double height;
} PdfInfo;

static gboolean
read_pdf_info (const char *pdf,
               PdfInfo    *info)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;
  const char *line;
  gsize length;

  /* A PDF file, whatever reads it. */
  g_assert_true (g_file_get_contents (pdf, &header, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (header, "%PDF-", 5) == 0);

  text = run_tool (argv, &length);
  if (text == NULL)
    return FALSE;
  text[length] = '\0';

  line = strstr (text, "Pages:");
  g_assert_nonnull (line);
  info->pages = atoi (line + strlen ("Pages:"));
  line = strstr (text, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &info->width, &info->height), ==, 2);
  return TRUE;
}

/* The share of a page's pixels that are not white, from a small
 * greyscale rendering. */
static double
ink_on_page (const char *pdf,
             int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftoppm", "-gray", "-r", "24", "-f", number, "-l", number, pdf, NULL };
  g_autofree char *pgm = NULL;
  int width, height, max, offset = 0;
  gsize length, inked = 0;

  pgm = run_tool (argv, &length);
  if (pgm == NULL)
    return -1;
  pgm[length] = '\0';

  g_assert_cmpint (sscanf (pgm, "P5 %d %d %d%n", &width, &height, &max, &offset), ==, 3);
  g_assert_cmpint (max, ==, 255);
  offset++;  /* the one whitespace after the header */
  g_assert_cmpuint (length, >=, offset + (gsize) width * height);

  for (int i = 0; i < width * height; i++)
    if ((guchar) pgm[offset + i] < 240)
      inked++;

  return (double) inked / (width * height);
}

static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BpPrintOperation) operation = bp_print_operation_new (f->document);
  PdfInfo info;
  double ink;

  g_assert_true (bp_print_operation_get_fit_to_page (operation));
  export (operation, f->pdf);

  if (!read_pdf_info (f->pdf, &info))
    return;
  g_assert_cmpint (info.pages, ==, 1);
  /* Landscape, and a real paper size. */
  g_assert_cmpfloat (info.width, >, info.height);
  g_assert_cmpfloat (info.height, >, 500);

  /* The blueprint is on the page: its lanes are tinted. */
  ink = ink_on_page (f->pdf, 1);
  if (ink >= 0)
    g_assert_cmpfloat (ink, >, 0.05);
}

static void
test_tiled (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BpPrintOperation) operation = bp_print_operation_new (f->document);
  g_autoptr(BpLayout) layout = bp_layout_new (f->document);
  GtkPageSetup *setup;
  BpPrintPages tiling;
  BpRect bounds;
  PdfInfo info;

  bp_print_operation_set_fit_to_page (operation, FALSE);
  bp_print_operation_set_minimum_scale (operation, 1.0);
  export (operation, f->pdf);

  /* As many pages as the tiling of the printable area says. */
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  bp_layout_get_bounds (layout, &bounds);
  bp_print_pages_init (&tiling, bounds.width, bounds.height,
                  gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                  gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS),
                  1.0, 18);
  g_assert_cmpuint (bp_print_pages_get_n_pages (&tiling), >, 1);

  if (!read_pdf_info (f->pdf, &info))
    return;
  g_assert_cmpint (info.pages, ==, bp_print_pages_get_n_pages (&tiling));
  g_assert_cmpfloat (info.width, >, info.height);

  /* The first page holds the title's corner, the last the far corner:
   * neither is blank. */
  for (int page = 1; page <= info.pages; page += info.pages - 1)
    {
      double ink = ink_on_page (f->pdf, page);

      if (ink >= 0)
        g_assert_cmpfloat (ink, >, 0.05);
    }
}

/* The pages show the document as it was when Print was chosen. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *title = g_strdup (bp_document_get_title (f->document));
  g_autoptr(BpPrintOperation) operation = bp_print_operation_new (f->document);
  g_autofree char *job_name = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", f->pdf, "-", NULL };
  gsize length;

  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, title);

  bp_document_set_title (f->document, "Renamed after printing began");
  export (operation, f->pdf);

  text = run_tool (argv, &length);
  if (text == NULL)
    return;
  text[length] = '\0';
  g_assert_nonnull (strstr (text, title));
  g_assert_null (strstr (text, "Renamed"));
}

static void
find_widgets (GtkWidget  *widget,
              GType       type,
              GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

/* The print dialog's Blueprint tab reaches the operation. */
static void
test_tab (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BpPrintOperation) operation = bp_print_operation_new (f->document);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *fitted = NULL;
  GtkLabel *pages_label;
  GObject *tab = NULL;

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);

  find_widgets (GTK_WIDGET (tab), GTK_TYPE_CHECK_BUTTON, checks);
  find_widgets (GTK_WIDGET (tab), GTK_TYPE_SPIN_BUTTON, spins);
  find_widgets (GTK_WIDGET (tab), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_cmpuint (spins->len, ==, 1);
  g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
  g_assert_false (gtk_widget_get_sensitive (spins->pdata[0]));

  /* The last label tells how many pages the choice takes. */
  pages_label = labels->pdata[labels->len - 1];
  fitted = g_strdup (gtk_label_get_text (pages_label));
  g_assert_true (g_str_has_prefix (fitted, "One page"));

  gtk_check_button_set_active (checks->pdata[1], TRUE);
  gtk_spin_button_set_value (spins->pdata[0], 150);
  g_assert_true (gtk_widget_get_sensitive (spins->pdata[0]));
  g_assert_cmpstr (gtk_label_get_text (pages_label), !=, fitted);
  g_assert_nonnull (strstr (gtk_label_get_text (pages_label), "pages"));

  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_false (bp_print_operation_get_fit_to_page (operation));
  g_assert_cmpfloat_with_epsilon (bp_print_operation_get_minimum_scale (operation), 1.5, 1e-9);

  g_object_unref (tab);
}

typedef struct {
  cairo_t *cr;
  int      n_pages;
  gboolean ended;
} Preview;

static void
on_preview_ready (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  Preview                  *p)
{
  g_object_get (preview, "n-pages", &p->n_pages, NULL);
  gtk_print_operation_preview_render_page (preview, 0);
  gtk_print_operation_preview_end_preview (preview);
  p->ended = TRUE;
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            Preview                  *p)
{
  gtk_print_context_set_cairo_context (context, p->cr, 72, 72);
  g_signal_connect (preview, "ready", G_CALLBACK (on_preview_ready), p);
  return TRUE;
}

/* Print preview draws through the same pages: render the first into an
 * image, as a previewer would, and find the blueprint on it. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BpPrintOperation) operation = bp_print_operation_new (f->document);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GtkPrintOperationResult result;
  Preview p = { 0 };
  guchar *pixels;
  int stride, inked = 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 595);
  p.cr = cairo_create (surface);
  cairo_set_source_rgb (p.cr, 1, 1, 1);
  cairo_paint (p.cr);

  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), &p);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (p.ended);
  g_assert_cmpint (p.n_pages, ==, 1);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 595; y += 5)
    for (int x = 0; x < 842; x += 5)
      if ((*(guint32 *) (pixels + y * stride + x * 4) & 0xffffff) != 0xffffff)
        inked++;
  g_assert_cmpint (inked, >, (842 / 5) * (595 / 5) / 5);

  cairo_destroy (p.cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/print/fit", Fixture, NULL, fixture_set_up, test_fit, fixture_tear_down);
  g_test_add ("/print/tiled", Fixture, NULL, fixture_set_up, test_tiled, fixture_tear_down);
  g_test_add ("/print/snapshot", Fixture, NULL, fixture_set_up, test_snapshot, fixture_tear_down);
  g_test_add ("/print/tab", Fixture, NULL, fixture_set_up, test_tab, fixture_tear_down);
  g_test_add ("/print/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);

  return g_test_run ();
}
