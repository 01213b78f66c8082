/* yishi-application.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_TYPE_APPLICATION (yishi_application_get_type ())

G_DECLARE_FINAL_TYPE (YishiApplication, yishi_application, YISHI, APPLICATION, AdwApplication)

YishiApplication *yishi_application_new           (void);
GSettings        *yishi_application_get_settings  (YishiApplication *self);
const char       *yishi_application_get_path      (YishiApplication *self);

G_END_DECLS
