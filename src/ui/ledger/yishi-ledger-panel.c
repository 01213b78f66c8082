/* yishi-ledger-panel.c — 议题台账: the matters from intake to closure.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-ledger-panel.h"

struct _YishiLedgerPanel
{
  YishiPanel parent_instance;
};

G_DEFINE_FINAL_TYPE (YishiLedgerPanel, yishi_ledger_panel, YISHI_TYPE_PANEL)

static const char *const ledger_tables[] = { "issue", "issue_event", "satisfaction", "holiday", NULL };

static void
yishi_ledger_panel_reload (YishiPanel    *panel,
                           YishiDatabase *database,
                           YishiSummary  *summary)
{
  g_autoptr (GPtrArray) overdue = NULL;
  g_autoptr (GPtrArray) latest = NULL;

  yishi_panel_add_count (panel, summary->issues_open, _("Open matters"), "accent");
  yishi_panel_add_count (panel, summary->issues_overdue, _("Overdue"), "error");
  yishi_panel_add_count (panel, summary->issues_due_soon, _("Due within 2 working days"), "warning");
  yishi_panel_add_count (panel, summary->issues_closed_month, _("Closed this month"), "success");
  yishi_panel_add_count (panel, summary->issues, _("All matters"), NULL);

  overdue = yishi_summary_list (database, YISHI_SUMMARY_OVERDUE_ISSUES, 5, NULL);
  yishi_panel_add_list (panel, _("Most overdue"), overdue, _("Nothing is overdue."));
  latest = yishi_summary_list (database, YISHI_SUMMARY_LATEST_ISSUES, 10, NULL);
  yishi_panel_add_list (panel, _("Latest matters"), latest, _("No matters have been received yet."));
}

static void
yishi_ledger_panel_class_init (YishiLedgerPanelClass *klass)
{
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  panel_class->reload = yishi_ledger_panel_reload;
  panel_class->tables = ledger_tables;
}

static void
yishi_ledger_panel_init (YishiLedgerPanel *self)
{
}
