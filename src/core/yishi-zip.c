/* yishi-zip.c — the zip container of an .xlsx, read from memory: end of central
 * directory, central directory, local headers; stored and deflated entries inflated with
 * GIO's raw-deflate GZlibDecompressor, each checked against its CRC-32, its declared length
 * and the limits that stop a zip bomb.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-sheet-private.h"

#define EOCD_SIGNATURE    0x06054b50
#define CENTRAL_SIGNATURE 0x02014b50
#define LOCAL_SIGNATURE   0x04034b50
#define ZIP64_LOCATOR     0x07064b50
#define EOCD_SIZE    22
#define CENTRAL_SIZE 46
#define LOCAL_SIZE   30
#define CHUNK (256 * 1024)

typedef struct
{
  guint16 flags;
  guint16 method;
  guint32 crc;
  guint32 compressed;
  guint32 size;
  guint32 offset;
} Entry;

struct _YishiZip
{
  const guint8 *data;
  gsize         length;
  GHashTable   *entries; /* folded name → Entry */
};

/* CRC-32 (IEEE 802.3, as zip uses it), eight bytes at a time. */

static guint32 crc_table[8][256];

static gpointer
crc_init (gpointer unused)
{
  for (guint32 i = 0; i < 256; i++)
    {
      guint32 c = i;

      for (int k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[0][i] = c;
    }
  for (guint32 i = 0; i < 256; i++)
    for (int t = 1; t < 8; t++)
      crc_table[t][i] = (crc_table[t - 1][i] >> 8) ^ crc_table[0][crc_table[t - 1][i] & 0xff];
  return NULL;
}

guint32
yishi_crc32_update (guint32       crc,
                    const guint8 *data,
                    gsize         length)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, crc_init, NULL);
  crc = ~crc;
  while (length >= 8)
    {
      guint32 a = crc ^ ((guint32) data[0] | (guint32) data[1] << 8
                         | (guint32) data[2] << 16 | (guint32) data[3] << 24);
      guint32 b = (guint32) data[4] | (guint32) data[5] << 8
                  | (guint32) data[6] << 16 | (guint32) data[7] << 24;

      crc = crc_table[7][a & 0xff] ^ crc_table[6][(a >> 8) & 0xff]
            ^ crc_table[5][(a >> 16) & 0xff] ^ crc_table[4][a >> 24]
            ^ crc_table[3][b & 0xff] ^ crc_table[2][(b >> 8) & 0xff]
            ^ crc_table[1][(b >> 16) & 0xff] ^ crc_table[0][b >> 24];
      data += 8;
      length -= 8;
    }
  while (length-- > 0)
    crc = crc_table[0][(crc ^ *data++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static gboolean
damaged (GError **error)
{
  g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TRUNCATED,
                       _("The workbook is damaged or incomplete (perhaps it was not copied "
                         "or downloaded in full). Open it in Excel or WPS, save it again and "
                         "choose the new copy."));
  return FALSE;
}

static gboolean
unsupported (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_NOT_SPREADSHEET, message);
  return FALSE;
}

