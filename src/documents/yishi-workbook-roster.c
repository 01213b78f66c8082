/* yishi-workbook-roster.c — the internal roster workbook (居民, 党员, 角色) and the
 * workbook of a roster import's rejected rows.
 *
 * The roster is internal: full names, ID numbers, phones and homes, unmasked.  It is
 * written with libxlsxwriter in constant_memory mode: every sheet streams its rows in
 * order into a temporary file while the registry is read (yishi-registry-export.h), so a
 * district's million people cost a few megabytes.  ID numbers and phones are text cells
 * (never numbers: Excel would round them), dates are real dates.  Each sheet has a notice
 * row, a frozen header row with an autofilter, and A4 landscape print setup with the
 * header row repeated.  The workbook is written beside @path and renamed over it at the
 * end, so a cancelled or failed export leaves the old file alone.
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

#include "yishi-enums.h"
#include "yishi-registry-export.h"

#include "yishi-workbook-common.h"
#include "yishi-workbook-roster.h"

#define INTERNAL_NOTICE YISHI_WORKBOOK_INTERNAL_NOTICE
#define SHEET_PEOPLE "居民"
#define SHEET_MEMBERS "党员"
#define SHEET_ROLES "角色"
#define REASON_HEADER "拒绝原因"

/* Share of the progress bar for streaming rows; the rest is zipping the file. */
#define ROWS_SHARE 0.8
#define PROGRESS_EVERY 4096

typedef enum
{
  CELL_TEXT,
  CELL_DATE,  /* "YYYY-MM-DD" written as an Excel date */
} CellKind;

typedef struct
{
  const char *header;
  double width;
  CellKind kind;
} Column;

static const Column people_columns[] = {
  { "姓名", 10, CELL_TEXT },
  { "性别", 6, CELL_TEXT },
  { "出生日期", 11, CELL_DATE },
  { "身份证号", 20, CELL_TEXT },
  { "联系电话", 14, CELL_TEXT },
  { "人员类型", 9, CELL_TEXT },
  { "政治面貌", 12, CELL_TEXT },
  { "网格", 11, CELL_TEXT },
  { "楼栋", 9, CELL_TEXT },
  { "单元", 7, CELL_TEXT },
  { "房号", 7, CELL_TEXT },
  { "备注", 30, CELL_TEXT },
};

static const Column member_columns[] = {
  { "姓名", 10, CELL_TEXT },
  { "性别", 6, CELL_TEXT },
  { "身份证号", 20, CELL_TEXT },
  { "联系电话", 14, CELL_TEXT },
  { "网格", 11, CELL_TEXT },
  { "楼栋", 9, CELL_TEXT },
  { "党员类别", 11, CELL_TEXT },
  { "所在支部", 22, CELL_TEXT },
  { "党小组", 16, CELL_TEXT },
  { "入党时间", 11, CELL_DATE },
  { "工作单位", 22, CELL_TEXT },
  { "报到时间", 11, CELL_DATE },
  { "认领岗位", 36, CELL_TEXT },
  { "党员中心户", 10, CELL_TEXT },
};

static const Column role_columns[] = {
  { "姓名", 10, CELL_TEXT },
  { "联系电话", 14, CELL_TEXT },
  { "职务", 12, CELL_TEXT },
  { "范围", 28, CELL_TEXT },
  { "工作电话", 14, CELL_TEXT },
  { "开始日期", 11, CELL_DATE },
  { "结束日期", 11, CELL_DATE },
  { "状态", 8, CELL_TEXT },
};

static const Column community_column = { "社区", 14, CELL_TEXT };

/* The workbook file ------------------------------------------------------------------- */

typedef struct
{
  YishiWorkbookFile file;
  lxw_format *notice;
  lxw_format *header;
  lxw_format *date;
} Book;

static gboolean
book_open (Book        *book,
           const char  *path,
           gboolean     constant_memory,
           GError     **error)
{
  if (!yishi_workbook_file_open (&book->file, path, constant_memory, error))
    return FALSE;
  book->notice = yishi_workbook_add_notice_format (book->file.workbook);
  book->header = yishi_workbook_add_header_format (book->file.workbook);
  book->date = workbook_add_format (book->file.workbook);
  format_set_align (book->date, LXW_ALIGN_LEFT);
  format_set_num_format (book->date, "yyyy-mm-dd");
  return TRUE;
}

