/* yishi-database.c
 *
 * The only door to the community's file. Opening checks everything that can be wrong
 * with a file before anything writes to it, so that a bad file is left byte-identical;
 * writes go through yishi_database_insert/update/delete, each in one transaction with
 * one audit row, and "changed" is emitted after the commit.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-migrations.h"
#include "yishi-search.h"

#include "yishi-database.h"

struct _YishiDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *actor;
  GRand *uuid_rand; /* NULL: random UUIDs; set: deterministic (demo data) */
  guint depth;      /* nesting of yishi_database_begin () */
  GPtrArray *pending_changes;
  GHashTable *columns;  /* "table.column" → 1 present / 2 absent, for inserts */
  guint read_only : 1;
};

enum
{
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_TYPE (YishiDatabase, yishi_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (yishi-database-error-quark, yishi_database_error)

static void
yishi_database_finalize (GObject *object)
{
  YishiDatabase *self = (YishiDatabase *)object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->uuid_rand, g_rand_free);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);

  G_OBJECT_CLASS (yishi_database_parent_class)->finalize (object);
}

static void
yishi_database_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YishiDatabase *self = YISHI_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_database_class_init (YishiDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yishi_database_finalize;
  object_class->get_property = yishi_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YishiDatabase::changed:
   * @table: (nullable): the table that changed, or %NULL when everything may have
   *
   * Emitted after a write is committed. The detail is the table name.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
yishi_database_init (YishiDatabase *self)
{
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Error reporting ----------------------------------------------------------------- */

gboolean
yishi_database_set_error (YishiDatabase  *self,
                          GError        **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  const char *message = sqlite3_errmsg (self->db);

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CONSTRAINT,
                   _("The change was refused because it breaks a rule of the data (%s)."),
                   message);
      break;

    case SQLITE_READONLY:
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                   _("The database cannot be changed because the file is read-only."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged (%s)."), message);
      break;

    case SQLITE_FULL:
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The disk is full; nothing was changed."));
      break;

    default:
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The database reported an error: %s"), message);
    }
  return FALSE;
}

gboolean
yishi_database_exec (YishiDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return yishi_database_set_error (self, error);
  return TRUE;
}

sqlite3_stmt *
yishi_database_prepare (YishiDatabase  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      yishi_database_set_error (self, error);
      return NULL;
    }
  return stmt;
}

gint64
yishi_database_query_int (YishiDatabase *self,
                          const char    *sql,
                          gint64         fallback)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int64 (stmt, 0);
}

/* UUIDs ---------------------------------------------------------------------------- */

char *
yishi_database_new_uuid (YishiDatabase *self)
{
  guint8 bytes[16];

  g_return_val_if_fail (YISHI_IS_DATABASE (self), NULL);

  if (self->uuid_rand == NULL)
    return g_uuid_string_random ();

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_rand_int (self->uuid_rand);

      memcpy (bytes + i, &r, 4);
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
                          bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                          bytes[12], bytes[13], bytes[14], bytes[15]);
}

static void
sql_uuid (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  YishiDatabase *self = sqlite3_user_data (context);
  char *uuid = yishi_database_new_uuid (self);

  sqlite3_result_text (context, uuid, -1, g_free);
}

/* Opening -------------------------------------------------------------------------- */

char *
yishi_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "yishi", "yishi.db", NULL);
}

/* Root ignores permission bits, so look at them as well as asking access (). */
static gboolean
is_writable (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & S_IWUSR) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0;
}

static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = g_filename_display_name (path);
  char header[16] = { 0 };
  FILE *file;
  size_t got;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      if (saved == EACCES)
        g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                     _("“%s” cannot be read: permission denied."), display);
      else
        g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                     _("“%s” cannot be opened: %s."), display, g_strerror (saved));
      return FALSE;
    }
  got = fread (header, 1, sizeof header, file);
  fclose (file);

  if (got != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Yishi database."), display);
      return FALSE;
    }
  return TRUE;
}

