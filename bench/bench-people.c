/* bench-people.c — the registry's people list on a big file: how long a filter or a
 * search takes to answer (set the filter, count, fetch the first page of 50 rows),
 * median and p95 per filter, and the median over all of them.
 *
 * Usage: bench-people DATABASE [RUNS]   (the file is opened read-only)
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yishi-database.h"
#include "yishi-lookup.h"
#include "yishi-people-list.h"

#define FIRST_PAGE 50

typedef struct
{
  const char *name;
  YishiPeopleFilter filter;
  double *ms;
  double *cpu_ms;
  guint n;
} Case;

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *ms,
        int     runs)
{
  qsort (ms, runs, sizeof (double), compare);
  return ms[runs / 2];
}

/* @name padded to 30 columns (CJK characters take two). */
static void
print_name (const char *name)
{
  int width = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  printf ("%s%*s", name, MAX (30 - width, 1), "");
}

static void
report (const char *name,
        double     *ms,
        int         runs,
        const char *note)
{
  qsort (ms, runs, sizeof (double), compare);
  print_name (name);
  printf ("median %6.1f p95 %6.1f max %6.1f (runs %d)%s%s\n", ms[runs / 2],
          ms[(int)((runs - 1) * 0.95 + 0.5)], ms[runs - 1], runs, note ? " " : "", note ? note : "");
}

/* The process's CPU time in ms: on a shared machine wall time also counts the others. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* What a view does on a filter change: set it (the list counts), then ask for the first
 * screenful.  Wall time in ms; CPU time in @cpu_ms. */