static void
page_setup (lxw_worksheet *sheet,
            const char    *heading,
            const char    *generated)
{
  g_autofree char *escaped = yishi_workbook_header_escape (heading, 60);

  yishi_workbook_page_setup (sheet, escaped, generated, TRUE);
}

/* Cells -------------------------------------------------------------------------------- */

static gboolean
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format,
            GError       **error)
{
  lxw_error rc;

  if ((text == NULL || *text == '\0') && format == NULL)
    return TRUE;
  rc = worksheet_write_string (sheet, row, col, text != NULL ? text : "", format);
  if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    {
      /* A cell holds at most 32,767 characters: cut at a character boundary. */
      g_autofree char *cut = g_utf8_substring (text, 0, 8000);

      rc = worksheet_write_string (sheet, row, col, cut, format);
    }
  return yishi_workbook_check (rc, error);
}

/* "YYYY-MM-DD" as a real date; anything else as the text it is. */
static gboolean
write_date (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            GError       **error)
{
  lxw_datetime when;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!yishi_workbook_parse_date (text, FALSE, &when))
    return write_text (sheet, row, col, text, NULL, error);
  return yishi_workbook_check (worksheet_write_datetime (sheet, row, col, &when, book->date),
                               error);
}

/* The roster -------------------------------------------------------------------------- */

typedef struct
{
  Book book;
  const char *heading;
  const char *generated;
  lxw_worksheet *sheet;
  const char *sheet_name;
  guint part;              /* 1, then 2… when a sheet is full */
  lxw_row_t max_rows;      /* rows of a sheet, header included */
  const Column *columns;
  guint n_columns;
  gboolean with_community; /* a file of several communities: a first column 社区 */
  lxw_row_t next_row;

  GCancellable *cancellable;
  YishiWorkbookProgress progress;
  gpointer progress_data;
  gint64 expected;
  gint64 done;
  double reported;
} Roster;

#define FIRST_DATA_ROW 2

static void
report (Roster *roster,
        double  fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (roster->progress == NULL || fraction < roster->reported)
    return;
  roster->reported = fraction;
  roster->progress (fraction, roster->progress_data);
}

/* Excel's limit; YISHI_WORKBOOK_SHEET_ROWS lowers it (the tests' way to see a sheet
 * continued). */
static lxw_row_t
sheet_rows (void)
{
  const char *setting = g_getenv ("YISHI_WORKBOOK_SHEET_ROWS");
  guint64 rows;

  if (setting == NULL || !g_ascii_string_to_unsigned (setting, 10, FIRST_DATA_ROW + 1,
                                                      LXW_ROW_MAX, &rows, NULL))
    return LXW_ROW_MAX;
  return (lxw_row_t)rows;
}

/* A new sheet with its columns, notice row and header row, ready to stream rows; the
 * parts of a sheet too long for one are named 居民（2）… */
static gboolean
start_sheet (Roster         *roster,
             const char     *name,
             guint           part,
             const Column   *columns,
             guint           n_columns,
             GError        **error)
{
  lxw_col_t offset = roster->with_community ? 1 : 0;
  lxw_col_t last = (lxw_col_t)(n_columns - 1) + offset;
  g_autofree char *title = part > 1 ? g_strdup_printf ("%s（%u）", name, part) : g_strdup (name);
  lxw_worksheet *sheet = yishi_workbook_file_add_sheet (&roster->book.file, title, error);

  if (sheet == NULL)
    return FALSE;
  page_setup (sheet, roster->heading, roster->generated);
  roster->sheet = sheet;
  roster->sheet_name = name;
  roster->part = part;
  roster->columns = columns;
  roster->n_columns = n_columns;
  roster->next_row = FIRST_DATA_ROW;

  if (roster->with_community)
    worksheet_set_column (sheet, 0, 0, community_column.width, NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, (lxw_col_t)c + offset, (lxw_col_t)c + offset,
                          columns[c].width, NULL);

  if (!yishi_workbook_notice_row (sheet, last, INTERNAL_NOTICE, roster->book.notice, error))
    return FALSE;
  worksheet_set_row (sheet, 1, 24, NULL);
  if (roster->with_community
      && !write_text (sheet, 1, 0, community_column.header, roster->book.header, error))
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    if (!write_text (sheet, 1, (lxw_col_t)c + offset, columns[c].header, roster->book.header,
                     error))
      return FALSE;
  return TRUE;
}

