/* yishi-cli-demo.c — demo --scale community|street|district --output FILE [--seed N]
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "yishi-demo.h"

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

int
yishi_cli_demo (YishiCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("demo — write a demo database"));
  g_autoptr (GError) error = NULL;
  g_autofree char *scale_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  gint64 seed = 1;
  YishiDemoScale scale = YISHI_DEMO_SCALE_COMMUNITY;
  gint64 started;
  int last = -1;
  gboolean show = isatty (STDERR_FILENO);
  const GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_STRING, &scale_name,
      N_("community (≈5,000 people), street (≈60,000) or district (≈1,000,000)"), N_("SCALE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The new database file"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The same seed gives the same data (default 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day the data leads up to (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("demo takes no arguments"));
  if (output == NULL && context->database != NULL)
    output = g_strdup (context->database);
  if (output == NULL)
    return yishi_cli_usage_error (options, _("demo needs --output FILE"));
  if (scale_name != NULL && !yishi_demo_scale_from_string (scale_name, &scale))
    return yishi_cli_usage_error (options, _("--scale must be community, street or district"));
  if (seed < 0 || seed > G_MAXUINT32)
    return yishi_cli_usage_error (options, _("--seed must be between 0 and 4294967295"));
  if (today != NULL)
    {
      g_autoptr (GDate) date = g_date_new ();

      g_date_set_parse (date, today);
      if (!g_date_valid (date) || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", today, 0, 0))
        return yishi_cli_usage_error (options, _("--today must be a date written YYYY-MM-DD"));
    }

  started = g_get_monotonic_time ();
  if (!yishi_demo_generate (output, scale, (guint32)seed, today,
                            show ? print_progress : NULL, &last, NULL, &error))
    {
      if (show)
        fprintf (stderr, "\r");
      return yishi_cli_fail (g_steal_pointer (&error));
    }
  if (show)
    fprintf (stderr, "\r");
  g_print (_("Wrote %s in %.1f s\n"), output, (g_get_monotonic_time () - started) / 1e6);
  return YISHI_CLI_OK;
}
