/* bp-export-dialog.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-export-dialog.h"

#include "bp-application.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "bp-replace-question.h"

/* The largest the preview is shown, in logical pixels. It is drawn
 * twice as fine and scaled down: small text then still looks like
 * text, where the renderer would draw a grey line in its place. */
#define PREVIEW_WIDTH  520.0
#define PREVIEW_HEIGHT 400.0
#define PREVIEW_OVERSAMPLING 2

/* The rows' choices, in the order of their models in the .ui file. */
static const BpExportFormat formats[] = {
  BP_EXPORT_FORMAT_PNG, BP_EXPORT_FORMAT_PDF, BP_EXPORT_FORMAT_SVG,
};
static const char * const format_names[] = { "png", "pdf", "svg" };
#define N_SCALES 3
/* The Stages per slide row: Automatic, 2 to 6, all on one slide. */
#define N_PER_SLIDE_CHOICES 7
enum { STAGES_ALL, STAGES_RANGE };

struct _BpExportDialog
{
  AdwWindow       parent_instance;

  /* template */
  GtkWidget      *cancel_button;
  GtkWidget      *export_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkAspectFrame *preview_frame;
  GtkPicture     *preview;
  GtkLabel       *page_label;
  GtkWidget      *settings_page;
  AdwComboRow    *format_row;
  AdwComboRow    *scale_row;
  AdwComboRow    *background_row;
  AdwComboRow    *page_row;
  GtkWidget      *per_stage_row;
  GtkSwitch      *per_stage_switch;
  AdwComboRow    *per_slide_row;
  AdwComboRow    *stages_row;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwActionRow   *compare_row;
  GtkSwitch      *compare_switch;

  BpDocument     *document;
  /* The blueprint the window compares with, or NULL. */
  BpDocument     *compare_with;
  BpLayout       *layout;
  GFile          *file;
  GSettings      *settings;
  guint           preview_source;

  /* While an export runs. */
  struct _ExportProgress *progress;
  guint           progress_source;
  GCancellable   *cancellable;
  GFile          *target;
  gboolean        closed;
};

