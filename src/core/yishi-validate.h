/* yishi-validate.h — checks of what users type, with translated messages.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  YISHI_TEXT_OPTIONAL = 0,
  YISHI_TEXT_REQUIRED = 1 << 0,
  YISHI_TEXT_MULTILINE = 1 << 1, /* newlines and tabs allowed */
} YishiTextFlags;

gboolean yishi_validate_text  (const char      *value,
                               const char      *field,
                               gsize            max_chars,
                               YishiTextFlags   flags,
                               GError         **error);
gboolean yishi_validate_date  (const char      *value,
                               const char      *field,
                               GError         **error);

G_END_DECLS
