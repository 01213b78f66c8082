/* yishi-registry.c — the community's structure: creating, renaming, moving, deleting
 * and restoring grids, buildings, units and households.
 *
 * Every function checks what it is given first (translated YISHI_REGISTRY_ERRORs), then
 * writes in one transaction through yishi_database_insert/update, which audit each row.
 * Deleting hides a node, everything beneath it and the people living there with one
 * batch token; the rows beneath are hidden by one UPDATE per table with one "bulk" audit
 * row each (a grid holds tens of thousands of people), and undoing clears exactly that
 * batch.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-registry-private.h"

#include "yishi-registry.h"

G_DEFINE_QUARK (yishi-registry-error-quark, yishi_registry_error)

static const YishiNodeTable node_tables[] = {
  [YISHI_NODE_COMMUNITY] = { "community", NULL, "name" },
  [YISHI_NODE_GRID] = { "grid", "community_id", "name" },
  [YISHI_NODE_BUILDING] = { "building", "grid_id", "name" },
  [YISHI_NODE_UNIT] = { "unit", "building_id", "name" },
  [YISHI_NODE_HOUSEHOLD] = { "household", "unit_id", "room" },
};

const char *
yishi_node_kind_to_string (YishiNodeKind kind)
{
  static const char *const names[] = {
    [YISHI_NODE_COMMUNITY] = "community",
    [YISHI_NODE_GRID] = "grid",
    [YISHI_NODE_BUILDING] = "building",
    [YISHI_NODE_UNIT] = "unit",
    [YISHI_NODE_HOUSEHOLD] = "household",
  };

  g_return_val_if_fail ((guint)kind <= YISHI_NODE_HOUSEHOLD, NULL);
  return names[kind];
}

/* Shared helpers (yishi-registry-private.h) ---------------------------------------- */

const YishiNodeTable *
yishi_registry_node_table (YishiNodeKind kind)
{
  g_return_val_if_fail ((guint)kind <= YISHI_NODE_HOUSEHOLD, NULL);
  return &node_tables[kind];
}

gboolean
yishi_registry_fail (GError             **error,
                     YishiRegistryError   code,
                     const char          *message)
{
  g_set_error_literal (error, YISHI_REGISTRY_ERROR, code, message);
  return FALSE;
}

gboolean
yishi_registry_take_invalid (GError **error,
                             GError  *local)
{
  g_assert (local != NULL);
  g_set_error_literal (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
yishi_registry_check_text (const char      *value,
                           const char      *field,
                           gsize            max_chars,
                           YishiTextFlags   flags,
                           GError         **error)
{
  GError *local = NULL;

  if (yishi_validate_text (value, field, max_chars, flags, &local))
    return TRUE;
  return yishi_registry_take_invalid (error, local);
}

gboolean
yishi_registry_check_date (const char  *value,
                           const char  *field,
                           gboolean     allow_future,
                           GError     **error)
{
  gboolean ok = value != NULL && strlen (value) == 10 && value[4] == '-' && value[7] == '-';
  int y = 0, m = 0, d = 0;

  for (int i = 0; ok && i < 10; i++)
    ok = i == 4 || i == 7 || g_ascii_isdigit (value[i]);
  if (ok)
    {
      y = g_ascii_digit_value (value[0]) * 1000 + g_ascii_digit_value (value[1]) * 100 +
          g_ascii_digit_value (value[2]) * 10 + g_ascii_digit_value (value[3]);
      m = g_ascii_digit_value (value[5]) * 10 + g_ascii_digit_value (value[6]);
      d = g_ascii_digit_value (value[8]) * 10 + g_ascii_digit_value (value[9]);
      ok = y >= 1900 && y <= 2100 && g_date_valid_dmy (d, m, y);
    }
  if (!ok)
    {
      g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID,
                   _("%s must be a date written YYYY-MM-DD."), field);
      return FALSE;
    }
  if (!allow_future)
    {
      g_autofree char *today = yishi_clock_today ();

      if (strcmp (value, today) > 0)
        {
          g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID,
                       _("%s is in the future."), field);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
yishi_registry_enum_has (YishiEnum   which,
                         const char *id)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i].id, id))
      return TRUE;
  return FALSE;
}

