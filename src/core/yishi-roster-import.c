/* yishi-roster-import.c — importing a roster: the header under the title rows, the
 * mapping of columns to fields, the verdict of every row, and the commit.
 *
 * Analysis reads the sheet once, row by row: each mapped cell is trimmed and repaired
 * where that is unambiguous (yishi_roster_repair_values () in yishi-roster-row.c), then
 * the row is matched against the rows before it and against the registry with a few
 * statements prepared once, inside one read transaction.
 *
 * The commit runs in one transaction and first judges every row against the registry
 * again (it may have changed since).  Grids, buildings and units are created through
 * yishi_registry_ensure_place (), once per unit; households — one for every two or
 * three people — with one prepared statement.  People, residences and memberships are
 * staged in a temporary table and written by three INSERT … SELECT statements: the
 * person table has a score of indexes and a trigger, and row by row SQLite would copy
 * every page each insert touches into a statement journal.  The import is audited as
 * one bulk row for its people and one for its households (which ids, how many), not as
 * 300,000 single-row audits.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-person-check.h"
#include "yishi-registry.h"

#include "yishi-roster-import.h"

#define HEADER_SEARCH_ROWS 30
#define MAPPING_KEY_PREFIX "roster-mapping:"
#define CHECK_EVERY 1024
#define COMMIT_CACHE_KIB 131072 /* 128 MiB at most, taken only as pages are read */

G_DEFINE_QUARK (yishi-roster-error-quark, yishi_roster_error)

struct _YishiRosterImport
{
  GObject parent_instance;

  YishiDatabase *database;
  YishiSheet *sheet;
  guint header_row;
  guint n_columns;
  char **column_names;        /* n_columns trimmed header texts */
  YishiRosterField *mapping;  /* per column */
  GListStore *rows;
  GPtrArray *row_array;       /* the same rows, for indexing */
  GArray *judged;             /* guint: indices of the rows judged against the registry */
  guint counts[YISHI_ROSTER_ROW_REJECTED + 1];
  gboolean analysed;
};

G_DEFINE_FINAL_TYPE (YishiRosterImport, yishi_roster_import, G_TYPE_OBJECT)

static void
yishi_roster_import_finalize (GObject *object)
{
  YishiRosterImport *self = (YishiRosterImport *)object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->sheet, yishi_sheet_free);
  g_clear_pointer (&self->column_names, g_strfreev);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_array, g_ptr_array_unref);
  g_clear_pointer (&self->judged, g_array_unref);

  G_OBJECT_CLASS (yishi_roster_import_parent_class)->finalize (object);
}

static void
yishi_roster_import_class_init (YishiRosterImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_roster_import_finalize;
}

static void
yishi_roster_import_init (YishiRosterImport *self)
{
  self->rows = g_list_store_new (YISHI_TYPE_ROSTER_ROW);
  self->row_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->judged = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* The header and the mapping ------------------------------------------------------- */

static guint
count_header_names (YishiSheet *sheet,
                    guint       row)
{
  gboolean seen[N_YISHI_ROSTER_FIELDS] = { FALSE };
  guint n = 0;

  for (guint c = 0; c < yishi_sheet_get_n_cells (sheet, row); c++)
    {
      YishiRosterField field = yishi_roster_field_from_header (yishi_sheet_get_text (sheet, row, c));

      if (field != YISHI_ROSTER_FIELD_IGNORE && !seen[field])
        {
          seen[field] = TRUE;
          n++;
        }
    }
  return n;
}

/* "roster-mapping:" + SHA-1 of the header names joined by tabs (trailing empty names
 * left out, so that a wider data row does not change the key). */
static char *
mapping_key (YishiRosterImport *self)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint last = 0;

  for (guint c = 0; c < self->n_columns; c++)
    if (*self->column_names[c] != '\0')
      last = c + 1;
  for (guint c = 0; c < last; c++)
    {
      if (c > 0)
        g_string_append_c (names, '\t');
      g_string_append (names, self->column_names[c]);
    }
  {
    g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA1, names->str, names->len);

    return g_strconcat (MAPPING_KEY_PREFIX, sha1, NULL);
  }
}

static char *
mapping_value (YishiRosterImport *self)
{
  g_autoptr (GString) value = g_string_new (NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (value, ',');
      g_string_append (value, yishi_roster_field_to_string (self->mapping[c]));
    }
  return g_string_free (g_steal_pointer (&value), FALSE);
}

