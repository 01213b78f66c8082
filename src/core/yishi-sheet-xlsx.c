/* yishi-sheet-xlsx.c — the first worksheet of an .xlsx workbook (Excel, WPS, LibreOffice,
 * openpyxl, libxlsxwriter …): the workbook and its relationships find the sheet, the
 * styles tell dates from numbers, shared strings are stored once, and the sheet itself is
 * parsed with GMarkup while it is being inflated, so it never sits in memory whole.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-sheet-private.h"

/* Deeper than any spreadsheet part nests: a hostile file (GMarkup keeps the stack). */
#define MAX_DEPTH 64

static gboolean
damaged (GError **error)
{
  g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TRUNCATED,
                       _("The workbook is damaged: a part of it cannot be read. Open it in "
                         "Excel or WPS, save it again and choose the new copy."));
  return FALSE;
}

/* GMarkup's own messages quote the document, which may be personal data: replace them. */
static void
replace_markup_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == G_MARKUP_ERROR)
    {
      g_clear_error (error);
      damaged (error);
    }
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/* The value of the attribute whose name, without a namespace prefix, is @name. */
static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), name) == 0)
      return values[i];
  return NULL;
}

static gboolean
parse_uint (const char *text,
            guint      *value)
{
  guint64 n = 0;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  for (; g_ascii_isdigit (*text); text++)
    {
      n = n * 10 + (guint) (*text - '0');
      if (n > G_MAXUINT)
        return FALSE;
    }
  if (*text != '\0')
    return FALSE;
  *value = (guint) n;
  return TRUE;
}

static gboolean
parse_markup (const GMarkupParser  *parser,
              gpointer              user_data,
              const char           *text,
              gsize                 length,
              GError              **error)
{
  g_autoptr (GMarkupParseContext) context =
    g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, user_data, NULL);

  if (!g_markup_parse_context_parse (context, text, length, error)
      || !g_markup_parse_context_end_parse (context, error))
    {
      replace_markup_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Part names: a relationship's target against the folder of the part that names it. */
static char *
resolve (const char *base,
         const char *target)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_auto (GStrv) segments = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base[0] != '\0')
    joined = g_strconcat (base, "/", target, NULL);
  else
    joined = g_strdup (target);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, segments[i]);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}

static char *
folder_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? g_strndup (path, slash - path) : g_strdup ("");
}

/* Relationships (*.rels) */

typedef struct
{
  GHashTable *targets;       /* Id → Target */
  char       *office_document;
  char       *shared_strings;
  char       *styles;
} Relationships;

static void
relationships_clear (Relationships *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->office_document, g_free);
  g_clear_pointer (&rels->shared_strings, g_free);
  g_clear_pointer (&rels->styles, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Relationships, relationships_clear)

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Relationships *rels = user_data;
  const char *id, *type, *target, *mode;

  if (strcmp (local_name (element), "Relationship") != 0)
    return;
  id = attribute (names, values, "Id");
  type = attribute (names, values, "Type");
  target = attribute (names, values, "Target");
  mode = attribute (names, values, "TargetMode");
  if (target == NULL || (mode != NULL && strcmp (mode, "External") == 0))
    return;
  if (id != NULL && !g_hash_table_contains (rels->targets, id))
    g_hash_table_insert (rels->targets, g_strdup (id), g_strdup (target));
  if (type == NULL)
    return;
  if (g_str_has_suffix (type, "/officeDocument") && rels->office_document == NULL)
    rels->office_document = g_strdup (target);
  else if (g_str_has_suffix (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = g_strdup (target);
  else if (g_str_has_suffix (type, "/styles") && rels->styles == NULL)
    rels->styles = g_strdup (target);
}

/* A missing or unreadable relationships part leaves @rels empty: the usual names are
 * tried instead. */
static gboolean
read_relationships (YishiZip       *zip,
                    const char     *name,
                    Relationships  *rels,
                    GCancellable   *cancellable,
                    GError        **error)
{
  static const GMarkupParser parser = { rels_start, NULL, NULL, NULL, NULL };
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  gsize length;

  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!yishi_zip_has (zip, name))
    return TRUE;
  text = yishi_zip_extract (zip, name, &length, cancellable, error);
  if (text == NULL)
    return FALSE;
  if (!parse_markup (&parser, rels, text, length, &local))
    {
      relationships_clear (rels);
      rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  return TRUE;
}

/* Workbook: the first visible sheet, and the date system. */

typedef struct
{
  char     *first_id;
  char     *first_visible_id;
  gboolean  date1904;
} Workbook;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Workbook *workbook = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "sheet") == 0)
    {
      const char *id = attribute (names, values, "id");
      const char *state = attribute (names, values, "state");

      if (id == NULL)
        return;
      if (workbook->first_id == NULL)
        workbook->first_id = g_strdup (id);
      if (workbook->first_visible_id == NULL
          && (state == NULL || strcmp (state, "visible") == 0))
        workbook->first_visible_id = g_strdup (id);
    }
  else if (strcmp (name, "workbookPr") == 0)
    {
      const char *date1904 = attribute (names, values, "date1904");

      workbook->date1904 = date1904 != NULL
                           && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
    }
}

