/* yishi-ui-test-utils.h — the start of every display test: a pinned clock, GTK and
 * libadwaita, a private folder and a community-scale demo database in it.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-demo.h"
#include "yishi-test-utils.h"

/* Returns: (transfer full): the demo database's path */
static inline char *
yishi_ui_test_init (int    *argc,
                    char ***argv)
{
  GError *error = NULL;
  char *path;

  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  yishi_test_make_dir ();
  path = yishi_test_path ("demo.db");
  g_assert_true (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 1, "2026-12-01", NULL, NULL,
                                      NULL, &error));
  g_assert_no_error (error);
  return path;
}
