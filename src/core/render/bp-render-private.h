/* bp-render-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "layout/bp-layout-text.h"
#include "render/bp-render.h"

G_BEGIN_DECLS

/* bp_render() is split by what it draws:
 *
 *  bp-render.c          bp_render(): the per-call context, the background,
 *                       the title band, and the order in which the parts
 *                       are drawn
 *  bp-render-shapes.c   the shapes every part draws, an item's states
 *  bp-render-colors.c   the light and dark colours, colour helpers
 *  bp-render-text.c     fonts, the text cache, pango helpers, card text
 *  bp-render-grid.c     lane bands, stage and lane headers, separators,
 *                       the three lines
 *  bp-render-flow.c     flows, arrowheads and flow labels
 *  bp-render-card.c     cards and their badges
 *  bp-render-legend.c   the legend of the marks on cards, and of a
 *                       comparison's marks
 *  bp-render-view.c     what a view draws over a render: the frozen
 *                       header column and row, the legend's box
 *  bp-render-slide.c    what a slide adds: the title band with the
 *                       whole scenario, markers where flows leave it,
 *                       its footer
 *
 * bp-render-overlay.c draws the canvas's gesture feedback over a render
 * (bp_render_overlay()), with the same shapes and colours.
 */

/* Measures the parts share, in canvas units. */
#define BP_RENDER_MARGIN           16.0  /* left inset of titles and header text */
#define BP_RENDER_CARD_PADDING     BP_CARD_PADDING
#define BP_RENDER_CARD_RADIUS      8.0   /* of a card's corners, its ghost and landing */
#define BP_RENDER_BADGE_RADIUS     9.0
#define BP_RENDER_SELECT_WIDTH     2.5
#define BP_RENDER_LABEL_MAX_WIDTH  BP_LAYOUT_LABEL_MAX_WIDTH  /* of a flow label */
/* Badges, shadows and outlines reach a little past a card. */
#define BP_RENDER_CARD_OVERHANG    (BP_RENDER_BADGE_RADIUS + 4)

/* Every colour the drawing uses, light and dark (bp-render-colors.c) */

typedef struct {
  double r, g, b;
} BpRgb;

typedef struct {
  BpRgb  sheet;            /* the blueprint's background */
  BpRgb  header;           /* stage and lane header cells */
  BpRgb  header_hover;
  BpRgb  separator;        /* grid lines between cells */
  BpRgb  text;
  BpRgb  text_dim;
  BpRgb  line;             /* the three lines and their labels */
  BpRgb  card;             /* a card without a colour of its own */
  double shadow;           /* alpha of the card shadow */
  BpRgb  flow;
  BpRgb  accent;           /* selection, hover */
  BpRgb  pill_current;
  BpRgb  pill_current_text;
  BpRgb  pill_future;
  BpRgb  pill_future_text;
  BpRgb  zone[BP_N_LANE_KINDS];
  double zone_tint;        /* share of the zone colour in a lane band */
  double lane_tint;        /* share of a lane's own colour in its band */
  BpRgb  badge[BP_N_STEP_FLAGS];
  BpRgb  badge_glyph;
} BpRenderColors;

const BpRenderColors *bp_render_get_colors   (gboolean     dark);
/* The colours of a comparison's marks, the same light and dark. */
extern const BpRgb bp_render_compare_added;
extern const BpRgb bp_render_compare_changed;
extern const BpRgb bp_render_compare_removed;
extern const BpRgb bp_render_compare_arrow_light;
extern const BpRgb bp_render_compare_arrow_dark;
void             bp_render_set_rgb       (cairo_t     *cr,
                                          const BpRgb *color);
void             bp_render_set_rgba      (cairo_t     *cr,
                                          const BpRgb *color,
                                          double       alpha);
/* "#rrggbb"; FALSE for anything else. */
gboolean         bp_render_parse_color   (const char  *text,
                                          BpRgb       *color);
/* The colour of text on @fill. */
const BpRgb     *bp_render_ink_for       (const BpRgb *fill);
/* What @lane's band is filled with. */
BpRgb            bp_render_lane_tint     (BpLane      *lane,
                                          gboolean     dark);

/* Everything one call of bp_render() shares (bp-render.c) */

typedef enum {
  FONT_TITLE,
  FONT_HEADER,
  FONT_LANE,
  FONT_BODY,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_SCENARIO,
  N_FONTS
} BpFont;

typedef struct _BpTextCache BpTextCache;

typedef struct {
  cairo_t               *cr;
  BpLayout              *layout;
  BpDocument            *document;
  const BpRenderOptions *options;
  const BpRenderColors       *pal;
  BpRect                 bounds;
  BpRect                 visible;  /* canvas units */
  double                 scale;    /* device units per canvas unit */
  gboolean               draw_text;     /* card text, flow and line labels */
  gboolean               draw_headers;  /* title, stage and lane names */
  BpTextCache           *cache;
  PangoLayout           *text;     /* the cache's, for all but card text */
  guint                  first_lane, end_lane;
  guint                  first_stage, end_stage;
} BpRender;

/* Fills @r for one drawing of @layout on @cr (bp-render.c). */
void     bp_render_context_init       (BpRender              *r,
                                       cairo_t               *cr,
                                       BpLayout              *layout,
                                       const BpRenderOptions *options);