static gboolean
apply_remembered_mapping (YishiRosterImport *self)
{
  g_autofree char *key = mapping_key (self);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_auto (GStrv) ids = NULL;
  gboolean used[N_YISHI_ROSTER_FIELDS] = { FALSE };

  stmt = yishi_database_prepare (self->database, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  ids = g_strsplit ((const char *)sqlite3_column_text (stmt, 0), ",", -1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      YishiRosterField field = YISHI_ROSTER_FIELD_IGNORE;

      if (c < g_strv_length (ids))
        field = yishi_roster_field_from_string (ids[c]);
      if (field != YISHI_ROSTER_FIELD_IGNORE && used[field])
        field = YISHI_ROSTER_FIELD_IGNORE;
      used[field] = TRUE;
      self->mapping[c] = field;
    }
  return TRUE;
}

static void
propose_mapping (YishiRosterImport *self)
{
  gboolean used[N_YISHI_ROSTER_FIELDS] = { FALSE };

  for (guint c = 0; c < self->n_columns; c++)
    {
      YishiRosterField field = yishi_roster_field_from_header (self->column_names[c]);

      if (field != YISHI_ROSTER_FIELD_IGNORE && used[field])
        field = YISHI_ROSTER_FIELD_IGNORE;
      used[field] = TRUE;
      self->mapping[c] = field;
    }
}

YishiRosterImport *
yishi_roster_import_new (YishiDatabase  *database,
                         YishiSheet     *sheet,
                         GError        **error)
{
  g_autoptr (YishiSheet) owned = sheet;
  g_autoptr (YishiRosterImport) self = NULL;
  guint n_rows, header = G_MAXUINT;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  n_rows = yishi_sheet_get_n_rows (sheet);
  for (guint r = 0; r < MIN (n_rows, HEADER_SEARCH_ROWS); r++)
    if (count_header_names (sheet, r) >= 2)
      {
        header = r;
        break;
      }
  if (header == G_MAXUINT)
    {
      g_set_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NO_HEADER,
                   _("No header row was found in the first %d rows: a roster needs a row of "
                     "column names such as 姓名, 身份证号码 and 联系电话 above its data."),
                   HEADER_SEARCH_ROWS);
      return NULL;
    }

  self = g_object_new (YISHI_TYPE_ROSTER_IMPORT, NULL);
  self->database = g_object_ref (database);
  self->sheet = g_steal_pointer (&owned);
  self->header_row = header;
  self->n_columns = MAX (yishi_sheet_get_n_columns (self->sheet),
                         yishi_sheet_get_n_cells (self->sheet, header));
  self->column_names = g_new0 (char *, self->n_columns + 1);
  self->mapping = g_new0 (YishiRosterField, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    self->column_names[c] = yishi_text_trim (yishi_sheet_get_text (self->sheet, header, c), NULL);

  if (!apply_remembered_mapping (self))
    propose_mapping (self);
  return g_steal_pointer (&self);
}

YishiRosterImport *
yishi_roster_import_open (YishiDatabase  *database,
                          const char     *path,
                          GCancellable   *cancellable,
                          GError        **error)
{
  YishiSheet *sheet;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  sheet = yishi_sheet_read (path, cancellable, NULL, NULL, error);
  if (sheet == NULL)
    return NULL;
  return yishi_roster_import_new (database, sheet, error);
}

YishiSheet *
yishi_roster_import_get_sheet (YishiRosterImport *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), NULL);

  return self->sheet;
}

guint
yishi_roster_import_get_header_row (YishiRosterImport *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), 0);

  return self->header_row;
}

guint
yishi_roster_import_get_n_columns (YishiRosterImport *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), 0);

  return self->n_columns;
}

const char *
yishi_roster_import_get_column_name (YishiRosterImport *self,
                                     guint              column)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), "");
  g_return_val_if_fail (column < self->n_columns, "");

  return self->column_names[column];
}

YishiRosterField
yishi_roster_import_get_mapping (YishiRosterImport *self,
                                 guint              column)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), YISHI_ROSTER_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, YISHI_ROSTER_FIELD_IGNORE);

  return self->mapping[column];
}

static void
forget_analysis (YishiRosterImport *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  self->analysed = FALSE;
  memset (self->counts, 0, sizeof self->counts);
  g_array_set_size (self->judged, 0);
  g_ptr_array_set_size (self->row_array, 0);
  if (n > 0)
    g_list_store_remove_all (self->rows);
}

void
yishi_roster_import_set_mapping (YishiRosterImport *self,
                                 guint              column,
                                 YishiRosterField   field)
{
  g_return_if_fail (YISHI_IS_ROSTER_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < N_YISHI_ROSTER_FIELDS);

  if (field != YISHI_ROSTER_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->mapping[c] == field)
        self->mapping[c] = YISHI_ROSTER_FIELD_IGNORE;
  self->mapping[column] = field;
  forget_analysis (self);
}

GListModel *
yishi_roster_import_get_rows (YishiRosterImport *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), NULL);

  return G_LIST_MODEL (self->rows);
}

guint
yishi_roster_import_count (YishiRosterImport  *self,
                           YishiRosterVerdict  verdict)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), 0);
  g_return_val_if_fail (verdict <= YISHI_ROSTER_ROW_REJECTED, 0);

  return self->counts[verdict];
}

/* Judging a row against the registry ------------------------------------------------ */

typedef struct
{
  sqlite3_stmt *by_id;        /* name, deleted of the person holding an ID number */
  sqlite3_stmt *household;    /* a live household by the names of its place */
  sqlite3_stmt *at_household; /* a live person of that name at a household */
  sqlite3_stmt *by_phone;     /* a live person of that name and phone */
  GHashTable *households;     /* "grid\x1fbuilding\x1funit\x1froom" → household id, 0: none */
} Judge;

static void
judge_clear (Judge *judge)
{
  g_clear_pointer (&judge->by_id, sqlite3_finalize);
  g_clear_pointer (&judge->household, sqlite3_finalize);
  g_clear_pointer (&judge->at_household, sqlite3_finalize);
  g_clear_pointer (&judge->by_phone, sqlite3_finalize);
  g_clear_pointer (&judge->households, g_hash_table_unref);
}

