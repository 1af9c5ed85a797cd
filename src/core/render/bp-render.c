/* bp-render.c
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
#include <string.h>

/* Below this many device pixels per em, text is not drawn on screen: it
 * could not be read, and skipping it keeps zooming out fast. Cards show
 * grey lines in its place. */
#define MIN_READABLE_EM  5.0
/* Headers are few and larger: they stay a while longer. */
#define MIN_HEADER_EM    3.0

/* ------------------------------------------------------------------ */
/* What is visible                                                     */

typedef gboolean (*RectGetter) (BpLayout *layout,
                                guint     position,
                                BpRect   *rect);

/* The first of @n ordered bands whose far edge passes @edge. */
static guint
first_band_after (BpLayout   *layout,
                  RectGetter  get_rect,
                  guint       n,
                  gboolean    vertical,
                  double      edge)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      BpRect rect;
      double far;

      if (!get_rect (layout, mid, &rect))
        {
          hi = mid;
          continue;
        }
      far = vertical ? rect.y + rect.height : rect.x + rect.width;
      if (far <= edge)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
end_band_before (BpLayout   *layout,
                 RectGetter  get_rect,
                 guint       first,
                 guint       n,
                 gboolean    vertical,
                 double      edge)
{
  guint end = first;
  BpRect rect;

  while (end < n && get_rect (layout, end, &rect) &&
         (vertical ? rect.y : rect.x) < edge)
    end++;

  return end;
}

/* Until the next bp_layout_update(), the document and the layout may
 * disagree on how many lanes and stages there are: the range is within
 * both. */
void
bp_render_find_visible_bands (BpRender *r)
{
  guint n_lanes = bp_document_get_n_lanes (r->document);
  guint n_stages = bp_document_get_n_stages (r->document);
  const BpRect *v = &r->visible;

  r->first_lane = first_band_after (r->layout, bp_layout_get_lane_rect, n_lanes, TRUE, v->y);
  r->end_lane = end_band_before (r->layout, bp_layout_get_lane_rect, r->first_lane, n_lanes,
                                 TRUE, v->y + v->height);
  r->first_stage = first_band_after (r->layout, bp_layout_get_stage_rect, n_stages, FALSE, v->x);
  r->end_stage = end_band_before (r->layout, bp_layout_get_stage_rect, r->first_stage, n_stages,
                                  FALSE, v->x + v->width);
}

/* ------------------------------------------------------------------ */
/* The title band                                                      */

static void
append_scenario_part (GString       *text,
                      PangoAttrList *attrs,
                      const char    *label,
                      const char    *value)
{
  PangoAttribute *bold;

  if (text->len > 0)
    g_string_append (text, "   ·   ");

  if (label != NULL)
    {
      bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      bold->start_index = text->len;
      g_string_append (text, label);
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
      g_string_append_c (text, ' ');
    }

  /* A scenario line never needs more than a screenful of any part. */
  g_string_append_len (text, value, bp_render_clip_length (value, 400));
}

static void
draw_scenario (BpRender     *r,
               const BpRect *title,
               double        y)
{
  const char *persona = bp_document_get_persona (r->document);
  const char *goal = bp_document_get_goal (r->document);
  const char *start = bp_document_get_scenario_start (r->document);
  const char *end = bp_document_get_scenario_end (r->document);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (persona != NULL && *persona != '\0')
    append_scenario_part (text, attrs, _("Persona"), persona);
  if (goal != NULL && *goal != '\0')
    append_scenario_part (text, attrs, _("Goal"), goal);
  if ((start != NULL && *start != '\0') || (end != NULL && *end != '\0'))
    {
      g_autofree char *journey = g_strdup_printf ("%s  →  %s",
                                                  start && *start ? start : "…",
                                                  end && *end ? end : "…");
      append_scenario_part (text, attrs, _("From"), journey);
    }

  if (text->len == 0)
    return;

  bp_render_set_line_text (r, FONT_SCENARIO, text->str, title->width - 2 * BP_RENDER_MARGIN);
  pango_layout_set_attributes (r->text, attrs);
  bp_render_show_text (r, title->x + BP_RENDER_MARGIN, y, &r->pal->text_dim, 1);
}

/* "Current state" or "Future state", in a pill at @x, centred on a line
 * of @line_height at @top. */
static void
draw_state_pill (BpRender   *r,
                 const char *state,
                 gboolean    future,
                 double      x,
                 double      top,
                 double      line_height)
{
  double state_w, state_h;
  BpRect pill;

  bp_render_set_line_text (r, FONT_SMALL_BOLD, state, 200);
  bp_render_text_size (r, &state_w, &state_h);
  pill.x = x;
  pill.height = state_h + 6;
  pill.y = top + (line_height - pill.height) / 2;
  pill.width = state_w + 20;
  bp_render_rounded_rect (r->cr, &pill, pill.height / 2);
  bp_render_set_rgb (r->cr, future ? &r->pal->pill_future : &r->pal->pill_current);
  cairo_fill (r->cr);
  bp_render_show_text (r, pill.x + 10, pill.y + 3,
                       future ? &r->pal->pill_future_text : &r->pal->pill_current_text, 1);
}

