/* bp-layout-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "layout/bp-layout.h"
#include "layout/bp-layout-index.h"
#include "layout/bp-layout-text.h"

G_BEGIN_DECLS

/* BpLayout is split by concern:
 *
 *  bp-layout.c        the object; bp_layout_update() (columns, bands,
 *                     cards, lines) and the geometry getters
 *  bp-layout-stack.c  stacking the cards of each lane and stage in rows
 *  bp-layout-route.c  the orthogonal routes of the flows
 *  bp-layout-path.c   a route while it is made; runs that cross cards
 *  bp-layout-ports.c  each flow's own place on a card's side
 *  bp-layout-tracks.c parallel runs of routes moved apart
 *  bp-layout-labels.c where the flows' labels go
 *  bp-layout-hit.c    hit testing and the rect and point queries
 *  bp-layout-index.c  the spatial index the last two ask
 *  bp-layout-items.c  the table from an item's id to its place
 *  bp-layout-text.c   how tall a card's text makes it
 */

typedef struct {
  BpRect   rect;
  double   x;          /* from the stage's left edge */
  guint    lane;       /* positions in the document's lists */
  guint    stage;
  guint    row;        /* the stacking row within its lane and stage */
  double   y;          /* from the band's top, set by the stacking */
  gboolean placed;     /* FALSE when its lane or stage is missing */
  gboolean preceded;   /* another card is before it in its row */
  gboolean followed;   /* another card is after it in its row */
} BpLayoutCard;

typedef struct {
  guint  first;        /* into self->points */
  guint  n_points;     /* 0: no route */
  BpRect bounds;
} BpLayoutRoute;

/* What the item hash maps an id to: a list and a position in it. */
typedef enum {
  BP_LAYOUT_ITEM_STAGE,
  BP_LAYOUT_ITEM_LANE,
  BP_LAYOUT_ITEM_STEP,
  BP_LAYOUT_ITEM_FLOW,
} BpLayoutItemList;

typedef struct _BpLayoutItems BpLayoutItems;
typedef struct _BpLayoutLabelSizes BpLayoutLabelSizes;

struct _BpLayout
{
  GObject        parent_instance;

  BpDocument    *document;

  double         width;
  double         height;

  guint          n_stages;
  BpRect        *columns;   /* whole columns, the header row included */
  guint          n_lanes;
  BpRect        *bands;     /* whole bands, the header column included */

  guint          n_steps;
  BpLayoutCard  *cards;

  guint          n_flows;
  BpLayoutRoute *routes;
  GArray        *points;    /* BpPoint: every route's points in turn */
  BpRect        *label_rects; /* per flow; width 0: no label */
  BpLayoutLabelSizes *label_sizes; /* measured label texts, kept across updates */

  gboolean       line_shown[BP_N_LINES];
  double         line_y[BP_N_LINES];

  BpLayoutItems *items;     /* id → list and position */
  BpCardMeasure *measure;   /* card text heights, kept across updates */

  BpLayoutIndex *step_index; /* the placed cards, by position */
  BpLayoutIndex *flow_index; /* the routes' bounds, by position */

  struct _BpLayoutTracks *tracks; /* the separation's arrays, kept */
};

/* The item table (bp-layout-items.c): where each laid-out item's id
 * stands in the layout's lists. It copies the ids, as items may go away
 * before the next update. */

BpLayoutItems *bp_layout_items_new       (void);
void           bp_layout_items_free      (BpLayoutItems    *items);
void           bp_layout_items_clear     (BpLayoutItems    *items);
void           bp_layout_items_remember  (BpLayoutItems    *items,
                                          BpItem           *item,
                                          BpLayoutItemList  list,
                                          guint             position);
/* FALSE when @id (which may be NULL) is not in the table. */
gboolean       bp_layout_items_lookup    (BpLayoutItems    *items,
                                          const char       *id,
                                          BpLayoutItemList *list,
                                          guint            *position);
/* FALSE unless @id is an item of the list @wanted. */
gboolean       bp_layout_items_lookup_in (BpLayoutItems    *items,
                                          const char       *id,
                                          BpLayoutItemList  wanted,
                                          guint            *position);

/* The steps of bp_layout_update() that have files of their own */

