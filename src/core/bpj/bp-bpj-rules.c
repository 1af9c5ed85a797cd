/* bp-bpj-rules.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "bpj/bp-bpj-private.h"
#include "model/bp-hash.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Step 4 of reading: the format's rules, checked on the tree json-glib
 * built, each problem reported with the JSON path where it is. */

/* The kind of item listed under @key, or -1 when it is not a list. */
static int
list_kind (const char *key)
{
  for (guint k = 0; k < BP_BPJ_N_KINDS; k++)
    if (strcmp (bp_bpj_item_specs[k].key, key) == 0)
      return k;
  return -1;
}

typedef struct
{
  BpBpjProblems *problems;
  GString       *path;
  /* id (borrowed from the tree) → its first item, packed by pack_item() */
  GHashTable    *ids;
  int            last_zone;
  BpBpjKind      kind;      /* the item being checked */
  guint          position;
} Validator;

static gpointer
pack_item (BpBpjKind kind,
           guint     position)
{
  return GUINT_TO_POINTER (((position + 1) << 2) | kind);
}

static void report (Validator  *v,
                    BpBpjError  code,
                    const char *format,
                    ...) G_GNUC_PRINTF (3, 4);

static void
report (Validator  *v,
        BpBpjError  code,
        const char *format,
        ...)
{
  g_autofree char *rule = NULL;
  va_list args;

  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);

  bp_bpj_problems_add (v->problems, code, v->path->str, "%s", rule);
}

static gsize
push_key (Validator  *v,
          const char *key)
{
  gsize old = v->path->len;

  if (old > 0)
    g_string_append_c (v->path, '.');
  g_string_append (v->path, key);
  return old;
}

static gsize
push_position (Validator *v,
               guint      position)
{
  char digits[16];
  gsize old = v->path->len;
  guint i = sizeof digits;

  /* Called for every item: cheaper than a printf. */
  do
    digits[--i] = '0' + position % 10;
  while ((position /= 10) > 0);

  g_string_append_c (v->path, '[');
  g_string_append_len (v->path, digits + i, sizeof digits - i);
  g_string_append_c (v->path, ']');
  return old;
}

static void
pop_path (Validator *v,
          gsize      old)
{
  g_string_truncate (v->path, old);
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* FALSE (and a problem) when @str is longer than any string may be. */
static gboolean
check_string_length (Validator  *v,
                     const char *str)
{
  if (strlen (str) <= BP_MAX_STRING_BYTES)
    return TRUE;

  report (v, BP_BPJ_ERROR_INVALID, _("longer than %d bytes"), BP_MAX_STRING_BYTES);
  return FALSE;
}

/* The string at @node, or NULL (and a problem) when it is none. */
static const char *
expect_string (Validator *v,
               JsonNode  *node)
{
  const char *str;

  if (!node_is_string (node))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("must be a string, not %s"), node_type_name (node));
      return NULL;
    }

  str = json_node_get_string (node);
  return check_string_length (v, str) ? str : NULL;
}

static gboolean
expect_number (Validator *v,
               JsonNode  *node,
               double    *value)
{
  if (!node_is_number (node))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("must be a number, not %s"), node_type_name (node));
      return FALSE;
    }

  *value = json_node_get_double (node);
  return TRUE;
}

/* The node's array, or NULL after reporting what it is instead. */
static JsonArray *
expect_array (Validator *v,
              JsonNode  *node)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("must be an array, not %s"), node_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* Unknown keys may hold any JSON; only the rule on strings applies. */
static void
check_free_value (Validator *v,
                  JsonNode  *node)
{
  if (node_is_string (node))
    {
      check_string_length (v, json_node_get_string (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n && !bp_bpj_problems_full (v->problems); i++)
        {
          gsize old = push_position (v, i);
          check_free_value (v, json_array_get_element (array, i));
          pop_path (v, old);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL && !bp_bpj_problems_full (v->problems); l = l->next)
        {
          gsize old = push_key (v, l->data);

          check_string_length (v, l->data);
          check_free_value (v, json_object_get_member (object, l->data));
          pop_path (v, old);
        }
    }
}

static void
check_number_field (Validator        *v,
                    const BpBpjField *field,
                    JsonNode         *node)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];
  char min_text[G_ASCII_DTOSTR_BUF_SIZE];
  char max_text[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (!expect_number (v, node, &value))
    return;
  if (value >= field->min && value <= field->max)
    return;

  bp_bpj_format_number (value_text, value);
  bp_bpj_format_number (min_text, field->min);
  bp_bpj_format_number (max_text, field->max);

  if (isinf (field->max))
    report (v, BP_BPJ_ERROR_INVALID, _("%s is negative; it must be %s or more"),
            value_text, min_text);
  else
    report (v, BP_BPJ_ERROR_INVALID, _("%s is out of range: it must be from %s to %s"),
            value_text, min_text, max_text);
}

