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
void             yishi_paged_rows_flush       (YishiPagedRows      *self);

G_END_DECLS
