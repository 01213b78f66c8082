/* yishi-issue-store.c
 *
 * Each function checks what it is given, then changes the matter, appends its timeline
 * events and re-indexes it for search in one transaction; every row write is audited by
 * YishiDatabase, and "changed::issue" follows the commit. Impossible steps are refused
 * by the state machine (yishi-issue-machine.c) before anything is written.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-calendar.h"
#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-issue-machine.h"
#include "yishi-search.h"
#include "yishi-validate.h"

#include "yishi-issue-store.h"

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
enum_has (YishiEnum   which,
          const char *id)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i].id, id))
      return TRUE;
  return FALSE;
}

static gboolean
row_exists (YishiDatabase *database,
            const char    *table,
            gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
yishi_issue_store_deadline_for (YishiDatabase  *database,
                                const char     *received_date,
                                const char     *urgency,
                                const char     *kind,
                                GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (YishiCalendar) calendar = NULL;
  int days;

  stmt = yishi_database_prepare (database,
                                 "SELECT working_days FROM deadline_rule WHERE urgency = ? AND kind = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, urgency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL; /* no rule: no deadline until triage sets one */
  days = sqlite3_column_int (stmt, 0);

  calendar = yishi_calendar_load (database, error);
  if (calendar == NULL)
    return NULL;
  return yishi_calendar_add_working_days (calendar, received_date, (guint)days);
}

static gboolean
add_event (YishiDatabase  *database,
           gint64          issue_id,
           const char     *kind,
           const char     *from_state,
           const char     *to_state,
           const char     *note,
           GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *now = yishi_clock_now_string ();

  if (!yishi_validate_text (note, _("The note"), 2000, YISHI_TEXT_MULTILINE, error))
    return FALSE;

  yishi_values_set_int (values, "issue_id", issue_id);
  yishi_values_set_text (values, "at", now);
  yishi_values_set_text (values, "kind", kind);
  yishi_values_set_text (values, "actor", yishi_database_get_actor (database));
  yishi_values_set_text (values, "from_state", from_state);
  yishi_values_set_text (values, "to_state", to_state);
  yishi_values_set_text (values, "note", note ? note : "");
  return yishi_database_insert (database, "issue_event", values, error) != 0;
}