/* The lanes and stages r->visible touches. */
void     bp_render_find_visible_bands (BpRender              *r);
/* What of the title band to draw. */
typedef enum {
  BP_TITLE_BAND_TITLE    = 1 << 0,
  BP_TITLE_BAND_SCENARIO = 1 << 1,
  BP_TITLE_BAND_DECOR    = 1 << 2,  /* the state pill and the legend */
  BP_TITLE_BAND_ALL      = 7,
} BpTitleBandParts;

/* The title band's content in @band, the scenario on one line or
 * (options->wrap_scenario) wrapped whole; returns the height it takes,
 * whatever @parts it draws. */
double   bp_render_draw_title_band    (BpRender              *r,
                                       const BpRect          *band,
                                       BpTitleBandParts       parts);
/* The title band as bp_render() places it. */
void     bp_render_get_title_band     (BpRender              *r,
                                       BpRect                *band);

/* Shapes and states (bp-render-shapes.c) */

BpRect   bp_render_inset_rect    (const BpRect *rect,
                                  double        dx,
                                  double        dy);
void     bp_render_rounded_rect  (cairo_t      *cr,
                                  const BpRect *rect,
                                  double        radius);
void     bp_render_fill_rect     (BpRender     *r,
                                  const BpRect *rect,
                                  const BpRgb  *color);
gboolean bp_render_is_selected   (BpRender     *r,
                                  const char   *id);
gboolean bp_render_is_hovered    (BpRender     *r,
                                  const char   *id);
gboolean bp_render_is_visible    (BpRender     *r,
                                  const BpRect *rect);

/* Text (bp-render-text.c) */

double   bp_render_font_size        (BpFont        font);
/* The byte length of at most @max_chars characters of @text. */
gsize    bp_render_clip_length      (const char   *text,
                                     gsize         max_chars);
/* Sets r->cache and r->text. */
void     bp_render_init_text        (BpRender     *r);

/* The scratch layout r->text, for headers, titles and labels. */
void     bp_render_set_line_text    (BpRender     *r,
                                     BpFont        font,
                                     const char   *text,
                                     double        width);
void     bp_render_set_wrapped_text (BpRender     *r,
                                     BpFont        font,
                                     const char   *text,
                                     double        width,
                                     double        height);
void     bp_render_text_size        (BpRender     *r,
                                     double       *width,
                                     double       *height);
void     bp_render_show_text        (BpRender     *r,
                                     double        x,
                                     double        y,
                                     const BpRgb  *color,
                                     double        alpha);

/* The body, actor and duration of @step on a card at @card, kept in the
 * cache from one call to the next. */
void     bp_render_draw_card_text   (BpRender     *r,
                                     BpStep       *step,
                                     const BpRect *card,
                                     const BpRgb  *ink);

/* The parts, in the order bp_render() draws them */

/* bp-render-grid.c */
void     bp_render_draw_stage_name    (BpRender     *r,
                                       BpStage      *stage,
                                       const BpRect *cell);
void     bp_render_draw_lane_name     (BpRender     *r,
                                       BpLane       *lane,
                                       const BpRect *cell);
void     bp_render_draw_lane_bands    (BpRender *r);
void     bp_render_draw_stage_headers (BpRender *r);
void     bp_render_draw_lane_headers  (BpRender *r);
void     bp_render_draw_grid          (BpRender *r);
void     bp_render_draw_lines         (BpRender *r);

/* bp-render-flow.c, bp-render-card.c: the flows and steps at
 * @positions, none past the document's. */
void     bp_render_draw_flows         (BpRender *r,
                                       GArray   *positions);
void     bp_render_draw_cards         (BpRender *r,
                                       GArray   *positions);
void     bp_render_draw_flow_labels   (BpRender *r,
                                       GArray   *positions);
/* The text on the card of step @position, in its ink. */
void     bp_render_draw_card_text_at  (BpRender *r,
                                       guint     position);
/* One mark's badge, as on a card, without the ring. */
void     bp_render_draw_badge         (BpRender      *r,
                                       BpStepFlags    flag,
                                       const BpPoint *center,
                                       double         radius);

/* A short flow of @kind, as the legend shows it. */
void     bp_render_draw_flow_sample   (BpRender   *r,
                                       BpFlowKind  kind,
                                       double      x,
                                       double      y,
                                       double      length);

/* bp-render-insights.c: what the options' insights add. The time row
 * sits this far below a stage header cell's top, the name above it. */
#define BP_RENDER_STAGE_TIME_Y 27.0
void     bp_render_draw_stage_time    (BpRender     *r,
                                       guint         position,
                                       const BpRect *cell);
void     bp_render_draw_check_badges  (BpRender *r,
                                       GArray   *flows,
                                       GArray   *steps);
void     bp_render_draw_crossings     (BpRender *r,
                                       GArray   *flows);

/* bp-render-legend.c: the row of marks and their names, in a box or
 * not, in canvas units. */
void     bp_render_legend_size        (BpRender *r,
                                       gboolean  boxed,
                                       double   *width,
                                       double   *height);
void     bp_render_draw_legend        (BpRender *r,
                                       gboolean  boxed,
                                       double    x,
                                       double    y);

/* bp-render-legend.c: the comparison's four marks (a card added,
 * changed, removed, moved) and their names, in one row @height tall;
 * bp_render_compare_legend_width() tells its width, in canvas units. */
double   bp_render_compare_legend_width (BpRender *r);
void     bp_render_draw_compare_legend  (BpRender *r,
                                         double    x,
                                         double    y,
                                         double    height);

G_END_DECLS
