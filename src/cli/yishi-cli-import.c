/* yishi-cli-import.c — import roster FILE [--dry-run] [--rejected OUT.xlsx]
 *
 * Reads the file before the database is opened, so that a file that cannot be read
 * leaves the database as it was (or uncreated).  Prints the format and header found,
 * one line per rejected row, and ends with exactly one line "imported N, rejected M".
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "yishi-community.h"
#include "yishi-roster-import.h"
#include "yishi-sheet.h"

#if __has_include ("yishi-workbook-roster.h")
#include "yishi-workbook-roster.h"
#define HAVE_REJECTED_WORKBOOK 1
#endif

#include "yishi-cli.h"

/* The community's name when an import into a new database has to create it. */
#define DEFAULT_COMMUNITY "社区"

static char *
describe_header (YishiRosterImport *import)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint c = 0; c < yishi_roster_import_get_n_columns (import); c++)
    {
      const char *name = yishi_roster_import_get_column_name (import, c);
      YishiRosterField field = yishi_roster_import_get_mapping (import, c);

      if (*name == '\0' && field == YISHI_ROSTER_FIELD_IGNORE)
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%s → %s", *name ? name : "—", yishi_roster_field_label (field));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
needs_places (YishiRosterImport *import)
{
  GListModel *rows = yishi_roster_import_get_rows (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (YishiRosterRow) row = g_list_model_get_item (rows, i);

      if (yishi_roster_row_get_verdict (row) == YISHI_ROSTER_ROW_NEW &&
          yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A file without its community yet (a new database): places need one to hang from. */
static gboolean
ensure_community (YishiDatabase  *database,
                  const char     *name,
                  GError        **error)
{
  g_autoptr (YishiCommunity) community = yishi_community_load (database, NULL);

  if (community != NULL)
    return TRUE;
  community = yishi_community_new ();
  g_free (community->name);
  community->name = g_strdup (name ? name : DEFAULT_COMMUNITY);
  if (!yishi_community_save (database, community, error))
    return FALSE;
  g_print (_("The database had no community yet: created “%s”."), community->name);
  g_print ("\n");
  return TRUE;
}

/* A dry run against a database that does not exist yet: an empty one in a temporary
 * folder, removed afterwards. */
static YishiDatabase *
open_scratch_database (char   **folder,
                       GError **error)
{
  g_autofree char *path = NULL;

  *folder = g_dir_make_tmp ("yishi-import-XXXXXX", error);
  if (*folder == NULL)
    return NULL;
  path = g_build_filename (*folder, "scratch.db", NULL);
  return yishi_database_open (path, YISHI_DATABASE_OPEN_CREATE, error);
}

static void
remove_scratch (char *folder)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (folder == NULL)
    return;
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);

      g_unlink (child);
    }
  g_rmdir (folder);
  g_free (folder);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static int
import_roster (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("roster FILE — import people from an .xlsx or .csv roster"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiRosterImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rejected_path = NULL;
  g_autofree char *community = NULL;
  g_autofree char *header = NULL;
  g_autofree char *default_path = NULL;
  char *scratch = NULL;
  gboolean dry_run = FALSE;
  gboolean created;
  YishiSheet *sheet;
  GListModel *rows;
  guint imported = 0;
  const char *path;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file and print the verdicts, but write nothing"), NULL },
#ifdef HAVE_REJECTED_WORKBOOK
    { "rejected", 0, 0, G_OPTION_ARG_FILENAME, &rejected_path, N_("Write the rejected rows with their reasons to this .xlsx file"), N_("FILE") },
#endif
    { "community", 0, 0, G_OPTION_ARG_STRING, &community, N_("The community’s name, when the database has none yet (default 社区)"), N_("NAME") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 2)
    return yishi_cli_usage_error (options, _("import roster needs one FILE"));

  /* The file first: nothing is opened, created or written when it cannot be read. */
  sheet = yishi_sheet_read (argv[1], NULL, NULL, NULL, &error);
  if (sheet == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  path = context->database;
  if (path == NULL)
    path = default_path = yishi_database_default_path ();
  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (dry_run && created)
    database = open_scratch_database (&scratch, &error);
  else
    database = yishi_database_open (path, dry_run ? YISHI_DATABASE_OPEN_READ_ONLY
                                                  : YISHI_DATABASE_OPEN_CREATE, &error);
  if (database == NULL)
    {
      yishi_sheet_free (sheet);
      remove_scratch (scratch);
      return yishi_cli_fail (g_steal_pointer (&error));
    }

  import = yishi_roster_import_new (database, sheet, &error);
  if (import == NULL)
    goto fail;

  g_print (_("Format: %s"), yishi_sheet_get_format (yishi_roster_import_get_sheet (import)));
  g_print ("\n");
  header = describe_header (import);
  g_print (_("Header in row %u: %s"), yishi_roster_import_get_header_row (import) + 1, header);
  g_print ("\n");

  if (!yishi_roster_import_analyse (import, NULL, &error))
    goto fail;
  if (!dry_run)
    {
      if (needs_places (import) && !ensure_community (database, community, &error))
        goto fail;
      if (!yishi_roster_import_commit (import, &imported, NULL, &error))
        goto fail;
    }
  else
    imported = yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW);

  rows = yishi_roster_import_get_rows (import);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (YishiRosterRow) row = g_list_model_get_item (rows, i);

      if (yishi_roster_row_get_verdict (row) != YISHI_ROSTER_ROW_REJECTED)
        continue;
      g_print (_("row %u: %s"), yishi_roster_row_get_source_row (row), yishi_roster_row_get_reason (row));
      g_print ("\n");
    }

#ifdef HAVE_REJECTED_WORKBOOK
  if (rejected_path != NULL && !yishi_workbook_rejected_rows_write (import, rejected_path, &error))
    goto fail;
#endif

  g_print (_("already in the registry: %u"), yishi_roster_import_count (import, YISHI_ROSTER_ROW_UNCHANGED));
  g_print ("\n");
  if (dry_run)
    g_print ("%s\n", _("dry run: nothing was written"));
  /* The last line is for scripts (the street office's): the same words in every
   * language, as the help says. */
  g_print ("imported %u, rejected %u\n", imported,
           yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED));
  g_clear_object (&import);
  g_clear_object (&database);
  remove_scratch (scratch);
  return YISHI_CLI_OK;

fail:
  g_clear_object (&import);
  g_clear_object (&database);
  remove_scratch (scratch);
  /* A database this run created for a file it could not import goes again. */
  if (created && !dry_run)
    remove_database (path);
  return yishi_cli_fail (g_steal_pointer (&error));
}

int
yishi_cli_import (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n", _("Usage: yishi-cli import roster FILE [--dry-run] [--rejected FILE.xlsx]"));
      return argc < 2 ? YISHI_CLI_USAGE : YISHI_CLI_OK;
    }
  if (g_str_equal (argv[1], "roster"))
    return import_roster (context, argc - 1, argv + 1);
  {
    g_autofree char *message = g_strdup_printf (_("Unknown import command “%s”"), argv[1]);

    return yishi_cli_usage_error (NULL, message);
  }
}
