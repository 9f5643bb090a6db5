#!/usr/bin/env python3
"""A .txt order as a user would put it into a writer, from its text alone
(no kamsang output: an independent check of the .docx reader).

  markdown ORDER.txt OUT.md      each line a paragraph; a line that starts
                                 with one number and `.` `)` or `(N)` (Thai
                                 or Arabic digits) a Markdown list item with
                                 that start, so pandoc writes Word numbering
                                 (its digits Arabic); lines in cells (a tab
                                 inside the line) a pipe table with an empty
                                 header, which pandoc leaves out (Markdown
                                 has no tab: its spaces would collapse);
                                 every other ASCII punctuation escaped, so
                                 it stays text
  python-docx ORDER.txt OUT.docx each line a paragraph as typed (labels
                                 typed, tabs as tabs), its leading tabs a
                                 left indent

Lines are the .txt's lines, wrapped where the .txt wrapped them: text pasted
from a wrapped file, each line a paragraph.
"""

import re
import sys

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ITEM = re.compile(r"^(?:([0-9๐-๙]+)([.)])|\(([0-9๐-๙]+)\))(?![0-9๐-๙.])\s*(\S.*)$")


def md_escape(text):
    # pandoc's Markdown lets any ASCII punctuation be backslash-escaped
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text.replace("\t", "    "))


def lines_of(path):
    with open(path, encoding="utf-8-sig") as f:
        return [l.rstrip() for l in f.read().splitlines() if l.strip()]


def markdown(path):
    out = []
    table = []  # the cells of the rows of the table being written

    def flush():
        if table:
            width = max(len(r) for r in table)
            out.append("|" + "   |" * width)
            out.append("|" + "---|" * width)
            for r in table:
                cells = [md_escape(c) for c in r]
                out.append("| " + " | ".join(cells + [""] * (width - len(r))) + " |")
            out.append("")
            table.clear()

    for line in lines_of(path):
        text = line.strip()
        if "\t" in text:
            table.append([c.strip() for c in re.split(r"\t+", text)])
            continue
        flush()
        m = ITEM.match(text)
        if m:
            number = (m.group(1) or m.group(3)).translate(THAI_DIGITS)
            if m.group(3):
                marker = f"({int(number)})"
            else:
                marker = f"{int(number)}{m.group(2)}"
            out.append(f"{marker} {md_escape(m.group(4))}")
        else:
            out.append(md_escape(text))
        out.append("")
    flush()
    return "\n".join(out)


def python_docx(path, out):
    import docx

    document = docx.Document()
    for line in lines_of(path):
        tabs = len(line) - len(line.lstrip("\t"))
        p = document.add_paragraph(line.strip())
        if tabs:
            p.paragraph_format.left_indent = docx.shared.Twips(720 * tabs)
    document.save(out)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("markdown", "python-docx"):
        sys.stderr.write(__doc__)
        return 2
    if argv[1] == "python-docx":
        python_docx(argv[2], argv[3])
        return 0
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(markdown(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
