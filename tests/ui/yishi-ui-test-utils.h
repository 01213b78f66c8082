/* yishi-ui-test-utils.h — display test helpers: the start of every display test (a pinned
 * clock, GTK and libadwaita, a private folder and a community-scale demo database in it),
 * spinning the main loop, and opening, finding and closing windows.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-demo.h"
#include "yishi-test-utils.h"
#include "yishi-window.h"

/* Returns: (transfer none): the demo database's path */
static inline const char *
yishi_ui_test_init (int    *argc,
                    char ***argv)
{
  g_setenv ("YISHI_NOW", "2026-12-01T02:00:00Z", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  yishi_test_make_dir ();
  return yishi_test_demo_path ();
}

/* Runs the main loop for @ms milliseconds. */
static inline void
yishi_ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Presents @window with a reference of the test's own, for yishi_ui_test_close ().
 * Returns: @window */
static inline gpointer
yishi_ui_test_present (gpointer window)
{
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  yishi_ui_test_spin (50);
  return window;
}

/* Destroys @window (unless it is going already) and checks that the test's reference
 * was the last. */
static inline void
yishi_ui_test_close (gpointer window)
{
  if (!gtk_widget_in_destruction (GTK_WIDGET (window)))
    gtk_window_destroy (GTK_WINDOW (window));
  yishi_ui_test_spin (20);
  g_assert_finalize_object (window);
}

/* The main window on @path showing panel @panel (1200 × 760 if @sized), presented, with
 * a reference of the test's own. */
static inline YishiWindow *
yishi_ui_test_open_window (const char *path,
                           const char *panel,
                           gboolean    sized)
{
  GSettings *settings = g_settings_new (APP_ID);
  YishiWindow *window;

  g_settings_set_string (settings, "last-panel", panel);
  window = yishi_window_new (NULL, settings);
  g_object_ref (window);
  if (sized)
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  yishi_window_open_path (window, path);
  gtk_window_present (GTK_WINDOW (window));
  yishi_ui_test_spin (150);
  g_assert_cmpstr (yishi_window_get_page (window), ==, "panels");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (yishi_window_get_panel (window, panel))));
  g_object_unref (settings);
  return window;
}

/* Destroys the dialogs a test left open, then the main @window, and checks that the
 * test's reference to it was the last. */
static inline void
yishi_ui_test_close_window (YishiWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      GtkWindow *other = g_list_model_get_item (toplevels, i - 1);

      if (other != GTK_WINDOW (window))
        gtk_window_destroy (other);
      g_object_unref (other);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  yishi_ui_test_spin (30);
  g_assert_finalize_object (window);
}

/* The first toplevel of @type not being destroyed, or NULL. */
static inline gpointer
yishi_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *candidate = g_list_model_get_item (toplevels, i);

      g_object_unref (candidate);
      if (G_TYPE_CHECK_INSTANCE_TYPE (candidate, type) &&
          !gtk_widget_in_destruction (GTK_WIDGET (candidate)))
        return candidate;
    }
  return NULL;
}