/* quick_check reads the whole file, which takes a while on a district's database. A file
 * that has not changed since it last passed (same inode, size and modification time of
 * the file and of its write-ahead log) is not checked again; the stamps live in the
 * user's cache folder, never in the file itself. */
static char *
file_stamp (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st, wst;

  if (g_stat (path, &st) != 0)
    return NULL;
  /* An empty log is created and removed by every connection: it is as good as none. */
  if (g_stat (wal, &wst) != 0 || wst.st_size == 0)
    memset (&wst, 0, sizeof wst);
  return g_strdup_printf ("%llu:%lld:%lld.%09ld:%lld:%lld.%09ld", (unsigned long long)st.st_ino,
                          (long long)st.st_size, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (long long)wst.st_size, (long long)wst.st_mtim.tv_sec, wst.st_mtim.tv_nsec);
}

static char *
checked_file (void)
{
  return g_build_filename (g_get_user_cache_dir (), "yishi", "checked.ini", NULL);
}

static gboolean
passed_before (const char *path,
               const char *stamp)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *file = checked_file ();
  g_autofree char *known = NULL;

  if (stamp == NULL || !g_key_file_load_from_file (keys, file, G_KEY_FILE_NONE, NULL))
    return FALSE;
  known = g_key_file_get_string (keys, "quick-check", path, NULL);
  return g_strcmp0 (known, stamp) == 0;
}

static void
remember_passed (const char *path,
                 const char *stamp)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *file = checked_file ();
  g_autofree char *dir = g_path_get_dirname (file);

  if (stamp == NULL)
    return;
  g_key_file_load_from_file (keys, file, G_KEY_FILE_NONE, NULL);
  {
    g_auto (GStrv) known = g_key_file_get_keys (keys, "quick-check", NULL, NULL);

    for (guint i = 0; known != NULL && known[i] != NULL; i++)
      if (!g_file_test (known[i], G_FILE_TEST_EXISTS))
        g_key_file_remove_key (keys, "quick-check", known[i], NULL);
  }
  g_key_file_set_string (keys, "quick-check", path, stamp);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_key_file_save_to_file (keys, file, NULL);
}

/* Everything that can be learnt about an existing file without writing to it. */
static gboolean
inspect_read_only (const char  *path,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *stamp = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gint64 version = -1;
  gint64 application_id = -1;
  gint64 tables = 0;
  gboolean ok = FALSE;
  int rc;

  /* Before anything opens it: a reader may create the -wal and -shm files. */
  stamp = file_stamp (path);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” cannot be opened as a database."), display);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           " (SELECT application_id FROM pragma_application_id),"
                           " (SELECT count(*) FROM sqlite_master)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      application_id = sqlite3_column_int64 (stmt, 1);
      tables = sqlite3_column_int64 (stmt, 2);
    }
  else
    {
      int code = sqlite3_errcode (db);

      if (code == SQLITE_NOTADB)
        g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE,
                     _("“%s” is not a Yishi database."), display);
      else
        g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be read."), display);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (application_id != YISHI_APPLICATION_ID && !(application_id == 0 && tables == 0))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is a database of another program, not of Yishi."), display);
      goto out;
    }

  if (version > YISHI_SCHEMA_VERSION)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Yishi (data version %d; this "
                     "version understands up to %d). Update Yishi to open it."),
                   display, (int)version, YISHI_SCHEMA_VERSION);
      goto out;
    }

  if (!passed_before (path, stamp))
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW ||
          g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CORRUPT,
                       _("“%s” is damaged. Restore a backup, or open another file."), display);
          goto out;
        }
      remember_passed (path, stamp);
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
configure_connection (YishiDatabase  *self,
                      GError        **error)
{
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function (self->db, "yishi_uuid", 0, SQLITE_UTF8, self, sql_uuid, NULL, NULL);
  yishi_search_register (self->db);

  if (self->read_only)
    return yishi_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;", error);

  return yishi_database_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA foreign_keys = ON;",
                              error);
}

