/* yishi-workbook-ledger.h — the internal ledger workbook (ledger.xlsx) for a date range.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"

G_BEGIN_DECLS

/* Called now and then with a fraction in [0, 1]. */
typedef void (*YishiWorkbookProgress) (double   fraction,
                                       gpointer user_data);

gboolean yishi_workbook_ledger_write (YishiDatabase          *database,
                                      const char             *from,
                                      const char             *to,
                                      const char             *path,
                                      YishiWorkbookProgress   progress,
                                      gpointer                user_data,
                                      GCancellable           *cancellable,
                                      GError                **error);

G_END_DECLS
