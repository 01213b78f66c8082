/* yishi-issue-detail.c
 *
 * The selected matter beside the ledger: its fields, one button for each step the
 * state machine allows from its state, and its timeline (newest first). Steps open a
 * YishiStepDialog, which writes through the store; the pane shows what the store
 * loads and never changes anything itself.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-calendar.h"
#include "yishi-clock.h"
#include "yishi-enums.h"
#include "yishi-issue-machine.h"

#include "yishi-issue-detail.h"

#define STEPS_PER_ROW 2

struct _YishiIssueDetailPane
{
  AdwBin parent_instance;

  YishiDatabase *database;
  gint64 id;
  YishiIssueDetail *detail;
  GPtrArray *steps; /* char *, the steps the buttons offer */

  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkScrolledWindow *scrolled;
  GtkLabel *serial_label;
  GtkLabel *state_label;
  GtkLabel *urgency_label;
  GtkLabel *title_label;
  GtkLabel *content_label;
  GtkBox *steps_box;
  GtkGrid *fields_grid;
  GtkListBox *timeline_list;
  guint n_fields;
};

enum
{
  STEP_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiIssueDetailPane, yishi_issue_detail_pane, ADW_TYPE_BIN)

static const struct
{
  const char *kind;
  const char *label;
} event_kinds[] = {
  { "receive", N_("Received") },       { "triage", N_("Triaged") },
  { "dispatch", N_("Dispatched") },    { "handle", N_("Work started") },
  { "answer", N_("Answered") },        { "chase", N_("Chased") },
  { "to_meeting", N_("Sent to a meeting") }, { "publicise", N_("Publicised") },
  { "progress", N_("Being implemented") }, { "visit", N_("Followed up") },
  { "evaluate", N_("Satisfaction") },  { "close", N_("Closed") },
  { "reopen", N_("Reopened") },        { "reject", N_("Not accepted") },
  { "merge", N_("Merged") },           { "note", N_("Note") },
};

static const char *
event_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    if (g_strcmp0 (event_kinds[i].kind, kind) == 0)
      return _(event_kinds[i].label);
  return kind ? kind : "";
}

static char *
local_time (const char *utc,
            const char *format)
{
  g_autoptr (GDateTime) when = utc ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (utc ? utc : "");
  local = g_date_time_to_local (when);
  return g_date_time_format (local, format);
}

/* Fields --------------------------------------------------------------------------- */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

static GtkLabel *
add_field (YishiIssueDetailPane *self,
           const char           *key,
           const char           *value)
{
  GtkWidget *key_label, *value_label;

  if (value == NULL || *value == '\0')
    return NULL;

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0);
  gtk_widget_add_css_class (key_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  key_label, NULL, -1);

  gtk_grid_attach (self->fields_grid, key_label, 0, (int)self->n_fields, 1, 1);
  gtk_grid_attach (self->fields_grid, value_label, 1, (int)self->n_fields, 1, 1);
  self->n_fields++;
  return GTK_LABEL (value_label);
}

static char *
requesters_text (const YishiIssueDetail *detail)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (detail->anonymous)
    g_string_append (text, _("Anonymous"));
  for (guint i = 0; detail->requesters != NULL && i < detail->requesters->len; i++)
    {
      const char *requester = g_ptr_array_index (detail->requesters, i);

      if (*requester == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, requester);
    }
  if (text->len == 0 && detail->requester_name != NULL)
    g_string_append_printf (text, "%s %s", detail->requester_name,
                            detail->requester_phone ? detail->requester_phone : "");
  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

