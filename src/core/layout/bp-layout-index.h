/* bp-layout-index.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "layout/bp-layout.h"

G_BEGIN_DECLS

/* A spatial index of boxes, each known by a number: the layout keeps one
 * for its cards and one for its flows' routes. A query visits the numbers
 * of the boxes that may intersect a rect, a superset that the caller
 * checks against its own boxes. Private to the core. */
typedef struct _BpLayoutIndex BpLayoutIndex;

/* Called for each number the index holds near a rect (a number may come
 * more than once); returns TRUE to stop the walk. */
typedef gboolean (*BpLayoutIndexFunc) (guint    id,
                                       gpointer user_data);

/* An empty index with room for @n_boxes boxes; it grows past that. */
BpLayoutIndex *bp_layout_index_new    (guint              n_boxes);
void           bp_layout_index_free   (BpLayoutIndex     *self);
/* Adds @box under @id; ids inserted in ascending order are visited in
 * that order where their boxes share a cell. */
void           bp_layout_index_insert (BpLayoutIndex     *self,
                                       guint              id,
                                       const BpRect      *box);
/* Visits the ids whose boxes may intersect @rect, none for a rect with a
 * NaN in it; TRUE if @visit stopped the walk. Sorts what was inserted
 * since the last query first, hence the non-const index. */
gboolean       bp_layout_index_query  (BpLayoutIndex     *self,
                                       const BpRect      *rect,
                                       BpLayoutIndexFunc  visit,
                                       gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpLayoutIndex, bp_layout_index_free)

G_END_DECLS
