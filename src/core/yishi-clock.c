/* yishi-clock.c
 *
 * YISHI_NOW=2026-03-04T05:06:07Z pins the clock (tests, reproducible demo data).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include "yishi-clock.h"

GDateTime *
yishi_clock_now_utc (void)
{
  const char *fixed = g_getenv ("YISHI_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      GDateTime *when = g_date_time_new_from_iso8601 (fixed, NULL);

      if (when != NULL)
        {
          GDateTime *utc = g_date_time_to_utc (when);

          g_date_time_unref (when);
          return utc;
        }
    }
  return g_date_time_new_now_utc ();
}

char *
yishi_clock_format_utc (GDateTime *when)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
yishi_clock_now_string (void)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();

  return yishi_clock_format_utc (now);
}

/* Today in the user's time zone, as YYYY-MM-DD. */
char *
yishi_clock_today (void)
{
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * yishi_clock_format_local:
 * @utc: a stored time, ISO-8601 in UTC
 * @format: a g_date_time_format () format
 *
 * Returns: (transfer full) (nullable): @utc in the user's time zone, or %NULL when it is
 *   not a time
 */
char *
yishi_clock_format_local (const char *utc,
                          const char *format)
{
  g_autoptr (GDateTime) when = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  return g_date_time_format (local, format);
}
