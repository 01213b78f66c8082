#!/usr/bin/python3
# make-fixtures.py — writes the spreadsheet fixtures of tests/core/test-sheet.c into the
# folder of this script: workbooks written by openpyxl (an independent writer, Debian's
# python3-openpyxl), hand-made workbooks in the shapes other writers produce (inline
# strings, WPS-style shared strings, namespace prefixes, data descriptors), CSV in the
# encodings offices use, and damaged or hostile files.  Run it with Debian's interpreter:
#
#   /usr/bin/python3 tests/data/sheets/make-fixtures.py
#
# The output is deterministic (fixed zip timestamps and document properties), so running
# it again changes nothing.  All names, ID numbers and phone numbers are made up.
#
# Copyright 2026 Yishi developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import io
import os
import struct
import sys
import zipfile
import zlib

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2026, 1, 1, 0, 0, 0)
FIXED = datetime.datetime(2026, 1, 1)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def path(name):
    return os.path.join(HERE, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def normalise(name):
    """Rewrites an openpyxl file with fixed timestamps so that runs are reproducible."""
    with zipfile.ZipFile(path(name)) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    write(name, out.getvalue())


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path(name))
    normalise(name)


class Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then writes data descriptors, as streaming writers do."""

    def __init__(self):
        self.buffer = io.BytesIO()

    def writable(self):
        return True

    def write(self, data):
        return self.buffer.write(data)


def make_zip(parts, stream=False, compression=zipfile.ZIP_DEFLATED, stored=()):
    target = Unseekable() if stream else io.BytesIO()
    with zipfile.ZipFile(target, "w") as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, STAMP)
            info.compress_type = zipfile.ZIP_STORED if part in stored else compression
            data = text.encode("utf-8") if isinstance(text, str) else text
            if stream:
                with z.open(info, "w") as f:
                    f.write(data)
            else:
                z.writestr(info, data)
    return target.buffer.getvalue() if stream else target.getvalue()


def content_types(sheets=("xl/worksheets/sheet1.xml",), sst=False, styles=False):
    over = ['<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    for s in sheets:
        over.append('<Override PartName="/%s" ContentType="application/vnd.openxmlformats-'
                    'officedocument.spreadsheetml.worksheet+xml"/>' % s)
    if sst:
        over.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    if styles:
        over.append('<Override PartName="/xl/styles.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            + "".join(over) + "</Types>")


ROOT_RELS = (DECL + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument"'
             ' Target="xl/workbook.xml"/></Relationships>' % (PKG_REL_NS, REL_NS))


def workbook_rels(entries):
    rels = "".join('<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (i, REL_NS, t, target)
                   for i, t, target in entries)
    return DECL + '<Relationships xmlns="%s">%s</Relationships>' % (PKG_REL_NS, rels)


def simple_workbook(sheet_xml, styles_xml=None, sst_xml=None, workbook_pr="", p=""):
    """A one-sheet workbook; @p is a namespace prefix such as "x:" for every element."""
    ns = 'xmlns:%s="%s"' % (p[:-1], MAIN_NS) if p else 'xmlns="%s"' % MAIN_NS
    workbook = (DECL + '<{p}workbook {ns} xmlns:r="{r}">{pr}<{p}sheets><{p}sheet name="Sheet1" '
                'sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>').format(
                    p=p, ns=ns, r=REL_NS, pr=workbook_pr)
    rels = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    parts = [("[Content_Types].xml", content_types(sst=sst_xml is not None,
                                                   styles=styles_xml is not None)),
             ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", workbook)]
    if styles_xml is not None:
        rels.append(("rId2", "styles", "styles.xml"))
        parts.append(("xl/styles.xml", styles_xml))
    if sst_xml is not None:
        rels.append(("rId3", "sharedStrings", "sharedStrings.xml"))
        parts.append(("xl/sharedStrings.xml", sst_xml))
    parts.append(("xl/_rels/workbook.xml.rels", workbook_rels(rels)))
    parts.append(("xl/worksheets/sheet1.xml", sheet_xml))
    return parts


def worksheet(rows, p="", after=""):
    ns = 'xmlns:%s="%s"' % (p[:-1], MAIN_NS) if p else 'xmlns="%s"' % MAIN_NS
    return (DECL + '<{p}worksheet {ns}><{p}sheetData>{rows}</{p}sheetData>{after}'
            '</{p}worksheet>').format(p=p, ns=ns, rows=rows, after=after)


# --- Workbooks written by openpyxl ---------------------------------------------------------

def roster_openpyxl():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名册"
    ws["A1"] = "幸福社区第一网格居民名册（2026年）"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells("A1:H1")
    ws.append(["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "住址", "备注"])
    ws.append([1, "张三", "男", "110101198503071234", datetime.date(1985, 3, 7),
               13812345678, "幸福小区3号楼2单元501", "党员"])
    ws.append([2, "李四", "女", "11010119900101002X", datetime.date(1990, 1, 1),
               "139 0000 1111", "幸福小区1号楼1单元101", None])
    ws["E4"].number_format = 'yyyy"年"m"月"d"日"'
    # Row 5 stays blank; row 6 has a gap (no address) and a boolean.
    ws["A6"] = 3
    ws["B6"] = "王五"
    ws["C6"] = "男"
    ws["D6"] = "110101196012310011"
    ws["E6"] = datetime.datetime(1960, 12, 31, 8, 30)
    ws["F6"] = 13800000000.0
    ws["H6"] = True
    ws.append([4, "赵六", "女", "110101200002290021", datetime.date(2000, 2, 29), 0.25,
               "  前后有空格  ", 12.5])
    ws["E7"].number_format = "mm-dd-yy"        # built-in 14
    ws["F7"].number_format = "0%"              # built-in 9: a number, not a date
    ws["H7"].number_format = "0.00"            # built-in 2
    save(wb, "roster-openpyxl.xlsx")
    return path("roster-openpyxl.xlsx")


def wide_openpyxl():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["列%d" % i for i in range(1, 301)])
    ws.append(list(range(1, 301)))
    save(wb, "wide.xlsx")


def empty_openpyxl():
    wb = openpyxl.Workbook()
    save(wb, "empty.xlsx")


# --- Hand-made workbooks ---------------------------------------------------------------------

STYLES = (DECL + '<styleSheet xmlns="%s">'
          '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d"/>'
          '<numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/>'
          '<numFmt numFmtId="166" formatCode="h:mm;@"/></numFmts>'
          '<cellStyleXfs count="3"><xf numFmtId="14"/><xf numFmtId="14"/><xf numFmtId="14"/>'
          '</cellStyleXfs>'
          '<cellXfs count="7"><xf numFmtId="0" xfId="0"/>'
          '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="164" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>'
          '<xf numFmtId="165" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="166" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="31" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="49" xfId="0" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>' % MAIN_NS)


def inline_strings():
    rows = (
        '<row r="1">'
        '<c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> 住址 </t></is></c>'
        '<c r="C1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>'
        '</row>'
        '<row r="2">'
        '<c t="inlineStr"><is><t>A&amp;B &#x4E2D;&lt;</t></is></c>'
        '<c t="str"><f>A1&amp;"x"</f><v>计算结果</v></c>'
        '<c t="b"><v>0</v></c>'
        '<c t="e"><v>#N/A</v></c>'
        '<c t="b"><v>1</v></c>'
        '</row>'
        '<row r="4">'
        '<c r="B4" s="1"><v>45000</v></c>'
        '<c r="D4" s="2"><v>1</v></c><c r="E4" s="2"><v>59</v></c>'
        '<c r="F4" s="2"><v>60</v></c><c r="G4" s="2"><v>61</v></c>'
        '<c r="H4" t="d"><v>2024-02-29T00:00:00</v></c>'
        '<c r="I4" s="5"><v>31113</v></c>'
        '</row>'
        '<row r="5">'
        '<c r="A5"><v>13812345678</v></c><c r="B5"><v>1.3812345678E10</v></c>'
        '<c r="C5" s="3"><v>0.1</v></c><c r="D5"><v>0.30000000000000004</v></c>'
        '<c r="E5" s="4"><v>0.5</v></c><c r="F5" s="1"><v>44927.75</v></c>'
        '<c r="G5" s="1"><v>0.25</v></c><c r="H5"><v>1E+21</v></c>'
        '<c r="I5" s="6"><v>42</v></c>'
        '<c r="J5"><f>SUM(A5)</f></c>'
        '</row>'
        '<row r="6"><c r="A6" t="s"><v>0</v></c></row>'
        '<row r="7" spans="1:3" ht="20" customHeight="1"/>'
        '<row r="8"><c r="C8" t="inlineStr"><is><t>末行</t></is></c>'
        '<c r="E8" t="inlineStr"><is><t></t></is></c></row>'
        '<row r="9" ht="20" customHeight="1"/>'
    )
    write("inline-strings.xlsx", make_zip(simple_workbook(worksheet(rows), styles_xml=STYLES)))


def wps_like():
    """Shared strings with rich runs and phonetic runs, a hidden first sheet, an absolute
    relationship target, Chinese built-in date formats, styled empty cells far to the right,
    and data descriptors (the zip is written as a stream)."""
    sst = (DECL + '<sst xmlns="%s" count="9" uniqueCount="8">'
           '<si><t>姓名</t></si>'
           '<si><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>张</t></r>'
           '<r><rPr><b/><sz val="11"/></rPr><t>三</t></r></si>'
           '<si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>'
           '<phoneticPr fontId="1" type="noConversion"/></si>'
           '<si><t/></si>'
           '<si><t xml:space="preserve">  前后空格  </t></si>'
           '<si><t>出生日期</t></si>'
           '<si><t>联系电话</t></si>'
           '<si><t>R&amp;D 部</t></si>'
           '</sst>' % MAIN_NS)
    styles = (DECL + '<styleSheet xmlns="%s"><numFmts count="1">'
              '<numFmt numFmtId="176" formatCode="yyyy/m/d;@"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="31" xfId="0"/>'
              '<xf numFmtId="176" xfId="0"/><xf numFmtId="49" xfId="0"/></cellXfs>'
              '</styleSheet>' % MAIN_NS)
    workbook = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><workbookPr/><sheets>'
                '<sheet name="字典" sheetId="1" state="hidden" r:id="rId1"/>'
                '<sheet name="名册" sheetId="3" r:id="rId5"/>'
                '<sheet name="Sheet2" sheetId="2" r:id="rId2"/>'
                '</sheets></workbook>' % (MAIN_NS, REL_NS))
    rels = workbook_rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                          ("rId2", "worksheet", "worksheets/sheet2.xml"),
                          ("rId5", "worksheet", "/xl/worksheets/sheet3.xml"),
                          ("rId3", "styles", "styles.xml"),
                          ("rId4", "sharedStrings", "sharedStrings.xml")])
    other = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>不该读到</t></is></c></row>')
    roster = worksheet(
        '<row r="1" spans="1:6"><c r="A1" t="s"><v>7</v></c><c r="B1" s="3"/><c r="C1" s="3"/>'
        '</row>'
        '<row r="2" spans="1:6"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>5</v></c>'
        '<c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>3</v></c></row>'
        '<row r="3" spans="1:6"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>31113</v></c>'
        '<c r="C3"><v>13812345678</v></c><c r="D3" t="s"><v>2</v></c>'
        '<c r="E3" t="s"><v>4</v></c><c r="F3" s="2"><v>44927</v></c>'
        '<c r="G3" s="3"/><c r="XFD3" s="3"/></row>',
        after='<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>')
    parts = [("[Content_Types].xml",
              content_types(("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                             "xl/worksheets/sheet3.xml"), sst=True, styles=True)),
             ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
             ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", other),
             ("xl/worksheets/sheet2.xml", other), ("xl/worksheets/sheet3.xml", roster)]
    write("wps-like.xlsx", make_zip(parts, stream=True))


def prefixed():
    p = "x:"
    sst = (DECL + '<x:sst xmlns:x="%s" count="2" uniqueCount="2"><x:si><x:t>身份证号</x:t></x:si>'
           '<x:si><x:r><x:t>110101</x:t></x:r><x:r><x:t>198503071234</x:t></x:r></x:si>'
           '</x:sst>' % MAIN_NS)
    styles = (DECL + '<x:styleSheet xmlns:x="%s"><x:cellXfs count="2"><x:xf numFmtId="0"/>'
              '<x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>' % MAIN_NS)
    sheet = worksheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>'
                      '<x:c r="B1" t="inlineStr"><x:is><x:t>出生</x:t></x:is></x:c></x:row>'
                      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c>'
                      '<x:c r="B2" s="1"><x:v>31113</x:v></x:c></x:row>', p=p)
    write("prefixed.xlsx", make_zip(simple_workbook(sheet, styles_xml=styles, sst_xml=sst, p=p)))


def date1904():
    styles = (DECL + '<styleSheet xmlns="%s"><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="14"/></cellXfs></styleSheet>' % MAIN_NS)
    sheet = worksheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43465</v></c>'
                      '</row>')
    write("date1904.xlsx", make_zip(simple_workbook(sheet, styles_xml=styles,
                                                    workbook_pr='<workbookPr date1904="1"/>')))


def too_many_rows():
    sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
                      '<row r="1000001"><c r="A1000001"><v>1</v></c></row>')
    write("too-many-rows.xlsx", make_zip(simple_workbook(sheet)))


def no_worksheet():
    workbook = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets/></workbook>'
                % (MAIN_NS, REL_NS))
    parts = [("[Content_Types].xml", content_types(())), ("_rels/.rels", ROOT_RELS),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels([]))]
    write("no-worksheet.xlsx", make_zip(parts))


def too_deep():
    """Elements nested far deeper than any worksheet: refused before GMarkup's stack grows."""
    sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
                      + "<x>" * 100 + "</x>" * 100)
    write("too-deep.xlsx", make_zip(simple_workbook(sheet)))


