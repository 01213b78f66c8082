/* yishi-import-dialog.c
 *
 * Importing a roster in four steps: a file (.xlsx or .csv, chosen or dropped), the
 * columns (the header found under any title rows, each column's field as proposed or
 * remembered, adjustable), the preview (every row's verdict: new, already in the
 * registry, or rejected with its reason), and the import.  Reading, checking and
 * importing run in a thread on a database connection of the dialog's own, with progress
 * shown and a Cancel button; nothing is written before the last step, and then in one
 * transaction.  The rejected rows can be saved as a workbook to fix and import again.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yishi-roster-import.h"
#include "yishi-sheet.h"
#include "yishi-workbook-roster.h"

#include "yishi-import-dialog.h"

#define N_SAMPLE_ROWS 5
#define PROGRESS_INTERVAL_MS 100

typedef enum
{
  JOB_NONE,
  JOB_READ,
  JOB_ANALYSE,
  JOB_COMMIT,
} Job;

typedef enum
{
  COLUMN_ROW,
  COLUMN_VERDICT,
  COLUMN_NAME,
  COLUMN_ID_NUMBER,
  COLUMN_PHONE,
  COLUMN_PLACE,
  COLUMN_REPAIRS,
  COLUMN_REASON,
  N_COLUMNS
} Column;

/* The tables a committed import may have changed, for the main connection's views. */
static const char *const imported_tables[] = {
  "grid", "building", "unit", "household", "person", "residence", "party_membership",
  "setting", NULL,
};

struct _YishiImportDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  YishiRosterImport *import; /* on a connection of its own */
  char *file_name;
  char *error_text;
  char *notice;              /* why the rows were checked again, for the preview */
  GCancellable *cancellable; /* of the running job */
  Job job;
  gint progress;             /* per mille from the reading thread; -1: pulse */
  guint progress_source;
  guint n_imported;
  gboolean only_rejected;
  gboolean filling;

  AdwWindowTitle *title;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkStack *steps;

  /* busy */
  AdwStatusPage *busy_page;
  GtkProgressBar *progress_bar;

  /* failed */
  AdwStatusPage *failed_page;

  /* mapping */
  GtkBox *mapping_box;
  AdwPreferencesGroup *mapping_group;
  GPtrArray *mapping_rows;   /* AdwComboRow, one a column */
  GtkLabel *mapping_error;

  /* preview */
  GtkLabel *new_label;
  GtkLabel *unchanged_label;
  GtkLabel *rejected_label;
  GtkLabel *preview_error;
  GtkColumnView *rows_view;
  GtkFilterListModel *shown_rows;
  GtkFilter *rejected_filter;

  /* result */
  AdwStatusPage *result_page;
  GtkWidget *save_rejected_button;
  GtkFileChooserNative *chooser;
};

enum { PROP_0, PROP_DATABASE, PROP_ONLY_REJECTED, N_PROPS };
enum { IMPORTED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiImportDialog, yishi_import_dialog, ADW_TYPE_WINDOW)

static void start_job (YishiImportDialog *self, Job job, const char *path);

/* Steps ---------------------------------------------------------------------------------------- */

static void
set_error (YishiImportDialog *self,
           const char        *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Detaches the preview from the import's rows: a thread is about to change them. */
static void
detach_rows (YishiImportDialog *self)
{
  gtk_column_view_set_model (self->rows_view, NULL);
  if (self->shown_rows != NULL)
    gtk_filter_list_model_set_model (self->shown_rows, NULL);
  g_clear_object (&self->shown_rows);
}

static void
show_step (YishiImportDialog *self,
           const char        *step)
{
  gboolean mapping = g_str_equal (step, "mapping");
  gboolean preview = g_str_equal (step, "preview");

  gtk_stack_set_visible_child_name (self->steps, step);
  gtk_widget_set_visible (self->back_button, mapping || preview);
  gtk_widget_set_visible (self->next_button, mapping || preview);
  if (mapping)
    {
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("_Check Rows"));
      gtk_widget_set_sensitive (self->next_button, TRUE);
      gtk_widget_set_tooltip_text (self->next_button,
                                   _("Check every row; nothing is written yet"));
    }
  else if (preview)
    {
      guint n_new = yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_NEW);
      g_autofree char *label = g_strdup_printf (ngettext ("_Import %u Person",
                                                          "_Import %u People", n_new), n_new);

      gtk_button_set_label (GTK_BUTTON (self->next_button), label);
      gtk_widget_set_sensitive (self->next_button, n_new > 0);
      gtk_widget_set_tooltip_text (self->next_button,
                                   n_new > 0 ? _("Write the new people in one transaction")
                                             : _("Nothing new to import"));
    }
  adw_window_title_set_subtitle (self->title, self->file_name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", self->job == JOB_NONE);
}

