/* yishi-registry-party.c — party members (memberships, claimed posts, party-member
 * central households), roles over time with their scope, and the organisations of the
 * area.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-person-check.h"
#include "yishi-registry-private.h"

#include "yishi-registry.h"

#define PARTY_TEXT_MAX 64
#define EMPLOYER_MAX 100
#define POST_DESCRIPTION_MAX 200
#define ORGANISATION_NAME_MAX 100
#define ORGANISATION_ADDRESS_MAX 200
#define ORGANISATION_NOTES_MAX 2000

static gboolean
live_person (YishiDatabase  *database,
             gint64          person_id,
             char          **political_status,
             GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database, "SELECT political_status FROM person"
                            " WHERE id = ? AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The person is not in the registry or was deleted."));
  if (political_status != NULL)
    *political_status = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return TRUE;
}

/* An optional date: NULL or "" is none. */
static gboolean
check_optional_date (const char  *value,
                     const char  *field,
                     GError     **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  return yishi_registry_check_date (value, field, FALSE, error);
}

static void
set_optional_text (YishiValues *values,
                   const char  *column,
                   const char  *value)
{
  if (value != NULL && *value != '\0')
    yishi_values_set_text (values, column, value);
  else
    yishi_values_set_null (values, column);
}

/* Trims @value into a new string and checks it as a single line of text. */
static char *
clean_text (const char  *value,
            const char  *field,
            gsize        max_chars,
            gboolean     required,
            GError     **error)
{
  g_autofree char *clean = yishi_registry_trim (value);

  if (!yishi_registry_check_text (clean, field, max_chars,
                                  required ? YISHI_TEXT_REQUIRED : YISHI_TEXT_OPTIONAL, error))
    return NULL;
  return g_steal_pointer (&clean);
}

/* Party members ------------------------------------------------------------------------ */

/* The person's current membership and its joined date, or 0. */
static gint64
current_membership (YishiDatabase *database,
                    gint64         person_id)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database, "SELECT id FROM party_membership WHERE person_id = ?"
                            " AND end_date IS NULL ORDER BY id DESC LIMIT 1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * yishi_registry_set_membership:
 *
 * Returns: the current membership's id, or 0 with @error set
 */
gint64
yishi_registry_set_membership (YishiDatabase               *database,
                               gint64                       person_id,
                               const YishiMembershipDraft  *draft,
                               GError                     **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *status = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *group = NULL;
  g_autofree char *employer = NULL;
  gboolean in_service;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!live_person (database, person_id, &status, error))
    return 0;
  if (!yishi_registry_enum_has (YISHI_ENUM_PARTY_CATEGORY, draft->category))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                           _("Choose the party member’s category: directly managed, in service, "
                             "floating or retired."));
      return 0;
    }
  in_service = g_str_equal (draft->category, "in_service");
  branch = clean_text (draft->branch, _("The party branch"), PARTY_TEXT_MAX, FALSE, error);
  if (branch == NULL)
    return 0;
  group = clean_text (draft->party_group, _("The party group"), PARTY_TEXT_MAX, FALSE, error);
  if (group == NULL)
    return 0;
  employer = clean_text (in_service ? draft->employer : NULL, _("The employer"), EMPLOYER_MAX,
                         FALSE, error);
  if (employer == NULL)
    return 0;
  if (!check_optional_date (draft->joined_date, _("The date of joining the Party"), error) ||
      (in_service && !check_optional_date (draft->reported_date,
                                           _("The date of reporting to the community"), error)))
    return 0;

  yishi_values_set_text (values, "category", draft->category);
  yishi_values_set_text (values, "branch", branch);
  yishi_values_set_text (values, "party_group", group);
  set_optional_text (values, "joined_date", draft->joined_date);
  yishi_values_set_text (values, "employer", employer);
  set_optional_text (values, "reported_date", in_service ? draft->reported_date : NULL);

  if (!yishi_database_begin (database, error))
    return 0;
  id = current_membership (database, person_id);
  if (id != 0)
    ok = yishi_database_update (database, "party_membership", id, values, error);
  else
    {
      yishi_values_set_int (values, "person_id", person_id);
      id = yishi_database_insert (database, "party_membership", values, error);
      ok = id != 0;
    }
  if (ok && !g_str_equal (status, "party_member") && !g_str_equal (status, "probationary_member"))
    {
      g_autoptr (YishiValues) person = yishi_values_new ();

      yishi_values_set_text (person, "political_status", "party_member");
      ok = yishi_database_update (database, "person", person_id, person, error);
    }
  if (!yishi_registry_finish (database, ok, error))
    return 0;
  return id;
}