gboolean
yishi_registry_finish (YishiDatabase  *database,
                       gboolean        ok,
                       GError        **error)
{
  if (ok && yishi_database_commit (database, error))
    return TRUE;
  yishi_database_rollback (database);
  return FALSE;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00a0 || c == 0xfeff;
}

char *
yishi_registry_trim (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text); /* yishi_validate_text () refuses it */
  start = text;
  while (*start && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
yishi_registry_node_is_live (YishiDatabase *database,
                             YishiNodeKind  kind,
                             gint64         id)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if ((guint)kind > YISHI_NODE_HOUSEHOLD || id <= 0)
    return FALSE;
  sql = g_strdup_printf (kind == YISHI_NODE_COMMUNITY ? "SELECT 1 FROM %s WHERE id = ?"
                         : "SELECT 1 FROM %s WHERE id = ? AND deleted_at IS NULL",
                         node_tables[kind].table);
  stmt = yishi_database_prepare (database, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gint64
yishi_registry_community_id (YishiDatabase *database)
{
  return yishi_database_query_int (database, "SELECT id FROM community ORDER BY id LIMIT 1", 0);
}

/* The value of the Chinese numeral at @p (一…九, 两, 〇/零, 十, 百, 千), or -1. */
static int
chinese_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96f6 /* 零 */, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94,
                                     0x516d, 0x4e03, 0x516b, 0x4e5d };

  if (c == 0x3007 /* 〇 */)
    return 0;
  if (c == 0x4e24 /* 两 */)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return (int)i;
  return -1;
}

static int
chinese_unit (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;   /* 十 */
    case 0x767e: return 100;  /* 百 */
    case 0x5343: return 1000; /* 千 */
    default: return 0;
    }
}

/* Reads a number at *@p (ASCII or full-width digits, or Chinese numerals) and advances
 * past it; FALSE (nothing read) when *@p does not start one. */
static gboolean
read_number (const char **p,
             guint64     *value)
{
  const char *s = *p;
  gunichar c = g_utf8_get_char (s);
  guint64 v = 0;

  if (g_unichar_isdigit (c) && g_unichar_digit_value (c) >= 0)
    {
      while (*s && (c = g_utf8_get_char (s), g_unichar_digit_value (c) >= 0))
        {
          if (v < G_MAXUINT64 / 16)
            v = v * 10 + (guint64)g_unichar_digit_value (c);
          s = g_utf8_next_char (s);
        }
    }
  else if (chinese_digit (c) >= 0 || chinese_unit (c) > 0)
    {
      guint64 section = 0, digit = 0;
      gboolean after_digit = FALSE;

      for (; *s; s = g_utf8_next_char (s))
        {
          int d, u;

          c = g_utf8_get_char (s);
          if ((d = chinese_digit (c)) >= 0)
            {
              /* 二〇二六 is positional; 一百零五 has units. */
              digit = after_digit && digit < G_MAXUINT32 ? digit * 10 + (guint64)d : (guint64)d;
              after_digit = TRUE;
            }
          else if ((u = chinese_unit (c)) > 0)
            {
              section += (digit ? digit : 1) * (guint64)u;
              digit = 0;
              after_digit = FALSE;
            }
          else
            break;
        }
      v = section + digit;
    }
  else
    return FALSE;

  *p = s;
  *value = v;
  return TRUE;
}

int
yishi_registry_natural_compare (const char *a,
                                const char *b)
{
  const char *p = a ? a : "", *q = b ? b : "";

  while (*p && *q)
    {
      guint64 x, y;
      const char *p2 = p, *q2 = q;

      if (read_number (&p2, &x) && read_number (&q2, &y))
        {
          if (x != y)
            return x < y ? -1 : 1;
          p = p2;
          q = q2;
          continue;
        }
      else
        {
          gunichar c = g_utf8_get_char (p), d = g_utf8_get_char (q);

          if (c != d)
            return c < d ? -1 : 1;
          p = g_utf8_next_char (p);
          q = g_utf8_next_char (q);
        }
    }
  if (*p || *q)
    return *p ? 1 : -1;
  return strcmp (a ? a : "", b ? b : ""); /* "01" and "1": still a stable order */
}

