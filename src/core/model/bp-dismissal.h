/* bp-dismissal.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BP_TYPE_DISMISSAL (bp_dismissal_get_type ())

/* One blueprint check the team has looked at and accepted: the check's
 * stable name ("customer-unsupported") and the id of the item it was
 * raised on. A record that never changes once made, shared by reference;
 * the document holds them in file order (bp_document_get_dismissals()).
 * A check name this version does not know is kept all the same. */
typedef struct _BpDismissal BpDismissal;

GType         bp_dismissal_get_type   (void) G_GNUC_CONST;

/* @check must pass bp_check_name_is_valid(), @item bp_id_is_valid();
 * @extras (unknown keys, kept to be written back) may be NULL. */
BpDismissal  *bp_dismissal_new        (const char  *check,
                                       const char  *item,
                                       JsonObject  *extras);
BpDismissal  *bp_dismissal_ref        (BpDismissal *self);
void          bp_dismissal_unref      (BpDismissal *self);

const char   *bp_dismissal_get_check  (BpDismissal *self);
const char   *bp_dismissal_get_item   (BpDismissal *self);
/* Unknown keys in file order; may be NULL. */
JsonObject   *bp_dismissal_get_extras (BpDismissal *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpDismissal, bp_dismissal_unref)

G_END_DECLS
