/* bp-layout-labels.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>
#include <pango/pangocairo.h>

/* A flow's label is a pill on its route. The layout measures it (in the
 * font the drawing uses for it) and chooses where it goes; the drawing
 * puts it there. */

/* As bp-render-text.c's FONT_SMALL, which draws the label's text. */
#define LABEL_FONT_FAMILY "Cantarell, Inter, sans-serif"
#define LABEL_FONT_SIZE   11.0
/* Around the text, in the pill: snug, so that a label fits between a
 * card and a line (18 units) and between two cards in a row. */
#define LABEL_PAD_X       BP_LAYOUT_LABEL_PAD_X
#define LABEL_PAD_Y       BP_LAYOUT_LABEL_PAD_Y
/* Past this many measured texts, start afresh. */
#define MAX_SIZES         4096

typedef struct {
  double width;
  double height;
} LabelSize;

struct _BpLayoutLabelSizes
{
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *font;
  GHashTable           *sizes;   /* text → LabelSize */
};

BpLayoutLabelSizes *
bp_layout_label_sizes_new (void)
{
  BpLayoutLabelSizes *self = g_new0 (BpLayoutLabelSizes, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The text cache's settings: unhinted, laid out at 1:1. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->scratch = pango_layout_new (self->context);

  self->font = pango_font_description_from_string (LABEL_FONT_FAMILY);
  pango_font_description_set_absolute_size (self->font, LABEL_FONT_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (self->font, PANGO_WEIGHT_NORMAL);

  self->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
bp_layout_label_sizes_free (BpLayoutLabelSizes *self)
{
  g_hash_table_unref (self->sizes);
  pango_font_description_free (self->font);
  g_object_unref (self->scratch);
  g_object_unref (self->context);
  g_free (self);
}

/* The pill around @text: one line, ellipsized at the widest a label may
 * be, line breaks as spaces (as bp_render_set_line_text() sets it). */
static LabelSize
measure (BpLayoutLabelSizes *self,
         const char         *text)
{
  LabelSize *size = g_hash_table_lookup (self->sizes, text);
  /* Enough characters to fill the widest label with the narrowest glyph
   * (0.2 em), as the drawing clips them. */
  gsize max_chars = (gsize) (BP_LAYOUT_LABEL_MAX_WIDTH / (LABEL_FONT_SIZE * 0.2) + 1);
  const char *end = text;
  g_autofree char *line = NULL;
  int w, h;

  if (size != NULL)
    return *size;

  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    {
      const char *next = g_utf8_next_char (end);

      while (++end < next)
        if (*end == '\0')
          break;
    }
  line = g_strndup (text, end - text);
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  pango_layout_set_font_description (self->scratch, self->font);
  pango_layout_set_wrap (self->scratch, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->scratch, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (self->scratch, (int) (BP_LAYOUT_LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_height (self->scratch, -1);
  pango_layout_set_text (self->scratch, line, -1);
  pango_layout_get_size (self->scratch, &w, &h);

  if (g_hash_table_size (self->sizes) >= MAX_SIZES)
    g_hash_table_remove_all (self->sizes);
  size = g_new (LabelSize, 1);
  size->width = (double) w / PANGO_SCALE + 2 * LABEL_PAD_X;
  size->height = (double) h / PANGO_SCALE + 2 * LABEL_PAD_Y;
  g_hash_table_insert (self->sizes, g_strdup (text), size);
  return *size;
}

/* Where a label goes. The pill sits on its route, where the route is
 * clear of the three lines, the cards and the labels placed before it:
 * tried from the middle of the route's middle segment outwards, along
 * each segment and then beside it. Where no such place is free, the one
 * least in the way. Placed labels are kept in a grid of cells, so each
 * try looks at its neighbours only. */

/* The side of a grid cell. */
#define CELL 128.0
/* Space kept between a label and another label, and between a label and
 * a line or a card. */
#define CLEARANCE      2.0
#define NEAR_CLEARANCE 0.4
/* A line is drawn 2 units wide. */
#define LINE_CLEARANCE 1.2
/* Between two tries along a segment. */
#define STEP 12.0
/* The most tries along one segment, either way from its middle. */
#define MAX_STEPS 12
/* Labels keep off the first and the last stretch of a route: its start
 * at a card and its arrowhead. */
#define END_ROOM 16.0

typedef struct {
  BpLayout   *layout;
  GHashTable *grid;     /* cell key → GArray of flow positions */
  BpLayoutIndex *tip_index; /* of tips */
  BpRect     *tips;     /* around each route's arrowhead and start */
  guint       flow;     /* the flow being labelled */
  BpRect      area;     /* the stage columns below their headers */
} Placer;

static double
segment_length (const BpPoint *a,
                const BpPoint *b)
{
  return fabs (b->x - a->x) + fabs (b->y - a->y);
}

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cx << 32) ^ (cy & 0xffffffff);
}

/* g_int64_hash() folds the two halves together, which sends the cells of
 * a diagonal to one bucket: mix the bits first. */
static guint
cell_hash (gconstpointer key)
{
  guint64 v = *(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (v >> 32);
}

static void
cell_range (const BpRect *rect,
            gint64       *x0,
            gint64       *y0,
            gint64       *x1,
            gint64       *y1)
{
  *x0 = (gint64) floor (rect->x / CELL);
  *y0 = (gint64) floor (rect->y / CELL);
  *x1 = (gint64) floor ((rect->x + rect->width) / CELL);
  *y1 = (gint64) floor ((rect->y + rect->height) / CELL);
}

static void
grid_add (GHashTable   *grid,
          const BpRect *rect,
          guint         flow)
{
  gint64 x0, y0, x1, y1;

  cell_range (rect, &x0, &y0, &x1, &y1);
  for (gint64 cx = x0; cx <= x1; cx++)
    for (gint64 cy = y0; cy <= y1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (grid, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, flow);
      }
}

static void
remember_label (Placer *placer,
                guint   flow)
{
  grid_add (placer->grid, &placer->layout->label_rects[flow], flow);
}

/* Around the stretch of a route from @end towards @next: @reach long,
 * 2 × @half wide. */
static BpRect
end_rect (BpPoint end,
          BpPoint next,
          double  reach,
          double  half)
{
  if (end.x == next.x)
    return (BpRect) { end.x - half, MIN (end.y, end.y + (next.y > end.y ? reach : -reach)),
                      2 * half, reach };
  return (BpRect) { MIN (end.x, end.x + (next.x > end.x ? reach : -reach)), end.y - half,
                    reach, 2 * half };
}

/* A label on another flow's arrowhead hides where that flow goes, and
 * one on another flow's start at its card reads as that flow's label:
 * both ends of every routed flow are kept clear of labels. tips[2 i] is
 * flow i's arrowhead, tips[2 i + 1] its start. */
#define START_REACH 8.0
#define START_HALF  1.5

static void
remember_tips (Placer *placer)
{
  BpLayout *self = placer->layout;

  placer->tips = g_new0 (BpRect, 2 * self->n_flows);
  placer->tip_index = bp_layout_index_new (2 * self->n_flows);
  for (guint i = 0; i < self->n_flows; i++)
    {
      const BpLayoutRoute *route = &self->routes[i];
      const BpPoint *p;
      guint n = route->n_points;

      if (n < 2)
        continue;
      p = &g_array_index (self->points, BpPoint, route->first);
      placer->tips[2 * i] = end_rect (p[n - 1], p[n - 2], BP_LAYOUT_ARROW_LENGTH, BP_LAYOUT_ARROW_HALF_WIDTH);
      placer->tips[2 * i + 1] = end_rect (p[0], p[1], MIN (START_REACH, segment_length (&p[0], &p[1])),
                                          START_HALF);
      bp_layout_index_insert (placer->tip_index, 2 * i, &placer->tips[2 * i]);
      bp_layout_index_insert (placer->tip_index, 2 * i + 1, &placer->tips[2 * i + 1]);
    }
}

static double
overlap_area (const BpRect *a,
              const BpRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

typedef struct {
  const BpLayout *layout;
  BpRect          rect;   /* the label with its clearance */
  double          cost;
  gboolean        stop_at_any;
  const BpRect   *tips;
  guint           flow;
} Probe;

static gboolean
add_end_cost (guint    index,
              gpointer user_data)
{
  Probe *probe = user_data;
  double area = index / 2 == probe->flow ? 0 : overlap_area (&probe->rect, &probe->tips[index]);

  probe->cost += area;
  return area > 0 && probe->stop_at_any;
}

static gboolean
add_card_cost (guint    index,
               gpointer user_data)
{
  Probe *probe = user_data;
  double area = overlap_area (&probe->rect, &probe->layout->cards[index].rect);

  probe->cost += area;
  return area > 0 && probe->stop_at_any;
}

/* How much of @rect lies on lines, cards, placed labels or outside the
 * stage columns: 0 when it is free. With @stop_at_any, only whether. */
static double
spot_cost (Placer       *placer,
           const BpRect *rect,
           gboolean      stop_at_any)
{
  BpLayout *self = placer->layout;
  Probe probe = {
    self,
    { rect->x - NEAR_CLEARANCE, rect->y - NEAR_CLEARANCE,
      rect->width + 2 * NEAR_CLEARANCE, rect->height + 2 * NEAR_CLEARANCE },
    0, stop_at_any, placer->tips, placer->flow,
  };
  BpRect spaced = {
    rect->x - CLEARANCE, rect->y - CLEARANCE, rect->width + 2 * CLEARANCE, rect->height + 2 * CLEARANCE,
  };
  gint64 x0, y0, x1, y1;

  /* Outside the columns counts heavily: the pill would be cut off. */
  probe.cost += 4 * (rect->width * rect->height - overlap_area (rect, &placer->area));

  for (guint i = 0; i < BP_N_LINES; i++)
    if (self->line_shown[i] && rect->y - LINE_CLEARANCE < self->line_y[i] &&
        self->line_y[i] < rect->y + rect->height + LINE_CLEARANCE)
      probe.cost += 2 * rect->width * rect->height;
  if (probe.cost > 0 && stop_at_any)
    return probe.cost;

  cell_range (&spaced, &x0, &y0, &x1, &y1);
  for (gint64 cx = x0; cx <= x1; cx++)
    for (gint64 cy = y0; cy <= y1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (placer->grid, &key);

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            probe.cost += overlap_area (&spaced, &self->label_rects[g_array_index (cell, guint, k)]);
            if (probe.cost > 0 && stop_at_any)
              return probe.cost;
          }
      }

  if (bp_layout_index_query (placer->tip_index, &probe.rect, add_end_cost, &probe))
    return probe.cost;
  bp_layout_index_query (self->step_index, &probe.rect, add_card_cost, &probe);
  return probe.cost;
}

/* The route's middle segment (the longer of two middle ones). */
static guint
middle_segment (const BpPoint *points,
                guint          n_points)
{
  guint n_segments = n_points - 1;
  guint s = (n_segments - 1) / 2;

  if (n_segments % 2 == 0 &&
      segment_length (&points[s + 1], &points[s + 2]) > segment_length (&points[s], &points[s + 1]))
    s++;
  return s;
}

/* The pill of @size centred @along units from the middle of segment
 * @s; @side 0 on it, -1 and 1 beside it (above and below a horizontal
 * run, left and right of a vertical one). */
static BpRect
spot (const BpPoint *points,
      guint          s,
      double         along,
      int            side,
      LabelSize      size)
{
  const BpPoint *a = &points[s], *b = &points[s + 1];
  double length = segment_length (a, b);
  double x = (a->x + b->x) / 2 + (b->x - a->x) / length * along;
  double y = (a->y + b->y) / 2 + (b->y - a->y) / length * along;

  if (a->y == b->y)
    y += side * (size.height / 2 + CLEARANCE + 1);
  else
    x += side * (size.width / 2 + CLEARANCE + 1);

  return (BpRect) { x - size.width / 2, y - size.height / 2, size.width, size.height };
}

/* The channel between a row of cards and a line (18 units) is a little
 * wider than a pill, but a pill centred on a run along the channel's
 * middle reaches the line: slides a pill on horizontal run @a–@b off a
 * line it would sit on, as long as the run still passes through the
 * pill and not near its edge. */
#define RUN_INSIDE 3.0

static BpRect
off_lines (const Placer  *placer,
           const BpPoint *a,
           const BpPoint *b,
           BpRect         rect)
{
  const BpLayout *self = placer->layout;

  if (a->y != b->y)
    return rect;

  for (guint i = 0; i < BP_N_LINES; i++)
    {
      double y = self->line_y[i];
      double top = rect.y;

      if (!self->line_shown[i] || y <= rect.y - LINE_CLEARANCE ||
          y >= rect.y + rect.height + LINE_CLEARANCE)
        continue;
      if (y > a->y)
        top = y - LINE_CLEARANCE - 0.05 - rect.height;
      else
        top = y + LINE_CLEARANCE + 0.05;
      if (a->y < top + RUN_INSIDE || a->y > top + rect.height - RUN_INSIDE)
        return rect;
      rect.y = top;
    }
  return rect;
}

/* How far from its middle a label may go along segment @s: not into the
 * route's first or last stretch. */
static double
reach_along (const BpPoint *points,
             guint          n_points,
             guint          s)
{
  double half = segment_length (&points[s], &points[s + 1]) / 2;

  if (s == 0 || s + 2 == n_points)
    half -= END_ROOM;
  return MAX (half, 0);
}

/* The most places tried for one label, and of those the most weighed
 * for the least bad one: a label among many must not slow the layout. */
#define MAX_TRIES   64
#define MAX_WEIGHED 4

typedef struct {
  BpRect rect;
  double cost;
  guint  tries;
} Best;

static gboolean
try_spot (Placer       *placer,
          const BpRect *rect,
          Best         *best)
{
  double cost;

  /* Out of tries: stop here, with the least bad so far. */
  if (best->tries++ >= MAX_TRIES)
    return TRUE;
  if (spot_cost (placer, rect, TRUE) == 0)
    {
      best->rect = *rect;
      best->cost = 0;
      return TRUE;
    }
  if (best->tries > MAX_WEIGHED)
    return FALSE;
  cost = spot_cost (placer, rect, FALSE);
  if (cost < best->cost)
    {
      best->rect = *rect;
      best->cost = cost;
    }
  return FALSE;
}

/* The pill beside a vertical segment from @a to @b (@side -1 left, 1
 * right, 0 on it), centred at @y. */
static BpRect
spot_at_y (const BpPoint *a,
           int            side,
           double         y,
           LabelSize      size)
{
  double x = a->x + side * (size.width / 2 + CLEARANCE + 1);

  return (BpRect) { x - size.width / 2, y - size.height / 2, size.width, size.height };
}

/* A vertical run that crosses a line has room for its label only in the
 * narrow band between the line and a card: tries the label just above
 * and just below each line it crosses, beside the run and on it. */
static gboolean
try_beside_lines (Placer        *placer,
                  const BpPoint *a,
                  const BpPoint *b,
                  LabelSize      size,
                  Best          *best)
{
  const BpLayout *self = placer->layout;
  double lo = MIN (a->y, b->y), hi = MAX (a->y, b->y);
  double off = size.height / 2 + LINE_CLEARANCE + 0.05;
  /* Left first: marks sit on a card's top right corner. */
  static const int sides[] = { -1, 1, 0 };

  if (a->x != b->x)
    return FALSE;

  for (guint i = 0; i < BP_N_LINES; i++)
    {
      double y = self->line_y[i];

      if (!self->line_shown[i] || y <= lo || y >= hi)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
        for (int above = 0; above < 2; above++)
          {
            BpRect rect = spot_at_y (a, sides[k], above ? y - off : y + off, size);

            if (try_spot (placer, &rect, best))
              return TRUE;
          }
    }
  return FALSE;
}

/* Tries the places along segment @s, from its middle outwards, on it and
 * then beside it; TRUE when one was free. On the route, a label keeps off
 * its first and last stretch. */
static gboolean
try_segment (Placer        *placer,
             const BpPoint *points,
             guint          n_points,
             guint          s,
             LabelSize      size,
             Best          *best)
{
  double half = segment_length (&points[s], &points[s + 1]) / 2;

  for (int side = 0; side < 3; side++)
    {
      double reach = side == 0 ? reach_along (points, n_points, s) : half;
      double step = MAX (STEP, reach / MAX_STEPS);

      for (guint k = 0; k <= 2 * MAX_STEPS; k++)
        {
          double along = (k % 2 ? -1.0 : 1.0) * ((k + 1) / 2) * step;
          BpRect rect;

          if (fabs (along) > reach)
            break;
          rect = spot (points, s, along, side == 2 ? -1 : side, size);
          if (side == 0)
            rect = off_lines (placer, &points[s], &points[s + 1], rect);
          if (try_spot (placer, &rect, best))
            return TRUE;
        }
    }
  return try_beside_lines (placer, &points[s], &points[s + 1], size, best);
}

static BpRect
place_label (Placer        *placer,
             const BpPoint *points,
             guint          n_points,
             LabelSize      size)
{
  guint n_segments = n_points - 1;
  guint middle = middle_segment (points, n_points);
  Best best = { spot (points, middle, 0, 0, size), G_MAXDOUBLE, 0 };

  for (guint k = 0; k < 2 * n_segments; k++)
    {
      /* middle, middle + 1, middle - 1, middle + 2, … */
      int s = (int) middle + ((k % 2) ? -(int) ((k + 1) / 2) : (int) (k / 2));

      if (s < 0 || s >= (int) n_segments || segment_length (&points[s], &points[s + 1]) == 0)
        continue;
      if (try_segment (placer, points, n_points, s, size, &best))
        break;
    }

  return best.rect;
}

static void
grow_bounds (BpRect       *bounds,
             const BpRect *rect)
{
  double x0 = MIN (bounds->x, rect->x);
  double y0 = MIN (bounds->y, rect->y);
  double x1 = MAX (bounds->x + bounds->width, rect->x + rect->width);
  double y1 = MAX (bounds->y + bounds->height, rect->y + rect->height);

  *bounds = (BpRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
bp_layout_place_labels (BpLayout *self)
{
  Placer placer = {
    .layout = self,
    .area = { BP_LAYOUT_HEADER_WIDTH, BP_LAYOUT_TITLE_HEIGHT + BP_LAYOUT_HEADER_HEIGHT,
      self->width - BP_LAYOUT_HEADER_WIDTH,
      self->height - BP_LAYOUT_TITLE_HEIGHT - BP_LAYOUT_HEADER_HEIGHT },
  };

  self->label_rects = g_new0 (BpRect, self->n_flows);

  for (guint i = 0; i < self->n_flows; i++)
    {
      const char *label = bp_flow_get_label (bp_document_get_flow (self->document, i));
      const BpLayoutRoute *route = &self->routes[i];
      LabelSize size;

      if (label == NULL || label[0] == '\0' || route->n_points < 2)
        continue;

      if (self->label_sizes == NULL)
        self->label_sizes = bp_layout_label_sizes_new ();
      if (placer.grid == NULL)
        {
          placer.grid = g_hash_table_new_full (cell_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_array_unref);
          remember_tips (&placer);
        }
      placer.flow = i;

      size = measure (self->label_sizes, label);
      self->label_rects[i] = place_label (&placer, &g_array_index (self->points, BpPoint, route->first),
                                          route->n_points, size);
      remember_label (&placer, i);
      grow_bounds (&self->routes[i].bounds, &self->label_rects[i]);
    }

  g_clear_pointer (&placer.grid, g_hash_table_unref);
  g_clear_pointer (&placer.tip_index, bp_layout_index_free);
  g_free (placer.tips);
}
