/* bp-layout-ports.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>

/* Routes are first made to leave and enter the middle of a card's side.
 * Two flows at one side would then share their first or last run and
 * read as one arrow, or one would run into the other's arrowhead: each
 * end gets a port of its own along the side, ordered as the routes head
 * off so that they do not cross each other there. The ends are gathered
 * per card by a counting sort, so the work grows with the number of
 * flows, not with its square. */

/* The most space between two ports on one side: room for two arrowheads
 * side by side. The least between the outer ports and the corners. */
#define PORT_GAP    16.0
#define PORT_MARGIN 10.0

typedef enum {
  SIDE_LEFT,
  SIDE_RIGHT,
  SIDE_TOP,
  SIDE_BOTTOM,
  N_SIDES,
} Side;

typedef struct {
  double key;    /* where the route heads, along the side */
  guint  flow;
  guint  end;    /* 0: the start, 1: the tip */
} PortUse;

static Side
side_of (const BpRect  *card,
         const BpPoint *p)
{
  if (p->x == card->x)
    return SIDE_LEFT;
  if (p->x == card->x + card->width)
    return SIDE_RIGHT;
  if (p->y == card->y)
    return SIDE_TOP;
  return SIDE_BOTTOM;
}

static gboolean
along_y (Side side)
{
  return side == SIDE_LEFT || side == SIDE_RIGHT;
}

static guint
slot_of (const BpLayout     *self,
         const BpLayoutPath *path,
         guint               card,
         guint               end)
{
  const BpPoint *p = &path->points[end ? path->n - 1 : 0];

  return card * N_SIDES + side_of (&self->cards[card].rect, p);
}

/* Where the route at this end heads along the side: two points on, past
 * its first bend (the other end for a straight route). */
static double
heading (const BpLayoutPath *path,
         guint               end,
         Side                side)
{
  const BpPoint *ahead = &path->points[end ? (path->n >= 3 ? path->n - 3 : 0)
                                           : MIN (2u, path->n - 1)];

  return along_y (side) ? ahead->y : ahead->x;
}

static int
compare_uses (gconstpointer a,
              gconstpointer b)
{
  const PortUse *u = a, *v = b;

  if (u->key != v->key)
    return u->key < v->key ? -1 : 1;
  if (u->flow != v->flow)
    return u->flow < v->flow ? -1 : 1;
  return (int) u->end - (int) v->end;
}

/* Moves an end of @path, with the run attached to it, to @at along its
 * side. A straight route only notes where its end goes: it bends later. */
static void
move_port (BpLayoutPath *path,
           guint         end,
           Side          side,
           double        at,
           double       *straight)
{
  guint i = end ? path->n - 1 : 0;
  guint j = end ? path->n - 2 : 1;

  path->ports_moved = TRUE;
  if (path->n == 2)
    {
      straight[end] = at;
      return;
    }
  if (along_y (side))
    path->points[i].y = path->points[j].y = at;
  else
    path->points[i].x = path->points[j].x = at;
}

static gboolean
within_side (const BpRect *card,
             gboolean      by_y,
             double        at)
{
  return by_y ? at > card->y && at < card->y + card->height
              : at > card->x && at < card->x + card->width;
}

/* A straight route whose ends moved apart gets a jog halfway; an end
 * that has its side to itself follows the other, when it can, and the
 * route stays straight. */
/* Whether a run at @y would read as running along one of the lines. */
static gboolean
near_line (const BpLayout *self,
           double          y)
{
  for (guint i = 0; i < BP_N_LINES; i++)
    if (self->line_shown[i] && fabs (y - self->line_y[i]) < 6.0)
      return TRUE;
  return FALSE;
}

