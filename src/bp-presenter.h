/* bp-presenter.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/bp-document.h"

G_BEGIN_DECLS

#define BP_TYPE_PRESENTER (bp_presenter_get_type ())

G_DECLARE_FINAL_TYPE (BpPresenter, bp_presenter, BP, PRESENTER, GtkWidget)

/* Each stage is shown in three reveals: the customer's actions and the
 * evidence; then the frontstage too, above the line of visibility; then
 * everything below it. */
typedef enum {
  BP_PRESENTER_REVEAL_CUSTOMER,
  BP_PRESENTER_REVEAL_FRONTSTAGE,
  BP_PRESENTER_REVEAL_ALL,
} BpPresenterReveal;

#define BP_PRESENTER_N_REVEALS 3

/* A view that walks @document stage by stage, a reveal at a time.
 * Stages already shown stay; those to come are not drawn; a strip along
 * the bottom shows where the stage sits in the whole. Right, Space and
 * Page Down go forward; Left and Page Up back; Home and End to the first
 * and the last; a stage's number and Enter to that stage; Escape emits
 * "done". The view only reads the document. */
GtkWidget         *bp_presenter_new          (BpDocument  *document);

guint              bp_presenter_get_stage    (BpPresenter *self);
BpPresenterReveal  bp_presenter_get_reveal   (BpPresenter *self);

void               bp_presenter_forward      (BpPresenter *self);
void               bp_presenter_back         (BpPresenter *self);
void               bp_presenter_go_to_start  (BpPresenter *self);
void               bp_presenter_go_to_end    (BpPresenter *self);
/* Stage @stage (from 0), its first reveal; nothing past the last. */
void               bp_presenter_go_to_stage  (BpPresenter *self,
                                              guint        stage);

/* A full-screen window over @parent with a presenter of @document; it
 * closes itself on Escape. */
GtkWindow         *bp_presenter_window_new   (GtkWindow   *parent,
                                              BpDocument  *document);

G_END_DECLS
