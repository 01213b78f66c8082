/* yishi-cli.h — the headless command line over core and documents.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "yishi-database.h"

G_BEGIN_DECLS

enum
{
  YISHI_CLI_OK = 0,
  YISHI_CLI_ERROR = 1,
  YISHI_CLI_USAGE = 2,
};

typedef struct
{
  const char *database; /* --database, or NULL for the default file */
} YishiCliContext;

typedef int (*YishiCliCommand) (YishiCliContext *context,
                                int              argc,
                                char           **argv);

int  yishi_cli_run         (int               argc,
                            char            **argv);
int  yishi_cli_usage_error (GOptionContext   *options,
                            const char       *message);
int  yishi_cli_fail        (GError           *error);
int  yishi_cli_parse       (GOptionContext   *options,
                            int              *argc,
                            char           ***argv);

int  yishi_cli_info        (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
int  yishi_cli_check       (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
int  yishi_cli_backup      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
int  yishi_cli_restore     (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
int  yishi_cli_demo        (YishiCliContext  *context,
                            int               argc,
                            char            **argv);

/* yishi-cli-ledger.c: ledger add|search|transition|show */
int  yishi_cli_ledger      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
/* yishi-cli-notice.c: notice three-lists|receipt */
int  yishi_cli_notice      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
/* yishi-cli-export.c: export ledger */
int  yishi_cli_export      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
/* yishi-cli-import.c: import roster FILE [--dry-run] [--rejected FILE.xlsx] */
int  yishi_cli_import      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
/* yishi-cli-people.c: people search QUERY */
int  yishi_cli_people      (YishiCliContext  *context,
                            int               argc,
                            char            **argv);
YishiDatabase *yishi_cli_open_database (YishiCliContext        *context,
                                        int                     flags,
                                        GError                **error);

G_END_DECLS
