/* test-export-dialog.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bp-export-dialog.h"
#include "bp-window.h"
#include "bp-window-private.h"
#include "editor-test-utils.h"
#include "pdf-test-utils.h"

/* The Export dialog as a user meets it: Ctrl+E's action opens it, its
 * rows choose, and the file written is what they chose. */

static BpExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BP_IS_EXPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return BP_EXPORT_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_is_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static BpExportDialog *
open_dialog (BpWindow *window)
{
  BpExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (editor_test_wait (dialog_is_shown, NULL));
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  editor_test_iterate (50);
  return dialog;
}

static gpointer
child (BpExportDialog *dialog,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), BP_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static void
choose (BpExportDialog *dialog,
        const char     *row,
        guint           position)
{
  adw_combo_row_set_selected (child (dialog, row), position);
  editor_test_iterate (20);
}

static gboolean
shown (BpExportDialog *dialog,
       const char     *name)
{
  return gtk_widget_get_visible (child (dialog, name));
}

/* "2,480 × 1,120 px" in any locale's grouping: the two numbers. */
static void
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) sides = g_strsplit (text, "×", 2);
  int values[2] = { 0, 0 };

  g_assert_cmpuint (g_strv_length (sides), ==, 2);
  for (guint i = 0; i < 2; i++)
    for (const char *p = sides[i]; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        values[i] = values[i] * 10 + (*p - '0');

  *width = values[0];
  *height = values[1];
}

typedef struct {
  GFile   *file;
  gboolean done;
} Exported;

static void
on_exported (BpExportDialog *dialog,
             GFile          *file,
             Exported       *exported)
{
  g_set_object (&exported->file, file);
  exported->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Exported *) data)->done;
}

/* What the Export button does once the file chooser answers. */
static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
export_and_wait (BpExportDialog *dialog,
                 const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *weak = GTK_WIDGET (dialog);
  Exported exported = { 0 };

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  bp_export_dialog_export_to (dialog, file);
  g_assert_true (bp_export_dialog_is_exporting (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (child (dialog, "progress_revealer")));

  g_assert_true (editor_test_wait (is_done, &exported));
  g_assert_true (g_file_equal (exported.file, file));
  g_clear_object (&exported.file);
  /* Done: the dialog closed itself. */
  g_assert_true (editor_test_wait (is_gone, &weak));
  g_assert_null (weak);
}

static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (data);
}

static gboolean
shows_five_pages (gpointer label)
{
  return g_strcmp0 (gtk_label_get_label (label), "Page 1 of 5") == 0;
}

static void
test_pdf_then_png (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GArray) sizes = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  guint n_stages = bp_document_get_n_stages (bp_window_get_document (window));
  BpExportDialog *dialog = open_dialog (window);
  BpExportOptions options;
  cairo_surface_t *image;
  int width, height, range_width, range_height;

  g_assert_cmpuint (n_stages, ==, 5);

  /* PDF, 16:9, one page per stage: the PNG rows go, the PDF rows come. */
  choose (dialog, "format_row", 1);
  g_assert_false (shown (dialog, "scale_row"));
  g_assert_false (shown (dialog, "background_row"));
  g_assert_true (shown (dialog, "page_row"));
  g_assert_true (shown (dialog, "per_stage_row"));
  g_assert_false (shown (dialog, "from_row"));
  choose (dialog, "page_row", 1);
  /* The switch turns on at the end of its animation. */
  gtk_widget_activate (child (dialog, "per_stage_switch"));
  g_assert_true (editor_test_wait (switch_is_on, child (dialog, "per_stage_switch")));
  /* The preview follows in an idle, after the frames of the animation. */
  g_assert_true (editor_test_wait (shows_five_pages, child (dialog, "page_label")));
  g_assert_cmpstr (gtk_label_get_label (child (dialog, "page_label")), ==, "Page 1 of 5");
  g_assert_nonnull (gtk_picture_get_paintable (child (dialog, "preview")));

  bp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, BP_EXPORT_FORMAT_PDF);
  g_assert_cmpint (options.page, ==, BP_EXPORT_PAGE_SLIDE);
  g_assert_true (options.page_per_stage);

  pdf = g_build_filename (folder, "loan.pdf", NULL);
  export_and_wait (dialog, pdf);

  sizes = pdf_test_page_sizes (pdf);
  g_assert_cmpuint (sizes->len, ==, 2 * n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i), 960, 0.5);
      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i + 1), 540, 0.5);
    }

  /* Open again: the last choices are back. */
  dialog = open_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "format_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "page_row")), ==, 1);
  g_assert_true (gtk_switch_get_active (child (dialog, "per_stage_switch")));

  /* PNG at 3×: the file has the size the Scale row shows. A range of
   * stages is narrower. */
  choose (dialog, "format_row", 0);
  g_assert_true (shown (dialog, "scale_row"));
  g_assert_false (shown (dialog, "page_row"));
  choose (dialog, "scale_row", 2);
  choose (dialog, "stages_row", 1);
  g_assert_true (shown (dialog, "from_row"));
  choose (dialog, "to_row", 1);
  parse_size (adw_action_row_get_subtitle (child (dialog, "scale_row")), &range_width, &range_height);
  choose (dialog, "stages_row", 0);
  parse_size (adw_action_row_get_subtitle (child (dialog, "scale_row")), &width, &height);
  g_assert_cmpint (range_width, <, width);
  g_assert_cmpint (range_height, ==, height);
  g_assert_cmpint (width, >, 3 * 1000);

  png = g_build_filename (folder, "loan.png", NULL);
  export_and_wait (dialog, png);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  cairo_surface_destroy (image);

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

