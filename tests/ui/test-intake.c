/* test-intake.c — the intake form, attachments and the PDF preview under Xvfb.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-attachments.h"
#include "yishi-demo.h"
#include "yishi-intake-dialog.h"
#include "yishi-issue-list.h"
#include "yishi-issue-store.h"
#include "yishi-lookup.h"
#include "yishi-pdf-preview.h"
#include "yishi-window.h"
#include "yishi-ui-test-utils.h"

static const char *demo_path;

static YishiIntakeDialog *
new_dialog (YishiDatabase *database)
{
  GtkWindow *dialog = yishi_intake_dialog_new (NULL, database);

  g_object_ref (dialog);
  gtk_window_present (dialog);
  yishi_ui_test_spin (50);
  return YISHI_INTAKE_DIALOG (dialog);
}

/* The ids of the rows of @list, all pages. */
static gboolean
list_has (YishiIssueList *list,
          gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (YishiIssue) issue = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (issue != NULL && yishi_issue_get_id (issue) == id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
search_finds (YishiDatabase *database,
              const char    *query,
              gint64         id)
{
  g_autoptr (YishiIssueList) list = yishi_issue_list_new (database);
  YishiIssueFilter filter = { 0 };

  filter.query = (char *)query;
  yishi_issue_list_set_filter (list, &filter);
  g_assert_null (yishi_issue_list_get_error (list));
  return list_has (list, id);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title_prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title_prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title_prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  gint64 id;
  char *serial;
  guint count;
} Emitted;

static void
on_filed (YishiIntakeDialog *dialog,
          gint64             id,
          const char        *serial,
          Emitted           *emitted)
{
  emitted->id = id;
  g_free (emitted->serial);
  emitted->serial = g_strdup (serial);
  emitted->count++;
}

static void
on_linked (YishiIntakeDialog *dialog,
           gint64             id,
           Emitted           *emitted)
{
  emitted->id = id;
  emitted->count++;
}

static YishiIssueDraft
sample_draft (void)
{
  YishiIssueDraft draft = { 0 };

  draft.channel = "phone";
  draft.received_at = "2026-12-01T01:30:00Z"; /* 09:30 in Shanghai */
  draft.requester_name = "测试居民";
  draft.requester_phone = "13800138000";
  draft.kind = "problem";
  draft.urgency = "yellow";
  draft.title = "垃圾站异味扰民请求处理";
  draft.content = "每天傍晚垃圾站附近异味很重，\n希望增加清运次数。";
  draft.place_text = "北门垃圾站";
  return draft;
}

static void
test_file_and_find (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (YishiIssueDetail) detail = NULL;
  YishiIssueDraft draft = sample_draft ();
  Emitted emitted = { 0 };
  g_autoptr (GError) error = NULL;
  YishiIntakeDialog *dialog = new_dialog (database);
  gint64 before = yishi_database_count (database, "issue");
  GtkWidget *focus;

  /* The first field has the keyboard; Tab goes down the form. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (
                   ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW))),
                   "_Channel"));
  /* Tab visits the fields in the order they are shown. */
  {
    static const char *const order[] = { "_Channel", "_Time received", "_Name", "_Anonymous",
                                         "Contact _phone", "_Building", "Place as described",
                                         "_Kind", "C_ategory", "_Urgency", "_Title", "Content" };
    guint next = 1;

    for (guint step = 0; step < 24 && next < G_N_ELEMENTS (order); step++)
      {
        GtkWidget *row;
        const char *title;

        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
        focus = gtk_window_get_focus (GTK_WINDOW (dialog));
        row = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW);
        title = row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))
                    : GTK_IS_TEXT_VIEW (focus) ? "Content" : "?";
        if (g_str_has_prefix (title, order[next - 1]))
          continue; /* another stop in the same row */
        g_assert_true (g_str_has_prefix (title, order[next]));
        next++;
      }
    g_assert_cmpuint (next, ==, G_N_ELEMENTS (order));
  }

  g_signal_connect (dialog, "filed", G_CALLBACK (on_filed), &emitted);
  yishi_intake_dialog_fill (dialog, &draft);
  g_assert_true (yishi_intake_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (emitted.count, ==, 1);
  g_assert_cmpint (emitted.id, >, 0);
  g_assert_nonnull (emitted.serial);
  g_assert_true (g_str_has_prefix (emitted.serial, "2026-"));
  g_assert_cmpint (yishi_database_count (database, "issue"), ==, before + 1);
  yishi_ui_test_close (dialog);

  detail = yishi_issue_store_load (database, emitted.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->serial, ==, emitted.serial);
  g_assert_cmpstr (detail->received_at, ==, "2026-12-01T01:30:00Z");
  g_assert_cmpstr (detail->urgency, ==, "yellow");
  g_assert_cmpstr (detail->channel, ==, "phone");
  g_assert_cmpstr (detail->requester_name, ==, "测试居民");

  /* The ledger finds it by its serial and by a two-character word of its title. */
  g_assert_true (search_finds (database, emitted.serial, emitted.id));
  g_assert_true (search_finds (database, "异味", emitted.id));
  g_free (emitted.serial);
}