static void
zip64 (GError **error)
{
  unsupported (error, _("This workbook is stored in the ZIP64 format, which cannot be read. "
                        "Open it in Excel or WPS and save it again as .xlsx."));
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, YISHI_SHEET_ERROR, YISHI_SHEET_ERROR_TOO_LARGE,
               _("The workbook is too large to read: a part of it would unpack to more "
                 "than %d MB, or it is packed in a way only a deliberately damaging file "
                 "is."), YISHI_SHEET_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

static char *
fold_name (const char *name,
           gssize      length)
{
  char *folded = g_ascii_strdown (name, length);

  g_strdelimit (folded, "\\", '/');
  return folded;
}

void
yishi_zip_free (YishiZip *zip)
{
  if (zip == NULL)
    return;
  g_hash_table_unref (zip->entries);
  g_free (zip);
}

YishiZip *
yishi_zip_open (const guint8  *data,
                gsize          length,
                GError       **error)
{
  g_autoptr (YishiZip) zip = NULL;
  const guint8 *eocd = NULL;
  const guint8 *p;
  guint n_entries;
  guint32 directory_size;
  guint32 directory_offset;
  gsize lowest;

  if (length < EOCD_SIZE)
    {
      damaged (error);
      return NULL;
    }

  /* The end record is last but for a comment of up to 64 KiB. */
  lowest = length > EOCD_SIZE + 0xffff ? length - EOCD_SIZE - 0xffff : 0;
  for (gsize at = length - EOCD_SIZE + 1; at-- > lowest;)
    if (le32 (data + at) == EOCD_SIGNATURE && at + EOCD_SIZE + le16 (data + at + 20) <= length)
      {
        eocd = data + at;
        break;
      }
  if (eocd == NULL)
    {
      damaged (error);
      return NULL;
    }

  n_entries = le16 (eocd + 10);
  directory_size = le32 (eocd + 12);
  directory_offset = le32 (eocd + 16);
  if (n_entries == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff
      || (eocd - data >= 20 && le32 (eocd - 20) == ZIP64_LOCATOR))
    {
      zip64 (error);
      return NULL;
    }
  /* Disk numbers: one part of a split archive. */
  if (le16 (eocd + 4) != 0 || le16 (eocd + 6) != 0
      || (guint64) directory_offset + directory_size > (guint64) (eocd - data))
    {
      damaged (error);
      return NULL;
    }

  zip = g_new0 (YishiZip, 1);
  zip->data = data;
  zip->length = length;
  zip->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  p = data + directory_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      const guint8 *end = data + directory_offset + directory_size;
      g_autofree char *folded = NULL;
      guint name_length;
      Entry *entry;

      if (end - p < CENTRAL_SIZE || le32 (p) != CENTRAL_SIGNATURE)
        {
          damaged (error);
          return NULL;
        }
      name_length = le16 (p + 28);
      if ((gsize) (end - p) < (gsize) CENTRAL_SIZE + name_length + le16 (p + 30) + le16 (p + 32))
        {
          damaged (error);
          return NULL;
        }

      entry = g_new0 (Entry, 1);
      entry->flags = le16 (p + 8);
      entry->method = le16 (p + 10);
      entry->crc = le32 (p + 16);
      entry->compressed = le32 (p + 20);
      entry->size = le32 (p + 24);
      entry->offset = le32 (p + 42);
      if (entry->compressed == 0xffffffff || entry->size == 0xffffffff
          || entry->offset == 0xffffffff)
        {
          g_free (entry);
          zip64 (error);
          return NULL;
        }
      /* The first of two entries of one name wins, as in most readers. */
      folded = fold_name ((const char *) p + CENTRAL_SIZE, name_length);
      if (g_hash_table_contains (zip->entries, folded))
        g_free (entry);
      else
        g_hash_table_insert (zip->entries, g_steal_pointer (&folded), entry);
      p += CENTRAL_SIZE + name_length + le16 (p + 30) + le16 (p + 32);
    }
  return g_steal_pointer (&zip);
}

static Entry *
lookup (YishiZip   *zip,
        const char *name)
{
  g_autofree char *folded = fold_name (name, -1);

  return g_hash_table_lookup (zip->entries, folded);
}

gboolean
yishi_zip_has (YishiZip   *zip,
               const char *name)
{
  return lookup (zip, name) != NULL;
}

guint64
yishi_zip_get_size (YishiZip   *zip,
                    const char *name)
{
  Entry *entry = lookup (zip, name);

  return entry != NULL ? entry->size : 0;
}

/* Where the entry's data begins, after its local header; NULL if out of bounds. */
static const guint8 *
entry_data (YishiZip *zip,
            Entry    *entry)
{
  const guint8 *local;
  guint64 start;

  if ((guint64) entry->offset + LOCAL_SIZE > zip->length)
    return NULL;
  local = zip->data + entry->offset;
  if (le32 (local) != LOCAL_SIGNATURE)
    return NULL;
  start = (guint64) entry->offset + LOCAL_SIZE + le16 (local + 26) + le16 (local + 28);
  if (start + entry->compressed > zip->length)
    return NULL;
  return zip->data + start;
}

