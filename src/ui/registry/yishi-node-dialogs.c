/* yishi-node-dialogs.c — the small forms of the registry's tree: a new grid, building,
 * unit or household, a new name, a new place to move to, and the question before a
 * place where people live is deleted.
 *
 * What the core refuses (a sibling with the same name, a move under the wrong kind of
 * place) is said in the dialog, under the field, which keeps what was typed; nothing is
 * written until the button is pressed.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-node-dialogs.h"

struct _YishiNodeDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  YishiNodeDialogMode mode;
  YishiNodeKind kind;
  gint64 id;        /* the place renamed or moved */
  gint64 parent_id; /* where a new place goes, or where the moved one is now */
  char *old_name;
  char *error_text;
  GArray *place_ids; /* gint64: the places it can move to, as the dropdown lists them */

  AdwWindowTitle *title;
  GtkWidget *apply_button;
  AdwEntryRow *name_row;
  GtkDropDown *place_dropdown;
  GtkWidget *place_row;
  GtkLabel *error_label;
};

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiNodeDialog, yishi_node_dialog, ADW_TYPE_WINDOW)

const char *
yishi_node_kind_label (YishiNodeKind kind)
{
  switch (kind)
    {
    case YISHI_NODE_GRID:
      return _("Grid");
    case YISHI_NODE_BUILDING:
      return _("Building");
    case YISHI_NODE_UNIT:
      return _("Unit");
    case YISHI_NODE_HOUSEHOLD:
      return _("Household");
    case YISHI_NODE_COMMUNITY:
    default:
      return _("Community");
    }
}

static const char *
new_title (YishiNodeKind kind)
{
  switch (kind)
    {
    case YISHI_NODE_GRID:
      return _("New Grid");
    case YISHI_NODE_BUILDING:
      return _("New Building");
    case YISHI_NODE_UNIT:
      return _("New Unit");
    case YISHI_NODE_HOUSEHOLD:
    default:
      return _("New Household");
    }
}

static void
show_error (YishiNodeDialog *self,
            const char      *message)
{
  GtkWidget *field = self->name_row ? GTK_WIDGET (self->name_row) : self->place_row;

  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (field == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static void
update_apply (YishiNodeDialog *self)
{
  gboolean ready = TRUE;

  if (self->name_row != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

      ready = *name != '\0';
    }
  else if (self->place_dropdown != NULL)
    {
      guint selected = gtk_drop_down_get_selected (self->place_dropdown);

      ready = selected < self->place_ids->len &&
              g_array_index (self->place_ids, gint64, selected) != self->parent_id;
    }
  gtk_widget_set_sensitive (self->apply_button, ready);
}

static void
on_field_changed (YishiNodeDialog *self)
{
  /* The user is fixing it: the old message no longer applies. */
  if (self->error_text != NULL)
    show_error (self, NULL);
  update_apply (self);
}

/**
 * yishi_node_dialog_apply:
 *
 * Writes what the form says. On success the dialog emits "done" and closes; on an
 * error the message shows in the dialog, which stays open with what was typed.
 *
 * Returns: whether it was written (or there was nothing to change)
 */
gboolean
yishi_node_dialog_apply (YishiNodeDialog *self,
                         GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  gint64 id = self->id;
  gboolean done = TRUE;

  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), FALSE);

  if (self->name_row != NULL)
    {
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      if (*name == '\0')
        {
          g_set_error_literal (&local_error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID,
                               self->kind == YISHI_NODE_HOUSEHOLD ? _("Enter the room.")
                                                                  : _("Enter a name."));
          done = FALSE;
        }
    }

  if (done && self->mode == YISHI_NODE_DIALOG_CREATE)
    {
      id = yishi_registry_create_node (self->database, self->kind, self->parent_id, name, &local_error);
      done = id > 0;
    }
  else if (done && self->mode == YISHI_NODE_DIALOG_RENAME)
    {
      if (g_strcmp0 (name, self->old_name) != 0)
        done = yishi_registry_rename_node (self->database, self->kind, self->id, name, &local_error);
    }
  else if (done && self->mode == YISHI_NODE_DIALOG_MOVE)
    {
      guint selected = gtk_drop_down_get_selected (self->place_dropdown);
      gint64 to = selected < self->place_ids->len ? g_array_index (self->place_ids, gint64, selected) : 0;

      if (to == 0)
        {
          g_set_error_literal (&local_error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_BAD_MOVE,
                               _("Choose where to move it."));
          done = FALSE;
        }
      else if (to != self->parent_id)
        done = yishi_registry_move_node (self->database, self->kind, self->id, to, &local_error);
    }

  if (!done)
    {
      g_assert (local_error != NULL);
      show_error (self, local_error->message);
      if (self->name_row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, (int)self->kind, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  yishi_node_dialog_apply (YISHI_NODE_DIALOG (widget), NULL);
}

static void
on_entry_activated (YishiNodeDialog *self)
{
  if (gtk_widget_get_sensitive (self->apply_button))
    yishi_node_dialog_apply (self, NULL);
}

static void
yishi_node_dialog_map (GtkWidget *widget)
{
  YishiNodeDialog *self = YISHI_NODE_DIALOG (widget);

  GTK_WIDGET_CLASS (yishi_node_dialog_parent_class)->map (widget);
  /* Ready to type: a new name replaces the old one. */
  if (self->name_row != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
    }
  else if (self->place_dropdown != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->place_dropdown));
}

static void
yishi_node_dialog_dispose (GObject *object)
{
  YishiNodeDialog *self = YISHI_NODE_DIALOG (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (yishi_node_dialog_parent_class)->dispose (object);
}

static void
yishi_node_dialog_finalize (GObject *object)
{
  YishiNodeDialog *self = YISHI_NODE_DIALOG (object);

  g_clear_pointer (&self->old_name, g_free);
  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->place_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_node_dialog_parent_class)->finalize (object);
}

static void
yishi_node_dialog_class_init (YishiNodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_node_dialog_dispose;
  object_class->finalize = yishi_node_dialog_finalize;
  widget_class->map = yishi_node_dialog_map;

  /**
   * YishiNodeDialog::done:
   * @kind: the YishiNodeKind of the place
   * @id: the place created, renamed or moved
   */
  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "node.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "node.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "node.apply", NULL);
}

