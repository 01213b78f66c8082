/* yishi-points-dialog.h — the rules that turn service hours into points, and the levels.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_TYPE_POINTS_DIALOG (yishi_points_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiPointsDialog, yishi_points_dialog, YISHI, POINTS_DIALOG, AdwWindow)

/* Returns: (transfer none): the dialog, not yet presented */
GtkWindow  *yishi_points_dialog_new       (GtkWindow         *parent,
                                           YishiDatabase     *database);

/* For tests: the rows shown, and the message of the last refusal (or NULL). */
guint       yishi_points_dialog_get_n_rules  (YishiPointsDialog *self);
guint       yishi_points_dialog_get_n_levels (YishiPointsDialog *self);
const char *yishi_points_dialog_get_error    (YishiPointsDialog *self);

G_END_DECLS
