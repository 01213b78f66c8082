/* yishi-organisations-dialog.c
 *
 * The organisations in the area by kind (辖区单位, 物业公司, 业委会, 社会组织, 职能部门), each
 * with its contact person and phone.  The list on the left, the organisation being
 * edited on the right; the store's refusals (an organisation still responsible for
 * matters cannot be deleted) are shown in the editor, which keeps what was typed.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-enums.h"
#include "yishi-form.h"
#include "yishi-person-check.h"

#include "yishi-organisations-dialog.h"

struct _YishiOrganisationsDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  GPtrArray *organisations; /* YishiOrganisation, by kind then name */
  GPtrArray *groups;        /* borrowed: one AdwPreferencesGroup a kind with organisations */
  gint64 editing_id;        /* 0: a new organisation */
  char *error_text;

  AdwToastOverlay *toasts;
  GtkBox *lists;
  GtkLabel *error_label;
  AdwPreferencesGroup *editor_group;
  AdwComboRow *kind_row;
  AdwEntryRow *name_row;
  AdwEntryRow *contact_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *address_row;
  AdwEntryRow *notes_row;
  GtkWidget *delete_button;
};

enum { PROP_0, PROP_DATABASE, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (YishiOrganisationsDialog, yishi_organisations_dialog, ADW_TYPE_WINDOW)

static void
show_error (YishiOrganisationsDialog *self,
            const char               *text)
{
  yishi_form_show_error (self->error_label, &self->error_text, text);
}

static const char *
kind_at (guint position)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (YISHI_ENUM_ORGANISATION_KIND, &n);

  return position < n ? values[position].id : NULL;
}

static guint
kind_position (const char *kind)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (YISHI_ENUM_ORGANISATION_KIND, &n);

  for (guint i = 0; kind != NULL && i < n; i++)
    if (g_str_equal (values[i].id, kind))
      return i;
  return 0;
}

static YishiOrganisation *
find_organisation (YishiOrganisationsDialog *self,
                   gint64                    id)
{
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (((YishiOrganisation *)g_ptr_array_index (self->organisations, i))->id == id)
      return g_ptr_array_index (self->organisations, i);
  return NULL;
}

/* The editor ----------------------------------------------------------------------------------- */

void
yishi_organisations_dialog_fill (YishiOrganisationsDialog *self,
                                 const YishiOrganisation  *organisation)
{
  g_return_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind_position (organisation ? organisation->kind
                                                                          : NULL));
  yishi_form_set_text (self->name_row, organisation ? organisation->name : NULL);
  yishi_form_set_text (self->contact_row, organisation ? organisation->contact_name : NULL);
  yishi_form_set_text (self->phone_row, organisation ? organisation->contact_phone : NULL);
  yishi_form_set_text (self->address_row, organisation ? organisation->address : NULL);
  yishi_form_set_text (self->notes_row, organisation ? organisation->notes : NULL);
}

/* Puts the organisation @id, or a blank new one (@id 0), in the editor. */
void
yishi_organisations_dialog_edit (YishiOrganisationsDialog *self,
                                 gint64                    id)
{
  YishiOrganisation *organisation;

  g_return_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self));

  organisation = id != 0 ? find_organisation (self, id) : NULL;
  self->editing_id = organisation ? organisation->id : 0;
  adw_preferences_group_set_title (self->editor_group, organisation ? _("Edit Organisation")
                                                                    : _("New Organisation"));
  yishi_organisations_dialog_fill (self, organisation);
  gtk_widget_set_visible (self->delete_button, organisation != NULL);
  show_error (self, NULL);
}

