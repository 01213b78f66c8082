#!/usr/bin/env bash
# Prints figures for the ledger workbook on the district demo database (200,000 matters):
# yishi-cli export ledger (wall time and peak RSS, N runs, median and p95), the same cells
# written by libxlsxwriter alone (bench-xlsx-raw.c, constant_memory, no database) and by
# openpyxl's write-only mode, and the ratios against the goals
# (Yishi ≤ 3 s and ≤ 100 MB; within 20% of libxlsxwriter alone; ≥ 5× faster than openpyxl).
#
# Usage: bench/bench-workbook.sh [--runs N] [--openpyxl-runs N] [--database FILE] [--scale SCALE]
# (--database: an existing demo file instead of generating one, ~40 s at district scale)
# Compiles nothing of its own but bench-xlsx-raw.c, into a temporary folder.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
runs=5
openpyxl_count=
scale=district
db=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --openpyxl-runs) openpyxl_count=$2; shift 2 ;;
    --database) db=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    *) echo "usage: bench/bench-workbook.sh [--runs N] [--openpyxl-runs N] [--database FILE]" \
            "[--scale SCALE]" >&2
       exit 2 ;;
  esac
done
openpyxl_count=${openpyxl_count:-$runs}

[ -f "$build/build.ninja" ] || meson setup "$build" "$top" --buildtype=release >/dev/null
meson compile -C "$build" >/dev/null
cli="$build/src/cli/yishi-cli"
python=/usr/bin/python3

work=$(mktemp -d "${TMPDIR:-/tmp}/yishi-bench-workbook-XXXXXX")
trap 'rm -rf "$work"' EXIT
# The labels in Chinese, as an office sees them (and as the TSV of the other writers has them).
export LANGUAGE=zh_CN LC_ALL=C.UTF-8 TZ=Asia/Shanghai YISHI_LOCALEDIR="$build/po"

if [ -z "$db" ]; then
  db="$work/$scale.db"
  start=$(date +%s.%N)
  "$cli" demo --scale "$scale" --output "$db" --seed 1 --today 2026-12-01 >/dev/null
  printf "generate-s %.1f (scale %s)\n" "$($python -c "print($(date +%s.%N) - $start)")" "$scale"
fi

# The whole ledger: first to last day of receipt, local time.
read -r from to count < <($python - "$db" <<'PY'
import datetime, sqlite3, sys
from zoneinfo import ZoneInfo
db = sqlite3.connect(sys.argv[1])
lo, hi, n = db.execute("SELECT min(received_at), max(received_at), count(*) FROM issue").fetchone()
day = lambda t: datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ").replace(
    tzinfo=datetime.timezone.utc).astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")
print(day(lo), day(hi), n)
PY
)
echo "Yishi ledger workbook — $count matters ($from to $to), $(nproc) cores," \
     "$(date -u +%Y-%m-%dT%H:%MZ)"

$python "$top/bench/bench-workbook.py" tsv "$db" "$from" "$to" "$work/cells.tsv" >/dev/null
cc -O2 -o "$work/bench-xlsx-raw" "$top/bench/bench-xlsx-raw.c" \
  $(pkg-config --cflags --libs xlsxwriter)
parse_s=$("$work/bench-xlsx-raw" "$work/cells.tsv" "$work/unused.xlsx" --parse-only |
          sed -n 's/^raw-s \([0-9.]*\).*/\1/p')

# Yishi and libxlsxwriter alone take turns, so both see the same load on the machine.
# One line per run: wall-s peak-KiB user-s sys-s [export-s]
yishi_runs=()
raw_runs=()
for i in $(seq "$runs"); do
  rm -f "$work/yishi.xlsx" "$work/raw.xlsx"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$cli" --database "$db" export ledger \
    --from "$from" --to "$to" --output "$work/yishi.xlsx" >"$work/out"
  # "Wrote FILE: N matters in X s" — count and workbook, without opening the database.
  export_s=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$work/out")
  yishi_runs+=("$(cat "$work/time") $export_s")
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$work/bench-xlsx-raw" "$work/cells.tsv" \
    "$work/raw.xlsx" >/dev/null
  raw_runs+=("$(cat "$work/time")")
done
yishi_size=$(stat -c %s "$work/yishi.xlsx")
raw_size=$(stat -c %s "$work/raw.xlsx")

openpyxl_runs=()
for i in $(seq "$openpyxl_count"); do
  rm -f "$work/openpyxl.xlsx"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" $python "$top/bench/bench-workbook.py" openpyxl \
    "$work/cells.tsv" "$work/openpyxl.xlsx" >/dev/null
  openpyxl_runs+=("$(cat "$work/time")")
done

$python - "$parse_s" "$yishi_size" "$raw_size" <<PY
import statistics, sys
parse_s, yishi_size, raw_size = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def runs(text):
    return [[float(x) for x in line.split()] for line in text.strip().split("\n")]
yishi = runs("""$(printf '%s\n' "${yishi_runs[@]}")""")
raw = runs("""$(printf '%s\n' "${raw_runs[@]}")""")
openpyxl = runs("""$(printf '%s\n' "${openpyxl_runs[@]}")""")
def p95(v):
    v = sorted(v)
    return v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]
def line(name, rows, value, unit):
    v = [value(r) for r in rows]
    print(f"{name:<34} median {statistics.median(v):8.2f} {unit}  p95 {p95(v):8.2f} {unit}")
    return statistics.median(v)
wall, rss, cpu = (lambda r: r[0]), (lambda r: r[1] / 1024), (lambda r: r[2] + r[3])
y_wall = line("yishi-cli export ledger, wall", yishi, wall, "s")
y_export = line("  of which count + workbook", yishi, lambda r: r[4], "s")
line("  CPU (user + sys, both threads)", yishi, cpu, "s")
y_rss = line("  peak RSS", yishi, rss, "MiB")
r_wall = line("libxlsxwriter alone, wall", raw, wall, "s")
line("  CPU (user + sys)", raw, cpu, "s")
r_rss = line("  peak RSS", raw, rss, "MiB")
o_wall = line("openpyxl write-only, wall", openpyxl, wall, "s")
line("  CPU (user + sys)", openpyxl, cpu, "s")
o_rss = line("  peak RSS", openpyxl, rss, "MiB")
print(f"{'  (TSV reading in the two above)':<34} {parse_s:.2f} s (libxlsxwriter run)")
print(f"file size: yishi {yishi_size / 2**20:.1f} MiB (3 sheets, chart), "
      f"libxlsxwriter alone {raw_size / 2**20:.1f} MiB")
def verdict(ok):
    return "met" if ok else "NOT met"
print(f"goal wall ≤ 3 s: cli {y_wall:.2f} s, export {y_export:.2f} s — "
      f"{verdict(y_wall <= 3)} (cli) / {verdict(y_export <= 3)} (export)")
print(f"goal peak RSS ≤ 100 MB: {y_rss:.1f} MiB — {verdict(y_rss * 1.048576 <= 100)}")
print(f"goal within 20% of libxlsxwriter: cli {y_wall / r_wall:.2f}×, "
      f"export {y_export / r_wall:.2f}× — {verdict(y_wall <= 1.2 * r_wall)} (cli) / "
      f"{verdict(y_export <= 1.2 * r_wall)} (export)")
print(f"goal ≥ 5× faster than openpyxl: {o_wall / y_wall:.1f}× (cli), "
      f"{o_wall / y_export:.1f}× (export) — {verdict(o_wall >= 5 * y_wall)} (cli) / "
      f"{verdict(o_wall >= 5 * y_export)} (export)")
PY
