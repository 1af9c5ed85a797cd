/* bp-layout-hit.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Rects */

gboolean
bp_rect_intersects (const BpRect *a,
                    const BpRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* Closed: rects that touch intersect, and so does a zero-width one
   * (a vertical route) lying inside the other. */
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
bp_rect_contains (const BpRect *rect,
                  double        x,
                  double        y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  /* Half-open, so that a point on the boundary of two adjacent bands or
   * columns is in exactly one of them: the later one. */
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

static gboolean
rect_contains_closed (const BpRect *rect,
                      double        x,
                      double        y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

/* Queries */

/* The last of @n rects, ordered along one axis and abutting, that holds
 * @value in [start, end), or -1. */
static int
bisect_rects (const BpRect *rects,
              guint         n,
              gboolean      vertical,
              double        value)
{
  guint lo = 0, hi = n;
  const BpRect *found;

  if (n == 0 || isnan (value))
    return -1;

  /* Find the last rect starting at or before @value. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((vertical ? rects[mid].y : rects[mid].x) <= value)
        lo = mid;
      else
        hi = mid;
    }

  found = &rects[lo];
  if (vertical ? (value >= found->y && value < bp_rect_bottom (found))
               : (value >= found->x && value < bp_rect_right (found)))
    return (int) lo;
  return -1;
}

int
bp_layout_lane_at_y (BpLayout *self,
                     double    y)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), -1);
  return bisect_rects (self->bands, self->n_lanes, TRUE, y);
}

int
bp_layout_stage_at_x (BpLayout *self,
                      double    x)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), -1);
  return bisect_rects (self->columns, self->n_stages, FALSE, x);
}

typedef struct {
  const BpLayout *layout;
  const BpRect   *rect;
  GArray         *found;
} Collector;

static gboolean
collect_card (guint    index,
              gpointer user_data)
{
  Collector *collector = user_data;

  if (bp_rect_intersects (collector->rect, &collector->layout->cards[index].rect))
    g_array_append_val (collector->found, index);
  return FALSE;
}

static gboolean
collect_route (guint    index,
               gpointer user_data)
{
  Collector *collector = user_data;

  if (bp_rect_intersects (collector->rect, &collector->layout->routes[index].bounds))
    g_array_append_val (collector->found, index);
  return FALSE;
}

static int
compare_guint (const void *a,
               const void *b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return (ua > ub) - (ua < ub);
}

/* Sorts and drops repeats: a box is in up to four cells. */
static void
sort_unique (GArray *array)
{
  guint n = 0;

  if (array->len < 2)
    return;

  qsort (array->data, array->len, sizeof (guint), compare_guint);
  for (guint i = 0; i < array->len; i++)
    if (n == 0 || g_array_index (array, guint, i) != g_array_index (array, guint, n - 1))
      g_array_index (array, guint, n++) = g_array_index (array, guint, i);
  g_array_set_size (array, n);
}

static GArray *
query_index (BpLayout          *self,
             BpLayoutIndex     *index,
             const BpRect      *rect,
             BpLayoutIndexFunc  collect)
{
  Collector collector = { self, rect, g_array_new (FALSE, FALSE, sizeof (guint)) };

  bp_layout_index_query (index, rect, collect, &collector);
  sort_unique (collector.found);
  return collector.found;
}

GArray *
bp_layout_steps_in_rect (BpLayout     *self,
                         const BpRect *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  return query_index (self, self->step_index, rect, collect_card);
}

GArray *
bp_layout_flows_in_rect (BpLayout     *self,
                         const BpRect *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  return query_index (self, self->flow_index, rect, collect_route);
}

/* Hit testing */

typedef struct {
  const BpLayout *layout;
  double          x;
  double          y;
  int             best;
  double          distance;
} Picker;

/* Cards never overlap; should they touch, the later one is drawn on top. */
static gboolean
pick_card (guint    index,
           gpointer user_data)
{
  Picker *picker = user_data;

  if (rect_contains_closed (&picker->layout->cards[index].rect, picker->x, picker->y) &&
      (int) index > picker->best)
    picker->best = index;
  return FALSE;
}

static double
distance_to_segment (double         x,
                     double         y,
                     const BpPoint *a,
                     const BpPoint *b)
{
  double cx = CLAMP (x, MIN (a->x, b->x), MAX (a->x, b->x));
  double cy = CLAMP (y, MIN (a->y, b->y), MAX (a->y, b->y));

  /* Routes are orthogonal: the nearest point is the clamped one. */
  return hypot (x - cx, y - cy);
}

static gboolean
pick_route (guint    index,
            gpointer user_data)
{
  Picker *picker = user_data;
  const BpLayoutRoute *route = &picker->layout->routes[index];
  const BpPoint *points = &g_array_index (picker->layout->points, BpPoint, route->first);

  for (guint i = 1; i < route->n_points; i++)
    {
      double distance = distance_to_segment (picker->x, picker->y, &points[i - 1], &points[i]);

      /* The nearest; of equally near ones, the later, drawn on top. */
      if (distance <= BP_LAYOUT_FLOW_HIT &&
          (picker->best < 0 || distance < picker->distance ||
           (distance == picker->distance && (int) index > picker->best)))
        {
          picker->best = index;
          picker->distance = distance;
        }
    }
  return FALSE;
}

static int
pick (BpLayout          *self,
      BpLayoutIndex     *index,
      double             x,
      double             y,
      double             reach,
      BpLayoutIndexFunc  visit)
{
  Picker picker = { self, x, y, -1, INFINITY };
  BpRect rect = { x - reach, y - reach, 2 * reach, 2 * reach };

  bp_layout_index_query (index, &rect, visit, &picker);
  return picker.best;
}

/* The lines run across the stage columns; the header column belongs to
 * the lane headers. */
static gboolean
hit_line (BpLayout *self,
          double    x,
          double    y,
          BpLine   *line)
{
  if (x < BP_LAYOUT_HEADER_WIDTH || x > self->width)
    return FALSE;

  for (guint i = 0; i < BP_N_LINES; i++)
    if (self->line_shown[i] && fabs (y - self->line_y[i]) <= BP_LAYOUT_LINE_HIT)
      {
        *line = i;
        return TRUE;
      }
  return FALSE;
}

/* Past the cards, arrows and lines: the title, a header or a cell. */
static void
hit_background (BpLayout *self,
                double    x,
                double    y,
                int       lane,
                int       stage,
                BpHit    *hit)
{
  BpRect title = { 0, 0, self->width, BP_LAYOUT_TITLE_HEIGHT };

  if (bp_rect_contains (&title, x, y))
    {
      hit->kind = BP_HIT_TITLE;
    }
  else if (stage >= 0 && y < BP_LAYOUT_TITLE_HEIGHT + BP_LAYOUT_HEADER_HEIGHT)
    {
      hit->kind = BP_HIT_STAGE_HEADER;
      hit->item = BP_ITEM (hit->stage);
    }
  else if (lane >= 0 && x < BP_LAYOUT_HEADER_WIDTH)
    {
      hit->kind = BP_HIT_LANE_HEADER;
      hit->item = BP_ITEM (hit->lane);
    }
  else if (lane >= 0 && stage >= 0)
    {
      hit->kind = BP_HIT_CELL;
    }
}

void
bp_layout_hit_test (BpLayout *self,
                    double    x,
                    double    y,
                    BpHit    *hit)
{
  int lane = -1, stage = -1, found;

  g_return_if_fail (BP_IS_LAYOUT (self));
  g_return_if_fail (hit != NULL);

  memset (hit, 0, sizeof *hit);
  hit->kind = BP_HIT_NONE;

  if (x >= 0 && x < self->width)
    lane = bp_layout_lane_at_y (self, y);
  if (y >= BP_LAYOUT_TITLE_HEIGHT && y < self->height)
    stage = bp_layout_stage_at_x (self, x);
  if (lane >= 0)
    hit->lane = bp_document_get_lane (self->document, lane);
  if (stage >= 0)
    hit->stage = bp_document_get_stage (self->document, stage);

  if ((found = pick (self, self->step_index, x, y, 0, pick_card)) >= 0)
    {
      hit->kind = BP_HIT_STEP;
      hit->item = BP_ITEM (bp_document_get_step (self->document, found));
    }
  else if ((found = pick (self, self->flow_index, x, y, BP_LAYOUT_FLOW_HIT, pick_route)) >= 0)
    {
      hit->kind = BP_HIT_FLOW;
      hit->item = BP_ITEM (bp_document_get_flow (self->document, found));
    }
  else if (hit_line (self, x, y, &hit->line))
    {
      hit->kind = BP_HIT_LINE;
    }
  else
    {
      hit_background (self, x, y, lane, stage, hit);
    }
}
