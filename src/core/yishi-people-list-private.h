/* yishi-people-list-private.h — shared by the people list and its query planning.
 *
 * yishi-people-list.c is the GListModel (pages, address blocks, refreshing);
 * yishi-people-plan.c turns its filter into pieces, plans which index drives a count or
 * a page, and builds the SQL and its bindings.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database-private.h"

#include "yishi-people-list.h"

G_BEGIN_DECLS

#define PAGE_SIZE 100

/* The filter ------------------------------------------------------------------------ */

typedef enum
{
  PIECE_TAIL,
  PIECE_HOUSEHOLD,
  PIECE_UNIT,
  PIECE_BUILDING,
  PIECE_GRID,
  PIECE_NAME,
  PIECE_ROLE,
  PIECE_PARTY,
  PIECE_AGE,
  PIECE_RESIDENCE,
} PieceKind;

typedef struct
{
  PieceKind kind;
  double share;  /* rough part of all people it keeps */
  gint64 id;     /* node */
  char *text;    /* residence type, party category (NULL: any), role, name prefix, tail */
  char *end;     /* name prefix: the end of its range */
  char *after;   /* age: birth_date > after, or NULL */
  char *until;   /* age: birth_date <= until, or NULL */
  guint8 *bits;  /* party/role: a bit for each person id who has it */
  gint64 n_bits;
} Piece;

static inline gboolean
is_set_piece (const Piece *piece)
{
  return piece->kind == PIECE_PARTY || piece->kind == PIECE_ROLE;
}

/* SQL ------------------------------------------------------------------------------- */

typedef struct
{
  enum { BIND_TEXT, BIND_INT, BIND_PIECE } kind;
  gint64 i;
  char *text;
  Piece *piece;
} Binding;

typedef struct
{
  GString *sql;
  GArray *bindings;
} Sql;

typedef enum
{
  FORM_DRIVE, /* may use its index */
  FORM_CHECK, /* checked on rows found otherwise (memberships and roles in a bitmap) */
  FORM_SEEK,  /* memberships and roles: sought in their index for each row */
} Form;

static inline void
binding_clear (gpointer data)
{
  Binding *binding = data;

  g_free (binding->text);
}

static inline void
sql_init (Sql        *sql,
          const char *start)
{
  sql->sql = g_string_new (start);
  sql->bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_array_set_clear_func (sql->bindings, binding_clear);
}

static inline void
sql_clear (Sql *sql)
{
  if (sql->sql != NULL)
    g_string_free (sql->sql, TRUE);
  g_clear_pointer (&sql->bindings, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sql, sql_clear)

static inline void
sql_append (Sql        *sql,
            const char *text)
{
  g_string_append (sql->sql, text);
}

static inline void
sql_text (Sql        *sql,
          const char *text)
{
  Binding binding = { BIND_TEXT, 0, g_strdup (text), NULL };

  g_array_append_val (sql->bindings, binding);
}

static inline void
sql_int (Sql    *sql,
         gint64  i)
{
  Binding binding = { BIND_INT, i, NULL, NULL };

  g_array_append_val (sql->bindings, binding);
}

/* Planning -------------------------------------------------------------------------- */

typedef enum
{
  USE_COUNT, /* counted or grouped: any index range will do */
  USE_WALK,  /* read in the sort order of its index */
  USE_SORT,  /* read, then sorted */
} Use;

typedef struct
{
  Piece *driver;   /* NULL: the whole (name or birth date) index, or everybody */
  gboolean walk;   /* the driver's index is in the sort order */
  gboolean facts;  /* walk person_live_name_facts, which holds birth date and residence */
  double visits;   /* rows of the driver read */
  double cost;
} Plan;

/* The list ---------------------------------------------------------------------------- */

struct _YishiPeopleList
{
  GObject parent_instance;

  YishiDatabase *database;
  gulong changed_id;
  guint refresh_source;

  YishiPeopleFilter filter;
  YishiPeopleSort sort;
  gboolean descending;

  GPtrArray *pieces;  /* Piece of the current filter */
  gboolean nobody;    /* the filter cannot match anyone */
  char *today;
  guint n_items;
  GHashTable *pages;  /* page number → GPtrArray of YishiPerson */
  GHashTable *starts; /* page number → Key of the last row of the page before (name order) */
  GArray *blocks;     /* Block, in address order */
  GError *error;
  gboolean has_facts; /* the file has person_live_name_facts */

  /* The number of live people, while the file has not changed. */
  gint64 total;
  gint64 total_changes;
  gint64 total_version;
};

/* yishi-people-plan.c ------------------------------------------------------------------ */

void          yishi_people_plan_piece_free      (gpointer                 data);
gboolean      yishi_people_plan_build_pieces    (GPtrArray               *pieces,
                                                 const YishiPeopleFilter *f,
                                                 const char              *today);

sqlite3_stmt *yishi_people_plan_sql_prepare     (Sql                     *sql,
                                                 YishiDatabase           *database);
void          yishi_people_plan_emit_piece      (Sql                     *sql,
                                                 const Piece             *piece,
                                                 Form                     form);
/* The SQL function yishi_people_has (ID, PIECE) of the bitmaps. */
void          yishi_people_plan_has             (sqlite3_context         *context,
                                                 int                      argc,
                                                 sqlite3_value          **argv);

gboolean      yishi_people_plan_use_bits        (YishiPeopleList         *self,
                                                 const Piece             *piece,
                                                 double                   visits);
Plan          yishi_people_plan_set             (YishiPeopleList         *self,
                                                 Use                      use);
Plan          yishi_people_plan_page            (YishiPeopleList         *self,
                                                 gint64                   skip);
void          yishi_people_plan_emit_from_where (YishiPeopleList         *self,
                                                 Sql                     *sql,
                                                 const Plan              *plan,
                                                 Use                      use,
                                                 const char              *joins);
gint64        yishi_people_plan_count           (YishiPeopleList         *self);

G_END_DECLS