static double
time_filter (YishiPeopleList         *list,
             const YishiPeopleFilter *filter,
             guint                   *n_out,
             double                  *cpu_ms)
{
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_now ();
  guint n;

  yishi_people_list_set_filter (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, FIRST_PAGE); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  *n_out = n;
  if (cpu_ms != NULL)
    *cpu_ms = cpu_now () - cpu;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
middle_id (YishiDatabase   *database,
           YishiLookupKind  kind)
{
  g_autoptr (GPtrArray) items = yishi_lookup_list (database, kind, NULL);

  if (items == NULL || items->len == 0)
    return 0;
  return ((YishiLookupItem *)g_ptr_array_index (items, items->len / 2))->id;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiPeopleList) list = NULL;
  g_autoptr (YishiPerson) sample = NULL;
  g_autofree char *phone_tail = NULL;
  const char *phone;
  int runs = argc > 2 ? atoi (argv[2]) : 15;
  double *all_ms, *all_cpu_ms, first_all_ms, *extra_ms;
  gint64 grid, building;
  guint n, total;
  Case cases[12];

  setlocale (LC_ALL, "");
  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-people DATABASE [RUNS]\n");
      return 2;
    }
  database = yishi_database_open (argv[1], YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      fprintf (stderr, "bench-people: %s\n", error->message);
      return 1;
    }

  /* The list's first count of everybody (the total is then kept until the file
   * changes). */
  {
    gint64 start = g_get_monotonic_time ();

    list = yishi_people_list_new (database);
    total = g_list_model_get_n_items (G_LIST_MODEL (list));
    for (guint i = 0; i < MIN (total, FIRST_PAGE); i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
    first_all_ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  if (total == 0)
    {
      fprintf (stderr, "bench-people: the file holds no people\n");
      return 1;
    }
  grid = middle_id (database, YISHI_LOOKUP_GRIDS);
  building = middle_id (database, YISHI_LOOKUP_BUILDINGS);
  /* Tails of somebody in the middle, who has a phone. */
  for (guint i = total / 2; i < total && sample == NULL; i++)
    {
      g_autoptr (YishiPerson) person = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (person != NULL && strlen (yishi_person_get_phone (person)) >= 4 &&
          strlen (yishi_person_get_id_tail (person)) == 4)
        sample = g_steal_pointer (&person);
    }
  if (sample == NULL)
    {
      fprintf (stderr, "bench-people: nobody with a phone and an ID number\n");
      return 1;
    }
  phone = yishi_person_get_phone (sample);
  phone_tail = g_strdup (phone + strlen (phone) - 4);

  memset (cases, 0, sizeof cases);
  cases[0].name = "all people";
  cases[1].name = "one grid";
  cases[1].filter.node_kind = YISHI_NODE_GRID;
  cases[1].filter.node_id = grid;
  cases[2].name = "one building";
  cases[2].filter.node_kind = YISHI_NODE_BUILDING;
  cases[2].filter.node_id = building;
  cases[3].name = "floating residents";
  cases[3].filter.residence_type = g_strdup ("floating");
  cases[4].name = "in-service party members";
  cases[4].filter.party_category = g_strdup ("in_service");
  cases[5].name = "volunteers";
  cases[5].filter.role = g_strdup ("volunteer");
  cases[6].name = "elderly 80+";
  cases[6].filter.age_band = YISHI_AGE_OLDEST;
  cases[7].name = "grid + party members";
  cases[7].filter.node_kind = YISHI_NODE_GRID;
  cases[7].filter.node_id = grid;
  cases[7].filter.party_category = g_strdup ("any");
  cases[8].name = "name 王";
  cases[8].filter.query = g_strdup ("王");
  cases[9].name = "name 张伟";
  cases[9].filter.query = g_strdup ("张伟");
  cases[10].name = "phone tail (4 digits)";
  cases[10].filter.query = g_strdup (phone_tail);
  cases[11].name = "ID tail (4 digits)";
  cases[11].filter.query = g_strdup (yishi_person_get_id_tail (sample));

  /* Round-robin, as somebody clicking through filters would. */
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      cases[c].ms = g_new0 (double, runs);
      cases[c].cpu_ms = g_new0 (double, runs);
    }
  all_ms = g_new0 (double, runs * G_N_ELEMENTS (cases));
  all_cpu_ms = g_new0 (double, runs * G_N_ELEMENTS (cases));
  for (int r = 0; r < runs; r++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        cases[c].ms[r] = time_filter (list, &cases[c].filter, &cases[c].n, &cases[c].cpu_ms[r]);
        all_ms[r * G_N_ELEMENTS (cases) + c] = cases[c].ms[r];
        all_cpu_ms[r * G_N_ELEMENTS (cases) + c] = cases[c].cpu_ms[r];
        if (yishi_people_list_get_error (list) != NULL)
          {
            fprintf (stderr, "bench-people: %s\n", yishi_people_list_get_error (list)->message);
            return 1;
          }
      }

  printf ("people list on %u people: set filter + count + first %d rows, in ms\n", total, FIRST_PAGE);
  print_name ("first open of the list");
  printf ("%.1f (the list's first count of everybody; later ones reuse it)\n", first_all_ms);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *note = g_strdup_printf ("— %u people, CPU median %.1f", cases[c].n,
                                               median (cases[c].cpu_ms, runs));

      report (cases[c].name, cases[c].ms, runs, note);
    }

  /* Beside the goal: broad filters combined over the whole district. */
  {
    static const struct { const char *name; YishiPeopleFilter filter; } combos[] = {
      { "party members 80+", { .party_category = (char *)"any", .age_band = YISHI_AGE_OLDEST } },
      { "王 + party members", { .party_category = (char *)"any", .query = (char *)"王" } },
      { "floating + 60–79", { .residence_type = (char *)"floating", .age_band = YISHI_AGE_ELDERLY } },
      { "in-service + volunteers", { .party_category = (char *)"in_service", .role = (char *)"volunteer" } },
      { "registered adults", { .residence_type = (char *)"registered", .age_band = YISHI_AGE_ADULT } },
    };
    double *combo_ms = g_new0 (double, runs);
    double *combo_cpu_ms = g_new0 (double, runs);

    for (guint c = 0; c < G_N_ELEMENTS (combos); c++)
      {
        g_autofree char *note = NULL;

        for (int r = 0; r < runs; r++)
          combo_ms[r] = time_filter (list, &combos[c].filter, &n, &combo_cpu_ms[r]);
        note = g_strdup_printf ("— %u people, CPU median %.1f", n, median (combo_cpu_ms, runs));
        report (combos[c].name, combo_ms, runs, note);
      }
    g_free (combo_ms);
    g_free (combo_cpu_ms);
  }

  /* Beside the goal: other orders, and paging on. */
  extra_ms = g_new0 (double, runs);
  {
    YishiPeopleFilter everybody = { 0 };
    YishiPeopleFilter one_grid = { .node_kind = YISHI_NODE_GRID, .node_id = grid };

    yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_AGE, FALSE);
    for (int r = 0; r < runs; r++)
      extra_ms[r] = time_filter (list, r % 2 ? &cases[6].filter : &everybody, &n, NULL);
    report ("by age: all / elderly 80+", extra_ms, runs, NULL);

    yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_ADDRESS, FALSE);
    for (int r = 0; r < runs; r++)
      extra_ms[r] = time_filter (list, &one_grid, &n, NULL);
    report ("by address: one grid", extra_ms, runs, NULL);
    for (int r = 0; r < MIN (runs, 3); r++)
      extra_ms[r] = time_filter (list, &cases[3].filter, &n, NULL);
    report ("by address: floating", extra_ms, MIN (runs, 3), NULL);
    for (int r = 0; r < MIN (runs, 3); r++)
      extra_ms[r] = time_filter (list, &everybody, &n, NULL);
    report ("by address: all people", extra_ms, MIN (runs, 3), NULL);

    /* Scrolling on in name order: each page continues from the one before. */
    yishi_people_list_set_sort (list, YISHI_PEOPLE_SORT_NAME, FALSE);
    for (int r = 0; r < runs; r++)
      {
        const YishiPeopleFilter *filter = r % 2 ? &cases[4].filter : &everybody;
        gint64 start;

        yishi_people_list_set_filter (list, filter);
        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        start = g_get_monotonic_time ();
        for (guint i = 0; i < MIN (n, 2000); i++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
        extra_ms[r] = (g_get_monotonic_time () - start) / 1000.0 / (MIN (n, 2000) / 100.0);
      }
    report ("next page (all / in-service)", extra_ms, runs, "per 100 rows, the first 2,000 rows");
    for (int r = 0; r < runs; r++)
      {
        gint64 start;

        yishi_people_list_set_filter (list, &everybody);
        start = g_get_monotonic_time ();
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), total / 2 + (guint)r * 1000));
        extra_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
    report ("jump to the middle (all)", extra_ms, runs, NULL);
  }

  printf ("overall median %.1f ms over the %u filters and searches (goal ≤ 30; CPU median %.1f)\n",
          median (all_ms, runs * G_N_ELEMENTS (cases)), (guint)G_N_ELEMENTS (cases),
          median (all_cpu_ms, runs * G_N_ELEMENTS (cases)));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      yishi_people_filter_clear (&cases[c].filter);
      g_free (cases[c].ms);
      g_free (cases[c].cpu_ms);
    }
  g_free (all_ms);
  g_free (all_cpu_ms);
  g_free (extra_ms);
  return 0;
}
