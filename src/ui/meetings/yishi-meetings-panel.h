/* yishi-meetings-panel.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MEETINGS_PANEL (yishi_meetings_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiMeetingsPanel, yishi_meetings_panel, YISHI, MEETINGS_PANEL, YishiPanel)

G_END_DECLS
