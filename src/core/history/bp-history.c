/* bp-history.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "history/bp-history.h"
#include "history/bp-history-private.h"

#include <glib/gi18n.h>


#define DEFAULT_LIMIT 1000

/* One inverse operation: what puts the document back as it was before
 * one change. Items are named by id and found again when replayed; a
 * removed item is kept whole, to be inserted back. */
typedef enum {
  INVERSE_SET,      /* set property @name of @id back to @value */
  INVERSE_REMOVE,   /* remove @id (it was inserted) */
  INVERSE_INSERT,   /* insert @item at @position (it was removed) */
  INVERSE_REORDER,  /* move @id back to @position */
} InverseKind;

typedef struct {
  InverseKind  kind;
  char        *id;        /* NULL: the document itself */
  const char  *name;      /* interned property name */
  GValue       value;
  BpItem      *item;
  guint        position;
} Inverse;

/* One undo step. */
typedef struct {
  char      *label;
  GPtrArray *inverses;
  /* A single setter's change, which may merge with the next like it. */
  gboolean   implicit;
} Entry;

typedef enum {
  MODE_NORMAL,
  MODE_UNDOING,
  MODE_REDOING,
  MODE_ROLLING_BACK,
} Mode;

struct _BpHistory
{
  GObject     parent_instance;

  GObject    *document;     /* not a reference: the document owns us */
  const BpHistoryTarget *target;
  GPtrArray  *undo;         /* of Entry, the newest last */
  GPtrArray  *redo;         /* of Entry, the next to redo last */
  Entry      *open;         /* the step being recorded */
  GArray     *marks;        /* per open level: inverses recorded before it */
  Mode        mode;
  guint       frozen;
  guint       limit;
  /* How many undo steps stood at the saved point; -1 when the saved
   * state can no longer be reached. */
  int         saved_depth;
  gboolean    may_coalesce;
};

G_DEFINE_FINAL_TYPE (BpHistory, bp_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inverse_free (gpointer data)
{
  Inverse *inverse = data;

  g_free (inverse->id);
  if (G_IS_VALUE (&inverse->value))
    g_value_unset (&inverse->value);
  g_clear_object (&inverse->item);
  g_free (inverse);
}

static Entry *
entry_new (const char *label,
           gboolean    implicit)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label);
  entry->inverses = g_ptr_array_new_with_free_func (inverse_free);
  entry->implicit = implicit;
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_ptr_array_unref (entry->inverses);
  g_free (entry);
}

static void
bp_history_finalize (GObject *object)
{
  BpHistory *self = BP_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, entry_free);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (bp_history_parent_class)->finalize (object);
}

static void
bp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BpHistory *self = BP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bp_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, bp_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, bp_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, bp_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, bp_history_get_modified (self));
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BpHistory *self = BP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      bp_history_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_history_class_init (BpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bp_history_finalize;
  object_class->get_property = bp_history_get_property;
  object_class->set_property = bp_history_set_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_history_init (BpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->limit = DEFAULT_LIMIT;
}

BpHistory *
bp_history_new (GObject               *document,
                const BpHistoryTarget *target)
{
  BpHistory *self = g_object_new (BP_TYPE_HISTORY, NULL);

  self->document = document;
  self->target = target;
  return self;
}

/* Called after anything that may change what the properties report. */
static void
notify_state (BpHistory *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
  g_object_thaw_notify (object);
}

static gboolean
is_recording (BpHistory *self)
{
  return self->frozen == 0 && self->mode != MODE_ROLLING_BACK;
}

static void
begin_level (BpHistory  *self,
             const char *label,
             gboolean    implicit)
{
  if (self->open == NULL)
    self->open = entry_new (label, implicit);

  g_array_append_val (self->marks, self->open->inverses->len);
}

void
bp_history_begin (BpHistory  *self,
                  const char *label)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  begin_level (self, label, FALSE);
}

void
bp_history_begin_implicit (BpHistory  *self,
                           const char *label)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  begin_level (self, label, TRUE);
}

guint
bp_history_get_depth (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), 0);
  return self->marks->len;
}

static Inverse *
add_inverse (BpHistory   *self,
             InverseKind  kind,
             BpItem      *item)
{
  Inverse *inverse;

  g_return_val_if_fail (self->open != NULL, NULL);

  inverse = g_new0 (Inverse, 1);
  inverse->kind = kind;
  if (item != NULL)
    inverse->id = g_strdup (self->target->get_id (item));
  g_ptr_array_add (self->open->inverses, inverse);
  return inverse;
}