static void
check_id (Validator *v,
          JsonNode  *node)
{
  const char *id = expect_string (v, node);
  gpointer first;

  if (id == NULL)
    return;

  if (!bp_id_is_valid (id))
    {
      g_autofree char *quoted = bp_bpj_quote_value (id);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a valid id: an id is 1 to 64 characters from A-Z a-z 0-9 _ -"),
              quoted);
      return;
    }

  first = g_hash_table_lookup (v->ids, id);
  if (first != NULL && first != pack_item (v->kind, v->position))
    {
      guint packed = GPOINTER_TO_UINT (first);

      report (v, BP_BPJ_ERROR_INVALID, _("the id \"%s\" is already used by %s[%u]"),
              id, bp_bpj_item_specs[packed & 3].key, (packed >> 2) - 1);
    }
}

static void
check_reference (Validator *v,
                 BpBpjKind  wanted,
                 JsonNode  *node)
{
  const char *id = expect_string (v, node);
  g_autofree char *quoted = NULL;
  gpointer found;

  if (id == NULL)
    return;

  found = g_hash_table_lookup (v->ids, id);
  if (found != NULL && (GPOINTER_TO_UINT (found) & 3) == wanted)
    return;

  quoted = bp_bpj_quote_value (id);

  if (found != NULL)
    {
      report (v, BP_BPJ_ERROR_INVALID, _("refers to %s, which is in %s, not in %s"),
              quoted, bp_bpj_item_specs[GPOINTER_TO_UINT (found) & 3].key,
              bp_bpj_item_specs[wanted].key);
      return;
    }

  switch (wanted)
    {
    case BP_BPJ_KIND_LANE:
      report (v, BP_BPJ_ERROR_INVALID, _("refers to lane %s, which does not exist"), quoted);
      break;
    case BP_BPJ_KIND_STAGE:
      report (v, BP_BPJ_ERROR_INVALID, _("refers to stage %s, which does not exist"), quoted);
      break;
    case BP_BPJ_KIND_STEP:
    case BP_BPJ_KIND_FLOW:
    case BP_BPJ_N_KINDS:
    default:
      report (v, BP_BPJ_ERROR_INVALID, _("refers to step %s, which does not exist"), quoted);
      break;
    }
}

static void
check_lane_kind (Validator *v,
                 JsonNode  *node)
{
  const char *str = expect_string (v, node);
  BpLaneKind kind;

  if (str == NULL)
    return;

  if (!bp_lane_kind_from_string (str, &kind))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a lane kind: use evidence, customer, frontstage, backstage or support"),
              quoted);
      return;
    }

  if ((int) kind < v->last_zone)
    report (v, BP_BPJ_ERROR_INVALID,
            _("a \"%s\" lane after a \"%s\" lane: lanes go in zone order, "
              "evidence, customer, frontstage, backstage, support"),
            bp_lane_kind_to_string (kind), bp_lane_kind_to_string (v->last_zone));
  else
    v->last_zone = kind;
}

/* One element of "flags"; adds it to @seen when it is a known flag. */
static void
check_flag (Validator   *v,
            JsonNode    *node,
            BpStepFlags *seen)
{
  const char *str = expect_string (v, node);
  BpStepFlags flag = 0;

  if (str == NULL)
    return;

  if (!bp_step_flag_from_string (str, &flag))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a flag: use pain-point, opportunity, moment-of-truth, "
                "fail-point or wait-point"),
              quoted);
    }
  else if (*seen & flag)
    report (v, BP_BPJ_ERROR_INVALID, _("the flag \"%s\" is listed twice"), str);

  *seen |= flag;
}

static void
check_flags (Validator *v,
             JsonNode  *node)
{
  BpStepFlags seen = 0;
  JsonArray *array;
  guint n;

  array = expect_array (v, node);
  if (array == NULL)
    return;
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      gsize old = push_position (v, i);
      check_flag (v, json_array_get_element (array, i), &seen);
      pop_path (v, old);
    }
}

