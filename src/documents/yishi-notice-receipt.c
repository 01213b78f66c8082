/* yishi-notice-receipt.c
 *
 * The acceptance receipt (受理回执) handed to the requester when a matter is received:
 * what was received, who handles it, by when, and the phone to call. Below a tear-off
 * line the stub (存根) stays with the office, signed by the staff member and the
 * requester. A4 portrait; the name and phone are masked as on public notices.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include "yishi-notice-receipt.h"

static char *
deadline_text (const char *deadline)
{
  g_autofree char *date = NULL;

  if (deadline == NULL || *deadline == '\0')
    return g_strdup ("按规定时限办理");
  date = yishi_notice_format_date (deadline);
  return g_strdup_printf ("%s前", date);
}

/**
 * yishi_notice_receipt_new:
 * @receipt: the receipt from yishi_notice_data_receipt ()
 * @title_font: (nullable): the title font, by default Noto Serif CJK SC Bold
 * @body_font: (nullable): the body font, by default Noto Serif CJK SC
 *
 * Returns: (transfer full): the notice, ready to lay out, draw or write
 */
YishiNotice *
yishi_notice_receipt_new (YishiNoticeReceipt *receipt,
                          const char         *title_font,
                          const char         *body_font)
{
  g_autoptr (YishiNotice) notice = NULL;
  g_autofree char *received = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *promise = NULL;
  const char *responsible;
  const char *phone;

  g_return_val_if_fail (receipt != NULL, NULL);

  notice = yishi_notice_new (YISHI_NOTICE_PAPER_A4, YISHI_NOTICE_PORTRAIT);
  yishi_notice_set_fonts (notice, title_font, body_font);
  /* A form, not a document's body text: 小四 lets the receipt and its stub share a page. */
  yishi_notice_set_sizes (notice, 12.0, 12.0);
  yishi_notice_set_header (notice, receipt->community_name, "受理回执", NULL);

  received = g_strdup_printf ("%s（%s）", receipt->received_at, receipt->channel);
  subject = g_strdup_printf ("【%s】%s", receipt->kind, receipt->title);
  deadline = deadline_text (receipt->deadline);
  responsible = *receipt->responsible != '\0' ? receipt->responsible : "待分派";
  phone = receipt->supervision_phone;

  yishi_notice_add_key_value (notice, "受理编号", receipt->serial);
  yishi_notice_add_key_value (notice, "受理时间", received);
  yishi_notice_add_key_value (notice, "反映人", receipt->requester);
  if (*receipt->requester_phone != '\0')
    yishi_notice_add_key_value (notice, "联系电话", receipt->requester_phone);
  yishi_notice_add_key_value (notice, "反映事项", subject);
  if (*receipt->content != '\0')
    yishi_notice_add_key_value (notice, "具体内容", receipt->content);
  yishi_notice_add_key_value (notice, "责任主体", responsible);
  yishi_notice_add_key_value (notice, "办理时限", deadline);

  if (*phone != '\0')
    promise = g_strdup_printf ("您反映的事项已登记受理。我们将在办理时限内办理并向您反馈结果；"
                               "如有疑问或对办理情况不满意，请拨打监督电话%s。"
                               "请妥善保管本回执。", phone);
  else
    promise = g_strdup ("您反映的事项已登记受理。我们将在办理时限内办理并向您反馈结果。"
                        "请妥善保管本回执。");
  yishi_notice_add_paragraph (notice, promise, YISHI_NOTICE_TEXT_BODY);
  yishi_notice_add_signature (notice, receipt->community_name, receipt->today);

  /* The stub stays with the office. */
  yishi_notice_add_cut_line (notice, "沿此线剪开");
  yishi_notice_add_heading (notice, "受理回执（存根）", FALSE);
  yishi_notice_add_key_value (notice, "受理编号", receipt->serial);
  yishi_notice_add_key_value (notice, "反映人", receipt->requester);
  yishi_notice_add_key_value (notice, "反映事项", subject);
  yishi_notice_add_key_value (notice, "办理时限", deadline);
  yishi_notice_add_space (notice, 2.0);
  yishi_notice_add_paragraph (notice,
                              "经办人签字：________　领取人签字：________　"
                              "日期：　　年　　月　　日",
                              YISHI_NOTICE_TEXT_SMALL);
  return g_steal_pointer (&notice);
}

/**
 * yishi_notice_receipt_build:
 *
 * Returns: (transfer full) (nullable): the receipt of the matter @serial, or %NULL
 *   with @error set (%YISHI_DATABASE_ERROR_NOT_FOUND for an unknown serial)
 */
YishiNotice *
yishi_notice_receipt_build (YishiDatabase  *database,
                            const char     *serial,
                            const char     *title_font,
                            const char     *body_font,
                            GError        **error)
{
  g_autoptr (YishiNoticeReceipt) receipt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (serial != NULL, NULL);

  receipt = yishi_notice_data_receipt (database, serial, error);
  if (receipt == NULL)
    return NULL;
  return yishi_notice_receipt_new (receipt, title_font, body_font);
}

/* Writes the receipt of @serial to @path (a PDF); nothing is written on error. */
gboolean
yishi_notice_receipt_write (YishiDatabase  *database,
                            const char     *serial,
                            const char     *title_font,
                            const char     *body_font,
                            const char     *path,
                            GError        **error)
{
  g_autoptr (YishiNotice) notice = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  notice = yishi_notice_receipt_build (database, serial, title_font, body_font, error);
  if (notice == NULL)
    return FALSE;
  return yishi_notice_write_pdf (notice, path, error);
}