def damaged_xml():
    sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>张三</t></is></c>'
                      '<c r="B1" t="inlineStr"><is><t>13812345678<t></is></c></row>')
    write("damaged-xml.xlsx", make_zip(simple_workbook(sheet)))


def small_rows():
    return ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>电话</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c>'
            '<c r="B2"><v>13812345678</v></c></row>')


def bad_crc():
    """The sheet is stored uncompressed and one digit is changed after the CRC was taken."""
    data = make_zip(simple_workbook(worksheet(small_rows())), stored=("xl/worksheets/sheet1.xml",))
    at = data.index(b"13812345678")
    data = data[:at] + b"2" + data[at + 1:]
    write("bad-crc.xlsx", data)


def zip_flags(data, part, flags=None, method=None):
    """Patches the flags or the method of @part in its local and its central header."""
    name = part.encode()
    out = bytearray(data)
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while True:
            at = out.find(signature, start)
            if at < 0:
                break
            start = at + 4
            if out[at + name_at:at + name_at + len(name)] != name:
                continue
            if flags is not None:
                out[at + flag_at:at + flag_at + 2] = struct.pack("<H", flags)
            if method is not None:
                out[at + flag_at + 2:at + flag_at + 4] = struct.pack("<H", method)
    return bytes(out)


def hostile_zips():
    plain = make_zip(simple_workbook(worksheet(small_rows())))
    write("zip-encrypted.xlsx", zip_flags(plain, "xl/worksheets/sheet1.xml", flags=1))
    write("zip-bzip2.xlsx", make_zip(simple_workbook(worksheet(small_rows())),
                                     compression=zipfile.ZIP_BZIP2))
    # ZIP64: the end record points to a ZIP64 record, as writers of huge archives do.
    eocd = plain.rindex(b"PK\x05\x06")
    write("zip64.xlsx", plain[:eocd + 16] + b"\xff\xff\xff\xff" + plain[eocd + 20:])
    write("not-workbook.zip", make_zip([("word/document.xml", DECL + "<document/>"),
                                        ("mimetype", "application/zip")]))
    # 20 MB of zeros in the sheet: a ratio of about 1000:1, far above 200:1.
    parts = simple_workbook(worksheet(small_rows()))
    parts[-1] = ("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    write("bomb-ratio.xlsx", make_zip(parts))
    # The roster cut in half, as an interrupted download leaves it.
    with open(path("roster-openpyxl.xlsx"), "rb") as f:
        whole = f.read()
    write("truncated.xlsx", whole[:len(whole) // 2])


# --- Not spreadsheets ------------------------------------------------------------------------

def binaries():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + b"\x3e\0\x03\0\xfe\xff\x09\0"
    write("old.xls", ole + b"\0" * (512 - len(ole)) + "Workbook".encode("utf-16-le")
          + b"\0" * 440)
    write("encrypted.xlsx", ole + b"\0" * (512 - len(ole))
          + "EncryptionInfo".encode("utf-16-le") + b"\0" * 4
          + "EncryptedPackage".encode("utf-16-le") + b"\0" * 400)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0")) + chunk(b"IEND", b""))
    write("image.png", png)
    write("document.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
          b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
    write("web-page.xls", "<html><head><meta charset=\"utf-8\"></head><body><table>"
          "<tr><td>姓名</td><td>电话</td></tr></table></body></html>\n".encode("utf-8"))


# --- CSV -------------------------------------------------------------------------------------

def csv_files():
    text = ("姓名,性别,身份证号,联系电话\n"
            "张三,男,110101198503071234,13812345678\n"
            "\n"
            "李四,,11010119900101002X,\n"
            "王五,男,110101196012310011,13800000000\n")
    write("utf8.csv", text.encode("utf-8"))
    write("utf8-bom.csv", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    gb = ("幸福社区居民名册\r\n"
          "姓名,住址,备注\r\n"
          "张三,幸福小区3号楼,€ 𠀀 龘\r\n"
          "李四,和平里5号,\r\n")
    write("gb18030.csv", gb.encode("gb18030"))
    quoted = ('"姓名","住址","备注"\r\n'
              '"张三","幸福小区, 3号楼","他说""你好"""\r\n'
              '"李四","第一行\n第二行",末尾\r\n'
              '"","",""\r\n'
              '王五,"""引号开头",\r\n'
              '赵六,3"号楼,x\r\n')
    write("quoted.csv", quoted.encode("utf-8"))
    write("cr.csv", "姓名,电话\r张三,13812345678\r李四,13900001111".encode("utf-8"))
    write("tabs.txt", "幸福社区名册\n姓名\t住址\n张三\t幸福小区, 3号楼\n".encode("utf-8"))
    write("utf16.txt", b"\xff\xfe" + "姓名\t电话\r\n张三\t13812345678\r\n".encode("utf-16-le"))
    write("blank.csv", b"\n\r\n,,,\n\n")
    write("latin1.csv", "name,city\nJos\u00e9,M\u00fcnchen\u00ff\n".encode("latin-1"))


def main():
    if sys.version_info < (3, 7):
        sys.exit("needs Python 3.7")
    roster_openpyxl()
    wide_openpyxl()
    empty_openpyxl()
    inline_strings()
    wps_like()
    prefixed()
    date1904()
    too_many_rows()
    no_worksheet()
    damaged_xml()
    too_deep()
    bad_crc()
    hostile_zips()
    binaries()
    csv_files()


if __name__ == "__main__":
    main()
