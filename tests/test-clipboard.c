/* test-clipboard.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bpj/bp-bpj.h"
#include "core-test-utils.h"
#include "edit/bp-clipboard.h"
#include "history/bp-history.h"

/* A standard blueprint (lanes: evidence, customer, frontstage, backstage,
 * support; stages Attract, Orient, Use, Retain, Maintain) with cards a
 * (customer, Attract), b (frontstage, Orient) and c (backstage, Use), an
 * arrow a → b and one b → c, an empty history, and a and b selected. */
typedef struct {
  BpDocument  *document;
  BpHistory   *history;
  BpSelection *selection;
  BpStep      *a;
  BpStep      *b;
  BpStep      *c;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = bp_document_new_standard ();
  f->history = bp_document_get_history (f->document);
  f->a = core_test_add_card (f->document, 1, 0, 20, 120);
  f->b = core_test_add_card (f->document, 2, 1, 40, 160);
  f->c = core_test_add_card (f->document, 3, 2, 20, 120);
  bp_step_set_text (f->a, "Opens the app");
  bp_step_set_text (f->b, "Greets\nthe customer");
  bp_step_set_actor (f->b, "Host");
  bp_step_set_flags (f->b, BP_STEP_FLAG_PAIN_POINT);
  bp_document_add_flow (f->document, bp_item_get_id (BP_ITEM (f->a)), bp_item_get_id (BP_ITEM (f->b)));
  bp_document_add_flow (f->document, bp_item_get_id (BP_ITEM (f->b)), bp_item_get_id (BP_ITEM (f->c)));
  bp_history_clear (f->history);
  f->selection = bp_selection_new (f->document);
  bp_selection_add (f->selection, BP_ITEM (f->a));
  bp_selection_add (f->selection, BP_ITEM (f->b));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->selection);
  g_clear_object (&f->document);
}

static char *
text_of (BpDocument *document)
{
  return bp_bpj_write (document, NULL);
}

static char *
copy_selection (Fixture *f,
                gsize   *length)
{
  g_autoptr(GError) error = NULL;
  char *payload = bp_clipboard_copy (f->document, f->selection, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payload);
  return payload;
}

/* The selected card of @selection whose text is @text. */
static BpStep *
selected_step (BpSelection *selection,
               const char  *text)
{
  g_autoptr(GPtrArray) steps = bp_selection_get_items (selection, BP_TYPE_STEP);

  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (bp_step_get_text (g_ptr_array_index (steps, i)), text))
      return g_ptr_array_index (steps, i);
  g_assert_not_reached ();
  return NULL;
}

/* The flow from @from to @to, or NULL. */
static BpFlow *
find_flow (BpDocument *document,
           BpStep     *from,
           BpStep     *to)
{
  for (guint i = 0; i < bp_document_get_n_flows (document); i++)
    {
      BpFlow *flow = bp_document_get_flow (document, i);

      if (g_str_equal (bp_flow_get_from (flow), bp_item_get_id (BP_ITEM (from))) &&
          g_str_equal (bp_flow_get_to (flow), bp_item_get_id (BP_ITEM (to))))
        return flow;
    }
  return NULL;
}

