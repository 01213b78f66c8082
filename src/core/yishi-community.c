/* yishi-community.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-database-private.h"
#include "yishi-validate.h"

#include "yishi-community.h"

YishiCommunity *
yishi_community_new (void)
{
  YishiCommunity *community = g_new0 (YishiCommunity, 1);

  community->name = g_strdup ("");
  community->street_office = g_strdup ("");
  community->district = g_strdup ("");
  community->address = g_strdup ("");
  community->supervision_phone = g_strdup ("");
  return community;
}

void
yishi_community_free (YishiCommunity *community)
{
  if (community == NULL)
    return;
  g_free (community->name);
  g_free (community->street_office);
  g_free (community->district);
  g_free (community->address);
  g_free (community->supervision_phone);
  g_free (community);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

/**
 * yishi_community_load:
 *
 * Returns: (nullable): the first community of the file, or %NULL with no error when the
 *   file has none yet
 */
YishiCommunity *
yishi_community_load (YishiDatabase  *database,
                      GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  YishiCommunity *community;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT id, name, street_office, district, address,"
                                 " supervision_phone FROM community ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }

  community = g_new0 (YishiCommunity, 1);
  community->id = sqlite3_column_int64 (stmt, 0);
  community->name = column_text (stmt, 1);
  community->street_office = column_text (stmt, 2);
  community->district = column_text (stmt, 3);
  community->address = column_text (stmt, 4);
  community->supervision_phone = column_text (stmt, 5);
  return community;
}

/* A mobile number (11 digits from 1[3-9]) or a landline with its area code
 * (010-12345678, 0571-8765432, optionally an extension -123). */
gboolean
yishi_phone_is_valid (const char *phone)
{
  g_autoptr (GRegex) mobile = NULL;
  g_autoptr (GRegex) landline = NULL;

  if (phone == NULL)
    return FALSE;
  mobile = g_regex_new ("^1[3-9][0-9]{9}$", 0, 0, NULL);
  landline = g_regex_new ("^0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,5})?$", 0, 0, NULL);
  return g_regex_match (mobile, phone, 0, NULL) || g_regex_match (landline, phone, 0, NULL);
}

static void
strip_field (char **field)
{
  if (*field == NULL)
    *field = g_strdup ("");
  g_strstrip (*field);
}

gboolean
yishi_community_validate (YishiCommunity  *community,
                          GError         **error)
{
  g_return_val_if_fail (community != NULL, FALSE);

  strip_field (&community->name);
  strip_field (&community->street_office);
  strip_field (&community->district);
  strip_field (&community->address);
  strip_field (&community->supervision_phone);

  if (!yishi_validate_text (community->name, _("The community name"), 64, YISHI_TEXT_REQUIRED, error) ||
      !yishi_validate_text (community->street_office, _("The street office"), 64, 0, error) ||
      !yishi_validate_text (community->district, _("The district"), 64, 0, error) ||
      !yishi_validate_text (community->address, _("The address"), 200, 0, error))
    return FALSE;

  if (*community->supervision_phone != '\0' && !yishi_phone_is_valid (community->supervision_phone))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("The supervision phone must be a mobile number or a landline with its "
                     "area code, such as 010-12345678."));
      return FALSE;
    }
  return TRUE;
}

/* Creates the community when it has no id yet, else updates it. */
gboolean
yishi_community_save (YishiDatabase   *database,
                      YishiCommunity  *community,
                      GError         **error)
{
  g_autoptr (YishiValues) values = yishi_values_new ();

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (community != NULL, FALSE);

  if (!yishi_community_validate (community, error))
    return FALSE;

  yishi_values_set_text (values, "name", community->name);
  yishi_values_set_text (values, "street_office", community->street_office);
  yishi_values_set_text (values, "district", community->district);
  yishi_values_set_text (values, "address", community->address);
  yishi_values_set_text (values, "supervision_phone", community->supervision_phone);

  if (community->id == 0)
    {
      gint64 id = yishi_database_insert (database, "community", values, error);

      if (id == 0)
        return FALSE;
      community->id = id;
      return TRUE;
    }
  return yishi_database_update (database, "community", community->id, values, error);
}