static gboolean
over_ratio (guint64 inflated,
            guint64 consumed)
{
  return inflated > YISHI_ZIP_RATIO_FLOOR
         && inflated > (guint64) YISHI_ZIP_MAX_RATIO * MAX (consumed, 1);
}

gboolean
yishi_zip_read (YishiZip       *zip,
                const char     *name,
                YishiZipSink    sink,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  Entry *entry = lookup (zip, name);
  const guint8 *in;
  guint32 crc = 0;
  guint64 written = 0;

  if (entry == NULL)
    return damaged (error);
  if (entry->flags & 0x0041)
    return unsupported (error, _("This workbook is protected by a password. Remove the "
                                 "password in Excel or WPS, save it and choose it again."));
  if (entry->method != 0 && entry->method != 8)
    return unsupported (error, _("This workbook is compressed in a way that cannot be read. "
                                 "Open it in Excel or WPS and save it again as .xlsx."));
  if (entry->size > YISHI_SHEET_MAX_BYTES || over_ratio (entry->size, entry->compressed))
    return too_large (error);
  in = entry_data (zip, entry);
  if (in == NULL)
    return damaged (error);

  if (entry->method == 0)
    {
      if (entry->compressed != entry->size)
        return damaged (error);
      for (gsize done = 0; done < entry->size;)
        {
          gsize n = MIN (CHUNK, entry->size - done);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          crc = yishi_crc32_update (crc, in + done, n);
          if (!sink ((const char *) in + done, n, user_data, error))
            return FALSE;
          done += n;
        }
      written = entry->size;
    }
  else
    {
      g_autoptr (GZlibDecompressor) inflater =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
      g_autofree guint8 *out = g_malloc (CHUNK);
      gsize consumed = 0;
      GConverterResult result = G_CONVERTER_CONVERTED;

      while (result != G_CONVERTER_FINISHED)
        {
          g_autoptr (GError) local = NULL;
          gsize n_read = 0;
          gsize n_written = 0;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          result = g_converter_convert (G_CONVERTER (inflater), in + consumed,
                                        entry->compressed - consumed, out, CHUNK,
                                        G_CONVERTER_INPUT_AT_END, &n_read, &n_written, &local);
          if (result == G_CONVERTER_ERROR)
            return damaged (error);
          consumed += n_read;
          written += n_written;
          /* The central directory may lie: the limits hold for what actually comes out. */
          if (over_ratio (written, consumed))
            return too_large (error);
          if (written > entry->size)
            return damaged (error);
          if (n_written > 0)
            {
              crc = yishi_crc32_update (crc, out, n_written);
              if (!sink ((const char *) out, n_written, user_data, error))
                return FALSE;
            }
          else if (n_read == 0 && result != G_CONVERTER_FINISHED)
            return damaged (error);
        }
    }

  if (written != entry->size || crc != entry->crc)
    return damaged (error);
  return TRUE;
}

static gboolean
append_sink (const char  *data,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  g_byte_array_append (user_data, (const guint8 *) data, length);
  return TRUE;
}

char *
yishi_zip_extract (YishiZip      *zip,
                   const char    *name,
                   gsize         *length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  Entry *entry = lookup (zip, name);
  guint8 nul = 0;

  if (entry == NULL)
    {
      damaged (error);
      return NULL;
    }
  bytes = g_byte_array_sized_new (MIN (entry->size, YISHI_SHEET_MAX_BYTES) + 1);
  if (!yishi_zip_read (zip, name, append_sink, bytes, cancellable, error))
    return NULL;
  if (length != NULL)
    *length = bytes->len;
  g_byte_array_append (bytes, &nul, 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}
