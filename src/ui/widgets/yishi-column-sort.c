/* yishi-column-sort.c
 *
 * Sorting. GTK 4.8 cannot say which column of a GtkColumnView is the primary sort column
 * (gtk_column_view_sorter_get_primary_sort_column () is 4.10). Sorting happens in SQL,
 * so the view's sorter never sorts anything; it only tells us what the user clicked.
 * Every column gets a GtkCustomSorter that writes its id into a probe slot and answers
 * "smaller". Comparing two dummy objects with the view's sorter then calls exactly the
 * primary column's sorter first (the view's sorter stops at the first non-equal
 * answer): the slot holds the column, and "larger" means the view inverted the answer,
 * that is, descending.
 *
 * Fitting. Columns have fixed widths (so they do not jump while scrolling); when the
 * view is narrower than all of them, the ones with the lowest "keep" are hidden.
 *
 * Cells. A label or a dot per cell, shown again when its row says "changed".
 *
 * Stable rows. A paged model says "everything changed" when it is counted again, with
 * new objects. GTK 4.8's list views then destroy and create every row widget they
 * hold (up to 200, with a cell widget per column), and its list item manager looks for
 * the rows it tracks among all the new items, one get_item () at a time, which pages
 * in the whole table. YishiPagedRows puts one row object per position in front of the
 * model: a refresh only changes the count at the end and tells the live rows to show
 * their new item ("changed"), so the widgets stay and nothing is looked for.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include "yishi-column-sort.h"

typedef struct
{
  GtkColumnViewColumn *column;
  int width;
  int keep;
} Fit;

struct _YishiColumnSort
{
  GObject parent_instance;

  GtkColumnView *view; /* weak */
  GArray *fits;        /* Fit */
  GtkColumnViewColumn *filler;
  int filler_width;
  GtkAdjustment *hadjustment;
  gulong page_size_id;
  guint fit_source;
  GtkSorter *view_sorter;
  gulong changed_id;
  GObject *probe_a;
  GObject *probe_b;
  int *slot;           /* shared with the column sorters, which may outlive us */
  int id;
  gboolean descending;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiColumnSort, yishi_column_sort, G_TYPE_OBJECT)

typedef struct
{
  int *slot;
  int id;
} Probe;

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_atomic_rc_box_release (probe->slot);
  g_free (probe);
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  /* Only our own probe ever calls this (the model is never sorted by GTK); the
   * first column asked is the primary one. */
  if (*probe->slot < 0)
    *probe->slot = probe->id;
  return GTK_ORDERING_SMALLER;
}

static void
on_view_sorter_changed (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        YishiColumnSort *self)
{
  GtkOrdering order;
  int id;
  gboolean descending;

  *self->slot = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  id = *self->slot;
  descending = order == GTK_ORDERING_LARGER;
  *self->slot = -1;

  if (id == self->id && descending == self->descending)
    return;
  self->id = id;
  self->descending = descending;
  g_signal_emit (self, signals[CHANGED], 0, id, descending);
}

/**
 * yishi_column_sort_add_column:
 * @id: what the column sorts by, >= 0
 * @keep: when the view is too narrow, columns with a lower @keep are hidden first;
 *   0 never hides it
 *
 * Makes @column sortable (its header becomes clickable).
 */
