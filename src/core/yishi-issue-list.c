/* yishi-issue-list.c
 *
 * Never the whole table in memory: a filter change counts the matching rows, then rows
 * are fetched in pages of PAGE_SIZE as the view asks for them, and at most MAX_PAGES
 * pages are kept. Filters and orders are SQL over the indexes of the schema; the text
 * search goes through the bigram index (yishi-search.c).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "yishi-calendar.h"
#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-issue-machine.h"
#include "yishi-search.h"

#include "yishi-issue-list.h"

#define PAGE_SIZE 200
#define MAX_PAGES 12

typedef struct
{
  gboolean is_int;
  gint64 i;
  char *text;
} Binding;

struct _YishiIssueList
{
  GObject parent_instance;

  YishiDatabase *database;
  YishiIssueFilter filter;
  YishiIssueSort sort;
  gboolean descending;

  char *where;        /* " WHERE …" for the current filter */
  GArray *bindings;   /* Binding, for the placeholders of where */
  char *today;
  char *soon;
  guint n_items;
  GHashTable *pages;  /* page number → GPtrArray of YishiIssue */
  GError *error;
};

static void yishi_issue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YishiIssueList, yishi_issue_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, yishi_issue_list_model_init))

void
yishi_issue_filter_clear (YishiIssueFilter *filter)
{
  g_clear_pointer (&filter->state, g_free);
  g_clear_pointer (&filter->scale, g_free);
  g_clear_pointer (&filter->route, g_free);
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  g_clear_pointer (&filter->query, g_free);
  memset (filter, 0, sizeof *filter);
}

void
yishi_issue_filter_copy (YishiIssueFilter       *to,
                         const YishiIssueFilter *from)
{
  yishi_issue_filter_clear (to);
  if (from == NULL)
    return;
  *to = *from;
  to->state = g_strdup (from->state);
  to->scale = g_strdup (from->scale);
  to->route = g_strdup (from->route);
  to->from = g_strdup (from->from);
  to->to = g_strdup (from->to);
  to->query = g_strdup (from->query);
}

static void
binding_clear (gpointer data)
{
  Binding *binding = data;

  g_free (binding->text);
}

static void
bind_text (YishiIssueList *self,
           const char     *text)
{
  Binding binding = { FALSE, 0, g_strdup (text) };

  g_array_append_val (self->bindings, binding);
}

static void
bind_int (YishiIssueList *self,
          gint64          i)
{
  Binding binding = { TRUE, i, NULL };

  g_array_append_val (self->bindings, binding);
}

/* Local midnight of @date as UTC, plus @days. */
static char *
utc_bound (const char *date,
           int         days)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) shifted = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  local = g_date_time_new (zone, y, m, d, 0, 0, 0);
  if (local == NULL)
    return NULL;
  shifted = g_date_time_add_days (local, days);
  return yishi_clock_format_utc (shifted);
}

