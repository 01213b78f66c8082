/* yishi-panel.c
 *
 * A panel shows a row of figures (big number, caption) and lists of items; subclasses
 * fill them in reload () from core summaries, and the panel reloads when one of its
 * tables changes. Views never run SQL: the figures come from src/core.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-panel.h"

/* Longer than the toast overlay's show animation. */
#define SHOW_ANIMATION_MS 600

typedef struct
{
  YishiDatabase *database;
  gulong changed_id;
  guint reload_source;

  GtkWidget *content;  /* vertical box in a clamp */
  GtkWidget *figures;  /* GtkFlowBox */
  GtkWidget *error;    /* AdwStatusPage shown when loading failed */
  GtkWidget *stack;
  gboolean stale;          /* changed while hidden: reload when shown */
  gboolean custom_layout;  /* yishi_panel_set_content () replaced the column */
  GPtrArray *figure_values;
  GPtrArray *figure_captions;
  guint n_rows;
} YishiPanelPrivate;

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void yishi_panel_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (YishiPanel, yishi_panel, ADW_TYPE_BIN,
                                  G_ADD_PRIVATE (YishiPanel)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, yishi_panel_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
clear_content (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  GtkWidget *child;

  g_ptr_array_set_size (priv->figure_values, 0);
  g_ptr_array_set_size (priv->figure_captions, 0);
  priv->n_rows = 0;
  if (priv->custom_layout)
    return;

  while ((child = gtk_widget_get_first_child (priv->content)) != NULL)
    gtk_box_remove (GTK_BOX (priv->content), child);

  priv->figures = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (priv->figures), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (priv->figures), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (priv->figures), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (priv->figures), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (priv->figures), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (priv->figures), 12);
  gtk_box_append (GTK_BOX (priv->content), priv->figures);
}

void
yishi_panel_reload (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  g_autoptr (YishiSummary) summary = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (YISHI_IS_PANEL (self));

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  /* A hidden panel reads nothing: on a district's file each summary takes a second. */
  if (priv->database != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  clear_content (self);
  if (priv->database == NULL)
    return;

  if (YISHI_PANEL_GET_CLASS (self)->skip_summary)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (priv->stack), "content");
      YISHI_PANEL_GET_CLASS (self)->reload (self, priv->database, NULL);
      return;
    }
  summary = yishi_summary_load (priv->database, &error);
  if (summary == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (priv->error), error->message);
      gtk_stack_set_visible_child (GTK_STACK (priv->stack), priv->error);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (priv->stack), "content");
  YISHI_PANEL_GET_CLASS (self)->reload (self, priv->database, summary);
}

static gboolean
reload_idle (gpointer data)
{
  YishiPanel *self = data;
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  priv->reload_source = 0;
  yishi_panel_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed (YishiDatabase *database,
                     const char    *table,
                     YishiPanel    *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  const char *const *tables = YISHI_PANEL_GET_CLASS (self)->tables;

  if (table != NULL && tables != NULL && !g_strv_contains (tables, table))
    return;
  /* Several writes in a row reload once. */
  if (priv->reload_source == 0)
    priv->reload_source = g_idle_add (reload_idle, self);
}

void
yishi_panel_set_database (YishiPanel    *self,
                          YishiDatabase *database)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  g_return_if_fail (YISHI_IS_PANEL (self));
  g_return_if_fail (database == NULL || YISHI_IS_DATABASE (database));

  if (priv->database == database)
    return;

  if (priv->database != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->database);
  g_set_object (&priv->database, database);
  if (database != NULL)
    priv->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed), self);

  yishi_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

YishiDatabase *
yishi_panel_get_database (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  g_return_val_if_fail (YISHI_IS_PANEL (self), NULL);
  return priv->database;
}

void
yishi_panel_add_figure (YishiPanel *self,
                        const char *value,
                        const char *caption,
                        const char *style)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  GtkWidget *card, *number, *label;

  g_ptr_array_add (priv->figure_values, g_strdup (value));
  g_ptr_array_add (priv->figure_captions, g_strdup (caption));
  if (priv->custom_layout)
    return;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  number = gtk_label_new (value);
  label = gtk_label_new (caption);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "yishi-figure");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  if (style != NULL && *style != '\0')
    gtk_widget_add_css_class (number, style);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), label);
  gtk_flow_box_append (GTK_FLOW_BOX (priv->figures), card);
}

