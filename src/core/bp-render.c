/* bp-render.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bp-duration.h"

/* ------------------------------------------------------------------ */
/* The palette: every colour the drawing uses, light and dark.         */

typedef struct {
  double r, g, b;
} Rgb;

#define HEX(h) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0 }

typedef struct {
  Rgb    sheet;            /* the blueprint's background */
  Rgb    header;           /* stage and lane header cells */
  Rgb    header_hover;
  Rgb    separator;        /* grid lines between cells */
  Rgb    text;
  Rgb    text_dim;
  Rgb    line;             /* the three lines and their labels */
  Rgb    card;             /* a card without a colour of its own */
  double shadow;           /* alpha of the card shadow */
  Rgb    flow;
  Rgb    accent;           /* selection, hover */
  Rgb    pill_current;
  Rgb    pill_current_text;
  Rgb    pill_future;
  Rgb    pill_future_text;
  Rgb    zone[BP_N_LANE_KINDS];
  double zone_tint;        /* share of the zone colour in a lane band */
  double lane_tint;        /* share of a lane's own colour in its band */
  Rgb    badge[BP_N_STEP_FLAGS];
  Rgb    badge_glyph;
} Palette;

/* GNOME's palette (libadwaita's named colours). */
static const Palette palettes[2] = {
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

static const Rgb dark_ink = HEX (0x241f31);
static const Rgb light_ink = HEX (0xffffff);

/* ------------------------------------------------------------------ */
/* Measures, in canvas units.                                          */

#define FONT_FAMILY      "Cantarell, Inter, sans-serif"
#define MARGIN           16.0  /* left inset of titles and header text */
#define CARD_RADIUS      8.0
#define CARD_PADDING     10.0
#define CARD_FOOTER_GAP  4.0
#define BADGE_RADIUS     9.0
#define BADGE_SPACING    21.0
#define BADGE_INSET      18.0  /* card's right edge to the last badge's centre */
#define ZONE_STRIP       4.0
#define LINE_WIDTH       2.0
#define GRID_WIDTH       1.0
#define FLOW_WIDTH       1.5
#define ARROW_LENGTH     11.0
#define ARROW_HALF_WIDTH 5.5
#define FLOW_RADIUS      8.0
#define LABEL_MAX_WIDTH  180.0
#define PILL_HEIGHT      18.0
#define SELECT_WIDTH     2.5
#define HOVER_WIDTH      1.5
/* Below this many device pixels per em, text is not drawn on screen: it
 * could not be read, and skipping it keeps zooming out fast. Cards show
 * grey lines in its place. */
#define MIN_READABLE_EM  5.0
/* Headers are few and larger: they stay a while longer. */
#define MIN_HEADER_EM    3.0
/* The narrowest glyph, in ems: how much text can possibly fit. */
#define NARROWEST_GLYPH  0.2

typedef enum {
  FONT_TITLE,
  FONT_HEADER,
  FONT_LANE,
  FONT_BODY,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_SCENARIO,
  N_FONTS
} FontId;

static const struct {
  double      size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_TITLE] = { 22, PANGO_WEIGHT_BOLD },
  [FONT_HEADER] = { 14, PANGO_WEIGHT_BOLD },
  [FONT_LANE] = { 13, PANGO_WEIGHT_SEMIBOLD },
  [FONT_BODY] = { 13, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL] = { 11, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL_BOLD] = { 11, PANGO_WEIGHT_BOLD },
  [FONT_SCENARIO] = { 12.5, PANGO_WEIGHT_NORMAL },
};

