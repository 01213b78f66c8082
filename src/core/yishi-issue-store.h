/* yishi-issue-store.h — every write to the ledger of matters (议题台账).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_ISSUE_TITLE_MAX 200
#define YISHI_ISSUE_CONTENT_MAX 20000

/* What a worker fills in while the resident is on the phone. */
typedef struct
{
  const char *channel;       /* YISHI_ENUM_CHANNEL */
  const char *received_at;   /* UTC ISO-8601; NULL for now */
  gint64 requester_person_id;
  const char *requester_name;
  const char *requester_phone;
  gboolean anonymous;
  gint64 grid_id;
  gint64 building_id;
  gint64 unit_id;
  const char *place_text;
  const char *kind;          /* problem | need */
  gint64 category_id;        /* 0: none */
  const char *urgency;       /* red | yellow | blue */
  const char *title;
  const char *content;
} YishiIssueDraft;

typedef struct
{
  const char *scale;            /* major | minor | micro */
  const char *route;            /* immediate | community_office | council | street_workstation | transfer */
  const char *responsible_text;
  gint64 responsible_org_id;    /* 0: none */
  const char *deadline;         /* YYYY-MM-DD; NULL keeps the one from the rules */
  const char *note;
} YishiIssueTriage;

typedef struct
{
  char *at;
  char *kind;
  char *actor;
  char *from_state;
  char *to_state;
  char *note;
} YishiIssueEvent;

typedef struct
{
  gint64 id;
  char *serial;
  char *state;
  char *channel;
  char *received_at;
  char *requester_name;
  char *requester_phone;
  gboolean anonymous;
  char *place; /* building / grid / free text */
  char *kind;
  gint64 category_id;
  char *category;
  char *urgency;
  char *title;
  char *content;
  char *scale;
  char *route;
  char *responsible;
  char *deadline;
  char *rejection_reason;
  char *merged_into;
  char *closed_at;
  char *rating; /* latest satisfaction, or NULL */
  gboolean deleted;
  GPtrArray *events;     /* YishiIssueEvent, oldest first */
  GPtrArray *requesters; /* char *, "name phone", everybody to tell */
} YishiIssueDetail;

gint64            yishi_issue_store_add              (YishiDatabase           *database,
                                                      const YishiIssueDraft   *draft,
                                                      char                   **serial,
                                                      GError                 **error);
gboolean          yishi_issue_store_triage           (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const YishiIssueTriage  *triage,
                                                      GError                 **error);
gboolean          yishi_issue_store_step             (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const char              *to_state,
                                                      const char              *note,
                                                      GError                 **error);
gboolean          yishi_issue_store_feedback         (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const char              *rating,
                                                      const char              *unreachable_reason,
                                                      const char              *note,
                                                      GError                 **error);
gboolean          yishi_issue_store_close            (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const char              *note,
                                                      GError                 **error);
gboolean          yishi_issue_store_reject           (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const char              *reason,
                                                      GError                 **error);
gboolean          yishi_issue_store_merge            (YishiDatabase           *database,
                                                      gint64                   id,
                                                      gint64                   into_id,
                                                      GError                 **error);
gboolean          yishi_issue_store_unmerge          (YishiDatabase           *database,
                                                      gint64                   id,
                                                      GError                 **error);
gboolean          yishi_issue_store_add_requester    (YishiDatabase           *database,
                                                      gint64                   id,
                                                      gint64                   person_id,
                                                      const char              *name,
                                                      const char              *phone,
                                                      const char              *note,
                                                      GError                 **error);
gboolean          yishi_issue_store_chase            (YishiDatabase           *database,
                                                      gint64                   id,
                                                      const char              *note,
                                                      GError                 **error);
gboolean          yishi_issue_store_set_deleted      (YishiDatabase           *database,
                                                      gint64                   id,
                                                      gboolean                 deleted,
                                                      GError                 **error);
gint64            yishi_issue_store_find             (YishiDatabase           *database,
                                                      const char              *serial);
YishiIssueDetail *yishi_issue_store_load             (YishiDatabase           *database,
                                                      gint64                   id,
                                                      GError                 **error);
char             *yishi_issue_store_deadline_for     (YishiDatabase           *database,
                                                      const char              *received_date,
                                                      const char              *urgency,
                                                      const char              *kind,
                                                      GError                 **error);
GArray           *yishi_issue_store_similar          (YishiDatabase           *database,
                                                      gint64                   building_id,
                                                      const char              *text,
                                                      gint64                   exclude_id,
                                                      guint                    limit);
gint64            yishi_issue_store_category_by_name (YishiDatabase           *database,
                                                      const char              *name);

void              yishi_issue_detail_free            (YishiIssueDetail        *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiIssueDetail, yishi_issue_detail_free)

G_END_DECLS
