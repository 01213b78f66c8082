/* yishi-notice-data.h — what the notice-board documents print, already masked.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

/* One matter on a public list. Every text is fit for the public: names masked
 * (unless the person agreed to show theirs), places no finer than the building,
 * phone and ID numbers scrubbed from free text. Never NULL; "" when unknown. */
typedef struct
{
  char *serial;
  char *received_date;  /* YYYY-MM-DD, local time */
  char *requester;      /* 张*, 欧阳**, the full name with consent, or “Anonymous” */
  char *place;          /* building, else grid, else the place as typed (masked) */
  char *category;
  char *title;
  char *responsible;    /* responsible_text, else the organisation's name */
  char *deadline;       /* YYYY-MM-DD or "" */
  char *state;          /* translated label */
  char *closed_date;    /* YYYY-MM-DD, local time; "" when not closed */
  char *satisfaction;   /* translated label of the latest evaluation, or "" */
  gboolean closed;
} YishiNoticeRow;

/* The three lists (三张清单) of one month. */
typedef struct
{
  int year;
  int month;
  char *community_name;
  char *supervision_phone;
  char *today;          /* YYYY-MM-DD, local time: the date of issue */
  GPtrArray *problems;  /* (element-type YishiNoticeRow): kind problem received in the month */
  GPtrArray *needs;     /* (element-type YishiNoticeRow): kind need received in the month */
  GPtrArray *closed;    /* (element-type YishiNoticeRow): closed in the month */
} YishiNoticeLists;

/* The acceptance receipt (受理回执) of one matter. The name and phone are masked
 * even though the receipt goes to the requester: receipts get lost. */
typedef struct
{
  char *serial;
  char *received_at;    /* YYYY-MM-DD HH:MM, local time */
  char *received_date;  /* YYYY-MM-DD, local time */
  char *channel;        /* translated label */
  char *kind;           /* translated label: problem or need */
  char *requester;
  char *requester_phone;
  char *title;
  char *content;
  char *responsible;
  char *deadline;       /* YYYY-MM-DD or "" */
  char *state;          /* translated label */
  char *community_name;
  char *supervision_phone;
  char *today;          /* YYYY-MM-DD, local time */
} YishiNoticeReceipt;

YishiNoticeLists   *yishi_notice_data_three_lists  (YishiDatabase       *database,
                                                    int                  year,
                                                    int                  month,
                                                    GError             **error);
YishiNoticeReceipt *yishi_notice_data_receipt      (YishiDatabase       *database,
                                                    const char          *serial,
                                                    GError             **error);

void                yishi_notice_row_free          (YishiNoticeRow      *row);
void                yishi_notice_lists_free        (YishiNoticeLists    *lists);
gboolean            yishi_notice_lists_is_empty    (YishiNoticeLists    *lists);
void                yishi_notice_receipt_free      (YishiNoticeReceipt  *receipt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiNoticeRow, yishi_notice_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiNoticeLists, yishi_notice_lists_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiNoticeReceipt, yishi_notice_receipt_free)

G_END_DECLS
