/* yishi-registry-panel.c — 网格名册: the places of the community beside their people.
 *
 * On the left the tree of grids, buildings, units and households (YishiRegistryTree,
 * a GtkTreeListModel whose rows survive a refresh), with "All People" at the top; the
 * place selected is the scope of the list on the right, a YishiPeopleList that counts
 * and pages its rows from SQLite. Search and filters go to the list as SQL, never
 * through GtkFilterListModel; the column headers sort through YishiColumnSort and the
 * view shows YishiPagedRows, as the ledger does. When the registry changes (the
 * database's "changed", debounced by YishiPanel) the tree reads the levels it shows
 * again and the list is counted again: the place and the person selected stay
 * selected, the rows expanded stay expanded. What can be done here (creating, renaming,
 * moving and deleting places and people, with undo; the other dialogs; the contact board;
 * the context menu and the shortcuts) is in yishi-registry-panel-actions.c.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-column-sort.h"
#include "yishi-enums.h"
#include "yishi-registry.h"
#include "yishi-summary.h"

#include "yishi-registry-panel-private.h"

#include "yishi-registry-panel.h"

G_DEFINE_FINAL_TYPE (YishiRegistryPanel, yishi_registry_panel, YISHI_TYPE_PANEL)

static const char *const registry_tables[] = {
  "community", "grid", "building", "unit", "household", "person", "residence",
  "party_membership", "role_assignment", NULL,
};

typedef struct
{
  YishiRegistryColumn column;
  const char *title;
  int width;
  int keep;
  YishiCellFlags flags;
  int sort; /* YishiPeopleSort, or -1 */
} ColumnInfo;

static const ColumnInfo column_info[] = {
  { YISHI_REGISTRY_COLUMN_NAME, NC_("column", "Name"), 110, 10, YISHI_CELL_TEXT, YISHI_PEOPLE_SORT_NAME },
  { YISHI_REGISTRY_COLUMN_GENDER, NC_("column", "Gender"), 64, 5, YISHI_CELL_TEXT, -1 },
  { YISHI_REGISTRY_COLUMN_AGE, NC_("column", "Age"), 56, 7, YISHI_CELL_NUMERIC, YISHI_PEOPLE_SORT_AGE },
  { YISHI_REGISTRY_COLUMN_PHONE, NC_("column", "Phone"), 124, 8, YISHI_CELL_NUMERIC, -1 },
  { YISHI_REGISTRY_COLUMN_ADDRESS, NC_("column", "Address"), 130, 9, YISHI_CELL_TOOLTIP, YISHI_PEOPLE_SORT_ADDRESS },
  { YISHI_REGISTRY_COLUMN_GRID, NC_("column", "Grid"), 96, 3, YISHI_CELL_TEXT, -1 },
  { YISHI_REGISTRY_COLUMN_PARTY, NC_("column", "Party"), 104, 6, YISHI_CELL_TEXT, -1 },
  { YISHI_REGISTRY_COLUMN_ROLES, NC_("column", "Roles"), 140, 4, YISHI_CELL_TOOLTIP, -1 },
};

static const char *const age_bands[] = {
  N_("Any Age"), N_("Under 18"), N_("18 to 59"), N_("60 to 79"), N_("80 and Over"),
};

static void apply_filter (YishiRegistryPanel *self);
static void update_count (YishiRegistryPanel *self);

/* Cells of the people list ---------------------------------------------------------- */

static void
cell_func (gpointer     item,
           int          column,
           const char **text,
           const char **style,
           const char **tooltip)
{
  /* The label copies the text at once: one buffer does for every cell. */
  static char age[16];
  YishiPerson *person = item;
  const char *value;

  if (person == NULL)
    return;
  switch ((YishiRegistryColumn)column)
    {
    case YISHI_REGISTRY_COLUMN_NAME:
      *text = yishi_person_get_name (person);
      break;
    case YISHI_REGISTRY_COLUMN_GENDER:
      value = yishi_person_get_gender (person);
      if (value != NULL && g_strcmp0 (value, "unknown") != 0)
        *text = yishi_enum_label (YISHI_ENUM_GENDER, value);
      break;
    case YISHI_REGISTRY_COLUMN_AGE:
      if (yishi_person_get_age (person) >= 0)
        {
          g_snprintf (age, sizeof age, "%d", yishi_person_get_age (person));
          *text = age;
        }
      break;
    case YISHI_REGISTRY_COLUMN_PHONE:
      *text = yishi_person_get_phone (person);
      break;
    case YISHI_REGISTRY_COLUMN_ADDRESS:
      *text = yishi_person_get_address (person);
      break;
    case YISHI_REGISTRY_COLUMN_GRID:
      *text = yishi_person_get_grid (person);
      break;
    case YISHI_REGISTRY_COLUMN_PARTY:
      value = yishi_person_get_party_category (person);
      if (value != NULL && *value != '\0')
        *text = yishi_enum_label (YISHI_ENUM_PARTY_CATEGORY, value);
      break;
    case YISHI_REGISTRY_COLUMN_ROLES:
      *text = yishi_person_get_roles (person);
      break;
    case YISHI_REGISTRY_N_COLUMNS:
    default:
      break;
    }
}

