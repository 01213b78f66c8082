/* yishi-intake-dialog.h — filing a matter while the resident is on the phone (受理).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-issue-store.h"

G_BEGIN_DECLS

#define YISHI_TYPE_INTAKE_DIALOG (yishi_intake_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiIntakeDialog, yishi_intake_dialog, YISHI, INTAKE_DIALOG, AdwWindow)

/* Signals:
 *   "filed"  (gint64 id, const char *serial): a new matter was filed; the dialog closes
 *   "linked" (gint64 id): the caller was added to the open matter @id; the dialog closes
 */
GtkWindow *yishi_intake_dialog_new              (GtkWindow               *parent,
                                                 YishiDatabase           *database);

/* For tests, and for callers that know part of the matter already. */
void       yishi_intake_dialog_fill             (YishiIntakeDialog       *self,
                                                 const YishiIssueDraft   *draft);
gboolean   yishi_intake_dialog_submit           (YishiIntakeDialog       *self,
                                                 GError                 **error);
guint      yishi_intake_dialog_get_n_similar    (YishiIntakeDialog       *self);
gint64     yishi_intake_dialog_get_similar_id   (YishiIntakeDialog       *self,
                                                 guint                    index);
gboolean   yishi_intake_dialog_link_similar     (YishiIntakeDialog       *self,
                                                 guint                    index,
                                                 GError                 **error);
gboolean   yishi_intake_dialog_add_file         (YishiIntakeDialog       *self,
                                                 GFile                   *file,
                                                 GError                 **error);
guint      yishi_intake_dialog_get_n_attachments (YishiIntakeDialog      *self);
guint      yishi_intake_dialog_get_n_matches    (YishiIntakeDialog       *self);
gboolean   yishi_intake_dialog_pick_match       (YishiIntakeDialog       *self,
                                                 guint                    index);
const char *yishi_intake_dialog_get_error       (YishiIntakeDialog       *self);

G_END_DECLS
