/* yishi-cli.c — argument handling shared by every subcommand.
 *
 * yishi-cli [--database PATH] COMMAND [OPTIONS…]; exit 0 on success, 1 on error, 2 on
 * a usage mistake.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "yishi-cli.h"

static const struct
{
  const char *name;
  YishiCliCommand run;
  const char *summary;
} commands[] = {
  { "demo", yishi_cli_demo, N_("Write a demo database") },
  { "info", yishi_cli_info, N_("Show the schema version and counts") },
  { "check", yishi_cli_check, N_("Check the database's integrity") },
  { "backup", yishi_cli_backup, N_("Copy the database to a backup file") },
  { "restore", yishi_cli_restore, N_("Replace the data with a backup") },
#ifdef YISHI_CLI_HAVE_LEDGER
  { "ledger", yishi_cli_ledger, N_("Add, search and move matters in the ledger") },
#endif
#ifdef YISHI_CLI_HAVE_NOTICE
  { "notice", yishi_cli_notice, N_("Write a notice-board PDF") },
#endif
#ifdef YISHI_CLI_HAVE_EXPORT
  { "export", yishi_cli_export, N_("Write a workbook") },
#endif
#ifdef YISHI_CLI_HAVE_IMPORT
  { "import", yishi_cli_import, N_("Import a roster from a spreadsheet") },
#endif
#ifdef YISHI_CLI_HAVE_PEOPLE
  { "people", yishi_cli_people, N_("Search the registry's people") },
#endif
};

static void
print_commands (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: yishi-cli [--database PATH] COMMAND [OPTION…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “yishi-cli COMMAND --help” for the options of a command."));
}

int
yishi_cli_usage_error (GOptionContext *options,
                       const char     *message)
{
  g_printerr ("yishi-cli: %s\n", message);
  if (options != NULL)
    {
      g_autofree char *help = g_option_context_get_help (options, TRUE, NULL);

      g_printerr ("\n%s", help);
    }
  return YISHI_CLI_USAGE;
}

int
yishi_cli_fail (GError *error)
{
  g_printerr ("yishi-cli: %s\n", error ? error->message : _("Unknown error"));
  g_clear_error (&error);
  return YISHI_CLI_ERROR;
}

/* Returns: YISHI_CLI_OK, or the exit code for a usage mistake */
int
yishi_cli_parse (GOptionContext   *options,
                 int              *argc,
                 char           ***argv)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, argc, argv, &error))
    return yishi_cli_usage_error (options, error->message);
  return YISHI_CLI_OK;
}

int
yishi_cli_run (int    argc,
               char **argv)
{
  YishiCliContext context = { NULL };
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  const char *command = NULL;
  int i;

  setlocale (LC_ALL, "");
  /* YISHI_LOCALEDIR: translations from the build folder (tests, uninstalled runs). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("YISHI_LOCALEDIR") ? g_getenv ("YISHI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("yishi-cli");

  /* Global options stand before the command. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            return yishi_cli_usage_error (NULL, _("--database needs a file name"));
          context.database = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        context.database = arg + strlen ("--database=");
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_commands (stdout);
          return YISHI_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("yishi-cli %s\n", PACKAGE_VERSION);
          return YISHI_CLI_OK;
        }
      else if (arg[0] == '-')
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option %s"), arg);

          return yishi_cli_usage_error (NULL, message);
        }
      else
        {
          command = arg;
          break;
        }
    }

  if (command == NULL)
    {
      print_commands (stderr);
      return YISHI_CLI_USAGE;
    }

  /* The subcommand sees "yishi-cli COMMAND" as its argv[0]. */
  g_ptr_array_add (rest, argv[0]);
  for (i = i + 1; i < argc; i++)
    g_ptr_array_add (rest, argv[i]);
  g_ptr_array_add (rest, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (commands[c].name, command))
      return commands[c].run (&context, (int)rest->len - 1, (char **)rest->pdata);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), command);

    g_printerr ("yishi-cli: %s\n\n", message);
    print_commands (stderr);
  }
  return YISHI_CLI_USAGE;
}
