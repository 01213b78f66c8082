/* test-import-dialog.c — the registry's dialogs under Xvfb: a roster imported through the
 * preview (twice), the person dialog's live ID check and duplicate refusal, its points
 * page, the points rules and the organisations.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "yishi-import-dialog.h"
#include "yishi-organisations-dialog.h"
#include "yishi-person-dialog.h"
#include "yishi-points-dialog.h"
#include "yishi-points.h"
#include "yishi-registry.h"
#include "yishi-roster-import.h"
#include "yishi-ui-test-utils.h"

/* The first widget of @type under @widget (itself included) whose row title or button
 * label starts with @text (any, for NULL). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_ROW (widget))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      else if (GTK_IS_BUTTON (widget))
        title = gtk_button_get_label (GTK_BUTTON (widget));
      if (text == NULL || (title != NULL && g_str_has_prefix (title, text)))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of class "error" under @widget. */
static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Import --------------------------------------------------------------------------------------- */

typedef struct
{
  guint count;
  guint n_imported;
  guint person_changes;
} Imported;

static void
on_imported (YishiImportDialog *dialog,
             guint              n_imported,
             Imported          *imported)
{
  imported->count++;
  imported->n_imported = n_imported;
}

static void
on_changed (YishiDatabase *database,
            const char    *table,
            Imported      *imported)
{
  imported->person_changes++;
}

static void
wait_idle (YishiImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  yishi_ui_test_spin (20);
  while (yishi_import_dialog_is_busy (dialog) && g_get_monotonic_time () < deadline)
    yishi_ui_test_spin (20);
  g_assert_false (yishi_import_dialog_is_busy (dialog));
}

static char *
write_roster (char **ids)
{
  g_autoptr (GError) error = NULL;
  char *path = yishi_test_path ("roster.csv");
  g_autofree char *text = NULL;

  ids[0] = yishi_test_id_number ("110101", "19850307", "123");
  ids[1] = yishi_test_id_number ("110101", "19900512", "224");
  ids[2] = yishi_test_id_number ("110101", "19781120", "315");
  ids[3] = yishi_test_break_check (yishi_test_id_number ("110101", "19920101", "426"));
  text = g_strdup_printf ("幸福社区网格人员花名册（2026年）\r\n"
                          "姓名,性别,出生日期,身份证号码,联系电话,网格,楼栋,单元,房号\r\n"
                          "测试甲,男,1985/3/7,%s,13800138001,导入网格,3号楼,2单元,301\r\n"
                          "测试乙,女,1990-05-12,%s,13800138002,导入网格,3号楼,2单元,302\r\n"
                          "测试丙,男,1978年11月20日,%s, 13800138003 ,导入网格,5号楼,1单元,101\r\n"
                          "测试丁,女,1992-01-01,%s,13800138004,导入网格,3号楼,2单元,303\r\n"
                          "测试戊,男,1985-03-07,%s,13800138005,导入网格,3号楼,2单元,304\r\n",
                          ids[0], ids[1], ids[2], ids[3], ids[0]);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
check_counts (YishiImportDialog *dialog,
              guint              n_new,
              guint              n_unchanged,
              guint              n_rejected)
{
  YishiRosterImport *import = yishi_import_dialog_get_import (dialog);

  g_assert_nonnull (import);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_NEW), ==, n_new);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_UNCHANGED), ==,
                    n_unchanged);
  g_assert_cmpuint (yishi_roster_import_count (import, YISHI_ROSTER_ROW_REJECTED), ==, n_rejected);
}