static void
test_errors_write_nothing (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  YishiIssueDraft draft = sample_draft ();
  Emitted emitted = { 0 };
  YishiIntakeDialog *dialog = new_dialog (database);
  gint64 issues = yishi_database_count (database, "issue");
  gint64 audit = yishi_database_count (database, "audit_log");

  g_signal_connect (dialog, "filed", G_CALLBACK (on_filed), &emitted);

  {
    g_autoptr (GError) error = NULL;

    draft.requester_phone = "12345";
    yishi_intake_dialog_fill (dialog, &draft);
    g_assert_false (yishi_intake_dialog_submit (dialog, &error));
    g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
    g_assert_cmpstr (yishi_intake_dialog_get_error (dialog), ==, error->message);
  }
  {
    g_autoptr (GError) error = NULL;

    draft.requester_phone = "13800138000";
    draft.title = "   ";
    yishi_intake_dialog_fill (dialog, &draft);
    g_assert_false (yishi_intake_dialog_submit (dialog, &error));
    g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "title"));
  }
  {
    g_autoptr (GError) error = NULL;

    /* A time the worker mistyped. */
    draft.title = "路灯不亮";
    draft.received_at = "2026-13-01T09:30:00Z";
    yishi_intake_dialog_fill (dialog, &draft);
    g_assert_false (yishi_intake_dialog_submit (dialog, &error));
    g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  }

  g_assert_cmpuint (emitted.count, ==, 0);
  g_assert_cmpint (yishi_database_count (database, "issue"), ==, issues);
  g_assert_cmpint (yishi_database_count (database, "audit_log"), ==, audit);
  yishi_ui_test_close (dialog);
}

