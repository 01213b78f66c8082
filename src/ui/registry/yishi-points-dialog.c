/* yishi-points-dialog.c
 *
 * The points rules (points per hour, the most hours counted per activity, active or not)
 * and the levels (a name from a threshold).  The lists on the left, the one being edited
 * on the right; every save and deletion is one store call, whose refusal (a rule that
 * service records used cannot be deleted) is shown in the editor, which keeps what was
 * typed.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-form.h"
#include "yishi-points.h"

#include "yishi-points-dialog.h"

struct _YishiPointsDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  GPtrArray *rules;      /* YishiPointsRule */
  GPtrArray *levels;     /* YishiPointsLevel */
  GPtrArray *rule_rows;  /* borrowed rows of rules_group */
  GPtrArray *level_rows; /* borrowed rows of levels_group */
  gint64 rule_id;        /* the rule in the editor, 0: a new one */
  gint64 level_id;
  char *error_text;

  AdwToastOverlay *toasts;
  AdwPreferencesGroup *rules_group;
  AdwPreferencesGroup *levels_group;
  GtkStack *editors;
  GtkLabel *error_label;

  AdwPreferencesGroup *rule_group;
  AdwEntryRow *rule_name_row;
  GtkSpinButton *rule_points_spin;
  GtkSpinButton *rule_cap_spin;
  GtkSwitch *rule_active_switch;
  GtkWidget *rule_delete_button;

  AdwPreferencesGroup *level_group;
  AdwEntryRow *level_name_row;
  GtkSpinButton *level_threshold_spin;
  GtkWidget *level_delete_button;
};

enum { PROP_0, PROP_DATABASE, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (YishiPointsDialog, yishi_points_dialog, ADW_TYPE_WINDOW)

static void
show_error (YishiPointsDialog *self,
            const char        *text)
{
  yishi_form_show_error (self->error_label, &self->error_text, text);
}

static void
toast (YishiPointsDialog *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static YishiPointsRule *
find_rule (YishiPointsDialog *self,
           gint64             id)
{
  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    if (((YishiPointsRule *)g_ptr_array_index (self->rules, i))->id == id)
      return g_ptr_array_index (self->rules, i);
  return NULL;
}

static YishiPointsLevel *
find_level (YishiPointsDialog *self,
            gint64             id)
{
  for (guint i = 0; self->levels != NULL && i < self->levels->len; i++)
    if (((YishiPointsLevel *)g_ptr_array_index (self->levels, i))->id == id)
      return g_ptr_array_index (self->levels, i);
  return NULL;
}

static char *
rule_summary (const YishiPointsRule *rule)
{
  g_autofree char *rate = NULL;
  g_autofree char *cap = NULL;

  /* Translators: the points a service hour earns */
  rate = g_strdup_printf (ngettext ("%g point an hour", "%g points an hour",
                                    rule->points_per_hour == 1 ? 1 : 2),
                          rule->points_per_hour);
  if (rule->max_hours_per_activity > 0)
    /* Translators: hours counted per activity at most */
    cap = g_strdup_printf (_("at most %g hours counted per activity"),
                           rule->max_hours_per_activity);
  else
    cap = g_strdup (_("no limit of hours"));
  if (!rule->active)
    return g_strdup_printf ("%s · %s · %s", rate, cap, _("inactive"));
  return g_strdup_printf ("%s · %s", rate, cap);
}

/* The editors ---------------------------------------------------------------------------------- */

static void
edit_rule (YishiPointsDialog     *self,
           const YishiPointsRule *rule)
{
  self->rule_id = rule ? rule->id : 0;
  adw_preferences_group_set_title (self->rule_group, rule ? _("Edit Rule") : _("New Rule"));
  gtk_editable_set_text (GTK_EDITABLE (self->rule_name_row), rule ? rule->name : "");
  gtk_spin_button_set_value (self->rule_points_spin, rule ? rule->points_per_hour : 1);
  gtk_spin_button_set_value (self->rule_cap_spin, rule ? rule->max_hours_per_activity : 0);
  gtk_switch_set_active (self->rule_active_switch, rule ? rule->active : TRUE);
  gtk_widget_set_visible (self->rule_delete_button, rule != NULL);
  gtk_stack_set_visible_child_name (self->editors, "rule");
  show_error (self, NULL);
}

static void
edit_level (YishiPointsDialog      *self,
            const YishiPointsLevel *level)
{
  self->level_id = level ? level->id : 0;
  adw_preferences_group_set_title (self->level_group, level ? _("Edit Level") : _("New Level"));
  gtk_editable_set_text (GTK_EDITABLE (self->level_name_row), level ? level->name : "");
  gtk_spin_button_set_value (self->level_threshold_spin, level ? level->threshold : 0);
  gtk_widget_set_visible (self->level_delete_button, level != NULL);
  gtk_stack_set_visible_child_name (self->editors, "level");
  show_error (self, NULL);
}

static void
on_rule_activated (AdwActionRow      *row,
                   YishiPointsDialog *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (row), "id");

  edit_rule (self, find_rule (self, id));
  gtk_widget_grab_focus (GTK_WIDGET (self->rule_name_row));
}

static void
on_level_activated (AdwActionRow      *row,
                    YishiPointsDialog *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (row), "id");

