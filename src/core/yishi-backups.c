/* yishi-backups.c
 *
 * Automatic backups are named yishi-YYYYMMDD-HHMMSS.db (local time) so that names sort
 * by age; at most one is made a day at start-up and the newest YISHI_BACKUPS_KEEP are
 * kept. Safety copies made before a restore (yishi-before-restore-*.db) are listed but
 * never rotated away.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "yishi-clock.h"

#include "yishi-backups.h"

#define PREFIX "yishi-"
#define SUFFIX ".db"

char *
yishi_backups_default_folder (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "backups", NULL);
}

/* yishi-20261201-080102.db */
static gboolean
is_automatic (const char *name)
{
  if (strlen (name) != strlen (PREFIX "YYYYMMDD-HHMMSS" SUFFIX))
    return FALSE;
  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX))
    return FALSE;
  for (guint i = 0; i < 15; i++)
    {
      char c = name[strlen (PREFIX) + i];

      if (i == 8 ? c != '-' : !g_ascii_isdigit (c))
        return FALSE;
    }
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const char *x = *(const char *const *)a;
  g_autofree char *xb = g_path_get_basename (x);
  const char *y = *(const char *const *)b;
  g_autofree char *yb = g_path_get_basename (y);

  /* Both kinds of name carry the stamp last; compare the stamps. */
  return -strcmp (xb + strlen (xb) - strlen ("YYYYMMDD-HHMMSS" SUFFIX),
                  yb + strlen (yb) - strlen ("YYYYMMDD-HHMMSS" SUFFIX));
}

/**
 * yishi_backups_list:
 *
 * Returns: (transfer full): full paths of the backups in @folder, newest first
 */
GPtrArray *
yishi_backups_list (const char *folder)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, found);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return found;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_automatic (name) ||
          (g_str_has_prefix (name, PREFIX "before-restore-") && g_str_has_suffix (name, SUFFIX) &&
           strlen (name) == strlen (PREFIX "before-restore-YYYYMMDD-HHMMSS" SUFFIX)))
        g_ptr_array_add (found, g_build_filename (folder, name, NULL));
    }
  g_ptr_array_sort (found, compare_newest_first);
  return found;
}

static char *
stamp_now (const char *format)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, format);
}

gboolean
yishi_backups_back_up_now (YishiDatabase  *database,
                           const char     *folder,
                           char          **created,
                           GError        **error)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_to_local (now);
  g_autofree char *path = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  /* Two backups in the same second: the later one takes the next free second, so
   * names stay in order and nothing is overwritten. */
  for (;;)
    {
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strconcat (PREFIX, stamp, SUFFIX, NULL);
      GDateTime *next;

      g_free (path);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      next = g_date_time_add_seconds (when, 1);
      g_date_time_unref (when);
      when = next;
    }

  if (!yishi_database_backup (database, path, error))
    return FALSE;
  yishi_backups_rotate (folder, YISHI_BACKUPS_KEEP);
  if (created != NULL)
    *created = g_steal_pointer (&path);
  return TRUE;
}

/**
 * yishi_backups_run_daily:
 * @created: (out) (optional): the new backup, or %NULL when today's already exists
 *
 * Makes today's automatic backup unless there is one already.
 */
gboolean
yishi_backups_run_daily (YishiDatabase  *database,
                         const char     *folder,
                         char          **created,
                         GError        **error)
{
  g_autofree char *today = stamp_now ("%Y%m%d");
  g_autofree char *prefix = g_strconcat (PREFIX, today, "-", NULL);
  g_autoptr (GPtrArray) existing = yishi_backups_list (folder);

  if (created != NULL)
    *created = NULL;

  for (guint i = 0; i < existing->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (existing, i));

      if (g_str_has_prefix (name, prefix))
        return TRUE;
    }
  return yishi_backups_back_up_now (database, folder, created, error);
}

/* Returns: how many old automatic backups were removed */
guint
yishi_backups_rotate (const char *folder,
                      guint       keep)
{
  g_autoptr (GPtrArray) all = yishi_backups_list (folder);
  guint seen = 0;
  guint removed = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const char *path = g_ptr_array_index (all, i);
      g_autofree char *name = g_path_get_basename (path);

      if (!is_automatic (name))
        continue;
      if (++seen > keep && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
