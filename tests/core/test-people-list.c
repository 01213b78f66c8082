/* test-people-list.c — the registry's people list: filters, search, age bands, paging,
 * sort orders and refreshing after changes.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-people-list.h"
#include "yishi-test-utils.h"

/* Today is 2026-06-15 in Asia/Shanghai (the tests' TZ). */
#define NOW "2026-06-15T04:00:00Z"

/* The filter's strings are not const. */
#define S(text) ((char *)(text))

typedef struct
{
  YishiDatabase *db;
  gint64 grid1, grid2;
  gint64 building1, building2, building10, building3;
  gint64 unit11, unit12;
  gint64 home101, home1001, home201, home301, home_b10, home501;
  gint64 wang_wei, wang_fang, wang_xiaoming, zhang_wei, zhang_weihua, li_na, zhao_min;
  gint64 zhang_san, anna, wang_wu, child, adult18, adult59, elder60, elder79, oldest80, unknown_age;
} Registry;

static void
exec (YishiDatabase *db,
      const char    *sql)
{
  g_autoptr (GError) error = NULL;

  yishi_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
insert (YishiDatabase *db,
        char          *sql) /* from sqlite3_mprintf, freed here */
{
  exec (db, sql);
  sqlite3_free (sql);
  return yishi_database_query_int (db, "SELECT last_insert_rowid ()", 0);
}

static gint64
node (YishiDatabase *db,
      const char    *table,
      const char    *parent_column,
      gint64         parent,
      const char    *name_column,
      const char    *name,
      int            position)
{
  return insert (db, sqlite3_mprintf (position >= 0 ?
                                      "INSERT INTO %s (uuid, %s, %s, position) VALUES (yishi_uuid (), %lld, %Q, %d)" :
                                      "INSERT INTO %s (uuid, %s, %s) VALUES (yishi_uuid (), %lld, %Q)",
                                      table, parent_column, name_column, (long long)parent, name, position));
}

static gint64
person (YishiDatabase *db,
        const char    *name,
        const char    *birth_date,
        const char    *id_number,
        const char    *phone,
        const char    *residence_type,
        gint64         household)
{
  g_autofree char *home = household ? g_strdup_printf ("%lld", (long long)household) : g_strdup ("NULL");

  return insert (db, sqlite3_mprintf ("INSERT INTO person (uuid, name, birth_date, id_number, phone,"
                                      " residence_type, household_id, created_at, updated_at)"
                                      " VALUES (yishi_uuid (), %Q, %Q, %Q, %Q, %Q, %s, '" NOW "', '" NOW "')",
                                      name, birth_date, id_number, phone ? phone : "",
                                      residence_type ? residence_type : "resident", home));
}

static void
membership (YishiDatabase *db,
            gint64         person_id,
            const char    *category,
            const char    *end_date)
{
  insert (db, sqlite3_mprintf ("INSERT INTO party_membership (uuid, person_id, category, end_date)"
                               " VALUES (yishi_uuid (), %lld, %Q, %Q)", (long long)person_id, category, end_date));
}

static void
role (YishiDatabase *db,
      gint64         person_id,
      const char    *role_id,
      const char    *end_date)
{
  insert (db, sqlite3_mprintf ("INSERT INTO role_assignment (uuid, person_id, role, start_date, end_date)"
                               " VALUES (yishi_uuid (), %lld, %Q, '2020-01-01', %Q)",
                               (long long)person_id, role_id, end_date));
}

static void
registry_setup (Registry *r,
                const char *name)
{
  g_autofree char *path = yishi_test_path (name);
  g_autoptr (GError) error = NULL;
  gint64 community, unit21, unit101, unit31;

  r->db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  community = insert (r->db, sqlite3_mprintf ("INSERT INTO community (uuid, name, created_at, updated_at)"
                                              " VALUES (yishi_uuid (), '幸福社区', '" NOW "', '" NOW "')"));
  /* The second grid first by name, but after the first by position. */
  r->grid2 = node (r->db, "grid", "community_id", community, "name", "二网格", 1);
  r->grid1 = node (r->db, "grid", "community_id", community, "name", "一网格", 0);
  r->building10 = node (r->db, "building", "grid_id", r->grid1, "name", "10号楼", -1);
  r->building2 = node (r->db, "building", "grid_id", r->grid1, "name", "2号楼", -1);
  r->building1 = node (r->db, "building", "grid_id", r->grid1, "name", "1号楼", -1);
  r->building3 = node (r->db, "building", "grid_id", r->grid2, "name", "3号楼", -1);
  r->unit12 = node (r->db, "unit", "building_id", r->building1, "name", "2单元", -1);
  r->unit11 = node (r->db, "unit", "building_id", r->building1, "name", "1单元", -1);
  unit21 = node (r->db, "unit", "building_id", r->building2, "name", "1单元", -1);
  unit101 = node (r->db, "unit", "building_id", r->building10, "name", "1单元", -1);
  unit31 = node (r->db, "unit", "building_id", r->building3, "name", "1单元", -1);
  r->home1001 = node (r->db, "household", "unit_id", r->unit11, "room", "1001", -1);
  r->home101 = node (r->db, "household", "unit_id", r->unit11, "room", "101", -1);
  r->home201 = node (r->db, "household", "unit_id", r->unit12, "room", "201", -1);
  r->home301 = node (r->db, "household", "unit_id", unit21, "room", "301", -1);
  r->home_b10 = node (r->db, "household", "unit_id", unit101, "room", "101", -1);
  r->home501 = node (r->db, "household", "unit_id", unit31, "room", "501", -1);

  r->wang_wei = person (r->db, "王伟", "1985-01-19", "420103198501190973", "13812345678", "registered", r->home101);
  r->wang_fang = person (r->db, "王芳", "1987-03-02", "420103198703020021", "13912340000", "registered", r->home101);
  r->wang_xiaoming = person (r->db, "王小明", "2015-09-09", NULL, "", "registered", r->home1001);
  r->zhang_wei = person (r->db, "张伟", "1970-02-03", "42010319700203001X", "027-86139693", "resident", r->home201);
  r->zhang_weihua = person (r->db, "张伟华", "1992-11-05", "350102199211059862", "17011455678", "floating", r->home301);
  r->li_na = person (r->db, "李娜", "1990-04-04", "140105199004045524", "16093764469", "tenant", r->home_b10);
  r->zhao_min = person (r->db, "赵敏", "1995-12-22", "420103199512222074", "17135701937", "floating", r->home501);
  r->zhang_san = person (r->db, "张三", "1980-05-05", NULL, "13500000021", "floating", 0);
  r->anna = person (r->db, "Anna", "1988-08-08", NULL, "", "tenant", r->home501);
  r->wang_wu = person (r->db, "王五", "1975-07-07", "420103197507075678", "13600005678", "registered", r->home201);
  insert (r->db, sqlite3_mprintf ("UPDATE person SET deleted_at = '" NOW "', deleted_batch = 'b1' WHERE id = %lld",
                                  (long long)r->wang_wu));

  /* Birthdays around today, 2026-06-15. */
  r->child = person (r->db, "钱一", "2008-06-16", NULL, "", "resident", r->home301);      /* 17 */
  r->adult18 = person (r->db, "钱二", "2008-06-15", NULL, "", "resident", r->home301);    /* 18 today */
  r->adult59 = person (r->db, "孙一", "1966-06-16", NULL, "", "resident", r->home_b10);   /* 59 */
  r->elder60 = person (r->db, "孙二", "1966-06-15", NULL, "", "resident", r->home_b10);   /* 60 today */
  r->elder79 = person (r->db, "周一", "1946-06-16", NULL, "", "registered", r->home501);  /* 79 */
  r->oldest80 = person (r->db, "周二", "1946-06-15", NULL, "", "registered", r->home501); /* 80 today */
  r->unknown_age = person (r->db, "吴某", NULL, NULL, "", "resident", r->home501);

  membership (r->db, r->wang_wei, "in_service", NULL);
  membership (r->db, r->wang_fang, "retired", "2024-01-01");   /* ended */
  membership (r->db, r->zhang_wei, "direct", NULL);
  membership (r->db, r->zhao_min, "floating", NULL);
  membership (r->db, r->wang_wu, "direct", NULL);              /* deleted person */
  role (r->db, r->li_na, "volunteer", NULL);
  role (r->db, r->li_na, "mediator", NULL);
  role (r->db, r->li_na, "volunteer", NULL);                   /* twice, two scopes */
  role (r->db, r->zhao_min, "volunteer", "2025-01-01");        /* ended */
  role (r->db, r->wang_wei, "volunteer", NULL);
  role (r->db, r->elder79, "building_leader", NULL);
}

static void
registry_teardown (Registry *r)
{
  g_assert_finalize_object (r->db);
}

/* The ids in the list, in order. */
static GArray *
list_ids (YishiPeopleList *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiPerson) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id;

      g_assert_nonnull (p);
      id = yishi_person_get_id (p);
      g_array_append_val (ids, id);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  return ids;
}

