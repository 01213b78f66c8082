/* test-registry-panel.c — the registry panel under Xvfb: the tree of places and its
 * counts, the people of a place, search and filters, creating, renaming, moving and
 * deleting places (with the question and the undo), changes made elsewhere, and the
 * empty state.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-column-sort.h"
#include "yishi-community.h"
#include "yishi-database-private.h"
#include "yishi-demo.h"
#include "yishi-enums.h"
#include "yishi-node-dialogs.h"
#include "yishi-pdf-preview.h"
#include "yishi-person-dialog.h"
#include "yishi-people-list.h"
#include "yishi-registry-panel.h"
#include "yishi-registry-tree.h"
#include "yishi-registry.h"
#include "yishi-window.h"
#include "yishi-ui-test-utils.h"

#define query_int(db, ...) yishi_test_query_int (db, -1, __VA_ARGS__)

static const char *demo_path;

static YishiWindow *
open_window (const char          *path,
             YishiRegistryPanel **panel)
{
  YishiWindow *window = yishi_ui_test_open_window (path, "registry", TRUE);

  *panel = YISHI_REGISTRY_PANEL (yishi_window_get_panel (window, "registry"));
  g_assert_nonnull (yishi_registry_panel_get_tree (*panel));
  return window;
}

/* The one toplevel of @type, or NULL. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

/* The strings of one column of a query, in its order. */
static GPtrArray *
query_strings (YishiDatabase *database,
               const char    *sql)
{
  g_autoptr (sqlite3_stmt) statement = yishi_database_prepare (database, sql, NULL);
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (statement);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_ptr_array_add (strings, g_strdup ((const char *)sqlite3_column_text (statement, 0)));
  return strings;
}

static YishiRegistryItem *
item_at (YishiRegistryPanel *panel,
         guint               position)
{
  YishiRegistryItem *item = yishi_registry_tree_get_item (yishi_registry_panel_get_tree (panel), position);

  g_assert_nonnull (item);
  return item;
}

static guint
n_rows (YishiRegistryPanel *panel)
{
  return g_list_model_get_n_items (G_LIST_MODEL (yishi_registry_tree_get_model (yishi_registry_panel_get_tree (panel))));
}

/* Selects a row of the tree as a click does. */
static void
select_row (YishiRegistryPanel *panel,
            guint               position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (yishi_registry_panel_get_tree_view (panel));

  gtk_selection_model_select_item (model, position, TRUE);
  yishi_ui_test_spin (20);
}

/* The person the column view shows in row @position. */
static YishiPerson *
person_at (YishiRegistryPanel *panel,
           guint               position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (yishi_registry_panel_get_column_view (panel)));
  g_autoptr (YishiPagedRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return g_object_ref (yishi_paged_row_get_item (row));
}

static void
search (YishiRegistryPanel *panel,
        const char         *text)
{
  gtk_editable_set_text (yishi_registry_panel_get_search_entry (panel), text);
  yishi_ui_test_spin (400);
}

/* The first building of the first grid, with its row shown and selected. */
static YishiRegistryItem *
select_first_building (YishiRegistryPanel *panel)
{
  YishiRegistryTree *tree = yishi_registry_panel_get_tree (panel);
  YishiRegistryItem *building;

  g_assert_true (yishi_registry_tree_expand (tree, 1, TRUE));
  building = item_at (panel, 2);
  g_assert_cmpint (yishi_registry_item_get_kind (building), ==, YISHI_NODE_BUILDING);
  select_row (panel, 2);
  g_assert_true (yishi_registry_panel_get_selected_node (panel) == building);
  return building;
}

/* Tests ---------------------------------------------------------------------------- */

