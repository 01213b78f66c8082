/* yishi-pdf-preview.c
 *
 * The generated PDF itself, rendered with Poppler, so that what staff see is what goes
 * on the notice board. Print hands the pages of the same renderer that wrote the file
 * to GtkPrintOperation (or, without a renderer, the PDF's own pages); "Save as PDF…"
 * copies the file where the user chooses.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "yishi-pdf-preview.h"

#define PAGE_SPACING 18    /* px between pages */
#define PAGE_SHADOW 6      /* px around a page for its shadow */
#define SIDE_MARGIN 24     /* px left and right of the pages at "fit width" */
#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.25

struct _YishiPdfPreview
{
  AdwWindow parent_instance;

  char *title;
  char *path;
  PopplerDocument *document;
  GError *error;
  guint n_pages;        /* of the renderer, for printing */
  double page_width;    /* widest page, in points */

  YishiPdfPreviewDraw draw;
  gpointer draw_data;
  GDestroyNotify destroy;

  double zoom;          /* 1.0: the widest page fits the width of the window */
  double scale;         /* px per point, as laid out */
  guint relayout_id;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkScrolledWindow *scroller;
  GtkBox *pages_box;
  GtkButton *zoom_button;
  GPtrArray *areas;     /* GtkDrawingArea, one a page */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (YishiPdfPreview, yishi_pdf_preview, ADW_TYPE_WINDOW)

/* Poppler 22.12 has no g_autoptr () support of its own: a private name for it. */
typedef PopplerPage PreviewPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PreviewPage, g_object_unref)

static void
toast (YishiPdfPreview *self,
       const char      *text)
{
  AdwToast *item = adw_toast_new (text);

  adw_toast_set_timeout (item, 4);
  adw_toast_overlay_add_toast (self->toasts, item);
}

/* Pages ----------------------------------------------------------------------------- */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  YishiPdfPreview *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "page"));
  g_autoptr (PreviewPage) page = poppler_document_get_page (self->document, (int)index);
  double w = width - 2 * PAGE_SHADOW;
  double h = height - 2 * PAGE_SHADOW;
  double pw, ph;

  if (page == NULL || w <= 0 || h <= 0)
    return;

  /* A soft shadow: a few widening, fading rectangles under the paper. */
  for (int i = PAGE_SHADOW; i > 0; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, PAGE_SHADOW - i, PAGE_SHADOW - i + 1.5, w + 2 * i, h + 2 * i);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, PAGE_SHADOW, PAGE_SHADOW, w, h);
  cairo_fill (cr);

  poppler_page_get_size (page, &pw, &ph);
  cairo_save (cr);
  cairo_rectangle (cr, PAGE_SHADOW, PAGE_SHADOW, w, h);
  cairo_clip (cr);
  cairo_translate (cr, PAGE_SHADOW, PAGE_SHADOW);
  cairo_scale (cr, w / pw, h / ph);
  poppler_page_render (page, cr);
  cairo_restore (cr);
}

static void
update_zoom_label (YishiPdfPreview *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f%%", self->zoom * 100);

  gtk_button_set_label (self->zoom_button, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->document != NULL && self->zoom < ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 self->document != NULL && self->zoom > ZOOM_MIN + 1e-6);
}

static void
apply_scale (YishiPdfPreview *self)
{
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double available = gtk_adjustment_get_page_size (hadjustment) - 2 * SIDE_MARGIN;

  if (self->document == NULL || self->page_width <= 0)
    return;
  /* Before the first allocation: about the size the page is on paper. */
  if (available <= 0)
    available = self->page_width * 96.0 / 72.0;

  self->scale = MAX (0.05, available / self->page_width * self->zoom);
  for (guint i = 0; i < self->areas->len; i++)
    {
      GtkDrawingArea *area = g_ptr_array_index (self->areas, i);
      g_autoptr (PreviewPage) page = poppler_document_get_page (self->document, (int)i);
      double pw = 0, ph = 0;

      if (page != NULL)
        poppler_page_get_size (page, &pw, &ph);
      gtk_drawing_area_set_content_width (area, (int)round (pw * self->scale) + 2 * PAGE_SHADOW);
      gtk_drawing_area_set_content_height (area, (int)round (ph * self->scale) + 2 * PAGE_SHADOW);
    }
}

