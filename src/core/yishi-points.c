/* yishi-points.c — volunteer points: rules, levels, the ledger and its standings.
 *
 * A balance is always the sum of a person's entries; nothing else holds it. Each write
 * checks what it is given, then reads what it depends on (the rule, the balance) and
 * writes in one transaction, so that two redemptions cannot both spend the same points;
 * YishiDatabase audits every row and emits "changed" after the commit.
 *
 * Quarters are calendar quarters of the local time zone (Asia/Shanghai in the offices);
 * entries keep UTC, so a quarter's bounds are converted, not the rows.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-person-check.h"
#include "yishi-validate.h"

#include "yishi-points.h"

G_DEFINE_QUARK (yishi-points-error-quark, yishi_points_error)

#define NAME_MAX_CHARS 40
#define TEXT_MAX_CHARS 200
#define POINTS_MAX 100000.0  /* no single entry moves more than this */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID, message);
  return FALSE;
}

/* Hundredths are the finest points go; sums of doubles are rounded back to them. */
static double
round_points (double points)
{
  double rounded = round (points * 100.0) / 100.0;

  return rounded == 0.0 ? 0.0 : rounded; /* no -0 */
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static char *
column_dup_nullable (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return column_dup (stmt, column);
}

/* A copy of @text (NULL: "") without spaces around it, full-width ones too. */
static char *
trimmed (const char *text)
{
  return yishi_text_trim (text, NULL);
}

/* Rules ----------------------------------------------------------------------------- */

void
yishi_points_rule_free (YishiPointsRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->name);
  g_free (rule);
}

void
yishi_points_level_free (YishiPointsLevel *level)
{
  if (level == NULL)
    return;
  g_free (level->name);
  g_free (level);
}

void
yishi_points_entry_free (YishiPointsEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->kind);
  g_free (entry->rule);
  g_free (entry->description);
  g_free (entry);
}

void
yishi_points_standing_free (YishiPointsStanding *standing)
{
  if (standing == NULL)
    return;
  g_free (standing->name);
  g_free (standing->grid);
  g_free (standing->level);
  g_free (standing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPointsRule, yishi_points_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPointsLevel, yishi_points_level_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPointsEntry, yishi_points_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPointsStanding, yishi_points_standing_free)

/**
 * yishi_points_list_rules:
 * @active_only: leave out the rules that were deactivated
 *
 * Returns: (transfer full) (element-type YishiPointsRule) (nullable): the rules by name,
 *   or %NULL with @error set
 */
GPtrArray *
yishi_points_list_rules (YishiDatabase  *database,
                         gboolean        active_only,
                         GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT id, name, points_per_hour,"
                                 " coalesce (max_hours_per_activity, 0), active"
                                 " FROM points_rule WHERE active = 1 OR ?1 = 0"
                                 " ORDER BY name, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only ? 1 : 0);

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_points_rule_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiPointsRule *rule = g_new0 (YishiPointsRule, 1);

      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->name = column_dup (stmt, 1);
      rule->points_per_hour = sqlite3_column_double (stmt, 2);
      rule->max_hours_per_activity = sqlite3_column_double (stmt, 3);
      rule->active = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (rules, rule);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&rules);
}

