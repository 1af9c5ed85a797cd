/* bp-layout-tracks.c
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

/* Routes that run along the same strip over overlapping spans would be
 * drawn on top of each other and read as one arrow; a route that runs
 * across another's arrowhead reads as ending there. Once every route is
 * made and its ends have ports of their own, the runs are sorted by where
 * they lie across their strip, cut into groups that could meet, and each
 * movable run in a group takes the track nearest its own that keeps clear
 * of the runs and arrowheads already placed there and of the cards. This
 * is a sort and a sweep: the work grows with n log n, and with the square
 * of only a group, which holds the runs of one gutter or channel that
 * overlap.
 *
 * Vertical runs are placed first, then horizontal ones, whose moves
 * change the vertical runs' lengths only. */

/* Between neighbouring tracks. */
#define SPACING 4.0
/* Parallel runs nearer than this read as one stroke. */
#define NEAR 3.5
/* Runs end to end nearer than this along their strip read as one. */
#define ALONG 2.0
/* The shortest a route's last run may get when the run before it moves
 * towards the card: the arrowhead then starts a little before the bend,
 * which reads better than two runs on one track. */
#define MIN_ENTRY 6.0
/* The farthest a run moves from where it was routed. */
#define MAX_OFFSET 12.0
/* The least room between a moved run and a card, and between a moved
 * horizontal run and a line, along which it would read as running: a
 * band's padding (18 units) has a line at one edge and may have an
 * arrowhead (11 units and its clearance) at the other, and a run must
 * pass between them. */
#define CLEARANCE      4.0
#define LINE_CLEARANCE 4.0

typedef struct {
  double   at_lo;   /* across the strip: x of a vertical run, y of a */
  double   at_hi;   /* horizontal one; a range for an arrowhead */
  double   lo;      /* its span along the strip */
  double   hi;
  guint    point;   /* the run's second point, or G_MAXUINT for an end */
  guint    flow;
  gboolean movable;
} Item;

/* Kept by the layout from one update to the next: arrays this large are
 * mapped afresh by malloc each time, and touching new pages costs more
 * than the work done in them. */
struct _BpLayoutTracks
{
  GArray  *items;     /* Item */
  GArray  *sorted;    /* Item */
  GArray  *fixed;     /* Item */
  GArray  *active;    /* Item */
  GArray  *keys;      /* guint32: radix keys and order, twice over */
  GArray  *paths;     /* BpLayoutPath: the routes while they are made */
};

BpLayoutTracks *
bp_layout_tracks_new (void)
{
  BpLayoutTracks *tracks = g_new0 (BpLayoutTracks, 1);

  tracks->items = g_array_new (FALSE, FALSE, sizeof (Item));
  tracks->sorted = g_array_new (FALSE, FALSE, sizeof (Item));
  tracks->fixed = g_array_new (FALSE, FALSE, sizeof (Item));
  tracks->active = g_array_new (FALSE, FALSE, sizeof (Item));
  tracks->keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  tracks->paths = g_array_new (FALSE, FALSE, sizeof (BpLayoutPath));
  return tracks;
}

BpLayoutPath *
bp_layout_tracks_paths (BpLayoutTracks *tracks,
                        guint           n)
{
  g_array_set_size (tracks->paths, n);
  return (BpLayoutPath *) (gpointer) tracks->paths->data;
}

void
bp_layout_tracks_free (BpLayoutTracks *tracks)
{
  g_array_unref (tracks->items);
  g_array_unref (tracks->sorted);
  g_array_unref (tracks->fixed);
  g_array_unref (tracks->active);
  g_array_unref (tracks->keys);
  g_array_unref (tracks->paths);
  g_free (tracks);
}

typedef struct {
  BpLayout     *layout;
  BpLayoutTracks *scratch;
  const guint8 *movable;
  gboolean      vertical;
  GArray       *items;
  GArray       *fixed;    /* Item: a component's runs that stay, by lo */
  guint         f_start;  /* those before it end before the current run */
  GArray       *active;   /* Item: moved runs placed that may still meet */
} Separator;

static BpPoint *
point_at (BpLayout *self,
          guint     index)
{
  return &g_array_index (self->points, BpPoint, index);
}

static void
add_item (Separator *sep,
          double     at_lo,
          double     at_hi,
          double     lo,
          double     hi,
          guint      point,
          guint      flow,
          gboolean   movable)
{
  Item item = { MIN (at_lo, at_hi), MAX (at_lo, at_hi), MIN (lo, hi), MAX (lo, hi), point, flow, movable };

  g_array_append_val (sep->items, item);
}

/* The arrowhead at the tip of a route and the start of it, as boxes that
 * no run of another route may enter. */
