/* yishi-person-pages.c
 *
 * The pages of a saved person besides the person itself: Party (membership, the central
 * household, claimed posts), Roles (current and past, each within a scope; adding and
 * ending them) and Points (the balance and level, the entries newest first; recording a
 * service, redeeming, adjusting).  The party form is written by the dialog's Save; the
 * lists act at once, each through one store call, and their refusals are shown under
 * them.  Also the cascading place picker that the home and the roles use.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-clock.h"
#include "yishi-person-check.h"
#include "yishi-points.h"

#include "yishi-form.h"
#include "yishi-person-pages.h"

#define N_ENTRIES_SHOWN 200

/* The place picker ----------------------------------------------------------------------------- */

static const YishiNodeKind picker_kinds[] = {
  YISHI_NODE_GRID, YISHI_NODE_BUILDING, YISHI_NODE_UNIT, YISHI_NODE_HOUSEHOLD,
};

static int
picker_level (YishiNodeKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (picker_kinds); i++)
    if (picker_kinds[i] == kind)
      return (int)i;
  return -1;
}

static gint64
picker_selected_id (YishiPlacePicker *picker,
                    guint             level)
{
  guint position = adw_combo_row_get_selected (picker->rows[level]);
  g_autoptr (YishiRegistryNode) node = NULL;

  if (picker->nodes[level] == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION)
    return 0;
  node = g_list_model_get_item (picker->nodes[level], position - 1);
  return node ? yishi_registry_node_get_id (node) : 0;
}

/* Lists @nodes (taken; NULL: none) in the row of @level. */
static void
picker_set_nodes (YishiPlacePicker *picker,
                  guint             level,
                  GListModel       *nodes)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = nodes ? g_list_model_get_n_items (nodes) : 0;

  gtk_string_list_append (labels, _("Choose…"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiRegistryNode) node = g_list_model_get_item (nodes, i);

      gtk_string_list_append (labels, yishi_registry_node_get_name (node));
    }
  g_clear_object (&picker->nodes[level]);
  picker->nodes[level] = nodes;
  picker->filling = TRUE;
  adw_combo_row_set_model (picker->rows[level], G_LIST_MODEL (labels));
  adw_combo_row_set_selected (picker->rows[level], 0);
  picker->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (picker->rows[level]), n > 0);
}

/* The row of @level changed: the rows below list its children. */
static void
picker_cascade (YishiPlacePicker *picker,
                guint             level)
{
  gint64 id = picker_selected_id (picker, level);

  for (guint l = level + 1; l < G_N_ELEMENTS (picker_kinds); l++)
    picker_set_nodes (picker, l, NULL);
  if (id != 0 && level + 1 < G_N_ELEMENTS (picker_kinds))
    picker_set_nodes (picker, level + 1,
                      yishi_registry_children (picker->database, picker_kinds[level], id, NULL));
}

static void
on_picker_changed (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   YishiPlacePicker *picker)
{
  if (picker->filling || picker->database == NULL)
    return;
  for (guint level = 0; level < G_N_ELEMENTS (picker_kinds); level++)
    if (picker->rows[level] == row)
      picker_cascade (picker, level);
}

void
yishi_place_picker_init (YishiPlacePicker    *picker,
                         YishiDatabase       *database,
                         AdwPreferencesGroup *group)
{
  const char *titles[] = { _("_Grid"), _("_Building"), _("_Unit"), _("_Household") };

  picker->database = database;
  picker->depth = YISHI_NODE_HOUSEHOLD;
  for (guint level = 0; level < G_N_ELEMENTS (picker_kinds); level++)
    {
      picker->rows[level] =
        yishi_form_add_combo (group, titles[level],
                              G_LIST_MODEL (gtk_string_list_new (NULL)));
      g_signal_connect (picker->rows[level], "notify::selected", G_CALLBACK (on_picker_changed),
                        picker);
      picker_set_nodes (picker, level, NULL);
    }
  picker_set_nodes (picker, 0, yishi_registry_children (database, YISHI_NODE_COMMUNITY, 0, NULL));
}

