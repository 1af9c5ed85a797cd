/* test-overlay.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render/bp-render-overlay.h"
#include "render/bp-render-private.h"
#include "core-test-utils.h"

/* bp_render_overlay() drawn alone on a transparent surface, pixels read
 * back where each part of the overlay should be (and should not be). */

enum { CUSTOMER = 1 };
enum { ATTRACT = 0 };

/* A fill no palette would choose, so a match cannot be a coincidence. */
#define CARD_COLOR "#12ab34"
static const BpRgb card_rgb = { 0x12 / 255.0, 0xab / 255.0, 0x34 / 255.0 };

/* Premultiplied, as cairo stores it. */
typedef struct {
  int r, g, b, a;
} Pixel;

typedef struct {
  BpDocument      *document;
  BpLayout        *layout;
  BpStep          *card;     /* customer / attract, CARD_COLOR */
  cairo_surface_t *surface;  /* the last drawing */
  BpRenderOverlay  overlay;
} Fixture;

#define SURFACE_SIZE 400

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->card = core_test_add_card (f->document, CUSTOMER, ATTRACT, 24, 160);
  bp_step_set_color (f->card, CARD_COLOR);
  f->layout = bp_layout_new (f->document);
  bp_render_overlay_init (&f->overlay);
  f->overlay.layout = f->layout;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->surface, cairo_surface_destroy);
  g_clear_object (&f->layout);
  g_clear_object (&f->document);
}

/* Draws f->overlay at its zoom, canvas unit 0 at the surface's corner. */
static void
draw (Fixture *f)
{
  cairo_t *cr;

  g_clear_pointer (&f->surface, cairo_surface_destroy);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_SIZE, SURFACE_SIZE);
  cr = cairo_create (f->surface);
  cairo_scale (cr, f->overlay.zoom, f->overlay.zoom);
  bp_render_overlay (cr, &f->overlay);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static Pixel
pixel_at (Fixture *f,
          int      x,
          int      y)
{
  int stride = cairo_image_surface_get_stride (f->surface);
  const guint8 *data = cairo_image_surface_get_data (f->surface);
  guint32 v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, SURFACE_SIZE);
  g_assert_cmpint (y, <, SURFACE_SIZE);
  memcpy (&v, data + y * stride + x * 4, sizeof v);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };
}

/* @color at @alpha, premultiplied, within rounding. */
static gboolean
pixel_is (Pixel        p,
          const BpRgb *color,
          double       alpha)
{
  int a = (int) round (alpha * 255);

  return ABS (p.a - a) <= 2 &&
         ABS (p.r - (int) round (color->r * alpha * 255)) <= 2 &&
         ABS (p.g - (int) round (color->g * alpha * 255)) <= 2 &&
         ABS (p.b - (int) round (color->b * alpha * 255)) <= 2;
}

static const BpRgb *
accent (gboolean dark)
{
  return &bp_render_get_colors (dark)->accent;
}

static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  draw (f);
  for (int y = 0; y < SURFACE_SIZE; y += 7)
    for (int x = 0; x < SURFACE_SIZE; x += 7)
      g_assert_cmpint (pixel_at (f, x, y).a, ==, 0);
}

/* A dashed outline of a card, in the accent, with the card's corners. */
static void
test_landing (Fixture       *f,
              gconstpointer  data)
{
  BpRect landing = { 100, 100, 160, 64 };
  guint painted = 0, gaps = 0;

  f->overlay.landings = &landing;
  f->overlay.n_landings = 1;
  draw (f);

  /* The 2-pixel line is centred on the edge: pixels 99 and 100. */
  for (int y = 110; y < 154; y++)
    {
      Pixel p = pixel_at (f, 100, y);

      if (p.a == 0)
        gaps++;
      else if (pixel_is (p, accent (FALSE), 1))
        painted++;
    }
  g_assert_cmpuint (painted, >=, 15);
  g_assert_cmpuint (gaps, >=, 15);

  /* Inside, and the corner that the card's radius cuts off. */
  g_assert_cmpint (pixel_at (f, 180, 132).a, ==, 0);
  g_assert_cmpint (pixel_at (f, 100, 100).a, ==, 0);
}

