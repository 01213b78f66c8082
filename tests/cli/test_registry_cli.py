#!/usr/bin/env python3
# test_registry_cli.py — the registry's documents and search from the command line: the
# contact board and the points notice read back with pdftotext, the roster and points
# workbooks read back with openpyxl, people search, exit codes. Expected values come from
# SQL over the same file, opened read-only with Python's sqlite3 module.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re
import sqlite3
import subprocess
import tempfile
import unittest
from zoneinfo import ZoneInfo

import openpyxl

CLI = os.environ.get("YISHI_CLI", "yishi-cli")
ZONE = ZoneInfo("Asia/Shanghai")
OFFICE = {"TZ": "Asia/Shanghai", "LANGUAGE": "zh_CN", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
          "YISHI_NOW": "2026-12-01T02:00:00Z"}
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")

PEOPLE_HEADERS = ["姓名", "性别", "出生日期", "身份证号", "联系电话", "人员类型", "政治面貌",
                  "网格", "楼栋", "单元", "房号", "备注"]
MEMBER_HEADERS = ["姓名", "性别", "身份证号", "联系电话", "网格", "楼栋", "党员类别", "所在支部",
                  "党小组", "入党时间", "工作单位", "报到时间", "认领岗位", "党员中心户"]
ROLE_HEADERS = ["姓名", "联系电话", "职务", "范围", "工作电话", "开始日期", "结束日期", "状态"]
STANDING_HEADERS = ["排名", "姓名", "网格", "本季度获得", "本季度兑换", "累计积分", "等级",
                    "同意公示姓名"]
ENTRY_HEADERS = ["时间", "姓名", "网格", "类型", "积分规则", "时长（小时）", "积分", "说明"]
ROLE_LABELS = {"grid_leader": "网格长", "grid_worker": "网格员", "building_leader": "楼栋长",
               "unit_leader": "单元长"}

BOARD_SQL = """
SELECT ra.role,
       CASE ra.scope_kind WHEN 'grid' THEN g.name WHEN 'building' THEN b.name
            ELSE ub.name || u.name END,
       p.name,
       CASE WHEN ra.work_phone = '' THEN p.phone ELSE ra.work_phone END
  FROM role_assignment ra JOIN person p ON p.id = ra.person_id
  LEFT JOIN grid g ON ra.scope_kind = 'grid' AND g.id = ra.scope_id
  LEFT JOIN building b ON ra.scope_kind = 'building' AND b.id = ra.scope_id
  LEFT JOIN unit u ON ra.scope_kind = 'unit' AND u.id = ra.scope_id
  LEFT JOIN building ub ON ub.id = u.building_id
 WHERE ra.end_date IS NULL AND p.deleted_at IS NULL AND (
       (ra.role IN ('grid_leader', 'grid_worker') AND ra.scope_kind = 'grid'
        AND ra.scope_id = :grid)
    OR (ra.role = 'building_leader' AND b.grid_id = :grid AND b.deleted_at IS NULL)
    OR (ra.role = 'unit_leader' AND ub.grid_id = :grid AND ub.deleted_at IS NULL
        AND u.deleted_at IS NULL))
"""

# Standings by the contract of yishi_points_quarter (): live people with an entry in the
# quarter or a positive balance at its end; earned counts service records, redeemed the
# redemptions (corrections only count in the balance).
STANDINGS_SQL = """
SELECT p.name, p.public_name_consent,
       sum(CASE WHEN e.at >= :start AND e.at < :end AND e.kind = 'earn' THEN e.points
           ELSE 0 END),
       sum(CASE WHEN e.at >= :start AND e.at < :end AND e.kind = 'redeem' THEN -e.points
           ELSE 0 END),
       sum(CASE WHEN e.at < :end THEN e.points ELSE 0 END) AS balance,
       sum(e.at >= :start AND e.at < :end) AS in_quarter
  FROM points_entry e JOIN person p ON p.id = e.person_id
 WHERE p.deleted_at IS NULL
 GROUP BY p.id
HAVING in_quarter > 0 OR balance > 0
"""


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(OFFICE)
    full_env.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                          timeout=300)


def pdf_text(path):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                       text=True, check=True)
    return r.stdout


def squeeze(text):
    return re.sub(r"\s+", "", text)


def masked_forms(name):
    """What yishi_mask_name may make of a name: the surname (one or two characters) kept."""
    name = name.strip()
    return {name[:1] + "*" * (len(name) - 1), name[:2] + "*" * (len(name) - 2)}


