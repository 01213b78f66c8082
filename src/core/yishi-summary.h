/* yishi-summary.h — figures and latest items shown on each panel's overview.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *today; /* YYYY-MM-DD the figures are for */

  /* Registry */
  gint64 grids;
  gint64 buildings;
  gint64 units;
  gint64 households;
  gint64 people;
  gint64 party_members;
  gint64 volunteers;
  gint64 organisations;

  /* Ledger */
  gint64 issues;
  gint64 issues_open;
  gint64 issues_overdue;
  gint64 issues_due_soon; /* open, due today or within 2 working days */
  gint64 issues_closed_month;

  /* Meetings */
  gint64 meetings;
  gint64 meetings_held_year;
  gint64 meetings_upcoming;
  gint64 agenda_items_year;

  /* Evaluation, for the current calendar year */
  gint64 year_collected;
  gint64 year_closed;
  gint64 year_closed_on_time;
  gint64 year_rated;
  gint64 year_satisfied; /* satisfied + basically satisfied */
  gint64 year_participants;
  double year_volunteer_hours;
} YishiSummary;

typedef struct
{
  char *title;
  char *subtitle;
  char *badge; /* a short state or figure */
  char *style; /* "error", "warning", "accent", "success" or "" */
} YishiSummaryItem;

typedef enum
{
  YISHI_SUMMARY_LATEST_ISSUES,
  YISHI_SUMMARY_OVERDUE_ISSUES,
  YISHI_SUMMARY_UPCOMING_MEETINGS,
  YISHI_SUMMARY_LATEST_MEETINGS,
  YISHI_SUMMARY_GRIDS,
  YISHI_SUMMARY_CATEGORIES_YEAR,
} YishiSummaryList;

YishiSummary *yishi_summary_load       (YishiDatabase     *database,
                                        GError           **error);
void          yishi_summary_free       (YishiSummary      *summary);
double        yishi_summary_rate       (gint64             part,
                                        gint64             whole);
GPtrArray    *yishi_summary_list       (YishiDatabase     *database,
                                        YishiSummaryList   list,
                                        guint              limit,
                                        GError           **error);
void          yishi_summary_item_free  (YishiSummaryItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiSummary, yishi_summary_free)

G_END_DECLS
