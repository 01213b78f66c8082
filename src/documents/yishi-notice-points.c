/* yishi-notice-points.c
 *
 * The quarterly volunteer points notice (志愿服务积分公示): everybody who earned or
 * redeemed points in the quarter or holds a balance, by balance — the points earned and
 * redeemed in the quarter, the balance at its end and the level reached.  A4 portrait,
 * the header row repeated on every page, the period of publicity (at least seven days),
 * the supervision phone, the issuer and the date.
 *
 * A public notice: names are masked (张*, 欧阳**) unless the person agreed to be named;
 * the grid is the finest place shown; phones, ID numbers and rooms are never printed
 * (yishi_points_quarter () does not even return them).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-mask.h"
#include "yishi-points.h"

#include "yishi-notice-points.h"

static const YishiNoticeColumn columns[] = {
  { "序号", 0, TRUE },
  { "姓名", 2, TRUE },
  { "网格", 2, TRUE },
  { "本季度获得", 0, TRUE },
  { "本季度兑换", 0, TRUE },
  { "累计积分", 0, TRUE },
  { "等级", 0, TRUE },
};

static const char *const quarter_names[] = { "第一季度", "第二季度", "第三季度", "第四季度" };

const char *
yishi_notice_quarter_name (int quarter)
{
  if (quarter < 1 || quarter > 4)
    return NULL;
  return quarter_names[quarter - 1];
}

/* 12 → "12", 1.5 → "1.5", 0.25 → "0.25": points as people write them. */
static char *
format_points (double points)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (text, sizeof text, "%.2f", points);
  if ((dot = strchr (text, '.')) != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (g_str_equal (text, "-0"))
    return g_strdup ("0");
  return g_strdup (text);
}

/* The name as the public may see it: in full only with the person's consent. */
static char *
public_name (const YishiPointsStanding *standing)
{
  const char *name = standing->name != NULL ? standing->name : "";

  if (standing->public_name_consent)
    return g_strstrip (g_strdup (name));
  return yishi_mask_name (name);
}

static YishiNotice *
points_notice_new (GPtrArray  *standings,
                   int         year,
                   int         quarter,
                   const char *community,
                   const char *supervision_phone,
                   const char *today,
                   const char *title_font,
                   const char *body_font)
{
  g_autoptr (YishiNotice) notice = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *last_day = NULL;
  const char *quarter_name = yishi_notice_quarter_name (quarter);
  double earned = 0, redeemed = 0;
  guint earners = 0;
  int last_month = quarter * 3;

  notice = yishi_notice_new (YISHI_NOTICE_PAPER_A4, YISHI_NOTICE_PORTRAIT);
  yishi_notice_set_fonts (notice, title_font, body_font);
  yishi_notice_set_sizes (notice, 14.0, 10.5);

  title = g_strdup_printf ("%s志愿服务积分公示", community);
  period = g_strdup_printf ("（%d年%s）", year, quarter_name);
  yishi_notice_set_header (notice, community, title, period);

  last_day = g_strdup_printf ("%d年%d月%d日", year, last_month,
                              g_date_get_days_in_month ((GDateMonth)last_month,
                                                        (GDateYear)year));
  for (guint i = 0; i < standings->len; i++)
    {
      const YishiPointsStanding *standing = g_ptr_array_index (standings, i);

      earned += standing->earned;
      redeemed += standing->redeemed;
      earners += standing->earned > 0 ? 1 : 0;
    }

  if (standings->len == 0)
    {
      intro = g_strdup_printf ("%d年%s本社区没有志愿服务积分记录。", year, quarter_name);
      yishi_notice_add_paragraph (notice, intro, YISHI_NOTICE_TEXT_BODY);
    }
  else
    {
      g_autofree char *earned_text = format_points (earned);
      g_autofree char *redeemed_text = format_points (redeemed);
      g_autofree char *count = NULL;

      intro = g_strdup_printf ("感谢广大居民、党员和志愿者积极参与社区志愿服务。现将%d年%s"
                               "志愿服务积分情况公示如下，累计积分截至%s，按累计积分排列。"
                               "未经本人同意，姓名只显示姓氏。",
                               year, quarter_name, last_day);
      yishi_notice_add_paragraph (notice, intro, YISHI_NOTICE_TEXT_BODY);
      count = g_strdup_printf ("本季度共 %u 人获得积分，合计获得 %s 分，兑换 %s 分；"
                               "名单共 %u 人。", earners, earned_text, redeemed_text,
                               standings->len);
      yishi_notice_add_paragraph (notice, count, YISHI_NOTICE_TEXT_SMALL);
      yishi_notice_add_table (notice, columns, G_N_ELEMENTS (columns), "积分公示名单（续）");
      for (guint i = 0; i < standings->len; i++)
        {
          const YishiPointsStanding *standing = g_ptr_array_index (standings, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *name = public_name (standing);
          g_autofree char *got = format_points (standing->earned);
          g_autofree char *spent = format_points (standing->redeemed);
          g_autofree char *balance = format_points (standing->balance);
          const char *cells[] = {
            number, name, standing->grid != NULL ? standing->grid : "", got, spent, balance,
            standing->level != NULL ? standing->level : "",
          };

          yishi_notice_add_row (notice, cells);
        }
    }

  /* Publicised for at least seven days, with a phone to call. */
  yishi_notice_add_space (notice, 4.0);
  yishi_notice_add_publicity (notice, today, "如有异议，请在公示期内向社区反映。");
  yishi_notice_add_supervision_phone (notice, "监督电话", supervision_phone);
  yishi_notice_add_signature (notice, community, today);
  return g_steal_pointer (&notice);
}

/**
 * yishi_notice_points_build:
 * @year: 2000–2999
 * @quarter: 1–4
 *
 * Returns: (transfer full) (nullable): the quarter's points notice, or %NULL with @error
 *   set
 */
YishiNotice *
yishi_notice_points_build (YishiDatabase  *database,
                           int             year,
                           int             quarter,
                           const char     *title_font,
                           const char     *body_font,
                           GError        **error)
{
  g_autoptr (GPtrArray) standings = NULL;
  g_autoptr (YishiCommunity) community = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4)
    {
      g_set_error (error, YISHI_POINTS_ERROR, YISHI_POINTS_ERROR_INVALID,
                   _("%d Q%d is not a quarter from 2000 to 2999."), year, quarter);
      return NULL;
    }
  standings = yishi_points_quarter (database, year, quarter, error);
  if (standings == NULL)
    return NULL;
  community = yishi_community_load (database, NULL);
  today = yishi_clock_today ();
  return points_notice_new (standings, year, quarter,
                            community != NULL ? community->name : "",
                            community != NULL ? community->supervision_phone : NULL,
                            today, title_font, body_font);
}

/* Writes the quarter's points notice to @path (a PDF); nothing is written on error. */
gboolean
yishi_notice_points_write (YishiDatabase  *database,
                           int             year,
                           int             quarter,
                           const char     *title_font,
                           const char     *body_font,
                           const char     *path,
                           GError        **error)
{
  g_autoptr (YishiNotice) notice = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  notice = yishi_notice_points_build (database, year, quarter, title_font, body_font, error);
  if (notice == NULL)
    return FALSE;
  return yishi_notice_write_pdf (notice, path, error);
}
