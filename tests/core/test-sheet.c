/* test-sheet.c — the spreadsheet reader: xlsx as openpyxl, WPS and hand-made writers shape
 * it, CSV in every encoding offices use, and every refusal (damaged, hostile, too big, not a
 * spreadsheet at all).  Fixtures come from tests/data/sheets/make-fixtures.py; the big and
 * hostile files are made here, in a temporary folder.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "yishi-sheet.h"
#include "yishi-sheet-private.h"
#include "yishi-test-utils.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sheets", name, NULL);
}

static YishiSheet *
read_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  YishiSheet *sheet = yishi_sheet_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
assert_error_at (const char *path,
                 int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiSheet) sheet = yishi_sheet_read (path, NULL, NULL, NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, YISHI_SHEET_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
assert_error (const char *name,
              int         code)
{
  g_autofree char *path = fixture (name);

  assert_error_at (path, code);
}

/* Asserts one row: @expected is "K:text" per cell, K being E, T, N or D. */
static void
assert_row (YishiSheet  *sheet,
            guint        row,
            const char **expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (yishi_sheet_get_n_cells (sheet, row), ==, n);
  for (guint i = 0; i < n; i++)
    {
      YishiCellKind kind;

      switch (expected[i][0])
        {
        case 'E': kind = YISHI_CELL_EMPTY; break;
        case 'T': kind = YISHI_CELL_TEXT; break;
        case 'N': kind = YISHI_CELL_NUMBER; break;
        case 'D': kind = YISHI_CELL_DATE; break;
        default: g_assert_not_reached ();
        }
      g_assert_cmpstr (yishi_sheet_get_text (sheet, row, i), ==, expected[i] + 2);
      g_assert_cmpint (yishi_sheet_get_kind (sheet, row, i), ==, kind);
    }
  /* Past the end: "" and empty, never NULL. */
  g_assert_cmpstr (yishi_sheet_get_text (sheet, row, n), ==, "");
  g_assert_cmpint (yishi_sheet_get_kind (sheet, row, n), ==, YISHI_CELL_EMPTY);
}

#define ROW(sheet, row, ...) assert_row (sheet, row, (const char *[]) { __VA_ARGS__, NULL })

static void
assert_blank (YishiSheet *sheet,
              guint       row)
{
  g_assert_cmpuint (yishi_sheet_get_n_cells (sheet, row), ==, 0);
  g_assert_cmpstr (yishi_sheet_get_text (sheet, row, 0), ==, "");
}

/* xlsx */

static void
test_openpyxl_roster (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("roster-openpyxl.xlsx");

  g_assert_cmpstr (yishi_sheet_get_format (sheet), ==, "xlsx");
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 7);
  g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 8);
  /* The merged title: only its top-left cell has a value. */
  ROW (sheet, 0, "T:幸福社区第一网格居民名册（2026年）");
  ROW (sheet, 1, "T:序号", "T:姓名", "T:性别", "T:身份证号", "T:出生日期", "T:联系电话",
       "T:住址", "T:备注");
  /* A date cell (openpyxl's yyyy-mm-dd) and a phone stored as a number. */
  ROW (sheet, 2, "N:1", "T:张三", "T:男", "T:110101198503071234", "D:1985-03-07",
       "N:13812345678", "T:幸福小区3号楼2单元501", "T:党员");
  /* yyyy"年"m"月"d"日"; the phone as text; the empty last cell dropped. */
  ROW (sheet, 3, "N:2", "T:李四", "T:女", "T:11010119900101002X", "D:1990-01-01",
       "T:139 0000 1111", "T:幸福小区1号楼1单元101");
  /* Row 5 of the file is blank, and still a row. */
  assert_blank (sheet, 4);
  /* A date and time (the time is dropped), a float phone, a gap, a boolean. */
  ROW (sheet, 5, "N:3", "T:王五", "T:男", "T:110101196012310011", "D:1960-12-31",
       "N:13800000000", "E:", "T:TRUE");
  /* Built-in 14 is a date; 9 (0%) and 2 (0.00) are numbers; spaces are kept. */
  ROW (sheet, 6, "N:4", "T:赵六", "T:女", "T:110101200002290021", "D:2000-02-29", "N:0.25",
       "T:  前后有空格  ", "N:12.5");
  /* Out of range: nothing, never NULL. */
  g_assert_cmpuint (yishi_sheet_get_n_cells (sheet, 7), ==, 0);
  g_assert_cmpstr (yishi_sheet_get_text (sheet, 7, 0), ==, "");
  g_assert_cmpstr (yishi_sheet_get_text (sheet, 1000, 1000), ==, "");
}