static void
assert_one_step_undoes (BpDocument *document,
                        const char *before,
                        const char *label)
{
  BpHistory *history = bp_document_get_history (document);
  g_autofree char *after = text_of (document);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpuint (bp_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (bp_history_get_undo_label (history), ==, label);
  g_assert_true (bp_history_undo (history));
  undone = text_of (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (bp_history_redo (history));
  redone = text_of (document);
  g_assert_cmpstr (redone, ==, after);
}

/* The payload is a .bpj document of the two cards, their flow, and the
 * lanes and stages they sit in. */
static void
test_payload (Fixture       *f,
              gconstpointer  data)
{
  gsize length;
  g_autofree char *payload = copy_selection (f, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) fragment = bp_bpj_read (payload, length, "payload", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (payload));
  g_assert_cmpuint (bp_document_get_n_steps (fragment), ==, 2);
  g_assert_cmpuint (bp_document_get_n_flows (fragment), ==, 1);
  g_assert_cmpuint (bp_document_get_n_lanes (fragment), ==, 2);
  g_assert_cmpuint (bp_document_get_n_stages (fragment), ==, 2);
  g_assert_nonnull (bp_document_lookup (fragment, bp_item_get_id (BP_ITEM (f->a))));
  g_assert_null (bp_document_lookup (fragment, bp_item_get_id (BP_ITEM (f->c))));
  g_assert_nonnull (strstr (payload, "\"position\": 1"));
  g_assert_nonnull (strstr (payload, "\"kind\": \"frontstage\""));
}

static void
test_copy_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = bp_clipboard_copy_text (f->document, f->selection);
  g_autoptr(GError) error = NULL;
  char *none;

  g_assert_cmpstr (text, ==, "Opens the app\nGreets the customer\n");

  bp_selection_clear (f->selection);
  none = bp_clipboard_copy (f->document, f->selection, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY);
  g_assert_null (bp_clipboard_copy_text (f->document, f->selection));
}

/* Without a point, pasted cards land beside the originals, in their
 * lanes and stages, with new ids and their flow between them. */
static void
test_paste_beside (Fixture       *f,
                   gconstpointer  data)
{
  gsize length;
  g_autofree char *payload = copy_selection (f, &length);
  g_autofree char *before = text_of (f->document);
  g_autoptr(GError) error = NULL;
  BpStep *a2, *b2;
  BpFlow *flow;

  g_assert_true (bp_edit_paste (f->document, f->selection, payload, length, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 5);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 3);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, 2);
  a2 = selected_step (f->selection, "Opens the app");
  b2 = selected_step (f->selection, "Greets\nthe customer");
  g_assert_true (a2 != f->a && b2 != f->b);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (a2)), !=, bp_item_get_id (BP_ITEM (f->a)));
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (b2)), !=, bp_item_get_id (BP_ITEM (f->b)));
  g_assert_cmpstr (bp_step_get_lane (a2), ==, bp_step_get_lane (f->a));
  g_assert_cmpstr (bp_step_get_stage (b2), ==, bp_step_get_stage (f->b));
  g_assert_cmpstr (bp_step_get_actor (b2), ==, "Host");
  g_assert_cmpint (bp_step_get_flags (b2), ==, BP_STEP_FLAG_PAIN_POINT);
  g_assert_cmpfloat (bp_step_get_width (b2), ==, 160);
  /* Past both: from x 20 to 40 + 160, and a gap of 24. */
  g_assert_cmpfloat (bp_step_get_x (a2), ==, 20 + 180 + 24);
  g_assert_cmpfloat (bp_step_get_x (b2), ==, 40 + 180 + 24);

  flow = find_flow (f->document, a2, b2);
  g_assert_nonnull (flow);
  g_assert_null (find_flow (f->document, b2, f->c));
  g_assert_nonnull (find_flow (f->document, f->a, f->b));

  assert_one_step_undoes (f->document, before, "Paste Cards");
}

/* At a point, the first card lands there and the others keep their
 * place relative to it, in lanes and stages. */
static void
test_paste_at_point (Fixture       *f,
                     gconstpointer  data)
{
  gsize length;
  g_autofree char *payload = copy_selection (f, &length);
  g_autofree char *before = text_of (f->document);
  BpPastePoint point = {
    core_test_lane_id (f->document, 2), core_test_stage_id (f->document, 2), 100,
  };
  BpStep *a2, *b2;

  g_assert_true (bp_edit_paste (f->document, f->selection, payload, length, &point, NULL));

  a2 = selected_step (f->selection, "Opens the app");
  b2 = selected_step (f->selection, "Greets\nthe customer");
  g_assert_cmpstr (bp_step_get_lane (a2), ==, core_test_lane_id (f->document, 2));
  g_assert_cmpstr (bp_step_get_stage (a2), ==, core_test_stage_id (f->document, 2));
  g_assert_cmpfloat (bp_step_get_x (a2), ==, 100);
  g_assert_cmpstr (bp_step_get_lane (b2), ==, core_test_lane_id (f->document, 3));
  g_assert_cmpstr (bp_step_get_stage (b2), ==, core_test_stage_id (f->document, 3));
  g_assert_cmpfloat (bp_step_get_x (b2), ==, 120);
  g_assert_nonnull (find_flow (f->document, a2, b2));

  /* Near the bottom right, the cards stay inside the blueprint. */
  point.lane_id = core_test_lane_id (f->document, 4);
  point.stage_id = core_test_stage_id (f->document, 4);
  g_assert_true (bp_edit_paste (f->document, f->selection, payload, length, &point, NULL));
  b2 = selected_step (f->selection, "Greets\nthe customer");
  g_assert_cmpstr (bp_step_get_lane (b2), ==, core_test_lane_id (f->document, 4));
  g_assert_cmpstr (bp_step_get_stage (b2), ==, core_test_stage_id (f->document, 4));

  g_assert_true (bp_history_undo (f->history));
  g_assert_true (bp_history_undo (f->history));
  {
    g_autofree char *undone = text_of (f->document);
    g_assert_cmpstr (undone, ==, before);
  }
}

