/* bp-print-operation.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-print-operation.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"
#include "export/bp-print-pages.h"

/* The strip neighbouring pages share when tiled (a quarter inch), so
 * that they can be overlapped and taped together. */
#define TILE_OVERLAP 18.0

/* The choice of the Blueprint tab, kept in the print settings between
 * prints. */
#define SETTING_FIT_TO_PAGE   "touchpoint-fit-to-page"
#define SETTING_MINIMUM_SCALE "touchpoint-minimum-scale"

/* What the last print chose, kept on the application for the session. */
#define LAST_SETTINGS   "bp-print-settings"
#define LAST_PAGE_SETUP "bp-print-page-setup"

struct _BpPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* A copy of the document as it was when the operation was made: the
   * pages are drawn later, while the window may be edited. */
  BpDocument        *document;
  BpLayout          *layout;
  gboolean           fit_to_page;
  double             minimum_scale;
  BpPrintPages           tiling;
  /* The printable area of the page setup chosen in the dialog. */
  double             page_width;
  double             page_height;
  gboolean           error_shown;

  /* The Blueprint tab, while the dialog is open */
  GtkWidget         *fit_button;
  GtkWidget         *scale_button;
  GtkWidget         *scale_spin;
  GtkWidget         *pages_label;
};

G_DEFINE_FINAL_TYPE (BpPrintOperation, bp_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FIT_TO_PAGE,
  PROP_MINIMUM_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The same document by value: a round trip through the canonical text,
 * which keeps everything the document holds. */
static BpDocument *
snapshot_document (BpDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BpDocument *copy;
  gsize length;

  text = bp_bpj_write (document, &length);
  copy = bp_bpj_read (text, length, "print", &error);
  if (copy == NULL)
    {
      g_warning ("Printing the document itself: %s", error->message);
      return g_object_ref (document);
    }

  return copy;
}

static void
set_document (BpPrintOperation *self,
              BpDocument       *document)
{
  const char *title;

  self->document = snapshot_document (document);
  self->layout = bp_layout_new (self->document);

  title = bp_document_get_title (self->document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title[0] != '\0' ? title : _("Untitled blueprint"));
}

static void
tiling_for (BpPrintOperation *self,
            BpPrintPages         *tiling,
            double            page_width,
            double            page_height)
{
  BpRect bounds;

  bp_layout_get_bounds (self->layout, &bounds);
  bp_print_pages_init (tiling, bounds.width, bounds.height, page_width, page_height,
                  self->fit_to_page ? 0 : self->minimum_scale, TILE_OVERLAP);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

static void
bp_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (operation);

  tiling_for (self, &self->tiling,
              gtk_print_context_get_width (context),
              gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, bp_print_pages_get_n_pages (&self->tiling));
}

static void
bp_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (operation);
  const BpPrintPages *tiling = &self->tiling;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  BpRenderOptions options;
  double x, y;

  bp_print_pages_get_page (tiling, page_nr, NULL, NULL, &x, &y);

  /* bp_render() draws whatever touches the viewport: without a clip, the
   * next tile's cards would spill into the paper's margin, where the
   * pages are meant to overlap for taping. */
  cairo_rectangle (cr, 0, 0, tiling->page_width, tiling->page_height);
  cairo_clip (cr);

  /* The part of the blueprint this page shows, in the light variant and
   * without the canvas's selection; the paper is the background. */
  bp_render_options_init (&options);
  options.zoom = tiling->scale;
  options.viewport.x = -x / tiling->scale;
  options.viewport.y = -y / tiling->scale;
  options.viewport.width = tiling->page_width / tiling->scale;
  options.viewport.height = tiling->page_height / tiling->scale;
  options.transparent = TRUE;
  bp_render (cr, self->layout, &options);
}

/* ------------------------------------------------------------------ */
/* The Blueprint tab of the print dialog                               */

static void
update_pages_label (BpPrintOperation *self)
{
  g_autofree char *text = NULL;
  BpPrintPages tiling;
  guint n_pages;

  if (self->pages_label == NULL)
    return;

  tiling_for (self, &tiling, self->page_width, self->page_height);
  n_pages = bp_print_pages_get_n_pages (&tiling);

  if (n_pages == 1)
    text = g_strdup_printf (_("One page, at %.0f %%"), tiling.scale * 100);
  else
    text = g_strdup_printf (ngettext ("%u page, %u across and %u down, at %.0f %%",
                                      "%u pages, %u across and %u down, at %.0f %%",
                                      n_pages),
                            n_pages, tiling.columns, tiling.rows, tiling.scale * 100);

  gtk_label_set_text (GTK_LABEL (self->pages_label), text);
}

