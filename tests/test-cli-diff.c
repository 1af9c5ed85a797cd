/* test-cli-diff.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bpj/bp-bpj.h"
#include "cli-test-utils.h"
#include "layout/bp-layout.h"
#include "model/bp-duration.h"

/* touchpoint --diff OLD NEW, run as a user would, without a display. */

typedef struct {
  char *dir;
  char *old_path;   /* the loan payment sample */
  char *new_path;   /* a future state of it, written by the test */
  char *old_lock;   /* how long the lock-out took before */
} Fixture;

static char *
sample_path (const char *name)
{
  const char *samples = g_getenv ("TOUCHPOINT_SAMPLES");

  g_assert_nonnull (samples);
  return g_build_filename (samples, name, NULL);
}


/* The sample's future state: the one-time code moves from the website to
 * the bank's systems, the lock-out takes five seconds, the SMS step goes. */
static void
write_future (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = bp_bpj_load (fixture->old_path, &error);
  BpStep *step;

  g_assert_no_error (error);
  bp_document_set_state (document, BP_BLUEPRINT_STATE_FUTURE);
  step = BP_STEP (bp_document_lookup (document, "wb-2fa"));
  g_assert_cmpstr (bp_step_get_lane (step), ==, "web");
  bp_step_set_lane (step, "systems");
  step = BP_STEP (bp_document_lookup (document, "wb-lock"));
  g_assert_true (bp_step_get_duration (step) != 5);
  fixture->old_lock = bp_step_has_duration (step) ? bp_duration_format (bp_step_get_duration (step))
                                                  : g_strdup ("no duration");
  bp_step_set_duration (step, 5);
  bp_document_remove (document, bp_document_lookup (document, "sy-sms"));
  bp_bpj_save (document, fixture->new_path, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("touchpoint-diff-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->old_path = sample_path ("loan-payment.bpj");
  fixture->new_path = g_build_filename (fixture->dir, "future.bpj", NULL);
  write_future (fixture);
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

      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
  g_free (fixture->old_path);
  g_free (fixture->new_path);
  g_free (fixture->old_lock);
}

/* A file and its canonical export read the same: exit 0. */
static void
test_same (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.bpj", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", copy, NULL);
  const char *export_args[] = { export_arg, fixture->old_path, NULL };
  const char *diff_args[] = { "--diff", fixture->old_path, copy, NULL };
  const char *json_args[] = { "--diff", "--diff-format=json", copy, fixture->old_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *steps;

  g_assert_cmpint (cli_test_run_touchpoint (export_args, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_test_run_touchpoint (diff_args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The two blueprints are the same."));

  g_assert_cmpint (cli_test_run_touchpoint (json_args, &json, NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  steps = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "steps");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (steps, "changed")), ==, 0);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  const char *args[] = { "--diff", fixture->old_path, fixture->new_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *lock = g_strdup_printf ("~ Log in / Locks account after three failures: "
                                           "%s → 5 s\n", fixture->old_lock);

  g_assert_cmpint (cli_test_run_touchpoint (args, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "~ state: current → future\n"));
  g_assert_nonnull (strstr (out, "→ Log in / Asks for the one-time code: Website and app → "
                                 "Bank systems and partners, crossed the lines of visibility "
                                 "and internal interaction\n"));
  g_assert_nonnull (strstr (out, lock));
  g_assert_nonnull (strstr (out, "Figures, before → after\n"));
  g_assert_nonnull (strstr (out, "- Reminder / Bank systems and partners: "
                                 "SMS gateway sends the reminder\n"));
  /* Grouped by stage: Reminder before Log in. */
  g_assert_true (strstr (out, "- Reminder /") < strstr (out, "→ Log in /"));
}

static JsonObject *
member (JsonObject *object,
        const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static void
assert_strings (JsonArray          *array,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  const char *args[] = { "--diff", "--diff-format=json", fixture->old_path, fixture->new_path, NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *steps, *changed_step = NULL;
  JsonArray *changed;

  g_assert_cmpint (cli_test_run_touchpoint (args, &first, NULL), ==, 1);
  g_assert_cmpint (cli_test_run_touchpoint (args, &second, NULL), ==, 1);
  /* Stable: the same input gives the same bytes. */
  g_assert_cmpstr (first, ==, second);

  json_parser_load_from_data (parser, first, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < 4; i++)
    {
      const char *lists[] = { "steps", "flows", "stages", "lanes" };
      JsonObject *list = member (root, lists[i]);

      g_assert_true (json_object_has_member (list, "added"));
      g_assert_true (json_object_has_member (list, "removed"));
      g_assert_true (json_object_has_member (list, "changed"));
      g_assert_true (json_object_has_member (list, "reordered") == (i >= 2));
    }
  {
    const char *keys[] = { "elapsed", "unknown", "interaction", "visibility", "internal",
                           "actor_handoffs", "fail_points", "pain_points", "wait_points",
                           "warnings" };
    JsonObject *figures = member (root, "figures");

    g_assert_cmpuint (json_object_get_size (figures), ==, G_N_ELEMENTS (keys));
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (figures, keys[i])), ==, 2);
    /* The SMS step's flow to the customer is gone: one encounter less. */
    g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (figures, "interaction"), 1),
                     <, json_array_get_int_element (json_object_get_array_member (figures, "interaction"), 0));
  }
  assert_strings (json_object_get_array_member (member (root, "blueprint"), "fields"),
                  (const char *[]) { "state", NULL });

  steps = member (root, "steps");
  assert_strings (json_object_get_array_member (steps, "removed"),
                  (const char *[]) { "sy-sms", NULL });
  assert_strings (json_object_get_array_member (steps, "added"), (const char *[]) { NULL });
  assert_strings (json_object_get_array_member (member (root, "flows"), "removed"),
                  (const char *[]) { "f-due-sms", "f-sms-read", NULL });
  changed = json_object_get_array_member (steps, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 2);
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (changed, i), "id"),
                   "wb-2fa") == 0)
      changed_step = json_array_get_object_element (changed, i);
  g_assert_nonnull (changed_step);
  assert_strings (json_object_get_array_member (changed_step, "fields"),
                  (const char *[]) { "lane", NULL });
  assert_strings (json_object_get_array_member (changed_step, "crossed"),
                  (const char *[]) { "visibility", "internal", NULL });
  g_assert_false (json_object_get_boolean_member (changed_step, "matched_by_text"));
}

