/* yishi-sheet-csv.c — comma- or tab-separated text as offices save it: UTF-8 with or
 * without BOM, GB18030 (GBK's superset, what Chinese Excel and WPS write by default) or
 * UTF-16 ("Unicode text"); RFC 4180 quoting; CRLF, LF or CR line ends.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-sheet-private.h"

/* Progress is reported about every 2 %, at most every 64 KiB. */
#define PROGRESS_STEPS 50
#define PROGRESS_MIN_STEP (64 * 1024)

/* The delimiter is decided by the first line holding a comma or a tab: a tab, if that line
 * has tabs and no commas.  Lines with neither (a title above the header) do not count. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *eol = text;
      gboolean tabs = FALSE;
      gboolean commas = FALSE;

      while (eol < end && *eol != '\n' && *eol != '\r')
        {
          tabs |= *eol == '\t';
          commas |= *eol == ',';
          eol++;
        }
      if (commas)
        return ',';
      if (tabs)
        return '\t';
      text = eol + 1;
    }
  return ',';
}

static gboolean
parse (YishiSheet          *sheet,
       const char          *text,
       gsize                length,
       YishiSheetProgress  *progress,
       double               base,
       GError             **error)
{
  const char *p = text;
  const char *end = text + length;
  gsize step = MAX (length / PROGRESS_STEPS, PROGRESS_MIN_STEP);
  const char *next_report = text + step;
  char delimiter = detect_delimiter (text, length);
  guint column = 0;

  while (p < end)
    {
      gsize start;
      guint32 offset;

      if (p >= next_report)
        {
          if (!yishi_sheet_progress (progress, base + (1.0 - base) * (p - text) / length,
                                     error))
            return FALSE;
          next_report = p + step;
        }

      /* One field, ending at a delimiter, a line end or the end of the text. */
      start = sheet->texts->len;
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              const char *quote = memchr (p, '"', end - p);

              if (quote == NULL)
                {
                  /* Unterminated: the rest of the text is the field. */
                  g_string_append_len (sheet->texts, p, end - p);
                  p = end;
                  break;
                }
              g_string_append_len (sheet->texts, p, quote - p);
              p = quote + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (sheet->texts, '"');
                  p++;
                  continue;
                }
              break;
            }
          /* Anything after the closing quote belongs to the field too. */
        }
      {
        const char *q = p;

        while (q < end && *q != delimiter && *q != '\n' && *q != '\r')
          q++;
        if (q > p)
          g_string_append_len (sheet->texts, p, q - p);
        p = q;
      }
      offset = yishi_sheet_end_text (sheet, start);
      if (!yishi_sheet_put_cell (sheet, column, offset, YISHI_CELL_TEXT, error))
        return FALSE;

      if (p < end && *p == delimiter)
        {
          p++;
          column++;
          if (p == end && !yishi_sheet_end_row (sheet, 0, error))
            return FALSE;
          continue;
        }
      /* A line end (CRLF, LF or CR) or the end: the record is complete. */
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        p++;
      if (!yishi_sheet_end_row (sheet, 0, error))
        return FALSE;
      column = 0;
    }
  return TRUE;
}

static YishiSheet *
encoding_error (GError **error)
{
  g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_ENCODING,
                       _("The text of this file is in an unknown encoding. Save it from "
                         "Excel or WPS as CSV (UTF-8) or as .xlsx."));
  return NULL;
}

YishiSheet *
yishi_sheet_read_csv (const char          *data,
                      gsize                length,
                      YishiSheetProgress  *progress,
                      GError             **error)
{
  g_autoptr (YishiSheet) sheet = NULL;
  g_autofree char *converted = NULL;
  const char *format;
  const char *text = data;
  gsize text_length = length;
  double base = 0.0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      format = "csv (UTF-8 with BOM)";
      text += 3;
      text_length -= 3;
      if (!g_utf8_validate (text, text_length, NULL))
        return encoding_error (error);
    }
  else if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      const char *charset = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";

      format = "csv (UTF-16)";
      converted = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, &text_length, NULL);
      if (converted == NULL)
        return encoding_error (error);
      text = converted;
      base = 0.2;
    }
  else if (g_utf8_validate (data, length, NULL))
    format = "csv (UTF-8)";
  else
    {
      format = "csv (GB18030)";
      converted = g_convert (data, length, "UTF-8", "GB18030", NULL, &text_length, NULL);
      if (converted == NULL)
        return encoding_error (error);
      text = converted;
      base = 0.2;
    }

  if (base > 0.0 && !yishi_sheet_progress (progress, base, error))
    return NULL;
  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_NOT_SPREADSHEET,
                           _("This file is not a spreadsheet. Choose an .xlsx or .csv file."));
      return NULL;
    }

  sheet = yishi_sheet_new (format);
  if (!parse (sheet, text, text_length, progress, base, error))
    return NULL;
  return g_steal_pointer (&sheet);
}
