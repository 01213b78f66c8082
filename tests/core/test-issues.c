/* test-issues.c — the ledger: intake, the state machine, deadlines, merge, search, list.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-issue-list.h"
#include "yishi-issue-machine.h"
#include "yishi-issue-store.h"
#include "yishi-search.h"
#include "yishi-test-utils.h"

static const char *const all_states[] = {
  "received", "triaged", "dispatched", "in_progress", "answered", "in_deliberation",
  "publicised", "implementing", "visited", "closed", "rejected", "merged",
};

/* The allowed steps, written down independently of the machine's table. */
static const char *const allowed[] = {
  "received>triaged", "received>rejected", "received>merged",
  "triaged>dispatched", "triaged>in_progress", "triaged>in_deliberation", "triaged>rejected",
  "triaged>merged",
  "dispatched>in_progress", "dispatched>in_deliberation", "dispatched>merged",
  "in_progress>answered", "in_progress>in_deliberation", "in_progress>merged",
  "in_deliberation>publicised", "in_deliberation>in_progress", "in_deliberation>merged",
  "publicised>implementing",
  "implementing>answered",
  "answered>visited", "answered>in_progress",
  "visited>closed", "visited>in_progress",
  "closed>in_progress",
  "rejected>received",
  NULL
};

static gint64
add (YishiDatabase *db,
     const char    *title,
     const char    *phone,
     const char    *received_at,
     char         **serial)
{
  YishiIssueDraft draft = {
    .channel = "phone",
    .received_at = received_at,
    .requester_name = "欧阳娜娜",
    .requester_phone = phone,
    .kind = "problem",
    .urgency = "yellow",
    .title = title,
    .content = "居民反映情况，请尽快处理。",
  };
  g_autoptr (GError) error = NULL;
  gint64 id = yishi_issue_store_add (db, &draft, serial, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
state_of (YishiDatabase *db,
          gint64         id)
{
  g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (db, id, NULL);

  return g_strdup (detail->state);
}

static void
assert_state (YishiDatabase *db,
              gint64         id,
              const char    *state)
{
  g_autofree char *now = state_of (db, id);

  g_assert_cmpstr (now, ==, state);
}

static void
test_machine (void)
{
  guint n_allowed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all_states); i++)
    for (guint j = 0; j < G_N_ELEMENTS (all_states); j++)
      {
        g_autofree char *step = g_strdup_printf ("%s>%s", all_states[i], all_states[j]);
        gboolean expected = g_strv_contains (allowed, step);

        if (yishi_issue_machine_allows (all_states[i], all_states[j]) != expected)
          g_error ("step %s should be %s", step, expected ? "allowed" : "refused");
        if (expected)
          {
            n_allowed++;
            g_assert_nonnull (yishi_issue_machine_event_kind (all_states[i], all_states[j]));
          }
      }
  g_assert_cmpuint (n_allowed, ==, g_strv_length ((char **)allowed));
  g_assert_false (yishi_issue_machine_allows ("closed", "bogus"));
  g_assert_false (yishi_issue_machine_allows ("bogus", "closed"));
  g_assert_cmpstr (yishi_issue_machine_event_kind ("closed", "in_progress"), ==, "reopen");
  g_assert_cmpstr (yishi_issue_machine_event_kind ("dispatched", "in_progress"), ==, "handle");
  /* The SQL list of open states is the same set as yishi_issue_state_is_open (). */
  for (guint i = 0; i < G_N_ELEMENTS (all_states); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("'%s'", all_states[i]);

      g_assert_cmpint (strstr (YISHI_ISSUE_OPEN_STATES_SQL, quoted) != NULL, ==,
                       yishi_issue_state_is_open (all_states[i]));
    }
  g_assert_true (yishi_issue_state_is_open ("visited"));
  g_assert_false (yishi_issue_state_is_open ("merged"));
}

static gint64
audit_count (YishiDatabase *db)
{
  return yishi_database_count (db, "audit_log");
}

