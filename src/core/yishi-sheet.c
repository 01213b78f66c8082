/* yishi-sheet.c — reads a roster file into rows of text: the public API, detection of the
 * format from the content, and the compact cell storage the CSV and xlsx parsers fill.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-sheet-private.h"

#include "yishi-sheet.h"

G_DEFINE_QUARK (yishi-sheet-error-quark, yishi_sheet_error)

#define KIND_SHIFT 30
#define OFFSET_MASK ((1u << KIND_SHIFT) - 1)

YishiSheet *
yishi_sheet_new (const char *format)
{
  YishiSheet *sheet = g_new0 (YishiSheet, 1);
  guint32 zero = 0;

  sheet->format = format;
  sheet->texts = g_string_sized_new (4096);
  g_string_append_c (sheet->texts, '\0'); /* offset 0: "" */
  sheet->cells = g_array_sized_new (FALSE, TRUE, sizeof (guint32), 1024);
  sheet->rows = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 128);
  g_array_append_val (sheet->rows, zero);
  return sheet;
}

void
yishi_sheet_free (YishiSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_string_free (sheet->texts, TRUE);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->rows);
  g_free (sheet);
}

guint32
yishi_sheet_store_text (YishiSheet *sheet,
                        const char *text,
                        gsize       length)
{
  gsize start = sheet->texts->len;

  if (length == 0)
    return 0;
  g_string_append_len (sheet->texts, text, length);
  g_string_append_c (sheet->texts, '\0');
  return (guint32) MIN (start, OFFSET_MASK);
}

guint32
yishi_sheet_end_text (YishiSheet *sheet,
                      gsize       start)
{
  if (sheet->texts->len == start)
    return 0;
  g_string_append_c (sheet->texts, '\0');
  return (guint32) MIN (start, OFFSET_MASK);
}

gboolean
yishi_sheet_put_cell (YishiSheet     *sheet,
                      guint           column,
                      guint32         text,
                      YishiCellKind   kind,
                      GError        **error)
{
  guint start = g_array_index (sheet->rows, guint32, sheet->rows->len - 1);
  guint have = sheet->cells->len - start;
  guint32 cell;

  if (text == 0)
    kind = YISHI_CELL_EMPTY;
  if (kind == YISHI_CELL_EMPTY)
    {
      /* Takes no room; clears a value an earlier cell of the same reference left. */
      if (column < have)
        g_array_index (sheet->cells, guint32, start + column) = 0;
      return TRUE;
    }
  if (column >= YISHI_SHEET_MAX_COLUMNS)
    {
      g_set_error (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_MANY_COLUMNS,
                   _("The sheet has more than %d columns; a roster has far fewer. "
                     "Remove the extra columns or check that this is the right file."),
                   YISHI_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  if (sheet->texts->len >= YISHI_SHEET_TEXT_LIMIT)
    {
      g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_LARGE,
                           _("The sheet holds too much text to be read."));
      return FALSE;
    }

  cell = (text & OFFSET_MASK) | ((guint32) kind << KIND_SHIFT);
  if (column < have)
    {
      g_array_index (sheet->cells, guint32, start + column) = cell;
      return TRUE;
    }
  if (column > have)
    g_array_set_size (sheet->cells, start + column); /* zero-filled: empty cells */
  g_array_append_val (sheet->cells, cell);
  return TRUE;
}

gboolean
yishi_sheet_end_row (YishiSheet  *sheet,
                     guint        number,
                     GError     **error)
{
  guint32 start = g_array_index (sheet->rows, guint32, sheet->rows->len - 1);
  guint len = sheet->cells->len;
  guint done = sheet->rows->len - 1;
  guint32 end;

  while (len > start && g_array_index (sheet->cells, guint32, len - 1) == 0)
    len--;
  g_array_set_size (sheet->cells, len);

  if (len == start)
    {
      /* Blank: kept only if a row with cells follows.  Numbered rows place themselves. */
      if (number == 0)
        sheet->pending_blank++;
      return TRUE;
    }

  if (number > 0)
    sheet->pending_blank = number - 1 > done ? number - 1 - done : 0;
  if ((guint64) done + sheet->pending_blank + 1 > YISHI_SHEET_MAX_ROWS)
    {
      g_set_error (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_MANY_ROWS,
                   _("The sheet has more than %d rows."), YISHI_SHEET_MAX_ROWS);
      return FALSE;
    }
  for (; sheet->pending_blank > 0; sheet->pending_blank--)
    g_array_append_val (sheet->rows, start);
  end = len;
  g_array_append_val (sheet->rows, end);
  sheet->n_columns = MAX (sheet->n_columns, len - start);
  return TRUE;
}

gboolean
yishi_sheet_progress (YishiSheetProgress  *progress,
                      double               fraction,
                      GError             **error)
{
  if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
    return FALSE;
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (progress->func != NULL && (fraction >= progress->reported + 0.02 || fraction == 1.0)
      && fraction > progress->reported)
    {
      progress->reported = fraction;
      progress->func (fraction, progress->data);
    }
  return TRUE;
}

/* Detection */

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *magic,
            gsize         magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         length,
          const void   *needle,
          gsize         needle_length)
{
  return memmem (data, length, needle, needle_length) != NULL;
}

static gboolean
not_spreadsheet (GError     **error,
                 const char  *message)
{
  g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_NOT_SPREADSHEET, message);
  return FALSE;
}

/* Binary files other than zip and OLE, judged by their first 64 KiB (the CSV reader
 * refuses NUL bytes further on): FALSE with NOT_SPREADSHEET. */