static void
test_inline_strings (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("inline-strings.xlsx");

  g_assert_cmpstr (yishi_sheet_get_format (sheet), ==, "xlsx");
  /* Rows 1, 2, 4, 5 and 8 of the file have values; 3, 6 and 7 are blank; 9 (blank, last)
   * is not a row. */
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 9);
  /* xml:space="preserve" keeps the spaces; rich inline runs are joined. */
  ROW (sheet, 0, "T:姓名", "T: 住址 ", "T:富文本");
  /* No cell references: sequential.  Entities, a formula's text result, booleans, an
   * error value. */
  ROW (sheet, 1, "T:A&B 中<", "T:计算结果", "T:FALSE", "T:#N/A", "T:TRUE");
  assert_blank (sheet, 2);
  /* Built-in 14, a custom yyyy/m/d, the 1900 system with Excel's phantom 1900-02-29, an
   * ISO date cell (t="d"), Chinese built-in 31. */
  ROW (sheet, 3, "E:", "D:2023-03-15", "E:", "D:1900-01-01", "D:1900-02-28", "D:1900-02-29",
       "D:1900-03-01", "D:2024-02-29", "D:1985-03-07");
  /* %.15g: whole phones stay whole, 0.30000000000000004 is 0.3; a custom 0.00 format and a
   * time format are numbers; a date format on a bare time (0.25) is no date; text format
   * (49) on a number is a number; a formula without a cached value is empty. */
  ROW (sheet, 4, "N:13812345678", "N:13812345678", "N:0.1", "N:0.3", "N:0.5", "D:2023-01-01",
       "N:0.25", "N:1e+21", "N:42");
  /* A shared string with no shared strings part; an empty row element. */
  assert_blank (sheet, 5);
  assert_blank (sheet, 6);
  /* An empty inline string at the end is dropped. */
  ROW (sheet, 7, "E:", "E:", "T:末行");
}

static void
test_wps_like (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("wps-like.xlsx");

  /* The first sheet is hidden: the first visible one, "名册", is read, found through an
   * absolute relationship target (sheet3.xml, not sheet1.xml). */
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 3);
  /* Styled empty cells (even at XFD, far past the column limit) do not count. */
  g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 6);
  ROW (sheet, 0, "T:R&D 部");
  /* An empty shared string is an empty cell. */
  ROW (sheet, 1, "T:姓名", "T:出生日期", "T:联系电话");
  /* Rich runs are joined, phonetic runs left out; built-in 31 and yyyy/m/d;@ are dates. */
  ROW (sheet, 2, "T:张三", "D:1985-03-07", "N:13812345678", "T:东京", "T:  前后空格  ",
       "D:2023-01-01");
  for (guint row = 0; row < 3; row++)
    for (guint column = 0; column < 6; column++)
      g_assert_null (strstr (yishi_sheet_get_text (sheet, row, column), "不该读到"));
}

static void
test_prefixed (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("prefixed.xlsx");

  /* Every element as x:name. */
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 2);
  ROW (sheet, 0, "T:身份证号", "T:出生");
  ROW (sheet, 1, "T:110101198503071234", "D:1985-03-07");
}

static void
test_date1904 (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("date1904.xlsx");

  ROW (sheet, 0, "D:1904-01-01", "D:2023-01-01");
}

/* CSV */

