/* yishi-database.h — the community's SQLite file: open, migrate, write, back up.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-values.h"

G_BEGIN_DECLS

/* The schema version this program understands (PRAGMA user_version). */
#define YISHI_SCHEMA_VERSION 3

/* PRAGMA application_id of a Yishi file: "YISH". */
#define YISHI_APPLICATION_ID 0x59495348

#define YISHI_DATABASE_ERROR (yishi_database_error_quark ())

typedef enum
{
  YISHI_DATABASE_ERROR_NOT_FOUND,
  YISHI_DATABASE_ERROR_NOT_DATABASE,
  YISHI_DATABASE_ERROR_READ_ONLY,
  YISHI_DATABASE_ERROR_CORRUPT,
  YISHI_DATABASE_ERROR_TOO_NEW,
  YISHI_DATABASE_ERROR_EXISTS,
  YISHI_DATABASE_ERROR_CONSTRAINT,
  YISHI_DATABASE_ERROR_INVALID,
  YISHI_DATABASE_ERROR_FAILED,
} YishiDatabaseError;

typedef enum
{
  YISHI_DATABASE_OPEN_DEFAULT = 0,
  YISHI_DATABASE_OPEN_CREATE = 1 << 0,
  YISHI_DATABASE_OPEN_READ_ONLY = 1 << 1,
} YishiDatabaseOpenFlags;

#define YISHI_TYPE_DATABASE (yishi_database_get_type ())

G_DECLARE_FINAL_TYPE (YishiDatabase, yishi_database, YISHI, DATABASE, GObject)

GQuark         yishi_database_error_quark          (void);

char          *yishi_database_default_path         (void);
YishiDatabase *yishi_database_open                 (const char              *path,
                                                    YishiDatabaseOpenFlags   flags,
                                                    GError                 **error);
const char    *yishi_database_get_path             (YishiDatabase           *self);
gboolean       yishi_database_is_read_only         (YishiDatabase           *self);
int            yishi_database_get_schema_version   (YishiDatabase           *self);
const char    *yishi_database_get_actor            (YishiDatabase           *self);
void           yishi_database_set_actor            (YishiDatabase           *self,
                                                    const char              *actor);
char          *yishi_database_new_uuid             (YishiDatabase           *self);

gboolean       yishi_database_begin                (YishiDatabase           *self,
                                                    GError                 **error);
gboolean       yishi_database_commit               (YishiDatabase           *self,
                                                    GError                 **error);
void           yishi_database_rollback             (YishiDatabase           *self);

gint64         yishi_database_insert               (YishiDatabase           *self,
                                                    const char              *table,
                                                    YishiValues             *values,
                                                    GError                 **error);
gboolean       yishi_database_update               (YishiDatabase           *self,
                                                    const char              *table,
                                                    gint64                   id,
                                                    YishiValues             *values,
                                                    GError                 **error);
gboolean       yishi_database_delete               (YishiDatabase           *self,
                                                    const char              *table,
                                                    gint64                   id,
                                                    GError                 **error);

gint64         yishi_database_count                (YishiDatabase           *self,
                                                    const char              *table);
gboolean       yishi_database_check                (YishiDatabase           *self,
                                                    char                   **report,
                                                    GError                 **error);
char          *yishi_database_content_digest       (YishiDatabase           *self,
                                                    GError                 **error);
gboolean       yishi_database_backup               (YishiDatabase           *self,
                                                    const char              *destination,
                                                    GError                 **error);
gboolean       yishi_database_restore              (YishiDatabase           *self,
                                                    const char              *source,
                                                    const char              *safety_folder,
                                                    char                   **safety_backup,
                                                    GError                 **error);

/* Another connection (a worker thread's, another process) changed @tables: emits
 * "changed::table" for each on this one, so that its views refresh. */
void           yishi_database_notify_changed       (YishiDatabase           *self,
                                                    const char *const       *tables);

void           yishi_json_append_string            (GString                 *json,
                                                    const char              *text);

G_END_DECLS