static void
add_columns (YishiRegistryPanel *self)
{
  self->column_sort = yishi_column_sort_new (self->column_view);

  for (guint i = 0; i < G_N_ELEMENTS (column_info); i++)
    {
      const ColumnInfo *info = &column_info[i];
      GtkListItemFactory *factory = yishi_paged_rows_cell_factory (cell_func, info->column, info->flags);
      GtkColumnViewColumn *column =
        gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", info->title), factory);

      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, info->width);
      /* Every column gives way on narrow windows; three of them sort. */
      yishi_column_sort_add_column (self->column_sort, column, info->column, info->keep);
      if (info->sort < 0)
        gtk_column_view_column_set_sorter (column, NULL);
      if (info->column == YISHI_REGISTRY_COLUMN_ADDRESS)
        {
          gtk_column_view_column_set_expand (column, TRUE);
          yishi_column_sort_set_filler (self->column_sort, column, info->width);
        }
      gtk_column_view_append_column (self->column_view, column);
      self->columns[info->column] = column;
      g_object_unref (column);
    }
}

/* The people list ------------------------------------------------------------------ */

YishiPerson *
yishi_registry_panel_peek_selected_person (YishiRegistryPanel *self)
{
  YishiPagedRow *row = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return row ? yishi_paged_row_get_item (row) : NULL;
}

static void
on_person_selection_changed (YishiRegistryPanel *self)
{
  YishiPerson *person;

  if (self->list_refreshing)
    return;
  person = yishi_registry_panel_peek_selected_person (self);
  self->current_person = person ? yishi_person_get_id (person) : 0;
  yishi_registry_panel_update_actions (self);
}

static void
on_person_activated (YishiRegistryPanel *self,
                     guint               position)
{
  GListModel *rows = G_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  g_autoptr (YishiPagedRow) row = rows ? g_list_model_get_item (rows, position) : NULL;
  YishiPerson *person = row ? yishi_paged_row_get_item (row) : NULL;

  if (person != NULL)
    yishi_registry_panel_open_person (self, person, 0);
}

/* Before the list is counted again: the rows in sight are shown first; returns the
 * row where the person selected was. */
static guint
begin_refresh (YishiRegistryPanel *self,
               gboolean            to_top)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint hint = gtk_single_selection_get_selected (self->selection);

  if (to_top)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  if (rows != NULL)
    yishi_paged_rows_set_visible_area (YISHI_PAGED_ROWS (rows), adjustment);
  self->list_refreshing = TRUE;
  return hint;
}

static guint
find_in_list (GListModel *model,
              gint64      id)
{
  return yishi_people_list_find (YISHI_PEOPLE_LIST (model), id);
}

/* The row of the current one, looking where it was and at the top. */
static guint
find_current (YishiRegistryPanel *self,
              guint               hint)
{
  return yishi_paged_model_locate (G_LIST_MODEL (self->list), find_in_list, self->current_person, hint);
}

/* After the list was counted again: the person stays selected when still there. */
static void
after_refresh (YishiRegistryPanel *self,
               guint               hint,
               gboolean            keep)
{
  guint position = find_current (self, hint);

  gtk_single_selection_set_selected (self->selection, position);
  self->list_refreshing = FALSE;
  if (position == GTK_INVALID_LIST_POSITION && !keep)
    self->current_person = 0;
  update_count (self);
  yishi_registry_panel_update_actions (self);
}