/* The ids a plain query over the person table finds (the test's own oracle). */
static GArray *
oracle_ids (YishiDatabase *db,
            const char    *where,
            const char    *order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.id FROM person p WHERE p.deleted_at IS NULL AND (%s) ORDER BY %s",
                                          where, order ? order : "p.name, p.id");
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (db, sql, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_ids (GArray *got,
            GArray *want)
{
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (want, gint64, i));
}

static void
assert_filter (Registry                *r,
               const YishiPeopleFilter *filter,
               const char              *where)
{
  g_autoptr (YishiPeopleList) list = yishi_people_list_new (r->db);
  g_autoptr (GArray) got = NULL;
  g_autoptr (GArray) want = oracle_ids (r->db, where, NULL);

  yishi_people_list_set_filter (list, filter);
  g_assert_null (yishi_people_list_get_error (list));
  got = list_ids (list);
  assert_ids (got, want);
}

/* The people, by name, as the list has them. */
static char *
list_names (YishiPeopleList *list)
{
  GString *names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiPerson) p = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (names, "%s%s", i ? " " : "", yishi_person_get_name (p));
    }
  return g_string_free (names, FALSE);
}

static char *
filter_names (Registry                *r,
              const YishiPeopleFilter *filter)
{
  g_autoptr (YishiPeopleList) list = yishi_people_list_new (r->db);

  yishi_people_list_set_filter (list, filter);
  g_assert_null (yishi_people_list_get_error (list));
  return list_names (list);
}

static char *
query_names (Registry   *r,
             const char *query)
{
  YishiPeopleFilter filter = { .query = (char *)query };

  return filter_names (r, &filter);
}