void
yishi_place_picker_clear (YishiPlacePicker *picker)
{
  for (guint level = 0; level < G_N_ELEMENTS (picker_kinds); level++)
    {
      if (picker->rows[level] != NULL)
        g_signal_handlers_disconnect_by_data (picker->rows[level], picker);
      picker->rows[level] = NULL;
      g_clear_object (&picker->nodes[level]);
    }
  picker->database = NULL;
}

/* Shows the rows down to @depth; YISHI_NODE_COMMUNITY hides them all. */
void
yishi_place_picker_set_depth (YishiPlacePicker *picker,
                              YishiNodeKind     depth)
{
  int deepest = picker_level (depth);

  picker->depth = depth;
  for (guint level = 0; level < G_N_ELEMENTS (picker_kinds); level++)
    gtk_widget_set_visible (GTK_WIDGET (picker->rows[level]), (int)level <= deepest);
}

gint64
yishi_place_picker_get (YishiPlacePicker *picker)
{
  int level = picker_level (picker->depth);

  return level < 0 ? 0 : picker_selected_id (picker, level);
}

void
yishi_place_picker_select (YishiPlacePicker *picker,
                           YishiNodeKind     kind,
                           gint64            id)
{
  gint64 path[G_N_ELEMENTS (picker_kinds)] = { 0 };
  int level = picker_level (kind);

  /* Up from the node to its grid. */
  for (int l = level; l >= 0 && id != 0; l--)
    {
      g_autoptr (YishiRegistryNode) node = yishi_registry_node_load (picker->database,
                                                                     picker_kinds[l], id, NULL);

      if (node == NULL)
        return;
      path[l] = id;
      id = yishi_registry_node_get_parent_id (node);
    }
  /* Down again, row by row. */
  for (int l = 0; l <= level; l++)
    {
      guint n = picker->nodes[l] ? g_list_model_get_n_items (picker->nodes[l]) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (YishiRegistryNode) node = g_list_model_get_item (picker->nodes[l], i);

          if (yishi_registry_node_get_id (node) == path[l])
            {
              picker->filling = TRUE;
              adw_combo_row_set_selected (picker->rows[l], i + 1);
              picker->filling = FALSE;
              picker_cascade (picker, l);
              break;
            }
        }
    }
}

/* Small helpers -------------------------------------------------------------------------------- */

static GtkLabel *
add_error_label (AdwPreferencesGroup *group)
{
  GtkLabel *label = yishi_form_error_label_new ();

  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  adw_preferences_group_add (group, GTK_WIDGET (label));
  return label;
}

/* Removes @rows from the groups that hold them. */
static void
clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *label,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

/* Empty: TRUE with *@iso NULL; a date in any accepted form: its YYYY-MM-DD. */
static gboolean
optional_date (gpointer    editable,
               char      **iso,
               GError    **error)
{
  g_autofree char *text = yishi_form_text (editable);

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!yishi_date_repair (text, iso, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  return TRUE;
}

static AdwPreferencesGroup *
add_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (page), group);
  return ADW_PREFERENCES_GROUP (group);
}

/* Party ---------------------------------------------------------------------------------------- */

static const char *
selected_category (YishiPersonDialog *self)
{
  return yishi_person_dialog_enum_id_at (YISHI_ENUM_PARTY_CATEGORY,
                                         adw_combo_row_get_selected (self->category_row), TRUE);
}

static void
on_category_changed (YishiPersonDialog *self)
{
  const char *category = selected_category (self);
  gboolean member = category != NULL;
  gboolean in_service = g_strcmp0 (category, "in_service") == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_row), member);
  gtk_widget_set_sensitive (GTK_WIDGET (self->party_group_row), member);
  gtk_widget_set_sensitive (GTK_WIDGET (self->joined_row), member);
  gtk_widget_set_visible (GTK_WIDGET (self->employer_row), in_service);
  gtk_widget_set_visible (GTK_WIDGET (self->reported_row), in_service);
  gtk_widget_set_visible (self->posts_box,
                          in_service && self->detail != NULL && self->detail->membership != NULL);
}