static void
refresh_list (YishiRegistryPanel *self)
{
  guint hint;

  if (self->list == NULL)
    return;
  hint = begin_refresh (self, FALSE);
  yishi_people_list_refresh (self->list);
  after_refresh (self, hint, TRUE);
}

static void
on_sort_changed (YishiColumnSort    *column_sort,
                 int                 id,
                 gboolean            descending,
                 YishiRegistryPanel *self)
{
  guint hint;

  self->sort = YISHI_PEOPLE_SORT_NAME;
  self->descending = id < 0 ? FALSE : descending;
  for (guint i = 0; i < G_N_ELEMENTS (column_info); i++)
    if ((int)column_info[i].column == id && column_info[i].sort >= 0)
      self->sort = (YishiPeopleSort)column_info[i].sort;
  if (self->list == NULL)
    return;
  hint = begin_refresh (self, TRUE);
  yishi_people_list_set_sort (self->list, self->sort, self->descending);
  after_refresh (self, hint, TRUE);
}

/**
 * yishi_registry_panel_select_person:
 *
 * Selects person @id in the list when the list holds them.
 *
 * Returns: whether it does
 */
gboolean
yishi_registry_panel_select_person (YishiRegistryPanel *self,
                                    gint64              id)
{
  guint position;

  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  self->current_person = id;
  position = find_current (self, 0);
  self->list_refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->list_refreshing = FALSE;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      self->current_person = 0;
      return FALSE;
    }
  yishi_column_view_scroll_to (self->column_view, position);
  yishi_registry_panel_update_actions (self);
  return TRUE;
}

gint64
yishi_registry_panel_get_selected_person (YishiRegistryPanel *self)
{
  YishiPerson *person;

  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), 0);

  person = yishi_registry_panel_peek_selected_person (self);
  return person ? yishi_person_get_id (person) : 0;
}

/* Filters -------------------------------------------------------------------------- */

static char *
stripped_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
filters_active (YishiRegistryPanel *self)
{
  const YishiPeopleFilter *f = self->list ? yishi_people_list_get_filter (self->list) : NULL;

  return f != NULL && (f->residence_type != NULL || f->party_category != NULL || f->role != NULL ||
                       f->age_band != YISHI_AGE_ANY || (f->query != NULL && *f->query != '\0'));
}

static YishiRegistryItem *
selected_node (YishiRegistryPanel *self)
{
  GtkTreeListRow *row = self->tree_selection ? gtk_single_selection_get_selected_item (self->tree_selection) : NULL;
  g_autoptr (YishiRegistryItem) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  /* Its level keeps it while the row is there. */
  return item;
}

static const char *
enum_id (YishiEnum which,
         guint     index)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  return index < n ? values[index].id : NULL;
}

static void
apply_filter (YishiRegistryPanel *self)
{
  YishiPeopleFilter filter = { 0 };
  YishiRegistryItem *node = selected_node (self);
  guint residence = gtk_drop_down_get_selected (self->residence_dropdown);
  guint party = gtk_drop_down_get_selected (self->party_dropdown);
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  guint age = gtk_drop_down_get_selected (self->age_dropdown);
  guint hint;

  if (self->updating_filters || self->list == NULL)
    return;

  filter.node_kind = node ? yishi_registry_item_get_kind (node) : YISHI_NODE_COMMUNITY;
  filter.node_id = node ? yishi_registry_item_get_id (node) : 0;
  if (residence >= 1 && residence != GTK_INVALID_LIST_POSITION)
    filter.residence_type = g_strdup (enum_id (YISHI_ENUM_RESIDENCE_TYPE, residence - 1));
  if (party == 1)
    filter.party_category = g_strdup ("any");
  else if (party >= 2 && party != GTK_INVALID_LIST_POSITION)
    filter.party_category = g_strdup (enum_id (YISHI_ENUM_PARTY_CATEGORY, party - 2));
  if (role >= 1 && role != GTK_INVALID_LIST_POSITION)
    filter.role = g_strdup (enum_id (YISHI_ENUM_ROLE, role - 1));
  filter.age_band = age < G_N_ELEMENTS (age_bands) ? (YishiAgeBand)age : YISHI_AGE_ANY;
  filter.query = stripped_text (GTK_EDITABLE (self->search_entry));

  self->scope_kind = filter.node_kind;
  self->scope_id = filter.node_id;
  hint = begin_refresh (self, TRUE);
  yishi_people_list_set_filter (self->list, &filter);
  yishi_people_filter_clear (&filter);
  after_refresh (self, hint, FALSE);
}

