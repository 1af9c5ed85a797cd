/* test-cli.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "cli-test-utils.h"
#include "cli/bp-command-line.h"
#include "insights/bp-insights.h"
#include "export/bp-export.h"
#include <unistd.h>

static const char * const sample_names[] = {
  "loan-payment.bpj",
  "it-support.bpj",
  "saas-onboarding.bpj",
};

/* A small valid blueprint; the invalid files below are this one with one
 * or two values changed, so each fails for the reason its test names. */
#define VALID_BLUEPRINT \
  "{\n" \
  "  \"format\": \"bpj\",\n" \
  "  \"version\": 1,\n" \
  "  \"stages\": [ { \"id\": \"s1\", \"width\": %s } ],\n" \
  "  \"lanes\": [ { \"id\": \"l1\", \"kind\": \"%s\", \"color\": \"%s\" } ],\n" \
  "  \"steps\": [\n" \
  "    { \"id\": \"a\", \"lane\": \"l1\", \"stage\": \"s1\", \"x\": %s },\n" \
  "    { \"id\": \"b\", \"lane\": \"%s\", \"stage\": \"s1\", \"x\": 200 }\n" \
  "  ],\n" \
  "  \"flows\": [ { \"id\": \"f\", \"from\": \"%s\", \"to\": \"b\" } ]\n" \
  "}\n"

typedef struct {
  const char *width;
  const char *kind;
  const char *color;
  const char *x;
  const char *lane_of_b;
  const char *flow_from;
} Variant;