void
bp_history_record_set (BpHistory  *self,
                       BpItem     *item,
                       GObject    *object,
                       GParamSpec *pspec)
{
  Inverse *inverse;

  if (!is_recording (self))
    return;

  inverse = add_inverse (self, INVERSE_SET, item);
  if (inverse == NULL)
    return;
  inverse->name = g_intern_string (pspec->name);
  g_value_init (&inverse->value, pspec->value_type);
  g_object_get_property (object, pspec->name, &inverse->value);
}

void
bp_history_record_insert (BpHistory *self,
                          BpItem    *item)
{
  if (is_recording (self))
    add_inverse (self, INVERSE_REMOVE, item);
}

void
bp_history_record_remove (BpHistory *self,
                          BpItem    *item,
                          guint      position)
{
  Inverse *inverse;

  if (!is_recording (self))
    return;

  inverse = add_inverse (self, INVERSE_INSERT, item);
  if (inverse == NULL)
    return;
  inverse->item = g_object_ref (item);
  inverse->position = position;
}

void
bp_history_record_reorder (BpHistory *self,
                           BpItem    *item,
                           guint      old_position)
{
  Inverse *inverse;

  if (!is_recording (self))
    return;

  inverse = add_inverse (self, INVERSE_REORDER, item);
  if (inverse != NULL)
    inverse->position = old_position;
}

gboolean
bp_history_is_replaying (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return self->mode != MODE_NORMAL;
}

static void
apply_inverse (BpHistory *self,
               Inverse   *inverse)
{
  BpItem *item = NULL;

  if (inverse->id != NULL && inverse->kind != INVERSE_INSERT)
    {
      item = self->target->lookup (self->document, inverse->id);
      g_return_if_fail (item != NULL);
    }

  switch (inverse->kind)
    {
    case INVERSE_SET:
      g_object_set_property (item ? G_OBJECT (item) : self->document,
                             inverse->name, &inverse->value);
      break;

    case INVERSE_REMOVE:
      self->target->remove (self->document, item);
      break;

    case INVERSE_INSERT:
      self->target->insert (self->document, inverse->item, inverse->position);
      break;

    case INVERSE_REORDER:
      self->target->reorder (self->document, item, inverse->position);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Replays @inverses[from..] newest first. */
static void
apply_inverses (BpHistory *self,
                GPtrArray *inverses,
                guint      from)
{
  for (guint i = inverses->len; i > from; i--)
    apply_inverse (self, g_ptr_array_index (inverses, i - 1));
}

static gboolean
is_single_text_edit (Entry *entry)
{
  Inverse *inverse;

  if (!entry->implicit || entry->inverses->len != 1)
    return FALSE;

  inverse = g_ptr_array_index (entry->inverses, 0);
  return inverse->kind == INVERSE_SET && G_VALUE_HOLDS_STRING (&inverse->value);
}

/* Typing in one field: the new step edits the same text as the last one,
 * which keeps the older old value. Never across the saved point, or the
 * document would look saved with other text. */
static gboolean
coalesces_with_top (BpHistory *self,
                    Entry     *entry)
{
  Entry *top;
  Inverse *a, *b;

  if (!self->may_coalesce || self->undo->len == 0 ||
      self->saved_depth == (int) self->undo->len)
    return FALSE;

  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!is_single_text_edit (top) || !is_single_text_edit (entry))
    return FALSE;

  a = g_ptr_array_index (top->inverses, 0);
  b = g_ptr_array_index (entry->inverses, 0);
  return a->name == b->name && g_strcmp0 (a->id, b->id) == 0;
}

static void
drop_redo (BpHistory *self)
{
  if (self->redo->len == 0)
    return;

  if (self->saved_depth > (int) self->undo->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
}

static void
enforce_limit (BpHistory *self)
{
  while (self->limit > 0 && self->undo->len > self->limit)
    {
      g_ptr_array_remove_index (self->undo, 0);
      if (self->saved_depth >= 0)
        self->saved_depth = self->saved_depth > 0 ? self->saved_depth - 1 : -1;
    }
}

static void
commit (BpHistory *self,
        Entry     *entry)
{
  switch (self->mode)
    {
    case MODE_UNDOING:
      g_ptr_array_add (self->redo, entry);
      return;

    case MODE_REDOING:
      g_ptr_array_add (self->undo, entry);
      return;

    case MODE_ROLLING_BACK:
      entry_free (entry);
      return;

    case MODE_NORMAL:
    default:
      break;
    }

  drop_redo (self);

  if (coalesces_with_top (self, entry))
    {
      entry_free (entry);
    }
  else
    {
      g_ptr_array_add (self->undo, entry);
      enforce_limit (self);
    }

  self->may_coalesce = TRUE;
  notify_state (self);
}

void
bp_history_end (BpHistory *self)
{
  Entry *entry;

  g_return_if_fail (BP_IS_HISTORY (self));
  g_return_if_fail (self->marks->len > 0);

  g_array_set_size (self->marks, self->marks->len - 1);
  if (self->marks->len > 0)
    return;

  entry = g_steal_pointer (&self->open);
  if (entry->inverses->len == 0)
    entry_free (entry);
  else
    commit (self, entry);
}

void
bp_history_rollback (BpHistory *self)
{
  g_autoptr(GPtrArray) undone = NULL;
  Mode mode;
  guint mark;

  g_return_if_fail (BP_IS_HISTORY (self));
  g_return_if_fail (self->marks->len > 0);

  mark = g_array_index (self->marks, guint, self->marks->len - 1);

  /* Take the level's inverses out first: replaying them changes the
   * document, which must not record into the open step. */
  undone = g_ptr_array_new_with_free_func (inverse_free);
  while (self->open->inverses->len > mark)
    g_ptr_array_add (undone, g_ptr_array_steal_index (self->open->inverses,
                                                       self->open->inverses->len - 1));

  mode = self->mode;
  self->mode = MODE_ROLLING_BACK;
  for (guint i = 0; i < undone->len; i++)
    apply_inverse (self, g_ptr_array_index (undone, i));
  self->mode = mode;

  bp_history_end (self);
}

static gboolean
replay (BpHistory *self,
        GPtrArray *from,
        Mode       mode)
{
  Entry *entry;

  g_return_val_if_fail (self->marks->len == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  entry = g_ptr_array_steal_index (from, from->len - 1);

  self->mode = mode;
  bp_history_begin (self, entry->label);
  apply_inverses (self, entry->inverses, 0);
  bp_history_end (self);
  self->mode = MODE_NORMAL;

  entry_free (entry);
  self->may_coalesce = FALSE;
  notify_state (self);
  return TRUE;
}

gboolean
bp_history_undo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return replay (self, self->undo, MODE_UNDOING);
}

gboolean
bp_history_redo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return replay (self, self->redo, MODE_REDOING);
}

gboolean
bp_history_can_undo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
bp_history_can_redo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

static const char *
top_label (GPtrArray *entries)
{
  Entry *entry;

  if (entries->len == 0)
    return NULL;

  entry = g_ptr_array_index (entries, entries->len - 1);
  return entry->label;
}

const char *
bp_history_get_undo_label (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), NULL);
  return top_label (self->undo);
}

