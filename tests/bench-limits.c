/* bench-limits.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The limits of the format, timed: the largest documents it allows
 * (100,000 steps and flows; 64 MiB), the most awkward shapes within them
 * (100,000 cards stacked in one cell, 99,999 arrows out of one card, ids
 * and keys made to collide in a string hash, a blueprint 10^10 units wide,
 * 64 MiB of card text), and files just past the limits, which must be
 * refused at once. Each must be read or refused, laid out and drawn in
 * seconds and bounded memory. Part of `meson compile -C BUILD bench`. */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-limits.h"
#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"
#include "model/bp-types.h"

#define VIEWPORT_WIDTH  1280
#define VIEWPORT_HEIGHT 800

/* Runs of each operation; fewer when one run takes longer than this. */
#define RUNS       3
#define LONG_RUN_MS 3000.0

typedef struct {
  const char  *name;
  char      *(*generate) (void);
} Shape;

/* Generators: each returns the text of one document. */

static GString *
begin_document (guint n_stages,
                guint stage_width)
{
  GString *json = g_string_sized_new (32 * 1024 * 1024);

  g_string_append (json, "{\"format\":\"bpj\",\"version\":1,\"stages\":[");
  for (guint s = 0; s < n_stages; s++)
    g_string_append_printf (json, "%s{\"id\":\"stage-%u\",\"width\":%u}",
                            s ? "," : "", s, stage_width);
  g_string_append (json, "],\"lanes\":[");
  return json;
}

static const char * const lane_kinds[] = {
  "evidence", "customer", "frontstage", "backstage", "backstage", "support",
};

static void
append_lanes (GString *json,
              guint    n_lanes,
              guint    height)
{
  for (guint l = 0; l < n_lanes; l++)
    {
      guint kind = l * G_N_ELEMENTS (lane_kinds) / n_lanes;

      g_string_append_printf (json, "%s{\"id\":\"lane-%u\",\"kind\":\"%s\"",
                              l ? "," : "", l, lane_kinds[kind]);
      if (height > 0)
        g_string_append_printf (json, ",\"height\":%u", height);
      g_string_append_c (json, '}');
    }
  g_string_append (json, "],\"steps\":[");
}

static void
append_step (GString    *json,
             guint       index,
             const char *id,
             guint       lane,
             guint       stage,
             guint       x,
             const char *text)
{
  g_string_append_printf (json, "%s{\"id\":\"%s\",\"lane\":\"lane-%u\",\"stage\":\"stage-%u\",\"x\":%u,\"text\":\"%s\"}",
                          index ? "," : "", id, lane, stage, x, text);
}

static void
append_flow (GString    *json,
             guint       index,
             const char *from,
             const char *to)
{
  g_string_append_printf (json, "%s{\"id\":\"flow-%u\",\"from\":\"%s\",\"to\":\"%s\"}",
                          index ? "," : "", index, from, to);
}

static char *
end_document (GString *json)
{
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

/* Six lanes, two cards per lane in each stage, an arrow from each card to
 * the next: the bench's blueprint, @n_steps long. */
char *
bench_limits_journey (guint n_steps)
{
  const guint per_stage = 12;
  GString *json = begin_document ((n_steps + per_stage - 1) / per_stage, 392);

  append_lanes (json, 6, 0);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);
      guint within = i % per_stage;

      append_step (json, i, id, within % 6, i / per_stage, 24 + (within / 6) * 184,
                   "Checks the order and sends the invoice");
    }
  g_string_append (json, "],\"flows\":[");
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *from = g_strdup_printf ("step-%u", i);
      g_autofree char *to = g_strdup_printf ("step-%u", (i + 1) % n_steps);

      append_flow (json, i, from, to);
    }
  return end_document (json);
}

static char *
generate_largest (void)
{
  return bench_limits_journey (BP_MAX_ITEMS);
}

static char *
generate_too_many (void)
{
  return bench_limits_journey (BP_MAX_ITEMS + 1);
}