static void
test_csv_utf8 (void)
{
  const char *names[] = { "utf8.csv", "utf8-bom.csv" };
  const char *formats[] = { "csv (UTF-8)", "csv (UTF-8 with BOM)" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (YishiSheet) sheet = read_fixture (names[i]);

      g_assert_cmpstr (yishi_sheet_get_format (sheet), ==, formats[i]);
      /* The trailing newline makes no row; the blank line in between is one. */
      g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 5);
      g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 4);
      ROW (sheet, 0, "T:姓名", "T:性别", "T:身份证号", "T:联系电话");
      ROW (sheet, 1, "T:张三", "T:男", "T:110101198503071234", "T:13812345678");
      assert_blank (sheet, 2);
      ROW (sheet, 3, "T:李四", "E:", "T:11010119900101002X");
      ROW (sheet, 4, "T:王五", "T:男", "T:110101196012310011", "T:13800000000");
    }
}

static void
test_csv_gb18030 (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("gb18030.csv");

  g_assert_cmpstr (yishi_sheet_get_format (sheet), ==, "csv (GB18030)");
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 4);
  ROW (sheet, 0, "T:幸福社区居民名册");
  ROW (sheet, 1, "T:姓名", "T:住址", "T:备注");
  /* € and 𠀀 (a four-byte GB18030 sequence, outside GBK), CRLF line ends. */
  ROW (sheet, 2, "T:张三", "T:幸福小区3号楼", "T:€ 𠀀 龘");
  ROW (sheet, 3, "T:李四", "T:和平里5号");
}

static void
test_csv_quoted (void)
{
  g_autoptr (YishiSheet) sheet = read_fixture ("quoted.csv");

  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 6);
  ROW (sheet, 0, "T:姓名", "T:住址", "T:备注");
  ROW (sheet, 1, "T:张三", "T:幸福小区, 3号楼", "T:他说\"你好\"");
  ROW (sheet, 2, "T:李四", "T:第一行\n第二行", "T:末尾");
  assert_blank (sheet, 3);
  ROW (sheet, 4, "T:王五", "T:\"引号开头");
  /* A quote inside an unquoted field is just a character. */
  ROW (sheet, 5, "T:赵六", "T:3\"号楼", "T:x");
}

static void
test_csv_line_ends_and_tabs (void)
{
  g_autoptr (YishiSheet) cr = read_fixture ("cr.csv");
  g_autoptr (YishiSheet) tabs = read_fixture ("tabs.txt");
  g_autoptr (YishiSheet) utf16 = read_fixture ("utf16.txt");

  /* CR alone ends lines too; no newline at the end is fine. */
  g_assert_cmpuint (yishi_sheet_get_n_rows (cr), ==, 3);
  ROW (cr, 0, "T:姓名", "T:电话");
  ROW (cr, 2, "T:李四", "T:13900001111");

  /* Tab-separated: a title line without tabs, then tabs; commas stay in cells. */
  g_assert_cmpuint (yishi_sheet_get_n_rows (tabs), ==, 3);
  ROW (tabs, 0, "T:幸福社区名册");
  ROW (tabs, 1, "T:姓名", "T:住址");
  ROW (tabs, 2, "T:张三", "T:幸福小区, 3号楼");

  /* Excel's "Unicode text": UTF-16LE with BOM, tab-separated. */
  g_assert_cmpstr (yishi_sheet_get_format (utf16), ==, "csv (UTF-16)");
  g_assert_cmpuint (yishi_sheet_get_n_rows (utf16), ==, 2);
  ROW (utf16, 1, "T:张三", "T:13812345678");
}

/* Refusals */