static void
on_filter_changed (YishiRegistryPanel *self)
{
  apply_filter (self);
}

/**
 * yishi_registry_panel_clear_filters:
 *
 * Every person of the place selected: no words, no filters, one new count.
 */
void
yishi_registry_panel_clear_filters (YishiRegistryPanel *self)
{
  g_return_if_fail (YISHI_IS_REGISTRY_PANEL (self));

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->residence_dropdown, 0);
  gtk_drop_down_set_selected (self->party_dropdown, 0);
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  gtk_drop_down_set_selected (self->age_dropdown, 0);
  self->updating_filters = FALSE;
  apply_filter (self);
}

static void
focus_list (YishiRegistryPanel *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search (YishiRegistryPanel *self)
{
  /* Escape: first clear the words, then go back to the list. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    focus_list (self);
}

static void
on_search_activate (YishiRegistryPanel *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  if (n == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  focus_list (self);
}

static void
set_strings (GtkDropDown   *dropdown,
             GtkStringList *strings)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
}

static void
fill_enum_dropdown (GtkDropDown *dropdown,
                    YishiEnum    which,
                    const char  *any,
                    const char  *any_member)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  gtk_string_list_append (strings, any);
  if (any_member != NULL)
    gtk_string_list_append (strings, any_member);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strings, yishi_enum_label (which, values[i].id));
  set_strings (dropdown, strings);
}

static void
fill_dropdowns (YishiRegistryPanel *self)
{
  g_autoptr (GtkStringList) ages = gtk_string_list_new (NULL);

  self->updating_filters = TRUE;
  fill_enum_dropdown (self->residence_dropdown, YISHI_ENUM_RESIDENCE_TYPE, _("Any Residence"), NULL);
  fill_enum_dropdown (self->party_dropdown, YISHI_ENUM_PARTY_CATEGORY, _("Anyone"), _("Party Members"));
  fill_enum_dropdown (self->role_dropdown, YISHI_ENUM_ROLE, _("Any Role"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    gtk_string_list_append (ages, _(age_bands[i]));
  set_strings (self->age_dropdown, ages);
  self->updating_filters = FALSE;
}

/* Header, counts and empty states -------------------------------------------------- */

static void
update_header (YishiRegistryPanel *self)
{
  YishiRegistryItem *node = selected_node (self);

  g_clear_pointer (&self->path_text, g_free);
  if (node == NULL || yishi_registry_item_is_community (node))
    self->path_text = g_strdup (_("All People"));
  else
    self->path_text = yishi_registry_node_path (self->database, yishi_registry_item_get_kind (node),
                                                yishi_registry_item_get_id (node));
  if (self->path_text == NULL)
    self->path_text = g_strdup (node ? yishi_registry_item_get_name (node) : "");
  gtk_label_set_text (self->path_label, self->path_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), self->path_text);
}

static void
update_count (YishiRegistryPanel *self)
{
  YishiRegistryItem *node = selected_node (self);
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = node ? yishi_registry_item_get_n_people (node) : n;
  const GError *error = self->list ? yishi_people_list_get_error (self->list) : NULL;
  gboolean filtered = filters_active (self);
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *all = g_strdup_printf ("%'u", total);

  g_free (self->count_text);
  if (filtered)
    /* Translators: people the search finds among those of a place, e.g. "12 of 1,234 people" */
    self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", total),
                                        number, all);
  else
    /* Translators: the number of people the list shows, e.g. "1,234 people" */
    self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n), number);
  gtk_label_set_text (self->count_label, self->count_text);
  gtk_widget_set_visible (self->clear_button, filtered);

  if (self->tree != NULL && yishi_registry_tree_get_n_grids (self->tree) == 0 &&
      yishi_registry_tree_get_n_people (self->tree) == 0 && yishi_registry_tree_get_error (self->tree) == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "registry");

  if (error != NULL || (self->tree != NULL && yishi_registry_tree_get_error (self->tree) != NULL))
    {
      const GError *shown = error ? error : yishi_registry_tree_get_error (self->tree);

      adw_status_page_set_description (self->list_error_page, shown->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "nobody");
}

/* The tree ------------------------------------------------------------------------- */

