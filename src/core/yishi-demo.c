/* yishi-demo.c
 *
 * Deterministic, realistic demo databases: communities, grids, buildings, units,
 * households and people; two years of matters with their timelines and feedback;
 * meetings with participants, agenda items, votes and tasks; the points ledger and
 * the yearly awards.
 *
 * Everything random comes from one GRand seeded with the seed, every time from
 * `today`, and every row id is assigned here, so the same seed and day give the same
 * content. Rows go through prepared statements reused for every row, in one
 * transaction; a failed or cancelled generation leaves no file behind.
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
  { "transfer", "转办", 15 }, { "council", "提交社区协商议事会", 22 },
  { "street_workstation", "上报街道协商议事工作站", 5 },
};

static const Choice ratings[] = {
  { "satisfied", "满意", 70 }, { "basically_satisfied", "基本满意", 22 },
  { "not_quite_satisfied", "不太满意", 5 }, { "dissatisfied", "不满意", 3 },
};

static const Choice urgencies[] = {
  { "red", "紧急", 8 }, { "yellow", "重点", 27 }, { "blue", "常规", 65 },
};

/* Titles by category; %B building, %U unit, %R room, %P place; '+' marks a need. */
typedef struct
{
  const char *category;
  int weight;
  const char *titles[6];
} Topic;

static const Topic topics[] = {
  { "环境卫生", 12, { "%B垃圾清运不及时", "%P垃圾分类投放点异味大", "%B%U楼道堆放杂物",
                     "+建议加强垃圾分类宣传指导", "%P污水井冒水", "%P垃圾分类桶破损" } },
  { "物业管理", 12, { "%B电梯经常故障停运", "物业服务费收支不透明", "%B%U单元门禁损坏",
                     "%B电梯年检标志过期", "小区保洁不到位", "+希望公开物业维修资金使用情况" } },
  { "停车管理", 10, { "小区停车位不足", "%P车辆乱停乱放堵塞消防通道",
                     "+希望增设电动自行车充电桩", "%B楼下僵尸车长期占用停车位",
                     "外来车辆进出小区管理混乱", "+建议规划非机动车停车棚" } },
  { "房屋维修", 12, { "%B%U屋顶漏水", "%B外墙保温层脱落", "%B%R室卫生间漏水影响楼下",
                     "%B%U楼道窗户破损", "+老旧小区加装电梯意愿征集", "%B雨水管堵塞" } },
  { "治安安全", 7, { "%P路灯不亮存在安全隐患", "%B楼道电动车充电存在火灾隐患", "%P监控探头损坏",
                    "夜间有陌生人员翻越围墙", "%B消防栓无水", "+建议增加夜间巡逻" } },
  { "邻里纠纷", 8, { "%B%R室装修噪音扰民", "%B楼上漏水邻里协商不成", "%B楼上住户夜间噪音",
                    "%P广场舞噪音扰民", "宠物犬未拴绳惊吓老人", "%B%U公共楼道被占用" } },
  { "公共设施", 12, { "%B%U楼道灯不亮", "%P健身器材损坏", "%P路面破损积水",
                     "+希望增设休息座椅", "%B%U单元门损坏无法关闭", "%P路灯损坏" } },
  { "绿化养护", 6, { "%P绿化带杂草丛生", "%B楼前树木遮挡采光", "+建议补种绿化",
                    "%P树枝折断存在隐患", "公共绿地被私自占用种菜", "%P绿化带浇水不及时" } },
  { "养老服务", 6, { "+希望增设老年助餐点", "+独居老人希望定期探访", "+希望开设老年大学课程",
                    "+建议在%B加装无障碍扶手", "+居家养老服务申请", "+希望提供上门助浴服务" } },
  { "就业帮扶", 3, { "+希望提供就业岗位信息", "+失业人员求职登记咨询", "+希望开展职业技能培训",
                    "+残疾人就业帮扶申请", "+灵活就业社保补贴咨询", "+希望举办社区招聘会" } },
  { "文化活动", 4, { "+希望组织社区文艺活动", "+建议开放社区活动室", "+希望举办儿童暑期托管班",
                    "+建议建设社区图书角", "+希望组织健步走活动", "+希望开设书法绘画班" } },
  { "政策咨询", 5, { "+医保报销政策咨询", "+居住证办理咨询", "+老旧小区改造政策咨询",
                    "+养老金领取资格认证咨询", "+垃圾分类政策咨询", "+高龄津贴申领咨询" } },
  { "其他", 3, { "+建议设立便民维修点", "快递柜设置位置不合理", "+希望增设公共充电桩",
                "小区手机信号差", "+希望设立共享雨伞", "+建议增设便民服务点" } },
};

static const char *const places[] = {
  "小区东门", "小区南门口", "中心广场", "社区活动中心门前", "地下车库入口", "小区北侧道路",
  "自行车棚附近", "儿童游乐场", "健身广场", "小区西侧绿地",
};
static const char *const details[] = {
  "该问题已持续一个多月，", "多次向物业反映未得到解决，", "给居民日常生活带来不便，",
  "老人和孩子出行存在安全隐患，", "雨天和夜间情况更为严重，", "周边居民意见较大，",
};
static const char *const asks[] = {
  "希望社区尽快协调解决。", "恳请有关部门予以处理。", "建议召开议事会商量解决办法。",
  "希望尽快给予答复。",
};
static const char *const rejections[] = {
  "诉求属于民事纠纷，已告知通过人民调解或司法途径解决。",
  "诉求不属于社区职责范围，已向居民做好解释。",
  "诉求涉及个人私事，不宜作为公共事务处理，已做好沟通。",
  "经核实反映情况不属实，已电话说明。",
};
static const char *const unreachable[] = {
  "电话多次无人接听", "号码已停机", "居民已搬离本社区",
};
static const char *const offices[] = {
  "社区综治办", "社区服务站", "社区党群服务中心", "社区居委会环境物业管理委员会",
};
static const char *const tasks[] = {
  "制定实施方案并征求居民意见", "联系施工单位进场施工", "协调物业公司落实维修",
  "向街道申请项目资金", "组织居民代表验收", "在公示栏公示办理结果",
};
static const char *const speeches[] = {
  "同意方案，建议尽快实施。", "建议先征求楼内全体住户意见。", "希望明确资金来源和维护责任。",
  "物业愿意配合，费用需要共同商定。", "从法律角度看方案可行。", "建议分步实施，先易后难。",
};
static const char *const absences[] = { "临时有事", "身体不适", "外出", "工作冲突" };
static const char *const employers[] = {
  "区教育局", "区人民医院", "区税务局", "市自来水公司", "区财政局", "国网供电公司",
  "工商银行支行", "区实验小学", "区市场监督管理局", "市第二中学",
};
static const char *const claim_kinds[] = {
  "organisation_building", "legal_aid", "poverty_disability_jobs", "community_governance",
  "health", "culture_sports", "safety_patrol", "other",
};
static const char *const claim_texts[] = {
  "协助开展支部主题党日活动", "为居民提供法律咨询", "结对帮扶困难家庭",
  "参与楼院议事协商", "开展义诊和健康讲座", "组织居民文体活动", "参加夜间治安巡逻",
  "参与社区志愿服务",
};
static const char *const redemptions[] = {
  "兑换洗衣液一瓶", "兑换大米一袋", "兑换理发服务一次", "兑换家电维修服务一次", "兑换食用油一桶",
};
static const char *const activities[] = {
  "参加垃圾分类宣传志愿服务", "参加楼道清理", "参加敬老助老服务", "参加文明交通劝导",
  "参加社区环境整治", "参加防疫宣传",
};

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
static const char old_male[] = "建国建军国强国庆卫东卫国红军志强援朝跃进建华振华德明永福";
static const char old_female[] = "秀英桂英秀兰桂兰玉兰凤英秀珍淑珍玉珍桂芝秀芳淑兰玉梅秀云";
static const char young_male[] = "子轩浩宇宇轩浩然梓轩俊熙一鸣皓轩子墨宇航睿泽铭轩";
static const char young_female[] = "子涵欣怡梓涵一诺雨桐可馨诗涵梓萱语桐欣妍若汐思琪";

static const char *const name_bases[] = {
  "幸福", "和平", "光明", "建设", "朝阳", "团结", "新华", "文化", "胜利", "东风", "红旗",
  "长安", "友谊", "民主", "花园", "春晖", "锦绣", "金桥", "翠湖", "丽景", "振兴", "康乐",
  "安居", "福寿", "永安", "兴华", "育才", "清河", "枫林", "桃园",
};
static const char *const name_suffixes[] = {
  "里", "街", "路", "苑", "园", "村", "坊", "东里", "西里", "北街",
};
static const char *const streets[] = {
  "和平里", "东湖", "北山", "西溪", "文新", "古荡", "新华路", "光华", "长青", "望江",
  "南湖", "青年路", "建设路", "人民路", "解放路", "中山路", "东风", "红旗", "朝阳门", "翠苑",
};
static const char *const roads[] = {
  "光明路", "人民路", "建设街", "和平路", "文化路", "解放街", "中山路", "育才路", "新华街",
  "长安路", "胜利街", "友谊路",
};
static const char *const brands[] = {
  "绿城", "万科", "中海", "保利", "长城", "金地", "首开", "龙湖", "华润", "鑫源", "安家", "祥和",
};
static const char *const departments[] = {
  "住房和城乡建设委员会", "城市管理委员会", "民政局", "市场监督管理局", "园林绿化局",
  "生态环境局", "人力资源和社会保障局", "交通支队",
};

