/* test-export.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "export/bp-export.h"
#include "layout/bp-layout.h"
#include "pdf-test-utils.h"

typedef struct {
  BpDocument *document;
  char       *dir;
  BpRect      bounds;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpLayout) layout = NULL;
  BpLane *customer, *front;
  BpStage *stage;
  BpStep *a, *b;

  f->document = bp_document_new_standard ();
  bp_document_set_title (f->document, "Export check");
  bp_document_set_persona (f->document, "A tester");
  customer = bp_document_get_lane (f->document, 1);
  front = bp_document_get_lane (f->document, 2);
  stage = bp_document_get_stage (f->document, 1);
  a = bp_document_add_step (f->document, bp_item_get_id (BP_ITEM (customer)),
                            bp_item_get_id (BP_ITEM (stage)), 24, "Asks for help");
  b = bp_document_add_step (f->document, bp_item_get_id (BP_ITEM (front)),
                            bp_item_get_id (BP_ITEM (stage)), 24, "Answers");
  bp_step_set_flags (b, BP_STEP_FLAG_MOMENT_OF_TRUTH);
  bp_document_add_flow (f->document, bp_item_get_id (BP_ITEM (a)), bp_item_get_id (BP_ITEM (b)));

  layout = bp_layout_new (f->document);
  bp_layout_get_bounds (layout, &f->bounds);

  f->dir = g_dir_make_tmp ("touchpoint-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->document);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The folder's entries, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
export_ok (Fixture               *f,
           const char            *path,
           const BpExportOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_export_to_file (f->document, path, options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static guint32
png_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  guint32 v;

  memcpy (&v, cairo_image_surface_get_data (surface) +
          y * cairo_image_surface_get_stride (surface) + x * 4, sizeof v);
  return v;
}

static void
test_png_scales (Fixture       *f,
                 gconstpointer  data)
{
  for (int scale = 1; scale <= 3; scale++)
    {
      g_autofree char *name = g_strdup_printf ("at-%d.png", scale);
      g_autofree char *path = path_in (f, name);
      cairo_surface_t *png;
      BpExportOptions options;
      int width, height;

      bp_export_options_init (&options);
      options.scale = scale;
      export_ok (f, path, &options);

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (f->bounds.width * scale));
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (f->bounds.height * scale));

      bp_export_get_png_size (f->document, scale, &width, &height);
      g_assert_cmpint (width, ==, cairo_image_surface_get_width (png));
      g_assert_cmpint (height, ==, cairo_image_surface_get_height (png));
      cairo_surface_destroy (png);
    }
}

static void
test_png_background (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *white = path_in (f, "white.png");
  g_autofree char *clear = path_in (f, "clear.png");
  g_autofree char *dark = path_in (f, "dark.png");
  BpExportOptions options;
  cairo_surface_t *png;
  int corner_x;
  guint32 v;

  bp_export_options_init (&options);
  g_assert_false (options.transparent);
  g_assert_false (options.dark);
  export_ok (f, white, &options);
  options.transparent = TRUE;
  export_ok (f, clear, &options);
  options.transparent = FALSE;
  options.dark = TRUE;
  export_ok (f, dark, &options);

  /* The top right corner of the title band holds nothing. */
  png = cairo_image_surface_create_from_png (white);
  corner_x = cairo_image_surface_get_width (png) - 1;
  g_assert_cmphex (png_pixel (png, corner_x, 0), ==, 0xffffffff);
  cairo_surface_destroy (png);

  png = cairo_image_surface_create_from_png (clear);
  g_assert_cmphex (png_pixel (png, corner_x, 0) >> 24, ==, 0);
  /* The blueprint itself is still there: the lane bands are opaque. */
  g_assert_cmphex (png_pixel (png, corner_x, cairo_image_surface_get_height (png) - 4) >> 24, ==, 0xff);
  cairo_surface_destroy (png);

  png = cairo_image_surface_create_from_png (dark);
  v = png_pixel (png, corner_x, 0);
  g_assert_cmphex (v >> 24, ==, 0xff);
  g_assert_cmpint ((v >> 16) & 0xff, <, 0x40);
  g_assert_cmpint ((v >> 8) & 0xff, <, 0x40);
  g_assert_cmpint (v & 0xff, <, 0x40);
  cairo_surface_destroy (png);
}