static void
add_ends (Separator     *sep,
          const BpPoint *p,
          guint          n,
          guint          flow)
{
  const BpPoint *tip = &p[n - 1], *before = &p[n - 2];
  double reach = BP_LAYOUT_ARROW_LENGTH + BP_LAYOUT_ARROW_CLEARANCE;
  double half = BP_LAYOUT_ARROW_HALF_WIDTH + BP_LAYOUT_ARROW_CLEARANCE;
  double c = BP_LAYOUT_ARROW_CLEARANCE;
  gboolean tip_vertical = tip->x == before->x;
  double dx = tip->x > before->x ? 1 : tip->x < before->x ? -1 : 0;
  double dy = tip->y > before->y ? 1 : tip->y < before->y ? -1 : 0;
  double back_x = tip->x - dx * reach, back_y = tip->y - dy * reach;

  if (sep->vertical == tip_vertical)
    {
      /* The arrow lies along the strip. */
      if (sep->vertical)
        add_item (sep, tip->x - half, tip->x + half, tip->y, back_y, G_MAXUINT, flow, FALSE);
      else
        add_item (sep, tip->y - half, tip->y + half, tip->x, back_x, G_MAXUINT, flow, FALSE);
    }
  else if (sep->vertical)
    add_item (sep, tip->x, back_x, tip->y - half, tip->y + half, G_MAXUINT, flow, FALSE);
  else
    add_item (sep, tip->y, back_y, tip->x - half, tip->x + half, G_MAXUINT, flow, FALSE);

  if (sep->vertical)
    add_item (sep, p[0].x - c, p[0].x + c, p[0].y - c, p[0].y + c, G_MAXUINT, flow, FALSE);
  else
    add_item (sep, p[0].y - c, p[0].y + c, p[0].x - c, p[0].x + c, G_MAXUINT, flow, FALSE);
}

static void
collect_items (Separator *sep)
{
  BpLayout *self = sep->layout;

  g_array_set_size (sep->items, 0);
  for (guint f = 0; f < self->n_flows; f++)
    {
      const BpLayoutRoute *route = &self->routes[f];
      const BpPoint *p = point_at (self, route->first);

      if (route->n_points < 2)
        continue;

      for (guint i = 1; i < route->n_points; i++)
        {
          gboolean vertical = p[i - 1].x == p[i].x;

          if (vertical != sep->vertical)
            continue;
          if (vertical)
            add_item (sep, p[i].x, p[i].x, p[i - 1].y, p[i].y, route->first + i, f,
                      sep->movable[route->first + i]);
          else
            add_item (sep, p[i].y, p[i].y, p[i - 1].x, p[i].x, route->first + i, f,
                      sep->movable[route->first + i]);
        }
      add_ends (sep, p, route->n_points, f);
    }
}

/* Sorts the items by where they lie across their strip, to a sixteenth
 * of a unit: a radix sort, as qsort() of tens of thousands of items
 * would take a good part of the layout's time. Items at one place keep
 * the order they were added in. */
#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

