/* yishi-person-pages.h — the person dialog's own header: its instance structure, shared
 * by yishi-person-dialog.c (the person and their home) and yishi-person-pages.c (the
 * Party, Roles and Points pages), and the cascading place picker both use.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "yishi-enums.h"
#include "yishi-registry.h"

#include "yishi-person-dialog.h"

G_BEGIN_DECLS

/* Grid → building → unit → household as cascading combo rows, each listing the live
 * children of the one above (item 0: "Choose…"); rows deeper than @depth are hidden. */
typedef struct
{
  YishiDatabase *database;
  YishiNodeKind depth;
  AdwComboRow *rows[4];
  GListModel *nodes[4]; /* YishiRegistryNode of each row, or NULL */
  gboolean filling;
} YishiPlacePicker;

void     yishi_place_picker_init      (YishiPlacePicker    *picker,
                                       YishiDatabase       *database,
                                       AdwPreferencesGroup *group);
void     yishi_place_picker_clear     (YishiPlacePicker    *picker);
void     yishi_place_picker_set_depth (YishiPlacePicker    *picker,
                                       YishiNodeKind        depth);
/* The node chosen at the picker's depth, or 0 while a level is not chosen. */
gint64   yishi_place_picker_get       (YishiPlacePicker    *picker);
/* Chooses the path down to (@kind, @id). */
void     yishi_place_picker_select    (YishiPlacePicker    *picker,
                                       YishiNodeKind        kind,
                                       gint64               id);

struct _YishiPersonDialog
{
  AdwWindow parent_instance;

  YishiDatabase *database;
  gint64 person_id;          /* 0 until a new person is saved */
  gint64 household_id;       /* the home of a new person, else the current one */
  YishiPersonDetail *detail; /* as loaded; NULL for a new person */
  gint64 duplicate_id;       /* the person the typed ID number belongs to, or 0 */
  char *error_text;
  gboolean filling;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  AdwViewStack *stack;
  GtkLabel *error_label;

  /* The person */
  AdwPreferencesGroup *duplicate_group;
  AdwActionRow *duplicate_row;
  AdwEntryRow *name_row;
  AdwEntryRow *id_row;
  AdwActionRow *derived_row;
  AdwActionRow *mismatch_row;
  AdwComboRow *gender_row;
  AdwEntryRow *birth_row;
  AdwEntryRow *phone_row;
  AdwActionRow *phone_error_row;
  AdwComboRow *residence_row;
  AdwComboRow *political_row;
  GtkSwitch *consent_switch;
  GtkTextView *notes_view;

  /* The home */
  AdwActionRow *home_row;
  GtkWidget *move_button;
  AdwPreferencesGroup *move_group;
  YishiPlacePicker move_picker;
  GtkSwitch *moved_away_switch;
  AdwActionRow *moved_away_row;
  AdwEntryRow *move_date_row;
  GtkWidget *move_apply_button;
  AdwPreferencesGroup *history_group;
  GPtrArray *history_rows;
  GtkWidget *delete_button;

  /* Party */
  AdwComboRow *category_row;
  AdwEntryRow *branch_row;
  AdwEntryRow *party_group_row;
  AdwEntryRow *joined_row;
  AdwEntryRow *employer_row;
  AdwEntryRow *reported_row;
  AdwActionRow *central_row;
  GtkSwitch *central_switch;
  GtkWidget *posts_box;
  AdwPreferencesGroup *posts_group;
  GPtrArray *post_rows;
  AdwComboRow *post_kind_row;
  AdwEntryRow *post_description_row;
  AdwEntryRow *post_date_row;
  GtkLabel *posts_error;

  /* Roles */
  AdwPreferencesGroup *current_roles_group;
  AdwPreferencesGroup *past_roles_group;
  GPtrArray *role_rows;
  AdwComboRow *role_row;
  AdwComboRow *scope_kind_row;
  YishiPlacePicker role_picker;
  AdwEntryRow *work_phone_row;
  AdwEntryRow *role_start_row;
  GtkLabel *roles_error;

  /* Points */
  AdwActionRow *balance_row;
  GtkLabel *balance_label;
  GPtrArray *rules;          /* YishiPointsRule, active ones */
  AdwComboRow *rule_row;
  GtkSpinButton *hours_spin;
  AdwEntryRow *service_description_row;
  GtkSpinButton *redeem_spin;
  AdwEntryRow *redeem_description_row;
  GtkSpinButton *adjust_spin;
  AdwEntryRow *adjust_reason_row;
  GtkLabel *points_error;
  AdwPreferencesGroup *entries_group;
  GPtrArray *entry_rows;
};

/* yishi-person-dialog.c */
gboolean     yishi_person_dialog_reload_detail (YishiPersonDialog *self);
void         yishi_person_dialog_toast         (YishiPersonDialog *self,
                                                const char        *text);

/* yishi-person-pages.c: the Party, Roles and Points pages, added to self->stack */
void         yishi_person_pages_build          (YishiPersonDialog *self);
/* Fills the pages from self->detail (the party form too when @with_form). */
void         yishi_person_pages_load           (YishiPersonDialog *self,
                                                gboolean           with_form);
/* Writes the party form when it changed (membership, central household), inside the
 * transaction the dialog's save began. */
gboolean     yishi_person_pages_save           (YishiPersonDialog *self,
                                                GError           **error);
void         yishi_person_pages_dispose        (YishiPersonDialog *self);

/* Shared small helpers (yishi-person-dialog.c) */
GListModel  *yishi_person_dialog_enum_model    (YishiEnum            which,
                                                const char          *first);
const char  *yishi_person_dialog_enum_id_at    (YishiEnum            which,
                                                guint                position,
                                                gboolean             has_first);
guint        yishi_person_dialog_enum_position (YishiEnum            which,
                                                const char          *id,
                                                gboolean             has_first);

G_END_DECLS
