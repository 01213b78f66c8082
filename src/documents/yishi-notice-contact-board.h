/* yishi-notice-contact-board.h — a grid's contact board (“三长”公示) for the notice board.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"
#include "yishi-notice.h"
#include "yishi-registry.h"

G_BEGIN_DECLS

YishiNotice *yishi_notice_contact_board_new      (YishiContactBoard *board,
                                                  const char        *supervision_phone,
                                                  const char        *today,
                                                  const char        *title_font,
                                                  const char        *body_font);
YishiNotice *yishi_notice_contact_board_build    (YishiDatabase     *database,
                                                  const char        *grid_name,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  GError           **error);
gboolean     yishi_notice_contact_board_write    (YishiDatabase     *database,
                                                  const char        *grid_name,
                                                  const char        *title_font,
                                                  const char        *body_font,
                                                  const char        *path,
                                                  GError           **error);

G_END_DECLS
