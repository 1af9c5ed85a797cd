/* bp-layout-labels.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>
#include <pango/pangocairo.h>

/* A flow's label is a pill on its route. The layout measures it (in the
 * font the drawing uses for it) and chooses where it goes; the drawing
 * puts it there. */

/* As bp-render-text.c's FONT_SMALL, which draws the label's text. */
#define LABEL_FONT_FAMILY "Cantarell, Inter, sans-serif"
#define LABEL_FONT_SIZE   11.0
/* Around the text, in the pill. */
#define LABEL_PAD_X       7.0
#define LABEL_PAD_Y       3.0
/* Past this many measured texts, start afresh. */
#define MAX_SIZES         4096

typedef struct {
  double width;
  double height;
} LabelSize;

struct _BpLayoutLabelSizes
{
  PangoContext         *context;
  PangoLayout          *scratch;
  PangoFontDescription *font;
  GHashTable           *sizes;   /* text → LabelSize */
};

BpLayoutLabelSizes *
bp_layout_label_sizes_new (void)
{
  BpLayoutLabelSizes *self = g_new0 (BpLayoutLabelSizes, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The text cache's settings: unhinted, laid out at 1:1. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->scratch = pango_layout_new (self->context);

  self->font = pango_font_description_from_string (LABEL_FONT_FAMILY);
  pango_font_description_set_absolute_size (self->font, LABEL_FONT_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (self->font, PANGO_WEIGHT_NORMAL);

  self->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
bp_layout_label_sizes_free (BpLayoutLabelSizes *self)
{
  g_hash_table_unref (self->sizes);
  pango_font_description_free (self->font);
  g_object_unref (self->scratch);
  g_object_unref (self->context);
  g_free (self);
}

/* The pill around @text: one line, ellipsized at the widest a label may
 * be, line breaks as spaces (as bp_render_set_line_text() sets it). */
static LabelSize
measure (BpLayoutLabelSizes *self,
         const char         *text)
{
  LabelSize *size = g_hash_table_lookup (self->sizes, text);
  /* Enough characters to fill the widest label with the narrowest glyph
   * (0.2 em), as the drawing clips them. */
  gsize max_chars = (gsize) (BP_LAYOUT_LABEL_MAX_WIDTH / (LABEL_FONT_SIZE * 0.2) + 1);
  const char *end = text;
  g_autofree char *line = NULL;
  int w, h;

  if (size != NULL)
    return *size;

  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    {
      const char *next = g_utf8_next_char (end);

      while (++end < next)
        if (*end == '\0')
          break;
    }
  line = g_strndup (text, end - text);
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  pango_layout_set_font_description (self->scratch, self->font);
  pango_layout_set_wrap (self->scratch, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->scratch, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (self->scratch, (int) (BP_LAYOUT_LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_height (self->scratch, -1);
  pango_layout_set_text (self->scratch, line, -1);
  pango_layout_get_size (self->scratch, &w, &h);

  if (g_hash_table_size (self->sizes) >= MAX_SIZES)
    g_hash_table_remove_all (self->sizes);
  size = g_new (LabelSize, 1);
  size->width = (double) w / PANGO_SCALE + 2 * LABEL_PAD_X;
  size->height = (double) h / PANGO_SCALE + 2 * LABEL_PAD_Y;
  g_hash_table_insert (self->sizes, g_strdup (text), size);
  return *size;
}

static double
segment_length (const BpPoint *a,
                const BpPoint *b)
{
  return fabs (b->x - a->x) + fabs (b->y - a->y);
}

/* The middle of the route's middle segment (the longer of two). */
static BpPoint
label_anchor (const BpPoint *points,
              guint          n_points)
{
  guint n_segments = n_points - 1;
  guint s = (n_segments - 1) / 2;

  if (n_segments % 2 == 0 &&
      segment_length (&points[s + 1], &points[s + 2]) > segment_length (&points[s], &points[s + 1]))
    s++;

  return (BpPoint) { (points[s].x + points[s + 1].x) / 2, (points[s].y + points[s + 1].y) / 2 };
}

static void
grow_bounds (BpRect       *bounds,
             const BpRect *rect)
{
  double x0 = MIN (bounds->x, rect->x);
  double y0 = MIN (bounds->y, rect->y);
  double x1 = MAX (bounds->x + bounds->width, rect->x + rect->width);
  double y1 = MAX (bounds->y + bounds->height, rect->y + rect->height);

  *bounds = (BpRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
bp_layout_place_labels (BpLayout *self)
{
  self->label_rects = g_new0 (BpRect, self->n_flows);

  for (guint i = 0; i < self->n_flows; i++)
    {
      const char *label = bp_flow_get_label (bp_document_get_flow (self->document, i));
      const BpLayoutRoute *route = &self->routes[i];
      const BpPoint *points;
      LabelSize size;
      BpPoint anchor;

      if (label == NULL || label[0] == '\0' || route->n_points < 2)
        continue;

      if (self->label_sizes == NULL)
        self->label_sizes = bp_layout_label_sizes_new ();
      size = measure (self->label_sizes, label);
      points = &g_array_index (self->points, BpPoint, route->first);
      anchor = label_anchor (points, route->n_points);
      self->label_rects[i] = (BpRect) {
        anchor.x - size.width / 2, anchor.y - size.height / 2, size.width, size.height,
      };
      grow_bounds (&self->routes[i].bounds, &self->label_rects[i]);
    }
}
