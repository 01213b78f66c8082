/* yishi-application.c — single instance; a second launch raises the window.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "yishi-database.h"
#include "yishi-window.h"

#include "yishi-application.h"

struct _YishiApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *path; /* --database, or the default file */
  gboolean measure_startup;
};

G_DEFINE_FINAL_TYPE (YishiApplication, yishi_application, ADW_TYPE_APPLICATION)

YishiApplication *
yishi_application_new (void)
{
  return g_object_new (YISHI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/example/Yishi",
                       NULL);
}

GSettings *
yishi_application_get_settings (YishiApplication *self)
{
  g_return_val_if_fail (YISHI_IS_APPLICATION (self), NULL);
  return self->settings;
}

const char *
yishi_application_get_path (YishiApplication *self)
{
  g_return_val_if_fail (YISHI_IS_APPLICATION (self), NULL);
  return self->path;
}

static int
yishi_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  YishiApplication *self = YISHI_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("yishi %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      self->path = g_file_get_path (file);
      /* Another file than the running instance's: a separate instance. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else
    self->path = yishi_database_default_path ();

  self->measure_startup = g_variant_dict_contains (options, "measure-startup");
  if (self->measure_startup)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
yishi_application_activate (GApplication *app)
{
  YishiApplication *self = YISHI_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      YishiWindow *win = yishi_window_new (GTK_APPLICATION (self), self->settings);

      if (self->measure_startup)
        yishi_window_measure_startup (win);
      yishi_window_open_path (win, self->path);
      window = GTK_WINDOW (win);
    }
  gtk_window_present (window);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows so they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  static const char *developers[] = { "Yishi developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Yishi"),
                         "application-icon", APP_ID,
                         "developer-name", _("Yishi developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Residents' requests, deliberation meetings and the "
                                       "community registry, for community party-mass service "
                                       "centres."),
                         "website", "https://example.com/yishi",
                         "issue-url", "https://example.com/yishi/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Yishi developers",
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit },
  { "about", on_about },
};

static void
yishi_application_startup (GApplication *app)
{
  YishiApplication *self = YISHI_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (yishi_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-matter", new_accels);
  for (guint i = 0; i < 4; i++)
    {
      static const char *const panels[] = { "ledger", "meetings", "registry", "evaluation" };
      g_autofree char *action = g_strdup_printf ("win.panel::%s", panels[i]);
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action, accels);
    }
}

static void
yishi_application_finalize (GObject *object)
{
  YishiApplication *self = YISHI_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (yishi_application_parent_class)->finalize (object);
}

static void
yishi_application_class_init (YishiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = yishi_application_finalize;
  app_class->handle_local_options = yishi_application_handle_local_options;
  app_class->startup = yishi_application_startup;
  app_class->activate = yishi_application_activate;
}

static void
yishi_application_init (YishiApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "measure-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Print the time to the first frame and the resident memory, then quit", NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}