static void
draw_title (BpRender *r)
{
  const char *title = bp_document_get_title (r->document);
  gboolean untitled = title[0] == '\0';
  gboolean future = bp_document_get_state (r->document) == BP_BLUEPRINT_STATE_FUTURE;
  const char *state = future ? _("Future state") : _("Current state");
  double state_w, title_w, title_h;
  BpRect band;
  double top;

  bp_layout_get_title_rect (r->layout, &band);
  if (!bp_render_is_visible (r, &band) || !r->draw_headers)
    return;
  if (r->options->title_width > 0)
    band.width = MIN (band.width, r->options->title_width);

  top = band.y + 12;

  /* The legend at the right, on the title's line; the title gets what
   * is left. */
  if (r->options->legend)
    {
      double legend_w, legend_h;

      bp_render_legend_size (r, FALSE, &legend_w, &legend_h);
      bp_render_draw_legend (r, FALSE, band.x + band.width - BP_RENDER_MARGIN - legend_w, top);
      band.width -= legend_w + BP_RENDER_MARGIN;
    }

  /* The pill's width first: the title gets what is left. */
  bp_render_set_line_text (r, FONT_SMALL_BOLD, state, 200);
  bp_render_text_size (r, &state_w, NULL);

  bp_render_set_line_text (r, FONT_TITLE, untitled ? _("Untitled blueprint") : title,
                           band.width - 2 * BP_RENDER_MARGIN - state_w - 40);
  bp_render_text_size (r, &title_w, &title_h);
  bp_render_show_text (r, band.x + BP_RENDER_MARGIN, top,
                       untitled ? &r->pal->text_dim : &r->pal->text, 1);

  draw_state_pill (r, state, future, band.x + BP_RENDER_MARGIN + title_w + 14, top, title_h);
  draw_scenario (r, &band, top + title_h + 4);
}

/* ------------------------------------------------------------------ */
/* The whole drawing                                                   */

static gboolean
is_vector_surface (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return type == CAIRO_SURFACE_TYPE_PDF ||
         type == CAIRO_SURFACE_TYPE_PS ||
         type == CAIRO_SURFACE_TYPE_SVG;
}

void
bp_render_context_init (BpRender              *r,
             cairo_t               *cr,
             BpLayout              *layout,
             const BpRenderOptions *options)
{
  double dx = 1, dy = 0;

  memset (r, 0, sizeof *r);
  r->cr = cr;
  r->layout = layout;
  r->document = bp_layout_get_document (layout);
  r->options = options;
  r->pal = bp_render_get_colors (options->dark);
  bp_layout_get_bounds (layout, &r->bounds);

  r->visible = options->viewport;
  if (r->visible.width <= 0 || r->visible.height <= 0)
    r->visible = r->bounds;

  cairo_user_to_device_distance (cr, &dx, &dy);
  r->scale = hypot (dx, dy);
  r->draw_text = is_vector_surface (cr) ||
                 r->scale * bp_render_font_size (FONT_BODY) >= MIN_READABLE_EM;
  r->draw_headers = is_vector_surface (cr) ||
                    r->scale * bp_render_font_size (FONT_HEADER) >= MIN_HEADER_EM;
}

static void
draw_background (BpRender *r)
{
  BpRect area;

  if (r->options->transparent)
    return;

  area.x = MAX (r->bounds.x, r->visible.x);
  area.y = MAX (r->bounds.y, r->visible.y);
  area.width = MIN (r->bounds.x + r->bounds.width, r->visible.x + r->visible.width) - area.x;
  area.height = MIN (r->bounds.y + r->bounds.height, r->visible.y + r->visible.height) - area.y;
  if (area.width > 0 && area.height > 0)
    bp_render_fill_rect (r, &area, &r->pal->sheet);
}

/* A layout not yet updated after a removal may name positions the
 * document no longer has. */
static void
keep_positions_below (GArray *positions,
                      guint   n)
{
  guint kept = 0;

  for (guint i = 0; i < positions->len; i++)
    if (g_array_index (positions, guint, i) < n)
      g_array_index (positions, guint, kept++) = g_array_index (positions, guint, i);

  g_array_set_size (positions, kept);
}

static void
draw_flows_and_cards (BpRender *r)
{
  BpRect query = bp_render_inset_rect (&r->visible, -BP_RENDER_CARD_OVERHANG, -BP_RENDER_CARD_OVERHANG);
  BpRect label_query = bp_render_inset_rect (&r->visible, -(BP_RENDER_LABEL_MAX_WIDTH / 2 + 16), -24);
  g_autoptr(GArray) flows = bp_layout_flows_in_rect (r->layout, &label_query);
  g_autoptr(GArray) steps = bp_layout_steps_in_rect (r->layout, &query);

  keep_positions_below (flows, bp_document_get_n_flows (r->document));
  keep_positions_below (steps, bp_document_get_n_steps (r->document));

  bp_render_draw_flows (r, flows);
  bp_render_draw_crossings (r, flows);
  bp_render_draw_cards (r, steps);
  /* Labels last: a label must not hide under a card. */
  if (r->draw_text)
    bp_render_draw_flow_labels (r, flows);
  bp_render_draw_check_badges (r, flows, steps);
}

void
bp_render_options_init (BpRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->zoom = 1;
}

void
bp_render (cairo_t               *cr,
           BpLayout              *layout,
           const BpRenderOptions *options)
{
  BpRender r;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->zoom > 0);

  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);

  bp_render_context_init (&r, cr, layout, options);
  cairo_translate (cr, -r.visible.x, -r.visible.y);
  cairo_rectangle (cr, r.visible.x, r.visible.y, r.visible.width, r.visible.height);
  cairo_clip (cr);

  bp_render_init_text (&r);
  bp_render_find_visible_bands (&r);

  draw_background (&r);
  bp_render_draw_lane_bands (&r);
  bp_render_draw_stage_headers (&r);
  bp_render_draw_lane_headers (&r);
  bp_render_draw_grid (&r);
  /* Under the arrows: an arrow crossing a line is a hand-off, and reads
   * as one unbroken stroke. */
  bp_render_draw_lines (&r);
  draw_title (&r);
  draw_flows_and_cards (&r);

  cairo_restore (cr);
}
