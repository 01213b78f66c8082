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

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "yishi-ledger-export.h"

#include "yishi-workbook-common.h"
#include "yishi-workbook-ledger.h"

#define INTERNAL_NOTICE YISHI_WORKBOOK_INTERNAL_NOTICE
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
  YishiWorkbookFile file;
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
  lxw_format *format = workbook_add_format (writer->file.workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
add_formats (Writer *writer)
{
  lxw_workbook *workbook = writer->file.workbook;

  writer->notice = yishi_workbook_add_notice_format (workbook);
  writer->header = yishi_workbook_add_header_format (workbook);

  /* The ledger's cells: text without a format (every attribute costs at 200,000 rows), the
   * long texts wrapped by their column's format, dates as dates. */
  writer->wrap = workbook_add_format (workbook);
  format_set_text_wrap (writer->wrap);
  writer->date_time = workbook_add_format (workbook);
  format_set_align (writer->date_time, LXW_ALIGN_LEFT);
  format_set_num_format (writer->date_time, "yyyy-mm-dd hh:mm");
  writer->date = workbook_add_format (workbook);
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

  writer->note_key = workbook_add_format (workbook);
  format_set_bold (writer->note_key);
  format_set_align (writer->note_key, LXW_ALIGN_VERTICAL_TOP);
  writer->note_text = workbook_add_format (workbook);
  format_set_text_wrap (writer->note_text);
  format_set_align (writer->note_text, LXW_ALIGN_VERTICAL_TOP);
  writer->note_count = workbook_add_format (workbook);
  format_set_align (writer->note_count, LXW_ALIGN_LEFT);
  format_set_align (writer->note_count, LXW_ALIGN_VERTICAL_TOP);
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
  return yishi_workbook_check (rc, error);
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
  lxw_datetime when;

  if (*text == '\0')
    return TRUE;
  if (!yishi_workbook_parse_date (text, with_time, &when))
    return write_text (writer, sheet, row, col, text, NULL, error);
  return yishi_workbook_check (worksheet_write_datetime (sheet, row, col, &when,
                                                         with_time ? writer->date_time
                                                                   : writer->date),
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

  if (!yishi_workbook_notice_row (sheet, N_LEDGER_COLUMNS - 1, INTERNAL_NOTICE, writer->notice,
                                  error))
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
  return yishi_workbook_check (worksheet_autofilter (sheet, 1, 0, last, N_LEDGER_COLUMNS - 1),
                               error);
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
      if (!yishi_workbook_check (rc, error))
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
      if (!yishi_workbook_check (rc, error))
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
  chart = workbook_add_chart (writer->file.workbook, LXW_CHART_COLUMN);
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
  if (!yishi_workbook_check (worksheet_insert_chart_opt (sheet, 3, 10, chart, &placement), error))
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
          if (!yishi_workbook_check (worksheet_write_number (sheet, r, 1, (double)writer->rows,
                                                             writer->note_count), error))
            return FALSE;
        }
      else if (!write_text (writer, sheet, r, 1, lines[i][1], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Files -------------------------------------------------------------------------------- */

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
  g_autofree char *generated = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *owner_escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *page_heading = NULL;
  g_autofree char *title = NULL;
  gboolean ok = FALSE;
  int fy, fm, ty, tm;

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

  generated = yishi_workbook_now_string ();
  owner = yishi_workbook_owner_name (database);
  owner_escaped = yishi_workbook_header_escape (owner, 40);
  heading = g_strdup_printf ("%s%s议题台账（%s 至 %s）", owner, *owner ? " " : "", from, to);
  page_heading = g_strdup_printf ("%s%s议题台账（%s 至 %s）", owner_escaped,
                                  *owner_escaped ? " " : "", from, to);

  if (!yishi_workbook_file_open (&writer.file, path, TRUE, error)
      || (writer.ledger = yishi_workbook_file_add_sheet (&writer.file, SHEET_LEDGER,
                                                         error)) == NULL
      || (writer.figures = yishi_workbook_file_add_sheet (&writer.file, SHEET_FIGURES,
                                                          error)) == NULL
      || (writer.notes = yishi_workbook_file_add_sheet (&writer.file, SHEET_NOTES,
                                                        error)) == NULL)
    goto out;
  add_formats (&writer);
  yishi_workbook_page_setup (writer.ledger, page_heading, generated, TRUE);
  yishi_workbook_page_setup (writer.figures, page_heading, generated, TRUE);
  yishi_workbook_page_setup (writer.notes, page_heading, generated, FALSE);

  if (!write_ledger_sheet (&writer, database, from, to, error))
    goto out;
  report (&writer, ROWS_SHARE);
  if (!write_figures_sheet (&writer, from, to, error)
      || !write_notes_sheet (&writer, heading, from, to, generated, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  title = g_strdup_printf ("议题台账 %s 至 %s", from, to);
  yishi_workbook_file_set_properties (&writer.file, title, owner);
  if (!yishi_workbook_file_close (&writer.file, error))
    goto out;
  ok = TRUE;
  report (&writer, 1.0);

out:
  yishi_workbook_file_clear (&writer.file);
  for (guint i = 0; i < writer.n_months; i++)
    g_free (writer.months[i].label);
  g_free (writer.months);
  g_hash_table_unref (writer.categories);
  g_hash_table_unref (writer.grids);
  return ok;
}