static void
test_tree (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  g_autoptr (GPtrArray) grids = query_strings (database,
                                               "SELECT name FROM grid WHERE deleted_at IS NULL ORDER BY position, id");
  gint64 people = query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL");
  g_autofree char *figure = g_strdup_printf ("%'lld", (long long)people);
  YishiRegistryItem *all = item_at (panel, 0);

  g_assert_cmpuint (grids->len, ==, 8);
  g_assert_cmpint (people, >, 4000);

  /* "All People" on top, selected: the list holds everybody. */
  g_assert_true (yishi_registry_item_is_community (all));
  g_assert_cmpuint (yishi_registry_item_get_n_people (all), ==, people);
  g_assert_true (yishi_registry_panel_get_selected_node (panel) == all);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, people);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "list");
  g_assert_cmpstr (yishi_registry_panel_get_path_text (panel), ==, "All People");
  g_assert_nonnull (strstr (yishi_registry_panel_get_count_text (panel), figure));
  g_assert_cmpstr (yishi_panel_get_figure (YISHI_PANEL (panel), 0, NULL), ==, figure);
  /* Never the whole registry in memory. */
  g_assert_cmpuint (yishi_people_list_get_n_cached_pages (yishi_registry_panel_get_list (panel)), <=, 3);

  /* Then the grids, collapsed, in their order, each with the people living in it. */
  g_assert_cmpuint (n_rows (panel), ==, 1 + grids->len);
  for (guint i = 0; i < grids->len; i++)
    {
      YishiRegistryItem *grid = item_at (panel, i + 1);

      g_assert_cmpint (yishi_registry_item_get_kind (grid), ==, YISHI_NODE_GRID);
      g_assert_cmpstr (yishi_registry_item_get_name (grid), ==, g_ptr_array_index (grids, i));
      g_assert_cmpint (yishi_registry_item_get_n_people (grid), ==,
                       query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND grid_id = %lld",
                                  (long long)yishi_registry_item_get_id (grid)));
    }
  yishi_ui_test_close_window (window);
}

static void
test_expand_and_scope (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  YishiRegistryTree *tree = yishi_registry_panel_get_tree (panel);
  YishiRegistryItem *grid = item_at (panel, 1);
  gint64 grid_id = yishi_registry_item_get_id (grid);
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM building WHERE deleted_at IS NULL AND grid_id = %lld"
                                          " ORDER BY position, id", (long long)grid_id);
  g_autoptr (GPtrArray) buildings = query_strings (database, sql);
  YishiRegistryItem *building;
  gint64 in_building;
  int last = 0;

  g_assert_cmpuint (buildings->len, >, 1);
  /* Enter (the list view's activation) opens a grid. */
  g_signal_emit_by_name (yishi_registry_panel_get_tree_view (panel), "activate", 1);
  g_assert_cmpuint (n_rows (panel), ==, 1 + 8 + buildings->len);
  for (guint i = 0; i < buildings->len; i++)
    {
      YishiRegistryItem *item = item_at (panel, 2 + i);
      const char *name = yishi_registry_item_get_name (item);

      g_assert_cmpint (yishi_registry_item_get_kind (item), ==, YISHI_NODE_BUILDING);
      g_assert_cmpstr (name, ==, g_ptr_array_index (buildings, i));
      /* 2号楼 before 10号楼. */
      g_assert_cmpint (atoi (name), >=, last);
      last = atoi (name);
    }

  /* Selecting the grid, then a building, narrows the list to its people. */
  select_row (panel, 1);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==,
                   query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND grid_id = %lld",
                              (long long)grid_id));
  building = item_at (panel, 3);
  select_row (panel, 3);
  in_building = query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND building_id = %lld",
                           (long long)yishi_registry_item_get_id (building));
  g_assert_cmpint (in_building, >, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, in_building);
  g_assert_cmpuint (yishi_registry_item_get_n_people (building), ==, in_building);
  g_assert_nonnull (strstr (yishi_registry_panel_get_path_text (panel), yishi_registry_item_get_name (building)));
  g_assert_nonnull (strstr (yishi_registry_panel_get_path_text (panel), yishi_registry_item_get_name (grid)));
  {
    g_autoptr (YishiPerson) first = person_at (panel, 0);

    g_assert_true (g_str_has_prefix (yishi_person_get_address (first), yishi_registry_item_get_name (building)));
  }

  /* Down to a household. */
  g_assert_true (yishi_registry_tree_expand (tree, 3, TRUE));
  g_assert_true (yishi_registry_tree_expand (tree, 4, TRUE));
  {
    YishiRegistryItem *household = item_at (panel, 5);

    g_assert_cmpint (yishi_registry_item_get_kind (household), ==, YISHI_NODE_HOUSEHOLD);
    select_row (panel, 5);
    g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==,
                     query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND household_id = %lld",
                                (long long)yishi_registry_item_get_id (household)));
    g_assert_true (yishi_registry_panel_get_selected_node (panel) == household);
    /* A household has nothing beneath: no expander. */
    g_assert_false (yishi_registry_tree_expand (tree, 5, TRUE));
  }

  /* Back up: "All People". */
  select_row (panel, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==,
                   query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL"));
  yishi_ui_test_close_window (window);
}