static gboolean
name_taken (YishiDatabase *database,
            const char    *table,
            const char    *name,
            gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE name = ?1 AND id <> ?2", table);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Inserts (@id 0) or updates the row, then commits the transaction the caller began. */
static gint64
finish_save (YishiDatabase  *database,
             const char     *table,
             gint64          id,
             YishiValues    *values,
             GError        **error)
{
  if (id == 0)
    id = yishi_database_insert (database, table, values, error);
  else if (!yishi_database_update (database, table, id, values, error))
    id = 0;
  if (id == 0)
    {
      yishi_database_rollback (database);
      return 0;
    }
  if (!yishi_database_commit (database, error))
    {
      yishi_database_rollback (database);
      return 0;
    }
  return id;
}

static gboolean
validate_name (const char  *name,
               const char  *field,
               GError     **error)
{
  g_autoptr (GError) local = NULL;

  if (!yishi_validate_text (name, field, NAME_MAX_CHARS, YISHI_TEXT_REQUIRED, &local))
    {
      g_set_error_literal (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID, local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * yishi_points_save_rule:
 * @rule: what to save; @rule->id 0 adds a rule, else changes that one
 *
 * Returns: the rule's id, or 0 with @error set
 */
gint64
yishi_points_save_rule (YishiDatabase          *database,
                        const YishiPointsRule  *rule,
                        GError                **error)
{
  g_autoptr (YishiValues) values = NULL;
  g_autofree char *name = NULL;
  double cap;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (rule != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  name = trimmed (rule->name);
  if (!validate_name (name, _("The rule’s name"), error))
    return 0;
  if (!isfinite (rule->points_per_hour) || rule->points_per_hour < 0 ||
      rule->points_per_hour > 100)
    return invalid (error, _("Points per hour must be from 0 to 100."));
  cap = rule->max_hours_per_activity;
  if (!isfinite (cap) || (cap != 0 && (cap < 0.5 || cap > 24)))
    return invalid (error, _("The most hours counted per activity must be from 0.5 to 24, "
                             "or 0 for no limit."));

  if (!yishi_database_begin (database, error))
    return 0;
  if (name_taken (database, "points_rule", name, rule->id))
    {
      yishi_database_rollback (database);
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("There is already a points rule named “%s”."), name);
      return 0;
    }

  values = yishi_values_new ();
  yishi_values_set_text (values, "name", name);
  yishi_values_set_double (values, "points_per_hour", rule->points_per_hour);
  if (cap > 0)
    yishi_values_set_double (values, "max_hours_per_activity", cap);
  else
    yishi_values_set_null (values, "max_hours_per_activity");
  yishi_values_set_int (values, "active", rule->active ? 1 : 0);
  return finish_save (database, "points_rule", rule->id, values, error);
}

/**
 * yishi_points_delete_rule:
 *
 * Refuses (%YISHI_POINTS_ERROR_IN_USE) a rule that entries were earned by: the ledger
 * keeps them, so the rule can only be deactivated.
 */
gboolean
yishi_points_delete_rule (YishiDatabase  *database,
                          gint64          id,
                          GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 uses;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!yishi_database_begin (database, error))
    return FALSE;
  stmt = yishi_database_prepare (database,
                                 "SELECT count(*) FROM points_entry WHERE rule_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      goto fail;
    }
  uses = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (uses > 0)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_IN_USE,
                   ngettext ("The rule was used by %lld service record, which "
                             "the ledger keeps: deactivate the rule instead of deleting it.",
                             "The rule was used by %lld service records, which "
                             "the ledger keeps: deactivate the rule instead of deleting it.",
                             (gulong)uses),
                   (long long)uses);
      goto fail;
    }
  if (!yishi_database_delete (database, "points_rule", id, error))
    goto fail;
  if (!yishi_database_commit (database, error))
    goto fail;
  return TRUE;

fail:
  yishi_database_rollback (database);
  return FALSE;
}

/* Levels ---------------------------------------------------------------------------- */

/**
 * yishi_points_list_levels:
 *
 * Returns: (transfer full) (element-type YishiPointsLevel) (nullable): the levels by
 *   threshold, lowest first, or %NULL with @error set
 */
GPtrArray *
yishi_points_list_levels (YishiDatabase  *database,
                          GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) levels = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT id, name, threshold FROM points_level"
                                 " ORDER BY threshold, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  levels = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_points_level_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiPointsLevel *level = g_new0 (YishiPointsLevel, 1);

      level->id = sqlite3_column_int64 (stmt, 0);
      level->name = column_dup (stmt, 1);
      level->threshold = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (levels, level);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&levels);
}

