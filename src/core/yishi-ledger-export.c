/* yishi-ledger-export.c — the only SQL of the ledger workbook: one prepared statement,
 * one reused row, labels looked up once per export.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-enums.h"

#include "yishi-ledger-export.h"

/* How often the loop looks at the cancellable. */
#define CANCEL_CHECK_ROWS 256

static const char ledger_sql[] =
  "SELECT i.id, i.serial, i.received_at, i.channel, i.kind,"
  "       c.id, c.name, c.position, i.urgency, i.scale, i.route,"
  "       i.title, i.content, i.requester_name, i.requester_phone, i.anonymous,"
  "       g.id, g.name, g.position, cm.name, b.name, u.name, i.place_text,"
  "       CASE WHEN i.responsible_text <> '' THEN i.responsible_text"
  "            ELSE coalesce ((SELECT o.name FROM organisation o"
  "                            WHERE o.id = i.responsible_org_id),"
  "                           (SELECT p.name FROM person p"
  "                            WHERE p.id = i.responsible_person_id))"
  "       END,"
  "       i.deadline, i.state, i.closed_at,"
  "       (SELECT coalesce (s.rating, '') FROM satisfaction s WHERE s.issue_id = i.id"
  "        ORDER BY s.at DESC, s.id DESC LIMIT 1)"
  "  FROM issue i"
  "  LEFT JOIN category c ON c.id = i.category_id"
  "  LEFT JOIN grid g ON g.id = i.grid_id"
  "  LEFT JOIN community cm ON cm.id = g.community_id"
  "  LEFT JOIN building b ON b.id = i.building_id"
  "  LEFT JOIN unit u ON u.id = i.unit_id"
  " WHERE i.received_at >= ?1 AND i.received_at < ?2"
  " ORDER BY i.received_at, i.id";

enum
{
  COL_ID,
  COL_SERIAL,
  COL_RECEIVED_AT,
  COL_CHANNEL,
  COL_KIND,
  COL_CATEGORY_ID,
  COL_CATEGORY,
  COL_CATEGORY_POSITION,
  COL_URGENCY,
  COL_SCALE,
  COL_ROUTE,
  COL_TITLE,
  COL_CONTENT,
  COL_REQUESTER_NAME,
  COL_REQUESTER_PHONE,
  COL_ANONYMOUS,
  COL_GRID_ID,
  COL_GRID,
  COL_GRID_POSITION,
  COL_COMMUNITY,
  COL_BUILDING,
  COL_UNIT,
  COL_PLACE,
  COL_RESPONSIBLE,
  COL_DEADLINE,
  COL_STATE,
  COL_CLOSED_AT,
  COL_RATING,
};

/* Dates ---------------------------------------------------------------------------- */

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Strictly YYYY-MM-DD and a real day of the calendar. */
static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, year) || !parse_digits (text + 5, 2, month)
      || !parse_digits (text + 8, 2, day))
    return FALSE;
  return *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

gboolean
yishi_ledger_export_check_range (const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  int y, m, d;

  if (!parse_date (from, &y, &m, &d))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("The start date “%s” is not a date written YYYY-MM-DD."),
                   from ? from : "");
      return FALSE;
    }
  if (!parse_date (to, &y, &m, &d))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("The end date “%s” is not a date written YYYY-MM-DD."),
                   to ? to : "");
      return FALSE;
    }
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("The start date %s is after the end date %s."), from, to);
      return FALSE;
    }
  return TRUE;
}

/* The UTC instant at which local @date begins, @days_later days on. */
static char *
local_midnight_utc (GTimeZone  *zone,
                    const char *date,
                    int         days_later)
{
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) shifted = NULL;
  g_autoptr (GDateTime) utc = NULL;
  int y, m, d;

  if (!parse_date (date, &y, &m, &d))
    return NULL;
  midnight = g_date_time_new (zone, y, m, d, 0, 0, 0);
  if (midnight == NULL)
    return NULL;
  shifted = g_date_time_add_days (midnight, days_later);
  if (shifted == NULL)
    return NULL;
  utc = g_date_time_to_utc (shifted);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
range_bounds (const char  *from,
              const char  *to,
              char       **start,
              char       **end,
              GError     **error)
{
  g_autoptr (GTimeZone) zone = NULL;

  if (!yishi_ledger_export_check_range (from, to, error))
    return FALSE;
  zone = g_time_zone_new_local ();
  *start = local_midnight_utc (zone, from, 0);
  *end = local_midnight_utc (zone, to, 1);
  if (*start == NULL || *end == NULL)
    {
      g_clear_pointer (start, g_free);
      g_clear_pointer (end, g_free);
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("The dates %s to %s are outside the calendar this program knows."),
                   from, to);
      return FALSE;
    }
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 era, doe, yoe, doy, mp, y;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *month = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = (int)(y + (*month <= 2));
}