def utc_bound(year, month):
    local = datetime.datetime(year, month, 1, tzinfo=ZONE)
    return local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


class RegistryCli(unittest.TestCase):
    YEAR, QUARTER = 2026, 4

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="yishi-registry-cli-")
        cls.demo = os.path.join(cls.tmp.name, "demo.db")
        r = run("demo", "--output", cls.demo, "--today", "2026-12-01")
        assert r.returncode == 0, r.stderr
        cls.db = sqlite3.connect(f"file:{cls.demo}?mode=ro", uri=True)
        cls.community = cls.db.execute(
            "SELECT name FROM community ORDER BY id LIMIT 1").fetchone()[0]
        last = cls.QUARTER == 4
        cls.bounds = {"start": utc_bound(cls.YEAR, 3 * cls.QUARTER - 2),
                      "end": utc_bound(cls.YEAR + last, 1 if last else 3 * cls.QUARTER + 1)}

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def cli(self, *args, env=None):
        return run("--database", self.demo, *args, env=env)

    # ---- contact board ----

    def test_contact_board(self):
        grids = self.db.execute("SELECT id, name FROM grid WHERE deleted_at IS NULL"
                                " ORDER BY position").fetchall()
        self.assertGreater(len(grids), 1)
        for grid_id, grid in grids[:3]:
            out = self.path(f"board-{grid_id}.pdf")
            r = self.cli("notice", "contact-board", "--grid", grid, "--output", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.strip(), out)
            text = pdf_text(out)
            flat = squeeze(text)
            self.assertIn(f"{self.community}{grid}“三长”公示", flat)
            expected = self.db.execute(BOARD_SQL, {"grid": grid_id}).fetchall()
            self.assertGreater(len(expected), 3, grid)
            for role, scope, name, phone in expected:
                # Published on purpose: full names and phones.
                self.assertIn(name, flat, (grid, name))
                if phone:
                    self.assertIn(phone, flat, (grid, name))
                self.assertIn(scope, flat)
                self.assertIn(ROLE_LABELS[role], flat)
            # The grid's own people before its buildings' in the printed order.
            last_grid = max(flat.find(n) for role, _, n, _ in expected
                            if role.startswith("grid_"))
            first_building = min(flat.find(n) for role, _, n, _ in expected
                                 if role == "building_leader")
            self.assertLess(last_grid, first_building)
            self.assertIsNone(ID_NUMBER.search(flat))

    def test_contact_board_unknown_grid(self):
        out = self.path("unknown.pdf")
        r = self.cli("notice", "contact-board", "--grid", "第九十九网格", "--output", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)
        self.assertIn("第九十九网格", r.stderr)
        self.assertFalse(os.path.exists(out))

    # ---- points notice ----

    def standings(self):
        return self.db.execute(STANDINGS_SQL, self.bounds).fetchall()

    def test_points_notice(self):
        out = self.path("points.pdf")
        r = self.cli("notice", "points", "--year", str(self.YEAR), "--quarter",
                     str(self.QUARTER), "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = pdf_text(out)
        flat = squeeze(text)
        self.assertIn(f"{self.community}志愿服务积分公示", flat)
        self.assertIn("（2026年第四季度）", flat)
        standings = self.standings()
        self.assertGreater(len(standings), 20)
        self.assertIn(f"名单共{len(standings)}人", flat)
        named = [s[0] for s in standings if s[1]]
        grids = [g for (g,) in self.db.execute("SELECT name FROM grid")]
        elsewhere = named + grids + [self.community]
        masked = 0
        for name, consent, *_ in standings:
            if consent:
                self.assertIn(name, flat)
                continue
            self.assertTrue(any(m in flat for m in masked_forms(name)), name)
            if not any(name in other for other in elsewhere):
                self.assertNotIn(name, flat)
            masked += 1
        self.assertGreater(masked, 10)
        # Never a phone or an ID number, not even across a line break.
        self.assertIsNone(MOBILE.search(text))
        self.assertIsNone(MOBILE.search(flat))
        self.assertIsNone(ID_NUMBER.search(flat))

    # ---- roster workbook ----

    def test_export_roster(self):
        out = self.path("roster.xlsx")
        r = self.cli("export", "roster", "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        live = self.db.execute(
            "SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
        self.assertIn(str(live), r.stdout)
        book = openpyxl.load_workbook(out)
        self.assertEqual(book.sheetnames, ["居民", "党员", "角色"])

        ws = book["居民"]
        self.assertIn("内部资料", ws["A1"].value)
        self.assertEqual([c.value for c in ws[2]], PEOPLE_HEADERS)
        self.assertEqual(ws.freeze_panes, "B3")
        self.assertEqual(ws.max_row - 2, live)
        self.assertEqual(ws.auto_filter.ref, f"A2:L{live + 2}")
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(ws.print_title_rows.replace("$", ""), "2:2")
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(rows), live)
        by_id = {row[3]: row for row in rows if row[3]}
        # Internal: ID numbers and phones in full, as text.
        sample = self.db.execute(
            "SELECT p.name, p.id_number, p.phone, p.birth_date, g.name, b.name, u.name, h.room"
            " FROM person p JOIN household h ON h.id = p.household_id"
            " JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id"
            " JOIN grid g ON g.id = b.grid_id"
            " WHERE p.deleted_at IS NULL AND p.id_number IS NOT NULL AND p.phone <> ''"
            " ORDER BY p.id LIMIT 50").fetchall()
        self.assertEqual(len(sample), 50)
        for name, id_number, phone, birth, grid, building, unit, room in sample:
            row = by_id[id_number]
            self.assertEqual(row[0], name)
            self.assertIsInstance(row[3], str)
            self.assertEqual(row[4], phone)
            if birth:
                self.assertEqual(row[2].date().isoformat(), birth)
            self.assertEqual(row[7:11], (grid, building, unit, room))
        self.assertEqual(ws.cell(3, 3).number_format, "yyyy-mm-dd")
        # Buildings in their natural order within a grid: 2号楼 before 10号楼.
        seen = []
        for row in rows:
            if row[8] and (not seen or seen[-1] != (row[7], row[8])):
                seen.append((row[7], row[8]))
        self.assertEqual(len(seen), len(set(seen)), "a building's people are together")
        numbers = [int(re.match(r"\d+", b).group()) for _, b in seen]
        self.assertEqual(numbers, sorted(numbers))

        members = self.db.execute(
            "SELECT count(*) FROM party_membership m JOIN person p ON p.id = m.person_id"
            " WHERE m.end_date IS NULL AND p.deleted_at IS NULL").fetchone()[0]
        ws = book["党员"]
        self.assertEqual([c.value for c in ws[2]], MEMBER_HEADERS)
        self.assertEqual(ws.max_row - 2, members)
        self.assertGreater(members, 50)
        categories = {r[6] for r in ws.iter_rows(min_row=3, values_only=True)}
        self.assertLessEqual(categories, {"直管党员", "在职党员", "流动党员", "离退休党员"})
        self.assertIn("在职党员", categories)
        posts = [r[12] for r in ws.iter_rows(min_row=3, values_only=True) if r[12]]
        self.assertTrue(posts)

        roles = self.db.execute(
            "SELECT count(*), sum(ra.end_date IS NULL) FROM role_assignment ra"
            " JOIN person p ON p.id = ra.person_id WHERE p.deleted_at IS NULL").fetchone()
        ws = book["角色"]
        self.assertEqual([c.value for c in ws[2]], ROLE_HEADERS)
        got = list(ws.iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(got), roles[0])
        self.assertEqual(sum(1 for r in got if r[7] == "在任"), roles[1])
        # Current roles first.
        states = [r[7] for r in got]
        self.assertEqual(states, sorted(states, key=lambda s: s != "在任"))

    def test_export_roster_same_without_reading_ahead(self):
        both = []
        for setting in ("1", "0"):
            out = self.path(f"roster-{setting}.xlsx")
            r = self.cli("export", "roster", "--output", out,
                         env={"YISHI_WORKBOOK_READ_AHEAD": setting})
            self.assertEqual(r.returncode, 0, r.stderr)
            book = openpyxl.load_workbook(out, read_only=True)
            both.append({ws.title: list(ws.iter_rows(values_only=True))
                         for ws in book.worksheets})
        self.assertEqual(both[0], both[1])
        self.assertGreater(len(both[0]["居民"]), 1000)

    def test_export_roster_continues_on_new_sheets(self):
        # Excel's 1,048,576 rows a sheet, lowered: the people go on in 居民（2）…
        out = self.path("parts.xlsx")
        r = self.cli("export", "roster", "--output", out,
                     env={"YISHI_WORKBOOK_SHEET_ROWS": "1502"})
        self.assertEqual(r.returncode, 0, r.stderr)
        live = self.db.execute(
            "SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
        book = openpyxl.load_workbook(out, read_only=True)
        parts = [ws for ws in book.worksheets if ws.title.startswith("居民")]
        self.assertEqual(len(parts), -(-live // 1500))
        self.assertEqual([ws.title for ws in parts][:2], ["居民", "居民（2）"])
        self.assertEqual(book.sheetnames[len(parts):], ["党员", "角色"])
        total = 0
        for ws in parts:
            rows = list(ws.iter_rows(values_only=True))
            self.assertEqual(list(rows[1]), PEOPLE_HEADERS)
            self.assertLessEqual(len(rows), 1502)
            total += len(rows) - 2
        self.assertEqual(total, live)

    def test_export_roster_replaces_only_when_done(self):
        out = self.path("kept.xlsx")
        with open(out, "w") as f:
            f.write("old")
        r = run("--database", self.path("nowhere.db"), "export", "roster", "--output", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(out) as f:
            self.assertEqual(f.read(), "old")

    # ---- points workbook ----

    def test_export_points(self):
        out = self.path("points.xlsx")
        r = self.cli("export", "points", "--year", str(self.YEAR), "--quarter",
                     str(self.QUARTER), "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        book = openpyxl.load_workbook(out, data_only=True)
        self.assertEqual(book.sheetnames, ["积分排名", "积分明细"])

        ws = book["积分排名"]
        self.assertEqual([c.value for c in ws[2]], STANDING_HEADERS)
        self.assertEqual(ws.freeze_panes, "A3")
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        total = rows[-1]
        rows = rows[:-1]
        self.assertEqual(total[0], "合计")
        standings = self.standings()
        self.assertEqual(len(rows), len(standings))
        expected = sorted((s[0], round(s[2], 2), round(s[3], 2), round(s[4], 2))
                          for s in standings)
        got = sorted((r[1], round(r[3], 2), round(r[4], 2), round(r[5], 2)) for r in rows)
        self.assertEqual(got, expected)
        balances = [r[5] for r in rows]
        self.assertEqual(balances, sorted(balances, reverse=True))
        self.assertEqual(rows[0][0], 1)
        self.assertAlmostEqual(total[3], sum(r[3] for r in rows))
        self.assertAlmostEqual(total[5], sum(r[5] for r in rows))
        # Internal: full names.
        self.assertFalse(any("*" in r[1] for r in rows))
        formulas = openpyxl.load_workbook(out)["积分排名"]
        self.assertTrue(str(formulas.cell(ws.max_row, 4).value).startswith("=SUM("))

        ws = book["积分明细"]
        self.assertEqual([c.value for c in ws[2]], ENTRY_HEADERS)
        entries = self.db.execute(
            "SELECT count(*), sum(e.points) FROM points_entry e JOIN person p ON p.id = e.person_id"
            " WHERE p.deleted_at IS NULL AND e.at >= :start AND e.at < :end",
            self.bounds).fetchone()
        got = list(ws.iter_rows(min_row=3, values_only=True))
        total_row = next(i for i, r in enumerate(got) if r[0] == "合计")
        self.assertEqual(total_row, entries[0])
        self.assertGreater(entries[0], 10)
        self.assertAlmostEqual(got[total_row][6], entries[1])
        self.assertAlmostEqual(sum(r[6] for r in got[:total_row]), entries[1])
        times = [r[0] for r in got[:total_row]]
        self.assertEqual(times, sorted(times))
        self.assertTrue(all(isinstance(t, datetime.datetime) for t in times))
        first = self.db.execute(
            "SELECT e.at FROM points_entry e JOIN person p ON p.id = e.person_id"
            " WHERE p.deleted_at IS NULL AND e.at >= :start AND e.at < :end"
            " ORDER BY e.at, e.id LIMIT 1", self.bounds).fetchone()[0]
        local = datetime.datetime.strptime(first[:19], "%Y-%m-%dT%H:%M:%S").replace(
            tzinfo=datetime.timezone.utc).astimezone(ZONE)
        self.assertEqual(times[0], local.replace(second=0, tzinfo=None))

    # ---- people search ----

    def person(self):
        """A live person with a unique name, a mobile phone and an ID number."""
        return self.db.execute(
            "SELECT p.name, p.phone, p.id_number FROM person p"
            " WHERE p.deleted_at IS NULL AND length(p.phone) = 11 AND p.id_number IS NOT NULL"
            " AND length(p.name) = 3"
            " AND (SELECT count(*) FROM person q WHERE q.name = p.name) = 1"
            " AND (SELECT count(*) FROM person q WHERE substr(q.phone, -4) = substr(p.phone, -4))"
            "     < 40"
            " AND (SELECT count(*) FROM person q"
            "      WHERE substr(q.id_number, -4) = substr(p.id_number, -4)) < 40"
            " ORDER BY p.id LIMIT 1 OFFSET 7").fetchone()

    def search(self, *args):
        r = self.cli("people", "search", *args)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertTrue(lines)
        # "3 people", or in Chinese (the office's language here) "共 3 人".
        self.assertRegex(lines[-1], r"\d+", r.stdout)
        count = int(re.search(r"(\d+)", lines[-1]).group(1))
        self.assertEqual(count, len(lines) - 1, r.stdout)
        return [line.split("\t") for line in lines[:-1]]

    def test_people_search(self):
        name, phone, id_number = self.person()
        for query in (name[:2], name, phone[-4:], id_number[-4:].lower(), id_number[-6:]):
            found = self.search(query, "--limit", "200")
            self.assertIn([name, phone], [f[:2] for f in found], query)
        found = self.search(name)
        line = next(f for f in found if f[0] == name)
        self.assertEqual(len(line), 6)
        grid = self.db.execute("SELECT g.name FROM person p JOIN grid g ON g.id = p.grid_id"
                               " WHERE p.name = ?", (name,)).fetchone()
        if grid:
            self.assertEqual(line[3], grid[0])
        # --limit and --json
        found = self.search(name[:1], "--limit", "3")
        self.assertEqual(len(found), 3)
        r = self.cli("people", "search", name, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        self.assertEqual(data["count"], len(data["people"]))
        self.assertIn(phone, [p["phone"] for p in data["people"] if p["name"] == name])
        # Nothing found is not an error.
        self.assertEqual(self.search("不存在的名字"), [])

    # ---- usage ----

    def test_usage(self):
        pdf = self.path("usage.pdf")
        xlsx = self.path("usage.xlsx")
        cases = [
            ("notice", "contact-board", "--output", pdf),
            ("notice", "contact-board", "--grid", "第一网格"),
            ("notice", "contact-board", "--grid", "", "--output", pdf),
            ("notice", "contact-board", "--grid", "第一网格", "--output", pdf, "extra"),
            ("notice", "points", "--year", "2026", "--output", pdf),
            ("notice", "points", "--year", "2026", "--quarter", "5", "--output", pdf),
            ("notice", "points", "--year", "1999", "--quarter", "1", "--output", pdf),
            ("notice", "points", "--year", "abc", "--quarter", "1", "--output", pdf),
            ("notice", "points", "--year", "2026", "--quarter", "4"),
            ("export", "roster"),
            ("export", "roster", "--output", xlsx, "extra"),
            ("export", "roster", "--output", self.tmp.name),
            ("export", "points", "--year", "2026", "--output", xlsx),
            ("export", "points", "--year", "2026", "--quarter", "0", "--output", xlsx),
            ("people",),
            ("people", "frobnicate"),
            ("people", "search"),
            ("people", "search", "张", "--limit", "0"),
            ("people", "search", "张", "--bogus"),
        ]
        for args in cases:
            r = self.cli(*args)
            self.assertEqual(r.returncode, 2, (args, r.stdout, r.stderr))
            self.assertTrue(r.stderr.startswith("yishi-cli"), (args, r.stderr))
        self.assertFalse(os.path.exists(pdf))
        self.assertFalse(os.path.exists(xlsx))

    def test_help(self):
        r = run("notice", "--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("contact-board", r.stdout)
        self.assertIn("points", r.stdout)
        r = run("export", "--help")
        self.assertIn("roster", r.stdout)
        for args, option in ((("notice", "contact-board"), "--grid"),
                             (("notice", "points"), "--quarter"),
                             (("export", "roster"), "--output"),
                             (("export", "points"), "--year"),
                             (("people", "search"), "--limit")):
            h = run(*args, "--help")
            self.assertEqual(h.returncode, 0, (args, h.stderr))
            self.assertIn(option, h.stdout)
        r = run("--help")
        self.assertIn("people", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
