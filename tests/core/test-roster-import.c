/* test-roster-import.c — importing rosters: the header under title rows, the mapping and
 * its memory, every repair and every rejection, duplicates, re-import, the places and
 * memberships written, and a commit that is all or nothing.
 *
 * Sheets are CSV text written to temporary files (the reader has its own tests), or
 * built cell by cell where a cell's kind matters (numbers and dates of an xlsx file).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-registry.h"
#include "yishi-roster-import.h"
#include "yishi-sheet-private.h"
#include "yishi-test-utils.h"

static guint serial;

/* A valid resident ID number: region 110101, @birth YYYYMMDD, sequence @sequence (its
 * last digit odd for a man), and the ISO 7064 MOD 11-2 check digit. */
static char *
make_id (const char *birth,
         guint       sequence)
{
  g_autofree char *digits = g_strdup_printf ("%03u", sequence % 1000);

  return yishi_test_id_number ("110101", birth, digits);
}

/* The same number with a wrong check digit. */
static char *
make_bad_id (const char *birth,
             guint       sequence)
{
  return yishi_test_break_check (make_id (birth, sequence));
}

static YishiDatabase *
new_database (void)
{
  g_autofree char *name = g_strdup_printf ("roster-%u.db", ++serial);

  return yishi_test_new_database (name, "幸福社区");
}

static char *
write_csv (const char *text)
{
  g_autofree char *name = g_strdup_printf ("roster-%u.csv", ++serial);
  char *path = yishi_test_path (name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static YishiRosterImport *
open_csv (YishiDatabase *db,
          const char    *text)
{
  g_autofree char *path = write_csv (text);
  g_autoptr (GError) error = NULL;
  YishiRosterImport *import = yishi_roster_import_open (db, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static YishiRosterImport *
analysed_csv (YishiDatabase *db,
              const char    *text)
{
  YishiRosterImport *import = open_csv (db, text);
  g_autoptr (GError) error = NULL;

  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_no_error (error);
  return import;
}

static YishiRosterRow *
row_at (YishiRosterImport *import,
        guint              i)
{
  GListModel *rows = yishi_roster_import_get_rows (import);
  YishiRosterRow *row;

  g_assert_cmpuint (i, <, g_list_model_get_n_items (rows));
  row = g_list_model_get_item (rows, i);
  g_object_unref (row); /* the model keeps it */
  return row;
}

/* The row whose 1-based file row is @source_row. */
static YishiRosterRow *
source_row (YishiRosterImport *import,
            guint              source)
{
  GListModel *rows = yishi_roster_import_get_rows (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      YishiRosterRow *row = row_at (import, i);

      if (yishi_roster_row_get_source_row (row) == source)
        return row;
    }
  g_error ("no row %u", source);
}

static guint
commit (YishiRosterImport *import)
{
  g_autoptr (GError) error = NULL;
  guint imported = G_MAXUINT;

  g_assert_true (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_no_error (error);
  return imported;
}

static gint64
query_int (YishiDatabase *db,
           const char    *sql)
{
  gint64 value = yishi_database_query_int (db, sql, -1);

  g_assert_cmpint (value, !=, -1);
  return value;
}

static char *
query_text (YishiDatabase *db,
            const char    *sql)
{
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Everything an import may write, to compare before and after. */
static char *
snapshot (YishiDatabase *db)
{
  static const char *const tables[] = { "grid", "building", "unit", "household", "person",
                                        "residence", "party_membership", "setting", "audit_log" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (out, "%s=%lld ", tables[i],
                            (long long)yishi_database_count (db, tables[i]));
  return g_string_free (out, FALSE);
}

static gboolean
has_note (const char *notes,
          const char *fragment)
{
  return strstr (notes, fragment) != NULL;
}

/* ---- The header ---- */

static void
test_header_under_titles (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autofree char *id = make_id ("19850307", 123);
  g_autofree char *text = g_strdup_printf (
    "幸福社区第一网格居民花名册,,,\n"
    "制表单位：幸福社区居委会,,,制表日期：2026年3月\n"
    ",,,\n"
    "序号,姓名,身份证号码,联系电话\n"
    "1,张伟,%s,13812345678\n"
    ",,,\n"
    "\n"
    "2,李娜,,13912345678\n"
    " , ,　,\n"
    "3,,,\n",
    id);
  g_autoptr (YishiRosterImport) import = analysed_csv (db, text);

  g_assert_cmpuint (yishi_roster_import_get_header_row (import), ==, 3);
  g_assert_cmpuint (yishi_roster_import_get_n_columns (import), ==, 4);
  g_assert_cmpstr (yishi_roster_import_get_column_name (import, 1), ==, "姓名");
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 0), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_NAME);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_ID_NUMBER);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 3), ==, YISHI_ROSTER_FIELD_PHONE);

  /* Blank rows (also of spaces only) are skipped; the rest keep their file row. */
  g_assert_cmpuint (g_list_model_get_n_items (yishi_roster_import_get_rows (import)), ==, 2);
  g_assert_cmpuint (yishi_roster_row_get_source_row (row_at (import, 0)), ==, 5);
  g_assert_cmpuint (yishi_roster_row_get_sheet_row (row_at (import, 0)), ==, 4);
  g_assert_cmpuint (yishi_roster_row_get_source_row (row_at (import, 1)), ==, 8);
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 1), YISHI_ROSTER_FIELD_NAME), ==, "李娜");
  g_assert_null (yishi_roster_row_get_value (row_at (import, 1), YISHI_ROSTER_FIELD_ID_NUMBER));
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 2);
}

