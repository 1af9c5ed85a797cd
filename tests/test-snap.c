/* test-snap.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "layout/bp-snap.h"
#include "core-test-utils.h"

/* Lane positions of bp_document_new_standard (). */
enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT, N_LANES };
/* Its stage positions. */
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN, N_STAGES };

typedef struct {
  BpDocument *document;
  BpLayout   *layout;
  BpStep     *plain;    /* alone in customer / attract: a first-row card */
  BpStep     *guide;    /* customer / use, x 100, default width */
  BpStep     *mover;    /* frontstage / use, x 300, width 100 */
  BpStep     *tie_low;  /* evidence / retain, x 100 */
  BpStep     *tie_high; /* support / retain, x 108, before tie_low */
  BpStep     *small;    /* frontstage / retain, x 0, width 40 */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  g_assert_cmpuint (bp_document_get_n_lanes (f->document), ==, N_LANES);
  g_assert_cmpuint (bp_document_get_n_stages (f->document), ==, N_STAGES);

  f->plain = core_test_add_card (f->document, CUSTOMER, ATTRACT, 24, BP_STEP_DEFAULT_WIDTH);
  f->guide = core_test_add_card (f->document, CUSTOMER, USE, 100, BP_STEP_DEFAULT_WIDTH);
  f->mover = core_test_add_card (f->document, FRONTSTAGE, USE, 300, 100);
  /* Added first, so the tie-break cannot be the order of the list. */
  f->tie_high = core_test_add_card (f->document, SUPPORT, RETAIN, 108, BP_STEP_DEFAULT_WIDTH);
  f->tie_low = core_test_add_card (f->document, EVIDENCE, RETAIN, 100, BP_STEP_DEFAULT_WIDTH);
  f->small = core_test_add_card (f->document, FRONTSTAGE, RETAIN, 0, 40);

  f->layout = bp_layout_new (f->document);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->layout);
  g_clear_object (&f->document);
}

static BpRect
item_rect (Fixture *f,
           gpointer item)
{
  BpRect rect;

  g_assert_true (bp_layout_get_item_rect (f->layout, BP_ITEM (item), &rect));
  return rect;
}

static BpRect
lane_rect (Fixture *f,
           guint    position)
{
  BpRect rect;

  g_assert_true (bp_layout_get_lane_rect (f->layout, position, &rect));
  return rect;
}

static BpRect
stage_rect (Fixture *f,
            guint    position)
{
  BpRect rect;

  g_assert_true (bp_layout_get_stage_rect (f->layout, position, &rect));
  return rect;
}

static BpSnapOptions
grid_only (void)
{
  BpSnapOptions options;

  bp_snap_options_init (&options);
  options.guide_distance = 0;
  return options;
}

/* Drags @step so that its card's centre is at (@cx, @cy). */
static BpSnapResult
drag_centre (Fixture             *f,
             BpStep              *step,
             double               cx,
             double               cy,
             const BpSnapOptions *options)
{
  BpRect card = item_rect (f, step);
  BpSnapResult result;

  g_assert_true (bp_snap_card (f->layout, step, card.width,
                               cx - card.width / 2, cy - card.height / 2,
                               options, &result));
  return result;
}

/* Drags @step's card to a left edge @x from @stage's column, its centre
 * in the middle of @lane's band. */
static BpSnapResult
drag_to_x (Fixture             *f,
           BpStep              *step,
           guint                lane,
           guint                stage,
           double               x,
           const BpSnapOptions *options)
{
  BpRect card = item_rect (f, step);
  BpRect band = lane_rect (f, lane);
  BpRect column = stage_rect (f, stage);
  BpSnapResult result;

  g_assert_true (bp_snap_card (f->layout, step, card.width, column.x + x,
                               band.y + band.height / 2 - card.height / 2,
                               options, &result));
  g_assert_true (result.lane == bp_document_get_lane (f->document, lane));
  g_assert_true (result.stage == bp_document_get_stage (f->document, stage));
  return result;
}

