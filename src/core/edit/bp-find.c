/* bp-find.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <string.h>

#include "edit/bp-find.h"
#include "model/bp-step.h"

/* @text folded for comparing: composed the same way, without case. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static gboolean
field_holds (const char *field,
             const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (field == NULL || *field == '\0')
    return FALSE;
  folded = fold (field);
  return strstr (folded, folded_query) != NULL;
}

static gboolean
matches_folded (BpStep     *step,
                const char *folded_query)
{
  return field_holds (bp_step_get_text (step), folded_query) ||
         field_holds (bp_step_get_actor (step), folded_query) ||
         field_holds (bp_step_get_notes (step), folded_query);
}

gboolean
bp_find_step_matches (BpStep     *step,
                      const char *query)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (BP_IS_STEP (step), FALSE);

  if (query == NULL || *query == '\0')
    return FALSE;
  folded = fold (query);
  return matches_folded (step, folded);
}

typedef struct {
  BpStep *step;
  int     stage;
  int     lane;
  double  x;
  guint   position;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->stage != mb->stage)
    return ma->stage < mb->stage ? -1 : 1;
  if (ma->lane != mb->lane)
    return ma->lane < mb->lane ? -1 : 1;
  if (ma->x != mb->x)
    return ma->x < mb->x ? -1 : 1;
  return ma->position < mb->position ? -1 : ma->position > mb->position;
}

static int
position_of (BpDocument *document,
             const char *id)
{
  BpItem *item = bp_document_lookup (document, id);

  return item != NULL ? bp_document_get_position (document, item) : G_MAXINT;
}

GPtrArray *
bp_find_steps (BpDocument *document,
               const char *query)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree char *folded = NULL;
  GPtrArray *steps = g_ptr_array_new ();

  g_return_val_if_fail (BP_IS_DOCUMENT (document), steps);

  if (query == NULL || *query == '\0')
    return steps;
  folded = fold (query);

  for (guint i = 0; i < bp_document_get_n_steps (document); i++)
    {
      BpStep *step = bp_document_get_step (document, i);
      Match match;

      if (!matches_folded (step, folded))
        continue;
      match.step = step;
      match.stage = position_of (document, bp_step_get_stage (step));
      match.lane = position_of (document, bp_step_get_lane (step));
      match.x = bp_step_get_x (step);
      match.position = i;
      g_array_append_val (found, match);
    }

  g_array_sort (found, compare_matches);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (steps, g_array_index (found, Match, i).step);
  return steps;
}
