/* bench.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times loading, saving, layout, rendering, exporting and autosaving
 * blueprints of 100, 1,000 and 10,000 steps, and prints the medians beside
 * the targets for 10,000 steps.   meson compile -C BUILD bench
 *
 * The 10,000-step blueprint is as wide as such a journey would be, far
 * wider than the 32,767 px of an image surface: its full render goes to a
 * recording surface and its PNG export is scaled down to fit. */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-limits.h"
#include "recovery/bp-autosave.h"
#include "bpj/bp-bpj.h"
#include "export/bp-export.h"
#include "history/bp-history.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"

/* Largest side of a cairo image surface. */
#define MAX_IMAGE_SIDE 32767

#define VIEWPORT_WIDTH  1280
#define VIEWPORT_HEIGHT 800

/* Cards per lane in one stage, and the layout of a stage. */
#define CARDS_PER_LANE_PER_STAGE 2
#define CARD_GAP 24
#define CARD_WIDTH 160

typedef enum {
  OP_LOAD,
  OP_WRITE,
  OP_SAVE,
  OP_LAYOUT,
  OP_LAYOUT_NEW,
  OP_RENDER_FULL,
  OP_RENDER_VIEWPORT,
  OP_EXPORT_PNG,
  OP_EXPORT_PDF,
  OP_PDF_FLOOR,
  OP_AUTOSAVE,
  OP_AUTOSAVE_DISK,
  N_OPS
} Operation;

typedef struct {
  const char *name;
  double      target_ms;   /* for 10,000 steps; 0: none */
} OperationInfo;

static const OperationInfo operations[N_OPS] = {
  [OP_LOAD]            = { "load + validate (read)", 250 },
  [OP_WRITE]           = { "write text (bpj_write)", 0 },
  [OP_SAVE]            = { "save to file (bpj_save)", 100 },
  [OP_LAYOUT]          = { "layout update", 20 },
  /* A first layout measures every card's text (an update reuses it). */
  [OP_LAYOUT_NEW]      = { "layout, first", 0 },
  [OP_RENDER_FULL]     = { "full render, 100 %", 0 },
  [OP_RENDER_VIEWPORT] = { "viewport render 1280x800", 8 },
  [OP_EXPORT_PNG]      = { "PNG export", 0 },
  [OP_EXPORT_PDF]      = { "PDF export", 1000 },
  /* The same page drawn with bare cairo and pango (run_pdf_floor()). */
  [OP_PDF_FLOOR]       = { "PDF floor (bare cairo)", 0 },
  /* What an autosave takes from the main thread: less than a frame. */
  [OP_AUTOSAVE]        = { "autosave, main thread", 16 },
  [OP_AUTOSAVE_DISK]   = { "autosave, until on disk", 0 },
};

typedef struct {
  gboolean done;
  gboolean failed;
  double   median;
  double   min;
  double   max;
} Stats;

typedef struct {
  guint        n_steps;
  guint        runs;
  char        *dir;
  char        *text;       /* the canonical text of the document */
  gsize        length;
  BpDocument  *document;
  BpLayout    *layout;
  BpRect       bounds;
  gboolean     full_is_recording;
  double       png_scale;  /* 1, or less where a PNG at 1 would be too large */
  int          png_width;
  int          png_height;
  char        *note;
  Stats        stats[N_OPS];
  Stats        pdf_ratio;  /* PDF export / floor, run by run */
  char        *keep_dir;   /* where to leave the PDFs, or NULL */
} Bench;

static const char * const lane_kinds[] = {
  "evidence", "customer", "frontstage", "backstage", "backstage", "support",
};

static const char * const verbs[] = {
  "Checks", "Sends", "Reviews", "Updates", "Confirms", "Prints", "Approves",
  "Logs", "Scans", "Books", "Calls about", "Emails",
};

static const char * const objects[] = {
  "the order", "the invoice", "the account", "a reminder", "the ticket",
  "the delivery slot", "the contract", "the refund", "the password", "the form",
};

static const char * const flag_names[] = {
  "pain-point", "opportunity", "moment-of-truth", "fail-point", "wait-point",
};

