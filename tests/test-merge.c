/* test-merge.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The three-way merge, one rule at a time, then random edits. */

#include "config.h"

#include <string.h>

#include "bpj/bp-bpj.h"
#include "merge/bp-merge.h"

#define BASE_TEXT \
  "{\"format\": \"bpj\", \"version\": 1, \"title\": \"Loan\"," \
  " \"scenario\": {\"persona\": \"Customer\", \"goal\": \"Pay\"}," \
  " \"stages\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}, {\"id\": \"c\", \"name\": \"C\"}]," \
  " \"lanes\": [{\"id\": \"cust\", \"kind\": \"customer\"}, {\"id\": \"front\", \"kind\": \"frontstage\"}," \
  "             {\"id\": \"back\", \"kind\": \"backstage\"}]," \
  " \"steps\": [{\"id\": \"s1\", \"lane\": \"cust\", \"stage\": \"a\", \"x\": 0, \"text\": \"Opens the bank\"}," \
  "           {\"id\": \"s2\", \"lane\": \"front\", \"stage\": \"a\", \"x\": 0, \"text\": \"Posts the debit\"," \
  "            \"extra\": {\"deep\": {\"a\": 1, \"b\": 2}}}," \
  "           {\"id\": \"s3\", \"lane\": \"back\", \"stage\": \"b\", \"x\": 0, \"text\": \"Checks\"}]," \
  " \"flows\": [{\"id\": \"f1\", \"from\": \"s1\", \"to\": \"s2\"}]," \
  " \"dismissed\": [{\"check\": \"one\", \"item\": \"s1\"}, {\"check\": \"two\", \"item\": \"s2\"}]}"

static BpDocument *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_read (text, strlen (text), "test.bpj", &error);

  g_assert_no_error (error);
  return document;
}

static BpDocument *
base_copy (void)
{
  return read_text (BASE_TEXT);
}

static char *
text_of (BpDocument *document)
{
  return bp_bpj_write (document, NULL);
}

static BpDocument *
merge (BpDocument *base,
       BpDocument *ours,
       BpDocument *theirs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BpDocument *merged = bp_merge (base, ours, theirs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  /* Whatever the merge made reads back as a file. */
  text = text_of (merged);
  g_object_unref (read_text (text));
  return merged;
}

static BpStep *
step (BpDocument *document,
      const char *id)
{
  BpItem *item = bp_document_lookup (document, id);

  g_assert_true (item != NULL && BP_IS_STEP (item));
  return BP_STEP (item);
}

/* Inserts a new item, dropping our reference to it. */
static void
insert (BpDocument *document,
        gpointer    item,
        int         position)
{
  g_assert_true (bp_document_insert (document, item, position));
  g_object_unref (item);
}

static guint
n_conflicts (BpDocument *document)
{
  return bp_document_get_conflicts (document)->len;
}

static BpConflict *
conflict (BpDocument *document,
          guint       i)
{
  return g_ptr_array_index (bp_document_get_conflicts (document), i);
}

static void
assert_conflict (BpConflict *c,
                 const char *item,
                 const char *field)
{
  g_assert_cmpstr (bp_conflict_get_item (c), ==, item);
  g_assert_cmpstr (bp_conflict_get_field (c), ==, field);
}

static void
test_merge_identity (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) m1 = NULL;
  g_autoptr(BpDocument) m2 = NULL;
  g_autoptr(BpDocument) m3 = NULL;
  g_autofree char *ours_text = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

  bp_step_set_text (step (ours, "s1"), "Opens the app");
  bp_document_remove (ours, bp_document_lookup (ours, "s3"));
  bp_document_add_step (ours, "cust", "c", 10, "New");
  ours_text = text_of (ours);

  m1 = merge (base, ours, ours);
  m2 = merge (base, ours, base);
  m3 = merge (base, base, ours);
  t1 = text_of (m1);
  t2 = text_of (m2);
  t3 = text_of (m3);
  g_assert_cmpstr (t1, ==, ours_text);
  g_assert_cmpstr (t2, ==, ours_text);
  g_assert_cmpstr (t3, ==, ours_text);
}

