/* yishi-migrations.h — numbered schema migrations from the GResource.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

gboolean yishi_migrations_run (YishiDatabase  *database,
                               GError        **error);

G_END_DECLS