static void
append_step (GString *json,
             guint    index,
             guint    n_lanes,
             guint    per_stage)
{
  guint stage = index / per_stage;
  guint within = index % per_stage;
  guint lane = within % n_lanes;
  guint slot = within / n_lanes;

  g_string_append_printf (json,
                          "{\"id\":\"step-%u\",\"lane\":\"lane-%u\",\"stage\":\"stage-%u\","
                          "\"x\":%u,\"text\":\"%s %s %u\"",
                          index, lane, stage, CARD_GAP + slot * (CARD_WIDTH + CARD_GAP),
                          verbs[index % G_N_ELEMENTS (verbs)],
                          objects[(index / 3) % G_N_ELEMENTS (objects)], index);
  if (index % 3 == 0)
    g_string_append (json, ",\"actor\":\"Service agent\"");
  if (index % 4 == 1)
    g_string_append_printf (json, ",\"duration\":%u", 30 + index % 600);
  if (index % 7 == 0)
    g_string_append_printf (json, ",\"flags\":[\"%s\"]",
                            flag_names[(index / 7) % G_N_ELEMENTS (flag_names)]);
  g_string_append_c (json, '}');
}

/* A blueprint of @n_steps cards and as many arrows: six lanes over the
 * five zones, and as many stages as it takes to give each lane two cards
 * per stage. */
static char *
generate_blueprint (guint  n_steps,
                    gsize *length)
{
  const guint n_lanes = G_N_ELEMENTS (lane_kinds);
  const guint per_stage = n_lanes * CARDS_PER_LANE_PER_STAGE;
  const guint n_stages = (n_steps + per_stage - 1) / per_stage;
  const guint stage_width = CARD_GAP + CARDS_PER_LANE_PER_STAGE * (CARD_WIDTH + CARD_GAP);
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\"format\":\"bpj\",\"version\":1,"
                          "\"title\":\"Generated blueprint of %u steps\",\"stages\":[",
                          n_steps);
  for (guint s = 0; s < n_stages; s++)
    g_string_append_printf (json, "%s{\"id\":\"stage-%u\",\"name\":\"Stage %u\",\"width\":%u}",
                            s ? "," : "", s, s + 1, stage_width);

  g_string_append (json, "],\"lanes\":[");
  for (guint l = 0; l < n_lanes; l++)
    g_string_append_printf (json, "%s{\"id\":\"lane-%u\",\"kind\":\"%s\"}",
                            l ? "," : "", l, lane_kinds[l]);

  g_string_append (json, "],\"steps\":[");
  for (guint i = 0; i < n_steps; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_step (json, i, n_lanes, per_stage);
    }

  /* Mostly to the next card down the stage, crossing the lines; every
   * fifth to the same lane's next card. */
  g_string_append (json, "],\"flows\":[");
  for (guint i = 0; i < n_steps; i++)
    {
      guint to = (i % 5 == 4 ? i + n_lanes : i + 1) % n_steps;

      if (to == i)
        to = (i + 1) % n_steps;
      g_string_append_printf (json, "%s{\"id\":\"flow-%u\",\"from\":\"step-%u\",\"to\":\"step-%u\"%s}",
                              i ? "," : "", i, i, to, i % 9 == 0 ? ",\"label\":\"hand-off\"" : "");
    }
  g_string_append (json, "]}\n");

  *length = json->len;
  return g_string_free (json, FALSE);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
set_stats (Stats  *stats,
           double *samples,
           guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  stats->done = TRUE;
  stats->min = samples[0];
  stats->max = samples[n - 1];
  stats->median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* One timed run of an operation, in ms; negative when it failed. */
typedef double (*RunFunc) (Bench *bench);

static double
run_load (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document;
  gint64 start = g_get_monotonic_time ();
  double ms;

  document = bp_bpj_read (bench->text, bench->length, "bench.bpj", &error);
  ms = elapsed_ms (start);
  if (document == NULL)
    g_error ("%s", error->message);
  g_object_unref (document);

  return ms;
}

static double
run_write (Bench *bench)
{
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize length;
  double ms;

  text = bp_bpj_write (bench->document, &length);
  ms = elapsed_ms (start);
  if (length != bench->length || memcmp (text, bench->text, length) != 0)
    g_error ("writing is not deterministic");

  return ms;
}

static double
run_save (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "save.bpj", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!bp_bpj_save (bench->document, path, &error))
    g_error ("%s", error->message);

  return elapsed_ms (start);
}

static double
run_layout (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();

  bp_layout_update (bench->layout);

  return elapsed_ms (start);
}

static double
run_layout_new (Bench *bench)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BpLayout) layout = bp_layout_new (bench->document);

  return elapsed_ms (start);
}

