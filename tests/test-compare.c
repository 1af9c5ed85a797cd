/* test-compare.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bpj/bp-bpj.h"
#include "compare/bp-compare.h"
#include "history/bp-history.h"

/* A small blueprint with a lane in every zone and two in backstage. */
static const char base_json[] =
  "{\"format\":\"bpj\",\"version\":1,\"title\":\"Loan\","
  " \"scenario\":{\"persona\":\"Borrower\",\"goal\":\"Pay\"},"
  " \"stages\":[{\"id\":\"attract\",\"name\":\"Attract\"},"
  "             {\"id\":\"use\",\"name\":\"Use\",\"width\":480},"
  "             {\"id\":\"pay\",\"name\":\"Pay\",\"tolerance\":300}],"
  " \"lanes\":[{\"id\":\"ev\",\"kind\":\"evidence\"},"
  "            {\"id\":\"cu\",\"kind\":\"customer\"},"
  "            {\"id\":\"fr\",\"kind\":\"frontstage\",\"name\":\"Website\"},"
  "            {\"id\":\"bk\",\"kind\":\"backstage\",\"name\":\"Staff\"},"
  "            {\"id\":\"bk2\",\"kind\":\"backstage\",\"name\":\"Office\"},"
  "            {\"id\":\"sp\",\"kind\":\"support\"}],"
  " \"steps\":["
  "  {\"id\":\"s1\",\"lane\":\"ev\",\"stage\":\"attract\",\"x\":24,\"text\":\"Reminder letter\"},"
  "  {\"id\":\"s2\",\"lane\":\"cu\",\"stage\":\"attract\",\"x\":24,\"text\":\"Reads the reminder\","
  "   \"duration\":60,\"tolerance\":120,\"flags\":[\"pain-point\"]},"
  "  {\"id\":\"s3\",\"lane\":\"fr\",\"stage\":\"use\",\"x\":24,\"text\":\"Login page asks for the code\","
  "   \"actor\":\"Website\"},"
  "  {\"id\":\"s4\",\"lane\":\"bk\",\"stage\":\"use\",\"x\":24,\"text\":\"Clerk checks the account\","
  "   \"duration\":120,\"notes\":\"By hand\"},"
  "  {\"id\":\"s5\",\"lane\":\"sp\",\"stage\":\"use\",\"x\":24,\"text\":\"Identity service checks the code\","
  "   \"duration\":2},"
  "  {\"id\":\"s6\",\"lane\":\"cu\",\"stage\":\"pay\",\"x\":24,\"text\":\"Waits for the confirmation\","
  "   \"flags\":[\"wait-point\",\"moment-of-truth\"]},"
  "  {\"id\":\"s7\",\"lane\":\"bk2\",\"stage\":\"pay\",\"x\":200,\"text\":\"Posts the debit\","
  "   \"color\":\"#ffeeaa\",\"tolerance\":60}],"
  " \"flows\":[{\"id\":\"f1\",\"from\":\"s2\",\"to\":\"s3\",\"kind\":\"sequence\"},"
  "            {\"id\":\"f2\",\"from\":\"s3\",\"to\":\"s5\",\"label\":\"code\"},"
  "            {\"id\":\"f3\",\"from\":\"s4\",\"to\":\"s7\"}]}";

static BpDocument *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_read (text, strlen (text), "test.bpj", &error);

  g_assert_no_error (error);
  return document;
}

/* A copy that shares nothing with @document: its canonical text, read. */
static BpDocument *
copy_document (BpDocument *document)
{
  gsize length;
  g_autofree char *text = bp_bpj_write (document, &length);

  return read_text (text);
}

static BpStep *
step (BpDocument *document,
      const char *id)
{
  BpItem *item = bp_document_lookup (document, id);

  g_assert_true (BP_IS_STEP (item));
  return BP_STEP (item);
}

/* The one change of @list, which must name @id. */
static const BpCompareChange *
only_change (BpComparison  *comparison,
             BpCompareList  list,
             const char    *id)
{
  GPtrArray *changes = bp_comparison_get_changes (comparison, list);
  const BpCompareChange *change;
  BpItem *item;

  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  item = change->new_item ? change->new_item : change->old_item;
  g_assert_cmpstr (bp_item_get_id (item), ==, id);
  return change;
}

static guint
total_changes (BpComparison *comparison)
{
  guint total = 0;

  for (guint i = 0; i < BP_COMPARE_N_LISTS; i++)
    total += bp_comparison_get_changes (comparison, i)->len;
  return total;
}

/* The one changed step, with exactly @fields. */
static const BpCompareChange *
assert_step_changed (BpDocument     *old_document,
                     BpDocument     *new_document,
                     const char     *id,
                     BpCompareField  fields)
{
  g_autoptr(BpComparison) comparison = bp_compare (old_document, new_document);
  const BpCompareChange *change = only_change (comparison, BP_COMPARE_STEPS, id);
  static BpCompareChange copy;

  g_assert_cmpint (change->status, ==, BP_COMPARE_CHANGED);
  g_assert_cmpint (change->fields, ==, fields);
  g_assert_false (change->matched_by_text);
  g_assert_cmpuint (total_changes (comparison), ==, 1);
  g_assert_false (bp_comparison_is_same (comparison));
  /* The comparison goes; the caller reads the copy's plain fields. */
  copy = *change;
  copy.old_item = copy.new_item = NULL;
  copy.other_keys = NULL;
  return &copy;
}

