/* yishi-workbook-ledger.c — the internal ledger workbook: 议题台账, 统计, 说明.
 *
 * libxlsxwriter in constant_memory mode: each sheet streams its rows in order into its
 * own temporary file, so the ledger sheet is written while the matters are read and the
 * figures, gathered on the way, go into the statistics sheet afterwards. The workbook is
 * written to a temporary file beside @path and renamed over it at the end.
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
#include <xlsxwriter.h>

#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-ledger-export.h"

#include "yishi-workbook-ledger.h"

#define INTERNAL_NOTICE "内部资料 · 含个人信息 · 不得公开"
#define SHEET_LEDGER "议题台账"
#define SHEET_FIGURES "统计"
#define SHEET_NOTES "说明"

/* Share of the progress bar for streaming rows; the rest is zipping the file. */
#define ROWS_SHARE 0.45
#define PROGRESS_EVERY 2000

/* Excel's limit on the characters of one cell. */
#define CELL_MAX_CHARS 32767

typedef enum
{
  CELL_TEXT,
  CELL_WRAP,
  CELL_DATE_TIME, /* "YYYY-MM-DD HH:MM" written as an Excel date and time */
  CELL_DATE,      /* "YYYY-MM-DD" written as an Excel date */
} CellKind;

static const struct
{
  const char *header;
  double width;
  CellKind kind;
} ledger_columns[] = {
  { "编号", 11, CELL_TEXT },
  { "受理时间", 16.5, CELL_DATE_TIME },
  { "来源渠道", 11, CELL_TEXT },
  { "类型", 6, CELL_TEXT },
  { "类别", 10, CELL_TEXT },
  { "紧急程度", 9, CELL_TEXT },
  { "事项规模", 9, CELL_TEXT },
  { "办理路径", 12, CELL_TEXT },
  { "议题", 26, CELL_WRAP },
  { "诉求内容", 48, CELL_WRAP },
  { "诉求人", 9, CELL_TEXT },
  { "联系电话", 13.5, CELL_TEXT },
  { "网格", 12, CELL_TEXT },
  { "楼栋", 9, CELL_TEXT },
  { "单元", 7, CELL_TEXT },
  { "地点", 12, CELL_TEXT },
  { "责任方", 22, CELL_WRAP },
  { "办理时限", 11, CELL_DATE },
  { "状态", 9, CELL_TEXT },
  { "办结日期", 11, CELL_DATE },
  { "满意度", 11, CELL_TEXT },
  { "按时办结", 9, CELL_TEXT },
  { "受理月份", 9, CELL_TEXT },
};

#define N_LEDGER_COLUMNS ((lxw_col_t)G_N_ELEMENTS (ledger_columns))

static const char *figure_headers[] = {
  NULL, /* the table's own first header */
  "收集", "办结", "按时办结", "已评价", "满意（含基本满意）", "办结率", "按时办结率", "满意率",
};

/* Figures of one month, category or grid. */
typedef struct
{
  gint64 id;
  char *label;
  char *sort_text;
  int position;
  gint64 collected;
  gint64 closed;
  gint64 on_time;
  gint64 rated;
  gint64 satisfied;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->label);
  g_free (tally->sort_text);
  g_free (tally);
}

static void
tally_add (Tally                *tally,
           const YishiLedgerRow *row)
{
  tally->collected++;
  if (row->is_closed)
    {
      tally->closed++;
      if (row->on_time)
        tally->on_time++;
    }
  if (row->rating_id != NULL && *row->rating_id != '\0')
    {
      tally->rated++;
      if (g_str_equal (row->rating_id, "satisfied")
          || g_str_equal (row->rating_id, "basically_satisfied"))
        tally->satisfied++;
    }
}

