/* yishi-roster-import.h — importing the rosters offices already keep in Excel/WPS
 * (.xlsx, .csv): find the header under any title rows, map Chinese header names to
 * fields (the user can adjust; remembered per header set in the `setting` table), repair
 * what is unambiguous, give every row a verdict before anything is written, then commit
 * in one transaction.  Importing the same file twice adds nothing the second time.
 *
 * Matching against the registry: a row whose ID number belongs to a live person of the
 * same name is UNCHANGED (already there); of another name, REJECTED.  A row without an ID
 * number is UNCHANGED when a live person of that name lives at the same household (or,
 * without a place, has the same phone).  Everything else valid is NEW.
 *
 * One YishiRosterImport is used from one thread at a time and does all its queries on the
 * database it was given (the UI gives it a connection of its own for a worker thread).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-sheet.h"

G_BEGIN_DECLS

#define YISHI_ROSTER_ERROR (yishi_roster_error_quark ())

typedef enum
{
  YISHI_ROSTER_ERROR_NO_HEADER,   /* no row in the first 30 looks like a header */
  YISHI_ROSTER_ERROR_NO_NAME,     /* no column is mapped to the name */
  YISHI_ROSTER_ERROR_NOT_ANALYSED,/* commit before analyse, or the mapping changed since */
  YISHI_ROSTER_ERROR_CHANGED,     /* the registry changed between analyse and commit so that a
                                   * row's verdict changed: analyse again */
} YishiRosterError;

GQuark yishi_roster_error_quark (void);

typedef enum
{
  YISHI_ROSTER_FIELD_IGNORE,
  YISHI_ROSTER_FIELD_NAME,            /* 姓名 */
  YISHI_ROSTER_FIELD_GENDER,          /* 性别: 男/女 */
  YISHI_ROSTER_FIELD_BIRTH_DATE,      /* 出生日期 */
  YISHI_ROSTER_FIELD_ID_NUMBER,       /* 身份证号/公民身份号码 */
  YISHI_ROSTER_FIELD_PHONE,           /* 联系电话/手机号 */
  YISHI_ROSTER_FIELD_RESIDENCE_TYPE,  /* 人员类型/居住类型: 户籍/常住/流动/租户 */
  YISHI_ROSTER_FIELD_POLITICAL_STATUS,/* 政治面貌 */
  YISHI_ROSTER_FIELD_GRID,            /* 网格 */
  YISHI_ROSTER_FIELD_BUILDING,        /* 楼栋/楼号 */
  YISHI_ROSTER_FIELD_UNIT,            /* 单元 */
  YISHI_ROSTER_FIELD_ROOM,            /* 房号/门牌号 */
  YISHI_ROSTER_FIELD_PARTY_CATEGORY,  /* 党员类别: 直管/在职/流动/离退休 */
  YISHI_ROSTER_FIELD_PARTY_BRANCH,    /* 所在支部 */
  YISHI_ROSTER_FIELD_PARTY_GROUP,     /* 党小组 */
  YISHI_ROSTER_FIELD_JOINED_DATE,     /* 入党时间 */
  YISHI_ROSTER_FIELD_EMPLOYER,        /* 工作单位 */
  YISHI_ROSTER_FIELD_NOTES,           /* 备注 */
  N_YISHI_ROSTER_FIELDS
} YishiRosterField;

const char *yishi_roster_field_label (YishiRosterField field); /* translated */
/* The field's id as the remembered mappings store it ("name", "id_number", … "ignore"),
 * and back (YISHI_ROSTER_FIELD_IGNORE for an unknown id). */
const char       *yishi_roster_field_to_string   (YishiRosterField  field);
YishiRosterField  yishi_roster_field_from_string (const char       *id);
/* The field a header cell names (姓名, 身份证号码, 联系电话（手机）…: surrounding and inner
 * spaces, brackets and required-field marks ignored), or YISHI_ROSTER_FIELD_IGNORE. */
YishiRosterField  yishi_roster_field_from_header (const char       *header);
/* For the enumerated fields (gender, residence type, political status, party category):
 * the stored id a cell's text stands for (男 → "male", 外来 → "floating", 预备党员 →
 * "probationary_member", 离退休党员 → "retired"), or NULL for a value it does not know. */
const char       *yishi_roster_field_map_value   (YishiRosterField  field,
                                                  const char       *text);

typedef enum
{
  YISHI_ROSTER_ROW_NEW,
  YISHI_ROSTER_ROW_UNCHANGED, /* already in the registry */
  YISHI_ROSTER_ROW_REJECTED,
} YishiRosterVerdict;