/* Each sample against its own canonical re-save, and a file spelt
 * differently against its canonical text: the same document. */
static void
test_identity (void)
{
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");
  const char *names[] = { "loan-payment.bpj", "it-support.bpj", "saas-onboarding.bpj" };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = bp_bpj_load (path, &error);
      g_autoptr(BpDocument) copy = NULL;
      g_autoptr(BpComparison) comparison = NULL;

      g_assert_no_error (error);
      copy = copy_document (document);
      comparison = bp_compare (document, copy);
      g_assert_true (bp_comparison_is_same (comparison));
      g_assert_cmpuint (total_changes (comparison), ==, 0);
    }
}

static void
test_identity_spelling (void)
{
  /* Keys out of order, odd spaces, flags out of order, and keys at their
   * default value: state, width, lane name, empty flags and steps. */
  const char *spelt =
    "{ \"version\" : 1, \"format\":\"bpj\", \"state\": \"current\", \"title\": \"T\",\n"
    "  \"lanes\": [ {\"name\": \"Customer actions\", \"kind\": \"customer\", \"id\": \"cu\","
    "              \"height\": 120} ],\n"
    "  \"stages\": [ {\"width\": 320, \"id\": \"a\", \"name\": \"A\"} ],\n"
    "  \"steps\": [ {\"x\": 24.0, \"stage\": \"a\", \"lane\": \"cu\", \"id\": \"s\", \"width\": 160,"
    "              \"flags\": [\"wait-point\", \"pain-point\"], \"text\": \"\"},"
    "             {\"id\": \"t\", \"lane\": \"cu\", \"stage\": \"a\", \"x\": 300, \"flags\": []} ],\n"
    "  \"flows\": [] }";
  g_autoptr(BpDocument) document = read_text (spelt);
  g_autoptr(BpDocument) canonical = copy_document (document);
  g_autoptr(BpComparison) comparison = bp_compare (document, canonical);
  g_autoptr(BpComparison) backwards = bp_compare (canonical, document);

  g_assert_true (bp_comparison_is_same (comparison));
  g_assert_true (bp_comparison_is_same (backwards));
}

static void
test_step_added_removed (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  BpStep *added;
  GPtrArray *changes;

  bp_document_remove (new_document, BP_ITEM (step (new_document, "s1")));
  added = bp_document_add_step (new_document, "cu", "pay", 300, "Pays from the reminder link");
  comparison = bp_compare (old_document, new_document);

  changes = bp_comparison_get_changes (comparison, BP_COMPARE_STEPS);
  g_assert_cmpuint (changes->len, ==, 2);
  /* Removed first, in OLD's order; then added, in NEW's. */
  g_assert_cmpint (((BpCompareChange *) changes->pdata[0])->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpstr (bp_item_get_id (((BpCompareChange *) changes->pdata[0])->old_item), ==, "s1");
  g_assert_cmpint (((BpCompareChange *) changes->pdata[1])->status, ==, BP_COMPARE_ADDED);
  g_assert_true (((BpCompareChange *) changes->pdata[1])->new_item == BP_ITEM (added));
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_STEPS, BP_COMPARE_ADDED), ==, 1);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_STEPS, BP_COMPARE_REMOVED), ==, 1);
  g_assert_nonnull (bp_comparison_lookup_new (comparison, bp_item_get_id (BP_ITEM (added))));
  g_assert_nonnull (bp_comparison_lookup_old (comparison, "s1"));
  g_assert_null (bp_comparison_lookup_new (comparison, "s2"));
  g_assert_cmpuint (total_changes (comparison), ==, 2);
}

