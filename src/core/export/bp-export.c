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
#include "compare/bp-compare.h"
#include "export/bp-pdf-tags.h"
#include "export/bp-slides.h"
#include "insights/bp-insights.h"
#include "layout/bp-layout.h"
#include "render/bp-render.h"
#include "render/bp-render-compare.h"

/* cairo's image surfaces stop here. */
#define MAX_PNG_SIDE 32767

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
bp_export_wants_compare_legend (const BpExportOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->compare_with != NULL && options->legend != BP_EXPORT_LEGEND_OFF;
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
  GByteArray   *buffer; /* written, not yet in the file */
  GCancellable *cancellable;
} Output;

#define OUTPUT_BUFFER_SIZE (64 * 1024)

static void
output_init (Output     *out,
             const char *path)
{
  memset (out, 0, sizeof *out);
  out->fd = -1;
  out->buffer = g_byte_array_sized_new (OUTPUT_BUFFER_SIZE);
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
  g_clear_pointer (&out->buffer, g_byte_array_unref);
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

/* Writes all of @length bytes to the file. */
static gboolean
output_write_through (Output     *out,
                      const char *p,
                      gsize       length)
{
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

static gboolean
output_flush (Output *out)
{
  gboolean ok = out->write_errno == 0 &&
                output_write_through (out, (const char *) out->buffer->data, out->buffer->len);

  g_byte_array_set_size (out->buffer, 0);
  return ok;
}

/* cairo hands over a PDF in pieces of a few bytes each (an object's
 * number, a dictionary): they are gathered into writes of
 * OUTPUT_BUFFER_SIZE, not a system call each. */
static gboolean
output_write (Output     *out,
              const void *data,
              gsize       length)
{
  if (out->write_errno != 0)
    return FALSE;

  if (g_cancellable_is_cancelled (out->cancellable))
    {
      out->write_errno = ECANCELED;
      return FALSE;
    }

  if (out->buffer->len + length > OUTPUT_BUFFER_SIZE && !output_flush (out))
    return FALSE;
  if (length >= OUTPUT_BUFFER_SIZE)
    return output_write_through (out, data, length);

  g_byte_array_append (out->buffer, data, length);
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
  int fd;

  output_flush (out);
  fd = out->fd;
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

/* What is drawn over the blueprint: the comparison with
 * options->compare_with, and that blueprint laid out (both NULL without
 * one); the figures behind the time rows and the check badges (NULL
 * unless options->insights). Worked out once for the whole export. */
typedef struct {
  BpComparison *comparison;
  BpLayout     *old_layout;
  BpInsights   *insights;
} Marks;

static void
marks_init (Marks                 *marks,
            BpLayout              *layout,
            const BpExportOptions *options)
{
  memset (marks, 0, sizeof *marks);
  if (options->format == BP_EXPORT_FORMAT_BPJ)
    return;
  if (options->insights)
    marks->insights = bp_insights_compute (bp_layout_get_document (layout));
  if (options->compare_with == NULL)
    return;

  marks->comparison = bp_compare (options->compare_with, bp_layout_get_document (layout));
  marks->old_layout = bp_layout_new (options->compare_with);
}

static void
marks_clear (Marks *marks)
{
  g_clear_object (&marks->comparison);
  g_clear_object (&marks->old_layout);
  g_clear_pointer (&marks->insights, bp_insights_unref);
}

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
      /* Slides are laid out by bp-slides.c (see is_slides()). */
      page->zoom = MIN (1, MAX_PDF_SIDE / MAX (sheet->width, sheet->height));
      page->width = sheet->width * page->zoom;
      page->height = sheet->height * page->zoom;
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

/* Draws a piece of the canvas where it goes on the page's drawing: all
 * of it, or (@omit_text) all but the text a tagged PDF draws after. */
static void
render_piece (cairo_t               *cr,
              BpLayout              *layout,
              const BpRenderOptions *base,
              const BpPagePiece     *piece,
              gboolean               omit_text)
{
  BpRenderOptions options = *base;

  options.viewport = piece->area;
  options.omit_text = omit_text;
  cairo_save (cr);
  cairo_translate (cr, piece->at_x * options.zoom, piece->at_y * options.zoom);
  bp_render (cr, layout, &options);
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
get_sheet_text (BpLayout              *layout,
                const BpExportOptions *options,
                const Page            *page,
                BpPageText            *text)
{
  const Sheet *sheet = &page->sheet;
  double header = bp_layout_get_header_width (layout);
  double overlap = options->transparent ? 0 : 1;
  BpRect title;
  double top;

  memset (text, 0, sizeof *text);
  bp_render_options_init (&text->render);
  text->render.zoom = page->zoom;
  text->render.dark = options->dark;
  text->render.transparent = options->transparent;
  text->render.title_width = sheet->width;
  text->render.legend = bp_export_wants_legend (options);
  text->render.compare_legend = bp_export_wants_compare_legend (options);
  if (!sheet->whole)
    text->render.label_bounds = (BpRect) { sheet->x, 0, sheet->width - header, sheet->height };
  text->dx = page->dx;
  text->dy = page->dy;
  text->title = TRUE;
  text->first = sheet->first;
  text->last = sheet->last;

  bp_layout_get_title_rect (layout, &title);
  top = title.y + title.height;
  /* The title band's top padding is bare: the words only a reader
   * needs go there, covered. */
  text->cover = (BpRect) { page->dx, page->dy, sheet->width * page->zoom, 10 * page->zoom };

  if (sheet->x <= header)
    {
      BpPagePiece whole = { { 0, 0, sheet->width, sheet->height }, 0, 0 };

      text->stages = text->headers = text->title_piece = whole;
      return;
    }

  text->stages = (BpPagePiece) { { sheet->x - overlap, top - overlap,
                                   sheet->width - header + overlap, sheet->height - top + overlap },
                                 header - overlap, top - overlap };
  text->headers = (BpPagePiece) { { 0, top - overlap, header, sheet->height - top + overlap },
                                  0, top - overlap };
  text->title_piece = (BpPagePiece) { { 0, 0, sheet->width, top }, 0, 0 };
}

/* The comparison over the piece that has the cards, drawn as the canvas
 * draws it at 100 %: outlines and arrows scale with the page. */
static void
draw_marks (cairo_t               *cr,
            BpLayout              *layout,
            const Marks           *marks,
            const BpRenderOptions *render,
            const BpPagePiece     *piece)
{
  if (marks == NULL || marks->comparison == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, piece->at_x * render->zoom, piece->at_y * render->zoom);
  cairo_scale (cr, render->zoom, render->zoom);
  cairo_translate (cr, -piece->area.x, -piece->area.y);
  cairo_rectangle (cr, piece->area.x, piece->area.y, piece->area.width, piece->area.height);
  cairo_clip (cr);
  bp_render_compare (cr, layout, marks->old_layout, marks->comparison, 1, render->dark);
  cairo_restore (cr);
}

static void
draw_sheet (cairo_t          *cr,
            BpLayout         *layout,
            const Page       *page,
            const BpPageText *text,
            gboolean          omit_text)
{
  render_piece (cr, layout, &text->render, &text->stages, omit_text);
  if (page->sheet.x <= bp_layout_get_header_width (layout))
    return;

  render_piece (cr, layout, &text->render, &text->headers, omit_text);
  render_piece (cr, layout, &text->render, &text->title_piece, omit_text);
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

/* With @tagged, the text goes on last, in reading order, tagged; @text
 * (when not NULL) tells where the page's text went. */
static void
draw_page_full (cairo_t               *cr,
                BpLayout              *layout,
                const BpExportOptions *options,
                const Marks           *marks,
                const Page            *page,
                gboolean               tagged,
                BpPageText            *text_out)
{
  BpPageText text;

  get_sheet_text (layout, options, page, &text);
  if (marks != NULL)
    text.render.insights = marks->insights;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_clip (cr);
  if (page->background)
    paint_background (cr, options->dark);
  cairo_save (cr);
  cairo_translate (cr, page->dx, page->dy);
  draw_sheet (cr, layout, page, &text, tagged);
  draw_marks (cr, layout, marks, &text.render, &text.stages);
  cairo_restore (cr);
  if (tagged)
    bp_pdf_tags_draw_text (cr, layout, &text);
  cairo_restore (cr);

  if (text_out != NULL)
    *text_out = text;
}

static void
draw_page (cairo_t               *cr,
           BpLayout              *layout,
           const BpExportOptions *options,
           const Marks           *marks,
           const Page            *page)
{
  draw_page_full (cr, layout, options, marks, page, FALSE, NULL);
}

/* ------------------------------------------------------------------ */
/* Slides                                                              */

/* The slide's footer text, 8.8 pt: small, and as large as the cards'. */
#define FOOTER_ZOOM 0.8
/* Room at the footer's right end for the slide's number ("12 / 12"),
 * in canvas units at FOOTER_ZOOM. */
#define FOOTER_NUMBER_ROOM 64.0

static gboolean
is_slides (const BpExportOptions *options)
{
  return options->format == BP_EXPORT_FORMAT_PDF && options->page == BP_EXPORT_PAGE_SLIDE;
}

/* NULL when the stage range is not in the document. */
static GArray *
plan_slides (BpLayout              *layout,
             const BpExportOptions *options)
{
  guint first, last;

  if (!resolve_stages (layout, options, &first, &last))
    return NULL;

  return bp_slides_plan_full (layout, first, last,
                              options->page_per_stage ? 1 : options->stages_per_slide,
                              bp_export_wants_legend (options),
                              bp_export_wants_compare_legend (options));
}

static void
init_slide_render (BpRenderOptions       *render_options,
                   const BpExportOptions *options,
                   double                 zoom)
{
  bp_render_options_init (render_options);
  render_options->zoom = zoom;
  render_options->dark = options->dark;
  render_options->legend = bp_export_wants_legend (options);
  render_options->compare_legend = bp_export_wants_compare_legend (options);
}

/* Where the slide's pieces come from on the canvas. */
typedef struct {
  double header;   /* the lane header column's width */
  double top;      /* where the stage header row starts */
  double bottom;
  double left;     /* the slide's first and last stage's outer edges */
  double right;
} SlideFrame;

static void
get_slide_frame (BpLayout      *layout,
                 const BpSlide *slide,
                 SlideFrame    *frame)
{
  BpRect title, bounds, from = { 0 }, to = { 0 };

  bp_layout_get_title_rect (layout, &title);
  bp_layout_get_bounds (layout, &bounds);
  bp_layout_get_stage_rect (layout, slide->first, &from);
  bp_layout_get_stage_rect (layout, slide->last, &to);
  frame->header = bp_layout_get_header_width (layout);
  frame->top = title.y + title.height;
  frame->bottom = bounds.height;
  frame->left = from.x;
  frame->right = to.x + to.width;
}

/* The stages and, beside them, the lane header column, below the
 * slide's own title band (if any), as get_sheet_text() sets them out. */
static void
get_slide_text (BpLayout              *layout,
                const BpExportOptions *options,
                const BpSlide         *slide,
                const SlideFrame      *f,
                BpPageText            *text)
{
  double height = f->bottom - f->top;
  double width = f->right - f->left;
  BpRect area;

  memset (text, 0, sizeof *text);
  init_slide_render (&text->render, options, slide->zoom);
  text->render.label_bounds = (BpRect) { f->left, 0, width, f->bottom };
  text->render.title_width = slide->width;
  text->render.wrap_scenario = TRUE;
  text->dx = slide->x;
  text->dy = slide->y;
  text->title = slide->title;
  text->first = slide->first;
  text->last = slide->last;
  text->title_piece = (BpPagePiece) { { 0, 0, slide->width, slide->title_height }, 0, 0 };

  /* The margin above the drawing is bare. */
  bp_slides_get_content_area (&area);
  text->cover = (BpRect) { 0, 0, BP_SLIDE_WIDTH, area.y - 2 };

  if (f->left <= f->header)
    {
      text->stages = (BpPagePiece) { { 0, f->top, f->header + width, height }, 0, slide->title_height };
      text->headers = text->stages;
      return;
    }

  text->stages = (BpPagePiece) { { f->left - 1, f->top, width + 1, height },
                                 f->header - 1, slide->title_height };
  text->headers = (BpPagePiece) { { 0, f->top, f->header, height }, 0, slide->title_height };
}

static void
draw_slide_body (cairo_t          *cr,
                 BpLayout         *layout,
                 const BpPageText *text,
                 const SlideFrame *f,
                 gboolean          omit_text)
{
  render_piece (cr, layout, &text->render, &text->stages, omit_text);
  if (f->left > f->header)
    render_piece (cr, layout, &text->render, &text->headers, omit_text);
}

static int
stage_of_step (BpDocument *document,
               const char *step_id)
{
  BpItem *step = bp_document_lookup (document, step_id);
  BpItem *stage;

  if (!BP_IS_STEP (step))
    return -1;
  stage = bp_document_lookup (document, bp_step_get_stage (BP_STEP (step)));
  return stage != NULL ? bp_document_get_position (document, stage) : -1;
}

/* Where the route of flow @position first crosses x = @edge, walking
 * from its start (@forward) or its end. */
static gboolean
find_crossing (BpLayout *layout,
               guint     position,
               gboolean  forward,
               double    edge,
               double   *y)
{
  guint n = 0;
  const BpPoint *points = bp_layout_get_flow_path (layout, position, &n);

  for (guint i = 0; points != NULL && i + 1 < n; i++)
    {
      const BpPoint *a = &points[forward ? i : n - 1 - i];
      const BpPoint *b = &points[forward ? i + 1 : n - 2 - i];

      if (a->x != b->x && (a->x - edge) * (b->x - edge) <= 0)
        {
          *y = a->y + (edge - a->x) * (b->y - a->y) / (b->x - a->x);
          return TRUE;
        }
    }

  return FALSE;
}

static char *
marker_text (BpDocument *document,
             guint       stage_position,
             gboolean    at_right)
{
  const char *name = bp_stage_get_name (bp_document_get_stage (document, stage_position));
  g_autofree char *fallback = NULL;

  if (name[0] == '\0')
    /* Translators: a stage without a name, counted from 1. */
    name = fallback = g_strdup_printf (_("Stage %u"), stage_position + 1);

  return g_strdup_printf (at_right ? "→ %s" : "← %s", name);
}

static gboolean
covers_a_card (BpLayout     *layout,
               const BpRect *rect)
{
  g_autoptr(GArray) steps = bp_layout_steps_in_rect (layout, rect);

  return steps->len > 0;
}

/* A marker goes against the slide's edge, on the flow's line; where it
 * would hide the card the line leads to, just above that card or else
 * just below it. In canvas units. */
static void
place_marker (BpLayout   *layout,
              const char *text,
              double      edge,
              gboolean    at_right,
              double      y,
              BpRect     *pill)
{
  g_autoptr(GArray) steps = NULL;
  BpRect card, above, below;

  bp_render_get_slide_marker_size (layout, text, &pill->width, &pill->height);
  pill->x = at_right ? edge - 2 - pill->width : edge + 2;
  pill->y = y - pill->height / 2;

  steps = bp_layout_steps_in_rect (layout, pill);
  if (steps->len == 0 || !bp_layout_get_step_rect (layout, g_array_index (steps, guint, 0), &card))
    return;

  above = *pill;
  above.y = card.y - pill->height - 3;
  below = *pill;
  below.y = card.y + card.height + 3;
  if (!covers_a_card (layout, &above))
    *pill = above;
  else if (!covers_a_card (layout, &below))
    *pill = below;
}

/* A flow with one end on the slide and the other off it ends at the
 * slide's edge; a marker there names the stage it goes on to (or comes
 * from). */
static void
draw_slide_markers (cairo_t               *cr,
                    BpLayout              *layout,
                    const BpExportOptions *options,
                    const BpSlide         *slide,
                    const SlideFrame      *f)
{
  BpDocument *document = bp_layout_get_document (layout);
  guint n_flows = bp_document_get_n_flows (document);
  BpRenderOptions render_options;

  init_slide_render (&render_options, options, slide->zoom);

  for (guint i = 0; i < n_flows; i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      int from = stage_of_step (document, bp_flow_get_from (flow));
      int to = stage_of_step (document, bp_flow_get_to (flow));
      gboolean from_in = from >= (int) slide->first && from <= (int) slide->last;
      gboolean to_in = to >= (int) slide->first && to <= (int) slide->last;
      g_autofree char *text = NULL;
      gboolean at_right;
      double edge, y;
      BpRect pill;
      int other;

      if (from < 0 || to < 0 || from_in == to_in)
        continue;

      other = from_in ? to : from;
      at_right = other > (int) slide->last;
      edge = at_right ? f->right : f->left;
      if (!find_crossing (layout, i, from_in, edge, &y))
        continue;

      text = marker_text (document, other, at_right);
      place_marker (layout, text, edge, at_right, y, &pill);
      bp_render_slide_marker (cr, layout, &render_options, f->header + pill.x - f->left,
                              pill.y - f->top + slide->title_height, text);
    }
}

static char *
slide_stages_text (BpDocument    *document,
                   const BpSlide *slide)
{
  guint n = bp_document_get_n_stages (document);

  if (slide->first == slide->last)
    /* Translators: on a slide's footer: "Stage 3 of 6". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stage %u of %u", "Stage %u of %u", n),
                            slide->first + 1, n);

  /* Translators: on a slide's footer: "Stages 3–4 of 6". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stages %u–%u of %u", "Stages %u–%u of %u", n),
                          slide->first + 1, slide->last + 1, n);
}

/* The stages the slide shows, after the title on all but the first, at
 * the left; the slide's number at the right. */
static void
draw_slide_footer (cairo_t               *cr,
                   BpLayout              *layout,
                   const BpExportOptions *options,
                   GArray                *slides,
                   guint                  index)
{
  const BpSlide *slide = &g_array_index (slides, BpSlide, index);
  BpDocument *document = bp_layout_get_document (layout);
  const char *title = bp_document_get_title (document);
  g_autofree char *stages = slide_stages_text (document, slide);
  g_autofree char *left = NULL;
  g_autofree char *number = NULL;
  BpRenderOptions render_options;
  double y = bp_slides_get_footer_y () / FOOTER_ZOOM;
  BpRect area;

  if (!slide->title && title[0] != '\0')
    left = g_strdup_printf ("%s  ·  %s", title, stages);
  /* Translators: a slide's number and how many there are: "2 / 3". */
  number = g_strdup_printf (_("%u / %u"), index + 1, slides->len);

  bp_slides_get_content_area (&area);
  init_slide_render (&render_options, options, FOOTER_ZOOM);
  bp_render_slide_footer (cr, layout, &render_options, area.x / FOOTER_ZOOM, y,
                          left != NULL ? left : stages, FALSE);
  bp_render_slide_footer (cr, layout, &render_options, (area.x + area.width) / FOOTER_ZOOM, y,
                          number, TRUE);

  /* The first slide has the comparison's legend in its title band; the
   * others, before their number. */
  if (!slide->title && bp_export_wants_compare_legend (options))
    bp_render_slide_compare_legend (cr, layout, &render_options,
                                    (area.x + area.width) / FOOTER_ZOOM - FOOTER_NUMBER_ROOM, y);
}

static void
draw_slide_full (cairo_t               *cr,
                 BpLayout              *layout,
                 const BpExportOptions *options,
                 const Marks           *marks,
                 GArray                *slides,
                 guint                  index,
                 gboolean               tagged,
                 BpPageText            *text_out)
{
  const BpSlide *slide = &g_array_index (slides, BpSlide, index);
  BpRenderOptions title_options;
  SlideFrame frame;
  BpPageText text;

  get_slide_frame (layout, slide, &frame);
  get_slide_text (layout, options, slide, &frame, &text);
  if (marks != NULL)
    text.render.insights = marks->insights;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, BP_SLIDE_WIDTH, BP_SLIDE_HEIGHT);
  cairo_clip (cr);
  paint_background (cr, options->dark);

  cairo_save (cr);
  cairo_translate (cr, slide->x, slide->y);
  if (slide->title)
    {
      title_options = text.render;
      title_options.omit_text = tagged;
      bp_render_slide_title (cr, layout, &title_options, slide->width);
    }
  draw_slide_body (cr, layout, &text, &frame, tagged);
  draw_marks (cr, layout, marks, &text.render, &text.stages);
  draw_slide_markers (cr, layout, options, slide, &frame);
  cairo_restore (cr);

  draw_slide_footer (cr, layout, options, slides, index);
  if (tagged)
    bp_pdf_tags_draw_text (cr, layout, &text);
  cairo_restore (cr);

  if (text_out != NULL)
    *text_out = text;
}

static void
draw_slide (cairo_t               *cr,
            BpLayout              *layout,
            const BpExportOptions *options,
            const Marks           *marks,
            GArray                *slides,
            guint                  index)
{
  draw_slide_full (cr, layout, options, marks, slides, index, FALSE, NULL);
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
  if (is_slides (options))
    {
      g_autoptr(GArray) slides = plan_slides (layout, options);

      return slides->len;
    }
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

  if (is_slides (options))
    {
      if (index >= bp_export_get_n_pages (layout, options))
        return FALSE;
      page.width = BP_SLIDE_WIDTH;
      page.height = BP_SLIDE_HEIGHT;
    }
  else if (!get_page (layout, options, index, &page))
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
  Marks marks;
  Page page;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);

  marks_init (&marks, layout, options);
  if (is_slides (options))
    {
      g_autoptr(GArray) slides = plan_slides (layout, options);

      if (slides != NULL && index < slides->len)
        draw_slide (cr, layout, options, &marks, slides, index);
    }
  else if (get_page (layout, options, index, &page))
    draw_page (cr, layout, options, &marks, &page);
  marks_clear (&marks);
}

void
bp_export_draw_page_tagged (cairo_t               *cr,
                            BpLayout              *layout,
                            const BpExportOptions *options,
                            guint                  index)
{
  Marks marks;
  Page page;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);

  marks_init (&marks, layout, options);
  if (is_slides (options))
    {
      g_autoptr(GArray) slides = plan_slides (layout, options);

      if (slides != NULL && index < slides->len)
        draw_slide_full (cr, layout, options, &marks, slides, index, TRUE, NULL);
    }
  else if (get_page (layout, options, index, &page))
    draw_page_full (cr, layout, options, &marks, &page, TRUE, NULL);
  marks_clear (&marks);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

typedef struct {
  BpLayout              *layout;
  const BpExportOptions *options;
  Marks                  marks;
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
  draw_page (cr, job->layout, job->options, &job->marks, &page);
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

/* Draws page @index of a PDF, tagged, with an outline entry for each
 * of its stages: a slide, or a page as get_page() sets it out, at its
 * own size (set before anything is drawn on it). */
static void
draw_pdf_page (Job             *job,
               cairo_surface_t *surface,
               cairo_t         *cr,
               GArray          *slides,
               guint            index)
{
  BpPageText text;
  Page page;

  if (slides != NULL)
    cairo_pdf_surface_set_size (surface, BP_SLIDE_WIDTH, BP_SLIDE_HEIGHT);
  else
    {
      get_page (job->layout, job->options, index, &page);
      cairo_pdf_surface_set_size (surface, page.width, page.height);
    }

  /* After the first page's size: cairo 1.16 drops a tag begun before
   * it. */
  if (index == 0)
    bp_pdf_tags_begin_document (cr);

  if (slides != NULL)
    draw_slide_full (cr, job->layout, job->options, &job->marks, slides, index, TRUE, &text);
  else
    draw_page_full (cr, job->layout, job->options, &job->marks, &page, TRUE, &text);

  bp_pdf_tags_add_outline (surface, job->layout, &text, index + 1);
}

static gboolean
export_pdf (Job     *job,
            GError **error)
{
  g_autoptr(GArray) slides = is_slides (job->options) ? plan_slides (job->layout, job->options) : NULL;
  guint n_pages = bp_export_get_n_pages (job->layout, job->options);
  Output *out = &job->out;
  gboolean begun = FALSE;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!output_open (out, error))
    return FALSE;

  /* Every page gets its size when it is drawn. */
  surface = cairo_pdf_surface_create_for_stream (write_cb, out, BP_SLIDE_WIDTH, BP_SLIDE_HEIGHT);
  bp_pdf_tags_set_metadata (surface, bp_layout_get_document (job->layout));
  cr = cairo_create (surface);

  /* The document's structure is begun on the first page and ended
   * whatever happens after: an unbalanced structure leaves a file cairo
   * cannot finish. */
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      if (g_cancellable_is_cancelled (job->cancellable))
        {
          out->write_errno = ECANCELED;
          break;
        }

      draw_pdf_page (job, surface, cr, slides, i);
      cairo_show_page (cr);
      /* Writing the file at the end takes a share of the time too. */
      report_progress (job, (i + 1.0) / (n_pages + 1.0));
      begun = TRUE;
    }
  if (begun)
    bp_pdf_tags_end_document (cr);

  /* finish_surface() checks the surface's status after finishing: a
   * structure cairo cannot write shows there. */
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
  draw_page (cr, job->layout, job->options, &job->marks, &page);
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
  g_return_val_if_fail (options->compare_with == NULL || BP_IS_DOCUMENT (options->compare_with), FALSE);
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
    {
      job.layout = layout = bp_layout_new (document);
      marks_init (&job.marks, layout, options);
    }

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
  marks_clear (&job.marks);
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
