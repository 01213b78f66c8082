/* yishi-notice-data.c
 *
 * The only SQL behind the notice-board documents. Everything returned here is meant
 * for the public (or for a receipt that may get lost), so it is masked on the way out
 * of the database: names as 张* / 欧阳** (in full only with the person's consent),
 * places no finer than the building, free text through yishi_mask_text (), phones
 * masked, ID numbers never selected at all.
 *
 * Months are calendar months of the local time zone (TZ; Asia/Shanghai in the
 * offices); the store keeps UTC, so the month's bounds are converted, not the rows.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-mask.h"

#include "yishi-notice-data.h"

/* Columns of ROW_SELECT, in order. */
enum
{
  COL_SERIAL,
  COL_RECEIVED_AT,
  COL_ANONYMOUS,
  COL_REQUESTER_NAME,
  COL_PERSON_NAME,
  COL_CONSENT,
  COL_BUILDING,
  COL_GRID,
  COL_PLACE_TEXT,
  COL_CATEGORY,
  COL_TITLE,
  COL_RESPONSIBLE_TEXT,
  COL_ORGANISATION,
  COL_DEADLINE,
  COL_STATE,
  COL_CLOSED_AT,
  COL_RATING,
};

/* The latest evaluation: NULL when there is none, '' when the requester could not be
 * reached, else the rating. Phones and ID numbers are deliberately not selected. */
#define ROW_SELECT \
  "SELECT i.serial, i.received_at, i.anonymous, i.requester_name," \
  " p.name, coalesce (p.public_name_consent, 0)," \
  " b.name, g.name, i.place_text, c.name, i.title," \
  " i.responsible_text, o.name, i.deadline, i.state, i.closed_at," \
  " (SELECT coalesce (s.rating, '') FROM satisfaction s WHERE s.issue_id = i.id" \
  "  ORDER BY s.at DESC, s.id DESC LIMIT 1)" \
  " FROM issue i" \
  " LEFT JOIN person p ON p.id = i.requester_person_id" \
  " LEFT JOIN building b ON b.id = i.building_id" \
  " LEFT JOIN grid g ON g.id = i.grid_id" \
  " LEFT JOIN category c ON c.id = i.category_id" \
  " LEFT JOIN organisation o ON o.id = i.responsible_org_id"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static const char *