static const Variant valid_variant = { "400", "customer", "#336699", "0", "l1", "a" };

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("touchpoint-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }

  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
sample_path (const char *name)
{
  const char *samples = g_getenv ("TOUCHPOINT_SAMPLES");

  if (samples != NULL)
    return g_build_filename (samples, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}


static char *
write_variant (Fixture       *fixture,
               const char    *name,
               const Variant *v)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = g_strdup_printf (VALID_BLUEPRINT, v->width, v->kind, v->color, v->x,
                          v->lane_of_b, v->flow_from);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
write_text (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char **
split_lines (const char *text)
{
  g_autofree char *trimmed = g_strdup (text);

  g_strchomp (trimmed);
  if (trimmed[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (trimmed, "\n", -1);
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (cli_test_run_touchpoint (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "touchpoint " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help (void)
{
  const char *options[] = {
    "--check", "--export=OUT", "--export-scale=N", "--export-background=BACKGROUND",
    "--export-page=PAGE", "--export-stages=FIRST-LAST", "--export-page-per-stage",
    "--export-stages-per-slide=auto|N",
    "--report", "--report-format=FORMAT", "--version", "[FILE…]",
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (cli_test_run_touchpoint (args, &out, &err), ==, 0);

  /* Every option is listed with its argument's name and a description
   * after it on the same line. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; lines[j] != NULL && !found; j++)
        {
          const char *at = strstr (lines[j], options[i]);

          if (at == NULL)
            continue;
          found = TRUE;
          if (i < G_N_ELEMENTS (options) - 1)
            {
              g_autofree char *rest = g_strstrip (g_strdup (at + strlen (options[i])));
              g_assert_cmpuint (strlen (rest), >, 10);
            }
        }

      if (!found)
        g_error ("“%s” is not in the help:\n%s", options[i], out);
    }
}

/* Command lines for the editor are left alone, untouched and unanswered. */
static void
test_editor_command_lines (void)
{
  const char *command_lines[][4] = {
    { "touchpoint", NULL },
    { "touchpoint", "loan.bpj", NULL },
    { "touchpoint", "loan.bpj", "-", NULL },
    { "touchpoint", "--gapplication-service", NULL },
    { "touchpoint", "--", "--check", NULL },
    /* The editor presents the file. */
    { "touchpoint", "--present", "loan.bpj", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(GStrv) argv = g_strdupv ((char **) command_lines[i]);
      g_auto(GStrv) before = g_strdupv (argv);
      int argc = g_strv_length (argv);
      int status = 42;

      g_assert_false (bp_command_line_run (argc, argv, &status));
      g_assert_cmpint (status, ==, 42);
      g_assert_true (g_strv_equal ((const char * const *) argv, (const char * const *) before));
    }
}

static void
test_unknown_option (void)
{
  g_autofree char *sample = sample_path (sample_names[0]);
  g_autofree char *err = NULL;
  const char *args[] = { "--frobnicate", sample, NULL };

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--frobnicate"));
}

static void
test_check_samples (void)
{
  g_autofree char *first = sample_path (sample_names[0]);
  g_autofree char *dir_path = g_path_get_dirname (first);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n_samples = 0;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *path = sample_path (sample_names[i]);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  /* Every sample shipped, including any added later. */
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "--check", path, NULL };

      if (!g_str_has_suffix (name, ".bpj"))
        continue;

      g_assert_cmpint (cli_test_run_touchpoint (args, &out, &err), ==, 0);
      /* Quiet on success. */
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, "");
      n_samples++;
    }

  g_assert_cmpuint (n_samples, >=, G_N_ELEMENTS (sample_names));
}

/* A file differing from the valid one in the given values is refused,
 * with exactly one line per expected path, "FILE: PATH: message", in file
 * order. */
static void
assert_check_reports (Fixture       *fixture,
                      const Variant *variant,
                      const char   **paths)
{
  g_autofree char *file = write_variant (fixture, "bad.bpj", variant);
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--check", file, NULL };
  guint n_paths = g_strv_length ((char **) paths);

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);

  lines = split_lines (err);
  g_assert_cmpuint (g_strv_length (lines), ==, n_paths);
  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: %s: ", file, paths[i]);

      if (!g_str_has_prefix (lines[i], prefix))
        g_error ("expected “%s…”, got “%s”", prefix, lines[i]);
      /* … followed by the rule that was broken. */
      g_assert_cmpuint (strlen (lines[i]), >, strlen (prefix) + 5);
    }
}

static void
test_check_valid_base (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *file = write_variant (fixture, "good.bpj", &valid_variant);
  g_autofree char *err = NULL;
  const char *args[] = { "--check", file, NULL };

  /* The base of the invalid variants is itself valid. */
  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_check_invalid (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    Variant     variant;
    const char *paths[3];
  } cases[] = {
    { { "400", "customer", "#336699", "0", "nowhere", "a" }, { "steps[1].lane" } },
    { { "10", "customer", "#336699", "0", "l1", "a" }, { "stages[0].width" } },
    { { "400", "middle", "#336699", "0", "l1", "a" }, { "lanes[0].kind" } },
    { { "400", "customer", "red", "0", "l1", "a" }, { "lanes[0].color" } },
    { { "400", "customer", "#336699", "\"left\"", "l1", "a" }, { "steps[0].x" } },
    /* Every problem is listed, not only the first. */
    { { "400", "customer", "#336699", "-5", "l1", "zz" }, { "steps[0].x", "flows[0].from" } },
    { { "400", "customer", "#336699", "0", "gone", "b" }, { "steps[1].lane", "flows[0].to" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_check_reports (fixture, &cases[i].variant, (const char **) cases[i].paths);
    }
}

static void
test_check_syntax_error (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = write_text (fixture, "broken.bpj",
                                      "{\n  \"format\": \"bpj\",\n  \"version\": 1,\n  ]\n}\n");
  g_autofree char *prefix = g_strdup_printf ("%s: line 4", file);
  g_autofree char *err = NULL;
  const char *args[] = { "--check", file, NULL };

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, prefix));
}

static void
test_check_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.bpj", NULL);
  g_autofree char *big = g_build_filename (fixture->dir, "big.bpj", NULL);
  const char *files[] = { missing, big, fixture->dir };
  int fd;

  /* A sparse file just over the 64 MiB limit costs no disk. */
  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 64 * 1024 * 1024 + 1), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *prefix = g_strdup_printf ("%s: ", files[i]);
      g_auto(GStrv) lines = NULL;
      const char *args[] = { "--check", files[i], NULL };

      g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
      lines = split_lines (err);
      g_assert_cmpuint (g_strv_length (lines), ==, 1);
      g_assert_true (g_str_has_prefix (lines[0], prefix));
    }
}

static void
test_check_mix (Fixture       *fixture,
                gconstpointer  data)
{
  Variant bad = valid_variant;
  g_autofree char *sample = sample_path (sample_names[1]);
  g_autofree char *good = write_variant (fixture, "good.bpj", &valid_variant);
  g_autofree char *bad_file = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[4] = { "--check", sample, NULL, NULL };

  bad.lane_of_b = "nowhere";
  bad_file = write_variant (fixture, "bad.bpj", &bad);
  args[2] = bad_file;

  /* Both orders: a bad file neither hides nor is hidden by a good one. */
  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  lines = split_lines (err);
  prefix = g_strdup_printf ("%s: steps[1].lane: ", bad_file);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], prefix));

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);
  args[1] = bad_file;
  args[2] = good;
  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  lines = split_lines (err);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], prefix));
}

