/* bp-layout.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Row pitch of stacked cards. */
#define ROW_PITCH (BP_LAYOUT_CARD_HEIGHT + BP_LAYOUT_ROW_GAP)
/* The shortest straight run of an arrow out of or into a card. */
#define MIN_RUN 4.0
/* The most points a route has: six, and room to spare. */
#define MAX_ROUTE_POINTS 8

/* The spatial index: a hierarchy of uniform grids. Level 0 has cells of
 * GRID_CELL_SIZE units, each next level cells twice as large; a box goes
 * to the lowest level whose cells are at least as large as its longer
 * side, so it sits in at most 2 × 2 cells there, however long a flow's
 * route is. Entries are sorted by (level, cell x, cell y, index), so the
 * entries of one column of cells are contiguous and found by bisection. */
#define GRID_CELL_SIZE  256.0
#define GRID_LEVELS     40
#define GRID_COORD_BITS 29
#define GRID_COORD_MAX  ((1u << GRID_COORD_BITS) - 1)

typedef struct {
  guint64 key;
  guint   index;
} GridEntry;

typedef struct {
  GridEntry *entries;
  guint      n_entries;
  guint      n_levels;   /* those up to the last one in use */
  guint      level_start[GRID_LEVELS + 1];
} Grid;

/* Called for each index the grid holds near a rect (an index may come
 * more than once); returns TRUE to stop the walk. */
typedef gboolean (*GridVisitFunc) (guint    index,
                                   gpointer user_data);

typedef struct {
  BpRect   rect;
  double   x;          /* from the stage's left edge */
  guint    lane;       /* positions in the document's lists */
  guint    stage;
  guint    row;        /* the stacking row within its lane and stage */
  gboolean placed;     /* FALSE when its lane or stage is missing */
  gboolean preceded;   /* another card is before it in its row */
  gboolean followed;   /* another card is after it in its row */
} Card;

typedef struct {
  guint  first;        /* into self->points */
  guint  n_points;     /* 0: no route */
  BpRect bounds;
} Route;

/* What may lie across a run of a route (the segment ending at a point). */
typedef enum {
  RUN_CHECK,      /* any card: ask the spatial index */
  RUN_CLEAR,      /* none: it lies in a gutter or a channel */
  RUN_OUT_OF_ROW, /* from the source rightwards to its column's gutter:
                   * only a card after it in its row */
  RUN_INTO_ROW,   /* from the gutter before the target's column to it:
                   * only a card before it in its row */
} RunKind;

typedef struct {
  BpPoint points[MAX_ROUTE_POINTS];
  RunKind kind[MAX_ROUTE_POINTS];
  guint   n;
} Path;

/* What the item hash maps an id to: a list and a position in it. */
typedef enum {
  ITEM_STAGE,
  ITEM_LANE,
  ITEM_STEP,
  ITEM_FLOW,
} ItemList;

struct _BpLayout
{
  GObject       parent_instance;

  BpDocument   *document;

  double        width;
  double        height;

  guint         n_stages;
  BpRect       *columns;   /* whole columns, the header row included */
  guint         n_lanes;
  BpRect       *bands;     /* whole bands, the header column included */

  guint         n_steps;
  Card         *cards;

  guint         n_flows;
  Route        *routes;
  GArray       *points;    /* BpPoint: every route's points in turn */

  gboolean      line_shown[BP_N_LINES];
  double        line_y[BP_N_LINES];

  GHashTable   *items;     /* id → packed (list, position) */
  GStringChunk *ids;       /* the hash's keys, copied: items may go away */

  Grid          step_grid;
  Grid          flow_grid;
};

G_DEFINE_FINAL_TYPE (BpLayout, bp_layout, G_TYPE_OBJECT)

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

static double
rect_right (const BpRect *rect)
{
  return rect->x + rect->width;
}

static double
rect_bottom (const BpRect *rect)
{
  return rect->y + rect->height;
}

static double
rect_centre_x (const BpRect *rect)
{
  return rect->x + rect->width / 2;
}

static double
rect_centre_y (const BpRect *rect)
{
  return rect->y + rect->height / 2;
}

/* Grid */

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

typedef struct {
  guint32 x0, y0, x1, y1;
} CellRange;

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

/* A stable LSD radix sort by key, a byte at a time, skipping the bytes
 * that are the same in every key; entries come in index order, so equal
 * keys stay in index order. Far cheaper than qsort for the tens of
 * thousands of entries of a large document. */