static char *
search_names (Registry   *r,
              const char *query,
              guint       limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = yishi_people_search (r->db, query, limit, &error);
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (names, "%s%s", i ? " " : "",
                            yishi_person_get_name (g_ptr_array_index (people, i)));
  return g_string_free (names, FALSE);
}

static YishiPerson *
find_person (YishiPeopleList *list,
             gint64           id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      YishiPerson *p = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (yishi_person_get_id (p) == id)
        return p;
      g_object_unref (p);
    }
  return NULL;
}

/* Tests ------------------------------------------------------------------------------ */

static void
test_everybody (void)
{
  Registry r;
  g_autoptr (YishiPeopleList) list = NULL;
  g_autoptr (GArray) got = NULL;
  g_autoptr (GArray) want = NULL;
  g_autoptr (YishiPerson) p = NULL;

  registry_setup (&r, "everybody.db");
  list = yishi_people_list_new (r.db);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == YISHI_TYPE_PERSON);
  g_assert_null (yishi_people_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 16); /* 17 less the deleted */
  got = list_ids (list);
  want = oracle_ids (r.db, "1", NULL);
  assert_ids (got, want);

  /* A row as the view shows it. */
  p = find_person (list, r.wang_wei);
  g_assert_nonnull (p);
  g_assert_cmpstr (yishi_person_get_name (p), ==, "王伟");
  g_assert_cmpstr (yishi_person_get_gender (p), ==, "unknown");
  g_assert_cmpint (yishi_person_get_age (p), ==, 41);
  g_assert_cmpstr (yishi_person_get_phone (p), ==, "13812345678");
  g_assert_cmpstr (yishi_person_get_id_tail (p), ==, "0973");
  g_assert_cmpstr (yishi_person_get_residence_type (p), ==, "registered");
  g_assert_cmpstr (yishi_person_get_address (p), ==, "1号楼1单元101");
  g_assert_cmpstr (yishi_person_get_grid (p), ==, "一网格");
  g_assert_cmpstr (yishi_person_get_party_category (p), ==, "in_service");
  g_assert_cmpstr (yishi_person_get_roles (p), ==, "Volunteer");
  g_clear_object (&p);

  /* Two current roles (one of them held twice) in the enum's order; ended ones left out. */
  p = find_person (list, r.li_na);
  g_assert_cmpstr (yishi_person_get_roles (p), ==, "Mediator, Volunteer");
  g_assert_null (yishi_person_get_party_category (p));
  g_assert_cmpstr (yishi_person_get_address (p), ==, "10号楼1单元101");
  g_clear_object (&p);
  p = find_person (list, r.zhao_min);
  g_assert_cmpstr (yishi_person_get_roles (p), ==, "");
  g_assert_cmpstr (yishi_person_get_party_category (p), ==, "floating");
  g_assert_cmpstr (yishi_person_get_grid (p), ==, "二网格");
  g_clear_object (&p);
  /* An ended membership is no category. */
  p = find_person (list, r.wang_fang);
  g_assert_null (yishi_person_get_party_category (p));
  g_clear_object (&p);
  /* No home, no ID number, no birth date. */
  p = find_person (list, r.zhang_san);
  g_assert_cmpstr (yishi_person_get_address (p), ==, "");
  g_assert_cmpstr (yishi_person_get_grid (p), ==, "");
  g_assert_cmpstr (yishi_person_get_id_tail (p), ==, "");
  g_clear_object (&p);
  p = find_person (list, r.unknown_age);
  g_assert_cmpint (yishi_person_get_age (p), ==, -1);
  g_clear_object (&p);
  /* The deleted person is nowhere. */
  g_assert_null (find_person (list, r.wang_wu));

  /* Properties for list item factories. */
  p = find_person (list, r.zhang_wei);
  {
    g_autofree char *address = NULL;
    g_autofree char *category = NULL;
    int age;

    g_object_get (p, "address", &address, "party-category", &category, "age", &age, NULL);
    g_assert_cmpstr (address, ==, "1号楼2单元201");
    g_assert_cmpstr (category, ==, "direct");
    g_assert_cmpint (age, ==, 56);
  }

  g_clear_object (&list);
  registry_teardown (&r);
}

static void
test_nodes (void)
{
  Registry r;
  YishiPeopleFilter f = { 0 };
  g_autofree char *names = NULL;
  g_autofree char *where = NULL;

  registry_setup (&r, "nodes.db");

  f.node_kind = YISHI_NODE_COMMUNITY;
  assert_filter (&r, &f, "1");
  f.node_kind = YISHI_NODE_GRID, f.node_id = r.grid1;
  where = g_strdup_printf ("p.household_id IN (SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id"
                           " JOIN building b ON b.id = u.building_id WHERE b.grid_id = %lld)", (long long)r.grid1);
  assert_filter (&r, &f, where);
  f.node_kind = YISHI_NODE_BUILDING, f.node_id = r.building1;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟 王伟 王小明 王芳");
  g_clear_pointer (&names, g_free);
  f.node_kind = YISHI_NODE_UNIT, f.node_id = r.unit11;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "王伟 王小明 王芳");
  g_clear_pointer (&names, g_free);
  f.node_kind = YISHI_NODE_HOUSEHOLD, f.node_id = r.home101;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "王伟 王芳");
  g_clear_pointer (&names, g_free);
  f.node_kind = YISHI_NODE_HOUSEHOLD, f.node_id = r.home201; /* 张伟, and 王五 who was deleted */
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟");
  g_clear_pointer (&names, g_free);
  f.node_kind = YISHI_NODE_GRID, f.node_id = r.grid2;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "Anna 吴某 周一 周二 赵敏");
  g_clear_pointer (&names, g_free);

  registry_teardown (&r);
}

