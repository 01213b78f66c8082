/* yishi-registry-people.c — the registry's people: adding, updating, moving house (with
 * history), deleting and restoring, finding by ID number, and everything about one
 * person in a YishiPersonDetail.
 *
 * An ID number is validated (GB 11643) and gives the birth date and gender when they
 * are not typed; one typed differently is kept and flagged.  An ID number is unique in
 * the file, deleted people included (the schema says so): a second registration names
 * the person who has it, so that staff can open or restore them instead.
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
#include "yishi-points.h"
#include "yishi-registry-private.h"

#include "yishi-registry.h"

#define PERSON_NAME_MAX 64
#define PERSON_NOTES_MAX 2000

typedef struct
{
  char *name;
  const char *gender;
  char *birth_date;
  char *id_number;
  char *phone;
  const char *residence_type;
  const char *political_status;
  const char *notes;
} CleanPerson;

static void
clean_person_clear (CleanPerson *clean)
{
  g_free (clean->name);
  g_free (clean->birth_date);
  g_free (clean->id_number);
  g_free (clean->phone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanPerson, clean_person_clear)

static gboolean
person_not_found (GError **error)
{
  return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                              _("The person is not in the registry or was deleted."));
}

/* Whether @id is a person, and whether deleted. */
static gboolean
person_state (YishiDatabase *database,
              gint64         id,
              gboolean      *deleted,
              gint64        *household_id)
{
  g_autoptr (sqlite3_stmt) stmt =
    yishi_database_prepare (database, "SELECT deleted_at IS NOT NULL, coalesce (household_id, 0)"
                            " FROM person WHERE id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (deleted != NULL)
    *deleted = sqlite3_column_int (stmt, 0) != 0;
  if (household_id != NULL)
    *household_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
person_is_live (YishiDatabase *database,
                gint64         id)
{
  gboolean deleted = TRUE;

  return person_state (database, id, &deleted, NULL) && !deleted;
}

/* Refuses an ID number somebody else (live or deleted) has, naming them. */
static gboolean
check_duplicate_id (YishiDatabase  *database,
                    const char     *id_number,
                    gint64          self_id,
                    gint64         *existing_id,
                    GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *place = NULL;
  const char *name;
  gint64 other;

  if (id_number == NULL)
    return TRUE;
  stmt = yishi_database_prepare (database,
                                 "SELECT id, name, deleted_at IS NOT NULL, coalesce (household_id, 0)"
                                 " FROM person WHERE id_number = ? AND id <> ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  other = sqlite3_column_int64 (stmt, 0);
  name = (const char *)sqlite3_column_text (stmt, 1);
  if (existing_id != NULL)
    *existing_id = other;
  if (sqlite3_column_int (stmt, 2))
    {
      g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID,
                   _("This ID number belongs to %s, who was deleted from the registry: restore "
                     "them instead of registering them again."), name);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 3) != 0)
    place = yishi_registry_node_path (database, YISHI_NODE_HOUSEHOLD, sqlite3_column_int64 (stmt, 3));
  if (place != NULL)
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID,
                 _("This ID number is already registered: it belongs to %s, who lives at %s."),
                 name, place);
  else
    g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID,
                 _("This ID number is already registered: it belongs to %s (no home recorded)."),
                 name);
  return FALSE;
}

/* Checks and completes a draft: trimmed name, normalised ID number and phone, the birth
 * date and gender from the ID number when not given, defaults. */
