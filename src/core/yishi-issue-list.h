/* yishi-issue-list.h — the ledger as a lazily paged GListModel of YishiIssue.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-issue.h"

G_BEGIN_DECLS

typedef struct
{
  char *state;       /* a state, "open", or NULL for any */
  char *scale;
  char *route;
  gint64 category_id;
  gint64 grid_id;
  gboolean overdue;  /* open and past the deadline */
  gboolean due_soon; /* open and due within 2 working days */
  char *from;        /* received on or after, YYYY-MM-DD */
  char *to;          /* received on or before, YYYY-MM-DD */
  char *query;       /* full-text: title, content, timeline notes, phone tails */
} YishiIssueFilter;

typedef enum
{
  YISHI_ISSUE_SORT_RECEIVED,
  YISHI_ISSUE_SORT_SERIAL,
  YISHI_ISSUE_SORT_DEADLINE,
  YISHI_ISSUE_SORT_STATE,
  YISHI_ISSUE_SORT_URGENCY,
  YISHI_ISSUE_SORT_CATEGORY,
  YISHI_ISSUE_SORT_CHANNEL,
  YISHI_ISSUE_SORT_TITLE,
  YISHI_ISSUE_SORT_PLACE,
  YISHI_ISSUE_SORT_RESPONSIBLE,
} YishiIssueSort;

#define YISHI_TYPE_ISSUE_LIST (yishi_issue_list_get_type ())

G_DECLARE_FINAL_TYPE (YishiIssueList, yishi_issue_list, YISHI, ISSUE_LIST, GObject)

YishiIssueList *yishi_issue_list_new            (YishiDatabase          *database);
void            yishi_issue_list_set_filter     (YishiIssueList         *self,
                                                 const YishiIssueFilter *filter);
const YishiIssueFilter *yishi_issue_list_get_filter (YishiIssueList     *self);
void            yishi_issue_list_set_sort       (YishiIssueList         *self,
                                                 YishiIssueSort          sort,
                                                 gboolean                descending);
void            yishi_issue_list_refresh        (YishiIssueList         *self);
const GError   *yishi_issue_list_get_error      (YishiIssueList         *self);
guint           yishi_issue_list_find           (YishiIssueList         *self,
                                                 gint64                  id);
guint           yishi_issue_list_get_n_cached_pages (YishiIssueList     *self);

void            yishi_issue_filter_clear        (YishiIssueFilter       *filter);
void            yishi_issue_filter_copy         (YishiIssueFilter       *to,
                                                 const YishiIssueFilter *from);

G_END_DECLS
