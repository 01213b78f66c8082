/* yishi-calendar.h — working days: weekends, public holidays and adjusted working days.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

typedef struct _YishiCalendar YishiCalendar;

YishiCalendar *yishi_calendar_load             (YishiDatabase  *database,
                                                GError        **error);
void           yishi_calendar_free             (YishiCalendar  *calendar);
void           yishi_calendar_set_day          (YishiCalendar  *calendar,
                                                const char     *date,
                                                gboolean        working);
gboolean       yishi_calendar_is_working_day   (YishiCalendar  *calendar,
                                                const char     *date);
char          *yishi_calendar_add_working_days (YishiCalendar  *calendar,
                                                const char     *date,
                                                guint           days);
guint          yishi_calendar_working_days_between (YishiCalendar *calendar,
                                                    const char    *from,
                                                    const char    *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCalendar, yishi_calendar_free)

G_END_DECLS
