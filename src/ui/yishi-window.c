/* yishi-window.c
 *
 * The main window: a welcome page until the file holds a community, then the four
 * panels in an AdwViewStack. The window owns the open YishiDatabase and hands it to
 * the panels; a file that cannot be opened is explained in a dialog that offers to
 * pick another file.
 *
 * Window actions: win.new-matter (the intake form), win.three-lists (the monthly
 * notice, generated off the main thread and shown in the PDF preview); once a day a
 * notification tells how many matters need attention, with figures only.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "yishi-backups.h"
#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-demo.h"
#include "yishi-evaluation-panel.h"
#include "yishi-intake-dialog.h"
#include "yishi-ledger-panel.h"
#include "yishi-meetings-panel.h"
#include "yishi-preferences-window.h"
#include "yishi-registry-panel.h"
#include "yishi-summary.h"
#include "yishi-welcome-page.h"

/* The notice renderer may land after the window: build without it meanwhile. */
#if __has_include ("yishi-notice-three-lists.h")
#include "yishi-notice-three-lists.h"
#include "yishi-pdf-preview.h"
#define HAVE_THREE_LISTS 1
#else
#define HAVE_THREE_LISTS 0
#endif

#include "yishi-window.h"

struct _YishiWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  YishiDatabase *database;
  char *path;
  GCancellable *cancellable;
  gulong changed_id;
  gboolean measure_startup;

  GMenu *primary_menu;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  YishiWelcomePage *welcome_page;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  YishiPanel *ledger_panel;
  YishiPanel *meetings_panel;
  YishiPanel *registry_panel;
  YishiPanel *evaluation_panel;
};

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (YishiWindow, yishi_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *const panel_names[] = { "ledger", "meetings", "registry", "evaluation" };

YishiWindow *
yishi_window_new (GtkApplication *application,
                  GSettings      *settings)
{
  return g_object_new (YISHI_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

void
yishi_window_add_toast (YishiWindow *self,
                        const char  *text)
{
  AdwToast *toast;

  g_return_if_fail (YISHI_IS_WINDOW (self));

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Backups --------------------------------------------------------------------------- */

static char *
backup_folder (YishiWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);
  return yishi_backups_default_folder (self->path);
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *const *paths = task_data;
  g_autoptr (YishiDatabase) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *created = NULL;

  /* Its own connection: the window keeps working on the main one. */
  reader = yishi_database_open (paths[0], YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (reader == NULL || !yishi_backups_run_daily (reader, paths[1], &created, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&created), g_free);
}

static void
daily_backup_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (YishiWindow) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;
  g_autofree char *created = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (weak);
  g_free (weak);

  /* The window may be gone: the backup does not keep it alive. */
  if (self == NULL || error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  {
    g_autofree char *text = g_strdup_printf (_("The automatic backup failed: %s"), error->message);

    yishi_window_add_toast (self, text);
  }
}

static void
start_daily_backup (YishiWindow *self)
{
  g_autoptr (GTask) task = NULL;
  char **paths = g_new0 (char *, 3);
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  paths[0] = g_strdup (yishi_database_get_path (self->database));
  paths[1] = backup_folder (self);
  task = g_task_new (NULL, self->cancellable, daily_backup_done, weak);
  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, paths, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, daily_backup_thread);
}

/* Database ------------------------------------------------------------------------- */

static void
update_title (YishiWindow *self)
{
  g_autoptr (YishiCommunity) community = NULL;

  if (self->database != NULL)
    community = yishi_community_load (self->database, NULL);
  adw_view_switcher_title_set_subtitle (self->switcher_title, community ? community->name : "");
}

static void
on_database_changed (YishiDatabase *database,
                     const char    *table,
                     YishiWindow   *self)
{
  if (table == NULL || g_str_equal (table, "community"))
    update_title (self);
}

static gboolean
has_community (YishiDatabase *database)
{
  return database != NULL && yishi_database_count (database, "community") > 0;
}

static void update_actions (YishiWindow *self);
static void notify_due (YishiWindow *self);

void
yishi_window_set_database (YishiWindow   *self,
                           YishiDatabase *database)
{
  g_return_if_fail (YISHI_IS_WINDOW (self));
  g_return_if_fail (database == NULL || YISHI_IS_DATABASE (database));

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  if (!g_set_object (&self->database, database))
    return;
  if (database != NULL)
    {
      g_free (self->path);
      self->path = g_strdup (yishi_database_get_path (database));
      self->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed), self);
    }

  yishi_panel_set_database (self->ledger_panel, database);
  yishi_panel_set_database (self->meetings_panel, database);
  yishi_panel_set_database (self->registry_panel, database);
  yishi_panel_set_database (self->evaluation_panel, database);
  update_title (self);

  if (database == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  else if (has_community (database))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "panels");
      /* A measuring run quits at its first frame, which would cut every backup short. */
      if (!self->measure_startup)
        start_daily_backup (self);
      notify_due (self);
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

YishiDatabase *
yishi_window_get_database (YishiWindow *self)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);
  return self->database;
}