static gboolean
is_idle (gpointer data)
{
  return !bp_export_dialog_is_exporting (data);
}

/* From stage 3 to stage 2 is no range: moving one brings the other. */
static void
test_range_order (void)
{
  g_autofree char *folder = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpExportDialog *dialog = open_dialog (window);
  BpExportOptions options;

  choose (dialog, "stages_row", 1);
  choose (dialog, "to_row", 1);
  choose (dialog, "from_row", 3);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "to_row")), ==, 3);
  choose (dialog, "to_row", 0);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "from_row")), ==, 0);

  choose (dialog, "from_row", 2);
  bp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.first_stage, ==, 2);
  g_assert_cmpint (options.last_stage, ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

static gboolean
switch_is_off (gpointer data)
{
  return !gtk_switch_get_active (data);
}

static char *expected_label;

static gboolean
label_is_expected (gpointer label)
{
  return g_strcmp0 (gtk_label_get_label (label), expected_label) == 0;
}

/* The preview's page count follows the slides the export will write. */
static void
wait_for_page_count (BpWindow       *window,
                     BpExportDialog *dialog)
{
  g_autoptr(BpLayout) layout = bp_layout_new (bp_window_get_document (window));
  BpExportOptions options;

  bp_export_dialog_get_options (dialog, &options);
  g_free (expected_label);
  expected_label = g_strdup_printf ("Page 1 of %u", bp_export_get_n_pages (layout, &options));
  g_assert_true (editor_test_wait (label_is_expected, child (dialog, "page_label")));
}

/* 16:9 slides: Stages per slide shows, Automatic first; 2 a slide makes
 * three slides of five stages, written as the preview says; one page
 * per stage hides the row. */
static void
test_stages_per_slide (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) sizes = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpExportDialog *dialog = open_dialog (window);
  BpExportOptions options;

  choose (dialog, "format_row", 1);
  /* An earlier test may have left one page per stage on. */
  if (gtk_switch_get_active (child (dialog, "per_stage_switch")))
    {
      gtk_widget_activate (child (dialog, "per_stage_switch"));
      g_assert_true (editor_test_wait (switch_is_off, child (dialog, "per_stage_switch")));
    }
  choose (dialog, "page_row", 0);
  g_assert_false (shown (dialog, "per_slide_row"));
  choose (dialog, "page_row", 1);
  g_assert_true (shown (dialog, "per_slide_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "per_slide_row")), ==, 0);
  bp_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.stages_per_slide, ==, 0);
  wait_for_page_count (window, dialog);
  g_assert_cmpstr (expected_label, !=, "Page 1 of 1");

  choose (dialog, "per_slide_row", 1);
  bp_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.stages_per_slide, ==, 2);
  wait_for_page_count (window, dialog);
  g_assert_cmpstr (expected_label, ==, "Page 1 of 3");

  pdf = g_build_filename (folder, "two.pdf", NULL);
  export_and_wait (dialog, pdf);
  sizes = pdf_test_page_sizes (pdf);
  g_assert_cmpuint (sizes->len, ==, 2 * 3);

  dialog = open_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "per_slide_row")), ==, 1);
  gtk_widget_activate (child (dialog, "per_stage_switch"));
  g_assert_true (editor_test_wait (switch_is_on, child (dialog, "per_stage_switch")));
  g_assert_false (shown (dialog, "per_slide_row"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
  g_clear_pointer (&expected_label, g_free);
}

/* Cancel while the file is written: no file, and the dialog stays for
 * another try. */
static void
test_cancel (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpExportDialog *dialog = open_dialog (window);

  /* A large PNG takes a while to draw and compress. */
  choose (dialog, "format_row", 0);
  choose (dialog, "scale_row", 2);
  path = g_build_filename (folder, "cancelled.png", NULL);
  file = g_file_new_for_path (path);
  bp_export_dialog_export_to (dialog, file);
  g_assert_true (bp_export_dialog_is_exporting (dialog));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "export_button")));

  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  g_assert_true (editor_test_wait (is_idle, dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "export_button")));

  /* Its only file is the blueprint. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

static AdwMessageDialog *
find_question (BpExportDialog *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (dialog))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
has_question (gpointer dialog)
{
  return find_question (dialog) != NULL;
}

static gboolean
is_png (gpointer path)
{
  g_autofree char *bytes = NULL;
  gsize length;

  return g_file_get_contents (path, &bytes, &length, NULL) &&
         length > 8 && memcmp (bytes, "\x89PNG", 4) == 0;
}

/* "plan" typed with PNG chosen becomes plan.png, which the file chooser
 * never asked about: an existing plan.png is only replaced when the
 * user says so. */
