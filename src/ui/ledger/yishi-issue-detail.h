/* yishi-issue-detail.h — the pane beside the ledger: one matter, its timeline, its steps.
 *
 * The class is YishiIssueDetailPane: YishiIssueDetail is the core's loaded record.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-issue-store.h"
#include "yishi-step-dialogs.h"

G_BEGIN_DECLS

#define YISHI_TYPE_ISSUE_DETAIL_PANE (yishi_issue_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (YishiIssueDetailPane, yishi_issue_detail_pane, YISHI, ISSUE_DETAIL_PANE, AdwBin)

GtkWidget              *yishi_issue_detail_pane_new          (void);
void                    yishi_issue_detail_pane_set_database (YishiIssueDetailPane *self,
                                                              YishiDatabase        *database);
void                    yishi_issue_detail_pane_show_issue   (YishiIssueDetailPane *self,
                                                              gint64                id);
void                    yishi_issue_detail_pane_reload       (YishiIssueDetailPane *self);
gint64                  yishi_issue_detail_pane_get_issue_id (YishiIssueDetailPane *self);
const YishiIssueDetail *yishi_issue_detail_pane_get_detail   (YishiIssueDetailPane *self);
const char             *yishi_issue_detail_pane_get_serial   (YishiIssueDetailPane *self);
guint                   yishi_issue_detail_pane_get_n_events (YishiIssueDetailPane *self);
char                  **yishi_issue_detail_pane_get_steps    (YishiIssueDetailPane *self);
void                    yishi_issue_detail_pane_focus        (YishiIssueDetailPane *self);
YishiStepDialog        *yishi_issue_detail_pane_begin_step   (YishiIssueDetailPane *self,
                                                              const char           *step);

G_END_DECLS
