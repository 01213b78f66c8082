/* yishi-clock.h — the current time, overridable for tests and demo data.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *yishi_clock_now_utc     (void);
char      *yishi_clock_now_string  (void);
char      *yishi_clock_today       (void);
char      *yishi_clock_format_utc  (GDateTime *when);
char      *yishi_clock_format_local (const char *utc,
                                     const char *format);

G_END_DECLS