static void
test_completed_name_asks (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) chosen = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment.bpj", &folder);
  BpExportDialog *dialog = open_dialog (window);

  choose (dialog, "format_row", 0);
  typed = g_build_filename (folder, "plan", NULL);
  completed = g_build_filename (folder, "plan.png", NULL);
  g_assert_true (g_file_set_contents (completed, "a teammate's image", -1, NULL));
  chosen = g_file_new_for_path (typed);

  bp_export_dialog_export_to_chosen (dialog, chosen);
  g_assert_true (editor_test_wait (has_question, dialog));
  g_assert_false (bp_export_dialog_is_exporting (dialog));
  adw_message_dialog_response (find_question (dialog), "cancel");
  editor_test_iterate (20);
  g_assert_false (bp_export_dialog_is_exporting (dialog));
  g_assert_true (g_file_get_contents (completed, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "a teammate's image");
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));

  bp_export_dialog_export_to_chosen (dialog, chosen);
  g_assert_true (editor_test_wait (has_question, dialog));
  adw_message_dialog_response (find_question (dialog), "replace");
  g_assert_true (editor_test_wait (is_png, completed));

  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}


static gboolean
preview_is_shown (gpointer dialog)
{
  return gtk_picture_get_paintable (child (dialog, "preview")) != NULL;
}

/* The preview's pixels, as a texture download them. */
static GBytes *
preview_pixels (BpExportDialog *dialog)
{
  GdkTexture *texture = GDK_TEXTURE (gtk_picture_get_paintable (child (dialog, "preview")));
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  guchar *data = g_malloc (4 * width * height);

  gdk_texture_download (texture, data, 4 * width);
  return g_bytes_new_take (data, 4 * width * height);
}

static GBytes *previous_pixels;

static gboolean
preview_changed (gpointer dialog)
{
  g_autoptr(GBytes) pixels = NULL;

  if (!preview_is_shown (dialog))
    return FALSE;
  pixels = preview_pixels (dialog);
  return !g_bytes_equal (pixels, previous_pixels);
}

/* Pixels of the added-card outline's green, #2ec27e, in a PNG. */
static guint
count_green (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += (((const guint32 *) (data + y * stride))[x] & 0xffffff) == 0x2ec27e;
  cairo_surface_destroy (surface);
  return n;
}

/* While the window compares, the dialog offers the comparison, on at
 * first; the preview and the file show it, and turning it off takes it
 * away. Without a comparison the switch is not there. */
static void
test_comparison (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *current = g_build_filename (g_getenv ("TOUCHPOINT_SAMPLES"), "loan-payment.bpj", NULL);
  g_autoptr(GFile) current_file = g_file_new_for_path (current);
  g_autoptr(GError) error = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  BpWindow *window = editor_test_open_sample ("loan-payment-future.bpj", &folder);
  BpExportDialog *dialog = open_dialog (window);
  BpExportOptions options;

  g_assert_false (shown (dialog, "compare_row"));
  bp_export_dialog_get_options (dialog, &options);
  g_assert_null (options.compare_with);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (bp_window_compare_with (window, current_file, &error));
  g_assert_no_error (error);
  dialog = open_dialog (window);
  choose (dialog, "format_row", 0);
  g_assert_true (shown (dialog, "compare_row"));
  g_assert_true (gtk_switch_get_active (child (dialog, "compare_switch")));
  bp_export_dialog_get_options (dialog, &options);
  g_assert_true (options.compare_with == window->compare_document);

  g_assert_true (editor_test_wait (preview_is_shown, dialog));
  editor_test_iterate (20);
  previous_pixels = preview_pixels (dialog);
  gtk_widget_activate (child (dialog, "compare_switch"));
  g_assert_true (editor_test_wait (switch_is_off, child (dialog, "compare_switch")));
  g_assert_true (editor_test_wait (preview_changed, dialog));
  bp_export_dialog_get_options (dialog, &options);
  g_assert_null (options.compare_with);
  without = g_build_filename (folder, "without.png", NULL);
  export_and_wait (dialog, without);

  dialog = open_dialog (window);
  choose (dialog, "format_row", 0);
  g_assert_true (gtk_switch_get_active (child (dialog, "compare_switch")));
  with = g_build_filename (folder, "with.png", NULL);
  export_and_wait (dialog, with);
  g_assert_cmpuint (count_green (with), >, count_green (without) + 100);

  g_clear_pointer (&previous_pixels, g_bytes_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  editor_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!editor_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/export-dialog/pdf-then-png", test_pdf_then_png);
  g_test_add_func ("/export-dialog/range-order", test_range_order);
  g_test_add_func ("/export-dialog/stages-per-slide", test_stages_per_slide);
  g_test_add_func ("/export-dialog/cancel", test_cancel);
  g_test_add_func ("/export-dialog/completed-name-asks", test_completed_name_asks);
  g_test_add_func ("/export-dialog/comparison", test_comparison);

  return g_test_run ();
}
