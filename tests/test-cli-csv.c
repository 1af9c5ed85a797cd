/* test-cli-csv.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "cli-test-utils.h"

/* The command line with step sheets: touchpoint --export=OUT.bpj SHEET.csv,
 * --export=OUT.csv FILE.bpj, and --check SHEET.csv. */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("touchpoint-cli-csv-XXXXXX", &error);
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

static void
assert_same_steps (BpDocument *a,
                   BpDocument *b)
{
  g_assert_cmpuint (bp_document_get_n_stages (a), ==, bp_document_get_n_stages (b));
  g_assert_cmpuint (bp_document_get_n_lanes (a), ==, bp_document_get_n_lanes (b));
  g_assert_cmpuint (bp_document_get_n_steps (a), ==, bp_document_get_n_steps (b));
  g_assert_cmpuint (bp_document_get_n_flows (a), ==, bp_document_get_n_flows (b));

  for (guint i = 0; i < bp_document_get_n_steps (a); i++)
    {
      BpStep *step = bp_document_get_step (a, i);
      BpItem *other = bp_document_lookup (b, bp_item_get_id (BP_ITEM (step)));

      g_assert_true (BP_IS_STEP (other));
      g_assert_cmpstr (bp_step_get_text (step), ==, bp_step_get_text (BP_STEP (other)));
      g_assert_cmpstr (bp_step_get_lane (step), ==, bp_step_get_lane (BP_STEP (other)));
      g_assert_cmpstr (bp_step_get_stage (step), ==, bp_step_get_stage (BP_STEP (other)));
      g_assert_cmpfloat (bp_step_get_duration (step), ==, bp_step_get_duration (BP_STEP (other)));
      g_assert_cmpuint (bp_step_get_flags (step), ==, bp_step_get_flags (BP_STEP (other)));
    }
}

/* .bpj → CSV → .bpj keeps every step where it was. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sample = sample_path ("loan-payment.bpj");
  g_autofree char *sheet = g_build_filename (fixture->dir, "loan.csv", NULL);
  g_autofree char *back = g_build_filename (fixture->dir, "loan.bpj", NULL);
  g_autofree char *export_sheet = g_strconcat ("--export=", sheet, NULL);
  g_autofree char *export_back = g_strconcat ("--export=", back, NULL);
  const char *to_sheet[] = { export_sheet, sample, NULL };
  const char *to_bpj[] = { export_back, sheet, NULL };
  g_autofree char *text = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) original = NULL, read_back = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (to_sheet, NULL, NULL), ==, 0);
  g_file_get_contents (sheet, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid,stage id,stage,lane id,lane,zone,text"));

  g_assert_cmpint (cli_test_run_touchpoint (to_bpj, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  original = bp_bpj_load (sample, &error);
  g_assert_no_error (error);
  read_back = bp_bpj_load (back, &error);
  g_assert_no_error (error);
  assert_same_steps (original, read_back);
  /* The blueprint is named after the sheet it came from. */
  g_assert_cmpstr (bp_document_get_title (read_back), ==, "loan");
}

/* Any export format straight from a sheet, with its notices on stderr. */
static void
test_sheet_to_png (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sheet = write_text (fixture, "steps.csv",
                                       "Stage;Service layer;What happens;Time in minutes\n"
                                       "Pay;Customer;Pays the bill;1,5\n"
                                       "Pay;Backstage;Books it;\n");
  g_autofree char *png = g_build_filename (fixture->dir, "steps.png", NULL);
  g_autofree char *export = g_strconcat ("--export=", png, NULL);
  const char *args[] = { export, sheet, NULL };
  g_autofree char *err = NULL, *bytes = NULL;
  gsize length = 0;

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "steps.csv: Cells are separated by semicolons"));
  g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_check_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *good = write_text (fixture, "good.csv", "stage,zone,text\nPay,customer,Pays\n");
  g_autofree char *bad = write_text (fixture, "bad.csv",
                                     "stage,zone,text,duration\n"
                                     "Pay,custmer,Pays,\n"
                                     "\n"
                                     "Pay,customer,Waits,soon\n");
  const char *check_good[] = { "--check", good, NULL };
  const char *check_both[] = { "--check", good, bad, NULL };
  g_autofree char *err = NULL, *err_good = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (check_good, NULL, &err_good), ==, 0);
  g_assert_cmpstr (err_good, ==, "");

  expected = g_strdup_printf ("%s: Row 2, column B (zone): unknown zone “custmer”: use evidence, customer, "
                              "frontstage, backstage or support\n"
                              "%s: Row 4, column D (duration): “soon” is not a duration: write 90, 90 s, "
                              "5 min, 1 h 30 min, 2 d, 1:30 or 1:02:00\n", bad, bad);
  g_assert_cmpint (cli_test_run_touchpoint (check_both, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
}

/* A refused sheet writes nothing. */
static void
test_refused_sheet (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bad = write_text (fixture, "bad.csv", "stage,zone,text\nPay,customer,\"open\n");
  g_autofree char *out = g_build_filename (fixture->dir, "out.bpj", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  const char *args[] = { export, bad, NULL };
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: Row 2, column C: a quoted cell is never closed\n", bad);

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A step sheet and its flow sheet: arrows with their labels. */
static void
test_flow_sheet (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *steps = write_text (fixture, "steps.csv",
                                       "id,stage,zone,text,next\n"
                                       "a,Pay,customer,Pays,b\n"
                                       "b,Pay,backstage,Books it,\n"
                                       "c,Pay,support,Sends the receipt,\n");
  g_autofree char *flows = write_text (fixture, "flows.csv", "from,to,label\na,b,card\nb,c,\n");
  g_autofree char *bad = write_text (fixture, "bad-flows.csv", "from,to\na,z\n");
  g_autofree char *out = g_build_filename (fixture->dir, "out.bpj", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  const char *args[] = { export, steps, flows, NULL };
  const char *bad_args[] = { export, steps, bad, NULL };
  g_autofree char *err = NULL, *bad_err = NULL, *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, NULL), ==, 0);
  document = bp_bpj_load (out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_document_get_n_flows (document), ==, 2);
  g_assert_cmpstr (bp_flow_get_label (bp_document_get_flow (document, 0)), ==, "card");
  g_assert_cmpstr (bp_flow_get_from (bp_document_get_flow (document, 1)), ==, "b");
  g_assert_cmpint (g_unlink (out), ==, 0);

  expected = g_strdup_printf ("%s: Row 2, column B (to): no step has the id “z”\n", bad);
  g_assert_cmpint (cli_test_run_touchpoint (bad_args, NULL, &bad_err), ==, 1);
  g_assert_true (g_str_has_suffix (bad_err, expected));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_sheet_options (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *sample = sample_path ("loan-payment.bpj");
  g_autofree char *out = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  const char *args[] = { export, "--export-scale=2", sample, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run_touchpoint (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "A CSV export takes no --export-… options"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-csv/round-trip", test_round_trip);
  ADD ("/cli-csv/sheet-to-png", test_sheet_to_png);
  ADD ("/cli-csv/check", test_check_sheet);
  ADD ("/cli-csv/refused", test_refused_sheet);
  ADD ("/cli-csv/options", test_sheet_options);
  ADD ("/cli-csv/flow-sheet", test_flow_sheet);
#undef ADD

  return g_test_run ();
}
