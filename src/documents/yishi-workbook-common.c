/* yishi-workbook-common.c — what the internal workbooks share: the file written beside
 * its target and renamed over it, the notice and header formats, the print setup.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-community.h"

#include "yishi-workbook-common.h"

gboolean
yishi_workbook_check (lxw_error   rc,
                      GError    **error)
{
  if (rc == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The workbook could not be written (%s)."), lxw_strerror (rc));
  return FALSE;
}

gboolean
yishi_workbook_cannot_write (const char  *path,
                             int          saved,
                             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Cannot write “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}

static gboolean
cannot_start (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The workbook could not be started (out of memory or no room for "
                 "temporary files)."));
  return FALSE;
}

/* The file ----------------------------------------------------------------------------- */

/**
 * yishi_workbook_file_open:
 * @file: zeroed
 *
 * Starts a workbook in a temporary file beside @path (the rename stays on one file
 * system) with its sheets' temporary files in a folder of their own.  Whatever happens,
 * yishi_workbook_file_clear() frees @file afterwards.
 */
gboolean
yishi_workbook_file_open (YishiWorkbookFile  *file,
                          const char         *path,
                          gboolean            constant_memory,
                          GError            **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  lxw_workbook_options options = { .constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE };
  int fd;

  file->path = g_strdup (path);
  file->sheets = g_ptr_array_new ();
  file->partial = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (file->partial);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&file->partial, g_free);
      return yishi_workbook_cannot_write (path, saved, error);
    }
  g_close (fd, NULL);
  file->tmpdir = g_dir_make_tmp ("yishi-xlsx-XXXXXX", error);
  if (file->tmpdir == NULL)
    return FALSE;
  options.tmpdir = file->tmpdir;
  file->workbook = workbook_new_opt (file->partial, &options);
  if (file->workbook == NULL)
    return cannot_start (error);
  return TRUE;
}

lxw_worksheet *
yishi_workbook_file_add_sheet (YishiWorkbookFile  *file,
                               const char         *name,
                               GError            **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (file->workbook, name);

  if (sheet == NULL)
    {
      cannot_start (error);
      return NULL;
    }
  g_ptr_array_add (file->sheets, sheet);
  return sheet;
}

/* The document properties of an internal workbook of @owner (the community or the
 * district, "" for none). */
void
yishi_workbook_file_set_properties (YishiWorkbookFile *file,
                                    const char        *title,
                                    const char        *owner)
{
  g_autofree char *author = g_strdup ("议事 Yishi");
  g_autofree char *subject = g_strdup (YISHI_WORKBOOK_INTERNAL_NOTICE);
  g_autofree char *company = *owner != '\0' ? g_strdup (owner) : NULL;
  g_autofree char *copy = g_strdup (title);
  lxw_doc_properties properties = { 0 };

  properties.title = copy;
  properties.subject = subject;
  properties.author = author;
  properties.comments = subject;
  properties.company = company;
  workbook_set_properties (file->workbook, &properties);
}

/* Zips the workbook and renames it over its path. */
gboolean
yishi_workbook_file_close (YishiWorkbookFile  *file,
                           GError            **error)
{
  lxw_error rc = workbook_close (file->workbook);

  file->workbook = NULL;
  if (!yishi_workbook_check (rc, error))
    return FALSE;
  if (g_rename (file->partial, file->path) != 0)
    return yishi_workbook_cannot_write (file->path, errno, error);
  g_clear_pointer (&file->partial, g_free);
  return TRUE;
}

static void
remove_tree (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (folder, name, NULL);

        g_remove (child);
      }
  g_rmdir (folder);
}

/* Frees what is left: a workbook that will not be written (with its sheets' temporary
 * files), the partial file, the temporary folder. */
void
yishi_workbook_file_clear (YishiWorkbookFile *file)
{
  if (file->workbook != NULL)
    {
      for (guint i = 0; i < file->sheets->len; i++)
        {
          lxw_worksheet *sheet = g_ptr_array_index (file->sheets, i);

          if (sheet->optimize_tmpfile != NULL)
            {
              fclose (sheet->optimize_tmpfile);
              sheet->optimize_tmpfile = NULL;
              sheet->file = NULL;
            }
        }
      lxw_workbook_free (file->workbook);
      file->workbook = NULL;
    }
  if (file->partial != NULL)
    g_remove (file->partial);
  if (file->tmpdir != NULL)
    remove_tree (file->tmpdir);
  g_clear_pointer (&file->partial, g_free);
  g_clear_pointer (&file->tmpdir, g_free);
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->sheets, g_ptr_array_unref);
}