static void
on_remove_post (GtkButton         *button,
                YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (button), "id");

  if (!yishi_registry_remove_post_claim (self->database, id, &error))
    {
      yishi_form_set_error (self->posts_error, error->message);
      return;
    }
  yishi_form_set_error (self->posts_error, NULL);
  if (yishi_person_dialog_reload_detail (self))
    yishi_person_pages_load (self, FALSE);
  yishi_person_dialog_toast (self, _("Post removed"));
}

static void
load_posts (YishiPersonDialog *self)
{
  YishiMembership *membership = self->detail ? self->detail->membership : NULL;
  guint n = membership && membership->posts ? membership->posts->len : 0;

  clear_rows (self->post_rows);
  for (guint i = 0; i < n; i++)
    {
      YishiPostClaim *claim = g_ptr_array_index (membership->posts, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row;
      GtkWidget *button;
      gint64 *id = g_new (gint64, 1);

      subtitle = claim->description && *claim->description
                 ? g_strdup_printf ("%s · %s", claim->description,
                                    claim->claimed_date ? claim->claimed_date : "")
                 : g_strdup (claim->claimed_date);
      row = info_row (yishi_enum_label (YISHI_ENUM_POST_KIND, claim->kind), subtitle);
      tooltip = g_strdup_printf (_("Remove “%s”"),
                                 yishi_enum_label (YISHI_ENUM_POST_KIND, claim->kind));
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      *id = claim->id;
      g_object_set_data_full (G_OBJECT (button), "id", id, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_post), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->posts_group, row);
      g_ptr_array_add (self->post_rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = info_row (_("No posts claimed yet"),
                                 _("In-service members claim at least two"));

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->posts_group, row);
      g_ptr_array_add (self->post_rows, row);
    }
}

static void
on_add_post (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  YishiMembership *membership = self->detail ? self->detail->membership : NULL;
  g_autofree char *description = yishi_form_text (self->post_description_row);
  g_autofree char *date = NULL;
  const char *kind =
    yishi_person_dialog_enum_id_at (YISHI_ENUM_POST_KIND,
                                    adw_combo_row_get_selected (self->post_kind_row), FALSE);

  if (membership == NULL)
    {
      yishi_form_set_error (self->posts_error, _("Save the membership first."));
      return;
    }
  if (!optional_date (self->post_date_row, &date, &error) ||
      yishi_registry_add_post_claim (self->database, membership->id, kind, description, date,
                                     &error) == 0)
    {
      yishi_form_set_error (self->posts_error, error->message);
      return;
    }
  yishi_form_set_error (self->posts_error, NULL);
  yishi_form_set_text (self->post_description_row, NULL);
  yishi_form_set_text (self->post_date_row, NULL);
  if (yishi_person_dialog_reload_detail (self))
    yishi_person_pages_load (self, FALSE);
  yishi_person_dialog_toast (self, _("Post claimed"));
}