static YishiDatabase *
open_internal (const char              *path,
               YishiDatabaseOpenFlags   flags,
               GRand                   *uuid_rand,
               GError                 **error)
{
  g_autoptr (YishiDatabase) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  gboolean read_only = (flags & YISHI_DATABASE_OPEN_READ_ONLY) != 0;
  int open_flags;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a file."), display);
      g_clear_pointer (&uuid_rand, g_rand_free);
      return NULL;
    }

  if (!exists)
    {
      if ((flags & YISHI_DATABASE_OPEN_CREATE) == 0 || read_only)
        {
          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                       _("“%s” does not exist."), display);
          g_clear_pointer (&uuid_rand, g_rand_free);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0 || !is_writable (dir))
        {
          g_autofree char *dir_display = g_filename_display_name (dir);

          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                       _("The folder “%s” is read-only; the database cannot be created "
                         "there."),
                       dir_display);
          g_clear_pointer (&uuid_rand, g_rand_free);
          return NULL;
        }
    }
  else
    {
      if (!check_header (path, error) || !inspect_read_only (path, error))
        {
          g_clear_pointer (&uuid_rand, g_rand_free);
          return NULL;
        }

      if (!read_only && !is_writable (path))
        {
          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                       _("“%s” is read-only. Yishi needs to write to the file to keep "
                         "the records."),
                       display);
          g_clear_pointer (&uuid_rand, g_rand_free);
          return NULL;
        }
      if (!read_only && !is_writable (dir))
        {
          g_autofree char *dir_display = g_filename_display_name (dir);

          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                       _("The folder “%s” is read-only. Yishi needs to write beside the "
                         "database to keep it safe."),
                       dir_display);
          g_clear_pointer (&uuid_rand, g_rand_free);
          return NULL;
        }
    }

  self = g_object_new (YISHI_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->uuid_rand = uuid_rand;
  self->actor = g_strdup (g_get_user_name ());

  if (read_only)
    open_flags = SQLITE_OPEN_READONLY;
  else
    open_flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("“%s” cannot be opened: %s"), display, sqlite3_errmsg (self->db));
      return NULL;
    }

  if (!exists)
    g_chmod (path, 0600);

  if (!configure_connection (self, error))
    return NULL;

  if (!read_only && !yishi_migrations_run (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * yishi_database_open:
 * @path: the file
 * @flags: %YISHI_DATABASE_OPEN_CREATE to create a missing file
 * @error: where a translated, user-facing message goes
 *
 * Opens the community's database. A file that is not a Yishi database, is read-only,
 * is damaged or was written by a newer Yishi is refused and left untouched.
 */
YishiDatabase *
yishi_database_open (const char              *path,
                     YishiDatabaseOpenFlags   flags,
                     GError                 **error)
{
  return open_internal (path, flags, NULL, error);
}

/* A fresh file whose UUIDs follow @seed: the demo generator's deterministic output. */
YishiDatabase *
yishi_database_create_seeded (const char  *path,
                              guint32      seed,
                              GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_EXISTS,
                   _("“%s” already exists; choose another file name."), display);
      return NULL;
    }
  return open_internal (path, YISHI_DATABASE_OPEN_CREATE, g_rand_new_with_seed (seed), error);
}

sqlite3 *
yishi_database_get_handle (YishiDatabase *self)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), NULL);
  return self->db;
}

const char *
yishi_database_get_path (YishiDatabase *self)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
yishi_database_is_read_only (YishiDatabase *self)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), TRUE);
  return self->read_only;
}

int
yishi_database_get_schema_version (YishiDatabase *self)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), -1);
  return (int)yishi_database_query_int (self, "PRAGMA user_version", -1);
}

const char *
yishi_database_get_actor (YishiDatabase *self)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), NULL);
  return self->actor;
}

