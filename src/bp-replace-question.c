/* bp-replace-question.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-replace-question.h"

AdwMessageDialog *
bp_replace_question_new (GtkWindow *parent,
                         GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  AdwMessageDialog *question =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading,
                                                _("A file with this name already exists. "
                                                  "Replacing it overwrites its contents.")));

  adw_message_dialog_add_responses (question,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (question, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (question, "cancel");
  g_object_set_data_full (G_OBJECT (question), "bp-file", g_object_ref (file), g_object_unref);
  return question;
}

GFile *
bp_replace_question_get_file (AdwMessageDialog *question)
{
  return g_object_get_data (G_OBJECT (question), "bp-file");
}
