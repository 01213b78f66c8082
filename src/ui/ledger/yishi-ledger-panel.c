/* yishi-ledger-panel.c — 议题台账: the matters from intake to closure.
 *
 * A toolbar of filters over a GtkColumnView of the ledger, with the selected matter in
 * a pane beside it (an AdwFlap that folds over the list on narrow windows). The list is
 * a YishiIssueList, which counts and pages its rows from SQLite: filters and sort
 * orders go to it as SQL, never through GtkFilterListModel or GtkSortListModel, so the
 * panel never holds more than a few pages of a district's ledger. The column headers
 * sort through YishiColumnSort; the view shows YishiPagedRows, so that a refresh keeps
 * the row widgets (GTK 4.8 would rebuild them all). When the ledger changes (the
 * database's "changed" signal, debounced by YishiPanel), the list is counted again and
 * the selected matter stays selected; the figures over the list are counted by lists
 * of their own rather than by the panel's summary. Deleting and merging can be undone
 * from a toast.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-column-sort.h"
#include "yishi-enums.h"
#include "yishi-issue-store.h"
#include "yishi-lookup.h"
#include "yishi-validate.h"

#if __has_include("yishi-intake-dialog.h")
#include "yishi-intake-dialog.h"
#define HAVE_INTAKE_DIALOG 1
#endif

#include "yishi-ledger-panel.h"

#define N_FIGURES 4

typedef enum
{
  UNDO_NONE,
  UNDO_DELETE,
  UNDO_MERGE,
} UndoKind;

struct _YishiLedgerPanel
{
  YishiPanel parent_instance;

  YishiDatabase *database; /* the one the list reads */
  gulong lookups_changed_id;
  YishiIssueList *list;
  YishiIssueList *figures[N_FIGURES]; /* open, overdue, due soon, all */
  GtkSingleSelection *selection;
  YishiColumnSort *column_sort;
  GtkColumnViewColumn *columns[YISHI_ISSUE_SORT_RESPONSIBLE + 1];
  YishiIssueSort sort;
  gboolean descending;

  gint64 current_id;      /* the matter selected, or shown after a change */
  guint pending_position; /* select this row if the current matter went away */
  gboolean refreshing;
  gboolean updating_filters;
  char *count_text;
  char *from;
  char *to;
  GArray *category_ids;
  GArray *grid_ids;

  UndoKind undo_kind;
  gint64 undo_id;
  AdwToast *undo_toast; /* weak */

  /* Template */
  GtkSearchEntry *search_entry;
  GtkDropDown *state_dropdown;
  GtkDropDown *scale_dropdown;
  GtkDropDown *route_dropdown;
  GtkDropDown *category_dropdown;
  GtkDropDown *grid_dropdown;
  GtkToggleButton *overdue_toggle;
  GtkToggleButton *due_soon_toggle;
  GtkLabel *overdue_count;
  GtkLabel *due_soon_count;
  GtkMenuButton *date_button;
  GtkPopover *date_popover;
  GtkLabel *date_label;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *date_error;
  AdwFlap *flap;
  GtkLabel *count_label;
  GtkLabel *open_label;
  GtkWidget *clear_button;
  GtkWidget *new_button;
  GtkWidget *empty_new_button;
  GtkStack *list_stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;
  AdwStatusPage *list_error_page;
  YishiIssueDetailPane *detail;
};

G_DEFINE_FINAL_TYPE (YishiLedgerPanel, yishi_ledger_panel, YISHI_TYPE_PANEL)

static const char *const ledger_tables[] = {
  "issue", "issue_event", "issue_requester", "satisfaction", "holiday", NULL,
};

static const char *const scales[] = { "major", "minor", "micro" };
static const char *const routes[] = {
  "immediate", "community_office", "council", "street_workstation", "transfer",
};

/* The columns, in order; each sorts by the YishiIssueSort of the same index. When the
 * list is narrow, the columns with the lowest keep value are hidden first. */
typedef struct
{
  YishiIssueSort sort;
  const char *title;
  int width;
  gboolean expand;
  int keep;
  YishiCellFlags flags;
} ColumnInfo;

static const ColumnInfo column_info[] = {
  { YISHI_ISSUE_SORT_SERIAL, NC_("column", "Serial"), 88, FALSE, 9, YISHI_CELL_NUMERIC },
  { YISHI_ISSUE_SORT_RECEIVED, NC_("column", "Received"), 96, FALSE, 4, YISHI_CELL_NUMERIC },
  { YISHI_ISSUE_SORT_CHANNEL, NC_("column", "Channel"), 88, FALSE, 1, YISHI_CELL_TEXT },
  { YISHI_ISSUE_SORT_CATEGORY, NC_("column", "Category"), 80, FALSE, 3, YISHI_CELL_TEXT },
  { YISHI_ISSUE_SORT_TITLE, NC_("column", "Title"), 160, TRUE, 10, YISHI_CELL_TOOLTIP },
  { YISHI_ISSUE_SORT_PLACE, NC_("column", "Place"), 96, FALSE, 5, YISHI_CELL_TEXT },
  { YISHI_ISSUE_SORT_RESPONSIBLE, NC_("column", "Responsible"), 100, FALSE, 2, YISHI_CELL_TEXT },
  { YISHI_ISSUE_SORT_DEADLINE, NC_("column", "Deadline"), 92, FALSE, 7, YISHI_CELL_NUMERIC },
  { YISHI_ISSUE_SORT_STATE, NC_("column", "State"), 104, FALSE, 6, YISHI_CELL_TEXT },
  { YISHI_ISSUE_SORT_URGENCY, NC_("column", "Urgency"), 64, FALSE, 8, YISHI_CELL_DOT },
};

