/* yishi-ledger-panel.h
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_LEDGER_PANEL (yishi_ledger_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiLedgerPanel, yishi_ledger_panel, YISHI, LEDGER_PANEL, YishiPanel)

G_END_DECLS
