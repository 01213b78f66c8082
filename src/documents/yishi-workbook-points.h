/* yishi-workbook-points.h — the internal points workbook of a quarter: standings and the
 * entries of the quarter, with totals.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-workbook-ledger.h"

G_BEGIN_DECLS

/* Sheets 积分排名 and 积分明细 of @quarter (1–4) of @year, full names. */
gboolean yishi_workbook_points_write (YishiDatabase          *database,
                                      int                     year,
                                      int                     quarter,
                                      const char             *path,
                                      YishiWorkbookProgress   progress,
                                      gpointer                user_data,
                                      GCancellable           *cancellable,
                                      GError                **error);

G_END_DECLS
