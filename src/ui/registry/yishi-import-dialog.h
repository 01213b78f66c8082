/* yishi-import-dialog.h — importing a roster (.xlsx, .csv): the file, the columns, the
 * verdict of every row, then the import in one transaction.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"

G_BEGIN_DECLS

/* From yishi-roster-import.h, which callers that look into the import include. */
typedef struct _YishiRosterImport YishiRosterImport;

#define YISHI_TYPE_IMPORT_DIALOG (yishi_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiImportDialog, yishi_import_dialog, YISHI, IMPORT_DIALOG, AdwWindow)

/* Signals:
 *   "imported" (guint n_imported): the import was written (on a connection of its own;
 *              @database has been told which tables changed)
 *
 * Returns: (transfer none): the dialog, not yet presented */
GtkWindow         *yishi_import_dialog_new           (GtkWindow         *parent,
                                                      YishiDatabase     *database);

/* Starts on @file as if it had been chosen or dropped: it is read in a thread. */
void               yishi_import_dialog_open_file     (YishiImportDialog *self,
                                                      GFile             *file);

/* The step shown: "choose", "busy", "failed", "mapping", "preview" or "result". */
const char        *yishi_import_dialog_get_step      (YishiImportDialog *self);
/* Whether work runs in a thread (reading, checking or importing). */
gboolean           yishi_import_dialog_is_busy       (YishiImportDialog *self);
/* The message shown on the "failed" step or over the preview, or NULL. */
const char        *yishi_import_dialog_get_error     (YishiImportDialog *self);
/* Returns: (transfer none) (nullable): the import of the file read */
YishiRosterImport *yishi_import_dialog_get_import    (YishiImportDialog *self);
/* Returns: (transfer none) (nullable): the rows the preview shows (all, or only the
 * rejected ones when the filter is on) */
GListModel        *yishi_import_dialog_get_shown_rows (YishiImportDialog *self);
/* Writes the rejected rows as the "Save Rejected Rows…" button does. */
gboolean           yishi_import_dialog_save_rejected (YishiImportDialog *self,
                                                      const char        *path,
                                                      GError           **error);

G_END_DECLS