/* Styles: which cell formats (the s= of a cell, an index into cellXfs) show dates. */

typedef struct
{
  GHashTable *custom;  /* numFmtId → formatCode */
  GArray     *xf_formats;
  int         in_cell_xfs;
} Styles;

static gboolean
builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

/* A custom format shows a date if, outside quoted text, [brackets] and escaped characters,
 * it has a year, a day, 年/月/日, or a month that is not a time's minutes. */
static gboolean
date_format_code (const char *code)
{
  gboolean month = FALSE;
  gboolean time = FALSE;

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return FALSE;
          p = g_utf8_next_char (p); /* skips the escaped character with the loop's step */
          break;
        case 'y': case 'Y': case 'd': case 'D':
          return TRUE;
        case 'm': case 'M':
          month = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          time = TRUE;
          break;
        default:
          if (g_str_has_prefix (p, "年") || g_str_has_prefix (p, "月")
              || g_str_has_prefix (p, "日"))
            return TRUE;
          break;
        }
    }
  return month && !time;
}

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Styles *styles = user_data;
  const char *name = local_name (element);
  guint id;

  if (strcmp (name, "numFmt") == 0)
    {
      const char *code = attribute (names, values, "formatCode");

      if (code != NULL && parse_uint (attribute (names, values, "numFmtId"), &id))
        g_hash_table_insert (styles->custom, GUINT_TO_POINTER (id), g_strdup (code));
    }
  else if (strcmp (name, "cellXfs") == 0)
    styles->in_cell_xfs++;
  else if (strcmp (name, "xf") == 0 && styles->in_cell_xfs > 0)
    {
      if (!parse_uint (attribute (names, values, "numFmtId"), &id))
        id = 0;
      g_array_append_val (styles->xf_formats, id);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Styles *styles = user_data;

  if (strcmp (local_name (element), "cellXfs") == 0)
    styles->in_cell_xfs--;
}

/* One flag per cell format; NULL when there are no styles (then nothing is a date). */
static GByteArray *
read_date_styles (YishiZip      *zip,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  static const GMarkupParser parser = { styles_start, styles_end, NULL, NULL, NULL };
  Styles styles = { NULL, NULL, 0 };
  g_autofree char *text = NULL;
  g_autoptr (GHashTable) custom = NULL;
  g_autoptr (GArray) xf_formats = NULL;
  g_autoptr (GError) local = NULL;
  GByteArray *dates;
  gsize length;

  if (name == NULL || !yishi_zip_has (zip, name))
    return g_byte_array_new ();
  text = yishi_zip_extract (zip, name, &length, cancellable, error);
  if (text == NULL)
    return NULL;

  styles.custom = custom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  styles.xf_formats = xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Damaged styles lose the dates, not the sheet: keep what was understood. */
  parse_markup (&parser, &styles, text, length, &local);

  dates = g_byte_array_sized_new (xf_formats->len);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      const char *code = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
      guint8 flag = code != NULL ? date_format_code (code) : builtin_date_format (id);

      g_byte_array_append (dates, &flag, 1);
    }
  return dates;
}

/* Streaming an entry through GMarkup */

typedef struct
{
  GMarkupParseContext *context;
  YishiSheetProgress  *progress;
  guint64              done;
  guint64              total;
  gboolean             stop;     /* what follows is not needed; only the CRC is checked */
} Stream;