static void
show_failed (YishiImportDialog *self,
             const char        *message)
{
  set_error (self, message);
  adw_status_page_set_description (self->failed_page, message);
  show_step (self, "failed");
}

/* Mapping -------------------------------------------------------------------------------------- */

static void
refresh_mapping (YishiImportDialog *self)
{
  self->filling = TRUE;
  for (guint c = 0; c < self->mapping_rows->len; c++)
    adw_combo_row_set_selected (g_ptr_array_index (self->mapping_rows, c),
                                yishi_roster_import_get_mapping (self->import, c));
  self->filling = FALSE;
}

static void
on_mapping_changed (AdwComboRow       *row,
                    GParamSpec        *pspec,
                    YishiImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint field = adw_combo_row_get_selected (row);

  if (self->filling || self->import == NULL || field >= N_YISHI_ROSTER_FIELDS)
    return;
  yishi_roster_import_set_mapping (self->import, column, (YishiRosterField)field);
  /* A field maps to one column: the one it left shows "Not imported" now. */
  refresh_mapping (self);
  show_label (self->mapping_error, NULL);
}

/* The first non-empty value under the header in @column. */
static const char *
sample_value (YishiRosterImport *import,
              guint              column)
{
  YishiSheet *sheet = yishi_roster_import_get_sheet (import);
  guint n_rows = yishi_sheet_get_n_rows (sheet);
  guint first = yishi_roster_import_get_header_row (import) + 1;
  guint seen = 0;

  for (guint r = first; r < n_rows && seen < N_SAMPLE_ROWS; r++)
    {
      const char *text;

      if (yishi_sheet_get_n_cells (sheet, r) == 0)
        continue; /* a blank row */
      seen++;
      text = yishi_sheet_get_text (sheet, r, column);
      if (*text != '\0')
        return text;
    }
  return NULL;
}

static void
build_mapping (YishiImportDialog *self)
{
  g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);
  YishiSheet *sheet = yishi_roster_import_get_sheet (self->import);
  guint n_columns = yishi_roster_import_get_n_columns (self->import);
  g_autofree char *description = NULL;
  GtkWidget *group = adw_preferences_group_new ();

  if (self->mapping_group != NULL)
    gtk_box_remove (self->mapping_box, GTK_WIDGET (self->mapping_group));
  g_ptr_array_set_size (self->mapping_rows, 0);
  self->mapping_group = ADW_PREFERENCES_GROUP (group);

  for (guint f = 0; f < N_YISHI_ROSTER_FIELDS; f++)
    gtk_string_list_append (fields, yishi_roster_field_label ((YishiRosterField)f));
  /* Translators: the row of the header in the file (1-based), and the file's format */
  description = g_strdup_printf (_("The header is on row %u · %s. Choose what each column "
                                   "holds; the choice is remembered for files with the same "
                                   "columns."),
                                 yishi_roster_import_get_header_row (self->import) + 1,
                                 yishi_sheet_get_format (sheet));
  adw_preferences_group_set_title (self->mapping_group, _("Columns"));
  adw_preferences_group_set_description (self->mapping_group, description);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *name = yishi_roster_import_get_column_name (self->import, c);
      const char *sample = sample_value (self->import, c);
      g_autofree char *untitled = g_strdup_printf (_("Column %u (no name)"), c + 1);
      g_autofree char *subtitle = sample ? g_strdup_printf (_("e.g. %s"), sample)
                                         : g_strdup (_("empty in the first rows"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     name && *name ? name : untitled);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  yishi_roster_import_get_mapping (self->import, c));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
  gtk_box_append (self->mapping_box, group);
  show_label (self->mapping_error, NULL);
}

/* Preview -------------------------------------------------------------------------------------- */

static gboolean
is_rejected (gpointer item,
             gpointer data)
{
  return yishi_roster_row_get_verdict (item) == YISHI_ROSTER_ROW_REJECTED;
}

