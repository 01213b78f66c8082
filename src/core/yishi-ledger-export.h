/* yishi-ledger-export.h — the rows of the internal ledger workbook, streamed in order.
 *
 * The matters received in [from, to] (local dates YYYY-MM-DD), ordered by the time they
 * were received, one callback per row. The row is one struct reused for every call and
 * its strings point into SQLite's row or static labels: they are valid only during the
 * callback. Internal: the requester's name and phone are not masked.
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
  gint64      id;
  const char *serial;
  const char *received;        /* local "YYYY-MM-DD HH:MM" */
  const char *channel;         /* translated labels */
  const char *kind;
  const char *category;        /* "" without one */
  const char *urgency;
  const char *scale;           /* "" before triage */
  const char *route;           /* "" before triage */
  const char *title;
  const char *content;
  const char *requester_name;  /* unmasked */
  const char *requester_phone; /* unmasked */
  const char *community;       /* "" without a grid */
  const char *grid;            /* "community grid" when the file holds several communities */
  const char *building;
  const char *unit;
  const char *place;
  const char *responsible;     /* responsible text, else organisation, else person */
  const char *deadline;        /* YYYY-MM-DD or "" */
  const char *state;
  const char *closed;          /* local YYYY-MM-DD of closing, "" unless closed */
  const char *satisfaction;    /* label of the latest rating, or "" */
  const char *month;           /* local YYYY-MM of receipt */

  /* Raw values, for figures */
  gboolean    anonymous;
  gboolean    is_closed;       /* state = closed */
  gboolean    on_time;         /* closed on or before the deadline (or without one) */
  const char *state_id;
  const char *rating_id;       /* latest satisfaction: NULL if none, "" if unreachable */
  gint64      category_id;     /* 0 without one */
  int         category_position;
  gint64      grid_id;         /* 0 without one */
  int         grid_position;

  /*< private >*/
  char        received_buf[20];
  char        closed_buf[12];
  char        month_buf[8];
} YishiLedgerRow;

/* Return FALSE with @error set to stop. */
typedef gboolean (*YishiLedgerRowFunc) (const YishiLedgerRow  *row,
                                        gpointer               user_data,
                                        GError               **error);

gboolean yishi_ledger_export_check_range (const char          *from,
                                          const char          *to,
                                          GError             **error);
gint64   yishi_ledger_export_count       (YishiDatabase       *database,
                                          const char          *from,
                                          const char          *to,
                                          GError             **error);
gboolean yishi_ledger_export_foreach     (YishiDatabase       *database,
                                          const char          *from,
                                          const char          *to,
                                          YishiLedgerRowFunc   func,
                                          gpointer             user_data,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
