/* yishi-registry-tree.c — the registry's places as a GtkTreeListModel.
 *
 * The root holds "All People" (the community) and the grids; each grid, building and
 * unit has a level of its children, read from yishi_registry_children () when the row
 * is first expanded (GtkTreeListModel asks for a child model just to know whether a
 * row can expand: a level reads nothing until it is counted). The items are our own
 * YishiRegistryItem, one per place, and survive a refresh: the tree reads every
 * level that is shown again, updates the names and counts of the items in place
 * ("notify"), and splices only what was added or removed, so that rows, the selection
 * and the expanded state stay where they are. A place that gains or loses its first
 * child is put in again (its row must learn whether it expands); rows that were put in
 * again are expanded as they were.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-people-list.h"

#include "yishi-registry-tree.h"

/* Items ---------------------------------------------------------------------------- */

struct _YishiRegistryItem
{
  GObject parent_instance;

  YishiNodeKind kind;
  gint64 id;
  gint64 parent_id;
  char *name;
  guint n_people;
  gboolean has_children;
};

enum
{
  ITEM_PROP_0,
  ITEM_PROP_NAME,
  ITEM_PROP_N_PEOPLE,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (YishiRegistryItem, yishi_registry_item, G_TYPE_OBJECT)

static void
yishi_registry_item_finalize (GObject *object)
{
  g_free (YISHI_REGISTRY_ITEM (object)->name);

  G_OBJECT_CLASS (yishi_registry_item_parent_class)->finalize (object);
}

static void
yishi_registry_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YishiRegistryItem *self = YISHI_REGISTRY_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case ITEM_PROP_N_PEOPLE:
      g_value_set_uint (value, self->n_people);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_registry_item_class_init (YishiRegistryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yishi_registry_item_finalize;
  object_class->get_property = yishi_registry_item_get_property;

  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_N_PEOPLE] =
    g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
yishi_registry_item_init (YishiRegistryItem *self)
{
}

static YishiRegistryItem *
item_new (YishiNodeKind kind,
          gint64        id,
          gint64        parent_id,
          const char   *name,
          guint         n_people,
          gboolean      has_children)
{
  YishiRegistryItem *self = g_object_new (YISHI_TYPE_REGISTRY_ITEM, NULL);

  self->kind = kind;
  self->id = id;
  self->parent_id = parent_id;
  self->name = g_strdup (name);
  self->n_people = n_people;
  self->has_children = has_children;
  return self;
}

static void
item_set_name (YishiRegistryItem *self,
               const char        *name)
{
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_NAME]);
}

static void
item_set_n_people (YishiRegistryItem *self,
                   guint              n_people)
{
  if (self->n_people == n_people)
    return;
  self->n_people = n_people;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_N_PEOPLE]);
}

YishiNodeKind
yishi_registry_item_get_kind (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), YISHI_NODE_COMMUNITY);
  return self->kind;
}

gint64
yishi_registry_item_get_id (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), 0);
  return self->id;
}

gint64
yishi_registry_item_get_parent_id (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), 0);
  return self->parent_id;
}

/* "All People" for the community row. */
const char *
yishi_registry_item_get_name (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), NULL);
  return self->name;
}

guint
yishi_registry_item_get_n_people (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), 0);
  return self->n_people;
}

gboolean
yishi_registry_item_has_children (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), FALSE);
  return self->has_children;
}

gboolean
yishi_registry_item_is_community (YishiRegistryItem *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_ITEM (self), FALSE);
  return self->kind == YISHI_NODE_COMMUNITY;
}

/* Levels --------------------------------------------------------------------------- */

#define YISHI_TYPE_REGISTRY_LEVEL (yishi_registry_level_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryLevel, yishi_registry_level, YISHI, REGISTRY_LEVEL, GObject)

struct _YishiRegistryLevel
{
  GObject parent_instance;

  YishiRegistryTree *tree; /* weak */
  YishiNodeKind parent_kind;
  gint64 parent_id;
  GPtrArray *items;        /* YishiRegistryItem */
  gboolean loaded;
};

struct _YishiRegistryTree
{
  GObject parent_instance;