static gboolean
stream_sink (const char  *data,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Stream *stream = user_data;

  if (!stream->stop && !g_markup_parse_context_parse (stream->context, data, length, error))
    return FALSE;
  stream->done += length;
  return yishi_sheet_progress (stream->progress,
                               0.02 + 0.97 * stream->done / MAX (stream->total, 1), error);
}

static gboolean
stream_entry (YishiZip             *zip,
              const char           *name,
              const GMarkupParser  *parser,
              Stream               *stream,
              gpointer              user_data,
              GError              **error)
{
  g_autoptr (GMarkupParseContext) context =
    g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, user_data, NULL);

  stream->context = context;
  stream->stop = FALSE;
  if (!yishi_zip_read (zip, name, stream_sink, stream, stream->progress->cancellable, error)
      || (!stream->stop && !g_markup_parse_context_end_parse (context, error)))
    {
      replace_markup_error (error);
      stream->context = NULL;
      return FALSE;
    }
  stream->context = NULL;
  return TRUE;
}

/* Shared strings: each stored once in the sheet's texts; cells refer to them. */

typedef struct
{
  YishiSheet *sheet;
  GArray     *offsets;  /* guint32 per string */
  gsize       start;
  gboolean    in_item;
  gboolean    in_text;
  int         phonetic; /* inside <rPh>: furigana, not part of the text */
  int         depth;
} SharedStrings;

static void
sst_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SharedStrings *sst = user_data;
  const char *name = local_name (element);

  if (++sst->depth > MAX_DEPTH)
    {
      damaged (error);
      return;
    }
  if (strcmp (name, "si") == 0)
    {
      sst->in_item = TRUE;
      sst->start = sst->sheet->texts->len;
    }
  else if (strcmp (name, "t") == 0)
    sst->in_text = sst->in_item && sst->phonetic == 0;
  else if (strcmp (name, "rPh") == 0)
    sst->phonetic++;
}

static void
sst_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SharedStrings *sst = user_data;
  const char *name = local_name (element);

  sst->depth--;
  if (strcmp (name, "si") == 0 && sst->in_item)
    {
      guint32 offset = yishi_sheet_end_text (sst->sheet, sst->start);

      g_array_append_val (sst->offsets, offset);
      sst->in_item = FALSE;
      sst->in_text = FALSE;
      if (sst->sheet->texts->len >= YISHI_SHEET_TEXT_LIMIT)
        g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_LARGE,
                             _("The sheet holds too much text to be read."));
    }
  else if (strcmp (name, "t") == 0)
    sst->in_text = FALSE;
  else if (strcmp (name, "rPh") == 0)
    sst->phonetic--;
}

static void
sst_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SharedStrings *sst = user_data;

  if (sst->in_text)
    g_string_append_len (sst->sheet->texts, text, length);
}

/* The worksheet */

typedef enum
{
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_INLINE,
  TYPE_STRING,   /* t="str": a formula's text result; t="e": an error such as #N/A */
  TYPE_BOOLEAN,
  TYPE_ISO_DATE, /* t="d" */
} CellType;

typedef struct
{
  YishiSheet *sheet;
  GArray     *shared;
  GByteArray *date_styles;
  gboolean    date1904;
  Stream     *stream;

  int         depth;
  gboolean    in_data;
  gboolean    in_cell;
  guint       row;          /* 1-based number of the row being read */
  guint       next_row;
  guint       column;
  guint       next_column;
  CellType    type;
  guint       style;
  gboolean    collecting;
  int         phonetic;
  GString    *value;
  guint32     true_text;
  guint32     false_text;
} Worksheet;

/* "C5" → 2; -1 if there is no column. */
static int
column_of (const char *reference)
{
  int column = 0;
  int letters = 0;

  if (reference == NULL)
    return -1;
  for (; g_ascii_isalpha (*reference); reference++)
    {
      if (++letters > 3)
        return -1;
      column = column * 26 + (g_ascii_toupper (*reference) - 'A' + 1);
    }
  return letters > 0 ? column - 1 : -1;
}

/* Days since 1970-01-01 → year, month, day (Howard Hinnant's civil_from_days). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

/* A serial day number as "YYYY-MM-DD" into @out (11 bytes); FALSE when out of range
 * (a bare time of day, below 1, is no date). */
