/* yishi-people-list.c — the registry's people as a lazily paged GListModel.
 *
 * Never the whole table in memory: a filter change counts the matching people, then
 * rows come in pages of PAGE_SIZE as the view asks for them, and at most MAX_PAGES
 * pages are kept.  Which index answers a count or a page, and the SQL of both, are
 * planned in yishi-people-plan.c.
 *
 * - In name order a page goes on from where the page before ended (keyset) rather than
 *   skipping OFFSET rows.  Address order goes building by building (see
 *   count_blocks ()).
 * - Only the rows of a page are joined with their home, grid, current party category
 *   and roles (yishi_person_load ()).
 *
 * The list refreshes itself (once, from an idle) when people, homes, memberships or
 * roles change.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <string.h>

#include "yishi-clock.h"
#include "yishi-people-list-private.h"

#define MAX_PAGES 12

typedef struct
{
  char *name;
  gint64 id;
} Key;

static void yishi_people_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YishiPeopleList, yishi_people_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, yishi_people_list_model_init))

/* The filter --------------------------------------------------------------------- */

void
yishi_people_filter_clear (YishiPeopleFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->residence_type, g_free);
  g_clear_pointer (&filter->party_category, g_free);
  g_clear_pointer (&filter->role, g_free);
  g_clear_pointer (&filter->query, g_free);
  memset (filter, 0, sizeof *filter);
}

void
yishi_people_filter_copy (YishiPeopleFilter       *to,
                          const YishiPeopleFilter *from)
{
  g_return_if_fail (to != NULL);

  if (to == from)
    return;
  yishi_people_filter_clear (to);
  if (from == NULL)
    return;
  *to = *from;
  to->residence_type = g_strdup (from->residence_type);
  to->party_category = g_strdup (from->party_category);
  to->role = g_strdup (from->role);
  to->query = g_strdup (from->query);
}

/* The file ----------------------------------------------------------------------- */

static void
set_error (YishiPeopleList *self)
{
  g_clear_error (&self->error);
  yishi_database_set_error (self->database, &self->error);
  /* The SQL is ours; the message may still say something useful (a damaged file).  It
   * never holds a bound value, so no personal data goes to the log. */
  g_warning ("The people list could not be read: %s", self->error->message);
}

/* Pages ------------------------------------------------------------------------------ */

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->name);
  g_free (key);
}

static const char *
order_terms (YishiPeopleList *self,
             gboolean         walking)
{
  /* [sort][descending][walking]; a unary + keeps a sorted set off the order's index.
   * Age ascending is youngest first: birth dates descending. */
  static const char *const terms[2][2][2] = {
    [YISHI_PEOPLE_SORT_NAME] = {
      { " ORDER BY +p.name, p.id", " ORDER BY p.name, p.id" },
      { " ORDER BY +p.name DESC, p.id DESC", " ORDER BY p.name DESC, p.id DESC" } },
    [YISHI_PEOPLE_SORT_AGE] = {
      { " ORDER BY +p.birth_date DESC, p.id DESC", " ORDER BY p.birth_date DESC, p.id DESC" },
      { " ORDER BY +p.birth_date, p.id", " ORDER BY p.birth_date, p.id" } },
  };

  g_assert (self->sort != YISHI_PEOPLE_SORT_ADDRESS);
  return terms[self->sort][self->descending ? 1 : 0][walking ? 1 : 0];
}

/* In address order the people come building by building (the tree's order of grids
 * and buildings, people without a home last), so a page is one or two buildings'
 * people sorted by unit, room and name, and the count is the sum of the buildings'. */
typedef struct
{
  gint64 building_id; /* 0: no home */
  guint start;
  guint count;
} Block;

#define BUILDING_ORDER(dir) \
  " ORDER BY c.building_id IS NULL, g.position" dir ", length (g.name)" dir ", g.name" dir \
  ", b.position" dir ", length (b.name)" dir ", b.name" dir ", b.id" dir
#define HOME_ORDER(dir) \
  " ORDER BY u.position" dir ", length (u.name)" dir ", u.name" dir ", length (h.room)" dir \
  ", h.room" dir ", p.name" dir ", p.id" dir

