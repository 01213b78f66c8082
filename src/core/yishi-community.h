/* yishi-community.h — the community this file belongs to.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id; /* 0 until saved */
  char *name;
  char *street_office;
  char *district;
  char *address;
  char *supervision_phone;
} YishiCommunity;

YishiCommunity *yishi_community_new            (void);
void            yishi_community_free           (YishiCommunity  *community);
YishiCommunity *yishi_community_load           (YishiDatabase   *database,
                                                GError         **error);
gboolean        yishi_community_validate       (YishiCommunity  *community,
                                                GError         **error);
gboolean        yishi_community_save           (YishiDatabase   *database,
                                                YishiCommunity  *community,
                                                GError         **error);
gboolean        yishi_phone_is_valid           (const char      *phone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCommunity, yishi_community_free)

G_END_DECLS