const char *
yishi_window_get_page (YishiWindow *self)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void open_other_file (YishiWindow *self);

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   YishiWindow      *self)
{
  if (g_str_equal (response, "other"))
    open_other_file (self);
}

static void
show_open_error (YishiWindow  *self,
                 const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  /* The description is markup: a path with “&” in it must not break it. */
  adw_status_page_set_description (self->empty_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Cannot Be Opened"),
                                   error->message);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("The file was not changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "other", _("_Open Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "other",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "other");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * yishi_window_open_path:
 *
 * Opens @path, or shows the welcome page when it does not exist yet (the file is
 * created when the community is).
 */
void
yishi_window_open_path (YishiWindow *self,
                        const char  *path)
{
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (YISHI_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      yishi_window_set_database (self, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }

  database = yishi_database_open (path, YISHI_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    {
      yishi_window_set_database (self, NULL);
      show_open_error (self, error);
      return;
    }
  g_autofree char *operator = g_settings_get_string (self->settings, "operator-name");
  yishi_database_set_actor (database, operator);
  yishi_window_set_database (self, database);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                YishiWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        yishi_window_open_path (self, path);
    }
  g_object_unref (chooser);
}

static void
open_other_file (YishiWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Yishi Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Yishi databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Welcome page --------------------------------------------------------------------- */

static void
on_welcome_create (YishiWelcomePage *page,
                   YishiCommunity   *community,
                   YishiWindow      *self)
{
  g_autoptr (YishiDatabase) database = NULL;
  g_autoptr (GError) error = NULL;

  if (!yishi_community_validate (community, &error))
    {
      yishi_welcome_page_show_error (page, error->message);
      return;
    }

  if (self->database != NULL)
    database = g_object_ref (self->database);
  else
    database = yishi_database_open (self->path, YISHI_DATABASE_OPEN_CREATE, &error);

  if (database == NULL || !yishi_community_save (database, community, &error))
    {
      yishi_welcome_page_show_error (page, error->message);
      return;
    }

  yishi_window_set_database (self, database);
  update_actions (self);
  yishi_window_add_toast (self, _("The community was created"));
}

typedef struct
{
  YishiWindow *self;
  double fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  yishi_welcome_page_set_progress (progress->self->welcome_page, progress->fraction);
  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
demo_progress (double   fraction,
               gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->fraction = fraction;
  g_idle_add (show_progress, progress);
}

static void
demo_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;

  if (!yishi_demo_generate (task_data, YISHI_DEMO_SCALE_COMMUNITY, 1, NULL, demo_progress, source,
                            cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  YishiWindow *self = YISHI_WINDOW (source);
  g_autoptr (GError) error = NULL;

  yishi_welcome_page_set_progress (self->welcome_page, -1);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_welcome_page_show_error (self->welcome_page, error->message);
      return;
    }
  yishi_window_open_path (self, g_task_get_task_data (G_TASK (result)));
  yishi_window_add_toast (self, _("This is demo data: every person in it is made up"));
}

static void
on_welcome_open_demo (YishiWelcomePage *page,
                      YishiWindow      *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *demo = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (GTask) task = NULL;

  if (g_file_test (demo, G_FILE_TEST_EXISTS))
    {
      yishi_window_open_path (self, demo);
      return;
    }

  yishi_welcome_page_set_progress (page, 0);
  task = g_task_new (self, self->cancellable, demo_done, NULL);
  g_task_set_source_tag (task, on_welcome_open_demo);
  g_task_set_task_data (task, g_steal_pointer (&demo), g_free);
  g_task_run_in_thread (task, demo_thread);
}

/* Panels and actions --------------------------------------------------------------- */

GtkWidget *
yishi_window_get_welcome_page (YishiWindow *self)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->welcome_page);
}

void
yishi_window_show_panel (YishiWindow *self,
                         const char  *name)
{
  g_return_if_fail (YISHI_IS_WINDOW (self));

  if (g_strv_contains (panel_names, name))
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
yishi_window_get_panel_name (YishiWindow *self)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

YishiPanel *
yishi_window_get_panel (YishiWindow *self,
                        const char  *name)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "ledger") == 0)
    return self->ledger_panel;
  if (g_strcmp0 (name, "meetings") == 0)
    return self->meetings_panel;
  if (g_strcmp0 (name, "registry") == 0)
    return self->registry_panel;
  if (g_strcmp0 (name, "evaluation") == 0)
    return self->evaluation_panel;
  return NULL;
}