static void
test_import (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autofree char *path = NULL;
  g_autofree char *rejected_path = yishi_test_path ("rejected.xlsx");
  g_autoptr (GFile) file = NULL;
  g_auto (GStrv) ids = g_new0 (char *, 5);
  Imported imported = { 0 };
  YishiImportDialog *dialog;
  YishiRosterImport *import;
  GListModel *shown;
  GtkWidget *row;
  gint64 people = yishi_database_count (database, "person");
  gint64 audit = yishi_database_count (database, "audit_log");
  gulong handler;

  path = write_roster (ids);
  file = g_file_new_for_path (path);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (yishi_registry_find_by_id_number (database, ids[i]), ==, 0);

  dialog = yishi_ui_test_present (yishi_import_dialog_new (NULL, database));
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "choose");
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);

  /* 1: the file, read in a thread. */
  yishi_import_dialog_open_file (dialog, file);
  wait_idle (dialog);
  g_assert_null (yishi_import_dialog_get_error (dialog));
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "mapping");

  /* 2: the header under the title row, its Chinese names mapped to fields. */
  import = yishi_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (yishi_roster_import_get_header_row (import), ==, 1);
  g_assert_cmpuint (yishi_roster_import_get_n_columns (import), ==, 9);
  {
    static const YishiRosterField expected[] = {
      YISHI_ROSTER_FIELD_NAME, YISHI_ROSTER_FIELD_GENDER, YISHI_ROSTER_FIELD_BIRTH_DATE,
      YISHI_ROSTER_FIELD_ID_NUMBER, YISHI_ROSTER_FIELD_PHONE, YISHI_ROSTER_FIELD_GRID,
      YISHI_ROSTER_FIELD_BUILDING, YISHI_ROSTER_FIELD_UNIT, YISHI_ROSTER_FIELD_ROOM,
    };

    for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
      g_assert_cmpint (yishi_roster_import_get_mapping (import, c), ==, expected[c]);
  }
  /* The dropdown of a column shows its field, and a sample of its values. */
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "身份证号码");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    YISHI_ROSTER_FIELD_ID_NUMBER);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ids[0]));
  /* Choosing the ID number's field for another column moves it there, and back. */
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "联系电话");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), YISHI_ROSTER_FIELD_ID_NUMBER);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 3), ==, YISHI_ROSTER_FIELD_IGNORE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), YISHI_ROSTER_FIELD_PHONE);
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "身份证号码");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    YISHI_ROSTER_FIELD_IGNORE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), YISHI_ROSTER_FIELD_ID_NUMBER);
  g_assert_cmpint (yishi_roster_import_get_mapping (import, 3), ==, YISHI_ROSTER_FIELD_ID_NUMBER);

  /* 3: the preview, checked in a thread; nothing written. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  g_assert_true (yishi_import_dialog_is_busy (dialog) ||
                 g_strcmp0 (yishi_import_dialog_get_step (dialog), "preview") == 0);
  wait_idle (dialog);
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "preview");
  check_counts (dialog, 3, 0, 2);
  shown = yishi_import_dialog_get_shown_rows (dialog);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  g_object_set (dialog, "only-rejected", TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (YishiRosterRow) rejected = g_list_model_get_item (shown, i);

      g_assert_cmpint (yishi_roster_row_get_verdict (rejected), ==, YISHI_ROSTER_ROW_REJECTED);
      g_assert_cmpstr (yishi_roster_row_get_reason (rejected), !=, "");
      g_assert_cmpuint (yishi_roster_row_get_source_row (rejected), ==, i == 0 ? 6 : 7);
    }
  g_object_set (dialog, "only-rejected", FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  yishi_ui_test_spin (50);
  g_assert_cmpint (yishi_database_count (database, "person"), ==, people);
  g_assert_cmpint (yishi_database_count (database, "audit_log"), ==, audit);
  g_assert_cmpuint (imported.count, ==, 0);

  /* 4: the import, in a thread on its own connection; the main one hears of it. */
  handler = g_signal_connect (database, "changed::person", G_CALLBACK (on_changed), &imported);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  wait_idle (dialog);
  g_signal_handler_disconnect (database, handler);
  g_assert_null (yishi_import_dialog_get_error (dialog));
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "result");
  g_assert_cmpuint (imported.count, ==, 1);
  g_assert_cmpuint (imported.n_imported, ==, 3);
  g_assert_cmpuint (imported.person_changes, >=, 1);
  g_assert_cmpint (yishi_database_count (database, "person"), ==, people + 3);
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = yishi_registry_find_by_id_number (database, ids[i]);
      g_autoptr (YishiPersonDetail) detail = NULL;

      g_assert_cmpint (id, >, 0);
      detail = yishi_registry_load_person (database, id, NULL);
      g_assert_nonnull (detail);
      g_assert_nonnull (detail->place);
      g_assert_nonnull (strstr (detail->place, "导入网格"));
      if (i == 0)
        {
          g_assert_cmpstr (detail->name, ==, "测试甲");
          g_assert_cmpstr (detail->birth_date, ==, "1985-03-07");
          g_assert_cmpstr (detail->phone, ==, "13800138001");
        }
    }
  g_assert_cmpint (yishi_registry_find_by_id_number (database, ids[3]), ==, 0);
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (yishi_import_dialog_save_rejected (dialog, rejected_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (rejected_path, G_FILE_TEST_IS_REGULAR));
  }
  yishi_ui_test_close (dialog);

  /* The same file again adds nothing. */
  dialog = yishi_ui_test_present (yishi_import_dialog_new (NULL, database));
  yishi_import_dialog_open_file (dialog, file);
  wait_idle (dialog);
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "mapping");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  wait_idle (dialog);
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "preview");
  check_counts (dialog, 0, 3, 2);
  /* Nothing new: the import button does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  wait_idle (dialog);
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "preview");
  g_assert_cmpint (yishi_database_count (database, "person"), ==, people + 3);
  yishi_ui_test_close (dialog);
}

static void
test_import_bad_file (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autofree char *path = yishi_test_path ("old.xls");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  /* The start of an OLE compound file, as the old binary .xls is. */
  static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0\0\0\0\0";
  g_autoptr (GError) error = NULL;
  YishiImportDialog *dialog;
  gint64 audit = yishi_database_count (database, "audit_log");

  g_file_set_contents (path, ole, sizeof ole, &error);
  g_assert_no_error (error);
  dialog = yishi_ui_test_present (yishi_import_dialog_new (NULL, database));
  yishi_import_dialog_open_file (dialog, file);
  wait_idle (dialog);
  g_assert_cmpstr (yishi_import_dialog_get_step (dialog), ==, "failed");
  g_assert_nonnull (yishi_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (yishi_import_dialog_get_error (dialog), ".xlsx"));
  g_assert_null (yishi_import_dialog_get_import (dialog));
  g_assert_cmpint (yishi_database_count (database, "audit_log"), ==, audit);
  yishi_ui_test_close (dialog);
}