typedef struct
{
  lxw_workbook *workbook;
  lxw_worksheet *ledger;
  lxw_worksheet *figures;
  lxw_worksheet *notes;

  lxw_format *notice;
  lxw_format *header;
  lxw_format *wrap;
  lxw_format *date_time;
  lxw_format *date;
  lxw_format *title;
  lxw_format *section;
  lxw_format *label;
  lxw_format *count;
  lxw_format *percent;
  lxw_format *total_label;
  lxw_format *total_count;
  lxw_format *total_percent;
  lxw_format *note_key;
  lxw_format *note_text;
  lxw_format *note_count;

  GCancellable *cancellable;
  YishiWorkbookProgress progress;
  gpointer progress_data;
  gint64 expected;
  double reported;

  lxw_row_t next_row;
  gint64 rows;

  /* Months of the range, first = (year * 12 + month - 1) of @from */
  int first_month;
  guint n_months;
  Tally *months;
  GHashTable *categories; /* id → Tally */
  GHashTable *grids;      /* id → Tally */
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

static void
report (Writer *writer,
        double  fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (writer->progress == NULL || fraction < writer->reported)
    return;
  writer->reported = fraction;
  writer->progress (fraction, writer->progress_data);
}

/* Formats ------------------------------------------------------------------------------ */

static lxw_format *
new_format (Writer *writer)
{
  lxw_format *format = workbook_add_format (writer->workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
add_formats (Writer *writer)
{
  writer->notice = new_format (writer);
  format_set_bold (writer->notice);
  format_set_font_size (writer->notice, 12);
  format_set_font_color (writer->notice, 0xC00000);

  writer->header = new_format (writer);
  format_set_bold (writer->header);
  format_set_text_wrap (writer->header);
  format_set_align (writer->header, LXW_ALIGN_CENTER);
  format_set_bg_color (writer->header, 0xDDEBF7);
  format_set_border (writer->header, LXW_BORDER_THIN);

  /* The ledger's cells: text without a format (every attribute costs at 200,000 rows), the
   * long texts wrapped by their column's format, dates as dates. */
  writer->wrap = workbook_add_format (writer->workbook);
  format_set_text_wrap (writer->wrap);
  writer->date_time = workbook_add_format (writer->workbook);
  format_set_align (writer->date_time, LXW_ALIGN_LEFT);
  format_set_num_format (writer->date_time, "yyyy-mm-dd hh:mm");
  writer->date = workbook_add_format (writer->workbook);
  format_set_align (writer->date, LXW_ALIGN_LEFT);
  format_set_num_format (writer->date, "yyyy-mm-dd");

  writer->title = new_format (writer);
  format_set_bold (writer->title);
  format_set_font_size (writer->title, 14);

  writer->section = new_format (writer);
  format_set_bold (writer->section);
  format_set_font_size (writer->section, 12);

  writer->label = new_format (writer);
  format_set_border (writer->label, LXW_BORDER_THIN);
  writer->count = new_format (writer);
  format_set_border (writer->count, LXW_BORDER_THIN);
  format_set_num_format (writer->count, "0");
  writer->percent = new_format (writer);
  format_set_border (writer->percent, LXW_BORDER_THIN);
  format_set_num_format (writer->percent, "0.0%");

  writer->total_label = new_format (writer);
  format_set_bold (writer->total_label);
  format_set_border (writer->total_label, LXW_BORDER_THIN);
  format_set_bg_color (writer->total_label, 0xF2F2F2);
  writer->total_count = new_format (writer);
  format_set_bold (writer->total_count);
  format_set_border (writer->total_count, LXW_BORDER_THIN);
  format_set_bg_color (writer->total_count, 0xF2F2F2);
  format_set_num_format (writer->total_count, "0");
  writer->total_percent = new_format (writer);
  format_set_bold (writer->total_percent);
  format_set_border (writer->total_percent, LXW_BORDER_THIN);
  format_set_bg_color (writer->total_percent, 0xF2F2F2);
  format_set_num_format (writer->total_percent, "0.0%");

  writer->note_key = workbook_add_format (writer->workbook);
  format_set_bold (writer->note_key);
  format_set_align (writer->note_key, LXW_ALIGN_VERTICAL_TOP);
  writer->note_text = workbook_add_format (writer->workbook);
  format_set_text_wrap (writer->note_text);
  format_set_align (writer->note_text, LXW_ALIGN_VERTICAL_TOP);
  writer->note_count = workbook_add_format (writer->workbook);
  format_set_align (writer->note_count, LXW_ALIGN_LEFT);
  format_set_align (writer->note_count, LXW_ALIGN_VERTICAL_TOP);
}

/* Header and footer text: "&" is a code there. */
static char *
header_escape (const char *text,
               glong       max_chars)
{
  g_autoptr (GString) out = g_string_new (NULL);
  glong n = 0;

  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append (out, "&&");
      else
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
page_setup (lxw_worksheet *sheet,
            const char    *heading,
            const char    *generated)
{
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  lxw_header_footer_options margins = { .margin = 0.3 };

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9); /* A4 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.75, 0.75);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);

  header = g_strdup_printf ("&L&\"-,Bold\"&KC00000%s&R%s", INTERNAL_NOTICE, heading);
  footer = g_strdup_printf ("&L生成时间：%s&C第 &P 页，共 &N 页&R%s", generated, INTERNAL_NOTICE);
  worksheet_set_header_opt (sheet, header, &margins);
  worksheet_set_footer_opt (sheet, footer, &margins);
}

/* Cells -------------------------------------------------------------------------------- */

static gboolean
write_text (Writer        *writer,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format,
            GError       **error)
{
  lxw_error rc;

  if (*text == '\0' && format == NULL)
    return TRUE;
  rc = worksheet_write_string (sheet, row, col, text, format);
  if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    {
      /* A cell holds at most 32,767 characters: cut at a character boundary. */
      g_autofree char *cut = g_utf8_substring (text, 0, CELL_MAX_CHARS);

      rc = worksheet_write_string (sheet, row, col, cut, format);
      if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        {
          g_free (cut);
          cut = g_utf8_substring (text, 0, CELL_MAX_CHARS / 4);
          rc = worksheet_write_string (sheet, row, col, cut, format);
        }
    }
  return set_lxw_error (rc, error);
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

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" as a real date, so filters group by year and month;
 * anything else as the text it is. */
static gboolean
write_date (Writer        *writer,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            gboolean       with_time,
            GError       **error)
{
  lxw_datetime when = { 0 };
  size_t length = strlen (text);
  int century = 0, year = 0;
  gboolean ok;

  if (length == 0)
    return TRUE;
  ok = (length == 10 || (with_time && length == 16))
       && two_digits (text, &century) && two_digits (text + 2, &year) && text[4] == '-'
       && two_digits (text + 5, &when.month) && text[7] == '-' && two_digits (text + 8, &when.day)
       && (length == 10 || (text[10] == ' ' && two_digits (text + 11, &when.hour)
                            && text[13] == ':' && two_digits (text + 14, &when.min)));
  when.year = century * 100 + year;
  if (!ok || when.year < 1900 || !g_date_valid_dmy ((GDateDay)when.day, (GDateMonth)when.month,
                                                     (GDateYear)when.year))
    return write_text (writer, sheet, row, col, text, NULL, error);
  return set_lxw_error (worksheet_write_datetime (sheet, row, col, &when,
                                                  with_time ? writer->date_time : writer->date),
                        error);
}

static gboolean
write_ledger_row (const YishiLedgerRow  *row,
                  gpointer               user_data,
                  GError               **error)
{
  Writer *writer = user_data;
  lxw_row_t r = writer->next_row++;
  const char *requester = row->requester_name;
  const char *satisfaction = row->satisfaction;
  const char *on_time = row->is_closed ? (row->on_time ? "是" : "否") : "";
  const char *cells[N_LEDGER_COLUMNS];
  int index;
  Tally *tally;

  if (*requester == '\0' && row->anonymous)
    requester = "（匿名）";
  if (row->rating_id != NULL && *row->rating_id == '\0')
    satisfaction = "未联系上";

  cells[0] = row->serial;
  cells[1] = row->received;
  cells[2] = row->channel;
  cells[3] = row->kind;
  cells[4] = row->category;
  cells[5] = row->urgency;
  cells[6] = row->scale;
  cells[7] = row->route;
  cells[8] = row->title;
  cells[9] = row->content;
  cells[10] = requester;
  cells[11] = row->requester_phone;
  cells[12] = row->grid;
  cells[13] = row->building;
  cells[14] = row->unit;
  cells[15] = row->place;
  cells[16] = row->responsible;
  cells[17] = row->deadline;
  cells[18] = row->state;
  cells[19] = row->closed;
  cells[20] = satisfaction;
  cells[21] = on_time;
  cells[22] = row->month;

  for (lxw_col_t c = 0; c < N_LEDGER_COLUMNS; c++)
    {
      CellKind kind = ledger_columns[c].kind;
      gboolean ok = kind == CELL_DATE_TIME || kind == CELL_DATE
                    ? write_date (writer, writer->ledger, r, c, cells[c], kind == CELL_DATE_TIME,
                                  error)
                    : write_text (writer, writer->ledger, r, c, cells[c], NULL, error);

      if (!ok)
        return FALSE;
    }

  /* The figures, gathered on the way. */
  if (strlen (row->month) == 7)
    {
      index = (int)g_ascii_strtoll (row->month, NULL, 10) * 12
              + (int)g_ascii_strtoll (row->month + 5, NULL, 10) - 1 - writer->first_month;
      if (index >= 0 && (guint)index < writer->n_months)
        tally_add (&writer->months[index], row);
    }

  tally = g_hash_table_lookup (writer->categories, &row->category_id);
  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->id = row->category_id;
      tally->label = g_strdup (row->category_id != 0 ? row->category : "（未分类）");
      tally->position = row->category_id != 0 ? row->category_position : G_MAXINT;
      g_hash_table_insert (writer->categories, &tally->id, tally);
    }
  tally_add (tally, row);

  tally = g_hash_table_lookup (writer->grids, &row->grid_id);
  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->id = row->grid_id;
      tally->label = g_strdup (row->grid_id != 0 ? row->grid : "（未划入网格）");
      /* Grids by community, then by their order; matters without a grid last ("\xff"
       * sorts after any UTF-8). */
      tally->sort_text = g_strdup (row->grid_id != 0 ? row->community : "\xff");
      tally->position = row->grid_id != 0 ? row->grid_position : G_MAXINT;
      g_hash_table_insert (writer->grids, &tally->id, tally);
    }
  tally_add (tally, row);

  writer->rows++;
  if (writer->rows % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (writer->expected > 0)
        report (writer, ROWS_SHARE * (double)writer->rows / (double)writer->expected);
    }
  return TRUE;
}

/* Reading ahead ------------------------------------------------------------------------
 *
 * With two processors or more, the rows are read from SQLite in a thread of their own and
 * handed over in batches, so the query and the XML writing overlap. Each batch copies its
 * rows' text into one buffer that is reused: no allocation per row once warmed up.
 * YISHI_WORKBOOK_READ_AHEAD=0 turns it off (the tests compare both ways).
 */

#define BATCH_ROWS 256
#define N_BATCHES 4

static const gsize row_strings[] = {
  G_STRUCT_OFFSET (YishiLedgerRow, serial),
  G_STRUCT_OFFSET (YishiLedgerRow, received),
  G_STRUCT_OFFSET (YishiLedgerRow, channel),
  G_STRUCT_OFFSET (YishiLedgerRow, kind),
  G_STRUCT_OFFSET (YishiLedgerRow, category),
  G_STRUCT_OFFSET (YishiLedgerRow, urgency),
  G_STRUCT_OFFSET (YishiLedgerRow, scale),
  G_STRUCT_OFFSET (YishiLedgerRow, route),
  G_STRUCT_OFFSET (YishiLedgerRow, title),
  G_STRUCT_OFFSET (YishiLedgerRow, content),
  G_STRUCT_OFFSET (YishiLedgerRow, requester_name),
  G_STRUCT_OFFSET (YishiLedgerRow, requester_phone),
  G_STRUCT_OFFSET (YishiLedgerRow, community),
  G_STRUCT_OFFSET (YishiLedgerRow, grid),
  G_STRUCT_OFFSET (YishiLedgerRow, building),
  G_STRUCT_OFFSET (YishiLedgerRow, unit),
  G_STRUCT_OFFSET (YishiLedgerRow, place),
  G_STRUCT_OFFSET (YishiLedgerRow, responsible),
  G_STRUCT_OFFSET (YishiLedgerRow, deadline),
  G_STRUCT_OFFSET (YishiLedgerRow, state),
  G_STRUCT_OFFSET (YishiLedgerRow, closed),
  G_STRUCT_OFFSET (YishiLedgerRow, satisfaction),
  G_STRUCT_OFFSET (YishiLedgerRow, month),
  G_STRUCT_OFFSET (YishiLedgerRow, state_id),
  G_STRUCT_OFFSET (YishiLedgerRow, rating_id),
};

#define N_ROW_STRINGS G_N_ELEMENTS (row_strings)
#define NO_STRING G_MAXSIZE

typedef struct
{
  guint n_rows;
  GString *text;
  YishiLedgerRow rows[BATCH_ROWS];
  gsize offsets[BATCH_ROWS][N_ROW_STRINGS];
} Batch;

typedef struct
{
  GMutex lock;
  GCond changed;
  Batch batches[N_BATCHES];
  guint head;      /* the batch the writer takes next */
  guint filled;    /* batches ready or being written */
  gboolean done;   /* the reader has finished */
  gboolean stop;   /* the writer has given up */
  GError *error;   /* why the reader stopped early */
  Batch *filling;  /* the reader's, not yet handed over */

  YishiDatabase *database;
  const char *from;
  const char *to;
  GCancellable *cancellable;
} ReadAhead;

static void
batch_put (Batch                *batch,
           const YishiLedgerRow *row)
{
  guint n = batch->n_rows++;

  batch->rows[n] = *row;
  for (guint i = 0; i < N_ROW_STRINGS; i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, row, row_strings[i]);

      if (text == NULL)
        batch->offsets[n][i] = NO_STRING;
      else
        {
          batch->offsets[n][i] = batch->text->len;
          g_string_append_len (batch->text, text, (gssize)strlen (text) + 1);
        }
    }
}

/* Points the strings of row @n into the batch's buffer, which no longer moves. */
static const YishiLedgerRow *
batch_get (Batch *batch,
           guint  n)
{
  YishiLedgerRow *row = &batch->rows[n];

  for (guint i = 0; i < N_ROW_STRINGS; i++)
    {
      gsize offset = batch->offsets[n][i];

      G_STRUCT_MEMBER (const char *, row, row_strings[i]) =
        offset == NO_STRING ? NULL : batch->text->str + offset;
    }
  return row;
}

/* Hands the reader's batch to the writer; FALSE when the writer has given up. */
static gboolean
read_ahead_publish (ReadAhead *ahead)
{
  gboolean go_on;

  g_mutex_lock (&ahead->lock);
  if (ahead->filling != NULL && ahead->filling->n_rows > 0)
    ahead->filled++;
  ahead->filling = NULL;
  go_on = !ahead->stop;
  g_cond_broadcast (&ahead->changed);
  g_mutex_unlock (&ahead->lock);
  return go_on;
}

static gboolean
read_ahead_row (const YishiLedgerRow  *row,
                gpointer               user_data,
                GError               **error)
{
  ReadAhead *ahead = user_data;

  if (ahead->filling == NULL)
    {
      g_mutex_lock (&ahead->lock);
      while (ahead->filled == N_BATCHES && !ahead->stop)
        g_cond_wait (&ahead->changed, &ahead->lock);
      if (!ahead->stop)
        ahead->filling = &ahead->batches[(ahead->head + ahead->filled) % N_BATCHES];
      g_mutex_unlock (&ahead->lock);
      if (ahead->filling == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The workbook was not finished."));
          return FALSE;
        }
      ahead->filling->n_rows = 0;
      g_string_truncate (ahead->filling->text, 0);
    }
  batch_put (ahead->filling, row);
  if (ahead->filling->n_rows == BATCH_ROWS && !read_ahead_publish (ahead))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The workbook was not finished."));
      return FALSE;
    }
  return TRUE;
}

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *ahead = data;
  GError *error = NULL;

  yishi_ledger_export_foreach (ahead->database, ahead->from, ahead->to, read_ahead_row, ahead,
                               ahead->cancellable, &error);
  read_ahead_publish (ahead);
  g_mutex_lock (&ahead->lock);
  ahead->error = error;
  ahead->done = TRUE;
  g_cond_broadcast (&ahead->changed);
  g_mutex_unlock (&ahead->lock);
  return NULL;
}