/* What made the list count again. */
typedef enum
{
  REFRESH_DATA,   /* the ledger changed: stay where we are, load the matter again */
  REFRESH_ORDER,  /* another sort order: from the top, the matter stays shown */
  REFRESH_FILTER, /* other filters: from the top, the pane follows the list */
} Refresh;

static guint begin_refresh (YishiLedgerPanel *self,
                            Refresh           kind);
static void end_refresh   (YishiLedgerPanel *self);
static void after_refresh (YishiLedgerPanel *self,
                           guint             hint,
                           Refresh           kind);

/* Toasts and undo ------------------------------------------------------------------ */

static void
on_undo_toast_dismissed (AdwToast         *toast,
                         YishiLedgerPanel *self)
{
  if (self->undo_toast == toast)
    {
      g_clear_weak_pointer (&self->undo_toast);
      self->undo_kind = UNDO_NONE;
      self->undo_id = 0;
    }
}

/**
 * yishi_ledger_panel_undo:
 *
 * Undoes the last deletion or merge while its toast is shown (the toast's Undo button
 * and Ctrl+Z).
 *
 * Returns: whether something was undone
 */
gboolean
yishi_ledger_panel_undo (YishiLedgerPanel *self)
{
  g_autoptr (GError) error = NULL;
  UndoKind kind;
  gint64 id;
  gboolean done = FALSE;

  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), FALSE);

  kind = self->undo_kind;
  id = self->undo_id;
  self->undo_kind = UNDO_NONE;
  self->undo_id = 0;
  yishi_panel_dismiss_undo_toast (YISHI_PANEL (self), &self->undo_toast);
  if (self->database == NULL || kind == UNDO_NONE)
    return FALSE;

  if (kind == UNDO_DELETE)
    done = yishi_issue_store_set_deleted (self->database, id, FALSE, &error);
  else if (kind == UNDO_MERGE)
    done = yishi_issue_store_unmerge (self->database, id, &error);
  if (!done)
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return FALSE;
    }
  /* The database's "changed" refreshes the list; it brings the matter back selected. */
  self->current_id = id;
  return TRUE;
}

static void
on_undo_clicked (AdwToast         *toast,
                 YishiLedgerPanel *self)
{
  if (self->undo_toast == toast)
    {
      /* The toast dismisses itself after this: not a second time from the undo. */
      g_clear_weak_pointer (&self->undo_toast);
      yishi_ledger_panel_undo (self);
    }
}

static void
offer_undo (YishiLedgerPanel *self,
            const char       *text,
            UndoKind          kind,
            gint64            id)
{
  self->undo_kind = kind;
  self->undo_id = id;
  yishi_panel_show_undo_toast (YISHI_PANEL (self), text, &self->undo_toast,
                               G_CALLBACK (on_undo_clicked), G_CALLBACK (on_undo_toast_dismissed));
}

/* Cells ---------------------------------------------------------------------------- */

static void
cell_func (gpointer     item,
           int          column,
           const char **text,
           const char **style,
           const char **tooltip)
{
  YishiIssue *issue = item;

  if (issue == NULL)
    return;
  switch ((YishiIssueSort)column)
    {
    case YISHI_ISSUE_SORT_SERIAL:
      *text = yishi_issue_get_serial (issue);
      break;
    case YISHI_ISSUE_SORT_RECEIVED:
      *text = yishi_issue_get_received (issue);
      break;
    case YISHI_ISSUE_SORT_CHANNEL:
      *text = yishi_issue_get_channel (issue);
      break;
    case YISHI_ISSUE_SORT_CATEGORY:
      *text = yishi_issue_get_category (issue);
      break;
    case YISHI_ISSUE_SORT_TITLE:
      *text = yishi_issue_get_title (issue);
      break;
    case YISHI_ISSUE_SORT_PLACE:
      *text = yishi_issue_get_place (issue);
      break;
    case YISHI_ISSUE_SORT_RESPONSIBLE:
      *text = yishi_issue_get_responsible (issue);
      break;
    case YISHI_ISSUE_SORT_DEADLINE:
      *text = yishi_issue_get_deadline (issue);
      if (yishi_issue_get_due (issue) == YISHI_ISSUE_OVERDUE)
        {
          *style = "yishi-overdue";
          *tooltip = _("Overdue");
        }
      else if (yishi_issue_get_due (issue) == YISHI_ISSUE_DUE_SOON)
        {
          *style = "yishi-due-soon";
          *tooltip = _("Due within 2 working days");
        }
      break;
    case YISHI_ISSUE_SORT_STATE:
      *text = yishi_issue_get_state_label (issue);
      break;
    case YISHI_ISSUE_SORT_URGENCY:
      /* The colours of the paper ledgers (四色记账本): red, yellow, blue. */
      if (g_strcmp0 (yishi_issue_get_urgency (issue), "red") == 0)
        *style = "yishi-urgency-red";
      else if (g_strcmp0 (yishi_issue_get_urgency (issue), "yellow") == 0)
        *style = "yishi-urgency-yellow";
      else
        *style = "yishi-urgency-blue";
      *tooltip = yishi_enum_label (YISHI_ENUM_URGENCY, yishi_issue_get_urgency (issue));
      break;
    default:
      break;
    }
}

