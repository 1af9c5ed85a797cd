/* test-render.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render/bp-render.h"
#include "core-test-utils.h"

/* Lane and stage positions of bp_document_new_standard (). */
enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT, N_LANES };
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN, N_STAGES };

/* A fill no palette would choose, so a match cannot be a coincidence. */
#define CARD_COLOR "#12ab34"
static const guint8 card_rgb[3] = { 0x12, 0xab, 0x34 };

typedef struct {
  guint8 r, g, b, a;
} Pixel;

typedef struct {
  BpDocument      *document;
  BpLayout        *layout;
  BpStep          *colored;  /* customer / attract, CARD_COLOR, text "A" */
  BpStep          *flagged;  /* frontstage / orient, every flag, no text */
  BpStep          *plain;    /* support / use, no colour, no text */
  BpStep          *wordy;    /* backstage / retain, 100,000 bytes of text */
  BpFlow          *flow;     /* colored → flagged */
  cairo_surface_t *surface;  /* the last render */
  BpRect           bounds;
} Fixture;

static BpStep *
add_card (Fixture    *f,
          guint       lane,
          guint       stage,
          const char *text)
{
  BpStep *step = bp_document_add_step (f->document, core_test_lane_id (f->document, lane),
                                       core_test_stage_id (f->document, stage), 24, text);

  g_assert_nonnull (step);
  return step;
}

static char *
make_long_text (gsize bytes)
{
  GString *text = g_string_sized_new (bytes + 16);

  while (text->len + 6 <= bytes)
    g_string_append (text, "words ");
  return g_string_free (text, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *long_text = make_long_text (100000);

  f->document = bp_document_new_standard ();
  f->colored = add_card (f, CUSTOMER, ATTRACT, "A");
  bp_step_set_color (f->colored, CARD_COLOR);
  f->flagged = add_card (f, FRONTSTAGE, ORIENT, "");
  bp_step_set_flags (f->flagged, BP_STEP_FLAGS_ALL);
  f->plain = add_card (f, SUPPORT, USE, "");
  f->wordy = add_card (f, BACKSTAGE, RETAIN, long_text);
  f->flow = bp_document_add_flow (f->document,
                                  bp_item_get_id (BP_ITEM (f->colored)),
                                  bp_item_get_id (BP_ITEM (f->flagged)));
  g_assert_nonnull (f->flow);

  f->layout = bp_layout_new (f->document);
  bp_layout_get_bounds (f->layout, &f->bounds);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->surface, cairo_surface_destroy);
  g_clear_object (&f->layout);
  g_clear_object (&f->document);
}

/* Renders into a new surface of the viewport's size at @zoom (the whole
 * blueprint when @viewport is NULL), over a surface filled with
 * @underlay so that what was left unpainted shows. */
