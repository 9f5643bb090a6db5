#!/usr/bin/env python3
"""An order as each writer would write it, with real lists.

Input: kamsang's JSON of the order's .txt (`kamsang parse ORDER.txt`), whose
outline says which paragraph is a list item, at which depth, with which
number. Output, by subcommand:

  markdown ORDER.json OUT.md     nested Markdown lists (`1.`, `1)`, `(1)`),
                                 for `pandoc OUT.md -o X.docx` (every level
                                 printed `1.`, a num per list, nine
                                 startOverrides in each) and for
                                 `pandoc OUT.md -o X.odt` then LibreOffice
  html ORDER.json OUT.html       nested <ol start=N>, for
                                 `soffice --headless --convert-to docx OUT.html`
                                 (HTML has no `1)`: those stay typed text)
  python-docx ORDER.json OUT.docx  python-docx with a numbering part written
                                 as Word writes it: one multilevel list
                                 `%1.` / `%1.%2` / `%1.%2.%3` continued across
                                 headings, a `%1)` / `(%1)` list restarted by
                                 a `num` with a level-0 startOverride

A paragraph is an outline node's text (the .txt's wrapped lines already
joined as kamsang joins them), so a writer never decides where a Thai word
broke. A dotted item is a list item when its depth is one more than the
dotted items around it; `N)` and `(N)` items are list items anywhere; every
other node (headings, `ข้อ N`, Thai letters, bullets, names of an inline
list) is a paragraph, typed as written, inside the item it belongs to.
"""

import html
import json
import re
import sys

DOTTED = re.compile(r"^[0-9๐-๙]+(\.[0-9๐-๙]+)*\.?$")
PAREN_CLOSE = re.compile(r"^[0-9๐-๙]+\)$")
PAREN_BOTH = re.compile(r"^\([0-9๐-๙]+\)$")

# list styles: (markdown marker format, html-able, python-docx abstract)
DECIMAL = "decimal"  # 1.
CLOSE = "close"  # 1)
BOTH = "both"  # (1)


def last_value(node):
    number = node.get("number") or ""
    tail = number.split(".")[-1]
    return int(tail) if tail.isdigit() else 1


def style_of(node, dotted_depth, all_dotted):
    """The list style of a node at this place, or None for a paragraph."""
    if node.get("kind") in ("name", "name_list"):
        return None
    label = (node.get("label") or "").strip()
    if not label:
        return None
    if DOTTED.match(label):
        depth = len((node.get("number") or "").split("."))
        if all_dotted and depth == dotted_depth + 1:
            return DECIMAL
        return None
    if PAREN_CLOSE.match(label):
        return CLOSE
    if PAREN_BOTH.match(label):
        return BOTH
    return None


def blocks(order):
    """Paragraphs in order: ('item', level, style, value, text, new_list) and
    ('para', level, text); level = how many list items enclose it."""
    out = []

    def walk(nodes, level, dotted_depth, all_dotted):
        prev_style = None  # the list open among these siblings
        for n in nodes:
            style = style_of(n, dotted_depth, all_dotted)
            text = n.get("text") or ""
            if style is None:
                typed = ((n.get("label") or "") + " " + text).strip()
                out.append(("para", level, typed))
                prev_style = None
                if n.get("kind") != "name_list":
                    walk(n.get("children", []), level, dotted_depth, all_dotted)
                continue
            out.append(("item", level, style, last_value(n), text, style != prev_style))
            prev_style = style
            walk(
                n.get("children", []),
                level + 1,
                dotted_depth + (1 if style == DECIMAL else 0),
                all_dotted and style == DECIMAL,
            )

    walk(order.get("outline", []), 0, 0, True)
    return out


def md_escape(text):
    # pandoc's Markdown lets any ASCII punctuation be backslash-escaped
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text.replace("\t", "    "))


