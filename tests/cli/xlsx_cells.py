# SPDX-License-Identifier: GPL-3.0-or-later
# xlsx_cells.py FILE.xlsx: the cells of the first sheet of a workbook, one
# row a line, "s:text" for a string and "n:value" for a number, joined by
# " # " (for the report scripts' checks of the xlsx format).
import sys, zipfile, xml.etree.ElementTree as ET
N = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
strings = ["".join(si.itertext()) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(N + "si")]
for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(N + "row"):
    out = []
    for c in row.iter(N + "c"):
        v = c.find(N + "v")
        if v is not None:
            out.append("s:" + strings[int(v.text)] if c.get("t") == "s" else "n:" + v.text)
    if out:
        print(" # ".join(out))