/* Everything one call of bp_render() shares. */
typedef struct {
  cairo_t               *cr;
  BpLayout              *layout;
  BpDocument            *document;
  const BpRenderOptions *options;
  const Palette         *pal;
  BpRect                 bounds;
  BpRect                 visible;  /* canvas units */
  double                 scale;    /* device units per canvas unit */
  gboolean               draw_text;     /* card text, flow and line labels */
  gboolean               draw_headers;  /* title, stage and lane names */
  struct _TextCache     *cache;
  PangoLayout           *text;     /* the cache's, for all but card text */
  guint                  first_lane, end_lane;
  guint                  first_stage, end_stage;
} Render;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
set_rgba (cairo_t   *cr,
          const Rgb *c,
          double     alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static Rgb
mix (const Rgb *a,
     const Rgb *b,
     double     t)
{
  Rgb m = { a->r + (b->r - a->r) * t, a->g + (b->g - a->g) * t, a->b + (b->b - a->b) * t };

  return m;
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/* "#rrggbb"; FALSE for anything else. */
static gboolean
parse_color (const char *text,
             Rgb        *color)
{
  double v[3];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int hi = hex_digit (text[1 + 2 * i]);
      int lo = hex_digit (text[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (hi * 16 + lo) / 255.0;
    }

  color->r = v[0];
  color->g = v[1];
  color->b = v[2];
  return TRUE;
}

/* Dark text on light fills, light text on dark ones. */
static double
luminance (const Rgb *c)
{
  return 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;
}

static const Rgb *
ink_for (const Rgb *fill)
{
  return luminance (fill) < 0.5 ? &light_ink : &dark_ink;
}

static BpRect
inset_rect (const BpRect *rect,
            double        dx,
            double        dy)
{
  BpRect r = { rect->x + dx, rect->y + dy, rect->width - 2 * dx, rect->height - 2 * dy };

  return r;
}

static void
rounded_rect (cairo_t      *cr,
              const BpRect *rect,
              double        radius)
{
  double r = MIN (radius, MIN (rect->width, rect->height) / 2);
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_rect (Render       *r,
           const BpRect *rect,
           const Rgb    *color)
{
  set_rgb (r->cr, color);
  cairo_rectangle (r->cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (r->cr);
}

/* A horizontal or vertical line of @width canvas units (at least one
 * device pixel), put on the device pixel grid so that it stays crisp. */
static void
grid_line (Render       *r,
           double        x0,
           double        y0,
           double        x1,
           double        y1,
           double        width,
           const double *dashes,
           int           n_dashes)
{
  cairo_t *cr = r->cr;
  gboolean horizontal = y0 == y1;
  double w = MAX (1.0, round (width * r->scale));
  double dash_offset = 0;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);

  /* Dashes start at the canvas origin, wherever the line is cut. */
  if (n_dashes > 0)
    {
      double ox = 0, oy = 0;

      cairo_user_to_device (cr, &ox, &oy);
      dash_offset = horizontal ? x0 - ox : y0 - oy;
    }

  if (horizontal)
    y0 = y1 = round (y0 - w / 2) + w / 2;
  else
    x0 = x1 = round (x0 - w / 2) + w / 2;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, w);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (n_dashes > 0)
    {
      double device_dashes[4];

      for (int i = 0; i < n_dashes && i < 4; i++)
        device_dashes[i] = dashes[i] * r->scale;
      cairo_set_dash (cr, device_dashes, MIN (n_dashes, 4), dash_offset);
    }
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static gboolean
is_selected (Render     *r,
             const char *id)
{
  return r->options->selection != NULL &&
         g_hash_table_contains (r->options->selection, id);
}

static gboolean
is_hovered (Render     *r,
            const char *id)
{
  return r->options->hover_id != NULL && g_strcmp0 (r->options->hover_id, id) == 0;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* The byte length of the first @max_chars characters of @text: pango
 * never sees more than a piece of text can show. */
static gsize
clip_length (const char *text,
             gsize       max_chars)
{
  const char *p = text;

  for (gsize n = 0; n < max_chars && *p != '\0'; n++)
    {
      const char *next = g_utf8_next_char (p);

      /* A broken sequence must not take us past the terminator. */
      while (++p < next)
        if (*p == '\0')
          return p - text;
    }

  return p - text;
}

static gsize
chars_that_fit (FontId font,
                double width,
                double height)
{
  double em = font_specs[font].size;
  double per_line = width / (em * NARROWEST_GLYPH) + 1;
  double lines = height / em + 1;

  return (gsize) CLAMP (per_line * lines, 8, 4000);
}

/* ------------------------------------------------------------------ */
/* Shaped text that lives from one frame to the next: laying out text is
 * most of a frame's work, and scrolling draws the same cards again. The
 * cache hangs on the BpLayout and dies with it. */

typedef struct {
  BpStep      *step;       /* a reference */
  gulong       notify_id;
  double       width;      /* the card size the text was set for */
  double       height;
  PangoLayout *body;       /* each NULL when there is nothing to show */
  PangoLayout *actor;
  PangoLayout *duration;
} CardText;

typedef struct _TextCache {
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *fonts[N_FONTS];
  GHashTable           *cards;   /* BpStep * → CardText * */
} TextCache;

/* Past this many cards (or twice the document's), start afresh. */
#define TEXT_CACHE_MIN_SIZE 4096

static void
card_text_free (gpointer data)
{
  CardText *text = data;

  g_clear_signal_handler (&text->notify_id, text->step);
  g_clear_object (&text->step);
  g_clear_object (&text->body);
  g_clear_object (&text->actor);
  g_clear_object (&text->duration);
  g_free (text);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->cards);
  g_object_unref (cache->scratch);
  g_object_unref (cache->context);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (cache->fonts[i]);
  g_free (cache);
}

static TextCache *
text_cache_get (BpLayout *layout)
{
  static GQuark quark;
  TextCache *cache;
  cairo_font_options_t *font_options;

  if (quark == 0)
    quark = g_quark_from_static_string ("bp-render-text-cache");

  cache = g_object_get_qdata (G_OBJECT (layout), quark);
  if (cache != NULL)
    return cache;

  cache = g_new0 (TextCache, 1);
  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Unhinted metrics, and a context that never follows the zoom (see
   * render_init_text()). */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (cache->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (cache->context, FALSE);
  cache->scratch = pango_layout_new (cache->context);

  for (guint i = 0; i < N_FONTS; i++)
    {
      cache->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_absolute_size (cache->fonts[i], font_specs[i].size * PANGO_SCALE);
      pango_font_description_set_weight (cache->fonts[i], font_specs[i].weight);
    }

  cache->cards = g_hash_table_new_full (NULL, NULL, NULL, card_text_free);
  g_object_set_qdata_full (G_OBJECT (layout), quark, cache, text_cache_free);
  return cache;
}

/* Any change to a step may change its text, size or footer. */
static void
on_step_notify (BpStep     *step,
                GParamSpec *pspec,
                TextCache  *cache)
{
  g_hash_table_remove (cache->cards, step);
}

/* One line of @text, ellipsized at @width; line breaks become spaces. */
static void
layout_line (TextCache   *cache,
             PangoLayout *layout,
             FontId       font,
             const char  *text,
             double       width)
{
  gsize length = clip_length (text, chars_that_fit (font, width, 0));
  g_autofree char *line = g_strndup (text, length);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  pango_layout_set_font_description (layout, cache->fonts[font]);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, -1);
  pango_layout_set_text (layout, line, -1);
}

/* @text wrapped into @width, ellipsized where it leaves @height. */
static void
layout_wrapped (TextCache   *cache,
                PangoLayout *layout,
                FontId       font,
                const char  *text,
                double       width,
                double       height)
{
  gsize length = clip_length (text, chars_that_fit (font, width, height));

  pango_layout_set_font_description (layout, cache->fonts[font]);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (MAX (height, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, (int) length);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width)
    *width = (double) w / PANGO_SCALE;
  if (height)
    *height = (double) h / PANGO_SCALE;
}

static void
show_layout (Render      *r,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color,
             double       alpha)
{
  set_rgba (r->cr, color, alpha);
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
  /* Leave no current point for the next arc to join. */
  cairo_new_path (r->cr);
}

/* The scratch layout, for headers, titles and labels. */
static void
set_line_text (Render     *r,
               FontId      font,
               const char *text,
               double      width)
{
  layout_line (r->cache, r->text, font, text, width);
}

static void
set_wrapped_text (Render     *r,
                  FontId      font,
                  const char *text,
                  double      width,
                  double      height)
{
  layout_wrapped (r->cache, r->text, font, text, width, height);
}

static void
text_size (Render *r,
           double *width,
           double *height)
{
  layout_size (r->text, width, height);
}

static void
show_text (Render    *r,
           double     x,
           double     y,
           const Rgb *color,
           double     alpha)
{
  show_layout (r, r->text, x, y, color, alpha);
}

/* ------------------------------------------------------------------ */
/* What is visible                                                     */

typedef gboolean (*RectGetter) (BpLayout *layout,
                                guint     position,
                                BpRect   *rect);

/* The first of @n ordered bands whose far edge passes @edge. */
static guint
first_band_after (BpLayout   *layout,
                  RectGetter  get_rect,
                  guint       n,
                  gboolean    vertical,
                  double      edge)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      BpRect rect;
      double far;

      if (!get_rect (layout, mid, &rect))
        {
          hi = mid;
          continue;
        }
      far = vertical ? rect.y + rect.height : rect.x + rect.width;
      if (far <= edge)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
end_band_before (BpLayout   *layout,
                 RectGetter  get_rect,
                 guint       first,
                 guint       n,
                 gboolean    vertical,
                 double      edge)
{
  guint end = first;
  BpRect rect;

  while (end < n && get_rect (layout, end, &rect) &&
         (vertical ? rect.y : rect.x) < edge)
    end++;

  return end;
}

/* Until the next bp_layout_update(), the document and the layout may
 * disagree on how many lanes and stages there are: the range is within
 * both. */
static void
find_visible_bands (Render *r)
{
  guint n_lanes = bp_document_get_n_lanes (r->document);
  guint n_stages = bp_document_get_n_stages (r->document);
  const BpRect *v = &r->visible;

  r->first_lane = first_band_after (r->layout, bp_layout_get_lane_rect, n_lanes, TRUE, v->y);
  r->end_lane = end_band_before (r->layout, bp_layout_get_lane_rect, r->first_lane, n_lanes,
                                 TRUE, v->y + v->height);
  r->first_stage = first_band_after (r->layout, bp_layout_get_stage_rect, n_stages, FALSE, v->x);
  r->end_stage = end_band_before (r->layout, bp_layout_get_stage_rect, r->first_stage, n_stages,
                                  FALSE, v->x + v->width);
}

static gboolean
is_visible (Render       *r,
            const BpRect *rect)
{
  return bp_rect_intersects (rect, &r->visible);
}

/* ------------------------------------------------------------------ */
/* Lanes, stages and the three lines                                   */

/* A lane's own colour as a band tint: a pastel (what people usually
 * pick) shows nearly as it is, a strong colour is toned down as far as
 * the zone tints are, so that cards stay the brightest thing. */
static Rgb
lane_tint (Render *r,
           BpLane *lane)
{
  Rgb own;
  double share;

  if (!parse_color (bp_lane_get_color (lane), &own))
    return mix (&r->pal->sheet, &r->pal->zone[bp_lane_get_kind (lane)], r->pal->zone_tint);

  if (r->options->dark)
    share = CLAMP (r->pal->lane_tint * 0.4 / MAX (luminance (&own), 0.01), 0.08, r->pal->lane_tint);
  else
    share = CLAMP (r->pal->lane_tint * 0.6 / MAX (1 - luminance (&own), 0.01), r->pal->lane_tint, 0.85);

  return mix (&r->pal->sheet, &own, share);
}

static void
draw_lane_bands (Render *r)
{
  double header_width = bp_layout_get_header_width (r->layout);

  for (guint i = r->first_lane; i < r->end_lane; i++)
    {
      BpLane *lane = bp_document_get_lane (r->document, i);
      BpRect band;
      Rgb tint;

      if (!bp_layout_get_lane_rect (r->layout, i, &band))
        continue;
      band.width -= header_width - band.x;
      band.x = header_width;
      tint = lane_tint (r, lane);
      fill_rect (r, &band, &tint);
    }
}

static void
draw_stage_headers (Render *r)
{
  BpRect title, corner;

  bp_layout_get_title_rect (r->layout, &title);
  corner.x = 0;
  corner.y = title.y + title.height;
  corner.width = bp_layout_get_header_width (r->layout);
  corner.height = bp_layout_get_header_height (r->layout);
  if (is_visible (r, &corner))
    fill_rect (r, &corner, &r->pal->header);

  for (guint i = r->first_stage; i < r->end_stage; i++)
    {
      BpStage *stage = bp_document_get_stage (r->document, i);
      const char *id = bp_item_get_id (BP_ITEM (stage));
      BpRect cell;
      double h;

      if (!bp_layout_get_stage_header_rect (r->layout, i, &cell) || !is_visible (r, &cell))
        continue;

      fill_rect (r, &cell, is_hovered (r, id) ? &r->pal->header_hover : &r->pal->header);

      if (r->draw_headers)
        {
          set_line_text (r, FONT_HEADER, bp_stage_get_name (stage), cell.width - 2 * MARGIN);
          text_size (r, NULL, &h);
          show_text (r, cell.x + MARGIN, cell.y + (cell.height - h) / 2, &r->pal->text, 1);
        }

      if (is_selected (r, id))
        {
          BpRect ring = inset_rect (&cell, SELECT_WIDTH / 2 + 1, SELECT_WIDTH / 2 + 1);

          set_rgb (r->cr, &r->pal->accent);
          cairo_set_line_width (r->cr, SELECT_WIDTH);
          rounded_rect (r->cr, &ring, 4);
          cairo_stroke (r->cr);
        }
    }
}

static void
draw_lane_headers (Render *r)
{
  for (guint i = r->first_lane; i < r->end_lane; i++)
    {
      BpLane *lane = bp_document_get_lane (r->document, i);
      const char *id = bp_item_get_id (BP_ITEM (lane));
      BpLaneKind kind = bp_lane_get_kind (lane);
      const char *name = bp_lane_get_display_name (lane);
      BpRect cell, strip;
      double width, room, top, name_height, block;
      gboolean show_zone;

      if (!bp_layout_get_lane_header_rect (r->layout, i, &cell) || !is_visible (r, &cell))
        continue;

      fill_rect (r, &cell, is_hovered (r, id) ? &r->pal->header_hover : &r->pal->header);
      /* The strip tells the zone, whatever the lane's own colour. */
      strip = cell;
      strip.width = ZONE_STRIP;
      fill_rect (r, &strip, &r->pal->zone[kind]);

      if (is_selected (r, id))
        {
          BpRect ring = inset_rect (&cell, SELECT_WIDTH / 2 + 1, SELECT_WIDTH / 2 + 1);

          set_rgb (r->cr, &r->pal->accent);
          cairo_set_line_width (r->cr, SELECT_WIDTH);
          rounded_rect (r->cr, &ring, 4);
          cairo_stroke (r->cr);
        }

      if (!r->draw_headers)
        continue;

      /* The name (and zone) centred between the line labels that sit on
       * the band's edges. */
      width = cell.width - MARGIN - 12;
      room = cell.height - PILL_HEIGHT - 12;
      set_wrapped_text (r, FONT_LANE, name, width, room);
      text_size (r, NULL, &name_height);
      show_zone = g_strcmp0 (name, bp_lane_kind_default_name (kind)) != 0 &&
                  name_height + 2 + font_specs[FONT_SMALL].size * 1.4 <= room;
      block = name_height + (show_zone ? 2 + font_specs[FONT_SMALL].size * 1.2 : 0);
      top = cell.y + (cell.height - block) / 2;
      show_text (r, cell.x + MARGIN, top, &r->pal->text, 1);

      /* A lane named for what it holds still says which zone it is in. */
      if (show_zone)
        {
          set_line_text (r, FONT_SMALL, bp_lane_kind_default_name (kind), width);
          show_text (r, cell.x + MARGIN, top + name_height + 2, &r->pal->text_dim, 1);
        }
    }
}

static gboolean
is_line_y (Render *r,
           double  y)
{
  for (BpLine line = BP_LINE_INTERACTION; line < BP_N_LINES; line++)
    {
      double line_y;

      if (bp_layout_get_line_y (r->layout, line, &line_y) && fabs (line_y - y) < 0.5)
        return TRUE;
    }

  return FALSE;
}

static void
draw_grid (Render *r)
{
  double header_width = bp_layout_get_header_width (r->layout);
  double bottom = r->bounds.y + r->bounds.height;
  double right = r->bounds.x + r->bounds.width;
  guint n_stages = bp_document_get_n_stages (r->document);
  guint n_lanes = bp_document_get_n_lanes (r->document);
  BpRect title;

  set_rgb (r->cr, &r->pal->separator);
  bp_layout_get_title_rect (r->layout, &title);

  /* Under the title band and under the stage header row. */
  grid_line (r, 0, title.y + title.height, right, title.y + title.height, GRID_WIDTH, NULL, 0);
  grid_line (r, 0, title.y + title.height + bp_layout_get_header_height (r->layout),
             right, title.y + title.height + bp_layout_get_header_height (r->layout),
             GRID_WIDTH, NULL, 0);

  /* Right of the lane header column, and between stages. */
  grid_line (r, header_width, title.y + title.height, header_width, bottom, GRID_WIDTH, NULL, 0);
  for (guint i = r->first_stage; i < r->end_stage && i + 1 < n_stages; i++)
    {
      BpRect column;

      bp_layout_get_stage_rect (r->layout, i, &column);
      grid_line (r, column.x + column.width, column.y, column.x + column.width, bottom,
                 GRID_WIDTH, NULL, 0);
    }

  /* Between lanes, except where one of the three lines goes: the gaps
   * of a dashed line show the bands, not a hairline. */
  for (guint i = r->first_lane; i < r->end_lane && i + 1 < n_lanes; i++)
    {
      BpRect band;
      double edge;

      bp_layout_get_lane_rect (r->layout, i, &band);
      edge = band.y + band.height;
      if (!is_line_y (r, edge))
        grid_line (r, 0, edge, right, edge, GRID_WIDTH, NULL, 0);
    }
}

static const char *
line_label (BpLine line)
{
  switch (line)
    {
    case BP_LINE_INTERACTION:
      return _("Line of interaction");
    case BP_LINE_VISIBILITY:
      return _("Line of visibility");
    case BP_LINE_INTERNAL_INTERACTION:
      return _("Line of internal interaction");
    default:
      g_assert_not_reached ();
    }
}

static void
draw_line_label (Render     *r,
                 const char *label,
                 double      y)
{
  double header_width = bp_layout_get_header_width (r->layout);
  double text_w, text_h;
  BpRect pill;

  /* Cards keep clear of the lines, so a label may run past the header
   * column into the first stage. */
  set_line_text (r, FONT_SMALL_BOLD, label, header_width * 2);
  text_size (r, &text_w, &text_h);
  pill.x = 8;
  pill.y = y - PILL_HEIGHT / 2;
  pill.width = text_w + 2 * 8;
  pill.height = PILL_HEIGHT;
  if (!is_visible (r, &pill))
    return;

  rounded_rect (r->cr, &pill, PILL_HEIGHT / 2);
  set_rgb (r->cr, &r->pal->header);
  cairo_fill_preserve (r->cr);
  set_rgb (r->cr, &r->pal->line);
  cairo_set_line_width (r->cr, 1);
  cairo_stroke (r->cr);
  show_text (r, pill.x + 8, y - text_h / 2, &r->pal->line, 1);
}

/* Interaction solid, visibility dashed, internal interaction dash-dot:
 * the usual way to tell them apart. */
static void
draw_lines (Render *r)
{
  static const double dashed[] = { 8, 5 };
  static const double dash_dot[] = { 9, 4, 2, 4 };
  double x0 = MAX (r->bounds.x, r->visible.x);
  double x1 = MIN (r->bounds.x + r->bounds.width, r->visible.x + r->visible.width);

  if (x1 <= x0)
    return;

  for (BpLine line = BP_LINE_INTERACTION; line < BP_N_LINES; line++)
    {
      double y;

      if (!bp_layout_get_line_y (r->layout, line, &y) ||
          y < r->visible.y - PILL_HEIGHT || y > r->visible.y + r->visible.height + PILL_HEIGHT)
        continue;

      set_rgb (r->cr, &r->pal->line);
      if (line == BP_LINE_INTERACTION)
        grid_line (r, x0, y, x1, y, LINE_WIDTH, NULL, 0);
      else if (line == BP_LINE_VISIBILITY)
        grid_line (r, x0, y, x1, y, LINE_WIDTH, dashed, G_N_ELEMENTS (dashed));
      else
        grid_line (r, x0, y, x1, y, LINE_WIDTH, dash_dot, G_N_ELEMENTS (dash_dot));

      if (r->draw_headers)
        draw_line_label (r, line_label (line), y);
    }
}

/* ------------------------------------------------------------------ */
/* The title band                                                      */

static void
append_scenario_part (GString       *text,
                      PangoAttrList *attrs,
                      const char    *label,
                      const char    *value)
{
  PangoAttribute *bold;

  if (text->len > 0)
    g_string_append (text, "   ·   ");

  if (label != NULL)
    {
      bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      bold->start_index = text->len;
      g_string_append (text, label);
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
      g_string_append_c (text, ' ');
    }

  /* A scenario line never needs more than a screenful of any part. */
  g_string_append_len (text, value, clip_length (value, 400));
}

static void
draw_scenario (Render       *r,
               const BpRect *title,
               double        y)
{
  const char *persona = bp_document_get_persona (r->document);
  const char *goal = bp_document_get_goal (r->document);
  const char *start = bp_document_get_scenario_start (r->document);
  const char *end = bp_document_get_scenario_end (r->document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (persona != NULL && *persona != '\0')
    append_scenario_part (text, attrs, _("Persona"), persona);
  if (goal != NULL && *goal != '\0')
    append_scenario_part (text, attrs, _("Goal"), goal);
  if ((start != NULL && *start != '\0') || (end != NULL && *end != '\0'))
    {
      g_autofree char *journey = g_strdup_printf ("%s  →  %s",
                                                  start && *start ? start : "…",
                                                  end && *end ? end : "…");
      append_scenario_part (text, attrs, _("From"), journey);
    }

  if (text->len == 0)
    return;

  set_line_text (r, FONT_SCENARIO, text->str, title->width - 2 * MARGIN);
  pango_layout_set_attributes (r->text, attrs);
  show_text (r, title->x + MARGIN, y, &r->pal->text_dim, 1);
}

static void
draw_title (Render *r)
{
  const char *title = bp_document_get_title (r->document);
  gboolean future = bp_document_get_state (r->document) == BP_BLUEPRINT_STATE_FUTURE;
  const char *state = future ? _("Future state") : _("Current state");
  double state_w, state_h, title_w, title_h;
  BpRect band, pill;
  double top;

  bp_layout_get_title_rect (r->layout, &band);
  if (!is_visible (r, &band) || !r->draw_headers)
    return;

  top = band.y + 12;

  /* The pill's width first: the title gets what is left. */
  set_line_text (r, FONT_SMALL_BOLD, state, 200);
  text_size (r, &state_w, &state_h);

  if (title[0] != '\0')
    {
      set_line_text (r, FONT_TITLE, title, band.width - 2 * MARGIN - state_w - 40);
      text_size (r, &title_w, &title_h);
      show_text (r, band.x + MARGIN, top, &r->pal->text, 1);
    }
  else
    {
      set_line_text (r, FONT_TITLE, _("Untitled blueprint"), band.width - 2 * MARGIN - state_w - 40);
      text_size (r, &title_w, &title_h);
      show_text (r, band.x + MARGIN, top, &r->pal->text_dim, 1);
    }

  pill.x = band.x + MARGIN + title_w + 14;
  pill.height = state_h + 6;
  pill.y = top + (title_h - pill.height) / 2;
  pill.width = state_w + 20;
  rounded_rect (r->cr, &pill, pill.height / 2);
  set_rgb (r->cr, future ? &r->pal->pill_future : &r->pal->pill_current);
  cairo_fill (r->cr);
  set_line_text (r, FONT_SMALL_BOLD, state, 200);
  show_text (r, pill.x + 10, pill.y + 3,
             future ? &r->pal->pill_future_text : &r->pal->pill_current_text, 1);

  draw_scenario (r, &band, top + title_h + 4);
}

/* ------------------------------------------------------------------ */
/* Flows                                                               */

static void
flow_color (Render     *r,
            const char *id,
            const Rgb **color,
            double     *alpha,
            double     *width)
{
  *color = &r->pal->flow;
  *alpha = 1;
  *width = FLOW_WIDTH;

  if (is_selected (r, id))
    {
      *color = &r->pal->accent;
      *width = SELECT_WIDTH;
    }
  else if (is_hovered (r, id))
    {
      *color = &r->pal->accent;
      *alpha = 0.7;
      *width = 2;
    }
}

static double
segment_length (const BpPoint *a,
                const BpPoint *b)
{
  return hypot (b->x - a->x, b->y - a->y);
}

/* The route with rounded corners, stopped where the arrowhead begins. */
static void
trace_route (cairo_t       *cr,
             const BpPoint *points,
             guint          n_points,
             const BpPoint *end)
{
  cairo_move_to (cr, points[0].x, points[0].y);

  for (guint i = 1; i + 1 < n_points; i++)
    {
      const BpPoint *prev = &points[i - 1], *corner = &points[i], *next = &points[i + 1];
      double in = segment_length (prev, corner);
      double out = segment_length (corner, next);
      double radius = MIN (FLOW_RADIUS, MIN (in, out) / 2);

      if (in == 0 || out == 0 || radius <= 0)
        {
          cairo_line_to (cr, corner->x, corner->y);
          continue;
        }

      cairo_line_to (cr,
                     corner->x - (corner->x - prev->x) / in * radius,
                     corner->y - (corner->y - prev->y) / in * radius);
      cairo_curve_to (cr, corner->x, corner->y, corner->x, corner->y,
                      corner->x + (next->x - corner->x) / out * radius,
                      corner->y + (next->y - corner->y) / out * radius);
    }

  cairo_line_to (cr, end->x, end->y);
}

static void
draw_flow (Render *r,
           guint   position)
{
  BpFlow *flow = bp_document_get_flow (r->document, position);
  const char *id = bp_item_get_id (BP_ITEM (flow));
  guint n_points = 0;
  const BpPoint *points = bp_layout_get_flow_path (r->layout, position, &n_points);
  const BpPoint *tip, *before;
  double dx, dy, length, alpha, width;
  BpPoint base;
  const Rgb *color;

  if (points == NULL || n_points < 2)
    return;

  tip = &points[n_points - 1];
  before = &points[n_points - 2];
  length = segment_length (before, tip);
  if (length == 0)
    return;
  dx = (tip->x - before->x) / length;
  dy = (tip->y - before->y) / length;

  /* The stroke ends under the arrowhead, so its cap never shows. */
  base.x = tip->x - dx * ARROW_LENGTH * 0.8;
  base.y = tip->y - dy * ARROW_LENGTH * 0.8;

  flow_color (r, id, &color, &alpha, &width);
  set_rgba (r->cr, color, alpha);
  cairo_set_line_width (r->cr, width);
  cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (r->cr, CAIRO_LINE_CAP_ROUND);
  trace_route (r->cr, points, n_points, &base);
  cairo_stroke (r->cr);

  cairo_move_to (r->cr, tip->x, tip->y);
  cairo_line_to (r->cr,
                 tip->x - dx * ARROW_LENGTH - dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH + dx * ARROW_HALF_WIDTH);
  cairo_line_to (r->cr,
                 tip->x - dx * ARROW_LENGTH + dy * ARROW_HALF_WIDTH,
                 tip->y - dy * ARROW_LENGTH - dx * ARROW_HALF_WIDTH);
  cairo_close_path (r->cr);
  cairo_fill (r->cr);
}

/* The middle of the route's middle segment (the longer of two). */
static BpPoint
label_anchor (const BpPoint *points,
              guint          n_points)
{
  guint n_segments = n_points - 1;
  guint s = (n_segments - 1) / 2;
  BpPoint anchor;

  if (n_segments % 2 == 0 &&
      segment_length (&points[s + 1], &points[s + 2]) > segment_length (&points[s], &points[s + 1]))
    s++;

  anchor.x = (points[s].x + points[s + 1].x) / 2;
  anchor.y = (points[s].y + points[s + 1].y) / 2;
  return anchor;
}

static void
draw_flow_label (Render *r,
                 guint   position)
{
  BpFlow *flow = bp_document_get_flow (r->document, position);
  const char *label = bp_flow_get_label (flow);
  const char *id = bp_item_get_id (BP_ITEM (flow));
  guint n_points = 0;
  const BpPoint *points;
  double w, h;
  BpPoint anchor;
  BpRect pill;

  if (label == NULL || label[0] == '\0')
    return;

  points = bp_layout_get_flow_path (r->layout, position, &n_points);
  if (points == NULL || n_points < 2)
    return;

  anchor = label_anchor (points, n_points);
  set_line_text (r, FONT_SMALL, label, LABEL_MAX_WIDTH);
  text_size (r, &w, &h);
  pill.width = w + 14;
  pill.height = h + 6;
  pill.x = anchor.x - pill.width / 2;
  pill.y = anchor.y - pill.height / 2;

  rounded_rect (r->cr, &pill, pill.height / 2);
  set_rgb (r->cr, &r->pal->sheet);
  cairo_fill_preserve (r->cr);
  set_rgb (r->cr, is_selected (r, id) ? &r->pal->accent : &r->pal->separator);
  cairo_set_line_width (r->cr, 1);
  cairo_stroke (r->cr);
  show_text (r, pill.x + 7, pill.y + 3, &r->pal->text_dim, 1);
}

/* ------------------------------------------------------------------ */
/* Cards                                                               */

/* The edge and soft shadow of every card in view: a thin ring all round
 * and a drop below. Each layer is one path, filled once: a single fill of
 * many shapes costs a fraction of a fill per shape, and the shadows of
 * neighbours do not darken each other. */
static void
draw_card_shadows (Render *r,
                   GArray *steps)
{
  static const struct {
    double spread, drop, alpha;
  } layers[] = {
    { 1.0, 0.0, 1.0 },  /* the edge */
    { 1.0, 1.5, 0.6 },  /* the drop */
  };

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      for (guint i = 0; i < steps->len; i++)
        {
          BpRect card, shadow;

          if (!bp_layout_get_step_rect (r->layout, g_array_index (steps, guint, i), &card))
            continue;
          shadow = inset_rect (&card, -layers[l].spread, -layers[l].spread);
          shadow.y += layers[l].drop;
          rounded_rect (r->cr, &shadow, CARD_RADIUS + layers[l].spread);
        }

      cairo_set_source_rgba (r->cr, 0, 0, 0, r->pal->shadow * layers[l].alpha);
      cairo_fill (r->cr);
    }
}

/* Cards of the neutral colour in one fill, then the others one by one:
 * a fill ends the path, so the two cannot be interleaved. */
static void
draw_card_fills (Render *r,
                 GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      BpRect card;

      if (bp_step_get_color (step) == NULL &&
          bp_layout_get_step_rect (r->layout, position, &card))
        rounded_rect (r->cr, &card, CARD_RADIUS);
    }

  set_rgb (r->cr, &r->pal->card);
  cairo_fill (r->cr);

  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      Rgb own = r->pal->card;
      BpRect card;

      if (bp_step_get_color (step) != NULL &&
          bp_layout_get_step_rect (r->layout, position, &card))
        {
          parse_color (bp_step_get_color (step), &own);
          rounded_rect (r->cr, &card, CARD_RADIUS);
          set_rgb (r->cr, &own);
          cairo_fill (r->cr);
        }
    }
}

static void
draw_badge_glyph (cairo_t     *cr,
                  BpStepFlags  flag,
                  double       x,
                  double       y)
{
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (flag)
    {
    case BP_STEP_FLAG_PAIN_POINT: /* ! */
      cairo_move_to (cr, x, y - 4.5);
      cairo_line_to (cr, x, y + 1);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + 4.2, 1.2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case BP_STEP_FLAG_OPPORTUNITY: /* + */
      cairo_move_to (cr, x - 4.5, y);
      cairo_line_to (cr, x + 4.5, y);
      cairo_move_to (cr, x, y - 4.5);
      cairo_line_to (cr, x, y + 4.5);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_MOMENT_OF_TRUTH: /* ★ */
      for (int i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double radius = i % 2 == 0 ? 5.5 : 2.3;

          cairo_line_to (cr, x + cos (angle) * radius, y + sin (angle) * radius);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case BP_STEP_FLAG_FAIL_POINT: /* F */
      cairo_move_to (cr, x + 3, y - 4.5);
      cairo_line_to (cr, x - 2.5, y - 4.5);
      cairo_line_to (cr, x - 2.5, y + 4.5);
      cairo_move_to (cr, x - 2.5, y - 0.3);
      cairo_line_to (cr, x + 2, y - 0.3);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_WAIT_POINT: /* W */
      cairo_set_line_width (cr, 1.8);
      cairo_move_to (cr, x - 4.6, y - 4);
      cairo_line_to (cr, x - 2.3, y + 4);
      cairo_line_to (cr, x, y - 1.5);
      cairo_line_to (cr, x + 2.3, y + 4);
      cairo_line_to (cr, x + 4.6, y - 4);
      cairo_stroke (cr);
      break;

    case BP_STEP_FLAG_NONE:
    default:
      break;
    }
}

static void
draw_badges (Render       *r,
             const BpRect *card,
             BpStepFlags   flags,
             const Rgb    *ring)
{
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      BpStepFlags flag = 1 << bit;
      BpPoint center;
      double radius;

      if (!bp_render_get_badge (card, flags, flag, &center, &radius))
        continue;

      /* A ring of the card's colour parts the badge from the edge. */
      cairo_new_path (r->cr);
      cairo_arc (r->cr, center.x, center.y, radius + 1.5, 0, 2 * G_PI);
      set_rgb (r->cr, ring);
      cairo_fill (r->cr);
      cairo_arc (r->cr, center.x, center.y, radius, 0, 2 * G_PI);
      set_rgb (r->cr, &r->pal->badge[bit]);
      cairo_fill (r->cr);

      set_rgb (r->cr, &r->pal->badge_glyph);
      draw_badge_glyph (r->cr, flag, center.x, center.y);
    }
}

static void
draw_card_outline (Render       *r,
                   const BpRect *card,
                   const char   *id)
{
  double width, alpha = 1;
  BpRect ring;

  if (is_selected (r, id))
    width = SELECT_WIDTH;
  else if (is_hovered (r, id))
    {
      width = HOVER_WIDTH;
      alpha = 0.6;
    }
  else
    return;

  ring = inset_rect (card, -(width / 2 + 1.5), -(width / 2 + 1.5));
  rounded_rect (r->cr, &ring, CARD_RADIUS + width / 2 + 1.5);
  set_rgba (r->cr, &r->pal->accent, alpha);
  cairo_set_line_width (r->cr, width);
  cairo_stroke (r->cr);
}

/* The card's text laid out for a card of @card's size: the body, and a
 * footer line with the actor at the left and the duration at the right. */
static CardText *
card_text_new (Render       *r,
               BpStep       *step,
               const BpRect *card)
{
  CardText *text = g_new0 (CardText, 1);
  BpRect inner = inset_rect (card, CARD_PADDING, CARD_PADDING);
  const char *actor = bp_step_get_actor (step);
  const char *body = bp_step_get_text (step);
  double duration_w = 0, footer = 0, h, actor_w;

  text->step = g_object_ref (step);
  text->width = card->width;
  text->height = card->height;

  if (bp_step_has_duration (step))
    {
      g_autofree char *duration = bp_duration_format (bp_step_get_duration (step));

      text->duration = pango_layout_new (r->cache->context);
      layout_line (r->cache, text->duration, FONT_SMALL_BOLD, duration, inner.width);
      layout_size (text->duration, &duration_w, &footer);
    }

  /* An actor squeezed to "…" says nothing: leave it out. */
  actor_w = inner.width - (duration_w > 0 ? duration_w + 8 : 0);
  if (actor != NULL && actor[0] != '\0' && actor_w >= 3 * font_specs[FONT_SMALL].size)
    {
      text->actor = pango_layout_new (r->cache->context);
      layout_line (r->cache, text->actor, FONT_SMALL, actor, actor_w);
      layout_size (text->actor, NULL, &h);
      footer = MAX (footer, h);
    }

  if (footer > 0)
    inner.height -= footer + CARD_FOOTER_GAP;
  if (body[0] != '\0' && inner.height > 4)
    {
      text->body = pango_layout_new (r->cache->context);
      layout_wrapped (r->cache, text->body, FONT_BODY, body, inner.width, inner.height);
    }

  return text;
}

static CardText *
card_text_get (Render       *r,
               BpStep       *step,
               const BpRect *card)
{
  GHashTable *cards = r->cache->cards;
  CardText *text = g_hash_table_lookup (cards, step);

  if (text != NULL && text->width == card->width && text->height == card->height)
    return text;

  if (g_hash_table_size (cards) >
      MAX (TEXT_CACHE_MIN_SIZE, 2 * bp_document_get_n_steps (r->document)))
    g_hash_table_remove_all (cards);

  text = card_text_new (r, step, card);
  text->notify_id = g_signal_connect (step, "notify", G_CALLBACK (on_step_notify), r->cache);
  g_hash_table_replace (cards, step, text);
  return text;
}

static void
draw_card_text (Render       *r,
                BpStep       *step,
                const BpRect *card,
                const Rgb    *ink)
{
  CardText *text = card_text_get (r, step, card);
  BpRect inner = inset_rect (card, CARD_PADDING, CARD_PADDING);
  double w, h;

  if (text->duration != NULL)
    {
      layout_size (text->duration, &w, &h);
      show_layout (r, text->duration, inner.x + inner.width - w, inner.y + inner.height - h, ink, 0.7);
    }

  if (text->actor != NULL)
    {
      layout_size (text->actor, NULL, &h);
      show_layout (r, text->actor, inner.x, inner.y + inner.height - h, ink, 0.7);
    }

  if (text->body != NULL)
    show_layout (r, text->body, inner.x, inner.y, ink, 1);
}

/* Too small to read: a grey line where each card's text begins, all in
 * one fill. */
static void
draw_text_placeholders (Render *r,
                        GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    {
      guint position = g_array_index (steps, guint, i);
      BpStep *step = bp_document_get_step (r->document, position);
      BpRect card;

      if (bp_step_get_text (step)[0] == '\0' ||
          !bp_layout_get_step_rect (r->layout, position, &card))
        continue;

      cairo_rectangle (r->cr, card.x + CARD_PADDING, card.y + CARD_PADDING + 2,
                       (card.width - 2 * CARD_PADDING) * 0.75, font_specs[FONT_BODY].size * 0.6);
    }

  set_rgba (r->cr, &r->pal->text, 0.18);
  cairo_fill (r->cr);
}

/* Too small for glyphs: each flag's badges as plain dots, one fill a
 * flag. */
static void
draw_badge_dots (Render *r,
                 GArray *steps)
{
  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    {
      BpStepFlags flag = 1 << bit;

      for (guint i = 0; i < steps->len; i++)
        {
          guint position = g_array_index (steps, guint, i);
          BpStep *step = bp_document_get_step (r->document, position);
          BpPoint center;
          double radius;
          BpRect card;

          if ((bp_step_get_flags (step) & flag) == 0 ||
              !bp_layout_get_step_rect (r->layout, position, &card) ||
              !bp_render_get_badge (&card, bp_step_get_flags (step), flag, &center, &radius))
            continue;

          cairo_new_sub_path (r->cr);
          cairo_arc (r->cr, center.x, center.y, radius, 0, 2 * G_PI);
        }

      set_rgb (r->cr, &r->pal->badge[bit]);
      cairo_fill (r->cr);
    }
}

/* What is drawn over a card's fill: outline, text, badges. */
static void
draw_card_details (Render *r,
                   guint   position)
{
  BpStep *step = bp_document_get_step (r->document, position);
  Rgb fill = r->pal->card;
  const Rgb *ink = &r->pal->text;
  BpRect card;

  if (!bp_layout_get_step_rect (r->layout, position, &card))
    return;

  if (parse_color (bp_step_get_color (step), &fill))
    ink = ink_for (&fill);

  draw_card_outline (r, &card, bp_item_get_id (BP_ITEM (step)));

  if (r->draw_text)
    {
      draw_card_text (r, step, &card, ink);
      draw_badges (r, &card, bp_step_get_flags (step), &fill);
    }
}

/* ------------------------------------------------------------------ */
/* The whole drawing                                                   */

static gboolean
is_vector_surface (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
render_init (Render                *r,
             cairo_t               *cr,
             BpLayout              *layout,
             const BpRenderOptions *options)
{
  double dx = 1, dy = 0;

  memset (r, 0, sizeof *r);
  r->cr = cr;
  r->layout = layout;
  r->document = bp_layout_get_document (layout);
  r->options = options;
  r->pal = &palettes[options->dark ? 1 : 0];
  bp_layout_get_bounds (layout, &r->bounds);

  r->visible = options->viewport;
  if (r->visible.width <= 0 || r->visible.height <= 0)
    r->visible = r->bounds;

  cairo_user_to_device_distance (cr, &dx, &dy);
  r->scale = hypot (dx, dy);
  r->draw_text = is_vector_surface (cr) ||
                 r->scale * font_specs[FONT_BODY].size >= MIN_READABLE_EM;
  r->draw_headers = is_vector_surface (cr) ||
                    r->scale * font_specs[FONT_HEADER].size >= MIN_HEADER_EM;
}

/* Text is laid out at 1:1, whatever the zoom, and cairo draws its glyphs
 * at the scale of the moment. So text wraps the same at every zoom, in a
 * PNG and in a PDF, and zooming keeps the shaped text. (A context that
 * follows the zoom also trips pango's ellipsizing to a height, which
 * then guesses line heights in the wrong units.) */
static void
render_init_text (Render *r)
{
  r->cache = text_cache_get (r->layout);
  r->text = r->cache->scratch;
}

static void
draw_background (Render *r)
{
  BpRect area;

  if (r->options->transparent)
    return;

  area.x = MAX (r->bounds.x, r->visible.x);
  area.y = MAX (r->bounds.y, r->visible.y);
  area.width = MIN (r->bounds.x + r->bounds.width, r->visible.x + r->visible.width) - area.x;
  area.height = MIN (r->bounds.y + r->bounds.height, r->visible.y + r->visible.height) - area.y;
  if (area.width > 0 && area.height > 0)
    fill_rect (r, &area, &r->pal->sheet);
}

/* A layout not yet updated after a removal may name positions the
 * document no longer has. */
static void
keep_positions_below (GArray *positions,
                      guint   n)
{
  guint kept = 0;

  for (guint i = 0; i < positions->len; i++)
    if (g_array_index (positions, guint, i) < n)
      g_array_index (positions, guint, kept++) = g_array_index (positions, guint, i);

  g_array_set_size (positions, kept);
}

/* Badges, shadows and outlines reach a little past a card. */
#define CARD_OVERHANG (BADGE_RADIUS + 4)

static void
draw_flows_and_cards (Render *r)
{
  BpRect query = inset_rect (&r->visible, -CARD_OVERHANG, -CARD_OVERHANG);
  BpRect label_query = inset_rect (&r->visible, -(LABEL_MAX_WIDTH / 2 + 16), -24);
  g_autoptr(GArray) flows = bp_layout_flows_in_rect (r->layout, &label_query);
  g_autoptr(GArray) steps = bp_layout_steps_in_rect (r->layout, &query);

  keep_positions_below (flows, bp_document_get_n_flows (r->document));
  keep_positions_below (steps, bp_document_get_n_steps (r->document));

  for (guint i = 0; i < flows->len; i++)
    draw_flow (r, g_array_index (flows, guint, i));

  if (r->draw_text)
    draw_card_shadows (r, steps);
  draw_card_fills (r, steps);
  if (!r->draw_text)
    {
      draw_text_placeholders (r, steps);
      draw_badge_dots (r, steps);
    }
  for (guint i = 0; i < steps->len; i++)
    draw_card_details (r, g_array_index (steps, guint, i));

  /* Labels last: a label must not hide under a card. */
  if (r->draw_text)
    for (guint i = 0; i < flows->len; i++)
      draw_flow_label (r, g_array_index (flows, guint, i));
}

void
bp_render_options_init (BpRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->zoom = 1;
}

void
bp_render (cairo_t               *cr,
           BpLayout              *layout,
           const BpRenderOptions *options)
{
  Render r;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->zoom > 0);

  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);

  render_init (&r, cr, layout, options);
  cairo_translate (cr, -r.visible.x, -r.visible.y);
  cairo_rectangle (cr, r.visible.x, r.visible.y, r.visible.width, r.visible.height);
  cairo_clip (cr);

  render_init_text (&r);
  find_visible_bands (&r);

  draw_background (&r);
  draw_lane_bands (&r);
  draw_stage_headers (&r);
  draw_lane_headers (&r);
  draw_grid (&r);
  /* Under the arrows: an arrow crossing a line is a hand-off, and reads
   * as one unbroken stroke. */
  draw_lines (&r);
  draw_title (&r);
  draw_flows_and_cards (&r);

  cairo_restore (cr);
}

void
bp_render_get_background (gboolean  dark,
                          double   *red,
                          double   *green,
                          double   *blue)
{
  const Palette *pal = &palettes[dark ? 1 : 0];

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
  const Palette *pal;
  Rgb tint;

  g_return_if_fail (kind < BP_N_LANE_KINDS);

  pal = &palettes[dark ? 1 : 0];
  tint = mix (&pal->sheet, &pal->zone[kind], pal->zone_tint);
  *red = tint.r;
  *green = tint.g;
  *blue = tint.b;
}

static guint
count_bits (guint bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

gboolean
bp_render_get_badge (const BpRect *card,
                     BpStepFlags   flags,
                     BpStepFlags   flag,
                     BpPoint      *center,
                     double       *radius)
{
  guint n, index;
  double spacing = BADGE_SPACING;

  g_return_val_if_fail (card != NULL, FALSE);

  flags &= BP_STEP_FLAGS_ALL;
  if (flag == 0 || (flag & (flag - 1)) != 0 || (flags & flag) == 0)
    return FALSE;

  n = count_bits (flags);
  index = count_bits (flags & (flag - 1));

  /* Narrow cards pack their badges closer. */
  if (n > 1)
    spacing = MIN (spacing, (card->width - BADGE_INSET - BADGE_RADIUS) / (n - 1));
  spacing = MAX (spacing, BADGE_RADIUS);

  center->x = card->x + card->width - BADGE_INSET - (n - 1 - index) * spacing;
  center->y = card->y;
  *radius = BADGE_RADIUS;
  return TRUE;
}
