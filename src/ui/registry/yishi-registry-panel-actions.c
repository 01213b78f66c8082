/* yishi-registry-panel-actions.c — what can be done in the registry panel.
 *
 * The "registry." actions of YishiRegistryPanel, their shortcuts and when each is enabled.
 * Places are created, renamed and moved in the dialogs of yishi-node-dialogs.c; deleting a
 * place where people live asks first; a deleted place or person can be brought back from a
 * toast, or with Ctrl+Z until something else is deleted. People open in the person dialog;
 * the roster import, the points rules and the organisations have dialogs of their own. The
 * contact board of a grid is made off the main thread and shown in the PDF preview. Also the
 * context menu of the tree.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "yishi-clock.h"
#include "yishi-node-dialogs.h"
#include "yishi-registry.h"

#if __has_include("yishi-person-dialog.h")
#include "yishi-person-dialog.h"
#define HAVE_PERSON_DIALOG 1
#endif
#if __has_include("yishi-import-dialog.h")
#include "yishi-import-dialog.h"
#define HAVE_IMPORT_DIALOG 1
#endif
#if __has_include("yishi-points-dialog.h")
#include "yishi-points-dialog.h"
#define HAVE_POINTS_DIALOG 1
#endif
#if __has_include("yishi-organisations-dialog.h")
#include "yishi-organisations-dialog.h"
#define HAVE_ORGANISATIONS_DIALOG 1
#endif
#if __has_include("yishi-notice-contact-board.h")
#include "yishi-notice.h"
#include "yishi-notice-contact-board.h"
#include "yishi-notice-points.h"
#include "yishi-pdf-preview.h"
#define HAVE_CONTACT_BOARD 1
#endif

#include "yishi-registry-panel-private.h"

#include "yishi-registry-panel.h"

static GtkWindow *
parent_window (YishiRegistryPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
writable (YishiRegistryPanel *self)
{
  return self->database != NULL && !yishi_database_is_read_only (self->database);
}

/* Toasts and undo ------------------------------------------------------------------ */

static void
forget_undo (YishiRegistryPanel *self)
{
  g_clear_pointer (&self->undo_batch, g_free);
  self->undo_id = 0;
  self->undo_person = FALSE;
}

/* Forgets the last deletion: a new file. */
void
yishi_registry_panel_drop_undo (YishiRegistryPanel *self)
{
  yishi_panel_dismiss_undo_toast (YISHI_PANEL (self), &self->undo_toast);
  forget_undo (self);
}

static void
on_undo_toast_dismissed (AdwToast           *toast,
                         YishiRegistryPanel *self)
{
  /* Ctrl+Z still undoes it afterwards, until something else is deleted. */
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/**
 * yishi_registry_panel_undo:
 *
 * Brings back what the last deletion hid (the toast's Undo button, and Ctrl+Z even
 * after the toast went), and selects it.
 *
 * Returns: whether something came back
 */
gboolean
yishi_registry_panel_undo (YishiRegistryPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;
  YishiNodeKind kind;
  gint64 id;
  gboolean person;

  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), FALSE);

  batch = g_steal_pointer (&self->undo_batch);
  kind = self->undo_kind;
  id = self->undo_id;
  person = self->undo_person;
  forget_undo (self);
  yishi_panel_dismiss_undo_toast (YISHI_PANEL (self), &self->undo_toast);
  yishi_registry_panel_update_actions (self);
  if (self->database == NULL || batch == NULL)
    return FALSE;

  if (!yishi_registry_undelete (self->database, batch, &error))
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return FALSE;
    }
  /* The database's "changed" refreshes the panel, which selects it again. */
  if (person)
    self->current_person = id;
  else
    {
      self->has_pending_node = TRUE;
      self->pending_kind = kind;
      self->pending_id = id;
    }
  return TRUE;
}

static void
on_undo_clicked (AdwToast           *toast,
                 YishiRegistryPanel *self)
{
  if (self->undo_toast == toast)
    {
      /* The toast dismisses itself after this: not a second time from the undo. */
      g_clear_weak_pointer (&self->undo_toast);
      yishi_registry_panel_undo (self);
    }
}

