/* yishi-intake-dialog.c
 *
 * Filled while the resident is on the phone, by keyboard from top to bottom: the caller
 * found by name or phone tail, the open matters that look the same shown as the title is
 * typed (so a second caller joins the matter), the matter and its attachments written by
 * the core in one transaction.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "yishi-attachments.h"
#include "yishi-clock.h"
#include "yishi-community.h"
#include "yishi-enums.h"
#include "yishi-form.h"
#include "yishi-lookup.h"

#include "yishi-intake-dialog.h"

#define N_MATCHES 8
#define N_SIMILAR 5
#define SIMILAR_DELAY_MS 300
#define THUMBNAIL_PX 96

typedef struct
{
  char *file_name;
  char *mime_type;
  GBytes *data;
  GBytes *thumbnail;
  GtkWidget *row;
  char *refusal; /* why the file was refused, instead of the rest */
} Attachment;

struct _YishiIntakeDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  GPtrArray *buildings;   /* YishiLookupItem; the combo row's item i + 1 */
  GPtrArray *categories;  /* YishiLookupItem; the combo row's item i + 1 */
  GPtrArray *matches;     /* YishiLookupItem: people shown under the requester */
  GArray *similar;        /* gint64: matters shown as possibly the same */
  GPtrArray *similar_rows;
  GPtrArray *attachments; /* Attachment */
  GCancellable *cancellable;
  gint64 person_id;       /* the requester picked from the registry, or 0 */
  gint64 grid_id;
  gint64 unit_id;
  guint similar_source;
  guint hide_source;
  gboolean picking;
  char *error_text;

  AdwToastOverlay *toasts;
  GtkLabel *error_label;
  AdwComboRow *channel_row;
  AdwEntryRow *received_row;
  AdwEntryRow *name_row;
  GtkPopover *people_popover;
  GtkListBox *people_list;
  GtkSwitch *anonymous_switch;
  AdwEntryRow *phone_row;
  AdwComboRow *building_row;
  AdwEntryRow *place_row;
  AdwComboRow *kind_row;
  AdwComboRow *category_row;
  AdwComboRow *urgency_row;
  AdwEntryRow *title_row;
  GtkTextView *content_view;
  AdwPreferencesGroup *similar_group;
  AdwPreferencesGroup *attachments_group;
  GtkFileChooserNative *chooser;
};

enum { PROP_0, PROP_DATABASE, N_PROPS };
enum { FILED, LINKED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiIntakeDialog, yishi_intake_dialog, ADW_TYPE_WINDOW)

static void
attachment_free (Attachment *attachment)
{
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_clear_pointer (&attachment->thumbnail, g_bytes_unref);
  g_free (attachment->refusal);
  g_free (attachment);
}

/* Errors ------------------------------------------------------------------------------ */

static void
show_error (YishiIntakeDialog *self,
            const char        *text)
{
  yishi_form_show_error (self->error_label, &self->error_text, text);
}

/* Field values ------------------------------------------------------------------------ */

static const char *
enum_id_at (YishiEnum which,
            guint     position)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  return position < n ? values[position].id : NULL;
}

static guint
enum_position (YishiEnum   which,
               const char *id,
               guint       fallback)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);

  for (guint i = 0; id != NULL && i < n; i++)
    if (g_str_equal (values[i].id, id))
      return i;
  return fallback;
}

static GListModel *
enum_model (YishiEnum which)
{
  guint n;
  const YishiEnumValue *values = yishi_enum_values (which, &n);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, yishi_enum_label (which, values[i].id));
  return G_LIST_MODEL (list);
}

static gint64
lookup_id_at (GPtrArray *items,
              guint      position)
{
  if (items == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > items->len)
    return 0;
  return ((YishiLookupItem *)g_ptr_array_index (items, position - 1))->id;
}

static guint
lookup_position (GPtrArray *items,
                 gint64     id)
{
  for (guint i = 0; id != 0 && items != NULL && i < items->len; i++)
    if (((YishiLookupItem *)g_ptr_array_index (items, i))->id == id)
      return i + 1;
  return 0;
}

static gint64
selected_building (YishiIntakeDialog *self)
{
  return lookup_id_at (self->buildings, adw_combo_row_get_selected (self->building_row));
}

