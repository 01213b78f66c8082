/* yishi-registry-panel-private.h — what the registry panel's two files share.
 *
 * The panel's instance structure, and the functions by which yishi-registry-panel.c (the
 * tree, the people list, its filters and counts) and yishi-registry-panel-actions.c (the
 * actions, their shortcuts and the dialogs they open, undo, the context menu, the contact
 * board) call each other.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-column-sort.h"
#include "yishi-registry-panel.h"

G_BEGIN_DECLS

struct _YishiRegistryPanel
{
  YishiPanel parent_instance;

  YishiDatabase *database; /* the one the tree and the lists read */
  YishiRegistryTree *tree;
  GtkSingleSelection *tree_selection;
  YishiPeopleList *list;
  YishiPeopleList *party_list;     /* figures: current party members */
  YishiPeopleList *volunteer_list; /* figures: volunteers */
  GtkSingleSelection *selection;
  YishiColumnSort *column_sort;
  GtkColumnViewColumn *columns[YISHI_REGISTRY_N_COLUMNS];
  YishiPeopleSort sort;
  gboolean descending;
  GtkPopover *context_popover;
  GCancellable *cancellable;

  YishiNodeKind scope_kind; /* the place the list shows */
  gint64 scope_id;
  char *path_text;
  char *count_text;
  gboolean tree_refreshing;
  gboolean list_refreshing;
  gboolean updating_filters;
  gboolean has_pending_node; /* select this place after the next refresh */
  YishiNodeKind pending_kind;
  gint64 pending_id;
  gint64 current_person;     /* the person selected, or to select after a change */

  char *undo_batch;
  YishiNodeKind undo_kind;   /* what comes back: a place, or a person */
  gint64 undo_id;
  gboolean undo_person;
  AdwToast *undo_toast;      /* weak */

  /* Template */
  GtkStack *main_stack;
  GtkWidget *sidebar;
  GtkListView *tree_view;
  GtkLabel *path_label;
  GtkLabel *count_label;
  GtkWidget *new_person_button;
  GtkWidget *contact_board_button;
  GtkSearchEntry *search_entry;
  GtkDropDown *residence_dropdown;
  GtkDropDown *party_dropdown;
  GtkDropDown *role_dropdown;
  GtkDropDown *age_dropdown;
  GtkWidget *clear_button;
  GtkStack *list_stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;
  AdwStatusPage *list_error_page;
  GtkWidget *empty_import_button;
};

/* yishi-registry-panel.c */
/* Returns: (transfer none) (nullable): the person selected in the list */
YishiPerson *yishi_registry_panel_peek_selected_person (YishiRegistryPanel      *self);

/* yishi-registry-panel-actions.c */
/* Installs the "registry." actions (class_init). */
void         yishi_registry_panel_class_init_actions   (YishiRegistryPanelClass *klass);
/* The shortcuts and the context menu; hides the buttons of dialogs not built (init). */
void         yishi_registry_panel_init_actions         (YishiRegistryPanel      *self);
/* Enables what the selection, the file and the last deletion allow. */
void         yishi_registry_panel_update_actions       (YishiRegistryPanel      *self);
/* Forgets the last deletion and dismisses its toast (a new file). */
void         yishi_registry_panel_drop_undo            (YishiRegistryPanel      *self);
/* The menu of the place selected, at (@x, @y) of @at, or under the tree when @at is NULL. */
void         yishi_registry_panel_popup_context_menu   (YishiRegistryPanel      *self,
                                                        GtkWidget               *at,
                                                        double                   x,
                                                        double                   y);
/* The person dialog for @person, or for a new person (NULL) living at @household_id. */
void         yishi_registry_panel_open_person          (YishiRegistryPanel      *self,
                                                        YishiPerson             *person,
                                                        gint64                   household_id);

G_END_DECLS
