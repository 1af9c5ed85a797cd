/* test-bpj.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpj/bp-bpj.h"
#include "history/bp-history.h"

/* Helpers */

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static char *
read_data (const char *dir,
           const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (dir, name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static BpDocument *
load_valid (const char *name)
{
  g_autofree char *path = data_path ("valid", name);
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static BpDocument *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BpDocument *document = bp_bpj_read (text, strlen (text), "test.bpj", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The error bp_bpj_read() gives @text; asserts that it refuses it. */
static GError *
refuse_text (const char *text,
             gsize       length)
{
  GError *error = NULL;
  BpDocument *document = bp_bpj_read (text, length, "test.bpj", &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BP_BPJ_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "test.bpj: "));
  return error;
}

static char *
write_text (BpDocument *document)
{
  gsize length;
  char *text = bp_bpj_write (document, &length);

  g_assert_cmpuint (strlen (text), ==, length);
  return text;
}

/* Members in order, values equal. */
static void
assert_extras_equal (JsonObject *a,
                     JsonObject *b)
{
  g_autoptr(GList) members_a = NULL;
  g_autoptr(GList) members_b = NULL;
  GList *la, *lb;

  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  members_a = json_object_get_members (a);
  members_b = json_object_get_members (b);
  for (la = members_a, lb = members_b; la != NULL && lb != NULL; la = la->next, lb = lb->next)
    {
      g_assert_cmpstr (la->data, ==, lb->data);
      g_assert_true (json_node_equal (json_object_get_member (a, la->data),
                                      json_object_get_member (b, lb->data)));
    }
  g_assert_null (la);
  g_assert_null (lb);
}

static void
assert_items_equal (BpItem *a,
                    BpItem *b)
{
  g_assert_cmpstr (bp_item_get_id (a), ==, bp_item_get_id (b));
  assert_extras_equal (bp_item_get_extras (a), bp_item_get_extras (b));
}

static void
assert_nodes_equal (JsonNode *a,
                    JsonNode *b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (json_node_equal (a, b));
}

static void
assert_records_equal (BpDocument *a,
                      BpDocument *b)
{
  GPtrArray *da = bp_document_get_dismissals (a), *db = bp_document_get_dismissals (b);
  GPtrArray *ca = bp_document_get_conflicts (a), *cb = bp_document_get_conflicts (b);

  g_assert_cmpfloat (bp_document_get_tolerance (a), ==, bp_document_get_tolerance (b));

  g_assert_cmpuint (da->len, ==, db->len);
  for (guint i = 0; i < da->len; i++)
    {
      BpDismissal *x = g_ptr_array_index (da, i), *y = g_ptr_array_index (db, i);

      g_assert_cmpstr (bp_dismissal_get_check (x), ==, bp_dismissal_get_check (y));
      g_assert_cmpstr (bp_dismissal_get_item (x), ==, bp_dismissal_get_item (y));
      assert_extras_equal (bp_dismissal_get_extras (x), bp_dismissal_get_extras (y));
    }

  g_assert_cmpuint (ca->len, ==, cb->len);
  for (guint i = 0; i < ca->len; i++)
    {
      BpConflict *x = g_ptr_array_index (ca, i), *y = g_ptr_array_index (cb, i);

      g_assert_cmpstr (bp_conflict_get_item (x), ==, bp_conflict_get_item (y));
      g_assert_cmpstr (bp_conflict_get_field (x), ==, bp_conflict_get_field (y));
      assert_nodes_equal (bp_conflict_get_ours (x), bp_conflict_get_ours (y));
      assert_nodes_equal (bp_conflict_get_theirs (x), bp_conflict_get_theirs (y));
      assert_extras_equal (bp_conflict_get_extras (x), bp_conflict_get_extras (y));
    }
}

static void
assert_documents_equal (BpDocument *a,
                        BpDocument *b)
{
  assert_records_equal (a, b);

  g_assert_cmpstr (bp_document_get_title (a), ==, bp_document_get_title (b));
  g_assert_cmpint (bp_document_get_state (a), ==, bp_document_get_state (b));
  g_assert_cmpstr (bp_document_get_persona (a), ==, bp_document_get_persona (b));
  g_assert_cmpstr (bp_document_get_goal (a), ==, bp_document_get_goal (b));
  g_assert_cmpstr (bp_document_get_scenario_start (a), ==, bp_document_get_scenario_start (b));
  g_assert_cmpstr (bp_document_get_scenario_end (a), ==, bp_document_get_scenario_end (b));
  assert_extras_equal (bp_document_get_extras (a), bp_document_get_extras (b));
  assert_extras_equal (bp_document_get_scenario_extras (a), bp_document_get_scenario_extras (b));

  g_assert_cmpuint (bp_document_get_n_stages (a), ==, bp_document_get_n_stages (b));
  for (guint i = 0; i < bp_document_get_n_stages (a); i++)
    {
      BpStage *sa = bp_document_get_stage (a, i), *sb = bp_document_get_stage (b, i);

      assert_items_equal (BP_ITEM (sa), BP_ITEM (sb));
      g_assert_cmpstr (bp_stage_get_name (sa), ==, bp_stage_get_name (sb));
      g_assert_cmpfloat (bp_stage_get_width (sa), ==, bp_stage_get_width (sb));
      g_assert_cmpfloat (bp_stage_get_tolerance (sa), ==, bp_stage_get_tolerance (sb));
    }

  g_assert_cmpuint (bp_document_get_n_lanes (a), ==, bp_document_get_n_lanes (b));
  for (guint i = 0; i < bp_document_get_n_lanes (a); i++)
    {
      BpLane *la = bp_document_get_lane (a, i), *lb = bp_document_get_lane (b, i);

      assert_items_equal (BP_ITEM (la), BP_ITEM (lb));
      g_assert_cmpint (bp_lane_get_kind (la), ==, bp_lane_get_kind (lb));
      g_assert_cmpstr (bp_lane_get_name (la), ==, bp_lane_get_name (lb));
      g_assert_cmpfloat (bp_lane_get_height (la), ==, bp_lane_get_height (lb));
      g_assert_cmpstr (bp_lane_get_color (la), ==, bp_lane_get_color (lb));
    }

  g_assert_cmpuint (bp_document_get_n_steps (a), ==, bp_document_get_n_steps (b));
  for (guint i = 0; i < bp_document_get_n_steps (a); i++)
    {
      BpStep *sa = bp_document_get_step (a, i), *sb = bp_document_get_step (b, i);

      assert_items_equal (BP_ITEM (sa), BP_ITEM (sb));
      g_assert_cmpstr (bp_step_get_lane (sa), ==, bp_step_get_lane (sb));
      g_assert_cmpstr (bp_step_get_stage (sa), ==, bp_step_get_stage (sb));
      g_assert_cmpfloat (bp_step_get_x (sa), ==, bp_step_get_x (sb));
      g_assert_cmpfloat (bp_step_get_width (sa), ==, bp_step_get_width (sb));
      g_assert_cmpstr (bp_step_get_text (sa), ==, bp_step_get_text (sb));
      g_assert_cmpstr (bp_step_get_actor (sa), ==, bp_step_get_actor (sb));
      g_assert_cmpfloat (bp_step_get_duration (sa), ==, bp_step_get_duration (sb));
      g_assert_cmpfloat (bp_step_get_tolerance (sa), ==, bp_step_get_tolerance (sb));
      g_assert_cmpstr (bp_step_get_notes (sa), ==, bp_step_get_notes (sb));
      g_assert_cmpuint (bp_step_get_flags (sa), ==, bp_step_get_flags (sb));
      g_assert_cmpstr (bp_step_get_color (sa), ==, bp_step_get_color (sb));
    }

  g_assert_cmpuint (bp_document_get_n_flows (a), ==, bp_document_get_n_flows (b));
  for (guint i = 0; i < bp_document_get_n_flows (a); i++)
    {
      BpFlow *fa = bp_document_get_flow (a, i), *fb = bp_document_get_flow (b, i);

      assert_items_equal (BP_ITEM (fa), BP_ITEM (fb));
      g_assert_cmpstr (bp_flow_get_from (fa), ==, bp_flow_get_from (fb));
      g_assert_cmpstr (bp_flow_get_to (fa), ==, bp_flow_get_to (fb));
      g_assert_cmpstr (bp_flow_get_label (fa), ==, bp_flow_get_label (fb));
      g_assert_cmpint (bp_flow_get_kind (fa), ==, bp_flow_get_kind (fb));
    }
}

/* The smallest valid blueprint, with @extra (members, each followed by a
 * comma) at the top level and @step_members inside a step. */
static char *
small_blueprint (const char *extra,
                 const char *step_members)
{
  return g_strdup_printf ("{\"format\": \"bpj\", \"version\": 1, %s"
                          "\"stages\": [{\"id\": \"a\"}],"
                          "\"lanes\": [{\"id\": \"l\", \"kind\": \"customer\"}],"
                          "\"steps\": [{\"id\": \"s\", \"lane\": \"l\", \"stage\": \"a\", \"x\": 0%s}]}",
                          extra, step_members);
}

static BpDocument *
make_document (void)
{
  BpDocument *document = bp_document_new ();
  g_autoptr(BpStage) stage = bp_stage_new ("a");
  g_autoptr(BpLane) lane = bp_lane_new ("c", BP_LANE_KIND_CUSTOMER);
  g_autoptr(BpStep) step = bp_step_new ("s1", "c", "a", 10);

  g_assert_true (bp_document_insert (document, BP_ITEM (stage), -1));
  g_assert_true (bp_document_insert (document, BP_ITEM (lane), -1));
  g_assert_true (bp_document_insert (document, BP_ITEM (step), -1));
  return document;
}

static BpStep *
first_step (BpDocument *document)
{
  return bp_document_get_step (document, 0);
}

/* Reading valid files */

/* The example of the format page, checked against what the page says. */
static void
test_example (void)
{
  g_autoptr(BpDocument) document = load_valid ("example.bpj");
  BpHistory *history = bp_document_get_history (document);
  static const struct { const char *id; BpLaneKind kind; const char *name; } lanes[] = {
    { "evidence", BP_LANE_KIND_EVIDENCE, NULL },   /* "Physical evidence": the usual name */
    { "customer", BP_LANE_KIND_CUSTOMER, NULL },   /* "Customer actions": the usual name */
    { "front", BP_LANE_KIND_FRONTSTAGE, "Frontstage" },
    { "back", BP_LANE_KIND_BACKSTAGE, "Backstage" },
    { "it", BP_LANE_KIND_SUPPORT, NULL },          /* "Support processes": the usual name */
  };
  BpStep *s1, *s2, *s3;
  BpFlow *f1, *f2;

  g_assert_cmpstr (bp_document_get_title (document), ==, "Online loan payment");
  g_assert_cmpstr (bp_document_get_persona (document), ==, "Existing customer with a car loan");
  g_assert_cmpstr (bp_document_get_goal (document), ==, "Pay this month's instalment without calling the bank");
  g_assert_cmpstr (bp_document_get_scenario_start (document), ==, "Customer opens the bank's website");
  g_assert_cmpstr (bp_document_get_scenario_end (document), ==, "Customer sees the payment confirmed");
  g_assert_cmpint (bp_document_get_state (document), ==, BP_BLUEPRINT_STATE_CURRENT);
  g_assert_null (bp_document_get_extras (document));
  g_assert_null (bp_document_get_scenario_extras (document));

  g_assert_cmpuint (bp_document_get_n_stages (document), ==, 2);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 0))), ==, "attract");
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 0)), ==, "Log in");
  g_assert_cmpfloat (bp_stage_get_width (bp_document_get_stage (document, 0)), ==, 480);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (bp_document_get_stage (document, 1))), ==, "pay");
  g_assert_cmpstr (bp_stage_get_name (bp_document_get_stage (document, 1)), ==, "Pay");
  g_assert_cmpfloat (bp_stage_get_width (bp_document_get_stage (document, 1)), ==, 640);

  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, G_N_ELEMENTS (lanes));
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      BpLane *lane = bp_document_get_lane (document, i);

      g_assert_cmpstr (bp_item_get_id (BP_ITEM (lane)), ==, lanes[i].id);
      g_assert_cmpint (bp_lane_get_kind (lane), ==, lanes[i].kind);
      g_assert_cmpstr (bp_lane_get_name (lane), ==, lanes[i].name);
      g_assert_cmpfloat (bp_lane_get_height (lane), ==, 120);
      g_assert_null (bp_lane_get_color (lane));
    }

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 3);
  s1 = bp_document_get_step (document, 0);
  s2 = bp_document_get_step (document, 1);
  s3 = bp_document_get_step (document, 2);
  g_assert_cmpstr (bp_item_get_id (BP_ITEM (s1)), ==, "s1");
  g_assert_cmpstr (bp_step_get_lane (s1), ==, "customer");
  g_assert_cmpstr (bp_step_get_stage (s1), ==, "attract");
  g_assert_cmpfloat (bp_step_get_x (s1), ==, 24);
  g_assert_cmpfloat (bp_step_get_width (s1), ==, 160);
  g_assert_cmpstr (bp_step_get_text (s1), ==, "Opens online banking");
  g_assert_null (bp_step_get_actor (s1));
  g_assert_cmpfloat (bp_step_get_duration (s1), ==, 30);
  g_assert_null (bp_step_get_notes (s1));
  g_assert_cmpuint (bp_step_get_flags (s1), ==, 0);
  g_assert_null (bp_step_get_color (s1));

  g_assert_cmpstr (bp_step_get_lane (s2), ==, "front");
  g_assert_cmpstr (bp_step_get_text (s2), ==, "Login page asks for 2FA code");
  g_assert_cmpstr (bp_step_get_actor (s2), ==, "Website");
  g_assert_false (bp_step_has_duration (s2));
  g_assert_cmpfloat (bp_step_get_duration (s2), <, 0);
  g_assert_cmpuint (bp_step_get_flags (s2), ==, BP_STEP_FLAG_PAIN_POINT);

  g_assert_cmpstr (bp_step_get_lane (s3), ==, "it");
  g_assert_cmpstr (bp_step_get_actor (s3), ==, "Bank IT");

  g_assert_cmpuint (bp_document_get_n_flows (document), ==, 2);
  f1 = bp_document_get_flow (document, 0);
  f2 = bp_document_get_flow (document, 1);
  g_assert_cmpstr (bp_flow_get_from (f1), ==, "s1");
  g_assert_cmpstr (bp_flow_get_to (f1), ==, "s2");
  g_assert_null (bp_flow_get_label (f1));
  g_assert_cmpstr (bp_flow_get_from (f2), ==, "s2");
  g_assert_cmpstr (bp_flow_get_to (f2), ==, "s3");
  g_assert_cmpstr (bp_flow_get_label (f2), ==, "code");

  /* A loaded document starts clean. */
  g_assert_false (bp_history_get_modified (history));
  g_assert_false (bp_history_can_undo (history));
  g_assert_false (bp_history_is_frozen (history));
}

