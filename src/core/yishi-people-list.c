/* yishi-people-list.c — the registry's people as a lazily paged GListModel.
 *
 * Never the whole table in memory: a filter change counts the matching people, then
 * rows come in pages of PAGE_SIZE as the view asks for them, and at most MAX_PAGES
 * pages are kept.  A district holds a million people, so every answer is an index range
 * or a short index walk, planned here rather than left to SQLite's planner (which has no
 * statistics to go on):
 *
 * - The filter becomes pieces (node, residence type, party category, role, age band,
 *   and the query as a name prefix or a phone/ID tail), each with a rough share of the
 *   people it keeps.
 * - A plan drives from one piece's index (a unary + keeps SQLite off the others') and
 *   checks the rest on each row; the costs below pick the piece: rows of its range, and
 *   per row whether the person's row must be read or the index holds what the checks
 *   need (see the indexes of schema/0003-registry.sql).  Memberships and roles are
 *   checked in a bitmap of their holders, read once, or for a few rows sought in their
 *   index.  Party members and role holders alone are counted without reading a person.
 * - The unfiltered total is count (*) of the table (SQLite counts a b-tree without
 *   reading rows) less the deleted, kept while the file is unchanged; a piece that
 *   keeps most people is counted as the total less the others.
 * - A page either walks an index already in the sort order (name within a grid, a
 *   building, a residence type or a prefix, or all names; birth date), or sorts the
 *   driver's rows, whichever costs less: the count tells how far a walk goes (PAGE_SIZE
 *   × walked / matching rows).  In name order a page goes on from where the page before
 *   ended (keyset) rather than skipping OFFSET rows.  Address order goes building by
 *   building (see count_blocks ()).
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-enums.h"

#include "yishi-people-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 12

/* The type of the pointer yishi_people_has () takes (sqlite3_bind_pointer). */
#define PIECE_POINTER "yishi-people-piece"

/* The largest code point: "q" ≤ name < "q" U+10FFFF is the range of names starting q. */
#define NAME_PREFIX_END "\xf4\x8f\xbf\xbf"

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

typedef struct
{
  char *name;
  gint64 id;
} Key;

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

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->text);
  g_free (piece->end);
  g_free (piece->after);
  g_free (piece->until);
  g_free (piece->bits);
  g_free (piece);
}

static Piece *
add_piece (GPtrArray *pieces,
           PieceKind  kind,
           double     share)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->kind = kind;
  piece->share = share;
  g_ptr_array_add (pieces, piece);
  return piece;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* "YYYY-MM-DD" @years before @today: born on or before it, one is at least @years old
 * (a person born on 29 February comes of age on 1 March in other years). */
