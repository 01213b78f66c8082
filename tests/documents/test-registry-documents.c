/* test-registry-documents.c — the registry's documents: the grid's contact board (its
 * entries against an independent query, tree order, the PDF read back with Poppler), the
 * quarterly points notice (masking of names, no phone or ID number), and the workbooks'
 * progress, cancellation and atomic replacement (their content is read back by openpyxl
 * in tests/cli/test_registry_cli.py).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-demo.h"
#include "yishi-mask.h"
#include "yishi-notice-contact-board.h"
#include "yishi-notice-points.h"
#include "yishi-points.h"
#include "yishi-registry.h"
#include "yishi-roster-import.h"
#include "yishi-sheet.h"
#include "yishi-test-utils.h"
#include "yishi-workbook-points.h"
#include "yishi-workbook-roster.h"

/* A small registry made by hand ------------------------------------------------------- */

static gint64
insert (YishiDatabase *database,
        const char    *table,
        ...)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (GError) error = NULL;
  const char *column;
  va_list args;
  gint64 id;

  va_start (args, table);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      const char *kind = va_arg (args, const char *);

      if (g_str_equal (kind, "i"))
        yishi_values_set_int (values, column, va_arg (args, gint64));
      else if (g_str_equal (kind, "n"))
        yishi_values_set_null (values, column);
      else
        yishi_values_set_text (values, column, va_arg (args, const char *));
    }
  va_end (args);
  id = yishi_database_insert (database, table, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

#define I(v) "i", (gint64)(v)
#define T(v) "t", (const char *)(v)

static gint64
add_person (YishiDatabase *database,
            const char    *name,
            const char    *phone,
            gint64         household)
{
  if (household == 0)
    return insert (database, "person", "name", T (name), "phone", T (phone), NULL);
  return insert (database, "person", "name", T (name), "phone", T (phone),
                 "household_id", I (household), NULL);
}

static void
add_role (YishiDatabase *database,
          gint64         person,
          const char    *role,
          const char    *scope_kind,
          gint64         scope_id,
          const char    *work_phone,
          const char    *end_date)
{
  if (end_date != NULL)
    insert (database, "role_assignment", "person_id", I (person), "role", T (role),
            "scope_kind", T (scope_kind), "scope_id", I (scope_id), "work_phone", T (work_phone),
            "start_date", T ("2024-01-01"), "end_date", T (end_date), NULL);
  else
    insert (database, "role_assignment", "person_id", I (person), "role", T (role),
            "scope_kind", T (scope_kind), "scope_id", I (scope_id), "work_phone", T (work_phone),
            "start_date", T ("2024-01-01"), NULL);
}

static void
hide (YishiDatabase *database,
      const char    *table,
      gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted_at = '2026-11-01T00:00:00Z',"
                                          " deleted_batch = 'test' WHERE id = %" G_GINT64_FORMAT,
                                          table, id);
  g_autoptr (GError) error = NULL;

  g_assert_true (yishi_database_exec (database, sql, &error));
  g_assert_no_error (error);
}

static void
assert_entry (YishiContactBoard *board,
              guint              index,
              const char        *role,
              const char        *scope,
              const char        *name,
              const char        *phone)
{
  YishiContactEntry *entry;

  g_assert_cmpuint (index, <, board->entries->len);
  entry = g_ptr_array_index (board->entries, index);
  g_assert_cmpstr (entry->role, ==, role);
  g_assert_cmpstr (entry->scope, ==, scope);
  g_assert_cmpstr (entry->name, ==, name);
  g_assert_cmpstr (entry->work_phone, ==, phone);
}

/* Who is on the board and in which order: natural order of names within equal positions,
 * ended roles, hidden people and hidden buildings left out, the person's phone when the
 * role has none. */
