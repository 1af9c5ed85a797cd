/* bp-print-pages.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "export/bp-print-pages.h"

#include <math.h>
#include <string.h>

/* More pages than anyone would print; keeps the counts far from
 * overflowing whatever the sizes. */
#define MAX_TILES_A_SIDE 10000

/* The length @tiles pages cover side by side, sharing @overlap. */
static double
span (guint  tiles,
      double page,
      double overlap)
{
  return tiles * page - (tiles - 1) * overlap;
}

/* The fewest pages that cover @length. */
static guint
tiles_needed (double length,
              double page,
              double overlap)
{
  double tiles;

  if (length <= page)
    return 1;

  /* A hair of rounding error must not add a page. */
  tiles = ceil ((length - overlap) / (page - overlap) - 1e-9);
  return (guint) CLAMP (tiles, 1, MAX_TILES_A_SIDE);
}

void
bp_print_pages_init (BpPrintPages *tiling,
                double    width,
                double    height,
                double    page_width,
                double    page_height,
                double    minimum_scale,
                double    overlap)
{
  double fit;

  g_return_if_fail (tiling != NULL);

  memset (tiling, 0, sizeof *tiling);
  width = MAX (width, 1);
  height = MAX (height, 1);
  tiling->page_width = page_width = MAX (page_width, 1);
  tiling->page_height = page_height = MAX (page_height, 1);
  /* Most of each page stays its own. */
  tiling->overlap = overlap = CLAMP (overlap, 0, MIN (page_width, page_height) / 4);

  tiling->columns = tiling->rows = 1;
  fit = MIN (page_width / width, page_height / height);

  if (minimum_scale <= 0 || fit >= CLAMP (minimum_scale, BP_PRINT_PAGES_MIN_SCALE, BP_PRINT_PAGES_MAX_SCALE))
    {
      tiling->scale = fit;
    }
  else
    {
      minimum_scale = CLAMP (minimum_scale, BP_PRINT_PAGES_MIN_SCALE, BP_PRINT_PAGES_MAX_SCALE);
      tiling->columns = tiles_needed (width * minimum_scale, page_width, overlap);
      tiling->rows = tiles_needed (height * minimum_scale, page_height, overlap);
      /* As large as those pages allow: the scale is a minimum. */
      tiling->scale = MIN (span (tiling->columns, page_width, overlap) / width,
                           span (tiling->rows, page_height, overlap) / height);
    }

  tiling->origin_x = (span (tiling->columns, page_width, overlap) - width * tiling->scale) / 2;
  tiling->origin_y = (span (tiling->rows, page_height, overlap) - height * tiling->scale) / 2;
}

guint
bp_print_pages_get_n_pages (const BpPrintPages *tiling)
{
  g_return_val_if_fail (tiling != NULL, 0);

  return tiling->columns * tiling->rows;
}

void
bp_print_pages_get_page (const BpPrintPages *tiling,
                    guint           page,
                    guint          *column,
                    guint          *row,
                    double         *x,
                    double         *y)
{
  guint c, r;

  g_return_if_fail (tiling != NULL);
  g_return_if_fail (tiling->columns > 0);

  c = page % tiling->columns;
  r = page / tiling->columns;

  if (column != NULL)
    *column = c;
  if (row != NULL)
    *row = r;
  if (x != NULL)
    *x = tiling->origin_x - c * (tiling->page_width - tiling->overlap);
  if (y != NULL)
    *y = tiling->origin_y - r * (tiling->page_height - tiling->overlap);
}
