#!/usr/bin/env python3
# test_cli.py — yishi-cli end to end: exit codes, --help, info --json, demo, check,
# backup and restore, and bad files that must stay byte-identical.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("YISHI_CLI", "yishi-cli")


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                          timeout=300)


def digest(path):
    with open(path, "rb") as f:
        return f.read()


class Cli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="yishi-cli-")
        cls.demo = os.path.join(cls.tmp.name, "demo.db")
        r = run("demo", "--scale", "community", "--output", cls.demo, "--seed", "3",
                "--today", "2026-12-01")
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_usage(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("--bogus").returncode, 2)
        self.assertEqual(run("info", "--bogus").returncode, 2)
        self.assertEqual(run("backup").returncode, 2)
        self.assertEqual(run("restore").returncode, 2)
        self.assertEqual(run("demo", "--output", self.path("x.db"), "--scale", "planet").returncode, 2)
        self.assertEqual(run("demo", "--output", self.path("x.db"), "--today", "2026-13-45").returncode, 2)
        self.assertFalse(os.path.exists(self.path("x.db")))

    def test_help(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        for command in ("demo", "info", "check", "backup", "restore"):
            self.assertIn(command, r.stdout)
            h = run(command, "--help")
            self.assertEqual(h.returncode, 0, command)
            self.assertIn(command, h.stdout)

    def test_info_json(self):
        r = run("--database", self.demo, "info", "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        info = json.loads(r.stdout)
        for key in ("schema_version", "people", "households", "buildings", "grids", "issues",
                    "meetings"):
            self.assertIn(key, info)
        self.assertEqual(info["schema_version"], 3)
        self.assertEqual(info["issues"], 1500)
        self.assertEqual(info["meetings"], 60)
        self.assertTrue(4750 <= info["people"] <= 5250, info["people"])
        with sqlite3.connect(self.demo) as db:
            self.assertEqual(db.execute("select count(*) from household").fetchone()[0],
                             info["households"])

    def test_info_text_is_translated(self):
        r = run("--database", self.demo, "info", env={"LANGUAGE": "zh_CN", "LANG": "C.UTF-8",
                                                       "LC_ALL": "C.UTF-8"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("数据版本", r.stdout)
        r = run("--database", self.path("nowhere.db"), "info",
                env={"LANGUAGE": "zh_CN", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        self.assertEqual(r.returncode, 1)
        self.assertIn("不存在", r.stderr)

    def test_demo_is_deterministic(self):
        a, b = self.path("a.db"), self.path("b.db")
        for p in (a, b):
            r = run("demo", "--output", p, "--seed", "11", "--today", "2026-06-30")
            self.assertEqual(r.returncode, 0, r.stderr)
        tables = ["person", "issue", "issue_event", "meeting", "agenda_item", "points_entry"]
        with sqlite3.connect(a) as da, sqlite3.connect(b) as db:
            for t in tables:
                q = f"select * from {t} order by id"
                self.assertEqual(da.execute(q).fetchall(), db.execute(q).fetchall(), t)
        # An existing file is not overwritten.
        before = digest(a)
        r = run("demo", "--output", a, "--seed", "12")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(digest(a), before)

    def test_check(self):
        r = run("--database", self.demo, "check")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_backup_restore(self):
        live = self.path("live.db")
        backup = self.path("live-backup.db")
        r = run("demo", "--output", live, "--seed", "5", "--today", "2026-12-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(run("--database", live, "backup", "--output", backup).returncode, 0)
        # Refuses to overwrite.
        self.assertEqual(run("--database", live, "backup", "--output", backup).returncode, 1)
        with sqlite3.connect(live) as db:
            db.execute("delete from points_entry")
        r = run("--database", live, "restore", backup)
        self.assertEqual(r.returncode, 0, r.stderr)
        with sqlite3.connect(live) as db:
            self.assertGreater(db.execute("select count(*) from points_entry").fetchone()[0], 0)
        safety = [f for f in os.listdir(self.path("backups")) if f.startswith("yishi-before-restore-")]
        self.assertEqual(len(safety), 1)
        with sqlite3.connect(os.path.join(self.path("backups"), safety[0])) as db:
            self.assertEqual(db.execute("select count(*) from points_entry").fetchone()[0], 0)

    def assert_refused(self, path, *args):
        before = digest(path)
        r = run("--database", path, *args)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertTrue(r.stderr.startswith("yishi-cli: "), r.stderr)
        self.assertGreater(len(r.stderr), 20)
        self.assertEqual(digest(path), before)
        return r.stderr

    def test_bad_files(self):
        text = self.path("notes.txt")
        with open(text, "w") as f:
            f.write("居民意见\n")
        self.assertIn("not a Yishi database", self.assert_refused(text, "info"))

        newer = self.path("newer.db")
        run("demo", "--output", newer, "--seed", "2")
        with sqlite3.connect(newer) as db:
            db.execute("pragma user_version = 42")
        db.close()
        subprocess.run(["sqlite3", newer, "pragma journal_mode=delete"], capture_output=True)
        message = self.assert_refused(newer, "info")
        self.assertIn("newer version of Yishi", message)
        self.assert_refused(newer, "restore", self.demo)

        corrupt = self.path("corrupt.db")
        run("demo", "--output", corrupt, "--seed", "4")
        subprocess.run(["sqlite3", corrupt, "pragma journal_mode=delete"], capture_output=True)
        with open(corrupt, "r+b") as f:
            size = os.path.getsize(corrupt)
            for offset in range(8192, size, 4096 * 7):
                f.seek(offset)
                f.write(b"\xff" * 100)
        self.assertIn("damaged", self.assert_refused(corrupt, "check"))

        missing = self.path("missing.db")
        r = run("--database", missing, "info")
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(missing))

    def test_restore_from_bad_backup_changes_nothing(self):
        live = self.path("keep.db")
        run("demo", "--output", live, "--seed", "9")
        subprocess.run(["sqlite3", live, "pragma wal_checkpoint(truncate)"], capture_output=True)
        with sqlite3.connect(live) as db:
            before = db.execute("select count(*), total(points) from points_entry").fetchone()
        bad = self.path("bad.db")
        with open(bad, "wb") as f:
            f.write(b"PK\x03\x04" + b"\0" * 200)
        r = run("--database", live, "restore", bad)
        self.assertEqual(r.returncode, 1)
        with sqlite3.connect(live) as db:
            self.assertEqual(db.execute("select count(*), total(points) from points_entry").fetchone(),
                             before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