static char *
next_serial (YishiDatabase  *database,
             int             year,
             GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  /* Numbers are never reused: the counter only goes up, deleted matters keep theirs. */
  stmt = yishi_database_prepare (database,
                                 "INSERT INTO issue_serial (year, last_number) VALUES (?1, 1)"
                                 " ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1"
                                 " RETURNING last_number",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_strdup_printf ("%04d-%04d", year, sqlite3_column_int (stmt, 0));
}

static gboolean
validate_draft (YishiDatabase          *database,
                const YishiIssueDraft  *draft,
                GError                **error)
{
  if (!enum_has (YISHI_ENUM_CHANNEL, draft->channel))
    return invalid (error, _("Choose how the matter came in (the channel)."));
  if (!enum_has (YISHI_ENUM_ISSUE_KIND, draft->kind))
    return invalid (error, _("Choose whether the matter is a problem or a need."));
  if (!enum_has (YISHI_ENUM_URGENCY, draft->urgency ? draft->urgency : "blue"))
    return invalid (error, _("The urgency must be red, yellow or blue."));
  if (!yishi_validate_text (draft->title, _("The title"), YISHI_ISSUE_TITLE_MAX,
                            YISHI_TEXT_REQUIRED, error) ||
      !yishi_validate_text (draft->content, _("The content"), YISHI_ISSUE_CONTENT_MAX,
                            YISHI_TEXT_MULTILINE, error) ||
      !yishi_validate_text (draft->requester_name, _("The requester’s name"), 64, 0, error) ||
      !yishi_validate_text (draft->place_text, _("The place"), 200, 0, error))
    return FALSE;
  if (draft->requester_phone != NULL && *draft->requester_phone != '\0' &&
      !yishi_phone_is_valid (draft->requester_phone))
    return invalid (error, _("The contact phone must be a mobile number or a landline with its "
                             "area code, such as 010-12345678."));
  if (draft->received_at != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (draft->received_at, NULL);
      g_autoptr (GDateTime) now = yishi_clock_now_utc ();

      if (when == NULL)
        return invalid (error, _("The time received is not a valid time."));
      if (g_date_time_difference (when, now) > G_TIME_SPAN_HOUR)
        return invalid (error, _("The time received is in the future."));
      if (g_date_time_get_year (when) < 2000)
        return invalid (error, _("The time received is too long ago."));
    }
  if (draft->category_id != 0 && !row_exists (database, "category", draft->category_id))
    return invalid (error, _("The category no longer exists."));
  if (draft->requester_person_id != 0 && !row_exists (database, "person", draft->requester_person_id))
    return invalid (error, _("The requester is not in the registry."));
  if (draft->building_id != 0 && !row_exists (database, "building", draft->building_id))
    return invalid (error, _("The building is not in the registry."));
  if (draft->grid_id != 0 && !row_exists (database, "grid", draft->grid_id))
    return invalid (error, _("The grid is not in the registry."));
  if (draft->unit_id != 0 && !row_exists (database, "unit", draft->unit_id))
    return invalid (error, _("The unit is not in the registry."));
  return TRUE;
}

static void
set_optional_id (YishiValues *values,
                 const char  *column,
                 gint64       id)
{
  if (id != 0)
    yishi_values_set_int (values, column, id);
  else
    yishi_values_set_null (values, column);
}

/**
 * yishi_issue_store_add:
 * @serial: (out) (optional): the new matter's serial number, e.g. 2026-0042
 *
 * Files a new matter (受理): a serial number for its year, the deadline from the rules
 * in working days, the first timeline event.
 *
 * Returns: the new matter's id, or 0 with @error set
 */
gint64
yishi_issue_store_add (YishiDatabase          *database,
                       const YishiIssueDraft  *draft,
                       char                  **serial,
                       GError                **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (YishiValues) requester = yishi_values_new ();
  g_autofree char *received = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *name = NULL;
  const char *urgency;
  gint64 id;
  gint64 building_id = draft->building_id;
  gint64 grid_id = draft->grid_id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!validate_draft (database, draft, error))
    return 0;

  urgency = draft->urgency ? draft->urgency : "blue";
  if (draft->received_at != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (draft->received_at, NULL);

      received = yishi_clock_format_utc (when);
    }
  else
    received = yishi_clock_now_string ();
  date = yishi_clock_format_local (received, "%Y-%m-%d");
  name = g_strstrip (g_strdup (draft->anonymous ? "" : draft->requester_name ? draft->requester_name : ""));

  /* Derive the grid from the building when only the building was picked. */
  if (grid_id == 0 && building_id != 0)
    {
      g_autoptr (sqlite3_stmt) stmt =
        yishi_database_prepare (database, "SELECT grid_id FROM building WHERE id = ?", NULL);

      sqlite3_bind_int64 (stmt, 1, building_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        grid_id = sqlite3_column_int64 (stmt, 0);
    }

  if (!yishi_database_begin (database, error))
    return 0;

  number = next_serial (database, atoi (date), error);
  if (number == NULL)
    goto fail;
  deadline = yishi_issue_store_deadline_for (database, date, urgency, draft->kind, NULL);

  yishi_values_set_text (values, "serial", number);
  yishi_values_set_text (values, "channel", draft->channel);
  yishi_values_set_text (values, "received_at", received);
  set_optional_id (values, "requester_person_id", draft->anonymous ? 0 : draft->requester_person_id);
  yishi_values_set_text (values, "requester_name", name);
  yishi_values_set_text (values, "requester_phone", draft->requester_phone ? draft->requester_phone : "");
  yishi_values_set_int (values, "anonymous", draft->anonymous ? 1 : 0);
  set_optional_id (values, "grid_id", grid_id);
  set_optional_id (values, "building_id", building_id);
  set_optional_id (values, "unit_id", draft->unit_id);
  yishi_values_set_text (values, "place_text", draft->place_text ? draft->place_text : "");
  yishi_values_set_text (values, "kind", draft->kind);
  set_optional_id (values, "category_id", draft->category_id);
  yishi_values_set_text (values, "urgency", urgency);
  {
    g_autofree char *title = g_strstrip (g_strdup (draft->title));

    yishi_values_set_text (values, "title", title);
  }
  yishi_values_set_text (values, "content", draft->content ? draft->content : "");
  yishi_values_set_text (values, "deadline", deadline);
  yishi_values_set_text (values, "state", "received");

  id = yishi_database_insert (database, "issue", values, error);
  if (id == 0)
    goto fail;

  yishi_values_set_int (requester, "issue_id", id);
  set_optional_id (requester, "person_id", draft->anonymous ? 0 : draft->requester_person_id);
  yishi_values_set_text (requester, "name", name);
  yishi_values_set_text (requester, "phone", draft->requester_phone ? draft->requester_phone : "");
  if (yishi_database_insert (database, "issue_requester", requester, error) == 0)
    goto fail;

  if (!add_event (database, id, "receive", NULL, "received", NULL, error) ||
      !yishi_search_index_issue (database, id, error) ||
      !yishi_database_commit (database, error))
    goto fail;

  if (serial != NULL)
    *serial = g_steal_pointer (&number);
  return id;

fail:
  yishi_database_rollback (database);
  return 0;
}

/* The state of @id, checked to exist and not to be deleted. */
static char *
current_state (YishiDatabase  *database,
               gint64          id,
               char          **received_date,
               GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database,
                            "SELECT state, received_at, deleted_at IS NOT NULL FROM issue WHERE id = ?",
                            error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 2))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The matter does not exist or was deleted."));
      return NULL;
    }
  if (received_date != NULL)
    *received_date = yishi_clock_format_local ((const char *)sqlite3_column_text (stmt, 1), "%Y-%m-%d");
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Commits when @ok, else rolls back: the end of every store function. */
static gboolean
finish (YishiDatabase  *database,
        gboolean        ok,
        GError        **error)
{
  if (ok && yishi_database_commit (database, error))
    return TRUE;
  yishi_database_rollback (database);
  return FALSE;
}

