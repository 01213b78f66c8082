/* yishi-cli-notice.c — notice three-lists --month YYYY-MM --output FILE.pdf
 *                      notice receipt SERIAL --output FILE.pdf
 *                      notice contact-board --grid NAME --output FILE.pdf
 *                      notice points --year YYYY --quarter Q --output FILE.pdf
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "yishi-database.h"
#include "yishi-notice-contact-board.h"
#include "yishi-notice-points.h"
#include "yishi-notice-receipt.h"
#include "yishi-notice-three-lists.h"
#include "yishi-notice.h"

#include "yishi-cli.h"


static void
print_notice_commands (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: yishi-cli [--database PATH] notice COMMAND [OPTION…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  fprintf (out, "  %-13s %s\n", "three-lists", _("Write the month's three lists (problems, needs, closed) as a PDF"));
  fprintf (out, "  %-13s %s\n", "receipt", _("Write the acceptance receipt of a matter as a PDF"));
  fprintf (out, "  %-13s %s\n", "contact-board",
           _("Write a grid's contact board (its leaders with their phones) as a PDF"));
  fprintf (out, "  %-13s %s\n", "points",
           _("Write the quarter's volunteer points notice as a PDF"));
  fprintf (out, "\n%s\n", _("Run “yishi-cli notice COMMAND --help” for the options of a command."));
}

/* YYYY-MM with a month from 01 to 12 and a year from 2000 to 2999. */
static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  *year = atoi (text);
  *month = atoi (text + 5);
  return *year >= 2000 && *year <= 2999 && *month >= 1 && *month <= 12;
}