static void
sort_across (Separator *sep)
{
  guint n = sep->items->len;
  const Item *items = (const Item *) (gpointer) sep->items->data;
  guint32 *keys, *order;
  guint count[RADIX_SIZE];
  guint32 *key_in, *key_out, *in, *out;
  GArray *sorted = sep->scratch->sorted;
  double least = G_MAXDOUBLE;

  /* No runs: the key array may have no storage yet, and offsets into it
   * would be undefined. */
  if (n == 0)
    return;

  g_array_set_size (sep->scratch->keys, 4 * n);
  keys = (guint32 *) (gpointer) sep->scratch->keys->data;
  order = keys + 2 * n;
  key_in = keys;
  key_out = keys + n;
  in = order;
  out = order + n;

  for (guint i = 0; i < n; i++)
    least = MIN (least, items[i].at_lo);
  for (guint i = 0; i < n; i++)
    {
      key_in[i] = (guint32) MIN ((items[i].at_lo - least) * 16, (double) G_MAXUINT32);
      in[i] = i;
    }

  for (guint shift = 0; shift < 32; shift += RADIX_BITS)
    {
      guint sum = 0;

      memset (count, 0, sizeof count);
      for (guint i = 0; i < n; i++)
        count[(key_in[i] >> shift) & (RADIX_SIZE - 1)]++;
      for (guint d = 0; d < RADIX_SIZE; d++)
        {
          guint c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        {
          guint at = count[(key_in[i] >> shift) & (RADIX_SIZE - 1)]++;

          key_out[at] = key_in[i];
          out[at] = in[i];
        }
      { guint32 *t = key_in; key_in = key_out; key_out = t; }
      { guint32 *t = in; in = out; out = t; }
    }

  g_array_set_size (sorted, n);
  for (guint i = 0; i < n; i++)
    g_array_index (sorted, Item, i) = items[in[i]];
  /* The two arrays change places. */
  sep->scratch->sorted = sep->items;
  sep->items = sorted;
}

/* Whether @item, moved to @at, would lie on or against @other. */
static gboolean
meets (const Item *item,
       double      at,
       const Item *other)
{
  double reach = other->point == G_MAXUINT ? 0.75 : NEAR;

  if (item->flow == other->flow)
    return FALSE;
  if (item->lo >= other->hi + ALONG || other->lo >= item->hi + ALONG)
    return FALSE;
  return at > other->at_lo - reach && at < other->at_hi + reach;
}

/* The fixed items and the placed movable ones that may overlap @item's
 * span: a window that the sweep along the strip moves on. A run among
 * more than MAX_SCAN others has no room to move to anyway: past that
 * many, a place counts as taken, which bounds the work on blueprints
 * too dense to read. */
#define MAX_SCAN   48
#define MAX_ACTIVE 96

typedef enum {
  PLACE_FREE,
  PLACE_TAKEN,
  PLACE_CROWDED,  /* too many runs around to tell */
} PlaceState;

static PlaceState
meets_any (Separator  *sep,
           const Item *item,
           double      at)
{
  const Item *fixed = (const Item *) (gpointer) sep->fixed->data;
  const Item *active = (const Item *) (gpointer) sep->active->data;
  guint scanned = 0;

  for (guint k = sep->f_start; k < sep->fixed->len && fixed[k].lo < item->hi + ALONG; k++)
    if (++scanned > MAX_SCAN)
      return PLACE_CROWDED;
    else if (meets (item, at, &fixed[k]))
      return PLACE_TAKEN;
  for (guint k = 0; k < sep->active->len; k++)
    if (++scanned > MAX_SCAN)
      return PLACE_CROWDED;
    else if (meets (item, at, &active[k]))
      return PLACE_TAKEN;
  return PLACE_FREE;
}

/* Moves the window on to @item, which starts where the sweep is. */
static void
advance_window (Separator  *sep,
                const Item *item)
{
  const Item *fixed = (const Item *) (gpointer) sep->fixed->data;
  Item *active = (Item *) (gpointer) sep->active->data;

  while (sep->f_start < sep->fixed->len && fixed[sep->f_start].hi + ALONG <= item->lo)
    sep->f_start++;
  for (guint k = 0; k < sep->active->len;)
    if (active[k].hi + ALONG <= item->lo)
      g_array_remove_index_fast (sep->active, k);
    else
      k++;
}

/* Whether a run from @from to @to still heads the way the one from
 * @from to @was did, at least @least long (or as long as it was). */
static gboolean
keeps_heading (double from,
               double was,
               double to,
               double least)
{
  double before = was - from, after = to - from;

  return (before > 0) == (after > 0) && fabs (after) >= MIN (fabs (before), least);
}

typedef struct {
  const BpLayout *layout;
  BpRect          rect;
} CardProbe;

static gboolean
card_too_near (guint    index,
               gpointer user_data)
{
  const CardProbe *probe = user_data;

  const BpRect *card = &probe->layout->cards[index].rect;
  const BpRect *rect = &probe->rect;

  return card->x < rect->x + rect->width && rect->x < card->x + card->width &&
         card->y < rect->y + rect->height && rect->y < card->y + card->height;
}

static gboolean
near_a_line (const BpLayout *self,
             double          y)
{
  for (guint i = 0; i < BP_N_LINES; i++)
    if (self->line_shown[i] && fabs (y - self->line_y[i]) < LINE_CLEARANCE)
      return TRUE;
  return FALSE;
}

/* Whether @item's run may move to @at: it keeps clear of cards and
 * lines, and the runs before and after it keep their way and their
 * length (within bounds) and cross no card. */
static gboolean
move_is_clear (Separator *sep,
               const Item *item,
               double      at)
{
  BpLayout *self = sep->layout;
  const BpPoint *p = point_at (self, item->point);
  BpPoint prev = p[-2], a = p[-1], b = p[0], next = p[1];
  gboolean vertical = sep->vertical;
  CardProbe probe = { self };
  double was_a, was_b;

  if (vertical)
    {
      was_a = a.x;
      was_b = b.x;
      a.x = b.x = at;
      if (!keeps_heading (prev.x, was_a, at, BP_LAYOUT_MIN_RUN) ||
          !keeps_heading (next.x, was_b, at, MIN_ENTRY))
        return FALSE;
    }
  else
    {
      was_a = a.y;
      was_b = b.y;
      a.y = b.y = at;
      if (!keeps_heading (prev.y, was_a, at, BP_LAYOUT_MIN_RUN) ||
          !keeps_heading (next.y, was_b, at, MIN_ENTRY) ||
          near_a_line (self, at))
        return FALSE;
    }

  probe.rect = (BpRect) {
    MIN (a.x, b.x) - CLEARANCE, MIN (a.y, b.y) - CLEARANCE,
    fabs (b.x - a.x) + 2 * CLEARANCE, fabs (b.y - a.y) + 2 * CLEARANCE,
  };
  return !bp_layout_index_query (self->step_index, &probe.rect, card_too_near, &probe) &&
         bp_layout_run_is_clear (self, &prev, &a) &&
         bp_layout_run_is_clear (self, &b, &next);
}

static void
move_run (Separator *sep,
          guint      point,
          double     at)
{
  BpPoint *a = point_at (sep->layout, point - 1);
  BpPoint *b = point_at (sep->layout, point);

  if (sep->vertical)
    a->x = b->x = at;
  else
    a->y = b->y = at;
}

/* The track nearest the run's own, within MAX_OFFSET, where it meets no
 * run or end placed before it; where there is none, it stays. */
static void
place_movable (Separator *sep,
               Item      *item)
{
  double at = item->at_lo;

  if (meets_any (sep, item, at) == PLACE_TAKEN)
    for (guint k = 1; k * SPACING <= MAX_OFFSET; k++)
      {
        double tries[2] = { at + k * SPACING, at - k * SPACING };
        gboolean found = FALSE;

        for (guint t = 0; t < 2 && !found; t++)
          if (meets_any (sep, item, tries[t]) == PLACE_FREE && move_is_clear (sep, item, tries[t]))
            {
              move_run (sep, item->point, tries[t]);
              item->at_lo = item->at_hi = tries[t];
              found = TRUE;
            }
        if (found)
          break;
      }

  if (sep->active->len < MAX_ACTIVE)
    g_array_append_val (sep->active, *item);
}

/* Places a component's movable runs, sorted along the strip, in turn,
 * around its fixed runs and ends. */
static void
place_component (Separator *sep,
                 Item      *items,
                 guint      n)
{
  guint n_movable = 0;

  for (guint i = 0; i < n; i++)
    n_movable += items[i].movable;
  if (n < 2 || n_movable == 0)
    return;

  g_array_set_size (sep->fixed, 0);
  g_array_set_size (sep->active, 0);
  sep->f_start = 0;
  for (guint i = 0; i < n; i++)
    if (!items[i].movable)
      g_array_append_val (sep->fixed, items[i]);

  for (guint i = 0; i < n; i++)
    if (items[i].movable)
      {
        advance_window (sep, &items[i]);
        place_movable (sep, &items[i]);
      }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Item *r = a, *s = b;

  if (r->lo != s->lo)
    return r->lo < s->lo ? -1 : 1;
  return (r->point > s->point) - (r->point < s->point);
}

/* Items of a group whose spans do not overlap, directly or through
 * others, never meet: each such component is placed on its own. */
static void
separate_group (Separator *sep,
                Item      *items,
                guint      n)
{
  guint first = 0;

  if (n < 2)
    return;

  qsort (items, n, sizeof (Item), compare_spans);
  while (first < n)
    {
      double reach = items[first].hi;
      guint end = first + 1;

      for (; end < n && items[end].lo < reach + ALONG; end++)
        reach = MAX (reach, items[end].hi);

      place_component (sep, &items[first], end - first);
      first = end;
    }
}

static void
separate (Separator *sep,
          gboolean   vertical)
{
  Item *items;
  guint n, first = 0;

  sep->vertical = vertical;
  collect_items (sep);
  sort_across (sep);
  items = (Item *) (gpointer) sep->items->data;
  n = sep->items->len;

  /* A group: items near enough across the strip that a move could bring
   * them together. */
  while (first < n)
    {
      double reach = items[first].at_hi;
      guint end = first + 1;

      for (; end < n && items[end].at_lo < reach + NEAR + 2 * MAX_OFFSET; end++)
        reach = MAX (reach, items[end].at_hi);

      separate_group (sep, &items[first], end - first);
      first = end;
    }
}

void
bp_layout_tracks_separate (BpLayout     *self,
                           const guint8 *movable)
{
  Separator sep = {
    self,
    self->tracks,
    movable,
    FALSE,
    self->tracks->items,
    self->tracks->fixed,
    0,
    self->tracks->active,
  };

  separate (&sep, TRUE);
  separate (&sep, FALSE);

  self->tracks->items = sep.items;
}
