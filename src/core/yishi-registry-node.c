/* yishi-registry-node.c — one node of the community's tree (YishiRegistryNode), the
 * live children of a node in natural order with their people counted, and node paths.
 *
 * The people beneath each child are counted inside the one query that lists the
 * children, through person.grid_id / person.building_id and the partial indexes on live
 * people (0003-registry.sql), so a community of a hundred grids answers at once.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-registry-private.h"

#include "yishi-registry.h"

struct _YishiRegistryNode
{
  GObject parent_instance;

  YishiNodeKind kind;
  gint64 id;
  gint64 parent_id;
  char *name;
  gint64 position;
  guint n_people;
  gboolean has_children;
};

G_DEFINE_FINAL_TYPE (YishiRegistryNode, yishi_registry_node, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_N_PEOPLE,
  PROP_HAS_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
yishi_registry_node_finalize (GObject *object)
{
  YishiRegistryNode *self = YISHI_REGISTRY_NODE (object);

  g_free (self->name);

  G_OBJECT_CLASS (yishi_registry_node_parent_class)->finalize (object);
}

static void
yishi_registry_node_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YishiRegistryNode *self = YISHI_REGISTRY_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_N_PEOPLE:
      g_value_set_uint (value, self->n_people);
      break;

    case PROP_HAS_CHILDREN:
      g_value_set_boolean (value, self->has_children);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_registry_node_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YishiRegistryNode *self = YISHI_REGISTRY_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = (YishiNodeKind)g_value_get_uint (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PARENT_ID:
      self->parent_id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_N_PEOPLE:
      self->n_people = g_value_get_uint (value);
      break;

    case PROP_HAS_CHILDREN:
      self->has_children = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_registry_node_class_init (YishiRegistryNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS;

  object_class->finalize = yishi_registry_node_finalize;
  object_class->get_property = yishi_registry_node_get_property;
  object_class->set_property = yishi_registry_node_set_property;

  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, YISHI_NODE_COMMUNITY,
                                             YISHI_NODE_HOUSEHOLD, YISHI_NODE_COMMUNITY, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_N_PEOPLE] = g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HAS_CHILDREN] = g_param_spec_boolean ("has-children", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yishi_registry_node_init (YishiRegistryNode *self)
{
}

YishiRegistryNode *
yishi_registry_node_new (YishiNodeKind  kind,
                         gint64         id,
                         gint64         parent_id,
                         const char    *name,
                         guint          n_people,
                         gboolean       has_children)
{
  g_return_val_if_fail ((guint)kind <= YISHI_NODE_HOUSEHOLD, NULL);

  return g_object_new (YISHI_TYPE_REGISTRY_NODE,
                       "kind", (guint)kind,
                       "id", id,
                       "parent-id", parent_id,
                       "name", name,
                       "n-people", n_people,
                       "has-children", has_children,
                       NULL);
}

YishiNodeKind
yishi_registry_node_get_kind (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), YISHI_NODE_COMMUNITY);
  return self->kind;
}

gint64
yishi_registry_node_get_id (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), 0);
  return self->id;
}

gint64
yishi_registry_node_get_parent_id (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), 0);
  return self->parent_id;
}

const char *
yishi_registry_node_get_name (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), NULL);
  return self->name;
}

guint
yishi_registry_node_get_n_people (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), 0);
  return self->n_people;
}

gboolean
yishi_registry_node_has_children (YishiRegistryNode *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_NODE (self), FALSE);
  return self->has_children;
}

/* Queries ------------------------------------------------------------------------------ */

/* Columns: id, parent, name, position, live people beneath, has live children.  The
 * WHERE clause is appended by the caller. */
static const char *const node_select[] = {
  [YISHI_NODE_GRID] =
    "SELECT g.id, g.community_id, g.name, g.position,"
    " (SELECT count(*) FROM person p WHERE p.grid_id = g.id AND p.deleted_at IS NULL),"
    " EXISTS (SELECT 1 FROM building b WHERE b.grid_id = g.id AND b.deleted_at IS NULL)"
    " FROM grid g WHERE g.deleted_at IS NULL",
  [YISHI_NODE_BUILDING] =
    "SELECT b.id, b.grid_id, b.name, b.position,"
    " (SELECT count(*) FROM person p WHERE p.building_id = b.id AND p.deleted_at IS NULL),"
    " EXISTS (SELECT 1 FROM unit u WHERE u.building_id = b.id AND u.deleted_at IS NULL)"
    " FROM building b WHERE b.deleted_at IS NULL",
  [YISHI_NODE_UNIT] =
    "SELECT u.id, u.building_id, u.name, u.position,"
    " (SELECT count(*) FROM household h JOIN person p ON p.household_id = h.id"
    "  WHERE h.unit_id = u.id AND p.deleted_at IS NULL),"
    " EXISTS (SELECT 1 FROM household h WHERE h.unit_id = u.id AND h.deleted_at IS NULL)"
    " FROM unit u WHERE u.deleted_at IS NULL",
  [YISHI_NODE_HOUSEHOLD] =
    "SELECT h.id, h.unit_id, h.room, 0,"
    " (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted_at IS NULL),"
    " 0 FROM household h WHERE h.deleted_at IS NULL",
};

static const char *const parent_condition[] = {
  [YISHI_NODE_GRID] = " AND (?1 = 0 OR g.community_id = ?1)",
  [YISHI_NODE_BUILDING] = " AND b.grid_id = ?",
  [YISHI_NODE_UNIT] = " AND u.building_id = ?",
  [YISHI_NODE_HOUSEHOLD] = " AND h.unit_id = ?",
};