static void
grid_sort (GridEntry *entries,
           guint      n)
{
  g_autofree GridEntry *scratch = NULL;
  GridEntry *from = entries, *to;
  guint64 varying = 0;

  if (n < 2)
    return;

  for (guint i = 1; i < n; i++)
    varying |= entries[i].key ^ entries[0].key;
  if (varying == 0)
    return;

  scratch = g_new (GridEntry, n);
  to = scratch;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0, };
      GridEntry *swap;

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
    memcpy (entries, from, n * sizeof (GridEntry));
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->entries, g_free);
  grid->n_entries = 0;
  grid->n_levels = 0;
  memset (grid->level_start, 0, sizeof grid->level_start);
}

/* The box of index @index, or NULL when it has none. */
typedef const BpRect *(*GridBoxFunc) (const BpLayout *layout,
                                      guint           index);

static void
grid_build (Grid           *grid,
            const BpLayout *layout,
            guint           n_boxes,
            GridBoxFunc     box_of)
{
  guint n = 0;

  grid_clear (grid);
  grid->entries = g_new (GridEntry, (gsize) n_boxes * 4 + 1);

  for (guint i = 0; i < n_boxes; i++)
    {
      const BpRect *box = box_of (layout, i);
      guint level = 0;
      CellRange cells;

      if (box == NULL)
        continue;

      while (level + 1 < GRID_LEVELS &&
             grid_cell_size (level) < MAX (box->width, box->height))
        level++;
      /* Rounding could still leave a box across three cells. */
      for (cells = grid_cells (box, level);
           level + 1 < GRID_LEVELS && (cells.x1 - cells.x0 > 1 || cells.y1 - cells.y0 > 1);
           cells = grid_cells (box, ++level))
        ;
      /* Only a box of infinite size gets here still too large; keep the
       * promise of four entries at most. */
      cells.x1 = MIN (cells.x1, cells.x0 + 1);
      cells.y1 = MIN (cells.y1, cells.y0 + 1);

      for (guint32 cx = cells.x0; cx <= cells.x1; cx++)
        for (guint32 cy = cells.y0; cy <= cells.y1; cy++)
          grid->entries[n++] = (GridEntry) { grid_key (level, cx, cy), i };
    }

  grid_sort (grid->entries, n);
  grid->n_entries = n;

  for (guint i = 0, level = 0; level <= GRID_LEVELS; level++)
    {
      while (i < n && (grid->entries[i].key >> (2 * GRID_COORD_BITS)) < level)
        i++;
      grid->level_start[level] = i;
    }
  grid->level_start[GRID_LEVELS] = n;
  grid->n_levels = n > 0 ? (guint) (grid->entries[n - 1].key >> (2 * GRID_COORD_BITS)) + 1 : 0;
}

/* The first entry in [lo, hi) whose key is at least @key. */
static guint
grid_lower_bound (const Grid *grid,
                  guint       lo,
                  guint       hi,
                  guint64     key)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (grid->entries[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
grid_visit_level (const Grid    *grid,
                  guint          level,
                  const BpRect  *rect,
                  GridVisitFunc  visit,
                  gpointer       user_data)
{
  guint lo = grid->level_start[level];
  guint hi = grid->level_start[level + 1];
  CellRange cells = grid_cells (rect, level);

  /* A rect wider than the level has entries: walking the level is
   * cheaper than bisecting for each of its columns of cells. */
  if ((guint64) cells.x1 - cells.x0 + 1 >= hi - lo)
    {
      for (guint i = lo; i < hi; i++)
        {
          guint64 key = grid->entries[i].key;
          guint32 cx = (key >> GRID_COORD_BITS) & GRID_COORD_MAX;
          guint32 cy = key & GRID_COORD_MAX;

          if (cx >= cells.x0 && cx <= cells.x1 && cy >= cells.y0 && cy <= cells.y1 &&
              visit (grid->entries[i].index, user_data))
            return TRUE;
        }
      return FALSE;
    }

  for (guint32 cx = cells.x0; cx <= cells.x1; cx++)
    {
      guint64 last = grid_key (level, cx, cells.y1);

      for (guint i = grid_lower_bound (grid, lo, hi, grid_key (level, cx, cells.y0));
           i < hi && grid->entries[i].key <= last;
           i++)
        if (visit (grid->entries[i].index, user_data))
          return TRUE;
    }
  return FALSE;
}

/* Visits the indices whose boxes may intersect @rect; TRUE if stopped. */
static gboolean
grid_visit (const Grid    *grid,
            const BpRect  *rect,
            GridVisitFunc  visit,
            gpointer       user_data)
{
  if (isnan (rect->x) || isnan (rect->y) || isnan (rect->width) || isnan (rect->height))
    return FALSE;

  for (guint level = 0; level < grid->n_levels; level++)
    if (grid->level_start[level] < grid->level_start[level + 1] &&
        grid_visit_level (grid, level, rect, visit, user_data))
      return TRUE;

  return FALSE;
}

/* Object */

static void
bp_layout_clear (BpLayout *self)
{
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->bands, g_free);
  g_clear_pointer (&self->cards, g_free);
  g_clear_pointer (&self->routes, g_free);
  g_array_set_size (self->points, 0);
  g_hash_table_remove_all (self->items);
  g_clear_pointer (&self->ids, g_string_chunk_free);
  grid_clear (&self->step_grid);
  grid_clear (&self->flow_grid);

  self->n_stages = self->n_lanes = self->n_steps = self->n_flows = 0;
  self->width = self->height = 0;
  for (guint i = 0; i < BP_N_LINES; i++)
    self->line_shown[i] = FALSE;
}

static void
bp_layout_finalize (GObject *object)
{
  BpLayout *self = BP_LAYOUT (object);

  bp_layout_clear (self);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bp_layout_parent_class)->finalize (object);
}

