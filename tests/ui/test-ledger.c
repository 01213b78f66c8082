/* test-ledger.c — the ledger panel under Xvfb: counts, search, filters, sorting, the
 * detail pane, steps through their dialogs, delete and merge with undo.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-column-sort.h"
#include "yishi-community.h"
#include "yishi-demo.h"
#include "yishi-enums.h"
#include "yishi-issue-list.h"
#include "yishi-issue-machine.h"
#include "yishi-issue-store.h"
#include "yishi-ledger-panel.h"
#include "yishi-step-dialogs.h"
#include "yishi-summary.h"
#include "yishi-window.h"
#include "yishi-ui-test-utils.h"

static const char *demo_path;

static YishiWindow *
open_window (const char        *path,
             YishiLedgerPanel **panel)
{
  YishiWindow *window = yishi_ui_test_open_window (path, "ledger", FALSE);

  *panel = YISHI_LEDGER_PANEL (yishi_window_get_panel (window, "ledger"));
  return window;
}

static guint
count_with (YishiDatabase          *database,
            const YishiIssueFilter *filter)
{
  g_autoptr (YishiIssueList) list = yishi_issue_list_new (database);

  yishi_issue_list_set_filter (list, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The matter the view shows in row @position. */
static YishiIssue *
item_at (YishiLedgerPanel *panel,
         guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (yishi_ledger_panel_get_column_view (panel)));
  g_autoptr (YishiPagedRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return g_object_ref (yishi_paged_row_get_item (row));
}

static void
select_row (YishiLedgerPanel *panel,
            guint             position)
{
  GtkSelectionModel *model = gtk_column_view_get_model (yishi_ledger_panel_get_column_view (panel));

  gtk_selection_model_select_item (model, position, TRUE);
  yishi_ui_test_spin (20);
}

static guint
state_index (const char *state)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (YISHI_ENUM_ISSUE_STATE, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i].id, state))
      return i + 2; /* after "All States" and "Open" */
  g_assert_not_reached ();
}

/* Shows only matters in @state and selects the first. */
static gint64
select_first_in_state (YishiLedgerPanel *panel,
                       const char       *state)
{
  g_autoptr (YishiIssue) issue = NULL;

  gtk_drop_down_set_selected (yishi_ledger_panel_get_state_dropdown (panel), state_index (state));
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), >, 0);
  select_row (panel, 0);
  issue = item_at (panel, 0);
  g_assert_cmpstr (yishi_issue_get_state (issue), ==, state);
  g_assert_cmpint (yishi_ledger_panel_get_selected_id (panel), ==, yishi_issue_get_id (issue));
  return yishi_issue_get_id (issue);
}

static gboolean
offers (YishiIssueDetailPane *detail,
        const char           *step)
{
  g_auto (GStrv) steps = yishi_issue_detail_pane_get_steps (detail);

  return g_strv_contains ((const char *const *)steps, step);
}

/* Tests ---------------------------------------------------------------------------- */

static void
test_count (void)
{
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  gint64 total = yishi_database_count (database, "issue");
  g_autofree char *number = g_strdup_printf ("%'lld", (long long)total);

  g_assert_cmpint (total, >, 1000);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, count_with (database, NULL));
  g_assert_nonnull (strstr (yishi_ledger_panel_get_count_text (panel), number));
  g_assert_true (g_str_has_suffix (yishi_ledger_panel_get_count_text (panel), "matters"));
  g_assert_cmpstr (yishi_ledger_panel_get_page (panel), ==, "list");
  /* Newest first, as the header shows; never the whole table in memory. */
  g_assert_cmpuint (yishi_issue_list_get_n_cached_pages (yishi_ledger_panel_get_list (panel)), <=, 3);
  /* The figures are still the database's (the window test reads them too). */
  {
    g_autoptr (YishiSummary) summary = yishi_summary_load (database, NULL);
    g_autofree char *open = g_strdup_printf ("%'lld", (long long)summary->issues_open);

    g_assert_cmpstr (yishi_panel_get_figure (YISHI_PANEL (panel), 0, NULL), ==, open);
  }
  /* Nothing selected yet: the pane says so. */
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (yishi_ledger_panel_get_detail (panel)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (panel), "ledger.delete", NULL);
  yishi_ui_test_spin (20);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);
  yishi_ui_test_close_window (window);
}

