/* bp-export.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bp-export.h"

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

#include "bp-bpj.h"
#include "bp-layout.h"
#include "bp-render.h"

/* cairo's image surfaces stop here. */
#define MAX_PNG_SIDE 32767

/* A 16:9 slide, in points, and the margin around the blueprint on it. */
#define SLIDE_WIDTH  960.0
#define SLIDE_HEIGHT 540.0
#define SLIDE_MARGIN 36.0

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
/* Drawing                                                             */

static void
render_blueprint (cairo_t               *cr,
                  BpLayout              *layout,
                  const BpExportOptions *options,
                  double                 zoom)
{
  BpRenderOptions render_options;

  bp_render_options_init (&render_options);
  bp_layout_get_bounds (layout, &render_options.viewport);
  render_options.zoom = zoom;
  render_options.dark = options->dark;
  render_options.transparent = options->transparent;
  bp_render (cr, layout, &render_options);
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

static double
png_side (double length,
          double scale)
{
  /* A hair of rounding error must not add a pixel. */
  return ceil (length * scale - 1e-6);
}

static gboolean
export_png (BpLayout              *layout,
            Output                *out,
            const BpExportOptions *options,
            GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  BpRect bounds;
  double width, height;

  bp_layout_get_bounds (layout, &bounds);
  width = MAX (1, png_side (bounds.width, options->scale));
  height = MAX (1, png_side (bounds.height, options->scale));

  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE)
    {
      double largest = floor (MAX_PNG_SIDE / MAX (bounds.width, bounds.height) * 100) / 100;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export to “%s”: at scale %g the image would be %.0f × %.0f pixels, "
                     "more than the %d pixels a side a PNG can have; choose a scale of %g or less"),
                   out->display, options->scale, width, height, MAX_PNG_SIDE, largest);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return check_cairo (out, status, error);
    }

  cr = cairo_create (surface);
  if (!options->transparent)
    paint_background (cr, options->dark);
  render_blueprint (cr, layout, options, options->scale);
  status = cairo_status (cr);
  cairo_destroy (cr);

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
export_pdf (BpLayout              *layout,
            Output                *out,
            const BpExportOptions *options,
            GError               **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRect bounds;

  if (!output_open (out, error))
    return FALSE;

  bp_layout_get_bounds (layout, &bounds);

  if (options->page == BP_EXPORT_PAGE_SLIDE)
    {
      double zoom = MIN ((SLIDE_WIDTH - 2 * SLIDE_MARGIN) / bounds.width,
                         (SLIDE_HEIGHT - 2 * SLIDE_MARGIN) / bounds.height);

      surface = cairo_pdf_surface_create_for_stream (write_cb, out, SLIDE_WIDTH, SLIDE_HEIGHT);
      set_pdf_metadata (surface, bp_layout_get_document (layout));
      cr = cairo_create (surface);
      paint_background (cr, options->dark);
      cairo_translate (cr,
                       (SLIDE_WIDTH - bounds.width * zoom) / 2,
                       (SLIDE_HEIGHT - bounds.height * zoom) / 2);
      render_blueprint (cr, layout, options, zoom);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (write_cb, out, bounds.width, bounds.height);
      set_pdf_metadata (surface, bp_layout_get_document (layout));
      cr = cairo_create (surface);
      render_blueprint (cr, layout, options, 1);
    }

  cairo_show_page (cr);
  return finish_surface (out, cr, surface, error) && output_commit (out, error);
}

static gboolean
export_svg (BpLayout              *layout,
            Output                *out,
            const BpExportOptions *options,
            GError               **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BpRect bounds;

  if (!output_open (out, error))
    return FALSE;

  bp_layout_get_bounds (layout, &bounds);
  surface = cairo_svg_surface_create_for_stream (write_cb, out, bounds.width, bounds.height);
  /* One canvas unit is one CSS pixel, as on screen at 100 %. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  render_blueprint (cr, layout, options, 1);

  return finish_surface (out, cr, surface, error) && output_commit (out, error);
}

static gboolean
export_bpj (BpDocument  *document,
            Output      *out,
            GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!output_open (out, error))
    return FALSE;

  text = bp_bpj_write (document, &length);
  output_write (out, text, length);
  return output_commit (out, error);
}

/* ------------------------------------------------------------------ */

static gboolean
check_request (const char            *display,
               const char            *path,
               const BpExportOptions *options,
               GError               **error)
{
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

  return TRUE;
}

gboolean
bp_export_to_file (BpDocument             *document,
                   const char             *path,
                   const BpExportOptions  *options,
                   GError                **error)
{
  g_autoptr(BpLayout) layout = NULL;
  gboolean ok;
  Output out;

  g_return_val_if_fail (BP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  output_init (&out, path);

  if (!check_request (out.display, path, options, error))
    {
      output_clear (&out);
      return FALSE;
    }

  if (options->format != BP_EXPORT_FORMAT_BPJ)
    layout = bp_layout_new (document);

  switch (options->format)
    {
    case BP_EXPORT_FORMAT_PNG:
      ok = export_png (layout, &out, options, error);
      break;
    case BP_EXPORT_FORMAT_PDF:
      ok = export_pdf (layout, &out, options, error);
      break;
    case BP_EXPORT_FORMAT_SVG:
      ok = export_svg (layout, &out, options, error);
      break;
    case BP_EXPORT_FORMAT_BPJ:
      ok = export_bpj (document, &out, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Removes the temporary file when anything failed. */
  output_clear (&out);
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
