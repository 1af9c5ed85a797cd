/* bp-command-line-merge.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include "cli/bp-command-line-merge.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bpj/bp-bpj.h"
#include "merge/bp-merge.h"

/* git's merge driver statuses, and ours for trouble. */
enum {
  MERGE_CLEAN = 0,
  MERGE_CONFLICTS = 1,
  MERGE_TROUBLE = 2,
};

guint
bp_command_line_print_conflicts (BpDocument *document,
                                 const char *display_name)
{
  GPtrArray *conflicts = bp_document_get_conflicts (document);

  for (guint i = 0; i < conflicts->len; i++)
    {
      BpConflict *conflict = g_ptr_array_index (conflicts, i);
      const char *item = bp_conflict_get_item (conflict);
      const char *field = bp_conflict_get_field (conflict);

      if (item == NULL)
        /* Translators: a conflict left by a merge; %s is a key such as "title". */
        g_printerr (_("%s: conflicts[%u]: both sides changed the blueprint’s “%s”; choose one\n"),
                    display_name, i, field);
      else if (g_strcmp0 (field, "exists") == 0)
        g_printerr (_("%s: conflicts[%u]: one side removed “%s” and the other changed it; choose one\n"),
                    display_name, i, item);
      else
        g_printerr (_("%s: conflicts[%u]: both sides changed “%s” of “%s”; choose one\n"),
                    display_name, i, field, item);
    }
  return conflicts->len;
}

/* An empty file is git's way of saying there is no common version. */
static gboolean
is_empty_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

/* BASE (NULL when empty), OURS and THEIRS, read by their content: git's
 * temporary files have no .bpj. */
static gboolean
load_sides (char       **files,
            BpDocument  *documents[3])
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      if (i == 0 && is_empty_file (files[0]))
        continue;
      documents[i] = bp_bpj_load (files[i], &error);
      if (documents[i] == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

int
bp_command_line_merge (char       **files,
                       const char  *output)
{
  BpDocument *documents[3] = { NULL, NULL, NULL };
  g_autoptr(BpDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_files = files ? g_strv_length (files) : 0;
  const char *target;
  guint n_conflicts;
  gboolean loaded;

  if (n_files != 3)
    {
      g_printerr (_("--merge needs three blueprint files, BASE OURS THEIRS, not %u\n"), n_files);
      return MERGE_TROUBLE;
    }
  if (output != NULL && output[0] == '\0')
    {
      g_printerr (_("-o needs the name of the file to write\n"));
      return MERGE_TROUBLE;
    }

  loaded = load_sides (files, documents);
  if (loaded)
    merged = bp_merge (documents[0], documents[1], documents[2], &error);
  for (guint i = 0; i < 3; i++)
    g_clear_object (&documents[i]);
  if (!loaded)
    return MERGE_TROUBLE;
  if (merged == NULL)
    {
      g_printerr ("%s\n", error->message);
      return MERGE_TROUBLE;
    }

  target = output != NULL ? output : files[1];
  if (!bp_bpj_save (merged, target, &error))
    {
      g_printerr ("%s\n", error->message);
      return MERGE_TROUBLE;
    }

  display = g_filename_display_name (target);
  n_conflicts = bp_command_line_print_conflicts (merged, display);
  return n_conflicts > 0 ? MERGE_CONFLICTS : MERGE_CLEAN;
}
