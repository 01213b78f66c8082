/* yishi-validate.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "yishi-database.h"

#include "yishi-validate.h"

/**
 * yishi_validate_text:
 * @field: the field's name as the user knows it, e.g. "The title"
 *
 * Refuses invalid UTF-8, a missing required value, more than @max_chars characters and
 * control characters (newlines and tabs are allowed with %YISHI_TEXT_MULTILINE).
 */
gboolean
yishi_validate_text (const char      *value,
                     const char      *field,
                     gsize            max_chars,
                     YishiTextFlags   flags,
                     GError         **error)
{
  gsize length = 0;

  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("%s contains invalid text."), field);
      return FALSE;
    }
  if ((flags & YISHI_TEXT_REQUIRED) != 0)
    {
      gboolean blank = TRUE;

      for (const char *p = value; *p && blank; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));
      if (blank)
        {
          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                       _("%s is required."), field);
          return FALSE;
        }
    }
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      length++;
      if ((flags & YISHI_TEXT_MULTILINE) != 0 && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        {
          g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                       _("%s contains control characters."), field);
          return FALSE;
        }
    }
  if (length > max_chars)
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("%s is too long (%zu characters; at most %zu)."), field, length, max_chars);
      return FALSE;
    }
  return TRUE;
}

/* A real calendar date written YYYY-MM-DD. */
gboolean
yishi_validate_date (const char  *value,
                     const char  *field,
                     GError     **error)
{
  int y, m, d;
  char tail;

  if (value == NULL || sscanf (value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      strlen (value) != 10 || y < 2000 || y > 2999 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                   _("%s must be a date written YYYY-MM-DD."), field);
      return FALSE;
    }
  return TRUE;
}