/* pdfinfo's page count and size, in points. */
static gboolean
pdf_info (const char *path,
          int        *pages,
          double     *width,
          double     *height)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  *pages = atoi (line + strlen ("Pages:"));
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  return sscanf (line, "Page size: %lf x %lf pts", width, height) == 2;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *fit = path_in (f, "fit.pdf");
  g_autofree char *slide = path_in (f, "slide.pdf");
  g_autofree char *bytes = NULL;
  g_autofree char *pdfinfo = NULL;
  BpExportOptions options;
  double width, height;
  int pages;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  export_ok (f, fit, &options);
  options.page = BP_EXPORT_PAGE_SLIDE;
  /* Every stage on the one slide. */
  options.stages_per_slide = G_MAXUINT;
  export_ok (f, slide, &options);

  g_assert_true (g_file_get_contents (fit, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  pdfinfo = g_find_program_in_path ("pdfinfo");
  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  g_assert_true (pdf_info (fit, &pages, &width, &height));
  g_assert_cmpint (pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, f->bounds.width, 0.5);
  g_assert_cmpfloat_with_epsilon (height, f->bounds.height, 0.5);

  g_assert_true (pdf_info (slide, &pages, &width, &height));
  g_assert_cmpint (pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (width / height, 16.0 / 9.0, 0.01);
  /* Not the blueprint's own shape. */
  g_assert_cmpfloat (fabs (f->bounds.width / f->bounds.height - 16.0 / 9.0), >, 0.05);
}

static double
svg_length (const char *svg,
            const char *attribute)
{
  g_autofree char *pattern = g_strdup_printf ("<svg[^>]*\\s%s=\"([0-9.]+)(px|pt)?\"", attribute);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  g_assert_true (g_regex_match (regex, svg, 0, &match));
  number = g_match_info_fetch (match, 1);
  return g_ascii_strtod (number, NULL);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = path_in (f, "blueprint.svg");
  g_autofree char *svg = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  BpExportOptions options;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_SVG;
  export_ok (f, path, &options);

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (svg_length (svg, "width"), f->bounds.width, 0.5);
  g_assert_cmpfloat_with_epsilon (svg_length (svg, "height"), f->bounds.height, 0.5);

  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                                   NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_test_message ("xmllint is not installed: the SVG was not parsed as XML");
}

static void
test_bpj (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = path_in (f, "copy.BPJ");
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BpDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  BpExportOptions options;
  BpExportFormat format;
  gsize length;

  g_assert_true (bp_export_format_for_path (path, &format));
  g_assert_cmpint (format, ==, BP_EXPORT_FORMAT_BPJ);

  bp_export_options_init (&options);
  options.format = format;
  export_ok (f, path, &options);

  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  expected = bp_bpj_write (f->document, NULL);
  g_assert_cmpstr (written, ==, expected);

  copy = bp_bpj_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_document_get_title (copy), ==, "Export check");
  g_assert_cmpuint (bp_document_get_n_steps (copy), ==, 2);
}

static void
test_format_for_path (void)
{
  static const struct {
    const char *path;
    gboolean    known;
    BpExportFormat format;
  } cases[] = {
    { "a.png", TRUE, BP_EXPORT_FORMAT_PNG },
    { "dir.d/A.PNG", TRUE, BP_EXPORT_FORMAT_PNG },
    { "x.Pdf", TRUE, BP_EXPORT_FORMAT_PDF },
    { "/tmp/x.svg", TRUE, BP_EXPORT_FORMAT_SVG },
    { "x.bpj", TRUE, BP_EXPORT_FORMAT_BPJ },
    { "x.jpeg", FALSE, 0 },
    { "png", FALSE, 0 },
    { ".png", FALSE, 0 },
    { "x.png/", FALSE, 0 },
    { "x.png.txt", FALSE, 0 },
    { "x.", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BpExportFormat format = -1;

      g_assert_cmpint (bp_export_format_for_path (cases[i].path, &format), ==, cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (format, ==, cases[i].format);
    }
}

/* A failed export returns FALSE with a message naming the file, and
 * leaves the folder as it was. */
static void
assert_export_fails (Fixture               *f,
                     const char            *path,
                     const BpExportOptions *options,
                     const char            *cause)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = list_dir (f->dir);
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (bp_export_to_file (f->document, path, options, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  if (cause != NULL)
    g_assert_nonnull (strstr (error->message, cause));

  after = list_dir (f->dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *unknown = path_in (f, "blueprint.txt");
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "blueprint.png", NULL);
  g_autofree char *big = path_in (f, "big.png");
  g_autofree char *mismatch = path_in (f, "named.png");
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  static const char precious[] = "an older picture, not to be lost";
  BpExportOptions options;
  gsize length;

  bp_export_options_init (&options);
  assert_export_fails (f, unknown, &options, ".png");
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  assert_export_fails (f, nowhere, &options, "no-such-folder");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* Wider than cairo's 32,767 pixels: refused, and the older file stays. */
  g_assert_true (g_file_set_contents (big, precious, -1, NULL));
  options.scale = 40000 / f->bounds.width;
  assert_export_fails (f, big, &options, "32767");
  g_assert_true (g_file_get_contents (big, &kept, &length, NULL));
  g_assert_cmpstr (kept, ==, precious);

  options.scale = 0;
  assert_export_fails (f, big, &options, NULL);
  options.scale = NAN;
  assert_export_fails (f, big, &options, NULL);

  /* A PDF is not written under a .png name. */
  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  assert_export_fails (f, mismatch, &options, NULL);

  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (big, &kept, &length, NULL));
  g_assert_cmpstr (kept, ==, precious);

  /* Nothing but the older file: no temporary files either. */
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "big.png");
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = path_in (f, "blueprint.png");
  g_autofree char *listing = NULL;
  BpExportOptions options;
  cairo_surface_t *png;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  bp_export_options_init (&options);
  export_ok (f, path, &options);

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (png);

  /* The replaced file keeps its permissions. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "blueprint.png");
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *locked = path_in (f, "locked");
  g_autofree char *path = g_build_filename (locked, "blueprint.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  BpExportOptions options;
  gboolean ok;

  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_skip ("this user can write to read-only folders");
      return;
    }

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_SVG;
  ok = bp_export_to_file (f->document, path, &options, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "blueprint.svg"));

  listing = list_dir (locked);
  g_assert_cmpstr (listing, ==, "");
  g_chmod (locked, 0755);
}

/* A folder where the file should go: everything is written, the last
 * step fails, and the temporary file goes. */
static void
test_folder_in_the_way (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, "taken.png");
  g_autofree char *listing = NULL;
  BpExportOptions options;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  bp_export_options_init (&options);
  assert_export_fails (f, path, &options, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "taken.png");
}

/* Every format in turn into one folder: only the files asked for. */
static void
test_no_leftovers (Fixture       *f,
                   gconstpointer  data)
{
  static const char *names[] = { "a.png", "b.pdf", "c.svg", "d.bpj" };
  g_autofree char *listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = path_in (f, names[i]);
      BpExportOptions options;

      bp_export_options_init (&options);
      g_assert_true (bp_export_format_for_path (path, &options.format));
      export_ok (f, path, &options);
    }

  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "a.png b.pdf c.svg d.bpj");
}