  YishiDatabase *database;
  GtkTreeListModel *model;
  YishiRegistryLevel *root;    /* owned by the model */
  YishiRegistryItem *all;      /* "All People" */
  YishiPeopleList *everybody;  /* counts them */
  GError *error;
};

static void yishi_registry_level_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YishiRegistryLevel, yishi_registry_level, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, yishi_registry_level_model_init))

static void
set_error (YishiRegistryTree *tree,
           GError            *error)
{
  g_clear_error (&tree->error);
  tree->error = error;
}

/* The children as the database has them now, reusing @old's items for the same places.
 * @replace (out): for each new item, whether its row must be made again. */
static GPtrArray *
read_level (YishiRegistryLevel *self,
            GPtrArray          *old,
            GArray             *replace)
{
  YishiRegistryTree *tree = self->tree;
  g_autoptr (GListModel) nodes = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GError) error = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (tree == NULL || tree->database == NULL)
    return items;
  for (guint i = 0; old != NULL && i < old->len; i++)
    {
      YishiRegistryItem *item = g_ptr_array_index (old, i);

      g_hash_table_insert (by_id, &item->id, item);
    }

  if (self->parent_kind == YISHI_NODE_COMMUNITY)
    {
      gboolean same = FALSE;

      yishi_people_list_refresh (tree->everybody);
      item_set_n_people (tree->all, g_list_model_get_n_items (G_LIST_MODEL (tree->everybody)));
      g_ptr_array_add (items, g_object_ref (tree->all));
      if (replace != NULL)
        g_array_append_val (replace, same);
    }

  nodes = yishi_registry_children (tree->database, self->parent_kind, self->parent_id, &error);
  if (nodes == NULL)
    {
      set_error (tree, g_steal_pointer (&error));
      /* Keep what was shown rather than an empty tree. */
      for (guint i = 0; old != NULL && i < old->len; i++)
        {
          YishiRegistryItem *item = g_ptr_array_index (old, i);
          gboolean same = FALSE;

          if (item == tree->all)
            continue;
          g_ptr_array_add (items, g_object_ref (item));
          if (replace != NULL)
            g_array_append_val (replace, same);
        }
      return items;
    }

  n = g_list_model_get_n_items (nodes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiRegistryNode) node = g_list_model_get_item (nodes, i);
      gint64 id = yishi_registry_node_get_id (node);
      YishiRegistryItem *item = g_hash_table_lookup (by_id, &id);
      gboolean again = FALSE;

      if (item != NULL && item->kind == yishi_registry_node_get_kind (node))
        {
          g_hash_table_remove (by_id, &id);
          item_set_name (item, yishi_registry_node_get_name (node));
          item_set_n_people (item, yishi_registry_node_get_n_people (node));
          item->parent_id = yishi_registry_node_get_parent_id (node);
          if (item->has_children != yishi_registry_node_has_children (node))
            {
              item->has_children = yishi_registry_node_has_children (node);
              again = TRUE;
            }
          g_ptr_array_add (items, g_object_ref (item));
        }
      else
        g_ptr_array_add (items, item_new (yishi_registry_node_get_kind (node), id,
                                          yishi_registry_node_get_parent_id (node),
                                          yishi_registry_node_get_name (node),
                                          yishi_registry_node_get_n_people (node),
                                          yishi_registry_node_has_children (node)));
      if (replace != NULL)
        g_array_append_val (replace, again);
    }
  return items;
}

static void
level_load (YishiRegistryLevel *self)
{
  if (self->loaded)
    return;
  self->loaded = TRUE;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = read_level (self, NULL, NULL);
}

