/* bp-layout-route.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>

/* A flow's route runs orthogonally from an edge of its first card to an
 * edge of the second and crosses no card: route_flow() tries shapes from
 * the most natural to one that only uses the gutters beside the columns
 * and the channels between card rows, which are always free. */

/* Paths */

/* Adds a run that may cross any card. */
static void
path_add (BpLayoutPath *path,
          double        x,
          double        y)
{
  bp_layout_path_push (path, x, y, BP_RUN_CHECK);
}

/* Adds a run that lies in a gutter or a channel. */
static void
path_add_clear (BpLayoutPath *path,
                double        x,
                double        y)
{
  bp_layout_path_push (path, x, y, BP_RUN_CLEAR);
}

static gboolean
path_is_clear (const BpLayout     *self,
               const BpLayoutCard *from,
               const BpLayoutCard *to,
               const BpLayoutPath *path)
{
  for (guint i = 1; i < path->n; i++)
    {
      switch (path->kind[i])
        {
        case BP_RUN_CLEAR:
          break;

        case BP_RUN_OUT_OF_ROW:
          if (from->followed)
            return FALSE;
          break;

        case BP_RUN_INTO_ROW:
          if (to->preceded)
            return FALSE;
          break;

        case BP_RUN_CHECK:
        default:
          if (!bp_layout_run_is_clear (self, &path->points[i - 1], &path->points[i]))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* Shapes */

/* The strip at the right of each column is free of cards in every band:
 * vertical runs go along its middle. */
static double
gutter_after (const BpLayout *self,
              guint           stage)
{
  return bp_rect_right (&self->columns[stage]) - BP_LAYOUT_STAGE_PADDING / 2;
}

/* Rows are at the same heights in every stage of a band, so the gaps
 * between them (and the band's paddings) are free of cards across the
 * whole band: horizontal runs go along these. */
static double
channel_above (const BpLayoutCard *card)
{
  return card->rect.y - BP_LAYOUT_ROW_GAP / 2;
}

static double
channel_below (const BpLayoutCard *card)
{
  return bp_rect_bottom (&card->rect) + BP_LAYOUT_ROW_GAP / 2;
}

/* Whether a horizontal run at @y would lie in the padding next to one of
 * the three lines, where it reads as running along the line and its label
 * sits on it. */
static gboolean
beside_line (const BpLayout *self,
             double          y)
{
  for (guint i = 0; i < BP_N_LINES; i++)
    if (self->line_shown[i] && fabs (y - self->line_y[i]) < BP_LAYOUT_ROW_GAP)
      return TRUE;
  return FALSE;
}

/* The channel on the @near side of @card (above it when TRUE), unless that
 * one lies beside a line and the one on the far side does not: then the
 * far one, and *@near is turned. */
static double
channel_away_from_lines (const BpLayout     *self,
                         const BpLayoutCard *card,
                         gboolean           *above)
{
  double y = *above ? channel_above (card) : channel_below (card);
  double other = *above ? channel_below (card) : channel_above (card);

  if (beside_line (self, y) && !beside_line (self, other))
    {
      *above = !*above;
      return other;
    }
  return y;
}

/* Out of the right edge, one vertical run, into the left edge: through
 * the gutter before the target's column, or midway between the cards
 * when they share a column. */
static void
route_rightward (const BpLayout     *self,
                 const BpLayoutCard *from,
                 const BpLayoutCard *to,
                 BpLayoutPath       *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  gboolean in_gutter = to->stage > from->stage;
  gboolean next_column = to->stage == from->stage + 1;
  double x = in_gutter ? gutter_after (self, to->stage - 1) : (bp_rect_right (s) + t->x) / 2;

  path->n = 0;
  path_add (path, bp_rect_right (s), bp_rect_centre_y (s));
  bp_layout_path_push (path, x, bp_rect_centre_y (s), next_column ? BP_RUN_OUT_OF_ROW : BP_RUN_CHECK);
  bp_layout_path_push (path, x, bp_rect_centre_y (t), in_gutter ? BP_RUN_CLEAR : BP_RUN_CHECK);
  bp_layout_path_push (path, t->x, bp_rect_centre_y (t), in_gutter ? BP_RUN_INTO_ROW : BP_RUN_CHECK);
  bp_layout_path_simplify (path);
}

/* Like route_rightward, but across the columns between the two cards
 * along a channel beside the target, clear of their cards. */
static gboolean
route_rightward_by_channel (const BpLayout     *self,
                            const BpLayoutCard *from,
                            const BpLayoutCard *to,
                            BpLayoutPath       *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  double x_out, x_in, y;
  gboolean above;

  if (to->stage <= from->stage + 1)
    return FALSE;

  x_out = gutter_after (self, from->stage);
  x_in = gutter_after (self, to->stage - 1);
  above = bp_rect_centre_y (t) > bp_rect_centre_y (s);
  y = channel_away_from_lines (self, to, &above);

  path->n = 0;
  path_add (path, bp_rect_right (s), bp_rect_centre_y (s));
  bp_layout_path_push (path, x_out, bp_rect_centre_y (s), BP_RUN_OUT_OF_ROW);
  path_add_clear (path, x_out, y);
  path_add_clear (path, x_in, y);
  path_add_clear (path, x_in, bp_rect_centre_y (t));
  bp_layout_path_push (path, t->x, bp_rect_centre_y (t), BP_RUN_INTO_ROW);
  bp_layout_path_simplify (path);
  return TRUE;
}

/* Straight down or up, when the cards overlap enough in x. */
static gboolean
route_vertical (const BpLayoutCard *from,
                const BpLayoutCard *to,
                BpLayoutPath       *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  double lo = MAX (s->x, t->x);
  double hi = MIN (bp_rect_right (s), bp_rect_right (t));
  double x;

  if (hi - lo < 4 * BP_LAYOUT_MIN_RUN)
    return FALSE;

  if (bp_rect_centre_x (s) > lo && bp_rect_centre_x (s) < hi)
    x = bp_rect_centre_x (s);
  else if (bp_rect_centre_x (t) > lo && bp_rect_centre_x (t) < hi)
    x = bp_rect_centre_x (t);
  else
    x = (lo + hi) / 2;

  path->n = 0;
  if (t->y >= bp_rect_bottom (s) + 2 * BP_LAYOUT_MIN_RUN)
    {
      path_add (path, x, bp_rect_bottom (s));
      path_add (path, x, t->y);
    }
  else if (bp_rect_bottom (t) + 2 * BP_LAYOUT_MIN_RUN <= s->y)
    {
      path_add (path, x, s->y);
      path_add (path, x, bp_rect_bottom (t));
    }
  else
    return FALSE;

  return TRUE;
}

/* Where a route ends on the target: its top edge from the channel above
 * it when it lies lower than the source, else its bottom edge; the other
 * edge when that channel lies beside a line. */
static void
add_entry_from_channel (const BpLayout     *self,
                        BpLayoutPath       *path,
                        double              x_from,
                        const BpLayoutCard *from,
                        const BpLayoutCard *to)
{
  const BpRect *t = &to->rect;
  gboolean above = bp_rect_centre_y (t) > bp_rect_centre_y (&from->rect);
  double y = channel_away_from_lines (self, to, &above);

  path_add_clear (path, x_from, y);
  path_add_clear (path, bp_rect_centre_x (t), y);
  path_add_clear (path, bp_rect_centre_x (t), above ? t->y : bp_rect_bottom (t));
}

/* Out of the right edge into the gutter after the source's column, along
 * the channel beside the target, into its top or bottom edge. Only the
 * first run, in the source's own row, can cross a card. */
static void
route_around (const BpLayout     *self,
              const BpLayoutCard *from,
              const BpLayoutCard *to,
              BpLayoutPath       *path)
{
  const BpRect *s = &from->rect;
  double x = gutter_after (self, from->stage);

  path->n = 0;
  path_add (path, bp_rect_right (s), bp_rect_centre_y (s));
  bp_layout_path_push (path, x, bp_rect_centre_y (s), BP_RUN_OUT_OF_ROW);
  add_entry_from_channel (self, path, x, from, to);
  bp_layout_path_simplify (path);
}

/* Out of the top or bottom edge into the channel beside the source, to
 * the gutter, to the channel beside the target, into it: every run is in
 * a gap free of cards. */
static void
route_by_channels (const BpLayout     *self,
                   const BpLayoutCard *from,
                   const BpLayoutCard *to,
                   BpLayoutPath       *path)
{
  const BpRect *s = &from->rect;
  gboolean above = bp_rect_centre_y (&to->rect) < bp_rect_centre_y (s);
  double x = gutter_after (self, from->stage);
  double y = channel_away_from_lines (self, from, &above);

  path->n = 0;
  path_add (path, bp_rect_centre_x (s), above ? s->y : bp_rect_bottom (s));
  path_add_clear (path, bp_rect_centre_x (s), y);
  path_add_clear (path, x, y);
  add_entry_from_channel (self, path, x, from, to);
  bp_layout_path_simplify (path);
}

/* The simplest route that crosses no card, trying shapes from the most
 * natural to the one that is always clear. */
static void
route_flow (const BpLayout     *self,
            const BpLayoutCard *from,
            const BpLayoutCard *to,
            BpLayoutPath       *path)
{
  if (to->rect.x >= bp_rect_right (&from->rect) + 2 * BP_LAYOUT_MIN_RUN)
    {
      route_rightward (self, from, to, path);
      if (path_is_clear (self, from, to, path))
        return;
      if (route_rightward_by_channel (self, from, to, path) &&
          path_is_clear (self, from, to, path))
        return;
    }
  else if (route_vertical (from, to, path) && path_is_clear (self, from, to, path))
    {
      return;
    }

  route_around (self, from, to, path);
  if (path_is_clear (self, from, to, path))
    return;

  route_by_channels (self, from, to, path);
}

/* Every flow */

static BpRect
route_bounds (const BpLayout      *self,
              const BpLayoutRoute *route)
{
  const BpPoint *p = &g_array_index (self->points, BpPoint, route->first);
  double x0 = p[0].x, x1 = x0;
  double y0 = p[0].y, y1 = y0;

  for (guint i = 1; i < route->n_points; i++)
    {
      x0 = MIN (x0, p[i].x);
      x1 = MAX (x1, p[i].x);
      y0 = MIN (y0, p[i].y);
      y1 = MAX (y1, p[i].y);
    }

  return (BpRect) { x0, y0, x1 - x0, y1 - y0 };
}

static const BpLayoutCard *
flow_card (BpLayout   *self,
           const char *id)
{
  guint position;

  if (!bp_layout_items_lookup_in (self->items, id, BP_LAYOUT_ITEM_STEP, &position) ||
      !self->cards[position].placed)
    return NULL;
  return &self->cards[position];
}

/* Which runs of @path may move sideways to a track of their own: not the
 * first or the last, which leave and enter the cards at their ports. */
static void
mark_movable_runs (const BpLayoutPath *path,
                   guint8             *movable)
{
  for (guint i = 0; i < path->n; i++)
    movable[i] = i >= 2 && i + 1 < path->n;
}

/* Routes every flow, and notes its cards in @ends (G_MAXUINT: none). */
static void
route_all (BpLayout     *self,
           BpLayoutPath *paths,
           guint        *ends)
{
  for (guint i = 0; i < self->n_flows; i++)
    {
      BpFlow *flow = bp_document_get_flow (self->document, i);
      const BpLayoutCard *from = flow_card (self, bp_flow_get_from (flow));
      const BpLayoutCard *to = flow_card (self, bp_flow_get_to (flow));

      paths[i].n = 0;
      paths[i].ports_moved = FALSE;
      ends[2 * i] = ends[2 * i + 1] = G_MAXUINT;
      bp_layout_items_remember (self->items, BP_ITEM (flow), BP_LAYOUT_ITEM_FLOW, i);

      if (from == NULL || to == NULL || from == to)
        continue;

      route_flow (self, from, to, &paths[i]);
      if (paths[i].n < 2)
        {
          paths[i].n = 0;
          continue;
        }
      ends[2 * i] = from - self->cards;
      ends[2 * i + 1] = to - self->cards;
    }
}

/* A route whose moved ports bring a run onto a card keeps the middle of
 * its cards' sides, as first routed. */
static void
restore_blocked (BpLayout     *self,
                 BpLayoutPath *paths,
                 const guint  *ends)
{
  for (guint i = 0; i < self->n_flows; i++)
    if (paths[i].ports_moved && !bp_layout_path_is_clear (self, &paths[i]))
      route_flow (self, &self->cards[ends[2 * i]], &self->cards[ends[2 * i + 1]], &paths[i]);
}

void
bp_layout_route_flows (BpLayout *self)
{
  BpLayoutPath *paths;
  g_autofree guint *ends = NULL;
  g_autofree guint8 *movable = NULL;

  self->n_flows = bp_document_get_n_flows (self->document);
  self->routes = g_new0 (BpLayoutRoute, self->n_flows);
  paths = bp_layout_tracks_paths (self->tracks, self->n_flows);

  ends = g_new (guint, 2 * self->n_flows);

  route_all (self, paths, ends);
  bp_layout_spread_ports (self, paths, ends);
  restore_blocked (self, paths, ends);

  for (guint i = 0; i < self->n_flows; i++)
    {
      BpLayoutRoute *route = &self->routes[i];

      if (paths[i].n < 2)
        continue;
      route->first = self->points->len;
      route->n_points = paths[i].n;
      g_array_append_vals (self->points, paths[i].points, paths[i].n);
    }

  movable = g_new (guint8, self->points->len + 1);
  for (guint i = 0; i < self->n_flows; i++)
    if (self->routes[i].n_points > 0)
      mark_movable_runs (&paths[i], &movable[self->routes[i].first]);

  bp_layout_tracks_separate (self, movable);

  for (guint i = 0; i < self->n_flows; i++)
    if (self->routes[i].n_points > 0)
      self->routes[i].bounds = route_bounds (self, &self->routes[i]);
}