static gboolean
judge_init (Judge          *judge,
            YishiDatabase  *database,
            GError        **error)
{
  memset (judge, 0, sizeof *judge);
  judge->households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  judge->by_id = yishi_database_prepare (database,
                                         "SELECT name, deleted_at IS NOT NULL FROM person"
                                         " WHERE id_number = ?",
                                         error);
  if (judge->by_id == NULL)
    goto fail;
  judge->household = yishi_database_prepare (database,
                                             "SELECT h.id FROM grid g"
                                             " JOIN building b ON b.grid_id = g.id AND b.name = ?2"
                                             "  AND b.deleted_at IS NULL"
                                             " JOIN unit u ON u.building_id = b.id AND u.name = ?3"
                                             "  AND u.deleted_at IS NULL"
                                             " JOIN household h ON h.unit_id = u.id AND h.room = ?4"
                                             "  AND h.deleted_at IS NULL"
                                             " WHERE g.name = ?1 AND g.deleted_at IS NULL LIMIT 1",
                                             error);
  if (judge->household == NULL)
    goto fail;
  judge->at_household = yishi_database_prepare (database,
                                                "SELECT 1 FROM person WHERE household_id = ?"
                                                " AND name = ? AND deleted_at IS NULL LIMIT 1",
                                                error);
  if (judge->at_household == NULL)
    goto fail;
  judge->by_phone = yishi_database_prepare (database,
                                            "SELECT 1 FROM person WHERE name = ?1 AND phone = ?2"
                                            " AND deleted_at IS NULL"
                                            " AND (?2 <> '' OR household_id IS NULL) LIMIT 1",
                                            error);
  if (judge->by_phone == NULL)
    goto fail;
  return TRUE;

fail:
  judge_clear (judge);
  return FALSE;
}

static gboolean
has_home (YishiRosterRow *row)
{
  return yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ROOM) != NULL;
}

static char *
place_key (YishiRosterRow *row)
{
  return g_strjoin ("\x1f",
                    yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID),
                    yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BUILDING),
                    yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_UNIT),
                    yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ROOM),
                    NULL);
}

static gint64
judge_household (Judge          *judge,
                 YishiRosterRow *row)
{
  g_autofree char *key = place_key (row);
  gpointer known;
  gint64 id = 0;

  if (g_hash_table_lookup_extended (judge->households, key, NULL, &known))
    return GPOINTER_TO_SIZE (known);

  sqlite3_reset (judge->household);
  sqlite3_bind_text (judge->household, 1, yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID), -1, SQLITE_STATIC);
  sqlite3_bind_text (judge->household, 2, yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BUILDING), -1, SQLITE_STATIC);
  sqlite3_bind_text (judge->household, 3, yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_UNIT), -1, SQLITE_STATIC);
  sqlite3_bind_text (judge->household, 4, yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ROOM), -1, SQLITE_STATIC);
  if (sqlite3_step (judge->household) == SQLITE_ROW)
    id = sqlite3_column_int64 (judge->household, 0);
  sqlite3_reset (judge->household);
  g_hash_table_insert (judge->households, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize)id));
  return id;
}

static gboolean
step_finds (sqlite3_stmt *stmt)
{
  gboolean found = sqlite3_step (stmt) == SQLITE_ROW;

  sqlite3_reset (stmt);
  return found;
}

/* The verdict of a row whose content is sound; @reason gets the reason of a rejection. */
static YishiRosterVerdict
judge_row (Judge          *judge,
           YishiRosterRow *row,
           const char    **reason)
{
  const char *name = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_NAME);
  const char *id_number = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ID_NUMBER);
  const char *phone = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE);

  *reason = NULL;
  if (id_number != NULL)
    {
      YishiRosterVerdict verdict = YISHI_ROSTER_ROW_NEW;

      sqlite3_reset (judge->by_id);
      sqlite3_bind_text (judge->by_id, 1, id_number, -1, SQLITE_STATIC);
      if (sqlite3_step (judge->by_id) == SQLITE_ROW)
        {
          const char *holder = (const char *)sqlite3_column_text (judge->by_id, 0);

          if (sqlite3_column_int (judge->by_id, 1))
            {
              verdict = YISHI_ROSTER_ROW_REJECTED;
              *reason = _("the ID number belongs to a person deleted from the registry: "
                          "restore that person instead");
            }
          else if (g_strcmp0 (holder, name) == 0)
            verdict = YISHI_ROSTER_ROW_UNCHANGED;
          else
            {
              verdict = YISHI_ROSTER_ROW_REJECTED;
              *reason = _("the ID number belongs to a person of another name in the registry");
            }
        }
      sqlite3_reset (judge->by_id);
      return verdict;
    }

  if (has_home (row))
    {
      gint64 household = judge_household (judge, row);

      if (household == 0)
        return YISHI_ROSTER_ROW_NEW;
      sqlite3_bind_int64 (judge->at_household, 1, household);
      sqlite3_bind_text (judge->at_household, 2, name, -1, SQLITE_STATIC);
      return step_finds (judge->at_household) ? YISHI_ROSTER_ROW_UNCHANGED : YISHI_ROSTER_ROW_NEW;
    }

  sqlite3_bind_text (judge->by_phone, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (judge->by_phone, 2, phone != NULL ? phone : "", -1, SQLITE_STATIC);
  return step_finds (judge->by_phone) ? YISHI_ROSTER_ROW_UNCHANGED : YISHI_ROSTER_ROW_NEW;
}

/* Analysis --------------------------------------------------------------------------- */

