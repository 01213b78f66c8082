#!/usr/bin/env python3
# test_workbook.py — yishi-cli export ledger end to end: the workbook read back with
# openpyxl (an independent reader) and every figure checked against SQL over the same file.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import sqlite3
import subprocess
import tempfile
import unittest
import zipfile
from zoneinfo import ZoneInfo

import openpyxl

CLI = os.environ.get("YISHI_CLI", "yishi-cli")
ZONE = ZoneInfo("Asia/Shanghai")
CHINESE = {"LANGUAGE": "zh_CN", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "Asia/Shanghai"}

HEADERS = ["编号", "受理时间", "来源渠道", "类型", "类别", "紧急程度", "事项规模", "办理路径",
           "议题", "诉求内容", "诉求人", "联系电话", "网格", "楼栋", "单元", "地点", "责任方",
           "办理时限", "状态", "办结日期", "满意度", "按时办结", "受理月份"]
FIGURE_HEADERS = ["收集", "办结", "按时办结", "已评价", "满意（含基本满意）", "办结率",
                  "按时办结率", "满意率"]

# The figures recomputed independently: Asia/Shanghai has kept UTC+8 since 1991.
FIGURES_SQL = """
WITH m AS (
  SELECT i.id,
         strftime('%Y-%m', i.received_at, '+8 hours') AS month,
         coalesce(c.name, '（未分类）') AS category,
         i.state = 'closed' AS closed,
         i.state = 'closed' AND (i.deadline IS NULL
                                 OR date(i.closed_at, '+8 hours') <= i.deadline) AS on_time,
         (SELECT s.rating FROM satisfaction s WHERE s.issue_id = i.id
           ORDER BY s.at DESC, s.id DESC LIMIT 1) AS rating
    FROM issue i LEFT JOIN category c ON c.id = i.category_id
   WHERE i.received_at >= ? AND i.received_at < ?)
SELECT {key}, count(*), sum(closed), sum(on_time), count(rating),
       sum(coalesce(rating IN ('satisfied', 'basically_satisfied'), 0))
  FROM m GROUP BY {key}
"""


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                          timeout=300)


