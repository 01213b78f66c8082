/* yishi-test-utils.h — headless test helpers: a private temporary folder per test program,
 * databases in it (new, copied, the demo), SQL counts, ID numbers, and PDF text.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <poppler.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-demo.h"

static char *yishi_test_dir;
static char *yishi_test_demo;
static guint yishi_test_copies;

static inline void
yishi_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, name, NULL);

          g_chmod (child, 0700);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            yishi_test_remove_tree (child);
          else
            g_unlink (child);
          g_free (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static inline void
yishi_test_cleanup (void)
{
  if (yishi_test_dir != NULL)
    yishi_test_remove_tree (yishi_test_dir);
  g_clear_pointer (&yishi_test_dir, g_free);
  g_clear_pointer (&yishi_test_demo, g_free);
}

/* Call once after g_test_init (); the folder goes when the program exits. */
static inline const char *
yishi_test_make_dir (void)
{
  GError *error = NULL;

  yishi_test_dir = g_dir_make_tmp ("yishi-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (yishi_test_cleanup);
  return yishi_test_dir;
}

static inline char *
yishi_test_path (const char *name)
{
  g_assert_nonnull (yishi_test_dir);
  return g_build_filename (yishi_test_dir, name, NULL);
}

/* The start of a documents test, as in an office: Shanghai time, "now" pinned to
 * 2026-12-01, the Chinese translations, g_test_init () and the private folder. */
static inline void
yishi_test_init_documents (int    *argc,
                           char ***argv)
{
  const char *localedir = g_getenv ("YISHI_LOCALEDIR");

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (argc, argv, NULL);
  yishi_test_make_dir ();
}

/* Databases -------------------------------------------------------------------------- */

static inline YishiDatabase *
yishi_test_open_database (const char            *path,
                          YishiDatabaseOpenFlags flags)
{
  GError *error = NULL;
  YishiDatabase *database = yishi_database_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

/* A new, empty database @name in the test folder; with @community_name, a community of
 * that name saved in it. */
static inline YishiDatabase *
yishi_test_new_database (const char *name,
                         const char *community_name)
{
  char *path = yishi_test_path (name);
  YishiDatabase *database = yishi_test_open_database (path, YISHI_DATABASE_OPEN_CREATE);

  g_free (path);
  if (community_name != NULL)
    {
      YishiCommunity *community = yishi_community_new ();
      GError *error = NULL;

      g_free (community->name);
      community->name = g_strdup (community_name);
      g_assert_true (yishi_community_save (database, community, &error));
      g_assert_no_error (error);
      yishi_community_free (community);
    }
  return database;
}

/* The community-scale demo database (seed 1, 2026-12-01), made in the test folder on the
 * first call. Returns: (transfer none): its path */
static inline const char *
yishi_test_demo_path (void)
{
  if (yishi_test_demo == NULL)
    {
      GError *error = NULL;

      yishi_test_demo = yishi_test_path ("demo.db");
      g_assert_true (yishi_demo_generate (yishi_test_demo, YISHI_DEMO_SCALE_COMMUNITY, 1,
                                          "2026-12-01", NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return yishi_test_demo;
}

/* The demo database, made once, opened with @flags. */
static inline YishiDatabase *
yishi_test_open_demo (YishiDatabaseOpenFlags flags)
{
  return yishi_test_open_database (yishi_test_demo_path (), flags);
}

/* A fresh copy of @path in the test folder, for a test that writes.
 * Returns: (transfer full): the copy's path */
static inline char *
yishi_test_copy_file (const char *path)
{
  char *name = g_strdup_printf ("copy-%u.db", ++yishi_test_copies);
  char *copy = yishi_test_path (name);
  GFile *from = g_file_new_for_path (path);
  GFile *to = g_file_new_for_path (copy);
  GError *error = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (to);
  g_object_unref (from);
  g_free (name);
  return copy;
}

/* The integer a query formatted from @format gives, or @fallback. */
static inline gint64
yishi_test_query_int (YishiDatabase *database,
                      gint64         fallback,
                      const char    *format,
                      ...) G_GNUC_PRINTF (3, 4);

static inline gint64
yishi_test_query_int (YishiDatabase *database,
                      gint64         fallback,
                      const char    *format,
                      ...)
{
  va_list args;
  char *sql;
  gint64 value;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  value = yishi_database_query_int (database, sql, fallback);
  g_free (sql);
  return value;
}

/* ID numbers -------------------------------------------------------------------------- */

/* A valid 18-digit resident ID number (GB 11643): @region (6 digits), @birth (YYYYMMDD),
 * @sequence (3 digits) and the ISO 7064 MOD 11-2 check, written independently of the core.
 * Returns: (transfer full) */
static inline char *
yishi_test_id_number (const char *region,
                      const char *birth,
                      const char *sequence)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  char *id = g_strconcat (region, birth, sequence, "?", NULL);
  int sum = 0;

  g_assert_cmpuint (strlen (id), ==, 18);
  for (int i = 0; i < 17; i++)
    sum += (id[i] - '0') * weights[i];
  id[17] = "10X98765432"[sum % 11];
  return id;
}

/* @id with a wrong check character, in place. Returns: @id */
static inline char *
yishi_test_break_check (char *id)
{
  id[17] = id[17] == '0' ? '1' : '0';
  return id;
}

/* Text ------------------------------------------------------------------------------------ */

static inline guint
yishi_test_count_matches (const char *pattern,
                          const char *text)
{
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  GMatchInfo *info = NULL;
  guint n = 0;

  g_assert_nonnull (regex);
  for (g_regex_match (regex, text, 0, &info); g_match_info_matches (info);
       g_match_info_next (info, NULL))
    n++;
  g_match_info_free (info);
  g_regex_unref (regex);
  return n;
}

/* @text without white space: a number broken over two lines is found too.
 * Returns: (transfer full) */
static inline char *
yishi_test_squeezed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* PDF read back with Poppler ------------------------------------------------------------ */

static inline PopplerDocument *
yishi_test_open_pdf (const char *path)
{
  GError *error = NULL;
  char *absolute = g_canonicalize_filename (path, NULL);
  char *uri = g_filename_to_uri (absolute, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_free (uri);
  g_free (absolute);
  return document;
}

/* Returns: (transfer full): the text of each page of @document */
static inline GPtrArray *
yishi_test_pdf_pages_text (PopplerDocument *document)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      g_ptr_array_add (pages, poppler_page_get_text (page));
      g_object_unref (page);
    }
  return pages;
}

/* Returns: (transfer full): @pages joined, each followed by a new line */
static inline char *
yishi_test_pdf_joined (GPtrArray *pages)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    g_string_append_printf (all, "%s\n", (const char *)g_ptr_array_index (pages, i));
  return g_string_free (all, FALSE);
}

/* Returns: (transfer full): the text of the PDF at @path, each page followed by a new line */
static inline char *
yishi_test_pdf_text (const char *path)
{
  PopplerDocument *document = yishi_test_open_pdf (path);
  GPtrArray *pages = yishi_test_pdf_pages_text (document);
  char *text = yishi_test_pdf_joined (pages);

  g_ptr_array_unref (pages);
  g_object_unref (document);
  return text;
}