static void
test_search (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  GtkEditable *entry = yishi_registry_panel_get_search_entry (panel);
  guint total = yishi_registry_panel_get_n_people (panel);
  g_autoptr (GPtrArray) names = query_strings (database,
                                               "SELECT substr(name, 1, 1) FROM person WHERE deleted_at IS NULL"
                                               " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  g_autoptr (GPtrArray) phones = query_strings (database,
                                                "SELECT substr(phone, -4) FROM person WHERE deleted_at IS NULL"
                                                " AND length(phone) = 11 ORDER BY id LIMIT 1 OFFSET 100");
  const char *surname = g_ptr_array_index (names, 0);
  const char *tail = g_ptr_array_index (phones, 0);
  gint64 expected;

  /* Ctrl+F's action puts the cursor in the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  /* The beginning of a name. */
  expected = query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND name LIKE '%s%%'", surname);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, total);
  search (panel, surname);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, expected);
  for (guint i = 0; i < MIN (20, expected); i++)
    {
      g_autoptr (YishiPerson) person = person_at (panel, i);

      g_assert_true (g_str_has_prefix (yishi_person_get_name (person), surname));
    }

  /* The last digits of a phone (or of an ID number). */
  expected = query_int (database,
                        "SELECT count(*) FROM person WHERE deleted_at IS NULL"
                        " AND (phone LIKE '%%%s' OR upper(id_number) LIKE '%%%s')", tail, tail);
  g_assert_cmpint (expected, >, 0);
  search (panel, tail);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, expected);
  {
    g_autoptr (YishiPerson) person = person_at (panel, 0);

    g_assert_true (g_str_has_suffix (yishi_person_get_phone (person), tail) ||
                   g_str_has_suffix (yishi_person_get_id_tail (person), tail));
  }

  /* Within a building only its people. */
  {
    YishiRegistryItem *building = select_first_building (panel);

    expected = query_int (database,
                          "SELECT count(*) FROM person WHERE deleted_at IS NULL AND building_id = %lld"
                          " AND (phone LIKE '%%%s' OR upper(id_number) LIKE '%%%s')",
                          (long long)yishi_registry_item_get_id (building), tail, tail);
    g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, expected);
  }

  /* Nobody: an empty state with a way back. */
  select_row (panel, 0);
  search (panel, "没有这个人啊");
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, 0);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "no-match");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.clear-filters", NULL));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, total);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "list");

  /* Escape clears the words. */
  search (panel, surname);
  g_signal_emit_by_name (entry, "stop-search");
  yishi_ui_test_spin (400);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, total);
  yishi_ui_test_close_window (window);
}

static guint
enum_index (YishiEnum   which,
            const char *id)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (values[i].id, id))
      return i;
  g_assert_not_reached ();
}

