/* bp-item.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _BpDocument BpDocument;

#define BP_TYPE_ITEM (bp_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (BpItem, bp_item, BP, ITEM, GObject)

/* The base of stages, lanes, steps and flows: an id that never changes,
 * the document the item belongs to (NULL while detached), and the keys
 * a file held that this version does not know, kept to be written back.
 *
 * Property setters of subclasses record the old value in the owning
 * document's history before they change anything, so every change made
 * to an attached item is undoable.
 */
struct _BpItemClass
{
  GObjectClass parent_class;

  /* "Card", "Lane", … for undo labels ("Remove Card"). */
  const char *display_name;
};

const char  *bp_item_get_id        (BpItem     *self);
BpDocument  *bp_item_get_document  (BpItem     *self);
const char  *bp_item_get_display_name (BpItem  *self);

/* Unknown keys in file order; may be NULL. */
JsonObject  *bp_item_get_extras    (BpItem     *self);
void         bp_item_set_extras    (BpItem     *self,
                                    JsonObject *extras);

G_END_DECLS
