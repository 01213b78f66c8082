/* yishi-values.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include "yishi-values.h"

typedef struct
{
  char *column;
  YishiValueKind kind;
  gint64 i;
  double d;
  char *text;
  GBytes *blob;
} Value;

struct _YishiValues
{
  GArray *values;
};

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_free (value->column);
  g_free (value->text);
  g_clear_pointer (&value->blob, g_bytes_unref);
}

YishiValues *
yishi_values_new (void)
{
  YishiValues *values = g_new0 (YishiValues, 1);

  values->values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (values->values, value_clear);
  return values;
}

void
yishi_values_free (YishiValues *values)
{
  if (values == NULL)
    return;
  g_array_unref (values->values);
  g_free (values);
}

/* Setting a column twice replaces the earlier value. */
static Value *
slot (YishiValues *values,
      const char  *column)
{
  Value fresh = { 0 };

  g_assert (values != NULL);
  g_assert (column != NULL);

  for (guint i = 0; i < values->values->len; i++)
    {
      Value *value = &g_array_index (values->values, Value, i);

      if (g_str_equal (value->column, column))
        {
          g_clear_pointer (&value->text, g_free);
          g_clear_pointer (&value->blob, g_bytes_unref);
          return value;
        }
    }

  fresh.column = g_strdup (column);
  g_array_append_val (values->values, fresh);
  return &g_array_index (values->values, Value, values->values->len - 1);
}

void
yishi_values_set_null (YishiValues *values,
                       const char  *column)
{
  slot (values, column)->kind = YISHI_VALUE_NULL;
}

void
yishi_values_set_int (YishiValues *values,
                      const char  *column,
                      gint64       i)
{
  Value *value = slot (values, column);

  value->kind = YISHI_VALUE_INT;
  value->i = i;
}

void
yishi_values_set_double (YishiValues *values,
                         const char  *column,
                         double       d)
{
  Value *value = slot (values, column);

  value->kind = YISHI_VALUE_DOUBLE;
  value->d = d;
}

void
yishi_values_set_text (YishiValues *values,
                       const char  *column,
                       const char  *text)
{
  Value *value = slot (values, column);

  if (text == NULL)
    {
      value->kind = YISHI_VALUE_NULL;
      return;
    }
  value->kind = YISHI_VALUE_TEXT;
  value->text = g_strdup (text);
}

void
yishi_values_set_blob (YishiValues *values,
                       const char  *column,
                       GBytes      *blob)
{
  Value *value = slot (values, column);

  if (blob == NULL)
    {
      value->kind = YISHI_VALUE_NULL;
      return;
    }
  value->kind = YISHI_VALUE_BLOB;
  value->blob = g_bytes_ref (blob);
}

guint
yishi_values_get_length (YishiValues *values)
{
  return values->values->len;
}

static Value *
nth (YishiValues *values,
     guint        index)
{
  g_assert (index < values->values->len);
  return &g_array_index (values->values, Value, index);
}

const char *
yishi_values_get_column (YishiValues *values,
                         guint        index)
{
  return nth (values, index)->column;
}

YishiValueKind
yishi_values_get_kind (YishiValues *values,
                       guint        index)
{
  return nth (values, index)->kind;
}

gint64
yishi_values_get_int (YishiValues *values,
                      guint        index)
{
  return nth (values, index)->i;
}

double
yishi_values_get_double (YishiValues *values,
                         guint        index)
{
  return nth (values, index)->d;
}

const char *
yishi_values_get_text (YishiValues *values,
                       guint        index)
{
  return nth (values, index)->text;
}

GBytes *
yishi_values_get_blob (YishiValues *values,
                       guint        index)
{
  return nth (values, index)->blob;
}

gboolean
yishi_values_has (YishiValues *values,
                  const char  *column)
{
  for (guint i = 0; i < values->values->len; i++)
    if (g_str_equal (nth (values, i)->column, column))
      return TRUE;
  return FALSE;
}