void
yishi_database_set_actor (YishiDatabase *self,
                          const char    *actor)
{
  g_return_if_fail (YISHI_IS_DATABASE (self));

  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/* Transactions --------------------------------------------------------------------- */

gboolean
yishi_database_begin (YishiDatabase  *self,
                      GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                   _("The database was opened read-only."));
      return FALSE;
    }
  if (self->depth == 0 && !yishi_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (self->depth > 0 && !yishi_database_exec (self, "SAVEPOINT yishi_nested", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void
flush_changes (YishiDatabase *self)
{
  g_autoptr (GPtrArray) tables = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      g_signal_emit (self, signals[CHANGED], table ? g_quark_from_string (table) : 0, table);
    }
}

gboolean
yishi_database_commit (YishiDatabase  *self,
                       GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      if (!yishi_database_exec (self, "RELEASE yishi_nested", error))
        return FALSE;
      self->depth--;
      return TRUE;
    }

  if (!yishi_database_exec (self, "COMMIT", error))
    return FALSE;
  self->depth = 0;
  flush_changes (self);
  return TRUE;
}

void
yishi_database_rollback (YishiDatabase *self)
{
  g_return_if_fail (YISHI_IS_DATABASE (self));

  if (self->depth == 0)
    return;
  if (self->depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO yishi_nested; RELEASE yishi_nested", NULL, NULL, NULL);
      self->depth--;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->depth = 0;
  g_ptr_array_set_size (self->pending_changes, 0);
}

void
yishi_database_emit_changed (YishiDatabase *self,
                             const char    *table)
{
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->pending_changes, i), table) == 0)
      goto queued;
  g_ptr_array_add (self->pending_changes, g_strdup (table));

queued:
  if (self->depth == 0)
    flush_changes (self);
}

void
yishi_database_notify_changed (YishiDatabase     *self,
                               const char *const *tables)
{
  g_return_if_fail (YISHI_IS_DATABASE (self));

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    yishi_database_emit_changed (self, tables[i]);
}

/* Audited writes ------------------------------------------------------------------- */

static gboolean
valid_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* Asked up to three times per insert: the answers are kept (the schema changes only
 * through migrations, which forget them). */
static gboolean
table_has_column (YishiDatabase *self,
                  const char    *table,
                  const char    *column)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_strconcat (table, ".", column, NULL);
  int known = GPOINTER_TO_INT (g_hash_table_lookup (self->columns, key));
  gboolean present;

  if (known != 0)
    return known == 1;
  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info (?) WHERE name = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  present = sqlite3_step (stmt) == SQLITE_ROW;
  g_hash_table_insert (self->columns, g_steal_pointer (&key), GINT_TO_POINTER (present ? 1 : 2));
  return present;
}

/* For migrations: the schema is about to change. */
void
yishi_database_forget_schema (YishiDatabase *self)
{
  g_hash_table_remove_all (self->columns);
}

/* @text as a JSON string (quotes, backslashes and control characters escaped). */
void
yishi_json_append_string (GString    *json,
                          const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (json, "\\u%04x", c);
          else
            g_string_append_c (json, c);
        }
    }
  g_string_append_c (json, '"');
}

/* The row as a JSON object; blobs are recorded by size only. */
static char *
row_json (YishiDatabase *self,
          const char    *table,
          gint64         id,
          char         **uuid_out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GString *json;
  int n;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  json = g_string_new ("{");
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      if (i > 0)
        g_string_append_c (json, ',');
      yishi_json_append_string (json, name);
      g_string_append_c (json, ':');

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          g_string_append_printf (json, "%lld", (long long)sqlite3_column_int64 (stmt, i));
          break;

        case SQLITE_FLOAT:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (json, g_ascii_dtostr (buf, sizeof buf,
                                                   sqlite3_column_double (stmt, i)));
          }
          break;

        case SQLITE_TEXT:
          yishi_json_append_string (json, (const char *)sqlite3_column_text (stmt, i));
          if (uuid_out != NULL && g_str_equal (name, "uuid"))
            *uuid_out = g_strdup ((const char *)sqlite3_column_text (stmt, i));
          break;

        case SQLITE_BLOB:
          g_string_append_printf (json, "{\"bytes\":%d}", sqlite3_column_bytes (stmt, i));
          break;

        default:
          g_string_append (json, "null");
        }
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

