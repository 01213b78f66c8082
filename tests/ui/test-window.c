/* test-window.c — the real window under Xvfb: welcome, panels on demo data, bad files.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "yishi-backups.h"
#include "yishi-community.h"
#include "yishi-preferences-window.h"
#include "yishi-demo.h"
#include "yishi-ledger-panel.h"
#include "yishi-summary.h"
#include "yishi-welcome-page.h"
#include "yishi-window.h"
#include "yishi-ui-test-utils.h"

static const char *demo_path;

static YishiWindow *
new_window (GSettings **settings_out)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  YishiWindow *window = yishi_window_new (NULL, settings);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  yishi_ui_test_spin (50);
  if (settings_out != NULL)
    *settings_out = g_steal_pointer (&settings);
  return window;
}

static char *
formatted (gint64 count)
{
  return g_strdup_printf ("%'lld", (long long)count);
}

static void
test_panels_on_demo (void)
{
  g_autoptr (GSettings) settings = NULL;
  YishiWindow *window = new_window (&settings);
  static const char *const names[] = { "ledger", "meetings", "registry", "evaluation" };
  g_autoptr (YishiSummary) summary = NULL;
  g_autofree char *open = NULL;
  g_autofree char *people = NULL;
  g_autofree char *upcoming = NULL;
  const char *caption = NULL;

  yishi_window_open_path (window, demo_path);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "panels");
  summary = yishi_summary_load (yishi_window_get_database (window), NULL);
  g_assert_nonnull (summary);
  g_assert_cmpint (summary->people, >, 4000);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      YishiPanel *panel;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.panel", "s", names[i]);
      yishi_ui_test_spin (30);
      g_assert_cmpstr (yishi_window_get_panel_name (window), ==, names[i]);
      {
        g_autofree char *last = g_settings_get_string (settings, "last-panel");

        g_assert_cmpstr (last, ==, names[i]);
      }
      panel = yishi_window_get_panel (window, names[i]);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
      g_assert_cmpuint (yishi_panel_get_n_figures (panel), >=, 4);
      /* The ledger is a list of matters; the other panels show lists of items. */
      if (YISHI_IS_LEDGER_PANEL (panel))
        g_assert_cmpuint (yishi_ledger_panel_get_n_matters (YISHI_LEDGER_PANEL (panel)), ==, summary->issues);
      else
        g_assert_cmpuint (yishi_panel_get_n_rows (panel), >, 0);
    }

  /* The figures are the database's. */
  open = formatted (summary->issues_open);
  g_assert_cmpstr (yishi_panel_get_figure (yishi_window_get_panel (window, "ledger"), 0, &caption), ==, open);
  g_assert_cmpstr (caption, ==, "Open matters");
  people = formatted (summary->people);
  g_assert_cmpstr (yishi_panel_get_figure (yishi_window_get_panel (window, "registry"), 0, NULL), ==, people);
  upcoming = formatted (summary->meetings_upcoming);
  g_assert_cmpstr (yishi_panel_get_figure (yishi_window_get_panel (window, "meetings"), 0, NULL), ==, upcoming);

  /* Editing the community elsewhere refreshes the title. */
  {
    g_autoptr (YishiCommunity) community = yishi_community_load (yishi_window_get_database (window), NULL);
    g_autoptr (GError) error = NULL;

    g_free (community->name);
    community->name = g_strdup ("测试社区");
    g_assert_true (yishi_community_save (yishi_window_get_database (window), community, &error));
    g_assert_no_error (error);
  }

  yishi_ui_test_close (window);
}

static void
test_welcome_creates_community (void)
{
  g_autofree char *path = g_build_filename (yishi_test_dir, "fresh", "yishi.db", NULL);
  YishiWindow *window = new_window (NULL);
  YishiWelcomePage *welcome;
  g_autoptr (YishiCommunity) community = NULL;

  yishi_window_open_path (window, path);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "welcome");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  welcome = YISHI_WELCOME_PAGE (yishi_window_get_welcome_page (window));
  /* A wrong phone is explained and nothing is created. */
  yishi_welcome_page_fill (welcome, "和平街社区", "和平街道", "东城区", "和平街1号", "12345");
  yishi_welcome_page_activate_create (welcome);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "welcome");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  yishi_welcome_page_fill (welcome, "和平街社区", "和平街道", "东城区", "和平街1号", "010-65123456");
  yishi_welcome_page_activate_create (welcome);
  yishi_ui_test_spin (30);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "panels");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  community = yishi_community_load (yishi_window_get_database (window), NULL);
  g_assert_cmpstr (community->name, ==, "和平街社区");
  g_assert_cmpstr (community->supervision_phone, ==, "010-65123456");

  /* An empty community still has real (zero) figures and empty states. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.panel", "s", "ledger");
  yishi_ui_test_spin (30); /* a panel reads its figures when it is shown */
  g_assert_cmpstr (yishi_panel_get_figure (yishi_window_get_panel (window, "ledger"), 0, NULL), ==, "0");
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (YISHI_LEDGER_PANEL (yishi_window_get_panel (window, "ledger"))), ==, 0);
  g_assert_cmpstr (yishi_ledger_panel_get_page (YISHI_LEDGER_PANEL (yishi_window_get_panel (window, "ledger"))), ==, "empty");

  yishi_ui_test_close (window);
}