static void
build_where (YishiIssueList *self)
{
  const YishiIssueFilter *f = &self->filter;
  g_autoptr (GString) where = g_string_new (" WHERE i.deleted_at IS NULL");
  g_autoptr (YishiCalendar) calendar = yishi_calendar_load (self->database, NULL);

  g_array_set_size (self->bindings, 0);
  g_free (self->today);
  self->today = yishi_clock_today ();
  g_free (self->soon);
  self->soon = calendar ? yishi_calendar_add_working_days (calendar, self->today, 2) : g_strdup (self->today);

  if (g_strcmp0 (f->state, "open") == 0)
    g_string_append (where, " AND i.state IN " YISHI_ISSUE_OPEN_STATES_SQL);
  else if (f->state != NULL)
    {
      g_string_append (where, " AND i.state = ?");
      bind_text (self, f->state);
    }
  if (f->scale != NULL)
    {
      g_string_append (where, " AND i.scale = ?");
      bind_text (self, f->scale);
    }
  if (f->route != NULL)
    {
      g_string_append (where, " AND i.route = ?");
      bind_text (self, f->route);
    }
  if (f->category_id != 0)
    {
      g_string_append (where, " AND i.category_id = ?");
      bind_int (self, f->category_id);
    }
  if (f->grid_id != 0)
    {
      g_string_append (where, " AND i.grid_id = ?");
      bind_int (self, f->grid_id);
    }
  if (f->overdue)
    {
      g_string_append (where, " AND i.state IN " YISHI_ISSUE_OPEN_STATES_SQL " AND i.deadline < ?");
      bind_text (self, self->today);
    }
  if (f->due_soon)
    {
      g_string_append (where, " AND i.state IN " YISHI_ISSUE_OPEN_STATES_SQL " AND i.deadline BETWEEN ? AND ?");
      bind_text (self, self->today);
      bind_text (self, self->soon);
    }
  if (f->from != NULL)
    {
      g_autofree char *bound = utc_bound (f->from, 0);

      if (bound != NULL)
        {
          g_string_append (where, " AND i.received_at >= ?");
          bind_text (self, bound);
        }
    }
  if (f->to != NULL)
    {
      g_autofree char *bound = utc_bound (f->to, 1);

      if (bound != NULL)
        {
          g_string_append (where, " AND i.received_at < ?");
          bind_text (self, bound);
        }
    }
  if (f->query != NULL && *f->query != '\0')
    {
      g_autofree char *match = yishi_search_match_query (f->query);

      if (match != NULL)
        {
          g_string_append (where, " AND i.id IN (SELECT rowid FROM issue_fts WHERE issue_fts MATCH ?)");
          bind_text (self, match);
        }
      else
        {
          /* Nothing searchable (a lone character): fall back to a plain scan. */
          g_autofree char *like = g_strdup_printf ("%%%s%%", f->query);

          g_string_append (where, " AND (i.title LIKE ? OR i.content LIKE ?)");
          bind_text (self, like);
          bind_text (self, like);
        }
    }

  g_free (self->where);
  self->where = g_string_free (g_steal_pointer (&where), FALSE);
}

static const char *
order_by (YishiIssueList *self)
{
  static const char *const ascending[] = {
    [YISHI_ISSUE_SORT_RECEIVED] = " ORDER BY i.received_at, i.id",
    [YISHI_ISSUE_SORT_SERIAL] = " ORDER BY i.serial, i.id",
    [YISHI_ISSUE_SORT_DEADLINE] = " ORDER BY i.deadline IS NULL, i.deadline, i.id",
    [YISHI_ISSUE_SORT_STATE] = " ORDER BY i.state, i.deadline, i.id",
    [YISHI_ISSUE_SORT_URGENCY] = " ORDER BY CASE i.urgency WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, i.received_at, i.id",
    [YISHI_ISSUE_SORT_CATEGORY] = " ORDER BY c.name, i.received_at, i.id",
    [YISHI_ISSUE_SORT_CHANNEL] = " ORDER BY i.channel, i.received_at, i.id",
    [YISHI_ISSUE_SORT_TITLE] = " ORDER BY i.title, i.id",
    [YISHI_ISSUE_SORT_PLACE] = " ORDER BY place, i.id",
    [YISHI_ISSUE_SORT_RESPONSIBLE] = " ORDER BY responsible, i.id",
  };
  static const char *const descending[] = {
    [YISHI_ISSUE_SORT_RECEIVED] = " ORDER BY i.received_at DESC, i.id DESC",
    [YISHI_ISSUE_SORT_SERIAL] = " ORDER BY i.serial DESC, i.id DESC",
    [YISHI_ISSUE_SORT_DEADLINE] = " ORDER BY i.deadline IS NULL, i.deadline DESC, i.id DESC",
    [YISHI_ISSUE_SORT_STATE] = " ORDER BY i.state DESC, i.deadline, i.id",
    [YISHI_ISSUE_SORT_URGENCY] = " ORDER BY CASE i.urgency WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END DESC, i.received_at DESC, i.id DESC",
    [YISHI_ISSUE_SORT_CATEGORY] = " ORDER BY c.name DESC, i.received_at DESC, i.id DESC",
    [YISHI_ISSUE_SORT_CHANNEL] = " ORDER BY i.channel DESC, i.received_at DESC, i.id DESC",
    [YISHI_ISSUE_SORT_TITLE] = " ORDER BY i.title DESC, i.id DESC",
    [YISHI_ISSUE_SORT_PLACE] = " ORDER BY place DESC, i.id DESC",
    [YISHI_ISSUE_SORT_RESPONSIBLE] = " ORDER BY responsible DESC, i.id DESC",
  };

  return self->descending ? descending[self->sort] : ascending[self->sort];
}