static char *
content_text (YishiIntakeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* "YYYY-MM-DD HH:MM" in local time, or NULL. */
static GDateTime *
parse_received (const char *text)
{
  g_autofree char *clean = trimmed (text);
  int year, month, day, hour, minute;
  char tail;

  if (sscanf (clean, "%4d-%2d-%2d %2d:%2d%c", &year, &month, &day, &hour, &minute, &tail) != 5)
    return NULL;
  if (year < 1000 || !g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static char *
format_local (GDateTime *when)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
on_phone_changed (YishiIntakeDialog *self)
{
  g_autofree char *phone = trimmed (text_of (self->phone_row));

  yishi_form_set_row_error (self->phone_row, *phone != '\0' && !yishi_phone_is_valid (phone));
}

/* Urgency: a coloured dot, and what the colour means ---------------------------------- */

static const char *
urgency_meaning (const char *urgency)
{
  if (g_strcmp0 (urgency, "red") == 0)
    return _("Respond within 24 hours");
  if (g_strcmp0 (urgency, "yellow") == 0)
    return _("Handle within 3–5 working days");
  return _("Answer on the spot");
}

static const char *
urgency_colour (const char *urgency)
{
  if (g_strcmp0 (urgency, "red") == 0)
    return "#e01b24";
  if (g_strcmp0 (urgency, "yellow") == 0)
    return "#e5a50a";
  return "#3584e4";
}

static void
update_urgency_subtitle (YishiIntakeDialog *self)
{
  const char *urgency = enum_id_at (YISHI_ENUM_URGENCY,
                                    adw_combo_row_get_selected (self->urgency_row));
  const char *kind = enum_id_at (YISHI_ENUM_ISSUE_KIND,
                                 adw_combo_row_get_selected (self->kind_row));
  g_autoptr (GDateTime) when = parse_received (text_of (self->received_row));
  g_autofree char *deadline = NULL;

  if (when != NULL && kind != NULL && urgency != NULL)
    {
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");

      deadline = yishi_issue_store_deadline_for (self->database, date, urgency, kind, NULL);
    }
  if (deadline != NULL)
    {
      /* Translators: the meaning of the urgency, then the deadline from the rules */
      g_autofree char *text = g_strdup_printf (_("%s · due %s"), urgency_meaning (urgency),
                                               deadline);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->urgency_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->urgency_row), urgency_meaning (urgency));
}

static void
on_received_changed (YishiIntakeDialog *self)
{
  g_autoptr (GDateTime) when = parse_received (text_of (self->received_row));

  yishi_form_set_row_error (self->received_row, when == NULL);
  update_urgency_subtitle (self);
}

static void
setup_urgency_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* A coloured dot and the label; in the popup, what the colour means below. */
static void
bind_urgency_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  const char *label = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *urgency = "blue";
  g_autofree char *markup = NULL;
  guint i = 0;

  /* By the label, not the position: the row's display of the selected item has none. */
  for (const char *id; (id = enum_id_at (YISHI_ENUM_URGENCY, i)) != NULL; i++)
    if (g_strcmp0 (label, yishi_enum_label (YISHI_ENUM_URGENCY, id)) == 0)
      urgency = id;

  if (GPOINTER_TO_INT (user_data))
    markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  %s\n"
                                      "<span alpha=\"1\">●</span>  "
                                      "<span size=\"small\" alpha=\"60%%\">%s</span>",
                                      urgency_colour (urgency),
                                      yishi_enum_label (YISHI_ENUM_URGENCY, urgency),
                                      urgency_meaning (urgency));
  else
    markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  %s",
                                      urgency_colour (urgency),
                                      yishi_enum_label (YISHI_ENUM_URGENCY, urgency));
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static GtkListItemFactory *
urgency_factory (gboolean detailed)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_urgency_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_urgency_item), GINT_TO_POINTER (detailed));
  return factory;
}

/* The requester: people from the registry ---------------------------------------------- */

static void
hide_matches (YishiIntakeDialog *self)
{
  g_clear_handle_id (&self->hide_source, g_source_remove);
  if (self->people_popover != NULL)
    gtk_popover_popdown (self->people_popover);
}

static void
set_entry_text (YishiIntakeDialog *self,
                AdwEntryRow       *row,
                const char        *text)
{
  self->picking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->picking = FALSE;
}