static void
test_refusals (void)
{
  static const struct { const char *name; int code; } cases[] = {
    { "old.xls", YISHI_SHEET_ERROR_XLS },
    { "encrypted.xlsx", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "image.png", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "document.pdf", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "web-page.xls", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "not-workbook.zip", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "zip-encrypted.xlsx", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "zip-bzip2.xlsx", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "zip64.xlsx", YISHI_SHEET_ERROR_NOT_SPREADSHEET },
    { "truncated.xlsx", YISHI_SHEET_ERROR_TRUNCATED },
    { "bad-crc.xlsx", YISHI_SHEET_ERROR_TRUNCATED },
    { "damaged-xml.xlsx", YISHI_SHEET_ERROR_TRUNCATED },
    { "too-deep.xlsx", YISHI_SHEET_ERROR_TRUNCATED },
    { "bomb-ratio.xlsx", YISHI_SHEET_ERROR_TOO_LARGE },
    { "wide.xlsx", YISHI_SHEET_ERROR_TOO_MANY_COLUMNS },
    { "too-many-rows.xlsx", YISHI_SHEET_ERROR_TOO_MANY_ROWS },
    { "latin1.csv", YISHI_SHEET_ERROR_ENCODING },
    { "empty.xlsx", YISHI_SHEET_ERROR_EMPTY },
    { "no-worksheet.xlsx", YISHI_SHEET_ERROR_EMPTY },
    { "blank.csv", YISHI_SHEET_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      assert_error (cases[i].name, cases[i].code);
    }
}

static void
test_messages_keep_contents_private (void)
{
  const char *names[] = { "damaged-xml.xlsx", "bad-crc.xlsx", "wide.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture (names[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (YishiSheet) sheet = yishi_sheet_read (path, NULL, NULL, NULL, &error);

      g_assert_nonnull (error);
      g_assert_null (strstr (error->message, "张三"));
      g_assert_null (strstr (error->message, "1381234"));
      g_assert_null (strstr (error->message, "110101"));
    }
}

static void
write_text (const char *path,
            GString    *text)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

static void
test_io_errors (void)
{
  g_autofree char *missing = yishi_test_path ("missing.xlsx");
  g_autofree char *empty = yishi_test_path ("empty.csv");

  assert_error_at (missing, YISHI_SHEET_ERROR_FAILED);
  assert_error_at (yishi_test_dir, YISHI_SHEET_ERROR_FAILED);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_error_at (empty, YISHI_SHEET_ERROR_EMPTY);

  /* Text for 100 KB, then a NUL byte: not a spreadsheet either. */
  {
    g_autofree char *late = yishi_test_path ("late-nul.csv");
    g_autoptr (GString) text = g_string_new (NULL);

    while (text->len < 100000)
      g_string_append (text, "张三,13812345678\n");
    g_string_append_len (text, "\0\n", 2);
    write_text (late, text);
    assert_error_at (late, YISHI_SHEET_ERROR_NOT_SPREADSHEET);
  }
}

/* Files made here */

typedef struct
{
  const char *name;
  GBytes     *data;         /* what is stored */
  guint16     method;       /* 0 stored, 8 deflated */
  guint32     size;         /* declared inflated size */
  guint32     crc;
} ZipPart;

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 b[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

static void
write_zip (const char *path,
           ZipPart    *parts,
           guint       n_parts)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GByteArray) directory = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  guint32 directory_offset;

  for (guint i = 0; i < n_parts; i++)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (parts[i].data, &length);
      guint32 offset = out->len;
      guint name_length = strlen (parts[i].name);

      put32 (out, 0x04034b50);
      put16 (out, 20);
      put16 (out, 0);
      put16 (out, parts[i].method);
      put32 (out, 0);
      put32 (out, parts[i].crc);
      put32 (out, length);
      put32 (out, parts[i].size);
      put16 (out, name_length);
      put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) parts[i].name, name_length);
      g_byte_array_append (out, data, length);

      put32 (directory, 0x02014b50);
      put16 (directory, 20);
      put16 (directory, 20);
      put16 (directory, 0);
      put16 (directory, parts[i].method);
      put32 (directory, 0);
      put32 (directory, parts[i].crc);
      put32 (directory, length);
      put32 (directory, parts[i].size);
      put16 (directory, name_length);
      put32 (directory, 0);
      put32 (directory, 0);
      put32 (directory, 0);
      put32 (directory, offset);
      g_byte_array_append (directory, (const guint8 *) parts[i].name, name_length);
    }
  directory_offset = out->len;
  g_byte_array_append (out, directory->data, directory->len);
  put32 (out, 0x06054b50);
  put32 (out, 0);
  put16 (out, n_parts);
  put16 (out, n_parts);
  put32 (out, directory->len);
  put32 (out, directory_offset);
  put16 (out, 0);
  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

