/* yishi-preferences-window.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "yishi-backups.h"
#include "yishi-community.h"

#include "yishi-preferences-window.h"

struct _YishiPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  YishiDatabase *database;
  GSettings *settings;

  AdwEntryRow *name_row;
  AdwEntryRow *street_row;
  AdwEntryRow *district_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *operator_row;
  AdwActionRow *folder_row;
  AdwPreferencesGroup *backups_group;
  GPtrArray *backup_rows;
};

enum
{
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiPreferencesWindow, yishi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (YishiPreferencesWindow *self,
       const char             *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static char *
current_folder (YishiPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (folder != NULL && *folder != '\0')
    return g_steal_pointer (&folder);
  return yishi_backups_default_folder (yishi_database_get_path (self->database));
}

/* Community ------------------------------------------------------------------------ */

static void
load_community (YishiPreferencesWindow *self)
{
  g_autoptr (YishiCommunity) community = yishi_community_load (self->database, NULL);

  if (community == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), community->name);
  gtk_editable_set_text (GTK_EDITABLE (self->street_row), community->street_office);
  gtk_editable_set_text (GTK_EDITABLE (self->district_row), community->district);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), community->address);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), community->supervision_phone);
}

static void
on_community_apply (YishiPreferencesWindow *self)
{
  g_autoptr (YishiCommunity) community = yishi_community_load (self->database, NULL);
  g_autoptr (GError) error = NULL;

  if (community == NULL)
    community = yishi_community_new ();

#define TAKE(field, row) \
  g_free (community->field); \
  community->field = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row)))
  TAKE (name, name_row);
  TAKE (street_office, street_row);
  TAKE (district, district_row);
  TAKE (address, address_row);
  TAKE (supervision_phone, phone_row);
#undef TAKE

  if (!yishi_community_save (self->database, community, &error))
    {
      toast (self, error->message);
      return;
    }
  load_community (self);
  toast (self, _("Community details saved"));
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               GCallback            apply,
               gpointer             data)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", apply, data);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
on_operator_apply (YishiPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->operator_row))));

  g_settings_set_string (self->settings, "operator-name", name);
  yishi_database_set_actor (self->database, name);
  toast (self, _("Your name will be recorded with your changes"));
}

static GtkWidget *
community_page (YishiPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *you = adw_preferences_group_new ();
  g_autofree char *operator = g_settings_get_string (self->settings, "operator-name");

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Community"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "go-home-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Community Details"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Printed at the top of notices; the supervision "
                                           "phone appears on every public notice."));
  self->name_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("Community name"),
                                  G_CALLBACK (on_community_apply), self);
  self->street_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("Street office"),
                                    G_CALLBACK (on_community_apply), self);
  self->district_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("District"),
                                      G_CALLBACK (on_community_apply), self);
  self->address_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("Address"),
                                     G_CALLBACK (on_community_apply), self);
  self->phone_row = add_entry_row (ADW_PREFERENCES_GROUP (group), _("Supervision phone"),
                                   G_CALLBACK (on_community_apply), self);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (you), _("You"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (you),
                                         _("Every change is recorded in the audit log with "
                                           "this name; empty means your login name."));
  self->operator_row = add_entry_row (ADW_PREFERENCES_GROUP (you), _("Your name"),
                                      G_CALLBACK (on_operator_apply), self);
  gtk_editable_set_text (GTK_EDITABLE (self->operator_row), operator);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (you));

  load_community (self);
  return page;
}

/* Notices -------------------------------------------------------------------------- */