static gint64
count_blocks (YishiPeopleList *self)
{
  g_auto (Sql) sql = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 n = 0;
  Plan plan;
  int rc;

  g_array_set_size (self->blocks, 0);
  if (self->nobody)
    return 0;
  sql_init (&sql, "SELECT c.building_id, c.n"
                  " FROM (SELECT p.building_id AS building_id, count (*) AS n");
  plan = yishi_people_plan_set (self, USE_COUNT);
  yishi_people_plan_emit_from_where (self, &sql, &plan, USE_COUNT, NULL);
  sql_append (&sql, " GROUP BY p.building_id) c"
                    " LEFT JOIN building b ON b.id = c.building_id LEFT JOIN grid g ON g.id = b.grid_id");
  sql_append (&sql, self->descending ? BUILDING_ORDER (" DESC") : BUILDING_ORDER (""));

  stmt = yishi_people_plan_sql_prepare (&sql, self->database);
  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Block block = { sqlite3_column_int64 (stmt, 0), (guint)n,
                      (guint)sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (self->blocks, block);
      n += block.count;
    }
  if (rc != SQLITE_DONE)
    {
      g_array_set_size (self->blocks, 0);
      return -1;
    }
  return n;
}

static gboolean
fetch_block_ids (YishiPeopleList *self,
                 const Block     *block,
                 guint            offset,
                 guint            limit,
                 GArray          *ids)
{
  g_auto (Sql) sql = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  sql_init (&sql, "SELECT p.id FROM person p"
                  " LEFT JOIN household h ON h.id = p.household_id LEFT JOIN unit u ON u.id = h.unit_id"
                  " WHERE p.deleted_at IS NULL");
  if (block->building_id != 0)
    {
      sql_append (&sql, " AND p.building_id = ?");
      sql_int (&sql, block->building_id);
    }
  else
    sql_append (&sql, " AND p.building_id IS NULL");
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);
      gboolean seek = is_set_piece (piece) &&
                      !yishi_people_plan_use_bits (self, piece, block->count);

      yishi_people_plan_emit_piece (&sql, piece, seek ? FORM_SEEK : FORM_CHECK);
    }
  sql_append (&sql, self->descending ? HOME_ORDER (" DESC") : HOME_ORDER (""));
  sql_append (&sql, " LIMIT ? OFFSET ?");
  sql_int (&sql, limit);
  sql_int (&sql, offset);

  stmt = yishi_people_plan_sql_prepare (&sql, self->database);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE;
}

#undef BUILDING_ORDER
#undef HOME_ORDER