G_DEFINE_FINAL_TYPE (BpExportDialog, bp_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
selected_format_index (BpExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static BpExportFormat
selected_format (BpExportDialog *self)
{
  return formats[selected_format_index (self)];
}

static guint
stages_per_slide_for_choice (guint choice)
{
  if (choice == 0 || choice == GTK_INVALID_LIST_POSITION)
    return 0;
  if (choice >= N_PER_SLIDE_CHOICES - 1)
    return G_MAXUINT;
  return choice + 1;
}

static guint
choice_for_stages_per_slide (guint per_slide)
{
  if (per_slide == 0)
    return 0;
  if (per_slide > N_PER_SLIDE_CHOICES - 1)
    return N_PER_SLIDE_CHOICES - 1;
  return MAX (per_slide, 2) - 1;
}

void
bp_export_dialog_get_options (BpExportDialog  *self,
                              BpExportOptions *options)
{
  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  bp_export_options_init (options);
  options->format = selected_format (self);
  options->scale = MIN (adw_combo_row_get_selected (self->scale_row), N_SCALES - 1) + 1;
  options->transparent = options->format == BP_EXPORT_FORMAT_PNG &&
                         adw_combo_row_get_selected (self->background_row) == 1;
  options->page = adw_combo_row_get_selected (self->page_row) == 1 ? BP_EXPORT_PAGE_SLIDE
                                                                     : BP_EXPORT_PAGE_FIT;
  options->page_per_stage = options->format == BP_EXPORT_FORMAT_PDF &&
                            gtk_switch_get_active (self->per_stage_switch);
  options->stages_per_slide = stages_per_slide_for_choice (adw_combo_row_get_selected (self->per_slide_row));
  if (adw_combo_row_get_selected (self->stages_row) == STAGES_RANGE)
    {
      options->first_stage = adw_combo_row_get_selected (self->from_row);
      options->last_stage = adw_combo_row_get_selected (self->to_row);
    }
  if (self->compare_with != NULL && gtk_switch_get_active (self->compare_switch))
    options->compare_with = self->compare_with;
}

gboolean
bp_export_dialog_is_exporting (BpExportDialog *self)
{
  g_return_val_if_fail (BP_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/* ------------------------------------------------------------------ */
/* The preview                                                         */

/* "2,480": grouped as the user's locale groups digits. */
static char *
format_count (double value)
{
  return g_strdup_printf ("%'d", (int) CLAMP (value, 0, G_MAXINT));
}

static char *
format_size (double      width,
             double      height,
             const char *unit)
{
  g_autofree char *w = format_count (ceil (width - 1e-6));
  g_autofree char *h = format_count (ceil (height - 1e-6));

  /* Translators: an image's or a page's size, "2,480 × 1,120 px". */
  return g_strcmp0 (unit, "pt") == 0 ? g_strdup_printf (_("%s × %s pt"), w, h)
                                     : g_strdup_printf (_("%s × %s px"), w, h);
}

/* Light grey checks where a transparent PNG shows what is behind it. */
static void
paint_checks (cairo_t *cr,
              double   width,
              double   height)
{
  const double check = 8;

  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  for (int y = 0; y * check < height; y++)
    for (int x = y % 2; x * check < width; x += 2)
      cairo_rectangle (cr, x * check, y * check, check, check);
  cairo_fill (cr);
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) height * stride);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The first page, drawn by the same code as the file, scaled down. */
static GdkTexture *
render_preview (BpExportDialog        *self,
                const BpExportOptions *options,
                double                 page_width,
                double                 page_height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self)) * PREVIEW_OVERSAMPLING;
  double zoom = MIN (PREVIEW_WIDTH * factor / page_width, PREVIEW_HEIGHT * factor / page_height);
  int width = MAX (1, (int) ceil (page_width * zoom));
  int height = MAX (1, (int) ceil (page_height * zoom));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GdkTexture *texture;
  cairo_t *cr = cairo_create (surface);

  if (options->transparent)
    paint_checks (cr, width, height);
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  bp_export_draw_page (cr, self->layout, options, 0);
  cairo_restore (cr);

  /* The page's edge, which a white page would not show on its own. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, PREVIEW_OVERSAMPLING);
  cairo_rectangle (cr, PREVIEW_OVERSAMPLING / 2.0, PREVIEW_OVERSAMPLING / 2.0,
                   width - PREVIEW_OVERSAMPLING, height - PREVIEW_OVERSAMPLING);
  cairo_stroke (cr);
  cairo_destroy (cr);

  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

static char *
describe_pages (BpExportDialog        *self,
                const BpExportOptions *options,
                double                 width,
                double                 height)
{
  guint n_pages = bp_export_get_n_pages (self->layout, options);

  switch (options->format)
    {
    case BP_EXPORT_FORMAT_PDF:
      if (n_pages > 1)
        /* Translators: the preview shows the first of the PDF's pages. */
        return g_strdup_printf (_("Page 1 of %u"), n_pages);
      return format_size (width, height, "pt");
    case BP_EXPORT_FORMAT_PNG:
    case BP_EXPORT_FORMAT_SVG:
    case BP_EXPORT_FORMAT_BPJ:
    default:
      return format_size (width, height, "px");
    }
}

static gboolean
update_preview (gpointer data)
{
  BpExportDialog *self = data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *pages = NULL;
  BpExportOptions options;
  double width, height;

  self->preview_source = 0;
  bp_export_dialog_get_options (self, &options);
  if (!bp_export_get_page_size (self->layout, &options, 0, &width, &height))
    return G_SOURCE_REMOVE;

  texture = render_preview (self, &options, width, height);
  gtk_aspect_frame_set_ratio (self->preview_frame, width / height);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  pages = describe_pages (self, &options, width, height);
  gtk_label_set_label (self->page_label, pages);

  return G_SOURCE_REMOVE;
}

/* Several choices often change at once (a saved format, then its
 * scale): draw once they have. */
static void
queue_preview (BpExportDialog *self)
{
  if (self->preview_source == 0)
    self->preview_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_preview, self, NULL);
}

/* The pixel size of each PNG scale, under the Scale row. */
static void
update_scale_subtitle (BpExportDialog *self)
{
  g_autofree char *size = NULL;
  BpExportOptions options;
  double width, height;

  bp_export_dialog_get_options (self, &options);
  options.format = BP_EXPORT_FORMAT_PNG;
  if (!bp_export_get_page_size (self->layout, &options, 0, &width, &height))
    return;

  size = format_size (width, height, "px");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), size);
}

