/* bp-canvas.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-canvas-private.h"
#include "render/bp-render.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (BpCanvas, bp_canvas, GTK_TYPE_DRAWING_AREA,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_LEGEND,
  PROP_SHOW_CROSSINGS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_INSIGHTS_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* Widget pixels between the legend and the view's edges (clear of the
 * overlay scrollbars). */
#define LEGEND_INSET 16.0

static void
get_blueprint_bounds (BpCanvas *self,
                      BpRect   *bounds)
{
  if (self->layout != NULL)
    bp_layout_get_bounds (self->layout, bounds);
  else
    *bounds = (BpRect) { 0, 0, 0, 0 };
}

/* The adjustments count widget pixels; canvas unit 0 sits at -lower. */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         extent,
                      double         page,
                      double         zoom)
{
  double lower = -BP_CANVAS_MARGIN * zoom;
  double upper = (extent + BP_CANVAS_MARGIN) * zoom;
  double value;

  if (adjustment == NULL)
    return;

  upper = MAX (upper, lower + page);
  value = CLAMP (gtk_adjustment_get_value (adjustment), lower, upper - page);
  gtk_adjustment_configure (adjustment, value, lower, upper,
                            page * 0.1, page * 0.9, page);
}

static void
update_view_origin (BpCanvas *self)
{
  double zoom = bp_view_state_get_zoom (self->view);
  double x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;

  bp_view_state_set_origin (self->view, x / zoom, y / zoom);
}

static void
configure_adjustments (BpCanvas *self)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpRect bounds;

  get_blueprint_bounds (self, &bounds);
  configure_adjustment (self->hadjustment, bounds.width,
                        gtk_widget_get_width (GTK_WIDGET (self)), zoom);
  configure_adjustment (self->vadjustment, bounds.height,
                        gtk_widget_get_height (GTK_WIDGET (self)), zoom);
  update_view_origin (self);
}

/* The figures follow the layout: worked out in the same pass, so that
 * the canvas and the Insights panel never show a frame of stale ones.
 * Told of in the relayout idle, not while drawing. */
static void
update_insights (BpCanvas *self)
{
  g_clear_pointer (&self->insights, bp_insights_unref);
  if (self->document != NULL)
    self->insights = bp_insights_compute (self->document);
  self->insights_pending = TRUE;
}

static void
tell_insights (BpCanvas *self)
{
  if (!self->insights_pending)
    return;
  self->insights_pending = FALSE;
  g_signal_emit (self, signals[SIGNAL_INSIGHTS_CHANGED], 0);
}

BpInsights *
bp_canvas_get_insights (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);
  return self->insights;
}

/* Lays the document out if it changed. Touches no adjustment, so that it
 * may run while drawing. */
void
bp_canvas_ensure_layout (BpCanvas *self)
{
  if (!self->layout_dirty || self->layout == NULL)
    return;

  self->layout_dirty = FALSE;
  bp_layout_update (self->layout);
  update_insights (self);
}

/* Runs before the next frame (a higher priority than GDK's redraw), so the
 * scrollbars learn the new size outside of drawing. */
static gboolean
relayout_cb (gpointer data)
{
  BpCanvas *self = data;

  self->relayout_source = 0;
  bp_canvas_ensure_layout (self);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  tell_insights (self);
  return G_SOURCE_REMOVE;
}

/* A transaction changes the document many times: lay it out once, just
 * before the next frame. */
static void
on_document_changed (BpCanvas *self)
{
  self->layout_dirty = TRUE;
  bp_canvas_drop_sheet_cache (self);
  if (self->relayout_source == 0)
    self->relayout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
}