static void
test_similar_adds_requester (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (YishiIssueDetail) before = NULL;
  g_autoptr (YishiIssueDetail) after = NULL;
  g_autoptr (GError) error = NULL;
  YishiIssueDraft existing = sample_draft ();
  YishiIssueDraft draft = sample_draft ();
  Emitted emitted = { 0 };
  YishiIntakeDialog *dialog;
  gint64 issues;
  gint64 id;
  guint n, index = G_MAXUINT;

  /* An open matter in the ledger, filed by the store as any other. */
  existing.title = "小区东门路灯不亮夜间出行不便";
  existing.content = "东门到三号楼之间的路灯坏了一个星期。";
  existing.received_at = "2026-11-30T01:00:00Z";
  id = yishi_issue_store_add (database, &existing, NULL, &error);
  g_assert_no_error (error);
  before = yishi_issue_store_load (database, id, &error);
  g_assert_no_error (error);

  /* Nothing typed yet: nothing to show. */
  dialog = new_dialog (database);
  g_assert_cmpuint (yishi_intake_dialog_get_n_similar (dialog), ==, 0);

  /* Another caller about the same lamp, in other words. */
  draft.title = "东门路灯又不亮了";
  draft.content = "";
  draft.requester_name = "再次来电";
  draft.requester_phone = "13900139000";
  yishi_intake_dialog_fill (dialog, &draft);
  n = yishi_intake_dialog_get_n_similar (dialog);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, 5);
  for (guint i = 0; i < n; i++)
    if (yishi_intake_dialog_get_similar_id (dialog, i) == before->id)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);

  issues = yishi_database_count (database, "issue");
  g_signal_connect (dialog, "linked", G_CALLBACK (on_linked), &emitted);
  g_assert_true (yishi_intake_dialog_link_similar (dialog, index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (emitted.count, ==, 1);
  g_assert_cmpint (emitted.id, ==, before->id);
  yishi_ui_test_close (dialog);

  g_assert_cmpint (yishi_database_count (database, "issue"), ==, issues);
  after = yishi_issue_store_load (database, before->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->requesters->len, ==, before->requesters->len + 1);
  g_assert_cmpstr (g_ptr_array_index (after->requesters, after->requesters->len - 1), ==,
                   "再次来电 13900139000");
}

static void
test_requester_lookup (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (YishiIssueDetail) detail = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = NULL;
  YishiLookupItem *person;
  Emitted emitted = { 0 };
  YishiIntakeDialog *dialog = new_dialog (database);
  GtkWidget *name_row;
  GtkWidget *phone_row;

  /* Someone from the registry, found by the first character of the name. */
  people = yishi_lookup_people (database, "王", 1, &error);
  g_assert_no_error (error);
  if (people->len == 0)
    {
      g_clear_pointer (&people, g_ptr_array_unref);
      people = yishi_lookup_people (database, "张", 1, &error);
    }
  g_assert_cmpuint (people->len, ==, 1);
  person = g_ptr_array_index (people, 0);
  prefix = g_utf8_substring (person->label, 0, 1);

  name_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Name");
  phone_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Contact _phone");
  g_assert_nonnull (name_row);
  g_assert_nonnull (phone_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), prefix);
  yishi_ui_test_spin (20);
  g_assert_cmpuint (yishi_intake_dialog_get_n_matches (dialog), >, 0);
  g_assert_cmpuint (yishi_intake_dialog_get_n_matches (dialog), <=, 8);

  /* Typing the whole name narrows it down; picking fills the phone. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), person->label);
  g_assert_cmpuint (yishi_intake_dialog_get_n_matches (dialog), >, 0);
  g_assert_true (yishi_intake_dialog_pick_match (dialog, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, person->label);
  g_assert_true (g_str_has_prefix (person->detail,
                                   gtk_editable_get_text (GTK_EDITABLE (phone_row))));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (phone_row))), >=, 7);

  /* Too few digits do not look anyone up. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "123");
  g_assert_cmpuint (yishi_intake_dialog_get_n_matches (dialog), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (name_row), person->label);
  g_assert_true (yishi_intake_dialog_pick_match (dialog, 0));

  g_signal_connect (dialog, "filed", G_CALLBACK (on_filed), &emitted);
  /* Keep what was picked: type the title in its row. */
  {
    GtkWidget *title_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Title");

    gtk_editable_set_text (GTK_EDITABLE (title_row), "楼道灯坏了");
  }
  g_assert_true (yishi_intake_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  yishi_ui_test_close (dialog);

  detail = yishi_issue_store_load (database, emitted.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detail->requester_name, ==, person->label);
  g_assert_true (g_str_has_prefix (person->detail, detail->requester_phone));
  g_free (emitted.serial);
}

static char *
write_png (const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = yishi_test_path (name);
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_attachment_with_thumbnail (void)
{
  g_autoptr (YishiDatabase) database = yishi_test_open_demo (YISHI_DATABASE_OPEN_DEFAULT);
  g_autofree char *png = write_png ("漏水照片.png", 800, 600);
  g_autofree char *big = yishi_test_path ("big.bin");
  g_autoptr (GFile) png_file = g_file_new_for_path (png);
  g_autoptr (GFile) big_file = g_file_new_for_path (big);
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GdkPixbuf) thumbnail = NULL;
  YishiAttachment *attachment;
  YishiIssueDraft draft = sample_draft ();
  Emitted emitted = { 0 };
  YishiIntakeDialog *dialog = new_dialog (database);
  FILE *f;

  /* More than 20 MB is refused before it is read. */
  f = fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 21 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', f);
  fclose (f);
  g_assert_false (yishi_intake_dialog_add_file (dialog, big_file, &error));
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (yishi_intake_dialog_get_n_attachments (dialog), ==, 0);

  g_assert_true (yishi_intake_dialog_add_file (dialog, png_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_intake_dialog_get_n_attachments (dialog), ==, 1);

  g_signal_connect (dialog, "filed", G_CALLBACK (on_filed), &emitted);
  draft.title = "屋顶漏水照片附后";
  yishi_intake_dialog_fill (dialog, &draft);
  g_assert_true (yishi_intake_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  yishi_ui_test_close (dialog);

  attachments = yishi_attachments_list (database, emitted.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  attachment = g_ptr_array_index (attachments, 0);
  g_assert_cmpstr (attachment->file_name, ==, "漏水照片.png");
  g_assert_cmpstr (attachment->mime_type, ==, "image/png");
  g_assert_nonnull (attachment->thumbnail);
  g_assert_cmpmem (g_bytes_get_data (attachment->thumbnail, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  stream = g_memory_input_stream_new_from_bytes (attachment->thumbnail);
  thumbnail = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 96);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 72);

  original = g_file_load_bytes (png_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attachment->size, ==, (gint64)g_bytes_get_size (original));
  stored = yishi_attachments_get_data (database, attachment->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, original));

  /* The core refuses what the form refuses. */
  g_assert_cmpint (yishi_attachments_add (database, emitted.id, "a/b.png", "image/png", original,
                                          NULL, &error), ==, 0);
  g_assert_error (error, YISHI_DATABASE_ERROR, YISHI_DATABASE_ERROR_INVALID);
  g_free (emitted.serial);
}

static char *
write_two_page_pdf (const char *name)
{
  g_autofree char *path = yishi_test_path (name);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (int page = 1; page <= 2; page++)
    {
      g_autofree char *text = g_strdup_printf ("Page %d", page);

      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 36);
      cairo_move_to (cr, 72, 144);
      cairo_show_text (cr, text);
      cairo_rectangle (cr, 72, 200, 451, 500);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static int
pdf_pages (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

typedef struct
{
  guint calls;
  gboolean freed;
  double width;
} DrawLog;

static void
log_draw (gpointer  data,
          cairo_t  *cr,
          guint     page,
          double    width_pt,
          double    height_pt)
{
  DrawLog *log = data;

  log->calls++;
  log->width = width_pt;
  cairo_move_to (cr, 72, 72);
  cairo_line_to (cr, width_pt - 72, height_pt - 72);
  cairo_stroke (cr);
}

static void
log_free (gpointer data)
{
  ((DrawLog *)data)->freed = TRUE;
}

static void
test_preview (void)
{
  g_autofree char *pdf = write_two_page_pdf ("two-pages.pdf");
  g_autofree char *printed = yishi_test_path ("printed.pdf");
  g_autofree char *saved = yishi_test_path ("saved.pdf");
  g_autoptr (GFile) saved_file = g_file_new_for_path (saved);
  g_autoptr (GError) error = NULL;
  DrawLog log = { 0 };
  YishiPdfPreview *preview;

  preview = YISHI_PDF_PREVIEW (yishi_pdf_preview_new (NULL, "三张清单", pdf, log_draw, 2, &log,
                                                      log_free));
  g_object_ref (preview);
  gtk_window_present (GTK_WINDOW (preview));
  yishi_ui_test_spin (100);
  g_assert_null (yishi_pdf_preview_get_error (preview));
  g_assert_cmpuint (yishi_pdf_preview_get_n_pages (preview), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_cmpfloat (yishi_pdf_preview_get_zoom (preview), >, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-fit", NULL);
  g_assert_cmpfloat (yishi_pdf_preview_get_zoom (preview), ==, 1.0);
  yishi_ui_test_spin (50);

  /* Printing draws with the renderer, page by page. */
  g_assert_true (yishi_pdf_preview_export (preview, printed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, ==, 2);
  g_assert_cmpfloat_with_epsilon (log.width, 595.28, 1.0);
  g_assert_cmpint (pdf_pages (printed), ==, 2);

  g_assert_true (yishi_pdf_preview_save_to (preview, saved_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (saved), ==, 2);

  yishi_ui_test_close (preview);
  g_assert_true (log.freed);

  /* Without a renderer, Poppler prints the PDF's own pages. */
  preview = YISHI_PDF_PREVIEW (yishi_pdf_preview_new (NULL, NULL, pdf, NULL, 0, NULL, NULL));
  g_object_ref (preview);
  gtk_window_present (GTK_WINDOW (preview));
  yishi_ui_test_spin (30);
  g_assert_true (yishi_pdf_preview_export (preview, printed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (printed), ==, 2);
  yishi_ui_test_close (preview);
}

static void
test_preview_bad_file (void)
{
  g_autofree char *junk = yishi_test_path ("junk.pdf");
  g_autofree char *missing = yishi_test_path ("missing.pdf");
  YishiPdfPreview *preview;

  g_assert_true (g_file_set_contents (junk, "not a PDF at all", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      preview = YISHI_PDF_PREVIEW (yishi_pdf_preview_new (NULL, "坏文件", i ? missing : junk,
                                                          NULL, 0, NULL, NULL));
      g_object_ref (preview);
      gtk_window_present (GTK_WINDOW (preview));
      yishi_ui_test_spin (30);
      g_assert_nonnull (yishi_pdf_preview_get_error (preview));
      g_assert_cmpuint (yishi_pdf_preview_get_n_pages (preview), ==, 0);
      yishi_ui_test_close (preview);
    }
}

static void
test_window_actions (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  YishiWindow *window = yishi_window_new (NULL, settings);
  GtkWindow *dialog;
  YishiPdfPreview *preview = NULL;
  gint64 deadline;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  yishi_window_open_path (window, demo_path);
  yishi_ui_test_spin (50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-matter", NULL);
  yishi_ui_test_spin (30);
  dialog = yishi_ui_test_find_toplevel (YISHI_TYPE_INTAKE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));
  g_object_ref (dialog);
  yishi_ui_test_close (dialog);

  /* The three lists of last month, made in a thread, shown in the preview. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.three-lists", NULL);
  yishi_ui_test_spin (30);
  dialog = yishi_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "make");
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((preview = yishi_ui_test_find_toplevel (YISHI_TYPE_PDF_PREVIEW)) == NULL &&
         g_get_monotonic_time () < deadline)
    yishi_ui_test_spin (20);
  g_assert_nonnull (preview);
  g_assert_null (yishi_pdf_preview_get_error (preview));
  g_assert_cmpuint (yishi_pdf_preview_get_n_pages (preview), >=, 1);
  {
    g_autofree char *printed = yishi_test_path ("three-lists-printed.pdf");
    g_autoptr (GError) error = NULL;

    g_assert_true (yishi_pdf_preview_export (preview, printed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pdf_pages (printed), ==, (int)yishi_pdf_preview_get_n_pages (preview));
  }
  g_object_ref (preview);
  yishi_ui_test_close (preview);

  gtk_window_destroy (GTK_WINDOW (window));
  yishi_ui_test_spin (20);
  g_assert_finalize_object (window);
}

int
main (int    argc,
      char **argv)
{
  int result;

  demo_path = yishi_ui_test_init (&argc, &argv);

  g_test_add_func ("/intake/file-and-find", test_file_and_find);
  g_test_add_func ("/intake/errors-write-nothing", test_errors_write_nothing);
  g_test_add_func ("/intake/similar-adds-requester", test_similar_adds_requester);
  g_test_add_func ("/intake/requester-lookup", test_requester_lookup);
  g_test_add_func ("/intake/attachment-with-thumbnail", test_attachment_with_thumbnail);
  g_test_add_func ("/preview/two-pages", test_preview);
  g_test_add_func ("/preview/bad-file", test_preview_bad_file);
  g_test_add_func ("/window/new-matter-and-three-lists", test_window_actions);

  result = g_test_run ();
  return result;
}
