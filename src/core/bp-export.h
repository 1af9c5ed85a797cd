/* bp-export.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bp-document.h"

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

typedef struct {
  BpExportFormat format;
  double         scale;        /* PNG: 1, 2, 3 … */
  gboolean       transparent;  /* PNG: no white background */
  BpExportPage   page;         /* PDF */
  gboolean       dark;         /* the dark variant; exports are light by default */
} BpExportOptions;

/* PNG, scale 1, white, fitted page, light. */
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

/* Pixel size of a PNG export at @scale. */
void       bp_export_get_png_size     (BpDocument            *document,
                                       double                 scale,
                                       int                   *width,
                                       int                   *height);

G_END_DECLS