/* A file that cannot be read: exit 2 with the reader's error. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.bpj", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.bpj", NULL);
  const char *missing_args[] = { "--diff", fixture->old_path, missing, NULL };
  const char *broken_args[] = { "--diff", "--diff-format=json", broken, fixture->old_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *broken_err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (missing_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "missing.bpj"));
  g_assert_cmpstr (out, ==, "");

  g_file_set_contents (broken,
                       "{\"format\":\"bpj\",\"version\":1,\"stages\":[{\"id\":\"s\"}],"
                       "\"lanes\":[{\"id\":\"l\",\"kind\":\"customer\"}],"
                       "\"steps\":[{\"id\":\"a\",\"lane\":\"back2\",\"stage\":\"s\",\"x\":0}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cli_test_run_touchpoint (broken_args, NULL, &broken_err), ==, 2);
  g_assert_nonnull (strstr (broken_err, "broken.bpj: steps[0].lane: "));
  g_assert_nonnull (strstr (broken_err, "back2"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *one[] = { "--diff", fixture->old_path, NULL };
  const char *three[] = { "--diff", fixture->old_path, fixture->old_path, fixture->new_path, NULL };
  const char *format[] = { "--diff", "--diff-format=xml", fixture->old_path, fixture->new_path, NULL };
  const char *alone[] = { "--diff-format=json", fixture->old_path, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (one, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_test_run_touchpoint (three, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_test_run_touchpoint (format, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "xml"));
  g_assert_cmpint (cli_test_run_touchpoint (alone, NULL, NULL), ==, 1);
}

static JsonArray *
figure (JsonObject *root,
        const char *key)
{
  return json_object_get_array_member (member (root, "figures"), key);
}

/* The loan payment as it is and as it should become, in data/samples:
 * the same ids, so every step compares with itself. */