/* Ours moved the card, theirs reworded it; each also changed one item the
 * other did not touch; both made one change alike. */
static void
test_merge_one_side_and_fields (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;

  bp_document_move_step (ours, step (ours, "s2"), "back", "b", 200);
  bp_step_set_text (step (theirs, "s2"), "Posts the debit at once");
  bp_step_set_actor (step (ours, "s1"), "Customer");
  bp_step_set_duration (step (theirs, "s3"), 60);
  bp_document_set_title (ours, "Loan payment");
  bp_document_set_title (theirs, "Loan payment");
  bp_document_add_step (theirs, "cust", "c", 0, "Added by them");

  merged = merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
  g_assert_cmpstr (bp_step_get_lane (step (merged, "s2")), ==, "back");
  g_assert_cmpfloat (bp_step_get_x (step (merged, "s2")), ==, 200);
  g_assert_cmpstr (bp_step_get_text (step (merged, "s2")), ==, "Posts the debit at once");
  g_assert_cmpstr (bp_step_get_actor (step (merged, "s1")), ==, "Customer");
  g_assert_cmpfloat (bp_step_get_duration (step (merged, "s3")), ==, 60);
  g_assert_cmpstr (bp_document_get_title (merged), ==, "Loan payment");
  g_assert_cmpuint (bp_document_get_n_steps (merged), ==, 4);
}

static void
test_merge_same_field (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  BpConflict *c;

  bp_step_set_text (step (ours, "s2"), "Mine");
  bp_step_set_text (step (theirs, "s2"), "Theirs");

  merged = merge (base, ours, theirs);
  g_assert_cmpstr (bp_step_get_text (step (merged, "s2")), ==, "Mine");
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  c = conflict (merged, 0);
  assert_conflict (c, "s2", "text");
  g_assert_cmpstr (json_node_get_string (bp_conflict_get_ours (c)), ==, "Mine");
  g_assert_cmpstr (json_node_get_string (bp_conflict_get_theirs (c)), ==, "Theirs");
}

static void
test_merge_removed_and_changed (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  BpConflict *c;

  bp_document_remove (ours, bp_document_lookup (ours, "s3"));
  bp_step_set_text (step (theirs, "s3"), "Checks twice");
  /* Removed on one side, untouched on the other: gone. */
  bp_document_remove (theirs, bp_document_lookup (theirs, "s1"));

  merged = merge (base, ours, theirs);
  g_assert_null (bp_document_lookup (merged, "s1"));
  g_assert_null (bp_document_lookup (merged, "f1"));
  g_assert_cmpstr (bp_step_get_text (step (merged, "s3")), ==, "Checks twice");
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  c = conflict (merged, 0);
  assert_conflict (c, "s3", "exists");
  g_assert_null (bp_conflict_get_ours (c));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bp_conflict_get_theirs (c)), "text"),
                   ==, "Checks twice");
}

/* Theirs drew a flow to the step ours removed. */
static void
test_merge_flow_to_removed_step (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  BpFlow *flow;
  BpConflict *c;

  bp_document_remove (ours, bp_document_lookup (ours, "s2"));
  flow = bp_document_add_flow (theirs, "s2", "s3");

  merged = merge (base, ours, theirs);
  /* f1 went with s2 in ours, untouched by theirs: gone. */
  g_assert_null (bp_document_lookup (merged, "f1"));
  g_assert_nonnull (bp_document_lookup (merged, bp_item_get_id (BP_ITEM (flow))));
  g_assert_cmpstr (bp_step_get_text (step (merged, "s2")), ==, "Posts the debit");
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  c = conflict (merged, 0);
  assert_conflict (c, bp_item_get_id (BP_ITEM (flow)), "exists");
  g_assert_null (bp_conflict_get_ours (c));
  g_assert_nonnull (bp_conflict_get_theirs (c));
}