/* Checks that @membership_id is a current membership; its joined date in @joined. */
static gboolean
check_current_membership (YishiDatabase  *database,
                          gint64          membership_id,
                          char          **joined,
                          GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database, "SELECT joined_date FROM party_membership"
                            " WHERE id = ? AND end_date IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, membership_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The party membership does not exist or has ended."));
  if (joined != NULL)
    *joined = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return TRUE;
}

gboolean
yishi_registry_end_membership (YishiDatabase  *database,
                               gint64          membership_id,
                               const char     *date,
                               GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *today = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!check_current_membership (database, membership_id, &joined, error))
    return FALSE;
  if (date == NULL || *date == '\0')
    date = today = yishi_clock_today ();
  else if (!yishi_registry_check_date (date, _("The end date"), FALSE, error))
    return FALSE;
  if (joined != NULL && strcmp (date, joined) < 0)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("The end date is before the date of joining."));
  yishi_values_set_text (values, "end_date", date);
  return yishi_database_update (database, "party_membership", membership_id, values, error);
}

/**
 * yishi_registry_add_post_claim:
 * @claimed_date: (nullable): YYYY-MM-DD, %NULL for today
 *
 * Returns: the claim's id, or 0 with @error set
 */
gint64
yishi_registry_add_post_claim (YishiDatabase  *database,
                               gint64          membership_id,
                               const char     *kind,
                               const char     *description,
                               const char     *claimed_date,
                               GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (!check_current_membership (database, membership_id, NULL, error))
    return 0;
  if (!yishi_registry_enum_has (YISHI_ENUM_POST_KIND, kind))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                           _("Choose the kind of post claimed."));
      return 0;
    }
  text = clean_text (description, _("The description of the post"), POST_DESCRIPTION_MAX,
                     FALSE, error);
  if (text == NULL)
    return 0;
  if (claimed_date == NULL || *claimed_date == '\0')
    claimed_date = today = yishi_clock_today ();
  else if (!yishi_registry_check_date (claimed_date, _("The date claimed"), FALSE, error))
    return 0;

  yishi_values_set_int (values, "membership_id", membership_id);
  yishi_values_set_text (values, "kind", kind);
  yishi_values_set_text (values, "description", text);
  yishi_values_set_text (values, "claimed_date", claimed_date);
  return yishi_database_insert (database, "party_post_claim", values, error);
}

gboolean
yishi_registry_remove_post_claim (YishiDatabase  *database,
                                  gint64          claim_id,
                                  GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  stmt = yishi_database_prepare (database, "SELECT 1 FROM party_post_claim WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The claimed post no longer exists."));
  return yishi_database_delete (database, "party_post_claim", claim_id, error);
}

gboolean
yishi_registry_set_party_central (YishiDatabase  *database,
                                  gint64          household_id,
                                  gboolean        central,
                                  GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!yishi_registry_node_is_live (database, YISHI_NODE_HOUSEHOLD, household_id))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The household does not exist or was deleted."));
  yishi_values_set_int (values, "party_central", central ? 1 : 0);
  return yishi_database_update (database, "household", household_id, values, error);
}

/* Roles ---------------------------------------------------------------------------- */

/* The scope a role needs, or YISHI_NODE_COMMUNITY for any. */
static YishiNodeKind
required_scope (const char *role)
{
  if (g_str_equal (role, "grid_leader") || g_str_equal (role, "grid_worker"))
    return YISHI_NODE_GRID;
  if (g_str_equal (role, "building_leader"))
    return YISHI_NODE_BUILDING;
  if (g_str_equal (role, "unit_leader"))
    return YISHI_NODE_UNIT;
  return YISHI_NODE_COMMUNITY;
}

/**
 * yishi_registry_add_role:
 *
 * Returns: the role assignment's id, or 0 with @error set
 */