static gboolean
date_from_serial (double    serial,
                  gboolean  date1904,
                  char     *out)
{
  gint64 day;
  int y, m, d;

  if (!(serial >= (date1904 ? 0.0 : 1.0) && serial < 2958466.0))
    return FALSE;
  day = (gint64) serial;
  if (date1904)
    day += 1462;
  if (!date1904 && day == 60)
    {
      memcpy (out, "1900-02-29", 11); /* Excel's phantom leap day */
      return TRUE;
    }
  civil_from_days (day < 60 && !date1904 ? day - 25568 : day - 25569, &y, &m, &d);
  if (y > 9999)
    return FALSE;
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

/* Integers of up to 15 digits print with %.15g as they are written. */
static gboolean
plain_integer (const char *text,
               gsize       length)
{
  gsize i = text[0] == '-' ? 1 : 0;

  if (length <= i || length - i > 15 || (text[i] == '0' && length - i > 1))
    return FALSE;
  for (; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return !(text[0] == '-' && length == 2 && text[1] == '0');
}

static gboolean
finish_cell (Worksheet  *ws,
             GError    **error)
{
  YishiSheet *sheet = ws->sheet;
  const char *text = ws->value->str;
  gsize length = ws->value->len;
  YishiCellKind kind = YISHI_CELL_TEXT;
  guint32 offset = 0;

  switch (ws->type)
    {
    case TYPE_SHARED:
      {
        guint index;

        g_strstrip (ws->value->str);
        if (parse_uint (ws->value->str, &index) && index < ws->shared->len)
          offset = g_array_index (ws->shared, guint32, index);
      }
      break;

    case TYPE_INLINE:
    case TYPE_STRING:
      offset = yishi_sheet_store_text (sheet, text, length);
      break;

    case TYPE_BOOLEAN:
      if (strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0)
        {
          if (ws->true_text == 0)
            ws->true_text = yishi_sheet_store_text (sheet, "TRUE", 4);
          offset = ws->true_text;
        }
      else if (strcmp (text, "0") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        {
          if (ws->false_text == 0)
            ws->false_text = yishi_sheet_store_text (sheet, "FALSE", 5);
          offset = ws->false_text;
        }
      else
        offset = yishi_sheet_store_text (sheet, text, length);
      break;

    case TYPE_ISO_DATE:
      if (length >= 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-')
        {
          offset = yishi_sheet_store_text (sheet, text, 10);
          kind = YISHI_CELL_DATE;
        }
      else
        offset = yishi_sheet_store_text (sheet, text, length);
      break;

    case TYPE_NUMBER:
    default:
      {
        gboolean is_date = ws->style < ws->date_styles->len && ws->date_styles->data[ws->style];
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        char *end = NULL;
        double number;

        g_strstrip (ws->value->str);
        length = strlen (text);
        if (length == 0)
          break;
        if (!is_date && plain_integer (text, length))
          {
            offset = yishi_sheet_store_text (sheet, text, length);
            kind = YISHI_CELL_NUMBER;
            break;
          }
        number = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (number))
          {
            offset = yishi_sheet_store_text (sheet, text, length);
            break;
          }
        if (is_date && date_from_serial (number, ws->date1904, buffer))
          {
            offset = yishi_sheet_store_text (sheet, buffer, 10);
            kind = YISHI_CELL_DATE;
            break;
          }
        g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
        offset = yishi_sheet_store_text (sheet, buffer, strlen (buffer));
        kind = YISHI_CELL_NUMBER;
      }
      break;
    }
  return yishi_sheet_put_cell (sheet, ws->column, offset, kind, error);
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Worksheet *ws = user_data;
  const char *name = local_name (element);

  if (++ws->depth > MAX_DEPTH)
    {
      damaged (error);
      return;
    }
  if (!ws->in_data)
    {
      if (strcmp (name, "sheetData") == 0)
        ws->in_data = TRUE;
      return;
    }

  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0')
        {
          const char *type = NULL;
          int column = -1;

          ws->style = 0;
          for (guint i = 0; names[i] != NULL; i++)
            {
              const char *attr = names[i];

              if (attr[0] == '\0' || attr[1] != '\0')
                continue;
              if (attr[0] == 'r')
                column = column_of (values[i]);
              else if (attr[0] == 't')
                type = values[i];
              else if (attr[0] == 's' && !parse_uint (values[i], &ws->style))
                ws->style = 0;
            }
          ws->column = column >= 0 ? (guint) column : ws->next_column;
          if (type == NULL || strcmp (type, "n") == 0)
            ws->type = TYPE_NUMBER;
          else if (strcmp (type, "s") == 0)
            ws->type = TYPE_SHARED;
          else if (strcmp (type, "inlineStr") == 0)
            ws->type = TYPE_INLINE;
          else if (strcmp (type, "b") == 0)
            ws->type = TYPE_BOOLEAN;
          else if (strcmp (type, "d") == 0)
            ws->type = TYPE_ISO_DATE;
          else
            ws->type = TYPE_STRING;
          ws->in_cell = TRUE;
          ws->phonetic = 0;
          g_string_truncate (ws->value, 0);
        }
      break;

    case 'v':
      if (name[1] == '\0' && ws->in_cell)
        ws->collecting = TRUE;
      break;

    case 't':
      if (name[1] == '\0' && ws->in_cell)
        ws->collecting = ws->phonetic == 0;
      break;

    case 'r':
      if (strcmp (name, "row") == 0)
        {
          const char *number = attribute (names, values, "r");

          if (!parse_uint (number, &ws->row) || ws->row == 0)
            ws->row = ws->next_row;
          ws->next_column = 0;
        }
      else if (strcmp (name, "rPh") == 0)
        ws->phonetic++;
      break;

    case 'i':
      if (strcmp (name, "is") == 0 && ws->in_cell && ws->type != TYPE_SHARED)
        ws->type = TYPE_INLINE;
      break;

    default:
      break;
    }
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Worksheet *ws = user_data;
  const char *name = local_name (element);

  ws->depth--;
  if (!ws->in_data)
    return;

  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0' && ws->in_cell)
        {
          ws->in_cell = FALSE;
          ws->collecting = FALSE;
          ws->next_column = ws->column + 1;
          finish_cell (ws, error);
        }
      break;

    case 'v':
    case 't':
      if (name[1] == '\0')
        ws->collecting = FALSE;
      break;

    case 'r':
      if (strcmp (name, "row") == 0)
        {
          if (yishi_sheet_end_row (ws->sheet, ws->row, error))
            ws->next_row = ws->row + 1;
        }
      else if (strcmp (name, "rPh") == 0)
        ws->phonetic--;
      break;

    case 's':
      if (strcmp (name, "sheetData") == 0)
        {
          ws->in_data = FALSE;
          ws->stream->stop = TRUE;
        }
      break;

    default:
      break;
    }
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  Worksheet *ws = user_data;

  if (ws->collecting)
    g_string_append_len (ws->value, text, length);
}

static char *
find_sheet (YishiZip       *zip,
            const char     *workbook_name,
            Relationships  *rels,
            gboolean       *date1904,
            GCancellable   *cancellable,
            GError        **error)
{
  static const GMarkupParser parser = { workbook_start, NULL, NULL, NULL, NULL };
  g_autofree char *text = NULL;
  g_autofree char *folder = folder_of (workbook_name);
  Workbook workbook = { NULL, NULL, FALSE };
  g_autoptr (GError) local = NULL;
  const char *ids[2];
  char *sheet = NULL;
  gsize length;

  text = yishi_zip_extract (zip, workbook_name, &length, cancellable, error);
  if (text == NULL)
    return NULL;
  if (!parse_markup (&parser, &workbook, text, length, &local))
    {
      g_free (workbook.first_id);
      g_free (workbook.first_visible_id);
      damaged (error);
      return NULL;
    }
  *date1904 = workbook.date1904;

  ids[0] = workbook.first_visible_id;
  ids[1] = workbook.first_id;
  for (guint i = 0; i < G_N_ELEMENTS (ids) && sheet == NULL; i++)
    {
      const char *target = ids[i] != NULL ? g_hash_table_lookup (rels->targets, ids[i]) : NULL;

      if (target != NULL)
        {
          sheet = resolve (folder, target);
          if (!yishi_zip_has (zip, sheet))
            g_clear_pointer (&sheet, g_free);
        }
    }
  g_free (workbook.first_id);
  g_free (workbook.first_visible_id);

  if (sheet == NULL)
    {
      sheet = resolve (folder, "worksheets/sheet1.xml");
      if (!yishi_zip_has (zip, sheet))
        {
          g_clear_pointer (&sheet, g_free);
          g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_EMPTY,
                               _("The workbook has no worksheet."));
        }
    }
  return sheet;
}