static void
on_phone_changed (YishiOrganisationsDialog *self)
{
  g_autofree char *phone = yishi_form_text (self->phone_row);

  if (*phone != '\0' && !yishi_phone_normalise (phone, NULL, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->phone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
}

/* The list ------------------------------------------------------------------------------------- */

static void
on_row_activated (AdwActionRow             *row,
                  YishiOrganisationsDialog *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (row), "id");

  yishi_organisations_dialog_edit (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static GtkWidget *
organisation_row (YishiOrganisationsDialog *self,
                  const YishiOrganisation  *organisation)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 *id = g_new (gint64, 1);
  GString *subtitle = g_string_new (NULL);

  *id = organisation->id;
  if (organisation->contact_name != NULL && *organisation->contact_name != '\0')
    g_string_append (subtitle, organisation->contact_name);
  if (organisation->contact_phone != NULL && *organisation->contact_phone != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            organisation->contact_phone);
  if (subtitle->len == 0)
    g_string_append (subtitle, _("No contact recorded"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), organisation->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "id", id, g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
  g_string_free (subtitle, TRUE);
  return row;
}

static void
reload (YishiOrganisationsDialog *self)
{
  g_autoptr (GError) error = NULL;
  const YishiEnumValue *values;
  guint n_kinds;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->lists, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);

  self->organisations = yishi_registry_list_organisations (self->database, NULL, &error);
  if (self->organisations == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* One group a kind, in the order of the kinds. */
  values = yishi_enum_values (YISHI_ENUM_ORGANISATION_KIND, &n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      AdwPreferencesGroup *group = NULL;

      for (guint i = 0; i < self->organisations->len; i++)
        {
          YishiOrganisation *organisation = g_ptr_array_index (self->organisations, i);

          if (g_strcmp0 (organisation->kind, values[k].id) != 0)
            continue;
          if (group == NULL)
            {
              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              adw_preferences_group_set_title (group,
                                               yishi_enum_label (YISHI_ENUM_ORGANISATION_KIND,
                                                                 values[k].id));
              gtk_box_append (self->lists, GTK_WIDGET (group));
              g_ptr_array_add (self->groups, group);
            }
          adw_preferences_group_add (group, organisation_row (self, organisation));
        }
    }
  if (self->organisations->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Organisations Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Add the units in the area, the property companies "
                                         "and the owners’ committees with their contacts"));
      gtk_box_append (self->lists, status);
      g_ptr_array_add (self->groups, status);
    }
}

/* Saving and deleting -------------------------------------------------------------------------- */

gboolean
yishi_organisations_dialog_save (YishiOrganisationsDialog  *self,
                                 GError                   **error)
{
  g_autoptr (GError) local_error = NULL;
  YishiOrganisation organisation = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self), FALSE);

  name = yishi_form_text (self->name_row);
  contact = yishi_form_text (self->contact_row);
  phone = yishi_form_text (self->phone_row);
  address = yishi_form_text (self->address_row);
  notes = yishi_form_text (self->notes_row);
  if (*phone != '\0' && !yishi_phone_normalise (phone, &normalised, &local_error))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->phone_row));
      goto failed;
    }

  organisation.id = self->editing_id;
  organisation.kind = (char *)kind_at (adw_combo_row_get_selected (self->kind_row));
  organisation.name = name;
  organisation.contact_name = contact;
  organisation.contact_phone = normalised ? normalised : phone;
  organisation.address = address;
  organisation.notes = notes;
  id = yishi_registry_save_organisation (self->database, &organisation, &local_error);
  if (id == 0)
    {
      if (*name == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      goto failed;
    }

  reload (self);
  yishi_organisations_dialog_edit (self, id);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Organisation saved")));
  return TRUE;

failed:
  show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
yishi_organisations_dialog_delete (YishiOrganisationsDialog  *self,
                                   GError                   **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self), FALSE);

  if (self->editing_id == 0)
    return TRUE;
  if (!yishi_registry_delete_organisation (self->database, self->editing_id, &local_error))
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  reload (self);
  yishi_organisations_dialog_edit (self, 0);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Organisation deleted")));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  yishi_organisations_dialog_save (YISHI_ORGANISATIONS_DIALOG (widget), NULL);
}

