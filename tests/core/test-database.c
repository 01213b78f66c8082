/* test-database.c — opening, migrating, refusing bad files, audited writes, backups.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "yishi-backups.h"
#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-database.h"
#include "yishi-test-utils.h"


static GBytes *
read_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static YishiDatabase *
create_with_community (const char *path,
                       const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiCommunity) community = yishi_community_new ();
  YishiDatabase *db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_free (community->name);
  community->name = g_strdup (name);
  g_assert_true (yishi_community_save (db, community, &error));
  g_assert_no_error (error);
  return db;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Opening @path must fail with @code and leave the file byte-identical. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr (GBytes) before = read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = NULL;

  db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, YISHI_DATABASE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_create (void)
{
  g_autofree char *path = yishi_test_path ("create.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = NULL;
  struct stat st;

  db = yishi_database_open (path, YISHI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_clear_error (&error);

  db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (yishi_database_query_int (db, "PRAGMA application_id", 0), ==, YISHI_APPLICATION_ID);
  g_assert_cmpint (yishi_database_query_int (db, "PRAGMA foreign_keys", 0), ==, 1);
  g_assert_cmpint (yishi_database_query_int (db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", 0), ==, 1);
  g_assert_cmpint (yishi_database_query_int (db, "PRAGMA synchronous", 0), ==, 2);
  /* Reference data came with the schema; holidays of 2025 and 2026 as published. */
  g_assert_cmpint (yishi_database_count (db, "holiday"), ==, 72);
  g_assert_cmpint (yishi_database_count (db, "category"), >, 5);
  g_assert_cmpint (yishi_database_count (db, "deadline_rule"), ==, 6);
  g_assert_cmpint (yishi_database_count (db, "community"), ==, 0);
  /* Every table that a sync export carries has a uuid. */
  g_assert_cmpint (yishi_database_query_int (db,
                                             "SELECT count(*) FROM sqlite_master m WHERE type = 'table'"
                                             " AND name NOT IN ('audit_log', 'setting', 'issue_serial')"
                                             " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'issue_fts%' AND NOT EXISTS (SELECT 1 FROM"
                                             " pragma_table_info (m.name) WHERE name = 'uuid')",
                                             -1),
                   ==, 0);
}