static void
test_options_init (void)
{
  BpSnapOptions options = { -1, -1, FALSE };

  bp_snap_options_init (&options);
  g_assert_cmpfloat (options.grid, ==, 8);
  g_assert_cmpfloat (options.guide_distance, ==, 6);
  g_assert_true (options.enabled);
}

static void
test_lane_per_band (Fixture       *f,
                    gconstpointer  data)
{
  BpRect plain = item_rect (f, f->plain);
  double first_row = plain.y - lane_rect (f, CUSTOMER).y;
  BpRect mover = item_rect (f, f->mover);

  for (guint i = 0; i < N_LANES; i++)
    {
      BpRect band = lane_rect (f, i);
      BpSnapResult result = drag_centre (f, f->mover, mover.x + mover.width / 2,
                                         band.y + band.height / 2, NULL);

      g_assert_true (result.lane == bp_document_get_lane (f->document, i));
      /* Drawn where an unstacked card of that band would be. */
      g_assert_cmpfloat_with_epsilon (result.card.y, band.y + first_row, 1e-9);
      g_assert_cmpfloat (result.card.height, ==, mover.height);
      g_assert_cmpfloat (result.card.width, ==, mover.width);
    }
}

static void
test_band_boundaries (Fixture       *f,
                      gconstpointer  data)
{
  BpRect mover = item_rect (f, f->mover);
  double cx = mover.x + mover.width / 2;

  for (guint i = 1; i < N_LANES; i++)
    {
      BpRect band = lane_rect (f, i);
      BpSnapResult on = drag_centre (f, f->mover, cx, band.y, NULL);
      BpSnapResult above = drag_centre (f, f->mover, cx, band.y - 1, NULL);

      g_assert_true (on.lane == bp_document_get_lane (f->document, i));
      g_assert_true (above.lane == bp_document_get_lane (f->document, i - 1));
    }
}

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  static const struct { BpLine line; guint above; guint below; } lines[] = {
    { BP_LINE_INTERACTION, CUSTOMER, FRONTSTAGE },
    { BP_LINE_VISIBILITY, FRONTSTAGE, BACKSTAGE },
    { BP_LINE_INTERNAL_INTERACTION, BACKSTAGE, SUPPORT },
  };
  BpRect mover = item_rect (f, f->mover);
  double cx = mover.x + mover.width / 2;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double y;
      BpSnapResult on, above;

      g_assert_true (bp_layout_get_line_y (f->layout, lines[i].line, &y));
      on = drag_centre (f, f->mover, cx, y, NULL);
      above = drag_centre (f, f->mover, cx, y - 1, NULL);

      g_assert_true (on.lane == bp_document_get_lane (f->document, lines[i].below));
      g_assert_true (above.lane == bp_document_get_lane (f->document, lines[i].above));
    }

  /* The line of visibility by kind, as a person reads the blueprint. */
  {
    double y;
    BpSnapResult on, above;

    bp_layout_get_line_y (f->layout, BP_LINE_VISIBILITY, &y);
    on = drag_centre (f, f->mover, cx, y, NULL);
    above = drag_centre (f, f->mover, cx, y - 1, NULL);
    g_assert_cmpint (bp_lane_get_kind (on.lane), ==, BP_LANE_KIND_BACKSTAGE);
    g_assert_cmpint (bp_lane_get_kind (above.lane), ==, BP_LANE_KIND_FRONTSTAGE);
  }
}