static void
test_filters (void)
{
  Registry r;
  YishiPeopleFilter f = { 0 };
  g_autofree char *names = NULL;

  registry_setup (&r, "filters.db");

  f.residence_type = S ("floating");
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张三 张伟华 赵敏");
  g_clear_pointer (&names, g_free);
  assert_filter (&r, &f, "p.residence_type = 'floating'");

  f = (YishiPeopleFilter) { .party_category = S ("any") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟 王伟 赵敏"); /* not the ended membership, not the deleted */
  g_clear_pointer (&names, g_free);
  f.party_category = S ("direct");
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟");
  g_clear_pointer (&names, g_free);
  f.party_category = S ("retired");
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "");
  g_clear_pointer (&names, g_free);

  f = (YishiPeopleFilter) { .role = S ("volunteer") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "李娜 王伟"); /* 李娜 once, though she holds it twice */
  g_clear_pointer (&names, g_free);
  f.role = S ("building_leader");
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "周一");
  g_clear_pointer (&names, g_free);

  /* Combinations. */
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_GRID, .node_id = r.grid1, .party_category = S ("any") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟 王伟");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_GRID, .node_id = r.grid2, .party_category = S ("any") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "赵敏");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_BUILDING, .node_id = r.building10, .role = S ("volunteer") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "李娜");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .residence_type = S ("registered"), .age_band = YISHI_AGE_ELDERLY };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "周一");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .party_category = S ("any"), .role = S ("volunteer"), .query = S ("王") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "王伟");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_GRID, .node_id = r.grid1, .residence_type = S ("registered"),
                            .query = S ("王") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "王伟 王小明 王芳");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_UNIT, .node_id = r.unit12, .party_category = S ("direct"),
                            .age_band = YISHI_AGE_ADULT, .query = S ("5678") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, ""); /* 王五 has that phone tail and lives there, but was deleted */
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .node_kind = YISHI_NODE_UNIT, .node_id = r.unit12, .party_category = S ("direct"),
                            .age_band = YISHI_AGE_ADULT, .query = S ("9693") };
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "张伟");
  g_clear_pointer (&names, g_free);

  /* Filter copies are deep; clearing resets. */
  {
    YishiPeopleFilter a = { .residence_type = g_strdup ("tenant"), .query = g_strdup ("李"),
                            .age_band = YISHI_AGE_ADULT, .node_kind = YISHI_NODE_GRID, .node_id = 7 };
    YishiPeopleFilter b = { 0 };

    yishi_people_filter_copy (&b, &a);
    g_assert_true (b.residence_type != a.residence_type);
    g_assert_cmpstr (b.residence_type, ==, "tenant");
    g_assert_cmpstr (b.query, ==, "李");
    g_assert_null (b.party_category);
    g_assert_cmpint (b.node_id, ==, 7);
    yishi_people_filter_clear (&a);
    g_assert_null (a.residence_type);
    g_assert_cmpint (a.node_kind, ==, YISHI_NODE_COMMUNITY);
    g_assert_cmpstr (b.query, ==, "李");
    yishi_people_filter_copy (&b, NULL);
    g_assert_null (b.query);
  }

  /* get_filter () gives back a copy of what was set. */
  {
    g_autoptr (YishiPeopleList) list = yishi_people_list_new (r.db);
    g_autofree char *query = g_strdup ("张");
    YishiPeopleFilter set = { .query = query, .role = S ("volunteer") };

    yishi_people_list_set_filter (list, &set);
    g_clear_pointer (&query, g_free);
    g_assert_cmpstr (yishi_people_list_get_filter (list)->query, ==, "张");
    g_assert_cmpstr (yishi_people_list_get_filter (list)->role, ==, "volunteer");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    yishi_people_list_set_filter (list, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 16);
  }

  registry_teardown (&r);
}