/* Another blueprint: a lane of the same id, else of the same zone, else
 * of the nearest zone; stages by id, else by position. */
static void
test_paste_other_document (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BpDocument) other = bp_document_new ();
  g_autoptr(BpSelection) selection = bp_selection_new (other);
  g_autoptr(BpLane) customer = bp_lane_new ("buyer", BP_LANE_KIND_CUSTOMER);
  g_autoptr(BpLane) support = bp_lane_new ("it", BP_LANE_KIND_SUPPORT);
  g_autoptr(BpLane) same = NULL;
  g_autoptr(BpStage) only = bp_stage_new ("only");
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *before = NULL;
  gsize length;
  BpStep *a2, *b2, *c2;

  bp_selection_add (f->selection, BP_ITEM (f->c));
  payload = copy_selection (f, &length);

  /* c's lane id exists there, as a lane of another zone. */
  same = bp_lane_new (bp_step_get_lane (f->c), BP_LANE_KIND_SUPPORT);
  g_assert_true (bp_document_insert (other, BP_ITEM (customer), -1));
  g_assert_true (bp_document_insert (other, BP_ITEM (support), -1));
  g_assert_true (bp_document_insert (other, BP_ITEM (same), -1));
  g_assert_true (bp_document_insert (other, BP_ITEM (only), -1));
  bp_history_clear (bp_document_get_history (other));
  before = text_of (other);

  g_assert_true (bp_edit_paste (other, selection, payload, length, NULL, &error));
  g_assert_no_error (error);

  a2 = selected_step (selection, "Opens the app");
  b2 = selected_step (selection, "Greets\nthe customer");
  c2 = selected_step (selection, "Card");
  g_assert_cmpstr (bp_step_get_lane (a2), ==, "buyer");
  /* No frontstage lane: the customer zone is as near and above. */
  g_assert_cmpstr (bp_step_get_lane (b2), ==, "buyer");
  g_assert_cmpstr (bp_step_get_lane (c2), ==, bp_step_get_lane (f->c));
  g_assert_cmpstr (bp_step_get_stage (a2), ==, "only");
  g_assert_cmpstr (bp_step_get_stage (c2), ==, "only");
  /* Nothing to be beside: the cards keep their x. */
  g_assert_cmpfloat (bp_step_get_x (a2), ==, 20);
  g_assert_cmpfloat (bp_step_get_x (b2), ==, 40);
  g_assert_nonnull (find_flow (other, a2, b2));
  g_assert_nonnull (find_flow (other, b2, c2));
  g_assert_cmpuint (bp_document_get_n_flows (other), ==, 2);

  assert_one_step_undoes (other, before, "Paste Cards");
}

/* Stages of other ids go to the same position. */
static void
test_paste_stage_position (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BpDocument) other = bp_document_new_standard ();
  g_autoptr(BpSelection) selection = bp_selection_new (other);
  g_autofree char *payload = NULL;
  gsize length;

  bp_selection_set (f->selection, BP_ITEM (f->c));
  payload = copy_selection (f, &length);
  g_assert_nonnull (strstr (payload, "\"position\": 2"));

  /* The standard blueprint has the same ids: rename them away. */
  {
    g_autoptr(GString) moved = g_string_new (payload);
    g_string_replace (moved, "\"id\": \"", "\"id\": \"x", 0);
    g_string_replace (moved, "\"stage\": \"", "\"stage\": \"x", 0);
    g_string_replace (moved, "\"lane\": \"", "\"lane\": \"x", 0);
    g_assert_true (bp_edit_paste (other, selection, moved->str, moved->len, NULL, NULL));
  }
  g_assert_cmpstr (bp_step_get_stage (selected_step (selection, "Card")), ==,
                   core_test_stage_id (other, 2));
  g_assert_cmpstr (bp_step_get_lane (selected_step (selection, "Card")), ==,
                   core_test_lane_id (other, 3));
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  BpStep *a2, *b2;

  g_assert_true (bp_edit_duplicate_selection (f->document, f->selection));

  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 5);
  a2 = selected_step (f->selection, "Opens the app");
  b2 = selected_step (f->selection, "Greets\nthe customer");
  g_assert_true (a2 != f->a);
  g_assert_cmpstr (bp_step_get_lane (b2), ==, bp_step_get_lane (f->b));
  g_assert_cmpfloat (bp_step_get_x (a2), >, bp_step_get_x (f->a));
  g_assert_nonnull (find_flow (f->document, a2, b2));
  assert_one_step_undoes (f->document, before, "Duplicate Cards");

  bp_selection_clear (f->selection);
  g_assert_false (bp_edit_duplicate_selection (f->document, f->selection));
}