gboolean
yishi_database_audit (YishiDatabase  *self,
                      const char     *table,
                      const char     *uuid,
                      const char     *action,
                      const char     *before_json,
                      const char     *after_json,
                      GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = yishi_clock_now_string ();

  stmt = yishi_database_prepare (self,
                                 "INSERT INTO audit_log (at, actor, table_name, row_uuid, action,"
                                 " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, after_json, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return yishi_database_set_error (self, error);
  return TRUE;
}

static void
bind_values (sqlite3_stmt *stmt,
             YishiValues  *values,
             int           first)
{
  for (guint i = 0; i < yishi_values_get_length (values); i++)
    {
      int index = first + (int)i;

      switch (yishi_values_get_kind (values, i))
        {
        case YISHI_VALUE_NULL:
          sqlite3_bind_null (stmt, index);
          break;

        case YISHI_VALUE_INT:
          sqlite3_bind_int64 (stmt, index, yishi_values_get_int (values, i));
          break;

        case YISHI_VALUE_DOUBLE:
          sqlite3_bind_double (stmt, index, yishi_values_get_double (values, i));
          break;

        case YISHI_VALUE_TEXT:
          sqlite3_bind_text (stmt, index, yishi_values_get_text (values, i), -1, SQLITE_STATIC);
          break;

        case YISHI_VALUE_BLOB:
          {
            gsize size;
            gconstpointer data = g_bytes_get_data (yishi_values_get_blob (values, i), &size);

            sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_STATIC);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
check_write (YishiDatabase  *self,
             const char     *table,
             YishiValues    *values,
             GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (valid_identifier (table), FALSE);

  if (values != NULL)
    for (guint i = 0; i < yishi_values_get_length (values); i++)
      g_return_val_if_fail (valid_identifier (yishi_values_get_column (values, i)), FALSE);

  if (self->read_only)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                   _("The database was opened read-only."));
      return FALSE;
    }
  return TRUE;
}

/**
 * yishi_database_insert:
 *
 * Inserts one row in its own transaction (or savepoint) with an audit row. A uuid, and
 * created_at/updated_at where the table has them, are filled in when not given.
 *
 * Returns: the new row's id, or 0 on error
 */
gint64
yishi_database_insert (YishiDatabase  *self,
                       const char     *table,
                       YishiValues    *values,
                       GError        **error)
{
  g_autoptr (GString) sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (YishiValues) full = yishi_values_new ();
  g_autofree char *after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  if (!check_write (self, table, values, error))
    return 0;

  /* Copy so the defaults can be added without touching the caller's values. */
  for (guint i = 0; i < yishi_values_get_length (values); i++)
    {
      const char *column = yishi_values_get_column (values, i);

      switch (yishi_values_get_kind (values, i))
        {
        case YISHI_VALUE_NULL: yishi_values_set_null (full, column); break;
        case YISHI_VALUE_INT: yishi_values_set_int (full, column, yishi_values_get_int (values, i)); break;
        case YISHI_VALUE_DOUBLE: yishi_values_set_double (full, column, yishi_values_get_double (values, i)); break;
        case YISHI_VALUE_TEXT: yishi_values_set_text (full, column, yishi_values_get_text (values, i)); break;
        case YISHI_VALUE_BLOB: yishi_values_set_blob (full, column, yishi_values_get_blob (values, i)); break;
        default: g_assert_not_reached ();
        }
    }

  now = yishi_clock_now_string ();
  if (!yishi_values_has (full, "uuid") && table_has_column (self, table, "uuid"))
    {
      g_autofree char *fresh = yishi_database_new_uuid (self);

      yishi_values_set_text (full, "uuid", fresh);
    }
  if (!yishi_values_has (full, "created_at") && table_has_column (self, table, "created_at"))
    yishi_values_set_text (full, "created_at", now);
  if (!yishi_values_has (full, "updated_at") && table_has_column (self, table, "updated_at"))
    yishi_values_set_text (full, "updated_at", now);

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < yishi_values_get_length (full); i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", yishi_values_get_column (full, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < yishi_values_get_length (full); i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if (!yishi_database_begin (self, error))
    return 0;

  stmt = yishi_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  bind_values (stmt, full, 1);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      yishi_database_set_error (self, error);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  after = row_json (self, table, id, &uuid);
  if (!yishi_database_audit (self, table, uuid, "insert", NULL, after, error))
    goto fail;

  yishi_database_emit_changed (self, table);
  if (!yishi_database_commit (self, error))
    goto fail;
  return id;

fail:
  yishi_database_rollback (self);
  return 0;
}

gboolean
yishi_database_update (YishiDatabase  *self,
                       const char     *table,
                       gint64          id,
                       YishiValues    *values,
                       GError        **error)
{
  g_autoptr (GString) sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  gboolean stamp;

  if (!check_write (self, table, values, error))
    return FALSE;
  g_return_val_if_fail (yishi_values_get_length (values) > 0, FALSE);

  stamp = !yishi_values_has (values, "updated_at") && table_has_column (self, table, "updated_at");
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; i < yishi_values_get_length (values); i++)
    g_string_append_printf (sql, "%s%s = ?", i ? ", " : "", yishi_values_get_column (values, i));
  if (stamp)
    g_string_append (sql, ", updated_at = ?");
  g_string_append (sql, " WHERE id = ?");

  if (!yishi_database_begin (self, error))
    return FALSE;

  before = row_json (self, table, id, &uuid);
  if (before == NULL)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The record no longer exists; it may have been deleted."));
      goto fail;
    }

  stmt = yishi_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  bind_values (stmt, values, 1);
  now = yishi_clock_now_string ();
  if (stamp)
    sqlite3_bind_text (stmt, (int)yishi_values_get_length (values) + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, (int)yishi_values_get_length (values) + (stamp ? 2 : 1), id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      yishi_database_set_error (self, error);
      goto fail;
    }

  after = row_json (self, table, id, NULL);
  if (!yishi_database_audit (self, table, uuid, "update", before, after, error))
    goto fail;

  yishi_database_emit_changed (self, table);
  if (!yishi_database_commit (self, error))
    goto fail;
  return TRUE;

fail:
  yishi_database_rollback (self);
  return FALSE;
}