/* Fills the name, the phone and the building of the person at @index of the matches. */
gboolean
yishi_intake_dialog_pick_match (YishiIntakeDialog *self,
                                guint              index)
{
  YishiLookupItem *item;
  g_auto (GStrv) parts = NULL;
  guint building;

  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), FALSE);

  if (self->matches == NULL || index >= self->matches->len)
    return FALSE;
  item = g_ptr_array_index (self->matches, index);
  /* The detail line is "phone · building room". */
  parts = g_strsplit (item->detail ? item->detail : "", " · ", 2);
  building = lookup_position (self->buildings, item->parent);
  set_entry_text (self, self->name_row, item->label);
  if (parts[0] != NULL && *g_strstrip (parts[0]) != '\0')
    set_entry_text (self, self->phone_row, parts[0]);
  if (building != 0)
    adw_combo_row_set_selected (self->building_row, building);
  self->person_id = item->id;
  hide_matches (self);
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
  return TRUE;
}

guint
yishi_intake_dialog_get_n_matches (YishiIntakeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), 0);
  return self->matches ? self->matches->len : 0;
}

static void
on_match_activated (GtkListBox        *list,
                    GtkListBoxRow     *row,
                    YishiIntakeDialog *self)
{
  yishi_intake_dialog_pick_match (self, (guint)gtk_list_box_row_get_index (row));
}

static void
show_matches (YishiIntakeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  if (self->matches == NULL || self->matches->len == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->name_row)))
    {
      hide_matches (self);
      return;
    }
  for (guint i = 0; i < self->matches->len; i++)
    {
      YishiLookupItem *item = g_ptr_array_index (self->matches, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->people_list, row);
    }
  gtk_list_box_select_row (self->people_list, gtk_list_box_get_row_at_index (self->people_list, 0));
  gtk_widget_set_size_request (GTK_WIDGET (self->people_list),
                               MAX (280, gtk_widget_get_width (GTK_WIDGET (self->name_row)) - 24),
                               -1);
  gtk_popover_popup (self->people_popover);
}

static void
look_up_people (YishiIntakeDialog *self)
{
  g_autofree char *text = trimmed (text_of (self->name_row));
  gboolean digits = *text != '\0';

  for (const char *p = text; *p; p++)
    digits = digits && g_ascii_isdigit (*p);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (*text != '\0' && (!digits || strlen (text) >= 4))
    self->matches = yishi_lookup_people (self->database, text, N_MATCHES, NULL);
  show_matches (self);
}

static void
on_name_changed (YishiIntakeDialog *self)
{
  if (self->picking)
    return;
  /* Typed by hand: no longer the person picked from the registry. */
  self->person_id = 0;
  look_up_people (self);
}

static gboolean
on_name_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             YishiIntakeDialog     *self)
{
  GtkListBoxRow *selected;
  int index;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->people_popover)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  selected = gtk_list_box_get_selected_row (self->people_list);
  index = selected ? gtk_list_box_row_get_index (selected) : -1;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down || keyval == GDK_KEY_Up ||
      keyval == GDK_KEY_KP_Up)
    {
      index += keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1;
      if (index >= 0 && index < (int)self->matches->len)
        gtk_list_box_select_row (self->people_list,
                                 gtk_list_box_get_row_at_index (self->people_list, index));
      return TRUE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    return yishi_intake_dialog_pick_match (self, index >= 0 ? (guint)index : 0);
  if (keyval == GDK_KEY_Escape)
    {
      hide_matches (self);
      return TRUE;
    }
  return FALSE;
}

static gboolean
hide_matches_later (gpointer data)
{
  YishiIntakeDialog *self = data;

  self->hide_source = 0;
  hide_matches (self);
  return G_SOURCE_REMOVE;
}

static void
on_name_focus_leave (YishiIntakeDialog *self)
{
  /* Later, so that a click on a match still picks it. */
  g_clear_handle_id (&self->hide_source, g_source_remove);
  self->hide_source = g_timeout_add (200, hide_matches_later, self);
}

static void
on_anonymous_changed (YishiIntakeDialog *self)
{
  gboolean anonymous = gtk_switch_get_active (self->anonymous_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !anonymous);
  if (anonymous)
    hide_matches (self);
}

/* Possibly the same matter -------------------------------------------------------------- */

static void
on_same_matter_clicked (GtkButton         *button,
                        YishiIntakeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  yishi_intake_dialog_link_similar (self, index, NULL);
}

static void
clear_similar (YishiIntakeDialog *self)
{
  for (guint i = 0; i < self->similar_rows->len; i++)
    adw_preferences_group_remove (self->similar_group, g_ptr_array_index (self->similar_rows, i));
  g_ptr_array_set_size (self->similar_rows, 0);
  g_array_set_size (self->similar, 0);
}