/* Reads the tab into the operation, as the dialog changes. */
static void
on_tab_changed (BpPrintOperation *self)
{
  gboolean fit = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->fit_button));

  gtk_widget_set_sensitive (self->scale_spin, !fit);
  bp_print_operation_set_fit_to_page (self, fit);
  bp_print_operation_set_minimum_scale (self,
    gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin)) / 100);
  update_pages_label (self);
}

static void
on_tab_destroy (BpPrintOperation *self)
{
  self->fit_button = NULL;
  self->scale_button = NULL;
  self->scale_spin = NULL;
  self->pages_label = NULL;
}

static void
set_printable_area (BpPrintOperation *self,
                    GtkPageSetup     *setup)
{
  self->page_width = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  self->page_height = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
}

static GtkWidget *
bp_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (operation);
  GtkWidget *box, *heading, *options, *row, *percent;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  heading = gtk_label_new (_("Size"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (options, 12);
  gtk_box_append (GTK_BOX (box), options);

  self->fit_button = gtk_check_button_new_with_mnemonic (_("_Fit to one page"));
  gtk_box_append (GTK_BOX (options), self->fit_button);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->scale_button = gtk_check_button_new_with_mnemonic (_("Print at a _minimum scale of"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->scale_button),
                              GTK_CHECK_BUTTON (self->fit_button));
  self->scale_spin = gtk_spin_button_new_with_range (BP_PRINT_PAGES_MIN_SCALE * 100,
                                                     BP_PRINT_PAGES_MAX_SCALE * 100, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->scale_spin), self->minimum_scale * 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minimum scale in percent"),
                                  -1);
  percent = gtk_label_new ("%");
  gtk_box_append (GTK_BOX (row), self->scale_button);
  gtk_box_append (GTK_BOX (row), self->scale_spin);
  gtk_box_append (GTK_BOX (row), percent);
  gtk_box_append (GTK_BOX (options), row);

  self->pages_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->pages_label), 0);
  gtk_widget_add_css_class (self->pages_label, "dim-label");
  gtk_widget_set_margin_top (self->pages_label, 6);
  gtk_box_append (GTK_BOX (options), self->pages_label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->fit_to_page ? self->fit_button
                                                                   : self->scale_button), TRUE);
  gtk_widget_set_sensitive (self->scale_spin, !self->fit_to_page);

  set_printable_area (self, gtk_print_operation_get_default_page_setup (operation));
  update_pages_label (self);

  g_signal_connect_object (self->fit_button, "toggled",
                           G_CALLBACK (on_tab_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_spin, "value-changed",
                           G_CALLBACK (on_tab_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (box, "destroy",
                           G_CALLBACK (on_tab_destroy), self, G_CONNECT_SWAPPED);

  return box;
}

static void
bp_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                         GtkWidget         *widget,
                                         GtkPageSetup      *setup,
                                         GtkPrintSettings  *settings)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (operation);

  set_printable_area (self, setup);
  update_pages_label (self);
}

static void
bp_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (operation);

  if (self->fit_button != NULL)
    on_tab_changed (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
bp_print_operation_finalize (GObject *object)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (bp_print_operation_parent_class)->finalize (object);
}

