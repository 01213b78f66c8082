/* yishi-search.c
 *
 * FTS5's trigram tokenizer finds nothing shorter than three characters, and unicode61
 * takes a run of Chinese characters as one word. So the indexed text is rewritten:
 * every run of CJK characters becomes its overlapping pairs ("楼道漏水" → "楼道 道漏 漏水"),
 * a lone CJK character stays itself, runs of letters and digits stay whole, and
 * everything else separates words. A query is rewritten the same way and searched as
 * a phrase, so "漏水" matches the pair 漏水 and "楼道漏水" the three pairs in a row.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include "yishi-database-private.h"

#include "yishi-search.h"

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL;
}

static void
flush_cjk (GString        *out,
           const gunichar *run,
           guint           length)
{
  if (length == 1)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, run[0]);
      return;
    }
  for (guint i = 0; i + 1 < length; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, run[i]);
      g_string_append_unichar (out, run[i + 1]);
    }
}

/**
 * yishi_search_bigrams:
 *
 * Returns: (transfer full): @text as the words the index holds, separated by spaces
 */
char *
yishi_search_bigrams (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar run[64];
  guint length = 0;
  gboolean in_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        {
          in_word = FALSE;
          if (length == G_N_ELEMENTS (run))
            {
              /* Keep the pair that spans the cut. */
              flush_cjk (out, run, length);
              run[0] = run[length - 1];
              length = 1;
            }
          run[length++] = c;
          continue;
        }

      if (length > 0)
        {
          flush_cjk (out, run, length);
          length = 0;
        }

      if (g_unichar_isalnum (c))
        {
          if (!in_word && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g_unichar_tolower (c));
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  if (length > 0)
    flush_cjk (out, run, length);
  return g_string_free (out, FALSE);
}

/**
 * yishi_search_match_query:
 *
 * Returns: (transfer full) (nullable): an FTS5 MATCH expression for what the user
 *   typed — every space-separated term a phrase, all terms required — or %NULL when
 *   nothing searchable is left
 */
char *
yishi_search_match_query (const char *query)
{
  g_auto (GStrv) terms = NULL;
  GString *out;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;

  /* Terms are separated by white space, the ideographic space (U+3000) included. */
  terms = g_regex_split_simple ("[\\s\u3000]+", query, 0, 0);
  out = g_string_new (NULL);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *words = yishi_search_bigrams (terms[i]);

      if (*words == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " AND ");
      /* The words hold only letters, digits and CJK: no quote needs escaping. */
      g_string_append_printf (out, "\"%s\"", words);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
sql_bigrams (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, yishi_search_bigrams (text), -1, g_free);
}

/* Makes yishi_bigrams () available to SQL on a connection. */
void
yishi_search_register (gpointer sqlite_handle)
{
  sqlite3_create_function (sqlite_handle, "yishi_bigrams", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           sql_bigrams, NULL, NULL);
}

#define ISSUE_TEXT \
  "yishi_bigrams (i.serial || ' ' || i.title || ' ' || i.content || ' ' ||" \
  " coalesce ((SELECT group_concat (e.note, ' ') FROM issue_event e WHERE e.issue_id = i.id), '')" \
  " || ' ' || substr (i.requester_phone, -4))"

/* Re-indexes one matter after its title, content, timeline or phone changed. */
gboolean
yishi_search_index_issue (YishiDatabase  *database,
                          gint64          issue_id,
                          GError        **error)
{
  g_autoptr (sqlite3_stmt) remove = NULL;
  g_autoptr (sqlite3_stmt) add = NULL;

  remove = yishi_database_prepare (database, "DELETE FROM issue_fts WHERE rowid = ?", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, issue_id);
  if (sqlite3_step (remove) != SQLITE_DONE)
    return yishi_database_set_error (database, error);

  add = yishi_database_prepare (database,
                                "INSERT INTO issue_fts (rowid, body) SELECT i.id, " ISSUE_TEXT
                                " FROM issue i WHERE i.id = ?",
                                error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_int64 (add, 1, issue_id);
  if (sqlite3_step (add) != SQLITE_DONE)
    return yishi_database_set_error (database, error);
  return TRUE;
}

/* Builds the whole index again (after bulk writes such as demo data or an import). */
gboolean
yishi_search_rebuild (YishiDatabase  *database,
                      GError        **error)
{
  return yishi_database_exec (database,
                              "DELETE FROM issue_fts;"
                              "INSERT INTO issue_fts (rowid, body) SELECT i.id, " ISSUE_TEXT
                              " FROM issue i;",
                              error);
}
