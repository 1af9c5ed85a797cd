/* bp-print-pages.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a blueprint goes onto pages of one size: fitted on one page, or at
 * a minimum scale across as many pages as it needs. Lengths on paper are
 * in device units (points when printing); the blueprint's in canvas
 * units. */
typedef struct {
  double scale;        /* device units per canvas unit */
  guint  columns;
  guint  rows;
  double page_width;   /* the printable area of one page */
  double page_height;
  double overlap;      /* the strip neighbouring pages share */
  /* Where the blueprint's top-left corner lies on the sheet that all the
   * pages make together: it is centred on that sheet. */
  double origin_x;
  double origin_y;
} BpPrintPages;

/* The least and the largest minimum scale bp_print_pages_init() takes. */
#define BP_PRINT_PAGES_MIN_SCALE 0.1
#define BP_PRINT_PAGES_MAX_SCALE 4.0

/* Lays out a blueprint of @width × @height canvas units on pages whose
 * printable area is @page_width × @page_height.
 *
 * With @minimum_scale 0 the blueprint is fitted to one page. Otherwise
 * it is printed at @minimum_scale (clamped to BP_PRINT_PAGES_MIN_SCALE …
 * BP_PRINT_PAGES_MAX_SCALE) or more: on the fewest columns and rows that hold
 * it at that scale, each neighbour sharing @overlap with the next, and
 * then enlarged to fill them. A blueprint that fits one page at more than
 * @minimum_scale is fitted to one page. */
void     bp_print_pages_init        (BpPrintPages       *tiling,
                                double          width,
                                double          height,
                                double          page_width,
                                double          page_height,
                                double          minimum_scale,
                                double          overlap);

guint    bp_print_pages_get_n_pages (const BpPrintPages *tiling);

/* Page @page, counted left to right, then top to bottom: its column and
 * row, and where the blueprint's top-left corner lies on it, in device
 * units from the printable area's top-left corner. */
void     bp_print_pages_get_page    (const BpPrintPages *tiling,
                                guint           page,
                                guint          *column,
                                guint          *row,
                                double         *x,
                                double         *y);

G_END_DECLS
