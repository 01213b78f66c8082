/* yishi-notice-three-lists.c
 *
 * Every month the problem list, the needs list and the completed list go on the wall
 * (三张清单). A4 landscape, one section a page at least, the header row repeated on
 * every page a list continues on, and a closing with the period of publicity, the
 * supervision phone, the issuer and the date. The wording is Chinese whatever the
 * language of the program: these are Chinese public notices.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include "yishi-notice-three-lists.h"

typedef enum
{
  LIST_PROBLEMS,
  LIST_NEEDS,
  LIST_CLOSED,
} ListKind;

/* Width 0: as wide as the widest cell. In 10.5 pt (5号) the serial numbers, dates and
 * short columns stay on one line; the matter and the responsible party share the rest. */
#define OPEN_COLUMNS(subject) \
  { "编号", 0, TRUE }, { "受理日期", 0, TRUE }, { "反映人", 0, TRUE }, \
  { "地点", 0, TRUE }, { "类别", 0, TRUE }, { subject, 3, FALSE }, \
  { "责任主体", 2, FALSE }, { "办理时限", 0, TRUE }, { "办理状态", 0, TRUE }

static const YishiNoticeColumn problem_columns[] = { OPEN_COLUMNS ("反映问题") };
static const YishiNoticeColumn need_columns[] = { OPEN_COLUMNS ("需求内容") };
static const YishiNoticeColumn closed_columns[] = {
  { "编号", 0, TRUE }, { "受理日期", 0, TRUE }, { "反映人", 0, TRUE },
  { "地点", 0, TRUE }, { "类别", 0, TRUE }, { "办结事项", 3, FALSE },
  { "责任主体", 2, FALSE }, { "办理时限", 0, TRUE }, { "办结日期", 0, TRUE },
  { "满意度", 0, TRUE },
};

static const struct
{
  const char *heading;
  const char *continued;
  const char *nothing;
  const YishiNoticeColumn *columns;
  guint n_columns;
} lists_info[] = {
  [LIST_PROBLEMS] = { "一、问题清单", "问题清单（续）", "本月无登记的问题。",
                      problem_columns, G_N_ELEMENTS (problem_columns) },
  [LIST_NEEDS] = { "二、需求清单", "需求清单（续）", "本月无登记的需求。",
                   need_columns, G_N_ELEMENTS (need_columns) },
  [LIST_CLOSED] = { "三、办结清单", "办结清单（续）", "本月无办结事项。",
                    closed_columns, G_N_ELEMENTS (closed_columns) },
};

static char *
count_line (ListKind   kind,
            GPtrArray *rows)
{
  guint closed = 0;

  for (guint i = 0; i < rows->len; i++)
    closed += ((YishiNoticeRow *)g_ptr_array_index (rows, i))->closed ? 1 : 0;
  switch (kind)
    {
    case LIST_PROBLEMS:
      return g_strdup_printf ("本月共登记问题 %u 件，其中已办结 %u 件。", rows->len, closed);
    case LIST_NEEDS:
      return g_strdup_printf ("本月共登记需求 %u 件，其中已办结 %u 件。", rows->len, closed);
    case LIST_CLOSED:
    default:
      return g_strdup_printf ("本月共办结事项 %u 件。", rows->len);
    }
}

static void
add_list (YishiNotice *notice,
          ListKind     kind,
          GPtrArray   *rows)
{
  yishi_notice_add_heading (notice, lists_info[kind].heading, kind != LIST_PROBLEMS);
  if (rows->len == 0)
    {
      yishi_notice_add_paragraph (notice, lists_info[kind].nothing, YISHI_NOTICE_TEXT_PLAIN);
      return;
    }

  {
    g_autofree char *count = count_line (kind, rows);

    yishi_notice_add_paragraph (notice, count, YISHI_NOTICE_TEXT_SMALL);
  }
  yishi_notice_add_table (notice, lists_info[kind].columns, lists_info[kind].n_columns,
                          lists_info[kind].continued);
  for (guint i = 0; i < rows->len; i++)
    {
      YishiNoticeRow *row = g_ptr_array_index (rows, i);

      if (kind == LIST_CLOSED)
        {
          const char *cells[] = { row->serial, row->received_date, row->requester, row->place,
                                  row->category, row->title, row->responsible, row->deadline,
                                  row->closed_date, row->satisfaction };

          yishi_notice_add_row (notice, cells);
        }
      else
        {
          const char *cells[] = { row->serial, row->received_date, row->requester, row->place,
                                  row->category, row->title, row->responsible, row->deadline,
                                  row->state };

          yishi_notice_add_row (notice, cells);
        }
    }
}

