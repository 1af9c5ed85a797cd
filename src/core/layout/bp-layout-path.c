/* bp-layout-path.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>

/* A route while it is made, and whether its runs cross a card: shared by
 * the routing, the ports and the tracks. */

void
bp_layout_path_push (BpLayoutPath *path,
                     double        x,
                     double        y,
                     BpRunKind     kind)
{
  if (path->n < BP_LAYOUT_MAX_ROUTE_POINTS)
    {
      path->kind[path->n] = kind;
      path->points[path->n++] = (BpPoint) { x, y };
    }
}

static gboolean
same_point (const BpPoint *a,
            const BpPoint *b)
{
  return a->x == b->x && a->y == b->y;
}

static gboolean
collinear (const BpPoint *a,
           const BpPoint *b,
           const BpPoint *c)
{
  return (a->x == b->x && b->x == c->x) || (a->y == b->y && b->y == c->y);
}

void
bp_layout_path_simplify (BpLayoutPath *path)
{
  guint n = 0;

  for (guint i = 0; i < path->n; i++)
    {
      BpPoint p = path->points[i];
      BpRunKind kind = path->kind[i];

      while (n >= 2 && !same_point (&path->points[n - 1], &p) &&
             collinear (&path->points[n - 2], &path->points[n - 1], &p))
        {
          /* One run now covers both; unless they were alike, check it
           * against every card. */
          n--;
          if (kind != path->kind[n])
            kind = BP_RUN_CHECK;
        }

      if (n >= 1 && same_point (&path->points[n - 1], &p))
        continue;

      path->points[n] = p;
      path->kind[n] = kind;
      n++;
    }

  path->n = n;
}

/* Crossing cards */

/* Whether [a, b] reaches into the open interval (c, d); a point a == b
 * must lie strictly inside it. */
static gboolean
reaches_into (double a,
              double b,
              double c,
              double d)
{
  if (a == b)
    return c < a && a < d;
  return MIN (a, b) < d && c < MAX (a, b);
}

typedef struct {
  const BpLayout *layout;
  BpPoint         a;
  BpPoint         b;
} SegmentProbe;

/* A segment crosses a card when it enters the card's inside: running
 * along an edge, or starting or ending on one, does not count. */
static gboolean
card_blocks_segment (guint    index,
                     gpointer user_data)
{
  const SegmentProbe *probe = user_data;
  const BpRect *card = &probe->layout->cards[index].rect;

  return reaches_into (probe->a.x, probe->b.x, card->x, bp_rect_right (card)) &&
         reaches_into (probe->a.y, probe->b.y, card->y, bp_rect_bottom (card));
}

gboolean
bp_layout_run_is_clear (const BpLayout *self,
                        const BpPoint  *a,
                        const BpPoint  *b)
{
  SegmentProbe probe = { self, *a, *b };
  BpRect rect = {
    MIN (a->x, b->x), MIN (a->y, b->y), fabs (b->x - a->x), fabs (b->y - a->y),
  };

  return !bp_layout_index_query (self->step_index, &rect, card_blocks_segment, &probe);
}

gboolean
bp_layout_path_is_clear (const BpLayout     *self,
                         const BpLayoutPath *path)
{
  for (guint i = 1; i < path->n; i++)
    if (path->kind[i] != BP_RUN_CLEAR &&
        !bp_layout_run_is_clear (self, &path->points[i - 1], &path->points[i]))
      return FALSE;
  return TRUE;
}

