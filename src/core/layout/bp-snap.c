/* bp-snap.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-snap.h"

#include <math.h>
#include <string.h>

#define DEFAULT_GRID           8.0
#define DEFAULT_GUIDE_DISTANCE 6.0

/* The three points of a card that align: left edge, centre, right edge,
 * as fractions of its width. */
static const double anchors[] = { 0.0, 0.5, 1.0 };

typedef struct {
  gboolean found;
  double   distance;
  double   guide_x;  /* canvas x of the other card's edge or centre */
  double   x;        /* the step x that puts the dragged anchor on it */
} Guide;

void
bp_snap_options_init (BpSnapOptions *options)
{
  g_return_if_fail (options != NULL);

  options->grid = DEFAULT_GRID;
  options->guide_distance = DEFAULT_GUIDE_DISTANCE;
  options->enabled = TRUE;
}

/* A pointer can come from anywhere (an event far off-screen, a zoom of
 * zero): NaN counts as 0 and infinities clamp, so the arithmetic below
 * stays finite. */
static double
sane (double value)
{
  if (isnan (value))
    return 0;
  return CLAMP (value, -G_MAXFLOAT, G_MAXFLOAT);
}

static double
clamp_step_x (double x)
{
  return CLAMP (x, 0, BP_STEP_MAX_X);
}

/* The first of @n ordered bands (or columns) that ends after @value, or
 * the last: a value on a boundary, or in a gap between two, belongs to the
 * one after it; before the first it belongs to the first, past the last
 * to the last. Bands are laid out in order, so bisect. */
static guint
position_at (BpLayout *layout,
             gboolean (*get_rect) (BpLayout *, guint, BpRect *),
             gboolean  vertical,
             guint     n,
             double    value)
{
  guint low = 0;
  guint high = n - 1;

  /* Invariant: every position before low ends at or before @value, and
   * high is the last position or one that ends after it. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      BpRect rect = { 0, };
      double end;

      get_rect (layout, mid, &rect);
      end = vertical ? rect.y + rect.height : rect.x + rect.width;
      if (end > value)
        high = mid;
      else
        low = mid + 1;
    }

  return low;
}

/* The height of the dragged card: its own card, or a new one's. */
static double
card_height (BpLayout *layout,
             BpStep   *moving)
{
  BpRect rect;

  if (moving != NULL && bp_layout_get_item_rect (layout, BP_ITEM (moving), &rect))
    return rect.height;

  return BP_LAYOUT_CARD_HEIGHT;
}

static gboolean
is_guide_card (BpStep     *step,
               BpStep     *moving,
               const char *lane_id,
               const char *stage_id)
{
  return step != NULL
         && step != moving
         && g_strcmp0 (bp_step_get_lane (step), lane_id) != 0
         && g_strcmp0 (bp_step_get_stage (step), stage_id) == 0;
}

/* Considers putting each anchor of the dragged card on @guide_x; keeps the
 * closest, then the leftmost guide, and only those that leave the card
 * inside its stage's range of x. */
static void
consider_guide (Guide  *best,
                double  guide_x,
                double  column_x,
                double  x,
                double  card_width,
                double  max_distance)
{
  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      double offset = anchors[i] * card_width;
      double distance = fabs (guide_x - (column_x + x + offset));
      double snapped = guide_x - offset - column_x;

      if (distance > max_distance || snapped < 0 || snapped > BP_STEP_MAX_X)
        continue;

      if (!best->found
          || distance < best->distance
          || (distance == best->distance && guide_x < best->guide_x))
        {
          best->found = TRUE;
          best->distance = distance;
          best->guide_x = guide_x;
          best->x = snapped;
        }
    }
}

/* The closest alignment with a card in another lane of the same stage. */
static Guide
find_guide (BpLayout     *layout,
            BpStep       *moving,
            BpLane       *lane,
            BpStage      *stage,
            const BpRect *column,
            double        x,
            double        card_width,
            double        max_distance)
{
  BpDocument *document = bp_layout_get_document (layout);
  const char *lane_id = bp_item_get_id (BP_ITEM (lane));
  const char *stage_id = bp_item_get_id (BP_ITEM (stage));
  g_autoptr(GArray) positions = bp_layout_steps_in_rect (layout, column);
  Guide best = { FALSE, 0, 0, 0 };

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);
      BpStep *step = bp_document_get_step (document, position);
      BpRect rect;

      if (!is_guide_card (step, moving, lane_id, stage_id)
          || !bp_layout_get_step_rect (layout, position, &rect))
        continue;

      consider_guide (&best, rect.x, column->x, x, card_width, max_distance);
      consider_guide (&best, rect.x + rect.width / 2, column->x, x, card_width, max_distance);
      consider_guide (&best, rect.x + rect.width, column->x, x, card_width, max_distance);
    }

  return best;
}

