/* bp-canvas.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bp-card-editor.h"
#include "edit/bp-selection.h"
#include "model/bp-document.h"
#include "compare/bp-compare.h"
#include "insights/bp-insights.h"
#include "layout/bp-layout.h"
#include "bp-view-state.h"

G_BEGIN_DECLS

#define BP_TYPE_CANVAS (bp_canvas_get_type ())

G_DECLARE_FINAL_TYPE (BpCanvas, bp_canvas, BP, CANVAS, GtkDrawingArea)

/* The drawing of one document, scrollable (put it in a GtkScrolledWindow),
 * zoomable, and the place where cards are selected, moved, dropped and
 * connected. It draws with the core's bp_render() and changes the document
 * only through its API (the keys through bp-edit-commands), each gesture
 * one undo step. What is selected is its BpSelection, which follows the
 * document shown. */
GtkWidget   *bp_canvas_new                (void);

BpDocument  *bp_canvas_get_document       (BpCanvas    *self);
void         bp_canvas_set_document       (BpCanvas    *self,
                                           BpDocument  *document);
/* Shows @layout's document with @layout as its first layout, made
 * elsewhere (in the worker that read the file), so that showing a large
 * document does not lay it out again on the main thread. */
void         bp_canvas_set_layout         (BpCanvas    *self,
                                           BpLayout    *layout);
/* Shows @document in place of the one shown, as it was being looked at:
 * the same zoom and scroll, and the selection of the ids it still has
 * (for a file reloaded after someone else changed it). */
void         bp_canvas_replace_document   (BpCanvas    *self,
                                           BpDocument  *document);
BpLayout    *bp_canvas_get_layout         (BpCanvas    *self);
BpViewState *bp_canvas_get_view_state     (BpCanvas    *self);

void         bp_canvas_set_dark           (BpCanvas    *self,
                                           gboolean     dark);
/* A "notify::dark" handler for AdwStyleManager. */
void         bp_canvas_set_dark_from_style (GObject    *style_manager,
                                           GParamSpec  *pspec,
                                           BpCanvas    *self);

/* Whether the legend of the marks on cards is shown in a corner. */
void         bp_canvas_set_show_legend    (BpCanvas    *self,
                                           gboolean     show_legend);
gboolean     bp_canvas_get_show_legend    (BpCanvas    *self);

/* What is selected in the document shown; the canvas owns it. */
BpSelection *bp_canvas_get_selection      (BpCanvas    *self);

void         bp_canvas_zoom_in            (BpCanvas    *self);
void         bp_canvas_zoom_out           (BpCanvas    *self);
void         bp_canvas_zoom_reset         (BpCanvas    *self);
void         bp_canvas_zoom_to_fit        (BpCanvas    *self);
/* Whether the view has done what opening a document asks of it (the
 * first fit, the layout): a view changed before then is overridden. */
gboolean     bp_canvas_is_settled         (BpCanvas    *self);
/* Zooms keeping the canvas point under (@wx, @wy) in place. */
void         bp_canvas_zoom_at            (BpCanvas    *self,
                                           double       zoom,
                                           double       wx,
                                           double       wy);

/* Widget coordinates to canvas units and back. */
void         bp_canvas_widget_to_canvas   (BpCanvas    *self,
                                           double       wx,
                                           double       wy,
                                           double      *cx,
                                           double      *cy);
void         bp_canvas_canvas_to_widget   (BpCanvas    *self,
                                           double       cx,
                                           double       cy,
                                           double      *wx,
                                           double      *wy);
/* Edits a card's text in place, in a popover over the card. */
void         bp_canvas_edit_step          (BpCanvas    *self,
                                           BpStep      *step);
/* The same for a card, or a lane's or stage's name over its header. */
void         bp_canvas_edit_item          (BpCanvas    *self,
                                           BpItem      *item);
BpCardEditor *bp_canvas_get_card_editor   (BpCanvas    *self);
/* The tooltip at a widget point: a card's notes, or NULL; and, when
 * there is one, the card's rect in widget coordinates. */
const char  *bp_canvas_get_tooltip_at     (BpCanvas    *self,
                                           double       wx,
                                           double       wy,
                                           GdkRectangle *area);

/* Ends a drag in progress, putting everything back; FALSE when there was
 * none. */
gboolean     bp_canvas_cancel_drag        (BpCanvas    *self);

/* Where a card @width wide would land if dropped at the pointer, as a
 * card from the palette does (borrowed lane and stage, x in the stage);
 * FALSE when the pointer is not over the canvas. */
gboolean     bp_canvas_get_pointer_landing (BpCanvas  *self,
                                            double     width,
                                            BpLane   **lane,
                                            BpStage  **stage,
                                            double    *x);

/* Draws @comparison over the blueprint (added, changed, removed and moved
 * cards; see render/bp-render-compare.h), with @old_layout laying out the
 * other blueprint; NULL, NULL draws none. The canvas keeps references. */
void         bp_canvas_set_comparison     (BpCanvas     *self,
                                           BpComparison *comparison,
                                           BpLayout     *old_layout);
/* The figures of the document as laid out (NULL without a document);
 * borrowed, replaced after each change ("insights-changed"). */
BpInsights  *bp_canvas_get_insights       (BpCanvas    *self);

/* Scrolls so that @item is visible. */
void         bp_canvas_reveal             (BpCanvas    *self,
                                           BpItem      *item);

G_END_DECLS