static void
test_no_header (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) late = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  YishiRosterImport *import;

  /* One known name is not a header. */
  path = write_csv ("姓名,爱好\n张伟,下棋\n");
  import = yishi_roster_import_open (db, path, NULL, &error);
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NO_HEADER);
  g_assert_null (import);
  g_clear_error (&error);

  /* A header below row 30 is not looked for. */
  for (int i = 0; i < 30; i++)
    g_string_append_printf (late, "说明第%d行\n", i + 1);
  g_string_append (late, "姓名,性别\n张伟,男\n");
  path2 = write_csv (late->str);
  import = yishi_roster_import_open (db, path2, NULL, &error);
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NO_HEADER);
  g_assert_null (import);
  g_clear_error (&error);

  /* Row 30 itself still is. */
  g_string_truncate (late, 0);
  for (int i = 0; i < 29; i++)
    g_string_append_printf (late, "说明第%d行\n", i + 1);
  g_string_append (late, "姓名,性别\n张伟,男\n");
  import = analysed_csv (db, late->str);
  g_assert_cmpuint (yishi_roster_import_get_header_row (import), ==, 29);
  g_object_unref (import);
}

/* ---- The mapping ---- */

static void
test_fields (void)
{
  static const struct { const char *header; YishiRosterField field; } headers[] = {
    { "姓名", YISHI_ROSTER_FIELD_NAME }, { " 姓　名 ", YISHI_ROSTER_FIELD_NAME },
    { "*姓名", YISHI_ROSTER_FIELD_NAME }, { "姓名：", YISHI_ROSTER_FIELD_NAME },
    { "性别", YISHI_ROSTER_FIELD_GENDER },
    { "出生年月", YISHI_ROSTER_FIELD_BIRTH_DATE }, { "生日", YISHI_ROSTER_FIELD_BIRTH_DATE },
    { "出生日期(年月日)", YISHI_ROSTER_FIELD_BIRTH_DATE },
    { "公民身份号码", YISHI_ROSTER_FIELD_ID_NUMBER }, { "证件号码", YISHI_ROSTER_FIELD_ID_NUMBER },
    { "身份证号（18位）", YISHI_ROSTER_FIELD_ID_NUMBER },
    { "联系电话（手机）", YISHI_ROSTER_FIELD_PHONE }, { "手机号码", YISHI_ROSTER_FIELD_PHONE },
    { "（手机）号码", YISHI_ROSTER_FIELD_PHONE }, { "电话", YISHI_ROSTER_FIELD_PHONE },
    { "户籍类型", YISHI_ROSTER_FIELD_RESIDENCE_TYPE }, { "人口类型", YISHI_ROSTER_FIELD_RESIDENCE_TYPE },
    { "政治面貌", YISHI_ROSTER_FIELD_POLITICAL_STATUS },
    { "所属网格", YISHI_ROSTER_FIELD_GRID }, { "楼号", YISHI_ROSTER_FIELD_BUILDING },
    { "楼栋号", YISHI_ROSTER_FIELD_BUILDING }, { "单元号", YISHI_ROSTER_FIELD_UNIT },
    { "门牌号", YISHI_ROSTER_FIELD_ROOM }, { "室", YISHI_ROSTER_FIELD_ROOM },
    { "户号", YISHI_ROSTER_FIELD_ROOM },
    { "党员类型", YISHI_ROSTER_FIELD_PARTY_CATEGORY }, { "党支部", YISHI_ROSTER_FIELD_PARTY_BRANCH },
    { "党小组", YISHI_ROSTER_FIELD_PARTY_GROUP }, { "入党日期", YISHI_ROSTER_FIELD_JOINED_DATE },
    { "工作单位", YISHI_ROSTER_FIELD_EMPLOYER }, { "备注", YISHI_ROSTER_FIELD_NOTES },
    { "序号", YISHI_ROSTER_FIELD_IGNORE }, { "", YISHI_ROSTER_FIELD_IGNORE },
    { "姓名拼音", YISHI_ROSTER_FIELD_IGNORE },
  };
  static const struct { YishiRosterField field; const char *text; const char *id; } values[] = {
    { YISHI_ROSTER_FIELD_GENDER, "男", "male" }, { YISHI_ROSTER_FIELD_GENDER, "女", "female" },
    { YISHI_ROSTER_FIELD_GENDER, "女性", "female" }, { YISHI_ROSTER_FIELD_GENDER, "未知", NULL },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "户籍", "registered" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "常住", "resident" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "流动", "floating" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "租户", "tenant" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "外来", "floating" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "租住", "tenant" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "流动人口", "floating" },
    { YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "暂住", NULL },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "中共党员", "party_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "党员", "party_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "预备党员", "probationary_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "中共预备党员", "probationary_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "共青团员", "league_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "团员", "league_member" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "民主党派", "democratic_party" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "九三学社社员", "democratic_party" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "群众", "masses" },
    { YISHI_ROSTER_FIELD_POLITICAL_STATUS, "党外", NULL },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "直管", "direct" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "直管党员", "direct" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "在职", "in_service" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "在职党员", "in_service" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "流动党员", "floating" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "离退休", "retired" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "离退休党员", "retired" },
    { YISHI_ROSTER_FIELD_PARTY_CATEGORY, "其他", NULL },
    { YISHI_ROSTER_FIELD_NAME, "男", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_assert_cmpint (yishi_roster_field_from_header (headers[i].header), ==, headers[i].field);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpstr (yishi_roster_field_map_value (values[i].field, values[i].text), ==, values[i].id);
  for (guint f = 0; f < N_YISHI_ROSTER_FIELDS; f++)
    {
      g_assert_cmpint (yishi_roster_field_from_string (yishi_roster_field_to_string (f)), ==, f);
      g_assert_cmpstr (yishi_roster_field_label (f), !=, "");
    }
  g_assert_cmpint (yishi_roster_field_from_string ("nonsense"), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpstr (yishi_roster_field_label (YISHI_ROSTER_FIELD_ID_NUMBER), ==, "ID number");
}

static void
test_mapping (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRosterImport) import =
    open_csv (db, "居民姓名,电话,手机号码,家庭住址,性别\n张伟,13812345678,13912345678,幸福路1号,男\n");
  guint imported = 0;

  /* The first column of a field wins; unknown headers are left out. */
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 0), ==, YISHI_ROSTER_FIELD_NAME);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_PHONE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 3), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 4), ==, YISHI_ROSTER_FIELD_GENDER);

  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_PHONE), ==, "13812345678");

  /* Mapping the phone to column 2 takes it from column 1, and invalidates the analysis. */
  yishi_roster_import_set_mapping (import, 2, YISHI_ROSTER_FIELD_PHONE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_PHONE);
  g_assert_cmpuint (g_list_model_get_n_items (yishi_roster_import_get_rows (import)), ==, 0);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 0);
  g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NOT_ANALYSED);
  g_clear_error (&error);

  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_PHONE), ==, "13912345678");
  yishi_roster_import_set_mapping (import, 3, YISHI_ROSTER_FIELD_NOTES);
  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_NOTES), ==, "幸福路1号");

  /* Without a name column nothing can be judged. */
  yishi_roster_import_set_mapping (import, 0, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_false (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NO_NAME);
  g_clear_error (&error);
  g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NOT_ANALYSED);
}