/* read → write → read gives the same document; writing it twice, and
 * writing the second one, gives the same bytes. */
static void
test_round_trip (void)
{
  g_autofree char *dir = data_path ("valid", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autoptr(BpDocument) first = NULL;
      g_autoptr(BpDocument) second = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      g_autofree char *text2 = NULL;

      if (!g_str_has_suffix (name, ".bpj"))
        continue;

      first = load_valid (name);
      text = write_text (first);
      again = write_text (first);
      g_assert_cmpstr (text, ==, again);

      second = read_text (text);
      assert_documents_equal (first, second);
      text2 = write_text (second);
      g_assert_cmpstr (text, ==, text2);
      n++;
    }

  g_assert_cmpuint (n, >=, 4);
}

/* Files written in the canonical form come back byte for byte. */
static void
test_canonical (void)
{
  static const struct { const char *input; const char *canonical; } files[] = {
    { "canonical.bpj", "canonical.bpj" },
    { "minimal.bpj", "minimal.bpj" },
    { "extras.bpj", "extras-canonical.bpj" },
    { "extras-canonical.bpj", "extras-canonical.bpj" },
    { "insights.bpj", "insights.bpj" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BpDocument) document = load_valid (files[i].input);
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;
      gsize expected_length, length;

      expected = read_data ("valid", files[i].canonical, &expected_length);
      text = bp_bpj_write (document, &length);
      g_assert_cmpmem (text, length, expected, expected_length);
    }
}

