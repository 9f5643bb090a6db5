"""kamsang.parse / parse_json against `kamsang parse`, byte for byte."""

import json
from pathlib import Path

import pytest

import kamsang
from conftest import ROOT

# every real order of the corpus, the golden fixtures, and the other formats
TEXTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "corpus").glob("*.txt"))
TEXTS += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "parse").glob("*.txt"))
TEXTS += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "committee").glob("*.txt"))
DOCUMENTS = sorted(
    str(p.relative_to(ROOT))
    for folder in ("docx", "sheet")
    for p in (ROOT / "fixtures" / folder).iterdir()
    if p.suffix in (".docx", ".xlsx", ".ods")
)


def test_the_fixtures_are_there():
    assert len(TEXTS) >= 30 and len(DOCUMENTS) >= 5, (TEXTS, DOCUMENTS)


@pytest.mark.parametrize("path", TEXTS + DOCUMENTS)
def test_json_equals_the_cli_byte_for_byte(cli, path):
    assert kamsang.parse_json(path) == cli.stdout("parse", path)


@pytest.mark.parametrize("path", TEXTS[:3] + DOCUMENTS)
def test_compact_json_equals_the_cli(cli, path):
    assert kamsang.parse_json(path, compact=True) == cli.stdout("parse", "--compact", path)


@pytest.mark.parametrize("path", TEXTS[:5] + DOCUMENTS)
def test_bytes_named_as_the_path_give_the_same_json(path):
    data = Path(path).read_bytes()
    assert kamsang.parse_json(data, name=path) == kamsang.parse_json(path)
    assert kamsang.parse_json(bytearray(data), name=path) == kamsang.parse_json(path)


@pytest.mark.parametrize("path", [TEXTS[0], "fixtures/docx/phetchaburi1-typed.docx"])
def test_bytes_without_a_name_are_stdin(cli, path):
    data = Path(path).read_bytes()
    out = kamsang.parse_json(data)
    assert out == cli.stdout("parse", "-", stdin=data)
    assert json.loads(out)["source"]["path"] == "-"


def test_a_pathlike_is_a_path(cli):
    path = "fixtures/parse/phetchaburi1-policy-plan.txt"
    assert kamsang.parse_json(Path(path)) == cli.stdout("parse", path)


def test_parse_is_the_json_as_a_dict(cli):
    path = "fixtures/parse/phetchaburi1-policy-plan.txt"
    order = kamsang.parse(path)
    assert order == json.loads(cli.stdout("parse", path))
    assert order["schema_version"] == kamsang.SCHEMA_VERSION
    assert order["people"][0]["full_name"] == "นายชูศักดิ์ ประเสริฐ"


def test_arabic_digits_as_the_cli(cli):
    path = "fixtures/parse/05_ncpo_16_2560_teacher_personnel_committees.txt"
    out = kamsang.parse_json(path, arabic_digits=True)
    assert out == cli.stdout("parse", "--arabic-digits", path)
    assert out != kamsang.parse_json(path)


def test_a_forced_encoding_as_the_cli(cli, tmp_path):
    text = (ROOT / "fixtures/parse/phetchaburi1-policy-plan.txt").read_text("utf-8")
    path = tmp_path / "tis.txt"
    path.write_bytes(text.encode("cp874"))
    out = kamsang.parse_json(str(path), encoding="TIS-620")
    assert out == cli.stdout("parse", "--encoding", "tis-620", path)


def test_format_is_checked():
    path = "fixtures/docx/phetchaburi1-typed.docx"
    assert kamsang.parse(path, format="docx")["source"]["format"] == "docx"
    with pytest.raises(kamsang.KamsangError, match=r"^fixtures/docx/phetchaburi1-typed.docx: is a \.docx file, not \.txt"):
        kamsang.parse(path, format="txt")
    with pytest.raises(ValueError, match="unknown format"):
        kamsang.parse(path, format="pdf")


def test_limits_are_the_cli_flags(cli):
    path = "fixtures/parse/phetchaburi1-policy-plan.txt"
    with pytest.raises(kamsang.KamsangError) as e:
        kamsang.parse(path, max_nodes=10)
    assert e.value.kind == "limit"
    assert "kamsang: " + str(e.value) == cli.error("parse", "--max-nodes", "10", path)
    shallow = kamsang.parse_json(path, max_depth=1)
    assert shallow == cli.stdout("parse", "--max-depth", "1", path)