static GBytes *
deflate (const void *data,
         gsize       length,
         gboolean    finish)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 6);
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 buffer[65536];
  gsize done = 0;

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      gsize n_read, n_written;
      GConverterResult result =
        g_converter_convert (G_CONVERTER (compressor), (const guint8 *) data + done,
                             length - done, buffer, sizeof buffer,
                             finish ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_FLUSH,
                             &n_read, &n_written, &error);

      g_assert_no_error (error);
      done += n_read;
      g_byte_array_append (out, buffer, n_written);
      if (result == G_CONVERTER_FINISHED || (result == G_CONVERTER_FLUSHED && done == length))
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static ZipPart
stored_part (const char *name,
             const char *text)
{
  ZipPart part = { name, g_bytes_new (text, strlen (text)), 0, strlen (text), 0 };

  part.crc = yishi_crc32_update (0, (const guint8 *) text, strlen (text));
  return part;
}

static void
clear_parts (ZipPart *parts,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    g_bytes_unref (parts[i].data);
}

#define WORKBOOK                                                                            \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "          \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"        \
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"

/* A workbook whose sheet1.xml is @sheet as given (deflated by the caller or not); the
 * caller keeps the sheet's data. */
static void
write_workbook (const char *path,
                ZipPart     sheet)
{
  ZipPart parts[] = { stored_part ("xl/workbook.xml", WORKBOOK), sheet };

  parts[1].name = "xl/worksheets/sheet1.xml";
  write_zip (path, parts, G_N_ELEMENTS (parts));
  clear_parts (parts, 1);
}

/* The start of a worksheet and @megabytes MiB of spaces, deflated: the first MiB is
 * flushed after the start, then one flushed MiB of spaces is repeated (it begins with a
 * literal space and goes on with matches at distance 1, so the copies chain) and a final
 * empty block ends the stream.  About 1 KiB per MiB, valid XML as far as it goes. */