/* Ours removed a lane; theirs moved a card into it. */
static void
test_merge_lane_kept_for_card (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  BpConflict *c;

  bp_document_remove (ours, bp_document_lookup (ours, "back"));
  bp_document_move_step (theirs, step (theirs, "s1"), "back", "a", 0);

  merged = merge (base, ours, theirs);
  g_assert_nonnull (bp_document_lookup (merged, "back"));
  g_assert_cmpstr (bp_step_get_lane (step (merged, "s1")), ==, "back");
  /* s3 went with the lane in ours and theirs left it alone. */
  g_assert_null (bp_document_lookup (merged, "s3"));
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  c = conflict (merged, 0);
  assert_conflict (c, "back", "exists");
  g_assert_null (bp_conflict_get_ours (c));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bp_conflict_get_theirs (c)), "kind"),
                   ==, "backstage");
}

static void
assert_stage_order (BpDocument *document,
                    const char *expected)
{
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < bp_document_get_n_stages (document); i++)
    g_string_append (order, bp_item_get_id (BP_ITEM (bp_document_get_stage (document, i))));
  g_assert_cmpstr (order->str, ==, expected);
}

static void
test_merge_order (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  g_autoptr(BpDocument) both = NULL;
  BpConflict *c;

  /* Theirs reordered, ours added a stage after "a": theirs' order, ours'
   * stage after "a". */
  bp_document_reorder (theirs, bp_document_lookup (theirs, "c"), 0);
  insert (ours, bp_stage_new ("n"), 1);
  merged = merge (base, ours, theirs);
  assert_stage_order (merged, "canb");
  g_assert_cmpuint (n_conflicts (merged), ==, 0);

  /* Both reordered differently: ours wins, one conflict. */
  bp_document_reorder (ours, bp_document_lookup (ours, "b"), 0);
  both = merge (base, ours, theirs);
  assert_stage_order (both, "banc");
  g_assert_cmpuint (n_conflicts (both), ==, 1);
  c = conflict (both, 0);
  assert_conflict (c, NULL, "stages");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (bp_conflict_get_theirs (c))), ==, 3);
}

static JsonNode *
parse (const char *json)
{
  return json_from_string (json, NULL);
}

/* An unknown key's value is one whole: changes inside it on both sides
 * clash even when they touch different members. */
static void
test_merge_unknown_keys (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  g_autoptr(JsonObject) ours_extras = json_object_new ();
  g_autoptr(JsonObject) theirs_extras = json_object_new ();
  g_autoptr(JsonObject) top = json_object_new ();

  json_object_set_member (ours_extras, "extra", parse ("{\"deep\": {\"a\": 5, \"b\": 2}}"));
  json_object_set_member (theirs_extras, "extra", parse ("{\"deep\": {\"a\": 1, \"b\": 7}}"));
  bp_item_set_extras (BP_ITEM (step (ours, "s2")), ours_extras);
  bp_item_set_extras (BP_ITEM (step (theirs, "s2")), theirs_extras);
  json_object_set_string_member (top, "reviewer", "Ana");
  bp_document_set_extras (theirs, top);

  merged = merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  assert_conflict (conflict (merged, 0), "s2", "extra");
  g_assert_true (json_node_equal (json_object_get_member (bp_item_get_extras (BP_ITEM (step (merged, "s2"))), "extra"),
                                  json_object_get_member (ours_extras, "extra")));
  g_assert_cmpstr (json_object_get_string_member (bp_document_get_extras (merged), "reviewer"), ==, "Ana");
}

static gboolean
has_dismissal (BpDocument *document,
               const char *check,
               const char *item)
{
  return bp_document_is_dismissed (document, check, item);
}

