/* bp-properties-panel.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "edit/bp-selection.h"
#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_PROPERTIES_PANEL (bp_properties_panel_get_type ())

G_DECLARE_FINAL_TYPE (BpPropertiesPanel, bp_properties_panel, BP, PROPERTIES_PANEL, GtkWidget)

/* The fields of what is selected: a card (text, actor, duration, notes,
 * marks, colour), a flow (label), a lane (name, zone, colour), a stage
 * (name, width) or, with nothing selected, the blueprint (title, state,
 * scenario). Typing in one field is one undo step; the fields follow
 * the model when undo changes it. */
GtkWidget  *bp_properties_panel_new        (void);
/* Shows the fields of what @selection holds in @document (the document's
 * when it holds nothing; a summary when it holds several). */
void        bp_properties_panel_set_target (BpPropertiesPanel *self,
                                            BpDocument        *document,
                                            BpSelection       *selection);
/* The object the panel edits (a BpItem or the BpDocument), or NULL. */
GObject    *bp_properties_panel_get_target (BpPropertiesPanel *self);

G_END_DECLS
