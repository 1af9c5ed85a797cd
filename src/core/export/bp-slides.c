/* bp-slides.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "export/bp-slides.h"

#include <math.h>

#include "render/bp-render.h"

/* The slide's margins: narrow, so that the blueprint gets the room, and
 * a strip at the bottom for the footer's one line. */
#define PAD_SIDE      24.0
#define PAD_TOP       14.0
#define FOOTER_HEIGHT 22.0
#define FOOTER_TEXT_Y (BP_SLIDE_HEIGHT - 19.0)

/* Bisection steps for the best smallest zoom: far below a point's
 * hundredth. */
#define BALANCE_STEPS 40

void
bp_slides_get_content_area (BpRect *area)
{
  area->x = PAD_SIDE;
  area->y = PAD_TOP;
  area->width = BP_SLIDE_WIDTH - 2 * PAD_SIDE;
  area->height = BP_SLIDE_HEIGHT - PAD_TOP - FOOTER_HEIGHT;
}

double
bp_slides_get_footer_y (void)
{
  return FOOTER_TEXT_Y;
}

double
bp_slides_get_text_size (const BpSlide *slide)
{
  return slide->zoom * bp_render_get_card_text_size ();
}

/* What the planner measures over and over: the stages' columns and, for
 * the first slide, the title band's height at each width it tries. */
typedef struct {
  BpLayout *layout;
  guint     first;
  guint     last;
  gboolean  legend;
  gboolean  compare_legend;
  double    header;       /* the lane header column's width */
  double    body;         /* the header row and the lanes: the height below the title band */
  double    min_zoom;     /* of BP_SLIDE_MIN_TEXT */
  BpRect    area;
  GArray   *title_heights; /* by last stage of the first slide; 0 until measured */
} Planner;

static double
stages_width (Planner *p,
              guint    first,
              guint    last)
{
  BpRect from, to;

  if (!bp_layout_get_stage_rect (p->layout, first, &from) ||
      !bp_layout_get_stage_rect (p->layout, last, &to))
    return 0;

  return to.x + to.width - from.x;
}

static double
title_height (Planner *p,
              guint    last,
              double   width)
{
  double *height = &g_array_index (p->title_heights, double, last - p->first);

  if (*height <= 0)
    {
      BpRenderOptions options;

      bp_render_options_init (&options);
      options.legend = p->legend;
      options.compare_legend = p->compare_legend;
      *height = bp_render_get_slide_title_height (p->layout, &options, width);
    }

  return *height;
}

/* Lays out the slide of stages @first to @last. */
static void
fill_slide (Planner *p,
            guint    first,
            guint    last,
            BpSlide *slide)
{
  slide->first = first;
  slide->last = last;
  slide->title = first == p->first;
  slide->width = p->header + stages_width (p, first, last);
  slide->title_height = slide->title ? title_height (p, last, slide->width) : 0;
  slide->height = slide->title_height + p->body;
  slide->zoom = MIN (p->area.width / slide->width, p->area.height / slide->height);
  /* At the top left: the lane headers stay in place from slide to slide. */
  slide->x = p->area.x;
  slide->y = p->area.y;
}

/* What a slide may take: card text at @zoom or more (or, where no
 * slide from its first stage can have that, as large as one can), and
 * no more than @fill of the content area's width. A slide always takes
 * one stage. */
typedef struct {
  double zoom;
  double fill;
} Limits;

static gboolean
fits (Planner      *p,
      guint         first,
      guint         last,
      double        best,
      const Limits *limits)
{
  BpSlide slide;

  fill_slide (p, first, last, &slide);
  return slide.zoom >= MIN (limits->zoom, best) &&
         slide.width * slide.zoom <= limits->fill * p->area.width;
}

/* The largest zoom a slide that starts at @first can have: one stage's,
 * but on the first slide the title band is taller when it is narrower,
 * so a second stage can raise it. Past the stages whose width alone
 * holds the zoom below the best, none can. */
static double
best_zoom (Planner *p,
           guint    first)
{
  double best = 0;

  for (guint last = first; last <= p->last; last++)
    {
      BpSlide slide;

      fill_slide (p, first, last, &slide);
      best = MAX (best, slide.zoom);
      if (p->area.width / slide.width < best)
        break;
    }

  return best;
}