static gboolean
relayout_idle (gpointer data)
{
  YishiPdfPreview *self = data;

  self->relayout_id = 0;
  apply_scale (self);
  return G_SOURCE_REMOVE;
}

/* The width changes during size allocation: resize the pages just after it. */
static void
on_page_size_changed (YishiPdfPreview *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout_idle, self);
}

static void
build_pages (YishiPdfPreview *self)
{
  int n = poppler_document_get_n_pages (self->document);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (PreviewPage) page = poppler_document_get_page (self->document, i);
      g_autofree char *caption = g_strdup_printf (_("Page %d of %d"), i + 1, n);
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (caption);
      double pw = 0, ph = 0;

      if (page != NULL)
        poppler_page_get_size (page, &pw, &ph);
      self->page_width = MAX (self->page_width, pw);

      g_object_set_data (G_OBJECT (area), "page", GUINT_TO_POINTER ((guint)i));
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
      gtk_box_append (self->pages_box, area);
      g_ptr_array_add (self->areas, area);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_margin_bottom (label, PAGE_SPACING);
      gtk_box_append (self->pages_box, label);
    }
}

/* Loads the file; FALSE shows the error page. */
static gboolean
load_document (YishiPdfPreview *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->path == NULL || !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist."), self->path ? self->path : "");
      return FALSE;
    }
  /* g_filename_to_uri () needs an absolute path. */
  file = g_file_new_for_path (self->path);
  uri = g_file_get_uri (file);
  self->document = poppler_document_new_from_file (uri, NULL, &self->error);
  if (self->document == NULL)
    return FALSE;
  if (poppler_document_get_n_pages (self->document) == 0)
    {
      g_clear_object (&self->document);
      g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The document has no pages."));
      return FALSE;
    }
  return TRUE;
}

/* Zoom ------------------------------------------------------------------------------ */

double
yishi_pdf_preview_get_zoom (YishiPdfPreview *self)
{
  g_return_val_if_fail (YISHI_IS_PDF_PREVIEW (self), 1.0);
  return self->zoom;
}

/**
 * yishi_pdf_preview_set_zoom:
 * @zoom: 1.0 fits the widest page to the width of the window
 */
void
yishi_pdf_preview_set_zoom (YishiPdfPreview *self,
                            double           zoom)
{
  g_return_if_fail (YISHI_IS_PDF_PREVIEW (self));

  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  update_zoom_label (self);
  apply_scale (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiPdfPreview *self = YISHI_PDF_PREVIEW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    yishi_pdf_preview_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    yishi_pdf_preview_set_zoom (self, self->zoom / ZOOM_STEP);
  else
    yishi_pdf_preview_set_zoom (self, 1.0);
}

/* Printing -------------------------------------------------------------------------- */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                YishiPdfPreview   *self)
{
  gtk_print_operation_set_n_pages (operation, (int)self->n_pages);
}

static void
on_draw_print_page (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    YishiPdfPreview   *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr (PreviewPage) page = NULL;
  double pw, ph, scale;

  if (self->draw != NULL)
    {
      /* The renderer that wrote the PDF draws the printed page too. */
      self->draw (self->draw_data, cr, (guint)page_nr, width, height);
      return;
    }

  page = poppler_document_get_page (self->document, page_nr);
  if (page == NULL)
    return;
  poppler_page_get_size (page, &pw, &ph);
  scale = MIN (width / pw, height / ph);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
}