static void
refresh_similar (YishiIntakeDialog *self)
{
  g_autofree char *content = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GArray) ids = NULL;
  gint64 building;

  g_clear_handle_id (&self->similar_source, g_source_remove);
  if (self->similar_rows == NULL)
    return; /* disposed */
  content = content_text (self);
  text = g_strconcat (text_of (self->title_row), " ", content, NULL);
  building = selected_building (self);
  clear_similar (self);
  g_strstrip (text);
  if (*text != '\0' || building != 0)
    ids = yishi_issue_store_similar (self->database, building, text, 0, N_SIMILAR);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (YishiIssueDetail) detail = yishi_issue_store_load (self->database, id, NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (detail == NULL)
        continue;
      /* Translators: serial number · state · place of a matter */
      subtitle = g_strdup_printf (_("%s · %s · %s"), detail->serial,
                                  yishi_issue_state_to_label (detail->state),
                                  detail->place && *detail->place ? detail->place : _("no place"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), detail->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

      button = gtk_button_new_with_mnemonic (_("Sa_me Matter"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button,
                                   _("Add this caller to the matter instead of filing a new one"));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (self->similar->len));
      g_signal_connect (button, "clicked", G_CALLBACK (on_same_matter_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->similar_group, row);
      g_ptr_array_add (self->similar_rows, row);
      g_array_append_val (self->similar, id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group), self->similar->len > 0);
}

static gboolean
similar_timeout (gpointer data)
{
  YishiIntakeDialog *self = data;

  self->similar_source = 0;
  refresh_similar (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_similar (YishiIntakeDialog *self)
{
  g_clear_handle_id (&self->similar_source, g_source_remove);
  self->similar_source = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout, self);
}

guint
yishi_intake_dialog_get_n_similar (YishiIntakeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), 0);

  /* Typed just now: do not make the caller wait for the delay. */
  if (self->similar_source != 0)
    refresh_similar (self);
  return self->similar->len;
}

gint64
yishi_intake_dialog_get_similar_id (YishiIntakeDialog *self,
                                    guint              index)
{
  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), 0);
  return index < self->similar->len ? g_array_index (self->similar, gint64, index) : 0;
}

/* The caller means the similar matter at @index: adds them to it, emits "linked", closes. */
gboolean
yishi_intake_dialog_link_similar (YishiIntakeDialog  *self,
                                  guint               index,
                                  GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  gboolean anonymous;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), FALSE);

  id = yishi_intake_dialog_get_similar_id (self, index);
  if (id == 0)
    {
      g_set_error_literal (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_NOT_FOUND,
                           _("The matter does not exist."));
      return FALSE;
    }
  anonymous = gtk_switch_get_active (self->anonymous_switch);
  name = anonymous ? g_strdup ("") : trimmed (text_of (self->name_row));
  phone = trimmed (text_of (self->phone_row));
  if (!yishi_issue_store_add_requester (self->database, id, anonymous ? 0 : self->person_id,
                                        name, phone, NULL, &local_error))
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[LINKED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Attachments --------------------------------------------------------------------------- */

static GBytes *
make_thumbnail (GBytes *data)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (data);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, THUMBNAIL_PX, THUMBNAIL_PX, TRUE,
                                                NULL, NULL);
  if (pixbuf == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (oriented ? oriented : pixbuf, &buffer, &size, "png", NULL, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

/* Reads a chosen file: refuses big ones before reading them. Any thread. */
static Attachment *
load_attachment (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autofree char *mime = NULL;
  Attachment *attachment;
  const char *type;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file."), g_file_info_get_display_name (info));
      return NULL;
    }
  type = g_file_info_get_content_type (info);
  mime = type ? g_content_type_get_mime_type (type) : NULL;
  if (!yishi_attachments_check (g_file_info_get_display_name (info), mime,
                                (guint64)g_file_info_get_size (info), error))
    return NULL;
  data = g_file_load_bytes (file, cancellable, NULL, error);
  if (data == NULL)
    return NULL;
  if (!yishi_attachments_check (g_file_info_get_display_name (info), mime, g_bytes_get_size (data),
                                error))
    return NULL;

  attachment = g_new0 (Attachment, 1);
  attachment->file_name = g_strdup (g_file_info_get_display_name (info));
  attachment->mime_type = g_strdup (mime ? mime : "application/octet-stream");
  if (g_str_has_prefix (attachment->mime_type, "image/"))
    attachment->thumbnail = make_thumbnail (data);
  attachment->data = g_steal_pointer (&data);
  return attachment;
}

static void
on_remove_attachment (GtkButton         *button,
                      YishiIntakeDialog *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->row == row)
        {
          adw_preferences_group_remove (self->attachments_group, row);
          g_ptr_array_remove_index (self->attachments, i);
          return;
        }
    }
}