/**
 * yishi_notice_three_lists_new:
 * @lists: the month's lists from yishi_notice_data_three_lists ()
 * @title_font: (nullable): the title font, by default Noto Serif CJK SC Bold
 * @body_font: (nullable): the body font, by default Noto Serif CJK SC
 *
 * Returns: (transfer full): the notice, ready to lay out, draw or write
 */
YishiNotice *
yishi_notice_three_lists_new (YishiNoticeLists *lists,
                              const char       *title_font,
                              const char       *body_font)
{
  g_autoptr (YishiNotice) notice = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *intro = NULL;
  const char *community;
  GDate last;

  g_return_val_if_fail (lists != NULL, NULL);

  community = lists->community_name;

  notice = yishi_notice_new (YISHI_NOTICE_PAPER_A4, YISHI_NOTICE_LANDSCAPE);
  yishi_notice_set_fonts (notice, title_font, body_font);
  yishi_notice_set_sizes (notice, 14.0, 10.5);

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month (lists->month, lists->year),
                  lists->month, lists->year);
  title = g_strdup_printf ("%s%d年%d月“三张清单”", community, lists->year, lists->month);
  period = g_strdup_printf ("（%d年%d月1日至%d年%d月%d日）", lists->year, lists->month,
                            lists->year, lists->month, g_date_get_day (&last));
  yishi_notice_set_header (notice, community, title, period);

  if (yishi_notice_lists_is_empty (lists))
    {
      yishi_notice_add_paragraph (notice, "本月没有登记的问题和需求，也没有办结事项。",
                                  YISHI_NOTICE_TEXT_BODY);
    }
  else
    {
      intro = g_strdup_printf ("现将%s%d年%d月收集的居民问题、需求及办结情况公示如下，"
                               "请广大居民监督。", *community != '\0' ? "本社区" : "",
                               lists->year, lists->month);
      yishi_notice_add_paragraph (notice, intro, YISHI_NOTICE_TEXT_BODY);
      add_list (notice, LIST_PROBLEMS, lists->problems);
      add_list (notice, LIST_NEEDS, lists->needs);
      add_list (notice, LIST_CLOSED, lists->closed);
    }

  /* Publicised for at least seven days, with a phone to call. */
  yishi_notice_add_space (notice, 4.0);
  yishi_notice_add_publicity (notice, lists->today, "");
  yishi_notice_add_supervision_phone (notice, "监督电话", lists->supervision_phone);
  yishi_notice_add_signature (notice, community, lists->today);
  return g_steal_pointer (&notice);
}

/**
 * yishi_notice_three_lists_build:
 *
 * The three lists of a month of @database, for preview and printing.
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL with @error set
 */
YishiNotice *
yishi_notice_three_lists_build (YishiDatabase  *database,
                                int             year,
                                int             month,
                                const char     *title_font,
                                const char     *body_font,
                                GError        **error)
{
  g_autoptr (YishiNoticeLists) lists = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  lists = yishi_notice_data_three_lists (database, year, month, error);
  if (lists == NULL)
    return NULL;
  return yishi_notice_three_lists_new (lists, title_font, body_font);
}

/* Writes the three lists of a month to @path (a PDF); nothing is written on error. */
gboolean
yishi_notice_three_lists_write (YishiDatabase  *database,
                                int             year,
                                int             month,
                                const char     *title_font,
                                const char     *body_font,
                                const char     *path,
                                GError        **error)
{
  g_autoptr (YishiNotice) notice = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  notice = yishi_notice_three_lists_build (database, year, month, title_font, body_font, error);
  if (notice == NULL)
    return FALSE;
  return yishi_notice_write_pdf (notice, path, error);
}
