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

#include "yishi-demo-private.h"

int
rnd (Gen *g, int n)
{
  return n <= 1 ? 0 : g_rand_int_range (g->rand, 0, n);
}

int
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
int
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

int
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

char *
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

char *
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
gint64
at_local (Gen *g, int day, int minute)
{
  return (gint64)day * 86400 + minute * 60 + rnd (g, 60) - BEIJING;
}

/* Weekends and days off are skipped; adjusted working days (调休) count. */
int
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
char *
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
gboolean
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
const char *
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

int
compare_keys (const void *a, const void *b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* People --------------------------------------------------------------------------- */

void
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
void
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
