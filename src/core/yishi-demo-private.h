/* yishi-demo-private.h — shared by the two halves of the demo generator:
 * yishi-demo.c (registry, driver) and yishi-demo-ledger.c (matters, meetings).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-search.h"
#include "yishi-demo.h"

/* Shared helpers carry the module prefix in the symbol table. */
#define add_working_days yishi_demo_add_working_days
#define at_local yishi_demo_at_local
#define civil_from_days yishi_demo_civil_from_days
#define cn_number yishi_demo_cn_number
#define fmt_date yishi_demo_fmt_date
#define fmt_time yishi_demo_fmt_time
#define gen_issues yishi_demo_gen_issues
#define gen_meetings yishi_demo_gen_meetings
#define lookup yishi_demo_lookup
#define make_name yishi_demo_make_name
#define phone_number yishi_demo_phone_number
#define compare_keys yishi_demo_compare_keys
#define pick yishi_demo_pick
#define put yishi_demo_put
#define rnd yishi_demo_rnd
#define year_of yishi_demo_year_of

/* Reference data ------------------------------------------------------------------ */

typedef struct
{
  const char *key, *label;
  int weight;
} Choice;

static const Choice channels[] = {
  { "phone", "来电", 15 }, { "visit", "来访", 14 }, { "letter", "来信", 2 },
  { "wechat", "微信群", 18 }, { "hotline_12345", "12345热线", 16 },
  { "door_to_door", "入户走访", 8 }, { "suggestion_box", "意见箱", 3 },
  { "questionnaire", "问卷调查", 3 }, { "forum", "居民座谈会", 4 },
  { "grid_patrol", "网格巡查", 12 }, { "online", "线上平台", 5 },
};
static const Choice forms[] = {
  { "council", "协商议事会", 30 }, { "democratic_forum", "民主恳谈会", 10 },
  { "hearing", "听证会", 6 }, { "appraisal", "评议会", 6 }, { "residents_forum", "居民论坛", 10 },
  { "round_table", "圆桌会议", 10 }, { "bench_meeting", "楼院板凳会", 12 },
  { "evening_talk", "网格夜话", 10 }, { "online", "线上协商会", 6 },
};
static const Choice routes[] = { { "immediate", "", 33 }, { "community_office", "", 25 },
                                 { "transfer", "", 15 }, { "council", "", 22 },
                                 { "street_workstation", "", 5 } };
static const Choice urgencies[] = { { "red", "", 8 }, { "yellow", "", 27 }, { "blue", "", 65 } };
static const Choice ratings[] = {
  { "satisfied", "满意", 70 }, { "basically_satisfied", "基本满意", 22 },
  { "not_quite_satisfied", "不太满意", 5 }, { "dissatisfied", "不满意", 3 },
};
static const Choice methods[] = { { "show_of_hands", "举手表决", 70 }, { "named", "记名投票", 10 },
                                  { "secret", "无记名投票", 10 }, { "household", "按户表决", 10 } };

/* Titles by category, split at '|': %B building, %U unit, %R room, %P place; a
 * leading '+' marks a need rather than a problem. */