/**
 * yishi_points_save_level:
 * @level: @level->id 0 adds a level
 *
 * Names and thresholds are unique; thresholds from 0 to 100,000.
 *
 * Returns: the level's id, or 0 with @error set
 */
gint64
yishi_points_save_level (YishiDatabase           *database,
                         const YishiPointsLevel  *level,
                         GError                 **error)
{
  g_autoptr (YishiValues) values = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  double threshold;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (level != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  name = trimmed (level->name);
  if (!validate_name (name, _("The level’s name"), error))
    return 0;
  threshold = round_points (level->threshold);
  if (!isfinite (level->threshold) || threshold < 0 || threshold > POINTS_MAX)
    return invalid (error, _("A level’s threshold must be from 0 to 100,000 points."));

  if (!yishi_database_begin (database, error))
    return 0;
  if (name_taken (database, "points_level", name, level->id))
    {
      yishi_database_rollback (database);
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("There is already a level named “%s”."), name);
      return 0;
    }
  stmt = yishi_database_prepare (database,
                                 "SELECT name FROM points_level WHERE threshold = ?1 AND id <> ?2",
                                 error);
  if (stmt == NULL)
    {
      yishi_database_rollback (database);
      return 0;
    }
  sqlite3_bind_double (stmt, 1, threshold);
  sqlite3_bind_int64 (stmt, 2, level->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other = column_dup (stmt, 0);

      sqlite3_reset (stmt);
      yishi_database_rollback (database);
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("The level “%s” already starts at %g points."), other, threshold);
      return 0;
    }
  sqlite3_reset (stmt);

  values = yishi_values_new ();
  yishi_values_set_text (values, "name", name);
  yishi_values_set_double (values, "threshold", threshold);
  return finish_save (database, "points_level", level->id, values, error);
}

gboolean
yishi_points_delete_level (YishiDatabase  *database,
                           gint64          id,
                           GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return yishi_database_delete (database, "points_level", id, error);
}

/**
 * yishi_points_level_for:
 *
 * Returns: (transfer full) (nullable): the name of the highest level whose threshold
 *   @balance reaches, or %NULL
 */
char *
yishi_points_level_for (YishiDatabase *database,
                        double         balance)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT name FROM points_level WHERE threshold <= ?"
                                 " ORDER BY threshold DESC LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 1, round_points (balance));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_dup (stmt, 0);
}

/* Entries --------------------------------------------------------------------------- */

static gboolean
check_person (YishiDatabase  *database,
              gint64          person_id,
              GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = yishi_database_prepare (database,
                                 "SELECT 1 FROM person WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return invalid (error, _("The person is not in the registry, or was deleted from it."));
  return TRUE;
}

/* @at as stored ("YYYY-MM-DDTHH:MM:SSZ"): NULL is now, "YYYY-MM-DD" is the start of that
 * local day, else an ISO-8601 time with its zone.  Not in the future nor before 2000. */
static char *
entry_time (const char  *at,
            GError     **error)
{
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();

  if (at == NULL || *at == '\0')
    return yishi_clock_format_utc (now);

  if (strlen (at) == 10 && yishi_validate_date (at, "", NULL))
    {
      g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
      int year = 0, month = 0, day = 0;

      if (sscanf (at, "%4d-%2d-%2d", &year, &month, &day) == 3)
        when = g_date_time_new (tz, year, month, day, 0, 0, 0);
    }
  else
    when = g_date_time_new_from_iso8601 (at, NULL);

  if (when == NULL)
    {
      invalid (error, _("The time of the entry is not a valid time."));
      return NULL;
    }
  if (g_date_time_difference (when, now) > G_TIME_SPAN_HOUR)
    {
      invalid (error, _("The time of the entry is in the future."));
      return NULL;
    }
  if (g_date_time_get_year (when) < 2000)
    {
      invalid (error, _("The time of the entry is before 2000."));
      return NULL;
    }
  return yishi_clock_format_utc (when);
}

static gboolean
validate_text (const char  *text,
               const char  *field,
               YishiTextFlags flags,
               GError     **error)
{
  g_autoptr (GError) local = NULL;

  if (!yishi_validate_text (text, field, TEXT_MAX_CHARS, flags, &local))
    {
      g_set_error_literal (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID, local->message);
      return FALSE;
    }
  return TRUE;
}

static double
balance_of (YishiDatabase  *database,
            gint64          person_id,
            GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = yishi_database_prepare (database,
                                 "SELECT total (points) FROM points_entry WHERE person_id = ?",
                                 error);
  if (stmt == NULL)
    return NAN;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return NAN;
    }
  return round_points (sqlite3_column_double (stmt, 0));
}