/* Every field of a step, one at a time. */
static void
test_step_fields (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  const BpCompareChange *change;

#define EDIT(statement, id, fields) \
  G_STMT_START { \
    g_autoptr(BpDocument) new_document = copy_document (old_document); \
    BpStep *s = step (new_document, id); \
    statement; \
    change = assert_step_changed (old_document, new_document, id, fields); \
  } G_STMT_END

  EDIT (bp_step_set_text (s, "Reads the reminder twice"), "s2", BP_COMPARE_FIELD_TEXT);
  EDIT (bp_step_set_actor (s, "Borrower"), "s2", BP_COMPARE_FIELD_ACTOR);
  EDIT (bp_step_set_actor (s, NULL), "s3", BP_COMPARE_FIELD_ACTOR);
  EDIT (bp_step_set_notes (s, "Often twice"), "s2", BP_COMPARE_FIELD_NOTES);
  EDIT (bp_step_set_color (s, "#aabbcc"), "s7", BP_COMPARE_FIELD_COLOR);
  EDIT (bp_step_set_color (s, NULL), "s7", BP_COMPARE_FIELD_COLOR);
  EDIT (bp_step_set_x (s, 40), "s2", BP_COMPARE_FIELD_POSITION);
  EDIT (bp_step_set_width (s, 200), "s2", BP_COMPARE_FIELD_POSITION);
  EDIT (bp_step_set_stage (s, "use"), "s2", BP_COMPARE_FIELD_STAGE);
  EDIT ((bp_step_set_stage (s, "pay"), bp_step_set_x (s, 300)), "s4",
        BP_COMPARE_FIELD_STAGE | BP_COMPARE_FIELD_POSITION);

  EDIT (bp_step_set_duration (s, 1), "s5", BP_COMPARE_FIELD_DURATION);
  g_assert_cmpfloat (change->duration_delta, ==, -1);
  EDIT (bp_step_set_duration (s, 90), "s2", BP_COMPARE_FIELD_DURATION);
  g_assert_cmpfloat (change->duration_delta, ==, 30);
  /* Gained or lost: no delta to give. */
  EDIT (bp_step_set_duration (s, 30), "s3", BP_COMPARE_FIELD_DURATION);
  g_assert_true (isnan (change->duration_delta));
  EDIT (bp_step_set_duration (s, -1), "s4", BP_COMPARE_FIELD_DURATION);
  g_assert_true (isnan (change->duration_delta));

  EDIT (bp_step_set_tolerance (s, 90), "s2", BP_COMPARE_FIELD_TOLERANCE);
  EDIT (bp_step_set_tolerance (s, 30), "s7", BP_COMPARE_FIELD_TOLERANCE);
  EDIT (bp_step_set_tolerance (s, -1), "s7", BP_COMPARE_FIELD_TOLERANCE);

  EDIT (bp_step_set_flags (s, BP_STEP_FLAG_MOMENT_OF_TRUTH | BP_STEP_FLAG_FAIL_POINT), "s6",
        BP_COMPARE_FIELD_FLAGS);
  g_assert_cmpint (change->flags_set, ==, BP_STEP_FLAG_FAIL_POINT);
  g_assert_cmpint (change->flags_cleared, ==, BP_STEP_FLAG_WAIT_POINT);
  EDIT (bp_step_set_flags (s, 0), "s2", BP_COMPARE_FIELD_FLAGS);
  g_assert_cmpint (change->flags_set, ==, 0);
  g_assert_cmpint (change->flags_cleared, ==, BP_STEP_FLAG_PAIN_POINT);

  EDIT ((bp_step_set_text (s, "Checks the account"), bp_step_set_duration (s, 60),
         bp_step_set_notes (s, NULL)), "s4",
        BP_COMPARE_FIELD_TEXT | BP_COMPARE_FIELD_DURATION | BP_COMPARE_FIELD_NOTES);
  g_assert_cmpfloat (change->duration_delta, ==, -60);
#undef EDIT
}

/* A step moved from one lane to another crosses the lines between
 * their zones, and only those. */
static void
test_lines_crossed (void)
{
  const struct { const char *id; const char *lane; BpCompareLines crossed; } cases[] = {
    { "s2", "fr", BP_COMPARE_LINE_INTERACTION },
    { "s3", "cu", BP_COMPARE_LINE_INTERACTION },
    { "s3", "bk", BP_COMPARE_LINE_VISIBILITY },
    { "s4", "fr", BP_COMPARE_LINE_VISIBILITY },
    { "s4", "sp", BP_COMPARE_LINE_INTERNAL },
    { "s5", "bk2", BP_COMPARE_LINE_INTERNAL },
    { "s2", "sp", BP_COMPARE_LINE_INTERACTION | BP_COMPARE_LINE_VISIBILITY | BP_COMPARE_LINE_INTERNAL },
    { "s1", "fr", BP_COMPARE_LINE_INTERACTION },
    { "s2", "bk", BP_COMPARE_LINE_INTERACTION | BP_COMPARE_LINE_VISIBILITY },
    /* No line between evidence and the customer, none inside a zone. */
    { "s1", "cu", 0 },
    { "s4", "bk2", 0 },
  };
  g_autoptr(BpDocument) old_document = read_text (base_json);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BpDocument) new_document = copy_document (old_document);
      const BpCompareChange *change;

      bp_step_set_lane (step (new_document, cases[i].id), cases[i].lane);
      change = assert_step_changed (old_document, new_document, cases[i].id,
                                    BP_COMPARE_FIELD_LANE);
      g_assert_cmpint (change->crossed, ==, cases[i].crossed);
    }

  g_assert_cmpstr (bp_compare_line_to_string (BP_COMPARE_LINE_INTERNAL), ==, "internal");
}