/* Rows that mean nothing for the chosen format are hidden. */
static void
update_rows (BpExportDialog *self)
{
  BpExportFormat format = selected_format (self);
  gboolean range = adw_combo_row_get_selected (self->stages_row) == STAGES_RANGE;

  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), format == BP_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->background_row), format == BP_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->page_row), format == BP_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (self->per_stage_row, format == BP_EXPORT_FORMAT_PDF);
  /* One page per stage already says how many. */
  gtk_widget_set_visible (GTK_WIDGET (self->per_slide_row),
                          format == BP_EXPORT_FORMAT_PDF &&
                          adw_combo_row_get_selected (self->page_row) == 1 &&
                          !gtk_switch_get_active (self->per_stage_switch));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->per_slide_row),
                               adw_combo_row_get_selected (self->per_slide_row) == 0
                               ? _("As many as keep the card text readable") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), range);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), range);

  update_scale_subtitle (self);
  queue_preview (self);
}

/* From never after To: moving one past the other brings it along. */
static void
on_from_changed (BpExportDialog *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);

  if (from != GTK_INVALID_LIST_POSITION && from > adw_combo_row_get_selected (self->to_row))
    adw_combo_row_set_selected (self->to_row, from);
  update_rows (self);
}

static void
on_to_changed (BpExportDialog *self)
{
  guint to = adw_combo_row_get_selected (self->to_row);

  if (to != GTK_INVALID_LIST_POSITION && to < adw_combo_row_get_selected (self->from_row))
    adw_combo_row_set_selected (self->from_row, to);
  update_rows (self);
}

static void
fill_stage_rows (BpExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = bp_document_get_n_stages (self->document);

  for (guint i = 0; i < n; i++)
    {
      const char *name = bp_stage_get_name (bp_document_get_stage (self->document, i));
      g_autofree char *label = NULL;

      /* Translators: a stage without a name, by its position. */
      label = name != NULL && name[0] != '\0' ? g_strdup_printf ("%u. %s", i + 1, name)
                                              : g_strdup_printf (_("%u. Unnamed stage"), i + 1);
      gtk_string_list_append (names, label);
    }

  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->from_row, 0);
  adw_combo_row_set_selected (self->to_row, n > 0 ? n - 1 : 0);
}

/* ------------------------------------------------------------------ */
/* The last choices, kept when the schema is installed (an uninstalled
 * build runs without it)                                              */

/* An instance of its own: the dialog saves its choices in delay mode,
 * which would otherwise hold back the window's own settings too. */
static GSettings *
lookup_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (!bp_application_has_setting ("export-page-per-stage"))
    return NULL;

  g_object_get (bp_application_get_settings (), "settings-schema", &schema, NULL);
  return g_settings_new_full (schema, NULL, NULL);
}

static guint
index_of (const char * const *names,
          guint               n,
          const char         *name)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return 0;
}

static void
load_settings (BpExportDialog *self)
{
  static const char * const backgrounds[] = { "white", "transparent" };
  static const char * const pages[] = { "fit", "slide" };
  g_autofree char *format = NULL;
  g_autofree char *background = NULL;
  g_autofree char *page = NULL;
  double scale;

  if (self->settings == NULL)
    return;

  format = g_settings_get_string (self->settings, "export-format");
  background = g_settings_get_string (self->settings, "export-background");
  page = g_settings_get_string (self->settings, "export-page");
  scale = g_settings_get_double (self->settings, "export-scale");

  adw_combo_row_set_selected (self->format_row, index_of (format_names, G_N_ELEMENTS (format_names), format));
  adw_combo_row_set_selected (self->scale_row, (guint) CLAMP (round (scale), 1, N_SCALES) - 1);
  adw_combo_row_set_selected (self->background_row, index_of (backgrounds, 2, background));
  adw_combo_row_set_selected (self->page_row, index_of (pages, 2, page));
  gtk_switch_set_active (self->per_stage_switch,
                         g_settings_get_boolean (self->settings, "export-page-per-stage"));
  if (bp_application_has_setting ("export-stages-per-slide"))
    adw_combo_row_set_selected (self->per_slide_row,
                                choice_for_stages_per_slide (g_settings_get_uint (self->settings,
                                                                                  "export-stages-per-slide")));
}

/* Only the choices that apply to the export made are kept: a PDF export
 * leaves the PNG scale as it was. */
