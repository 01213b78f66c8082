/* yishi-registry-export.h — the registry streamed row by row for the internal workbooks
 * (roster: people, party members, roles; points: the entries of a quarter).
 *
 * Internal documents: everything unmasked.  Rows are handed to a callback one at a time;
 * their strings live until the callback returns (never NULL; "" when unknown).  Stored
 * enumeration ids are given as they are (translate with yishi_enum_document_label ()).
 * Implemented in yishi-registry-board.c.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char *community;
  const char *name;
  const char *gender;           /* male | female | unknown */
  const char *birth_date;
  const char *id_number;
  const char *phone;
  const char *residence_type;
  const char *political_status;
  const char *grid;
  const char *building;
  const char *unit;
  const char *room;
  const char *notes;
} YishiExportPerson;

typedef struct
{
  const char *community;
  const char *name;
  const char *gender;
  const char *id_number;
  const char *phone;
  const char *grid;
  const char *building;
  const char *category;         /* direct | in_service | floating | retired */
  const char *branch;
  const char *party_group;
  const char *joined_date;
  const char *employer;
  const char *reported_date;
  const char *posts;            /* “社区治理：说明；治安巡逻”, in claim order */
  gboolean central;             /* the home is a 党员中心户 */
} YishiExportMember;

typedef struct
{
  const char *community;
  const char *name;
  const char *phone;
  const char *role;             /* YISHI_ENUM_ROLE */
  const char *scope;            /* “第一网格 / 3号楼 / 2单元”, or the community's name */
  const char *work_phone;
  const char *start_date;
  const char *end_date;         /* "" while current */
} YishiExportRole;

typedef struct
{
  const char *at;               /* local time, YYYY-MM-DD HH:MM */
  const char *name;
  const char *grid;
  const char *kind;             /* earn | redeem | adjust */
  const char *rule;
  double hours;                 /* 0 when not by the hour */
  double points;                /* negative for redemptions */
  const char *description;
} YishiExportPointsEntry;

/* Returns FALSE with @error set to stop. */
typedef gboolean (*YishiExportRowFunc) (gconstpointer   row,
                                        gpointer        user_data,
                                        GError        **error);

/* Live people, current memberships of live people, all roles (current first) of live
 * people; any pointer may be NULL. */
gboolean  yishi_registry_export_counts   (YishiDatabase       *database,
                                          gint64              *people,
                                          gint64              *members,
                                          gint64              *roles,
                                          GError             **error);
/* Every live person (YishiExportPerson), by grid, building, unit and room in tree order
 * (numbers compared as numbers), then the people without a home in the registry. */
gboolean  yishi_registry_export_people   (YishiDatabase       *database,
                                          YishiExportRowFunc   func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* Current party memberships of live people (YishiExportMember), by grid and name. */
gboolean  yishi_registry_export_members  (YishiDatabase       *database,
                                          YishiExportRowFunc   func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* Roles of live people (YishiExportRole): current ones by role and scope, then ended ones. */
gboolean  yishi_registry_export_roles    (YishiDatabase       *database,
                                          YishiExportRowFunc   func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* The points entries (YishiExportPointsEntry) of live people dated in the quarter (local
 * time), oldest first. */
gboolean  yishi_registry_export_points   (YishiDatabase       *database,
                                          int                  year,
                                          int                  quarter,
                                          YishiExportRowFunc   func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
