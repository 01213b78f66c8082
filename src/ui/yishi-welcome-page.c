/* yishi-welcome-page.c
 *
 * Emits "create" with a YishiCommunity filled from the form (the window validates and
 * saves it, and reports problems back with yishi_welcome_page_show_error ()), or
 * "open-demo".
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "yishi-community.h"

#include "yishi-welcome-page.h"

struct _YishiWelcomePage
{
  AdwBin parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *street_row;
  AdwEntryRow *district_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  GtkLabel *error_label;
  GtkProgressBar *progress_bar;
  GtkButton *create_button;
  GtkButton *demo_button;
};

enum
{
  CREATE,
  OPEN_DEMO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (YishiWelcomePage, yishi_welcome_page, ADW_TYPE_BIN)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_name_changed (YishiWelcomePage *self)
{
  g_autofree char *name = row_text (self->name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), *name != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_create_clicked (YishiWelcomePage *self)
{
  g_autoptr (YishiCommunity) community = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  community = g_new0 (YishiCommunity, 1);
  community->name = row_text (self->name_row);
  community->street_office = row_text (self->street_row);
  community->district = row_text (self->district_row);
  community->address = row_text (self->address_row);
  community->supervision_phone = row_text (self->phone_row);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[CREATE], 0, community);
}

static void
on_demo_clicked (YishiWelcomePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[OPEN_DEMO], 0);
}

void
yishi_welcome_page_activate_create (YishiWelcomePage *self)
{
  g_return_if_fail (YISHI_IS_WELCOME_PAGE (self));
  on_create_clicked (self);
}

void
yishi_welcome_page_show_error (YishiWelcomePage *self,
                               const char       *message)
{
  g_return_if_fail (YISHI_IS_WELCOME_PAGE (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* A negative @fraction hides the progress bar again. */
void
yishi_welcome_page_set_progress (YishiWelcomePage *self,
                                 double            fraction)
{
  gboolean busy = fraction >= 0;

  g_return_if_fail (YISHI_IS_WELCOME_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), !busy);
}

void
yishi_welcome_page_fill (YishiWelcomePage *self,
                         const char       *name,
                         const char       *street_office,
                         const char       *district,
                         const char       *address,
                         const char       *supervision_phone)
{
  g_return_if_fail (YISHI_IS_WELCOME_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->street_row), street_office);
  gtk_editable_set_text (GTK_EDITABLE (self->district_row), district);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), supervision_phone);
}

static void
yishi_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YISHI_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (yishi_welcome_page_parent_class)->dispose (object);
}

static void
yishi_welcome_page_class_init (YishiWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_welcome_page_dispose;

  /**
   * YishiWelcomePage::create:
   * @community: (type YishiCommunity): the community as typed, owned by the page
   */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[OPEN_DEMO] = g_signal_new ("open-demo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Yishi/yishi-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, street_row);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, district_row);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, create_button);
  gtk_widget_class_bind_template_child (widget_class, YishiWelcomePage, demo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_clicked);
}

static void
yishi_welcome_page_init (YishiWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