static void
test_remembered_mapping (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  const char *header = "居民姓名,联系人电话,备注,性别\n";
  g_autofree char *first = g_strconcat (header, "张伟,13812345678,老住户,男\n", NULL);
  g_autofree char *second = g_strconcat (header, "李娜,13912345678,新住户,女\n", NULL);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  YishiRosterImport *import;

  import = open_csv (db, first);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_NOTES);
  yishi_roster_import_set_mapping (import, 1, YISHI_ROSTER_FIELD_PHONE);
  yishi_roster_import_set_mapping (import, 2, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));

  /* Nothing is remembered before the commit. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM setting WHERE key LIKE 'roster-mapping:%'"), ==, 0);
  g_assert_cmpuint (commit (import), ==, 1);
  g_object_unref (import);

  key = query_text (db, "SELECT key FROM setting WHERE key LIKE 'roster-mapping:%'");
  value = query_text (db, "SELECT value FROM setting WHERE key LIKE 'roster-mapping:%'");
  g_assert_nonnull (key);
  {
    g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1,
                                                           "居民姓名\t联系人电话\t备注\t性别", -1);
    g_autofree char *expected = g_strconcat ("roster-mapping:", sha1, NULL);

    g_assert_cmpstr (key, ==, expected);
  }
  g_assert_cmpstr (value, ==, "name,phone,ignore,gender");

  /* The same header set: the remembered mapping, not the proposal. */
  import = analysed_csv (db, second);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_PHONE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_null (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_NOTES));
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_PHONE), ==, "13912345678");
  g_object_unref (import);

  /* Another header set: the proposal. */
  import = open_csv (db, "居民姓名,联系人电话,备注\n王芳,13712345678,无\n");
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 1), ==, YISHI_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 2), ==, YISHI_ROSTER_FIELD_NOTES);
  g_object_unref (import);
}

/* ---- Repairs ---- */

