/* yishi-workbook-common.h — what the internal workbooks share: the file written beside
 * its target and renamed over it, the notice and header formats, the print setup.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "yishi-database.h"

G_BEGIN_DECLS

/* On every internal sheet, its header and its footer. */
#define YISHI_WORKBOOK_INTERNAL_NOTICE "内部资料 · 含个人信息 · 不得公开"

/* A workbook being written into a temporary file beside @path; its sheets' temporary
 * files (constant_memory mode) in a folder of their own. */
typedef struct
{
  lxw_workbook *workbook;
  char *path;
  char *partial;
  char *tmpdir;
  GPtrArray *sheets;
} YishiWorkbookFile;

gboolean       yishi_workbook_check             (lxw_error           rc,
                                                 GError            **error);
gboolean       yishi_workbook_cannot_write      (const char         *path,
                                                 int                 saved,
                                                 GError            **error);

gboolean       yishi_workbook_file_open         (YishiWorkbookFile  *file,
                                                 const char         *path,
                                                 gboolean            constant_memory,
                                                 GError            **error);
lxw_worksheet *yishi_workbook_file_add_sheet    (YishiWorkbookFile  *file,
                                                 const char         *name,
                                                 GError            **error);
void           yishi_workbook_file_set_properties (YishiWorkbookFile *file,
                                                   const char        *title,
                                                   const char        *owner);
gboolean       yishi_workbook_file_close        (YishiWorkbookFile  *file,
                                                 GError            **error);
void           yishi_workbook_file_clear        (YishiWorkbookFile  *file);

lxw_format    *yishi_workbook_add_notice_format (lxw_workbook       *workbook);
lxw_format    *yishi_workbook_add_header_format (lxw_workbook       *workbook);

char          *yishi_workbook_header_escape     (const char         *text,
                                                 glong               max_chars);
void           yishi_workbook_page_setup        (lxw_worksheet      *sheet,
                                                 const char         *heading,
                                                 const char         *generated,
                                                 gboolean            landscape);
gboolean       yishi_workbook_notice_row        (lxw_worksheet      *sheet,
                                                 lxw_col_t           last_col,
                                                 const char         *text,
                                                 lxw_format         *format,
                                                 GError            **error);
gboolean       yishi_workbook_parse_date        (const char         *text,
                                                 gboolean            with_time,
                                                 lxw_datetime       *when);

char          *yishi_workbook_now_string        (void);
char          *yishi_workbook_owner_name        (YishiDatabase      *database);

G_END_DECLS
