/* yishi-organisations-dialog.h — the units, property companies, owners' committees and
 * social organisations in the area, with their contacts.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-registry.h"

G_BEGIN_DECLS

#define YISHI_TYPE_ORGANISATIONS_DIALOG (yishi_organisations_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiOrganisationsDialog, yishi_organisations_dialog, YISHI,
                      ORGANISATIONS_DIALOG, AdwWindow)

/* Returns: (transfer none): the dialog, not yet presented */
GtkWindow  *yishi_organisations_dialog_new       (GtkWindow                *parent,
                                                  YishiDatabase            *database);

/* For tests: the organisations listed; putting one (or a new one, @id 0) in the editor,
 * filling it and saving or deleting it as the buttons do. */
guint       yishi_organisations_dialog_get_n_items (YishiOrganisationsDialog *self);
void        yishi_organisations_dialog_edit      (YishiOrganisationsDialog *self,
                                                  gint64                    id);
void        yishi_organisations_dialog_fill      (YishiOrganisationsDialog *self,
                                                  const YishiOrganisation  *organisation);
gboolean    yishi_organisations_dialog_save      (YishiOrganisationsDialog *self,
                                                  GError                  **error);
gboolean    yishi_organisations_dialog_delete    (YishiOrganisationsDialog *self,
                                                  GError                  **error);
const char *yishi_organisations_dialog_get_error (YishiOrganisationsDialog *self);

G_END_DECLS
