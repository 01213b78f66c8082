/* yishi-step-dialogs.c
 *
 * One dialog class for every step a matter can take from the detail pane: triage
 * (scale, route, responsible party, deadline), feedback (satisfaction or why the
 * requester could not be reached), not accepted (a reason), merge (the matter to merge
 * into, with a search), chase (a reminder) and the plain steps that take only an
 * optional note. The form is checked here for what the user can fix at once; the store
 * checks everything again and its message is shown in the dialog, which stays open.
 * Nothing is written until the step button is pressed, and then at once.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "yishi-enums.h"
#include "yishi-issue-list.h"
#include "yishi-issue-machine.h"
#include "yishi-lookup.h"
#include "yishi-validate.h"

#include "yishi-step-dialogs.h"

#define N_CANDIDATES 8

typedef enum
{
  MODE_NOTE,
  MODE_CLOSE,
  MODE_TRIAGE,
  MODE_FEEDBACK,
  MODE_REJECT,
  MODE_MERGE,
  MODE_CHASE,
} Mode;

/* The routes a matter can be triaged to, and the one each scale usually takes. */
static const char *const routes[] = {
  "immediate", "community_office", "council", "street_workstation", "transfer",
};
static const char *const scales[] = { "major", "minor", "micro" };
static const char *const scale_routes[] = { "street_workstation", "council", "community_office" };
static const char *const ratings[] = {
  "satisfied", "basically_satisfied", "not_quite_satisfied", "dissatisfied",
};

struct _YishiStepDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  gint64 issue_id;
  char *serial;
  char *step;
  Mode mode;
  char *error_text;
  gboolean filling; /* set_triage () is choosing the route itself */
  gboolean route_chosen;

  /* Template */
  AdwWindowTitle *window_title;
  GtkWidget *apply_button;
  GtkBox *form;
  GtkLabel *error_label;

  GtkTextView *note_view;

  /* Triage */
  AdwComboRow *scale_row;
  AdwComboRow *route_row;
  AdwEntryRow *responsible_row;
  GtkDropDown *organisation_dropdown;
  AdwEntryRow *deadline_row;
  GPtrArray *organisations; /* YishiLookupItem */

  /* Feedback */
  GtkCheckButton *rating_buttons[G_N_ELEMENTS (ratings)];
  GtkCheckButton *unreachable_button;
  AdwEntryRow *reason_row;

  /* Merge */
  AdwEntryRow *target_row;
  GtkSearchEntry *merge_search;
  GtkListBox *candidates;
  YishiIssueList *search_list;
  guint n_candidates;
};

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiStepDialog, yishi_step_dialog, ADW_TYPE_WINDOW)

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

static void
show_error (YishiStepDialog *self,
            const char      *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
local_date (const char *utc)
{
  g_autoptr (GDateTime) when = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d");
}

static guint
index_of (const char *const *values,
          guint              n_values,
          const char        *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static GtkStringList *
labels_of (YishiEnum           which,
           const char *const  *ids,
           guint               n_ids)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_ids; i++)
    gtk_string_list_append (list, yishi_enum_label (which, ids[i]));
  return list;
}

static char *
text_of_view (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  if (view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
text_of_editable (gpointer editable)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));

  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkWidget *
add_group (YishiStepDialog *self,
           const char      *title,
           const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->form, group);
  return group;
}

static void
add_text_area (YishiStepDialog *self,
               const char      *title,
               const char      *description)
{
  GtkWidget *group = add_group (self, title, description);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (frame, "yishi-text-area");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  self->note_view = GTK_TEXT_VIEW (view);
}

/* Triage --------------------------------------------------------------------------- */

static void
on_scale_changed (YishiStepDialog *self)
{
  guint scale = adw_combo_row_get_selected (self->scale_row);

  /* Follow the scale until the user picks a route themselves. */
  if (self->route_chosen || scale >= G_N_ELEMENTS (scales))
    return;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->route_row,
                              index_of (routes, G_N_ELEMENTS (routes), scale_routes[scale]));
  self->filling = FALSE;
}

