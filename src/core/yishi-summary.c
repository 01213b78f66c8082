/* yishi-summary.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-calendar.h"
#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-issue-machine.h"

#include "yishi-summary.h"


void
yishi_summary_free (YishiSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->today);
  g_free (summary);
}

void
yishi_summary_item_free (YishiSummaryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->badge);
  g_free (item->style);
  g_free (item);
}

double
yishi_summary_rate (gint64 part,
                    gint64 whole)
{
  return whole > 0 ? (double)part / (double)whole : 0.0;
}

static gint64
count_with (YishiDatabase *database,
            const char    *sql,
            const char    *a,
            const char    *b)
{
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return -1;
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

YishiSummary *
yishi_summary_load (YishiDatabase  *database,
                    GError        **error)
{
  g_autoptr (YishiSummary) summary = g_new0 (YishiSummary, 1);
  g_autoptr (YishiCalendar) calendar = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *next_year = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  calendar = yishi_calendar_load (database, error);
  if (calendar == NULL)
    return NULL;

  summary->today = yishi_clock_today ();
  soon = yishi_calendar_add_working_days (calendar, summary->today, 2);
  month = g_strndup (summary->today, 7);
  year = g_strndup (summary->today, 4);
  next_year = g_strdup_printf ("%d", atoi (year) + 1);

  /* Live rows only: deleting in the registry hides rows until it is undone. */
  summary->grids = yishi_database_query_int (database, "SELECT count(*) FROM grid WHERE deleted_at IS NULL", 0);
  summary->buildings = yishi_database_query_int (database, "SELECT count(*) FROM building WHERE deleted_at IS NULL", 0);
  summary->units = yishi_database_query_int (database, "SELECT count(*) FROM unit WHERE deleted_at IS NULL", 0);
  summary->households = yishi_database_query_int (database, "SELECT count(*) FROM household WHERE deleted_at IS NULL", 0);
  summary->people = yishi_database_query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL", 0);
  summary->organisations = yishi_database_count (database, "organisation");
  summary->party_members =
    yishi_database_query_int (database,
                              "SELECT count(DISTINCT m.person_id) FROM party_membership m"
                              " JOIN person p ON p.id = m.person_id"
                              " WHERE m.end_date IS NULL AND p.deleted_at IS NULL",
                              0);
  summary->volunteers =
    yishi_database_query_int (database,
                              "SELECT count(DISTINCT r.person_id) FROM role_assignment r"
                              " JOIN person p ON p.id = r.person_id"
                              " WHERE r.role = 'volunteer' AND r.end_date IS NULL"
                              " AND p.deleted_at IS NULL",
                              0);

  summary->issues = yishi_database_query_int (database, "SELECT count(*) FROM issue WHERE deleted_at IS NULL", -1);
  summary->issues_open =
    yishi_database_query_int (database, "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state IN " YISHI_ISSUE_OPEN_STATES_SQL, 0);
  summary->issues_overdue =
    count_with (database,
                "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state IN " YISHI_ISSUE_OPEN_STATES_SQL " AND deadline < ?",
                summary->today, NULL);
  summary->issues_due_soon =
    count_with (database,
                "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state IN " YISHI_ISSUE_OPEN_STATES_SQL
                " AND deadline >= ? AND deadline <= ?",
                summary->today, soon);
  summary->issues_closed_month =
    count_with (database,
                "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state = 'closed' AND closed_at >= ?"
                " AND substr (closed_at, 1, 7) = ?",
                month, month);

  summary->meetings = yishi_database_count (database, "meeting");
  summary->meetings_held_year =
    count_with (database,
                "SELECT count(*) FROM meeting WHERE state = 'held' AND starts_at >= ?"
                " AND starts_at < ?",
                year, next_year);
  summary->meetings_upcoming =
    count_with (database,
                "SELECT count(*) FROM meeting WHERE state IN ('planned', 'noticed')"
                " AND starts_at >= ?",
                summary->today, NULL);
  summary->agenda_items_year =
    count_with (database,
                "SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                " WHERE m.state = 'held' AND m.starts_at >= ? AND m.starts_at < ?",
                year, next_year);

  summary->year_collected =
    count_with (database, "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ?",
                year, next_year);
  summary->year_closed =
    count_with (database,
                "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state = 'closed' AND closed_at >= ?"
                " AND closed_at < ?",
                year, next_year);
  summary->year_closed_on_time =
    count_with (database,
                "SELECT count(*) FROM issue WHERE deleted_at IS NULL AND state = 'closed' AND closed_at >= ?"
                " AND closed_at < ? AND (deadline IS NULL OR date (closed_at, 'localtime') <= deadline)",
                year, next_year);
  summary->year_rated =
    count_with (database,
                "SELECT count(*) FROM satisfaction WHERE rating IS NOT NULL AND at >= ? AND at < ?",
                year, next_year);
  summary->year_satisfied =
    count_with (database,
                "SELECT count(*) FROM satisfaction WHERE rating IN ('satisfied',"
                " 'basically_satisfied') AND at >= ? AND at < ?",
                year, next_year);
  summary->year_participants =
    count_with (database,
                "SELECT count(*) FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id"
                " WHERE m.state = 'held' AND p.attendance = 'present' AND m.starts_at >= ?"
                " AND m.starts_at < ?",
                year, next_year);

  stmt = yishi_database_prepare (database,
                                 "SELECT total (hours) FROM points_entry WHERE kind = 'earn'"
                                 " AND at >= ? AND at < ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, year, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, next_year, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    summary->year_volunteer_hours = sqlite3_column_double (stmt, 0);

  if (summary->issues < 0 || summary->people < 0)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The figures could not be read from the database."));
      return NULL;
    }
  return g_steal_pointer (&summary);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

