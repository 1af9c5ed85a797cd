/* bp-navigate.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <math.h>

#include "edit/bp-navigate.h"

/* A card's place: its stage's and lane's positions and its x. */
typedef struct {
  int    stage;
  int    lane;
  double x;
} Place;

static Place
place_of (BpDocument *document,
          BpStep     *step)
{
  Place place;

  place.stage = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_stage (step)));
  place.lane = bp_document_get_position (document, bp_document_lookup (document, bp_step_get_lane (step)));
  place.x = bp_step_get_x (step);
  return place;
}

static int
compare_places (const Place *a,
                const Place *b)
{
  if (a->stage != b->stage)
    return a->stage < b->stage ? -1 : 1;
  if (a->lane != b->lane)
    return a->lane < b->lane ? -1 : 1;
  if (a->x != b->x)
    return a->x < b->x ? -1 : 1;
  return 0;
}

static int
compare_steps (gconstpointer a,
               gconstpointer b,
               gpointer      document)
{
  Place pa = place_of (document, *(BpStep **) a);
  Place pb = place_of (document, *(BpStep **) b);
  int order = compare_places (&pa, &pb);

  /* Cards at one place keep the document's order. */
  if (order == 0)
    order = bp_document_get_position (document, *(BpItem **) a) -
            bp_document_get_position (document, *(BpItem **) b);
  return order;
}

GPtrArray *
bp_navigate_reading_order (BpDocument *document)
{
  guint n;
  GPtrArray *steps;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  n = bp_document_get_n_steps (document);
  steps = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (steps, bp_document_get_step (document, i));
  g_ptr_array_sort_with_data (steps, compare_steps, document);
  return steps;
}

BpStep *
bp_navigate_next (BpDocument *document,
                  BpStep     *from,
                  int         direction)
{
  g_autoptr(GPtrArray) order = NULL;
  guint index;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (from == NULL || BP_IS_STEP (from), NULL);

  order = bp_navigate_reading_order (document);
  if (order->len == 0)
    return NULL;

  if (from == NULL || !g_ptr_array_find (order, from, &index))
    return g_ptr_array_index (order, direction < 0 ? order->len - 1 : 0);

  index = (index + order->len + (direction < 0 ? -1 : 1)) % order->len;
  return g_ptr_array_index (order, index);
}

/* Left and right: the card before or after @from among its lane's cards,
 * in reading order. */
static BpStep *
along_lane (BpDocument *document,
            BpStep     *from,
            int         direction)
{
  g_autoptr(GPtrArray) order = bp_navigate_reading_order (document);
  Place origin = place_of (document, from);
  guint index;

  g_ptr_array_find (order, from, &index);
  for (int i = (int) index + direction; i >= 0 && i < (int) order->len; i += direction)
    {
      BpStep *step = g_ptr_array_index (order, i);

      if (place_of (document, step).lane == origin.lane)
        return step;
    }
  return NULL;
}

/* Up and down: the closest lane in that direction with a card in the
 * stage, and there the card nearest in x. */
static BpStep *
across_lanes (BpDocument *document,
              BpStep     *from,
              int         direction)
{
  Place origin = place_of (document, from);
  BpStep *best = NULL;
  Place best_place = { 0 };

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      Place place = place_of (document, step);
      int distance = (place.lane - origin.lane) * direction;
      int best_distance = (best_place.lane - origin.lane) * direction;

      if (place.stage != origin.stage || distance <= 0)
        continue;
      if (best == NULL || distance < best_distance ||
          (distance == best_distance &&
           fabs (place.x - origin.x) < fabs (best_place.x - origin.x)))
        {
          best = step;
          best_place = place;
        }
    }
  return best;
}

BpStep *
bp_navigate_neighbour (BpDocument          *document,
                       BpStep              *from,
                       BpNavigateDirection  direction)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (BP_IS_STEP (from), NULL);
  g_return_val_if_fail (bp_item_get_document (BP_ITEM (from)) == document, NULL);

  switch (direction)
    {
    case BP_NAVIGATE_LEFT:
      return along_lane (document, from, -1);
    case BP_NAVIGATE_RIGHT:
      return along_lane (document, from, 1);
    case BP_NAVIGATE_UP:
      return across_lanes (document, from, -1);
    case BP_NAVIGATE_DOWN:
      return across_lanes (document, from, 1);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The stage @offset places from @stage, or NULL. */
static BpItem *
stage_beside (BpDocument *document,
              BpItem     *stage,
              int         offset)
{
  int position = bp_document_get_position (document, stage) + offset;

  if (position < 0 || position >= (int) bp_document_get_n_stages (document))
    return NULL;
  return BP_ITEM (bp_document_get_stage (document, position));
}

static BpItem *
first_card_of_stage (BpDocument *document,
                     BpItem     *stage)
{
  g_autoptr(GPtrArray) order = bp_navigate_reading_order (document);

  for (guint i = 0; i < order->len; i++)
    if (g_strcmp0 (bp_step_get_stage (g_ptr_array_index (order, i)),
                   bp_item_get_id (stage)) == 0)
      return g_ptr_array_index (order, i);
  return NULL;
}

static BpItem *
move_from_stage (BpDocument          *document,
                 BpItem              *stage,
                 BpNavigateDirection  direction)
{
  switch (direction)
    {
    case BP_NAVIGATE_LEFT:
      return stage_beside (document, stage, -1);
    case BP_NAVIGATE_RIGHT:
      return stage_beside (document, stage, 1);
    case BP_NAVIGATE_DOWN:
      return first_card_of_stage (document, stage);
    case BP_NAVIGATE_UP:
    default:
      return NULL;
    }
}

BpItem *
bp_navigate_move (BpDocument          *document,
                  BpItem              *from,
                  BpNavigateDirection  direction)
{
  BpItem *stage;
  BpStep *step;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (from == NULL || bp_item_get_document (from) == document, NULL);

  if (from == NULL)
    {
      step = bp_navigate_next (document, NULL, 1);
      if (step != NULL)
        return BP_ITEM (step);
      return bp_document_get_n_stages (document) > 0
             ? BP_ITEM (bp_document_get_stage (document, 0)) : NULL;
    }

  if (BP_IS_STAGE (from))
    return move_from_stage (document, from, direction);
  if (!BP_IS_STEP (from))
    return NULL;

  step = bp_navigate_neighbour (document, BP_STEP (from), direction);
  if (step != NULL)
    return BP_ITEM (step);

  stage = bp_document_lookup (document, bp_step_get_stage (BP_STEP (from)));
  switch (direction)
    {
    case BP_NAVIGATE_LEFT:
      return stage_beside (document, stage, -1);
    case BP_NAVIGATE_RIGHT:
      return stage_beside (document, stage, 1);
    case BP_NAVIGATE_UP:
      return stage;
    case BP_NAVIGATE_DOWN:
    default:
      return NULL;
    }
}