static void
test_sample_pair (void)
{
  g_autofree char *current = sample_path ("loan-payment.bpj");
  g_autofree char *future = sample_path ("loan-payment-future.bpj");
  const char *args[] = { "--diff", "--diff-format=json", current, future, NULL };
  const char *check[] = { "--check", future, NULL };
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *steps, *post = NULL;
  JsonArray *changed;

  g_assert_cmpint (cli_test_run_touchpoint (check, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_test_run_touchpoint (args, &json, NULL), ==, 1);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  assert_strings (json_object_get_array_member (member (root, "blueprint"), "fields"),
                  (const char *[]) { "state", NULL });
  steps = member (root, "steps");
  /* The servicing officer's day of waiting is gone; the customer pays
   * from the reminder's link. */
  assert_strings (json_object_get_array_member (steps, "removed"),
                  (const char *[]) { "sv-apply", NULL });
  assert_strings (json_object_get_array_member (steps, "added"),
                  (const char *[]) { "cu-paylink", NULL });
  changed = json_object_get_array_member (steps, "changed");
  for (guint i = 0; i < json_array_get_length (changed); i++)
    {
      JsonObject *change = json_array_get_object_element (changed, i);

      g_assert_false (json_object_get_boolean_member (change, "matched_by_text"));
      if (g_strcmp0 (json_object_get_string_member (change, "id"), "pm-post") == 0)
        post = change;
    }
  /* Posting the debit is automated: from the back office to support. */
  g_assert_nonnull (post);
  assert_strings (json_object_get_array_member (post, "fields"),
                  (const char *[]) { "lane", "text", "actor", "duration", "flags", NULL });
  assert_strings (json_object_get_array_member (post, "crossed"),
                  (const char *[]) { "internal", NULL });

  /* Both wait points are gone, and the journey is shorter. */
  g_assert_cmpint (json_array_get_int_element (figure (root, "wait_points"), 0), ==, 2);
  g_assert_cmpint (json_array_get_int_element (figure (root, "wait_points"), 1), ==, 0);
  g_assert_cmpfloat (json_array_get_double_element (figure (root, "elapsed"), 1), <,
                     json_array_get_double_element (figure (root, "elapsed"), 0));
}


/* ------------------------------------------------------------------ */
/* --export=OUT --diff-against=OLD NEW                                 */

/* How many pixels of the added-card outline's green (GNOME green 4,
 * #2ec27e) stand in the band just left of card @id of the future
 * sample, on @surface, drawn at one pixel per canvas unit. */
static guint
count_added_outline (cairo_surface_t *surface,
                     const char      *id)
{
  g_autofree char *path = sample_path ("loan-payment-future.bpj");
  g_autoptr(BpDocument) document = bp_bpj_load (path, NULL);
  g_autoptr(BpLayout) layout = NULL;
  const guint8 *data;
  int stride;
  guint n = 0;
  BpRect card;

  g_assert_nonnull (document);
  layout = bp_layout_new (document);
  bp_layout_update (layout);
  g_assert_true (bp_layout_get_item_rect (layout, bp_document_lookup (document, id), &card));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >=, card.x + card.width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), >=, card.y + card.height);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = card.y + 10; y < card.y + card.height - 10; y++)
    for (int x = card.x - 7; x < card.x; x++)
      {
        guint32 value = ((const guint32 *) (data + y * stride))[x];
        int r = (value >> 16) & 0xff, g = (value >> 8) & 0xff, b = value & 0xff;

        if (ABS (r - 0x2e) < 40 && ABS (g - 0xc2) < 40 && ABS (b - 0x7e) < 40)
          n++;
      }

  return n;
}

/* The sample pair exported to @out, with the comparison or not: exit 0. */
static void
export_sample (const char *out,
               const char *page,
               gboolean    compare)
{
  g_autofree char *current = sample_path ("loan-payment.bpj");
  g_autofree char *future = sample_path ("loan-payment-future.bpj");
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *against = g_strconcat ("--diff-against=", current, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, export);
  if (page != NULL)
    g_ptr_array_add (args, (char *) page);
  if (compare)
    g_ptr_array_add (args, against);
  g_ptr_array_add (args, future);
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (cli_test_run_touchpoint ((const char * const *) args->pdata, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

/* The card added in the future state is outlined in green on the PNG,
 * and only with --diff-against. */
static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *with = g_build_filename (fixture->dir, "with.png", NULL);
  g_autofree char *without = g_build_filename (fixture->dir, "without.png", NULL);
  cairo_surface_t *surface;

  export_sample (with, NULL, TRUE);
  export_sample (without, NULL, FALSE);

  surface = cairo_image_surface_create_from_png (with);
  g_assert_cmpuint (count_added_outline (surface, "cu-paylink"), >, 40);
  /* A card that did not change has none. */
  g_assert_cmpuint (count_added_outline (surface, "cu-read"), ==, 0);
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create_from_png (without);
  g_assert_cmpuint (count_added_outline (surface, "cu-paylink"), ==, 0);
  cairo_surface_destroy (surface);
}

/* Runs a poppler tool; FALSE (and the test skipped) when it is not
 * installed. */
static gboolean
run_poppler (const char **argv,
             char       **out)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdftoppm) is not installed");
      return FALSE;
    }

  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                out, NULL, &status, &error);
  argv[0] = NULL;
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static char *
pdf_page_text (const char *pdf,
               const char *page)
{
  const char *argv[] = { "pdftotext", "-f", page, "-l", page, pdf, "-", NULL };
  char *out = NULL;

  return run_poppler (argv, &out) ? out : NULL;
}

