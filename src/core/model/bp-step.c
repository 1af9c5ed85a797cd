/* bp-step.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-step.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/bp-document.h"
#include "model/bp-item-private.h"

struct _BpStep
{
  BpItem  parent_instance;

  char   *lane;
  char   *stage;
  double  x;
  double  width;
  char   *text;
  char   *actor;
  double  duration;  /* negative: none */
  double  tolerance; /* negative: none */
  char   *notes;
  int     flags;     /* BpStepFlags, an int for bp_item_change_int() */
  char   *color;
};

G_DEFINE_FINAL_TYPE (BpStep, bp_step, BP_TYPE_ITEM)

enum {
  PROP_0,
  PROP_LANE,
  PROP_STAGE,
  PROP_X,
  PROP_WIDTH,
  PROP_TEXT,
  PROP_ACTOR,
  PROP_DURATION,
  PROP_TOLERANCE,
  PROP_NOTES,
  PROP_FLAGS,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_step_finalize (GObject *object)
{
  BpStep *self = BP_STEP (object);

  g_clear_pointer (&self->lane, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (bp_step_parent_class)->finalize (object);
}

static void
bp_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BpStep *self = BP_STEP (object);

  switch (prop_id)
    {
    case PROP_LANE:
      g_value_set_string (value, self->lane);
      break;

    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_DURATION:
      g_value_set_double (value, self->duration);
      break;

    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_step_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BpStep *self = BP_STEP (object);

  switch (prop_id)
    {
    case PROP_LANE:
      bp_step_set_lane (self, g_value_get_string (value));
      break;

    case PROP_STAGE:
      bp_step_set_stage (self, g_value_get_string (value));
      break;

    case PROP_X:
      bp_step_set_x (self, g_value_get_double (value));
      break;

    case PROP_WIDTH:
      bp_step_set_width (self, g_value_get_double (value));
      break;

    case PROP_TEXT:
      bp_step_set_text (self, g_value_get_string (value));
      break;

    case PROP_ACTOR:
      bp_step_set_actor (self, g_value_get_string (value));
      break;

    case PROP_DURATION:
      bp_step_set_duration (self, g_value_get_double (value));
      break;

    case PROP_TOLERANCE:
      bp_step_set_tolerance (self, g_value_get_double (value));
      break;

    case PROP_NOTES:
      bp_step_set_notes (self, g_value_get_string (value));
      break;

    case PROP_FLAGS:
      bp_step_set_flags (self, g_value_get_flags (value));
      break;

    case PROP_COLOR:
      bp_step_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
double_property (const char *name,
                 const char *nick,
                 double      minimum,
                 double      maximum,
                 double      default_value)
{
  return g_param_spec_double (name, nick, NULL, minimum, maximum, default_value,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
bp_step_class_init (BpStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BpItemClass *item_class = BP_ITEM_CLASS (klass);

  object_class->finalize = bp_step_finalize;
  object_class->get_property = bp_step_get_property;
  object_class->set_property = bp_step_set_property;

  item_class->display_name = N_("Card");

  properties[PROP_LANE] = bp_model_string_property ("lane", N_("Lane"), NULL);
  properties[PROP_STAGE] = bp_model_string_property ("stage", N_("Stage"), NULL);
  properties[PROP_X] = double_property ("x", N_("Position"), 0, BP_STEP_MAX_X, 0);
  properties[PROP_WIDTH] = double_property ("width", N_("Width"),
                                            BP_STEP_MIN_WIDTH, BP_STEP_MAX_WIDTH,
                                            BP_STEP_DEFAULT_WIDTH);
  properties[PROP_TEXT] = bp_model_string_property ("text", N_("Text"), "");
  properties[PROP_ACTOR] = bp_model_string_property ("actor", N_("Actor"), NULL);
  properties[PROP_DURATION] = double_property ("duration", N_("Duration"),
                                               -1, G_MAXDOUBLE, -1);
  properties[PROP_TOLERANCE] = double_property ("tolerance", N_("Tolerance"),
                                                -1, G_MAXDOUBLE, -1);
  properties[PROP_NOTES] = bp_model_string_property ("notes", N_("Notes"), NULL);
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", N_("Marks"), NULL,
                        BP_TYPE_STEP_FLAGS, BP_STEP_FLAG_NONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOR] = bp_model_string_property ("color", N_("Color"), NULL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_step_init (BpStep *self)
{
  self->width = BP_STEP_DEFAULT_WIDTH;
  self->text = g_strdup ("");
  self->duration = -1;
  self->tolerance = -1;
}

BpStep *
bp_step_new (const char *id,
             const char *lane_id,
             const char *stage_id,
             double      x)
{
  g_return_val_if_fail (bp_id_is_valid (id), NULL);

  return g_object_new (BP_TYPE_STEP,
                       "id", id,
                       "lane", lane_id,
                       "stage", stage_id,
                       "x", x,
                       NULL);
}

/* An attached step stays in a lane and a stage of its document. */
static gboolean
reference_is_valid (BpStep     *self,
                    const char *id,
                    GType       type)
{
  BpDocument *document = bp_item_get_document (BP_ITEM (self));
  BpItem *item;

  if (document == NULL)
    return TRUE;

  item = bp_document_lookup (document, id);
  return item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type);
}

const char *
bp_step_get_lane (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->lane;
}

void
bp_step_set_lane (BpStep     *self,
                  const char *lane_id)
{
  g_return_if_fail (BP_IS_STEP (self));
  g_return_if_fail (reference_is_valid (self, lane_id, BP_TYPE_LANE));

  bp_item_change_string (BP_ITEM (self), &self->lane, lane_id, properties[PROP_LANE]);
}

const char *
bp_step_get_stage (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->stage;
}

void
bp_step_set_stage (BpStep     *self,
                   const char *stage_id)
{
  g_return_if_fail (BP_IS_STEP (self));
  g_return_if_fail (reference_is_valid (self, stage_id, BP_TYPE_STAGE));

  bp_item_change_string (BP_ITEM (self), &self->stage, stage_id, properties[PROP_STAGE]);
}

double
bp_step_get_x (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), 0);
  return self->x;
}

void
bp_step_set_x (BpStep *self,
               double  x)
{
  g_return_if_fail (BP_IS_STEP (self));

  x = bp_item_clamp (x, 0, BP_STEP_MAX_X);
  bp_item_change_double (BP_ITEM (self), &self->x, x, properties[PROP_X]);
}

double
bp_step_get_width (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), 0);
  return self->width;
}

void
bp_step_set_width (BpStep *self,
                   double  width)
{
  g_return_if_fail (BP_IS_STEP (self));

  width = bp_item_clamp (width, BP_STEP_MIN_WIDTH, BP_STEP_MAX_WIDTH);
  bp_item_change_double (BP_ITEM (self), &self->width, width, properties[PROP_WIDTH]);
}

const char *
bp_step_get_text (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->text;
}

void
bp_step_set_text (BpStep     *self,
                  const char *text)
{
  g_return_if_fail (BP_IS_STEP (self));

  bp_item_change_string (BP_ITEM (self), &self->text, text ? text : "",
                         properties[PROP_TEXT]);
}

const char *
bp_step_get_actor (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->actor;
}

void
bp_step_set_actor (BpStep     *self,
                   const char *actor)
{
  g_return_if_fail (BP_IS_STEP (self));

  bp_item_change_string (BP_ITEM (self), &self->actor, actor, properties[PROP_ACTOR]);
}

double
bp_step_get_duration (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), -1);
  return self->duration;
}

