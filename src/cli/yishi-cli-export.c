/* yishi-cli-export.c — export ledger --from YYYY-MM-DD --to YYYY-MM-DD --output FILE.xlsx
 *                      export roster --output FILE.xlsx
 *                      export points --year YYYY --quarter Q --output FILE.xlsx
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "yishi-ledger-export.h"
#include "yishi-registry-export.h"
#include "yishi-workbook-ledger.h"
#include "yishi-workbook-points.h"
#include "yishi-workbook-roster.h"

#include "yishi-cli.h"

static void
print_progress (double   fraction,
                gpointer user_data)
{
  int *last = user_data;
  int percent = (int)(fraction * 100.0);

  if (percent == *last)
    return;
  *last = percent;
  fprintf (stderr, "\r%3d%%", percent);
  fflush (stderr);
}

/* A folder given as --output is a usage mistake; returns the exit code or OK. */
static int
check_output (GOptionContext *options,
              const char     *output)
{
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” is a folder; give a file name."),
                                                  display);

      return yishi_cli_usage_error (options, message);
    }
  return YISHI_CLI_OK;
}

static int
export_ledger (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("export ledger — write the internal ledger workbook for a date "
                            "range"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  gboolean show = isatty (STDERR_FILENO);
  gint64 started, rows;
  int last = -1;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First day of receipt, local time"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last day of receipt, local time"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write (.xlsx); replaced if it exists"), N_("FILE") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The ledger is internal: it holds residents' names and "
                                  "phone numbers unmasked. Do not publish it."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("export ledger takes no arguments"));
  if (from == NULL || to == NULL || output == NULL)
    return yishi_cli_usage_error (options,
                                  _("export ledger needs --from YYYY-MM-DD, --to YYYY-MM-DD "
                                    "and --output FILE"));
  if (!yishi_ledger_export_check_range (from, to, &error))
    return yishi_cli_usage_error (options, error->message);
  if ((rc = check_output (options, output)) != YISHI_CLI_OK)
    return rc;

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  started = g_get_monotonic_time ();
  rows = yishi_ledger_export_count (database, from, to, &error);
  if (rows < 0)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_workbook_ledger_write (database, from, to, output,
                                    show ? print_progress : NULL, &last, NULL, &error))
    {
      if (show)
        fprintf (stderr, "\r");
      return yishi_cli_fail (g_steal_pointer (&error));
    }
  if (show)
    fprintf (stderr, "\r");
  g_print (_("Wrote %s: %lld matters in %.1f s\n"), output, (long long)rows,
           (g_get_monotonic_time () - started) / 1e6);
  return YISHI_CLI_OK;
}

static int
export_roster (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("export roster — write the internal roster workbook (people, party "
                            "members, roles)"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean show = isatty (STDERR_FILENO);
  gint64 started, people = 0;
  int last = -1;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write (.xlsx); replaced if it exists"), N_("FILE") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The roster is internal: it holds residents' ID numbers, phone "
                                  "numbers and homes unmasked. Do not publish it."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("export roster takes no arguments"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("export roster needs --output FILE"));
  if ((rc = check_output (options, output)) != YISHI_CLI_OK)
    return rc;

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  started = g_get_monotonic_time ();
  if (!yishi_registry_export_counts (database, &people, NULL, NULL, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_workbook_roster_write (database, output, show ? print_progress : NULL, &last, NULL,
                                    &error))
    {
      if (show)
        fprintf (stderr, "\r");
      return yishi_cli_fail (g_steal_pointer (&error));
    }
  if (show)
    fprintf (stderr, "\r");
  g_print (_("Wrote %s: %lld people in %.1f s\n"), output, (long long)people,
           (g_get_monotonic_time () - started) / 1e6);
  return YISHI_CLI_OK;
}

static int
export_points (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("export points — write the internal points workbook of a quarter"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  int year = 0, quarter = 0;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year, such as 2026"), N_("YYYY") },
    { "quarter", 'q', 0, G_OPTION_ARG_INT, &quarter, N_("The quarter, 1 to 4"), N_("Q") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write (.xlsx); replaced if it exists"), N_("FILE") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("Standings and every points entry of the quarter, with full "
                                  "names: internal. For the notice board use “notice points”."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("export points takes no arguments"));
  if (year == 0 || quarter == 0)
    return yishi_cli_usage_error (options, _("export points needs --year YYYY and --quarter Q"));
  if (year < 2000 || year > 2999)
    return yishi_cli_usage_error (options, _("--year must be a year from 2000 to 2999"));
  if (quarter < 1 || quarter > 4)
    return yishi_cli_usage_error (options, _("--quarter must be 1, 2, 3 or 4"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("export points needs --output FILE"));
  if ((rc = check_output (options, output)) != YISHI_CLI_OK)
    return rc;

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_workbook_points_write (database, year, quarter, output, NULL, NULL, NULL, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return YISHI_CLI_OK;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: yishi-cli export WORKBOOK [OPTION…]"));
  fprintf (out, "\n%s\n", _("Workbooks:"));
  fprintf (out, "  %-10s %s\n", "ledger", _("The internal ledger of matters with figures"));
  fprintf (out, "  %-10s %s\n", "roster",
           _("The internal roster: people, party members and roles"));
  fprintf (out, "  %-10s %s\n", "points", _("The internal points workbook of a quarter"));
  fprintf (out, "\n%s\n", _("Run “yishi-cli export WORKBOOK --help” for the options."));
}

int
yishi_cli_export (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  if (argc < 2)
    {
      g_printerr ("yishi-cli: %s\n\n", _("export needs a workbook name"));
      print_usage (stderr);
      return YISHI_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return YISHI_CLI_OK;
    }
  if (g_str_equal (argv[1], "ledger"))
    return export_ledger (context, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "roster"))
    return export_roster (context, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "points"))
    return export_points (context, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown workbook “%s”"), argv[1]);

    g_printerr ("yishi-cli: %s\n\n", message);
    print_usage (stderr);
  }
  return YISHI_CLI_USAGE;
}
