/* yishi-form.c
 *
 * The pieces every editing dialog is built of: rows with a mnemonic title, the error
 * label (the store's refusals, selectable, hidden while there is none), the clamped
 * and scrolled page, the header bar with Cancel and the dialog's main button, and the
 * keys that save from any field.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-form.h"

/* Rows ----------------------------------------------------------------------------------------- */

/* Gives @row the mnemonic @title and adds it to @group.  Returns: (transfer none): @row */
gpointer
yishi_form_add_row (AdwPreferencesGroup *group,
                    GtkWidget           *row,
                    const char          *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

AdwEntryRow *
yishi_form_add_entry (AdwPreferencesGroup *group,
                      const char          *title)
{
  return ADW_ENTRY_ROW (yishi_form_add_row (group, adw_entry_row_new (), title));
}

/* Takes @model. */
AdwComboRow *
yishi_form_add_combo (AdwPreferencesGroup *group,
                      const char          *title,
                      GListModel          *model)
{
  AdwComboRow *row = yishi_form_add_row (group, adw_combo_row_new (), title);

  adw_combo_row_set_model (row, model);
  g_object_unref (model);
  return row;
}

GtkSwitch *
yishi_form_add_switch (AdwPreferencesGroup  *group,
                       const char           *title,
                       const char           *subtitle,
                       AdwActionRow        **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  if (row_out != NULL)
    *row_out = ADW_ACTION_ROW (row);
  return GTK_SWITCH (toggle);
}

/* A row with a spin button (one decimal) named @title; the caller adds *@row_out. */
GtkSpinButton *
yishi_form_spin_row_new (const char  *title,
                         double       min,
                         double       max,
                         double       step,
                         GtkWidget  **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *row_out = row;
  return GTK_SPIN_BUTTON (spin);
}

/* Text ----------------------------------------------------------------------------------------- */

/* The trimmed text of an editable, never NULL. */
char *
yishi_form_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

void
yishi_form_set_text (gpointer    editable,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* Errors --------------------------------------------------------------------------------------- */

/* A hidden, wrapping, selectable label in the error style. */
GtkLabel *
yishi_form_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* The error label under a dialog's header bar, above the form. */
GtkLabel *
yishi_form_error_banner_new (void)
{
  GtkLabel *label = yishi_form_error_label_new ();

  g_object_set (label, "margin-start", 18, "margin-end", 18, "margin-top", 8,
                "margin-bottom", 8, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  return label;
}

/* Shows @text in @label, or hides it (@text NULL). */
void
yishi_form_set_error (GtkLabel   *label,
                      const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* The same, keeping a copy of @text in *@error_text (for the dialog's get_error ()). */
void
yishi_form_show_error (GtkLabel    *label,
                       char       **error_text,
                       const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*error_text);
  *error_text = copy;
  yishi_form_set_error (label, text);
}

void
yishi_form_set_row_error (gpointer row,
                          gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Layout --------------------------------------------------------------------------------------- */

/* A form page: @content, clamped and scrolled. */
GtkWidget *
yishi_form_scrolled_page (GtkWidget *content)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_object_set (content, "margin-start", 12, "margin-end", 12, "margin-top", 18,
                "margin-bottom", 24, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

/* One pane of a list-and-editor dialog: @child, clamped and scrolled, @width wide
 * (-1: the pane takes the width left). */
GtkWidget *
yishi_form_scrolled_pane (GtkWidget *child,
                          int        width)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_object_set (child, "margin-start", 18, "margin-end", 18, "margin-top", 18,
                "margin-bottom", 18, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  if (width > 0)
    {
      gtk_widget_set_size_request (scroller, width, -1);
      gtk_widget_set_hexpand (scroller, FALSE);
    }
  else
    gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

/* Delete… and Save under an editor, at the end; *@delete_button is the first. */
GtkWidget *
yishi_form_editor_buttons (const char  *save_action,
                           const char  *delete_action,
                           GtkWidget  **delete_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Delete…"));

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), delete_action);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), save_action);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_box_append (GTK_BOX (box), save);
  *delete_button = remove;
  return box;
}

/* A header bar without the window's buttons: Cancel (closes) at the start, @title in
 * the middle, the suggested button @label (@action_name) at the end. */
GtkWidget *
yishi_form_header_bar (GtkWidget  *title,
                       const char *label,
                       const char *action_name,
                       const char *tooltip)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, tooltip);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  return header;
}

/* Puts @content in a toast overlay, the content of @window.
 * Returns: (transfer none): the overlay */
AdwToastOverlay *
yishi_form_set_content (AdwWindow *window,
                        GtkWidget *content)
{
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  adw_toast_overlay_set_child (toasts, content);
  adw_window_set_content (window, GTK_WIDGET (toasts));
  return toasts;
}

/* Keys ----------------------------------------------------------------------------------------- */

typedef struct
{
  char *action_name;
  gboolean with_ctrl_s;
} SubmitKeys;

static void
submit_keys_free (gpointer  data,
                  GClosure *closure)
{
  SubmitKeys *keys = data;

  g_free (keys->action_name);
  g_free (keys);
}

static gboolean
on_submit_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SubmitKeys            *keys)
{
  if ((state & GDK_CONTROL_MASK) != 0 &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
       (keys->with_ctrl_s && (keyval == GDK_KEY_s || keyval == GDK_KEY_S))))
    {
      gtk_widget_activate_action (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                  keys->action_name, NULL);
      return TRUE;
    }
  return FALSE;
}

/* Ctrl+Enter (and Ctrl+S when @with_ctrl_s) activate @action_name from any field of
 * @window, text views included. */
void
yishi_form_add_submit_keys (GtkWidget  *window,
                            const char *action_name,
                            gboolean    with_ctrl_s)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  SubmitKeys *keys = g_new0 (SubmitKeys, 1);

  keys->action_name = g_strdup (action_name);
  keys->with_ctrl_s = with_ctrl_s;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (on_submit_key), keys,
                         submit_keys_free, 0);
  gtk_widget_add_controller (window, controller);
}

/* Escape closes; Ctrl+S and Ctrl+Enter activate @save_action when not NULL. */
void
yishi_form_class_bind_keys (GtkWidgetClass *widget_class,
                            const char     *save_action)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  if (save_action == NULL)
    return;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       save_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       save_action, NULL);
}