static char *
years_before (const char *today,
              int         years)
{
  int y, m, d;

  if (sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup ("0000-00-00");
  return g_strdup_printf ("%04d-%02d-%02d", y - years, m, d);
}

/* The query without spaces (ASCII or full width), or NULL when nothing is left. */
static char *
clean_query (const char *query)
{
  GString *clean;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;
  clean = g_string_new (NULL);
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

/* ≥ 3 digits (full-width ones too), perhaps ending in x/X: the tail of a phone number
 * or an ID number, as ASCII with an upper-case X; else NULL. */
static char *
tail_digits (const char *query)
{
  g_autofree char *folded = g_utf8_normalize (query, -1, G_NORMALIZE_NFKC);
  size_t len;

  if (folded == NULL)
    return NULL;
  len = strlen (folded);
  if (len < 3 || len > 18)
    return NULL;
  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit (folded[i]) && !(i == len - 1 && (folded[i] == 'x' || folded[i] == 'X')))
      return NULL;
  folded[len - 1] = g_ascii_toupper (folded[len - 1]);
  return g_steal_pointer (&folded);
}

static void
add_query_pieces (GPtrArray  *pieces,
                  const char *query)
{
  g_autofree char *clean = clean_query (query);
  g_autofree char *tail = NULL;
  Piece *piece;
  glong n_chars;

  if (clean == NULL)
    return;
  tail = tail_digits (clean);
  if (tail != NULL)
    {
      piece = add_piece (pieces, PIECE_TAIL, 0.0001);
      piece->text = g_steal_pointer (&tail);
      return;
    }
  n_chars = g_utf8_strlen (clean, -1);
  piece = add_piece (pieces, PIECE_NAME, n_chars == 1 ? 0.03 : n_chars == 2 ? 0.001 : 0.0001);
  piece->end = g_strconcat (clean, NAME_PREFIX_END, NULL);
  piece->text = g_steal_pointer (&clean);
}

/* The pieces of @filter on @today; FALSE when it cannot match anyone. */
static gboolean
build_pieces (GPtrArray               *pieces,
              const YishiPeopleFilter *f,
              const char              *today)
{
  Piece *piece;

  g_ptr_array_set_size (pieces, 0);

  if (f->node_kind != YISHI_NODE_COMMUNITY && f->node_id > 0)
    {
      static const struct { PieceKind kind; double share; } nodes[] = {
        [YISHI_NODE_GRID] = { PIECE_GRID, 0.002 },
        [YISHI_NODE_BUILDING] = { PIECE_BUILDING, 0.0002 },
        [YISHI_NODE_UNIT] = { PIECE_UNIT, 0.00005 },
        [YISHI_NODE_HOUSEHOLD] = { PIECE_HOUSEHOLD, 0.000003 },
      };

      if (f->node_kind > YISHI_NODE_HOUSEHOLD)
        return FALSE;
      piece = add_piece (pieces, nodes[f->node_kind].kind, nodes[f->node_kind].share);
      piece->id = f->node_id;
    }
  else if (f->node_kind != YISHI_NODE_COMMUNITY)
    return FALSE;

  if (nonempty (f->residence_type) != NULL)
    {
      static const struct { const char *type; double share; } shares[] = {
        { "registered", 0.6 }, { "resident", 0.2 }, { "floating", 0.06 }, { "tenant", 0.13 },
      };
      double share = 0.1;

      for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
        if (g_str_equal (shares[i].type, f->residence_type))
          share = shares[i].share;
      piece = add_piece (pieces, PIECE_RESIDENCE, share);
      piece->text = g_strdup (f->residence_type);
    }

  if (nonempty (f->party_category) != NULL)
    {
      gboolean any = g_str_equal (f->party_category, "any");

      piece = add_piece (pieces, PIECE_PARTY, any ? 0.06 : 0.02);
      piece->text = any ? NULL : g_strdup (f->party_category);
    }

  if (nonempty (f->role) != NULL)
    {
      piece = add_piece (pieces, PIECE_ROLE, g_str_equal (f->role, "volunteer") ? 0.04 : 0.01);
      piece->text = g_strdup (f->role);
    }

  if (f->age_band != YISHI_AGE_ANY)
    {
      /* child < 18 ≤ adult < 60 ≤ elderly < 80 ≤ oldest */
      static const struct { int min, max; double share; } bands[] = {
        [YISHI_AGE_CHILD] = { 0, 18, 0.15 },
        [YISHI_AGE_ADULT] = { 18, 60, 0.55 },
        [YISHI_AGE_ELDERLY] = { 60, 80, 0.2 },
        [YISHI_AGE_OLDEST] = { 80, 0, 0.05 },
      };

      if (f->age_band > YISHI_AGE_OLDEST)
        return FALSE;
      piece = add_piece (pieces, PIECE_AGE, bands[f->age_band].share);
      if (bands[f->age_band].min > 0)
        piece->until = years_before (today, bands[f->age_band].min);
      if (bands[f->age_band].max > 0)
        piece->after = years_before (today, bands[f->age_band].max);
    }

  add_query_pieces (pieces, f->query);
  return TRUE;
}

/* SQL ------------------------------------------------------------------------------- */

static void
binding_clear (gpointer data)
{
  Binding *binding = data;

  g_free (binding->text);
}

static void
sql_init (Sql        *sql,
          const char *start)
{
  sql->sql = g_string_new (start);
  sql->bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_array_set_clear_func (sql->bindings, binding_clear);
}

static void
sql_clear (Sql *sql)
{
  if (sql->sql != NULL)
    g_string_free (sql->sql, TRUE);
  g_clear_pointer (&sql->bindings, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sql, sql_clear)

static void
sql_append (Sql        *sql,
            const char *text)
{
  g_string_append (sql->sql, text);
}

static void
sql_text (Sql        *sql,
          const char *text)
{
  Binding binding = { BIND_TEXT, 0, g_strdup (text), NULL };

  g_array_append_val (sql->bindings, binding);
}

static void
sql_int (Sql    *sql,
         gint64  i)
{
  Binding binding = { BIND_INT, i, NULL, NULL };

  g_array_append_val (sql->bindings, binding);
}

static void emit_set (Sql         *sql,
                      const Piece *piece);

/* The bitmap of the people who hold a party/role piece (deleted or not), read from its
 * index the first time a statement needs it. */
static gboolean
fill_bits (Piece         *piece,
           YishiDatabase *database)
{
  g_autoptr (GString) text = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) bindings = NULL;
  Sql sql;
  int rc;

  piece->n_bits = yishi_database_query_int (database, "SELECT max (id) FROM person", 0) + 1;
  piece->bits = g_malloc0 ((gsize)(piece->n_bits + 7) / 8);
  text = g_string_new ("SELECT d.id FROM ");
  bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_array_set_clear_func (bindings, binding_clear);
  sql = (Sql) { text, bindings };
  emit_set (&sql, piece);
  stmt = yishi_database_prepare (database, text->str, NULL);
  if (stmt == NULL)
    return FALSE;
  if (bindings->len > 0)
    sqlite3_bind_text (stmt, 1, g_array_index (bindings, Binding, 0).text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id < piece->n_bits)
        piece->bits[id >> 3] |= (guint8)(1 << (id & 7));
    }
  return rc == SQLITE_DONE;
}

