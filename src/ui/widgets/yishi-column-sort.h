/* yishi-column-sort.h — a GtkColumnView over a lazily paged model, on GTK 4.8:
 * which column sorts and which way, columns that give way on narrow windows, and
 * stable rows that survive a refresh of the model.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define YISHI_TYPE_COLUMN_SORT (yishi_column_sort_get_type ())

G_DECLARE_FINAL_TYPE (YishiColumnSort, yishi_column_sort, YISHI, COLUMN_SORT, GObject)

YishiColumnSort *yishi_column_sort_new        (GtkColumnView       *view);
void             yishi_column_sort_add_column (YishiColumnSort     *self,
                                               GtkColumnViewColumn *column,
                                               int                  id,
                                               int                  keep);
int              yishi_column_sort_get        (YishiColumnSort     *self,
                                               gboolean            *descending);
void             yishi_column_sort_set_filler (YishiColumnSort     *self,
                                               GtkColumnViewColumn *column,
                                               int                  min_width);
void             yishi_column_sort_fit_to     (YishiColumnSort     *self,
                                               GtkScrolledWindow   *scrolled);
void             yishi_column_view_scroll_to  (GtkColumnView       *view,
                                               guint                position);

#define YISHI_TYPE_PAGED_ROW (yishi_paged_row_get_type ())

G_DECLARE_FINAL_TYPE (YishiPagedRow, yishi_paged_row, YISHI, PAGED_ROW, GObject)

gpointer         yishi_paged_row_get_item     (YishiPagedRow       *self);
guint            yishi_paged_row_get_position (YishiPagedRow       *self);

#define YISHI_TYPE_PAGED_ROWS (yishi_paged_rows_get_type ())

G_DECLARE_FINAL_TYPE (YishiPagedRows, yishi_paged_rows, YISHI, PAGED_ROWS, GObject)

YishiPagedRows  *yishi_paged_rows_new         (GListModel          *model);
GListModel      *yishi_paged_rows_get_model   (YishiPagedRows      *self);
void             yishi_paged_rows_set_visible (YishiPagedRows      *self,
                                               guint                first,
                                               guint                n_visible);
void             yishi_paged_rows_set_visible_area (YishiPagedRows *self,
                                                    GtkAdjustment  *vadjustment);
void             yishi_paged_rows_flush       (YishiPagedRows      *self);

/* Where the row with @id is in a paged @model, or GTK_INVALID_LIST_POSITION: @find
 * looks only in the pages loaded, so the page at @hint, then the first, is loaded. */
typedef guint (*YishiPagedFind) (GListModel *model,
                                 gint64      id);
guint            yishi_paged_model_locate     (GListModel          *model,
                                               YishiPagedFind       find,
                                               gint64               id,
                                               guint                hint);

/* Cells of a column over YishiPagedRows: a label (or a coloured dot) that shows again
 * when its row changes. */
typedef enum
{
  YISHI_CELL_TEXT = 0,
  YISHI_CELL_NUMERIC = 1 << 0, /* tabular figures */
  YISHI_CELL_DOT = 1 << 1,     /* no text: a dot styled by the style class */
  YISHI_CELL_TOOLTIP = 1 << 2, /* the text is the tooltip too (long titles) */
} YishiCellFlags;

/* What the cell of @column shows for @item (NULL while it is not known yet):
 * its text, a style class and a tooltip, each may be left NULL. */
typedef void (*YishiCellFunc) (gpointer     item,
                               int          column,
                               const char **text,
                               const char **style,
                               const char **tooltip);

GtkListItemFactory *yishi_paged_rows_cell_factory (YishiCellFunc  func,
                                                   int            column,
                                                   YishiCellFlags flags);

G_END_DECLS
