/* bp-bpj-problems.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"

/* What the steps of reading found wrong, kept in the order found, and
 * the error domain that reports it. */

G_DEFINE_QUARK (bp-bpj-error-quark, bp_bpj_error)

typedef struct
{
  BpBpjError  code;
  char       *text;  /* "WHERE: RULE", or "RULE" for the whole file */
} Problem;

struct _BpBpjProblems
{
  GPtrArray *list;  /* of Problem */
  guint      max;
};

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->text);
  g_free (problem);
}

BpBpjProblems *
bp_bpj_problems_new (guint max)
{
  BpBpjProblems *problems = g_new0 (BpBpjProblems, 1);

  problems->list = g_ptr_array_new_with_free_func (problem_free);
  problems->max = max;
  return problems;
}

void
bp_bpj_problems_free (BpBpjProblems *problems)
{
  g_ptr_array_unref (problems->list);
  g_free (problems);
}

GPtrArray *
bp_bpj_problems_free_to_texts (BpBpjProblems *problems)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < problems->list->len; i++)
    {
      Problem *problem = g_ptr_array_index (problems->list, i);
      g_ptr_array_add (texts, g_steal_pointer (&problem->text));
    }
  bp_bpj_problems_free (problems);

  return texts;
}

guint
bp_bpj_problems_get_count (BpBpjProblems *problems)
{
  return problems->list->len;
}

gboolean
bp_bpj_problems_full (BpBpjProblems *problems)
{
  return problems->list->len >= problems->max;
}

void
bp_bpj_problems_add (BpBpjProblems *problems,
                     BpBpjError     code,
                     const char    *where,
                     const char    *format,
                     ...)
{
  g_autofree char *rule = NULL;
  Problem *problem;
  va_list args;

  if (bp_bpj_problems_full (problems))
    return;

  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);

  problem = g_new0 (Problem, 1);
  problem->code = code;
  if (where != NULL && where[0] != '\0')
    problem->text = g_strdup_printf ("%s: %s", where, rule);
  else
    problem->text = g_steal_pointer (&rule);
  g_ptr_array_add (problems->list, problem);
}

void
bp_bpj_problems_set_error (BpBpjProblems  *problems,
                           const char     *display_name,
                           GError        **error)
{
  Problem *problem;

  g_return_if_fail (problems->list->len > 0);

  problem = g_ptr_array_index (problems->list, 0);
  if (display_name != NULL)
    g_set_error (error, BP_BPJ_ERROR, problem->code, "%s: %s", display_name, problem->text);
  else
    g_set_error_literal (error, BP_BPJ_ERROR, problem->code, problem->text);
}
