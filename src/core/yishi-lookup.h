/* yishi-lookup.h — short lists for pickers: categories, places, people, organisations.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *label;    /* what the picker shows */
  char *detail;   /* a second line: grid of a building, phone tail of a person … */
  gint64 parent;  /* grid of a building, building of a person's home, 0 */
} YishiLookupItem;

typedef enum
{
  YISHI_LOOKUP_CATEGORIES,
  YISHI_LOOKUP_GRIDS,
  YISHI_LOOKUP_BUILDINGS,
  YISHI_LOOKUP_ORGANISATIONS,
} YishiLookupKind;

GPtrArray *yishi_lookup_list         (YishiDatabase   *database,
                                      YishiLookupKind  kind,
                                      GError         **error);
GPtrArray *yishi_lookup_people       (YishiDatabase   *database,
                                      const char      *text,
                                      guint            limit,
                                      GError         **error);
void       yishi_lookup_item_free    (YishiLookupItem *item);

G_END_DECLS