static void
test_flows (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  GPtrArray *changes;
  BpFlow *added;
  const BpCompareChange *change;

  bp_flow_set_label (BP_FLOW (bp_document_lookup (new_document, "f2")), "2FA code");
  bp_flow_set_kind (BP_FLOW (bp_document_lookup (new_document, "f2")), BP_FLOW_KIND_INFORMATION);
  bp_document_remove (new_document, bp_document_lookup (new_document, "f1"));
  /* Its end moved: another arrow, under the same id. */
  bp_flow_set_to (BP_FLOW (bp_document_lookup (new_document, "f3")), "s5");
  added = bp_document_add_flow (new_document, "s6", "s7");
  comparison = bp_compare (old_document, new_document);

  changes = bp_comparison_get_changes (comparison, BP_COMPARE_FLOWS);
  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_FLOWS, BP_COMPARE_REMOVED), ==, 2);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_FLOWS, BP_COMPARE_ADDED), ==, 2);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_FLOWS, BP_COMPARE_CHANGED), ==, 1);

  change = bp_comparison_lookup_new (comparison, "f2");
  g_assert_cmpint (change->status, ==, BP_COMPARE_CHANGED);
  g_assert_cmpint (change->fields, ==, BP_COMPARE_FIELD_LABEL | BP_COMPARE_FIELD_KIND);
  g_assert_cmpint (bp_comparison_lookup_old (comparison, "f1")->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpint (bp_comparison_lookup_old (comparison, "f3")->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpint (bp_comparison_lookup_new (comparison, "f3")->status, ==, BP_COMPARE_ADDED);
  g_assert_cmpint (bp_comparison_lookup_new (comparison, bp_item_get_id (BP_ITEM (added)))->status,
                   ==, BP_COMPARE_ADDED);
  /* The steps did not change. */
  g_assert_cmpuint (bp_comparison_get_changes (comparison, BP_COMPARE_STEPS)->len, ==, 0);
}

static const BpCompareChange *
change_of (BpComparison *comparison,
           const char   *id)
{
  const BpCompareChange *change = bp_comparison_lookup_new (comparison, id);

  if (change == NULL)
    change = bp_comparison_lookup_old (comparison, id);
  g_assert_nonnull (change);
  return change;
}

static void
test_stages (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  BpStage *added;

  bp_stage_set_name (BP_STAGE (bp_document_lookup (new_document, "use")), "Log in");
  bp_stage_set_width (BP_STAGE (bp_document_lookup (new_document, "pay")), 500);
  bp_stage_set_tolerance (BP_STAGE (bp_document_lookup (new_document, "pay")), 240);
  bp_stage_set_tolerance (BP_STAGE (bp_document_lookup (new_document, "attract")), 60);
  added = bp_document_add_stage (new_document, "Confirm", 1);
  comparison = bp_compare (old_document, new_document);

  g_assert_cmpint (change_of (comparison, "use")->fields, ==, BP_COMPARE_FIELD_NAME);
  g_assert_cmpint (change_of (comparison, "pay")->fields, ==,
                   BP_COMPARE_FIELD_WIDTH | BP_COMPARE_FIELD_TOLERANCE);
  g_assert_cmpint (change_of (comparison, "attract")->fields, ==, BP_COMPARE_FIELD_TOLERANCE);
  g_assert_cmpint (change_of (comparison, bp_item_get_id (BP_ITEM (added)))->status, ==,
                   BP_COMPARE_ADDED);
  /* Added in the middle: the others keep their order. */
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
  g_assert_cmpuint (total_changes (comparison), ==, 4);
}

/* A stage removed takes its steps and their flows along. */
static void
test_stage_removed (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;

  bp_document_remove (new_document, bp_document_lookup (new_document, "attract"));
  comparison = bp_compare (old_document, new_document);

  g_assert_cmpint (only_change (comparison, BP_COMPARE_STAGES, "attract")->status, ==,
                   BP_COMPARE_REMOVED);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_STEPS, BP_COMPARE_REMOVED), ==, 2);
  g_assert_cmpint (only_change (comparison, BP_COMPARE_FLOWS, "f1")->status, ==, BP_COMPARE_REMOVED);
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
}

static void
test_stages_reordered (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;

  bp_document_reorder (new_document, bp_document_lookup (new_document, "pay"), 0);
  comparison = bp_compare (old_document, new_document);

  g_assert_true (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_LANES));
  /* A reorder alone changes no stage. */
  g_assert_cmpuint (total_changes (comparison), ==, 0);
  g_assert_false (bp_comparison_is_same (comparison));
}

static void
test_lanes (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  BpLane *added;

  bp_lane_set_name (BP_LANE (bp_document_lookup (new_document, "fr")), "Website and app");
  bp_lane_set_height (BP_LANE (bp_document_lookup (new_document, "bk")), 200);
  bp_lane_set_color (BP_LANE (bp_document_lookup (new_document, "bk2")), "#ddeeff");
  /* The office's work moves to support: a change of zone. */
  bp_lane_set_kind (BP_LANE (bp_document_lookup (new_document, "bk2")), BP_LANE_KIND_SUPPORT);
  bp_document_remove (new_document, bp_document_lookup (new_document, "ev"));
  added = bp_document_add_lane (new_document, BP_LANE_KIND_FRONTSTAGE, "Call centre");
  comparison = bp_compare (old_document, new_document);

  g_assert_cmpint (change_of (comparison, "fr")->fields, ==, BP_COMPARE_FIELD_NAME);
  g_assert_cmpint (change_of (comparison, "bk")->fields, ==, BP_COMPARE_FIELD_HEIGHT);
  g_assert_cmpint (change_of (comparison, "bk2")->fields, ==,
                   BP_COMPARE_FIELD_KIND | BP_COMPARE_FIELD_COLOR);
  g_assert_cmpint (change_of (comparison, "ev")->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpint (change_of (comparison, bp_item_get_id (BP_ITEM (added)))->status, ==,
                   BP_COMPARE_ADDED);
  g_assert_cmpuint (bp_comparison_get_changes (comparison, BP_COMPARE_LANES)->len, ==, 5);
  /* bk2 moved below sp's zone boundary but kept its place among the
   * lanes both files share: not a reorder. */
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_LANES));
  /* The office's step went with its lane: its own lane did not change. */
  g_assert_null (bp_comparison_lookup_new (comparison, "s7"));
}

static void
test_lanes_reordered (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;

  bp_document_reorder (new_document, bp_document_lookup (new_document, "bk2"), 3);
  comparison = bp_compare (old_document, new_document);

  g_assert_true (bp_comparison_get_reordered (comparison, BP_COMPARE_LANES));
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
  g_assert_cmpuint (total_changes (comparison), ==, 0);
}