static void
save_settings (BpExportDialog        *self,
               const BpExportOptions *options)
{
  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format",
                         format_names[selected_format_index (self)]);
  if (options->format == BP_EXPORT_FORMAT_PNG)
    {
      g_settings_set_double (self->settings, "export-scale", options->scale);
      g_settings_set_string (self->settings, "export-background",
                             options->transparent ? "transparent" : "white");
    }
  if (options->format == BP_EXPORT_FORMAT_PDF)
    {
      g_settings_set_string (self->settings, "export-page",
                             options->page == BP_EXPORT_PAGE_SLIDE ? "slide" : "fit");
      g_settings_set_boolean (self->settings, "export-page-per-stage", options->page_per_stage);
      if (options->page == BP_EXPORT_PAGE_SLIDE && !options->page_per_stage &&
          bp_application_has_setting ("export-stages-per-slide"))
        g_settings_set_uint (self->settings, "export-stages-per-slide", options->stages_per_slide);
    }
  g_settings_apply (self->settings);
}

/* ------------------------------------------------------------------ */
/* Exporting in a worker thread                                        */

/* What the worker thread and the dialog share: only plain data, so that
 * no widget is touched, or finalized, off the main thread. The dialog
 * reads the progress on a timer. */
typedef struct _ExportProgress {
  gint per_mille;   /* atomic */
} ExportProgress;

typedef struct {
  char            *bpj;
  gsize            length;
  char            *old_bpj;    /* the blueprint compared with, or NULL */
  gsize            old_length;
  char            *path;
  BpExportOptions  options;
  ExportProgress  *progress;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->bpj);
  g_free (job->old_bpj);
  g_free (job->path);
  g_atomic_rc_box_release (job->progress);
  g_free (job);
}

/* In the worker thread. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->progress->per_mille, (int) (fraction * 1000));
}

static gboolean
show_progress (gpointer data)
{
  BpExportDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress->per_mille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (BpExportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
}

/* The thread works on a copy of the document, read back from its saved
 * form: the window may change its own meanwhile. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(BpDocument) copy = NULL;
  g_autoptr(BpDocument) old_copy = NULL;
  GError *error = NULL;

  if (job->old_bpj != NULL)
    {
      old_copy = bp_bpj_read (job->old_bpj, job->old_length, job->path, &error);
      if (old_copy == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->options.compare_with = old_copy;
    }

  copy = bp_bpj_read (job->bpj, job->length, job->path, &error);
  if (copy == NULL ||
      !bp_export_to_file_full (copy, job->path, &job->options, on_progress, job,
                               cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_busy (BpExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (self->settings_page, !busy);
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
}

static void
show_error (BpExportDialog *self,
            const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @user_data is a reference to the dialog, released here on the main
 * thread: the task itself holds none, since its last reference may go in
 * the worker. */
static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BpExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = g_steal_pointer (&self->target);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  stop_progress (self);
  if (self->closed)
    return;

  set_busy (self, FALSE);
  if (ok)
    {
      g_signal_emit (self, signals[EXPORTED], 0, target);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_error (self, error->message);
    }
}

void
bp_export_dialog_export_to (BpExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL || self->closed)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Only files on this computer can be exported to."));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->bpj = bp_bpj_write (self->document, &job->length);
  job->path = g_steal_pointer (&path);
  bp_export_dialog_get_options (self, &job->options);
  save_settings (self, &job->options);
  /* The window's blueprints stay on the main thread: the thread reads
   * copies. */
  if (job->options.compare_with != NULL)
    job->old_bpj = bp_bpj_write (job->options.compare_with, &job->old_length);
  job->options.compare_with = NULL;

  self->cancellable = g_cancellable_new ();
  g_set_object (&self->target, file);
  set_busy (self, TRUE);
  self->progress = g_atomic_rc_box_new0 (ExportProgress);
  job->progress = g_atomic_rc_box_acquire (self->progress);
  self->progress_source = g_timeout_add (100, show_progress, self);

  task = g_task_new (NULL, self->cancellable, on_export_done, g_object_ref (self));
  g_task_set_source_tag (task, bp_export_dialog_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* ------------------------------------------------------------------ */
/* Where to save                                                       */

/* The chosen format's extension, replacing another format's. */
static GFile *
with_extension (GFile *file,
                guint  format_index)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  BpExportFormat format = formats[format_index];
  const char *extension = format_names[format_index];
  g_autofree char *fixed = NULL;
  BpExportFormat named;

  if (bp_export_format_for_path (name, &named))
    {
      if (named == format)
        return g_object_ref (file);
      *strrchr (name, '.') = '\0';
    }

  fixed = g_strconcat (name, ".", extension, NULL);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_file_new_for_path (fixed);
}

