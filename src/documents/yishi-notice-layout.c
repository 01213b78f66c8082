/* yishi-notice-layout.c — the measuring half of a notice's layout pass.
 *
 * Text blocks, cut lines and signatures are laid out whole with Pango; tables get
 * their column widths and row heights here, keeping the cells' layouts when the table
 * is small enough. Everything is measured at 72 dpi with hinting off, so pages do not
 * depend on the surface they are drawn on. Pagination and drawing are in
 * yishi-notice.c.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-documents"

#include "config.h"

#include "yishi-notice-private.h"

typedef struct
{
  gboolean title_font;
  double size;      /* points; 0 for the body size, -1 for the table size */
  gboolean bold;
  PangoAlignment alignment;
  gboolean indent;  /* the first line by two characters, and justified */
  double spacing;   /* line spacing factor; 0 for the font's own */
  double after;     /* space after, in body sizes */
} Look;

static const Look looks[N_STYLES] = {
  /* Lines 1.8 em apart, as 22 lines to a page of 3号. */
  [YISHI_NOTICE_TEXT_BODY] = { FALSE, 0, FALSE, PANGO_ALIGN_LEFT, TRUE, 1.25, 0.3 },
  [YISHI_NOTICE_TEXT_PLAIN] = { FALSE, 0, FALSE, PANGO_ALIGN_LEFT, FALSE, 1.25, 0.3 },
  [YISHI_NOTICE_TEXT_CENTRED] = { FALSE, 0, FALSE, PANGO_ALIGN_CENTER, FALSE, 1.25, 0.3 },
  [YISHI_NOTICE_TEXT_SMALL] = { FALSE, -1, FALSE, PANGO_ALIGN_LEFT, FALSE, 0, 0.4 },
  [STYLE_HEADING] = { FALSE, 0, TRUE, PANGO_ALIGN_LEFT, FALSE, 0, 0.4 },
  [STYLE_ISSUER] = { TRUE, ISSUER_POINTS, FALSE, PANGO_ALIGN_CENTER, FALSE, 0, 1.2 },
  [STYLE_TITLE] = { TRUE, TITLE_POINTS, FALSE, PANGO_ALIGN_CENTER, FALSE, 1.1, 0.3 },
  [STYLE_SUBTITLE] = { FALSE, 0, FALSE, PANGO_ALIGN_CENTER, FALSE, 0, 0.8 },
};

void
yishi_notice_block_clear_layout (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->date_layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_clear_pointer (&block->row_heights, g_free);
  for (gsize i = 0; i < block->n_cells; i++)
    g_clear_object (&block->cells[i]);
  g_clear_pointer (&block->cells, g_free);
  block->n_cells = 0;
  block->header_height = block->caption_height = block->height = 0;
}

double
yishi_notice_content_width (YishiNotice *self)
{
  return self->page_width - self->margin_left - self->margin_right;
}

static PangoFontDescription *
font (const char *family_and_style,
      double      points,
      gboolean    bold)
{
  PangoFontDescription *description = pango_font_description_from_string (family_and_style);

  pango_font_description_set_size (description, (int)(points * PANGO_SCALE + 0.5));
  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  return description;
}

/* @width: in points, or -1 for no wrapping */
PangoLayout *
yishi_notice_new_layout (YishiNotice    *self,
                         const char     *family,
                         double          points,
                         gboolean        bold,
                         double          width,
                         PangoAlignment  alignment,
                         const char     *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = font (family, points, bold);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, width < 0 ? -1 : pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* In points. */
double
yishi_notice_layout_extent (PangoLayout *layout,
                            gboolean     vertical)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (vertical ? height : width) / (double)PANGO_SCALE;
}

