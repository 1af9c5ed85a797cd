/* bp-pdf-tags.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "layout/bp-layout.h"
#include "render/bp-render.h"

G_BEGIN_DECLS

/* A tagged PDF: the structure tree that lets a screen reader (and
 * anything that reads the file) follow the blueprint as text, and an
 * outline entry for each stage.
 *
 * The page is drawn in two passes. First bp_render() with omit_text
 * draws everything but the text, untagged; then bp_pdf_tags_draw_text()
 * draws the text in reading order, each part inside its tag: the title
 * (H1) and scenario (P); per stage a Sect with the stage's name (H2)
 * and its lanes as a list (L, LI, Lbl, LBody) of steps, each a P; last
 * the flows as a Table (from, to, lines crossed). Text overlaps nothing
 * that the first pass draws over it, so the page looks the same.
 *
 * cairo 1.16 ignores Alt and ActualText, so words a reader needs and the
 * page does not show (the lane's name in every stage's list, a step's
 * marks, the flows' table) are drawn as text in a strip of bare
 * background and then covered with that background. Only tags cairo
 * 1.16.0 finishes cleanly are used (not Artifact, Em, Strong, Title,
 * Aside, FENote or Sub, and no named destinations), always balanced. */

/* One piece of a page: what of the canvas it shows, and where on the
 * page's drawing its top-left corner goes, in canvas units. */
typedef struct {
  BpRect area;
  double at_x;
  double at_y;
} BpPagePiece;

/* Where a page's text is. */
typedef struct {
  /* Zoom, colours, title width and how the scenario is set; each
   * piece's viewport is set from it. */
  BpRenderOptions render;
  double          dx;        /* where the drawing starts on the page */
  double          dy;
  gboolean        title;     /* the page has the title band */
  BpPagePiece     title_piece;
  BpPagePiece     headers;   /* the lane header column */
  BpPagePiece     stages;    /* the stage columns and their headers */
  guint           first;     /* the stages shown, both included */
  guint           last;
  BpRect          cover;     /* bare background, in page units */
} BpPageText;

/* The whole document's structure element; around every page. */
void     bp_pdf_tags_begin_document (cairo_t          *cr);
void     bp_pdf_tags_end_document   (cairo_t          *cr);

/* The page's text, tagged, in reading order; then the cover. */
void     bp_pdf_tags_draw_text      (cairo_t          *cr,
                                     BpLayout         *layout,
                                     const BpPageText *text);

/* An outline entry for each stage of the page, @page counted from 1,
 * pointing at its header. */
void     bp_pdf_tags_add_outline    (cairo_surface_t  *surface,
                                     BpLayout         *layout,
                                     const BpPageText *text,
                                     guint             page);

/* The title, subject (the scenario) and creator. */
void     bp_pdf_tags_set_metadata   (cairo_surface_t  *surface,
                                     BpDocument       *document);

G_END_DECLS