static double
stage_width (Fixture *f,
             guint    position)
{
  g_autoptr(BpLayout) layout = bp_layout_new (f->document);
  BpRect rect;

  g_assert_true (bp_layout_get_stage_rect (layout, position, &rect));
  return rect.width;
}

static void
test_pdf_page_per_stage (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *slides = path_in (f, "slides.pdf");
  g_autofree char *fitted = path_in (f, "fitted.pdf");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(BpLayout) layout = bp_layout_new (f->document);
  guint n_stages = bp_document_get_n_stages (f->document);
  BpExportOptions options;

  g_assert_cmpuint (n_stages, >=, 3);

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  options.page = BP_EXPORT_PAGE_SLIDE;
  options.page_per_stage = TRUE;
  g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, n_stages);
  export_ok (f, slides, &options);

  sizes = pdf_test_page_sizes (slides);
  g_assert_cmpuint (sizes->len, ==, 2 * n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      double width = g_array_index (sizes, double, 2 * i);
      double height = g_array_index (sizes, double, 2 * i + 1);

      g_assert_cmpfloat_with_epsilon (width / height, 16.0 / 9.0, 0.01);
    }

  if (pdfinfo != NULL)
    {
      int pages;
      double width, height;

      pdf_info (slides, &pages, &width, &height);
      g_assert_cmpint (pages, ==, (int) n_stages);
    }

  /* Fitted pages: each is the lane header column and one stage wide. */
  options.page = BP_EXPORT_PAGE_FIT;
  export_ok (f, fitted, &options);
  g_clear_pointer (&sizes, g_array_unref);
  sizes = pdf_test_page_sizes (fitted);
  g_assert_cmpuint (sizes->len, ==, 2 * n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      double page_width, page_height;

      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i),
                                      BP_LAYOUT_HEADER_WIDTH + stage_width (f, i), 0.5);
      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i + 1),
                                      f->bounds.height, 0.5);
      g_assert_true (bp_export_get_page_size (layout, &options, i, &page_width, &page_height));
      g_assert_cmpfloat_with_epsilon (page_width, g_array_index (sizes, double, 2 * i), 0.5);
    }
  g_assert_false (bp_export_get_page_size (layout, &options, n_stages, NULL, NULL));
}