/* The last stage of the slide that starts at @first. */
static guint
last_that_fits (Planner      *p,
                guint         first,
                const Limits *limits)
{
  double best = best_zoom (p, first);
  double need = MIN (limits->zoom, best);
  guint last = first;

  /* Not the first that fails: on the first slide another stage can
   * narrow the title band's wrapping and so raise the zoom. Past the
   * stages too wide for the zoom whatever their height, none fits. */
  for (guint candidate = first + 1; candidate <= p->last; candidate++)
    {
      BpSlide slide;

      fill_slide (p, first, candidate, &slide);
      if (p->area.width / slide.width < need)
        break;
      if (fits (p, first, candidate, best, limits))
        last = candidate;
    }

  return last;
}

/* How many slides @limits make; G_MAXUINT when a slide of one stage
 * would have smaller text than they allow (narrowing the slides must
 * not buy evenness with text). */
static guint
count_slides (Planner      *p,
              const Limits *limits)
{
  guint n = 0;

  for (guint first = p->first, last; first <= p->last; first = last + 1)
    {
      BpSlide slide;

      last = last_that_fits (p, first, limits);
      fill_slide (p, first, last, &slide);
      if (slide.zoom < MIN (limits->zoom, best_zoom (p, first)))
        return G_MAXUINT;
      n++;
    }

  return n;
}

/* On the fewest slides the smallest text allows, the stages are shared
 * out evenly: first the text made as large as it can be, then, where
 * the slides' height holds the text back, the widest slide made as
 * narrow as it can be, so that no slide is left with a lone stage
 * beside a full one. */
static void
balance (Planner *p,
         Limits  *limits)
{
  guint n_slides = count_slides (p, limits);
  double low = limits->zoom;
  double high = limits->zoom;

  for (guint i = p->first; i <= p->last; i++)
    high = MAX (high, best_zoom (p, i));

  for (guint step = 0; step < BALANCE_STEPS; step++)
    {
      limits->zoom = (low + high) / 2;
      if (count_slides (p, limits) <= n_slides)
        low = limits->zoom;
      else
        high = limits->zoom;
    }
  limits->zoom = low;

  low = 0;
  high = 1;
  for (guint step = 0; step < BALANCE_STEPS; step++)
    {
      limits->fill = (low + high) / 2;
      if (count_slides (p, limits) <= n_slides)
        high = limits->fill;
      else
        low = limits->fill;
    }
  limits->fill = high;
}

GArray *
bp_slides_plan (BpLayout *layout,
                guint     first,
                guint     last,
                guint     per_slide,
                gboolean  legend)
{
  return bp_slides_plan_full (layout, first, last, per_slide, legend, FALSE);
}

GArray *
bp_slides_plan_full (BpLayout *layout,
                     guint     first,
                     guint     last,
                     guint     per_slide,
                     gboolean  legend,
                     gboolean  compare_legend)
{
  GArray *slides = g_array_new (FALSE, TRUE, sizeof (BpSlide));
  Planner p = { layout, first, last, legend, compare_legend };
  BpRect bounds, title;
  Limits limits = { 0, 1 };

  g_return_val_if_fail (BP_IS_LAYOUT (layout), slides);
  g_return_val_if_fail (first <= last, slides);

  bp_layout_get_bounds (layout, &bounds);
  bp_layout_get_title_rect (layout, &title);
  p.header = bp_layout_get_header_width (layout);
  p.body = bounds.height - (title.y + title.height);
  p.min_zoom = BP_SLIDE_MIN_TEXT / bp_render_get_card_text_size ();
  bp_slides_get_content_area (&p.area);
  p.title_heights = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (p.title_heights, last - first + 1);

  limits.zoom = p.min_zoom;
  if (per_slide == 0)
    balance (&p, &limits);

  for (guint start = first; start <= last;)
    {
      BpSlide slide;
      guint end;

      if (per_slide == 0)
        end = last_that_fits (&p, start, &limits);
      else
        end = per_slide > last - start ? last : start + per_slide - 1;
      fill_slide (&p, start, end, &slide);
      g_array_append_val (slides, slide);
      start = end + 1;
    }

  g_array_unref (p.title_heights);
  return slides;
}