static void
render (Fixture                *f,
        const BpRect           *viewport,
        double                  zoom,
        BpRenderOptions        *options,
        guint32                 underlay)
{
  BpRenderOptions defaults;
  BpRect area = viewport ? *viewport : f->bounds;
  cairo_t *cr;

  if (options == NULL)
    {
      bp_render_options_init (&defaults);
      options = &defaults;
    }
  options->zoom = zoom;
  options->viewport = area;

  g_clear_pointer (&f->surface, cairo_surface_destroy);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                           (int) ceil (area.width * zoom),
                                           (int) ceil (area.height * zoom));
  cr = cairo_create (f->surface);
  cairo_set_source_rgba (cr,
                         ((underlay >> 16) & 0xff) / 255.0,
                         ((underlay >> 8) & 0xff) / 255.0,
                         (underlay & 0xff) / 255.0,
                         ((underlay >> 24) & 0xff) / 255.0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  bp_render (cr, f->layout, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

/* The pixel at device (@x, @y), un-premultiplied. */
static Pixel
pixel_at (Fixture *f,
          double   x,
          double   y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  int stride = cairo_image_surface_get_stride (f->surface);
  const guint8 *data = cairo_image_surface_get_data (f->surface);
  guint32 v;
  Pixel p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (f->surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (f->surface));

  memcpy (&v, data + iy * stride + ix * 4, sizeof v);
  p.a = v >> 24;
  p.r = (v >> 16) & 0xff;
  p.g = (v >> 8) & 0xff;
  p.b = v & 0xff;
  if (p.a != 0 && p.a != 255)
    {
      p.r = p.r * 255 / p.a;
      p.g = p.g * 255 / p.a;
      p.b = p.b * 255 / p.a;
    }
  return p;
}

static gboolean
pixel_is (Pixel  p,
          guint8 r,
          guint8 g,
          guint8 b)
{
  return p.a == 255 && ABS (p.r - r) <= 1 && ABS (p.g - g) <= 1 && ABS (p.b - b) <= 1;
}

static gboolean
pixels_equal (Pixel a,
              Pixel b)
{
  return a.a == b.a && pixel_is (a, b.r, b.g, b.b);
}

static Pixel
zone_tint (BpLaneKind kind,
           gboolean   dark)
{
  double r, g, b;
  Pixel p;

  bp_render_get_zone_tint (kind, dark, &r, &g, &b);
  p.r = (guint8) round (r * 255);
  p.g = (guint8) round (g * 255);
  p.b = (guint8) round (b * 255);
  p.a = 255;
  return p;
}

static double
pixel_luminance (Pixel p)
{
  return (0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b) / 255;
}

static BpRect
step_rect (Fixture *f,
           BpStep  *step)
{
  BpRect rect;

  g_assert_true (bp_layout_get_item_rect (f->layout, BP_ITEM (step), &rect));
  return rect;
}

/* A point of @lane's band in the empty last stage, at its middle. */
static void
empty_cell_center (Fixture *f,
                   guint    lane,
                   double  *x,
                   double  *y)
{
  BpRect band, column;

  g_assert_true (bp_layout_get_lane_rect (f->layout, lane, &band));
  g_assert_true (bp_layout_get_stage_rect (f->layout, MAINTAIN, &column));
  *x = column.x + column.width / 2;
  *y = band.y + band.height / 2;
}

static void
test_card_fill (Fixture       *f,
                gconstpointer  data)
{
  BpRect card = step_rect (f, f->colored);
  BpRect plain = step_rect (f, f->plain);
  Pixel p;

  render (f, NULL, 1, NULL, 0);

  /* Right of the one-letter text, at the card's middle height. */
  p = pixel_at (f, card.x + card.width - 14, card.y + card.height / 2);
  g_assert_true (pixel_is (p, card_rgb[0], card_rgb[1], card_rgb[2]));
  /* Its lower left corner region too: no footer without actor or duration. */
  p = pixel_at (f, card.x + 14, card.y + card.height - 14);
  g_assert_true (pixel_is (p, card_rgb[0], card_rgb[1], card_rgb[2]));

  /* A card without a colour is a neutral light fill, unlike its band. */
  p = pixel_at (f, plain.x + plain.width / 2, plain.y + plain.height / 2);
  g_assert_cmpfloat (pixel_luminance (p), >, 0.9);
  g_assert_false (pixels_equal (p, zone_tint (BP_LANE_KIND_SUPPORT, FALSE)));

  /* Just outside the card is the band again, not the card. */
  p = pixel_at (f, card.x + card.width + 12, card.y + card.height / 2 - 20);
  g_assert_false (pixel_is (p, card_rgb[0], card_rgb[1], card_rgb[2]));
}

/* Cards without a colour look the same whether they come before or after
 * coloured ones in the document. */
static void
test_neutral_cards (Fixture       *f,
                    gconstpointer  data)
{
  BpStep *last = add_card (f, EVIDENCE, MAINTAIN, "");
  BpRect before, after, colored;
  Pixel p_before, p_after;

  bp_step_set_color (f->wordy, "#ffeeaa");
  bp_layout_update (f->layout);
  render (f, NULL, 1, NULL, 0);

  before = step_rect (f, f->plain);
  after = step_rect (f, last);
  colored = step_rect (f, f->wordy);
  p_before = pixel_at (f, before.x + before.width / 2, before.y + before.height / 2);
  p_after = pixel_at (f, after.x + after.width / 2, after.y + after.height / 2);

  g_assert_true (pixels_equal (p_before, p_after));
  g_assert_cmpfloat (pixel_luminance (p_before), >, 0.95);
  g_assert_true (pixel_is (pixel_at (f, colored.x + colored.width - 4, colored.y + colored.height - 12),
                           0xff, 0xee, 0xaa));
}

static void
test_zone_tints (Fixture       *f,
                 gconstpointer  data)
{
  Pixel seen[N_LANES];

  render (f, NULL, 1, NULL, 0);

  for (guint lane = 0; lane < N_LANES; lane++)
    {
      BpLaneKind kind = bp_lane_get_kind (bp_document_get_lane (f->document, lane));
      double x, y;

      empty_cell_center (f, lane, &x, &y);
      seen[lane] = pixel_at (f, x, y);
      g_assert_true (pixels_equal (seen[lane], zone_tint (kind, FALSE)));
      /* Subtle: a tint, not a colour. */
      g_assert_cmpfloat (pixel_luminance (seen[lane]), >, 0.8);

      for (guint other = 0; other < lane; other++)
        g_assert_false (pixels_equal (seen[lane], seen[other]));
    }
}

static void
test_lane_color (Fixture       *f,
                 gconstpointer  data)
{
  BpLane *front = bp_document_get_lane (f->document, FRONTSTAGE);
  double x, y;
  Pixel p;

  bp_lane_set_color (front, "#e01b24");
  bp_layout_update (f->layout);
  render (f, NULL, 1, NULL, 0);

  empty_cell_center (f, FRONTSTAGE, &x, &y);
  p = pixel_at (f, x, y);
  /* The lane's red replaces the zone's tint, toned down toward white. */
  g_assert_false (pixels_equal (p, zone_tint (BP_LANE_KIND_FRONTSTAGE, FALSE)));
  g_assert_cmpint (p.r, >, p.g + 10);
  g_assert_cmpint (p.r, >, p.b + 10);
  g_assert_cmpint (p.r, >=, 0xe0 - 1);
  g_assert_cmpint (p.g, >, 0x1b);
  g_assert_cmpint (p.b, >, 0x24);

  /* The other lanes keep their zone's tint. */
  empty_cell_center (f, BACKSTAGE, &x, &y);
  g_assert_true (pixels_equal (pixel_at (f, x, y), zone_tint (BP_LANE_KIND_BACKSTAGE, FALSE)));
}

/* Distinct colours along @length pixels of row @y from @x. */
static guint
count_colors (Fixture *f,
              double   x,
              double   y,
              int      length,
              Pixel    above,
              Pixel    below,
              guint   *n_unlike_bands)
{
  Pixel first = pixel_at (f, x, y);
  guint n_colors = 1;

  *n_unlike_bands = 0;
  for (int i = 0; i < length; i++)
    {
      Pixel p = pixel_at (f, x + i, y);

      if (!pixels_equal (p, above) && !pixels_equal (p, below))
        (*n_unlike_bands)++;
      if (!pixels_equal (p, first))
        n_colors = 2;
    }

  return n_colors;
}

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  static const struct {
    BpLine     line;
    BpLaneKind above, below;
    gboolean   solid;
  } lines[] = {
    { BP_LINE_INTERACTION, BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE, TRUE },
    { BP_LINE_VISIBILITY, BP_LANE_KIND_FRONTSTAGE, BP_LANE_KIND_BACKSTAGE, FALSE },
    { BP_LINE_INTERNAL_INTERACTION, BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT, FALSE },
  };
  BpRect column;

  render (f, NULL, 1, NULL, 0);
  g_assert_true (bp_layout_get_stage_rect (f->layout, MAINTAIN, &column));

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      Pixel above = zone_tint (lines[i].above, FALSE);
      Pixel below = zone_tint (lines[i].below, FALSE);
      double x = column.x + 20, y;
      guint n_unlike, n_colors;

      g_assert_true (bp_layout_get_line_y (f->layout, lines[i].line, &y));

      /* The bands on either side are as they should be … */
      g_assert_true (pixels_equal (pixel_at (f, x, y - 8), above));
      g_assert_true (pixels_equal (pixel_at (f, x, y + 8), below));

      /* … and the line between them is something else: everywhere when
       * solid, in dashes otherwise. */
      n_colors = count_colors (f, x, y, 60, above, below, &n_unlike);
      if (lines[i].solid)
        {
          g_assert_cmpint (n_unlike, ==, 60);
          g_assert_cmpint (n_colors, ==, 1);
        }
      else
        {
          g_assert_cmpint (n_unlike, >=, 20);
          g_assert_cmpint (n_unlike, <, 60);
          g_assert_cmpint (n_colors, ==, 2);
        }
    }
}