static void
on_tree_activate (YishiRegistryPanel *self,
                  guint               position)
{
  g_autoptr (GtkTreeListRow) row = NULL;

  /* Enter or a double click opens and closes the place. */
  if (self->tree == NULL)
    return;
  row = gtk_tree_list_model_get_row (yishi_registry_tree_get_model (self->tree), position);
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
on_tree_selection_changed (YishiRegistryPanel *self)
{
  if (self->tree_refreshing)
    return;
  update_header (self);
  apply_filter (self);
  yishi_registry_panel_update_actions (self);
}

/* A right click on a row: select it, then the menu there. */
static void
on_row_menu (GtkWidget *row,
             guint      position,
             double     x,
             double     y,
             gpointer   user_data)
{
  YishiRegistryPanel *self = user_data;

  gtk_single_selection_set_selected (self->tree_selection, position);
  yishi_registry_panel_popup_context_menu (self, row, x, y);
}

/* Keeps the place selected (or what became of it), the rows expanded and the person
 * selected across a change of the registry. */
static void
refresh_all (YishiRegistryPanel *self)
{
  YishiRegistryItem *node = selected_node (self);
  YishiNodeKind kind = node ? yishi_registry_item_get_kind (node) : YISHI_NODE_COMMUNITY;
  gint64 id = node ? yishi_registry_item_get_id (node) : 0;
  YishiNodeKind parent_kind = YISHI_NODE_COMMUNITY;
  gint64 parent_id = 0;
  guint position;

  if (node != NULL && kind > YISHI_NODE_GRID)
    {
      parent_kind = kind - 1;
      parent_id = yishi_registry_item_get_parent_id (node);
    }
  if (self->has_pending_node)
    {
      kind = self->pending_kind;
      id = self->pending_id;
      self->has_pending_node = FALSE;
    }

  self->tree_refreshing = TRUE;
  yishi_registry_tree_refresh (self->tree);
  position = yishi_registry_tree_reveal (self->tree, kind, id);
  if (position == GTK_INVALID_LIST_POSITION)
    /* It went away (deleted, here or elsewhere): its parent takes its place. */
    position = yishi_registry_tree_reveal (self->tree, parent_kind, parent_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  gtk_single_selection_set_selected (self->tree_selection, position);
  self->tree_refreshing = FALSE;

  node = selected_node (self);
  update_header (self);
  if (node == NULL || yishi_registry_item_get_kind (node) != self->scope_kind ||
      yishi_registry_item_get_id (node) != self->scope_id)
    apply_filter (self);
  else
    refresh_list (self);
  if (self->current_person != 0)
    {
      guint row = gtk_single_selection_get_selected (self->selection);

      if (row != GTK_INVALID_LIST_POSITION)
        yishi_column_view_scroll_to (self->column_view, row);
    }
  update_count (self);
  yishi_registry_panel_update_actions (self);
}

/**
 * yishi_registry_panel_select_node:
 *
 * Shows the people of a place: expands the places above it and selects its row.
 *
 * Returns: whether the tree shows it
 */
gboolean
yishi_registry_panel_select_node (YishiRegistryPanel *self,
                                  YishiNodeKind       kind,
                                  gint64              id)
{
  guint position;

  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), FALSE);

  if (self->tree == NULL)
    return FALSE;
  position = yishi_registry_tree_reveal (self->tree, kind, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->tree_selection, position);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the place selected in the tree */
YishiRegistryItem *
yishi_registry_panel_get_selected_node (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return selected_node (self);
}

/* The database --------------------------------------------------------------------- */

static void
set_list_database (YishiRegistryPanel *self,
                   YishiDatabase      *database)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  yishi_registry_panel_drop_undo (self);
  self->current_person = 0;
  self->has_pending_node = FALSE;

  if (gtk_single_selection_get_model (self->selection) != NULL)
    yishi_paged_rows_flush (YISHI_PAGED_ROWS (gtk_single_selection_get_model (self->selection)));
  self->list_refreshing = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  self->list_refreshing = FALSE;
  self->tree_refreshing = TRUE;
  gtk_single_selection_set_model (self->tree_selection, NULL);
  self->tree_refreshing = FALSE;
  g_clear_object (&self->tree);
  g_clear_object (&self->list);
  g_clear_object (&self->party_list);
  g_clear_object (&self->volunteer_list);
  g_set_object (&self->database, database);

  if (database != NULL)
    {
      YishiPeopleFilter party = { .party_category = (char *)"any" };
      YishiPeopleFilter volunteers = { .role = (char *)"volunteer" };
      g_autoptr (YishiPagedRows) rows = NULL;

      self->tree = yishi_registry_tree_new (database);
      self->tree_refreshing = TRUE;
      gtk_single_selection_set_model (self->tree_selection,
                                      G_LIST_MODEL (yishi_registry_tree_get_model (self->tree)));
      gtk_single_selection_set_selected (self->tree_selection, 0);
      self->tree_refreshing = FALSE;

      self->list = yishi_people_list_new (database);
      yishi_people_list_set_sort (self->list, self->sort, self->descending);
      rows = yishi_paged_rows_new (G_LIST_MODEL (self->list));
      self->list_refreshing = TRUE;
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (rows));
      self->list_refreshing = FALSE;

      self->party_list = yishi_people_list_new (database);
      yishi_people_list_set_filter (self->party_list, &party);
      self->volunteer_list = yishi_people_list_new (database);
      yishi_people_list_set_filter (self->volunteer_list, &volunteers);
    }
  update_header (self);
  /* A new file starts from everybody. */
  yishi_registry_panel_clear_filters (self);
  update_count (self);
  yishi_registry_panel_update_actions (self);
}