static void
append_attachment (YishiIntakeDialog *self,
                   Attachment        *attachment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *image = NULL;
  g_autofree char *size = g_format_size (g_bytes_get_size (attachment->data));
  g_autofree char *description = g_content_type_get_description (attachment->mime_type);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", description, size);
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), attachment->file_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (attachment->thumbnail != NULL)
    {
      g_autoptr (GdkTexture) texture = gdk_texture_new_from_bytes (attachment->thumbnail, NULL);

      if (texture != NULL)
        image = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
    }
  if (image == NULL)
    {
      g_autoptr (GIcon) icon = g_content_type_get_symbolic_icon (attachment->mime_type);

      image = gtk_image_new_from_gicon (icon);
    }
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_attachment), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  attachment->row = row;
  adw_preferences_group_add (self->attachments_group, row);
  g_ptr_array_add (self->attachments, attachment);
}

gboolean
yishi_intake_dialog_add_file (YishiIntakeDialog  *self,
                              GFile              *file,
                              GError            **error)
{
  Attachment *attachment;

  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  attachment = load_attachment (file, NULL, error);
  if (attachment == NULL)
    return FALSE;
  append_attachment (self, attachment);
  return TRUE;
}

guint
yishi_intake_dialog_get_n_attachments (YishiIntakeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), 0);
  return self->attachments->len;
}

/* In a thread: the chosen files, read and checked; a refused one only has @refusal. */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)attachment_free);

  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr (GError) error = NULL;
      Attachment *attachment = load_attachment (g_ptr_array_index (files, i), cancellable, &error);

      if (attachment == NULL)
        {
          attachment = g_new0 (Attachment, 1);
          attachment->refusal = g_strdup (error->message);
        }
      g_ptr_array_add (results, attachment);
    }
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify)g_ptr_array_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (source);
  g_autoptr (GPtrArray) results = g_task_propagate_pointer (G_TASK (result), NULL);

  if (results == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  for (guint i = 0; i < results->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (results, i);

      if (attachment->refusal != NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (attachment->refusal));
      else
        append_attachment (self, g_ptr_array_steal_index (results, i--));
    }
}