static gboolean
stream_rows_read_ahead (Writer         *writer,
                        YishiDatabase  *database,
                        const char     *from,
                        const char     *to,
                        GError        **error)
{
  ReadAhead ahead = {
    .database = database, .from = from, .to = to, .cancellable = writer->cancellable,
  };
  g_autoptr (GError) local_error = NULL;
  GThread *thread;
  gboolean ok = TRUE;

  g_mutex_init (&ahead.lock);
  g_cond_init (&ahead.changed);
  for (guint i = 0; i < N_BATCHES; i++)
    ahead.batches[i].text = g_string_sized_new (BATCH_ROWS * 512);

  thread = g_thread_new ("yishi-ledger-rows", read_ahead_thread, &ahead);
  for (;;)
    {
      Batch *batch;

      g_mutex_lock (&ahead.lock);
      while (ahead.filled == 0 && !ahead.done)
        g_cond_wait (&ahead.changed, &ahead.lock);
      batch = ahead.filled > 0 ? &ahead.batches[ahead.head] : NULL;
      g_mutex_unlock (&ahead.lock);
      if (batch == NULL)
        break;

      for (guint i = 0; ok && i < batch->n_rows; i++)
        ok = write_ledger_row (batch_get (batch, i), writer, &local_error);

      g_mutex_lock (&ahead.lock);
      ahead.head = (ahead.head + 1) % N_BATCHES;
      ahead.filled--;
      if (!ok)
        ahead.stop = TRUE;
      g_cond_broadcast (&ahead.changed);
      g_mutex_unlock (&ahead.lock);
      if (!ok)
        break;
    }
  g_thread_join (thread);

  /* The writer's own error first; else the reader's. */
  if (ok && ahead.error != NULL)
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&ahead.error));
    }
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  g_clear_error (&ahead.error);
  for (guint i = 0; i < N_BATCHES; i++)
    g_string_free (ahead.batches[i].text, TRUE);
  g_cond_clear (&ahead.changed);
  g_mutex_clear (&ahead.lock);
  return ok;
}

