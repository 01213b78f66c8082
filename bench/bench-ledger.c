/* bench-ledger.c — the ledger view on a big file: how long a filter change and a
 * two-character search take (count, then the first page of 50 rows), median and p95,
 * and the resident memory with the ledger panel shown and scrolled end to end.
 *
 * Usage: bench-ledger FILE [RUNS]   (needs a display: xvfb-run -a bench-ledger …)
 * BENCH_VERBOSE=1 prints every panel filter change; BENCH_NO_SCROLL=1 skips the
 * scroll to the end (which takes a couple of minutes on a district).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-database.h"
#include "yishi-issue-list.h"
#include "yishi-ledger-panel.h"
#include "yishi-lookup.h"

#define FIRST_PAGE 50

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        double     *ms,
        int         runs)
{
  qsort (ms, runs, sizeof (double), compare);
  printf ("%s median %.1f p95 %.1f max %.1f (runs %d)\n", name, ms[runs / 2],
          ms[(int)((runs - 1) * 0.95 + 0.5)], ms[runs - 1], runs);
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? strtol (line + strlen (field), NULL, 10) : -1;
}

/* set_filter () counts the rows; the view then asks for the first screenful. */
static double
time_filter (YishiIssueList         *list,
             const YishiIssueFilter *filter,
             guint                  *n_out)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  yishi_issue_list_set_filter (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n, FIRST_PAGE); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  *n_out = n;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_model (YishiDatabase *database,
             int            runs)
{
  static const char *const words[] = {
    "漏水", "停车", "电梯", "垃圾", "噪音", "路灯", "物业", "绿化", "养老", "健身",
  };
  static const char *const states[] = { "open", "received", "in_progress", "closed", "answered" };
  g_autoptr (YishiIssueList) list = yishi_issue_list_new (database);
  g_autoptr (GPtrArray) categories = yishi_lookup_list (database, YISHI_LOOKUP_CATEGORIES, NULL);
  g_autoptr (GPtrArray) grids = yishi_lookup_list (database, YISHI_LOOKUP_GRIDS, NULL);
  double *filter_ms = g_new0 (double, runs);
  double *search_ms = g_new0 (double, runs);
  guint64 filter_rows = 0, search_rows = 0;

  printf ("matters %u\n", g_list_model_get_n_items (G_LIST_MODEL (list)));

  /* What staff click through: a state, a category, a grid, overdue, due soon, a month. */
  for (int i = 0; i < runs; i++)
    {
      YishiIssueFilter filter = { 0 };
      guint n;

      switch (i % 6)
        {
        case 0:
          filter.state = (char *)states[(i / 6) % G_N_ELEMENTS (states)];
          break;
        case 1:
          if (categories != NULL && categories->len > 0)
            filter.category_id = ((YishiLookupItem *)g_ptr_array_index (categories, i % categories->len))->id;
          break;
        case 2:
          if (grids != NULL && grids->len > 0)
            filter.grid_id = ((YishiLookupItem *)g_ptr_array_index (grids, (i * 7) % grids->len))->id;
          break;
        case 3:
          filter.overdue = TRUE;
          break;
        case 4:
          filter.due_soon = TRUE;
          filter.state = (char *)"open";
          break;
        default:
          filter.from = (char *)"2026-03-01";
          filter.to = (char *)"2026-03-31";
          break;
        }
      filter_ms[i] = time_filter (list, &filter, &n);
      filter_rows += n;
    }

  for (int i = 0; i < runs; i++)
    {
      YishiIssueFilter filter = { .query = (char *)words[i % G_N_ELEMENTS (words)] };
      guint n;

      search_ms[i] = time_filter (list, &filter, &n);
      search_rows += n;
    }

  report ("filter-change-ms", filter_ms, runs);
  printf ("filter-change-rows mean %" G_GUINT64_FORMAT "\n", filter_rows / runs);
  report ("search-2-char-ms", search_ms, runs);
  printf ("search-2-char-rows mean %" G_GUINT64_FORMAT "\n", search_rows / runs);
  g_free (filter_ms);
  g_free (search_ms);
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_frames (GtkWidget *widget,
             guint      ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      spin ();
      g_usleep (500);
    }
}