/* Nodes ---------------------------------------------------------------------------- */

static gboolean
check_kind (YishiNodeKind   kind,
            GError        **error)
{
  if (kind < YISHI_NODE_GRID || kind > YISHI_NODE_HOUSEHOLD)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("Only grids, buildings, units and households can be changed here."));
  return TRUE;
}

static const char *
name_field (YishiNodeKind kind)
{
  switch (kind)
    {
    case YISHI_NODE_GRID: return _("The grid’s name");
    case YISHI_NODE_BUILDING: return _("The building’s name");
    case YISHI_NODE_UNIT: return _("The unit’s name");
    case YISHI_NODE_HOUSEHOLD: return _("The room");
    case YISHI_NODE_COMMUNITY:
    default: return _("The name");
    }
}

static gboolean
not_found (YishiNodeKind   kind,
           GError        **error)
{
  const char *message;

  switch (kind)
    {
    case YISHI_NODE_GRID: message = _("The grid does not exist or was deleted."); break;
    case YISHI_NODE_BUILDING: message = _("The building does not exist or was deleted."); break;
    case YISHI_NODE_UNIT: message = _("The unit does not exist or was deleted."); break;
    case YISHI_NODE_HOUSEHOLD: message = _("The household does not exist or was deleted."); break;
    case YISHI_NODE_COMMUNITY:
    default: message = _("The community has not been set up yet: enter its name first."); break;
    }
  return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND, message);
}

/* Trims and checks a node's name. */
static char *
clean_name (YishiNodeKind   kind,
            const char     *name,
            GError        **error)
{
  g_autofree char *clean = yishi_registry_trim (name);

  if (!yishi_registry_check_text (clean, name_field (kind), YISHI_REGISTRY_NODE_NAME_MAX,
                                  YISHI_TEXT_REQUIRED, error))
    return NULL;
  return g_steal_pointer (&clean);
}

/* The sibling of that name under @parent_id (other than @self_id): its id and whether
 * it is deleted; 0 when there is none. */
static gint64
find_sibling (YishiDatabase *database,
              YishiNodeKind  kind,
              gint64         parent_id,
              const char    *name,
              gint64         self_id,
              gboolean      *deleted)
{
  const YishiNodeTable *t = &node_tables[kind];
  g_autofree char *sql = g_strdup_printf ("SELECT id, deleted_at IS NOT NULL FROM %s"
                                          " WHERE %s = ? AND %s = ? AND id <> ?",
                                          t->table, t->parent_column, t->name_column);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, self_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (deleted != NULL)
    *deleted = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Refuses a name a sibling already has — a deleted sibling too, as its deletion may
 * still be undone. */
static gboolean
check_sibling_name (YishiDatabase  *database,
                    YishiNodeKind   kind,
                    gint64          parent_id,
                    const char     *name,
                    gint64          self_id,
                    GError        **error)
{
  gboolean deleted = FALSE;

  if (find_sibling (database, kind, parent_id, name, self_id, &deleted) == 0)
    return TRUE;
  if (deleted)
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME,
                 _("“%s” is the name of something deleted here that can still be restored: "
                   "undo its deletion, or choose another name."), name);
  else
    switch (kind)
      {
      case YISHI_NODE_GRID:
        g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME,
                     _("There is already a grid named “%s”."), name);
        break;
      case YISHI_NODE_BUILDING:
        g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME,
                     _("This grid already has a building named “%s”."), name);
        break;
      case YISHI_NODE_UNIT:
        g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME,
                     _("This building already has a unit named “%s”."), name);
        break;
      case YISHI_NODE_HOUSEHOLD:
      case YISHI_NODE_COMMUNITY:
      default:
        g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME,
                     _("This unit already has a room “%s”."), name);
        break;
      }
  return FALSE;
}

/* The parent of a live node, or 0 when the node does not exist or is deleted. */
static gint64
parent_of (YishiDatabase *database,
           YishiNodeKind  kind,
           gint64         id,
           char         **name)
{
  const YishiNodeTable *t = &node_tables[kind];
  g_autofree char *sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE id = ? AND deleted_at IS NULL",
                                          t->parent_column, t->name_column, t->table);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  if (name != NULL)
    *name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

