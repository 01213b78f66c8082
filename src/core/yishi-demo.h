/* yishi-demo.h — deterministic, realistic demo databases.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  YISHI_DEMO_SCALE_COMMUNITY, /* ≈ 5,000 people, 1,500 matters, 60 meetings */
  YISHI_DEMO_SCALE_STREET,    /* ≈ 60,000 people, 15,000 matters, 600 meetings */
  YISHI_DEMO_SCALE_DISTRICT,  /* ≈ 1,000,000 people, 200,000 matters, 6,000 meetings */
} YishiDemoScale;

typedef struct
{
  gint64 people;
  gint64 households;
  gint64 buildings;
  gint64 grids;
  gint64 issues;
  gint64 meetings;
} YishiDemoTargets;

/* Called now and then with a fraction in [0, 1]. */
typedef void (*YishiDemoProgress) (double   fraction,
                                   gpointer user_data);

gboolean  yishi_demo_scale_from_string (const char        *text,
                                        YishiDemoScale    *scale);
void      yishi_demo_get_targets       (YishiDemoScale     scale,
                                        YishiDemoTargets  *targets);
gboolean  yishi_demo_generate          (const char        *path,
                                        YishiDemoScale     scale,
                                        guint32            seed,
                                        const char        *today,
                                        YishiDemoProgress  progress,
                                        gpointer           user_data,
                                        GCancellable      *cancellable,
                                        GError           **error);

G_END_DECLS