static gboolean
finish_sheet (Roster  *roster,
              GError **error)
{
  lxw_worksheet *sheet = roster->sheet;
  lxw_col_t last = (lxw_col_t)(roster->n_columns - 1) + (roster->with_community ? 1 : 0);
  lxw_row_t last_row = roster->next_row > FIRST_DATA_ROW ? roster->next_row - 1 : 1;

  worksheet_freeze_panes (sheet, FIRST_DATA_ROW, roster->with_community ? 2 : 1);
  worksheet_repeat_rows (sheet, 1, 1);
  return yishi_workbook_check (worksheet_autofilter (sheet, 1, 0, last_row, last), error);
}

/* Writes @cells (one per column of the sheet, after the community) as the next row. */
static gboolean
write_row (Roster             *roster,
           const char         *community,
           const char *const  *cells,
           GError            **error)
{
  lxw_col_t offset = roster->with_community ? 1 : 0;
  lxw_row_t r;

  /* A sheet holds 1,048,576 rows: the rest goes on to a sheet of its own. */
  if (roster->next_row >= roster->max_rows
      && (!finish_sheet (roster, error)
          || !start_sheet (roster, roster->sheet_name, roster->part + 1, roster->columns,
                           roster->n_columns, error)))
    return FALSE;
  r = roster->next_row++;
  if (roster->with_community && !write_text (roster->sheet, r, 0, community, NULL, error))
    return FALSE;
  for (guint c = 0; c < roster->n_columns; c++)
    {
      gboolean ok = roster->columns[c].kind == CELL_DATE
                    ? write_date (&roster->book, roster->sheet, r, (lxw_col_t)c + offset,
                                  cells[c], error)
                    : write_text (roster->sheet, r, (lxw_col_t)c + offset, cells[c], NULL,
                                  error);

      if (!ok)
        return FALSE;
    }

  if (++roster->done % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (roster->cancellable, error))
        return FALSE;
      if (roster->expected > 0)
        report (roster, ROWS_SHARE * (double)roster->done / (double)roster->expected);
    }
  return TRUE;
}

static const char *
label (YishiEnum   which,
       const char *id)
{
  if (id == NULL || *id == '\0')
    return "";
  return yishi_enum_document_label (which, id);
}

static gboolean
write_person (gconstpointer   data,
              gpointer        user_data,
              GError        **error)
{
  const YishiExportPerson *person = data;
  const char *gender = g_str_equal (person->gender, "unknown")
                       ? "" : label (YISHI_ENUM_GENDER, person->gender);
  const char *cells[] = {
    person->name, gender, person->birth_date, person->id_number, person->phone,
    label (YISHI_ENUM_RESIDENCE_TYPE, person->residence_type),
    label (YISHI_ENUM_POLITICAL_STATUS, person->political_status),
    person->grid, person->building, person->unit, person->room, person->notes,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (people_columns));
  return write_row (user_data, person->community, cells, error);
}

static gboolean
write_member (gconstpointer   data,
              gpointer        user_data,
              GError        **error)
{
  const YishiExportMember *member = data;
  const char *gender = g_str_equal (member->gender, "unknown")
                       ? "" : label (YISHI_ENUM_GENDER, member->gender);
  const char *cells[] = {
    member->name, gender, member->id_number, member->phone, member->grid, member->building,
    label (YISHI_ENUM_PARTY_CATEGORY, member->category), member->branch, member->party_group,
    member->joined_date, member->employer, member->reported_date, member->posts,
    member->central ? "是" : "",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (member_columns));
  return write_row (user_data, member->community, cells, error);
}

static gboolean
write_role (gconstpointer   data,
            gpointer        user_data,
            GError        **error)
{
  const YishiExportRole *role = data;
  const char *cells[] = {
    role->name, role->phone, label (YISHI_ENUM_ROLE, role->role), role->scope,
    role->work_phone, role->start_date, role->end_date, *role->end_date == '\0' ? "在任" : "已卸任",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (role_columns));
  return write_row (user_data, role->community, cells, error);
}

/* Reading ahead ------------------------------------------------------------------------
 *
 * With two processors or more the people are read from SQLite in a thread of their own
 * and handed over in batches, so that the query and the XML writing overlap (as in
 * yishi-workbook-ledger.c).  A batch copies its rows' text into one buffer that is reused;
 * at most N_BATCHES are in flight.  YISHI_WORKBOOK_READ_AHEAD=0 turns it off.
 */

#define BATCH_ROWS 512
#define N_BATCHES 4

