/* yishi-issue.c
 *
 * Immutable: a changed matter is a new YishiIssue from the list model.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include "yishi-enums.h"

#include "yishi-issue.h"

struct _YishiIssue
{
  GObject parent_instance;

  gint64 id;
  char *serial;
  char *received;
  char *channel;
  char *category;
  char *title;
  char *place;
  char *responsible;
  char *deadline;
  char *state;
  char *urgency;
  YishiIssueDue due;
};

enum
{
  PROP_0,
  PROP_SERIAL,
  PROP_RECEIVED,
  PROP_CHANNEL,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_PLACE,
  PROP_RESPONSIBLE,
  PROP_DEADLINE,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_URGENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (YishiIssue, yishi_issue, G_TYPE_OBJECT)

static void
yishi_issue_finalize (GObject *object)
{
  YishiIssue *self = YISHI_ISSUE (object);

  g_free (self->serial);
  g_free (self->received);
  g_free (self->channel);
  g_free (self->category);
  g_free (self->title);
  g_free (self->place);
  g_free (self->responsible);
  g_free (self->deadline);
  g_free (self->state);
  g_free (self->urgency);

  G_OBJECT_CLASS (yishi_issue_parent_class)->finalize (object);
}

static void
yishi_issue_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  YishiIssue *self = YISHI_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SERIAL: g_value_set_string (value, self->serial); break;
    case PROP_RECEIVED: g_value_set_string (value, self->received); break;
    case PROP_CHANNEL: g_value_set_string (value, self->channel); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PLACE: g_value_set_string (value, self->place); break;
    case PROP_RESPONSIBLE: g_value_set_string (value, self->responsible); break;
    case PROP_DEADLINE: g_value_set_string (value, self->deadline); break;
    case PROP_STATE: g_value_set_string (value, self->state); break;
    case PROP_STATE_LABEL: g_value_set_string (value, yishi_issue_get_state_label (self)); break;
    case PROP_URGENCY: g_value_set_string (value, self->urgency); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_issue_class_init (YishiIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = yishi_issue_finalize;
  object_class->get_property = yishi_issue_get_property;

  properties[PROP_SERIAL] = g_param_spec_string ("serial", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_URGENCY] = g_param_spec_string ("urgency", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yishi_issue_init (YishiIssue *self)
{
}

YishiIssue *
yishi_issue_new (gint64        id,
                 const char   *serial,
                 const char   *received,
                 const char   *channel,
                 const char   *category,
                 const char   *title,
                 const char   *place,
                 const char   *responsible,
                 const char   *deadline,
                 const char   *state,
                 const char   *urgency,
                 YishiIssueDue due)
{
  YishiIssue *self = g_object_new (YISHI_TYPE_ISSUE, NULL);

  self->id = id;
  self->serial = g_strdup (serial ? serial : "");
  self->received = g_strdup (received ? received : "");
  self->channel = g_strdup (channel ? channel : "");
  self->category = g_strdup (category ? category : "");
  self->title = g_strdup (title ? title : "");
  self->place = g_strdup (place ? place : "");
  self->responsible = g_strdup (responsible ? responsible : "");
  self->deadline = g_strdup (deadline ? deadline : "");
  self->state = g_strdup (state ? state : "");
  self->urgency = g_strdup (urgency ? urgency : "");
  self->due = due;
  return self;
}

#define GETTER(field) \
  const char *yishi_issue_get_##field (YishiIssue *self) \
  { \
    g_return_val_if_fail (YISHI_IS_ISSUE (self), NULL); \
    return self->field; \
  }

GETTER (serial)
GETTER (received)
GETTER (channel)
GETTER (category)
GETTER (title)
GETTER (place)
GETTER (responsible)
GETTER (deadline)
GETTER (state)
GETTER (urgency)

#undef GETTER

gint64
yishi_issue_get_id (YishiIssue *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE (self), 0);
  return self->id;
}

const char *
yishi_issue_get_state_label (YishiIssue *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE (self), NULL);
  return yishi_enum_label (YISHI_ENUM_ISSUE_STATE, self->state);
}

YishiIssueDue
yishi_issue_get_due (YishiIssue *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE (self), YISHI_ISSUE_DUE_NONE);
  return self->due;
}