static void
offer_undo (YishiRegistryPanel *self,
            const char         *text,
            char               *batch,
            YishiNodeKind       kind,
            gint64              id,
            gboolean            person)
{
  yishi_registry_panel_drop_undo (self);
  self->undo_batch = batch;
  self->undo_kind = kind;
  self->undo_id = id;
  self->undo_person = person;
  yishi_panel_show_undo_toast (YISHI_PANEL (self), text, &self->undo_toast,
                               G_CALLBACK (on_undo_clicked), G_CALLBACK (on_undo_toast_dismissed));
  yishi_registry_panel_update_actions (self);
}

/* Actions on places ---------------------------------------------------------------- */

/* The place of @kind the selection is in, or is. */
static YishiRegistryItem *
selected_ancestor (YishiRegistryPanel *self,
                   YishiNodeKind       kind)
{
  guint position = self->tree_selection ? gtk_single_selection_get_selected (self->tree_selection)
                                        : GTK_INVALID_LIST_POSITION;

  if (self->tree == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return yishi_registry_tree_get_ancestor (self->tree, position, kind);
}

void
yishi_registry_panel_update_actions (YishiRegistryPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  YishiRegistryItem *node = yishi_registry_panel_get_selected_node (self);
  gboolean ready = self->tree != NULL;
  gboolean write = ready && writable (self);
  gboolean place = node != NULL && !yishi_registry_item_is_community (node);
  YishiNodeKind kind = node ? yishi_registry_item_get_kind (node) : YISHI_NODE_COMMUNITY;
  gboolean chosen = yishi_registry_panel_peek_selected_person (self) != NULL;
  gboolean person = FALSE, points = FALSE, organisations = FALSE, board = FALSE, import = FALSE;

#ifdef HAVE_PERSON_DIALOG
  person = write;
#endif
#ifdef HAVE_POINTS_DIALOG
  points = ready;
#endif
#ifdef HAVE_ORGANISATIONS_DIALOG
  organisations = ready;
#endif
#ifdef HAVE_CONTACT_BOARD
  board = ready && selected_ancestor (self, YISHI_NODE_GRID) != NULL;
#endif
#ifdef HAVE_IMPORT_DIALOG
  import = write;
#endif

  gtk_widget_action_set_enabled (widget, "registry.new-grid", write);
  gtk_widget_action_set_enabled (widget, "registry.new-building",
                                 write && selected_ancestor (self, YISHI_NODE_GRID) != NULL);
  gtk_widget_action_set_enabled (widget, "registry.new-unit",
                                 write && selected_ancestor (self, YISHI_NODE_BUILDING) != NULL);
  gtk_widget_action_set_enabled (widget, "registry.new-household",
                                 write && selected_ancestor (self, YISHI_NODE_UNIT) != NULL);
  gtk_widget_action_set_enabled (widget, "registry.rename", write && place);
  gtk_widget_action_set_enabled (widget, "registry.move", write && place && kind >= YISHI_NODE_BUILDING);
  gtk_widget_action_set_enabled (widget, "registry.delete", write && place);
  gtk_widget_action_set_enabled (widget, "registry.contact-board", board);
#ifdef HAVE_CONTACT_BOARD
  gtk_widget_action_set_enabled (widget, "registry.points-notice", ready);
#else
  gtk_widget_action_set_enabled (widget, "registry.points-notice", FALSE);
#endif
  gtk_widget_action_set_enabled (widget, "registry.new-person", person);
  gtk_widget_action_set_enabled (widget, "registry.open-person", chosen);
  gtk_widget_action_set_enabled (widget, "registry.delete-person", write && chosen);
  gtk_widget_action_set_enabled (widget, "registry.import", import);
  gtk_widget_action_set_enabled (widget, "registry.points", points);
  gtk_widget_action_set_enabled (widget, "registry.organisations", organisations);
  gtk_widget_action_set_enabled (widget, "registry.undo", self->undo_batch != NULL);
  gtk_widget_action_set_enabled (widget, "registry.context-menu", ready);
}

static void
on_node_done (YishiNodeDialog    *dialog,
              int                 kind,
              gint64              id,
              YishiRegistryPanel *self)
{
  /* The database's "changed" refreshes the tree: the place is selected then. */
  self->has_pending_node = TRUE;
  self->pending_kind = (YishiNodeKind)kind;
  self->pending_id = id;
}

static void
present_node_dialog (YishiRegistryPanel *self,
                     YishiNodeDialog    *dialog)
{
  if (dialog == NULL)
    {
      yishi_panel_show_message (YISHI_PANEL (self), _("That place is no longer in the registry"));
      return;
    }
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_node_done), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_place (YishiRegistryPanel *self,
           YishiNodeKind       kind)
{
  YishiRegistryItem *parent = NULL;

  if (!writable (self))
    return;
  if (kind > YISHI_NODE_GRID)
    {
      parent = selected_ancestor (self, kind - 1);
      if (parent == NULL)
        return;
    }
  present_node_dialog (self, yishi_node_dialog_new_create (parent_window (self), self->database, kind,
                                                           parent ? yishi_registry_item_get_id (parent) : 0));
}

static void
new_place_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);

  if (g_str_equal (action_name, "registry.new-grid"))
    new_place (self, YISHI_NODE_GRID);
  else if (g_str_equal (action_name, "registry.new-building"))
    new_place (self, YISHI_NODE_BUILDING);
  else if (g_str_equal (action_name, "registry.new-unit"))
    new_place (self, YISHI_NODE_UNIT);
  else
    new_place (self, YISHI_NODE_HOUSEHOLD);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiRegistryItem *node = yishi_registry_panel_get_selected_node (self);

  if (node == NULL || yishi_registry_item_is_community (node) || !writable (self))
    return;
  present_node_dialog (self, yishi_node_dialog_new_rename (parent_window (self), self->database,
                                                           yishi_registry_item_get_kind (node),
                                                           yishi_registry_item_get_id (node)));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiRegistryItem *node = yishi_registry_panel_get_selected_node (self);

  if (node == NULL || yishi_registry_item_get_kind (node) < YISHI_NODE_BUILDING || !writable (self))
    return;
  present_node_dialog (self, yishi_node_dialog_new_move (parent_window (self), self->database,
                                                         yishi_registry_item_get_kind (node),
                                                         yishi_registry_item_get_id (node)));
}