static void
test_search (void)
{
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  GtkEditable *entry = yishi_ledger_panel_get_search_entry (panel);
  YishiIssueFilter filter = { .query = (char *)"漏水" };
  guint total = yishi_ledger_panel_get_n_matters (panel);
  guint expected = count_with (database, &filter);

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);

  /* Ctrl+F's action puts the cursor in the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "ledger.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  gtk_editable_set_text (entry, "漏水");
  /* Search as you type, after a short pause. */
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);
  yishi_ui_test_spin (400);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, expected);
  {
    g_autoptr (YishiIssue) first = item_at (panel, 0);
    g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (database, yishi_issue_get_id (first), NULL);
    g_autofree char *events = NULL;

    for (guint i = 0; i < detail->events->len; i++)
      {
        char *more = g_strconcat (events ? events : "",
                                  ((YishiIssueEvent *)g_ptr_array_index (detail->events, i))->note, NULL);

        g_free (events);
        events = more;
      }
    g_assert_true (strstr (detail->title, "漏水") || strstr (detail->content, "漏水") ||
                   (events && strstr (events, "漏水")));
  }

  /* Escape clears the words. */
  g_signal_emit_by_name (entry, "stop-search");
  yishi_ui_test_spin (400);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);

  /* Words nobody used: an empty state with a way back. */
  gtk_editable_set_text (entry, "没有这种事情啊");
  yishi_ui_test_spin (400);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, 0);
  g_assert_cmpstr (yishi_ledger_panel_get_page (panel), ==, "no-match");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "ledger.clear-filters", NULL));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);
  g_assert_cmpstr (yishi_ledger_panel_get_page (panel), ==, "list");
  yishi_ui_test_close_window (window);
}

static void
test_state_filter (void)
{
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  g_autoptr (YishiSummary) summary = yishi_summary_load (database, NULL);
  YishiIssueFilter open = { .state = (char *)"open" };
  YishiIssueFilter closed = { .state = (char *)"closed" };
  GtkDropDown *dropdown = yishi_ledger_panel_get_state_dropdown (panel);

  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, count_with (database, &open));
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, summary->issues_open);
  for (guint i = 0; i < MIN (50, yishi_ledger_panel_get_n_matters (panel)); i++)
    {
      g_autoptr (YishiIssue) issue = item_at (panel, i);
      const char *state = yishi_issue_get_state (issue);

      g_assert_true (!g_str_equal (state, "closed") && !g_str_equal (state, "rejected") &&
                     !g_str_equal (state, "merged"));
    }

  gtk_drop_down_set_selected (dropdown, state_index ("closed"));
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, count_with (database, &closed));

  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, count_with (database, NULL));
  yishi_ui_test_close_window (window);
}