/* Formats and print setup -------------------------------------------------------------- */

/* The red notice: 内部资料 … on the first row of a sheet. */
lxw_format *
yishi_workbook_add_notice_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_bold (format);
  format_set_font_size (format, 12);
  format_set_font_color (format, 0xC00000);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

/* The header row of a table: bold, wrapped, centred, shaded, framed. */
lxw_format *
yishi_workbook_add_header_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_bold (format);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_CENTER);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (format, 0xDDEBF7);
  format_set_border (format, LXW_BORDER_THIN);
  return format;
}

/* Header and footer text: "&" is a code there.  At most @max_chars characters of @text
 * (-1: all). */
char *
yishi_workbook_header_escape (const char *text,
                              glong       max_chars)
{
  g_autoptr (GString) out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = text; *p != '\0' && (max_chars < 0 || n < max_chars);
       p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append (out, "&&");
      else
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A4, one page wide, the notice in the header and the footer; @heading is escaped
 * already (yishi_workbook_header_escape()). */
void
yishi_workbook_page_setup (lxw_worksheet *sheet,
                           const char    *heading,
                           const char    *generated,
                           gboolean       landscape)
{
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options margins = { .margin = 0.3 };

  if (landscape)
    worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9); /* A4 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.75, 0.75);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  header = g_strdup_printf ("&L&\"-,Bold\"&KC00000%s&R%s", YISHI_WORKBOOK_INTERNAL_NOTICE,
                            heading);
  footer = g_strdup_printf ("&L生成时间：%s&C第 &P 页，共 &N 页&R%s", generated,
                            YISHI_WORKBOOK_INTERNAL_NOTICE);
  worksheet_set_header_opt (sheet, header, &margins);
  worksheet_set_footer_opt (sheet, footer, &margins);
}

/* The first row of a table: @text merged over its columns up to @last_col. */
gboolean
yishi_workbook_notice_row (lxw_worksheet  *sheet,
                           lxw_col_t       last_col,
                           const char     *text,
                           lxw_format     *format,
                           GError        **error)
{
  worksheet_set_row (sheet, 0, 22, NULL);
  return yishi_workbook_check (worksheet_merge_range (sheet, 0, 0, 0, last_col, text, format),
                               error);
}

static gboolean
two_digits (const char *p,
            int        *value)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  *value = (p[0] - '0') * 10 + (p[1] - '0');
  return TRUE;
}

/* "YYYY-MM-DD", or with @with_time also "YYYY-MM-DD HH:MM", as a date from 1900 on. */
gboolean
yishi_workbook_parse_date (const char   *text,
                           gboolean      with_time,
                           lxw_datetime *when)
{
  size_t length = strlen (text);
  int century = 0, year = 0;
  gboolean ok;

  *when = (lxw_datetime){ 0 };
  ok = (length == 10 || (with_time && length == 16))
       && two_digits (text, &century) && two_digits (text + 2, &year) && text[4] == '-'
       && two_digits (text + 5, &when->month) && text[7] == '-'
       && two_digits (text + 8, &when->day)
       && (length == 10 || (text[10] == ' ' && two_digits (text + 11, &when->hour)
                            && text[13] == ':' && two_digits (text + 14, &when->min)));
  when->year = century * 100 + year;
  return ok && when->year >= 1900
         && g_date_valid_dmy ((GDateDay)when->day, (GDateMonth)when->month,
                              (GDateYear)when->year);
}

/* Now, local time, as the footers print it. */
char *
yishi_workbook_now_string (void)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Who a workbook is of: the community, or the district of a file of several; "" when
 * the file has no community. */
char *
yishi_workbook_owner_name (YishiDatabase *database)
{
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);

  if (community == NULL)
    return g_strdup ("");
  if (yishi_database_count (database, "community") > 1)
    return g_strdup (community->district);
  return g_strdup (community->name);
}
