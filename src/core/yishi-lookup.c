/* yishi-lookup.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <string.h>

#include "yishi-database-private.h"

#include "yishi-lookup.h"

void
yishi_lookup_item_free (YishiLookupItem *item)
{
  if (item == NULL)
    return;
  g_free (item->label);
  g_free (item->detail);
  g_free (item);
}

static GPtrArray *
collect (YishiDatabase  *database,
         sqlite3_stmt   *stmt,
         GError        **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_lookup_item_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiLookupItem *item = g_new0 (YishiLookupItem, 1);
      const char *detail = (const char *)sqlite3_column_text (stmt, 2);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->label = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      item->detail = g_strdup (detail ? detail : "");
      item->parent = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * yishi_lookup_list:
 *
 * Returns: (transfer full) (element-type YishiLookupItem): every item, in display order
 */
GPtrArray *
yishi_lookup_list (YishiDatabase    *database,
                   YishiLookupKind   kind,
                   GError          **error)
{
  static const char *const sql[] = {
    [YISHI_LOOKUP_CATEGORIES] = "SELECT id, name, '', 0 FROM category WHERE active = 1 ORDER BY position, id",
    [YISHI_LOOKUP_GRIDS] = "SELECT g.id, g.name, c.name, g.community_id FROM grid g"
                           " JOIN community c ON c.id = g.community_id WHERE g.deleted_at IS NULL"
                           " ORDER BY g.community_id, g.position, g.id",
    [YISHI_LOOKUP_BUILDINGS] = "SELECT b.id, b.name, g.name, b.grid_id FROM building b"
                               " JOIN grid g ON g.id = b.grid_id"
                               " WHERE b.deleted_at IS NULL AND g.deleted_at IS NULL"
                               " ORDER BY g.community_id, g.position, g.id,"
                               " b.position, b.id",
    [YISHI_LOOKUP_ORGANISATIONS] = "SELECT id, name, contact_phone, 0 FROM organisation ORDER BY kind, name",
  };
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind <= YISHI_LOOKUP_ORGANISATIONS, NULL);

  stmt = yishi_database_prepare (database, sql[kind], error);
  if (stmt == NULL)
    return NULL;
  return collect (database, stmt, error);
}

/**
 * yishi_lookup_people:
 * @text: the start of a name, or the last digits (at least 4) of a phone number
 *
 * For picking the requester of a matter while they are on the phone. The detail line
 * holds the phone and the building; @parent is the building.
 *
 * Returns: (transfer full) (element-type YishiLookupItem)
 */
GPtrArray *
yishi_lookup_people (YishiDatabase  *database,
                     const char     *text,
                     guint           limit,
                     GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gboolean digits = TRUE;
  gsize length;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  clean = g_strstrip (g_strdup (text ? text : ""));
  length = strlen (clean);
  if (length == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_lookup_item_free);
  for (const char *p = clean; *p; p++)
    digits = digits && g_ascii_isdigit (*p);

  if (digits && length >= 4)
    {
      /* The index on the last four digits finds the candidates; the rest filters. */
      stmt = yishi_database_prepare (database,
                                     "SELECT p.id, p.name, p.phone || ' · ' || coalesce (b.name || ' ' || h.room, ''),"
                                     " coalesce (b.id, 0) FROM person p LEFT JOIN household h ON h.id = p.household_id"
                                     " LEFT JOIN unit u ON u.id = h.unit_id LEFT JOIN building b ON b.id = u.building_id"
                                     " WHERE substr (p.phone, -4) = substr (?1, -4) AND p.phone LIKE '%' || ?1"
                                     " AND p.deleted_at IS NULL"
                                     " ORDER BY p.name LIMIT ?2",
                                     error);
    }
  else
    {
      stmt = yishi_database_prepare (database,
                                     "SELECT p.id, p.name, p.phone || ' · ' || coalesce (b.name || ' ' || h.room, ''),"
                                     " coalesce (b.id, 0) FROM person p LEFT JOIN household h ON h.id = p.household_id"
                                     " LEFT JOIN unit u ON u.id = h.unit_id LEFT JOIN building b ON b.id = u.building_id"
                                     " WHERE p.name >= ?1 AND p.name < ?1 || x'f48fbfbf'"
                                     " AND p.deleted_at IS NULL"
                                     " ORDER BY p.name LIMIT ?2",
                                     error);
    }
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int)limit);
  return collect (database, stmt, error);
}
