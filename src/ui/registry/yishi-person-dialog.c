/* yishi-person-dialog.c
 *
 * One person: name, gender, birth date, ID number (checked as it is typed: the birth
 * date and gender it gives are shown and filled in when empty, and a disagreement is
 * flagged, not refused), phone, residence type, political status, notes, consent to a
 * full name in public notices, and the home with its history (moving house ends one
 * residence and starts the next).  An ID number that belongs to someone else is refused
 * by the store; the dialog then names that person and offers to open them, keeping
 * everything typed.  Saved people also have the Party, Roles and Points pages
 * (yishi-person-pages.c).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-clock.h"
#include "yishi-form.h"
#include "yishi-person-check.h"

#include "yishi-person-pages.h"

#include "yishi-person-dialog.h"

enum { PROP_0, PROP_DATABASE, PROP_PERSON_ID, PROP_HOUSEHOLD_ID, N_PROPS };
enum { SAVED, DELETED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiPersonDialog, yishi_person_dialog, ADW_TYPE_WINDOW)

/* Shared helpers (declared in yishi-person-pages.h) -------------------------------------------- */

/* The labels of an enumeration, after @first when not NULL. */
GListModel *
yishi_person_dialog_enum_model (YishiEnum   which,
                                const char *first)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, yishi_enum_label (which, values[i].id));
  return G_LIST_MODEL (list);
}

const char *
yishi_person_dialog_enum_id_at (YishiEnum which,
                                guint     position,
                                gboolean  has_first)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  if (has_first)
    {
      if (position == 0 || position == GTK_INVALID_LIST_POSITION)
        return NULL;
      position--;
    }
  return position < n ? values[position].id : NULL;
}

guint
yishi_person_dialog_enum_position (YishiEnum   which,
                                   const char *id,
                                   gboolean    has_first)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  for (guint i = 0; id != NULL && i < n; i++)
    if (g_str_equal (values[i].id, id))
      return has_first ? i + 1 : i;
  return 0;
}

static void
show_error (YishiPersonDialog *self,
            const char        *text)
{
  yishi_form_show_error (self->error_label, &self->error_text, text);
}

void
yishi_person_dialog_toast (YishiPersonDialog *self,
                           const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static char *
notes_text (YishiPersonDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Live checks ---------------------------------------------------------------------------------- */

static const char *
selected_gender (YishiPersonDialog *self)
{
  return yishi_person_dialog_enum_id_at (YISHI_ENUM_GENDER,
                                         adw_combo_row_get_selected (self->gender_row), FALSE);
}

static void
update_mismatch (YishiPersonDialog *self)
{
  g_autofree char *id_number = yishi_form_text (self->id_row);
  g_autofree char *birth = yishi_form_text (self->birth_row);
  g_autofree char *iso = NULL;
  g_autofree char *warning = NULL;

  if (*id_number != '\0' && yishi_id_number_parse (id_number, NULL, NULL, NULL, NULL))
    {
      if (*birth != '\0')
        yishi_date_repair (birth, &iso, NULL);
      warning = yishi_id_number_mismatch (id_number, iso, selected_gender (self));
    }
  adw_action_row_set_subtitle (self->mismatch_row, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_row), warning != NULL);
}

static void
hide_duplicate (YishiPersonDialog *self)
{
  self->duplicate_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_group), FALSE);
}

static void
on_id_changed (YishiPersonDialog *self)
{
  g_autofree char *text = yishi_form_text (self->id_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *birth = NULL;
  const char *gender = NULL;
  glong length = g_utf8_strlen (text, -1);

  if (!self->filling)
    hide_duplicate (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->derived_row), "error");
  yishi_form_set_row_error (self->id_row, FALSE);
  if (*text == '\0')
    gtk_widget_set_visible (GTK_WIDGET (self->derived_row), FALSE);
  else if (length < 18)
    {
      g_autofree char *count = g_strdup_printf (_("%ld of 18 characters"), length);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->derived_row), _("ID number"));
      adw_action_row_set_subtitle (self->derived_row, count);
      gtk_widget_set_visible (GTK_WIDGET (self->derived_row), TRUE);
    }
  else if (!yishi_id_number_parse (text, NULL, &birth, &gender, &error))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->derived_row),
                                     _("Not a valid ID number"));
      adw_action_row_set_subtitle (self->derived_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->derived_row), "error");
      yishi_form_set_row_error (self->id_row, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->derived_row), TRUE);
    }
  else
    {
      g_autofree char *typed_birth = yishi_form_text (self->birth_row);
      /* Translators: the birth date and the gender an ID number gives */
      g_autofree char *derived = g_strdup_printf (_("Born %s · %s"), birth,
                                                  yishi_enum_label (YISHI_ENUM_GENDER, gender));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->derived_row),
                                     _("From the ID number"));
      adw_action_row_set_subtitle (self->derived_row, derived);
      gtk_widget_set_visible (GTK_WIDGET (self->derived_row), TRUE);
      /* Fill in what is still empty; what was typed stays (and is compared below). */
      if (!self->filling && *typed_birth == '\0')
        yishi_form_set_text (self->birth_row, birth);
      if (!self->filling && g_strcmp0 (selected_gender (self), "unknown") == 0)
        adw_combo_row_set_selected (self->gender_row,
                                    yishi_person_dialog_enum_position (YISHI_ENUM_GENDER, gender,
                                                                       FALSE));
    }
  update_mismatch (self);
}

