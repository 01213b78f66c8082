/* yishi-welcome-page.h — first start: create the community or open demo data.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YISHI_TYPE_WELCOME_PAGE (yishi_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (YishiWelcomePage, yishi_welcome_page, YISHI, WELCOME_PAGE, AdwBin)

void yishi_welcome_page_show_error   (YishiWelcomePage *self,
                                      const char       *message);
void yishi_welcome_page_set_progress (YishiWelcomePage *self,
                                      double            fraction);
void yishi_welcome_page_fill         (YishiWelcomePage *self,
                                      const char       *name,
                                      const char       *street_office,
                                      const char       *district,
                                      const char       *address,
                                      const char       *supervision_phone);
void yishi_welcome_page_activate_create (YishiWelcomePage *self);

G_END_DECLS
