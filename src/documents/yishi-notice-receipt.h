/* yishi-notice-receipt.h — the acceptance receipt (受理回执) of one matter.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"
#include "yishi-notice-data.h"
#include "yishi-notice.h"

G_BEGIN_DECLS

YishiNotice *yishi_notice_receipt_new            (YishiNoticeReceipt  *receipt,
                                                  const char          *title_font,
                                                  const char          *body_font);
YishiNotice *yishi_notice_receipt_build          (YishiDatabase       *database,
                                                  const char          *serial,
                                                  const char          *title_font,
                                                  const char          *body_font,
                                                  GError             **error);
gboolean     yishi_notice_receipt_write          (YishiDatabase       *database,
                                                  const char          *serial,
                                                  const char          *title_font,
                                                  const char          *body_font,
                                                  const char          *path,
                                                  GError             **error);

G_END_DECLS