static void
test_age_bands (void)
{
  Registry r;
  YishiPeopleFilter f = { 0 };
  g_autofree char *names = NULL;
  g_autoptr (YishiPeopleList) list = NULL;
  g_autoptr (YishiPerson) p = NULL;

  registry_setup (&r, "ages.db");

  /* 钱一 is 17 until tomorrow, 钱二 turned 18 today; 孙一 59, 孙二 60 today; 周一 79,
   * 周二 80 today. */
  f.age_band = YISHI_AGE_CHILD;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "王小明 钱一");
  g_clear_pointer (&names, g_free);
  f.age_band = YISHI_AGE_ADULT;
  assert_filter (&r, &f, "p.birth_date > '1966-06-15' AND p.birth_date <= '2008-06-15'");
  list = yishi_people_list_new (r.db);
  yishi_people_list_set_filter (list, &f);
  g_assert_nonnull ((p = find_person (list, r.adult18)));
  g_clear_object (&p);
  g_assert_nonnull ((p = find_person (list, r.adult59)));
  g_assert_cmpint (yishi_person_get_age (p), ==, 59);
  g_clear_object (&p);
  g_assert_null (find_person (list, r.child));
  g_assert_null (find_person (list, r.elder60));
  g_assert_null (find_person (list, r.unknown_age));
  f.age_band = YISHI_AGE_ELDERLY;
  names = filter_names (&r, &f);
  g_assert_cmpstr (names, ==, "周一 孙二");
  g_clear_pointer (&names, g_free);
  f.age_band = YISHI_AGE_OLDEST;
  yishi_people_list_set_filter (list, &f);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "周二");
  g_clear_pointer (&names, g_free);
  p = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (yishi_person_get_age (p), ==, 80);
  g_clear_object (&p);

  /* A day later 钱一 comes of age: the bands follow the clock at each refresh. */
  g_setenv ("YISHI_NOW", "2026-06-15T16:30:00Z", TRUE); /* 00:30 on the 16th in Shanghai */
  f.age_band = YISHI_AGE_CHILD;
  yishi_people_list_set_filter (list, &f);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "王小明");
  g_clear_pointer (&names, g_free);
  f.age_band = YISHI_AGE_OLDEST;
  yishi_people_list_set_filter (list, &f);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "周一 周二");
  g_clear_pointer (&names, g_free);
  g_setenv ("YISHI_NOW", NOW, TRUE);

  /* Born on 29 February: 18 on 1 March of a common year, not on 28 February. */
  {
    gint64 leap = person (r.db, "郑闰", "2008-02-29", NULL, "", "resident", 0);

    g_setenv ("YISHI_NOW", "2026-02-28T04:00:00Z", TRUE);
    f.age_band = YISHI_AGE_CHILD;
    yishi_people_list_set_filter (list, &f);
    g_assert_nonnull ((p = find_person (list, leap)));
    g_assert_cmpint (yishi_person_get_age (p), ==, 17);
    g_clear_object (&p);
    g_setenv ("YISHI_NOW", "2026-03-01T04:00:00Z", TRUE);
    yishi_people_list_set_filter (list, &f);
    g_assert_null (find_person (list, leap));
    f.age_band = YISHI_AGE_ADULT;
    yishi_people_list_set_filter (list, &f);
    g_assert_nonnull ((p = find_person (list, leap)));
    g_assert_cmpint (yishi_person_get_age (p), ==, 18);
    g_clear_object (&p);
    g_setenv ("YISHI_NOW", NOW, TRUE);
  }

  g_clear_object (&list);
  registry_teardown (&r);
}

static void
test_search (void)
{
  Registry r;
  g_autofree char *names = NULL;

  registry_setup (&r, "search.db");

#define CHECK_QUERY(query, expected) \
  G_STMT_START { \
    g_autofree char *got_ = query_names (&r, query); \
    g_autofree char *searched_ = search_names (&r, query, 50); \
    g_assert_cmpstr (got_, ==, expected); \
    g_assert_cmpstr (searched_, ==, expected); \
  } G_STMT_END

  /* Name prefixes, not the deleted 王五. */
  CHECK_QUERY ("王", "王伟 王小明 王芳");
  CHECK_QUERY ("张伟", "张伟 张伟华");
  CHECK_QUERY (" 张伟华　", "张伟华"); /* spaces, ASCII and full-width, around */
  CHECK_QUERY ("伟", "");               /* a prefix, not a substring */
  CHECK_QUERY ("Ann", "Anna");
  /* Phone tails, 3 to 6 digits and more; landlines by their last digits. */
  CHECK_QUERY ("5678", "张伟华 王伟");
  CHECK_QUERY ("345678", "王伟");
  CHECK_QUERY ("678", "张伟华 王伟");
  CHECK_QUERY ("9693", "张伟");
  CHECK_QUERY ("13812345678", "王伟");
  CHECK_QUERY ("５６７８", "张伟华 王伟"); /* full-width digits */
  /* ID tails, with a lower- or upper-case x. */
  CHECK_QUERY ("0973", "王伟");
  CHECK_QUERY ("001x", "张伟");
  CHECK_QUERY ("001X", "张伟");
  CHECK_QUERY ("01x", "张伟");
  CHECK_QUERY ("5524", "李娜");
  CHECK_QUERY ("42010319850119097", ""); /* the start of an ID number is no tail */
  CHECK_QUERY ("420103198501190973", "王伟");
  /* The same digits in a phone and an ID number: both people. */
  CHECK_QUERY ("0021", "张三 王芳");
  CHECK_QUERY ("000", "王芳");
  /* Too short to be a tail, and no name starts with digits. */
  CHECK_QUERY ("78", "");
  /* Nothing to search for: everybody in the list, nobody from the search. */
  names = query_names (&r, "  ");
  g_assert_cmpuint (strlen (names), >, 0);
  g_clear_pointer (&names, g_free);
  names = search_names (&r, "", 50);
  g_assert_cmpstr (names, ==, "");
  g_clear_pointer (&names, g_free);
#undef CHECK_QUERY

  /* The limit. */
  names = search_names (&r, "王", 2);
  g_assert_cmpstr (names, ==, "王伟 王小明");
  g_clear_pointer (&names, g_free);
  names = search_names (&r, "王", 0);
  g_assert_cmpstr (names, ==, "");
  g_clear_pointer (&names, g_free);

  registry_teardown (&r);
}