static void
test_serials_and_deadlines (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("serials.db", NULL);
  g_autoptr (YishiIssueDetail) detail = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *deadline = NULL;
  gint64 id_b;

  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  /* 2026-02-13 09:00 in Shanghai is a Friday; yellow problems get 5 working days, and the
   * Saturday 02-14 is worked while 02-15..02-23 are the Spring Festival. */
  add (db, "楼道灯不亮", NULL, "2026-02-13T01:00:00Z", &a);
  id_b = add (db, "电梯故障", NULL, "2026-02-13T02:00:00Z", &b);
  g_assert_cmpstr (a, ==, "2026-0001");
  g_assert_cmpstr (b, ==, "2026-0002");
  detail = yishi_issue_store_load (db, id_b, &error);
  g_assert_cmpstr (detail->deadline, ==, "2026-02-27");

  /* Numbers are never reused, not even after a deletion. */
  g_assert_true (yishi_issue_store_set_deleted (db, id_b, TRUE, &error));
  add (db, "噪音扰民", NULL, "2026-03-02T01:00:00Z", &c);
  g_assert_cmpstr (c, ==, "2026-0003");
  /* 2025-12-31 23:30 in Shanghai is still 2025. */
  add (db, "跨年受理", NULL, "2025-12-31T15:30:00Z", &d);
  g_assert_cmpstr (d, ==, "2025-0001");

  deadline = yishi_issue_store_deadline_for (db, "2026-09-30", "red", "problem", &error);
  g_assert_cmpstr (deadline, ==, "2026-10-08");
  g_free (deadline);
  deadline = yishi_issue_store_deadline_for (db, "2026-12-04", "blue", "need", &error);
  g_assert_cmpstr (deadline, ==, "2026-12-25");
  g_unsetenv ("YISHI_NOW");
}

