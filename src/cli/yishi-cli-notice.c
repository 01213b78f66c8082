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

/* What every notice command takes, and the options of its own. */
typedef struct
{
  char *output;
  char *title_font;
  char *body_font;
  char *text;       /* three-lists: --month; contact-board: --grid */
  const char *serial;
  int year;
  int month;
  int quarter;
} NoticeArgs;

static void
notice_args_clear (NoticeArgs *args)
{
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->title_font, g_free);
  g_clear_pointer (&args->body_font, g_free);
  g_clear_pointer (&args->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NoticeArgs, notice_args_clear)

typedef gboolean (*NoticeWrite) (YishiDatabase     *database,
                                 const NoticeArgs  *args,
                                 GError           **error);

/* Adds the command's own @entries (%NULL for none), then --output and the fonts, and
 * parses the command line. */
static int
parse_notice_options (GOptionContext      *options,
                      const GOptionEntry  *entries,
                      NoticeArgs          *args,
                      int                 *argc,
                      char              ***argv)
{
  const GOptionEntry common[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output, N_("The PDF file to write"), N_("FILE") },
    { "title-font", 0, 0, G_OPTION_ARG_STRING, &args->title_font,
      N_("The font of the title (default: Noto Serif CJK SC Bold)"), N_("FONT") },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &args->body_font,
      N_("The font of the text (default: Noto Serif CJK SC)"), N_("FONT") },
    { NULL }
  };

  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (options, common, GETTEXT_PACKAGE);
  return yishi_cli_parse (options, argc, argv);
}

/* Opens the database read-only, writes the notice and prints where it went. */
static int
write_notice (YishiCliContext   *context,
              const NoticeArgs  *args,
              NoticeWrite        write_pdf)
{
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if (!write_pdf (database, args, &error))
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", args->output);
  return YISHI_CLI_OK;
}

static gboolean
write_three_lists (YishiDatabase     *database,
                   const NoticeArgs  *args,
                   GError           **error)
{
  return yishi_notice_three_lists_write (database, args->year, args->month, args->title_font,
                                         args->body_font, args->output, error);
}

static int
notice_three_lists (YishiCliContext  *context,
                    int               argc,
                    char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("notice three-lists — write the month's three lists as a PDF"));
  g_auto (NoticeArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &args.text, N_("The month of the lists"), N_("YYYY-MM") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The problems and needs received in the month and the matters "
                                  "closed in it, with people's names and phones masked, for the "
                                  "notice board."));
  if ((rc = parse_notice_options (options, entries, &args, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice three-lists takes no arguments"));
  if (args.text == NULL)
    return yishi_cli_usage_error (options, _("notice three-lists needs --month YYYY-MM"));
  if (!parse_month (args.text, &args.year, &args.month))
    return yishi_cli_usage_error (options, _("--month must be a month written YYYY-MM, such as 2026-11"));
  if (args.output == NULL || *args.output == '\0')
    return yishi_cli_usage_error (options, _("notice three-lists needs --output FILE"));
  return write_notice (context, &args, write_three_lists);
}

static gboolean
write_receipt (YishiDatabase     *database,
               const NoticeArgs  *args,
               GError           **error)
{
  return yishi_notice_receipt_write (database, args->serial, args->title_font, args->body_font,
                                     args->output, error);
}

static int
notice_receipt (YishiCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("notice receipt SERIAL — write the acceptance receipt of a matter as a PDF"));
  g_auto (NoticeArgs) args = { 0 };
  int rc;

  g_option_context_set_summary (options,
                                _("SERIAL is the matter's serial number, such as 2026-0123. The "
                                  "requester's name and phone are masked."));
  if ((rc = parse_notice_options (options, NULL, &args, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 2 || *argv[1] == '\0')
    return yishi_cli_usage_error (options, _("notice receipt needs exactly one SERIAL"));
  if (args.output == NULL || *args.output == '\0')
    return yishi_cli_usage_error (options, _("notice receipt needs --output FILE"));
  args.serial = argv[1];
  return write_notice (context, &args, write_receipt);
}

static gboolean
write_contact_board (YishiDatabase     *database,
                     const NoticeArgs  *args,
                     GError           **error)
{
  return yishi_notice_contact_board_write (database, args->text, args->title_font,
                                           args->body_font, args->output, error);
}

static int
notice_contact_board (YishiCliContext  *context,
                      int               argc,
                      char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("notice contact-board — write a grid's contact board as a PDF"));
  g_auto (NoticeArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "grid", 'g', 0, G_OPTION_ARG_STRING, &args.text, N_("The grid's name, such as 第一网格"),
      N_("NAME") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("The grid leader, grid workers, building leaders and unit "
                                  "leaders of the grid with their work phones (三长公示). These "
                                  "people publish their names and phones on purpose: nothing is "
                                  "masked."));
  if ((rc = parse_notice_options (options, entries, &args, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice contact-board takes no arguments"));
  if (args.text == NULL || *g_strstrip (args.text) == '\0')
    return yishi_cli_usage_error (options, _("notice contact-board needs --grid NAME"));
  if (args.output == NULL || *args.output == '\0')
    return yishi_cli_usage_error (options, _("notice contact-board needs --output FILE"));
  return write_notice (context, &args, write_contact_board);
}

static gboolean
write_points (YishiDatabase     *database,
              const NoticeArgs  *args,
              GError           **error)
{
  return yishi_notice_points_write (database, args->year, args->quarter, args->title_font,
                                    args->body_font, args->output, error);
}

static int
notice_points (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("notice points — write the quarter's volunteer points notice as a "
                            "PDF"));
  g_auto (NoticeArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &args.year, N_("The year, such as 2026"), N_("YYYY") },
    { "quarter", 'q', 0, G_OPTION_ARG_INT, &args.quarter, N_("The quarter, 1 to 4"), N_("Q") },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("Points earned and redeemed in the quarter, balances and levels, "
                                  "for the notice board. Names are masked unless the person agreed "
                                  "to be named; no phone or ID number is printed."));
  if ((rc = parse_notice_options (options, entries, &args, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("notice points takes no arguments"));
  if (args.year == 0 || args.quarter == 0)
    return yishi_cli_usage_error (options,
                                  _("notice points needs --year YYYY and --quarter Q"));
  if (args.year < 2000 || args.year > 2999)
    return yishi_cli_usage_error (options, _("--year must be a year from 2000 to 2999"));
  if (args.quarter < 1 || args.quarter > 4)
    return yishi_cli_usage_error (options, _("--quarter must be 1, 2, 3 or 4"));
  if (args.output == NULL || *args.output == '\0')
    return yishi_cli_usage_error (options, _("notice points needs --output FILE"));
  return write_notice (context, &args, write_points);
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