static void
on_panel_changed (YishiWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-panel", name);
}

static void
panel_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  yishi_window_show_panel (YISHI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), "help:com.example.Yishi", GDK_CURRENT_TIME);
}

static void
open_other_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_other_file (YISHI_WINDOW (widget));
}

static void
on_preferences_toast (YishiPreferencesWindow *preferences,
                      const char             *text,
                      YishiWindow            *self)
{
  yishi_window_add_toast (self, text);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiWindow *self = YISHI_WINDOW (widget);
  YishiPreferencesWindow *preferences;
  g_autofree char *folder = NULL;

  if (self->database == NULL)
    return;
  folder = backup_folder (self);
  preferences = yishi_preferences_window_new (GTK_WINDOW (self), self->database, self->settings);
  g_signal_connect_object (preferences, "add-toast", G_CALLBACK (on_preferences_toast), self, 0);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Matters and notices --------------------------------------------------------------- */

static void
update_actions (YishiWindow *self)
{
  gboolean ready = self->database != NULL && has_community (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-matter",
                                 ready && !yishi_database_is_read_only (self->database));
#if HAVE_THREE_LISTS
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.three-lists", ready);
#endif
}

/* Once a day, when the window belongs to the running application: figures only, never
 * a name or a phone (notifications show on the lock screen). */
static void
notify_due (YishiWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (YishiSummary) summary = NULL;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 total;

  if (application == NULL || self->settings == NULL || self->measure_startup)
    return;
  /* Without a session bus there is nobody to show it (and GIO would complain). */
  if (g_application_get_dbus_connection (G_APPLICATION (application)) == NULL)
    return;
  today = yishi_clock_today ();
  last = g_settings_get_string (self->settings, "last-due-notification");
  if (g_strcmp0 (last, today) == 0)
    return;
  summary = yishi_summary_load (self->database, NULL);
  if (summary == NULL)
    return;
  g_settings_set_string (self->settings, "last-due-notification", today);

  total = summary->issues_overdue + summary->issues_due_soon;
  if (total == 0)
    return;
  title = g_strdup_printf (ngettext ("%lld matter needs attention today",
                                     "%lld matters need attention today", (gulong)total),
                           (long long)total);
  body = g_strdup_printf (_("Overdue: %lld. Due today or within two working days: %lld."),
                          (long long)summary->issues_overdue, (long long)summary->issues_due_soon);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  /* No default action: a click activates the application, which raises the window. */
  g_application_send_notification (G_APPLICATION (application), "due-today", notification);
}

static void
on_matter_filed (YishiIntakeDialog *dialog,
                 gint64             id,
                 const char        *serial,
                 YishiWindow       *self)
{
  g_autofree char *text = g_strdup_printf (_("Matter %s was filed"), serial);

  yishi_window_add_toast (self, text);
}

static void
on_matter_linked (YishiIntakeDialog *dialog,
                  gint64             id,
                  YishiWindow       *self)
{
  yishi_window_add_toast (self, _("The caller was added to the matter already filed"));
}

static void
new_matter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YishiWindow *self = YISHI_WINDOW (widget);
  GtkWindow *dialog;

  if (self->database == NULL || !has_community (self->database))
    return;
  dialog = yishi_intake_dialog_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (dialog, "filed", G_CALLBACK (on_matter_filed), self, 0);
  g_signal_connect_object (dialog, "linked", G_CALLBACK (on_matter_linked), self, 0);
  gtk_window_present (dialog);
}

#if HAVE_THREE_LISTS

typedef struct
{
  char *database_path;
  char *pdf_path;
  char *title_font;
  char *body_font;
  int year;
  int month;
  guint n_pages;
  YishiNoticeLists *lists;
  YishiNotice *notice; /* drawn on the main thread, for printing */
  gboolean previewed;  /* the preview owns it now */
} ThreeLists;

static void
three_lists_free (gpointer data)
{
  ThreeLists *job = data;

  if (job->pdf_path != NULL)
    g_unlink (job->pdf_path);
  g_free (job->database_path);
  g_free (job->pdf_path);
  g_free (job->title_font);
  g_free (job->body_font);
  g_clear_pointer (&job->lists, yishi_notice_lists_free);
  g_clear_object (&job->notice);
  g_free (job);
}

