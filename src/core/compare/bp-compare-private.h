/* bp-compare-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "compare/bp-compare.h"

G_BEGIN_DECLS

/* Which item of OLD is which of NEW, built by bp_compare_match() and read
 * by the field comparison; the comparison itself keeps it. */
typedef struct {
  BpDocument *old_document;
  BpDocument *new_document;
  GHashTable *new_for_old;  /* BpItem (OLD) → BpItem (NEW), both held */
  GHashTable *old_for_new;  /* the same, the other way round */
  GHashTable *by_text;      /* the OLD items paired by content: a set */
  guint       n_pairs[BP_COMPARE_N_LISTS];  /* pairs in each list */
} BpCompareMatch;

/* bp-compare-match.c: pairs the items of two documents, by id first, then
 * by content (see bp-compare.h). */
void            bp_compare_match_init     (BpCompareMatch  *match,
                                           BpDocument      *old_document,
                                           BpDocument      *new_document);
void            bp_compare_match_clear    (BpCompareMatch  *match);
BpItem         *bp_compare_match_new_for  (const BpCompareMatch *match,
                                           BpItem          *old_item);

/* bp-compare-fields.c: what differs between two paired items, filled into
 * @change (fields, other_keys and the step's details). */
void            bp_compare_diff_item      (const BpCompareMatch *match,
                                           BpCompareChange *change);
BpCompareField  bp_compare_diff_blueprint (BpDocument      *old_document,
                                           BpDocument      *new_document,
                                           char          ***other_keys);

/* bp-compare-text.c: the text a step is paired on: NFKC, case folded,
 * punctuation and runs of white space made one space, trimmed. */
char           *bp_compare_normalise      (const char      *text);
/* The similarity of two normalised texts, as bp_compare_text_similarity();
 * returns 0 early once it cannot reach @at_least. */
double          bp_compare_similarity_at_least (const char *a,
                                           const char      *b,
                                           double           at_least);

G_END_DECLS
