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
                      const char    *value,
                      gsize          max_chars)
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

  g_string_append_len (text, value, bp_render_clip_length (value, max_chars));
}

/* A scenario line never needs more than a screenful of any part; a
 * wrapped scenario (a slide's) is shown whole, up to what pango is ever
 * asked to lay out in one go. */
#define SCENARIO_LINE_CHARS     400
#define SCENARIO_WRAPPED_CHARS  1200

/* The scenario in r->text, one line or wrapped into @width; FALSE when
 * the document has none. */
static gboolean
set_scenario_text (BpRender *r,
                   double    width,
                   gboolean  wrap)
{
  const char *persona = bp_document_get_persona (r->document);
  const char *goal = bp_document_get_goal (r->document);
  const char *start = bp_document_get_scenario_start (r->document);
  const char *end = bp_document_get_scenario_end (r->document);
  gsize max_chars = wrap ? SCENARIO_WRAPPED_CHARS : SCENARIO_LINE_CHARS;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (persona != NULL && *persona != '\0')
    append_scenario_part (text, attrs, _("Persona"), persona, max_chars);
  if (goal != NULL && *goal != '\0')
    append_scenario_part (text, attrs, _("Goal"), goal, max_chars);
  if ((start != NULL && *start != '\0') || (end != NULL && *end != '\0'))
    {
      g_autofree char *journey = g_strdup_printf ("%s  →  %s",
                                                  start && *start ? start : "…",
                                                  end && *end ? end : "…");
      append_scenario_part (text, attrs, _("From"), journey, max_chars);
    }

  if (text->len == 0)
    return FALSE;

  if (wrap)
    bp_render_set_wrapped_text (r, FONT_SCENARIO, text->str, width, G_MAXINT16);
  else
    bp_render_set_line_text (r, FONT_SCENARIO, text->str, width);
  pango_layout_set_attributes (r->text, attrs);
  return TRUE;
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

/* Above the scenario, and below it to the band's bottom edge. */
#define TITLE_TOP_PADDING    12.0
#define TITLE_BOTTOM_PADDING 14.0
/* The least room a slide's title keeps beside the legend. */
#define MIN_TITLE_ROOM       320.0

/* The title, the state pill, the legend and the scenario in @band; the
 * scenario on one line, or (@wrap) on as many as it needs. Returns how
 * tall the band's content is, paddings included. */
double
bp_render_draw_title_band (BpRender         *r,
                           const BpRect     *title_band,
                           BpTitleBandParts  parts)
{
  gboolean wrap = r->options->wrap_scenario;
  const char *title = bp_document_get_title (r->document);
  gboolean untitled = title[0] == '\0';
  gboolean future = bp_document_get_state (r->document) == BP_BLUEPRINT_STATE_FUTURE;
  const char *state = future ? _("Future state") : _("Current state");
  double state_w, title_w, title_h, scenario_h = 0, height;
  double legend_w = 0, legend_h = 0;
  gboolean legend_below = FALSE;
  BpRect band = *title_band;
  double top = band.y + TITLE_TOP_PADDING;

  /* The legend at the right, on the title's line; the title gets what
   * is left. A slide too narrow for both has it below the scenario. */
  if (r->options->legend || r->options->compare_legend)
    {
      bp_render_legend_size (r, FALSE, &legend_w, &legend_h);
      legend_below = wrap && legend_w + MIN_TITLE_ROOM > band.width - 2 * BP_RENDER_MARGIN;
      if (!legend_below)
        {
          if (parts & BP_TITLE_BAND_DECOR)
            bp_render_draw_legend (r, FALSE, band.x + band.width - BP_RENDER_MARGIN - legend_w, top);
          band.width -= legend_w + BP_RENDER_MARGIN;
        }
    }

  /* The pill's width first: the title gets what is left. */
  bp_render_set_line_text (r, FONT_SMALL_BOLD, state, 200);
  bp_render_text_size (r, &state_w, NULL);

  bp_render_set_line_text (r, FONT_TITLE, untitled ? _("Untitled blueprint") : title,
                           band.width - 2 * BP_RENDER_MARGIN - state_w - 40);
  bp_render_text_size (r, &title_w, &title_h);
  if (parts & BP_TITLE_BAND_TITLE)
    bp_render_show_text (r, band.x + BP_RENDER_MARGIN, top,
                         untitled ? &r->pal->text_dim : &r->pal->text, 1);

  if (parts & BP_TITLE_BAND_DECOR)
    draw_state_pill (r, state, future, band.x + BP_RENDER_MARGIN + title_w + 14, top, title_h);

  /* Wrapped, the scenario has the band's whole width, below the
   * legend's line. */
  height = TITLE_TOP_PADDING + title_h + 4;
  if (set_scenario_text (r, (wrap ? title_band->width : band.width) - 2 * BP_RENDER_MARGIN, wrap))
    {
      bp_render_text_size (r, NULL, &scenario_h);
      if (parts & BP_TITLE_BAND_SCENARIO)
        bp_render_show_text (r, band.x + BP_RENDER_MARGIN, band.y + height, &r->pal->text_dim, 1);
      height += scenario_h;
    }

  if (legend_below)
    {
      if (parts & BP_TITLE_BAND_DECOR)
        bp_render_draw_legend (r, FALSE, band.x + BP_RENDER_MARGIN, band.y + height + 6);
      height += 6 + legend_h;
    }

  return height + TITLE_BOTTOM_PADDING;
}

void
bp_render_get_title_band (BpRender *r,
                          BpRect   *band)
{
  bp_layout_get_title_rect (r->layout, band);
  if (r->options->title_width > 0)
    band->width = MIN (band->width, r->options->title_width);
}

static void
draw_title (BpRender *r)
{
  BpRect band;

  bp_render_get_title_band (r, &band);
  if (!bp_render_is_visible (r, &band) || !r->draw_headers)
    return;

  bp_render_draw_title_band (r, &band, r->options->omit_text ? BP_TITLE_BAND_DECOR : BP_TITLE_BAND_ALL);
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