typedef struct
{
  const char *city;
  const char *district;
  const char *phone_area;
  char phone_first;
  const char *areas; /* four local area codes, the district's first */
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
#define FIRST_BIRTH (-12784) /* 1935-01-01 */
#define LAST_BIRTH 20088     /* 2024-12-31 */
#define CAL_BEFORE 800
#define CAL_DAYS 1300
#define BEIJING (8 * 3600)

enum
{
  S_COMMUNITY, S_ORG, S_GRID, S_BUILDING, S_UNIT, S_HOUSEHOLD, S_PERSON, S_RESIDENCE,
  S_MEMBERSHIP, S_CLAIM, S_ROLE, S_SERIAL, S_ISSUE, S_REQUESTER, S_EVENT, S_SATISFACTION,
  S_MEETING, S_PARTICIPANT, S_AGENDA, S_VOTE, S_TASK, S_FOLLOW_UP, S_POINTS, S_AWARD,
  S_LOOKUP, S_TITLE, N_STMTS
};

/* 'u' a fresh uuid (no argument), 'i' int, 'n' int or NULL when 0, 'N' int or NULL when
 * negative, 't' text or NULL, 'd' double, 'D' double or NULL when negative. */
static const struct
{
  const char *fmt;
  const char *sql;
} statements[N_STMTS] = {
  [S_COMMUNITY] = { "iutttttt", "INSERT INTO community (id, uuid, name, street_office, district,"
                    " address, supervision_phone, created_at, updated_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)" },
  [S_ORG] = { "iutttttt", "INSERT INTO organisation (id, uuid, kind, name, contact_name,"
              " contact_phone, address, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_GRID] = { "iuitti", "INSERT INTO grid (id, uuid, community_id, name, notes, position)"
               " VALUES (?, ?, ?, ?, ?, ?)" },
  [S_BUILDING] = { "iuittiini", "INSERT INTO building (id, uuid, grid_id, name, address, floors,"
                   " managed, property_org_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_UNIT] = { "iuiti", "INSERT INTO unit (id, uuid, building_id, name, position)"
               " VALUES (?, ?, ?, ?, ?)" },
  [S_HOUSEHOLD] = { "iuitdti", "INSERT INTO household (id, uuid, unit_id, room, floor_area, tenure,"
                    " party_central) VALUES (?, ?, ?, ?, ?, ?, ?)" },
  [S_PERSON] = { "iuittttttttit", "INSERT INTO person (id, uuid, household_id, name, gender,"
                 " birth_date, id_number, phone, residence_type, political_status, notes,"
                 " public_name_consent, created_at, updated_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)" },
  [S_RESIDENCE] = { "iuiitt", "INSERT INTO residence (id, uuid, person_id, household_id,"
                    " start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)" },
  [S_MEMBERSHIP] = { "iuittttttt", "INSERT INTO party_membership (id, uuid, person_id, category,"
                     " branch, party_group, joined_date, employer, reported_date, end_date)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_CLAIM] = { "iuittt", "INSERT INTO party_post_claim (id, uuid, membership_id, kind,"
                " description, claimed_date) VALUES (?, ?, ?, ?, ?, ?)" },
  [S_ROLE] = { "iuittnttt", "INSERT INTO role_assignment (id, uuid, person_id, role, scope_kind,"
               " scope_id, work_phone, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_SERIAL] = { "ii", "INSERT INTO issue_serial (year, last_number) VALUES (?, ?)" },
  [S_ISSUE] = { "iuttttnttinnnttnttttttnntttntit",
                "INSERT INTO issue (id, uuid, serial, channel, received_at, created_at,"
                " requester_person_id, requester_name, requester_phone, anonymous, grid_id,"
                " building_id, unit_id, place_text, kind, category_id, urgency, title, content,"
                " scale, route, responsible_text, responsible_person_id, responsible_org_id,"
                " deadline, state, rejection_reason, merged_into_id, closed_at, typical_case,"
                " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                " ?29, ?30, ?31)" },
  [S_REQUESTER] = { "iuinttn", "INSERT INTO issue_requester (id, uuid, issue_id, person_id, name,"
                    " phone, from_issue_id) VALUES (?, ?, ?, ?, ?, ?, ?)" },
  [S_EVENT] = { "iuitttttt", "INSERT INTO issue_event (id, uuid, issue_id, at, kind, actor,"
                " from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_SATISFACTION] = { "iuitttttt", "INSERT INTO satisfaction (id, uuid, issue_id, at, rating,"
                       " method, respondent, unreachable_reason, note)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_MEETING] = { "iutttttttttttNttt", "INSERT INTO meeting (id, uuid, title, form, starts_at,"
                  " ends_at, place, convener, host, recorder, state, notice_published_at,"
                  " signup_deadline, expected_count, minutes, evaluation, created_at, updated_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                  " ?16, ?17, ?17)" },
  [S_PARTICIPANT] = { "iuintttittt", "INSERT INTO meeting_participant (id, uuid, meeting_id,"
                      " person_id, name, role, organisation, signed_up, attendance,"
                      " absence_reason, speech_summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_AGENDA] = { "iuiinttNNNttttttt", "INSERT INTO agenda_item (id, uuid, meeting_id, position,"
                 " issue_id, title, voting_method, votes_for, votes_against, votes_abstain,"
                 " outcome, teller, scrutineer, resolution, publicity_start, publicity_end,"
                 " followup_cadence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_VOTE] = { "iuinntdt", "INSERT INTO vote (id, uuid, agenda_item_id, person_id, household_id,"
               " choice, floor_area, cast_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_TASK] = { "iunntnttitt", "INSERT INTO task (id, uuid, agenda_item_id, issue_id, description,"
               " owner_person_id, owner_text, due_date, progress, state, completed_at)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)" },
  [S_FOLLOW_UP] = { "iuititt", "INSERT INTO follow_up (id, uuid, task_id, at, progress, note,"
                    " actor) VALUES (?, ?, ?, ?, ?, ?, ?)" },
  [S_POINTS] = { "iuittnDdt", "INSERT INTO points_entry (id, uuid, person_id, at, kind, rule_id,"
                 " hours, points, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_AWARD] = { "iuitnntt", "INSERT INTO award (id, uuid, year, kind, person_id, issue_id, title,"
                " notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" },
  [S_LOOKUP] = { "i", "SELECT name, phone FROM person WHERE id = ?" },
  [S_TITLE] = { "i", "SELECT title, '' FROM issue WHERE id = ?" },
};

/* State ---------------------------------------------------------------------------- */

enum { F_PARTY = 1, F_VOLUNTEER = 2, F_DELIBERATOR = 4, F_REPRESENTATIVE = 8, F_MEDIATOR = 16,
       F_CAPABLE = 32, F_STAFF = 64, F_LEADER = 128 };
enum { L_REPRESENTATIVE, L_DELIBERATOR, L_MEDIATOR, L_VOLUNTEER, L_CAPABLE, N_LISTS };
enum { T_OWNER, T_TENANT, T_COLLECTIVE, T_VACANT };
static const char *const tenures[] = { "owner", "tenant", "collective_rental", "vacant" };

typedef struct
{
  gint32 household;
  gint32 birth;
  guint8 male;
  guint8 flags;
} Person;

typedef struct
{
  gint32 unit;
  gint32 first_person;
  guint8 n_people;
  guint8 tenure;
  guint8 floor;
  guint8 room;
  float area;
} Household;

typedef struct
{
  gint32 building;
  gint32 grid;
  int number;
  int building_number;
} Unit;

typedef struct
{
  char name[48];
  char short_name[32];
  char street[32];
  char secretary[24];
  char director[24];
  int first_grid, n_grids;
  int first_household, end_household;
  int first_property, n_property;
  int first_org, n_orgs;
  int list_start[N_LISTS], list_count[N_LISTS];
  int issues, meetings, buildings;
} Community;

typedef struct
{
  int community;
  int number;
  int leader, worker;
  char worker_name[24];
} Grid;

typedef struct
{
  gint64 t;
  int community;
  int order;
} Arrival;

typedef struct
{
  int id;
  int community;
  gint64 t;
  guint8 state;
  guint8 used;
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
  gint64 now;
  const City *city;
  char areas[N_AREAS][7];
  guint8 calendar[CAL_DAYS];
  int deadline_days[3][2];
  int categories[G_N_ELEMENTS (topics)];
  int rules[3];
  double rule_rate[3], rule_cap[3];
  int surname_table[1024];
  int surname_total;

  sqlite3_stmt *stmts[N_STMTS];
  guint64 uuid_cursor[N_STMTS], uuid_step[N_STMTS];
  int ids[N_STMTS];
  gint64 rows, rows_expected;
  double fraction;

  YishiDemoTargets targets;
  int n_communities;
  Community *communities;
  GArray *grids;
  GArray *units;
  GArray *households;
  Person *people;
  int n_people, max_people;
  GArray *lists[N_LISTS];
  guint8 *id_counters;
  int n_property_companies, first_department;

  gint16 *issue_year;
  gint32 *issue_number;
  int *recent;       /* per community, the last few issues (a ring of 8) */
  GArray *deliberated;
  GArray *typical;   /* issue id, community, year triples */
  int years[1000];   /* last serial number by year - 2000 */
  char text[256], phone[32];
} Gen;

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

static inline gboolean
chance (Gen *g, int percent_times_10)
{
  return rnd (g, 1000) < percent_times_10;
}

static int
pick (Gen *g, const Choice *choices, int n)
{
  int total = 0, r;

  for (int i = 0; i < n; i++)
    total += choices[i].weight;
  r = rnd (g, total);
  for (int i = 0; i < n; i++)
    if ((r -= choices[i].weight) < 0)
      return i;
  return n - 1;
}
#define PICK(g, array) pick ((g), (array), G_N_ELEMENTS (array))
#define ANY(g, array) ((array)[rnd ((g), G_N_ELEMENTS (array))])

static void
make_uuid (Gen *g, int which, char out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 step = g->uuid_step[which];
  guint64 gap = 1 + (((guint64)g_rand_int (g->rand) << 32) | g_rand_int (g->rand)) % (2 * step);
  guint64 head = (g->uuid_cursor[which] += gap) & G_GUINT64_CONSTANT (0xffffffffffff);
  guint8 bytes[16];
  int o = 0;

  for (int i = 4; i < 16; i += 4)
    {
      guint32 r = g_rand_int (g->rand);

      memcpy (bytes + i, &r, 4);
    }
  for (int i = 0; i < 6; i++)
    bytes[i] = (guint8)(head >> (40 - 8 * i));
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

/* Dates: days since 1970-01-01, times as UTC seconds ------------------------------- */

static int
days_from_civil (int y, int m, int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
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
  out[4] = '-';
  put_digits (out + 5, m, 2);
  out[7] = '-';
  put_digits (out + 8, d, 2);
  out[10] = '\0';
  return out;
}

static char *
fmt_time (char out[21], gint64 t)
{
  int day = (int)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  int s = (int)(t - (gint64)day * 86400);

  fmt_date (out, day);
  out[10] = 'T';
  put_digits (out + 11, s / 3600, 2);
  out[13] = ':';
  put_digits (out + 14, s / 60 % 60, 2);
  out[16] = ':';
  put_digits (out + 17, s % 60, 2);
  out[19] = 'Z';
  out[20] = '\0';
  return out;
}

/* A moment in Beijing time on @day, @minute minutes after midnight, in UTC. */
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

/* A random office-hours moment between @from and @to days ago. */
static gint64
past_moment (Gen *g, int from, int to)
{
  return at_local (g, g->today - between (g, from, to), between (g, 8 * 60 + 30, 17 * 60 + 30));
}

static gboolean
working_day (Gen *g, int day)
{
  int i = day - (g->today - CAL_BEFORE);

  if (i >= 0 && i < CAL_DAYS && g->calendar[i] != 0)
    return g->calendar[i] == 2;
  return (day + 4) % 7 != 0 && (day + 4) % 7 != 6;
}

static int
add_working_days (Gen *g, int day, int n)
{
  while (n > 0)
    if (working_day (g, ++day))
      n--;
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
  yishi_database_set_error (g->database, g->error);
  return FALSE;
}

static gboolean
tick (Gen *g)
{
  double fraction = g->rows_expected > 0 ? (double)g->rows / (double)g->rows_expected : 0;

  if (g_cancellable_set_error_if_cancelled (g->cancellable, g->error))
    return FALSE;
  fraction = CLAMP (fraction, 0.0, 0.99);
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
  for (const char *f = statements[which].fmt; *f; f++, i++)
    switch (*f)
      {
      case 'u':
        make_uuid (g, which, uuid);
        sqlite3_bind_text (stmt, i, uuid, 36, SQLITE_STATIC);
        break;
      case 'i':
      case 'n':
      case 'N':
        {
          int v = va_arg (args, int);

          if ((*f == 'n' && v == 0) || (*f == 'N' && v < 0))
            sqlite3_bind_null (stmt, i);
          else
            sqlite3_bind_int (stmt, i, v);
        }
        break;
      case 't':
        {
          const char *s = va_arg (args, const char *);

          if (s == NULL)
            sqlite3_bind_null (stmt, i);
          else
            sqlite3_bind_text (stmt, i, s, -1, SQLITE_STATIC);
        }
        break;
      default:
        {
          double v = va_arg (args, double);

          if (*f == 'D' && v < 0)
            sqlite3_bind_null (stmt, i);
          else
            sqlite3_bind_double (stmt, i, v);
        }
      }
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (g);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if ((++g->rows & 4095) == 0)
    return tick (g);
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

/* People --------------------------------------------------------------------------- */

static void
mobile (Gen *g, char out[16])
{
  static const char second[] = "3358835796";

  out[0] = '1';
  out[1] = second[rnd (g, 10)];
  put_digits (out + 2, rnd (g, 10), 1);
  put_digits (out + 3, rnd (g, 10000), 4);
  put_digits (out + 7, rnd (g, 10000), 4);
  out[11] = '\0';
}

static void
landline (Gen *g, char out[20])
{
  g_snprintf (out, 20, "%s-%c%03d%04d", g->city->phone_area, g->city->phone_first,
              rnd (g, 1000), rnd (g, 10000));
}

/* A surname: a pointer into one of the tables and its length in bytes. */
static const char *
surname (Gen *g, int *len)
{
  if (chance (g, 10))
    {
      *len = 6;
      return compounds + 6 * rnd (g, (int)(sizeof compounds - 1) / 6);
    }
  *len = 3;
  return surnames + 3 * g->surname_table[rnd (g, g->surname_total)];
}

static void
make_name (Gen *g, char out[24], const char *family, int family_len, gboolean male, int birth)
{
  const char *pool = male ? male_chars : female_chars;
  int pool_n = (int)strlen (pool) / 3, o = family_len;
  const char *era = NULL;

  memcpy (out, family, family_len);
  if (birth < days_from_civil (1962, 1, 1) && chance (g, 400))
    era = male ? old_male : old_female;
  else if (birth >= days_from_civil (2008, 1, 1) && chance (g, 400))
    era = male ? young_male : young_female;

  if (era != NULL)
    {
      memcpy (out + o, era + 6 * rnd (g, (int)strlen (era) / 6), 6);
      o += 6;
    }
  else
    {
      memcpy (out + o, pool + 3 * rnd (g, pool_n), 3);
      o += 3;
      if (!chance (g, 300))
        {
          memcpy (out + o, pool + 3 * rnd (g, pool_n), 3);
          o += 3;
        }
    }
  out[o] = '\0';
}

/* An ID number per GB 11643-1999, unique through a counter per area, day and sex. */
static gboolean
make_id_number (Gen *g, char out[19], int birth, gboolean male)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int area = chance (g, 550) ? 0 : chance (g, 350) ? between (g, 1, 3) : between (g, 4, N_AREAS - 1);
  int y, m, d, sum = 0;
  guint slot, count, base;

  if (birth < FIRST_BIRTH || birth > LAST_BIRTH)
    return FALSE;
  slot = ((guint)area * (LAST_BIRTH - FIRST_BIRTH + 1) + (guint)(birth - FIRST_BIRTH)) * 2 + male;
  count = g->id_counters[slot];
  if (count >= 250)
    return FALSE;
  g->id_counters[slot]++;
  base = (slot * 2654435761u) >> 7;
  base = (base + count * 173) % 499;

  civil_from_days (birth, &y, &m, &d);
  memcpy (out, g->areas[area], 6);
  put_digits (out + 6, y, 4);
  put_digits (out + 10, m, 2);
  put_digits (out + 12, d, 2);
  put_digits (out + 14, (int)(base * 2 + (male ? 1 : 2)), 3);
  for (int i = 0; i < 17; i++)
    sum += (out[i] - '0') * weights[i];
  out[17] = "10X98765432"[sum % 11];
  out[18] = '\0';
  return TRUE;
}

static int
clamp_birth (Gen *g, int birth)
{
  return CLAMP (birth, FIRST_BIRTH, MIN (LAST_BIRTH, g->today - 30));
}

static int
age_of (Gen *g, int birth)
{
  return (g->today - birth) / 365;
}

typedef struct
{
  int birth;
  gboolean male;
  const char *family;
  int family_len;
} Member;

/* Who lives in a household: a family, young tenants, or a shared flat. */
static int
plan_members (Gen *g, int tenure, Member *members)
{
  static const int sizes[] = { 18, 30, 28, 14, 10 };
  int n = 0, r = rnd (g, 100), head_age;
  const char *family, *other;
  int family_len, other_len;

  if (tenure == T_VACANT)
    return 0;
  if (tenure == T_COLLECTIVE)
    {
      n = between (g, 3, 6);
      for (int i = 0; i < n; i++)
        {
          members[i].family = surname (g, &members[i].family_len);
          members[i].male = chance (g, 550);
          members[i].birth = clamp_birth (g, g->today - between (g, 19, 36) * 365 - rnd (g, 365));
        }
      return n;
    }

  for (int acc = 0; n < 5 && (acc += sizes[n]) <= r; n++)
    ;
  n++;
  if (tenure == T_TENANT)
    {
      n = MIN (n, 3);
      head_age = between (g, 22, 42);
    }
  else
    head_age = r < 28 ? between (g, 60, 89) : r < 75 ? between (g, 35, 59) : between (g, 24, 34);

  family = surname (g, &family_len);
  other = surname (g, &other_len);
  members[0].male = chance (g, 720);
  members[0].birth = clamp_birth (g, g->today - head_age * 365 - rnd (g, 365));
  members[0].family = family;
  members[0].family_len = family_len;
  for (int i = 1; i < n; i++)
    {
      Member *m = &members[i];
      int head = members[0].birth;

      if (i == 1 && chance (g, 850))
        {
          m->male = !members[0].male;
          m->birth = clamp_birth (g, head + between (g, -5 * 365, 4 * 365));
          m->family = other;
          m->family_len = other_len;
          continue;
        }
      m->male = chance (g, 510);
      m->family = members[0].male || n == 1 || i == 1 ? family : other;
      m->family_len = members[0].male || n == 1 || i == 1 ? family_len : other_len;
      if (i >= 3 && head + 50 * 365 < g->today - 400)
        m->birth = head + between (g, 48, 62) * 365 + rnd (g, 365);
      else
        m->birth = head + between (g, 22, 34) * 365 + rnd (g, 365);
      if (m->birth > MIN (LAST_BIRTH, g->today - 30))
        {
          m->birth = head - between (g, 22, 30) * 365 - rnd (g, 365);
          m->family = surname (g, &m->family_len);
        }
      m->birth = clamp_birth (g, m->birth);
    }
  return n;
}

static gboolean
gen_membership (Gen *g, int person, const Member *m, int grid_no, int building_no)
{
  char branch[48], group[32], joined[11], reported[11], ended[11], claimed[11], number[16];
  int age = age_of (g, m->birth);
  int id = next_id (g, S_MEMBERSHIP);
  const char *category;
  gboolean in_service = FALSE;

  if (age >= 58 && chance (g, 700))
    category = "retired";
  else if (age >= 23 && age < 58 && chance (g, 550))
    category = "in_service", in_service = TRUE;
  else if (age < 50 && chance (g, 300))
    category = "floating";
  else
    category = "direct";

  g_snprintf (branch, sizeof branch, "第%s网格党支部", cn_number (number, grid_no));
  g_snprintf (group, sizeof group, "%d号楼党小组", building_no);
  fmt_date (joined, MIN (g->today - 30, m->birth + between (g, 19, 40) * 365 + rnd (g, 365)));
  fmt_date (reported, g->today - between (g, 30, 1200));
  fmt_date (ended, g->today - between (g, 10, 300));
  if (!put (g, S_MEMBERSHIP, id, person, category, branch, group,
            joined, in_service ? ANY (g, employers) : "", in_service ? reported : NULL,
            chance (g, 20) ? ended : NULL))
    return FALSE;
  if (!in_service)
    return TRUE;

  /* Two to four posts in distinct kinds. */
  for (int k = between (g, 2, 4), first = rnd (g, 8), i = 0; i < k; i++)
    {
      int kind = (first + i * 3) % 8;

      fmt_date (claimed, between (g, g->today - 1200, g->today - 1));
      if (!put (g, S_CLAIM, next_id (g, S_CLAIM), id, claim_kinds[kind], claim_texts[kind],
                claimed))
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_household (Gen *g, Community *c, const Unit *u, int grid_no, int floor, int room,
               int kind)
{
  Member members[6];
  Household h = { 0 };
  char room_name[24], when[21], birth[11], start[11], end[11], earlier[11], id_number[19];
  char name[24], phone[20];
  int id = next_id (g, S_HOUSEHOLD), n, r = rnd (g, 100), move_in;
  gboolean party[6] = { FALSE }, central = FALSE;

  h.unit = g->units->len;
  h.floor = floor;
  h.room = room;
  h.tenure = r < 78 ? T_OWNER : r < 91 ? T_TENANT : r < 93 && kind != 1 ? T_COLLECTIVE : T_VACANT;
  if (g->n_people >= g->targets.people)
    h.tenure = T_VACANT;
  h.area = kind == 1 ? between (g, 7000, 16000) / 100.0f
         : kind == 2 ? between (g, 4000, 9000) / 100.0f : between (g, 5000, 11000) / 100.0f;
  n = plan_members (g, h.tenure, members);
  h.first_person = g->n_people + 1;
  h.n_people = n;
  for (int i = 0; i < n; i++)
    if (age_of (g, members[i].birth) >= 18)
      {
        int age = age_of (g, members[i].birth);

        party[i] = chance (g, age >= 60 ? 110 : age >= 30 ? 70 : 35);
        central |= party[i] && chance (g, 120);
      }
  g_snprintf (room_name, sizeof room_name, "%d-%d%02d", u->number, floor, room);
  if (!put (g, S_HOUSEHOLD, id, (int)g->units->len, room_name,
            (double)h.area, tenures[h.tenure], central ? 1 : 0))
    return FALSE;
  g_array_append_val (g->households, h);

  move_in = g->today - (h.tenure == T_OWNER ? between (g, 200, 9000) : between (g, 30, 1500));
  for (int i = 0; i < n; i++)
    {
      const Member *m = &members[i];
      int pid = ++g->n_people, age = age_of (g, m->birth);
      Person *p = &g->people[pid - 1];
      const char *status = "masses", *residence = "registered", *notes = "";
      gboolean has_id;

      p->household = id;
      p->birth = m->birth;
      p->male = m->male;
      p->flags = party[i] ? F_PARTY : 0;

      make_name (g, name, m->family, m->family_len, m->male, m->birth);
      has_id = !chance (g, 15) && make_id_number (g, id_number, m->birth, m->male);
      if (age < 12 || chance (g, 20))
        phone[0] = '\0';
      else if (age >= 65 && chance (g, 300))
        landline (g, phone);
      else
        mobile (g, phone);
      if (party[i])
        status = "party_member";
      else if (age >= 18 && chance (g, 4))
        status = "probationary_member";
      else if (age >= 14 && age <= 28 && chance (g, 300))
        status = "league_member";
      else if (age >= 30 && chance (g, 4))
        status = "democratic_party";
      if (h.tenure == T_TENANT)
        residence = "tenant";
      else if (h.tenure == T_COLLECTIVE)
        residence = chance (g, 600) ? "floating" : "tenant";
      else if (chance (g, 280))
        residence = chance (g, 800) ? "resident" : "floating";
      if (age >= 75 && n == 1)
        notes = "独居老人，需定期探访";
      else if (chance (g, 8))
        notes = "残疾人，持证";

      fmt_time (when, past_moment (g, 1, 900));
      if (!put (g, S_PERSON, pid, id, name, m->male ? "male" : "female",
                fmt_date (birth, m->birth), has_id ? id_number : NULL, phone, residence, status,
                notes, chance (g, 80) ? 1 : 0, when))
        return FALSE;

      fmt_date (start, MAX (move_in, m->birth));
      if (move_in > m->birth + 3000 && id > c->first_household && chance (g, 50))
        {
          int before = between (g, c->first_household, id - 1);
          int left = move_in - between (g, 1, 40);

          fmt_date (earlier, MAX (m->birth, left - between (g, 300, 5000)));
          if (!put (g, S_RESIDENCE, next_id (g, S_RESIDENCE), pid, before, earlier,
                    fmt_date (end, left)))
            return FALSE;
        }
      if (!put (g, S_RESIDENCE, next_id (g, S_RESIDENCE), pid, id, start, NULL))
        return FALSE;
      if (party[i] && !gen_membership (g, pid, m, grid_no, u->building_number))
        return FALSE;
    }
  return TRUE;
}

/* Registry ------------------------------------------------------------------------- */

/* A person of @min_age … @max_age among ids @first … @last without any of @flags. */
static int
pick_person (Gen *g, int first, int last, int min_age, int max_age, int flags)
{
  if (last < first)
    return 0;
  for (int tries = 0; tries < 16; tries++)
    {
      int id = between (g, first, last);
      const Person *p = &g->people[id - 1];
      int age = age_of (g, p->birth);

      if (age >= min_age && age <= max_age && (p->flags & flags) == 0)
        return id;
    }
  return 0;
}

static gboolean
put_role (Gen *g, int person, const char *role, const char *scope, int scope_id,
          gboolean work_phone, gboolean may_end)
{
  char phone[16] = "", start[11], end[11];
  int from = g->today - between (g, 60, 1800);
  gboolean ended = may_end && chance (g, 60);

  if (person == 0)
    return TRUE;
  if (work_phone)
    mobile (g, phone);
  fmt_date (start, from);
  fmt_date (end, MIN (g->today - 1, from + between (g, 30, 700)));
  return put (g, S_ROLE, next_id (g, S_ROLE), person, role, scope, scope_id, phone, start,
              ended ? end : NULL);
}

static gboolean
gen_building (Gen *g, Community *c, Grid *grid, int number)
{
  char name[24], address[128], unit_name[16];
  int id = next_id (g, S_BUILDING), r = rnd (g, 100);
  int kind = r < 60 ? 0 : r < 80 ? 1 : 2; /* walk-up, high-rise, low courtyard */
  int floors = kind == 0 ? between (g, 5, 7) : kind == 1 ? between (g, 11, 26) : between (g, 2, 4);
  int n_units = kind == 0 ? between (g, 2, 5) : kind == 1 ? between (g, 1, 2) : between (g, 1, 3);
  int per_floor = kind == 1 ? 4 : kind == 2 ? between (g, 2, 3) : 2;
  gboolean managed = kind != 2 || chance (g, 300);
  int property = 1 + (c->first_property - 1 + rnd (g, c->n_property)) % g->n_property_companies;
  int first_person = g->n_people + 1;

  g_snprintf (name, sizeof name, "%d号楼", number);
  g_snprintf (address, sizeof address, "%s%s%d号院%d号楼", g->city->district,
              roads[(c - g->communities) % G_N_ELEMENTS (roads)], 10 + grid->number * 3, number);
  if (!put (g, S_BUILDING, id, (int)g->grids->len, name, address, floors, managed ? 1 : 0,
            managed ? property : 0, number))
    return FALSE;

  for (int u = 1; u <= n_units; u++)
    {
      Unit unit = { id, (int)g->grids->len, u, number };
      int unit_id = next_id (g, S_UNIT), unit_first = g->n_people + 1;

      g_array_append_val (g->units, unit);
      g_snprintf (unit_name, sizeof unit_name, "%d单元", u);
      if (!put (g, S_UNIT, unit_id, id, unit_name, u))
        return FALSE;
      for (int f = 1; f <= floors; f++)
        for (int room = 1; room <= per_floor; room++)
          if (!gen_household (g, c, &unit, grid->number, f, room, kind))
            return FALSE;
      if (!put_role (g, pick_person (g, unit_first, g->n_people, 25, 75, F_STAFF), "unit_leader",
                     "unit", unit_id, FALSE, TRUE))
        return FALSE;
    }
  return put_role (g, pick_person (g, first_person, g->n_people, 30, 75, 0), "building_leader",
                   "building", id, FALSE, TRUE);
}

static gboolean
gen_grid (Gen *g, Community *c, int number, gint64 quota)
{
  char name[32], notes[64], cn[16];
  Grid grid = { (int)(c - g->communities), number, 0, 0, "" };
  int id = next_id (g, S_GRID), first = g->n_people + 1, buildings = 0;
  g_array_append_val (g->grids, grid);
  g_snprintf (name, sizeof name, "第%s网格", cn_number (cn, number));
  g_snprintf (notes, sizeof notes, "网格党支部：第%s网格党支部", cn);
  if (!put (g, S_GRID, id, (int)(c - g->communities) + 1, name, notes, number))
    return FALSE;
  while (buildings == 0 || g->n_people < quota)
    {
      if (!gen_building (g, c, &g_array_index (g->grids, Grid, id - 1), ++c->buildings))
        return FALSE;
      buildings++;
    }

  /* The grid leader and one or two grid workers, from the grid's residents. */
  for (int i = 0, n = between (g, 2, 3) + (chance (g, 250) ? 1 : 0); i < n; i++)
    {
      int person = pick_person (g, first, g->n_people, 25, 55, F_STAFF);
      Grid *gr = &g_array_index (g->grids, Grid, id - 1);

      if (person == 0)
        continue;
      g->people[person - 1].flags |= F_STAFF;
      if (i == 0)
        gr->leader = person;
      else if (i == 1 || gr->worker == 0)
        {
          gr->worker = person;
          lookup (g, S_LOOKUP, person);
          g_strlcpy (gr->worker_name, g->text, sizeof gr->worker_name);
        }
      if (!put_role (g, person, i == 0 ? "grid_leader" : "grid_worker", "grid", id, TRUE, i == 3))
        return FALSE;
    }
  if (g_array_index (g->grids, Grid, id - 1).worker == 0)
    g_strlcpy (g_array_index (g->grids, Grid, id - 1).worker_name, c->director, 24);
  return TRUE;
}

/* Community-wide roles: representatives, deliberators, mediators, volunteers, capable
 * residents; then the volunteers' points ledger. */
static gboolean
gen_roles (Gen *g, Community *c, int first, int last)
{
  static const char *const roles[] = { "resident_representative", "deliberator", "mediator",
                                       "volunteer", "capable_resident" };
  static const int flags[] = { F_REPRESENTATIVE, F_DELIBERATOR, F_MEDIATOR, F_VOLUNTEER,
                               F_CAPABLE };
  int people = last - first + 1;
  int counts[] = { MAX (5, (c->end_household - c->first_household) / 50), between (g, 20, 30),
                   between (g, 4, 8), people * 4 / 100, between (g, 8, 15) };

  for (int l = 0; l < N_LISTS; l++)
    {
      c->list_start[l] = g->lists[l]->len;
      for (int i = 0; i < counts[l]; i++)
        {
          int person = pick_person (g, first, last, l == L_VOLUNTEER ? 14 : 25, 80, flags[l]);

          if (person == 0)
            continue;
          g->people[person - 1].flags |= flags[l];
          g_array_append_val (g->lists[l], person);
          if (!put_role (g, person, roles[l], "community", 0, FALSE, TRUE))
            return FALSE;
        }
      c->list_count[l] = g->lists[l]->len - c->list_start[l];
    }

  for (int i = 0; i < c->list_count[L_VOLUNTEER]; i++)
    {
      int person = g_array_index (g->lists[L_VOLUNTEER], int, c->list_start[L_VOLUNTEER] + i);
      int day = g->today - between (g, 400, 720), balance = 0;
      char when[21];

      for (int n = between (g, 3, 12); n > 0 && day < g->today; n--, day += between (g, 10, 90))
        {
          int rule = chance (g, 700) ? 0 : chance (g, 500) ? 2 : 1;
          int halves = between (g, 1, (int)(g->rule_cap[rule] * 2));
          double hours = halves / 2.0, points = hours * g->rule_rate[rule];

          fmt_time (when, at_local (g, day, between (g, 8 * 60, 19 * 60)));
          if (!put (g, S_POINTS, next_id (g, S_POINTS), person, when, "earn", g->rules[rule],
                    hours, points, rule == 2 ? "参加夜间治安巡逻" : rule == 1
                    ? "参加协商议事会" : ANY (g, activities)))
            return FALSE;
          balance += (int)points;
          if (balance >= 10 && chance (g, 200))
            {
              int spend = 5 * between (g, 1, balance / 5);

              fmt_time (when, at_local (g, MIN (g->today, day + between (g, 1, 9)),
                                        between (g, 9 * 60, 16 * 60)));
              if (!put (g, S_POINTS, next_id (g, S_POINTS), person, when, "redeem", 0, -1.0,
                        (double)-spend, ANY (g, redemptions)))
                return FALSE;
              balance -= spend;
            }
        }
    }
  return TRUE;
}

static gboolean
put_org (Gen *g, GPtrArray *names, const char *kind, const char *name)
{
  char contact[24], phone[20], address[96];
  int len;
  const char *family = surname (g, &len);

  make_name (g, contact, family, len, chance (g, 500), g->today - 40 * 365);
  if (chance (g, 500))
    landline (g, phone);
  else
    mobile (g, phone);
  g_snprintf (address, sizeof address, "%s%s%d号", g->city->district, ANY (g, roads),
              between (g, 1, 300));
  g_ptr_array_add (names, g_strdup (name));
  return put (g, S_ORG, next_id (g, S_ORG), kind, name, contact, phone, address, "");
}

static gboolean
gen_registry (Gen *g, GPtrArray *org_names)
{
  int order[G_N_ELEMENTS (name_bases) * G_N_ELEMENTS (name_suffixes)];
  int n_order = G_N_ELEMENTS (order), total_grids = 0, grid_index = 0;
  char text[160], address[128], phone[20], when[21];

  for (int i = 0; i < n_order; i++)
    order[i] = i;
  for (int i = n_order - 1; i > 0; i--)
    {
      int j = rnd (g, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }

  /* District-wide organisations: property companies and government departments. */
  g->n_property_companies = MIN ((int)G_N_ELEMENTS (brands), 2 + g->n_communities / 2);
  for (int i = 0; i < g->n_property_companies; i++)
    {
      g_snprintf (text, sizeof text, "%s%s物业服务有限公司", g->city->city, brands[i]);
      if (!put_org (g, org_names, "property_company", text))
        return FALSE;
    }
  g->first_department = g->ids[S_ORG] + 1;
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_snprintf (text, sizeof text, "%s%s", g->city->district, departments[i]);
      if (!put_org (g, org_names, "government_dept", text))
        return FALSE;
    }

  for (int i = 0; i < g->n_communities; i++)
    {
      Community *c = &g->communities[i];
      int name = order[i % n_order];

      g_snprintf (c->short_name, sizeof c->short_name, "%s%s",
                  name_bases[name / G_N_ELEMENTS (name_suffixes)],
                  name_suffixes[name % G_N_ELEMENTS (name_suffixes)]);
      g_snprintf (c->name, sizeof c->name, "%s社区", c->short_name);
      g_snprintf (c->street, sizeof c->street, "%s街道", streets[(i / 12) % G_N_ELEMENTS (streets)]);
      c->n_grids = g->n_communities == 1 ? 8 : between (g, 6, 10);
      c->first_property = 1 + rnd (g, g->n_property_companies);
      c->n_property = MIN (2, g->n_property_companies);
      total_grids += c->n_grids;
    }

  for (int i = 0; i < g->n_communities; i++)
    {
      Community *c = &g->communities[i];
      int first = g->n_people + 1, len;
      const char *family = surname (g, &len);

      make_name (g, c->secretary, family, len, chance (g, 500), g->today - between (g, 38, 55) * 365);
      family = surname (g, &len);
      make_name (g, c->director, family, len, chance (g, 400), g->today - between (g, 30, 50) * 365);
      g_snprintf (address, sizeof address, "%s%s%s%d号", g->city->city, g->city->district,
                  roads[i % G_N_ELEMENTS (roads)], between (g, 1, 200));
      landline (g, phone);
      fmt_time (when, past_moment (g, 900, 1000));
      if (!put (g, S_COMMUNITY, i + 1, c->name, c->street, g->city->district, address, phone,
                when))
        return FALSE;
      next_id (g, S_COMMUNITY);

      c->first_org = g->ids[S_ORG] + 1;
      g_snprintf (text, sizeof text, "%s小区业主委员会", c->short_name);
      if (!put_org (g, org_names, "owners_committee", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s小学", c->short_name);
      if (!put_org (g, org_names, "area_unit", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s派出所", c->short_name);
      if (!put_org (g, org_names, "area_unit", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s社区卫生服务站", c->short_name);
      if (!put_org (g, org_names, "area_unit", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s社会工作服务中心", c->short_name);
      if (!put_org (g, org_names, "social_org", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s志愿服务队", c->short_name);
      if (!put_org (g, org_names, "social_org", text))
        return FALSE;
      g_snprintf (text, sizeof text, "%s社区", i + 1 < g->n_communities
                  ? g->communities[i + 1].short_name : "兴隆里");
      if (!put_org (g, org_names, "other_community", text))
        return FALSE;
      c->n_orgs = g->ids[S_ORG] + 1 - c->first_org;

      c->first_grid = g->grids->len + 1;
      c->first_household = g->ids[S_HOUSEHOLD] + 1;
      for (int n = 1; n <= c->n_grids; n++)
        if (!gen_grid (g, c, n, g->targets.people * ++grid_index / total_grids))
          return FALSE;
      c->end_household = g->ids[S_HOUSEHOLD] + 1;
      if (!gen_roles (g, c, first, g->n_people))
        return FALSE;
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
  const char *kind;
  const char *note;
  int lo, hi;
} entering[N_STATES] = {
  [R] = { "receive", "", 0, 0 },
  [T] = { "triage", "完成分类定级", 20, 480 },
  [D] = { "dispatch", "派单至责任方", 10, 1440 },
  [IP] = { "handle", "责任方现场核实并处理", 60, 4320 },
  [A] = { "answer", "办理结果已答复居民", 60, 4320 },
  [ID] = { "to_meeting", "提交协商议事会协商", 2880, 28800 },
  [P] = { "publicise", "议事结果在公示栏公示", 1440, 4320 },
  [IM] = { "progress", "按决议组织实施", 10080, 43200 },
  [V] = { "visit", "回访居民", 1440, 7200 },
  [C] = { "close", "问题解决，予以销号", 60, 4320 },
  [REJ] = { "reject", "", 60, 4320 },
  [M] = { "merge", "", 60, 2880 },
};

static const guint8 path_direct[] = { R, T, D, IP, A, V, C };
static const guint8 path_immediate[] = { R, T, IP, A, V, C };
static const guint8 path_deliberation[] = { R, T, ID, P, IM, A, V, C };

typedef struct
{
  const char *kind;
  const char *note;
  int from, to;
  gint64 at;
} Step;

static int
compare_arrivals (const void *a, const void *b)
{
  const Arrival *x = a, *y = b;

  return x->t != y->t ? (x->t < y->t ? -1 : 1) : x->order - y->order;
}

static void
expand (char *out, gsize size, const char *tmpl, const Unit *u, const Household *h,
        const char *place)
{
  gsize o = 0;

  for (const char *p = tmpl; *p && o + 1 < size; p++)
    {
      char piece[48];

      if (*p != '%')
        {
          out[o++] = *p;
          continue;
        }
      p++;
      if (*p == 'B')
        g_snprintf (piece, sizeof piece, "%d号楼", u->building_number);
      else if (*p == 'U')
        g_snprintf (piece, sizeof piece, "%d单元", u->number);
      else if (*p == 'R')
        g_snprintf (piece, sizeof piece, "%d-%d%02d", u->number, h->floor, h->room);
      else
        g_strlcpy (piece, place, sizeof piece);
      o += g_strlcpy (out + o, piece, size - o);
      o = MIN (o, size - 1);
    }
  out[o] = '\0';
}

/* A household of @c with people in it, or any when @occupied is FALSE. */
static int
pick_household (Gen *g, const Community *c, gboolean occupied)
{
  int id = 0;

  for (int tries = 0; tries < 20; tries++)
    {
      id = between (g, c->first_household, c->end_household - 1);
      if (!occupied || g_array_index (g->households, Household, id - 1).n_people > 0)
        break;
    }
  return id;
}

static gboolean
gen_issue (Gen *g, const Arrival *arrival, int id, guint16 *seen, int remaining,
           GPtrArray *org_names)
{
  Community *c = &g->communities[arrival->community];
  const Topic *topic = &topics[0];
  const char *tmpl;
  gboolean need, building_level;
  int hid = pick_household (g, c, TRUE), person = 0, r = rnd (g, 1000);
  const Household *h = &g_array_index (g->households, Household, hid - 1);
  const Unit *u = &g_array_index (g->units, Unit, h->unit - 1);
  const Grid *grid = &g_array_index (g->grids, Grid, u->grid - 1);
  const char *place = ANY (g, places);
  int channel = PICK (g, channels);
  int urgency = PICK (g, urgencies), route = -1, stage = 0, age, day, deadline, target = 0;
  const guint8 *path = path_direct;
  int path_len = G_N_ELEMENTS (path_direct), final, n_steps = 0, org = 0;
  char serial[16], received[21], title[200], content[600], deadline_s[11], closed[21];
  char updated[21], name[24] = "", phone[20] = "", responsible[96] = "", note[96];
  gboolean anonymous = FALSE, reopen, typical = FALSE;
  const char *scale = NULL, *reason = "";
  Step steps[24];

  for (int w = rnd (g, 100); (w -= topic->weight) >= 0; )
    topic++;
  tmpl = topic->titles[rnd (g, 6)];
  need = tmpl[0] == '+';
  building_level = strstr (tmpl, "%B") != NULL;
  age = g->today - local_day (arrival->t);
  day = local_day (arrival->t);
  if (need && urgency == 0)
    urgency = 2;
  deadline = add_working_days (g, day, g->deadline_days[urgency][need]);

  /* Where the matter goes and how far it has come. */
  if (r < 30 && age >= 1)
    final = REJ;
  else if (r < 50 && age >= 1 && g->recent[arrival->community * 9 + 8] > 0)
    final = M;
  else
    {
      route = PICK (g, routes);
      if (route == 0)
        path = path_immediate, path_len = G_N_ELEMENTS (path_immediate);
      else if (route >= 3)
        path = path_deliberation, path_len = G_N_ELEMENTS (path_deliberation);
      if (age <= 2)
        stage = route == 0 && chance (g, 300) ? path_len - 1 : rnd (g, MIN (4, path_len - 1));
      else if (age <= 14)
        stage = between (g, 1, path_len - 1);
      else if (age <= 60)
        stage = chance (g, 500) ? path_len - 1 : between (g, 2, path_len - 2);
      else
        stage = chance (g, age <= 180 ? 850 : 960) ? path_len - 1 : between (g, 3, path_len - 2);
      /* Overdue matters are mostly answered by now; a few stay open. */
      if (path[stage] <= IP && stage > 0 && deadline < g->today && chance (g, 850))
        stage = chance (g, 600) ? path_len - 1 : path_len - 3;
      /* Every community's ledger shows matters in the first steps. */
      for (int s = R; s <= IP && remaining <= 6; s++)
        if (!(*seen & (1 << s)))
          {
            route = 1, path = path_direct, path_len = G_N_ELEMENTS (path_direct), stage = s;
            break;
          }
      final = path[stage];
    }
  *seen |= 1 << final;

  /* The requester: a resident, now and then anonymous or from outside the registry. */
  if (chance (g, 30))
    anonymous = TRUE;
  else if (chance (g, 30))
    {
      int len;
      const char *family = surname (g, &len);

      make_name (g, name, family, len, chance (g, 500), g->today - 45 * 365);
      mobile (g, phone);
    }
  else
    {
      person = h->first_person + rnd (g, h->n_people);
      for (int i = 0; i < h->n_people && age_of (g, g->people[person - 1].birth) < 18; i++)
        person = h->first_person + i;
      lookup (g, S_LOOKUP, person);
      g_strlcpy (name, g->text, sizeof name);
      g_strlcpy (phone, g->phone, sizeof phone);
    }

  expand (title, sizeof title, tmpl + need, u, h, place);
  g_snprintf (content, sizeof content, "%s反映：%s。%s%s", building_level ? "楼内居民" : "居民",
              title, ANY (g, details), ANY (g, asks));
  if (route == 0)
    g_snprintf (responsible, sizeof responsible, "第%d网格网格员%s", grid->number,
                grid->worker_name);
  else if (route == 1)
    g_strlcpy (responsible, ANY (g, offices), sizeof responsible);
  else if (route == 2)
    {
      org = chance (g, 500) ? g->first_department + rnd (g, G_N_ELEMENTS (departments))
                            : chance (g, 500) ? c->first_property : c->first_org + between (g, 1, 3);
      g_strlcpy (responsible, g_ptr_array_index (org_names, org - 1), sizeof responsible);
    }
  else if (route == 3)
    g_strlcpy (responsible, "社区协商议事会", sizeof responsible);
  else if (route == 4)
    g_snprintf (responsible, sizeof responsible, "%s协商议事工作站", c->street);
  if (route >= 0 && stage >= 1)
    scale = route == 4 ? "major" : route == 0 ? (chance (g, 800) ? "micro" : "minor")
          : route == 3 ? (chance (g, 850) ? "minor" : "major")
          : building_level ? "micro" : chance (g, 300) ? "major" : "minor";
  else
    responsible[0] = '\0', route = final == REJ ? -2 : final == M ? -3 : -1;

  /* The timeline. */
  reopen = final == C && path != path_deliberation && chance (g, 40);
  steps[n_steps++] = (Step) { "receive", "", -1, R, arrival->t };
  if (final == REJ || final == M)
    {
      if (final == REJ)
        steps[n_steps++] = (Step) { "triage", entering[T].note, R, T, 0 };
      steps[n_steps++] = (Step) { entering[final].kind, "", n_steps > 1 ? T : R, final, 0 };
    }
  for (int j = 1; j <= stage && route >= 0; j++)
    {
      steps[n_steps++] = (Step) { entering[path[j]].kind, entering[path[j]].note,
                                  path[j - 1], path[j], 0 };
      if (path[j] == V)
        steps[n_steps++] = (Step) { "evaluate", "", V, V, 0 };
      if (path[j] == V && reopen)
        {
          reopen = FALSE;
          steps[n_steps++] = (Step) { "reopen", "居民不满意，重新办理", V, IP, 0 };
          steps[n_steps++] = (Step) { "answer", "重新办理后再次答复居民", IP, A, 0 };
          steps[n_steps++] = (Step) { "visit", "再次回访居民", A, V, 0 };
          steps[n_steps++] = (Step) { "evaluate", "", V, V, 0 };
        }
    }
  for (int j = 1; j < n_steps; j++)
    {
      int to = steps[j].to, lo = entering[to].lo, hi = entering[to].hi;
      gint64 delay;

      if (g_str_equal (steps[j].kind, "evaluate"))
        lo = 5, hi = 30;
      else if (g_str_equal (steps[j].kind, "reopen"))
        lo = 60, hi = 1440;
      delay = (gint64)between (g, lo, hi) * 60 + rnd (g, 60);
      if (to == A && steps[j].from == IP && path == path_direct)
        delay = MAX (600, ((gint64)deadline * 86400 + 9 * 3600 - arrival->t) * between (g, 20, 105)
                            / 100 - (steps[j - 1].at - arrival->t));
      steps[j].at = steps[j - 1].at + delay;
    }
  if (steps[n_steps - 1].at > g->now - 600)
    {
      double factor = (double)(g->now - 600 - arrival->t) / (double)(steps[n_steps - 1].at - arrival->t);

      for (int j = 1; j < n_steps; j++)
        steps[j].at = MAX (steps[j - 1].at + 1,
                           arrival->t + (gint64)((double)(steps[j].at - arrival->t) * factor));
    }
  if (final >= T && final <= IP && deadline < g->today)
    {
      gint64 chase = MAX (steps[n_steps - 1].at + 3600, at_local (g, deadline + 1, 600));

      if (chase < g->now)
        steps[n_steps++] = (Step) { "chase", "超期督办，要求尽快办结", final, final, chase };
    }

  if (final == M)
    {
      int k = rnd (g, MIN (8, g->recent[arrival->community * 9 + 8]));

      target = g->recent[arrival->community * 9 + k];
    }
  if (final == REJ)
    reason = ANY (g, rejections);
  typical = final == C && chance (g, path == path_deliberation ? 100 : 15);

  /* The row, its requester, its events and its feedback. */
  g->issue_year[id] = (gint16)year_of (day);
  g->issue_number[id] = ++g->years[year_of (day) - 2000];
  g_snprintf (serial, sizeof serial, "%d-%04d", year_of (day), g->issue_number[id]);
  fmt_time (received, arrival->t);
  fmt_time (updated, steps[n_steps - 1].at);
  fmt_time (closed, steps[n_steps - 1].at);
  if (!put (g, S_ISSUE, id, serial, channels[channel].key, received, received, person, name, phone,
            anonymous ? 1 : 0, u->grid, building_level ? u->building : 0,
            building_level && strstr (tmpl, "%U") ? h->unit : 0, building_level ? "" : place,
            need ? "need" : "problem", g->categories[topic - topics], urgencies[urgency].key,
            title, content, scale, route >= 0 ? routes[route].key : route == -2 ? "rejected"
            : route == -3 ? "merged" : NULL, responsible, route == 0 ? grid->worker : 0, org,
            fmt_date (deadline_s, deadline), states[final], reason, target,
            final == C ? closed : NULL, typical ? 1 : 0, updated))
    return FALSE;
  if (!put (g, S_REQUESTER, next_id (g, S_REQUESTER), id, person, name, phone, 0))
    return FALSE;
  if (target > 0 && !put (g, S_REQUESTER, next_id (g, S_REQUESTER), target, person, name, phone, id))
    return FALSE;

  for (int j = 0, evaluations = 0; j < n_steps; j++)
    {
      char at[21];
      const char *text = steps[j].note, *rating = NULL, *lost = "";

      if (j == 0)
        g_snprintf (note, sizeof note, "通过%s受理", channels[channel].label), text = note;
      if (steps[j].to == M)
        g_snprintf (note, sizeof note, "与%d-%04d合并办理", g->issue_year[target],
                    g->issue_number[target]), text = note;
      if (steps[j].to == REJ)
        text = reason;
      if (g_str_equal (steps[j].kind, "evaluate"))
        {
          if (anonymous || chance (g, 30))
            lost = anonymous ? "匿名反映，无法回访" : ANY (g, unreachable);
          else if (evaluations == 0 && n_steps > j + 1 && g_str_equal (steps[j + 1].kind, "reopen"))
            rating = chance (g, 500) ? "dissatisfied" : "not_quite_satisfied";
          else
            rating = ratings[PICK (g, ratings)].key;
          for (guint k = 0; rating && k < G_N_ELEMENTS (ratings); k++)
            if (g_str_equal (ratings[k].key, rating))
              text = ratings[k].label;
          text = rating ? text : lost;
          evaluations++;
        }
      fmt_time (at, steps[j].at);
      if (!put (g, S_EVENT, next_id (g, S_EVENT), id, at, steps[j].kind,
                g_str_equal (steps[j].kind, "triage") || g_str_equal (steps[j].kind, "close")
                ? c->director : grid->worker_name,
                steps[j].from >= 0 ? states[steps[j].from] : NULL, states[steps[j].to], text))
        return FALSE;
      if (g_str_equal (steps[j].kind, "evaluate") &&
          !put (g, S_SATISFACTION, next_id (g, S_SATISFACTION), id, at, rating,
                chance (g, 700) ? "phone" : chance (g, 600) ? "visit" : "wechat", name, lost,
                rating && rating[0] == 'd' ? "对处理结果不满意" : ""))
        return FALSE;
    }

  if (final != M && final != REJ)
    {
      int *ring = &g->recent[arrival->community * 9];

      ring[ring[8] % 8] = id;
      ring[8]++;
    }
  if (route >= 3 && stage >= 2)
    {
      Deliberated d = { id, arrival->community, steps[2].at, (guint8)final, 0 };

      g_array_append_val (g->deliberated, d);
    }
  if (typical)
    {
      int triple[3] = { id, arrival->community, year_of (local_day (steps[n_steps - 1].at)) };

      g_array_append_vals (g->typical, triple, 3);
    }
  return TRUE;
}

static gboolean
gen_issues (Gen *g, GPtrArray *org_names)
{
  int n = (int)g->targets.issues, k = 0;
  g_autofree Arrival *arrivals = g_new (Arrival, n);
  g_autofree guint16 *seen = g_new0 (guint16, g->n_communities);
  g_autofree int *remaining = g_new0 (int, g->n_communities);

  for (int c = 0; c < g->n_communities; c++)
    for (int j = 0; j < g->communities[c].issues; j++, k++)
      {
        int ago, weight, minute;

        do
          {
            ago = rnd (g, 731);
            weight = 100 + (ago < 30 ? 100 : 0) + (730 - ago) * 40 / 730;
            if ((g->today - ago + 4) % 7 == 0 || (g->today - ago + 4) % 7 == 6)
              weight = weight * 45 / 100;
          }
        while (rnd (g, 240) >= weight);
        minute = chance (g, 100) ? between (g, 20 * 60, 23 * 60 + 58) : between (g, 8 * 60, 19 * 60);
        if (ago == 0)
          minute = between (g, 8 * 60, 14 * 60);
        arrivals[k] = (Arrival) { at_local (g, g->today - ago, minute), c, k };
        remaining[c]++;
      }
  qsort (arrivals, n, sizeof *arrivals, compare_arrivals);

  for (int i = 0; i < n; i++)
    if (!gen_issue (g, &arrivals[i], i + 1, &seen[arrivals[i].community],
                    --remaining[arrivals[i].community], org_names))
      return FALSE;

  for (int y = 0; y < (int)G_N_ELEMENTS (g->years); y++)
    if (g->years[y] > 0 && !put (g, S_SERIAL, 2000 + y, g->years[y]))
      return FALSE;
  return TRUE;
}

/* Meetings ------------------------------------------------------------------------- */

static const char *const meeting_states[] = { "planned", "noticed", "held", "cancelled" };
static const char *const generic_items[] = {
  "社区年度民生实事项目征集", "小区公共收益使用方案", "楼道环境整治公约", "老旧小区改造方案意见征集",
  "社区居民公约修订", "小区停车管理办法修订",
};
static const Choice methods[] = {
  { "show_of_hands", "举手表决", 70 }, { "named", "记名投票", 10 }, { "secret", "无记名投票", 10 },
  { "household", "按户表决", 10 },
};

typedef struct
{
  int person;
  const char *role;
  const char *org;
  char name[24];
} Seat;

static void
seat (Gen *g, Seat *seats, int *n, const char *role, int person, const char *name,
      const char *org)
{
  Seat *s = &seats[*n];
  int len;

  if (*n >= 20)
    return;
  for (int i = 0; person > 0 && i < *n; i++)
    if (seats[i].person == person)
      return;
  (*n)++;
  s->person = person;
  s->role = role;
  s->org = org != NULL ? org : "";
  if (person > 0)
    lookup (g, S_LOOKUP, person), name = g->text;
  if (name == NULL)
    {
      const char *family = surname (g, &len);

      make_name (g, s->name, family, len, chance (g, 550), g->today - between (g, 28, 60) * 365);
    }
  else
    g_strlcpy (s->name, name, sizeof s->name);
}

static int
resident_of (Gen *g, const Community *c)
{
  const Household *h = &g_array_index (g->households, Household, pick_household (g, c, TRUE) - 1);

  return h->n_people > 0 ? h->first_person + rnd (g, h->n_people) : 0;
}

static int
from_list (Gen *g, const Community *c, int list)
{
  if (c->list_count[list] == 0)
    return 0;
  return g_array_index (g->lists[list], int, c->list_start[list] + rnd (g, c->list_count[list]));
}

static gboolean
gen_tasks (Gen *g, int item, int issue, int day, gboolean monthly, const char *owner,
           int owner_person)
{
  char due[11], completed[21], at[21];
  int step = monthly ? 30 : 15;

  for (int k = between (g, 1, 2); k > 0; k--)
    {
      int id = next_id (g, S_TASK), due_day = day + between (g, 15, 60), done_day = 0;
      int progress = between (g, 10, 80), last = g->today;
      const char *state = "open";

      if (due_day < g->today - 5 && chance (g, 850))
        done_day = MAX (day + 2, due_day - rnd (g, 10)), progress = 100, state = "done";
      else if (chance (g, 30))
        state = "cancelled";
      if (done_day)
        fmt_time (completed, at_local (g, done_day, between (g, 9 * 60, 17 * 60))), last = done_day;
      if (!put (g, S_TASK, id, item, issue, ANY (g, tasks), owner_person, owner,
                fmt_date (due, due_day), progress, state, done_day ? completed : NULL))
        return FALSE;
      for (int f = 1, d = day + step; d <= last && f <= 6; f++, d += step)
        {
          int p = d + step > last || f == 6 ? progress : progress * f * step / MAX (1, last - day);

          fmt_time (at, at_local (g, d, between (g, 9 * 60, 17 * 60)));
          if (!put (g, S_FOLLOW_UP, next_id (g, S_FOLLOW_UP), id, at, MIN (p, 100),
                    p >= 100 ? "已完成，居民代表验收" : "按计划推进中", owner))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
gen_agenda (Gen *g, Community *c, int meeting, int position, int issue, int issue_state,
            gint64 start, gboolean held, gboolean monthly, int present, const Seat *seats,
            int n_seats, const char *owner, int owner_person)
{
  const char *outcome = NULL, *teller = seats[2].name, *scrutineer = seats[1].name;
  int id = next_id (g, S_AGENDA), method = PICK (g, methods), pro = -1, con = -1, abstain = -1;
  int day = local_day (start);
  char title[256], resolution[256] = "", pub_start[11], pub_end[11];

  if (issue > 0)
    lookup (g, S_TITLE, issue), g_strlcpy (title, g->text, sizeof title);
  else
    g_strlcpy (title, ANY (g, generic_items), sizeof title);
  for (int i = 3, found = 0; i < n_seats && found < 2; i++)
    if (g_str_equal (seats[i].role, "resident_representative"))
      *(found++ == 0 ? &teller : &scrutineer) = seats[i].name;

  if (held)
    {
      int want = issue > 0 ? (issue_state == ID ? 2 : 0) : chance (g, 750) ? 0 : chance (g, 400) ? 1 : 2;
      int half = present / 2;

      if (want == 0)
        pro = half + 1 + rnd (g, present - half), con = rnd (g, present - pro + 1);
      else if (want == 1)
        con = half + 1 + rnd (g, present - half), pro = rnd (g, present - con + 1);
      else
        pro = rnd (g, half + 1), con = rnd (g, MIN (half, present - pro) + 1);
      abstain = rnd (g, present - pro - con + 1);
      outcome = pro * 2 > present ? "passed" : con * 2 > present ? "rejected" : "deferred";
      if (outcome[0] == 'p')
        g_snprintf (resolution, sizeof resolution, "经%s，到会%d人，赞成%d票、反对%d票、弃权%d票，"
                    "赞成票超过到会人数半数，同意%s。由%s牵头落实。", methods[method].label, present,
                    pro, con, abstain, title, owner);
      else
        g_strlcpy (resolution, outcome[0] == 'r' ? "赞成票未过到会人数半数，议题未通过，会后向居民做好解释。"
                   : "意见分歧较大，暂缓表决，会后进一步调研后再议。", sizeof resolution);
    }
  fmt_date (pub_start, day + between (g, 1, 2));
  fmt_date (pub_end, day + between (g, 9, 16));
  if (!put (g, S_AGENDA, id, meeting, position, issue, title, methods[method].key, pro, con,
            abstain, outcome, teller, scrutineer, resolution,
            outcome && outcome[0] == 'p' ? pub_start : NULL,
            outcome && outcome[0] == 'p' ? pub_end : NULL, monthly ? "monthly" : "half_month"))
    return FALSE;

  /* Owners' votes, household by household, with the floor area. */
  for (int v = 0; held && method == 3 && v < pro + con + abstain; v++)
    {
      int hid = pick_household (g, c, TRUE);
      const Household *h = &g_array_index (g->households, Household, hid - 1);
      char at[21];

      fmt_time (at, start + between (g, 600, 6000));
      if (!put (g, S_VOTE, next_id (g, S_VOTE), id, h->n_people ? h->first_person : 0, hid,
                v < pro ? "for" : v < pro + con ? "against" : "abstain", (double)h->area, at))
        return FALSE;
    }
  if (outcome && outcome[0] == 'p')
    return gen_tasks (g, id, issue, day, monthly, owner, owner_person);
  return TRUE;
}

static gboolean
gen_meeting (Gen *g, Community *c, gint64 start, int state, int form, Deliberated *queue,
             int n_queue, int *cursor, GPtrArray *org_names)
{
  Seat seats[24];
  int n = 0, id = next_id (g, S_MEETING), day = local_day (start), items[4], n_items = 0;
  int expected = 0, present = 0, observers = 0, speakers = 0, y, mo, dd;
  const Grid *grid = &g_array_index (g->grids, Grid, c->first_grid - 1 + rnd (g, c->n_grids));
  const char *const *orgs = (const char *const *)org_names->pdata + c->first_org - 1;
  char title[256], place[96], host[48], starts[21], ends[21], notice[21], signup[21];
  char created[21], minutes[512], evaluation[160];
  gboolean held = state == 2, monthly = form >= 1 && form <= 3;

  /* Agenda: deliberated matters waiting for a meeting, else the community's own items. */
  for (int want = 1 + chance (g, 600) + chance (g, 300) + chance (g, 100); n_items < want; )
    {
      while (*cursor < n_queue && queue[*cursor].t < start - 60 * 86400)
        (*cursor)++;
      if (state < 2)
        {
          int k = *cursor;

          while (k < n_queue && (queue[k].used || queue[k].state != ID))
            k++;
          if (k >= n_queue)
            break;
          queue[k].used = 1, items[n_items++] = k;
        }
      else if (held && *cursor < n_queue && queue[*cursor].t <= start)
        queue[*cursor].used = 1, items[n_items++] = (*cursor)++;
      else
        break;
    }

  civil_from_days (day, &y, &mo, &dd);
  if (n_items > 0)
    {
      lookup (g, S_TITLE, queue[items[0]].id);
      g_snprintf (title, sizeof title, "关于“%s”的%s", g->text, forms[form].label);
    }
  else
    g_snprintf (title, sizeof title, "%s%d年%d月%s", c->name, y, mo, forms[form].label);
  if (form == 6)
    g_snprintf (place, sizeof place, "%d号楼前小广场", between (g, 1, 20));
  else if (form == 7)
    g_snprintf (place, sizeof place, "第%d网格服务站", grid->number);
  else
    g_strlcpy (place, form == 8 ? "社区微信群（线上）" : chance (g, 600) ? "社区党群服务中心议事厅"
               : "社区居委会会议室", sizeof place);
  g_snprintf (host, sizeof host, "%s%s%s", c->director, grid->worker ? "、" : "",
              grid->worker ? grid->worker_name : "");

  /* Who sits at the table ("4+N"): at least eight, at most twenty. */
  seat (g, seats, &n, "convener", 0, c->secretary, c->name);
  seat (g, seats, &n, "host", 0, c->director, c->name);
  seat (g, seats, &n, "recorder", 0, NULL, c->name);
  if (grid->worker)
    seat (g, seats, &n, "grid_worker", grid->worker, NULL, c->name);
  for (int k = between (g, 3, 7); k > 0; k--)
    seat (g, seats, &n, "resident_representative", from_list (g, c, L_REPRESENTATIVE), NULL, "");
  if (chance (g, 700))
    seat (g, seats, &n, "property", 0, NULL, org_names->pdata[c->first_property - 1]);
  if (chance (g, 500))
    seat (g, seats, &n, "owners_committee", 0, NULL, orgs[0]);
  if (chance (g, 400))
    seat (g, seats, &n, "deputy", 0, NULL, chance (g, 500) ? "区人大代表" : "区政协委员");
  if (chance (g, 500))
    seat (g, seats, &n, "grid_police", 0, NULL, orgs[2]);
  if (chance (g, 400))
    seat (g, seats, &n, "legal_worker", 0, NULL, "社区法律顾问");
  if (chance (g, 400))
    seat (g, seats, &n, "social_org", 0, NULL, orgs[4]);
  for (int k = between (g, 1, 4); k > 0; k--)
    seat (g, seats, &n, "stakeholder", resident_of (g, c), NULL, "");
  for (int k = rnd (g, 3); k > 0; k--)
    seat (g, seats, &n, "observer", 0, NULL, c->street);
  while (n < 8)
    seat (g, seats, &n, "resident", resident_of (g, c), NULL, "");

  fmt_time (starts, start);
  fmt_time (ends, start + between (g, 80, 150) * 60);
  fmt_time (notice, start - between (g, 3, 7) * 86400 + between (g, -3600, 3600));
  fmt_time (signup, at_local (g, day - 1, 17 * 60));
  fmt_time (created, MIN (g->now - 3600, start - between (g, 8, 14) * 86400));
  minutes[0] = evaluation[0] = '\0';
  for (int i = 0; i < n; i++)
    {
      gboolean observer = g_str_equal (seats[i].role, "observer");
      gboolean absent = held && !observer && i >= 3 && chance (g, 120);
      gboolean speaks = held && !observer && !absent && i != 2 && chance (g, 450);
      gboolean signed_up = state != 0 && (g_str_equal (seats[i].role, "stakeholder")
                                          || g_str_equal (seats[i].role, "resident"))
                           && chance (g, 600);

      expected += !observer;
      present += held && !observer && !absent;
      observers += observer;
      speakers += speaks;
      if (!put (g, S_PARTICIPANT, next_id (g, S_PARTICIPANT), id, seats[i].person, seats[i].name,
                seats[i].role, seats[i].org, signed_up ? 1 : 0,
                !held ? "expected" : observer ? "observer" : absent ? "absent" : "present",
                absent ? ANY (g, absences) : "", speaks ? ANY (g, speeches) : ""))
        return FALSE;
    }
  if (held)
    {
      g_snprintf (minutes, sizeof minutes, "会议由%s主持，%s记录。应到%d人，实到%d人，列席%d人。"
                  "会议按照一事一议的原则逐项协商了%d项议题，与会人员举手发言、充分讨论后进行表决。",
                  host, seats[2].name, expected, present, observers, MAX (n_items, 1));
      g_snprintf (evaluation, sizeof evaluation, "出席率%d%%，发言%d人次，议事程序规范。",
                  expected ? present * 100 / expected : 0, speakers);
    }
  if (!put (g, S_MEETING, id, title, forms[form].key, starts, state == 3 ? NULL : ends, place,
            c->secretary, host, seats[2].name, meeting_states[state], state ? notice : NULL,
            state ? signup : NULL, expected, minutes, evaluation, created))
    return FALSE;

  for (int k = 0; k < MAX (n_items, 1); k++)
    if (!gen_agenda (g, c, id, k + 1, k < n_items ? queue[items[k]].id : 0,
                     k < n_items ? queue[items[k]].state : 0, start, held, monthly,
                     MAX (present, 1), seats, n, c->director, grid->worker))
      return FALSE;
  return TRUE;
}

static int
compare_deliberated (const void *a, const void *b)
{
  const Deliberated *x = a, *y = b;

  if (x->community != y->community)
    return x->community - y->community;
  return x->t != y->t ? (x->t < y->t ? -1 : 1) : x->id - y->id;
}

static int
compare_ints (const void *a, const void *b)
{
  return *(const int *)a - *(const int *)b;
}

static gboolean
gen_meetings (Gen *g, GPtrArray *org_names)
{
  Deliberated *all = (Deliberated *)(void *)g->deliberated->data;
  int n_all = g->deliberated->len, q = 0;

  qsort (all, n_all, sizeof *all, compare_deliberated);
  for (int ci = 0; ci < g->n_communities; ci++)
    {
      Community *c = &g->communities[ci];
      int m = c->meetings, future = m >= 10 ? MAX (2, m / 20) : 0, cursor = 0, n_queue = 0;
      g_autofree int *days = g_new (int, MAX (m, 1));
      int order[G_N_ELEMENTS (forms)];

      while (q + n_queue < n_all && all[q + n_queue].community == ci)
        n_queue++;
      for (int k = 0; k < m; k++)
        days[k] = k < future ? g->today + between (g, 2, 28) : g->today - between (g, 1, 730);
      qsort (days, m, sizeof *days, compare_ints);
      for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
        order[k] = k;
      for (int k = G_N_ELEMENTS (forms) - 1; k > 0; k--)
        {
          int j = rnd (g, k + 1), t = order[k];

          order[k] = order[j], order[j] = t;
        }
      for (int k = 0; k < m; k++)
        {
          int form = k < (int)G_N_ELEMENTS (forms) ? order[k] : PICK (g, forms);
          int minute = form == 7 ? 19 * 60 + 30 : chance (g, 500) ? 9 * 60 : 14 * 60 + 30;
          int state = days[k] > g->today ? (k == m - future ? 1 : 1 - rnd (g, 2))
                    : k % 25 == 7 ? 3 : 2;

          if (!gen_meeting (g, c, at_local (g, days[k], minute) - rnd (g, 60), state, form,
                            all + q, n_queue, &cursor, org_names))
            return FALSE;
        }
      q += n_queue;
    }
  return TRUE;
}

/* Awards --------------------------------------------------------------------------- */

static gboolean
gen_awards (Gen *g)
{
  static const char *const kinds[] = { "top_deliberator", "excellent_mediator", "typical_case",
                                       "excellent_volunteer" };
  static const char *const titles[] = { "年度十佳议事员", "年度优秀人民调解员", "年度典型案例",
                                        "年度优秀志愿者" };
  static const int lists[] = { L_DELIBERATOR, L_MEDIATOR, -1, L_VOLUNTEER };
  char title[64];

  for (int ci = 0; ci < g->n_communities; ci++)
    for (int y = year_of (g->today - 730); y < year_of (g->today); y++)
      for (int k = 0; k < 4; k++)
        {
          const Community *c = &g->communities[ci];
          int l = lists[k], count = l >= 0 ? c->list_count[l] : 0, first = rnd (g, MAX (count, 1));
          int want = k == 0 ? 10 : k == 1 ? between (g, 1, 2) : between (g, 3, 5);

          g_snprintf (title, sizeof title, "%d%s", y, titles[k]);
          for (int i = 0; l >= 0 && i < MIN (want, count); i++)
            {
              int person = g_array_index (g->lists[l], int, c->list_start[l] + (first + i) % count);

              if (!put (g, S_AWARD, next_id (g, S_AWARD), y, kinds[k], person, 0, title, ""))
                return FALSE;
            }
          for (guint i = 0, found = 0; l < 0 && i < g->typical->len && found < 3; i += 3)
            {
              int *triple = &g_array_index (g->typical, int, i);

              if (triple[1] == ci && triple[2] == y && ++found &&
                  !put (g, S_AWARD, next_id (g, S_AWARD), y, kinds[k], 0, triple[0], title,
                        "解决一个销号一个，居民满意"))
                return FALSE;
            }
        }
  return TRUE;
}

/* Setting up ----------------------------------------------------------------------- */

static gboolean
load_reference (Gen *g)
{
  static const char *const rule_names[] = { "志愿服务", "参加议事", "巡逻值守" };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = yishi_database_prepare (g->database, "SELECT date, kind FROM holiday", g->error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int y, m, d, i;

      if (sscanf ((const char *)sqlite3_column_text (stmt, 0), "%d-%d-%d", &y, &m, &d) != 3)
        continue;
      i = days_from_civil (y, m, d) - (g->today - CAL_BEFORE);
      if (i >= 0 && i < CAL_DAYS)
        g->calendar[i] = g_str_equal ((const char *)sqlite3_column_text (stmt, 1), "work") ? 2 : 1;
    }
  if (rc != SQLITE_DONE)
    return fail (g);
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (int u = 0; u < 3; u++)
    g->deadline_days[u][0] = u == 0 ? 1 : u == 1 ? 5 : 10, g->deadline_days[u][1] = u == 2 ? 15 : g->deadline_days[u][0];
  stmt = yishi_database_prepare (g->database, "SELECT urgency, kind, working_days FROM deadline_rule",
                                 g->error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *urgency = (const char *)sqlite3_column_text (stmt, 0);

      g->deadline_days[urgency[0] == 'r' ? 0 : urgency[0] == 'y' ? 1 : 2]
                      [g_str_equal ((const char *)sqlite3_column_text (stmt, 1), "need")]
        = sqlite3_column_int (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return fail (g);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = yishi_database_prepare (g->database, "SELECT id FROM category WHERE name = ?", g->error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      sqlite3_bind_text (stmt, 1, topics[i].category, -1, SQLITE_STATIC);
      g->categories[i] = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = yishi_database_prepare (g->database, "SELECT id, points_per_hour, max_hours_per_activity"
                                 " FROM points_rule WHERE name = ?", g->error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 3; i++)
    {
      sqlite3_bind_text (stmt, 1, rule_names[i], -1, SQLITE_STATIC);
      g->rules[i] = 0, g->rule_rate[i] = 1, g->rule_cap[i] = 2;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g->rules[i] = sqlite3_column_int (stmt, 0);
          g->rule_rate[i] = sqlite3_column_double (stmt, 1);
          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
            g->rule_cap[i] = MAX (0.5, sqlite3_column_double (stmt, 2));
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Secondary indexes are dropped while the rows go in and built again at the end, from
 * their own SQL: sorting once is much faster than millions of random inserts. */
static gboolean
drop_indexes (Gen *g, GPtrArray *indexes)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) drop = g_string_new (NULL);

  stmt = yishi_database_prepare (g->database, "SELECT name, sql FROM sqlite_master WHERE"
                                 " type = 'index' AND sql IS NOT NULL ORDER BY name", g->error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP INDEX \"%s\";", sqlite3_column_text (stmt, 0));
      g_ptr_array_add (indexes, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  return yishi_database_exec (g->database, drop->str, g->error);
}

static gboolean
generate (Gen *g, const char *json)
{
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_exec (g->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return fail (g);
  if (g_getenv ("NODROP") == NULL && !drop_indexes (g, indexes))
    return FALSE;
  for (int i = 0; i < N_STMTS; i++)
    if ((g->stmts[i] = yishi_database_prepare (g->database, statements[i].sql, g->error)) == NULL)
      return FALSE;
  if (!load_reference (g))
    return FALSE;

  g_autoptr (GPtrArray) org_names = g_ptr_array_new_with_free_func (g_free);

  gint64 t0 = g_get_monotonic_time ();
#define TM(x) (g_printerr ("%s %.2f rows %ld\n", x, (g_get_monotonic_time () - t0) / 1e6, (long)g->rows), 1)
  if (!gen_registry (g, org_names) || !TM("registry") || !gen_issues (g, org_names) || !TM("issues") || !gen_meetings (g, org_names)
      || !gen_awards (g) || !TM("meetings")
      || !yishi_database_audit (g->database, "demo", NULL, "bulk", NULL, json, g->error))
    return FALSE;
  for (guint i = 0; i < indexes->len; i++)
    if (!yishi_database_exec (g->database, indexes->pdata[i], g->error))
      return FALSE;
  TM("indexes");
  if (sqlite3_exec (g->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return fail (g);
  return TRUE;
}

static gboolean
parse_day (const char *text, int *day)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || y < 2001 || y > 2998 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *day = days_from_civil (y, m, d);
  return TRUE;
}

/* Public API ----------------------------------------------------------------------- */

gboolean
yishi_demo_scale_from_string (const char     *text,
                              YishiDemoScale *scale)
{
  static const char *const names[] = { "community", "street", "district" };

  g_return_val_if_fail (scale != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
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
  static const gint64 people[] = { 5000, 60000, 1000000 };
  static const gint64 communities[] = { 1, 12, 200 };
  static const gint64 issues[] = { 1500, 15000, 200000 };
  static const gint64 meetings[] = { 60, 600, 6000 };

  g_return_if_fail (targets != NULL);
  g_return_if_fail (scale <= YISHI_DEMO_SCALE_DISTRICT);

  targets->people = people[scale];
  targets->households = people[scale] * 10 / 25;
  targets->buildings = targets->households / 45;
  targets->grids = communities[scale] * 8;
  targets->issues = issues[scale];
  targets->meetings = meetings[scale];
}

/**
 * yishi_demo_generate:
 * @path: a file that must not exist yet
 * @seed: the seed of all randomness
 * @today: (nullable): the day the data leads up to, YYYY-MM-DD; %NULL for today
 * @progress: (nullable): called now and then with a fraction in [0, 1]
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
  static const char *const scale_names[] = { "community", "street", "district" };
  g_autofree char *today_owned = NULL;
  g_autofree char *json = NULL;
  Gen gen = { 0 }, *g = &gen;
  gboolean ok;
  int n_days = LAST_BIRTH - FIRST_BIRTH + 1, len;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale <= YISHI_DEMO_SCALE_DISTRICT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    today = today_owned = yishi_clock_today ();
  if (!parse_day (today, &g->today))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date of the form YYYY-MM-DD."), today);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g->database = yishi_database_create_seeded (path, seed, error);
  if (g->database == NULL)
    return FALSE;
  g->db = yishi_database_get_handle (g->database);
  g->rand = g_rand_new_with_seed (seed);
  g->cancellable = cancellable;
  g->progress = progress;
  g->user_data = user_data;
  g->error = error;
  g->now = at_local (g, g->today, 18 * 60);
  g->city = &cities[rnd (g, G_N_ELEMENTS (cities))];
  for (int i = 0; i < N_AREAS; i++)
    memcpy (g->areas[i], i < 4 ? g->city->areas + 6 * i : other_areas + 6 * (i - 4), 6);
  for (int i = 0, n = (int)strlen (surnames) / 3; i < n; i++)
    for (int w = i < (int)G_N_ELEMENTS (surname_top) ? surname_top[i] : i < 45 ? 4 : 2; w > 0; w--)
      g->surname_table[g->surname_total++] = i;

  yishi_demo_get_targets (scale, &g->targets);
  g->n_communities = (int)(g->targets.grids / 8);
  g->communities = g_new0 (Community, g->n_communities);
  for (int i = 0; i < g->n_communities; i++)
    {
      g->communities[i].issues = (int)(g->targets.issues / g->n_communities
                                       + (i < g->targets.issues % g->n_communities));
      g->communities[i].meetings = (int)(g->targets.meetings / g->n_communities
                                         + (i < g->targets.meetings % g->n_communities));
    }
  g->max_people = (int)g->targets.people + 16;
  g->people = g_new0 (Person, g->max_people);
  g->grids = g_array_new (FALSE, TRUE, sizeof (Grid));
  g->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g->households = g_array_sized_new (FALSE, TRUE, sizeof (Household), (guint)g->targets.households);
  for (int l = 0; l < N_LISTS; l++)
    g->lists[l] = g_array_new (FALSE, FALSE, sizeof (int));
  g->id_counters = g_malloc0 ((gsize)N_AREAS * n_days * 2);
  g->issue_year = g_new0 (gint16, g->targets.issues + 1);
  g->issue_number = g_new0 (gint32, g->targets.issues + 1);
  g->recent = g_new0 (int, g->n_communities * 9);
  g->deliberated = g_array_new (FALSE, FALSE, sizeof (Deliberated));
  g->typical = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < N_STMTS; i++)
    {
      const gint64 p = g->targets.people, n = g->targets.issues, m = g->targets.meetings;
      const gint64 rows[N_STMTS] = {
        [S_COMMUNITY] = g->n_communities, [S_ORG] = 7 * g->n_communities + 12,
        [S_GRID] = 8 * g->n_communities, [S_BUILDING] = p / 120, [S_UNIT] = p / 44,
        [S_HOUSEHOLD] = p * 41 / 100, [S_PERSON] = p, [S_RESIDENCE] = p * 104 / 100,
        [S_MEMBERSHIP] = p * 6 / 100, [S_CLAIM] = p * 7 / 100, [S_ROLE] = p * 9 / 100,
        [S_ISSUE] = n, [S_REQUESTER] = n, [S_EVENT] = n * 74 / 10,
        [S_SATISFACTION] = n * 9 / 10, [S_MEETING] = m, [S_PARTICIPANT] = m * 15,
        [S_AGENDA] = m * 2, [S_VOTE] = m * 2, [S_TASK] = m * 26 / 10, [S_FOLLOW_UP] = m * 5,
        [S_POINTS] = p * 3 / 10, [S_AWARD] = 34 * g->n_communities,
      };

      g->uuid_step[i] = (G_GUINT64_CONSTANT (1) << 48) / (guint64)MAX (rows[i] + 1, 2) / 2 + 1;
    }
  g->rows_expected = g->targets.people * 27 / 10 + g->targets.issues * 10 + g->targets.meetings * 30;
  json = g_strdup_printf ("{\"scale\":\"%s\",\"seed\":%u,\"today\":\"%s\"}", scale_names[scale],
                          seed, today);

  if (g_getenv ("JOURNAL")) { char *q = g_strdup_printf ("PRAGMA journal_mode = %s", g_getenv ("JOURNAL")); sqlite3_exec (g->db, q, NULL, NULL, NULL); g_free (q); }
  ok = sqlite3_exec (g->db, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;"
                     " PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;",
                     NULL, NULL, NULL) == SQLITE_OK || fail (g);
  ok = ok && generate (g, json);
  if (!ok && !sqlite3_get_autocommit (g->db))
    sqlite3_exec (g->db, "ROLLBACK", NULL, NULL, NULL);
  for (int i = 0; i < N_STMTS; i++)
    g_clear_pointer (&g->stmts[i], sqlite3_finalize);
  if (ok && sqlite3_exec (g->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                          NULL, NULL, NULL) != SQLITE_OK)
    ok = fail (g);

  g_clear_object (&g->database);
  if (!ok)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
    }
  else if (progress != NULL)
    progress (1.0, user_data);

  g_rand_free (g->rand);
  g_free (g->communities);
  g_free (g->people);
  g_array_unref (g->grids);
  g_array_unref (g->units);
  g_array_unref (g->households);
  for (int l = 0; l < N_LISTS; l++)
    g_array_unref (g->lists[l]);
  g_free (g->id_counters);
  g_free (g->issue_year);
  g_free (g->issue_number);
  g_free (g->recent);
  g_array_unref (g->deliberated);
  g_array_unref (g->typical);
  (void)len;
  return ok;
}
