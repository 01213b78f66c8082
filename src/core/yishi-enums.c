/* yishi-enums.c
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-enums.h"

static const YishiEnumValue issue_states[] = {
  { "received", N_("Received"), "已受理" },
  { "triaged", N_("Triaged"), "已分流" },
  { "dispatched", N_("Dispatched"), "已派单" },
  { "in_progress", N_("In progress"), "办理中" },
  { "answered", N_("Answered"), "已答复" },
  { "in_deliberation", N_("In deliberation"), "协商中" },
  { "publicised", N_("Publicised"), "公示中" },
  { "implementing", N_("Implementing"), "落实中" },
  { "visited", N_("Followed up"), "已回访" },
  { "closed", N_("Closed"), "已办结" },
  { "rejected", N_("Not accepted"), "不予受理" },
  { "merged", N_("Merged"), "已合并" },
};

static const YishiEnumValue channels[] = {
  { "phone", N_("Phone call"), "来电" },
  { "visit", N_("Office visit"), "来访" },
  { "letter", N_("Letter"), "来信" },
  { "wechat", N_("WeChat group"), "微信群" },
  { "hotline_12345", N_("12345 hotline"), "12345热线" },
  { "door_to_door", N_("Door-to-door visit"), "入户走访" },
  { "suggestion_box", N_("Suggestion box"), "意见箱" },
  { "questionnaire", N_("Questionnaire"), "问卷" },
  { "forum", N_("Residents' forum"), "居民论坛" },
  { "grid_patrol", N_("Grid patrol"), "网格巡查" },
  { "online", N_("Online platform"), "线上平台" },
};

static const YishiEnumValue routes[] = {
  { "immediate", N_("Handle at once"), "即办" },
  { "community_office", N_("Community office"), "社区内设办室" },
  { "council", N_("Deliberation council"), "协商议事会" },
  { "street_workstation", N_("Street workstation"), "街道协商议事工作站" },
  { "transfer", N_("Transferred"), "转办" },
  { "rejected", N_("Not accepted"), "不予受理" },
  { "merged", N_("Merged"), "已合并" },
};

static const YishiEnumValue scales[] = {
  { "major", N_("Major"), "大事" },
  { "minor", N_("Minor"), "小事" },
  { "micro", N_("Micro"), "微事" },
};

static const YishiEnumValue urgencies[] = {
  { "red", N_("Urgent"), "紧急" },
  { "yellow", N_("Important"), "重点" },
  { "blue", N_("Routine"), "常规" },
};

static const YishiEnumValue issue_kinds[] = {
  { "problem", N_("Problem"), "问题" },
  { "need", N_("Need"), "需求" },
};

static const YishiEnumValue meeting_forms[] = {
  { "council", N_("Deliberation council"), "协商议事会" },
  { "democratic_forum", N_("Democratic forum"), "民主恳谈会" },
  { "hearing", N_("Hearing"), "听证会" },
  { "appraisal", N_("Appraisal meeting"), "评议会" },
  { "residents_forum", N_("Residents' forum"), "居民论坛" },
  { "round_table", N_("Round table"), "圆桌会议" },
  { "bench_meeting", N_("Courtyard bench meeting"), "楼院板凳会" },
  { "evening_talk", N_("Grid evening talk"), "网格夜话" },
  { "online", N_("Online deliberation"), "线上协商" },
};

static const YishiEnumValue meeting_states[] = {
  { "planned", N_("Planned"), "筹备中" },
  { "noticed", N_("Announced"), "已发布通知" },
  { "held", N_("Held"), "已召开" },
  { "cancelled", N_("Cancelled"), "已取消" },
};

static const YishiEnumValue roles[] = {
  { "grid_leader", N_("Grid leader"), "网格长" },
  { "grid_worker", N_("Grid worker"), "网格员" },
  { "building_leader", N_("Building leader"), "楼栋长" },
  { "unit_leader", N_("Unit leader"), "单元长" },
  { "resident_representative", N_("Residents' representative"), "居民代表" },
  { "deliberator", N_("Deliberator"), "议事员" },
  { "mediator", N_("Mediator"), "调解员" },
  { "volunteer", N_("Volunteer"), "志愿者" },
  { "capable_resident", N_("Capable resident"), "社区能人" },
};

static const YishiEnumValue party_categories[] = {
  { "direct", N_("Directly managed"), "直管党员" },
  { "in_service", N_("In service"), "在职党员" },
  { "floating", N_("Floating party member"), "流动党员" },
  { "retired", N_("Retired"), "离退休党员" },
};

static const YishiEnumValue residence_types[] = {
  { "registered", N_("Registered"), "户籍" },
  { "resident", N_("Resident"), "常住" },
  { "floating", N_("Floating"), "流动" },
  { "tenant", N_("Tenant"), "租户" },
};

static const YishiEnumValue satisfactions[] = {
  { "satisfied", N_("Satisfied"), "满意" },
  { "basically_satisfied", N_("Basically satisfied"), "基本满意" },
  { "not_quite_satisfied", N_("Not quite satisfied"), "不太满意" },
  { "dissatisfied", N_("Dissatisfied"), "不满意" },
};

static const YishiEnumValue genders[] = {
  { "male", N_("Male"), "男" },
  { "female", N_("Female"), "女" },
  { "unknown", N_("Not recorded"), "未登记" },
};

static const YishiEnumValue political_statuses[] = {
  { "party_member", N_("Party member"), "中共党员" },
  { "probationary_member", N_("Probationary party member"), "中共预备党员" },
  { "league_member", N_("Youth League member"), "共青团员" },
  { "democratic_party", N_("Democratic party member"), "民主党派" },
  { "masses", N_("Ordinary citizen"), "群众" },
};

static const YishiEnumValue organisation_kinds[] = {
  { "area_unit", N_("Unit in the area"), "辖区单位" },
  { "property_company", N_("Property company"), "物业公司" },
  { "owners_committee", N_("Owners' committee"), "业委会" },
  { "social_org", N_("Social organisation"), "社会组织" },
  { "government_dept", N_("Government department"), "职能部门" },
  { "other_community", N_("Other community"), "其他社区" },
};

/* The 8 kinds of posts in-service party members claim (在职党员认领岗位). */
static const YishiEnumValue post_kinds[] = {
  { "organisation_building", N_("Organisation building"), "组织建设" },
  { "legal_aid", N_("Legal aid"), "法律援助" },
  { "poverty_disability_jobs", N_("Poverty, disability and jobs"), "扶贫助残就业" },
  { "community_governance", N_("Community governance"), "社区治理" },
  { "health", N_("Health"), "医疗卫生" },
  { "culture_sports", N_("Culture and sports"), "文化体育" },
  { "safety_patrol", N_("Safety patrol"), "治安巡逻" },
  { "other", N_("Other"), "其他" },
};

