/* yishi-demo.c
 *
 * Deterministic, realistic demo databases: communities, grids, buildings, units,
 * households and people; two years of matters with their timelines and feedback;
 * meetings with participants, agenda items, votes and tasks; the points ledger and
 * the yearly awards.
 *
 * All randomness comes from one GRand seeded with the seed, every time from `today`,
 * and every row id is assigned here, so the same seed and day give the same content.
 * Speed: rows go through prepared statements in one transaction; CHECK constraints are
 * not evaluated per row (the data is built to satisfy them and yishi_database_check
 * verifies them), secondary indexes are built once at the end, and UUIDs are drawn in
 * increasing order within each table (random gaps, random tails) so that the UNIQUE
 * index grows at its edge. A failed or cancelled generation leaves no file behind.
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

#include "yishi-demo.h"

/* Reference data ------------------------------------------------------------------ */

typedef struct
{
  const char *key;
  const char *label;
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
  { "hearing", "听证会", 6 }, { "appraisal", "评议会", 6 },
  { "residents_forum", "居民论坛", 10 }, { "round_table", "圆桌会议", 10 },
  { "bench_meeting", "楼院板凳会", 12 }, { "evening_talk", "网格夜话", 10 },
  { "online", "线上协商会", 6 },
};
static const Choice routes[] = {
  { "immediate", "即办", 33 }, { "community_office", "社区内设办室办理", 25 },
  { "transfer", "转辖区单位办理", 15 }, { "council", "提交社区协商议事会", 22 },
  { "street_workstation", "上报街道协商议事工作站", 5 },
};
static const Choice urgencies[] = { { "red", "紧急", 8 }, { "yellow", "重点", 27 },
                                    { "blue", "常规", 65 } };
static const Choice ratings[] = {
  { "satisfied", "满意", 70 }, { "basically_satisfied", "基本满意", 22 },
  { "not_quite_satisfied", "不太满意", 5 }, { "dissatisfied", "不满意", 3 },
};
static const Choice methods[] = {
  { "show_of_hands", "举手表决", 70 }, { "named", "记名投票", 10 },
  { "secret", "无记名投票", 10 }, { "household", "按户表决", 10 },
};

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
#define TITLES_PER_TOPIC 6

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
  [W_WANTS] = "目前社区相关服务还不能满足需求，|不少居民有同样的想法，|"
              "家中老人行动不便，|希望了解具体办理流程，",
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

/* Names: single surnames by frequency, compound ones, given-name characters, and
 * given names typical of older and younger generations (two characters each). */
static const char surnames[] =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
  "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
  "毛郝龚邵万钱严覃武戴莫孔";
static const guint8 surname_top[] = { 71, 70, 67, 54, 46, 31, 22, 22, 20, 19,
                                      15, 15, 13, 12, 12, 11, 10, 10, 10, 9 };
static const char compounds[] = "欧阳司马诸葛上官东方皇甫尉迟慕容夏侯令狐";
static const char male_chars[] =
  "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清"
  "飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善"
  "厚庆磊民友裕河哲江超浩亮政谦奇固之朗宏言鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士建家致树德行泰";
static const char female_chars[] =
  "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺"
  "媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊"
  "薇菁梦岚馨韵园艺悦昭冰爽茗羽希宁欣育筠柔竹凝晓欢枫芸菲寒伊亚宜可舒影思丽";
static const char *const era_names[2][2] = {
  { "秀英桂英秀兰桂兰玉兰凤英秀珍淑珍玉珍桂芝秀芳淑兰玉梅秀云", /* older, female */
    "建国建军国强国庆卫东卫国红军志强援朝跃进建华振华德明永福" }, /* older, male */
  { "子涵欣怡梓涵一诺雨桐可馨诗涵梓萱语桐欣妍若汐思琪",         /* younger, female */
    "子轩浩宇宇轩浩然梓轩俊熙一鸣皓轩子墨宇航睿泽铭轩" },         /* younger, male */
};

typedef struct
{
  const char *city;
  const char *district;
  const char *phone_area;
  char phone_first;
  const char *areas; /* four local area codes of the ID number, the district's first */
} City;

static const City cities[] = {
  { "北京市", "朝阳区", "010", '6', "110105110101110102110108" },
  { "杭州市", "西湖区", "0571", '8', "330106330102330105330108" },
  { "成都市", "武侯区", "028", '8', "510107510104510105510106" },
  { "武汉市", "江汉区", "027", '8', "420103420102420104420106" },
};