static void
test_check_needs_files (void)
{
  g_autofree char *err = NULL;
  const char *args[] = { "--check", NULL };

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  g_assert_cmpstr (err, !=, "");
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
export_sample (Fixture     *fixture,
               const char  *sample,
               const char  *out_name,
               const char **extra_args,
               char       **out_path)
{
  g_autofree char *path = sample_path (sample);
  g_autofree char *out = g_build_filename (fixture->dir, out_name, NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, export_arg);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra_args[i]);
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (cli_test_run_touchpoint ((const char * const *) args->pdata, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  *out_path = g_steal_pointer (&out);
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const char *scale2[] = { "--export-scale=2", NULL };
  g_autofree char *png1 = NULL;
  g_autofree char *png2 = NULL;
  g_autofree char *bytes = NULL;
  cairo_surface_t *image1;
  cairo_surface_t *image2;
  gsize length = 0;

  export_sample (fixture, sample_names[0], "loan.png", NULL, &png1);
  bytes = read_file (png1, &length);
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (bytes, sizeof signature, signature, sizeof signature);

  /* --export-scale=2 doubles both sides. */
  export_sample (fixture, sample_names[0], "loan@2.PNG", scale2, &png2);
  image1 = cairo_image_surface_create_from_png (png1);
  image2 = cairo_image_surface_create_from_png (png2);
  g_assert_cmpint (cairo_surface_status (image1), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (image2), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image1), >, 400);
  g_assert_cmpint (abs (cairo_image_surface_get_width (image2) -
                        2 * cairo_image_surface_get_width (image1)), <=, 2);
  g_assert_cmpint (abs (cairo_image_surface_get_height (image2) -
                        2 * cairo_image_surface_get_height (image1)), <=, 2);
  cairo_surface_destroy (image1);
  cairo_surface_destroy (image2);
}

/* How many pixels of a PNG are not fully opaque. */
static guint
count_translucent_pixels (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  if (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32)
    {
      const guint8 *data = cairo_image_surface_get_data (image);
      int stride = cairo_image_surface_get_stride (image);

      for (int y = 0; y < cairo_image_surface_get_height (image); y++)
        for (int x = 0; x < cairo_image_surface_get_width (image); x++)
          if ((((const guint32 *) (data + y * stride))[x] >> 24) != 0xff)
            n++;
    }

  cairo_surface_destroy (image);
  return n;
}

static void
test_export_background (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *white[] = { "--export-background=white", NULL };
  const char *transparent[] = { "--export-background=transparent", NULL };
  g_autofree char *white_png = NULL;
  g_autofree char *transparent_png = NULL;

  export_sample (fixture, sample_names[2], "white.png", white, &white_png);
  export_sample (fixture, sample_names[2], "clear.png", transparent, &transparent_png);

  g_assert_cmpuint (count_translucent_pixels (white_png), ==, 0);
  g_assert_cmpuint (count_translucent_pixels (transparent_png), >, 0);
}

/* Like strstr(), past NUL bytes (PDF streams hold them). */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return haystack + i;

  return NULL;
}

