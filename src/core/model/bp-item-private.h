/* bp-item-private.h
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/bp-item.h"

G_BEGIN_DECLS

/* Called by the document when it takes or lets go of an item. */
void      bp_item_attach        (BpItem      *self,
                                 BpDocument  *document);

/* The one way a subclass changes a property: when the value differs, the
 * old one is recorded in the document's history, the field is set, and
 * notify is emitted, all inside one undo step. Return TRUE on a change. */
gboolean  bp_item_change_string (BpItem      *self,
                                 char       **field,
                                 const char  *value,
                                 GParamSpec  *pspec);
gboolean  bp_item_change_double (BpItem      *self,
                                 double      *field,
                                 double       value,
                                 GParamSpec  *pspec);
gboolean  bp_item_change_int    (BpItem      *self,
                                 int         *field,
                                 int          value,
                                 GParamSpec  *pspec);

/* A read-write string property of the model, notified explicitly (the
 * setters notify only on a change). */
static inline GParamSpec *
bp_model_string_property (const char *name,
                          const char *nick,
                          const char *default_value)
{
  return g_param_spec_string (name, nick, NULL, default_value,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

/* CLAMP that also maps NaN, which compares false with everything, to the
 * minimum. */
static inline double
bp_item_clamp (double value,
               double minimum,
               double maximum)
{
  if (value != value)
    return minimum;
  return CLAMP (value, minimum, maximum);
}

G_END_DECLS