static void
check_flow_kind (Validator *v,
                 JsonNode  *node)
{
  const char *str = expect_string (v, node);

  if (str != NULL && !bp_flow_kind_from_string (str, NULL))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a flow kind: use sequence, recovery, rework or information"),
              quoted);
    }
}

static void
check_check_name (Validator *v,
                  JsonNode  *node)
{
  const char *str = expect_string (v, node);

  if (str != NULL && !bp_check_name_is_valid (str))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a check name: a check name is 1 to 64 characters from a-z 0-9 -"),
              quoted);
    }
}

/* An id in form only: what it names may be gone. */
static void
check_item_name (Validator *v,
                 JsonNode  *node,
                 gboolean   null_allowed)
{
  const char *str;

  if (null_allowed && JSON_NODE_HOLDS_NULL (node))
    return;

  if (null_allowed && !node_is_string (node))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("must be an id or null, not %s"), node_type_name (node));
      return;
    }

  str = expect_string (v, node);
  if (str != NULL && !bp_id_is_valid (str))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID,
              _("%s is not a valid id: an id is 1 to 64 characters from A-Z a-z 0-9 _ -"),
              quoted);
    }
}

static void
check_color (Validator *v,
             JsonNode  *node)
{
  const char *str = expect_string (v, node);

  if (str != NULL && !bp_color_is_valid (str))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID, _("%s is not a color of the form \"#rrggbb\""), quoted);
    }
}

static void
check_field (Validator        *v,
             const BpBpjField *field,
             JsonNode         *node)
{
  switch (field->type)
    {
    case BP_BPJ_FIELD_ID:
      check_id (v, node);
      break;
    case BP_BPJ_FIELD_STRING:
      expect_string (v, node);
      break;
    case BP_BPJ_FIELD_NUMBER:
      check_number_field (v, field, node);
      break;
    case BP_BPJ_FIELD_COLOR:
      check_color (v, node);
      break;
    case BP_BPJ_FIELD_LANE_KIND:
      check_lane_kind (v, node);
      break;
    case BP_BPJ_FIELD_FLAGS:
      check_flags (v, node);
      break;
    case BP_BPJ_FIELD_LANE_REF:
      check_reference (v, BP_BPJ_KIND_LANE, node);
      break;
    case BP_BPJ_FIELD_STAGE_REF:
      check_reference (v, BP_BPJ_KIND_STAGE, node);
      break;
    case BP_BPJ_FIELD_FLOW_KIND:
      check_flow_kind (v, node);
      break;
    case BP_BPJ_FIELD_CHECK_NAME:
      check_check_name (v, node);
      break;
    case BP_BPJ_FIELD_ITEM_NAME:
      check_item_name (v, node, FALSE);
      break;
    case BP_BPJ_FIELD_ITEM_OR_NULL:
      check_item_name (v, node, TRUE);
      break;
    case BP_BPJ_FIELD_ANY:
      check_free_value (v, node);
      break;
    case BP_BPJ_FIELD_STEP_REF:
    default:
      check_reference (v, BP_BPJ_KIND_STEP, node);
      break;
    }
}

static void
report_missing (Validator  *v,
                const char *key)
{
  gsize old = push_key (v, key);

  report (v, BP_BPJ_ERROR_INVALID, _("required, but missing"));
  pop_path (v, old);
}

/* The required keys an object lacks (reported where the object starts,
 * before its members), then its members in file order. */
static void
check_fields (Validator       *v,
              JsonObject      *object,
              const BpBpjSpec *spec)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].required && !json_object_has_member (object, spec->fields[i].key))
      report_missing (v, spec->fields[i].key);

  for (GList *l = members; l != NULL && !bp_bpj_problems_full (v->problems); l = l->next)
    {
      const BpBpjField *field = bp_bpj_find_field (spec, l->data);
      gsize old = push_key (v, l->data);
      JsonNode *node = json_object_get_member (object, l->data);

      if (field != NULL)
        check_field (v, field, node);
      else
        {
          check_string_length (v, l->data);
          check_free_value (v, node);
        }
      pop_path (v, old);
    }
}

