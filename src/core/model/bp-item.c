/* bp-item.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-item.h"
#include "model/bp-item-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/bp-document-private.h"
#include "history/bp-history-private.h"

typedef struct
{
  char       *id;
  BpDocument *document;  /* not a reference: the document owns the item */
  JsonObject *extras;
} BpItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BpItem, bp_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_item_finalize (GObject *object)
{
  BpItemPrivate *priv = bp_item_get_instance_private (BP_ITEM (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extras, json_object_unref);

  G_OBJECT_CLASS (bp_item_parent_class)->finalize (object);
}

static void
bp_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BpItemPrivate *priv = bp_item_get_instance_private (BP_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BpItemPrivate *priv = bp_item_get_instance_private (BP_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_return_if_fail (bp_id_is_valid (g_value_get_string (value)));
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_item_class_init (BpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_item_finalize;
  object_class->get_property = bp_item_get_property;
  object_class->set_property = bp_item_set_property;

  klass->display_name = N_("Item");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_item_init (BpItem *self)
{
}

const char *
bp_item_get_id (BpItem *self)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);

  g_return_val_if_fail (BP_IS_ITEM (self), NULL);
  return priv->id;
}

BpDocument *
bp_item_get_document (BpItem *self)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);

  g_return_val_if_fail (BP_IS_ITEM (self), NULL);
  return priv->document;
}

const char *
bp_item_get_display_name (BpItem *self)
{
  g_return_val_if_fail (BP_IS_ITEM (self), NULL);
  return _(BP_ITEM_GET_CLASS (self)->display_name);
}

JsonObject *
bp_item_get_extras (BpItem *self)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);

  g_return_val_if_fail (BP_IS_ITEM (self), NULL);
  return priv->extras;
}

/* Unknown keys come from a file and only go back to one: they are not
 * edited in the editor, so setting them is not an undoable change. */
void
bp_item_set_extras (BpItem     *self,
                    JsonObject *extras)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);

  g_return_if_fail (BP_IS_ITEM (self));

  if (extras != NULL)
    json_object_ref (extras);
  g_clear_pointer (&priv->extras, json_object_unref);
  priv->extras = extras;
}

void
bp_item_attach (BpItem     *self,
                BpDocument *document)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);

  priv->document = document;
}

static char *
change_label (BpItem     *self,
              GParamSpec *pspec)
{
  const char *nick = g_param_spec_get_nick (pspec);

  /* Translators: an undo step, "Change Card Text" */
  return g_strdup_printf (_("Change %s %s"), bp_item_get_display_name (self), nick);
}

/* Records the old value, lets @apply set the field, and tells the
 * document, all in one undo step. */
static void
change_recorded (BpItem     *self,
                 GParamSpec *pspec,
                 void      (*apply) (gpointer field, gconstpointer value),
                 gpointer    field,
                 gconstpointer value)
{
  BpItemPrivate *priv = bp_item_get_instance_private (self);
  BpHistory *history = NULL;

  if (priv->document != NULL)
    {
      g_autofree char *label = change_label (self, pspec);

      history = bp_document_get_history (priv->document);
      bp_history_begin_implicit (history, label);
      bp_history_record_set (history, self, G_OBJECT (self), pspec);
    }

  apply (field, value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  if (priv->document != NULL)
    {
      bp_document_item_changed (priv->document, self, pspec);
      bp_history_end (history);
    }
}

static void
apply_string (gpointer      field,
              gconstpointer value)
{
  char **str = field;

  g_free (*str);
  *str = g_strdup (value);
}

static void
apply_double (gpointer      field,
              gconstpointer value)
{
  *(double *) field = *(const double *) value;
}

static void
apply_int (gpointer      field,
           gconstpointer value)
{
  *(int *) field = *(const int *) value;
}

gboolean
bp_item_change_string (BpItem      *self,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  change_recorded (self, pspec, apply_string, field, value);
  return TRUE;
}

gboolean
bp_item_change_double (BpItem     *self,
                       double     *field,
                       double      value,
                       GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  change_recorded (self, pspec, apply_double, field, &value);
  return TRUE;
}

gboolean
bp_item_change_int (BpItem     *self,
                    int        *field,
                    int         value,
                    GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  change_recorded (self, pspec, apply_int, field, &value);
  return TRUE;
}