/* The person dialog ---------------------------------------------------------------------------- */

typedef struct
{
  guint count;
  gint64 id;
  char *batch;
} Saved;

static void
on_saved (YishiPersonDialog *dialog,
          gint64             id,
          Saved             *saved)
{
  saved->count++;
  saved->id = id;
}

static void
on_deleted (YishiPersonDialog *dialog,
            const char        *batch,
            Saved             *saved)
{
  saved->count++;
  g_free (saved->batch);
  saved->batch = g_strdup (batch);
}

static void
set_entry (GtkWidget  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
entry_text (GtkWidget  *dialog,
            const char *title)
{
  GtkWidget *row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A live person with an ID number, from the demo. */
static YishiPersonDetail *
someone_with_id (YishiDatabase *database)
{
  for (gint64 id = 1; id < 500; id++)
    {
      YishiPersonDetail *detail = yishi_registry_load_person (database, id, NULL);

      if (detail != NULL && !detail->deleted && detail->id_number != NULL &&
          *detail->id_number != '\0')
        return detail;
      g_clear_pointer (&detail, yishi_person_detail_free);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_person_new (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (YishiPersonDetail) other = someone_with_id (database);
  g_autoptr (YishiPersonDetail) created = NULL;
  g_autofree char *fresh = yishi_test_id_number ("320102", "19850307", "551");
  g_autoptr (GError) error = NULL;
  Saved saved = { 0 };
  YishiPersonDialog *dialog = yishi_ui_test_present (yishi_person_dialog_new (NULL, database, 0, 0));
  GtkWidget *derived, *mismatch, *duplicate, *gender;
  gint64 people = yishi_database_count (database, "person");

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_cmpint (yishi_registry_find_by_id_number (database, fresh), ==, 0);

  /* The ID number typed: what it gives is shown and fills the empty fields. */
  set_entry (GTK_WIDGET (dialog), "_Name", "测试新人");
  set_entry (GTK_WIDGET (dialog), "_ID number", "3201021985");
  derived = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "ID number");
  g_assert_nonnull (derived);
  g_assert_true (gtk_widget_get_visible (derived));
  set_entry (GTK_WIDGET (dialog), "_ID number", fresh);
  derived = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "From the ID number");
  g_assert_nonnull (derived);
  g_assert_true (gtk_widget_get_visible (derived));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (derived)), "1985-03-07"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (derived)), "Male"));
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_Birth date"), ==, "1985-03-07");
  gender = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Gender");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gender)), ==, 0); /* male */

  /* A birth date that disagrees is flagged, not refused. */
  mismatch = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Does not agree");
  g_assert_nonnull (mismatch);
  g_assert_false (gtk_widget_get_visible (mismatch));
  set_entry (GTK_WIDGET (dialog), "_Birth date", "1986-03-07");
  g_assert_true (gtk_widget_get_visible (mismatch));
  set_entry (GTK_WIDGET (dialog), "_Birth date", "1985-03-07");
  g_assert_false (gtk_widget_get_visible (mismatch));

  /* A bad check digit: said at once. */
  {
    g_autofree char *bad = yishi_test_break_check (yishi_test_id_number ("320102", "19850307", "551"));

    set_entry (GTK_WIDGET (dialog), "_ID number", bad);
    derived = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Not a valid ID number");
    g_assert_nonnull (derived);
    g_assert_true (gtk_widget_get_visible (derived));
  }

  /* A phone that is neither mobile nor landline: an error under it. */
  set_entry (GTK_WIDGET (dialog), "_Phone", "12345");
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                     "Not a phone number")));
  g_assert_false (yishi_person_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  set_entry (GTK_WIDGET (dialog), "_Phone", "0571-87654321");

  /* Somebody else's ID number: refused, named, with a way to them; nothing typed lost. */
  set_entry (GTK_WIDGET (dialog), "_ID number", other->id_number);
  g_assert_false (yishi_person_dialog_save (dialog, &error));
  g_assert_error (error, YISHI_REGISTRY_ERROR, YISHI_REGISTRY_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_cmpint (yishi_person_dialog_get_duplicate_id (dialog), ==, other->id);
  duplicate = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "This ID number belongs to");
  g_assert_nonnull (duplicate);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (duplicate,
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (duplicate)),
                            other->name));
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_ID number"), ==, other->id_number);
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_Name"), ==, "测试新人");
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_Phone"), ==, "0571-87654321");
  g_assert_cmpint (yishi_database_count (database, "person"), ==, people);
  g_assert_cmpuint (saved.count, ==, 0);

  /* "Open That Person" opens their dialog over this one. */
  {
    GtkWidget *button = find_widget (duplicate, GTK_TYPE_BUTTON, "_Open That Person");
    GtkWindow *opened;

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    yishi_ui_test_spin (50);
    opened = NULL;
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWindow) candidate = g_list_model_get_item (toplevels, i);

          if (YISHI_IS_PERSON_DIALOG (candidate) && candidate != GTK_WINDOW (dialog))
            opened = candidate;
        }
    }
    g_assert_nonnull (opened);
    g_assert_cmpint (yishi_person_dialog_get_person_id (YISHI_PERSON_DIALOG (opened)), ==,
                     other->id);
    yishi_ui_test_close (g_object_ref (opened));
  }

  /* Corrected, it saves and closes. */
  set_entry (GTK_WIDGET (dialog), "_ID number", fresh);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (duplicate,
                                                                    ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (yishi_person_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved.count, ==, 1);
  g_assert_cmpint (saved.id, ==, yishi_registry_find_by_id_number (database, fresh));
  yishi_ui_test_close (dialog);

  created = yishi_registry_load_person (database, saved.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->name, ==, "测试新人");
  g_assert_cmpstr (created->birth_date, ==, "1985-03-07");
  g_assert_cmpstr (created->gender, ==, "male");
  g_assert_cmpstr (created->phone, ==, "0571-87654321");
  g_assert_false (created->public_name_consent);
}