static cairo_surface_t *
create_full_surface (Bench *bench)
{
  int width = (int) bench->bounds.width + 1;
  int height = (int) bench->bounds.height + 1;

  if (!bench->full_is_recording)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* Too large for an image: record the drawing instead (every drawing
   * call is made and stored, nothing is rasterised). */
  return cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
}

static double
run_render_full (Bench *bench)
{
  cairo_surface_t *surface = create_full_surface (bench);
  cairo_t *cr = cairo_create (surface);
  BpRenderOptions options;
  gint64 start;
  double ms;

  bp_render_options_init (&options);
  options.zoom = 1;

  start = g_get_monotonic_time ();
  bp_render (cr, bench->layout, &options);
  cairo_surface_flush (surface);
  ms = elapsed_ms (start);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return ms;
}

static double
run_render_viewport (Bench *bench)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRenderOptions options;
  gint64 start;
  double ms;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEWPORT_WIDTH, VIEWPORT_HEIGHT);
  cr = cairo_create (surface);

  /* The middle of the blueprint, where a user scrolled to. */
  bp_render_options_init (&options);
  options.zoom = 1;
  options.viewport.x = MAX (0, bench->bounds.width / 2 - VIEWPORT_WIDTH / 2);
  options.viewport.y = MAX (0, bench->bounds.height / 2 - VIEWPORT_HEIGHT / 2);
  options.viewport.width = VIEWPORT_WIDTH;
  options.viewport.height = VIEWPORT_HEIGHT;

  start = g_get_monotonic_time ();
  bp_render (cr, bench->layout, &options);
  cairo_surface_flush (surface);
  ms = elapsed_ms (start);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return ms;
}

static double
run_export (Bench          *bench,
            BpExportFormat  format,
            double          scale,
            const char     *name)
{
  g_autofree char *path = g_build_filename (bench->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BpExportOptions options;
  gint64 start;
  double ms;

  bp_export_options_init (&options);
  options.format = format;
  options.scale = scale;

  start = g_get_monotonic_time ();
  if (!bp_export_to_file (bench->document, path, &options, &error))
    {
      g_autofree char *note = g_strdup_printf ("%s export of %u steps failed: %s",
                                               name, bench->n_steps, error->message);
      char *joined = bench->note ? g_strjoin ("\n  ", bench->note, note, NULL)
                                 : g_strdup (note);

      g_free (bench->note);
      bench->note = joined;
      return -1;
    }
  ms = elapsed_ms (start);
  if (bench->keep_dir != NULL)
    {
      g_autofree char *kept = g_build_filename (bench->keep_dir, name, NULL);

      g_rename (path, kept);
    }
  g_unlink (path);

  return ms;
}

static double
run_export_png (Bench *bench)
{
  return run_export (bench, BP_EXPORT_FORMAT_PNG, bench->png_scale, "export.png");
}

static double
run_export_pdf (Bench *bench)
{
  return run_export (bench, BP_EXPORT_FORMAT_PDF, 1, "export.pdf");
}

/* The floor under the PDF export: the page of the fitted export, of the
 * same size and scale, with as many cards, lines of text and arrows drawn
 * by bare cairo and pango. Each card is a rounded rectangle with two
 * lines of text, each flow a polyline and an arrowhead. */
static void
floor_card (cairo_t      *cr,
            PangoLayout  *text,
            const BpRect *card,
            const char   *body,
            const char   *footer)
{
  double x = card->x, y = card->y, w = card->width, h = card->height, r = 8;
  g_autofree char *lines = g_strdup_printf ("%s\n%s", body, footer);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  pango_layout_set_text (text, lines, -1);
  cairo_move_to (cr, x + 10, y + 10);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, text);
}