static gboolean
clean_draft (YishiDatabase           *database,
             const YishiPersonDraft  *draft,
             gint64                   self_id,
             gint64                  *existing_id,
             CleanPerson             *clean,
             GError                 **error)
{
  g_autofree char *id_text = NULL;
  g_autofree char *phone_text = NULL;
  g_autofree char *derived_birth = NULL;
  const char *derived_gender = NULL;
  GError *local = NULL;

  clean->name = yishi_registry_trim (draft->name);
  if (!yishi_registry_check_text (clean->name, _("The name"), PERSON_NAME_MAX,
                                  YISHI_TEXT_REQUIRED, error))
    return FALSE;

  id_text = yishi_registry_trim (draft->id_number);
  if (*id_text != '\0' &&
      !yishi_id_number_parse (id_text, &clean->id_number, &derived_birth, &derived_gender, &local))
    return yishi_registry_take_invalid (error, local);

  if (draft->gender != NULL && *draft->gender != '\0')
    {
      if (!yishi_registry_enum_has (YISHI_ENUM_GENDER, draft->gender))
        return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                    _("The gender must be male, female or unknown."));
      clean->gender = draft->gender;
    }
  else
    clean->gender = derived_gender ? derived_gender : "unknown";

  if (draft->birth_date != NULL && *draft->birth_date != '\0')
    {
      if (!yishi_registry_check_date (draft->birth_date, _("The birth date"), FALSE, error))
        return FALSE;
      clean->birth_date = g_strdup (draft->birth_date);
    }
  else
    clean->birth_date = g_steal_pointer (&derived_birth);

  phone_text = yishi_registry_trim (draft->phone);
  if (*phone_text != '\0')
    {
      if (!yishi_phone_normalise (phone_text, &clean->phone, &local))
        return yishi_registry_take_invalid (error, local);
    }
  else
    clean->phone = g_strdup ("");

  clean->residence_type = draft->residence_type ? draft->residence_type : "resident";
  if (!yishi_registry_enum_has (YISHI_ENUM_RESIDENCE_TYPE, clean->residence_type))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("Choose the residence type: registered, resident, floating or "
                                  "tenant."));
  clean->political_status = draft->political_status ? draft->political_status : "masses";
  if (!yishi_registry_enum_has (YISHI_ENUM_POLITICAL_STATUS, clean->political_status))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("The political status is not one of the known ones."));
  clean->notes = draft->notes ? draft->notes : "";
  if (!yishi_registry_check_text (clean->notes, _("The notes"), PERSON_NOTES_MAX,
                                  YISHI_TEXT_MULTILINE, error))
    return FALSE;

  return check_duplicate_id (database, clean->id_number, self_id, existing_id, error);
}

static void
set_fields (YishiValues       *values,
            const CleanPerson *clean,
            gboolean           consent)
{
  yishi_values_set_text (values, "name", clean->name);
  yishi_values_set_text (values, "gender", clean->gender);
  yishi_values_set_text (values, "birth_date", clean->birth_date);
  yishi_values_set_text (values, "id_number", clean->id_number);
  yishi_values_set_text (values, "phone", clean->phone);
  yishi_values_set_text (values, "residence_type", clean->residence_type);
  yishi_values_set_text (values, "political_status", clean->political_status);
  yishi_values_set_text (values, "notes", clean->notes);
  yishi_values_set_int (values, "public_name_consent", consent ? 1 : 0);
}

static gboolean
start_residence (YishiDatabase  *database,
                 gint64          person_id,
                 gint64          household_id,
                 const char     *date,
                 GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();

  yishi_values_set_int (values, "person_id", person_id);
  yishi_values_set_int (values, "household_id", household_id);
  yishi_values_set_text (values, "start_date", date);
  return yishi_database_insert (database, "residence", values, error) != 0;
}

/**
 * yishi_registry_add_person:
 * @existing_id: (out) (optional): who already has the ID number
 *
 * Returns: the new person's id, or 0 with @error set
 */
gint64
yishi_registry_add_person (YishiDatabase           *database,
                           const YishiPersonDraft  *draft,
                           gint64                  *existing_id,
                           GError                 **error)
{
  g_auto (CleanPerson) clean = { NULL, };
  g_autoptr (YishiValues) values = yishi_values_new ();
  g_autofree char *today = NULL;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (existing_id != NULL)
    *existing_id = 0;
  if (!clean_draft (database, draft, 0, existing_id, &clean, error))
    return 0;
  if (draft->household_id != 0 &&
      !yishi_registry_node_is_live (database, YISHI_NODE_HOUSEHOLD, draft->household_id))
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("The household does not exist or was deleted."));
      return 0;
    }

  set_fields (values, &clean, draft->public_name_consent);
  if (draft->household_id != 0)
    yishi_values_set_int (values, "household_id", draft->household_id);

  if (!yishi_database_begin (database, error))
    return 0;
  id = yishi_database_insert (database, "person", values, error);
  if (id != 0 && draft->household_id != 0)
    {
      today = yishi_clock_today ();
      if (!start_residence (database, id, draft->household_id, today, error))
        id = 0;
    }
  if (!yishi_registry_finish (database, id != 0, error))
    return 0;
  return id;
}

