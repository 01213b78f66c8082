/* yishi-demo.c — deterministic, realistic demo databases.
 *
 * All randomness comes from one GRand seeded with the seed, drawn in a fixed order (at
 * most one draw among the arguments of a call), all times derive from `today`, and every
 * id is assigned here: the same seed and day give the same content. For speed the rows go
 * through reused prepared statements in one transaction, CHECK constraints are not
 * evaluated per row (the rows satisfy them; yishi_database_check verifies), secondary
 * indexes are built once at the end, and UUIDs increase within each table (random gaps
 * and tails) so that their UNIQUE indexes grow at the edge. Failure leaves no file.
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "yishi-clock.h"
#include "yishi-database-private.h"
#include "yishi-search.h"

#include "yishi-demo.h"

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

static inline int
rnd (Gen *g, int n)
{
  return n <= 1 ? 0 : g_rand_int_range (g->rand, 0, n);
}

static int
pick (Gen *g, const Choice *choices, int n)
{
  int total = 0, r;

  for (int i = 0; i < n; i++)
    total += choices[i].weight;
  r = rnd (g, total);
  for (int i = 0; i < n - 1; i++)
    if ((r -= choices[i].weight) < 0)
      return i;
  return n - 1;
}

static void
make_uuid (Gen *g, int which, char out[37])
{
  guint64 gap = ((guint64)g_rand_int (g->rand) << 32) | g_rand_int (g->rand);
  guint64 head = g->uuid_cursor[which] += 1 + gap % (2 * g->uuid_step[which]);
  guint8 bytes[16];

  for (int i = 0; i < 16; i++)
    bytes[i] = i < 6 ? (guint8)(head >> (40 - 8 * i)) : (guint8)g_rand_int (g->rand);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  for (int i = 0, o = 0; i < 16; i++, out[o] = '\0')
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = "0123456789abcdef"[bytes[i] >> 4];
      out[o++] = "0123456789abcdef"[bytes[i] & 15];
    }
}

/* Dates are days since 1970-01-01, times UTC seconds. */
static int
days_from_civil (int y, int m, int d)
{
  int era, yoe, doy;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Returns the year; the month and day go to @m and @d. */
static int
civil_from_days (int z, int *m, int *d)
{
  int era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  return yoe + era * 400 + (*m <= 2);
}

static int
year_of (int day)
{
  int m, d;

  return civil_from_days (day, &m, &d);
}

static inline void
put_digits (char *out, int value, int width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = (char)('0' + value % 10);
}

static char *
fmt_date (char out[11], int day)
{
  int m, d, y = civil_from_days (day, &m, &d);

  put_digits (out, y, 4);
  put_digits (out + 5, m, 2);
  put_digits (out + 8, d, 2);
  out[4] = out[7] = '-';
  out[10] = '\0';
  return out;
}

static char *
fmt_time (char out[21], gint64 t)
{
  int day = (int)(t / 86400), s = (int)(t % 86400);

  fmt_date (out, day);
  put_digits (out + 11, s / 3600, 2);
  put_digits (out + 14, s / 60 % 60, 2);
  put_digits (out + 17, s % 60, 2);
  out[10] = 'T', out[13] = out[16] = ':', out[19] = 'Z', out[20] = '\0';
  return out;
}

/* @minute minutes after midnight of @day in Beijing (and some seconds), in UTC. */
static inline gint64
at_local (Gen *g, int day, int minute)
{
  return (gint64)day * 86400 + minute * 60 + rnd (g, 60) - BEIJING;
}

/* Weekends and days off are skipped; adjusted working days (调休) count. */
static int
add_working_days (Gen *g, int day, int n)
{
  while (n > 0)
    {
      int i = ++day - (g->today - CAL_BEFORE), weekday = (day + 4) % 7;

      if (i >= 0 && i < CAL_DAYS && g->calendar[i] != 0 ? g->calendar[i] == 2
                                                          : weekday != 0 && weekday != 6)
        n--;
    }
  return day;
}

/* Chinese numerals, 1 … 99. */
static char *
cn_number (char out[16], int n)
{
  static const char *const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  g_snprintf (out, 16, "%s%s%s", n >= 20 ? digits[n / 10] : "", n >= 10 ? "十" : "",
              digits[n % 10]);
  return out;
}

static gboolean
report (Gen *g, double fraction)
{
  if (g_cancellable_set_error_if_cancelled (g->cancellable, g->error))
    return FALSE;
  if (fraction > g->fraction && g->progress != NULL)
    g->progress (fraction, g->user_data);
  g->fraction = MAX (g->fraction, fraction);
  return TRUE;
}

/* Writes one row of @which, arguments as its format says; unbound parameters are NULL. */
static gboolean
put (Gen *g, int which, ...)
{
  sqlite3_stmt *stmt = g->stmts[which];
  char uuid[37];
  va_list args;
  int i = 1, rc;

  va_start (args, which);
  for (const char *f = inserts[which].fmt; *f; f++, i++)
    {
      const char *s = *f == 't' ? va_arg (args, const char *) : NULL;
      double x = *f == 'd' || *f == 'D' ? va_arg (args, double) : 0;
      int v = *f == 'i' || *f == 'n' || *f == 'N' ? va_arg (args, int) : 0;

      if (*f == 'u')
        make_uuid (g, which, uuid), sqlite3_bind_text (stmt, i, uuid, 36, SQLITE_STATIC);
      else if (s != NULL)
        sqlite3_bind_text (stmt, i, s, -1, SQLITE_STATIC);
      else if (*f == 'd' || (*f == 'D' && x >= 0))
        sqlite3_bind_double (stmt, i, x);
      else if (*f == 'i' || (*f == 'n' && v != 0) || (*f == 'N' && v >= 0))
        sqlite3_bind_int (stmt, i, v);
    }
  va_end (args);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    yishi_database_set_error (g->database, g->error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  return (++g->rows & 4095) != 0
         || report (g, 0.85 * MIN (1.0, (double)g->rows / g->rows_expected));
}

/* A person's name (phone in g->phone), or a matter's title. */
static const char *
lookup (Gen *g, int which, int id)
{
  sqlite3_stmt *stmt = g->stmts[which];

  g->text[0] = g->phone[0] = '\0';
  sqlite3_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strlcpy (g->text, (const char *)sqlite3_column_text (stmt, 0), sizeof g->text);
      g_strlcpy (g->phone, (const char *)sqlite3_column_text (stmt, 1), sizeof g->phone);
    }
  sqlite3_reset (stmt);
  return g->text;
}

static int
compare_keys (const void *a, const void *b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* People --------------------------------------------------------------------------- */

static void
phone_number (Gen *g, char out[20], gboolean landline)
{
  int a = rnd (g, 10000), b = rnd (g, 10000), c = rnd (g, 10);

  if (landline)
    g_snprintf (out, 20, "%s-%c%03d%04d", CITY (g)->phone_area, CITY (g)->phone_first, a % 1000, b);
  else
    g_snprintf (out, 20, "1%c%d%04d%04d", "3358835796"[c], a % 10, b, a / 10 * 10 + c);
}

/* A surname: a pointer into one of the tables, its length in bytes in @len. */
static const char *
surname (Gen *g, int *len)
{
  *len = CHANCE (g, 10) ? 6 : 3;
  if (*len == 6)
    return compounds + 6 * rnd (g, (int)(sizeof compounds - 1) / 6);
  return surnames + 3 * g->surname_table[rnd (g, g->surname_total)];
}

/* The surname (a random one when @family is NULL), then a given name of one character
 * (three in ten) or two. */
static void
make_name (Gen *g, char out[24], const char *family, int len, gboolean male)
{
  int n = (int)strlen (given_chars[male]) / 3;

  family = family != NULL ? family : surname (g, &len);
  memcpy (out, family, len);
  for (int k = CHANCE (g, 300) ? 1 : 2; k > 0; k--, len += 3)
    memcpy (out + len, given_chars[male] + 3 * rnd (g, n), 3);
  out[len] = '\0';
}

/* An ID number per GB 11643-1999; a counter per area, day and sex keeps it unique. */
static gboolean
make_id_number (Gen *g, char out[19], int birth, gboolean male)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int area = CHANCE (g, 550) ? 0 : CHANCE (g, 350) ? BETWEEN (g, 1, 3)
                                                     : BETWEEN (g, 4, N_AREAS - 1);
  int m, d, y = civil_from_days (birth, &m, &d), sum = 0;
  guint slot = ((guint)area * (LAST_BIRTH - FIRST_BIRTH + 1) + (guint)(birth - FIRST_BIRTH)) * 2
               + male;
  guint count = birth >= FIRST_BIRTH && birth <= LAST_BIRTH ? g->id_counters[slot] : 250;

  if (count >= 250)
    return FALSE;
  g->id_counters[slot]++;
  count = ((slot * 2654435761u >> 7) + count * 173) % 499; /* steps coprime to 499 */
  memcpy (out, g->areas[area], 6);
  put_digits (out + 6, y, 4);
  put_digits (out + 10, m, 2);
  put_digits (out + 12, d, 2);
  put_digits (out + 14, (int)count * 2 + (male ? 1 : 2), 3); /* the 17th digit: odd for men */
  for (int i = 0; i < 17; i++)
    sum += (out[i] - '0') * weights[i];
  out[17] = "10X98765432"[sum % 11];
  out[18] = '\0';
  return TRUE;
}

/* Born about @years years after @from, within 1935 … 2024 and before today, without
 * piling up at the ends. */
static int
birth_after (Gen *g, int from, int years)
{
  int birth = from + years * 365 + rnd (g, 365), last = MIN (LAST_BIRTH, g->today - 30);

  return birth < FIRST_BIRTH ? FIRST_BIRTH + rnd (g, 1500) : birth > last ? last - rnd (g, 300)
                                                                          : birth;
}

typedef struct
{
  int birth;
  gboolean male;
  const char *family;
  int family_len;
} Member;

/* Who lives in a household: a head, a spouse, children (grandchildren, or a parent
 * when the head is young); young tenants; or unrelated flatmates. */
static int
plan_members (Gen *g, int tenure, Member *members)
{
  static const int sizes[] = { 18, 48, 76, 90 }; /* 1 … 5 people, cumulative %: mean ≈ 2.7 */
  int r = rnd (g, 100), n = 1, age;

  while (n < 5 && r >= sizes[n - 1])
    n++;
  n = tenure == T_VACANT ? 0 : tenure == T_COLLECTIVE ? BETWEEN (g, 3, 6)
    : tenure == T_TENANT ? MIN (n, 3) : n;
  r = rnd (g, 100);
  age = tenure != T_OWNER ? BETWEEN (g, 20, 40) : r < 28 ? BETWEEN (g, 60, 89)
      : r < 75 ? BETWEEN (g, 35, 59) : BETWEEN (g, 24, 34);
  for (int i = 0; i < n; i++)
    {
      Member *m = &members[i], *head = &members[0];
      gboolean spouse = i == 1 && CHANCE (g, 850), related = i > 0 && tenure != T_COLLECTIVE;
      int years = i >= 3 && age >= 58 ? BETWEEN (g, 48, 62) : BETWEEN (g, 22, 34);

      m->male = spouse ? !head->male : CHANCE (g, i == 0 ? 720 : 510);
      m->family = related && !spouse && head->male ? head->family : surname (g, &m->family_len);
      m->family_len = related && !spouse && head->male ? head->family_len : m->family_len;
      if (related && !spouse && !head->male && i > 1 && members[1].male)
        m->family = members[1].family, m->family_len = members[1].family_len;
      if (!related)
        m->birth = birth_after (g, g->today, -age - (i > 0 ? rnd (g, 8) : 0) - 1);
      else if (spouse)
        m->birth = birth_after (g, head->birth, BETWEEN (g, -5, 4));
      else if (head->birth + years * 365 > MIN (LAST_BIRTH, g->today - 30)) /* a parent */
        m->birth = birth_after (g, head->birth, -BETWEEN (g, 22, 30));
      else
        m->birth = birth_after (g, head->birth, years);
    }
  return n;
}

/* A party membership of the four categories; in-service members report to the
 * community and claim posts of two to four kinds. */
static gboolean
gen_membership (Gen *g, int person, int birth, int grid_no, int building_no)
{
  char branch[48], group[32], joined[11], reported[11], ended[11], claimed[11], cn[16];
  int age = AGE (g, birth), id = NEXT (g, S_MEMBERSHIP), join_age = BETWEEN (g, 19, 40);
  gboolean retired = age >= 58 && CHANCE (g, 700), left = CHANCE (g, 20);
  gboolean in_service = !retired && age >= 23 && age < 58 && CHANCE (g, 550);
  const char *category = retired ? "retired" : in_service ? "in_service"
                       : age < 50 && CHANCE (g, 300) ? "floating" : "direct";

  g_snprintf (branch, sizeof branch, "第%s网格党支部", cn_number (cn, grid_no));
  g_snprintf (group, sizeof group, "%d号楼党小组", building_no);
  fmt_date (joined, MIN (g->today - 30, birth + join_age * 365));
  fmt_date (reported, g->today - BETWEEN (g, 30, 1200));
  fmt_date (ended, g->today - BETWEEN (g, 10, 300));
  TRY (put (g, S_MEMBERSHIP, id, person, category, branch, group, joined,
            in_service ? WORD (g, W_EMPLOYERS) : "", in_service ? reported : NULL,
            left ? ended : NULL));
  for (int k = in_service ? BETWEEN (g, 2, 4) : 0, first = rnd (g, 8), i = 0; i < k; i++)
    {
      int kind = (first + i * 3) % 8;

      fmt_date (claimed, BETWEEN (g, g->today - 1200, g->today - 1));
      TRY (put (g, S_CLAIM, NEXT (g, S_CLAIM), id, claim_kinds[kind], g->words[W_CLAIMS][kind],
                claimed));
    }
  return TRUE;
}

/* A household and its people with their residences (here and, for some, before). */
static gboolean
gen_household (Gen *g, const Community *c, int unit_id, int grid_no, int floor, int room,
               int kind)
{
  static const char *const tenures[] = { "owner", "tenant", "collective_rental", "vacant" };
  const Unit *u = UNIT (g, unit_id);
  Household h = { unit_id, g->n_people + 1, 0, (guint8)floor, (guint8)room, 0 };
  Member members[6];
  char room_name[24], when[21], birth[11], start[11], end[11], earlier[11], id_number[19];
  char name[24], phone[20];
  int id = NEXT (g, S_HOUSEHOLD), r = rnd (g, 100), tenure = T_VACANT, move_in;
  gboolean party[6] = { FALSE }, central = FALSE;

  if (g->n_people < g->targets.people)
    tenure = r < 78 ? T_OWNER : r < 91 ? T_TENANT : r < 93 && kind != 1 ? T_COLLECTIVE : T_VACANT;
  r = kind == 1 ? BETWEEN (g, 7000, 16000) : kind == 2 ? BETWEEN (g, 4000, 9000)
                                           : BETWEEN (g, 5000, 11000);
  h.area = r;
  h.n_people = plan_members (g, tenure, members);
  for (int i = 0; i < h.n_people; i++)
    {
      r = AGE (g, members[i].birth);
      party[i] = r >= 18 && CHANCE (g, r >= 60 ? 110 : r >= 30 ? 70 : 35);
      central = central || (party[i] && CHANCE (g, 120));
    }
  g_snprintf (room_name, sizeof room_name, "%d-%d%02d", u->number, floor, room);
  TRY (put (g, S_HOUSEHOLD, id, unit_id, room_name, h.area / 100.0, tenures[tenure], central));
  g_array_append_val (g->households, h);

  move_in = g->today - (tenure == T_OWNER ? BETWEEN (g, 200, 9000) : BETWEEN (g, 30, 1500));
  for (int i = 0; i < h.n_people; i++)
    {
      const Member *m = &members[i];
      int pid = ++g->n_people, age = AGE (g, m->birth), registered = g->today - BETWEEN (g, 1, 900);
      const char *status = party[i] ? "party_member" : "masses", *residence = "registered";
      gboolean has_id, consent;

      g->people[pid - 1] = (Person) { m->birth, 0 };
      make_name (g, name, m->family, m->family_len, m->male);
      has_id = !CHANCE (g, 15) && make_id_number (g, id_number, m->birth, m->male);
      if (age < 12 || CHANCE (g, 20))
        phone[0] = '\0';
      else
        phone_number (g, phone, age >= 65 && CHANCE (g, 300));
      if (!party[i] && age >= 14 && age <= 28 && CHANCE (g, 300))
        status = "league_member";
      else if (!party[i] && age >= 18 && CHANCE (g, 8))
        status = CHANCE (g, 500) ? "probationary_member" : "democratic_party";
      if (tenure != T_OWNER)
        residence = tenure == T_COLLECTIVE && CHANCE (g, 600) ? "floating" : "tenant";
      else if (CHANCE (g, 280))
        residence = CHANCE (g, 800) ? "resident" : "floating";
      consent = CHANCE (g, 80);
      fmt_time (when, at_local (g, registered, MINUTES (9, 30)));
      TRY (put (g, S_PERSON, pid, id, name, m->male ? "male" : "female", fmt_date (birth, m->birth),
                has_id ? id_number : NULL, phone, residence, status,
                age >= 75 && h.n_people == 1 ? "独居老人，需定期探访" : "", consent, when, when));
      if (move_in > m->birth + 3000 && id > c->first_household && CHANCE (g, 62))
        {
          int before = BETWEEN (g, c->first_household, id - 1), left = move_in - BETWEEN (g, 1, 40);
          int since = left - BETWEEN (g, 300, 5000);

          fmt_date (earlier, MAX (m->birth, since));
          TRY (put (g, S_RESIDENCE, NEXT (g, S_RESIDENCE), pid, before, earlier,
                    fmt_date (end, left)));
        }
      fmt_date (start, MAX (move_in, m->birth));
      TRY (put (g, S_RESIDENCE, NEXT (g, S_RESIDENCE), pid, id, start, NULL));
      if (party[i])
        TRY (gen_membership (g, pid, m->birth, grid_no, u->building_number));
    }
  return TRUE;
}

/* Registry ------------------------------------------------------------------------- */

/* Someone of @min_age … @max_age among ids @first … @last without any of @flags. */
static int
pick_person (Gen *g, int first, int last, int min_age, int max_age, int flags)
{
  for (int tries = 0; last >= first && tries < 16; tries++)
    {
      int id = BETWEEN (g, first, last), age = AGE (g, g->people[id - 1].birth);

      if (age >= min_age && age <= max_age && (g->people[id - 1].flags & flags) == 0)
        return id;
    }
  return 0;
}

/* A role since some time in the last five years; a few have ended. */
static gboolean
put_role (Gen *g, int person, const char *role, const char *scope, int scope_id, gboolean staff)
{
  char phone[20] = "", start[11], end[11];
  int from = g->today - BETWEEN (g, 60, 1800), to = from + BETWEEN (g, 30, 700);
  gboolean ended = CHANCE (g, 60);

  if (staff)
    phone_number (g, phone, FALSE);
  fmt_date (end, MIN (g->today - 1, to));
  return person == 0 || put (g, S_ROLE, NEXT (g, S_ROLE), person, role, scope, scope_id, phone,
                             fmt_date (start, from), ended ? end : NULL);
}

/* A walk-up, a high-rise or a low courtyard house, its units and households, its
 * building leader and unit leaders. */
static gboolean
gen_building (Gen *g, Community *c, int grid_id, int number)
{
  char name[24], address[128], unit_name[16];
  int id = NEXT (g, S_BUILDING), r = rnd (g, 100), kind = r < 60 ? 0 : r < 80 ? 1 : 2;
  int floors = kind == 0 ? BETWEEN (g, 5, 7) : kind == 1 ? BETWEEN (g, 11, 26) : BETWEEN (g, 2, 4);
  int n_units = kind == 0 ? BETWEEN (g, 2, 5) : kind == 1 ? BETWEEN (g, 1, 2) : BETWEEN (g, 1, 3);
  int per_floor = kind == 1 ? 4 : kind == 2 ? BETWEEN (g, 2, 3) : 2, first = g->n_people + 1;
  int property = (c->first_property - 1 + rnd (g, 2)) % g->n_companies + 1;
  int grid_no = GRID (g, grid_id)->number;
  gboolean managed = kind != 2 || CHANCE (g, 300);

  g_snprintf (name, sizeof name, "%d号楼", number);
  g_snprintf (address, sizeof address, "%s%s%d号院%d号楼", CITY (g)->district,
              g->words[W_ROADS][(c - g->communities) % g->n_words[W_ROADS]], 10 + grid_no * 3,
              number);
  TRY (put (g, S_BUILDING, id, grid_id, name, address, floors, managed, managed ? property : 0,
            number));
  for (int u = 1; u <= n_units; u++)
    {
      Unit unit = { id, grid_id, (gint16)u, (gint16)number };
      int unit_id = NEXT (g, S_UNIT), unit_first = g->n_people + 1;

      g_array_append_val (g->units, unit);
      g_snprintf (unit_name, sizeof unit_name, "%d单元", u);
      TRY (put (g, S_UNIT, unit_id, id, unit_name, u));
      for (int k = 0; k < floors * per_floor; k++)
        TRY (gen_household (g, c, unit_id, grid_no, k / per_floor + 1, k % per_floor + 1, kind));
      TRY (put_role (g, pick_person (g, unit_first, g->n_people, 25, 75, F_STAFF), "unit_leader",
                     "unit", unit_id, FALSE));
    }
  return put_role (g, pick_person (g, first, g->n_people, 30, 75, F_STAFF), "building_leader",
                   "building", id, FALSE);
}

/* A grid: buildings until the people reach @quota; its leader and workers. */
static gboolean
gen_grid (Gen *g, Community *c, int number, gint64 quota)
{
  Grid grid = { number, 0, "" };
  char name[32], notes[64], cn[16];
  int id = NEXT (g, S_GRID), first = g->n_people + 1;

  g_strlcpy (grid.worker_name, c->director, sizeof grid.worker_name);
  g_array_append_val (g->grids, grid);
  g_snprintf (name, sizeof name, "第%s网格", cn_number (cn, number));
  g_snprintf (notes, sizeof notes, "网格党支部：第%s网格党支部", cn);
  TRY (put (g, S_GRID, id, (int)(c - g->communities) + 1, name, notes, number));
  do
    TRY (gen_building (g, c, id, ++c->buildings));
  while (g->n_people < quota);
  for (int i = 0, n = CHANCE (g, 250) ? 4 : BETWEEN (g, 2, 3); i < n; i++)
    {
      int person = pick_person (g, first, g->n_people, 25, 55, F_STAFF);

      if (person > 0 && i > 0 && GRID (g, id)->worker == 0)
        GRID (g, id)->worker = person;
      if (person == GRID (g, id)->worker)
        g_strlcpy (GRID (g, id)->worker_name, lookup (g, S_PERSON_NAME, person), 24);
      if (person > 0)
        g->people[person - 1].flags |= F_STAFF;
      TRY (put_role (g, person, i == 0 ? "grid_leader" : "grid_worker", "grid", id, TRUE));
    }
  return TRUE;
}

/* Community-wide roles; volunteers earn points by rule and now and then redeem some,
 * never below zero; awards go to the best of each year. */
static gboolean
gen_roles (Gen *g, Community *c, int first, int last)
{
  static const char *const roles[] = { "resident_representative", "deliberator", "mediator",
                                       "volunteer", "capable_resident" };
  static const char *const awards[][2] = { { "top_deliberator", "年度十佳议事员" },
                                           { "excellent_mediator", "年度优秀人民调解员" },
                                           { "excellent_volunteer", "年度优秀志愿者" } };
  static const int award_lists[] = { L_DELIBERATOR, L_MEDIATOR, L_VOLUNTEER };
  int counts[N_LISTS] = { MAX (5, (c->end_household - c->first_household) / 50), 25, 6,
                          (last - first + 1) * 4 / 100, 12 };
  char when[21], title[64];

  for (int l = 0; l < N_LISTS; l++)
    {
      c->list_start[l] = g->lists[l]->len;
      for (int i = 0, person; i < counts[l]; i++)
        if ((person = pick_person (g, first, last, l == L_VOLUNTEER ? 14 : 25, 80, 1 << l)) > 0)
          {
            g->people[person - 1].flags |= 1 << l;
            g_array_append_val (g->lists[l], person);
            TRY (put_role (g, person, roles[l], "community", 0, FALSE));
          }
      c->list_count[l] = g->lists[l]->len - c->list_start[l];
    }

  for (int i = 0; i < c->list_count[L_VOLUNTEER]; i++)
    {
      int person = LIST (g, L_VOLUNTEER, c->list_start[L_VOLUNTEER] + i);
      int day = g->today - BETWEEN (g, 400, 720), balance = 0;

      for (int n = BETWEEN (g, 3, 12), spend; n > 0 && day < g->today;
           n--, day += BETWEEN (g, 10, 90))
        {
          int rule = CHANCE (g, 700) ? 0 : CHANCE (g, 500) ? 2 : 1;
          double hours = BETWEEN (g, 1, (int)(g->rule_cap[rule] * 2)) / 2.0;

          fmt_time (when, at_local (g, day, MINUTES (9, 0)));
          TRY (put (g, S_POINTS, NEXT (g, S_POINTS), person, when, "earn", g->rules[rule], hours,
                    hours * g->rule_rate[rule], rule == 0 ? WORD (g, W_ACTIVITIES)
                    : rule == 1 ? "参加协商议事会" : "参加夜间治安巡逻"));
          balance += (int)(hours * g->rule_rate[rule]);
          if (balance < 10 || !CHANCE (g, 200))
            continue;
          spend = 5 * BETWEEN (g, 1, balance / 5);
          balance -= spend;
          fmt_time (when, at_local (g, day, MINUTES (15, 0)));
          TRY (put (g, S_POINTS, NEXT (g, S_POINTS), person, when, "redeem", 0, -1.0,
                    (double)-spend, WORD (g, W_REDEMPTIONS)));
        }
    }

  for (int y = year_of (g->today - 730); y < year_of (g->today); y++)
    for (int k = 0; k < 3; k++)
      {
        int l = award_lists[k], count = c->list_count[l], start = rnd (g, MAX (count, 1));

        g_snprintf (title, sizeof title, "%d%s", y, awards[k][1]);
        for (int i = 0; i < MIN (k == 0 ? 10 : 3, count); i++)
          TRY (put (g, S_AWARD, NEXT (g, S_AWARD), y, awards[k][0],
                    LIST (g, l, c->list_start[l] + (start + i) % count), 0, title, ""));
      }
  return TRUE;
}

static gboolean
put_org (Gen *g, const char *kind, const char *prefix, const char *name)
{
  char contact[24], phone[20], address[96], full[160];
  int number;

  make_name (g, contact, NULL, 0, CHANCE (g, 500));
  phone_number (g, phone, CHANCE (g, 500));
  number = BETWEEN (g, 1, 300);
  g_snprintf (address, sizeof address, "%s%s%d号", CITY (g)->district, WORD (g, W_ROADS), number);
  g_snprintf (full, sizeof full, "%s%s", prefix, name);
  g_ptr_array_add (g->org_names, g_strdup (full));
  return put (g, S_ORG, NEXT (g, S_ORG), kind, full, contact, phone, address, "");
}

/* The district's property companies and departments; then, community by community,
 * its organisations, grids and roles. */
static gboolean
gen_registry (Gen *g)
{
  static const char *const orgs[][2] = {
    { "owners_committee", "小区业主委员会" }, { "area_unit", "小学" }, { "area_unit", "派出所" },
    { "area_unit", "社区卫生服务站" }, { "social_org", "社会工作服务中心" },
    { "social_org", "志愿服务队" }, { "other_community", "社区" },
  };
  int n_names = g->n_words[W_BASES] * g->n_words[W_SUFFIXES], total = 0, grids = 0;
  int offset = rnd (g, n_names);
  char address[128], phone[20], when[21], brand[64];

  g->n_companies = MIN (g->n_words[W_BRANDS], 2 + g->n_communities / 2);
  for (int i = 0; i < g->n_companies; i++)
    {
      g_snprintf (brand, sizeof brand, "%s物业服务有限公司", g->words[W_BRANDS][i]);
      TRY (put_org (g, "property_company", CITY (g)->city, brand));
    }
  g->first_department = g->ids[S_ORG] + 1;
  for (int i = 0; i < g->n_words[W_DEPARTMENTS]; i++)
    TRY (put_org (g, "government_dept", CITY (g)->district, g->words[W_DEPARTMENTS][i]));
  for (int i = 0; i < g->n_communities; i++)
    {
      Community *c = &g->communities[i];
      int name = (offset + 7 * i) % n_names; /* 7 is coprime to 300: distinct names */

      g_snprintf (c->short_name, sizeof c->short_name, "%s%s",
                  g->words[W_BASES][name / g->n_words[W_SUFFIXES]],
                  g->words[W_SUFFIXES][name % g->n_words[W_SUFFIXES]]);
      g_snprintf (c->name, sizeof c->name, "%s社区", c->short_name);
      g_snprintf (c->street, sizeof c->street, "%s街道", g->words[W_STREETS][i / 12 % 20]);
      c->n_grids = g->n_communities == 1 ? 8 : BETWEEN (g, 6, 10);
      c->first_property = 1 + rnd (g, g->n_companies);
      total += c->n_grids;
    }

  for (int i = 0; i < g->n_communities; i++)
    {
      Community *c = &g->communities[i];
      int first = g->n_people + 1, number;
      const char *neighbour = g->n_communities > 1
                              ? g->communities[(i + 1) % g->n_communities].short_name : "兴隆里";

      make_name (g, c->secretary, NULL, 0, CHANCE (g, 500));
      make_name (g, c->director, NULL, 0, CHANCE (g, 400));
      number = BETWEEN (g, 1, 200);
      g_snprintf (address, sizeof address, "%s%s%s%d号", CITY (g)->city, CITY (g)->district,
                  g->words[W_ROADS][i % g->n_words[W_ROADS]], number);
      phone_number (g, phone, TRUE);
      fmt_time (when, at_local (g, g->today - 1000, MINUTES (9, 0)));
      TRY (put (g, S_COMMUNITY, NEXT (g, S_COMMUNITY), c->name, c->street, CITY (g)->district,
                address, phone, when, when));
      c->first_org = g->ids[S_ORG] + 1;
      for (guint k = 0; k < G_N_ELEMENTS (orgs); k++)
        TRY (put_org (g, orgs[k][0], k < 6 ? c->short_name : neighbour, orgs[k][1]));
      c->first_grid = g->grids->len + 1;
      c->first_household = g->ids[S_HOUSEHOLD] + 1;
      for (int n = 1; n <= c->n_grids; n++)
        TRY (gen_grid (g, c, n, g->targets.people * ++grids / total));
      c->end_household = g->ids[S_HOUSEHOLD] + 1;
      TRY (gen_roles (g, c, first, g->n_people));
    }
  return TRUE;
}

/* Matters -------------------------------------------------------------------------- */

enum { R, T, D, IP, A, ID, P, IM, V, C, REJ, M, N_STATES };
static const char *const states[] = {
  "received", "triaged", "dispatched", "in_progress", "answered", "in_deliberation",
  "publicised", "implementing", "visited", "closed", "rejected", "merged",
};

/* The event entering each state, its note and its usual delay in minutes. */
static const struct
{
  const char *kind, *note;
  int lo, hi;
} entering[N_STATES] = {
  [R] = { "receive", "", 0, 0 }, [T] = { "triage", "完成分类定级", 20, 480 },
  [D] = { "dispatch", "派单至责任方", 10, 1440 },
  [IP] = { "handle", "责任方现场核实处理", 60, 4320 },
  [A] = { "answer", "办理结果已答复居民", 60, 4320 },
  [ID] = { "to_meeting", "提交议事会协商", 2880, 28800 },
  [P] = { "publicise", "议事结果公示", 1440, 4320 },
  [IM] = { "progress", "按决议组织实施", 10080, 43200 },
  [V] = { "visit", "回访居民", 1440, 7200 }, [C] = { "close", "问题解决，予以销号", 60, 4320 },
  [REJ] = { "reject", "", 60, 4320 }, [M] = { "merge", "", 60, 2880 },
};

/* The states passed through: handled at once, by an office or unit, or deliberated. */
static const guint8 paths[3][8] = {
  { R, T, IP, A, V, C }, { R, T, D, IP, A, V, C }, { R, T, ID, P, IM, A, V, C },
};
#define PATH(route) ((route) == 0 ? 0 : (route) >= 3 ? 2 : 1)

typedef struct
{
  const char *kind, *note;
  int from, to;
  gint64 at;
} Step;

static int
pick_household (Gen *g, const Community *c)
{
  int id = 0;

  for (int tries = 0; tries < 20 && (id == 0 || HOUSEHOLD (g, id)->n_people == 0); tries++)
    id = BETWEEN (g, c->first_household, c->end_household - 1);
  return id;
}

static int
resident_of (Gen *g, const Community *c)
{
  const Household *h = HOUSEHOLD (g, pick_household (g, c));

  return h->n_people > 0 ? h->first_person + rnd (g, h->n_people) : 0;
}

static void
expand (char *out, gsize size, const char *tmpl, const Unit *u, const Household *h,
        const char *place)
{
  gsize o = 0;

  for (const char *p = tmpl; *p && o + 1 < size; p++)
    {
      char piece[48];

      if (*p != '%' || p[1] == '\0')
        {
          out[o++] = *p;
          continue;
        }
      if (*++p == 'B' || *p == 'U')
        g_snprintf (piece, sizeof piece, *p == 'B' ? "%d号楼" : "%d单元",
                    *p == 'B' ? u->building_number : u->number);
      else if (*p == 'R')
        g_snprintf (piece, sizeof piece, "%d-%d%02d", u->number, h->floor, h->room);
      else
        g_strlcpy (piece, place, sizeof piece);
      o = MIN (o + g_strlcpy (out + o, piece, size - o), size - 1);
    }
  out[o] = '\0';
}

/* How far a matter of @age days has come: recent ones are open, most old ones closed,
 * most overdue ones answered by now. */
static int
choose_stage (Gen *g, int route, int age, int deadline)
{
  int n = 6 + PATH (route), stage;

  if (age <= 2)
    stage = route == 0 && CHANCE (g, 300) ? n - 1 : rnd (g, MIN (4, n - 1));
  else if (age <= 14)
    stage = BETWEEN (g, 1, n - 1);
  else if (age <= 60)
    stage = CHANCE (g, 500) ? n - 1 : BETWEEN (g, 2, n - 2);
  else
    stage = CHANCE (g, age <= 180 ? 850 : 960) ? n - 1 : BETWEEN (g, 3, n - 2);
  if (paths[PATH (route)][stage] <= IP && stage > 0 && deadline < g->today && CHANCE (g, 850))
    stage = CHANCE (g, 600) ? n - 1 : n - 3;
  return stage;
}

/* Times before 08:30 or after 18:00 in Beijing move into the (next) day's office hours. */
static gint64
office_hours (Gen *g, gint64 t)
{
  int minute = (int)((t + BEIJING) % 86400 / 60);

  if (minute >= MINUTES (8, 30) && minute < MINUTES (18, 0))
    return t;
  return at_local (g, LOCAL_DAY (t) + (minute >= MINUTES (18, 0)), MINUTES (8, 30) + rnd (g, 570));
}

/* The timeline up to @final (some dissatisfied requesters have it reopened): times
 * increase, answers mostly come before the deadline, and all is over by now. */
static int
plan_timeline (Gen *g, Step *steps, gint64 received, int final, int route, int stage,
               int deadline)
{
  const guint8 *path = paths[PATH (route)];
  gboolean reopen = final == C && route < 3 && CHANCE (g, 40);
  int n = 0;

  steps[n++] = (Step) { "receive", "", -1, R, received };
  if (final == REJ)
    steps[n++] = (Step) { "triage", entering[T].note, R, T, 0 };
  if (final == REJ || final == M)
    steps[n++] = (Step) { entering[final].kind, "", n > 1 ? T : R, final, 0 };
  for (int j = 1; route >= 0 && j <= stage; j++)
    {
      steps[n++] = (Step) { entering[path[j]].kind, entering[path[j]].note, path[j - 1], path[j],
                            0 };
      if (path[j] == V)
        steps[n++] = (Step) { "evaluate", "", V, V, 0 };
      if (path[j] == V && reopen && j < stage)
        {
          steps[n++] = (Step) { "reopen", "居民不满意，重新办理", V, IP, 0 };
          steps[n++] = (Step) { "answer", "重新办理后再次答复居民", IP, A, 0 };
          steps[n++] = (Step) { "visit", "再次回访居民", A, V, 0 };
          steps[n++] = (Step) { "evaluate", "", V, V, 0 };
        }
    }
  for (int j = 1; j < n; j++)
    {
      gboolean quick = steps[j].from == steps[j].to;
      int lo = quick ? 5 : entering[steps[j].to].lo, hi = quick ? 30 : entering[steps[j].to].hi;
      gint64 delay = (gint64)BETWEEN (g, lo, hi) * 60, share = BETWEEN (g, 20, 105);

      if (steps[j].to == A && steps[j].from == IP && PATH (route) == 1)
        delay = MAX (600, ((gint64)deadline * 86400 + 9 * 3600 - received) * share / 100
                          - (steps[j - 1].at - received));
      steps[j].at = office_hours (g, steps[j - 1].at + delay);
    }
  if (steps[n - 1].at > g->now - 600)
    {
      double factor = (double)(g->now - 600 - received) / (double)(steps[n - 1].at - received);

      for (int j = 1; j < n; j++)
        steps[j].at = MAX (steps[j - 1].at + 1,
                           received + (gint64)((steps[j].at - received) * factor));
    }
  return n;
}

/* Who is responsible, by route: the grid worker, an office, a unit, or the council. */
static int
responsible_for (Gen *g, const Community *c, const Grid *grid, int route, char out[96])
{
  char cn[16];
  int org = 0;

  if (route == 0)
    g_snprintf (out, 96, "第%s网格网格员%s", cn_number (cn, grid->number), grid->worker_name);
  else if (route == 1)
    g_strlcpy (out, WORD (g, W_OFFICES), 96);
  else if (route == 2)
    org = CHANCE (g, 500) ? g->first_department + rnd (g, g->n_words[W_DEPARTMENTS])
        : CHANCE (g, 500) ? c->first_property : c->first_org + BETWEEN (g, 1, 3);
  else
    g_snprintf (out, 96, "%s协商议事%s", route == 3 ? "社区" : c->street,
                route == 3 ? "会" : "工作站");
  if (org > 0)
    g_strlcpy (out, g->org_names->pdata[org - 1], 96);
  return org;
}

/* One matter, its requesters, timeline and feedback; a typical case gets its award. */
static gboolean
gen_issue (Gen *g, gint64 received, int ci, int id, guint16 *seen, int remaining)
{
  Community *c = &g->communities[ci];
  int topic = 0, w = rnd (g, 100), hid = pick_household (g, c), person = 0, r = rnd (g, 1000);
  const Household *h = HOUSEHOLD (g, hid);
  const Unit *u = UNIT (g, h->unit);
  const Grid *grid = GRID (g, u->grid);
  int channel = PICK (g, channels), urgency = PICK (g, urgencies), route = -1, stage = 0, final;
  int day = LOCAL_DAY (received), age = g->today - day, year = year_of (day), target = 0, n;
  int org = 0, deadline, *ring = c->recent;
  char serial[16], at[21], title[200], content[600], deadline_s[11], last[21], note[256];
  char name[24] = "", phone[20] = "", responsible[96] = "";
  const char *tmpl, *place = WORD (g, W_PLACES), *scale = NULL, *reason = "", *detail, *ask;
  gboolean need, in_building, anonymous = CHANCE (g, 30), typical;
  Step steps[24];

  while ((w -= topics[topic].weight) >= 0 && topic < N_TOPICS - 1)
    topic++;
  tmpl = g->titles[topic][rnd (g, 6)];
  need = tmpl[0] == '+';
  in_building = strstr (tmpl, "%B") != NULL;
  urgency = need && urgency == 0 ? 2 : urgency;
  deadline = add_working_days (g, day, g->deadline_days[urgency][need]);
  if (r < 30 && age >= 1)
    final = REJ;
  else if (r < 50 && age >= 1 && ring[8] > 0)
    final = M, target = ring[rnd (g, MIN (8, ring[8]))];
  else
    {
      route = PICK (g, routes);
      stage = choose_stage (g, route, age, deadline);
      for (int s = R; s <= IP && remaining <= 6; s++)
        if (!(*seen & (1 << s))) /* every ledger shows matters at each first step */
          {
            route = 1, stage = s;
            break;
          }
      final = paths[PATH (route)][stage];
    }
  *seen |= 1 << final;

  /* A requester from the registry; some anonymous, some from outside it. */
  if (!anonymous && CHANCE (g, 30))
    make_name (g, name, NULL, 0, CHANCE (g, 500)), phone_number (g, phone, FALSE);
  else if (!anonymous)
    {
      person = h->first_person + rnd (g, h->n_people);
      for (int i = 0; i < h->n_people && AGE (g, g->people[person - 1].birth) < 18; i++)
        person = h->first_person + i;
      g_strlcpy (name, lookup (g, S_PERSON_NAME, person), sizeof name);
      g_strlcpy (phone, g->phone, sizeof phone);
    }
  expand (title, sizeof title, tmpl + need, u, h, place);
  detail = WORD (g, need ? W_WANTS : W_DETAILS);
  ask = need ? "希望社区予以支持。" : WORD (g, W_ASKS);
  g_snprintf (content, sizeof content, "%s%s：%s。%s%s", in_building ? "楼内居民" : "居民",
              need ? "提出" : "反映", title, detail, ask);
  if (stage >= 1)
    {
      org = responsible_for (g, c, grid, route, responsible);
      scale = route == 4 ? "major" : route == 0 ? (CHANCE (g, 800) ? "micro" : "minor")
            : route == 3 ? (CHANCE (g, 850) ? "minor" : "major")
            : in_building ? "micro" : CHANCE (g, 300) ? "major" : "minor";
    }
  n = plan_timeline (g, steps, received, final, route, stage, deadline);
  reason = final == REJ ? WORD (g, W_REJECTIONS) : "";
  typical = final == C && CHANCE (g, route >= 3 ? 100 : 15);

  g_snprintf (serial, sizeof serial, "%d-%04d", year, ++g->years[year - 2000]);
  fmt_time (at, received);
  fmt_time (last, steps[n - 1].at);
  TRY (put (g, S_ISSUE, id, serial, channels[channel].key, at, at, person, name, phone, anonymous,
            u->grid, in_building ? u->building : 0,
            in_building && strstr (tmpl, "%U") ? h->unit : 0,
            in_building ? "" : place, need ? "need" : "problem", g->categories[topic],
            urgencies[urgency].key, title, content, scale,
            final == R ? NULL : route >= 0 ? routes[route].key : states[final], responsible,
            route == 0 ? grid->worker : 0, org, fmt_date (deadline_s, deadline), states[final],
            reason, target, final == C ? last : NULL, typical, last));
  TRY (put (g, S_REQUESTER, NEXT (g, S_REQUESTER), id, person, name, phone, 0));
  if (target > 0)
    TRY (put (g, S_REQUESTER, NEXT (g, S_REQUESTER), target, person, name, phone, id));

  for (int j = 0, first_evaluation = TRUE; j < n; j++)
    {
      gboolean evaluate = g_str_equal (steps[j].kind, "evaluate");
      gboolean lost = evaluate && (anonymous || CHANCE (g, 30));
      int rating = !evaluate || lost ? -1 : !first_evaluation ? rnd (g, 2) /* after reopening */
                   : j + 1 < n && steps[j + 1].to == IP ? 2 + rnd (g, 2) : PICK (g, ratings);
      const char *text = steps[j].to == REJ ? reason : steps[j].note, *method;

      if (j == 0)
        g_snprintf (note, sizeof note, "通过%s受理", channels[channel].label), text = note;
      else if (steps[j].to == M)
        g_snprintf (note, sizeof note, "与“%s”合并办理", lookup (g, S_ISSUE_TITLE, target)),
        text = note;
      text = lost ? (anonymous ? "匿名反映，无法回访" : WORD (g, W_UNREACHABLE))
           : rating >= 0 ? ratings[rating].label : text;
      first_evaluation = first_evaluation && !evaluate;
      fmt_time (at, steps[j].at);
      TRY (put (g, S_EVENT, NEXT (g, S_EVENT), id, at, steps[j].kind,
                steps[j].to == T || steps[j].to == C ? c->director : grid->worker_name,
                steps[j].from >= 0 ? states[steps[j].from] : NULL, states[steps[j].to], text));
      method = !evaluate ? NULL : CHANCE (g, 700) ? "phone" : CHANCE (g, 600) ? "visit" : "wechat";
      if (evaluate)
        TRY (put (g, S_SATISFACTION, NEXT (g, S_SATISFACTION), id, at,
                  rating >= 0 ? ratings[rating].key : NULL, method, name, lost ? text : "",
                  rating >= 2 ? "对处理结果不满意" : ""));
    }

  if (final != M && final != REJ)
    ring[ring[8]++ % 8] = id;
  if (route >= 3 && stage >= 2)
    {
      gint64 since = steps[2].at - (gint64)(g->today - CAL_BEFORE) * 86400; /* < 2^27 */

      g_array_append_vals (g->waiting, &(Entry) { (gint64)ci << 47 | since << 20 | id, steps[2].at,
                                                  id, ci, (guint8)final, 0 }, 1);
    }
  year = year_of (LOCAL_DAY (steps[n - 1].at));
  g_snprintf (title, sizeof title, "%d年度典型案例", year);
  return !typical || year >= year_of (g->today)
         || put (g, S_AWARD, NEXT (g, S_AWARD), year, "typical_case", 0, id, title,
                 "解决一个销号一个");
}

/* Matters arrive over two years, more on weekdays and lately, numbered in that order. */
static gboolean
gen_issues (Gen *g)
{
  int n = (int)g->targets.issues, k = 0;
  g_autofree Entry *arrivals = g_new (Entry, n);
  g_autofree guint16 *seen = g_new0 (guint16, g->n_communities);
  g_autofree int *remaining = g_new0 (int, g->n_communities);

  for (int c = 0; c < g->n_communities; c++)
    for (int j = 0; j < g->communities[c].issues; j++, k++)
      {
        int ago, weight, weekday, minute;

        do
          {
            ago = rnd (g, 731);
            weekday = (g->today - ago + 4) % 7;
            weight = 100 + (ago < 30 ? 100 : 0) + (730 - ago) * 40 / 730;
          }
        while (rnd (g, 240) >= (weekday == 0 || weekday == 6 ? weight * 45 / 100 : weight));
        minute = ago == 0 ? BETWEEN (g, MINUTES (8, 0), MINUTES (14, 0))
               : CHANCE (g, 100) ? BETWEEN (g, MINUTES (20, 0), MINUTES (23, 58))
               : BETWEEN (g, MINUTES (8, 0), MINUTES (19, 0));
        arrivals[k] = (Entry) { at_local (g, g->today - ago, minute) << 20 | k, 0, 0, c, 0, 0 };
        remaining[c]++;
      }
  qsort (arrivals, n, sizeof *arrivals, compare_keys);
  for (int i = 0; i < n; i++)
    {
      int c = arrivals[i].community;

      TRY (gen_issue (g, arrivals[i].key >> 20, c, i + 1, &seen[c], --remaining[c]));
    }
  for (int y = 0; y < (int)G_N_ELEMENTS (g->years); y++)
    if (g->years[y] > 0)
      TRY (put (g, S_SERIAL, 2000 + y, g->years[y]));
  return TRUE;
}

/* Meetings ------------------------------------------------------------------------- */

typedef struct
{
  int person;
  const char *role, *org;
  char name[24];
} Seat;

static void
seat (Gen *g, Seat *seats, int *n, const char *role, int person, const char *name, const char *org)
{
  for (int i = 0; i < *n; i++)
    if (*n >= 20 || (person > 0 && seats[i].person == person))
      return;
  seats[*n] = (Seat) { person, role, org, "" };
  if (person > 0 || name != NULL)
    g_strlcpy (seats[*n].name, person > 0 ? lookup (g, S_PERSON_NAME, person) : name, 24);
  else
    make_name (g, seats[*n].name, NULL, 0, CHANCE (g, 550));
  (*n)++;
}

/* Tasks from a resolution, followed up every half month or month until done. */
static gboolean
gen_tasks (Gen *g, int item, int issue, int day, int step, const char *owner, int owner_person)
{
  char due[11], completed[21], at[21];

  for (int k = BETWEEN (g, 1, 2); k > 0; k--)
    {
      int id = NEXT (g, S_TASK), due_day = day + BETWEEN (g, 15, 60);
      int progress = BETWEEN (g, 10, 80);
      int early = rnd (g, 10), last = g->today, done = due_day < g->today - 5 && CHANCE (g, 850);
      const char *state = done ? "done" : CHANCE (g, 30) ? "cancelled" : "open";

      if (done)
        last = MAX (day + 2, due_day - early), progress = 100;
      fmt_time (completed, at_local (g, last, MINUTES (16, 0)));
      TRY (put (g, S_TASK, id, item, issue, WORD (g, W_TASKS), owner_person, owner,
                fmt_date (due, due_day), progress, state, done ? completed : NULL));
      for (int f = 1, d = day + step; d <= last && f <= 6; f++, d += step)
        {
          int p = d + step > last || f == 6 ? progress : progress * f * step / MAX (1, last - day);

          fmt_time (at, at_local (g, d, MINUTES (10, 0)));
          TRY (put (g, S_FOLLOW_UP, NEXT (g, S_FOLLOW_UP), id, at, p,
                    p >= 100 ? "已完成，居民代表验收" : "按计划推进中", owner));
        }
    }
  return TRUE;
}

/* An agenda item: a vote by simple majority of those present; when passed, publicity
 * for at least seven days and tasks; household votes carry the floor area. */
static gboolean
gen_agenda (Gen *g, Community *c, int meeting, int position, const Entry *e, gint64 start,
            gboolean held, int step, int present, const Seat *seats, int n_seats, int owner)
{
  const char *outcome = NULL, *teller = seats[2].name, *scrutineer = seats[1].name;
  int id = NEXT (g, S_AGENDA), method = PICK (g, methods), pro = -1, con = -1, abstain = -1;
  int day = LOCAL_DAY (start), half = present / 2, from = BETWEEN (g, 1, 2);
  int length = BETWEEN (g, 6, 13);
  int want = e != NULL ? (e->state == ID ? 2 : 0) : CHANCE (g, 750) ? 0 : CHANCE (g, 400) ? 1 : 2;
  char title[256], resolution[512] = "", pub_start[11], pub_end[11];

  g_strlcpy (title, e != NULL ? lookup (g, S_ISSUE_TITLE, e->id) : WORD (g, W_ITEMS), sizeof title);
  for (int i = 3, found = 0; i < n_seats && found < 2; i++)
    if (g_str_equal (seats[i].role, "resident_representative"))
      *(found++ == 0 ? &teller : &scrutineer) = seats[i].name;
  if (held) /* want: 0 passed, 1 rejected, 2 deferred */
    {
      int first = want == 2 ? rnd (g, half + 1) : half + 1 + rnd (g, present - half);
      int second = rnd (g, MIN (want == 2 ? half : present, present - first) + 1);

      pro = want == 1 ? second : first, con = want == 1 ? first : second;
      abstain = rnd (g, present - pro - con + 1);
      outcome = pro * 2 > present ? "passed" : con * 2 > present ? "rejected" : "deferred";
    }
  if (outcome != NULL && outcome[0] == 'p')
    g_snprintf (resolution, sizeof resolution, "经%s，到会%d人，赞成%d票、反对%d票、弃权%d票，"
                "赞成票超过到会人数半数，同意%s。由%s牵头落实。", methods[method].label, present,
                pro, con, abstain, title, c->director);
  else if (outcome != NULL)
    g_strlcpy (resolution, outcome[0] == 'r' ? "赞成票未过到会人数半数，议题未通过。"
               : "意见分歧较大，暂缓表决，会后进一步调研。", sizeof resolution);
  held = outcome != NULL && outcome[0] == 'p';
  TRY (put (g, S_AGENDA, id, meeting, position, e ? e->id : 0, title, methods[method].key, pro, con,
            abstain, outcome, teller, scrutineer, resolution,
            held ? fmt_date (pub_start, day + from) : NULL,
            held ? fmt_date (pub_end, day + from + length) : NULL,
            step == 30 ? "monthly" : "half_month"));
  for (int v = 0; outcome != NULL && method == 3 && v < pro + con + abstain; v++)
    {
      int hid = pick_household (g, c), minutes = BETWEEN (g, 10, 100);
      const Household *h = HOUSEHOLD (g, hid);
      char at[21];

      TRY (put (g, S_VOTE, NEXT (g, S_VOTE), id, h->n_people ? h->first_person : 0, hid,
                v < pro ? "for" : v < pro + con ? "against" : "abstain", h->area / 100.0,
                fmt_time (at, start + minutes * 60)));
    }
  return !held || gen_tasks (g, id, e ? e->id : 0, day, step, c->director, owner);
}

/* A meeting ("4+N": eight to twenty at the table), its minutes and agenda: matters
 * waiting in @queue go on it, else the community's own items. */
static gboolean
gen_meeting (Gen *g, Community *c, gint64 start, int state, int form, Entry *queue,
             int n_queue, int *cursor)
{
  static const char *const meeting_states[] = { "planned", "noticed", "held", "cancelled" };
  static const struct { const char *role; int lo, hi, org; } table[] = {
    { "grid_worker", 1, 1, -6 }, { "resident_representative", 3, 7, -7 }, { "property", 0, 1, -1 },
    { "owners_committee", 0, 1, 0 }, { "deputy", 0, 1, -2 }, { "grid_police", 0, 1, 2 },
    { "legal_worker", 0, 1, -3 }, { "social_org", 0, 1, 4 }, { "stakeholder", 1, 4, -4 },
    { "observer", 0, 2, -5 },
  };
  const Grid *grid = GRID (g, c->first_grid + rnd (g, c->n_grids));
  const Entry *items[4];
  Seat seats[24];
  int n = 0, id = NEXT (g, S_MEETING), day = LOCAL_DAY (start), mo, dd;
  int y = civil_from_days (day, &mo, &dd), n_items = 0;
  int want = 1 + (CHANCE (g, 600) ? 1 + (CHANCE (g, 400) ? 1 + CHANCE (g, 300) : 0) : 0);
  int expected = 0, present = 0, observers = 0, notice_days = BETWEEN (g, 3, 7);
  int length = BETWEEN (g, 80, 150), lead = BETWEEN (g, 8, 14);
  char title[256], place[96], host[64], starts[21], ends[21], notice[21], signup[21], created[21];
  char minutes[512] = "", cn[16];
  gboolean held = state == 2;

  while (*cursor < n_queue && queue[*cursor].t < start - 60 * 86400)
    (*cursor)++;
  for (int k = *cursor; n_items < want && k < n_queue && state < 3
                       && (state < 2 || queue[k].t <= start); k++)
    if (!queue[k].used && (state == 2 || queue[k].state == ID))
      queue[k].used = 1, items[n_items++] = &queue[k], *cursor = state == 2 ? k + 1 : *cursor;
  if (n_items > 0)
    g_snprintf (title, sizeof title, "关于“%s”的%s", lookup (g, S_ISSUE_TITLE, items[0]->id),
                forms[form].label);
  else
    g_snprintf (title, sizeof title, "%s%d年%d月%s", c->name, y, mo, forms[form].label);
  g_snprintf (place, sizeof place, "%s%s%s", form == 7 ? "第" : "",
              form == 7 ? cn_number (cn, grid->number) : "", form == 7 ? "网格服务站"
              : form == 8 ? "社区微信群（线上）" : "社区党群服务中心议事厅");
  g_snprintf (host, sizeof host, "%s%s%s", c->director, grid->worker ? "、" : "",
              grid->worker ? grid->worker_name : "");

  seat (g, seats, &n, "convener", 0, c->secretary, c->name);
  seat (g, seats, &n, "host", 0, c->director, c->name);
  seat (g, seats, &n, "recorder", 0, NULL, c->name);
  for (guint t = 0; t < G_N_ELEMENTS (table); t++)
    for (int k = BETWEEN (g, table[t].lo, table[t].hi), o = table[t].org; k > 0; k--)
      {
        int reps = c->list_count[L_REPRESENTATIVE], rep = rnd (g, MAX (reps, 1));
        int person = o == -4 ? resident_of (g, c) : o == -6 ? grid->worker : o == -7 && reps > 0
                   ? LIST (g, L_REPRESENTATIVE, c->list_start[L_REPRESENTATIVE] + rep) : 0;
        const char *org = o >= 0 ? g->org_names->pdata[c->first_org - 1 + o]
                        : o == -1 ? g->org_names->pdata[c->first_property - 1]
                        : o == -2 ? "区人大代表" : o == -3 ? "社区法律顾问"
                        : o == -5 ? c->street : "";

        if (o > -6 || person > 0)
          seat (g, seats, &n, table[t].role, person, NULL, org);
      }
  while (n < 8)
    seat (g, seats, &n, "resident", resident_of (g, c), NULL, "");

  for (int i = 0; i < n; i++)
    {
      gboolean observer = g_str_equal (seats[i].role, "observer");
      gboolean absent = held && !observer && i >= 3 && CHANCE (g, 120);
      gboolean signed_up = state != 0 && seats[i].person > 0 && CHANCE (g, 400);
      const char *reason = absent ? WORD (g, W_ABSENCES) : "";
      const char *speech = held && !observer && !absent && CHANCE (g, 450)
                           ? WORD (g, W_SPEECHES) : "";

      expected += !observer, observers += observer, present += held && !observer && !absent;
      TRY (put (g, S_PARTICIPANT, NEXT (g, S_PARTICIPANT), id, seats[i].person, seats[i].name,
                seats[i].role, seats[i].org, signed_up,
                !held ? "expected" : observer ? "observer" : absent ? "absent" : "present", reason,
                speech));
    }
  if (held)
    g_snprintf (minutes, sizeof minutes, "会议由%s主持，%s记录。应到%d人，实到%d人，列席%d人。"
                "会议按照一事一议的原则逐项协商了%d项议题，与会人员举手发言、充分讨论后进行表决。",
                host, seats[2].name, expected, present, observers, MAX (n_items, 1));
  fmt_time (starts, start);
  fmt_time (ends, start + length * 60);
  fmt_time (notice, start - notice_days * 86400);
  fmt_time (signup, start - 86400);
  fmt_time (created, MIN (g->now - 3600, start - lead * 86400));
  TRY (put (g, S_MEETING, id, title, forms[form].key, starts, state == 3 ? NULL : ends, place,
            c->secretary, host, seats[2].name, meeting_states[state], state ? notice : NULL,
            state ? signup : NULL, expected, minutes, held ? "一事一议，程序规范。" : "", created,
            created));
  for (int k = 0; k < MAX (n_items, 1); k++)
    TRY (gen_agenda (g, c, id, k + 1, k < n_items ? items[k] : NULL, start, held,
                     form >= 1 && form <= 3 ? 30 : 15, MAX (present, 1), seats, n, grid->worker));
  return TRUE;
}

/* Meetings over two years, each form early on, a few cancelled, some noticed or
 * planned in the coming weeks. */
static gboolean
gen_meetings (Gen *g)
{
  Entry *all = (Entry *)(void *)g->waiting->data;
  int n_all = g->waiting->len, q = 0, n_forms = G_N_ELEMENTS (forms);
  int order[G_N_ELEMENTS (forms)] = { 0 };

  qsort (all, n_all, sizeof *all, compare_keys);
  for (int ci = 0; ci < g->n_communities; ci++)
    {
      Community *c = &g->communities[ci];
      int m = c->meetings, future = m >= 10 ? MAX (2, m / 20) : 0, cursor = 0, n_queue = 0;
      g_autofree gint64 *days = g_new (gint64, MAX (m, 1));

      while (q + n_queue < n_all && all[q + n_queue].community == ci)
        n_queue++;
      for (int k = 0; k < m; k++)
        days[k] = k < future ? g->today + BETWEEN (g, 2, 28) : g->today - BETWEEN (g, 1, 730);
      qsort (days, m, sizeof *days, compare_keys);
      for (int k = 0, j; k < n_forms; k++) /* every form once among the first meetings */
        j = rnd (g, k + 1), order[k] = order[j], order[j] = k;
      for (int k = 0; k < m; k++)
        {
          int form = k < n_forms ? order[k] : PICK (g, forms);
          int minute = form == 7 ? MINUTES (19, 30)
                     : CHANCE (g, 500) ? MINUTES (9, 0) : MINUTES (14, 30);
          int state = days[k] <= g->today ? (k % 25 == 7 ? 3 : 2)
                    : k - (m - future) < (future + 1) / 2; /* noticed, then planned */

          TRY (gen_meeting (g, c, at_local (g, (int)days[k], minute), state, form, all + q, n_queue,
                            &cursor));
        }
      q += n_queue;
    }
  return TRUE;
}

/* Setting up ----------------------------------------------------------------------- */

/* Reference data from the migration, editable by staff. */
static int
load_row (void *data, int n, char **values, char **names)
{
  static const char *const rule_names[] = { "志愿服务", "参加议事", "巡逻值守" };
  Gen *g = data;
  int y, m, d, i;

  if (g_str_equal (names[0], "date") && sscanf (values[0], "%d-%d-%d", &y, &m, &d) == 3
      && (i = days_from_civil (y, m, d) - (g->today - CAL_BEFORE)) >= 0 && i < CAL_DAYS)
    g->calendar[i] = g_str_equal (values[1], "work") ? 2 : 1;
  else if (g_str_equal (names[0], "urgency"))
    g->deadline_days[values[0][0] == 'r' ? 0 : values[0][0] == 'y' ? 1 : 2]
                    [g_str_equal (values[1], "need")] = atoi (values[2]);
  for (i = 0; g_str_equal (names[0], "category") && i < N_TOPICS; i++)
    if (g_str_equal (topics[i].category, values[1]))
      g->categories[i] = atoi (values[0]);
  for (i = 0; g_str_equal (names[0], "rule") && i < 3; i++)
    if (g_str_equal (values[1], rule_names[i]))
      g->rules[i] = atoi (values[0]), g->rule_rate[i] = g_ascii_strtod (values[2], NULL),
      g->rule_cap[i] = values[3] ? MAX (0.5, g_ascii_strtod (values[3], NULL)) : 4;
  return 0;
}

/* Everything in one transaction. Secondary indexes are dropped while the rows go in
 * and built again from their own SQL at the end (sorting once is far faster), then the
 * full-text index of the matters. */
static gboolean
generate (Gen *g, const char *json)
{
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  TRY (yishi_database_exec (g->database, "BEGIN", g->error));
  if (sqlite3_exec (g->db, "SELECT date, kind FROM holiday;"
                    "SELECT urgency, kind, working_days FROM deadline_rule;"
                    "SELECT id AS category, name FROM category;"
                    "SELECT id AS rule, name, points_per_hour, max_hours_per_activity"
                    " FROM points_rule;", load_row, g, NULL) != SQLITE_OK)
    return yishi_database_set_error (g->database, g->error);
  TRY ((stmt = yishi_database_prepare (g->database, "SELECT name, sql FROM sqlite_master"
                                       " WHERE type = 'index' AND sql IS NOT NULL", g->error)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (sql, "DROP INDEX \"%s\";", sqlite3_column_text (stmt, 0));
      g_ptr_array_add (indexes, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  TRY (yishi_database_exec (g->database, sql->str, g->error));

  for (int i = 0; i < N_STMTS; i++)
    {
      g_string_printf (sql, i == S_PERSON_NAME ? "SELECT name, phone FROM person WHERE id = ?"
                       : "SELECT title, '' FROM issue WHERE id = ?");
      if (i < N_INSERTS)
        g_string_printf (sql, "INSERT INTO %s (%s) VALUES (?%.*s)", inserts[i].table,
                         inserts[i].columns, 3 * (int)strlen (inserts[i].fmt + 1),
                         ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                         ", ?, ?, ?, ?, ?, ?, ?");
      TRY ((g->stmts[i] = yishi_database_prepare (g->database, sql->str, g->error)));
    }
  TRY (gen_registry (g) && gen_issues (g) && gen_meetings (g));
  TRY (yishi_database_audit (g->database, "demo", NULL, "bulk", NULL, json, g->error));
  for (guint i = 0; i < indexes->len; i++)
    {
      TRY (yishi_database_exec (g->database, indexes->pdata[i], g->error));
      TRY (report (g, 0.85 + 0.1 * (i + 1) / indexes->len));
    }
  return yishi_search_rebuild (g->database, g->error) && report (g, 0.99)
         && yishi_database_exec (g->database, "COMMIT", g->error);
}

static void
init_gen (Gen *g, YishiDemoScale scale, guint32 seed)
{
  gint64 rows[N_INSERTS] = { 0 }, p, n, m;
  int k;

  yishi_demo_get_targets (scale, &g->targets);
  p = g->targets.people, n = g->targets.issues, m = g->targets.meetings;
  g->rand = g_rand_new_with_seed (seed);
  g->now = at_local (g, g->today, MINUTES (18, 0));
  g->city = rnd (g, G_N_ELEMENTS (cities));
  for (int i = 0; i < N_AREAS; i++)
    memcpy (g->areas[i], i < 4 ? CITY (g)->areas + 6 * i : other_areas + 6 * (i - 4), 6);
  for (int i = 0; i < (int)strlen (surnames) / 3; i++)
    for (int w = i < (int)sizeof surname_top ? surname_top[i] : i < 45 ? 4 : 2; w > 0; w--)
      g->surname_table[g->surname_total++] = i;
  for (int i = 0; i < N_WORDS; i++)
    g->n_words[i] = (int)g_strv_length (g->words[i] = g_strsplit (word_lists[i], "|", -1));
  for (int i = 0; i < N_TOPICS; i++)
    g->titles[i] = g_strsplit (topics[i].titles, "|", -1);
  for (int u = 0; u < 3; u++)
    g->deadline_days[u][0] = u * 4 + 1 + (u == 2), /* 1, 5, 10 and 1, 5, 15 */
    g->deadline_days[u][1] = u * 4 + 1 + 6 * (u == 2);
  for (int i = 0; i < 3; i++)
    g->rule_rate[i] = 1, g->rule_cap[i] = 2;

  g->n_communities = k = (int)(g->targets.grids / 8);
  g->communities = g_new0 (Community, k);
  for (int i = 0; i < k; i++)
    g->communities[i].issues = (int)(n / k + (i < n % k)),
    g->communities[i].meetings = (int)(m / k + (i < m % k));
  g->people = g_new0 (Person, p + 16);
  g->id_counters = g_malloc0 ((gsize)N_AREAS * (LAST_BIRTH - FIRST_BIRTH + 1) * 2);
  g->grids = g_array_new (FALSE, TRUE, sizeof (Grid));
  g->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g->households = g_array_sized_new (FALSE, TRUE, sizeof (Household), (guint)g->targets.households);
  g->waiting = g_array_new (FALSE, FALSE, sizeof (Entry));
  for (int l = 0; l < N_LISTS; l++)
    g->lists[l] = g_array_new (FALSE, FALSE, sizeof (int));
  g->org_names = g_ptr_array_new_with_free_func (g_free);

  /* Rows expected by table, for the UUID steps and the progress. */
  rows[S_COMMUNITY] = k, rows[S_ORG] = 7 * k + 20, rows[S_GRID] = 8 * k, rows[S_BUILDING] = p / 120;
  rows[S_UNIT] = p / 44, rows[S_HOUSEHOLD] = p * 41 / 100, rows[S_PERSON] = p;
  rows[S_RESIDENCE] = p * 104 / 100, rows[S_MEMBERSHIP] = p * 6 / 100, rows[S_CLAIM] = p * 7 / 100;
  rows[S_ROLE] = p * 9 / 100, rows[S_ISSUE] = n, rows[S_REQUESTER] = n, rows[S_EVENT] = n * 74 / 10;
  rows[S_SATISFACTION] = n * 9 / 10, rows[S_MEETING] = m, rows[S_PARTICIPANT] = m * 15;
  rows[S_AGENDA] = m * 2, rows[S_VOTE] = m * 2, rows[S_TASK] = m * 26 / 10;
  rows[S_FOLLOW_UP] = m * 5;
  rows[S_POINTS] = p * 3 / 10, rows[S_AWARD] = 26 * k + n / 200;
  for (int i = 0; i < N_INSERTS; i++)
    g->uuid_step[i] = (G_GUINT64_CONSTANT (1) << 48) / (guint64)MAX (rows[i], 1) + 1,
    g->rows_expected += rows[i];
}

static void
free_gen (Gen *g)
{
  for (int i = 0; i < N_STMTS; i++)
    g_clear_pointer (&g->stmts[i], sqlite3_finalize);
  for (int i = 0; i < N_WORDS; i++)
    g_strfreev (g->words[i]);
  for (int i = 0; i < N_TOPICS; i++)
    g_strfreev (g->titles[i]);
  for (int l = 0; l < N_LISTS; l++)
    g_array_unref (g->lists[l]);
  g_array_unref (g->grids), g_array_unref (g->units), g_array_unref (g->households);
  g_array_unref (g->waiting), g_ptr_array_unref (g->org_names), g_rand_free (g->rand);
  g_free (g->communities), g_free (g->people), g_free (g->id_counters);
}

/* Public API ----------------------------------------------------------------------- */

static const char *const scale_names[] = { "community", "street", "district" };

gboolean
yishi_demo_scale_from_string (const char     *text,
                              YishiDemoScale *scale)
{
  g_return_val_if_fail (scale != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (scale_names); i++)
    if (g_ascii_strcasecmp (text, scale_names[i]) == 0)
      {
        *scale = (YishiDemoScale)i;
        return TRUE;
      }
  return FALSE;
}

void
yishi_demo_get_targets (YishiDemoScale    scale,
                        YishiDemoTargets *targets)
{
  static const gint64 people[] = { 5000, 60000, 1000000 }, communities[] = { 1, 12, 200 };
  static const gint64 issues[] = { 1500, 15000, 200000 }, meetings[] = { 60, 600, 6000 };

  g_return_if_fail (targets != NULL);
  g_return_if_fail (scale <= YISHI_DEMO_SCALE_DISTRICT);

  *targets = (YishiDemoTargets) { people[scale], people[scale] * 41 / 100, people[scale] / 120,
                                  communities[scale] * 8, issues[scale], meetings[scale] };
}

/**
 * yishi_demo_generate:
 * @path: a file that does not exist yet
 * @seed: the seed of all randomness
 * @today: (nullable): the day the data leads up to, YYYY-MM-DD; %NULL for today
 * @progress: (nullable): called now and then with a growing fraction in [0, 1]
 *
 * Writes a demo database of @scale. On error or cancellation no file is left behind.
 */
gboolean
yishi_demo_generate (const char         *path,
                     YishiDemoScale      scale,
                     guint32             seed,
                     const char         *today,
                     YishiDemoProgress   progress,
                     gpointer            user_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *today_owned = NULL;
  g_autofree char *json = NULL;
  Gen gen = { 0 }, *g = &gen;
  int y = 0, m = 0, d = 0;
  char tail;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale <= YISHI_DEMO_SCALE_DISTRICT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = today_owned = yishi_clock_today ();
  if (strlen (today) != 10 || sscanf (today, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || y < 2003 || y > 2998 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a day of the form YYYY-MM-DD between 2003 and 2998."), today);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((g->database = yishi_database_create_seeded (path, seed, error)) == NULL)
    return FALSE;

  g->db = yishi_database_get_handle (g->database);
  g->cancellable = cancellable;
  g->progress = progress;
  g->user_data = user_data;
  g->error = error;
  g->today = days_from_civil (y, m, d);
  init_gen (g, scale, seed);
  json = g_strdup_printf ("{\"scale\":\"%s\",\"seed\":%u,\"today\":\"%s\"}", scale_names[scale],
                          seed, today);

  /* The file is thrown away on failure, so speed comes before safety until the end. */
  ok = yishi_database_exec (g->database, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"
                            "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
                            "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", error)
       && generate (g, json);
  if (!ok && !sqlite3_get_autocommit (g->db))
    sqlite3_exec (g->db, "ROLLBACK", NULL, NULL, NULL);
  free_gen (g);
  ok = ok && yishi_database_exec (g->database, "PRAGMA ignore_check_constraints = OFF;"
                                  "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                  "PRAGMA journal_mode = WAL;", error);
  g_clear_object (&g->database);
  for (guint i = 0; !ok && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  if (ok && progress != NULL)
    progress (1.0, user_data);
  return ok;
}