static char *
yishi_summary_time (const char *utc)
{
  char *local = yishi_clock_format_local (utc, "%Y-%m-%d %H:%M");

  return local ? local : g_strdup (utc ? utc : "");
}

static YishiSummaryItem *
issue_item (sqlite3_stmt *stmt,
            const char   *today)
{
  YishiSummaryItem *item = g_new0 (YishiSummaryItem, 1);
  const char *state = (const char *)sqlite3_column_text (stmt, 2);
  const char *deadline = (const char *)sqlite3_column_text (stmt, 3);
  g_autofree char *received = yishi_summary_time ((const char *)sqlite3_column_text (stmt, 4));
  const char *place = (const char *)sqlite3_column_text (stmt, 5);
  gboolean open = yishi_issue_state_is_open (state);

  item->title = g_strdup_printf ("%s  %s", sqlite3_column_text (stmt, 0),
                                 sqlite3_column_text (stmt, 1));
  if (open && deadline != NULL)
    item->subtitle = g_strdup_printf (_("Received %s · %s · due %s"), received,
                                      place ? place : "", deadline);
  else
    item->subtitle = g_strdup_printf (_("Received %s · %s"), received, place ? place : "");
  item->badge = g_strdup (yishi_issue_state_to_label (state));
  if (open && deadline != NULL && g_strcmp0 (deadline, today) < 0)
    item->style = g_strdup ("error");
  else if (open)
    item->style = g_strdup ("accent");
  else
    item->style = g_strdup ("success");
  return item;
}

static YishiSummaryItem *
meeting_item (sqlite3_stmt *stmt)
{
  YishiSummaryItem *item = g_new0 (YishiSummaryItem, 1);
  g_autofree char *when = yishi_summary_time ((const char *)sqlite3_column_text (stmt, 2));
  const char *state = (const char *)sqlite3_column_text (stmt, 4);

  item->title = column_dup (stmt, 0);
  item->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %d agenda item",
                                                 "%s · %s · %d agenda items",
                                                 sqlite3_column_int (stmt, 3)),
                                    when, yishi_meeting_form_to_label ((const char *)
                                                                       sqlite3_column_text (stmt, 1)),
                                    sqlite3_column_int (stmt, 3));
  item->badge = g_strdup (yishi_meeting_state_to_label (state));
  item->style = g_strdup (g_str_equal (state, "held") ? "success"
                          : g_str_equal (state, "cancelled") ? "" : "accent");
  return item;
}

static YishiSummaryItem *
count_item (sqlite3_stmt *stmt,
            char         *badge)
{
  YishiSummaryItem *item = g_new0 (YishiSummaryItem, 1);

  item->title = column_dup (stmt, 0);
  item->subtitle = column_dup (stmt, 2);
  item->badge = badge;
  item->style = g_strdup ("");
  return item;
}

/**
 * yishi_summary_list:
 *
 * Returns: (transfer full) (element-type YishiSummaryItem): up to @limit items
 */
