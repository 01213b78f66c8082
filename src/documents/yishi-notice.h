/* yishi-notice.h — official-looking notices drawn onto a cairo_t.
 *
 * A notice is built from a header (the issuer in red over a red rule, the title, an
 * optional period line) and a flow of blocks: headings, paragraphs, tables whose
 * header row repeats on every page they continue on, key–value forms, tear-off lines
 * and signature blocks. After a layout pass the same pages are drawn into a PDF file
 * or onto the cairo_t of a GtkPrintOperation.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define YISHI_NOTICE_DEFAULT_TITLE_FONT "Noto Serif CJK SC Bold"
#define YISHI_NOTICE_DEFAULT_BODY_FONT "Noto Serif CJK SC"

typedef enum
{
  YISHI_NOTICE_PAPER_A4,
  YISHI_NOTICE_PAPER_A3,
} YishiNoticePaper;

typedef enum
{
  YISHI_NOTICE_PORTRAIT,
  YISHI_NOTICE_LANDSCAPE,
} YishiNoticeOrientation;

typedef enum
{
  YISHI_NOTICE_TEXT_BODY,     /* body size, first line indented two characters, justified */
  YISHI_NOTICE_TEXT_PLAIN,    /* body size, no indent */
  YISHI_NOTICE_TEXT_CENTRED,  /* body size, centred */
  YISHI_NOTICE_TEXT_SMALL,    /* table size: count lines, notes */
} YishiNoticeTextStyle;

/* A column of a table; @width is relative to the other columns'. */
typedef struct
{
  const char *title;
  double width;
  gboolean centred;
} YishiNoticeColumn;

#define YISHI_TYPE_NOTICE (yishi_notice_get_type ())

G_DECLARE_FINAL_TYPE (YishiNotice, yishi_notice, YISHI, NOTICE, GObject)

YishiNotice *yishi_notice_new              (YishiNoticePaper          paper,
                                            YishiNoticeOrientation    orientation);
void         yishi_notice_set_fonts        (YishiNotice              *self,
                                            const char               *title_font,
                                            const char               *body_font);
void         yishi_notice_set_sizes        (YishiNotice              *self,
                                            double                    body_points,
                                            double                    table_points);
void         yishi_notice_set_header       (YishiNotice              *self,
                                            const char               *issuer,
                                            const char               *title,
                                            const char               *subtitle);
void         yishi_notice_get_page_size    (YishiNotice              *self,
                                            double                   *width_pt,
                                            double                   *height_pt);

void         yishi_notice_add_heading      (YishiNotice              *self,
                                            const char               *text,
                                            gboolean                  new_page);
void         yishi_notice_add_paragraph    (YishiNotice              *self,
                                            const char               *text,
                                            YishiNoticeTextStyle      style);
void         yishi_notice_add_space        (YishiNotice              *self,
                                            double                    mm);
void         yishi_notice_add_table        (YishiNotice              *self,
                                            const YishiNoticeColumn  *columns,
                                            guint                     n_columns,
                                            const char               *continued);
void         yishi_notice_add_row          (YishiNotice              *self,
                                            const char *const        *cells);
void         yishi_notice_add_key_value    (YishiNotice              *self,
                                            const char               *key,
                                            const char               *value);
void         yishi_notice_add_cut_line     (YishiNotice              *self,
                                            const char               *label);
void         yishi_notice_add_signature    (YishiNotice              *self,
                                            const char               *signer,
                                            const char               *date);
void         yishi_notice_add_publicity    (YishiNotice              *self,
                                            const char               *today,
                                            const char               *note);
void         yishi_notice_add_supervision_phone (YishiNotice         *self,
                                                 const char          *label,
                                                 const char          *phone);

void         yishi_notice_layout           (YishiNotice              *self);
guint        yishi_notice_get_n_pages      (YishiNotice              *self);
void         yishi_notice_draw_page        (YishiNotice              *self,
                                            cairo_t                  *cr,
                                            guint                     page,
                                            double                    width_pt,
                                            double                    height_pt);
gboolean     yishi_notice_write_pdf        (YishiNotice              *self,
                                            const char               *path,
                                            GError                  **error);

char        *yishi_notice_format_date      (const char               *date);

G_END_DECLS