static void
test_board_rules (void)
{
  g_autofree char *path = yishi_test_path ("board.db");
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiContactBoard) board = NULL;
  g_autoptr (GError) error = NULL;
  gint64 community, grid, other, b10, b2, b1, b3, u2_10, u2_2, u10_1, u3_1, home;
  gint64 leader, worker, former, gone;

  database = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  community = insert (database, "community", "name", T ("测试社区"), NULL);
  grid = insert (database, "grid", "community_id", I (community), "name", T ("东区网格"), NULL);
  other = insert (database, "grid", "community_id", I (community), "name", T ("西区网格"), NULL);
  b10 = insert (database, "building", "grid_id", I (grid), "name", T ("10号楼"), NULL);
  b2 = insert (database, "building", "grid_id", I (grid), "name", T ("2号楼"), NULL);
  b1 = insert (database, "building", "grid_id", I (grid), "name", T ("1号楼"), NULL);
  b3 = insert (database, "building", "grid_id", I (grid), "name", T ("3号楼"), NULL);
  u2_10 = insert (database, "unit", "building_id", I (b2), "name", T ("10单元"), NULL);
  u2_2 = insert (database, "unit", "building_id", I (b2), "name", T ("2单元"), NULL);
  u10_1 = insert (database, "unit", "building_id", I (b10), "name", T ("1单元"), NULL);
  u3_1 = insert (database, "unit", "building_id", I (b3), "name", T ("1单元"), NULL);
  home = insert (database, "household", "unit_id", I (u2_2), "room", T ("301"), NULL);

  leader = add_person (database, "赵网格", "13800000001", home);
  add_role (database, leader, "grid_leader", "grid", grid, "13900000001", NULL);
  worker = add_person (database, "钱网格", "13800000002", 0);
  add_role (database, worker, "grid_worker", "grid", grid, "", NULL);
  former = add_person (database, "孙卸任", "13800000003", 0);
  add_role (database, former, "grid_worker", "grid", grid, "13900000003", "2025-06-30");
  add_role (database, add_person (database, "李十楼", "13800000004", 0), "building_leader",
            "building", b10, "13900000004", NULL);
  add_role (database, add_person (database, "周二楼", "13800000005", 0), "building_leader",
            "building", b2, "13900000005", NULL);
  add_role (database, add_person (database, "吴十单", "13800000006", 0), "unit_leader", "unit",
            u2_10, "13900000006", NULL);
  add_role (database, add_person (database, "郑二单", "13800000007", 0), "unit_leader", "unit",
            u2_2, "13900000007", NULL);
  add_role (database, add_person (database, "王三楼", "13800000008", 0), "building_leader",
            "building", b3, "13900000008", NULL);
  add_role (database, add_person (database, "冯三单", "13800000009", 0), "unit_leader", "unit",
            u3_1, "13900000009", NULL);
  gone = add_person (database, "陈已删", "13800000010", 0);
  add_role (database, gone, "building_leader", "building", b1, "13900000010", NULL);
  add_role (database, add_person (database, "褚西区", "13800000011", 0), "grid_leader", "grid",
            other, "13900000011", NULL);
  insert (database, "role_assignment", "person_id", I (worker), "role", T ("volunteer"),
          "scope_kind", T ("community"), "scope_id", "n", "start_date", T ("2024-01-01"), NULL);
  hide (database, "building", b3);
  hide (database, "unit", u3_1);
  hide (database, "person", gone);
  (void)u10_1;

  board = yishi_registry_contact_board (database, " 东区网格 ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  g_assert_cmpstr (board->community, ==, "测试社区");
  g_assert_cmpstr (board->grid, ==, "东区网格");
  assert_entry (board, 0, "grid_leader", "东区网格", "赵网格", "13900000001");
  assert_entry (board, 1, "grid_worker", "东区网格", "钱网格", "13800000002");
  assert_entry (board, 2, "building_leader", "2号楼", "周二楼", "13900000005");
  assert_entry (board, 3, "unit_leader", "2号楼2单元", "郑二单", "13900000007");
  assert_entry (board, 4, "unit_leader", "2号楼10单元", "吴十单", "13900000006");
  assert_entry (board, 5, "building_leader", "10号楼", "李十楼", "13900000004");
  g_assert_cmpuint (board->entries->len, ==, 6);
  g_clear_pointer (&board, yishi_contact_board_free);

  /* A position set by the user comes before the name. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE building SET position = 1 WHERE id = %"
                                            G_GINT64_FORMAT, b2);

    g_assert_true (yishi_database_exec (database, sql, NULL));
  }
  board = yishi_registry_contact_board (database, "东区网格", &error);
  g_assert_no_error (error);
  assert_entry (board, 2, "building_leader", "10号楼", "李十楼", "13900000004");
  assert_entry (board, 3, "building_leader", "2号楼", "周二楼", "13900000005");
  g_clear_pointer (&board, yishi_contact_board_free);

  board = yishi_registry_contact_board (database, "北区网格", &error);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_assert_null (board);
  g_assert_nonnull (strstr (error->message, "北区网格"));
  g_clear_error (&error);

  hide (database, "grid", other);
  board = yishi_registry_contact_board (database, "西区网格", &error);
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_assert_null (board);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The demo's boards against a query of their own. */
static void
test_board_demo (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (sqlite3_stmt) grids = NULL;
  guint n_grids = 0, n_entries = 0;

  grids = yishi_database_prepare (database, "SELECT id, name FROM grid WHERE deleted_at IS NULL",
                                  NULL);
  g_assert_nonnull (grids);
  while (sqlite3_step (grids) == SQLITE_ROW)
    {
      gint64 grid_id = sqlite3_column_int64 (grids, 0);
      const char *grid_name = (const char *)sqlite3_column_text (grids, 1);
      g_autoptr (YishiContactBoard) board = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) actual = g_ptr_array_new_with_free_func (g_free);
      int last_building = 0;

      board = yishi_registry_contact_board (database, grid_name, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (board->grid, ==, grid_name);

      stmt = yishi_database_prepare (database,
        "SELECT ra.role, CASE ra.scope_kind WHEN 'grid' THEN g.name WHEN 'building' THEN b.name"
        "  ELSE ub.name || u.name END, p.name,"
        " CASE WHEN ra.work_phone = '' THEN p.phone ELSE ra.work_phone END"
        " FROM role_assignment ra JOIN person p ON p.id = ra.person_id"
        " LEFT JOIN grid g ON ra.scope_kind = 'grid' AND g.id = ra.scope_id"
        " LEFT JOIN building b ON ra.scope_kind = 'building' AND b.id = ra.scope_id"
        " LEFT JOIN unit u ON ra.scope_kind = 'unit' AND u.id = ra.scope_id"
        " LEFT JOIN building ub ON ub.id = u.building_id"
        " WHERE ra.end_date IS NULL AND p.deleted_at IS NULL AND ("
        "  (ra.role IN ('grid_leader', 'grid_worker') AND ra.scope_kind = 'grid'"
        "   AND ra.scope_id = ?1)"
        "  OR (ra.role = 'building_leader' AND b.grid_id = ?1 AND b.deleted_at IS NULL)"
        "  OR (ra.role = 'unit_leader' AND ub.grid_id = ?1 AND ub.deleted_at IS NULL"
        "      AND u.deleted_at IS NULL))", NULL);
      g_assert_nonnull (stmt);
      sqlite3_bind_int64 (stmt, 1, grid_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (expected, g_strdup_printf ("%s|%s|%s|%s", sqlite3_column_text (stmt, 0),
                                                    sqlite3_column_text (stmt, 1),
                                                    sqlite3_column_text (stmt, 2),
                                                    sqlite3_column_text (stmt, 3)));

      for (guint i = 0; i < board->entries->len; i++)
        {
          YishiContactEntry *entry = g_ptr_array_index (board->entries, i);
          int building = atoi (entry->scope);

          g_ptr_array_add (actual, g_strdup_printf ("%s|%s|%s|%s", entry->role, entry->scope,
                                                    entry->name, entry->work_phone));
          /* Grid roles first, then buildings by number (the demo's order), each building's
           * leader before its units' leaders. */
          if (g_str_has_prefix (entry->role, "grid_"))
            {
              g_assert_cmpint (last_building, ==, 0);
              g_assert_cmpstr (entry->scope, ==, grid_name);
            }
          else
            {
              g_assert_cmpint (building, >=, last_building);
              if (g_str_equal (entry->role, "building_leader"))
                g_assert_cmpint (building, >, last_building);
              last_building = building;
            }
        }
      g_assert_cmpuint (board->entries->len, >, 0);
      g_ptr_array_sort (expected, compare_strings);
      g_ptr_array_sort (actual, compare_strings);
      g_assert_cmpuint (actual->len, ==, expected->len);
      for (guint i = 0; i < actual->len; i++)
        g_assert_cmpstr (g_ptr_array_index (actual, i), ==, g_ptr_array_index (expected, i));
      n_grids++;
      n_entries += board->entries->len;
    }
  g_assert_cmpuint (n_grids, >, 1);
  g_assert_cmpuint (n_entries, >, 20);
}

/* The PDF: every entry with its full name and phone — published on purpose. */
static void
test_board_pdf (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);
  g_autoptr (YishiContactBoard) board = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = yishi_test_path ("board.pdf");
  g_autofree char *missing = yishi_test_path ("missing.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title = NULL;
  const char *grid = "第三网格";

  board = yishi_registry_contact_board (database, grid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->entries->len, >, 5);
  g_assert_true (yishi_notice_contact_board_write (database, grid, NULL, NULL, path, &error));
  g_assert_no_error (error);
  text = yishi_test_pdf_text (path);
  flat = yishi_test_squeezed (text);

  title = g_strdup_printf ("%s%s“三长”公示", community->name, grid);
  g_assert_nonnull (strstr (flat, title));
  for (const char *h = "职务\0负责范围\0姓名\0联系电话\0"; *h != '\0'; h += strlen (h) + 1)
    g_assert_nonnull (strstr (text, h));
  for (guint i = 0; i < board->entries->len; i++)
    {
      YishiContactEntry *entry = g_ptr_array_index (board->entries, i);

      g_assert_nonnull (strstr (flat, entry->name));
      if (*entry->work_phone != '\0')
        g_assert_nonnull (strstr (flat, entry->work_phone));
      g_assert_nonnull (strstr (flat, entry->scope));
    }
  g_assert_nonnull (strstr (text, "网格长"));
  g_assert_nonnull (strstr (text, "楼栋长"));
  g_assert_nonnull (strstr (text, "单元长"));
  g_assert_nonnull (strstr (text, "2026年12月1日"));
  /* No ID number, no room. */
  g_assert_cmpuint (yishi_test_count_matches ("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])", flat),
                    ==, 0);

  g_assert_false (yishi_notice_contact_board_write (database, "第九十九网格", NULL, NULL, missing,
                                                    &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Is @name printed for a reason other than the person's own line? */
static gboolean
found_elsewhere (GPtrArray  *public_texts,
                 const char *name)
{
  for (guint i = 0; i < public_texts->len; i++)
    if (strstr (g_ptr_array_index (public_texts, i), name) != NULL)
      return TRUE;
  return FALSE;
}

/* The points notice: masked names but for those who consented; no numbers of people. */
static void
test_points_notice (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (GPtrArray) public_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *path = yishi_test_path ("points.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  guint consenting = 0, masked = 0;

  standings = yishi_points_quarter (database, 2026, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standings->len, >, 20);
  g_assert_true (yishi_notice_points_write (database, 2026, 4, NULL, NULL, path, &error));
  g_assert_no_error (error);
  text = yishi_test_pdf_text (path);
  flat = yishi_test_squeezed (text);

  title = g_strdup_printf ("%s志愿服务积分公示", community->name);
  g_assert_nonnull (strstr (flat, title));
  g_assert_nonnull (strstr (flat, "（2026年第四季度）"));
  count = g_strdup_printf ("名单共%u人", standings->len);
  g_assert_nonnull (strstr (flat, count));
  for (const char *h = "姓名\0网格\0本季度获得\0本季度兑换\0累计积分\0等级\0"; *h != '\0';
       h += strlen (h) + 1)
    g_assert_nonnull (strstr (text, h));

  /* Texts on the notice that may contain a name by chance: the community, the grids, the
   * names of those who consented. */
  g_ptr_array_add (public_texts, g_strdup (community->name));
  stmt = yishi_database_prepare (database,
                                 "SELECT name FROM grid UNION SELECT name FROM points_level", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (public_texts, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  for (guint i = 0; i < standings->len; i++)
    {
      YishiPointsStanding *standing = g_ptr_array_index (standings, i);

      if (standing->public_name_consent)
        g_ptr_array_add (public_texts, g_strdup (standing->name));
    }

  for (guint i = 0; i < standings->len; i++)
    {
      YishiPointsStanding *standing = g_ptr_array_index (standings, i);
      g_autofree char *mask = yishi_mask_name (standing->name);

      if (standing->public_name_consent)
        {
          g_assert_nonnull (strstr (flat, standing->name));
          consenting++;
        }
      else
        {
          g_assert_nonnull (strstr (flat, mask));
          if (!found_elsewhere (public_texts, standing->name))
            g_assert_null (strstr (flat, standing->name));
          masked++;
        }
    }
  g_assert_cmpuint (masked, >, 10);
  if (consenting == 0)
    g_test_message ("nobody in the quarter's standings agreed to be named");

  /* No mobile numbers, no ID numbers, no rooms (the demo's rooms are 1-101 and the like). */
  g_assert_cmpuint (yishi_test_count_matches ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", text), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", flat), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches ("[1-9][0-9]{16}[0-9Xx]", flat), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches ("(?<![0-9])[0-9]{1,2}-[0-9]{3,4}(?![0-9])", text), ==, 0);
  g_assert_true (yishi_mask_text_is_clean (text));

  g_assert_false (yishi_notice_points_write (database, 2026, 5, NULL, NULL, path, &error));
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
}

/* A quarter without entries still makes a notice, saying so. */
static void
test_points_empty (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (YishiNotice) notice = NULL;
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (GError) error = NULL;

  standings = yishi_points_quarter (database, 2001, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standings->len, ==, 0);
  notice = yishi_notice_points_build (database, 2001, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  yishi_notice_layout (notice);
  g_assert_cmpuint (yishi_notice_get_n_pages (notice), ==, 1);
}

typedef struct
{
  double last;
  guint calls;
  GCancellable *cancel;
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
  if (progress->cancel != NULL && fraction > 0.0)
    g_cancellable_cancel (progress->cancel);
}

static gboolean
folder_has_partial (const char *folder,
                    const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* The workbooks: progress to 1, cancellation leaves the old file, a bad folder an error. */
static void
test_workbooks (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (GCancellable) cancel = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *roster = yishi_test_path ("roster.xlsx");
  g_autofree char *points = yishi_test_path ("points.xlsx");
  g_autofree char *nowhere = yishi_test_path ("no/such/folder/roster.xlsx");
  g_autofree char *contents = NULL;
  Progress progress = { 0 };
  gsize length = 0;

  g_assert_true (yishi_workbook_roster_write (database, roster, on_progress, &progress, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 2);
  g_assert_true (g_file_get_contents (roster, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 50000);
  g_assert_cmpint (memcmp (contents, "PK\x03\x04", 4), ==, 0);

  /* Cancelled on the way: the finished file stays as it was, nothing half-written. */
  progress = (Progress) { .cancel = cancel };
  g_assert_false (yishi_workbook_roster_write (database, roster, on_progress, &progress, cancel,
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autofree char *after = NULL;
    gsize after_length = 0;

    g_assert_true (g_file_get_contents (roster, &after, &after_length, NULL));
    g_assert_cmpuint (after_length, ==, length);
    g_assert_cmpint (memcmp (after, contents, length), ==, 0);
  }
  g_assert_false (folder_has_partial (yishi_test_dir, "roster.xlsx"));

  g_assert_false (yishi_workbook_roster_write (database, nowhere, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (yishi_workbook_points_write (database, 2026, 4, points, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (points, G_FILE_TEST_IS_REGULAR));
  g_assert_false (yishi_workbook_points_write (database, 2026, 0, points, NULL, NULL, NULL,
                                               &error));
  g_assert_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID);
  g_assert_false (folder_has_partial (yishi_test_dir, "points.xlsx"));
}


static guint
rejected_count (YishiRosterImport *import)
{
  return yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED);
}

/* The rejected rows of an import, as the office gets them back: the header as it was (no
 * title above it), each rejected row's cells as they were, the reason last; and the file
 * imports again with the same verdicts. */
static void
test_rejected_rows (void)
{
  g_autofree char *db_path = yishi_test_path ("import.db");
  g_autofree char *csv = yishi_test_path ("roster.csv");
  g_autofree char *out = yishi_test_path ("rejected.xlsx");
  g_autofree char *good = yishi_test_id_number ("110105", "19800101", "123");
  g_autofree char *other = yishi_test_id_number ("110105", "19900505", "456");
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiRosterImport) import = NULL;
  g_autoptr (YishiRosterImport) again = NULL;
  g_autoptr (YishiSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  const char *header[] = { "姓名", "性别", "身份证号", "联系电话", "网格", "楼栋", "单元", "房号",
                           "备注", NULL };
  GListModel *rows;
  guint n_header = g_strv_length ((char **)header);

  /* A wrong check digit: the last character changed. */
  bad = g_strdup (other);
  bad[17] = bad[17] == '0' ? '1' : '0';
  text = g_strdup_printf ("光明社区居民名册（2026年）\r\n"
                          "姓名,性别,身份证号,联系电话,网格,楼栋,单元,房号,备注\r\n"
                          "张三,男,%s,13800138000,第一网格,1号楼,1单元,101,\r\n"
                          "李四,女,%s,13800138001,第一网格,1号楼,1单元,102,校验位错\r\n"
                          "王五,男,%s,1.38E+10,第一网格,2号楼,1单元,201,电话被科学计数法\r\n"
                          "赵六,男,%s,13800138003,第一网格,2号楼,2单元,202,与张三重号\r\n"
                          "孙七,女,,13800138004,第一网格,2号楼,2单元,203,\r\n",
                          good, bad, other, good);
  g_assert_true (g_file_set_contents (csv, text, -1, NULL));

  database = yishi_database_open (db_path, YISHI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  insert (database, "community", "name", T ("光明社区"), NULL);
  import = yishi_roster_import_open (database, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_roster_import_get_header_row (import), ==, 1);
  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rejected_count (import), >=, 3);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), >=, 2);

  rows = yishi_roster_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (YishiRosterRow) row = g_list_model_get_item (rows, i);
      YishiSheet *source = yishi_roster_import_get_sheet (import);
      guint r = yishi_roster_row_get_sheet_row (row);
      GStrvBuilder *cells = g_strv_builder_new ();

      if (yishi_roster_row_get_verdict (row) != YISHI_ROSTER_ROW_REJECTED)
        {
          g_strv_builder_unref (cells);
          continue;
        }
      for (guint c = 0; c < n_header; c++)
        g_strv_builder_add (cells, yishi_sheet_get_text (source, r, c));
      g_ptr_array_add (expected, g_strv_builder_end (cells));
      g_strv_builder_unref (cells);
      g_assert_cmpstr (yishi_roster_row_get_reason (row), !=, "");
      g_ptr_array_add (reasons, g_strdup (yishi_roster_row_get_reason (row)));
    }

  g_assert_true (yishi_workbook_rejected_rows_write (import, out, &error));
  g_assert_no_error (error);

  /* Read back by the import's own reader. */
  sheet = yishi_sheet_read (out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_sheet_get_format (sheet), ==, "xlsx");
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 1 + expected->len);
  for (guint c = 0; c < n_header; c++)
    g_assert_cmpstr (yishi_sheet_get_text (sheet, 0, c), ==, header[c]);
  g_assert_cmpstr (yishi_sheet_get_text (sheet, 0, n_header), ==, "拒绝原因");
  for (guint i = 0; i < expected->len; i++)
    {
      char **cells = g_ptr_array_index (expected, i);

      for (guint c = 0; c < n_header; c++)
        {
          g_assert_cmpstr (yishi_sheet_get_text (sheet, i + 1, c), ==, cells[c]);
          /* Text cells: an ID number or a phone is never turned into a number. */
          if (*cells[c] != '\0')
            g_assert_cmpint (yishi_sheet_get_kind (sheet, i + 1, c), ==, YISHI_CELL_TEXT);
        }
      g_assert_cmpstr (yishi_sheet_get_text (sheet, i + 1, n_header), ==,
                       g_ptr_array_index (reasons, i));
    }
  {
    gboolean seen_notation = FALSE;

    for (guint i = 0; i < expected->len; i++)
      seen_notation |= g_str_equal (((char **)g_ptr_array_index (expected, i))[3], "1.38E+10");
    g_assert_true (seen_notation);
  }

  /* The good rows go in; the file of rejected rows, not yet fixed, imports again: the
   * header is found on the first row, the reason column is ignored, and the same rows are
   * refused (the duplicate now by the registry rather than by the file). */
  {
    guint imported = 0;

    g_assert_true (yishi_roster_import_commit (import, &imported, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (imported, ==, yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW));
  }
  again = yishi_roster_import_open (database, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_roster_import_get_header_row (again), ==, 0);
  g_assert_cmpint (yishi_roster_import_get_mapping (again, 0), ==, YISHI_ROSTER_FIELD_NAME);
  g_assert_cmpint (yishi_roster_import_get_mapping (again, 2), ==, YISHI_ROSTER_FIELD_ID_NUMBER);
  g_assert_cmpint (yishi_roster_import_get_mapping (again, n_header), ==,
                   YISHI_ROSTER_FIELD_IGNORE);
  g_assert_true (yishi_roster_import_analyse (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rejected_count (again), ==, expected->len);
  g_assert_cmpuint (yishi_roster_import_count (again, YISHI_ROSTER_ROW_NEW), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  yishi_test_init_documents (&argc, &argv);

  g_test_add_func ("/registry-documents/board-rules", test_board_rules);
  g_test_add_func ("/registry-documents/board-demo", test_board_demo);
  g_test_add_func ("/registry-documents/board-pdf", test_board_pdf);
  g_test_add_func ("/registry-documents/points-notice", test_points_notice);
  g_test_add_func ("/registry-documents/points-empty", test_points_empty);
  g_test_add_func ("/registry-documents/workbooks", test_workbooks);
  g_test_add_func ("/registry-documents/rejected-rows", test_rejected_rows);

  rc = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return rc;
}