static void
test_repairs (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autofree char *id_x = NULL;
  g_autofree char *id_lower = NULL;
  g_autofree char *id_woman = make_id ("19900101", 222);
  g_autofree char *id_man = make_id ("19700215", 111);
  g_autofree char *id_plain = make_id ("19880808", 333);
  g_autoptr (GString) csv = g_string_new ("姓名,性别,出生日期,身份证号码,联系电话,人员类型,政治面貌,党员类别\n");
  g_autoptr (YishiRosterImport) import = NULL;
  YishiRosterRow *row;

  /* An ID number ending in X, written with a lower-case x. */
  for (guint seq = 1; id_x == NULL; seq += 2) /* odd: a man */
    {
      g_autofree char *candidate = make_id ("19800101", seq);

      if (candidate[17] == 'X')
        id_x = g_steal_pointer (&candidate);
    }
  id_lower = g_ascii_strdown (id_x, -1);

  g_string_append_printf (csv, " 张伟　,男,,%s,13812345678.0,户籍,中共党员,在职党员\n", id_lower); /* 2 */
  g_string_append (csv, "李娜,女,1985/3/7,,138 1234 5678,外来,预备党员,离退休\n");              /* 3 */
  g_string_append (csv, "王芳,女,1985.03.07,,,租住,团员,\n");                                    /* 4 */
  g_string_append (csv, "刘洋,男,19850307,,,流动人口,民盟盟员,\n");                                /* 5 */
  g_string_append (csv, "陈静,女,1985年3月7日,,,常住,群众,\n");                                   /* 6 */
  g_string_append (csv, "杨磊,男,1985-03-07,,021-62345678,,,\n");                                 /* 7 */
  g_string_append_printf (csv, "赵敏,男,1991-05-05,%s,,,,\n", id_woman);                          /* 8 */
  g_string_append_printf (csv, "黄强,,1970.02,%s,,,党员,\n", id_man);                             /* 9 */
  g_string_append_printf (csv, "周杰,,,%s,,,,直管\n", id_plain);                                  /* 10 */
  import = analysed_csv (db, csv->str);

  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED), ==, 0);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 9);

  row = source_row (import, 2);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_NAME), ==, "张伟");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ID_NUMBER), ==, id_x);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE), ==, "13812345678");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1980-01-01");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_RESIDENCE_TYPE), ==, "registered");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "party_member");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PARTY_CATEGORY), ==, "in_service");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "spaces around the value were removed (Name)"));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "lower-case x"));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "stored as a number"));
  g_assert_false (has_note (yishi_roster_row_get_repairs (row), id_x));
  g_assert_cmpstr (yishi_roster_row_get_reason (row), ==, "");

  row = source_row (import, 3);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE), ==, "13812345678");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_RESIDENCE_TYPE), ==, "floating");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "probationary_member");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PARTY_CATEGORY), ==, "retired");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GENDER), ==, "female");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "birth date was rewritten as YYYY-MM-DD"));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "phone number was written in its standard form"));

  for (guint r = 4; r <= 6; r++)
    {
      row = source_row (import, r);
      g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
      g_assert_true (has_note (yishi_roster_row_get_repairs (row), "birth date was rewritten"));
    }
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 4), YISHI_ROSTER_FIELD_RESIDENCE_TYPE), ==, "tenant");
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 4), YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "league_member");
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 5), YISHI_ROSTER_FIELD_RESIDENCE_TYPE), ==, "floating");
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 5), YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "democratic_party");
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 6), YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "masses");

  /* Already right: nothing to note. */
  row = source_row (import, 7);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE), ==, "021-62345678");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GENDER), ==, "male");
  g_assert_null (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_RESIDENCE_TYPE));
  g_assert_cmpstr (yishi_roster_row_get_repairs (row), ==, "");

  /* The file contradicts the ID number: the ID number's birth date and gender, noted. */
  row = source_row (import, 8);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1990-01-01");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GENDER), ==, "female");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "birth date contradicts the ID number"));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "gender contradicts the ID number"));
  g_assert_false (has_note (yishi_roster_row_get_repairs (row), "1991"));

  /* A month without its day, and no gender: both from the ID number. */
  row = source_row (import, 9);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1970-02-15");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GENDER), ==, "male");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row), "birth date has no day"));

  /* A party category without a political status makes a party member. */
  row = source_row (import, 10);
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_POLITICAL_STATUS), ==, "party_member");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PARTY_CATEGORY), ==, "direct");
  g_assert_cmpstr (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1988-08-08");
  g_assert_cmpstr (yishi_roster_row_get_repairs (row), ==, "");

  /* Written as repaired. */
  g_assert_cmpuint (commit (import), ==, 9);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT name || '|' || gender || '|' || birth_date || '|'"
                                            " || phone || '|' || residence_type || '|' || political_status"
                                            " FROM person WHERE id_number = '%s'", id_x);
    g_autofree char *person = query_text (db, sql);

    g_assert_cmpstr (person, ==, "张伟|male|1980-01-01|13812345678|registered|party_member");
  }
  {
    g_autofree char *person = query_text (db, "SELECT gender || '|' || birth_date || '|' || residence_type"
                                              " || '|' || political_status FROM person WHERE name = '杨磊'");

    g_assert_cmpstr (person, ==, "male|1985-03-07|resident|masses");
  }
}

/* Cells of an xlsx file: numbers and date cells. */
static void
test_repairs_of_cells (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRosterImport) import = NULL;
  YishiSheet *sheet = yishi_sheet_new ("xlsx");
  static const struct { const char *text; YishiCellKind kind; } cells[][4] = {
    { { "姓名", YISHI_CELL_TEXT }, { "出生日期", YISHI_CELL_TEXT }, { "手机号", YISHI_CELL_TEXT },
      { "身份证号", YISHI_CELL_TEXT } },
    { { "张伟", YISHI_CELL_TEXT }, { "1985-03-07", YISHI_CELL_DATE }, { "13812345678", YISHI_CELL_NUMBER },
      { NULL, YISHI_CELL_EMPTY } },
    { { "李娜", YISHI_CELL_TEXT }, { "31113", YISHI_CELL_NUMBER }, { "1.38123E+10", YISHI_CELL_NUMBER },
      { NULL, YISHI_CELL_EMPTY } },
    { { "王芳", YISHI_CELL_TEXT }, { "19850307", YISHI_CELL_NUMBER }, { NULL, YISHI_CELL_EMPTY },
      { "1.10101198503071e+17", YISHI_CELL_NUMBER } },
  };

  for (guint r = 0; r < G_N_ELEMENTS (cells); r++)
    {
      for (guint c = 0; c < 4; c++)
        {
          guint32 text = cells[r][c].text ? yishi_sheet_store_text (sheet, cells[r][c].text, strlen (cells[r][c].text)) : 0;

          g_assert_true (yishi_sheet_put_cell (sheet, c, text, cells[r][c].kind, &error));
        }
      g_assert_true (yishi_sheet_end_row (sheet, 0, &error));
    }
  import = yishi_roster_import_new (db, sheet, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));

  /* A date cell is a date; a phone stored as a number is repaired. */
  g_assert_cmpint (yishi_roster_row_get_verdict (row_at (import, 0)), ==, YISHI_ROSTER_ROW_NEW);
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_PHONE), ==, "13812345678");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row_at (import, 0)), "phone number was stored as a number"));
  g_assert_false (has_note (yishi_roster_row_get_repairs (row_at (import, 0)), "birth date"));

  /* A day number without a date format is read as a date; a phone in scientific notation
   * has lost its digits. */
  g_assert_cmpint (yishi_roster_row_get_verdict (row_at (import, 1)), ==, YISHI_ROSTER_ROW_REJECTED);
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 1), YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
  g_assert_true (has_note (yishi_roster_row_get_reason (row_at (import, 1)), "scientific notation"));

  /* 19850307 stored as a number is still a date; an ID number stored as a number is lost. */
  g_assert_cmpint (yishi_roster_row_get_verdict (row_at (import, 2)), ==, YISHI_ROSTER_ROW_REJECTED);
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 2), YISHI_ROSTER_FIELD_BIRTH_DATE), ==, "1985-03-07");
  g_assert_true (has_note (yishi_roster_row_get_reason (row_at (import, 2)), "ID number was saved as a number"));
}

/* ---- Rejections ---- */