static void
three_lists_release (gpointer data)
{
  ThreeLists *job = data;

  if (!job->previewed)
    three_lists_free (job);
}

static void
three_lists_draw (gpointer  data,
                  cairo_t  *cr,
                  guint     page,
                  double    width_pt,
                  double    height_pt)
{
  ThreeLists *job = data;

  /* The same data and renderer as the PDF, laid out again on this thread. */
  if (job->notice == NULL)
    job->notice = yishi_notice_three_lists_new (job->lists, job->title_font, job->body_font);
  if (page < yishi_notice_get_n_pages (job->notice))
    yishi_notice_draw_page (job->notice, cr, page, width_pt, height_pt);
}

static void
three_lists_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ThreeLists *job = task_data;
  g_autoptr (YishiDatabase) reader = NULL;
  g_autoptr (YishiNotice) notice = NULL;
  g_autoptr (GError) error = NULL;

  /* Its own read-only connection: the window keeps working on the main one. */
  reader = yishi_database_open (job->database_path, YISHI_DATABASE_OPEN_READ_ONLY, &error);
  if (reader != NULL)
    job->lists = yishi_notice_data_three_lists (reader, job->year, job->month, &error);
  if (job->lists != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      notice = yishi_notice_three_lists_new (job->lists, job->title_font, job->body_font);
      job->n_pages = yishi_notice_get_n_pages (notice);
      if (yishi_notice_write_pdf (notice, job->pdf_path, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
three_lists_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  YishiWindow *self = YISHI_WINDOW (source);
  ThreeLists *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *title = NULL;
  GtkWindow *preview;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The three lists could not be made: %s"),
                                                   error->message);

          yishi_window_add_toast (self, text);
        }
      return;
    }
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  month = g_strdup_printf ("%04d-%02d", job->year, job->month);
  /* Translators: the title of the preview and the suggested file name; %s is 2026-11 */
  title = g_strdup_printf (_("Three Lists %s"), month);
  /* The preview owns the job (and deletes the temporary PDF) from here on. */
  job->previewed = TRUE;
  preview = yishi_pdf_preview_new (GTK_WINDOW (self), title, job->pdf_path, three_lists_draw,
                                   job->n_pages, job, three_lists_free);
  gtk_window_present (preview);
}

static void
start_three_lists (YishiWindow *self,
                   int          year,
                   int          month)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  ThreeLists *job = g_new0 (ThreeLists, 1);
  int fd;

  fd = g_file_open_tmp ("yishi-three-lists-XXXXXX.pdf", &job->pdf_path, &error);
  if (fd < 0)
    {
      g_autofree char *text = g_strdup_printf (_("The three lists could not be made: %s"),
                                               error->message);

      three_lists_free (job);
      yishi_window_add_toast (self, text);
      return;
    }
  close (fd);
  job->database_path = g_strdup (yishi_database_get_path (self->database));
  job->year = year;
  job->month = month;
  if (self->settings != NULL)
    {
      job->title_font = g_settings_get_string (self->settings, "notice-title-font");
      job->body_font = g_settings_get_string (self->settings, "notice-body-font");
    }
  else
    {
      job->title_font = g_strdup (YISHI_NOTICE_DEFAULT_TITLE_FONT);
      job->body_font = g_strdup (YISHI_NOTICE_DEFAULT_BODY_FONT);
    }

  yishi_window_add_toast (self, _("Preparing the three lists…"));
  task = g_task_new (self, self->cancellable, three_lists_done, NULL);
  g_task_set_source_tag (task, start_three_lists);
  g_task_set_task_data (task, job, three_lists_release);
  g_task_run_in_thread (task, three_lists_thread);
}

static void
on_month_response (AdwMessageDialog *dialog,
                   const char       *response,
                   YishiWindow      *self)
{
  GtkSpinButton *year = g_object_get_data (G_OBJECT (dialog), "year");
  GtkDropDown *month = g_object_get_data (G_OBJECT (dialog), "month");

  if (g_str_equal (response, "make") && self->database != NULL)
    start_three_lists (self, gtk_spin_button_get_value_as_int (year),
                       (int)gtk_drop_down_get_selected (month) + 1);
}

