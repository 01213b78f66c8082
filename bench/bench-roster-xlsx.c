/* bench-roster-xlsx.c — writes a roster workbook as an office keeps one, for the import
 * benchmark and tests: a merged title row, the header, then N people in households of a
 * few grids — realistic Chinese names, valid ID numbers (GB 11643 check digits) with the
 * birth date and gender they give, mobile phones (some stored as numbers), birth dates as
 * date cells or typed as 1985/3/7 or 1985.03.07, residence types, political status and
 * party members with their category, branch, group, joining date and employer.  One row
 * in a thousand has a wrong check digit, as real rosters do.
 *
 * libxlsxwriter in constant_memory mode: rows stream in order, memory stays flat.
 * Usage: bench-roster-xlsx OUTPUT.xlsx [ROWS (100000)] [SEED (1)]
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *const headers[] = {
  "序号", "姓名", "性别", "出生日期", "身份证号码", "联系电话", "人员类型", "政治面貌",
  "所属网格", "楼栋", "单元", "房号", "党员类别", "所在支部", "党小组", "入党时间",
  "工作单位", "备注",
};

enum
{
  COL_NUMBER, COL_NAME, COL_GENDER, COL_BIRTH, COL_ID, COL_PHONE, COL_RESIDENCE,
  COL_POLITICAL, COL_GRID, COL_BUILDING, COL_UNIT, COL_ROOM, COL_CATEGORY, COL_BRANCH,
  COL_GROUP, COL_JOINED, COL_EMPLOYER, COL_NOTES, N_COLUMNS
};

/* The commonest surnames, roughly by frequency (two compound ones at the end). */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "欧阳", "司马",
};

static const char *const male_chars[] = {
  "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
  "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "建", "国", "文", "志", "海",
  "东", "晨", "博", "子", "轩", "然", "德", "林", "峰", "成",
};

static const char *const female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "婷", "雪", "慧",
  "琳", "颖", "倩", "洁", "燕", "佳", "欣", "梅", "兰", "红", "萍", "莉", "丹", "晶", "怡",
  "雨", "思", "涵", "月", "春", "琴", "云", "凤", "美", "玉",
};

/* Region codes of a few districts. */
static const char *const regions[] = {
  "110101", "110105", "310104", "310115", "320102", "330106", "370202", "420106",
  "430104", "440106", "500103", "510107", "610113", "350203", "410105", "130102",
};

static const char *const grid_names[] = {
  "第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格", "第七网格",
  "第八网格", "第九网格", "第十网格", "第十一网格", "第十二网格",
};

static const char *const employers[] = {
  "区人民医院", "市第二中学", "区税务局", "街道办事处", "市自来水公司", "区实验小学",
  "国家电网区供电公司", "区市场监督管理局", "市图书馆", "区人民法院",
};

static const char *const notes[] = {
  "", "", "", "", "", "", "", "", "独居老人", "残疾人", "退役军人", "低保户", "空巢老人",
  "新迁入", "志愿者",
};

static const char *const residence_types[] = {
  "户籍", "户籍", "户籍", "户籍", "常住", "常住", "常住", "流动", "租户", "外来",
};

static const char *const categories[] = { "直管", "在职党员", "流动", "离退休党员", "离退休" };

static void
check_error (lxw_error error,
             const char *what)
{
  if (error != LXW_NO_ERROR)
    {
      fprintf (stderr, "bench-roster-xlsx: %s: %s\n", what, lxw_strerror (error));
      exit (1);
    }
}