static void
test_rejections (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autofree char *good = make_id ("19750101", 555);
  g_autofree char *bad = make_bad_id ("19750101", 556);
  g_autofree char *short_id = g_strndup (good, 17);
  g_autofree char *bad_date_id = NULL;
  g_autoptr (GString) csv = g_string_new ("姓名,性别,出生日期,身份证号码,联系电话,人员类型,政治面貌,"
                                          "党员类别,入党时间,网格,楼栋,单元,房号\n");
  g_autoptr (YishiRosterImport) import = NULL;
  static const struct { guint row; const char *reason; } expected[] = {
    { 2, "the name is empty" },
    { 3, "the check digit of the ID number is wrong" },
    { 4, "the ID number does not have 18 characters" },
    { 5, "the birth date within the ID number is impossible" },
    { 6, "the phone number was saved in scientific notation and its last digits are lost" },
    { 7, "the phone number is neither a mobile number nor a landline with its area code" },
    { 8, "the birth date is not a possible date" },
    { 9, "the birth date has no day" },
    { 10, "the gender is neither 男 nor 女" },
    { 11, "the residence type is not one of" },
    { 12, "the political status is not one of" },
    { 13, "the party category is not one of" },
    { 14, "a party category is given, but the political status is not a party member’s" },
    { 15, "the date of joining the party is in the future" },
    { 16, "the date of joining the party is not a possible date" },
    { 17, "the address skips a level" },
    { 18, "the name is longer than 64 characters" },
    { 19, "the birth date is in the future" },
    { 20, "the grid is longer than 40 characters" },
    { 22, "it looks like a note, not a person’s name" },
    { 23, "it looks like a note, not a person’s name" },
  };
  g_autoptr (GString) long_name = g_string_new (NULL);
  g_autoptr (GString) long_grid = g_string_new (NULL);

  /* An ID number whose birth date (1975-02-30) does not exist, with a right check digit. */
  {
    static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    int sum = 0;

    bad_date_id = g_strdup ("11010119750230123?");
    for (int i = 0; i < 17; i++)
      sum += (bad_date_id[i] - '0') * weights[i];
    bad_date_id[17] = "10X98765432"[sum % 11];
  }
  for (int i = 0; i < 65; i++)
    g_string_append (long_name, "张");
  for (int i = 0; i < 41; i++)
    g_string_append (long_grid, "格");

  g_string_append (csv, "  ,男,,,,,,,,,,,\n");                                               /* 2 */
  g_string_append_printf (csv, "张三,男,,%s,,,,,,,,,\n", bad);                                /* 3 */
  g_string_append_printf (csv, "李四,男,,%s,,,,,,,,,\n", short_id);                           /* 4 */
  g_string_append_printf (csv, "王五,男,,%s,,,,,,,,,\n", bad_date_id);                        /* 5 */
  g_string_append (csv, "赵六,男,,,1.38E+10,,,,,,,,\n");                                      /* 6 */
  g_string_append (csv, "钱七,男,,,12345,,,,,,,,\n");                                         /* 7 */
  g_string_append (csv, "孙八,男,1985-02-30,,,,,,,,,,\n");                                    /* 8 */
  g_string_append (csv, "周九,男,1985.02,,,,,,,,,,\n");                                       /* 9 */
  g_string_append (csv, "吴十,未知,,,,,,,,,,,\n");                                            /* 10 */
  g_string_append (csv, "郑一,男,,,,暂住,,,,,,,\n");                                          /* 11 */
  g_string_append (csv, "冯二,男,,,,,党外,,,,,,\n");                                          /* 12 */
  g_string_append (csv, "陈三,男,,,,,,其他,,,,,\n");                                          /* 13 */
  g_string_append (csv, "褚四,男,,,,,群众,直管,,,,,\n");                                      /* 14 */
  g_string_append (csv, "卫五,男,,,,,党员,直管,2099-01-01,,,,\n");                            /* 15 */
  g_string_append (csv, "蒋六,男,,,,,党员,直管,2001-13-01,,,,\n");                            /* 16 */
  g_string_append (csv, "沈七,男,,,,,,,,一网格,,1单元,101\n");                                /* 17 */
  g_string_append_printf (csv, "%s,男,,,,,,,,,,,\n", long_name->str);                         /* 18 */
  g_string_append (csv, "韩八,男,2099-01-01,,,,,,,,,,\n");                                    /* 19 */
  g_string_append_printf (csv, "杨九,男,,,,,,,,%s,,,\n", long_grid->str);                     /* 20 */
  g_string_append_printf (csv, "朱十,男,,%s,13812345678,,,,,一网格,1号楼,1单元,101\n", good); /* 21 */
  g_string_append (csv, "制表人：王芳,,,,,,,,,,,,\n");                                      /* 22 */
  g_string_append (csv, "合计 20 人,,,,,,,,,,,,\n");                                         /* 23 */
  import = analysed_csv (db, csv->str);

  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      YishiRosterRow *row = source_row (import, expected[i].row);
      const char *reason = yishi_roster_row_get_reason (row);

      g_test_message ("row %u: %s", expected[i].row, reason);
      g_assert_cmpint (yishi_roster_row_get_verdict (row), ==, YISHI_ROSTER_ROW_REJECTED);
      g_assert_true (has_note (reason, expected[i].reason));
      /* Reasons never quote the personal data. */
      g_assert_false (has_note (reason, "1985"));
      g_assert_false (has_note (reason, "1.38"));
      g_assert_false (has_note (reason, "12345"));
      g_assert_false (has_note (reason, "110101"));
    }
  g_assert_cmpint (yishi_roster_row_get_verdict (source_row (import, 21)), ==, YISHI_ROSTER_ROW_NEW);

  /* A rejected row shows what it had; only the NEW row is written. */
  g_assert_cmpstr (yishi_roster_row_get_value (source_row (import, 3), YISHI_ROSTER_FIELD_ID_NUMBER), ==, bad);
  g_assert_cmpuint (commit (import), ==, 1);
  g_assert_cmpint (yishi_database_count (db, "person"), ==, 1);
}

