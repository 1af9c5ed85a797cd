/* bp-flow.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-flow.h"

#include <glib/gi18n.h>

#include "model/bp-document.h"
#include "model/bp-item-private.h"
#include "model/bp-types.h"

struct _BpFlow
{
  BpItem  parent_instance;

  char   *from;
  char   *to;
  char   *label;
  int     kind;  /* BpFlowKind, an int for bp_item_change_int() */
};

G_DEFINE_FINAL_TYPE (BpFlow, bp_flow, BP_TYPE_ITEM)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_LABEL,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_flow_finalize (GObject *object)
{
  BpFlow *self = BP_FLOW (object);

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (bp_flow_parent_class)->finalize (object);
}

static void
bp_flow_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BpFlow *self = BP_FLOW (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_flow_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BpFlow *self = BP_FLOW (object);

  switch (prop_id)
    {
    case PROP_FROM:
      bp_flow_set_from (self, g_value_get_string (value));
      break;

    case PROP_TO:
      bp_flow_set_to (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      bp_flow_set_label (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      bp_flow_set_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_flow_class_init (BpFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BpItemClass *item_class = BP_ITEM_CLASS (klass);

  object_class->finalize = bp_flow_finalize;
  object_class->get_property = bp_flow_get_property;
  object_class->set_property = bp_flow_set_property;

  item_class->display_name = N_("Flow");

  properties[PROP_FROM] =
    g_param_spec_string ("from", N_("Start"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TO] =
    g_param_spec_string ("to", N_("End"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL] =
    g_param_spec_string ("label", N_("Label"), NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Kind"), NULL,
                       BP_TYPE_FLOW_KIND, BP_FLOW_KIND_SEQUENCE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_flow_init (BpFlow *self)
{
}

BpFlow *
bp_flow_new (const char *id,
             const char *from_id,
             const char *to_id)
{
  g_return_val_if_fail (bp_id_is_valid (id), NULL);

  return g_object_new (BP_TYPE_FLOW,
                       "id", id,
                       "from", from_id,
                       "to", to_id,
                       NULL);
}

/* An attached flow joins two distinct steps of its document. */
static gboolean
endpoint_is_valid (BpFlow     *self,
                   const char *step_id,
                   const char *other_id)
{
  BpDocument *document = bp_item_get_document (BP_ITEM (self));

  if (document == NULL)
    return TRUE;

  return BP_IS_STEP (bp_document_lookup (document, step_id)) &&
         g_strcmp0 (step_id, other_id) != 0;
}

const char *
bp_flow_get_from (BpFlow *self)
{
  g_return_val_if_fail (BP_IS_FLOW (self), NULL);
  return self->from;
}

void
bp_flow_set_from (BpFlow     *self,
                  const char *from_id)
{
  g_return_if_fail (BP_IS_FLOW (self));
  g_return_if_fail (endpoint_is_valid (self, from_id, self->to));

  bp_item_change_string (BP_ITEM (self), &self->from, from_id,
                         properties[PROP_FROM]);
}

const char *
bp_flow_get_to (BpFlow *self)
{
  g_return_val_if_fail (BP_IS_FLOW (self), NULL);
  return self->to;
}

void
bp_flow_set_to (BpFlow     *self,
                const char *to_id)
{
  g_return_if_fail (BP_IS_FLOW (self));
  g_return_if_fail (endpoint_is_valid (self, to_id, self->from));

  bp_item_change_string (BP_ITEM (self), &self->to, to_id,
                         properties[PROP_TO]);
}

const char *
bp_flow_get_label (BpFlow *self)
{
  g_return_val_if_fail (BP_IS_FLOW (self), NULL);
  return self->label;
}

void
bp_flow_set_label (BpFlow     *self,
                   const char *label)
{
  g_return_if_fail (BP_IS_FLOW (self));

  bp_item_change_string (BP_ITEM (self), &self->label, label,
                         properties[PROP_LABEL]);
}

BpFlowKind
bp_flow_get_kind (BpFlow *self)
{
  g_return_val_if_fail (BP_IS_FLOW (self), BP_FLOW_KIND_SEQUENCE);
  return self->kind;
}

void
bp_flow_set_kind (BpFlow     *self,
                  BpFlowKind  kind)
{
  g_return_if_fail (BP_IS_FLOW (self));
  g_return_if_fail (kind < BP_N_FLOW_KINDS);

  bp_item_change_int (BP_ITEM (self), &self->kind, kind, properties[PROP_KIND]);
}
