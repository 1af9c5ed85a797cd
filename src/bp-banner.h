/* bp-banner.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BP_TYPE_BANNER (bp_banner_get_type ())

G_DECLARE_FINAL_TYPE (BpBanner, bp_banner, BP, BANNER, GtkWidget)

/* A bar under the header bar that slides open to say something about the
 * whole window, with up to two buttons that activate actions: what
 * AdwBanner (libadwaita 1.3) is, for libadwaita 1.2.
 *
 * Properties: "title" (the text), "revealed". */
GtkWidget   *bp_banner_new           (void);

const char  *bp_banner_get_title     (BpBanner   *self);
void         bp_banner_set_title     (BpBanner   *self,
                                      const char *title);
gboolean     bp_banner_get_revealed  (BpBanner   *self);
void         bp_banner_set_revealed  (BpBanner   *self,
                                      gboolean    revealed);
/* Button @index (0 or 1, from the start) shows @label (with a mnemonic)
 * and activates @action_name; a NULL @label hides it. */
void         bp_banner_set_button    (BpBanner   *self,
                                      guint       index,
                                      const char *label,
                                      const char *action_name);
GtkButton   *bp_banner_get_button    (BpBanner   *self,
                                      guint       index);

G_END_DECLS