static gint64
insert_entry (YishiDatabase  *database,
              gint64          person_id,
              const char     *at,
              const char     *kind,
              gint64          rule_id,
              double          hours,
              double          points,
              const char     *description,
              GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *text = trimmed (description);

  yishi_values_set_int (values, "person_id", person_id);
  yishi_values_set_text (values, "at", at);
  yishi_values_set_text (values, "kind", kind);
  if (rule_id != 0)
    yishi_values_set_int (values, "rule_id", rule_id);
  else
    yishi_values_set_null (values, "rule_id");
  if (hours > 0)
    yishi_values_set_double (values, "hours", hours);
  else
    yishi_values_set_null (values, "hours");
  yishi_values_set_double (values, "points", points);
  yishi_values_set_text (values, "description", text);
  return yishi_database_insert (database, "points_entry", values, error);
}

static gint64
commit_entry (YishiDatabase  *database,
              gint64          id,
              GError        **error)
{
  if (id == 0 || !yishi_database_commit (database, error))
    {
      yishi_database_rollback (database);
      return 0;
    }
  return id;
}

/**
 * yishi_points_record:
 * @hours: the hours served, more than 0 and at most 24 (stored as given)
 * @description: (nullable): what was done
 * @at: (nullable): when (UTC ISO-8601, or a local date YYYY-MM-DD); %NULL: now
 * @points: (out) (optional): what was credited
 *
 * Credits min (@hours, the rule's cap) × the rule's points per hour; the rule must exist
 * and be active, the person be live in the registry.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
yishi_points_record (YishiDatabase  *database,
                     gint64          person_id,
                     gint64          rule_id,
                     double          hours,
                     const char     *description,
                     const char     *at,
                     double         *points,
                     GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;
  double rate, cap, credited;
  gboolean active;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!isfinite (hours) || hours <= 0 || hours > 24)
    {
      if (isfinite (hours))
        g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                     _("%g hours of service is not possible: the hours must be more than 0 "
                       "and at most 24."),
                     hours);
      else
        invalid (error, _("The hours of service must be more than 0 and at most 24."));
      return 0;
    }
  if (!validate_text (description, _("The description"), 0, error))
    return 0;
  when = entry_time (at, error);
  if (when == NULL)
    return 0;

  if (!yishi_database_begin (database, error))
    return 0;
  if (!check_person (database, person_id, error))
    goto fail;
  stmt = yishi_database_prepare (database,
                                 "SELECT points_per_hour, coalesce (max_hours_per_activity, 0),"
                                 " active FROM points_rule WHERE id = ?",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      invalid (error, _("The points rule no longer exists."));
      goto fail;
    }
  rate = sqlite3_column_double (stmt, 0);
  cap = sqlite3_column_double (stmt, 1);
  active = sqlite3_column_int (stmt, 2) != 0;
  sqlite3_reset (stmt);
  if (!active)
    {
      invalid (error, _("The points rule is no longer in use: choose an active rule."));
      goto fail;
    }
  credited = round_points ((cap > 0 ? MIN (hours, cap) : hours) * rate);

  id = insert_entry (database, person_id, when, "earn", rule_id, hours, credited, description,
                     error);
  id = commit_entry (database, id, error);
  if (id != 0 && points != NULL)
    *points = credited;
  return id;

fail:
  yishi_database_rollback (database);
  return 0;
}

/**
 * yishi_points_redeem:
 * @points: how many points are spent, more than 0
 *
 * Refused with %YISHI_POINTS_ERROR_INSUFFICIENT beyond the person's balance.
 *
 * Returns: the entry's id (its points are -@points), or 0 with @error set
 */