/* Inserts without checks (the callers checked); new nodes sort with the last of their
 * siblings' positions, so that among numbered siblings the name decides. */
static gint64
insert_node (YishiDatabase  *database,
             YishiNodeKind   kind,
             gint64          parent_id,
             const char     *name,
             GError        **error)
{
  const YishiNodeTable *t = &node_tables[kind];
  g_autoptr (YishiValues) values = yishi_values_new ();

  yishi_values_set_int (values, t->parent_column, parent_id);
  yishi_values_set_text (values, t->name_column, name);
  if (kind != YISHI_NODE_HOUSEHOLD)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (position), 0) FROM %s"
                                              " WHERE %s = ? AND deleted_at IS NULL",
                                              t->table, t->parent_column);
      g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        yishi_values_set_int (values, "position", sqlite3_column_int64 (stmt, 0));
    }
  return yishi_database_insert (database, t->table, values, error);
}

/**
 * yishi_registry_create_node:
 *
 * Returns: the new node's id, or 0 with @error set
 */
gint64
yishi_registry_create_node (YishiDatabase  *database,
                            YishiNodeKind   kind,
                            gint64          parent_id,
                            const char     *name,
                            GError        **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (!check_kind (kind, error))
    return 0;
  clean = clean_name (kind, name, error);
  if (clean == NULL)
    return 0;
  if (kind == YISHI_NODE_GRID && parent_id == 0)
    parent_id = yishi_registry_community_id (database);
  if (!yishi_registry_node_is_live (database, kind - 1, parent_id))
    {
      not_found (kind - 1, error);
      return 0;
    }
  if (!check_sibling_name (database, kind, parent_id, clean, 0, error))
    return 0;

  if (!yishi_database_begin (database, error))
    return 0;
  id = insert_node (database, kind, parent_id, clean, error);
  if (!yishi_registry_finish (database, id != 0, error))
    return 0;
  return id;
}

gboolean
yishi_registry_rename_node (YishiDatabase  *database,
                            YishiNodeKind   kind,
                            gint64          id,
                            const char     *name,
                            GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *clean = NULL;
  g_autofree char *old = NULL;
  gint64 parent_id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!check_kind (kind, error))
    return FALSE;
  clean = clean_name (kind, name, error);
  if (clean == NULL)
    return FALSE;
  parent_id = parent_of (database, kind, id, &old);
  if (parent_id == 0)
    return not_found (kind, error);
  if (g_str_equal (old, clean))
    return TRUE;
  if (!check_sibling_name (database, kind, parent_id, clean, id, error))
    return FALSE;

  yishi_values_set_text (values, node_tables[kind].name_column, clean);
  return yishi_database_update (database, node_tables[kind].table, id, values, error);
}

gboolean
yishi_registry_move_node (YishiDatabase  *database,
                          YishiNodeKind   kind,
                          gint64          id,
                          gint64          new_parent_id,
                          GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *name = NULL;
  gint64 parent_id;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (kind < YISHI_NODE_BUILDING || kind > YISHI_NODE_HOUSEHOLD)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_BAD_MOVE,
                                _("Only buildings, units and households can be moved."));
  parent_id = parent_of (database, kind, id, &name);
  if (parent_id == 0)
    return not_found (kind, error);
  if (!yishi_registry_node_is_live (database, kind - 1, new_parent_id))
    {
      const char *message;

      switch (kind)
        {
        case YISHI_NODE_BUILDING: message = _("A building can only be moved to another grid."); break;
        case YISHI_NODE_UNIT: message = _("A unit can only be moved to another building."); break;
        case YISHI_NODE_HOUSEHOLD:
        case YISHI_NODE_GRID:
        case YISHI_NODE_COMMUNITY:
        default: message = _("A household can only be moved to another unit."); break;
        }
      return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_BAD_MOVE, message);
    }
  if (new_parent_id == parent_id)
    return TRUE;
  if (!check_sibling_name (database, kind, new_parent_id, name, id, error))
    return FALSE;

  if (!yishi_database_begin (database, error))
    return FALSE;
  yishi_values_set_int (values, node_tables[kind].parent_column, new_parent_id);
  ok = yishi_database_update (database, node_tables[kind].table, id, values, error);
  /* The triggers moved the people's grid and building. */
  if (ok)
    yishi_database_emit_changed (database, "person");
  return yishi_registry_finish (database, ok, error);
}