static const struct
{
  const char *category;
  int weight;
  const char *titles;
} topics[] = {
  { "环境卫生", 12, "%B垃圾清运不及时|%P垃圾分类投放点异味大|%B%U楼道堆放杂物|"
                   "+建议加强垃圾分类宣传指导|%P污水井冒水|%P垃圾分类桶破损" },
  { "物业管理", 12, "%B电梯经常故障停运|物业服务费收支不透明|%B%U单元门禁损坏|"
                   "%B电梯年检标志过期|小区保洁不到位|+希望公开物业维修资金使用情况" },
  { "停车管理", 10, "小区停车位不足|%P车辆乱停乱放堵塞消防通道|+希望增设电动自行车充电桩|"
                   "%B楼下僵尸车长期占用停车位|外来车辆进出小区管理混乱|+建议规划非机动车停车棚" },
  { "房屋维修", 12, "%B%U屋顶漏水|%B外墙保温层脱落|%B%R室卫生间漏水影响楼下|"
                   "%B%U楼道窗户破损|+老旧小区加装电梯意愿征集|%B雨水管堵塞" },
  { "治安安全", 7, "%P路灯不亮存在安全隐患|%B楼道电动车充电存在火灾隐患|%P监控探头损坏|"
                  "夜间有陌生人员翻越围墙|%B消防栓无水|+建议增加夜间巡逻" },
  { "邻里纠纷", 8, "%B%R室装修噪音扰民|%B楼上漏水邻里协商不成|%B楼上住户夜间噪音|"
                  "%P广场舞噪音扰民|宠物犬未拴绳惊吓老人|%B%U公共楼道被占用" },
  { "公共设施", 12, "%B%U楼道灯不亮|%P健身器材损坏|%P路面破损积水|+希望增设休息座椅|"
                   "%B%U单元门损坏无法关闭|%P路灯损坏" },
  { "绿化养护", 6, "%P绿化带杂草丛生|%B楼前树木遮挡采光|+建议补种绿化|%P树枝折断存在隐患|"
                  "公共绿地被私自占用种菜|%P绿化带浇水不及时" },
  { "养老服务", 6, "+希望增设老年助餐点|+独居老人希望定期探访|+希望开设老年大学课程|"
                  "+建议在%B加装无障碍扶手|+居家养老服务申请|+希望提供上门助浴服务" },
  { "就业帮扶", 3, "+希望提供就业岗位信息|+失业人员求职登记咨询|+希望开展职业技能培训|"
                  "+残疾人就业帮扶申请|+灵活就业社保补贴咨询|+希望举办社区招聘会" },
  { "文化活动", 4, "+希望组织社区文艺活动|+建议开放社区活动室|+希望举办儿童暑期托管班|"
                  "+建议建设社区图书角|+希望组织健步走活动|+希望开设书法绘画班" },
  { "政策咨询", 5, "+医保报销政策咨询|+居住证办理咨询|+老旧小区改造政策咨询|"
                  "+养老金领取资格认证咨询|+垃圾分类政策咨询|+高龄津贴申领咨询" },
  { "其他", 3, "+建议设立便民维修点|快递柜设置位置不合理|+希望增设公共充电桩|小区手机信号差|"
              "+希望设立共享雨伞|+建议增设便民服务点" },
};
#define N_TOPICS ((int)G_N_ELEMENTS (topics))

enum
{
  W_PLACES, W_DETAILS, W_WANTS, W_ASKS, W_REJECTIONS, W_UNREACHABLE, W_OFFICES, W_TASKS,
  W_SPEECHES, W_ABSENCES, W_EMPLOYERS, W_CLAIMS, W_REDEMPTIONS, W_ACTIVITIES, W_ITEMS,
  W_BASES, W_SUFFIXES, W_STREETS, W_ROADS, W_BRANDS, W_DEPARTMENTS, N_WORDS
};

