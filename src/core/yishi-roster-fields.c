/* yishi-roster-fields.c — the fields of a roster: labels, the Chinese header names
 * offices give them, and the values they write in the enumerated columns.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "yishi-roster-import.h"

static const struct
{
  const char *id;
  const char *label;
  const char *const headers[12]; /* normalised: no spaces, no brackets */
} fields[N_YISHI_ROSTER_FIELDS] = {
  [YISHI_ROSTER_FIELD_IGNORE] = { "ignore", N_("Not imported"), { NULL } },
  [YISHI_ROSTER_FIELD_NAME] = { "name", N_("Name"),
    { "姓名", "名字", "居民姓名", "人员姓名", "党员姓名", "成员姓名", NULL } },
  [YISHI_ROSTER_FIELD_GENDER] = { "gender", N_("Gender"), { "性别", NULL } },
  [YISHI_ROSTER_FIELD_BIRTH_DATE] = { "birth_date", N_("Birth date"),
    { "出生日期", "出生年月", "出生年月日", "生日", "出生时间", NULL } },
  [YISHI_ROSTER_FIELD_ID_NUMBER] = { "id_number", N_("ID number"),
    { "身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "证件号码", "证件号",
      "身份证", "身份证件号码", NULL } },
  [YISHI_ROSTER_FIELD_PHONE] = { "phone", N_("Phone"),
    { "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码",
      "联系手机", NULL } },
  [YISHI_ROSTER_FIELD_RESIDENCE_TYPE] = { "residence_type", N_("Residence type"),
    { "人员类型", "居住类型", "户籍类型", "人口类型", "人员类别", "居住状态", "居住性质",
      NULL } },
  [YISHI_ROSTER_FIELD_POLITICAL_STATUS] = { "political_status", N_("Political status"),
    { "政治面貌", NULL } },
  [YISHI_ROSTER_FIELD_GRID] = { "grid", N_("Grid"),
    { "网格", "所属网格", "网格名称", "所在网格", NULL } },
  [YISHI_ROSTER_FIELD_BUILDING] = { "building", N_("Building"),
    { "楼栋", "楼号", "楼栋号", "栋号", "楼栋名称", "所在楼栋", NULL } },
  [YISHI_ROSTER_FIELD_UNIT] = { "unit", N_("Unit"), { "单元", "单元号", NULL } },
  [YISHI_ROSTER_FIELD_ROOM] = { "room", N_("Room"),
    { "房号", "门牌号", "室", "户号", "房间号", "室号", NULL } },
  [YISHI_ROSTER_FIELD_PARTY_CATEGORY] = { "party_category", N_("Party category"),
    { "党员类别", "党员类型", NULL } },
  [YISHI_ROSTER_FIELD_PARTY_BRANCH] = { "party_branch", N_("Party branch"),
    { "所在支部", "党支部", "所属支部", "所在党支部", "所属党支部", NULL } },
  [YISHI_ROSTER_FIELD_PARTY_GROUP] = { "party_group", N_("Party group"),
    { "党小组", "所在党小组", "所属党小组", NULL } },
  [YISHI_ROSTER_FIELD_JOINED_DATE] = { "joined_date", N_("Joined the party"),
    { "入党时间", "入党日期", "入党年月", NULL } },
  [YISHI_ROSTER_FIELD_EMPLOYER] = { "employer", N_("Employer"),
    { "工作单位", "单位", "所在单位", NULL } },
  [YISHI_ROSTER_FIELD_NOTES] = { "notes", N_("Notes"), { "备注", "说明", NULL } },
};

const char *
yishi_roster_field_label (YishiRosterField field)
{
  g_return_val_if_fail (field < N_YISHI_ROSTER_FIELDS, "");

  return _(fields[field].label);
}

const char *
yishi_roster_field_to_string (YishiRosterField field)
{
  g_return_val_if_fail (field < N_YISHI_ROSTER_FIELDS, "ignore");

  return fields[field].id;
}

YishiRosterField
yishi_roster_field_from_string (const char *id)
{
  if (id == NULL)
    return YISHI_ROSTER_FIELD_IGNORE;
  for (guint i = 0; i < N_YISHI_ROSTER_FIELDS; i++)
    if (g_str_equal (fields[i].id, id))
      return (YishiRosterField)i;
  return YISHI_ROSTER_FIELD_IGNORE;
}

/* Header names ---------------------------------------------------------------------- */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00a0 || c == 0xfeff || c == 0x200b;
}

static gboolean
is_open (gunichar c)
{
  return c == '(' || c == 0xff08 || c == '[' || c == 0x3010 || c == 0xff3b || c == '{' ||
         c == 0x3014 || c == 0x3016;
}

static gboolean
is_close (gunichar c)
{
  return c == ')' || c == 0xff09 || c == ']' || c == 0x3011 || c == 0xff3d || c == '}' ||
         c == 0x3015 || c == 0x3017;
}

/* A mark that some offices put on required columns or after a label. */
static gboolean
is_mark (gunichar c)
{
  return c == '*' || c == 0xff0a || c == ':' || c == 0xff1a || c == 0x203b;
}

/* @header without spaces and marks; with @drop_bracketed, without what stands in brackets
 * ("联系电话（手机）" → "联系电话"), else without the brackets alone ("（手机）号码" → "手机号码"). */
