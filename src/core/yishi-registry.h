/* yishi-registry.h — the community's structure (grids → buildings → units →
 * households), its people, party members, roles and organisations: every write, and the
 * reads the registry panel and the documents need.
 *
 * Every write is audited (yishi_database_insert/update) and runs in one transaction;
 * user-facing errors are translated GErrors of YISHI_REGISTRY_ERROR or
 * YISHI_DATABASE_ERROR.  Deleting hides rows (deleted_at, deleted_batch) and returns a
 * batch token that undoes exactly that deletion.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"

G_BEGIN_DECLS

#define YISHI_REGISTRY_ERROR (yishi_registry_error_quark ())

typedef enum
{
  YISHI_REGISTRY_ERROR_INVALID,      /* a field is missing, too long or not a known value */
  YISHI_REGISTRY_ERROR_DUPLICATE_ID, /* the ID number belongs to another person (live or deleted) */
  YISHI_REGISTRY_ERROR_DUPLICATE_NAME, /* a sibling node with that name exists */
  YISHI_REGISTRY_ERROR_NOT_FOUND,
  YISHI_REGISTRY_ERROR_IN_USE,       /* e.g. an organisation still responsible for matters */
  YISHI_REGISTRY_ERROR_BAD_MOVE,     /* a node moved under a parent of the wrong kind, or itself */
} YishiRegistryError;

GQuark yishi_registry_error_quark (void);

typedef enum
{
  YISHI_NODE_COMMUNITY, /* the root: its children are the grids (id 0) */
  YISHI_NODE_GRID,
  YISHI_NODE_BUILDING,
  YISHI_NODE_UNIT,
  YISHI_NODE_HOUSEHOLD,
} YishiNodeKind;

/* "grid", "building", "unit", "household", "community" (as role_assignment.scope_kind) */
const char   *yishi_node_kind_to_string   (YishiNodeKind kind);

/* ---- One node of the tree, as the tree model shows it ---- */

#define YISHI_TYPE_REGISTRY_NODE (yishi_registry_node_get_type ())

G_DECLARE_FINAL_TYPE (YishiRegistryNode, yishi_registry_node, YISHI, REGISTRY_NODE, GObject)

YishiNodeKind yishi_registry_node_get_kind        (YishiRegistryNode *self);
gint64        yishi_registry_node_get_id          (YishiRegistryNode *self);
gint64        yishi_registry_node_get_parent_id   (YishiRegistryNode *self);
const char   *yishi_registry_node_get_name        (YishiRegistryNode *self); /* "3号楼", "2单元", "301" */
guint         yishi_registry_node_get_n_people    (YishiRegistryNode *self); /* live people beneath */
gboolean      yishi_registry_node_has_children    (YishiRegistryNode *self);
/* Properties "kind" (guint), "id", "parent-id" (gint64), "name", "n-people" (guint) and
 * "has-children", all construct-only, for GtkExpressions and tests. */
YishiRegistryNode *yishi_registry_node_new        (YishiNodeKind      kind,
                                                   gint64             id,
                                                   gint64             parent_id,
                                                   const char        *name,
                                                   guint              n_people,
                                                   gboolean           has_children);

/* The live children of a node, in (position, name) order with numbers compared as
 * numbers (2号楼 before 10号楼): a GListStore of YishiRegistryNode.  For
 * YISHI_NODE_COMMUNITY the grids are returned: of every community in the file when
 * @parent_id is 0 (grids of several communities come community by community), else of
 * that community.  Households have no children. */
GListModel   *yishi_registry_children     (YishiDatabase     *database,
                                           YishiNodeKind      parent_kind,
                                           gint64             parent_id,
                                           GError           **error);
YishiRegistryNode *yishi_registry_node_load (YishiDatabase   *database,
                                           YishiNodeKind      kind,
                                           gint64             id,
                                           GError           **error);
/* "一网格 / 3号楼 / 2单元 / 301" */
char         *yishi_registry_node_path    (YishiDatabase     *database,
                                           YishiNodeKind      kind,
                                           gint64             id);

/* Creates a child of (@parent_kind, @parent_id); a grid's parent is the community
 * (first community row when @parent_id is 0).  For households @name is the room. */
gint64        yishi_registry_create_node  (YishiDatabase     *database,
                                           YishiNodeKind      kind,
                                           gint64             parent_id,
                                           const char        *name,
                                           GError           **error);
gboolean      yishi_registry_rename_node  (YishiDatabase     *database,
                                           YishiNodeKind      kind,
                                           gint64             id,
                                           const char        *name,
                                           GError           **error);
/* Moves a building to another grid, a unit to another building, a household to another
 * unit; people follow (their grid and building are kept by triggers). */
gboolean      yishi_registry_move_node    (YishiDatabase     *database,
                                           YishiNodeKind      kind,
                                           gint64             id,
                                           gint64             new_parent_id,
                                           GError           **error);
