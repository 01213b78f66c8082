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

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "yishi-enums.h"
#include "yishi-notice-points.h"
#include "yishi-points.h"
#include "yishi-registry-export.h"

#include "yishi-workbook-common.h"
#include "yishi-workbook-points.h"

#define INTERNAL_NOTICE YISHI_WORKBOOK_INTERNAL_NOTICE
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
  YishiWorkbookFile file;
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
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format,
            GError       **error)
{
  if ((text == NULL || *text == '\0') && format == NULL)
    return TRUE;
  return yishi_workbook_check (worksheet_write_string (sheet, row, col, text != NULL ? text : "",
                                                       format), error);
}

static void
add_formats (Writer *writer)
{
  lxw_workbook *workbook = writer->file.workbook;

  writer->notice = yishi_workbook_add_notice_format (workbook);
  writer->header = yishi_workbook_add_header_format (workbook);

  writer->number = workbook_add_format (workbook);
  format_set_num_format (writer->number, "0.##");

  writer->date_time = workbook_add_format (workbook);
  format_set_align (writer->date_time, LXW_ALIGN_LEFT);
  format_set_num_format (writer->date_time, "yyyy-mm-dd hh:mm");

  writer->total_label = workbook_add_format (workbook);
  format_set_bold (writer->total_label);
  format_set_bg_color (writer->total_label, 0xF2F2F2);
  format_set_top (writer->total_label, LXW_BORDER_THIN);

  writer->total_number = workbook_add_format (workbook);
  format_set_bold (writer->total_number);
  format_set_bg_color (writer->total_number, 0xF2F2F2);
  format_set_top (writer->total_number, LXW_BORDER_THIN);
  format_set_num_format (writer->total_number, "0.##");
}

static void
page_setup (lxw_worksheet *sheet,
            const char    *heading,
            const char    *generated,
            gboolean       landscape)
{
  g_autofree char *escaped = yishi_workbook_header_escape (heading, -1);

  yishi_workbook_page_setup (sheet, escaped, generated, landscape);
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
  if (!yishi_workbook_notice_row (sheet, (lxw_col_t)(n_columns - 1), title, writer->notice,
                                  error))
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
  return yishi_workbook_check (worksheet_write_number (sheet, row, col, value, format), error);
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
  return yishi_workbook_check (worksheet_write_formula_num (sheet, row, col, formula,
                                                            writer->total_number, value), error);
}

/* An autofilter over the header and the data rows above @totals_row. */
static gboolean
filter_data (lxw_worksheet *sheet,
             lxw_row_t      totals_row,
             guint          n_columns,
             GError       **error)
{
  return yishi_workbook_check (worksheet_autofilter (sheet, 1, 0,
                                                     MAX (totals_row - 1, (lxw_row_t)1),
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
    ok = yishi_workbook_check (worksheet_write_datetime (sheet, r, 0, &when, writer->date_time),
                               error);
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
  g_autofree char *owner = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *standings_title = NULL;
  g_autofree char *entries_title = NULL;
  g_autofree char *generated = NULL;
  gboolean ok = FALSE;

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

  owner = yishi_workbook_owner_name (database);
  generated = yishi_workbook_now_string ();
  heading = g_strdup_printf ("%s志愿服务积分（%d年%s）", owner, year, yishi_notice_quarter_name (quarter));
  standings_title = g_strdup_printf ("%s积分排名（%d年%s，累计积分截至季度末）· %s", owner, year,
                                     yishi_notice_quarter_name (quarter), INTERNAL_NOTICE);
  entries_title = g_strdup_printf ("%s积分明细（%d年%s）· %s", owner, year,
                                   yishi_notice_quarter_name (quarter), INTERNAL_NOTICE);

  if (!yishi_workbook_file_open (&writer.file, path, TRUE, error)
      || (writer.sheets[0] = yishi_workbook_file_add_sheet (&writer.file, SHEET_STANDINGS,
                                                            error)) == NULL
      || (writer.sheets[1] = yishi_workbook_file_add_sheet (&writer.file, SHEET_ENTRIES,
                                                            error)) == NULL)
    goto out;
  writer.entries = writer.sheets[1];
  add_formats (&writer);
  page_setup (writer.sheets[0], heading, generated, FALSE);
  page_setup (writer.sheets[1], heading, generated, TRUE);

  if (!write_standings (&writer, writer.sheets[0], standings, standings_title, error)
      || !write_entries (&writer, database, year, quarter, entries_title, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  yishi_workbook_file_set_properties (&writer.file, heading, owner);
  if (!yishi_workbook_file_close (&writer.file, error))
    goto out;
  ok = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);

out:
  yishi_workbook_file_clear (&writer.file);
  return ok;
}
