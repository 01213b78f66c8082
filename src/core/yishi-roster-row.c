/* yishi-roster-row.c — one data row of an imported roster: its repaired values and its
 * verdict.
 *
 * A roster has up to 10⁵–10⁶ rows, so a row keeps its values in one block of memory.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <string.h>

#include "yishi-roster-import.h"

struct _YishiRosterRow
{
  GObject parent_instance;

  guint source_row;
  guint sheet_row;
  YishiRosterVerdict verdict;
  char *block;                              /* the values, NUL-separated */
  const char *values[N_YISHI_ROSTER_FIELDS]; /* into @block, or NULL */
  char *reason;                             /* NULL for "" */
  char *repairs;                            /* NULL for "" */
};

G_DEFINE_FINAL_TYPE (YishiRosterRow, yishi_roster_row, G_TYPE_OBJECT)

static void
yishi_roster_row_finalize (GObject *object)
{
  YishiRosterRow *self = (YishiRosterRow *)object;

  g_clear_pointer (&self->block, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->repairs, g_free);

  G_OBJECT_CLASS (yishi_roster_row_parent_class)->finalize (object);
}

static void
yishi_roster_row_class_init (YishiRosterRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_roster_row_finalize;
}

static void
yishi_roster_row_init (YishiRosterRow *self)
{
  self->verdict = YISHI_ROSTER_ROW_NEW;
}

YishiRosterRow *
yishi_roster_row_new (guint              source_row,
                      guint              sheet_row,
                      const char *const *values)
{
  YishiRosterRow *self = g_object_new (YISHI_TYPE_ROSTER_ROW, NULL);
  gsize lengths[N_YISHI_ROSTER_FIELDS];
  gsize total = 0;
  char *p;

  self->source_row = source_row;
  self->sheet_row = sheet_row;

  for (guint i = 0; i < N_YISHI_ROSTER_FIELDS; i++)
    {
      lengths[i] = values[i] != NULL ? strlen (values[i]) + 1 : 0;
      total += lengths[i];
    }
  if (total == 0)
    return self;

  p = self->block = g_malloc (total);
  for (guint i = 0; i < N_YISHI_ROSTER_FIELDS; i++)
    if (values[i] != NULL)
      {
        memcpy (p, values[i], lengths[i]);
        self->values[i] = p;
        p += lengths[i];
      }
  return self;
}

void
yishi_roster_row_set_verdict (YishiRosterRow     *self,
                              YishiRosterVerdict  verdict,
                              const char         *reason,
                              const char         *repairs)
{
  g_return_if_fail (YISHI_IS_ROSTER_ROW (self));

  self->verdict = verdict;
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->repairs, g_free);
  if (reason != NULL && *reason != '\0')
    self->reason = g_strdup (reason);
  if (repairs != NULL && *repairs != '\0')
    self->repairs = g_strdup (repairs);
}

guint
yishi_roster_row_get_source_row (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), 0);

  return self->source_row;
}

guint
yishi_roster_row_get_sheet_row (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), 0);

  return self->sheet_row;
}

YishiRosterVerdict
yishi_roster_row_get_verdict (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), YISHI_ROSTER_ROW_REJECTED);

  return self->verdict;
}

const char *
yishi_roster_row_get_reason (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), "");

  return self->reason != NULL ? self->reason : "";
}

const char *
yishi_roster_row_get_repairs (YishiRosterRow *self)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), "");

  return self->repairs != NULL ? self->repairs : "";
}

const char *
yishi_roster_row_get_value (YishiRosterRow   *self,
                            YishiRosterField  field)
{
  g_return_val_if_fail (YISHI_IS_ROSTER_ROW (self), NULL);
  g_return_val_if_fail (field < N_YISHI_ROSTER_FIELDS, NULL);

  return self->values[field];
}
