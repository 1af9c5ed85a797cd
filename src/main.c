/* main.c
 *
 * Copyright 2026 The Touchpoint developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bp-command-line.h"

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (bp_command_line_run (argc, argv, &status))
    return status;

  g_printerr ("%s\n", _("The editor window is not part of this build yet; "
                        "use --check or --export."));
  return 1;
}