static GtkPageSetup *
page_setup_for_document (YishiPdfPreview *self)
{
  g_autoptr (PreviewPage) page = poppler_document_get_page (self->document, 0);
  g_autoptr (GtkPaperSize) paper = NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();
  double pw, ph, shorter, longer;

  poppler_page_get_size (page, &pw, &ph);
  shorter = MIN (pw, ph);
  longer = MAX (pw, ph);
  if (fabs (shorter - 595.3) < 3 && fabs (longer - 841.9) < 3)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else if (fabs (shorter - 841.9) < 3 && fabs (longer - 1190.6) < 3)
    paper = gtk_paper_size_new ("iso_a3");
  else
    paper = gtk_paper_size_new_custom ("yishi-custom", _("Document size"), shorter, longer,
                                       GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, pw > ph ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                 : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static GtkPrintOperation *
new_print_operation (YishiPdfPreview *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = page_setup_for_document (self);

  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_n_pages (operation, (int)self->n_pages);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The documents carry their own margins (GB/T 9704): the whole sheet is theirs. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_print_page), self, 0);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr (YishiPdfPreview) self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      text = g_strdup_printf (_("The document could not be printed: %s"),
                              error ? error->message : _("unknown error"));
      toast (self, text);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    toast (self, _("Sent to the printer"));
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  YishiPdfPreview *self = YISHI_PDF_PREVIEW (widget);
  GtkPrintOperation *operation;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL)
    return;
  operation = new_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The document could not be printed: %s"),
                                               error->message);

      toast (self, text);
    }
}

/**
 * yishi_pdf_preview_export:
 *
 * Prints to a PDF file without a dialog, through the same print operation as Print.
 */
