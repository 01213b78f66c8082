#!/usr/bin/env python3
# bench-workbook.py — helpers of bench/bench-workbook.sh (not a test).
#
#   bench-workbook.py tsv DB FROM TO OUT.tsv   the ledger's cells, as Yishi writes them, one
#                                              matter a line (\t \n \\ escaped), for the
#                                              libxlsxwriter-alone and openpyxl runs
#   bench-workbook.py openpyxl IN.tsv OUT.xlsx the same cells through openpyxl's write-only
#                                              mode (dates as dates, like Yishi)
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sqlite3
import sys
import time
from zoneinfo import ZoneInfo

# The zh_CN labels of src/core/yishi-enums.c (po/zh_CN.po).
CHANNELS = {"phone": "来电", "visit": "来访", "letter": "来信", "wechat": "微信群",
            "hotline_12345": "12345热线", "door_to_door": "入户走访", "suggestion_box": "意见箱",
            "questionnaire": "问卷", "forum": "居民论坛", "grid_patrol": "网格巡查",
            "online": "线上平台"}
KINDS = {"problem": "问题", "need": "需求"}
URGENCIES = {"red": "紧急", "yellow": "重点", "blue": "常规"}
SCALES = {"major": "大事", "minor": "小事", "micro": "微事"}
ROUTES = {"immediate": "即办", "community_office": "社区内设办室", "council": "协商议事会",
          "street_workstation": "街道协商议事工作站", "transfer": "转办", "rejected": "不予受理",
          "merged": "已合并"}
STATES = {"received": "已受理", "triaged": "已分流", "dispatched": "已派单",
          "in_progress": "办理中", "answered": "已答复", "in_deliberation": "协商中",
          "publicised": "公示中", "implementing": "落实中", "visited": "已回访",
          "closed": "已办结", "rejected": "不予受理", "merged": "已合并"}
RATINGS = {"satisfied": "满意", "basically_satisfied": "基本满意",
           "not_quite_satisfied": "不太满意", "dissatisfied": "不满意"}

HEADERS = ["编号", "受理时间", "来源渠道", "类型", "类别", "紧急程度", "事项规模", "办理路径",
           "议题", "诉求内容", "诉求人", "联系电话", "网格", "楼栋", "单元", "地点", "责任方",
           "办理时限", "状态", "办结日期", "满意度", "按时办结", "受理月份"]
DATE_TIME_COLUMNS = {1}
DATE_COLUMNS = {17, 19}

SQL = """
SELECT i.serial, i.received_at, i.channel, i.kind, c.name, i.urgency, i.scale, i.route,
       i.title, i.content, i.requester_name, i.requester_phone, i.anonymous,
       g.name, cm.name, b.name, u.name, i.place_text,
       CASE WHEN i.responsible_text <> '' THEN i.responsible_text
            ELSE coalesce ((SELECT o.name FROM organisation o WHERE o.id = i.responsible_org_id),
                           (SELECT p.name FROM person p WHERE p.id = i.responsible_person_id))
       END,
       i.deadline, i.state, i.closed_at,
       (SELECT coalesce (s.rating, '') FROM satisfaction s WHERE s.issue_id = i.id
         ORDER BY s.at DESC, s.id DESC LIMIT 1)
  FROM issue i
  LEFT JOIN category c ON c.id = i.category_id
  LEFT JOIN grid g ON g.id = i.grid_id
  LEFT JOIN community cm ON cm.id = g.community_id
  LEFT JOIN building b ON b.id = i.building_id
  LEFT JOIN unit u ON u.id = i.unit_id
 WHERE i.received_at >= ? AND i.received_at < ?
 ORDER BY i.received_at, i.id
"""


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text):
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def dump_tsv(db_path, first, last, out_path):
    zone = ZoneInfo("Asia/Shanghai")

    def bound(day, later):
        d = datetime.date.fromisoformat(day) + datetime.timedelta(days=later)
        return datetime.datetime(d.year, d.month, d.day, tzinfo=zone).astimezone(
            datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def local(text):
        t = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        return t.astimezone(zone)

    db = sqlite3.connect(db_path)
    several = db.execute("SELECT count(*) FROM community").fetchone()[0] > 1
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for (serial, received_at, channel, kind, category, urgency, scale, route, title,
             content, name, phone, anonymous, grid, community, building, unit, place,
             responsible, deadline, state, closed_at, rating) in db.execute(
                 SQL, (bound(first, 0), bound(last, 1))):
            received = local(received_at)
            closed = state == "closed"
            closed_day = local(closed_at).strftime("%Y-%m-%d") if closed and closed_at else ""
            on_time = ""
            if closed:
                on_time = "是" if not deadline or (closed_day and closed_day <= deadline) else "否"
            if several and grid and community:
                grid = community + " " + grid
            cells = [serial, received.strftime("%Y-%m-%d %H:%M"), CHANNELS.get(channel, channel),
                     KINDS.get(kind, kind), category or "", URGENCIES.get(urgency, urgency),
                     SCALES.get(scale, scale or ""), ROUTES.get(route, route or ""), title,
                     content, name or ("（匿名）" if anonymous else ""), phone, grid or "",
                     building or "", unit or "", place, responsible or "", deadline or "",
                     STATES.get(state, state), closed_day,
                     "未联系上" if rating == "" else RATINGS.get(rating, rating or ""), on_time,
                     received.strftime("%Y-%m")]
            out.write("\t".join(escape(c) for c in cells))
            out.write("\n")
            n += 1
    print(f"{n} rows × {len(HEADERS)} columns")


def write_openpyxl(tsv_path, out_path):
    import openpyxl

    started = time.monotonic()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("议题台账")
    sheet.append(HEADERS)
    with open(tsv_path, encoding="utf-8") as f:
        for line in f:
            cells = [unescape(c) if c else None for c in line.rstrip("\n").split("\t")]
            for c in DATE_TIME_COLUMNS:
                if cells[c]:
                    cells[c] = datetime.datetime.strptime(cells[c], "%Y-%m-%d %H:%M")
            for c in DATE_COLUMNS:
                if cells[c]:
                    cells[c] = datetime.datetime.strptime(cells[c], "%Y-%m-%d")
            sheet.append(cells)
    book.save(out_path)
    print(f"openpyxl-write-only-s {time.monotonic() - started:.2f}")


def main(argv):
    if len(argv) == 6 and argv[1] == "tsv":
        dump_tsv(argv[2], argv[3], argv[4], argv[5])
    elif len(argv) == 4 and argv[1] == "openpyxl":
        write_openpyxl(argv[2], argv[3])
    else:
        print("usage: bench-workbook.py tsv DB FROM TO OUT.tsv | openpyxl IN.tsv OUT.xlsx",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