static guint
count_row_widgets (YishiLedgerPanel *panel)
{
  GtkWidget *view = GTK_WIDGET (yishi_ledger_panel_get_column_view (panel));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row; row = gtk_widget_get_next_sibling (row))
        n++;
  return n;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the next frame is painted. */
static void
wait_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* The panel as staff see it: a window, the list scrolled from the top to the end. */
static void
bench_panel (YishiDatabase *database,
             int            runs)
{
  GtkWidget *window = adw_window_new ();
  YishiLedgerPanel *panel = g_object_new (YISHI_TYPE_LEDGER_PANEL, NULL);
  GtkAdjustment *adjustment;
  double *panel_ms = g_new0 (double, runs);
  gint64 start;
  int steps = 0;

  printf ("resident-kib before-window %ld\n", status_kib ("VmRSS:"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 300);
  printf ("resident-kib panel-without-file %ld\n", status_kib ("VmRSS:"));
  start = g_get_monotonic_time ();
  yishi_panel_set_database (YISHI_PANEL (panel), database);
  wait_frames (window, 300);
  printf ("panel-open-ms %.1f (set database, first frames)\n", (g_get_monotonic_time () - start) / 1000.0 - 300);
  printf ("resident-kib panel-shown %ld\n", status_kib ("VmRSS:"));

  /* A filter change through the panel: the state dropdown through all its choices
   * (whole ledger, open, each state), the count, the rows shown again, one frame. */
  for (int i = 0; i < runs; i++)
    {
      GListModel *choices = gtk_drop_down_get_model (yishi_ledger_panel_get_state_dropdown (panel));
      guint choice = (i + 1) % g_list_model_get_n_items (choices);

      double set_ms;

      start = g_get_monotonic_time ();
      gtk_drop_down_set_selected (yishi_ledger_panel_get_state_dropdown (panel), choice);
      set_ms = (g_get_monotonic_time () - start) / 1000.0;
      wait_frame (window);
      panel_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (getenv ("BENCH_VERBOSE"))
        printf ("  (filter %.1f ms, then the frame)\n", set_ms);
      if (getenv ("BENCH_VERBOSE"))
        printf ("  state choice %u: %.1f ms, %u rows, %u row widgets\n", choice, panel_ms[i],
                yishi_ledger_panel_get_n_matters (panel), count_row_widgets (panel));
      wait_frames (window, 20);
    }
  report ("panel-filter-change-ms (to the next frame)", panel_ms, runs);
  gtk_drop_down_set_selected (yishi_ledger_panel_get_state_dropdown (panel), 0);
  wait_frames (window, 100);

  adjustment = gtk_scrolled_window_get_vadjustment (yishi_ledger_panel_get_scrolled (panel));
  if (getenv ("BENCH_NO_SCROLL"))
    return;
  start = g_get_monotonic_time ();
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1 && steps < 100000)
    {
      double step = MAX (gtk_adjustment_get_page_size (adjustment),
                         (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)) / 200);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
      wait_frames (window, 8);
      steps++;
    }
  wait_frames (window, 200);
  printf ("scrolled-to-end steps %d in %.1f s, row %u of %u\n", steps,
          (g_get_monotonic_time () - start) / 1e6,
          (guint)(gtk_adjustment_get_value (adjustment) /
                  MAX (1.0, gtk_adjustment_get_upper (adjustment)) * yishi_ledger_panel_get_n_matters (panel)),
          yishi_ledger_panel_get_n_matters (panel));
  printf ("cached-pages %u\n", yishi_issue_list_get_n_cached_pages (yishi_ledger_panel_get_list (panel)));
  printf ("resident-kib scrolled %ld (peak %ld)\n", status_kib ("VmRSS:"), status_kib ("VmHWM:"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (window, 50);
  g_free (panel_ms);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiDatabase) database = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 30;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-ledger FILE [RUNS]\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-ledger: no display (run it under xvfb-run -a)\n");
      return 2;
    }
  adw_init ();

  database = yishi_database_open (argv[1], YISHI_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    {
      fprintf (stderr, "bench-ledger: %s\n", error->message);
      return 1;
    }
  bench_model (database, runs);
  bench_panel (database, runs);
  return 0;
}