static const gsize person_strings[] = {
  G_STRUCT_OFFSET (YishiExportPerson, community),
  G_STRUCT_OFFSET (YishiExportPerson, name),
  G_STRUCT_OFFSET (YishiExportPerson, gender),
  G_STRUCT_OFFSET (YishiExportPerson, birth_date),
  G_STRUCT_OFFSET (YishiExportPerson, id_number),
  G_STRUCT_OFFSET (YishiExportPerson, phone),
  G_STRUCT_OFFSET (YishiExportPerson, residence_type),
  G_STRUCT_OFFSET (YishiExportPerson, political_status),
  G_STRUCT_OFFSET (YishiExportPerson, grid),
  G_STRUCT_OFFSET (YishiExportPerson, building),
  G_STRUCT_OFFSET (YishiExportPerson, unit),
  G_STRUCT_OFFSET (YishiExportPerson, room),
  G_STRUCT_OFFSET (YishiExportPerson, notes),
};

#define N_PERSON_STRINGS G_N_ELEMENTS (person_strings)

typedef struct
{
  guint n_rows;
  GString *text;
  gsize offsets[BATCH_ROWS][N_PERSON_STRINGS];
} Batch;

typedef struct
{
  YishiDatabase *database;
  GCancellable *cancellable;
  GAsyncQueue *full;   /* batches to write; a NULL-free end marker: the reader's Batch *end */
  GAsyncQueue *empty;  /* batches to fill */
  Batch *filling;
  Batch end;           /* pushed last */
  gint stop;           /* the writer has given up */
  GError *error;       /* why the reader stopped early */
} ReadAhead;

static gboolean
reader_stopped (ReadAhead  *ahead,
                GError    **error)
{
  if (!g_atomic_int_get (&ahead->stop))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The workbook was not finished."));
  return TRUE;
}

static gboolean
read_person (gconstpointer   data,
             gpointer        user_data,
             GError        **error)
{
  ReadAhead *ahead = user_data;
  Batch *batch;
  guint n;

  if (ahead->filling == NULL)
    {
      if (reader_stopped (ahead, error))
        return FALSE;
      ahead->filling = g_async_queue_pop (ahead->empty);
      if (ahead->filling == &ahead->end)
        {
          /* The writer's signal to stop: nothing more is wanted. */
          ahead->filling = NULL;
          g_atomic_int_set (&ahead->stop, TRUE);
          return !reader_stopped (ahead, error);
        }
      ahead->filling->n_rows = 0;
      g_string_truncate (ahead->filling->text, 0);
    }
  batch = ahead->filling;
  n = batch->n_rows++;
  for (guint i = 0; i < N_PERSON_STRINGS; i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, data, person_strings[i]);

      batch->offsets[n][i] = batch->text->len;
      g_string_append_len (batch->text, text, (gssize)strlen (text) + 1);
    }
  if (batch->n_rows == BATCH_ROWS)
    {
      g_async_queue_push (ahead->full, batch);
      ahead->filling = NULL;
    }
  return TRUE;
}

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *ahead = data;
  GError *error = NULL;

  yishi_registry_export_people (ahead->database, read_person, ahead, ahead->cancellable,
                                &error);
  if (ahead->filling != NULL && ahead->filling->n_rows > 0)
    g_async_queue_push (ahead->full, ahead->filling);
  ahead->filling = NULL;
  ahead->error = error;
  g_async_queue_push (ahead->full, &ahead->end);
  return NULL;
}