static GtkWidget *
font_row (YishiPreferencesWindow *self,
          const char             *title,
          const char             *subtitle,
          const char             *key)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_font_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_STYLE);
  gtk_font_chooser_set_language (GTK_FONT_CHOOSER (button), "zh-cn");
  gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (button), "社区协商议事会决议公示");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_settings_bind (self->settings, key, button, "font", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
notices_page (YishiPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Notices"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-print-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Fonts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Official notices are set in 方正小标宋 and "
                                           "仿宋_GB2312 where installed; Noto CJK is the "
                                           "default."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             font_row (self, _("Title font"), _("For titles of notices"),
                                       "notice-title-font"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             font_row (self, _("Body font"), _("For the text and tables"),
                                       "notice-body-font"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

/* Backups -------------------------------------------------------------------------- */

static void refresh_backups (YishiPreferencesWindow *self);

gboolean
yishi_preferences_window_restore (YishiPreferencesWindow  *self,
                                  const char              *backup,
                                  GError                 **error)
{
  g_autofree char *folder = current_folder (self);
  g_autofree char *safety = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (YISHI_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!yishi_database_restore (self->database, backup, folder, &safety, error))
    return FALSE;

  name = g_path_get_basename (safety);
  text = g_strdup_printf (_("Backup restored; the data as it was is kept in %s"), name);
  toast (self, text);
  g_signal_emit (self, signals[ADD_TOAST], 0, text);
  load_community (self);
  refresh_backups (self);
  return TRUE;
}

static void
on_restore_response (AdwMessageDialog       *dialog,
                     const char             *response,
                     YishiPreferencesWindow *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;
  if (!yishi_preferences_window_restore (self, backup, &error))
    toast (self, error->message);
}

static void
on_restore_clicked (GtkButton              *button,
                    YishiPreferencesWindow *self)
{
  const char *backup = g_object_get_data (G_OBJECT (button), "backup");
  const char *when = g_object_get_data (G_OBJECT (button), "when");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("All data will be replaced by the backup made %s. The "
                                    "current data is backed up first, so this can be undone "
                                    "by restoring that copy."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (backup), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_backup (const char *path,
                 goffset    *size)
{
  g_autofree char *name = g_path_get_basename (path);
  const char *stamp = name + strlen (name) - strlen ("YYYYMMDD-HHMMSS.db");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  *size = info ? g_file_info_get_size (info) : 0;
  return g_strdup_printf ("%.4s-%.2s-%.2s %.2s:%.2s", stamp, stamp + 4, stamp + 6, stamp + 9,
                          stamp + 11);
}

static void
refresh_backups (YishiPreferencesWindow *self)
{
  g_autofree char *folder = current_folder (self);
  g_autoptr (GPtrArray) backups = yishi_backups_list (folder);

  adw_action_row_set_subtitle (self->folder_row, folder);

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);
      goffset size;
      g_autofree char *when = describe_backup (path, &size);
      g_autofree char *size_text = g_format_size (size);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      if (g_str_has_prefix (name, "yishi-before-restore-"))
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s · saved before a restore"), size_text);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size_text);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "backup", g_strdup (path), g_free);
      g_object_set_data_full (G_OBJECT (button), "when", g_strdup (when), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
    }
}

void
yishi_preferences_window_back_up_now (YishiPreferencesWindow *self)
{
  g_autofree char *folder = current_folder (self);
  g_autofree char *created = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (YISHI_IS_PREFERENCES_WINDOW (self));

  if (!yishi_backups_back_up_now (self->database, folder, &created, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Backup made"));
  refresh_backups (self);
}

guint
yishi_preferences_window_get_n_backups (YishiPreferencesWindow *self)
{
  g_autofree char *folder = current_folder (self);
  g_autoptr (GPtrArray) backups = yishi_backups_list (folder);

  return backups->len;
}

static void
on_folder_chosen (GtkNativeDialog        *chooser,
                  int                     response,
                  YishiPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "backup-folder", path);
          refresh_backups (self);
        }
    }
  g_object_unref (chooser);
}

static void
on_choose_folder (YishiPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
backups_page (YishiPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *now_row = adw_action_row_new ();
  GtkWidget *now = gtk_button_new_with_mnemonic (_("_Back Up Now"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Backups"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-save-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Automatic Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A backup is made when Yishi starts, at most once a "
                                           "day; the newest 30 are kept."));
  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Folder"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_folder), self);
  adw_action_row_add_suffix (self->folder_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->folder_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (now_row), _("Make a backup now"));
  gtk_widget_set_valign (now, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (now, "clicked", G_CALLBACK (yishi_preferences_window_back_up_now), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (now_row), now);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), now_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->backups_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->backups_group, _("Restore"));
  adw_preferences_group_set_description (self->backups_group,
                                         _("Restoring replaces all data with the backup; the "
                                           "current data is backed up first."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->backups_group);

  refresh_backups (self);
  return page;
}

/* GObject -------------------------------------------------------------------------- */

YishiPreferencesWindow *
yishi_preferences_window_new (GtkWindow     *parent,
                              YishiDatabase *database,
                              GSettings     *settings)
{
  YishiPreferencesWindow *self;

  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (YISHI_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->database = g_object_ref (database);
  self->settings = g_object_ref (settings);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (community_page (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (notices_page (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (backups_page (self)));
  return self;
}

static void
yishi_preferences_window_finalize (GObject *object)
{
  YishiPreferencesWindow *self = YISHI_PREFERENCES_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_preferences_window_parent_class)->finalize (object);
}

static void
yishi_preferences_window_class_init (YishiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yishi_preferences_window_finalize;

  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
yishi_preferences_window_init (YishiPreferencesWindow *self)
{
  self->backup_rows = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 600);
}
