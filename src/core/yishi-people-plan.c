/* yishi-people-plan.c — the people list's query plans: pieces, costs, SQL and bindings.
 *
 * A district holds a million people, so every answer of the people list is an index
 * range or a short index walk, planned here rather than left to SQLite's planner (which
 * has no statistics to go on):
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
 *   × walked / matching rows).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "yishi-people-list-private.h"

/* The type of the pointer yishi_people_has () takes (sqlite3_bind_pointer). */
#define PIECE_POINTER "yishi-people-piece"

/* The largest code point: "q" ≤ name < "q" U+10FFFF is the range of names starting q. */
#define NAME_PREFIX_END "\xf4\x8f\xbf\xbf"

/* Pieces ---------------------------------------------------------------------------- */

void
yishi_people_plan_piece_free (gpointer data)
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
gboolean
yishi_people_plan_build_pieces (GPtrArray               *pieces,
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

sqlite3_stmt *
yishi_people_plan_sql_prepare (Sql            *sql,
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
void
yishi_people_plan_has (sqlite3_context  *context,
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
void
yishi_people_plan_emit_piece (Sql         *sql,
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

/* The total ------------------------------------------------------------------------- */

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
gboolean
yishi_people_plan_use_bits (YishiPeopleList *self,
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
        cost += yishi_people_plan_use_bits (self, piece, visits) ? fill + visits * COST_BIT
                                                                 : visits * COST_SEEK;
    }
  return cost;
}

/* The cheapest way to count (@use USE_COUNT) or to read and sort (USE_SORT). */
Plan
yishi_people_plan_set (YishiPeopleList *self,
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
Plan
yishi_people_plan_page (YishiPeopleList *self,
                        gint64           skip)
{
  Plan best = yishi_people_plan_set (self, USE_SORT);
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
void
yishi_people_plan_emit_from_where (YishiPeopleList *self,
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
      if (is_set_piece (piece) && yishi_people_plan_use_bits (self, piece, plan->visits))
        emit_set_check (sql, piece, driver != NULL && is_set_piece (driver) ? "d.id" : "p.id");
      else if (is_set_piece (piece))
        emit_set_seek (sql, piece, driver != NULL && is_set_piece (driver) ? "d.id" : "p.id");
      else
        yishi_people_plan_emit_piece (sql, piece,
                                      piece == driver || narrows (driver, piece, self->sort, use)
                                      ? FORM_DRIVE : FORM_CHECK);
    }
}

/* Counting ------------------------------------------------------------------------- */

gint64
yishi_people_plan_count (YishiPeopleList *self)
{
  g_auto (Sql) sql = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean only_sets = TRUE;
  Plan plan;

  if (self->nobody)
    return 0;
  if (self->pieces->len == 0)
    return total_live (self);

  plan = yishi_people_plan_set (self, USE_COUNT);
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
          if (yishi_people_plan_use_bits (self, piece, plan.visits))
            emit_set_check (&sql, piece, "d.id");
          else
            emit_set_seek (&sql, piece, "d.id");
        }
    }
  else
    yishi_people_plan_emit_from_where (self, &sql, &plan, USE_COUNT, NULL);

  g_debug ("people count: %s", sql.sql->str);
  stmt = yishi_people_plan_sql_prepare (&sql, self->database);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