static void
assert_member_names (JsonObject         *object,
                     const char * const *names)
{
  g_autoptr(GList) members = NULL;
  GList *l;
  guint i;

  g_assert_nonnull (object);
  members = json_object_get_members (object);
  for (l = members, i = 0; l != NULL && names[i] != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, names[i]);
  g_assert_null (l);
  g_assert_null (names[i]);
}

/* Unknown keys at every level are kept, in the order read, with their
 * values, and survive a save. */
static void
test_extras (void)
{
  g_autoptr(BpDocument) document = load_valid ("extras.bpj");
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;
  const char *top[] = { "x-first", "zeta", "alpha", NULL };
  const char *scenario[] = { "mood", "alpha", NULL };
  const char *stage[] = { "color-hint", "order", NULL };
  const char *lane[] = { "z", "a", NULL };
  const char *step[] = { "later", "earlier", NULL };
  const char *flow[] = { "weight", "style", NULL };
  JsonObject *extras;
  JsonNode *nested;

  for (guint round = 0; round < 2; round++)
    {
      BpDocument *d = round == 0 ? document : again;

      assert_member_names (bp_document_get_extras (d), top);
      assert_member_names (bp_document_get_scenario_extras (d), scenario);
      assert_member_names (bp_item_get_extras (BP_ITEM (bp_document_get_stage (d, 0))), stage);
      assert_member_names (bp_item_get_extras (BP_ITEM (bp_document_get_lane (d, 0))), lane);
      assert_member_names (bp_item_get_extras (BP_ITEM (bp_document_get_step (d, 0))), step);
      g_assert_null (bp_item_get_extras (BP_ITEM (bp_document_get_step (d, 1))));
      assert_member_names (bp_item_get_extras (BP_ITEM (bp_document_get_flow (d, 0))), flow);

      extras = bp_document_get_extras (d);
      g_assert_true (json_object_get_boolean_member (extras, "zeta"));
      g_assert_cmpstr (json_object_get_string_member (extras, "alpha"), ==, "last");
      nested = json_array_get_element (json_object_get_array_member (json_object_get_object_member (extras, "x-first"),
                                                                     "nested"), 2);
      g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (nested), "deep")));
      g_assert_cmpfloat (json_object_get_double_member (bp_item_get_extras (BP_ITEM (bp_document_get_flow (d, 0))), "weight"),
                         ==, 0.5);
      g_assert_cmpstr (json_object_get_string_member (bp_document_get_scenario_extras (d), "mood"), ==, "calm");

      /* Known keys are not kept twice. */
      g_assert_false (json_object_has_member (bp_item_get_extras (BP_ITEM (bp_document_get_lane (d, 0))), "kind"));
      g_assert_false (json_object_has_member (extras, "format"));

      text = write_text (d);
      if (round == 0)
        again = read_text (text);
      g_clear_pointer (&text, g_free);
    }

  assert_documents_equal (document, again);
}

/* An unknown key that takes a known key's name (only possible through
 * the API) must not give a file with the key twice. */
static void
test_extras_shadowing (void)
{
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(JsonObject) extras = json_object_new ();
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (extras, "text", "shadow");
  json_object_set_string_member (extras, "mine", "kept");
  bp_item_set_extras (BP_ITEM (first_step (document)), extras);
  bp_step_set_text (first_step (document), "real");

  text = write_text (document);
  again = read_text (text);
  g_assert_cmpstr (bp_step_get_text (first_step (again)), ==, "real");
  g_assert_cmpstr (json_object_get_string_member (bp_item_get_extras (BP_ITEM (first_step (again))), "mine"),
                   ==, "kept");
  g_assert_null (strstr (text, "shadow"));
}

/* Writing */