static GBytes *
deflated_spaces (guint megabytes)
{
  static const char start[] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
                              "spreadsheetml/2006/main\"><sheetData>";
  gsize mib = 1024 * 1024;
  g_autofree char *spaces = g_malloc (sizeof start - 1 + mib);
  g_autoptr (GBytes) head = NULL;
  g_autoptr (GBytes) chunk = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  const guint8 *data;
  gsize length;

  memcpy (spaces, start, sizeof start - 1);
  memset (spaces + sizeof start - 1, ' ', mib);
  head = deflate (spaces, sizeof start - 1 + mib, FALSE);
  chunk = deflate (spaces + sizeof start - 1, mib, FALSE);
  data = g_bytes_get_data (head, &length);
  g_byte_array_append (out, data, length);
  data = g_bytes_get_data (chunk, &length);
  for (guint i = 1; i < megabytes; i++)
    g_byte_array_append (out, data, length);
  g_byte_array_append (out, (const guint8 *) "\x03\x00", 2);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_zip_bombs (void)
{
  g_autofree char *honest = yishi_test_path ("bomb-600.xlsx");
  g_autofree char *liar = yishi_test_path ("bomb-liar.xlsx");
  g_autofree char *small_liar = yishi_test_path ("bomb-small-liar.xlsx");
  g_autofree char *huge = yishi_test_path ("huge.xlsx");
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GBytes) spaces = deflated_spaces (600);
  ZipPart part = { NULL, spaces, 8, 600u * 1024 * 1024, 0 };

  /* 600 MB in ~600 KB: refused from the central directory, nothing inflated (the CRC is
   * never reached, so it is left 0). */
  g_assert_cmpuint (g_bytes_get_size (spaces), <, 1024 * 1024);
  write_workbook (honest, part);
  assert_error_at (honest, YISHI_SHEET_ERROR_TOO_LARGE);

  /* The same data declared as 100 MB (a ratio that passes): inflating stops at the ratio
   * check past 10 MB. */
  part.size = 100u * 1024 * 1024;
  write_workbook (liar, part);
  assert_error_at (liar, YISHI_SHEET_ERROR_TOO_LARGE);

  /* Declared 1,000 bytes: more than declared is damage. */
  part.size = 1000;
  write_workbook (small_liar, part);
  assert_error_at (small_liar, YISHI_SHEET_ERROR_TRUNCATED);

  /* More than YISHI_SHEET_MAX_BYTES at an innocent ratio (the data is never looked at). */
  {
    g_autoptr (GBytes) filler = g_bytes_new_take (g_malloc0 (4 * 1024 * 1024), 4 * 1024 * 1024);
    ZipPart big = { NULL, filler, 8, 600u * 1024 * 1024, 0 };

    write_workbook (huge, big);
    assert_error_at (huge, YISHI_SHEET_ERROR_TOO_LARGE);
  }
  /* None of it took long. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);
}

static void
test_crc32 (void)
{
  const guint8 *check = (const guint8 *) "123456789";
  g_autofree guint8 *big = g_malloc (100003);
  guint32 whole, parts;

  g_assert_cmphex (yishi_crc32_update (0, check, 9), ==, 0xcbf43926);
  g_assert_cmphex (yishi_crc32_update (0, check, 0), ==, 0);
  for (guint i = 0; i < 100003; i++)
    big[i] = (guint8) (i * 7 + (i >> 8));
  whole = yishi_crc32_update (0, big, 100003);
  parts = yishi_crc32_update (0, big, 5);
  parts = yishi_crc32_update (parts, big + 5, 50000);
  parts = yishi_crc32_update (parts, big + 50005, 100003 - 50005);
  g_assert_cmphex (whole, ==, parts);
}

static void
test_xlsx_made_here (void)
{
  g_autofree char *path = yishi_test_path ("made.xlsx");
  g_autoptr (GString) xml = g_string_new ("<worksheet xmlns=\"http://schemas.openxmlformats."
                                          "org/spreadsheetml/2006/main\"><sheetData>");
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiSheet) sheet = NULL;
  g_autoptr (GBytes) deflated = NULL;
  ZipPart part;

  /* Rows out of order fall back to sequential numbering; a cell reference given twice
   * keeps the later value; 256 columns are allowed. */
  g_string_append (xml, "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>"
                        "<row r=\"2\"><c r=\"IV2\" t=\"inlineStr\"><is><t>边</t></is></c></row>"
                        "</sheetData></worksheet>");
  deflated = deflate (xml->str, xml->len, TRUE);
  part = (ZipPart) { NULL, deflated, 8, xml->len,
                     yishi_crc32_update (0, (const guint8 *) xml->str, xml->len) };
  write_workbook (path, part);
  sheet = yishi_sheet_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, 4);
  assert_blank (sheet, 0);
  assert_blank (sheet, 1);
  ROW (sheet, 2, "N:2");
  g_assert_cmpuint (yishi_sheet_get_n_cells (sheet, 3), ==, 256);
  g_assert_cmpstr (yishi_sheet_get_text (sheet, 3, 255), ==, "边");
  g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 256);
}

