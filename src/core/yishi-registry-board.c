/* yishi-registry-board.c — the registry's reads for documents: the grid's contact board
 * (三长公示) and the rows of the internal roster and points workbooks.
 *
 * The contact board: the current holders of the grid's four contact roles — the grid
 * leader (网格长) and grid workers (网格员), each building's leader (楼栋长) and each
 * unit's leader (单元长) — with the phone they answer for the role.  These people publish
 * their names and phones on purpose, so nothing here is masked; nothing else about them
 * (ID numbers, homes, birth dates) is selected.
 *
 * Buildings and units come in the tree's order: by position, then by name with numbers
 * compared as numbers (2号楼 before 10号楼).
 *
 * The exports (yishi-registry-export.h) are internal: full data, streamed row by row so
 * that a district's million people never sit in memory at once.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-points.h"
#include "yishi-registry-export.h"

#include "yishi-registry.h"

/* Holders of one role in one scope, the grid leaders first; the role's work phone, else
 * the person's own. */
#define HOLDERS_SELECT \
  "SELECT ra.role, p.name," \
  " CASE WHEN trim (ra.work_phone) <> '' THEN trim (ra.work_phone) ELSE p.phone END," \
  " ra.scope_id" \
  " FROM role_assignment ra JOIN person p ON p.id = ra.person_id" \
  " WHERE ra.end_date IS NULL AND p.deleted_at IS NULL"
#define HOLDERS_ORDER " ORDER BY ra.role <> 'grid_leader', ra.start_date, ra.id"

typedef struct
{
  gint64 id;
  gint64 parent_id;
  int position;
  char *name;
} Node;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_free (node);
}

/* Compares names with runs of ASCII digits taken as numbers: 2号楼 < 10号楼 < 10号楼A. */
static int
natural_compare (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *sa, *sb;
          gsize la, lb;
          int c;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (sa = a; g_ascii_isdigit (*a); a++)
            ;
          for (sb = b; g_ascii_isdigit (*b); b++)
            ;
          la = (gsize)(a - sa);
          lb = (gsize)(b - sb);
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((c = memcmp (sa, sb, la)) != 0)
            return c;
          continue;
        }
      if (*a != *b)
        return (guchar)*a < (guchar)*b ? -1 : 1;
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const Node *x = *(Node * const *)a;
  const Node *y = *(Node * const *)b;
  int c;

  if (x->parent_id != y->parent_id)
    return x->parent_id < y->parent_id ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if ((c = natural_compare (x->name, y->name)) != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* The live nodes of @sql (id, parent id, position, name; ?1 the grid), in tree order. */
static GPtrArray *
load_nodes (YishiDatabase  *database,
            const char     *sql,
            gint64          grid_id,
            GError        **error)
{
  g_autoptr (GPtrArray) nodes = g_ptr_array_new_with_free_func (node_free);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grid_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Node *node = g_new0 (Node, 1);

      node->id = sqlite3_column_int64 (stmt, 0);
      node->parent_id = sqlite3_column_int64 (stmt, 1);
      node->position = sqlite3_column_int (stmt, 2);
      node->name = g_strdup (column_text (stmt, 3));
      g_ptr_array_add (nodes, node);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  g_ptr_array_sort (nodes, compare_nodes);
  return g_steal_pointer (&nodes);
}

static YishiContactEntry *
entry_new (sqlite3_stmt *stmt,
           const char   *scope)
{
  YishiContactEntry *entry = g_new0 (YishiContactEntry, 1);

  entry->role = g_strdup (column_text (stmt, 0));
  entry->scope = g_strdup (scope);
  entry->name = g_strstrip (g_strdup (column_text (stmt, 1)));
  entry->work_phone = g_strdup (column_text (stmt, 2));
  return entry;
}

static void
entry_free (gpointer data)
{
  YishiContactEntry *entry = data;

  g_free (entry->role);
  g_free (entry->scope);
  g_free (entry->name);
  g_free (entry->work_phone);
  g_free (entry);
}

/* Gathers the holders of @role in the scopes of @kind beneath the grid (@scopes_sql, ?1
 * the grid) by scope id, for take_entries () to place in tree order. */
static gboolean
add_holders (YishiDatabase  *database,
             const char     *role,
             const char     *kind,
             const char     *scopes_sql,
             gint64          grid_id,
             GHashTable     *by_scope,
             GError        **error)
{
  g_autofree char *sql = g_strdup_printf (HOLDERS_SELECT " AND ra.role = ?2"
                                          " AND ra.scope_kind = ?3 AND ra.scope_id IN (%s)"
                                          HOLDERS_ORDER, scopes_sql);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, grid_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 scope_id = sqlite3_column_int64 (stmt, 3);
      GPtrArray *list = g_hash_table_lookup (by_scope, &scope_id);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = scope_id;
          list = g_ptr_array_new_with_free_func (entry_free);
          g_hash_table_insert (by_scope, key, list);
        }
      /* The scope's text is filled in by the caller, who knows the names. */
      g_ptr_array_add (list, entry_new (stmt, ""));
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}

