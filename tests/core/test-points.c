/* test-points.c — volunteer points: rules, levels, the ledger, balances, quarters.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-points.h"
#include "yishi-test-utils.h"

/* "Now" for every test: mid-2026, so entries of Q1 to Q3 2026 are in the past. */
#define NOW "2026-08-01T04:00:00Z"

static gint64
add_grid (YishiDatabase *db,
          const char    *name)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (GError) error = NULL;
  gint64 community = yishi_database_query_int (db, "SELECT id FROM community LIMIT 1", 0);
  gint64 id;

  if (community == 0)
    {
      g_autoptr (YishiValues) c = yishi_values_new ();

      yishi_values_set_text (c, "name", "幸福社区");
      community = yishi_database_insert (db, "community", c, &error);
      g_assert_no_error (error);
    }
  yishi_values_set_int (values, "community_id", community);
  yishi_values_set_text (values, "name", name);
  id = yishi_database_insert (db, "grid", values, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (YishiDatabase *db,
            const char    *name,
            gint64         grid_id,
            gboolean       consent)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  yishi_values_set_text (values, "name", name);
  if (grid_id != 0)
    yishi_values_set_int (values, "grid_id", grid_id);
  yishi_values_set_int (values, "public_name_consent", consent ? 1 : 0);
  id = yishi_database_insert (db, "person", values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
delete_person (YishiDatabase *db,
               gint64         id)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (GError) error = NULL;

  yishi_values_set_text (values, "deleted_at", "2026-05-01T00:00:00Z");
  yishi_values_set_text (values, "deleted_batch", "test");
  g_assert_true (yishi_database_update (db, "person", id, values, &error));
  g_assert_no_error (error);
}

static gint64
add_rule (YishiDatabase *db,
          const char    *name,
          double         per_hour,
          double         cap,
          gboolean       active)
{
  YishiPointsRule rule = {
    .name = (char *)name,
    .points_per_hour = per_hour,
    .max_hours_per_activity = cap,
    .active = active,
  };
  g_autoptr (GError) error = NULL;
  gint64 id = yishi_points_save_rule (db, &rule, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static double
record (YishiDatabase *db,
        gint64         person,
        gint64         rule,
        double         hours,
        const char    *at)
{
  g_autoptr (GError) error = NULL;
  double points = -1;
  gint64 id = yishi_points_record (db, person, rule, hours, "社区志愿服务", at, &points, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return points;
}

static void
redeem (YishiDatabase *db,
        gint64         person,
        double         points,
        const char    *at)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (yishi_points_redeem (db, person, points, "兑换洗衣液", at, &error), >, 0);
  g_assert_no_error (error);
}

/* The ledger's sum, asked of SQLite directly. */
static double
ledger_sum (YishiDatabase *db,
            gint64         person)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (db, "SELECT total (points) FROM points_entry WHERE person_id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, person);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_double (stmt, 0);
}

static gint64
count (YishiDatabase *db,
       const char    *sql)
{
  return yishi_database_query_int (db, sql, -1);
}

static void
on_changed (YishiDatabase *db,
            const char    *table,
            gpointer       data)
{
  GPtrArray *tables = data;

  g_ptr_array_add (tables, g_strdup (table));
}

static gboolean
has_string (GPtrArray  *strings,
            const char *value)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
test_record (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("record.db", NULL);
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  gint64 person = add_person (db, "王秀英", 0, FALSE);
  gint64 capped = add_rule (db, "夜间巡逻", 1.5, 3, TRUE);
  gint64 uncapped = add_rule (db, "助老陪伴", 2, 0, TRUE);
  gint64 audits = count (db, "SELECT count(*) FROM audit_log WHERE table_name = 'points_entry'");
  YishiPointsEntry *entry;
  double points = -1;
  gint64 id;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), changed);

  /* Capped: 4 hours served, 3 counted at 1.5 an hour. */
  id = yishi_points_record (db, person, capped, 4, "巡逻到深夜", "2026-05-10T12:00:00Z", &points,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpfloat (points, ==, 4.5);
  g_assert_true (has_string (changed, "points_entry"));
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log WHERE table_name = 'points_entry'"),
                   ==, audits + 1);

  /* Under the cap: all hours count. */
  g_assert_cmpfloat (record (db, person, capped, 2, "2026-05-11T12:00:00Z"), ==, 3);
  g_assert_cmpfloat (record (db, person, capped, 3, "2026-05-12T12:00:00Z"), ==, 4.5);
  /* No cap: 10 hours at 2 an hour. */
  g_assert_cmpfloat (record (db, person, uncapped, 10, "2026-05-13T12:00:00Z"), ==, 20);
  g_assert_cmpfloat (record (db, person, uncapped, 0.5, "2026-05-14"), ==, 1);
  /* The output parameter may be NULL; "now" by default. */
  g_assert_cmpint (yishi_points_record (db, person, uncapped, 1, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 4.5 + 3 + 4.5 + 20 + 1 + 2);

  entries = yishi_points_entries (db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);
  /* Newest first: "now" (2026-08-01), then 05-14 (a local date: its start, in UTC) … */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->at, ==, NOW);
  g_assert_cmpstr (entry->description, ==, "");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->at, ==, "2026-05-13T16:00:00Z");
  /* … and the capped record keeps the hours served and the points credited. */
  entry = g_ptr_array_index (entries, 5);
  g_assert_cmpint (entry->id, ==, id);
  g_assert_cmpint (entry->person_id, ==, person);
  g_assert_cmpstr (entry->at, ==, "2026-05-10T12:00:00Z");
  g_assert_cmpstr (entry->kind, ==, "earn");
  g_assert_cmpstr (entry->rule, ==, "夜间巡逻");
  g_assert_cmpfloat (entry->hours, ==, 4);
  g_assert_cmpfloat (entry->points, ==, 4.5);
  g_assert_cmpstr (entry->description, ==, "巡逻到深夜");

  /* An entry's time with another zone is stored in UTC. */
  g_assert_cmpint (yishi_points_record (db, person, uncapped, 1, NULL, "2026-06-01T09:00:00+08:00",
                                        NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry"
                              " WHERE at = '2026-06-01T01:00:00Z'"), ==, 1);
}