column_peek (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Newer schemas hide deleted matters instead of removing them. */
static const char *
not_deleted_clause (YishiDatabase *database)
{
  if (yishi_database_query_int (database,
                                "SELECT count(*) FROM pragma_table_info ('issue')"
                                " WHERE name = 'deleted_at'", 0) > 0)
    return " AND i.deleted_at IS NULL";
  return "";
}

/* Returns: (nullable): "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" in @tz of a stored UTC time */
static char *
local_time (const char *stored,
            GTimeZone  *tz,
            gboolean    with_time)
{
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (stored == NULL || *stored == '\0')
    return g_strdup ("");
  when = g_date_time_new_from_iso8601 (stored, NULL);
  if (when == NULL)
    return g_strndup (stored, with_time ? 16 : 10);
  local = g_date_time_to_timezone (when, tz);
  return g_date_time_format (local, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d");
}

/* The bound as stored text without the zone letter, so that stored times with or
 * without fractions of a second compare correctly. */
static char *
utc_bound (GDateTime *local)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static char *
public_requester (sqlite3_stmt *stmt)
{
  const char *name = column_peek (stmt, COL_REQUESTER_NAME);

  if (sqlite3_column_int (stmt, COL_ANONYMOUS) != 0)
    return g_strdup (_("Anonymous"));
  if (*name == '\0')
    name = column_peek (stmt, COL_PERSON_NAME);
  if (*name == '\0')
    return g_strdup ("");
  /* A registered person may agree to be named on notices. */
  if (sqlite3_column_type (stmt, COL_PERSON_NAME) != SQLITE_NULL &&
      sqlite3_column_int (stmt, COL_CONSENT) == 1)
    return g_strstrip (g_strdup (name));
  return yishi_mask_name (name);
}

/* No finer than the building: the unit and room are never shown. */
static char *
public_place (sqlite3_stmt *stmt)
{
  const char *building = column_peek (stmt, COL_BUILDING);
  const char *grid = column_peek (stmt, COL_GRID);

  if (*building != '\0')
    return g_strdup (building);
  if (*grid != '\0')
    return g_strdup (grid);
  return yishi_mask_text (column_peek (stmt, COL_PLACE_TEXT));
}

static char *
public_responsible (sqlite3_stmt *stmt)
{
  const char *text = column_peek (stmt, COL_RESPONSIBLE_TEXT);

  if (*text == '\0')
    text = column_peek (stmt, COL_ORGANISATION);
  return yishi_mask_text (text);
}

static char *
satisfaction_label (sqlite3_stmt *stmt)
{
  const char *rating;

  if (sqlite3_column_type (stmt, COL_RATING) == SQLITE_NULL)
    return g_strdup ("");
  rating = column_peek (stmt, COL_RATING);
  if (*rating == '\0')
    return g_strdup (_("Not reached"));
  return g_strdup (yishi_enum_document_label (YISHI_ENUM_SATISFACTION, rating));
}

static YishiNoticeRow *
row_from_statement (sqlite3_stmt *stmt,
                    GTimeZone    *tz)
{
  YishiNoticeRow *row = g_new0 (YishiNoticeRow, 1);
  const char *state = column_peek (stmt, COL_STATE);

  row->serial = column_dup (stmt, COL_SERIAL);
  row->received_date = local_time (column_peek (stmt, COL_RECEIVED_AT), tz, FALSE);
  row->requester = public_requester (stmt);
  row->place = public_place (stmt);
  row->category = column_dup (stmt, COL_CATEGORY);
  row->title = yishi_mask_text (column_peek (stmt, COL_TITLE));
  row->responsible = public_responsible (stmt);
  row->deadline = column_dup (stmt, COL_DEADLINE);
  row->state = g_strdup (yishi_enum_document_label (YISHI_ENUM_ISSUE_STATE, state));
  row->closed = g_str_equal (state, "closed");
  row->closed_date = row->closed ? local_time (column_peek (stmt, COL_CLOSED_AT), tz, FALSE)
                                 : g_strdup ("");
  row->satisfaction = row->closed ? satisfaction_label (stmt) : g_strdup ("");
  return row;
}

static GPtrArray *
query_rows (YishiDatabase  *database,
            const char     *where,
            const char     *order,
            const char     *from,
            const char     *to,
            GTimeZone      *tz,
            GError        **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_notice_row_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strconcat (ROW_SELECT, " WHERE ", where, not_deleted_clause (database),
                     " ORDER BY ", order, NULL);
  stmt = yishi_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt, tz));
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static void
load_community (YishiDatabase  *database,
                char          **name,
                char          **phone)
{
  g_autoptr (YishiCommunity) community = NULL;
  g_autoptr (GError) error = NULL;

  community = yishi_community_load (database, &error);
  if (error != NULL)
    g_debug ("No community for the notice: %s", error->message);
  *name = g_strdup (community != NULL ? community->name : "");
  *phone = g_strdup (community != NULL ? community->supervision_phone : "");
}

/**
 * yishi_notice_data_three_lists:
 * @year: the year, 2000–2999
 * @month: the month, 1–12
 *
 * The problem list (问题清单) and the needs list (需求清单) hold the matters of that
 * kind received in the month, in any state but merged; the completed list (办结清单)
 * holds the matters closed in the month. A month without matters gives empty lists.
 *
 * Returns: (transfer full) (nullable): the lists, or %NULL with @error set
 */
YishiNoticeLists *
yishi_notice_data_three_lists (YishiDatabase  *database,
                               int             year,
                               int             month,
                               GError        **error)
{
  g_autoptr (YishiNoticeLists) lists = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 2000 || year > 2999 || month < 1 || month > 12)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("%04d-%02d is not a month from 2000 to 2999."), year, month);
      return NULL;
    }

  tz = g_time_zone_new_local ();
  start = g_date_time_new (tz, year, month, 1, 0, 0, 0);
  end = g_date_time_add_months (start, 1);
  if (start == NULL || end == NULL)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("%04d-%02d is not a month from 2000 to 2999."), year, month);
      return NULL;
    }
  from = utc_bound (start);
  to = utc_bound (end);

  lists = g_new0 (YishiNoticeLists, 1);
  lists->year = year;
  lists->month = month;
  load_community (database, &lists->community_name, &lists->supervision_phone);
  lists->today = yishi_clock_today ();

  lists->problems = query_rows (database,
                                "i.kind = 'problem' AND i.state <> 'merged'"
                                " AND i.received_at >= ?1 AND i.received_at < ?2",
                                "i.received_at, i.serial", from, to, tz, error);
  if (lists->problems == NULL)
    return NULL;
  lists->needs = query_rows (database,
                             "i.kind = 'need' AND i.state <> 'merged'"
                             " AND i.received_at >= ?1 AND i.received_at < ?2",
                             "i.received_at, i.serial", from, to, tz, error);
  if (lists->needs == NULL)
    return NULL;
  lists->closed = query_rows (database,
                              "i.state = 'closed' AND i.closed_at >= ?1 AND i.closed_at < ?2",
                              "i.closed_at, i.serial", from, to, tz, error);
  if (lists->closed == NULL)
    return NULL;
  return g_steal_pointer (&lists);
}

