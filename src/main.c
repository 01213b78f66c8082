/* main.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "yishi-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (YishiApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* YISHI_LOCALEDIR: translations from the build folder (tests, uninstalled runs). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("YISHI_LOCALEDIR") ? g_getenv ("YISHI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Yishi"));

  app = yishi_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
