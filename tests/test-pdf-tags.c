/* test-pdf-tags.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "export/bp-export.h"
#include "layout/bp-layout.h"

/* The tagged PDF: a structure tree (pdfinfo says "Tagged: yes"), a
 * bookmark per stage in order, text in reading order, the same look as
 * an untagged drawing, and no corrupt file whatever the text. */

static const char * const samples[] = {
  "loan-payment.bpj", "it-support.bpj", "saas-onboarding.bpj",
};

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("touchpoint-tags-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static BpDocument *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), name, NULL);
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  return document;
}

static void
init_pdf (BpExportOptions *options,
          BpExportPage     page,
          gboolean         page_per_stage)
{
  bp_export_options_init (options);
  options->format = BP_EXPORT_FORMAT_PDF;
  options->page = page;
  options->page_per_stage = page_per_stage;
}

static char *
export_pdf (Fixture               *f,
            BpDocument            *document,
            const char            *name,
            const BpExportOptions *options)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!bp_export_to_file (document, path, options, &error))
    g_error ("%s: %s", name, error->message);
  return path;
}

/* Runs a poppler tool; FALSE (and the test skipped) when poppler-utils
 * is not installed. */
static gboolean
run_poppler (const char  *tool,
             const char **args,
             char       **out)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext) is not installed");
      return FALSE;
    }

  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  /* poppler says "Syntax Error" and goes on for a file that is broken. */
  if (strstr (err, "Error") != NULL)
    g_error ("%s complained: %s", tool, err);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The look                                                            */

/* How many pixels differ by more than a trace between the page drawn
 * at once and drawn as a tagged PDF draws it. */
static guint
count_differences (BpLayout              *layout,
                   const BpExportOptions *options,
                   guint                  page)
{
  cairo_surface_t *surfaces[2];
  double width, height;
  guint differences = 0;

  g_assert_true (bp_export_get_page_size (layout, options, page, &width, &height));
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      cr = cairo_create (surfaces[i]);
      if (i == 0)
        bp_export_draw_page (cr, layout, options, page);
      else
        bp_export_draw_page_tagged (cr, layout, options, page);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }

  for (int y = 0; y < (int) height; y++)
    {
      const guchar *a = cairo_image_surface_get_data (surfaces[0]) + y * cairo_image_surface_get_stride (surfaces[0]);
      const guchar *b = cairo_image_surface_get_data (surfaces[1]) + y * cairo_image_surface_get_stride (surfaces[1]);

      for (int x = 0; x < 4 * (int) width; x += 4)
        for (int c = 0; c < 3; c++)
          if (abs (a[x + c] - b[x + c]) > 8)
            {
              differences++;
              break;
            }
    }

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  return differences;
}

static void
test_same_look (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(BpDocument) document = load_sample (samples[i]);
      g_autoptr(BpLayout) layout = bp_layout_new (document);
      BpExportOptions options[3];

      init_pdf (&options[0], BP_EXPORT_PAGE_SLIDE, FALSE);
      init_pdf (&options[1], BP_EXPORT_PAGE_FIT, FALSE);
      init_pdf (&options[2], BP_EXPORT_PAGE_FIT, TRUE);

      for (guint o = 0; o < G_N_ELEMENTS (options); o++)
        for (guint page = 0; page < bp_export_get_n_pages (layout, &options[o]); page++)
          {
            guint differences = count_differences (layout, &options[o], page);

            if (differences > 0)
              g_error ("%s, options %u, page %u: %u pixels differ", samples[i], o, page + 1, differences);
          }
    }
}

/* ------------------------------------------------------------------ */
/* pdfinfo and the outline                                             */

static void
assert_tagged (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *args[] = { pdf, NULL };

  if (!run_poppler ("pdfinfo", args, &out))
    return;
  if (strstr (out, "Tagged:          yes") == NULL)
    g_error ("%s is not tagged:\n%s", pdf, out);
  g_assert_nonnull (strstr (out, "Creator:         Touchpoint"));
  g_assert_nonnull (strstr (out, "Subject:         Service blueprint"));
}

/* A PDF string as cairo writes it: (literal) with backslash escapes,
 * or <FEFF…> in UTF-16BE hex. */
static char *
decode_pdf_string (const char *at)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (*at == '(')
    {
      for (at++; *at != '\0' && *at != ')'; at++)
        {
          if (*at == '\\' && at[1] != '\0')
            at++;
          g_string_append_c (text, *at);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_assert_true (*at == '<');
  {
    g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));

    for (at++; g_ascii_isxdigit (at[0]) && g_ascii_isxdigit (at[1]) &&
               g_ascii_isxdigit (at[2]) && g_ascii_isxdigit (at[3]); at += 4)
      {
        gunichar2 unit = (g_ascii_xdigit_value (at[0]) << 12) | (g_ascii_xdigit_value (at[1]) << 8) |
                         (g_ascii_xdigit_value (at[2]) << 4) | g_ascii_xdigit_value (at[3]);
        g_array_append_val (units, unit);
      }
    g_assert_cmpuint (units->len, >=, 1);
    g_assert_cmpuint (g_array_index (units, gunichar2, 0), ==, 0xFEFF);
    return g_utf16_to_utf8 ((gunichar2 *) units->data + 1, units->len - 1, NULL, NULL, NULL);
  }
}

