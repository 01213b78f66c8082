/* yishi-attachments.h — photos and files kept with a matter (issue_attachment).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"
#include "yishi-issue-store.h"

G_BEGIN_DECLS

/* Files bigger than this are refused: the database is backed up every day. */
#define YISHI_ATTACHMENT_MAX_BYTES (20 * 1024 * 1024)
#define YISHI_ATTACHMENT_NAME_MAX 200
#define YISHI_ATTACHMENT_MIME_MAX 100

/* One stored attachment, without its data (see yishi_attachments_get_data ()). */
typedef struct
{
  gint64 id;
  char *file_name;
  char *mime_type;
  gint64 size;       /* bytes of the data */
  GBytes *thumbnail; /* PNG, or NULL */
  char *added_at;    /* UTC ISO-8601 */
} YishiAttachment;

/* An attachment to store, for yishi_attachments_file_issue (). */
typedef struct
{
  const char *file_name;
  const char *mime_type; /* NULL: application/octet-stream */
  GBytes *data;
  GBytes *thumbnail;     /* PNG, or NULL */
} YishiAttachmentNew;

gboolean    yishi_attachments_check      (const char                *file_name,
                                          const char                *mime_type,
                                          guint64                    size,
                                          GError                   **error);
gint64      yishi_attachments_add        (YishiDatabase             *database,
                                          gint64                     issue_id,
                                          const char                *file_name,
                                          const char                *mime_type,
                                          GBytes                    *data,
                                          GBytes                    *thumbnail,
                                          GError                   **error);
gint64      yishi_attachments_file_issue (YishiDatabase             *database,
                                          const YishiIssueDraft     *draft,
                                          const YishiAttachmentNew  *attachments,
                                          guint                      n_attachments,
                                          char                     **serial,
                                          GError                   **error);
GPtrArray  *yishi_attachments_list       (YishiDatabase             *database,
                                          gint64                     issue_id,
                                          GError                   **error);
GBytes     *yishi_attachments_get_data   (YishiDatabase             *database,
                                          gint64                     id,
                                          GError                   **error);
void        yishi_attachment_free        (YishiAttachment           *attachment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiAttachment, yishi_attachment_free)

G_END_DECLS