gboolean
yishi_database_delete (YishiDatabase  *self,
                       const char     *table,
                       gint64          id,
                       GError        **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *uuid = NULL;

  if (!check_write (self, table, NULL, error))
    return FALSE;

  if (!yishi_database_begin (self, error))
    return FALSE;

  before = row_json (self, table, id, &uuid);
  if (before == NULL)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The record no longer exists; it may have been deleted."));
      goto fail;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  stmt = yishi_database_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      yishi_database_set_error (self, error);
      goto fail;
    }

  if (!yishi_database_audit (self, table, uuid, "delete", before, NULL, error))
    goto fail;

  yishi_database_emit_changed (self, table);
  if (!yishi_database_commit (self, error))
    goto fail;
  return TRUE;

fail:
  yishi_database_rollback (self);
  return FALSE;
}

/* Inspection ----------------------------------------------------------------------- */

gint64
yishi_database_count (YishiDatabase *self,
                      const char    *table)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (self), -1);
  g_return_val_if_fail (valid_identifier (table), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return yishi_database_query_int (self, sql, -1);
}

/**
 * yishi_database_check:
 * @report: (out) (optional): what SQLite found, one problem per line
 *
 * Runs the full integrity check and the foreign-key check.
 *
 * Returns: %TRUE when the file is sound
 */
gboolean
yishi_database_check (YishiDatabase  *self,
                      char          **report,
                      GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) found = g_string_new (NULL);
  gboolean sound = TRUE;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);

  stmt = yishi_database_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          g_string_append_printf (found, "%s\n", line);
        }
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (self, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = yishi_database_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sound = FALSE;
      g_string_append_printf (found, _("Row %lld of %s refers to a missing row of %s\n"),
                              (long long)sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return yishi_database_set_error (self, error);

  if (report != NULL)
    *report = g_string_free (g_steal_pointer (&found), FALSE);
  if (!sound)
    g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_CORRUPT,
                 _("The database has problems; restore a backup."));
  return sound;
}