gboolean
yishi_registry_update_person (YishiDatabase           *database,
                              gint64                   id,
                              const YishiPersonDraft  *draft,
                              gint64                  *existing_id,
                              GError                 **error)
{
  g_auto (CleanPerson) clean = { NULL, };
  g_autoptr (YishiValues) values = yishi_values_new ();

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (existing_id != NULL)
    *existing_id = 0;
  if (!person_is_live (database, id))
    return person_not_found (error);
  if (!clean_draft (database, draft, id, existing_id, &clean, error))
    return FALSE;

  set_fields (values, &clean, draft->public_name_consent);
  return yishi_database_update (database, "person", id, values, error);
}

gboolean
yishi_registry_move_person (YishiDatabase  *database,
                            gint64          id,
                            gint64          household_id,
                            const char     *date,
                            GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (YishiValues) person = yishi_values_new ();
  g_autofree char *today = NULL;
  g_autofree char *open_start = NULL;
  gint64 current = 0, open_id = 0;
  gboolean deleted = TRUE;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!person_state (database, id, &deleted, &current) || deleted)
    return person_not_found (error);
  if (date == NULL || *date == '\0')
    date = today = yishi_clock_today ();
  else if (!yishi_registry_check_date (date, _("The date of the move"), TRUE, error))
    return FALSE;
  if (household_id != 0 && !yishi_registry_node_is_live (database, YISHI_NODE_HOUSEHOLD, household_id))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The household does not exist or was deleted."));
  if (household_id == current)
    return TRUE;

  stmt = yishi_database_prepare (database,
                                 "SELECT id, start_date FROM residence WHERE person_id = ?"
                                 " AND end_date IS NULL ORDER BY start_date DESC, id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      open_id = sqlite3_column_int64 (stmt, 0);
      open_start = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  if (open_start != NULL && strcmp (date, open_start) < 0)
    {
      g_set_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID,
                   _("The move cannot be before the person moved in to the current home (%s)."),
                   open_start);
      return FALSE;
    }

  if (!yishi_database_begin (database, error))
    return FALSE;
  ok = TRUE;
  if (open_id != 0)
    {
      g_autoptr (YishiValues) ended = yishi_values_new ();

      yishi_values_set_text (ended, "end_date", date);
      ok = yishi_database_update (database, "residence", open_id, ended, error);
    }
  if (ok && household_id != 0)
    ok = start_residence (database, id, household_id, date, error);
  if (household_id != 0)
    yishi_values_set_int (person, "household_id", household_id);
  else
    yishi_values_set_null (person, "household_id");
  ok = ok && yishi_database_update (database, "person", id, person, error);
  return yishi_registry_finish (database, ok, error);
}

/**
 * yishi_registry_delete_person:
 *
 * Returns: (transfer full): the batch token for yishi_registry_undelete (), or %NULL
 */
char *
yishi_registry_delete_person (YishiDatabase  *database,
                              gint64          id,
                              GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  if (!person_is_live (database, id))
    {
      person_not_found (error);
      return NULL;
    }
  return yishi_registry_hide_row (database, "person", id, error);
}

gboolean
yishi_registry_restore_person (YishiDatabase  *database,
                               gint64          id,
                               GError        **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();
  gboolean deleted = FALSE;
  gint64 household_id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);

  if (!person_state (database, id, &deleted, &household_id))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                                _("The person is not in the registry."));
  if (!deleted)
    return TRUE;
  if (household_id != 0 && !yishi_registry_node_is_live (database, YISHI_NODE_HOUSEHOLD, household_id))
    return yishi_registry_fail (error, YISHI_REGISTRY_ERROR_INVALID,
                                _("The person’s home is deleted: restore the home first, or "
                                  "undo the deletion that hid them both."));
  yishi_values_set_null (values, "deleted_at");
  yishi_values_set_null (values, "deleted_batch");
  return yishi_database_update (database, "person", id, values, error);
}

