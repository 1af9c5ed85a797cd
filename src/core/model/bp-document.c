/* bp-document.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "model/bp-document.h"
#include "model/bp-document-private.h"
#include "model/bp-hash.h"

#include <glib/gi18n.h>
#include <math.h>

#include "history/bp-history-private.h"
#include "model/bp-item-private.h"

typedef enum {
  LIST_STAGES,
  LIST_LANES,
  LIST_STEPS,
  LIST_FLOWS,
  N_LISTS
} ListKind;

struct _BpDocument
{
  GObject      parent_instance;

  char        *title;
  int          state;  /* BpBlueprintState */
  char        *persona;
  char        *goal;
  char        *scenario_start;
  char        *scenario_end;
  JsonObject  *extras;
  JsonObject  *scenario_extras;
  double       tolerance;    /* seconds; negative: none */
  /* Of BpDismissal and BpConflict, in file order. An array given out is
   * never changed: a change installs a new one, so that the history can
   * hold the old one by reference. */
  GPtrArray   *dismissals;
  GPtrArray   *conflicts;
  /* "check item" → the dismissal, for bp_document_is_dismissed() */
  GHashTable  *dismissed_set;

  GListStore  *lists[N_LISTS];
  /* id (owned by the item) → item (owned by its list) */
  GHashTable  *items_by_id;
  BpHistory   *history;
  guint        next_id;
};

G_DEFINE_FINAL_TYPE (BpDocument, bp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STATE,
  PROP_PERSONA,
  PROP_GOAL,
  PROP_SCENARIO_START,
  PROP_SCENARIO_END,
  PROP_TOLERANCE,
  PROP_DISMISSED,
  PROP_CONFLICTS,
  N_PROPS
};

enum {
  ITEM_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GType *
list_item_types (void)
{
  static GType types[N_LISTS];
  static gsize filled = 0;

  /* Documents are also built in worker threads (opening a file). */
  if (g_once_init_enter (&filled))
    {
      types[LIST_STAGES] = BP_TYPE_STAGE;
      types[LIST_LANES] = BP_TYPE_LANE;
      types[LIST_STEPS] = BP_TYPE_STEP;
      types[LIST_FLOWS] = BP_TYPE_FLOW;
      g_once_init_leave (&filled, 1);
    }
  return types;
}

static ListKind
list_kind_of (BpItem *item)
{
  if (BP_IS_STAGE (item))
    return LIST_STAGES;
  if (BP_IS_LANE (item))
    return LIST_LANES;
  if (BP_IS_STEP (item))
    return LIST_STEPS;
  return LIST_FLOWS;
}

static void
emit_changed (BpDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
bp_document_dispose (GObject *object)
{
  BpDocument *self = BP_DOCUMENT (object);

  /* Items may outlive the document (a view holding one): cut their
   * back-pointers before the lists go. */
  for (guint l = 0; l < N_LISTS; l++)
    {
      guint n;

      if (self->lists[l] == NULL)
        continue;

      n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[l]));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BpItem) item = g_list_model_get_item (G_LIST_MODEL (self->lists[l]), i);
          bp_item_attach (item, NULL);
        }
      g_clear_object (&self->lists[l]);
    }

  g_clear_object (&self->history);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (bp_document_parent_class)->dispose (object);
}

static void
bp_document_finalize (GObject *object)
{
  BpDocument *self = BP_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->persona, g_free);
  g_clear_pointer (&self->goal, g_free);
  g_clear_pointer (&self->scenario_start, g_free);
  g_clear_pointer (&self->scenario_end, g_free);
  g_clear_pointer (&self->extras, json_object_unref);
  g_clear_pointer (&self->scenario_extras, json_object_unref);
  g_clear_pointer (&self->dismissals, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed_set, g_hash_table_unref);

  G_OBJECT_CLASS (bp_document_parent_class)->finalize (object);
}

