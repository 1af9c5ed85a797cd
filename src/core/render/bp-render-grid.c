/* bp-render-grid.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Measures, in canvas units. */
#define ZONE_STRIP       4.0
#define LINE_WIDTH       2.0
#define GRID_WIDTH       1.0
#define PILL_HEIGHT      18.0

/* A horizontal or vertical line of @width canvas units (at least one
 * device pixel), put on the device pixel grid so that it stays crisp. */
static void
grid_line (BpRender     *r,
           double        x0,
           double        y0,
           double        x1,
           double        y1,
           double        width,
           const double *dashes,
           int           n_dashes)
{
  cairo_t *cr = r->cr;
  gboolean horizontal = y0 == y1;
  double w = MAX (1.0, round (width * r->scale));
  double dash_offset = 0;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);

  /* Dashes start at the canvas origin, wherever the line is cut. */
  if (n_dashes > 0)
    {
      double ox = 0, oy = 0;

      cairo_user_to_device (cr, &ox, &oy);
      dash_offset = horizontal ? x0 - ox : y0 - oy;
    }

  if (horizontal)
    y0 = y1 = round (y0 - w / 2) + w / 2;
  else
    x0 = x1 = round (x0 - w / 2) + w / 2;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, w);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (n_dashes > 0)
    {
      double device_dashes[4];

      for (int i = 0; i < n_dashes && i < 4; i++)
        device_dashes[i] = dashes[i] * r->scale;
      cairo_set_dash (cr, device_dashes, MIN (n_dashes, 4), dash_offset);
    }
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Lanes and stages                                                    */

void
bp_render_draw_lane_bands (BpRender *r)
{
  double header_width = bp_layout_get_header_width (r->layout);

  for (guint i = r->first_lane; i < r->end_lane; i++)
    {
      BpLane *lane = bp_document_get_lane (r->document, i);
      BpRect band;
      BpRgb tint;

      if (!bp_layout_get_lane_rect (r->layout, i, &band))
        continue;
      band.width -= header_width - band.x;
      band.x = header_width;
      tint = bp_render_lane_tint (lane, r->options->dark);
      bp_render_fill_rect (r, &band, &tint);
    }
}

static void
draw_header_cell (BpRender     *r,
                  const BpRect *cell,
                  const char   *id)
{
  const BpRgb *fill = bp_render_is_hovered (r, id) ? &r->pal->header_hover : &r->pal->header;

  bp_render_fill_rect (r, cell, fill);
}

static void
draw_header_ring (BpRender     *r,
                  const BpRect *cell,
                  const char   *id)
{
  BpRect ring;

  if (!bp_render_is_selected (r, id))
    return;

  ring = bp_render_inset_rect (cell, BP_RENDER_SELECT_WIDTH / 2 + 1, BP_RENDER_SELECT_WIDTH / 2 + 1);
  bp_render_set_rgb (r->cr, &r->pal->accent);
  cairo_set_line_width (r->cr, BP_RENDER_SELECT_WIDTH);
  bp_render_rounded_rect (r->cr, &ring, 4);
  cairo_stroke (r->cr);
}

void
bp_render_draw_stage_headers (BpRender *r)
{
  BpRect title, corner;

  bp_layout_get_title_rect (r->layout, &title);
  corner.x = 0;
  corner.y = title.y + title.height;
  corner.width = bp_layout_get_header_width (r->layout);
  corner.height = bp_layout_get_header_height (r->layout);
  if (bp_render_is_visible (r, &corner))
    bp_render_fill_rect (r, &corner, &r->pal->header);

  for (guint i = r->first_stage; i < r->end_stage; i++)
    {
      BpStage *stage = bp_document_get_stage (r->document, i);
      const char *id = bp_item_get_id (BP_ITEM (stage));
      BpRect cell;

      if (!bp_layout_get_stage_header_rect (r->layout, i, &cell) ||
          !bp_render_is_visible (r, &cell))
        continue;

      draw_header_cell (r, &cell, id);

      if (r->draw_headers && !r->options->omit_text)
        bp_render_draw_stage_name (r, stage, &cell);
      if (r->draw_headers)
        bp_render_draw_stage_time (r, i, &cell);

      draw_header_ring (r, &cell, id);
    }
}