static void
test_filters (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  GtkDropDown *residence = yishi_registry_panel_get_filter (panel, YISHI_REGISTRY_FILTER_RESIDENCE);
  GtkDropDown *party = yishi_registry_panel_get_filter (panel, YISHI_REGISTRY_FILTER_PARTY);
  GtkDropDown *role = yishi_registry_panel_get_filter (panel, YISHI_REGISTRY_FILTER_ROLE);
  GtkDropDown *age = yishi_registry_panel_get_filter (panel, YISHI_REGISTRY_FILTER_AGE);
  YishiRegistryItem *grid = item_at (panel, 1);
  gint64 grid_id = yishi_registry_item_get_id (grid);
  gint64 expected;

  /* Registered residents who are party members, in the first grid. */
  select_row (panel, 1);
  gtk_drop_down_set_selected (residence, 1 + enum_index (YISHI_ENUM_RESIDENCE_TYPE, "registered"));
  gtk_drop_down_set_selected (party, 1);
  expected = query_int (database,
                        "SELECT count(*) FROM person p WHERE p.deleted_at IS NULL AND p.grid_id = %lld"
                        " AND p.residence_type = 'registered' AND EXISTS (SELECT 1 FROM party_membership m"
                        " WHERE m.person_id = p.id AND m.end_date IS NULL)", (long long)grid_id);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, expected);
  g_assert_nonnull (strstr (yishi_registry_panel_get_count_text (panel), " of "));
  {
    g_autoptr (YishiPerson) person = person_at (panel, 0);

    g_assert_nonnull (yishi_person_get_party_category (person));
    g_assert_cmpstr (yishi_person_get_residence_type (person), ==, "registered");
  }

  /* One category of members, across the community. */
  select_row (panel, 0);
  gtk_drop_down_set_selected (residence, 0);
  gtk_drop_down_set_selected (party, 2 + enum_index (YISHI_ENUM_PARTY_CATEGORY, "retired"));
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==,
                   query_int (database, "SELECT count(DISTINCT p.id) FROM person p JOIN party_membership m"
                                        " ON m.person_id = p.id WHERE p.deleted_at IS NULL AND m.end_date IS NULL"
                                        " AND m.category = 'retired'"));

  /* Volunteers of 60 to 79 (on the pinned day, 2026-12-01). */
  gtk_drop_down_set_selected (party, 0);
  gtk_drop_down_set_selected (role, 1 + enum_index (YISHI_ENUM_ROLE, "volunteer"));
  gtk_drop_down_set_selected (age, YISHI_AGE_ELDERLY);
  expected = query_int (database,
                        "SELECT count(DISTINCT p.id) FROM person p JOIN role_assignment r ON r.person_id = p.id"
                        " WHERE p.deleted_at IS NULL AND r.end_date IS NULL AND r.role = 'volunteer'"
                        " AND p.birth_date > '1946-12-01' AND p.birth_date <= '1966-12-01'");
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, expected);
  {
    g_autoptr (YishiPerson) person = person_at (panel, 0);

    g_assert_cmpint (yishi_person_get_age (person), >=, 60);
    g_assert_cmpint (yishi_person_get_age (person), <=, 79);
  }

  yishi_registry_panel_clear_filters (panel);
  g_assert_cmpuint (gtk_drop_down_get_selected (role), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (age), ==, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==,
                   query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL"));
  yishi_ui_test_close_window (window);
}