static void
bp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BpDocument *self = BP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PERSONA:
      g_value_set_string (value, self->persona);
      break;

    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;

    case PROP_SCENARIO_START:
      g_value_set_string (value, self->scenario_start);
      break;

    case PROP_SCENARIO_END:
      g_value_set_string (value, self->scenario_end);
      break;

    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;

    case PROP_DISMISSED:
      g_value_set_boxed (value, self->dismissals);
      break;

    case PROP_CONFLICTS:
      g_value_set_boxed (value, self->conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BpDocument *self = BP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bp_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      bp_document_set_state (self, g_value_get_enum (value));
      break;

    case PROP_PERSONA:
      bp_document_set_persona (self, g_value_get_string (value));
      break;

    case PROP_GOAL:
      bp_document_set_goal (self, g_value_get_string (value));
      break;

    case PROP_SCENARIO_START:
      bp_document_set_scenario_start (self, g_value_get_string (value));
      break;

    case PROP_SCENARIO_END:
      bp_document_set_scenario_end (self, g_value_get_string (value));
      break;

    case PROP_TOLERANCE:
      bp_document_set_tolerance (self, g_value_get_double (value));
      break;

    case PROP_DISMISSED:
      bp_document_set_dismissals (self, g_value_get_boxed (value));
      break;

    case PROP_CONFLICTS:
      bp_document_set_conflicts (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_document_class_init (BpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bp_document_dispose;
  object_class->finalize = bp_document_finalize;
  object_class->get_property = bp_document_get_property;
  object_class->set_property = bp_document_set_property;

  properties[PROP_TITLE] = bp_model_string_property ("title", N_("Title"), "");
  properties[PROP_STATE] =
    g_param_spec_enum ("state", N_("State"), NULL,
                       BP_TYPE_BLUEPRINT_STATE, BP_BLUEPRINT_STATE_CURRENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSONA] = bp_model_string_property ("persona", N_("Persona"), NULL);
  properties[PROP_GOAL] = bp_model_string_property ("goal", N_("Goal"), NULL);
  properties[PROP_SCENARIO_START] = bp_model_string_property ("scenario-start", N_("Start"), NULL);
  properties[PROP_SCENARIO_END] = bp_model_string_property ("scenario-end", N_("End"), NULL);
  properties[PROP_TOLERANCE] =
    g_param_spec_double ("tolerance", N_("Tolerance"), NULL,
                         -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISMISSED] =
    g_param_spec_boxed ("dismissed", N_("Dismissed Checks"), NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFLICTS] =
    g_param_spec_boxed ("conflicts", N_("Conflicts"), NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_CHANGED] =
    g_signal_new ("item-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BP_TYPE_ITEM, G_TYPE_PARAM);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

/* What the history calls to put the document back. */

static BpItem *
history_lookup (GObject    *document,
                const char *id)
{
  return bp_document_lookup (BP_DOCUMENT (document), id);
}

static void
history_insert (GObject *document,
                BpItem  *item,
                guint    position)
{
  bp_document_insert (BP_DOCUMENT (document), item, (int) position);
}

static void
history_remove (GObject *document,
                BpItem  *item)
{
  bp_document_remove (BP_DOCUMENT (document), item);
}

static void
history_reorder (GObject *document,
                 BpItem  *item,
                 guint    position)
{
  bp_document_reorder (BP_DOCUMENT (document), item, position);
}

static const BpHistoryTarget history_target = {
  .get_id = bp_item_get_id,
  .lookup = history_lookup,
  .insert = history_insert,
  .remove = history_remove,
  .reorder = history_reorder,
};

static void
bp_document_init (BpDocument *self)
{
  const GType *types = list_item_types ();

  self->title = g_strdup ("");
  self->state = BP_BLUEPRINT_STATE_CURRENT;
  self->tolerance = -1;
  self->dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_dismissal_unref);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_conflict_unref);
  self->dismissed_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint l = 0; l < N_LISTS; l++)
    self->lists[l] = g_list_store_new (types[l]);

  self->items_by_id = g_hash_table_new (bp_str_hash, g_str_equal);
  self->history = bp_history_new (G_OBJECT (self), &history_target);
}

BpDocument *
bp_document_new (void)
{
  return g_object_new (BP_TYPE_DOCUMENT, NULL);
}

BpDocument *
bp_document_new_standard (void)
{
  static const struct { const char *id; const char *name; } stages[] = {
    { "attract", N_("Attract") },
    { "orient", N_("Orient") },
    { "use", N_("Use") },
    { "retain", N_("Retain") },
    { "maintain", N_("Maintain") },
  };
  BpDocument *self = bp_document_new ();

  bp_history_freeze (self->history);

  for (guint k = 0; k < BP_N_LANE_KINDS; k++)
    {
      g_autoptr(BpLane) lane = bp_lane_new (bp_lane_kind_to_string (k), k);
      bp_document_insert (self, BP_ITEM (lane), -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(BpStage) stage = bp_stage_new (stages[i].id);
      bp_stage_set_name (stage, _(stages[i].name));
      bp_document_insert (self, BP_ITEM (stage), -1);
    }

  bp_history_thaw (self->history);
  bp_history_clear (self->history);

  return self;
}

BpHistory *
bp_document_get_history (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->history;
}

/* The document's own properties change like an item's: the old value is
 * recorded first, all in one undo step. */
static void
change_string (BpDocument  *self,
               char       **field,
               const char  *value,
               GParamSpec  *pspec)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  /* Translators: an undo step, "Change Title" */
  label = g_strdup_printf (_("Change %s"), g_param_spec_get_nick (pspec));
  bp_history_begin_implicit (self->history, label);
  bp_history_record_set (self->history, NULL, G_OBJECT (self), pspec);
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  emit_changed (self);
  bp_history_end (self->history);
}

const char *
bp_document_get_title (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
bp_document_set_title (BpDocument *self,
                       const char *title)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  change_string (self, &self->title, title ? title : "", properties[PROP_TITLE]);
}

BpBlueprintState
bp_document_get_state (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), 0);
  return self->state;
}