/* ---- One data row of the file, with its verdict ---- */

#define YISHI_TYPE_ROSTER_ROW (yishi_roster_row_get_type ())

G_DECLARE_FINAL_TYPE (YishiRosterRow, yishi_roster_row, YISHI, ROSTER_ROW, GObject)

guint              yishi_roster_row_get_source_row (YishiRosterRow *self); /* 1-based line/row in the file */
guint              yishi_roster_row_get_sheet_row  (YishiRosterRow *self); /* 0-based row in the YishiSheet */
YishiRosterVerdict yishi_roster_row_get_verdict    (YishiRosterRow *self);
const char        *yishi_roster_row_get_reason     (YishiRosterRow *self); /* why rejected, translated; "" */
const char        *yishi_roster_row_get_repairs    (YishiRosterRow *self); /* what was repaired, translated, "; "-joined; "" */
/* The value after repair (NULL when the column is not mapped or the cell empty): dates
 * as YYYY-MM-DD, the ID number upper-case, the phone normalised, and for the enumerated
 * fields the stored id ("male", "floating", "party_member", "retired" — show them with
 * yishi_enum_label ()).  When the ID number is valid, the birth date and gender are the
 * ones it gives.  In a rejected row a value that could not be repaired is its trimmed text. */
const char        *yishi_roster_row_get_value      (YishiRosterRow *self,
                                                    YishiRosterField field);

/* ---- The import ---- */

#define YISHI_TYPE_ROSTER_IMPORT (yishi_roster_import_get_type ())

G_DECLARE_FINAL_TYPE (YishiRosterImport, yishi_roster_import, YISHI, ROSTER_IMPORT, GObject)

/* Takes ownership of @sheet.  Finds the header row and proposes a mapping (the one
 * remembered for this set of header names, else by known names and synonyms). */
YishiRosterImport *yishi_roster_import_new        (YishiDatabase      *database,
                                                   YishiSheet         *sheet,
                                                   GError            **error);
/* yishi_sheet_read () + yishi_roster_import_new () */
YishiRosterImport *yishi_roster_import_open       (YishiDatabase      *database,
                                                   const char         *path,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
YishiSheet        *yishi_roster_import_get_sheet  (YishiRosterImport  *self);
guint              yishi_roster_import_get_header_row (YishiRosterImport *self); /* 0-based sheet row */
guint              yishi_roster_import_get_n_columns  (YishiRosterImport *self);
const char        *yishi_roster_import_get_column_name (YishiRosterImport *self, guint column);
YishiRosterField   yishi_roster_import_get_mapping (YishiRosterImport *self, guint column);
/* Mapping a field to one column unmaps it from any other. Invalidates the analysis. */
void               yishi_roster_import_set_mapping (YishiRosterImport *self,
                                                    guint               column,
                                                    YishiRosterField    field);

/* Repairs and judges every data row below the header.  Rows with nothing in the mapped
 * columns (blank rows, a row numbered in advance, a total in an unmapped column) are
 * skipped. */
gboolean           yishi_roster_import_analyse    (YishiRosterImport  *self,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
/* GListModel of YishiRosterRow in file order; empty before analyse. Owned by @self. */
GListModel        *yishi_roster_import_get_rows   (YishiRosterImport  *self);
guint              yishi_roster_import_count      (YishiRosterImport  *self,
                                                   YishiRosterVerdict  verdict);

/* Writes the NEW rows (creating grids, buildings, units and households named in the file,
 * residences and party memberships) in one transaction, and remembers the mapping.
 * Nothing is written on error or cancellation. */
gboolean           yishi_roster_import_commit     (YishiRosterImport  *self,
                                                   guint              *imported,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* ---- For the import's own files (yishi-roster-*.c) ---- */

/* @values: N_YISHI_ROSTER_FIELDS strings or NULLs, copied into one block. */
YishiRosterRow    *yishi_roster_row_new            (guint               source_row,
                                                    guint               sheet_row,
                                                    const char *const  *values);
void               yishi_roster_row_set_verdict    (YishiRosterRow     *self,
                                                    YishiRosterVerdict  verdict,
                                                    const char         *reason,
                                                    const char         *repairs);
/* Appends @note to "; "-joined @notes. */
void               yishi_roster_add_note           (GString            *notes,
                                                    const char         *note);
/* Repairs the trimmed texts of a row's cells in place (see yishi-roster-row.c). */
void               yishi_roster_repair_values      (char              **values,
                                                    const YishiCellKind *kinds,
                                                    const char         *today,
                                                    GString            *reasons,
                                                    GString            *repairs);

G_END_DECLS