static void
test_sort (void)
{
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  GtkColumnView *view = yishi_ledger_panel_get_column_view (panel);
  g_autoptr (YishiIssueList) all = yishi_issue_list_new (yishi_window_get_database (window));
  g_autofree char *smallest = NULL;
  g_autofree char *largest = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));

  /* The smallest and largest serial, the slow way. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiIssue) issue = g_list_model_get_item (G_LIST_MODEL (all), i);
      const char *serial = yishi_issue_get_serial (issue);

      if (smallest == NULL || strcmp (serial, smallest) < 0)
        {
          g_free (smallest);
          smallest = g_strdup (serial);
        }
      if (largest == NULL || strcmp (serial, largest) > 0)
        {
          g_free (largest);
          largest = g_strdup (serial);
        }
    }

  gtk_column_view_sort_by_column (view, yishi_ledger_panel_get_column (panel, YISHI_ISSUE_SORT_SERIAL),
                                  GTK_SORT_ASCENDING);
  {
    g_autoptr (YishiIssue) first = item_at (panel, 0);

    g_assert_cmpstr (yishi_issue_get_serial (first), ==, smallest);
  }
  gtk_column_view_sort_by_column (view, yishi_ledger_panel_get_column (panel, YISHI_ISSUE_SORT_SERIAL),
                                  GTK_SORT_DESCENDING);
  {
    g_autoptr (YishiIssue) first = item_at (panel, 0);

    g_assert_cmpstr (yishi_issue_get_serial (first), ==, largest);
  }

  /* Another column takes over, and the count does not change. */
  gtk_column_view_sort_by_column (view, yishi_ledger_panel_get_column (panel, YISHI_ISSUE_SORT_URGENCY),
                                  GTK_SORT_ASCENDING);
  {
    g_autoptr (YishiIssue) first = item_at (panel, 0);

    g_assert_cmpstr (yishi_issue_get_urgency (first), ==, "red");
  }
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, n);

  /* No column: newest first again. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  {
    g_autoptr (YishiIssue) first = item_at (panel, 0);
    g_autoptr (YishiIssue) newest = g_list_model_get_item (G_LIST_MODEL (all), 0);

    g_assert_cmpstr (yishi_issue_get_serial (first), ==, yishi_issue_get_serial (newest));
  }
  yishi_ui_test_close_window (window);
}

static void
test_detail (void)
{
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiIssueDetailPane *detail = yishi_ledger_panel_get_detail (panel);
  g_autoptr (YishiIssue) issue = item_at (panel, 3);
  const char *const *next;

  select_row (panel, 3);
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (detail), ==, yishi_issue_get_id (issue));
  g_assert_cmpstr (yishi_issue_detail_pane_get_serial (detail), ==, yishi_issue_get_serial (issue));
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), >, 0);
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), ==,
                    yishi_issue_detail_pane_get_detail (detail)->events->len);

  /* Exactly the steps the state machine allows (and chasing, for matters in hand). */
  next = yishi_issue_machine_next (yishi_issue_get_state (issue));
  for (guint i = 0; next[i] != NULL; i++)
    g_assert_true (offers (detail, next[i]));
  g_assert_false (offers (detail, "no-such-state"));
  g_assert_null (yishi_issue_detail_pane_begin_step (detail, "no-such-state"));

  /* Enter on the row moves to the pane. */
  g_signal_emit_by_name (yishi_ledger_panel_get_column_view (panel), "activate", 3u);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (detail)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "ledger.focus-list", NULL));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (detail)));

  /* Unselecting empties the pane. */
  gtk_selection_model_unselect_item (gtk_column_view_get_model (yishi_ledger_panel_get_column_view (panel)), 3);
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (detail), ==, 0);
  yishi_ui_test_close_window (window);
}

