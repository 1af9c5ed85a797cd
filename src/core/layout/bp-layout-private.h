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
 *  bp-layout-tracks.c parallel runs of routes moved apart
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

  gboolean       line_shown[BP_N_LINES];
  double         line_y[BP_N_LINES];

  BpLayoutItems *items;     /* id → list and position */
  BpCardMeasure *measure;   /* card text heights, kept across updates */

  BpLayoutIndex *step_index; /* the placed cards, by position */
  BpLayoutIndex *flow_index; /* the routes' bounds, by position */
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

/* Runs of routes in gutters and channels (bp-layout-tracks.c) */

typedef struct _BpLayoutTracks BpLayoutTracks;

BpLayoutTracks *bp_layout_tracks_new      (void);
void            bp_layout_tracks_free     (BpLayoutTracks   *tracks);
/* Adds the run from @a to @b, whose @b is self->points[@point]. */
void            bp_layout_tracks_add      (BpLayoutTracks   *tracks,
                                           const BpPoint    *a,
                                           const BpPoint    *b,
                                           guint             point);
/* Moves overlapping runs on the same strip apart in @points. */
void            bp_layout_tracks_separate (BpLayoutTracks   *tracks,
                                           GArray           *points);

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