GArray *
yishi_notice_layout_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Span));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      g_array_append_vals (lines, &(Span) { top / (double)PANGO_SCALE, bottom / (double)PANGO_SCALE }, 1);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static void
create_context (YishiNotice *self)
{
  cairo_font_options_t *options;

  if (self->context != NULL)
    return;
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  pango_context_set_round_glyph_positions (self->context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  self->cell = pango_layout_new (self->context);
}

double
yishi_notice_space_after (YishiNotice *self,
                          Block       *block)
{
  /* The red rule sits 4 mm under the issuer. */
  if (block->kind == BLOCK_TEXT)
    return looks[block->style].after * self->body_size +
           (block->style == STYLE_ISSUER ? 4 * MM + RED_RULE_WIDTH : 0);
  return block->kind == BLOCK_TABLE ? self->body_size * 0.6 : 0;
}

static void
layout_text (YishiNotice *self,
             Block       *block)
{
  const Look *look = &looks[block->style];
  double size = look->size > 0 ? look->size : look->size < 0 ? self->table_size : self->body_size;

  for (;;)
    {
      block->layout = yishi_notice_new_layout (self, look->title_font ? self->title_font : self->body_font,
                                               size, look->bold, yishi_notice_content_width (self),
                                               look->alignment, block->text);
      if (block->style != STYLE_ISSUER)
        break;
      /* Spaced out like a red-headed document, smaller when the name is long. */
      {
        PangoAttrList *attributes = pango_attr_list_new ();

        pango_attr_list_insert (attributes, pango_attr_letter_spacing_new ((int)(size * 0.15 * PANGO_SCALE)));
        pango_layout_set_attributes (block->layout, attributes);
        pango_attr_list_unref (attributes);
      }
      if (pango_layout_get_line_count (block->layout) <= 1 || size <= 14.0)
        break;
      g_clear_object (&block->layout);
      size -= 2.0;
    }
  if (look->indent)
    {
      pango_layout_set_indent (block->layout, pango_units_from_double (2 * size));
      pango_layout_set_justify (block->layout, TRUE);
    }
  if (look->spacing > 0)
    pango_layout_set_line_spacing (block->layout, look->spacing);
  block->lines = yishi_notice_layout_lines (block->layout);
  block->height = yishi_notice_layout_height (block->layout);
}

/* Tables --------------------------------------------------------------------------- */

#define MAX_KEPT_CELLS 50000  /* a table keeps its layouts up to this many cells */

static void
setup_cell (YishiNotice *self,
            PangoLayout *layout,
            Block       *block,
            guint        index,
            gboolean     header,
            gboolean     natural)
{
  Column *column = &g_array_index (block->columns, Column, index);

  pango_layout_set_font_description (layout, header ? self->cell_bold : self->cell_font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, natural ? -1 : pango_units_from_double (MAX (column->width - 2 * CELL_PAD_X, 1)));
  pango_layout_set_alignment (layout, header || column->centred ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_LEFT);
}

/* The layout of a cell (@row is ignored for the header): kept from measuring, or laid
 * out again in self->cell. Kept cells of columns as wide as their content have no
 * width: draw_row () centres them. */
PangoLayout *
yishi_notice_cell_layout (YishiNotice *self,
                          Block       *block,
                          guint        row,
                          guint        index,
                          gboolean     header)
{
  char **cells = header ? block->titles : g_ptr_array_index (block->rows, row);

  if (!header && block->cells != NULL && block->cells[row * block->columns->len + index] != NULL)
    return block->cells[row * block->columns->len + index];
  setup_cell (self, self->cell, block, index, header, FALSE);
  pango_layout_set_text (self->cell, cells[index], -1);
  return self->cell;
}

/* Lays out cell @index of @row for measuring. A kept table shares one layout among
 * the equal texts of a column (in @seen): dates, places and states repeat a lot. */
static PangoLayout *
measuring_layout (YishiNotice *self,
                  Block       *block,
                  GHashTable  *seen,
                  guint        row,
                  guint        index,
                  gboolean     natural)
{
  const char *text = ((char **)g_ptr_array_index (block->rows, row))[index];
  PangoLayout **kept;

  if (block->cells == NULL)
    {
      setup_cell (self, self->cell, block, index, FALSE, natural);
      pango_layout_set_text (self->cell, text, -1);
      return self->cell;
    }
  kept = &block->cells[row * block->columns->len + index];
  g_clear_object (kept);
  *kept = g_hash_table_lookup (seen, text);
  if (*kept != NULL)
    return g_object_ref (*kept);
  *kept = pango_layout_new (self->context);
  setup_cell (self, *kept, block, index, FALSE, natural);
  pango_layout_set_text (*kept, text, -1);
  g_hash_table_insert (seen, (gpointer)text, *kept);
  return *kept;
}

/* Columns without a width are as wide as their widest cell (at most a fifth of the
 * table; a third for the keys of a form), the others share the rest by weight. A row
 * is as high as its highest cell. */
static void
layout_table (YishiNotice *self,
              Block       *block)
{
  double width = yishi_notice_content_width (self);
  double cap = width / (block->key_value ? 3 : 5);
  guint n = block->columns->len;
  guint n_rows = block->rows->len;
  g_autofree double *natural = g_new0 (double, n);
  g_autofree gboolean *measure = g_new0 (gboolean, n);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double fixed = 0, weights = 0, squeeze = 1, x = 0;

  block->row_heights = g_new0 (double, MAX (n_rows, 1));
  if ((gsize)n_rows * n <= MAX_KEPT_CELLS)
    {
      block->n_cells = (gsize)n_rows * n;
      block->cells = g_new0 (PangoLayout *, block->n_cells + 1);
    }
  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      if (column->weight > 0)
        {
          weights += column->weight;
          measure[c] = TRUE;
          continue;
        }
      if (block->titles != NULL)
        {
          setup_cell (self, self->cell, block, c, TRUE, TRUE);
          pango_layout_set_text (self->cell, block->titles[c], -1);
          natural[c] = yishi_notice_layout_width (self->cell);
        }
      /* One line each, so this is also their height. */
      g_hash_table_remove_all (seen);
      for (guint r = 0; r < n_rows; r++)
        {
          PangoLayout *layout = measuring_layout (self, block, seen, r, c, TRUE);

          natural[c] = MAX (natural[c], yishi_notice_layout_width (layout));
          block->row_heights[r] = MAX (block->row_heights[r], yishi_notice_layout_height (layout));
        }
      natural[c] += 2 * CELL_PAD_X + 1 + (block->key_value ? self->table_size : 0);
      if (natural[c] > cap)
        {
          natural[c] = cap;
          measure[c] = TRUE;
        }
      fixed += natural[c];
    }
  if (weights > 0 && fixed > width * 0.7)
    {
      /* Too wide: the widest of them wrap at a common width, the others stay whole. */
      double low = 0, high = cap;

      for (int i = 0; i < 30; i++)
        {
          double middle = (low + high) / 2, sum = 0;

          for (guint c = 0; c < n; c++)
            sum += g_array_index (block->columns, Column, c).weight > 0 ? 0 : MIN (natural[c], middle);
          *(sum > width * 0.7 ? &high : &low) = middle;
        }
      for (guint c = 0; c < n; c++)
        {
          measure[c] |= natural[c] > low;
          fixed -= natural[c] - MIN (natural[c], low);
          natural[c] = MIN (natural[c], low);
        }
    }
  else if (weights == 0)
    squeeze = width / fixed;

  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (block->columns, Column, c);

      column->x = x;
      if (column->weight > 0)
        column->width = (width - fixed * squeeze) * column->weight / weights;
      else
        column->width = natural[c] * squeeze;
      measure[c] |= squeeze < 1;
      x += column->width;
    }
  for (guint c = 0; c < n; c++)
    {
      g_hash_table_remove_all (seen);
      for (guint r = 0; measure[c] && r < n_rows; r++)
        {
          double height = yishi_notice_layout_height (measuring_layout (self, block, seen, r, c, FALSE));

          block->row_heights[r] = MAX (block->row_heights[r], height);
        }
    }
  for (guint r = 0; r < n_rows; r++)
    block->row_heights[r] += 2 * CELL_PAD_Y;
  if (block->titles != NULL)
    {
      for (guint c = 0; c < n; c++)
        {
          PangoLayout *layout = yishi_notice_cell_layout (self, block, 0, c, TRUE);
          double height = yishi_notice_layout_height (layout);

          block->header_height = MAX (block->header_height, height);
        }
      block->header_height += 2 * CELL_PAD_Y;
    }
  if (block->continued != NULL && *block->continued != '\0')
    {
      block->layout = yishi_notice_new_layout (self, self->body_font, self->table_size, TRUE, width,
                                               PANGO_ALIGN_LEFT, block->continued);
      block->caption_height = yishi_notice_layout_height (block->layout) + self->table_size * 0.3;
    }
}

