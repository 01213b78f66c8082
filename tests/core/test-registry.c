/* test-registry.c — the registry's core: the tree of grids, buildings, units and
 * households (natural order, people counts, rename, move, delete and undo, imports'
 * places), people (ID numbers, duplicates, moving house), party members, roles and
 * organisations.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-demo.h"
#include "yishi-lookup.h"
#include "yishi-person-check.h"
#include "yishi-points.h"
#include "yishi-registry.h"
#include "yishi-test-utils.h"

/* 2026-06-15, noon in Asia/Shanghai (the tests' TZ). */
#define NOW "2026-06-15T04:00:00Z"
#define TODAY "2026-06-15"

/* YishiOrganisation's strings are not const. */
#define S(text) ((char *)(text))

#define sql_int(db, ...) yishi_test_query_int (db, -999, __VA_ARGS__)

static gint64
node (YishiDatabase *db,
      YishiNodeKind  kind,
      gint64         parent,
      const char    *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = yishi_registry_create_node (db, kind, parent, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The names of the children, ", "-joined. */
static char *
children_names (YishiDatabase *db,
                YishiNodeKind  kind,
                gint64         id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) children = yishi_registry_children (db, kind, id, &error);
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (children) == YISHI_TYPE_REGISTRY_NODE);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (YishiRegistryNode) child = g_list_model_get_item (children, i);

      g_assert_cmpint (yishi_registry_node_get_parent_id (child), ==,
                       kind == YISHI_NODE_COMMUNITY ? yishi_registry_node_get_parent_id (child) : id);
      g_assert_cmpint (yishi_registry_node_get_kind (child), ==, kind + 1);
      g_string_append_printf (names, "%s%s", i ? ", " : "", yishi_registry_node_get_name (child));
    }
  return g_string_free (names, FALSE);
}

#define assert_children(db, kind, id, expected) \
  G_STMT_START { \
    g_autofree char *names_ = children_names ((db), (kind), (id)); \
    g_assert_cmpstr (names_, ==, (expected)); \
  } G_STMT_END

/* The node among the children of (kind, id) with that name. */
static YishiRegistryNode *
child_named (YishiDatabase *db,
             YishiNodeKind  kind,
             gint64         id,
             const char    *name)
{
  g_autoptr (GListModel) children = yishi_registry_children (db, kind, id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (YishiRegistryNode) child = g_list_model_get_item (children, i);

      if (g_str_equal (yishi_registry_node_get_name (child), name))
        return g_steal_pointer (&child);
    }
  return NULL;
}

static guint
people_of (YishiDatabase *db,
           YishiNodeKind  kind,
           gint64         id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRegistryNode) n = yishi_registry_node_load (db, kind, id, &error);

  g_assert_no_error (error);
  return yishi_registry_node_get_n_people (n);
}

static gint64
add_person (YishiDatabase *db,
            const char    *name,
            const char    *id_number,
            gint64         household)
{
  YishiPersonDraft draft = { .name = name, .id_number = id_number, .household_id = household };
  g_autoptr (GError) error = NULL;
  gint64 id = yishi_registry_add_person (db, &draft, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A small tree: two grids, buildings, units, households. */
typedef struct
{
  YishiDatabase *db;
  gint64 grid1, grid2;
  gint64 b1, b2, b10, b3;
  gint64 u11, u12, u21, u31;
  gint64 h301, h302, h1201, h201, h101;
} Tree;

static void
tree_init (Tree       *t,
           const char *name)
{
  t->db = yishi_test_new_database (name, "幸福里社区");
  t->grid1 = node (t->db, YISHI_NODE_GRID, 0, "第一网格");
  t->grid2 = node (t->db, YISHI_NODE_GRID, 0, "第二网格");
  t->b10 = node (t->db, YISHI_NODE_BUILDING, t->grid1, "10号楼");
  t->b2 = node (t->db, YISHI_NODE_BUILDING, t->grid1, "2号楼");
  t->b1 = node (t->db, YISHI_NODE_BUILDING, t->grid1, "1号楼");
  t->b3 = node (t->db, YISHI_NODE_BUILDING, t->grid2, "3号楼");
  t->u11 = node (t->db, YISHI_NODE_UNIT, t->b1, "1单元");
  t->u12 = node (t->db, YISHI_NODE_UNIT, t->b1, "2单元");
  t->u21 = node (t->db, YISHI_NODE_UNIT, t->b2, "1单元");
  t->u31 = node (t->db, YISHI_NODE_UNIT, t->b3, "1单元");
  t->h1201 = node (t->db, YISHI_NODE_HOUSEHOLD, t->u11, "1201");
  t->h301 = node (t->db, YISHI_NODE_HOUSEHOLD, t->u11, "301");
  t->h302 = node (t->db, YISHI_NODE_HOUSEHOLD, t->u11, "302");
  t->h201 = node (t->db, YISHI_NODE_HOUSEHOLD, t->u21, "201");
  t->h101 = node (t->db, YISHI_NODE_HOUSEHOLD, t->u31, "101");
}

static void
tree_clear (Tree *t)
{
  g_assert_finalize_object (t->db);
}

/* ---- The tree ---- */

static void
test_tree_order (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRegistryNode) loaded = NULL;
  g_autoptr (YishiRegistryNode) b1 = NULL;
  g_autofree char *path = NULL;
  gint64 u;

  tree_init (&t, "order.db");

  g_assert_cmpstr (yishi_node_kind_to_string (YISHI_NODE_COMMUNITY), ==, "community");
  g_assert_cmpstr (yishi_node_kind_to_string (YISHI_NODE_GRID), ==, "grid");
  g_assert_cmpstr (yishi_node_kind_to_string (YISHI_NODE_BUILDING), ==, "building");
  g_assert_cmpstr (yishi_node_kind_to_string (YISHI_NODE_UNIT), ==, "unit");
  g_assert_cmpstr (yishi_node_kind_to_string (YISHI_NODE_HOUSEHOLD), ==, "household");

  /* Numbers compare as numbers, Chinese numerals too. */
  node (t.db, YISHI_NODE_GRID, 0, "第十网格");
  node (t.db, YISHI_NODE_GRID, 0, "第十一网格");
  node (t.db, YISHI_NODE_GRID, 0, "第三网格");
  assert_children (t.db, YISHI_NODE_COMMUNITY, 0, "第一网格, 第二网格, 第三网格, 第十网格, 第十一网格");
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "1号楼, 2号楼, 10号楼");
  u = node (t.db, YISHI_NODE_UNIT, t.b1, "11单元");
  assert_children (t.db, YISHI_NODE_BUILDING, t.b1, "1单元, 2单元, 11单元");
  node (t.db, YISHI_NODE_HOUSEHOLD, t.u11, "2-101");
  assert_children (t.db, YISHI_NODE_UNIT, t.u11, "2-101, 301, 302, 1201");
  assert_children (t.db, YISHI_NODE_HOUSEHOLD, t.h301, "");
  assert_children (t.db, YISHI_NODE_UNIT, u, "");

  /* Position (as set by the demo or an import) comes before the name. */
  yishi_database_exec (t.db, "UPDATE building SET position = 5 WHERE name = '1号楼'", &error);
  g_assert_no_error (error);
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "2号楼, 10号楼, 1号楼");
  /* A new node takes the last position, so among numbered siblings its name decides. */
  node (t.db, YISHI_NODE_BUILDING, t.grid1, "11号楼");
  node (t.db, YISHI_NODE_BUILDING, t.grid1, "0号楼");
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "2号楼, 10号楼, 0号楼, 1号楼, 11号楼");

  /* has_children */
  b1 = child_named (t.db, YISHI_NODE_GRID, t.grid1, "1号楼");
  g_assert_nonnull (b1);
  g_assert_true (yishi_registry_node_has_children (b1));
  g_assert_cmpint (yishi_registry_node_get_id (b1), ==, t.b1);
  {
    g_autoptr (YishiRegistryNode) b11 = child_named (t.db, YISHI_NODE_GRID, t.grid1, "11号楼");
    g_autoptr (YishiRegistryNode) h = child_named (t.db, YISHI_NODE_UNIT, t.u11, "301");
    guint kind = 99;
    g_autofree char *name = NULL;

    g_assert_false (yishi_registry_node_has_children (b11));
    g_assert_false (yishi_registry_node_has_children (h));
    g_object_get (h, "kind", &kind, "name", &name, NULL);
    g_assert_cmpuint (kind, ==, YISHI_NODE_HOUSEHOLD);
    g_assert_cmpstr (name, ==, "301");
  }

  loaded = yishi_registry_node_load (t.db, YISHI_NODE_HOUSEHOLD, t.h301, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_registry_node_get_name (loaded), ==, "301");
  g_assert_cmpint (yishi_registry_node_get_parent_id (loaded), ==, t.u11);
  g_clear_object (&loaded);
  loaded = yishi_registry_node_load (t.db, YISHI_NODE_COMMUNITY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_registry_node_get_name (loaded), ==, "幸福里社区");
  g_assert_true (yishi_registry_node_has_children (loaded));
  g_clear_object (&loaded);
  loaded = yishi_registry_node_load (t.db, YISHI_NODE_BUILDING, 9999, &error);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  path = yishi_registry_node_path (t.db, YISHI_NODE_HOUSEHOLD, t.h301);
  g_assert_cmpstr (path, ==, "第一网格 / 1号楼 / 1单元 / 301");
  g_free (path);
  path = yishi_registry_node_path (t.db, YISHI_NODE_BUILDING, t.b3);
  g_assert_cmpstr (path, ==, "第二网格 / 3号楼");
  g_free (path);
  path = yishi_registry_node_path (t.db, YISHI_NODE_COMMUNITY, 0);
  g_assert_cmpstr (path, ==, "幸福里社区");
  g_free (path);
  path = yishi_registry_node_path (t.db, YISHI_NODE_UNIT, 9999);
  g_assert_null (path);

  /* A file with two communities (a district's): the grids come community by community,
   * or those of one community. */
  {
    gint64 first = sql_int (t.db, "SELECT min (id) FROM community");
    gint64 second;

    yishi_database_exec (t.db, "INSERT INTO community (uuid, name, created_at, updated_at)"
                         " VALUES ('c2', '安康社区', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                         &error);
    g_assert_no_error (error);
    second = sql_int (t.db, "SELECT max (id) FROM community");
    node (t.db, YISHI_NODE_GRID, second, "第一网格");
    node (t.db, YISHI_NODE_GRID, second, "第二十网格");
    assert_children (t.db, YISHI_NODE_COMMUNITY, 0,
                     "第一网格, 第二网格, 第三网格, 第十网格, 第十一网格, 第一网格, 第二十网格");
    assert_children (t.db, YISHI_NODE_COMMUNITY, first, "第一网格, 第二网格, 第三网格, 第十网格, 第十一网格");
    assert_children (t.db, YISHI_NODE_COMMUNITY, second, "第一网格, 第二十网格");
    /* A grid's parent 0 is the first community. */
    node (t.db, YISHI_NODE_GRID, 0, "第四网格");
    assert_children (t.db, YISHI_NODE_COMMUNITY, second, "第一网格, 第二十网格");
  }

  /* Every write was audited. */
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'household'"
                            " AND action = 'insert'"), ==, 6);
  tree_clear (&t);
}