/* The part named @target by @rels, else @fallback if it exists; NULL if neither. */
static char *
related_part (YishiZip   *zip,
              const char *folder,
              const char *target,
              const char *fallback)
{
  char *name;

  if (target != NULL)
    {
      name = resolve (folder, target);
      if (yishi_zip_has (zip, name))
        return name;
      g_free (name);
    }
  name = resolve (folder, fallback);
  if (yishi_zip_has (zip, name))
    return name;
  g_free (name);
  return NULL;
}

YishiSheet *
yishi_sheet_read_xlsx (const guint8        *data,
                       gsize                length,
                       YishiSheetProgress  *progress,
                       GError             **error)
{
  static const GMarkupParser sst_parser = { sst_start, sst_end, sst_text, NULL, NULL };
  static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  GCancellable *cancellable = progress->cancellable;
  g_autoptr (YishiZip) zip = NULL;
  g_autoptr (YishiSheet) sheet = NULL;
  g_autoptr (GArray) shared = NULL;
  g_autoptr (GByteArray) date_styles = NULL;
  g_autoptr (GString) value = NULL;
  g_auto (Relationships) package_rels = { NULL, NULL, NULL, NULL };
  g_auto (Relationships) rels = { NULL, NULL, NULL, NULL };
  g_autofree char *workbook = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *rels_name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *sst_name = NULL;
  g_autofree char *styles_name = NULL;
  gboolean date1904 = FALSE;
  Stream stream = { NULL, progress, 0, 0, FALSE };

  zip = yishi_zip_open (data, length, error);
  if (zip == NULL)
    return NULL;

  /* The package names its workbook, nearly always xl/workbook.xml. */
  if (!read_relationships (zip, "_rels/.rels", &package_rels, cancellable, error))
    return NULL;
  if (package_rels.office_document != NULL)
    {
      workbook = resolve ("", package_rels.office_document);
      if (!yishi_zip_has (zip, workbook))
        g_clear_pointer (&workbook, g_free);
    }
  if (workbook == NULL && yishi_zip_has (zip, "xl/workbook.xml"))
    workbook = g_strdup ("xl/workbook.xml");
  if (workbook == NULL)
    {
      g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_NOT_SPREADSHEET,
                           _("This is a zip archive, not an Excel workbook (perhaps a Word "
                             "document or an OpenDocument file). Save the table as .xlsx "
                             "from Excel, WPS or LibreOffice."));
      return NULL;
    }
  folder = folder_of (workbook);
  base = g_path_get_basename (workbook);
  rels_name = folder[0] != '\0' ? g_strdup_printf ("%s/_rels/%s.rels", folder, base)
                                : g_strdup_printf ("_rels/%s.rels", base);
  if (!read_relationships (zip, rels_name, &rels, cancellable, error))
    return NULL;

  sheet_name = find_sheet (zip, workbook, &rels, &date1904, cancellable, error);
  if (sheet_name == NULL)
    return NULL;
  sst_name = related_part (zip, folder, rels.shared_strings, "sharedStrings.xml");
  styles_name = related_part (zip, folder, rels.styles, "styles.xml");

  date_styles = read_date_styles (zip, styles_name, cancellable, error);
  if (date_styles == NULL)
    return NULL;

  sheet = yishi_sheet_new ("xlsx");
  shared = g_array_new (FALSE, FALSE, sizeof (guint32));
  stream.total = yishi_zip_get_size (zip, sheet_name)
                 + (sst_name != NULL ? yishi_zip_get_size (zip, sst_name) : 0);

  if (sst_name != NULL)
    {
      SharedStrings sst = { sheet, shared, 0, FALSE, FALSE, 0, 0 };

      if (!stream_entry (zip, sst_name, &sst_parser, &stream, &sst, error))
        return NULL;
    }

  value = g_string_sized_new (256);
  {
    Worksheet ws = { 0, };

    ws.sheet = sheet;
    ws.shared = shared;
    ws.date_styles = date_styles;
    ws.date1904 = date1904;
    ws.stream = &stream;
    ws.next_row = 1;
    ws.row = 1;
    ws.value = value;
    if (!stream_entry (zip, sheet_name, &sheet_parser, &stream, &ws, error))
      return NULL;
  }
  return g_steal_pointer (&sheet);
}
