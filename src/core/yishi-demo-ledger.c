/* yishi-demo-ledger.c — demo matters with their timelines, and meetings with their
 * agendas, votes, tasks and points (the second half of the demo generator).
 *
 * Copyright 2026 Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "yishi-core"

#include "config.h"

#include "yishi-demo-private.h"

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
gboolean
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
gboolean
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

