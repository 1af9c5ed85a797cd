/* bp-layout.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"


G_DEFINE_FINAL_TYPE (BpLayout, bp_layout, G_TYPE_OBJECT)

/* Object */

static void
bp_layout_clear (BpLayout *self)
{
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->bands, g_free);
  g_clear_pointer (&self->cards, g_free);
  g_clear_pointer (&self->routes, g_free);
  g_array_set_size (self->points, 0);
  bp_layout_items_clear (self->items);
  g_clear_pointer (&self->step_index, bp_layout_index_free);
  g_clear_pointer (&self->flow_index, bp_layout_index_free);

  self->n_stages = self->n_lanes = self->n_steps = self->n_flows = 0;
  self->width = self->height = 0;
  for (guint i = 0; i < BP_N_LINES; i++)
    self->line_shown[i] = FALSE;
}

static void
bp_layout_finalize (GObject *object)
{
  BpLayout *self = BP_LAYOUT (object);

  bp_layout_clear (self);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->items, bp_layout_items_free);
  g_clear_pointer (&self->measure, bp_card_measure_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bp_layout_parent_class)->finalize (object);
}

static void
bp_layout_class_init (BpLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_layout_finalize;
}

static void
bp_layout_init (BpLayout *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (BpPoint));
  self->items = bp_layout_items_new ();
  self->measure = bp_card_measure_new ();
  /* Empty until the first update, but there to be asked. */
  self->step_index = bp_layout_index_new (0);
  self->flow_index = bp_layout_index_new (0);
}

BpLayout *
bp_layout_new (BpDocument *document)
{
  BpLayout *self;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  self = g_object_new (BP_TYPE_LAYOUT, NULL);
  self->document = g_object_ref (document);
  bp_layout_update (self);

  return self;
}

BpDocument *
bp_layout_get_document (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  return self->document;
}

/* Update: columns, bands and cards */

static void
collect_stages_and_lanes (BpLayout *self)
{
  self->n_stages = bp_document_get_n_stages (self->document);
  self->n_lanes = bp_document_get_n_lanes (self->document);
  self->columns = g_new0 (BpRect, self->n_stages);
  self->bands = g_new0 (BpRect, self->n_lanes);

  for (guint i = 0; i < self->n_stages; i++)
    {
      BpStage *stage = bp_document_get_stage (self->document, i);

      bp_layout_items_remember (self->items, BP_ITEM (stage), BP_LAYOUT_ITEM_STAGE, i);
      self->columns[i].width = bp_stage_get_width (stage);
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      BpLane *lane = bp_document_get_lane (self->document, i);

      bp_layout_items_remember (self->items, BP_ITEM (lane), BP_LAYOUT_ITEM_LANE, i);
      self->bands[i].height = bp_lane_get_height (lane);
    }
}

/* Finds each card's lane and stage, and widens its column to hold it;
 * a card is as tall as its text needs. */
static void
collect_cards (BpLayout *self)
{
  self->n_steps = bp_document_get_n_steps (self->document);
  self->cards = g_new0 (BpLayoutCard, self->n_steps);

  for (guint i = 0; i < self->n_steps; i++)
    {
      BpStep *step = bp_document_get_step (self->document, i);
      BpLayoutCard *card = &self->cards[i];

      bp_layout_items_remember (self->items, BP_ITEM (step), BP_LAYOUT_ITEM_STEP, i);

      /* A card stored at the column's left edge keeps off its border. */
      card->x = MAX (bp_step_get_x (step), BP_LAYOUT_CARD_INSET);
      card->rect.width = bp_step_get_width (step);
      card->rect.height = bp_card_measure_height (self->measure, step, card->rect.width,
                                                  self->n_steps);
      card->placed = bp_layout_items_lookup_in (self->items, bp_step_get_lane (step),
                                                BP_LAYOUT_ITEM_LANE, &card->lane) &&
                     bp_layout_items_lookup_in (self->items, bp_step_get_stage (step),
                                                BP_LAYOUT_ITEM_STAGE, &card->stage);

      if (card->placed)
        {
          BpRect *column = &self->columns[card->stage];

          column->width = MAX (column->width, card->x + card->rect.width + BP_LAYOUT_STAGE_PADDING);
        }
    }
}

