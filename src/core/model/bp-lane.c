/* bp-lane.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-lane.h"

#include <glib/gi18n.h>

#include "model/bp-item-private.h"

struct _BpLane
{
  BpItem  parent_instance;

  int     kind;    /* BpLaneKind, an int for bp_item_change_int() */
  char   *name;
  double  height;
  char   *color;
};

G_DEFINE_FINAL_TYPE (BpLane, bp_lane, BP_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_HEIGHT,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_lane_finalize (GObject *object)
{
  BpLane *self = BP_LANE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (bp_lane_parent_class)->finalize (object);
}

static void
bp_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BpLane *self = BP_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BpLane *self = BP_LANE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      bp_lane_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      bp_lane_set_name (self, g_value_get_string (value));
      break;

    case PROP_HEIGHT:
      bp_lane_set_height (self, g_value_get_double (value));
      break;

    case PROP_COLOR:
      bp_lane_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_lane_class_init (BpLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BpItemClass *item_class = BP_ITEM_CLASS (klass);

  object_class->finalize = bp_lane_finalize;
  object_class->get_property = bp_lane_get_property;
  object_class->set_property = bp_lane_set_property;

  item_class->display_name = N_("Lane");

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Zone"), NULL,
                       BP_TYPE_LANE_KIND, BP_LANE_KIND_CUSTOMER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", N_("Height"), NULL,
                         BP_LANE_MIN_HEIGHT, BP_LANE_MAX_HEIGHT, BP_LANE_DEFAULT_HEIGHT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", N_("Color"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_lane_init (BpLane *self)
{
  self->kind = BP_LANE_KIND_CUSTOMER;
  self->height = BP_LANE_DEFAULT_HEIGHT;
}

BpLane *
bp_lane_new (const char *id,
             BpLaneKind  kind)
{
  g_return_val_if_fail (bp_id_is_valid (id), NULL);

  return g_object_new (BP_TYPE_LANE, "id", id, "kind", kind, NULL);
}

BpLaneKind
bp_lane_get_kind (BpLane *self)
{
  g_return_val_if_fail (BP_IS_LANE (self), 0);
  return self->kind;
}

void
bp_lane_set_kind (BpLane     *self,
                  BpLaneKind  kind)
{
  g_return_if_fail (BP_IS_LANE (self));
  g_return_if_fail (kind < BP_N_LANE_KINDS);

  bp_item_change_int (BP_ITEM (self), &self->kind, kind, properties[PROP_KIND]);
}

const char *
bp_lane_get_name (BpLane *self)
{
  g_return_val_if_fail (BP_IS_LANE (self), NULL);
  return self->name;
}

void
bp_lane_set_name (BpLane     *self,
                  const char *name)
{
  g_return_if_fail (BP_IS_LANE (self));

  bp_item_change_string (BP_ITEM (self), &self->name, name, properties[PROP_NAME]);
}

const char *
bp_lane_get_display_name (BpLane *self)
{
  g_return_val_if_fail (BP_IS_LANE (self), NULL);

  if (self->name != NULL)
    return self->name;
  return bp_lane_kind_default_name (self->kind);
}

double
bp_lane_get_height (BpLane *self)
{
  g_return_val_if_fail (BP_IS_LANE (self), 0);
  return self->height;
}

void
bp_lane_set_height (BpLane *self,
                    double  height)
{
  g_return_if_fail (BP_IS_LANE (self));

  height = bp_item_clamp (height, BP_LANE_MIN_HEIGHT, BP_LANE_MAX_HEIGHT);
  bp_item_change_double (BP_ITEM (self), &self->height, height,
                         properties[PROP_HEIGHT]);
}

const char *
bp_lane_get_color (BpLane *self)
{
  g_return_val_if_fail (BP_IS_LANE (self), NULL);
  return self->color;
}

void
bp_lane_set_color (BpLane     *self,
                   const char *color)
{
  g_return_if_fail (BP_IS_LANE (self));
  g_return_if_fail (color == NULL || bp_color_is_valid (color));

  bp_item_change_string (BP_ITEM (self), &self->color, color, properties[PROP_COLOR]);
}
