"""diff, diff_report and render against the CLI, and round trips."""

import json
from pathlib import Path

import pytest

import kamsang
from conftest import ROOT

CASES = sorted(p.name for p in (ROOT / "fixtures" / "diff").iterdir() if (p / "old.txt").is_file())
ORDERS = ["fixtures/parse/phetchaburi1-policy-plan.txt", "fixtures/parse/05_ncpo_16_2560_teacher_personnel_committees.txt"]
# orders of people with duties: what render writes back and parse reads again
DUTY_ORDERS = ["fixtures/parse/phetchaburi1-policy-plan.txt", "fixtures/parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt"]


def pair(case):
    return f"fixtures/diff/{case}/old.txt", f"fixtures/diff/{case}/new.txt"


def test_there_are_diff_cases():
    assert len(CASES) >= 2


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("format", ["json", "text", "html"])
def test_diff_report_equals_the_cli(cli, case, format):
    old, new = pair(case)
    assert kamsang.diff_report(old, new, format=format) == cli.stdout("diff", "--format", format, old, new)


@pytest.mark.parametrize("case", CASES)
def test_diff_is_the_json_as_a_dict(case):
    old, new = pair(case)
    d = kamsang.diff(old, new)
    assert d == json.loads(kamsang.diff_report(old, new, format="json"))
    assert d["schema_version"] == kamsang.DIFF_SCHEMA_VERSION
    assert d["changes"], "the diff fixtures are edited: there are changes"
    # the same report from the parsed dicts, from the JSON kamsang parse wrote
    # and from the documents' bytes
    assert kamsang.diff(kamsang.parse(old), kamsang.parse(new)) == d
    assert kamsang.diff(kamsang.parse_json(old).encode(), kamsang.parse_json(new).encode()) == d
    from_bytes = kamsang.diff(Path(old).read_bytes(), Path(new).read_bytes())
    assert from_bytes["changes"] == d["changes"]
    assert from_bytes["old"]["path"] == "-"


def test_an_order_against_itself_has_no_changes():
    order = kamsang.parse(ORDERS[0])
    assert kamsang.diff(order, order)["changes"] == []


@pytest.mark.parametrize("path", ORDERS)
def test_render_txt_equals_the_cli(cli, tmp_path, path):
    out = tmp_path / "out.txt"
    cli.run("render", "--to", "txt", "-o", out, path)
    assert kamsang.render(path) == out.read_text("utf-8")
    assert kamsang.render(kamsang.parse(path), "txt") == out.read_text("utf-8")


@pytest.mark.parametrize("numbering", ["typed", "auto"])
def test_render_docx_equals_the_cli(cli, tmp_path, numbering):
    path = ORDERS[0]
    out = tmp_path / "out.docx"
    cli.run("render", "--to", "docx", "--numbering", numbering, "-o", out, path)
    docx = kamsang.render(kamsang.parse(path), "docx", numbering=numbering)
    assert isinstance(docx, bytes)
    assert docx == out.read_bytes()


@pytest.mark.parametrize("format", ["html", "md"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_render_view_equals_the_cli(cli, tmp_path, format, lang):
    path = ORDERS[1]
    out = tmp_path / f"out.{format}"
    cli.run("render", "--to", format, "--lang", lang, "-o", out, path)
    page = kamsang.render(path, format, lang=lang)
    assert isinstance(page, str)
    assert page == out.read_text("utf-8")


def zip_parts(data):
    """The parts of a zip, but the one that holds the time it was written."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_render_xlsx_equals_the_cli(cli, tmp_path):
    out = tmp_path / "out.xlsx"
    cli.run("render", "--to", "xlsx", "-o", out, ORDERS[1])
    book = kamsang.render(kamsang.parse(ORDERS[1]), "xlsx")
    assert isinstance(book, bytes)
    parts = zip_parts(book)
    assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"} <= parts.keys()
    assert parts == zip_parts(out.read_bytes())


def test_render_csv_equals_the_cli(cli, tmp_path):
    out = tmp_path / "tables"
    cli.run("render", "--to", "csv", "-o", out, ORDERS[1])
    files = kamsang.render(ORDERS[1], "csv")
    assert sorted(files) == sorted(p.name for p in out.iterdir())
    for name, data in files.items():
        assert data == (out / name).read_bytes(), name


@pytest.mark.parametrize("path", ORDERS)
def test_render_csv_has_the_rows_the_json_has(path):
    import csv
    import io

    order = kamsang.parse(path)
    files = kamsang.render(order, "csv")
    assert sorted(files) == ["committees.csv", "duties.csv", "people.csv"]
    assert all(data.startswith(b"\xef\xbb\xbf") for data in files.values()), "a BOM for Excel"

    def rows(name):
        return list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"), newline="")))

    assert [r["full_name"] for r in rows("people.csv")] == [p["full_name"] for p in order["people"]]
    members = [m for c in order["committees"] for m in c["members"]]
    assert len(rows("committees.csv")) == len(members)
    assert [r["role"] for r in rows("committees.csv")] == [m["role"] or "" for m in members]


def test_render_page_shows_the_order():
    order = kamsang.parse(ORDERS[1])
    page = kamsang.render(order, "html")
    assert page.startswith("<!DOCTYPE html>") and 'lang="th"' in page
    md = kamsang.render(order, "md", lang="en")
    for c in order["committees"]:
        assert c["name"] in page and c["name"] in md


def test_render_refuses_an_unknown_format_or_lang():
    with pytest.raises(ValueError, match="unknown format 'pdf' \\(use txt, docx, html, md, xlsx, csv\\)"):
        kamsang.render(ORDERS[0], "pdf")
    with pytest.raises(ValueError, match="unknown language"):
        kamsang.render(ORDERS[0], "html", lang="fr")


def people_and_duties(order):
    return [(p["full_name"], [d["title"] for d in p["duties"]]) for p in order["people"]]


@pytest.mark.parametrize("path", DUTY_ORDERS)
def test_render_round_trips(path):
    order = kamsang.parse(path)
    assert people_and_duties(order), "the order has people"
    text = kamsang.render(order)
    assert people_and_duties(kamsang.parse(text.encode(), name="x.txt")) == people_and_duties(order)
    docx = kamsang.render(order, "docx")
    assert people_and_duties(kamsang.parse(docx, name="x.docx")) == people_and_duties(order)
    # the JSON text as bytes is an order too
    assert kamsang.render(kamsang.parse_json(path).encode()) == text


def test_normalize_equals_the_cli_line_by_line(cli):
    for path in ORDERS + ["fixtures/corpus/001_pm_241_2566_royal_celebration_committee.txt"]:
        text = Path(path).read_text("utf-8-sig")
        assert kamsang.normalize(text).rstrip("\n") == cli.stdout("normalize", path).rstrip("\n")


def test_normalize_rules():
    assert kamsang.normalize("  น\u0e4d\u0e49\u0e32  ใจ\u00a0\u00a0ดี  ") == "น้ำ ใจ ดี"
    assert kamsang.normalize("เเก้ว\r\nเเก้ว\rx\n") == "แก้ว\nแก้ว\nx\n"
    text = Path(ORDERS[0]).read_text("utf-8")
    once = kamsang.normalize(text)
    assert kamsang.normalize(once) == once


def test_schema():
    assert kamsang.schema()["properties"]["schema_version"]
    assert kamsang.schema(diff=True)["$id"].endswith("duty-order-diff.v1.schema.json")
