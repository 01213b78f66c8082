/* yishi-registry-panel.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_REGISTRY_PANEL (yishi_registry_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryPanel, yishi_registry_panel, YISHI, REGISTRY_PANEL, YishiPanel)

G_END_DECLS