static void
build_party (YishiPersonDialog *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  AdwPreferencesGroup *group;
  AdwViewStackPage *stack_page;

  group = add_group (page, _("Party Membership"), NULL);
  self->category_row =
    yishi_form_add_combo (group, _("_Category"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_PARTY_CATEGORY,
                                                          _("Not a party member")));
  g_signal_connect_swapped (self->category_row, "notify::selected",
                            G_CALLBACK (on_category_changed), self);
  self->branch_row = yishi_form_add_entry (group, _("_Branch (网格党支部)"));
  self->party_group_row = yishi_form_add_entry (group, _("Party _group (楼栋党小组)"));
  self->joined_row = yishi_form_add_entry (group, _("_Joined (YYYY-MM-DD)"));
  self->employer_row = yishi_form_add_entry (group, _("_Employer"));
  self->reported_row = yishi_form_add_entry (group,
                                             _("_Reported to the community (YYYY-MM-DD)"));
  self->central_switch =
    yishi_form_add_switch (group, _("Party-member _central household (党员中心户)"), NULL,
                           &self->central_row);

  self->posts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (page), self->posts_box);
  self->posts_group = add_group (self->posts_box, _("Claimed Posts"),
                                 _("The service posts an in-service member claimed in the "
                                   "community"));
  group = add_group (self->posts_box, NULL, NULL);
  self->post_kind_row =
    yishi_form_add_combo (group, _("_Kind of post"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_POST_KIND, NULL));
  self->post_description_row = yishi_form_add_entry (group, _("_What they offer"));
  self->post_date_row = yishi_form_add_entry (group,
                                              _("Claimed _on (YYYY-MM-DD, empty: today)"));
  g_signal_connect_swapped (row_button (GTK_WIDGET (self->post_date_row), _("C_laim"),
                                        _("Claim the post")),
                            "clicked", G_CALLBACK (on_add_post), self);
  self->posts_error = add_error_label (group);

  stack_page = adw_view_stack_add_titled (self->stack, yishi_form_scrolled_page (page),
                                          "party", _("Party"));
  adw_view_stack_page_set_icon_name (stack_page, "starred-symbolic");
}

static void
load_party_form (YishiPersonDialog *self)
{
  YishiMembership *membership = self->detail->membership;
  g_autofree char *home = NULL;

  adw_combo_row_set_selected (self->category_row,
                              membership
                                ? yishi_person_dialog_enum_position (YISHI_ENUM_PARTY_CATEGORY,
                                                                     membership->category, TRUE)
                                : 0);
  yishi_form_set_text (self->branch_row, membership ? membership->branch : NULL);
  yishi_form_set_text (self->party_group_row, membership ? membership->party_group : NULL);
  yishi_form_set_text (self->joined_row, membership ? membership->joined_date : NULL);
  yishi_form_set_text (self->employer_row, membership ? membership->employer : NULL);
  yishi_form_set_text (self->reported_row, membership ? membership->reported_date : NULL);
  gtk_switch_set_active (self->central_switch, self->detail->party_central);
  gtk_widget_set_sensitive (GTK_WIDGET (self->central_row), self->detail->household_id != 0);
  adw_action_row_set_subtitle (self->central_row,
                               self->detail->place ? self->detail->place
                                                   : _("No home recorded"));
  on_category_changed (self);
}

static gboolean
text_differs (gpointer    editable,
              const char *value)
{
  g_autofree char *text = yishi_form_text (editable);

  return g_strcmp0 (text, value ? value : "") != 0;
}

gboolean
yishi_person_pages_save (YishiPersonDialog  *self,
                         GError            **error)
{
  YishiMembership *membership;
  const char *category;

  if (self->detail == NULL || self->category_row == NULL)
    return TRUE;
  membership = self->detail->membership;
  category = selected_category (self);

  if (category == NULL && membership != NULL)
    {
      if (!yishi_registry_end_membership (self->database, membership->id, NULL, error))
        return FALSE;
    }
  else if (category != NULL &&
           (membership == NULL || g_strcmp0 (category, membership->category) != 0 ||
            text_differs (self->branch_row, membership->branch) ||
            text_differs (self->party_group_row, membership->party_group) ||
            text_differs (self->joined_row, membership->joined_date) ||
            text_differs (self->employer_row, membership->employer) ||
            text_differs (self->reported_row, membership->reported_date)))
    {
      YishiMembershipDraft draft = { 0 };
      g_autofree char *branch = yishi_form_text (self->branch_row);
      g_autofree char *party_group = yishi_form_text (self->party_group_row);
      g_autofree char *employer = yishi_form_text (self->employer_row);
      g_autofree char *joined = NULL;
      g_autofree char *reported = NULL;
      gboolean in_service = g_strcmp0 (category, "in_service") == 0;

      if (!optional_date (self->joined_row, &joined, error) ||
          (in_service && !optional_date (self->reported_row, &reported, error)))
        return FALSE;
      draft.category = category;
      draft.branch = branch;
      draft.party_group = party_group;
      draft.joined_date = joined;
      draft.employer = in_service ? employer : NULL;
      draft.reported_date = reported;
      if (yishi_registry_set_membership (self->database, self->person_id, &draft, error) == 0)
        return FALSE;
    }

  if (self->detail->household_id != 0 &&
      gtk_switch_get_active (self->central_switch) != self->detail->party_central &&
      !yishi_registry_set_party_central (self->database, self->detail->household_id,
                                         gtk_switch_get_active (self->central_switch), error))
    return FALSE;
  return TRUE;
}

