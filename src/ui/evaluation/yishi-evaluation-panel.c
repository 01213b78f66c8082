/* yishi-evaluation-panel.c — 成效评议: this year's figures for the street office.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-evaluation-panel.h"

struct _YishiEvaluationPanel
{
  YishiPanel parent_instance;
};

G_DEFINE_FINAL_TYPE (YishiEvaluationPanel, yishi_evaluation_panel, YISHI_TYPE_PANEL)

static const char *const evaluation_tables[] = { "issue", "satisfaction", "meeting",
                                                 "meeting_participant", "points_entry", "award",
                                                 NULL };

static void
yishi_evaluation_panel_reload (YishiPanel    *panel,
                               YishiDatabase *database,
                               YishiSummary  *summary)
{
  g_autoptr (GPtrArray) categories = NULL;
  g_autofree char *hours = g_strdup_printf ("%'.0f", summary->year_volunteer_hours);

  yishi_panel_add_count (panel, summary->year_collected, _("Matters collected"), NULL);
  yishi_panel_add_count (panel, summary->year_closed, _("Matters closed"), "success");
  yishi_panel_add_rate (panel, summary->year_closed, summary->year_collected, _("Resolution rate"));
  yishi_panel_add_rate (panel, summary->year_closed_on_time, summary->year_closed, _("On-time rate"));
  yishi_panel_add_rate (panel, summary->year_satisfied, summary->year_rated, _("Satisfaction rate"));
  yishi_panel_add_count (panel, summary->meetings_held_year, _("Meetings held"), NULL);
  yishi_panel_add_count (panel, summary->year_participants, _("Meeting attendances"), NULL);
  yishi_panel_add_figure (panel, hours, _("Volunteer hours"), NULL);

  categories = yishi_summary_list (database, YISHI_SUMMARY_CATEGORIES_YEAR, 12, NULL);
  yishi_panel_add_list (panel, _("Matters by category this year"), categories,
                        _("No matter has been received this year."));
}

static void
yishi_evaluation_panel_class_init (YishiEvaluationPanelClass *klass)
{
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  panel_class->reload = yishi_evaluation_panel_reload;
  panel_class->tables = evaluation_tables;
}

static void
yishi_evaluation_panel_init (YishiEvaluationPanel *self)
{
}