/**
 * yishi_notice_data_receipt:
 * @serial: the matter's serial number, such as 2026-0123
 *
 * Returns: (transfer full) (nullable): the receipt, or %NULL with @error set
 *   (%YISHI_DATABASE_ERROR_NOT_FOUND for an unknown serial)
 */
YishiNoticeReceipt *
yishi_notice_data_receipt (YishiDatabase  *database,
                           const char     *serial,
                           GError        **error)
{
  g_autoptr (YishiNoticeReceipt) receipt = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *clean = NULL;
  const char *name;
  const char *phone;
  const char *responsible;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (serial != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean = g_strstrip (g_strdup (serial));
  sql = g_strconcat ("SELECT i.serial, i.received_at, i.channel, i.kind, i.anonymous,"
                     " i.requester_name, p.name, i.requester_phone, p.phone,"
                     " i.title, i.content, i.responsible_text, o.name, i.deadline, i.state"
                     " FROM issue i"
                     " LEFT JOIN person p ON p.id = i.requester_person_id"
                     " LEFT JOIN organisation o ON o.id = i.responsible_org_id"
                     " WHERE i.serial = ?1", not_deleted_clause (database), NULL);
  stmt = yishi_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("There is no matter with the serial number “%s”."), clean);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }

  tz = g_time_zone_new_local ();
  receipt = g_new0 (YishiNoticeReceipt, 1);
  receipt->serial = column_dup (stmt, 0);
  receipt->received_at = local_time (column_peek (stmt, 1), tz, TRUE);
  receipt->received_date = local_time (column_peek (stmt, 1), tz, FALSE);
  receipt->channel = g_strdup (yishi_enum_document_label (YISHI_ENUM_CHANNEL, column_peek (stmt, 2)));
  receipt->kind = g_strdup (yishi_enum_document_label (YISHI_ENUM_ISSUE_KIND, column_peek (stmt, 3)));

  name = column_peek (stmt, 5);
  if (*name == '\0')
    name = column_peek (stmt, 6);
  if (sqlite3_column_int (stmt, 4) != 0)
    receipt->requester = g_strdup (_("Anonymous"));
  else
    receipt->requester = yishi_mask_name (name);
  phone = column_peek (stmt, 7);
  if (*phone == '\0')
    phone = column_peek (stmt, 8);
  receipt->requester_phone = yishi_mask_phone (phone);

  receipt->title = yishi_mask_text (column_peek (stmt, 9));
  receipt->content = yishi_mask_text (column_peek (stmt, 10));
  responsible = column_peek (stmt, 11);
  if (*responsible == '\0')
    responsible = column_peek (stmt, 12);
  receipt->responsible = yishi_mask_text (responsible);
  receipt->deadline = column_dup (stmt, 13);
  receipt->state = g_strdup (yishi_enum_document_label (YISHI_ENUM_ISSUE_STATE, column_peek (stmt, 14)));

  load_community (database, &receipt->community_name, &receipt->supervision_phone);
  receipt->today = yishi_clock_today ();
  return g_steal_pointer (&receipt);
}

void
yishi_notice_row_free (YishiNoticeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->serial);
  g_free (row->received_date);
  g_free (row->requester);
  g_free (row->place);
  g_free (row->category);
  g_free (row->title);
  g_free (row->responsible);
  g_free (row->deadline);
  g_free (row->state);
  g_free (row->closed_date);
  g_free (row->satisfaction);
  g_free (row);
}

void
yishi_notice_lists_free (YishiNoticeLists *lists)
{
  if (lists == NULL)
    return;
  g_free (lists->community_name);
  g_free (lists->supervision_phone);
  g_free (lists->today);
  g_clear_pointer (&lists->problems, g_ptr_array_unref);
  g_clear_pointer (&lists->needs, g_ptr_array_unref);
  g_clear_pointer (&lists->closed, g_ptr_array_unref);
  g_free (lists);
}

/* Returns: whether the month has no matter on any of the three lists */
gboolean
yishi_notice_lists_is_empty (YishiNoticeLists *lists)
{
  g_return_val_if_fail (lists != NULL, TRUE);

  return lists->problems->len == 0 && lists->needs->len == 0 && lists->closed->len == 0;
}

void
yishi_notice_receipt_free (YishiNoticeReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->serial);
  g_free (receipt->received_at);
  g_free (receipt->received_date);
  g_free (receipt->channel);
  g_free (receipt->kind);
  g_free (receipt->requester);
  g_free (receipt->requester_phone);
  g_free (receipt->title);
  g_free (receipt->content);
  g_free (receipt->responsible);
  g_free (receipt->deadline);
  g_free (receipt->state);
  g_free (receipt->community_name);
  g_free (receipt->supervision_phone);
  g_free (receipt->today);
  g_free (receipt);
}