static char
check_digit (const char *digits)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (digits[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

static const char *
pick (GRand             *rand,
      const char *const *list,
      guint              n)
{
  return list[g_rand_int_range (rand, 0, (gint32)n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *title, *header, *date;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GRand *rand;
  long n_rows = 100000;
  guint32 seed = 1;
  lxw_row_t row = 2;
  long person = 0;
  guint grid = 0, building = 1, unit = 1, floor = 1, door = 1;
  guint units_here, floors_here;

  if (argc < 2 || argc > 4)
    {
      fprintf (stderr, "usage: bench-roster-xlsx OUTPUT.xlsx [ROWS] [SEED]\n");
      return 2;
    }
  if (argc > 2)
    n_rows = strtol (argv[2], NULL, 10);
  if (argc > 3)
    seed = (guint32)strtoul (argv[3], NULL, 10);
  if (n_rows < 1 || n_rows > 1000000)
    {
      fprintf (stderr, "bench-roster-xlsx: ROWS must be between 1 and 1000000\n");
      return 2;
    }
  rand = g_rand_new_with_seed (seed);

  workbook = workbook_new_opt (argv[1], &options);
  if (workbook == NULL)
    {
      fprintf (stderr, "bench-roster-xlsx: cannot create %s\n", argv[1]);
      return 1;
    }
  sheet = workbook_add_worksheet (workbook, "居民花名册");
  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 16);
  format_set_align (title, LXW_ALIGN_CENTER);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");

  check_error (worksheet_merge_range (sheet, 0, 0, 0, N_COLUMNS - 1, "幸福社区居民花名册", title),
               "title");
  for (guint c = 0; c < N_COLUMNS; c++)
    check_error (worksheet_write_string (sheet, 1, (lxw_col_t)c, headers[c], header), "header");

  units_here = (guint)g_rand_int_range (rand, 1, 5);
  floors_here = (guint)g_rand_int_range (rand, 6, 19);
  while (person < n_rows)
    {
      guint in_household = (guint)g_rand_int_range (rand, 1, 5);
      char room[16];

      g_snprintf (room, sizeof room, "%u%02u", floor, door);
      for (guint k = 0; k < in_household && person < n_rows; k++, person++, row++)
        {
          gboolean male = g_rand_boolean (rand);
          int year = g_rand_int_range (rand, 1930, 2021);
          int month = g_rand_int_range (rand, 1, 13);
          int day = g_rand_int_range (rand, 1, g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year) + 1);
          char id[19];
          char phone[12];
          g_autofree char *name = NULL;
          gboolean party = year < 2004 && g_rand_int_range (rand, 0, 100) < 9;
          lxw_col_t c;

          /* A unique, valid ID number giving the birth date and gender. */
          do
            {
              int sequence = g_rand_int_range (rand, 0, 500) * 2 + (male ? 1 : 0);

              g_snprintf (id, sizeof id, "%s%04d%02d%02d%03d", PICK (rand, regions), year, month, day,
                          sequence);
              id[17] = check_digit (id);
              id[18] = '\0';
            }
          while (g_hash_table_contains (ids, id));
          g_hash_table_add (ids, g_strdup (id));
          if (person % 1000 == 999)
            id[17] = id[17] == '0' ? '1' : '0';

          name = g_strconcat (PICK (rand, surnames),
                              male ? PICK (rand, male_chars) : PICK (rand, female_chars),
                              g_rand_boolean (rand) ? (male ? PICK (rand, male_chars) : PICK (rand, female_chars)) : "",
                              NULL);
          g_snprintf (phone, sizeof phone, "1%c%09u", "3578935789"[g_rand_int_range (rand, 0, 10)],
                      (guint)g_rand_int_range (rand, 0, 1000000000));

          c = 0;
          check_error (worksheet_write_number (sheet, row, c++, (double)(person + 1), NULL), "row");
          if (person % 20 == 7)
            {
              g_autofree char *spaced = g_strconcat (" ", name, "　", NULL);

              check_error (worksheet_write_string (sheet, row, c++, spaced, NULL), "row");
            }
          else
            check_error (worksheet_write_string (sheet, row, c++, name, NULL), "row");
          check_error (worksheet_write_string (sheet, row, c++, male ? "男" : "女", NULL), "row");
          switch (person % 4)
            {
            case 0:
            case 1:
              {
                lxw_datetime when = { year, month, day, 0, 0, 0 };

                check_error (worksheet_write_datetime (sheet, row, c++, &when, date), "row");
              }
              break;
            case 2:
              {
                char text[16];

                g_snprintf (text, sizeof text, "%d/%d/%d", year, month, day);
                check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
              }
              break;
            default:
              {
                char text[16];

                g_snprintf (text, sizeof text, "%d.%02d.%02d", year, month, day);
                check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
              }
            }
          if (person % 50 == 3)
            id[17] = g_ascii_tolower (id[17]);
          check_error (worksheet_write_string (sheet, row, c++, id, NULL), "row");
          if (year > 2014 && k > 0)
            c++; /* children: no phone */
          else if (person % 3 == 0)
            check_error (worksheet_write_number (sheet, row, c++, g_ascii_strtod (phone, NULL), NULL), "row");
          else
            check_error (worksheet_write_string (sheet, row, c++, phone, NULL), "row");
          check_error (worksheet_write_string (sheet, row, c++, PICK (rand, residence_types), NULL), "row");
          check_error (worksheet_write_string (sheet, row, c++,
                                               party ? "中共党员" : year > 1995 && year < 2010 ? "共青团员" : "群众",
                                               NULL), "row");
          check_error (worksheet_write_string (sheet, row, c++, grid_names[grid], NULL), "row");
          {
            char text[16];

            g_snprintf (text, sizeof text, "%u号楼", building);
            check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
            g_snprintf (text, sizeof text, "%u单元", unit);
            check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
          }
          check_error (worksheet_write_string (sheet, row, c++, room, NULL), "row");
          if (party)
            {
              const char *category = PICK (rand, categories);
              char text[64];
              int joined_year = year + g_rand_int_range (rand, 18, 40);
              lxw_datetime joined = { MIN (joined_year, 2024), g_rand_int_range (rand, 1, 13), 1,
                                      0, 0, 0 };

              check_error (worksheet_write_string (sheet, row, c++, category, NULL), "row");
              g_snprintf (text, sizeof text, "%s党支部", grid_names[grid]);
              check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
              g_snprintf (text, sizeof text, "%u号楼党小组", building);
              check_error (worksheet_write_string (sheet, row, c++, text, NULL), "row");
              check_error (worksheet_write_datetime (sheet, row, c++, &joined, date), "row");
              if (g_str_has_prefix (category, "在职"))
                check_error (worksheet_write_string (sheet, row, c++, PICK (rand, employers), NULL), "row");
              else
                c++;
            }
          else
            c += 5;
          {
            const char *note = PICK (rand, notes);

            if (*note != '\0')
              check_error (worksheet_write_string (sheet, row, c, note, NULL), "row");
          }
        }

      /* The next household: doors per floor, floors per unit, units per building,
       * buildings per grid. */
      if (++door > 4)
        {
          door = 1;
          if (++floor > floors_here)
            {
              floor = 1;
              if (++unit > units_here)
                {
                  unit = 1;
                  units_here = (guint)g_rand_int_range (rand, 1, 5);
                  floors_here = (guint)g_rand_int_range (rand, 6, 19);
                  if (++building > 40)
                    {
                      building = 1;
                      grid = (grid + 1) % G_N_ELEMENTS (grid_names);
                    }
                }
            }
        }
    }

  check_error (workbook_close (workbook), "close");
  g_rand_free (rand);
  return 0;
}
