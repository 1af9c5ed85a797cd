/* bp-insights-time.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "insights/bp-insights-private.h"

/* How long the journey takes: the longest path through the steps along
 * sequence flows. Cycles are found first (strongly connected components,
 * Tarjan's algorithm without recursion, as a file may chain 100,000
 * steps); within a component every flow that goes back in stage order
 * closes a cycle, and leaving those out leaves a graph whose flows all go
 * forward inside each component, so it has no cycle. The longest path of
 * what is left is then one sweep in topological order. All linear in the
 * steps and flows. */

#define NONE G_MAXUINT

/* The sequence flows leaving each step, as offsets into one array. */
typedef struct
{
  guint *offsets;  /* n_steps + 1 */
  guint *flows;    /* flow positions */
} Edges;

static void
edges_build (BpInsightsPass *pass,
             Edges          *edges)
{
  g_autofree guint *cursor = NULL;
  guint n_edges = 0;

  edges->offsets = g_new0 (guint, pass->n_steps + 1);
  for (guint f = 0; f < pass->n_flows; f++)
    if (pass->flows[f].kind == BP_FLOW_KIND_SEQUENCE)
      {
        edges->offsets[pass->flows[f].from + 1]++;
        n_edges++;
      }
  for (guint v = 0; v < pass->n_steps; v++)
    edges->offsets[v + 1] += edges->offsets[v];

  edges->flows = g_new (guint, MAX (n_edges, 1));
  cursor = g_memdup2 (edges->offsets, sizeof (guint) * pass->n_steps);
  for (guint f = 0; f < pass->n_flows; f++)
    if (pass->flows[f].kind == BP_FLOW_KIND_SEQUENCE)
      edges->flows[cursor[pass->flows[f].from]++] = f;
}

static void
edges_clear (Edges *edges)
{
  g_free (edges->offsets);
  g_free (edges->flows);
}

/* Tarjan's strongly connected components, with an explicit stack of
 * (step, next edge) frames instead of recursion. */
static guint *
find_components (BpInsightsPass *pass,
                 const Edges    *edges)
{
  guint n = pass->n_steps;
  g_autofree guint *index = g_new (guint, n);
  g_autofree guint *low = g_new (guint, n);
  g_autofree gboolean *on_stack = g_new0 (gboolean, n);
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autofree guint *frame_step = g_new (guint, MAX (n, 1));
  g_autofree guint *frame_edge = g_new (guint, MAX (n, 1));
  guint *component = g_new (guint, MAX (n, 1));
  guint counter = 0, n_components = 0, depth = 0, top = 0;

  for (guint v = 0; v < n; v++)
    index[v] = NONE;

  for (guint root = 0; root < n; root++)
    {
      if (index[root] != NONE)
        continue;

      frame_step[0] = root;
      frame_edge[0] = edges->offsets[root];
      index[root] = low[root] = counter++;
      stack[top++] = root;
      on_stack[root] = TRUE;
      depth = 1;

      while (depth > 0)
        {
          guint v = frame_step[depth - 1];
          guint e = frame_edge[depth - 1];

          if (e < edges->offsets[v + 1])
            {
              guint w = pass->flows[edges->flows[e]].to;

              frame_edge[depth - 1] = e + 1;
              if (index[w] == NONE)
                {
                  index[w] = low[w] = counter++;
                  stack[top++] = w;
                  on_stack[w] = TRUE;
                  frame_step[depth] = w;
                  frame_edge[depth] = edges->offsets[w];
                  depth++;
                }
              else if (on_stack[w])
                low[v] = MIN (low[v], index[w]);
              continue;
            }

          if (low[v] == index[v])
            {
              guint w;

              do
                {
                  w = stack[--top];
                  on_stack[w] = FALSE;
                  component[w] = n_components;
                }
              while (w != v);
              n_components++;
            }

          depth--;
          if (depth > 0)
            {
              guint parent = frame_step[depth - 1];
              low[parent] = MIN (low[parent], low[v]);
            }
        }
    }

  return component;
}

/* Stage order, then x, then the order of the file. */
static gboolean
step_before (BpInsightsPass *pass,
             guint           a,
             guint           b)
{
  const BpInsightsStep *sa = &pass->steps[a], *sb = &pass->steps[b];

  if (sa->stage != sb->stage)
    return sa->stage < sb->stage;
  if (sa->x != sb->x)
    return sa->x < sb->x;
  return a < b;
}

static void
mark_cycles (BpInsightsPass *pass,
             const guint    *component)
{
  for (guint f = 0; f < pass->n_flows; f++)
    {
      BpInsightsFlowEnds *ends = &pass->flows[f];

      if (ends->kind != BP_FLOW_KIND_SEQUENCE ||
          component[ends->from] != component[ends->to] ||
          !step_before (pass, ends->to, ends->from))
        continue;

      ends->cycle = TRUE;
      g_array_index (pass->result->flows, BpInsightsFlow, f).rework = TRUE;
    }
}

