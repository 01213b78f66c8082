/* yishi-issue-machine.c
 *
 * 收集 → 分流 → 办理/协商 → 公示 → 落实 → 回访 → 评价 → 销号, as a table of allowed steps.
 * Every step is a timeline event; the kind of event follows from the step.
 *
 *   received ─┬─ triaged ─┬─ dispatched ── in_progress ─┬─ answered ── visited ── closed
 *             │           ├─ in_progress (handle at once) └─ in_deliberation ─ publicised
 *             │           └─ in_deliberation ─ publicised ─ implementing ─ answered
 *             └─ rejected (not accepted, with a reason) ─ received (reconsidered)
 *   any open state ─ merged (into another matter)
 *   answered / visited (dissatisfied) / closed ─ in_progress (reopened)
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-issue-machine.h"

typedef struct
{
  const char *from;
  const char *next[7];
} Steps;

static const Steps steps[] = {
  { "received", { "triaged", "rejected", "merged", NULL } },
  { "triaged", { "dispatched", "in_progress", "in_deliberation", "rejected", "merged", NULL } },
  { "dispatched", { "in_progress", "in_deliberation", "merged", NULL } },
  { "in_progress", { "answered", "in_deliberation", "merged", NULL } },
  { "in_deliberation", { "publicised", "in_progress", "merged", NULL } },
  { "publicised", { "implementing", NULL } },
  { "implementing", { "answered", NULL } },
  { "answered", { "visited", "in_progress", NULL } },
  { "visited", { "closed", "in_progress", NULL } },
  { "closed", { "in_progress", NULL } },
  { "rejected", { "received", NULL } },
  { "merged", { NULL } },
};

static const Steps *
find (const char *from)
{
  if (from == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].from, from))
      return &steps[i];
  return NULL;
}

gboolean
yishi_issue_state_is_valid (const char *state)
{
  return find (state) != NULL;
}

gboolean
yishi_issue_state_is_open (const char *state)
{
  return yishi_issue_state_is_valid (state) && g_strcmp0 (state, "closed") != 0 &&
         g_strcmp0 (state, "rejected") != 0 && g_strcmp0 (state, "merged") != 0;
}

gboolean
yishi_issue_machine_allows (const char *from,
                            const char *to)
{
  const Steps *s = find (from);

  if (s == NULL || to == NULL)
    return FALSE;
  for (guint i = 0; s->next[i] != NULL; i++)
    if (g_str_equal (s->next[i], to))
      return TRUE;
  return FALSE;
}

/* Returns: (transfer none): the states reachable from @from in one step */
const char *const *
yishi_issue_machine_next (const char *from)
{
  static const char *const none[] = { NULL };
  const Steps *s = find (from);

  return s ? s->next : none;
}

/* The timeline event that records the step from @from to @to. */
const char *
yishi_issue_machine_event_kind (const char *from,
                                const char *to)
{
  static const struct
  {
    const char *to;
    const char *kind;
  } kinds[] = {
    { "triaged", "triage" },       { "dispatched", "dispatch" }, { "in_progress", "handle" },
    { "answered", "answer" },      { "in_deliberation", "to_meeting" },
    { "publicised", "publicise" }, { "implementing", "progress" }, { "visited", "visit" },
    { "closed", "close" },         { "rejected", "reject" },     { "merged", "merge" },
    { "received", "reopen" },
  };

  g_return_val_if_fail (yishi_issue_machine_allows (from, to), NULL);

  /* Going back to work on a matter that was answered, followed up or closed. */
  if (g_str_equal (to, "in_progress") &&
      (g_str_equal (from, "answered") || g_str_equal (from, "visited") || g_str_equal (from, "closed")))
    return "reopen";
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].to, to))
      return kinds[i].kind;
  g_assert_not_reached ();
}

/* A verb for the button that takes a matter to @to. */
const char *
yishi_issue_machine_step_label (const char *to)
{
  static const struct
  {
    const char *to;
    const char *label;
  } labels[] = {
    { "triaged", N_("Triage") },        { "dispatched", N_("Dispatch") },
    { "in_progress", N_("Start Work") }, { "answered", N_("Record Answer") },
    { "in_deliberation", N_("Send to Meeting") }, { "publicised", N_("Publicise") },
    { "implementing", N_("Implement") }, { "visited", N_("Record Feedback") },
    { "closed", N_("Close") },           { "rejected", N_("Not Accepted") },
    { "merged", N_("Merge…") },          { "received", N_("Reconsider") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].to, to) == 0)
      return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
  return to;
}