static void
add_columns (YishiLedgerPanel *self)
{
  self->column_sort = yishi_column_sort_new (self->column_view);

  for (guint i = 0; i < G_N_ELEMENTS (column_info); i++)
    {
      const ColumnInfo *info = &column_info[i];
      GtkListItemFactory *factory = yishi_paged_rows_cell_factory (cell_func, info->sort, info->flags);
      GtkColumnViewColumn *column =
        gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "column", info->title), factory);

      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_column_set_fixed_width (column, info->width);
      yishi_column_sort_add_column (self->column_sort, column, info->sort, info->keep);
      if (info->expand)
        yishi_column_sort_set_filler (self->column_sort, column, info->width);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[info->sort] = column;
      g_object_unref (column);
    }
}

static void
on_sort_changed (YishiColumnSort  *column_sort,
                 int               id,
                 gboolean          descending,
                 YishiLedgerPanel *self)
{
  guint hint;

  /* No column: the ledger's own order, newest first. */
  self->sort = id < 0 ? YISHI_ISSUE_SORT_RECEIVED : (YishiIssueSort)id;
  self->descending = id < 0 ? TRUE : descending;
  if (self->list == NULL)
    return;
  hint = begin_refresh (self, REFRESH_ORDER);
  yishi_issue_list_set_sort (self->list, self->sort, self->descending);
  end_refresh (self);
  after_refresh (self, hint, REFRESH_ORDER);
}

/* Selection ------------------------------------------------------------------------ */

static YishiIssue *
selected_issue (YishiLedgerPanel *self)
{
  YishiPagedRow *row = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return row ? yishi_paged_row_get_item (row) : NULL;
}

static void
update_actions (YishiLedgerPanel *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.delete",
                                 yishi_issue_detail_pane_get_issue_id (self->detail) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.undo", self->undo_kind != UNDO_NONE);
}

static void
on_selection_changed (YishiLedgerPanel *self)
{
  YishiIssue *issue;

  /* A refresh clears the selection and sets it again: that is not the user. */
  if (self->refreshing)
    return;
  issue = selected_issue (self);
  self->current_id = issue ? yishi_issue_get_id (issue) : 0;
  yishi_issue_detail_pane_show_issue (self->detail, self->current_id);
  update_actions (self);
}

static void
select_position (YishiLedgerPanel *self,
                 guint             position)
{
  self->refreshing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->refreshing = FALSE;
}

/* Before the list is counted again: the selection handler keeps out of it, the rows
 * in sight are shown first, and the row that was selected is where to look for the
 * matter afterwards. */
static guint
begin_refresh (YishiLedgerPanel *self,
               Refresh           kind)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint hint = gtk_single_selection_get_selected (self->selection);

  if (kind != REFRESH_DATA)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  if (rows != NULL)
    yishi_paged_rows_set_visible_area (YISHI_PAGED_ROWS (rows), adjustment);
  self->refreshing = TRUE;
  return hint != GTK_INVALID_LIST_POSITION ? hint : self->pending_position;
}

static void
end_refresh (YishiLedgerPanel *self)
{
  self->refreshing = FALSE;
}

static guint
find_in_list (GListModel *model,
              gint64      id)
{
  return yishi_issue_list_find (YISHI_ISSUE_LIST (model), id);
}

/* The row of the current one, looking where it was and at the top. */
static guint
find_current (YishiLedgerPanel *self,
              guint             hint)
{
  return yishi_paged_model_locate (G_LIST_MODEL (self->list), find_in_list, self->current_id, hint);
}

/* Counting and empty states -------------------------------------------------------- */

static gboolean
filters_active (YishiLedgerPanel *self)
{
  const YishiIssueFilter *f = self->list ? yishi_issue_list_get_filter (self->list) : NULL;

  return f != NULL && (f->state || f->scale || f->route || f->category_id || f->grid_id || f->overdue ||
                       f->due_soon || f->from || f->to || (f->query && *f->query));
}

