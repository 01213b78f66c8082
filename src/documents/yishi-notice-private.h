/* yishi-notice-private.h — what yishi-notice.c and yishi-notice-layout.c share.
 *
 * The blocks a notice is made of, the notice's instance struct, and the measuring
 * half of the layout pass (yishi-notice-layout.c) that pagination and drawing
 * (yishi-notice.c) call into.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "yishi-notice.h"

G_BEGIN_DECLS

#define MM (72.0 / 25.4)

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define RULE_WIDTH 0.6
#define RED_RULE_WIDTH 1.5
#define ISSUER_POINTS 30.0
#define TITLE_POINTS 22.0
#define PAGE_NUMBER_POINTS 14.0

/* Styles of text beyond the public ones: the header and headings. */
enum
{
  STYLE_HEADING = YISHI_NOTICE_TEXT_SMALL + 1,
  STYLE_ISSUER,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  N_STYLES
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SPACE,
  BLOCK_TABLE,
  BLOCK_CUT,
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct
{
  double weight;    /* 0: as wide as the widest cell */
  gboolean centred;
  double x, width;  /* set by the layout pass, in points from the left margin */
} Column;

typedef struct
{
  BlockKind kind;
  int style;
  gboolean page_break;
  gboolean keep_with_next;
  char *text;       /* text, cut line label, signer */
  char *date;       /* signature */
  double space;     /* BLOCK_SPACE, in points */

  /* Tables; a key–value form is a table without a header whose first column is as
   * wide as its widest key. */
  GArray *columns;  /* Column */
  char **titles;    /* the header row, or NULL */
  GPtrArray *rows;  /* char ** with one string per column */
  char *continued;  /* caption on the pages the table continues on */
  gboolean key_value;

  /* Set by the layout pass. */
  PangoLayout *layout;       /* text, cut label, signer, caption */
  PangoLayout *date_layout;  /* signature */
  GArray *lines;             /* Span of the lines of ->layout */
  double *row_heights;
  PangoLayout **cells;       /* kept layouts, row by row; or NULL */
  gsize n_cells;
  double header_height;
  double caption_height;
  double height;
} Block;

typedef struct
{
  double top, bottom;
} Span;

struct _YishiNotice
{
  GObject parent_instance;

  double page_width, page_height;
  double margin_top, margin_bottom, margin_left, margin_right;
  char *title_font, *body_font;
  double body_size, table_size;
  char *issuer, *title;

  GPtrArray *header;  /* Block: issuer, title, period */
  GPtrArray *blocks;  /* Block */
  Block *table;       /* the table yishi_notice_add_row () appends to */

  /* The layout pass. */
  PangoContext *context;
  PangoLayout *cell;  /* reused for table cells that are not kept */
  PangoFontDescription *cell_font, *cell_bold;
  GPtrArray *pages;   /* GArray of Placement */
  GPtrArray *slices;  /* the cell_lines of placements */
};

void           yishi_notice_block_clear_layout (Block            *block);
void           yishi_notice_measure            (YishiNotice      *self);
double         yishi_notice_content_width      (YishiNotice      *self);
PangoLayout   *yishi_notice_new_layout         (YishiNotice      *self,
                                                const char       *family,
                                                double            points,
                                                gboolean          bold,
                                                double            width,
                                                PangoAlignment    alignment,
                                                const char       *text);
double         yishi_notice_layout_extent      (PangoLayout      *layout,
                                                gboolean          vertical);
GArray        *yishi_notice_layout_lines       (PangoLayout      *layout);
double         yishi_notice_space_after        (YishiNotice      *self,
                                                Block            *block);
PangoLayout   *yishi_notice_cell_layout        (YishiNotice      *self,
                                                Block            *block,
                                                guint             row,
                                                guint             index,
                                                gboolean          header);

#define yishi_notice_layout_width(layout) yishi_notice_layout_extent ((layout), FALSE)
#define yishi_notice_layout_height(layout) yishi_notice_layout_extent ((layout), TRUE)

G_END_DECLS