static gboolean
is_reddish (Pixel p)
{
  return p.r > 150 && p.g < 60 && p.b < 70;
}

static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  BpRect card = step_rect (f, f->flagged);
  BpRect colored = step_rect (f, f->colored);
  BpPoint centers[BP_N_STEP_FLAGS];
  BpPoint center;
  double radius;
  Pixel p[BP_N_STEP_FLAGS];

  render (f, NULL, 1, NULL, 0);

  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      g_assert_true (bp_render_get_badge (&card, bp_step_get_flags (f->flagged), 1 << bit,
                                          &centers[bit], &radius));
      /* On the card's top edge, inside its width. */
      g_assert_cmpfloat (centers[bit].y, ==, card.y);
      g_assert_cmpfloat (centers[bit].x, >, card.x);
      g_assert_cmpfloat (centers[bit].x, <, card.x + card.width);
      g_assert_cmpfloat (radius, >=, 5);
      if (bit > 0)
        g_assert_cmpfloat (centers[bit].x, >=, centers[bit - 1].x + radius);

      /* The glyph (white) covers the very centre; the disc around it is
       * the badge's colour. */
      p[bit] = pixel_at (f, centers[bit].x + radius * 0.5, centers[bit].y + radius * 0.5);
    }

  /* Pain point red, opportunity green, moment of truth gold, fail point
   * red, wait point amber. */
  g_assert_true (is_reddish (p[0]));
  g_assert_cmpint (p[1].g, >, p[1].r + 50);
  g_assert_cmpint (p[1].g, >, p[1].b + 30);
  g_assert_cmpint (p[2].r, >, 200);
  g_assert_cmpint (p[2].g, >, 130);
  g_assert_cmpint (p[2].b, <, 60);
  g_assert_true (is_reddish (p[3]));
  g_assert_cmpint (p[4].r, >, 230);
  g_assert_cmpint (p[4].g, >, 80);
  g_assert_cmpint (p[4].g, <, p[2].g);
  g_assert_cmpint (p[4].b, <, 60);

  /* A card without flags has no badge, and its top edge shows no red. */
  g_assert_false (bp_render_get_badge (&colored, bp_step_get_flags (f->colored),
                                       BP_STEP_FLAG_PAIN_POINT, &center, &radius));
  g_assert_false (is_reddish (pixel_at (f, colored.x + colored.width - 18, colored.y + 3)));
}