/* A card's tolerance and a flow's kind go with the copy, through the
 * clipboard and through Duplicate. */
static void
test_insights_fields_copied (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *payload = NULL;
  BpFlow *ab = find_flow (f->document, f->a, f->b);
  BpStep *a2, *b2;
  gsize length;

  bp_step_set_tolerance (f->b, 45);
  bp_flow_set_kind (ab, BP_FLOW_KIND_RECOVERY);

  payload = copy_selection (f, &length);
  g_assert_nonnull (strstr (payload, "\"tolerance\": 45"));
  g_assert_nonnull (strstr (payload, "\"kind\": \"recovery\""));

  g_assert_true (bp_edit_duplicate_selection (f->document, f->selection));
  a2 = selected_step (f->selection, "Opens the app");
  b2 = selected_step (f->selection, "Greets\nthe customer");
  g_assert_cmpfloat (bp_step_get_tolerance (b2), ==, 45);
  g_assert_cmpint (bp_flow_get_kind (find_flow (f->document, a2, b2)), ==, BP_FLOW_KIND_RECOVERY);
}

static void
test_cut (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *payload = NULL;
  gsize length;

  payload = copy_selection (f, &length);
  g_assert_true (bp_edit_cut_selection (f->document, f->selection));
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 1);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 0);
  assert_one_step_undoes (f->document, before, "Cut Cards");

  /* Pasted back, the cards come with their arrow (the originals gone,
   * they keep their place). */
  g_assert_true (bp_edit_paste (f->document, f->selection, payload, length, NULL, NULL));
  g_assert_cmpuint (bp_document_get_n_steps (f->document), ==, 3);
  g_assert_cmpuint (bp_document_get_n_flows (f->document), ==, 1);
  g_assert_cmpfloat (bp_step_get_x (selected_step (f->selection, "Opens the app")), ==, 20);
}

static void
test_paste_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *before = text_of (f->document);
  g_autoptr(GError) error = NULL;
  BpPastePoint point = { core_test_lane_id (f->document, 4), core_test_stage_id (f->document, 1), 10 };
  BpStep *one, *two;

  g_assert_true (bp_edit_paste_text (f->document, f->selection, "  One \r\n\nTwo\n", &point, &error));
  g_assert_no_error (error);
  one = selected_step (f->selection, "One");
  two = selected_step (f->selection, "Two");
  g_assert_cmpstr (bp_step_get_lane (one), ==, core_test_lane_id (f->document, 4));
  g_assert_cmpfloat (bp_step_get_x (one), ==, 10);
  g_assert_cmpfloat (bp_step_get_x (two), >, bp_step_get_x (one) + bp_step_get_width (one) - 1);
  assert_one_step_undoes (f->document, before, "Paste Cards");

  /* Without a point: beside the first selected card. */
  bp_selection_set (f->selection, BP_ITEM (f->c));
  g_assert_true (bp_edit_paste_text (f->document, f->selection, "Three", NULL, NULL));
  g_assert_cmpstr (bp_step_get_lane (selected_step (f->selection, "Three")), ==, bp_step_get_lane (f->c));

  g_assert_false (bp_edit_paste_text (f->document, f->selection, " \n \n", NULL, &error));
  g_assert_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (bp_edit_paste_text (f->document, f->selection, "bad \xff utf-8", NULL, &error));
  g_assert_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID);
}

