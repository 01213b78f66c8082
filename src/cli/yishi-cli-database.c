/* yishi-cli-database.c — info, check, backup and restore.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-backups.h"
#include "yishi-community.h"
#include "yishi-database.h"

#include "yishi-cli.h"

YishiDatabase *
yishi_cli_open_database (YishiCliContext  *context,
                         int               flags,
                         GError          **error)
{
  g_autofree char *fallback = NULL;
  const char *path = context->database;

  if (path == NULL)
    path = fallback = yishi_database_default_path ();
  return yishi_database_open (path, flags, error);
}

static const struct
{
  const char *key;
  const char *table;
  const char *label;
} counted[] = {
  { "grids", "grid", N_("Grids") },
  { "buildings", "building", N_("Buildings") },
  { "units", "unit", N_("Units") },
  { "households", "household", N_("Households") },
  { "people", "person", N_("People") },
  { "party_members", "party_membership", N_("Party memberships") },
  { "organisations", "organisation", N_("Organisations") },
  { "issues", "issue", N_("Matters") },
  { "issue_events", "issue_event", N_("Timeline events") },
  { "meetings", "meeting", N_("Meetings") },
  { "agenda_items", "agenda_item", N_("Agenda items") },
  { "points_entries", "points_entry", N_("Points entries") },
  { "audit_rows", "audit_log", N_("Audit log rows") },
};

int
yishi_cli_info (YishiCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("info — show the schema version and counts"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiCommunity) community = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("info takes no arguments"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  community = yishi_community_load (database, NULL);

  if (json)
    {
      g_autoptr (GString) out = g_string_new ("{");

      g_string_append (out, "\"path\":");
      yishi_json_append_string (out, yishi_database_get_path (database));
      g_string_append_printf (out, ",\"schema_version\":%d",
                              yishi_database_get_schema_version (database));
      g_string_append (out, ",\"community\":");
      if (community != NULL)
        yishi_json_append_string (out, community->name);
      else
        g_string_append (out, "null");
      for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
        g_string_append_printf (out, ",\"%s\":%lld", counted[i].key,
                                (long long)yishi_database_count (database, counted[i].table));
      g_string_append (out, "}\n");
      g_print ("%s", out->str);
      return YISHI_CLI_OK;
    }

  g_print ("%s: %s\n", _("File"), yishi_database_get_path (database));
  g_print ("%s: %d\n", _("Schema version"), yishi_database_get_schema_version (database));
  g_print ("%s: %s\n", _("Community"), community ? community->name : _("(none yet)"));
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    g_print ("%s: %lld\n", _(counted[i].label),
             (long long)yishi_database_count (database, counted[i].table));
  return YISHI_CLI_OK;
}

int
yishi_cli_check (YishiCliContext  *context,
                 int               argc,
                 char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("check — check the database's integrity"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  int rc;

  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("check takes no arguments"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  if (!yishi_database_check (database, &report, &error))
    {
      if (report != NULL && *report != '\0')
        g_printerr ("%s", report);
      return yishi_cli_fail (g_steal_pointer (&error));
    }
  g_print ("%s\n", _("The database is sound."));
  return YISHI_CLI_OK;
}

int
yishi_cli_backup (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("backup — copy the database to a backup file"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), N_("FILE") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (output == NULL)
    return yishi_cli_usage_error (options, _("backup needs --output FILE"));
  if (argc > 1)
    return yishi_cli_usage_error (options, _("backup takes no arguments"));
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (output);

      g_printerr ("yishi-cli: ");
      g_printerr (_("“%s” already exists; choose another file name."), display);
      g_printerr ("\n");
      return YISHI_CLI_ERROR;
    }

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_database_backup (database, output, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print (_("Backed up to %s\n"), output);
  return YISHI_CLI_OK;
}

int
yishi_cli_restore (YishiCliContext  *context,
                   int               argc,
                   char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("restore FILE — replace the data with a backup"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *safety = NULL;
  int rc;

  g_option_context_set_summary (options,
                                _("The current data is backed up first, into the backups "
                                  "folder beside the database."));
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 2)
    return yishi_cli_usage_error (options, _("restore needs exactly one backup FILE"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_CREATE, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  folder = yishi_backups_default_folder (yishi_database_get_path (database));
  if (!yishi_database_restore (database, argv[1], folder, &safety, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print (_("Restored from %s; the previous data is in %s\n"), argv[1], safety);
  return YISHI_CLI_OK;
}
