/* bp-selection.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "edit/bp-selection.h"
#include "history/bp-history.h"
#include "model/bp-hash.h"

struct _BpSelection
{
  GObject     parent_instance;

  BpDocument *document;
  GPtrArray  *order;    /* owned ids, in selection order */
  GHashTable *ids;      /* the same strings, as a set */
  gboolean    pending;  /* ids dropped inside a transaction, not yet told */
};

G_DEFINE_FINAL_TYPE (BpSelection, bp_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (BpSelection *self)
{
  self->pending = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
add_id (BpSelection *self,
        const char  *id)
{
  char *copy;

  if (g_hash_table_contains (self->ids, id))
    return FALSE;

  copy = g_strdup (id);
  g_ptr_array_add (self->order, copy);
  g_hash_table_add (self->ids, copy);
  return TRUE;
}

static gboolean
remove_id (BpSelection *self,
           const char  *id)
{
  gpointer stored;

  if (!g_hash_table_lookup_extended (self->ids, id, &stored, NULL))
    return FALSE;

  g_hash_table_remove (self->ids, stored);
  g_ptr_array_remove (self->order, stored);
  return TRUE;
}

static gboolean
clear_ids (BpSelection *self)
{
  gboolean any = self->order->len > 0;

  g_hash_table_remove_all (self->ids);
  g_ptr_array_set_size (self->order, 0);
  return any;
}

/* Keeps the ids @document has, in order; TRUE when any went. */
static gboolean
keep_ids_of (BpSelection *self,
             BpDocument  *document)
{
  guint kept = 0;

  for (guint i = 0; i < self->order->len; i++)
    {
      char *id = g_ptr_array_index (self->order, i);

      if (document != NULL && bp_document_lookup (document, id) != NULL)
        {
          self->order->pdata[kept++] = id;
          continue;
        }
      g_hash_table_remove (self->ids, id);
      g_free (id);
    }

  if (kept == self->order->len)
    return FALSE;

  /* The array's free function must not see the ids moved or freed. */
  g_ptr_array_set_free_func (self->order, NULL);
  g_ptr_array_set_size (self->order, kept);
  g_ptr_array_set_free_func (self->order, g_free);
  return TRUE;
}

static gboolean
in_transaction (BpSelection *self)
{
  return bp_history_get_depth (bp_document_get_history (self->document)) > 0;
}

/* An item left a list (removed, or reordered: then it is still there).
 * The document forgets an id before its list lets the item go. */
static void
on_items_changed (BpSelection *self,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GListModel  *list)
{
  if (removed == 0 || self->order->len == 0 || !keep_ids_of (self, self->document))
    return;

  /* A transaction removes many items: tell once, when it ends. */
  if (in_transaction (self))
    self->pending = TRUE;
  else
    emit_changed (self);
}

/* The history notifies when a transaction, an undo or a redo is done. */
static void
on_history_notify (BpSelection *self)
{
  if (self->pending && !in_transaction (self))
    emit_changed (self);
}

static GListModel *
document_list (BpDocument *document,
               guint       i)
{
  switch (i)
    {
    case 0: return bp_document_get_stages (document);
    case 1: return bp_document_get_lanes (document);
    case 2: return bp_document_get_steps (document);
    default: return bp_document_get_flows (document);
    }
}

static void
disconnect_document (BpSelection *self)
{
  if (self->document == NULL)
    return;

  for (guint i = 0; i < 4; i++)
    g_signal_handlers_disconnect_by_data (document_list (self->document, i), self);
  g_signal_handlers_disconnect_by_data (bp_document_get_history (self->document), self);
  g_clear_object (&self->document);
}

static void
connect_document (BpSelection *self,
                  BpDocument  *document)
{
  self->document = g_object_ref (document);
  for (guint i = 0; i < 4; i++)
    g_signal_connect_swapped (document_list (document, i), "items-changed",
                              G_CALLBACK (on_items_changed), self);
  g_signal_connect_swapped (bp_document_get_history (document), "notify::can-undo",
                            G_CALLBACK (on_history_notify), self);
}

/* Returns whether the document changed. */
static gboolean
switch_document (BpSelection *self,
                 BpDocument  *document)
{
  if (self->document == document)
    return FALSE;

  disconnect_document (self);
  if (document != NULL)
    connect_document (self, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  return TRUE;
}

static void
bp_selection_dispose (GObject *object)
{
  BpSelection *self = BP_SELECTION (object);

  disconnect_document (self);

  G_OBJECT_CLASS (bp_selection_parent_class)->dispose (object);
}

static void
bp_selection_finalize (GObject *object)
{
  BpSelection *self = BP_SELECTION (object);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (bp_selection_parent_class)->finalize (object);
}

static void
bp_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BpSelection *self = BP_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BpSelection *self = BP_SELECTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      bp_selection_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_selection_class_init (BpSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_selection_dispose;
  object_class->finalize = bp_selection_finalize;
  object_class->get_property = bp_selection_get_property;
  object_class->set_property = bp_selection_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bp_selection_init (BpSelection *self)
{
  self->order = g_ptr_array_new_with_free_func (g_free);
  /* The strings belong to the array. */
  self->ids = g_hash_table_new (bp_str_hash, g_str_equal);
}

BpSelection *
bp_selection_new (BpDocument *document)
{
  g_return_val_if_fail (document == NULL || BP_IS_DOCUMENT (document), NULL);

  return g_object_new (BP_TYPE_SELECTION, "document", document, NULL);
}

BpDocument *
bp_selection_get_document (BpSelection *self)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), NULL);
  return self->document;
}

void
bp_selection_set_document (BpSelection *self,
                           BpDocument  *document)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (document == NULL || BP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  clear_ids (self);
  switch_document (self, document);
  emit_changed (self);
}

void
bp_selection_replace_document (BpSelection *self,
                               BpDocument  *document)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (document == NULL || BP_IS_DOCUMENT (document));

  if (!switch_document (self, document))
    return;
  keep_ids_of (self, document);
  emit_changed (self);
}