static gboolean
delete_now (YishiRegistryPanel *self,
            YishiNodeKind       kind,
            gint64              id)
{
  g_autoptr (YishiRegistryNode) node = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  char *batch;
  guint n;

  if (!writable (self))
    return FALSE;
  node = yishi_registry_node_load (self->database, kind, id, &error);
  if (node == NULL)
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return FALSE;
    }
  name = g_strdup (yishi_registry_node_get_name (node));
  n = yishi_registry_node_get_n_people (node);
  batch = yishi_registry_delete_node (self->database, kind, id, &error);
  if (batch == NULL)
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return FALSE;
    }
  /* Its parent is selected after the refresh. */
  self->has_pending_node = TRUE;
  self->pending_kind = kind > YISHI_NODE_GRID ? kind - 1 : YISHI_NODE_COMMUNITY;
  self->pending_id = kind > YISHI_NODE_GRID ? yishi_registry_node_get_parent_id (node) : 0;
  if (n > 0)
    {
      g_autofree char *number = g_strdup_printf ("%'u", n);

      /* Translators: a toast, e.g. "Deleted 3号楼 and its 120 people" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %s and its %s person",
                                           "Deleted %s and its %s people", n),
                              name, number);
    }
  else
    /* Translators: a toast, e.g. "Deleted 3号楼" */
    text = g_strdup_printf (_("Deleted %s"), name);
  offer_undo (self, text, batch, kind, id, FALSE);
  return TRUE;
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    YishiRegistryPanel *self)
{
  if (g_str_equal (response, "delete"))
    delete_now (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "yishi-kind")),
                *(gint64 *)g_object_get_data (G_OBJECT (dialog), "yishi-id"));
}

/**
 * yishi_registry_panel_delete_node:
 *
 * Deletes the place selected, with a toast to undo it; when people live there an
 * AdwMessageDialog asks first (it answers "delete" or "cancel").
 *
 * Returns: whether it was deleted or the question was asked
 */