static void
on_files_chosen (GtkNativeDialog   *chooser,
                 int                response,
                 YishiIntakeDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GTask) task = g_task_new (self, self->cancellable, load_done, NULL);
      GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      g_task_set_source_tag (task, on_files_chosen);
      g_task_set_task_data (task, files, (GDestroyNotify)g_ptr_array_unref);
      g_task_run_in_thread (task, load_thread);
    }
  g_clear_object (&self->chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (widget);
  g_autoptr (GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Photos or Files"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                               _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_filter_set_name (images, _("Photos"));
  gtk_file_filter_add_pixbuf_formats (images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Filling and filing -------------------------------------------------------------------- */

/* Sets every field from @draft; a %NULL received_at keeps the time shown. */
void
yishi_intake_dialog_fill (YishiIntakeDialog     *self,
                          const YishiIssueDraft *draft)
{
  g_return_if_fail (YISHI_IS_INTAKE_DIALOG (self));
  g_return_if_fail (draft != NULL);

  adw_combo_row_set_selected (self->channel_row,
                              enum_position (YISHI_ENUM_CHANNEL, draft->channel, 0));
  if (draft->received_at != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (draft->received_at, NULL);
      g_autofree char *text = when ? format_local (when) : g_strdup (draft->received_at);

      gtk_editable_set_text (GTK_EDITABLE (self->received_row), text);
    }
  set_entry_text (self, self->name_row, draft->requester_name);
  set_entry_text (self, self->phone_row, draft->requester_phone);
  self->person_id = draft->requester_person_id;
  gtk_switch_set_active (self->anonymous_switch, draft->anonymous);
  adw_combo_row_set_selected (self->building_row,
                              lookup_position (self->buildings, draft->building_id));
  self->grid_id = draft->grid_id;
  self->unit_id = draft->unit_id;
  set_entry_text (self, self->place_row, draft->place_text);
  adw_combo_row_set_selected (self->kind_row,
                              enum_position (YISHI_ENUM_ISSUE_KIND, draft->kind, 0));
  adw_combo_row_set_selected (self->category_row,
                              lookup_position (self->categories, draft->category_id));
  adw_combo_row_set_selected (self->urgency_row,
                              enum_position (YISHI_ENUM_URGENCY, draft->urgency, 2));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), draft->title ? draft->title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            draft->content ? draft->content : "", -1);
  hide_matches (self);
  refresh_similar (self);
}

/* Files the matter with its attachments, emits "filed" and closes; on error the message
 * is shown in the dialog, nothing is written and the dialog stays open. */
gboolean
yishi_intake_dialog_submit (YishiIntakeDialog  *self,
                            GError            **error)
{
  YishiIssueDraft draft = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GArray) files = NULL;
  g_autofree char *received = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *place = NULL;
  g_autofree char *title = NULL;
  g_autofree char *content = NULL;
  g_autofree char *serial = NULL;
  gint64 building;
  gint64 id;

  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), FALSE);

  when = parse_received (text_of (self->received_row));
  if (when == NULL)
    {
      g_set_error_literal (&local_error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID,
                           _("The time received must be written like 2026-12-01 09:30."));
      yishi_form_set_row_error (self->received_row, TRUE);
      goto failed;
    }
  received = yishi_clock_format_utc (when);
  name = trimmed (text_of (self->name_row));
  phone = trimmed (text_of (self->phone_row));
  place = trimmed (text_of (self->place_row));
  title = trimmed (text_of (self->title_row));
  content = content_text (self);
  building = selected_building (self);

  draft.channel = enum_id_at (YISHI_ENUM_CHANNEL, adw_combo_row_get_selected (self->channel_row));
  draft.received_at = received;
  draft.anonymous = gtk_switch_get_active (self->anonymous_switch);
  draft.requester_person_id = draft.anonymous ? 0 : self->person_id;
  draft.requester_name = name;
  draft.requester_phone = phone;
  draft.building_id = building;
  /* A grid or unit given with a building only holds while that building is chosen. */
  draft.grid_id = building != 0 ? 0 : self->grid_id;
  draft.unit_id = building != 0 ? self->unit_id : 0;
  draft.place_text = place;
  draft.kind = enum_id_at (YISHI_ENUM_ISSUE_KIND, adw_combo_row_get_selected (self->kind_row));
  draft.category_id = lookup_id_at (self->categories,
                                    adw_combo_row_get_selected (self->category_row));
  draft.urgency = enum_id_at (YISHI_ENUM_URGENCY, adw_combo_row_get_selected (self->urgency_row));
  draft.title = title;
  draft.content = content;

  files = g_array_new (FALSE, TRUE, sizeof (YishiAttachmentNew));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);
      YishiAttachmentNew item = { attachment->file_name, attachment->mime_type,
                                  attachment->data, attachment->thumbnail };

      g_array_append_val (files, item);
    }

  yishi_form_set_row_error (self->title_row, *title == '\0');
  id = yishi_attachments_file_issue (self->database, &draft,
                                     (YishiAttachmentNew *)(gpointer)files->data, files->len,
                                     &serial, &local_error);
  if (id == 0)
    goto failed;

  show_error (self, NULL);
  g_signal_emit (self, signals[FILED], 0, id, serial);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

failed:
  show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Returns: (nullable): the message shown in the dialog */
const char *
yishi_intake_dialog_get_error (YishiIntakeDialog *self)
{
  g_return_val_if_fail (YISHI_IS_INTAKE_DIALOG (self), NULL);
  return self->error_text;
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (widget);

  g_autofree char *phone = trimmed (text_of (self->phone_row));
  g_autofree char *title = trimmed (text_of (self->title_row));
  g_autoptr (GDateTime) when = parse_received (text_of (self->received_row));

  if (yishi_intake_dialog_submit (self, NULL))
    return;
  /* To the field to correct, when it is clear which one it is. */
  if (when == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->received_row));
  else if (*phone != '\0' && !yishi_phone_is_valid (phone))
    gtk_widget_grab_focus (GTK_WIDGET (self->phone_row));
  else if (*title == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
}