gint64
yishi_points_redeem (YishiDatabase  *database,
                     gint64          person_id,
                     double          points,
                     const char     *description,
                     const char     *at,
                     GError        **error)
{
  g_autofree char *when = NULL;
  double spent = round_points (points);
  double balance;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!isfinite (points) || spent <= 0 || spent > POINTS_MAX)
    return invalid (error, _("The points redeemed must be more than 0."));
  if (!validate_text (description, _("The description"), 0, error))
    return 0;
  when = entry_time (at, error);
  if (when == NULL)
    return 0;

  if (!yishi_database_begin (database, error))
    return 0;
  if (!check_person (database, person_id, error))
    goto fail;
  balance = balance_of (database, person_id, error);
  if (isnan (balance))
    goto fail;
  if (spent > balance)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INSUFFICIENT,
                   _("Only %g points are available, fewer than the %g to redeem."),
                   balance, spent);
      goto fail;
    }
  id = insert_entry (database, person_id, when, "redeem", 0, 0, -spent, description, error);
  return commit_entry (database, id, error);

fail:
  yishi_database_rollback (database);
  return 0;
}

/**
 * yishi_points_adjust:
 * @points: the correction, of either sign but not 0
 * @reason: why, required
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
yishi_points_adjust (YishiDatabase  *database,
                     gint64          person_id,
                     double          points,
                     const char     *reason,
                     const char     *at,
                     GError        **error)
{
  g_autofree char *when = NULL;
  double correction = round_points (points);
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!isfinite (points) || correction == 0 || fabs (correction) > POINTS_MAX)
    return invalid (error, _("A correction must add or remove some points (at most 100,000)."));
  if (!validate_text (reason, _("The reason for the correction"), YISHI_TEXT_REQUIRED, error))
    return 0;
  when = entry_time (at, error);
  if (when == NULL)
    return 0;

  if (!yishi_database_begin (database, error))
    return 0;
  if (!check_person (database, person_id, error))
    {
      yishi_database_rollback (database);
      return 0;
    }
  id = insert_entry (database, person_id, when, "adjust", 0, 0, correction, reason, error);
  return commit_entry (database, id, error);
}

/**
 * yishi_points_balance:
 *
 * Returns: the sum of the person's entries (0 without entries or on error)
 */
double
yishi_points_balance (YishiDatabase *database,
                      gint64         person_id)
{
  double balance;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  balance = balance_of (database, person_id, NULL);
  return isnan (balance) ? 0 : balance;
}

/**
 * yishi_points_entries:
 *
 * Returns: (transfer full) (element-type YishiPointsEntry) (nullable): the person's
 *   entries, newest first, or %NULL with @error set
 */
