/* yishi-search.h — full-text search that finds two-character Chinese words.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

char     *yishi_search_bigrams       (const char    *text);
char     *yishi_search_match_query   (const char    *query);
gboolean  yishi_search_index_issue   (YishiDatabase *database,
                                      gint64         issue_id,
                                      GError       **error);
gboolean  yishi_search_rebuild       (YishiDatabase *database,
                                      GError       **error);
void      yishi_search_register      (gpointer       sqlite_handle);

G_END_DECLS