static const char *const word_lists[N_WORDS] = {
  [W_PLACES] = "小区东门|小区南门口|中心广场|社区活动中心门前|地下车库入口|小区北侧道路|"
               "自行车棚附近|儿童游乐场|健身广场|小区西侧绿地",
  [W_DETAILS] = "该问题已持续一个多月，|多次向物业反映未得到解决，|给居民日常生活带来不便，|"
                "老人和孩子出行存在安全隐患，|雨天和夜间情况更为严重，|周边居民意见较大，",
  [W_WANTS] = "目前社区相关服务还不能满足需求，|不少居民有同样的想法，|家中老人行动不便，|"
              "希望了解具体办理流程，",
  [W_ASKS] = "希望社区尽快协调解决。|恳请有关部门予以处理。|建议召开议事会商量解决办法。|"
             "希望尽快给予答复。",
  [W_REJECTIONS] = "诉求属于民事纠纷，已告知通过人民调解或司法途径解决。|"
                   "诉求不属于社区职责范围，已向居民做好解释。|"
                   "诉求涉及个人私事，不宜作为公共事务处理，已做好沟通。|"
                   "经核实反映情况不属实，已电话说明。",
  [W_UNREACHABLE] = "电话多次无人接听|号码已停机|居民已搬离本社区",
  [W_OFFICES] = "社区综治办|社区服务站|社区党群服务中心|社区居委会环境物业管理委员会",
  [W_TASKS] = "制定实施方案并征求居民意见|联系施工单位进场施工|协调物业公司落实维修|"
              "向街道申请项目资金|组织居民代表验收|在公示栏公示办理结果",
  [W_SPEECHES] = "同意方案，建议尽快实施。|建议先征求楼内全体住户意见。|"
                 "希望明确资金来源和维护责任。|物业愿意配合，费用需要共同商定。|"
                 "从法律角度看方案可行。|建议分步实施，先易后难。",
  [W_ABSENCES] = "临时有事|身体不适|外出|工作冲突",
  [W_EMPLOYERS] = "区教育局|区人民医院|区税务局|市自来水公司|区财政局|国网供电公司|"
                  "工商银行支行|区实验小学|区市场监督管理局|市第二中学",
  [W_CLAIMS] = "协助开展支部主题党日活动|为居民提供法律咨询|结对帮扶困难家庭|参与楼院议事协商|"
               "开展义诊和健康讲座|组织居民文体活动|参加夜间治安巡逻|参与社区志愿服务",
  [W_REDEMPTIONS] = "兑换洗衣液一瓶|兑换大米一袋|兑换理发服务一次|兑换家电维修服务一次|"
                    "兑换食用油一桶",
  [W_ACTIVITIES] = "参加垃圾分类宣传志愿服务|参加楼道清理|参加敬老助老服务|参加文明交通劝导|"
                   "参加社区环境整治|参加防诈骗宣传",
  [W_ITEMS] = "社区年度民生实事项目征集|小区公共收益使用方案|楼道环境整治公约|"
              "老旧小区改造方案意见征集|社区居民公约修订|小区停车管理办法修订",
  [W_BASES] = "幸福|和平|光明|建设|朝阳|团结|新华|文化|胜利|东风|红旗|长安|友谊|民主|花园|"
              "春晖|锦绣|金桥|翠湖|丽景|振兴|康乐|安居|福寿|永安|兴华|育才|清河|枫林|桃园",
  [W_SUFFIXES] = "里|街|路|苑|园|村|坊|东里|西里|北街",
  [W_STREETS] = "和平里|东湖|北山|西溪|文新|古荡|新华路|光华|长青|望江|南湖|青年路|建设路|"
                "人民路|解放路|中山路|东风|红旗|朝阳门|翠苑",
  [W_ROADS] = "光明路|人民路|建设街|和平路|文化路|解放街|中山路|育才路|新华街|长安路|胜利街|友谊路",
  [W_BRANDS] = "绿城|万科|中海|保利|长城|金地|首开|龙湖|华润|鑫源|安家|祥和",
  [W_DEPARTMENTS] = "住房和城乡建设委员会|城市管理委员会|民政局|市场监督管理局|园林绿化局|"
                    "生态环境局|人力资源和社会保障局|交通支队",
};

static const char *const claim_kinds[] = {
  "organisation_building", "legal_aid", "poverty_disability_jobs", "community_governance",
  "health", "culture_sports", "safety_patrol", "other",
};

/* Surnames by frequency (the top twenty weighted), compound surnames, and the
 * characters of women's and men's given names. */
static const char surnames[] =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
  "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
  "毛郝龚邵万钱严覃武戴莫孔";
static const guint8 surname_top[] = { 71, 70, 67, 54, 46, 31, 22, 22, 20, 19,
                                      15, 15, 13, 12, 12, 11, 10, 10, 10, 9 };