GPtrArray *
yishi_points_entries (YishiDatabase  *database,
                      gint64          person_id,
                      GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT e.id, e.person_id, e.at, e.kind, r.name,"
                                 " coalesce (e.hours, 0), e.points, e.description"
                                 " FROM points_entry e LEFT JOIN points_rule r ON r.id = e.rule_id"
                                 " WHERE e.person_id = ? ORDER BY e.at DESC, e.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_points_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiPointsEntry *entry = g_new0 (YishiPointsEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->person_id = sqlite3_column_int64 (stmt, 1);
      entry->at = column_dup (stmt, 2);
      entry->kind = column_dup (stmt, 3);
      entry->rule = column_dup_nullable (stmt, 4);
      entry->hours = sqlite3_column_double (stmt, 5);
      entry->points = sqlite3_column_double (stmt, 6);
      entry->description = column_dup (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Standings ------------------------------------------------------------------------- */

/* The bound as stored text without the zone letter, so that stored times with or
 * without fractions of a second compare correctly (as in yishi-notice-data.c). */
static char *
utc_bound (GDateTime *local)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

/* The highest of @levels (by threshold, lowest first) that @balance reaches. */
static char *
level_in (GPtrArray *levels,
          double     balance)
{
  const char *name = NULL;

  for (guint i = 0; i < levels->len; i++)
    {
      YishiPointsLevel *level = g_ptr_array_index (levels, i);

      if (level->threshold <= balance)
        name = level->name;
    }
  return g_strdup (name);
}

/**
 * yishi_points_quarter:
 * @year: 2000 to 2999
 * @quarter: 1 to 4, in local time
 *
 * Everybody live in the registry with an entry in the quarter or a positive balance at
 * its end: earned is what the service records of the quarter credited, redeemed what
 * its redemptions spent (corrections count only in the balance), the balance sums every
 * entry up to the quarter's end. One grouped query over the ledger.
 *
 * Returns: (transfer full) (element-type YishiPointsStanding) (nullable): by balance
 *   descending, then name; %NULL with @error set
 */
GPtrArray *
yishi_points_quarter (YishiDatabase  *database,
                      int             year,
                      int             quarter,
                      GError        **error)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autoptr (GPtrArray) levels = NULL;
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("%d Q%d is not a quarter from 2000 to 2999."), year, quarter);
      return NULL;
    }
  tz = g_time_zone_new_local ();
  start = g_date_time_new (tz, year, (quarter - 1) * 3 + 1, 1, 0, 0, 0);
  end = start != NULL ? g_date_time_add_months (start, 3) : NULL;
  if (start == NULL || end == NULL)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("%d Q%d is not a quarter from 2000 to 2999."), year, quarter);
      return NULL;
    }
  from = utc_bound (start);
  to = utc_bound (end);

  levels = yishi_points_list_levels (database, error);
  if (levels == NULL)
    return NULL;

  stmt = yishi_database_prepare (database,
                                 "SELECT p.id, p.name, p.public_name_consent, g.name,"
                                 " t.earned, t.redeemed, t.balance"
                                 " FROM (SELECT person_id,"
                                 "   total (CASE WHEN at >= ?1 AND kind = 'earn' THEN points END)"
                                 "     AS earned,"
                                 "   -total (CASE WHEN at >= ?1 AND kind = 'redeem' THEN points END)"
                                 "     AS redeemed,"
                                 "   round (total (points), 2) AS balance,"
                                 "   max (at >= ?1) AS in_quarter"
                                 "   FROM points_entry WHERE at < ?2 GROUP BY person_id) t"
                                 " JOIN person p ON p.id = t.person_id"
                                 " LEFT JOIN grid g ON g.id = p.grid_id"
                                 " WHERE p.deleted_at IS NULL AND (t.in_quarter OR t.balance > 0)"
                                 " ORDER BY t.balance DESC, p.name, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  standings = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_points_standing_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiPointsStanding *standing = g_new0 (YishiPointsStanding, 1);

      standing->person_id = sqlite3_column_int64 (stmt, 0);
      standing->name = column_dup (stmt, 1);
      standing->public_name_consent = sqlite3_column_int (stmt, 2) != 0;
      standing->grid = column_dup_nullable (stmt, 3);
      standing->earned = round_points (sqlite3_column_double (stmt, 4));
      standing->redeemed = round_points (sqlite3_column_double (stmt, 5));
      standing->balance = round_points (sqlite3_column_double (stmt, 6));
      standing->level = level_in (levels, standing->balance);
      g_ptr_array_add (standings, standing);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&standings);
}
