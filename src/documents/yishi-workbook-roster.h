/* yishi-workbook-roster.h — the internal roster workbook (people, party members, roles) and
 * the rejected rows of a roster import, for the office to fix and import again.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-roster-import.h"
#include "yishi-workbook-ledger.h"

G_BEGIN_DECLS

/* Sheets 居民, 党员 and 角色, unmasked; streamed, so a district's million people take a
 * few megabytes of memory.  @path is replaced only when the whole workbook is written. */
gboolean yishi_workbook_roster_write        (YishiDatabase          *database,
                                             const char             *path,
                                             YishiWorkbookProgress   progress,
                                             gpointer                user_data,
                                             GCancellable           *cancellable,
                                             GError                **error);

/* The rejected rows of an analysed import: the file's header row as it was, each rejected
 * row's cells as they were, and a last column 拒绝原因.  Nothing above the header, so the
 * file imports again once fixed. */
gboolean yishi_workbook_rejected_rows_write (YishiRosterImport      *import,
                                             const char             *path,
                                             GError                **error);

G_END_DECLS