static void
test_sort (void)
{
  Registry r;
  g_autoptr (YishiPeopleList) list = NULL;
  g_autofree char *names = NULL;
  YishiPeopleFilter f = { .node_kind = YISHI_NODE_GRID, .node_id = 0 };

  registry_setup (&r, "sort.db");
  list = yishi_people_list_new (r.db);

  f.node_kind = YISHI_NODE_BUILDING, f.node_id = r.building1;
  yishi_people_list_set_filter (list, &f);
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_NAME, TRUE);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "王芳 王小明 王伟 张伟");
  g_clear_pointer (&names, g_free);

  /* Age: youngest first; descending, the oldest first. */
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_AGE, FALSE);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "王小明 王芳 王伟 张伟");
  g_clear_pointer (&names, g_free);
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_AGE, TRUE);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "张伟 王伟 王芳 王小明");
  g_clear_pointer (&names, g_free);

  /* Over everybody, by age (the unknown age last, youngest first). */
  yishi_people_list_set_filter (list, NULL);
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_AGE, FALSE);
  {
    g_autoptr (GArray) got = list_ids (list);
    g_autoptr (GArray) want = oracle_ids (r.db, "1", "p.birth_date DESC, p.id DESC");

    assert_ids (got, want);
    g_assert_cmpint (g_array_index (got, gint64, got->len - 1), ==, r.unknown_age);
  }

  /* Address: grids by position (一网格 before 二网格), buildings and rooms with numbers
   * as numbers (2号楼 before 10号楼, 101 before 1001), the homeless last. */
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_ADDRESS, FALSE);
  names = list_names (list);
  g_assert_cmpstr (names, ==,
                   "王伟 王芳 王小明 张伟 " /* 1号楼 1单元 101, 1001; 2单元 201 */
                   "张伟华 钱一 钱二 "       /* 2号楼 */
                   "孙一 孙二 李娜 "         /* 10号楼 */
                   "Anna 吴某 周一 周二 赵敏 " /* 二网格 3号楼 */
                   "张三");
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 16);
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_ADDRESS, TRUE);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "赵敏 周二 周一 吴某 Anna 李娜 孙二 孙一 钱二 钱一 张伟华 张伟 王小明 王芳 王伟 张三");
  g_clear_pointer (&names, g_free);

  /* Address order within a filter. */
  f = (YishiPeopleFilter) { .residence_type = S ("floating") };
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_ADDRESS, FALSE);
  yishi_people_list_set_filter (list, &f);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "张伟华 赵敏 张三");
  g_clear_pointer (&names, g_free);
  f = (YishiPeopleFilter) { .role = S ("volunteer") };
  yishi_people_list_set_filter (list, &f);
  names = list_names (list);
  g_assert_cmpstr (names, ==, "王伟 李娜");
  g_clear_pointer (&names, g_free);

  g_clear_object (&list);
  registry_teardown (&r);
}

/* Enough people for many pages: a building of 1,234 (names in a shuffled order), some of
 * them party members or volunteers, some deleted. */
static void
add_crowd (Registry *r)
{
  g_autoptr (GString) sql = g_string_new ("BEGIN;");
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  gint64 unit = node (r->db, "unit", "building_id", r->building3, "name", "9单元", -1);
  gint64 homes[40];

  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *room = g_strdup_printf ("%u", 100 + i);

      homes[i] = node (r->db, "household", "unit_id", unit, "room", room, -1);
    }
  for (guint i = 0; i < 1234; i++)
    {
      guint k = (i * 7919) % 1234;
      /* Some names repeat, so that ties go by id across page boundaries. */
      g_autofree char *name = g_strdup_printf ("%s%04u", k % 3 ? "刘" : "陈", k % 5 == 0 ? 77 : k);

      g_string_append_printf (sql, "INSERT INTO person (uuid, name, birth_date, phone, residence_type,"
                              " household_id, created_at, updated_at) VALUES (yishi_uuid (), '%s',"
                              " '%04u-%02u-%02u', '139%08u', '%s', %lld, '" NOW "', '" NOW "');",
                              name, 1930 + g_rand_int_range (rand, 0, 90), 1 + g_rand_int_range (rand, 0, 12),
                              1 + g_rand_int_range (rand, 0, 28), i, i % 4 ? "registered" : "floating",
                              (long long)homes[i % G_N_ELEMENTS (homes)]);
    }
  g_string_append (sql, "INSERT INTO party_membership (uuid, person_id, category)"
                        " SELECT yishi_uuid (), id, CASE id % 3 WHEN 0 THEN 'in_service' ELSE 'retired' END"
                        " FROM person WHERE name LIKE '刘%' AND id % 9 = 0;"
                        "INSERT INTO role_assignment (uuid, person_id, role, start_date)"
                        " SELECT yishi_uuid (), id, 'volunteer', '2020-01-01' FROM person WHERE id % 11 = 0;"
                        "UPDATE person SET deleted_at = '" NOW "' WHERE id % 97 = 0;"
                        "COMMIT;");
  exec (r->db, sql->str);
}

/* Every filter of a list, in name and age order both ways and by address, against the
 * oracle: from the end backwards, from the start with a jump, then through. */