static void
test_blueprint (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  g_autoptr(BpComparison) scenario = NULL;
  g_autoptr(BpDocument) scenario_document = copy_document (old_document);

  bp_document_set_title (new_document, "Loan, as it should be");
  bp_document_set_state (new_document, BP_BLUEPRINT_STATE_FUTURE);
  comparison = bp_compare (old_document, new_document);
  g_assert_cmpint (bp_comparison_get_blueprint_fields (comparison), ==,
                   BP_COMPARE_FIELD_TITLE | BP_COMPARE_FIELD_STATE);
  g_assert_cmpuint (total_changes (comparison), ==, 0);
  g_assert_false (bp_comparison_is_same (comparison));

  bp_document_set_scenario_end (scenario_document, "Sees the payment confirmed");
  bp_document_set_tolerance (scenario_document, 900);
  bp_document_set_dismissed (scenario_document, "customer-unsupported", "s2", TRUE);
  scenario = bp_compare (old_document, scenario_document);
  g_assert_cmpint (bp_comparison_get_blueprint_fields (scenario), ==,
                   BP_COMPARE_FIELD_SCENARIO | BP_COMPARE_FIELD_TOLERANCE |
                   BP_COMPARE_FIELD_DISMISSED);
}

/* Keys this version does not know are part of the document too. */
static void
test_other_keys (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  g_autoptr(JsonObject) extras = json_object_new ();
  g_autoptr(JsonObject) top = json_object_new ();
  const BpCompareChange *change;
  const char * const *keys;

  json_object_set_string_member (extras, "owner", "Payments team");
  json_object_set_int_member (extras, "effort", 3);
  bp_item_set_extras (bp_document_lookup (new_document, "s4"), extras);
  json_object_set_string_member (top, "reviewed", "2026-12-01");
  bp_document_set_extras (new_document, top);
  comparison = bp_compare (old_document, new_document);

  change = only_change (comparison, BP_COMPARE_STEPS, "s4");
  g_assert_cmpint (change->fields, ==, 0);
  g_assert_nonnull (change->other_keys);
  g_assert_cmpstr (change->other_keys[0], ==, "effort");
  g_assert_cmpstr (change->other_keys[1], ==, "owner");
  g_assert_null (change->other_keys[2]);
  keys = bp_comparison_get_blueprint_other_keys (comparison);
  g_assert_nonnull (keys);
  g_assert_cmpstr (keys[0], ==, "reviewed");
  g_assert_false (bp_comparison_is_same (comparison));
}

/* @text with every id given a prefix: the same blueprint, drawn anew. */
static char *
rename_ids (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"(id|lane|stage|from|to)\":\"([^\"]*)\"", 0, 0, NULL);

  return g_regex_replace (regex, text, -1, 0, "\"\\1\":\"new-\\2\"", 0, NULL);
}

static void
test_matched_by_text (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autofree char *renamed = rename_ids (base_json);
  g_autoptr(BpDocument) new_document = read_text (renamed);
  g_autoptr(BpComparison) comparison = NULL;
  const BpCompareChange *change;
  BpStep *moved;

  /* Reworded a little, in case and punctuation too: still the same step. */
  bp_step_set_text (step (new_document, "new-s4"), "Clerk checks the accounts.");
  bp_step_set_text (step (new_document, "new-s3"), "LOGIN PAGE ASKS FOR THE CODE!");
  /* Reworded beyond recognition: another step. */
  bp_step_set_text (step (new_document, "new-s5"), "Bank app approves the login");
  /* Same text in another stage: another step. */
  moved = step (new_document, "new-s1");
  bp_step_set_stage (moved, "new-pay");
  comparison = bp_compare (old_document, new_document);

  for (guint list = 0; list < BP_COMPARE_N_LISTS; list++)
    {
      GPtrArray *changes = bp_comparison_get_changes (comparison, list);

      for (guint i = 0; i < changes->len; i++)
        {
          change = g_ptr_array_index (changes, i);
          if (change->status == BP_COMPARE_CHANGED)
            {
              g_assert_true (change->matched_by_text);
              g_assert_cmpstr (bp_item_get_id (change->old_item), ==,
                               bp_item_get_id (change->new_item) + strlen ("new-"));
            }
        }
    }

  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_STAGES, BP_COMPARE_CHANGED), ==, 3);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_LANES, BP_COMPARE_CHANGED), ==, 6);
  g_assert_cmpuint (bp_comparison_get_changes (comparison, BP_COMPARE_STAGES)->len, ==, 3);
  g_assert_cmpuint (bp_comparison_get_changes (comparison, BP_COMPARE_LANES)->len, ==, 6);

  g_assert_cmpint (change_of (comparison, "new-s4")->fields, ==, BP_COMPARE_FIELD_TEXT);
  g_assert_cmpint (change_of (comparison, "new-s3")->fields, ==, BP_COMPARE_FIELD_TEXT);
  g_assert_cmpint (change_of (comparison, "new-s2")->fields, ==, 0);
  g_assert_true (change_of (comparison, "new-s2")->matched_by_text);
  g_assert_cmpint (change_of (comparison, "new-s5")->status, ==, BP_COMPARE_ADDED);
  g_assert_cmpint (change_of (comparison, "s5")->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpint (change_of (comparison, "new-s1")->status, ==, BP_COMPARE_ADDED);
  g_assert_cmpint (change_of (comparison, "s1")->status, ==, BP_COMPARE_REMOVED);
  g_assert_cmpuint (bp_comparison_count (comparison, BP_COMPARE_STEPS, BP_COMPARE_CHANGED), ==, 5);

  /* Flows follow their ends: f1 and f3 join paired steps; f2 ends at s5,
   * which has no counterpart. */
  g_assert_true (change_of (comparison, "new-f1")->matched_by_text);
  g_assert_true (change_of (comparison, "new-f3")->matched_by_text);
  g_assert_cmpint (change_of (comparison, "new-f2")->status, ==, BP_COMPARE_ADDED);
  g_assert_cmpint (change_of (comparison, "f2")->status, ==, BP_COMPARE_REMOVED);
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
}