/* Hides the node, everything beneath it and the people living there (one batch; what was
 * deleted before keeps its own).  Returns the batch token for yishi_registry_undelete ()
 * (free with g_free), NULL on error. */
char         *yishi_registry_delete_node  (YishiDatabase     *database,
                                           YishiNodeKind      kind,
                                           gint64             id,
                                           GError           **error);
/* Restores exactly what the batch hid; refused (INVALID) while a place it belongs to is
 * hidden by another deletion, NOT_FOUND when nothing is left to restore. */
gboolean      yishi_registry_undelete     (YishiDatabase     *database,
                                           const char        *batch,
                                           GError           **error);
/* Finds or creates the chain grid/building/unit/household by names (for imports);
 * NULL or empty names stop the chain (returns the deepest node's id and kind; 0 and
 * YISHI_NODE_COMMUNITY when no grid is named).  Names are trimmed; a node of the chain
 * that was deleted is restored (that node only).  Works inside the caller's transaction. */
gint64        yishi_registry_ensure_place (YishiDatabase     *database,
                                           const char        *grid,
                                           const char        *building,
                                           const char        *unit,
                                           const char        *room,
                                           YishiNodeKind     *kind,
                                           GError           **error);

/* ---- People ---- */

typedef struct
{
  const char *name;             /* required, ≤ 64 characters */
  const char *gender;           /* male | female | unknown; NULL: derived from the ID */
  const char *birth_date;       /* YYYY-MM-DD or NULL: derived from the ID */
  const char *id_number;        /* NULL or "" for none; validated, stored upper-case */
  const char *phone;            /* NULL or "" for none; else yishi_phone_normalise () */
  const char *residence_type;   /* registered | resident | floating | tenant; NULL: resident */
  const char *political_status; /* NULL: masses */
  const char *notes;
  gboolean public_name_consent;
  gint64 household_id;          /* 0: no home in the community recorded */
} YishiPersonDraft;

/* Adds a person (and a residence row when @household_id is set).  The same ID number as a
 * live person fails with YISHI_REGISTRY_ERROR_DUPLICATE_ID and sets @existing_id to that
 * person.  The ID number of a deleted person fails the same way (@existing_id: the
 * deleted person, whom yishi_registry_restore_person () can bring back).  A birth date or
 * gender that disagrees with the ID number is stored as typed (yishi_id_number_mismatch ()
 * flags it). */
gint64        yishi_registry_add_person     (YishiDatabase          *database,
                                             const YishiPersonDraft *draft,
                                             gint64                 *existing_id,
                                             GError                **error);
/* Updates every field of the draft except household_id (use move_person). */
gboolean      yishi_registry_update_person  (YishiDatabase          *database,
                                             gint64                  id,
                                             const YishiPersonDraft *draft,
                                             gint64                 *existing_id,
                                             GError                **error);
/* Moving house keeps history: ends the current residence on @date (YYYY-MM-DD, NULL:
 * today) and starts one at @household_id (0: moved away). */
gboolean      yishi_registry_move_person    (YishiDatabase          *database,
                                             gint64                  id,
                                             gint64                  household_id,
                                             const char             *date,
                                             GError                **error);
/* Returns the batch token (g_free) or NULL. */
char         *yishi_registry_delete_person  (YishiDatabase          *database,
                                             gint64                  id,
                                             GError                **error);
/* Restores one deleted person (whatever deletion hid them); refused while their
 * household is deleted. */
gboolean      yishi_registry_restore_person (YishiDatabase          *database,
                                             gint64                  id,
                                             GError                **error);
/* The live person with that ID number (any case, spaces ignored), or 0. */
gint64        yishi_registry_find_by_id_number (YishiDatabase       *database,
                                             const char             *id_number);

typedef struct
{
  gint64 household_id;
  char *place;      /* node path */
  char *start_date;
  char *end_date;   /* NULL while living there */
} YishiResidence;

typedef struct
{
  gint64 id;
  char *category, *branch, *party_group, *joined_date, *employer, *reported_date, *end_date;
  GPtrArray *posts;  /* YishiPostClaim */
} YishiMembership;

typedef struct
{
  gint64 id;
  char *kind;        /* YISHI_ENUM_POST_KIND */
  char *description;
  char *claimed_date;
} YishiPostClaim;

typedef struct
{
  gint64 id;
  char *role;        /* YISHI_ENUM_ROLE */
  YishiNodeKind scope_kind;
  gint64 scope_id;
  char *scope;       /* node path, or the community's name */
  char *work_phone;
  char *start_date;
  char *end_date;    /* NULL while current */
} YishiRole;

