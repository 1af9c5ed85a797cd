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

/* One page's text pass. */
typedef struct {
  cairo_t          *cr;
  BpLayout         *layout;
  BpDocument       *document;
  const BpPageText *text;
  PangoLayout      *words;      /* for the covered words, made once */
  GHashTable       *positions;  /* stage and lane ids: position + 1 */
} Pass;

static void
draw_part (Pass              *p,
           const BpPagePiece *piece,
           BpRenderPart       part,
           guint              position)
{
  cairo_t *cr = p->cr;
  const BpPageText *text = p->text;
  BpRenderOptions options = text->render;
  double zoom = options.zoom;

  options.viewport = piece->area;
  cairo_save (cr);
  cairo_translate (cr, text->dx + piece->at_x * zoom, text->dy + piece->at_y * zoom);
  bp_render_text_part (cr, p->layout, &options, part, position);
  cairo_restore (cr);
}

/* Words a reader needs that the page does not show: in the bare strip,
 * covered when the page's text is done. */
static void
draw_covered (Pass       *p,
              const char *words)
{
  const char *end;

  if (words == NULL || words[0] == '\0')
    return;

  end = g_utf8_offset_to_pointer (words, MIN ((glong) COVERED_MAX_CHARS, g_utf8_strlen (words, -1)));
  pango_layout_set_text (p->words, words, (int) (end - words));
  cairo_move_to (p->cr, p->text->cover.x + 1, p->text->cover.y + p->text->cover.height * 0.15);
  pango_cairo_show_layout (p->cr, p->words);
  cairo_new_path (p->cr);
}

/* One layout for all the covered words of a page: making one for each
 * would take most of the time of a large export. */
static PangoLayout *
words_layout_new (cairo_t          *cr,
                  const BpPageText *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, text->cover.height * 0.4 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
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
position_of (Pass       *p,
             const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (p->positions, id)) - 1;
}

/* bp_document_get_position() searches the list: a page asks for every
 * step's and flow's stage, so the ids are looked up in a table. */