static void
three_lists_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiWindow *self = YISHI_WINDOW (widget);
  static const char *const months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) last_month = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *year;
  GtkWidget *month;

  if (self->database == NULL || !has_community (self->database))
    return;

  /* Usually the month that just ended. */
  now = yishi_clock_now_utc ();
  local = g_date_time_to_local (now);
  last_month = g_date_time_add_months (local, -1);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    gtk_string_list_append (names, _(months[i]));

  year = gtk_spin_button_new_with_range (2000, 2999, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), g_date_time_get_year (last_month));
  gtk_accessible_update_property (GTK_ACCESSIBLE (year), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"),
                                  -1);
  month = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (month), (guint)g_date_time_get_month (last_month) - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (month), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Month"), -1);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), year);
  gtk_box_append (GTK_BOX (box), month);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Three Lists for the Notice Board"),
                                   _("The problem list, the needs list and the completed list of "
                                     "one month, with names masked, to print and post."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "make", _("_Preview"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "make",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "make");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "year", year);
  g_object_set_data (G_OBJECT (dialog), "month", month);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_month_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

#endif /* HAVE_THREE_LISTS */

static void
add_menu_items (YishiWindow *self)
{
  g_autoptr (GMenu) section = g_menu_new ();

  if (self->primary_menu == NULL)
    return;
  g_menu_append (section, _("_New Matter…"), "win.new-matter");
#if HAVE_THREE_LISTS
  g_menu_append (section, _("_Three Lists for the Notice Board…"), "win.three-lists");
#endif
  g_menu_prepend_section (self->primary_menu, NULL, G_MENU_MODEL (section));
}

/* Startup measurement (bench/run) -------------------------------------------------- */

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static gboolean
quit_after_measure (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock,
                YishiWindow   *self)
{
  const char *launched = g_getenv ("YISHI_LAUNCH_TIME_US");
  double ms = -1;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (launched != NULL)
    ms = (g_get_real_time () - g_ascii_strtoll (launched, NULL, 10)) / 1000.0;
  printf ("first-frame-ms %.1f\nresident-kib %ld\npage %s\n", ms, resident_kib (),
          yishi_window_get_page (self));
  fflush (stdout);
  g_timeout_add (50, quit_after_measure, self);
}

static void
on_map_measure (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_first_frame), widget);
}

void
yishi_window_measure_startup (YishiWindow *self)
{
  g_return_if_fail (YISHI_IS_WINDOW (self));

  self->measure_startup = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (on_map_measure), NULL);
}

/* GObject -------------------------------------------------------------------------- */

static gboolean
yishi_window_close_request (GtkWindow *window)
{
  YishiWindow *self = YISHI_WINDOW (window);

  if (self->settings != NULL && !self->measure_startup)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (yishi_window_parent_class)->close_request (window);
}

static void
yishi_window_constructed (GObject *object)
{
  YishiWindow *self = YISHI_WINDOW (object);

  G_OBJECT_CLASS (yishi_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_autofree char *panel = g_settings_get_string (self->settings, "last-panel");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      yishi_window_show_panel (self, panel);
    }
}

static void
yishi_window_dispose (GObject *object)
{
  YishiWindow *self = YISHI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_WINDOW);

  G_OBJECT_CLASS (yishi_window_parent_class)->dispose (object);
}

static void
yishi_window_finalize (GObject *object)
{
  YishiWindow *self = YISHI_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (yishi_window_parent_class)->finalize (object);
}

static void
yishi_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YishiWindow *self = YISHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  YishiWindow *self = YISHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DATABASE:
      yishi_window_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_window_class_init (YishiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = yishi_window_constructed;
  object_class->dispose = yishi_window_dispose;
  object_class->finalize = yishi_window_finalize;
  object_class->get_property = yishi_window_get_property;
  object_class->set_property = yishi_window_set_property;
  window_class->close_request = yishi_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (YISHI_TYPE_WELCOME_PAGE);
  g_type_ensure (YISHI_TYPE_LEDGER_PANEL);
  g_type_ensure (YISHI_TYPE_MEETINGS_PANEL);
  g_type_ensure (YISHI_TYPE_REGISTRY_PANEL);
  g_type_ensure (YISHI_TYPE_EVALUATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Yishi/yishi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, ledger_panel);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, meetings_panel);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, registry_panel);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, evaluation_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_create);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_open_demo);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_changed);

  gtk_widget_class_install_action (widget_class, "win.panel", "s", panel_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.open-other", NULL, open_other_action);
  gtk_widget_class_install_action (widget_class, "win.new-matter", NULL, new_matter_action);
#if HAVE_THREE_LISTS
  gtk_widget_class_install_action (widget_class, "win.three-lists", NULL, three_lists_action);
#endif
}

static void
yishi_window_init (YishiWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_menu_items (self);
  update_actions (self);
}