/* Reads the level again; tells the model only what changed. */
static void
level_refresh (YishiRegistryLevel *self)
{
  g_autoptr (GArray) replace = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GPtrArray) old = NULL;
  GPtrArray *items;
  guint prefix = 0, suffix = 0, removed, added;

  if (!self->loaded)
    return;
  items = read_level (self, self->items, replace);
  old = g_steal_pointer (&self->items);
  self->items = items;

  while (prefix < old->len && prefix < items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (items, prefix) &&
         !g_array_index (replace, gboolean, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
           g_ptr_array_index (items, items->len - 1 - suffix) &&
         !g_array_index (replace, gboolean, items->len - 1 - suffix))
    suffix++;
  removed = old->len - prefix - suffix;
  added = items->len - prefix - suffix;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

static GType
yishi_registry_level_get_item_type (GListModel *model)
{
  return YISHI_TYPE_REGISTRY_ITEM;
}

static guint
yishi_registry_level_get_n_items (GListModel *model)
{
  YishiRegistryLevel *self = YISHI_REGISTRY_LEVEL (model);

  level_load (self);
  return self->items->len;
}

static gpointer
yishi_registry_level_get_item (GListModel *model,
                               guint       position)
{
  YishiRegistryLevel *self = YISHI_REGISTRY_LEVEL (model);

  level_load (self);
  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
yishi_registry_level_model_init (GListModelInterface *iface)
{
  iface->get_item_type = yishi_registry_level_get_item_type;
  iface->get_n_items = yishi_registry_level_get_n_items;
  iface->get_item = yishi_registry_level_get_item;
}

static void
yishi_registry_level_finalize (GObject *object)
{
  YishiRegistryLevel *self = YISHI_REGISTRY_LEVEL (object);

  g_clear_weak_pointer (&self->tree);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_registry_level_parent_class)->finalize (object);
}

static void
yishi_registry_level_class_init (YishiRegistryLevelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_registry_level_finalize;
}

static void
yishi_registry_level_init (YishiRegistryLevel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static YishiRegistryLevel *
level_new (YishiRegistryTree *tree,
           YishiNodeKind      parent_kind,
           gint64             parent_id)
{
  YishiRegistryLevel *self = g_object_new (YISHI_TYPE_REGISTRY_LEVEL, NULL);

  g_set_weak_pointer (&self->tree, tree);
  self->parent_kind = parent_kind;
  self->parent_id = parent_id;
  return self;
}

/* The tree ------------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (YishiRegistryTree, yishi_registry_tree, G_TYPE_OBJECT)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  YishiRegistryItem *place = item;
  YishiRegistryTree *self = user_data;

  if (place->kind == YISHI_NODE_COMMUNITY || place->kind == YISHI_NODE_HOUSEHOLD ||
      !place->has_children)
    return NULL;
  /* Reads nothing until the row is expanded. */
  return G_LIST_MODEL (level_new (self, place->kind, place->id));
}

static void
yishi_registry_tree_dispose (GObject *object)
{
  YishiRegistryTree *self = YISHI_REGISTRY_TREE (object);

  g_clear_object (&self->model);
  self->root = NULL;
  g_clear_object (&self->all);
  g_clear_object (&self->everybody);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (yishi_registry_tree_parent_class)->dispose (object);
}

static void
yishi_registry_tree_finalize (GObject *object)
{
  g_clear_error (&YISHI_REGISTRY_TREE (object)->error);

  G_OBJECT_CLASS (yishi_registry_tree_parent_class)->finalize (object);
}

static void
yishi_registry_tree_class_init (YishiRegistryTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_registry_tree_dispose;
  object_class->finalize = yishi_registry_tree_finalize;
}

static void
yishi_registry_tree_init (YishiRegistryTree *self)
{
}

YishiRegistryTree *
yishi_registry_tree_new (YishiDatabase *database)
{
  YishiRegistryTree *self;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  self = g_object_new (YISHI_TYPE_REGISTRY_TREE, NULL);
  self->database = g_object_ref (database);
  self->everybody = yishi_people_list_new (database);
  self->all = item_new (YISHI_NODE_COMMUNITY, 0, 0, _("All People"), 0, FALSE);
  self->root = level_new (self, YISHI_NODE_COMMUNITY, 0);
  /* The tree list model holds the root and calls us back while it lives. */
  self->model = gtk_tree_list_model_new (G_LIST_MODEL (self->root), FALSE, FALSE,
                                         create_children, self, NULL);
  return self;
}

YishiDatabase *
yishi_registry_tree_get_database (YishiRegistryTree *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), NULL);
  return self->database;
}

/* Returns: (transfer none): rows of YishiRegistryItem (passthrough off) */
GtkTreeListModel *
yishi_registry_tree_get_model (YishiRegistryTree *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), NULL);
  return self->model;
}

/* Returns: (nullable): why the last reading failed */
const GError *
yishi_registry_tree_get_error (YishiRegistryTree *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), NULL);
  return self->error;
}