static void
on_delete_response (AdwMessageDialog         *dialog,
                    const char               *response,
                    YishiOrganisationsDialog *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    yishi_organisations_dialog_delete (self, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiOrganisationsDialog *self = YISHI_ORGANISATIONS_DIALOG (widget);
  YishiOrganisation *organisation = find_organisation (self, self->editing_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (organisation == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), organisation->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Organisations still responsible for matters cannot be "
                                     "deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  YishiOrganisationsDialog *self = YISHI_ORGANISATIONS_DIALOG (widget);

  yishi_organisations_dialog_edit (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

/* Building ------------------------------------------------------------------------------------- */

static GtkWidget *
build_editor (YishiOrganisationsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  guint n;
  const YishiEnumValue *values = yishi_enum_values (YISHI_ENUM_ORGANISATION_KIND, &n);

  self->error_label = yishi_form_error_label_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->editor_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, yishi_enum_label (YISHI_ENUM_ORGANISATION_KIND, values[i].id));
  self->kind_row = yishi_form_add_combo (self->editor_group, _("_Kind"), G_LIST_MODEL (kinds));
  self->name_row = yishi_form_add_entry (self->editor_group, _("_Name"));
  self->contact_row = yishi_form_add_entry (self->editor_group, _("_Contact person"));
  self->phone_row = yishi_form_add_entry (self->editor_group, _("Contact _phone"));
  adw_entry_row_set_input_purpose (self->phone_row, GTK_INPUT_PURPOSE_PHONE);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (on_phone_changed), self);
  self->address_row = yishi_form_add_entry (self->editor_group, _("_Address"));
  self->notes_row = yishi_form_add_entry (self->editor_group, _("N_otes"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_group));

  gtk_box_append (GTK_BOX (box), yishi_form_editor_buttons ("organisations.save",
                                                            "organisations.delete",
                                                            &self->delete_button));
  return box;
}

static void
yishi_organisations_dialog_constructed (GObject *object)
{
  YishiOrganisationsDialog *self = YISHI_ORGANISATIONS_DIALOG (object);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  G_OBJECT_CLASS (yishi_organisations_dialog_parent_class)->constructed (object);
  g_assert (YISHI_IS_DATABASE (self->database));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Organisations in the Area"), NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "organisations.new");
  gtk_widget_set_tooltip_text (add, _("New Organisation (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Organisation"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->lists = GTK_BOX (lists);
  gtk_box_append (GTK_BOX (panes), yishi_form_scrolled_pane (lists, -1));
  gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (panes), yishi_form_scrolled_pane (build_editor (self), 400));
  gtk_widget_set_vexpand (panes, TRUE);
  gtk_box_append (GTK_BOX (toolbar), panes);

  self->toasts = yishi_form_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_title (GTK_WINDOW (self), _("Organisations in the Area"));

  reload (self);
  yishi_organisations_dialog_edit (self, 0);
}

/* Public --------------------------------------------------------------------------------------- */

GtkWindow *
yishi_organisations_dialog_new (GtkWindow     *parent,
                                YishiDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  return g_object_new (YISHI_TYPE_ORGANISATIONS_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "database", database,
                       NULL);
}

guint
yishi_organisations_dialog_get_n_items (YishiOrganisationsDialog *self)
{
  g_return_val_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self), 0);
  return self->organisations ? self->organisations->len : 0;
}

const char *
yishi_organisations_dialog_get_error (YishiOrganisationsDialog *self)
{
  g_return_val_if_fail (YISHI_IS_ORGANISATIONS_DIALOG (self), NULL);
  return self->error_text;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
yishi_organisations_dialog_finalize (GObject *object)
{
  YishiOrganisationsDialog *self = YISHI_ORGANISATIONS_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (yishi_organisations_dialog_parent_class)->finalize (object);
}

static void
yishi_organisations_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  YishiOrganisationsDialog *self = YISHI_ORGANISATIONS_DIALOG (object);

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
yishi_organisations_dialog_class_init (YishiOrganisationsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = yishi_organisations_dialog_constructed;
  object_class->finalize = yishi_organisations_dialog_finalize;
  object_class->set_property = yishi_organisations_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "organisations.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "organisations.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "organisations.new", NULL, new_action);
  yishi_form_class_bind_keys (widget_class, "organisations.save");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "organisations.new", NULL);
}

static void
yishi_organisations_dialog_init (YishiOrganisationsDialog *self)
{
  self->groups = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 620);
}