/* The figures the panel reports (the window's overview and its tests read them),
 * counted by lists of their own rather than by the summary, which reads the whole
 * file (a second on a district). */
static void
add_figures (YishiRegistryPanel *self,
             gboolean            count_again)
{
  g_autoptr (GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_summary_item_free);
  GListModel *root;
  guint n;

  if (self->tree == NULL)
    return;
  if (count_again)
    {
      yishi_people_list_refresh (self->party_list);
      yishi_people_list_refresh (self->volunteer_list);
    }
  yishi_panel_add_count (YISHI_PANEL (self), yishi_registry_tree_get_n_people (self->tree), _("People"), "accent");
  yishi_panel_add_count (YISHI_PANEL (self), yishi_registry_tree_get_n_grids (self->tree), _("Grids"), NULL);
  yishi_panel_add_count (YISHI_PANEL (self), g_list_model_get_n_items (G_LIST_MODEL (self->party_list)),
                         _("Party members"), "error");
  yishi_panel_add_count (YISHI_PANEL (self), g_list_model_get_n_items (G_LIST_MODEL (self->volunteer_list)),
                         _("Volunteers"), "success");

  /* The grids, as the tree's top level lists them. */
  root = gtk_tree_list_model_get_model (yishi_registry_tree_get_model (self->tree));
  n = g_list_model_get_n_items (root);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiRegistryItem) item = g_list_model_get_item (root, i);
      YishiSummaryItem *row;

      if (yishi_registry_item_is_community (item))
        continue;
      row = g_new0 (YishiSummaryItem, 1);
      row->title = g_strdup (yishi_registry_item_get_name (item));
      row->subtitle = g_strdup ("");
      row->badge = g_strdup_printf ("%'u", yishi_registry_item_get_n_people (item));
      row->style = g_strdup ("");
      g_ptr_array_add (grids, row);
    }
  yishi_panel_add_list (YISHI_PANEL (self), _("Grids"), grids, _("No grid has been set up yet."));
}

static void
yishi_registry_panel_reload (YishiPanel    *panel,
                             YishiDatabase *database,
                             YishiSummary  *summary)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (panel);

  if (database != self->database)
    {
      set_list_database (self, database);
      add_figures (self, FALSE);
    }
  else if (self->tree != NULL)
    {
      refresh_all (self);
      add_figures (self, TRUE);
    }
}

static void
on_database_notify (YishiRegistryPanel *self)
{
  if (yishi_panel_get_database (YISHI_PANEL (self)) == NULL && self->database != NULL)
    set_list_database (self, NULL);
}

/* Public --------------------------------------------------------------------------- */

/* Returns: (transfer none) (nullable) */
YishiRegistryTree *
yishi_registry_panel_get_tree (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return self->tree;
}

GtkListView *
yishi_registry_panel_get_tree_view (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return self->tree_view;
}

/* Returns: (transfer none) (nullable): the list the column view shows */
YishiPeopleList *
yishi_registry_panel_get_list (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return self->list;
}

guint
yishi_registry_panel_get_n_people (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), 0);
  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

GtkColumnView *
yishi_registry_panel_get_column_view (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return self->column_view;
}