static void
test_triage (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiIssueDetailPane *detail = yishi_ledger_panel_get_detail (panel);
  YishiStepDialog *dialog;
  g_autoptr (GError) error = NULL;
  YishiIssueTriage triage = { 0 };
  gint64 id = select_first_in_state (panel, "received");
  guint events = yishi_issue_detail_pane_get_n_events (detail);
  guint received = yishi_ledger_panel_get_n_matters (panel);

  g_assert_true (offers (detail, "triaged"));
  g_assert_false (offers (detail, YISHI_STEP_CHASE));
  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "triaged"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (yishi_step_dialog_get_step (dialog), ==, "triaged");

  /* Nobody responsible: explained in the dialog, nothing changes. */
  triage.scale = "micro";
  triage.route = "community_office";
  triage.responsible_text = "";
  yishi_step_dialog_set_triage (dialog, &triage);
  g_assert_false (yishi_step_dialog_apply (dialog, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_assert_nonnull (yishi_step_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_clear_error (&error);

  /* A date that does not exist. */
  triage.responsible_text = "社区物业办";
  triage.deadline = "2026-02-30";
  yishi_step_dialog_set_triage (dialog, &triage);
  g_assert_false (yishi_step_dialog_apply (dialog, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "received");
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), ==, events);

  /* The deadline from the rules, as the dialog proposed it. */
  {
    g_autoptr (YishiIssueDetail) before = yishi_issue_store_load (yishi_window_get_database (window), id, NULL);

    yishi_step_dialog_set_triage (dialog, &(YishiIssueTriage){ .scale = "micro", .route = "community_office",
                                                               .responsible_text = "社区物业办",
                                                               .deadline = before->deadline,
                                                               .note = "楼栋长协调物业处理" });
  }
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);

  /* Saved at once: the pane shows the new state and one more timeline row, and the
   * list (still showing received matters only) has one fewer. */
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (detail), ==, id);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "triaged");
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->responsible, ==, "社区物业办");
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), ==, events + 1);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, received - 1);
  g_assert_true (offers (detail, "dispatched"));
  g_assert_true (offers (detail, YISHI_STEP_CHASE));

  /* A step that takes only a note. */
  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "dispatched"));
  yishi_step_dialog_set_note (dialog, "已派单");
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "dispatched");
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), ==, events + 2);

  /* Chasing adds to the timeline and keeps the state. */
  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, YISHI_STEP_CHASE));
  yishi_step_dialog_set_note (dialog, "请尽快处理");
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "dispatched");
  g_assert_cmpuint (yishi_issue_detail_pane_get_n_events (detail), ==, events + 3);
  yishi_ui_test_close_window (window);
}

static void
test_feedback_and_reject (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiIssueDetailPane *detail = yishi_ledger_panel_get_detail (panel);
  g_autoptr (GError) error = NULL;
  YishiStepDialog *dialog;

  select_first_in_state (panel, "answered");
  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "visited"));
  /* Could not be reached, but no reason. */
  yishi_step_dialog_set_feedback (dialog, NULL, "");
  g_assert_false (yishi_step_dialog_apply (dialog, &error));
  g_clear_error (&error);
  yishi_step_dialog_set_feedback (dialog, "satisfied", NULL);
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "visited");
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->rating, ==, "satisfied");
  g_assert_true (offers (detail, "closed"));

  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "closed"));
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "closed");

  /* Not accepted needs a reason. */
  select_first_in_state (panel, "received");
  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "rejected"));
  g_assert_false (yishi_step_dialog_apply (dialog, &error));
  g_clear_error (&error);
  yishi_step_dialog_set_note (dialog, "不属于社区职责范围，已告知居民向区住建委反映");
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "rejected");
  g_assert_true (offers (detail, "received"));
  yishi_ui_test_close_window (window);
}

static void
test_delete_undo (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiIssueDetailPane *detail = yishi_ledger_panel_get_detail (panel);
  guint total = yishi_ledger_panel_get_n_matters (panel);
  g_autoptr (YishiIssue) deleted = item_at (panel, 2);
  g_autoptr (YishiIssue) next = item_at (panel, 3);

  select_row (panel, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "ledger.delete", NULL));
  yishi_ui_test_spin (50);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total - 1);
  g_assert_cmpint (yishi_issue_store_find (yishi_window_get_database (window), yishi_issue_get_serial (deleted)), ==, 0);
  /* The next matter takes its place. */
  g_assert_cmpint (yishi_ledger_panel_get_selected_id (panel), ==, yishi_issue_get_id (next));
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (detail), ==, yishi_issue_get_id (next));

  g_assert_true (yishi_ledger_panel_undo (panel));
  yishi_ui_test_spin (50);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total);
  g_assert_cmpint (yishi_ledger_panel_get_selected_id (panel), ==, yishi_issue_get_id (deleted));
  /* Only once. */
  g_assert_false (yishi_ledger_panel_undo (panel));
  yishi_ui_test_close_window (window);
}