static void
test_merge_dismissed (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;

  bp_document_set_dismissed (ours, "one", "s1", FALSE);
  bp_document_set_dismissed (ours, "three", "s3", TRUE);
  bp_document_set_dismissed (theirs, "four", "s1", TRUE);
  bp_document_set_dismissed (theirs, "three", "s3", TRUE);

  merged = merge (base, ours, theirs);
  g_assert_false (has_dismissal (merged, "one", "s1"));
  g_assert_true (has_dismissal (merged, "two", "s2"));
  g_assert_true (has_dismissal (merged, "three", "s3"));
  g_assert_true (has_dismissal (merged, "four", "s1"));
  g_assert_cmpuint (bp_document_get_dismissals (merged)->len, ==, 3);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
}

/* The same id added on both sides, and git's add/add with no base. */
static void
test_merge_added_both (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  g_autoptr(BpDocument) no_base = NULL;

  insert (ours, bp_step_new ("new", "cust", "c", 10), -1);
  insert (theirs, bp_step_new ("new", "cust", "c", 10), -1);
  insert (ours, bp_step_new ("n2", "cust", "c", 300), -1);
  insert (theirs, bp_step_new ("n2", "front", "c", 300), -1);
  bp_step_set_text (step (theirs, "n2"), "Theirs");

  merged = merge (base, ours, theirs);
  g_assert_nonnull (bp_document_lookup (merged, "new"));
  g_assert_cmpstr (bp_step_get_lane (step (merged, "n2")), ==, "cust");
  g_assert_cmpuint (n_conflicts (merged), ==, 2);
  assert_conflict (conflict (merged, 0), "n2", "lane");
  assert_conflict (conflict (merged, 1), "n2", "text");
  g_assert_null (bp_conflict_get_ours (conflict (merged, 1)));

  /* No base: only what differs is in conflict, once per key. */
  no_base = merge (NULL, ours, theirs);
  g_assert_cmpuint (n_conflicts (no_base), ==, 2);
  g_assert_cmpuint (bp_document_get_n_steps (no_base), ==, 5);
}

/* One id given to a step on our side and to a stage on theirs. */
static void
test_merge_id_of_two_kinds (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;
  BpConflict *c;

  insert (ours, bp_step_new ("x", "cust", "c", 10), -1);
  insert (theirs, bp_stage_new ("x"), -1);
  merged = merge (base, ours, theirs);
  g_assert_true (BP_IS_STEP (bp_document_lookup (merged, "x")));
  g_assert_cmpuint (bp_document_get_n_stages (merged), ==, 3);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  c = conflict (merged, 0);
  assert_conflict (c, "x", "exists");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bp_conflict_get_ours (c)), "lane"),
                   ==, "cust");
  g_assert_false (json_object_has_member (json_node_get_object (bp_conflict_get_theirs (c)), "lane"));
}

/* Each side removed the stage the other kept... */
static void
test_merge_keeps_one_stage (void)
{
  const char *text = "{\"format\": \"bpj\", \"version\": 1,"
                     " \"stages\": [{\"id\": \"a\"}, {\"id\": \"b\"}],"
                     " \"lanes\": [{\"id\": \"l\", \"kind\": \"customer\"}]}";
  g_autoptr(BpDocument) base = read_text (text);
  g_autoptr(BpDocument) ours = read_text (text);
  g_autoptr(BpDocument) theirs = read_text (text);
  g_autoptr(BpDocument) merged = NULL;

  bp_document_remove (ours, bp_document_lookup (ours, "a"));
  bp_document_remove (theirs, bp_document_lookup (theirs, "b"));
  merged = merge (base, ours, theirs);
  g_assert_cmpuint (bp_document_get_n_stages (merged), ==, 1);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  assert_conflict (conflict (merged, 0), "b", "exists");
}

/* ...and a lane whose kind changed while the other side reordered. */
static void
test_merge_lane_zones (void)
{
  g_autoptr(BpDocument) base = base_copy ();
  g_autoptr(BpDocument) ours = base_copy ();
  g_autoptr(BpDocument) theirs = base_copy ();
  g_autoptr(BpDocument) merged = NULL;

  bp_lane_set_kind (BP_LANE (bp_document_lookup (ours, "cust")), BP_LANE_KIND_SUPPORT);
  bp_document_add_lane (theirs, BP_LANE_KIND_EVIDENCE, "Evidence");
  merged = merge (base, ours, theirs);
  g_assert_cmpuint (bp_document_get_n_lanes (merged), ==, 4);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_lane (merged, 3))), ==, "cust");
}