/* A flow's "from" and "to" must differ. */
static void
check_flow_ends (Validator  *v,
                 JsonObject *object)
{
  JsonNode *from = json_object_get_member (object, "from");
  JsonNode *to = json_object_get_member (object, "to");

  if (from != NULL && to != NULL && node_is_string (from) && node_is_string (to) &&
      strcmp (json_node_get_string (from), json_node_get_string (to)) == 0)
    {
      gsize old = push_key (v, "to");
      report (v, BP_BPJ_ERROR_INVALID, _("the same step as \"from\": a flow joins two different steps"));
      pop_path (v, old);
    }
}

static void
check_item (Validator *v,
            BpBpjKind  kind,
            guint      position,
            JsonNode  *node)
{
  gsize old = push_position (v, position);
  JsonObject *object;

  v->kind = kind;
  v->position = position;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("must be an object, not %s"), node_type_name (node));
      pop_path (v, old);
      return;
    }

  object = json_node_get_object (node);
  check_fields (v, object, &bp_bpj_item_specs[kind]);
  if (kind == BP_BPJ_KIND_FLOW)
    check_flow_ends (v, object);

  pop_path (v, old);
}

static void
check_list (Validator *v,
            BpBpjKind  kind,
            JsonNode  *node)
{
  JsonArray *array;
  guint n;

  array = expect_array (v, node);
  if (array == NULL)
    return;
  n = json_array_get_length (array);

  if (n == 0 && kind == BP_BPJ_KIND_STAGE)
    report (v, BP_BPJ_ERROR_INVALID, _("a blueprint needs at least one stage"));
  else if (n == 0 && kind == BP_BPJ_KIND_LANE)
    report (v, BP_BPJ_ERROR_INVALID, _("a blueprint needs at least one lane"));

  v->last_zone = -1;
  for (guint i = 0; i < n && !bp_bpj_problems_full (v->problems); i++)
    check_item (v, kind, i, json_array_get_element (array, i));
}

/* First pass: every item's id, so that references may point forward and
 * a repeated id is reported where it repeats. */
static void
collect_ids (Validator  *v,
             JsonObject *root)
{
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    {
      int kind = list_kind (l->data);
      JsonNode *node = json_object_get_member (root, l->data);
      JsonArray *array;
      guint n;

      if (kind < 0 || !JSON_NODE_HOLDS_ARRAY (node))
        continue;

      array = json_node_get_array (node);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonNode *id;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          id = json_object_get_member (json_node_get_object (item), "id");
          if (id != NULL && node_is_string (id) &&
              !g_hash_table_contains (v->ids, json_node_get_string (id)))
            g_hash_table_insert (v->ids, (char *) json_node_get_string (id), pack_item (kind, i));
        }
    }
}

static void
check_format (Validator  *v,
              JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "format");
  gsize old;

  if (node == NULL)
    {
      report_missing (v, "format");
      return;
    }

  old = push_key (v, "format");
  if (!node_is_string (node))
    report (v, BP_BPJ_ERROR_INVALID, _("must be the string \"bpj\", not %s"), node_type_name (node));
  else if (strcmp (json_node_get_string (node), "bpj") != 0)
    {
      g_autofree char *quoted = bp_bpj_quote_value (json_node_get_string (node));
      report (v, BP_BPJ_ERROR_INVALID, _("must be \"bpj\", not %s"), quoted);
    }
  pop_path (v, old);
}

/* FALSE for a newer version, whose rules this reader does not know. */
static gboolean
check_version (Validator  *v,
               JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "version");
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean known = TRUE;
  double version;
  gsize old;

  if (node == NULL)
    {
      report_missing (v, "version");
      return TRUE;
    }

  old = push_key (v, "version");
  if (expect_number (v, node, &version))
    {
      bp_bpj_format_number (text, version);

      if (version != floor (version) || version < 1)
        report (v, BP_BPJ_ERROR_INVALID, _("%s is not a format version (1, 2, …)"), text);
      else if (version > BP_FORMAT_VERSION)
        {
          report (v, BP_BPJ_ERROR_VERSION,
                  _("written by Touchpoint format version %s; this version reads format version %d"),
                  text, BP_FORMAT_VERSION);
          known = FALSE;
        }
    }
  pop_path (v, old);

  return known;
}

static void
check_state (Validator *v,
             JsonNode  *node)
{
  const char *str = expect_string (v, node);

  if (str != NULL && !bp_blueprint_state_from_string (str, NULL))
    {
      g_autofree char *quoted = bp_bpj_quote_value (str);
      report (v, BP_BPJ_ERROR_INVALID, _("%s is not a state: use current or future"), quoted);
    }
}

