/* yishi-issue-machine.h — the states of a matter and the steps between them.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The open states for SQL, as yishi_issue_state_is_open () decides them. */
#define YISHI_ISSUE_OPEN_STATES_SQL \
  "('received', 'triaged', 'dispatched', 'in_progress', 'answered', 'in_deliberation'," \
  " 'publicised', 'implementing', 'visited')"

gboolean            yishi_issue_state_is_valid     (const char *state);
gboolean            yishi_issue_state_is_open      (const char *state);
gboolean            yishi_issue_machine_allows     (const char *from,
                                                    const char *to);
const char *const  *yishi_issue_machine_next       (const char *from);
const char         *yishi_issue_machine_event_kind (const char *from,
                                                    const char *to);
const char         *yishi_issue_machine_step_label (const char *to);

G_END_DECLS