GtkColumnViewColumn *
yishi_registry_panel_get_column (YishiRegistryPanel *self,
                                 YishiRegistryColumn column)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  g_return_val_if_fail (column < YISHI_REGISTRY_N_COLUMNS, NULL);
  return self->columns[column];
}

GtkEditable *
yishi_registry_panel_get_search_entry (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
yishi_registry_panel_get_filter (YishiRegistryPanel *self,
                                 YishiRegistryFilter filter)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);

  switch (filter)
    {
    case YISHI_REGISTRY_FILTER_RESIDENCE:
      return self->residence_dropdown;
    case YISHI_REGISTRY_FILTER_PARTY:
      return self->party_dropdown;
    case YISHI_REGISTRY_FILTER_ROLE:
      return self->role_dropdown;
    case YISHI_REGISTRY_FILTER_AGE:
      return self->age_dropdown;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: "empty" (no grids and nobody), or the list's page: "list", "no-match",
 *   "nobody" or "error" */
const char *
yishi_registry_panel_get_page (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
yishi_registry_panel_get_path_text (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return gtk_label_get_text (self->path_label);
}

const char *
yishi_registry_panel_get_count_text (YishiRegistryPanel *self)
{
  g_return_val_if_fail (YISHI_IS_REGISTRY_PANEL (self), NULL);
  return gtk_label_get_text (self->count_label);
}

/* GObject -------------------------------------------------------------------------- */

static void
yishi_registry_panel_dispose (GObject *object)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  yishi_panel_release_undo_toast (YISHI_PANEL (self), &self->undo_toast);
  if (self->context_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->context_popover));
      self->context_popover = NULL;
    }
  if (self->selection != NULL && gtk_single_selection_get_model (self->selection) != NULL)
    yishi_paged_rows_flush (YISHI_PAGED_ROWS (gtk_single_selection_get_model (self->selection)));
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->tree_view != NULL)
    gtk_list_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->column_sort);
  g_clear_object (&self->tree);
  g_clear_object (&self->list);
  g_clear_object (&self->party_list);
  g_clear_object (&self->volunteer_list);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_REGISTRY_PANEL);

  G_OBJECT_CLASS (yishi_registry_panel_parent_class)->dispose (object);
}

static void
yishi_registry_panel_finalize (GObject *object)
{
  YishiRegistryPanel *self = YISHI_REGISTRY_PANEL (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path_text, g_free);
  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->undo_batch, g_free);

  G_OBJECT_CLASS (yishi_registry_panel_parent_class)->finalize (object);
}

static void
yishi_registry_panel_class_init (YishiRegistryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  object_class->dispose = yishi_registry_panel_dispose;
  object_class->finalize = yishi_registry_panel_finalize;
  panel_class->reload = yishi_registry_panel_reload;
  panel_class->tables = registry_tables;
  panel_class->skip_summary = TRUE;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Yishi/registry/yishi-registry-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, sidebar);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, tree_view);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, path_label);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, contact_board_button);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, residence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, party_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, clear_button);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, column_view);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, YishiRegistryPanel, empty_import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);

  yishi_registry_panel_class_init_actions (klass);
}

static void
yishi_registry_panel_init (YishiRegistryPanel *self)
{
  GtkListItemFactory *factory;

  self->sort = YISHI_PEOPLE_SORT_NAME;
  self->descending = FALSE;
  self->scope_kind = YISHI_NODE_COMMUNITY;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The tree. */
  self->tree_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->tree_selection, TRUE);
  gtk_single_selection_set_can_unselect (self->tree_selection, FALSE);
  g_signal_connect_swapped (self->tree_selection, "notify::selected", G_CALLBACK (on_tree_selection_changed), self);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));
  factory = yishi_registry_tree_row_factory_new (on_row_menu, self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);

  /* The people. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_person_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  yishi_column_sort_fit_to (self->column_sort, self->scrolled);
  g_signal_connect (self->column_sort, "changed", G_CALLBACK (on_sort_changed), self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[YISHI_REGISTRY_COLUMN_NAME],
                                  GTK_SORT_ASCENDING);

  fill_dropdowns (self);
  yishi_registry_panel_init_actions (self);
  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect (self, "notify::database", G_CALLBACK (on_database_notify), NULL);

  update_header (self);
  update_count (self);
  yishi_registry_panel_update_actions (self);
}