/* The style, written out by hand from the format page's rules. */
static void
test_write_style (void)
{
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(BpStep) step = bp_step_new ("s2", "c", "a", 200.5);
  g_autoptr(BpFlow) flow = bp_flow_new ("f1", "s1", "s2");
  g_autofree char *text = NULL;
  const char *expected =
    "{\n"
    "  \"format\": \"bpj\",\n"
    "  \"version\": 1,\n"
    "  \"stages\": [\n"
    "    {\n"
    "      \"id\": \"a\",\n"
    "      \"name\": \"Attract\"\n"
    "    }\n"
    "  ],\n"
    "  \"lanes\": [\n"
    "    {\n"
    "      \"id\": \"c\",\n"
    "      \"kind\": \"customer\"\n"
    "    }\n"
    "  ],\n"
    "  \"steps\": [\n"
    "    {\n"
    "      \"id\": \"s1\",\n"
    "      \"lane\": \"c\",\n"
    "      \"stage\": \"a\",\n"
    "      \"x\": 10,\n"
    "      \"text\": \"Hi\",\n"
    "      \"flags\": [\"pain-point\", \"fail-point\"]\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"s2\",\n"
    "      \"lane\": \"c\",\n"
    "      \"stage\": \"a\",\n"
    "      \"x\": 200.5\n"
    "    }\n"
    "  ],\n"
    "  \"flows\": [\n"
    "    {\n"
    "      \"id\": \"f1\",\n"
    "      \"from\": \"s1\",\n"
    "      \"to\": \"s2\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

  bp_stage_set_name (bp_document_get_stage (document, 0), "Attract");
  bp_step_set_text (first_step (document), "Hi");
  bp_step_set_flags (first_step (document), BP_STEP_FLAG_FAIL_POINT | BP_STEP_FLAG_PAIN_POINT);
  g_assert_true (bp_document_insert (document, BP_ITEM (step), -1));
  g_assert_true (bp_document_insert (document, BP_ITEM (flow), -1));

  text = write_text (document);
  g_assert_cmpstr (text, ==, expected);
}

