/* yishi-notice.c — notices: their blocks, pagination, drawing and the PDF file.
 *
 * After GB/T 9704-2012: margins of 37/35/28/26 mm, the issuer in red over a red rule,
 * the title in 2号 (22 pt), body text in 3号 (16 pt), the date right-aligned four
 * characters from the edge under the signer with room for the seal, page numbers
 * "— 1 —" 7 mm under the text block. The layout pass measures at 72 dpi with hinting
 * off, so pages do not depend on the surface; table cells are laid out again when
 * their page is drawn, so a long table costs its strings, not its glyphs.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <unistd.h>

#include "yishi-notice-private.h"

/* The red of red-headed documents. */
static const double red[3] = { 0.902, 0.0, 0.071 };

typedef enum
{
  PLACE_TEXT,
  PLACE_CAPTION,
  PLACE_TABLE_HEADER,
  PLACE_ROW,
  PLACE_CUT,
  PLACE_SIGNATURE,
} PlaceKind;

typedef struct
{
  PlaceKind kind;
  Block *block;
  guint row;
  int first, last;  /* PLACE_TEXT: lines [first, last) */
  int *cell_lines;  /* PLACE_ROW of a row split over pages: [first, last) per cell */
  double y, height;
} Placement;

G_DEFINE_FINAL_TYPE (YishiNotice, yishi_notice, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  yishi_notice_block_clear_layout (block);
  g_free (block->text);
  g_free (block->date);
  g_free (block->continued);
  g_strfreev (block->titles);
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
invalidate (YishiNotice *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_ptr_array_set_size (self->slices, 0);
}

static void
yishi_notice_finalize (GObject *object)
{
  YishiNotice *self = YISHI_NOTICE (object);

  invalidate (self);
  g_clear_pointer (&self->slices, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->cell);
  g_clear_pointer (&self->cell_font, pango_font_description_free);
  g_clear_pointer (&self->cell_bold, pango_font_description_free);
  g_clear_object (&self->context);
  g_free (self->title_font);
  g_free (self->body_font);
  g_free (self->issuer);
  g_free (self->title);

  G_OBJECT_CLASS (yishi_notice_parent_class)->finalize (object);
}

static void
yishi_notice_class_init (YishiNoticeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_notice_finalize;
}

static void
yishi_notice_init (YishiNotice *self)
{
  self->header = g_ptr_array_new_with_free_func (block_free);
  self->slices = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->title_font = g_strdup (YISHI_NOTICE_DEFAULT_TITLE_FONT);
  self->body_font = g_strdup (YISHI_NOTICE_DEFAULT_BODY_FONT);
  self->issuer = g_strdup ("");
  self->title = g_strdup ("");
  self->body_size = 16.0;
  self->table_size = 12.0;
  self->margin_top = 37.0 * MM;
  self->margin_bottom = 35.0 * MM;
  self->margin_left = 28.0 * MM;
  self->margin_right = 26.0 * MM;
}

/* Returns: (transfer full): an empty notice with the margins of GB/T 9704 */
YishiNotice *
yishi_notice_new (YishiNoticePaper       paper,
                  YishiNoticeOrientation orientation)
{
  YishiNotice *self = g_object_new (YISHI_TYPE_NOTICE, NULL);
  double short_side = paper == YISHI_NOTICE_PAPER_A3 ? 297.0 * MM : 210.0 * MM;
  double long_side = paper == YISHI_NOTICE_PAPER_A3 ? 420.0 * MM : 297.0 * MM;

  self->page_width = orientation == YISHI_NOTICE_LANDSCAPE ? long_side : short_side;
  self->page_height = orientation == YISHI_NOTICE_LANDSCAPE ? short_side : long_side;
  return self;
}

/* Font families with an optional style, as Pango reads them ("Noto Serif CJK SC
 * Bold"); %NULL or "" keeps the default. */
void
yishi_notice_set_fonts (YishiNotice *self,
                        const char  *title_font,
                        const char  *body_font)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));

  g_free (self->title_font);
  self->title_font = g_strdup (title_font != NULL && *title_font != '\0'
                               ? title_font : YISHI_NOTICE_DEFAULT_TITLE_FONT);
  g_free (self->body_font);
  self->body_font = g_strdup (body_font != NULL && *body_font != '\0'
                              ? body_font : YISHI_NOTICE_DEFAULT_BODY_FONT);
  invalidate (self);
}