/* ---- Duplicates ---- */

static void
test_duplicates (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autofree char *a = make_id ("19600101", 11);
  g_autofree char *b = make_id ("19610101", 13);
  g_autofree char *c = make_id ("19620101", 15);
  g_autofree char *csv = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (YishiRosterImport) first = NULL;
  g_autoptr (YishiRosterImport) second = NULL;
  g_autoptr (YishiRosterImport) third = NULL;
  g_autoptr (GError) error = NULL;

  /* Within the file: the second and later rows, naming the first. */
  csv = g_strdup_printf ("姓名,身份证号码,网格,楼栋,单元,房号,手机\n"
                         "张伟,%s,,,,,\n"                   /* 2 */
                         "李娜,%s,,,,,\n"                   /* 3 */
                         "张伟,%s,,,,,\n"                   /* 4: same ID as row 2 */
                         "张大伟,%s,,,,,\n"                 /* 5: same ID, other name */
                         "王芳,,一网格,1号楼,1单元,101,\n"   /* 6 */
                         "王芳,,一网格,1号楼,1单元,101,\n"   /* 7: same person as row 6 */
                         "王芳,,一网格,1号楼,1单元,102,\n"   /* 8: another home */
                         "刘洋,,,,,,13812345678\n"          /* 9 */
                         "刘洋,,,,,,13812345678\n",         /* 10: same person as row 9 */
                         a, b, a, a);
  first = analysed_csv (db, csv);
  g_assert_cmpuint (yishi_roster_import_count (first, YISHI_ROSTER_ROW_NEW), ==, 5);
  g_assert_cmpuint (yishi_roster_import_count (first, YISHI_ROSTER_ROW_REJECTED), ==, 4);
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (first, 4)), ==, "the same ID number as row 2");
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (first, 5)), ==, "the same ID number as row 2");
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (first, 7)), ==, "the same person as row 6");
  g_assert_cmpint (yishi_roster_row_get_verdict (source_row (first, 8)), ==, YISHI_ROSTER_ROW_NEW);
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (first, 10)), ==, "the same person as row 9");
  g_assert_cmpuint (commit (first), ==, 5);

  /* Against the registry: the same ID and name is already there; another name is refused;
   * a deleted holder is to be restored, not duplicated. */
  sql = g_strdup_printf ("UPDATE person SET deleted_at = '2026-01-01T00:00:00Z' WHERE id_number = '%s'", b);
  g_assert_true (yishi_database_exec (db, sql, NULL));
  g_free (csv);
  csv = g_strdup_printf ("姓名,身份证号码\n"
                         "张伟,%s\n"      /* 2: unchanged */
                         "李娜,%s\n"      /* 3: deleted */
                         "杨磊,%s\n"      /* 4: new */
                         "杨磊,%s\n",     /* 5: new, and duplicate in the file */
                         a, b, c, c);
  second = analysed_csv (db, csv);
  g_assert_cmpint (yishi_roster_row_get_verdict (source_row (second, 2)), ==, YISHI_ROSTER_ROW_UNCHANGED);
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (second, 2)), ==, "");
  g_assert_cmpint (yishi_roster_row_get_verdict (source_row (second, 3)), ==, YISHI_ROSTER_ROW_REJECTED);
  g_assert_true (has_note (yishi_roster_row_get_reason (source_row (second, 3)), "deleted"));
  g_assert_cmpint (yishi_roster_row_get_verdict (source_row (second, 4)), ==, YISHI_ROSTER_ROW_NEW);
  g_assert_cmpstr (yishi_roster_row_get_reason (source_row (second, 5)), ==, "the same ID number as row 4");
  g_assert_cmpuint (commit (second), ==, 1);

  g_free (csv);
  csv = g_strdup_printf ("姓名,身份证号码\n陈静,%s\n", a);
  third = analysed_csv (db, csv);
  g_assert_cmpint (yishi_roster_row_get_verdict (row_at (third, 0)), ==, YISHI_ROSTER_ROW_REJECTED);
  g_assert_cmpstr (yishi_roster_row_get_reason (row_at (third, 0)), ==,
                   "the ID number belongs to a person of another name in the registry");
  g_assert_cmpuint (commit (third), ==, 0);
  g_assert_cmpint (yishi_database_count (db, "person"), ==, 6);
}

/* ---- Re-import ---- */

#define IDEMPOTENT_CSV \
  "姓名,性别,身份证号码,联系电话,所属网格,楼栋,单元,房号,党员类别,所在支部\n" \
  "张伟,男,%s,13812345678,一网格,1号楼,1单元,101,在职,第一网格党支部\n" \
  "李娜,女,,13912345678,一网格,1号楼,1单元,101,,\n" \
  "王芳,女,,13712345678,,,,,,\n" \
  "刘洋,男,,,,,,,,\n" \
  "陈静,女,,,一网格,,,,,\n"

static void
test_idempotent (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autofree char *id = make_id ("19800202", 451);
  g_autofree char *csv = g_strdup_printf (IDEMPOTENT_CSV, id);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  YishiRosterImport *import;

  import = analysed_csv (db, csv);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 5);
  g_assert_cmpuint (commit (import), ==, 5);
  /* Written once: committing again needs a new look at the registry. */
  {
    g_autoptr (GError) error = NULL;
    guint imported = 9;

    g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
    g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NOT_ANALYSED);
    g_assert_cmpuint (imported, ==, 0);
  }
  g_object_unref (import);
  g_assert_cmpint (yishi_database_count (db, "person"), ==, 5);

  before = snapshot (db);
  import = analysed_csv (db, csv);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 0);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_UNCHANGED), ==, 5);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED), ==, 0);
  g_assert_cmpuint (commit (import), ==, 0);
  g_object_unref (import);
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);

  /* A person of the same name elsewhere is somebody else. */
  import = analysed_csv (db, "姓名,网格,楼栋,单元,房号\n李娜,一网格,1号楼,1单元,102\n");
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 1);
  g_object_unref (import);
  import = analysed_csv (db, "姓名,手机号\n王芳,13700000000\n");
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 1);
  g_object_unref (import);
}

