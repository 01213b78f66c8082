/* yishi-preferences-window.h — community details, notice fonts, backups.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PREFERENCES_WINDOW (yishi_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (YishiPreferencesWindow, yishi_preferences_window, YISHI, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

YishiPreferencesWindow *yishi_preferences_window_new            (GtkWindow              *parent,
                                                                 YishiDatabase          *database,
                                                                 GSettings              *settings);
void                    yishi_preferences_window_back_up_now    (YishiPreferencesWindow *self);
gboolean                yishi_preferences_window_restore        (YishiPreferencesWindow *self,
                                                                 const char             *backup,
                                                                 GError                **error);
guint                   yishi_preferences_window_get_n_backups  (YishiPreferencesWindow *self);

G_END_DECLS