static const YishiEnumValue tenures[] = {
  { "owner", N_("Owner-occupied"), "自住" },
  { "tenant", N_("Rented"), "出租" },
  { "collective_rental", N_("Shared rental"), "群租" },
  { "vacant", N_("Vacant"), "空置" },
};

static const YishiEnumValue points_kinds[] = {
  { "earn", N_("Earned"), "获得" },
  { "redeem", N_("Redeemed"), "兑换" },
  { "adjust", N_("Adjustment"), "调整" },
};

static const struct
{
  const YishiEnumValue *values;
  guint n_values;
} tables[N_YISHI_ENUMS] = {
#define TABLE(t) { t, G_N_ELEMENTS (t) }
  [YISHI_ENUM_ISSUE_STATE] = TABLE (issue_states),
  [YISHI_ENUM_CHANNEL] = TABLE (channels),
  [YISHI_ENUM_ROUTE] = TABLE (routes),
  [YISHI_ENUM_SCALE] = TABLE (scales),
  [YISHI_ENUM_URGENCY] = TABLE (urgencies),
  [YISHI_ENUM_ISSUE_KIND] = TABLE (issue_kinds),
  [YISHI_ENUM_MEETING_FORM] = TABLE (meeting_forms),
  [YISHI_ENUM_MEETING_STATE] = TABLE (meeting_states),
  [YISHI_ENUM_ROLE] = TABLE (roles),
  [YISHI_ENUM_PARTY_CATEGORY] = TABLE (party_categories),
  [YISHI_ENUM_RESIDENCE_TYPE] = TABLE (residence_types),
  [YISHI_ENUM_SATISFACTION] = TABLE (satisfactions),
  [YISHI_ENUM_GENDER] = TABLE (genders),
  [YISHI_ENUM_POLITICAL_STATUS] = TABLE (political_statuses),
  [YISHI_ENUM_ORGANISATION_KIND] = TABLE (organisation_kinds),
  [YISHI_ENUM_POST_KIND] = TABLE (post_kinds),
  [YISHI_ENUM_TENURE] = TABLE (tenures),
  [YISHI_ENUM_POINTS_KIND] = TABLE (points_kinds),
#undef TABLE
};

const YishiEnumValue *
yishi_enum_values (YishiEnum  which,
                   guint     *n_values)
{
  g_return_val_if_fail (which < N_YISHI_ENUMS, NULL);

  if (n_values != NULL)
    *n_values = tables[which].n_values;
  return tables[which].values;
}

/* The label printed on documents, which are in Chinese whatever the interface's
 * language (their wording is Chinese too). */
const char *
yishi_enum_document_label (YishiEnum   which,
                           const char *id)
{
  g_return_val_if_fail (which < N_YISHI_ENUMS, id);

  if (id == NULL)
    return "";
  for (guint i = 0; i < tables[which].n_values; i++)
    if (g_str_equal (tables[which].values[i].id, id))
      return tables[which].values[i].document;
  return id;
}

/* Returns: the translated label, or @id itself when it is not a known value */
const char *
yishi_enum_label (YishiEnum   which,
                  const char *id)
{
  g_return_val_if_fail (which < N_YISHI_ENUMS, id);

  if (id == NULL)
    return "";
  for (guint i = 0; i < tables[which].n_values; i++)
    if (g_str_equal (tables[which].values[i].id, id))
      return g_dgettext (GETTEXT_PACKAGE, tables[which].values[i].label);
  return id;
}