void
bp_document_set_state (BpDocument       *self,
                       BpBlueprintState  state)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (state <= BP_BLUEPRINT_STATE_FUTURE);

  if (self->state == (int) state)
    return;

  bp_history_begin (self->history, _("Change State"));
  bp_history_record_set (self->history, NULL, G_OBJECT (self), properties[PROP_STATE]);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  emit_changed (self);
  bp_history_end (self->history);
}

const char *
bp_document_get_persona (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->persona;
}

void
bp_document_set_persona (BpDocument *self,
                         const char *persona)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  change_string (self, &self->persona, persona, properties[PROP_PERSONA]);
}

const char *
bp_document_get_goal (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->goal;
}

void
bp_document_set_goal (BpDocument *self,
                      const char *goal)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  change_string (self, &self->goal, goal, properties[PROP_GOAL]);
}

const char *
bp_document_get_scenario_start (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->scenario_start;
}

void
bp_document_set_scenario_start (BpDocument *self,
                                const char *start)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  change_string (self, &self->scenario_start, start, properties[PROP_SCENARIO_START]);
}

const char *
bp_document_get_scenario_end (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->scenario_end;
}

void
bp_document_set_scenario_end (BpDocument *self,
                              const char *end)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  change_string (self, &self->scenario_end, end, properties[PROP_SCENARIO_END]);
}

double
bp_document_get_tolerance (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), -1);
  return self->tolerance;
}

/* Any negative value means "no tolerance", stored as -1 so that the
 * change compares equal. */
void
bp_document_set_tolerance (BpDocument *self,
                           double      tolerance)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));

  if (tolerance < 0 || isnan (tolerance))
    tolerance = -1;
  if (self->tolerance == tolerance)
    return;

  /* Translators: an undo step */
  bp_history_begin_implicit (self->history, _("Change Tolerance"));
  bp_history_record_set (self->history, NULL, G_OBJECT (self), properties[PROP_TOLERANCE]);
  self->tolerance = tolerance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLERANCE]);
  emit_changed (self);
  bp_history_end (self->history);
}

gboolean
bp_document_has_tolerance (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), FALSE);
  return self->tolerance >= 0;
}

/* Check names hold no space (a-z 0-9 -), nor do ids. */
static char *
dismissal_key (const char *check,
               const char *item_id)
{
  return g_strconcat (check, " ", item_id, NULL);
}

