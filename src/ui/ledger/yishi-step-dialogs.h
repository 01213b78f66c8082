/* yishi-step-dialogs.h — the forms that take a matter one step further.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-issue-store.h"

G_BEGIN_DECLS

/* The step that is not a state: a reminder to the responsible party (督办). */
#define YISHI_STEP_CHASE "chase"

#define YISHI_TYPE_STEP_DIALOG (yishi_step_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiStepDialog, yishi_step_dialog, YISHI, STEP_DIALOG, AdwWindow)

YishiStepDialog *yishi_step_dialog_new              (GtkWindow              *parent,
                                                     YishiDatabase          *database,
                                                     const YishiIssueDetail *detail,
                                                     const char             *step);
const char      *yishi_step_dialog_get_step         (YishiStepDialog        *self);
gint64           yishi_step_dialog_get_issue_id     (YishiStepDialog        *self);

void             yishi_step_dialog_set_note         (YishiStepDialog        *self,
                                                     const char             *note);
void             yishi_step_dialog_set_triage       (YishiStepDialog        *self,
                                                     const YishiIssueTriage *triage);
void             yishi_step_dialog_set_feedback     (YishiStepDialog        *self,
                                                     const char             *rating,
                                                     const char             *unreachable_reason);
void             yishi_step_dialog_set_merge_target (YishiStepDialog        *self,
                                                     const char             *serial);
guint            yishi_step_dialog_get_n_candidates (YishiStepDialog        *self);

gboolean         yishi_step_dialog_apply            (YishiStepDialog        *self,
                                                     GError                **error);
const char      *yishi_step_dialog_get_error        (YishiStepDialog        *self);

G_END_DECLS
