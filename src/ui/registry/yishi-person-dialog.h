/* yishi-person-dialog.h — one person of the registry: who they are, their home and its
 * history, and (for a saved person) their party membership, roles and points.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PERSON_DIALOG (yishi_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiPersonDialog, yishi_person_dialog, YISHI, PERSON_DIALOG, AdwWindow)

/* Signals:
 *   "saved"   (gint64 person_id): the person was added (the dialog closes) or updated
 *   "deleted" (const char *batch): the person was deleted (the dialog closes); the batch
 *             undoes it with yishi_registry_undelete ()
 *
 * Returns: (transfer none): the dialog, not yet presented; @person_id 0 for a new person,
 *   living at @household_id when not 0 */
GtkWindow  *yishi_person_dialog_new              (GtkWindow         *parent,
                                                  YishiDatabase     *database,
                                                  gint64             person_id,
                                                  gint64             household_id);

gint64      yishi_person_dialog_get_person_id    (YishiPersonDialog *self);
/* Saves as the Save button does; on error the message is shown in the dialog, which
 * keeps what was typed. */
gboolean    yishi_person_dialog_save             (YishiPersonDialog *self,
                                                  GError           **error);
/* For tests: the person the typed ID number belongs to after a refused save, or 0. */
gint64      yishi_person_dialog_get_duplicate_id (YishiPersonDialog *self);
const char *yishi_person_dialog_get_error        (YishiPersonDialog *self);

G_END_DECLS