static void
test_tree_names (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *long_name = NULL;
  gint64 id;

  tree_init (&t, "names.db");

  /* Trimmed, ASCII and full-width spaces. */
  id = node (t.db, YISHI_NODE_BUILDING, t.grid2, "\u3000 5号楼 \u3000");
  g_assert_cmpint (sql_int (t.db, "SELECT name = '5号楼' FROM building WHERE id = %" G_GINT64_FORMAT, id), ==, 1);

  /* Required, at most 40 characters. */
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_BUILDING, t.grid2, " \u3000 ", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  long_name = g_strnfill (41, 'x');
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_UNIT, t.b3, long_name, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  long_name[40] = '\0';
  node (t.db, YISHI_NODE_UNIT, t.b3, long_name);

  /* Under a parent that does not exist; of the community. */
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_UNIT, 9999, "1单元", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_COMMUNITY, 0, "x", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  /* Sibling names are unique; cousins may share them. */
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_BUILDING, t.grid1, "2号楼 ", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_assert_nonnull (strstr (error->message, "2号楼"));
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_GRID, 0, "第一网格", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_HOUSEHOLD, t.u11, "301", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  node (t.db, YISHI_NODE_BUILDING, t.grid2, "2号楼");
  node (t.db, YISHI_NODE_HOUSEHOLD, t.u12, "301");

  /* Rename: trimmed, checked, a no-op to the same name, refused onto a sibling's. */
  g_assert_true (yishi_registry_rename_node (t.db, YISHI_NODE_BUILDING, t.b10, " 12号楼", &error));
  g_assert_no_error (error);
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "1号楼, 2号楼, 12号楼");
  g_assert_true (yishi_registry_rename_node (t.db, YISHI_NODE_BUILDING, t.b10, "12号楼", &error));
  g_assert_no_error (error);
  g_assert_false (yishi_registry_rename_node (t.db, YISHI_NODE_BUILDING, t.b10, "1号楼", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_false (yishi_registry_rename_node (t.db, YISHI_NODE_HOUSEHOLD, t.h301, "", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (yishi_registry_rename_node (t.db, YISHI_NODE_UNIT, 9999, "9单元", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (yishi_registry_rename_node (t.db, YISHI_NODE_HOUSEHOLD, t.h1201, "1202", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT room = '1202' FROM household WHERE id = %" G_GINT64_FORMAT,
                            t.h1201), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'household'"
                            " AND action = 'update' AND after_json LIKE '%%\"room\":\"1202\"%%'"), ==, 1);

  /* A deleted sibling keeps its name while its deletion can be undone. */
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_BUILDING, t.b2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_BUILDING, t.grid1, "2号楼", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_false (yishi_registry_rename_node (t.db, YISHI_NODE_BUILDING, t.b1, "2号楼", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  /* A deleted node cannot be renamed. */
  g_assert_false (yishi_registry_rename_node (t.db, YISHI_NODE_BUILDING, t.b2, "20号楼", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  tree_clear (&t);
}

static void
test_tree_no_community (void)
{
  g_autoptr (GError) error = NULL;
  YishiDatabase *db = yishi_test_new_database ("bare.db", NULL);
  YishiNodeKind kind = YISHI_NODE_UNIT;

  g_assert_cmpint (yishi_registry_create_node (db, YISHI_NODE_GRID, 0, "第一网格", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_ensure_place (db, "第一网格", "1号楼", NULL, NULL, &kind, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_database_count (db, "grid"), ==, 0);
  assert_children (db, YISHI_NODE_COMMUNITY, 0, "");
  g_assert_finalize_object (db);
}

static void
test_tree_counts (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRegistryNode) b1 = NULL;
  g_autoptr (YishiRegistryNode) g1 = NULL;
  g_autofree char *batch = NULL;
  gint64 gone;

  tree_init (&t, "counts.db");
  add_person (t.db, "王伟", NULL, t.h301);
  add_person (t.db, "王芳", NULL, t.h301);
  add_person (t.db, "李娜", NULL, t.h1201);
  add_person (t.db, "赵敏", NULL, t.h201);
  add_person (t.db, "张三", NULL, t.h101);
  gone = add_person (t.db, "钱多", NULL, t.h302);
  add_person (t.db, "无家", NULL, 0);

  g_assert_cmpuint (people_of (t.db, YISHI_NODE_HOUSEHOLD, t.h301), ==, 2);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_UNIT, t.u11), ==, 4);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_BUILDING, t.b1), ==, 4);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 5);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid2), ==, 1);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_COMMUNITY, 0), ==, 7);

  /* The counts of the children lists agree. */
  b1 = child_named (t.db, YISHI_NODE_GRID, t.grid1, "1号楼");
  g_assert_cmpuint (yishi_registry_node_get_n_people (b1), ==, 4);
  g1 = child_named (t.db, YISHI_NODE_COMMUNITY, 0, "第一网格");
  g_assert_cmpuint (yishi_registry_node_get_n_people (g1), ==, 5);
  {
    g_autoptr (YishiRegistryNode) u = child_named (t.db, YISHI_NODE_BUILDING, t.b1, "1单元");
    g_autoptr (YishiRegistryNode) u2 = child_named (t.db, YISHI_NODE_BUILDING, t.b1, "2单元");
    g_autoptr (YishiRegistryNode) h = child_named (t.db, YISHI_NODE_UNIT, t.u11, "302");

    g_assert_cmpuint (yishi_registry_node_get_n_people (u), ==, 4);
    g_assert_cmpuint (yishi_registry_node_get_n_people (u2), ==, 0);
    g_assert_cmpuint (yishi_registry_node_get_n_people (h), ==, 1);
  }

  /* Deleted people are not counted. */
  batch = yishi_registry_delete_person (t.db, gone, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_HOUSEHOLD, t.h302), ==, 0);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_UNIT, t.u11), ==, 3);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_BUILDING, t.b1), ==, 3);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 4);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_COMMUNITY, 0), ==, 6);
  /* Deleting twice: not found. */
  g_assert_null (yishi_registry_delete_person (t.db, gone, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Their home deleted after them: their own deletion waits for the home's. */
  {
    g_autofree char *home = yishi_registry_delete_node (t.db, YISHI_NODE_HOUSEHOLD, t.h302, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_batch = '%s'", home), ==, 0);
    g_assert_false (yishi_registry_undelete (t.db, batch, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (yishi_registry_undelete (t.db, home, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (people_of (t.db, YISHI_NODE_HOUSEHOLD, t.h302), ==, 0);
  }
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 5);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_HOUSEHOLD, t.h302), ==, 1);
  tree_clear (&t);
}

static void
test_tree_move (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;
  gint64 wang, zhao, li;
  gint64 audits;

  tree_init (&t, "move.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);
  li = add_person (t.db, "李娜", NULL, t.h1201);
  zhao = add_person (t.db, "赵敏", NULL, t.h201);
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.grid1);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.b1);

  /* A building to another grid: its people follow. */
  g_assert_true (yishi_registry_move_node (t.db, YISHI_NODE_BUILDING, t.b1, t.grid2, &error));
  g_assert_no_error (error);
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "2号楼, 10号楼");
  assert_children (t.db, YISHI_NODE_GRID, t.grid2, "1号楼, 3号楼");
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.grid2);
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, li), ==, t.grid2);
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, zhao), ==, t.grid1);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid2), ==, 2);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 1);

  /* A unit to another building (and so grid). */
  g_assert_true (yishi_registry_move_node (t.db, YISHI_NODE_UNIT, t.u21, t.b3, &error) == FALSE);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME); /* 3号楼 has a 1单元 */
  g_clear_error (&error);
  g_assert_true (yishi_registry_rename_node (t.db, YISHI_NODE_UNIT, t.u21, "5单元", &error));
  g_assert_no_error (error);
  g_assert_true (yishi_registry_move_node (t.db, YISHI_NODE_UNIT, t.u21, t.b3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM person WHERE id = %" G_GINT64_FORMAT, zhao), ==, t.b3);
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, zhao), ==, t.grid2);
  assert_children (t.db, YISHI_NODE_BUILDING, t.b3, "1单元, 5单元");
  assert_children (t.db, YISHI_NODE_BUILDING, t.b2, "");

  /* A household to another unit. */
  g_assert_true (yishi_registry_move_node (t.db, YISHI_NODE_HOUSEHOLD, t.h301, t.u21, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT unit_id FROM household WHERE id = %" G_GINT64_FORMAT, t.h301), ==, t.u21);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.b3);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_UNIT, t.u21), ==, 2);
  /* To where it already is: nothing written. */
  audits = yishi_database_count (t.db, "audit_log");
  g_assert_true (yishi_registry_move_node (t.db, YISHI_NODE_HOUSEHOLD, t.h301, t.u21, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_count (t.db, "audit_log"), ==, audits);

  /* Bad moves. */
  g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_GRID, t.grid1, 1, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_BUILDING, t.b2, 9999, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_HOUSEHOLD, t.h302, 0, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_UNIT, 9999, t.b2, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Under a deleted parent. */
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_BUILDING, t.b10, &error);
  g_assert_no_error (error);
  g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_UNIT, t.u12, t.b10, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM unit WHERE id = %" G_GINT64_FORMAT, t.u12), ==, t.b1);
  /* A name clash at the destination. */
  {
    gint64 other = node (t.db, YISHI_NODE_HOUSEHOLD, t.u12, "301");

    g_assert_false (yishi_registry_move_node (t.db, YISHI_NODE_HOUSEHOLD, other, t.u21, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
    g_clear_error (&error);
    g_assert_cmpint (sql_int (t.db, "SELECT unit_id FROM household WHERE id = %" G_GINT64_FORMAT, other), ==, t.u12);
  }
  tree_clear (&t);
}

static guint changed_person;

static void
on_changed (YishiDatabase *db,
            const char    *table,
            gpointer       data)
{
  if (g_strcmp0 (table, "person") == 0)
    changed_person++;
}

static void
test_tree_delete (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *unit_batch = NULL;
  g_autofree char *home_batch = NULL;
  g_autofree char *digest = NULL;
  gint64 wang, fang, li, qian, zhao, zhang;

  tree_init (&t, "delete.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);
  fang = add_person (t.db, "王芳", NULL, t.h301);
  li = add_person (t.db, "李娜", NULL, t.h1201);
  qian = add_person (t.db, "钱多", NULL, t.h302);
  zhao = add_person (t.db, "赵敏", NULL, t.h201);
  zhang = add_person (t.db, "张三", NULL, t.h101);

  /* Someone deleted on their own before stays deleted when the building comes back. */
  alone = yishi_registry_delete_person (t.db, fang, &error);
  g_assert_no_error (error);

  g_signal_connect (t.db, "changed", G_CALLBACK (on_changed), NULL);
  changed_person = 0;
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_BUILDING, t.b1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_cmpuint (changed_person, ==, 1);
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "2号楼, 10号楼");
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM unit WHERE deleted_at IS NOT NULL"), ==, 2);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM household WHERE deleted_at IS NOT NULL"), ==, 3);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_at IS NOT NULL"), ==, 4);
  g_assert_cmpint (sql_int (t.db, "SELECT count(DISTINCT deleted_batch) FROM person"
                            " WHERE deleted_at IS NOT NULL"), ==, 2);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 1);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_COMMUNITY, 0), ==, 2);
  g_assert_null (yishi_registry_node_load (t.db, YISHI_NODE_UNIT, t.u11, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Audited: the building row by row, what was beneath in bulk. */
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'building'"
                            " AND action = 'update' AND after_json LIKE '%%deleted_batch%%'"), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE action = 'bulk'"
                            " AND table_name IN ('unit', 'household', 'person')"), ==, 3);
  g_assert_cmpint (sql_int (t.db, "SELECT json_extract (after_json, '$.deleted.rows') FROM audit_log"
                            " WHERE action = 'bulk' AND table_name = 'person'"), ==, 3);
  /* A deleted node cannot be deleted again, nor hold new children. */
  g_assert_null (yishi_registry_delete_node (t.db, YISHI_NODE_BUILDING, t.b1, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_create_node (t.db, YISHI_NODE_UNIT, t.b1, "9单元", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo restores exactly that deletion. */
  changed_person = 0;
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed_person, ==, 1);
  assert_children (t.db, YISHI_NODE_GRID, t.grid1, "1号楼, 2号楼, 10号楼");
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM unit WHERE deleted_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM household WHERE deleted_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_at IS NOT NULL FROM person WHERE id = %" G_GINT64_FORMAT,
                            fang), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND id IN"
                            " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            wang, li, qian), ==, 3);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_BUILDING, t.b1), ==, 3);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE action = 'bulk'"
                            " AND after_json LIKE '%%restored%%'"), ==, 4);
  /* Twice: nothing left to restore. */
  g_assert_false (yishi_registry_undelete (t.db, batch, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (yishi_registry_undelete (t.db, "", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The person deleted alone comes back with their own token. */
  g_assert_true (yishi_registry_undelete (t.db, alone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_HOUSEHOLD, t.h301), ==, 2);

  /* Nested deletions: a household first, then its unit; undoing the household's first
   * would leave it live in a deleted unit, so it waits for the unit. */
  home_batch = yishi_registry_delete_node (t.db, YISHI_NODE_HOUSEHOLD, t.h302, &error);
  g_assert_no_error (error);
  unit_batch = yishi_registry_delete_node (t.db, YISHI_NODE_UNIT, t.u11, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_batch = '%s' FROM household WHERE id = %" G_GINT64_FORMAT,
                            home_batch, t.h302), ==, 1);
  g_assert_false (yishi_registry_undelete (t.db, home_batch, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (yishi_registry_undelete (t.db, unit_batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_at IS NOT NULL FROM person WHERE id = %" G_GINT64_FORMAT,
                            qian), ==, 1);
  g_assert_true (yishi_registry_undelete (t.db, home_batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_at IS NOT NULL"), ==, 0);

  /* A whole grid. */
  g_clear_pointer (&batch, g_free);
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_GRID, t.grid1, &error);
  g_assert_no_error (error);
  assert_children (t.db, YISHI_NODE_COMMUNITY, 0, "第二网格");
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM person WHERE deleted_batch = '%s'", batch), ==, 5);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM building WHERE deleted_batch = '%s'", batch), ==, 3);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_at IS NULL FROM person WHERE id = %" G_GINT64_FORMAT,
                            zhang), ==, 1);
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 5);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_at IS NULL FROM person WHERE id = %" G_GINT64_FORMAT,
                            zhao), ==, 1);

  /* Deleting rolls back as one: a read-only file changes nothing. */
  digest = yishi_database_content_digest (t.db, &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = g_strdup (yishi_database_get_path (t.db));
    g_autoptr (YishiDatabase) ro = NULL;
    g_autofree char *none = NULL;

    ro = yishi_database_open (path, YISHI_DATABASE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    none = yishi_registry_delete_node (ro, YISHI_NODE_GRID, t.grid1, &error);
    g_assert_null (none);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  {
    g_autofree char *after = yishi_database_content_digest (t.db, &error);

    g_assert_cmpstr (after, ==, digest);
  }
  g_signal_handlers_disconnect_by_func (t.db, on_changed, NULL);
  tree_clear (&t);
}

static void
test_ensure_place (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;
  YishiNodeKind kind = YISHI_NODE_GRID;
  gint64 id, again, grids, buildings;

  tree_init (&t, "ensure.db");

  /* Existing places are found, trimmed names match. */
  id = yishi_registry_ensure_place (t.db, "第一网格", " 1号楼\u3000", "1单元", "301", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, YISHI_NODE_HOUSEHOLD);
  g_assert_cmpint (id, ==, t.h301);

  /* Missing ones are created; doing it twice adds nothing. */
  grids = yishi_database_count (t.db, "grid");
  id = yishi_registry_ensure_place (t.db, "第五网格", "8号楼", "3单元", "502", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, YISHI_NODE_HOUSEHOLD);
  g_assert_cmpint (yishi_database_count (t.db, "grid"), ==, grids + 1);
  {
    g_autofree char *path = yishi_registry_node_path (t.db, YISHI_NODE_HOUSEHOLD, id);

    g_assert_cmpstr (path, ==, "第五网格 / 8号楼 / 3单元 / 502");
  }
  again = yishi_registry_ensure_place (t.db, "第五网格", "8号楼", "3单元", "502", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (yishi_database_count (t.db, "grid"), ==, grids + 1);

  /* The chain stops at the first empty name. */
  buildings = yishi_database_count (t.db, "building");
  id = yishi_registry_ensure_place (t.db, "第一网格", "6号楼", "", "101", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, YISHI_NODE_BUILDING);
  g_assert_cmpint (yishi_database_count (t.db, "building"), ==, buildings + 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM unit WHERE building_id = %" G_GINT64_FORMAT, id), ==, 0);
  id = yishi_registry_ensure_place (t.db, NULL, "6号楼", NULL, NULL, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 0);
  g_assert_cmpint (kind, ==, YISHI_NODE_COMMUNITY);
  id = yishi_registry_ensure_place (t.db, "第二网格", NULL, NULL, NULL, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, YISHI_NODE_GRID);
  g_assert_cmpint (id, ==, t.grid2);

  /* A name too long fails before anything is written. */
  {
    g_autofree char *long_name = g_strnfill (41, 'x');

    buildings = yishi_database_count (t.db, "building");
    g_assert_cmpint (yishi_registry_ensure_place (t.db, "第九网格", long_name, NULL, NULL, &kind, &error), ==, 0);
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM grid WHERE name = '第九网格'"), ==, 0);
  }

  /* Inside the caller's transaction: rolled back with it. */
  g_assert_true (yishi_database_begin (t.db, &error));
  id = yishi_registry_ensure_place (t.db, "第七网格", "1号楼", "1单元", "101", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM grid WHERE name = '第七网格'"), ==, 1);
  yishi_database_rollback (t.db);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM grid WHERE name = '第七网格'"), ==, 0);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM household WHERE id = %" G_GINT64_FORMAT, id), ==, 0);
  /* … and committed with it. */
  g_assert_true (yishi_database_begin (t.db, &error));
  id = yishi_registry_ensure_place (t.db, "第七网格", "1号楼", "1单元", "101", &kind, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_database_commit (t.db, &error));
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM household WHERE id = %" G_GINT64_FORMAT, id), ==, 1);

  /* A deleted place named by a file comes back (that node only). */
  add_person (t.db, "王伟", NULL, t.h302);
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_UNIT, t.u11, &error);
  g_assert_no_error (error);
  id = yishi_registry_ensure_place (t.db, "第一网格", "1号楼", "1单元", NULL, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, t.u11);
  g_assert_cmpint (kind, ==, YISHI_NODE_UNIT);
  g_assert_cmpint (sql_int (t.db, "SELECT deleted_at IS NULL FROM unit WHERE id = %" G_GINT64_FORMAT, t.u11), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM household WHERE unit_id = %" G_GINT64_FORMAT
                            " AND deleted_at IS NOT NULL", t.u11), ==, 3);
  /* The rest of the deletion can still be undone. */
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_UNIT, t.u11), ==, 1);
  tree_clear (&t);
}