guint
yishi_registry_tree_get_n_grids (YishiRegistryTree *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), 0);

  level_load (self->root);
  return self->root->items->len > 0 ? self->root->items->len - 1 : 0;
}

/* The live people of the community. */
guint
yishi_registry_tree_get_n_people (YishiRegistryTree *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), 0);

  level_load (self->root);
  return self->all->n_people;
}

static gpointer
key_of (YishiRegistryItem *item)
{
  return GSIZE_TO_POINTER (((guint64)item->kind << 56) ^ (guint64)item->id);
}

/**
 * yishi_registry_tree_get_item:
 *
 * Returns: (transfer none) (nullable): the place in row @position
 */
YishiRegistryItem *
yishi_registry_tree_get_item (YishiRegistryTree *self,
                              guint              position)
{
  g_autoptr (GtkTreeListRow) row = NULL;
  g_autoptr (YishiRegistryItem) item = NULL;

  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), NULL);

  row = gtk_tree_list_model_get_row (self->model, position);
  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  /* Its level keeps it while the row is there. */
  return item;
}

/**
 * yishi_registry_tree_get_ancestor:
 * @kind: the kind of place wanted
 *
 * Returns: (transfer none) (nullable): the place of @kind that row @position is in, or
 *   is
 */
YishiRegistryItem *
yishi_registry_tree_get_ancestor (YishiRegistryTree *self,
                                  guint              position,
                                  YishiNodeKind      kind)
{
  g_autoptr (GtkTreeListRow) row = NULL;

  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), NULL);

  row = gtk_tree_list_model_get_row (self->model, position);
  while (row != NULL)
    {
      g_autoptr (YishiRegistryItem) item = gtk_tree_list_row_get_item (row);
      GtkTreeListRow *parent;

      if (item->kind == kind)
        return item;
      parent = gtk_tree_list_row_get_parent (row);
      g_object_unref (row);
      row = parent;
    }
  return NULL;
}

/* Returns: the row of the place, or GTK_INVALID_LIST_POSITION when it is not shown */
guint
yishi_registry_tree_find (YishiRegistryTree *self,
                          YishiNodeKind      kind,
                          gint64             id)
{
  guint n;

  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), GTK_INVALID_LIST_POSITION);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      YishiRegistryItem *item = yishi_registry_tree_get_item (self, i);

      if (item != NULL && item->kind == kind && (kind == YISHI_NODE_COMMUNITY || item->id == id))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gboolean
yishi_registry_tree_expand (YishiRegistryTree *self,
                            guint              position,
                            gboolean           expanded)
{
  g_autoptr (GtkTreeListRow) row = NULL;

  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), FALSE);

  row = gtk_tree_list_model_get_row (self->model, position);
  if (row == NULL || !gtk_tree_list_row_is_expandable (row))
    return FALSE;
  gtk_tree_list_row_set_expanded (row, expanded);
  return TRUE;
}

/**
 * yishi_registry_tree_reveal:
 *
 * Expands the places above @kind/@id so that its row is shown.
 *
 * Returns: its row, or GTK_INVALID_LIST_POSITION when the place is not in the tree
 */
guint
yishi_registry_tree_reveal (YishiRegistryTree *self,
                            YishiNodeKind      kind,
                            gint64             id)
{
  g_autoptr (YishiRegistryNode) node = NULL;
  guint position;

  g_return_val_if_fail (YISHI_IS_REGISTRY_TREE (self), GTK_INVALID_LIST_POSITION);

  position = yishi_registry_tree_find (self, kind, id);
  if (position != GTK_INVALID_LIST_POSITION || kind <= YISHI_NODE_GRID)
    return position;
  node = yishi_registry_node_load (self->database, kind, id, NULL);
  if (node == NULL)
    return GTK_INVALID_LIST_POSITION;
  position = yishi_registry_tree_reveal (self, kind - 1, yishi_registry_node_get_parent_id (node));
  if (position == GTK_INVALID_LIST_POSITION)
    return position;
  yishi_registry_tree_expand (self, position, TRUE);
  return yishi_registry_tree_find (self, kind, id);
}