static char *
normalise_header (const char *header,
                  gboolean    drop_bracketed)
{
  GString *out = g_string_sized_new (strlen (header));
  int depth = 0;

  for (const char *p = header; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_open (c))
        {
          depth++;
          continue;
        }
      if (is_close (c))
        {
          depth = MAX (depth - 1, 0);
          continue;
        }
      if (is_space (c) || is_mark (c) || (drop_bracketed && depth > 0))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static YishiRosterField
lookup_header (const char *name)
{
  if (*name == '\0')
    return YISHI_ROSTER_FIELD_IGNORE;
  for (guint i = 1; i < N_YISHI_ROSTER_FIELDS; i++)
    for (guint j = 0; fields[i].headers[j] != NULL; j++)
      if (g_str_equal (fields[i].headers[j], name))
        return (YishiRosterField)i;
  return YISHI_ROSTER_FIELD_IGNORE;
}

YishiRosterField
yishi_roster_field_from_header (const char *header)
{
  g_autofree char *without = NULL;
  g_autofree char *unbracketed = NULL;
  YishiRosterField field;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return YISHI_ROSTER_FIELD_IGNORE;
  without = normalise_header (header, TRUE);
  field = lookup_header (without);
  if (field != YISHI_ROSTER_FIELD_IGNORE)
    return field;
  unbracketed = normalise_header (header, FALSE);
  return lookup_header (unbracketed);
}

/* Values ------------------------------------------------------------------------------ */

typedef struct
{
  const char *text;
  const char *id;
} ValueName;

static const ValueName genders[] = {
  { "男", "male" }, { "男性", "male" }, { "male", "male" }, { "m", "male" },
  { "女", "female" }, { "女性", "female" }, { "female", "female" }, { "f", "female" },
  { NULL, NULL }
};

/* After dropping a trailing 人口, 人员 or 居民. */
static const ValueName residence_types[] = {
  { "户籍", "registered" }, { "本地户籍", "registered" }, { "registered", "registered" },
  { "常住", "resident" }, { "resident", "resident" },
  { "流动", "floating" }, { "外来", "floating" }, { "floating", "floating" },
  { "租户", "tenant" }, { "租住", "tenant" }, { "租房", "tenant" }, { "tenant", "tenant" },
  { NULL, NULL }
};

static const ValueName political_statuses[] = {
  { "中共党员", "party_member" }, { "党员", "party_member" }, { "共产党员", "party_member" },
  { "中国共产党党员", "party_member" }, { "正式党员", "party_member" },
  { "party_member", "party_member" },
  { "中共预备党员", "probationary_member" }, { "预备党员", "probationary_member" },
  { "probationary_member", "probationary_member" },
  { "共青团员", "league_member" }, { "团员", "league_member" },
  { "中国共产主义青年团团员", "league_member" }, { "league_member", "league_member" },
  { "民主党派", "democratic_party" }, { "民主党派人士", "democratic_party" },
  { "democratic_party", "democratic_party" },
  { "群众", "masses" }, { "无党派", "masses" }, { "无党派人士", "masses" }, { "masses", "masses" },
  { NULL, NULL }
};

/* The eight democratic parties, by the short names rosters use (民革党员, 九三学社社员 …). */
static const char *const democratic_parties[] = {
  "民革", "民盟", "民建", "民进", "农工", "致公", "九三", "台盟", NULL
};

/* After dropping a trailing 党员. */
static const ValueName party_categories[] = {
  { "直管", "direct" }, { "社区直管", "direct" }, { "direct", "direct" },
  { "在职", "in_service" }, { "报到", "in_service" }, { "在职报到", "in_service" },
  { "in_service", "in_service" },
  { "流动", "floating" }, { "floating", "floating" },
  { "离退休", "retired" }, { "退休", "retired" }, { "离休", "retired" }, { "retired", "retired" },
  { NULL, NULL }
};

static const char *
find_value (const ValueName *names,
            const char      *text)
{
  for (guint i = 0; names[i].text != NULL; i++)
    if (g_str_equal (names[i].text, text))
      return names[i].id;
  return NULL;
}

static void
drop_suffix (char       *text,
             const char *suffix)
{
  gsize length = strlen (text);
  gsize suffix_length = strlen (suffix);

  if (length > suffix_length && strcmp (text + length - suffix_length, suffix) == 0)
    text[length - suffix_length] = '\0';
}

const char *
yishi_roster_field_map_value (YishiRosterField  field,
                              const char       *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *value = NULL;
  const char *id;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* Most cells hold a value exactly as listed. */
  switch (field)
    {
    case YISHI_ROSTER_FIELD_GENDER: id = find_value (genders, text); break;
    case YISHI_ROSTER_FIELD_RESIDENCE_TYPE: id = find_value (residence_types, text); break;
    case YISHI_ROSTER_FIELD_POLITICAL_STATUS: id = find_value (political_statuses, text); break;
    case YISHI_ROSTER_FIELD_PARTY_CATEGORY: id = find_value (party_categories, text); break;
    default: return NULL;
    }
  if (id != NULL)
    return id;
  folded = normalise_header (text, FALSE);
  value = g_ascii_strdown (folded, -1);

  switch (field)
    {
    case YISHI_ROSTER_FIELD_GENDER:
      return find_value (genders, value);

    case YISHI_ROSTER_FIELD_RESIDENCE_TYPE:
      if ((id = find_value (residence_types, value)) != NULL)
        return id;
      drop_suffix (value, "人口");
      drop_suffix (value, "人员");
      drop_suffix (value, "居民");
      return find_value (residence_types, value);

    case YISHI_ROSTER_FIELD_POLITICAL_STATUS:
      if ((id = find_value (political_statuses, value)) != NULL)
        return id;
      for (guint i = 0; democratic_parties[i] != NULL; i++)
        if (g_str_has_prefix (value, democratic_parties[i]))
          return "democratic_party";
      return NULL;

    case YISHI_ROSTER_FIELD_PARTY_CATEGORY:
      if ((id = find_value (party_categories, value)) != NULL)
        return id;
      drop_suffix (value, "党员");
      return find_value (party_categories, value);

    default:
      return NULL;
    }
}