static void
floor_arrow (cairo_t       *cr,
             const BpPoint *points,
             guint          n_points)
{
  const BpPoint *tip = &points[n_points - 1], *before = &points[n_points - 2];
  double length = hypot (tip->x - before->x, tip->y - before->y);
  double dx = (tip->x - before->x) / MAX (length, 1e-9);
  double dy = (tip->y - before->y) / MAX (length, 1e-9);

  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_stroke (cr);

  cairo_move_to (cr, tip->x, tip->y);
  cairo_line_to (cr, tip->x - 11 * dx - 5.5 * dy, tip->y - 11 * dy + 5.5 * dx);
  cairo_line_to (cr, tip->x - 11 * dx + 5.5 * dy, tip->y - 11 * dy - 5.5 * dx);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static double
run_pdf_floor (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->keep_dir ? bench->keep_dir : bench->dir,
                                            "floor.pdf", NULL);
  double zoom = MIN (1, 14400.0 / MAX (bench->bounds.width, bench->bounds.height));
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, bench->bounds.width * zoom,
                                                       bench->bounds.height * zoom);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Inter, sans-serif 13px");
  double ms;

  pango_layout_set_font_description (text, font);
  cairo_scale (cr, zoom, zoom);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_set_line_width (cr, 1.5);

  for (guint i = 0; i < bp_document_get_n_flows (bench->document); i++)
    {
      guint n_points = 0;
      const BpPoint *points = bp_layout_get_flow_path (bench->layout, i, &n_points);

      if (points != NULL && n_points >= 2)
        floor_arrow (cr, points, n_points);
    }

  for (guint i = 0; i < bp_document_get_n_steps (bench->document); i++)
    {
      BpStep *step = bp_document_get_step (bench->document, i);
      const char *actor = bp_step_get_actor (step);
      BpRect card;

      if (bp_layout_get_step_rect (bench->layout, i, &card))
        floor_card (cr, text, &card, bp_step_get_text (step),
                    actor != NULL && actor[0] != '\0' ? actor : bp_item_get_id (BP_ITEM (step)));
    }

  pango_font_description_free (font);
  g_object_unref (text);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("floor: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  ms = elapsed_ms (start);
  if (bench->keep_dir == NULL)
    g_unlink (path);

  return ms;
}

static void
on_autosave_written (BpAutosave *autosave,
                     gboolean   *written)
{
  *written = TRUE;
}

/* One autosave of a change: the text is made on the main thread (@main_ms)
 * and written by another; returns the time until it is on disk. The
 * change is undone after, which removes the copy. */
static double
autosave_once (Bench  *bench,
               double *main_ms)
{
  g_autoptr(BpAutosave) autosave = bp_autosave_new (bench->document);
  BpHistory *history = bp_document_get_history (bench->document);
  gboolean written = FALSE;
  gint64 start;

  g_signal_connect (autosave, "written", G_CALLBACK (on_autosave_written), &written);
  bp_document_set_goal (bench->document, "Pay on time");

  start = g_get_monotonic_time ();
  bp_autosave_flush (autosave);
  *main_ms = elapsed_ms (start);
  while (!written)
    g_main_context_iteration (NULL, TRUE);

  bp_history_undo (history);
  bp_autosave_discard (autosave);
  return elapsed_ms (start);
}

static double
run_autosave (Bench *bench)
{
  double main_ms;

  autosave_once (bench, &main_ms);
  return main_ms;
}

static double
run_autosave_disk (Bench *bench)
{
  double main_ms;

  return autosave_once (bench, &main_ms);
}

static const RunFunc run_funcs[N_OPS] = {
  [OP_LOAD]            = run_load,
  [OP_WRITE]           = run_write,
  [OP_SAVE]            = run_save,
  [OP_LAYOUT]          = run_layout,
  [OP_LAYOUT_NEW]      = run_layout_new,
  [OP_RENDER_FULL]     = run_render_full,
  [OP_RENDER_VIEWPORT] = run_render_viewport,
  [OP_EXPORT_PNG]      = run_export_png,
  [OP_EXPORT_PDF]      = run_export_pdf,
  [OP_PDF_FLOOR]       = run_pdf_floor,
  [OP_AUTOSAVE]        = run_autosave,
  [OP_AUTOSAVE_DISK]   = run_autosave_disk,
};

/* The PDF export and its floor in turn, export then floor, so that both
 * see the same machine: their ratio is taken run by run. */
static void
measure_pdf_and_floor (Bench *bench)
{
  g_autofree double *export = g_new (double, bench->runs);
  g_autofree double *floor_ms = g_new (double, bench->runs);
  g_autofree double *ratio = g_new (double, bench->runs);

  for (guint r = 0; r < bench->runs; r++)
    {
      export[r] = run_export_pdf (bench);
      floor_ms[r] = run_pdf_floor (bench);
      if (export[r] < 0)
        {
          bench->stats[OP_EXPORT_PDF].done = TRUE;
          bench->stats[OP_EXPORT_PDF].failed = TRUE;
          return;
        }
      ratio[r] = export[r] / floor_ms[r];
    }

  set_stats (&bench->stats[OP_EXPORT_PDF], export, bench->runs);
  set_stats (&bench->stats[OP_PDF_FLOOR], floor_ms, bench->runs);
  set_stats (&bench->pdf_ratio, ratio, bench->runs);
}

