/* bp-export.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "export/bp-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"

/* cairo's image surfaces stop here. */
#define MAX_PNG_SIDE 32767

/* A 16:9 slide, in points, and the margin around the blueprint on it. */
#define SLIDE_WIDTH  960.0
#define SLIDE_HEIGHT 540.0
#define SLIDE_MARGIN 36.0

/* PDF viewers refuse pages wider or taller than 14,400 points (200
 * inches, the limit of PDF 1.7's Annex C): a fitted page of a very wide
 * blueprint (327,104 units for 10,000 cards) is scaled down to it. */
#define MAX_PDF_SIDE 14400.0

static const struct {
  const char     *extension;
  BpExportFormat  format;
} extensions[] = {
  { "png", BP_EXPORT_FORMAT_PNG },
  { "pdf", BP_EXPORT_FORMAT_PDF },
  { "svg", BP_EXPORT_FORMAT_SVG },
  { "bpj", BP_EXPORT_FORMAT_BPJ },
};

void
bp_export_options_init (BpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = BP_EXPORT_FORMAT_PNG;
  options->scale = 1;
  options->page = BP_EXPORT_PAGE_FIT;
  options->first_stage = 0;
  options->last_stage = -1;
}

gboolean
bp_export_wants_legend (const BpExportOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  switch (options->legend)
    {
    case BP_EXPORT_LEGEND_ON:
      return TRUE;
    case BP_EXPORT_LEGEND_OFF:
      return FALSE;
    case BP_EXPORT_LEGEND_AUTO:
    default:
      return options->format == BP_EXPORT_FORMAT_PDF && options->page == BP_EXPORT_PAGE_SLIDE;
    }
}

gboolean
bp_export_format_for_path (const char     *path,
                           BpExportFormat *format)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A folder is not a file to write. */
  if (path[0] == '\0' || G_IS_DIR_SEPARATOR (path[strlen (path) - 1]))
    return FALSE;

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i].extension) == 0)
      {
        if (format != NULL)
          *format = extensions[i].format;
        return TRUE;
      }

  return FALSE;
}

static const char *
format_extension (BpExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (extensions[i].format == format)
      return extensions[i].extension;

  return "";
}

/* ------------------------------------------------------------------ */
/* An atomic output file: a hidden temporary file beside the target,
 * renamed over it once everything is written and synced. */

typedef struct {
  char *path;          /* where the file goes, symbolic links followed */
  char *display;       /* the path as given, for messages */
  char *tmp_path;
  int   fd;
  int   write_errno;   /* the first failed write's errno, or 0 */
  GCancellable *cancellable;
} Output;