/* The first page's MediaBox of a PDF cairo wrote. */
static void
get_pdf_media_box (const char *path,
                   double     *width,
                   double     *height)
{
  g_autofree char *bytes = NULL;
  const char *box;
  double x0, y0;
  gsize length;

  bytes = read_file (path, &length);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  box = find_bytes (bytes, length, "/MediaBox [");
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, width, height), ==, 4);
  *width -= x0;
  *height -= y0;
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *slide[] = { "--export-page=slide", NULL };
  const char *fit[] = { "--export-page=fit", NULL };
  g_autofree char *slide_pdf = NULL;
  g_autofree char *fit_pdf = NULL;
  double width, height;

  export_sample (fixture, sample_names[1], "slide.pdf", slide, &slide_pdf);
  get_pdf_media_box (slide_pdf, &width, &height);
  g_assert_cmpfloat_with_epsilon (width / height, 16.0 / 9.0, 0.01);

  /* A fitted page has the blueprint's own proportions, which for this
   * wide sample are not 16:9. */
  export_sample (fixture, sample_names[1], "fit.pdf", fit, &fit_pdf);
  get_pdf_media_box (fit_pdf, &width, &height);
  g_assert_cmpfloat (fabs (width / height - 16.0 / 9.0), >, 0.05);
}

/* How many pages a PDF cairo wrote has, and whether each is 16:9: each
 * page object carries its own /MediaBox. */
static guint
count_pdf_pages (const char *path,
                 gboolean   *all_slides)
{
  static const char box[] = "/MediaBox [";
  g_autofree char *bytes = NULL;
  gsize length;
  guint n = 0;

  bytes = read_file (path, &length);
  *all_slides = TRUE;
  for (const char *at = find_bytes (bytes, length, box); at != NULL;
       at = find_bytes (at + 1, length - (at + 1 - bytes), box))
    {
      double x0, y0, x1, y1;

      g_assert_cmpint (sscanf (at, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
      if (fabs ((x1 - x0) / (y1 - y0) - 16.0 / 9.0) > 0.01)
        *all_slides = FALSE;
      n++;
    }

  return n;
}

static int
png_width (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  int width;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (image);
  cairo_surface_destroy (image);
  return width;
}

static void
test_export_stages (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *per_stage[] = { "--export-page=slide", "--export-page-per-stage", NULL };
  const char *some_per_stage[] = { "--export-page-per-stage", "--export-stages=2-4", NULL };
  const char *two[] = { "--export-stages=2-3", NULL };
  const char *one[] = { "--export-stages=3", NULL };
  g_autofree char *sample = sample_path (sample_names[0]);
  g_autoptr(BpDocument) document = bp_bpj_load (sample, NULL);
  g_autofree char *all_png = NULL;
  g_autofree char *two_png = NULL;
  g_autofree char *one_png = NULL;
  g_autofree char *slides = NULL;
  g_autofree char *some = NULL;
  gboolean all_slides;

  g_assert_nonnull (document);
  g_assert_cmpuint (bp_document_get_n_stages (document), ==, 5);

  export_sample (fixture, sample_names[0], "slides.pdf", per_stage, &slides);
  g_assert_cmpuint (count_pdf_pages (slides, &all_slides), ==, 5);
  g_assert_true (all_slides);

  export_sample (fixture, sample_names[0], "some.pdf", some_per_stage, &some);
  g_assert_cmpuint (count_pdf_pages (some, &all_slides), ==, 3);
  /* Fitted pages have each stage's own shape. */
  g_assert_false (all_slides);

  export_sample (fixture, sample_names[0], "all.png", NULL, &all_png);
  export_sample (fixture, sample_names[0], "two.png", two, &two_png);
  export_sample (fixture, sample_names[0], "one.png", one, &one_png);
  g_assert_cmpint (png_width (two_png), <, png_width (all_png));
  g_assert_cmpint (png_width (one_png), <, png_width (two_png));
}

static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *svg = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  export_sample (fixture, sample_names[2], "saas.svg", NULL, &svg);
  bytes = read_file (svg, &length);
  g_assert_nonnull (find_bytes (bytes, length, "<svg"));
  g_assert_nonnull (find_bytes (bytes, length, "</svg>"));
}

static void
test_export_bpj_is_canonical (Fixture       *fixture,
                              gconstpointer  data)
{
  /* The samples are kept in the canonical form, so a round trip through
   * the reader and the writer gives them back byte for byte. */
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *sample = sample_path (sample_names[i]);
      g_autofree char *exported = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      gsize expected_length, actual_length;

      export_sample (fixture, sample_names[i], "copy.bpj", NULL, &exported);
      expected = read_file (sample, &expected_length);
      actual = read_file (exported, &actual_length);
      g_assert_cmpstr (actual, ==, expected);
      g_assert_cmpuint (actual_length, ==, expected_length);
    }
}