static GHashTable *
positions_new (BpDocument *document)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < bp_document_get_n_stages (document); i++)
    g_hash_table_insert (positions, (gpointer) bp_item_get_id (BP_ITEM (bp_document_get_stage (document, i))),
                         GINT_TO_POINTER (i + 1));
  for (guint i = 0; i < bp_document_get_n_lanes (document); i++)
    g_hash_table_insert (positions, (gpointer) bp_item_get_id (BP_ITEM (bp_document_get_lane (document, i))),
                         GINT_TO_POINTER (i + 1));
  return positions;
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
collect_cards (Pass *p)
{
  BpDocument *document = p->document;
  const BpPageText *text = p->text;
  guint n_lanes = bp_document_get_n_lanes (document);
  guint n_cells = (text->last - text->first + 1) * n_lanes;
  GPtrArray *cells = g_ptr_array_new_full (n_cells, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (cells, g_array_new (FALSE, FALSE, sizeof (Card)));

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      int stage = position_of (p, bp_step_get_stage (step));
      int lane = position_of (p, bp_step_get_lane (step));
      Card card = { i };

      if (stage < (int) text->first || stage > (int) text->last || lane < 0 ||
          !bp_layout_get_step_rect (p->layout, i, &card.card))
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
draw_step (Pass       *p,
           const Card *card)
{
  BpStep *step = bp_document_get_step (p->document, card->position);
  g_autofree char *marks = marks_text (step);

  cairo_tag_begin (p->cr, TAG_P, "");
  draw_part (p, &p->text->stages, BP_RENDER_PART_CARD, card->position);
  draw_covered (p, marks);
  cairo_tag_end (p->cr, TAG_P);
}

/* The lane as a list item: its name, then its steps in the stage. The
 * page shows the name once, in the header column: in the first stage's
 * list; the others have it covered. */
static void
draw_lane (Pass   *p,
           guint   stage,
           guint   lane,
           GArray *cards)
{
  BpLane *item = bp_document_get_lane (p->document, lane);

  cairo_tag_begin (p->cr, TAG_LI, "");
  cairo_tag_begin (p->cr, TAG_LBL, "");
  if (stage == p->text->first)
    draw_part (p, &p->text->headers, BP_RENDER_PART_LANE, lane);
  else
    draw_covered (p, bp_lane_get_display_name (item));
  cairo_tag_end (p->cr, TAG_LBL);

  cairo_tag_begin (p->cr, TAG_LBODY, "");
  for (guint i = 0; i < cards->len; i++)
    draw_step (p, &g_array_index (cards, Card, i));
  cairo_tag_end (p->cr, TAG_LBODY);
  cairo_tag_end (p->cr, TAG_LI);
}

static void
draw_stage (Pass      *p,
            guint      stage,
            GPtrArray *cells)
{
  guint n_lanes = bp_document_get_n_lanes (p->document);

  cairo_tag_begin (p->cr, TAG_SECT, "");
  cairo_tag_begin (p->cr, TAG_H2, "");
  draw_part (p, &p->text->stages, BP_RENDER_PART_STAGE, stage);
  cairo_tag_end (p->cr, TAG_H2);

  cairo_tag_begin (p->cr, TAG_L, "");
  for (guint lane = 0; lane < n_lanes; lane++)
    draw_lane (p, stage, lane, cells->pdata[(stage - p->text->first) * n_lanes + lane]);
  cairo_tag_end (p->cr, TAG_L);
  cairo_tag_end (p->cr, TAG_SECT);
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
draw_cell (Pass       *p,
           const char *tag,
           const char *words)
{
  cairo_tag_begin (p->cr, tag, "");
  draw_covered (p, words);
  cairo_tag_end (p->cr, tag);
}

static const char *
step_words (BpStep *step)
{
  const char *words = bp_step_get_text (step);

  /* Translators: in the table of flows, a step without text. */
  return words[0] != '\0' ? words : _("A step without text");
}

static gboolean
flow_on_page (Pass   *p,
              BpStep *from,
              BpStep *to)
{
  int a = position_of (p, bp_step_get_stage (from));
  int b = position_of (p, bp_step_get_stage (to));

  return (a >= (int) p->text->first && a <= (int) p->text->last) ||
         (b >= (int) p->text->first && b <= (int) p->text->last);
}

/* Every flow with an end on the page: the text alternative to its
 * arrows. */
static void
draw_flows (Pass *p)
{
  BpDocument *document = p->document;
  cairo_t *cr = p->cr;
  gboolean any = FALSE;

  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);
      BpItem *from = bp_document_lookup (document, bp_flow_get_from (flow));
      BpItem *to = bp_document_lookup (document, bp_flow_get_to (flow));
      g_autofree char *lines = NULL;

      if (!BP_IS_STEP (from) || !BP_IS_STEP (to) || !flow_on_page (p, BP_STEP (from), BP_STEP (to)))
        continue;

      if (!any)
        {
          cairo_tag_begin (cr, TAG_TABLE, "");
          cairo_tag_begin (cr, TAG_TR, "");
          /* Translators: the heads of the table of flows in a tagged PDF. */
          draw_cell (p, TAG_TH, _("From"));
          draw_cell (p, TAG_TH, _("To"));
          draw_cell (p, TAG_TH, _("Lines crossed"));
          cairo_tag_end (cr, TAG_TR);
          any = TRUE;
        }

      lines = lines_crossed (document, BP_STEP (from), BP_STEP (to));
      cairo_tag_begin (cr, TAG_TR, "");
      draw_cell (p, TAG_TD, step_words (BP_STEP (from)));
      draw_cell (p, TAG_TD, step_words (BP_STEP (to)));
      draw_cell (p, TAG_TD, lines);
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
  g_autoptr(GPtrArray) cells = NULL;
  Pass p = { cr, layout, NULL, text };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BP_IS_LAYOUT (layout));
  g_return_if_fail (text != NULL && text->first <= text->last);

  p.document = bp_layout_get_document (layout);
  p.positions = positions_new (p.document);
  cairo_save (cr);
  p.words = words_layout_new (cr, text);

  if (text->title)
    {
      cairo_tag_begin (cr, TAG_H1, "");
      draw_part (&p, &text->title_piece, BP_RENDER_PART_TITLE, 0);
      cairo_tag_end (cr, TAG_H1);
      if (has_scenario (p.document))
        {
          cairo_tag_begin (cr, TAG_P, "");
          draw_part (&p, &text->title_piece, BP_RENDER_PART_SCENARIO, 0);
          cairo_tag_end (cr, TAG_P);
        }
    }

  cells = collect_cards (&p);
  for (guint stage = text->first; stage <= text->last; stage++)
    draw_stage (&p, stage, cells);

  draw_flows (&p);
  cover (cr, text);

  g_object_unref (p.words);
  g_hash_table_unref (p.positions);
  cairo_restore (cr);
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