def utc_bound(day, days_later=0):
    d = datetime.date.fromisoformat(day) + datetime.timedelta(days=days_later)
    local = datetime.datetime(d.year, d.month, d.day, tzinfo=ZONE)
    return local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def figure_table(ws, heading):
    """The lines of one table of the statistics sheet: {label: [8 values]}, total."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    header = rows[start + 1]
    lines = {}
    for r in rows[start + 2:]:
        if r[0] == "合计":
            return header, lines, list(r[1:9])
        lines[r[0]] = list(r[1:9])
    raise AssertionError(f"no total under {heading}")


class Workbook(unittest.TestCase):
    FROM, TO = "2026-01-01", "2026-12-31"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="yishi-workbook-")
        cls.demo = os.path.join(cls.tmp.name, "demo.db")
        r = run("demo", "--output", cls.demo, "--today", "2026-12-01", "--seed", "2")
        assert r.returncode == 0, r.stderr
        cls.out_dir = os.path.join(cls.tmp.name, "out")
        os.mkdir(cls.out_dir)
        cls.xlsx = os.path.join(cls.out_dir, "ledger.xlsx")
        # constant_memory's temporary files go under TMPDIR and must be gone afterwards.
        cls.tmpdir = os.path.join(cls.tmp.name, "tmpdir")
        os.mkdir(cls.tmpdir)
        cls.result = run("--database", cls.demo, "export", "ledger", "--from", cls.FROM,
                         "--to", cls.TO, "--output", cls.xlsx,
                         env=dict(CHINESE, TMPDIR=cls.tmpdir))
        assert cls.result.returncode == 0, cls.result.stderr
        cls.book = openpyxl.load_workbook(cls.xlsx, read_only=False, data_only=True)
        cls.db = sqlite3.connect(cls.demo)
        cls.bounds = (utc_bound(cls.FROM), utc_bound(cls.TO, 1))

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def expected_rows(self):
        return self.db.execute(
            "SELECT serial, title, requester_name, requester_phone, received_at, state"
            " FROM issue WHERE received_at >= ? AND received_at < ?"
            " ORDER BY received_at, id", self.bounds).fetchall()

    def test_output_line(self):
        n = len(self.expected_rows())
        self.assertIn(self.xlsx, self.result.stdout)
        self.assertIn(str(n), self.result.stdout)
        # Nothing left over beside the workbook, nor in the temporary folder.
        self.assertEqual(os.listdir(self.out_dir), ["ledger.xlsx"])
        self.assertEqual(os.listdir(self.tmpdir), [])

    def test_sheets(self):
        self.assertEqual(self.book.sheetnames, ["议题台账", "统计", "说明"])

    def test_ledger_layout(self):
        ws = self.book["议题台账"]
        self.assertIn("内部资料", ws["A1"].value)
        self.assertIn("A1:W1", [str(r) for r in ws.merged_cells.ranges])
        self.assertEqual([c.value for c in ws[2]], HEADERS)
        self.assertEqual(ws.freeze_panes, "B3")
        n = len(self.expected_rows())
        self.assertEqual(ws.auto_filter.ref, f"A2:W{2 + n}")
        self.assertEqual(ws.max_row, 2 + n)

    def test_ledger_rows_match_database(self):
        ws = self.book["议题台账"]
        expected = self.expected_rows()
        self.assertGreater(len(expected), 300)
        got = list(ws.iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(got), len(expected))
        # The order and the serials, all of them.
        self.assertEqual([r[0] for r in got], [e[0] for e in expected])
        for k in (0, len(expected) // 3, len(expected) - 1):
            serial, title, name, phone, received_at, state = expected[k]
            row = got[k]
            self.assertEqual(row[0], serial)
            self.assertEqual(row[8], title)
            # Internal: names and phones unmasked.
            if name:
                self.assertEqual(row[10], name)
            self.assertEqual(row[11] or "", phone)
            local = datetime.datetime.strptime(received_at, "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=datetime.timezone.utc).astimezone(ZONE)
            # A real date and time, to the minute, in local time.
            self.assertEqual(row[1], local.replace(second=0, tzinfo=None))
            self.assertEqual(row[22], local.strftime("%Y-%m"))
        self.assertFalse(any("*" in (r[11] or "") for r in got))

    def test_dates_are_dates(self):
        ws = self.book["议题台账"]
        expected = dict(self.db.execute(
            "SELECT serial, deadline FROM issue WHERE received_at >= ? AND received_at < ?"
            " AND deadline IS NOT NULL", self.bounds).fetchall())
        closed = dict(self.db.execute(
            "SELECT serial, date(closed_at, '+8 hours') FROM issue WHERE received_at >= ?"
            " AND received_at < ? AND state = 'closed'", self.bounds).fetchall())
        for row in ws.iter_rows(min_row=3):
            serial = row[0].value
            self.assertEqual(row[1].number_format, "yyyy-mm-dd hh:mm")
            if serial in expected:
                self.assertEqual(row[17].value.date().isoformat(), expected[serial])
                self.assertEqual(row[17].number_format, "yyyy-mm-dd")
            if serial in closed:
                self.assertEqual(row[19].value.date().isoformat(), closed[serial])
                on_time = closed[serial] <= expected.get(serial, "9999")
                self.assertEqual(row[21].value, "是" if on_time else "否", serial)
            else:
                self.assertIsNone(row[19].value)
                self.assertIsNone(row[21].value)

    def test_same_without_reading_ahead(self):
        out = self.path("serial.xlsx")
        r = run("--database", self.demo, "export", "ledger", "--from", self.FROM, "--to",
                self.TO, "--output", out, env=dict(CHINESE, YISHI_WORKBOOK_READ_AHEAD="0"))
        self.assertEqual(r.returncode, 0, r.stderr)
        book = openpyxl.load_workbook(out, data_only=True)
        for name in ("议题台账", "统计"):
            self.assertEqual(list(book[name].iter_rows(values_only=True)),
                             list(self.book[name].iter_rows(values_only=True)), name)

    def test_labels_are_translated(self):
        ws = self.book["议题台账"]
        states = {r[0] for r in ws.iter_rows(min_row=3, min_col=19, max_col=19, values_only=True)}
        self.assertIn("已办结", states)
        ratings = {r[0] for r in ws.iter_rows(min_row=3, min_col=21, max_col=21, values_only=True)}
        self.assertIn("满意", ratings)
        on_time = {r[0] for r in ws.iter_rows(min_row=3, min_col=22, max_col=22, values_only=True)}
        self.assertLessEqual(on_time, {"是", "否", None})

    def test_figures_by_month(self):
        ws = self.book["统计"]
        header, lines, total = figure_table(ws, "按月份")
        self.assertEqual(list(header[:9]), ["月份"] + FIGURE_HEADERS)
        sql = {r[0]: r[1:] for r in self.db.execute(FIGURES_SQL.format(key="month"),
                                                      self.bounds)}
        self.assertEqual(list(lines), [f"2026-{m:02d}" for m in range(1, 13)])
        for month, line in lines.items():
            collected, closed, on_time, rated, satisfied = sql.get(month, (0, 0, 0, 0, 0))
            self.assertEqual(line[:5], [collected, closed, on_time, rated, satisfied], month)
            if collected:
                self.assertAlmostEqual(line[5], closed / collected, places=9)
            if closed:
                self.assertAlmostEqual(line[6], on_time / closed, places=9)
            if rated:
                self.assertAlmostEqual(line[7], satisfied / rated, places=9)
        busy = max(sql, key=lambda m: sql[m][0])
        self.assertGreater(sql[busy][3], 0)
        self.assertEqual(total[0], len(self.expected_rows()))
        self.assertEqual(total[1], sum(v[1] for v in sql.values()))

    def test_figures_by_category_and_grid(self):
        ws = self.book["统计"]
        _, lines, total = figure_table(ws, "按类别")
        sql = {r[0]: r[1:] for r in self.db.execute(FIGURES_SQL.format(key="category"),
                                                      self.bounds)}
        self.assertEqual(set(lines), set(sql))
        for name, (collected, closed, on_time, rated, satisfied) in sql.items():
            line = lines[name]
            self.assertEqual(line[:5], [collected, closed, on_time, rated, satisfied], name)
            self.assertAlmostEqual(line[5], closed / collected, places=9)
            if rated:
                self.assertAlmostEqual(line[7], satisfied / rated, places=9)
        self.assertEqual(total[0], len(self.expected_rows()))
        _, grids, grid_total = figure_table(ws, "按网格")
        self.assertEqual(sum(v[0] for v in grids.values()), len(self.expected_rows()))
        self.assertEqual(grid_total[:5], total[:5])
        self.assertEqual(ws["G6"].number_format, "0.0%")

    def test_chart(self):
        with zipfile.ZipFile(self.xlsx) as z:
            names = z.namelist()
            self.assertIn("xl/charts/chart1.xml", names)
            chart = z.read("xl/charts/chart1.xml").decode()
        self.assertIn("barChart", chart)
        self.assertIn("统计", chart)
        self.assertEqual(chart.count("<c:ser>"), 2)

    def test_print_setup(self):
        ws = self.book["议题台账"]
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(str(ws.page_setup.paperSize), "9")
        # Fit to one page wide (1 is the default, left out of the file), any height.
        self.assertIn(ws.page_setup.fitToWidth, (None, 1, "1"))
        self.assertEqual(str(ws.page_setup.fitToHeight), "0")
        self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
        self.assertIn(ws.print_title_rows, ("2:2", "$2:$2"))
        self.assertIn("内部资料", ws.oddHeader.left.text)
        self.assertIn("&P", ws.oddFooter.center.text)

    def test_notes(self):
        ws = self.book["说明"]
        values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
        self.assertIn(self.FROM, values["范围"])
        self.assertIn(self.TO, values["范围"])
        self.assertEqual(values["议题数"], len(self.expected_rows()))
        self.assertRegex(values["生成时间"], r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")

    def test_bad_input(self):
        out = self.path("bad.xlsx")
        cases = [
            ("--from", "2026-12-31", "--to", "2026-01-01", "--output", out),
            ("--from", "2026-02-30", "--to", "2026-03-01", "--output", out),
            ("--from", "2026/01/01", "--to", "2026-03-01", "--output", out),
            ("--from", "2026-01-01", "--output", out),
            ("--from", "2026-01-01", "--to", "2026-03-01"),
            ("--from", "2026-01-01", "--to", "2026-03-01", "--output", out, "extra"),
        ]
        for args in cases:
            r = run("--database", self.demo, "export", "ledger", *args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)
            self.assertFalse(os.path.exists(out), args)
        r = run("--database", self.demo, "export", "ledger", "--from", "2026-12-31", "--to",
                "2026-01-01", "--output", out)
        self.assertIn("2026-12-31", r.stderr)
        self.assertEqual(run("--database", self.demo, "export").returncode, 2)
        self.assertEqual(run("--database", self.demo, "export", "roster").returncode, 2)
        # A database error is 1, and nothing is written.
        r = run("--database", self.path("nowhere.db"), "export", "ledger", "--from",
                "2026-01-01", "--to", "2026-01-31", "--output", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertFalse(os.path.exists(out))
        # An unwritable folder: an error, and no stray file.
        r = run("--database", self.demo, "export", "ledger", "--from", "2026-01-01", "--to",
                "2026-01-31", "--output", self.path("no/such/folder/x.xlsx"))
        self.assertEqual(r.returncode, 1, r.stderr)

    def test_help(self):
        r = run("export", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("ledger", r.stdout)
        r = run("export", "ledger", "--help")
        self.assertEqual(r.returncode, 0)
        for option in ("--from", "--to", "--output"):
            self.assertIn(option, r.stdout)

    def test_empty_range(self):
        out = self.path("empty.xlsx")
        r = run("--database", self.demo, "export", "ledger", "--from", "2020-01-01", "--to",
                "2020-01-31", "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        book = openpyxl.load_workbook(out, data_only=True)
        ws = book["议题台账"]
        self.assertEqual(ws.max_row, 2)
        self.assertEqual([c.value for c in ws[2]], HEADERS)
        self.assertEqual(ws.auto_filter.ref, "A2:W2")
        _, lines, total = figure_table(book["统计"], "按月份")
        self.assertEqual(list(lines), ["2020-01"])
        self.assertEqual(lines["2020-01"][:5], [0, 0, 0, 0, 0])
        self.assertIsNone(lines["2020-01"][5])
        self.assertEqual(total[0], 0)

    def test_replaces_existing_file(self):
        out = self.path("again.xlsx")
        with open(out, "w") as f:
            f.write("old")
        r = run("--database", self.demo, "export", "ledger", "--from", "2026-11-01", "--to",
                "2026-11-30", "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(zipfile.is_zipfile(out))
        n = self.db.execute("SELECT count(*) FROM issue WHERE received_at >= ? AND received_at < ?",
                            (utc_bound("2026-11-01"), utc_bound("2026-11-30", 1))).fetchone()[0]
        ws = openpyxl.load_workbook(out)["议题台账"]
        self.assertEqual(ws.max_row, 2 + n)


if __name__ == "__main__":
    unittest.main(verbosity=2)