static void
assert_refused_add (YishiDatabase         *db,
                    const YishiIssueDraft *draft)
{
  g_autoptr (GError) error = NULL;
  gint64 issues = yishi_database_count (db, "issue");
  gint64 audits = audit_count (db);

  g_assert_cmpint (yishi_issue_store_add (db, draft, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 8);
  g_assert_cmpint (yishi_database_count (db, "issue"), ==, issues);
  g_assert_cmpint (audit_count (db), ==, audits);
}

static void
test_bad_input (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("bad.db", NULL);
  g_autofree char *huge = g_strnfill (100000, 'x');
  YishiIssueDraft draft = { .channel = "visit", .kind = "need", .urgency = "blue", .title = "增设座椅" };
  YishiIssueDraft bad;
  YishiIssueTriage triage = { .scale = "micro", .route = "immediate", .deadline = "2020-01-01" };
  g_autoptr (GError) error = NULL;
  gint64 id;
  gint64 audits;

  bad = draft, bad.title = "   ";
  assert_refused_add (db, &bad);
  bad = draft, bad.title = NULL;
  assert_refused_add (db, &bad);
  bad = draft, bad.content = huge;
  assert_refused_add (db, &bad);
  bad = draft, bad.title = "楼道\001灯";
  assert_refused_add (db, &bad);
  bad = draft, bad.channel = "telepathy";
  assert_refused_add (db, &bad);
  bad = draft, bad.requester_phone = "1.38E+10";
  assert_refused_add (db, &bad);
  bad = draft, bad.received_at = "2999-01-01T00:00:00Z";
  assert_refused_add (db, &bad);
  bad = draft, bad.category_id = 9999;
  assert_refused_add (db, &bad);
  bad = draft, bad.title = "\xff\xfe";
  assert_refused_add (db, &bad);

  id = yishi_issue_store_add (db, &draft, NULL, &error);
  g_assert_no_error (error);
  audits = audit_count (db);

  /* A deadline before the day of receipt. */
  g_assert_false (yishi_issue_store_triage (db, id, &triage, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* Impossible steps. */
  g_assert_false (yishi_issue_store_step (db, id, "answered", NULL, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (yishi_issue_store_close (db, id, NULL, &error));
  g_clear_error (&error);
  g_assert_false (yishi_issue_store_step (db, id, "no_such_state", NULL, &error));
  g_clear_error (&error);
  g_assert_false (yishi_issue_store_feedback (db, id, "satisfied", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (yishi_issue_store_reject (db, id, "", &error));
  g_clear_error (&error);
  g_assert_false (yishi_issue_store_step (db, 424242, "triaged", NULL, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_issue_store_find (db, "2099-9999"), ==, 0);

  assert_state (db, id, "received");
  g_assert_cmpint (audit_count (db), ==, audits);
}

static void
assert_event_kinds (YishiDatabase      *db,
                    gint64              id,
                    const char *const  *expected)
{
  g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (db, id, NULL);
  g_autoptr (GString) got = g_string_new (NULL);
  g_autofree char *want = g_strjoinv (",", (char **)expected);

  for (guint i = 0; i < detail->events->len; i++)
    {
      YishiIssueEvent *event = g_ptr_array_index (detail->events, i);

      g_string_append_printf (got, "%s%s", i ? "," : "", event->kind);
    }
  g_assert_cmpstr (got->str, ==, want);
}

static void
test_lifecycle (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("life.db", NULL);
  g_autoptr (GError) error = NULL;
  YishiIssueTriage triage = { .scale = "minor", .route = "council", .responsible_text = "社区居委会" };
  gint64 id = add (db, "小区停车位不足", "13812345678", NULL, NULL);
  gint64 other = add (db, "充电桩不够", NULL, NULL, NULL);
  static const char *const kinds[] = {
    "receive", "triage", "to_meeting", "publicise", "progress", "answer", "visit", "evaluate",
    "reopen", "answer", "visit", "evaluate", "close", "reopen", "answer", "visit", "evaluate",
    "close", NULL
  };

  g_assert_true (yishi_issue_store_triage (db, id, &triage, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_issue_store_step (db, id, "in_deliberation", "提交11月议事会", &error));
  g_assert_true (yishi_issue_store_step (db, id, "publicised", NULL, &error));
  g_assert_true (yishi_issue_store_step (db, id, "implementing", NULL, &error));
  g_assert_true (yishi_issue_store_step (db, id, "answered", "已增设夜间停车位", &error));
  g_assert_no_error (error);

  /* Closing needs feedback first. */
  g_assert_false (yishi_issue_store_close (db, id, NULL, &error));
  g_clear_error (&error);

  /* Dissatisfied reopens the matter at once. */
  g_assert_true (yishi_issue_store_feedback (db, id, "dissatisfied", NULL, "车位仍不够", &error));
  g_assert_no_error (error);
  assert_state (db, id, "in_progress");
  g_assert_false (yishi_issue_store_close (db, id, NULL, &error));
  g_clear_error (&error);

  g_assert_true (yishi_issue_store_step (db, id, "answered", NULL, &error));
  g_assert_true (yishi_issue_store_feedback (db, id, "basically_satisfied", NULL, NULL, &error));
  assert_state (db, id, "visited");
  g_assert_true (yishi_issue_store_close (db, id, "销号", &error));
  g_assert_no_error (error);
  assert_state (db, id, "closed");

  /* Reopened after closing, then closed on an unreachable requester. */
  g_assert_true (yishi_issue_store_step (db, id, "in_progress", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_issue_store_step (db, id, "answered", NULL, &error));
  g_assert_false (yishi_issue_store_feedback (db, id, NULL, "  ", NULL, &error));
  g_clear_error (&error);
  g_assert_true (yishi_issue_store_feedback (db, id, NULL, "三次电话无人接听", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_issue_store_close (db, id, NULL, &error));
  assert_event_kinds (db, id, kinds);

  /* Chasing a matter being handled is a timeline event; a closed one cannot be chased. */
  g_assert_false (yishi_issue_store_chase (db, id, "催办", &error));
  g_clear_error (&error);
  g_assert_true (yishi_issue_store_triage (db, other, &(YishiIssueTriage){ .scale = "micro", .route = "immediate" }, &error));
  g_assert_true (yishi_issue_store_chase (db, other, "请物业三日内回复", &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_query_int (db, "SELECT count(*) FROM issue_event WHERE kind = 'chase'", 0), ==, 1);

  /* Rejected with a reason, then reconsidered. */
  {
    gint64 third = add (db, "要求退还物业费", NULL, NULL, NULL);

    g_assert_true (yishi_issue_store_reject (db, third, "属于民事纠纷，建议通过法律途径解决", &error));
    assert_state (db, third, "rejected");
    g_assert_true (yishi_issue_store_step (db, third, "received", "重新受理", &error));
    assert_state (db, third, "received");
  }
}

static void
test_merge (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("merge.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiIssueDetail) target = NULL;
  gint64 a = add (db, "3号楼漏水", "13800001111", NULL, NULL);
  gint64 b = add (db, "三号楼屋顶漏水", "13900002222", NULL, NULL);

  g_assert_false (yishi_issue_store_merge (db, a, a, &error));
  g_clear_error (&error);
  g_assert_true (yishi_issue_store_merge (db, b, a, &error));
  g_assert_no_error (error);
  assert_state (db, b, "merged");
  target = yishi_issue_store_load (db, a, &error);
  g_assert_cmpuint (target->requesters->len, ==, 2);
  g_assert_true (strstr (g_ptr_array_index (target->requesters, 1), "13900002222") != NULL);
  g_clear_pointer (&target, yishi_issue_detail_free);
  /* Nothing more happens to a merged matter. */
  g_assert_false (yishi_issue_store_step (db, b, "triaged", NULL, &error));
  g_clear_error (&error);

  g_assert_true (yishi_issue_store_unmerge (db, b, &error));
  g_assert_no_error (error);
  assert_state (db, b, "received");
  target = yishi_issue_store_load (db, a, &error);
  g_assert_cmpuint (target->requesters->len, ==, 1);
  g_assert_false (yishi_issue_store_unmerge (db, b, &error));
  g_clear_error (&error);
}

static void
test_bigrams (void)
{
  g_autofree char *a = yishi_search_bigrams ("3号楼楼道漏水，电话13812345678");
  g_autofree char *b = yishi_search_bigrams ("停");
  g_autofree char *q = yishi_search_match_query ("漏水  停车");
  g_autofree char *none = yishi_search_match_query ("，。！");

  g_assert_cmpstr (a, ==, "3 号楼 楼楼 楼道 道漏 漏水 电话 13812345678");
  g_assert_cmpstr (b, ==, "停");
  g_assert_cmpstr (q, ==, "\"漏水\" AND \"停车\"");
  g_assert_null (none);
}

static guint
count_matching (YishiDatabase *db,
                const char    *query)
{
  g_autoptr (YishiIssueList) list = yishi_issue_list_new (db);
  YishiIssueFilter filter = { .query = (char *)query };

  yishi_issue_list_set_filter (list, &filter);
  g_assert_null (yishi_issue_list_get_error (list));
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search_and_list (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("search.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiIssueList) list = NULL;
  g_autoptr (YishiIssue) first = NULL;
  YishiIssueFilter filter = { 0 };
  gint64 leak;

  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  leak = add (db, "3号楼楼道漏水严重", "13812345678", "2026-11-02T02:00:00Z", NULL);
  add (db, "小区停车难", "13900009999", "2026-11-20T02:00:00Z", NULL);
  add (db, "希望增设老年助餐点", NULL, "2026-10-05T02:00:00Z", NULL);

  g_assert_cmpuint (count_matching (db, "漏水"), ==, 1);
  g_assert_cmpuint (count_matching (db, "停车"), ==, 1);
  g_assert_cmpuint (count_matching (db, "楼道漏水"), ==, 1);
  g_assert_cmpuint (count_matching (db, "电梯"), ==, 0);
  g_assert_cmpuint (count_matching (db, "漏水 停车"), ==, 0);
  g_assert_cmpuint (count_matching (db, "5678"), ==, 1);
  g_assert_cmpuint (count_matching (db, "9999"), ==, 1);
  g_assert_cmpuint (count_matching (db, "1234"), ==, 0);
  /* A note on the timeline is searchable too. */
  g_assert_cmpuint (count_matching (db, "防水"), ==, 0);
  g_assert_true (yishi_issue_store_triage (db, leak, &(YishiIssueTriage){ .scale = "micro", .route = "community_office", .note = "联系防水公司" }, &error));
  g_assert_cmpuint (count_matching (db, "防水"), ==, 1);

  list = yishi_issue_list_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (yishi_issue_get_title (first), ==, "小区停车难");
  g_clear_object (&first);

  filter.from = g_strdup ("2026-11-01");
  filter.to = g_strdup ("2026-11-30");
  yishi_issue_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  yishi_issue_filter_clear (&filter);

  filter.state = g_strdup ("triaged");
  yishi_issue_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  yishi_issue_filter_clear (&filter);

  /* Yellow problems get 5 working days: on 2026-12-01 all three are overdue, and none
   * once the one of 11-20 is answered (it stays open) or the others are closed. */
  filter.overdue = TRUE;
  yishi_issue_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_setenv ("YISHI_NOW", "2026-11-25T02:00:00Z", TRUE);
  yishi_issue_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  filter.overdue = FALSE;
  filter.due_soon = TRUE;
  yishi_issue_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  filter.due_soon = FALSE;
  filter.overdue = TRUE;
  yishi_issue_list_set_filter (list, &filter);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (yishi_issue_get_due (first), ==, YISHI_ISSUE_OVERDUE);
  yishi_issue_filter_clear (&filter);
  g_clear_object (&first);

  yishi_issue_list_set_filter (list, &filter);
  yishi_issue_list_set_sort (list, YISHI_ISSUE_SORT_SERIAL, FALSE);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (yishi_issue_get_serial (first), ==, "2026-0001");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  /* Deleted matters disappear and come back. */
  g_assert_true (yishi_issue_store_set_deleted (db, leak, TRUE, &error));
  yishi_issue_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (yishi_issue_store_set_deleted (db, leak, FALSE, &error));
  yishi_issue_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_unsetenv ("YISHI_NOW");
}

static void
test_paging (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("paging.db", NULL);
  g_autoptr (YishiIssueList) list = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (yishi_database_begin (db, &error));
  for (int i = 0; i < 2500; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%d号事项", i);

      add (db, title, NULL, NULL, NULL);
    }
  g_assert_true (yishi_database_commit (db, &error));

  list = yishi_issue_list_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2500);
  /* Walking the whole list end to end keeps a bounded number of pages. */
  for (guint i = 0; i < 2500; i += 7)
    {
      g_autoptr (YishiIssue) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (item);
      g_assert_cmpuint (yishi_issue_list_get_n_cached_pages (list), <=, 12);
    }
  g_assert_cmpuint (count_matching (db, "号事"), ==, 2500);
}

static void
test_similar (void)
{
  g_autoptr (YishiDatabase) db = yishi_test_new_database ("similar.db", NULL);
  g_autoptr (GArray) ids = NULL;
  gint64 a = add (db, "3号楼楼道漏水", NULL, NULL, NULL);

  add (db, "小区停车难", NULL, NULL, NULL);
  ids = yishi_issue_store_similar (db, 0, "楼道又漏水了", 0, 5);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_clear_pointer (&ids, g_array_unref);
  ids = yishi_issue_store_similar (db, 0, "电梯", 0, 5);
  g_assert_cmpuint (ids->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  yishi_test_make_dir ();

  g_test_add_func ("/issues/machine", test_machine);
  g_test_add_func ("/issues/serials-and-deadlines", test_serials_and_deadlines);
  g_test_add_func ("/issues/bad-input", test_bad_input);
  g_test_add_func ("/issues/lifecycle", test_lifecycle);
  g_test_add_func ("/issues/merge", test_merge);
  g_test_add_func ("/issues/bigrams", test_bigrams);
  g_test_add_func ("/issues/search-and-list", test_search_and_list);
  g_test_add_func ("/issues/paging", test_paging);
  g_test_add_func ("/issues/similar", test_similar);

  return g_test_run ();
}