/* Places of birth elsewhere in the country. */
static const char other_areas[] =
  "410102370102130102340102430102320102500103610102210102220102230102350102"
  "360102450102520102530102620102140105150102440103440304120101310101410305";

#define N_AREAS (4 + (int)(sizeof other_areas - 1) / 6)
#define FIRST_BIRTH (-12784) /* 1935-01-01, in days since 1970-01-01 */
#define LAST_BIRTH 20088     /* 2024-12-31 */
#define CAL_BEFORE 800       /* the working-day calendar covers today - 800 … */
#define CAL_DAYS 1300
#define BEIJING (8 * 3600)
#define MINUTES(h, m) ((h) * 60 + (m))

/* Statements. Arguments by format letter: 'u' none (a fresh uuid), 'i' int, 'n' int
 * bound as NULL when 0, 'N' int bound as NULL when negative, 't' text or NULL, 'd'
 * double, 'D' double bound as NULL when negative. */
enum
{
  S_COMMUNITY, S_ORG, S_GRID, S_BUILDING, S_UNIT, S_HOUSEHOLD, S_PERSON, S_RESIDENCE,
  S_MEMBERSHIP, S_CLAIM, S_ROLE, S_SERIAL, S_ISSUE, S_REQUESTER, S_EVENT, S_SATISFACTION,
  S_MEETING, S_PARTICIPANT, S_AGENDA, S_VOTE, S_TASK, S_FOLLOW_UP, S_POINTS, S_AWARD,
  N_INSERTS, S_PERSON_NAME = N_INSERTS, S_ISSUE_TITLE, N_STMTS
};