static void
test_outside_bands (Fixture       *f,
                    gconstpointer  data)
{
  BpRect mover = item_rect (f, f->mover);
  BpRect bounds, first = lane_rect (f, EVIDENCE), last = lane_rect (f, SUPPORT);
  double cx = mover.x + mover.width / 2;
  const double far[] = { -1e6, -INFINITY };
  BpSnapResult result;

  bp_layout_get_bounds (f->layout, &bounds);

  result = drag_centre (f, f->mover, cx, first.y - 1, NULL);
  g_assert_true (result.lane == bp_document_get_lane (f->document, EVIDENCE));
  result = drag_centre (f, f->mover, cx, bounds.y, NULL);
  g_assert_true (result.lane == bp_document_get_lane (f->document, EVIDENCE));
  result = drag_centre (f, f->mover, cx, last.y + last.height, NULL);
  g_assert_true (result.lane == bp_document_get_lane (f->document, SUPPORT));
  result = drag_centre (f, f->mover, cx, bounds.y + bounds.height + 500, NULL);
  g_assert_true (result.lane == bp_document_get_lane (f->document, SUPPORT));

  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    {
      g_assert_true (bp_snap_card (f->layout, f->mover, mover.width, mover.x, far[i],
                                   NULL, &result));
      g_assert_true (result.lane == bp_document_get_lane (f->document, EVIDENCE));
      g_assert_true (bp_snap_card (f->layout, f->mover, mover.width, mover.x, -far[i],
                                   NULL, &result));
      g_assert_true (result.lane == bp_document_get_lane (f->document, SUPPORT));
    }
}

static void
test_stage_follows_centre (Fixture       *f,
                           gconstpointer  data)
{
  BpRect mover = item_rect (f, f->mover);
  BpRect bounds;
  double cy = mover.y + mover.height / 2;
  BpSnapResult result;

  for (guint i = 0; i < N_STAGES; i++)
    {
      BpRect column = stage_rect (f, i);

      result = drag_centre (f, f->mover, column.x + column.width / 2, cy, NULL);
      g_assert_true (result.stage == bp_document_get_stage (f->document, i));

      /* A centre on the column's left edge belongs to it. */
      result = drag_centre (f, f->mover, column.x, cy, NULL);
      g_assert_true (result.stage == bp_document_get_stage (f->document, i));

      if (i > 0)
        {
          result = drag_centre (f, f->mover, column.x - 1, cy, NULL);
          g_assert_true (result.stage == bp_document_get_stage (f->document, i - 1));
        }
    }

  bp_layout_get_bounds (f->layout, &bounds);
  result = drag_centre (f, f->mover, bounds.x - 1000, cy, NULL);
  g_assert_true (result.stage == bp_document_get_stage (f->document, ATTRACT));
  result = drag_centre (f, f->mover, bounds.x + bounds.width + 1000, cy, NULL);
  g_assert_true (result.stage == bp_document_get_stage (f->document, MAINTAIN));
}

static void
test_grid (Fixture       *f,
           gconstpointer  data)
{
  /* Raw x from the column → the nearest multiple of 8. */
  static const struct { double raw; double snapped; } cases[] = {
    { 0, 0 }, { 3, 0 }, { 4, 8 }, { 35, 32 }, { 37, 40 }, { 40, 40 },
    { 203.9, 200 }, { 204.1, 208 },
  };
  BpSnapOptions options = grid_only ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BpSnapResult result = drag_to_x (f, f->mover, FRONTSTAGE, ORIENT,
                                       cases[i].raw, &options);
      BpRect column = stage_rect (f, ORIENT);

      g_assert_cmpfloat (result.x, ==, cases[i].snapped);
      g_assert_false (result.has_guide);
      g_assert_cmpfloat (result.card.x, ==, column.x + cases[i].snapped);
    }

  /* Another grid. */
  options.grid = 10;
  g_assert_cmpfloat (drag_to_x (f, f->mover, FRONTSTAGE, ORIENT, 44, &options).x, ==, 40);
  g_assert_cmpfloat (drag_to_x (f, f->mover, FRONTSTAGE, ORIENT, 46, &options).x, ==, 50);
  /* No grid: the raw x. */
  options.grid = 0;
  g_assert_cmpfloat (drag_to_x (f, f->mover, FRONTSTAGE, ORIENT, 43.25, &options).x, ==, 43.25);
}