static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  int position = bp_document_get_position (f->document, BP_ITEM (f->flow));
  const BpPoint *points;
  guint n_points = 0, longest = 0;
  double best = -1;
  gboolean found = FALSE;

  render (f, NULL, 1, NULL, 0);
  points = bp_layout_get_flow_path (f->layout, position, &n_points);
  g_assert_cmpint (n_points, >=, 2);

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double length = fabs (points[i + 1].x - points[i].x) + fabs (points[i + 1].y - points[i].y);

      if (length > best)
        {
          best = length;
          longest = i;
        }
    }

  /* Somewhere across the middle of the longest segment, the stroke is
   * darker than the light bands it crosses. */
  for (int d = -2; d <= 2 && !found; d++)
    {
      double mx = (points[longest].x + points[longest + 1].x) / 2;
      double my = (points[longest].y + points[longest + 1].y) / 2;
      Pixel p = points[longest].y == points[longest + 1].y ? pixel_at (f, mx, my + d)
                                                            : pixel_at (f, mx + d, my);

      found = pixel_luminance (p) < 0.6;
    }
  g_assert_true (found);
}

static void
test_selection_and_hover (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GHashTable) selection = g_hash_table_new (g_str_hash, g_str_equal);
  BpRect card = step_rect (f, f->plain);
  BpRenderOptions options;
  Pixel plain, selected, hovered;
  double ox = card.x - 3, oy = card.y + card.height / 2;

  render (f, NULL, 1, NULL, 0);
  plain = pixel_at (f, ox, oy);

  bp_render_options_init (&options);
  g_hash_table_add (selection, (gpointer) bp_item_get_id (BP_ITEM (f->plain)));
  options.selection = selection;
  render (f, NULL, 1, &options, 0);
  selected = pixel_at (f, ox, oy);

  bp_render_options_init (&options);
  options.hover_id = bp_item_get_id (BP_ITEM (f->plain));
  render (f, NULL, 1, &options, 0);
  hovered = pixel_at (f, ox, oy);

  /* The selection outline is the accent blue, the hover one subtler. */
  g_assert_false (pixels_equal (plain, selected));
  g_assert_cmpint (selected.b, >, selected.r + 80);
  g_assert_false (pixels_equal (plain, hovered));
  g_assert_false (pixels_equal (selected, hovered));
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  BpRenderOptions options;
  double x, y;

  render (f, NULL, 1, NULL, 0);
  /* The title band's empty right end is the background. */
  g_assert_cmpfloat (pixel_luminance (pixel_at (f, f->bounds.width - 2, 2)), >, 0.9);

  bp_render_options_init (&options);
  options.dark = TRUE;
  render (f, NULL, 1, &options, 0);
  g_assert_cmpfloat (pixel_luminance (pixel_at (f, f->bounds.width - 2, 2)), <, 0.2);

  empty_cell_center (f, CUSTOMER, &x, &y);
  g_assert_true (pixels_equal (pixel_at (f, x, y), zone_tint (BP_LANE_KIND_CUSTOMER, TRUE)));
  g_assert_cmpfloat (pixel_luminance (pixel_at (f, x, y)), <, 0.25);

  /* A card's own colour is the same in both variants. */
  {
    BpRect card = step_rect (f, f->colored);
    Pixel p = pixel_at (f, card.x + card.width - 14, card.y + card.height / 2);

    g_assert_true (pixel_is (p, card_rgb[0], card_rgb[1], card_rgb[2]));
  }
}