static void
yishi_node_dialog_init (YishiNodeDialog *self)
{
  self->place_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* The frame every mode shares; @group gets the field. */
static YishiNodeDialog *
dialog_new (GtkWindow          *parent,
            YishiDatabase      *database,
            YishiNodeDialogMode mode,
            YishiNodeKind       kind,
            const char         *title,
            const char         *subtitle,
            const char         *apply_label,
            GtkWidget         **group)
{
  YishiNodeDialog *self = g_object_new (YISHI_TYPE_NODE_DIALOG,
                                        "modal", TRUE,
                                        "destroy-with-parent", TRUE,
                                        "transient-for", parent,
                                        "default-width", 440,
                                        "width-request", 320,
                                        "title", title,
                                        NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->database = g_object_ref (database);
  self->mode = mode;
  self->kind = kind;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (title, subtitle ? subtitle : ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (apply_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "node.apply");
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (form, 18);
  gtk_widget_set_margin_bottom (form, 18);
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  *group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (form), *group);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "yishi-form-error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->error_label));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 480);
  adw_clamp_set_child (ADW_CLAMP (clamp), form);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  return self;
}

static void
add_name_row (YishiNodeDialog *self,
              GtkWidget       *group,
              const char      *text)
{
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 self->kind == YISHI_NODE_HOUSEHOLD ? _("_Room") : _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), text);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  update_apply (self);
}

/**
 * yishi_node_dialog_new_create:
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
YishiNodeDialog *
yishi_node_dialog_new_create (GtkWindow     *parent,
                              YishiDatabase *database,
                              YishiNodeKind  kind,
                              gint64         parent_id)
{
  YishiNodeDialog *self;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *group;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind >= YISHI_NODE_GRID && kind <= YISHI_NODE_HOUSEHOLD, NULL);

  if (kind > YISHI_NODE_GRID)
    where = yishi_registry_node_path (database, kind - 1, parent_id);
  if (where != NULL && *where != '\0')
    /* Translators: the subtitle of "New Building": where it goes */
    subtitle = g_strdup_printf (_("In %s"), where);
  self = dialog_new (parent, database, YISHI_NODE_DIALOG_CREATE, kind, new_title (kind), subtitle,
                     _("C_reate"), &group);
  self->parent_id = parent_id;
  switch (kind)
    {
    case YISHI_NODE_GRID:
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("For example 第一网格."));
      break;
    case YISHI_NODE_BUILDING:
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("For example 3号楼."));
      break;
    case YISHI_NODE_UNIT:
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("For example 2单元."));
      break;
    case YISHI_NODE_HOUSEHOLD:
    case YISHI_NODE_COMMUNITY:
    default:
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The room number, for example 301."));
      break;
    }
  add_name_row (self, group, NULL);
  return self;
}