static void
test_bad_file (void)
{
  g_autofree char *path = g_build_filename (yishi_test_dir, "broken.db", NULL);
  const char *junk = "这不是数据库 — not a database";
  g_autofree char *after = NULL;
  YishiWindow *window;
  GListModel *toplevels;
  GtkWindow *dialog = NULL;

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  window = new_window (NULL);
  yishi_window_open_path (window, path);
  yishi_ui_test_spin (30);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "empty");
  g_assert_null (yishi_window_get_database (window));

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (candidate))
        dialog = candidate;
    }
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "“"));
  gtk_window_destroy (dialog);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
  yishi_ui_test_close (window);
}

static void
test_remembers_panel_and_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  YishiWindow *window;
  int width, height;

  g_settings_set_string (settings, "last-panel", "registry");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = yishi_window_new (NULL, settings);
  g_object_ref (window);
  yishi_window_open_path (window, demo_path);
  g_assert_cmpstr (yishi_window_get_panel_name (window), ==, "registry");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  yishi_ui_test_spin (50);
  /* Only the panel on screen has read its figures. */
  g_assert_cmpuint (yishi_panel_get_n_figures (yishi_window_get_panel (window, "registry")), >, 0);
  g_assert_cmpuint (yishi_panel_get_n_figures (yishi_window_get_panel (window, "evaluation")), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.panel", "s", "evaluation");
  yishi_ui_test_spin (30);
  g_assert_cmpuint (yishi_panel_get_n_figures (yishi_window_get_panel (window, "evaluation")), >, 0);
  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  yishi_ui_test_spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_finalize_object (window);
}

static void
test_open_demo_from_welcome (void)
{
  g_autofree char *dir = g_build_filename (yishi_test_dir, "welcome-demo", NULL);
  g_autofree char *path = g_build_filename (dir, "yishi.db", NULL);
  g_autofree char *demo = g_build_filename (dir, "demo.db", NULL);
  YishiWindow *window = new_window (NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  yishi_window_open_path (window, path);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "welcome");
  g_signal_emit_by_name (yishi_window_get_welcome_page (window), "open-demo");
  while (g_strcmp0 (yishi_window_get_page (window), "panels") != 0 &&
         g_get_monotonic_time () < deadline)
    yishi_ui_test_spin (20);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "panels");
  g_assert_cmpstr (yishi_database_get_path (yishi_window_get_database (window)), ==, demo);
  /* The real file was not created by looking at demo data. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Hidden panels read nothing; the ledger loads when it is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.panel", "s", "ledger");
  yishi_ui_test_spin (30);
  g_assert_cmpuint (yishi_ledger_panel_get_n_matters (YISHI_LEDGER_PANEL (yishi_window_get_panel (window, "ledger"))), >, 0);
  yishi_ui_test_close (window);
}

static void
test_preferences_backup_and_restore (void)
{
  g_autofree char *path = g_build_filename (yishi_test_dir, "prefs", "yishi.db", NULL);
  g_autofree char *folder = g_build_filename (yishi_test_dir, "prefs", "backups", NULL);
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (YishiCommunity) community = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  YishiWindow *window = new_window (&settings);
  YishiPreferencesWindow *preferences;
  YishiDatabase *database;
  guint before;

  yishi_window_open_path (window, path);
  yishi_welcome_page_fill (YISHI_WELCOME_PAGE (yishi_window_get_welcome_page (window)),
                           "备份社区", "", "", "", "");
  yishi_welcome_page_activate_create (YISHI_WELCOME_PAGE (yishi_window_get_welcome_page (window)));
  database = yishi_window_get_database (window);
  g_assert_nonnull (database);

  /* Let the start-up backup finish first. */
  for (int i = 0; i < 500; i++)
    {
      g_autoptr (GPtrArray) made = yishi_backups_list (folder);

      if (made->len > 0)
        break;
      yishi_ui_test_spin (10);
    }
  yishi_ui_test_spin (50);

  preferences = yishi_preferences_window_new (GTK_WINDOW (window), database, settings);
  g_object_ref (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
  yishi_ui_test_spin (20);
  before = yishi_preferences_window_get_n_backups (preferences);
  yishi_preferences_window_back_up_now (preferences);
  g_assert_cmpuint (yishi_preferences_window_get_n_backups (preferences), ==, before + 1);
  backups = yishi_backups_list (folder);
  g_assert_cmpuint (backups->len, ==, before + 1);

  community = yishi_community_load (database, NULL);
  g_free (community->name);
  community->name = g_strdup ("改名以后");
  g_assert_true (yishi_community_save (database, community, &error));
  g_clear_pointer (&community, yishi_community_free);

  g_assert_true (yishi_preferences_window_restore (preferences, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  community = yishi_community_load (database, NULL);
  g_assert_cmpstr (community->name, ==, "备份社区");
  /* The data as it was is one more backup (the safety copy). */
  g_assert_cmpuint (yishi_preferences_window_get_n_backups (preferences), ==, before + 2);

  gtk_window_destroy (GTK_WINDOW (preferences));
  yishi_ui_test_spin (20);
  g_assert_finalize_object (preferences);
  yishi_ui_test_close (window);
}

int
main (int    argc,
      char **argv)
{
  int result;

  demo_path = yishi_ui_test_init (&argc, &argv);

  g_test_add_func ("/window/panels-on-demo", test_panels_on_demo);
  g_test_add_func ("/window/welcome-creates-community", test_welcome_creates_community);
  g_test_add_func ("/window/bad-file", test_bad_file);
  g_test_add_func ("/window/remembers-panel-and-size", test_remembers_panel_and_size);
  g_test_add_func ("/window/open-demo-from-welcome", test_open_demo_from_welcome);
  g_test_add_func ("/preferences/backup-and-restore", test_preferences_backup_and_restore);

  result = g_test_run ();
  return result;
}