static void
bp_layout_class_init (BpLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_layout_finalize;
}

static void
bp_layout_init (BpLayout *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (BpPoint));
  self->items = g_hash_table_new (g_str_hash, g_str_equal);
}

BpLayout *
bp_layout_new (BpDocument *document)
{
  BpLayout *self;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  self = g_object_new (BP_TYPE_LAYOUT, NULL);
  self->document = g_object_ref (document);
  bp_layout_update (self);

  return self;
}

BpDocument *
bp_layout_get_document (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  return self->document;
}

/* The item hash */

static void
remember_item (BpLayout *self,
               BpItem   *item,
               ItemList  list,
               guint     position)
{
  char *id = g_string_chunk_insert (self->ids, bp_item_get_id (item));

  g_hash_table_insert (self->items, id, GUINT_TO_POINTER (((position + 1) << 2) | list));
}

static gboolean
lookup_item (BpLayout   *self,
             const char *id,
             ItemList   *list,
             guint      *position)
{
  guint packed;

  if (id == NULL)
    return FALSE;

  packed = GPOINTER_TO_UINT (g_hash_table_lookup (self->items, id));
  if (packed == 0)
    return FALSE;

  *list = packed & 3;
  *position = (packed >> 2) - 1;
  return TRUE;
}

static gboolean
lookup_position (BpLayout   *self,
                 const char *id,
                 ItemList    wanted,
                 guint      *position)
{
  ItemList list;

  return lookup_item (self, id, &list, position) && list == wanted;
}

/* Update: columns, bands and cards */

static void
collect_stages_and_lanes (BpLayout *self)
{
  self->n_stages = bp_document_get_n_stages (self->document);
  self->n_lanes = bp_document_get_n_lanes (self->document);
  self->columns = g_new0 (BpRect, self->n_stages);
  self->bands = g_new0 (BpRect, self->n_lanes);

  for (guint i = 0; i < self->n_stages; i++)
    {
      BpStage *stage = bp_document_get_stage (self->document, i);

      remember_item (self, BP_ITEM (stage), ITEM_STAGE, i);
      self->columns[i].width = bp_stage_get_width (stage);
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      BpLane *lane = bp_document_get_lane (self->document, i);

      remember_item (self, BP_ITEM (lane), ITEM_LANE, i);
      self->bands[i].height = bp_lane_get_height (lane);
    }
}