static void
update_count (YishiLedgerPanel *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *number = g_strdup_printf ("%'u", n);
  const GError *error = self->list ? yishi_issue_list_get_error (self->list) : NULL;
  gboolean filtered = filters_active (self);

  g_free (self->count_text);
  /* Translators: the number of matters the list shows, e.g. "1,234 matters" */
  self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matter", "%s matters", n), number);
  gtk_label_set_text (self->count_label, self->count_text);
  gtk_widget_set_visible (self->clear_button, filtered);

  if (error != NULL)
    {
      adw_status_page_set_description (self->list_error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* After the list was counted again: selection, detail, count. After a change the
 * detail pane keeps the matter it shows even when it no longer matches the filter
 * (it was just changed); after a filter change it follows the list. */
static void
after_refresh (YishiLedgerPanel *self,
               guint             hint,
               Refresh           kind)
{
  gint64 shown = yishi_issue_detail_pane_get_issue_id (self->detail);
  guint position = find_current (self, hint);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (position == GTK_INVALID_LIST_POSITION && self->pending_position != GTK_INVALID_LIST_POSITION && n > 0)
    {
      /* The matter was deleted here: the next one takes its place. */
      g_autoptr (YishiIssue) next = g_list_model_get_item (G_LIST_MODEL (self->list),
                                                           MIN (self->pending_position, n - 1));

      if (next != NULL)
        {
          position = MIN (self->pending_position, n - 1);
          self->current_id = yishi_issue_get_id (next);
        }
    }
  self->pending_position = GTK_INVALID_LIST_POSITION;

  select_position (self, position);
  if (position == GTK_INVALID_LIST_POSITION && kind == REFRESH_FILTER)
    self->current_id = 0;
  /* Only a change of the ledger makes the matter shown worth loading again. */
  if (kind == REFRESH_DATA || shown != self->current_id)
    yishi_issue_detail_pane_show_issue (self->detail, self->current_id);
  if (yishi_issue_detail_pane_get_issue_id (self->detail) == 0)
    self->current_id = 0;
  update_count (self);
  update_actions (self);
}

static void
refresh_list (YishiLedgerPanel *self)
{
  guint hint;

  if (self->list == NULL)
    return;
  hint = begin_refresh (self, REFRESH_DATA);
  yishi_issue_list_refresh (self->list);
  end_refresh (self);
  after_refresh (self, hint, REFRESH_DATA);
}

/* Filters -------------------------------------------------------------------------- */

static char *
stripped_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
apply_filter (YishiLedgerPanel *self)
{
  YishiIssueFilter filter = { 0 };
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint scale = gtk_drop_down_get_selected (self->scale_dropdown);
  guint route = gtk_drop_down_get_selected (self->route_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint grid = gtk_drop_down_get_selected (self->grid_dropdown);
  guint n_states;
  const YishiEnumValue *states = yishi_enum_values (YISHI_ENUM_ISSUE_STATE, &n_states);
  guint hint;

  if (self->updating_filters || self->list == NULL)
    return;

  if (state == 1)
    filter.state = g_strdup ("open");
  else if (state >= 2 && state - 2 < n_states)
    filter.state = g_strdup (states[state - 2].id);
  if (scale >= 1 && scale - 1 < G_N_ELEMENTS (scales))
    filter.scale = g_strdup (scales[scale - 1]);
  if (route >= 1 && route - 1 < G_N_ELEMENTS (routes))
    filter.route = g_strdup (routes[route - 1]);
  if (category >= 1 && category - 1 < self->category_ids->len)
    filter.category_id = g_array_index (self->category_ids, gint64, category - 1);
  if (grid >= 1 && grid - 1 < self->grid_ids->len)
    filter.grid_id = g_array_index (self->grid_ids, gint64, grid - 1);
  filter.overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  filter.due_soon = gtk_toggle_button_get_active (self->due_soon_toggle);
  filter.from = g_strdup (self->from);
  filter.to = g_strdup (self->to);
  filter.query = stripped_text (GTK_EDITABLE (self->search_entry));

  hint = begin_refresh (self, REFRESH_FILTER);
  yishi_issue_list_set_filter (self->list, &filter);
  end_refresh (self);
  yishi_issue_filter_clear (&filter);
  after_refresh (self, hint, REFRESH_FILTER);
}

static void
on_filter_changed (YishiLedgerPanel *self)
{
  apply_filter (self);
}

static void
focus_list (YishiLedgerPanel *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search (YishiLedgerPanel *self)
{
  /* Escape: first clear the words, then go back to the list. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    focus_list (self);
}

static void
on_search_activate (YishiLedgerPanel *self)
{
  guint n = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  if (n == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  focus_list (self);
}

/* Overdue and due soon exclude each other. */
static void
on_due_toggled (YishiLedgerPanel *self,
                GtkToggleButton  *toggle)
{
  GtkToggleButton *other = toggle == self->overdue_toggle ? self->due_soon_toggle : self->overdue_toggle;

  if (gtk_toggle_button_get_active (toggle) && gtk_toggle_button_get_active (other))
    {
      self->updating_filters = TRUE;
      gtk_toggle_button_set_active (other, FALSE);
      self->updating_filters = FALSE;
    }
  apply_filter (self);
}

static void
update_date_label (YishiLedgerPanel *self)
{
  g_autofree char *text = NULL;

  if (self->from != NULL && self->to != NULL)
    text = g_strdup_printf ("%s – %s", self->from, self->to);
  else if (self->from != NULL)
    /* Translators: received on or after a date */
    text = g_strdup_printf (_("From %s"), self->from);
  else if (self->to != NULL)
    /* Translators: received on or before a date */
    text = g_strdup_printf (_("Until %s"), self->to);
  gtk_label_set_text (self->date_label, text ? text : _("Any Date"));
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "yishi-filter-set");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_button), "yishi-filter-set");
}

static void
on_date_popover_show (YishiLedgerPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), self->from ? self->from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->to ? self->to : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
}

static gboolean
check_date (YishiLedgerPanel *self,
            GtkEntry         *entry,
            const char       *field,
            char            **date)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = stripped_text (GTK_EDITABLE (entry));

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (text != NULL && !yishi_validate_date (text, field, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_label_set_text (self->date_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_error), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return FALSE;
    }
  *date = g_steal_pointer (&text);
  return TRUE;
}

static void
on_date_apply (YishiLedgerPanel *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!check_date (self, self->from_entry, _("The first day"), &from) ||
      !check_date (self, self->to_entry, _("The last day"), &to))
    return;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_label_set_text (self->date_error, _("The last day is before the first day."));
      gtk_widget_set_visible (GTK_WIDGET (self->date_error), TRUE);
      return;
    }
  g_free (self->from);
  self->from = g_steal_pointer (&from);
  g_free (self->to);
  self->to = g_steal_pointer (&to);
  update_date_label (self);
  gtk_popover_popdown (self->date_popover);
  apply_filter (self);
}