gboolean
yishi_registry_panel_delete_node (YishiRegistryPanel *self)
{
  YishiRegistryItem *node;
  GtkWindow *dialog;
  gint64 *id;

  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), FALSE);

  node = yishi_registry_panel_get_selected_node (self);
  if (node == NULL || yishi_registry_item_is_community (node) || !writable (self))
    return FALSE;
  if (yishi_registry_item_get_n_people (node) == 0)
    return delete_now (self, yishi_registry_item_get_kind (node), yishi_registry_item_get_id (node));

  dialog = yishi_node_delete_dialog_new (parent_window (self), yishi_registry_item_get_kind (node),
                                         yishi_registry_item_get_name (node),
                                         yishi_registry_item_get_n_people (node));
  id = g_new (gint64, 1);
  *id = yishi_registry_item_get_id (node);
  g_object_set_data (G_OBJECT (dialog), "yishi-kind", GINT_TO_POINTER (yishi_registry_item_get_kind (node)));
  g_object_set_data_full (G_OBJECT (dialog), "yishi-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (dialog);
  return TRUE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  yishi_registry_panel_delete_node (YISHI_REGISTRY_PANEL (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  yishi_registry_panel_undo (YISHI_REGISTRY_PANEL (widget));
}

/* The context menu of the tree ---------------------------------------------------- */

/* What can be done with the place selected: what goes in it, then the place itself. */
static GMenuModel *
context_menu_for (YishiRegistryItem *node)
{
  static const char *const new_labels[] = {
    N_("New _Grid…"), N_("New _Building…"), N_("New _Unit…"), N_("New _Household…"), N_("New _Person…"),
  };
  static const char *const new_actions[] = {
    "registry.new-grid", "registry.new-building", "registry.new-unit", "registry.new-household",
    "registry.new-person",
  };
  YishiNodeKind kind = node ? yishi_registry_item_get_kind (node) : YISHI_NODE_COMMUNITY;
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) add = g_menu_new ();
  g_autoptr (GMenu) place = g_menu_new ();
  g_autoptr (GMenu) print = g_menu_new ();

  g_menu_append (add, _(new_labels[kind]), new_actions[kind]);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  if (kind == YISHI_NODE_COMMUNITY)
    return G_MENU_MODEL (menu);
  g_menu_append (place, _("_Rename…"), "registry.rename");
  if (kind >= YISHI_NODE_BUILDING)
    g_menu_append (place, _("_Move…"), "registry.move");
  g_menu_append (place, _("_Delete"), "registry.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (place));
  g_menu_append (print, _("_Contact Board…"), "registry.contact-board");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (print));
  return G_MENU_MODEL (menu);
}

void
yishi_registry_panel_popup_context_menu (YishiRegistryPanel *self,
                                         GtkWidget          *at,
                                         double              x,
                                         double              y)
{
  GdkRectangle rect = { 0, 0, 1, 1 };
  g_autoptr (GMenuModel) menu = context_menu_for (yishi_registry_panel_get_selected_node (self));

  yishi_registry_panel_update_actions (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_popover), menu);
  if (at != NULL)
    {
      double sx, sy;

      if (gtk_widget_translate_coordinates (at, self->sidebar, x, y, &sx, &sy))
        {
          rect.x = (int)sx;
          rect.y = (int)sy;
          gtk_popover_set_pointing_to (self->context_popover, &rect);
        }
      else
        gtk_popover_set_pointing_to (self->context_popover, NULL);
    }
  else
    gtk_popover_set_pointing_to (self->context_popover, NULL);
  gtk_popover_popup (self->context_popover);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The Menu key: under the row that has the focus. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tree_view)))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (focus, focus, &bounds))
        {
          yishi_registry_panel_popup_context_menu (self, focus, bounds.size.width / 4,
                                                   bounds.size.height);
          return;
        }
    }
  yishi_registry_panel_popup_context_menu (self, NULL, 0, 0);
}

/* People --------------------------------------------------------------------------- */

#ifdef HAVE_PERSON_DIALOG
static void
on_person_saved (GtkWindow          *dialog,
                 gint64              id,
                 YishiRegistryPanel *self)
{
  /* Selected when the list is counted again. */
  self->current_person = id;
}