/* Deleting and restoring ------------------------------------------------------------ */

static gboolean
audit_bulk (YishiDatabase  *database,
            const char     *table,
            const char     *what,
            const char     *batch,
            const char     *at,
            const char     *root_table,
            const char     *root_uuid,
            int             rows,
            GError        **error)
{
  g_autoptr (GString) json = g_string_new ("{");

  if (rows <= 0)
    return TRUE;
  yishi_json_append_string (json, what);
  g_string_append (json, ":{\"deleted_batch\":");
  yishi_json_append_string (json, batch);
  g_string_append (json, ",\"deleted_at\":");
  if (at != NULL)
    yishi_json_append_string (json, at);
  else
    g_string_append (json, "null");
  g_string_append_printf (json, ",\"rows\":%d", rows);
  if (root_table != NULL && root_uuid != NULL)
    {
      g_string_append (json, ",\"under\":{\"table\":");
      yishi_json_append_string (json, root_table);
      g_string_append (json, ",\"uuid\":");
      yishi_json_append_string (json, root_uuid);
      g_string_append_c (json, '}');
    }
  g_string_append (json, "}}");
  if (!yishi_database_audit (database, table, NULL, "bulk", NULL, json->str, error))
    return FALSE;
  yishi_database_emit_changed (database, table);
  return TRUE;
}

/* Runs @sql (binding ?1 the time, ?2 the batch, ?3 the id) and audits what it changed. */
static gboolean
hide_rows (YishiDatabase  *database,
           const char     *table,
           const char     *sql,
           const char     *at,
           const char     *batch,
           gint64          id,
           const char     *root_table,
           const char     *root_uuid,
           GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, batch, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return audit_bulk (database, table, "deleted", batch, at, root_table, root_uuid,
                     sqlite3_changes (yishi_database_get_handle (database)), error);
}

#define HIDE "SET deleted_at = ?1, deleted_batch = ?2 WHERE deleted_at IS NULL AND "

static gboolean
hide_beneath (YishiDatabase  *database,
              YishiNodeKind   kind,
              gint64          id,
              const char     *at,
              const char     *batch,
              const char     *root_uuid,
              GError        **error)
{
  const char *root = node_tables[kind].table;

  switch (kind)
    {
    case YISHI_NODE_GRID:
      return hide_rows (database, "building", "UPDATE building " HIDE "grid_id = ?3",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "unit", "UPDATE unit " HIDE "building_id IN"
                        " (SELECT id FROM building WHERE grid_id = ?3)",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "household", "UPDATE household " HIDE "unit_id IN"
                        " (SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id"
                        " WHERE b.grid_id = ?3)",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "person", "UPDATE person " HIDE "household_id IN"
                        " (SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id"
                        " JOIN building b ON b.id = u.building_id"
                        " WHERE b.grid_id = ?3 AND h.deleted_batch = ?2)",
                        at, batch, id, root, root_uuid, error);

    case YISHI_NODE_BUILDING:
      return hide_rows (database, "unit", "UPDATE unit " HIDE "building_id = ?3",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "household", "UPDATE household " HIDE "unit_id IN"
                        " (SELECT id FROM unit WHERE building_id = ?3)",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "person", "UPDATE person " HIDE "household_id IN"
                        " (SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id"
                        " WHERE u.building_id = ?3 AND h.deleted_batch = ?2)",
                        at, batch, id, root, root_uuid, error);

    case YISHI_NODE_UNIT:
      return hide_rows (database, "household", "UPDATE household " HIDE "unit_id = ?3",
                        at, batch, id, root, root_uuid, error) &&
             hide_rows (database, "person", "UPDATE person " HIDE "household_id IN"
                        " (SELECT id FROM household WHERE unit_id = ?3 AND deleted_batch = ?2)",
                        at, batch, id, root, root_uuid, error);

    case YISHI_NODE_HOUSEHOLD:
      return hide_rows (database, "person", "UPDATE person " HIDE "household_id = ?3",
                        at, batch, id, root, root_uuid, error);

    case YISHI_NODE_COMMUNITY:
    default:
      g_assert_not_reached ();
    }
}