void
yishi_panel_add_count (YishiPanel *self,
                       gint64      count,
                       const char *caption,
                       const char *style)
{
  g_autofree char *text = g_strdup_printf ("%'lld", (long long)count);

  yishi_panel_add_figure (self, text, caption, count > 0 ? style : NULL);
}

void
yishi_panel_add_rate (YishiPanel *self,
                      gint64      part,
                      gint64      whole,
                      const char *caption)
{
  g_autofree char *text = NULL;

  if (whole > 0)
    text = g_strdup_printf ("%.1f%%", 100.0 * yishi_summary_rate (part, whole));
  else
    text = g_strdup ("—");
  yishi_panel_add_figure (self, text, caption, NULL);
}

void
yishi_panel_add_list (YishiPanel *self,
                      const char *title,
                      GPtrArray  *items,
                      const char *empty_text)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  GtkWidget *group;

  if (priv->custom_layout)
    {
      priv->n_rows += items != NULL ? items->len : 0;
      return;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  if (items == NULL || items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty_text);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    for (guint i = 0; i < items->len; i++)
      {
        YishiSummaryItem *item = g_ptr_array_index (items, i);
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *badge = gtk_label_new (item->badge);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
        gtk_widget_add_css_class (badge, "yishi-badge");
        if (item->style != NULL && *item->style != '\0')
          gtk_widget_add_css_class (badge, item->style);
        gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        priv->n_rows++;
      }

  gtk_box_append (GTK_BOX (priv->content), group);
}

/**
 * yishi_panel_set_content:
 * @content: the panel's own layout, such as a full-height list
 *
 * For subclasses: replaces the scrolled column of figure cards and lists with @content.
 * Figures and lists added afterwards are still recorded (yishi_panel_get_figure (),
 * yishi_panel_get_n_rows ()) but not shown: the subclass shows what it needs itself.
 */
void
yishi_panel_set_content (YishiPanel *self,
                         GtkWidget  *content)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  GtkWidget *old;

  g_return_if_fail (YISHI_IS_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (content));

  old = gtk_stack_get_child_by_name (GTK_STACK (priv->stack), "content");
  priv->custom_layout = TRUE;
  priv->content = NULL;
  priv->figures = NULL;
  if (old != NULL)
    gtk_stack_remove (GTK_STACK (priv->stack), old);
  gtk_stack_add_named (GTK_STACK (priv->stack), content, "content");
  gtk_stack_set_visible_child (GTK_STACK (priv->stack), content);
}

guint
yishi_panel_get_n_figures (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  return priv->figure_values->len;
}

const char *
yishi_panel_get_figure (YishiPanel  *self,
                        guint        index,
                        const char **caption)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  g_return_val_if_fail (index < priv->figure_values->len, NULL);
  if (caption != NULL)
    *caption = g_ptr_array_index (priv->figure_captions, index);
  return g_ptr_array_index (priv->figure_values, index);
}

guint
yishi_panel_get_n_rows (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  return priv->n_rows;
}

/* Toasts ------------------------------------------------------------------------- */

/**
 * yishi_panel_add_toast:
 * @toast: (transfer full): the toast
 *
 * For subclasses: shows @toast in the window's toast overlay (dropped when the panel
 * is in none).
 */
