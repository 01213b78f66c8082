/* yishi-sheet.h — reads the first worksheet of an .xlsx file or a CSV file into rows of
 * text, whatever wrote it (Excel, WPS, LibreOffice, openpyxl, libxlsxwriter) and in
 * whatever encoding an office saved it (UTF-8, UTF-8 with BOM, GB18030/GBK; CRLF or LF).
 *
 * No extra libraries: the zip container is read here and inflated with GIO's
 * GZlibDecompressor (raw deflate); the XML with GMarkup.  Limits protect against zip
 * bombs and absurd files; every refusal is a translated YISHI_SHEET_ERROR and nothing is
 * half-read.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define YISHI_SHEET_ERROR (yishi_sheet_error_quark ())

typedef enum
{
  YISHI_SHEET_ERROR_NOT_SPREADSHEET, /* neither xlsx nor text; an image, a PDF … */
  YISHI_SHEET_ERROR_XLS,             /* the old binary .xls (OLE compound file): save as .xlsx */
  YISHI_SHEET_ERROR_TRUNCATED,       /* a damaged or incomplete archive */
  YISHI_SHEET_ERROR_TOO_LARGE,       /* more than YISHI_SHEET_MAX_BYTES inflated, or a ratio of a zip bomb */
  YISHI_SHEET_ERROR_TOO_MANY_COLUMNS,/* more than YISHI_SHEET_MAX_COLUMNS */
  YISHI_SHEET_ERROR_TOO_MANY_ROWS,   /* more than YISHI_SHEET_MAX_ROWS */
  YISHI_SHEET_ERROR_ENCODING,        /* text in no encoding we know */
  YISHI_SHEET_ERROR_EMPTY,           /* no cells at all */
  YISHI_SHEET_ERROR_FAILED,          /* could not read the file (I/O) */
} YishiSheetError;

#define YISHI_SHEET_MAX_COLUMNS 256
#define YISHI_SHEET_MAX_ROWS 1000000
#define YISHI_SHEET_MAX_BYTES (512 * 1024 * 1024)

GQuark yishi_sheet_error_quark (void);

typedef enum
{
  YISHI_CELL_EMPTY,
  YISHI_CELL_TEXT,   /* also a boolean's TRUE/FALSE, an error (#N/A), a formula's text */
  YISHI_CELL_NUMBER, /* an xlsx number cell: text is the number printed with %.15g */
  YISHI_CELL_DATE,   /* an xlsx number cell with a date format: text is YYYY-MM-DD */
} YishiCellKind;

typedef struct _YishiSheet YishiSheet;

/* Reads @path; the format is detected from the content, not the name.  Progress, if
 * @progress is set, is called now and then with a fraction 0…1 (any thread: the caller's). */
YishiSheet   *yishi_sheet_read            (const char      *path,
                                           GCancellable    *cancellable,
                                           void           (*progress) (double fraction, gpointer data),
                                           gpointer         progress_data,
                                           GError         **error);
void          yishi_sheet_free            (YishiSheet      *sheet);
/* "xlsx", "csv (UTF-8)", "csv (UTF-8 with BOM)", "csv (GB18030)", and "csv (UTF-16)" for
 * Excel's "Unicode text" (UTF-16 with BOM).  Tab-separated text has the same names. */
const char   *yishi_sheet_get_format      (YishiSheet      *sheet);
/* Rows as in the file, blank rows included (they have 0 cells); trailing empty cells of a
 * row are dropped.  Blank rows after the last row with cells (an xlsx's styled empty rows,
 * a CSV's empty last lines) are not rows. */
guint         yishi_sheet_get_n_rows      (YishiSheet      *sheet);
guint         yishi_sheet_get_n_columns   (YishiSheet      *sheet); /* widest row */
guint         yishi_sheet_get_n_cells     (YishiSheet      *sheet, guint row);
/* "" for an empty or missing cell; never NULL. UTF-8. */
const char   *yishi_sheet_get_text        (YishiSheet      *sheet, guint row, guint column);
YishiCellKind yishi_sheet_get_kind        (YishiSheet      *sheet, guint row, guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiSheet, yishi_sheet_free)

G_END_DECLS