GPtrArray *
yishi_summary_list (YishiDatabase     *database,
                    YishiSummaryList   list,
                    guint              limit,
                    GError           **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_summary_item_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = yishi_clock_today ();
  g_autofree char *year = g_strndup (today, 4);
  const char *sql = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

#define ISSUE_COLUMNS \
  "SELECT i.serial, i.title, i.state, i.deadline, i.received_at," \
  " coalesce (b.name, i.place_text) FROM issue i LEFT JOIN building b ON b.id = i.building_id" \
  " WHERE i.deleted_at IS NULL"
#define MEETING_COLUMNS \
  "SELECT m.title, m.form, m.starts_at," \
  " (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id), m.state FROM meeting m"

  switch (list)
    {
    case YISHI_SUMMARY_LATEST_ISSUES:
      sql = ISSUE_COLUMNS " ORDER BY i.received_at DESC, i.id DESC LIMIT ?1";
      break;

    case YISHI_SUMMARY_OVERDUE_ISSUES:
      sql = ISSUE_COLUMNS " AND i.state IN " YISHI_ISSUE_OPEN_STATES_SQL " AND i.deadline < ?2"
            " ORDER BY i.deadline, i.id LIMIT ?1";
      break;

    case YISHI_SUMMARY_UPCOMING_MEETINGS:
      sql = MEETING_COLUMNS " WHERE m.state IN ('planned', 'noticed') AND m.starts_at >= ?2"
            " ORDER BY m.starts_at LIMIT ?1";
      break;

    case YISHI_SUMMARY_LATEST_MEETINGS:
      sql = MEETING_COLUMNS " WHERE m.starts_at < ?2 ORDER BY m.starts_at DESC LIMIT ?1";
      break;

    case YISHI_SUMMARY_GRIDS:
      sql = "SELECT g.name, (SELECT count(*) FROM person p"
            " WHERE p.grid_id = g.id AND p.deleted_at IS NULL),"
            " c.name || ' · ' || (SELECT count(*) FROM building b"
            " WHERE b.grid_id = g.id AND b.deleted_at IS NULL)"
            " FROM grid g JOIN community c ON c.id = g.community_id"
            " WHERE ?2 IS NOT NULL AND g.deleted_at IS NULL ORDER BY g.community_id, g.position, g.id LIMIT ?1";
      break;

    case YISHI_SUMMARY_CATEGORIES_YEAR:
      sql = "SELECT coalesce (c.name, '—'), count(*),"
            " sum (i.state = 'closed') FROM issue i LEFT JOIN category c ON c.id = i.category_id"
            " WHERE i.deleted_at IS NULL AND i.received_at >= ?2 GROUP BY i.category_id ORDER BY count(*) DESC LIMIT ?1";
      break;

    default:
      g_assert_not_reached ();
    }

  stmt = yishi_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int)limit);
  sqlite3_bind_text (stmt, 2, list == YISHI_SUMMARY_CATEGORIES_YEAR ? year : today, -1,
                     SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      switch (list)
        {
        case YISHI_SUMMARY_LATEST_ISSUES:
        case YISHI_SUMMARY_OVERDUE_ISSUES:
          g_ptr_array_add (items, issue_item (stmt, today));
          break;

        case YISHI_SUMMARY_UPCOMING_MEETINGS:
        case YISHI_SUMMARY_LATEST_MEETINGS:
          g_ptr_array_add (items, meeting_item (stmt));
          break;

        case YISHI_SUMMARY_GRIDS:
          {
            gint64 people = sqlite3_column_int64 (stmt, 1);
            YishiSummaryItem *item =
              count_item (stmt, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld person",
                                                              "%lld people", people),
                                                 (long long)people));
            g_autofree char *buildings = g_steal_pointer (&item->subtitle);
            char *dot = g_strrstr (buildings, " · ");
            gint64 n = dot ? g_ascii_strtoll (dot + strlen (" · "), NULL, 10) : 0;

            if (dot)
              *dot = '\0';
            item->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %lld building",
                                                           "%s · %lld buildings", n),
                                              buildings, (long long)n);
            g_ptr_array_add (items, item);
          }
          break;

        case YISHI_SUMMARY_CATEGORIES_YEAR:
          {
            gint64 matters = sqlite3_column_int64 (stmt, 1);
            YishiSummaryItem *item =
              count_item (stmt, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld matter",
                                                              "%lld matters", matters),
                                                 (long long)matters));
            gint64 closed = sqlite3_column_int64 (stmt, 2);

            g_free (item->subtitle);
            item->subtitle = g_strdup_printf (_("%lld closed"), (long long)closed);
            g_ptr_array_add (items, item);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}
