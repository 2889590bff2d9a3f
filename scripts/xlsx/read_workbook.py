#!/usr/bin/env python3
"""Reads an xlsx workbook with openpyxl, independently of the scenario tool, and prints it as
JSON on standard output: the document title, and per sheet its name, every cell's value (a
number stays a number), every number's shortest exact decimal text (`exact`: JSON readers may
round long numbers), every cell's number format, the merged ranges and the tables.

    python3 scripts/xlsx/read_workbook.py WORKBOOK.xlsx

Exit status 0 when openpyxl opened the workbook, 2 when openpyxl is missing, 1 when the
workbook could not be read (the reason on standard error).
"""
import json
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed: pip install openpyxl", file=sys.stderr)
    sys.exit(2)


def main(path):
    try:
        book = openpyxl.load_workbook(path)
    except Exception as error:  # openpyxl raises many kinds; the reason is what matters
        print(f"{path}: openpyxl cannot read it: {error}", file=sys.stderr)
        return 1
    sheets = []
    for sheet in book.worksheets:
        rows, exact, formats = [], [], []
        for row in sheet.iter_rows():
            rows.append([cell.value for cell in row])
            exact.append([repr(float(cell.value)) if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) else None
                          for cell in row])
            formats.append([cell.number_format for cell in row])
        sheets.append({
            "name": sheet.title,
            "rows": rows,
            "exact": exact,
            "formats": formats,
            "merged": [str(r) for r in sheet.merged_cells.ranges],
            "tables": [{"name": t.name, "ref": t.ref} for t in sheet.tables.values()],
            "hyperlinks": [{"cell": link.ref, "location": link.location} for link in sheet._hyperlinks],
        })
    json.dump({"title": book.properties.title, "sheets": sheets}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1]))
