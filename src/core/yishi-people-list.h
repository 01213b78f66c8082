/* yishi-people-list.h — the registry's people as a lazily paged GListModel of
 * YishiPerson: count first, then windows of rows, a few pages cached (as
 * yishi-issue-list).  At district scale (10⁶ people) a filter or search change answers
 * (count + first page) within 30 ms.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-registry.h"

G_BEGIN_DECLS

/* ---- One row ---- */

#define YISHI_TYPE_PERSON (yishi_person_get_type ())

G_DECLARE_FINAL_TYPE (YishiPerson, yishi_person, YISHI, PERSON, GObject)

gint64       yishi_person_get_id             (YishiPerson *self);
const char  *yishi_person_get_name           (YishiPerson *self);
const char  *yishi_person_get_gender         (YishiPerson *self); /* male | female | unknown */
int          yishi_person_get_age            (YishiPerson *self); /* -1 unknown */
const char  *yishi_person_get_phone          (YishiPerson *self);
const char  *yishi_person_get_id_tail        (YishiPerson *self); /* last 4 of the ID number, or "" */
const char  *yishi_person_get_residence_type (YishiPerson *self); /* YISHI_ENUM_RESIDENCE_TYPE id */
const char  *yishi_person_get_address        (YishiPerson *self); /* "3号楼2单元301", or "" */
const char  *yishi_person_get_grid           (YishiPerson *self);
const char  *yishi_person_get_party_category (YishiPerson *self); /* current category id, or NULL */
const char  *yishi_person_get_roles          (YishiPerson *self); /* translated labels of current roles, ", "-joined */

YishiPerson *yishi_person_new (gint64 id, const char *name, const char *gender, int age,
                               const char *phone, const char *id_tail, const char *residence_type,
                               const char *address, const char *grid, const char *party_category,
                               const char *roles);
/* For the list model: the people @ids, in that order, with their home, grid, current
 * party category and roles, ages on @today (YYYY-MM-DD); NULL when the file cannot be
 * read.  A GPtrArray with g_object_unref. */
GPtrArray   *yishi_person_load (YishiDatabase *database, const gint64 *ids, guint n_ids,
                                const char *today, GError **error);

/* ---- The list ----
 *
 * Filters combine freely; only live people (not deleted) are listed.  The query is a
 * name or its start (a prefix of the name as stored), or 3 or more trailing digits of
 * a phone or an ID number (ASCII or full-width digits; a final x/X matches ID numbers
 * only).  Sorted by name (then id) by default; age ascending means youngest first, and
 * people without a birth date come last (first when descending); by address is the
 * tree's order of grid, building, unit and room, people without a home last.
 *
 * The list refreshes itself from an idle (one items-changed) after a commit touches
 * people, homes, party memberships or roles; yishi_people_list_refresh () does it now.
 */

typedef enum
{
  YISHI_AGE_ANY,
  YISHI_AGE_CHILD,   /* under 18 */
  YISHI_AGE_ADULT,   /* 18–59 */
  YISHI_AGE_ELDERLY, /* 60–79 */
  YISHI_AGE_OLDEST,  /* 80 and over */
} YishiAgeBand;

typedef struct
{
  YishiNodeKind node_kind;  /* YISHI_NODE_COMMUNITY: everybody */
  gint64 node_id;           /* of another kind; 0 there matches nobody */
  char *residence_type;     /* NULL: any */
  char *party_category;     /* NULL: any; "any" : any current party member */
  char *role;               /* NULL: any current role holder filter off */
  YishiAgeBand age_band;    /* on today's date (yishi_clock) */
  char *query;              /* a name or its start, or ≥ 3 trailing digits of a phone or
                             * an ID number (x/X accepted) */
} YishiPeopleFilter;

typedef enum
{
  YISHI_PEOPLE_SORT_NAME,
  YISHI_PEOPLE_SORT_AGE,
  YISHI_PEOPLE_SORT_ADDRESS,
} YishiPeopleSort;

#define YISHI_TYPE_PEOPLE_LIST (yishi_people_list_get_type ())

G_DECLARE_FINAL_TYPE (YishiPeopleList, yishi_people_list, YISHI, PEOPLE_LIST, GObject)

YishiPeopleList *yishi_people_list_new         (YishiDatabase           *database);
void             yishi_people_list_set_filter  (YishiPeopleList         *self,
                                                const YishiPeopleFilter *filter);
const YishiPeopleFilter *yishi_people_list_get_filter (YishiPeopleList  *self);
void             yishi_people_list_set_sort    (YishiPeopleList         *self,
                                                YishiPeopleSort          sort,
                                                gboolean                 descending);
void             yishi_people_list_refresh     (YishiPeopleList         *self);
const GError    *yishi_people_list_get_error   (YishiPeopleList         *self);
guint            yishi_people_list_find        (YishiPeopleList         *self,
                                                gint64                   id); /* GTK_INVALID_LIST_POSITION-like G_MAXUINT */
/* How many pages of rows the list holds now (at most a few, whatever the count). */
guint            yishi_people_list_get_n_cached_pages (YishiPeopleList  *self);

void             yishi_people_filter_clear     (YishiPeopleFilter       *filter);
void             yishi_people_filter_copy      (YishiPeopleFilter       *to,
                                                const YishiPeopleFilter *from);

/* For the CLI and pickers: up to @limit people matching @query as the list's query does,
 * by name, as YishiPerson (GPtrArray with g_object_unref); an empty query finds nobody. */
GPtrArray       *yishi_people_search           (YishiDatabase           *database,
                                                const char              *query,
                                                guint                    limit,
                                                GError                 **error);

G_END_DECLS
