/* bp-pdf-tags.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "export/bp-pdf-tags.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

/* A table cell or a label needs no more of a step's text than this. */
#define COVERED_MAX_CHARS 300

/* Structure tags cairo 1.16.0 writes and finishes cleanly. */
#define TAG_DOCUMENT "Document"
#define TAG_SECT     "Sect"
#define TAG_H1       "H1"
#define TAG_H2       "H2"
#define TAG_P        "P"
#define TAG_L        "L"
#define TAG_LI       "LI"
#define TAG_LBL      "Lbl"
#define TAG_LBODY    "LBody"
#define TAG_TABLE    "Table"
#define TAG_TR       "TR"
#define TAG_TH       "TH"
#define TAG_TD       "TD"

void
bp_pdf_tags_begin_document (cairo_t *cr)
{
  cairo_tag_begin (cr, TAG_DOCUMENT, "");
}

void
bp_pdf_tags_end_document (cairo_t *cr)
{
  cairo_tag_end (cr, TAG_DOCUMENT);
}

/* ------------------------------------------------------------------ */
/* Drawing the parts                                                   */

static void
draw_part (cairo_t           *cr,
           BpLayout          *layout,
           const BpPageText  *text,
           const BpPagePiece *piece,
           BpRenderPart       part,
           guint              position)
{
  BpRenderOptions options = text->render;
  double zoom = options.zoom;

  options.viewport = piece->area;
  cairo_save (cr);
  cairo_translate (cr, text->dx + piece->at_x * zoom, text->dy + piece->at_y * zoom);
  bp_render_text_part (cr, layout, &options, part, position);
  cairo_restore (cr);
}

/* Words a reader needs that the page does not show: in the bare strip,
 * covered when the page's text is done. */
static void
draw_covered (cairo_t          *cr,
              const BpPageText *text,
              const char       *words)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  const char *end;

  if (words == NULL || words[0] == '\0')
    return;

  end = g_utf8_offset_to_pointer (words, MIN ((glong) COVERED_MAX_CHARS, g_utf8_strlen (words, -1)));
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, text->cover.height * 0.4 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, words, (int) (end - words));

  cairo_save (cr);
  cairo_move_to (cr, text->cover.x + 1, text->cover.y + text->cover.height * 0.15);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