/* Deleted from its dialog: the same undo as from the list. */
static void
on_person_deleted (GtkWindow          *dialog,
                   const char         *batch,
                   YishiRegistryPanel *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "yishi-name");
  gint64 id = yishi_person_dialog_get_person_id (YISHI_PERSON_DIALOG (dialog));
  g_autofree char *text = NULL;

  if (batch == NULL)
    return;
  if (name != NULL)
    text = g_strdup_printf (_("Removed %s from the registry"), name);
  else
    text = g_strdup (_("The person was removed from the registry"));
  if (self->current_person == id)
    self->current_person = 0;
  offer_undo (self, text, g_strdup (batch), YISHI_NODE_COMMUNITY, id, TRUE);
}
#endif

void
yishi_registry_panel_open_person (YishiRegistryPanel *self,
                                  YishiPerson        *person,
                                  gint64              household_id)
{
#ifdef HAVE_PERSON_DIALOG
  GtkWindow *dialog;

  if (self->database == NULL)
    return;
  dialog = yishi_person_dialog_new (parent_window (self), self->database,
                                    person ? yishi_person_get_id (person) : 0, household_id);
  if (dialog == NULL)
    return;
  if (person != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "yishi-name", g_strdup (yishi_person_get_name (person)), g_free);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_person_deleted), self, 0);
  gtk_window_present (dialog);
#endif
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiPerson *person = yishi_registry_panel_peek_selected_person (self);

  if (person != NULL)
    yishi_registry_panel_open_person (self, person, 0);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiRegistryItem *household = selected_ancestor (self, YISHI_NODE_HOUSEHOLD);

  /* In the household selected, if one is. */
  if (writable (self))
    yishi_registry_panel_open_person (self, NULL,
                                      household ? yishi_registry_item_get_id (household) : 0);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiPerson *person = yishi_registry_panel_peek_selected_person (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;
  char *batch;

  if (person == NULL || !writable (self))
    return;
  id = yishi_person_get_id (person);
  /* Translators: a toast, e.g. "Removed 张三 from the registry" */
  text = g_strdup_printf (_("Removed %s from the registry"), yishi_person_get_name (person));
  batch = yishi_registry_delete_person (self->database, id, &error);
  if (batch == NULL)
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return;
    }
  self->current_person = 0;
  offer_undo (self, text, batch, YISHI_NODE_COMMUNITY, id, TRUE);
}

/* Other dialogs -------------------------------------------------------------------- */

#ifdef HAVE_IMPORT_DIALOG
static void
on_imported (GtkWindow          *dialog,
             guint               n,
             YishiRegistryPanel *self)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text =
    /* Translators: a toast after importing a roster */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s person", "Imported %s people", n), number);

  yishi_panel_show_message (YISHI_PANEL (self), text);
}
#endif

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
#ifdef HAVE_IMPORT_DIALOG
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  GtkWindow *dialog;

  if (!writable (self))
    return;
  dialog = yishi_import_dialog_new (parent_window (self), self->database);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (dialog);
#endif
}

static void
points_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
#ifdef HAVE_POINTS_DIALOG
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);

  if (self->database != NULL)
    gtk_window_present (yishi_points_dialog_new (parent_window (self), self->database));
#endif
}

static void
organisations_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
#ifdef HAVE_ORGANISATIONS_DIALOG
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);

  if (self->database != NULL)
    gtk_window_present (yishi_organisations_dialog_new (parent_window (self), self->database));
#endif
}

/* The contact board (三长公示) and the quarter's points notice ------------------------ */

#ifdef HAVE_CONTACT_BOARD

typedef struct
{
  char *database_path;
  char *grid;              /* the contact board's grid, or NULL for the points notice */
  int year, quarter;       /* the points notice's quarter */
  char *title_font;
  char *body_font;
  char *pdf_path;
  guint n_pages;
  YishiDatabase *database; /* the window's, to draw pages for printing */
  YishiNotice *notice;     /* laid out on the main thread */
  gboolean previewed;      /* the preview owns it now */
} Board;