static void
test_sort (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  GtkColumnView *view = yishi_registry_panel_get_column_view (panel);
  g_autoptr (GPtrArray) births = query_strings (database, "SELECT min(birth_date) FROM person WHERE deleted_at IS NULL");

  gtk_column_view_sort_by_column (view, yishi_registry_panel_get_column (panel, YISHI_REGISTRY_COLUMN_AGE),
                                  GTK_SORT_DESCENDING);
  {
    g_autoptr (YishiPerson) first = person_at (panel, 0);
    g_autoptr (YishiPerson) second = person_at (panel, 1);
    int born = atoi (g_ptr_array_index (births, 0));

    g_assert_cmpint (yishi_person_get_age (first), >=, yishi_person_get_age (second));
    /* The oldest person first: born in the earliest year. */
    g_assert_cmpint (yishi_person_get_age (first), >=, 2026 - born - 1);
  }
  gtk_column_view_sort_by_column (view, yishi_registry_panel_get_column (panel, YISHI_REGISTRY_COLUMN_AGE),
                                  GTK_SORT_ASCENDING);
  {
    g_autoptr (YishiPerson) first = person_at (panel, 0);
    g_autoptr (YishiPerson) second = person_at (panel, 1);

    g_assert_cmpint (yishi_person_get_age (first), <=, yishi_person_get_age (second));
  }
  /* Only name, age and address sort. */
  g_assert_null (gtk_column_view_column_get_sorter (yishi_registry_panel_get_column (panel, YISHI_REGISTRY_COLUMN_PHONE)));
  g_assert_nonnull (gtk_column_view_column_get_sorter (yishi_registry_panel_get_column (panel, YISHI_REGISTRY_COLUMN_ADDRESS)));
  yishi_ui_test_close_window (window);
}

static YishiNodeDialog *
take_node_dialog (void)
{
  YishiNodeDialog *dialog = find_toplevel (YISHI_TYPE_NODE_DIALOG);

  g_assert_nonnull (dialog);
  return g_object_ref (dialog);
}