/* Optional keys at their defaults are left out. */
static void
test_defaults_left_out (void)
{
  g_autoptr(BpDocument) document = bp_document_new_standard ();
  g_autofree char *text = write_text (document);
  g_autofree char *text2 = NULL;
  static const char * const absent[] = {
    "\"title\"", "\"scenario\"", "\"state\"", "\"steps\"", "\"flows\"",
    "\"width\"", "\"height\"", "\"color\"", "Customer actions", "Physical evidence",
    "\"tolerance\"", "\"dismissed\"", "\"conflicts\"", "\"kind\": \"sequence\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_assert_null (strstr (text, absent[i]));
  g_assert_nonnull (strstr (text, "\"kind\": \"support\""));
  g_assert_nonnull (strstr (text, "\"stages\": ["));

  /* A lane given its kind's usual name in the editor is written without
   * one; any other name is written. */
  bp_lane_set_name (bp_document_get_lane (document, 1), "Customer actions");
  bp_lane_set_name (bp_document_get_lane (document, 2), "Counter staff");
  bp_document_set_state (document, BP_BLUEPRINT_STATE_FUTURE);
  bp_document_set_goal (document, "Get paid");
  text2 = write_text (document);
  g_assert_null (strstr (text2, "Customer actions"));
  g_assert_nonnull (strstr (text2, "\"name\": \"Counter staff\""));
  g_assert_nonnull (strstr (text2, "\"state\": \"future\""));
  g_assert_nonnull (strstr (text2, "\"scenario\": {\n    \"goal\": \"Get paid\"\n  },"));
}

/* Tolerances, flow kinds, dismissals and conflicts read as the format
 * page says. */
static void
test_insights_fields (void)
{
  g_autoptr(BpDocument) document = load_valid ("insights.bpj");
  BpStep *s1 = BP_STEP (bp_document_lookup (document, "s1"));
  BpStep *s2 = BP_STEP (bp_document_lookup (document, "s2"));
  BpStep *s3 = BP_STEP (bp_document_lookup (document, "s3"));
  static const BpFlowKind kinds[] = {
    BP_FLOW_KIND_SEQUENCE, BP_FLOW_KIND_RECOVERY, BP_FLOW_KIND_REWORK, BP_FLOW_KIND_INFORMATION,
  };
  GPtrArray *dismissals = bp_document_get_dismissals (document);
  GPtrArray *conflicts = bp_document_get_conflicts (document);
  BpConflict *conflict;

  g_assert_cmpfloat (bp_document_get_tolerance (document), ==, 3600);
  g_assert_cmpfloat (bp_stage_get_tolerance (bp_document_get_stage (document, 0)), ==, 600);
  g_assert_true (bp_stage_has_tolerance (bp_document_get_stage (document, 1)));
  g_assert_cmpfloat (bp_stage_get_tolerance (bp_document_get_stage (document, 1)), ==, 0);
  g_assert_cmpfloat (bp_step_get_tolerance (s1), ==, 45.5);
  g_assert_true (bp_step_has_tolerance (s2));
  g_assert_false (bp_step_has_tolerance (s3));
  g_assert_cmpfloat (bp_step_get_tolerance (s3), <, 0);
  g_assert_cmpuint (bp_step_get_flags (s1), ==, BP_STEP_FLAGS_ALL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpint (bp_flow_get_kind (bp_document_get_flow (document, i)), ==, kinds[i]);

  g_assert_cmpuint (dismissals->len, ==, 2);
  g_assert_true (bp_document_is_dismissed (document, "missing-actor", "s2"));
  g_assert_false (bp_document_is_dismissed (document, "missing-actor", "s1"));
  g_assert_false (bp_document_is_dismissed (document, "dead-end", "s2"));
  /* A check this version does not know is kept, with its unknown keys. */
  g_assert_true (bp_document_is_dismissed (document, "a-check-of-a-later-version", "s3"));
  g_assert_cmpstr (json_object_get_string_member (bp_dismissal_get_extras (g_ptr_array_index (dismissals, 1)),
                                                  "reason"), ==, "accepted at the review");

  g_assert_cmpuint (conflicts->len, ==, 3);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_null (bp_conflict_get_item (conflict));
  g_assert_cmpstr (bp_conflict_get_field (conflict), ==, "title");
  g_assert_cmpstr (json_node_get_string (bp_conflict_get_theirs (conflict)), ==, "Insight fields");
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpstr (bp_conflict_get_item (conflict), ==, "s3");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (bp_conflict_get_ours (conflict)));
  /* Absent is not null. */
  g_assert_null (bp_conflict_get_theirs (conflict));
  g_assert_cmpstr (json_object_get_string_member (bp_conflict_get_extras (conflict), "by"), ==, "merge");
  conflict = g_ptr_array_index (conflicts, 2);
  g_assert_true (JSON_NODE_HOLDS_NULL (bp_conflict_get_ours (conflict)));
  g_assert_cmpfloat (json_node_get_double (bp_conflict_get_theirs (conflict)), ==, 1e20);
}

/* A dismissal whose item is gone is dropped on save; a save with no
 * conflict left writes no "conflicts". */
static void
test_insights_records_on_save (void)
{
  g_autoptr(BpDocument) document = load_valid ("insights.bpj");
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  bp_document_remove (document, bp_document_lookup (document, "s3"));
  text = write_text (document);
  g_assert_null (strstr (text, "a-check-of-a-later-version"));
  g_assert_nonnull (strstr (text, "\"check\": \"missing-actor\""));
  g_assert_nonnull (strstr (text, "\"conflicts\""));

  again = read_text (text);
  g_assert_cmpuint (bp_document_get_dismissals (again)->len, ==, 1);

  while (bp_document_get_conflicts (document)->len > 0)
    bp_document_remove_conflict (document, 0);
  bp_document_set_dismissed (document, "missing-actor", "s2", FALSE);
  text2 = write_text (document);
  g_assert_null (strstr (text2, "\"conflicts\""));
  g_assert_null (strstr (text2, "\"dismissed\""));
  g_assert_nonnull (strstr (text2, "\"x-after\": []"));
}

/* A lane named with its kind's usual name reads as "no name"; the same
 * name on another kind is a real name. */
static void
test_lane_usual_names (void)
{
  g_autoptr(BpDocument) document = read_text (
    "{\"format\": \"bpj\", \"version\": 1, \"stages\": [{\"id\": \"a\"}], \"lanes\": ["
    "{\"id\": \"c\", \"kind\": \"customer\", \"name\": \"Customer actions\"},"
    "{\"id\": \"f\", \"kind\": \"frontstage\", \"name\": \"Customer actions\"},"
    "{\"id\": \"b\", \"kind\": \"backstage\", \"name\": \"backstage actions\"}]}");

  g_assert_null (bp_lane_get_name (bp_document_get_lane (document, 0)));
  g_assert_cmpstr (bp_lane_get_name (bp_document_get_lane (document, 1)), ==, "Customer actions");
  g_assert_cmpstr (bp_lane_get_name (bp_document_get_lane (document, 2)), ==, "backstage actions");
}

static void
test_deterministic (void)
{
  g_autoptr(BpDocument) a = load_valid ("canonical.bpj");
  g_autoptr(BpDocument) b = load_valid ("canonical.bpj");
  g_autofree char *text_a = write_text (a);
  g_autofree char *text_b = write_text (b);
  g_autofree char *text_a2 = NULL;

  g_assert_cmpstr (text_a, ==, text_b);

  /* An edit and its undo leave the same bytes. */
  bp_document_set_title (a, "Something else");
  bp_history_undo (bp_document_get_history (a));
  text_a2 = write_text (a);
  g_assert_cmpstr (text_a, ==, text_a2);
}

/* Numbers: whole ones as integers, the others exactly and briefly. */
static void
test_numbers (void)
{
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(BpDocument) again = NULL;
  g_autoptr(BpDocument) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *source = NULL;
  BpStep *step = first_step (document);
  BpStage *stage = bp_document_get_stage (document, 0);
  JsonObject *extras;

  bp_step_set_x (step, 0.1);
  bp_step_set_width (step, 1000.0 / 3);
  bp_step_set_duration (step, 1e20);
  bp_stage_set_width (stage, 24 * 20.0);
  bp_lane_set_height (bp_document_get_lane (document, 0), 99999.99999999999);

  text = write_text (document);
  g_assert_nonnull (strstr (text, "\"x\": 0.1,"));
  g_assert_nonnull (strstr (text, "\"width\": 480\n"));
  g_assert_nonnull (strstr (text, "\"duration\": 1e+20\n"));
  g_assert_null (strstr (text, "480.0"));
  g_assert_null (strstr (text, "0.10000"));

  again = read_text (text);
  step = first_step (again);
  g_assert_cmpfloat (bp_step_get_x (step), ==, 0.1);
  g_assert_cmpfloat (bp_step_get_width (step), ==, 1000.0 / 3);
  g_assert_cmpfloat (bp_step_get_duration (step), ==, 1e20);
  g_assert_cmpfloat (bp_stage_get_width (bp_document_get_stage (again, 0)), ==, 480);
  g_assert_cmpfloat (bp_lane_get_height (bp_document_get_lane (again, 0)), ==, 99999.99999999999);

  /* Other spellings of numbers; unknown keys keep large integers exactly. */
  source = small_blueprint ("\"big\": 9007199254740993, \"exp\": 1.5E300, \"neg\": -0.5, \"whole\": 2.0,",
                            ", \"width\": 4.8e2, \"duration\": 1E2");
  parsed = read_text (source);
  g_assert_cmpfloat (bp_step_get_width (first_step (parsed)), ==, 480);
  g_assert_cmpfloat (bp_step_get_duration (first_step (parsed)), ==, 100);
  extras = bp_document_get_extras (parsed);
  g_assert_cmpint (json_object_get_int_member (extras, "big"), ==, G_GINT64_CONSTANT (9007199254740993));

  text2 = write_text (parsed);
  g_assert_nonnull (strstr (text2, "\"big\": 9007199254740993,"));
  g_assert_nonnull (strstr (text2, "\"exp\": 1.5e+300,"));
  g_assert_nonnull (strstr (text2, "\"neg\": -0.5,"));
  g_assert_nonnull (strstr (text2, "\"whole\": 2\n"));
  g_assert_nonnull (strstr (text2, "\"width\": 480,"));
  g_assert_nonnull (strstr (text2, "\"duration\": 100\n"));
}

/* A version written as 1.0 is still version 1. */
static void
test_version_spelling (void)
{
  g_autoptr(BpDocument) document = read_text (
    "{\"format\": \"bpj\", \"version\": 1.0, \"stages\": [{\"id\": \"a\"}],"
    " \"lanes\": [{\"id\": \"l\", \"kind\": \"support\"}]}");

  g_assert_cmpuint (bp_document_get_n_lanes (document), ==, 1);
}

/* Escapes are written as RFC 8259 wants them, and read back. */
static void
test_strings (void)
{
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(BpDocument) again = NULL;
  g_autoptr(BpDocument) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  const char *tricky = "quote \" backslash \\ slash / newline \n tab \t cr \r bell \x07 "
                       "unit \x1f del \x7f é 😀 \u2028 end";

  bp_step_set_text (first_step (document), tricky);
  bp_step_set_notes (first_step (document), "");
  bp_document_set_title (document, "\"Quoted\" title");

  text = write_text (document);
  g_assert_nonnull (strstr (text, "\"text\": \"quote \\\" backslash \\\\ slash / newline \\n tab \\t "
                                  "cr \\r bell \\u0007 unit \\u001f del \x7f é 😀 \u2028 end\""));
  g_assert_nonnull (strstr (text, "\"notes\": \"\""));
  g_assert_nonnull (strstr (text, "\"title\": \"\\\"Quoted\\\" title\""));

  again = read_text (text);
  g_assert_cmpstr (bp_step_get_text (first_step (again)), ==, tricky);
  g_assert_cmpstr (bp_step_get_notes (first_step (again)), ==, "");
  g_assert_cmpstr (bp_document_get_title (again), ==, "\"Quoted\" title");

  /* Escapes a writer may use, including in a key. */
  source = small_blueprint ("\"\\u0061b\\u0063\": \"\\u00e9\",",
                            ", \"text\": \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\u20AC\"");
  parsed = read_text (source);
  g_assert_cmpstr (bp_step_get_text (first_step (parsed)), ==, "é😀/\b\f€");
  g_assert_cmpstr (json_object_get_string_member (bp_document_get_extras (parsed), "abc"), ==, "é");
}

/* RFC 8259 allows a reader to skip a byte order mark. */
static void
test_byte_order_mark (void)
{
  g_autofree char *plain = small_blueprint ("", "");
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", plain, NULL);
  g_autoptr(BpDocument) document = read_text (text);

  g_assert_cmpuint (bp_document_get_n_steps (document), ==, 1);
}

/* Refusing */

/* Every file of the corpus is refused with the expected path and rule,
 * and bp_bpj_check() reports the same problem first. */
static void
test_invalid_corpus (void)
{
  g_autofree char *dir = data_path ("invalid", NULL);
  g_autofree char *manifest = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) listing = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  gsize length;

  manifest = read_data ("invalid", "expected.txt", &length);
  lines = g_strsplit (manifest, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BpDocument) document = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *data = NULL;
      gsize data_length;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_hash_table_add (listed, g_strdup (fields[0]));

      path = g_build_filename (dir, fields[0], NULL);
      document = bp_bpj_load (path, &error);
      g_test_message ("%s: %s", fields[0], error != NULL ? error->message : "(loaded)");
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_true (error->domain == BP_BPJ_ERROR);
      prefix = g_strconcat (path, ": ", NULL);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (strstr (error->message, fields[1]) == NULL)
        g_error ("%s: expected “%s” in “%s”", fields[0], fields[1], error->message);

      data = read_data ("invalid", fields[0], &data_length);
      problems = bp_bpj_check (data, data_length, 100);
      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message + strlen (prefix));
    }

  g_assert_cmpuint (g_hash_table_size (listed), >=, 40);

  /* No file in the corpus goes untested. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".bpj") && !g_hash_table_contains (listed, name))
      g_error ("%s is not in expected.txt", name);
}

static void
assert_refused_with (const char *dir,
                     const char *name,
                     BpBpjError  code)
{
  g_autofree char *path = data_path (dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = bp_bpj_load (path, &error);

  g_assert_null (document);
  g_assert_error (error, BP_BPJ_ERROR, (int) code);
}

static void
test_error_codes (void)
{
  g_autofree char *missing = data_path ("invalid", "no-such-file.bpj");
  g_autoptr(GError) error = NULL;

  assert_refused_with ("invalid", "empty.bpj", BP_BPJ_ERROR_SYNTAX);
  assert_refused_with ("invalid", "syntax-comment.bpj", BP_BPJ_ERROR_SYNTAX);
  assert_refused_with ("invalid", "bad-utf8.bpj", BP_BPJ_ERROR_SYNTAX);
  assert_refused_with ("invalid", "truncated.bpj", BP_BPJ_ERROR_SYNTAX);
  assert_refused_with ("invalid", "deep-nesting.bpj", BP_BPJ_ERROR_LIMIT);
  assert_refused_with ("invalid", "version-higher.bpj", BP_BPJ_ERROR_VERSION);
  assert_refused_with ("invalid", "step-unknown-lane.bpj", BP_BPJ_ERROR_INVALID);
  assert_refused_with ("invalid", "duplicate-key.bpj", BP_BPJ_ERROR_INVALID);
  assert_refused_with ("invalid", "number-too-large-integer.bpj", BP_BPJ_ERROR_INVALID);

  g_assert_null (bp_bpj_load (missing, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
}

/* bp_bpj_check() reports every problem, in file order, up to the limit. */
static void
test_check_many (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"bpj\",\n"
    "  \"version\": 1,\n"
    "  \"title\": 5,\n"
    "  \"stages\": [{\"id\": \"a\", \"width\": 10}],\n"
    "  \"lanes\": [{\"id\": \"l\", \"kind\": \"support\"},\n"
    "            {\"id\": \"m\", \"kind\": \"customer\", \"color\": \"blue\"}],\n"
    "  \"steps\": [{\"id\": \"s1\", \"lane\": \"zz\", \"stage\": \"a\", \"x\": -4}],\n"
    "  \"flows\": [{\"id\": \"f1\", \"from\": \"s1\", \"to\": \"s1\"}]\n"
    "}\n";
  static const char * const expected[] = {
    "title: must be a string",
    "stages[0].width: 10 is out of range",
    "lanes[1].kind: a \"customer\" lane after a \"support\" lane",
    "lanes[1].color: \"blue\" is not a color",
    "steps[0].lane: refers to lane \"zz\", which does not exist",
    "steps[0].x: -4 is out of range",
    "flows[0].to: the same step as \"from\"",
  };
  g_autoptr(GPtrArray) all = bp_bpj_check (text, strlen (text), 100);
  g_autoptr(GPtrArray) unbounded = bp_bpj_check (text, strlen (text), 0);
  g_autoptr(GPtrArray) three = bp_bpj_check (text, strlen (text), 3);
  g_autoptr(GError) error = refuse_text (text, strlen (text));

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (all, i), expected[i]));

  g_assert_cmpuint (unbounded->len, ==, all->len);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (three, i), ==, g_ptr_array_index (all, i));

  /* Reading refuses with the first. */
  g_assert_cmpstr (error->message + strlen ("test.bpj: "), ==, g_ptr_array_index (all, 0));
}