static gboolean
check_step (const char  *from,
            const char  *to,
            GError     **error)
{
  if (yishi_issue_machine_allows (from, to))
    return TRUE;
  g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
               _("A matter that is “%s” cannot become “%s”."),
               yishi_enum_label (YISHI_ENUM_ISSUE_STATE, from),
               yishi_enum_label (YISHI_ENUM_ISSUE_STATE, to));
  return FALSE;
}

/* Moves @id to @to with @values changed as well, and the timeline event. */
static gboolean
move (YishiDatabase  *database,
      gint64          id,
      const char     *from,
      const char     *to,
      YishiValues    *values,
      const char     *event_kind,
      const char     *note,
      GError        **error)
{
  g_autoptr (YishiValues) changes = values ? NULL : yishi_values_new ();

  if (values == NULL)
    values = changes;
  yishi_values_set_text (values, "state", to);
  if (g_str_equal (from, "closed") || g_str_equal (to, "closed"))
    {
      g_autofree char *now = yishi_clock_now_string ();

      yishi_values_set_text (values, "closed_at", g_str_equal (to, "closed") ? now : NULL);
    }

  if (!yishi_database_update (database, "issue", id, values, error) ||
      !add_event (database, id, event_kind ? event_kind : yishi_issue_machine_event_kind (from, to),
                  from, to, note, error) ||
      !yishi_search_index_issue (database, id, error))
    return FALSE;
  return TRUE;
}