/* ---- What is written ---- */

static void
test_structure (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiRosterImport) import = NULL;
  YishiNodeKind kind;
  gint64 grid;

  /* An existing grid is used, not created again. */
  grid = yishi_registry_ensure_place (db, "一网格", NULL, NULL, NULL, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, YISHI_NODE_GRID);

  import = analysed_csv (db,
                         "姓名,网格,楼栋,单元,房号\n"
                         "张伟,一网格,1号楼,1单元,101\n"
                         "李娜,一网格,1号楼,1单元,101\n"
                         "王芳,一网格,1号楼,2单元,201\n"
                         "刘洋,一网格,2号楼,1单元,101\n"
                         "陈静,二网格,5号楼,3单元,302\n"
                         "杨磊,二网格,5号楼,,\n"
                         "赵敏,,,,\n");
  g_assert_cmpuint (commit (import), ==, 7);

  g_assert_cmpint (yishi_database_count (db, "grid"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT id FROM grid WHERE name = '一网格'"), ==, grid);
  g_assert_cmpint (yishi_database_count (db, "building"), ==, 3);
  g_assert_cmpint (yishi_database_count (db, "unit"), ==, 4);
  g_assert_cmpint (yishi_database_count (db, "household"), ==, 4);
  g_assert_cmpint (yishi_database_count (db, "residence"), ==, 5);

  /* Each at home, with grid and building kept by the triggers. */
  {
    g_autofree char *where = query_text (db,
      "SELECT g.name || '/' || b.name || '/' || u.name || '/' || h.room || '|' ||"
      " (p.grid_id = g.id) || (p.building_id = b.id) || '|' || (r.start_date = '2026-03-15')"
      " FROM person p JOIN household h ON h.id = p.household_id JOIN unit u ON u.id = h.unit_id"
      " JOIN building b ON b.id = u.building_id JOIN grid g ON g.id = b.grid_id"
      " JOIN residence r ON r.person_id = p.id AND r.household_id = h.id AND r.end_date IS NULL"
      " WHERE p.name = '陈静'");

    g_assert_cmpstr (where, ==, "二网格/5号楼/3单元/302|11|1");
  }
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT household_id) FROM person WHERE name IN ('张伟', '李娜')"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE household_id IS NULL"), ==, 2);
  /* One audit row for the people of the import. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'person'"), ==, 1);
  {
    g_autofree char *audit = query_text (db, "SELECT action || ' ' || json_extract (after_json, '$.people')"
                                             " FROM audit_log WHERE table_name = 'person'");

    g_assert_cmpstr (audit, ==, "bulk 7");
  }
  /* The people are there for everything else, uuids and times included. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE length(uuid) = 36"
                                  " AND created_at = updated_at AND created_at LIKE '____-__-__T__:__:__Z'"), ==, 7);
}

static void
test_memberships (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (YishiRosterImport) import = NULL;
  g_autofree char *member = NULL;

  import = analysed_csv (db,
                         "姓名,政治面貌,党员类别,所在支部,党小组,入党时间,工作单位\n"
                         "张伟,中共党员,在职党员,第一网格党支部,1号楼党小组,1998年7月1日,区人民医院\n"
                         "李娜,,离退休,第一网格党支部,,1975-06-30,区教育局\n"
                         "王芳,预备党员,直管,,,,\n"
                         "刘洋,党员,,,,,\n"
                         "陈静,群众,,第一网格党支部,,,街道办\n");
  g_assert_true (has_note (yishi_roster_row_get_repairs (row_at (import, 0)), "date of joining the party was rewritten"));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row_at (import, 4)), "kept only for party members"));
  g_assert_null (yishi_roster_row_get_value (row_at (import, 4), YISHI_ROSTER_FIELD_EMPLOYER));
  g_assert_true (has_note (yishi_roster_row_get_repairs (row_at (import, 1)), "only for in-service party members"));
  g_assert_null (yishi_roster_row_get_value (row_at (import, 1), YISHI_ROSTER_FIELD_EMPLOYER));
  g_assert_cmpstr (yishi_roster_row_get_value (row_at (import, 0), YISHI_ROSTER_FIELD_EMPLOYER), ==, "区人民医院");
  g_assert_cmpuint (commit (import), ==, 5);

  g_assert_cmpint (yishi_database_count (db, "party_membership"), ==, 3);
  member = query_text (db, "SELECT category || '|' || branch || '|' || party_group || '|' || joined_date"
                           " || '|' || employer || '|' || p.political_status"
                           " FROM party_membership m JOIN person p ON p.id = m.person_id WHERE p.name = '张伟'");
  g_assert_cmpstr (member, ==, "in_service|第一网格党支部|1号楼党小组|1998-07-01|区人民医院|party_member");
  g_clear_pointer (&member, g_free);
  member = query_text (db, "SELECT category || '|' || p.political_status || '|' || (end_date IS NULL) || employer"
                           " FROM party_membership m JOIN person p ON p.id = m.person_id WHERE p.name = '李娜'");
  g_assert_cmpstr (member, ==, "retired|party_member|1");  /* no employer */
  g_clear_pointer (&member, g_free);
  member = query_text (db, "SELECT category || '|' || p.political_status"
                           " FROM party_membership m JOIN person p ON p.id = m.person_id WHERE p.name = '王芳'");
  g_assert_cmpstr (member, ==, "direct|probationary_member");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM party_membership m JOIN person p ON p.id = m.person_id"
                                  " WHERE p.name IN ('刘洋', '陈静')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE name = '刘洋' AND political_status = 'party_member'"), ==, 1);
}