/* ---- People ---- */

static void
test_person_add (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  g_autofree char *id_male = yishi_test_id_number ("110101", "19850307", "123");   /* 3: odd → male */
  g_autofree char *id_female = yishi_test_id_number ("310104", "19920229", "046"); /* 6: even → female */
  g_autofree char *id_x = NULL;
  gint64 id, existing = -1;

  g_setenv ("YISHI_NOW", NOW, TRUE);
  tree_init (&t, "people.db");

  /* Birth date and gender from the ID number; phone normalised; a residence from today. */
  {
    YishiPersonDraft draft = {
      .name = " 王伟\u3000", .id_number = id_male, .phone = "138 1234 5678",
      .household_id = t.h301,
    };

    id = yishi_registry_add_person (t.db, &draft, &existing, &error);
    g_assert_no_error (error);
    g_assert_cmpint (existing, ==, 0);
  }
  detail = yishi_registry_load_person (t.db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->name, ==, "王伟");
  g_assert_cmpstr (detail->birth_date, ==, "1985-03-07");
  g_assert_cmpstr (detail->gender, ==, "male");
  g_assert_cmpstr (detail->id_number, ==, id_male);
  g_assert_cmpstr (detail->phone, ==, "13812345678");
  g_assert_cmpstr (detail->residence_type, ==, "resident");
  g_assert_cmpstr (detail->political_status, ==, "masses");
  g_assert_false (detail->public_name_consent);
  g_assert_false (detail->deleted);
  g_assert_null (detail->mismatch);
  g_assert_cmpint (detail->household_id, ==, t.h301);
  g_assert_cmpstr (detail->place, ==, "第一网格 / 1号楼 / 1单元 / 301");
  g_assert_cmpuint (detail->residences->len, ==, 1);
  {
    YishiResidence *r = g_ptr_array_index (detail->residences, 0);

    g_assert_cmpint (r->household_id, ==, t.h301);
    g_assert_cmpstr (r->start_date, ==, TODAY);
    g_assert_null (r->end_date);
    g_assert_cmpstr (r->place, ==, "第一网格 / 1号楼 / 1单元 / 301");
  }
  g_assert_null (detail->membership);
  g_assert_cmpuint (detail->roles->len, ==, 0);
  g_assert_cmpfloat (detail->points_balance, ==, 0);
  g_assert_nonnull (detail->uuid);
  g_clear_pointer (&detail, yishi_person_detail_free);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'person'"
                            " AND action = 'insert'"), ==, 1);

  /* A lower-case x is stored upper-case; typed gender and birth date disagreeing with
   * the ID number are kept, and flagged. */
  for (int seq = 0; id_x == NULL || id_x[17] != 'X'; seq++)
    {
      g_autofree char *sequence = g_strdup_printf ("%03d", seq);

      g_free (id_x);
      id_x = yishi_test_id_number ("440305", "19600101", sequence);
    }
  {
    g_autofree char *lower = g_ascii_strdown (id_x, -1);
    YishiPersonDraft draft = {
      .name = "李娜", .id_number = lower, .gender = "female", .birth_date = "1961-01-01",
      .residence_type = "floating", .political_status = "league_member", .notes = "行动不便\n需上门",
      .public_name_consent = TRUE,
    };
    g_autofree char *mismatch = NULL;

    id = yishi_registry_add_person (t.db, &draft, NULL, &error);
    g_assert_no_error (error);
    detail = yishi_registry_load_person (t.db, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (detail->id_number, ==, id_x);
    g_assert_cmpstr (detail->birth_date, ==, "1961-01-01");
    g_assert_cmpstr (detail->residence_type, ==, "floating");
    g_assert_cmpstr (detail->political_status, ==, "league_member");
    g_assert_cmpstr (detail->notes, ==, "行动不便\n需上门");
    g_assert_true (detail->public_name_consent);
    g_assert_cmpint (detail->household_id, ==, 0);
    g_assert_null (detail->place);
    g_assert_cmpuint (detail->residences->len, ==, 0);
    mismatch = yishi_id_number_mismatch (detail->id_number, detail->birth_date, detail->gender);
    g_assert_nonnull (mismatch);
    g_assert_cmpstr (detail->mismatch, ==, mismatch);
    g_clear_pointer (&detail, yishi_person_detail_free);
  }

  /* Without an ID number: unknown gender, no birth date. */
  id = add_person (t.db, "无证", NULL, 0);
  detail = yishi_registry_load_person (t.db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->gender, ==, "unknown");
  g_assert_null (detail->birth_date);
  g_assert_null (detail->id_number);
  g_assert_null (detail->mismatch);
  g_clear_pointer (&detail, yishi_person_detail_free);

  /* The female one. */
  id = add_person (t.db, "赵敏", id_female, t.h302);
  g_assert_cmpint (sql_int (t.db, "SELECT gender = 'female' AND birth_date = '1992-02-29' FROM person"
                            " WHERE id = %" G_GINT64_FORMAT, id), ==, 1);

  /* Refusals, nothing written. */
  {
    g_autofree char *bad_digit = g_strdup (id_male);
    g_autofree char *long_name = g_strnfill (65, 'a');
    const YishiPersonDraft bad[] = {
      { .name = "" },
      { .name = "  \u3000" },
      { .name = long_name },
      { .name = "甲", .id_number = bad_digit },
      { .name = "甲", .id_number = "12345" },
      { .name = "甲", .phone = "12345" },
      { .name = "甲", .gender = "other" },
      { .name = "甲", .birth_date = "1985-02-30" },
      { .name = "甲", .birth_date = "2030-01-01" },
      { .name = "甲", .residence_type = "visitor" },
      { .name = "甲", .political_status = "anarchist" },
      { .name = "甲\x01" },
    };
    gint64 people = yishi_database_count (t.db, "person");

    bad_digit[17] = bad_digit[17] == '0' ? '1' : '0';
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (yishi_registry_add_person (t.db, &bad[i], NULL, &error), ==, 0);
        g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
        g_assert_cmpstr (error->message, !=, "");
        g_clear_error (&error);
      }
    {
      YishiPersonDraft gone = { .name = "甲", .household_id = 9999 };

      g_assert_cmpint (yishi_registry_add_person (t.db, &gone, NULL, &error), ==, 0);
      g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
    g_assert_cmpint (yishi_database_count (t.db, "person"), ==, people);
  }

  /* A landline with its area code. */
  {
    YishiPersonDraft draft = { .name = "孙丽", .phone = "010-12345678" };

    id = yishi_registry_add_person (t.db, &draft, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sql_int (t.db, "SELECT phone = '010-12345678' FROM person WHERE id = %" G_GINT64_FORMAT,
                              id), ==, 1);
  }

  /* Update: every field but the home. */
  {
    YishiPersonDraft draft = {
      .name = "孙丽丽", .phone = "", .residence_type = "tenant", .household_id = t.h101,
      .id_number = yishi_test_id_number ("110101", "19700515", "222"),
    };
    YishiPersonDraft bad = { .name = "孙丽丽", .birth_date = "1970-5-15" };

    g_assert_true (yishi_registry_update_person (t.db, id, &draft, NULL, &error));
    g_assert_no_error (error);
    g_free ((char *)draft.id_number);
    detail = yishi_registry_load_person (t.db, id, &error);
    g_assert_cmpstr (detail->name, ==, "孙丽丽");
    g_assert_cmpstr (detail->phone, ==, "");
    g_assert_cmpstr (detail->residence_type, ==, "tenant");
    g_assert_cmpstr (detail->birth_date, ==, "1970-05-15");
    g_assert_cmpstr (detail->gender, ==, "female");
    g_assert_cmpint (detail->household_id, ==, 0);
    g_clear_pointer (&detail, yishi_person_detail_free);
    g_assert_false (yishi_registry_update_person (t.db, id, &bad, NULL, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (yishi_registry_update_person (t.db, 9999, &bad, NULL, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_null (yishi_registry_load_person (t.db, 9999, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  tree_clear (&t);
  g_unsetenv ("YISHI_NOW");
}

static void
test_person_duplicate (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autofree char *id_number = yishi_test_id_number ("110101", "19850307", "123");
  g_autofree char *other_number = yishi_test_id_number ("110101", "19900101", "001");
  g_autofree char *batch = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  gint64 wang, other, existing = 0;

  tree_init (&t, "duplicate.db");
  wang = add_person (t.db, "王伟", id_number, t.h301);

  /* The same ID number (with spaces around it): refused, naming the person and where
   * they live. */
  {
    g_autofree char *spaced = g_strconcat (" ", id_number, " ", NULL);
    YishiPersonDraft draft = { .name = "王小伟", .id_number = spaced, .household_id = t.h201 };
    gint64 people = yishi_database_count (t.db, "person");

    g_assert_cmpint (yishi_registry_add_person (t.db, &draft, &existing, &error), ==, 0);
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID);
    g_assert_cmpint (existing, ==, wang);
    g_assert_nonnull (strstr (error->message, "王伟"));
    g_assert_nonnull (strstr (error->message, "第一网格 / 1号楼 / 1单元 / 301"));
    g_clear_error (&error);
    g_assert_cmpint (yishi_database_count (t.db, "person"), ==, people);
    g_assert_cmpint (yishi_database_count (t.db, "residence"), ==, 1);
  }

  /* Updating another person to that ID number: refused too; keeping one's own: fine. */
  other = add_person (t.db, "赵敏", other_number, 0);
  {
    YishiPersonDraft draft = { .name = "赵敏", .id_number = id_number };
    YishiPersonDraft same = { .name = "赵敏", .id_number = other_number, .phone = "13900001111" };

    existing = 0;
    g_assert_false (yishi_registry_update_person (t.db, other, &draft, &existing, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID);
    g_assert_cmpint (existing, ==, wang);
    g_clear_error (&error);
    g_assert_true (yishi_registry_update_person (t.db, other, &same, &existing, &error));
    g_assert_no_error (error);
    g_assert_cmpint (existing, ==, 0);
  }

  /* find_by_id_number: any case, spaces ignored, live people only. */
  {
    g_autofree char *spaced = g_strdup_printf ("%.6s %.8s\u3000%s", id_number, id_number + 6, id_number + 14);

    g_assert_cmpint (yishi_registry_find_by_id_number (t.db, spaced), ==, wang);
    g_assert_cmpint (yishi_registry_find_by_id_number (t.db, other_number), ==, other);
    g_assert_cmpint (yishi_registry_find_by_id_number (t.db, "220101198503071239"), ==, 0);
    g_assert_cmpint (yishi_registry_find_by_id_number (t.db, ""), ==, 0);
    g_assert_cmpint (yishi_registry_find_by_id_number (t.db, NULL), ==, 0);
  }

  /* The ID number of a deleted person: refused, saying so, with that person. */
  batch = yishi_registry_delete_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_find_by_id_number (t.db, id_number), ==, 0);
  {
    YishiPersonDraft draft = { .name = "王伟", .id_number = id_number };
    g_autofree char *deleted_message = NULL;

    existing = 0;
    g_assert_cmpint (yishi_registry_add_person (t.db, &draft, &existing, &error), ==, 0);
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID);
    g_assert_cmpint (existing, ==, wang);
    g_assert_nonnull (strstr (error->message, "王伟"));
    deleted_message = g_strdup (error->message);
    g_clear_error (&error);
    /* Not the same message as for a live person. */
    g_assert_null (strstr (deleted_message, "1号楼"));
  }
  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_true (detail->deleted);
  g_clear_pointer (&detail, yishi_person_detail_free);

  /* Restoring them. */
  g_assert_true (yishi_registry_restore_person (t.db, wang, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_find_by_id_number (t.db, id_number), ==, wang);
  g_assert_true (yishi_registry_restore_person (t.db, wang, &error)); /* already live */
  g_assert_no_error (error);
  g_assert_false (yishi_registry_restore_person (t.db, 9999, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* … but not into a deleted home. */
  g_clear_pointer (&batch, g_free);
  batch = yishi_registry_delete_node (t.db, YISHI_NODE_HOUSEHOLD, t.h301, &error);
  g_assert_no_error (error);
  g_assert_false (yishi_registry_restore_person (t.db, wang, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_find_by_id_number (t.db, id_number), ==, wang);
  tree_clear (&t);
}

static void
test_person_move (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  gint64 wang;

  g_setenv ("YISHI_NOW", "2025-01-10T04:00:00Z", TRUE);
  tree_init (&t, "house.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);
  g_setenv ("YISHI_NOW", NOW, TRUE);

  /* Before moving in: refused. */
  g_assert_false (yishi_registry_move_person (t.db, wang, t.h101, "2024-12-31", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (yishi_registry_move_person (t.db, wang, t.h101, "2025/3/1", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (yishi_registry_move_person (t.db, wang, 9999, NULL, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Moving house keeps history. */
  g_assert_true (yishi_registry_move_person (t.db, wang, t.h101, "2026-03-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT household_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.h101);
  g_assert_cmpint (sql_int (t.db, "SELECT grid_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.grid2);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.b3);
  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->residences->len, ==, 2);
  {
    YishiResidence *first = g_ptr_array_index (detail->residences, 0);
    YishiResidence *second = g_ptr_array_index (detail->residences, 1);

    g_assert_cmpint (first->household_id, ==, t.h301);
    g_assert_cmpstr (first->start_date, ==, "2025-01-10");
    g_assert_cmpstr (first->end_date, ==, "2026-03-01");
    g_assert_cmpint (second->household_id, ==, t.h101);
    g_assert_cmpstr (second->start_date, ==, "2026-03-01");
    g_assert_null (second->end_date);
    g_assert_cmpstr (second->place, ==, "第二网格 / 3号楼 / 1单元 / 101");
  }
  g_assert_cmpstr (detail->place, ==, "第二网格 / 3号楼 / 1单元 / 101");
  g_clear_pointer (&detail, yishi_person_detail_free);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid2), ==, 1);
  g_assert_cmpuint (people_of (t.db, YISHI_NODE_GRID, t.grid1), ==, 0);

  /* To the same home: nothing changes. */
  g_assert_true (yishi_registry_move_person (t.db, wang, t.h101, NULL, &error));
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM residence WHERE person_id = %" G_GINT64_FORMAT, wang), ==, 2);

  /* Moved away (today by default). */
  g_assert_true (yishi_registry_move_person (t.db, wang, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT household_id IS NULL AND grid_id IS NULL FROM person"
                            " WHERE id = %" G_GINT64_FORMAT, wang), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM residence WHERE person_id = %" G_GINT64_FORMAT
                            " AND end_date IS NULL", wang), ==, 0);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM residence WHERE person_id = %" G_GINT64_FORMAT
                            " AND end_date = '" TODAY "'", wang), ==, 1);
  /* And back. */
  g_assert_true (yishi_registry_move_person (t.db, wang, t.h302, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM residence WHERE person_id = %" G_GINT64_FORMAT, wang), ==, 3);
  g_assert_cmpint (sql_int (t.db, "SELECT building_id FROM person WHERE id = %" G_GINT64_FORMAT, wang), ==, t.b1);

  /* A deleted person cannot move. */
  {
    g_autofree char *batch = yishi_registry_delete_person (t.db, wang, &error);

    g_assert_no_error (error);
    g_assert_false (yishi_registry_move_person (t.db, wang, t.h301, NULL, &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  tree_clear (&t);
  g_unsetenv ("YISHI_NOW");
}

/* ---- Party members, roles, organisations ---- */

static void
test_party (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  gint64 wang, li, membership, again, claim, claim2;

  g_setenv ("YISHI_NOW", NOW, TRUE);
  tree_init (&t, "party.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);
  {
    YishiPersonDraft draft = { .name = "李娜", .political_status = "probationary_member" };

    li = yishi_registry_add_person (t.db, &draft, NULL, &error);
    g_assert_no_error (error);
  }

  /* In service: employer and date reported kept; political status becomes party member. */
  {
    YishiMembershipDraft draft = {
      .category = "in_service", .branch = " 第一网格党支部 ", .party_group = "1号楼党小组",
      .joined_date = "2005-07-01", .employer = "市供电公司", .reported_date = "2026-03-01",
    };

    membership = yishi_registry_set_membership (t.db, wang, &draft, &error);
    g_assert_no_error (error);
    g_assert_cmpint (membership, >, 0);
  }
  g_assert_cmpint (sql_int (t.db, "SELECT political_status = 'party_member' FROM person WHERE id = %"
                            G_GINT64_FORMAT, wang), ==, 1);

  /* Posts claimed. */
  claim = yishi_registry_add_post_claim (t.db, membership, "legal_aid", "每月一次法律咨询", "2026-03-05", &error);
  g_assert_no_error (error);
  claim2 = yishi_registry_add_post_claim (t.db, membership, "safety_patrol", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_add_post_claim (t.db, membership, "dancing", "", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_post_claim (t.db, 9999, "legal_aid", "", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_post_claim (t.db, membership, "legal_aid", "", "2030-01-01", &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (yishi_registry_set_party_central (t.db, t.h301, TRUE, &error));
  g_assert_no_error (error);

  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_nonnull (detail->membership);
  g_assert_cmpint (detail->membership->id, ==, membership);
  g_assert_cmpstr (detail->membership->category, ==, "in_service");
  g_assert_cmpstr (detail->membership->branch, ==, "第一网格党支部");
  g_assert_cmpstr (detail->membership->party_group, ==, "1号楼党小组");
  g_assert_cmpstr (detail->membership->joined_date, ==, "2005-07-01");
  g_assert_cmpstr (detail->membership->employer, ==, "市供电公司");
  g_assert_cmpstr (detail->membership->reported_date, ==, "2026-03-01");
  g_assert_null (detail->membership->end_date);
  g_assert_cmpuint (detail->membership->posts->len, ==, 2);
  {
    YishiPostClaim *first = g_ptr_array_index (detail->membership->posts, 0);
    YishiPostClaim *second = g_ptr_array_index (detail->membership->posts, 1);

    g_assert_cmpint (first->id, ==, claim);
    g_assert_cmpstr (first->kind, ==, "legal_aid");
    g_assert_cmpstr (first->description, ==, "每月一次法律咨询");
    g_assert_cmpstr (first->claimed_date, ==, "2026-03-05");
    g_assert_cmpint (second->id, ==, claim2);
    g_assert_cmpstr (second->claimed_date, ==, TODAY);
  }
  g_assert_true (detail->party_central);
  g_clear_pointer (&detail, yishi_person_detail_free);

  g_assert_true (yishi_registry_remove_post_claim (t.db, claim, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_registry_remove_post_claim (t.db, claim, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'party_post_claim'"
                            " AND action = 'delete'"), ==, 1);

  /* Setting it again updates the current membership; a retired member keeps no employer. */
  {
    YishiMembershipDraft draft = { .category = "retired", .employer = "市供电公司",
                                   .reported_date = "2026-03-01" };

    again = yishi_registry_set_membership (t.db, wang, &draft, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again, ==, membership);
  }
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM party_membership WHERE person_id = %" G_GINT64_FORMAT,
                            wang), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT category = 'retired' AND employer = '' AND reported_date IS NULL"
                            " AND joined_date IS NULL FROM party_membership WHERE id = %" G_GINT64_FORMAT,
                            membership), ==, 1);

  /* Refusals. */
  {
    const YishiMembershipDraft bad[] = {
      { .category = NULL },
      { .category = "honorary" },
      { .category = "direct", .joined_date = "2005-13-01" },
      { .category = "direct", .joined_date = "2099-01-01" },
      { .category = "in_service", .reported_date = "yesterday" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (yishi_registry_set_membership (t.db, li, &bad[i], &error), ==, 0);
        g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (yishi_registry_set_membership (t.db, 9999, &bad[1], &error), ==, 0);
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM party_membership WHERE person_id = %" G_GINT64_FORMAT,
                              li), ==, 0);
  }

  /* A probationary member stays probationary. */
  {
    YishiMembershipDraft draft = { .category = "direct", .joined_date = "2025-10-01" };

    g_assert_cmpint (yishi_registry_set_membership (t.db, li, &draft, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (sql_int (t.db, "SELECT political_status = 'probationary_member' FROM person"
                              " WHERE id = %" G_GINT64_FORMAT, li), ==, 1);
    g_assert_false (yishi_registry_end_membership (t.db, yishi_database_query_int (t.db,
                    "SELECT max (id) FROM party_membership", 0), "2025-09-01", &error));
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Ending it; the next one is new. */
  g_assert_true (yishi_registry_end_membership (t.db, membership, "2026-05-01", &error));
  g_assert_no_error (error);
  g_assert_false (yishi_registry_end_membership (t.db, membership, NULL, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_null (detail->membership);
  g_clear_pointer (&detail, yishi_person_detail_free);
  {
    YishiMembershipDraft draft = { .category = "floating" };

    again = yishi_registry_set_membership (t.db, wang, &draft, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again, !=, membership);
  }

  g_assert_true (yishi_registry_set_party_central (t.db, t.h301, FALSE, &error));
  g_assert_cmpint (sql_int (t.db, "SELECT party_central FROM household WHERE id = %" G_GINT64_FORMAT,
                            t.h301), ==, 0);
  g_assert_false (yishi_registry_set_party_central (t.db, 9999, TRUE, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  tree_clear (&t);
  g_unsetenv ("YISHI_NOW");
}

static void
test_roles (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  gint64 wang, leader, worker, unit_leader, volunteer, old;

  g_setenv ("YISHI_NOW", NOW, TRUE);
  tree_init (&t, "roles.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);

  /* The four leading roles need their scope. */
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "grid_leader", YISHI_NODE_BUILDING, t.b1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "building_leader", YISHI_NODE_GRID, t.grid1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "unit_leader", YISHI_NODE_COMMUNITY, 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "volunteer", YISHI_NODE_HOUSEHOLD, t.h301, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "king", YISHI_NODE_COMMUNITY, 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "grid_worker", YISHI_NODE_GRID, 9999, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_registry_add_role (t.db, 9999, "volunteer", YISHI_NODE_COMMUNITY, 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Work phones are validated. */
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "grid_leader", YISHI_NODE_GRID, t.grid1, "12345", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_database_count (t.db, "role_assignment"), ==, 0);

  old = yishi_registry_add_role (t.db, wang, "mediator", YISHI_NODE_COMMUNITY, 0, NULL, "2020-01-01", &error);
  g_assert_no_error (error);
  g_assert_true (yishi_registry_end_role (t.db, old, "2021-12-31", &error));
  g_assert_no_error (error);
  leader = yishi_registry_add_role (t.db, wang, "grid_leader", YISHI_NODE_GRID, t.grid1, "139 0000 1111", "2024-01-01", &error);
  g_assert_no_error (error);
  worker = yishi_registry_add_role (t.db, wang, "grid_worker", YISHI_NODE_GRID, t.grid2, "", "2025-01-01", &error);
  g_assert_no_error (error);
  unit_leader = yishi_registry_add_role (t.db, wang, "unit_leader", YISHI_NODE_UNIT, t.u11, NULL, NULL, &error);
  g_assert_no_error (error);
  volunteer = yishi_registry_add_role (t.db, wang, "volunteer", YISHI_NODE_BUILDING, t.b1, NULL, "2023-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT work_phone = '13900001111' AND scope_kind = 'grid' AND scope_id = %"
                            G_GINT64_FORMAT " FROM role_assignment WHERE id = %" G_GINT64_FORMAT,
                            t.grid1, leader), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT scope_id IS NULL AND scope_kind = 'community' FROM role_assignment"
                            " WHERE id = %" G_GINT64_FORMAT, old), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT start_date = '" TODAY "' FROM role_assignment WHERE id = %"
                            G_GINT64_FORMAT, unit_leader), ==, 1);
  /* The same current role twice: refused. */
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "grid_leader", YISHI_NODE_GRID, t.grid1, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  /* Current first, then ended; scopes as paths. */
  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->roles->len, ==, 5);
  {
    YishiRole *first = g_ptr_array_index (detail->roles, 0);
    YishiRole *last = g_ptr_array_index (detail->roles, 4);

    for (guint i = 0; i < 4; i++)
      g_assert_null (((YishiRole *)g_ptr_array_index (detail->roles, i))->end_date);
    g_assert_cmpint (first->id, ==, unit_leader);
    g_assert_cmpint (first->scope_kind, ==, YISHI_NODE_UNIT);
    g_assert_cmpint (first->scope_id, ==, t.u11);
    g_assert_cmpstr (first->scope, ==, "第一网格 / 1号楼 / 1单元");
    g_assert_cmpint (last->id, ==, old);
    g_assert_cmpstr (last->role, ==, "mediator");
    g_assert_cmpint (last->scope_kind, ==, YISHI_NODE_COMMUNITY);
    g_assert_cmpstr (last->scope, ==, "幸福里社区");
    g_assert_cmpstr (last->end_date, ==, "2021-12-31");
  }
  for (guint i = 0; i < detail->roles->len; i++)
    {
      YishiRole *role = g_ptr_array_index (detail->roles, i);

      if (role->id == leader)
        {
          g_assert_cmpstr (role->work_phone, ==, "13900001111");
          g_assert_cmpstr (role->scope, ==, "第一网格");
          g_assert_cmpstr (role->start_date, ==, "2024-01-01");
        }
      if (role->id == volunteer)
        g_assert_cmpstr (role->scope, ==, "第一网格 / 1号楼");
    }
  g_clear_pointer (&detail, yishi_person_detail_free);

  /* Ending: not before it began, not twice. */
  g_assert_false (yishi_registry_end_role (t.db, worker, "2024-12-31", &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (yishi_registry_end_role (t.db, worker, "2025-01-01", &error));
  g_assert_no_error (error);
  g_assert_false (yishi_registry_end_role (t.db, worker, NULL, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (yishi_registry_end_role (t.db, leader, NULL, &error));
  g_assert_cmpint (sql_int (t.db, "SELECT end_date = '" TODAY "' FROM role_assignment WHERE id = %"
                            G_GINT64_FORMAT, leader), ==, 1);
  /* Once ended, the role can be held again. */
  g_assert_cmpint (yishi_registry_add_role (t.db, wang, "grid_leader", YISHI_NODE_GRID, t.grid1, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  tree_clear (&t);
  g_unsetenv ("YISHI_NOW");
}

static void
test_organisations (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  YishiOrganisation org = {
    .kind = S ("property_company"), .name = S (" 安居物业 "), .contact_name = S ("周经理"),
    .contact_phone = S ("0571-87654321"), .address = S ("幸福路1号"), .notes = S ("24小时值班"),
  };
  gint64 property, school, dept;

  tree_init (&t, "orgs.db");
  property = yishi_registry_save_organisation (t.db, &org, &error);
  g_assert_no_error (error);
  g_assert_cmpint (property, >, 0);
  {
    YishiOrganisation s = { .kind = S ("area_unit"), .name = S ("实验小学") };
    YishiOrganisation d = { .kind = S ("government_dept"), .name = S ("城管局"), .contact_phone = S ("13800001111") };

    school = yishi_registry_save_organisation (t.db, &s, &error);
    g_assert_no_error (error);
    dept = yishi_registry_save_organisation (t.db, &d, &error);
    g_assert_no_error (error);
  }

  list = yishi_registry_list_organisations (t.db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  {
    YishiOrganisation *first = g_ptr_array_index (list, 0);
    YishiOrganisation *last = g_ptr_array_index (list, 2);

    g_assert_cmpstr (first->kind, ==, "area_unit");
    g_assert_cmpint (first->id, ==, school);
    g_assert_cmpstr (first->contact_phone, ==, "");
    g_assert_cmpstr (last->kind, ==, "property_company");
    g_assert_cmpstr (last->name, ==, "安居物业");
    g_assert_cmpstr (last->contact_name, ==, "周经理");
    g_assert_cmpstr (last->contact_phone, ==, "0571-87654321");
    g_assert_cmpstr (last->address, ==, "幸福路1号");
    g_assert_cmpstr (last->notes, ==, "24小时值班");
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = yishi_registry_list_organisations (t.db, "government_dept", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((YishiOrganisation *)g_ptr_array_index (list, 0))->id, ==, dept);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Updating. */
  org.id = property;
  org.name = S ("安居物业服务有限公司");
  g_assert_cmpint (yishi_registry_save_organisation (t.db, &org, &error), ==, property);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (t.db, "SELECT name = '安居物业服务有限公司' FROM organisation WHERE id = %"
                            G_GINT64_FORMAT, property), ==, 1);

  /* Refusals. */
  {
    const YishiOrganisation bad[] = {
      { .kind = S ("club"), .name = S ("x") },
      { .kind = NULL, .name = S ("x") },
      { .kind = S ("social_org"), .name = S ("  ") },
      { .kind = S ("social_org"), .name = S ("x"), .contact_phone = S ("not a phone") },
    };
    YishiOrganisation missing = { .id = 9999, .kind = S ("social_org"), .name = S ("x") };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (yishi_registry_save_organisation (t.db, &bad[i], &error), ==, 0);
        g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (yishi_registry_save_organisation (t.db, &missing, &error), ==, 0);
    g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (yishi_database_count (t.db, "organisation"), ==, 3);
  }

  /* In use: a building it manages, a matter it is responsible for. */
  yishi_database_exec (t.db, "UPDATE building SET property_org_id = (SELECT id FROM organisation"
                       " WHERE kind = 'property_company')", &error);
  g_assert_no_error (error);
  g_assert_false (yishi_registry_delete_organisation (t.db, property, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO issue (uuid, serial, channel, received_at, kind,"
                                            " title, responsible_org_id, created_at, updated_at)"
                                            " VALUES ('u1', '2026-0001', 'phone', '2026-06-01T00:00:00Z',"
                                            " 'problem', '路灯不亮', %" G_GINT64_FORMAT ","
                                            " '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')", dept);

    yishi_database_exec (t.db, sql, &error);
    g_assert_no_error (error);
  }
  g_assert_false (yishi_registry_delete_organisation (t.db, dept, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (yishi_registry_delete_organisation (t.db, school, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_registry_delete_organisation (t.db, school, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  yishi_database_exec (t.db, "UPDATE building SET property_org_id = NULL", &error);
  g_assert_true (yishi_registry_delete_organisation (t.db, property, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_count (t.db, "organisation"), ==, 1);
  g_assert_cmpint (sql_int (t.db, "SELECT count(*) FROM audit_log WHERE table_name = 'organisation'"
                            " AND action = 'delete'"), ==, 2);
  tree_clear (&t);
}

/* ---- Lookups and points ---- */

static void
test_lookup_skips_deleted (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) grids = NULL;
  g_autoptr (GPtrArray) buildings = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *grid_batch = NULL;
  gint64 wang;

  tree_init (&t, "lookup.db");
  {
    YishiPersonDraft a = { .name = "王伟", .phone = "13812345678", .household_id = t.h301 };
    YishiPersonDraft b = { .name = "王伟华", .phone = "13987655678", .household_id = t.h101 };

    wang = yishi_registry_add_person (t.db, &a, NULL, &error);
    g_assert_no_error (error);
    yishi_registry_add_person (t.db, &b, NULL, &error);
    g_assert_no_error (error);
  }
  found = yishi_lookup_people (t.db, "王伟", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  batch = yishi_registry_delete_person (t.db, wang, &error);
  g_assert_no_error (error);
  found = yishi_lookup_people (t.db, "王伟", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((YishiLookupItem *)g_ptr_array_index (found, 0))->label, ==, "王伟华");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = yishi_lookup_people (t.db, "5678", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  grid_batch = yishi_registry_delete_node (t.db, YISHI_NODE_GRID, t.grid2, &error);
  g_assert_no_error (error);
  found = yishi_lookup_people (t.db, "王", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  grids = yishi_lookup_list (t.db, YISHI_LOOKUP_GRIDS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grids->len, ==, 1);
  g_assert_cmpstr (((YishiLookupItem *)g_ptr_array_index (grids, 0))->label, ==, "第一网格");
  buildings = yishi_lookup_list (t.db, YISHI_LOOKUP_BUILDINGS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buildings->len, ==, 3);
  for (guint i = 0; i < buildings->len; i++)
    g_assert_cmpstr (((YishiLookupItem *)g_ptr_array_index (buildings, i))->label, !=, "3号楼");
  g_clear_pointer (&buildings, g_ptr_array_unref);
  g_clear_pointer (&grids, g_ptr_array_unref);

  g_assert_true (yishi_registry_undelete (t.db, grid_batch, &error));
  g_assert_true (yishi_registry_undelete (t.db, batch, &error));
  g_assert_no_error (error);
  found = yishi_lookup_people (t.db, "王", 10, &error);
  g_assert_cmpuint (found->len, ==, 2);
  buildings = yishi_lookup_list (t.db, YISHI_LOOKUP_BUILDINGS, &error);
  g_assert_cmpuint (buildings->len, ==, 4);
  tree_clear (&t);
}

static void
test_points_balance (void)
{
  Tree t;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiPersonDetail) detail = NULL;
  gint64 wang;

  tree_init (&t, "points.db");
  wang = add_person (t.db, "王伟", NULL, t.h301);
  g_assert_cmpint (yishi_points_adjust (t.db, wang, 7.5, "补录三月份志愿服务", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_points_adjust (t.db, wang, -2, "更正", NULL, &error), >, 0);
  g_assert_no_error (error);
  detail = yishi_registry_load_person (t.db, wang, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (detail->points_balance, 5.5, 1e-9);
  tree_clear (&t);
}

/* ---- At scale: the demo community ---- */

static void
test_demo_counts (void)
{
  g_autofree char *path = yishi_test_path ("demo.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = NULL;
  g_autoptr (GListModel) grids = NULL;
  g_autoptr (GTimer) timer = NULL;
  guint total = 0;

  g_assert_true (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 7, "2026-06-15", NULL, NULL,
                                      NULL, &error));
  g_assert_no_error (error);
  db = yishi_database_open (path, YISHI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  timer = g_timer_new ();
  grids = yishi_registry_children (db, YISHI_NODE_COMMUNITY, 0, &error);
  g_assert_no_error (error);
  g_test_message ("children of the community: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (grids), ==,
                    yishi_database_query_int (db, "SELECT count(*) FROM grid WHERE deleted_at IS NULL", 0));
  g_assert_cmpuint (g_list_model_get_n_items (grids), >, 1);

  /* Counts agree with a count through the households (not the kept grid_id). */
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr (YishiRegistryNode) grid = g_list_model_get_item (grids, i);
      g_autoptr (GListModel) buildings = NULL;
      guint in_buildings = 0;
      gint64 expected;

      expected = sql_int (db, "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id"
                          " JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id"
                          " WHERE b.grid_id = %" G_GINT64_FORMAT " AND p.deleted_at IS NULL",
                          yishi_registry_node_get_id (grid));
      g_assert_cmpint (yishi_registry_node_get_n_people (grid), ==, expected);
      total += yishi_registry_node_get_n_people (grid);

      buildings = yishi_registry_children (db, YISHI_NODE_GRID, yishi_registry_node_get_id (grid), &error);
      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (buildings); j++)
        {
          g_autoptr (YishiRegistryNode) b = g_list_model_get_item (buildings, j);

          in_buildings += yishi_registry_node_get_n_people (b);
          if (j > 0)
            {
              g_autoptr (YishiRegistryNode) prev = g_list_model_get_item (buildings, j - 1);
              int a = atoi (yishi_registry_node_get_name (prev));
              int c = atoi (yishi_registry_node_get_name (b));

              g_assert_cmpint (a, <, c); /* "N号楼" in numeric order */
            }
        }
      g_assert_cmpuint (in_buildings, ==, yishi_registry_node_get_n_people (grid));
    }
  g_assert_cmpint (total, ==, sql_int (db, "SELECT count(*) FROM person WHERE deleted_at IS NULL"
                                       " AND household_id IS NOT NULL"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/registry/tree/order", test_tree_order);
  g_test_add_func ("/registry/tree/names", test_tree_names);
  g_test_add_func ("/registry/tree/no-community", test_tree_no_community);
  g_test_add_func ("/registry/tree/counts", test_tree_counts);
  g_test_add_func ("/registry/tree/move", test_tree_move);
  g_test_add_func ("/registry/tree/delete", test_tree_delete);
  g_test_add_func ("/registry/tree/ensure-place", test_ensure_place);
  g_test_add_func ("/registry/person/add", test_person_add);
  g_test_add_func ("/registry/person/duplicate", test_person_duplicate);
  g_test_add_func ("/registry/person/move", test_person_move);
  g_test_add_func ("/registry/party", test_party);
  g_test_add_func ("/registry/roles", test_roles);
  g_test_add_func ("/registry/organisations", test_organisations);
  g_test_add_func ("/registry/lookup", test_lookup_skips_deleted);
  g_test_add_func ("/registry/points", test_points_balance);
  g_test_add_func ("/registry/demo", test_demo_counts);
  return g_test_run ();
}