static void
test_guide (Fixture       *f,
            gconstpointer  data)
{
  double guide = 150.5;
  BpRect bounds;

  bp_layout_get_bounds (f->layout, &bounds);
  f->overlay.guides = &guide;
  f->overlay.n_guides = 1;
  draw (f);

  /* One pixel wide, across the blueprint, a little translucent. */
  for (int y = (int) bounds.y + 1; y < MIN (SURFACE_SIZE, bounds.y + bounds.height); y += 13)
    {
      g_assert_true (pixel_is (pixel_at (f, 150, y), accent (FALSE), 0.7));
      g_assert_cmpint (pixel_at (f, 149, y).a, ==, 0);
      g_assert_cmpint (pixel_at (f, 151, y).a, ==, 0);
    }
}

/* The card's own drawing, translucent, where it was dragged to; nothing
 * where it is. */
static void
test_ghost (Fixture       *f,
            gconstpointer  data)
{
  BpRenderGhost ghost = { f->card, { 0 } };
  BpRect origin;

  g_assert_true (bp_layout_get_item_rect (f->layout, BP_ITEM (f->card), &origin));
  ghost.rect = origin;
  ghost.rect.x = 200;
  ghost.rect.y = 20;
  f->overlay.ghosts = &ghost;
  f->overlay.n_ghosts = 1;
  draw (f);

  /* Near the bottom right, away from the card's text. */
  g_assert_true (pixel_is (pixel_at (f, 200 + origin.width - 12, 20 + origin.height - 6),
                           &card_rgb, 0.85));
  /* Clipped to the card's corners. */
  g_assert_cmpint (pixel_at (f, 200, 20).a, ==, 0);
  g_assert_cmpint (pixel_at (f, 200 + origin.width + 1, 20 + origin.height / 2).a, ==, 0);
  g_assert_cmpint (pixel_at (f, origin.x + origin.width - 12, origin.y + origin.height - 6).a, ==, 0);
}

static void
test_rubber_band (Fixture       *f,
                  gconstpointer  data)
{
  f->overlay.has_rubber_band = TRUE;
  f->overlay.rubber_band = (BpRect) { 50.5, 60.5, 100, 80 };
  draw (f);

  g_assert_true (pixel_is (pixel_at (f, 100, 100), accent (FALSE), 0.15));
  /* The edge, over the fill. */
  g_assert_true (pixel_is (pixel_at (f, 50, 100), accent (FALSE), 1));
  g_assert_true (pixel_is (pixel_at (f, 100, 140), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 49, 100).a, ==, 0);
  g_assert_cmpint (pixel_at (f, 152, 100).a, ==, 0);
}

static void
test_target (Fixture       *f,
             gconstpointer  data)
{
  f->overlay.has_target = TRUE;
  f->overlay.target = (BpRect) { 20, 30, 200, 100 };
  draw (f);

  g_assert_true (pixel_is (pixel_at (f, 120, 80), accent (FALSE), 0.12));
  g_assert_true (pixel_is (pixel_at (f, 20, 80), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 17, 80).a, ==, 0);
}

/* A white dot with an accent ring on the card's right edge. */
static void
test_handle (Fixture       *f,
             gconstpointer  data)
{
  static const BpRgb white = { 1, 1, 1 };
  BpRect card = { 100, 100, 160, 64 };
  BpPoint centre;

  f->overlay.handles = &card;
  f->overlay.n_handles = 1;
  draw (f);

  bp_render_flow_handle_centre (&card, &centre);
  g_assert_cmpfloat (centre.x, ==, 260);
  g_assert_cmpfloat (centre.y, ==, 132);
  g_assert_true (pixel_is (pixel_at (f, 260, 132), &white, 1));
  /* The ring lies on the radius: pixels 265 and 266 on the right. */
  g_assert_true (pixel_is (pixel_at (f, 265, 132), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 268, 132).a, ==, 0);
}

