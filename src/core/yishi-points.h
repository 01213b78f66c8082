/* yishi-points.h — volunteer points (积分): editable rules and levels, the ledger of
 * entries, balances derived from it (never stored), quarterly standings.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_POINTS_ERROR (yishi_points_error_quark ())

typedef enum
{
  YISHI_POINTS_ERROR_INVALID,        /* absurd hours or points, unknown rule, bad date */
  YISHI_POINTS_ERROR_INSUFFICIENT,   /* a redemption larger than the balance */
  YISHI_POINTS_ERROR_IN_USE,         /* a rule with entries cannot be deleted: deactivate it */
} YishiPointsError;

GQuark yishi_points_error_quark (void);

typedef struct
{
  gint64 id;
  char *name;
  double points_per_hour;
  double max_hours_per_activity; /* 0: no cap */
  gboolean active;
} YishiPointsRule;

typedef struct
{
  gint64 id;
  char *name;
  double threshold;
} YishiPointsLevel;

typedef struct
{
  gint64 id;
  gint64 person_id;
  char *at;          /* UTC ISO-8601 */
  char *kind;        /* earn | redeem | adjust */
  char *rule;        /* rule name or NULL */
  double hours;      /* 0 when not by the hour */
  double points;     /* negative for redemptions */
  char *description;
} YishiPointsEntry;

typedef struct
{
  gint64 person_id;
  char *name;
  gboolean public_name_consent;
  char *grid;
  double earned;     /* in the period */
  double redeemed;   /* in the period, as a positive number */
  double balance;    /* at the period's end, all time */
  char *level;       /* highest level reached by the balance, or NULL */
} YishiPointsStanding;

GPtrArray *yishi_points_list_rules   (YishiDatabase *database, gboolean active_only, GError **error);
/* id 0: new.  Names unique; points_per_hour 0…100; cap 0 (none) or 0.5…24 hours. */
gint64     yishi_points_save_rule    (YishiDatabase *database, const YishiPointsRule *rule, GError **error);
gboolean   yishi_points_delete_rule  (YishiDatabase *database, gint64 id, GError **error);
GPtrArray *yishi_points_list_levels  (YishiDatabase *database, GError **error); /* by threshold */
gint64     yishi_points_save_level   (YishiDatabase *database, const YishiPointsLevel *level, GError **error);
gboolean   yishi_points_delete_level (YishiDatabase *database, gint64 id, GError **error);

/* A service record: points = min (hours, cap) × rule's points per hour (to the
 * hundredth); the entry keeps the hours as given.  The rule must exist and be active,
 * the person be live (not deleted).  @at NULL: now; else UTC ISO-8601 (any zone is
 * converted) or a local date "YYYY-MM-DD" (the start of that day); not in the future,
 * not before 2000.  Hours 0 < h ≤ 24.  Returns the entry id; @points (may be NULL)
 * receives what was credited.  Redeem and adjust take @at the same way. */
gint64     yishi_points_record       (YishiDatabase *database, gint64 person_id, gint64 rule_id,
                                      double hours, const char *description, const char *at,
                                      double *points, GError **error);
/* A redemption of @points (> 0) — refused beyond the balance. */
gint64     yishi_points_redeem       (YishiDatabase *database, gint64 person_id, double points,
                                      const char *description, const char *at, GError **error);
/* A correction of either sign with a required reason. */
gint64     yishi_points_adjust       (YishiDatabase *database, gint64 person_id, double points,
                                      const char *reason, const char *at, GError **error);

double     yishi_points_balance      (YishiDatabase *database, gint64 person_id);
/* YishiPointsEntry of one person, newest first. */
GPtrArray *yishi_points_entries      (YishiDatabase *database, gint64 person_id, GError **error);
/* The level reached by @balance, or NULL (a string owned by nobody: g_free). */
char      *yishi_points_level_for    (YishiDatabase *database, double balance);

/* Standings of a quarter (@year, @quarter 1–4; local dates): everybody live with an entry
 * in the quarter or a positive balance, by balance descending then name.  earned: the
 * quarter's service records; redeemed: its redemptions; corrections count only in the
 * balance, which sums every entry up to the quarter's end.  YishiPointsStanding. */
GPtrArray *yishi_points_quarter      (YishiDatabase *database, int year, int quarter, GError **error);

void       yishi_points_rule_free     (YishiPointsRule *rule);
void       yishi_points_level_free    (YishiPointsLevel *level);
void       yishi_points_entry_free    (YishiPointsEntry *entry);
void       yishi_points_standing_free (YishiPointsStanding *standing);

G_END_DECLS
