#!/usr/bin/env bash
# Times the import of a roster workbook into a new database: bench-roster-xlsx writes an
# N-row .xlsx (default 100,000 rows) as an office keeps one, then
# `yishi-cli --database NEW.db import roster FILE` runs --runs times (default 3) under
# /usr/bin/time -v, each into a fresh database.  Prints every run and the median wall
# time and the largest peak RSS; the goal is ≤ 5 s for 100,000 rows.
#
# Usage: bench/bench-import.sh [--rows N] [--runs N]
# BUILD_DIR: the build to use (default _build-bench, set up as a release build).
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build-bench}
rows=100000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/bench-import.sh [--rows N] [--runs N]" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "bench-import: --runs must be a positive number" >&2; exit 2 ;; esac

[ -f "$build/build.ninja" ] || meson setup "$build" "$top" --buildtype=release >/dev/null
ninja -C "$build" src/cli/yishi-cli bench/bench-roster-xlsx >/dev/null

work=$(mktemp -d /tmp/yishi-bench-import-XXXXXX)
trap 'rm -rf "$work"' EXIT
roster="$work/roster.xlsx"
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"

start=$(date +%s.%N)
"$build/bench/bench-roster-xlsx" "$roster" "$rows"
end=$(date +%s.%N)
echo "Roster import — $rows rows, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$roster")" \
  'BEGIN { printf "generate-s %.2f (file %.1f MiB)\n", e - s, b / 1048576 }'

walls=()
peak=0
for i in $(seq "$runs"); do
  db="$work/new-$i.db"
  /usr/bin/time -v -o "$work/time-$i" "$build/src/cli/yishi-cli" --database "$db" \
    import roster "$roster" >"$work/out-$i"
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$i" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$i")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$work/time-$i")
  printf "run %d: wall %.2f s, cpu %.2f s, peak RSS %d MiB — %s\n" "$i" "$wall" "$cpu" \
    $(( rss / 1024 )) "$(tail -n 1 "$work/out-$i")"
  walls+=("$wall")
  [ "$rss" -gt "$peak" ] && peak=$rss
  rm -f "$db" "$db-wal" "$db-shm"
done

median=$(printf "%s\n" "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
verdict=$(awk -v m="$median" 'BEGIN { print (m <= 5.0) ? "within" : "over" }')
printf "import-median-wall-s %.2f (goal ≤ 5 s: %s), peak-rss-mib %d\n" "$median" "$verdict" $(( peak / 1024 ))