/* A range of stages is the lane header column and those columns only:
 * narrower than the whole, as tall, for PNG, SVG and PDF alike. */
static void
test_stage_range (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *png_path = path_in (f, "range.png");
  g_autofree char *svg_path = path_in (f, "range.svg");
  g_autofree char *pdf_path = path_in (f, "range.pdf");
  g_autofree char *svg = NULL;
  g_autoptr(GArray) sizes = NULL;
  double expected = BP_LAYOUT_HEADER_WIDTH + stage_width (f, 1) + stage_width (f, 2);
  BpExportOptions options;
  cairo_surface_t *png;
  guint32 header, stage;

  bp_export_options_init (&options);
  options.first_stage = 1;
  options.last_stage = 2;
  options.scale = 2;
  export_ok (f, png_path, &options);

  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), <, (int) (f->bounds.width * 2));
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (expected * 2));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (f->bounds.height * 2));
  /* The lane header column, then a stage: a header's grey, then a
   * lane's tint, in the bottom lane. */
  header = png_pixel (png, 40, cairo_image_surface_get_height (png) - 20);
  stage = png_pixel (png, (int) (BP_LAYOUT_HEADER_WIDTH * 2) + 40,
                     cairo_image_surface_get_height (png) - 20);
  g_assert_cmphex (header >> 24, ==, 0xff);
  g_assert_cmphex (header, !=, stage);
  cairo_surface_destroy (png);

  options.format = BP_EXPORT_FORMAT_SVG;
  export_ok (f, svg_path, &options);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (svg_length (svg, "width"), expected, 0.5);

  options.format = BP_EXPORT_FORMAT_PDF;
  export_ok (f, pdf_path, &options);
  sizes = pdf_test_page_sizes (pdf_path);
  g_assert_cmpuint (sizes->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 0), expected, 0.5);

  /* The last stage alone, by -1. */
  options.format = BP_EXPORT_FORMAT_PNG;
  options.scale = 1;
  options.first_stage = bp_document_get_n_stages (f->document) - 1;
  options.last_stage = -1;
  export_ok (f, png_path, &options);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==,
                   (int) ceil (BP_LAYOUT_HEADER_WIDTH + stage_width (f, options.first_stage)));
  cairo_surface_destroy (png);
}

static void
test_stage_range_invalid (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = path_in (f, "range.png");
  int n = bp_document_get_n_stages (f->document);
  const int ranges[][2] = { { -1, 0 }, { 2, 1 }, { 0, n }, { n, -1 } };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(BpLayout) layout = bp_layout_new (f->document);
      BpExportOptions options;

      bp_export_options_init (&options);
      options.first_stage = ranges[i][0];
      options.last_stage = ranges[i][1];
      g_assert_cmpuint (bp_export_get_n_pages (layout, &options), ==, 0);
      assert_export_fails (f, path, &options, "stages");
    }
}