static void
test_person_existing (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (YishiPersonDetail) other = someone_with_id (database);
  g_autoptr (YishiPersonDetail) after = NULL;
  g_autoptr (GError) error = NULL;
  Saved saved = { 0 };
  Saved deleted = { 0 };
  YishiPersonDialog *dialog = yishi_ui_test_present (yishi_person_dialog_new (NULL, database, other->id, 0));
  double balance = yishi_points_balance (database, other->id);
  GtkWidget *button;
  GtkWidget *error_label;
  GtkWindow *confirm;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  g_signal_connect (dialog, "deleted", G_CALLBACK (on_deleted), &deleted);
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_Name"), ==, other->name);
  g_assert_cmpstr (entry_text (GTK_WIDGET (dialog), "_ID number"), ==, other->id_number);

  /* Redeeming beyond the balance is refused under the form, and writes nothing. */
  {
    GtkWidget *spin_button;
    GtkWidget *expander = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                       "_Redeem Points");

    g_assert_nonnull (expander);
    spin_button = find_widget (expander, GTK_TYPE_SPIN_BUTTON, NULL);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), balance + 1000);
    set_entry (expander, "_For what", "测试兑换");
    button = find_widget (expander, GTK_TYPE_BUTTON, "Rede_em");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    error_label = find_error_label (gtk_widget_get_ancestor (expander,
                                                             ADW_TYPE_PREFERENCES_GROUP));
    g_assert_nonnull (error_label);
    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
    g_assert_cmpfloat (yishi_points_balance (database, other->id), ==, balance);
    g_assert_cmpstr (entry_text (expander, "_For what"), ==, "测试兑换");
  }
  /* Then an adjustment with its reason is written, and shown as the balance. */
  {
    GtkWidget *expander = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                       "_Adjust Balance");
    GtkWidget *spin_button = find_widget (expander, GTK_TYPE_SPIN_BUTTON, NULL);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 5);
    set_entry (expander, "_Reason", "测试调整");
    button = find_widget (expander, GTK_TYPE_BUTTON, "Ad_just");
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpfloat (yishi_points_balance (database, other->id), ==, balance + 5);
  }

  /* Moving house to another household of the unit keeps the old one in the history. */
  if (other->household_id != 0)
    {
      g_autoptr (YishiPersonDetail) moved = NULL;
      GtkWidget *household;
      guint current, n_households;

      button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Move House");
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      household = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Household");
      g_assert_nonnull (household);
      current = adw_combo_row_get_selected (ADW_COMBO_ROW (household));
      n_households = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (household)));
      g_assert_cmpuint (current, >, 0); /* the current home, chosen already */
      g_assert_cmpuint (n_households, >, 2);
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (household), current == 1 ? 2 : 1);
          set_entry (GTK_WIDGET (dialog), "_Date of the move", "2026-11-30");
          g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Mo_ve"),
                                 "clicked");
          g_assert_null (yishi_person_dialog_get_error (dialog));
          moved = yishi_registry_load_person (database, other->id, NULL);
          g_assert_cmpint (moved->household_id, !=, other->household_id);
          g_assert_cmpuint (moved->residences->len, ==, other->residences->len + 1);
          g_assert_cmpuint (saved.count, ==, 1);
          saved.count = 0;
        }
    }

  /* An update stays in the dialog. */
  set_entry (GTK_WIDGET (dialog), "_Phone", "13912345678");
  g_assert_true (yishi_person_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved.count, ==, 1);
  g_assert_false (gtk_widget_in_destruction (GTK_WIDGET (dialog)));
  after = yishi_registry_load_person (database, other->id, NULL);
  g_assert_cmpstr (after->phone, ==, "13912345678");

  /* Deleting asks, then hands the batch to undo it. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.delete", NULL);
  yishi_ui_test_spin (30);
  confirm = yishi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "delete");
  yishi_ui_test_spin (30);
  g_assert_cmpuint (deleted.count, ==, 1);
  g_assert_nonnull (deleted.batch);
  g_assert_cmpint (yishi_registry_find_by_id_number (database, other->id_number), ==, 0);
  g_assert_true (yishi_registry_undelete (database, deleted.batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_registry_find_by_id_number (database, other->id_number), ==, other->id);
  yishi_ui_test_close (dialog);
  g_free (deleted.batch);
}

/* Points and organisations --------------------------------------------------------------------- */