/* The body of object @number in an uncompressed dictionary. */
static const char *
find_object (const char *pdf,
             guint       number)
{
  g_autofree char *head = g_strdup_printf ("\n%u 0 obj", number);
  const char *at = strstr (pdf, head);

  g_assert_nonnull (at);
  return at + strlen (head);
}

static guint
reference_after (const char *dict,
                 const char *key,
                 const char *end)
{
  const char *at = strstr (dict, key);

  if (at == NULL || (end != NULL && at > end))
    return 0;
  return (guint) strtoul (at + strlen (key), NULL, 10);
}

/* The titles of the outline's top entries, in order: a small reader of
 * the /Outlines dictionary and the /First, /Next chain. */
static GPtrArray *
read_outline (const char *path)
{
  g_autofree char *pdf = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  const char *outlines;
  gsize length;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  /* Streams may hold NULs: the dictionaries cairo writes come before and
   * between them as text; search past each NUL. */
  for (gsize i = 0; i < length; i++)
    if (pdf[i] == '\0')
      pdf[i] = ' ';

  outlines = strstr (pdf, "/Type /Outlines");
  g_assert_nonnull (outlines);

  for (guint item = reference_after (outlines, "/First ", strstr (outlines, ">>")); item != 0;)
    {
      const char *dict = find_object (pdf, item);
      const char *end = strstr (dict, "endobj");
      const char *title = strstr (dict, "/Title ");

      g_assert_true (title != NULL && title < end);
      g_ptr_array_add (titles, decode_pdf_string (title + strlen ("/Title ")));
      item = reference_after (dict, "/Next ", end);
    }

  return titles;
}

static void
assert_outline_lists_stages (const char *path,
                             BpDocument *document)
{
  g_autoptr(GPtrArray) titles = read_outline (path);

  g_assert_cmpuint (titles->len, ==, bp_document_get_n_stages (document));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (titles->pdata[i], ==, bp_stage_get_name (bp_document_get_stage (document, i)));
}

static void
test_tagged_and_outline (Fixture       *f,
                         gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(BpDocument) document = load_sample (samples[i]);
      const struct { BpExportPage page; gboolean per_stage; const char *name; } kinds[] = {
        { BP_EXPORT_PAGE_SLIDE, FALSE, "slides.pdf" },
        { BP_EXPORT_PAGE_FIT, FALSE, "fit.pdf" },
        { BP_EXPORT_PAGE_FIT, TRUE, "pages.pdf" },
      };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *pdf = NULL;
          BpExportOptions options;

          init_pdf (&options, kinds[k].page, kinds[k].per_stage);
          pdf = export_pdf (f, document, kinds[k].name, &options);
          assert_outline_lists_stages (pdf, document);
          assert_tagged (pdf);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Reading order                                                       */

/* Without any white space: pdftotext breaks lines where the card
 * wraps its text, even after a hyphen. */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

typedef struct {
  int    stage;
  int    lane;
  BpRect card;
  const char *text;
} Step;

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const Step *x = a, *y = b;

  if (x->stage != y->stage)
    return x->stage - y->stage;
  if (x->lane != y->lane)
    return x->lane - y->lane;
  if (x->card.y != y->card.y)
    return x->card.y < y->card.y ? -1 : 1;
  return x->card.x < y->card.x ? -1 : x->card.x > y->card.x;
}

/* The steps in reading order: stage by stage, lane by lane, top to
 * bottom and left to right. */
static GArray *
steps_in_reading_order (BpDocument *document,
                        BpLayout   *layout)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Step));

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      Step s = {
        bp_document_get_position (document, bp_document_lookup (document, bp_step_get_stage (step))),
        bp_document_get_position (document, bp_document_lookup (document, bp_step_get_lane (step))),
        { 0 }, bp_step_get_text (step),
      };

      g_assert_true (bp_layout_get_step_rect (layout, i, &s.card));
      g_array_append_val (steps, s);
    }

  g_array_sort (steps, compare_steps);
  return steps;
}

/* pdftotext -raw gives the text in the order it is in the file, which
 * for a tagged page is its structure's: every step's text comes after
 * the one before it in reading order, and after its stage's name. */