/* A valid blueprint padded with spaces to one byte past the limit. */
static char *
generate_too_large (void)
{
  GString *json = g_string_new ("{\"format\":\"bpj\",\"version\":1,"
                                "\"stages\":[{\"id\":\"s\"}],"
                                "\"lanes\":[{\"id\":\"l\",\"kind\":\"customer\"}]}");

  while (json->len < BP_MAX_FILE_SIZE + 1)
    g_string_append_c (json, ' ');
  return g_string_free (json, FALSE);
}

/* Every card in one lane of one stage at the same x: one stack of
 * 100,000 rows. */
static char *
generate_stack (void)
{
  GString *json = begin_document (1, 320);

  append_lanes (json, 1, 0);
  for (guint i = 0; i < BP_MAX_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);

      append_step (json, i, id, 0, 0, 24, "Stacked");
    }
  return end_document (json);
}

/* One card with an arrow to each of 99,999 others. */
static char *
generate_fan (void)
{
  GString *json = begin_document (100, 100000);

  append_lanes (json, 6, 0);
  for (guint i = 0; i < BP_MAX_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);

      append_step (json, i, id, i % 6, i / 1000, (i / 6) % 166 * 600, "Fan");
    }
  g_string_append (json, "],\"flows\":[");
  for (guint i = 1; i < BP_MAX_ITEMS; i++)
    {
      g_autofree char *to = g_strdup_printf ("step-%u", i);

      append_flow (json, i - 1, "step-0", to);
    }
  return end_document (json);
}

/* The @index-th of 2^17 strings of 34 characters with one g_str_hash():
 * "b0" and "aQ" add the same to a djb2 hash, in any order. */
static char *
alike_string (guint index)
{
  char *str = g_malloc (35);

  for (guint b = 0; b < 17; b++)
    memcpy (str + 2 * b, (index >> (16 - b)) & 1 ? "aQ" : "b0", 2);
  str[34] = '\0';
  return str;
}

static char *
generate_alike_ids (void)
{
  GString *json = begin_document (100, 100000);

  append_lanes (json, 6, 0);
  for (guint i = 0; i < BP_MAX_ITEMS; i++)
    {
      g_autofree char *id = alike_string (i);

      append_step (json, i, id, i % 6, i / 1000, (i / 6) % 166 * 600, "Alike");
    }
  return end_document (json);
}

/* An unknown member at the top holding 99,990 keys with one hash. */
static char *
generate_alike_keys (void)
{
  GString *json = begin_document (1, 320);

  append_lanes (json, 1, 0);
  g_string_append (json, "],\"extra\":{");
  for (guint i = 0; i < BP_MAX_ITEMS - 10; i++)
    {
      g_autofree char *key = alike_string (i);

      g_string_append_printf (json, "%s\"%s\":0", i ? "," : "", key);
    }
  g_string_append (json, "}}\n");
  return g_string_free (json, FALSE);
}

/* 100,000 stages and 100,000 lanes, each as wide or tall as allowed, a
 * card in each stage: 10^10 units across, 10^10 down. */
static char *
generate_vast (void)
{
  GString *json = begin_document (BP_MAX_ITEMS, (guint) BP_STAGE_MAX_WIDTH);

  append_lanes (json, BP_MAX_ITEMS, (guint) BP_LANE_MAX_HEIGHT);
  for (guint i = 0; i < BP_MAX_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);

      append_step (json, i, id, i, i, (guint) BP_STEP_MAX_X, "Far");
    }
  return end_document (json);
}

/* As much card text as fits in 64 MiB: 100,000 bytes in each of 600
 * cards, words in half, one unbroken word in the other half. */
static char *
generate_long_text (void)
{
  g_autofree char *words = g_malloc (BP_MAX_STRING_BYTES + 1);
  g_autofree char *word = g_malloc (BP_MAX_STRING_BYTES + 1);
  GString *json = begin_document (10, 100000);

  for (guint i = 0; i < BP_MAX_STRING_BYTES; i++)
    {
      words[i] = i % 6 == 5 ? ' ' : 'a' + i % 26;
      word[i] = 'W';
    }
  words[BP_MAX_STRING_BYTES] = word[BP_MAX_STRING_BYTES] = '\0';

  append_lanes (json, 6, 0);
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i);

      append_step (json, i, id, i % 6, i / 60, (i / 6) % 10 * 200, i % 2 ? word : words);
    }
  return end_document (json);
}

