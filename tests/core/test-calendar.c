/* test-calendar.c — working days across weekends, holidays and adjusted working days.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "yishi-calendar.h"
#include "yishi-database.h"
#include "yishi-test-utils.h"

static YishiCalendar *
published_calendar (YishiDatabase **out)
{
  g_autofree char *path = yishi_test_path ("calendar.db");
  g_autoptr (GError) error = NULL;
  YishiDatabase *db = yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, &error);
  YishiCalendar *calendar;

  g_assert_no_error (error);
  calendar = yishi_calendar_load (db, &error);
  g_assert_no_error (error);
  *out = db;
  return calendar;
}

static void
assert_add (YishiCalendar *calendar,
            const char    *from,
            guint          days,
            const char    *expected)
{
  g_autofree char *got = yishi_calendar_add_working_days (calendar, from, days);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_weekends (void)
{
  g_autoptr (YishiCalendar) calendar = yishi_calendar_load (NULL, NULL);

  /* 2026-12-04 is a Friday. */
  g_assert_true (yishi_calendar_is_working_day (calendar, "2026-12-04"));
  g_assert_false (yishi_calendar_is_working_day (calendar, "2026-12-05"));
  g_assert_false (yishi_calendar_is_working_day (calendar, "2026-12-06"));
  assert_add (calendar, "2026-12-04", 1, "2026-12-07");
  assert_add (calendar, "2026-12-04", 5, "2026-12-11");
  assert_add (calendar, "2026-12-04", 0, "2026-12-04");
  /* Received on a Saturday: counting starts on Monday. */
  assert_add (calendar, "2026-12-05", 0, "2026-12-07");
  assert_add (calendar, "2026-12-05", 1, "2026-12-08");
  assert_add (calendar, "2026-12-31", 2, "2027-01-04");
  g_assert_cmpuint (yishi_calendar_working_days_between (calendar, "2026-12-04", "2026-12-11"), ==, 5);
  g_assert_cmpuint (yishi_calendar_working_days_between (calendar, "2026-12-11", "2026-12-04"), ==, 0);
  g_assert_null (yishi_calendar_add_working_days (calendar, "2026-02-30", 1));
  g_assert_null (yishi_calendar_add_working_days (calendar, "tomorrow", 1));
}

static void
test_published_holidays (void)
{
  g_autoptr (YishiDatabase) db = NULL;
  g_autoptr (YishiCalendar) calendar = published_calendar (&db);

  /* Spring Festival 2026: off 02-15..02-23, Saturdays 02-14 and 02-28 worked. */
  g_assert_true (yishi_calendar_is_working_day (calendar, "2026-02-14"));
  g_assert_false (yishi_calendar_is_working_day (calendar, "2026-02-16"));
  g_assert_false (yishi_calendar_is_working_day (calendar, "2026-02-23"));
  g_assert_true (yishi_calendar_is_working_day (calendar, "2026-02-28"));
  assert_add (calendar, "2026-02-13", 1, "2026-02-14");
  assert_add (calendar, "2026-02-14", 1, "2026-02-24");
  assert_add (calendar, "2026-02-27", 1, "2026-02-28");
  assert_add (calendar, "2026-02-27", 2, "2026-03-02");

  /* National Day 2026: off 10-01..10-07; Saturday 10-10 worked. */
  assert_add (calendar, "2026-09-30", 1, "2026-10-08");
  assert_add (calendar, "2026-10-08", 2, "2026-10-10");
  assert_add (calendar, "2026-10-08", 3, "2026-10-12");

  /* New Year 2026: off 01-01..01-03, Sunday 01-04 worked. */
  assert_add (calendar, "2025-12-31", 1, "2026-01-04");

  /* 2025: Spring Festival off 01-28..02-04, Sunday 01-26 and Saturday 02-08 worked. */
  g_assert_true (yishi_calendar_is_working_day (calendar, "2025-01-26"));
  assert_add (calendar, "2025-01-27", 1, "2025-02-05");
  assert_add (calendar, "2025-02-07", 1, "2025-02-08");
  g_assert_cmpuint (yishi_calendar_working_days_between (calendar, "2026-09-30", "2026-10-10"), ==, 3);
}

static void
test_edited_calendar (void)
{
  g_autoptr (YishiDatabase) db = NULL;
  g_autoptr (YishiCalendar) calendar = published_calendar (&db);

  /* Staff enter a later year's notice; a day can be turned either way. */
  yishi_calendar_set_day (calendar, "2027-01-01", FALSE);
  assert_add (calendar, "2026-12-31", 1, "2027-01-04");
  yishi_calendar_set_day (calendar, "2027-01-02", TRUE);
  assert_add (calendar, "2026-12-31", 1, "2027-01-02");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/calendar/weekends", test_weekends);
  g_test_add_func ("/calendar/published-holidays", test_published_holidays);
  g_test_add_func ("/calendar/edited", test_edited_calendar);

  return g_test_run ();
}
