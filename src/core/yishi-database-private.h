/* yishi-database-private.h — for src/core only: the SQLite handle and helpers.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "yishi-database.h"

G_BEGIN_DECLS

sqlite3       *yishi_database_get_handle        (YishiDatabase  *self);
YishiDatabase *yishi_database_create_seeded     (const char     *path,
                                                 guint32         seed,
                                                 GError        **error);
gboolean       yishi_database_set_error         (YishiDatabase  *self,
                                                 GError        **error);
gboolean       yishi_database_exec              (YishiDatabase  *self,
                                                 const char     *sql,
                                                 GError        **error);
sqlite3_stmt  *yishi_database_prepare           (YishiDatabase  *self,
                                                 const char     *sql,
                                                 GError        **error);
gint64         yishi_database_query_int         (YishiDatabase  *self,
                                                 const char     *sql,
                                                 gint64          fallback);
void           yishi_database_forget_schema     (YishiDatabase  *self);
void           yishi_database_emit_changed      (YishiDatabase  *self,
                                                 const char     *table);
gboolean       yishi_database_audit             (YishiDatabase  *self,
                                                 const char     *table,
                                                 const char     *uuid,
                                                 const char     *action,
                                                 const char     *before_json,
                                                 const char     *after_json,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
