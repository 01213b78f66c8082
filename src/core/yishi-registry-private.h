/* yishi-registry-private.h — shared by the registry's own files (yishi-registry*.c).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-validate.h"

#include "yishi-registry.h"

G_BEGIN_DECLS

/* The longest name of a grid, building, unit or room. */
#define YISHI_REGISTRY_NODE_NAME_MAX 40

typedef struct
{
  const char *table;         /* "grid" */
  const char *parent_column; /* "community_id"; NULL for the community */
  const char *name_column;   /* "name", "room" for households */
} YishiNodeTable;

const YishiNodeTable *yishi_registry_node_table (YishiNodeKind kind);

/* Sets a literal YISHI_REGISTRY_ERROR and returns FALSE. */
gboolean  yishi_registry_fail        (GError            **error,
                                      YishiRegistryError  code,
                                      const char         *message);
/* Moves @local (any domain) into @error as YISHI_REGISTRY_ERROR_INVALID; returns FALSE. */
gboolean  yishi_registry_take_invalid (GError           **error,
                                      GError             *local);
/* yishi_validate_text () with its error as YISHI_REGISTRY_ERROR_INVALID. */
gboolean  yishi_registry_check_text  (const char         *value,
                                      const char         *field,
                                      gsize               max_chars,
                                      YishiTextFlags      flags,
                                      GError            **error);
/* A real date written YYYY-MM-DD between 1900 and 2100; not after today unless
 * @allow_future.  NULL is not a date. */
gboolean  yishi_registry_check_date  (const char         *value,
                                      const char         *field,
                                      gboolean            allow_future,
                                      GError            **error);
gboolean  yishi_registry_enum_has    (YishiEnum           which,
                                      const char         *id);
/* Commits when @ok, else rolls back. */
gboolean  yishi_registry_finish      (YishiDatabase      *database,
                                      gboolean            ok,
                                      GError            **error);
/* Strips ASCII white space, U+3000 and U+00A0 at both ends. */
char     *yishi_registry_trim        (const char         *text);
/* The node exists and is not deleted (the community: exists). */
gboolean  yishi_registry_node_is_live (YishiDatabase     *database,
                                      YishiNodeKind       kind,
                                      gint64              id);
/* The first community's id, or 0. */
gint64    yishi_registry_community_id (YishiDatabase     *database);
/* Hides one row of @table (audited) under a fresh batch token, which it returns. */
char     *yishi_registry_hide_row    (YishiDatabase      *database,
                                      const char         *table,
                                      gint64              id,
                                      GError            **error);
/* Natural order: runs of digits (ASCII, full-width, Chinese numerals) compare as numbers. */
int       yishi_registry_natural_compare (const char     *a,
                                      const char         *b);

G_END_DECLS
