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

#include "bp-application.h"
#include "cli/bp-command-line.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BpApplication) app = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --check and --export run without a display and without GTK. */
  if (bp_command_line_run (argc, argv, &status))
    return status;

  app = bp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
