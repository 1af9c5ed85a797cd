/* test-flow-routes.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"
#include "layout/bp-layout.h"
#include "core-test-utils.h"

/* Flows must read as the connections they are: no two routes share a
 * segment or touch each other's ends, and no label sits on a line, a
 * card or another label. Checked over the samples and over random
 * blueprints. */

/* Parallel runs nearer than this read as one stroke. */
#define SHARE_GAP     3.0
/* An end this near another route touches it. */
#define TOUCH_GAP     1.5
/* The arrowhead the drawing puts at a route's tip. */
#define ARROW_LENGTH  11.0
#define ARROW_HALF    5.5
/* A label this near a line sits on it: the line is 2 units wide. */
#define LINE_GAP      1.0

typedef struct {
  BpPoint a;
  BpPoint b;
} Segment;

static double
cross (BpPoint o, BpPoint a, BpPoint b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static gboolean
segments_cross (const Segment *s, const Segment *t)
{
  double d1 = cross (t->a, t->b, s->a), d2 = cross (t->a, t->b, s->b);
  double d3 = cross (s->a, s->b, t->a), d4 = cross (s->a, s->b, t->b);

  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) &&
         d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

static double
point_segment_distance (BpPoint p, const Segment *s)
{
  double dx = s->b.x - s->a.x, dy = s->b.y - s->a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - s->a.x) * dx + (p.y - s->a.y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (p.x - (s->a.x + t * dx), p.y - (s->a.y + t * dy));
}

static double
segment_distance (const Segment *s, const Segment *t)
{
  if (segments_cross (s, t))
    return 0;
  return MIN (MIN (point_segment_distance (s->a, t), point_segment_distance (s->b, t)),
              MIN (point_segment_distance (t->a, s), point_segment_distance (t->b, s)));
}

/* Parallel, nearer than SHARE_GAP and side by side over more than it. */
static gboolean
segments_share (const Segment *s, const Segment *t)
{
  gboolean s_h = s->a.y == s->b.y, t_h = t->a.y == t->b.y;
  double lo, hi;

  if (s_h != t_h)
    return FALSE;
  if (s_h)
    {
      if (fabs (s->a.y - t->a.y) >= SHARE_GAP)
        return FALSE;
      lo = MAX (MIN (s->a.x, s->b.x), MIN (t->a.x, t->b.x));
      hi = MIN (MAX (s->a.x, s->b.x), MAX (t->a.x, t->b.x));
    }
  else
    {
      if (fabs (s->a.x - t->a.x) >= SHARE_GAP)
        return FALSE;
      lo = MAX (MIN (s->a.y, s->b.y), MIN (t->a.y, t->b.y));
      hi = MIN (MAX (s->a.y, s->b.y), MAX (t->a.y, t->b.y));
    }
  return hi - lo > SHARE_GAP;
}

static gboolean
point_in_triangle (BpPoint p, const BpPoint *tri)
{
  double d1 = cross (tri[0], tri[1], p), d2 = cross (tri[1], tri[2], p), d3 = cross (tri[2], tri[0], p);

  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/* Whether @s comes within TOUCH_GAP of the arrowhead at the end of @points. */
static gboolean
touches_arrowhead (const BpPoint *points, guint n, const Segment *s)
{
  BpPoint tip = points[n - 1], before = points[n - 2];
  double len = hypot (tip.x - before.x, tip.y - before.y);
  double dx = (tip.x - before.x) / len, dy = (tip.y - before.y) / len;
  BpPoint tri[3] = {
    tip,
    { tip.x - dx * ARROW_LENGTH - dy * ARROW_HALF, tip.y - dy * ARROW_LENGTH + dx * ARROW_HALF },
    { tip.x - dx * ARROW_LENGTH + dy * ARROW_HALF, tip.y - dy * ARROW_LENGTH - dx * ARROW_HALF },
  };

  if (point_in_triangle (s->a, tri) || point_in_triangle (s->b, tri))
    return TRUE;
  for (guint e = 0; e < 3; e++)
    {
      Segment edge = { tri[e], tri[(e + 1) % 3] };

      if (segment_distance (&edge, s) < TOUCH_GAP)
        return TRUE;
    }
  return FALSE;
}

/* The first few violations, to look at. */
static guint n_notes;

#define note(...) G_STMT_START { if (n_notes++ < 20) g_test_message (__VA_ARGS__); } G_STMT_END

typedef struct {
  guint flows;     /* routed flows looked at */
  guint labels_placed;
  guint shared;    /* pairs of flows that share a segment */
  guint touching;  /* pairs where an end of one touches the other */
  guint labels;    /* labels on a line, a card or another label */
} Violations;

static gboolean
ends_touch (const BpPoint *p, guint n, const BpPoint *q, guint m)
{
  for (guint j = 1; j < m; j++)
    {
      Segment t = { q[j - 1], q[j] };

      if (point_segment_distance (p[0], &t) < TOUCH_GAP || touches_arrowhead (p, n, &t))
        {
          note ("  the %s of the route (%g,%g)..(%g,%g) touched by run %u of %u (%g,%g)-(%g,%g)",
                point_segment_distance (p[0], &t) < TOUCH_GAP ? "start" : "tip",
                p[0].x, p[0].y, p[n - 1].x, p[n - 1].y, j, m - 1, t.a.x, t.a.y, t.b.x, t.b.y);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
routes_share (const BpPoint *p, guint n, const BpPoint *q, guint m)
{
  for (guint i = 1; i < n; i++)
    for (guint j = 1; j < m; j++)
      {
        Segment s = { p[i - 1], p[i] }, t = { q[j - 1], q[j] };

        if (segments_share (&s, &t))
          {
            note ("  run %u of %u (%g,%g)-(%g,%g) and run %u of %u (%g,%g)-(%g,%g)",
                  i, n - 1, s.a.x, s.a.y, s.b.x, s.b.y, j, m - 1, t.a.x, t.a.y, t.b.x, t.b.y);
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
rects_overlap (const BpRect *a, const BpRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static guint
count_label_violations (BpLayout *layout,
                        guint    *n_placed)
{
  BpDocument *doc = bp_layout_get_document (layout);
  guint n_flows = bp_document_get_n_flows (doc);
  guint n_steps = bp_document_get_n_steps (doc);
  guint count = 0, placed = 0;

  for (guint f = 0; f < n_flows; f++)
    {
      BpRect label, other;
      gboolean bad = FALSE;

      if (!bp_layout_get_flow_label_rect (layout, f, &label))
        continue;
      placed++;

      for (BpLine line = 0; line < BP_N_LINES; line++)
        {
          double y;

          if (bp_layout_get_line_y (layout, line, &y) &&
              label.y < y + LINE_GAP && y - LINE_GAP < label.y + label.height)
            {
              note ("on line %d", line);
              bad = TRUE;
            }
        }
      for (guint s = 0; s < n_steps; s++)
        if (bp_layout_get_step_rect (layout, s, &other) && rects_overlap (&label, &other))
          {
            note ("on card %u", s);
            bad = TRUE;
          }
      for (guint g = 0; g < n_flows; g++)
        if (g != f && bp_layout_get_flow_label_rect (layout, g, &other) &&
            rects_overlap (&label, &other))
          bad = TRUE;

      if (bad)
        {
          note ("label of flow %u at %g,%g %gx%g sits on a line, card or label",
                          f, label.x, label.y, label.width, label.height);
          count++;
        }
    }
  *n_placed += placed;
  return count;
}

static void
count_violations (BpLayout   *layout,
                  Violations *v)
{
  BpDocument *doc = bp_layout_get_document (layout);
  guint n_flows = bp_document_get_n_flows (doc);

  for (guint f = 0; f < n_flows; f++)
    {
      guint n;
      const BpPoint *p = bp_layout_get_flow_path (layout, f, &n);

      if (n < 2)
        continue;
      v->flows++;

      for (guint g = f + 1; g < n_flows; g++)
        {
          guint m;
          const BpPoint *q = bp_layout_get_flow_path (layout, g, &m);

          if (m < 2)
            continue;
          if (routes_share (p, n, q, m))
            {
              note ("flows %u and %u share a segment", f, g);
              v->shared++;
            }
          if (ends_touch (p, n, q, m) || ends_touch (q, m, p, n))
            {
              note ("flows %u and %u touch each other's ends", f, g);
              v->touching++;
            }
        }
    }
  v->labels += count_label_violations (layout, &v->labels_placed);
}

/* Random blueprints */

static const char *const label_words[] = {
  "charge", "late?", "template", "part needed", "signed in", "approved",
  "hand-off", "3 failures", "one-time code", "cannot fix remotely",
};

/* A blueprint as designers draw one: @n_steps cards over the stages in
 * turn, each in a lane of any zone at one of a stage's places (some at
 * other places and widths, some moved by hand into another lane), and
 * flows that mostly go on to one of the next few cards, across lanes and
 * lines, with now and then one back to an earlier card; a third of them
 * labelled. */
static BpDocument *
random_blueprint (guint n_steps)
{
  BpDocument *doc = bp_document_new_standard ();
  guint n_lanes, n_stages;

  bp_history_freeze (bp_document_get_history (doc));

  if (g_test_rand_bit ())
    bp_document_add_lane (doc, BP_LANE_KIND_BACKSTAGE, "IT");
  if (g_test_rand_bit ())
    bp_document_add_lane (doc, BP_LANE_KIND_FRONTSTAGE, "Desk");
  for (guint i = n_steps / 6; i > 0; i--)
    bp_document_add_stage (doc, "Later", -1);
  if (g_test_rand_bit ())
    bp_stage_set_width (bp_document_get_stage (doc, 0), g_test_rand_double_range (200, 900));

  n_lanes = bp_document_get_n_lanes (doc);
  n_stages = bp_document_get_n_stages (doc);

  for (guint i = 0; i < n_steps; i++)
    {
      guint stage = MIN (i * n_stages / n_steps, n_stages - 1);
      gboolean odd = g_test_rand_int_range (0, 5) == 0;
      double x = odd ? g_test_rand_double_range (0, 500) : 24 + 216 * g_test_rand_int_range (0, 2);
      BpStep *step = core_test_add_card (doc, g_test_rand_int_range (0, n_lanes), stage, x,
                                         odd ? g_test_rand_double_range (60, 300) : 160);

      /* Moved by hand into another lane, as a designer drags a card. */
      if (g_test_rand_int_range (0, 6) == 0)
        bp_step_set_lane (step, core_test_lane_id (doc, g_test_rand_int_range (0, n_lanes)));
    }

  for (guint from = 0; n_steps > 1 && from < n_steps; from++)
    for (guint k = g_test_rand_int_range (0, 3) == 0 ? 2 : 1; k > 0; k--)
      {
        gboolean back = g_test_rand_int_range (0, 8) == 0;
        guint ahead = from + g_test_rand_int_range (1, 4);
        guint to = back ? (guint) g_test_rand_int_range (0, n_steps) : MIN (ahead, n_steps - 1);
        BpFlow *flow;

        if (to == from)
          continue;
        flow = bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (bp_document_get_step (doc, from))),
                                     bp_item_get_id (BP_ITEM (bp_document_get_step (doc, to))));
        if (flow != NULL && g_test_rand_int_range (0, 3) == 0)
          bp_flow_set_label (flow, label_words[g_test_rand_int_range (0, G_N_ELEMENTS (label_words))]);
      }

  return doc;
}

/* Every blueprint in data/samples. */
static void
count_samples (Violations *v)
{
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_samples = 0;

  g_assert_nonnull (dir);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(BpDocument) doc = NULL;
      g_autoptr(BpLayout) layout = NULL;

      if (!g_str_has_suffix (name, ".bpj"))
        continue;
      path = g_build_filename (dir, name, NULL);
      doc = bp_bpj_load (path, &error);
      g_assert_no_error (error);
      layout = bp_layout_new (doc);
      g_test_message ("%s", name);
      count_violations (layout, v);
      n_samples++;
    }
  g_assert_cmpuint (n_samples, >=, 3);
}

#define N_RANDOM 300

static void
count_random (Violations *v)
{
  for (guint round = 0; round < N_RANDOM; round++)
    {
      g_autoptr(BpDocument) doc = random_blueprint (g_test_rand_int_range (2, 40));
      g_autoptr(BpLayout) layout = bp_layout_new (doc);

      count_violations (layout, v);
    }
}

static void
report (const char *what, const Violations *v)
{
  g_test_message ("%s: %u flows, %u shared segments, %u touching ends; %u labels, %u misplaced",
                  what, v->flows, v->shared, v->touching, v->labels_placed, v->labels);
}

static void
test_routes_distinct_samples (void)
{
  Violations v = { 0 };

  count_samples (&v);
  report ("samples", &v);
  g_assert_cmpuint (v.shared, ==, 0);
  g_assert_cmpuint (v.touching, ==, 0);
}

/* Random blueprints are far denser in places than the samples: where a
 * channel between a row of cards and a line carries many flows, it has
 * no room for a track each, and some runs stay together (the layout
 * would have to widen the channel). Before the ports and tracks, about
 * one pair in two flows met so; what is left must stay rare. */
#define MAX_MEETING_PER_100_FLOWS 8

static void
test_routes_distinct_random (void)
{
  Violations v = { 0 };

  count_random (&v);
  report ("random", &v);
  g_assert_cmpuint (v.flows, >, N_RANDOM);
  g_assert_cmpuint (100 * v.shared, <=, MAX_MEETING_PER_100_FLOWS * v.flows);
  g_assert_cmpuint (100 * v.touching, <=, MAX_MEETING_PER_100_FLOWS * v.flows);
}

static void
test_labels_clear_samples (void)
{
  Violations v = { 0 };

  count_samples (&v);
  report ("samples", &v);
  g_assert_cmpuint (v.labels, ==, 0);
}

/* Likewise, a label finds no free place near a route in the densest
 * spots of random blueprints, and then takes the least crowded one. */
#define MAX_MISPLACED_PER_100_LABELS 4

static void
test_labels_clear_random (void)
{
  Violations v = { 0 };

  count_random (&v);
  report ("random", &v);
  g_assert_cmpuint (v.labels_placed, >, N_RANDOM / 2);
  g_assert_cmpuint (100 * v.labels, <=, MAX_MISPLACED_PER_100_LABELS * v.labels_placed);
}

/* Lane positions of bp_document_new_standard (). */
enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT };

static BpStep *
add_card (BpDocument *doc,
          guint       lane,
          guint       stage,
          double      x,
          const char *text)
{
  BpStep *step = core_test_add_card (doc, lane, stage, x, 160);

  bp_step_set_text (step, text);
  return step;
}

static BpFlow *
add_flow (BpDocument *doc,
          BpStep     *from,
          BpStep     *to)
{
  BpFlow *flow = bp_document_add_flow (doc, bp_item_get_id (BP_ITEM (from)),
                                       bp_item_get_id (BP_ITEM (to)));

  g_assert_nonnull (flow);
  return flow;
}

/* As drawn by hand: a customer signs up on a frontstage web page, and a
 * backstage system records the sign-up and passes it on to the payment
 * page. Moved into the backstage, after the course system in its row,
 * the web page's card blocks the course system's way out to the right:
 * its flow leaves by the top and must not run along the channel above
 * through the arrowhead of the flow into the web page. */
static void
test_card_moved_into_backstage (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpLayout) layout = NULL;
  Violations before = { 0 }, after = { 0 };
  BpStep *signs_up, *website, *course, *payment;

  bp_history_freeze (bp_document_get_history (doc));
  signs_up = add_card (doc, CUSTOMER, 0, 200, "Signs up");
  website = add_card (doc, FRONTSTAGE, 0, 200, "Website shows course page");
  course = add_card (doc, BACKSTAGE, 0, 12, "Course system records the sign-up");
  payment = add_card (doc, FRONTSTAGE, 1, 24, "Website takes the payment");
  add_flow (doc, signs_up, website);
  add_flow (doc, course, payment);

  layout = bp_layout_new (doc);
  count_violations (layout, &before);
  g_assert_cmpuint (before.shared + before.touching, ==, 0);

  /* Dragged down into the backstage, after the course system in its row:
   * the course system's way out to the right is blocked. */
  bp_step_set_lane (website, core_test_lane_id (doc, BACKSTAGE));
  bp_layout_update (layout);
  {
    BpRect web, sys;

    g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (website), &web));
    g_assert_true (bp_layout_get_item_rect (layout, BP_ITEM (course), &sys));
    g_assert_cmpfloat (web.y, ==, sys.y);
  }
  count_violations (layout, &after);
  report ("moved", &after);
  g_assert_cmpuint (after.shared, ==, 0);
  g_assert_cmpuint (after.touching, ==, 0);
}

/* A rework flow back to the card before it in the backstage row goes
 * round below the cards, along the narrow channel above the line of
 * internal interaction; its label must fit in that channel, on the run,
 * clear of the cards and of the line. */
static void
test_rework_label_above_line (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpLayout) layout = NULL;
  Violations v = { 0 };
  BpStep *repair, *image;
  BpFlow *rework;
  BpRect label;
  double line_y;
  guint n;
  const BpPoint *path;
  gboolean on_run = FALSE;

  bp_history_freeze (bp_document_get_history (doc));
  repair = add_card (doc, BACKSTAGE, 0, 24, "Replaces the failed SSD");
  image = add_card (doc, BACKSTAGE, 0, 240, "Reimages with the standard build");
  add_flow (doc, repair, image);
  rework = add_flow (doc, image, repair);
  bp_flow_set_label (rework, "image fails checks");

  layout = bp_layout_new (doc);
  count_violations (layout, &v);
  report ("rework", &v);
  g_assert_cmpuint (v.labels_placed, ==, 1);
  g_assert_cmpuint (v.labels, ==, 0);

  /* Still on its route: a run passes through the pill. */
  g_assert_true (bp_layout_get_flow_label_rect (layout, 1, &label));
  g_assert_true (bp_layout_get_line_y (layout, BP_LINE_INTERNAL_INTERACTION, &line_y));
  path = bp_layout_get_flow_path (layout, 1, &n);
  for (guint i = 1; i < n; i++)
    if (path[i].y == path[i - 1].y && path[i].y > label.y && path[i].y < label.y + label.height &&
        MIN (path[i].x, path[i - 1].x) < label.x && MAX (path[i].x, path[i - 1].x) > label.x + label.width)
      on_run = TRUE;
  g_assert_true (on_run);
  g_assert_cmpfloat (label.y + label.height, <, line_y);
}

/* Whether @rect comes within TOUCH_GAP of either end of @points: the
 * arrowhead at its tip or the first stretch at its start. */
static gboolean
rect_on_ends (const BpRect *rect, const BpPoint *points, guint n)
{
  BpPoint corners[4] = {
    { rect->x, rect->y }, { rect->x + rect->width, rect->y },
    { rect->x + rect->width, rect->y + rect->height }, { rect->x, rect->y + rect->height },
  };
  BpPoint start = points[0], next = points[1];
  double len = hypot (next.x - start.x, next.y - start.y);
  Segment first = { start, { start.x + (next.x - start.x) / len * MIN (len, 8.0),
                             start.y + (next.y - start.y) / len * MIN (len, 8.0) } };

  for (guint e = 0; e < 4; e++)
    {
      Segment edge = { corners[e], corners[(e + 1) % 4] };

      if (touches_arrowhead (points, n, &edge))
        return TRUE;
    }
  /* The start's stretch inside the pill or near its edge. */
  return (first.b.x > rect->x - TOUCH_GAP && first.a.x < rect->x + rect->width + TOUCH_GAP &&
          MAX (first.a.y, first.b.y) > rect->y - TOUCH_GAP &&
          MIN (first.a.y, first.b.y) < rect->y + rect->height + TOUCH_GAP) ||
         (first.a.x > rect->x - TOUCH_GAP && first.b.x < rect->x + rect->width + TOUCH_GAP &&
          MAX (first.a.y, first.b.y) > rect->y - TOUCH_GAP &&
          MIN (first.a.y, first.b.y) < rect->y + rect->height + TOUCH_GAP);
}

/* A customer enters a code, the website asks for it, and sends the
 * customer back on a wrong code: the rework flow runs up beside the
 * forward one, across the line of interaction. Its label must not hide
 * the forward flow's arrowhead, nor sit on its start, where it would
 * read as that flow's label. */
static void
test_label_clear_of_other_ends (void)
{
  g_autoptr(BpDocument) doc = bp_document_new_standard ();
  g_autoptr(BpLayout) layout = NULL;
  Violations v = { 0 };
  BpStep *login, *code;
  BpFlow *retry;
  BpRect label;
  const BpPoint *path;
  guint n;

  bp_history_freeze (bp_document_get_history (doc));
  login = add_card (doc, CUSTOMER, 0, 24, "Enters password and 2FA code");
  code = add_card (doc, FRONTSTAGE, 0, 24, "Asks for the one-time code");
  add_flow (doc, login, code);
  retry = add_flow (doc, code, login);
  bp_flow_set_label (retry, "wrong code");

  layout = bp_layout_new (doc);
  count_violations (layout, &v);
  report ("wrong code", &v);
  g_assert_cmpuint (v.labels_placed, ==, 1);
  g_assert_cmpuint (v.labels, ==, 0);

  g_assert_true (bp_layout_get_flow_label_rect (layout, 1, &label));
  path = bp_layout_get_flow_path (layout, 0, &n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_false (rect_on_ends (&label, path, n));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow-routes/distinct/samples", test_routes_distinct_samples);
  g_test_add_func ("/flow-routes/distinct/random", test_routes_distinct_random);
  g_test_add_func ("/flow-routes/distinct/card-moved-into-backstage", test_card_moved_into_backstage);
  g_test_add_func ("/flow-routes/labels-clear/samples", test_labels_clear_samples);
  g_test_add_func ("/flow-routes/labels-clear/random", test_labels_clear_random);
  g_test_add_func ("/flow-routes/labels-clear/rework-above-line", test_rework_label_above_line);
  g_test_add_func ("/flow-routes/labels-clear/other-ends", test_label_clear_of_other_ends);

  return g_test_run ();
}
