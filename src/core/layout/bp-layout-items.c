/* bp-layout-items.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include "model/bp-hash.h"

struct _BpLayoutItems
{
  GHashTable   *table;  /* id → ((position + 1) << 2) | list; 0 is "absent" */
  GStringChunk *ids;    /* the table's keys */
};

BpLayoutItems *
bp_layout_items_new (void)
{
  BpLayoutItems *items = g_new0 (BpLayoutItems, 1);

  items->table = g_hash_table_new (bp_str_hash, g_str_equal);
  items->ids = g_string_chunk_new (4096);
  return items;
}

void
bp_layout_items_free (BpLayoutItems *items)
{
  g_hash_table_unref (items->table);
  g_string_chunk_free (items->ids);
  g_free (items);
}

void
bp_layout_items_clear (BpLayoutItems *items)
{
  g_hash_table_remove_all (items->table);
  g_string_chunk_clear (items->ids);
}

void
bp_layout_items_remember (BpLayoutItems    *items,
                          BpItem           *item,
                          BpLayoutItemList  list,
                          guint             position)
{
  char *id = g_string_chunk_insert (items->ids, bp_item_get_id (item));

  g_hash_table_insert (items->table, id, GUINT_TO_POINTER (((position + 1) << 2) | list));
}

gboolean
bp_layout_items_lookup (BpLayoutItems    *items,
                        const char       *id,
                        BpLayoutItemList *list,
                        guint            *position)
{
  guint packed;

  if (id == NULL)
    return FALSE;

  packed = GPOINTER_TO_UINT (g_hash_table_lookup (items->table, id));
  if (packed == 0)
    return FALSE;

  *list = packed & 3;
  *position = (packed >> 2) - 1;
  return TRUE;
}

gboolean
bp_layout_items_lookup_in (BpLayoutItems    *items,
                           const char       *id,
                           BpLayoutItemList  wanted,
                           guint            *position)
{
  BpLayoutItemList list;

  if (!bp_layout_items_lookup (items, id, &list, position))
    return FALSE;
  return list == wanted;
}