#undef HIDE

static char *
uuid_of (YishiDatabase *database,
         const char    *table,
         gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Hides one row (audited) with the batch. */
static gboolean
hide_row (YishiDatabase  *database,
          const char     *table,
          gint64          id,
          const char     *at,
          const char     *batch,
          GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();

  yishi_values_set_text (values, "deleted_at", at);
  yishi_values_set_text (values, "deleted_batch", batch);
  return yishi_database_update (database, table, id, values, error);
}

char *
yishi_registry_hide_row (YishiDatabase  *database,
                         const char     *table,
                         gint64          id,
                         GError        **error)
{
  g_autofree char *batch = yishi_database_new_uuid (database);
  g_autofree char *at = yishi_clock_now_string ();

  if (!hide_row (database, table, id, at, batch, error))
    return NULL;
  return g_steal_pointer (&batch);
}

/**
 * yishi_registry_delete_node:
 *
 * Returns: (transfer full): the batch token for yishi_registry_undelete (), or %NULL
 */
char *
yishi_registry_delete_node (YishiDatabase  *database,
                            YishiNodeKind   kind,
                            gint64          id,
                            GError        **error)
{
  g_autofree char *batch = NULL;
  g_autofree char *at = NULL;
  g_autofree char *uuid = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  if (!check_kind (kind, error))
    return NULL;
  if (!yishi_registry_node_is_live (database, kind, id))
    {
      not_found (kind, error);
      return NULL;
    }

  batch = yishi_database_new_uuid (database);
  at = yishi_clock_now_string ();
  uuid = uuid_of (database, node_tables[kind].table, id);

  if (!yishi_database_begin (database, error))
    return NULL;
  ok = hide_row (database, node_tables[kind].table, id, at, batch, error) &&
       hide_beneath (database, kind, id, at, batch, uuid, error);
  if (!yishi_registry_finish (database, ok, error))
    return NULL;
  return g_steal_pointer (&batch);
}

/* Rows of the batch whose parent is deleted by another batch (restoring them would
 * leave something live inside something deleted). */
static const char nodes_blocked_sql[] =
  "SELECT 1 FROM building b JOIN grid g ON g.id = b.grid_id"
  " WHERE b.deleted_batch = ?1 AND g.deleted_at IS NOT NULL AND g.deleted_batch IS NOT ?1"
  " UNION ALL SELECT 1 FROM unit u JOIN building b ON b.id = u.building_id"
  " WHERE u.deleted_batch = ?1 AND b.deleted_at IS NOT NULL AND b.deleted_batch IS NOT ?1"
  " UNION ALL SELECT 1 FROM household h JOIN unit u ON u.id = h.unit_id"
  " WHERE h.deleted_batch = ?1 AND u.deleted_at IS NOT NULL AND u.deleted_batch IS NOT ?1"
  " LIMIT 1";
/* (person_deleted indexes the deleted people: deleted_at IS NOT NULL lets it be used.) */
static const char person_blocked_sql[] =
  "SELECT 1 FROM person p JOIN household h ON h.id = p.household_id"
  " WHERE p.deleted_at IS NOT NULL AND p.deleted_batch = ?1"
  " AND h.deleted_at IS NOT NULL AND h.deleted_batch IS NOT ?1"
  " LIMIT 1";

static gboolean
batch_blocked (YishiDatabase  *database,
               const char     *sql,
               const char     *batch,
               gboolean       *blocked,
               GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  *blocked = *blocked || rc == SQLITE_ROW;
  return TRUE;
}

gboolean
yishi_registry_undelete (YishiDatabase  *database,
                         const char     *batch,
                         GError        **error)
{
  static const struct { const char *table, *sql; } steps[] = {
    { "person", "UPDATE person SET deleted_at = NULL, deleted_batch = NULL"
                " WHERE deleted_at IS NOT NULL AND deleted_batch = ?1" },
    { "household", "UPDATE household SET deleted_at = NULL, deleted_batch = NULL WHERE deleted_batch = ?1" },
    { "unit", "UPDATE unit SET deleted_at = NULL, deleted_batch = NULL WHERE deleted_batch = ?1" },
    { "building", "UPDATE building SET deleted_at = NULL, deleted_batch = NULL WHERE deleted_batch = ?1" },
    { "grid", "UPDATE grid SET deleted_at = NULL, deleted_batch = NULL WHERE deleted_batch = ?1" },
  };
  gboolean blocked = FALSE;
  gboolean ok = TRUE;
  int total = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (batch == NULL || *batch == '\0')
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("There is nothing to restore."));
  if (!batch_blocked (database, nodes_blocked_sql, batch, &blocked, error) ||
      !batch_blocked (database, person_blocked_sql, batch, &blocked, error))
    return FALSE;
  if (blocked)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("This cannot be restored while the place it belongs to is "
                                  "deleted: restore that place first."));

  if (!yishi_database_begin (database, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, steps[i].sql, error);
      int rows;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_text (stmt, 1, batch, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          ok = yishi_database_set_error (database, error);
          break;
        }
      rows = sqlite3_changes (yishi_database_get_handle (database));
      total += rows;
      ok = audit_bulk (database, steps[i].table, "restored", batch, NULL, NULL, NULL, rows, error);
    }
  if (ok && total == 0)
    ok = yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                              _("There is nothing to restore: it was restored already."));
  return yishi_registry_finish (database, ok, error);
}