/* 63,000 unknown members nested 63 levels deep, the deepest allowed:
 * nearly the most values a file may hold. */
static char *
generate_deep (void)
{
  GString *json = begin_document (1, 320);

  append_lanes (json, 1, 0);
  g_string_append (json, "]");
  for (guint i = 0; i < 63000; i++)
    {
      g_string_append_printf (json, ",\"x-%u\":", i);
      for (guint d = 0; d < BP_MAX_DEPTH - 1; d++)
        g_string_append_c (json, '[');
      for (guint d = 0; d < BP_MAX_DEPTH - 1; d++)
        g_string_append_c (json, ']');
    }
  g_string_append (json, "}\n");
  return g_string_free (json, FALSE);
}

/* Empty arrays, 100,000 to a list: 4,100,000 values, past the limit. */
static char *
generate_too_many_values (void)
{
  GString *json = begin_document (1, 320);

  append_lanes (json, 1, 0);
  g_string_append (json, "],\"x\":[");
  for (guint i = 0; i < 41; i++)
    {
      g_string_append (json, i ? ",[" : "[");
      for (guint j = 0; j < BP_MAX_ITEMS; j++)
        g_string_append (json, j ? ",[]" : "[]");
      g_string_append_c (json, ']');
    }
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

static const Shape shapes[] = {
  { "100,000 steps and flows", generate_largest },
  { "100,001 steps (refused)", generate_too_many },
  { "64 MiB + 1 byte (refused)", generate_too_large },
  { "100,000 cards in one cell", generate_stack },
  { "99,999 arrows from a card", generate_fan },
  { "100,000 ids, one hash", generate_alike_ids },
  { "99,990 keys, one hash", generate_alike_keys },
  { "1e5 stages x 1e5 lanes", generate_vast },
  { "600 cards of 100 kB text", generate_long_text },
  { "63,000 values 63 deep", generate_deep },
  { "4,100,041 values (refused)", generate_too_many_values },
};

/* Measuring */

typedef enum {
  OP_READ,
  OP_LAYOUT,
  OP_RENDER_FIT,
  OP_RENDER_VIEWPORT,
  OP_WRITE,
  N_OPS
} Operation;

static const char * const op_names[N_OPS] = {
  "read", "layout", "fit render", "viewport", "write",
};

typedef struct {
  const char *text;
  gsize       length;
  BpDocument *document;
  BpLayout   *layout;
  BpRect      bounds;
} Subject;

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
render_into (BpLayout *layout,
             BpRect   *viewport,
             double    zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         VIEWPORT_WIDTH, VIEWPORT_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  BpRenderOptions options;

  bp_render_options_init (&options);
  options.viewport = *viewport;
  options.zoom = zoom;
  bp_render (cr, layout, &options);
  cairo_surface_flush (surface);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One run of @op, in ms. */
static double
run_op (Subject   *subject,
        Operation  op)
{
  gint64 start = g_get_monotonic_time ();
  BpRect viewport = subject->bounds;

  switch (op)
    {
    case OP_READ:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(BpDocument) document = bp_bpj_read (subject->text, subject->length,
                                                      "limits.bpj", &error);

        return elapsed_ms (start);
      }
    case OP_LAYOUT:
      bp_layout_update (subject->layout);
      break;
    case OP_RENDER_FIT:
      render_into (subject->layout, &viewport,
                   MIN (VIEWPORT_WIDTH / viewport.width, VIEWPORT_HEIGHT / viewport.height));
      break;
    case OP_RENDER_VIEWPORT:
      viewport.x = MAX (0, viewport.width / 2 - VIEWPORT_WIDTH / 2);
      viewport.y = MAX (0, viewport.height / 2 - VIEWPORT_HEIGHT / 2);
      viewport.width = VIEWPORT_WIDTH;
      viewport.height = VIEWPORT_HEIGHT;
      render_into (subject->layout, &viewport, 1);
      break;
    case OP_WRITE:
      g_free (bp_bpj_write (subject->document, NULL));
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }

  return elapsed_ms (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of_runs (Subject   *subject,
                Operation  op)
{
  double samples[RUNS];
  guint n = 0;

  do
    samples[n++] = run_op (subject, op);
  while (n < RUNS && samples[n - 1] < LONG_RUN_MS);

  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* Linux's figures of this process's resident memory, in MiB: "VmRSS:"
 * now, "VmHWM:" its peak; -1 elsewhere. */
static double
memory_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field), NULL) / 1024.0;
}

static void
print_cell (double ms)
{
  if (ms < 0)
    g_print ("%11s", "-");
  else if (ms < 10)
    g_print ("%11.2f", ms);
  else
    g_print ("%11.0f", ms);
}

/* In a process of its own, so that the peak is this document's. */
static void
measure_shape (const Shape *shape)
{
  g_autoptr(GError) error = NULL;
  double start_mib = memory_mib ("VmRSS:");
  g_autofree char *text = shape->generate ();
  Subject subject = { text, strlen (text) };
  double ms[N_OPS] = { -1, -1, -1, -1, -1 };

  ms[OP_READ] = median_of_runs (&subject, OP_READ);
  subject.document = bp_bpj_read (text, subject.length, "limits.bpj", &error);
  if (subject.document != NULL)
    {
      subject.layout = bp_layout_new (subject.document);
      bp_layout_update (subject.layout);
      bp_layout_get_bounds (subject.layout, &subject.bounds);
      for (guint op = OP_LAYOUT; op < N_OPS; op++)
        ms[op] = median_of_runs (&subject, op);
    }

  g_print ("%-27s%7.1f", shape->name, subject.length / (1024.0 * 1024.0));
  for (guint op = 0; op < N_OPS; op++)
    print_cell (ms[op]);
  g_print ("%10.0f\n", memory_mib ("VmHWM:") - start_mib);
  if (error != NULL)
    g_print ("  refused: %.100s\n", error->message);
  else
    {
      gsize written;

      g_free (bp_bpj_write (subject.document, &written));
      g_print ("  %.3g x %.3g units; its canonical text is %.1f MiB%s\n",
               subject.bounds.width, subject.bounds.height, written / (1024.0 * 1024.0),
               written > BP_MAX_FILE_SIZE ? ", too large to read back" : "");
    }

  g_clear_object (&subject.layout);
  g_clear_object (&subject.document);
}

/* bp_bpj_load() refuses a file over the limit before reading it. */
static void
measure_large_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "too-large.bpj", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = NULL;
  FILE *file = fopen (path, "w");
  gint64 start;

  if (file == NULL || fseek (file, BP_MAX_FILE_SIZE, SEEK_SET) != 0 || fputc (' ', file) == EOF)
    g_error ("could not write %s", path);
  fclose (file);

  start = g_get_monotonic_time ();
  document = bp_bpj_load (path, &error);
  g_print ("%-27s%7.1f", "64 MiB + 1 file, load", (BP_MAX_FILE_SIZE + 1) / (1024.0 * 1024.0));
  print_cell (elapsed_ms (start));
  g_print ("\n  %s: %.100s\n", document == NULL ? "refused" : "READ", error ? error->message : "");
  g_unlink (path);
}

void
bench_limits_run (const char *dir)
{
  g_print ("\nLimits: times in ms (median of up to %d runs), peak resident memory\n\n", RUNS);
  g_print ("%-27s%7s", "document", "MiB");
  for (guint op = 0; op < N_OPS; op++)
    g_print ("%11s", op_names[op]);
  g_print ("%10s\n", "peak MiB");
  g_print ("%-27s%7s%55s%10s\n", "", "", "", "(growth)");

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      pid_t pid = fork ();
      int status = 0;

      if (pid == 0)
        {
          measure_shape (&shapes[i]);
          _exit (0);
        }
      if (pid < 0 || waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) ||
          WEXITSTATUS (status) != 0)
        g_print ("%-27s failed\n", shapes[i].name);
    }
  measure_large_file (dir);
}
