/* yishi-attachments.c
 *
 * Photos of a leaking roof, a scanned letter: kept in the community's file beside the
 * matter so that backups carry them. Each row is written through
 * yishi_database_insert (), so the audit log records it (blobs by size only).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-validate.h"

#include "yishi-attachments.h"

void
yishi_attachment_free (YishiAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_clear_pointer (&attachment->thumbnail, g_bytes_unref);
  g_free (attachment->added_at);
  g_free (attachment);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * yishi_attachments_check:
 * @size: the size of the file in bytes
 *
 * What yishi_attachments_add () refuses, for checking a file before reading it.
 */
gboolean
yishi_attachments_check (const char  *file_name,
                         const char  *mime_type,
                         guint64      size,
                         GError     **error)
{
  if (!yishi_validate_text (file_name, _("The file name"), YISHI_ATTACHMENT_NAME_MAX,
                            YISHI_TEXT_REQUIRED, error))
    return FALSE;
  if (strchr (file_name, '/') != NULL || strchr (file_name, '\\') != NULL)
    return invalid (error, _("The file name must not contain a folder."));
  if (mime_type != NULL)
    {
      if (!yishi_validate_text (mime_type, _("The file type"), YISHI_ATTACHMENT_MIME_MAX, 0, error))
        return FALSE;
      if (strchr (mime_type, '/') == NULL)
        return invalid (error, _("The file type is not valid."));
    }
  if (size == 0)
    return invalid (error, _("The file is empty."));
  if (size > YISHI_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (YISHI_ATTACHMENT_MAX_BYTES);
      g_autofree char *actual = g_format_size (size);

      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("“%s” is too big (%s; at most %s)."), file_name, actual, limit);
      return FALSE;
    }
  return TRUE;
}

/**
 * yishi_attachments_add:
 * @thumbnail: (nullable): a small PNG for the list
 *
 * Stores a file with the matter @issue_id in one transaction, with its audit row.
 *
 * Returns: the new attachment's id, or 0 with @error set
 */
gint64
yishi_attachments_add (YishiDatabase  *database,
                       gint64          issue_id,
                       const char     *file_name,
                       const char     *mime_type,
                       GBytes         *data,
                       GBytes         *thumbnail,
                       GError        **error)
{
  g_autoptr (YishiValues) values = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (!yishi_attachments_check (file_name, mime_type, g_bytes_get_size (data), error))
    return 0;
  if (thumbnail != NULL && g_bytes_get_size (thumbnail) > YISHI_ATTACHMENT_MAX_BYTES)
    {
      invalid (error, _("The thumbnail is too big."));
      return 0;
    }

  stmt = yishi_database_prepare (database,
                                 "SELECT 1 FROM issue WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, issue_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The matter does not exist or was deleted."));
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  now = yishi_clock_now_string ();
  values = yishi_values_new ();
  yishi_values_set_int (values, "issue_id", issue_id);
  yishi_values_set_text (values, "file_name", file_name);
  yishi_values_set_text (values, "mime_type", mime_type ? mime_type : "application/octet-stream");
  yishi_values_set_blob (values, "data", data);
  if (thumbnail != NULL)
    yishi_values_set_blob (values, "thumbnail", thumbnail);
  else
    yishi_values_set_null (values, "thumbnail");
  yishi_values_set_text (values, "added_at", now);
  return yishi_database_insert (database, "issue_attachment", values, error);
}

/**
 * yishi_attachments_file_issue:
 * @serial: (out) (optional): the new matter's serial number
 *
 * Files a new matter (yishi_issue_store_add ()) and stores its attachments, all in
 * one transaction: when any attachment is refused, nothing is written.
 *
 * Returns: the new matter's id, or 0 with @error set
 */
gint64
yishi_attachments_file_issue (YishiDatabase             *database,
                              const YishiIssueDraft     *draft,
                              const YishiAttachmentNew  *attachments,
                              guint                      n_attachments,
                              char                     **serial,
                              GError                   **error)
{
  g_autofree char *number = NULL;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (attachments != NULL || n_attachments == 0, 0);

  /* Check the files first: a refused file should not cost a serial number. */
  for (guint i = 0; i < n_attachments; i++)
    if (!yishi_attachments_check (attachments[i].file_name, attachments[i].mime_type,
                                  attachments[i].data ? g_bytes_get_size (attachments[i].data) : 0,
                                  error))
      return 0;

  if (!yishi_database_begin (database, error))
    return 0;
  id = yishi_issue_store_add (database, draft, &number, error);
  if (id == 0)
    goto fail;
  for (guint i = 0; i < n_attachments; i++)
    if (yishi_attachments_add (database, id, attachments[i].file_name, attachments[i].mime_type,
                               attachments[i].data, attachments[i].thumbnail, error) == 0)
      goto fail;
  if (!yishi_database_commit (database, error))
    goto fail;

  if (serial != NULL)
    *serial = g_steal_pointer (&number);
  return id;

fail:
  yishi_database_rollback (database);
  return 0;
}

/**
 * yishi_attachments_list:
 *
 * Returns: (transfer full) (element-type YishiAttachment): the attachments of
 *   @issue_id, oldest first, or %NULL with @error set
 */
GPtrArray *
yishi_attachments_list (YishiDatabase  *database,
                        gint64          issue_id,
                        GError        **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database,
                                 "SELECT id, file_name, mime_type, length (data), thumbnail,"
                                 " added_at FROM issue_attachment WHERE issue_id = ?"
                                 " ORDER BY added_at, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, issue_id);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_attachment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiAttachment *attachment = g_new0 (YishiAttachment, 1);

      attachment->id = sqlite3_column_int64 (stmt, 0);
      attachment->file_name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      attachment->mime_type = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      attachment->size = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_type (stmt, 4) == SQLITE_BLOB)
        attachment->thumbnail = g_bytes_new (sqlite3_column_blob (stmt, 4),
                                             (gsize)sqlite3_column_bytes (stmt, 4));
      attachment->added_at = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (items, attachment);
    }
  if (rc != SQLITE_DONE)
    {
      yishi_database_set_error (database, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * yishi_attachments_get_data:
 *
 * Returns: (transfer full): the stored file, or %NULL with @error set
 */
GBytes *
yishi_attachments_get_data (YishiDatabase  *database,
                            gint64          id,
                            GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  stmt = yishi_database_prepare (database, "SELECT data FROM issue_attachment WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                   _("The attachment does not exist."));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize)sqlite3_column_bytes (stmt, 0));
}
