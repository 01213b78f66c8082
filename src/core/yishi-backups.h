/* yishi-backups.h — the rotated folder of automatic backups.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_BACKUPS_KEEP 30

char      *yishi_backups_default_folder (const char     *database_path);
GPtrArray *yishi_backups_list           (const char     *folder);
gboolean   yishi_backups_back_up_now    (YishiDatabase  *database,
                                         const char     *folder,
                                         char          **created,
                                         GError        **error);
gboolean   yishi_backups_run_daily      (YishiDatabase  *database,
                                         const char     *folder,
                                         char          **created,
                                         GError        **error);
guint      yishi_backups_rotate         (const char     *folder,
                                         guint           keep);

G_END_DECLS