/* A payload that breaks a rule changes nothing and says why. */
static void
assert_refused (Fixture    *f,
                const char *payload,
                gsize       length,
                int         code)
{
  g_autofree char *before = text_of (f->document);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo = bp_history_get_n_undo (f->history);
  guint n_selected = bp_selection_get_count (f->selection);

  g_assert_false (bp_edit_paste (f->document, f->selection, payload, length, NULL, &error));
  g_assert_error (error, BP_CLIPBOARD_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  after = text_of (f->document);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (bp_history_get_n_undo (f->history), ==, n_undo);
  g_assert_cmpuint (bp_selection_get_count (f->selection), ==, n_selected);
}

#define HEAD "{\"format\": \"bpj\", \"version\": 1, " \
             "\"stages\": [{\"id\": \"st\"}], \"lanes\": [{\"id\": \"ln\", \"kind\": \"customer\"}], "

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  static const char *invalid[] = {
    "",
    "not json",
    "[]",
    "{}",
    "{\"format\": \"bpj\"",
    "\"a string\"",
    /* wrong types */
    HEAD "\"steps\": {\"id\": \"s\"}}",
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": \"12\"}]}",
    HEAD "\"steps\": [{\"id\": 7, \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1}]}",
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1, \"text\": 5}]}",
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": -1}]}",
    HEAD "\"steps\": [{\"id\": \"bad id!\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1}]}",
    /* references to nothing */
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"nowhere\", \"stage\": \"st\", \"x\": 1}]}",
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1}], "
         "\"flows\": [{\"id\": \"f\", \"from\": \"s\", \"to\": \"gone\"}]}",
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1}], "
         "\"flows\": [{\"id\": \"f\", \"from\": \"s\", \"to\": \"s\"}]}",
    /* the same id twice */
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1},"
         " {\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 2}]}",
    /* a newer format */
    "{\"format\": \"bpj\", \"version\": 2, \"stages\": [{\"id\": \"st\"}], "
    "\"lanes\": [{\"id\": \"ln\", \"kind\": \"customer\"}]}",
    /* invalid UTF-8 */
    HEAD "\"steps\": [{\"id\": \"s\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1, \"text\": \"\xc3\x28\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("payload %u", i);
      assert_refused (f, invalid[i], strlen (invalid[i]), BP_CLIPBOARD_ERROR_INVALID);
    }

  /* Into a blueprint with no lane or stage yet. */
  {
    g_autoptr(BpDocument) bare = bp_document_new ();
    g_autoptr(BpSelection) selection = bp_selection_new (bare);
    g_autoptr(GError) error = NULL;
    gsize length;
    g_autofree char *payload = copy_selection (f, &length);

    g_assert_false (bp_edit_paste (bare, selection, payload, length, NULL, &error));
    g_assert_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bp_edit_paste_text (bare, selection, "A card", NULL, &error));
    g_assert_error (error, BP_CLIPBOARD_ERROR, BP_CLIPBOARD_ERROR_INVALID);
    g_assert_cmpuint (bp_document_get_n_steps (bare), ==, 0);
  }

  /* Valid, with no cards. */
  assert_refused (f, HEAD "\"steps\": []}", strlen (HEAD "\"steps\": []}"), BP_CLIPBOARD_ERROR_EMPTY);
  /* A NUL inside. */
  assert_refused (f, HEAD "\0", sizeof (HEAD), BP_CLIPBOARD_ERROR_INVALID);
}

static void
test_hostile_limits (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) many = g_string_new (HEAD "\"steps\": [");
  g_autoptr(GString) deep = g_string_new (NULL);
  gsize huge_length = BP_CLIPBOARD_MAX_BYTES + 1;
  g_autofree char *huge = g_malloc (huge_length);

  /* More cards than a paste takes (each valid). */
  for (guint i = 0; i <= BP_CLIPBOARD_MAX_CARDS; i++)
    g_string_append_printf (many, "%s{\"id\": \"s%u\", \"lane\": \"ln\", \"stage\": \"st\", \"x\": 1}",
                            i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  assert_refused (f, many->str, many->len, BP_CLIPBOARD_ERROR_LIMIT);

  /* Larger than a payload may be, before reading a byte of it. */
  memset (huge, ' ', huge_length);
  assert_refused (f, huge, huge_length, BP_CLIPBOARD_ERROR_LIMIT);

  /* Nested deeper than the reader goes. */
  g_string_append (deep, HEAD "\"steps\": [], \"extra\": ");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  assert_refused (f, deep->str, deep->len, BP_CLIPBOARD_ERROR_LIMIT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/clipboard/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("payload", test_payload);
  ADD ("copy-text", test_copy_text);
  ADD ("paste-beside", test_paste_beside);
  ADD ("paste-at-point", test_paste_at_point);
  ADD ("paste-other-document", test_paste_other_document);
  ADD ("paste-stage-position", test_paste_stage_position);
  ADD ("duplicate", test_duplicate);
  ADD ("cut", test_cut);
  ADD ("insights-fields-copied", test_insights_fields_copied);
  ADD ("paste-text", test_paste_text);
  ADD ("hostile", test_hostile);
  ADD ("hostile-limits", test_hostile_limits);

#undef ADD

  return g_test_run ();
}