void
bp_render_draw_stage_name (BpRender     *r,
                           BpStage      *stage,
                           const BpRect *cell)
{
  double h;

  bp_render_set_line_text (r, FONT_HEADER, bp_stage_get_name (stage),
                           cell->width - 2 * BP_RENDER_MARGIN);
  bp_render_text_size (r, NULL, &h);
  /* Above the time row when there is one. */
  bp_render_show_text (r, cell->x + BP_RENDER_MARGIN,
                       r->options->insights != NULL ? cell->y + 7 : cell->y + (cell->height - h) / 2,
                       &r->pal->text, 1);
}

/* The name (and zone) centred between the line labels that sit on the
 * band's edges. */
void
bp_render_draw_lane_name (BpRender     *r,
                          BpLane       *lane,
                          const BpRect *cell)
{
  BpLaneKind kind = bp_lane_get_kind (lane);
  const char *name = bp_lane_get_display_name (lane);
  double small = bp_render_font_size (FONT_SMALL);
  double width = cell->width - BP_RENDER_MARGIN - 12;
  double room = cell->height - PILL_HEIGHT - 12;
  double top, name_height, block;
  gboolean show_zone;

  bp_render_set_wrapped_text (r, FONT_LANE, name, width, room);
  bp_render_text_size (r, NULL, &name_height);
  show_zone = g_strcmp0 (name, bp_lane_kind_default_name (kind)) != 0 &&
              name_height + 2 + small * 1.4 <= room;
  block = name_height + (show_zone ? 2 + small * 1.2 : 0);
  top = cell->y + (cell->height - block) / 2;
  bp_render_show_text (r, cell->x + BP_RENDER_MARGIN, top, &r->pal->text, 1);

  /* A lane named for what it holds still says which zone it is in. */
  if (show_zone)
    {
      bp_render_set_line_text (r, FONT_SMALL, bp_lane_kind_default_name (kind), width);
      bp_render_show_text (r, cell->x + BP_RENDER_MARGIN, top + name_height + 2, &r->pal->text_dim, 1);
    }
}

void
bp_render_draw_lane_headers (BpRender *r)
{
  for (guint i = r->first_lane; i < r->end_lane; i++)
    {
      BpLane *lane = bp_document_get_lane (r->document, i);
      const char *id = bp_item_get_id (BP_ITEM (lane));
      BpRect cell, strip;

      if (!bp_layout_get_lane_header_rect (r->layout, i, &cell) ||
          !bp_render_is_visible (r, &cell))
        continue;

      draw_header_cell (r, &cell, id);
      /* The strip tells the zone, whatever the lane's own colour. */
      strip = cell;
      strip.width = ZONE_STRIP;
      bp_render_fill_rect (r, &strip, &r->pal->zone[bp_lane_get_kind (lane)]);
      draw_header_ring (r, &cell, id);

      if (r->draw_headers && !r->options->omit_text)
        bp_render_draw_lane_name (r, lane, &cell);
    }
}

/* ------------------------------------------------------------------ */
/* Separators and the three lines                                      */

static gboolean
is_line_y (BpRender *r,
           double    y)
{
  for (BpLine line = BP_LINE_INTERACTION; line < BP_N_LINES; line++)
    {
      double line_y;

      if (bp_layout_get_line_y (r->layout, line, &line_y) && fabs (line_y - y) < 0.5)
        return TRUE;
    }

  return FALSE;
}