static void
test_transparent (Fixture       *f,
                  gconstpointer  data)
{
  BpRenderOptions options;
  BpRect card = step_rect (f, f->colored);

  bp_render_options_init (&options);
  options.transparent = TRUE;
  render (f, NULL, 1, &options, 0);

  g_assert_cmpint (pixel_at (f, f->bounds.width - 2, 2).a, ==, 0);
  g_assert_true (pixel_is (pixel_at (f, card.x + card.width - 14, card.y + card.height / 2),
                           card_rgb[0], card_rgb[1], card_rgb[2]));
}

static void
test_viewport (Fixture       *f,
               gconstpointer  data)
{
  BpRect card = step_rect (f, f->colored);
  BpRect viewport = { card.x - 30, card.y - 25, card.width + 60, card.height + 50 };
  double zoom = 2;
  /* The same canvas point as in test_card_fill. */
  double cx = card.x + card.width - 14, cy = card.y + card.height / 2;

  render (f, &viewport, zoom, NULL, 0);
  g_assert_cmpint (cairo_image_surface_get_width (f->surface), ==, (int) ceil (viewport.width * zoom));

  g_assert_true (pixel_is (pixel_at (f, (cx - viewport.x) * zoom, (cy - viewport.y) * zoom),
                           card_rgb[0], card_rgb[1], card_rgb[2]));
  /* The card's left edge lands at the viewport's 30 units, times two. */
  g_assert_true (pixel_is (pixel_at (f, 30 * zoom + 4, (cy - viewport.y) * zoom),
                           card_rgb[0], card_rgb[1], card_rgb[2]));
  g_assert_false (pixel_is (pixel_at (f, 30 * zoom - 6, (cy - viewport.y) * zoom),
                            card_rgb[0], card_rgb[1], card_rgb[2]));
}

static void
test_viewport_elsewhere (Fixture       *f,
                         gconstpointer  data)
{
  BpRect far = { f->bounds.width + 5000, f->bounds.height + 5000, 400, 300 };
  BpRect empty;
  BpRect column, band;
  guint32 marker = 0xffff00ff;
  int width, height;

  /* Past the blueprint, nothing at all is painted. */
  render (f, &far, 1, NULL, marker);
  for (int y = 0; y < 300; y += 7)
    for (int x = 0; x < 400; x += 7)
      g_assert_true (pixel_is (pixel_at (f, x, y), 0xff, 0x00, 0xff));

  /* Over the empty last stage, bands but no card fill anywhere. */
  g_assert_true (bp_layout_get_stage_rect (f->layout, MAINTAIN, &column));
  g_assert_true (bp_layout_get_lane_rect (f->layout, CUSTOMER, &band));
  empty = (BpRect) { column.x, band.y, column.width, band.height };
  render (f, &empty, 1, NULL, marker);
  width = cairo_image_surface_get_width (f->surface);
  height = cairo_image_surface_get_height (f->surface);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        Pixel p = pixel_at (f, x, y);

        g_assert_false (pixel_is (p, card_rgb[0], card_rgb[1], card_rgb[2]));
        g_assert_false (pixel_is (p, 0xff, 0x00, 0xff));
      }
}