static void
add_deadline (YishiIssueDetailPane   *self,
              const YishiIssueDetail *detail)
{
  g_autoptr (YishiCalendar) calendar = NULL;
  g_autofree char *today = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *text = NULL;
  GtkLabel *label;
  const char *style = NULL;

  if (detail->deadline == NULL)
    return;
  if (yishi_issue_state_is_open (detail->state))
    {
      today = yishi_clock_today ();
      calendar = yishi_calendar_load (self->database, NULL);
      soon = calendar ? yishi_calendar_add_working_days (calendar, today, 2) : g_strdup (today);
      if (g_strcmp0 (detail->deadline, today) < 0)
        {
          /* Translators: a deadline, e.g. "2026-11-20 · overdue" */
          text = g_strdup_printf (_("%s · overdue"), detail->deadline);
          style = "yishi-overdue";
        }
      else if (g_strcmp0 (detail->deadline, soon) <= 0)
        {
          /* Translators: a deadline, e.g. "2026-12-02 · due soon" */
          text = g_strdup_printf (_("%s · due soon"), detail->deadline);
          style = "yishi-due-soon";
        }
    }
  label = add_field (self, _("Deadline"), text ? text : detail->deadline);
  if (label != NULL && style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
}

static void
fill_fields (YishiIssueDetailPane   *self,
             const YishiIssueDetail *detail)
{
  g_autofree char *received = local_time (detail->received_at, "%Y-%m-%d %H:%M");
  g_autofree char *closed = detail->closed_at ? local_time (detail->closed_at, "%Y-%m-%d %H:%M") : NULL;
  g_autofree char *requesters = requesters_text (detail);
  g_autofree char *channel = NULL;

  clear_box (GTK_WIDGET (self->fields_grid));
  self->n_fields = 0;

  channel = g_strdup_printf ("%s · %s", received, yishi_enum_label (YISHI_ENUM_CHANNEL, detail->channel));
  add_field (self, C_("matter field", "Received"), channel);
  add_field (self, _("Requester"), requesters);
  add_field (self, _("Place"), detail->place);
  add_field (self, _("Category"), detail->category);
  add_field (self, _("Kind"), yishi_enum_label (YISHI_ENUM_ISSUE_KIND, detail->kind));
  add_field (self, _("Scale"), yishi_enum_label (YISHI_ENUM_SCALE, detail->scale));
  add_field (self, _("Route"), yishi_enum_label (YISHI_ENUM_ROUTE, detail->route));
  add_field (self, _("Responsible"), detail->responsible);
  add_deadline (self, detail);
  if (detail->rating != NULL)
    add_field (self, _("Satisfaction"), yishi_enum_label (YISHI_ENUM_SATISFACTION, detail->rating));
  add_field (self, _("Not accepted because"), detail->rejection_reason);
  add_field (self, _("Merged into"), detail->merged_into);
  add_field (self, _("Closed"), closed);
}

/* Steps ---------------------------------------------------------------------------- */

static void
add_step_button (YishiIssueDetailPane *self,
                 GtkWidget           **row,
                 const char           *step,
                 const char           *label,
                 const char           *style)
{
  GtkWidget *button;

  /* Rows of STEPS_PER_ROW buttons of equal width. */
  if (self->steps->len % STEPS_PER_ROW == 0)
    {
      *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_set_homogeneous (GTK_BOX (*row), TRUE);
      gtk_box_append (self->steps_box, *row);
    }

  button = gtk_button_new_with_label (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", step);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (button, label);
  gtk_box_append (GTK_BOX (*row), button);
  g_ptr_array_add (self->steps, g_strdup (step));
}

static void
fill_steps (YishiIssueDetailPane   *self,
            const YishiIssueDetail *detail)
{
  const char *const *next = yishi_issue_machine_next (detail->state);
  GtkWidget *row = NULL;

  clear_box (GTK_WIDGET (self->steps_box));
  g_ptr_array_set_size (self->steps, 0);

  for (guint i = 0; next[i] != NULL; i++)
    add_step_button (self, &row, next[i], yishi_issue_machine_step_label (next[i]),
                     i == 0 ? "suggested-action" : NULL);
  /* 督办: for matters someone is working on. */
  if (yishi_issue_state_is_open (detail->state) && g_strcmp0 (detail->state, "received") != 0)
    add_step_button (self, &row, YISHI_STEP_CHASE, _("Chase…"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), self->steps->len > 0);
}

/* Timeline ------------------------------------------------------------------------- */

static GtkWidget *
event_row (const YishiIssueEvent *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind = gtk_label_new (event_kind_label (event->kind));
  g_autofree char *at = local_time (event->at, "%Y-%m-%d %H:%M");
  GtkWidget *when = gtk_label_new (at);
  g_autoptr (GString) meta = g_string_new (event->actor);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_widget_add_css_class (kind, "heading");
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "numeric");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), when);
  gtk_box_append (GTK_BOX (box), top);

  if (event->from_state != NULL && event->to_state != NULL)
    g_string_append_printf (meta, "%s%s → %s", meta->len ? " · " : "",
                            yishi_enum_label (YISHI_ENUM_ISSUE_STATE, event->from_state),
                            yishi_enum_label (YISHI_ENUM_ISSUE_STATE, event->to_state));
  if (meta->len > 0)
    {
      GtkWidget *label = gtk_label_new (meta->str);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (event->note != NULL && *event->note != '\0')
    {
      GtkWidget *note = gtk_label_new (event->note);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
fill_timeline (YishiIssueDetailPane   *self,
               const YishiIssueDetail *detail)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
  for (guint i = detail->events->len; i > 0; i--)
    gtk_list_box_append (self->timeline_list, event_row (g_ptr_array_index (detail->events, i - 1)));
}

/* Loading -------------------------------------------------------------------------- */

static void
show_detail (YishiIssueDetailPane *self)
{
  const YishiIssueDetail *detail = self->detail;
  const char *urgency = detail->urgency ? detail->urgency : "blue";
  static const char *const urgency_styles[] = { "yishi-urgency-red", "yishi-urgency-yellow", "yishi-urgency-blue" };

  gtk_label_set_text (self->serial_label, detail->serial);
  gtk_label_set_text (self->state_label, yishi_enum_label (YISHI_ENUM_ISSUE_STATE, detail->state));
  gtk_label_set_text (self->urgency_label, yishi_enum_label (YISHI_ENUM_URGENCY, urgency));
  for (guint i = 0; i < G_N_ELEMENTS (urgency_styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->urgency_label), urgency_styles[i]);
  if (g_str_equal (urgency, "red"))
    gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), urgency_styles[0]);
  else if (g_str_equal (urgency, "yellow"))
    gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), urgency_styles[1]);
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), urgency_styles[2]);

  gtk_label_set_text (self->title_label, detail->title);
  gtk_label_set_text (self->content_label, detail->content ? detail->content : "");
  gtk_widget_set_visible (GTK_WIDGET (self->content_label), detail->content && *detail->content);

  fill_steps (self, detail);
  fill_fields (self, detail);
  fill_timeline (self, detail);
  gtk_stack_set_visible_child_name (self->stack, "matter");
}