static void
sql_piece (Sql   *sql,
           Piece *piece)
{
  Binding binding = { BIND_PIECE, 0, NULL, piece };

  g_array_append_val (sql->bindings, binding);
}

static sqlite3_stmt *
sql_prepare (Sql            *sql,
             YishiDatabase  *database)
{
  sqlite3_stmt *stmt = yishi_database_prepare (database, sql->sql->str, NULL);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < sql->bindings->len; i++)
    {
      Binding *binding = &g_array_index (sql->bindings, Binding, i);

      if (binding->kind == BIND_INT)
        sqlite3_bind_int64 (stmt, (int)i + 1, binding->i);
      else if (binding->kind == BIND_PIECE)
        {
          Piece *piece = binding->piece;

          if (piece->bits == NULL && !fill_bits (piece, database))
            {
              g_clear_pointer (&piece->bits, g_free);
              sqlite3_finalize (stmt);
              return NULL;
            }
          sqlite3_bind_pointer (stmt, (int)i + 1, piece, PIECE_POINTER, NULL);
        }
      else
        sqlite3_bind_text (stmt, (int)i + 1, binding->text, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

/* The tail of a phone number or an ID number: the tail indexes hold the last four
 * characters; a three-digit tail is any of ten of them. */
static void
emit_tail (Sql        *sql,
           const char *tail,
           const char *column,
           const char *plus)
{
  size_t len = strlen (tail);

  if (len == 3)
    {
      g_string_append_printf (sql->sql, "%ssubstr (p.%s, -4) IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              plus, column);
      for (char digit = '0'; digit <= '9'; digit++)
        {
          char four[5] = { digit, tail[0], tail[1], tail[2], '\0' };

          sql_text (sql, four);
        }
    }
  else
    {
      g_string_append_printf (sql->sql, "%ssubstr (p.%s, -4) = ?", plus, column);
      sql_text (sql, tail + len - 4);
      if (len > 4)
        {
          g_string_append_printf (sql->sql, " AND substr (p.%s, -%zu) = ?", column, len);
          sql_text (sql, tail);
        }
    }
}

/* " AND <the person @id has the membership or role>": a bit looked up in the piece's
 * bitmap, built once per count (far cheaper than seeking the person's memberships or
 * roles for each of a hundred thousand rows). */
static void
emit_set_check (Sql         *sql,
                const Piece *piece,
                const char  *id)
{
  g_string_append_printf (sql->sql, " AND yishi_people_has (%s, ?)", id);
  sql_piece (sql, (Piece *)piece); /* the bitmap is filled on first use */
}

/* " AND <the person @id has the membership or role>", sought in the covering index of
 * current memberships (roles) by person: for a few rows, cheaper than a bitmap. */
static void
emit_set_seek (Sql         *sql,
               const Piece *piece,
               const char  *id)
{
  if (piece->kind == PIECE_PARTY)
    {
      g_string_append_printf (sql->sql, " AND EXISTS (SELECT 1 FROM party_membership m"
                                        " WHERE m.person_id = %s AND m.end_date IS NULL", id);
      if (piece->text != NULL)
        {
          sql_append (sql, " AND m.category = ?");
          sql_text (sql, piece->text);
        }
      sql_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql->sql, " AND EXISTS (SELECT 1 FROM role_assignment r"
                                        " WHERE r.person_id = %s AND r.end_date IS NULL AND r.role = ?)", id);
      sql_text (sql, piece->text);
    }
}

/* yishi_people_has (ID, PIECE) */
static void
sql_has (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  const Piece *piece = sqlite3_value_pointer (argv[1], PIECE_POINTER);
  gint64 id = sqlite3_value_int64 (argv[0]);

  if (piece == NULL || piece->bits == NULL)
    {
      sqlite3_result_error (context, "yishi_people_has () without a set", -1);
      return;
    }
  sqlite3_result_int (context,
                      id >= 0 && id < piece->n_bits && (piece->bits[id >> 3] & (1 << (id & 7))));
}

/* " AND <piece>" over the person table p. */
static void
emit_piece (Sql         *sql,
            const Piece *piece,
            Form         form)
{
  const char *plus = form == FORM_CHECK ? "+" : "";

  switch (piece->kind)
    {
    case PIECE_TAIL:
      {
        gboolean id_only = piece->text[strlen (piece->text) - 1] == 'X';

        sql_append (sql, " AND (");
        if (!id_only)
          {
            sql_append (sql, "(");
            emit_tail (sql, piece->text, "phone", plus);
            sql_append (sql, ") OR (");
          }
        emit_tail (sql, piece->text, "id_number", plus);
        sql_append (sql, id_only ? ")" : "))");
      }
      break;
    case PIECE_HOUSEHOLD:
      g_string_append_printf (sql->sql, " AND %sp.household_id = ?", plus);
      sql_int (sql, piece->id);
      break;
    case PIECE_UNIT:
      g_string_append_printf (sql->sql, " AND %sp.household_id IN"
                              " (SELECT h.id FROM household h WHERE h.unit_id = ?)", plus);
      sql_int (sql, piece->id);
      break;
    case PIECE_BUILDING:
      g_string_append_printf (sql->sql, " AND %sp.building_id = ?", plus);
      sql_int (sql, piece->id);
      break;
    case PIECE_GRID:
      g_string_append_printf (sql->sql, " AND %sp.grid_id = ?", plus);
      sql_int (sql, piece->id);
      break;
    case PIECE_NAME:
      g_string_append_printf (sql->sql, " AND %sp.name >= ? AND %sp.name < ?", plus, plus);
      sql_text (sql, piece->text);
      sql_text (sql, piece->end);
      break;
    case PIECE_RESIDENCE:
      g_string_append_printf (sql->sql, " AND %sp.residence_type = ?", plus);
      sql_text (sql, piece->text);
      break;
    case PIECE_AGE:
      if (piece->after != NULL)
        {
          g_string_append_printf (sql->sql, " AND %sp.birth_date > ?", plus);
          sql_text (sql, piece->after);
        }
      if (piece->until != NULL)
        {
          g_string_append_printf (sql->sql, " AND %sp.birth_date <= ?", plus);
          sql_text (sql, piece->until);
        }
      break;
    case PIECE_PARTY:
    case PIECE_ROLE:
      if (form == FORM_SEEK)
        emit_set_seek (sql, piece, "p.id");
      else
        emit_set_check (sql, piece, "p.id");
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_set_piece (const Piece *piece)
{
  return piece->kind == PIECE_PARTY || piece->kind == PIECE_ROLE;
}

/* The distinct people of a party/role piece, as "d" (column id). */
static void
emit_set (Sql         *sql,
          const Piece *piece)
{
  if (piece->kind == PIECE_PARTY)
    {
      sql_append (sql, "(SELECT DISTINCT m.person_id AS id FROM party_membership m"
                       " WHERE m.end_date IS NULL");
      if (piece->text != NULL)
        {
          sql_append (sql, " AND m.category = ?");
          sql_text (sql, piece->text);
        }
      sql_append (sql, ") d");
    }
  else
    {
      sql_append (sql, "(SELECT DISTINCT r.person_id AS id FROM role_assignment r"
                       " WHERE r.end_date IS NULL AND r.role = ?) d");
      sql_text (sql, piece->text);
    }
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

/* Live people: counting a b-tree whole is fast (SQLite reads no rows), the deleted are
 * one range of a partial index.  Kept while the file is unchanged. */
static gint64
total_live (YishiPeopleList *self)
{
  sqlite3 *db = yishi_database_get_handle (self->database);
  gint64 changes = sqlite3_total_changes64 (db);
  gint64 version = yishi_database_query_int (self->database, "PRAGMA data_version", -1);

  if (self->total >= 0 && changes == self->total_changes && version == self->total_version)
    return self->total;

  self->total = yishi_database_query_int (self->database,
                                          "SELECT (SELECT count(*) FROM person) -"
                                          " (SELECT count(*) FROM person WHERE deleted_at IS NOT NULL)",
                                          -1);
  self->total_changes = changes;
  self->total_version = version;
  return self->total;
}

/* Planning ------------------------------------------------------------------------- */

/* Costs in steps of an index walk, as measured on a district's file (a step is about
 * 0.1 µs). */
#define COST_LOOKUP 30.0 /* reading the person's row from the table */
#define COST_BIT 1.5     /* looking a person up in a membership or role bitmap */
#define COST_FILL 2.0    /* putting one person in that bitmap */
#define COST_SEEK 6.0    /* seeking one person's current memberships or roles */
#define COST_SORT 3.0    /* sorting one row */

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

/* Whether @piece narrows the index range of @driver: the composite (grid, name),
 * (building, name), (residence type, name) and (residence type, birth date) indexes.
 * In a walk only the one in the sort order counts. */
static gboolean
narrows (const Piece     *driver,
         const Piece     *piece,
         YishiPeopleSort  sort,
         Use              use)
{
  if (driver == NULL || piece == driver)
    return FALSE;
  if (piece->kind == PIECE_NAME)
    return (driver->kind == PIECE_GRID || driver->kind == PIECE_BUILDING ||
            driver->kind == PIECE_RESIDENCE) &&
           (use != USE_WALK || sort == YISHI_PEOPLE_SORT_NAME);
  if (piece->kind == PIECE_AGE)
    return driver->kind == PIECE_RESIDENCE && (use != USE_WALK || sort == YISHI_PEOPLE_SORT_AGE);
  return FALSE;
}

/* Whether the index @driver is read from also holds the column of @piece (else the
 * person's row has to be read). */
static gboolean
covers (const Piece *driver,
        const Piece *piece,
        gboolean     facts)
{
  if (is_set_piece (piece))
    return TRUE; /* checked in its own index */
  if (driver == NULL || driver->kind == PIECE_NAME)
    return facts && (piece->kind == PIECE_AGE || piece->kind == PIECE_RESIDENCE);
  return FALSE;
}

/* The rows of the driver's index range, as far as we can tell; @n: the matching
 * people, or < 0 while they are being counted. */
static double
driver_rows (YishiPeopleList *self,
             const Piece     *driver,
             Use              use,
             double           n)
{
  double total = (double)MAX (total_live (self), 1);
  double rows;

  if (driver == NULL)
    return total;
  if (self->pieces->len == 1 && n >= 0)
    return MAX (n, 1.0);
  rows = driver->share * total;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);

      if (narrows (driver, piece, self->sort, use))
        rows *= piece->share;
    }
  return MAX (rows, 1.0);
}

/* What checking one row of the driver's range costs. */
static double
row_cost (YishiPeopleList *self,
          const Piece     *driver,
          Use              use,
          gboolean         facts)
{
  gboolean lookup = FALSE;
  double cost = 1;

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);

      if (piece == driver || narrows (driver, piece, self->sort, use))
        continue;
      if (is_set_piece (piece))
        continue; /* set_cost () */
      else if (driver != NULL && is_set_piece (driver))
        lookup = TRUE;
      else if (!covers (driver, piece, facts))
        lookup = TRUE;
    }
  return cost + (lookup ? COST_LOOKUP : 0);
}

/* Whether checking @visits rows against a membership or role piece is cheaper with its
 * bitmap than by seeking each. */
static gboolean
use_bits (YishiPeopleList *self,
          const Piece     *piece,
          double           visits)
{
  double total = (double)MAX (total_live (self), 1);
  double fill = piece->bits != NULL ? 0 : piece->share * total * COST_FILL;

  return fill + visits * COST_BIT < visits * COST_SEEK;
}

/* Checking @visits rows against the membership and role pieces but @driver. */
static double
set_cost (YishiPeopleList *self,
          const Piece     *driver,
          double           visits)
{
  double cost = 0;

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);
      double fill = piece->share * (double)MAX (total_live (self), 1) * COST_FILL;

      if (piece != driver && is_set_piece (piece))
        cost += use_bits (self, piece, visits) ? fill + visits * COST_BIT : visits * COST_SEEK;
    }
  return cost;
}

