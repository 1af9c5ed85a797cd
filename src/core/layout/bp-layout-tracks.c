/* bp-layout-tracks.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "layout/bp-layout-private.h"

#include <math.h>

/* Routes that run along the same gutter or channel over overlapping
 * spans would be drawn on top of each other and read as one arrow. Each
 * such run gets a track of its own, the tracks spread evenly around the
 * middle of the free strip. A run alone keeps the middle. */

/* Runs nearer than this along the strip count as overlapping: end to end
 * they would read as one line. */
#define TOUCH_MARGIN 2.0
/* More tracks than this would be too close to tell apart; further runs
 * share the track that frees up first. */
#define MAX_TRACKS 5

typedef struct {
  guint  point;   /* the run's second point in self->points */
  double at;      /* x of a vertical run, y of a horizontal one */
  double lo;      /* its span along the strip */
  double hi;
  guint  track;
} Run;

struct _BpLayoutTracks
{
  GArray *runs[2];  /* Run: horizontal, vertical */
};

BpLayoutTracks *
bp_layout_tracks_new (void)
{
  BpLayoutTracks *tracks = g_new0 (BpLayoutTracks, 1);

  tracks->runs[0] = g_array_new (FALSE, FALSE, sizeof (Run));
  tracks->runs[1] = g_array_new (FALSE, FALSE, sizeof (Run));
  return tracks;
}

void
bp_layout_tracks_free (BpLayoutTracks *tracks)
{
  g_array_unref (tracks->runs[0]);
  g_array_unref (tracks->runs[1]);
  g_free (tracks);
}

void
bp_layout_tracks_add (BpLayoutTracks *tracks,
                      const BpPoint  *a,
                      const BpPoint  *b,
                      guint           point)
{
  gboolean vertical = a->x == b->x;
  Run run = {
    .point = point,
    .at = vertical ? a->x : a->y,
    .lo = vertical ? MIN (a->y, b->y) : MIN (a->x, b->x),
    .hi = vertical ? MAX (a->y, b->y) : MAX (a->x, b->x),
  };

  g_array_append_val (tracks->runs[vertical], run);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *r = a;
  const Run *s = b;

  if (r->at != s->at)
    return r->at < s->at ? -1 : 1;
  if (r->lo != s->lo)
    return r->lo < s->lo ? -1 : 1;
  return (r->point > s->point) - (r->point < s->point);
}

/* Gives each run of a cluster (runs[first..end), sorted by lo) the lowest
 * track that is free where it starts; returns how many tracks it used. */
static guint
assign_tracks (Run   *runs,
               guint  first,
               guint  end)
{
  double track_end[MAX_TRACKS];
  guint n_tracks = 0;

  for (guint i = first; i < end; i++)
    {
      guint t = 0;

      while (t < n_tracks && track_end[t] + TOUCH_MARGIN >= runs[i].lo)
        t++;

      if (t == n_tracks && n_tracks < MAX_TRACKS)
        track_end[n_tracks++] = runs[i].hi;
      else if (t == n_tracks)
        for (guint u = t = 0; u < n_tracks; u++)
          if (track_end[u] < track_end[t])
            t = u;

      runs[i].track = t;
      track_end[t] = MAX (track_end[t], runs[i].hi);
    }

  return n_tracks;
}

static void
move_run (GArray    *points,
          const Run *run,
          gboolean   vertical,
          double     at)
{
  BpPoint *a = &g_array_index (points, BpPoint, run->point - 1);
  BpPoint *b = &g_array_index (points, BpPoint, run->point);

  if (vertical)
    a->x = b->x = at;
  else
    a->y = b->y = at;
}

/* Spreads the runs of one orientation; @spacing apart at most, within
 * @half_width of the strip's middle. */
static void
separate (GArray   *runs,
          GArray   *points,
          gboolean  vertical,
          double    spacing,
          double    half_width)
{
  Run *r;
  guint n = runs->len;
  guint first = 0;

  g_array_sort (runs, compare_runs);
  r = (Run *) (gpointer) runs->data;

  while (first < n)
    {
      double cluster_end = r[first].hi;
      guint end = first + 1;
      guint n_tracks;
      double step;

      /* A cluster: runs on one strip that overlap, one after another. */
      for (; end < n && r[end].at == r[first].at && r[end].lo <= cluster_end + TOUCH_MARGIN; end++)
        cluster_end = MAX (cluster_end, r[end].hi);

      n_tracks = assign_tracks (r, first, end);
      if (n_tracks > 1)
        {
          step = MIN (spacing, 2 * half_width / (n_tracks - 1));
          for (guint i = first; i < end; i++)
            move_run (points, &r[i], vertical,
                      r[i].at + (r[i].track - (n_tracks - 1) / 2.0) * step);
        }

      first = end;
    }
}

void
bp_layout_tracks_separate (BpLayoutTracks *tracks,
                           GArray         *points)
{
  /* Gutters are a stage padding wide, channels a row gap high; the
   * tracks keep clear of the cards on either side. */
  separate (tracks->runs[1], points, TRUE, 6.0, BP_LAYOUT_STAGE_PADDING / 2 - 3.0);
  separate (tracks->runs[0], points, FALSE, 4.0, 4.0);
}