gint64
yishi_registry_add_role (YishiDatabase  *database,
                         gint64          person_id,
                         const char     *role,
                         YishiNodeKind   scope_kind,
                         gint64          scope_id,
                         const char     *work_phone,
                         const char     *start_date,
                         GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *phone_text = NULL;
  g_autofree char *phone = NULL;
  YishiNodeKind needed;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (!live_person (database, person_id, NULL, error))
    return 0;
  if (!yishi_registry_enum_has (YISHI_ENUM_ROLE, role))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID, _("Choose the role."));
      return 0;
    }
  needed = required_scope (role);
  if (scope_kind > YISHI_NODE_UNIT || (needed != YISHI_NODE_COMMUNITY && scope_kind != needed))
    {
      const char *message;

      switch (needed)
        {
        case YISHI_NODE_GRID: message = _("A grid leader or grid worker serves a grid: choose one."); break;
        case YISHI_NODE_BUILDING: message = _("A building leader serves a building: choose one."); break;
        case YISHI_NODE_UNIT: message = _("A unit leader serves a unit: choose one."); break;
        case YISHI_NODE_COMMUNITY:
        case YISHI_NODE_HOUSEHOLD:
        default: message = _("A role serves the community, a grid, a building or a unit."); break;
        }
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID, message);
      return 0;
    }
  if (scope_kind == YISHI_NODE_COMMUNITY)
    scope_id = 0;
  else if (!yishi_registry_node_is_live (database, scope_kind, scope_id))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("The place the role serves does not exist or was deleted."));
      return 0;
    }

  phone_text = yishi_registry_trim (work_phone);
  if (*phone_text != '\0')
    {
      GError *local = NULL;

      if (!yishi_phone_normalise (phone_text, &phone, &local))
        {
          yishi_registry_take_invalid (error, local);
          return 0;
        }
    }
  if (start_date == NULL || *start_date == '\0')
    start_date = today = yishi_clock_today ();
  else if (!yishi_registry_check_date (start_date, _("The start date"), TRUE, error))
    return 0;

  stmt = yishi_database_prepare (database,
                                 "SELECT 1 FROM role_assignment WHERE person_id = ? AND role = ?"
                                 " AND scope_kind = ? AND scope_id IS ? AND end_date IS NULL",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, yishi_node_kind_to_string (scope_kind), -1, SQLITE_STATIC);
  if (scope_id != 0)
    sqlite3_bind_int64 (stmt, 4, scope_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                           _("The person already holds this role there."));
      return 0;
    }

  yishi_values_set_int (values, "person_id", person_id);
  yishi_values_set_text (values, "role", role);
  yishi_values_set_text (values, "scope_kind", yishi_node_kind_to_string (scope_kind));
  if (scope_id != 0)
    yishi_values_set_int (values, "scope_id", scope_id);
  else
    yishi_values_set_null (values, "scope_id");
  yishi_values_set_text (values, "work_phone", phone ? phone : "");
  yishi_values_set_text (values, "start_date", start_date);
  return yishi_database_insert (database, "role_assignment", values, error);
}

gboolean
yishi_registry_end_role (YishiDatabase  *database,
                         gint64          role_id,
                         const char     *end_date,
                         GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  stmt = yishi_database_prepare (database, "SELECT start_date FROM role_assignment"
                                 " WHERE id = ? AND end_date IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, role_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The role does not exist or has ended already."));
  start = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  if (end_date == NULL || *end_date == '\0')
    end_date = today = yishi_clock_today ();
  else if (!yishi_registry_check_date (end_date, _("The end date"), TRUE, error))
    return FALSE;
  if (strcmp (end_date, start) < 0)
    {
      g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID,
                   _("The end date cannot be before the role began (%s)."), start);
      return FALSE;
    }
  yishi_values_set_text (values, "end_date", end_date);
  return yishi_database_update (database, "role_assignment", role_id, values, error);
}

/* Organisations -------------------------------------------------------------------------- */

void
yishi_organisation_free (YishiOrganisation *organisation)
{
  if (organisation == NULL)
    return;
  g_free (organisation->kind);
  g_free (organisation->name);
  g_free (organisation->contact_name);
  g_free (organisation->contact_phone);
  g_free (organisation->address);
  g_free (organisation->notes);
  g_free (organisation);
}

static gboolean
organisation_exists (YishiDatabase *database,
                     gint64         id)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database, "SELECT 1 FROM organisation WHERE id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * yishi_registry_save_organisation:
 *
 * Returns: the organisation's id, or 0 with @error set
 */