/* Roles ---------------------------------------------------------------------------------------- */

static const char *
selected_role (YishiPersonDialog *self)
{
  return yishi_person_dialog_enum_id_at (YISHI_ENUM_ROLE,
                                         adw_combo_row_get_selected (self->role_row), FALSE);
}

/* The scope a role needs, or YISHI_NODE_COMMUNITY when it may have any. */
static YishiNodeKind
role_scope (const char *role)
{
  if (g_strcmp0 (role, "grid_leader") == 0 || g_strcmp0 (role, "grid_worker") == 0)
    return YISHI_NODE_GRID;
  if (g_strcmp0 (role, "building_leader") == 0)
    return YISHI_NODE_BUILDING;
  if (g_strcmp0 (role, "unit_leader") == 0)
    return YISHI_NODE_UNIT;
  return YISHI_NODE_COMMUNITY;
}

static const YishiNodeKind scope_kinds[] = {
  YISHI_NODE_COMMUNITY, YISHI_NODE_GRID, YISHI_NODE_BUILDING, YISHI_NODE_UNIT,
};

static void
on_role_changed (YishiPersonDialog *self)
{
  YishiNodeKind needed = role_scope (selected_role (self));
  guint scope = adw_combo_row_get_selected (self->scope_kind_row);
  gboolean any = needed == YISHI_NODE_COMMUNITY;

  gtk_widget_set_visible (GTK_WIDGET (self->scope_kind_row), any);
  if (any)
    needed = scope < G_N_ELEMENTS (scope_kinds) ? scope_kinds[scope] : YISHI_NODE_COMMUNITY;
  yishi_place_picker_set_depth (&self->role_picker, needed);
}

static void
on_end_role (GtkButton         *button,
             YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (button), "id");

  if (!yishi_registry_end_role (self->database, id, NULL, &error))
    {
      yishi_form_set_error (self->roles_error, error->message);
      return;
    }
  yishi_form_set_error (self->roles_error, NULL);
  if (yishi_person_dialog_reload_detail (self))
    yishi_person_pages_load (self, FALSE);
  yishi_person_dialog_toast (self, _("Role ended today"));
}

static void
load_roles (YishiPersonDialog *self)
{
  guint n_current = 0, n_past = 0;

  clear_rows (self->role_rows);
  for (guint i = 0; i < self->detail->roles->len; i++)
    {
      YishiRole *role = g_ptr_array_index (self->detail->roles, i);
      GString *subtitle = g_string_new (role->scope);
      GtkWidget *row;

      if (role->end_date != NULL)
        g_string_append_printf (subtitle, " · %s – %s", role->start_date, role->end_date);
      else
        /* Translators: holding a role since a date */
        g_string_append_printf (subtitle, " · %s", role->start_date);
      if (role->work_phone != NULL && *role->work_phone != '\0')
        g_string_append_printf (subtitle, " · ☎ %s", role->work_phone);
      row = info_row (yishi_enum_label (YISHI_ENUM_ROLE, role->role), subtitle->str);
      g_string_free (subtitle, TRUE);
      if (role->end_date == NULL)
        {
          GtkWidget *button = row_button (row, _("_End"), _("End the role today"));
          gint64 *id = g_new (gint64, 1);

          *id = role->id;
          g_object_set_data_full (G_OBJECT (button), "id", id, g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_end_role), self);
          adw_preferences_group_add (self->current_roles_group, row);
          n_current++;
        }
      else
        {
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (self->past_roles_group, row);
          n_past++;
        }
      g_ptr_array_add (self->role_rows, row);
    }
  if (n_current == 0)
    {
      GtkWidget *row = info_row (_("No current role"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->current_roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->past_roles_group), n_past > 0);
}

