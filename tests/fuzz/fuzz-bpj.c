/* fuzz-bpj.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One input of the .bpj fuzzer: whatever the reader is given, it either
 * refuses it with an error or builds a document that checks clean, writes
 * canonical text that reads back to the same bytes, and lays out and
 * draws. Built with libFuzzer (-Dfuzzing=true), and into the replay test
 * that runs the seed and regression corpora in every build
 * (replay-bpj.c). */

#include "config.h"

#include <cairo.h>
#include <stdint.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"

/* libFuzzer's entry points, declared by no header. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Enough pixels to draw something of every item, few enough to be fast. */
#define SURFACE_SIDE 192

/* Refusing and checking must agree: bp_bpj_check() finds a problem in
 * exactly the inputs bp_bpj_read() refuses. */
static BpDocument *
read_and_check (const char *data,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  BpDocument *document;

  document = bp_bpj_read (data, length, "fuzz.bpj", &error);
  problems = bp_bpj_check (data, length, 8);

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BP_BPJ_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.bpj: "));
      g_assert_cmpuint (problems->len, >, 0);
    }
  else
    {
      g_assert_null (error);
      g_assert_cmpuint (problems->len, ==, 0);
    }

  return document;
}

/* What is written reads back, and writes the same bytes again. */
static void
check_round_trip (BpDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length, length_again;

  text = bp_bpj_write (document, &length);
  g_assert_cmpuint (strlen (text), ==, length);

  again = bp_bpj_read (text, length, "written.bpj", &error);
  if (again == NULL)
    g_error ("the written text is refused: %s\n%s", error->message, text);

  text_again = bp_bpj_write (again, &length_again);
  g_assert_cmpmem (text, length, text_again, length_again);
}

static void
render (BpLayout     *layout,
        const BpRect *viewport,
        double        zoom)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRenderOptions options;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_SIDE, SURFACE_SIDE);
  cr = cairo_create (surface);

  bp_render_options_init (&options);
  options.viewport = *viewport;
  options.zoom = zoom;
  bp_render (cr, layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The whole blueprint scaled to the surface, then the first card at
 * 100 %, where text is laid out at its real size. */
static void
layout_and_render (BpDocument *document)
{
  g_autoptr(BpLayout) layout = bp_layout_new (document);
  BpRect bounds, viewport = { 0, 0, SURFACE_SIDE, SURFACE_SIDE };
  BpHit hit;

  bp_layout_update (layout);
  bp_layout_get_bounds (layout, &bounds);
  g_assert_true (bounds.width > 0 && bounds.height > 0);

  viewport.width = bounds.width;
  viewport.height = bounds.height;
  render (layout, &viewport, SURFACE_SIDE / MAX (bounds.width, bounds.height));

  viewport.width = viewport.height = SURFACE_SIDE;
  if (bp_layout_get_step_rect (layout, 0, &viewport))
    {
      viewport.width = viewport.height = SURFACE_SIDE;
      bp_layout_hit_test (layout, viewport.x + 1, viewport.y + 1, &hit);
      g_assert_cmpint (hit.kind, ==, BP_HIT_STEP);
      g_assert_true (hit.item == BP_ITEM (bp_document_get_step (document, 0)));
    }
  render (layout, &viewport, 1);

  bp_layout_hit_test (layout, bounds.width / 2, bounds.height / 2, &hit);
}

/* A warning or a critical is a bug like a crash. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BpDocument) document = read_and_check ((const char *) data, size);

  if (document != NULL)
    {
      check_round_trip (document);
      layout_and_render (document);
    }

  return 0;
}