typedef struct
{
  gint64 id;
  char *uuid;
  char *name, *gender, *birth_date, *id_number, *phone, *residence_type, *political_status, *notes;
  gboolean public_name_consent;
  gboolean deleted;
  gint64 household_id;
  char *place;             /* node path of the home, or NULL */
  gboolean party_central;  /* the home is a 党员中心户 */
  char *mismatch;          /* yishi_id_number_mismatch (), or NULL */
  GPtrArray *residences;   /* YishiResidence, oldest first */
  YishiMembership *membership; /* the current one, or NULL */
  GPtrArray *roles;        /* YishiRole, current first then ended */
  double points_balance;   /* from yishi_points_balance () */
} YishiPersonDetail;

YishiPersonDetail *yishi_registry_load_person (YishiDatabase *database,
                                               gint64         id,
                                               GError       **error);
void          yishi_person_detail_free      (YishiPersonDetail *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPersonDetail, yishi_person_detail_free)

/* ---- Party members ---- */

typedef struct
{
  const char *category;      /* direct | in_service | floating | retired */
  const char *branch;        /* 网格党支部 */
  const char *party_group;   /* 楼栋党小组 */
  const char *joined_date;   /* YYYY-MM-DD or NULL */
  const char *employer;      /* in-service members */
  const char *reported_date; /* date reported to the community (in-service) */
} YishiMembershipDraft;

/* Creates or updates the person's current membership (sets political_status to
 * party_member when it was not a party status). Returns its id.  The employer and the
 * date reported are kept for in-service members only (stored empty for the others). */
gint64        yishi_registry_set_membership   (YishiDatabase              *database,
                                               gint64                      person_id,
                                               const YishiMembershipDraft *draft,
                                               GError                    **error);
gboolean      yishi_registry_end_membership   (YishiDatabase              *database,
                                               gint64                      membership_id,
                                               const char                 *date,
                                               GError                    **error);
gint64        yishi_registry_add_post_claim   (YishiDatabase              *database,
                                               gint64                      membership_id,
                                               const char                 *kind,
                                               const char                 *description,
                                               const char                 *claimed_date,
                                               GError                    **error);
gboolean      yishi_registry_remove_post_claim (YishiDatabase             *database,
                                               gint64                      claim_id,
                                               GError                    **error);
gboolean      yishi_registry_set_party_central (YishiDatabase             *database,
                                               gint64                      household_id,
                                               gboolean                    central,
                                               GError                    **error);

/* ---- Roles ---- */

/* Roles hold over time within a scope: grid_leader/grid_worker need a grid,
 * building_leader a building, unit_leader a unit; the others any scope (community: id 0).
 * @start_date NULL: today. */
gint64        yishi_registry_add_role       (YishiDatabase  *database,
                                             gint64          person_id,
                                             const char     *role,
                                             YishiNodeKind   scope_kind,
                                             gint64          scope_id,
                                             const char     *work_phone,
                                             const char     *start_date,
                                             GError        **error);
gboolean      yishi_registry_end_role       (YishiDatabase  *database,
                                             gint64          role_id,
                                             const char     *end_date,
                                             GError        **error);

/* ---- Organisations in the area ---- */

typedef struct
{
  gint64 id;
  char *kind;           /* YISHI_ENUM_ORGANISATION_KIND */
  char *name;
  char *contact_name;
  char *contact_phone;
  char *address;
  char *notes;
} YishiOrganisation;

gint64        yishi_registry_save_organisation (YishiDatabase           *database,
                                                const YishiOrganisation *organisation, /* id 0: new */
                                                GError                 **error);
/* Refuses (YISHI_REGISTRY_ERROR_IN_USE) while matters or buildings refer to it. */
gboolean      yishi_registry_delete_organisation (YishiDatabase         *database,
                                                gint64                   id,
                                                GError                 **error);
/* YishiOrganisation, by kind then name; @kind NULL for all. */
GPtrArray    *yishi_registry_list_organisations (YishiDatabase          *database,
                                                const char              *kind,
                                                GError                 **error);
void          yishi_organisation_free        (YishiOrganisation *organisation);

/* ---- The grid's contact board (三长公示): published on purpose, phones unmasked ---- */

typedef struct
{
  char *role;        /* grid_leader | grid_worker | building_leader | unit_leader */
  char *scope;       /* "3号楼", "3号楼2单元", or the grid's name */
  char *name;        /* full name: these people publish themselves */
  char *work_phone;  /* the role's work phone, else the person's phone */
} YishiContactEntry;

typedef struct
{
  char *community;
  char *grid;
  GPtrArray *entries; /* YishiContactEntry: grid leader, grid workers, then per building
                       * its leader followed by its unit leaders, buildings in tree order */
} YishiContactBoard;

/* The current holders of the four roles in the grid named @grid_name (exact name). */
YishiContactBoard *yishi_registry_contact_board (YishiDatabase *database,
                                                 const char    *grid_name,
                                                 GError       **error);
void          yishi_contact_board_free       (YishiContactBoard *board);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContactBoard, yishi_contact_board_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiOrganisation, yishi_organisation_free)

G_END_DECLS
