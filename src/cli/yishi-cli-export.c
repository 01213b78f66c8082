/* yishi-cli-export.c — export ledger --from YYYY-MM-DD --to YYYY-MM-DD --output FILE.xlsx
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
#include "yishi-workbook-ledger.h"

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
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (output);
      g_autofree char *message = g_strdup_printf (_("“%s” is a folder; give a file name."),
                                                  display);

      return yishi_cli_usage_error (options, message);
    }

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

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: yishi-cli export ledger --from YYYY-MM-DD --to YYYY-MM-DD "
                          "--output FILE.xlsx"));
  fprintf (out, "\n%s\n", _("Workbooks:"));
  fprintf (out, "  %-10s %s\n", "ledger", _("The internal ledger of matters with figures"));
  fprintf (out, "\n%s\n", _("Run “yishi-cli export ledger --help” for the options."));
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

  {
    g_autofree char *message = g_strdup_printf (_("Unknown workbook “%s”"), argv[1]);

    g_printerr ("yishi-cli: %s\n\n", message);
    print_usage (stderr);
  }
  return YISHI_CLI_USAGE;
}