static int
notice_three_lists (YishiCliContext  *context,
                    int               argc,
                    char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("notice three-lists — write the month's three lists as a PDF"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title_font = NULL;
  g_autofree char *body_font = NULL;
  int year = 0, month = 0;
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, N_("The month of the lists"), N_("YYYY-MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "title-font", 0, 0, G_OPTION_ARG_STRING, &title_font,
      N_("The font of the title (default: Noto Serif CJK SC Bold)"), N_("FONT") },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &body_font,
      N_("The font of the text (default: Noto Serif CJK SC)"), N_("FONT") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The problems and needs received in the month and the matters "
                                  "closed in it, with people's names and phones masked, for the "
                                  "notice board."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice three-lists takes no arguments"));
  if (month_text == NULL)
    return yishi_cli_usage_error (options, _("notice three-lists needs --month YYYY-MM"));
  if (!parse_month (month_text, &year, &month))
    return yishi_cli_usage_error (options, _("--month must be a month written YYYY-MM, such as 2026-11"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("notice three-lists needs --output FILE"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_notice_three_lists_write (database, year, month, title_font, body_font, output, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return YISHI_CLI_OK;
}

static int
notice_receipt (YishiCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("notice receipt SERIAL — write the acceptance receipt of a matter as a PDF"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title_font = NULL;
  g_autofree char *body_font = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "title-font", 0, 0, G_OPTION_ARG_STRING, &title_font,
      N_("The font of the title (default: Noto Serif CJK SC Bold)"), N_("FONT") },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &body_font,
      N_("The font of the text (default: Noto Serif CJK SC)"), N_("FONT") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("SERIAL is the matter's serial number, such as 2026-0123. The "
                                  "requester's name and phone are masked."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 2 || *argv[1] == '\0')
    return yishi_cli_usage_error (options, _("notice receipt needs exactly one SERIAL"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("notice receipt needs --output FILE"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_notice_receipt_write (database, argv[1], title_font, body_font, output, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return YISHI_CLI_OK;
}

static int
notice_contact_board (YishiCliContext  *context,
                      int               argc,
                      char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("notice contact-board — write a grid's contact board as a PDF"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title_font = NULL;
  g_autofree char *body_font = NULL;
  const GOptionEntry entries[] = {
    { "grid", 'g', 0, G_OPTION_ARG_STRING, &grid, N_("The grid's name, such as 第一网格"),
      N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "title-font", 0, 0, G_OPTION_ARG_STRING, &title_font,
      N_("The font of the title (default: Noto Serif CJK SC Bold)"), N_("FONT") },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &body_font,
      N_("The font of the text (default: Noto Serif CJK SC)"), N_("FONT") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The grid leader, grid workers, building leaders and unit "
                                  "leaders of the grid with their work phones (三长公示). These "
                                  "people publish their names and phones on purpose: nothing is "
                                  "masked."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice contact-board takes no arguments"));
  if (grid == NULL || *g_strstrip (grid) == '\0')
    return yishi_cli_usage_error (options, _("notice contact-board needs --grid NAME"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("notice contact-board needs --output FILE"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_notice_contact_board_write (database, grid, title_font, body_font, output,
                                         &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return YISHI_CLI_OK;
}

static int
notice_points (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("notice points — write the quarter's volunteer points notice as a "
                            "PDF"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title_font = NULL;
  g_autofree char *body_font = NULL;
  int year = 0, quarter = 0;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year, such as 2026"), N_("YYYY") },
    { "quarter", 'q', 0, G_OPTION_ARG_INT, &quarter, N_("The quarter, 1 to 4"), N_("Q") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "title-font", 0, 0, G_OPTION_ARG_STRING, &title_font,
      N_("The font of the title (default: Noto Serif CJK SC Bold)"), N_("FONT") },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &body_font,
      N_("The font of the text (default: Noto Serif CJK SC)"), N_("FONT") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("Points earned and redeemed in the quarter, balances and levels, "
                                  "for the notice board. Names are masked unless the person agreed "
                                  "to be named; no phone or ID number is printed."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice points takes no arguments"));
  if (year == 0 || quarter == 0)
    return yishi_cli_usage_error (options,
                                  _("notice points needs --year YYYY and --quarter Q"));
  if (year < 2000 || year > 2999)
    return yishi_cli_usage_error (options, _("--year must be a year from 2000 to 2999"));
  if (quarter < 1 || quarter > 4)
    return yishi_cli_usage_error (options, _("--quarter must be 1, 2, 3 or 4"));
  if (output == NULL || *output == '\0')
    return yishi_cli_usage_error (options, _("notice points needs --output FILE"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!yishi_notice_points_write (database, year, quarter, title_font, body_font, output,
                                  &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return YISHI_CLI_OK;
}

static const struct
{
  const char *name;
  YishiCliCommand run;
} notice_commands[] = {
  { "three-lists", notice_three_lists },
  { "receipt", notice_receipt },
  { "contact-board", notice_contact_board },
  { "points", notice_points },
};

int
yishi_cli_notice (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr (GPtrArray) rest = NULL;
  const char *command;

  if (argc < 2)
    {
      g_printerr ("yishi-cli: %s\n\n",
                  _("notice needs a command: three-lists, receipt, contact-board or points"));
      print_notice_commands (stderr);
      return YISHI_CLI_USAGE;
    }
  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h"))
    {
      print_notice_commands (stdout);
      return YISHI_CLI_OK;
    }

  /* The command sees "yishi-cli" as its argv[0] and its own options after it. */
  rest = g_ptr_array_new ();
  g_ptr_array_add (rest, argv[0]);
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (rest, argv[i]);
  g_ptr_array_add (rest, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (notice_commands); i++)
    if (g_str_equal (notice_commands[i].name, command))
      {
        int rc = notice_commands[i].run (context, (int)rest->len - 1, (char **)rest->pdata);

        /* The fonts' caches live as long as the process: free them for leak checkers. */
        pango_cairo_font_map_set_default (NULL);
        cairo_debug_reset_static_data ();
        return rc;
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown notice command “%s”"), command);

    g_printerr ("yishi-cli: %s\n\n", message);
    print_notice_commands (stderr);
  }
  return YISHI_CLI_USAGE;
}
