#!/usr/bin/env python3
"""Write a valid ~200 MB duty order for the big-input check (scripts/big-input.sh).

The reference order's header once, then its seven people repeated with their
numbers carried on (1.–7., 8.–14., …, sub-items 8.1, 8.1.1 …), so that the
result is one long but well-formed order: every person a real person, no
renumbering diagnostics. Usage: big-order.py OUT [MiB]
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "fixtures/parse/phetchaburi1-policy-plan.txt"

out_path = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 200) * 1024 * 1024
lines = REF.read_text(encoding="utf-8").split("\n")
first = next(i for i, l in enumerate(lines) if re.match(r"^1\.\s", l))
head, body = lines[:first], lines[first:]
while body and not body[-1].strip():
    body.pop()
people = max(int(m.group(1)) for l in body if (m := re.match(r"^(\d+)\.\s", l)))
person = re.compile(r"^(\d+)(\.\s)")
dotted = re.compile(r"^(\s*)(\d+)(\.\d)")
with open(out_path, "w", encoding="utf-8") as out:
    out.write("\n".join(head) + "\n")
    size, k = 0, 0
    while size < target:
        off = k * people
        chunk = []
        for l in body:
            l = person.sub(lambda m: f"{int(m.group(1)) + off}{m.group(2)}", l)
            l = dotted.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + off}{m.group(3)}", l)
            chunk.append(l)
        text = "\n".join(chunk) + "\n"
        out.write(text)
        size += len(text.encode("utf-8"))
        k += 1
print(f"{out_path}: {k} copies, {k * people} people, {size} bytes of body")