static gboolean
read_ahead_wanted (void)
{
  const char *setting = g_getenv ("YISHI_WORKBOOK_READ_AHEAD");

  if (setting != NULL && *setting != '\0')
    return !g_str_equal (setting, "0");
  return g_get_num_processors () > 1;
}

static gboolean
write_ledger_sheet (Writer         *writer,
                    YishiDatabase  *database,
                    const char     *from,
                    const char     *to,
                    GError        **error)
{
  lxw_worksheet *sheet = writer->ledger;
  lxw_row_t last;

  for (lxw_col_t c = 0; c < N_LEDGER_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, ledger_columns[c].width,
                          ledger_columns[c].kind == CELL_WRAP ? writer->wrap : NULL);

  worksheet_set_row (sheet, 0, 22, NULL);
  if (!set_lxw_error (worksheet_merge_range (sheet, 0, 0, 0, N_LEDGER_COLUMNS - 1,
                                             INTERNAL_NOTICE, writer->notice), error))
    return FALSE;
  worksheet_set_row (sheet, 1, 30, NULL);
  for (lxw_col_t c = 0; c < N_LEDGER_COLUMNS; c++)
    if (!write_text (writer, sheet, 1, c, ledger_columns[c].header, writer->header, error))
      return FALSE;

  writer->next_row = 2;
  if (read_ahead_wanted ())
    {
      if (!stream_rows_read_ahead (writer, database, from, to, error))
        return FALSE;
    }
  else if (!yishi_ledger_export_foreach (database, from, to, write_ledger_row, writer,
                                         writer->cancellable, error))
    return FALSE;

  last = writer->next_row > 2 ? writer->next_row - 1 : 1;
  worksheet_freeze_panes (sheet, 2, 1);
  worksheet_repeat_rows (sheet, 1, 1);
  return set_lxw_error (worksheet_autofilter (sheet, 1, 0, last, N_LEDGER_COLUMNS - 1), error);
}