static void
on_date_clear (YishiLedgerPanel *self)
{
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  update_date_label (self);
  gtk_popover_popdown (self->date_popover);
  apply_filter (self);
}

/**
 * yishi_ledger_panel_clear_filters:
 *
 * Back to the whole ledger: no words, no filters, one new count.
 */
void
yishi_ledger_panel_clear_filters (YishiLedgerPanel *self)
{
  g_return_if_fail (YISHI_IS_LEDGER_PANEL (self));

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->scale_dropdown, 0);
  gtk_drop_down_set_selected (self->route_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->grid_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->due_soon_toggle, FALSE);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  update_date_label (self);
  self->updating_filters = FALSE;
  apply_filter (self);
}

/* Dropdowns ------------------------------------------------------------------------ */

static void
set_strings (GtkDropDown *dropdown,
             GtkStringList *strings)
{
  if (gtk_drop_down_get_enable_search (dropdown) && gtk_drop_down_get_expression (dropdown) == NULL)
    {
      g_autoptr (GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (dropdown, expression);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
}

static void
fill_enum_dropdown (GtkDropDown       *dropdown,
                    const char        *any,
                    YishiEnum          which,
                    const char *const *ids,
                    guint              n_ids)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, any);
  for (guint i = 0; i < n_ids; i++)
    gtk_string_list_append (strings, yishi_enum_label (which, ids[i]));
  set_strings (dropdown, strings);
}

static void
fill_static_dropdowns (YishiLedgerPanel *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);
  const YishiEnumValue *values;
  guint n_values;

  gtk_string_list_append (states, _("All States"));
  gtk_string_list_append (states, _("Open"));
  values = yishi_enum_values (YISHI_ENUM_ISSUE_STATE, &n_values);
  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (states, yishi_enum_label (YISHI_ENUM_ISSUE_STATE, values[i].id));
  set_strings (self->state_dropdown, states);

  fill_enum_dropdown (self->scale_dropdown, _("Any Scale"), YISHI_ENUM_SCALE, scales, G_N_ELEMENTS (scales));
  fill_enum_dropdown (self->route_dropdown, _("Any Route"), YISHI_ENUM_ROUTE, routes, G_N_ELEMENTS (routes));
}

static void
fill_lookup_dropdown (YishiLedgerPanel *self,
                      GtkDropDown      *dropdown,
                      GArray           *ids,
                      YishiLookupKind   kind,
                      const char       *any)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) items = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 selected_id = selected >= 1 && selected - 1 < ids->len ? g_array_index (ids, gint64, selected - 1) : 0;
  guint position = 0;

  gtk_string_list_append (strings, any);
  g_array_set_size (ids, 0);
  if (self->database != NULL)
    items = yishi_lookup_list (self->database, kind, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      YishiLookupItem *item = g_ptr_array_index (items, i);

      gtk_string_list_append (strings, item->label);
      g_array_append_val (ids, item->id);
      if (item->id == selected_id)
        position = i + 1;
    }
  set_strings (dropdown, strings);
  gtk_drop_down_set_selected (dropdown, position);
}