gint64
yishi_registry_find_by_id_number (YishiDatabase *database,
                                  const char    *id_number)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);

  if (id_number == NULL || !g_utf8_validate (id_number, -1, NULL))
    return 0;
  for (const char *p = id_number; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00a0)
        continue;
      g_string_append_unichar (clean, g_unichar_toupper (c));
    }
  if (clean->len == 0)
    return 0;
  stmt = yishi_database_prepare (database,
                                 "SELECT id FROM person WHERE id_number = ? AND deleted_at IS NULL",
                                 NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean->str, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Loading -------------------------------------------------------------------------- */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static void
residence_free (YishiResidence *residence)
{
  g_free (residence->place);
  g_free (residence->start_date);
  g_free (residence->end_date);
  g_free (residence);
}

static void
post_claim_free (YishiPostClaim *claim)
{
  g_free (claim->kind);
  g_free (claim->description);
  g_free (claim->claimed_date);
  g_free (claim);
}

static void
membership_free (YishiMembership *membership)
{
  if (membership == NULL)
    return;
  g_free (membership->category);
  g_free (membership->branch);
  g_free (membership->party_group);
  g_free (membership->joined_date);
  g_free (membership->employer);
  g_free (membership->reported_date);
  g_free (membership->end_date);
  g_clear_pointer (&membership->posts, g_ptr_array_unref);
  g_free (membership);
}

static void
role_free (YishiRole *role)
{
  g_free (role->role);
  g_free (role->scope);
  g_free (role->work_phone);
  g_free (role->start_date);
  g_free (role->end_date);
  g_free (role);
}

void
yishi_person_detail_free (YishiPersonDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->uuid);
  g_free (detail->name);
  g_free (detail->gender);
  g_free (detail->birth_date);
  g_free (detail->id_number);
  g_free (detail->phone);
  g_free (detail->residence_type);
  g_free (detail->political_status);
  g_free (detail->notes);
  g_free (detail->place);
  g_free (detail->mismatch);
  g_clear_pointer (&detail->residences, g_ptr_array_unref);
  membership_free (detail->membership);
  g_clear_pointer (&detail->roles, g_ptr_array_unref);
  g_free (detail);
}