guint
bp_selection_get_count (BpSelection *self)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), 0);
  return self->order->len;
}

gboolean
bp_selection_contains_id (BpSelection *self,
                          const char  *id)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), FALSE);
  return id != NULL && g_hash_table_contains (self->ids, id);
}

gboolean
bp_selection_contains (BpSelection *self,
                       BpItem      *item)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), FALSE);
  return item != NULL && g_hash_table_contains (self->ids, bp_item_get_id (item));
}

const char *
bp_selection_get_id (BpSelection *self,
                     guint        position)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), NULL);

  if (position >= self->order->len)
    return NULL;
  return g_ptr_array_index (self->order, position);
}

BpItem *
bp_selection_get_item (BpSelection *self,
                       guint        position)
{
  const char *id = bp_selection_get_id (self, position);

  if (id == NULL || self->document == NULL)
    return NULL;
  return bp_document_lookup (self->document, id);
}

GPtrArray *
bp_selection_get_items (BpSelection *self,
                        GType        type)
{
  GPtrArray *items = g_ptr_array_new ();

  g_return_val_if_fail (BP_IS_SELECTION (self), items);

  for (guint i = 0; i < self->order->len; i++)
    {
      BpItem *item = bp_selection_get_item (self, i);

      if (item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        g_ptr_array_add (items, item);
    }
  return items;
}

GHashTable *
bp_selection_get_ids (BpSelection *self)
{
  g_return_val_if_fail (BP_IS_SELECTION (self), NULL);
  return self->ids;
}

static gboolean
is_selectable (BpSelection *self,
               BpItem      *item)
{
  return BP_IS_ITEM (item) && self->document != NULL &&
         bp_item_get_document (item) == self->document;
}

void
bp_selection_add (BpSelection *self,
                  BpItem      *item)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (is_selectable (self, item));

  if (add_id (self, bp_item_get_id (item)))
    emit_changed (self);
}

void
bp_selection_add_items (BpSelection *self,
                        GPtrArray   *items)
{
  gboolean any = FALSE;

  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BpItem *item = g_ptr_array_index (items, i);

      g_return_if_fail (is_selectable (self, item));
      any |= add_id (self, bp_item_get_id (item));
    }
  if (any)
    emit_changed (self);
}

void
bp_selection_remove (BpSelection *self,
                     BpItem      *item)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (BP_IS_ITEM (item));

  if (remove_id (self, bp_item_get_id (item)))
    emit_changed (self);
}

void
bp_selection_toggle (BpSelection *self,
                     BpItem      *item)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (is_selectable (self, item));

  if (!remove_id (self, bp_item_get_id (item)))
    add_id (self, bp_item_get_id (item));
  emit_changed (self);
}

void
bp_selection_set (BpSelection *self,
                  BpItem      *item)
{
  g_return_if_fail (BP_IS_SELECTION (self));
  g_return_if_fail (item == NULL || is_selectable (self, item));

  if (item == NULL)
    {
      bp_selection_clear (self);
      return;
    }

  /* Already the whole selection: nothing to tell. */
  if (self->order->len == 1 && bp_selection_contains (self, item))
    return;

  clear_ids (self);
  add_id (self, bp_item_get_id (item));
  emit_changed (self);
}

void
bp_selection_clear (BpSelection *self)
{
  g_return_if_fail (BP_IS_SELECTION (self));

  if (clear_ids (self))
    emit_changed (self);
}

/* Whether the selection is exactly @items (in any order). */
static gboolean
holds_exactly (BpSelection *self,
               GListModel  *items)
{
  guint n = g_list_model_get_n_items (items);

  if (n != self->order->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (items, i);

      if (!bp_selection_contains (self, item))
        return FALSE;
    }
  return TRUE;
}

void
bp_selection_select_all (BpSelection *self)
{
  GListModel *steps;
  gboolean same;
  guint n;

  g_return_if_fail (BP_IS_SELECTION (self));

  if (self->document == NULL)
    return;

  steps = bp_document_get_steps (self->document);
  n = g_list_model_get_n_items (steps);
  same = holds_exactly (self, steps);

  clear_ids (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpItem) step = g_list_model_get_item (steps, i);
      add_id (self, bp_item_get_id (step));
    }
  if (!same)
    emit_changed (self);
}
