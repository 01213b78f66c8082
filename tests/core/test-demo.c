/* test-demo.c — the demo generator: deterministic, the right size, realistic and valid.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-demo.h"
#include "yishi-search.h"

#define TODAY "2026-12-01"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "demo", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  double last;
  guint calls;
  GCancellable *cancel_at_half;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
  if (progress->cancel_at_half != NULL && fraction >= 0.5)
    g_cancellable_cancel (progress->cancel_at_half);
}

static YishiDatabase *
generate (const char *name,
          guint32     seed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path (name);
  Progress progress = { 0 };
  YishiDatabase *db;

  g_assert_true (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, seed, TODAY, on_progress,
                                      &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >, 1);
  g_assert_cmpfloat (progress.last, ==, 1.0);

  db = yishi_database_open (path, YISHI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
count (YishiDatabase *db,
       const char    *sql)
{
  gint64 n = yishi_database_query_int (db, sql, -1);

  g_assert_cmpint (n, >=, 0);
  return n;
}

static void
test_scale_names (void)
{
  YishiDemoScale scale = YISHI_DEMO_SCALE_DISTRICT;
  YishiDemoTargets targets;

  g_assert_true (yishi_demo_scale_from_string ("community", &scale));
  g_assert_cmpint (scale, ==, YISHI_DEMO_SCALE_COMMUNITY);
  g_assert_true (yishi_demo_scale_from_string ("street", &scale));
  g_assert_cmpint (scale, ==, YISHI_DEMO_SCALE_STREET);
  g_assert_true (yishi_demo_scale_from_string ("district", &scale));
  g_assert_cmpint (scale, ==, YISHI_DEMO_SCALE_DISTRICT);
  g_assert_false (yishi_demo_scale_from_string ("city", &scale));
  g_assert_false (yishi_demo_scale_from_string (NULL, &scale));

  yishi_demo_get_targets (YISHI_DEMO_SCALE_STREET, &targets);
  g_assert_cmpint (targets.people, ==, 60000);
  g_assert_cmpint (targets.issues, ==, 15000);
  g_assert_cmpint (targets.meetings, ==, 600);
  yishi_demo_get_targets (YISHI_DEMO_SCALE_DISTRICT, &targets);
  g_assert_cmpint (targets.people, ==, 1000000);
  g_assert_cmpint (targets.issues, ==, 200000);
  g_assert_cmpint (targets.meetings, ==, 6000);
}

static void
test_determinism (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) a = generate ("a.db", 7);
  g_autoptr (YishiDatabase) b = generate ("b.db", 7);
  g_autoptr (YishiDatabase) c = generate ("c.db", 8);
  g_autofree char *digest_a = yishi_database_content_digest (a, &error);
  g_autofree char *digest_b = yishi_database_content_digest (b, &error);
  g_autofree char *digest_c = yishi_database_content_digest (c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);
}

static void
test_sizes (void)
{
  g_autoptr (YishiDatabase) db = generate ("sizes.db", 7);
  YishiDemoTargets targets;
  gint64 people = yishi_database_count (db, "person");

  yishi_demo_get_targets (YISHI_DEMO_SCALE_COMMUNITY, &targets);
  g_assert_cmpint (people, >=, targets.people * 95 / 100);
  g_assert_cmpint (people, <=, targets.people * 105 / 100);
  g_assert_cmpint (yishi_database_count (db, "issue"), ==, 1500);
  g_assert_cmpint (yishi_database_count (db, "meeting"), ==, 60);
  g_assert_cmpint (yishi_database_count (db, "community"), ==, 1);
  g_assert_cmpint (yishi_database_count (db, "household"), >, 0);
  g_assert_cmpint (yishi_database_count (db, "building"), >, 0);
  g_assert_cmpint (yishi_database_count (db, "grid"), >, 0);
  g_assert_cmpint (yishi_database_count (db, "unit"), >, 0);
  g_assert_cmpint (yishi_database_count (db, "audit_log"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log WHERE action = 'bulk'"
                              " AND table_name = 'demo' AND json_extract (after_json, '$.seed') = 7"
                              " AND json_extract (after_json, '$.today') = '" TODAY "'"), ==, 1);
  /* About 2.7 people a household, one current residence each. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM residence WHERE end_date IS NULL"), ==, people);
  g_assert_cmpint (count (db, "SELECT count(*) * 10 FROM person") /
                   count (db, "SELECT count(DISTINCT household_id) FROM person"), >=, 24);
}

static void
assert_all_occur (YishiDatabase      *db,
                  const char         *table,
                  const char         *column,
                  const char *const  *values)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'", table,
                                              column, values[i]);

      if (count (db, sql) == 0)
        g_error ("no %s.%s = %s", table, column, values[i]);
    }
}

/* Every ID number has its GB 11643-1999 check digit, the birth date and the sex. */
static void
assert_id_numbers (YishiDatabase *db)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint checked = 0;

  stmt = yishi_database_prepare (db, "SELECT id_number, birth_date, gender FROM person"
                                 " WHERE id_number IS NOT NULL", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      const char *birth = (const char *)sqlite3_column_text (stmt, 1);
      const char *gender = (const char *)sqlite3_column_text (stmt, 2);
      char date[9];
      int sum = 0;

      g_assert_cmpint (strlen (id), ==, 18);
      for (int i = 0; i < 17; i++)
        {
          g_assert_true (g_ascii_isdigit (id[i]));
          sum += (id[i] - '0') * weights[i];
        }
      g_assert_cmpint (id[17], ==, "10X98765432"[sum % 11]);
      g_snprintf (date, sizeof date, "%.4s%.2s%.2s", birth, birth + 5, birth + 8);
      g_assert_cmpint (strncmp (id + 6, date, 8), ==, 0);
      g_assert_cmpstr (gender, ==, (id[16] - '0') % 2 ? "male" : "female");
      checked++;
    }
  g_assert_cmpuint (checked, >, 4000);
}