/* Body text defaults to 16 pt (3号), tables to 12 pt; 10.5 pt (5号) lets a landscape
 * table of ten columns fit. */
void
yishi_notice_set_sizes (YishiNotice *self,
                        double       body_points,
                        double       table_points)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (body_points >= 6.0 && body_points <= 48.0);
  g_return_if_fail (table_points >= 6.0 && table_points <= 48.0);

  self->body_size = body_points;
  self->table_size = table_points;
  invalidate (self);
}

static Block *
new_block (BlockKind   kind,
           int         style,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  block->text = g_strdup (text != NULL ? text : "");
  return block;
}

/* The header of the first page: @issuer (the community) in red above a red rule, the
 * @title in the title font and a @subtitle such as the period; each may be %NULL. */
void
yishi_notice_set_header (YishiNotice *self,
                         const char  *issuer,
                         const char  *title,
                         const char  *subtitle)
{
  const char *texts[] = { issuer, title, subtitle };
  const int styles[] = { STYLE_ISSUER, STYLE_TITLE, STYLE_SUBTITLE };

  g_return_if_fail (YISHI_IS_NOTICE (self));

  g_free (self->issuer);
  self->issuer = g_strdup (issuer != NULL ? issuer : "");
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  g_ptr_array_set_size (self->header, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && *texts[i] != '\0')
      g_ptr_array_add (self->header, new_block (BLOCK_TEXT, styles[i], texts[i]));
  invalidate (self);
}

void
yishi_notice_get_page_size (YishiNotice *self,
                            double      *width_pt,
                            double      *height_pt)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));

  if (width_pt != NULL)
    *width_pt = self->page_width;
  if (height_pt != NULL)
    *height_pt = self->page_height;
}

static Block *
append_block (YishiNotice *self,
              BlockKind    kind,
              int          style,
              const char  *text)
{
  Block *block = new_block (kind, style, text);

  g_ptr_array_add (self->blocks, block);
  self->table = NULL;
  invalidate (self);
  return block;
}

/* A heading stays on the page of what follows it; @new_page starts it on a new page
 * unless the page has nothing but the header yet. */
void
yishi_notice_add_heading (YishiNotice *self,
                          const char  *text,
                          gboolean     new_page)
{
  Block *block;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_TEXT, STYLE_HEADING, text);
  block->page_break = new_page;
  block->keep_with_next = TRUE;
}

/* A small paragraph (a count line) stays with what follows it. */
void
yishi_notice_add_paragraph (YishiNotice          *self,
                            const char           *text,
                            YishiNoticeTextStyle  style)
{
  Block *block;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (style <= YISHI_NOTICE_TEXT_SMALL);

  block = append_block (self, BLOCK_TEXT, style, text);
  block->keep_with_next = style == YISHI_NOTICE_TEXT_SMALL;
}

/* Vertical space, dropped at the top of a page. */
void
yishi_notice_add_space (YishiNotice *self,
                        double       mm)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (mm >= 0);

  append_block (self, BLOCK_SPACE, 0, NULL)->space = mm * MM;
}

/**
 * yishi_notice_add_table:
 * @columns: (array length=n_columns): the columns; a width of 0 makes a column as
 *   wide as its widest cell, the others share the rest by their widths
 * @continued: (nullable): a caption above the header row where the table continues
 *   on a new page, such as "问题清单（续）"
 *
 * Starts a table; add its rows with yishi_notice_add_row (). The header row (the
 * columns' titles) repeats at the top of every page the table continues on. A row is
 * never split over two pages unless it is taller than a page.
 */
void
yishi_notice_add_table (YishiNotice             *self,
                        const YishiNoticeColumn *columns,
                        guint                    n_columns,
                        const char              *continued)
{
  Block *block;
  gboolean has_header = FALSE;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (columns != NULL && n_columns > 0);

  block = append_block (self, BLOCK_TABLE, YISHI_NOTICE_TEXT_SMALL, NULL);
  block->columns = g_array_sized_new (FALSE, TRUE, sizeof (Column), n_columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  block->titles = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      Column column = { MAX (columns[i].width, 0), columns[i].centred, 0, 0 };

      g_array_append_val (block->columns, column);
      block->titles[i] = g_strdup (columns[i].title != NULL ? columns[i].title : "");
      has_header |= columns[i].title != NULL;
    }
  if (!has_header)
    g_clear_pointer (&block->titles, g_strfreev);
  block->continued = g_strdup (continued);
  self->table = block;
}

