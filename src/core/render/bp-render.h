/* bp-render.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "insights/bp-insights.h"
#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* How to draw: the canvas, exports and printing all call bp_render(). */
typedef struct {
  /* The visible part, in canvas units; a zero width or height means the
   * whole blueprint. Only what intersects it is drawn. */
  BpRect       viewport;
  /* Device units per canvas unit. */
  double       zoom;
  gboolean     dark;
  /* Leave the background unpainted (transparent PNG). */
  gboolean     transparent;
  /* Ids (char *) of selected items, or NULL. */
  GHashTable  *selection;
  /* The id under the pointer, or NULL. */
  const char  *hover_id;
  /* When above 0, the title band's text is fitted to this width rather
   * than the blueprint's: an export of some of the stages is narrower. */
  double       title_width;
  /* When it has a width, a flow's label is drawn only if it fits inside
   * whole: a page of some stages leaves out labels its edges would cut. */
  BpRect       label_bounds;
  /* Draw the legend of the marks on cards at the right of the title
   * band (exports; the canvas draws bp_render_legend() in a corner). */
  gboolean     legend;
  /* Draw the legend of a comparison's marks (added, changed, removed,
   * moved; see bp-render-compare.h) there too, before the other: an
   * export drawn with a comparison. */
  gboolean     compare_legend;
  /* Leave out the title, the scenario, the stage and lane names and the
   * cards' text: a tagged PDF draws them after the rest, one at a time
   * in reading order, with bp_render_text_part(). */
  gboolean     omit_text;
  /* The scenario on as many lines as it needs, not cut (slides). */
  gboolean     wrap_scenario;
  /* The blueprint's figures (bp_insights_compute() of the layout's
   * document), or NULL: with them, each stage header gets a time row
   * and each card or flow that raised a check a badge. */
  BpInsights  *insights;
  /* With the insights: a ring where each flow crosses a line. */
  gboolean     crossings;
} BpRenderOptions;

void   bp_render_options_init (BpRenderOptions       *options);

/* Draws @layout's document on @cr. The device origin of @cr is the
 * viewport's top-left corner: bp_render() scales by the zoom and
 * translates by the viewport itself, inside a cairo_save()/restore(). */
void   bp_render              (cairo_t               *cr,
                               BpLayout              *layout,
                               const BpRenderOptions *options);

/* Draws the lane header column at the left edge of @options' viewport
 * and the stage header row at its top, over a bp_render() of the same
 * viewport, when the view has scrolled past them (frozen panes): they
 * stay in sight, as in a spreadsheet. Draws nothing when the view shows
 * them in place, or when the viewport is empty. */
void   bp_render_frozen_headers (cairo_t               *cr,
                                 BpLayout              *layout,
                                 const BpRenderOptions *options);

/* How far the frozen header column (@dx) and row (@dy) are moved from
 * their place on the sheet for @viewport, in canvas units; 0 when in
 * place. A point in a frozen header maps back to the sheet by
 * subtracting them. */
void   bp_render_get_frozen_offsets (BpLayout          *layout,
                                     const BpRect      *viewport,
                                     double            *dx,
                                     double            *dy);

/* The legend of the marks on cards ("!", "+", the star, "F", "W") and of
 * the kinds of flow (a second row of short flows): a
 * box with a row of the badges cards show and their names, its top-left
 * corner at (@x, @y) in @cr's units, scaled by @options' zoom, in its
 * light or dark colours. bp_render_get_legend_size() tells its size in
 * canvas units. */
void   bp_render_legend       (cairo_t               *cr,
                               BpLayout              *layout,
                               const BpRenderOptions *options,
                               double                 x,
                               double                 y);
void   bp_render_get_legend_size (BpLayout           *layout,
                                  double             *width,
                                  double             *height);

/* The blueprint's background in the light or the dark variant. */
void   bp_render_get_background (gboolean             dark,
                                 double              *red,
                                 double              *green,
                                 double              *blue);

/* The opaque colour bp_render() fills @kind's lane bands with, when the
 * lane has no colour of its own. */
void   bp_render_get_zone_tint (BpLaneKind            kind,
                                gboolean              dark,
                                double               *red,
                                double               *green,
                                double               *blue);

/* Where the badge of @flag sits on a card at @card that carries @flags:
 * its centre and radius, in canvas units. Returns FALSE when @flag is not
 * one of @flags. Lets the canvas tell which badge is under the
 * pointer. */