void
yishi_column_sort_add_column (YishiColumnSort     *self,
                              GtkColumnViewColumn *column,
                              int                  id,
                              int                  keep)
{
  g_autoptr (GtkSorter) sorter = NULL;
  Probe *probe;
  Fit fit;

  g_return_if_fail (YISHI_IS_COLUMN_SORT (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (id >= 0);

  fit.column = g_object_ref (column);
  fit.width = MAX (gtk_column_view_column_get_fixed_width (column), 0);
  fit.keep = keep;
  g_array_append_val (self->fits, fit);

  probe = g_new0 (Probe, 1);
  probe->slot = g_atomic_rc_box_acquire (self->slot);
  probe->id = id;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, probe_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

/**
 * yishi_column_sort_get:
 * @descending: (out) (optional)
 *
 * Returns: the id of the primary sort column, or -1 when the view is not sorted
 */
int
yishi_column_sort_get (YishiColumnSort *self,
                       gboolean        *descending)
{
  g_return_val_if_fail (YISHI_IS_COLUMN_SORT (self), -1);

  if (descending != NULL)
    *descending = self->descending;
  return self->id;
}

static gboolean
fit_columns (gpointer data)
{
  YishiColumnSort *self = data;
  int available = (int)gtk_adjustment_get_page_size (self->hadjustment);
  int needed = 0;
  int most = 0;

  self->fit_source = 0;
  if (available <= 0)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < self->fits->len; i++)
    {
      Fit *fit = &g_array_index (self->fits, Fit, i);

      needed += fit->column == self->filler ? self->filler_width : fit->width;
      most = MAX (most, fit->keep);
    }
  for (int keep = 1; keep <= most; keep++)
    for (guint i = 0; i < self->fits->len; i++)
      {
        Fit *fit = &g_array_index (self->fits, Fit, i);
        gboolean visible;

        if (fit->keep != keep)
          continue;
        visible = needed <= available;
        if (gtk_column_view_column_get_visible (fit->column) != visible)
          gtk_column_view_column_set_visible (fit->column, visible);
        if (!visible)
          needed -= fit->width;
      }
  /* GTK 4.8 gives fixed-width columns nothing more: the filler gets what is left. */
  if (self->filler != NULL)
    {
      int width = MAX (self->filler_width, available - (needed - self->filler_width));

      if (gtk_column_view_column_get_fixed_width (self->filler) != width)
        gtk_column_view_column_set_fixed_width (self->filler, width);
    }
  return G_SOURCE_REMOVE;
}

static void
on_page_size_changed (YishiColumnSort *self)
{
  /* The width is known while the view is allocated: change the columns after. */
  if (self->fit_source == 0)
    self->fit_source = g_idle_add (fit_columns, self);
}

/**
 * yishi_column_sort_set_filler:
 * @column: a column added with yishi_column_sort_add_column ()
 * @min_width: its width when the view is narrow
 *
 * @column takes the width the other visible columns leave (see
 * yishi_column_sort_fit_to ()).
 */
void
yishi_column_sort_set_filler (YishiColumnSort     *self,
                              GtkColumnViewColumn *column,
                              int                  min_width)
{
  g_return_if_fail (YISHI_IS_COLUMN_SORT (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  self->filler = column;
  self->filler_width = min_width;
  gtk_column_view_column_set_fixed_width (column, min_width);
}

/**
 * yishi_column_sort_fit_to:
 * @scrolled: the scrolled window around the view
 *
 * Hides columns (by their "keep") while @scrolled is narrower than all of them.
 */
void
yishi_column_sort_fit_to (YishiColumnSort   *self,
                          GtkScrolledWindow *scrolled)
{
  g_return_if_fail (YISHI_IS_COLUMN_SORT (self));
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  g_set_object (&self->hadjustment, gtk_scrolled_window_get_hadjustment (scrolled));
  self->page_size_id = g_signal_connect_swapped (self->hadjustment, "notify::page-size",
                                                 G_CALLBACK (on_page_size_changed), self);
}

static void
fit_clear (gpointer data)
{
  g_clear_object (&((Fit *)data)->column);
}

static void
yishi_column_sort_dispose (GObject *object)
{
  YishiColumnSort *self = YISHI_COLUMN_SORT (object);

  g_clear_handle_id (&self->fit_source, g_source_remove);
  if (self->hadjustment != NULL)
    g_clear_signal_handler (&self->page_size_id, self->hadjustment);
  g_clear_object (&self->hadjustment);
  g_array_set_size (self->fits, 0);

  if (self->view_sorter != NULL)
    g_clear_signal_handler (&self->changed_id, self->view_sorter);
  g_clear_object (&self->view_sorter);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (yishi_column_sort_parent_class)->dispose (object);
}

static void
yishi_column_sort_finalize (GObject *object)
{
  YishiColumnSort *self = YISHI_COLUMN_SORT (object);

  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_atomic_rc_box_release (self->slot);
  g_clear_pointer (&self->fits, g_array_unref);

  G_OBJECT_CLASS (yishi_column_sort_parent_class)->finalize (object);
}

static void
yishi_column_sort_class_init (YishiColumnSortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_column_sort_dispose;
  object_class->finalize = yishi_column_sort_finalize;

  /**
   * YishiColumnSort::changed:
   * @id: the primary sort column, or -1 for none
   * @descending: whether it sorts descending
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);
}

static void
yishi_column_sort_init (YishiColumnSort *self)
{
  self->slot = g_atomic_rc_box_new (int);
  *self->slot = -1;
  self->id = -1;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->fits = g_array_new (FALSE, FALSE, sizeof (Fit));
  g_array_set_clear_func (self->fits, fit_clear);
}

YishiColumnSort *
yishi_column_sort_new (GtkColumnView *view)
{
  YishiColumnSort *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (YISHI_TYPE_COLUMN_SORT, NULL);
  g_set_weak_pointer (&self->view, view);
  self->view_sorter = g_object_ref (gtk_column_view_get_sorter (view));
  self->changed_id = g_signal_connect (self->view_sorter, "changed",
                                       G_CALLBACK (on_view_sorter_changed), self);
  return self;
}

/* Stable rows ---------------------------------------------------------------------- */

#define ROWS_PER_IDLE 24

struct _YishiPagedRow
{
  GObject parent_instance;

  YishiPagedRows *rows;
  guint position;
  GObject *item;
  gboolean fetched;
  gboolean pending; /* in rows->pending, to be shown again */
};

struct _YishiPagedRows
{
  GObject parent_instance;

  GListModel *model;
  gulong changed_id;
  guint n_items;
  GHashTable *live;   /* position → YishiPagedRow, not owned */
  guint first_visible;
  guint n_visible;
  GPtrArray *pending; /* YishiPagedRow, shown again when idle */
  guint pending_source;
};

enum
{
  ROW_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiPagedRow, yishi_paged_row, G_TYPE_OBJECT)

static void yishi_paged_rows_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YishiPagedRows, yishi_paged_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, yishi_paged_rows_model_init))

/**
 * yishi_paged_row_get_item:
 *
 * Returns: (transfer none) (nullable): the model's item at the row's position now
 */
gpointer
yishi_paged_row_get_item (YishiPagedRow *self)
{
  g_return_val_if_fail (YISHI_IS_PAGED_ROW (self), NULL);

  if (!self->fetched)
    {
      self->fetched = TRUE;
      if (self->rows->model != NULL && self->position < self->rows->n_items)
        self->item = g_list_model_get_item (self->rows->model, self->position);
    }
  return self->item;
}

guint
yishi_paged_row_get_position (YishiPagedRow *self)
{
  g_return_val_if_fail (YISHI_IS_PAGED_ROW (self), 0);
  return self->position;
}

static void
yishi_paged_row_finalize (GObject *object)
{
  YishiPagedRow *self = YISHI_PAGED_ROW (object);

  if (g_hash_table_lookup (self->rows->live, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->rows->live, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->item);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (yishi_paged_row_parent_class)->finalize (object);
}

static void
yishi_paged_row_class_init (YishiPagedRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_paged_row_finalize;

  /**
   * YishiPagedRow::changed:
   *
   * The model was refreshed: show yishi_paged_row_get_item () again.
   */
  row_signals[ROW_CHANGED] = g_signal_new ("changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
yishi_paged_row_init (YishiPagedRow *self)
{
}

static GType
yishi_paged_rows_get_item_type (GListModel *model)
{
  return YISHI_TYPE_PAGED_ROW;
}

static guint
yishi_paged_rows_get_n_items (GListModel *model)
{
  return YISHI_PAGED_ROWS (model)->n_items;
}

static gpointer
yishi_paged_rows_get_item (GListModel *model,
                           guint       position)
{
  YishiPagedRows *self = YISHI_PAGED_ROWS (model);
  YishiPagedRow *row;

  if (position >= self->n_items)
    return NULL;
  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);
  row = g_object_new (YISHI_TYPE_PAGED_ROW, NULL);
  row->rows = g_object_ref (self);
  row->position = position;
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  return row;
}

static void
yishi_paged_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = yishi_paged_rows_get_item_type;
  iface->get_n_items = yishi_paged_rows_get_n_items;
  iface->get_item = yishi_paged_rows_get_item;
}

static void
emit_changed (YishiPagedRow *row)
{
  row->pending = FALSE;
  g_signal_emit (row, row_signals[ROW_CHANGED], 0);
}

static gboolean
show_pending (gpointer data)
{
  YishiPagedRows *self = data;
  guint n = MIN (self->pending->len, ROWS_PER_IDLE);

  for (guint i = 0; i < n; i++)
    {
      YishiPagedRow *row = g_ptr_array_index (self->pending, self->pending->len - 1 - i);

      if (row->pending && row->position < self->n_items)
        emit_changed (row);
    }
  g_ptr_array_set_size (self->pending, self->pending->len - n);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  self->pending_source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_model_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  YishiPagedRows *self)
{
  g_autoptr (GPtrArray) now = g_ptr_array_new_with_free_func (g_object_unref);
  guint old = self->n_items;
  guint first, last;
  GHashTableIter iter;
  gpointer value;

  /* Rows are positions: whatever moved, each live row from @position on shows
   * another item now, and only the count at the end changes. */
  self->n_items = g_list_model_get_n_items (model);

  /* The rows in sight are shown again at once; the others (GTK 4.8 keeps up to 200
   * rows around them) a few at a time when idle, so that the next frame comes soon. */
  first = MIN (self->first_visible, self->n_items > self->n_visible ? self->n_items - self->n_visible : 0);
  last = first + self->n_visible + self->n_visible / 2;
  first = first > self->n_visible / 2 ? first - self->n_visible / 2 : 0;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      YishiPagedRow *row = value;

      if (row->position < position)
        continue;
      g_clear_object (&row->item);
      row->fetched = FALSE;
      if (row->position >= self->n_items)
        continue;
      if (self->n_visible == 0 || (row->position >= first && row->position < last))
        g_ptr_array_add (now, g_object_ref (row));
      else if (!row->pending)
        {
          row->pending = TRUE;
          g_ptr_array_add (self->pending, g_object_ref (row));
        }
    }

  if (self->n_items < old)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old - self->n_items, 0);
  else if (self->n_items > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
  for (guint i = 0; i < now->len; i++)
    emit_changed (g_ptr_array_index (now, i));
  if (self->pending->len > 0 && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_pending, self, NULL);
}

/**
 * yishi_paged_rows_set_visible:
 * @first: the first row in sight
 * @n_visible: how many rows fit in sight; 0 shows every row again at once
 *
 * Where the view is scrolled to, so that a refresh shows those rows first.
 */
void
yishi_paged_rows_set_visible (YishiPagedRows *self,
                              guint           first,
                              guint           n_visible)
{
  g_return_if_fail (YISHI_IS_PAGED_ROWS (self));

  self->first_visible = first;
  self->n_visible = n_visible;
}

/**
 * yishi_paged_rows_set_visible_area:
 * @vadjustment: the vertical adjustment of the scrolled window around the view
 *
 * yishi_paged_rows_set_visible () from where @vadjustment is, the rows being of
 * equal height (nothing when the rows or the adjustment are empty).
 */
void
yishi_paged_rows_set_visible_area (YishiPagedRows *self,
                                   GtkAdjustment  *vadjustment)
{
  guint n;
  double row_height;

  g_return_if_fail (YISHI_IS_PAGED_ROWS (self));
  g_return_if_fail (GTK_IS_ADJUSTMENT (vadjustment));

  n = g_list_model_get_n_items (G_LIST_MODEL (self));
  if (n == 0 || gtk_adjustment_get_upper (vadjustment) <= 0)
    return;
  row_height = MAX (1.0, gtk_adjustment_get_upper (vadjustment) / n);
  yishi_paged_rows_set_visible (self,
                                (guint)(gtk_adjustment_get_value (vadjustment) / row_height),
                                (guint)(gtk_adjustment_get_page_size (vadjustment) / row_height) + 2);
}

/**
 * yishi_paged_rows_flush:
 *
 * Shows every row that waits to be shown again, now.
 */
void
yishi_paged_rows_flush (YishiPagedRows *self)
{
  g_return_if_fail (YISHI_IS_PAGED_ROWS (self));

  while (self->pending_source != 0)
    show_pending (self);
}

/* Returns: (transfer none): the model the rows show */
GListModel *
yishi_paged_rows_get_model (YishiPagedRows *self)
{
  g_return_val_if_fail (YISHI_IS_PAGED_ROWS (self), NULL);
  return self->model;
}

static void
yishi_paged_rows_dispose (GObject *object)
{
  YishiPagedRows *self = YISHI_PAGED_ROWS (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  self->n_items = 0;
  g_clear_handle_id (&self->pending_source, g_source_remove);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  G_OBJECT_CLASS (yishi_paged_rows_parent_class)->dispose (object);
}

static void
yishi_paged_rows_finalize (GObject *object)
{
  YishiPagedRows *self = YISHI_PAGED_ROWS (object);

  /* Every row holds a reference: none is alive any more. */
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_paged_rows_parent_class)->finalize (object);
}

static void
yishi_paged_rows_class_init (YishiPagedRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_paged_rows_dispose;
  object_class->finalize = yishi_paged_rows_finalize;
}

static void
yishi_paged_rows_init (YishiPagedRows *self)
{
  self->live = g_hash_table_new (NULL, NULL);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

YishiPagedRows *
yishi_paged_rows_new (GListModel *model)
{
  YishiPagedRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (YISHI_TYPE_PAGED_ROWS, NULL);
  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  self->changed_id = g_signal_connect (model, "items-changed", G_CALLBACK (on_model_changed), self);
  return self;
}

/* Cells ---------------------------------------------------------------------------- */

typedef struct
{
  YishiCellFunc func;
  int column;
  YishiCellFlags flags;
} CellKind;

static void
on_setup_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellKind                 *kind)
{
  GtkWidget *widget;

  if (kind->flags & YISHI_CELL_DOT)
    {
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (widget, "yishi-dot");
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (widget), TRUE);
      if (kind->flags & YISHI_CELL_NUMERIC)
        gtk_widget_add_css_class (widget, "numeric");
    }
  gtk_list_item_set_child (item, widget);
}

/* Shows the row's item in the cell: when bound, and when the model was refreshed. */
static void
render_cell (GtkListItem *item)
{
  CellKind *kind = g_object_get_data (G_OBJECT (item), "yishi-cell-kind");
  YishiPagedRow *row = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  const char *old_style = g_object_get_data (G_OBJECT (widget), "yishi-cell-style");
  const char *text = NULL, *style = NULL, *tooltip = NULL;

  kind->func (row ? yishi_paged_row_get_item (row) : NULL, kind->column, &text, &style, &tooltip);
  if ((kind->flags & YISHI_CELL_TOOLTIP) && tooltip == NULL)
    tooltip = text;

  if (g_strcmp0 (old_style, style) != 0)
    {
      if (old_style != NULL)
        gtk_widget_remove_css_class (widget, old_style);
      if (style != NULL)
        gtk_widget_add_css_class (widget, style);
      g_object_set_data (G_OBJECT (widget), "yishi-cell-style", (gpointer)g_intern_string (style));
    }
  if (GTK_IS_LABEL (widget))
    gtk_label_set_text (GTK_LABEL (widget), text ? text : "");
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip ? tooltip : "", -1);
  gtk_widget_set_tooltip_text (widget, tooltip);
}

static void
on_bind_cell (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellKind                 *kind)
{
  gulong id = g_signal_connect_swapped (gtk_list_item_get_item (item), "changed", G_CALLBACK (render_cell), item);

  g_object_set_data (G_OBJECT (item), "yishi-cell-kind", kind);
  g_object_set_data (G_OBJECT (item), "yishi-cell-changed", GSIZE_TO_POINTER (id));
  render_cell (item);
}

static void
on_unbind_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CellKind                 *kind)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "yishi-cell-changed"));

  if (id != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), id);
  g_object_set_data (G_OBJECT (item), "yishi-cell-changed", NULL);
}