typedef struct
{
  YishiRosterImport *self;
  int columns[N_YISHI_ROSTER_FIELDS]; /* the column of each field, or -1 */
  GHashTable *seen;                   /* identity key → first source row */
  GString *reasons;
  GString *repairs;
  GString *spaces;                    /* labels of the fields trimmed in this row */
  char *today;
} Analysis;

/* The key that makes two rows of the file the same person, as the registry matches them. */
static char *
identity_key (YishiRosterRow *row)
{
  const char *id_number = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ID_NUMBER);
  const char *name = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_NAME);
  const char *phone = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE);

  if (id_number != NULL)
    return g_strconcat ("I", id_number, NULL);
  if (has_home (row))
    {
      g_autofree char *place = place_key (row);

      return g_strconcat ("H", name, "\x1f", place, NULL);
    }
  return g_strconcat ("P", name, "\x1f", phone ? phone : "", NULL);
}

/* The row, judged; NULL when it has nothing in the mapped columns. */
static YishiRosterRow *
analyse_row (Analysis *a,
             Judge    *judge,
             guint     r)
{
  YishiRosterImport *self = a->self;
  char *raw[N_YISHI_ROSTER_FIELDS] = { NULL };
  YishiCellKind kinds[N_YISHI_ROSTER_FIELDS] = { YISHI_CELL_EMPTY };
  YishiRosterRow *row;
  YishiRosterVerdict verdict = YISHI_ROSTER_ROW_NEW;

  g_string_truncate (a->reasons, 0);
  g_string_truncate (a->repairs, 0);
  g_string_truncate (a->spaces, 0);

  for (guint f = 1; f < N_YISHI_ROSTER_FIELDS; f++)
    {
      const char *text;
      gboolean changed = FALSE;

      if (a->columns[f] < 0)
        continue;
      text = yishi_sheet_get_text (self->sheet, r, (guint)a->columns[f]);
      if (*text == '\0')
        continue;
      raw[f] = yishi_text_trim (text, &changed);
      if (*raw[f] == '\0')
        {
          g_clear_pointer (&raw[f], g_free);
          continue;
        }
      kinds[f] = yishi_sheet_get_kind (self->sheet, r, (guint)a->columns[f]);
      if (changed)
        {
          if (a->spaces->len > 0)
            g_string_append (a->spaces, _(", "));
          g_string_append (a->spaces, yishi_roster_field_label (f));
        }
    }
  /* Blank, or nothing in the columns imported (a row numbered in advance, a total): skipped. */
  for (guint f = 1; f < N_YISHI_ROSTER_FIELDS; f++)
    if (raw[f] != NULL)
      goto some;
  return NULL;

some:
  if (a->spaces->len > 0)
    {
      g_autofree char *note = g_strdup_printf (_("spaces around the value were removed (%s)"),
                                               a->spaces->str);

      yishi_roster_add_note (a->repairs, note);
    }

  yishi_roster_repair_values (raw, kinds, a->today, a->reasons, a->repairs);
  row = yishi_roster_row_new (r + 1, r, (const char *const *)raw);
  for (guint f = 0; f < N_YISHI_ROSTER_FIELDS; f++)
    g_free (raw[f]);

  if (a->reasons->len == 0)
    {
      g_autofree char *key = identity_key (row);
      gpointer first;

      if (g_hash_table_lookup_extended (a->seen, key, NULL, &first))
        {
          g_autofree char *note = NULL;

          if (key[0] == 'I')
            note = g_strdup_printf (_("the same ID number as row %u"), GPOINTER_TO_UINT (first));
          else
            note = g_strdup_printf (_("the same person as row %u"), GPOINTER_TO_UINT (first));
          yishi_roster_add_note (a->reasons, note);
        }
      else
        {
          const char *reason = NULL;

          g_hash_table_insert (a->seen, g_steal_pointer (&key), GUINT_TO_POINTER (r + 1));
          verdict = judge_row (judge, row, &reason);
          if (reason != NULL)
            yishi_roster_add_note (a->reasons, reason);
          g_array_append_val (self->judged, self->row_array->len);
        }
    }
  if (a->reasons->len > 0)
    verdict = YISHI_ROSTER_ROW_REJECTED;
  yishi_roster_row_set_verdict (row, verdict, a->reasons->str, a->repairs->str);
  return row;
}