/* The cheapest way to count (@use USE_COUNT) or to read and sort (USE_SORT). */
static Plan
plan_set (YishiPeopleList *self,
          Use              use)
{
  Plan best = { NULL, FALSE, FALSE, 0, G_MAXDOUBLE };

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);
      double rows = driver_rows (self, piece, use, use == USE_COUNT ? -1.0 : (double)self->n_items);
      double cost = rows * row_cost (self, piece, use, TRUE) + set_cost (self, piece, rows);

      if (cost < best.cost)
        best = (Plan) { piece, FALSE, FALSE, rows, cost };
    }
  if (use == USE_SORT)
    best.cost += self->n_items * COST_SORT;
  return best;
}

/* The cheapest way to read the page @skip rows on from where a walk starts: walking an
 * index already in the sort order (name within a grid, a building, a residence type or
 * a prefix, or all names; birth date), checking the other pieces on the way, or
 * sorting the narrowest piece's rows.  The count tells how far a walk goes. */
static Plan
plan_page (YishiPeopleList *self,
           gint64           skip)
{
  Plan best = plan_set (self, USE_SORT);
  double n = MAX (self->n_items, 1);
  gboolean by_name = self->sort == YISHI_PEOPLE_SORT_NAME;

  for (guint i = 0; i <= self->pieces->len; i++)
    {
      Piece *walk = i < self->pieces->len ? g_ptr_array_index (self->pieces, i) : NULL;
      gboolean facts = by_name && self->has_facts && (walk == NULL || walk->kind == PIECE_NAME);
      double rows, visits, cost;

      if (walk != NULL &&
          !(by_name ? (walk->kind == PIECE_NAME || walk->kind == PIECE_GRID ||
                       walk->kind == PIECE_BUILDING || walk->kind == PIECE_RESIDENCE)
                    : (walk->kind == PIECE_AGE || walk->kind == PIECE_RESIDENCE)))
        continue;
      rows = driver_rows (self, walk, USE_WALK, self->n_items);
      /* A walk passes rows/n index entries for each person it keeps. */
      visits = MIN (((double)skip + PAGE_SIZE) * MAX (rows / n, 1.0), rows);
      cost = visits * row_cost (self, walk, USE_WALK, facts) + set_cost (self, walk, visits);
      if (cost <= best.cost)
        {
          /* The wider index only where it spares reading rows. */
          facts = facts &&
                  row_cost (self, walk, USE_WALK, TRUE) < row_cost (self, walk, USE_WALK, FALSE);
          best = (Plan) { walk, TRUE, facts, visits, cost };
        }
    }
  return best;
}