/* Random edits */

typedef enum { EDIT_TEXT, EDIT_X, EDIT_REMOVE, EDIT_ADD, N_EDITS } EditKind;

typedef struct {
  EditKind kind;
  char    *id;     /* the step edited, or the one added */
  char    *text;
  double   x;
} Edit;

static void
edit_free (Edit *edit)
{
  g_free (edit->id);
  g_free (edit->text);
  g_free (edit);
}

static BpDocument *
random_base (GRand *rand)
{
  g_autoptr(BpDocument) document = base_copy ();

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Card %u", i);
      const char *lanes[] = { "cust", "front", "back" };
      const char *stages[] = { "a", "b", "c" };

      bp_document_add_step (document, lanes[g_rand_int_range (rand, 0, 3)],
                            stages[g_rand_int_range (rand, 0, 3)], i * 10, text);
    }
  /* Without flows, removing a step touches nothing else. */
  while (bp_document_get_n_flows (document) > 0)
    bp_document_remove (document, BP_ITEM (bp_document_get_flow (document, 0)));
  return g_steal_pointer (&document);
}

/* Applies random edits to @document, each to a distinct step. */
static GPtrArray *
random_edits (BpDocument *document,
              GRand      *rand,
              const char *side)
{
  GPtrArray *edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  guint n = bp_document_get_n_steps (document);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 12; i++)
    {
      Edit *edit = g_new0 (Edit, 1);
      BpStep *target = bp_document_get_step (document, g_rand_int_range (rand, 0, n));

      edit->kind = g_rand_int_range (rand, 0, N_EDITS);
      edit->id = g_strdup (bp_item_get_id (BP_ITEM (target)));
      if (edit->kind != EDIT_ADD && !g_hash_table_add (used, g_strdup (edit->id)))
        {
          edit_free (edit);
          continue;
        }
      switch (edit->kind)
        {
        case EDIT_TEXT:
          edit->text = g_strdup_printf ("%s %u", side, g_rand_int (rand));
          bp_step_set_text (target, edit->text);
          break;
        case EDIT_X:
          edit->x = g_rand_int_range (rand, 1000, 2000);
          bp_step_set_x (target, edit->x);
          break;
        case EDIT_REMOVE:
          bp_document_remove (document, BP_ITEM (target));
          n--;
          break;
        case EDIT_ADD:
        case N_EDITS:
        default:
          g_free (edit->id);
          edit->id = g_strdup_printf ("%s%u", side, i);
          insert (document, bp_step_new (edit->id, "cust", "a", 0), -1);
          break;
        }
      g_ptr_array_add (edits, edit);
    }
  return edits;
}

static Edit *
find_edit (GPtrArray  *edits,
           const char *id)
{
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (edits, i);

      if (strcmp (edit->id, id) == 0)
        return edit;
    }
  return NULL;
}

/* Two edits of one step clash unless they are alike or touch different
 * fields: removing it on both sides is alike, removing it against a
 * change is not. */
static gboolean
edits_clash (Edit *a,
             Edit *b)
{
  if (b == NULL)
    return FALSE;
  if (a->kind == EDIT_REMOVE || b->kind == EDIT_REMOVE)
    return a->kind != b->kind;
  return a->kind == b->kind && (g_strcmp0 (a->text, b->text) != 0 || a->x != b->x);
}

