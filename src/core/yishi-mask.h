/* yishi-mask.h — masking personal data for anything meant for the public.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  yishi_mask_has_compound_surname (const char *name);
char     *yishi_mask_name                 (const char *name);
char     *yishi_mask_phone                (const char *phone);
char     *yishi_mask_text                 (const char *text);
gboolean  yishi_mask_text_is_clean        (const char *text);

G_END_DECLS