static void
on_birth_changed (YishiPersonDialog *self)
{
  g_autofree char *text = yishi_form_text (self->birth_row);

  yishi_form_set_row_error (self->birth_row,
                            *text != '\0' && !yishi_date_repair (text, NULL, NULL));
  update_mismatch (self);
}

static void
on_phone_changed (YishiPersonDialog *self)
{
  g_autofree char *text = yishi_form_text (self->phone_row);
  g_autoptr (GError) error = NULL;
  gboolean bad = *text != '\0' && !yishi_phone_normalise (text, NULL, &error);

  yishi_form_set_row_error (self->phone_row, bad);
  adw_action_row_set_subtitle (self->phone_error_row, bad ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->phone_error_row), bad);
}

/* Filling -------------------------------------------------------------------------------------- */

static void
fill_home (YishiPersonDialog *self)
{
  g_autofree char *place = NULL;

  if (self->detail != NULL)
    place = g_strdup (self->detail->place);
  else if (self->household_id != 0)
    place = yishi_registry_node_path (self->database, YISHI_NODE_HOUSEHOLD, self->household_id);
  adw_action_row_set_subtitle (self->home_row, place ? place : _("No home recorded"));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  for (guint i = self->detail ? self->detail->residences->len : 0; i > 0; i--)
    {
      YishiResidence *residence = g_ptr_array_index (self->detail->residences, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *dates = residence->end_date
                               /* Translators: from one date to another */
                               ? g_strdup_printf (_("%s – %s"), residence->start_date,
                                                  residence->end_date)
                               /* Translators: living there since a date */
                               : g_strdup_printf (_("since %s"), residence->start_date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     residence->place ? residence->place : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dates);
      if (residence->end_date != NULL)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->history_rows->len > 0);
}

static void
fill_form (YishiPersonDialog *self)
{
  YishiPersonDetail *detail = self->detail;

  self->filling = TRUE;
  yishi_form_set_text (self->name_row, detail ? detail->name : NULL);
  adw_combo_row_set_selected (self->gender_row,
                              yishi_person_dialog_enum_position (YISHI_ENUM_GENDER,
                                                                 detail ? detail->gender
                                                                        : "unknown",
                                                                 FALSE));
  yishi_form_set_text (self->birth_row, detail ? detail->birth_date : NULL);
  yishi_form_set_text (self->id_row, detail ? detail->id_number : NULL);
  yishi_form_set_text (self->phone_row, detail ? detail->phone : NULL);
  adw_combo_row_set_selected (self->residence_row,
                              yishi_person_dialog_enum_position (YISHI_ENUM_RESIDENCE_TYPE,
                                                                 detail ? detail->residence_type
                                                                        : "resident",
                                                                 FALSE));
  adw_combo_row_set_selected (self->political_row,
                              yishi_person_dialog_enum_position (YISHI_ENUM_POLITICAL_STATUS,
                                                                 detail ? detail->political_status
                                                                        : "masses",
                                                                 FALSE));
  gtk_switch_set_active (self->consent_switch, detail ? detail->public_name_consent : FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            detail && detail->notes ? detail->notes : "", -1);
  on_id_changed (self);
  self->filling = FALSE;
  on_phone_changed (self);
  on_birth_changed (self);
  fill_home (self);

  adw_window_title_set_title (self->window_title, detail ? detail->name : _("New Person"));
  adw_window_title_set_subtitle (self->window_title, detail ? detail->place : NULL);
  gtk_window_set_title (GTK_WINDOW (self), detail ? detail->name : _("New Person"));
}

gboolean
yishi_person_dialog_reload_detail (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  YishiPersonDetail *detail;

  if (self->person_id == 0)
    return FALSE;
  detail = yishi_registry_load_person (self->database, self->person_id, &error);
  if (detail == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->detail, yishi_person_detail_free);
  self->detail = detail;
  self->household_id = detail->household_id;
  return TRUE;
}

/* The duplicate ID number ---------------------------------------------------------------------- */

static void
show_duplicate (YishiPersonDialog *self,
                gint64             existing_id,
                const GError      *error)
{
  g_autoptr (YishiPersonDetail) other = NULL;
  g_autofree char *title = NULL;

  self->duplicate_id = existing_id;
  if (existing_id != 0)
    other = yishi_registry_load_person (self->database, existing_id, NULL);
  if (other != NULL && other->deleted)
    title = g_strdup_printf (_("This ID number belongs to %s, who was deleted from the registry"),
                             other->name);
  else if (other != NULL)
    /* Translators: a person's name and where they live */
    title = g_strdup_printf (_("This ID number belongs to %s (%s)"), other->name,
                             other->place ? other->place : _("no home recorded"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->duplicate_row),
                                 title ? title : error->message);
  adw_action_row_set_subtitle (self->duplicate_row,
                               _("Nothing was saved. Open that person, or correct the number."));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_group), TRUE);
  yishi_form_set_row_error (self->id_row, TRUE);
}