/* Figures ------------------------------------------------------------------------------ */

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = *(Tally * const *)a;
  const Tally *y = *(Tally * const *)b;
  int c;

  if ((c = g_strcmp0 (x->sort_text, y->sort_text)) != 0)
    return c;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

static double
rate (gint64 part,
      gint64 whole)
{
  return whole > 0 ? (double)part / (double)whole : 0.0;
}

/* One line of figures: counts in B–F, rates as formulas with their computed values. */
static gboolean
write_figures_line (Writer       *writer,
                    lxw_row_t     r,
                    const Tally  *tally,
                    const char   *label,
                    gboolean      total,
                    lxw_row_t     sum_first,
                    lxw_row_t     sum_last,
                    GError      **error)
{
  lxw_worksheet *sheet = writer->figures;
  const gint64 counts[] = { tally->collected, tally->closed, tally->on_time, tally->rated,
                            tally->satisfied };
  const struct { int part, whole; gint64 p, w; } rates[] = {
    { 2, 1, tally->closed, tally->collected },
    { 3, 2, tally->on_time, tally->closed },
    { 5, 4, tally->satisfied, tally->rated },
  };
  lxw_error rc;

  if (!write_text (writer, sheet, r, 0, label, total ? writer->total_label : writer->label, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      lxw_col_t c = (lxw_col_t)(1 + i);

      if (total && sum_first <= sum_last)
        {
          char formula[64];
          char col = (char)('A' + c);

          g_snprintf (formula, sizeof formula, "=SUM(%c%u:%c%u)", col, sum_first + 1, col,
                      sum_last + 1);
          rc = worksheet_write_formula_num (sheet, r, c, formula, writer->total_count,
                                            (double)counts[i]);
        }
      else
        rc = worksheet_write_number (sheet, r, c, (double)counts[i], writer->count);
      if (!set_lxw_error (rc, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      lxw_col_t c = (lxw_col_t)(6 + i);
      lxw_format *format = total ? writer->total_percent : writer->percent;

      if (rates[i].w > 0)
        {
          char formula[64];

          g_snprintf (formula, sizeof formula, "=%c%u/%c%u", 'A' + rates[i].part, r + 1,
                      'A' + rates[i].whole, r + 1);
          rc = worksheet_write_formula_num (sheet, r, c, formula, format,
                                            rate (rates[i].p, rates[i].w));
        }
      else
        rc = worksheet_write_blank (sheet, r, c, format);
      if (!set_lxw_error (rc, error))
        return FALSE;
    }
  return TRUE;
}

/* A heading, a header line, one line per tally and a total; returns the next free row. */
static gboolean
write_figures_table (Writer       *writer,
                     lxw_row_t    *r,
                     const char   *heading,
                     const char   *first_header,
                     Tally       **tallies,
                     guint         n_tallies,
                     lxw_row_t    *first_data,
                     GError      **error)
{
  lxw_worksheet *sheet = writer->figures;
  Tally total = { 0 };

  if (!write_text (writer, sheet, (*r)++, 0, heading, writer->section, error))
    return FALSE;
  worksheet_set_row (sheet, *r, 30, NULL);
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (figure_headers); c++)
    if (!write_text (writer, sheet, *r, c, c == 0 ? first_header : figure_headers[c],
                     writer->header, error))
      return FALSE;
  (*r)++;

  if (first_data != NULL)
    *first_data = *r;
  for (guint i = 0; i < n_tallies; i++)
    {
      const Tally *t = tallies[i];

      total.collected += t->collected;
      total.closed += t->closed;
      total.on_time += t->on_time;
      total.rated += t->rated;
      total.satisfied += t->satisfied;
      if (!write_figures_line (writer, (*r)++, t, t->label, FALSE, 0, 0, error))
        return FALSE;
    }
  /* With no lines the total is 1..0: plain zeros, no formula. */
  if (!write_figures_line (writer, *r, &total, "合计", TRUE, *r - n_tallies, *r - 1, error))
    return FALSE;
  *r += 2;
  return TRUE;
}

static GPtrArray *
sorted_tallies (GHashTable *table)
{
  GPtrArray *tallies = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (tallies, value);
  g_ptr_array_sort (tallies, compare_tallies);
  return tallies;
}

static gboolean
write_figures_sheet (Writer      *writer,
                     const char  *from,
                     const char  *to,
                     GError     **error)
{
  lxw_worksheet *sheet = writer->figures;
  g_autoptr (GPtrArray) months = g_ptr_array_new ();
  g_autoptr (GPtrArray) categories = sorted_tallies (writer->categories);
  g_autoptr (GPtrArray) grids = sorted_tallies (writer->grids);
  g_autofree char *title = g_strdup_printf ("议题统计（%s 至 %s，按受理日期）", from, to);
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_options placement = { .x_offset = 12, .y_offset = 4, .x_scale = 1.6, .y_scale = 1.4 };
  lxw_row_t r = 0, first_month = 0;

  worksheet_set_column (sheet, 0, 0, 24, NULL);
  worksheet_set_column (sheet, 1, 4, 9, NULL);
  worksheet_set_column (sheet, 5, 5, 12, NULL);
  worksheet_set_column (sheet, 6, 8, 11, NULL);

  if (!write_text (writer, sheet, r++, 0, title, writer->title, error)
      || !write_text (writer, sheet, r++, 0,
                      "办结率 = 办结 ÷ 收集；按时办结率 = 按时办结 ÷ 办结；"
                      "满意率 = （满意 + 基本满意）÷ 已评价（以每件议题最近一次回访为准）",
                      NULL, error))
    return FALSE;
  r++;

  for (guint i = 0; i < writer->n_months; i++)
    g_ptr_array_add (months, &writer->months[i]);
  if (!write_figures_table (writer, &r, "按月份", "月份", (Tally **)months->pdata, months->len,
                            &first_month, error)
      || !write_figures_table (writer, &r, "按类别", "类别", (Tally **)categories->pdata,
                               categories->len, NULL, error)
      || !write_figures_table (writer, &r, "按网格", "网格", (Tally **)grids->pdata, grids->len,
                               NULL, error))
    return FALSE;

  /* Collected against closed, month by month, beside the tables. */
  chart = workbook_add_chart (writer->workbook, LXW_CHART_COLUMN);
  chart_title_set_name (chart, "各月收集与办结");
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, SHEET_FIGURES, first_month, 0,
                               first_month + writer->n_months - 1, 0);
  chart_series_set_values (series, SHEET_FIGURES, first_month, 1,
                           first_month + writer->n_months - 1, 1);
  chart_series_set_name (series, "收集");
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, SHEET_FIGURES, first_month, 0,
                               first_month + writer->n_months - 1, 0);
  chart_series_set_values (series, SHEET_FIGURES, first_month, 2,
                           first_month + writer->n_months - 1, 2);
  chart_series_set_name (series, "办结");
  chart_axis_set_name (chart->y_axis, "件数");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  if (!set_lxw_error (worksheet_insert_chart_opt (sheet, 3, 10, chart, &placement), error))
    return FALSE;

  worksheet_freeze_panes (sheet, 1, 0);
  return TRUE;
}