static gboolean
stream_people_read_ahead (Roster         *roster,
                          YishiDatabase  *database,
                          GCancellable   *cancellable,
                          GError        **error)
{
  ReadAhead ahead = { .database = database, .cancellable = cancellable };
  g_autofree Batch *batches = g_new (Batch, N_BATCHES);
  g_autoptr (GError) local_error = NULL;
  GThread *thread;
  gboolean ok = TRUE;

  ahead.full = g_async_queue_new ();
  ahead.empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      batches[i].n_rows = 0;
      batches[i].text = g_string_sized_new (BATCH_ROWS * 160);
      g_async_queue_push (ahead.empty, &batches[i]);
    }

  thread = g_thread_new ("yishi-roster-rows", read_ahead_thread, &ahead);
  for (;;)
    {
      Batch *batch = g_async_queue_pop (ahead.full);

      if (batch == &ahead.end)
        break;
      for (guint n = 0; ok && n < batch->n_rows; n++)
        {
          YishiExportPerson person;

          for (guint i = 0; i < N_PERSON_STRINGS; i++)
            G_STRUCT_MEMBER (const char *, &person, person_strings[i]) =
              batch->text->str + batch->offsets[n][i];
          ok = write_person (&person, roster, &local_error);
        }
      if (!ok)
        {
          /* Wake the reader if it waits for a batch, and let it run to its end. */
          g_atomic_int_set (&ahead.stop, TRUE);
          g_async_queue_push (ahead.empty, &ahead.end);
          while ((batch = g_async_queue_pop (ahead.full)) != &ahead.end)
            ;
          break;
        }
      g_async_queue_push (ahead.empty, batch);
    }
  g_thread_join (thread);

  /* The writer's own error first; else the reader's. */
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (ahead.error != NULL)
    {
      ok = FALSE;
      g_propagate_error (error, g_steal_pointer (&ahead.error));
    }
  g_clear_error (&ahead.error);
  for (guint i = 0; i < N_BATCHES; i++)
    g_string_free (batches[i].text, TRUE);
  g_async_queue_unref (ahead.full);
  g_async_queue_unref (ahead.empty);
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
stream_people (Roster         *roster,
               YishiDatabase  *database,
               GCancellable   *cancellable,
               GError        **error)
{
  if (read_ahead_wanted ())
    return stream_people_read_ahead (roster, database, cancellable, error);
  return yishi_registry_export_people (database, write_person, roster, cancellable, error);
}

/**
 * yishi_workbook_roster_write:
 * @path: the workbook to write; replaced only when the whole workbook is written
 * @progress: (nullable): called now and then with a fraction
 *
 * Writes the internal roster: every live person with their ID number, phone and home;
 * the current party members with their branch, employer and claimed posts; the roles,
 * current and past.
 *
 * Returns: %TRUE when @path holds the new workbook
 */
gboolean
yishi_workbook_roster_write (YishiDatabase          *database,
                             const char             *path,
                             YishiWorkbookProgress   progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error)
{
  Roster roster = { 0 };
  g_autofree char *generated = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  gint64 n_people = 0, n_members = 0, n_roles = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!yishi_registry_export_counts (database, &n_people, &n_members, &n_roles, error))
    return FALSE;

  roster.cancellable = cancellable;
  roster.progress = progress;
  roster.progress_data = user_data;
  roster.expected = n_people + n_members + n_roles;
  roster.with_community = yishi_database_count (database, "community") > 1;
  report (&roster, 0.0);

  owner = yishi_workbook_owner_name (database);
  generated = yishi_workbook_now_string ();
  heading = g_strdup_printf ("%s%s居民名册", owner, *owner != '\0' ? " " : "");

  roster.heading = heading;
  roster.generated = generated;
  roster.max_rows = sheet_rows ();

  /* In constant_memory mode sheets may be added while others are written: each streams
   * into a file of its own. */
  if (!book_open (&roster.book, path, TRUE, error))
    goto out;
  if (!start_sheet (&roster, SHEET_PEOPLE, 1, people_columns, G_N_ELEMENTS (people_columns),
                    error)
      || !stream_people (&roster, database, cancellable, error)
      || !finish_sheet (&roster, error))
    goto out;
  if (!start_sheet (&roster, SHEET_MEMBERS, 1, member_columns, G_N_ELEMENTS (member_columns),
                    error)
      || !yishi_registry_export_members (database, write_member, &roster, cancellable, error)
      || !finish_sheet (&roster, error))
    goto out;
  if (!start_sheet (&roster, SHEET_ROLES, 1, role_columns, G_N_ELEMENTS (role_columns), error)
      || !yishi_registry_export_roles (database, write_role, &roster, cancellable, error)
      || !finish_sheet (&roster, error))
    goto out;
  report (&roster, ROWS_SHARE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  title = g_strdup_printf ("%s（%s）", heading, generated);
  yishi_workbook_file_set_properties (&roster.book.file, title, owner);

  if (!yishi_workbook_file_close (&roster.book.file, error))
    goto out;
  ok = TRUE;
  report (&roster, 1.0);

out:
  yishi_workbook_file_clear (&roster.book.file);
  return ok;
}

/* Rejected rows ------------------------------------------------------------------------ */

/* Column widths from the header and the first rows: wide enough for an ID number. */
static double
column_width (YishiSheet *sheet,
              guint       header_row,
              GArray     *rows,
              guint       column)
{
  glong widest = (glong)g_utf8_strlen (yishi_sheet_get_text (sheet, header_row, column), -1) * 2;

  for (guint i = 0; i < rows->len && i < 200; i++)
    {
      const char *text = yishi_sheet_get_text (sheet, g_array_index (rows, guint, i), column);
      glong width = 0;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      widest = MAX (widest, width);
    }
  return CLAMP ((double)widest + 2.0, 8.0, 40.0);
}

