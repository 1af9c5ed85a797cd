/* bp-layout-index.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-index.h"

#include <math.h>
#include <string.h>

/* A hierarchy of uniform grids. Level 0 has cells of GRID_CELL_SIZE
 * units, each next level cells twice as large; a box goes to the lowest
 * level whose cells are at least as large as its longer side, so it sits
 * in at most 2 × 2 cells there, however long a flow's route is. Entries
 * are sorted by (level, cell x, cell y, insertion order), so the entries
 * of one column of cells are contiguous and found by bisection. */
#define GRID_CELL_SIZE  256.0
#define GRID_LEVELS     40
#define GRID_COORD_BITS 29
#define GRID_COORD_MAX  ((1u << GRID_COORD_BITS) - 1)

typedef struct {
  guint64 key;
  guint   id;
} Entry;

typedef struct {
  guint32 x0, y0, x1, y1;
} CellRange;

struct _BpLayoutIndex
{
  GArray   *entries;     /* of Entry */
  gboolean  dirty;       /* inserted into since the last sort */
  guint     n_levels;    /* those up to the last one in use */
  guint     level_start[GRID_LEVELS + 1]; /* into entries, once sorted */
};

/* Cells */

static double
grid_cell_size (guint level)
{
  return GRID_CELL_SIZE * (double) ((guint64) 1 << level);
}

static guint32
grid_coord (double value,
            double cell_size)
{
  double cell = floor (value / cell_size);

  if (!(cell > 0)) /* NaN too */
    return 0;
  if (cell >= GRID_COORD_MAX)
    return GRID_COORD_MAX;
  return (guint32) cell;
}

static guint64
grid_key (guint   level,
          guint32 cx,
          guint32 cy)
{
  return ((guint64) level << (2 * GRID_COORD_BITS)) |
         ((guint64) cx << GRID_COORD_BITS) |
         cy;
}

static guint
key_level (guint64 key)
{
  return (guint) (key >> (2 * GRID_COORD_BITS));
}

static CellRange
grid_cells (const BpRect *rect,
            guint         level)
{
  double size = grid_cell_size (level);
  double x0 = MIN (rect->x, rect->x + rect->width);
  double y0 = MIN (rect->y, rect->y + rect->height);
  double x1 = MAX (rect->x, rect->x + rect->width);
  double y1 = MAX (rect->y, rect->y + rect->height);

  return (CellRange) {
    grid_coord (x0, size), grid_coord (y0, size),
    grid_coord (x1, size), grid_coord (y1, size),
  };
}

/* The level a box goes to, and its cells there. */
static guint
grid_place (const BpRect *box,
            CellRange    *cells)
{
  guint level = 0;

  while (level + 1 < GRID_LEVELS &&
         grid_cell_size (level) < MAX (box->width, box->height))
    level++;
  /* Rounding could still leave a box across three cells. */
  for (*cells = grid_cells (box, level);
       level + 1 < GRID_LEVELS && (cells->x1 - cells->x0 > 1 || cells->y1 - cells->y0 > 1);
       *cells = grid_cells (box, ++level))
    ;
  /* Only a box of infinite size gets here still too large; keep the
   * promise of four entries at most. */
  cells->x1 = MIN (cells->x1, cells->x0 + 1);
  cells->y1 = MIN (cells->y1, cells->y0 + 1);

  return level;
}

/* Sorting */

/* A stable LSD radix sort by key, a byte at a time, skipping the bytes
 * that are the same in every key; equal keys stay in insertion order.
 * Far cheaper than qsort for the tens of thousands of entries of a large
 * document. */
static void
sort_entries (Entry *entries,
              guint  n)
{
  g_autofree Entry *scratch = NULL;
  Entry *from = entries, *to;
  guint64 varying = 0;

  if (n < 2)
    return;

  for (guint i = 1; i < n; i++)
    varying |= entries[i].key ^ entries[0].key;
  if (varying == 0)
    return;

  scratch = g_new (Entry, n);
  to = scratch;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0, };
      Entry *swap;

      if (((varying >> shift) & 0xff) == 0)
        continue;

      for (guint i = 0; i < n; i++)
        count[((from[i].key >> shift) & 0xff) + 1]++;
      for (guint b = 1; b <= 256; b++)
        count[b] += count[b - 1];
      for (guint i = 0; i < n; i++)
        to[count[(from[i].key >> shift) & 0xff]++] = from[i];

      swap = from;
      from = to;
      to = swap;
    }

  if (from != entries)
    memcpy (entries, from, n * sizeof (Entry));
}