static void
update_filter (YishiImportDialog *self)
{
  if (self->shown_rows != NULL)
    gtk_filter_list_model_set_filter (self->shown_rows,
                                      self->only_rejected ? self->rejected_filter : NULL);
}

static void
build_preview (YishiImportDialog *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;
  guint n_new = yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_NEW);
  guint n_unchanged = yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_UNCHANGED);
  guint n_rejected = yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_REJECTED);
  g_autofree char *new_text = g_strdup_printf (ngettext ("%u new", "%u new", n_new), n_new);
  g_autofree char *unchanged_text =
    g_strdup_printf (ngettext ("%u already in the registry", "%u already in the registry",
                               n_unchanged), n_unchanged);
  g_autofree char *rejected_text =
    g_strdup_printf (ngettext ("%u rejected", "%u rejected", n_rejected), n_rejected);

  gtk_label_set_text (self->new_label, new_text);
  gtk_label_set_text (self->unchanged_label, unchanged_text);
  gtk_label_set_text (self->rejected_label, rejected_text);

  detach_rows (self);
  self->shown_rows =
    gtk_filter_list_model_new (g_object_ref (yishi_roster_import_get_rows (self->import)), NULL);
  update_filter (self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown_rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}

static char *
place_of (YishiRosterRow *row)
{
  const YishiRosterField fields[] = { YISHI_ROSTER_FIELD_GRID, YISHI_ROSTER_FIELD_BUILDING,
                                      YISHI_ROSTER_FIELD_UNIT, YISHI_ROSTER_FIELD_ROOM };
  GString *place = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = yishi_roster_row_get_value (row, fields[i]);

      if (value != NULL && *value != '\0')
        g_string_append_printf (place, "%s%s", place->len ? " " : "", value);
    }
  return g_string_free (place, FALSE);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_ROW ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_ROW)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_VERDICT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  YishiRosterRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_ROW:
      text = owned = g_strdup_printf ("%u", yishi_roster_row_get_source_row (row));
      break;

    case COLUMN_VERDICT:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (image);
        const char *icon, *css;

        switch (yishi_roster_row_get_verdict (row))
          {
          case YISHI_ROSTER_ROW_NEW:
            icon = "list-add-symbolic";
            text = _("New");
            css = "success";
            break;

          case YISHI_ROSTER_ROW_UNCHANGED:
            icon = "object-select-symbolic";
            text = _("Already registered");
            css = "dim-label";
            break;

          case YISHI_ROSTER_ROW_REJECTED:
          default:
            icon = "dialog-error-symbolic";
            text = _("Rejected");
            css = "error";
            break;
          }
        gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
        gtk_label_set_text (GTK_LABEL (label), text);
        gtk_widget_set_css_classes (child, (const char *[]) { css, NULL });
        return;
      }

    case COLUMN_NAME:
      text = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_NAME);
      break;

    case COLUMN_ID_NUMBER:
      text = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_ID_NUMBER);
      break;

    case COLUMN_PHONE:
      text = yishi_roster_row_get_value (row, YISHI_ROSTER_FIELD_PHONE);
      break;

    case COLUMN_PLACE:
      text = owned = place_of (row);
      break;

    case COLUMN_REPAIRS:
      text = yishi_roster_row_get_repairs (row);
      break;

    case COLUMN_REASON:
    case N_COLUMNS:
    default:
      text = yishi_roster_row_get_reason (row);
      break;
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
  /* Long repairs and reasons: the whole text on hover. */
  gtk_widget_set_tooltip_text (child, (column == COLUMN_REPAIRS || column == COLUMN_REASON) &&
                                      text && *text ? text : NULL);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            int            width,
            gboolean       expand)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (view, view_column);
}

/* Jobs in a thread ----------------------------------------------------------------------------- */

typedef struct
{
  Job job;
  char *path;          /* JOB_READ */
  char *database_path; /* JOB_READ */
  char *actor;         /* JOB_READ */
  gint *progress;      /* JOB_READ: the dialog's, kept alive by the task */
  YishiRosterImport *import;
  guint n_imported;
} JobData;

static void
job_data_free (JobData *data)
{
  g_free (data->path);
  g_free (data->database_path);
  g_free (data->actor);
  g_clear_object (&data->import);
  g_free (data);
}