static const char *const id_condition[] = {
  [YISHI_NODE_GRID] = " AND g.id = ?",
  [YISHI_NODE_BUILDING] = " AND b.id = ?",
  [YISHI_NODE_UNIT] = " AND u.id = ?",
  [YISHI_NODE_HOUSEHOLD] = " AND h.id = ?",
};

static YishiRegistryNode *
node_from_row (YishiNodeKind  kind,
               sqlite3_stmt  *stmt)
{
  YishiRegistryNode *node = yishi_registry_node_new (kind, sqlite3_column_int64 (stmt, 0),
                                                     sqlite3_column_int64 (stmt, 1),
                                                     (const char *)sqlite3_column_text (stmt, 2),
                                                     (guint)sqlite3_column_int64 (stmt, 4),
                                                     sqlite3_column_int (stmt, 5) != 0);

  node->position = sqlite3_column_int64 (stmt, 3);
  return node;
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  YishiRegistryNode *x = *(YishiRegistryNode **)a;
  YishiRegistryNode *y = *(YishiRegistryNode **)b;
  int order;

  if (x->parent_id != y->parent_id) /* grids of several communities */
    return x->parent_id < y->parent_id ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  order = yishi_registry_natural_compare (x->name, y->name);
  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * yishi_registry_children:
 * @parent_id: for %YISHI_NODE_COMMUNITY, 0 for the grids of every community in the
 *   file (a district's file holds many), else those of that community
 *
 * Returns: (transfer full): a GListStore of YishiRegistryNode, or %NULL on error
 */
GListModel *
yishi_registry_children (YishiDatabase  *database,
                         YishiNodeKind   parent_kind,
                         gint64          parent_id,
                         GError        **error)
{
  g_autoptr (GListStore) store = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  YishiNodeKind kind = parent_kind + 1;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail ((guint)parent_kind <= YISHI_NODE_HOUSEHOLD, NULL);

  store = g_list_store_new (YISHI_TYPE_REGISTRY_NODE);
  if (parent_kind == YISHI_NODE_HOUSEHOLD)
    return G_LIST_MODEL (g_steal_pointer (&store));

  sql = g_strconcat (node_select[kind], parent_condition[kind], NULL);
  stmt = yishi_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);

  nodes = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (nodes, node_from_row (kind, stmt));
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  g_ptr_array_sort (nodes, compare_nodes);
  g_list_store_splice (store, 0, 0, nodes->pdata, nodes->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static YishiRegistryNode *
load_community (YishiDatabase  *database,
                gint64          id,
                GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = yishi_database_prepare (database,
                                 "SELECT c.id, 0, c.name, 0,"
                                 " (SELECT count(*) FROM person p WHERE p.deleted_at IS NULL),"
                                 " EXISTS (SELECT 1 FROM grid g WHERE g.community_id = c.id"
                                 "  AND g.deleted_at IS NULL)"
                                 " FROM community c WHERE c.id = ?1 OR (?1 = 0 AND c.id ="
                                 "  (SELECT min (id) FROM community))",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("The community has not been set up yet: enter its name first."));
      return NULL;
    }
  return node_from_row (YISHI_NODE_COMMUNITY, stmt);
}

/**
 * yishi_registry_node_load:
 *
 * The live node (for the community: @id 0 is the first community; its people are all
 * the live people of the file).
 *
 * Returns: (transfer full): the node, or %NULL with YISHI_REGISTRY_ERROR_NOT_FOUND
 */
YishiRegistryNode *
yishi_registry_node_load (YishiDatabase  *database,
                          YishiNodeKind   kind,
                          gint64          id,
                          GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail ((guint)kind <= YISHI_NODE_HOUSEHOLD, NULL);

  if (kind == YISHI_NODE_COMMUNITY)
    return load_community (database, id, error);

  sql = g_strconcat (node_select[kind], id_condition[kind], NULL);
  stmt = yishi_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("That place does not exist or was deleted."));
      return NULL;
    }
  return node_from_row (kind, stmt);
}

/**
 * yishi_registry_node_path:
 *
 * Deleted nodes have paths too (for the history of where someone lived).
 *
 * Returns: (transfer full) (nullable): "一网格 / 3号楼 / 2单元 / 301"; the community's
 *   name for %YISHI_NODE_COMMUNITY; %NULL when the node does not exist
 */
char *
yishi_registry_node_path (YishiDatabase *database,
                          YishiNodeKind  kind,
                          gint64         id)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GString) path = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail ((guint)kind <= YISHI_NODE_HOUSEHOLD, NULL);

  if (kind == YISHI_NODE_COMMUNITY)
    {
      g_autoptr (sqlite3_stmt) stmt =
        yishi_database_prepare (database,
                                "SELECT name FROM community WHERE id = ?1 OR (?1 = 0 AND id ="
                                " (SELECT min (id) FROM community))", NULL);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return NULL;
      return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }

  names = g_ptr_array_new_with_free_func (g_free);
  for (; kind >= YISHI_NODE_GRID; kind--)
    {
      const YishiNodeTable *t = yishi_registry_node_table (kind);
      g_autofree char *sql = g_strconcat ("SELECT ", t->name_column, ", ", t->parent_column,
                                          " FROM ", t->table, " WHERE id = ?", NULL);
      g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return NULL;
      g_ptr_array_insert (names, 0, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      id = sqlite3_column_int64 (stmt, 1);
    }

  path = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (path, " / ");
      g_string_append (path, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}
