/* yishi-workbook-points.c — the internal points workbook of a quarter: 积分排名 (the
 * standings, by balance, with full names and whether each agreed to be named in public)
 * and 积分明细 (every entry of the quarter), each with a totals line whose formulas carry
 * their computed values.
 *
 * libxlsxwriter in constant_memory mode (a district's quarter has tens of thousands of
 * entries); written beside @path and renamed over it at the end.
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
#include <xlsxwriter.h>

#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-enums.h"
#include "yishi-notice-points.h"
#include "yishi-points.h"
#include "yishi-registry-export.h"

#include "yishi-workbook-points.h"

#define INTERNAL_NOTICE "内部资料 · 含个人信息 · 不得公开"
#define SHEET_STANDINGS "积分排名"
#define SHEET_ENTRIES "积分明细"
#define FIRST_DATA_ROW 2
#define PROGRESS_EVERY 2048

static const struct
{
  const char *header;
  double width;
} standing_columns[] = {
  { "排名", 6 }, { "姓名", 10 }, { "网格", 12 }, { "本季度获得", 11 }, { "本季度兑换", 11 },
  { "累计积分", 10 }, { "等级", 8 }, { "同意公示姓名", 12 },
}, entry_columns[] = {
  { "时间", 16.5 }, { "姓名", 10 }, { "网格", 12 }, { "类型", 8 }, { "积分规则", 12 },
  { "时长（小时）", 11 }, { "积分", 9 }, { "说明", 40 },
};

static const char *const entry_kinds[] = { "earn", "redeem", "adjust" };

typedef struct
{
  lxw_workbook *workbook;
  char *partial;
  char *tmpdir;
  lxw_worksheet *sheets[2];

  lxw_format *notice;
  lxw_format *header;
  lxw_format *number;
  lxw_format *date_time;
  lxw_format *total_label;
  lxw_format *total_number;

  lxw_worksheet *entries;
  lxw_row_t next_row;
  double hours;
  double net;
  double by_kind[3];       /* earned, redeemed (negative), adjusted */
  gint64 done;
  GCancellable *cancellable;
  YishiWorkbookProgress progress;
  gpointer progress_data;
} Writer;

static gboolean
set_lxw_error (lxw_error   rc,
               GError    **error)
{
  if (rc == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The workbook could not be written (%s)."), lxw_strerror (rc));
  return FALSE;
}

static gboolean
cannot_write (const char  *path,
              int          saved,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Cannot write “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}

static gboolean
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format,
            GError       **error)
{
  if ((text == NULL || *text == '\0') && format == NULL)
    return TRUE;
  return set_lxw_error (worksheet_write_string (sheet, row, col, text != NULL ? text : "",
                                                format), error);
}