static void
read_progress (double   fraction,
               gpointer user_data)
{
  JobData *data = user_data;

  g_atomic_int_set (data->progress, (gint)CLAMP (fraction * 1000, 0, 1000));
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;

  switch (data->job)
    {
    case JOB_READ:
      {
        g_autoptr (YishiDatabase) worker = NULL;
        YishiSheet *sheet;

        worker = yishi_database_open (data->database_path, YISHI_DATABASE_OPEN_DEFAULT, &error);
        if (worker == NULL)
          break;
        if (data->actor != NULL)
          yishi_database_set_actor (worker, data->actor);
        sheet = yishi_sheet_read (data->path, cancellable, read_progress, data, &error);
        if (sheet == NULL)
          break;
        data->import = yishi_roster_import_new (worker, sheet, &error);
        break;
      }

    case JOB_ANALYSE:
      yishi_roster_import_analyse (data->import, cancellable, &error);
      break;

    case JOB_COMMIT:
      yishi_roster_import_commit (data->import, &data->n_imported, cancellable, &error);
      break;

    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
stop_progress (YishiImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->job = JOB_NONE;
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", TRUE);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (source);
  JobData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean cancelled;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self->steps == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return; /* closed meanwhile */
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  stop_progress (self);

  switch (data->job)
    {
    case JOB_READ:
      if (error != NULL)
        {
          if (cancelled)
            show_step (self, self->import ? "mapping" : "choose");
          else
            show_failed (self, error->message);
          return;
        }
      g_clear_object (&self->import);
      self->import = g_steal_pointer (&data->import);
      set_error (self, NULL);
      build_mapping (self);
      show_step (self, "mapping");
      gtk_widget_grab_focus (self->next_button);
      break;

    case JOB_ANALYSE:
      if (error != NULL)
        {
          g_clear_pointer (&self->notice, g_free);
          set_error (self, cancelled ? NULL : error->message);
          show_label (self->mapping_error, cancelled ? NULL : error->message);
          show_step (self, "mapping");
          return;
        }
      set_error (self, self->notice);
      build_preview (self);
      show_label (self->preview_error, self->notice);
      g_clear_pointer (&self->notice, g_free);
      show_step (self, "preview");
      gtk_widget_grab_focus (self->next_button);
      break;

    case JOB_COMMIT:
      if (error != NULL)
        {
          if (!cancelled)
            set_error (self, error->message);
          /* A changed registry means new verdicts: check again, then show why. */
          if (g_error_matches (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_CHANGED) ||
              g_error_matches (error, YISHI_ROSTER_ERROR, YISHI_ROSTER_ERROR_NOT_ANALYSED))
            {
              g_free (self->notice);
              self->notice = g_strdup (error->message);
              start_job (self, JOB_ANALYSE, NULL);
              return;
            }
          build_preview (self);
          show_label (self->preview_error, cancelled ? NULL : error->message);
          show_step (self, "preview");
          return;
        }
      {
        guint n_rejected = yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_REJECTED);
        g_autofree char *title = g_strdup_printf (ngettext ("Imported %u Person",
                                                            "Imported %u People",
                                                            data->n_imported),
                                                  data->n_imported);
        g_autofree char *description =
          n_rejected > 0
          ? g_strdup_printf (ngettext ("%u row was rejected: save it, correct it and import "
                                       "the file of rejected rows again.",
                                       "%u rows were rejected: save them, correct them and "
                                       "import the file of rejected rows again.",
                                       n_rejected),
                             n_rejected)
          : g_strdup (_("No row was rejected."));

        self->n_imported = data->n_imported;
        set_error (self, NULL);
        adw_status_page_set_title (self->result_page, title);
        adw_status_page_set_description (self->result_page, description);
        gtk_widget_set_visible (self->save_rejected_button, n_rejected > 0);
        show_step (self, "result");
        /* The import wrote on its own connection: the main one tells its views. */
        yishi_database_notify_changed (self->database, imported_tables);
        g_signal_emit (self, signals[IMPORTED], 0, data->n_imported);
      }
      break;

    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
progress_tick (gpointer user_data)
{
  YishiImportDialog *self = user_data;
  gint progress = g_atomic_int_get (&self->progress);

  if (progress >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, progress / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
start_job (YishiImportDialog *self,
           Job                job,
           const char        *path)
{
  g_autoptr (GTask) task = NULL;
  JobData *data = g_new0 (JobData, 1);

  g_return_if_fail (self->job == JOB_NONE);

  data->job = job;
  if (job == JOB_READ)
    {
      const char *actor = yishi_database_get_actor (self->database);

      data->path = g_strdup (path);
      data->database_path = g_strdup (yishi_database_get_path (self->database));
      data->actor = g_strdup (actor);
      data->progress = &self->progress;
      g_atomic_int_set (&self->progress, 0);
      adw_status_page_set_title (self->busy_page, _("Reading the File…"));
    }
  else
    {
      data->import = g_object_ref (self->import);
      g_atomic_int_set (&self->progress, -1);
      adw_status_page_set_title (self->busy_page, job == JOB_ANALYSE ? _("Checking Every Row…")
                                                                     : _("Importing…"));
    }
  adw_status_page_set_description (self->busy_page,
                                   job == JOB_COMMIT
                                   ? _("The new people are written in one transaction: "
                                       "cancelled, nothing is written.")
                                   : _("Nothing is written yet."));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  /* The rows change in the thread: the preview lets go of them first. */
  detach_rows (self);
  self->job = job;
  self->cancellable = g_cancellable_new ();
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick, self);
  show_step (self, "busy");

  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, data, (GDestroyNotify)job_data_free);
  g_task_run_in_thread (task, job_thread);
}

/* Files ---------------------------------------------------------------------------------------- */

void
yishi_import_dialog_open_file (YishiImportDialog *self,
                               GFile             *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (YISHI_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->job != JOB_NONE)
    return;
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  if (yishi_database_is_read_only (self->database))
    {
      show_failed (self, _("The community’s file is open read-only: nothing can be imported "
                           "into it."));
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_failed (self, _("Only files on this computer can be imported: copy the file here "
                           "first."));
      return;
    }
  start_job (self, JOB_READ, path);
}

static void
on_file_chosen (GtkNativeDialog   *chooser,
                int                response,
                YishiImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        yishi_import_dialog_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (widget);
  g_autoptr (GtkFileFilter) rosters = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->job != JOB_NONE)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Roster"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (rosters, _("Rosters (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (rosters, "xlsx");
  gtk_file_filter_add_suffix (rosters, "csv");
  gtk_file_filter_add_mime_type (rosters, "application/vnd.openxmlformats-officedocument."
                                          "spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (rosters, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), rosters);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         YishiImportDialog *self)
{
  GFile *file = NULL;

  if (self->job != JOB_NONE)
    return FALSE;
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files ? files->data : NULL;
      g_slist_free (files);
    }
  if (file == NULL)
    return FALSE;
  yishi_import_dialog_open_file (self, file);
  return TRUE;
}

gboolean
yishi_import_dialog_save_rejected (YishiImportDialog  *self,
                                   const char         *path,
                                   GError            **error)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->import == NULL || self->job != JOB_NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("There are no checked rows to save yet."));
      return FALSE;
    }
  return yishi_workbook_rejected_rows_write (self->import, path, error);
}

static void
on_save_chosen (GtkNativeDialog   *chooser,
                int                response,
                YishiImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path != NULL && yishi_import_dialog_save_rejected (self, path, &error))
        adw_status_page_set_description (self->result_page,
                                         _("The rejected rows were saved with the reason of "
                                           "each in the last column."));
      else if (error != NULL)
        adw_status_page_set_description (self->result_page, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
save_rejected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (widget);
  g_autoptr (GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->chooser != NULL || self->import == NULL)
    return;
  stem = g_strdup (self->file_name ? self->file_name : "roster");
  if ((dot = strrchr (stem, '.')) != NULL)
    *dot = '\0';
  /* Translators: the name proposed for the workbook of rejected rows */
  name = g_strdup_printf (_("%s (rejected rows).xlsx"), stem);
  self->chooser = gtk_file_chooser_native_new (_("Save Rejected Rows"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (workbooks, _("Workbooks (.xlsx)"));
  gtk_file_filter_add_suffix (workbooks, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), workbooks);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Navigation ----------------------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (widget);
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  if (self->job != JOB_NONE)
    return;
  if (g_strcmp0 (step, "preview") == 0)
    {
      detach_rows (self);
      show_step (self, "mapping");
    }
  else if (g_strcmp0 (step, "mapping") == 0)
    show_step (self, "choose");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (widget);
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  if (self->job != JOB_NONE || self->import == NULL)
    return;
  if (g_strcmp0 (step, "mapping") == 0)
    start_job (self, JOB_ANALYSE, NULL);
  else if (g_strcmp0 (step, "preview") == 0 &&
           yishi_roster_import_count (self->import, YISHI_ROSTER_ROW_NEW) > 0)
    start_job (self, JOB_COMMIT, NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

/* Building ------------------------------------------------------------------------------------- */

static GtkWidget *
pill_button (const char *label,
             const char *action,
             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
build_busy (YishiImportDialog *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->busy_page = ADW_STATUS_PAGE (page);
  adw_status_page_set_icon_name (self->busy_page, "document-open-recent-symbolic");
  self->progress_bar = GTK_PROGRESS_BAR (bar);
  gtk_progress_bar_set_pulse_step (self->progress_bar, 0.1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 360);
  adw_clamp_set_child (ADW_CLAMP (clamp), bar);
  gtk_box_append (GTK_BOX (box), clamp);
  gtk_box_append (GTK_BOX (box), pill_button (_("_Cancel"), "import.cancel", FALSE));
  adw_status_page_set_child (self->busy_page, box);
  return page;
}

static GtkWidget *
build_mapping_step (YishiImportDialog *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *error = gtk_label_new (NULL);

  self->mapping_box = GTK_BOX (box);
  self->mapping_error = GTK_LABEL (error);
  gtk_label_set_wrap (self->mapping_error, TRUE);
  gtk_label_set_xalign (self->mapping_error, 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (self->mapping_box, error);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 18,
                "margin-bottom", 24, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  return scroller;
}

static GtkLabel *
count_label (GtkBox     *box,
             const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "yishi-badge");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static GtkWidget *
build_preview_step (YishiImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *filter = gtk_toggle_button_new_with_mnemonic (_("Show _Only Rejected"));
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_column_view_new (NULL);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  self->new_label = count_label (GTK_BOX (bar), "success");
  self->unchanged_label = count_label (GTK_BOX (bar), NULL);
  self->rejected_label = count_label (GTK_BOX (bar), "error");
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (filter), "import.only-rejected");
  gtk_box_append (GTK_BOX (bar), filter);
  gtk_box_append (GTK_BOX (box), bar);

  self->preview_error = GTK_LABEL (error);
  gtk_label_set_wrap (self->preview_error, TRUE);
  gtk_label_set_xalign (self->preview_error, 0);
  gtk_label_set_selectable (self->preview_error, TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);

  self->rows_view = GTK_COLUMN_VIEW (view);
  gtk_column_view_set_show_column_separators (self->rows_view, TRUE);
  gtk_widget_add_css_class (view, "data-table");
  add_column (self->rows_view, _("Row"), COLUMN_ROW, 56, FALSE);
  add_column (self->rows_view, _("Verdict"), COLUMN_VERDICT, 160, FALSE);
  add_column (self->rows_view, _("Name"), COLUMN_NAME, 90, FALSE);
  add_column (self->rows_view, _("ID Number"), COLUMN_ID_NUMBER, 170, FALSE);
  add_column (self->rows_view, _("Phone"), COLUMN_PHONE, 120, FALSE);
  add_column (self->rows_view, _("Place"), COLUMN_PLACE, 180, FALSE);
  add_column (self->rows_view, _("Repairs"), COLUMN_REPAIRS, 160, TRUE);
  add_column (self->rows_view, _("Reason"), COLUMN_REASON, 200, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows of the file"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

static GtkWidget *
build_result (YishiImportDialog *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->result_page = ADW_STATUS_PAGE (page);
  adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
  self->save_rejected_button = pill_button (_("_Save Rejected Rows…"), "import.save-rejected",
                                            FALSE);
  gtk_box_append (GTK_BOX (box), self->save_rejected_button);
  gtk_box_append (GTK_BOX (box), pill_button (_("_Close"), "window.close", TRUE));
  adw_status_page_set_child (self->result_page, box);
  return page;
}

static void
yishi_import_dialog_constructed (GObject *object)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Import a Roster"), NULL);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_with_mnemonic (_("_Next"));
  GtkWidget *steps = gtk_stack_new ();
  GtkWidget *page;
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  G_OBJECT_CLASS (yishi_import_dialog_parent_class)->constructed (object);
  g_assert (YISHI_IS_DATABASE (self->database));

  self->title = ADW_WINDOW_TITLE (title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  self->back_button = back;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "import.back");
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"),
                                  -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->next_button = next;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "import.next");
  gtk_widget_add_css_class (next, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), next);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->steps = GTK_STACK (steps);
  gtk_stack_set_transition_type (self->steps, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Import a Roster"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Choose an Excel or WPS workbook (.xlsx) or a .csv file, "
                                     "or drop it here. You will see the verdict of every row "
                                     "before anything is written."));
  adw_status_page_set_child (ADW_STATUS_PAGE (page),
                             pill_button (_("_Choose File…"), "import.choose", TRUE));
  gtk_stack_add_named (self->steps, page, "choose");
  gtk_stack_add_named (self->steps, build_busy (self), "busy");
  page = adw_status_page_new ();
  self->failed_page = ADW_STATUS_PAGE (page);
  adw_status_page_set_icon_name (self->failed_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->failed_page, _("This File Cannot Be Imported"));
  adw_status_page_set_child (self->failed_page,
                             pill_button (_("_Choose Another File…"), "import.choose", TRUE));
  gtk_stack_add_named (self->steps, page, "failed");
  gtk_stack_add_named (self->steps, build_mapping_step (self), "mapping");
  gtk_stack_add_named (self->steps, build_preview_step (self), "preview");
  gtk_stack_add_named (self->steps, build_result (self), "result");
  gtk_widget_set_vexpand (steps, TRUE);
  gtk_box_append (GTK_BOX (toolbar), steps);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (toolbar, GTK_EVENT_CONTROLLER (drop));

  gtk_window_set_title (GTK_WINDOW (self), _("Import a Roster"));
  show_step (self, "choose");
}

/* Public --------------------------------------------------------------------------------------- */

GtkWindow *
yishi_import_dialog_new (GtkWindow     *parent,
                         YishiDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  return g_object_new (YISHI_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "database", database,
                       NULL);
}

const char *
yishi_import_dialog_get_step (YishiImportDialog *self)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->steps);
}

gboolean
yishi_import_dialog_is_busy (YishiImportDialog *self)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), FALSE);
  return self->job != JOB_NONE;
}

