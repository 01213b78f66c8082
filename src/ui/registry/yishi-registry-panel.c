/* yishi-registry-panel.c — 网格名册: grids, buildings, households and people.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-registry-panel.h"

struct _YishiRegistryPanel
{
  YishiPanel parent_instance;
};

G_DEFINE_FINAL_TYPE (YishiRegistryPanel, yishi_registry_panel, YISHI_TYPE_PANEL)

static const char *const registry_tables[] = { "grid", "building", "unit", "household", "person",
                                               "party_membership", "role_assignment",
                                               "organisation", NULL };

static void
yishi_registry_panel_reload (YishiPanel    *panel,
                             YishiDatabase *database,
                             YishiSummary  *summary)
{
  g_autoptr (GPtrArray) grids = NULL;

  yishi_panel_add_count (panel, summary->people, _("People"), "accent");
  yishi_panel_add_count (panel, summary->households, _("Households"), NULL);
  yishi_panel_add_count (panel, summary->buildings, _("Buildings"), NULL);
  yishi_panel_add_count (panel, summary->grids, _("Grids"), NULL);
  yishi_panel_add_count (panel, summary->party_members, _("Party members"), "error");
  yishi_panel_add_count (panel, summary->volunteers, _("Volunteers"), "success");

  grids = yishi_summary_list (database, YISHI_SUMMARY_GRIDS, 50, NULL);
  yishi_panel_add_list (panel, _("Grids"), grids, _("No grid has been set up yet."));
}

static void
yishi_registry_panel_class_init (YishiRegistryPanelClass *klass)
{
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  panel_class->reload = yishi_registry_panel_reload;
  panel_class->tables = registry_tables;
}

static void
yishi_registry_panel_init (YishiRegistryPanel *self)
{
}
