/* bp-history-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "history/bp-history.h"
#include "model/bp-item.h"

G_BEGIN_DECLS

/* How the history puts a document back: the document hands these to its
 * history, so that the history calls no function of the model. */
typedef struct
{
  const char *(*get_id)  (BpItem     *item);
  BpItem     *(*lookup)  (GObject    *document,
                          const char *id);
  void        (*insert)  (GObject    *document,
                          BpItem     *item,
                          guint       position);
  void        (*remove)  (GObject    *document,
                          BpItem     *item);
  void        (*reorder) (GObject    *document,
                          BpItem     *item,
                          guint       position);
} BpHistoryTarget;

/* Made by the document (not a reference: the document owns the history);
 * use bp_document_get_history(). */
BpHistory *bp_history_new            (GObject               *document,
                                      const BpHistoryTarget *target);

/* Like bp_history_begin(), for a change made by a single setter: such a
 * step may coalesce with the previous one when both edit the same text. */
void      bp_history_begin_implicit (BpHistory  *self,
                                     const char *label);

/* What the document tells its history, inside a transaction, before each
 * change. @item is NULL for the document's own properties. */
void      bp_history_record_set     (BpHistory  *self,
                                     BpItem     *item,
                                     GObject    *object,
                                     GParamSpec *pspec);
void      bp_history_record_insert  (BpHistory  *self,
                                     BpItem     *item);
void      bp_history_record_remove  (BpHistory  *self,
                                     BpItem     *item,
                                     guint       position);
void      bp_history_record_reorder (BpHistory  *self,
                                     BpItem     *item,
                                     guint       old_position);

/* TRUE while undo, redo or a rollback replays recorded changes: the
 * document then restores positions exactly instead of enforcing its
 * rules, since the recorded changes already carry their effects. */
gboolean  bp_history_is_replaying   (BpHistory  *self);

G_END_DECLS
