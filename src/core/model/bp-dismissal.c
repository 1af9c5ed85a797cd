/* bp-dismissal.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-dismissal.h"

#include "model/bp-types.h"

struct _BpDismissal
{
  gatomicrefcount  ref_count;
  char            *check;
  char            *item;
  JsonObject      *extras;
};

G_DEFINE_BOXED_TYPE (BpDismissal, bp_dismissal, bp_dismissal_ref, bp_dismissal_unref)

BpDismissal *
bp_dismissal_new (const char *check,
                  const char *item,
                  JsonObject *extras)
{
  BpDismissal *self;

  g_return_val_if_fail (bp_check_name_is_valid (check), NULL);
  g_return_val_if_fail (bp_id_is_valid (item), NULL);

  self = g_new0 (BpDismissal, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->check = g_strdup (check);
  self->item = g_strdup (item);
  self->extras = extras != NULL ? json_object_ref (extras) : NULL;
  return self;
}

BpDismissal *
bp_dismissal_ref (BpDismissal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bp_dismissal_unref (BpDismissal *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->check);
  g_free (self->item);
  g_clear_pointer (&self->extras, json_object_unref);
  g_free (self);
}

const char *
bp_dismissal_get_check (BpDismissal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->check;
}

const char *
bp_dismissal_get_item (BpDismissal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->item;
}

JsonObject *
bp_dismissal_get_extras (BpDismissal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->extras;
}