/**
 * yishi_workbook_rejected_rows_write:
 * @import: an analysed import
 * @path: the workbook to write; replaced only when the whole workbook is written
 *
 * Every cell as the sheet reader saw it, written as text so that nothing (an ID number, a
 * phone, a date typed as text) is reinterpreted on the way back in.
 *
 * Returns: %TRUE when @path holds the workbook
 */
gboolean
yishi_workbook_rejected_rows_write (YishiRosterImport  *import,
                                    const char         *path,
                                    GError            **error)
{
  Book book = { 0 };
  YishiSheet *sheet;
  GListModel *rows;
  g_autoptr (GArray) rejected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) reasons = g_ptr_array_new ();
  lxw_worksheet *out;
  lxw_format *reason_format;
  guint header_row, n_columns, n_rows;
  gboolean ok = FALSE;

  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (import), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sheet = yishi_roster_import_get_sheet (import);
  header_row = yishi_roster_import_get_header_row (import);
  rows = yishi_roster_import_get_rows (import);
  n_rows = g_list_model_get_n_items (rows);

  /* The widest of the header and the rejected rows: nothing of a row is lost. */
  n_columns = MAX (yishi_sheet_get_n_cells (sheet, header_row),
                   yishi_roster_import_get_n_columns (import));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr (YishiRosterRow) row = g_list_model_get_item (rows, i);
      guint sheet_row;

      if (yishi_roster_row_get_verdict (row) != YISHI_ROSTER_ROW_REJECTED)
        continue;
      sheet_row = yishi_roster_row_get_sheet_row (row);
      g_array_append_val (rejected, sheet_row);
      /* Owned by the row, which the model keeps. */
      g_ptr_array_add (reasons, (gpointer)yishi_roster_row_get_reason (row));
      n_columns = MAX (n_columns, yishi_sheet_get_n_cells (sheet, sheet_row));
    }
  n_columns = MIN (n_columns, YISHI_SHEET_MAX_COLUMNS);

  if (!book_open (&book, path, FALSE, error)
      || (out = yishi_workbook_file_add_sheet (&book.file, "拒绝的行", error)) == NULL)
    goto out;

  reason_format = workbook_add_format (book.file.workbook);
  format_set_font_color (reason_format, 0xC00000);
  format_set_text_wrap (reason_format);
  format_set_align (reason_format, LXW_ALIGN_VERTICAL_TOP);

  /* Text cells keep ID numbers and phones as they were typed. */
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (out, (lxw_col_t)c, (lxw_col_t)c,
                            column_width (sheet, header_row, rejected, c), NULL);
      if (!write_text (out, 0, (lxw_col_t)c, yishi_sheet_get_text (sheet, header_row, c),
                       book.header, error))
        goto out;
    }
  worksheet_set_column (out, (lxw_col_t)n_columns, (lxw_col_t)n_columns, 40, reason_format);
  if (!write_text (out, 0, (lxw_col_t)n_columns, REASON_HEADER, book.header, error))
    goto out;

  for (guint i = 0; i < rejected->len; i++)
    {
      guint sheet_row = g_array_index (rejected, guint, i);
      lxw_row_t r = (lxw_row_t)(i + 1);

      for (guint c = 0; c < n_columns; c++)
        if (!write_text (out, r, (lxw_col_t)c, yishi_sheet_get_text (sheet, sheet_row, c), NULL,
                         error))
          goto out;
      if (!write_text (out, r, (lxw_col_t)n_columns, g_ptr_array_index (reasons, i),
                       reason_format, error))
        goto out;
    }

  worksheet_freeze_panes (out, 1, 0);
  if (!yishi_workbook_check (worksheet_autofilter (out, 0, 0, MAX (rejected->len, 1),
                                                   (lxw_col_t)n_columns), error))
    goto out;
  {
    g_autofree char *generated = yishi_workbook_now_string ();

    page_setup (out, "导入未通过的行", generated);
    worksheet_repeat_rows (out, 0, 0);
  }
  if (!yishi_workbook_file_close (&book.file, error))
    goto out;
  ok = TRUE;

out:
  yishi_workbook_file_clear (&book.file);
  return ok;
}