/**
 * yishi_registry_tree_refresh:
 *
 * Reads every level shown again (after the database changed): names and counts change
 * in place, places come and go, the rows expanded stay expanded.
 */
void
yishi_registry_tree_refresh (YishiRegistryTree *self)
{
  g_autoptr (GHashTable) expanded = g_hash_table_new (NULL, NULL);
  GListModel *rows;
  guint n;

  g_return_if_fail (YISHI_IS_REGISTRY_TREE (self));

  g_clear_error (&self->error);
  rows = G_LIST_MODEL (self->model);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->model, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr (YishiRegistryItem) item = gtk_tree_list_row_get_item (row);

          g_hash_table_add (expanded, key_of (item));
        }
    }

  /* Parents first: a level is read again before the rows of its children are looked
   * at, and a row removed takes its children with it. */
  level_refresh (self->root);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->model, i);
      g_autoptr (YishiRegistryItem) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        level_refresh (YISHI_REGISTRY_LEVEL (gtk_tree_list_row_get_children (row)));
      else if (g_hash_table_contains (expanded, key_of (item)))
        /* Put in again (moved, or its first child came): open as it was; a level
         * just made is read fresh. */
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* Rows ----------------------------------------------------------------------------- */

typedef struct
{
  YishiRegistryRowMenu menu;
  gpointer user_data;
} RowFactory;

static void
show_row (GtkWidget         *expander,
          YishiRegistryItem *item)
{
  GtkLabel *name = g_object_get_data (G_OBJECT (expander), "yishi-name");
  GtkLabel *count = g_object_get_data (G_OBJECT (expander), "yishi-count");
  g_autofree char *number = g_strdup_printf ("%'u", item->n_people);
  g_autofree char *people =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", item->n_people), number);

  gtk_label_set_text (name, item->name);
  gtk_label_set_text (count, number);
  gtk_widget_set_tooltip_text (GTK_WIDGET (count), people);
}

static void
on_item_notify (YishiRegistryItem *item,
                GParamSpec        *pspec,
                GtkWidget         *expander)
{
  show_row (expander, item);
}

static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                RowFactory      *kind)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (expander), "yishi-list-item");
  guint position = list_item ? gtk_list_item_get_position (list_item) : GTK_INVALID_LIST_POSITION;

  if (position == GTK_INVALID_LIST_POSITION || kind->menu == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  kind->menu (expander, position, x, y, kind->user_data);
}

static void
on_row_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RowFactory               *kind)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed), kind);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));

  g_object_set_data (G_OBJECT (expander), "yishi-list-item", list_item);
  g_object_set_data (G_OBJECT (expander), "yishi-name", name);
  g_object_set_data (G_OBJECT (expander), "yishi-count", count);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_row_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RowFactory               *kind)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr (YishiRegistryItem) item = gtk_tree_list_row_get_item (row);
  gulong id;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  show_row (expander, item);
  /* Names and counts change in place when the tree is refreshed. */
  id = g_signal_connect (item, "notify", G_CALLBACK (on_item_notify), expander);
  /* The row may have let go of its item by the time the list item is unbound. */
  g_object_set_data_full (G_OBJECT (list_item), "yishi-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (list_item), "yishi-notify", GSIZE_TO_POINTER (id));
}

static void
on_row_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RowFactory               *kind)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  YishiRegistryItem *item = g_object_get_data (G_OBJECT (list_item), "yishi-item");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "yishi-notify"));

  if (id != 0 && item != NULL)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (list_item), "yishi-notify", NULL);
  g_object_set_data (G_OBJECT (list_item), "yishi-item", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/**
 * yishi_registry_tree_row_factory_new:
 * @menu: (nullable): called on a secondary click on a row
 *
 * Returns: (transfer full): a factory for a GtkListView over
 *   yishi_registry_tree_get_model () (in a selection model)
 */
GtkListItemFactory *
yishi_registry_tree_row_factory_new (YishiRegistryRowMenu menu,
                                     gpointer             user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  RowFactory *kind = g_new0 (RowFactory, 1);

  kind->menu = menu;
  kind->user_data = user_data;
  g_object_set_data_full (G_OBJECT (factory), "yishi-row-factory", kind, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup), kind);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind), kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind), kind);
  return factory;
}