static void
test_csv_limits (void)
{
  g_autofree char *wide = yishi_test_path ("wide.csv");
  g_autofree char *padded = yishi_test_path ("padded.csv");
  g_autofree char *full = yishi_test_path ("full.csv");
  g_autofree char *tall = yishi_test_path ("tall.csv");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (YishiSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;

  /* 300 values in a row. */
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? "," : "", i);
  g_string_append_c (text, '\n');
  write_text (wide, text);
  assert_error_at (wide, YISHI_SHEET_ERROR_TOO_MANY_COLUMNS);

  /* Two values and 400 empty fields (a sheet saved with formatting far to the right). */
  g_string_assign (text, "a,b");
  for (guint i = 0; i < 400; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\nc,d\n");
  write_text (padded, text);
  sheet = yishi_sheet_read (padded, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_sheet_get_n_columns (sheet), ==, 2);
  ROW (sheet, 0, "T:a", "T:b");
  g_clear_pointer (&sheet, yishi_sheet_free);

  /* YISHI_SHEET_MAX_ROWS rows exactly are fine; one more is not. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < YISHI_SHEET_MAX_ROWS; i++)
    g_string_append (text, "x\n");
  write_text (full, text);
  sheet = yishi_sheet_read (full, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, YISHI_SHEET_MAX_ROWS);
  g_assert_cmpstr (yishi_sheet_get_text (sheet, YISHI_SHEET_MAX_ROWS - 1, 0), ==, "x");
  g_clear_pointer (&sheet, yishi_sheet_free);
  g_string_append (text, "y\n");
  write_text (tall, text);
  assert_error_at (tall, YISHI_SHEET_ERROR_TOO_MANY_ROWS);
}

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *progress = data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_at_first != NULL && fraction > 0.0)
    g_cancellable_cancel (progress->cancel_at_first);
}

static void
assert_progress (const char *path,
                 guint       n_rows)
{
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (YishiSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  Progress progress = { fractions, NULL };

  sheet = yishi_sheet_read (path, cancellable, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_sheet_get_n_rows (sheet), ==, n_rows);
  g_assert_cmpuint (fractions->len, >=, 5);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  /* Cancelled from the first report: the read stops with G_IO_ERROR_CANCELLED. */
  g_clear_pointer (&sheet, yishi_sheet_free);
  g_array_set_size (fractions, 0);
  progress.cancel_at_first = cancellable;
  sheet = yishi_sheet_read (path, cancellable, on_progress, &progress, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (sheet);
  g_assert_cmpuint (fractions->len, ==, 1);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  sheet = yishi_sheet_read (path, cancellable, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (sheet);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *csv = yishi_test_path ("progress.csv");
  g_autofree char *xlsx = yishi_test_path ("progress.xlsx");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GBytes) deflated = NULL;
  ZipPart part;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "张%u,1381234%04u,幸福小区%u号楼\n", i, i % 10000, i % 50);
  write_text (csv, text);
  assert_progress (csv, 200000);

  g_string_assign (text, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                         "2006/main\"><sheetData>");
  for (guint i = 1; i <= 100000; i++)
    g_string_append_printf (text, "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>张%u</t>"
                                  "</is></c><c r=\"B%u\"><v>%u</v></c></row>", i, i, i, i,
                            13800000 + i * 7);
  g_string_append (text, "</sheetData></worksheet>");
  deflated = deflate (text->str, text->len, TRUE);
  part = (ZipPart) { NULL, deflated, 8, text->len,
                     yishi_crc32_update (0, (const guint8 *) text->str, text->len) };
  write_workbook (xlsx, part);
  assert_progress (xlsx, 100000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/sheet/xlsx/openpyxl-roster", test_openpyxl_roster);
  g_test_add_func ("/sheet/xlsx/inline-strings", test_inline_strings);
  g_test_add_func ("/sheet/xlsx/wps-like", test_wps_like);
  g_test_add_func ("/sheet/xlsx/prefixed", test_prefixed);
  g_test_add_func ("/sheet/xlsx/date1904", test_date1904);
  g_test_add_func ("/sheet/xlsx/made-here", test_xlsx_made_here);
  g_test_add_func ("/sheet/csv/utf8", test_csv_utf8);
  g_test_add_func ("/sheet/csv/gb18030", test_csv_gb18030);
  g_test_add_func ("/sheet/csv/quoted", test_csv_quoted);
  g_test_add_func ("/sheet/csv/line-ends-and-tabs", test_csv_line_ends_and_tabs);
  g_test_add_func ("/sheet/csv/limits", test_csv_limits);
  g_test_add_func ("/sheet/refusals", test_refusals);
  g_test_add_func ("/sheet/messages-keep-contents-private", test_messages_keep_contents_private);
  g_test_add_func ("/sheet/io-errors", test_io_errors);
  g_test_add_func ("/sheet/zip/bombs", test_zip_bombs);
  g_test_add_func ("/sheet/zip/crc32", test_crc32);
  g_test_add_func ("/sheet/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