static void
test_points_and_organisations (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (GError) error = NULL;
  YishiPointsDialog *points = yishi_ui_test_present (yishi_points_dialog_new (NULL, database));
  YishiOrganisationsDialog *organisations;
  YishiOrganisation organisation = { 0 };
  guint n;

  g_assert_cmpuint (yishi_points_dialog_get_n_rules (points), >, 0);
  g_assert_null (yishi_points_dialog_get_error (points));
  yishi_ui_test_close (points);

  organisations = yishi_ui_test_present (yishi_organisations_dialog_new (NULL, database));
  n = yishi_organisations_dialog_get_n_items (organisations);
  organisation.kind = (char *)"social_org";
  organisation.name = (char *)"测试公益服务中心";
  organisation.contact_name = (char *)"王老师";
  organisation.contact_phone = (char *)"12345";
  yishi_organisations_dialog_edit (organisations, 0);
  yishi_organisations_dialog_fill (organisations, &organisation);
  g_assert_false (yishi_organisations_dialog_save (organisations, &error));
  g_assert_nonnull (yishi_organisations_dialog_get_error (organisations));
  g_clear_error (&error);
  g_assert_cmpuint (yishi_organisations_dialog_get_n_items (organisations), ==, n);
  organisation.contact_phone = (char *)"13700001111";
  yishi_organisations_dialog_fill (organisations, &organisation);
  g_assert_true (yishi_organisations_dialog_save (organisations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_organisations_dialog_get_n_items (organisations), ==, n + 1);
  g_assert_true (yishi_organisations_dialog_delete (organisations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_organisations_dialog_get_n_items (organisations), ==, n);
  yishi_ui_test_close (organisations);
}

int
main (int    argc,
      char **argv)
{
  int result;

  yishi_ui_test_init (&argc, &argv);

  g_test_add_func ("/import/preview-and-commit", test_import);
  g_test_add_func ("/import/bad-file", test_import_bad_file);
  g_test_add_func ("/person/new", test_person_new);
  g_test_add_func ("/person/existing", test_person_existing);
  g_test_add_func ("/registry/points-and-organisations", test_points_and_organisations);

  result = g_test_run ();
  return result;
}
