/* yishi-registry-panel.h — 网格名册: the places of the community beside their people.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-panel.h"
#include "yishi-people-list.h"
#include "yishi-registry-tree.h"

G_BEGIN_DECLS

/* The columns of the people list, in order. */
typedef enum
{
  YISHI_REGISTRY_COLUMN_NAME,
  YISHI_REGISTRY_COLUMN_GENDER,
  YISHI_REGISTRY_COLUMN_AGE,
  YISHI_REGISTRY_COLUMN_PHONE,
  YISHI_REGISTRY_COLUMN_ADDRESS,
  YISHI_REGISTRY_COLUMN_GRID,
  YISHI_REGISTRY_COLUMN_PARTY,
  YISHI_REGISTRY_COLUMN_ROLES,
  YISHI_REGISTRY_N_COLUMNS
} YishiRegistryColumn;

/* The filter dropdowns over the list. */
typedef enum
{
  YISHI_REGISTRY_FILTER_RESIDENCE, /* any, then YISHI_ENUM_RESIDENCE_TYPE */
  YISHI_REGISTRY_FILTER_PARTY,     /* anyone, any party member, then YISHI_ENUM_PARTY_CATEGORY */
  YISHI_REGISTRY_FILTER_ROLE,      /* any, then YISHI_ENUM_ROLE */
  YISHI_REGISTRY_FILTER_AGE,       /* YishiAgeBand */
} YishiRegistryFilter;

#define YISHI_TYPE_REGISTRY_PANEL (yishi_registry_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryPanel, yishi_registry_panel, YISHI, REGISTRY_PANEL, YishiPanel)

YishiRegistryTree   *yishi_registry_panel_get_tree          (YishiRegistryPanel *self);
GtkListView         *yishi_registry_panel_get_tree_view     (YishiRegistryPanel *self);
YishiPeopleList     *yishi_registry_panel_get_list          (YishiRegistryPanel *self);
guint                yishi_registry_panel_get_n_people      (YishiRegistryPanel *self);
GtkColumnView       *yishi_registry_panel_get_column_view   (YishiRegistryPanel *self);
GtkColumnViewColumn *yishi_registry_panel_get_column        (YishiRegistryPanel *self,
                                                             YishiRegistryColumn column);
GtkEditable         *yishi_registry_panel_get_search_entry  (YishiRegistryPanel *self);
GtkDropDown         *yishi_registry_panel_get_filter        (YishiRegistryPanel *self,
                                                             YishiRegistryFilter filter);
const char          *yishi_registry_panel_get_page          (YishiRegistryPanel *self);
const char          *yishi_registry_panel_get_path_text     (YishiRegistryPanel *self);
const char          *yishi_registry_panel_get_count_text    (YishiRegistryPanel *self);

gboolean             yishi_registry_panel_select_node       (YishiRegistryPanel *self,
                                                             YishiNodeKind       kind,
                                                             gint64              id);
YishiRegistryItem   *yishi_registry_panel_get_selected_node (YishiRegistryPanel *self);
gboolean             yishi_registry_panel_select_person     (YishiRegistryPanel *self,
                                                             gint64              id);
gint64               yishi_registry_panel_get_selected_person (YishiRegistryPanel *self);
void                 yishi_registry_panel_clear_filters     (YishiRegistryPanel *self);
gboolean             yishi_registry_panel_delete_node       (YishiRegistryPanel *self);
gboolean             yishi_registry_panel_undo              (YishiRegistryPanel *self);

G_END_DECLS