typedef struct
{
  int year, month, day, hour, minute;
} LocalTime;

/* "YYYY-MM-DDTHH:MM:SSZ" (seconds optional) to the local wall clock, without allocating. */
static gboolean
utc_to_local (GTimeZone  *zone,
              const char *text,
              LocalTime  *out)
{
  int y, mo, d, h, mi, s = 0;
  gint64 t, days, secs;
  int interval;

  if (text == NULL || strlen (text) < 16 || text[4] != '-' || text[7] != '-'
      || (text[10] != 'T' && text[10] != ' ') || text[13] != ':')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &mo)
      || !parse_digits (text + 8, 2, &d) || !parse_digits (text + 11, 2, &h)
      || !parse_digits (text + 14, 2, &mi))
    return FALSE;
  if (text[16] == ':' && !parse_digits (text + 17, 2, &s))
    return FALSE;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return FALSE;

  t = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
  if (interval >= 0)
    t += g_time_zone_get_offset (zone, interval);

  days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  secs = t - days * 86400;
  civil_from_days (days, &out->year, &out->month, &out->day);
  out->hour = (int)(secs / 3600);
  out->minute = (int)(secs % 3600 / 60);
  return out->year >= 0 && out->year <= 9999;
}

static char *
put_digits (char *p,
            int   value,
            int   n)
{
  for (int i = n - 1; i >= 0; i--)
    {
      p[i] = (char)('0' + value % 10);
      value /= 10;
    }
  return p + n;
}

static void
format_date (char            *buf,
             const LocalTime *t)
{
  char *p = put_digits (buf, t->year, 4);

  *p++ = '-';
  p = put_digits (p, t->month, 2);
  *p++ = '-';
  p = put_digits (p, t->day, 2);
  *p = '\0';
}

static void
format_date_time (char            *buf,
                  const LocalTime *t)
{
  char *p;

  format_date (buf, t);
  p = buf + 10;
  *p++ = ' ';
  p = put_digits (p, t->hour, 2);
  *p++ = ':';
  p = put_digits (p, t->minute, 2);
  *p = '\0';
}

/* Labels ----------------------------------------------------------------------------- */

/* The translated labels of one enumeration, looked up once per export. */
typedef struct
{
  const YishiEnumValue *values;
  const char *labels[16];
  guint n_values;
} LabelCache;

static void
label_cache_init (LabelCache *cache,
                  YishiEnum   which)
{
  cache->values = yishi_enum_values (which, &cache->n_values);
  g_assert (cache->n_values <= G_N_ELEMENTS (cache->labels));
  for (guint i = 0; i < cache->n_values; i++)
    cache->labels[i] = yishi_enum_document_label (which, cache->values[i].id);
}

static const char *
label_cache_get (const LabelCache *cache,
                 const char       *id)
{
  if (id == NULL)
    return "";
  for (guint i = 0; i < cache->n_values; i++)
    if (strcmp (cache->values[i].id, id) == 0)
      return cache->labels[i];
  return id;
}

/* Queries ---------------------------------------------------------------------------- */