/* @cells: one string per column of the last table (%NULL for an empty cell) */
void
yishi_notice_add_row (YishiNotice       *self,
                      const char *const *cells)
{
  char **row;
  guint n;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->table != NULL);

  n = self->table->columns->len;
  row = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (self->table->rows, row);
  invalidate (self);
}

/* Consecutive calls make one form, the keys in a column of their own. */
void
yishi_notice_add_key_value (YishiNotice *self,
                            const char  *key,
                            const char  *value)
{
  static const YishiNoticeColumn form[] = { { NULL, 0, TRUE }, { NULL, 1, FALSE } };
  const char *cells[] = { key, value };

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (key != NULL);

  if (self->table == NULL || !self->table->key_value)
    {
      yishi_notice_add_table (self, form, G_N_ELEMENTS (form), NULL);
      self->table->key_value = TRUE;
    }
  yishi_notice_add_row (self, cells);
}

/* A dashed line across the page with @label in the middle, to cut along. */
void
yishi_notice_add_cut_line (YishiNotice *self,
                           const char  *label)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));

  append_block (self, BLOCK_CUT, 0, label);
}

/**
 * yishi_notice_add_signature:
 * @signer: the issuer's name, centred over the date
 * @date: (nullable): YYYY-MM-DD, printed as 2026年12月1日 four characters from the
 *   right edge
 *
 * A signature block with room above it for the seal. It is never split, and the
 * paragraphs just before it (up to two) go with it: no page holds only a signature.
 */
void
yishi_notice_add_signature (YishiNotice *self,
                            const char  *signer,
                            const char  *date)
{
  g_return_if_fail (YISHI_IS_NOTICE (self));

  for (guint i = self->blocks->len, kept = 0; i > 0 && kept < 2; i--, kept++)
    {
      Block *before = g_ptr_array_index (self->blocks, i - 1);

      if (before->kind != BLOCK_TEXT || before->style > YISHI_NOTICE_TEXT_SMALL)
        break;
      before->keep_with_next = TRUE;
    }
  append_block (self, BLOCK_SIGNATURE, 0, signer)->date =
    date != NULL ? yishi_notice_format_date (date) : g_strdup ("");
}

static char *
add_days (const char *date,
          int         days)
{
  g_autoptr (GDate) when = g_date_new ();
  char text[16];

  g_date_set_parse (when, date);
  if (!g_date_valid (when))
    return g_strdup (date);
  g_date_add_days (when, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", when);
  return g_strdup (text);
}

/**
 * yishi_notice_add_publicity:
 * @today: YYYY-MM-DD, the first day
 * @note: what follows the period in the same paragraph ("" for nothing)
 *
 * The publicity period of a public notice: seven days from @today.
 */
void
yishi_notice_add_publicity (YishiNotice *self,
                            const char  *today,
                            const char  *note)
{
  g_autofree char *end_date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (today != NULL);

  end_date = add_days (today, 6);
  start = yishi_notice_format_date (today);
  end = yishi_notice_format_date (end_date);
  text = g_strdup_printf ("公示期：%s至%s。%s", start, end, note != NULL ? note : "");
  yishi_notice_add_paragraph (self, text, YISHI_NOTICE_TEXT_PLAIN);
}

/**
 * yishi_notice_add_supervision_phone:
 * @label: such as 监督电话
 * @phone: (nullable): nothing is added without one
 *
 * "@label：@phone" on a line of its own.
 */
void
yishi_notice_add_supervision_phone (YishiNotice *self,
                                    const char  *label,
                                    const char  *phone)
{
  g_autofree char *text = NULL;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (label != NULL);

  if (phone == NULL || *phone == '\0')
    return;
  text = g_strdup_printf ("%s：%s", label, phone);
  yishi_notice_add_paragraph (self, text, YISHI_NOTICE_TEXT_PLAIN);
}

/* 2026-12-01 → 2026年12月1日; anything else is returned as it is. */
char *
yishi_notice_format_date (const char *date)
{
  int year, month, day;
  char rest;

  g_return_val_if_fail (date != NULL, NULL);

  if (sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3 &&
      g_date_valid_dmy (day, month, year))
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup (date);
}

/* The layout pass ------------------------------------------------------------------ */
/* Pagination ----------------------------------------------------------------------- */

typedef struct
{
  YishiNotice *self;
  GArray *page;
  double y, top, bottom;
  gboolean has_body;   /* anything but the header on this page */
  gboolean in_header;
} Flow;

static void
flow_new_page (Flow *flow)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placement));

  g_ptr_array_add (flow->self->pages, page);
  flow->page = page;
  flow->y = flow->top;
  flow->has_body = FALSE;
}