  edit_level (self, find_level (self, id));
  gtk_widget_grab_focus (GTK_WIDGET (self->level_name_row));
}

/* The lists ------------------------------------------------------------------------------------ */

static GtkWidget *
list_row (const char *title,
          const char *subtitle,
          gint64      id)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 *data = g_new (gint64, 1);

  *data = id;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "id", data, g_free);
  if (id != 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  else
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
reload (YishiPointsDialog *self)
{
  g_autoptr (GError) error = NULL;

  clear_rows (self->rules_group, self->rule_rows);
  clear_rows (self->levels_group, self->level_rows);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);

  self->rules = yishi_points_list_rules (self->database, FALSE, &error);
  if (self->rules == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }
  self->levels = yishi_points_list_levels (self->database, &error);
  if (self->levels == NULL)
    show_error (self, error->message);

  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    {
      YishiPointsRule *rule = g_ptr_array_index (self->rules, i);
      g_autofree char *summary = rule_summary (rule);
      GtkWidget *row = list_row (rule->name, summary, rule->id);

      if (!rule->active)
        gtk_widget_add_css_class (row, "dim-label");
      g_signal_connect (row, "activated", G_CALLBACK (on_rule_activated), self);
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  if (self->rules == NULL || self->rules->len == 0)
    {
      GtkWidget *row = list_row (_("No rules yet"), _("Add one to record service hours"), 0);

      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }

  for (guint i = 0; self->levels != NULL && i < self->levels->len; i++)
    {
      YishiPointsLevel *level = g_ptr_array_index (self->levels, i);
      /* Translators: the balance a level starts at */
      g_autofree char *summary = g_strdup_printf (_("from %g points"), level->threshold);
      GtkWidget *row = list_row (level->name, summary, level->id);

      g_signal_connect (row, "activated", G_CALLBACK (on_level_activated), self);
      adw_preferences_group_add (self->levels_group, row);
      g_ptr_array_add (self->level_rows, row);
    }
  if (self->levels == NULL || self->levels->len == 0)
    {
      GtkWidget *row = list_row (_("No levels yet"), NULL, 0);

      adw_preferences_group_add (self->levels_group, row);
      g_ptr_array_add (self->level_rows, row);
    }
}

/* Saving and deleting -------------------------------------------------------------------------- */

static gboolean
save_rule (YishiPointsDialog  *self,
           GError            **error)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rule_name_row)));
  YishiPointsRule rule = { 0 };
  gint64 id;

  gtk_spin_button_update (self->rule_points_spin);
  gtk_spin_button_update (self->rule_cap_spin);
  rule.id = self->rule_id;
  rule.name = g_strstrip (name);
  rule.points_per_hour = gtk_spin_button_get_value (self->rule_points_spin);
  rule.max_hours_per_activity = gtk_spin_button_get_value (self->rule_cap_spin);
  rule.active = gtk_switch_get_active (self->rule_active_switch);
  id = yishi_points_save_rule (self->database, &rule, error);
  if (id == 0)
    return FALSE;
  reload (self);
  edit_rule (self, find_rule (self, id));
  toast (self, _("Rule saved"));
  return TRUE;
}