gint64
yishi_registry_save_organisation (YishiDatabase            *database,
                                  const YishiOrganisation  *organisation,
                                  GError                  **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone_text = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  const char *notes;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (organisation != NULL, 0);

  if (organisation->id != 0 && !organisation_exists (database, organisation->id))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("The organisation no longer exists."));
      return 0;
    }
  if (!yishi_registry_enum_has (YISHI_ENUM_ORGANISATION_KIND, organisation->kind))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                           _("Choose what kind of organisation it is."));
      return 0;
    }
  name = clean_text (organisation->name, _("The organisation’s name"), ORGANISATION_NAME_MAX,
                     TRUE, error);
  if (name == NULL)
    return 0;
  contact = clean_text (organisation->contact_name, _("The contact’s name"), 64, FALSE, error);
  if (contact == NULL)
    return 0;
  phone_text = yishi_registry_trim (organisation->contact_phone);
  if (*phone_text != '\0')
    {
      GError *local = NULL;

      if (!yishi_phone_normalise (phone_text, &phone, &local))
        {
          yishi_registry_take_invalid (error, local);
          return 0;
        }
    }
  address = clean_text (organisation->address, _("The address"), ORGANISATION_ADDRESS_MAX,
                        FALSE, error);
  if (address == NULL)
    return 0;
  notes = organisation->notes ? organisation->notes : "";
  if (!yishi_registry_check_text (notes, _("The notes"), ORGANISATION_NOTES_MAX,
                                  YISHI_TEXT_MULTILINE, error))
    return 0;

  yishi_values_set_text (values, "kind", organisation->kind);
  yishi_values_set_text (values, "name", name);
  yishi_values_set_text (values, "contact_name", contact);
  yishi_values_set_text (values, "contact_phone", phone ? phone : "");
  yishi_values_set_text (values, "address", address);
  yishi_values_set_text (values, "notes", notes);
  if (organisation->id == 0)
    return yishi_database_insert (database, "organisation", values, error);
  if (!yishi_database_update (database, "organisation", organisation->id, values, error))
    return 0;
  return organisation->id;
}

gboolean
yishi_registry_delete_organisation (YishiDatabase  *database,
                                    gint64          id,
                                    GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 matters, buildings;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!organisation_exists (database, id))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The organisation no longer exists."));
  stmt = yishi_database_prepare (database,
                                 "SELECT (SELECT count(*) FROM issue WHERE responsible_org_id = ?1),"
                                 " (SELECT count(*) FROM building WHERE property_org_id = ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return yishi_database_set_error (database, error);
  matters = sqlite3_column_int64 (stmt, 0);
  buildings = sqlite3_column_int64 (stmt, 1);
  if (matters > 0 && buildings > 0)
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_IN_USE,
                 _("The organisation cannot be deleted: it is responsible for %d matters and "
                   "manages %d buildings."), (int)matters, (int)buildings);
  else if (matters > 0)
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The organisation cannot be deleted: it is responsible for %d matter.",
                              "The organisation cannot be deleted: it is responsible for %d matters.",
                              (gulong)matters), (int)matters);
  else if (buildings > 0)
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The organisation cannot be deleted: it manages %d building.",
                              "The organisation cannot be deleted: it manages %d buildings.",
                              (gulong)buildings), (int)buildings);
  if (matters > 0 || buildings > 0)
    return FALSE;
  return yishi_database_delete (database, "organisation", id, error);
}

/**
 * yishi_registry_list_organisations:
 * @kind: (nullable): one kind, or %NULL for all
 *
 * Returns: (transfer full) (element-type YishiOrganisation): by kind then name
 */
GPtrArray *
yishi_registry_list_organisations (YishiDatabase  *database,
                                   const char     *kind,
                                   GError        **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT id, kind, name, contact_name, contact_phone, address, notes"
                                 " FROM organisation WHERE ?1 IS NULL OR kind = ?1"
                                 " ORDER BY kind, name, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_organisation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiOrganisation *organisation = g_new0 (YishiOrganisation, 1);

      organisation->id = sqlite3_column_int64 (stmt, 0);
      organisation->kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      organisation->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      organisation->contact_name = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      organisation->contact_phone = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      organisation->address = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      organisation->notes = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (list, organisation);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