/* The desk and the blueprint, without the gestures' overlay. */
void
bp_canvas_draw_sheet (BpCanvas *self,
                      cairo_t  *cr,
                      int       width,
                      int       height)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpRenderOptions options;

  bp_canvas_ensure_layout (self);

  /* The desk around the sheet. */
  if (self->dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 0.92, 0.92, 0.91);
  cairo_paint (cr);

  if (self->layout == NULL)
    return;

  bp_render_options_init (&options);
  options.zoom = zoom;
  options.dark = self->dark;
  options.viewport.x = bp_view_state_get_x (self->view);
  options.viewport.y = bp_view_state_get_y (self->view);
  options.viewport.width = width / zoom;
  options.viewport.height = height / zoom;
  options.selection = bp_selection_get_ids (self->selection);
  options.hover_id = self->hover_id;
  options.insights = self->insights;
  options.crossings = self->show_crossings;

  bp_render (cr, self->layout, &options);
  bp_render_frozen_headers (cr, self->layout, &options);

  /* The legend at screen size, in the bottom-right corner. */
  if (self->show_legend)
    {
      double legend_w, legend_h;

      options.zoom = 1;
      bp_render_get_legend_size (self->layout, &legend_w, &legend_h);
      if (legend_w + 2 * LEGEND_INSET <= width && legend_h + 2 * LEGEND_INSET <= height)
        bp_render_legend (cr, self->layout, &options,
                          width - LEGEND_INSET - legend_w, height - LEGEND_INSET - legend_h);
    }
}

/* A point in a frozen header (bp_render_frozen_headers()) is the point of
 * the header it shows; anywhere else, the point under it. */
void
bp_canvas_hit_test (BpCanvas *self,
                    double    cx,
                    double    cy,
                    BpHit    *hit)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpRect viewport;
  double dx, dy;
  BpHit frozen;

  viewport.x = bp_view_state_get_x (self->view);
  viewport.y = bp_view_state_get_y (self->view);
  viewport.width = gtk_widget_get_width (GTK_WIDGET (self)) / zoom;
  viewport.height = gtk_widget_get_height (GTK_WIDGET (self)) / zoom;
  bp_render_get_frozen_offsets (self->layout, &viewport, &dx, &dy);

  if (dx > 0 || dy > 0)
    {
      double header_width = bp_layout_get_header_width (self->layout);
      double header_height = bp_layout_get_header_height (self->layout);
      BpRect title;
      double fx = cx, fy = cy;

      bp_layout_get_title_rect (self->layout, &title);
      if (dx > 0 && cx - dx < header_width && cy >= title.y + title.height)
        fx = cx - dx;
      if (dy > 0 && cy - dy < title.y + title.height + header_height)
        fy = cy - dy;

      if (fx != cx || fy != cy)
        {
          bp_layout_hit_test (self->layout, fx, fy, &frozen);
          if (frozen.kind == BP_HIT_LANE_HEADER || frozen.kind == BP_HIT_STAGE_HEADER)
            {
              *hit = frozen;
              return;
            }
          /* The corner, a line's label: nothing to select. */
          memset (hit, 0, sizeof *hit);
          return;
        }
    }

  bp_layout_hit_test (self->layout, cx, cy, hit);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  BpCanvas *self = BP_CANVAS (area);

  bp_canvas_draw_sheet (self, cr, width, height);
  bp_canvas_draw_overlays (self, cr);
}

/* Zooms, then scrolls to the sheet's top-left corner with its margin. */
static void
show_from_top_left (BpCanvas *self,
                    double    zoom)
{
  bp_view_state_set_zoom (self->view, zoom);
  zoom = bp_view_state_get_zoom (self->view);
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, -BP_CANVAS_MARGIN * zoom);
  gtk_adjustment_set_value (self->vadjustment, -BP_CANVAS_MARGIN * zoom);
}

/* As many whole stages as fit, from the first, at a size where cards can
 * be read (bp_view_state_first_zoom()); the rest scroll sideways, along
 * the journey. Zoom to Fit goes further. */
static gboolean
fit_once_cb (gpointer data)
{
  BpCanvas *self = data;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autofree double *ends = NULL;
  guint n_stages;
  BpRect bounds;

  self->fit_source = 0;
  bp_canvas_ensure_layout (self);
  get_blueprint_bounds (self, &bounds);
  if (bounds.height <= 0 || width <= 0 || height <= 0)
    return G_SOURCE_REMOVE;

  n_stages = bp_document_get_n_stages (self->document);
  ends = g_new0 (double, MAX (n_stages, 1));
  for (guint i = 0; i < n_stages; i++)
    {
      BpRect column;

      if (bp_layout_get_stage_rect (self->layout, i, &column))
        ends[i] = column.x + column.width;
      else
        ends[i] = i > 0 ? ends[i - 1] : bounds.width;
    }

  show_from_top_left (self, bp_view_state_first_zoom (ends, n_stages, bounds.height,
                                                      width, height, BP_CANVAS_MARGIN));
  return G_SOURCE_REMOVE;
}