/* Finds each card's lane and stage, and widens its column to hold it. */
static void
collect_cards (BpLayout *self)
{
  self->n_steps = bp_document_get_n_steps (self->document);
  self->cards = g_new0 (Card, self->n_steps);

  for (guint i = 0; i < self->n_steps; i++)
    {
      BpStep *step = bp_document_get_step (self->document, i);
      Card *card = &self->cards[i];

      remember_item (self, BP_ITEM (step), ITEM_STEP, i);

      card->x = bp_step_get_x (step);
      card->rect.width = bp_step_get_width (step);
      card->rect.height = BP_LAYOUT_CARD_HEIGHT;
      card->placed = lookup_position (self, bp_step_get_lane (step), ITEM_LANE, &card->lane) &&
                     lookup_position (self, bp_step_get_stage (step), ITEM_STAGE, &card->stage);

      if (card->placed)
        {
          BpRect *column = &self->columns[card->stage];

          column->width = MAX (column->width, card->x + card->rect.width + BP_LAYOUT_STAGE_PADDING);
        }
    }
}

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
stack_cell (Card           *cards,
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
      Card *card = &cards[position];
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

/* The height cards stacked in @n_rows rows need. */
static double
stacked_height (guint n_rows)
{
  if (n_rows == 0)
    return 0;
  return BP_LAYOUT_CARD_TOP + n_rows * BP_LAYOUT_CARD_HEIGHT +
         (n_rows - 1) * BP_LAYOUT_ROW_GAP + BP_LAYOUT_CARD_BOTTOM;
}

/* Stacks each lane and stage's cards into rows and grows the bands. */
static void
stack_cards (BpLayout *self)
{
  g_autofree StackKey *keys = g_new (StackKey, self->n_steps + 1);
  g_autofree StackKey *by_stage = g_new (StackKey, self->n_steps + 1);
  g_autofree double *tree = NULL;
  g_autofree guint *last = NULL;
  guint n_keys = 0;
  guint largest = 1;
  guint size = 1;

  for (guint i = 0; i < self->n_steps; i++)
    if (self->cards[i].placed)
      by_stage[n_keys++] = (StackKey) { self->cards[i].lane, self->cards[i].stage,
                                        self->cards[i].x, i };

  /* Group by cell in linear time, then sort each (small) cell by x. */
  sort_by_cell_part (by_stage, keys, n_keys, self->n_stages, FALSE);
  memcpy (by_stage, keys, n_keys * sizeof (StackKey));
  sort_by_cell_part (by_stage, keys, n_keys, self->n_lanes, TRUE);

  for (guint start = 0, end; start < n_keys; start = end)
    {
      for (end = start + 1; end < n_keys && same_cell (&keys[end], &keys[start]); end++)
        ;
      qsort (keys + start, end - start, sizeof (StackKey), stack_key_compare);
      largest = MAX (largest, end - start);
    }

  while (size < largest)
    size *= 2;
  tree = g_new (double, 2 * size);
  last = g_new (guint, size);

  for (guint start = 0, end; start < n_keys; start = end)
    {
      BpRect *band = &self->bands[keys[start].lane];
      guint n_rows;

      for (end = start + 1; end < n_keys && same_cell (&keys[end], &keys[start]); end++)
        ;

      n_rows = stack_cell (self->cards, keys + start, end - start, tree, last);
      band->height = MAX (band->height, stacked_height (n_rows));
    }
}

static void
place_columns_and_bands (BpLayout *self)
{
  double x = BP_LAYOUT_HEADER_WIDTH;
  double y = BP_LAYOUT_TITLE_HEIGHT + BP_LAYOUT_HEADER_HEIGHT;

  for (guint i = 0; i < self->n_stages; i++)
    {
      self->columns[i].x = x;
      x += self->columns[i].width;
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      self->bands[i].y = y;
      y += self->bands[i].height;
    }

  self->width = x;
  self->height = y;

  for (guint i = 0; i < self->n_stages; i++)
    {
      self->columns[i].y = BP_LAYOUT_TITLE_HEIGHT;
      self->columns[i].height = self->height - BP_LAYOUT_TITLE_HEIGHT;
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      self->bands[i].x = 0;
      self->bands[i].width = self->width;
    }
}

static void
place_cards (BpLayout *self)
{
  for (guint i = 0; i < self->n_steps; i++)
    {
      Card *card = &self->cards[i];

      if (!card->placed)
        continue;

      card->rect.x = self->columns[card->stage].x + card->x;
      card->rect.y = self->bands[card->lane].y + BP_LAYOUT_CARD_TOP + card->row * ROW_PITCH;
    }
}

/* A line lies where a lane of the zone above it is followed by a lane of
 * the zone below it; lanes are kept in zone order, so when either zone is
 * empty that never happens and the line is not drawn. */
static void
find_lines (BpLayout *self)
{
  static const BpLaneKind zones[BP_N_LINES][2] = {
    [BP_LINE_INTERACTION] = { BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE },
    [BP_LINE_VISIBILITY] = { BP_LANE_KIND_FRONTSTAGE, BP_LANE_KIND_BACKSTAGE },
    [BP_LINE_INTERNAL_INTERACTION] = { BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT },
  };
  BpLaneKind above = 0;

  for (guint i = 0; i < self->n_lanes; i++)
    {
      BpLaneKind kind = bp_lane_get_kind (bp_document_get_lane (self->document, i));

      for (guint line = 0; i > 0 && line < BP_N_LINES; line++)
        if (above == zones[line][0] && kind == zones[line][1] && !self->line_shown[line])
          {
            self->line_shown[line] = TRUE;
            self->line_y[line] = self->bands[i].y;
          }

      above = kind;
    }
}

/* Flow routes */

static void
path_push (Path    *path,
           double   x,
           double   y,
           RunKind  kind)
{
  if (path->n < MAX_ROUTE_POINTS)
    {
      path->kind[path->n] = kind;
      path->points[path->n++] = (BpPoint) { x, y };
    }
}

/* Adds a run that may cross any card. */
static void
path_add (Path   *path,
          double  x,
          double  y)
{
  path_push (path, x, y, RUN_CHECK);
}

/* Adds a run that lies in a gutter or a channel. */
static void
path_add_clear (Path   *path,
                double  x,
                double  y)
{
  path_push (path, x, y, RUN_CLEAR);
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

/* Drops zero-length segments and points that are not bends. */
static void
path_simplify (Path *path)
{
  guint n = 0;

  for (guint i = 0; i < path->n; i++)
    {
      BpPoint p = path->points[i];
      RunKind kind = path->kind[i];
      gboolean keep = TRUE;

      for (;;)
        {
          if (n >= 1 && same_point (&path->points[n - 1], &p))
            {
              keep = FALSE;
              break;
            }
          if (n >= 2 && collinear (&path->points[n - 2], &path->points[n - 1], &p))
            {
              /* One run now covers both; unless they were alike, check
               * it against every card. */
              n--;
              if (kind != path->kind[n])
                kind = RUN_CHECK;
              continue;
            }
          break;
        }

      if (keep)
        {
          path->points[n] = p;
          path->kind[n] = kind;
          n++;
        }
    }

  path->n = n;
}

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

  return reaches_into (probe->a.x, probe->b.x, card->x, rect_right (card)) &&
         reaches_into (probe->a.y, probe->b.y, card->y, rect_bottom (card));
}

static gboolean
run_is_clear (const BpLayout *self,
              const BpPoint  *a,
              const BpPoint  *b)
{
  SegmentProbe probe = { self, *a, *b };
  BpRect rect = {
    MIN (a->x, b->x), MIN (a->y, b->y), fabs (b->x - a->x), fabs (b->y - a->y),
  };

  return !grid_visit (&self->step_grid, &rect, card_blocks_segment, &probe);
}

static gboolean
path_is_clear (const BpLayout *self,
               const Card     *from,
               const Card     *to,
               const Path     *path)
{
  for (guint i = 1; i < path->n; i++)
    {
      switch (path->kind[i])
        {
        case RUN_CLEAR:
          break;

        case RUN_OUT_OF_ROW:
          if (from->followed)
            return FALSE;
          break;

        case RUN_INTO_ROW:
          if (to->preceded)
            return FALSE;
          break;

        case RUN_CHECK:
        default:
          if (!run_is_clear (self, &path->points[i - 1], &path->points[i]))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* The strip at the right of each column is free of cards in every band:
 * vertical runs go along its middle. */
static double
gutter_after (const BpLayout *self,
              guint           stage)
{
  return rect_right (&self->columns[stage]) - BP_LAYOUT_STAGE_PADDING / 2;
}

/* Rows are at the same heights in every stage of a band, so the gaps
 * between them (and the band's paddings) are free of cards across the
 * whole band: horizontal runs go along these. */
static double
channel_above (const Card *card)
{
  return card->rect.y - BP_LAYOUT_ROW_GAP / 2;
}

static double
channel_below (const Card *card)
{
  return rect_bottom (&card->rect) + BP_LAYOUT_ROW_GAP / 2;
}

/* Out of the right edge, one vertical run, into the left edge: through
 * the gutter before the target's column, or midway between the cards
 * when they share a column. */
static void
route_rightward (const BpLayout *self,
                 const Card     *from,
                 const Card     *to,
                 Path           *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  gboolean in_gutter = to->stage > from->stage;
  gboolean next_column = to->stage == from->stage + 1;
  double x = in_gutter ? gutter_after (self, to->stage - 1) : (rect_right (s) + t->x) / 2;

  path->n = 0;
  path_add (path, rect_right (s), rect_centre_y (s));
  path_push (path, x, rect_centre_y (s), next_column ? RUN_OUT_OF_ROW : RUN_CHECK);
  path_push (path, x, rect_centre_y (t), in_gutter ? RUN_CLEAR : RUN_CHECK);
  path_push (path, t->x, rect_centre_y (t), in_gutter ? RUN_INTO_ROW : RUN_CHECK);
  path_simplify (path);
}

/* Like route_rightward, but across the columns between the two cards
 * along a channel beside the target, clear of their cards. */
static gboolean
route_rightward_by_channel (const BpLayout *self,
                            const Card     *from,
                            const Card     *to,
                            Path           *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  double x_out, x_in, y;

  if (to->stage <= from->stage + 1)
    return FALSE;

  x_out = gutter_after (self, from->stage);
  x_in = gutter_after (self, to->stage - 1);
  y = rect_centre_y (t) > rect_centre_y (s) ? channel_above (to) : channel_below (to);

  path->n = 0;
  path_add (path, rect_right (s), rect_centre_y (s));
  path_push (path, x_out, rect_centre_y (s), RUN_OUT_OF_ROW);
  path_add_clear (path, x_out, y);
  path_add_clear (path, x_in, y);
  path_add_clear (path, x_in, rect_centre_y (t));
  path_push (path, t->x, rect_centre_y (t), RUN_INTO_ROW);
  path_simplify (path);
  return TRUE;
}

/* Straight down or up, when the cards overlap enough in x. */
static gboolean
route_vertical (const Card *from,
                const Card *to,
                Path       *path)
{
  const BpRect *s = &from->rect;
  const BpRect *t = &to->rect;
  double lo = MAX (s->x, t->x);
  double hi = MIN (rect_right (s), rect_right (t));
  double x;

  if (hi - lo < 4 * MIN_RUN)
    return FALSE;

  if (rect_centre_x (s) > lo && rect_centre_x (s) < hi)
    x = rect_centre_x (s);
  else if (rect_centre_x (t) > lo && rect_centre_x (t) < hi)
    x = rect_centre_x (t);
  else
    x = (lo + hi) / 2;

  path->n = 0;
  if (t->y >= rect_bottom (s) + 2 * MIN_RUN)
    {
      path_add (path, x, rect_bottom (s));
      path_add (path, x, t->y);
    }
  else if (rect_bottom (t) + 2 * MIN_RUN <= s->y)
    {
      path_add (path, x, s->y);
      path_add (path, x, rect_bottom (t));
    }
  else
    return FALSE;

  return TRUE;
}

/* Where a route ends on the target: its top edge from the channel above
 * it when it lies lower than the source, else its bottom edge. */
static void
add_entry_from_channel (Path       *path,
                        double      x_from,
                        const Card *from,
                        const Card *to)
{
  const BpRect *t = &to->rect;
  gboolean below = rect_centre_y (t) > rect_centre_y (&from->rect);
  double y = below ? channel_above (to) : channel_below (to);

  path_add_clear (path, x_from, y);
  path_add_clear (path, rect_centre_x (t), y);
  path_add_clear (path, rect_centre_x (t), below ? t->y : rect_bottom (t));
}

/* Out of the right edge into the gutter after the source's column, along
 * the channel beside the target, into its top or bottom edge. Only the
 * first run, in the source's own row, can cross a card. */
static void
route_around (const BpLayout *self,
              const Card     *from,
              const Card     *to,
              Path           *path)
{
  const BpRect *s = &from->rect;
  double x = gutter_after (self, from->stage);

  path->n = 0;
  path_add (path, rect_right (s), rect_centre_y (s));
  path_push (path, x, rect_centre_y (s), RUN_OUT_OF_ROW);
  add_entry_from_channel (path, x, from, to);
  path_simplify (path);
}

/* Out of the top or bottom edge into the channel beside the source, to
 * the gutter, to the channel beside the target, into it: every run is in
 * a gap free of cards. */
static void
route_by_channels (const BpLayout *self,
                   const Card     *from,
                   const Card     *to,
                   Path           *path)
{
  const BpRect *s = &from->rect;
  gboolean down = rect_centre_y (&to->rect) >= rect_centre_y (s);
  double x = gutter_after (self, from->stage);
  double y = down ? channel_below (from) : channel_above (from);

  path->n = 0;
  path_add (path, rect_centre_x (s), down ? rect_bottom (s) : s->y);
  path_add_clear (path, rect_centre_x (s), y);
  path_add_clear (path, x, y);
  add_entry_from_channel (path, x, from, to);
  path_simplify (path);
}

/* The simplest route that crosses no card, trying shapes from the most
 * natural to the one that is always clear. */
static void
route_flow (const BpLayout *self,
            const Card     *from,
            const Card     *to,
            Path           *path)
{
  if (to->rect.x >= rect_right (&from->rect) + 2 * MIN_RUN)
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

static BpRect
path_bounds (const Path *path)
{
  double x0 = path->points[0].x, x1 = x0;
  double y0 = path->points[0].y, y1 = y0;

  for (guint i = 1; i < path->n; i++)
    {
      x0 = MIN (x0, path->points[i].x);
      x1 = MAX (x1, path->points[i].x);
      y0 = MIN (y0, path->points[i].y);
      y1 = MAX (y1, path->points[i].y);
    }

  return (BpRect) { x0, y0, x1 - x0, y1 - y0 };
}

static const Card *
flow_card (BpLayout   *self,
           const char *id)
{
  guint position;

  if (!lookup_position (self, id, ITEM_STEP, &position) || !self->cards[position].placed)
    return NULL;
  return &self->cards[position];
}

static void
route_flows (BpLayout *self)
{
  self->n_flows = bp_document_get_n_flows (self->document);
  self->routes = g_new0 (Route, self->n_flows);

  for (guint i = 0; i < self->n_flows; i++)
    {
      BpFlow *flow = bp_document_get_flow (self->document, i);
      const Card *from = flow_card (self, bp_flow_get_from (flow));
      const Card *to = flow_card (self, bp_flow_get_to (flow));
      Route *route = &self->routes[i];
      Path path = { .n = 0 };

      remember_item (self, BP_ITEM (flow), ITEM_FLOW, i);

      if (from == NULL || to == NULL || from == to)
        continue;

      route_flow (self, from, to, &path);
      if (path.n < 2)
        continue;

      route->first = self->points->len;
      route->n_points = path.n;
      route->bounds = path_bounds (&path);
      g_array_append_vals (self->points, path.points, path.n);
    }
}

static const BpRect *
card_box (const BpLayout *self,
          guint           index)
{
  return self->cards[index].placed ? &self->cards[index].rect : NULL;
}

static const BpRect *
route_box (const BpLayout *self,
           guint           index)
{
  return self->routes[index].n_points > 0 ? &self->routes[index].bounds : NULL;
}

void
bp_layout_update (BpLayout *self)
{
  g_return_if_fail (BP_IS_LAYOUT (self));

  bp_layout_clear (self);
  self->ids = g_string_chunk_new (4096);

  collect_stages_and_lanes (self);
  collect_cards (self);
  stack_cards (self);
  place_columns_and_bands (self);
  place_cards (self);
  find_lines (self);

  /* Routes avoid cards through the step grid, so it comes first. */
  grid_build (&self->step_grid, self, self->n_steps, card_box);
  route_flows (self);
  grid_build (&self->flow_grid, self, self->n_flows, route_box);
}

/* Geometry */

void
bp_layout_get_bounds (BpLayout *self,
                      BpRect   *rect)
{
  g_return_if_fail (BP_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  *rect = (BpRect) { 0, 0, self->width, self->height };
}

void
bp_layout_get_title_rect (BpLayout *self,
                          BpRect   *rect)
{
  g_return_if_fail (BP_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  *rect = (BpRect) { 0, 0, self->width, BP_LAYOUT_TITLE_HEIGHT };
}

double
bp_layout_get_header_width (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), 0);
  return BP_LAYOUT_HEADER_WIDTH;
}

double
bp_layout_get_header_height (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), 0);
  return BP_LAYOUT_HEADER_HEIGHT;
}

gboolean
bp_layout_get_stage_rect (BpLayout *self,
                          guint     position,
                          BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_stages)
    return FALSE;
  *rect = self->columns[position];
  return TRUE;
}

gboolean
bp_layout_get_stage_header_rect (BpLayout *self,
                                 guint     position,
                                 BpRect   *rect)
{
  if (!bp_layout_get_stage_rect (self, position, rect))
    return FALSE;
  rect->height = BP_LAYOUT_HEADER_HEIGHT;
  return TRUE;
}

gboolean
bp_layout_get_lane_rect (BpLayout *self,
                         guint     position,
                         BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_lanes)
    return FALSE;
  *rect = self->bands[position];
  return TRUE;
}

gboolean
bp_layout_get_lane_header_rect (BpLayout *self,
                                guint     position,
                                BpRect   *rect)
{
  if (!bp_layout_get_lane_rect (self, position, rect))
    return FALSE;
  rect->width = BP_LAYOUT_HEADER_WIDTH;
  return TRUE;
}

gboolean
bp_layout_get_step_rect (BpLayout *self,
                         guint     position,
                         BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_steps || !self->cards[position].placed)
    return FALSE;
  *rect = self->cards[position].rect;
  return TRUE;
}