static void
check_orders (Registry *r)
{
  g_autoptr (YishiPeopleList) list = NULL;
  static const struct { YishiPeopleFilter filter; const char *where; } filters[] = {
    { { 0 }, "1" },
    { { .residence_type = S ("floating") }, "p.residence_type = 'floating'" },
    { { .residence_type = S ("registered") }, "p.residence_type = 'registered'" },
    { { .query = S ("刘") }, "p.name LIKE '刘%'" },
    { { .party_category = S ("any") }, "p.id IN (SELECT person_id FROM party_membership WHERE end_date IS NULL)" },
    { { .role = S ("volunteer") }, "p.id IN (SELECT person_id FROM role_assignment WHERE role = 'volunteer' AND end_date IS NULL)" },
    { { .age_band = YISHI_AGE_ADULT }, "p.birth_date > '1966-06-15' AND p.birth_date <= '2008-06-15'" },
    { { .age_band = YISHI_AGE_OLDEST, .query = S ("陈") }, "p.birth_date <= '1946-06-15' AND p.name LIKE '陈%'" },
    { { .residence_type = S ("registered"), .role = S ("volunteer") },
      "p.residence_type = 'registered' AND p.id IN (SELECT person_id FROM role_assignment WHERE role = 'volunteer'"
      " AND end_date IS NULL)" },
    { { .residence_type = S ("floating"), .age_band = YISHI_AGE_ELDERLY },
      "p.residence_type = 'floating' AND p.birth_date > '1946-06-15' AND p.birth_date <= '1966-06-15'" },
    { { .party_category = S ("retired"), .age_band = YISHI_AGE_ADULT, .query = S ("刘") },
      "p.id IN (SELECT person_id FROM party_membership WHERE category = 'retired' AND end_date IS NULL)"
      " AND p.birth_date > '1966-06-15' AND p.birth_date <= '2008-06-15' AND p.name LIKE '刘%'" },
    { { .party_category = S ("any"), .role = S ("volunteer") },
      "p.id IN (SELECT person_id FROM party_membership WHERE end_date IS NULL)"
      " AND p.id IN (SELECT person_id FROM role_assignment WHERE role = 'volunteer' AND end_date IS NULL)" },
    { { .node_kind = YISHI_NODE_BUILDING, .node_id = 0, .role = S ("volunteer") }, "0" },
  };

  list = yishi_people_list_new (r->db);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    for (int sort = YISHI_PEOPLE_SORT_NAME; sort <= YISHI_PEOPLE_SORT_AGE; sort++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autofree char *order = g_strdup_printf (sort == YISHI_PEOPLE_SORT_NAME ? "p.name %s, p.id %s"
                                                                                  : "p.birth_date %s, p.id %s",
                                                    (sort == YISHI_PEOPLE_SORT_AGE) != descending ? "DESC" : "",
                                                    (sort == YISHI_PEOPLE_SORT_AGE) != descending ? "DESC" : "");
          g_autoptr (GArray) want = oracle_ids (r->db, filters[i].where, order);
          g_autoptr (GArray) got = NULL;
          guint n;

          yishi_people_list_set_sort (list, sort, descending);
          yishi_people_list_set_filter (list, &filters[i].filter);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          g_assert_cmpuint (n, ==, want->len);

          /* Jumping about first (OFFSET), then from start to end (keyset in name order). */
          for (guint pos = n; pos-- > 0; pos = pos > 331 ? pos - 331 : 0)
            {
              g_autoptr (YishiPerson) p = g_list_model_get_item (G_LIST_MODEL (list), pos);

              g_assert_cmpint (yishi_person_get_id (p), ==, g_array_index (want, gint64, pos));
              g_assert_cmpuint (yishi_people_list_find (list, yishi_person_get_id (p)), ==, pos);
              if (pos == 0)
                break;
            }
          /* From the first page, a jump forward (keyset from the page before, then OFFSET). */
          yishi_people_list_refresh (list);
          for (guint k = 0; k < 3; k++)
            {
              guint pos = (guint)((guint64)n * k / 3);
              g_autoptr (YishiPerson) p = pos < n ? g_list_model_get_item (G_LIST_MODEL (list), pos) : NULL;

              if (p != NULL)
                g_assert_cmpint (yishi_person_get_id (p), ==, g_array_index (want, gint64, pos));
            }
          yishi_people_list_refresh (list);
          got = list_ids (list);
          assert_ids (got, want);
          /* Read again after the first pages fell out of the cache. */
          for (guint k = 0; k < 2 && n > 0; k++)
            {
              g_autoptr (YishiPerson) p = g_list_model_get_item (G_LIST_MODEL (list), k * n / 2);

              g_assert_cmpint (yishi_person_get_id (p), ==, g_array_index (want, gint64, k * n / 2));
            }
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
          g_assert_cmpuint (yishi_people_list_get_n_cached_pages (list), <=, 12);
        }

  /* Address order over many pages, building by building. */
  yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_ADDRESS, FALSE);
  yishi_people_list_set_filter (list, NULL);
  {
    g_autoptr (GArray) got = list_ids (list);
    g_autoptr (GArray) want = oracle_ids (r->db, "1",
                                          "p.building_id IS NULL, (SELECT g.position FROM grid g WHERE g.id = p.grid_id),"
                                          " (SELECT length (b.name) || b.name FROM building b WHERE b.id = p.building_id),"
                                          " (SELECT length (u.name) || u.name || '/' || length (h.room) || h.room"
                                          "  FROM household h JOIN unit u ON u.id = h.unit_id WHERE h.id = p.household_id),"
                                          " p.name, p.id");

    assert_ids (got, want);
  }

  g_assert_cmpuint (yishi_people_list_find (list, -5), ==, G_MAXUINT);
  g_clear_object (&list);
}