/* Text wraps the same at every zoom: a two-line text with a footer shows
 * its second line zoomed out, at 100 % and zoomed in. */
static void
test_text_at_any_zoom (Fixture       *f,
                       gconstpointer  data)
{
  static const double zooms[] = { 0.6, 1, 1.7 };
  BpStep *step = add_card (f, EVIDENCE, USE, "Signs up with a work email address");
  BpRect card;

  bp_step_set_duration (step, 90);
  bp_layout_update (f->layout);
  card = step_rect (f, step);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double zoom = zooms[z];
      guint ink = 0;

      render (f, &card, zoom, NULL, 0);
      /* The second line: a line height below the first, left half. */
      for (double y = 10 + 19; y < 10 + 27; y += 1 / zoom)
        for (double x = 10; x < card.width / 2; x += 1 / zoom)
          if (pixel_luminance (pixel_at (f, x * zoom, y * zoom)) < 0.6)
            ink++;

      g_test_message ("zoom %g: %u dark pixels on the second line", zoom, ink);
      g_assert_cmpuint (ink, >, 10);
    }
}

/* Between a change and the next bp_layout_update(), the layout names
 * items the document no longer has: they are not drawn, and nothing
 * breaks. */
static void
test_stale_layout (Fixture       *f,
                   gconstpointer  data)
{
  BpRect card = step_rect (f, f->colored);

  bp_document_remove (f->document, BP_ITEM (f->wordy));
  bp_document_remove (f->document, BP_ITEM (bp_document_get_lane (f->document, SUPPORT)));
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 2);
  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, N_LANES - 1);

  render (f, NULL, 1, NULL, 0);
  g_assert_true (pixel_is (pixel_at (f, card.x + card.width - 14, card.y + card.height / 2),
                           card_rgb[0], card_rgb[1], card_rgb[2]));
}

/* 100,000 bytes of text stay inside their card. */
static void
test_long_text (Fixture       *f,
                gconstpointer  data)
{
  BpRect card = step_rect (f, f->wordy);
  Pixel tint = zone_tint (BP_LANE_KIND_BACKSTAGE, FALSE);
  double seconds;

  g_test_timer_start ();
  render (f, NULL, 1, NULL, 0);
  seconds = g_test_timer_elapsed ();
  g_test_message ("whole blueprint with a 100,000-byte card: %.2f ms", seconds * 1000);

  for (double x = card.x + 4; x < card.x + card.width - 4; x += 1)
    g_assert_true (pixels_equal (pixel_at (f, x, card.y + card.height + 10), tint));
  /* Text was drawn: the card is not blank. */
  {
    guint dark_pixels = 0;

    for (double x = card.x + 10; x < card.x + card.width - 10; x += 1)
      for (double y = card.y + 10; y < card.y + 30; y += 1)
        if (pixel_luminance (pixel_at (f, x, y)) < 0.5)
          dark_pixels++;
    g_assert_cmpint (dark_pixels, >, 20);
  }
}

/* 50 stages × 10 lanes (two a zone) × 20 cards, with flows between
 * neighbours: taller and wider than any screen. */
static BpDocument *
make_big_document (void)
{
  BpDocument *document = bp_document_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();

  for (guint s = 0; s < 50; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      BpStage *stage = bp_document_add_stage (document, name, -1);

      bp_stage_set_width (stage, 20 * 90);
    }

  for (BpLaneKind kind = 0; kind < BP_N_LANE_KINDS; kind++)
    {
      g_ptr_array_add (lanes, bp_document_add_lane (document, kind, NULL));
      g_ptr_array_add (lanes, bp_document_add_lane (document, kind, "Second lane"));
    }

  for (guint l = 0; l < lanes->len; l++)
    {
      BpStep *previous = NULL;

      for (guint s = 0; s < 50; s++)
        {
          BpStage *stage = bp_document_get_stage (document, s);

          for (guint i = 0; i < 20; i++)
            {
              g_autofree char *text = g_strdup_printf ("Step %u of stage %u, lane %u: "
                                                       "someone does something", i, s, l);
              BpStep *step = bp_document_add_step (document,
                                                   bp_item_get_id (lanes->pdata[l]),
                                                   bp_item_get_id (BP_ITEM (stage)),
                                                   24 + i * 88, text);

              bp_step_set_width (step, 80);
              bp_step_set_actor (step, "Clerk");
              bp_step_set_duration (step, 60 * (i + 1));
              if (i % 7 == 0)
                bp_step_set_flags (step, BP_STEP_FLAG_PAIN_POINT | BP_STEP_FLAG_WAIT_POINT);
              if (previous != NULL && i % 2 == 0)
                bp_document_add_flow (document,
                                      bp_item_get_id (BP_ITEM (previous)),
                                      bp_item_get_id (BP_ITEM (step)));
              previous = step;
            }
        }
    }

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 10000);
  return document;
}

