/* yishi-enums.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-enums.h"

static const YishiEnumValue issue_states[] = {
  { "received", N_("Received") },
  { "triaged", N_("Triaged") },
  { "dispatched", N_("Dispatched") },
  { "in_progress", N_("In progress") },
  { "answered", N_("Answered") },
  { "in_deliberation", N_("In deliberation") },
  { "publicised", N_("Publicised") },
  { "implementing", N_("Implementing") },
  { "visited", N_("Followed up") },
  { "closed", N_("Closed") },
  { "rejected", N_("Not accepted") },
  { "merged", N_("Merged") },
};

static const YishiEnumValue channels[] = {
  { "phone", N_("Phone call") },
  { "visit", N_("Office visit") },
  { "letter", N_("Letter") },
  { "wechat", N_("WeChat group") },
  { "hotline_12345", N_("12345 hotline") },
  { "door_to_door", N_("Door-to-door visit") },
  { "suggestion_box", N_("Suggestion box") },
  { "questionnaire", N_("Questionnaire") },
  { "forum", N_("Residents' forum") },
  { "grid_patrol", N_("Grid patrol") },
  { "online", N_("Online platform") },
};

static const YishiEnumValue routes[] = {
  { "immediate", N_("Handle at once") },
  { "community_office", N_("Community office") },
  { "council", N_("Deliberation council") },
  { "street_workstation", N_("Street workstation") },
  { "transfer", N_("Transferred") },
  { "rejected", N_("Not accepted") },
  { "merged", N_("Merged") },
};

static const YishiEnumValue scales[] = {
  { "major", N_("Major") },
  { "minor", N_("Minor") },
  { "micro", N_("Micro") },
};

static const YishiEnumValue urgencies[] = {
  { "red", N_("Urgent") },
  { "yellow", N_("Important") },
  { "blue", N_("Routine") },
};

static const YishiEnumValue issue_kinds[] = {
  { "problem", N_("Problem") },
  { "need", N_("Need") },
};

static const YishiEnumValue meeting_forms[] = {
  { "council", N_("Deliberation council") },
  { "democratic_forum", N_("Democratic forum") },
  { "hearing", N_("Hearing") },
  { "appraisal", N_("Appraisal meeting") },
  { "residents_forum", N_("Residents' forum") },
  { "round_table", N_("Round table") },
  { "bench_meeting", N_("Courtyard bench meeting") },
  { "evening_talk", N_("Grid evening talk") },
  { "online", N_("Online deliberation") },
};

static const YishiEnumValue meeting_states[] = {
  { "planned", N_("Planned") },
  { "noticed", N_("Announced") },
  { "held", N_("Held") },
  { "cancelled", N_("Cancelled") },
};

static const YishiEnumValue roles[] = {
  { "grid_leader", N_("Grid leader") },
  { "grid_worker", N_("Grid worker") },
  { "building_leader", N_("Building leader") },
  { "unit_leader", N_("Unit leader") },
  { "resident_representative", N_("Residents' representative") },
  { "deliberator", N_("Deliberator") },
  { "mediator", N_("Mediator") },
  { "volunteer", N_("Volunteer") },
  { "capable_resident", N_("Capable resident") },
};

static const YishiEnumValue party_categories[] = {
  { "direct", N_("Directly managed") },
  { "in_service", N_("In service") },
  { "floating", N_("Floating") },
  { "retired", N_("Retired") },
};

static const YishiEnumValue residence_types[] = {
  { "registered", N_("Registered") },
  { "resident", N_("Resident") },
  { "floating", N_("Floating") },
  { "tenant", N_("Tenant") },
};

static const YishiEnumValue satisfactions[] = {
  { "satisfied", N_("Satisfied") },
  { "basically_satisfied", N_("Basically satisfied") },
  { "not_quite_satisfied", N_("Not quite satisfied") },
  { "dissatisfied", N_("Dissatisfied") },
};

static const struct
{
  const YishiEnumValue *values;
  guint n_values;
} tables[N_YISHI_ENUMS] = {
#define TABLE(t) { t, G_N_ELEMENTS (t) }
  [YISHI_ENUM_ISSUE_STATE] = TABLE (issue_states),
  [YISHI_ENUM_CHANNEL] = TABLE (channels),
  [YISHI_ENUM_ROUTE] = TABLE (routes),
  [YISHI_ENUM_SCALE] = TABLE (scales),
  [YISHI_ENUM_URGENCY] = TABLE (urgencies),
  [YISHI_ENUM_ISSUE_KIND] = TABLE (issue_kinds),
  [YISHI_ENUM_MEETING_FORM] = TABLE (meeting_forms),
  [YISHI_ENUM_MEETING_STATE] = TABLE (meeting_states),
  [YISHI_ENUM_ROLE] = TABLE (roles),
  [YISHI_ENUM_PARTY_CATEGORY] = TABLE (party_categories),
  [YISHI_ENUM_RESIDENCE_TYPE] = TABLE (residence_types),
  [YISHI_ENUM_SATISFACTION] = TABLE (satisfactions),
#undef TABLE
};

const YishiEnumValue *
yishi_enum_values (YishiEnum  which,
                   guint     *n_values)
{
  g_return_val_if_fail (which < N_YISHI_ENUMS, NULL);

  if (n_values != NULL)
    *n_values = tables[which].n_values;
  return tables[which].values;
}

/* Returns: the translated label, or @id itself when it is not a known value */
const char *
yishi_enum_label (YishiEnum   which,
                  const char *id)
{
  g_return_val_if_fail (which < N_YISHI_ENUMS, id);

  if (id == NULL)
    return "";
  for (guint i = 0; i < tables[which].n_values; i++)
    if (g_str_equal (tables[which].values[i].id, id))
      return g_dgettext (GETTEXT_PACKAGE, tables[which].values[i].label);
  return id;
}
