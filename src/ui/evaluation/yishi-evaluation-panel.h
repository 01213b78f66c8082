/* yishi-evaluation-panel.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_EVALUATION_PANEL (yishi_evaluation_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiEvaluationPanel, yishi_evaluation_panel, YISHI, EVALUATION_PANEL, YishiPanel)

G_END_DECLS