gboolean
yishi_issue_store_triage (YishiDatabase           *database,
                          gint64                   id,
                          const YishiIssueTriage  *triage,
                          GError                 **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *received = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (triage != NULL, FALSE);

  from = current_state (database, id, &received, error);
  if (from == NULL || !check_step (from, "triaged", error))
    return FALSE;

  if (!enum_has (YISHI_ENUM_SCALE, triage->scale))
    return invalid (error, _("Choose the scale: major, minor or micro."));
  if (triage->route == NULL || !enum_has (YISHI_ENUM_ROUTE, triage->route) ||
      g_str_equal (triage->route, "rejected") || g_str_equal (triage->route, "merged"))
    return invalid (error, _("Choose where the matter goes (the route)."));
  if (!yishi_validate_text (triage->responsible_text, _("The responsible party"), 100, 0, error))
    return FALSE;
  if (triage->responsible_org_id != 0 && !row_exists (database, "organisation", triage->responsible_org_id))
    return invalid (error, _("The organisation no longer exists."));
  if (triage->deadline != NULL)
    {
      if (!yishi_validate_date (triage->deadline, _("The deadline"), error))
        return FALSE;
      if (strcmp (triage->deadline, received) < 0)
        return invalid (error, _("The deadline cannot be before the day the matter was received."));
    }

  yishi_values_set_text (values, "scale", triage->scale);
  yishi_values_set_text (values, "route", triage->route);
  yishi_values_set_text (values, "responsible_text", triage->responsible_text ? triage->responsible_text : "");
  set_optional_id (values, "responsible_org_id", triage->responsible_org_id);
  if (triage->deadline != NULL)
    yishi_values_set_text (values, "deadline", triage->deadline);

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 move (database, id, from, "triaged", values, NULL, triage->note, error),
                 error);
}

/**
 * yishi_issue_store_step:
 *
 * The steps that need nothing but a note: dispatch, start work, answer, send to a
 * meeting, publicise, implement, reconsider. Triage, feedback, closing, rejecting and
 * merging have their own functions.
 */
gboolean
yishi_issue_store_step (YishiDatabase  *database,
                        gint64          id,
                        const char     *to_state,
                        const char     *note,
                        GError        **error)
{
  static const char *const own_function[] = { "triaged", "visited", "closed", "rejected", "merged", NULL };
  g_autofree char *from = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!yishi_issue_state_is_valid (to_state))
    return invalid (error, _("There is no such state."));
  from = current_state (database, id, NULL, error);
  if (from == NULL || !check_step (from, to_state, error))
    return FALSE;
  if (g_strv_contains (own_function, to_state))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("“%s” needs more than a note; use its own action."),
                   yishi_enum_label (YISHI_ENUM_ISSUE_STATE, to_state));
      return FALSE;
    }

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 move (database, id, from, to_state, NULL, NULL, note, error),
                 error);
}

/**
 * yishi_issue_store_feedback:
 * @rating: (nullable): satisfied, basically_satisfied, not_quite_satisfied or
 *   dissatisfied; %NULL when the requester could not be reached
 * @unreachable_reason: (nullable): why nobody could be asked (needed without @rating)
 *
 * Records the follow-up visit (回访). An answered matter becomes followed up; one whose
 * requester is not quite satisfied or dissatisfied is reopened at once.
 */
gboolean
yishi_issue_store_feedback (YishiDatabase  *database,
                            gint64          id,
                            const char     *rating,
                            const char     *unreachable_reason,
                            const char     *note,
                            GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *from = NULL;
  g_autofree char *now = yishi_clock_now_string ();
  gboolean unhappy;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  from = current_state (database, id, NULL, error);
  if (from == NULL || !check_step (from, "visited", error))
    return FALSE;
  if (rating != NULL && !enum_has (YISHI_ENUM_SATISFACTION, rating))
    return invalid (error, _("The satisfaction must be satisfied, basically satisfied, not quite "
                             "satisfied or dissatisfied."));
  if (rating == NULL &&
      !yishi_validate_text (unreachable_reason, _("The reason the requester could not be reached"), 500,
                            YISHI_TEXT_REQUIRED, NULL))
    return invalid (error, _("Record how satisfied the requester is, or why they could not be "
                             "reached."));
  if (!yishi_validate_text (unreachable_reason, _("The reason"), 500, 0, error))
    return FALSE;

  unhappy = rating != NULL && (g_str_equal (rating, "not_quite_satisfied") || g_str_equal (rating, "dissatisfied"));

  yishi_values_set_int (values, "issue_id", id);
  yishi_values_set_text (values, "at", now);
  yishi_values_set_text (values, "rating", rating);
  yishi_values_set_text (values, "unreachable_reason", rating ? "" : unreachable_reason);
  yishi_values_set_text (values, "respondent", "");
  yishi_values_set_text (values, "note", note ? note : "");

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 yishi_database_insert (database, "satisfaction", values, error) != 0 &&
                 move (database, id, from, "visited", NULL, NULL, note, error) &&
                 add_event (database, id, "evaluate", NULL, NULL,
                            rating ? yishi_enum_label (YISHI_ENUM_SATISFACTION, rating)
                                   : unreachable_reason,
                            error) &&
                 (!unhappy || move (database, id, "visited", "in_progress", NULL, "reopen",
                                    _("Reopened: the requester is not satisfied"), error)),
                 error);
}

