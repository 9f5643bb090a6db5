"""The README's Python example runs and builds the people × duties table."""

import contextlib
import importlib.util
import io
import re

import kamsang
from conftest import ROOT, skip_without


def readme_block(marker):
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    found = [b for b in blocks if marker in b]
    assert len(found) == 1, f"one ```python block with {marker!r} in README.md"
    return found[0]


def test_the_pandas_example_builds_the_people_by_duties_table():
    skip_without(importlib.util.find_spec("pandas") is not None, "KAMSANG_REQUIRE_PANDAS", "pandas is not installed")
    code = readme_block("pd.DataFrame")
    scope = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), scope)
    table = scope["table"]
    order = kamsang.parse("fixtures/parse/phetchaburi1-policy-plan.txt")
    rows = [(p["full_name"], d["number"], d["title"]) for p in order["people"] for d in p["duties"]]
    assert len(rows) > len(order["people"]) > 1
    assert list(table.columns) == ["person", "position", "number", "duty", "kind"]
    assert list(table[["person", "number", "duty"]].itertuples(index=False, name=None)) == rows
    counts = table.groupby("person", sort=False).size()
    assert counts.to_dict() == {p["full_name"]: len(p["duties"]) for p in order["people"]}
    assert order["people"][0]["full_name"] in printed.getvalue()