/* Imports ---------------------------------------------------------------------------- */

/* Finds the child named @name of @parent_id, restoring it when it was deleted (the file
 * says the place exists), or creates it. */
static gint64
ensure_child (YishiDatabase  *database,
              YishiNodeKind   kind,
              gint64          parent_id,
              const char     *name,
              GError        **error)
{
  gboolean deleted = FALSE;
  gint64 id = find_sibling (database, kind, parent_id, name, 0, &deleted);

  if (id != 0 && deleted)
    {
      g_autoptr (YishiValues) values = yishi_values_new ();

      yishi_values_set_null (values, "deleted_at");
      yishi_values_set_null (values, "deleted_batch");
      if (!yishi_database_update (database, node_tables[kind].table, id, values, error))
        return 0;
    }
  if (id != 0)
    return id;
  return insert_node (database, kind, parent_id, name, error);
}

/**
 * yishi_registry_ensure_place:
 * @kind: (out): the kind of the node returned (%YISHI_NODE_COMMUNITY when no grid was
 *   named)
 *
 * A node of the chain that exists but was deleted is restored (that node only).
 *
 * Returns: the deepest node's id (0 when no grid was named, or on error)
 */
gint64
yishi_registry_ensure_place (YishiDatabase  *database,
                             const char     *grid,
                             const char     *building,
                             const char     *unit,
                             const char     *room,
                             YishiNodeKind  *kind,
                             GError        **error)
{
  const char *names[] = { grid, building, unit, room };
  char *clean[4] = { NULL, NULL, NULL, NULL };
  YishiNodeKind deepest = YISHI_NODE_COMMUNITY;
  gint64 id = 0;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (kind != NULL)
    *kind = YISHI_NODE_COMMUNITY;
  for (n = 0; ok && n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *trimmed = yishi_registry_trim (names[n]);

      if (*trimmed == '\0')
        break;
      clean[n] = clean_name (YISHI_NODE_GRID + n, trimmed, error);
      ok = clean[n] != NULL;
    }
  if (!ok || n == 0)
    goto out;

  id = yishi_registry_community_id (database);
  if (id == 0)
    {
      ok = not_found (YISHI_NODE_COMMUNITY, error);
      goto out;
    }
  if (!yishi_database_begin (database, error))
    {
      ok = FALSE;
      goto out;
    }
  for (guint i = 0; ok && i < n; i++)
    {
      deepest = YISHI_NODE_GRID + i;
      id = ensure_child (database, deepest, id, clean[i], error);
      ok = id != 0;
    }
  ok = yishi_registry_finish (database, ok, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    g_free (clean[i]);
  if (!ok || n == 0)
    return 0;
  if (kind != NULL)
    *kind = deepest;
  return id;
}
