/* yishi-window.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_WINDOW (yishi_window_get_type ())

G_DECLARE_FINAL_TYPE (YishiWindow, yishi_window, YISHI, WINDOW, AdwApplicationWindow)

YishiWindow   *yishi_window_new              (GtkApplication *application,
                                              GSettings      *settings);
void           yishi_window_open_path        (YishiWindow    *self,
                                              const char     *path);
void           yishi_window_set_database     (YishiWindow    *self,
                                              YishiDatabase  *database);
YishiDatabase *yishi_window_get_database     (YishiWindow    *self);
const char    *yishi_window_get_page         (YishiWindow    *self);
void           yishi_window_show_panel       (YishiWindow    *self,
                                              const char     *name);
const char    *yishi_window_get_panel_name   (YishiWindow    *self);
YishiPanel    *yishi_window_get_panel        (YishiWindow    *self,
                                              const char     *name);
GtkWidget     *yishi_window_get_welcome_page (YishiWindow    *self);
void           yishi_window_add_toast        (YishiWindow    *self,
                                              const char     *text);
void           yishi_window_measure_startup  (YishiWindow    *self);

G_END_DECLS
