/* bp-canvas-insights.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <math.h>

#include "bp-canvas-private.h"
#include "render/bp-render.h"

/* The tooltip of a check badge (drawn by the core renderer on each card
 * and flow that raised a check): which checks, and what to do. */

/* The messages of @item's checks that count, a line each, or NULL. */
static char *
describe_checks (BpInsights *insights,
                 BpItem     *item)
{
  g_autoptr(GArray) found = bp_insights_find_checks (insights, bp_item_get_id (item));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      guint position = g_array_index (found, guint, i);

      if (bp_insights_get_check (insights, position)->dismissed)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, bp_insights_get_check_message (insights, position));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The card or flow whose badge is at canvas point (@cx, @cy), or NULL. */
static BpItem *
badge_at (BpCanvas *self,
          double    cx,
          double    cy)
{
  /* A point just off a card's corner, on the badge, may hit nothing
   * else: try the point and a little towards the card. */
  const double nudges[][2] = { { 0, 0 }, { 4, 4 } };

  for (guint n = 0; n < G_N_ELEMENTS (nudges); n++)
    {
      BpHit hit;
      BpPoint center;
      double radius;

      bp_layout_hit_test (self->layout, cx + nudges[n][0], cy + nudges[n][1], &hit);
      if ((hit.kind == BP_HIT_STEP || hit.kind == BP_HIT_FLOW) &&
          bp_render_get_check_badge (self->layout, hit.item, &center, &radius) &&
          hypot (cx - center.x, cy - center.y) <= radius + 2)
        return hit.item;
    }
  return NULL;
}

static gboolean
on_query_tooltip (BpCanvas   *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;
  double cx, cy;
  BpItem *item;

  if (keyboard || self->layout == NULL || self->insights == NULL)
    return FALSE;

  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  item = badge_at (self, cx, cy);
  if (item == NULL)
    return FALSE;
  text = describe_checks (self->insights, item);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
bp_canvas_init_insights (BpCanvas *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