static gboolean
save_level (YishiPointsDialog  *self,
            GError            **error)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->level_name_row)));
  YishiPointsLevel level = { 0 };
  gint64 id;

  gtk_spin_button_update (self->level_threshold_spin);
  level.id = self->level_id;
  level.name = g_strstrip (name);
  level.threshold = gtk_spin_button_get_value (self->level_threshold_spin);
  id = yishi_points_save_level (self->database, &level, error);
  if (id == 0)
    return FALSE;
  reload (self);
  edit_level (self, find_level (self, id));
  toast (self, _("Level saved"));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  gboolean rule = g_strcmp0 (gtk_stack_get_visible_child_name (self->editors), "rule") == 0;

  if (!(rule ? save_rule (self, &error) : save_level (self, &error)))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (rule ? self->rule_name_row : self->level_name_row));
    }
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    YishiPointsDialog *self)
{
  g_autoptr (GError) error = NULL;
  gboolean rule = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "rule"));
  gint64 id = rule ? self->rule_id : self->level_id;
  gboolean done;

  if (g_strcmp0 (response, "delete") != 0 || id == 0)
    return;
  done = rule ? yishi_points_delete_rule (self->database, id, &error)
              : yishi_points_delete_level (self->database, id, &error);
  if (!done)
    {
      show_error (self, error->message);
      return;
    }
  reload (self);
  if (rule)
    edit_rule (self, NULL);
  else
    edit_level (self, NULL);
  toast (self, rule ? _("Rule deleted") : _("Level deleted"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (widget);
  gboolean rule = g_strcmp0 (gtk_stack_get_visible_child_name (self->editors), "rule") == 0;
  const char *name = rule ? gtk_editable_get_text (GTK_EDITABLE (self->rule_name_row))
                          : gtk_editable_get_text (GTK_EDITABLE (self->level_name_row));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if ((rule ? self->rule_id : self->level_id) == 0)
    return;
  heading = g_strdup_printf (rule ? _("Delete the rule “%s”?") : _("Delete the level “%s”?"),
                             name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   rule ? _("A rule that service records used cannot be "
                                            "deleted; deactivate it instead.")
                                        : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rule", GINT_TO_POINTER (rule));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (widget);

  edit_rule (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->rule_name_row));
}

static void
new_level_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (widget);

  edit_level (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->level_name_row));
}

/* Building ------------------------------------------------------------------------------------- */

static GtkWidget *
add_header_button (AdwPreferencesGroup *group,
                   const char          *label,
                   const char          *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              double               max,
              double               step)
{
  GtkWidget *row;
  GtkSpinButton *spin = yishi_form_spin_row_new (title, 0, max, step, &row);

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  return spin;
}

static GtkWidget *
editor_buttons (GtkWidget **delete_button)
{
  GtkWidget *box = yishi_form_editor_buttons ("points.save", "points.delete", delete_button);

  gtk_widget_set_margin_top (box, 12);
  return box;
}

static GtkWidget *
build_rule_editor (YishiPointsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *group = adw_preferences_group_new ();

  self->rule_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_description (self->rule_group,
                                         _("A service record earns the hours counted × the "
                                           "points an hour"));
  self->rule_name_row = yishi_form_add_entry (self->rule_group, _("_Name"));
  self->rule_points_spin = add_spin_row (self->rule_group, _("_Points an hour"), NULL, 100, 0.5);
  self->rule_cap_spin = add_spin_row (self->rule_group, _("Most _hours counted per activity"),
                                      _("0: no limit"), 24, 0.5);

  self->rule_active_switch =
    yishi_form_add_switch (self->rule_group, _("_Active"),
                           _("Inactive rules keep their records but take no new ones"), NULL);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), editor_buttons (&self->rule_delete_button));
  return box;
}