static void
flow_place (Flow      *flow,
            PlaceKind  kind,
            Block     *block,
            guint      row,
            int        first,
            int        last,
            int       *cell_lines,
            double     height)
{
  Placement placement = { kind, block, row, first, last, cell_lines, flow->y, height };

  g_array_append_val (flow->page, placement);
  flow->y += height;
  flow->has_body |= !flow->in_header;
}

/* Space is dropped at the top of a page. */
static void
flow_space (Flow   *flow,
            double  space)
{
  if (flow->y > flow->top)
    flow->y = MIN (flow->y + space, flow->bottom);
}

/* The least height that must fit with what comes before @index, so that a heading
 * or a count line does not stay alone at the bottom of a page. */
static double
min_height_from (YishiNotice *self,
                 GPtrArray   *blocks,
                 guint        index)
{
  Block *block = index < blocks->len ? g_ptr_array_index (blocks, index) : NULL;

  if (block == NULL || block->page_break)
    return 0;
  if (block->kind == BLOCK_TEXT && block->keep_with_next)
    return block->height + yishi_notice_space_after (self, block) +
           min_height_from (self, blocks, index + 1);
  if (block->kind == BLOCK_TEXT)
    return g_array_index (block->lines, Span, 0).bottom;
  if (block->kind == BLOCK_SPACE)
    return block->space + min_height_from (self, blocks, index + 1);
  if (block->kind == BLOCK_TABLE)
    return block->header_height + (block->rows->len > 0 ? block->row_heights[0] : 0);
  return block->height;
}

static void
place_text (Flow      *flow,
            GPtrArray *blocks,
            guint      index)
{
  Block *block = g_ptr_array_index (blocks, index);
  GArray *lines = block->lines;
  double need = g_array_index (lines, Span, 0).bottom;
  guint i = 0;

  if (block->style == STYLE_HEADING)
    flow_space (flow, flow->self->body_size * 0.4);
  if (block->keep_with_next)
    need = block->height + yishi_notice_space_after (flow->self, block) +
           min_height_from (flow->self, blocks, index + 1);
  if (flow->y + MIN (need, flow->bottom - flow->top) > flow->bottom && flow->has_body)
    flow_new_page (flow);

  /* Lines that do not fit go on to the next page. */
  while (i < lines->len)
    {
      double start = g_array_index (lines, Span, i).top;
      guint j = i;

      while (j < lines->len && g_array_index (lines, Span, j).bottom - start <= flow->bottom - flow->y)
        j++;
      if (j == i && flow->has_body)
        {
          flow_new_page (flow);
          continue;
        }
      j = MAX (j, i + 1);
      flow_place (flow, PLACE_TEXT, block, 0, (int)i, (int)j, NULL,
                  g_array_index (lines, Span, j - 1).bottom - start);
      i = j;
      if (i < lines->len)
        flow_new_page (flow);
    }
  flow_space (flow, yishi_notice_space_after (flow->self, block));
}

static void
table_continues (Flow  *flow,
                 Block *block)
{
  flow_new_page (flow);
  if (block->caption_height > 0)
    flow_place (flow, PLACE_CAPTION, block, 0, 0, -1, NULL, block->caption_height);
  if (block->titles != NULL)
    flow_place (flow, PLACE_TABLE_HEADER, block, 0, 0, 0, NULL, block->header_height);
}