static void
test_guides (Fixture       *f,
             gconstpointer  data)
{
  BpRect column = stage_rect (f, USE);
  BpRect guide = item_rect (f, f->guide);
  double mover_width = item_rect (f, f->mover).width;
  double left = guide.x - column.x;
  double centre = left + guide.width / 2;
  double right = left + guide.width;
  BpSnapResult result;

  /* The scenario: a guide card off the grid, a mover narrower than it. */
  g_assert_cmpfloat (left, ==, 100);
  g_assert_cmpfloat (guide.width, ==, BP_STEP_DEFAULT_WIDTH);
  g_assert_cmpfloat (mover_width, ==, 100);

  /* Left edge to left edge, 4 units off. */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, left + 4, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, guide.x);
  g_assert_cmpfloat (result.x, ==, left);
  g_assert_cmpfloat (result.card.x, ==, guide.x);

  /* Centre to centre, 3 units off. */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, centre - mover_width / 2 + 3, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, column.x + centre);
  g_assert_cmpfloat (result.x, ==, centre - mover_width / 2);

  /* Right edge to right edge, 5 units off. */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, right - mover_width - 5, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, column.x + right);
  g_assert_cmpfloat (result.x, ==, right - mover_width);

  /* Across anchors: the left edge to the other card's right edge. */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, right + 2, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, column.x + right);
  g_assert_cmpfloat (result.x, ==, right);

  /* Exactly at the distance still snaps... */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, left + 6, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.x, ==, left);

  /* ...one unit beyond does not: the grid takes over (107 → 104). */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, left + 7, NULL);
  g_assert_false (result.has_guide);
  g_assert_cmpfloat (result.x, ==, 104);
}

static void
test_guides_exclude (Fixture       *f,
                     gconstpointer  data)
{
  BpRect column = stage_rect (f, USE);
  BpRect guide = item_rect (f, f->guide);
  BpRect mover = item_rect (f, f->mover);
  double own_left = mover.x - column.x;
  BpSnapResult result;

  g_assert_cmpfloat (own_left, ==, 300);

  /* The moving card is no guide to itself (303 → 304 on the grid, not its
   * old 300). */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, own_left + 3, NULL);
  g_assert_false (result.has_guide);
  g_assert_cmpfloat (result.x, ==, 304);

  /* A card in the landing lane is no guide (104 stays 104). */
  result = drag_to_x (f, f->mover, CUSTOMER, USE, guide.x - column.x + 4, NULL);
  g_assert_false (result.has_guide);
  g_assert_cmpfloat (result.x, ==, 104);

  /* A new card (no @moving) does see the mover's old place as a guide. */
  {
    BpRect band = lane_rect (f, BACKSTAGE);

    g_assert_true (bp_snap_card (f->layout, NULL, mover.width, mover.x + 3,
                                 band.y + band.height / 2 - mover.height / 2,
                                 NULL, &result));
    g_assert_true (result.lane == bp_document_get_lane (f->document, BACKSTAGE));
    g_assert_true (result.has_guide);
    g_assert_cmpfloat (result.guide_x, ==, mover.x);
    g_assert_cmpfloat (result.x, ==, own_left);
  }
}

static void
test_guide_tie_break (Fixture       *f,
                      gconstpointer  data)
{
  BpRect column = stage_rect (f, RETAIN);
  BpRect low = item_rect (f, f->tie_low);
  BpRect high = item_rect (f, f->tie_high);
  double between = (low.x + high.x) / 2 - column.x;
  BpSnapResult result;

  g_assert_cmpfloat (high.x - low.x, ==, 8);

  /* Left edge 4 from both left edges: the smaller guide x wins, though the
   * other card comes first in the document. */
  result = drag_to_x (f, f->small, FRONTSTAGE, RETAIN, between, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, low.x);
  g_assert_cmpfloat (result.x, ==, low.x - column.x);

  /* One unit closer to the other: the closer one wins. */
  result = drag_to_x (f, f->small, FRONTSTAGE, RETAIN, between + 1, NULL);
  g_assert_true (result.has_guide);
  g_assert_cmpfloat (result.guide_x, ==, high.x);
  g_assert_cmpfloat (result.x, ==, high.x - column.x);
}