static gboolean
check_text (const guint8  *data,
            gsize          length,
            GError       **error)
{
  static const struct { const char *magic; gsize length; } binary[] = {
    { "%PDF-", 5 }, { "\x89PNG", 4 }, { "\xff\xd8\xff", 3 }, { "GIF8", 4 },
    { "PK\x05\x06", 4 }, { "PK\x07\x08", 4 }, { "Rar!", 4 }, { "7z\xbc\xaf", 4 },
    { "\x1f\x8b", 2 },
  };
  gsize head = MIN (length, 65536);
  gsize skip = 0;

  for (guint i = 0; i < G_N_ELEMENTS (binary); i++)
    if (has_prefix (data, length, binary[i].magic, binary[i].length))
      return not_spreadsheet (error, _("This file is not a spreadsheet (it looks like an "
                                       "image, a PDF or an archive). Choose an .xlsx or "
                                       ".csv file."));

  /* UTF-16 text (Excel's "Unicode text") has NUL bytes by nature. */
  if (has_prefix (data, length, "\xff\xfe", 2) || has_prefix (data, length, "\xfe\xff", 2))
    return TRUE;

  for (gsize i = 0; i < head; i++)
    {
      guint8 c = data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v'
          && c != 0x1a && c != 0x1b)
        return not_spreadsheet (error, _("This file is not a spreadsheet. Choose an .xlsx "
                                         "or .csv file."));
    }

  /* Web pages and XML saved under a spreadsheet's name. */
  if (has_prefix (data, length, "\xef\xbb\xbf", 3))
    skip = 3;
  while (skip < head && g_ascii_isspace (data[skip]))
    skip++;
  if (skip < head && data[skip] == '<')
    {
      g_autofree char *start = g_ascii_strdown ((const char *) data + skip,
                                                MIN (head - skip, 2048));

      if (strstr (start, "<html") != NULL || strstr (start, "<table") != NULL
          || strstr (start, "<!doctype") != NULL || g_str_has_prefix (start, "<?xml"))
        return not_spreadsheet (error, _("This file is a web page or an XML file saved "
                                         "under a spreadsheet's name. Open it in Excel or "
                                         "WPS and save it as .xlsx."));
    }
  return TRUE;
}

YishiSheet *
yishi_sheet_read (const char    *path,
                  GCancellable  *cancellable,
                  void         (*progress) (double fraction, gpointer data),
                  gpointer       progress_data,
                  GError       **error)
{
  static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
  /* "EncryptedPackage" in UTF-16LE: an xlsx protected by a password is an OLE file. */
  static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (YishiSheet) sheet = NULL;
  YishiSheetProgress state = { cancellable, progress, progress_data, 0.0 };
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_FAILED,
                           _("Could not read the file: it is a folder."));
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_FAILED,
                   _("Could not read the file: %s"), local->message);
      return NULL;
    }
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (data == NULL)
    data = (const guint8 *) "";

  if (!yishi_sheet_progress (&state, 0.0, error))
    return NULL;

  if (has_prefix (data, length, "PK\x03\x04", 4))
    sheet = yishi_sheet_read_xlsx (data, length, &state, error);
  else if (has_prefix (data, length, ole, 8))
    {
      if (contains (data, length, encrypted, sizeof encrypted - 1))
        not_spreadsheet (error, _("This workbook is protected by a password. Remove the "
                                  "password in Excel or WPS, save it and choose it again."));
      else
        g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_XLS,
                             _("This is an old-style .xls (or WPS .et) file, which cannot be "
                               "read. Open it in Excel or WPS and save it as .xlsx."));
      return NULL;
    }
  else if (!check_text (data, length, error))
    return NULL;
  else if (length > YISHI_SHEET_MAX_BYTES)
    {
      g_set_error (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB."), YISHI_SHEET_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  else
    sheet = yishi_sheet_read_csv ((const char *) data, length, &state, error);

  if (sheet == NULL)
    return NULL;
  if (sheet->rows->len == 1)
    {
      g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_EMPTY,
                           _("The sheet is empty."));
      return NULL;
    }
  if (!yishi_sheet_progress (&state, 1.0, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

const char *
yishi_sheet_get_format (YishiSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return sheet->format;
}

guint
yishi_sheet_get_n_rows (YishiSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->rows->len - 1;
}

guint
yishi_sheet_get_n_columns (YishiSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_columns;
}

guint
yishi_sheet_get_n_cells (YishiSheet *sheet,
                         guint       row)
{
  g_return_val_if_fail (sheet != NULL, 0);

  if (row + 1 >= sheet->rows->len)
    return 0;
  return g_array_index (sheet->rows, guint32, row + 1)
         - g_array_index (sheet->rows, guint32, row);
}

static guint32
get_cell (YishiSheet *sheet,
          guint       row,
          guint       column)
{
  guint32 start;

  if (row + 1 >= sheet->rows->len)
    return 0;
  start = g_array_index (sheet->rows, guint32, row);
  if (column >= g_array_index (sheet->rows, guint32, row + 1) - start)
    return 0;
  return g_array_index (sheet->cells, guint32, start + column);
}

const char *
yishi_sheet_get_text (YishiSheet *sheet,
                      guint       row,
                      guint       column)
{
  g_return_val_if_fail (sheet != NULL, "");

  return sheet->texts->str + (get_cell (sheet, row, column) & OFFSET_MASK);
}

YishiCellKind
yishi_sheet_get_kind (YishiSheet *sheet,
                      guint       row,
                      guint       column)
{
  g_return_val_if_fail (sheet != NULL, YISHI_CELL_EMPTY);

  return (YishiCellKind) (get_cell (sheet, row, column) >> KIND_SHIFT);
}
