/* test-notice.c — the notice-board PDFs read back with Poppler: the three lists of a
 * month against SQL counts, privacy of what is printed, the empty month, the receipt,
 * page sizes, and the renderer's page breaks.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-demo.h"
#include "yishi-mask.h"
#include "yishi-notice-data.h"
#include "yishi-notice-receipt.h"
#include "yishi-notice-three-lists.h"
#include "yishi-notice.h"
#include "yishi-test-utils.h"


#define BUSY_YEAR 2026
#define BUSY_MONTH 11

static gint64
captured_number (const char *pattern,
                 const char *text)
{
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, text, 0, &info))
    return -1;
  number = g_match_info_fetch (info, 1);
  return g_ascii_strtoll (number, NULL, 10);
}

/* No mobile number and no ID number anywhere, not even across a line break. */
static void
assert_no_personal_numbers (const char *text)
{
  g_autofree char *squeezed = yishi_test_squeezed (text);
  const char *mobile = "(?<![0-9])1[3-9][0-9]{9}(?![0-9])";
  const char *id_number = "(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])";

  g_assert_cmpuint (yishi_test_count_matches (mobile, text), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches (id_number, text), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches (mobile, squeezed), ==, 0);
  g_assert_cmpuint (yishi_test_count_matches (id_number, squeezed), ==, 0);
  g_assert_true (yishi_mask_text_is_clean (text));
}

static const char *
not_deleted (YishiDatabase *database)
{
  return yishi_database_query_int (database, "SELECT count(*) FROM pragma_table_info ('issue')"
                                             " WHERE name = 'deleted_at'", 0) > 0
         ? " AND issue.deleted_at IS NULL" : "";
}

/* Counted independently of the notice's own query: Shanghai is UTC+8 all year. */
static gint64
sql_count (YishiDatabase *database,
           const char    *condition,
           const char    *column,
           const char    *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM issue WHERE %s AND"
                                          " strftime ('%%Y-%%m', %s, '+8 hours') = '%s'%s",
                                          condition, column, month, not_deleted (database));

  return yishi_database_query_int (database, sql, -1);
}

static void
test_three_lists (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *first = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *path = yishi_test_path ("three-lists.pdf");
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *phone = NULL;
  const char *month = "2026-11";
  /* Text extraction may run a serial and a date together (no space between cells). */
  const char *serial = "(?:(?<![0-9])|(?<=[0-9]{4}-[0-9]{2}-[0-9]{2}))20[0-9]{2}-[0-9]{4}"
                       "(?:(?![0-9])|(?=[0-9]{4}-[0-9]{2}-[0-9]{2}))";
  gint64 problems, needs, closed;
  guint counted[3] = { 0, 0, 0 };
  int section = -1;
  double width, height;

  g_assert_nonnull (community);
  problems = sql_count (database, "kind = 'problem' AND state <> 'merged'", "received_at", month);
  needs = sql_count (database, "kind = 'need' AND state <> 'merged'", "received_at", month);
  closed = sql_count (database, "state = 'closed'", "closed_at", month);
  g_assert_cmpint (problems, >, 10);
  g_assert_cmpint (needs, >, 10);
  g_assert_cmpint (closed, >, 10);

  g_assert_true (yishi_notice_three_lists_write (database, BUSY_YEAR, BUSY_MONTH, NULL, NULL, path, &error));
  g_assert_no_error (error);
  document = yishi_test_open_pdf (path);
  pages = yishi_test_pdf_pages_text (document);
  text = yishi_test_pdf_joined (pages);

  title = g_strdup_printf ("%s2026年11月“三张清单”", community->name);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, "问题清单"));
  g_assert_nonnull (strstr (text, "需求清单"));
  g_assert_nonnull (strstr (text, "办结清单"));
  g_assert_cmpint (captured_number ("本月共登记问题 ([0-9]+) 件", text), ==, problems);
  g_assert_cmpint (captured_number ("本月共登记需求 ([0-9]+) 件", text), ==, needs);
  g_assert_cmpint (captured_number ("本月共办结事项 ([0-9]+) 件", text), ==, closed);

  /* Each section starts on a page of its own; continuation pages repeat the header row. */
  g_assert_cmpuint (pages->len, >, 3);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *page = g_ptr_array_index (pages, i);
      guint rows = yishi_test_count_matches (serial, page);
      g_autofree char *number = g_strdup_printf ("— %u —", i + 1);

      if (strstr (page, "问题清单") != NULL)
        section = 0;
      if (strstr (page, "需求清单") != NULL)
        section = 1;
      if (strstr (page, "办结清单") != NULL)
        section = 2;
      g_assert_cmpint (section, >=, 0);
      g_assert_cmpuint ((strstr (page, "问题清单") != NULL) + (strstr (page, "需求清单") != NULL) +
                        (strstr (page, "办结清单") != NULL), <=, 1);
      counted[section] += rows;
      if (rows > 0)
        {
          g_assert_nonnull (strstr (page, "编号"));
          g_assert_nonnull (strstr (page, "受理日期"));
          g_assert_nonnull (strstr (page, "责任主体"));
          g_assert_nonnull (strstr (page, section == 2 ? "满意度" : "办理状态"));
        }
      g_assert_nonnull (strstr (page, number));
    }
  g_assert_cmpint (counted[0], ==, problems);
  g_assert_cmpint (counted[1], ==, needs);
  g_assert_cmpint (counted[2], ==, closed);
  g_assert_nonnull (strstr (text, "（续）"));

  /* Labels come translated from the core; the closing has the phone and the date. */
  g_assert_cmpuint (yishi_test_count_matches ("已答复|已回访|办理中|落实中|不予受理|已受理|已派单", text), >, 0);
  phone = g_strdup_printf ("监督电话：%s", community->supervision_phone);
  g_assert_cmpstr (community->supervision_phone, !=, "");
  g_assert_nonnull (strstr (text, phone));
  g_assert_nonnull (strstr (text, "2026年12月1日"));

  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);

  g_object_unref (first);
  g_object_unref (document);
}