static void
open_duplicate (YishiPersonDialog *self)
{
  GtkWindow *other;

  if (self->duplicate_id == 0)
    return;
  other = yishi_person_dialog_new (GTK_WINDOW (self), self->database, self->duplicate_id, 0);
  gtk_window_present (other);
}

/* Saving --------------------------------------------------------------------------------------- */

static gboolean
fail_on (YishiPersonDialog  *self,
         gpointer            row,
         GError            **error,
         GError             *local)
{
  show_error (self, local->message);
  if (row != NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, "person");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  g_propagate_error (error, local);
  return FALSE;
}

gboolean
yishi_person_dialog_save (YishiPersonDialog  *self,
                          GError            **error)
{
  YishiPersonDraft draft = { 0 };
  GError *local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *birth_iso = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *phone_normalised = NULL;
  g_autofree char *notes = NULL;
  const char *gender;
  gint64 existing = 0;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_PERSON_DIALOG (self), FALSE);

  name = yishi_form_text (self->name_row);
  id_number = yishi_form_text (self->id_row);
  birth = yishi_form_text (self->birth_row);
  phone = yishi_form_text (self->phone_row);
  notes = notes_text (self);
  gender = selected_gender (self);

  if (*birth != '\0' && !yishi_date_repair (birth, &birth_iso, &local))
    return fail_on (self, self->birth_row, error, local);
  if (*phone != '\0' && !yishi_phone_normalise (phone, &phone_normalised, &local))
    return fail_on (self, self->phone_row, error, local);

  draft.name = name;
  /* Not recorded, with an ID number: the one it gives. */
  draft.gender = g_strcmp0 (gender, "unknown") == 0 && *id_number != '\0' ? NULL : gender;
  draft.birth_date = birth_iso;
  draft.id_number = id_number;
  draft.phone = phone_normalised;
  draft.residence_type =
    yishi_person_dialog_enum_id_at (YISHI_ENUM_RESIDENCE_TYPE,
                                    adw_combo_row_get_selected (self->residence_row), FALSE);
  draft.political_status =
    yishi_person_dialog_enum_id_at (YISHI_ENUM_POLITICAL_STATUS,
                                    adw_combo_row_get_selected (self->political_row), FALSE);
  draft.notes = notes;
  draft.public_name_consent = gtk_switch_get_active (self->consent_switch);
  draft.household_id = self->household_id;

  if (self->person_id == 0)
    {
      id = yishi_registry_add_person (self->database, &draft, &existing, &local);
      ok = id != 0;
    }
  else
    {
      id = self->person_id;
      ok = yishi_database_begin (self->database, &local);
      if (ok)
        {
          ok = yishi_registry_update_person (self->database, id, &draft, &existing, &local) &&
               yishi_person_pages_save (self, &local) &&
               yishi_database_commit (self->database, &local);
          if (!ok)
            yishi_database_rollback (self->database);
        }
    }

  if (!ok)
    {
      if (g_error_matches (local, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID))
        {
          show_error (self, NULL);
          show_duplicate (self, existing, local);
          adw_view_stack_set_visible_child_name (self->stack, "person");
          gtk_widget_grab_focus (GTK_WIDGET (self->id_row));
          g_propagate_error (error, local);
          return FALSE;
        }
      if (*name == '\0')
        return fail_on (self, self->name_row, error, local);
      if (g_error_matches (local, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_INVALID) &&
          *id_number != '\0' && !yishi_id_number_parse (id_number, NULL, NULL, NULL, NULL))
        return fail_on (self, self->id_row, error, local);
      return fail_on (self, NULL, error, local);
    }

  show_error (self, NULL);
  hide_duplicate (self);
  if (self->person_id == 0)
    {
      self->person_id = id;
      g_signal_emit (self, signals[SAVED], 0, id);
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  if (yishi_person_dialog_reload_detail (self))
    {
      fill_form (self);
      yishi_person_pages_load (self, TRUE);
    }
  yishi_person_dialog_toast (self, _("Saved"));
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  yishi_person_dialog_save (YISHI_PERSON_DIALOG (widget), NULL);
}