static void
test_coverage (void)
{
  static const char *const states[] = {
    "received", "triaged", "dispatched", "in_progress", "answered", "in_deliberation",
    "publicised", "implementing", "visited", "closed", "rejected", "merged", NULL
  };
  static const char *const routes[] = {
    "immediate", "community_office", "council", "street_workstation", "transfer", "rejected",
    "merged", NULL
  };
  static const char *const channels[] = {
    "phone", "visit", "letter", "wechat", "hotline_12345", "door_to_door", "suggestion_box",
    "questionnaire", "forum", "grid_patrol", "online", NULL
  };
  static const char *const forms[] = {
    "council", "democratic_forum", "hearing", "appraisal", "residents_forum", "round_table",
    "bench_meeting", "evening_talk", "online", NULL
  };
  static const char *const categories[] = { "direct", "in_service", "floating", "retired", NULL };
  static const char *const meeting_states[] = { "held", "planned", "cancelled", NULL };
  static const char *const words[] = { "漏水", "停车", "电梯", "垃圾分类", "噪音", "绿化", "路灯",
                                       "充电桩" };
  g_autoptr (YishiDatabase) db = generate ("coverage.db", 7);
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  assert_all_occur (db, "issue", "state", states);
  assert_all_occur (db, "issue", "route", routes);
  assert_all_occur (db, "issue", "channel", channels);
  assert_all_occur (db, "meeting", "form", forms);
  assert_all_occur (db, "meeting", "state", meeting_states);
  assert_all_occur (db, "party_membership", "category", categories);

  g_assert_true (yishi_database_check (db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");

  /* Names and ID numbers. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE substr (name, 1, 2) IN ('欧阳',"
                              " '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '慕容', '夏侯',"
                              " '令狐')"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE length (name) = 2"), >, 500);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE id_number IS NULL"), >, 0);
  assert_id_numbers (db);

  /* Matters: merged ones point at an earlier matter, serials follow the year. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue i WHERE state = 'merged' AND NOT EXISTS"
                              " (SELECT 1 FROM issue t WHERE t.id = i.merged_into_id"
                              " AND t.id < i.id AND t.state <> 'merged')"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue WHERE serial NOT GLOB"
                              " substr (received_at, 1, 4) || '-[0-9][0-9][0-9][0-9]*'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue_serial s WHERE last_number <> (SELECT"
                              " count(*) FROM issue WHERE substr (serial, 1, 4) = s.year || '')"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue WHERE state NOT IN ('closed',"
                              " 'rejected', 'merged') AND deadline < '" TODAY "'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue WHERE (state = 'closed')"
                              " <> (closed_at IS NOT NULL)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue i WHERE (SELECT to_state FROM"
                              " issue_event e WHERE e.issue_id = i.id AND e.kind <> 'chase'"
                              " ORDER BY at DESC, id DESC LIMIT 1) <> i.state"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue_event a JOIN issue_event b"
                              " ON b.issue_id = a.issue_id AND b.id = a.id + 1"
                              " WHERE b.at <= a.at"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM satisfaction WHERE rating IS NULL"), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *match = yishi_search_match_query (words[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM issue_fts WHERE issue_fts"
                                              " MATCH '%s'", match);

      if (count (db, sql) == 0)
        g_error ("no matter found by searching %s", words[i]);
    }
  g_assert_cmpint (count (db, "SELECT count(*) FROM issue_event WHERE kind = 'reopen'"), >, 0);

  /* Meetings: publicity for at least seven days, votes within those present. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item WHERE publicity_start IS NOT NULL"),
                   >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item WHERE publicity_start IS NOT NULL"
                              " AND julianday (publicity_end) - julianday (publicity_start) < 6"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM agenda_item a WHERE votes_for + votes_against"
                              " + votes_abstain > (SELECT count(*) FROM meeting_participant p"
                              " WHERE p.meeting_id = a.meeting_id AND attendance = 'present')"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM (SELECT meeting_id FROM meeting_participant"
                              " GROUP BY meeting_id HAVING count(*) NOT BETWEEN 8 AND 20)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM vote WHERE floor_area IS NOT NULL"), >, 0);

  /* Points: the ledger never goes below zero. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry WHERE kind = 'redeem'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM points_entry e WHERE (SELECT sum (points)"
                              " FROM points_entry f WHERE f.person_id = e.person_id"
                              " AND f.id <= e.id) < 0"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM award WHERE kind = 'typical_case'"
                              " AND issue_id IS NOT NULL"), >, 0);
}

static void
test_existing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path ("existing.db");
  g_autofree char *after = NULL;
  const char *before = "not a database, but somebody's file\n";
  gsize length;

  g_assert_true (g_file_set_contents (path, before, -1, &error));
  g_assert_false (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 1, TODAY, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpmem (after, length, before, strlen (before));
}

static void
assert_no_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

static void
test_cancel (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path ("cancelled.db");
  Progress progress = { 0 };

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_false (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 1, TODAY, NULL, NULL,
                                       cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_files (path);
  g_clear_error (&error);

  /* Cancelled halfway through. */
  g_cancellable_reset (cancellable);
  progress.cancel_at_half = cancellable;
  g_assert_false (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 1, TODAY, on_progress,
                                       &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, >=, 0.5);
  assert_no_files (path);
}

static void
test_bad_day (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = temp_path ("bad-day.db");

  g_assert_false (yishi_demo_generate (path, YISHI_DEMO_SCALE_COMMUNITY, 1, "2026-02-30", NULL,
                                       NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_no_files (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo/scale-names", test_scale_names);
  g_test_add_func ("/demo/determinism", test_determinism);
  g_test_add_func ("/demo/sizes", test_sizes);
  g_test_add_func ("/demo/coverage", test_coverage);
  g_test_add_func ("/demo/existing-file", test_existing_file);
  g_test_add_func ("/demo/cancel", test_cancel);
  g_test_add_func ("/demo/bad-day", test_bad_day);

  return g_test_run ();
}