static void
layout_block (YishiNotice *self,
              Block       *block)
{
  yishi_notice_block_clear_layout (block);
  if (block->kind == BLOCK_TEXT)
    layout_text (self, block);
  else if (block->kind == BLOCK_TABLE)
    layout_table (self, block);
  else if (block->kind == BLOCK_CUT)
    {
      block->layout = yishi_notice_new_layout (self, self->body_font, self->table_size, FALSE, -1,
                                               PANGO_ALIGN_LEFT, block->text);
      block->height = yishi_notice_layout_height (block->layout) + self->body_size;
    }
  else if (block->kind == BLOCK_SIGNATURE)
    {
      block->layout = yishi_notice_new_layout (self, self->body_font, self->body_size, FALSE, -1,
                                               PANGO_ALIGN_LEFT, block->text);
      block->date_layout = yishi_notice_new_layout (self, self->body_font, self->body_size, FALSE,
                                                    -1, PANGO_ALIGN_LEFT, block->date);
      /* Room for the seal, which sits over the signer and the date. */
      block->height = self->body_size * 2.5 + yishi_notice_layout_height (block->layout) +
                      self->body_size * 0.3 + yishi_notice_layout_height (block->date_layout);
    }
}

/* Lays out every block of the header and the body, after the fonts and sizes set last. */
void
yishi_notice_measure (YishiNotice *self)
{
  create_context (self);
  g_clear_pointer (&self->cell_font, pango_font_description_free);
  g_clear_pointer (&self->cell_bold, pango_font_description_free);
  self->cell_font = font (self->body_font, self->table_size, FALSE);
  self->cell_bold = font (self->body_font, self->table_size, TRUE);
  for (guint i = 0; i < self->header->len; i++)
    layout_block (self, g_ptr_array_index (self->header, i));
  for (guint i = 0; i < self->blocks->len; i++)
    layout_block (self, g_ptr_array_index (self->blocks, i));
}
