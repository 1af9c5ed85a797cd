/* test-find.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "edit/bp-find.h"
#include "model/bp-step.h"
#include "core-test-utils.h"

enum { EVIDENCE, CUSTOMER, FRONTSTAGE, BACKSTAGE, SUPPORT };
enum { ATTRACT, ORIENT, USE, RETAIN, MAINTAIN };

static BpStep *
card (BpDocument *document,
      guint       lane,
      guint       stage,
      double      x,
      const char *text,
      const char *actor,
      const char *notes)
{
  BpStep *step = core_test_add_card (document, lane, stage, x, 160);

  bp_step_set_text (step, text);
  bp_step_set_actor (step, actor);
  bp_step_set_notes (step, notes);
  return step;
}

/* Text, actor and notes all count; case and composition do not. */
static void
test_fields (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *step = card (document, CUSTOMER, ORIENT, 24, "Pays the Invoice", "Clerk", "Café line");

  g_assert_true (bp_find_step_matches (step, "invoice"));
  g_assert_true (bp_find_step_matches (step, "PAYS THE"));
  g_assert_true (bp_find_step_matches (step, "clerk"));
  g_assert_true (bp_find_step_matches (step, "café"));
  /* "e" and a combining acute accent: the same letter. */
  g_assert_true (bp_find_step_matches (step, "cafe\xcc\x81"));
  g_assert_false (bp_find_step_matches (step, "cafe line"));
  g_assert_false (bp_find_step_matches (step, "refund"));
  g_assert_false (bp_find_step_matches (step, ""));
  g_assert_false (bp_find_step_matches (step, NULL));
}

/* Matches come stage by stage, lane by lane, left to right, whatever
 * order the cards were added in. */
static void
test_reading_order (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  BpStep *late = card (document, CUSTOMER, USE, 24, "order one", "", "");
  BpStep *right = card (document, SUPPORT, ORIENT, 300, "", "order", "");
  BpStep *left = card (document, SUPPORT, ORIENT, 24, "", "", "order");
  BpStep *top = card (document, EVIDENCE, ORIENT, 400, "ORDER", "", "");
  g_autoptr(GPtrArray) found = NULL;

  card (document, FRONTSTAGE, ATTRACT, 24, "something else", "", "");

  found = bp_find_steps (document, "order");
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_true (found->pdata[0] == top);
  g_assert_true (found->pdata[1] == left);
  g_assert_true (found->pdata[2] == right);
  g_assert_true (found->pdata[3] == late);
}

static void
test_nothing (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  card (document, CUSTOMER, ORIENT, 24, "Pays", "", "");
  none = bp_find_steps (document, "refund");
  g_assert_cmpuint (none->len, ==, 0);
  empty = bp_find_steps (document, "");
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/find/fields", test_fields);
  g_test_add_func ("/find/reading-order", test_reading_order);
  g_test_add_func ("/find/nothing", test_nothing);

  return g_test_run ();
}