const char *
bp_history_get_redo_label (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), NULL);
  return top_label (self->redo);
}

guint
bp_history_get_n_undo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), 0);
  return self->undo->len;
}

guint
bp_history_get_n_redo (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), 0);
  return self->redo->len;
}

void
bp_history_break_coalescing (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  self->may_coalesce = FALSE;
}

void
bp_history_mark_saved (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));

  self->saved_depth = self->undo->len;
  self->may_coalesce = FALSE;
  notify_state (self);
}

void
bp_history_mark_unsaved (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));

  self->saved_depth = -1;
  self->may_coalesce = FALSE;
  notify_state (self);
}

gboolean
bp_history_get_modified (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return self->saved_depth != (int) self->undo->len;
}

void
bp_history_clear (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  g_return_if_fail (self->marks->len == 0);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = 0;
  self->may_coalesce = FALSE;
  notify_state (self);
}

void
bp_history_freeze (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  self->frozen++;
}

void
bp_history_thaw (BpHistory *self)
{
  g_return_if_fail (BP_IS_HISTORY (self));
  g_return_if_fail (self->frozen > 0);
  self->frozen--;
}

gboolean
bp_history_is_frozen (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), FALSE);
  return self->frozen > 0;
}

guint
bp_history_get_limit (BpHistory *self)
{
  g_return_val_if_fail (BP_IS_HISTORY (self), 0);
  return self->limit;
}

void
bp_history_set_limit (BpHistory *self,
                      guint      limit)
{
  g_return_if_fail (BP_IS_HISTORY (self));

  if (self->limit == limit)
    return;

  self->limit = limit;
  enforce_limit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  notify_state (self);
}