/* Building the form ---------------------------------------------------------------------- */

static AdwPreferencesGroup *
add_group (GtkBox     *form,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (form, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* @first, then the items with their detail (the grid of a building). */
static GListModel *
lookup_model (GPtrArray  *items,
              const char *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      YishiLookupItem *item = g_ptr_array_index (items, i);
      g_autofree char *label = item->detail && *item->detail
                               ? g_strdup_printf ("%s · %s", item->label, item->detail)
                               : g_strdup (item->label);

      gtk_string_list_append (list, label);
    }
  return G_LIST_MODEL (list);
}

static void
build_requester (YishiIntakeDialog *self,
                 GtkBox            *form)
{
  AdwPreferencesGroup *group = add_group (form, _("Requester"));
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *anonymous = adw_action_row_new ();

  self->name_row = yishi_form_add_entry (group, _("_Name, or the last 4 digits of the phone"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->name_row), 64);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_name_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), keys);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_name_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), focus);

  /* The people found (8 at most), under the name, without taking the keyboard from it. */
  self->people_list = GTK_LIST_BOX (list);
  gtk_list_box_set_selection_mode (self->people_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->people_list, TRUE);
  gtk_widget_set_focusable (list, FALSE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  g_signal_connect (list, "row-activated", G_CALLBACK (on_match_activated), self);
  self->people_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->people_popover, FALSE);
  gtk_popover_set_has_arrow (self->people_popover, FALSE);
  gtk_popover_set_position (self->people_popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->people_popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->people_popover), FALSE);
  gtk_popover_set_child (self->people_popover, list);
  gtk_widget_set_parent (GTK_WIDGET (self->people_popover), GTK_WIDGET (self->name_row));

  yishi_form_add_row (group, anonymous, _("_Anonymous"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (anonymous),
                               _("The name is not recorded; the phone is kept for the answer"));
  self->anonymous_switch = GTK_SWITCH (toggle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (anonymous), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (anonymous), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_anonymous_changed), self);

  self->phone_row = yishi_form_add_entry (group, _("Contact _phone"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->phone_row), 20);
  adw_entry_row_set_input_purpose (self->phone_row, GTK_INPUT_PURPOSE_PHONE);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (on_phone_changed), self);
}