static void
on_route_changed (YishiStepDialog *self)
{
  if (!self->filling)
    self->route_chosen = TRUE;
}

static void
on_deadline_changed (YishiStepDialog *self)
{
  g_autofree char *text = text_of_editable (self->deadline_row);

  if (text == NULL || yishi_validate_date (text, "", NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
}

static void
build_triage (YishiStepDialog        *self,
              const YishiIssueDetail *detail)
{
  GtkWidget *group = add_group (self, NULL, NULL);
  GtkWidget *row;
  g_autoptr (GtkStringList) org_labels = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) scale_labels = labels_of (YISHI_ENUM_SCALE, scales, G_N_ELEMENTS (scales));
  g_autoptr (GtkStringList) route_labels = labels_of (YISHI_ENUM_ROUTE, routes, G_N_ELEMENTS (routes));
  g_autofree char *received = local_date (detail->received_at);
  g_autofree char *deadline = NULL;
  guint scale;

  self->scale_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scale_row), _("Scale"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row),
                               _("Major: needs the street · minor: community-wide · micro: one compound"));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scale_labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->scale_row));

  self->route_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->route_row), _("Route"));
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (route_labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->route_row));

  group = add_group (self, _("Responsible Party"), _("A person or office by name, or a unit in the area"));
  self->responsible_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->responsible_row), _("Responsible party"));
  if (detail->responsible != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->responsible_row), detail->responsible);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->responsible_row));

  self->organisations = yishi_lookup_list (self->database, YISHI_LOOKUP_ORGANISATIONS, NULL);
  if (self->organisations == NULL)
    self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify)yishi_lookup_item_free);
  gtk_string_list_append (org_labels, _("No unit"));
  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (org_labels, ((YishiLookupItem *)g_ptr_array_index (self->organisations, i))->label);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Unit in the area"));
  self->organisation_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (org_labels)),
                                      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->organisation_dropdown, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->organisation_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->organisation_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit in the area"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->organisation_dropdown));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  group = add_group (self, NULL, NULL);
  self->deadline_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), _("Deadline (YYYY-MM-DD)"));
  if (detail->deadline != NULL)
    deadline = g_strdup (detail->deadline);
  else if (received != NULL && detail->urgency != NULL && detail->kind != NULL)
    deadline = yishi_issue_store_deadline_for (self->database, received, detail->urgency, detail->kind, NULL);
  if (deadline != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline);
  g_signal_connect_swapped (self->deadline_row, "changed", G_CALLBACK (on_deadline_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->deadline_row));

  add_text_area (self, _("Note"), _("Optional; it goes on the timeline"));

  scale = index_of (scales, G_N_ELEMENTS (scales), detail->scale);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (on_scale_changed), self);
  g_signal_connect_swapped (self->route_row, "notify::selected", G_CALLBACK (on_route_changed), self);
  adw_combo_row_set_selected (self->scale_row, scale != GTK_INVALID_LIST_POSITION ? scale : 1);
  on_scale_changed (self);
  if (index_of (routes, G_N_ELEMENTS (routes), detail->route) != GTK_INVALID_LIST_POSITION)
    {
      self->filling = TRUE;
      adw_combo_row_set_selected (self->route_row, index_of (routes, G_N_ELEMENTS (routes), detail->route));
      self->filling = FALSE;
    }
}

void
yishi_step_dialog_set_triage (YishiStepDialog        *self,
                              const YishiIssueTriage *triage)
{
  guint i;

  g_return_if_fail (YISHI_IS_STEP_DIALOG (self));
  g_return_if_fail (self->mode == MODE_TRIAGE);
  g_return_if_fail (triage != NULL);

  if ((i = index_of (scales, G_N_ELEMENTS (scales), triage->scale)) != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->scale_row, i);
  if ((i = index_of (routes, G_N_ELEMENTS (routes), triage->route)) != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->route_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row),
                         triage->responsible_text ? triage->responsible_text : "");
  gtk_drop_down_set_selected (self->organisation_dropdown, 0);
  for (i = 0; i < self->organisations->len; i++)
    if (((YishiLookupItem *)g_ptr_array_index (self->organisations, i))->id == triage->responsible_org_id)
      gtk_drop_down_set_selected (self->organisation_dropdown, i + 1);
  if (triage->deadline != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), triage->deadline);
  yishi_step_dialog_set_note (self, triage->note);
}

