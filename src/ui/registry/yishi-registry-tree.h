/* yishi-registry-tree.h — the registry's places (grids → buildings → units →
 * households) as a GtkTreeListModel whose items stay put when the database changes.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "yishi-database.h"
#include "yishi-registry.h"

G_BEGIN_DECLS

/* ---- One row of the tree: a place, or "All People" (the community) at the top ---- */

#define YISHI_TYPE_REGISTRY_ITEM (yishi_registry_item_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryItem, yishi_registry_item, YISHI, REGISTRY_ITEM, GObject)

YishiNodeKind  yishi_registry_item_get_kind         (YishiRegistryItem *self);
gint64         yishi_registry_item_get_id           (YishiRegistryItem *self);
gint64         yishi_registry_item_get_parent_id    (YishiRegistryItem *self);
const char    *yishi_registry_item_get_name         (YishiRegistryItem *self);
guint          yishi_registry_item_get_n_people     (YishiRegistryItem *self);
gboolean       yishi_registry_item_has_children     (YishiRegistryItem *self);
gboolean       yishi_registry_item_is_community     (YishiRegistryItem *self);

/* ---- The tree ---- */

#define YISHI_TYPE_REGISTRY_TREE (yishi_registry_tree_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryTree, yishi_registry_tree, YISHI, REGISTRY_TREE, GObject)

YishiRegistryTree *yishi_registry_tree_new        (YishiDatabase     *database);
YishiDatabase     *yishi_registry_tree_get_database (YishiRegistryTree *self);
GtkTreeListModel  *yishi_registry_tree_get_model  (YishiRegistryTree *self);
void               yishi_registry_tree_refresh    (YishiRegistryTree *self);
const GError      *yishi_registry_tree_get_error  (YishiRegistryTree *self);
guint              yishi_registry_tree_get_n_grids (YishiRegistryTree *self);
guint              yishi_registry_tree_get_n_people (YishiRegistryTree *self);
guint              yishi_registry_tree_find       (YishiRegistryTree *self,
                                                   YishiNodeKind      kind,
                                                   gint64             id);
guint              yishi_registry_tree_reveal     (YishiRegistryTree *self,
                                                   YishiNodeKind      kind,
                                                   gint64             id);
gboolean           yishi_registry_tree_expand     (YishiRegistryTree *self,
                                                   guint              position,
                                                   gboolean           expanded);
YishiRegistryItem *yishi_registry_tree_get_item   (YishiRegistryTree *self,
                                                   guint              position);
YishiRegistryItem *yishi_registry_tree_get_ancestor (YishiRegistryTree *self,
                                                   guint              position,
                                                   YishiNodeKind      kind);

/* ---- Rows: a tree expander with the name and the number of people (dim) ---- */

/* A secondary click on @row, the widget of row @position, at @x, @y in it. */
typedef void (*YishiRegistryRowMenu) (GtkWidget *row,
                                      guint      position,
                                      double     x,
                                      double     y,
                                      gpointer   user_data);

GtkListItemFactory *yishi_registry_tree_row_factory_new (YishiRegistryRowMenu menu,
                                                         gpointer             user_data);

G_END_DECLS