/* Deleting ------------------------------------------------------------------------------------- */

static gboolean
destroy_when_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *batch = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->person_id == 0)
    return;
  batch = yishi_registry_delete_person (self->database, self->person_id, &error);
  if (batch == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, batch);
  /* Not from inside the message dialog's own response: it is transient for this window
   * and still finishing its response when the handler returns. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_when_idle, g_object_ref (self),
                   g_object_unref);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->detail == NULL)
    return;
  heading = g_strdup_printf (_("Delete %s?"), self->detail->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The person leaves the registry with their party "
                                     "membership, roles and points. The deletion can be "
                                     "undone right after."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moving house --------------------------------------------------------------------------------- */

static void
on_move_clicked (YishiPersonDialog *self)
{
  gboolean show = !gtk_widget_get_visible (GTK_WIDGET (self->move_group));

  gtk_widget_set_visible (GTK_WIDGET (self->move_group), show);
  if (show)
    {
      g_autofree char *today = yishi_clock_today ();

      yishi_form_set_text (self->move_date_row, today);
      if (self->household_id != 0)
        yishi_place_picker_select (&self->move_picker, YISHI_NODE_HOUSEHOLD, self->household_id);
      gtk_widget_grab_focus (GTK_WIDGET (self->move_picker.rows[0]));
    }
}

static void
on_moved_away_changed (YishiPersonDialog *self)
{
  gboolean away = gtk_switch_get_active (self->moved_away_switch);

  for (guint i = 0; i < G_N_ELEMENTS (self->move_picker.rows); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->move_picker.rows[i]), !away);
}

static void
on_move_apply (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  gboolean away = self->person_id != 0 && gtk_switch_get_active (self->moved_away_switch);
  gint64 household = away ? 0 : yishi_place_picker_get (&self->move_picker);

  if (!away && household == 0)
    {
      show_error (self, _("Choose the grid, building, unit and household of the new home."));
      return;
    }
  if (self->person_id == 0)
    {
      self->household_id = household;
      fill_home (self);
      gtk_widget_set_visible (GTK_WIDGET (self->move_group), FALSE);
      show_error (self, NULL);
      return;
    }

  date = yishi_form_text (self->move_date_row);
  if (*date != '\0' && !yishi_date_repair (date, &iso, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->move_date_row));
      return;
    }
  if (!yishi_registry_move_person (self->database, self->person_id, household, iso, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->move_group), FALSE);
  if (yishi_person_dialog_reload_detail (self))
    {
      fill_home (self);
      yishi_person_pages_load (self, FALSE);
      adw_window_title_set_subtitle (self->window_title, self->detail->place);
    }
  yishi_person_dialog_toast (self, away ? _("Recorded as moved away") : _("Moved house"));
  g_signal_emit (self, signals[SAVED], 0, self->person_id);
}

/* Building ------------------------------------------------------------------------------------- */

/* A row holding only a button at its end, for the action of a group. */
static GtkWidget *
button_row (AdwPreferencesGroup *group,
            const char          *label,
            GCallback            callback,
            gpointer             data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", callback, data);
  adw_preferences_group_add (group, button);
  return button;
}

static GtkWidget *
warning_row (const char *icon,
             const char *css)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (image, css);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