/**
 * yishi_node_dialog_new_rename:
 *
 * Returns: (transfer none) (nullable): the dialog, or NULL when the place is gone
 */
YishiNodeDialog *
yishi_node_dialog_new_rename (GtkWindow     *parent,
                              YishiDatabase *database,
                              YishiNodeKind  kind,
                              gint64         id)
{
  g_autoptr (YishiRegistryNode) node = NULL;
  g_autofree char *path = NULL;
  YishiNodeDialog *self;
  GtkWidget *group;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  node = yishi_registry_node_load (database, kind, id, NULL);
  if (node == NULL)
    return NULL;
  path = yishi_registry_node_path (database, kind, id);
  self = dialog_new (parent, database, YISHI_NODE_DIALOG_RENAME, kind,
                     kind == YISHI_NODE_HOUSEHOLD ? _("Change Room") : _("Rename"), path,
                     kind == YISHI_NODE_HOUSEHOLD ? _("_Change") : _("_Rename"), &group);
  self->id = id;
  self->parent_id = yishi_registry_node_get_parent_id (node);
  self->old_name = g_strdup (yishi_registry_node_get_name (node));
  add_name_row (self, group, self->old_name);
  return self;
}

/* The places of @kind that a place one level down can move to, with their paths. */
static void
add_places (YishiNodeDialog *self,
            GtkStringList   *labels,
            YishiNodeKind    kind,
            YishiNodeKind    from_kind,
            gint64           from_id,
            const char      *prefix,
            gint64           only_grid)
{
  g_autoptr (GListModel) children = yishi_registry_children (self->database, from_kind, from_id, NULL);
  guint n = children ? g_list_model_get_n_items (children) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiRegistryNode) child = g_list_model_get_item (children, i);
      g_autofree char *label = NULL;
      gint64 id = yishi_registry_node_get_id (child);

      if (only_grid != 0 && from_kind == YISHI_NODE_COMMUNITY && id != only_grid)
        continue;
      label = prefix ? g_strdup_printf ("%s / %s", prefix, yishi_registry_node_get_name (child))
                     : g_strdup (yishi_registry_node_get_name (child));
      if (yishi_registry_node_get_kind (child) == kind)
        {
          gtk_string_list_append (labels, label);
          g_array_append_val (self->place_ids, id);
        }
      else if (yishi_registry_node_get_kind (child) < kind && yishi_registry_node_has_children (child))
        add_places (self, labels, kind, yishi_registry_node_get_kind (child), id, label, only_grid);
    }
}

/* The grid a place is in. */
static gint64
grid_of (YishiDatabase *database,
         YishiNodeKind  kind,
         gint64         id)
{
  while (kind > YISHI_NODE_GRID)
    {
      g_autoptr (YishiRegistryNode) node = yishi_registry_node_load (database, kind, id, NULL);

      if (node == NULL)
        return 0;
      id = yishi_registry_node_get_parent_id (node);
      kind--;
    }
  return kind == YISHI_NODE_GRID ? id : 0;
}

/**
 * yishi_node_dialog_new_move:
 *
 * A building moves to another grid, a unit to another building, a household to another
 * unit of its grid; the people living there go with it.
 *
 * Returns: (transfer none) (nullable): the dialog, or NULL when the place is gone or
 *   cannot move
 */
