/* yishi-notice-three-lists.h — the monthly “three lists” (三张清单) for the notice board.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"
#include "yishi-notice-data.h"
#include "yishi-notice.h"

G_BEGIN_DECLS

YishiNotice *yishi_notice_three_lists_new        (YishiNoticeLists  *lists,
                                                  const char        *title_font,
                                                  const char        *body_font);
YishiNotice *yishi_notice_three_lists_build      (YishiDatabase     *database,
                                                  int                year,
                                                  int                month,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  GError           **error);
gboolean     yishi_notice_three_lists_write      (YishiDatabase     *database,
                                                  int                year,
                                                  int                month,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  const char        *path,
                                                  GError           **error);

G_END_DECLS