/* Installs @array (taking it) as the new list, in one undo step. */
static void
replace_list (BpDocument  *self,
              GPtrArray  **field,
              GPtrArray   *array,
              GParamSpec  *pspec,
              const char  *label)
{
  bp_history_begin (self->history, label);
  bp_history_record_set (self->history, NULL, G_OBJECT (self), pspec);
  g_ptr_array_unref (*field);
  *field = array;

  if (field == &self->dismissals)
    {
      g_hash_table_remove_all (self->dismissed_set);
      for (guint i = 0; i < array->len; i++)
        {
          BpDismissal *dismissal = g_ptr_array_index (array, i);

          g_hash_table_insert (self->dismissed_set,
                               dismissal_key (bp_dismissal_get_check (dismissal),
                                              bp_dismissal_get_item (dismissal)),
                               dismissal);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  emit_changed (self);
  bp_history_end (self->history);
}

static GPtrArray *
copy_records (GPtrArray      *from,
              GBoxedCopyFunc  ref,
              GDestroyNotify  unref)
{
  guint n = from != NULL ? from->len : 0;
  GPtrArray *copy = g_ptr_array_new_full (n, unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, ref (g_ptr_array_index (from, i)));
  return copy;
}

GPtrArray *
bp_document_get_dismissals (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->dismissals;
}

/* A list with a repeated check and item would not be a valid file: the
 * later repeats are left out. */
void
bp_document_set_dismissals (BpDocument *self,
                            GPtrArray  *dismissals)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *copy;

  g_return_if_fail (BP_IS_DOCUMENT (self));

  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_dismissal_unref);
  for (guint i = 0; dismissals != NULL && i < dismissals->len; i++)
    {
      BpDismissal *dismissal = g_ptr_array_index (dismissals, i);
      char *key = dismissal_key (bp_dismissal_get_check (dismissal),
                                 bp_dismissal_get_item (dismissal));

      if (g_hash_table_add (seen, key))
        g_ptr_array_add (copy, bp_dismissal_ref (dismissal));
    }

  /* Translators: an undo step */
  replace_list (self, &self->dismissals, copy, properties[PROP_DISMISSED],
                _("Change Dismissed Checks"));
}

gboolean
bp_document_is_dismissed (BpDocument *self,
                          const char *check,
                          const char *item_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BP_IS_DOCUMENT (self), FALSE);

  /* Asked for every raised check: the usual answer costs nothing. */
  if (check == NULL || item_id == NULL || g_hash_table_size (self->dismissed_set) == 0)
    return FALSE;
  key = dismissal_key (check, item_id);
  return g_hash_table_contains (self->dismissed_set, key);
}

void
bp_document_set_dismissed (BpDocument *self,
                           const char *check,
                           const char *item_id,
                           gboolean    dismissed)
{
  g_autofree char *key = NULL;
  GPtrArray *copy;

  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (bp_check_name_is_valid (check));
  g_return_if_fail (bp_id_is_valid (item_id));

  dismissed = !!dismissed;
  if (bp_document_is_dismissed (self, check, item_id) == dismissed)
    return;
  /* The file could not be read back with more. */
  g_return_if_fail (!dismissed || self->dismissals->len < BP_MAX_ITEMS);

  key = dismissal_key (check, item_id);
  if (dismissed)
    {
      copy = copy_records (self->dismissals, (GBoxedCopyFunc) bp_dismissal_ref,
                           (GDestroyNotify) bp_dismissal_unref);
      g_ptr_array_add (copy, bp_dismissal_new (check, item_id, NULL));
    }
  else
    {
      BpDismissal *gone = g_hash_table_lookup (self->dismissed_set, key);

      copy = g_ptr_array_new_full (self->dismissals->len, (GDestroyNotify) bp_dismissal_unref);
      for (guint i = 0; i < self->dismissals->len; i++)
        if (g_ptr_array_index (self->dismissals, i) != gone)
          g_ptr_array_add (copy, bp_dismissal_ref (g_ptr_array_index (self->dismissals, i)));
    }

  replace_list (self, &self->dismissals, copy, properties[PROP_DISMISSED],
                /* Translators: undo steps */
                dismissed ? _("Dismiss Check") : _("Restore Check"));
}

GPtrArray *
bp_document_get_conflicts (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->conflicts;
}

void
bp_document_set_conflicts (BpDocument *self,
                           GPtrArray  *conflicts)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));

  /* Translators: an undo step */
  replace_list (self, &self->conflicts,
                copy_records (conflicts, (GBoxedCopyFunc) bp_conflict_ref,
                              (GDestroyNotify) bp_conflict_unref),
                properties[PROP_CONFLICTS], _("Change Conflicts"));
}

void
bp_document_remove_conflict (BpDocument *self,
                             guint       position)
{
  GPtrArray *copy;

  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (position < self->conflicts->len);

  copy = copy_records (self->conflicts, (GBoxedCopyFunc) bp_conflict_ref,
                       (GDestroyNotify) bp_conflict_unref);
  g_ptr_array_remove_index (copy, position);
  /* Translators: an undo step */
  replace_list (self, &self->conflicts, copy, properties[PROP_CONFLICTS],
                _("Resolve Conflict"));
}