static void
board_free (gpointer data)
{
  Board *board = data;

  if (board->pdf_path != NULL)
    g_unlink (board->pdf_path);
  g_free (board->database_path);
  g_free (board->grid);
  g_free (board->title_font);
  g_free (board->body_font);
  g_free (board->pdf_path);
  g_clear_object (&board->database);
  g_clear_object (&board->notice);
  g_free (board);
}

static void
board_release (gpointer data)
{
  Board *board = data;

  if (!board->previewed)
    board_free (board);
}

static YishiNotice *
board_build (Board         *board,
             YishiDatabase *database,
             GError       **error)
{
  if (board->grid != NULL)
    return yishi_notice_contact_board_build (database, board->grid, board->title_font,
                                             board->body_font, error);
  return yishi_notice_points_build (database, board->year, board->quarter, board->title_font,
                                    board->body_font, error);
}

static void
board_draw (gpointer  data,
            cairo_t  *cr,
            guint     page,
            double    width_pt,
            double    height_pt)
{
  Board *board = data;

  /* The same data and renderer as the PDF, laid out again on this thread. */
  if (board->notice == NULL)
    board->notice = board_build (board, board->database, NULL);
  if (board->notice != NULL && page < yishi_notice_get_n_pages (board->notice))
    yishi_notice_draw_page (board->notice, cr, page, width_pt, height_pt);
}

static void
board_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Board *board = task_data;
  g_autoptr (YishiDatabase) reader = NULL;
  g_autoptr (YishiNotice) notice = NULL;
  g_autoptr (GError) error = NULL;

  /* Its own read-only connection: the window keeps working on the main one. */
  reader = yishi_database_open (board->database_path, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (reader != NULL)
    notice = board_build (board, reader, &error);
  if (notice != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      board->n_pages = yishi_notice_get_n_pages (notice);
      if (yishi_notice_write_pdf (notice, board->pdf_path, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Why @board's notice could not be made, for a toast. */
static char *
board_error_text (Board      *board,
                  const char *message)
{
  return board->grid != NULL
    ? g_strdup_printf (_("The contact board could not be made: %s"), message)
    : g_strdup_printf (_("The points notice could not be made: %s"), message);
}

static void
board_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (source);
  Board *board = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWindow *preview;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = board_error_text (board, error->message);

          yishi_panel_show_message (YISHI_PANEL (self), text);
        }
      return;
    }
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* Translators: the title of the preview and the suggested file name; %s is a grid */
  if (board->grid != NULL)
    title = g_strdup_printf (_("Contact Board %s"), board->grid);
  else
    /* Translators: the title of the preview and the suggested file name */
    title = g_strdup_printf (_("Points Notice %d Q%d"), board->year, board->quarter);
  board->previewed = TRUE;
  preview = yishi_pdf_preview_new (parent_window (self), title, board->pdf_path, board_draw,
                                   board->n_pages, board, board_free);
  gtk_window_present (preview);
}

/* The notice fonts of the preferences, or the defaults. */
static void
notice_fonts (char **title_font,
              char **body_font)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  *title_font = NULL;
  *body_font = NULL;
  if (schema != NULL)
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);

      *title_font = g_settings_get_string (settings, "notice-title-font");
      *body_font = g_settings_get_string (settings, "notice-body-font");
    }
  if (*title_font == NULL || **title_font == '\0')
    {
      g_free (*title_font);
      *title_font = g_strdup (YISHI_NOTICE_DEFAULT_TITLE_FONT);
    }
  if (*body_font == NULL || **body_font == '\0')
    {
      g_free (*body_font);
      *body_font = g_strdup (YISHI_NOTICE_DEFAULT_BODY_FONT);
    }
}

#endif /* HAVE_CONTACT_BOARD */

#ifdef HAVE_CONTACT_BOARD
/* Writes @board's notice to a temporary PDF off the main thread, then previews it.
 * Takes @board. */
static void
start_notice (YishiRegistryPanel *self,
              Board              *board,
              gpointer            source_tag)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  int fd;

  fd = g_file_open_tmp ("yishi-notice-XXXXXX.pdf", &board->pdf_path, &error);
  if (fd < 0)
    {
      g_autofree char *text = board_error_text (board, error->message);

      board_free (board);
      yishi_panel_show_message (YISHI_PANEL (self), text);
      return;
    }
  close (fd);
  board->database_path = g_strdup (yishi_database_get_path (self->database));
  board->database = g_object_ref (self->database);
  notice_fonts (&board->title_font, &board->body_font);

  task = g_task_new (self, self->cancellable, board_done, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, board, board_release);
  g_task_run_in_thread (task, board_thread);
}
#endif