gboolean
yishi_roster_import_analyse (YishiRosterImport  *self,
                             GCancellable       *cancellable,
                             GError            **error)
{
  Analysis a = { .self = self };
  Judge judge;
  sqlite3 *handle;
  gboolean reading = FALSE;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();
  guint n_rows;

  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), FALSE);

  forget_analysis (self);
  for (guint f = 0; f < N_YISHI_ROSTER_FIELDS; f++)
    a.columns[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] != YISHI_ROSTER_FIELD_IGNORE)
      a.columns[self->mapping[c]] = (int)c;
  if (a.columns[YISHI_ROSTER_FIELD_NAME] < 0)
    {
      g_set_error_literal (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NO_NAME,
                           _("No column holds the names: choose the column of 姓名."));
      return FALSE;
    }
  if (!judge_init (&judge, self->database, error))
    return FALSE;
  /* One read transaction for all the lookups, rather than one each. */
  handle = yishi_database_get_handle (self->database);
  if (sqlite3_get_autocommit (handle) && sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    reading = TRUE;

  a.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.reasons = g_string_new (NULL);
  a.repairs = g_string_new (NULL);
  a.spaces = g_string_new (NULL);
  a.today = yishi_clock_today ();

  n_rows = yishi_sheet_get_n_rows (self->sheet);
  for (guint r = self->header_row + 1; r < n_rows; r++)
    {
      YishiRosterRow *row;

      if ((r - self->header_row) % CHECK_EVERY == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      row = analyse_row (&a, &judge, r);
      if (row == NULL)
        continue;
      self->counts[yishi_roster_row_get_verdict (row)]++;
      g_ptr_array_add (self->row_array, row);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  g_list_store_splice (self->rows, 0, 0, self->row_array->pdata, self->row_array->len);
  self->analysed = TRUE;
  ok = TRUE;
  if (self->row_array->len >= 10000)
    g_debug ("roster analysis: %u rows in %.3f s", self->row_array->len,
             (g_get_monotonic_time () - started) / 1e6);

out:
  if (!ok)
    forget_analysis (self);
  judge_clear (&judge);
  if (reading)
    sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  g_hash_table_unref (a.seen);
  g_string_free (a.reasons, TRUE);
  g_string_free (a.repairs, TRUE);
  g_string_free (a.spaces, TRUE);
  g_free (a.today);
  return ok;
}

/* Commit ----------------------------------------------------------------------------- */

/* The NEW rows are first staged, one row each, in a temporary table without indexes;
 * then one INSERT … SELECT writes all the people, one the residences and one the
 * memberships.  Row by row, every insert into person (a score of indexes, and a trigger
 * keeping its grid and building) would also copy each page it touches into a statement
 * journal: twice the time. */
#define STAGING_COLUMNS "household_id, name, gender, birth_date, id_number, phone," \
                        " residence_type, political_status, notes, category, branch," \
                        " party_group, joined_date, employer"

typedef struct
{
  YishiRosterImport *self;
  sqlite3_stmt *stage;
  sqlite3_stmt *find_household;
  sqlite3_stmt *household;
  GHashTable *places;      /* grid\x1fbuilding\x1funit (or shorter) → node id */
  GHashTable *homes;       /* grid\x1fbuilding\x1funit\x1froom → household id */
  GHashTable *empty_units; /* units that had no household before the import */
  sqlite3_stmt *unit_used;
  gboolean staging;        /* temp.roster_staging exists */
  guint new_households;
  gint64 first_household, last_household;
  gint64 place_us;         /* time spent finding and creating places, for the debug log */
  gint64 people_us, residences_us, memberships_us;
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->stage, sqlite3_finalize);
  g_clear_pointer (&w->find_household, sqlite3_finalize);
  g_clear_pointer (&w->household, sqlite3_finalize);
  g_clear_pointer (&w->places, g_hash_table_unref);
  g_clear_pointer (&w->homes, g_hash_table_unref);
  g_clear_pointer (&w->empty_units, g_hash_table_unref);
  g_clear_pointer (&w->unit_used, sqlite3_finalize);
  if (w->staging)
    yishi_database_exec (w->self->database, "DROP TABLE temp.roster_staging", NULL);
  w->staging = FALSE;
}

static gboolean
writer_init (Writer             *w,
             YishiRosterImport  *self,
             GError            **error)
{
  YishiDatabase *db = self->database;

  memset (w, 0, sizeof *w);
  w->self = self;
  w->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->empty_units = g_hash_table_new (g_direct_hash, g_direct_equal);
  if (!yishi_database_exec (db, "CREATE TEMP TABLE roster_staging (" STAGING_COLUMNS ")", error))
    return FALSE;
  w->staging = TRUE;
  w->stage = yishi_database_prepare (db,
                                     "INSERT INTO temp.roster_staging (" STAGING_COLUMNS ")"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
  if (w->stage == NULL)
    return FALSE;
  w->find_household = yishi_database_prepare (db,
                                              "SELECT id, deleted_at IS NOT NULL FROM household"
                                              " WHERE unit_id = ? AND room = ?",
                                              error);
  if (w->find_household == NULL)
    return FALSE;
  w->household = yishi_database_prepare (db,
                                         "INSERT INTO household (uuid, unit_id, room) VALUES (?, ?, ?)",
                                         error);
  if (w->household == NULL)
    return FALSE;
  w->unit_used = yishi_database_prepare (db, "SELECT 1 FROM household WHERE unit_id = ? LIMIT 1", error);
  return w->unit_used != NULL;
}

static gboolean
run_insert (YishiDatabase  *db,
            sqlite3_stmt   *stmt,
            GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (db, error);
  return TRUE;
}

/* The node at the end of the chain grid / building / unit named in the row, created
 * through the registry the first time (a few hundred times for a whole district). */
static gint64
unit_for (Writer          *w,
          YishiRosterRow  *row,
          YishiNodeKind   *kind,
          GError         **error)
{
  const char *grid = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID);
  const char *building = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BUILDING);
  const char *unit = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_UNIT);
  g_autofree char *key = g_strjoin ("\x1f", grid, building, unit, NULL);
  gpointer known;
  gint64 id;

  *kind = unit != NULL ? YISHI_NODE_UNIT : building != NULL ? YISHI_NODE_BUILDING : YISHI_NODE_GRID;
  if (g_hash_table_lookup_extended (w->places, key, NULL, &known))
    return (gint64)GPOINTER_TO_SIZE (known);
  id = yishi_registry_ensure_place (w->self->database, grid, building, unit, NULL, kind, error);
  if (id == 0)
    return 0;
  g_hash_table_insert (w->places, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize)id));
  /* A unit without households yet (most, in a new registry) need not be asked for each. */
  if (*kind == YISHI_NODE_UNIT)
    {
      sqlite3_bind_int64 (w->unit_used, 1, id);
      if (sqlite3_step (w->unit_used) != SQLITE_ROW)
        g_hash_table_add (w->empty_units, GSIZE_TO_POINTER ((gsize)id));
      sqlite3_reset (w->unit_used);
    }
  return id;
}