/* Moves the entries of @scope_id from @by_scope to @entries, naming their scope. */
static void
take_entries (GPtrArray  *entries,
              GHashTable *by_scope,
              gint64      scope_id,
              const char *scope)
{
  GPtrArray *list = g_hash_table_lookup (by_scope, &scope_id);

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      YishiContactEntry *entry = g_ptr_array_index (list, i);

      g_free (entry->scope);
      entry->scope = g_strdup (scope);
      g_ptr_array_add (entries, entry);
    }
  /* The entries now belong to @entries. */
  g_ptr_array_set_free_func (list, NULL);
  g_hash_table_remove (by_scope, &scope_id);
}

static GHashTable *
scope_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_ptr_array_unref);
}

#define LIVE_BUILDINGS \
  "SELECT b.id FROM building b WHERE b.grid_id = ?1 AND b.deleted_at IS NULL"
#define LIVE_UNITS \
  "SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id" \
  " WHERE b.grid_id = ?1 AND b.deleted_at IS NULL AND u.deleted_at IS NULL"

/**
 * yishi_registry_contact_board:
 * @grid_name: the grid's exact name, such as 第一网格
 *
 * The grid leader, the grid workers, and per building (in tree order) its leader followed
 * by its units' leaders.  In a file of several communities the first community's grid of
 * that name is taken.
 *
 * Returns: (transfer full) (nullable): the board, or %NULL with @error set
 *   (%YISHI_REGISTRY_ERROR_NOT_FOUND when no live grid has that name)
 */
YishiContactBoard *
yishi_registry_contact_board (YishiDatabase  *database,
                              const char     *grid_name,
                              GError        **error)
{
  g_autoptr (YishiContactBoard) board = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) buildings = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GHashTable) building_leaders = scope_table_new ();
  g_autoptr (GHashTable) unit_leaders = scope_table_new ();
  g_autofree char *clean = NULL;
  gint64 grid_id;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (grid_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean = g_strstrip (g_strdup (grid_name));
  stmt = yishi_database_prepare (database,
                                 "SELECT g.id, g.name, c.name FROM grid g"
                                 " JOIN community c ON c.id = g.community_id"
                                 " WHERE g.name = ?1 AND g.deleted_at IS NULL"
                                 " ORDER BY c.id, g.position, g.id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no grid named “%s”."), clean);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }

  board = g_new0 (YishiContactBoard, 1);
  grid_id = sqlite3_column_int64 (stmt, 0);
  board->grid = g_strdup (column_text (stmt, 1));
  board->community = g_strdup (column_text (stmt, 2));
  board->entries = g_ptr_array_new_with_free_func (entry_free);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The grid's own leader and workers. */
  stmt = yishi_database_prepare (database,
                                 HOLDERS_SELECT " AND ra.scope_kind = 'grid'"
                                 " AND ra.scope_id = ?1"
                                 " AND ra.role IN ('grid_leader', 'grid_worker')"
                                 HOLDERS_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grid_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (board->entries, entry_new (stmt, board->grid));
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  buildings = load_nodes (database,
                          "SELECT b.id, 0, b.position, b.name FROM building b"
                          " WHERE b.grid_id = ?1 AND b.deleted_at IS NULL", grid_id, error);
  if (buildings == NULL)
    return NULL;
  units = load_nodes (database,
                      "SELECT u.id, u.building_id, u.position, u.name FROM unit u"
                      " JOIN building b ON b.id = u.building_id"
                      " WHERE b.grid_id = ?1 AND b.deleted_at IS NULL"
                      " AND u.deleted_at IS NULL", grid_id, error);
  if (units == NULL)
    return NULL;
  if (!add_holders (database, "building_leader", "building", LIVE_BUILDINGS,
                    grid_id, building_leaders, error)
      || !add_holders (database, "unit_leader", "unit", LIVE_UNITS,
                       grid_id, unit_leaders, error))
    return NULL;

  /* Units are sorted by building id first: walk them alongside the buildings. */
  for (guint b = 0; b < buildings->len; b++)
    {
      Node *building = g_ptr_array_index (buildings, b);

      take_entries (board->entries, building_leaders, building->id, building->name);
      for (guint u = 0; u < units->len; u++)
        {
          Node *unit = g_ptr_array_index (units, u);
          g_autofree char *scope = NULL;

          if (unit->parent_id != building->id)
            continue;
          scope = g_strconcat (building->name, unit->name, NULL);
          take_entries (board->entries, unit_leaders, unit->id, scope);
        }
    }
  return g_steal_pointer (&board);
}

