/* yishi-calendar.c
 *
 * A date is a working day if it is listed as an extra working day ('work'), or it is
 * Monday to Friday and not a day off ('off').
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <stdio.h>

#include "yishi-database-private.h"

#include "yishi-calendar.h"

struct _YishiCalendar
{
  GHashTable *days; /* "YYYY-MM-DD" → GINT_TO_POINTER (1 working, 2 off) */
};

#define DAY_WORK 1
#define DAY_OFF 2

YishiCalendar *
yishi_calendar_load (YishiDatabase  *database,
                     GError        **error)
{
  g_autoptr (YishiCalendar) calendar = g_new0 (YishiCalendar, 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  calendar->days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (database == NULL)
    return g_steal_pointer (&calendar);

  stmt = yishi_database_prepare (database, "SELECT date, kind FROM holiday", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 1);

      g_hash_table_insert (calendar->days, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                           GINT_TO_POINTER (g_str_equal (kind, "work") ? DAY_WORK : DAY_OFF));
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&calendar);
}

void
yishi_calendar_free (YishiCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_hash_table_unref (calendar->days);
  g_free (calendar);
}

void
yishi_calendar_set_day (YishiCalendar *calendar,
                        const char    *date,
                        gboolean       working)
{
  g_hash_table_insert (calendar->days, g_strdup (date),
                       GINT_TO_POINTER (working ? DAY_WORK : DAY_OFF));
}

static GDate *
parse_date (const char *text)
{
  int y, m, d;
  GDate *date;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  date = g_date_new_dmy (d, m, y);
  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
is_working (YishiCalendar *calendar,
            const GDate   *date)
{
  char key[11];
  int kind;
  GDateWeekday weekday;

  g_snprintf (key, sizeof key, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  kind = GPOINTER_TO_INT (g_hash_table_lookup (calendar->days, key));
  if (kind == DAY_WORK)
    return TRUE;
  if (kind == DAY_OFF)
    return FALSE;
  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

gboolean
yishi_calendar_is_working_day (YishiCalendar *calendar,
                               const char    *date)
{
  g_autoptr (GDate) day = parse_date (date);

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  return is_working (calendar, day);
}

/**
 * yishi_calendar_add_working_days:
 *
 * The date @days working days after @date (a deadline of 0 days is the first working day
 * on or after @date).
 *
 * Returns: (transfer full) (nullable): YYYY-MM-DD, or %NULL when @date is not a date
 */
char *
yishi_calendar_add_working_days (YishiCalendar *calendar,
                                 const char    *date,
                                 guint          days)
{
  g_autoptr (GDate) day = parse_date (date);

  g_return_val_if_fail (calendar != NULL, NULL);
  if (day == NULL)
    return NULL;

  while (!is_working (calendar, day))
    g_date_add_days (day, 1);
  while (days > 0)
    {
      g_date_add_days (day, 1);
      if (is_working (calendar, day))
        days--;
    }
  return format_date (day);
}

/* Working days after @from up to and including @to (0 when @to <= @from). */
guint
yishi_calendar_working_days_between (YishiCalendar *calendar,
                                     const char    *from,
                                     const char    *to)
{
  g_autoptr (GDate) day = parse_date (from);
  g_autoptr (GDate) end = parse_date (to);
  guint count = 0;

  g_return_val_if_fail (calendar != NULL, 0);
  if (day == NULL || end == NULL)
    return 0;
  while (g_date_compare (day, end) < 0)
    {
      g_date_add_days (day, 1);
      if (is_working (calendar, day))
        count++;
    }
  return count;
}