/* A row taller than a page goes over pages line by line, each cell on its own. */
static void
place_split_row (Flow  *flow,
                 Block *block,
                 guint  row)
{
  YishiNotice *self = flow->self;
  guint n = block->columns->len;
  g_autofree guint *next = g_new0 (guint, n);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  gboolean left = TRUE;

  for (guint c = 0; c < n; c++)
    {
      PangoLayout *layout = yishi_notice_cell_layout (self, block, row, c, FALSE);

      g_ptr_array_add (lines, yishi_notice_layout_lines (layout));
    }
  /* Start on this page only if a few lines fit. */
  if (flow->bottom - flow->y < 4.5 * self->table_size + 2 * CELL_PAD_Y)
    table_continues (flow, block);

  while (left)
    {
      double avail = flow->bottom - flow->y - 2 * CELL_PAD_Y;
      int *slice = g_new (int, 2 * n);
      double height = 0;
      gboolean placed = FALSE;

      g_ptr_array_add (self->slices, slice);
      for (guint c = 0; c < n; c++)
        {
          GArray *spans = g_ptr_array_index (lines, c);
          guint j = next[c];
          double start = j < spans->len ? g_array_index (spans, Span, j).top : 0;

          while (j < spans->len && g_array_index (spans, Span, j).bottom - start <= avail)
            j++;
          slice[2 * c] = (int)next[c];
          slice[2 * c + 1] = (int)j;
          placed |= j > next[c];
        }
      left = FALSE;
      for (guint c = 0; c < n; c++)
        {
          GArray *spans = g_ptr_array_index (lines, c);
          int i = slice[2 * c];

          /* Not even a line fits: one line of each cell anyway. */
          if (!placed && (guint)i < spans->len)
            slice[2 * c + 1] = i + 1;
          next[c] = (guint)slice[2 * c + 1];
          if (slice[2 * c + 1] > i)
            height = MAX (height, g_array_index (spans, Span, slice[2 * c + 1] - 1).bottom -
                                  g_array_index (spans, Span, i).top);
          left |= next[c] < spans->len;
        }
      flow_place (flow, PLACE_ROW, block, row, 0, 0, slice, height + 2 * CELL_PAD_Y);
      if (left)
        table_continues (flow, block);
    }
}

static void
place_table (Flow  *flow,
             Block *block)
{
  double head = block->titles != NULL ? block->header_height : 0;
  double fresh = flow->bottom - flow->top - head - block->caption_height;
  double first = block->rows->len > 0 ? MIN (block->row_heights[0], fresh) : 0;

  if (flow->y + head + first > flow->bottom && flow->has_body)
    flow_new_page (flow);
  if (head > 0)
    flow_place (flow, PLACE_TABLE_HEADER, block, 0, 0, 0, NULL, head);

  for (guint r = 0; r < block->rows->len; r++)
    {
      double height = block->row_heights[r];

      if (flow->y + height <= flow->bottom + 0.01)
        flow_place (flow, PLACE_ROW, block, r, 0, 0, NULL, height);
      else if (height <= fresh)
        {
          table_continues (flow, block);
          flow_place (flow, PLACE_ROW, block, r, 0, 0, NULL, height);
        }
      else
        place_split_row (flow, block, r);
    }
  flow_space (flow, yishi_notice_space_after (flow->self, block));
}