static gboolean
apply_triage (YishiStepDialog  *self,
              GError          **error)
{
  YishiIssueTriage triage = { 0 };
  guint scale = adw_combo_row_get_selected (self->scale_row);
  guint route = adw_combo_row_get_selected (self->route_row);
  guint org = gtk_drop_down_get_selected (self->organisation_dropdown);
  g_autofree char *responsible = text_of_editable (self->responsible_row);
  g_autofree char *deadline = text_of_editable (self->deadline_row);
  g_autofree char *note = text_of_view (self->note_view);

  if (scale >= G_N_ELEMENTS (scales))
    return fail (error, _("Choose the scale: major, minor or micro."));
  if (route >= G_N_ELEMENTS (routes))
    return fail (error, _("Choose where the matter goes (the route)."));
  triage.scale = scales[scale];
  triage.route = routes[route];
  triage.responsible_text = responsible;
  if (org != GTK_INVALID_LIST_POSITION && org > 0 && org <= self->organisations->len)
    triage.responsible_org_id = ((YishiLookupItem *)g_ptr_array_index (self->organisations, org - 1))->id;
  if (responsible == NULL && triage.responsible_org_id == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->responsible_row));
      return fail (error, _("Name the responsible party or choose a unit in the area."));
    }
  if (deadline != NULL && !yishi_validate_date (deadline, _("The deadline"), error))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->deadline_row));
      return FALSE;
    }
  triage.deadline = deadline;
  triage.note = note;
  return yishi_issue_store_triage (self->database, self->issue_id, &triage, error);
}

/* Feedback ------------------------------------------------------------------------- */

static void
on_unreachable_toggled (YishiStepDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row),
                            gtk_check_button_get_active (self->unreachable_button));
}

static GtkCheckButton *
add_choice (GtkWidget      *group,
            const char     *title,
            GtkCheckButton *first)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (first != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return GTK_CHECK_BUTTON (check);
}

static void
build_feedback (YishiStepDialog *self)
{
  GtkWidget *group = add_group (self, _("How Satisfied Is the Requester?"),
                                _("“Not quite satisfied” and “Dissatisfied” reopen the matter."));

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    self->rating_buttons[i] = add_choice (group, yishi_enum_label (YISHI_ENUM_SATISFACTION, ratings[i]),
                                          self->rating_buttons[0]);
  self->unreachable_button = add_choice (group, _("Could not be reached"), self->rating_buttons[0]);
  g_signal_connect_swapped (self->unreachable_button, "toggled", G_CALLBACK (on_unreachable_toggled), self);

  self->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Why they could not be reached"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->reason_row));

  add_text_area (self, _("Note"), _("Optional; it goes on the timeline"));
}

void
yishi_step_dialog_set_feedback (YishiStepDialog *self,
                                const char      *rating,
                                const char      *unreachable_reason)
{
  guint i;

  g_return_if_fail (YISHI_IS_STEP_DIALOG (self));
  g_return_if_fail (self->mode == MODE_FEEDBACK);

  i = index_of (ratings, G_N_ELEMENTS (ratings), rating);
  if (i != GTK_INVALID_LIST_POSITION)
    gtk_check_button_set_active (self->rating_buttons[i], TRUE);
  else
    gtk_check_button_set_active (self->unreachable_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), unreachable_reason ? unreachable_reason : "");
}

