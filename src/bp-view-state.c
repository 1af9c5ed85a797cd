/* bp-view-state.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-view-state.h"

struct _BpViewState
{
  GObject parent_instance;

  double  zoom;
  double  x;
  double  y;
};

G_DEFINE_FINAL_TYPE (BpViewState, bp_view_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_X,
  PROP_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double zoom_levels[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0,
};

static void
bp_view_state_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BpViewState *self = BP_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_view_state_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BpViewState *self = BP_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      bp_view_state_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_view_state_class_init (BpViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bp_view_state_get_property;
  object_class->set_property = bp_view_state_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         BP_VIEW_STATE_MIN_ZOOM, BP_VIEW_STATE_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_view_state_init (BpViewState *self)
{
  self->zoom = 1.0;
}

BpViewState *
bp_view_state_new (void)
{
  return g_object_new (BP_TYPE_VIEW_STATE, NULL);
}

double
bp_view_state_get_zoom (BpViewState *self)
{
  g_return_val_if_fail (BP_IS_VIEW_STATE (self), 1.0);
  return self->zoom;
}

void
bp_view_state_set_zoom (BpViewState *self,
                        double       zoom)
{
  g_return_if_fail (BP_IS_VIEW_STATE (self));

  zoom = CLAMP (zoom, BP_VIEW_STATE_MIN_ZOOM, BP_VIEW_STATE_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
bp_view_state_get_x (BpViewState *self)
{
  g_return_val_if_fail (BP_IS_VIEW_STATE (self), 0);
  return self->x;
}

double
bp_view_state_get_y (BpViewState *self)
{
  g_return_val_if_fail (BP_IS_VIEW_STATE (self), 0);
  return self->y;
}

void
bp_view_state_set_origin (BpViewState *self,
                          double       x,
                          double       y)
{
  g_return_if_fail (BP_IS_VIEW_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (x != self->x)
    {
      self->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
    }
  if (y != self->y)
    {
      self->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

double
bp_view_state_zoom_step (double zoom,
                         int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom + 0.001)
          return zoom_levels[i];
      return BP_VIEW_STATE_MAX_ZOOM;
    }

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom - 0.001)
      return zoom_levels[i - 1];
  return BP_VIEW_STATE_MIN_ZOOM;
}

double
bp_view_state_first_zoom (const double *stage_ends,
                          guint         n_stages,
                          double        sheet_height,
                          double        width,
                          double        height,
                          double        margin)
{
  double by_width = BP_VIEW_STATE_READABLE_ZOOM;
  double by_height;

  g_return_val_if_fail (n_stages == 0 || stage_ends != NULL, 1.0);

  if (width <= 0 || height <= 0)
    return 1.0;

  /* The most whole stages, from the first, that still fit readable. */
  for (guint k = n_stages; k > 0; k--)
    {
      double zoom = width / (stage_ends[k - 1] + 2 * margin);

      if (zoom >= BP_VIEW_STATE_READABLE_ZOOM)
        {
          by_width = zoom;
          break;
        }
    }

  /* Every lane too, when they fit readable. */
  by_height = sheet_height > 0 ? height / (sheet_height + 2 * margin) : 1.0;

  return CLAMP (MIN (by_width, by_height), BP_VIEW_STATE_READABLE_ZOOM, 1.0);
}
