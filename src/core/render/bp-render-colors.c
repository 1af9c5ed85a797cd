/* bp-render-colors.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

#include <string.h>

#define HEX(h) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0 }

/* GNOME's palette (libadwaita's named colours). */
static const BpRenderColors palettes[2] = {
  { /* light */
    .sheet = HEX (0xffffff),
    .header = HEX (0xf6f5f4),
    .header_hover = HEX (0xebeae8),
    .separator = HEX (0xdeddda),
    .text = HEX (0x241f31),
    .text_dim = HEX (0x5e5c64),
    .line = HEX (0x3d3846),
    .card = HEX (0xffffff),
    .shadow = 0.09,
    .flow = HEX (0x5e5c64),
    .accent = HEX (0x3584e4),
    .pill_current = HEX (0xdeddda),
    .pill_current_text = HEX (0x3d3846),
    .pill_future = HEX (0x3584e4),
    .pill_future_text = HEX (0xffffff),
    .zone = {
      HEX (0x9141ac), /* evidence: purple */
      HEX (0x3584e4), /* customer: blue */
      HEX (0x2ec27e), /* frontstage: green */
      HEX (0xff7800), /* backstage: orange */
      HEX (0x77767b), /* support: grey */
    },
    .zone_tint = 0.08,
    .lane_tint = 0.16,
    .badge = {
      HEX (0xe01b24), /* pain point: red */
      HEX (0x26a269), /* opportunity: green */
      HEX (0xe5a50a), /* moment of truth: gold */
      HEX (0xa51d2d), /* fail point: dark red */
      HEX (0xff7800), /* wait point: amber */
    },
    .badge_glyph = HEX (0xffffff),
  },
  { /* dark */
    .sheet = HEX (0x1e1e1e),
    .header = HEX (0x303030),
    .header_hover = HEX (0x3a3a3a),
    .separator = HEX (0x474747),
    .text = HEX (0xffffff),
    .text_dim = HEX (0xa9a8a5),
    .line = HEX (0xdeddda),
    .card = HEX (0x383838),
    .shadow = 0.45,
    .flow = HEX (0xc0bfbc),
    .accent = HEX (0x78aeed),
    .pill_current = HEX (0x4a4a4a),
    .pill_current_text = HEX (0xffffff),
    .pill_future = HEX (0x3584e4),
    .pill_future_text = HEX (0xffffff),
    .zone = {
      HEX (0xc061cb),
      HEX (0x62a0ea),
      HEX (0x57e389),
      HEX (0xffa348),
      HEX (0x9a9996),
    },
    .zone_tint = 0.10,
    .lane_tint = 0.20,
    .badge = {
      HEX (0xe01b24),
      HEX (0x26a269),
      HEX (0xe5a50a),
      HEX (0xa51d2d),
      HEX (0xff7800),
    },
    .badge_glyph = HEX (0xffffff),
  },
};

/* A comparison's marks (bp-render-compare.c), and their legend: GNOME's
 * palette, green 4, orange 3, red 3, dark 2 (light) and light 4 (dark). */
const BpRgb bp_render_compare_added = HEX (0x2ec27e);
const BpRgb bp_render_compare_changed = HEX (0xffa348);
const BpRgb bp_render_compare_removed = HEX (0xe01b24);
const BpRgb bp_render_compare_arrow_light = HEX (0x5e5c64);
const BpRgb bp_render_compare_arrow_dark = HEX (0xc0bfbc);

static const BpRgb dark_ink = HEX (0x241f31);
static const BpRgb light_ink = HEX (0xffffff);

const BpRenderColors *
bp_render_get_colors (gboolean dark)
{
  return &palettes[dark ? 1 : 0];
}

void
bp_render_set_rgb (cairo_t     *cr,
                   const BpRgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

void
bp_render_set_rgba (cairo_t     *cr,
                    const BpRgb *color,
                    double       alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static BpRgb
mix (const BpRgb *a,
     const BpRgb *b,
     double       t)
{
  BpRgb m = { a->r + (b->r - a->r) * t, a->g + (b->g - a->g) * t, a->b + (b->b - a->b) * t };

  return m;
}

gboolean
bp_render_parse_color (const char *text,
                       BpRgb      *color)
{
  double v[3];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (text[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (hi * 16 + lo) / 255.0;
    }

  color->r = v[0];
  color->g = v[1];
  color->b = v[2];
  return TRUE;
}

static double
luminance (const BpRgb *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;
}

/* Dark text on light fills, light text on dark ones. */
const BpRgb *
bp_render_ink_for (const BpRgb *fill)
{
  return luminance (fill) < 0.5 ? &light_ink : &dark_ink;
}

/* A lane's own colour as a band tint: a pastel (what people usually
 * pick) shows nearly as it is, a strong colour is toned down as far as
 * the zone tints are, so that cards stay the brightest thing. */
BpRgb
bp_render_lane_tint (BpLane   *lane,
                     gboolean  dark)
{
  const BpRenderColors *pal = bp_render_get_colors (dark);
  BpRgb own;
  double share;

  if (!bp_render_parse_color (bp_lane_get_color (lane), &own))
    return mix (&pal->sheet, &pal->zone[bp_lane_get_kind (lane)], pal->zone_tint);

  if (dark)
    share = CLAMP (pal->lane_tint * 0.4 / MAX (luminance (&own), 0.01), 0.08, pal->lane_tint);
  else
    share = CLAMP (pal->lane_tint * 0.6 / MAX (1 - luminance (&own), 0.01), pal->lane_tint, 0.85);

  return mix (&pal->sheet, &own, share);
}

void
bp_render_get_background (gboolean  dark,
                          double   *red,
                          double   *green,
                          double   *blue)
{
  const BpRenderColors *pal = bp_render_get_colors (dark);

  *red = pal->sheet.r;
  *green = pal->sheet.g;
  *blue = pal->sheet.b;
}

void
bp_render_get_zone_tint (BpLaneKind  kind,
                         gboolean    dark,
                         double     *red,
                         double     *green,
                         double     *blue)
{
  const BpRenderColors *pal;
  BpRgb tint;

  g_return_if_fail (kind < BP_N_LANE_KINDS);

  pal = bp_render_get_colors (dark);
  tint = mix (&pal->sheet, &pal->zone[kind], pal->zone_tint);
  *red = tint.r;
  *green = tint.g;
  *blue = tint.b;
}