static void
test_disabled (Fixture       *f,
               gconstpointer  data)
{
  BpRect column = stage_rect (f, USE);
  BpRect guide = item_rect (f, f->guide);
  BpSnapOptions options;
  BpSnapResult result;

  bp_snap_options_init (&options);
  options.enabled = FALSE;

  /* Within a guide's reach and off the grid: the raw x. */
  result = drag_to_x (f, f->mover, BACKSTAGE, USE, guide.x - column.x + 3, &options);
  g_assert_false (result.has_guide);
  g_assert_cmpfloat (result.x, ==, guide.x - column.x + 3);
  g_assert_cmpfloat (result.card.x, ==, guide.x + 3);

  result = drag_to_x (f, f->mover, BACKSTAGE, USE, 37.5, &options);
  g_assert_cmpfloat (result.x, ==, 37.5);
}

static void
test_clamp_x (Fixture       *f,
              gconstpointer  data)
{
  BpSnapOptions options;
  BpRect first = stage_rect (f, ATTRACT);
  BpRect last = stage_rect (f, MAINTAIN);
  BpRect band = lane_rect (f, BACKSTAGE);
  BpSnapResult result;

  /* Left of its column, centre still in it. */
  result = drag_to_x (f, f->mover, BACKSTAGE, ORIENT, -30, NULL);
  g_assert_cmpfloat (result.x, ==, 0);
  bp_snap_options_init (&options);
  options.enabled = FALSE;
  result = drag_to_x (f, f->mover, BACKSTAGE, ORIENT, -30, &options);
  g_assert_cmpfloat (result.x, ==, 0);

  /* Left of everything. */
  g_assert_true (bp_snap_card (f->layout, f->mover, 100, first.x - 5000, band.y,
                               &options, &result));
  g_assert_true (result.stage == bp_document_get_stage (f->document, ATTRACT));
  g_assert_cmpfloat (result.x, ==, 0);
  g_assert_cmpfloat (result.card.x, ==, first.x);

  /* Far right: no further than the format allows. */
  g_assert_true (bp_snap_card (f->layout, f->mover, 100, last.x + 1e7, band.y,
                               NULL, &result));
  g_assert_true (result.stage == bp_document_get_stage (f->document, MAINTAIN));
  g_assert_cmpfloat (result.x, ==, BP_STEP_MAX_X);
  options.grid = 7;
  options.enabled = TRUE;
  g_assert_true (bp_snap_card (f->layout, f->mover, 100, last.x + 1e7, band.y,
                               &options, &result));
  g_assert_cmpfloat (result.x, <=, BP_STEP_MAX_X);
  g_assert_cmpfloat (fmod (result.x, 7), ==, 0);
  g_assert_cmpfloat (result.x, >, BP_STEP_MAX_X - 7);
}

static void
test_non_finite (Fixture       *f,
                 gconstpointer  data)
{
  const double values[] = { NAN, INFINITY, -INFINITY, 1e300, -1e300 };
  BpSnapOptions options;

  bp_snap_options_init (&options);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (values); j++)
      {
        BpSnapResult result;

        options.grid = values[j];
        options.guide_distance = values[(i + j) % G_N_ELEMENTS (values)];
        g_assert_true (bp_snap_card (f->layout, NULL, values[(i + 1) % G_N_ELEMENTS (values)],
                                     values[i], values[j], &options, &result));
        g_assert_nonnull (result.lane);
        g_assert_nonnull (result.stage);
        g_assert_true (isfinite (result.x));
        g_assert_cmpfloat (result.x, >=, 0);
        g_assert_cmpfloat (result.x, <=, BP_STEP_MAX_X);
        g_assert_true (isfinite (result.card.x) && isfinite (result.card.y));
        g_assert_true (isfinite (result.card.width) && result.card.width >= 0);
      }
}