static void
index_sort (BpLayoutIndex *self)
{
  Entry *entries = (Entry *) self->entries->data;
  guint n = self->entries->len;

  sort_entries (entries, n);

  for (guint i = 0, level = 0; level <= GRID_LEVELS; level++)
    {
      while (i < n && key_level (entries[i].key) < level)
        i++;
      self->level_start[level] = i;
    }
  self->level_start[GRID_LEVELS] = n;
  self->n_levels = n > 0 ? key_level (entries[n - 1].key) + 1 : 0;
  self->dirty = FALSE;
}

/* The index */

BpLayoutIndex *
bp_layout_index_new (guint n_boxes)
{
  BpLayoutIndex *self = g_new0 (BpLayoutIndex, 1);

  /* A box takes four entries at most. */
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry),
                                     MIN (n_boxes, G_MAXUINT / 4) * 4);
  return self;
}

void
bp_layout_index_free (BpLayoutIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_free (self);
}

void
bp_layout_index_insert (BpLayoutIndex *self,
                        guint          id,
                        const BpRect  *box)
{
  CellRange cells;
  guint level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (box != NULL);

  level = grid_place (box, &cells);

  for (guint32 cx = cells.x0; cx <= cells.x1; cx++)
    for (guint32 cy = cells.y0; cy <= cells.y1; cy++)
      {
        Entry entry = { grid_key (level, cx, cy), id };

        g_array_append_val (self->entries, entry);
      }

  self->dirty = TRUE;
}

/* Queries */

/* The first entry in [lo, hi) whose key is at least @key. */
static guint
lower_bound (const Entry *entries,
             guint        lo,
             guint        hi,
             guint64      key)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
visit_level (const BpLayoutIndex *self,
             guint                level,
             const BpRect        *rect,
             BpLayoutIndexFunc    visit,
             gpointer             user_data)
{
  const Entry *entries = (const Entry *) self->entries->data;
  guint lo = self->level_start[level];
  guint hi = self->level_start[level + 1];
  CellRange cells = grid_cells (rect, level);

  /* A rect wider than the level has entries: walking the level is
   * cheaper than bisecting for each of its columns of cells. */
  if ((guint64) cells.x1 - cells.x0 + 1 >= hi - lo)
    {
      for (guint i = lo; i < hi; i++)
        {
          guint64 key = entries[i].key;
          guint32 cx = (key >> GRID_COORD_BITS) & GRID_COORD_MAX;
          guint32 cy = key & GRID_COORD_MAX;

          if (cx >= cells.x0 && cx <= cells.x1 && cy >= cells.y0 && cy <= cells.y1 &&
              visit (entries[i].id, user_data))
            return TRUE;
        }
      return FALSE;
    }

  for (guint32 cx = cells.x0; cx <= cells.x1; cx++)
    {
      guint64 last = grid_key (level, cx, cells.y1);

      for (guint i = lower_bound (entries, lo, hi, grid_key (level, cx, cells.y0));
           i < hi && entries[i].key <= last;
           i++)
        if (visit (entries[i].id, user_data))
          return TRUE;
    }
  return FALSE;
}

gboolean
bp_layout_index_query (BpLayoutIndex     *self,
                       const BpRect      *rect,
                       BpLayoutIndexFunc  visit,
                       gpointer           user_data)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);
  g_return_val_if_fail (visit != NULL, FALSE);

  if (self->dirty)
    index_sort (self);

  if (isnan (rect->x) || isnan (rect->y) || isnan (rect->width) || isnan (rect->height))
    return FALSE;

  for (guint level = 0; level < self->n_levels; level++)
    if (self->level_start[level] < self->level_start[level + 1] &&
        visit_level (self, level, rect, visit, user_data))
      return TRUE;

  return FALSE;
}