YishiNodeDialog *
yishi_node_dialog_new_move (GtkWindow     *parent,
                            YishiDatabase *database,
                            YishiNodeKind  kind,
                            gint64         id)
{
  g_autoptr (YishiRegistryNode) node = NULL;
  g_autoptr (GtkStringList) labels = NULL;
  g_autoptr (GtkExpression) expression = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  YishiNodeDialog *self;
  GtkWidget *group;
  GtkWidget *row;
  guint current = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  if (kind < YISHI_NODE_BUILDING || kind > YISHI_NODE_HOUSEHOLD)
    return NULL;
  node = yishi_registry_node_load (database, kind, id, NULL);
  if (node == NULL)
    return NULL;
  path = yishi_registry_node_path (database, kind, id);
  self = dialog_new (parent, database, YISHI_NODE_DIALOG_MOVE, kind, _("Move"), path, _("_Move"), &group);
  self->id = id;
  self->parent_id = yishi_registry_node_get_parent_id (node);

  labels = gtk_string_list_new (NULL);
  /* Households stay in their grid: a district has too many units to list them all. */
  add_places (self, labels, kind - 1, YISHI_NODE_COMMUNITY, 0, NULL,
              kind == YISHI_NODE_HOUSEHOLD ? grid_of (database, kind, id) : 0);
  for (guint i = 0; i < self->place_ids->len; i++)
    if (g_array_index (self->place_ids, gint64, i) == self->parent_id)
      current = i;

  if (g_list_model_get_n_items (G_LIST_MODEL (labels)) == 0)
    current = GTK_INVALID_LIST_POSITION;
  switch (kind)
    {
    case YISHI_NODE_BUILDING:
      description = g_strdup (_("Choose the grid it belongs to. Its units, households and people go with it."));
      break;
    case YISHI_NODE_UNIT:
      description = g_strdup (_("Choose the building it belongs to. Its households and people go with it."));
      break;
    case YISHI_NODE_HOUSEHOLD:
    case YISHI_NODE_GRID:
    case YISHI_NODE_COMMUNITY:
    default:
      description = g_strdup (_("Choose the unit it belongs to, in the same grid. Its people go with it."));
      break;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->place_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                           g_steal_pointer (&expression)));
  gtk_drop_down_set_enable_search (self->place_dropdown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->place_dropdown), GTK_ALIGN_CENTER);
  if (current != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->place_dropdown, current);
  g_signal_connect_swapped (self->place_dropdown, "notify::selected", G_CALLBACK (on_field_changed), self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Move To"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->place_dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->place_dropdown));
  self->place_row = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  update_apply (self);
  return self;
}

YishiNodeDialogMode
yishi_node_dialog_get_mode (YishiNodeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), YISHI_NODE_DIALOG_CREATE);
  return self->mode;
}

YishiNodeKind
yishi_node_dialog_get_kind (YishiNodeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), YISHI_NODE_GRID);
  return self->kind;
}

void
yishi_node_dialog_set_name (YishiNodeDialog *self,
                            const char      *name)
{
  g_return_if_fail (YISHI_IS_NODE_DIALOG (self));
  g_return_if_fail (self->name_row != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

/* Returns: (nullable): what the name field holds, as typed */
const char *
yishi_node_dialog_get_name (YishiNodeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), NULL);
  return self->name_row ? gtk_editable_get_text (GTK_EDITABLE (self->name_row)) : NULL;
}

/* The number of places a moved place can go to. */
guint
yishi_node_dialog_get_n_places (YishiNodeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), 0);
  return self->place_ids->len;
}

gboolean
yishi_node_dialog_select_place (YishiNodeDialog *self,
                                gint64           parent_id)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), FALSE);

  if (self->place_dropdown == NULL)
    return FALSE;
  for (guint i = 0; i < self->place_ids->len; i++)
    if (g_array_index (self->place_ids, gint64, i) == parent_id)
      {
        gtk_drop_down_set_selected (self->place_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Returns: (nullable): the message shown in the dialog */
const char *
yishi_node_dialog_get_error (YishiNodeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_NODE_DIALOG (self), NULL);
  return self->error_text;
}

/* The question before deleting ------------------------------------------------------ */

/**
 * yishi_node_delete_dialog_new:
 *
 * Returns: (transfer none): an AdwMessageDialog, not yet presented, answering "cancel"
 *   or "delete"
 */
GtkWindow *
yishi_node_delete_dialog_new (GtkWindow     *parent,
                              YishiNodeKind  kind,
                              const char    *name,
                              guint          n_people)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *number = g_strdup_printf ("%'u", n_people);
  GtkWidget *dialog;

  /* Translators: %s is a place, e.g. "Delete 3号楼?" */
  heading = g_strdup_printf (_("Delete %s?"), name);
  if (kind == YISHI_NODE_HOUSEHOLD)
    /* Translators: %s is a number of people */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The household and the %s person living there leave the "
                                         "registry. You can undo this right afterwards.",
                                         "The household and the %s people living there leave the "
                                         "registry. You can undo this right afterwards.",
                                         n_people),
                            number);
  else
    /* Translators: %s is a number of people */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Everything in it leaves the registry, with the %s person "
                                         "living there. You can undo this right afterwards.",
                                         "Everything in it leaves the registry, with the %s people "
                                         "living there. You can undo this right afterwards.",
                                         n_people),
                            number);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return GTK_WINDOW (dialog);
}