/* Runs an export that must fail: exit status 1, a message naming
 * @expected_in_message, and no file written. */
static void
assert_export_fails (Fixture     *fixture,
                     const char  *out_path,
                     const char **args,
                     const char  *expected_in_message)
{
  g_autofree char *err = NULL;
  guint n_before = count_files (fixture->dir);

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  if (strstr (err, expected_in_message) == NULL)
    g_error ("expected “%s” in “%s”", expected_in_message, err);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  /* Nor any temporary file beside it. */
  g_assert_cmpuint (count_files (fixture->dir), ==, n_before);
}

/* --export-stages-per-slide: auto is the slides' own count (and the
 * default), a number is that many a slide; nonsense is refused. */
static void
test_export_stages_per_slide (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *automatic[] = { "--export-page=slide", "--export-stages-per-slide=auto", NULL };
  const char *two[] = { "--export-page=slide", "--export-stages-per-slide=2", NULL };
  const char *many[] = { "--export-page=slide", "--export-stages-per-slide=99", NULL };
  g_autofree char *sample = sample_path (sample_names[0]);
  g_autoptr(BpDocument) document = bp_bpj_load (sample, NULL);
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  g_autofree char *pdf = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *export_pdf = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *path = NULL;
  const char *bad[] = { "0", "-1", "x", "", "2.5", "auto2" };
  gboolean all_slides;
  BpExportOptions options;

  bp_export_options_init (&options);
  options.format = BP_EXPORT_FORMAT_PDF;
  options.page = BP_EXPORT_PAGE_SLIDE;

  export_sample (fixture, sample_names[0], "auto.pdf", automatic, &path);
  g_assert_cmpuint (count_pdf_pages (path, &all_slides), ==, bp_export_get_n_pages (layout, &options));
  g_assert_cmpuint (count_pdf_pages (path, &all_slides), >, 1);
  g_assert_true (all_slides);
  g_clear_pointer (&path, g_free);

  export_sample (fixture, sample_names[0], "two.pdf", two, &path);
  g_assert_cmpuint (count_pdf_pages (path, &all_slides), ==, 3);
  g_clear_pointer (&path, g_free);

  export_sample (fixture, sample_names[0], "many.pdf", many, &path);
  g_assert_cmpuint (count_pdf_pages (path, &all_slides), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *arg = g_strconcat ("--export-stages-per-slide=", bad[i], NULL);
      const char *args[] = { export_pdf, "--export-page=slide", arg, sample, NULL };

      assert_export_fails (fixture, pdf, args, "--export-stages-per-slide");
    }
  {
    const char *args[] = { export_pdf, "--export-stages-per-slide=2", sample, NULL };
    assert_export_fails (fixture, pdf, args, "--export-page=slide");
  }
  {
    const char *args[] = { export_pdf, "--export-page=slide", "--export-page-per-stage",
                           "--export-stages-per-slide=2", sample, NULL };
    assert_export_fails (fixture, pdf, args, "--export-page-per-stage");
  }
  {
    const char *args[] = { "--export-stages-per-slide=2", sample, NULL };
    assert_export_fails (fixture, pdf, args, "--export-stages-per-slide only applies with --export");
  }
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  Variant bad = valid_variant;
  g_autofree char *sample = sample_path (sample_names[0]);
  g_autofree char *bad_file = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.bpj", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree char *nodir = g_build_filename (fixture->dir, "no", "such", "out.png", NULL);
  g_autofree char *export_png = g_strconcat ("--export=", png, NULL);
  g_autofree char *export_txt = g_strconcat ("--export=", txt, NULL);
  g_autofree char *export_nodir = g_strconcat ("--export=", nodir, NULL);
  const char *bad_scales[] = { "0", "-1", "8.5", "9", "abc", "2x", "", "nan", "inf", "1e400" };

  bad.lane_of_b = "nowhere";
  bad_file = write_variant (fixture, "bad.bpj", &bad);

  {
    /* The reader's message, with the file and the JSON path. */
    const char *args[] = { export_png, bad_file, NULL };
    g_autofree char *expected = g_strdup_printf ("%s: steps[1].lane: ", bad_file);
    assert_export_fails (fixture, png, args, expected);
  }
  {
    const char *args[] = { export_png, missing, NULL };
    assert_export_fails (fixture, png, args, missing);
  }
  {
    const char *args[] = { export_txt, sample, NULL };
    assert_export_fails (fixture, txt, args, ".png");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_scales); i++)
    {
      g_autofree char *scale = g_strconcat ("--export-scale=", bad_scales[i], NULL);
      const char *args[] = { export_png, scale, sample, NULL };
      assert_export_fails (fixture, png, args, "--export-scale");
    }
  {
    const char *args[] = { export_png, "--export-background=grey", sample, NULL };
    assert_export_fails (fixture, png, args, "grey");
  }
  {
    const char *args[] = { export_png, "--export-page=a4", sample, NULL };
    assert_export_fails (fixture, png, args, "a4");
  }
  {
    const char *args[] = { export_png, NULL };
    assert_export_fails (fixture, png, args, "--export");
  }
  {
    const char *args[] = { export_png, sample, sample, NULL };
    assert_export_fails (fixture, png, args, "--export");
  }
  {
    const char *args[] = { export_nodir, sample, NULL };
    assert_export_fails (fixture, nodir, args, nodir);
  }
  {
    /* Export options without --export. */
    const char *args[] = { "--export-scale=2", sample, NULL };
    assert_export_fails (fixture, png, args, "--export-scale");
  }
  {
    const char *args[] = { "--export-page-per-stage", sample, NULL };
    assert_export_fails (fixture, png, args, "--export-page-per-stage");
  }
  {
    /* One page per stage is for PDF. */
    const char *args[] = { export_png, "--export-page-per-stage", sample, NULL };
    assert_export_fails (fixture, png, args, "--export-page-per-stage");
  }
  {
    const char *bad_stages[] = { "0-2", "3-2", "2-", "-2", "a-b", "", "1-2-3", "2..3" };

    for (guint i = 0; i < G_N_ELEMENTS (bad_stages); i++)
      {
        g_autofree char *stages = g_strconcat ("--export-stages=", bad_stages[i], NULL);
        const char *args[] = { export_png, stages, sample, NULL };

        assert_export_fails (fixture, png, args, "--export-stages");
      }
  }
  {
    /* The sample has five stages. */
    const char *args[] = { export_png, "--export-stages=4-6", sample, NULL };
    assert_export_fails (fixture, png, args, "5 stages");
  }
  {
    const char *args[] = { "--check", export_png, sample, NULL };
    assert_export_fails (fixture, png, args, "--check");
  }
}

