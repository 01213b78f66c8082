/* bench-open.c — how long yishi_database_open () takes on a file, median and p95.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "yishi-database.h"
#include "yishi-summary.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  int runs = argc > 2 ? atoi (argv[2]) : 7;
  double *open_ms, *summary_ms;
  double first_ms = 0;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-open FILE [RUNS]\n");
      return 2;
    }
  open_ms = g_new0 (double, runs);
  summary_ms = g_new0 (double, runs);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (YishiDatabase) db = NULL;
      g_autoptr (YishiSummary) summary = NULL;
      gint64 start = g_get_monotonic_time ();

      db = yishi_database_open (argv[1], YISHI_DATABASE_OPEN_DEFAULT, &error);
      if (db == NULL)
        {
          fprintf (stderr, "bench-open: %s\n", error->message);
          return 1;
        }
      open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        first_ms = open_ms[0];
      start = g_get_monotonic_time ();
      summary = yishi_summary_load (db, &error);
      summary_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (open_ms, runs, sizeof (double), compare);
  qsort (summary_ms, runs, sizeof (double), compare);
  printf ("open-ms first %.1f (includes PRAGMA quick_check unless the file passed it unchanged before)\n",
          first_ms);
  printf ("open-ms median %.1f p95 %.1f (runs %d; later opens skip the check of an unchanged file)\n",
          open_ms[runs / 2], open_ms[(int)((runs - 1) * 0.95)], runs);
  printf ("panel-figures-ms median %.1f p95 %.1f\n", summary_ms[runs / 2],
          summary_ms[(int)((runs - 1) * 0.95)]);
  g_free (open_ms);
  g_free (summary_ms);
  return 0;
}