static void
place_columns_and_bands (BpLayout *self)
{
  double x = BP_LAYOUT_HEADER_WIDTH;
  double y = BP_LAYOUT_TITLE_HEIGHT + BP_LAYOUT_HEADER_HEIGHT;

  for (guint i = 0; i < self->n_stages; i++)
    {
      self->columns[i].x = x;
      x += self->columns[i].width;
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      self->bands[i].y = y;
      y += self->bands[i].height;
    }

  self->width = x;
  self->height = y;

  for (guint i = 0; i < self->n_stages; i++)
    {
      self->columns[i].y = BP_LAYOUT_TITLE_HEIGHT;
      self->columns[i].height = self->height - BP_LAYOUT_TITLE_HEIGHT;
    }

  for (guint i = 0; i < self->n_lanes; i++)
    {
      self->bands[i].x = 0;
      self->bands[i].width = self->width;
    }
}

static void
place_cards (BpLayout *self)
{
  for (guint i = 0; i < self->n_steps; i++)
    {
      BpLayoutCard *card = &self->cards[i];

      if (!card->placed)
        continue;

      card->rect.x = self->columns[card->stage].x + card->x;
      card->rect.y = self->bands[card->lane].y + card->y;
    }
}

/* A line lies where a lane of the zone above it is followed by a lane of
 * the zone below it; lanes are kept in zone order, so when either zone is
 * empty that never happens and the line is not drawn. */
static void
find_lines (BpLayout *self)
{
  static const BpLaneKind zones[BP_N_LINES][2] = {
    [BP_LINE_INTERACTION] = { BP_LANE_KIND_CUSTOMER, BP_LANE_KIND_FRONTSTAGE },
    [BP_LINE_VISIBILITY] = { BP_LANE_KIND_FRONTSTAGE, BP_LANE_KIND_BACKSTAGE },
    [BP_LINE_INTERNAL_INTERACTION] = { BP_LANE_KIND_BACKSTAGE, BP_LANE_KIND_SUPPORT },
  };
  BpLaneKind above = 0;

  for (guint i = 0; i < self->n_lanes; i++)
    {
      BpLaneKind kind = bp_lane_get_kind (bp_document_get_lane (self->document, i));

      for (guint line = 0; i > 0 && line < BP_N_LINES; line++)
        if (above == zones[line][0] && kind == zones[line][1] && !self->line_shown[line])
          {
            self->line_shown[line] = TRUE;
            self->line_y[line] = self->bands[i].y;
          }

      above = kind;
    }
}

/* Indices */

static BpLayoutIndex *
index_cards (BpLayout *self)
{
  BpLayoutIndex *index = bp_layout_index_new (self->n_steps);

  for (guint i = 0; i < self->n_steps; i++)
    if (self->cards[i].placed)
      bp_layout_index_insert (index, i, &self->cards[i].rect);
  return index;
}

static BpLayoutIndex *
index_routes (BpLayout *self)
{
  BpLayoutIndex *index = bp_layout_index_new (self->n_flows);

  for (guint i = 0; i < self->n_flows; i++)
    if (self->routes[i].n_points > 0)
      bp_layout_index_insert (index, i, &self->routes[i].bounds);
  return index;
}

void
bp_layout_update (BpLayout *self)
{
  g_return_if_fail (BP_IS_LAYOUT (self));

  bp_layout_clear (self);

  collect_stages_and_lanes (self);
  collect_cards (self);
  bp_layout_stack_cards (self);
  place_columns_and_bands (self);
  place_cards (self);
  find_lines (self);

  /* Routes avoid cards through the step index, so it comes first. */
  self->step_index = index_cards (self);
  bp_layout_route_flows (self);
  self->flow_index = index_routes (self);
}