/* Duplicate keys are reported too, and the rest of the file is checked. */
static void
test_check_duplicates (void)
{
  const char *text =
    "{\"format\": \"bpj\", \"version\": 1, \"stages\": [{\"id\": \"a\", \"name\": \"A\", \"name\": \"B\"}],"
    " \"lanes\": [{\"id\": \"l\", \"kind\": \"nowhere\"}]}";
  g_autoptr(GPtrArray) problems = bp_bpj_check (text, strlen (text), 10);

  g_autoptr(GString) many_keys = g_string_new (NULL);
  g_autofree char *escaped = small_blueprint ("\"title\": \"x\", \"titl\\u0065\": \"y\",", "");
  g_autofree char *big_ok = NULL;
  g_autofree char *big_twice = NULL;
  g_autofree char *member = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(BpDocument) document = NULL;

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "stages[0].name: duplicate key"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "lanes[0].kind: \"nowhere\""));

  /* Keys are compared as text, after their escapes. */
  error = refuse_text (escaped, strlen (escaped));
  g_assert_cmpstr (error->message, ==,
                   "test.bpj: title: duplicate key: a key may appear only once in an object");

  /* Objects with many keys, which are looked up differently. */
  g_string_append (many_keys, "\"big\": {");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (many_keys, "%s\"k%u\": %u", i > 0 ? ", " : "", i, i);
  member = g_strdup_printf (", %s}", many_keys->str);
  big_ok = small_blueprint ("", member);
  document = read_text (big_ok);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (bp_item_get_extras (BP_ITEM (first_step (document))),
                                                                         "big")), ==, 40);

  g_clear_pointer (&member, g_free);
  member = g_strdup_printf (", %s, \"k3\": 0}", many_keys->str);
  big_twice = small_blueprint ("", member);
  error2 = refuse_text (big_twice, strlen (big_twice));
  g_assert_cmpstr (error2->message, ==,
                   "test.bpj: steps[0].big.k3: duplicate key: a key may appear only once in an object");
}