static void
test_big_document (void)
{
  g_autoptr(BpDocument) document = make_big_document ();
  g_autoptr(BpLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  BpRenderOptions options;
  double seconds, best = G_MAXDOUBLE, total = 0;
  BpRect bounds;
  const int runs = 10;

  g_test_timer_start ();
  layout = bp_layout_new (document);
  g_test_message ("layout of 10,000 steps: %.1f ms", g_test_timer_elapsed () * 1000);
  bp_layout_get_bounds (layout, &bounds);

  bp_render_options_init (&options);
  g_assert_cmpfloat (bounds.height / 3 + 800, <=, bounds.height);
  options.viewport = (BpRect) { bounds.width / 2, bounds.height / 3, 1280, 800 };

  for (int i = 0; i <= runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      g_test_timer_start ();
      bp_render (cr, layout, &options);
      seconds = g_test_timer_elapsed ();
      cairo_destroy (cr);

      /* The first run loads fonts. */
      if (i == 0)
        continue;
      best = MIN (best, seconds);
      total += seconds;
    }

  g_test_message ("one 1280×800 viewport of 10,000 steps at 100 %%: best %.2f ms, mean %.2f ms",
                  best * 1000, total / runs * 1000);

  /* Something was drawn, to the last corner: the viewport is inside the
   * blueprint. */
  cairo_surface_flush (surface);
  g_assert_cmpuint (((guint32 *) cairo_image_surface_get_data (surface))[0] >> 24, ==, 255);
  g_assert_cmpuint (((guint32 *) cairo_image_surface_get_data (surface))[1280 * 800 - 1] >> 24, ==, 255);

  /* Zoomed out to 25 %, sixteen times as much is in view. */
  options.zoom = 0.25;
  options.viewport.width = 1280 / options.zoom;
  options.viewport.height = 800 / options.zoom;
  options.viewport.y = 0;
  best = G_MAXDOUBLE;
  for (int i = 0; i <= runs; i++)
    {
      cairo_t *cr = cairo_create (surface);

      g_test_timer_start ();
      bp_render (cr, layout, &options);
      seconds = g_test_timer_elapsed ();
      cairo_destroy (cr);
      if (i > 0)
        best = MIN (best, seconds);
    }
  g_test_message ("the same at 25 %%, 5120×3200 units: best %.2f ms", best * 1000);

  cairo_surface_destroy (surface);
}

static void
test_options_init (void)
{
  BpRenderOptions options;

  memset (&options, 0xff, sizeof options);
  bp_render_options_init (&options);
  g_assert_cmpfloat (options.zoom, ==, 1);
  g_assert_cmpfloat (options.viewport.width, ==, 0);
  g_assert_false (options.dark);
  g_assert_false (options.transparent);
  g_assert_null (options.selection);
  g_assert_null (options.hover_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/render/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("card-fill", test_card_fill);
  ADD ("neutral-cards", test_neutral_cards);
  ADD ("zone-tints", test_zone_tints);
  ADD ("lane-color", test_lane_color);
  ADD ("lines", test_lines);
  ADD ("badges", test_badges);
  ADD ("flow", test_flow);
  ADD ("selection-and-hover", test_selection_and_hover);
  ADD ("dark", test_dark);
  ADD ("transparent", test_transparent);
  ADD ("viewport", test_viewport);
  ADD ("viewport-elsewhere", test_viewport_elsewhere);
  ADD ("stale-layout", test_stale_layout);
  ADD ("long-text", test_long_text);
  ADD ("text-at-any-zoom", test_text_at_any_zoom);
  g_test_add_func ("/render/options-init", test_options_init);
  g_test_add_func ("/render/big-document", test_big_document);

  return g_test_run ();
}