/* The handle keeps its size in pixels at any zoom. */
static void
test_handle_zoomed (Fixture       *f,
                    gconstpointer  data)
{
  BpRect card = { 50, 50, 80, 32 };

  f->overlay.zoom = 2;
  f->overlay.handles = &card;
  f->overlay.n_handles = 1;
  draw (f);

  /* The centre is at device (260, 132); the ring 6 pixels out. */
  g_assert_true (pixel_is (pixel_at (f, 265, 132), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 268, 132).a, ==, 0);
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  f->overlay.has_flow = TRUE;
  f->overlay.flow_from = (BpPoint) { 50, 100 };
  f->overlay.flow_to = (BpPoint) { 250, 100 };
  draw (f);

  g_assert_true (pixel_is (pixel_at (f, 150, 99), accent (FALSE), 1));
  g_assert_true (pixel_is (pixel_at (f, 150, 100), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 150, 104).a, ==, 0);
  /* The arrowhead, wider than the line, just behind the point. */
  g_assert_true (pixel_is (pixel_at (f, 244, 101), accent (FALSE), 1));
  g_assert_cmpint (pixel_at (f, 253, 100).a, ==, 0);
}

/* Each style draws in its own palette's accent. */
static void
test_styles (Fixture       *f,
             gconstpointer  data)
{
  g_assert_false (pixel_is ((Pixel) { (int) round (accent (TRUE)->r * 255),
                                      (int) round (accent (TRUE)->g * 255),
                                      (int) round (accent (TRUE)->b * 255), 255 },
                            accent (FALSE), 1));

  f->overlay.has_rubber_band = TRUE;
  f->overlay.rubber_band = (BpRect) { 50.5, 60.5, 100, 80 };
  for (int dark = FALSE; dark <= TRUE; dark++)
    {
      f->overlay.dark = dark;
      draw (f);
      g_assert_true (pixel_is (pixel_at (f, 50, 100), accent (dark), 1));
      g_assert_true (pixel_is (pixel_at (f, 100, 100), accent (dark), 0.15));
      g_assert_false (pixel_is (pixel_at (f, 50, 100), accent (!dark), 1));
    }
}

/* In dark style the ghost is the dark card: its text colour differs, its
 * own fill stays. */
static void
test_ghost_dark (Fixture       *f,
                 gconstpointer  data)
{
  BpRenderGhost ghost = { f->card, { 200, 20, 0, 0 } };
  BpRect origin, landing;

  bp_layout_get_item_rect (f->layout, BP_ITEM (f->card), &origin);
  ghost.rect.width = origin.width;
  ghost.rect.height = origin.height;
  landing = ghost.rect;
  landing.y += 150;
  f->overlay.dark = TRUE;
  f->overlay.ghosts = &ghost;
  f->overlay.n_ghosts = 1;
  f->overlay.landings = &landing;
  f->overlay.n_landings = 1;
  draw (f);

  g_assert_true (pixel_is (pixel_at (f, 200 + origin.width - 12, 20 + origin.height - 6),
                           &card_rgb, 0.85));
  /* The landing's left edge, pixel 199, in the accent where a dash
   * covers it whole. */
  for (int y = (int) landing.y + 10; y < landing.y + landing.height - 10; y++)
    if (pixel_at (f, 199, y).a == 255)
      {
        g_assert_true (pixel_is (pixel_at (f, 199, y), accent (TRUE), 1));
        return;
      }
  g_assert_not_reached ();
}

static void
test_init (void)
{
  BpRenderOverlay overlay;

  memset (&overlay, 0xff, sizeof overlay);
  bp_render_overlay_init (&overlay);
  g_assert_cmpfloat (overlay.zoom, ==, 1.0);
  g_assert_false (overlay.dark);
  g_assert_null (overlay.layout);
  g_assert_cmpuint (overlay.n_landings + overlay.n_guides + overlay.n_ghosts + overlay.n_handles, ==, 0);
  g_assert_false (overlay.has_rubber_band || overlay.has_target || overlay.has_flow);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/overlay/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/overlay/init", test_init);
  ADD ("nothing", test_nothing);
  ADD ("landing", test_landing);
  ADD ("guide", test_guide);
  ADD ("ghost", test_ghost);
  ADD ("ghost-dark", test_ghost_dark);
  ADD ("rubber-band", test_rubber_band);
  ADD ("target", test_target);
  ADD ("handle", test_handle);
  ADD ("handle-zoomed", test_handle_zoomed);
  ADD ("flow", test_flow);
  ADD ("styles", test_styles);

#undef ADD

  return g_test_run ();
}