gint64
yishi_ledger_export_count (YishiDatabase  *database,
                           const char     *from,
                           const char     *to,
                           GError        **error)
{
  /* Freed after the statement that binds them. */
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!range_bounds (from, to, &start, &end, error))
    return -1;
  stmt = yishi_database_prepare (database,
                                 "SELECT count(*) FROM issue"
                                 " WHERE received_at >= ?1 AND received_at < ?2",
                                 error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Valid until the next step: no copy. */
static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static inline const char *
text_or_empty (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? text : "";
}

/**
 * yishi_ledger_export_foreach:
 * @func: called once per matter, in the order received; the row is reused
 *
 * Streams the matters received from local day @from to local day @to inclusive.
 *
 * Returns: %TRUE when every row was delivered
 */
gboolean
yishi_ledger_export_foreach (YishiDatabase       *database,
                             const char          *from,
                             const char          *to,
                             YishiLedgerRowFunc   func,
                             gpointer             user_data,
                             GCancellable        *cancellable,
                             GError             **error)
{
  /* Freed after the statement that binds them. */
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GString) grid = NULL;
  g_autofree YishiLedgerRow *row = NULL;
  LabelCache channels, kinds, urgencies, scales, routes, states, ratings;
  gboolean several_communities;
  guint64 n = 0;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!range_bounds (from, to, &start, &end, error))
    return FALSE;
  stmt = yishi_database_prepare (database, ledger_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);

  several_communities =
    yishi_database_query_int (database, "SELECT count(*) FROM community", 0) > 1;
  zone = g_time_zone_new_local ();
  grid = g_string_sized_new (64);
  row = g_new0 (YishiLedgerRow, 1);
  label_cache_init (&channels, YISHI_ENUM_CHANNEL);
  label_cache_init (&kinds, YISHI_ENUM_ISSUE_KIND);
  label_cache_init (&urgencies, YISHI_ENUM_URGENCY);
  label_cache_init (&scales, YISHI_ENUM_SCALE);
  label_cache_init (&routes, YISHI_ENUM_ROUTE);
  label_cache_init (&states, YISHI_ENUM_ISSUE_STATE);
  label_cache_init (&ratings, YISHI_ENUM_SATISFACTION);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *received_at = text_or_empty (stmt, COL_RECEIVED_AT);
      const char *closed_at = column_text (stmt, COL_CLOSED_AT);
      const char *deadline = column_text (stmt, COL_DEADLINE);
      const char *community = column_text (stmt, COL_COMMUNITY);
      LocalTime local;

      if ((++n % CANCEL_CHECK_ROWS) == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      row->id = sqlite3_column_int64 (stmt, COL_ID);
      row->serial = text_or_empty (stmt, COL_SERIAL);
      if (utc_to_local (zone, received_at, &local))
        {
          format_date_time (row->received_buf, &local);
          memcpy (row->month_buf, row->received_buf, 7);
          row->month_buf[7] = '\0';
          row->received = row->received_buf;
          row->month = row->month_buf;
        }
      else
        {
          /* Not a time this program wrote: shown as stored. */
          g_strlcpy (row->month_buf, received_at, 8);
          row->received = received_at;
          row->month = row->month_buf;
        }

      row->channel = label_cache_get (&channels, column_text (stmt, COL_CHANNEL));
      row->kind = label_cache_get (&kinds, column_text (stmt, COL_KIND));
      row->category_id = sqlite3_column_int64 (stmt, COL_CATEGORY_ID);
      row->category = text_or_empty (stmt, COL_CATEGORY);
      row->category_position = sqlite3_column_int (stmt, COL_CATEGORY_POSITION);
      row->urgency = label_cache_get (&urgencies, column_text (stmt, COL_URGENCY));
      row->scale = label_cache_get (&scales, column_text (stmt, COL_SCALE));
      row->route = label_cache_get (&routes, column_text (stmt, COL_ROUTE));
      row->title = text_or_empty (stmt, COL_TITLE);
      row->content = text_or_empty (stmt, COL_CONTENT);
      row->requester_name = text_or_empty (stmt, COL_REQUESTER_NAME);
      row->requester_phone = text_or_empty (stmt, COL_REQUESTER_PHONE);
      row->anonymous = sqlite3_column_int (stmt, COL_ANONYMOUS) != 0;

      row->grid_id = sqlite3_column_int64 (stmt, COL_GRID_ID);
      row->grid_position = sqlite3_column_int (stmt, COL_GRID_POSITION);
      row->grid = text_or_empty (stmt, COL_GRID);
      row->community = community != NULL ? community : "";
      if (several_communities && community != NULL && *row->grid != '\0')
        {
          g_string_assign (grid, community);
          g_string_append_c (grid, ' ');
          g_string_append (grid, row->grid);
          row->grid = grid->str;
        }
      row->building = text_or_empty (stmt, COL_BUILDING);
      row->unit = text_or_empty (stmt, COL_UNIT);
      row->place = text_or_empty (stmt, COL_PLACE);
      row->responsible = text_or_empty (stmt, COL_RESPONSIBLE);
      row->deadline = deadline != NULL ? deadline : "";

      row->state_id = text_or_empty (stmt, COL_STATE);
      row->state = label_cache_get (&states, row->state_id);
      row->is_closed = strcmp (row->state_id, "closed") == 0;
      row->closed = "";
      row->on_time = FALSE;
      if (row->is_closed)
        {
          if (closed_at != NULL && utc_to_local (zone, closed_at, &local))
            {
              format_date (row->closed_buf, &local);
              row->closed = row->closed_buf;
              row->on_time = *row->deadline == '\0' || strcmp (row->closed, row->deadline) <= 0;
            }
          else
            row->on_time = *row->deadline == '\0';
        }

      row->rating_id = column_text (stmt, COL_RATING);
      row->satisfaction = row->rating_id != NULL && *row->rating_id != '\0'
                          ? label_cache_get (&ratings, row->rating_id) : "";

      if (!func (row, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}