gboolean
yishi_pdf_preview_export (YishiPdfPreview  *self,
                          const char       *pdf_path,
                          GError          **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (YISHI_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, self->error->message);
      return FALSE;
    }
  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (operation, pdf_path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Save as PDF ----------------------------------------------------------------------- */

gboolean
yishi_pdf_preview_save_to (YishiPdfPreview  *self,
                           GFile            *destination,
                           GError          **error)
{
  g_autoptr (GFile) source = NULL;

  g_return_val_if_fail (YISHI_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  source = g_file_new_for_path (self->path);
  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static void
on_copied (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (YishiPdfPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GFile *destination = g_object_get_data (G_OBJECT (object), "yishi-destination");

  if (!g_file_copy_finish (G_FILE (object), result, &error))
    text = g_strdup_printf (_("The PDF could not be saved: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (destination);

      text = g_strdup_printf (_("Saved as “%s”"), name);
    }
  toast (self, text);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  YishiPdfPreview *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GFile) source = g_file_new_for_path (self->path);

      if (destination != NULL)
        {
          g_object_set_data_full (G_OBJECT (source), "yishi-destination",
                                  g_object_ref (destination), g_object_unref);
          g_file_copy_async (source, destination, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                             NULL, NULL, NULL, on_copied, g_object_ref (self));
        }
    }
  g_clear_object (&self->chooser);
}

static char *
suggested_name (const char *title)
{
  g_autofree char *name = g_strdup (title && *title ? title : _("Document"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".pdf", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiPdfPreview *self = YISHI_PDF_PREVIEW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self->title);

  if (self->document == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Public ---------------------------------------------------------------------------- */

guint
yishi_pdf_preview_get_n_pages (YishiPdfPreview *self)
{
  g_return_val_if_fail (YISHI_IS_PDF_PREVIEW (self), 0);
  return self->document ? (guint)poppler_document_get_n_pages (self->document) : 0;
}

/* Returns: (nullable): why the document is not shown */
const GError *
yishi_pdf_preview_get_error (YishiPdfPreview *self)
{
  g_return_val_if_fail (YISHI_IS_PDF_PREVIEW (self), NULL);
  return self->error;
}

/**
 * yishi_pdf_preview_new:
 * @pdf_path: the PDF to show
 * @draw: (nullable): the renderer that wrote the PDF, for printing; %NULL prints the
 *   PDF's pages through Poppler
 * @n_pages: the renderer's number of pages (0: the PDF's)
 * @destroy: (nullable): frees @draw_data when the window goes
 *
 * Returns: (transfer none): the window, not yet presented
 */
GtkWindow *
yishi_pdf_preview_new (GtkWindow           *parent,
                       const char          *title,
                       const char          *pdf_path,
                       YishiPdfPreviewDraw  draw,
                       guint                n_pages,
                       gpointer             draw_data,
                       GDestroyNotify       destroy)
{
  YishiPdfPreview *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (YISHI_TYPE_PDF_PREVIEW,
                       "transient-for", parent,
                       "title", title ? title : _("Preview"),
                       NULL);
  self->title = g_strdup (title ? title : _("Preview"));
  self->path = pdf_path ? g_canonicalize_filename (pdf_path, NULL) : NULL;
  self->draw = draw;
  self->draw_data = draw_data;
  self->destroy = destroy;
  adw_window_title_set_title (self->window_title, self->title);

  if (!load_document (self))
    {
      g_autofree char *escaped = g_markup_escape_text (self->error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", FALSE);
      update_zoom_label (self);
      return GTK_WINDOW (self);
    }

  self->n_pages = n_pages > 0 && draw != NULL
                  ? n_pages : (guint)poppler_document_get_n_pages (self->document);
  subtitle = g_strdup_printf (ngettext ("%d page", "%d pages",
                                        poppler_document_get_n_pages (self->document)),
                              poppler_document_get_n_pages (self->document));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  build_pages (self);
  if (self->page_width > 0 && self->page_width > 700)
    gtk_window_set_default_size (GTK_WINDOW (self), 1040, 780);
  update_zoom_label (self);
  apply_scale (self);
  return GTK_WINDOW (self);
}

/* GObject --------------------------------------------------------------------------- */

static void
yishi_pdf_preview_dispose (GObject *object)
{
  YishiPdfPreview *self = YISHI_PDF_PREVIEW (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->destroy != NULL && self->draw_data != NULL)
    self->destroy (self->draw_data);
  self->draw_data = NULL;
  self->destroy = NULL;
  self->draw = NULL;
  g_clear_pointer (&self->areas, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_pdf_preview_parent_class)->dispose (object);
}

static void
yishi_pdf_preview_finalize (GObject *object)
{
  YishiPdfPreview *self = YISHI_PDF_PREVIEW (object);

  g_clear_object (&self->document);
  g_clear_error (&self->error);
  g_free (self->title);
  g_free (self->path);

  G_OBJECT_CLASS (yishi_pdf_preview_parent_class)->finalize (object);
}

static void
yishi_pdf_preview_class_init (YishiPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_pdf_preview_dispose;
  object_class->finalize = yishi_pdf_preview_finalize;

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
yishi_pdf_preview_init (YishiPdfPreview *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *print = gtk_button_new ();
  GtkWidget *save = icon_button ("document-save-as-symbolic", _("Save as PDF… (Ctrl+S)"),
                                 "preview.save");
  GtkWidget *error_page = adw_status_page_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *stack = gtk_stack_new ();

  self->zoom = 1.0;
  self->areas = g_ptr_array_new ();

  gtk_window_set_modal (GTK_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 900);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));

  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-out-symbolic", _("Zoom Out (Ctrl+−)"),
                                                   "preview.zoom-out"));
  self->zoom_button = GTK_BUTTON (gtk_button_new_with_label ("100%"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zoom_button), _("Fit Width (Ctrl+0)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->zoom_button), "preview.zoom-fit");
  gtk_widget_set_size_request (GTK_WIDGET (self->zoom_button), 64, -1);
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->zoom_button));
  gtk_box_append (GTK_BOX (zoom_box), icon_button ("zoom-in-symbolic", _("Zoom In (Ctrl+plus)"),
                                                   "preview.zoom-in"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), zoom_box);

  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "printer-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Print…"));
    adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
    gtk_button_set_child (GTK_BUTTON (print), content);
  }
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_widget_set_tooltip_text (print, _("Print (Ctrl+P)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "preview.print");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->pages_box = GTK_BOX (pages);
  gtk_widget_set_margin_top (pages, PAGE_SPACING);
  gtk_widget_set_margin_start (pages, SIDE_MARGIN - PAGE_SHADOW);
  gtk_widget_set_margin_end (pages, SIDE_MARGIN - PAGE_SHADOW);
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_child (self->scroller, pages);
  gtk_widget_set_vexpand (scroller, TRUE);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (on_page_size_changed), self,
                           G_CONNECT_SWAPPED);

  self->error_page = ADW_STATUS_PAGE (error_page);
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Document Cannot Be Shown"));

  self->stack = GTK_STACK (stack);
  gtk_stack_add_named (self->stack, scroller, "pages");
  gtk_stack_add_named (self->stack, error_page, "error");
  gtk_stack_set_visible_child_name (self->stack, "pages");
  gtk_box_append (GTK_BOX (toolbar), stack);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}