/**
 * yishi_issue_detail_pane_reload:
 *
 * Loads the matter again (after a change), keeping the scroll position.
 */
void
yishi_issue_detail_pane_reload (YishiIssueDetailPane *self)
{
  g_autoptr (GError) error = NULL;
  YishiIssueDetail *detail;

  g_return_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self));

  if (self->id == 0 || self->database == NULL)
    {
      g_clear_pointer (&self->detail, yishi_issue_detail_free);
      g_ptr_array_set_size (self->steps, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  detail = yishi_issue_store_load (self->database, self->id, &error);
  g_clear_pointer (&self->detail, yishi_issue_detail_free);
  self->detail = detail;
  g_ptr_array_set_size (self->steps, 0);
  if (detail == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (detail->deleted)
    {
      self->id = 0;
      g_clear_pointer (&self->detail, yishi_issue_detail_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_detail (self);
}

void
yishi_issue_detail_pane_show_issue (YishiIssueDetailPane *self,
                                    gint64                id)
{
  g_return_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self));

  if (id != self->id)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

      self->id = id;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  yishi_issue_detail_pane_reload (self);
}

void
yishi_issue_detail_pane_set_database (YishiIssueDetailPane *self,
                                      YishiDatabase        *database)
{
  g_return_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self));
  g_return_if_fail (database == NULL || YISHI_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  self->id = 0;
  yishi_issue_detail_pane_reload (self);
}

gint64
yishi_issue_detail_pane_get_issue_id (YishiIssueDetailPane *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self), 0);
  return self->detail ? self->id : 0;
}

/* Returns: (nullable): the matter shown */
const YishiIssueDetail *
yishi_issue_detail_pane_get_detail (YishiIssueDetailPane *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self), NULL);
  return self->detail;
}