build_identity (YishiPersonDialog *self,
                GtkBox            *page)
{
  AdwPreferencesGroup *group;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *frame;
  GtkWidget *view;

  /* The refusal of a duplicate ID number, over the form. */
  self->duplicate_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  row = warning_row ("dialog-warning-symbolic", "warning");
  self->duplicate_row = ADW_ACTION_ROW (row);
  adw_action_row_set_title_lines (self->duplicate_row, 3);
  button = gtk_button_new_with_mnemonic (_("_Open That Person"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_duplicate), self);
  adw_action_row_add_suffix (self->duplicate_row, button);
  adw_preferences_group_add (self->duplicate_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_group), FALSE);
  gtk_box_append (page, GTK_WIDGET (self->duplicate_group));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Identity"));
  gtk_box_append (page, GTK_WIDGET (group));
  self->name_row = yishi_form_add_entry (group, _("_Name"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->name_row), 64);
  self->id_row = yishi_form_add_entry (group, _("_ID number"));
  g_signal_connect_swapped (self->id_row, "changed", G_CALLBACK (on_id_changed), self);
  self->derived_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->derived_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->derived_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->derived_row));
  self->gender_row =
    yishi_form_add_combo (group, _("_Gender"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_GENDER, NULL));
  g_signal_connect_swapped (self->gender_row, "notify::selected", G_CALLBACK (update_mismatch),
                            self);
  self->birth_row = yishi_form_add_entry (group, _("_Birth date (YYYY-MM-DD)"));
  g_signal_connect_swapped (self->birth_row, "changed", G_CALLBACK (on_birth_changed), self);
  row = warning_row ("dialog-warning-symbolic", "warning");
  self->mismatch_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Does not agree with the ID number"));
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Contact and Status"));
  gtk_box_append (page, GTK_WIDGET (group));
  self->phone_row =
    yishi_form_add_entry (group, _("_Phone (mobile, or landline with area code)"));
  adw_entry_row_set_input_purpose (self->phone_row, GTK_INPUT_PURPOSE_PHONE);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (on_phone_changed), self);
  row = warning_row ("dialog-error-symbolic", "error");
  self->phone_error_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not a phone number"));
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  self->residence_row =
    yishi_form_add_combo (group, _("_Residence type"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_RESIDENCE_TYPE,
                                                          NULL));
  self->political_row =
    yishi_form_add_combo (group, _("Political _status"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_POLITICAL_STATUS,
                                                          NULL));
  self->consent_switch =
    yishi_form_add_switch (group, _("Full name in public _notices"),
                           _("Off: notices on the board show the name masked (张*). "
                             "Turn on only when the person agreed."),
                           NULL);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Notes"));
  gtk_box_append (page, GTK_WIDGET (group));
  view = gtk_text_view_new ();
  self->notes_view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->notes_view, FALSE);
  g_object_set (view, "top-margin", 10, "bottom-margin", 10, "left-margin", 12,
                "right-margin", 12, NULL);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);
}