static GArray *
fetch_address_ids (YishiPeopleList *self,
                   guint            page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint position = page * PAGE_SIZE;
  guint lo = 0, hi = self->blocks->len;

  /* The first block that ends after @position. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Block *block = &g_array_index (self->blocks, Block, mid);

      if (block->start + block->count <= position)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->blocks->len && ids->len < PAGE_SIZE; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      guint offset = position > block->start ? position - block->start : 0;

      if (!fetch_block_ids (self, block, offset, PAGE_SIZE - ids->len, ids))
        {
          set_error (self);
          g_array_set_size (ids, 0);
          break;
        }
    }
  return ids;
}

/* The ids of page @page in order; remembers where the next page starts. */
static GArray *
fetch_page_ids (YishiPeopleList *self,
                guint            page)
{
  g_auto (Sql) sql = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *last_name = NULL;
  GArray *ids;
  Key *start = NULL;
  gint64 offset = (gint64)page * PAGE_SIZE;
  Plan plan;
  int rc;

  if (self->sort == YISHI_PEOPLE_SORT_ADDRESS)
    return fetch_address_ids (self, page);

  /* In name order, go on from where the nearest page before this one ended. */
  if (self->sort == YISHI_PEOPLE_SORT_NAME)
    {
      GHashTableIter iter;
      gpointer key, value;
      guint nearest = 0;

      g_hash_table_iter_init (&iter, self->starts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (key) <= page && GPOINTER_TO_UINT (key) > nearest)
          {
            nearest = GPOINTER_TO_UINT (key);
            start = value;
          }
      if (start != NULL)
        offset = (gint64)(page - nearest) * PAGE_SIZE;
    }
  plan = yishi_people_plan_page (self, offset);
  if (!plan.walk)
    {
      start = NULL;
      offset = (gint64)page * PAGE_SIZE;
    }

  sql_init (&sql, self->sort == YISHI_PEOPLE_SORT_NAME ? "SELECT p.id, p.name"
                                                        : "SELECT p.id, p.birth_date");
  yishi_people_plan_emit_from_where (self, &sql, &plan, plan.walk ? USE_WALK : USE_SORT, NULL);
  if (start != NULL)
    {
      g_string_append_printf (sql.sql, " AND (p.name, p.id) %s (?, ?)",
                              self->descending ? "<" : ">");
      sql_text (&sql, start->name);
      sql_int (&sql, start->id);
    }
  sql_append (&sql, order_terms (self, plan.walk));
  sql_append (&sql, " LIMIT ? OFFSET ?");
  sql_int (&sql, PAGE_SIZE);
  sql_int (&sql, offset);

  /* Placeholders only: no personal data in the log. */
  g_debug ("people page %u (%s, cost %.0f): %s", page, plan.walk ? "walk" : "sorted set", plan.cost,
           sql.sql->str);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = yishi_people_plan_sql_prepare (&sql, self->database);
  if (stmt == NULL)
    {
      set_error (self);
      return ids;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (self->sort == YISHI_PEOPLE_SORT_NAME)
        {
          g_free (last_name);
          last_name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
        }
    }
  if (rc != SQLITE_DONE)
    {
      set_error (self);
      g_array_set_size (ids, 0);
      return ids;
    }

  if (self->sort == YISHI_PEOPLE_SORT_NAME && ids->len == PAGE_SIZE && last_name != NULL)
    {
      Key *next = g_new0 (Key, 1);

      next->name = g_steal_pointer (&last_name);
      next->id = g_array_index (ids, gint64, ids->len - 1);
      g_hash_table_replace (self->starts, GUINT_TO_POINTER (page + 1), next);
    }
  return ids;
}

static GPtrArray *
fetch_page (YishiPeopleList *self,
            guint            page)
{
  g_autoptr (GArray) ids = fetch_page_ids (self, page);
  GPtrArray *people = yishi_person_load (self->database, (const gint64 *)(void *)ids->data,
                                         ids->len, self->today, NULL);

  if (people == NULL)
    {
      set_error (self);
      people = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return people;
}

/* GListModel ----------------------------------------------------------------------- */

static GType
yishi_people_list_get_item_type (GListModel *model)
{
  return YISHI_TYPE_PERSON;
}

static guint
yishi_people_list_get_n_items (GListModel *model)
{
  return YISHI_PEOPLE_LIST (model)->n_items;
}

static GPtrArray *
get_page (YishiPeopleList *self,
          guint            page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      items = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  return items;
}

static gpointer
yishi_people_list_get_item (GListModel *model,
                            guint       position)
{
  YishiPeopleList *self = YISHI_PEOPLE_LIST (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= items->len)
    return NULL; /* the table changed under us; a refresh is on its way */
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
yishi_people_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = yishi_people_list_get_item_type;
  iface->get_n_items = yishi_people_list_get_n_items;
  iface->get_item = yishi_people_list_get_item;
}

/* Public --------------------------------------------------------------------------- */

static void
recount (YishiPeopleList *self)
{
  gint64 n;

  g_clear_error (&self->error);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->starts);
  g_free (self->today);
  self->today = yishi_clock_today ();
  self->nobody = !yishi_people_plan_build_pieces (self->pieces, &self->filter, self->today);
  n = self->sort == YISHI_PEOPLE_SORT_ADDRESS ? count_blocks (self)
                                                : yishi_people_plan_count (self);
  if (n < 0)
    {
      set_error (self);
      n = 0;
    }
  self->n_items = (guint)MIN (n, (gint64)G_MAXUINT - 1);
}

/* Counts again and forgets the cached pages; views see one items-changed. */
void
yishi_people_list_refresh (YishiPeopleList *self)
{
  guint old;

  g_return_if_fail (YISHI_IS_PEOPLE_LIST (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  old = self->n_items;
  recount (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

static gboolean
refresh_idle (gpointer data)
{
  YishiPeopleList *self = data;

  self->refresh_source = 0;
  yishi_people_list_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed (YishiDatabase   *database,
                     const char      *table,
                     YishiPeopleList *self)
{
  static const char *const tables[] = {
    "person", "household", "unit", "building", "grid", "party_membership", "role_assignment", NULL,
  };

  if (table != NULL && !g_strv_contains (tables, table))
    return;
  /* The tables of one commit, and several commits in a row, refresh once. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

void
yishi_people_list_set_filter (YishiPeopleList         *self,
                              const YishiPeopleFilter *filter)
{
  g_return_if_fail (YISHI_IS_PEOPLE_LIST (self));

  yishi_people_filter_copy (&self->filter, filter);
  yishi_people_list_refresh (self);
}

const YishiPeopleFilter *
yishi_people_list_get_filter (YishiPeopleList *self)
{
  g_return_val_if_fail (YISHI_IS_PEOPLE_LIST (self), NULL);
  return &self->filter;
}

void
yishi_people_list_set_sort (YishiPeopleList *self,
                            YishiPeopleSort  sort,
                            gboolean         descending)
{
  g_return_if_fail (YISHI_IS_PEOPLE_LIST (self));
  g_return_if_fail (sort <= YISHI_PEOPLE_SORT_ADDRESS);

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  yishi_people_list_refresh (self);
}

const GError *
yishi_people_list_get_error (YishiPeopleList *self)
{
  g_return_val_if_fail (YISHI_IS_PEOPLE_LIST (self), NULL);
  return self->error;
}

/* The position of person @id in the cached pages, or G_MAXUINT. */
guint
yishi_people_list_find (YishiPeopleList *self,
                        gint64           id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (YISHI_IS_PEOPLE_LIST (self), G_MAXUINT);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (yishi_person_get_id (g_ptr_array_index (items, i)) == id)
          return GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}

guint
yishi_people_list_get_n_cached_pages (YishiPeopleList *self)
{
  g_return_val_if_fail (YISHI_IS_PEOPLE_LIST (self), 0);
  return g_hash_table_size (self->pages);
}

static void
yishi_people_list_dispose (GObject *object)
{
  YishiPeopleList *self = YISHI_PEOPLE_LIST (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (yishi_people_list_parent_class)->dispose (object);
}

static void
yishi_people_list_finalize (GObject *object)
{
  YishiPeopleList *self = YISHI_PEOPLE_LIST (object);

  yishi_people_filter_clear (&self->filter);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->starts, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (yishi_people_list_parent_class)->finalize (object);
}

static void
yishi_people_list_class_init (YishiPeopleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_people_list_dispose;
  object_class->finalize = yishi_people_list_finalize;
}

static void
yishi_people_list_init (YishiPeopleList *self)
{
  self->pieces = g_ptr_array_new_with_free_func (yishi_people_plan_piece_free);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->starts = g_hash_table_new_full (NULL, NULL, NULL, key_free);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  self->sort = YISHI_PEOPLE_SORT_NAME;
  self->total = -1;
}

static void
attach (YishiPeopleList *self,
        YishiDatabase   *database)
{
  sqlite3 *handle = yishi_database_get_handle (database);

  self->database = g_object_ref (database);
  /* Once per connection: redefining a function expires every prepared statement. */
  if (g_object_get_data (G_OBJECT (database), "yishi-people-has") != handle)
    {
      sqlite3_create_function (handle, "yishi_people_has", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                               yishi_people_plan_has, NULL, NULL);
      g_object_set_data (G_OBJECT (database), "yishi-people-has", handle);
    }
  /* An index of schema 3 that files made before it was added lack. */
  self->has_facts = yishi_database_query_int (database, "SELECT count (*) FROM sqlite_master"
                                              " WHERE type = 'index'"
                                              " AND name = 'person_live_name_facts'", 0) > 0;
}

YishiPeopleList *
yishi_people_list_new (YishiDatabase *database)
{
  YishiPeopleList *self;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  self = g_object_new (YISHI_TYPE_PEOPLE_LIST, NULL);
  attach (self, database);
  self->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed), self);
  recount (self);
  return self;
}

/* Search ----------------------------------------------------------------------------- */

GPtrArray *
yishi_people_search (YishiDatabase  *database,
                     const char     *query,
                     guint           limit,
                     GError        **error)
{
  g_autoptr (YishiPeopleList) list = NULL;
  GPtrArray *people;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  people = g_ptr_array_new_with_free_func (g_object_unref);
  if (limit == 0)
    return people;

  /* The list's own plans, without its signal and without counting everybody first. */
  list = g_object_new (YISHI_TYPE_PEOPLE_LIST, NULL);
  attach (list, database);
  list->filter.query = g_strdup (query);
  list->today = yishi_clock_today ();
  yishi_people_plan_build_pieces (list->pieces, &list->filter, list->today);
  if (list->pieces->len == 0)
    return people; /* an empty query finds nobody */
  recount (list);

  for (guint i = 0; i < MIN (limit, list->n_items) && list->error == NULL; i += PAGE_SIZE)
    {
      GPtrArray *page = get_page (list, i / PAGE_SIZE);

      for (guint j = 0; j < page->len && people->len < limit; j++)
        g_ptr_array_add (people, g_object_ref (g_ptr_array_index (page, j)));
      if (page->len < PAGE_SIZE)
        break;
    }
  if (list->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&list->error));
      g_ptr_array_unref (people);
      return NULL;
    }
  return people;
}