cover (cairo_t          *cr,
       const BpPageText *text)
{
  double red, green, blue;

  bp_render_get_background (text->render.dark, &red, &green, &blue);
  cairo_save (cr);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_rectangle (cr, text->cover.x, text->cover.y, text->cover.width, text->cover.height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* What the page holds                                                 */

static int
position_of (BpDocument *document,
             const char *id)
{
  BpItem *item = bp_document_lookup (document, id);

  return item != NULL ? bp_document_get_position (document, item) : -1;
}

typedef struct {
  guint  position;
  BpRect card;
} Card;

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  const Card *x = a, *y = b;

  if (x->card.y != y->card.y)
    return x->card.y < y->card.y ? -1 : 1;
  if (x->card.x != y->card.x)
    return x->card.x < y->card.x ? -1 : 1;
  return (int) x->position - (int) y->position;
}

/* The steps of each lane in each of the page's stages, top to bottom
 * and left to right: an array per stage and lane, stage-major. */
static GPtrArray *
collect_cards (BpLayout         *layout,
               const BpPageText *text)
{
  BpDocument *document = bp_layout_get_document (layout);
  guint n_lanes = bp_document_get_n_lanes (document);
  guint n_cells = (text->last - text->first + 1) * n_lanes;
  GPtrArray *cells = g_ptr_array_new_full (n_cells, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (cells, g_array_new (FALSE, FALSE, sizeof (Card)));

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      int stage = position_of (document, bp_step_get_stage (step));
      int lane = position_of (document, bp_step_get_lane (step));
      Card card = { i };

      if (stage < (int) text->first || stage > (int) text->last || lane < 0 ||
          !bp_layout_get_step_rect (layout, i, &card.card))
        continue;

      g_array_append_val (cells->pdata[(stage - text->first) * n_lanes + lane], card);
    }

  for (guint i = 0; i < n_cells; i++)
    g_array_sort (cells->pdata[i], compare_cards);

  return cells;
}

/* A step's marks, for the end of its sentence: " — Pain point, Wait
 * point". */
static char *
marks_text (BpStep *step)
{
  BpStepFlags flags = bp_step_get_flags (step);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint bit = 0; bit < BP_N_STEP_FLAGS; bit++)
    if (flags & (1 << bit))
      {
        g_string_append (text, text->len == 0 ? " — " : ", ");
        g_string_append (text, bp_step_flag_label (1 << bit));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_step (cairo_t          *cr,
           BpLayout         *layout,
           const BpPageText *text,
           const Card       *card)
{
  BpStep *step = bp_document_get_step (bp_layout_get_document (layout), card->position);
  g_autofree char *marks = marks_text (step);

  cairo_tag_begin (cr, TAG_P, "");
  draw_part (cr, layout, text, &text->stages, BP_RENDER_PART_CARD, card->position);
  draw_covered (cr, text, marks);
  cairo_tag_end (cr, TAG_P);
}

/* The lane as a list item: its name, then its steps in the stage. The
 * page shows the name once, in the header column: in the first stage's
 * list; the others have it covered. */
static void
draw_lane (cairo_t          *cr,
           BpLayout         *layout,
           const BpPageText *text,
           guint             stage,
           guint             lane,
           GArray           *cards)
{
  BpLane *item = bp_document_get_lane (bp_layout_get_document (layout), lane);

  cairo_tag_begin (cr, TAG_LI, "");
  cairo_tag_begin (cr, TAG_LBL, "");
  if (stage == text->first)
    draw_part (cr, layout, text, &text->headers, BP_RENDER_PART_LANE, lane);
  else
    draw_covered (cr, text, bp_lane_get_display_name (item));
  cairo_tag_end (cr, TAG_LBL);

  cairo_tag_begin (cr, TAG_LBODY, "");
  for (guint i = 0; i < cards->len; i++)
    draw_step (cr, layout, text, &g_array_index (cards, Card, i));
  cairo_tag_end (cr, TAG_LBODY);
  cairo_tag_end (cr, TAG_LI);
}

static void
draw_stage (cairo_t          *cr,
            BpLayout         *layout,
            const BpPageText *text,
            guint             stage,
            GPtrArray        *cells)
{
  guint n_lanes = bp_document_get_n_lanes (bp_layout_get_document (layout));

  cairo_tag_begin (cr, TAG_SECT, "");
  cairo_tag_begin (cr, TAG_H2, "");
  draw_part (cr, layout, text, &text->stages, BP_RENDER_PART_STAGE, stage);
  cairo_tag_end (cr, TAG_H2);

  cairo_tag_begin (cr, TAG_L, "");
  for (guint lane = 0; lane < n_lanes; lane++)
    draw_lane (cr, layout, text, stage, lane, cells->pdata[(stage - text->first) * n_lanes + lane]);
  cairo_tag_end (cr, TAG_L);
  cairo_tag_end (cr, TAG_SECT);
}

/* ------------------------------------------------------------------ */
/* The flows' table                                                    */

static const char *
line_name (BpLine line)
{
  switch (line)
    {
    case BP_LINE_INTERACTION:
      return _("Line of interaction");
    case BP_LINE_VISIBILITY:
      return _("Line of visibility");
    case BP_LINE_INTERNAL_INTERACTION:
    default:
      return _("Line of internal interaction");
    }
}

/* The lines between the zones of the flow's two lanes: each zone is
 * one kind, in order, and line N lies between kinds N + 1 and N + 2. */
static char *
lines_crossed (BpDocument *document,
               BpStep     *from,
               BpStep     *to)
{
  BpLane *a = BP_LANE (bp_document_lookup (document, bp_step_get_lane (from)));
  BpLane *b = BP_LANE (bp_document_lookup (document, bp_step_get_lane (to)));
  int low = MIN (bp_lane_get_kind (a), bp_lane_get_kind (b));
  int high = MAX (bp_lane_get_kind (a), bp_lane_get_kind (b));
  g_autoptr(GString) text = g_string_new (NULL);

  for (BpLine line = BP_LINE_INTERACTION; line < BP_N_LINES; line++)
    if (low <= (int) line + 1 && high >= (int) line + 2)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, line_name (line));
      }

  if (text->len == 0)
    /* Translators: a flow that crosses none of the three lines. */
    g_string_append (text, _("none"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_cell (cairo_t          *cr,
           const BpPageText *text,
           const char       *tag,
           const char       *words)
{
  cairo_tag_begin (cr, tag, "");
  draw_covered (cr, text, words);
  cairo_tag_end (cr, tag);
}

static const char *
step_words (BpStep *step)
{
  const char *words = bp_step_get_text (step);

  /* Translators: in the table of flows, a step without text. */
  return words[0] != '\0' ? words : _("A step without text");
}

static gboolean
flow_on_page (BpDocument       *document,
              BpStep           *from,
              BpStep           *to,
              const BpPageText *text)
{
  int a = position_of (document, bp_step_get_stage (from));
  int b = position_of (document, bp_step_get_stage (to));

  return (a >= (int) text->first && a <= (int) text->last) ||
         (b >= (int) text->first && b <= (int) text->last);
}

/* Every flow with an end on the page: the text alternative to its
 * arrows. */
static void
draw_flows (cairo_t          *cr,
            BpLayout         *layout,
            const BpPageText *text)
{
  BpDocument *document = bp_layout_get_document (layout);
  gboolean any = FALSE;

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      BpItem *from = bp_document_lookup (document, bp_flow_get_from (flow));
      BpItem *to = bp_document_lookup (document, bp_flow_get_to (flow));
      g_autofree char *lines = NULL;

      if (!BP_IS_STEP (from) || !BP_IS_STEP (to) ||
          !flow_on_page (document, BP_STEP (from), BP_STEP (to), text))
        continue;

      if (!any)
        {
          cairo_tag_begin (cr, TAG_TABLE, "");
          cairo_tag_begin (cr, TAG_TR, "");
          /* Translators: the heads of the table of flows in a tagged PDF. */
          draw_cell (cr, text, TAG_TH, _("From"));
          draw_cell (cr, text, TAG_TH, _("To"));
          draw_cell (cr, text, TAG_TH, _("Lines crossed"));
          cairo_tag_end (cr, TAG_TR);
          any = TRUE;
        }

      lines = lines_crossed (document, BP_STEP (from), BP_STEP (to));
      cairo_tag_begin (cr, TAG_TR, "");
      draw_cell (cr, text, TAG_TD, step_words (BP_STEP (from)));
      draw_cell (cr, text, TAG_TD, step_words (BP_STEP (to)));
      draw_cell (cr, text, TAG_TD, lines);
      cairo_tag_end (cr, TAG_TR);
    }

  if (any)
    cairo_tag_end (cr, TAG_TABLE);
}

/* ------------------------------------------------------------------ */

static gboolean
has_scenario (BpDocument *document)
{
  const char *parts[] = {
    bp_document_get_persona (document), bp_document_get_goal (document),
    bp_document_get_scenario_start (document), bp_document_get_scenario_end (document),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      return TRUE;

  return FALSE;
}

void
bp_pdf_tags_draw_text (cairo_t          *cr,
                       BpLayout         *layout,
                       const BpPageText *text)
{
  BpDocument *document = bp_layout_get_document (layout);
  g_autoptr(GPtrArray) cells = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (text != NULL && text->first <= text->last);

  if (text->title)
    {
      cairo_tag_begin (cr, TAG_H1, "");
      draw_part (cr, layout, text, &text->title_piece, BP_RENDER_PART_TITLE, 0);
      cairo_tag_end (cr, TAG_H1);
      if (has_scenario (document))
        {
          cairo_tag_begin (cr, TAG_P, "");
          draw_part (cr, layout, text, &text->title_piece, BP_RENDER_PART_SCENARIO, 0);
          cairo_tag_end (cr, TAG_P);
        }
    }

  cells = collect_cards (layout, text);
  for (guint stage = text->first; stage <= text->last; stage++)
    draw_stage (cr, layout, text, stage, cells);

  draw_flows (cr, layout, text);
  cover (cr, text);
}

void
bp_pdf_tags_add_outline (cairo_surface_t  *surface,
                         BpLayout         *layout,
                         const BpPageText *text,
                         guint             page)
{
  BpDocument *document = bp_layout_get_document (layout);
  double zoom = text->render.zoom;

  g_return_if_fail (surface != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));

  for (guint stage = text->first; stage <= text->last; stage++)
    {
      const char *name = bp_stage_get_name (bp_document_get_stage (document, stage));
      g_autofree char *fallback = NULL;
      g_autofree char *link = NULL;
      BpRect header;
      double x, y;

      if (!bp_layout_get_stage_header_rect (layout, stage, &header))
        continue;

      /* The header's top-left corner on the page. */
      x = text->dx + (text->stages.at_x + header.x - text->stages.area.x) * zoom;
      y = text->dy + (text->stages.at_y + header.y - text->stages.area.y) * zoom;
      if (name[0] == '\0')
        name = fallback = g_strdup_printf (_("Stage %u"), stage + 1);
      /* Whole points: the numbers must not take the locale's comma. */
      link = g_strdup_printf ("page=%u pos=[%d %d]", page, (int) floor (MAX (x, 0)),
                              (int) floor (MAX (y, 0)));
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
    }
}

void
bp_pdf_tags_set_metadata (cairo_surface_t *surface,
                          BpDocument      *document)
{
  const char *title = bp_document_get_title (document);
  const char *persona = bp_document_get_persona (document);
  const char *goal = bp_document_get_goal (document);
  g_autofree char *subject = NULL;

  if (persona != NULL && persona[0] != '\0' && goal != NULL && goal[0] != '\0')
    /* Translators: a PDF's subject: the persona and the goal. */
    subject = g_strdup_printf (_("Service blueprint: %s — %s"), persona, goal);
  else if ((persona != NULL && persona[0] != '\0') || (goal != NULL && goal[0] != '\0'))
    subject = g_strdup_printf (_("Service blueprint: %s"), persona && persona[0] ? persona : goal);
  else
    subject = g_strdup (_("Service blueprint"));

  if (title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Touchpoint");
}
