/* yishi-sheet-private.h — what the sheet reader's parts share: the compact cell storage
 * the CSV and xlsx parsers fill, the zip container reader, and progress reporting.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-sheet.h"

G_BEGIN_DECLS

/* Storage.  Every text lives once in @texts, NUL-terminated; offset 0 is "" (empty cells).
 * A cell is one guint32: the offset of its text in the low 30 bits, its kind in the top 2.
 * @rows holds the index of each row's first cell; rows->len is the number of finished
 * rows + 1, its last entry being where the row being filled begins. */
struct _YishiSheet
{
  const char *format;
  GString    *texts;
  GArray     *cells;         /* guint32 */
  GArray     *rows;          /* guint32 */
  guint       n_columns;
  guint       pending_blank; /* blank rows seen but kept only if a row with cells follows */
};

#define YISHI_SHEET_TEXT_LIMIT (1u << 30)

/* Above this much inflated data an entry must compress less than this ratio. */
#define YISHI_ZIP_RATIO_FLOOR (10 * 1024 * 1024)
#define YISHI_ZIP_MAX_RATIO   200

YishiSheet *yishi_sheet_new          (const char  *format);

/* Appends @length bytes of text (no NUL needed) and returns its offset; 0 for "". */
guint32     yishi_sheet_store_text   (YishiSheet  *sheet,
                                      const char  *text,
                                      gsize        length);
/* For text assembled in place: note texts->len, append to sheet->texts, then end. */
guint32     yishi_sheet_end_text     (YishiSheet  *sheet,
                                      gsize        start);

/* Sets the cell at @column (0-based) of the row being filled.  Empty cells take no room;
 * a value beyond YISHI_SHEET_MAX_COLUMNS fails at once with TOO_MANY_COLUMNS. */
gboolean    yishi_sheet_put_cell     (YishiSheet     *sheet,
                                      guint           column,
                                      guint32         text,
                                      YishiCellKind   kind,
                                      GError        **error);
/* Finishes the row being filled.  @number is its 1-based row number in the file (rows
 * skipped before it become blank rows), or 0 for "the next one". */
gboolean    yishi_sheet_end_row      (YishiSheet  *sheet,
                                      guint        number,
                                      GError     **error);

/* Progress and cancellation, shared by the parsers. */
typedef struct
{
  GCancellable *cancellable;
  void        (*func) (double fraction, gpointer data);
  gpointer      data;
  double        reported;
} YishiSheetProgress;

/* Reports @fraction if it moved by a step since the last report; FALSE with
 * G_IO_ERROR_CANCELLED when the read was cancelled. */
gboolean    yishi_sheet_progress     (YishiSheetProgress  *progress,
                                      double               fraction,
                                      GError             **error);

YishiSheet *yishi_sheet_read_csv     (const char          *data,
                                      gsize                length,
                                      YishiSheetProgress  *progress,
                                      GError             **error);
YishiSheet *yishi_sheet_read_xlsx    (const guint8        *data,
                                      gsize                length,
                                      YishiSheetProgress  *progress,
                                      GError             **error);

/* Zip container (yishi-zip.c), read from a buffer the caller keeps alive. */
typedef struct _YishiZip YishiZip;

typedef gboolean (*YishiZipSink) (const char  *data,
                                  gsize        length,
                                  gpointer     user_data,
                                  GError     **error);

YishiZip   *yishi_zip_open           (const guint8  *data,
                                      gsize          length,
                                      GError       **error);
void        yishi_zip_free           (YishiZip      *zip);
/* Part names compare without regard to ASCII case; "\" counts as "/". */
gboolean    yishi_zip_has            (YishiZip      *zip,
                                      const char    *name);
/* Inflated size as the central directory declares it; 0 if there is no such entry. */
guint64     yishi_zip_get_size       (YishiZip      *zip,
                                      const char    *name);
/* Streams the inflated entry to @sink in chunks, checking limits, length and CRC-32 (a
 * failed check comes after the last chunk: discard what the sink built). */
gboolean    yishi_zip_read           (YishiZip      *zip,
                                      const char    *name,
                                      YishiZipSink   sink,
                                      gpointer       user_data,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* The whole entry, NUL-terminated; for the small parts of a workbook. */
char       *yishi_zip_extract        (YishiZip      *zip,
                                      const char    *name,
                                      gsize         *length,
                                      GCancellable  *cancellable,
                                      GError       **error);

guint32     yishi_crc32_update       (guint32        crc,
                                      const guint8  *data,
                                      gsize          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiZip, yishi_zip_free)

G_END_DECLS
