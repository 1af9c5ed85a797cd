/* bp-document-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-document.h"

G_BEGIN_DECLS

/* An attached item's property changed (inside the change's undo step). */
void  bp_document_item_changed (BpDocument *self,
                                BpItem     *item,
                                GParamSpec *pspec);

G_END_DECLS