/**
 * yishi_paged_rows_cell_factory:
 * @func: what a cell shows
 * @column: passed to @func
 *
 * Returns: (transfer full): a factory for the cells of one column whose model is a
 *   YishiPagedRows
 */
GtkListItemFactory *
yishi_paged_rows_cell_factory (YishiCellFunc  func,
                               int            column,
                               YishiCellFlags flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellKind *kind = g_new0 (CellKind, 1);

  kind->func = func;
  kind->column = column;
  kind->flags = flags;
  g_object_set_data_full (G_OBJECT (factory), "yishi-cell-kind", kind, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell), kind);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell), kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cell), kind);
  return factory;
}

/**
 * yishi_column_view_scroll_to:
 * @position: a row of @view
 *
 * Scrolls @view to the row at @position: GTK 4.8 has no gtk_column_view_scroll_to (),
 * its list view has the action.
 */
void
yishi_column_view_scroll_to (GtkColumnView *view,
                             guint          position)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Fetching an item loads its page. */
static void
load_page_of (GListModel *model,
              guint       position)
{
  g_autoptr (GObject) item = g_list_model_get_item (model, position);
}

guint
yishi_paged_model_locate (GListModel     *model,
                          YishiPagedFind  find,
                          gint64          id,
                          guint           hint)
{
  guint n = g_list_model_get_n_items (model);
  guint position;

  if (id == 0 || n == 0)
    return GTK_INVALID_LIST_POSITION;
  if (hint < n)
    load_page_of (model, hint);
  position = find (model, id);
  if (position == G_MAXUINT)
    {
      load_page_of (model, 0);
      position = find (model, id);
    }
  return position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position;
}
