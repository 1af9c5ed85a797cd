/* bp-render-slide.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "render/bp-render-private.h"

/* What a slide draws besides the blueprint's own pieces. Each part
 * starts a render context of its own, scaled by the options' zoom, so
 * it uses the fonts and colours of the drawing it sits beside. */

/* The widest a marker's stage name gets before it is ellipsized. */
#define MARKER_MAX_WIDTH 150.0
#define MARKER_PADDING_X 7.0
#define MARKER_PADDING_Y 3.0

static void
begin (BpRender              *r,
       cairo_t               *cr,
       BpLayout              *layout,
       const BpRenderOptions *options)
{
  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);
  bp_render_context_init (r, cr, layout, options);
  bp_render_init_text (r);
}

double
bp_render_get_card_text_size (void)
{
  return bp_render_font_size (FONT_BODY);
}

void
bp_render_slide_title (cairo_t               *cr,
                       BpLayout              *layout,
                       const BpRenderOptions *options,
                       double                 width)
{
  BpRenderOptions slide_options;
  BpRender r;
  BpRect band;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL && options->zoom > 0);

  slide_options = *options;
  slide_options.wrap_scenario = TRUE;
  slide_options.title_width = width;
  begin (&r, cr, layout, &slide_options);
  bp_render_get_title_band (&r, &band);
  bp_render_draw_title_band (&r, &band, options->omit_text ? BP_TITLE_BAND_DECOR : BP_TITLE_BAND_ALL);
  cairo_restore (cr);
}

/* Measured by drawing on a surface that keeps nothing. */
double
bp_render_get_slide_title_height (BpLayout              *layout,
                                  const BpRenderOptions *options,
                                  double                 width)
{
  BpRenderOptions slide_options;
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRect band;
  BpRender r;
  double height;

  g_return_val_if_fail (BP_IS_LAYOUT (layout), 0);
  g_return_val_if_fail (options != NULL, 0);

  slide_options = *options;
  slide_options.wrap_scenario = TRUE;
  slide_options.title_width = width;
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  bp_render_context_init (&r, cr, layout, &slide_options);
  bp_render_init_text (&r);
  bp_render_get_title_band (&r, &band);
  height = bp_render_draw_title_band (&r, &band, BP_TITLE_BAND_ALL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Never shorter than the canvas's band: a short scenario keeps its
   * breathing room. */
  bp_layout_get_title_rect (layout, &band);
  return MAX (height, band.height);
}

void
bp_render_text_part (cairo_t               *cr,
                     BpLayout              *layout,
                     const BpRenderOptions *options,
                     BpRenderPart           part,
                     guint                  position)
{
  BpRender r;
  BpRect rect;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL && options->zoom > 0);

  /* As bp_render() sets up its drawing. */
  cairo_save (cr);
  cairo_scale (cr, options->zoom, options->zoom);
  bp_render_context_init (&r, cr, layout, options);
  cairo_translate (cr, -r.visible.x, -r.visible.y);
  cairo_rectangle (cr, r.visible.x, r.visible.y, r.visible.width, r.visible.height);
  cairo_clip (cr);
  bp_render_init_text (&r);

  switch (part)
    {
    case BP_RENDER_PART_TITLE:
    case BP_RENDER_PART_SCENARIO:
      bp_render_get_title_band (&r, &rect);
      bp_render_draw_title_band (&r, &rect, part == BP_RENDER_PART_TITLE ? BP_TITLE_BAND_TITLE
                                                                        : BP_TITLE_BAND_SCENARIO);
      break;

    case BP_RENDER_PART_STAGE:
      if (position < bp_document_get_n_stages (r.document) &&
          bp_layout_get_stage_header_rect (layout, position, &rect))
        bp_render_draw_stage_name (&r, bp_document_get_stage (r.document, position), &rect);
      break;

    case BP_RENDER_PART_LANE:
      if (position < bp_document_get_n_lanes (r.document) &&
          bp_layout_get_lane_header_rect (layout, position, &rect))
        bp_render_draw_lane_name (&r, bp_document_get_lane (r.document, position), &rect);
      break;

    case BP_RENDER_PART_CARD:
      if (position < bp_document_get_n_steps (r.document))
        bp_render_draw_card_text_at (&r, position);
      break;

    default:
      g_warn_if_reached ();
      break;
    }

  cairo_restore (cr);
}

static void
set_marker_text (BpRender   *r,
                 const char *text,
                 double     *width,
                 double     *height)
{
  double w, h;

  bp_render_set_line_text (r, FONT_SMALL_BOLD, text, MARKER_MAX_WIDTH);
  bp_render_text_size (r, &w, &h);
  *width = w + 2 * MARKER_PADDING_X;
  *height = h + 2 * MARKER_PADDING_Y;
}

void
bp_render_get_slide_marker_size (BpLayout   *layout,
                                 const char *text,
                                 double     *width,
                                 double     *height)
{
  BpRender r = { .layout = layout };

  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (text != NULL);

  bp_render_init_text (&r);
  set_marker_text (&r, text, width, height);
}

void
bp_render_slide_marker (cairo_t               *cr,
                        BpLayout              *layout,
                        const BpRenderOptions *options,
                        double                 x,
                        double                 y,
                        const char            *text)
{
  BpRender r;
  BpRect pill = { x, y };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL && options->zoom > 0);
  g_return_if_fail (text != NULL);

  begin (&r, cr, layout, options);
  set_marker_text (&r, text, &pill.width, &pill.height);

  /* Like a flow's label, in the flow's colour: it is where the arrow
   * goes on. */
  bp_render_rounded_rect (cr, &pill, pill.height / 2);
  bp_render_set_rgb (cr, &r.pal->sheet);
  cairo_fill_preserve (cr);
  bp_render_set_rgb (cr, &r.pal->flow);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  bp_render_show_text (&r, pill.x + MARKER_PADDING_X, pill.y + MARKER_PADDING_Y, &r.pal->flow, 1);
  cairo_restore (cr);
}

void
bp_render_slide_footer (cairo_t               *cr,
                        BpLayout              *layout,
                        const BpRenderOptions *options,
                        double                 x,
                        double                 y,
                        const char            *text,
                        gboolean               at_right)
{
  BpRender r;
  double w;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL && options->zoom > 0);
  g_return_if_fail (text != NULL);

  begin (&r, cr, layout, options);
  bp_render_set_line_text (&r, FONT_SMALL, text, 10000);
  bp_render_text_size (&r, &w, NULL);
  bp_render_show_text (&r, at_right ? x - w : x, y, &r.pal->text_dim, 1);
  cairo_restore (cr);
}

void
bp_render_slide_compare_legend (cairo_t               *cr,
                                BpLayout              *layout,
                                const BpRenderOptions *options,
                                double                 right,
                                double                 y)
{
  BpRender r;
  double width, height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL && options->zoom > 0);

  begin (&r, cr, layout, options);
  width = bp_render_compare_legend_width (&r);
  /* As tall as the footer's line of text. */
  bp_render_set_line_text (&r, FONT_SMALL, "Ag", 1000);
  bp_render_text_size (&r, NULL, &height);
  bp_render_draw_compare_legend (&r, right - width, y, height);
  cairo_restore (cr);
}