static void
bind_all (YishiIssueList *self,
          sqlite3_stmt   *stmt)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = &g_array_index (self->bindings, Binding, i);

      if (binding->is_int)
        sqlite3_bind_int64 (stmt, (int)i + 1, binding->i);
      else
        sqlite3_bind_text (stmt, (int)i + 1, binding->text, -1, SQLITE_STATIC);
    }
}

static void
set_error (YishiIssueList *self)
{
  g_clear_error (&self->error);
  yishi_database_set_error (self->database, &self->error);
  /* The SQL is ours; the message may still say something useful (a damaged file). */
  g_warning ("The ledger could not be read: %s", self->error->message);
}

static guint
count_rows (YishiIssueList *self)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM issue i", self->where, NULL);
  g_autoptr (sqlite3_stmt) stmt = yishi_database_prepare (self->database, sql, NULL);

  if (stmt == NULL)
    {
      set_error (self);
      return 0;
    }
  bind_all (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error (self);
      return 0;
    }
  return (guint)sqlite3_column_int64 (stmt, 0);
}

static char *
yishi_str_replace (const char *text,
                   const char *find,
                   const char *replacement)
{
  g_auto (GStrv) parts = g_strsplit (text, find, -1);

  return g_strjoinv (replacement, parts);
}

static GPtrArray *
fetch_page (YishiIssueList *self,
            guint           page)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  int n = (int)self->bindings->len;

#define PAGE_COLUMNS \
  "SELECT i.id, i.serial, i.received_at, i.channel, c.name, i.title," \
  " coalesce (b.name, g.name, nullif (i.place_text, '')) AS place," \
  " coalesce (nullif (i.responsible_text, ''), o.name) AS responsible," \
  " i.deadline, i.state, i.urgency"
#define PAGE_JOINS \
  " LEFT JOIN category c ON c.id = i.category_id" \
  " LEFT JOIN building b ON b.id = i.building_id LEFT JOIN grid g ON g.id = i.grid_id" \
  " LEFT JOIN organisation o ON o.id = i.responsible_org_id"

  if (self->sort == YISHI_ISSUE_SORT_CATEGORY || self->sort == YISHI_ISSUE_SORT_PLACE ||
      self->sort == YISHI_ISSUE_SORT_RESPONSIBLE)
    sql = g_strconcat (PAGE_COLUMNS " FROM issue i" PAGE_JOINS, self->where, order_by (self),
                       " LIMIT ? OFFSET ?", NULL);
  else
    {
      g_autofree char *where = NULL;

      /* In the default order, walk the index of live matters by time received and keep
       * those the search found ("+" stops SQLite from fetching and sorting every match
       * first): a page of a 10,000-match search then costs a few milliseconds. */
      if (self->sort == YISHI_ISSUE_SORT_RECEIVED)
        where = yishi_str_replace (self->where, " AND i.id IN (SELECT rowid FROM issue_fts",
                                   " AND +i.id IN (SELECT rowid FROM issue_fts");
      else
        where = g_strdup (self->where);

      /* Sorted on the matter's own columns: pick the page first, then join only its rows
       * (a search may match ten thousand matters; joining them all to sort is wasted). */
      sql = g_strconcat (PAGE_COLUMNS " FROM (SELECT * FROM issue i", where, order_by (self),
                         " LIMIT ? OFFSET ?) i" PAGE_JOINS, order_by (self), NULL);
    }
#undef PAGE_COLUMNS
#undef PAGE_JOINS
  stmt = yishi_database_prepare (self->database, sql, NULL);
  if (stmt == NULL)
    {
      set_error (self);
      return items;
    }
  bind_all (self, stmt);
  sqlite3_bind_int (stmt, n + 1, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, n + 2, (gint64)page * PAGE_SIZE);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *state = (const char *)sqlite3_column_text (stmt, 9);
      const char *deadline = (const char *)sqlite3_column_text (stmt, 8);
      g_autofree char *received = yishi_clock_format_local ((const char *)sqlite3_column_text (stmt, 2),
                                                            "%Y-%m-%d");
      gboolean open = yishi_issue_state_is_open (state);
      YishiIssueDue due = YISHI_ISSUE_DUE_NONE;

      if (open && deadline != NULL)
        {
          if (strcmp (deadline, self->today) < 0)
            due = YISHI_ISSUE_OVERDUE;
          else if (strcmp (deadline, self->soon) <= 0)
            due = YISHI_ISSUE_DUE_SOON;
          else
            due = YISHI_ISSUE_DUE_LATER;
        }

      g_ptr_array_add (items,
                       yishi_issue_new (sqlite3_column_int64 (stmt, 0),
                                        (const char *)sqlite3_column_text (stmt, 1), received,
                                        yishi_enum_label (YISHI_ENUM_CHANNEL,
                                                          (const char *)sqlite3_column_text (stmt, 3)),
                                        (const char *)sqlite3_column_text (stmt, 4),
                                        (const char *)sqlite3_column_text (stmt, 5),
                                        (const char *)sqlite3_column_text (stmt, 6),
                                        (const char *)sqlite3_column_text (stmt, 7), deadline, state,
                                        (const char *)sqlite3_column_text (stmt, 10), due));
    }
  return items;
}

