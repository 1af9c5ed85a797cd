/* bp-layout.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* Geometry, in canvas units (1 unit = 1 pixel at 100 % zoom). */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} BpRect;

typedef struct {
  double x;
  double y;
} BpPoint;

/* The three lines between zones. */
typedef enum {
  BP_LINE_INTERACTION,          /* customer | frontstage */
  BP_LINE_VISIBILITY,           /* frontstage | backstage */
  BP_LINE_INTERNAL_INTERACTION, /* backstage | support */
} BpLine;

#define BP_N_LINES 3

/* The fixed measures of the layout, in canvas units. */
#define BP_LAYOUT_TITLE_HEIGHT   72.0  /* title, state and scenario */
#define BP_LAYOUT_HEADER_WIDTH   176.0 /* the lane header column */
#define BP_LAYOUT_HEADER_HEIGHT  48.0  /* the stage header row */
#define BP_LAYOUT_CARD_HEIGHT    84.0
#define BP_LAYOUT_CARD_TOP       18.0  /* band top to the first card row */
#define BP_LAYOUT_CARD_BOTTOM    18.0  /* last card row to the band bottom */
#define BP_LAYOUT_ROW_GAP        20.0  /* between stacked card rows */
#define BP_LAYOUT_STACK_GAP      8.0   /* least space between cards in a row */
#define BP_LAYOUT_STAGE_PADDING  24.0  /* right of a column's last card */
#define BP_LAYOUT_CARD_INSET     12.0  /* least room left of a column's first card */
#define BP_LAYOUT_FLOW_HIT       5.0   /* how near an arrow a hit counts */
#define BP_LAYOUT_LINE_HIT       4.0   /* how near a line a hit counts */
#define BP_LAYOUT_LABEL_MAX_WIDTH 180.0 /* of a flow label's text */
#define BP_LAYOUT_LABEL_PAD_X    5.0   /* a flow label's text in its pill */
#define BP_LAYOUT_LABEL_PAD_Y    1.0

typedef enum {
  BP_HIT_NONE,
  BP_HIT_TITLE,          /* the title band */
  BP_HIT_STEP,           /* a card */
  BP_HIT_FLOW,           /* near an arrow */
  BP_HIT_STAGE_HEADER,   /* a column header */
  BP_HIT_LANE_HEADER,    /* a row header */
  BP_HIT_LINE,           /* on one of the three lines */
  BP_HIT_CELL,           /* empty space of a lane in a stage */
} BpHitKind;

typedef struct {
  BpHitKind kind;
  BpItem   *item;     /* the step, flow, stage or lane hit; borrowed */
  BpLane   *lane;     /* the lane band under the point, if any */
  BpStage  *stage;    /* the stage column under the point, if any */
  BpLine    line;     /* for BP_HIT_LINE */
} BpHit;

#define BP_TYPE_LAYOUT (bp_layout_get_type ())

G_DECLARE_FINAL_TYPE (BpLayout, bp_layout, BP, LAYOUT, GObject)

/* Where everything of a document goes.
 *
 * The canvas is, left to right, the lane header column and the stage
 * columns; top to bottom, the title band, the stage header row and the
 * lane bands. A stage column is at least as wide as its stage's width and
 * its cards need; a lane band at least as tall as its lane's height and
 * its stacked cards need: cards that would overlap in x in one lane and
 * stage are stacked in rows, never drawn on top of each other.
 *
 * The layout holds a reference to the document but does not follow its
 * changes: call bp_layout_update() after a change (the document's
 * "changed" signal). Queries are answered from a spatial index. */
BpLayout    *bp_layout_new              (BpDocument    *document);
BpDocument  *bp_layout_get_document     (BpLayout      *self);
void         bp_layout_update           (BpLayout      *self);

/* The whole blueprint: (0, 0, width, height). */
void         bp_layout_get_bounds       (BpLayout      *self,
                                         BpRect        *rect);
void         bp_layout_get_title_rect   (BpLayout      *self,
                                         BpRect        *rect);
/* The column of lane headers, below the title band. */
double       bp_layout_get_header_width (BpLayout      *self);
/* The row of stage headers, below the title band. */
double       bp_layout_get_header_height (BpLayout     *self);

/* Each by its position in the document's list. A stage's column spans
 * its header and every lane; a lane's band spans the header column and
 * every stage. Return FALSE past the end. */
gboolean     bp_layout_get_stage_rect   (BpLayout      *self,
                                         guint          position,
                                         BpRect        *rect);
gboolean     bp_layout_get_stage_header_rect (BpLayout *self,
                                         guint          position,
                                         BpRect        *rect);
gboolean     bp_layout_get_lane_rect    (BpLayout      *self,
                                         guint          position,
                                         BpRect        *rect);
gboolean     bp_layout_get_lane_header_rect (BpLayout  *self,
                                         guint          position,
                                         BpRect        *rect);
gboolean     bp_layout_get_step_rect    (BpLayout      *self,
                                         guint          position,
                                         BpRect        *rect);
/* By id: a step's card, a stage's column, a lane's band, or the bounding
 * box of a flow's route. FALSE for an item of another document, or one
 * added since the last update. */
gboolean     bp_layout_get_item_rect    (BpLayout      *self,
                                         BpItem        *item,
                                         BpRect        *rect);
/* The orthogonal route of a flow, from the edge of its first card to the
 * tip of its arrowhead at the second; borrowed, valid until the next
 * update. */
const BpPoint *bp_layout_get_flow_path  (BpLayout      *self,
                                         guint          position,
                                         guint         *n_points);
/* The pill of a flow's label, its text inset BP_LAYOUT_LABEL_PAD_X across
 * and BP_LAYOUT_LABEL_PAD_Y down;
 * FALSE when the flow has no label or no route. */
gboolean     bp_layout_get_flow_label_rect (BpLayout   *self,
                                         guint          position,
                                         BpRect        *rect);
/* FALSE when a zone on either side of the line is empty (not drawn). */
gboolean     bp_layout_get_line_y       (BpLayout      *self,
                                         BpLine         line,
                                         double        *y);

/* What is at a canvas point: a card first, then an arrow (within
 * BP_LAYOUT_FLOW_HIT), a line (within BP_LAYOUT_LINE_HIT, across the stage
 * columns), the title, a stage header, a lane header, a cell. hit->lane
 * and hit->stage are set whenever the point is in a band or a column. */
void         bp_layout_hit_test         (BpLayout      *self,
                                         double         x,
                                         double         y,
                                         BpHit         *hit);
/* Positions (in the document's step list) of the cards that intersect
 * @rect, ascending; a new array of guint. */
GArray      *bp_layout_steps_in_rect    (BpLayout      *self,
                                         const BpRect  *rect);
/* Positions of the flows whose route's bounding box intersects @rect. */
GArray      *bp_layout_flows_in_rect    (BpLayout      *self,
                                         const BpRect  *rect);
/* The lane band / stage column at a canvas y / x, or -1. */
int          bp_layout_lane_at_y        (BpLayout      *self,
                                         double         y);
int          bp_layout_stage_at_x       (BpLayout      *self,
                                         double         x);

gboolean     bp_rect_intersects         (const BpRect  *a,
                                         const BpRect  *b);
gboolean     bp_rect_contains           (const BpRect  *rect,
                                         double         x,
                                         double         y);

G_END_DECLS