static void
test_export_failure_keeps_old_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  Variant bad = valid_variant;
  g_autofree char *bad_file = NULL;
  g_autofree char *out = write_text (fixture, "out.pdf", "an older export\n");
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *contents = NULL;
  const char *args[] = { export_arg, NULL, NULL };

  bad.flow_from = "zz";
  bad_file = write_variant (fixture, "bad.bpj", &bad);
  args[1] = bad_file;

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, NULL), ==, 1);
  contents = read_file (out, NULL);
  g_assert_cmpstr (contents, ==, "an older export\n");
}

/* Reports */

static void
assert_member_order (JsonObject         *object,
                     const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);
  GList *l = members;
  guint i = 0;

  for (; l != NULL && names[i] != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, names[i]);
  g_assert_null (l);
  g_assert_null (names[i]);
}

static double
number_member (JsonObject *object,
               const char *name)
{
  return json_object_get_double_member (object, name);
}

/* The JSON report of each sample has exactly the documented shape, and
 * its figures are the analysis's. */
static void
test_report_json_samples (void)
{
  static const char * const top[] = { "elapsed", "crossings", "stages", "flows", "checks", NULL };
  static const char * const elapsed_keys[] = { "seconds", "unknown", "tolerance", "over", NULL };
  static const char * const crossing_keys[] = { "interaction", "visibility", "internal", "actor", NULL };
  static const char * const stage_keys[] = {
    "id", "elapsed", "unknown", "customer", "waiting", "interaction", "visibility",
    "internal", "actor", "tolerance", "over", NULL,
  };
  static const char * const flow_keys[] = { "id", "lines", "direction", "handoff", NULL };
  static const char * const check_keys[] = { "check", "item", "severity", "dismissed", "message", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *path = sample_path (sample_names[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = bp_bpj_load (path, &error);
      g_autoptr(BpInsights) insights = NULL;
      const char *args[] = { "--report", "--report-format=json", path, NULL };
      JsonObject *root, *elapsed;
      JsonArray *stages, *flows, *checks;
      guint unknown;

      g_assert_no_error (error);
      insights = bp_insights_compute (document);

      g_assert_cmpint (cli_test_run_touchpoint (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      json_parser_load_from_data (parser, out, -1, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      assert_member_order (root, top);

      elapsed = json_object_get_object_member (root, "elapsed");
      assert_member_order (elapsed, elapsed_keys);
      g_assert_cmpfloat (number_member (elapsed, "seconds"), ==,
                         bp_insights_get_elapsed (insights, &unknown));
      g_assert_cmpfloat (number_member (elapsed, "unknown"), ==, unknown);
      g_assert_cmpint (json_object_get_boolean_member (elapsed, "over"), ==,
                       bp_insights_is_over (insights));
      assert_member_order (json_object_get_object_member (root, "crossings"), crossing_keys);
      g_assert_cmpfloat (number_member (json_object_get_object_member (root, "crossings"), "interaction"),
                         ==, bp_insights_get_crossings (insights)->interaction);

      stages = json_object_get_array_member (root, "stages");
      g_assert_cmpuint (json_array_get_length (stages), ==, bp_document_get_n_stages (document));
      for (guint s = 0; s < json_array_get_length (stages); s++)
        {
          JsonObject *stage = json_array_get_object_element (stages, s);

          assert_member_order (stage, stage_keys);
          g_assert_cmpstr (json_object_get_string_member (stage, "id"), ==,
                           bp_item_get_id (BP_ITEM (bp_document_get_stage (document, s))));
          g_assert_cmpfloat (number_member (stage, "elapsed"), ==,
                             bp_insights_get_stage (insights, s)->elapsed);
        }

      flows = json_object_get_array_member (root, "flows");
      g_assert_cmpuint (json_array_get_length (flows), ==, bp_document_get_n_flows (document));
      for (guint f = 0; f < json_array_get_length (flows); f++)
        {
          JsonObject *flow = json_array_get_object_element (flows, f);
          JsonNode *direction = json_object_get_member (flow, "direction");

          assert_member_order (flow, flow_keys);
          g_assert_true (JSON_NODE_HOLDS_NULL (direction) ||
                         g_strcmp0 (json_node_get_string (direction), "down") == 0 ||
                         g_strcmp0 (json_node_get_string (direction), "up") == 0);
          g_assert_cmpint (JSON_NODE_HOLDS_NULL (direction), ==,
                           json_array_get_length (json_object_get_array_member (flow, "lines")) == 0 &&
                           bp_insights_get_flow (insights, f)->direction == BP_DIRECTION_NONE);
        }

      checks = json_object_get_array_member (root, "checks");
      g_assert_cmpuint (json_array_get_length (checks), ==, bp_insights_get_n_checks (insights));
      for (guint c = 0; c < json_array_get_length (checks); c++)
        {
          JsonObject *check = json_array_get_object_element (checks, c);
          const char *severity = json_object_get_string_member (check, "severity");

          assert_member_order (check, check_keys);
          g_assert_true (g_strcmp0 (severity, "warning") == 0 || g_strcmp0 (severity, "info") == 0);
          g_assert_cmpuint (strlen (json_object_get_string_member (check, "message")), >, 20);
        }
    }
}

/* The readable report of each sample: totals, a row per stage, and a
 * "FILE: check: item: message" line per check. */
static void
test_report_text_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *path = sample_path (sample_names[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = bp_bpj_load (path, &error);
      g_autoptr(BpInsights) insights = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);
      const char *args[] = { "--report", path, NULL };
      guint check_lines = 0;

      g_assert_no_error (error);
      insights = bp_insights_compute (document);
      g_assert_cmpint (cli_test_run_touchpoint (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Elapsed time: "));
      g_assert_nonnull (strstr (out, "Encounters (line of interaction): "));

      lines = split_lines (out);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (g_str_has_prefix (lines[l], prefix))
            {
              const BpInsightsCheck *check = bp_insights_get_check (insights, check_lines);

              /* Dismissed checks come last; the samples dismiss none. */
              g_assert_false (check->dismissed);
              g_assert_true (g_str_has_prefix (lines[l] + strlen (prefix), check->check));
              check_lines++;
            }
          g_assert_false (g_str_has_suffix (lines[l], " "));
        }
      g_assert_cmpuint (check_lines, ==, bp_insights_get_n_checks (insights));

      for (guint s = 0; s < bp_document_get_n_stages (document); s++)
        {
          const char *name = bp_stage_get_name (bp_document_get_stage (document, s));
          g_autofree char *row = g_strconcat ("\n  ", name, " ", NULL);

          g_assert_nonnull (strstr (out, row));
        }
    }
}

/* Exit 0 whenever the file reads, whatever its checks say; 1 when not. */
static void
test_report_exit_status (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *valid = write_variant (fixture, "valid.bpj", &valid_variant);
  g_autofree char *broken = write_text (fixture, "broken.bpj", "{\"format\": \"bpj\"");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.bpj", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *ok[] = { "--report", valid, NULL };
  const char *bad[] = { "--report", broken, NULL };
  const char *gone[] = { "--report-format=json", "--report", missing, NULL };

  /* This blueprint raises warnings (a customer step with no support). */
  g_assert_cmpint (cli_test_run_touchpoint (ok, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, ": customer-unsupported: a: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_test_run_touchpoint (bad, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, broken));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_test_run_touchpoint (gone, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, missing));
}

static void
test_report_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *valid = write_variant (fixture, "valid.bpj", &valid_variant);
  g_autofree char *out_png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out_png, NULL);
  const struct { const char *args[5]; const char *message; } cases[] = {
    { { "--report", "--report-format=xml", valid, NULL }, "Invalid --report-format “xml”" },
    { { "--report-format=json", valid, NULL }, "--report-format only applies with --report" },
    { { "--report", NULL }, "--report needs exactly one blueprint file" },
    { { "--report", valid, valid, NULL }, "--report needs exactly one blueprint file" },
    { { "--report", "--check", valid, NULL }, "--report cannot be used with --check or --export" },
    { { "--report", export_arg, valid, NULL }, "--report cannot be used with --check or --export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_test_run_touchpoint (cases[i].args, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, err);
    }
  g_assert_false (g_file_test (out_png, G_FILE_TEST_EXISTS));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/editor-command-lines", test_editor_command_lines);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/check/samples", test_check_samples);
  ADD_TEST ("/cli/check/valid-base", test_check_valid_base);
  ADD_TEST ("/cli/check/invalid", test_check_invalid);
  ADD_TEST ("/cli/check/syntax-error", test_check_syntax_error);
  ADD_TEST ("/cli/check/unreadable", test_check_unreadable);
  ADD_TEST ("/cli/check/mix", test_check_mix);
  g_test_add_func ("/cli/check/needs-files", test_check_needs_files);
  ADD_TEST ("/cli/export/png", test_export_png);
  ADD_TEST ("/cli/export/background", test_export_background);
  ADD_TEST ("/cli/export/pdf", test_export_pdf);
  ADD_TEST ("/cli/export/svg", test_export_svg);
  ADD_TEST ("/cli/export/stages", test_export_stages);
  ADD_TEST ("/cli/export/stages-per-slide", test_export_stages_per_slide);
  ADD_TEST ("/cli/export/bpj-is-canonical", test_export_bpj_is_canonical);
  ADD_TEST ("/cli/export/errors", test_export_errors);
  ADD_TEST ("/cli/export/failure-keeps-old-file", test_export_failure_keeps_old_file);
  g_test_add_func ("/cli/report/json-samples", test_report_json_samples);
  g_test_add_func ("/cli/report/text-samples", test_report_text_samples);
  ADD_TEST ("/cli/report/exit-status", test_report_exit_status);
  ADD_TEST ("/cli/report/errors", test_report_errors);

  return g_test_run ();
}
