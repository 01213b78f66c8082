/* bench-xlsx-raw.c — libxlsxwriter alone: the ledger's cells from a TSV file (one row a
 * line, \t \n \\ escaped, as bench-workbook.py writes them) into one sheet in
 * constant_memory mode, with no database. Columns 1 (date and time) and 17, 19 (dates)
 * are written as dates, the rest as strings, like Yishi's ledger sheet.
 *
 * Built by bench/bench-workbook.sh: cc bench-xlsx-raw.c $(pkg-config --cflags --libs xlsxwriter)
 * Usage: bench-xlsx-raw IN.tsv OUT.xlsx [--parse-only]
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define MAX_COLUMNS 64

static const char *headers[] = {
  "编号", "受理时间", "来源渠道", "类型", "类别", "紧急程度", "事项规模", "办理路径",
  "议题", "诉求内容", "诉求人", "联系电话", "网格", "楼栋", "单元", "地点", "责任方",
  "办理时限", "状态", "办结日期", "满意度", "按时办结", "受理月份",
};

static double
now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Splits @line in place at tabs and undoes the escapes; returns the number of cells. */
static int
split (char  *line,
       char **cells)
{
  int n = 0;
  char *out = line;

  cells[n++] = out;
  for (char *p = line; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == '\t')
        {
          *out++ = '\0';
          if (n < MAX_COLUMNS)
            cells[n++] = out;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          p++;
          *out++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
        }
      else
        *out++ = *p;
    }
  *out = '\0';
  return n;
}

static int
parse_date (const char   *text,
            lxw_datetime *when)
{
  memset (when, 0, sizeof *when);
  if (strlen (text) >= 16)
    return sscanf (text, "%4d-%2d-%2d %2d:%2d", &when->year, &when->month, &when->day,
                   &when->hour, &when->min) == 5;
  return sscanf (text, "%4d-%2d-%2d", &when->year, &when->month, &when->day) == 3;
}

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook = NULL;
  lxw_worksheet *sheet = NULL;
  lxw_format *date_time = NULL, *date = NULL;
  int parse_only = argc > 3 && strcmp (argv[3], "--parse-only") == 0;
  char *line = NULL, *cells[MAX_COLUMNS];
  size_t capacity = 0;
  lxw_row_t row = 1;
  double started = now_s ();
  long cell_count = 0;
  FILE *in;
  lxw_error rc;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-xlsx-raw IN.tsv OUT.xlsx [--parse-only]\n");
      return 2;
    }
  in = fopen (argv[1], "r");
  if (in == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  options.tmpdir = getenv ("TMPDIR") != NULL ? getenv ("TMPDIR") : "/tmp";

  if (!parse_only)
    {
      workbook = workbook_new_opt (argv[2], &options);
      sheet = workbook_add_worksheet (workbook, "议题台账");
      date_time = workbook_add_format (workbook);
      format_set_num_format (date_time, "yyyy-mm-dd hh:mm");
      date = workbook_add_format (workbook);
      format_set_num_format (date, "yyyy-mm-dd");
      for (lxw_col_t c = 0; c < sizeof headers / sizeof headers[0]; c++)
        worksheet_write_string (sheet, 0, c, headers[c], NULL);
    }

  while (getline (&line, &capacity, in) > 0)
    {
      int n = split (line, cells);

      for (int c = 0; c < n; c++)
        {
          lxw_datetime when;

          if (cells[c][0] == '\0')
            continue;
          cell_count++;
          if (parse_only)
            continue;
          if ((c == 1 || c == 17 || c == 19) && parse_date (cells[c], &when))
            worksheet_write_datetime (sheet, row, (lxw_col_t)c, &when, c == 1 ? date_time : date);
          else
            worksheet_write_string (sheet, row, (lxw_col_t)c, cells[c], NULL);
        }
      row++;
    }
  free (line);
  fclose (in);

  if (!parse_only)
    {
      worksheet_freeze_panes (sheet, 1, 1);
      worksheet_autofilter (sheet, 0, 0, row - 1,
                            (lxw_col_t)(sizeof headers / sizeof headers[0] - 1));
      rc = workbook_close (workbook);
      if (rc != LXW_NO_ERROR)
        {
          fprintf (stderr, "bench-xlsx-raw: %s\n", lxw_strerror (rc));
          return 1;
        }
    }
  printf ("raw-s %.2f (%u rows, %ld cells%s)\n", now_s () - started, row - 1, cell_count,
          parse_only ? ", parse only" : "");
  return 0;
}