static void
build_form (YishiIntakeDialog *self,
            GtkBox            *form)
{
  AdwPreferencesGroup *group;
  GtkWidget *frame;
  GtkWidget *view;
  GtkWidget *add;
  g_autoptr (GDateTime) now = yishi_clock_now_utc ();
  g_autofree char *now_text = format_local (now);

  group = add_group (form, _("Reception"));
  self->channel_row = yishi_form_add_combo (group, _("_Channel"), enum_model (YISHI_ENUM_CHANNEL));
  adw_combo_row_set_selected (self->channel_row, enum_position (YISHI_ENUM_CHANNEL, "phone", 0));
  self->received_row = yishi_form_add_entry (group, _("_Time received (YYYY-MM-DD HH:MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), now_text);
  g_signal_connect_swapped (self->received_row, "changed", G_CALLBACK (on_received_changed), self);

  build_requester (self, form);

  group = add_group (form, _("Place"));
  self->building_row =
    yishi_form_add_combo (group, _("_Building"),
                          lookup_model (self->buildings, _("— not in the registry —")));
  g_signal_connect_swapped (self->building_row, "notify::selected",
                            G_CALLBACK (refresh_similar), self);
  self->place_row =
    yishi_form_add_entry (group, _("Place as described (street, courtyard, shop…)"));

  group = add_group (form, _("Matter"));
  self->kind_row = yishi_form_add_combo (group, _("_Kind"), enum_model (YISHI_ENUM_ISSUE_KIND));
  g_signal_connect_swapped (self->kind_row, "notify::selected",
                            G_CALLBACK (update_urgency_subtitle), self);
  self->category_row = yishi_form_add_combo (group, _("C_ategory"),
                                             lookup_model (self->categories, _("— none —")));
  self->urgency_row = yishi_form_add_combo (group, _("_Urgency"), enum_model (YISHI_ENUM_URGENCY));
  {
    g_autoptr (GtkListItemFactory) compact = urgency_factory (FALSE);
    g_autoptr (GtkListItemFactory) detailed = urgency_factory (TRUE);

    adw_combo_row_set_factory (self->urgency_row, compact);
    adw_combo_row_set_list_factory (self->urgency_row, detailed);
  }
  adw_combo_row_set_selected (self->urgency_row, enum_position (YISHI_ENUM_URGENCY, "blue", 2));
  g_signal_connect_swapped (self->urgency_row, "notify::selected",
                            G_CALLBACK (update_urgency_subtitle), self);
  self->title_row = yishi_form_add_entry (group, _("_Title"));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (schedule_similar), self);

  group = add_group (form, _("Content"));
  adw_preferences_group_set_description (group, _("What the resident said, in their words"));
  view = gtk_text_view_new ();
  self->content_view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_wrap_mode (self->content_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->content_view, FALSE);
  g_object_set (view, "top-margin", 10, "bottom-margin", 10,
                "left-margin", 12, "right-margin", 12, NULL);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Content"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (schedule_similar), self);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);

  self->similar_group = add_group (form, _("Possibly the same matter"));
  adw_preferences_group_set_description (self->similar_group,
                                         _("Open matters with the same words or at the "
                                           "same building. If the caller means one of them, "
                                           "add them to it."));
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group), FALSE);

  self->attachments_group = add_group (form, _("Attachments"));
  adw_preferences_group_set_description (self->attachments_group,
                                         _("Photos and files, at most 20 MB each"));
  add = gtk_button_new_with_mnemonic (_("Add _Photo or File…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "intake.add-files");
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (self->attachments_group, add);

  update_urgency_subtitle (self);
}

static void
yishi_intake_dialog_constructed (GObject *object)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (object);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  G_OBJECT_CLASS (yishi_intake_dialog_parent_class)->constructed (object);

  g_assert (YISHI_IS_DATABASE (self->database));
  self->buildings = yishi_lookup_list (self->database, YISHI_LOOKUP_BUILDINGS, NULL);
  self->categories = yishi_lookup_list (self->database, YISHI_LOOKUP_CATEGORIES, NULL);

  gtk_box_append (GTK_BOX (toolbar),
                  yishi_form_header_bar (adw_window_title_new (_("New Matter"), NULL),
                                         _("_File Matter"), "intake.file",
                                         _("File the matter (Ctrl+Enter)")));

  /* Store errors, above the form so they are always in sight. */
  self->error_label = yishi_form_error_banner_new ();
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->error_label));

  build_form (self, GTK_BOX (form));
  gtk_box_append (GTK_BOX (toolbar), yishi_form_scrolled_page (form));

  self->toasts = yishi_form_set_content (ADW_WINDOW (self), toolbar);
  /* Ctrl+Enter files from any field, the content's text view included. */
  yishi_form_add_submit_keys (GTK_WIDGET (self), "intake.file", FALSE);

  gtk_window_set_title (GTK_WINDOW (self), _("New Matter"));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->channel_row));
}

/* GObject ---------------------------------------------------------------------------------- */

/* Returns: (transfer none): the dialog, not yet presented */
GtkWindow *
yishi_intake_dialog_new (GtkWindow     *parent,
                         YishiDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (YISHI_IS_DATABASE (database), NULL);

  return g_object_new (YISHI_TYPE_INTAKE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "database", database,
                       NULL);
}

static void
yishi_intake_dialog_dispose (GObject *object)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->similar_source, g_source_remove);
  g_clear_handle_id (&self->hide_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->people_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->people_popover));
      self->people_popover = NULL;
    }
  g_clear_pointer (&self->similar_rows, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_intake_dialog_parent_class)->dispose (object);
}

static void
yishi_intake_dialog_finalize (GObject *object)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->similar, g_array_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (yishi_intake_dialog_parent_class)->finalize (object);
}

static void
yishi_intake_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YishiIntakeDialog *self = YISHI_INTAKE_DIALOG (object);

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
yishi_intake_dialog_class_init (YishiIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = yishi_intake_dialog_constructed;
  object_class->dispose = yishi_intake_dialog_dispose;
  object_class->finalize = yishi_intake_dialog_finalize;
  object_class->set_property = yishi_intake_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, YISHI_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILED] = g_signal_new ("filed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[LINKED] = g_signal_new ("linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "intake.file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "intake.add-files", NULL, add_files_action);
  yishi_form_class_bind_keys (widget_class, NULL);
}

static void
yishi_intake_dialog_init (YishiIntakeDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->similar = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->similar_rows = g_ptr_array_new ();
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify)attachment_free);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 760);
}