/**
 * yishi_database_content_digest:
 *
 * A SHA-256 over every row of every table but the audit log, in key order: two files
 * with the same digest hold the same data.
 */
char *
yishi_database_content_digest (YishiDatabase  *self,
                               GError        **error)
{
  g_autoptr (sqlite3_stmt) tables = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  int rc;

  tables = yishi_database_prepare (self,
                                   "SELECT name FROM sqlite_master WHERE type = 'table'"
                                   " AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'"
                                   " ORDER BY name",
                                   error);
  if (tables == NULL)
    return NULL;

  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
      g_autoptr (sqlite3_stmt) rows = yishi_database_prepare (self, sql, error);

      if (rows == NULL)
        return NULL;
      g_checksum_update (checksum, (const guchar *)table, -1);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (rows);

          for (int i = 0; i < n; i++)
            {
              const void *data = sqlite3_column_blob (rows, i);
              int size = sqlite3_column_bytes (rows, i);
              guchar type = (guchar)sqlite3_column_type (rows, i);

              g_checksum_update (checksum, &type, 1);
              if (data != NULL)
                g_checksum_update (checksum, data, size);
            }
        }
      if (rc != SQLITE_DONE)
        {
          yishi_database_set_error (self, error);
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (self, error);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Backup and restore --------------------------------------------------------------- */

static gboolean
copy_database (sqlite3  *from,
               sqlite3  *to,
               GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The copy could not be started: %s"), sqlite3_errmsg (to));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The copy failed: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * yishi_database_backup:
 * @destination: the backup file; written beside as a temporary file, then renamed
 *
 * Copies the database with SQLite's online-backup API.
 */
gboolean
yishi_database_backup (YishiDatabase  *self,
                       const char     *destination,
                       GError        **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *to = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  display = g_filename_display_name (destination);
  dir = g_path_get_dirname (destination);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved));
      return FALSE;
    }

  temporary = g_strconcat (destination, ".partial", NULL);
  g_unlink (temporary);
  if (sqlite3_open_v2 (temporary, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), display, sqlite3_errmsg (to));
      sqlite3_close_v2 (to);
      return FALSE;
    }
  g_chmod (temporary, 0600);

  ok = copy_database (self->db, to, error);
  /* A backup is a single self-contained file. */
  if (ok)
    sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (to);

  if (ok && g_rename (temporary, destination) != 0)
    {
      int saved = errno;

      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temporary);
  return ok;
}

/**
 * yishi_database_restore:
 * @source: a backup file
 * @safety_folder: where the current data is backed up first
 * @safety_backup: (out) (optional): the file that now holds the data as it was
 *
 * Replaces the data with @source after checking it as carefully as a file being opened.
 */
gboolean
yishi_database_restore (YishiDatabase  *self,
                        const char     *source,
                        const char     *safety_folder,
                        char          **safety_backup,
                        GError        **error)
{
  g_autoptr (YishiDatabase) from = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safety = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (safety_folder != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_READ_ONLY,
                   _("The database was opened read-only."));
      return FALSE;
    }

  from = yishi_database_open (source, YISHI_DATABASE_OPEN_READ_ONLY, error);
  if (from == NULL)
    return FALSE;

  now = yishi_clock_now_utc ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  name = g_strdup_printf ("yishi-before-restore-%s.db", stamp);
  safety = g_build_filename (safety_folder, name, NULL);
  if (!yishi_database_backup (self, safety, error))
    return FALSE;

  if (!copy_database (from->db, self->db, error))
    return FALSE;
  yishi_database_forget_schema (self);

  if (!yishi_migrations_run (self, error))
    return FALSE;

  if (safety_backup != NULL)
    *safety_backup = g_steal_pointer (&safety);

  yishi_database_emit_changed (self, NULL);
  return TRUE;
}