/* A fitted page stays within the 14,400 points PDF viewers accept. */
static void
test_pdf_page_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (f, "wide.pdf");
  g_autoptr(GArray) sizes = NULL;
  BpExportOptions options;
  double width, height;

  for (guint i = 0; i < bp_document_get_n_stages (f->document); i++)
    bp_stage_set_width (bp_document_get_stage (f->document, i), 20000);

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  export_ok (f, path, &options);
  sizes = pdf_test_page_sizes (path);
  width = g_array_index (sizes, double, 0);
  height = g_array_index (sizes, double, 1);
  g_assert_cmpfloat (width, <=, 14400);
  g_assert_cmpfloat (width, >, 14000);
  /* Scaled down, not cut: the blueprint's proportions. */
  g_assert_cmpfloat_with_epsilon (width / height,
                                  (BP_LAYOUT_HEADER_WIDTH + 20000.0 * bp_document_get_n_stages (f->document)) /
                                  f->bounds.height, 0.05);
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  guint         calls;
  gboolean      increasing;
  guint         cancel_at;
} ProgressLog;

static void
log_progress (double   fraction,
              gpointer user_data)
{
  ProgressLog *log = user_data;

  if (fraction < log->last)
    log->increasing = FALSE;
  log->last = fraction;
  log->calls++;
  if (log->calls == log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "progress.pdf");
  g_autoptr(GError) error = NULL;
  ProgressLog log = { .increasing = TRUE };
  BpExportOptions options;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  options.page_per_stage = TRUE;
  g_assert_true (bp_export_to_file_full (f->document, path, &options, log_progress, &log,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (log.increasing);
  g_assert_cmpuint (log.calls, >, bp_document_get_n_stages (f->document));
  g_assert_cmpfloat (log.last, ==, 1.0);
}

/* Cancelled before it starts, after its first page, or while the file
 * is written: a cancelled error, and no file, not even a temporary one;
 * an older file stays as it was. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  static const BpExportFormat formats[] = { BP_EXPORT_FORMAT_PDF, BP_EXPORT_FORMAT_PNG,
                                            BP_EXPORT_FORMAT_SVG };
  static const char *names[] = { "cancelled.pdf", "cancelled.png", "cancelled.svg" };
  g_autofree char *kept = path_in (f, "kept.pdf");
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (kept, "older", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint cancel_at = 0; cancel_at <= 1; cancel_at++)
      {
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autofree char *path = path_in (f, names[i]);
        g_autoptr(GError) error = NULL;
        ProgressLog log = { .cancellable = cancellable, .cancel_at = cancel_at };
        BpExportOptions options;

        if (cancel_at == 0)
          g_cancellable_cancel (cancellable);
        bp_export_options_init (&options);
        options.format = formats[i];
        options.page_per_stage = TRUE;
        g_assert_false (bp_export_to_file_full (f->document, path, &options, log_progress, &log,
                                                cancellable, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }

  /* Over an existing file. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    ProgressLog log = { .cancellable = cancellable, .cancel_at = 2 };
    BpExportOptions options;

    bp_export_options_init (&options);
    options.format = BP_EXPORT_FORMAT_PDF;
    options.page_per_stage = TRUE;
    g_assert_false (bp_export_to_file_full (f->document, kept, &options, log_progress, &log,
                                            cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older");
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "kept.pdf");
}

/* A write that fails part way (here at a file size limit, as on a full
 * disk) says why and leaves no file and no temporary file, though the
 * PDF's bytes are gathered before they are written. */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (f, "limited.pdf");
  g_autofree char *left = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  BpExportOptions options;
  gboolean ok;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = bp_export_to_file (f->document, path, &options, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "limited.pdf"));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  left = list_dir (f->dir);
  g_assert_cmpstr (left, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/export/format-for-path", test_format_for_path);
  ADD ("png-scales", test_png_scales);
  ADD ("png-background", test_png_background);
  ADD ("pdf", test_pdf);
  ADD ("svg", test_svg);
  ADD ("bpj", test_bpj);
  ADD ("failures", test_failures);
  ADD ("replace", test_replace);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("folder-in-the-way", test_folder_in_the_way);
  ADD ("no-leftovers", test_no_leftovers);
  ADD ("pdf-page-per-stage", test_pdf_page_per_stage);
  ADD ("stage-range", test_stage_range);
  ADD ("stage-range-invalid", test_stage_range_invalid);
  ADD ("pdf-page-limit", test_pdf_page_limit);
  ADD ("progress", test_progress);
  ADD ("cancel", test_cancel);
  ADD ("write-fails", test_write_fails);

  return g_test_run ();
}