static void
test_paging (void)
{
  Registry r;

  registry_setup (&r, "paging.db");
  add_crowd (&r);
  check_orders (&r);
  registry_teardown (&r);
}

/* A file of schema 3 made before the people list's indexes were added: slower, but the
 * same answers. */
static void
test_older_file (void)
{
  Registry r;

  registry_setup (&r, "older.db");
  add_crowd (&r);
  exec (r.db, "DROP INDEX person_live_residence; DROP INDEX person_live_birth;"
              " DROP INDEX person_live_residence_birth; DROP INDEX person_live_name_facts;"
              " DROP INDEX party_membership_current_person; DROP INDEX role_assignment_current_person;"
              " DROP INDEX person_deleted;");
  check_orders (&r);
  registry_teardown (&r);
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_changes (void)
{
  Registry r;
  g_autoptr (YishiPeopleList) list = NULL;
  g_autoptr (GError) error = NULL;
  YishiPeopleFilter f = { .node_kind = YISHI_NODE_GRID };
  Changes changes = { 0 };
  gint64 id;

  registry_setup (&r, "changes.db");
  list = yishi_people_list_new (r.db);
  f.node_id = r.grid1;
  yishi_people_list_set_filter (list, &f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* A new person in the grid, through the audited write path. */
  {
    g_autoptr (YishiValues) values = yishi_values_new ();

    yishi_values_set_text (values, "name", "冯新");
    yishi_values_set_int (values, "household_id", r.home101);
    yishi_database_begin (r.db, &error);
    g_assert_no_error (error);
    id = yishi_database_insert (r.db, "person", values, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_cmpuint (changes.calls, ==, 0); /* nothing before the commit */
    yishi_database_commit (r.db, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (changes.calls, ==, 0); /* from an idle */
  drain ();
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 10);
  g_assert_cmpuint (changes.added, ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 11);
  g_assert_cmpuint (yishi_people_list_find (list, id), ==, G_MAXUINT); /* no page read yet */
  {
    g_autoptr (YishiPerson) p = find_person (list, id);

    g_assert_nonnull (p);
    g_assert_cmpstr (yishi_person_get_address (p), ==, "1号楼1单元101");
    g_assert_cmpuint (yishi_people_list_find (list, id), !=, G_MAXUINT);
  }

  /* A role given: one refresh; the row shows it. */
  {
    g_autoptr (YishiValues) values = yishi_values_new ();

    yishi_values_set_int (values, "person_id", id);
    yishi_values_set_text (values, "role", "mediator");
    yishi_values_set_text (values, "start_date", "2026-06-01");
    yishi_database_insert (r.db, "role_assignment", values, &error);
    g_assert_no_error (error);
  }
  drain ();
  g_assert_cmpuint (changes.calls, ==, 2);
  {
    g_autoptr (YishiPerson) p = find_person (list, id);

    g_assert_cmpstr (yishi_person_get_roles (p), ==, "Mediator");
  }

  /* Deleting hides the person; the total of everybody is counted again too. */
  {
    g_autoptr (YishiPeopleList) everybody = yishi_people_list_new (r.db);
    g_autoptr (YishiValues) values = yishi_values_new ();
    guint before = g_list_model_get_n_items (G_LIST_MODEL (everybody));

    yishi_values_set_text (values, "deleted_at", NOW);
    yishi_values_set_text (values, "deleted_batch", "b2");
    yishi_database_update (r.db, "person", id, values, &error);
    g_assert_no_error (error);
    drain ();
    g_assert_cmpuint (changes.calls, ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (everybody)), ==, before - 1);
    g_assert_null (find_person (list, id));
  }

  /* Other tables leave the list alone; an explicit refresh still counts. */
  exec (r.db, "UPDATE person SET name = '冯旧' WHERE name = '王芳'");
  yishi_database_emit_changed (r.db, "points_entry");
  drain ();
  g_assert_cmpuint (changes.calls, ==, 3);
  yishi_people_list_refresh (list);
  g_assert_cmpuint (changes.calls, ==, 4);
  {
    g_autofree char *names = list_names (list);

    g_assert_nonnull (strstr (names, "冯旧"));
  }
  /* A change of everything (a restore) refreshes. */
  yishi_database_emit_changed (r.db, NULL);
  drain ();
  g_assert_cmpuint (changes.calls, ==, 5);

  /* Several commits in a row refresh once. */
  yishi_database_emit_changed (r.db, "person");
  yishi_database_emit_changed (r.db, "household");
  yishi_database_emit_changed (r.db, "party_membership");
  drain ();
  g_assert_cmpuint (changes.calls, ==, 6);

  /* A list gone before its idle leaves nothing behind. */
  yishi_database_emit_changed (r.db, "person");
  g_clear_object (&list);
  drain ();

  registry_teardown (&r);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("YISHI_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/people-list/everybody", test_everybody);
  g_test_add_func ("/people-list/nodes", test_nodes);
  g_test_add_func ("/people-list/filters", test_filters);
  g_test_add_func ("/people-list/age-bands", test_age_bands);
  g_test_add_func ("/people-list/search", test_search);
  g_test_add_func ("/people-list/sort", test_sort);
  g_test_add_func ("/people-list/paging", test_paging);
  g_test_add_func ("/people-list/older-file", test_older_file);
  g_test_add_func ("/people-list/changes", test_changes);
  return g_test_run ();
}