/* " FROM … WHERE …" of the people matching @pieces by @plan, with @joins after the
 * person table. */
static void
emit_from_where (YishiPeopleList *self,
                 Sql             *sql,
                 const Plan      *plan,
                 Use              use,
                 const char      *joins)
{
  Piece *driver = plan->driver;

  if (driver != NULL && is_set_piece (driver))
    {
      sql_append (sql, " FROM ");
      emit_set (sql, driver);
      sql_append (sql, " CROSS JOIN person p ON p.id = d.id");
    }
  else
    sql_append (sql, plan->facts ? " FROM person p INDEXED BY person_live_name_facts"
                                 : " FROM person p");
  if (joins != NULL)
    sql_append (sql, joins);
  sql_append (sql, " WHERE p.deleted_at IS NULL");

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (self->pieces, i);

      if (piece == driver && is_set_piece (piece))
        continue;
      /* Checked on the set's own id, before the person's row is read. */
      if (is_set_piece (piece) && use_bits (self, piece, plan->visits))
        emit_set_check (sql, piece, driver != NULL && is_set_piece (driver) ? "d.id" : "p.id");
      else if (is_set_piece (piece))
        emit_set_seek (sql, piece, driver != NULL && is_set_piece (driver) ? "d.id" : "p.id");
      else
        emit_piece (sql, piece, piece == driver || narrows (driver, piece, self->sort, use)
                                ? FORM_DRIVE : FORM_CHECK);
    }
}