static gboolean
write_notes_sheet (Writer      *writer,
                   const char  *heading,
                   const char  *from,
                   const char  *to,
                   const char  *generated,
                   GError     **error)
{
  lxw_worksheet *sheet = writer->notes;
  g_autofree char *range = g_strdup_printf ("%s 至 %s（按受理日期，含首尾两日）", from, to);
  const char *lines[][2] = {
    { "范围", range },
    { "议题数", NULL },
    { "生成时间", generated },
    { "生成程序", "议事 Yishi " PACKAGE_VERSION },
    { "保密", "本表为内部资料，含居民姓名、电话等个人信息，仅供社区工作使用，"
              "不得公开张贴、转发或上传。公开公示请使用经脱敏的清单。" },
    { SHEET_LEDGER, "每行一件议题，按受理时间排序；时间为本地时间；"
                    "满意度为最近一次回访的评价。" },
    { "办结率", "办结数 ÷ 收集数：本期受理的议题中已办结（销号）的比例。" },
    { "按时办结率", "按时办结数 ÷ 办结数：办结日期不晚于办理时限；未设时限的计为按时。" },
    { "满意率", "（满意 + 基本满意）÷ 已评价数：以每件议题最近一次回访为准，"
                "未联系上的不计入已评价。" },
  };
  lxw_row_t r = 0;

  worksheet_set_column (sheet, 0, 0, 14, writer->note_key);
  worksheet_set_column (sheet, 1, 1, 90, writer->note_text);
  if (!write_text (writer, sheet, r++, 0, heading, writer->title, error)
      || !write_text (writer, sheet, r++, 0, INTERNAL_NOTICE, writer->notice, error))
    return FALSE;
  r++;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++, r++)
    {
      if (!write_text (writer, sheet, r, 0, lines[i][0], NULL, error))
        return FALSE;
      if (lines[i][1] == NULL)
        {
          if (!set_lxw_error (worksheet_write_number (sheet, r, 1, (double)writer->rows,
                                                      writer->note_count), error))
            return FALSE;
        }
      else if (!write_text (writer, sheet, r, 1, lines[i][1], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Files -------------------------------------------------------------------------------- */

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

/* Frees a workbook that will not be written, with the temporary files of its sheets. */
static void
discard_workbook (Writer *writer)
{
  lxw_worksheet *sheets[] = { writer->ledger, writer->figures, writer->notes };

  if (writer->workbook == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    if (sheets[i] != NULL && sheets[i]->optimize_tmpfile != NULL)
      {
        fclose (sheets[i]->optimize_tmpfile);
        sheets[i]->optimize_tmpfile = NULL;
        sheets[i]->file = NULL;
      }
  lxw_workbook_free (writer->workbook);
  writer->workbook = NULL;
}

static char *
local_now_string (void)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Who the ledger is of: the community, or the district of a file of several. */
static char *
owner_name (YishiDatabase *database)
{
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);

  if (community == NULL)
    return g_strdup ("");
  if (yishi_database_count (database, "community") > 1)
    return g_strdup (community->district);
  return g_strdup (community->name);
}

/**
 * yishi_workbook_ledger_write:
 * @from: first day, YYYY-MM-DD (local time)
 * @to: last day, YYYY-MM-DD, not before @from
 * @path: the workbook to write; replaced only when the whole workbook is written
 * @progress: (nullable): called now and then with a fraction
 *
 * Writes the internal ledger (unmasked), its figures by month, category and grid, and a
 * sheet of notes.
 *
 * Returns: %TRUE when @path holds the new workbook
 */
gboolean
yishi_workbook_ledger_write (YishiDatabase          *database,
                             const char             *from,
                             const char             *to,
                             const char             *path,
                             YishiWorkbookProgress   progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error)
{
  Writer writer = { 0 };
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *owner_escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *page_heading = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = g_strdup ("议事 Yishi");
  g_autofree char *subject = g_strdup (INTERNAL_NOTICE);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  gboolean ok = FALSE;
  int fy, fm, ty, tm;
  lxw_error rc;
  int fd;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!yishi_ledger_export_check_range (from, to, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = user_data;
  writer.expected = yishi_ledger_export_count (database, from, to, error);
  if (writer.expected < 0)
    return FALSE;
  report (&writer, 0.0);

  /* The temporary file beside the target, so the rename stays on one file system. */
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  partial = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (partial);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  tmpdir = g_dir_make_tmp ("yishi-xlsx-XXXXXX", error);
  if (tmpdir == NULL)
    {
      g_remove (partial);
      return FALSE;
    }
  options.tmpdir = tmpdir;

  sscanf (from, "%d-%d", &fy, &fm);
  sscanf (to, "%d-%d", &ty, &tm);
  writer.first_month = fy * 12 + fm - 1;
  writer.n_months = (guint)(ty * 12 + tm - 1 - writer.first_month + 1);
  writer.months = g_new0 (Tally, writer.n_months);
  for (guint i = 0; i < writer.n_months; i++)
    {
      int m = writer.first_month + (int)i;

      writer.months[i].label = g_strdup_printf ("%04d-%02d", m / 12, m % 12 + 1);
      writer.months[i].position = (int)i;
    }
  writer.categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tally_free);
  writer.grids = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tally_free);

  generated = local_now_string ();
  owner = owner_name (database);
  owner_escaped = header_escape (owner, 40);
  heading = g_strdup_printf ("%s%s议题台账（%s 至 %s）", owner, *owner ? " " : "", from, to);
  page_heading = g_strdup_printf ("%s%s议题台账（%s 至 %s）", owner_escaped,
                                  *owner_escaped ? " " : "", from, to);

  writer.workbook = workbook_new_opt (partial, &options);
  if (writer.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook could not be started (out of memory or no room for "
                     "temporary files)."));
      goto out;
    }
  writer.ledger = workbook_add_worksheet (writer.workbook, SHEET_LEDGER);
  writer.figures = workbook_add_worksheet (writer.workbook, SHEET_FIGURES);
  writer.notes = workbook_add_worksheet (writer.workbook, SHEET_NOTES);
  if (writer.ledger == NULL || writer.figures == NULL || writer.notes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook could not be started (out of memory or no room for "
                     "temporary files)."));
      goto out;
    }
  add_formats (&writer);
  page_setup (writer.ledger, page_heading, generated);
  page_setup (writer.figures, page_heading, generated);
  page_setup (writer.notes, page_heading, generated);
  worksheet_set_portrait (writer.notes);

  if (!write_ledger_sheet (&writer, database, from, to, error))
    goto out;
  report (&writer, ROWS_SHARE);
  if (!write_figures_sheet (&writer, from, to, error)
      || !write_notes_sheet (&writer, heading, from, to, generated, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  title = g_strdup_printf ("议题台账 %s 至 %s", from, to);
  properties.title = title;
  properties.subject = subject;
  properties.author = author;
  properties.comments = subject;
  properties.company = *owner ? owner : NULL;
  workbook_set_properties (writer.workbook, &properties);

  rc = workbook_close (writer.workbook);
  writer.workbook = NULL;
  if (!set_lxw_error (rc, error))
    goto out;

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      goto out;
    }
  ok = TRUE;
  report (&writer, 1.0);

out:
  discard_workbook (&writer);
  if (!ok)
    g_remove (partial);
  remove_tree (tmpdir);
  for (guint i = 0; i < writer.n_months; i++)
    g_free (writer.months[i].label);
  g_free (writer.months);
  g_hash_table_unref (writer.categories);
  g_hash_table_unref (writer.grids);
  return ok;
}
