/* yishi-cli-people.c — people search QUERY [--limit N] [--json]
 *
 * An internal tool of the office: it prints people unmasked (name, phone, home, grid,
 * party category, roles), one per line, and a last line with the count.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "yishi-enums.h"
#include "yishi-people-list.h"

#include "yishi-cli.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT 10000

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "-";
}

static void
append_member (GString    *json,
               const char *key,
               const char *value)
{
  g_string_append_printf (json, ",\"%s\":", key);
  if (value != NULL && *value != '\0')
    yishi_json_append_string (json, value);
  else
    g_string_append (json, "null");
}

static void
print_json (GPtrArray *people)
{
  g_autoptr (GString) json = g_string_new ("{\"people\":[");

  for (guint i = 0; i < people->len; i++)
    {
      YishiPerson *person = g_ptr_array_index (people, i);

      g_string_append_printf (json, "%s{\"id\":%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              yishi_person_get_id (person));
      append_member (json, "name", yishi_person_get_name (person));
      append_member (json, "gender", yishi_person_get_gender (person));
      if (yishi_person_get_age (person) >= 0)
        g_string_append_printf (json, ",\"age\":%d", yishi_person_get_age (person));
      else
        g_string_append (json, ",\"age\":null");
      append_member (json, "phone", yishi_person_get_phone (person));
      append_member (json, "id_tail", yishi_person_get_id_tail (person));
      append_member (json, "residence_type", yishi_person_get_residence_type (person));
      append_member (json, "address", yishi_person_get_address (person));
      append_member (json, "grid", yishi_person_get_grid (person));
      append_member (json, "party_category", yishi_person_get_party_category (person));
      append_member (json, "roles", yishi_person_get_roles (person));
      g_string_append_c (json, '}');
    }
  g_string_append_printf (json, "],\"count\":%u}\n", people->len);
  g_print ("%s", json->str);
}

static int
people_search (YishiCliContext  *context,
               int               argc,
               char            **argv)
{
  g_autoptr (GOptionContext) options =
    g_option_context_new (_("search QUERY — people by name, the start of a name, or the last "
                            "digits of a phone or ID number"));
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many people (default 50)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  int rc;

  g_option_context_set_summary (options,
                                _("Lines are name, phone, home, grid, party category and roles, "
                                  "unmasked: this is an internal tool. A query of digits matches "
                                  "the end of a phone or ID number (at least 3 digits; x for the "
                                  "ID's check digit)."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if ((rc = yishi_cli_parse (options, &argc, &argv)) != YISHI_CLI_OK)
    return rc;
  if (argc < 2)
    return yishi_cli_usage_error (options, _("people search needs a QUERY"));
  if (limit < 1 || limit > MAX_LIMIT)
    return yishi_cli_usage_error (options, _("--limit must be between 1 and 10000"));
  query = g_strstrip (g_strjoinv (" ", argv + 1));
  if (*query == '\0')
    return yishi_cli_usage_error (options, _("people search needs a QUERY"));

  database = yishi_cli_open_database (context, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));
  people = yishi_people_search (database, query, (guint)limit, &error);
  if (people == NULL)
    return yishi_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      print_json (people);
      return YISHI_CLI_OK;
    }
  for (guint i = 0; i < people->len; i++)
    {
      YishiPerson *person = g_ptr_array_index (people, i);
      const char *category = yishi_person_get_party_category (person);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", yishi_person_get_name (person),
               or_dash (yishi_person_get_phone (person)),
               or_dash (yishi_person_get_address (person)),
               or_dash (yishi_person_get_grid (person)),
               category != NULL && *category != '\0'
                 ? yishi_enum_label (YISHI_ENUM_PARTY_CATEGORY, category) : "-",
               or_dash (yishi_person_get_roles (person)));
    }
  if (people->len == (guint)limit)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u person (the first %u; raise --limit for more)\n",
                          "%u people (the first %u; raise --limit for more)\n", people->len),
             people->len, people->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u person\n", "%u people\n", people->len),
             people->len);
  return YISHI_CLI_OK;
}

static void
print_people_commands (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: yishi-cli [--database PATH] people search QUERY [OPTION…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  fprintf (out, "  %-8s %s\n", "search", _("Find people by name, phone tail or ID tail"));
  fprintf (out, "\n%s\n", _("Run “yishi-cli people search --help” for the options."));
}

int
yishi_cli_people (YishiCliContext  *context,
                  int               argc,
                  char            **argv)
{
  if (argc < 2)
    {
      g_printerr ("yishi-cli: %s\n\n", _("people needs a command: search"));
      print_people_commands (stderr);
      return YISHI_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_people_commands (stdout);
      return YISHI_CLI_OK;
    }
  if (g_str_equal (argv[1], "search"))
    return people_search (context, argc - 1, argv + 1); /* the verb becomes argv[0] */

  {
    g_autofree char *message = g_strdup_printf (_("Unknown people command “%s”"), argv[1]);

    g_printerr ("yishi-cli: %s\n\n", message);
    print_people_commands (stderr);
  }
  return YISHI_CLI_USAGE;
}
