/* bp-layout-stack.c
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

/* Cards that would overlap in x in one lane and stage (a cell) go in
 * rows, first fit in x order; a row is as tall as its tallest card, and a
 * band grows to hold its tallest cell. */

typedef struct {
  guint  lane;
  guint  stage;
  double x;
  guint  position;
} StackKey;

/* Stably sorts @in by lane or by stage into @out: a counting sort, as
 * there are far fewer lanes or stages than cards. */
static void
sort_by_cell_part (const StackKey *in,
                   StackKey       *out,
                   guint           n,
                   guint           n_buckets,
                   gboolean        by_lane)
{
  g_autofree guint *start = g_new0 (guint, n_buckets + 1);

  for (guint i = 0; i < n; i++)
    start[(by_lane ? in[i].lane : in[i].stage) + 1]++;
  for (guint b = 1; b <= n_buckets; b++)
    start[b] += start[b - 1];
  for (guint i = 0; i < n; i++)
    out[start[by_lane ? in[i].lane : in[i].stage]++] = in[i];
}

static gboolean
same_cell (const StackKey *a,
           const StackKey *b)
{
  return a->lane == b->lane && a->stage == b->stage;
}

/* Within a cell: by x, ties by document order. */
static int
stack_key_compare (const void *a,
                   const void *b)
{
  const StackKey *ka = a;
  const StackKey *kb = b;

  if (ka->x != kb->x)
    return ka->x < kb->x ? -1 : 1;
  return (ka->position > kb->position) - (ka->position < kb->position);
}

/* First-fit rows for the cards of one lane and stage, sorted by x. A
 * min-tree over the x from which each row is free finds the first row a
 * card fits in in O(log n), so a thousand cards at one x stay cheap.
 * @tree holds 2 × size doubles and @last size guints, size being the
 * power of two at or above @n_keys. */
static guint
stack_cell (BpLayoutCard   *cards,
            const StackKey *keys,
            guint           n_keys,
            double         *tree,
            guint          *last)
{
  guint size = 1;
  guint n_rows = 0;

  while (size < n_keys)
    size *= 2;
  for (guint i = 1; i < 2 * size; i++)
    tree[i] = INFINITY;

  for (guint k = 0; k < n_keys; k++)
    {
      guint position = keys[k].position;
      BpLayoutCard *card = &cards[position];
      guint node = 1;

      if (tree[1] <= card->x)
        {
          while (node < size)
            node = tree[2 * node] <= card->x ? 2 * node : 2 * node + 1;
          card->row = node - size;
          /* Routes need to know who shares a row. */
          card->preceded = TRUE;
          cards[last[card->row]].followed = TRUE;
        }
      else
        {
          card->row = n_rows++;
          node = card->row + size;
        }
      last[card->row] = position;

      tree[node] = card->x + card->rect.width + BP_LAYOUT_STACK_GAP;
      for (node /= 2; node >= 1; node /= 2)
        tree[node] = MIN (tree[2 * node], tree[2 * node + 1]);
    }

  return n_rows;
}

/* Puts each row of a cell below the one before, each as tall as its
 * tallest card, and returns the height the cell needs. @heights holds
 * at least @n_rows doubles. */
static double
place_rows (BpLayoutCard   *cards,
            const StackKey *keys,
            guint           n_keys,
            guint           n_rows,
            double         *heights)
{
  double y = BP_LAYOUT_CARD_TOP;

  for (guint r = 0; r < n_rows; r++)
    heights[r] = 0;
  for (guint k = 0; k < n_keys; k++)
    {
      BpLayoutCard *card = &cards[keys[k].position];

      heights[card->row] = MAX (heights[card->row], card->rect.height);
    }

  /* Turn heights into tops. */
  for (guint r = 0; r < n_rows; r++)
    {
      double height = heights[r];

      heights[r] = y;
      y += height + BP_LAYOUT_ROW_GAP;
    }
  for (guint k = 0; k < n_keys; k++)
    {
      BpLayoutCard *card = &cards[keys[k].position];

      card->y = heights[card->row];
    }

  if (n_rows == 0)
    return 0;
  return y - BP_LAYOUT_ROW_GAP + BP_LAYOUT_CARD_BOTTOM;
}

/* The end of the cell that starts at @start of @keys grouped by cell. */
static guint
cell_end (const StackKey *keys,
          guint           start,
          guint           n_keys)
{
  guint end = start + 1;

  while (end < n_keys && same_cell (&keys[end], &keys[start]))
    end++;
  return end;
}

/* Fills @keys with the placed cards grouped by cell, each cell sorted by
 * x; returns how many, and in @largest the most in one cell (at least 1). */
static guint
group_by_cell (BpLayout *self,
               StackKey *keys,
               guint    *largest)
{
  g_autofree StackKey *by_stage = g_new (StackKey, self->n_steps + 1);
  guint n_keys = 0;

  for (guint i = 0; i < self->n_steps; i++)
    if (self->cards[i].placed)
      by_stage[n_keys++] = (StackKey) { self->cards[i].lane, self->cards[i].stage,
                                        self->cards[i].x, i };

  /* Group by cell in linear time, then sort each (small) cell by x. */
  sort_by_cell_part (by_stage, keys, n_keys, self->n_stages, FALSE);
  memcpy (by_stage, keys, n_keys * sizeof (StackKey));
  sort_by_cell_part (by_stage, keys, n_keys, self->n_lanes, TRUE);

  *largest = 1;
  for (guint start = 0, end; start < n_keys; start = end)
    {
      end = cell_end (keys, start, n_keys);
      qsort (keys + start, end - start, sizeof (StackKey), stack_key_compare);
      *largest = MAX (*largest, end - start);
    }

  return n_keys;
}

void
bp_layout_stack_cards (BpLayout *self)
{
  g_autofree StackKey *keys = g_new (StackKey, self->n_steps + 1);
  g_autofree double *tree = NULL;
  g_autofree guint *last = NULL;
  g_autofree double *heights = NULL;
  guint largest;
  guint n_keys = group_by_cell (self, keys, &largest);
  guint size = 1;

  while (size < largest)
    size *= 2;
  tree = g_new (double, 2 * size);
  last = g_new (guint, size);
  heights = g_new (double, size);

  for (guint start = 0, end; start < n_keys; start = end)
    {
      BpRect *band = &self->bands[keys[start].lane];
      guint n_rows;

      end = cell_end (keys, start, n_keys);
      n_rows = stack_cell (self->cards, keys + start, end - start, tree, last);
      band->height = MAX (band->height, place_rows (self->cards, keys + start, end - start,
                                                    n_rows, heights));
    }
}