static void
replace_json_object (JsonObject **field,
                     JsonObject  *value)
{
  if (value != NULL)
    json_object_ref (value);
  g_clear_pointer (field, json_object_unref);
  *field = value;
}

JsonObject *
bp_document_get_extras (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->extras;
}

void
bp_document_set_extras (BpDocument *self,
                        JsonObject *extras)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  replace_json_object (&self->extras, extras);
}

JsonObject *
bp_document_get_scenario_extras (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return self->scenario_extras;
}

void
bp_document_set_scenario_extras (BpDocument *self,
                                 JsonObject *extras)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  replace_json_object (&self->scenario_extras, extras);
}

GListModel *
bp_document_get_stages (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_STAGES]);
}

GListModel *
bp_document_get_lanes (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_LANES]);
}

GListModel *
bp_document_get_steps (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_STEPS]);
}

GListModel *
bp_document_get_flows (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_FLOWS]);
}

static guint
list_length (BpDocument *self,
             ListKind    list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[list]));
}

/* A borrowed pointer: the list keeps its reference. */
static gpointer
list_item (BpDocument *self,
           ListKind    list,
           guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->lists[list]), position);

  return item;
}

guint
bp_document_get_n_stages (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), 0);
  return list_length (self, LIST_STAGES);
}

guint
bp_document_get_n_lanes (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), 0);
  return list_length (self, LIST_LANES);
}

guint
bp_document_get_n_steps (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), 0);
  return list_length (self, LIST_STEPS);
}

guint
bp_document_get_n_flows (BpDocument *self)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), 0);
  return list_length (self, LIST_FLOWS);
}

BpStage *
bp_document_get_stage (BpDocument *self,
                       guint       position)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return list_item (self, LIST_STAGES, position);
}

BpLane *
bp_document_get_lane (BpDocument *self,
                      guint       position)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return list_item (self, LIST_LANES, position);
}

BpStep *
bp_document_get_step (BpDocument *self,
                      guint       position)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return list_item (self, LIST_STEPS, position);
}

BpFlow *
bp_document_get_flow (BpDocument *self,
                      guint       position)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  return list_item (self, LIST_FLOWS, position);
}

BpItem *
bp_document_lookup (BpDocument *self,
                    const char *id)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->items_by_id, id);
}

int
bp_document_get_position (BpDocument *self,
                          BpItem     *item)
{
  guint position;

  g_return_val_if_fail (BP_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (BP_IS_ITEM (item), -1);

  if (bp_item_get_document (item) != self)
    return -1;
  if (!g_list_store_find (self->lists[list_kind_of (item)], item, &position))
    return -1;
  return (int) position;
}

char *
bp_document_make_id (BpDocument *self,
                     const char *prefix)
{
  g_return_val_if_fail (BP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++self->next_id);

      if (!g_hash_table_contains (self->items_by_id, id))
        return id;
      g_free (id);
    }
}

/* The first lane position whose kind is above @kind: lanes are kept in
 * zone order, so a binary search finds it (a file may hold many lanes). */
static guint
first_lane_after (BpDocument *self,
                  int         kind)
{
  guint low = 0, high = list_length (self, LIST_LANES);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if ((int) bp_lane_get_kind (list_item (self, LIST_LANES, middle)) <= kind)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

void
bp_document_get_zone_range (BpDocument *self,
                            BpLaneKind  kind,
                            guint      *first,
                            guint      *last)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));

  if (first != NULL)
    *first = first_lane_after (self, (int) kind - 1);
  if (last != NULL)
    *last = first_lane_after (self, kind);
}

static gboolean
is_item_of_type (BpDocument *self,
                 const char *id,
                 GType       type)
{
  BpItem *item = bp_document_lookup (self, id);

  return item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type);
}

/* The references an item must hold to enter the document. */
static gboolean
references_are_valid (BpDocument *self,
                      BpItem     *item)
{
  if (BP_IS_STEP (item))
    return is_item_of_type (self, bp_step_get_lane (BP_STEP (item)), BP_TYPE_LANE) &&
           is_item_of_type (self, bp_step_get_stage (BP_STEP (item)), BP_TYPE_STAGE);

  if (BP_IS_FLOW (item))
    {
      const char *from = bp_flow_get_from (BP_FLOW (item));
      const char *to = bp_flow_get_to (BP_FLOW (item));

      return is_item_of_type (self, from, BP_TYPE_STEP) &&
             is_item_of_type (self, to, BP_TYPE_STEP) &&
             g_strcmp0 (from, to) != 0;
    }

  return TRUE;
}

