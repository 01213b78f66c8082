/* yishi-form.h — the pieces every editing dialog is built of: titled rows, the error
 * label, the scrolled page, the header bar with Cancel, the keys that save.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows */
gpointer         yishi_form_add_row          (AdwPreferencesGroup  *group,
                                              GtkWidget            *row,
                                              const char           *title);
AdwEntryRow     *yishi_form_add_entry        (AdwPreferencesGroup  *group,
                                              const char           *title);
AdwComboRow     *yishi_form_add_combo        (AdwPreferencesGroup  *group,
                                              const char           *title,
                                              GListModel           *model);
GtkSwitch       *yishi_form_add_switch       (AdwPreferencesGroup  *group,
                                              const char           *title,
                                              const char           *subtitle,
                                              AdwActionRow        **row_out);
GtkSpinButton   *yishi_form_spin_row_new     (const char           *title,
                                              double                min,
                                              double                max,
                                              double                step,
                                              GtkWidget           **row_out);

/* Text */
char            *yishi_form_text             (gpointer              editable);
void             yishi_form_set_text         (gpointer              editable,
                                              const char           *text);

/* Errors */
GtkLabel        *yishi_form_error_label_new  (void);
GtkLabel        *yishi_form_error_banner_new (void);
void             yishi_form_set_error        (GtkLabel             *label,
                                              const char           *text);
void             yishi_form_show_error       (GtkLabel             *label,
                                              char                **error_text,
                                              const char           *text);
void             yishi_form_set_row_error    (gpointer              row,
                                              gboolean              error);

/* Layout */
GtkWidget       *yishi_form_scrolled_page    (GtkWidget            *content);
GtkWidget       *yishi_form_scrolled_pane    (GtkWidget            *child,
                                              int                   width);
GtkWidget       *yishi_form_editor_buttons   (const char           *save_action,
                                              const char           *delete_action,
                                              GtkWidget           **delete_button);
GtkWidget       *yishi_form_header_bar       (GtkWidget            *title,
                                              const char           *label,
                                              const char           *action_name,
                                              const char           *tooltip);
AdwToastOverlay *yishi_form_set_content      (AdwWindow            *window,
                                              GtkWidget            *content);

/* Keys */
void             yishi_form_add_submit_keys  (GtkWidget            *window,
                                              const char           *action_name,
                                              gboolean              with_ctrl_s);
void             yishi_form_class_bind_keys  (GtkWidgetClass       *widget_class,
                                              const char           *save_action);

G_END_DECLS
