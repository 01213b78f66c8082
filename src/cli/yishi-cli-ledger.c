/* yishi-cli-ledger.c — ledger add | search | show | transition
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-enums.h"
#include "yishi-issue-list.h"
#include "yishi-issue-store.h"

#include "yishi-cli.h"

static int
ledger_add (YishiCliContext  *context,
            int               argc,
            char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("add — file a new matter"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL, *content = NULL, *channel = NULL, *kind = NULL;
  g_autofree char *urgency = NULL, *category = NULL, *requester = NULL, *phone = NULL;
  g_autofree char *place = NULL, *received = NULL, *serial = NULL;
  gboolean anonymous = FALSE;
  YishiIssueDraft draft = { 0 };
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the matter is about"), N_("TEXT") },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("The details"), N_("TEXT") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("phone, visit, letter, wechat, hotline_12345, door_to_door, suggestion_box, questionnaire, forum, grid_patrol or online (default phone)"), N_("CHANNEL") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("problem or need (default problem)"), N_("KIND") },
    { "urgency", 0, 0, G_OPTION_ARG_STRING, &urgency, N_("red, yellow or blue (default blue)"), N_("COLOUR") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("A category by name"), N_("NAME") },
    { "requester", 0, 0, G_OPTION_ARG_STRING, &requester, N_("Who asked"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The requester’s phone"), N_("PHONE") },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous, N_("The requester stays anonymous"), NULL },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where, in words"), N_("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_("When it came in, ISO 8601 (default now)"), N_("TIME") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc > 1)
    return yishi_cli_usage_error (options, _("ledger add takes no arguments"));
  if (title == NULL)
    return yishi_cli_usage_error (options, _("ledger add needs --title"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  draft.title = title;
  draft.content = content;
  draft.channel = channel ? channel : "phone";
  draft.kind = kind ? kind : "problem";
  draft.urgency = urgency ? urgency : "blue";
  draft.requester_name = requester;
  draft.requester_phone = phone;
  draft.anonymous = anonymous;
  draft.place_text = place;
  draft.received_at = received;
  if (category != NULL)
    {
      draft.category_id = yishi_issue_store_category_by_name (database, category);
      if (draft.category_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("There is no category “%s”."), category);

          return yishi_cli_usage_error (options, message);
        }
    }

  if (yishi_issue_store_add (database, &draft, &serial, &error) == 0)
    return yishi_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", serial);
  return YISHI_CLI_OK;
}

static int
ledger_search (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("search QUERY — matters whose text, timeline or phone tail match"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiIssueList) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  YishiIssueFilter filter = { 0 };
  int limit = 50;
  guint n;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many lines (default 50)"), N_("N") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc < 2)
    return yishi_cli_usage_error (options, _("ledger search needs a QUERY"));
  if (limit < 1 || limit > 100000)
    return yishi_cli_usage_error (options, _("--limit must be between 1 and 100000"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  query = g_strjoinv (" ", argv + 1);
  filter.query = query;
  list = yishi_issue_list_new (database);
  yishi_issue_list_set_filter (list, &filter);
  if (yishi_issue_list_get_error (list) != NULL)
    return yishi_cli_fail (g_error_copy (yishi_issue_list_get_error (list)));

  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), (guint)limit);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiIssue) issue = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_print ("%s\t%s\t%s\t%s\n", yishi_issue_get_serial (issue), yishi_issue_get_received (issue),
               yishi_issue_get_state_label (issue), yishi_issue_get_title (issue));
    }
  return YISHI_CLI_OK;
}

static gint64
find_or_fail (YishiDatabase *database,
              const char    *serial)
{
  gint64 id = yishi_issue_store_find (database, serial);

  if (id == 0)
    {
      g_printerr ("yishi-cli: ");
      g_printerr (_("There is no matter %s."), serial);
      g_printerr ("\n");
    }
  return id;
}

static int
ledger_show (YishiCliContext  *context,
             int               argc,
             char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("show SERIAL — a matter and its timeline"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (YishiIssueDetail) detail = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;
  int rc;

  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 2)
    return yishi_cli_usage_error (options, _("ledger show needs one SERIAL"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if ((id = find_or_fail (database, argv[1])) == 0)
    return YISHI_CLI_ERROR;
  detail = yishi_issue_store_load (database, id, &error);
  if (detail == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  g_print ("%s  %s\n", detail->serial, detail->title);
  g_print ("%s: %s\n", _("State"), yishi_enum_label (YISHI_ENUM_ISSUE_STATE, detail->state));
  g_print ("%s: %s\n", _("Deadline"), detail->deadline ? detail->deadline : "—");
  g_print ("%s: %s\n", _("Responsible"), detail->responsible ? detail->responsible : "—");
  for (guint i = 0; i < detail->events->len; i++)
    {
      YishiIssueEvent *event = g_ptr_array_index (detail->events, i);

      g_print ("  %s  %-10s %s\n", event->at, event->kind, event->note ? event->note : "");
    }
  return YISHI_CLI_OK;
}

static int
ledger_transition (YishiCliContext  *context,
                   int               argc,
                   char            **argv)
{
  g_autoptr (GOptionContext) options = g_option_context_new (_("transition SERIAL STATE — move a matter on"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL, *scale = NULL, *route = NULL, *responsible = NULL;
  g_autofree char *deadline = NULL, *rating = NULL, *unreachable = NULL, *reason = NULL;
  g_autofree char *into = NULL;
  const char *state;
  gboolean ok;
  gint64 id;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the timeline"), N_("TEXT") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale, N_("triaged: major, minor or micro"), N_("SCALE") },
    { "route", 0, 0, G_OPTION_ARG_STRING, &route, N_("triaged: immediate, community_office, council, street_workstation or transfer"), N_("ROUTE") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &responsible, N_("triaged: who handles it"), N_("TEXT") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("triaged: instead of the rules' deadline"), N_("YYYY-MM-DD") },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating, N_("visited: satisfied, basically_satisfied, not_quite_satisfied or dissatisfied"), N_("RATING") },
    { "unreachable", 0, 0, G_OPTION_ARG_STRING, &unreachable, N_("visited: why the requester could not be reached"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("rejected: why it is not accepted"), N_("TEXT") },
    { "into", 0, 0, G_OPTION_ARG_STRING, &into, N_("merged: the serial it is merged into"), N_("SERIAL") },
    { NULL }
  };
  int rc;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc != 3)
    return yishi_cli_usage_error (options, _("ledger transition needs a SERIAL and a STATE"));
  state = argv[2];

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  if ((id = find_or_fail (database, argv[1])) == 0)
    return YISHI_CLI_ERROR;

  if (g_str_equal (state, "triaged"))
    {
      YishiIssueTriage triage = { .scale = scale, .route = route, .responsible_text = responsible,
                                  .deadline = deadline, .note = note };

      ok = yishi_issue_store_triage (database, id, &triage, &error);
    }
  else if (g_str_equal (state, "visited"))
    ok = yishi_issue_store_feedback (database, id, rating, unreachable, note, &error);
  else if (g_str_equal (state, "closed"))
    ok = yishi_issue_store_close (database, id, note, &error);
  else if (g_str_equal (state, "rejected"))
    ok = yishi_issue_store_reject (database, id, reason, &error);
  else if (g_str_equal (state, "merged"))
    {
      gint64 target = into ? find_or_fail (database, into) : 0;

      if (target == 0)
        return into ? YISHI_CLI_ERROR : yishi_cli_usage_error (options, _("merged needs --into SERIAL"));
      ok = yishi_issue_store_merge (database, id, target, &error);
    }
  else
    ok = yishi_issue_store_step (database, id, state, note, &error);

  if (!ok)
    return yishi_cli_fail (g_steal_pointer (&error));
  {
    g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (database, id, NULL);

    g_print ("%s\t%s\n", argv[1], detail ? yishi_enum_label (YISHI_ENUM_ISSUE_STATE, detail->state) : state);
  }
  return YISHI_CLI_OK;
}

int
yishi_cli_ledger (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  static const struct
  {
    const char *name;
    YishiCliCommand run;
  } verbs[] = {
    { "add", ledger_add },
    { "search", ledger_search },
    { "show", ledger_show },
    { "transition", ledger_transition },
  };

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n", _("Usage: yishi-cli ledger add|search|show|transition [OPTION…]"));
      return argc < 2 ? YISHI_CLI_USAGE : YISHI_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      return verbs[i].run (context, argc - 1, argv + 1); /* the verb becomes argv[0] */
  {
    g_autofree char *message = g_strdup_printf (_("Unknown ledger command “%s”"), argv[1]);

    return yishi_cli_usage_error (NULL, message);
  }
}