/* The household of a row (0 when it names none), creating the places named in it: the
 * grids, buildings and units through yishi_registry_ensure_place (), the households — up
 * to one for every two or three people — with one prepared statement, audited in bulk.
 * A household that was deleted is restored through the registry, as it would be. */
static gboolean
place_for (Writer          *w,
           YishiRosterRow  *row,
           gint64          *household,
           GError         **error)
{
  const char *room = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ROOM);
  g_autofree char *key = NULL;
  gpointer known;
  YishiNodeKind kind;
  gint64 unit, id = 0;
  gboolean deleted = FALSE;

  *household = 0;
  if (yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID) == NULL)
    return TRUE;
  unit = unit_for (w, row, &kind, error);
  if (unit == 0)
    return FALSE;
  if (room == NULL || kind != YISHI_NODE_UNIT)
    return TRUE;

  key = place_key (row);
  if (g_hash_table_lookup_extended (w->homes, key, NULL, &known))
    {
      *household = (gint64)GPOINTER_TO_SIZE (known);
      return TRUE;
    }

  if (!g_hash_table_contains (w->empty_units, GSIZE_TO_POINTER ((gsize)unit)))
    {
      sqlite3_bind_int64 (w->find_household, 1, unit);
      sqlite3_bind_text (w->find_household, 2, room, -1, SQLITE_STATIC);
      if (sqlite3_step (w->find_household) == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (w->find_household, 0);
          deleted = sqlite3_column_int (w->find_household, 1) != 0;
        }
      sqlite3_reset (w->find_household);
    }

  if (id != 0 && deleted)
    {
      id = yishi_registry_ensure_place (w->self->database,
                                        yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_GRID),
                                        yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_BUILDING),
                                        yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_UNIT),
                                        room, &kind, error);
      if (id == 0)
        return FALSE;
    }
  else if (id == 0)
    {
      sqlite3_bind_text (w->household, 1, yishi_database_new_uuid (w->self->database), -1, g_free);
      sqlite3_bind_int64 (w->household, 2, unit);
      sqlite3_bind_text (w->household, 3, room, -1, SQLITE_STATIC);
      if (!run_insert (w->self->database, w->household, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (yishi_database_get_handle (w->self->database));
      if (w->first_household == 0)
        w->first_household = id;
      w->last_household = id;
      w->new_households++;
    }
  g_hash_table_insert (w->homes, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize)id));
  *household = id;
  return TRUE;
}