static void
test_empty_document (void)
{
  g_autoptr(BpDocument) document = bp_document_new ();
  g_autoptr(BpLayout) layout = NULL;
  BpSnapResult result;

  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, 0);
  layout = bp_layout_new (document);
  g_assert_false (bp_snap_card (layout, NULL, 160, 10, 10, NULL, &result));

  /* Lanes without a stage are no place for a card either. */
  bp_document_add_lane (document, BP_LANE_KIND_CUSTOMER, NULL);
  bp_layout_update (layout);
  g_assert_false (bp_snap_card (layout, NULL, 160, 10, 10, NULL, &result));

  bp_document_add_stage (document, "Only", -1);
  bp_layout_update (layout);
  g_assert_true (bp_snap_card (layout, NULL, 160, 10, 10, NULL, &result));
  g_assert_true (result.lane == bp_document_get_lane (document, 0));
  g_assert_true (result.stage == bp_document_get_stage (document, 0));
}

static void
test_neighbour_lane (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autoptr(BpLane) detached = bp_lane_new ("elsewhere", BP_LANE_KIND_BACKSTAGE);
  BpLane *lanes[N_LANES];

  for (guint i = 0; i < N_LANES; i++)
    lanes[i] = bp_document_get_lane (document, i);

  g_assert_null (bp_snap_neighbour_lane (document, lanes[EVIDENCE], -1));
  g_assert_true (bp_snap_neighbour_lane (document, lanes[EVIDENCE], 1) == lanes[CUSTOMER]);
  g_assert_true (bp_snap_neighbour_lane (document, lanes[FRONTSTAGE], -1) == lanes[CUSTOMER]);
  g_assert_true (bp_snap_neighbour_lane (document, lanes[FRONTSTAGE], 1) == lanes[BACKSTAGE]);
  g_assert_true (bp_snap_neighbour_lane (document, lanes[SUPPORT], -1) == lanes[BACKSTAGE]);
  g_assert_null (bp_snap_neighbour_lane (document, lanes[SUPPORT], 1));
  g_assert_null (bp_snap_neighbour_lane (document, detached, 1));

  /* A second backstage lane sits between the first and support. */
  {
    BpLane *it = bp_document_add_lane (document, BP_LANE_KIND_BACKSTAGE, "IT");
    int position = bp_document_get_position (document, BP_ITEM (it));

    g_assert_cmpint (position, >, 0);
    g_assert_true (bp_snap_neighbour_lane (document, it, -1)
                   == bp_document_get_lane (document, position - 1));
    g_assert_true (bp_snap_neighbour_lane (document, it, 1)
                   == bp_document_get_lane (document, position + 1));
  }
}