/* Returns: (nullable): the serial the pane shows */
const char *
yishi_issue_detail_pane_get_serial (YishiIssueDetailPane *self)
{
  g_return_val_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self), NULL);

  if (self->detail == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->serial_label)))
    return NULL;
  return gtk_label_get_text (self->serial_label);
}

guint
yishi_issue_detail_pane_get_n_events (YishiIssueDetailPane *self)
{
  GtkWidget *child;
  guint n = 0;

  g_return_val_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self), 0);

  if (self->detail == NULL)
    return 0;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

/* Returns: (transfer full): the steps the pane offers, in button order */
char **
yishi_issue_detail_pane_get_steps (YishiIssueDetailPane *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **steps;

  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->steps, i));
  steps = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return steps;
}

static void
on_step_applied (YishiStepDialog      *dialog,
                 gint64                id,
                 const char           *step,
                 gint64                other_id,
                 YishiIssueDetailPane *self)
{
  if (id == self->id)
    yishi_issue_detail_pane_reload (self);
  g_signal_emit (self, signals[STEP_APPLIED], 0, id, step, other_id);
}

/**
 * yishi_issue_detail_pane_begin_step:
 * @step: one of yishi_issue_detail_pane_get_steps ()
 *
 * Opens the dialog for @step on the matter shown.
 *
 * Returns: (transfer none) (nullable): the dialog, owned by the window list
 */
YishiStepDialog *
yishi_issue_detail_pane_begin_step (YishiIssueDetailPane *self,
                                    const char           *step)
{
  YishiStepDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self), NULL);

  if (self->detail == NULL || step == NULL ||
      !g_ptr_array_find_with_equal_func (self->steps, step, g_str_equal, NULL))
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = yishi_step_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                  self->detail, step);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_step_applied), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * yishi_issue_detail_pane_focus:
 *
 * Moves the keyboard focus into the pane: to the first step, when there is one.
 */
void
yishi_issue_detail_pane_focus (YishiIssueDetailPane *self)
{
  GtkWidget *row;

  g_return_if_fail (YISHI_IS_ISSUE_DETAIL_PANE (self));

  row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
  if (row != NULL && gtk_widget_get_first_child (row) != NULL &&
      gtk_widget_grab_focus (gtk_widget_get_first_child (row)))
    return;
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  yishi_issue_detail_pane_begin_step (YISHI_ISSUE_DETAIL_PANE (widget), g_variant_get_string (parameter, NULL));
}

/* GObject -------------------------------------------------------------------------- */

static void
yishi_issue_detail_pane_dispose (GObject *object)
{
  YishiIssueDetailPane *self = YISHI_ISSUE_DETAIL_PANE (object);

  g_clear_object (&self->database);
  /* The template's child is AdwBin's: let AdwBin drop it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_ISSUE_DETAIL_PANE);

  G_OBJECT_CLASS (yishi_issue_detail_pane_parent_class)->dispose (object);
}

static void
yishi_issue_detail_pane_finalize (GObject *object)
{
  YishiIssueDetailPane *self = YISHI_ISSUE_DETAIL_PANE (object);

  g_clear_pointer (&self->detail, yishi_issue_detail_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_issue_detail_pane_parent_class)->finalize (object);
}

static void
yishi_issue_detail_pane_class_init (YishiIssueDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_issue_detail_pane_dispose;
  object_class->finalize = yishi_issue_detail_pane_finalize;

  /**
   * YishiIssueDetailPane::step-applied:
   * @id: the matter
   * @step: the step taken (a state, or %YISHI_STEP_CHASE)
   * @other_id: the matter merged into, or 0
   */
  signals[STEP_APPLIED] = g_signal_new ("step-applied",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Yishi/ledger/yishi-issue-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, serial_label);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, state_label);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, urgency_label);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, content_label);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, steps_box);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, YishiIssueDetailPane, timeline_list);

  gtk_widget_class_install_action (widget_class, "detail.step", "s", step_action);
  /* Back to the list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "ledger.focus-list", NULL);

  gtk_widget_class_set_css_name (widget_class, "yishi-issue-detail");
}

static void
yishi_issue_detail_pane_init (YishiIssueDetailPane *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
yishi_issue_detail_pane_new (void)
{
  return g_object_new (YISHI_TYPE_ISSUE_DETAIL_PANE, NULL);
}
