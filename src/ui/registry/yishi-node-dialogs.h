/* yishi-node-dialogs.h — creating, renaming, moving and deleting the registry's places.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-registry.h"

G_BEGIN_DECLS

typedef enum
{
  YISHI_NODE_DIALOG_CREATE,
  YISHI_NODE_DIALOG_RENAME,
  YISHI_NODE_DIALOG_MOVE,
} YishiNodeDialogMode;

#define YISHI_TYPE_NODE_DIALOG (yishi_node_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiNodeDialog, yishi_node_dialog, YISHI, NODE_DIALOG, AdwWindow)

/* A new place of @kind under (@kind - 1, @parent_id); grids: @parent_id 0. */
YishiNodeDialog     *yishi_node_dialog_new_create   (GtkWindow        *parent,
                                                     YishiDatabase    *database,
                                                     YishiNodeKind     kind,
                                                     gint64            parent_id);
YishiNodeDialog     *yishi_node_dialog_new_rename   (GtkWindow        *parent,
                                                     YishiDatabase    *database,
                                                     YishiNodeKind     kind,
                                                     gint64            id);
/* Buildings, units and households only. */
YishiNodeDialog     *yishi_node_dialog_new_move     (GtkWindow        *parent,
                                                     YishiDatabase    *database,
                                                     YishiNodeKind     kind,
                                                     gint64            id);

YishiNodeDialogMode  yishi_node_dialog_get_mode     (YishiNodeDialog  *self);
YishiNodeKind        yishi_node_dialog_get_kind     (YishiNodeDialog  *self);
void                 yishi_node_dialog_set_name     (YishiNodeDialog  *self,
                                                     const char       *name);
const char          *yishi_node_dialog_get_name     (YishiNodeDialog  *self);
guint                yishi_node_dialog_get_n_places (YishiNodeDialog  *self);
gboolean             yishi_node_dialog_select_place (YishiNodeDialog  *self,
                                                     gint64            parent_id);
gboolean             yishi_node_dialog_apply        (YishiNodeDialog  *self,
                                                     GError          **error);
const char          *yishi_node_dialog_get_error    (YishiNodeDialog  *self);

/* Asks before deleting a place where people live: responses "cancel" and "delete". */
GtkWindow           *yishi_node_delete_dialog_new   (GtkWindow        *parent,
                                                     YishiNodeKind     kind,
                                                     const char       *name,
                                                     guint             n_people);

/* "Grid", "Building", … for messages; translated. */
const char          *yishi_node_kind_label          (YishiNodeKind     kind);

G_END_DECLS
