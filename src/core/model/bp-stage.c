/* bp-stage.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-stage.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/bp-item-private.h"
#include "model/bp-types.h"

struct _BpStage
{
  BpItem  parent_instance;

  char   *name;
  double  width;
  double  tolerance;  /* negative: none */
};

G_DEFINE_FINAL_TYPE (BpStage, bp_stage, BP_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WIDTH,
  PROP_TOLERANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_stage_finalize (GObject *object)
{
  BpStage *self = BP_STAGE (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (bp_stage_parent_class)->finalize (object);
}

static void
bp_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BpStage *self = BP_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_stage_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BpStage *self = BP_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bp_stage_set_name (self, g_value_get_string (value));
      break;

    case PROP_WIDTH:
      bp_stage_set_width (self, g_value_get_double (value));
      break;

    case PROP_TOLERANCE:
      bp_stage_set_tolerance (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_stage_class_init (BpStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BpItemClass *item_class = BP_ITEM_CLASS (klass);

  object_class->finalize = bp_stage_finalize;
  object_class->get_property = bp_stage_get_property;
  object_class->set_property = bp_stage_set_property;

  item_class->display_name = N_("Stage");

  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WIDTH] =
    g_param_spec_double ("width", N_("Width"), NULL,
                         BP_STAGE_MIN_WIDTH, BP_STAGE_MAX_WIDTH, BP_STAGE_DEFAULT_WIDTH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOLERANCE] =
    g_param_spec_double ("tolerance", N_("Tolerance"), NULL,
                         -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_stage_init (BpStage *self)
{
  self->name = g_strdup ("");
  self->width = BP_STAGE_DEFAULT_WIDTH;
  self->tolerance = -1;
}

BpStage *
bp_stage_new (const char *id)
{
  g_return_val_if_fail (bp_id_is_valid (id), NULL);

  return g_object_new (BP_TYPE_STAGE, "id", id, NULL);
}

const char *
bp_stage_get_name (BpStage *self)
{
  g_return_val_if_fail (BP_IS_STAGE (self), NULL);
  return self->name;
}

void
bp_stage_set_name (BpStage    *self,
                   const char *name)
{
  g_return_if_fail (BP_IS_STAGE (self));

  bp_item_change_string (BP_ITEM (self), &self->name, name ? name : "",
                         properties[PROP_NAME]);
}

double
bp_stage_get_width (BpStage *self)
{
  g_return_val_if_fail (BP_IS_STAGE (self), 0);
  return self->width;
}

void
bp_stage_set_width (BpStage *self,
                    double   width)
{
  g_return_if_fail (BP_IS_STAGE (self));

  width = bp_item_clamp (width, BP_STAGE_MIN_WIDTH, BP_STAGE_MAX_WIDTH);
  bp_item_change_double (BP_ITEM (self), &self->width, width,
                         properties[PROP_WIDTH]);
}

double
bp_stage_get_tolerance (BpStage *self)
{
  g_return_val_if_fail (BP_IS_STAGE (self), -1);
  return self->tolerance;
}

/* Any negative value means "no tolerance", stored as -1. */
void
bp_stage_set_tolerance (BpStage *self,
                        double   tolerance)
{
  g_return_if_fail (BP_IS_STAGE (self));

  if (tolerance < 0 || isnan (tolerance))
    tolerance = -1;
  bp_item_change_double (BP_ITEM (self), &self->tolerance, tolerance,
                         properties[PROP_TOLERANCE]);
}

gboolean
bp_stage_has_tolerance (BpStage *self)
{
  g_return_val_if_fail (BP_IS_STAGE (self), FALSE);
  return self->tolerance >= 0;
}