static void
measure (Bench     *bench,
         Operation  op)
{
  g_autofree double *samples = g_new (double, bench->runs);

  if (op == OP_PDF_FLOOR)
    return;  /* with OP_EXPORT_PDF */
  if (op == OP_EXPORT_PDF)
    {
      measure_pdf_and_floor (bench);
      return;
    }

  for (guint r = 0; r < bench->runs; r++)
    {
      samples[r] = run_funcs[op] (bench);
      if (samples[r] < 0)
        {
          bench->stats[op].done = TRUE;
          bench->stats[op].failed = TRUE;
          return;
        }
    }

  set_stats (&bench->stats[op], samples, bench->runs);
}

/* A PNG cannot be wider or taller than an image surface: export the
 * largest blueprints at the largest scale (in hundredths) that fits. */
static double
png_scale_that_fits (BpDocument *document)
{
  int width, height;
  int side;

  bp_export_get_png_size (document, 1, &width, &height);
  side = MAX (width, height);
  if (side <= MAX_IMAGE_SIDE)
    return 1;

  return floor (100.0 * MAX_IMAGE_SIDE / side) / 100.0;
}

static void
bench_prepare (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  gsize generated_length;

  generated = generate_blueprint (bench->n_steps, &generated_length);
  bench->document = bp_bpj_read (generated, generated_length, "generated.bpj", &error);
  if (bench->document == NULL)
    g_error ("%s", error->message);

  /* Load what the writer writes, as a saved file would be. */
  bench->text = bp_bpj_write (bench->document, &bench->length);
  bench->layout = bp_layout_new (bench->document);
  bp_layout_update (bench->layout);
  bp_layout_get_bounds (bench->layout, &bench->bounds);
  bench->full_is_recording = bench->bounds.width > MAX_IMAGE_SIDE ||
                             bench->bounds.height > MAX_IMAGE_SIDE;
  bench->png_scale = png_scale_that_fits (bench->document);
  bp_export_get_png_size (bench->document, bench->png_scale,
                          &bench->png_width, &bench->png_height);
}

/* Keeps the figures, frees the blueprint before the next size. */
static void
bench_clear (Bench *bench)
{
  g_autofree char *saved = g_build_filename (bench->dir, "save.bpj", NULL);

  g_unlink (saved);
  g_clear_object (&bench->layout);
  g_clear_object (&bench->document);
  g_clear_pointer (&bench->text, g_free);
}

static long
peak_memory_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static char *
format_stats (const Stats *stats)
{
  if (!stats->done)
    return g_strdup ("-");
  if (stats->failed)
    return g_strdup ("failed");
  if (stats->median < 10)
    return g_strdup_printf ("%.2f [%.2f-%.2f]", stats->median, stats->min, stats->max);
  return g_strdup_printf ("%.1f [%.1f-%.1f]", stats->median, stats->min, stats->max);
}

static void
print_padded (const char *text,
              int         width)
{
  g_print ("%-*s", width, text);
}

/* Touchpoint's fitted PDF page against the same page drawn bare. */
static void
print_pdf_floor (const Bench *bench)
{
  const Stats *export = &bench->stats[OP_EXPORT_PDF];
  const Stats *floor_ms = &bench->stats[OP_PDF_FLOOR];
  const Stats *ratio = &bench->pdf_ratio;

  if (!ratio->done)
    return;
  g_print ("PDF export against its floor at %u steps (median of %u runs): "
           "%.0f ms / %.0f ms = %.2f; run by run %.2f [%.2f-%.2f]\n",
           bench->n_steps, bench->runs, export->median, floor_ms->median,
           export->median / floor_ms->median, ratio->median, ratio->min, ratio->max);
}