static void
fill_lookups (YishiLedgerPanel *self)
{
  self->updating_filters = TRUE;
  fill_lookup_dropdown (self, self->category_dropdown, self->category_ids, YISHI_LOOKUP_CATEGORIES,
                        _("Any Category"));
  fill_lookup_dropdown (self, self->grid_dropdown, self->grid_ids, YISHI_LOOKUP_GRIDS, _("Any Grid"));
  self->updating_filters = FALSE;
}

static void
on_lookups_changed (YishiDatabase    *database,
                    const char       *table,
                    YishiLedgerPanel *self)
{
  if (table == NULL || g_str_equal (table, "category") || g_str_equal (table, "grid") ||
      g_str_equal (table, "community"))
    {
      fill_lookups (self);
      apply_filter (self);
    }
}

/* The list and the database -------------------------------------------------------- */

static void
set_list_database (YishiLedgerPanel *self,
                   YishiDatabase    *database)
{
  if (self->database != NULL)
    g_clear_signal_handler (&self->lookups_changed_id, self->database);
  g_set_object (&self->database, database);

  self->current_id = 0;
  self->pending_position = GTK_INVALID_LIST_POSITION;
  self->undo_kind = UNDO_NONE;
  if (gtk_single_selection_get_model (self->selection) != NULL)
    yishi_paged_rows_flush (YISHI_PAGED_ROWS (gtk_single_selection_get_model (self->selection)));
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->list);
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_object (&self->figures[i]);
  yishi_issue_detail_pane_set_database (self->detail, database);

  if (database != NULL)
    {
      YishiIssueFilter open = { .state = (char *)"open" };
      YishiIssueFilter overdue = { .overdue = TRUE };
      YishiIssueFilter due_soon = { .due_soon = TRUE };
      const YishiIssueFilter *filters[N_FIGURES] = { &open, &overdue, &due_soon, NULL };

      for (guint i = 0; i < N_FIGURES; i++)
        {
          self->figures[i] = yishi_issue_list_new (database);
          if (filters[i] != NULL)
            yishi_issue_list_set_filter (self->figures[i], filters[i]);
        }
      self->lookups_changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_lookups_changed), self);
      self->list = yishi_issue_list_new (database);
      yishi_issue_list_set_sort (self->list, self->sort, self->descending);
      g_autoptr (YishiPagedRows) rows = yishi_paged_rows_new (G_LIST_MODEL (self->list));

      self->refreshing = TRUE;
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (rows));
      self->refreshing = FALSE;
    }
  fill_lookups (self);
  /* A new file starts from the whole ledger. */
  yishi_ledger_panel_clear_filters (self);
  update_count (self);
  update_actions (self);
}

static void
set_count_label (GtkLabel *label,
                 guint     count)
{
  g_autofree char *text = g_strdup_printf ("%'u", count);

  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
}

/* The figures over the list, counted by lists of their own: the panel's summary would
 * read the whole file on every change (about a second on a district). */
static void
update_figures (YishiLedgerPanel *self,
                gboolean          count_again)
{
  static const char *const captions[N_FIGURES] = {
    N_("Open matters"), N_("Overdue"), N_("Due within 2 working days"), N_("All matters"),
  };
  static const char *const styles[N_FIGURES] = { "accent", "error", "warning", NULL };
  guint counts[N_FIGURES];
  g_autofree char *open = NULL;
  g_autofree char *open_text = NULL;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      if (count_again)
        yishi_issue_list_refresh (self->figures[i]);
      counts[i] = g_list_model_get_n_items (G_LIST_MODEL (self->figures[i]));
      yishi_panel_add_count (YISHI_PANEL (self), counts[i], _(captions[i]), styles[i]);
    }
  open = g_strdup_printf ("%'u", counts[0]);
  /* Translators: the number of open matters in the whole ledger, e.g. "1,134 open" */
  open_text = g_strdup_printf (_("%s open in the ledger"), open);
  gtk_label_set_text (self->open_label, open_text);
  set_count_label (self->overdue_count, counts[1]);
  set_count_label (self->due_soon_count, counts[2]);
}

static void
yishi_ledger_panel_reload (YishiPanel    *panel,
                           YishiDatabase *database,
                           YishiSummary  *summary)
{
  YishiLedgerPanel *self = YISHI_LEDGER_PANEL (panel);

  if (database != self->database)
    {
      set_list_database (self, database);
      update_figures (self, FALSE);
    }
  else
    {
      refresh_list (self);
      update_figures (self, TRUE);
    }
}