static void
test_refusals (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("refusals.db", NULL);
  gint64 person = add_person (db, "李建国", 0, FALSE);
  gint64 gone = add_person (db, "赵敏", 0, FALSE);
  gint64 rule = add_rule (db, "环境整治", 1, 2, TRUE);
  gint64 retired = add_rule (db, "旧规则", 1, 0, FALSE);
  const double absurd[] = { 0, -1, -0.5, 24.01, 25, 1000, 1e300, NAN, INFINITY, -INFINITY };
  const char *bad_times[] = { "yesterday", "2026-13-01", "2026-02-30", "2026-05-10 12:00",
                              "2026-09-01T00:00:00Z", "1999-12-31T12:00:00Z" };
  g_autofree char *long_text = NULL;
  GString *text = g_string_new (NULL);

  record (db, person, rule, 2, "2026-05-01T01:00:00Z");
  record (db, gone, rule, 2, "2026-05-01T01:00:00Z");
  delete_person (db, gone);

  for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
    {
      g_autoptr (GError) error = NULL;
      double points = -1;

      g_assert_cmpint (yishi_points_record (db, person, rule, absurd[i], NULL, NULL, &points,
                                            &error), ==, 0);
      g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "24"));
      g_assert_cmpfloat (points, ==, -1);
    }
  /* 24 hours is the most, and allowed. */
  g_assert_cmpfloat (record (db, person, rule, 24, "2026-05-02T01:00:00Z"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (yishi_points_record (db, person, rule, 1, NULL, bad_times[i], NULL,
                                            &error), ==, 0);
      g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    }

  {
    g_autoptr (GError) error = NULL;

    g_assert_cmpint (yishi_points_record (db, person, retired, 1, NULL, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "active"));
    g_clear_error (&error);

    g_assert_cmpint (yishi_points_record (db, person, 99999, 1, NULL, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_clear_error (&error);

    /* Deleted people and people who never were get no new entries of any kind. */
    g_assert_cmpint (yishi_points_record (db, gone, rule, 1, NULL, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (yishi_points_redeem (db, gone, 1, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (yishi_points_adjust (db, gone, 1, "补录", NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (yishi_points_record (db, 424242, rule, 1, NULL, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
    g_clear_error (&error);

    /* A description too long. */
    for (int i = 0; i < 201; i++)
      g_string_append (text, "长");
    long_text = g_string_free (text, FALSE);
    g_assert_cmpint (yishi_points_record (db, person, rule, 1, long_text, NULL, NULL, &error), ==, 0);
    g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  }

  /* Nothing of the above was written. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry"), ==, 3);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 4);
  g_assert_cmpfloat (yishi_points_balance (db, gone), ==, 2);
}

static void
test_redeem (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("redeem.db", NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  gint64 person = add_person (db, "欧阳娜娜", 0, FALSE);
  gint64 other = add_person (db, "陈晨", 0, FALSE);
  gint64 rule = add_rule (db, "文明劝导", 2, 0, TRUE);
  const double silly[] = { 0, -5, 0.001, NAN, INFINITY, 1e9 };
  YishiPointsEntry *entry;
  gint64 id;

  record (db, person, rule, 5, "2026-05-01T01:00:00Z");  /* 10 */
  record (db, other, rule, 10, "2026-05-01T01:00:00Z");  /* 20: not the person's */

  /* More than the balance: refused, nothing written. */
  g_assert_cmpint (yishi_points_redeem (db, person, 11, "兑换米面油", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INSUFFICIENT);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (silly); i++)
    {
      g_assert_cmpint (yishi_points_redeem (db, person, silly[i], NULL, NULL, &error), ==, 0);
      g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
      g_clear_error (&error);
    }

  id = yishi_points_redeem (db, person, 4, "兑换理发服务", "2026-05-02T01:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 6);
  g_assert_cmpfloat (yishi_points_balance (db, other), ==, 20);

  entries = yishi_points_entries (db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->id, ==, id);
  g_assert_cmpstr (entry->kind, ==, "redeem");
  g_assert_cmpfloat (entry->points, ==, -4);
  g_assert_cmpfloat (entry->hours, ==, 0);
  g_assert_null (entry->rule);
  g_assert_cmpstr (entry->description, ==, "兑换理发服务");
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry WHERE kind = 'redeem'"
                              " AND hours IS NULL AND rule_id IS NULL AND points = -4"), ==, 1);

  /* Exactly the balance is allowed; then not a hundredth more. */
  redeem (db, person, 6, "2026-05-03T01:00:00Z");
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 0);
  g_assert_cmpint (yishi_points_redeem (db, person, 0.01, NULL, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INSUFFICIENT);
  g_clear_error (&error);
  /* Nobody at all has no balance. */
  g_assert_cmpint (yishi_points_redeem (db, add_person (db, "新人", 0, FALSE), 1, NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INSUFFICIENT);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry"), ==, 4);
}

static void
test_adjust (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("adjust.db", NULL);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  gint64 person = add_person (db, "张伟", 0, FALSE);
  gint64 rule = add_rule (db, "议事协商", 1, 2, TRUE);
  const char *no_reason[] = { NULL, "", "   ", "\t" };
  double sum = 0;

  record (db, person, rule, 1.5, "2026-04-01T01:00:00Z");   /* 1.5 */
  record (db, person, rule, 0.25, "2026-04-02T01:00:00Z");  /* 0.25 */

  for (guint i = 0; i < G_N_ELEMENTS (no_reason); i++)
    {
      g_assert_cmpint (yishi_points_adjust (db, person, 3, no_reason[i], NULL, &error), ==, 0);
      g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (yishi_points_adjust (db, person, 0, "无变化", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_points_adjust (db, person, NAN, "无变化", NULL, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 1.75);

  g_assert_cmpint (yishi_points_adjust (db, person, 3, "补录三月份服务", "2026-04-03T01:00:00Z",
                                        &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_points_adjust (db, person, -1.25, "重复登记", "2026-04-04T01:00:00Z",
                                        &error), >, 0);
  g_assert_no_error (error);
  redeem (db, person, 0.1, "2026-04-05T01:00:00Z");
  redeem (db, person, 0.2, "2026-04-06T01:00:00Z");

  entries = yishi_points_entries (db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);
  for (guint i = 0; i < entries->len; i++)
    sum += ((YishiPointsEntry *)g_ptr_array_index (entries, i))->points;
  g_assert_cmpstr (((YishiPointsEntry *)g_ptr_array_index (entries, 2))->kind, ==, "adjust");
  g_assert_cmpfloat (((YishiPointsEntry *)g_ptr_array_index (entries, 2))->points, ==, -1.25);
  g_assert_cmpstr (((YishiPointsEntry *)g_ptr_array_index (entries, 2))->description, ==, "重复登记");

  /* The balance is the ledger's sum, however it is added up. */
  g_assert_cmpfloat_with_epsilon (yishi_points_balance (db, person), sum, 1e-9);
  g_assert_cmpfloat_with_epsilon (yishi_points_balance (db, person), ledger_sum (db, person), 1e-9);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, 3.2);
  /* A correction may take the balance below zero (a credit given by mistake). */
  g_assert_cmpint (yishi_points_adjust (db, person, -5, "误记", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpfloat (yishi_points_balance (db, person), ==, -1.8);
  g_assert_cmpfloat (yishi_points_balance (db, 999999), ==, 0);
}

static void
test_rules (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("rules.db", NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) active = NULL;
  g_autoptr (GError) error = NULL;
  gint64 person = add_person (db, "刘洋", 0, FALSE);
  guint seeded;
  gint64 used, unused, id;
  YishiPointsRule rule = { 0 };
  YishiPointsRule *found = NULL;
  struct
  {
    const char *name;
    double per_hour, cap;
  } bad[] = {
    { NULL, 1, 0 }, { "", 1, 0 }, { "  ", 1, 0 },
    { "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", 1, 0 },
    { "负数", -1, 0 }, { "太多", 100.5, 0 }, { "非数", NAN, 0 },
    { "上限太小", 1, 0.25 }, { "上限太大", 1, 24.5 }, { "上限为负", 1, -1 }, { "上限非数", 1, NAN },
  };

  all = yishi_points_list_rules (db, FALSE, &error);
  g_assert_no_error (error);
  seeded = all->len; /* a new database has the usual rules */
  g_clear_pointer (&all, g_ptr_array_unref);

  used = add_rule (db, "楼道清洁", 1, 2, TRUE);
  unused = add_rule (db, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
                     100, 24, TRUE);
  add_rule (db, "不限时", 0, 0, TRUE);
  add_rule (db, "半小时", 1, 0.5, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      rule.name = (char *)bad[i].name;
      rule.points_per_hour = bad[i].per_hour;
      rule.max_hours_per_activity = bad[i].cap;
      rule.active = TRUE;
      g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, 0);
      g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* A duplicate name, also with spaces around it and also when renaming. */
  rule = (YishiPointsRule) { .name = (char *)"楼道清洁", .points_per_hour = 2, .active = TRUE };
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "楼道清洁"));
  g_clear_error (&error);
  rule.name = (char *)" 楼道清洁　";
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  rule.id = unused;
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);

  all = yishi_points_list_rules (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, seeded + 4);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Saving a rule under its own name changes it; cap 0 is stored as none. */
  rule = (YishiPointsRule) { .id = used, .name = (char *)" 楼道清洁 ", .points_per_hour = 3,
                             .max_hours_per_activity = 0, .active = TRUE };
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, used);
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_rule WHERE name = '楼道清洁'"
                              " AND points_per_hour = 3 AND max_hours_per_activity IS NULL"), ==, 1);
  g_assert_cmpfloat (record (db, person, used, 5, "2026-05-01T01:00:00Z"), ==, 15);

  /* A rule that was used cannot be deleted, only deactivated. */
  g_assert_false (yishi_points_delete_rule (db, used, &error));
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "deactivate"));
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_rule WHERE name = '楼道清洁'"), ==, 1);

  rule.active = FALSE;
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, used);
  g_assert_no_error (error);
  all = yishi_points_list_rules (db, FALSE, &error);
  g_assert_no_error (error);
  active = yishi_points_list_rules (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, seeded + 4);
  g_assert_cmpuint (active->len, ==, seeded + 3);
  for (guint i = 0; i < active->len; i++)
    {
      YishiPointsRule *r = g_ptr_array_index (active, i);

      g_assert_true (r->active);
      g_assert_cmpint (r->id, !=, used);
    }
  for (guint i = 0; i < all->len; i++)
    if (((YishiPointsRule *)g_ptr_array_index (all, i))->id == unused)
      found = g_ptr_array_index (all, i);
  g_assert_nonnull (found);
  g_assert_cmpfloat (found->points_per_hour, ==, 100);
  g_assert_cmpfloat (found->max_hours_per_activity, ==, 24);
  g_assert_true (found->active);
  /* The old entry keeps its rule's name. */
  {
    g_autoptr (GPtrArray) entries = yishi_points_entries (db, person, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((YishiPointsEntry *)g_ptr_array_index (entries, 0))->rule, ==, "楼道清洁");
  }

  /* An unused rule goes; a rule that does not exist cannot. */
  g_assert_true (yishi_points_delete_rule (db, unused, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_rule"), ==, seeded + 3);
  g_assert_false (yishi_points_delete_rule (db, unused, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Changing a rule that is gone. */
  rule = (YishiPointsRule) { .id = unused, .name = (char *)"已删除", .points_per_hour = 1 };
  g_assert_cmpint (yishi_points_save_rule (db, &rule, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* All of it audited. */
  id = count (db, "SELECT count(*) FROM audit_log WHERE table_name = 'points_rule'");
  g_assert_cmpint (id, ==, 4 + 2 + 1);
}

static void
test_levels (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("levels.db", NULL);
  g_autoptr (GPtrArray) levels = NULL;
  g_autoptr (GError) error = NULL;
  YishiPointsLevel level = { 0 };
  gint64 bronze, diamond;
  char *name;
  struct
  {
    double balance;
    const char *level;
  } cases[] = {
    { -3, NULL }, { 0, NULL }, { 19.99, NULL }, { 20, "铜牌" }, { 49.5, "铜牌" }, { 50, "银牌" },
    { 99.99, "银牌" }, { 100, "金牌" }, { 499, "金牌" }, { 500, "钻石" }, { 1e6, "钻石" },
  };

  /* Start from nothing of the seeded levels. */
  g_assert_true (yishi_database_exec (db, "DELETE FROM points_level", NULL));
  name = yishi_points_level_for (db, 1000);
  g_assert_null (name);

  level = (YishiPointsLevel) { .name = (char *)"金牌", .threshold = 100 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), >, 0);
  g_assert_no_error (error);
  level = (YishiPointsLevel) { .name = (char *)"铜牌", .threshold = 20 };
  bronze = yishi_points_save_level (db, &level, &error);
  g_assert_no_error (error);
  level = (YishiPointsLevel) { .name = (char *)"银牌", .threshold = 50 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), >, 0);
  g_assert_no_error (error);
  level = (YishiPointsLevel) { .name = (char *)"钻石", .threshold = 500 };
  diamond = yishi_points_save_level (db, &level, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = yishi_points_level_for (db, cases[i].balance);

      g_assert_cmpstr (got, ==, cases[i].level);
    }

  levels = yishi_points_list_levels (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 4);
  g_assert_cmpstr (((YishiPointsLevel *)g_ptr_array_index (levels, 0))->name, ==, "铜牌");
  g_assert_cmpfloat (((YishiPointsLevel *)g_ptr_array_index (levels, 0))->threshold, ==, 20);
  g_assert_cmpstr (((YishiPointsLevel *)g_ptr_array_index (levels, 3))->name, ==, "钻石");
  g_clear_pointer (&levels, g_ptr_array_unref);

  /* Unique names and thresholds; thresholds not negative. */
  level = (YishiPointsLevel) { .name = (char *)"银牌", .threshold = 70 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  level = (YishiPointsLevel) { .name = (char *)"白银", .threshold = 50 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "银牌"));
  g_clear_error (&error);
  level = (YishiPointsLevel) { .name = (char *)"负数", .threshold = -1 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  level = (YishiPointsLevel) { .name = (char *)"", .threshold = 10 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  level = (YishiPointsLevel) { .name = (char *)"非数", .threshold = NAN };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, 0);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);

  /* A level may keep its own name and threshold when changed. */
  level = (YishiPointsLevel) { .id = bronze, .name = (char *)"铜牌", .threshold = 10 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, bronze);
  g_assert_no_error (error);
  name = yishi_points_level_for (db, 15);
  g_assert_cmpstr (name, ==, "铜牌");
  g_free (name);
  level = (YishiPointsLevel) { .id = bronze, .name = (char *)"青铜", .threshold = 10 };
  g_assert_cmpint (yishi_points_save_level (db, &level, &error), ==, bronze);
  g_assert_no_error (error);
  name = yishi_points_level_for (db, 15);
  g_assert_cmpstr (name, ==, "青铜");
  g_free (name);

  g_assert_true (yishi_points_delete_level (db, diamond, &error));
  g_assert_no_error (error);
  name = yishi_points_level_for (db, 1e6);
  g_assert_cmpstr (name, ==, "金牌");
  g_free (name);
  g_assert_false (yishi_points_delete_level (db, diamond, &error));
  g_assert_nonnull (error);
}

static YishiPointsStanding *
standing_of (GPtrArray *standings,
             gint64     person)
{
  for (guint i = 0; i < standings->len; i++)
    {
      YishiPointsStanding *s = g_ptr_array_index (standings, i);

      if (s->person_id == person)
        return s;
    }
  return NULL;
}

static void
test_quarter (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("quarter.db", NULL);
  g_autoptr (GPtrArray) q1 = NULL;
  g_autoptr (GPtrArray) q2 = NULL;
  g_autoptr (GPtrArray) q3 = NULL;
  g_autoptr (GError) error = NULL;
  gint64 grid = add_grid (db, "第一网格");
  gint64 rule = add_rule (db, "按小时", 1, 0, TRUE);
  gint64 a = add_person (db, "王芳", grid, TRUE);
  gint64 b = add_person (db, "李娜", 0, FALSE);
  gint64 b2 = add_person (db, "刘强", grid, FALSE);
  gint64 c = add_person (db, "孙丽", grid, FALSE);
  gint64 d = add_person (db, "周杰", 0, FALSE);
  gint64 e = add_person (db, "吴静", 0, FALSE);
  gint64 idle = add_person (db, "郑浩", 0, FALSE);
  YishiPointsStanding *s;
  YishiPointsLevel bronze = { .name = (char *)"入门", .threshold = 5 };

  g_assert_cmpint (yishi_points_save_level (db, &bronze, &error), >, 0);
  g_assert_no_error (error);

  /* A: the last second of Q1 in Shanghai, then the first hours of Q2. */
  record (db, a, rule, 4, "2026-03-31T15:59:59Z");          /* 03-31 23:59:59 local: Q1 */
  record (db, a, rule, 6, "2026-03-31T17:00:00Z");          /* 04-01 01:00 local: Q2 */
  redeem (db, a, 2, "2026-04-10T02:00:00Z");
  record (db, a, rule, 20, "2026-07-01T00:00:00Z");         /* Q3: after Q2's end */
  /* B and B2: the same balance in Q2, so by name. */
  record (db, b, rule, 8, "2026-03-31T16:00:00Z");          /* exactly 04-01 00:00 local */
  record (db, b2, rule, 8, "2026-06-30T15:59:59Z");         /* 06-30 23:59:59 local: Q2 */
  /* C: deleted from the registry, not listed. */
  record (db, c, rule, 9, "2026-05-01T00:00:00Z");
  delete_person (db, c);
  /* D: earned and spent everything in Q1. */
  record (db, d, rule, 2, "2026-01-05T00:00:00Z");
  redeem (db, d, 2, "2026-02-05T00:00:00Z");
  /* E: a balance from last year, nothing since. */
  record (db, e, rule, 3, "2025-11-05T00:00:00Z");
  (void)idle;

  q1 = yishi_points_quarter (db, 2026, 1, &error);
  g_assert_no_error (error);
  q2 = yishi_points_quarter (db, 2026, 2, &error);
  g_assert_no_error (error);
  q3 = yishi_points_quarter (db, 2026, 3, &error);
  g_assert_no_error (error);

  /* Q1: A 4, E 3, D 0 (had entries). */
  g_assert_cmpuint (q1->len, ==, 3);
  s = g_ptr_array_index (q1, 0);
  g_assert_cmpint (s->person_id, ==, a);
  g_assert_cmpfloat (s->earned, ==, 4);
  g_assert_cmpfloat (s->redeemed, ==, 0);
  g_assert_cmpfloat (s->balance, ==, 4);
  g_assert_null (s->level);
  g_assert_cmpint (((YishiPointsStanding *)g_ptr_array_index (q1, 1))->person_id, ==, e);
  s = g_ptr_array_index (q1, 2);
  g_assert_cmpint (s->person_id, ==, d);
  g_assert_cmpfloat (s->earned, ==, 2);
  g_assert_cmpfloat (s->redeemed, ==, 2);
  g_assert_cmpfloat (s->balance, ==, 0);
  g_assert_null (standing_of (q1, b));
  g_assert_null (standing_of (q1, c));

  /* Q2: B 8 and B2 8 (by name: 刘 U+5218 before 李 U+674E), A 8, E 3. */
  g_assert_cmpuint (q2->len, ==, 4);
  g_assert_null (standing_of (q2, c));
  g_assert_null (standing_of (q2, d));
  g_assert_null (standing_of (q2, idle));
  s = g_ptr_array_index (q2, 0);
  g_assert_cmpint (s->person_id, ==, b2);
  g_assert_cmpstr (s->name, ==, "刘强");
  g_assert_cmpstr (s->grid, ==, "第一网格");
  g_assert_false (s->public_name_consent);
  s = g_ptr_array_index (q2, 1);
  g_assert_cmpint (s->person_id, ==, b);
  g_assert_cmpfloat (s->earned, ==, 8);
  g_assert_null (s->grid);
  s = g_ptr_array_index (q2, 2);
  g_assert_cmpint (s->person_id, ==, a);
  g_assert_cmpstr (s->name, ==, "王芳");
  g_assert_true (s->public_name_consent);
  g_assert_cmpfloat (s->earned, ==, 6);
  g_assert_cmpfloat (s->redeemed, ==, 2);
  g_assert_cmpfloat (s->balance, ==, 8);        /* 4 + 6 - 2, not the 20 of Q3 */
  g_assert_cmpstr (s->level, ==, "入门");
  s = g_ptr_array_index (q2, 3);
  g_assert_cmpint (s->person_id, ==, e);
  g_assert_cmpfloat (s->earned, ==, 0);
  g_assert_cmpfloat (s->redeemed, ==, 0);
  g_assert_cmpfloat (s->balance, ==, 3);
  g_assert_null (s->level);

  /* Q3: A has 28 now. */
  s = g_ptr_array_index (q3, 0);
  g_assert_cmpint (s->person_id, ==, a);
  g_assert_cmpfloat (s->balance, ==, 28);
  g_assert_cmpfloat (s->earned, ==, 20);
  g_assert_cmpstr (s->level, ==, "入门");

  /* Not quarters. */
  g_clear_pointer (&q1, g_ptr_array_unref);
  q1 = yishi_points_quarter (db, 2026, 0, &error);
  g_assert_null (q1);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  q1 = yishi_points_quarter (db, 2026, 5, &error);
  g_assert_null (q1);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  q1 = yishi_points_quarter (db, 1999, 4, &error);
  g_assert_null (q1);
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_clear_error (&error);
  /* A quarter without anything is empty but for balances carried into it. */
  q1 = yishi_points_quarter (db, 2020, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (q1->len, ==, 0);
}

/* Many people and entries: the standings agree with the ledger and come quickly. */
static void
test_quarter_scale (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("scale.db", NULL);
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (GError) error = NULL;
  gint64 rule = add_rule (db, "批量", 1, 0, TRUE);
  g_autofree char *sql = NULL;
  gint64 started;
  double total = 0;

  /* 2,000 people (every tenth one deleted), 10,000 entries over 2025–2026. */
  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
    " INSERT INTO person (uuid, name, created_at, updated_at, deleted_at)"
    " SELECT 'p' || i, '居民' || i, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
    "  CASE WHEN i %% 10 = 0 THEN '2026-01-01T00:00:00Z' END FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
    " INSERT INTO points_entry (uuid, person_id, at, kind, rule_id, hours, points)"
    " SELECT 'e' || i, (SELECT min (id) FROM person) + (i * 7919) %% 2000,"
    "  strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2025-01-01', '+' || (i * 613 %% 570) || ' days',"
    "           '+' || (i %% 86400) || ' seconds'),"
    "  'earn', %" G_GINT64_FORMAT ", 1 + i %% 3, 1 + i %% 3 FROM n;"
    "COMMIT;", rule);
  g_assert_true (yishi_database_exec (db, sql, &error));
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  standings = yishi_points_quarter (db, 2026, 2, &error);
  g_assert_no_error (error);
  g_test_message ("quarter standings of %u people in %.1f ms", standings->len,
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpuint (standings->len, ==,
                    count (db, "SELECT count(DISTINCT e.person_id) FROM points_entry e"
                               " JOIN person p ON p.id = e.person_id AND p.deleted_at IS NULL"
                               " WHERE e.at < '2026-06-30T16:00:00'"));
  for (guint i = 0; i < standings->len; i++)
    {
      YishiPointsStanding *s = g_ptr_array_index (standings, i);

      total += s->balance;
      if (i > 0)
        g_assert_cmpfloat (((YishiPointsStanding *)g_ptr_array_index (standings, i - 1))->balance,
                           >=, s->balance);
    }
  g_assert_cmpfloat (total, ==,
                     (double)count (db, "SELECT sum (e.points) FROM points_entry e"
                                        " JOIN person p ON p.id = e.person_id"
                                        " AND p.deleted_at IS NULL"
                                        " WHERE e.at < '2026-06-30T16:00:00'"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("YISHI_NOW", NOW, TRUE);
  g_setenv ("TZ", "Asia/Shanghai", TRUE); /* quarters are Shanghai's */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/points/record", test_record);
  g_test_add_func ("/points/refusals", test_refusals);
  g_test_add_func ("/points/redeem", test_redeem);
  g_test_add_func ("/points/adjust", test_adjust);
  g_test_add_func ("/points/rules", test_rules);
  g_test_add_func ("/points/levels", test_levels);
  g_test_add_func ("/points/quarter", test_quarter);
  g_test_add_func ("/points/quarter-scale", test_quarter_scale);

  return g_test_run ();
}