/* Geometry */

void
bp_layout_get_bounds (BpLayout *self,
                      BpRect   *rect)
{
  g_return_if_fail (BP_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  *rect = (BpRect) { 0, 0, self->width, self->height };
}

void
bp_layout_get_title_rect (BpLayout *self,
                          BpRect   *rect)
{
  g_return_if_fail (BP_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  *rect = (BpRect) { 0, 0, self->width, BP_LAYOUT_TITLE_HEIGHT };
}

double
bp_layout_get_header_width (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), 0);
  return BP_LAYOUT_HEADER_WIDTH;
}

double
bp_layout_get_header_height (BpLayout *self)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), 0);
  return BP_LAYOUT_HEADER_HEIGHT;
}

gboolean
bp_layout_get_stage_rect (BpLayout *self,
                          guint     position,
                          BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_stages)
    return FALSE;
  *rect = self->columns[position];
  return TRUE;
}

gboolean
bp_layout_get_stage_header_rect (BpLayout *self,
                                 guint     position,
                                 BpRect   *rect)
{
  if (!bp_layout_get_stage_rect (self, position, rect))
    return FALSE;
  rect->height = BP_LAYOUT_HEADER_HEIGHT;
  return TRUE;
}

gboolean
bp_layout_get_lane_rect (BpLayout *self,
                         guint     position,
                         BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_lanes)
    return FALSE;
  *rect = self->bands[position];
  return TRUE;
}

gboolean
bp_layout_get_lane_header_rect (BpLayout *self,
                                guint     position,
                                BpRect   *rect)
{
  if (!bp_layout_get_lane_rect (self, position, rect))
    return FALSE;
  rect->width = BP_LAYOUT_HEADER_WIDTH;
  return TRUE;
}

gboolean
bp_layout_get_step_rect (BpLayout *self,
                         guint     position,
                         BpRect   *rect)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (position >= self->n_steps || !self->cards[position].placed)
    return FALSE;
  *rect = self->cards[position].rect;
  return TRUE;
}

gboolean
bp_layout_get_item_rect (BpLayout *self,
                         BpItem   *item,
                         BpRect   *rect)
{
  BpLayoutItemList list;
  guint position;

  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (BP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (bp_item_get_document (item) != self->document ||
      !bp_layout_items_lookup (self->items, bp_item_get_id (item), &list, &position))
    return FALSE;

  switch (list)
    {
    case BP_LAYOUT_ITEM_STAGE:
      return bp_layout_get_stage_rect (self, position, rect);

    case BP_LAYOUT_ITEM_LANE:
      return bp_layout_get_lane_rect (self, position, rect);

    case BP_LAYOUT_ITEM_STEP:
      return bp_layout_get_step_rect (self, position, rect);

    case BP_LAYOUT_ITEM_FLOW:
      if (self->routes[position].n_points == 0)
        return FALSE;
      *rect = self->routes[position].bounds;
      return TRUE;

    default:
      break;
    }

  return FALSE;
}

const BpPoint *
bp_layout_get_flow_path (BpLayout *self,
                         guint     position,
                         guint    *n_points)
{
  const BpLayoutRoute *route;

  g_return_val_if_fail (BP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = 0;
  if (position >= self->n_flows || self->routes[position].n_points == 0)
    return NULL;

  route = &self->routes[position];
  *n_points = route->n_points;
  return &g_array_index (self->points, BpPoint, route->first);
}

gboolean
bp_layout_get_line_y (BpLayout *self,
                      BpLine    line,
                      double   *y)
{
  g_return_val_if_fail (BP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (line < BP_N_LINES, FALSE);

  if (!self->line_shown[line])
    return FALSE;
  if (y != NULL)
    *y = self->line_y[line];
  return TRUE;
}