/* Lanes stay in zone order; undo and redo restore exact positions. */
static guint
valid_position (BpDocument *self,
                BpItem     *item,
                guint       position)
{
  guint first, last;

  position = MIN (position, list_length (self, list_kind_of (item)));

  if (!BP_IS_LANE (item) || bp_history_is_replaying (self->history))
    return position;

  bp_document_get_zone_range (self, bp_lane_get_kind (BP_LANE (item)), &first, &last);
  return CLAMP (position, first, last);
}

gboolean
bp_document_insert (BpDocument *self,
                    BpItem     *item,
                    int         position)
{
  g_autofree char *label = NULL;
  ListKind list;
  guint at;

  g_return_val_if_fail (BP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BP_IS_ITEM (item), FALSE);

  if (bp_item_get_document (item) != NULL ||
      g_hash_table_contains (self->items_by_id, bp_item_get_id (item)) ||
      !references_are_valid (self, item))
    return FALSE;

  list = list_kind_of (item);
  at = valid_position (self, item, position < 0 ? G_MAXUINT : (guint) position);

  /* Translators: an undo step, "Add Card" */
  label = g_strdup_printf (_("Add %s"), bp_item_get_display_name (item));
  bp_history_begin (self->history, label);
  bp_history_record_insert (self->history, item);
  g_hash_table_insert (self->items_by_id, (char *) bp_item_get_id (item), item);
  bp_item_attach (item, self);
  g_list_store_insert (self->lists[list], at, item);
  emit_changed (self);
  bp_history_end (self->history);

  return TRUE;
}

static void
remove_one (BpDocument *self,
            BpItem     *item)
{
  int position = bp_document_get_position (self, item);

  g_return_if_fail (position >= 0);

  bp_history_record_remove (self->history, item, position);
  g_hash_table_remove (self->items_by_id, bp_item_get_id (item));
  bp_item_attach (item, NULL);
  g_list_store_remove (self->lists[list_kind_of (item)], position);
}

/* Appends the flows that touch any step in @step_ids. */
static void
collect_flows (BpDocument *self,
               GHashTable *step_ids,
               GPtrArray  *out)
{
  guint n = list_length (self, LIST_FLOWS);

  for (guint i = 0; i < n; i++)
    {
      BpFlow *flow = list_item (self, LIST_FLOWS, i);

      if (g_hash_table_contains (step_ids, bp_flow_get_from (flow)) ||
          g_hash_table_contains (step_ids, bp_flow_get_to (flow)))
        g_ptr_array_add (out, flow);
    }
}