static void
test_reading_order (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(BpDocument) document = load_sample (samples[i]);
      g_autoptr(BpLayout) layout = bp_layout_new (document);
      g_autoptr(GArray) steps = steps_in_reading_order (document, layout);
      g_autofree char *pdf = NULL;
      g_autofree char *out = NULL;
      g_autofree char *text = NULL;
      const char *argv[] = { "-raw", NULL, "-", NULL };
      const char *at;
      BpExportOptions options;
      int stage = -1;

      init_pdf (&options, BP_EXPORT_PAGE_FIT, FALSE);
      pdf = export_pdf (f, document, "order.pdf", &options);
      argv[1] = pdf;
      if (!run_poppler ("pdftotext", argv, &out))
        return;

      text = squeeze_spaces (out);
      at = text;
      for (guint s = 0; s < steps->len; s++)
        {
          const Step *step = &g_array_index (steps, Step, s);
          g_autofree char *wanted = squeeze_spaces (step->text);
          const char *found;

          if (step->stage != stage)
            {
              g_autofree char *name = squeeze_spaces (bp_stage_get_name (bp_document_get_stage (document, step->stage)));

              stage = step->stage;
              found = strstr (at, name);
              if (found == NULL)
                g_error ("%s: stage “%s” is not where it belongs in:\n%s", samples[i], name, text);
              at = found + strlen (name);
            }

          found = strstr (at, wanted);
          if (found == NULL)
            g_error ("%s: “%s” is not after the step before it in:\n%s", samples[i], wanted, at);
          at = found + strlen (wanted);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Any text                                                            */

static const char *
fuzz_text (guint kind,
           guint n)
{
  static char *long_text;

  if (long_text == NULL)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < 600; i++)
        g_string_append (text, "lorem ipsum ");
      long_text = g_string_free (text, FALSE);
    }

  switch ((kind + n) % 7)
    {
    case 0: return "";
    case 1: return long_text;
    case 2: return "שלום עולם, مرحبا بالعالم";
    case 3: return "🚀 Launch 🙂👍🏽 👨‍👩‍👧";
    case 4: return "(parens) \\backslash\\ <angle> [brackets] %percent";
    case 5: return "tab\tnew\nline\rreturn";
    default: return "Plain words";
    }
}

/* Every text of a sample replaced by empty, very long, right-to-left,
 * emoji and PDF-special text: the export still writes a file that
 * pdfinfo and pdftotext read without complaint, tagged, with every
 * stage in the outline. */
static void
test_fuzzed_texts (Fixture       *f,
                   gconstpointer  data)
{
  for (guint round = 0; round < 7; round++)
    {
      g_autoptr(BpDocument) document = load_sample (samples[round % G_N_ELEMENTS (samples)]);
      BpExportPage pages[] = { BP_EXPORT_PAGE_SLIDE, BP_EXPORT_PAGE_FIT };

      bp_document_set_title (document, fuzz_text (round, 0));
      bp_document_set_persona (document, fuzz_text (round, 1));
      bp_document_set_goal (document, fuzz_text (round, 2));
      for (guint i = 0; i < bp_document_get_n_stages (document); i++)
        bp_stage_set_name (bp_document_get_stage (document, i), fuzz_text (round, i + 3));
      for (guint i = 0; i < bp_document_get_n_lanes (document); i++)
        bp_lane_set_name (bp_document_get_lane (document, i), fuzz_text (round, i + 4));
      for (guint i = 0; i < bp_document_get_n_steps (document); i++)
        {
          bp_step_set_text (bp_document_get_step (document, i), fuzz_text (round, i));
          bp_step_set_actor (bp_document_get_step (document, i), fuzz_text (round, i + 5));
        }
      for (guint i = 0; i < bp_document_get_n_flows (document); i++)
        bp_flow_set_label (bp_document_get_flow (document, i), fuzz_text (round, i + 6));

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *pdf = NULL;
          g_autofree char *out = NULL;
          g_autoptr(GPtrArray) titles = NULL;
          BpExportOptions options;
          const char *info[] = { NULL, NULL };
          const char *text[] = { NULL, "-", NULL };

          init_pdf (&options, pages[p], FALSE);
          pdf = export_pdf (f, document, "fuzz.pdf", &options);
          titles = read_outline (pdf);
          g_assert_cmpuint (titles->len, ==, bp_document_get_n_stages (document));

          info[0] = text[0] = pdf;
          if (!run_poppler ("pdfinfo", info, &out))
            return;
          g_assert_nonnull (strstr (out, "Tagged:          yes"));
          g_clear_pointer (&out, g_free);
          g_assert_true (run_poppler ("pdftotext", text, &out));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-tags/same-look", test_same_look);
  g_test_add ("/pdf-tags/tagged-and-outline", Fixture, NULL,
              fixture_set_up, test_tagged_and_outline, fixture_tear_down);
  g_test_add ("/pdf-tags/reading-order", Fixture, NULL,
              fixture_set_up, test_reading_order, fixture_tear_down);
  g_test_add ("/pdf-tags/fuzzed-texts", Fixture, NULL,
              fixture_set_up, test_fuzzed_texts, fixture_tear_down);

  return g_test_run ();
}