const char *
yishi_import_dialog_get_error (YishiImportDialog *self)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), NULL);
  return self->error_text;
}

YishiRosterImport *
yishi_import_dialog_get_import (YishiImportDialog *self)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), NULL);
  return self->job == JOB_NONE ? self->import : NULL;
}

GListModel *
yishi_import_dialog_get_shown_rows (YishiImportDialog *self)
{
  g_return_val_if_fail (YISHI_IS_IMPORT_DIALOG (self), NULL);
  return self->shown_rows ? G_LIST_MODEL (self->shown_rows) : NULL;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
yishi_import_dialog_dispose (GObject *object)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  /* A running job finishes in its thread; its task keeps the dialog until then. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->rows_view != NULL)
    detach_rows (self);
  self->steps = NULL;

  G_OBJECT_CLASS (yishi_import_dialog_parent_class)->dispose (object);
}

static void
yishi_import_dialog_finalize (GObject *object)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rejected_filter);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_free (self->file_name);
  g_free (self->error_text);
  g_free (self->notice);

  G_OBJECT_CLASS (yishi_import_dialog_parent_class)->finalize (object);
}

static void
yishi_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ONLY_REJECTED:
      g_value_set_boolean (value, self->only_rejected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_import_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_ONLY_REJECTED:
      if (self->only_rejected != g_value_get_boolean (value))
        {
          self->only_rejected = g_value_get_boolean (value);
          update_filter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_import_dialog_class_init (YishiImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = yishi_import_dialog_constructed;
  object_class->dispose = yishi_import_dialog_dispose;
  object_class->finalize = yishi_import_dialog_finalize;
  object_class->get_property = yishi_import_dialog_get_property;
  object_class->set_property = yishi_import_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_REJECTED] =
    g_param_spec_boolean ("only-rejected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-rejected", NULL,
                                   save_rejected_action);
  gtk_widget_class_install_property_action (widget_class, "import.only-rejected",
                                            "only-rejected");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.next", NULL);
}

static void
yishi_import_dialog_init (YishiImportDialog *self)
{
  self->mapping_rows = g_ptr_array_new ();
  self->rejected_filter = GTK_FILTER (gtk_custom_filter_new (is_rejected, NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
}