static void
bind_value (sqlite3_stmt     *stmt,
            int               index,
            YishiRosterRow   *row,
            YishiRosterField  field,
            const char       *fallback)
{
  const char *value = yishi_roster_row_get_value (row, field);

  if (value == NULL)
    value = fallback;
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* Stages one NEW row, with the defaults the registry gives to what the file leaves out. */
static gboolean
stage_row (Writer          *w,
           YishiRosterRow  *row,
           GError         **error)
{
  sqlite3_stmt *stmt = w->stage;
  gint64 household = 0;
  gint64 started = g_get_monotonic_time ();
  gboolean found = place_for (w, row, &household, error);

  w->place_us += g_get_monotonic_time () - started;
  if (!found)
    return FALSE;

  if (household != 0)
    sqlite3_bind_int64 (stmt, 1, household);
  else
    sqlite3_bind_null (stmt, 1);
  bind_value (stmt, 2, row, YISHI_ROSTER_FIELD_NAME, NULL);
  bind_value (stmt, 3, row, YISHI_ROSTER_FIELD_GENDER, "unknown");
  bind_value (stmt, 4, row, YISHI_ROSTER_FIELD_BIRTH_DATE, NULL);
  bind_value (stmt, 5, row, YISHI_ROSTER_FIELD_ID_NUMBER, NULL);
  bind_value (stmt, 6, row, YISHI_ROSTER_FIELD_PHONE, "");
  bind_value (stmt, 7, row, YISHI_ROSTER_FIELD_RESIDENCE_TYPE, "resident");
  bind_value (stmt, 8, row, YISHI_ROSTER_FIELD_POLITICAL_STATUS, "masses");
  bind_value (stmt, 9, row, YISHI_ROSTER_FIELD_NOTES, "");
  bind_value (stmt, 10, row, YISHI_ROSTER_FIELD_PARTY_CATEGORY, NULL);
  bind_value (stmt, 11, row, YISHI_ROSTER_FIELD_PARTY_BRANCH, "");
  bind_value (stmt, 12, row, YISHI_ROSTER_FIELD_PARTY_GROUP, "");
  bind_value (stmt, 13, row, YISHI_ROSTER_FIELD_JOINED_DATE, NULL);
  bind_value (stmt, 14, row, YISHI_ROSTER_FIELD_EMPLOYER, "");
  return run_insert (w->self->database, stmt, error);
}

/* Writes the staged rows: people with ids @first_id onwards in file order, then their
 * residences and memberships.  Returns the number of memberships, or -1. */
static gint64
write_staged (Writer   *w,
              gint64    first_id,
              GError  **error)
{
  YishiDatabase *db = w->self->database;
  g_autoptr (sqlite3_stmt) people = NULL;
  g_autoptr (sqlite3_stmt) residences = NULL;
  g_autoptr (sqlite3_stmt) memberships = NULL;
  g_autofree char *now = yishi_clock_now_string ();
  g_autofree char *today = yishi_clock_today ();
  gint64 started;

  people = yishi_database_prepare (db,
                                   "INSERT INTO person (id, uuid, household_id, name, gender,"
                                   " birth_date, id_number, phone, residence_type, political_status,"
                                   " notes, public_name_consent, created_at, updated_at,"
                                   " building_id, grid_id)"
                                   " SELECT ?1 + s.rowid - 1, yishi_uuid (), s.household_id, s.name,"
                                   " s.gender, s.birth_date, s.id_number, s.phone, s.residence_type,"
                                   " s.political_status, s.notes, 0, ?2, ?2, b.id, b.grid_id"
                                   " FROM temp.roster_staging s"
                                   " LEFT JOIN household h ON h.id = s.household_id"
                                   " LEFT JOIN unit u ON u.id = h.unit_id"
                                   " LEFT JOIN building b ON b.id = u.building_id"
                                   " ORDER BY s.rowid",
                                   error);
  if (people == NULL)
    return -1;
  sqlite3_bind_int64 (people, 1, first_id);
  sqlite3_bind_text (people, 2, now, -1, SQLITE_STATIC);
  started = g_get_monotonic_time ();
  if (!run_insert (db, people, error))
    return -1;
  w->people_us = g_get_monotonic_time () - started;

  residences = yishi_database_prepare (db,
                                       "INSERT INTO residence (uuid, person_id, household_id, start_date)"
                                       " SELECT yishi_uuid (), ?1 + rowid - 1, household_id, ?2"
                                       " FROM temp.roster_staging WHERE household_id IS NOT NULL"
                                       " ORDER BY rowid",
                                       error);
  if (residences == NULL)
    return -1;
  sqlite3_bind_int64 (residences, 1, first_id);
  sqlite3_bind_text (residences, 2, today, -1, SQLITE_STATIC);
  started = g_get_monotonic_time ();
  if (!run_insert (db, residences, error))
    return -1;
  w->residences_us = g_get_monotonic_time () - started;

  memberships = yishi_database_prepare (db,
                                        "INSERT INTO party_membership (uuid, person_id, category, branch,"
                                        " party_group, joined_date, employer)"
                                        " SELECT yishi_uuid (), ?1 + rowid - 1, category, branch,"
                                        " party_group, joined_date, employer"
                                        " FROM temp.roster_staging WHERE category IS NOT NULL"
                                        " ORDER BY rowid",
                                        error);
  if (memberships == NULL)
    return -1;
  sqlite3_bind_int64 (memberships, 1, first_id);
  started = g_get_monotonic_time ();
  if (!run_insert (db, memberships, error))
    return -1;
  w->memberships_us = g_get_monotonic_time () - started;
  return sqlite3_changes (yishi_database_get_handle (db));
}

static gboolean
remember_mapping (YishiRosterImport  *self,
                  GError            **error)
{
  g_autofree char *key = mapping_key (self);
  g_autofree char *value = mapping_value (self);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) json = g_string_new ("{\"key\":");

  stmt = yishi_database_prepare (self->database,
                                 "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                 " ON CONFLICT (key) DO UPDATE SET value = ?2"
                                 " WHERE value IS NOT ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return yishi_database_set_error (self->database, error);
  if (sqlite3_changes (yishi_database_get_handle (self->database)) == 0)
    return TRUE;
  yishi_json_append_string (json, key);
  g_string_append (json, ",\"value\":");
  yishi_json_append_string (json, value);
  g_string_append_c (json, '}');
  if (!yishi_database_audit (self->database, "setting", NULL, "update", NULL, json->str, error))
    return FALSE;
  yishi_database_emit_changed (self->database, "setting");
  return TRUE;
}

/* One audit row for the people of the import (with their residences and memberships),
 * one for the households it created: which ids, how many. */
static gboolean
audit_import (Writer   *w,
              guint     people,
              gint64    first_id,
              gint64    memberships,
              GError  **error)
{
  YishiRosterImport *self = w->self;
  g_autoptr (GString) json = g_string_new ("{\"import\":\"roster\",\"format\":");

  yishi_json_append_string (json, yishi_sheet_get_format (self->sheet));
  g_string_append_printf (json, ",\"people\":%u,\"first_person_id\":%" G_GINT64_FORMAT
                          ",\"last_person_id\":%" G_GINT64_FORMAT ",\"memberships\":%" G_GINT64_FORMAT
                          ",\"unchanged\":%u,\"rejected\":%u}",
                          people, first_id, first_id + people - 1, memberships,
                          self->counts[YISHI_ROSTER_ROW_UNCHANGED],
                          self->counts[YISHI_ROSTER_ROW_REJECTED]);
  if (!yishi_database_audit (self->database, "person", NULL, "bulk", NULL, json->str, error))
    return FALSE;
  if (w->new_households == 0)
    return TRUE;
  g_string_printf (json, "{\"import\":\"roster\",\"households\":%u,\"first_household_id\":%"
                   G_GINT64_FORMAT ",\"last_household_id\":%" G_GINT64_FORMAT "}",
                   w->new_households, w->first_household, w->last_household);
  if (!yishi_database_audit (self->database, "household", NULL, "bulk", NULL, json->str, error))
    return FALSE;
  yishi_database_emit_changed (self->database, "household");
  return TRUE;
}

/* Lets a long statement notice the cancellation. */
static int
interrupt_when_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

static gboolean
check_again (YishiRosterImport  *self,
             GError            **error)
{
  Judge judge;

  if (!judge_init (&judge, self->database, error))
    return FALSE;
  for (guint i = 0; i < self->judged->len; i++)
    {
      YishiRosterRow *row = g_ptr_array_index (self->row_array, g_array_index (self->judged, guint, i));
      const char *reason;

      if (judge_row (&judge, row, &reason) != yishi_roster_row_get_verdict (row))
        {
          g_set_error (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_CHANGED,
                       _("The registry has changed since the file was checked (row %u, for "
                         "one): check the file again before importing it."),
                       yishi_roster_row_get_source_row (row));
          judge_clear (&judge);
          return FALSE;
        }
    }
  judge_clear (&judge);
  return TRUE;
}

gboolean
yishi_roster_import_commit (YishiRosterImport  *self,
                            guint              *imported,
                            GCancellable       *cancellable,
                            GError            **error)
{
  Writer w = { NULL };
  g_autoptr (GError) local = NULL;
  sqlite3 *handle;
  gboolean ok = FALSE;
  gint64 first_id = 0, memberships = 0;
  guint people = 0;
  gint64 started = g_get_monotonic_time ();
  gint64 checked = 0, staged = 0, written = 0;
  gint64 cache_size, temp_store;

  g_return_val_if_fail (YISHI_IS_ROSTER_IMPORT (self), FALSE);

  if (imported != NULL)
    *imported = 0;
  if (!self->analysed)
    {
      g_set_error_literal (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NOT_ANALYSED,
                           _("The rows have not been checked since the columns were chosen."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The staging table in memory (SQLite refuses to change this within a transaction),
   * and a page cache that holds the indexes of the person table while they grow. */
  handle = yishi_database_get_handle (self->database);
  temp_store = yishi_database_query_int (self->database, "PRAGMA temp_store", 0);
  yishi_database_exec (self->database, "PRAGMA temp_store = MEMORY", NULL);
  cache_size = yishi_database_query_int (self->database, "PRAGMA cache_size", -2000);
  yishi_database_exec (self->database, "PRAGMA cache_size = -" G_STRINGIFY (COMMIT_CACHE_KIB), NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 10000, interrupt_when_cancelled, cancellable);
  if (!yishi_database_begin (self->database, &local))
    goto restore;

  /* The registry may have changed since the analysis: judge again, inside the
   * transaction, before writing anything. */
  if (!check_again (self, &local))
    goto out;
  checked = g_get_monotonic_time ();
  if (!writer_init (&w, self, &local))
    goto out;
  for (guint i = 0; i < self->row_array->len; i++)
    {
      YishiRosterRow *row = g_ptr_array_index (self->row_array, i);

      if (yishi_roster_row_get_verdict (row) != YISHI_ROSTER_ROW_NEW)
        continue;
      if (people % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, &local))
        goto out;
      if (!stage_row (&w, row, &local))
        goto out;
      people++;
    }
  staged = g_get_monotonic_time ();
  if (people > 0)
    {
      first_id = yishi_database_query_int (self->database, "SELECT coalesce (max (id), 0) + 1 FROM person", -1);
      if (first_id < 1)
        {
          yishi_database_set_error (self->database, &local);
          goto out;
        }
      memberships = write_staged (&w, first_id, &local);
      if (memberships < 0)
        goto out;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, &local))
    goto out;

  if (!remember_mapping (self, &local))
    goto out;
  if (people > 0)
    {
      if (!audit_import (&w, people, first_id, memberships, &local))
        goto out;
      yishi_database_emit_changed (self->database, "person");
      yishi_database_emit_changed (self->database, "residence");
      if (memberships > 0)
        yishi_database_emit_changed (self->database, "party_membership");
    }
  writer_clear (&w);
  written = g_get_monotonic_time ();
  if (!yishi_database_commit (self->database, &local))
    goto out;
  ok = TRUE;
  /* Written: another commit would need another look at the registry. */
  self->analysed = FALSE;
  if (imported != NULL)
    *imported = people;
  if (people >= 10000)
    g_debug ("roster commit: %u people in %.2f s: checked again %.2f, staged %.2f (places %.2f),"
             " people %.2f, residences %.2f, memberships %.2f, the rest %.2f, COMMIT %.2f",
             people, (g_get_monotonic_time () - started) / 1e6, (checked - started) / 1e6,
             (staged - checked) / 1e6, w.place_us / 1e6, w.people_us / 1e6,
             w.residences_us / 1e6, w.memberships_us / 1e6,
             (written - staged - w.people_us - w.residences_us - w.memberships_us) / 1e6,
             (g_get_monotonic_time () - written) / 1e6);

out:
  if (w.self != NULL)
    writer_clear (&w);
  if (!ok)
    yishi_database_rollback (self->database);
restore:
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                                            " PRAGMA temp_store = %" G_GINT64_FORMAT,
                                            cache_size, temp_store);

    yishi_database_exec (self->database, sql, NULL);
  }
  /* An interrupted statement is a cancellation. */
  if (!ok && g_cancellable_is_cancelled (cancellable))
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));
  return ok;
}