static void
on_database_notify (YishiLedgerPanel *self)
{
  if (yishi_panel_get_database (YISHI_PANEL (self)) == NULL && self->database != NULL)
    set_list_database (self, NULL);
}

/* Actions -------------------------------------------------------------------------- */

/**
 * yishi_ledger_panel_select:
 *
 * Shows matter @id, in the list when it is there (clearing the filters if they hide
 * it), and in the detail pane.
 *
 * Returns: whether the list shows it
 */
gboolean
yishi_ledger_panel_select (YishiLedgerPanel *self,
                           gint64            id)
{
  guint position;

  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  begin_refresh (self, REFRESH_DATA);
  self->current_id = id;
  yishi_issue_list_refresh (self->list);
  end_refresh (self);
  position = find_current (self, 0);
  if (position == GTK_INVALID_LIST_POSITION && filters_active (self))
    {
      yishi_ledger_panel_clear_filters (self);
      self->current_id = id;
      position = find_current (self, 0);
    }
  select_position (self, position);
  yishi_issue_detail_pane_show_issue (self->detail, id);
  update_count (self);
  update_actions (self);
  if (position != GTK_INVALID_LIST_POSITION)
    yishi_column_view_scroll_to (self->column_view, position);
  return position != GTK_INVALID_LIST_POSITION;
}

gint64
yishi_ledger_panel_get_selected_id (YishiLedgerPanel *self)
{
  YishiIssue *issue;

  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), 0);

  issue = selected_issue (self);
  return issue ? yishi_issue_get_id (issue) : 0;
}

/**
 * yishi_ledger_panel_delete_selected:
 *
 * Marks the matter shown as deleted, with a toast to undo it.
 *
 * Returns: whether a matter was deleted
 */
gboolean
yishi_ledger_panel_delete_selected (YishiLedgerPanel *self)
{
  const YishiIssueDetail *detail = yishi_issue_detail_pane_get_detail (self->detail);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *serial = NULL;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), FALSE);

  if (self->database == NULL || detail == NULL)
    return FALSE;
  id = detail->id;
  serial = g_strdup (detail->serial);
  if (!yishi_issue_store_set_deleted (self->database, id, TRUE, &error))
    {
      yishi_panel_show_message (YISHI_PANEL (self), error->message);
      return FALSE;
    }
  self->pending_position = gtk_single_selection_get_selected (self->selection);
  /* Translators: a toast, e.g. "Matter 2026-0012 deleted" */
  text = g_strdup_printf (_("Matter %s deleted"), serial);
  offer_undo (self, text, UNDO_DELETE, id);
  update_actions (self);
  return TRUE;
}

static void
on_step_applied (YishiIssueDetailPane *detail,
                 gint64                id,
                 const char           *step,
                 gint64                other_id,
                 YishiLedgerPanel     *self)
{
  g_autofree char *text = NULL;
  const YishiIssueDetail *shown = yishi_issue_detail_pane_get_detail (detail);

  if (g_strcmp0 (step, "merged") != 0 || shown == NULL)
    return;
  /* Translators: a toast, e.g. "Matter 2026-0012 merged into 2026-0007" */
  text = g_strdup_printf (_("Matter %s merged into %s"), shown->serial,
                          shown->merged_into ? shown->merged_into : "");
  offer_undo (self, text, UNDO_MERGE, id);
  update_actions (self);
}

static void
on_row_activated (YishiLedgerPanel *self,
                  guint             position)
{
  /* Enter on a row: over to its detail (unfolding the pane on a narrow window). */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  yishi_issue_detail_pane_focus (self->detail);
}