static gboolean
has_conflict (BpDocument *document,
              const char *item,
              const char *field)
{
  GPtrArray *conflicts = bp_document_get_conflicts (document);

  for (guint i = 0; i < conflicts->len; i++)
    if (g_strcmp0 (bp_conflict_get_item (g_ptr_array_index (conflicts, i)), item) == 0 &&
        strcmp (bp_conflict_get_field (g_ptr_array_index (conflicts, i)), field) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the edit shows in the merge, or was reported as a clash with
 * @other (the other side's edit of the same step, or NULL). */
static void
assert_edit_merged (BpDocument *merged,
                    Edit       *edit,
                    Edit       *other)
{
  static const char * const fields[] = { "text", "x" };
  BpItem *item = bp_document_lookup (merged, edit->id);

  if (edits_clash (edit, other) && (edit->kind == EDIT_REMOVE || other->kind == EDIT_REMOVE))
    {
      /* Removed against changed: kept, and "exists" is in conflict. */
      g_assert_nonnull (item);
      g_assert_true (has_conflict (merged, edit->id, "exists"));
      return;
    }
  if (edits_clash (edit, other))
    {
      g_assert_true (has_conflict (merged, edit->id, fields[edit->kind]));
      return;
    }

  switch (edit->kind)
    {
    case EDIT_TEXT:
      g_assert_cmpstr (bp_step_get_text (BP_STEP (item)), ==, edit->text);
      break;
    case EDIT_X:
      g_assert_cmpfloat (bp_step_get_x (BP_STEP (item)), ==, edit->x);
      break;
    case EDIT_REMOVE:
      g_assert_null (item);
      break;
    case EDIT_ADD:
    case N_EDITS:
    default:
      g_assert_nonnull (item);
      break;
    }
}

static void
test_merge_random (void)
{
  for (guint32 seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BpDocument) base = random_base (rand);
      g_autofree char *base_text = text_of (base);
      g_autoptr(BpDocument) ours = read_text (base_text);
      g_autoptr(BpDocument) theirs = read_text (base_text);
      g_autoptr(GPtrArray) ours_edits = random_edits (ours, rand, "ours");
      g_autoptr(GPtrArray) theirs_edits = random_edits (theirs, rand, "theirs");
      g_autoptr(BpDocument) merged = merge (base, ours, theirs);
      guint clashes = 0;

      for (guint i = 0; i < ours_edits->len; i++)
        {
          Edit *edit = g_ptr_array_index (ours_edits, i);
          Edit *other = find_edit (theirs_edits, edit->id);

          assert_edit_merged (merged, edit, other);
          if (edits_clash (edit, other))
            clashes++;
        }
      for (guint i = 0; i < theirs_edits->len; i++)
        {
          Edit *edit = g_ptr_array_index (theirs_edits, i);

          assert_edit_merged (merged, edit, find_edit (ours_edits, edit->id));
        }
      /* Every clash reported, and nothing else. */
      g_assert_cmpuint (n_conflicts (merged), ==, clashes);
    }
}

/* Any edit at all, to stages, lanes, steps and flows: whatever two sides
 * do, the merge reads back as a valid blueprint, and merging a side with
 * itself or with the base gives that side. */
static void
random_structure_edit (BpDocument *document,
                       GRand      *rand)
{
  guint n_steps = bp_document_get_n_steps (document);
  guint n_lanes = bp_document_get_n_lanes (document);
  guint n_stages = bp_document_get_n_stages (document);
  BpStep *some_step = n_steps > 0 ? bp_document_get_step (document, g_rand_int_range (rand, 0, n_steps)) : NULL;
  BpLane *some_lane = bp_document_get_lane (document, g_rand_int_range (rand, 0, n_lanes));
  BpStage *some_stage = bp_document_get_stage (document, g_rand_int_range (rand, 0, n_stages));

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      if (n_lanes > 1)
        bp_document_remove (document, BP_ITEM (some_lane));
      break;
    case 1:
      if (n_stages > 1)
        bp_document_remove (document, BP_ITEM (some_stage));
      break;
    case 2:
      if (some_step != NULL)
        bp_document_move_step (document, some_step, bp_item_get_id (BP_ITEM (some_lane)),
                               bp_item_get_id (BP_ITEM (some_stage)), g_rand_int_range (rand, 0, 500));
      break;
    case 3:
      if (n_steps > 1)
        {
          BpStep *other = bp_document_get_step (document, g_rand_int_range (rand, 0, n_steps));

          if (other != some_step)
            bp_document_add_flow (document, bp_item_get_id (BP_ITEM (some_step)),
                                  bp_item_get_id (BP_ITEM (other)));
        }
      break;
    case 4:
      if (bp_document_get_n_flows (document) > 0)
        bp_document_remove (document, BP_ITEM (bp_document_get_flow (document, 0)));
      break;
    case 5:
      bp_document_reorder (document, BP_ITEM (some_stage), g_rand_int_range (rand, 0, n_stages));
      break;
    case 6:
      bp_lane_set_kind (some_lane, g_rand_int_range (rand, 0, 5));
      break;
    case 7:
      if (some_step != NULL)
        bp_document_remove (document, BP_ITEM (some_step));
      break;
    default:
      bp_document_add_stage (document, "New", g_rand_int_range (rand, 0, n_stages + 1));
      break;
    }
}

static void
test_merge_random_structure (void)
{
  guint exists_conflicts = 0;

  for (guint32 seed = 1; seed <= 150; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BpDocument) base = random_base (rand);
      g_autofree char *base_text = NULL;
      g_autoptr(BpDocument) ours = NULL;
      g_autoptr(BpDocument) theirs = NULL;
      g_autoptr(BpDocument) merged = NULL;
      g_autoptr(BpDocument) with_base = NULL;
      g_autofree char *theirs_text = NULL;
      g_autofree char *with_base_text = NULL;

      for (guint i = 0; i < 30; i++)
        random_structure_edit (base, rand);
      base_text = text_of (base);
      ours = read_text (base_text);
      theirs = read_text (base_text);
      for (guint i = 0; i < 8; i++)
        {
          random_structure_edit (ours, rand);
          random_structure_edit (theirs, rand);
        }

      /* merge() itself checks that the result reads back. */
      merged = merge (base, ours, theirs);
      for (guint i = 0; i < n_conflicts (merged); i++)
        exists_conflicts += strcmp (bp_conflict_get_field (conflict (merged, i)), "exists") == 0;
      g_clear_object (&merged);
      merged = merge (NULL, ours, theirs);
      with_base = merge (base, base, theirs);
      theirs_text = text_of (theirs);
      with_base_text = text_of (with_base);
      g_assert_cmpstr (with_base_text, ==, theirs_text);
    }
  /* The edits did reach the cases where an item is kept for another. */
  g_test_message ("%u conflicts on exists", exists_conflicts);
  g_assert_cmpuint (exists_conflicts, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/identity", test_merge_identity);
  g_test_add_func ("/merge/one-side-and-fields", test_merge_one_side_and_fields);
  g_test_add_func ("/merge/same-field", test_merge_same_field);
  g_test_add_func ("/merge/removed-and-changed", test_merge_removed_and_changed);
  g_test_add_func ("/merge/flow-to-removed-step", test_merge_flow_to_removed_step);
  g_test_add_func ("/merge/lane-kept-for-card", test_merge_lane_kept_for_card);
  g_test_add_func ("/merge/order", test_merge_order);
  g_test_add_func ("/merge/unknown-keys", test_merge_unknown_keys);
  g_test_add_func ("/merge/dismissed", test_merge_dismissed);
  g_test_add_func ("/merge/added-both", test_merge_added_both);
  g_test_add_func ("/merge/id-of-two-kinds", test_merge_id_of_two_kinds);
  g_test_add_func ("/merge/keeps-one-stage", test_merge_keeps_one_stage);
  g_test_add_func ("/merge/lane-zones", test_merge_lane_zones);
  g_test_add_func ("/merge/random", test_merge_random);
  g_test_add_func ("/merge/random-structure", test_merge_random_structure);

  return g_test_run ();
}