/* The closest text wins, whatever the file order. */
static void
test_matched_by_text_closest (void)
{
  g_autoptr(BpDocument) old_document = read_text (base_json);
  g_autoptr(BpDocument) new_document = copy_document (old_document);
  g_autoptr(BpComparison) comparison = NULL;
  BpStep *near, *nearer;

  bp_document_remove (new_document, BP_ITEM (step (new_document, "s4")));
  near = bp_document_add_step (new_document, "bk2", "use", 24, "Clerk checks the accountant");
  nearer = bp_document_add_step (new_document, "bk2", "use", 240, "Clerk checks the accounts");
  comparison = bp_compare (old_document, new_document);

  g_assert_true (change_of (comparison, "s4")->new_item == BP_ITEM (nearer));
  g_assert_true (change_of (comparison, "s4")->matched_by_text);
  g_assert_cmpint (change_of (comparison, "s4")->fields, ==,
                   BP_COMPARE_FIELD_LANE | BP_COMPARE_FIELD_POSITION | BP_COMPARE_FIELD_TEXT |
                   BP_COMPARE_FIELD_DURATION | BP_COMPARE_FIELD_NOTES);
  g_assert_cmpint (change_of (comparison, bp_item_get_id (BP_ITEM (near)))->status, ==,
                   BP_COMPARE_ADDED);
}

static void
test_similarity (void)
{
  g_assert_cmpfloat (bp_compare_text_similarity ("Pays the bill.", "pays  the BILL"), ==, 1);
  g_assert_cmpfloat (bp_compare_text_similarity ("Café", "cafe\xcc\x81"), ==, 1);
  g_assert_cmpfloat_with_epsilon (bp_compare_text_similarity ("abcde", "abcdx"), 0.8, 1e-9);
  g_assert_cmpfloat (bp_compare_text_similarity ("abcde", "vwxyz"), ==, 0);
  g_assert_cmpfloat (bp_compare_text_similarity ("", ""), ==, 0);
  g_assert_cmpfloat (bp_compare_text_similarity ("...", "!!"), ==, 0);
}

/* ---- random edits ---- */

typedef struct {
  BpCompareStatus status;
  BpCompareField  fields;
  BpCompareLines  crossed;
} Expected;

typedef struct {
  GRand      *rand;
  BpDocument *old_document;
  BpDocument *document;
  GHashTable *expected;   /* id → Expected */
  guint       serial;
} Edits;

static Expected *
expect (Edits      *edits,
        const char *id)
{
  Expected *e = g_hash_table_lookup (edits->expected, id);

  if (e == NULL)
    {
      e = g_new0 (Expected, 1);
      e->status = BP_COMPARE_CHANGED;
      g_hash_table_insert (edits->expected, g_strdup (id), e);
    }
  return e;
}

static void
expect_removed (Edits      *edits,
                const char *id)
{
  Expected *e = g_hash_table_lookup (edits->expected, id);

  if (e != NULL && e->status == BP_COMPARE_ADDED)
    {
      g_hash_table_remove (edits->expected, id);
      return;
    }
  e = expect (edits, id);
  e->status = BP_COMPARE_REMOVED;
  e->fields = 0;
  e->crossed = 0;
}

/* Random letters: no two texts are 80 % alike by chance. */
static char *
random_text (Edits *edits)
{
  GString *text = g_string_new ("");

  for (guint i = 0; i < 14; i++)
    g_string_append_c (text, 'a' + g_rand_int_range (edits->rand, 0, 26));
  return g_string_free (text, FALSE);
}

/* A step, stage, lane or flow not edited yet, or NULL. */
static BpItem *
pick (Edits      *edits,
      GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint tries = 0; tries < 20 && n > 0; tries++)
    {
      g_autoptr(BpItem) item = g_list_model_get_item (list, g_rand_int_range (edits->rand, 0, n));

      if (!g_hash_table_contains (edits->expected, bp_item_get_id (item)))
        return item;
    }
  return NULL;
}

static BpLaneKind
kind_of_lane (BpDocument *document,
              const char *id)
{
  return bp_lane_get_kind (BP_LANE (bp_document_lookup (document, id)));
}