static void
jog_straight_route (const BpLayout *self,
                    BpLayoutPath *path,
                    const double *straight,
                    const BpRect *from,
                    const BpRect *to)
{
  BpPoint a = path->points[0], b = path->points[1];
  gboolean by_y = a.y == b.y;
  double s = isnan (straight[0]) ? (by_y ? a.y : a.x) : straight[0];
  double t = isnan (straight[1]) ? s : straight[1];

  if (isnan (straight[1]) && !within_side (to, by_y, t))
    t = by_y ? b.y : b.x;
  if (isnan (straight[0]) && !isnan (straight[1]) && within_side (from, by_y, t))
    s = t;

  path->n = 0;
  if (by_y)
    {
      double mid = (a.x + b.x) / 2;

      bp_layout_path_push (path, a.x, s, BP_RUN_CHECK);
      bp_layout_path_push (path, mid, s, BP_RUN_CHECK);
      bp_layout_path_push (path, mid, t, BP_RUN_CHECK);
      bp_layout_path_push (path, b.x, t, BP_RUN_CHECK);
    }
  else
    {
      double dir = b.y > a.y ? 1 : -1;
      /* Near the source, else halfway, else near the target: not along
       * one of the three lines, which often lies halfway. */
      double tries[] = { a.y + dir * 12, (a.y + b.y) / 2, b.y - dir * 14 };
      double mid = tries[1];

      for (guint k = 0; k < G_N_ELEMENTS (tries); k++)
        if (dir * (tries[k] - a.y) > 0 && dir * (b.y - tries[k]) > 0 && !near_line (self, tries[k]))
          {
            mid = tries[k];
            break;
          }

      bp_layout_path_push (path, s, a.y, BP_RUN_CHECK);
      bp_layout_path_push (path, s, mid, BP_RUN_CHECK);
      bp_layout_path_push (path, t, mid, BP_RUN_CHECK);
      bp_layout_path_push (path, t, b.y, BP_RUN_CHECK);
    }
  bp_layout_path_simplify (path);
}

/* Spreads the @n uses of one side evenly around its middle. */
static void
spread_side (BpLayout     *self,
             BpLayoutPath *paths,
             PortUse      *uses,
             guint         n,
             guint         slot,
             double       *straight)
{
  const BpRect *card = &self->cards[slot / N_SIDES].rect;
  Side side = slot % N_SIDES;
  double lo = along_y (side) ? card->y : card->x;
  double length = along_y (side) ? card->height : card->width;
  double margin = MIN (PORT_MARGIN, length / 4);
  double spacing = MIN (PORT_GAP, (length - 2 * margin) / (n - 1));

  if (n > 2)
    qsort (uses, n, sizeof (PortUse), compare_uses);
  else if (compare_uses (&uses[0], &uses[1]) > 0)
    {
      PortUse swap = uses[0];

      uses[0] = uses[1];
      uses[1] = swap;
    }

  for (guint k = 0; k < n; k++)
    move_port (&paths[uses[k].flow], uses[k].end, side,
               lo + length / 2 + ((double) k - (n - 1) / 2.0) * spacing,
               &straight[2 * uses[k].flow]);
}

void
bp_layout_spread_ports (BpLayout     *self,
                        BpLayoutPath *paths,
                        const guint  *cards)
{
  guint n_slots = self->n_steps * N_SIDES;
  g_autofree guint *slots = g_new (guint, 2 * self->n_flows);
  g_autofree guint *start = g_new0 (guint, n_slots + 1);
  g_autofree PortUse *uses = g_new (PortUse, 2 * self->n_flows);
  g_autofree double *straight = g_new (double, 2 * self->n_flows);

  /* A counting sort of the ends by card and side. */
  for (guint e = 0; e < 2 * self->n_flows; e++)
    {
      straight[e] = NAN;
      slots[e] = cards[e] == G_MAXUINT ? G_MAXUINT : slot_of (self, &paths[e / 2], cards[e], e % 2);
      if (slots[e] != G_MAXUINT)
        start[slots[e] + 1]++;
    }
  for (guint s = 0; s < n_slots; s++)
    start[s + 1] += start[s];
  for (guint e = 0; e < 2 * self->n_flows; e++)
    if (slots[e] != G_MAXUINT)
      {
        guint flow = e / 2, end = e % 2;
        PortUse use = { heading (&paths[flow], end, slots[e] % N_SIDES), flow, end };

        uses[start[slots[e]]++] = use;
      }

  /* start[s] is now where slot s + 1 begins. */
  for (guint s = 0, begin = 0; s < n_slots; begin = start[s], s++)
    if (start[s] - begin >= 2)
      spread_side (self, paths, &uses[begin], start[s] - begin, s, straight);

  for (guint f = 0; f < self->n_flows; f++)
    if (paths[f].n == 2 && (!isnan (straight[2 * f]) || !isnan (straight[2 * f + 1])))
      jog_straight_route (self, &paths[f], &straight[2 * f],
                          &self->cards[cards[2 * f]].rect, &self->cards[cards[2 * f + 1]].rect);
}
