#!/usr/bin/env python3
# test_notice_cli.py — yishi-cli notice three-lists|receipt end to end: exit codes, --help,
# the PDFs read back with pdftotext/pdfinfo/pdffonts (poppler-utils), counts against
# SQL, and nothing personal printed.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get("YISHI_CLI", "yishi-cli")
MONTH = "2026-11"
# Text extraction may run a serial and a date together (no space between cells).
SERIAL = re.compile(r"(?:(?<![0-9])|(?<=[0-9]{4}-[0-9]{2}-[0-9]{2}))20[0-9]{2}-[0-9]{4}"
                    r"(?:(?![0-9])|(?=[0-9]{4}-[0-9]{2}-[0-9]{2}))")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
OFFICE = {"TZ": "Asia/Shanghai", "LANGUAGE": "zh_CN", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


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


def pdf_pages(path):
    """The text of each page (pdftotext separates them with form feeds)."""
    return pdf_text(path).split("\f")[:-1]


def pdf_info(path):
    r = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in r.stdout.splitlines() if ":" in line)


def mask_phone(phone):
    return phone[:3] + "****" + phone[7:]


class NoticeCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="yishi-notice-cli-")
        cls.demo = os.path.join(cls.tmp.name, "demo.db")
        r = run("demo", "--output", cls.demo, "--today", "2026-12-01")
        assert r.returncode == 0, r.stderr
        with sqlite3.connect(cls.demo) as db:
            columns = [row[1] for row in db.execute("pragma table_info(issue)")]
            live = " AND deleted_at IS NULL" if "deleted_at" in columns else ""

            def count(condition, column):
                return db.execute(f"select count(*) from issue where {condition} and"
                                  f" strftime('%Y-%m', {column}, '+8 hours') = ?{live}",
                                  (MONTH,)).fetchone()[0]

            cls.problems = count("kind = 'problem' and state <> 'merged'", "received_at")
            cls.needs = count("kind = 'need' and state <> 'merged'", "received_at")
            cls.closed = count("state = 'closed'", "closed_at")
            cls.community, cls.phone = db.execute(
                "select name, supervision_phone from community order by id limit 1").fetchone()
            cls.receipt = db.execute(
                "select serial, requester_phone, deadline from issue where anonymous = 0"
                " and length(requester_phone) = 11 and deadline is not null"
                f"{live} order by id desc limit 1").fetchone()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def notice(self, *args, **kwargs):
        return run("--database", self.demo, "notice", *args, **kwargs)

    def assert_public(self, text):
        self.assertIsNone(MOBILE.search(text), "a mobile number is printed")
        self.assertIsNone(ID_NUMBER.search(text), "an ID number is printed")
        squeezed = re.sub(r"\s+", "", text)
        self.assertIsNone(MOBILE.search(squeezed), "a mobile number is printed across lines")
        self.assertIsNone(ID_NUMBER.search(squeezed), "an ID number is printed across lines")

    def test_usage(self):
        out = self.path("usage.pdf")
        cases = [
            (),
            ("frobnicate",),
            ("three-lists", "--output", out),
            ("three-lists", "--month", "2026-13", "--output", out),
            ("three-lists", "--month", "2026-00", "--output", out),
            ("three-lists", "--month", "2026-1", "--output", out),
            ("three-lists", "--month", "November", "--output", out),
            ("three-lists", "--month", MONTH),
            ("three-lists", "--month", MONTH, "--output", out, "extra"),
            ("three-lists", "--bogus"),
            ("receipt", "--output", out),
            ("receipt", "2026-0001"),
            ("receipt", "2026-0001", "2026-0002", "--output", out),
        ]
        for args in cases:
            r = self.notice(*args)
            self.assertEqual(r.returncode, 2, (args, r.stdout, r.stderr))
            self.assertTrue(r.stderr.startswith("yishi-cli"), (args, r.stderr))
        self.assertFalse(os.path.exists(out))

    def test_help(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("notice", r.stdout)
        r = run("notice", "--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("three-lists", r.stdout)
        self.assertIn("receipt", r.stdout)
        for command, option in (("three-lists", "--month"), ("receipt", "--output")):
            h = run("notice", command, "--help")
            self.assertEqual(h.returncode, 0, h.stderr)
            self.assertIn(command, h.stdout)
            self.assertIn(option, h.stdout)
            self.assertIn("--title-font", h.stdout)

    def test_three_lists(self):
        out = self.path("three-lists.pdf")
        r = self.notice("three-lists", "--month", MONTH, "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), out)
        text = pdf_text(out)
        pages = pdf_pages(out)

        self.assertIn(f"{self.community}2026年11月“三张清单”", text)
        for heading in ("问题清单", "需求清单", "办结清单"):
            self.assertIn(heading, text)
        self.assertIn(f"本月共登记问题 {self.problems} 件", text)
        self.assertIn(f"本月共登记需求 {self.needs} 件", text)
        self.assertIn(f"本月共办结事项 {self.closed} 件", text)
        self.assertEqual(len(SERIAL.findall(text)), self.problems + self.needs + self.closed)
        self.assertIn(f"监督电话：{self.phone}", text)
        self.assertRegex(text, "已答复|已回访|办理中|落实中|不予受理|已受理|已派单")
        self.assert_public(text)

        self.assertGreater(len(pages), 3)
        for number, page in enumerate(pages, 1):
            self.assertIn(f"— {number} —", page)
            if SERIAL.search(page):
                self.assertIn("受理日期", page)
                self.assertIn("责任主体", page)

        info = pdf_info(out)
        width, height = map(float, re.findall(r"[0-9.]+", info["Page size"])[:2])
        self.assertGreater(width, height)
        fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        self.assertTrue(fonts)
        for line in fonts:
            self.assertIn(" yes ", line, line)

        # Fonts of the office's choice; a family that is missing falls back, never fails.
        other = self.path("other-fonts.pdf")
        r = self.notice("three-lists", "--month", MONTH, "--output", other,
                        "--title-font", "Noto Sans CJK SC Bold", "--body-font", "Noto Sans CJK SC")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("问题清单", pdf_text(other))

    def test_chinese_whatever_the_interface_language(self):
        # A notice is a Chinese document: its state labels do not follow LANGUAGE.
        out = self.path("three-lists-c.pdf")
        r = self.notice("three-lists", "--month", MONTH, "--output", out,
                        env={"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        self.assertEqual(r.returncode, 0, r.stderr)
        text = pdf_text(out)
        self.assertIn("已办结", text)
        for english in ("Closed", "Received", "In progress", "Answered", "Followed up"):
            self.assertNotIn(english, text)

    def test_empty_month(self):
        out = self.path("empty.pdf")
        r = self.notice("three-lists", "--month", "2010-01", "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(pdf_info(out)["Pages"].strip(), "1")
        text = pdf_text(out)
        self.assertIn("本月没有登记的问题和需求，也没有办结事项。", text)
        self.assertIn("2010年1月", text)

    def test_receipt(self):
        serial, phone, deadline = self.receipt
        out = self.path("receipt.pdf")
        r = self.notice("receipt", serial, "--output", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), out)
        text = pdf_text(out)
        self.assertIn("受理回执", text)
        self.assertIn(serial, text)
        year, month, day = map(int, deadline.split("-"))
        self.assertIn(f"{year}年{month}月{day}日", text)
        self.assertIn(mask_phone(phone), text)
        self.assertNotIn(phone, text)
        self.assert_public(text)
        info = pdf_info(out)
        width, height = map(float, re.findall(r"[0-9.]+", info["Page size"])[:2])
        self.assertLess(width, height)

    def test_errors(self):
        out = self.path("nothing.pdf")
        r = self.notice("receipt", "1999-9999", "--output", out)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)
        self.assertIn("1999-9999", r.stderr)
        self.assertFalse(os.path.exists(out))

        r = run("--database", self.path("nowhere.db"), "notice", "three-lists", "--month", MONTH,
                "--output", out)
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(self.path("nowhere.db")))

        r = self.notice("three-lists", "--month", MONTH, "--output",
                        self.path("no-such-folder/x.pdf"))
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