/* Closing (销号) needs the requester's feedback, or the reason they could not be reached. */
gboolean
yishi_issue_store_close (YishiDatabase  *database,
                         gint64          id,
                         const char     *note,
                         GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *from = NULL;
  gboolean fed_back = FALSE;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  from = current_state (database, id, NULL, error);
  if (from == NULL || !check_step (from, "closed", error))
    return FALSE;

  stmt = yishi_database_prepare (database,
                                 "SELECT rating IN ('satisfied', 'basically_satisfied') OR rating IS NULL"
                                 " FROM satisfaction WHERE issue_id = ? ORDER BY at DESC, id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    fed_back = sqlite3_column_int (stmt, 0) != 0;
  if (!fed_back)
    return invalid (error, _("A matter is closed only after the requester’s feedback has been "
                             "recorded, or the reason they could not be reached."));

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 move (database, id, from, "closed", NULL, NULL, note, error),
                 error);
}

gboolean
yishi_issue_store_reject (YishiDatabase  *database,
                          gint64          id,
                          const char     *reason,
                          GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *from = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  from = current_state (database, id, NULL, error);
  if (from == NULL || !check_step (from, "rejected", error))
    return FALSE;
  if (!yishi_validate_text (reason, _("The reason"), 500, YISHI_TEXT_REQUIRED | YISHI_TEXT_MULTILINE, error))
    return FALSE;

  yishi_values_set_text (values, "route", "rejected");
  yishi_values_set_text (values, "rejection_reason", reason);
  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 move (database, id, from, "rejected", values, NULL, reason, error),
                 error);
}

