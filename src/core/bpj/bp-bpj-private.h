/* bp-bpj-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bpj/bp-bpj.h"

G_BEGIN_DECLS

/* Reading goes in four steps, each of which may refuse the data:
 *
 *  1. size and UTF-8 of the whole input (bp-bpj-scan.c);
 *  2. a strict RFC 8259 scan that never recurses: syntax with line and
 *     column, nesting depth, list lengths, numbers json-glib would read
 *     wrongly, and duplicate keys, as json-glib keeps only the last one
 *     (bp-bpj-scan.c);
 *  3. json-glib builds the tree, which is now known to be safe for it;
 *  4. the format's rules, checked on the tree with JSON paths
 *     (bp-bpj-rules.c).
 *
 * The same steps serve bp_bpj_read() (stop at the first problem) and
 * bp_bpj_check() (collect them all), in bp-bpj-read.c; what they find is
 * kept in a BpBpjProblems (bp-bpj-problems.c). Only a file with no
 * problem at all is turned into a document.
 */

/* The problems found so far (bp-bpj-problems.c): a list that ignores
 * what is added once it holds the most it may. */

typedef struct _BpBpjProblems BpBpjProblems;

BpBpjProblems    *bp_bpj_problems_new       (guint          max);
void              bp_bpj_problems_free      (BpBpjProblems *problems);
/* Frees @problems; returns their texts ("WHERE: RULE"), in order. */
GPtrArray        *bp_bpj_problems_free_to_texts (BpBpjProblems *problems);
guint             bp_bpj_problems_get_count (BpBpjProblems *problems);
gboolean          bp_bpj_problems_full      (BpBpjProblems *problems);
void              bp_bpj_problems_add       (BpBpjProblems *problems,
                                             BpBpjError     code,
                                             const char    *where,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (4, 5);
/* Sets @error from the first problem, prefixed by @display_name. */
void              bp_bpj_problems_set_error (BpBpjProblems *problems,
                                             const char    *display_name,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpBpjProblems, bp_bpj_problems_free)

/* The format page's tables (bp-bpj-format.c) */

typedef enum {
  BP_BPJ_KIND_STAGE,
  BP_BPJ_KIND_LANE,
  BP_BPJ_KIND_STEP,
  BP_BPJ_KIND_FLOW,
  BP_BPJ_N_KINDS
} BpBpjKind;

typedef enum {
  BP_BPJ_FIELD_ID,
  BP_BPJ_FIELD_STRING,
  BP_BPJ_FIELD_NUMBER,
  BP_BPJ_FIELD_COLOR,
  BP_BPJ_FIELD_LANE_KIND,
  BP_BPJ_FIELD_FLAGS,
  BP_BPJ_FIELD_LANE_REF,
  BP_BPJ_FIELD_STAGE_REF,
  BP_BPJ_FIELD_STEP_REF,
  BP_BPJ_FIELD_FLOW_KIND,
  BP_BPJ_FIELD_CHECK_NAME,  /* a check's stable name */
  BP_BPJ_FIELD_ITEM_NAME,   /* an id that may name nothing in the file */
  BP_BPJ_FIELD_ITEM_OR_NULL,
  BP_BPJ_FIELD_ANY,         /* any JSON value */
} BpBpjFieldType;

typedef struct
{
  const char     *key;
  BpBpjFieldType  type;
  gboolean        required;
  double          min;       /* the range of a number */
  double          max;
} BpBpjField;

/* The known keys of one kind of object, in the format page's order, which
 * is also the write order. */
typedef struct
{
  const char       *key;  /* the member that holds them; NULL at the top */
  const BpBpjField *fields;
  guint             n_fields;
} BpBpjSpec;

extern const BpBpjSpec bp_bpj_item_specs[BP_BPJ_N_KINDS];
extern const BpBpjSpec bp_bpj_scenario_spec;
extern const BpBpjSpec bp_bpj_top_spec;
extern const BpBpjSpec bp_bpj_dismissal_spec;
extern const BpBpjSpec bp_bpj_conflict_spec;

const BpBpjField *bp_bpj_find_field      (const BpBpjSpec *spec,
                                          const char      *key);

/* How strings and numbers are spelled (bp-bpj-format.c) */

void              bp_bpj_append_string   (GString       *out,
                                          const char    *str);
void              bp_bpj_append_number   (GString       *out,
                                          double         value);
void              bp_bpj_format_number   (char           buffer[G_ASCII_DTOSTR_BUF_SIZE],
                                          double         value);
char             *bp_bpj_quote_value     (const char    *str);

/* Steps 1 and 2 (bp-bpj-scan.c); each adds what it finds to @problems */

gboolean          bp_bpj_check_bytes     (const char    *data,
                                          gsize          length,
                                          BpBpjProblems *problems);
gboolean          bp_bpj_scan            (const char    *data,
                                          gsize          length,
                                          BpBpjProblems *problems);

/* Step 4 (bp-bpj-rules.c) */

void              bp_bpj_check_rules     (JsonNode      *root,
                                          BpBpjProblems *problems);

G_END_DECLS