static void
output_init (Output     *out,
             const char *path)
{
  memset (out, 0, sizeof *out);
  out->fd = -1;
  out->display = g_filename_display_name (path);

  /* Replace a link's target, not the link. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    out->path = realpath (path, NULL);
  if (out->path == NULL)
    out->path = g_strdup (path);
}

static void
output_clear (Output *out)
{
  if (out->fd >= 0)
    close (out->fd);
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);

  g_clear_pointer (&out->tmp_path, g_free);
  g_clear_pointer (&out->path, g_free);
  g_clear_pointer (&out->display, g_free);
  out->fd = -1;
}

static gboolean
set_errno_error (GError     **error,
                 int          error_number,
                 const char  *display)
{
  if (error_number == ECANCELED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The export to “%s” was cancelled"), display);
      return FALSE;
    }

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (error_number),
               _("Cannot write “%s”: %s"), display, g_strerror (error_number));
  return FALSE;
}

static gboolean
output_open (Output  *out,
             GError **error)
{
  g_autofree char *dir = g_path_get_dirname (out->path);
  g_autofree char *base = g_path_get_basename (out->path);
  struct stat st;
  int saved_errno;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write “%s”: the folder “%s” does not exist"),
                   out->display, dir_display);
      return FALSE;
    }

  /* Short enough to stay a valid name whatever the target is called. */
  if (strlen (base) > 200)
    base[200] = '\0';
  out->tmp_path = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  out->fd = g_mkstemp_full (out->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (out->fd < 0)
    {
      saved_errno = errno;
      g_clear_pointer (&out->tmp_path, g_free);
      return set_errno_error (error, saved_errno, out->display);
    }

  /* A file that is replaced keeps its permissions. */
  if (g_stat (out->path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (out->fd, st.st_mode & 07777);

  return TRUE;
}

static gboolean
output_write (Output     *out,
              const void *data,
              gsize       length)
{
  const char *p = data;

  if (out->write_errno != 0)
    return FALSE;

  if (g_cancellable_is_cancelled (out->cancellable))
    {
      out->write_errno = ECANCELED;
      return FALSE;
    }

  while (length > 0)
    {
      gssize written = write (out->fd, p, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          out->write_errno = errno;
          return FALSE;
        }

      p += written;
      length -= written;
    }

  return TRUE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return output_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Syncs, closes and renames into place. */
static gboolean
output_commit (Output  *out,
               GError **error)
{
  int fd = out->fd;

  out->fd = -1;
  if (out->write_errno != 0)
    {
      close (fd);
      return set_errno_error (error, out->write_errno, out->display);
    }

  if (g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, out->display);
    }

  if (close (fd) != 0)
    return set_errno_error (error, errno, out->display);

  /* The last moment a cancelled export can still leave nothing behind. */
  if (g_cancellable_is_cancelled (out->cancellable))
    return set_errno_error (error, ECANCELED, out->display);

  if (g_rename (out->tmp_path, out->path) != 0)
    return set_errno_error (error, errno, out->display);

  g_clear_pointer (&out->tmp_path, g_free);
  return TRUE;
}

/* A write that failed says why (a full disk), not just that cairo
 * could not write. */
static gboolean
check_cairo (Output          *out,
             cairo_status_t   status,
             GError         **error)
{
  if (g_cancellable_is_cancelled (out->cancellable))
    return set_errno_error (error, ECANCELED, out->display);

  if (out->write_errno != 0)
    return set_errno_error (error, out->write_errno, out->display);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot export to “%s”: %s"), out->display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

/* What one page shows, in canvas units: the lane header column, then
 * the columns of stages @first to @last, under the title band. */
typedef struct {
  guint  first;
  guint  last;
  double x;        /* where the first stage's column starts */
  double width;
  double height;
  gboolean whole;  /* every stage */
} Sheet;

/* A page: its sheet, its size in the file's units, and where and how
 * large the sheet is drawn on it. */
typedef struct {
  Sheet  sheet;
  double width;
  double height;
  double zoom;
  double dx;
  double dy;
  gboolean background;
} Page;

static gboolean
resolve_stages (BpLayout              *layout,
                const BpExportOptions *options,
                guint                 *first,
                guint                 *last)
{
  int n = (int) bp_document_get_n_stages (bp_layout_get_document (layout));
  int last_stage = options->last_stage < 0 ? n - 1 : options->last_stage;

  if (options->first_stage < 0 || options->first_stage > last_stage || last_stage >= n)
    return FALSE;

  *first = options->first_stage;
  *last = last_stage;
  return TRUE;
}

static gboolean
get_sheet (BpLayout *layout,
           guint     first,
           guint     last,
           Sheet    *sheet)
{
  guint n = bp_document_get_n_stages (bp_layout_get_document (layout));
  BpRect bounds, from, to;

  if (!bp_layout_get_stage_rect (layout, first, &from) ||
      !bp_layout_get_stage_rect (layout, last, &to))
    return FALSE;

  bp_layout_get_bounds (layout, &bounds);
  sheet->first = first;
  sheet->last = last;
  sheet->x = from.x;
  sheet->height = bounds.height;
  sheet->whole = first == 0 && last + 1 == n;
  if (sheet->whole)
    sheet->width = bounds.width;
  else
    sheet->width = bp_layout_get_header_width (layout) + to.x + to.width - from.x;

  return TRUE;
}

static double
png_side (double length,
          double scale)
{
  /* A hair of rounding error must not add a pixel. */
  return ceil (length * scale - 1e-6);
}

static gboolean
get_page (BpLayout              *layout,
          const BpExportOptions *options,
          guint                  index,
          Page                  *page)
{
  guint first, last;
  Sheet *sheet = &page->sheet;

  memset (page, 0, sizeof *page);
  if (!resolve_stages (layout, options, &first, &last))
    return FALSE;

  if (options->format == BP_EXPORT_FORMAT_PDF && options->page_per_stage)
    {
      if (index > last - first)
        return FALSE;
      first = last = first + index;
    }
  else if (index > 0)
    {
      return FALSE;
    }

  if (!get_sheet (layout, first, last, sheet))
    return FALSE;

  page->zoom = 1;
  page->width = sheet->width;
  page->height = sheet->height;

  switch (options->format)
    {
    case BP_EXPORT_FORMAT_PNG:
      page->zoom = options->scale;
      page->width = MAX (1, png_side (sheet->width, options->scale));
      page->height = MAX (1, png_side (sheet->height, options->scale));
      page->background = !options->transparent;
      break;

    case BP_EXPORT_FORMAT_PDF:
      if (options->page == BP_EXPORT_PAGE_SLIDE)
        {
          page->zoom = MIN ((SLIDE_WIDTH - 2 * SLIDE_MARGIN) / sheet->width,
                            (SLIDE_HEIGHT - 2 * SLIDE_MARGIN) / sheet->height);
          page->width = SLIDE_WIDTH;
          page->height = SLIDE_HEIGHT;
          page->dx = (SLIDE_WIDTH - sheet->width * page->zoom) / 2;
          page->dy = (SLIDE_HEIGHT - sheet->height * page->zoom) / 2;
          page->background = TRUE;
        }
      else
        {
          page->zoom = MIN (1, MAX_PDF_SIDE / MAX (sheet->width, sheet->height));
          page->width = sheet->width * page->zoom;
          page->height = sheet->height * page->zoom;
        }
      break;

    case BP_EXPORT_FORMAT_SVG:
    case BP_EXPORT_FORMAT_BPJ:
    default:
      break;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

/* Draws the canvas rectangle (@x, @y, @width, @height) at (@at_x, @at_y)
 * of the sheet. */
static void
render_area (cairo_t               *cr,
             BpLayout              *layout,
             const BpExportOptions *options,
             const Sheet           *sheet,
             double                 zoom,
             const BpRect          *area,
             double                 at_x,
             double                 at_y)
{
  double header = bp_layout_get_header_width (layout);
  g_autoptr(BpInsights) insights = NULL;
  BpRenderOptions render_options;

  /* Worked out for each piece: cheap next to drawing it. */
  if (options->insights)
    insights = bp_insights_compute (bp_layout_get_document (layout));

  bp_render_options_init (&render_options);
  render_options.insights = insights;
  render_options.viewport = *area;
  render_options.zoom = zoom;
  render_options.dark = options->dark;
  render_options.transparent = options->transparent;
  render_options.title_width = sheet->width;
  render_options.legend = bp_export_wants_legend (options);
  if (!sheet->whole)
    render_options.label_bounds = (BpRect) { sheet->x, 0, sheet->width - header, sheet->height };

  cairo_save (cr);
  cairo_translate (cr, at_x * zoom, at_y * zoom);
  bp_render (cr, layout, &render_options);
  cairo_restore (cr);
}

/* From the first stage on, the sheet is one piece of the canvas. Past
 * it, three: the stages, then the lane header column beside them and the
 * title band above them, each drawn over the stages' edge by a unit so
 * that no hairline seam shows where pieces meet (on an opaque
 * background; a transparent PNG is cut on whole pixels). Flows that
 * leave the range end at its edges, and labels those edges would cut
 * are left out. */
static void
draw_sheet (cairo_t               *cr,
            BpLayout              *layout,
            const BpExportOptions *options,
            const Sheet           *sheet,
            double                 zoom)
{
  double header = bp_layout_get_header_width (layout);
  double overlap = options->transparent ? 0 : 1;
  BpRect title, area;
  double top;

  bp_layout_get_title_rect (layout, &title);
  top = title.y + title.height;

  if (sheet->x <= header)
    {
      area = (BpRect) { 0, 0, sheet->width, sheet->height };
      render_area (cr, layout, options, sheet, zoom, &area, 0, 0);
      return;
    }

  area = (BpRect) { sheet->x - overlap, top - overlap,
                    sheet->width - header + overlap, sheet->height - top + overlap };
  render_area (cr, layout, options, sheet, zoom, &area, header - overlap, top - overlap);

  area = (BpRect) { 0, top - overlap, header, sheet->height - top + overlap };
  render_area (cr, layout, options, sheet, zoom, &area, 0, top - overlap);

  area = (BpRect) { 0, 0, sheet->width, top };
  render_area (cr, layout, options, sheet, zoom, &area, 0, 0);
}

static void
paint_background (cairo_t *cr,
                  gboolean dark)
{
  double red, green, blue;

  bp_render_get_background (dark, &red, &green, &blue);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
}

static void
draw_page (cairo_t               *cr,
           BpLayout              *layout,
           const BpExportOptions *options,
           const Page            *page)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_clip (cr);
  if (page->background)
    paint_background (cr, options->dark);
  cairo_translate (cr, page->dx, page->dy);
  draw_sheet (cr, layout, options, &page->sheet, page->zoom);
  cairo_restore (cr);
}

guint
bp_export_get_n_pages (BpLayout              *layout,
                       const BpExportOptions *options)
{
  guint first, last;

  g_return_val_if_fail (BP_IS_LAYOUT (layout), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (!resolve_stages (layout, options, &first, &last))
    return 0;
  if (options->format == BP_EXPORT_FORMAT_PDF && options->page_per_stage)
    return last - first + 1;
  return 1;
}

gboolean
bp_export_get_page_size (BpLayout              *layout,
                         const BpExportOptions *options,
                         guint                  index,
                         double                *width,
                         double                *height)
{
  Page page;

  g_return_val_if_fail (BP_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!get_page (layout, options, index, &page))
    return FALSE;

  if (width != NULL)
    *width = page.width;
  if (height != NULL)
    *height = page.height;
  return TRUE;
}

void
bp_export_draw_page (cairo_t               *cr,
                     BpLayout              *layout,
                     const BpExportOptions *options,
                     guint                  index)
{
  Page page;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);

  if (get_page (layout, options, index, &page))
    draw_page (cr, layout, options, &page);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

typedef struct {
  BpLayout              *layout;
  const BpExportOptions *options;
  Output                 out;
  BpExportProgressFunc   progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
} Job;

static void
report_progress (Job    *job,
                 double  fraction)
{
  if (job->progress != NULL)
    job->progress (CLAMP (fraction, 0, 1), job->progress_data);
}

/* Finishes @surface and reports what went wrong while drawing or
 * writing it. */
static gboolean
finish_surface (Output           *out,
                cairo_t          *cr,
                cairo_surface_t  *surface,
                GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (out, status, error);
}

static gboolean
export_png (Job     *job,
            GError **error)
{
  Output *out = &job->out;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Page page;

  get_page (job->layout, job->options, 0, &page);

  if (page.width > MAX_PNG_SIDE || page.height > MAX_PNG_SIDE)
    {
      double longest = MAX (page.sheet.width, page.sheet.height);
      double largest = floor (MAX_PNG_SIDE / longest * 100) / 100;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export to “%s”: at scale %g the image would be %.0f × %.0f pixels, "
                     "more than the %d pixels a side a PNG can have; choose a scale of %g or less"),
                   out->display, job->options->scale, page.width, page.height, MAX_PNG_SIDE, largest);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) page.width, (int) page.height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_cairo (out, status, error);
    }

  cr = cairo_create (surface);
  draw_page (cr, job->layout, job->options, &page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  report_progress (job, 0.5);

  if (status == CAIRO_STATUS_SUCCESS && g_cancellable_is_cancelled (job->cancellable))
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status == CAIRO_STATUS_SUCCESS && !output_open (out, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_cb, out);
  cairo_surface_destroy (surface);

  return check_cairo (out, status, error) && output_commit (out, error);
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  BpDocument      *document)
{
  const char *title = bp_document_get_title (document);

  if (title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint");
}

static gboolean
export_pdf (Job     *job,
            GError **error)
{
  guint n_pages = bp_export_get_n_pages (job->layout, job->options);
  Output *out = &job->out;
  cairo_surface_t *surface;
  cairo_t *cr;
  Page page;

  if (!output_open (out, error))
    return FALSE;

  get_page (job->layout, job->options, 0, &page);
  surface = cairo_pdf_surface_create_for_stream (write_cb, out, page.width, page.height);
  set_pdf_metadata (surface, bp_layout_get_document (job->layout));
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      if (g_cancellable_is_cancelled (job->cancellable))
        {
          out->write_errno = ECANCELED;
          break;
        }

      get_page (job->layout, job->options, i, &page);
      /* Each page has its own size: before anything is drawn on it. */
      cairo_pdf_surface_set_size (surface, page.width, page.height);
      draw_page (cr, job->layout, job->options, &page);
      cairo_show_page (cr);
      /* Writing the file at the end takes a share of the time too. */
      report_progress (job, (i + 1.0) / (n_pages + 1.0));
    }

  return finish_surface (out, cr, surface, error) && output_commit (out, error);
}

static gboolean
export_svg (Job     *job,
            GError **error)
{
  Output *out = &job->out;
  cairo_surface_t *surface;
  cairo_t *cr;
  Page page;

  if (!output_open (out, error))
    return FALSE;

  get_page (job->layout, job->options, 0, &page);
  surface = cairo_svg_surface_create_for_stream (write_cb, out, page.width, page.height);
  /* One canvas unit is one CSS pixel, as on screen at 100 %. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  draw_page (cr, job->layout, job->options, &page);
  report_progress (job, 0.5);

  return finish_surface (out, cr, surface, error) && output_commit (out, error);
}

static gboolean
export_bpj (BpDocument  *document,
            Output      *out,
            GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  text = bp_bpj_write_for_file (document, out->display, &length, error);
  if (text == NULL || !output_open (out, error))
    return FALSE;

  output_write (out, text, length);
  return output_commit (out, error);
}

/* ------------------------------------------------------------------ */

static gboolean
check_request (BpDocument            *document,
               const char            *display,
               const char            *path,
               const BpExportOptions *options,
               GError               **error)
{
  guint n_stages = bp_document_get_n_stages (document);
  int last_stage = options->last_stage < 0 ? (int) n_stages - 1 : options->last_stage;
  BpExportFormat named;

  if (!bp_export_format_for_path (path, &named))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Cannot export to “%s”: name the file with .png, .pdf, .svg or .bpj at the end"),
                   display);
      return FALSE;
    }

  if (named != options->format)
    {
      g_autofree char *upper = g_ascii_strup (format_extension (options->format), -1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Cannot export to “%s”: a %s file should be named .%s"),
                   display, upper, format_extension (options->format));
      return FALSE;
    }

  if (options->format == BP_EXPORT_FORMAT_PNG &&
      !(isfinite (options->scale) && options->scale > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export to “%s”: the scale must be a number above 0, not %g"),
                   display, options->scale);
      return FALSE;
    }

  if (options->format != BP_EXPORT_FORMAT_BPJ &&
      (options->first_stage < 0 || options->first_stage > last_stage ||
       last_stage >= (int) n_stages))
    {
      /* Translators: stages are counted from 1; the last %u is how many
       * stages the blueprint has. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Cannot export to “%s”: there are no stages %d to %d in a blueprint of %u stage",
                                "Cannot export to “%s”: there are no stages %d to %d in a blueprint of %u stages",
                                n_stages),
                   display, options->first_stage + 1, last_stage + 1, n_stages);
      return FALSE;
    }

  return TRUE;
}

gboolean
bp_export_to_file (BpDocument             *document,
                   const char             *path,
                   const BpExportOptions  *options,
                   GError                **error)
{
  return bp_export_to_file_full (document, path, options, NULL, NULL, NULL, error);
}

gboolean
bp_export_to_file_full (BpDocument             *document,
                        const char             *path,
                        const BpExportOptions  *options,
                        BpExportProgressFunc    progress,
                        gpointer                progress_data,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(BpLayout) layout = NULL;
  gboolean ok;
  Job job = { 0 };

  g_return_val_if_fail (BP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  output_init (&job.out, path);
  job.out.cancellable = cancellable;
  job.options = options;
  job.progress = progress;
  job.progress_data = progress_data;
  job.cancellable = cancellable;

  if (!check_request (document, job.out.display, path, options, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      output_clear (&job.out);
      return FALSE;
    }

  if (options->format != BP_EXPORT_FORMAT_BPJ)
    job.layout = layout = bp_layout_new (document);

  switch (options->format)
    {
    case BP_EXPORT_FORMAT_PNG:
      ok = export_png (&job, error);
      break;
    case BP_EXPORT_FORMAT_PDF:
      ok = export_pdf (&job, error);
      break;
    case BP_EXPORT_FORMAT_SVG:
      ok = export_svg (&job, error);
      break;
    case BP_EXPORT_FORMAT_BPJ:
      ok = export_bpj (document, &job.out, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Removes the temporary file when anything failed. */
  output_clear (&job.out);
  if (ok)
    report_progress (&job, 1);
  return ok;
}

void
bp_export_get_png_size (BpDocument *document,
                        double      scale,
                        int        *width,
                        int        *height)
{
  g_autoptr(BpLayout) layout = NULL;
  BpRect bounds;

  g_return_if_fail (BP_IS_DOCUMENT (document));
  g_return_if_fail (scale > 0);

  layout = bp_layout_new (document);
  bp_layout_get_bounds (layout, &bounds);
  if (width != NULL)
    *width = (int) CLAMP (png_side (bounds.width, scale), 1, G_MAXINT);
  if (height != NULL)
    *height = (int) CLAMP (png_side (bounds.height, scale), 1, G_MAXINT);
}