static void
test_rubber_band (void)
{
  static const struct { double x1, y1, x2, y2; BpRect expected; } cases[] = {
    { 10, 20, 50, 80, { 10, 20, 40, 60 } },
    { 50, 80, 10, 20, { 10, 20, 40, 60 } },
    { 50, 20, 10, 80, { 10, 20, 40, 60 } },
    { 10, 80, 50, 20, { 10, 20, 40, 60 } },
    { -5, -5, -5, -5, { -5, -5, 0, 0 } },
    { -30, 7, 12, -3, { -30, -3, 42, 10 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BpRect rect = { -1, -1, -1, -1 };

      bp_snap_rubber_band (cases[i].x1, cases[i].y1, cases[i].x2, cases[i].y2, &rect);
      g_assert_cmpfloat (rect.x, ==, cases[i].expected.x);
      g_assert_cmpfloat (rect.y, ==, cases[i].expected.y);
      g_assert_cmpfloat (rect.width, ==, cases[i].expected.width);
      g_assert_cmpfloat (rect.height, ==, cases[i].expected.height);
    }
}

/* Whether any band holds @y, as [top, bottom). */
static gboolean
in_some_band (Fixture *f,
              double   y)
{
  for (guint i = 0; i < N_LANES; i++)
    {
      BpRect band = lane_rect (f, i);

      if (y >= band.y && y < band.y + band.height)
        return TRUE;
    }
  return FALSE;
}

static gboolean
in_some_column (Fixture *f,
                double   x)
{
  for (guint i = 0; i < N_STAGES; i++)
    {
      BpRect column = stage_rect (f, i);

      if (x >= column.x && x < column.x + column.width)
        return TRUE;
    }
  return FALSE;
}

static void
test_random_drops (Fixture       *f,
                   gconstpointer  data)
{
  BpStep *steps[] = { f->plain, f->guide, f->mover, f->tie_low, f->tie_high, f->small };
  BpRect bounds;

  bp_layout_get_bounds (f->layout, &bounds);

  for (guint run = 0; run < 5000; run++)
    {
      BpStep *step = steps[g_test_rand_int_range (0, G_N_ELEMENTS (steps))];
      BpRect card = item_rect (f, step);
      BpSnapOptions options;
      BpSnapResult result;
      BpRect band, column;
      double left = g_test_rand_double_range (bounds.x - 400, bounds.x + bounds.width + 400);
      double top = g_test_rand_double_range (bounds.y - 300, bounds.y + bounds.height + 300);
      double cx = left + card.width / 2;
      double cy = top + card.height / 2;
      int lane, stage;

      bp_snap_options_init (&options);
      options.enabled = g_test_rand_int_range (0, 4) != 0;
      options.grid = g_test_rand_int_range (0, 3) * 8;

      g_assert_true (bp_snap_card (f->layout, step, card.width, left, top,
                                   &options, &result));
      lane = bp_document_get_position (f->document, BP_ITEM (result.lane));
      stage = bp_document_get_position (f->document, BP_ITEM (result.stage));
      g_assert_cmpint (lane, >=, 0);
      g_assert_cmpint (stage, >=, 0);
      band = lane_rect (f, lane);
      column = stage_rect (f, stage);

      g_assert_true ((cy >= band.y && cy < band.y + band.height) || !in_some_band (f, cy));
      if (cy < lane_rect (f, 0).y)
        g_assert_cmpint (lane, ==, 0);
      if (cy >= bounds.y + bounds.height)
        g_assert_cmpint (lane, ==, N_LANES - 1);
      g_assert_true ((cx >= column.x && cx < column.x + column.width) || !in_some_column (f, cx));

      g_assert_cmpfloat (result.x, >=, 0);
      g_assert_cmpfloat (result.x, <=, BP_STEP_MAX_X);
      g_assert_cmpfloat (result.card.x, ==, column.x + result.x);

      if (!options.enabled)
        {
          g_assert_false (result.has_guide);
          g_assert_cmpfloat (result.x, ==, CLAMP (left - column.x, 0, BP_STEP_MAX_X));
        }
      else if (result.has_guide)
        {
          /* One of the card's three anchors sits on the guide. */
          double offset = result.guide_x - result.card.x;

          g_assert_true (fabs (offset) < 1e-9
                         || fabs (offset - card.width / 2) < 1e-9
                         || fabs (offset - card.width) < 1e-9);
        }
      else if (options.grid > 0)
        {
          g_assert_cmpfloat (fmod (result.x, options.grid), ==, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/snap/options-init", test_options_init);
  ADD ("/snap/lane-per-band", test_lane_per_band);
  ADD ("/snap/band-boundaries", test_band_boundaries);
  ADD ("/snap/lines", test_lines);
  ADD ("/snap/outside-bands", test_outside_bands);
  ADD ("/snap/stage-follows-centre", test_stage_follows_centre);
  ADD ("/snap/grid", test_grid);
  ADD ("/snap/guides", test_guides);
  ADD ("/snap/guides-exclude", test_guides_exclude);
  ADD ("/snap/guide-tie-break", test_guide_tie_break);
  ADD ("/snap/disabled", test_disabled);
  ADD ("/snap/clamp-x", test_clamp_x);
  ADD ("/snap/non-finite", test_non_finite);
  ADD ("/snap/random-drops", test_random_drops);
  g_test_add_func ("/snap/empty-document", test_empty_document);
  g_test_add_func ("/snap/neighbour-lane", test_neighbour_lane);
  g_test_add_func ("/snap/rubber-band", test_rubber_band);

#undef ADD

  return g_test_run ();
}