/* Counting ------------------------------------------------------------------------- */

static gint64
count_people (YishiPeopleList *self)
{
  g_auto (Sql) sql = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean only_sets = TRUE;
  Plan plan;

  if (self->nobody)
    return 0;
  if (self->pieces->len == 0)
    return total_live (self);

  plan = plan_set (self, USE_COUNT);
  for (guint i = 0; i < self->pieces->len; i++)
    only_sets = only_sets && is_set_piece (g_ptr_array_index (self->pieces, i));
  sql_init (&sql, "SELECT count (*)");
  if (self->pieces->len == 1 && plan.driver->share > 0.5 &&
      (plan.driver->kind == PIECE_AGE || plan.driver->kind == PIECE_RESIDENCE))
    {
      /* Most people: count the others, a shorter walk of the same index. */
      Piece *piece = plan.driver;

      g_string_assign (sql.sql, "SELECT ?");
      sql_int (&sql, total_live (self));
#define OTHERS "SELECT count (*) FROM person p WHERE p.deleted_at IS NULL AND p."
      if (piece->kind == PIECE_RESIDENCE)
        {
          sql_append (&sql, " - (" OTHERS "residence_type < ?) - (" OTHERS "residence_type > ?)");
          sql_text (&sql, piece->text);
          sql_text (&sql, piece->text);
        }
      else
        {
          sql_append (&sql, " - (" OTHERS "birth_date IS NULL)");
          if (piece->after != NULL)
            {
              sql_append (&sql, " - (" OTHERS "birth_date <= ?)");
              sql_text (&sql, piece->after);
            }
          if (piece->until != NULL)
            {
              sql_append (&sql, " - (" OTHERS "birth_date > ?)");
              sql_text (&sql, piece->until);
            }
        }
#undef OTHERS
    }
  else if (only_sets)
    {
      /* Memberships and roles alone: from their indexes, without reading a person. */
      sql_append (&sql, " FROM ");
      emit_set (&sql, plan.driver);
      sql_append (&sql, " WHERE d.id NOT IN"
                        " (SELECT x.id FROM person x WHERE x.deleted_at IS NOT NULL)");
      for (guint i = 0; i < self->pieces->len; i++)
        {
          Piece *piece = g_ptr_array_index (self->pieces, i);

          if (piece == plan.driver)
            continue;
          if (use_bits (self, piece, plan.visits))
            emit_set_check (&sql, piece, "d.id");
          else
            emit_set_seek (&sql, piece, "d.id");
        }
    }
  else
    emit_from_where (self, &sql, &plan, USE_COUNT, NULL);

  g_debug ("people count: %s", sql.sql->str);
  stmt = sql_prepare (&sql, self->database);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
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
  plan = plan_set (self, USE_COUNT);
  emit_from_where (self, &sql, &plan, USE_COUNT, NULL);
  sql_append (&sql, " GROUP BY p.building_id) c"
                    " LEFT JOIN building b ON b.id = c.building_id LEFT JOIN grid g ON g.id = b.grid_id");
  sql_append (&sql, self->descending ? BUILDING_ORDER (" DESC") : BUILDING_ORDER (""));

  stmt = sql_prepare (&sql, self->database);
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

      emit_piece (&sql, piece, is_set_piece (piece) && !use_bits (self, piece, block->count)
                               ? FORM_SEEK : FORM_CHECK);
    }
  sql_append (&sql, self->descending ? HOME_ORDER (" DESC") : HOME_ORDER (""));
  sql_append (&sql, " LIMIT ? OFFSET ?");
  sql_int (&sql, limit);
  sql_int (&sql, offset);

  stmt = sql_prepare (&sql, self->database);
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
  plan = plan_page (self, offset);
  if (!plan.walk)
    {
      start = NULL;
      offset = (gint64)page * PAGE_SIZE;
    }

  sql_init (&sql, self->sort == YISHI_PEOPLE_SORT_NAME ? "SELECT p.id, p.name"
                                                        : "SELECT p.id, p.birth_date");
  emit_from_where (self, &sql, &plan, plan.walk ? USE_WALK : USE_SORT, NULL);
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
  stmt = sql_prepare (&sql, self->database);
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
  self->nobody = !build_pieces (self->pieces, &self->filter, self->today);
  n = self->sort == YISHI_PEOPLE_SORT_ADDRESS ? count_blocks (self) : count_people (self);
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
  self->pieces = g_ptr_array_new_with_free_func (piece_free);
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
                               sql_has, NULL, NULL);
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
  build_pieces (list->pieces, &list->filter, list->today);
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
