/* bp-recovery-dialog.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bp-application.h"

G_BEGIN_DECLS

#define BP_TYPE_RECOVERY_DIALOG (bp_recovery_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BpRecoveryDialog, bp_recovery_dialog, BP, RECOVERY_DIALOG, AdwMessageDialog)

/* Offers the changes that a Touchpoint which ended without closing its
 * windows left in the recovery folder: one dialog over @parent lists them
 * (title, file, time) with Restore and Discard. A restored document opens
 * modified, in a window of its own (or an untouched one), attached to its
 * file. Closing the dialog keeps the copies for the next start. Returns
 * whether there was anything to offer. */
gboolean     bp_recovery_dialog_offer   (BpApplication *application,
                                         GtkWindow     *parent);

G_END_DECLS