static void
on_add_role (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *phone = yishi_form_text (self->work_phone_row);
  g_autofree char *normalised = NULL;
  g_autofree char *start = NULL;
  YishiNodeKind kind = self->role_picker.depth;
  gint64 scope_id = 0;

  if (kind != YISHI_NODE_COMMUNITY)
    {
      scope_id = yishi_place_picker_get (&self->role_picker);
      if (scope_id == 0)
        {
          yishi_form_set_error (self->roles_error,
                                kind == YISHI_NODE_GRID
                                ? _("Choose the grid of the role.")
                                : kind == YISHI_NODE_BUILDING
                                ? _("Choose the building of the role.")
                                : _("Choose the unit of the role."));
          return;
        }
    }
  if ((*phone != '\0' && !yishi_phone_normalise (phone, &normalised, &error)) ||
      !optional_date (self->role_start_row, &start, &error) ||
      yishi_registry_add_role (self->database, self->person_id, selected_role (self), kind,
                               scope_id, normalised, start, &error) == 0)
    {
      yishi_form_set_error (self->roles_error, error->message);
      return;
    }
  yishi_form_set_error (self->roles_error, NULL);
  yishi_form_set_text (self->work_phone_row, NULL);
  if (yishi_person_dialog_reload_detail (self))
    yishi_person_pages_load (self, FALSE);
  yishi_person_dialog_toast (self, _("Role added"));
}

static void
build_roles (YishiPersonDialog *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autoptr (GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autofree char *today = yishi_clock_today ();
  AdwPreferencesGroup *group;
  AdwViewStackPage *stack_page;

  self->current_roles_group = add_group (page, _("Current Roles"), NULL);
  self->past_roles_group = add_group (page, _("Past Roles"), NULL);

  group = add_group (page, _("Add a Role"),
                     _("Grid leaders and workers hold a grid, building leaders a building, "
                       "unit leaders a unit; the other roles any scope."));
  self->role_row =
    yishi_form_add_combo (group, _("_Role"),
                          yishi_person_dialog_enum_model (YISHI_ENUM_ROLE, NULL));
  gtk_string_list_append (scopes, _("The whole community"));
  gtk_string_list_append (scopes, _("A grid"));
  gtk_string_list_append (scopes, _("A building"));
  gtk_string_list_append (scopes, _("A unit"));
  self->scope_kind_row = yishi_form_add_combo (group, _("_Scope"),
                                               G_LIST_MODEL (g_object_ref (scopes)));
  yishi_place_picker_init (&self->role_picker, self->database, group);
  self->work_phone_row = yishi_form_add_entry (group, _("_Work phone (published on the "
                                                        "contact board)"));
  adw_entry_row_set_input_purpose (self->work_phone_row, GTK_INPUT_PURPOSE_PHONE);
  self->role_start_row = yishi_form_add_entry (group, _("Since (_YYYY-MM-DD)"));
  yishi_form_set_text (self->role_start_row, today);
  g_signal_connect_swapped (row_button (GTK_WIDGET (self->role_start_row), _("_Add Role"), NULL),
                            "clicked", G_CALLBACK (on_add_role), self);
  self->roles_error = add_error_label (group);
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (on_role_changed),
                            self);
  g_signal_connect_swapped (self->scope_kind_row, "notify::selected",
                            G_CALLBACK (on_role_changed), self);
  on_role_changed (self);

  stack_page = adw_view_stack_add_titled (self->stack, yishi_form_scrolled_page (page),
                                          "roles", _("Roles"));
  adw_view_stack_page_set_icon_name (stack_page, "system-users-symbolic");
}

/* Points --------------------------------------------------------------------------------------- */

