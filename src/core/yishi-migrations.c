/* yishi-migrations.c
 *
 * Migration N is the resource /com/example/Yishi/schema/000N-*.sql; it runs when
 * PRAGMA user_version < N, in one transaction with the version bump, so a migration is
 * applied whole or not at all and running them again changes nothing.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-core-resources.h"
#include "yishi-database-private.h"

#include "yishi-migrations.h"

static const char *const migrations[] = {
  "/com/example/Yishi/schema/0001-initial.sql",
  "/com/example/Yishi/schema/0002-ledger.sql",
  "/com/example/Yishi/schema/0003-registry.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == YISHI_SCHEMA_VERSION);

gboolean
yishi_migrations_run (YishiDatabase  *database,
                      GError        **error)
{
  static gsize registered = 0;
  int version;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (g_once_init_enter (&registered))
    {
      yishi_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  version = yishi_database_get_schema_version (database);
  if (version < 0)
    return yishi_database_set_error (database, error);

  if (version < YISHI_SCHEMA_VERSION)
    yishi_database_forget_schema (database);
  for (int n = version; n < YISHI_SCHEMA_VERSION; n++)
    {
      g_autoptr (GBytes) script = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;

      script = g_resources_lookup_data (migrations[n], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (script == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script));
      bump = g_strdup_printf ("PRAGMA user_version = %d", n + 1);

      if (!yishi_database_begin (database, error))
        return FALSE;
      if (!yishi_database_exec (database, sql, error) ||
          !yishi_database_exec (database, bump, error) ||
          (n == 0 && !yishi_database_exec (database, "PRAGMA application_id = 1497977672", error)))
        {
          yishi_database_rollback (database);
          g_prefix_error (error, _("The database could not be upgraded to version %d: "), n + 1);
          return FALSE;
        }
      if (!yishi_database_commit (database, error))
        return FALSE;
    }
  return TRUE;
}
