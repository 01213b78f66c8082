/* yishi-cli-main.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "yishi-cli.h"

int
main (int    argc,
      char **argv)
{
  return yishi_cli_run (argc, argv);
}