/* GListModel ----------------------------------------------------------------------- */

static GType
yishi_issue_list_get_item_type (GListModel *model)
{
  return YISHI_TYPE_ISSUE;
}

static guint
yishi_issue_list_get_n_items (GListModel *model)
{
  return YISHI_ISSUE_LIST (model)->n_items;
}

static gpointer
yishi_issue_list_get_item (GListModel *model,
                           guint       position)
{
  YishiIssueList *self = YISHI_ISSUE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      items = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  if (position % PAGE_SIZE >= items->len)
    return NULL; /* the table changed under us; a refresh is on its way */
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
yishi_issue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = yishi_issue_list_get_item_type;
  iface->get_n_items = yishi_issue_list_get_n_items;
  iface->get_item = yishi_issue_list_get_item;
}

/* Public --------------------------------------------------------------------------- */

/* Counts again and forgets the cached pages; views see one items-changed. */
void
yishi_issue_list_refresh (YishiIssueList *self)
{
  guint old;

  g_return_if_fail (YISHI_IS_ISSUE_LIST (self));

  old = self->n_items;
  g_clear_error (&self->error);
  g_hash_table_remove_all (self->pages);
  build_where (self);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
yishi_issue_list_set_filter (YishiIssueList         *self,
                             const YishiIssueFilter *filter)
{
  g_return_if_fail (YISHI_IS_ISSUE_LIST (self));

  yishi_issue_filter_copy (&self->filter, filter);
  yishi_issue_list_refresh (self);
}

const YishiIssueFilter *
yishi_issue_list_get_filter (YishiIssueList *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE_LIST (self), NULL);
  return &self->filter;
}

void
yishi_issue_list_set_sort (YishiIssueList *self,
                           YishiIssueSort  sort,
                           gboolean        descending)
{
  g_return_if_fail (YISHI_IS_ISSUE_LIST (self));
  g_return_if_fail (sort <= YISHI_ISSUE_SORT_RESPONSIBLE);

  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  yishi_issue_list_refresh (self);
}

const GError *
yishi_issue_list_get_error (YishiIssueList *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE_LIST (self), NULL);
  return self->error;
}

/* The position of matter @id in the cached pages, or G_MAXUINT. */
guint
yishi_issue_list_find (YishiIssueList *self,
                       gint64          id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (YISHI_IS_ISSUE_LIST (self), G_MAXUINT);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        if (yishi_issue_get_id (g_ptr_array_index (items, i)) == id)
          return GPOINTER_TO_UINT (key) * PAGE_SIZE + i;
    }
  return G_MAXUINT;
}

guint
yishi_issue_list_get_n_cached_pages (YishiIssueList *self)
{
  return g_hash_table_size (self->pages);
}

static void
yishi_issue_list_finalize (GObject *object)
{
  YishiIssueList *self = YISHI_ISSUE_LIST (object);

  yishi_issue_filter_clear (&self->filter);
  g_clear_object (&self->database);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->bindings, g_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->soon, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (yishi_issue_list_parent_class)->finalize (object);
}

static void
yishi_issue_list_class_init (YishiIssueListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_issue_list_finalize;
}

static void
yishi_issue_list_init (YishiIssueList *self)
{
  self->bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_array_set_clear_func (self->bindings, binding_clear);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->sort = YISHI_ISSUE_SORT_RECEIVED;
  self->descending = TRUE;
}

YishiIssueList *
yishi_issue_list_new (YishiDatabase *database)
{
  YishiIssueList *self;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  self = g_object_new (YISHI_TYPE_ISSUE_LIST, NULL);
  self->database = g_object_ref (database);
  yishi_issue_list_refresh (self);
  return self;
}
