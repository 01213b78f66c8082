/* yishi-notice-contact-board.c
 *
 * The grid's contact board (“三长”公示): the grid leader and grid workers, every
 * building's leader and every unit's leader, each with the phone residents may call.
 * A4 portrait, one table whose header row repeats on every page, the supervision phone,
 * the issuer and the date.
 *
 * Unlike the other notices this one is NOT masked: the people on it hold these posts in
 * order to be reached, and publish their full names and work phones on purpose (the
 * board is how residents find them).  Nothing else personal is printed: no homes below
 * the unit they are responsible for, no ID numbers, no private phones of anybody else.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-enums.h"

#include "yishi-notice-contact-board.h"

static const YishiNoticeColumn columns[] = {
  { "序号", 0, TRUE },
  { "职务", 0, TRUE },
  { "负责范围", 3, FALSE },
  { "姓名", 2, TRUE },
  { "联系电话", 0, TRUE },
};

/**
 * yishi_notice_contact_board_new:
 * @board: the board from yishi_registry_contact_board ()
 * @supervision_phone: (nullable): the community's supervision phone
 * @today: (nullable): YYYY-MM-DD, the date of issue; %NULL for today
 * @title_font: (nullable): the title font, by default Noto Serif CJK SC Bold
 * @body_font: (nullable): the body font, by default Noto Serif CJK SC
 *
 * Returns: (transfer full): the notice, ready to lay out, draw or write
 */
YishiNotice *
yishi_notice_contact_board_new (YishiContactBoard *board,
                                const char        *supervision_phone,
                                const char        *today,
                                const char        *title_font,
                                const char        *body_font)
{
  g_autoptr (YishiNotice) notice = NULL;
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *date = NULL;
  const char *community;

  g_return_val_if_fail (board != NULL, NULL);

  community = board->community != NULL ? board->community : "";
  date = today != NULL ? g_strdup (today) : yishi_clock_today ();

  notice = yishi_notice_new (YISHI_NOTICE_PAPER_A4, YISHI_NOTICE_PORTRAIT);
  yishi_notice_set_fonts (notice, title_font, body_font);
  yishi_notice_set_sizes (notice, 14.0, 12.0);

  title = g_strdup_printf ("%s%s“三长”公示", community, board->grid);
  yishi_notice_set_header (notice, community, title, NULL);

  if (board->entries->len == 0)
    {
      intro = g_strdup_printf ("%s的网格长、网格员、楼栋长、单元长正在选聘中，"
                               "选定后另行公示。", board->grid);
      yishi_notice_add_paragraph (notice, intro, YISHI_NOTICE_TEXT_BODY);
    }
  else
    {
      intro = g_strdup_printf ("为方便居民群众反映问题、求助办事，现将%s网格长、网格员、"
                               "楼栋长、单元长（“三长”）及其联系电话公示如下。居民遇到困难"
                               "或有意见建议，可直接联系所在楼栋、单元的负责人。",
                               board->grid);
      yishi_notice_add_paragraph (notice, intro, YISHI_NOTICE_TEXT_BODY);
      yishi_notice_add_table (notice, columns, G_N_ELEMENTS (columns), "“三长”名单（续）");
      for (guint i = 0; i < board->entries->len; i++)
        {
          YishiContactEntry *entry = g_ptr_array_index (board->entries, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          /* Published on purpose: the full name and the work phone, unmasked. */
          const char *cells[] = {
            number, yishi_enum_document_label (YISHI_ENUM_ROLE, entry->role), entry->scope,
            entry->name, entry->work_phone,
          };

          yishi_notice_add_row (notice, cells);
        }
    }

  yishi_notice_add_space (notice, 4.0);
  yishi_notice_add_supervision_phone (notice, "社区监督电话", supervision_phone);
  yishi_notice_add_signature (notice, community, date);
  return g_steal_pointer (&notice);
}

/**
 * yishi_notice_contact_board_build:
 * @grid_name: the grid's exact name
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL with @error set
 *   (%YISHI_REGISTRY_ERROR_NOT_FOUND for an unknown grid)
 */
YishiNotice *
yishi_notice_contact_board_build (YishiDatabase  *database,
                                  const char     *grid_name,
                                  const char     *title_font,
                                  const char     *body_font,
                                  GError        **error)
{
  g_autoptr (YishiContactBoard) board = NULL;
  g_autoptr (YishiCommunity) community = NULL;
  g_autofree char *today = NULL;
  const char *phone = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (grid_name != NULL, NULL);

  board = yishi_registry_contact_board (database, grid_name, error);
  if (board == NULL)
    return NULL;
  /* The supervision phone of the grid's own community only. */
  community = yishi_community_load (database, NULL);
  if (community != NULL && g_strcmp0 (community->name, board->community) == 0)
    phone = community->supervision_phone;
  today = yishi_clock_today ();
  return yishi_notice_contact_board_new (board, phone, today, title_font, body_font);
}

/* Writes the grid's contact board to @path (a PDF); nothing is written on error. */
gboolean
yishi_notice_contact_board_write (YishiDatabase  *database,
                                  const char     *grid_name,
                                  const char     *title_font,
                                  const char     *body_font,
                                  const char     *path,
                                  GError        **error)
{
  g_autoptr (YishiNotice) notice = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  notice = yishi_notice_contact_board_build (database, grid_name, title_font, body_font, error);
  if (notice == NULL)
    return FALSE;
  return yishi_notice_write_pdf (notice, path, error);
}