static const char compounds[] = "欧阳司马诸葛上官东方皇甫尉迟慕容夏侯令狐";
static const char *const given_chars[] = {
  "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺"
  "媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊"
  "薇菁梦岚馨韵园艺悦昭冰爽茗羽希宁欣育筠柔竹凝晓欢枫芸菲寒伊亚宜可舒影思丽",
  "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清"
  "飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善"
  "厚庆磊民友裕河哲江超浩亮政谦奇固之朗宏言鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士建家致树德行泰",
};

/* The district: city, phone area code and first digit, four local area codes of ID
 * numbers; other_areas are places of birth elsewhere in the country. */
static const struct
{
  const char *city, *district, *phone_area;
  char phone_first;
  const char *areas;
} cities[] = {
  { "北京市", "朝阳区", "010", '6', "110105110101110102110108" },
  { "杭州市", "西湖区", "0571", '8', "330106330102330105330108" },
  { "成都市", "武侯区", "028", '8', "510107510104510105510106" },
  { "武汉市", "江汉区", "027", '8', "420103420102420104420106" },
};
static const char other_areas[] =
  "410102370102130102340102430102320102500103610102210102220102230102350102"
  "360102450102520102530102620102140105150102440103440304120101310101410305";

#define N_AREAS (4 + (int)(sizeof other_areas - 1) / 6)
#define FIRST_BIRTH (-12784) /* 1935-01-01, in days since 1970-01-01 */
#define LAST_BIRTH 20088     /* 2024-12-31 */
#define CAL_BEFORE 800       /* the calendar of working days starts today - 800 */
#define CAL_DAYS 1300
#define BEIJING (8 * 3600)
#define MINUTES(h, m) ((h) * 60 + (m))

/* Statements; arguments by format letter: 'u' none (a fresh uuid), 'i' int, 'n' int or
 * NULL for 0, 'N' int or NULL for < 0, 't' text or NULL, 'd' double, 'D' double or NULL
 * for < 0. */
enum
{
  S_COMMUNITY, S_ORG, S_GRID, S_BUILDING, S_UNIT, S_HOUSEHOLD, S_PERSON, S_RESIDENCE,
  S_MEMBERSHIP, S_CLAIM, S_ROLE, S_SERIAL, S_ISSUE, S_REQUESTER, S_EVENT, S_SATISFACTION,
  S_MEETING, S_PARTICIPANT, S_AGENDA, S_VOTE, S_TASK, S_FOLLOW_UP, S_POINTS, S_AWARD,
  N_INSERTS, S_PERSON_NAME = N_INSERTS, S_ISSUE_TITLE, N_STMTS
};