def markdown(order):
    lines = []
    columns = []  # content column of each open list item
    for b in blocks(order):
        level = b[1]
        del columns[level:]
        indent = " " * (columns[-1] if columns else 0)
        if b[0] == "para":
            lines += [indent + md_escape(b[2]), ""]
            continue
        _, _, style, value, text, _ = b
        marker = {DECIMAL: f"{value}.", CLOSE: f"{value})", BOTH: f"({value})"}[style]
        marker += " " * max(1, 4 - len(marker))
        columns.append(len(indent) + len(marker))
        lines += [indent + marker + md_escape(text), ""]
    return "\n".join(lines) + "\n"


def html_doc(order):
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>order</title></head><body>']
    open_lists = []  # per level: whether an <ol> is open (and an <li>)
    def close_to(level):
        while len(open_lists) > level:
            open_lists.pop()
            out.append("</li></ol>")
    for b in blocks_html(order):
        level = b[1]
        close_to(level + (1 if b[0] == "item" else 0))
        if b[0] == "para":
            out.append(f"<p>{html.escape(b[2])}</p>")
            continue
        _, _, _, value, text, new_list = b
        if len(open_lists) > level and not new_list:
            out.append("</li>")
        else:
            close_to(level)
            out.append(f'<ol start="{value}">')
            open_lists.append(True)
        out.append(f"<li><p>{html.escape(text)}</p>")
    close_to(0)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def blocks_html(order):
    """As [`blocks`], with `1)` and `(1)` items typed (HTML has no such list):
    their children move up to their level."""
    out = []
    for b in blocks(order):
        out.append(b)
    fixed = []
    shift = []  # (level of a typed item, levels removed below it)
    for b in out:
        level = b[1]
        while shift and level <= shift[-1]:
            shift.pop()
        new_level = level - len(shift)
        if b[0] == "item" and b[2] != DECIMAL:
            marker = f"{b[3]})" if b[2] == CLOSE else f"({b[3]})"
            fixed.append(("para", new_level, f"{marker} {b[4]}"))
            shift.append(level)
            continue
        fixed.append((b[0], new_level) + b[2:])
    return fixed


def python_docx(order, path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    w = nsdecls("w")

    def level(ilvl, fmt, text):
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        )

    dotted = "".join(
        level(i, "decimal", ".".join(f"%{k + 1}" for k in range(i + 1)) + ("." if i == 0 else ""))
        for i in range(9)
    )
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>{dotted}</w:abstractNum>'))
    for aid, text in ((11, "%1)"), (12, "(%1)")):
        levels = "".join(level(i, "decimal", text.replace("%1", f"%{i + 1}")) for i in range(9))
        numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="{aid}"><w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'))
    nums = {"next": 20}

    def new_num(abstract, start=None):
        num_id = nums["next"]
        nums["next"] += 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if start is not None
            else ""
        )
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'))
        return num_id

    dotted_num = new_num(10)
    current = {}  # level -> num of the open non-dotted list

    def numbered(text, num_id, ilvl):
        p = document.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    dotted_level = 0
    for b in blocks(order):
        if b[0] == "para":
            p = document.add_paragraph(b[2])
            if b[1]:
                p.paragraph_format.left_indent = docx.shared.Twips(720 * b[1])
            continue
        _, lvl, style, value, text, new_list = b
        if style == DECIMAL:
            # Word continues one multilevel list across the headings between
            numbered(text, dotted_num, lvl)
            dotted_level = lvl
        else:
            if new_list or lvl not in current:
                current[lvl] = new_num(11 if style == CLOSE else 12, value)
            # a `1)` list under dotted items is drawn at level 0 of its own
            # list: Word's "restart numbering", a num with a startOverride
            numbered(text, current[lvl], 0)
        for deeper in [k for k in current if k > lvl]:
            del current[deeper]
    del dotted_level
    document.save(path)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("markdown", "html", "python-docx"):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[2], encoding="utf-8") as f:
        order = json.load(f)
    if argv[1] == "python-docx":
        python_docx(order, argv[3])
        return 0
    text = markdown(order) if argv[1] == "markdown" else html_doc(order)
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