static gboolean
apply_feedback (YishiStepDialog  *self,
                GError          **error)
{
  g_autofree char *note = text_of_view (self->note_view);
  g_autofree char *reason = NULL;
  const char *rating = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (gtk_check_button_get_active (self->rating_buttons[i]))
      rating = ratings[i];
  if (rating == NULL && !gtk_check_button_get_active (self->unreachable_button))
    return fail (error, _("Choose how satisfied the requester is, or that they could not be reached."));
  if (rating == NULL)
    {
      reason = text_of_editable (self->reason_row);
      if (reason == NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          return fail (error, _("Say why the requester could not be reached."));
        }
    }
  return yishi_issue_store_feedback (self->database, self->issue_id, rating, reason, note, error);
}

/* Merge ---------------------------------------------------------------------------- */

static void
clear_candidates (YishiStepDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates))) != NULL)
    gtk_list_box_remove (self->candidates, child);
  self->n_candidates = 0;
}

static void
add_candidate (YishiStepDialog *self,
               const char      *serial,
               const char      *title,
               const char      *state_label,
               const char      *place)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  if (place != NULL && *place != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", serial, state_label, place);
  else
    subtitle = g_strdup_printf ("%s · %s", serial, state_label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "serial", g_strdup (serial), g_free);
  gtk_list_box_append (self->candidates, row);
  self->n_candidates++;
}

static void
show_similar (YishiStepDialog *self,
              const char      *text)
{
  g_autoptr (GArray) ids = yishi_issue_store_similar (self->database, 0, text, self->issue_id, N_CANDIDATES);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (YishiIssueDetail) other = yishi_issue_store_load (self->database,
                                                                   g_array_index (ids, gint64, i), NULL);

      if (other != NULL)
        add_candidate (self, other->serial, other->title,
                       yishi_enum_label (YISHI_ENUM_ISSUE_STATE, other->state), other->place);
    }
}

static void
on_merge_search_changed (YishiStepDialog *self)
{
  g_autofree char *text = text_of_editable (self->merge_search);
  YishiIssueFilter filter = { 0 };
  guint n;

  clear_candidates (self);
  if (text == NULL)
    {
      g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (self->database, self->issue_id, NULL);

      if (detail != NULL)
        show_similar (self, detail->title);
      return;
    }

  filter.state = (char *)"open";
  filter.query = text;
  if (self->search_list == NULL)
    self->search_list = yishi_issue_list_new (self->database);
  yishi_issue_list_set_filter (self->search_list, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->search_list));
  for (guint i = 0; i < n && self->n_candidates < N_CANDIDATES; i++)
    {
      g_autoptr (YishiIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->search_list), i);

      if (issue == NULL || yishi_issue_get_id (issue) == self->issue_id)
        continue;
      add_candidate (self, yishi_issue_get_serial (issue), yishi_issue_get_title (issue),
                     yishi_issue_get_state_label (issue), yishi_issue_get_place (issue));
    }
}

static void
on_candidate_activated (YishiStepDialog *self,
                        GtkListBoxRow   *row)
{
  const char *serial = g_object_get_data (G_OBJECT (row), "serial");

  gtk_editable_set_text (GTK_EDITABLE (self->target_row), serial);
  gtk_widget_grab_focus (self->apply_button);
}

static void
build_merge (YishiStepDialog        *self,
             const YishiIssueDetail *detail)
{
  GtkWidget *group = add_group (self, NULL,
                                _("This matter is closed as merged and its requesters are told about the other one."));
  GtkWidget *search_group;

  self->target_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Serial of the matter to merge into"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->target_row));

  search_group = add_group (self, _("Open Matters"), _("Similar matters first; search to find others"));
  self->merge_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->merge_search, "placeholder-text", _("Search open matters"), NULL);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->merge_search), 6);
  g_signal_connect_swapped (self->merge_search, "search-changed", G_CALLBACK (on_merge_search_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (search_group), GTK_WIDGET (self->merge_search));

  self->candidates = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->candidates, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->candidates), "boxed-list");
  g_signal_connect_swapped (self->candidates, "row-activated", G_CALLBACK (on_candidate_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (search_group), GTK_WIDGET (self->candidates));

  show_similar (self, detail->title);
}