static void
test_merge_undo (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiIssueDetailPane *detail = yishi_ledger_panel_get_detail (panel);
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiIssue) target = NULL;
  YishiStepDialog *dialog;
  gint64 id;

  gtk_drop_down_set_selected (yishi_ledger_panel_get_state_dropdown (panel), 1);
  target = item_at (panel, 1);
  id = select_first_in_state (panel, "in_progress");
  g_assert_cmpint (id, !=, yishi_issue_get_id (target));

  dialog = g_object_ref (yishi_issue_detail_pane_begin_step (detail, "merged"));
  g_assert_cmpuint (yishi_step_dialog_get_n_candidates (dialog), <=, 8);
  yishi_step_dialog_set_merge_target (dialog, "1999-9999");
  g_assert_false (yishi_step_dialog_apply (dialog, &error));
  g_assert_nonnull (strstr (yishi_step_dialog_get_error (dialog), "1999-9999"));
  g_clear_error (&error);
  yishi_step_dialog_set_merge_target (dialog, yishi_issue_get_serial (target));
  g_assert_true (yishi_step_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (50);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "merged");
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->merged_into, ==, yishi_issue_get_serial (target));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "ledger.undo", NULL));
  yishi_ui_test_spin (50);
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (detail), ==, id);
  g_assert_cmpstr (yishi_issue_detail_pane_get_detail (detail)->state, ==, "in_progress");
  yishi_ui_test_close_window (window);
}

static void
test_changes_elsewhere (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiLedgerPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiIssue) issue = item_at (panel, 5);
  guint total = yishi_ledger_panel_get_n_matters (panel);
  YishiIssueDraft draft = {
    .channel = "phone", .kind = "problem", .urgency = "red", .title = "3号楼电梯困人",
    .content = "居民来电：3号楼2单元电梯停在6楼，有人被困。", .requester_name = "王大妈",
  };
  gint64 added;

  select_row (panel, 5);
  /* A matter filed elsewhere (another window, the command line): the list counts it
   * and the selected matter stays selected. */
  added = yishi_issue_store_add (database, &draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  yishi_ui_test_spin (50);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, total + 1);
  g_assert_cmpint (yishi_ledger_panel_get_selected_id (panel), ==, yishi_issue_get_id (issue));
  g_assert_cmpint (yishi_issue_detail_pane_get_issue_id (yishi_ledger_panel_get_detail (panel)), ==,
                   yishi_issue_get_id (issue));

  /* Showing a matter selects it. */
  g_assert_true (yishi_ledger_panel_select (panel, added));
  g_assert_cmpint (yishi_ledger_panel_get_selected_id (panel), ==, added);
  yishi_ui_test_close_window (window);
}

static void
test_empty_ledger (void)
{
  g_autofree char *path = yishi_test_path ("empty.db");
  YishiLedgerPanel *panel;
  YishiWindow *window;

  g_object_unref (yishi_test_new_database ("empty.db", "空白社区"));
  window = open_window (path, &panel);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (panel), ==, 0);
  g_assert_cmpstr (yishi_ledger_panel_get_page (panel), ==, "empty");
  g_assert_cmpstr (yishi_ledger_panel_get_count_text (panel), ==, "0 matters");
  yishi_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  int result;

  demo_path = yishi_ui_test_init (&argc, &argv);

  g_test_add_func ("/ledger/count", test_count);
  g_test_add_func ("/ledger/search", test_search);
  g_test_add_func ("/ledger/state-filter", test_state_filter);
  g_test_add_func ("/ledger/sort", test_sort);
  g_test_add_func ("/ledger/detail", test_detail);
  g_test_add_func ("/ledger/triage", test_triage);
  g_test_add_func ("/ledger/feedback-and-reject", test_feedback_and_reject);
  g_test_add_func ("/ledger/delete-undo", test_delete_undo);
  g_test_add_func ("/ledger/merge-undo", test_merge_undo);
  g_test_add_func ("/ledger/changes-elsewhere", test_changes_elsewhere);
  g_test_add_func ("/ledger/empty", test_empty_ledger);

  result = g_test_run ();
  return result;
}