static void
test_create_rename (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiRegistryTree *tree = yishi_registry_panel_get_tree (panel);
  g_autoptr (GError) error = NULL;
  YishiNodeDialog *dialog;
  YishiRegistryItem *item;
  guint position;

  /* A grid: the dialog of the "New Grid" action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.new-grid", NULL));
  dialog = take_node_dialog ();
  g_assert_cmpint (yishi_node_dialog_get_mode (dialog), ==, YISHI_NODE_DIALOG_CREATE);
  g_assert_cmpint (yishi_node_dialog_get_kind (dialog), ==, YISHI_NODE_GRID);
  /* A name taken: said in the dialog, which keeps what was typed. */
  yishi_node_dialog_set_name (dialog, "第三网格");
  g_assert_false (yishi_node_dialog_apply (dialog, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);
  g_assert_nonnull (yishi_node_dialog_get_error (dialog));
  g_assert_cmpstr (yishi_node_dialog_get_name (dialog), ==, "第三网格");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  yishi_node_dialog_set_name (dialog, "第九网格");
  g_assert_null (yishi_node_dialog_get_error (dialog));
  g_assert_true (yishi_node_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (100);
  item = yishi_registry_panel_get_selected_node (panel);
  g_assert_nonnull (item);
  g_assert_cmpint (yishi_registry_item_get_kind (item), ==, YISHI_NODE_GRID);
  g_assert_cmpstr (yishi_registry_item_get_name (item), ==, "第九网格");
  g_assert_cmpuint (yishi_registry_tree_get_n_grids (tree), ==, 9);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "nobody");

  /* A building in it: the grid now expands. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.new-building", NULL));
  dialog = take_node_dialog ();
  g_assert_cmpint (yishi_node_dialog_get_kind (dialog), ==, YISHI_NODE_BUILDING);
  yishi_node_dialog_set_name (dialog, "10号楼");
  g_assert_true (yishi_node_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (100);
  item = yishi_registry_panel_get_selected_node (panel);
  g_assert_cmpint (yishi_registry_item_get_kind (item), ==, YISHI_NODE_BUILDING);
  g_assert_cmpstr (yishi_registry_item_get_name (item), ==, "10号楼");
  g_assert_nonnull (strstr (yishi_registry_panel_get_path_text (panel), "第九网格"));

  /* Rename it (F2). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.rename", NULL));
  dialog = take_node_dialog ();
  g_assert_cmpint (yishi_node_dialog_get_mode (dialog), ==, YISHI_NODE_DIALOG_RENAME);
  g_assert_cmpstr (yishi_node_dialog_get_name (dialog), ==, "10号楼");
  yishi_node_dialog_set_name (dialog, "11号楼");
  g_assert_true (yishi_node_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (100);
  /* The same row, renamed and still selected. */
  g_assert_true (yishi_registry_panel_get_selected_node (panel) == item);
  g_assert_cmpstr (yishi_registry_item_get_name (item), ==, "11号楼");
  position = yishi_registry_tree_find (tree, YISHI_NODE_BUILDING, yishi_registry_item_get_id (item));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Move it to the first grid. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.move", NULL));
  dialog = take_node_dialog ();
  g_assert_cmpint (yishi_node_dialog_get_mode (dialog), ==, YISHI_NODE_DIALOG_MOVE);
  g_assert_cmpuint (yishi_node_dialog_get_n_places (dialog), ==, 9);
  g_assert_true (yishi_node_dialog_select_place (dialog, yishi_registry_item_get_id (item_at (panel, 1))));
  g_assert_true (yishi_node_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  yishi_ui_test_spin (100);
  item = yishi_registry_panel_get_selected_node (panel);
  g_assert_cmpstr (yishi_registry_item_get_name (item), ==, "11号楼");
  g_assert_cmpint (yishi_registry_item_get_parent_id (item), ==, yishi_registry_item_get_id (item_at (panel, 1)));
  g_assert_nonnull (strstr (yishi_registry_panel_get_path_text (panel), "第一网格"));
  yishi_ui_test_close_window (window);
}

static void
test_delete_undo (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  YishiRegistryTree *tree = yishi_registry_panel_get_tree (panel);
  YishiRegistryItem *building = select_first_building (panel);
  gint64 id = yishi_registry_item_get_id (building);
  gint64 grid_id = yishi_registry_item_get_parent_id (building);
  gint64 living = query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL AND building_id = %lld",
                             (long long)id);
  gint64 everybody = query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL");
  guint in_grid = yishi_registry_item_get_n_people (item_at (panel, 1));
  AdwMessageDialog *question;

  g_assert_cmpint (living, >, 0);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, living);

  /* People live there: it asks first, and "Cancel" changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.delete", NULL));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "people"));
  adw_message_dialog_response (question, "cancel");
  yishi_ui_test_spin (50);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL"), ==, everybody);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.delete", NULL));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  yishi_ui_test_spin (100);
  /* Gone with its people; its grid is selected and counts fewer. */
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL"), ==,
                   everybody - living);
  g_assert_cmpuint (yishi_registry_tree_find (tree, YISHI_NODE_BUILDING, id), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (yishi_registry_item_get_id (yishi_registry_panel_get_selected_node (panel)), ==, grid_id);
  g_assert_cmpuint (yishi_registry_item_get_n_people (item_at (panel, 1)), ==, in_grid - living);
  g_assert_cmpuint (yishi_registry_item_get_n_people (item_at (panel, 0)), ==, everybody - living);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, in_grid - living);
  /* The grid stays open. */
  g_assert_cmpint (yishi_registry_item_get_kind (item_at (panel, 2)), ==, YISHI_NODE_BUILDING);

  /* Undo: back, selected, with its people. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.undo", NULL));
  yishi_ui_test_spin (100);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM person WHERE deleted_at IS NULL"), ==, everybody);
  g_assert_cmpuint (yishi_registry_tree_find (tree, YISHI_NODE_BUILDING, id), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (yishi_registry_item_get_id (yishi_registry_panel_get_selected_node (panel)), ==, id);
  g_assert_cmpint (yishi_registry_panel_get_n_people (panel), ==, living);
  /* Only once. */
  g_assert_false (yishi_registry_panel_undo (panel));
  yishi_ui_test_close_window (window);
}