static void
bp_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  BpCanvas *self = BP_CANVAS (widget);

  GTK_WIDGET_CLASS (bp_canvas_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->card_editor));
  bp_canvas_ensure_layout (self);
  configure_adjustments (self);

  /* A document just opened is shown whole, once the view has a size;
   * after this allocation, since zooming resizes the header's label. */
  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      g_clear_handle_id (&self->fit_source, g_source_remove);
      self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_once_cb,
                                          g_object_ref (self), g_object_unref);
    }
}

static void
on_adjustment_value_changed (BpCanvas *self)
{
  update_view_origin (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (BpCanvas       *self,
                GtkAdjustment **field,
                GtkAdjustment  *adjustment)
{
  if (*field == adjustment && adjustment != NULL)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_func (*field, on_adjustment_value_changed, self);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  g_set_object (field, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self);
}

static void
bp_canvas_dispose (GObject *object)
{
  BpCanvas *self = BP_CANVAS (object);

  /* No signals from here on: whoever listened is going away too. */
  g_clear_handle_id (&self->relayout_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  g_clear_pointer (&self->insights, bp_insights_unref);
  g_clear_pointer (&self->card_editor, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->view);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (bp_canvas_parent_class)->dispose (object);
}

static void
bp_canvas_finalize (GObject *object)
{
  BpCanvas *self = BP_CANVAS (object);

  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->flow_target_id, g_free);
  g_clear_pointer (&self->moving, g_array_unref);
  g_clear_object (&self->comparison);
  g_clear_object (&self->compare_layout);
  bp_canvas_drop_sheet_cache (self);

  G_OBJECT_CLASS (bp_canvas_parent_class)->finalize (object);
}

static void
bp_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BpCanvas *self = BP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_SHOW_CROSSINGS:
      g_value_set_boolean (value, self->show_crossings);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BpCanvas *self = BP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      bp_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_SHOW_LEGEND:
      bp_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_CROSSINGS:
      self->show_crossings = g_value_get_boolean (value);
      bp_canvas_drop_sheet_cache (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_canvas_class_init (BpCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_canvas_dispose;
  object_class->finalize = bp_canvas_finalize;
  object_class->get_property = bp_canvas_get_property;
  object_class->set_property = bp_canvas_set_property;

  widget_class->size_allocate = bp_canvas_size_allocate;
  widget_class->snapshot = bp_canvas_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* A ring where each flow crosses a line (the Insights' crossings). */
  properties[PROP_SHOW_CROSSINGS] =
    g_param_spec_boolean ("show-crossings", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The figures (bp_canvas_get_insights()) changed with the document:
   * emitted once it is laid out, before the frame that shows it. */
  signals[SIGNAL_INSIGHTS_CHANGED] =
    g_signal_new ("insights-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "bpcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_zoom_changed (BpCanvas *self)
{
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_paste_motion (GtkEventControllerMotion *controller,
                 double                    x,
                 double                    y,
                 BpCanvas                 *self)
{
  self->paste_x = x;
  self->paste_y = y;
}

static void
init_paste_point (BpCanvas *self)
{
  self->paste_motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->paste_motion, "enter", G_CALLBACK (on_paste_motion), self);
  g_signal_connect (self->paste_motion, "motion", G_CALLBACK (on_paste_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->paste_motion);
}

gboolean
bp_canvas_get_pointer_landing (BpCanvas  *self,
                               double     width,
                               BpLane   **lane,
                               BpStage  **stage,
                               double    *x)
{
  BpSnapOptions options;
  BpSnapResult landing;
  double cx, cy;

  g_return_val_if_fail (BP_IS_CANVAS (self), FALSE);

  if (self->document == NULL ||
      !gtk_event_controller_motion_contains_pointer (GTK_EVENT_CONTROLLER_MOTION (self->paste_motion)))
    return FALSE;

  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, self->paste_x, self->paste_y, &cx, &cy);
  bp_canvas_snap_options (self, &options);
  if (!bp_snap_card (self->layout, NULL, width, cx - width / 2, cy - BP_LAYOUT_CARD_HEIGHT / 2,
                     &options, &landing))
    return FALSE;
  *lane = landing.lane;
  *stage = landing.stage;
  *x = landing.x;
  return TRUE;
}

const char *
bp_canvas_get_tooltip_at (BpCanvas     *self,
                          double        wx,
                          double        wy,
                          GdkRectangle *area)
{
  const char *notes;
  double cx, cy, x0, y0, x1, y1;
  BpRect card;
  BpHit hit;

  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);

  if (self->document == NULL)
    return NULL;
  bp_canvas_ensure_layout (self);
  bp_canvas_widget_to_canvas (self, wx, wy, &cx, &cy);
  bp_canvas_hit_test (self, cx, cy, &hit);
  if (hit.kind != BP_HIT_STEP)
    return NULL;

  notes = bp_step_get_notes (BP_STEP (hit.item));
  if (notes == NULL || notes[0] == '\0' ||
      !bp_layout_get_item_rect (self->layout, hit.item, &card))
    return NULL;

  if (area != NULL)
    {
      bp_canvas_canvas_to_widget (self, card.x, card.y, &x0, &y0);
      bp_canvas_canvas_to_widget (self, card.x + card.width, card.y + card.height, &x1, &y1);
      *area = (GdkRectangle) { (int) floor (x0), (int) floor (y0),
                               (int) ceil (x1 - x0), (int) ceil (y1 - y0) };
    }
  return notes;
}

/* A card's notes show in its tooltip; the tip area makes the tooltip
 * follow the pointer from card to card. */
static gboolean
on_query_tooltip (BpCanvas   *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  GdkRectangle area;
  const char *notes;

  /* Not over the card's own editor. */
  if (keyboard || gtk_widget_get_visible (self->card_editor))
    return FALSE;

  notes = bp_canvas_get_tooltip_at (self, x, y, &area);
  if (notes == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, notes);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
bp_canvas_init (BpCanvas *self)
{
  self->view = bp_view_state_new ();
  self->selection = bp_selection_new (NULL);
  self->moving = g_array_new (FALSE, TRUE, sizeof (BpMovingCard));

  g_signal_connect_swapped (self->view, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  /* The cached sheet shows the selection it was drawn with. */
  g_signal_connect_swapped (self->selection, "changed", G_CALLBACK (bp_canvas_drop_sheet_cache), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  self->card_editor = bp_card_editor_new ();
  gtk_widget_set_parent (self->card_editor, GTK_WIDGET (self));

  bp_canvas_init_input (self);
  bp_canvas_init_insights (self);
  init_paste_point (self);
}

GtkWidget *
bp_canvas_new (void)
{
  return g_object_new (BP_TYPE_CANVAS, NULL);
}

BpDocument *
bp_canvas_get_document (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);
  return self->document;
}

/* @layout is @document's, or NULL to lay @document out here. */
static void
show_document (BpCanvas   *self,
               BpDocument *document,
               BpLayout   *layout)
{

  bp_canvas_cancel_drag (self);
  /* Its card belongs to the document going away. */
  if (self->card_editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->card_editor));
  g_clear_handle_id (&self->relayout_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->layout);
  bp_canvas_drop_sheet_cache (self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->hover_id, g_free);

  if (document != NULL)
    {
      self->layout = layout != NULL ? g_object_ref (layout) : bp_layout_new (document);
      self->changed_handler =
        g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
    }

  update_insights (self);
  configure_adjustments (self);
  self->fit_pending = document != NULL;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  tell_insights (self);
  /* Told last, when the canvas shows the new document. */
  bp_selection_set_document (self->selection, document);
}

void
bp_canvas_set_document (BpCanvas   *self,
                        BpDocument *document)
{
  g_return_if_fail (BP_IS_CANVAS (self));
  g_return_if_fail (document == NULL || BP_IS_DOCUMENT (document));

  if (self->document != document)
    show_document (self, document, NULL);
}

void
bp_canvas_set_layout (BpCanvas *self,
                      BpLayout *layout)
{
  g_return_if_fail (BP_IS_CANVAS (self));
  g_return_if_fail (BP_IS_LAYOUT (layout));

  if (self->document != bp_layout_get_document (layout))
    show_document (self, bp_layout_get_document (layout), layout);
}

void
bp_canvas_replace_document (BpCanvas   *self,
                            BpDocument *document)
{
  double zoom, x, y;
  gboolean fit_pending;

  g_return_if_fail (BP_IS_CANVAS (self));
  g_return_if_fail (BP_IS_DOCUMENT (document));

  zoom = bp_view_state_get_zoom (self->view);
  x = gtk_adjustment_get_value (self->hadjustment);
  y = gtk_adjustment_get_value (self->vadjustment);
  fit_pending = self->fit_pending;

  /* Moved first, so that showing the new document keeps the ids. */
  bp_selection_replace_document (self->selection, document);
  bp_canvas_set_document (self, document);

  /* A view that was never shown still fits the document once it is. */
  self->fit_pending = fit_pending;

  bp_view_state_set_zoom (self->view, zoom);
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, x);
  gtk_adjustment_set_value (self->vadjustment, y);
  update_view_origin (self);
}

BpLayout *
bp_canvas_get_layout (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);

  bp_canvas_ensure_layout (self);
  return self->layout;
}

BpViewState *
bp_canvas_get_view_state (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);
  return self->view;
}

void
bp_canvas_set_dark (BpCanvas *self,
                    gboolean  dark)
{
  g_return_if_fail (BP_IS_CANVAS (self));

  if (self->dark == !!dark)
    return;
  self->dark = !!dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bp_canvas_set_dark_from_style (GObject    *style_manager,
                               GParamSpec *pspec,
                               BpCanvas   *self)
{
  gboolean dark = FALSE;

  g_object_get (style_manager, "dark", &dark, NULL);
  bp_canvas_set_dark (self, dark);
}

void
bp_canvas_set_show_legend (BpCanvas *self,
                           gboolean  show_legend)
{
  g_return_if_fail (BP_IS_CANVAS (self));

  if (self->show_legend == !!show_legend)
    return;
  self->show_legend = !!show_legend;
  bp_canvas_drop_sheet_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

gboolean
bp_canvas_get_show_legend (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), FALSE);
  return self->show_legend;
}

BpSelection *
bp_canvas_get_selection (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);
  return self->selection;
}

void
bp_canvas_widget_to_canvas (BpCanvas *self,
                            double    wx,
                            double    wy,
                            double   *cx,
                            double   *cy)
{
  double zoom = bp_view_state_get_zoom (self->view);

  *cx = bp_view_state_get_x (self->view) + wx / zoom;
  *cy = bp_view_state_get_y (self->view) + wy / zoom;
}

void
bp_canvas_canvas_to_widget (BpCanvas *self,
                            double    cx,
                            double    cy,
                            double   *wx,
                            double   *wy)
{
  double zoom = bp_view_state_get_zoom (self->view);

  *wx = (cx - bp_view_state_get_x (self->view)) * zoom;
  *wy = (cy - bp_view_state_get_y (self->view)) * zoom;
}

void
bp_canvas_zoom_at (BpCanvas *self,
                   double    zoom,
                   double    wx,
                   double    wy)
{
  double cx, cy;

  g_return_if_fail (BP_IS_CANVAS (self));

  bp_canvas_widget_to_canvas (self, wx, wy, &cx, &cy);
  bp_view_state_set_zoom (self->view, zoom);
  zoom = bp_view_state_get_zoom (self->view);

  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, cx * zoom - wx);
  gtk_adjustment_set_value (self->vadjustment, cy * zoom - wy);
  update_view_origin (self);
}

static void
zoom_around_centre (BpCanvas *self,
                    double    zoom)
{
  bp_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bp_canvas_zoom_in (BpCanvas *self)
{
  zoom_around_centre (self, bp_view_state_zoom_step (bp_view_state_get_zoom (self->view), 1));
}

void
bp_canvas_zoom_out (BpCanvas *self)
{
  zoom_around_centre (self, bp_view_state_zoom_step (bp_view_state_get_zoom (self->view), -1));
}

void
bp_canvas_zoom_reset (BpCanvas *self)
{
  zoom_around_centre (self, 1.0);
}

void
bp_canvas_zoom_to_fit (BpCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  BpRect bounds;
  double zoom;

  g_return_if_fail (BP_IS_CANVAS (self));

  bp_canvas_ensure_layout (self);
  get_blueprint_bounds (self, &bounds);
  if (bounds.width <= 0 || bounds.height <= 0 || width <= 0 || height <= 0)
    return;

  /* Small blueprints stay at their real size. */
  zoom = MIN (1.0, MIN (width / (bounds.width + 2 * BP_CANVAS_MARGIN),
                        height / (bounds.height + 2 * BP_CANVAS_MARGIN)));
  show_from_top_left (self, zoom);
}

void
bp_canvas_scroll_by (BpCanvas *self,
                     double    dx,
                     double    dy)
{
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

void
bp_canvas_reveal (BpCanvas *self,
                  BpItem   *item)
{
  double zoom = bp_view_state_get_zoom (self->view);
  BpRect rect;

  g_return_if_fail (BP_IS_CANVAS (self));

  /* An item just added may lie past the scroll range the scrollbars
   * know: lay out and grow the range first, not before the next frame. */
  bp_canvas_ensure_layout (self);
  configure_adjustments (self);
  if (self->layout == NULL || !bp_layout_get_item_rect (self->layout, item, &rect))
    return;

  gtk_adjustment_clamp_page (self->hadjustment, rect.x * zoom, (rect.x + rect.width) * zoom);
  gtk_adjustment_clamp_page (self->vadjustment, rect.y * zoom, (rect.y + rect.height) * zoom);
}

void
bp_canvas_set_hover (BpCanvas   *self,
                     const char *id)
{
  if (g_strcmp0 (self->hover_id, id) == 0)
    return;

  g_free (self->hover_id);
  self->hover_id = g_strdup (id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the editor of @item points: the card, or the lane's or stage's
 * header. */
static gboolean
editor_rect (BpCanvas *self,
             BpItem   *item,
             BpRect   *rect)
{
  int position = bp_document_get_position (self->document, item);

  if (BP_IS_LANE (item))
    return position >= 0 && bp_layout_get_lane_header_rect (self->layout, position, rect);
  if (BP_IS_STAGE (item))
    return position >= 0 && bp_layout_get_stage_header_rect (self->layout, position, rect);
  return bp_layout_get_item_rect (self->layout, item, rect);
}

void
bp_canvas_edit_item (BpCanvas *self,
                     BpItem   *item)
{
  double zoom = bp_view_state_get_zoom (self->view);
  GdkRectangle pointing;
  double wx, wy;
  BpRect rect;

  g_return_if_fail (BP_IS_CANVAS (self));
  g_return_if_fail (BP_IS_STEP (item) || BP_IS_LANE (item) || BP_IS_STAGE (item));

  if (self->document == NULL)
    return;
  bp_canvas_reveal (self, item);
  if (!editor_rect (self, item, &rect))
    return;

  if (!BP_IS_STEP (item))
    {
      /* The header itself may be wider or taller than the view. */
      double x0 = bp_view_state_get_x (self->view);
      double y0 = bp_view_state_get_y (self->view);
      double x1 = x0 + gtk_widget_get_width (GTK_WIDGET (self)) / zoom;
      double y1 = y0 + gtk_widget_get_height (GTK_WIDGET (self)) / zoom;
      double left = MAX (rect.x, x0), top = MAX (rect.y, y0);

      rect.width = MAX (1, MIN (rect.x + rect.width, x1) - left);
      rect.height = MAX (1, MIN (rect.y + rect.height, y1) - top);
      rect.x = left;
      rect.y = top;
    }

  bp_canvas_canvas_to_widget (self, rect.x, rect.y, &wx, &wy);
  pointing.x = (int) wx;
  pointing.y = (int) wy;
  pointing.width = MAX (1, (int) (rect.width * zoom));
  pointing.height = MAX (1, (int) (rect.height * zoom));
  bp_card_editor_edit_item (BP_CARD_EDITOR (self->card_editor), item, &pointing);
}

void
bp_canvas_edit_step (BpCanvas *self,
                     BpStep   *step)
{
  g_return_if_fail (BP_IS_STEP (step));
  bp_canvas_edit_item (self, BP_ITEM (step));
}

BpCardEditor *
bp_canvas_get_card_editor (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), NULL);
  return BP_CARD_EDITOR (self->card_editor);
}

void
bp_canvas_snap_options (BpCanvas      *self,
                        BpSnapOptions *options)
{
  bp_snap_options_init (options);
  options->enabled = !self->free_move;
}

gboolean
bp_canvas_is_settled (BpCanvas *self)
{
  g_return_val_if_fail (BP_IS_CANVAS (self), FALSE);

  return !self->fit_pending && self->fit_source == 0 && self->relayout_source == 0;
}
