/* bp-slides.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* A blueprint on 16:9 slides, a run of whole stages on each.
 *
 * Every slide shows the lane header column and the stage header row
 * beside and above its stages; the first also the title band with the
 * whole scenario, wrapped. Below them runs a footer. Lengths on the
 * slide are in points, the blueprint's in canvas units. */

#define BP_SLIDE_WIDTH   960.0
#define BP_SLIDE_HEIGHT  540.0

/* The smallest card text, in points, that "as many stages as fit" lets a
 * slide shrink to. 9 pt would be better, but a lane is 120 units tall
 * (an 84-unit card and its padding) and the header row 48: a blueprint
 * of the usual six lanes is 768 units tall, so on a 540-pt slide its
 * 13-unit card text can never pass 8.5 pt, and with the title band on
 * the first slide 7.6 pt. 7.5 pt is what such a slide can keep; shown
 * full screen on a 1920 × 1080 display (2 px a point) it is 15 px, the
 * size of the desktop's own interface text. A blueprint too tall even
 * for that gets one stage a slide, as large as the slide allows. */
#define BP_SLIDE_MIN_TEXT 7.5

typedef struct {
  guint    first;         /* stages, by position, both included */
  guint    last;
  gboolean title;         /* the title band is above the stages */
  double   title_height;  /* canvas units; 0 without the title */
  double   width;         /* what is drawn, in canvas units: the lane */
  double   height;        /* header column and the stages; the title
                           * band, the header row and the lanes */
  double   zoom;          /* points per canvas unit */
  double   x;             /* where the drawing's top-left corner is */
  double   y;
} BpSlide;

/* The area the drawing gets, above the footer, in points. */
void    bp_slides_get_content_area (BpRect       *area);
/* Where the footer's line of text starts, from the top, in points. */
double  bp_slides_get_footer_y     (void);

/* The slides for stages @first to @last of @layout's document:
 * @per_slide stages on each (the last may have fewer), or with
 * @per_slide 0 as many consecutive stages as fit with card text of
 * BP_SLIDE_MIN_TEXT or more, on the fewest slides, shared out so that
 * the smallest text is as large as it can be. @legend: whether the title
 * band has the legend. A new array of BpSlide. */
GArray *bp_slides_plan             (BpLayout     *layout,
                                    guint         first,
                                    guint         last,
                                    guint         per_slide,
                                    gboolean      legend);
/* The same, with @compare_legend: whether the title band has the legend
 * of a comparison's marks too. */
GArray *bp_slides_plan_full        (BpLayout     *layout,
                                    guint         first,
                                    guint         last,
                                    guint         per_slide,
                                    gboolean      legend,
                                    gboolean      compare_legend);

/* The size in points of card text on @slide. */
double  bp_slides_get_text_size    (const BpSlide *slide);

G_END_DECLS