static void
test_check_valid (void)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize length;

  data = read_data ("valid", "canonical.bpj", &length);
  problems = bp_bpj_check (data, length, 10);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Limits */

static GString *
many_steps (guint n_steps)
{
  GString *text = g_string_new ("{\"format\": \"bpj\", \"version\": 1, \"stages\": [{\"id\": \"a\"}],"
                                " \"lanes\": [{\"id\": \"l\", \"kind\": \"customer\"}], \"steps\": [");

  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"lane\": \"l\", \"stage\": \"a\", \"x\": 0}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}");
  return text;
}

static void
test_limit_items (void)
{
  g_autoptr(GString) too_many = many_steps (BP_MAX_ITEMS + 1);
  g_autoptr(GString) most = many_steps (BP_MAX_ITEMS);
  g_autoptr(GError) error = refuse_text (too_many->str, too_many->len);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "test.bpj: steps: holds more than 100000 items, the most a file may hold");

  problems = bp_bpj_check (most->str, most->len, 10);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Dismissals count against the same limit as items. */
static void
test_limit_dismissals (void)
{
  GString *text = g_string_new ("{\"format\": \"bpj\", \"version\": 1, \"stages\": [{\"id\": \"a\"}],"
                                " \"lanes\": [{\"id\": \"l\", \"kind\": \"customer\"}], \"dismissed\": [");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= BP_MAX_ITEMS; i++)
    g_string_append_printf (text, "%s{\"check\": \"empty-stage\", \"item\": \"s%u\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}");

  error = refuse_text (text->str, text->len);
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "test.bpj: dismissed: holds more than 100000 items, the most a file may hold");
  g_string_free (text, TRUE);
}

/* 64 levels are allowed (counting the top-level object), 65 are not. */
static void
test_limit_depth (void)
{
  g_autoptr(GString) deepest = g_string_new ("\"deep\": ");
  g_autoptr(GString) deeper = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(BpDocument) again = NULL;
  g_autofree char *ok_text = NULL;
  g_autofree char *bad_text = NULL;
  g_autofree char *written = NULL;

  for (guint i = 0; i < BP_MAX_DEPTH - 1; i++)
    g_string_append_c (deepest, '[');
  for (guint i = 0; i < BP_MAX_DEPTH - 1; i++)
    g_string_append_c (deepest, ']');
  g_string_append_c (deepest, ',');
  deeper = g_string_new (deepest->str);
  g_string_insert_c (deeper, strlen ("\"deep\": "), '[');
  g_string_insert_c (deeper, deeper->len - 1, ']');

  ok_text = small_blueprint (deepest->str, "");
  document = read_text (ok_text);
  written = write_text (document);
  again = read_text (written);
  assert_documents_equal (document, again);

  bad_text = small_blueprint (deeper->str, "");
  error = refuse_text (bad_text, strlen (bad_text));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
}

/* At most 100,000 bytes in a string: counted in bytes, not characters,
 * in known and unknown keys alike. */
static void
test_limit_strings (void)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *ok_text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *long_extra = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  g_autofree char *ok_member = NULL;
  g_autofree char *long_member = NULL;
  g_autofree char *long_extra_member = NULL;

  for (guint i = 0; i < BP_MAX_STRING_BYTES / 2; i++)
    g_string_append (longest, "é");

  ok_member = g_strdup_printf (", \"text\": \"%s\"", longest->str);
  ok_text = small_blueprint ("", ok_member);
  document = read_text (ok_text);
  g_assert_cmpuint (strlen (bp_step_get_text (first_step (document))), ==, BP_MAX_STRING_BYTES);

  long_member = g_strdup_printf (", \"text\": \"%sa\"", longest->str);
  long_text = small_blueprint ("", long_member);
  error = refuse_text (long_text, strlen (long_text));
  g_assert_cmpstr (error->message, ==, "test.bpj: steps[0].text: longer than 100000 bytes");

  long_extra_member = g_strdup_printf (", \"memo\": [\"%sa\"]", longest->str);
  long_extra = small_blueprint ("", long_extra_member);
  error2 = refuse_text (long_extra, strlen (long_extra));
  g_assert_cmpstr (error2->message, ==, "test.bpj: steps[0].memo[0]: longer than 100000 bytes");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-bpj-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Files over 64 MiB are refused by size, before a byte is read: a sparse
 * file of zeros would otherwise be refused as "not UTF-8". */
static void
test_limit_file_size (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.bpj", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *big = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (truncate (path, 65 * 1024 * 1024), ==, 0);

  g_assert_null (bp_bpj_load (path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));

  /* The same limit holds for data in memory. */
  big = g_malloc (BP_MAX_FILE_SIZE + 1);
  memset (big, ' ', BP_MAX_FILE_SIZE + 1);
  g_assert_null (bp_bpj_read (big, BP_MAX_FILE_SIZE + 1, "big.bpj", &error2));
  g_assert_error (error2, BP_BPJ_ERROR, BP_BPJ_ERROR_LIMIT);

  remove_dir (dir);
}