/* What the public sees of people: masked names, no phones, no ID numbers. */
static void
test_three_lists_privacy (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = yishi_test_path ("privacy.pdf");
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  guint compound = 0, masked = 0;

  g_assert_true (yishi_notice_three_lists_write (database, BUSY_YEAR, BUSY_MONTH, NULL, NULL, path, &error));
  g_assert_no_error (error);
  document = yishi_test_open_pdf (path);
  pages = yishi_test_pdf_pages_text (document);
  text = yishi_test_pdf_joined (pages);

  assert_no_personal_numbers (text);
  g_assert_cmpuint (yishi_test_count_matches ("\\p{Han}\\*{1,3}", text), >, 10);

  /* A name found in full for another reason (staff, consent, a title, the wording
   * such as 三张清单 for 张清) is no evidence of a leak. */
  stmt = yishi_database_prepare (database,
                                 "SELECT responsible_text FROM issue WHERE responsible_text <> ''"
                                 " UNION SELECT name FROM person WHERE public_name_consent = 1"
                                 " UNION SELECT title FROM issue UNION SELECT name FROM community"
                                 " UNION SELECT name FROM organisation UNION SELECT name FROM category"
                                 " UNION SELECT '“三张清单”'", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (staff, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  sql = g_strdup_printf ("SELECT issue.requester_name FROM issue"
                         " LEFT JOIN person p ON p.id = issue.requester_person_id"
                         " WHERE issue.anonymous = 0 AND coalesce (p.public_name_consent, 0) = 0"
                         " AND issue.requester_name <> '' AND issue.state <> 'merged'"
                         " AND strftime ('%%Y-%%m', issue.received_at, '+8 hours') = '2026-11'%s",
                         not_deleted (database));
  stmt = yishi_database_prepare (database, sql, NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      g_autofree char *mask = yishi_mask_name (name);
      gboolean elsewhere = FALSE;
      GHashTableIter iter;
      gpointer key;

      g_assert_nonnull (strstr (text, mask));
      masked++;
      if (yishi_mask_has_compound_surname (name))
        {
          /* 欧阳娜娜 → 欧阳**: both characters of the surname kept. */
          g_autofree char *surname = g_utf8_substring (name, 0, 2);
          g_autofree char *stars = g_strnfill (g_utf8_strlen (name, -1) - 2, '*');
          g_autofree char *expected = g_strconcat (surname, stars, NULL);

          g_assert_cmpstr (mask, ==, expected);
          compound++;
        }
      g_hash_table_iter_init (&iter, staff);
      while (!elsewhere && g_hash_table_iter_next (&iter, &key, NULL))
        elsewhere = strstr (key, name) != NULL;
      if (!elsewhere && g_utf8_strlen (name, -1) >= 2)
        g_assert_null (strstr (text, name));
    }
  g_assert_cmpuint (masked, >, 20);
  if (compound == 0)
    g_test_message ("no compound surname among the requesters of the month");
  g_object_unref (document);
}

static void
test_empty_month (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (YishiNoticeLists) lists = NULL;
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *path = yishi_test_path ("empty.pdf");

  lists = yishi_notice_data_three_lists (database, 2010, 1, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_notice_lists_is_empty (lists));

  g_assert_true (yishi_notice_three_lists_write (database, 2010, 1, NULL, NULL, path, &error));
  g_assert_no_error (error);
  document = yishi_test_open_pdf (path);
  pages = yishi_test_pdf_pages_text (document);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "本月没有登记的问题和需求，也没有办结事项。"));
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "2010年1月"));
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "— 1 —"));
  g_object_unref (document);

  /* Not a month at all. */
  g_assert_null (yishi_notice_data_three_lists (database, 2026, 13, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
}

static void
test_receipt (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *first = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *path = yishi_test_path ("receipt.pdf");
  g_autofree char *missing = yishi_test_path ("missing.pdf");
  g_autofree char *text = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *name = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *masked_phone = NULL;
  g_autofree char *masked_name = NULL;
  g_autofree char *deadline_text = NULL;
  double width, height;

  stmt = yishi_database_prepare (database,
                                 "SELECT serial, requester_phone, requester_name, deadline FROM issue"
                                 " WHERE anonymous = 0 AND length (requester_phone) = 11"
                                 " AND length (requester_name) >= 2 AND deadline IS NOT NULL"
                                 " ORDER BY id DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  serial = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  phone = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  deadline = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  masked_phone = yishi_mask_phone (phone);
  masked_name = yishi_mask_name (name);
  deadline_text = yishi_notice_format_date (deadline);

  g_assert_true (yishi_notice_receipt_write (database, serial, NULL, NULL, path, &error));
  g_assert_no_error (error);
  document = yishi_test_open_pdf (path);
  pages = yishi_test_pdf_pages_text (document);
  text = yishi_test_pdf_joined (pages);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_nonnull (strstr (text, "受理回执"));
  g_assert_nonnull (strstr (text, serial));
  g_assert_nonnull (strstr (text, deadline_text));
  g_assert_nonnull (strstr (text, masked_phone));
  g_assert_nonnull (strstr (text, masked_name));
  g_assert_null (strstr (text, phone));
  g_assert_nonnull (strstr (text, "沿此线剪开"));
  assert_no_personal_numbers (text);

  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat (height, >, width);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);

  /* An unknown serial: a clear error and no file. */
  g_assert_false (yishi_notice_receipt_write (database, "1999-9999", NULL, NULL, missing, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "1999-9999"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_object_unref (first);
  g_object_unref (document);
}

/* The file is written beside its name and renamed: no temporary is left, and a failed
 * write leaves an earlier file as it was. */
static void
test_write_is_atomic (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *folder = yishi_test_path ("atomic");
  g_autofree char *path = g_build_filename (folder, "notice.pdf", NULL);
  g_autofree char *nowhere = yishi_test_path ("no-such-folder/notice.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  guint n = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (yishi_notice_three_lists_write (database, 2010, 1, NULL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_true (g_str_has_prefix (before, "%PDF-"));
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "notice.pdf");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  /* A failure before writing (a bad month) keeps the earlier file. */
  g_assert_false (yishi_notice_three_lists_write (database, 2026, 0, NULL, NULL, path, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_assert_false (yishi_notice_three_lists_write (database, 2010, 1, NULL, NULL, nowhere, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The renderer alone: a row taller than a page goes over pages, header rows repeat,
 * a key–value form, fonts embedded, pages drawn onto another page size. */
static void
test_renderer (void)
{
  g_autoptr (YishiNotice) notice = yishi_notice_new (YISHI_NOTICE_PAPER_A4, YISHI_NOTICE_PORTRAIT);
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GString) long_text = g_string_new ("开始");
  g_autofree char *path = yishi_test_path ("renderer.pdf");
  g_autofree char *text = NULL;
  const YishiNoticeColumn columns[] = { { "序号", 0, TRUE }, { "内容", 1, FALSE } };
  PopplerFontsIter *fonts = NULL;
  PopplerFontInfo *info;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  for (int i = 0; i < 600; i++)
    g_string_append (long_text, "居民反映楼道灯不亮，");
  g_string_append (long_text, "结束");

  yishi_notice_set_header (notice, "幸福里社区居民委员会", "测试通知", "（2026年11月）");
  yishi_notice_add_heading (notice, "一、表格", FALSE);
  yishi_notice_add_table (notice, columns, G_N_ELEMENTS (columns), "表格（续）");
  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("第%02d行", i);
      const char *cells[] = { number, i == 30 ? long_text->str : "短内容" };

      yishi_notice_add_row (notice, cells);
    }
  yishi_notice_add_heading (notice, "二、表单", TRUE);
  yishi_notice_add_key_value (notice, "受理编号", "2026-0001");
  yishi_notice_add_key_value (notice, "反映事项", "路灯损坏");
  yishi_notice_add_paragraph (notice, "特此公告。", YISHI_NOTICE_TEXT_BODY);
  yishi_notice_add_signature (notice, "幸福里社区居民委员会", "2026-12-01");

  n_pages = yishi_notice_get_n_pages (notice);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_true (yishi_notice_write_pdf (notice, path, &error));
  g_assert_no_error (error);

  document = yishi_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int)n_pages);
  pages = yishi_test_pdf_pages_text (document);
  text = yishi_test_pdf_joined (pages);
  g_assert_nonnull (strstr (text, "幸福里社区居民委员会"));
  g_assert_nonnull (strstr (text, "开始"));
  g_assert_nonnull (strstr (text, "结束"));
  g_assert_nonnull (strstr (text, "第60行"));
  g_assert_nonnull (strstr (text, "2026年12月1日"));
  /* The last page is the form, not the signature alone. */
  g_assert_nonnull (strstr (g_ptr_array_index (pages, pages->len - 1), "特此公告"));
  for (guint i = 1; i + 1 < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), "表单") == NULL)
      {
        g_assert_nonnull (strstr (g_ptr_array_index (pages, i), "表格（续）"));
        g_assert_nonnull (strstr (g_ptr_array_index (pages, i), "序号"));
      }

  info = poppler_font_info_new (document);
  while (poppler_font_info_scan (info, 20, &fonts))
    {
      if (fonts == NULL)
        break;
      do
        g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      while (poppler_fonts_iter_next (fonts));
      g_clear_pointer (&fonts, poppler_fonts_iter_free);
    }
  poppler_font_info_free (info);

  /* A print target of US Letter: the page is scaled to fit. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612 / 4, 792 / 4);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.25, 0.25);
  yishi_notice_draw_page (notice, cr, 0, 612, 792);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (document);
}

int
main (int    argc,
      char **argv)
{
  int rc;

  /* As in an office: Shanghai time, the Chinese labels of states and channels. */
  yishi_test_init_documents (&argc, &argv);

  g_test_add_func ("/notice/three-lists", test_three_lists);
  g_test_add_func ("/notice/three-lists-privacy", test_three_lists_privacy);
  g_test_add_func ("/notice/empty-month", test_empty_month);
  g_test_add_func ("/notice/receipt", test_receipt);
  g_test_add_func ("/notice/write-is-atomic", test_write_is_atomic);
  g_test_add_func ("/notice/renderer", test_renderer);

  rc = g_test_run ();
  /* Pango's and cairo's caches of fonts live as long as the process: leak checkers. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return rc;
}