static void
build_home (YishiPersonDialog *self,
            GtkBox            *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  gboolean existing = self->person_id != 0;

  adw_preferences_group_set_title (group, _("Home"));
  gtk_box_append (page, GTK_WIDGET (group));
  self->home_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Lives at"));
  button = gtk_button_new_with_mnemonic (existing ? _("_Move House…") : _("C_hoose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_move_clicked), self);
  adw_action_row_add_suffix (self->home_row, button);
  self->move_button = button;
  adw_preferences_group_add (group, row);

  self->move_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->move_group, existing ? _("Move House") : _("Home"));
  if (existing)
    adw_preferences_group_set_description (self->move_group,
                                           _("The current residence ends on the date of the "
                                             "move; the history keeps it."));
  yishi_place_picker_init (&self->move_picker, self->database, self->move_group);
  if (existing)
    {
      self->moved_away_switch =
        yishi_form_add_switch (self->move_group, _("Moved _out of the community"), NULL,
                               &self->moved_away_row);
      g_signal_connect_swapped (self->moved_away_switch, "notify::active",
                                G_CALLBACK (on_moved_away_changed), self);
      self->move_date_row = yishi_form_add_entry (self->move_group,
                                                  _("_Date of the move (YYYY-MM-DD)"));
    }
  self->move_apply_button = button_row (self->move_group,
                                        existing ? _("Mo_ve") : _("_Set Home"),
                                        G_CALLBACK (on_move_apply), self);
  gtk_widget_add_css_class (self->move_apply_button, "suggested-action");
  gtk_widget_set_visible (GTK_WIDGET (self->move_group), FALSE);
  gtk_box_append (page, GTK_WIDGET (self->move_group));

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Residence History"));
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
  gtk_box_append (page, GTK_WIDGET (self->history_group));

  if (existing)
    {
      button = gtk_button_new_with_mnemonic (_("_Delete Person…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.delete");
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      self->delete_button = button;
      gtk_box_append (page, button);
    }
}

static void
yishi_person_dialog_constructed (GObject *object)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (object);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header;
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *bar = NULL;
  AdwViewStackPage *stack_page;

  G_OBJECT_CLASS (yishi_person_dialog_parent_class)->constructed (object);
  g_assert (YISHI_IS_DATABASE (self->database));

  if (self->person_id != 0 && !yishi_person_dialog_reload_detail (self))
    self->person_id = 0; /* gone: the error is shown over an empty form */

  self->stack = ADW_VIEW_STACK (stack);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  header = yishi_form_header_bar (GTK_WIDGET (self->window_title), _("_Save"), "person.save",
                                  _("Save (Ctrl+S)"));
  if (self->person_id != 0)
    {
      /* Person, Party, Roles, Points: under the header, which names the person. */
      GtkWidget *switcher = adw_view_switcher_new ();

      adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
      adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
      gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
      bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (bar, "toolbar");
      gtk_widget_set_halign (bar, GTK_ALIGN_FILL);
      gtk_box_append (GTK_BOX (bar), switcher);
      gtk_widget_set_hexpand (switcher, TRUE);
    }
  gtk_box_append (GTK_BOX (toolbar), header);
  if (bar != NULL)
    gtk_box_append (GTK_BOX (toolbar), bar);

  self->error_label = yishi_form_error_banner_new ();
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->error_label));

  build_identity (self, GTK_BOX (page));
  build_home (self, GTK_BOX (page));
  stack_page = adw_view_stack_add_titled (self->stack, yishi_form_scrolled_page (page),
                                          "person", _("Person"));
  adw_view_stack_page_set_icon_name (stack_page, "avatar-default-symbolic");
  if (self->person_id != 0)
    yishi_person_pages_build (self);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (toolbar), stack);

  self->toasts = yishi_form_set_content (ADW_WINDOW (self), toolbar);
  /* Ctrl+Enter and Ctrl+S save from any field, the notes included. */
  yishi_form_add_submit_keys (GTK_WIDGET (self), "person.save", TRUE);

  fill_form (self);
  yishi_person_pages_load (self, TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/* Public --------------------------------------------------------------------------------------- */

GtkWindow *
yishi_person_dialog_new (GtkWindow     *parent,
                         YishiDatabase *database,
                         gint64         person_id,
                         gint64         household_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  return g_object_new (YISHI_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "database", database,
                       "person-id", person_id,
                       "household-id", household_id,
                       NULL);
}

gint64
yishi_person_dialog_get_person_id (YishiPersonDialog *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON_DIALOG (self), 0);
  return self->person_id;
}

gint64
yishi_person_dialog_get_duplicate_id (YishiPersonDialog *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON_DIALOG (self), 0);
  return self->duplicate_id;
}

const char *
yishi_person_dialog_get_error (YishiPersonDialog *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON_DIALOG (self), NULL);
  return self->error_text;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
yishi_person_dialog_dispose (GObject *object)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (object);

  yishi_place_picker_clear (&self->move_picker);
  yishi_person_pages_dispose (self);

  G_OBJECT_CLASS (yishi_person_dialog_parent_class)->dispose (object);
}

static void
yishi_person_dialog_finalize (GObject *object)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->detail, yishi_person_detail_free);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->post_rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (yishi_person_dialog_parent_class)->finalize (object);
}

static void
yishi_person_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    case PROP_HOUSEHOLD_ID:
      self->household_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_person_dialog_class_init (YishiPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = yishi_person_dialog_constructed;
  object_class->dispose = yishi_person_dialog_dispose;
  object_class->finalize = yishi_person_dialog_finalize;
  object_class->set_property = yishi_person_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  yishi_form_class_bind_keys (widget_class, NULL);
}

static void
yishi_person_dialog_init (YishiPersonDialog *self)
{
  self->history_rows = g_ptr_array_new ();
  self->post_rows = g_ptr_array_new ();
  self->role_rows = g_ptr_array_new ();
  self->entry_rows = g_ptr_array_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 780);
}