/* Saving */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
assert_file_holds (const char *path,
                   const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_save_new_and_replace (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.bpj", NULL);
  g_autoptr(BpDocument) document = load_valid ("canonical.bpj");
  g_autoptr(BpDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (bp_bpj_save (document, path, &error));
  g_assert_no_error (error);
  loaded = bp_bpj_load (path, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, loaded);

  /* Replacing leaves exactly one file behind: no temporary files. */
  bp_document_set_title (document, "Second version");
  g_assert_true (bp_bpj_save (document, path, &error));
  text = write_text (document);
  assert_file_holds (path, text);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

static void
test_save_keeps_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.bpj", NULL);
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (bp_bpj_save (document, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* A mode the umask would strip survives too. */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_true (bp_bpj_save (document, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666);

  remove_dir (dir);
}

static void
test_save_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.bpj", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.bpj", NULL);
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = write_text (document);

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.bpj", link_path), ==, 0);

  g_assert_true (bp_bpj_save (document, link_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (target, ==, "real.bpj");
  assert_file_holds (real, text);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_dir (dir);
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "plan.bpj", NULL);
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bp_bpj_save (document, path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));

  remove_dir (dir);
}

static void
test_save_read_only_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused even for root, whom the system would let write there. */
  dir = make_temp_dir ();
  path = g_build_filename (dir, "plan.bpj", NULL);
  document = make_document ();
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (bp_bpj_save (document, path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  assert_file_holds (path, "old contents");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* A failure while saving, that root meets too: the temporary file's name
 * is longer than a name may be. The old file stays as it was. */
static void
test_save_failure_keeps_old (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  long name_max = pathconf (dir, _PC_NAME_MAX);
  g_autoptr(GString) long_name = g_string_new (NULL);
  int fd;

  g_assert_cmpint (name_max, >, 10);
  while (long_name->len < (gsize) name_max - 4)
    g_string_append_c (long_name, 'n');
  g_string_append (long_name, ".bpj");
  path = g_build_filename (dir, long_name->str, NULL);
  /* Not g_file_set_contents(): it would need a temporary name as well. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "old contents", 12), ==, 12);
  g_assert_cmpint (close (fd), ==, 0);

  g_assert_false (bp_bpj_save (document, path, &error));
  g_assert_error (error, BP_BPJ_ERROR, BP_BPJ_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENAMETOOLONG)));
  assert_file_holds (path, "old contents");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* Saving is not the history's business. */
static void
test_save_keeps_history (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.bpj", NULL);
  g_autoptr(BpDocument) document = make_document ();
  BpHistory *history = bp_document_get_history (document);

  bp_history_mark_saved (history);
  bp_document_set_title (document, "Changed");
  g_assert_true (bp_history_get_modified (history));
  g_assert_true (bp_bpj_save (document, path, NULL));
  g_assert_true (bp_history_get_modified (history));
  g_assert_true (bp_history_can_undo (history));

  remove_dir (dir);
}

/* A 10,000-card blueprint saves, loads and writes back the same text.
 * Its times are only reported: speed targets live in tests/bench.c. */
static void
test_large_document (void)
{
  g_autoptr(BpDocument) document = make_document ();
  g_autoptr(BpDocument) loaded = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.bpj", NULL);
  g_autofree char *saved_text = NULL;
  g_autofree char *loaded_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, read_time, save_time;

  for (guint i = 0; i < 19; i++)
    bp_document_add_stage (document, "Stage", -1);
  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    bp_document_add_lane (document, k, NULL);
  for (guint i = 1; i < 10000; i++)
    {
      BpStage *stage = bp_document_get_stage (document, i % 20);
      BpLane *lane = bp_document_get_lane (document, i % 6);
      BpStep *step = bp_document_add_step (document,
                                           bp_item_get_id (BP_ITEM (lane)),
                                           bp_item_get_id (BP_ITEM (stage)),
                                           (i * 7) % 300, "A step of the service");
      bp_step_set_duration (step, i % 100);
    }
  for (guint i = 0; i < 10000; i++)
    bp_document_add_flow (document,
                          bp_item_get_id (BP_ITEM (bp_document_get_step (document, i))),
                          bp_item_get_id (BP_ITEM (bp_document_get_step (document, (i + 1) % 10000))));
  g_assert_cmpuint (bp_document_get_n_flows (document), ==, 10000);

  start = g_get_monotonic_time ();
  g_assert_true (bp_bpj_save (document, path, &error));
  save_time = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  loaded = bp_bpj_load (path, &error);
  read_time = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  g_test_message ("10,000 steps and flows: load %.1f ms, save %.1f ms",
                  read_time / 1000.0, save_time / 1000.0);
  g_assert_cmpuint (bp_document_get_n_steps (loaded), ==, 10000);
  g_assert_cmpuint (bp_document_get_n_flows (loaded), ==, 10000);

  g_assert_true (g_file_get_contents (path, &saved_text, NULL, &error));
  loaded_text = bp_bpj_write (loaded, NULL);
  g_assert_true (g_str_equal (loaded_text, saved_text));

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bpj/read/example", test_example);
  g_test_add_func ("/bpj/read/lane-usual-names", test_lane_usual_names);
  g_test_add_func ("/bpj/read/insights-fields", test_insights_fields);
  g_test_add_func ("/bpj/write/insights-records", test_insights_records_on_save);
  g_test_add_func ("/bpj/read/version-spelling", test_version_spelling);
  g_test_add_func ("/bpj/read/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/bpj/round-trip/files", test_round_trip);
  g_test_add_func ("/bpj/round-trip/canonical", test_canonical);
  g_test_add_func ("/bpj/round-trip/extras", test_extras);
  g_test_add_func ("/bpj/round-trip/numbers", test_numbers);
  g_test_add_func ("/bpj/round-trip/strings", test_strings);
  g_test_add_func ("/bpj/write/style", test_write_style);
  g_test_add_func ("/bpj/write/defaults-left-out", test_defaults_left_out);
  g_test_add_func ("/bpj/write/deterministic", test_deterministic);
  g_test_add_func ("/bpj/write/extras-shadowing", test_extras_shadowing);
  g_test_add_func ("/bpj/refuse/corpus", test_invalid_corpus);
  g_test_add_func ("/bpj/refuse/error-codes", test_error_codes);
  g_test_add_func ("/bpj/check/many", test_check_many);
  g_test_add_func ("/bpj/check/duplicates", test_check_duplicates);
  g_test_add_func ("/bpj/check/valid", test_check_valid);
  g_test_add_func ("/bpj/limit/items", test_limit_items);
  g_test_add_func ("/bpj/limit/depth", test_limit_depth);
  g_test_add_func ("/bpj/limit/dismissals", test_limit_dismissals);
  g_test_add_func ("/bpj/limit/strings", test_limit_strings);
  g_test_add_func ("/bpj/limit/file-size", test_limit_file_size);
  g_test_add_func ("/bpj/save/new-and-replace", test_save_new_and_replace);
  g_test_add_func ("/bpj/save/keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/bpj/save/symlink", test_save_symlink);
  g_test_add_func ("/bpj/save/missing-dir", test_save_missing_dir);
  g_test_add_func ("/bpj/save/read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/bpj/save/failure-keeps-old", test_save_failure_keeps_old);
  g_test_add_func ("/bpj/save/keeps-history", test_save_keeps_history);
  g_test_add_func ("/bpj/round-trip/large", test_large_document);

  return g_test_run ();
}