static const struct
{
  const char *table, *fmt, *columns;
} inserts[N_INSERTS] = {
  [S_COMMUNITY] = { "community", "iuttttttt", "id, uuid, name, street_office, district,"
                    " address, supervision_phone, created_at, updated_at" },
  [S_ORG] = { "organisation", "iutttttt",
              "id, uuid, kind, name, contact_name, contact_phone, address, notes" },
  [S_GRID] = { "grid", "iuitti", "id, uuid, community_id, name, notes, position" },
  [S_BUILDING] = { "building", "iuittiini", "id, uuid, grid_id, name, address, floors, managed,"
                   " property_org_id, position" },
  [S_UNIT] = { "unit", "iuiti", "id, uuid, building_id, name, position" },
  [S_HOUSEHOLD] = { "household", "iuitdti",
                    "id, uuid, unit_id, room, floor_area, tenure, party_central" },
  [S_PERSON] = { "person", "iuittttttttitt", "id, uuid, household_id, name, gender, birth_date,"
                 " id_number, phone, residence_type, political_status, notes,"
                 " public_name_consent, created_at, updated_at" },
  [S_RESIDENCE] = { "residence", "iuiitt",
                    "id, uuid, person_id, household_id, start_date, end_date" },
  [S_MEMBERSHIP] = { "party_membership", "iuittttttt", "id, uuid, person_id, category, branch,"
                     " party_group, joined_date, employer, reported_date, end_date" },
  [S_CLAIM] = { "party_post_claim", "iuittt",
                "id, uuid, membership_id, kind, description, claimed_date" },
  [S_ROLE] = { "role_assignment", "iuittnttt", "id, uuid, person_id, role, scope_kind, scope_id,"
               " work_phone, start_date, end_date" },
  [S_SERIAL] = { "issue_serial", "ii", "year, last_number" },
  [S_ISSUE] = { "issue", "iuttttnttinnnttnttttttnntttntit", "id, uuid, serial, channel,"
                " received_at, created_at, requester_person_id, requester_name, requester_phone,"
                " anonymous, grid_id, building_id, unit_id, place_text, kind, category_id,"
                " urgency, title, content, scale, route, responsible_text,"
                " responsible_person_id, responsible_org_id, deadline, state, rejection_reason,"
                " merged_into_id, closed_at, typical_case, updated_at" },
  [S_REQUESTER] = { "issue_requester", "iuinttn",
                    "id, uuid, issue_id, person_id, name, phone, from_issue_id" },
  [S_EVENT] = { "issue_event", "iuitttttt",
                "id, uuid, issue_id, at, kind, actor, from_state, to_state, note" },
  [S_SATISFACTION] = { "satisfaction", "iuitttttt", "id, uuid, issue_id, at, rating, method,"
                       " respondent, unreachable_reason, note" },
  [S_MEETING] = { "meeting", "iutttttttttttNtttt", "id, uuid, title, form, starts_at, ends_at,"
                  " place, convener, host, recorder, state, notice_published_at,"
                  " signup_deadline, expected_count, minutes, evaluation, created_at, updated_at" },
  [S_PARTICIPANT] = { "meeting_participant", "iuintttittt", "id, uuid, meeting_id, person_id,"
                      " name, role, organisation, signed_up, attendance, absence_reason,"
                      " speech_summary" },
  [S_AGENDA] = { "agenda_item", "iuiinttNNNttttttt", "id, uuid, meeting_id, position, issue_id,"
                 " title, voting_method, votes_for, votes_against, votes_abstain, outcome,"
                 " teller, scrutineer, resolution, publicity_start, publicity_end,"
                 " followup_cadence" },
  [S_VOTE] = { "vote", "iuinntdt", "id, uuid, agenda_item_id, person_id, household_id, choice,"
               " floor_area, cast_at" },
  [S_TASK] = { "task", "iunntnttitt", "id, uuid, agenda_item_id, issue_id, description,"
               " owner_person_id, owner_text, due_date, progress, state, completed_at" },
  [S_FOLLOW_UP] = { "follow_up", "iuititt", "id, uuid, task_id, at, progress, note, actor" },
  [S_POINTS] = { "points_entry", "iuittnDdt", "id, uuid, person_id, at, kind, rule_id, hours,"
                 " points, description" },
  [S_AWARD] = { "award", "iuitnntt", "id, uuid, year, kind, person_id, issue_id, title, notes" },
};

/* State ---------------------------------------------------------------------------- */

/* Community roles, in lists; a person's flags have bit 1 << list, and F_STAFF. */
enum { L_REPRESENTATIVE, L_DELIBERATOR, L_MEDIATOR, L_VOLUNTEER, L_CAPABLE, N_LISTS };
enum { T_OWNER, T_TENANT, T_COLLECTIVE, T_VACANT };
#define F_STAFF (1 << N_LISTS)

typedef struct
{
  gint32 birth; /* days since 1970-01-01 */
  guint8 flags;
} Person;

typedef struct
{
  gint32 unit, first_person;
  guint8 n_people, floor, room;
  gint32 area; /* hundredths of a square metre */
} Household;