static const struct
{
  const char *table;
  const char *fmt;
  const char *columns;
} inserts[N_INSERTS] = {
  [S_COMMUNITY] = { "community", "iuttttttt", "id, uuid, name, street_office, district, address,"
                    " supervision_phone, created_at, updated_at" },
  [S_ORG] = { "organisation", "iutttttt", "id, uuid, kind, name, contact_name, contact_phone,"
              " address, notes" },
  [S_GRID] = { "grid", "iuitti", "id, uuid, community_id, name, notes, position" },
  [S_BUILDING] = { "building", "iuittiini", "id, uuid, grid_id, name, address, floors, managed,"
                   " property_org_id, position" },
  [S_UNIT] = { "unit", "iuiti", "id, uuid, building_id, name, position" },
  [S_HOUSEHOLD] = { "household", "iuitdti", "id, uuid, unit_id, room, floor_area, tenure,"
                    " party_central" },
  [S_PERSON] = { "person", "iuittttttttitt", "id, uuid, household_id, name, gender, birth_date,"
                 " id_number, phone, residence_type, political_status, notes,"
                 " public_name_consent, created_at, updated_at" },
  [S_RESIDENCE] = { "residence", "iuiitt", "id, uuid, person_id, household_id, start_date,"
                    " end_date" },
  [S_MEMBERSHIP] = { "party_membership", "iuittttttt", "id, uuid, person_id, category, branch,"
                     " party_group, joined_date, employer, reported_date, end_date" },
  [S_CLAIM] = { "party_post_claim", "iuittt", "id, uuid, membership_id, kind, description,"
                " claimed_date" },
  [S_ROLE] = { "role_assignment", "iuittnttt", "id, uuid, person_id, role, scope_kind, scope_id,"
               " work_phone, start_date, end_date" },
  [S_SERIAL] = { "issue_serial", "ii", "year, last_number" },
  [S_ISSUE] = { "issue", "iuttttnttinnnttnttttttnntttntit", "id, uuid, serial, channel,"
                " received_at, created_at, requester_person_id, requester_name, requester_phone,"
                " anonymous, grid_id, building_id, unit_id, place_text, kind, category_id,"
                " urgency, title, content, scale, route, responsible_text,"
                " responsible_person_id, responsible_org_id, deadline, state, rejection_reason,"
                " merged_into_id, closed_at, typical_case, updated_at" },
  [S_REQUESTER] = { "issue_requester", "iuinttn", "id, uuid, issue_id, person_id, name, phone,"
                    " from_issue_id" },
  [S_EVENT] = { "issue_event", "iuitttttt", "id, uuid, issue_id, at, kind, actor, from_state,"
                " to_state, note" },
  [S_SATISFACTION] = { "satisfaction", "iuitttttt", "id, uuid, issue_id, at, rating, method,"
                       " respondent, unreachable_reason, note" },
  [S_MEETING] = { "meeting", "iutttttttttttNtttt", "id, uuid, title, form, starts_at, ends_at,"
                  " place, convener, host, recorder, state, notice_published_at,"
                  " signup_deadline, expected_count, minutes, evaluation, created_at,"
                  " updated_at" },
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

enum { F_PARTY = 1, F_VOLUNTEER = 2, F_DELIBERATOR = 4, F_REPRESENTATIVE = 8,
       F_MEDIATOR = 16, F_CAPABLE = 32, F_STAFF = 64 };
enum { L_REPRESENTATIVE, L_DELIBERATOR, L_MEDIATOR, L_VOLUNTEER, L_CAPABLE, N_LISTS };
enum { T_OWNER, T_TENANT, T_COLLECTIVE, T_VACANT };

typedef struct
{
  gint32 birth; /* days since 1970-01-01 */
  guint8 male;
  guint8 flags;
} Person;

typedef struct
{
  gint32 unit;
  gint32 first_person;
  guint8 n_people, tenure, floor, room;
  float area;
} Household;

typedef struct
{
  gint32 building, grid;
  gint16 number, building_number;
} Unit;

typedef struct
{
  int number;
  int leader, worker;
  char worker_name[24];
} Grid;

typedef struct
{
  char name[48], short_name[32], street[32], secretary[24], director[24];
  int first_grid, n_grids, buildings;
  int first_household, end_household;
  int first_property, n_property, first_org; /* owners' committee, school, police, … */
  int list_start[N_LISTS], list_count[N_LISTS];
  int issues, meetings;
} Community;

typedef struct
{
  gint64 t;
  int community, order;
} Arrival;

typedef struct
{
  int id, community;
  gint64 t; /* when it went to a meeting */
  guint8 state, used;
} Deliberated;

typedef struct
{
  YishiDatabase *database;
  sqlite3 *db;
  GRand *rand;
  GCancellable *cancellable;
  YishiDemoProgress progress;
  gpointer user_data;
  GError **error;

  int today;
  gint64 now; /* 18:00 today in Beijing */
  const City *city;
  char areas[N_AREAS][7];
  guint8 calendar[CAL_DAYS]; /* 0 ordinary, 1 day off, 2 working weekend day */
  int deadline_days[3][2];   /* by urgency, problem/need */
  int categories[N_TOPICS];
  int rules[3];              /* volunteering, meetings, patrols */
  double rule_rate[3], rule_cap[3];
  int surname_table[1024], surname_total;
  char **words[N_WORDS], **titles[N_TOPICS];
  int n_words[N_WORDS];

  sqlite3_stmt *stmts[N_STMTS];
  int ids[N_INSERTS];
  guint64 uuid_cursor[N_INSERTS], uuid_step[N_INSERTS];
  gint64 rows, rows_expected;
  double fraction;

  YishiDemoTargets targets;
  int n_communities, n_property_companies, first_department;
  Community *communities;
  GArray *grids, *units, *households, *lists[N_LISTS], *deliberated, *typical;
  GPtrArray *org_names;
  Person *people;
  int n_people;
  guint8 *id_counters;
  gint16 *issue_year;
  gint32 *issue_number;
  int *recent; /* per community a ring of the last 8 matters, then a count */
  int years[1000];
  char text[256], phone[32];
} Gen;

#define HOUSEHOLD(g, id) (&g_array_index ((g)->households, Household, (id) - 1))
#define UNIT(g, id) (&g_array_index ((g)->units, Unit, (id) - 1))
#define GRID(g, id) (&g_array_index ((g)->grids, Grid, (id) - 1))
#define TRY(expr) G_STMT_START { if (!(expr)) return FALSE; } G_STMT_END

/* Random helpers ------------------------------------------------------------------- */

static inline int
rnd (Gen *g, int n)
{
  return n <= 1 ? 0 : g_rand_int_range (g->rand, 0, n);
}

static inline int
between (Gen *g, int lo, int hi)
{
  return lo + rnd (g, hi - lo + 1);
}

/* TRUE with a probability of @per_mille / 1000. */
static inline gboolean
chance (Gen *g, int per_mille)
{
  return rnd (g, 1000) < per_mille;
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
#define PICK(g, choices) pick ((g), (choices), G_N_ELEMENTS (choices))

static const char *
word (Gen *g, int list)
{
  return g->words[list][rnd (g, g->n_words[list])];
}

static void
make_uuid (Gen *g, int which, char out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 random = ((guint64)g_rand_int (g->rand) << 32) | g_rand_int (g->rand);
  guint64 head = (g->uuid_cursor[which] += 1 + random % (2 * g->uuid_step[which]));
  guint8 bytes[16];
  int o = 0;

  for (int i = 0; i < 6; i++)
    bytes[i] = (guint8)(head >> (40 - 8 * i));
  for (int i = 6; i < 16; i += 2)
    {
      guint32 r = g_rand_int (g->rand);

      bytes[i] = (guint8)r;
      bytes[i + 1] = (guint8)(r >> 8);
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[o++] = '-';
      out[o++] = hex[bytes[i] >> 4];
      out[o++] = hex[bytes[i] & 15];
    }
  out[o] = '\0';
}

/* Dates are days since 1970-01-01, times UTC seconds ------------------------------- */

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

static void
civil_from_days (int z, int *y, int *m, int *d)
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
  *y = yoe + era * 400 + (*m <= 2);
}

static int
year_of (int day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return y;
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
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
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
  int day = (int)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  int s = (int)(t - (gint64)day * 86400);

  fmt_date (out, day);
  put_digits (out + 11, s / 3600, 2);
  put_digits (out + 14, s / 60 % 60, 2);
  put_digits (out + 17, s % 60, 2);
  out[10] = 'T';
  out[13] = out[16] = ':';
  out[19] = 'Z';
  out[20] = '\0';
  return out;
}

/* @minute minutes after midnight on @day in Beijing (plus random seconds), in UTC. */
static inline gint64
at_local (Gen *g, int day, int minute)
{
  return (gint64)day * 86400 + minute * 60 + rnd (g, 60) - BEIJING;
}

static inline int
local_day (gint64 t)
{
  return (int)((t + BEIJING) / 86400);
}

/* Office hours, between @from and @to days ago. */
static gint64
past_moment (Gen *g, int from, int to)
{
  return at_local (g, g->today - between (g, from, to), between (g, MINUTES (8, 30), MINUTES (17, 30)));
}

/* Weekends and days off are skipped, adjusted working days (调休) count. */
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

/* Writing rows --------------------------------------------------------------------- */

static gboolean
fail (Gen *g)
{
  return yishi_database_set_error (g->database, g->error);
}

static gboolean
report (Gen *g, double fraction)
{
  if (g_cancellable_set_error_if_cancelled (g->cancellable, g->error))
    return FALSE;
  if (fraction > g->fraction)
    {
      g->fraction = fraction;
      if (g->progress != NULL)
        g->progress (fraction, g->user_data);
    }
  return TRUE;
}

static int
next_id (Gen *g, int which)
{
  return ++g->ids[which];
}

static gboolean
put (Gen *g, int which, ...)
{
  sqlite3_stmt *stmt = g->stmts[which];
  char uuid[37];
  va_list args;
  int i = 1, rc;

  va_start (args, which);
  for (const char *f = inserts[which].fmt; *f; f++, i++)
    if (*f == 'u')
      {
        make_uuid (g, which, uuid);
        sqlite3_bind_text (stmt, i, uuid, 36, SQLITE_STATIC);
      }
    else if (*f == 'i' || *f == 'n' || *f == 'N')
      {
        int v = va_arg (args, int);

        if ((*f == 'n' && v == 0) || (*f == 'N' && v < 0))
          sqlite3_bind_null (stmt, i);
        else
          sqlite3_bind_int (stmt, i, v);
      }
    else if (*f == 't')
      {
        const char *s = va_arg (args, const char *);

        if (s == NULL)
          sqlite3_bind_null (stmt, i);
        else
          sqlite3_bind_text (stmt, i, s, -1, SQLITE_STATIC);
      }
    else
      {
        double v = va_arg (args, double);

        if (*f == 'D' && v < 0)
          sqlite3_bind_null (stmt, i);
        else
          sqlite3_bind_double (stmt, i, v);
      }
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    fail (g);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if ((++g->rows & 4095) == 0)
    return report (g, 0.85 * MIN (1.0, (double)g->rows / (double)g->rows_expected));
  return TRUE;
}

/* Fills g->text and g->phone: a person's name and phone, or a matter's title. */
static void
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
}