/* Any negative value means "no duration"; it is stored as -1 so that
 * the change compares equal. */
void
bp_step_set_duration (BpStep *self,
                      double  duration)
{
  g_return_if_fail (BP_IS_STEP (self));

  if (duration < 0 || isnan (duration))
    duration = -1;
  bp_item_change_double (BP_ITEM (self), &self->duration, duration,
                         properties[PROP_DURATION]);
}

gboolean
bp_step_has_duration (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), FALSE);
  return self->duration >= 0;
}

double
bp_step_get_tolerance (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), -1);
  return self->tolerance;
}

/* Like the duration: any negative value means "no tolerance". */
void
bp_step_set_tolerance (BpStep *self,
                       double  tolerance)
{
  g_return_if_fail (BP_IS_STEP (self));

  if (tolerance < 0 || isnan (tolerance))
    tolerance = -1;
  bp_item_change_double (BP_ITEM (self), &self->tolerance, tolerance,
                         properties[PROP_TOLERANCE]);
}

gboolean
bp_step_has_tolerance (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), FALSE);
  return self->tolerance >= 0;
}

const char *
bp_step_get_notes (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->notes;
}

void
bp_step_set_notes (BpStep     *self,
                   const char *notes)
{
  g_return_if_fail (BP_IS_STEP (self));

  bp_item_change_string (BP_ITEM (self), &self->notes, notes, properties[PROP_NOTES]);
}

BpStepFlags
bp_step_get_flags (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), 0);
  return self->flags;
}

void
bp_step_set_flags (BpStep      *self,
                   BpStepFlags  flags)
{
  g_return_if_fail (BP_IS_STEP (self));

  bp_item_change_int (BP_ITEM (self), &self->flags, flags & BP_STEP_FLAGS_ALL,
                      properties[PROP_FLAGS]);
}

const char *
bp_step_get_color (BpStep *self)
{
  g_return_val_if_fail (BP_IS_STEP (self), NULL);
  return self->color;
}

void
bp_step_set_color (BpStep     *self,
                   const char *color)
{
  g_return_if_fail (BP_IS_STEP (self));
  g_return_if_fail (color == NULL || bp_color_is_valid (color));

  bp_item_change_string (BP_ITEM (self), &self->color, color, properties[PROP_COLOR]);
}
