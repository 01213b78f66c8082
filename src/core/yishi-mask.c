/* yishi-mask.c
 *
 * Public notices show people as 张* / 欧阳**, phones as 138****5678 or 010-****3456, and
 * never an ID number; free text (a matter's title or content) is scrubbed of phone and
 * ID numbers typed into it.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <string.h>

#include "yishi-mask.h"

/* The compound surnames of the Hundred Family Surnames (百家姓), plus common ones. */
static const char *const compound_surnames[] = {
  "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟",
  "公羊", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙",
  "轩辕", "令狐", "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "亓官",
  "司寇", "仉督", "子车", "颛孙", "端木", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良",
  "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延", "羊舌", "微生",
  "梁丘", "左丘", "东门", "西门", "南宫", "第五",
};

gboolean
yishi_mask_has_compound_surname (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_utf8_strlen (name, -1) < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    if (g_str_has_prefix (name, compound_surnames[i]))
      return TRUE;
  return FALSE;
}

/**
 * yishi_mask_name:
 *
 * Keeps the surname and replaces every other character with *: 张三 → 张*,
 * 欧阳娜娜 → 欧阳**. A one-character name is all surname or all given name, so it
 * becomes *. Latin names keep their first letter: Anna Li → A*******.
 */
char *
yishi_mask_name (const char *name)
{
  g_autofree char *clean = NULL;
  GString *masked;
  glong length;
  glong keep;

  if (name == NULL)
    return g_strdup ("");
  clean = g_strstrip (g_strdup (name));
  length = g_utf8_strlen (clean, -1);
  if (length == 0)
    return g_strdup ("");
  if (length == 1)
    return g_strdup ("*");

  keep = yishi_mask_has_compound_surname (clean) ? 2 : 1;
  masked = g_string_new (NULL);
  g_string_append_len (masked, clean, g_utf8_offset_to_pointer (clean, keep) - clean);
  for (glong i = keep; i < length; i++)
    g_string_append_c (masked, '*');
  return g_string_free (masked, FALSE);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return length > 0;
}

/**
 * yishi_mask_phone:
 *
 * 13812345678 → 138****5678; 010-65123456 → 010-****3456; anything else keeps at most
 * its last four digits.
 */
char *
yishi_mask_phone (const char *phone)
{
  g_autofree char *clean = NULL;
  const char *dash;
  gsize length;

  if (phone == NULL)
    return g_strdup ("");
  clean = g_strstrip (g_strdup (phone));
  length = strlen (clean);
  if (length == 0)
    return g_strdup ("");

  if (length == 11 && all_digits (clean, 11) && clean[0] == '1')
    return g_strdup_printf ("%.3s****%s", clean, clean + 7);

  dash = strchr (clean, '-');
  if (clean[0] == '0' && dash != NULL && dash - clean <= 4)
    {
      const char *local = dash + 1;
      gsize local_length = strcspn (local, "-");
      g_autofree char *stars = g_strnfill (local_length > 4 ? local_length - 4 : local_length, '*');

      return g_strdup_printf ("%.*s-%s%.*s", (int)(dash - clean), clean, stars,
                              local_length > 4 ? 4 : 0, local + (local_length > 4 ? local_length - 4 : 0));
    }

  if (length <= 4)
    return g_strnfill (length, '*');
  {
    g_autofree char *stars = g_strnfill (length - 4, '*');

    return g_strdup_printf ("%s%s", stars, clean + length - 4);
  }
}

static GRegex *
id_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

/* Mobiles, and landlines written with an area code (0xx-xxxxxxxx or 0xxxxxxxxxxx). */
static GRegex *
phone_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("(?<![0-9])(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7})(?![0-9])",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static gboolean
mask_phone_match (const GMatchInfo *info,
                  GString          *result,
                  gpointer          data)
{
  g_autofree char *match = g_match_info_fetch (info, 0);
  g_autofree char *masked = NULL;

  if (match[0] == '0' && strchr (match, '-') == NULL)
    {
      /* 01065123456: keep the area code guess out of it; show only the last four. */
      g_autofree char *stars = g_strnfill (strlen (match) - 4, '*');

      masked = g_strdup_printf ("%s%s", stars, match + strlen (match) - 4);
    }
  else
    masked = yishi_mask_phone (match);
  g_string_append (result, masked);
  return FALSE;
}

/* Places finer than the building: a room (2-402, 402室) or a unit (3单元). */
static GRegex *
room_regex (void)
{
  static GRegex *regex;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("(?<![0-9])[0-9]{1,3}-[0-9]{3,4}(?![0-9])室?|(?<![0-9])[0-9]{3,4}室"
                           "|[0-9一二三四五六七八九十]{1,2}单元",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return regex;
}

static gboolean
mask_room_match (const GMatchInfo *info,
                 GString          *result,
                 gpointer          data)
{
  g_autofree char *match = g_match_info_fetch (info, 0);

  if (g_str_has_suffix (match, "单元"))
    g_string_append (result, "*单元");
  else
    g_string_append (result, g_str_has_suffix (match, "室") ? "***室" : "***");
  return FALSE;
}

/**
 * yishi_mask_text:
 *
 * Free text for the public: ID numbers become 18 asterisks, phone numbers are masked
 * as yishi_mask_phone () does, and rooms and units are hidden so that no place is
 * finer than the building (3号楼2-402室 → 3号楼***室).
 */
char *
yishi_mask_text (const char *text)
{
  g_autofree char *no_ids = NULL;
  g_autofree char *no_phones = NULL;

  if (text == NULL)
    return g_strdup ("");
  no_ids = g_regex_replace_literal (id_regex (), text, -1, 0, "******************", 0, NULL);
  if (no_ids == NULL)
    return g_strdup ("");
  no_phones = g_regex_replace_eval (phone_regex (), no_ids, -1, 0, 0, mask_phone_match, NULL, NULL);
  if (no_phones == NULL)
    return g_strdup ("");
  return g_regex_replace_eval (room_regex (), no_phones, -1, 0, 0, mask_room_match, NULL, NULL);
}

/* No 11-digit mobile number and no 18-character ID number anywhere in @text. */
gboolean
yishi_mask_text_is_clean (const char *text)
{
  g_autoptr (GRegex) mobile = g_regex_new ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", 0, 0, NULL);

  if (text == NULL)
    return TRUE;
  return !g_regex_match (id_regex (), text, 0, NULL) && !g_regex_match (mobile, text, 0, NULL);
}
