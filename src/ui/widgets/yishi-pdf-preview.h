/* yishi-pdf-preview.h — a generated PDF shown page by page, printed and saved.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Draws @page (from 0) of the document onto @cr, a page of @width_pt × @height_pt. */
typedef void (*YishiPdfPreviewDraw) (gpointer  data,
                                     cairo_t  *cr,
                                     guint     page,
                                     double    width_pt,
                                     double    height_pt);

#define YISHI_TYPE_PDF_PREVIEW (yishi_pdf_preview_get_type ())

G_DECLARE_FINAL_TYPE (YishiPdfPreview, yishi_pdf_preview, YISHI, PDF_PREVIEW, AdwWindow)

GtkWindow  *yishi_pdf_preview_new           (GtkWindow            *parent,
                                             const char           *title,
                                             const char           *pdf_path,
                                             YishiPdfPreviewDraw   draw,
                                             guint                 n_pages,
                                             gpointer              draw_data,
                                             GDestroyNotify        destroy);
guint        yishi_pdf_preview_get_n_pages  (YishiPdfPreview      *self);
const GError *yishi_pdf_preview_get_error   (YishiPdfPreview      *self);
double       yishi_pdf_preview_get_zoom     (YishiPdfPreview      *self);
void         yishi_pdf_preview_set_zoom     (YishiPdfPreview      *self,
                                             double                zoom);
gboolean     yishi_pdf_preview_save_to      (YishiPdfPreview      *self,
                                             GFile                *destination,
                                             GError              **error);
gboolean     yishi_pdf_preview_export       (YishiPdfPreview      *self,
                                             const char           *pdf_path,
                                             GError              **error);

G_END_DECLS
