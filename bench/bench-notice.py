#!/usr/bin/env python3
# bench-notice.py — how fast Yishi writes the monthly three lists (三张清单) as a PDF,
# against LibreOffice Calc printing the same rows to PDF from a CSV, in the same run.
#
# A street-scale demo database is generated up to --today and the month whose three
# lists come closest to --rows rows is used: with the default 2026-12-06 that is
# December so far, ≈500 rows (full months of a street have 1,000–1,500). Each Yishi
# run is a whole `yishi-cli notice three-lists` process (open, query, mask, lay out,
# write); each LibreOffice run is a whole `soffice --headless --convert-to pdf`
# process on a warm profile, converting a CSV of the same rows and columns.
#
# Usage: bench/bench-notice.py [--build DIR] [--rows 500] [--today 2026-12-06]
#                              [--runs 21] [--lo-runs 7]
# Needs libreoffice-calc (apt-get install -y --no-install-recommends libreoffice-calc).
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import csv
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, TZ="Asia/Shanghai", LANGUAGE="zh_CN", LANG="C.UTF-8", LC_ALL="C.UTF-8")
LISTS = """
  select 'problems' as list, serial, received_at, requester_name, anonymous, b.name, g.name,
         place_text, c.name, title, responsible_text, deadline, state, closed_at
    from issue i left join building b on b.id = i.building_id left join grid g on g.id = i.grid_id
         left join category c on c.id = i.category_id
   where kind = 'problem' and state <> 'merged' and strftime('%Y-%m', received_at, '+8 hours') = :month
  union all
  select 'needs', serial, received_at, requester_name, anonymous, b.name, g.name, place_text,
         c.name, title, responsible_text, deadline, state, closed_at
    from issue i left join building b on b.id = i.building_id left join grid g on g.id = i.grid_id
         left join category c on c.id = i.category_id
   where kind = 'need' and state <> 'merged' and strftime('%Y-%m', received_at, '+8 hours') = :month
  union all
  select 'closed', serial, received_at, requester_name, anonymous, b.name, g.name, place_text,
         c.name, title, responsible_text, deadline, state, closed_at
    from issue i left join building b on b.id = i.building_id left join grid g on g.id = i.grid_id
         left join category c on c.id = i.category_id
   where state = 'closed' and strftime('%Y-%m', closed_at, '+8 hours') = :month
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def timed(command, cwd=None):
    start = time.perf_counter()
    r = subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=cwd)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{r.stderr}")
    return elapsed


def pick_month(db, rows):
    counts = {}
    for (month,) in db.execute("select distinct strftime('%Y-%m', received_at, '+8 hours') from issue"):
        counts[month] = db.execute(f"select count(*) from ({LISTS})", {"month": month}).fetchone()[0]
    return min(counts, key=lambda m: (abs(counts[m] - rows), m)), counts


def write_csv(db, month, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["清单", "编号", "受理日期", "反映人", "地点", "类别", "事项", "责任主体",
                      "办理时限", "办理状态", "办结日期"])
        n = 0
        for (kind, serial, received, name, anonymous, building, grid, place, category, title,
             responsible, deadline, state, closed) in db.execute(LISTS, {"month": month}):
            who = "匿名" if anonymous else (name[:1] + "*" * (len(name) - 1) if name else "")
            out.writerow([kind, serial, received[:10], who, building or grid or place,
                          category or "", title, responsible, deadline or "", state,
                          (closed or "")[:10]])
            n += 1
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.environ.get("BUILD_DIR", os.path.join(TOP, "_build-bench")))
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--today", default="2026-12-06")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--lo-runs", type=int, default=7)
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-calc")
    if not os.path.exists(os.path.join(args.build, "build.ninja")):
        subprocess.run(["meson", "setup", args.build, TOP, "--buildtype=release"], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["meson", "compile", "-C", args.build, "src/cli/yishi-cli:executable"], check=True,
                   stdout=subprocess.DEVNULL)
    cli = os.path.join(args.build, "src", "cli", "yishi-cli")

    work = tempfile.mkdtemp(prefix="yishi-bench-notice-")
    try:
        db_path = os.path.join(work, "street.db")
        subprocess.run([cli, "demo", "--scale", "street", "--output", db_path, "--seed", "1",
                        "--today", args.today], check=True, env=ENV, capture_output=True)
        with sqlite3.connect(db_path) as db:
            month, counts = pick_month(db, args.rows)
            csv_path = os.path.join(work, f"three-lists-{month}.csv")
            n_rows = write_csv(db, month, csv_path)

        pdf = os.path.join(work, "yishi.pdf")
        command = [cli, "--database", db_path, "notice", "three-lists", "--month", month,
                   "--output", pdf]
        timed(command)  # warm the page cache and the font cache
        yishi = [timed(command) for _ in range(args.runs)]
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")

        profile = "file://" + os.path.join(work, "lo-profile")
        lo_out = os.path.join(work, "lo")
        lo_command = [soffice, f"-env:UserInstallation={profile}", "--headless",
                      "--infilter=CSV:44,34,76,1", "--convert-to", "pdf", "--outdir", lo_out,
                      csv_path]
        timed(lo_command)  # the first start creates the profile
        office = [timed(lo_command) for _ in range(args.lo_runs)]

        print(f"Yishi three lists vs LibreOffice Calc — {os.cpu_count()} cores, "
              f"{time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}")
        print(f"month {month}: {n_rows} rows (problems + needs + closed), Yishi PDF {pages} pages")
        print(f"yishi-cli notice three-lists  median {statistics.median(yishi):.3f} s  "
              f"p95 {percentile(yishi, 0.95):.3f} s  ({args.runs} runs)")
        print(f"libreoffice --convert-to pdf  median {statistics.median(office):.3f} s  "
              f"p95 {percentile(office, 0.95):.3f} s  ({args.lo_runs} runs)")
        print(f"ratio (LibreOffice / Yishi, medians) {statistics.median(office) / statistics.median(yishi):.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