static char *
serial_of (YishiDatabase *database,
           gint64         id)
{
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (database, "SELECT serial FROM issue WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/**
 * yishi_issue_store_merge:
 *
 * Merges @id into @into_id: @id is closed as merged, and its requesters are added to
 * @into_id's so that everybody who asked hears back. yishi_issue_store_unmerge ()
 * undoes it.
 */
gboolean
yishi_issue_store_merge (YishiDatabase  *database,
                         gint64          id,
                         gint64          into_id,
                         GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (sqlite3_stmt) copy = NULL;
  g_autofree char *from = NULL;
  g_autofree char *target_state = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *target_serial = NULL;
  g_autofree char *note_here = NULL;
  g_autofree char *note_there = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (id == into_id)
    return invalid (error, _("A matter cannot be merged into itself."));
  from = current_state (database, id, NULL, error);
  if (from == NULL || !check_step (from, "merged", error))
    return FALSE;
  target_state = current_state (database, into_id, NULL, error);
  if (target_state == NULL)
    return FALSE;
  if (g_str_equal (target_state, "merged"))
    return invalid (error, _("That matter was itself merged into another; merge into that one."));

  serial = serial_of (database, id);
  target_serial = serial_of (database, into_id);
  note_here = g_strdup_printf (_("Merged into %s"), target_serial);
  note_there = g_strdup_printf (_("%s merged into this matter"), serial);

  yishi_values_set_int (values, "merged_into_id", into_id);
  if (!yishi_database_begin (database, error))
    return FALSE;

  copy = yishi_database_prepare (database,
                                 "SELECT person_id, name, phone FROM issue_requester WHERE issue_id = ?"
                                 " AND from_issue_id IS NULL",
                                 error);
  if (copy == NULL)
    goto fail;
  sqlite3_bind_int64 (copy, 1, id);
  while (sqlite3_step (copy) == SQLITE_ROW)
    {
      g_autoptr (YishiValues) requester = yishi_values_new ();

      yishi_values_set_int (requester, "issue_id", into_id);
      set_optional_id (requester, "person_id", sqlite3_column_int64 (copy, 0));
      yishi_values_set_text (requester, "name", (const char *)sqlite3_column_text (copy, 1));
      yishi_values_set_text (requester, "phone", (const char *)sqlite3_column_text (copy, 2));
      yishi_values_set_int (requester, "from_issue_id", id);
      if (yishi_database_insert (database, "issue_requester", requester, error) == 0)
        goto fail;
    }

  if (!move (database, id, from, "merged", values, NULL, note_here, error) ||
      !add_event (database, into_id, "merge", NULL, NULL, note_there, error) ||
      !yishi_database_commit (database, error))
    goto fail;
  return TRUE;

fail:
  yishi_database_rollback (database);
  return FALSE;
}

gboolean
yishi_issue_store_unmerge (YishiDatabase  *database,
                           gint64          id,
                           GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *from = NULL;
  g_autofree char *back_to = NULL;
  gint64 into_id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  from = current_state (database, id, NULL, error);
  if (from == NULL)
    return FALSE;
  if (!g_str_equal (from, "merged"))
    return invalid (error, _("The matter is not merged."));

  stmt = yishi_database_prepare (database,
                                 "SELECT e.from_state, i.merged_into_id FROM issue_event e JOIN issue i"
                                 " ON i.id = e.issue_id WHERE e.issue_id = ? AND e.kind = 'merge'"
                                 " AND e.to_state = 'merged' ORDER BY e.id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return invalid (error, _("The matter’s timeline does not show how it was merged."));
  back_to = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  into_id = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  yishi_values_set_text (values, "state", back_to);
  yishi_values_set_null (values, "merged_into_id");

  if (!yishi_database_begin (database, error))
    return FALSE;

  stmt = yishi_database_prepare (database,
                                 "SELECT id FROM issue_requester WHERE issue_id = ? AND from_issue_id = ?",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, into_id);
  sqlite3_bind_int64 (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!yishi_database_delete (database, "issue_requester", sqlite3_column_int64 (stmt, 0), error))
      goto fail;

  if (!yishi_database_update (database, "issue", id, values, error) ||
      !add_event (database, id, "note", "merged", back_to, _("Merge undone"), error) ||
      !add_event (database, into_id, "note", NULL, NULL, _("Merge undone"), error) ||
      !yishi_search_index_issue (database, id, error) ||
      !yishi_database_commit (database, error))
    goto fail;
  return TRUE;

fail:
  yishi_database_rollback (database);
  return FALSE;
}

/**
 * yishi_issue_store_add_requester:
 *
 * Another resident asks for a matter that is already in the ledger: they are added to
 * the people to tell, with a note on the timeline, instead of filing it twice.
 */
gboolean
yishi_issue_store_add_requester (YishiDatabase  *database,
                                 gint64          id,
                                 gint64          person_id,
                                 const char     *name,
                                 const char     *phone,
                                 const char     *note,
                                 GError        **error)
{
  g_autoptr (YishiValues) requester = yishi_values_new ();
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  state = current_state (database, id, NULL, error);
  if (state == NULL)
    return FALSE;
  if (!yishi_issue_state_is_open (state))
    return invalid (error, _("The matter is no longer open; file a new one."));
  if (!yishi_validate_text (name, _("The requester’s name"), 64, 0, error))
    return FALSE;
  if (phone != NULL && *phone != '\0' && !yishi_phone_is_valid (phone))
    return invalid (error, _("The contact phone must be a mobile number or a landline with its "
                             "area code, such as 010-12345678."));
  if (person_id != 0 && !row_exists (database, "person", person_id))
    return invalid (error, _("The requester is not in the registry."));

  yishi_values_set_int (requester, "issue_id", id);
  set_optional_id (requester, "person_id", person_id);
  yishi_values_set_text (requester, "name", name ? name : "");
  yishi_values_set_text (requester, "phone", phone ? phone : "");
  text = note && *note ? g_strdup (note) : g_strdup (_("The same matter was raised again"));

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 yishi_database_insert (database, "issue_requester", requester, error) != 0 &&
                 add_event (database, id, "note", NULL, NULL, text, error) &&
                 yishi_search_index_issue (database, id, error),
                 error);
}

/* 督办: a reminder to the responsible party, recorded on the timeline. */
gboolean
yishi_issue_store_chase (YishiDatabase  *database,
                         gint64          id,
                         const char     *note,
                         GError        **error)
{
  g_autofree char *state = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  state = current_state (database, id, NULL, error);
  if (state == NULL)
    return FALSE;
  if (!yishi_issue_state_is_open (state) || g_str_equal (state, "received"))
    return invalid (error, _("Only a matter that is being handled can be chased."));

  if (!yishi_database_begin (database, error))
    return FALSE;
  return finish (database,
                 add_event (database, id, "chase", NULL, NULL, note, error) &&
                 yishi_search_index_issue (database, id, error),
                 error);
}

/* Deleting hides a matter everywhere; undeleting brings it back as it was. */
gboolean
yishi_issue_store_set_deleted (YishiDatabase  *database,
                               gint64          id,
                               gboolean        deleted,
                               GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *now = yishi_clock_now_string ();

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!row_exists (database, "issue", id))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The matter does not exist."));
      return FALSE;
    }
  yishi_values_set_text (values, "deleted_at", deleted ? now : NULL);
  return yishi_database_update (database, "issue", id, values, error);
}