void
bp_render_draw_grid (BpRender *r)
{
  double header_width = bp_layout_get_header_width (r->layout);
  double bottom = r->bounds.y + r->bounds.height;
  double right = r->bounds.x + r->bounds.width;
  guint n_stages = bp_document_get_n_stages (r->document);
  guint n_lanes = bp_document_get_n_lanes (r->document);
  BpRect title;
  double top;

  bp_render_set_rgb (r->cr, &r->pal->separator);
  bp_layout_get_title_rect (r->layout, &title);
  top = title.y + title.height;

  /* Under the title band and under the stage header row. */
  grid_line (r, 0, top, right, top, GRID_WIDTH, NULL, 0);
  grid_line (r, 0, top + bp_layout_get_header_height (r->layout),
             right, top + bp_layout_get_header_height (r->layout),
             GRID_WIDTH, NULL, 0);

  /* Right of the lane header column, and between stages. */
  grid_line (r, header_width, top, header_width, bottom, GRID_WIDTH, NULL, 0);
  for (guint i = r->first_stage; i < r->end_stage && i + 1 < n_stages; i++)
    {
      BpRect column;

      bp_layout_get_stage_rect (r->layout, i, &column);
      grid_line (r, column.x + column.width, column.y, column.x + column.width, bottom,
                 GRID_WIDTH, NULL, 0);
    }

  /* Between lanes, except where one of the three lines goes: the gaps
   * of a dashed line show the bands, not a hairline. */
  for (guint i = r->first_lane; i < r->end_lane && i + 1 < n_lanes; i++)
    {
      BpRect band;
      double edge;

      bp_layout_get_lane_rect (r->layout, i, &band);
      edge = band.y + band.height;
      if (!is_line_y (r, edge))
        grid_line (r, 0, edge, right, edge, GRID_WIDTH, NULL, 0);
    }
}

static const char *
line_label (BpLine line)
{
  switch (line)
    {
    case BP_LINE_INTERACTION:
      return _("Line of interaction");
    case BP_LINE_VISIBILITY:
      return _("Line of visibility");
    case BP_LINE_INTERNAL_INTERACTION:
      return _("Line of internal interaction");
    default:
      g_assert_not_reached ();
    }
}

static void
draw_line_label (BpRender   *r,
                 const char *label,
                 double      y)
{
  double header_width = bp_layout_get_header_width (r->layout);
  double text_w, text_h;
  BpRect pill;

  /* Cards keep clear of the lines, so a label may run past the header
   * column into the first stage. */
  bp_render_set_line_text (r, FONT_SMALL_BOLD, label, header_width * 2);
  bp_render_text_size (r, &text_w, &text_h);
  pill.x = 8;
  pill.y = y - PILL_HEIGHT / 2;
  pill.width = text_w + 2 * 8;
  pill.height = PILL_HEIGHT;
  if (!bp_render_is_visible (r, &pill))
    return;

  bp_render_rounded_rect (r->cr, &pill, PILL_HEIGHT / 2);
  bp_render_set_rgb (r->cr, &r->pal->header);
  cairo_fill_preserve (r->cr);
  bp_render_set_rgb (r->cr, &r->pal->line);
  cairo_set_line_width (r->cr, 1);
  cairo_stroke (r->cr);
  bp_render_show_text (r, pill.x + 8, y - text_h / 2, &r->pal->line, 1);
}

/* Interaction solid, visibility dashed, internal interaction dash-dot:
 * the usual way to tell them apart. */
void
bp_render_draw_lines (BpRender *r)
{
  static const double dashed[] = { 8, 5 };
  static const double dash_dot[] = { 9, 4, 2, 4 };
  double x0 = MAX (r->bounds.x, r->visible.x);
  double x1 = MIN (r->bounds.x + r->bounds.width, r->visible.x + r->visible.width);

  if (x1 <= x0)
    return;

  for (BpLine line = BP_LINE_INTERACTION; line < BP_N_LINES; line++)
    {
      double y;

      if (!bp_layout_get_line_y (r->layout, line, &y) ||
          y < r->visible.y - PILL_HEIGHT || y > r->visible.y + r->visible.height + PILL_HEIGHT)
        continue;

      bp_render_set_rgb (r->cr, &r->pal->line);
      if (line == BP_LINE_INTERACTION)
        grid_line (r, x0, y, x1, y, LINE_WIDTH, NULL, 0);
      else if (line == BP_LINE_VISIBILITY)
        grid_line (r, x0, y, x1, y, LINE_WIDTH, dashed, G_N_ELEMENTS (dashed));
      else
        grid_line (r, x0, y, x1, y, LINE_WIDTH, dash_dot, G_N_ELEMENTS (dash_dot));

      if (r->draw_headers)
        draw_line_label (r, line_label (line), y);
    }
}