gboolean
bp_layout_get_item_rect (BpLayout *self,
                         BpItem   *item,
                         BpRect   *rect)
{
  ItemList list;
  guint position;

  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (BP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (bp_item_get_document (item) != self->document ||
      !lookup_item (self, bp_item_get_id (item), &list, &position))
    return FALSE;

  switch (list)
    {
    case ITEM_STAGE:
      return bp_layout_get_stage_rect (self, position, rect);

    case ITEM_LANE:
      return bp_layout_get_lane_rect (self, position, rect);

    case ITEM_STEP:
      return bp_layout_get_step_rect (self, position, rect);

    case ITEM_FLOW:
      if (self->routes[position].n_points == 0)
        return FALSE;
      *rect = self->routes[position].bounds;
      return TRUE;

    default:
      break;
    }

  return FALSE;
}

const BpPoint *
bp_layout_get_flow_path (BpLayout *self,
                         guint     position,
                         guint    *n_points)
{
  const Route *route;

  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = 0;
  if (position >= self->n_flows || self->routes[position].n_points == 0)
    return NULL;

  route = &self->routes[position];
  *n_points = route->n_points;
  return &g_array_index (self->points, BpPoint, route->first);
}

gboolean
bp_layout_get_line_y (BpLayout *self,
                      BpLine    line,
                      double   *y)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (line < BP_N_LINES, FALSE);

  if (!self->line_shown[line])
    return FALSE;
  if (y != NULL)
    *y = self->line_y[line];
  return TRUE;
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
  if (vertical ? (value >= found->y && value < rect_bottom (found))
               : (value >= found->x && value < rect_right (found)))
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
query_grid (BpLayout      *self,
            const Grid    *grid,
            const BpRect  *rect,
            GridVisitFunc  collect)
{
  Collector collector = { self, rect, g_array_new (FALSE, FALSE, sizeof (guint)) };

  grid_visit (grid, rect, collect, &collector);
  sort_unique (collector.found);
  return collector.found;
}

GArray *
bp_layout_steps_in_rect (BpLayout     *self,
                         const BpRect *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  return query_grid (self, &self->step_grid, rect, collect_card);
}

GArray *
bp_layout_flows_in_rect (BpLayout     *self,
                         const BpRect *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  return query_grid (self, &self->flow_grid, rect, collect_route);
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
  const Route *route = &picker->layout->routes[index];
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
pick (BpLayout      *self,
      const Grid    *grid,
      double         x,
      double         y,
      double         reach,
      GridVisitFunc  visit)
{
  Picker picker = { self, x, y, -1, INFINITY };
  BpRect rect = { x - reach, y - reach, 2 * reach, 2 * reach };

  grid_visit (grid, &rect, visit, &picker);
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

void
bp_layout_hit_test (BpLayout *self,
                    double    x,
                    double    y,
                    BpHit    *hit)
{
  int lane = -1, stage = -1, found;
  BpRect title = { 0, 0, 0, 0 };

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

  if ((found = pick (self, &self->step_grid, x, y, 0, pick_card)) >= 0)
    {
      hit->kind = BP_HIT_STEP;
      hit->item = BP_ITEM (bp_document_get_step (self->document, found));
      return;
    }

  if ((found = pick (self, &self->flow_grid, x, y, BP_LAYOUT_FLOW_HIT, pick_route)) >= 0)
    {
      hit->kind = BP_HIT_FLOW;
      hit->item = BP_ITEM (bp_document_get_flow (self->document, found));
      return;
    }

  if (hit_line (self, x, y, &hit->line))
    {
      hit->kind = BP_HIT_LINE;
      return;
    }

  title.width = self->width;
  title.height = BP_LAYOUT_TITLE_HEIGHT;
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