gint64
yishi_issue_store_find (YishiDatabase *database,
                        const char    *serial)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (serial == NULL)
    return 0;
  stmt = yishi_database_prepare (database,
                                 "SELECT id FROM issue WHERE serial = ? AND deleted_at IS NULL", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, serial, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
yishi_issue_store_category_by_name (YishiDatabase *database,
                                    const char    *name)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (name == NULL)
    return 0;
  stmt = yishi_database_prepare (database, "SELECT id FROM category WHERE name = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Detail ---------------------------------------------------------------------------- */

static void
event_free (YishiIssueEvent *event)
{
  g_free (event->at);
  g_free (event->kind);
  g_free (event->actor);
  g_free (event->from_state);
  g_free (event->to_state);
  g_free (event->note);
  g_free (event);
}

void
yishi_issue_detail_free (YishiIssueDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->serial);
  g_free (detail->state);
  g_free (detail->channel);
  g_free (detail->received_at);
  g_free (detail->requester_name);
  g_free (detail->requester_phone);
  g_free (detail->place);
  g_free (detail->kind);
  g_free (detail->category);
  g_free (detail->urgency);
  g_free (detail->title);
  g_free (detail->content);
  g_free (detail->scale);
  g_free (detail->route);
  g_free (detail->responsible);
  g_free (detail->deadline);
  g_free (detail->rejection_reason);
  g_free (detail->merged_into);
  g_free (detail->closed_at);
  g_free (detail->rating);
  g_clear_pointer (&detail->events, g_ptr_array_unref);
  g_clear_pointer (&detail->requesters, g_ptr_array_unref);
  g_free (detail);
}

static char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

YishiIssueDetail *
yishi_issue_store_load (YishiDatabase  *database,
                        gint64          id,
                        GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (YishiIssueDetail) detail = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT i.serial, i.state, i.channel, i.received_at, i.requester_name,"
                                 " i.requester_phone, i.anonymous,"
                                 " coalesce (b.name || coalesce (' ' || u.name, ''), g.name, i.place_text),"
                                 " i.kind, i.category_id, c.name, i.urgency, i.title, i.content, i.scale,"
                                 " i.route, coalesce (nullif (i.responsible_text, ''), o.name), i.deadline,"
                                 " i.rejection_reason, m.serial, i.closed_at,"
                                 " (SELECT coalesce (s.rating, '') FROM satisfaction s WHERE s.issue_id = i.id"
                                 "  ORDER BY s.at DESC, s.id DESC LIMIT 1), i.deleted_at IS NOT NULL"
                                 " FROM issue i LEFT JOIN building b ON b.id = i.building_id"
                                 " LEFT JOIN unit u ON u.id = i.unit_id LEFT JOIN grid g ON g.id = i.grid_id"
                                 " LEFT JOIN category c ON c.id = i.category_id"
                                 " LEFT JOIN organisation o ON o.id = i.responsible_org_id"
                                 " LEFT JOIN issue m ON m.id = i.merged_into_id WHERE i.id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The matter does not exist."));
      return NULL;
    }

  detail = g_new0 (YishiIssueDetail, 1);
  detail->id = id;
  detail->serial = text_or_null (stmt, 0);
  detail->state = text_or_null (stmt, 1);
  detail->channel = text_or_null (stmt, 2);
  detail->received_at = text_or_null (stmt, 3);
  detail->requester_name = text_or_null (stmt, 4);
  detail->requester_phone = text_or_null (stmt, 5);
  detail->anonymous = sqlite3_column_int (stmt, 6);
  detail->place = text_or_null (stmt, 7);
  detail->kind = text_or_null (stmt, 8);
  detail->category_id = sqlite3_column_int64 (stmt, 9);
  detail->category = text_or_null (stmt, 10);
  detail->urgency = text_or_null (stmt, 11);
  detail->title = text_or_null (stmt, 12);
  detail->content = text_or_null (stmt, 13);
  detail->scale = text_or_null (stmt, 14);
  detail->route = text_or_null (stmt, 15);
  detail->responsible = text_or_null (stmt, 16);
  detail->deadline = text_or_null (stmt, 17);
  detail->rejection_reason = text_or_null (stmt, 18);
  detail->merged_into = text_or_null (stmt, 19);
  detail->closed_at = text_or_null (stmt, 20);
  detail->rating = text_or_null (stmt, 21);
  if (detail->rating != NULL && *detail->rating == '\0')
    g_clear_pointer (&detail->rating, g_free);
  detail->deleted = sqlite3_column_int (stmt, 22);
  g_clear_pointer (&stmt, sqlite3_finalize);

  detail->events = g_ptr_array_new_with_free_func ((GDestroyNotify)event_free);
  stmt = yishi_database_prepare (database,
                                 "SELECT at, kind, actor, from_state, to_state, note FROM issue_event"
                                 " WHERE issue_id = ? ORDER BY at, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiIssueEvent *event = g_new0 (YishiIssueEvent, 1);

      event->at = text_or_null (stmt, 0);
      event->kind = text_or_null (stmt, 1);
      event->actor = text_or_null (stmt, 2);
      event->from_state = text_or_null (stmt, 3);
      event->to_state = text_or_null (stmt, 4);
      event->note = text_or_null (stmt, 5);
      g_ptr_array_add (detail->events, event);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  detail->requesters = g_ptr_array_new_with_free_func (g_free);
  stmt = yishi_database_prepare (database,
                                 "SELECT trim (name || ' ' || phone) FROM issue_requester WHERE issue_id = ?"
                                 " ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (detail->requesters, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  return g_steal_pointer (&detail);
}

/**
 * yishi_issue_store_similar:
 *
 * Open matters that may be the same as one being typed: at the same building, or
 * sharing words with @text (best matches first).
 *
 * Returns: (transfer full) (element-type gint64): ids
 */
GArray *
yishi_issue_store_similar (YishiDatabase *database,
                           gint64         building_id,
                           const char    *text,
                           gint64         exclude_id,
                           guint          limit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *words = yishi_search_bigrams (text);
  g_autoptr (GString) match = g_string_new (NULL);
  g_auto (GStrv) tokens = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), ids);

  /* Any shared pair of characters counts; bm25 ranks those sharing more first. */
  tokens = g_strsplit (words, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0' && g_utf8_strlen (tokens[i], -1) >= 2)
      g_string_append_printf (match, "%s\"%s\"", match->len ? " OR " : "", tokens[i]);

  stmt = yishi_database_prepare (database,
                                 "SELECT id FROM ("
                                 " SELECT i.id, 0 AS rank, i.received_at FROM issue i"
                                 "  WHERE ?1 <> 0 AND i.building_id = ?1"
                                 " UNION ALL"
                                 " SELECT f.rowid, bm25 (issue_fts), NULL FROM issue_fts f"
                                 "  WHERE ?2 IS NOT NULL AND issue_fts MATCH ?2"
                                 ") s JOIN issue USING (id)"
                                 " WHERE issue.state NOT IN ('closed', 'rejected', 'merged')"
                                 " AND issue.deleted_at IS NULL AND id <> ?3"
                                 " GROUP BY id ORDER BY min (rank), max (issue.received_at) DESC LIMIT ?4",
                                 NULL);
  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, building_id);
  if (match->len > 0)
    sqlite3_bind_text (stmt, 2, match->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, exclude_id);
  sqlite3_bind_int (stmt, 4, (int)limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}