static void
add_formats (Writer *writer)
{
  writer->notice = workbook_add_format (writer->workbook);
  format_set_bold (writer->notice);
  format_set_font_size (writer->notice, 12);
  format_set_font_color (writer->notice, 0xC00000);
  format_set_align (writer->notice, LXW_ALIGN_VERTICAL_CENTER);

  writer->header = workbook_add_format (writer->workbook);
  format_set_bold (writer->header);
  format_set_text_wrap (writer->header);
  format_set_align (writer->header, LXW_ALIGN_CENTER);
  format_set_align (writer->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (writer->header, 0xDDEBF7);
  format_set_border (writer->header, LXW_BORDER_THIN);

  writer->number = workbook_add_format (writer->workbook);
  format_set_num_format (writer->number, "0.##");

  writer->date_time = workbook_add_format (writer->workbook);
  format_set_align (writer->date_time, LXW_ALIGN_LEFT);
  format_set_num_format (writer->date_time, "yyyy-mm-dd hh:mm");

  writer->total_label = workbook_add_format (writer->workbook);
  format_set_bold (writer->total_label);
  format_set_bg_color (writer->total_label, 0xF2F2F2);
  format_set_top (writer->total_label, LXW_BORDER_THIN);

  writer->total_number = workbook_add_format (writer->workbook);
  format_set_bold (writer->total_number);
  format_set_bg_color (writer->total_number, 0xF2F2F2);
  format_set_top (writer->total_number, LXW_BORDER_THIN);
  format_set_num_format (writer->total_number, "0.##");
}

/* Header and footer text: "&" is a code there. */
static char *
header_escape (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
page_setup (lxw_worksheet *sheet,
            const char    *heading,
            const char    *generated)
{
  g_autofree char *escaped = header_escape (heading);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options margins = { .margin = 0.3 };

  worksheet_set_paper (sheet, 9); /* A4 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.75, 0.75);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  header = g_strdup_printf ("&L&\"-,Bold\"&KC00000%s&R%s", INTERNAL_NOTICE, escaped);
  footer = g_strdup_printf ("&L生成时间：%s&C第 &P 页，共 &N 页&R%s", generated, INTERNAL_NOTICE);
  worksheet_set_header_opt (sheet, header, &margins);
  worksheet_set_footer_opt (sheet, footer, &margins);
  worksheet_repeat_rows (sheet, 1, 1);
}

/* The title row (merged) and the header row. */
static gboolean
start_sheet (Writer        *writer,
             lxw_worksheet *sheet,
             const char    *title,
             const char    *const *headers,
             const double  *widths,
             guint          n_columns,
             GError       **error)
{
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
  worksheet_set_row (sheet, 0, 22, NULL);
  if (!set_lxw_error (worksheet_merge_range (sheet, 0, 0, 0, (lxw_col_t)(n_columns - 1), title,
                                             writer->notice), error))
    return FALSE;
  worksheet_set_row (sheet, 1, 24, NULL);
  for (guint c = 0; c < n_columns; c++)
    if (!write_text (sheet, 1, (lxw_col_t)c, headers[c], writer->header, error))
      return FALSE;
  worksheet_freeze_panes (sheet, FIRST_DATA_ROW, 0);
  return TRUE;
}

static gboolean
write_number (lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value,
              lxw_format    *format,
              GError       **error)
{
  return set_lxw_error (worksheet_write_number (sheet, row, col, value, format), error);
}

/* =SUM over the data rows of @col, with its value cached for readers that do not
 * recalculate. */
static gboolean
write_sum (Writer        *writer,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           double         value,
           GError       **error)
{
  char formula[64];
  char name[4] = { (char)('A' + col), '\0' };

  if (row <= FIRST_DATA_ROW)
    return write_number (sheet, row, col, value, writer->total_number, error);
  g_snprintf (formula, sizeof formula, "=SUM(%s%u:%s%u)", name, FIRST_DATA_ROW + 1, name, row);
  return set_lxw_error (worksheet_write_formula_num (sheet, row, col, formula,
                                                     writer->total_number, value), error);
}

/* An autofilter over the header and the data rows above @totals_row. */
static gboolean
filter_data (lxw_worksheet *sheet,
             lxw_row_t      totals_row,
             guint          n_columns,
             GError       **error)
{
  return set_lxw_error (worksheet_autofilter (sheet, 1, 0, MAX (totals_row - 1, (lxw_row_t)1),
                                              (lxw_col_t)(n_columns - 1)), error);
}

static gboolean
write_standings (Writer         *writer,
                 lxw_worksheet  *sheet,
                 GPtrArray      *standings,
                 const char     *title,
                 GError        **error)
{
  const char *headers[G_N_ELEMENTS (standing_columns)];
  double widths[G_N_ELEMENTS (standing_columns)];
  double earned = 0, redeemed = 0, balance = 0;
  lxw_row_t r = FIRST_DATA_ROW;
  guint rank = 0;

  for (guint c = 0; c < G_N_ELEMENTS (standing_columns); c++)
    {
      headers[c] = standing_columns[c].header;
      widths[c] = standing_columns[c].width;
    }
  if (!start_sheet (writer, sheet, title, headers, widths, G_N_ELEMENTS (headers), error))
    return FALSE;

  for (guint i = 0; i < standings->len; i++, r++)
    {
      const YishiPointsStanding *standing = g_ptr_array_index (standings, i);
      const YishiPointsStanding *before = i > 0 ? g_ptr_array_index (standings, i - 1) : NULL;

      /* Equal balances share a rank: 1, 2, 2, 4. */
      if (before == NULL || before->balance != standing->balance)
        rank = i + 1;
      earned += standing->earned;
      redeemed += standing->redeemed;
      balance += standing->balance;
      if (!write_number (sheet, r, 0, rank, NULL, error)
          || !write_text (sheet, r, 1, standing->name, NULL, error)
          || !write_text (sheet, r, 2, standing->grid, NULL, error)
          || !write_number (sheet, r, 3, standing->earned, writer->number, error)
          || !write_number (sheet, r, 4, standing->redeemed, writer->number, error)
          || !write_number (sheet, r, 5, standing->balance, writer->number, error)
          || !write_text (sheet, r, 6, standing->level, NULL, error)
          || !write_text (sheet, r, 7, standing->public_name_consent ? "是" : "否", NULL, error))
        return FALSE;
    }

  /* The filter covers the data, not the totals; in constant_memory mode it must be set
   * before a later row is written. */
  if (!filter_data (sheet, r, G_N_ELEMENTS (headers), error))
    return FALSE;
  if (!write_text (sheet, r, 0, "合计", writer->total_label, error)
      || !write_text (sheet, r, 1, NULL, writer->total_label, error))
    return FALSE;
  {
    g_autofree char *people = g_strdup_printf ("%u 人", standings->len);

    if (!write_text (sheet, r, 2, people, writer->total_label, error))
      return FALSE;
  }
  if (!write_sum (writer, sheet, r, 3, earned, error)
      || !write_sum (writer, sheet, r, 4, redeemed, error)
      || !write_sum (writer, sheet, r, 5, balance, error)
      || !write_text (sheet, r, 6, NULL, writer->total_label, error)
      || !write_text (sheet, r, 7, NULL, writer->total_label, error))
    return FALSE;
  return TRUE;
}

static gboolean
write_entry (gconstpointer   data,
             gpointer        user_data,
             GError        **error)
{
  const YishiExportPointsEntry *entry = data;
  Writer *writer = user_data;
  lxw_worksheet *sheet = writer->entries;
  lxw_row_t r = writer->next_row++;
  lxw_datetime when = { 0 };
  gboolean ok;

  if (sscanf (entry->at, "%4d-%2d-%2d %2d:%2d", &when.year, &when.month, &when.day, &when.hour,
              &when.min) == 5)
    ok = set_lxw_error (worksheet_write_datetime (sheet, r, 0, &when, writer->date_time), error);
  else
    ok = write_text (sheet, r, 0, entry->at, NULL, error);
  if (!ok
      || !write_text (sheet, r, 1, entry->name, NULL, error)
      || !write_text (sheet, r, 2, entry->grid, NULL, error)
      || !write_text (sheet, r, 3, yishi_enum_document_label (YISHI_ENUM_POINTS_KIND, entry->kind),
                      NULL, error)
      || !write_text (sheet, r, 4, entry->rule, NULL, error)
      || (entry->hours > 0 && !write_number (sheet, r, 5, entry->hours, writer->number, error))
      || !write_number (sheet, r, 6, entry->points, writer->number, error)
      || !write_text (sheet, r, 7, entry->description, NULL, error))
    return FALSE;

  writer->hours += entry->hours;
  writer->net += entry->points;
  for (guint k = 0; k < G_N_ELEMENTS (entry_kinds); k++)
    if (g_strcmp0 (entry->kind, entry_kinds[k]) == 0)
      writer->by_kind[k] += entry->points;
  if (++writer->done % PROGRESS_EVERY == 0
      && g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    return FALSE;
  return TRUE;
}

static gboolean
write_entries (Writer         *writer,
               YishiDatabase  *database,
               int             year,
               int             quarter,
               const char     *title,
               GError        **error)
{
  lxw_worksheet *sheet = writer->entries;
  const char *headers[G_N_ELEMENTS (entry_columns)];
  double widths[G_N_ELEMENTS (entry_columns)];
  g_autofree char *summary = NULL;
  lxw_row_t r;

  for (guint c = 0; c < G_N_ELEMENTS (entry_columns); c++)
    {
      headers[c] = entry_columns[c].header;
      widths[c] = entry_columns[c].width;
    }
  if (!start_sheet (writer, sheet, title, headers, widths, G_N_ELEMENTS (headers), error))
    return FALSE;
  worksheet_set_column (sheet, 7, 7, entry_columns[7].width, NULL);

  writer->next_row = FIRST_DATA_ROW;
  if (!yishi_registry_export_points (database, year, quarter, write_entry, writer,
                                     writer->cancellable, error))
    return FALSE;

  r = writer->next_row;
  if (!filter_data (sheet, r, G_N_ELEMENTS (headers), error))
    return FALSE;
  summary = g_strdup_printf ("%lld 条", (long long)(r - FIRST_DATA_ROW));
  if (!write_text (sheet, r, 0, "合计", writer->total_label, error)
      || !write_text (sheet, r, 1, summary, writer->total_label, error))
    return FALSE;
  for (lxw_col_t c = 2; c < 5; c++)
    if (!write_text (sheet, r, c, NULL, writer->total_label, error))
      return FALSE;
  if (!write_sum (writer, sheet, r, 5, writer->hours, error)
      || !write_sum (writer, sheet, r, 6, writer->net, error)
      || !write_text (sheet, r, 7, NULL, writer->total_label, error))
    return FALSE;
  /* Earned, redeemed and adjusted apart, under the net total. */
  for (guint k = 0; k < G_N_ELEMENTS (entry_kinds); k++)
    {
      g_autofree char *line = g_strdup_printf ("其中%s",
                                               yishi_enum_document_label (YISHI_ENUM_POINTS_KIND,
                                                                          entry_kinds[k]));

      if (!write_text (sheet, r + 1 + k, 5, line, NULL, error)
          || !write_number (sheet, r + 1 + k, 6, writer->by_kind[k], writer->number, error))
        return FALSE;
    }
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

static void
discard (Writer *writer)
{
  if (writer->workbook != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (writer->sheets); i++)
        if (writer->sheets[i] != NULL && writer->sheets[i]->optimize_tmpfile != NULL)
          {
            fclose (writer->sheets[i]->optimize_tmpfile);
            writer->sheets[i]->optimize_tmpfile = NULL;
            writer->sheets[i]->file = NULL;
          }
      lxw_workbook_free (writer->workbook);
      writer->workbook = NULL;
    }
  if (writer->partial != NULL)
    g_remove (writer->partial);
  if (writer->tmpdir != NULL)
    remove_tree (writer->tmpdir);
  g_clear_pointer (&writer->partial, g_free);
  g_clear_pointer (&writer->tmpdir, g_free);
}

/**
 * yishi_workbook_points_write:
 * @year: 2000–2999
 * @quarter: 1–4
 * @path: the workbook to write; replaced only when the whole workbook is written
 * @progress: (nullable): called with 0 at the start and 1 at the end
 *
 * Returns: %TRUE when @path holds the new workbook
 */
gboolean
yishi_workbook_points_write (YishiDatabase          *database,
                             int                     year,
                             int                     quarter,
                             const char             *path,
                             YishiWorkbookProgress   progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error)
{
  Writer writer = { 0 };
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (YishiCommunity) community = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *standings_title = NULL;
  g_autofree char *entries_title = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *author = g_strdup ("议事 Yishi");
  g_autofree char *subject = g_strdup (INTERNAL_NOTICE);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  gboolean ok = FALSE;
  lxw_error rc;
  int fd;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("%d Q%d is not a quarter from 2000 to 2999."), year, quarter);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.0, user_data);

  standings = yishi_points_quarter (database, year, quarter, error);
  if (standings == NULL)
    return FALSE;

  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = user_data;

  community = yishi_community_load (database, NULL);
  if (community == NULL)
    owner = g_strdup ("");
  else if (yishi_database_count (database, "community") > 1)
    owner = g_strdup (community->district);
  else
    owner = g_strdup (community->name);
  now = yishi_clock_now_utc ();
  local = g_date_time_to_local (now);
  generated = g_date_time_format (local, "%Y-%m-%d %H:%M");
  heading = g_strdup_printf ("%s志愿服务积分（%d年%s）", owner, year, yishi_notice_quarter_name (quarter));
  standings_title = g_strdup_printf ("%s积分排名（%d年%s，累计积分截至季度末）· %s", owner, year,
                                     yishi_notice_quarter_name (quarter), INTERNAL_NOTICE);
  entries_title = g_strdup_printf ("%s积分明细（%d年%s）· %s", owner, year,
                                   yishi_notice_quarter_name (quarter), INTERNAL_NOTICE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  writer.partial = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (writer.partial);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&writer.partial, g_free);
      return cannot_write (path, saved, error);
    }
  g_close (fd, NULL);
  writer.tmpdir = g_dir_make_tmp ("yishi-xlsx-XXXXXX", error);
  if (writer.tmpdir == NULL)
    goto out;
  options.tmpdir = writer.tmpdir;

  writer.workbook = workbook_new_opt (writer.partial, &options);
  if (writer.workbook != NULL)
    {
      writer.sheets[0] = workbook_add_worksheet (writer.workbook, SHEET_STANDINGS);
      writer.sheets[1] = workbook_add_worksheet (writer.workbook, SHEET_ENTRIES);
    }
  if (writer.workbook == NULL || writer.sheets[0] == NULL || writer.sheets[1] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook could not be started (out of memory or no room for "
                     "temporary files)."));
      goto out;
    }
  writer.entries = writer.sheets[1];
  add_formats (&writer);
  page_setup (writer.sheets[0], heading, generated);
  page_setup (writer.sheets[1], heading, generated);
  worksheet_set_landscape (writer.sheets[1]);

  if (!write_standings (&writer, writer.sheets[0], standings, standings_title, error)
      || !write_entries (&writer, database, year, quarter, entries_title, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  properties.title = heading;
  properties.subject = subject;
  properties.author = author;
  properties.comments = subject;
  properties.company = *owner != '\0' ? owner : NULL;
  workbook_set_properties (writer.workbook, &properties);

  rc = workbook_close (writer.workbook);
  writer.workbook = NULL;
  if (!set_lxw_error (rc, error))
    goto out;
  if (g_rename (writer.partial, path) != 0)
    {
      cannot_write (path, errno, error);
      goto out;
    }
  g_clear_pointer (&writer.partial, g_free);
  ok = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);

out:
  discard (&writer);
  return ok;
}