static void
test_changes_elsewhere (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  YishiRegistryTree *tree = yishi_registry_panel_get_tree (panel);
  YishiRegistryItem *building = select_first_building (panel);
  guint before = yishi_registry_panel_get_n_people (panel);
  g_autoptr (YishiPerson) chosen = person_at (panel, 3);
  g_autoptr (GError) error = NULL;
  gint64 household = query_int (database,
                                "SELECT h.id FROM household h JOIN unit u ON u.id = h.unit_id"
                                " WHERE u.building_id = %lld ORDER BY h.id LIMIT 1",
                                (long long)yishi_registry_item_get_id (building));
  YishiPersonDraft draft = {
    .name = "测试新人", .gender = "female", .birth_date = "1990-05-06", .household_id = household,
  };
  gint64 added;

  gtk_selection_model_select_item (gtk_column_view_get_model (yishi_registry_panel_get_column_view (panel)), 3, TRUE);
  yishi_ui_test_spin (20);
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, yishi_person_get_id (chosen));

  /* Someone moves in (another window, an import): counted, nothing else moves. */
  added = yishi_registry_add_person (database, &draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  yishi_ui_test_spin (100);
  g_assert_true (yishi_registry_panel_get_selected_node (panel) == building);
  g_assert_cmpuint (yishi_registry_item_get_n_people (building), ==, before + 1);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, before + 1);
  g_assert_cmpint (yishi_registry_item_get_kind (item_at (panel, 2)), ==, YISHI_NODE_BUILDING);
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, yishi_person_get_id (chosen));
  g_assert_true (yishi_registry_panel_select_person (panel, added));
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, added);

  /* A grid added elsewhere appears in its place. */
  g_assert_cmpint (yishi_registry_create_node (database, YISHI_NODE_GRID, 0, "第十网格", &error), >, 0);
  g_assert_no_error (error);
  yishi_ui_test_spin (100);
  g_assert_cmpuint (yishi_registry_tree_get_n_grids (tree), ==, 9);
  g_assert_true (yishi_registry_panel_get_selected_node (panel) == building);
  yishi_ui_test_close_window (window);
}

static void
test_people (void)
{
  g_autofree char *path = yishi_test_copy_file (demo_path);
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (path, &panel);
  YishiDatabase *database = yishi_window_get_database (window);
  GtkColumnView *view = yishi_registry_panel_get_column_view (panel);
  YishiRegistryItem *building = select_first_building (panel);
  guint living = yishi_registry_panel_get_n_people (panel);
  g_autoptr (YishiPerson) person = person_at (panel, 1);
  gint64 id = yishi_person_get_id (person);
  YishiPersonDialog *dialog;
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;

  /* Delete in the list: gone, and back with Undo, selected. */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);
  yishi_ui_test_spin (20);
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.delete-person", NULL));
  yishi_ui_test_spin (100);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, living - 1);
  g_assert_cmpuint (yishi_registry_item_get_n_people (building), ==, living - 1);
  g_assert_cmpint (query_int (database, "SELECT deleted_at IS NOT NULL FROM person WHERE id = %lld", (long long)id), ==, 1);
  g_assert_true (yishi_registry_panel_undo (panel));
  yishi_ui_test_spin (100);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, living);
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, id);

  /* Enter on a row opens the person. */
  g_signal_emit_by_name (view, "activate", 1);
  dialog = find_toplevel (YISHI_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (yishi_person_dialog_get_person_id (dialog), ==, id);

  /* Deleted from there: the panel offers the undo. */
  batch = yishi_registry_delete_person (database, id, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (dialog, "deleted", batch);
  gtk_window_destroy (GTK_WINDOW (dialog));
  yishi_ui_test_spin (100);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, living - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.undo", NULL));
  yishi_ui_test_spin (100);
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, living);
  g_assert_cmpint (yishi_registry_panel_get_selected_person (panel), ==, id);

  /* A new person: the dialog opens for nobody yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.new-person", NULL));
  dialog = find_toplevel (YISHI_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (yishi_person_dialog_get_person_id (dialog), ==, 0);
  yishi_ui_test_close_window (window);
}

static void
test_contact_board (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiRegistryItem *grid = item_at (panel, 1);
  YishiPdfPreview *preview = NULL;
  gint64 end;

  /* For the grid of the place selected: a building of the first grid. */
  select_first_building (panel);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.contact-board", NULL));
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (preview == NULL && g_get_monotonic_time () < end)
    {
      yishi_ui_test_spin (50);
      preview = find_toplevel (YISHI_TYPE_PDF_PREVIEW);
    }
  g_assert_nonnull (preview);
  g_assert_null (yishi_pdf_preview_get_error (preview));
  g_assert_cmpuint (yishi_pdf_preview_get_n_pages (preview), >=, 1);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), yishi_registry_item_get_name (grid)));
  yishi_ui_test_close_window (window);
}