/* Sets each placed card's row and grows the bands to hold the rows. */
void      bp_layout_stack_cards     (BpLayout         *self);
/* Routes every flow around the placed cards, through the step index. */
void      bp_layout_route_flows     (BpLayout         *self);

/* Sets each labelled flow's label rect, and grows its route's bounds to
 * hold it (bp-layout-labels.c). */
void      bp_layout_place_labels    (BpLayout         *self);
BpLayoutLabelSizes *bp_layout_label_sizes_new  (void);
void      bp_layout_label_sizes_free (BpLayoutLabelSizes *sizes);

/* Routes while they are made (bp-layout-path.c) */

/* The shortest straight run of an arrow out of or into a card. */
#define BP_LAYOUT_MIN_RUN 4.0
/* The most points a route has: six, and room to spare. */
#define BP_LAYOUT_MAX_ROUTE_POINTS 8
/* The arrowhead the drawing puts at a route's tip, and the room kept
 * around it and around a route's start: no other route comes nearer. */
#define BP_LAYOUT_ARROW_LENGTH     11.0
#define BP_LAYOUT_ARROW_HALF_WIDTH 5.5
#define BP_LAYOUT_ARROW_CLEARANCE  2.0

/* What may lie across a run of a route (the segment ending at a point). */
typedef enum {
  BP_RUN_CHECK,      /* any card: ask the spatial index */
  BP_RUN_CLEAR,      /* none: it lies in a gutter or a channel */
  BP_RUN_OUT_OF_ROW, /* from the source rightwards to its column's gutter:
                      * only a card after it in its row */
  BP_RUN_INTO_ROW,   /* from the gutter before the target's column to it:
                      * only a card before it in its row */
} BpRunKind;

typedef struct {
  BpPoint   points[BP_LAYOUT_MAX_ROUTE_POINTS];
  BpRunKind kind[BP_LAYOUT_MAX_ROUTE_POINTS];
  guint     n;
  gboolean  ports_moved;  /* an end moved off the middle of its side */
} BpLayoutPath;

void      bp_layout_path_push       (BpLayoutPath     *path,
                                     double            x,
                                     double            y,
                                     BpRunKind         kind);
/* Drops zero-length runs and points that are not bends. */
void      bp_layout_path_simplify   (BpLayoutPath     *path);
/* Whether the segment from @a to @b enters no card's inside. */
gboolean  bp_layout_run_is_clear    (const BpLayout   *self,
                                     const BpPoint    *a,
                                     const BpPoint    *b);
/* Whether the runs of @path that may cross a card (all but those in a
 * gutter or a channel) cross none. */
gboolean  bp_layout_path_is_clear   (const BpLayout   *self,
                                     const BpLayoutPath *path);

/* Spreads the ends of @paths (one per flow; n 0 for none) that share a
 * side of a card along it, each its own port, in the order their routes
 * head off, so that no two meet at a card (bp-layout-ports.c). @ends
 * holds the position of each flow's first and second card. */
void      bp_layout_spread_ports    (BpLayout         *self,
                                     BpLayoutPath     *paths,
                                     const guint      *ends);

typedef struct _BpLayoutTracks BpLayoutTracks;

BpLayoutTracks *bp_layout_tracks_new  (void);
void            bp_layout_tracks_free (BpLayoutTracks *tracks);
/* Room for @n paths, kept from one update to the next. */
BpLayoutPath   *bp_layout_tracks_paths (BpLayoutTracks *tracks,
                                        guint           n);

/* Moves runs of the routes in self->points that lie on or too near
 * another route's run, or across another's arrowhead, to tracks of
 * their own (bp-layout-tracks.c). @movable has a flag per point: the run
 * ending there may move sideways. */
void      bp_layout_tracks_separate (BpLayout         *self,
                                     const guint8     *movable);

/* Rect edges and centres */

static inline double
bp_rect_right (const BpRect *rect)
{
  return rect->x + rect->width;
}

static inline double
bp_rect_bottom (const BpRect *rect)
{
  return rect->y + rect->height;
}

static inline double
bp_rect_centre_x (const BpRect *rect)
{
  return rect->x + rect->width / 2;
}

static inline double
bp_rect_centre_y (const BpRect *rect)
{
  return rect->y + rect->height / 2;
}

G_END_DECLS
