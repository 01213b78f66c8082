/* yishi-meetings-panel.c — 议事会议: deliberation meetings.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meetings-panel.h"

struct _YishiMeetingsPanel
{
  YishiPanel parent_instance;
};

G_DEFINE_FINAL_TYPE (YishiMeetingsPanel, yishi_meetings_panel, YISHI_TYPE_PANEL)

static const char *const meetings_tables[] = { "meeting", "agenda_item", "meeting_participant",
                                               "vote", NULL };

static void
yishi_meetings_panel_reload (YishiPanel    *panel,
                             YishiDatabase *database,
                             YishiSummary  *summary)
{
  g_autoptr (GPtrArray) upcoming = NULL;
  g_autoptr (GPtrArray) latest = NULL;

  yishi_panel_add_count (panel, summary->meetings_upcoming, _("Upcoming"), "accent");
  yishi_panel_add_count (panel, summary->meetings_held_year, _("Held this year"), "success");
  yishi_panel_add_count (panel, summary->agenda_items_year, _("Matters deliberated this year"), NULL);
  yishi_panel_add_count (panel, summary->meetings, _("All meetings"), NULL);

  upcoming = yishi_summary_list (database, YISHI_SUMMARY_UPCOMING_MEETINGS, 5, NULL);
  yishi_panel_add_list (panel, _("Upcoming meetings"), upcoming, _("No meeting is planned."));
  latest = yishi_summary_list (database, YISHI_SUMMARY_LATEST_MEETINGS, 10, NULL);
  yishi_panel_add_list (panel, _("Latest meetings"), latest, _("No meeting has been held yet."));
}

static void
yishi_meetings_panel_class_init (YishiMeetingsPanelClass *klass)
{
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  panel_class->reload = yishi_meetings_panel_reload;
  panel_class->tables = meetings_tables;
}

static void
yishi_meetings_panel_init (YishiMeetingsPanel *self)
{
}
