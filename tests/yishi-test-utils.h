/* yishi-test-utils.h — a private temporary folder per test program.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static char *yishi_test_dir;

static inline void
yishi_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);

          g_chmod (child, 0700);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            yishi_test_remove_tree (child);
          else
            g_unlink (child);
          g_free (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static inline void
yishi_test_cleanup (void)
{
  if (yishi_test_dir != NULL)
    yishi_test_remove_tree (yishi_test_dir);
  g_clear_pointer (&yishi_test_dir, g_free);
}

/* Call once after g_test_init (); the folder goes when the program exits. */
static inline const char *
yishi_test_make_dir (void)
{
  GError *error = NULL;

  yishi_test_dir = g_dir_make_tmp ("yishi-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (yishi_test_cleanup);
  return yishi_test_dir;
}

static inline char *
yishi_test_path (const char *name)
{
  g_assert_nonnull (yishi_test_dir);
  return g_build_filename (yishi_test_dir, name, NULL);
}