/* The nearest multiple of @grid, kept within the stage's range of x. */
static double
snap_to_grid (double x,
              double grid)
{
  double snapped = round (x / grid) * grid;

  if (snapped > BP_STEP_MAX_X)
    snapped = floor (BP_STEP_MAX_X / grid) * grid;
  return MAX (snapped, 0);
}

static void
snap_x (BpLayout            *layout,
        BpStep              *moving,
        const BpRect        *column,
        double               card_width,
        const BpSnapOptions *options,
        BpSnapResult        *result)
{
  double grid = sane (options->grid);
  double guide_distance = sane (options->guide_distance);

  if (!options->enabled)
    return;

  if (guide_distance > 0)
    {
      Guide guide = find_guide (layout, moving, result->lane, result->stage,
                                column, result->x, card_width, guide_distance);

      if (guide.found)
        {
          result->x = guide.x;
          result->has_guide = TRUE;
          result->guide_x = guide.guide_x;
          return;
        }
    }

  if (grid > 0)
    result->x = snap_to_grid (result->x, grid);
}

gboolean
bp_snap_card (BpLayout            *layout,
              BpStep              *moving,
              double               card_width,
              double               left,
              double               top,
              const BpSnapOptions *options,
              BpSnapResult        *result)
{
  BpSnapOptions defaults;
  BpDocument *document;
  BpRect band = { 0, }, column = { 0, };
  guint n_lanes, n_stages, lane, stage;
  double height;

  g_return_val_if_fail (BP_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (moving == NULL || BP_IS_STEP (moving), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  if (options == NULL)
    {
      bp_snap_options_init (&defaults);
      options = &defaults;
    }

  document = bp_layout_get_document (layout);
  n_lanes = bp_document_get_n_lanes (document);
  n_stages = bp_document_get_n_stages (document);
  if (n_lanes == 0 || n_stages == 0)
    return FALSE;

  card_width = CLAMP (sane (card_width), 0, BP_STEP_MAX_WIDTH);
  left = sane (left);
  top = sane (top);
  height = card_height (layout, moving);

  lane = position_at (layout, bp_layout_get_lane_rect, TRUE, n_lanes, top + height / 2);
  stage = position_at (layout, bp_layout_get_stage_rect, FALSE, n_stages, left + card_width / 2);
  bp_layout_get_lane_rect (layout, lane, &band);
  bp_layout_get_stage_rect (layout, stage, &column);

  result->lane = bp_document_get_lane (document, lane);
  result->stage = bp_document_get_stage (document, stage);
  result->x = clamp_step_x (left - column.x);
  snap_x (layout, moving, &column, card_width, options, result);

  result->card.x = column.x + result->x;
  result->card.y = band.y + BP_LAYOUT_CARD_TOP;
  result->card.width = card_width;
  result->card.height = height;

  return TRUE;
}

BpLane *
bp_snap_neighbour_lane (BpDocument *document,
                        BpLane     *lane,
                        int         direction)
{
  int position;
  gint64 neighbour;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (BP_IS_LANE (lane), NULL);

  position = bp_document_get_position (document, BP_ITEM (lane));
  if (position < 0 || direction == 0)
    return NULL;

  neighbour = (gint64) position + (direction < 0 ? -1 : 1);
  if (neighbour < 0 || neighbour >= bp_document_get_n_lanes (document))
    return NULL;

  return bp_document_get_lane (document, (guint) neighbour);
}

void
bp_snap_rubber_band (double  x1,
                     double  y1,
                     double  x2,
                     double  y2,
                     BpRect *rect)
{
  g_return_if_fail (rect != NULL);

  x1 = sane (x1);
  y1 = sane (y1);
  x2 = sane (x2);
  y2 = sane (y2);

  rect->x = MIN (x1, x2);
  rect->y = MIN (y1, y2);
  rect->width = fabs (x2 - x1);
  rect->height = fabs (y2 - y1);
}