static GtkWidget *
build_level_editor (YishiPointsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *group = adw_preferences_group_new ();

  self->level_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_description (self->level_group,
                                         _("A person reaches the level when the balance "
                                           "reaches its threshold"));
  self->level_name_row = yishi_form_add_entry (self->level_group, _("_Name"));
  self->level_threshold_spin = add_spin_row (self->level_group, _("_Threshold (points)"), NULL,
                                             100000, 10);
  gtk_spin_button_set_digits (self->level_threshold_spin, 0);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), editor_buttons (&self->level_delete_button));
  return box;
}

static void
yishi_points_dialog_constructed (GObject *object)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (object);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *editor = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *group;

  G_OBJECT_CLASS (yishi_points_dialog_parent_class)->constructed (object);
  g_assert (YISHI_IS_DATABASE (self->database));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Points Rules and Levels"), NULL));
  gtk_box_append (GTK_BOX (toolbar), header);

  group = adw_preferences_group_new ();
  self->rules_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->rules_group, _("Rules"));
  add_header_button (self->rules_group, _("_New Rule"), "points.new-rule");
  gtk_box_append (GTK_BOX (lists), group);
  group = adw_preferences_group_new ();
  self->levels_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->levels_group, _("Levels"));
  add_header_button (self->levels_group, _("New _Level"), "points.new-level");
  gtk_box_append (GTK_BOX (lists), group);
  gtk_box_append (GTK_BOX (panes), yishi_form_scrolled_pane (lists, -1));
  gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->error_label = yishi_form_error_label_new ();
  gtk_box_append (GTK_BOX (editor), GTK_WIDGET (self->error_label));
  self->editors = GTK_STACK (stack);
  gtk_stack_add_named (self->editors, build_rule_editor (self), "rule");
  gtk_stack_add_named (self->editors, build_level_editor (self), "level");
  gtk_box_append (GTK_BOX (editor), stack);
  gtk_box_append (GTK_BOX (panes), yishi_form_scrolled_pane (editor, 400));
  gtk_widget_set_vexpand (panes, TRUE);
  gtk_box_append (GTK_BOX (toolbar), panes);

  self->toasts = yishi_form_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_title (GTK_WINDOW (self), _("Points Rules and Levels"));

  reload (self);
  edit_rule (self, NULL);
}

/* Public --------------------------------------------------------------------------------------- */

GtkWindow *
yishi_points_dialog_new (GtkWindow     *parent,
                         YishiDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  return g_object_new (YISHI_TYPE_POINTS_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "database", database,
                       NULL);
}

guint
yishi_points_dialog_get_n_rules (YishiPointsDialog *self)
{
  g_return_val_if_fail (YISHI_IS_POINTS_DIALOG (self), 0);
  return self->rules ? self->rules->len : 0;
}

guint
yishi_points_dialog_get_n_levels (YishiPointsDialog *self)
{
  g_return_val_if_fail (YISHI_IS_POINTS_DIALOG (self), 0);
  return self->levels ? self->levels->len : 0;
}

const char *
yishi_points_dialog_get_error (YishiPointsDialog *self)
{
  g_return_val_if_fail (YISHI_IS_POINTS_DIALOG (self), NULL);
  return self->error_text;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
yishi_points_dialog_finalize (GObject *object)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->level_rows, g_ptr_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (yishi_points_dialog_parent_class)->finalize (object);
}

static void
yishi_points_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YishiPointsDialog *self = YISHI_POINTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_points_dialog_class_init (YishiPointsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = yishi_points_dialog_constructed;
  object_class->finalize = yishi_points_dialog_finalize;
  object_class->set_property = yishi_points_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "points.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "points.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "points.new-rule", NULL, new_rule_action);
  gtk_widget_class_install_action (widget_class, "points.new-level", NULL, new_level_action);
  yishi_form_class_bind_keys (widget_class, "points.save");
}

static void
yishi_points_dialog_init (YishiPointsDialog *self)
{
  self->rule_rows = g_ptr_array_new ();
  self->level_rows = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 600);
}