static void
edit_step (Edits  *edits,
           BpStep *s)
{
  const char *id = bp_item_get_id (BP_ITEM (s));
  g_autofree char *text = random_text (edits);
  BpDocument *doc = edits->document;

  switch (g_rand_int_range (edits->rand, 0, 10))
    {
    case 9:
      bp_step_set_tolerance (s, bp_step_has_tolerance (s) ? -1 : 77);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_TOLERANCE;
      break;
    case 0:
      bp_step_set_text (s, text);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_TEXT;
      break;
    case 1:
      bp_step_set_actor (s, text);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_ACTOR;
      break;
    case 2:
      bp_step_set_duration (s, bp_step_has_duration (s) ? bp_step_get_duration (s) + 5 : 42);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_DURATION;
      break;
    case 3:
      bp_step_set_flags (s, bp_step_get_flags (s) ^ (1 << g_rand_int_range (edits->rand, 0, 5)));
      expect (edits, id)->fields |= BP_COMPARE_FIELD_FLAGS;
      break;
    case 4:
      bp_step_set_notes (s, text);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_NOTES;
      break;
    case 5:
      bp_step_set_x (s, bp_step_get_x (s) + 16);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_POSITION;
      break;
    case 6:
      bp_step_set_color (s, bp_step_get_color (s) ? NULL : "#123456");
      expect (edits, id)->fields |= BP_COMPARE_FIELD_COLOR;
      break;
    case 7:
      {
        guint n = bp_document_get_n_stages (doc);
        BpItem *stage = BP_ITEM (bp_document_get_stage (doc, g_rand_int_range (edits->rand, 0, n)));

        if (strcmp (bp_item_get_id (stage), bp_step_get_stage (s)) == 0)
          return;
        bp_step_set_stage (s, bp_item_get_id (stage));
        expect (edits, id)->fields |= BP_COMPARE_FIELD_STAGE;
      }
      break;
    default:
      {
        guint n = bp_document_get_n_lanes (doc);
        BpItem *lane = BP_ITEM (bp_document_get_lane (doc, g_rand_int_range (edits->rand, 0, n)));
        BpLaneKind from = kind_of_lane (doc, bp_step_get_lane (s));
        Expected *e;

        if (strcmp (bp_item_get_id (lane), bp_step_get_lane (s)) == 0)
          return;
        bp_step_set_lane (s, bp_item_get_id (lane));
        e = expect (edits, id);
        e->fields |= BP_COMPARE_FIELD_LANE;
        e->crossed = bp_compare_lines_between (from, bp_lane_get_kind (BP_LANE (lane)));
      }
      break;
    }
}

static void
remove_step (Edits  *edits,
             BpStep *s)
{
  g_autoptr(GPtrArray) dependents = bp_document_get_dependents (edits->document, BP_ITEM (s));

  for (guint i = 0; i < dependents->len; i++)
    expect_removed (edits, bp_item_get_id (dependents->pdata[i]));
  expect_removed (edits, bp_item_get_id (BP_ITEM (s)));
  bp_document_remove (edits->document, BP_ITEM (s));
}

/* Whether any flow of OLD or NEW joins the two steps, either way. */
static gboolean
joined (Edits      *edits,
        const char *a,
        const char *b)
{
  BpDocument *documents[] = { edits->old_document, edits->document };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint i = 0; i < bp_document_get_n_flows (documents[d]); i++)
      {
        BpFlow *flow = bp_document_get_flow (documents[d], i);
        const char *from = bp_flow_get_from (flow), *to = bp_flow_get_to (flow);

        if ((!g_strcmp0 (from, a) && !g_strcmp0 (to, b)) ||
            (!g_strcmp0 (from, b) && !g_strcmp0 (to, a)))
          return TRUE;
      }
  return FALSE;
}

static void
add_flow (Edits *edits)
{
  guint n = bp_document_get_n_steps (edits->document);
  BpItem *a, *b;
  BpFlow *flow;

  if (n < 2)
    return;
  a = BP_ITEM (bp_document_get_step (edits->document, g_rand_int_range (edits->rand, 0, n)));
  b = BP_ITEM (bp_document_get_step (edits->document, g_rand_int_range (edits->rand, 0, n)));
  if (a == b || joined (edits, bp_item_get_id (a), bp_item_get_id (b)))
    return;
  flow = bp_document_add_flow (edits->document, bp_item_get_id (a), bp_item_get_id (b));
  expect (edits, bp_item_get_id (BP_ITEM (flow)))->status = BP_COMPARE_ADDED;
}

static void
edit_flow (Edits  *edits,
           BpFlow *flow)
{
  const char *id = bp_item_get_id (BP_ITEM (flow));

  guint what = g_rand_int_range (edits->rand, 0, 3);

  if (what == 0)
    {
      g_autofree char *label = random_text (edits);

      bp_flow_set_label (flow, label);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_LABEL;
    }
  else if (what == 1)
    {
      bp_flow_set_kind (flow, (bp_flow_get_kind (flow) + 1) % BP_N_FLOW_KINDS);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_KIND;
    }
  else
    {
      expect_removed (edits, id);
      bp_document_remove (edits->document, BP_ITEM (flow));
    }
}

static void
edit_stage_or_lane (Edits  *edits,
                    BpItem *item)
{
  g_autofree char *text = random_text (edits);
  const char *id = bp_item_get_id (item);

  if (BP_IS_STAGE (item) && g_rand_boolean (edits->rand))
    {
      bp_stage_set_name (BP_STAGE (item), text);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_NAME;
    }
  else if (BP_IS_STAGE (item))
    {
      bp_stage_set_width (BP_STAGE (item), bp_stage_get_width (BP_STAGE (item)) + 8);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_WIDTH;
    }
  else if (g_rand_boolean (edits->rand))
    {
      bp_lane_set_name (BP_LANE (item), text);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_NAME;
    }
  else
    {
      bp_lane_set_height (BP_LANE (item), bp_lane_get_height (BP_LANE (item)) + 8);
      expect (edits, id)->fields |= BP_COMPARE_FIELD_HEIGHT;
    }
}