/* ---- All or nothing ---- */

/* 2500 → "二五〇〇": names hold no digits. */
static char *
chinese_digits (guint n)
{
  static const char *const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  g_autofree char *ascii = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    g_string_append (out, digits[*p - '0']);
  return g_string_free (out, FALSE);
}

static GString *
many_rows (guint n)
{
  GString *csv = g_string_new ("姓名,身份证号码,网格,楼栋,单元,房号,党员类别\n");
  GDate birth;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 1940);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *day = g_strdup_printf ("%04u%02u%02u", (guint)g_date_get_year (&birth),
                                              (guint)g_date_get_month (&birth),
                                              (guint)g_date_get_day (&birth));
      g_autofree char *id = make_id (day, 100 + i % 2);
      g_autofree char *number = chinese_digits (i);

      g_date_add_days (&birth, 7);
      g_string_append_printf (csv, "居民%s,%s,%u网格,%u号楼,%u单元,%u,%s\n", number, id, 1 + i % 3,
                              1 + i % 7, 1 + i % 2, 101 + i % 50, i % 10 == 0 ? "直管" : "");
    }
  return csv;
}

static GCancellable *cancel_target;
static guint cancel_after;

static void
count_and_cancel (void          *data,
                  int            op,
                  const char    *database,
                  const char    *table,
                  sqlite3_int64  rowid)
{
  if (op == SQLITE_INSERT && g_str_equal (table, "person") && --cancel_after == 0)
    g_cancellable_cancel (cancel_target);
}

static void
test_atomic (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GString) csv = many_rows (3000);
  g_autoptr (YishiRosterImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint imported = 7;

  import = analysed_csv (db, csv->str);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 3000);
  before = snapshot (db);

  /* Cancelled half-way: nothing written. */
  cancel_target = cancellable;
  cancel_after = 1500;
  sqlite3_update_hook (yishi_database_get_handle (db), count_and_cancel, NULL);
  g_assert_false (yishi_roster_import_commit (import, &imported, cancellable, &error));
  sqlite3_update_hook (yishi_database_get_handle (db), NULL, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (imported, ==, 0);
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* A write that fails half-way: nothing written either. */
  g_assert_true (yishi_database_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON person"
                                          " WHEN NEW.name = '居民二五〇〇'"
                                          " BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL));
  g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);
  g_assert_true (yishi_database_exec (db, "DROP TRIGGER refuse", NULL));

  /* The same import commits once nothing is in the way. */
  g_assert_true (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 3000);
  g_assert_cmpint (yishi_database_count (db, "person"), ==, 3000);
  g_assert_cmpint (yishi_database_count (db, "party_membership"), ==, 300);
  g_assert_cmpint (yishi_database_count (db, "grid"), ==, 3);
}

static void
test_changed (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autofree char *a = make_id ("19700101", 21);
  g_autofree char *b = make_id ("19710101", 23);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号码\n张伟,%s\n李娜,%s\n", a, b);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  YishiRosterImport *import, *other;
  guint imported;

  import = analysed_csv (db, csv);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 2);

  /* Somebody else adds one of them meanwhile. */
  g_free (csv);
  csv = g_strdup_printf ("姓名,身份证号码\n李娜,%s\n", b);
  other = analysed_csv (db, csv);
  g_assert_cmpuint (commit (other), ==, 1);
  g_object_unref (other);

  before = snapshot (db);
  g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_CHANGED);
  g_clear_error (&error);
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);

  /* Analysed again: one new, one unchanged. */
  g_assert_true (yishi_roster_import_analyse (import, NULL, &error));
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, 1);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_UNCHANGED), ==, 1);

  /* An unchanged row whose person is deleted meanwhile changes too. */
  sql = g_strdup_printf ("UPDATE person SET deleted_at = '2026-01-01T00:00:00Z' WHERE id_number = '%s'", b);
  g_assert_true (yishi_database_exec (db, sql, NULL));
  g_assert_false (yishi_roster_import_commit (import, &imported, NULL, &error));
  g_assert_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_object_unref (import);
}

static void
test_cancel_analysis (void)
{
  g_autoptr (YishiDatabase) db = new_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GString) csv = many_rows (50);
  g_autoptr (YishiRosterImport) import = open_csv (db, csv->str);

  g_cancellable_cancel (cancellable);
  g_assert_false (yishi_roster_import_analyse (import, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (yishi_roster_import_get_rows (import)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("YISHI_NOW", "2026-03-15T02:00:00Z", TRUE);
  g_test_init (&argc, &argv, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/roster/header-under-titles", test_header_under_titles);
  g_test_add_func ("/roster/no-header", test_no_header);
  g_test_add_func ("/roster/fields", test_fields);
  g_test_add_func ("/roster/mapping", test_mapping);
  g_test_add_func ("/roster/remembered-mapping", test_remembered_mapping);
  g_test_add_func ("/roster/repairs", test_repairs);
  g_test_add_func ("/roster/repairs-of-cells", test_repairs_of_cells);
  g_test_add_func ("/roster/rejections", test_rejections);
  g_test_add_func ("/roster/duplicates", test_duplicates);
  g_test_add_func ("/roster/idempotent", test_idempotent);
  g_test_add_func ("/roster/structure", test_structure);
  g_test_add_func ("/roster/memberships", test_memberships);
  g_test_add_func ("/roster/atomic", test_atomic);
  g_test_add_func ("/roster/changed", test_changed);
  g_test_add_func ("/roster/cancel-analysis", test_cancel_analysis);

  return g_test_run ();
}