static gboolean
load_residences (YishiDatabase      *database,
                 YishiPersonDetail  *detail,
                 GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = yishi_database_prepare (database,
                                 "SELECT household_id, start_date, end_date FROM residence"
                                 " WHERE person_id = ? ORDER BY start_date, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiResidence *residence = g_new0 (YishiResidence, 1);

      residence->household_id = sqlite3_column_int64 (stmt, 0);
      residence->place = yishi_registry_node_path (database, YISHI_NODE_HOUSEHOLD,
                                                   residence->household_id);
      residence->start_date = column_dup (stmt, 1);
      residence->end_date = column_dup (stmt, 2);
      g_ptr_array_add (detail->residences, residence);
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}

static gboolean
load_membership (YishiDatabase      *database,
                 YishiPersonDetail  *detail,
                 GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) posts = NULL;
  YishiMembership *membership;
  int rc;

  stmt = yishi_database_prepare (database,
                                 "SELECT id, category, branch, party_group, joined_date, employer,"
                                 " reported_date, end_date FROM party_membership"
                                 " WHERE person_id = ? AND end_date IS NULL ORDER BY id DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  membership = detail->membership = g_new0 (YishiMembership, 1);
  membership->id = sqlite3_column_int64 (stmt, 0);
  membership->category = column_dup (stmt, 1);
  membership->branch = column_dup (stmt, 2);
  membership->party_group = column_dup (stmt, 3);
  membership->joined_date = column_dup (stmt, 4);
  membership->employer = column_dup (stmt, 5);
  membership->reported_date = column_dup (stmt, 6);
  membership->end_date = column_dup (stmt, 7);
  membership->posts = g_ptr_array_new_with_free_func ((GDestroyNotify)post_claim_free);

  posts = yishi_database_prepare (database,
                                  "SELECT id, kind, description, claimed_date FROM party_post_claim"
                                  " WHERE membership_id = ? ORDER BY claimed_date, id",
                                  error);
  if (posts == NULL)
    return FALSE;
  sqlite3_bind_int64 (posts, 1, membership->id);
  while ((rc = sqlite3_step (posts)) == SQLITE_ROW)
    {
      YishiPostClaim *claim = g_new0 (YishiPostClaim, 1);

      claim->id = sqlite3_column_int64 (posts, 0);
      claim->kind = column_dup (posts, 1);
      claim->description = column_dup (posts, 2);
      claim->claimed_date = column_dup (posts, 3);
      g_ptr_array_add (membership->posts, claim);
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}

static YishiNodeKind
kind_from_string (const char *scope_kind)
{
  if (g_strcmp0 (scope_kind, "grid") == 0)
    return YISHI_NODE_GRID;
  if (g_strcmp0 (scope_kind, "building") == 0)
    return YISHI_NODE_BUILDING;
  if (g_strcmp0 (scope_kind, "unit") == 0)
    return YISHI_NODE_UNIT;
  return YISHI_NODE_COMMUNITY;
}

static gboolean
load_roles (YishiDatabase      *database,
            YishiPersonDetail  *detail,
            GError            **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = yishi_database_prepare (database,
                                 "SELECT id, role, scope_kind, coalesce (scope_id, 0), work_phone,"
                                 " start_date, end_date FROM role_assignment WHERE person_id = ?"
                                 " ORDER BY end_date IS NOT NULL, end_date DESC, start_date DESC, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, detail->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiRole *role = g_new0 (YishiRole, 1);

      role->id = sqlite3_column_int64 (stmt, 0);
      role->role = column_dup (stmt, 1);
      role->scope_kind = kind_from_string ((const char *)sqlite3_column_text (stmt, 2));
      role->scope_id = sqlite3_column_int64 (stmt, 3);
      role->scope = yishi_registry_node_path (database, role->scope_kind, role->scope_id);
      if (role->scope == NULL)
        role->scope = g_strdup ("");
      role->work_phone = column_dup (stmt, 4);
      role->start_date = column_dup (stmt, 5);
      role->end_date = column_dup (stmt, 6);
      g_ptr_array_add (detail->roles, role);
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}

/**
 * yishi_registry_load_person:
 *
 * Deleted people load too (with @deleted set).
 *
 * Returns: (transfer full): the person, or %NULL with YISHI_REGISTRY_ERROR_NOT_FOUND
 */
YishiPersonDetail *
yishi_registry_load_person (YishiDatabase  *database,
                            gint64          id,
                            GError        **error)
{
  g_autoptr (YishiPersonDetail) detail = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT p.id, p.uuid, p.name, p.gender, p.birth_date, p.id_number,"
                                 " p.phone, p.residence_type, p.political_status, p.notes,"
                                 " p.public_name_consent, p.deleted_at IS NOT NULL,"
                                 " coalesce (p.household_id, 0), coalesce (h.party_central, 0)"
                                 " FROM person p LEFT JOIN household h ON h.id = p.household_id"
                                 " WHERE p.id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      yishi_registry_fail (error, YISHI_REGISTRY_ERROR_NOT_FOUND,
                           _("The person is not in the registry."));
      return NULL;
    }

  detail = g_new0 (YishiPersonDetail, 1);
  detail->id = sqlite3_column_int64 (stmt, 0);
  detail->uuid = column_dup (stmt, 1);
  detail->name = column_dup (stmt, 2);
  detail->gender = column_dup (stmt, 3);
  detail->birth_date = column_dup (stmt, 4);
  detail->id_number = column_dup (stmt, 5);
  detail->phone = column_dup (stmt, 6);
  detail->residence_type = column_dup (stmt, 7);
  detail->political_status = column_dup (stmt, 8);
  detail->notes = column_dup (stmt, 9);
  detail->public_name_consent = sqlite3_column_int (stmt, 10) != 0;
  detail->deleted = sqlite3_column_int (stmt, 11) != 0;
  detail->household_id = sqlite3_column_int64 (stmt, 12);
  detail->party_central = sqlite3_column_int (stmt, 13) != 0;
  if (detail->household_id != 0)
    detail->place = yishi_registry_node_path (database, YISHI_NODE_HOUSEHOLD, detail->household_id);
  if (detail->id_number != NULL)
    detail->mismatch = yishi_id_number_mismatch (detail->id_number, detail->birth_date,
                                                 detail->gender);

  detail->residences = g_ptr_array_new_with_free_func ((GDestroyNotify)residence_free);
  detail->roles = g_ptr_array_new_with_free_func ((GDestroyNotify)role_free);
  if (!load_residences (database, detail, error) ||
      !load_membership (database, detail, error) ||
      !load_roles (database, detail, error))
    return NULL;
  detail->points_balance = yishi_points_balance (database, detail->id);
  return g_steal_pointer (&detail);
}