static void
random_edit (Edits *edits)
{
  BpDocument *doc = edits->document;
  BpItem *item;

  switch (g_rand_int_range (edits->rand, 0, 8))
    {
    case 0:
      {
        g_autofree char *text = random_text (edits);
        BpLane *lane = bp_document_get_lane (doc, g_rand_int_range (edits->rand, 0, bp_document_get_n_lanes (doc)));
        BpStage *stage = bp_document_get_stage (doc, g_rand_int_range (edits->rand, 0, bp_document_get_n_stages (doc)));
        BpStep *added = bp_document_add_step (doc, bp_item_get_id (BP_ITEM (lane)),
                                              bp_item_get_id (BP_ITEM (stage)), 500, text);

        expect (edits, bp_item_get_id (BP_ITEM (added)))->status = BP_COMPARE_ADDED;
      }
      break;
    case 1:
      if ((item = pick (edits, bp_document_get_steps (doc))) != NULL)
        remove_step (edits, BP_STEP (item));
      break;
    case 2:
      add_flow (edits);
      break;
    case 3:
      if ((item = pick (edits, bp_document_get_flows (doc))) != NULL)
        edit_flow (edits, BP_FLOW (item));
      break;
    case 4:
      if ((item = pick (edits, bp_document_get_stages (doc))) != NULL)
        edit_stage_or_lane (edits, item);
      break;
    case 5:
      if ((item = pick (edits, bp_document_get_lanes (doc))) != NULL)
        edit_stage_or_lane (edits, item);
      break;
    default:
      if ((item = pick (edits, bp_document_get_steps (doc))) != NULL)
        edit_step (edits, BP_STEP (item));
      break;
    }
}

static void
check_expected (Edits        *edits,
                BpComparison *comparison)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (total_changes (comparison), ==, g_hash_table_size (edits->expected));
  g_hash_table_iter_init (&iter, edits->expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *e = value;
      const BpCompareChange *change = e->status == BP_COMPARE_REMOVED
        ? bp_comparison_lookup_old (comparison, key)
        : bp_comparison_lookup_new (comparison, key);

      if (change == NULL)
        g_error ("%s: not reported", (char *) key);
      g_assert_cmpint (change->status, ==, e->status);
      g_assert_cmpint (change->fields, ==, e->fields);
      g_assert_cmpint (change->crossed, ==, e->crossed);
      g_assert_false (change->matched_by_text);
    }
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_STAGES));
  g_assert_false (bp_comparison_get_reordered (comparison, BP_COMPARE_LANES));
  g_assert_cmpint (bp_comparison_get_blueprint_fields (comparison), ==, 0);
}

static void
test_random_edits (void)
{
  const char *dir = g_getenv ("TOUCHPOINT_SAMPLES");
  g_autofree char *path = g_build_filename (dir, "loan-payment.bpj", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) old_document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(BpDocument) document = copy_document (old_document);
      g_autoptr(BpDocument) reread = NULL;
      g_autoptr(BpComparison) comparison = NULL;
      g_autoptr(BpComparison) from_file = NULL;
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      Edits edits = { g_rand_new_with_seed (g_test_rand_int () + round), old_document, document, expected };
      guint n_edits = g_rand_int_range (edits.rand, 1, 25);

      for (guint i = 0; i < n_edits; i++)
        random_edit (&edits);
      comparison = bp_compare (old_document, document);
      check_expected (&edits, comparison);
      g_assert_true (bp_comparison_is_same (comparison) == (g_hash_table_size (expected) == 0));

      /* The same, once saved and read back. */
      reread = copy_document (document);
      from_file = bp_compare (old_document, reread);
      check_expected (&edits, from_file);
      g_rand_free (edits.rand);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/identity", test_identity);
  g_test_add_func ("/compare/identity-spelling", test_identity_spelling);
  g_test_add_func ("/compare/step-added-removed", test_step_added_removed);
  g_test_add_func ("/compare/step-fields", test_step_fields);
  g_test_add_func ("/compare/lines-crossed", test_lines_crossed);
  g_test_add_func ("/compare/flows", test_flows);
  g_test_add_func ("/compare/stages", test_stages);
  g_test_add_func ("/compare/stage-removed", test_stage_removed);
  g_test_add_func ("/compare/stages-reordered", test_stages_reordered);
  g_test_add_func ("/compare/lanes", test_lanes);
  g_test_add_func ("/compare/lanes-reordered", test_lanes_reordered);
  g_test_add_func ("/compare/blueprint", test_blueprint);
  g_test_add_func ("/compare/other-keys", test_other_keys);
  g_test_add_func ("/compare/matched-by-text", test_matched_by_text);
  g_test_add_func ("/compare/matched-by-text-closest", test_matched_by_text_closest);
  g_test_add_func ("/compare/similarity", test_similarity);
  g_test_add_func ("/compare/random-edits", test_random_edits);

  return g_test_run ();
}
