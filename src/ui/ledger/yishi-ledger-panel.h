/* yishi-ledger-panel.h — 议题台账: the matters, filtered and sorted, beside one of them.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-issue-detail.h"
#include "yishi-issue-list.h"
#include "yishi-panel.h"

G_BEGIN_DECLS

#define YISHI_TYPE_LEDGER_PANEL (yishi_ledger_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiLedgerPanel, yishi_ledger_panel, YISHI, LEDGER_PANEL, YishiPanel)

YishiIssueList       *yishi_ledger_panel_get_list          (YishiLedgerPanel *self);
guint                 yishi_ledger_panel_get_n_matters     (YishiLedgerPanel *self);
const char           *yishi_ledger_panel_get_count_text    (YishiLedgerPanel *self);
const char           *yishi_ledger_panel_get_page          (YishiLedgerPanel *self);
GtkColumnView        *yishi_ledger_panel_get_column_view   (YishiLedgerPanel *self);
GtkColumnViewColumn  *yishi_ledger_panel_get_column        (YishiLedgerPanel *self,
                                                            YishiIssueSort    sort);
GtkScrolledWindow    *yishi_ledger_panel_get_scrolled      (YishiLedgerPanel *self);
GtkEditable          *yishi_ledger_panel_get_search_entry  (YishiLedgerPanel *self);
GtkDropDown          *yishi_ledger_panel_get_state_dropdown (YishiLedgerPanel *self);
YishiIssueDetailPane *yishi_ledger_panel_get_detail        (YishiLedgerPanel *self);

gboolean              yishi_ledger_panel_select            (YishiLedgerPanel *self,
                                                            gint64            id);
gint64                yishi_ledger_panel_get_selected_id   (YishiLedgerPanel *self);
void                  yishi_ledger_panel_clear_filters     (YishiLedgerPanel *self);
gboolean              yishi_ledger_panel_delete_selected   (YishiLedgerPanel *self);
gboolean              yishi_ledger_panel_undo              (YishiLedgerPanel *self);

G_END_DECLS
