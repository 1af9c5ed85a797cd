/* bp-conflict.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-conflict.h"

struct _BpConflict
{
  gatomicrefcount  ref_count;
  char            *item;
  char            *field;
  JsonNode        *ours;
  JsonNode        *theirs;
  JsonObject      *extras;
};

G_DEFINE_BOXED_TYPE (BpConflict, bp_conflict, bp_conflict_ref, bp_conflict_unref)

BpConflict *
bp_conflict_new (const char *item,
                 const char *field,
                 JsonNode   *ours,
                 JsonNode   *theirs,
                 JsonObject *extras)
{
  BpConflict *self;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_new0 (BpConflict, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->item = g_strdup (item);
  self->field = g_strdup (field);
  self->ours = ours != NULL ? json_node_copy (ours) : NULL;
  self->theirs = theirs != NULL ? json_node_copy (theirs) : NULL;
  self->extras = extras != NULL ? json_object_ref (extras) : NULL;
  return self;
}

BpConflict *
bp_conflict_ref (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bp_conflict_unref (BpConflict *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->item);
  g_free (self->field);
  g_clear_pointer (&self->ours, json_node_unref);
  g_clear_pointer (&self->theirs, json_node_unref);
  g_clear_pointer (&self->extras, json_object_unref);
  g_free (self);
}

const char *
bp_conflict_get_item (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->item;
}

const char *
bp_conflict_get_field (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->field;
}

JsonNode *
bp_conflict_get_ours (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ours;
}

JsonNode *
bp_conflict_get_theirs (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->theirs;
}

JsonObject *
bp_conflict_get_extras (BpConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->extras;
}