static void
place_blocks (Flow      *flow,
              GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->page_break && flow->has_body)
        flow_new_page (flow);
      switch (block->kind)
        {
        case BLOCK_TEXT:
          place_text (flow, blocks, i);
          break;
        case BLOCK_SPACE:
          flow_space (flow, block->space);
          break;
        case BLOCK_TABLE:
          place_table (flow, block);
          break;
        case BLOCK_CUT:
        case BLOCK_SIGNATURE:
          /* Kept whole. */
          if (flow->y + block->height > flow->bottom && flow->has_body)
            flow_new_page (flow);
          flow_place (flow, block->kind == BLOCK_CUT ? PLACE_CUT : PLACE_SIGNATURE, block,
                      0, 0, 0, NULL, block->height);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Measures the content and breaks it into pages. The functions that draw call it as
 * needed; a change to the notice undoes it. */
void
yishi_notice_layout (YishiNotice *self)
{
  Flow flow = { self, NULL, 0, 0, 0, FALSE, FALSE };

  g_return_if_fail (YISHI_IS_NOTICE (self));

  if (self->pages != NULL)
    return;
  yishi_notice_measure (self);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  flow.top = self->margin_top;
  flow.bottom = (self->page_height - self->margin_bottom);
  flow_new_page (&flow);
  flow.in_header = TRUE;
  place_blocks (&flow, self->header);
  flow.in_header = FALSE;
  place_blocks (&flow, self->blocks);
}

guint
yishi_notice_get_n_pages (YishiNotice *self)
{
  g_return_val_if_fail (YISHI_IS_NOTICE (self), 0);

  yishi_notice_layout (self);
  return self->pages->len;
}

/* Drawing -------------------------------------------------------------------------- */

/* Lines [first, last) of @layout with the top of line @first at @y; -1 for all. */
static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            int          first,
            int          last,
            double       x,
            double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  int i = 0;

  do
    {
      if (last >= 0 && i >= last)
        break;
      if (i >= first)
        {
          PangoRectangle logical;
          int line_top, line_bottom;

          pango_layout_iter_get_line_yrange (iter, &line_top, &line_bottom);
          if (i == first)
            top = line_top / (double)PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + logical.x / (double)PANGO_SCALE,
                         y + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_text (YishiNotice     *self,
           cairo_t         *cr,
           const Placement *placement)
{
  Block *block = placement->block;
  double left = self->margin_left;

  if (placement->kind == PLACE_TEXT && block->style == STYLE_ISSUER)
    {
      double rule = placement->y + placement->height + 4 * MM + RED_RULE_WIDTH / 2;

      cairo_set_source_rgb (cr, red[0], red[1], red[2]);
      draw_lines (cr, block->layout, placement->first, placement->last, left, placement->y);
      cairo_set_line_width (cr, RED_RULE_WIDTH);
      cairo_move_to (cr, left, rule);
      cairo_line_to (cr, left + yishi_notice_content_width (self), rule);
      cairo_stroke (cr);
      return;
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_lines (cr, block->layout, placement->first, placement->last, left, placement->y);
}

static void
draw_row (YishiNotice     *self,
          cairo_t         *cr,
          const Placement *placement)
{
  Block *block = placement->block;
  gboolean header = placement->kind == PLACE_TABLE_HEADER;
  double left = self->margin_left;
  const int *slice = placement->cell_lines;

  if (header)
    {
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, left, placement->y, yishi_notice_content_width (self), placement->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < block->columns->len; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);
      double x = left + column->x + CELL_PAD_X;
      double y = placement->y + CELL_PAD_Y;
      PangoLayout *layout;

      if (slice != NULL)
        {
          if (slice[2 * c] < slice[2 * c + 1])
            draw_lines (cr, yishi_notice_cell_layout (self, block, placement->row, c, header),
                        slice[2 * c], slice[2 * c + 1], x, y);
          continue;
        }
      /* At the top, so that the first lines of a row share a baseline and the text is
       * extracted row by row; kept cells without a width are centred across. */
      layout = yishi_notice_cell_layout (self, block, placement->row, c, header);
      if (pango_layout_get_width (layout) < 0 && column->centred)
        x += (column->width - 2 * CELL_PAD_X - yishi_notice_layout_width (layout)) / 2;
      if (header)
        y += (placement->height - 2 * CELL_PAD_Y - yishi_notice_layout_height (layout)) / 2;
      draw_lines (cr, layout, 0, -1, x, y);
    }

  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_rectangle (cr, left, placement->y, yishi_notice_content_width (self), placement->height);
  for (guint c = 1; c < block->columns->len; c++)
    {
      double x = left + g_array_index (block->columns, Column, c).x;

      cairo_move_to (cr, x, placement->y);
      cairo_line_to (cr, x, placement->y + placement->height);
    }
  cairo_stroke (cr);
}

static void
draw_cut (YishiNotice     *self,
          cairo_t         *cr,
          const Placement *placement)
{
  Block *block = placement->block;
  double left = self->margin_left;
  double width = yishi_notice_content_width (self);
  double label_width = yishi_notice_layout_width (block->layout);
  double middle = placement->y + placement->height / 2;
  double gap = *block->text != '\0' ? label_width + self->table_size : 0;
  const double dashes[] = { 4.0, 3.0 };

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, left, middle);
  cairo_line_to (cr, left + (width - gap) / 2, middle);
  cairo_move_to (cr, left + (width + gap) / 2, middle);
  cairo_line_to (cr, left + width, middle);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (gap > 0)
    draw_lines (cr, block->layout, 0, -1, left + (width - label_width) / 2,
                middle - yishi_notice_layout_height (block->layout) / 2);
}

static void
draw_signature (YishiNotice     *self,
                cairo_t         *cr,
                const Placement *placement)
{
  Block *block = placement->block;
  double right = self->margin_left + yishi_notice_content_width (self);
  double date_width = yishi_notice_layout_width (block->date_layout);
  double signer_width = yishi_notice_layout_width (block->layout);
  double date_x = MAX (right - 4 * self->body_size - date_width, self->margin_left);
  double signer_x = date_x + (date_width - signer_width) / 2;
  double y = placement->y + self->body_size * 2.5;

  /* The signer is centred over the date, within the text block. */
  signer_x = MAX (MIN (signer_x, right - signer_width), self->margin_left);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_lines (cr, block->layout, 0, -1, signer_x, y);
  y += yishi_notice_layout_height (block->layout) + self->body_size * 0.3;
  draw_lines (cr, block->date_layout, 0, -1, date_x, y);
}

/**
 * yishi_notice_draw_page:
 * @page: from 0
 * @width_pt: the width of the target page in points
 * @height_pt: its height
 *
 * Draws @page onto @cr, whose user space is in points with the origin at the top left
 * of the target page. On a target of another size the page is scaled to fit, centred.
 */
void
yishi_notice_draw_page (YishiNotice *self,
                        cairo_t     *cr,
                        guint        page,
                        double       width_pt,
                        double       height_pt)
{
  GArray *placements;

  g_return_if_fail (YISHI_IS_NOTICE (self));
  g_return_if_fail (cr != NULL);

  yishi_notice_layout (self);
  g_return_if_fail (page < self->pages->len);
  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  if (width_pt > 0 && height_pt > 0)
    {
      double scale = MIN (width_pt / self->page_width, height_pt / self->page_height);

      cairo_translate (cr, (width_pt - self->page_width * scale) / 2,
                       (height_pt - self->page_height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      switch (placement->kind)
        {
        case PLACE_TEXT:
        case PLACE_CAPTION:
          draw_text (self, cr, placement);
          break;
        case PLACE_TABLE_HEADER:
        case PLACE_ROW:
          draw_row (self, cr, placement);
          break;
        case PLACE_CUT:
          draw_cut (self, cr, placement);
          break;
        case PLACE_SIGNATURE:
          draw_signature (self, cr, placement);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  {
    /* En spaces: wide enough for text extraction to see "— 1 —". */
    g_autofree char *number = g_strdup_printf ("—\u2002%u\u2002—", page + 1);
    g_autoptr (PangoLayout) layout = NULL;

    layout = yishi_notice_new_layout (self, self->body_font, PAGE_NUMBER_POINTS, FALSE,
                                      yishi_notice_content_width (self), PANGO_ALIGN_CENTER, number);

    cairo_set_source_rgb (cr, 0, 0, 0);
    draw_lines (cr, layout, 0, -1, self->margin_left, self->page_height - self->margin_bottom + 7 * MM);
  }
  cairo_restore (cr);
}

/* Writing -------------------------------------------------------------------------- */

static cairo_status_t
render_pdf (YishiNotice *self,
            const char  *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, self->page_width, self->page_height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->issuer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yishi " PACKAGE_VERSION);
  for (guint page = 0; page < self->pages->len; page++)
    {
      yishi_notice_draw_page (self, cr, page, self->page_width, self->page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * yishi_notice_write_pdf:
 *
 * Writes all pages to @path through a temporary file beside it, renamed over @path
 * once complete: a failure leaves an earlier file of that name as it was. Fonts are
 * embedded as subsets; the text can be searched and copied.
 */
gboolean
yishi_notice_write_pdf (YishiNotice  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *display = NULL;
  cairo_status_t status = CAIRO_STATUS_WRITE_ERROR;
  int fd, saved_errno = 0;

  g_return_val_if_fail (YISHI_IS_NOTICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  yishi_notice_layout (self);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temporary, O_WRONLY, 0666);
  if (fd < 0)
    saved_errno = errno;
  else
    {
      close (fd);
      status = render_pdf (self, temporary);
      if (status == CAIRO_STATUS_SUCCESS && g_rename (temporary, path) != 0)
        saved_errno = errno;
      if (status != CAIRO_STATUS_SUCCESS || saved_errno != 0)
        g_unlink (temporary);
    }
  if (status == CAIRO_STATUS_SUCCESS && saved_errno == 0)
    return TRUE;
  display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, saved_errno != 0 ? g_file_error_from_errno (saved_errno) : G_FILE_ERROR_IO,
               _("Could not write “%s”: %s"), display,
               saved_errno != 0 ? g_strerror (saved_errno) : cairo_status_to_string (status));
  return FALSE;
}
