#!/usr/bin/env python3
# test_import_cli.py — yishi-cli import roster end to end: files written by an independent
# writer (openpyxl: a merged title row, date cells, phones stored as numbers) and by
# libxlsxwriter (bench-roster-xlsx), CSV in UTF-8, UTF-8 with BOM and GB18030 with CRLF;
# the verdict lines, dry runs, re-imports, the rejected-rows workbook, and files that are
# refused with the database left byte-identical.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

import openpyxl

CLI = os.environ.get("YISHI_CLI", "yishi-cli")
BENCH_WRITER = os.path.join(os.path.dirname(CLI), "..", "..", "bench", "bench-roster-xlsx")
LAST_LINE = re.compile(r"^imported (\d+), rejected (\d+)$")

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def make_id(birth, sequence):
    """A valid resident ID number: region 110101, birth YYYYMMDD, a sequence of three digits
    (odd last digit: a man) and its check digit."""
    body = "110101%s%03d" % (birth, sequence)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def bad_check_digit(id_number):
    return id_number[:17] + ("1" if id_number[17] == "0" else "0")


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                          timeout=300)


def file_bytes(path):
    """The database file and its write-ahead log, as they are on disk."""
    out = []
    for p in (path, path + "-wal"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                out.append(f.read())
        else:
            out.append(None)
    return out


def last_line(result):
    lines = result.stdout.rstrip("\n").split("\n")
    match = LAST_LINE.match(lines[-1])
    assert match, result.stdout
    return int(match.group(1)), int(match.group(2))


class ImportCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="yishi-import-")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def people(self, database):
        r = run("--database", database, "info", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)["people"]

    def import_ok(self, database, path, *extra):
        r = run("--database", database, "import", "roster", path, *extra)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        return r

    # -- files --

    def openpyxl_roster(self, name):
        """A roster as Excel users keep it: a merged title row, a header, dates as date cells
        and as text, phones as numbers and as text, an ID number with a lower-case x."""
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "花名册"
        ws.append(["幸福社区第一网格居民花名册"])
        ws.merge_cells("A1:J1")
        ws.append(["序号", "姓名", "性别", "出生日期", "公民身份号码", "联系电话", "所属网格",
                   "楼栋", "单元", "房号"])
        x_id = next(make_id("19800101", s) for s in range(1, 999, 2)
                    if make_id("19800101", s).endswith("X"))
        self.ids = {
            "张伟": make_id("19850307", 123),
            "李娜": make_id("19900101", 222),
            "王芳": x_id.lower(),
            "刘洋": bad_check_digit(make_id("19700202", 111)),
        }
        ws.append([1, "张伟", "男", datetime.datetime(1985, 3, 7), self.ids["张伟"], 13812345678,
                   "第一网格", "1号楼", "1单元", "101"])
        ws.append([2, " 李娜　", "女", "1990/1/1", self.ids["李娜"], "13912345678",
                   "第一网格", "1号楼", "1单元", "101"])
        ws.append([3, "王芳", "男", "1980.01.01", self.ids["王芳"], 13712345678.0,
                   "第一网格", "1号楼", "2单元", "201"])
        ws.append([])
        ws.append([4, "刘洋", "男", datetime.date(1970, 2, 2), self.ids["刘洋"], 13612345678,
                   "第一网格", "2号楼", "1单元", "301"])
        ws.append([5, "陈静", "女", "1975-13-01", "", "1.38E+10", "第一网格", "2号楼", "1单元", "301"])
        ws.append([6, "杨磊", "男", "", "", "", "", "", "", ""])
        for row in ws.iter_rows(min_row=3, min_col=4, max_col=4):
            for cell in row:
                if isinstance(cell.value, (datetime.date, datetime.datetime)):
                    cell.number_format = "yyyy-mm-dd"
        path = self.path(name)
        wb.save(path)
        return path

    def csv_roster(self, name, encoding, newline, bom=False):
        rows = [
            "幸福社区居民名单,,,",
            "姓名,性别,身份证号码,手机号码,人员类型",
            "张伟,男,%s,13812345678,户籍" % make_id("19850307", 123),
            "欧阳娜娜,女,,13912345678,外来",
            "",
            "王芳,女,%s,13712345678,租住" % make_id("19800101", 222),
        ]
        data = newline.join(rows) + newline
        raw = data.encode(encoding)
        if bom:
            raw = b"\xef\xbb\xbf" + raw
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(raw)
        return path

    # -- tests --

    def test_usage(self):
        self.assertEqual(run("import").returncode, 2)
        self.assertEqual(run("import", "frobnicate").returncode, 2)
        self.assertEqual(run("import", "roster").returncode, 2)
        self.assertEqual(run("import", "roster", "a.xlsx", "b.xlsx").returncode, 2)
        self.assertEqual(run("import", "roster", "--bogus", "a.xlsx").returncode, 2)
        h = run("import", "roster", "--help")
        self.assertEqual(h.returncode, 0)
        self.assertIn("--dry-run", h.stdout)
        self.assertIn("import", run("--help").stdout)

    def test_openpyxl_file(self):
        database = self.path("openpyxl.db")
        source = self.openpyxl_roster("openpyxl.xlsx")
        r = self.import_ok(database, source)
        lines = r.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0], "Format: xlsx")
        self.assertTrue(lines[1].startswith("Header in row 2: "), lines[1])
        self.assertIn("公民身份号码 → ID number", lines[1])
        self.assertIn("row 7: the check digit of the ID number is wrong", lines)
        rejected_8 = [l for l in lines if l.startswith("row 8: ")]
        self.assertEqual(len(rejected_8), 1, lines)
        self.assertIn("the birth date is not a possible date", rejected_8[0])
        self.assertIn("scientific notation", rejected_8[0])
        self.assertEqual(len([l for l in lines if l.startswith("row ")]), 2, lines)
        # Reasons never quote the personal data.
        for line in lines:
            if line.startswith("row "):
                self.assertNotIn("1975", line)
                self.assertNotIn("1.38", line)
                self.assertNotIn(self.ids["刘洋"], line)
        self.assertEqual(lines[-2], "already in the registry: 0")
        self.assertEqual(last_line(r), (4, 2))

        with sqlite3.connect(database) as db:
            rows = dict((r[0], r[1:]) for r in db.execute(
                "SELECT p.name, p.birth_date, p.phone, p.id_number, p.gender, h.room"
                " FROM person p LEFT JOIN household h ON h.id = p.household_id"))
            self.assertEqual(rows["张伟"], ("1985-03-07", "13812345678", self.ids["张伟"], "male", "101"))
            self.assertEqual(rows["李娜"], ("1990-01-01", "13912345678", self.ids["李娜"], "female", "101"))
            # The lower-case x repaired; the gender in the file contradicts the ID number's.
            self.assertEqual(rows["王芳"][2], self.ids["王芳"].upper())
            self.assertEqual(rows["王芳"][1], "13712345678")
            self.assertEqual(rows["王芳"][3], "female" if int(self.ids["王芳"][16]) % 2 == 0 else "male")
            self.assertEqual(rows["杨磊"], (None, "", None, "male", None))
            self.assertNotIn("刘洋", rows)
            self.assertNotIn("陈静", rows)
            self.assertEqual(db.execute("SELECT count(*) FROM grid").fetchone()[0], 1)
            self.assertEqual(db.execute("SELECT count(*) FROM household").fetchone()[0], 2)
            self.assertEqual(db.execute("SELECT count(*) FROM residence").fetchone()[0], 3)

        # The same file again adds nothing.
        r = self.import_ok(database, source)
        self.assertEqual(last_line(r), (0, 2))
        self.assertIn("already in the registry: 4", r.stdout.split("\n"))
        self.assertEqual(self.people(database), 4)

    def test_rejected_workbook(self):
        database = self.path("rejected.db")
        source = self.openpyxl_roster("rejected-source.xlsx")
        out = self.path("rejected.xlsx")
        r = run("--database", database, "import", "roster", source, "--rejected", out)
        if r.returncode == 2 and "--rejected" in r.stderr:
            self.skipTest("built without the rejected-rows workbook")
        self.assertEqual(r.returncode, 0, r.stderr)
        wb = openpyxl.load_workbook(out)
        ws = wb.worksheets[0]
        rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        header = [str(c) if c is not None else "" for c in rows[0]]
        self.assertIn("姓名", header)
        self.assertEqual(header[-1], "拒绝原因")
        names = [row[header.index("姓名")] for row in rows[1:]]
        self.assertEqual(sorted(n.strip() for n in names), ["刘洋", "陈静"])
        reasons = [row[-1] for row in rows[1:]]
        self.assertTrue(any("check digit" in (r or "") for r in reasons), reasons)
        # Fixed and imported again, the rejected rows come in.
        fixed = openpyxl.load_workbook(out)
        ws = fixed.worksheets[0]
        header_cells = [c.value for c in ws[1]]
        id_col = header_cells.index("公民身份号码") + 1
        name_col = header_cells.index("姓名")
        for row in ws.iter_rows(min_row=2):
            if str(row[name_col].value).strip() == "刘洋":
                row[id_col - 1].value = make_id("19700202", 111)
        fixed.save(self.path("fixed.xlsx"))
        r = self.import_ok(database, self.path("fixed.xlsx"))
        self.assertEqual(last_line(r)[0], 1)

    def test_csv_encodings(self):
        cases = [
            ("utf8.csv", "utf-8", "\n", False, "csv (UTF-8)"),
            ("bom.csv", "utf-8", "\n", True, "csv (UTF-8 with BOM)"),
            ("gb.csv", "gb18030", "\r\n", False, "csv (GB18030)"),
        ]
        for name, encoding, newline, bom, expected in cases:
            with self.subTest(name=name):
                database = self.path(name + ".db")
                r = self.import_ok(database, self.csv_roster(name, encoding, newline, bom))
                self.assertEqual(r.stdout.split("\n")[0], "Format: " + expected)
                self.assertIn("Header in row 2: ", r.stdout)
                self.assertEqual(last_line(r), (3, 0))
                with sqlite3.connect(database) as db:
                    got = sorted(db.execute("SELECT name, residence_type, phone FROM person"))
                self.assertEqual(got, [("张伟", "registered", "13812345678"),
                                       ("欧阳娜娜", "floating", "13912345678"),
                                       ("王芳", "tenant", "13712345678")])

    def test_dry_run(self):
        database = self.path("dry.db")
        source = self.openpyxl_roster("dry.xlsx")
        self.import_ok(database, self.csv_roster("dry-first.csv", "utf-8", "\n"))
        before_people = self.people(database)
        before = file_bytes(database)
        r = self.import_ok(database, source, "--dry-run")
        lines = r.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[-2], "dry run: nothing was written")
        self.assertEqual(lines[-3], "already in the registry: 1")  # 张伟, in both files
        self.assertEqual(last_line(r), (3, 2))
        self.assertEqual(self.people(database), before_people)
        self.assertEqual(file_bytes(database), before)
        # Against a database that does not exist: judged against an empty registry, and
        # nothing is created.
        missing = self.path("never.db")
        r = self.import_ok(missing, source, "--dry-run")
        self.assertEqual(last_line(r), (4, 2))
        self.assertFalse(os.path.exists(missing))

    def assert_refused(self, source, fragment):
        database = self.path("refuse.db")
        if not os.path.exists(database):
            self.import_ok(database, self.csv_roster("refuse-first.csv", "utf-8", "\n"))
            subprocess.run(["sqlite3", database, "pragma wal_checkpoint(truncate)"],
                           capture_output=True)
        before = file_bytes(database)
        r = run("--database", database, "import", "roster", source)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)
        self.assertIn(fragment, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(file_bytes(database), before)
        # Nor is a missing database created for a file that cannot be read.
        missing = self.path("not-created.db")
        r = run("--database", missing, "import", "roster", source)
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(missing))

    def test_refused_files(self):
        png = self.path("photo.xlsx")
        with open(png, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        self.assert_refused(png, "not a spreadsheet")

        xls = self.path("old.xls")
        with open(xls, "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
        self.assert_refused(xls, "save it as .xlsx")

        whole = self.openpyxl_roster("whole.xlsx")
        with open(whole, "rb") as f:
            data = f.read()
        truncated = self.path("truncated.xlsx")
        with open(truncated, "wb") as f:
            f.write(data[: len(data) // 2])
        self.assert_refused(truncated, "damaged or incomplete")

        self.assert_refused(self.path("does-not-exist.xlsx"), "does-not-exist.xlsx")

        no_header = self.path("no-header.csv")
        with open(no_header, "w", encoding="utf-8") as f:
            f.write("甲,乙,丙\n1,2,3\n")
        self.assert_refused(no_header, "No header row")

    def test_libxlsxwriter_file(self):
        if not os.path.exists(BENCH_WRITER):
            self.skipTest("bench-roster-xlsx is not built")
        source = self.path("bench.xlsx")
        w = subprocess.run([BENCH_WRITER, source, "2500", "7"], capture_output=True, text=True)
        self.assertEqual(w.returncode, 0, w.stderr)
        database = self.path("bench.db")
        r = self.import_ok(database, source)
        lines = r.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0], "Format: xlsx")
        self.assertTrue(lines[1].startswith("Header in row 2: "), lines[1])
        # One row in a thousand has a wrong check digit: people 1000 and 2000, in rows
        # 1002 and 2002 under the title and header.
        rejected = [l for l in lines if l.startswith("row ")]
        self.assertEqual(rejected, ["row 1002: the check digit of the ID number is wrong",
                                    "row 2002: the check digit of the ID number is wrong"])
        self.assertEqual(last_line(r), (2498, 2))

        # Read back independently: the registry holds what openpyxl reads in the file.
        wb = openpyxl.load_workbook(source, read_only=True)
        cells = list(wb.active.iter_rows(min_row=3, values_only=True))
        with sqlite3.connect(database) as db:
            for row in (cells[0], cells[1], cells[3], cells[2499]):
                got = db.execute("SELECT name, birth_date, phone FROM person WHERE id_number = ?",
                                 (row[4].upper(),)).fetchone()
                self.assertIsNotNone(got, row)
                self.assertEqual(got[0], row[1].strip(" \u3000"))
                birth = row[3]
                if isinstance(birth, datetime.datetime):
                    birth = birth.strftime("%Y-%m-%d")
                else:
                    parts = re.split(r"[/.]", birth)
                    birth = "%04d-%02d-%02d" % tuple(int(p) for p in parts)
                self.assertEqual(got[1], birth)
                phone = row[5]
                self.assertEqual(got[2], "" if phone is None else str(int(phone)) if isinstance(phone, float) else str(phone))
            members = db.execute("SELECT count(*) FROM party_membership").fetchone()[0]
            self.assertGreater(members, 0)
            self.assertEqual(members, sum(1 for i, row in enumerate(cells)
                                          if row[12] and i not in (999, 1999)))
        r = self.import_ok(database, source)
        self.assertEqual(last_line(r), (0, 2))


if __name__ == "__main__":
    unittest.main(verbosity=2)