/* The points notice of the current quarter opens in the preview too. */
static void
test_points_notice (void)
{
  YishiRegistryPanel *panel;
  YishiWindow *window = open_window (demo_path, &panel);
  YishiPdfPreview *preview = NULL;
  g_autofree char *today = yishi_clock_today ();
  g_autofree char *quarter = g_strdup_printf ("Q%d", (atoi (today + 5) - 1) / 3 + 1);
  gint64 end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.points-notice", NULL));
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (preview == NULL && g_get_monotonic_time () < end)
    {
      yishi_ui_test_spin (50);
      preview = find_toplevel (YISHI_TYPE_PDF_PREVIEW);
    }
  g_assert_nonnull (preview);
  g_assert_null (yishi_pdf_preview_get_error (preview));
  g_assert_cmpuint (yishi_pdf_preview_get_n_pages (preview), >=, 1);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), quarter));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), "Points Notice"));
  yishi_ui_test_close_window (window);
}

static void
test_empty (void)
{
  g_autofree char *path = yishi_test_path ("empty.db");
  g_autoptr (GError) error = NULL;
  YishiRegistryPanel *panel;
  YishiWindow *window;

  g_object_unref (yishi_test_new_database ("empty.db", "空白社区"));
  window = open_window (path, &panel);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "empty");
  g_assert_cmpuint (yishi_registry_panel_get_n_people (panel), ==, 0);
  g_assert_cmpuint (yishi_registry_tree_get_n_grids (yishi_registry_panel_get_tree (panel)), ==, 0);
  /* Nothing to rename or delete; a grid can be made. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "registry.rename", NULL);
  gtk_widget_activate_action (GTK_WIDGET (panel), "registry.delete", NULL);
  g_assert_null (find_toplevel (YISHI_TYPE_NODE_DIALOG));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "registry.new-grid", NULL));
  {
    g_autoptr (YishiNodeDialog) dialog = take_node_dialog ();

    yishi_node_dialog_set_name (dialog, "第一网格");
    g_assert_true (yishi_node_dialog_apply (dialog, &error));
    g_assert_no_error (error);
  }
  yishi_ui_test_spin (100);
  g_assert_cmpstr (yishi_registry_panel_get_page (panel), ==, "nobody");
  g_assert_cmpuint (yishi_registry_tree_get_n_grids (yishi_registry_panel_get_tree (panel)), ==, 1);
  yishi_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  int result;

  demo_path = yishi_ui_test_init (&argc, &argv);

  g_test_add_func ("/registry-panel/tree", test_tree);
  g_test_add_func ("/registry-panel/expand-and-scope", test_expand_and_scope);
  g_test_add_func ("/registry-panel/search", test_search);
  g_test_add_func ("/registry-panel/filters", test_filters);
  g_test_add_func ("/registry-panel/sort", test_sort);
  g_test_add_func ("/registry-panel/create-rename-move", test_create_rename);
  g_test_add_func ("/registry-panel/delete-undo", test_delete_undo);
  g_test_add_func ("/registry-panel/changes-elsewhere", test_changes_elsewhere);
  g_test_add_func ("/registry-panel/people", test_people);
  g_test_add_func ("/registry-panel/contact-board", test_contact_board);
  g_test_add_func ("/registry-panel/points-notice", test_points_notice);
  g_test_add_func ("/registry-panel/empty", test_empty);

  result = g_test_run ();
  return result;
}
