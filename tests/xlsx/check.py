#!/usr/bin/python3
"""The workbook of `gouji check --xlsx` opened by other programs: Python's openpyxl and
LibreOffice Calc (headless, every sheet converted to CSV in one start). Each must see the
nine sheets, their header rows, and as many rows as the JSON document printed by the same run
says: a report per row of 汇总, every finding once on the sheet of its kind (counted per code
from the 规则 column, so this script needs no copy of the code-to-sheet table), the
`similarity` entries on 内容雷同, the roster (or one line without one) on 缺报单位, and each
open error and warning on 整改清单.

    tests/xlsx/check.py GOUJI SOFFICE PATH...

Run by `cargo xtask test`, from the repository's root, with the seeds and the corpus pages.
"""

import collections
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

SHEETS = ["汇总", "表格勾稽", "正文与表格", "格式与结构", "跨年度衔接", "发布时间", "内容雷同", "缺报单位", "整改清单"]
FINDING_SHEETS = SHEETS[1:7]
FINDING_HEADER = ["单位", "年度", "文件", "规则", "级别", "位置", "说明", "应为", "实为", "原文", "读取把握"]
# Calc's CSV export: comma, double quotes, UTF-8, from row 1, cells as shown, every sheet to its
# own file (the last field, -1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def expected(doc):
    """What each sheet must hold, from the JSON document."""
    findings = [f for r in doc["reports"] for f in r["findings"]] + doc["across"]
    roster = doc.get("roster")
    open_ = [
        f
        for f in findings
        if f["severity"] in ("error", "warning")
        and (f.get("review") or {}).get("state") not in ("not_a_problem", "fixed")
    ]
    return {
        "reports": len(doc["reports"]),
        "codes": collections.Counter(f["code"] for f in findings),
        "similarity": len(doc.get("similarity", [])),
        "roster": len(roster["units"]) + len(roster["unlisted"]) if roster else 1,
        "open": len(open_),
    }


def check_rows(rows_of, want, program):
    """rows_of(sheet) gives a sheet's rows (lists of cell text, header first)."""
    failures = []

    def same(what, got, wanted):
        if got != wanted:
            failures.append(f"{program}: {what}: {got} rows, the JSON says {wanted}")

    same("汇总", len(rows_of("汇总")) - 1, want["reports"])
    codes = collections.Counter()
    where = {}
    for sheet in FINDING_SHEETS:
        rows = rows_of(sheet)
        if rows[0][: len(FINDING_HEADER)] != FINDING_HEADER:
            failures.append(f"{program}: {sheet}: header {rows[0]}")
        plain = 0
        for row in rows[1:]:
            code = row[3]
            if not code:
                plain += 1
                continue
            codes[code] += 1
            if where.setdefault(code, sheet) != sheet:
                failures.append(f"{program}: {code} on {where[code]} and {sheet}")
        if sheet == "内容雷同":
            same("内容雷同 (similarity entries)", plain, want["similarity"])
        elif plain:
            failures.append(f"{program}: {sheet}: {plain} rows without a code")
    if codes != want["codes"]:
        failures.append(f"{program}: findings per code {dict(codes)}, the JSON says {dict(want['codes'])}")
    same("缺报单位", len(rows_of("缺报单位")) - 1, want["roster"])
    same("整改清单", len(rows_of("整改清单")) - 1, want["open"])
    return failures


def with_openpyxl(path, want):
    book = openpyxl.load_workbook(path, read_only=False)
    failures = []
    if book.sheetnames != SHEETS:
        return [f"openpyxl: sheets {book.sheetnames}"]
    for ws in book.worksheets:
        if ws.freeze_panes != "A2":
            failures.append(f"openpyxl: {ws.title}: header not frozen ({ws.freeze_panes})")
        if not ws.auto_filter.ref:
            failures.append(f"openpyxl: {ws.title}: no filter")

    def rows_of(name):
        return [["" if c is None else str(c) for c in row] for row in book[name].iter_rows(values_only=True)]

    return failures + check_rows(rows_of, want, "openpyxl")


def with_calc(soffice, path, want):
    with tempfile.TemporaryDirectory() as out:
        profile = "-env:UserInstallation=file://" + os.path.join(out, "profile")
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", CSV_FILTER, "--outdir", out, path],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = os.path.splitext(os.path.basename(path))[0]
        files = {os.path.basename(f)[len(base) + 1 : -4]: f for f in glob.glob(os.path.join(out, base + "-*.csv"))}
        if sorted(files) != sorted(SHEETS):
            return [f"Calc: sheets {sorted(files)}"]

        def rows_of(name):
            with open(files[name], newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            # Calc writes no line for trailing empty rows; pad short rows.
            width = len(rows[0])
            return [row + [""] * (width - len(row)) for row in rows]

        return check_rows(rows_of, want, "Calc")


def main():
    gouji, soffice, *paths = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, "gouji.xlsx")
        run = subprocess.run([gouji, "check", "--format", "json", "--xlsx", book, *paths], capture_output=True)
        if run.returncode not in (0, 1):
            sys.exit(f"gouji check failed ({run.returncode}): {run.stderr.decode()}")
        doc = json.loads(run.stdout)
        want = expected(doc)
        failures = with_openpyxl(book, want) + with_calc(soffice, book, want)
    for f in failures:
        print(f)
    if failures:
        sys.exit(1)
    total = sum(want["codes"].values())
    print(
        f"workbook: {want['reports']} reports, {total} findings, {want['open']} open: "
        "the same in openpyxl and LibreOffice Calc"
    )


if __name__ == "__main__":
    main()
