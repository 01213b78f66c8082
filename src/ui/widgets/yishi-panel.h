/* yishi-panel.h — base of the four panels: figures and lists over the database.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-database.h"
#include "yishi-summary.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PANEL (yishi_panel_get_type ())

G_DECLARE_DERIVABLE_TYPE (YishiPanel, yishi_panel, YISHI, PANEL, AdwBin)

struct _YishiPanelClass
{
  AdwBinClass parent_class;

  /* Fill the panel from @database (figures first, then groups). */
  void (*reload) (YishiPanel    *self,
                  YishiDatabase *database,
                  YishiSummary  *summary);

  /* The tables whose changes make the panel reload. */
  const char *const *tables;

  /* TRUE: reload () gets no summary (NULL); the panel counts what it shows itself
   * (yishi_summary_load () reads the whole file: about a second on a district). */
  gboolean skip_summary;

  gpointer padding[7];
};

YishiDatabase *yishi_panel_get_database    (YishiPanel   *self);
void           yishi_panel_set_database    (YishiPanel   *self,
                                            YishiDatabase *database);
void           yishi_panel_reload          (YishiPanel   *self);
void           yishi_panel_add_figure      (YishiPanel   *self,
                                            const char   *value,
                                            const char   *caption,
                                            const char   *style);
void           yishi_panel_add_count       (YishiPanel   *self,
                                            gint64        count,
                                            const char   *caption,
                                            const char   *style);
void           yishi_panel_add_rate        (YishiPanel   *self,
                                            gint64        part,
                                            gint64        whole,
                                            const char   *caption);
void           yishi_panel_add_list        (YishiPanel   *self,
                                            const char   *title,
                                            GPtrArray    *items,
                                            const char   *empty_text);
void           yishi_panel_set_content     (YishiPanel   *self,
                                            GtkWidget    *content);
guint          yishi_panel_get_n_figures   (YishiPanel   *self);
const char    *yishi_panel_get_figure      (YishiPanel   *self,
                                            guint         index,
                                            const char  **caption);
guint          yishi_panel_get_n_rows      (YishiPanel   *self);

/* For subclasses: toasts in the window's overlay, and the undo toast of a deletion. */
void           yishi_panel_add_toast          (YishiPanel   *self,
                                               AdwToast     *toast);
void           yishi_panel_show_message       (YishiPanel   *self,
                                               const char   *text);
void           yishi_panel_show_undo_toast    (YishiPanel   *self,
                                               const char   *text,
                                               AdwToast    **undo_toast,
                                               GCallback     on_undo,
                                               GCallback     on_dismissed);
void           yishi_panel_dismiss_undo_toast (YishiPanel   *self,
                                               AdwToast    **undo_toast);
void           yishi_panel_release_undo_toast (YishiPanel   *self,
                                               AdwToast    **undo_toast);

G_END_DECLS