static void
bp_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FIT_TO_PAGE:
      g_value_set_boolean (value, self->fit_to_page);
      break;
    case PROP_MINIMUM_SCALE:
      g_value_set_double (value, self->minimum_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BpPrintOperation *self = BP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_FIT_TO_PAGE:
      bp_print_operation_set_fit_to_page (self, g_value_get_boolean (value));
      break;
    case PROP_MINIMUM_SCALE:
      bp_print_operation_set_minimum_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_print_operation_class_init (BpPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = bp_print_operation_finalize;
  object_class->get_property = bp_print_operation_get_property;
  object_class->set_property = bp_print_operation_set_property;

  operation_class->begin_print = bp_print_operation_begin_print;
  operation_class->draw_page = bp_print_operation_draw_page;
  operation_class->create_custom_widget = bp_print_operation_create_custom_widget;
  operation_class->update_custom_widget = bp_print_operation_update_custom_widget;
  operation_class->custom_widget_apply = bp_print_operation_custom_widget_apply;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_TO_PAGE] =
    g_param_spec_boolean ("fit-to-page", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINIMUM_SCALE] =
    g_param_spec_double ("minimum-scale", NULL, NULL,
                         BP_PRINT_PAGES_MIN_SCALE, BP_PRINT_PAGES_MAX_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_print_operation_init (BpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  self->fit_to_page = TRUE;
  self->minimum_scale = 1.0;

  /* A blueprint is wider than tall. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_custom_tab_label (operation, _("Blueprint"));
}

BpPrintOperation *
bp_print_operation_new (BpDocument *document)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  return g_object_new (BP_TYPE_PRINT_OPERATION, "document", document, NULL);
}

gboolean
bp_print_operation_get_fit_to_page (BpPrintOperation *self)
{
  g_return_val_if_fail (BP_IS_PRINT_OPERATION (self), TRUE);

  return self->fit_to_page;
}

void
bp_print_operation_set_fit_to_page (BpPrintOperation *self,
                                    gboolean          fit_to_page)
{
  g_return_if_fail (BP_IS_PRINT_OPERATION (self));

  fit_to_page = !!fit_to_page;
  if (self->fit_to_page == fit_to_page)
    return;

  self->fit_to_page = fit_to_page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_TO_PAGE]);
}

double
bp_print_operation_get_minimum_scale (BpPrintOperation *self)
{
  g_return_val_if_fail (BP_IS_PRINT_OPERATION (self), 1.0);

  return self->minimum_scale;
}

void
bp_print_operation_set_minimum_scale (BpPrintOperation *self,
                                      double            minimum_scale)
{
  g_return_if_fail (BP_IS_PRINT_OPERATION (self));

  minimum_scale = CLAMP (minimum_scale, BP_PRINT_PAGES_MIN_SCALE, BP_PRINT_PAGES_MAX_SCALE);
  if (G_APPROX_VALUE (self->minimum_scale, minimum_scale, 1e-9))
    return;

  self->minimum_scale = minimum_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM_SCALE]);
}

/* ------------------------------------------------------------------ */
/* The print dialog                                                    */

/* Where the last choices are kept: the application, so that every
 * window starts from them. */
static GObject *
choices_holder (GtkWindow *parent)
{
  GtkApplication *application = parent ? gtk_window_get_application (parent) : NULL;

  return application != NULL ? G_OBJECT (application) : G_OBJECT (g_application_get_default ());
}

static void
restore_choices (BpPrintOperation *self,
                 GObject          *holder)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *settings;
  GtkPageSetup *setup;

  if (holder == NULL)
    return;

  settings = g_object_get_data (holder, LAST_SETTINGS);
  setup = g_object_get_data (holder, LAST_PAGE_SETUP);

  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    {
      gtk_print_operation_set_print_settings (operation, settings);
      if (gtk_print_settings_has_key (settings, SETTING_FIT_TO_PAGE))
        bp_print_operation_set_fit_to_page (self, gtk_print_settings_get_bool (settings,
                                                                               SETTING_FIT_TO_PAGE));
      bp_print_operation_set_minimum_scale (self,
        gtk_print_settings_get_double_with_default (settings, SETTING_MINIMUM_SCALE, 1.0));
    }
}

static void
keep_choices (BpPrintOperation *self,
              GObject          *holder)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

  if (holder == NULL || settings == NULL)
    return;

  gtk_print_settings_set_bool (settings, SETTING_FIT_TO_PAGE, self->fit_to_page);
  gtk_print_settings_set_double (settings, SETTING_MINIMUM_SCALE, self->minimum_scale);
  g_object_set_data_full (holder, LAST_SETTINGS, g_object_ref (settings), g_object_unref);

  /* The dialog embeds the page setup: this is the paper and orientation
   * chosen there. */
  if (setup != NULL)
    g_object_set_data_full (holder, LAST_PAGE_SETUP, gtk_page_setup_copy (setup), g_object_unref);
}

static void
show_error (BpPrintOperation *self,
            GtkWindow        *parent,
            const GError     *error)
{
  GtkWidget *dialog;

  if (self->error_shown)
    return;
  self->error_shown = TRUE;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (BpPrintOperation        *self,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    keep_choices (self, choices_holder (parent));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
      show_error (self, parent, error);
    }
}

void
bp_print_operation_print_document (BpDocument *document,
                                   GtkWindow  *parent)
{
  g_autoptr(BpPrintOperation) self = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (BP_IS_DOCUMENT (document));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  self = bp_print_operation_new (document);
  restore_choices (self, choices_holder (parent));
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  if (parent != NULL)
    g_signal_connect_object (self, "done", G_CALLBACK (on_done), parent, 0);
  else
    g_signal_connect (self, "done", G_CALLBACK (on_done), NULL);

  /* GTK keeps the operation alive until it is done. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, parent, error);
}