static void
test_reopen (void)
{
  g_autofree char *path = yishi_test_path ("reopen.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = create_with_community (path, "幸福里社区");
  g_autoptr (YishiCommunity) community = NULL;
  gint64 holidays = yishi_database_count (db, "holiday");

  g_clear_object (&db);
  db = yishi_database_open (path, YISHI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Migrations do not run twice. */
  g_assert_cmpint (yishi_database_count (db, "holiday"), ==, holidays);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  community = yishi_community_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (community->name, ==, "幸福里社区");
}

static void
test_read_only_open (void)
{
  g_autofree char *path = yishi_test_path ("ro.db");
  g_autoptr (YishiDatabase) db = create_with_community (path, "A");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiValues) values = yishi_values_new ();

  g_clear_object (&db);
  db = yishi_database_open (path, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_database_is_read_only (db));
  yishi_values_set_text (values, "name", "B");
  g_assert_false (yishi_database_update (db, "community", 1, values, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY);
}

static void
test_not_sqlite (void)
{
  g_autofree char *path = yishi_test_path ("notes.db");

  g_assert_true (g_file_set_contents (path, "会议记录\nnot a database at all\n", -1, NULL));
  assert_refused (path, YISHI_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_empty_file (void)
{
  g_autofree char *path = yishi_test_path ("empty.db");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, YISHI_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_other_program (void)
{
  g_autofree char *path = yishi_test_path ("other.db");

  raw_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (path, YISHI_DATABASE_ERROR_NOT_DATABASE);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = yishi_test_path ("readonly.db");
  g_autoptr (YishiDatabase) db = create_with_community (path, "A");

  g_clear_object (&db);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_refused (path, YISHI_DATABASE_ERROR_READ_ONLY);
  g_chmod (path, 0600);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = yishi_test_path ("locked");
  g_autofree char *path = g_build_filename (dir, "yishi.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autoptr (YishiDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = create_with_community (path, "A");
  g_clear_object (&db);
  /* Fold the WAL back so that nothing beside the file is needed. */
  raw_exec (path, "PRAGMA journal_mode = DELETE;");
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  assert_refused (path, YISHI_DATABASE_ERROR_READ_ONLY);
  db = yishi_database_open (fresh, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_chmod (dir, 0700);
}

static void
test_corrupt (void)
{
  g_autofree char *path = yishi_test_path ("corrupt.db");
  g_autoptr (YishiDatabase) db = create_with_community (path, "A");
  g_autofree char *data = NULL;
  gsize size;

  g_clear_object (&db);
  raw_exec (path, "PRAGMA journal_mode = DELETE;");
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, 4096 * 8);
  /* Scribble over the b-tree pages after the first, keeping the header intact. */
  for (gsize i = 4096; i < size; i += 4096)
    memset (data + i, 0x5a, 64);
  g_assert_true (g_file_set_contents (path, data, size, NULL));

  assert_refused (path, YISHI_DATABASE_ERROR_CORRUPT);
}

static void
test_too_new (void)
{
  g_autofree char *path = yishi_test_path ("newer.db");
  g_autoptr (YishiDatabase) db = create_with_community (path, "A");
  g_autoptr (GError) error = NULL;

  g_clear_object (&db);
  raw_exec (path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
  assert_refused (path, YISHI_DATABASE_ERROR_TOO_NEW);

  db = yishi_database_open (path, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_TOO_NEW);
}

static gint64
audit_rows (YishiDatabase *db,
            const char    *action)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (db, "SELECT count(*) FROM audit_log WHERE action = ?", NULL);

  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
count_signal (YishiDatabase *db,
              const char    *table,
              int           *count)
{
  g_assert_cmpstr (table, ==, "organisation");
  (*count)++;
}

static void
test_audit (void)
{
  g_autofree char *path = yishi_test_path ("audit.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int changed = 0;
  gint64 id;

  g_assert_no_error (error);
  yishi_database_set_actor (db, "王小明");
  g_signal_connect (db, "changed::organisation", G_CALLBACK (count_signal), &changed);

  yishi_values_set_text (values, "kind", "property_company");
  yishi_values_set_text (values, "name", "安居物业");
  id = yishi_database_insert (db, "organisation", values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (audit_rows (db, "insert"), ==, 1);

  yishi_values_set_text (values, "name", "安居物业服务有限公司");
  g_assert_true (yishi_database_update (db, "organisation", id, values, &error));
  g_assert_cmpint (changed, ==, 2);
  g_assert_cmpint (audit_rows (db, "update"), ==, 1);

  /* A refused write leaves neither the row nor an audit row, and emits nothing. */
  yishi_values_set_text (values, "kind", "no_such_kind");
  g_assert_false (yishi_database_update (db, "organisation", id, values, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (audit_rows (db, "update"), ==, 1);
  g_assert_cmpint (changed, ==, 2);

  g_assert_false (yishi_database_update (db, "organisation", id + 100, values, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  stmt = yishi_database_prepare (db,
                                 "SELECT a.actor, a.row_uuid = o.uuid, json_extract (a.before_json, '$.name'),"
                                 " json_extract (a.after_json, '$.name') FROM audit_log a, organisation o"
                                 " WHERE a.action = 'update'",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "王小明");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "安居物业");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==, "安居物业服务有限公司");
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_true (yishi_database_delete (db, "organisation", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (db, "delete"), ==, 1);
  g_assert_cmpint (yishi_database_count (db, "organisation"), ==, 0);
  g_assert_cmpint (changed, ==, 3);
}

static void
test_nested_transaction (void)
{
  g_autofree char *path = yishi_test_path ("nested.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_autoptr (YishiValues) values = yishi_values_new ();
  int changed = 0;

  g_signal_connect (db, "changed::organisation", G_CALLBACK (count_signal), &changed);
  yishi_values_set_text (values, "kind", "area_unit");

  g_assert_true (yishi_database_begin (db, &error));
  yishi_values_set_text (values, "name", "一");
  g_assert_cmpint (yishi_database_insert (db, "organisation", values, &error), >, 0);
  yishi_values_set_text (values, "name", "二");
  g_assert_cmpint (yishi_database_insert (db, "organisation", values, &error), >, 0);
  /* Nothing is announced before the outer commit, and then once per table. */
  g_assert_cmpint (changed, ==, 0);
  g_assert_true (yishi_database_commit (db, &error));
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (yishi_database_count (db, "organisation"), ==, 2);

  g_assert_true (yishi_database_begin (db, &error));
  yishi_values_set_text (values, "name", "三");
  g_assert_cmpint (yishi_database_insert (db, "organisation", values, &error), >, 0);
  yishi_database_rollback (db);
  g_assert_cmpint (yishi_database_count (db, "organisation"), ==, 2);
  g_assert_cmpint (audit_rows (db, "insert"), ==, 2);
  g_assert_cmpint (changed, ==, 1);
}

static void
test_backup_restore (void)
{
  g_autofree char *path = yishi_test_path ("live.db");
  g_autofree char *backup = yishi_test_path ("live-backup.db");
  g_autofree char *folder = yishi_test_path ("safety");
  g_autoptr (YishiDatabase) db = create_with_community (path, "原来的社区");
  g_autoptr (YishiCommunity) community = NULL;
  g_autoptr (YishiDatabase) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *digest_before = NULL;
  g_autofree char *digest_after = NULL;

  g_assert_true (yishi_database_backup (db, backup, &error));
  g_assert_no_error (error);
  digest_before = yishi_database_content_digest (db, &error);

  community = yishi_community_load (db, &error);
  g_free (community->name);
  community->name = g_strdup ("改过的社区");
  g_assert_true (yishi_community_save (db, community, &error));
  g_clear_pointer (&community, yishi_community_free);

  g_assert_true (yishi_database_restore (db, backup, folder, &safety, &error));
  g_assert_no_error (error);
  community = yishi_community_load (db, &error);
  g_assert_cmpstr (community->name, ==, "原来的社区");
  digest_after = yishi_database_content_digest (db, &error);
  g_assert_cmpstr (digest_before, ==, digest_after);

  /* The data as it was before the restore is kept. */
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  copy = yishi_database_open (safety, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&community, yishi_community_free);
  community = yishi_community_load (copy, &error);
  g_assert_cmpstr (community->name, ==, "改过的社区");
}

static void
test_restore_refuses_bad_file (void)
{
  g_autofree char *path = yishi_test_path ("keep.db");
  g_autofree char *bad = yishi_test_path ("bad-backup.db");
  g_autofree char *folder = yishi_test_path ("safety-bad");
  g_autoptr (YishiDatabase) db = create_with_community (path, "留着");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = yishi_database_content_digest (db, NULL);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (bad, "PK\003\004 a spreadsheet", -1, NULL));
  g_assert_false (yishi_database_restore (db, bad, folder, NULL, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE);
  after = yishi_database_content_digest (db, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_daily_backups (void)
{
  g_autofree char *path = yishi_test_path ("daily.db");
  g_autofree char *folder = yishi_test_path ("daily-backups");
  g_autoptr (YishiDatabase) db = create_with_community (path, "A");
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *safety = g_build_filename (folder, "yishi-before-restore-20200101-000000.db", NULL);

  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  g_assert_true (yishi_backups_run_daily (db, folder, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (yishi_backups_run_daily (db, folder, &second, &error));
  g_assert_null (second);
  /* "Back Up Now" in the same second does not overwrite today's backup. */
  g_assert_true (yishi_backups_back_up_now (db, folder, &second, &error));
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_unlink (second);

  /* 40 older automatic backups and a safety copy: rotation keeps the newest 30. */
  for (int day = 1; day <= 40; day++)
    {
      g_autofree char *name = g_strdup_printf ("yishi-202610%02d-080000.db", day > 31 ? 31 : day);
      g_autofree char *old = NULL;

      if (day > 31)
        {
          g_free (name);
          name = g_strdup_printf ("yishi-202609%02d-080000.db", day - 31);
        }
      old = g_build_filename (folder, name, NULL);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  g_assert_true (g_file_set_contents (safety, "kept", -1, NULL));
  g_assert_cmpuint (yishi_backups_rotate (folder, YISHI_BACKUPS_KEEP), ==, 11);
  list = yishi_backups_list (folder);
  g_assert_cmpuint (list->len, ==, 31);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, first);
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));
  g_unsetenv ("YISHI_NOW");
}

static void
test_community_validation (void)
{
  g_autoptr (YishiCommunity) community = yishi_community_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (yishi_community_validate (community, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (community->name);
  community->name = g_strdup ("  和平街社区  ");
  g_free (community->supervision_phone);
  community->supervision_phone = g_strdup ("12345");
  g_assert_false (yishi_community_validate (community, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (community->supervision_phone);
  community->supervision_phone = g_strdup ("010-65123456");
  g_assert_true (yishi_community_validate (community, &error));
  g_assert_cmpstr (community->name, ==, "和平街社区");

  g_free (community->address);
  community->address = g_strdup ("和平街\0071号");
  g_assert_false (yishi_community_validate (community, &error));
  g_clear_error (&error);

  g_assert_true (yishi_phone_is_valid ("13812345678"));
  g_assert_true (yishi_phone_is_valid ("0571-87654321"));
  g_assert_false (yishi_phone_is_valid ("1.38E+10"));
  g_assert_false (yishi_phone_is_valid ("23812345678"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/read-only-open", test_read_only_open);
  g_test_add_func ("/database/refuse/not-sqlite", test_not_sqlite);
  g_test_add_func ("/database/refuse/empty-file", test_empty_file);
  g_test_add_func ("/database/refuse/other-program", test_other_program);
  g_test_add_func ("/database/refuse/read-only-file", test_read_only_file);
  g_test_add_func ("/database/refuse/read-only-folder", test_read_only_folder);
  g_test_add_func ("/database/refuse/corrupt", test_corrupt);
  g_test_add_func ("/database/refuse/too-new", test_too_new);
  g_test_add_func ("/database/audit", test_audit);
  g_test_add_func ("/database/nested-transaction", test_nested_transaction);
  g_test_add_func ("/database/backup-restore", test_backup_restore);
  g_test_add_func ("/database/restore-refuses-bad-file", test_restore_refuses_bad_file);
  g_test_add_func ("/backups/daily-and-rotation", test_daily_backups);
  g_test_add_func ("/community/validation", test_community_validation);

  return g_test_run ();
}