typedef struct
{
  gint32 building, grid;
  gint16 number, building_number;
} Unit;

typedef struct
{
  int number, worker;
  char worker_name[24];
} Grid;

typedef struct
{
  char name[48], short_name[32], street[32], secretary[24], director[24];
  int first_grid, n_grids, buildings, first_household, end_household, first_property, first_org;
  int list_start[N_LISTS], list_count[N_LISTS], issues, meetings;
  int recent[9]; /* a ring of the last 8 matters, then their count */
} Community;

/* Sorted by key: arrivals of matters (time, order), and matters waiting for a meeting
 * (community, time, id). */
typedef struct
{
  gint64 key, t;
  int id, community;
  guint8 state, used;
} Entry;

typedef struct
{
  YishiDatabase *database;
  sqlite3 *db;
  GRand *rand;
  GCancellable *cancellable;
  YishiDemoProgress progress;
  gpointer user_data;
  GError **error;

  int today, city, n_communities, n_companies, first_department, n_people;
  gint64 now; /* 18:00 today in Beijing */
  char areas[N_AREAS][7];
  guint8 calendar[CAL_DAYS]; /* 0 ordinary, 1 day off, 2 working weekend day */
  int deadline_days[3][2];   /* by urgency, problem/need */
  int categories[N_TOPICS], rules[3], surname_table[1024], surname_total, years[1000];
  double rule_rate[3], rule_cap[3];
  char **words[N_WORDS], **titles[N_TOPICS], text[256], phone[32];
  int n_words[N_WORDS], ids[N_INSERTS];
  sqlite3_stmt *stmts[N_STMTS];
  guint64 uuid_cursor[N_INSERTS], uuid_step[N_INSERTS];
  gint64 rows, rows_expected;
  double fraction;

  YishiDemoTargets targets;
  Community *communities;
  Person *people;
  guint8 *id_counters;
  GArray *grids, *units, *households, *lists[N_LISTS], *waiting;
  GPtrArray *org_names;
} Gen;

#define HOUSEHOLD(g, id) (&g_array_index ((g)->households, Household, (id) - 1))
#define UNIT(g, id) (&g_array_index ((g)->units, Unit, (id) - 1))
#define GRID(g, id) (&g_array_index ((g)->grids, Grid, (id) - 1))
#define LIST(g, l, i) g_array_index ((g)->lists[l], int, i)
#define CITY(g) (&cities[(g)->city])
#define NEXT(g, which) (++(g)->ids[which])
#define BETWEEN(g, lo, hi) ((lo) + rnd ((g), (hi) - (lo) + 1))
#define CHANCE(g, per_mille) (rnd ((g), 1000) < (per_mille))
#define WORD(g, list) ((g)->words[list][rnd ((g), (g)->n_words[list])])
#define PICK(g, choices) pick ((g), (choices), G_N_ELEMENTS (choices))
#define AGE(g, birth) (((g)->today - (birth)) / 365)
#define LOCAL_DAY(t) ((int)(((t) + BEIJING) / 86400))
#define TRY(expr) G_STMT_START { if (!(expr)) return FALSE; } G_STMT_END

/* Helpers -------------------------------------------------------------------------- */

int rnd (Gen *g, int n);
int civil_from_days (int z, int *m, int *d);
int year_of (int day);
char * fmt_date (char out[11], int day);
char * fmt_time (char out[21], gint64 t);
gint64 at_local (Gen *g, int day, int minute);
int add_working_days (Gen *g, int day, int n);
char * cn_number (char out[16], int n);
gboolean put (Gen *g, int which, ...);
const char * lookup (Gen *g, int which, int id);
void phone_number (Gen *g, char out[20], gboolean landline);
void make_name (Gen *g, char out[24], const char *family, int len, gboolean male);
gboolean gen_issues (Gen *g);
gboolean gen_meetings (Gen *g);
int pick (Gen *g, const Choice *choices, int n);
int compare_keys (const void *a, const void *b);