gboolean bp_render_get_badge  (const BpRect          *card,
                               BpStepFlags            flags,
                               BpStepFlags            flag,
                               BpPoint               *center,
                               double                *radius);
/* Where the mark that says a card at @card has notes sits: on its bottom
 * edge, at the right. */
void     bp_render_get_notes_mark (const BpRect      *card,
                               BpPoint               *center,
                               double                *radius);

/* The text bp_render() leaves out with omit_text, one part at a time:
 * drawn exactly where and as bp_render() with the same options would
 * draw it (bp-render-slide.c). */
typedef enum {
  BP_RENDER_PART_TITLE,     /* the blueprint's title */
  BP_RENDER_PART_SCENARIO,  /* persona, goal, start and end */
  BP_RENDER_PART_STAGE,     /* stage @position's name in its header */
  BP_RENDER_PART_LANE,      /* lane @position's name (and zone) in its header */
  BP_RENDER_PART_CARD,      /* step @position's text, actor and duration */
} BpRenderPart;

void     bp_render_text_part        (cairo_t               *cr,
                                     BpLayout              *layout,
                                     const BpRenderOptions *options,
                                     BpRenderPart           part,
                                     guint                  position);

/* Slides (bp-render-slide.c). Each draws at @cr's origin, scaled by
 * @options' zoom, in its light or dark colours; @options' viewport is
 * not used. */

/* The size of the body text on cards, in canvas units. */
double   bp_render_get_card_text_size (void);

/* The title band of a slide @width canvas units wide: the title, the
 * state, the legend (when @options ask for it) and the whole scenario,
 * wrapped, never cut. bp_render_get_slide_title_height() tells how tall
 * it is, in canvas units. */
void     bp_render_slide_title      (cairo_t               *cr,
                                     BpLayout              *layout,
                                     const BpRenderOptions *options,
                                     double                 width);
double   bp_render_get_slide_title_height (BpLayout            *layout,
                                     const BpRenderOptions *options,
                                     double                 width);

/* Where a flow leaves a slide: a small label, "→ Stage" or "← Stage",
 * its top-left corner at (@x, @y). bp_render_get_slide_marker_size()
 * tells its size in canvas units. */
void     bp_render_slide_marker     (cairo_t               *cr,
                                     BpLayout              *layout,
                                     const BpRenderOptions *options,
                                     double                 x,
                                     double                 y,
                                     const char            *text);
void     bp_render_get_slide_marker_size (BpLayout         *layout,
                                     const char            *text,
                                     double                *width,
                                     double                *height);

/* One line of small, dim text for a slide's footer, its top at @y and
 * its left end (or, @at_right, its right end) at @x. */
void     bp_render_slide_footer     (cairo_t               *cr,
                                     BpLayout              *layout,
                                     const BpRenderOptions *options,
                                     double                 x,
                                     double                 y,
                                     const char            *text,
                                     gboolean               at_right);

/* The legend of a comparison's marks (added, changed, removed, moved)
 * in one line of a slide's footer, its right end at @right and its top
 * at @y: a slide without the title band still says what they mean. */
void     bp_render_slide_compare_legend (cairo_t               *cr,
                                     BpLayout              *layout,
                                     const BpRenderOptions *options,
                                     double                 right,
                                     double                 y);

/* How a flow of @kind is stroked: the line width in canvas units, the
 * dash pattern (cairo_set_dash(); none when @n_dashes is 0) and whether
 * its arrowhead is open (stroked) rather than filled. */
typedef struct {
  double        width;
  const double *dashes;
  guint         n_dashes;
  gboolean      open_arrowhead;
} BpFlowStyle;

void   bp_render_get_flow_style (BpFlowKind           kind,
                                 BpFlowStyle         *style);

/* Where the badge of a card's or a flow's checks sits when drawn, in
 * canvas units; FALSE for other items or one not laid out. */
gboolean bp_render_get_check_badge (BpLayout          *layout,
                                    BpItem            *item,
                                    BpPoint           *center,
                                    double            *radius);
/* A stage's time row: "≥ 4 min 20 s · 3 encounters" ("≥" when @unknown
 * steps have no duration). */
char  *bp_render_format_stage_time (double            seconds,
                                    guint             unknown,
                                    guint             encounters);

G_END_DECLS
