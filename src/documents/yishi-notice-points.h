/* yishi-notice-points.h — the quarterly volunteer points notice (志愿服务积分公示).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"
#include "yishi-notice.h"

G_BEGIN_DECLS

/* “第四季度” for 4; NULL outside 1–4. */
const char  *yishi_notice_quarter_name           (int                quarter);

YishiNotice *yishi_notice_points_build           (YishiDatabase     *database,
                                                  int                year,
                                                  int                quarter,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  GError           **error);
gboolean     yishi_notice_points_write           (YishiDatabase     *database,
                                                  int                year,
                                                  int                quarter,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  const char        *path,
                                                  GError           **error);

G_END_DECLS
