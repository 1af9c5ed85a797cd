/* bp-canvas-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bp-canvas.h"
#include "insights/bp-insights.h"
#include "layout/bp-snap.h"

G_BEGIN_DECLS

/* Canvas units of empty space around the blueprint. */
#define BP_CANVAS_MARGIN 32.0
/* How close (widget pixels) the pointer must be to grab an edge. */
#define BP_CANVAS_EDGE_GRAB 5.0
/* How far the pointer must travel before a press becomes a drag. */
#define BP_CANVAS_DRAG_THRESHOLD 4.0

typedef enum {
  BP_DRAG_NONE,
  BP_DRAG_PENDING,      /* pressed, not yet moved past the threshold */
  BP_DRAG_MOVE,         /* moving the selected cards */
  BP_DRAG_RUBBER_BAND,  /* selecting with a rectangle */
  BP_DRAG_FLOW,         /* drawing an arrow from a card */
  BP_DRAG_LANE_EDGE,    /* resizing a lane */
  BP_DRAG_STAGE_EDGE,   /* resizing a stage */
  BP_DRAG_CARD_EDGE,    /* widening or narrowing a card by its right edge */
  BP_DRAG_PAN,          /* scrolling with the middle button */
  BP_DRAG_REORDER,      /* moving a lane or stage by its header */
} BpDragMode;

/* The sheet as last drawn while a gesture changed only the overlay, and
 * the view it was drawn for (bp-canvas-overlay.c). */
typedef struct {
  GskRenderNode  *node;      /* NULL when there is none */
  double          zoom;
  double          x;         /* the view's origin, canvas units */
  double          y;
  int             width;     /* widget pixels */
  int             height;
  int             scale;
  gboolean        dark;
  char           *hover_id;
} BpSheetCache;

/* A card being moved: where it was, and where it is going. */
typedef struct {
  BpStep       *step;   /* borrowed; the document holds it */
  BpRect        origin; /* its card when the drag began */
  BpSnapResult  landing;
} BpMovingCard;

struct _BpCanvas
{
  GtkDrawingArea  parent_instance;

  BpDocument     *document;
  BpLayout       *layout;
  BpViewState    *view;
  /* A comparison drawn over the blueprint, and the other blueprint laid
   * out (bp_canvas_set_comparison()); NULL when none. */
  BpComparison   *comparison;
  BpLayout       *compare_layout;
  gulong          changed_handler;
  guint           relayout_source;
  gboolean        layout_dirty;
  /* The figures of the document as last laid out, and whether the
   * relayout idle has yet to tell of them ("insights-changed"). */
  BpInsights     *insights;
  gboolean        insights_pending;
  gboolean        fit_pending;
  guint           fit_source;     /* the fit after the first allocation */

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  guint           dark : 1;
  guint           show_legend : 1;
  guint           show_crossings : 1;

  BpSelection    *selection;
  char           *hover_id;

  BpDragMode      drag_mode;
  BpDragMode      pending_mode;
  BpItem         *drag_item;       /* borrowed: the card, lane or stage grabbed */
  double          press_x;         /* canvas units */
  double          press_y;
  double          pointer_x;       /* canvas units */
  double          pointer_y;
  GArray         *moving;          /* of BpMovingCard */
  BpRect          rubber_band;
  double          edge_origin;     /* the lane's height or stage's width */
  double          pan_origin_x;
  double          pan_origin_y;
  gboolean        free_move;       /* Alt held: no snapping */
  gboolean        space_held;      /* Space held: the primary button pans */
  double          last_x;          /* the pointer, widget pixels */
  double          last_y;

  /* A card dragged from the palette, hovering over the canvas. */
  gboolean        drop_active;
  BpSnapResult    drop_landing;

  double          pinch_zoom;

  BpSheetCache    sheet_cache;

  GtkWidget      *card_editor;

  /* Whether the pointer is over the canvas, and where (widget pixels):
   * where pasted cards land. */
  GtkEventController *paste_motion;
  double          paste_x;
  double          paste_y;
  /* A flow drawn with the keys (drag_mode BP_DRAG_FLOW, drag_item its
   * start): the card it would end on. */
  gboolean        key_flow;
  char           *flow_target_id;
};

/* bp-canvas.c */
void      bp_canvas_ensure_layout     (BpCanvas     *self);
void      bp_canvas_set_hover         (BpCanvas     *self,
                                       const char   *id);
void      bp_canvas_scroll_by         (BpCanvas     *self,
                                       double        dx,
                                       double        dy);
void      bp_canvas_snap_options      (BpCanvas     *self,
                                       BpSnapOptions *options);

/* bp_layout_hit_test() of what is drawn at canvas point (@cx, @cy): the
 * frozen headers over the sheet first. */
void      bp_canvas_hit_test          (BpCanvas     *self,
                                       double        cx,
                                       double        cy,
                                       BpHit        *hit);
void      bp_canvas_draw_sheet        (BpCanvas     *self,
                                       cairo_t      *cr,
                                       int           width,
                                       int           height);

/* bp-canvas-input.c */
void      bp_canvas_init_input        (BpCanvas     *self);
/* The lane or stage position a header drag would move to, or -1. */
int       bp_canvas_reorder_target    (BpCanvas     *self);

/* bp-canvas-overlay.c */
void      bp_canvas_draw_overlays     (BpCanvas     *self,
                                       cairo_t      *cr);
void      bp_canvas_snapshot          (GtkWidget    *widget,
                                       GtkSnapshot  *snapshot);
void      bp_canvas_drop_sheet_cache  (BpCanvas     *self);

/* bp-canvas-insights.c: the tooltips of the check badges. */
void     bp_canvas_init_insights      (BpCanvas *self);

G_END_DECLS