static void
contact_board_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
#ifdef HAVE_CONTACT_BOARD
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  YishiRegistryItem *grid = selected_ancestor (self, YISHI_NODE_GRID);
  Board *board;

  if (grid == NULL || self->database == NULL)
    return;
  board = g_new0 (Board, 1);
  board->grid = g_strdup (yishi_registry_item_get_name (grid));
  start_notice (self, board, contact_board_action);
#endif
}

/* The points notice of the quarter we are in (names masked unless consented). */
static void
points_notice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
#ifdef HAVE_CONTACT_BOARD
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);
  g_autofree char *today = yishi_clock_today ();
  Board *board;

  if (self->database == NULL)
    return;
  board = g_new0 (Board, 1);
  board->year = atoi (today);
  board->quarter = (atoi (today + 5) - 1) / 3 + 1;
  start_notice (self, board, points_notice_action);
#endif
}

/* Small actions -------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "registry") != 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  yishi_registry_panel_clear_filters (YISHI_REGISTRY_PANEL (widget));
}

/* Setting up --------------------------------------------------------------------- */

void
yishi_registry_panel_class_init_actions (YishiRegistryPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "registry.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "registry.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "registry.new-grid", NULL, new_place_action);
  gtk_widget_class_install_action (widget_class, "registry.new-building", NULL, new_place_action);
  gtk_widget_class_install_action (widget_class, "registry.new-unit", NULL, new_place_action);
  gtk_widget_class_install_action (widget_class, "registry.new-household", NULL, new_place_action);
  gtk_widget_class_install_action (widget_class, "registry.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "registry.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "registry.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "registry.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "registry.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "registry.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "registry.open-person", NULL, open_person_action);
  gtk_widget_class_install_action (widget_class, "registry.delete-person", NULL, delete_person_action);
  gtk_widget_class_install_action (widget_class, "registry.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "registry.contact-board", NULL, contact_board_action);
  gtk_widget_class_install_action (widget_class, "registry.points-notice", NULL, points_notice_action);
  gtk_widget_class_install_action (widget_class, "registry.points", NULL, points_action);
  gtk_widget_class_install_action (widget_class, "registry.organisations", NULL, organisations_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
add_shortcuts (YishiRegistryPanel *self)
{
  GtkEventController *panel = gtk_shortcut_controller_new ();
  GtkEventController *tree = gtk_shortcut_controller_new ();
  GtkEventController *people = gtk_shortcut_controller_new ();

  /* While the panel is shown, wherever the focus is (the window runs them). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (panel), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (panel), "<Control>f", "registry.search");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (panel), "<Control><Shift>n", "registry.new-person");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (panel), "<Control>i", "registry.import");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (panel), "<Control>z", "registry.undo");
  gtk_widget_add_controller (GTK_WIDGET (self), panel);

  /* On the tree: the place selected. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (tree), "F2", "registry.rename");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (tree), "Delete", "registry.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (tree), "KP_Delete", "registry.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (tree), "Menu", "registry.context-menu");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (tree), "<Shift>F10", "registry.context-menu");
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), tree);

  /* On the list: the person selected. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (people), "Delete", "registry.delete-person");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (people), "KP_Delete", "registry.delete-person");
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), people);
}

void
yishi_registry_panel_init_actions (YishiRegistryPanel *self)
{
  self->context_popover = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (self->context_popover, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_popover), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_popover), self->sidebar);
  add_shortcuts (self);

#ifndef HAVE_PERSON_DIALOG
  gtk_widget_set_visible (self->new_person_button, FALSE);
#endif
#ifndef HAVE_CONTACT_BOARD
  gtk_widget_set_visible (self->contact_board_button, FALSE);
#endif
#ifndef HAVE_IMPORT_DIALOG
  gtk_widget_set_visible (self->empty_import_button, FALSE);
#endif
}