static void
print_table (Bench *benches,
             guint  n_benches)
{
  const Bench *largest = &benches[n_benches - 1];
  guint missed = 0;

  g_print ("\nTimes in ms: median [min-max]\n\n");
  print_padded ("", 26);
  for (guint b = 0; b < n_benches; b++)
    {
      g_autofree char *head = g_strdup_printf ("%u steps (%u runs)",
                                               benches[b].n_steps, benches[b].runs);
      print_padded (head, 26);
    }
  g_print ("target (%u steps)\n", largest->n_steps);

  for (guint op = 0; op < N_OPS; op++)
    {
      const Stats *stats = &largest->stats[op];
      const char *name = operations[op].name;
      g_autofree char *full_name = NULL;

      if (op == OP_RENDER_FULL && largest->full_is_recording)
        name = full_name = g_strdup_printf ("%s *", operations[op].name);
      if (op == OP_EXPORT_PNG && largest->png_scale != 1)
        name = full_name = g_strdup_printf ("%s **", operations[op].name);
      print_padded (name, 26);
      for (guint b = 0; b < n_benches; b++)
        {
          g_autofree char *cell = format_stats (&benches[b].stats[op]);
          print_padded (cell, 26);
        }

      if (operations[op].target_ms > 0)
        {
          gboolean ok = stats->done && !stats->failed &&
                        stats->median <= operations[op].target_ms;

          g_print ("<= %g %s", operations[op].target_ms, ok ? "ok" : "MISSED");
          missed += !ok;
        }
      g_print ("\n");
    }

  g_print ("\n");
  for (guint b = 0; b < n_benches; b++)
    {
      const Bench *bench = &benches[b];

      g_print ("%u steps: %.0f x %.0f canvas units, %.2f MiB of .bpj; "
               "full render into %s; PNG at scale %.2f: %d x %d px%s\n",
               bench->n_steps, bench->bounds.width, bench->bounds.height,
               bench->length / (1024.0 * 1024.0),
               bench->full_is_recording ? "a recording surface (*)" : "an image surface",
               bench->png_scale, bench->png_width, bench->png_height,
               bench->png_scale != 1 ? " (**)" : "");
      if (bench->note != NULL)
        g_print ("  %s\n", bench->note);
    }
  g_print ("(*)  wider than 32,767 px: the drawing is recorded, not rasterised\n"
           "(**) a PNG cannot be wider than 32,767 px: exported at the largest scale that fits\n");

  g_print ("(the PDF floor draws as many cards, two lines of text each, and arrows with bare\n"
           " cairo and pango on a page of the same size)\n\n");
  print_pdf_floor (largest);

  g_print ("\nPeak memory (ru_maxrss): %.1f MiB\n", peak_memory_kib () / 1024.0);
  g_print ("%s\n", missed ? "Some targets were MISSED." : "All targets met.");
}

int
main (int   argc,
      char *argv[])
{
  Bench benches[] = {
    { .n_steps = 100, .runs = 7 },
    { .n_steps = 1000, .runs = 7 },
    { .n_steps = 10000, .runs = 5 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  dir = g_dir_make_tmp ("touchpoint-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  /* Recovery copies go to the bench's folder, not the user's. */
  g_setenv ("XDG_STATE_HOME", dir, TRUE);

  /* --pdf [DIR]: only the PDF export of 10,000 steps against its floor,
   * leaving the last run's two files in DIR when given. */
  if (argc > 1 && g_str_equal (argv[1], "--pdf"))
    {
      Bench *bench = &benches[G_N_ELEMENTS (benches) - 1];

      bench->dir = dir;
      bench->runs = 7;
      bench_prepare (bench);
      run_export_pdf (bench);  /* a warm-up: fonts, caches */
      bench->keep_dir = argc > 2 ? argv[2] : NULL;
      measure (bench, OP_EXPORT_PDF);
      bench_clear (bench);
      print_pdf_floor (bench);
      g_rmdir (dir);
      return 0;
    }

  /* --limits: only the largest and most awkward documents (bench-limits.c) */
  if (argc > 1 && g_str_equal (argv[1], "--limits"))
    {
      bench_limits_run (dir);
      g_rmdir (dir);
      return 0;
    }

  for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
    {
      Bench *bench = &benches[b];
      gint64 start = g_get_monotonic_time ();

      bench->dir = dir;
      bench_prepare (bench);
      for (guint op = 0; op < N_OPS; op++)
        measure (bench, op);
      bench_clear (bench);

      g_print ("%u steps measured in %.1f s; peak memory so far %.1f MiB\n",
               bench->n_steps, elapsed_ms (start) / 1000.0, peak_memory_kib () / 1024.0);
    }

  print_table (benches, G_N_ELEMENTS (benches));
  bench_limits_run (dir);

  for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
    g_clear_pointer (&benches[b].note, g_free);
  {
    g_autofree char *recovery = g_build_filename (dir, "touchpoint", "recovery", NULL);
    g_autofree char *touchpoint = g_build_filename (dir, "touchpoint", NULL);

    g_rmdir (recovery);
    g_rmdir (touchpoint);
  }
  g_rmdir (dir);

  return 0;
}