/* The names of the comparison's marks on page @page of @pdf. */
static void
assert_comparison_legend (const char *pdf,
                          const char *page,
                          gboolean    present)
{
  const char *names[] = { "Added", "Changed", "Removed", "Moved" };
  g_autofree char *text = pdf_page_text (pdf, page);

  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (present)
      g_assert_nonnull (strstr (text, names[i]));
    else
      g_assert_null (strstr (text, names[i]));
}

/* A fitted PDF page, read back at 72 dpi (a pixel a point, a point a
 * canvas unit) has the green outline; a slide deck has the legend of
 * the comparison's marks on every slide. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *fit = g_build_filename (fixture->dir, "fit.pdf", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.pdf", NULL);
  g_autofree char *slides = g_build_filename (fixture->dir, "slides.pdf", NULL);
  g_autofree char *slides_plain = g_build_filename (fixture->dir, "slides-plain.pdf", NULL);
  g_autofree char *raster = g_build_filename (fixture->dir, "fit", NULL);
  g_autofree char *raster_png = g_build_filename (fixture->dir, "fit.png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", fit, raster, NULL };
  cairo_surface_t *surface;

  export_sample (fit, NULL, TRUE);
  export_sample (plain, NULL, FALSE);
  export_sample (slides, "--export-page=slide", TRUE);
  export_sample (slides_plain, "--export-page=slide", FALSE);

  assert_comparison_legend (fit, "1", TRUE);
  assert_comparison_legend (plain, "1", FALSE);
  assert_comparison_legend (slides, "1", TRUE);
  assert_comparison_legend (slides_plain, "1", FALSE);
  /* The slides after the first have it in their footer. */
  assert_comparison_legend (slides, "2", TRUE);
  assert_comparison_legend (slides_plain, "2", FALSE);

  if (!run_poppler (argv, NULL))
    return;
  surface = cairo_image_surface_create_from_png (raster_png);
  g_assert_cmpuint (count_added_outline (surface, "cu-paylink"), >, 40);
  g_assert_cmpuint (count_added_outline (surface, "cu-read"), ==, 0);
  cairo_surface_destroy (surface);
}

/* An OLD that cannot be read: the reader's error, exit 1, no file. */
static void
test_export_bad_old (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *bpj_out = g_build_filename (fixture->dir, "out.bpj", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.bpj", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.bpj", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *export_bpj = g_strconcat ("--export=", bpj_out, NULL);
  g_autofree char *against_missing = g_strconcat ("--diff-against=", missing, NULL);
  g_autofree char *against_broken = g_strconcat ("--diff-against=", broken, NULL);
  g_autofree char *against = g_strconcat ("--diff-against=", fixture->old_path, NULL);
  const char *missing_args[] = { export, against_missing, fixture->new_path, NULL };
  const char *broken_args[] = { export, against_broken, fixture->new_path, NULL };
  const char *bpj_args[] = { export_bpj, against, fixture->new_path, NULL };
  const char *alone_args[] = { against, fixture->new_path, NULL };
  g_autofree char *err = NULL;
  g_autofree char *broken_err = NULL;
  g_autofree char *bpj_err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (missing_args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.bpj"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_file_set_contents (broken,
                       "{\"format\":\"bpj\",\"version\":1,\"stages\":[{\"id\":\"s\"}],"
                       "\"lanes\":[{\"id\":\"l\",\"kind\":\"customer\"}],"
                       "\"steps\":[{\"id\":\"a\",\"lane\":\"back2\",\"stage\":\"s\",\"x\":0}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cli_test_run_touchpoint (broken_args, NULL, &broken_err), ==, 1);
  g_assert_nonnull (strstr (broken_err, "broken.bpj: steps[0].lane: "));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A .bpj holds the blueprint, not a picture of the change. */
  g_assert_cmpint (cli_test_run_touchpoint (bpj_args, NULL, &bpj_err), ==, 1);
  g_assert_nonnull (strstr (bpj_err, "--diff-against"));
  g_assert_false (g_file_test (bpj_out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli_test_run_touchpoint (alone_args, NULL, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-diff/same", test_same);
  ADD ("/cli-diff/summary", test_summary);
  ADD ("/cli-diff/json", test_json);
  ADD ("/cli-diff/unreadable", test_unreadable);
  ADD ("/cli-diff/usage", test_usage);
  ADD ("/cli-diff/export-png", test_export_png);
  ADD ("/cli-diff/export-pdf", test_export_pdf);
  ADD ("/cli-diff/export-bad-old", test_export_bad_old);
#undef ADD
  g_test_add_func ("/cli-diff/sample-pair", test_sample_pair);

  return g_test_run ();
}