static void
points_done (YishiPersonDialog *self,
             const char        *message)
{
  yishi_form_set_error (self->points_error, NULL);
  if (yishi_person_dialog_reload_detail (self))
    yishi_person_pages_load (self, FALSE);
  yishi_person_dialog_toast (self, message);
}

static void
on_record (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = yishi_form_text (self->service_description_row);
  g_autofree char *message = NULL;
  guint position = adw_combo_row_get_selected (self->rule_row);
  YishiPointsRule *rule;
  double points = 0;

  if (self->rules == NULL || position >= self->rules->len)
    {
      yishi_form_set_error (self->points_error, _("Choose a points rule."));
      return;
    }
  rule = g_ptr_array_index (self->rules, position);
  gtk_spin_button_update (self->hours_spin);
  if (yishi_points_record (self->database, self->person_id, rule->id,
                           gtk_spin_button_get_value (self->hours_spin), description, NULL,
                           &points, &error) == 0)
    {
      yishi_form_set_error (self->points_error, error->message);
      return;
    }
  yishi_form_set_text (self->service_description_row, NULL);
  /* Translators: the points a service record earned */
  message = g_strdup_printf (_("%g points recorded"), points);
  points_done (self, message);
}

static void
on_redeem (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = yishi_form_text (self->redeem_description_row);

  gtk_spin_button_update (self->redeem_spin);
  if (yishi_points_redeem (self->database, self->person_id,
                           gtk_spin_button_get_value (self->redeem_spin), description, NULL,
                           &error) == 0)
    {
      yishi_form_set_error (self->points_error, error->message);
      return;
    }
  yishi_form_set_text (self->redeem_description_row, NULL);
  points_done (self, _("Points redeemed"));
}

static void
on_adjust (YishiPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = yishi_form_text (self->adjust_reason_row);

  gtk_spin_button_update (self->adjust_spin);
  if (yishi_points_adjust (self->database, self->person_id,
                           gtk_spin_button_get_value (self->adjust_spin), reason, NULL,
                           &error) == 0)
    {
      yishi_form_set_error (self->points_error, error->message);
      return;
    }
  yishi_form_set_text (self->adjust_reason_row, NULL);
  points_done (self, _("Balance adjusted"));
}

static GtkSpinButton *
add_spin (GtkWidget  *expander,
          const char *title,
          double      min,
          double      max,
          double      step,
          double      value)
{
  GtkWidget *row;
  GtkSpinButton *spin = yishi_form_spin_row_new (title, min, max, step, &row);

  gtk_spin_button_set_value (spin, value);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return spin;
}

