/* yishi-enums.h — the enumerations of the schema and their translated labels.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;    /* as stored in the database */
  const char *label;    /* untranslated; use yishi_enum_label () */
  const char *document; /* the Chinese term printed on documents */
} YishiEnumValue;

typedef enum
{
  YISHI_ENUM_ISSUE_STATE,
  YISHI_ENUM_CHANNEL,
  YISHI_ENUM_ROUTE,
  YISHI_ENUM_SCALE,
  YISHI_ENUM_URGENCY,
  YISHI_ENUM_ISSUE_KIND,
  YISHI_ENUM_MEETING_FORM,
  YISHI_ENUM_MEETING_STATE,
  YISHI_ENUM_ROLE,
  YISHI_ENUM_PARTY_CATEGORY,
  YISHI_ENUM_RESIDENCE_TYPE,
  YISHI_ENUM_SATISFACTION,
  YISHI_ENUM_GENDER,
  YISHI_ENUM_POLITICAL_STATUS,
  YISHI_ENUM_ORGANISATION_KIND,
  YISHI_ENUM_POST_KIND,
  YISHI_ENUM_TENURE,
  YISHI_ENUM_POINTS_KIND,
  N_YISHI_ENUMS
} YishiEnum;

const YishiEnumValue *yishi_enum_values (YishiEnum   which,
                                         guint      *n_values);
const char           *yishi_enum_label  (YishiEnum   which,
                                         const char *id);
const char           *yishi_enum_document_label (YishiEnum   which,
                                                 const char *id);

#define yishi_issue_state_to_label(id) yishi_enum_label (YISHI_ENUM_ISSUE_STATE, (id))
#define yishi_meeting_form_to_label(id) yishi_enum_label (YISHI_ENUM_MEETING_FORM, (id))
#define yishi_meeting_state_to_label(id) yishi_enum_label (YISHI_ENUM_MEETING_STATE, (id))

G_END_DECLS