void
yishi_panel_add_toast (YishiPanel *self,
                       AdwToast   *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (YISHI_IS_PANEL (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* For subclasses: @text in a toast for five seconds (a refusal, a result). */
void
yishi_panel_show_message (YishiPanel *self,
                          const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  yishi_panel_add_toast (self, toast);
}

/**
 * yishi_panel_show_undo_toast:
 * @undo_toast: (inout): the subclass's weak pointer to its undo toast
 * @on_undo: the toast's "button-clicked" handler, with the panel as its data
 * @on_dismissed: the toast's "dismissed" handler, with the panel as its data
 *
 * For subclasses: dismisses the undo toast in *@undo_toast, if any, and shows @text in
 * a new one with an Undo button, before other toasts and for eight seconds, which
 * *@undo_toast then points to (weakly).
 */
void
yishi_panel_show_undo_toast (YishiPanel  *self,
                             const char  *text,
                             AdwToast   **undo_toast,
                             GCallback    on_undo,
                             GCallback    on_dismissed)
{
  AdwToast *toast;

  g_return_if_fail (YISHI_IS_PANEL (self));
  g_return_if_fail (undo_toast != NULL);

  toast = adw_toast_new (text);
  yishi_panel_dismiss_undo_toast (self, undo_toast);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_object (toast, "button-clicked", on_undo, self, 0);
  g_signal_connect_object (toast, "dismissed", on_dismissed, self, 0);
  g_set_weak_pointer (undo_toast, toast);
  g_object_set_data (G_OBJECT (toast), "yishi-shown-at",
                     GSIZE_TO_POINTER ((gsize)(g_get_monotonic_time () / 1000)));
  yishi_panel_add_toast (self, toast);
}

static gboolean
dismiss_later (gpointer data)
{
  adw_toast_dismiss (ADW_TOAST (data));
  return G_SOURCE_REMOVE;
}

/* For subclasses: dismisses the undo toast in *@undo_toast, if any, after clearing
 * the pointer (its "dismissed" handler then sees another toast). */
void
yishi_panel_dismiss_undo_toast (YishiPanel  *self,
                                AdwToast   **undo_toast)
{
  g_return_if_fail (YISHI_IS_PANEL (self));

  if (*undo_toast != NULL)
    {
      AdwToast *toast = *undo_toast;

      gint64 shown_ms = (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast),
                                                                      "yishi-shown-at"));
      gint64 age_ms = g_get_monotonic_time () / 1000 - shown_ms;

      g_clear_weak_pointer (undo_toast);
      /* libadwaita 1.2's overlay can free a toast twice when it is dismissed while its
       * show animation still runs (an undo right after a deletion): wait it out. */
      if (age_ms >= 0 && age_ms < SHOW_ANIMATION_MS)
        g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)(SHOW_ANIMATION_MS - age_ms),
                            dismiss_later, g_object_ref (toast), g_object_unref);
      else
        adw_toast_dismiss (toast);
    }
}

/* For subclasses, on dispose: the undo toast in *@undo_toast, which may outlive the
 * panel, no longer calls it back. */
void
yishi_panel_release_undo_toast (YishiPanel  *self,
                                AdwToast   **undo_toast)
{
  g_return_if_fail (YISHI_IS_PANEL (self));

  if (*undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (*undo_toast, self);
      g_clear_weak_pointer (undo_toast);
    }
}

/* A <child> in a subclass's template is its own layout (yishi_panel_set_content ()). */
static void
yishi_panel_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  if (type == NULL && GTK_IS_WIDGET (child))
    yishi_panel_set_content (YISHI_PANEL (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
yishi_panel_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = yishi_panel_buildable_add_child;
}

static void
yishi_panel_dispose (GObject *object)
{
  YishiPanel *self = YISHI_PANEL (object);
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  if (priv->database != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->database);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (yishi_panel_parent_class)->dispose (object);
}

static void
yishi_panel_finalize (GObject *object)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (YISHI_PANEL (object));

  g_clear_pointer (&priv->figure_values, g_ptr_array_unref);
  g_clear_pointer (&priv->figure_captions, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_panel_parent_class)->finalize (object);
}

static void
yishi_panel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  YishiPanel *self = YISHI_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, yishi_panel_get_database (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_panel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  YishiPanel *self = YISHI_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      yishi_panel_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_panel_map (GtkWidget *widget)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (YISHI_PANEL (widget));

  GTK_WIDGET_CLASS (yishi_panel_parent_class)->map (widget);
  if (priv->stale && priv->reload_source == 0)
    priv->reload_source = g_idle_add (reload_idle, widget);
}

static void
yishi_panel_class_init (YishiPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_panel_dispose;
  object_class->finalize = yishi_panel_finalize;
  object_class->get_property = yishi_panel_get_property;
  object_class->set_property = yishi_panel_set_property;
  GTK_WIDGET_CLASS (klass)->map = yishi_panel_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yishi_panel_init (YishiPanel *self)
{
  YishiPanelPrivate *priv = yishi_panel_get_instance_private (self);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  priv->figure_values = g_ptr_array_new_with_free_func (g_free);
  priv->figure_captions = g_ptr_array_new_with_free_func (g_free);

  priv->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (priv->content, 24);
  gtk_widget_set_margin_bottom (priv->content, 24);
  gtk_widget_set_margin_start (priv->content, 12);
  gtk_widget_set_margin_end (priv->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), priv->content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  priv->error = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (priv->error), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (priv->error), _("The figures could not be loaded"));

  priv->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (priv->stack), scrolled, "content");
  gtk_stack_add_named (GTK_STACK (priv->stack), priv->error, "error");
  adw_bin_set_child (ADW_BIN (self), priv->stack);

  clear_content (self);
}