void
yishi_contact_board_free (YishiContactBoard *board)
{
  if (board == NULL)
    return;
  g_free (board->community);
  g_free (board->grid);
  g_clear_pointer (&board->entries, g_ptr_array_unref);
  g_free (board);
}

/* Exports ------------------------------------------------------------------------------ */

#define CANCEL_EVERY 1024

typedef struct
{
  gint64 id;
  gint64 community_id;
  int grid_position;
  char *grid;
  gint64 grid_id;
  int position;
  char *name;
} Building;

static void
building_free (gpointer data)
{
  Building *building = data;

  g_free (building->grid);
  g_free (building->name);
  g_free (building);
}

static int
compare_buildings (gconstpointer a,
                   gconstpointer b)
{
  const Building *x = *(Building * const *)a;
  const Building *y = *(Building * const *)b;
  int c;

  if (x->community_id != y->community_id)
    return x->community_id < y->community_id ? -1 : 1;
  if (x->grid_position != y->grid_position)
    return x->grid_position < y->grid_position ? -1 : 1;
  if ((c = natural_compare (x->grid, y->grid)) != 0)
    return c;
  if (x->grid_id != y->grid_id)
    return x->grid_id < y->grid_id ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  if ((c = natural_compare (x->name, y->name)) != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
step_done (YishiDatabase  *database,
           int             rc,
           GError        **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return yishi_database_set_error (database, error);
}

gboolean
yishi_registry_export_counts (YishiDatabase  *database,
                              gint64         *people,
                              gint64         *members,
                              gint64         *roles,
                              GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (people != NULL
      && (*people = yishi_database_query_int (database, "SELECT count(*) FROM person"
                                                        " WHERE deleted_at IS NULL", -1)) < 0)
    return yishi_database_set_error (database, error);
  if (members != NULL
      && (*members = yishi_database_query_int (database,
                                               "SELECT count(*) FROM party_membership m"
                                               " JOIN person p ON p.id = m.person_id"
                                               " WHERE m.end_date IS NULL"
                                               " AND p.deleted_at IS NULL", -1)) < 0)
    return yishi_database_set_error (database, error);
  if (roles != NULL
      && (*roles = yishi_database_query_int (database,
                                             "SELECT count(*) FROM role_assignment ra"
                                             " JOIN person p ON p.id = ra.person_id"
                                             " WHERE p.deleted_at IS NULL", -1)) < 0)
    return yishi_database_set_error (database, error);
  return TRUE;
}

#define PERSON_SELECT \
  "SELECT c.name, p.name, p.gender, p.birth_date, p.id_number, p.phone, p.residence_type," \
  " p.political_status, g.name, b.name, u.name, h.room, p.notes" \
  " FROM person p" \
  " LEFT JOIN household h ON h.id = p.household_id" \
  " LEFT JOIN unit u ON u.id = h.unit_id" \
  " LEFT JOIN building b ON b.id = p.building_id" \
  " LEFT JOIN grid g ON g.id = p.grid_id" \
  " LEFT JOIN community c ON c.id = g.community_id"

/* Streams the rows of @stmt as people; @count counts rows across calls. */
static gboolean
stream_people (YishiDatabase       *database,
               sqlite3_stmt        *stmt,
               YishiExportRowFunc   func,
               gpointer             user_data,
               GCancellable        *cancellable,
               guint64             *count,
               GError             **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiExportPerson row = {
        .community = column_text (stmt, 0),
        .name = column_text (stmt, 1),
        .gender = column_text (stmt, 2),
        .birth_date = column_text (stmt, 3),
        .id_number = column_text (stmt, 4),
        .phone = column_text (stmt, 5),
        .residence_type = column_text (stmt, 6),
        .political_status = column_text (stmt, 7),
        .grid = column_text (stmt, 8),
        .building = column_text (stmt, 9),
        .unit = column_text (stmt, 10),
        .room = column_text (stmt, 11),
        .notes = column_text (stmt, 12),
      };

      if (++*count % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!func (&row, user_data, error))
        return FALSE;
    }
  return step_done (database, rc, error);
}

/**
 * yishi_registry_export_people:
 *
 * Building by building in tree order (one indexed query each, sorted by unit and room),
 * then those living nowhere the registry knows, by name.
 */
gboolean
yishi_registry_export_people (YishiDatabase       *database,
                              YishiExportRowFunc   func,
                              gpointer             user_data,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr (GPtrArray) buildings = g_ptr_array_new_with_free_func (building_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint64 count = 0;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = yishi_database_prepare (database,
                                 "SELECT b.id, g.community_id, g.position, g.name, g.id,"
                                 " b.position, b.name FROM building b"
                                 " JOIN grid g ON g.id = b.grid_id"
                                 " WHERE b.deleted_at IS NULL AND g.deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Building *building = g_new0 (Building, 1);

      building->id = sqlite3_column_int64 (stmt, 0);
      building->community_id = sqlite3_column_int64 (stmt, 1);
      building->grid_position = sqlite3_column_int (stmt, 2);
      building->grid = g_strdup (column_text (stmt, 3));
      building->grid_id = sqlite3_column_int64 (stmt, 4);
      building->position = sqlite3_column_int (stmt, 5);
      building->name = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (buildings, building);
    }
  if (!step_done (database, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_ptr_array_sort (buildings, compare_buildings);

  /* CAST takes the leading number: 2单元 → 2, 1201 → 1201, A301 → 0. */
  stmt = yishi_database_prepare (database,
                                 PERSON_SELECT
                                 " WHERE p.building_id = ?1 AND p.deleted_at IS NULL"
                                 " ORDER BY u.position, CAST (u.name AS INTEGER), u.name,"
                                 " CAST (h.room AS INTEGER), h.room, p.name, p.id", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < buildings->len; i++)
    {
      Building *building = g_ptr_array_index (buildings, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, building->id);
      if (!stream_people (database, stmt, func, user_data, cancellable, &count, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* No home recorded, or one in a hidden building. */
  stmt = yishi_database_prepare (database,
                                 PERSON_SELECT
                                 " WHERE p.deleted_at IS NULL AND (p.building_id IS NULL"
                                 " OR p.building_id IN (SELECT b2.id FROM building b2"
                                 "  JOIN grid g2 ON g2.id = b2.grid_id"
                                 "  WHERE b2.deleted_at IS NOT NULL OR g2.deleted_at IS NOT NULL))"
                                 " ORDER BY p.name, p.id", error);
  if (stmt == NULL)
    return FALSE;
  return stream_people (database, stmt, func, user_data, cancellable, &count, error);
}

/* kind␟description␞kind␟description → 社区治理：description；治安巡逻 */
static void
format_posts (GString    *out,
              const char *claims)
{
  g_auto (GStrv) items = NULL;

  g_string_truncate (out, 0);
  if (claims == NULL || *claims == '\0')
    return;
  items = g_strsplit (claims, "\x1e", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *separator = strchr (items[i], '\x1f');
      const char *description = "";

      if (separator != NULL)
        {
          *separator = '\0';
          description = g_strstrip (separator + 1);
        }
      if (out->len > 0)
        g_string_append (out, "；");
      g_string_append (out, yishi_enum_document_label (YISHI_ENUM_POST_KIND, items[i]));
      if (*description != '\0')
        g_string_append_printf (out, "：%s", description);
    }
}

gboolean
yishi_registry_export_members (YishiDatabase       *database,
                               YishiExportRowFunc   func,
                               gpointer             user_data,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) posts = g_string_new (NULL);
  guint64 count = 0;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = yishi_database_prepare (database,
                                 "SELECT c.name, p.name, p.gender, p.id_number, p.phone, g.name,"
                                 " b.name, m.category, m.branch, m.party_group, m.joined_date,"
                                 " m.employer, m.reported_date,"
                                 " (SELECT group_concat (x, char (30)) FROM"
                                 "  (SELECT pc.kind || char (31) || pc.description AS x"
                                 "   FROM party_post_claim pc WHERE pc.membership_id = m.id"
                                 "   ORDER BY pc.claimed_date, pc.id)),"
                                 " coalesce (h.party_central, 0)"
                                 " FROM party_membership m"
                                 " JOIN person p ON p.id = m.person_id"
                                 " LEFT JOIN household h ON h.id = p.household_id"
                                 " LEFT JOIN building b ON b.id = p.building_id"
                                 " LEFT JOIN grid g ON g.id = p.grid_id"
                                 " LEFT JOIN community c ON c.id = g.community_id"
                                 " WHERE m.end_date IS NULL AND p.deleted_at IS NULL"
                                 " ORDER BY c.id IS NULL, c.id, g.position, g.id, b.position,"
                                 " b.id, p.name, p.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiExportMember row = {
        .community = column_text (stmt, 0),
        .name = column_text (stmt, 1),
        .gender = column_text (stmt, 2),
        .id_number = column_text (stmt, 3),
        .phone = column_text (stmt, 4),
        .grid = column_text (stmt, 5),
        .building = column_text (stmt, 6),
        .category = column_text (stmt, 7),
        .branch = column_text (stmt, 8),
        .party_group = column_text (stmt, 9),
        .joined_date = column_text (stmt, 10),
        .employer = column_text (stmt, 11),
        .reported_date = column_text (stmt, 12),
        .central = sqlite3_column_int (stmt, 14) != 0,
      };

      format_posts (posts, (const char *)sqlite3_column_text (stmt, 13));
      row.posts = posts->str;
      if (++count % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!func (&row, user_data, error))
        return FALSE;
    }
  return step_done (database, rc, error);
}

/* Each role with its scope as a node path; a role over the whole community has no scope
 * id: the person's community names it, else the file's first. */
#define ROLES_SELECT \
  "SELECT c.name, p.name, p.phone, ra.role," \
  " CASE ra.scope_kind" \
  "  WHEN 'grid' THEN sg.name" \
  "  WHEN 'building' THEN sbg.name || ' / ' || sb.name" \
  "  WHEN 'unit' THEN sug.name || ' / ' || sub.name || ' / ' || su.name" \
  "  ELSE coalesce (c.name, (SELECT name FROM community ORDER BY id LIMIT 1))" \
  " END," \
  " ra.work_phone, ra.start_date, ra.end_date" \
  " FROM role_assignment ra" \
  " JOIN person p ON p.id = ra.person_id" \
  " LEFT JOIN grid g ON g.id = p.grid_id" \
  " LEFT JOIN community c ON c.id = g.community_id" \
  " LEFT JOIN grid sg ON ra.scope_kind = 'grid' AND sg.id = ra.scope_id" \
  " LEFT JOIN building sb ON ra.scope_kind = 'building' AND sb.id = ra.scope_id" \
  " LEFT JOIN grid sbg ON sbg.id = sb.grid_id" \
  " LEFT JOIN unit su ON ra.scope_kind = 'unit' AND su.id = ra.scope_id" \
  " LEFT JOIN building sub ON sub.id = su.building_id" \
  " LEFT JOIN grid sug ON sug.id = sub.grid_id" \
  " WHERE p.deleted_at IS NULL" \
  " ORDER BY ra.end_date IS NOT NULL, c.id IS NULL, c.id," \
  " CASE ra.role WHEN 'grid_leader' THEN 0 WHEN 'grid_worker' THEN 1" \
  "  WHEN 'building_leader' THEN 2 WHEN 'unit_leader' THEN 3" \
  "  WHEN 'resident_representative' THEN 4 WHEN 'deliberator' THEN 5" \
  "  WHEN 'mediator' THEN 6 WHEN 'volunteer' THEN 7 ELSE 8 END," \
  " coalesce (sg.position, sbg.position, sug.position), coalesce (sg.id, sbg.id, sug.id)," \
  " coalesce (sb.position, sub.position), coalesce (sb.id, sub.id)," \
  " su.position, su.id, ra.start_date, p.name, ra.id"

gboolean
yishi_registry_export_roles (YishiDatabase       *database,
                             YishiExportRowFunc   func,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *first_community = NULL;
  guint64 count = 0;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = yishi_database_prepare (database, ROLES_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiExportRole row = {
        .community = column_text (stmt, 0),
        .name = column_text (stmt, 1),
        .phone = column_text (stmt, 2),
        .role = column_text (stmt, 3),
        .scope = column_text (stmt, 4),
        .work_phone = column_text (stmt, 5),
        .start_date = column_text (stmt, 6),
        .end_date = column_text (stmt, 7),
      };

      if (++count % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!func (&row, user_data, error))
        return FALSE;
    }
  return step_done (database, rc, error);
}

/* The bound as stored text without the zone letter (see yishi-notice-data.c). */
static char *
utc_bound (GDateTime *local)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

gboolean
yishi_registry_export_points (YishiDatabase       *database,
                              int                  year,
                              int                  quarter,
                              YishiExportRowFunc   func,
                              gpointer             user_data,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint64 count = 0;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("%d Q%d is not a quarter from 2000 to 2999."), year, quarter);
      return FALSE;
    }
  tz = g_time_zone_new_local ();
  start = g_date_time_new (tz, year, (quarter - 1) * 3 + 1, 1, 0, 0, 0);
  end = g_date_time_add_months (start, 3);
  from = utc_bound (start);
  to = utc_bound (end);

  stmt = yishi_database_prepare (database,
                                 "SELECT pe.at, p.name, g.name, pe.kind, r.name,"
                                 " coalesce (pe.hours, 0), pe.points, pe.description"
                                 " FROM points_entry pe"
                                 " JOIN person p ON p.id = pe.person_id"
                                 " LEFT JOIN grid g ON g.id = p.grid_id"
                                 " LEFT JOIN points_rule r ON r.id = pe.rule_id"
                                 " WHERE p.deleted_at IS NULL AND pe.at >= ?1 AND pe.at < ?2"
                                 " ORDER BY pe.at, pe.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = column_text (stmt, 0);
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (stored, NULL);
      g_autoptr (GDateTime) local = when != NULL ? g_date_time_to_timezone (when, tz) : NULL;
      g_autofree char *at = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                          : g_strndup (stored, 16);
      YishiExportPointsEntry row = {
        .at = at,
        .name = column_text (stmt, 1),
        .grid = column_text (stmt, 2),
        .kind = column_text (stmt, 3),
        .rule = column_text (stmt, 4),
        .hours = sqlite3_column_double (stmt, 5),
        .points = sqlite3_column_double (stmt, 6),
        .description = column_text (stmt, 7),
      };

      if (++count % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!func (&row, user_data, error))
        return FALSE;
    }
  return step_done (database, rc, error);
}