void
yishi_step_dialog_set_merge_target (YishiStepDialog *self,
                                    const char      *serial)
{
  g_return_if_fail (YISHI_IS_STEP_DIALOG (self));
  g_return_if_fail (self->mode == MODE_MERGE);

  gtk_editable_set_text (GTK_EDITABLE (self->target_row), serial ? serial : "");
}

guint
yishi_step_dialog_get_n_candidates (YishiStepDialog *self)
{
  g_return_val_if_fail (YISHI_IS_STEP_DIALOG (self), 0);
  return self->n_candidates;
}

static gboolean
apply_merge (YishiStepDialog  *self,
             gint64           *into,
             GError          **error)
{
  g_autofree char *serial = text_of_editable (self->target_row);

  if (serial == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
      return fail (error, _("Type the serial of the matter to merge into, or pick one below."));
    }
  *into = yishi_issue_store_find (self->database, serial);
  if (*into == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No matter has the serial “%s”."), serial);

      gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
      return fail (error, message);
    }
  return yishi_issue_store_merge (self->database, self->issue_id, *into, error);
}

/* Apply ---------------------------------------------------------------------------- */

/**
 * yishi_step_dialog_apply:
 *
 * Writes the step, as the step button does. On success the dialog emits "applied" and
 * closes; otherwise the message is shown in the dialog, nothing is written, and the
 * dialog stays open for the user to correct.
 */
gboolean
yishi_step_dialog_apply (YishiStepDialog  *self,
                         GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *note = NULL;
  gint64 other = 0;
  gboolean done = FALSE;

  g_return_val_if_fail (YISHI_IS_STEP_DIALOG (self), FALSE);

  switch (self->mode)
    {
    case MODE_TRIAGE:
      done = apply_triage (self, &local_error);
      break;

    case MODE_FEEDBACK:
      done = apply_feedback (self, &local_error);
      break;

    case MODE_REJECT:
      note = text_of_view (self->note_view);
      if (note == NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
          done = fail (&local_error, _("Give the reason the matter is not accepted; the requester is told."));
        }
      else
        done = yishi_issue_store_reject (self->database, self->issue_id, note, &local_error);
      break;

    case MODE_MERGE:
      done = apply_merge (self, &other, &local_error);
      break;

    case MODE_CHASE:
      note = text_of_view (self->note_view);
      done = yishi_issue_store_chase (self->database, self->issue_id, note, &local_error);
      break;

    case MODE_CLOSE:
      note = text_of_view (self->note_view);
      done = yishi_issue_store_close (self->database, self->issue_id, note, &local_error);
      break;

    case MODE_NOTE:
    default:
      note = text_of_view (self->note_view);
      done = yishi_issue_store_step (self->database, self->issue_id, self->step, note, &local_error);
      break;
    }

  if (!done)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_error (self, NULL);
  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0, self->issue_id, self->step, other);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  yishi_step_dialog_apply (YISHI_STEP_DIALOG (widget), NULL);
}

/* Public --------------------------------------------------------------------------- */