/* The objects of "dismissed" or "conflicts". */
static JsonArray *
check_records (Validator       *v,
               JsonNode        *node,
               const BpBpjSpec *spec)
{
  JsonArray *array = expect_array (v, node);
  guint n;

  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  for (guint i = 0; i < n && !bp_bpj_problems_full (v->problems); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize old = push_position (v, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        check_fields (v, json_node_get_object (element), spec);
      else
        report (v, BP_BPJ_ERROR_INVALID, _("must be an object, not %s"), node_type_name (element));
      pop_path (v, old);
    }

  return array;
}

/* The string member @key of the object at @node, or NULL. */
static const char *
member_string (JsonNode   *node,
               const char *key)
{
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  member = json_object_get_member (json_node_get_object (node), key);
  return member != NULL && node_is_string (member) ? json_node_get_string (member) : NULL;
}

/* Each check and item at most once. */
static void
check_dismissals (Validator *v,
                  JsonNode  *node)
{
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array = check_records (v, node, &bp_bpj_dismissal_spec);
  guint n;

  if (array == NULL)
    return;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = json_array_get_length (array);
  for (guint i = 0; i < n && !bp_bpj_problems_full (v->problems); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *check = member_string (element, "check");
      const char *item = member_string (element, "item");
      char *key;
      gpointer first;

      if (check == NULL || item == NULL)
        continue;

      key = g_strconcat (check, " ", item, NULL);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          g_autofree char *quoted_check = bp_bpj_quote_value (check);
          g_autofree char *quoted_item = bp_bpj_quote_value (item);
          gsize old = push_position (v, i);

          report (v, BP_BPJ_ERROR_INVALID,
                  _("dismisses %s on %s again, as dismissed[%u] does: "
                    "each check and item may be listed only once"),
                  quoted_check, quoted_item, GPOINTER_TO_UINT (first));
          pop_path (v, old);
          g_free (key);
        }
      else
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (i));
    }
}

static void
check_top_member (Validator  *v,
                  const char *key,
                  JsonNode   *node)
{
  int kind = list_kind (key);

  if (kind >= 0)
    check_list (v, kind, node);
  else if (strcmp (key, "title") == 0)
    expect_string (v, node);
  else if (strcmp (key, "state") == 0)
    check_state (v, node);
  else if (strcmp (key, "tolerance") == 0)
    check_number_field (v, bp_bpj_find_field (&bp_bpj_top_spec, key), node);
  else if (strcmp (key, "dismissed") == 0)
    check_dismissals (v, node);
  else if (strcmp (key, "conflicts") == 0)
    check_records (v, node, &bp_bpj_conflict_spec);
  else if (strcmp (key, "scenario") == 0)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        check_fields (v, json_node_get_object (node), &bp_bpj_scenario_spec);
      else
        report (v, BP_BPJ_ERROR_INVALID, _("must be an object, not %s"), node_type_name (node));
    }
  else if (bp_bpj_find_field (&bp_bpj_top_spec, key) == NULL)
    {
      check_string_length (v, key);
      check_free_value (v, node);
    }
}

/* Format and version come first whatever their place in the file, as the
 * rest means nothing in a file that is not a blueprint of this version;
 * then missing lists, then the members in file order. */
static void
check_document (Validator *v,
                JsonNode  *root)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (v, BP_BPJ_ERROR_INVALID, _("the top level must be an object, not %s"),
              node_type_name (root));
      return;
    }

  object = json_node_get_object (root);
  check_format (v, object);
  if (!check_version (v, object))
    return;

  if (!json_object_has_member (object, "stages"))
    report_missing (v, "stages");
  if (!json_object_has_member (object, "lanes"))
    report_missing (v, "lanes");

  collect_ids (v, object);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL && !bp_bpj_problems_full (v->problems); l = l->next)
    {
      gsize old = push_key (v, l->data);
      check_top_member (v, l->data, json_object_get_member (object, l->data));
      pop_path (v, old);
    }
}

void
bp_bpj_check_rules (JsonNode      *root,
                    BpBpjProblems *problems)
{
  Validator v = { .problems = problems };

  v.path = g_string_new (NULL);
  v.ids = g_hash_table_new (bp_str_hash, g_str_equal);
  check_document (&v, root);
  g_string_free (v.path, TRUE);
  g_hash_table_unref (v.ids);
}
