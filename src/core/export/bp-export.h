/* bp-export.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "model/bp-document.h"
#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* PNG, PDF and SVG files drawn by bp_render(), and the canonical .bpj. */

typedef enum {
  BP_EXPORT_FORMAT_PNG,
  BP_EXPORT_FORMAT_PDF,
  BP_EXPORT_FORMAT_SVG,
  BP_EXPORT_FORMAT_BPJ,
} BpExportFormat;

typedef enum {
  BP_EXPORT_PAGE_FIT,    /* one page the size of the blueprint */
  BP_EXPORT_PAGE_SLIDE,  /* a 16:9 page with margins, the blueprint fitted */
} BpExportPage;

typedef enum {
  BP_EXPORT_LEGEND_AUTO,  /* on a PDF slide, not otherwise */
  BP_EXPORT_LEGEND_ON,
  BP_EXPORT_LEGEND_OFF,
} BpExportLegend;

typedef struct {
  BpExportFormat format;
  double         scale;        /* PNG: 1, 2, 3 … */
  gboolean       transparent;  /* PNG: no white background */
  BpExportPage   page;         /* PDF */
  gboolean       dark;         /* the dark variant; exports are light by default */
  /* The stages drawn, by position, both included; -1 as the last means
   * the last stage. A range draws those columns after the lane header
   * column, under the title band. */
  int            first_stage;
  int            last_stage;
  gboolean       page_per_stage; /* PDF: one page for each stage of the range */
  /* PDF slides (BP_EXPORT_PAGE_SLIDE): how many consecutive stages each
   * slide shows; 0 as many as fit with readable card text (see
   * bp-slides.h). page_per_stage makes it 1. */
  guint          stages_per_slide;
  /* The legend of the marks on cards, at the right of the title band. */
  BpExportLegend legend;
  /* The blueprint to compare the exported one with (the service as it
   * was), or NULL: the export draws what changed since it, as the
   * editor's Compare With… does (render/bp-render-compare.h), with the
   * legend of those marks before the other legend, in every format,
   * unless the legend is BP_EXPORT_LEGEND_OFF. Borrowed; only read. */
  BpDocument    *compare_with;
  /* The blueprint's figures: each stage's time row and the badges of the
   * cards and flows that raised a check (as the canvas shows them). */
  gboolean       insights;
} BpExportOptions;

/* Whether an export with @options draws the legend of the marks on
 * cards, and that of a comparison's marks. */
gboolean   bp_export_wants_legend     (const BpExportOptions *options);
gboolean   bp_export_wants_compare_legend (const BpExportOptions *options);

/* How far an export has come, from 0 to 1; called in the exporting
 * thread. */
typedef void (*BpExportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* PNG, scale 1, white, fitted page, light, every stage on one page;
 * slides, when asked for, with as many stages as fit. */
void       bp_export_options_init     (BpExportOptions       *options);
/* From the extension of @path (.png .pdf .svg .bpj, any case). */
gboolean   bp_export_format_for_path  (const char            *path,
                                       BpExportFormat        *format);

/* Writes @path atomically; on failure returns FALSE with a message that
 * says why, and leaves no file behind (an existing file stays as it was). */
gboolean   bp_export_to_file          (BpDocument            *document,
                                       const char            *path,
                                       const BpExportOptions *options,
                                       GError               **error);

/* The same, reporting progress and stopping with G_IO_ERROR_CANCELLED
 * (and no file) when @cancellable is cancelled. Runs in any thread, as
 * long as nothing else uses @document meanwhile. */
gboolean   bp_export_to_file_full     (BpDocument            *document,
                                       const char            *path,
                                       const BpExportOptions *options,
                                       BpExportProgressFunc   progress,
                                       gpointer               progress_data,
                                       GCancellable          *cancellable,
                                       GError               **error);

/* Pixel size of a PNG export of the whole blueprint at @scale. */
void       bp_export_get_png_size     (BpDocument            *document,
                                       double                 scale,
                                       int                   *width,
                                       int                   *height);

/* What an export of @layout's document with @options looks like, for a
 * preview: how many pages (0 when the stage range is not in the
 * document), each page's size in the file's units (pixels for PNG,
 * points for PDF, CSS pixels for SVG), and its drawing at that size on
 * @cr, whose origin is the page's top left corner. */
guint      bp_export_get_n_pages      (BpLayout              *layout,
                                       const BpExportOptions *options);
gboolean   bp_export_get_page_size    (BpLayout              *layout,
                                       const BpExportOptions *options,
                                       guint                  page,
                                       double                *width,
                                       double                *height);
void       bp_export_draw_page        (cairo_t               *cr,
                                       BpLayout              *layout,
                                       const BpExportOptions *options,
                                       guint                  page);
/* The same page drawn as a PDF export draws it: everything but the
 * text, then the text in reading order, tagged on a PDF surface (tags
 * do nothing on others). It looks as bp_export_draw_page() does. */
void       bp_export_draw_page_tagged (cairo_t               *cr,
                                       BpLayout              *layout,
                                       const BpExportOptions *options,
                                       guint                  page);

G_END_DECLS
