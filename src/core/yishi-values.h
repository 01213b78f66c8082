/* yishi-values.h — column values for one row written through YishiDatabase.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  YISHI_VALUE_NULL,
  YISHI_VALUE_INT,
  YISHI_VALUE_DOUBLE,
  YISHI_VALUE_TEXT,
  YISHI_VALUE_BLOB,
} YishiValueKind;

typedef struct _YishiValues YishiValues;

YishiValues    *yishi_values_new         (void);
void            yishi_values_free        (YishiValues *values);
void            yishi_values_set_null    (YishiValues *values,
                                          const char  *column);
void            yishi_values_set_int     (YishiValues *values,
                                          const char  *column,
                                          gint64       value);
void            yishi_values_set_double  (YishiValues *values,
                                          const char  *column,
                                          double       value);
void            yishi_values_set_text    (YishiValues *values,
                                          const char  *column,
                                          const char  *value);
void            yishi_values_set_blob    (YishiValues *values,
                                          const char  *column,
                                          GBytes      *value);
guint           yishi_values_get_length  (YishiValues *values);
const char     *yishi_values_get_column  (YishiValues *values,
                                          guint        index);
YishiValueKind  yishi_values_get_kind    (YishiValues *values,
                                          guint        index);
gint64          yishi_values_get_int     (YishiValues *values,
                                          guint        index);
double          yishi_values_get_double  (YishiValues *values,
                                          guint        index);
const char     *yishi_values_get_text    (YishiValues *values,
                                          guint        index);
GBytes         *yishi_values_get_blob    (YishiValues *values,
                                          guint        index);
gboolean        yishi_values_has         (YishiValues *values,
                                          const char  *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiValues, yishi_values_free)

G_END_DECLS