GPtrArray *
bp_document_get_dependents (BpDocument *self,
                            BpItem     *item)
{
  g_autoptr(GHashTable) step_ids = g_hash_table_new (bp_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (BP_IS_DOCUMENT (self), out);
  g_return_val_if_fail (BP_IS_ITEM (item), out);

  if (BP_IS_STEP (item))
    {
      g_hash_table_add (step_ids, (char *) bp_item_get_id (item));
    }
  else if (BP_IS_LANE (item) || BP_IS_STAGE (item))
    {
      const char *id = bp_item_get_id (item);
      guint n = list_length (self, LIST_STEPS);

      for (guint i = 0; i < n; i++)
        {
          BpStep *step = list_item (self, LIST_STEPS, i);
          const char *ref = BP_IS_LANE (item) ? bp_step_get_lane (step) : bp_step_get_stage (step);

          if (g_strcmp0 (ref, id) == 0)
            {
              g_ptr_array_add (out, step);
              g_hash_table_add (step_ids, (char *) bp_item_get_id (BP_ITEM (step)));
            }
        }
    }

  if (g_hash_table_size (step_ids) > 0)
    collect_flows (self, step_ids, out);

  return out;
}

void
bp_document_remove (BpDocument *self,
                    BpItem     *item)
{
  g_autoptr(GPtrArray) dependents = NULL;
  g_autoptr(BpItem) hold = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (BP_IS_ITEM (item));
  g_return_if_fail (bp_item_get_document (item) == self);

  hold = g_object_ref (item);
  dependents = bp_document_get_dependents (self, item);

  /* Translators: an undo step, "Remove Card" */
  label = g_strdup_printf (_("Remove %s"), bp_item_get_display_name (item));
  bp_history_begin (self->history, label);

  /* Flows before the steps they join, so that undo puts the steps back
   * first. */
  for (guint i = dependents->len; i > 0; i--)
    remove_one (self, g_ptr_array_index (dependents, i - 1));
  remove_one (self, item);

  emit_changed (self);
  bp_history_end (self->history);
}

void
bp_document_reorder (BpDocument *self,
                     BpItem     *item,
                     guint       position)
{
  g_autoptr(BpItem) hold = NULL;
  g_autofree char *label = NULL;
  GListStore *store;
  int old_position;
  guint at;

  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (BP_IS_ITEM (item));

  old_position = bp_document_get_position (self, item);
  g_return_if_fail (old_position >= 0);

  hold = g_object_ref (item);
  store = self->lists[list_kind_of (item)];

  /* Where it may go is decided without it in the list. */
  g_list_store_remove (store, old_position);
  at = valid_position (self, item, position);

  if (at == (guint) old_position)
    {
      g_list_store_insert (store, at, item);
      return;
    }

  /* Translators: an undo step, "Move Lane" */
  label = g_strdup_printf (_("Move %s"), bp_item_get_display_name (item));
  bp_history_begin (self->history, label);
  bp_history_record_reorder (self->history, item, old_position);
  g_list_store_insert (store, at, item);
  emit_changed (self);
  bp_history_end (self->history);
}

void
bp_document_move_step (BpDocument *self,
                       BpStep     *step,
                       const char *lane_id,
                       const char *stage_id,
                       double      x)
{
  g_return_if_fail (BP_IS_DOCUMENT (self));
  g_return_if_fail (BP_IS_STEP (step));
  g_return_if_fail (is_item_of_type (self, lane_id, BP_TYPE_LANE));
  g_return_if_fail (is_item_of_type (self, stage_id, BP_TYPE_STAGE));

  bp_history_begin (self->history, _("Move Card"));
  bp_step_set_lane (step, lane_id);
  bp_step_set_stage (step, stage_id);
  bp_step_set_x (step, x);
  bp_history_end (self->history);
}

BpStage *
bp_document_add_stage (BpDocument *self,
                       const char *name,
                       int         position)
{
  g_autofree char *id = bp_document_make_id (self, "stage");
  g_autoptr(BpStage) stage = bp_stage_new (id);

  bp_stage_set_name (stage, name);
  if (!bp_document_insert (self, BP_ITEM (stage), position))
    return NULL;
  return stage;
}

BpLane *
bp_document_add_lane (BpDocument *self,
                      BpLaneKind  kind,
                      const char *name)
{
  g_autofree char *id = bp_document_make_id (self, "lane");
  g_autoptr(BpLane) lane = bp_lane_new (id, kind);
  guint last;

  bp_lane_set_name (lane, name);
  bp_document_get_zone_range (self, kind, NULL, &last);
  if (!bp_document_insert (self, BP_ITEM (lane), last))
    return NULL;
  return lane;
}

BpStep *
bp_document_add_step (BpDocument *self,
                      const char *lane_id,
                      const char *stage_id,
                      double      x,
                      const char *text)
{
  g_autofree char *id = bp_document_make_id (self, "step");
  g_autoptr(BpStep) step = bp_step_new (id, lane_id, stage_id, x);

  bp_step_set_text (step, text);
  if (!bp_document_insert (self, BP_ITEM (step), -1))
    return NULL;
  return step;
}

BpFlow *
bp_document_add_flow (BpDocument *self,
                      const char *from_id,
                      const char *to_id)
{
  g_autofree char *id = bp_document_make_id (self, "flow");
  g_autoptr(BpFlow) flow = bp_flow_new (id, from_id, to_id);

  if (!bp_document_insert (self, BP_ITEM (flow), -1))
    return NULL;
  return flow;
}

void
bp_document_item_changed (BpDocument *self,
                          BpItem     *item,
                          GParamSpec *pspec)
{
  /* A lane that changes zone moves to the nearest edge of its new zone;
   * when undo replays the change, the recorded move does that instead. */
  if (BP_IS_LANE (item) && g_strcmp0 (pspec->name, "kind") == 0 &&
      !bp_history_is_replaying (self->history))
    bp_document_reorder (self, item, bp_document_get_position (self, item));

  g_signal_emit (self, signals[ITEM_CHANGED], 0, item, pspec);
  emit_changed (self);
}