void
yishi_step_dialog_set_note (YishiStepDialog *self,
                            const char      *note)
{
  g_return_if_fail (YISHI_IS_STEP_DIALOG (self));

  if (self->note_view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

const char *
yishi_step_dialog_get_step (YishiStepDialog *self)
{
  g_return_val_if_fail (YISHI_IS_STEP_DIALOG (self), NULL);
  return self->step;
}

gint64
yishi_step_dialog_get_issue_id (YishiStepDialog *self)
{
  g_return_val_if_fail (YISHI_IS_STEP_DIALOG (self), 0);
  return self->issue_id;
}

/* Returns: (nullable): the message the dialog shows, if any */
const char *
yishi_step_dialog_get_error (YishiStepDialog *self)
{
  g_return_val_if_fail (YISHI_IS_STEP_DIALOG (self), NULL);
  return self->error_text;
}

static char *
button_label (const char *step)
{
  const char *label = yishi_issue_machine_step_label (step);

  if (g_str_equal (step, YISHI_STEP_CHASE))
    return g_strdup (_("Chase"));
  /* "Merge…" on the pane; the button in the dialog does it. */
  if (g_str_has_suffix (label, "…"))
    return g_strndup (label, strlen (label) - strlen ("…"));
  return g_strdup (label);
}

/**
 * yishi_step_dialog_new:
 * @detail: the matter as loaded by yishi_issue_store_load ()
 * @step: a state yishi_issue_machine_next () allows from the matter's state, or
 *   %YISHI_STEP_CHASE
 */
YishiStepDialog *
yishi_step_dialog_new (GtkWindow              *parent,
                       YishiDatabase          *database,
                       const YishiIssueDetail *detail,
                       const char             *step)
{
  YishiStepDialog *self;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);
  g_return_val_if_fail (detail != NULL, NULL);
  g_return_val_if_fail (step != NULL, NULL);

  self = g_object_new (YISHI_TYPE_STEP_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->issue_id = detail->id;
  self->serial = g_strdup (detail->serial);
  self->step = g_strdup (step);

  if (g_str_equal (step, "triaged"))
    self->mode = MODE_TRIAGE;
  else if (g_str_equal (step, "visited"))
    self->mode = MODE_FEEDBACK;
  else if (g_str_equal (step, "rejected"))
    self->mode = MODE_REJECT;
  else if (g_str_equal (step, "merged"))
    self->mode = MODE_MERGE;
  else if (g_str_equal (step, YISHI_STEP_CHASE))
    self->mode = MODE_CHASE;
  else if (g_str_equal (step, "closed"))
    self->mode = MODE_CLOSE;
  else
    self->mode = MODE_NOTE;

  label = button_label (step);
  subtitle = g_strdup_printf ("%s · %s", detail->serial, detail->title);
  adw_window_title_set_title (self->window_title, label);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), label);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), label);
  if (self->mode == MODE_REJECT)
    gtk_widget_add_css_class (self->apply_button, "destructive-action");

  switch (self->mode)
    {
    case MODE_TRIAGE:
      build_triage (self, detail);
      break;

    case MODE_FEEDBACK:
      build_feedback (self);
      break;

    case MODE_REJECT:
      add_text_area (self, _("Reason"), _("Required; the requester is told why the matter is not accepted"));
      break;

    case MODE_MERGE:
      build_merge (self, detail);
      break;

    case MODE_CHASE:
      add_text_area (self, _("Reminder"),
                     _("What the responsible party is reminded of (督办); it goes on the timeline"));
      break;

    case MODE_CLOSE:
      add_text_area (self, _("Note"), _("Optional; closing (销号) needs the requester’s feedback first"));
      break;

    case MODE_NOTE:
    default:
      add_text_area (self, _("Note"), _("Optional; it goes on the timeline"));
      break;
    }
  return self;
}

/* GObject -------------------------------------------------------------------------- */

static void
yishi_step_dialog_dispose (GObject *object)
{
  YishiStepDialog *self = YISHI_STEP_DIALOG (object);

  g_clear_object (&self->search_list);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_STEP_DIALOG);

  G_OBJECT_CLASS (yishi_step_dialog_parent_class)->dispose (object);
}

static void
yishi_step_dialog_finalize (GObject *object)
{
  YishiStepDialog *self = YISHI_STEP_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->step, g_free);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (yishi_step_dialog_parent_class)->finalize (object);
}

static void
yishi_step_dialog_class_init (YishiStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_step_dialog_dispose;
  object_class->finalize = yishi_step_dialog_finalize;

  /**
   * YishiStepDialog::applied:
   * @issue_id: the matter
   * @step: the step taken
   * @other_id: the matter merged into, or 0
   */
  signals[APPLIED] = g_signal_new ("applied",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Yishi/ledger/yishi-step-dialogs.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiStepDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, YishiStepDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, YishiStepDialog, form);
  gtk_widget_class_bind_template_child (widget_class, YishiStepDialog, error_label);

  gtk_widget_class_install_action (widget_class, "step.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_step_dialog_init (YishiStepDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter saves even from inside a note, which takes plain Enter for itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_named_action_new ("step.apply"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
