/* yishi-issue.h — one row of the ledger as the list shows it.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YISHI_TYPE_ISSUE (yishi_issue_get_type ())

G_DECLARE_FINAL_TYPE (YishiIssue, yishi_issue, YISHI, ISSUE, GObject)

typedef enum
{
  YISHI_ISSUE_DUE_NONE,    /* closed, or no deadline */
  YISHI_ISSUE_DUE_LATER,
  YISHI_ISSUE_DUE_SOON,    /* today or within 2 working days */
  YISHI_ISSUE_OVERDUE,
} YishiIssueDue;

gint64         yishi_issue_get_id          (YishiIssue *self);
const char    *yishi_issue_get_serial      (YishiIssue *self);
const char    *yishi_issue_get_received    (YishiIssue *self);
const char    *yishi_issue_get_channel     (YishiIssue *self);
const char    *yishi_issue_get_category    (YishiIssue *self);
const char    *yishi_issue_get_title       (YishiIssue *self);
const char    *yishi_issue_get_place       (YishiIssue *self);
const char    *yishi_issue_get_responsible (YishiIssue *self);
const char    *yishi_issue_get_deadline    (YishiIssue *self);
const char    *yishi_issue_get_state       (YishiIssue *self);
const char    *yishi_issue_get_state_label (YishiIssue *self);
const char    *yishi_issue_get_urgency     (YishiIssue *self);
YishiIssueDue  yishi_issue_get_due         (YishiIssue *self);

/* For the list model in src/core. */
YishiIssue    *yishi_issue_new             (gint64      id,
                                            const char *serial,
                                            const char *received,
                                            const char *channel,
                                            const char *category,
                                            const char *title,
                                            const char *place,
                                            const char *responsible,
                                            const char *deadline,
                                            const char *state,
                                            const char *urgency,
                                            YishiIssueDue due);

G_END_DECLS
