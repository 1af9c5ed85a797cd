/* bp-presenter.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-presenter.h"

#include <glib/gi18n.h>

#include "export/bp-export.h"
#include "export/bp-slides.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"

/* The strip along the bottom, and the room around the slide. */
#define STRIP_HEIGHT 36.0
#define GAP          12.0
/* How much a part still to come shows through. */
#define HIDDEN_ALPHA 0.94
/* A stage number typed before Enter has at most this many digits. */
#define MAX_DIGITS 4

struct _BpPresenter
{
  GtkWidget          parent_instance;

  BpDocument        *document;
  BpLayout          *layout;
  guint              stage;
  BpPresenterReveal  reveal;
  GString           *typed;    /* digits of a stage's number */
};

G_DEFINE_FINAL_TYPE (BpPresenter, bp_presenter, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_stages (BpPresenter *self)
{
  return bp_document_get_n_stages (self->document);
}

/* ------------------------------------------------------------------ */
/* Moving                                                              */

static void
show (BpPresenter       *self,
      guint              stage,
      BpPresenterReveal  reveal)
{
  self->stage = stage;
  self->reveal = reveal;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bp_presenter_forward (BpPresenter *self)
{
  g_return_if_fail (BP_IS_PRESENTER (self));

  if (self->reveal + 1 < BP_PRESENTER_N_REVEALS)
    show (self, self->stage, self->reveal + 1);
  else if (self->stage + 1 < n_stages (self))
    show (self, self->stage + 1, BP_PRESENTER_REVEAL_CUSTOMER);
}

void
bp_presenter_back (BpPresenter *self)
{
  g_return_if_fail (BP_IS_PRESENTER (self));

  if (self->reveal > BP_PRESENTER_REVEAL_CUSTOMER)
    show (self, self->stage, self->reveal - 1);
  else if (self->stage > 0)
    show (self, self->stage - 1, BP_PRESENTER_REVEAL_ALL);
}

void
bp_presenter_go_to_start (BpPresenter *self)
{
  g_return_if_fail (BP_IS_PRESENTER (self));
  show (self, 0, BP_PRESENTER_REVEAL_CUSTOMER);
}

/* The end of the walk: the last stage, all of it. */
void
bp_presenter_go_to_end (BpPresenter *self)
{
  g_return_if_fail (BP_IS_PRESENTER (self));
  show (self, n_stages (self) > 0 ? n_stages (self) - 1 : 0, BP_PRESENTER_REVEAL_ALL);
}

void
bp_presenter_go_to_stage (BpPresenter *self,
                          guint        stage)
{
  g_return_if_fail (BP_IS_PRESENTER (self));

  if (stage < n_stages (self))
    show (self, stage, BP_PRESENTER_REVEAL_CUSTOMER);
}

guint
bp_presenter_get_stage (BpPresenter *self)
{
  g_return_val_if_fail (BP_IS_PRESENTER (self), 0);
  return self->stage;
}

BpPresenterReveal
bp_presenter_get_reveal (BpPresenter *self)
{
  g_return_val_if_fail (BP_IS_PRESENTER (self), 0);
  return self->reveal;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BpPresenter           *self)
{
  int digit = gdk_keyval_to_unicode (keyval) != 0 ? g_unichar_digit_value (gdk_keyval_to_unicode (keyval)) : -1;

  if (digit >= 0 && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      if (self->typed->len < MAX_DIGITS)
        g_string_append_c (self->typed, '0' + digit);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->typed->len > 0)
        bp_presenter_go_to_stage (self, (guint) g_ascii_strtoull (self->typed->str, NULL, 10) - 1);
      g_string_truncate (self->typed, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      bp_presenter_forward (self);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      bp_presenter_back (self);
      break;
    case GDK_KEY_Home:
      bp_presenter_go_to_start (self);
      break;
    case GDK_KEY_End:
      bp_presenter_go_to_end (self);
      break;
    case GDK_KEY_Escape:
      /* "done" may close the window and this view with it. */
      g_string_truncate (self->typed, 0);
      g_signal_emit (self, signals[DONE], 0);
      return TRUE;
    default:
      return FALSE;
    }

  /* A number not followed by Enter is forgotten. */
  g_string_truncate (self->typed, 0);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

/* The slide shows the stage and as many of those before it as fit with
 * readable text: the last of the slides an export of stages 1 to this
 * one would make. */
static void
slide_options (BpPresenter     *self,
               BpExportOptions *options)
{
  g_autoptr(GArray) slides = bp_slides_plan (self->layout, 0, self->stage, 0, TRUE);
  const BpSlide *last = &g_array_index (slides, BpSlide, slides->len - 1);

  bp_export_options_init (options);
  options->format = BP_EXPORT_FORMAT_PDF;
  options->page = BP_EXPORT_PAGE_SLIDE;
  options->first_stage = last->first;
  options->last_stage = self->stage;
  options->stages_per_slide = G_MAXUINT;
}

/* Fades the lanes of the current stage that the reveal does not show
 * yet, on the slide's own units. */
static void
hide_unrevealed (BpPresenter           *self,
                 cairo_t               *cr,
                 const BpExportOptions *options)
{
  g_autoptr(GArray) slides = bp_slides_plan (self->layout, options->first_stage, self->stage,
                                             G_MAXUINT, bp_export_wants_legend (options));
  const BpSlide *slide = &g_array_index (slides, BpSlide, 0);
  BpLaneKind first_hidden = self->reveal == BP_PRESENTER_REVEAL_CUSTOMER ? BP_LANE_KIND_FRONTSTAGE
                                                                         : BP_LANE_KIND_BACKSTAGE;
  double header = bp_layout_get_header_width (self->layout);
  double red, green, blue;
  BpRect title, from, column;

  if (self->reveal == BP_PRESENTER_REVEAL_ALL)
    return;

  bp_layout_get_title_rect (self->layout, &title);
  bp_layout_get_stage_rect (self->layout, slide->first, &from);
  bp_layout_get_stage_rect (self->layout, self->stage, &column);
  bp_render_get_background (FALSE, &red, &green, &blue);
  cairo_set_source_rgba (cr, red, green, blue, HIDDEN_ALPHA);

  for (guint i = 0; i < bp_document_get_n_lanes (self->document); i++)
    {
      BpLane *lane = bp_document_get_lane (self->document, i);
      BpRect band;

      if (bp_lane_get_kind (lane) < first_hidden || !bp_layout_get_lane_rect (self->layout, i, &band))
        continue;

      cairo_rectangle (cr,
                       slide->x + (header + column.x - from.x) * slide->zoom,
                       slide->y + (slide->title_height + band.y - (title.y + title.height)) * slide->zoom,
                       column.width * slide->zoom, band.height * slide->zoom);
    }
  cairo_fill (cr);
}

/* A segment for each stage: those shown in the accent colour, the
 * current one marked and named, those to come grey. */
static void
draw_strip (BpPresenter *self,
            cairo_t     *cr,
            double       width,
            double       top)
{
  guint n = n_stages (self);
  double segment = (width - 2 * GAP) / MAX (n, 1);
  const char *name = n > 0 ? bp_stage_get_name (bp_document_get_stage (self->document, self->stage)) : "";
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) text = NULL;

  for (guint i = 0; i < n; i++)
    {
      if (i < self->stage)
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      else if (i == self->stage)
        cairo_set_source_rgb (cr, 0.47, 0.71, 0.98);
      else
        cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_rectangle (cr, GAP + i * segment + 1, top, segment - 2, i == self->stage ? 8 : 4);
      cairo_fill (cr);
    }

  /* Translators: under a presented stage: its number, how many there
   * are, its name, and which of its three reveals is shown. */
  label = g_strdup_printf (_("Stage %u of %u: %s  (%u/3)"), self->stage + 1, n, name, self->reveal + 1);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_move_to (cr, GAP, top + 12);
  pango_cairo_show_layout (cr, text);
}

static void
bp_presenter_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BpPresenter *self = BP_PRESENTER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double room_height = height - STRIP_HEIGHT - 2 * GAP;
  double zoom = MIN ((width - 2 * GAP) / BP_SLIDE_WIDTH, room_height / BP_SLIDE_HEIGHT);
  BpExportOptions options;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  cairo_paint (cr);

  if (n_stages (self) > 0 && zoom > 0)
    {
      slide_options (self, &options);
      cairo_save (cr);
      cairo_translate (cr, (width - BP_SLIDE_WIDTH * zoom) / 2, GAP + (room_height - BP_SLIDE_HEIGHT * zoom) / 2);
      cairo_scale (cr, zoom, zoom);
      bp_export_draw_page (cr, self->layout, &options, 0);
      hide_unrevealed (self, cr, &options);
      cairo_restore (cr);
      draw_strip (self, cr, width, height - STRIP_HEIGHT);
    }

  cairo_destroy (cr);
}

/* ------------------------------------------------------------------ */

static void
bp_presenter_dispose (GObject *object)
{
  BpPresenter *self = BP_PRESENTER (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (bp_presenter_parent_class)->dispose (object);
}

static void
bp_presenter_finalize (GObject *object)
{
  BpPresenter *self = BP_PRESENTER (object);

  g_string_free (self->typed, TRUE);
  G_OBJECT_CLASS (bp_presenter_parent_class)->finalize (object);
}

static void
bp_presenter_class_init (BpPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_presenter_dispose;
  object_class->finalize = bp_presenter_finalize;
  widget_class->snapshot = bp_presenter_snapshot;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bp_presenter_init (BpPresenter *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->typed = g_string_new (NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
bp_presenter_new (BpDocument *document)
{
  BpPresenter *self;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  self = g_object_new (BP_TYPE_PRESENTER, NULL);
  self->document = g_object_ref (document);
  self->layout = bp_layout_new (document);
  return GTK_WIDGET (self);
}

static void
on_done (BpPresenter *presenter,
         GtkWindow   *window)
{
  gtk_window_destroy (window);
}

GtkWindow *
bp_presenter_window_new (GtkWindow  *parent,
                         BpDocument *document)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *presenter = bp_presenter_new (document);

  gtk_window_set_title (window, _("Presenting"));
  gtk_window_set_transient_for (window, parent);
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_child (window, presenter);
  /* Without a window manager to make it full screen, as large as the
   * editor. */
  if (parent != NULL)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (parent));
      int height = gtk_widget_get_height (GTK_WIDGET (parent));

      /* Not yet allocated: the size it asked for. */
      if (width <= 0 || height <= 0)
        gtk_window_get_default_size (parent, &width, &height);
      gtk_window_set_default_size (window, width, height);
    }
  gtk_window_fullscreen (window);
  g_signal_connect_object (presenter, "done", G_CALLBACK (on_done), window, 0);
  gtk_widget_grab_focus (presenter);
  return window;
}