static void
on_replace_response (AdwMessageDialog *question,
                     const char       *response,
                     BpExportDialog   *self)
{
  GFile *file = bp_replace_question_get_file (question);

  if (g_str_equal (response, "replace") && !self->closed)
    bp_export_dialog_export_to (self, file);
}

/* The chooser asked before replacing the name the user typed, not the
 * one the extension turned it into. */
static void
ask_before_replacing (BpExportDialog *self,
                      GFile          *file)
{
  AdwMessageDialog *question = bp_replace_question_new (GTK_WINDOW (self), file);

  g_signal_connect_object (question, "response", G_CALLBACK (on_replace_response), self, 0);
  gtk_window_present (GTK_WINDOW (question));
}

void
bp_export_dialog_export_to_chosen (BpExportDialog *self,
                                   GFile          *chosen)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (chosen));

  file = with_extension (chosen, selected_format_index (self));
  if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
    ask_before_replacing (self, file);
  else
    bp_export_dialog_export_to (self, file);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BpExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bp_export_dialog_export_to_chosen (self, chosen);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_clicked (BpExportDialog *self)
{
  static const char * const mime_types[] = { "image/png", "application/pdf", "image/svg+xml" };
  const char *title = bp_document_get_title (self->document);
  guint format = selected_format_index (self);
  GtkStringObject *format_name = adw_combo_row_get_selected_item (self->format_row);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Blueprint"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  pattern = g_strconcat ("*.", format_names[format], NULL);
  gtk_file_filter_set_name (filter, format_name != NULL ? gtk_string_object_get_string (format_name)
                                                      : pattern);
  gtk_file_filter_add_mime_type (filter, mime_types[format]);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = g_strconcat (*title ? title : _("Blueprint"), ".", format_names[format], NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel stops a running export and keeps the dialog, to choose again;
 * otherwise it closes. */
static void
on_cancel_clicked (BpExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
bp_export_dialog_close_request (GtkWindow *window)
{
  BpExportDialog *self = BP_EXPORT_DIALOG (window);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (bp_export_dialog_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */

static void
bp_export_dialog_dispose (GObject *object)
{
  BpExportDialog *self = BP_EXPORT_DIALOG (object);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  g_clear_object (&self->compare_with);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bp_export_dialog_parent_class)->dispose (object);
}

static void
bp_export_dialog_finalize (GObject *object)
{
  BpExportDialog *self = BP_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (bp_export_dialog_parent_class)->finalize (object);
}

static void
bp_export_dialog_class_init (BpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bp_export_dialog_dispose;
  object_class->finalize = bp_export_dialog_finalize;
  window_class->close_request = bp_export_dialog_close_request;

  /**
   * BpExportDialog::exported:
   * @file: the file written
   *
   * A file was exported; the dialog closes next.
   */
  signals[EXPORTED] = g_signal_new ("exported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/bp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, settings_page);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, per_stage_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, per_stage_switch);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, per_slide_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, stages_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, compare_row);
  gtk_widget_class_bind_template_child (widget_class, BpExportDialog, compare_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bp_export_dialog_init (BpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = lookup_settings ();
}

BpExportDialog *
bp_export_dialog_new (GtkWindow  *parent,
                      BpDocument *document,
                      GFile      *file)
{
  BpExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BP_IS_DOCUMENT (document), NULL);

  self = g_object_new (BP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->layout = bp_layout_new (document);
  g_set_object (&self->file, file);

  fill_stage_rows (self);
  load_settings (self);

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->background_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->per_stage_switch, "notify::active",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->per_slide_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stages_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_switch, "notify::active",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_row, "notify::selected",
                           G_CALLBACK (on_from_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "notify::selected",
                           G_CALLBACK (on_to_changed), self, G_CONNECT_SWAPPED);

  update_rows (self);
  return self;
}

void
bp_export_dialog_set_compare_with (BpExportDialog *self,
                                   BpDocument     *old_document,
                                   const char     *name)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (BP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (old_document == NULL || BP_IS_DOCUMENT (old_document));

  g_set_object (&self->compare_with, old_document);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_row), old_document != NULL);
  if (old_document == NULL)
    return;

  /* Translators: under "Show the comparison" in the Export dialog: the
   * file the open blueprint is compared with. */
  if (name != NULL)
    {
      /* The row's subtitle is markup. */
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      subtitle = g_strdup_printf (_("What changed since %s"), escaped);
    }
  adw_action_row_set_subtitle (self->compare_row, subtitle);
  gtk_switch_set_active (self->compare_switch, TRUE);
  queue_preview (self);
}