static AdwEntryRow *
add_expander_entry (GtkWidget  *expander,
                    const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
add_expander (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_preferences_group_add (group, expander);
  return expander;
}

static void
build_points (YishiPersonDialog *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autoptr (GtkStringList) rule_names = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  AdwViewStackPage *stack_page;
  GtkWidget *expander;
  GtkWidget *label;
  GtkWidget *row;

  group = add_group (page, NULL, NULL);
  row = adw_action_row_new ();
  self->balance_row = ADW_ACTION_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Balance"));
  label = gtk_label_new (NULL);
  self->balance_label = GTK_LABEL (label);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "accent");
  adw_action_row_add_suffix (self->balance_row, label);
  adw_preferences_group_add (group, row);

  group = add_group (page, _("New Entry"), NULL);
  self->rules = yishi_points_list_rules (self->database, TRUE, NULL);
  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    gtk_string_list_append (rule_names,
                            ((YishiPointsRule *)g_ptr_array_index (self->rules, i))->name);
  expander = add_expander (group, _("Record _Service"), _("Points from the hours, by a rule"));
  row = adw_combo_row_new ();
  self->rule_row = ADW_COMBO_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Rule"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rule_names));
  gtk_widget_set_sensitive (row, self->rules != NULL && self->rules->len > 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  self->hours_spin = add_spin (expander, _("_Hours"), 0.5, 24, 0.5, 1);
  self->service_description_row = add_expander_entry (expander, _("_What they did"));
  g_signal_connect_swapped (row_button (GTK_WIDGET (self->service_description_row), _("Re_cord"),
                                        NULL),
                            "clicked", G_CALLBACK (on_record), self);

  expander = add_expander (group, _("_Redeem Points"), _("For a service or goods"));
  self->redeem_spin = add_spin (expander, _("_Points"), 1, 100000, 1, 10);
  self->redeem_description_row = add_expander_entry (expander, _("_For what"));
  g_signal_connect_swapped (row_button (GTK_WIDGET (self->redeem_description_row),
                                        _("Rede_em"), NULL),
                            "clicked", G_CALLBACK (on_redeem), self);

  expander = add_expander (group, _("_Adjust Balance"), _("A correction, with its reason"));
  self->adjust_spin = add_spin (expander, _("_Points (negative to take away)"), -100000, 100000, 1,
                                0);
  self->adjust_reason_row = add_expander_entry (expander, _("_Reason"));
  g_signal_connect_swapped (row_button (GTK_WIDGET (self->adjust_reason_row), _("Ad_just"), NULL),
                            "clicked", G_CALLBACK (on_adjust), self);
  self->points_error = add_error_label (group);

  self->entries_group = add_group (page, _("Entries"), _("Newest first"));

  stack_page = adw_view_stack_add_titled (self->stack, yishi_form_scrolled_page (page),
                                          "points", _("Points"));
  adw_view_stack_page_set_icon_name (stack_page, "emblem-favorite-symbolic");
}

static void
load_points (YishiPersonDialog *self)
{
  g_autoptr (GPtrArray) entries = yishi_points_entries (self->database, self->person_id, NULL);
  g_autofree char *balance = g_strdup_printf ("%g", self->detail->points_balance);
  g_autofree char *level = yishi_points_level_for (self->database, self->detail->points_balance);
  guint n = entries ? MIN (entries->len, N_ENTRIES_SHOWN) : 0;

  gtk_label_set_text (self->balance_label, balance);
  adw_action_row_set_subtitle (self->balance_row, level ? level : _("No level reached yet"));

  clear_rows (self->entry_rows);
  for (guint i = 0; i < n; i++)
    {
      YishiPointsEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = yishi_clock_format_local (entry->at, "%Y-%m-%d %H:%M");
      GString *title = g_string_new (NULL);
      GString *subtitle = g_string_new (when ? when : entry->at);
      GtkWidget *row;

      g_string_append_printf (title, "%+g · %s", entry->points,
                              yishi_enum_label (YISHI_ENUM_POINTS_KIND, entry->kind));
      if (entry->rule != NULL)
        g_string_append_printf (title, " · %s", entry->rule);
      if (entry->hours > 0)
        /* Translators: hours of service */
        g_string_append_printf (subtitle, _(" · %g h"), entry->hours);
      if (entry->description != NULL && *entry->description != '\0')
        g_string_append_printf (subtitle, " · %s", entry->description);
      row = info_row (title->str, subtitle->str);
      g_string_free (title, TRUE);
      g_string_free (subtitle, TRUE);
      adw_preferences_group_add (self->entries_group, row);
      g_ptr_array_add (self->entry_rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = info_row (_("No entries yet"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->entries_group, row);
      g_ptr_array_add (self->entry_rows, row);
    }
}

/* The pages ------------------------------------------------------------------------------------ */

void
yishi_person_pages_build (YishiPersonDialog *self)
{
  build_party (self);
  build_roles (self);
  build_points (self);
}

void
yishi_person_pages_load (YishiPersonDialog *self,
                         gboolean           with_form)
{
  if (self->detail == NULL || self->category_row == NULL)
    return;
  if (with_form)
    load_party_form (self);
  else
    on_category_changed (self);
  load_posts (self);
  load_roles (self);
  load_points (self);
}

void
yishi_person_pages_dispose (YishiPersonDialog *self)
{
  yishi_place_picker_clear (&self->role_picker);
}