/* A path's length: seconds known, and steps unknown. */
typedef struct
{
  double seconds;
  guint  unknown;
} Length;

/* Longer, or as long with more unknown steps (which may take longer). */
static gboolean
longer (Length a,
        Length b)
{
  return a.seconds > b.seconds || (a.seconds == b.seconds && a.unknown > b.unknown);
}

static Length
step_length (const BpInsightsStep *step)
{
  Length length = { 0, 0 };

  if (step->duration >= 0)
    length.seconds = step->duration;
  else
    length.unknown = 1;
  return length;
}

static Length
extend (Length path,
        Length step)
{
  path.seconds += step.seconds;
  path.unknown += step.unknown;
  return path;
}

typedef struct
{
  Length *whole;   /* the longest path ending at each step */
  guint  *pred;    /* the step before it on that path */
  Length *stage;   /* the same among the step's own stage */
} Sweep;

static void
relax (BpInsightsPass *pass,
       Sweep          *sweep,
       guint           v,
       guint           w)
{
  Length through = extend (sweep->whole[v], step_length (&pass->steps[w]));

  if (longer (through, sweep->whole[w]))
    {
      sweep->whole[w] = through;
      sweep->pred[w] = v;
    }

  if (pass->steps[v].stage == pass->steps[w].stage)
    {
      Length local = extend (sweep->stage[v], step_length (&pass->steps[w]));

      if (longer (local, sweep->stage[w]))
        sweep->stage[w] = local;
    }
}

/* Kahn's topological order over the flows that are not cycle flows. */
static void
sweep_longest (BpInsightsPass *pass,
               const Edges    *edges,
               Sweep          *sweep)
{
  guint n = pass->n_steps;
  g_autofree guint *in_degree = g_new0 (guint, MAX (n, 1));
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  guint head = 0, tail = 0;

  for (guint f = 0; f < pass->n_flows; f++)
    if (pass->flows[f].kind == BP_FLOW_KIND_SEQUENCE && !pass->flows[f].cycle)
      in_degree[pass->flows[f].to]++;

  for (guint v = 0; v < n; v++)
    {
      sweep->whole[v] = sweep->stage[v] = step_length (&pass->steps[v]);
      sweep->pred[v] = NONE;
      if (in_degree[v] == 0)
        queue[tail++] = v;
    }

  while (head < tail)
    {
      guint v = queue[head++];

      for (guint e = edges->offsets[v]; e < edges->offsets[v + 1]; e++)
        {
          const BpInsightsFlowEnds *ends = &pass->flows[edges->flows[e]];

          if (ends->cycle)
            continue;
          relax (pass, sweep, v, ends->to);
          if (--in_degree[ends->to] == 0)
            queue[tail++] = ends->to;
        }
    }

  g_warn_if_fail (tail == n);
}

static void
store_whole (BpInsightsPass *pass,
             const Sweep    *sweep)
{
  BpInsights *result = pass->result;
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  Length best = { 0, 0 };
  guint end = NONE;

  for (guint v = 0; v < pass->n_steps; v++)
    if (end == NONE || longer (sweep->whole[v], best))
      {
        best = sweep->whole[v];
        end = v;
      }

  result->elapsed = best.seconds;
  result->unknown = best.unknown;
  result->over = result->tolerance >= 0 && result->elapsed > result->tolerance;

  for (guint v = end; v != NONE; v = sweep->pred[v])
    g_ptr_array_add (reversed, (char *) pass->steps[v].id);
  for (guint i = reversed->len; i > 0; i--)
    g_ptr_array_add (result->path, g_ptr_array_index (reversed, i - 1));
}

static void
store_stages (BpInsightsPass *pass,
              const Sweep    *sweep)
{
  g_autofree Length *best = g_new0 (Length, MAX (pass->n_stages, 1));

  for (guint v = 0; v < pass->n_steps; v++)
    {
      guint s = pass->steps[v].stage;

      if (longer (sweep->stage[v], best[s]))
        best[s] = sweep->stage[v];
    }

  for (guint s = 0; s < pass->n_stages; s++)
    {
      BpInsightsStage *stage = &g_array_index (pass->result->stages, BpInsightsStage, s);

      stage->elapsed = best[s].seconds;
      stage->unknown = best[s].unknown;
      stage->over = stage->tolerance >= 0 && stage->elapsed > stage->tolerance;
    }
}

void
bp_insights_compute_time (BpInsightsPass *pass)
{
  g_autofree guint *component = NULL;
  Edges edges;
  Sweep sweep;
  guint n = MAX (pass->n_steps, 1);

  edges_build (pass, &edges);
  component = find_components (pass, &edges);
  mark_cycles (pass, component);

  sweep.whole = g_new (Length, n);
  sweep.pred = g_new (guint, n);
  sweep.stage = g_new (Length, n);
  sweep_longest (pass, &edges, &sweep);
  store_whole (pass, &sweep);
  store_stages (pass, &sweep);

  g_free (sweep.whole);
  g_free (sweep.pred);
  g_free (sweep.stage);
  edges_clear (&edges);
}