static void
on_folded_changed (YishiLedgerPanel *self)
{
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiLedgerPanel *self = YISHI_LEDGER_PANEL (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  yishi_ledger_panel_clear_filters (YISHI_LEDGER_PANEL (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  yishi_ledger_panel_delete_selected (YISHI_LEDGER_PANEL (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  yishi_ledger_panel_undo (YISHI_LEDGER_PANEL (widget));
}

static void
focus_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  focus_list (YISHI_LEDGER_PANEL (widget));
}

#ifdef HAVE_INTAKE_DIALOG
static void
on_filed (GtkWindow        *dialog,
          gint64            id,
          const char       *serial,
          YishiLedgerPanel *self)
{
  yishi_ledger_panel_select (self, id);
}

/* The caller was added to a matter already in the ledger. */
static void
on_linked (GtkWindow        *dialog,
           gint64            id,
           YishiLedgerPanel *self)
{
  yishi_ledger_panel_select (self, id);
}
#endif

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
#ifdef HAVE_INTAKE_DIALOG
  YishiLedgerPanel *self = YISHI_LEDGER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *dialog;

  if (self->database == NULL)
    return;
  dialog = yishi_intake_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database);
  g_signal_connect_object (dialog, "filed", G_CALLBACK (on_filed), self, 0);
  g_signal_connect_object (dialog, "linked", G_CALLBACK (on_linked), self, 0);
  gtk_window_present (dialog);
#endif
}

/* Public --------------------------------------------------------------------------- */

/* Returns: (transfer none) (nullable): the list model the view shows */
YishiIssueList *
yishi_ledger_panel_get_list (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return self->list;
}

guint
yishi_ledger_panel_get_n_matters (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), 0);
  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

const char *
yishi_ledger_panel_get_count_text (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return gtk_label_get_text (self->count_label);
}

/* Returns: "list", "no-match", "empty" or "error" */
const char *
yishi_ledger_panel_get_page (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

GtkColumnView *
yishi_ledger_panel_get_column_view (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return self->column_view;
}

GtkColumnViewColumn *
yishi_ledger_panel_get_column (YishiLedgerPanel *self,
                               YishiIssueSort    sort)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  g_return_val_if_fail (sort < G_N_ELEMENTS (self->columns), NULL);
  return self->columns[sort];
}

GtkScrolledWindow *
yishi_ledger_panel_get_scrolled (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return self->scrolled;
}

GtkEditable *
yishi_ledger_panel_get_search_entry (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
yishi_ledger_panel_get_state_dropdown (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return self->state_dropdown;
}

YishiIssueDetailPane *
yishi_ledger_panel_get_detail (YishiLedgerPanel *self)
{
  g_return_val_if_fail (YISHI_IS_LEDGER_PANEL (self), NULL);
  return self->detail;
}

/* GObject -------------------------------------------------------------------------- */

static void
yishi_ledger_panel_dispose (GObject *object)
{
  YishiLedgerPanel *self = YISHI_LEDGER_PANEL (object);

  if (self->database != NULL)
    g_clear_signal_handler (&self->lookups_changed_id, self->database);
  yishi_panel_release_undo_toast (YISHI_PANEL (self), &self->undo_toast);
  if (self->selection != NULL && gtk_single_selection_get_model (self->selection) != NULL)
    yishi_paged_rows_flush (YISHI_PAGED_ROWS (gtk_single_selection_get_model (self->selection)));
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->column_sort);
  g_clear_object (&self->list);
  for (guint i = 0; i < N_FIGURES; i++)
    g_clear_object (&self->figures[i]);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_LEDGER_PANEL);

  G_OBJECT_CLASS (yishi_ledger_panel_parent_class)->dispose (object);
}

static void
yishi_ledger_panel_finalize (GObject *object)
{
  YishiLedgerPanel *self = YISHI_LEDGER_PANEL (object);

  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->grid_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_ledger_panel_parent_class)->finalize (object);
}

static void
yishi_ledger_panel_class_init (YishiLedgerPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  YishiPanelClass *panel_class = YISHI_PANEL_CLASS (klass);

  object_class->dispose = yishi_ledger_panel_dispose;
  object_class->finalize = yishi_ledger_panel_finalize;
  panel_class->reload = yishi_ledger_panel_reload;
  panel_class->tables = ledger_tables;
  panel_class->skip_summary = TRUE;

  g_type_ensure (YISHI_TYPE_ISSUE_DETAIL_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Yishi/ledger/yishi-ledger-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, route_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, grid_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, due_soon_toggle);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, due_soon_count);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, date_button);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, date_popover);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, from_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, to_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, date_error);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, flap);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, open_label);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, clear_button);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, new_button);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, column_view);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, list_error_page);
  gtk_widget_class_bind_template_child (widget_class, YishiLedgerPanel, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_due_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_date_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_date_clear);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_step_applied);

  gtk_widget_class_install_action (widget_class, "ledger.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "ledger.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "ledger.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "ledger.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "ledger.focus-list", NULL, focus_list_action);
  gtk_widget_class_install_action (widget_class, "ledger.new", NULL, new_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "ledger.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ledger.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "ledger.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "ledger.undo", NULL);
#ifdef HAVE_INTAKE_DIALOG
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "ledger.new", NULL);
#endif
}

static void
yishi_ledger_panel_init (YishiLedgerPanel *self)
{
  self->sort = YISHI_ISSUE_SORT_RECEIVED;
  self->descending = TRUE;
  self->pending_position = GTK_INVALID_LIST_POSITION;
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_columns (self);
  yishi_column_sort_fit_to (self->column_sort, self->scrolled);
  g_signal_connect (self->column_sort, "changed", G_CALLBACK (on_sort_changed), self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[YISHI_ISSUE_SORT_RECEIVED],
                                  GTK_SORT_DESCENDING);

  fill_static_dropdowns (self);
  fill_lookups (self);
  update_date_label (self);
  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect (self, "notify::database", G_CALLBACK (on_database_notify), NULL);

#ifndef HAVE_INTAKE_DIALOG
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.new", FALSE);
  gtk_widget_set_visible (self->new_button, FALSE);
  gtk_widget_set_visible (self->empty_new_button, FALSE);
#endif
  update_count (self);
  update_actions (self);
}
