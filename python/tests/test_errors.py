"""Errors: KamsangError (a ValueError) or OSError, with the CLI's one line."""

import errno
import io
import zipfile
from pathlib import Path

import pytest

import kamsang


def cli_line(e):
    return "kamsang: " + str(e)


def test_a_missing_file_is_file_not_found(cli):
    with pytest.raises(FileNotFoundError) as e:
        kamsang.parse("no/such/order.txt")
    assert e.value.errno == errno.ENOENT
    assert (e.value.path, e.value.line, e.value.kind) == ("no/such/order.txt", None, "io")
    assert cli_line(e.value) == cli.error("parse", "no/such/order.txt")
    assert not isinstance(e.value, kamsang.KamsangError)


def test_a_folder_is_a_directory_error():
    # the CLI refuses a folder before reading it (exit 2, "use `kamsang batch`");
    # the library's own message is "cannot read: is a directory"
    with pytest.raises(IsADirectoryError, match=r"^fixtures: cannot read: is a directory$") as e:
        kamsang.parse("fixtures")
    assert e.value.errno == errno.EISDIR


def inputs(tmp_path):
    """Unreadable inputs, each as a file the CLI is given."""
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document>" * 10)
    docx = Path("fixtures/docx/phetchaburi1-typed.docx").read_bytes()
    cases = {
        "empty.txt": b"",
        "blank.txt": b"\n \n\t\n",
        "order.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8,
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "text.docx": "๑. นายสมชาย ใจดี\n".encode(),
        "truncated.docx": docx[: len(docx) // 2],
        "broken.docx": broken.getvalue(),
        "random.bin": bytes((i * 7919 + 13) % 256 for i in range(4096)),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    return cases


def test_unreadable_inputs_have_the_cli_messages(cli, tmp_path):
    for name, data in inputs(tmp_path).items():
        path = str(tmp_path / name)
        with pytest.raises(kamsang.KamsangError) as from_path:
            kamsang.parse(path)
        assert cli_line(from_path.value) == cli.error("parse", path), name
        assert from_path.value.path == path
        assert from_path.value.kind in ("empty", "encoding", "unsupported", "corrupt", "limit")
        # the same bytes, named the same, give the same error
        with pytest.raises(kamsang.KamsangError) as from_bytes:
            kamsang.parse(data, name=path)
        assert str(from_bytes.value) == str(from_path.value), name


def test_empty_bytes_from_stdin(cli):
    with pytest.raises(kamsang.KamsangError) as e:
        kamsang.parse(b"")
    assert e.value.kind == "empty"
    assert cli_line(e.value) == cli.error("parse", "-", stdin=b"")


def test_a_long_line_names_its_line(cli, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("เรื่อง ทดสอบ\n1. นายสมชาย ใจดี\n" + "ก" * 50 + "\n", "utf-8")
    with pytest.raises(kamsang.KamsangError) as e:
        kamsang.parse(path, max_line_length=40)
    assert (e.value.line, e.value.kind) == (3, "limit")
    assert cli_line(e.value) == cli.error("parse", "--max-line-length", "40", path)


def test_a_file_past_the_size_limit(cli, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("๑. นายสมชาย ใจดี\n" * 100, "utf-8")
    with pytest.raises(kamsang.KamsangError) as e:
        kamsang.parse(path, max_file_size=1000)
    assert cli_line(e.value) == cli.error("parse", "--max-file-size", "1000", path)


def test_a_name_with_a_newline_stays_on_one_line():
    with pytest.raises(kamsang.KamsangError) as e:
        kamsang.parse(b"", name="a\nkamsang: forged.txt")
    assert str(e.value) == "a\\nkamsang: forged.txt: empty input: no text to parse"


def test_bad_arguments_are_python_errors():
    path = "fixtures/parse/phetchaburi1-policy-plan.txt"
    with pytest.raises(TypeError, match="unexpected keyword argument 'max_size'"):
        kamsang.parse(path, max_size=1)
    with pytest.raises(TypeError, match="unexpected keyword argument 'arabic_digits'"):
        kamsang.diff(path, path, arabic_digits=True)
    with pytest.raises(ValueError, match="unknown encoding 'latin-1'"):
        kamsang.parse(path, encoding="latin-1")
    with pytest.raises(ValueError, match="max_depth must be 1 to 256, not 0"):
        kamsang.parse(path, max_depth=0)
    with pytest.raises(TypeError, match="expected a path"):
        kamsang.parse(12)
    with pytest.raises(TypeError, match="name= names bytes"):
        kamsang.parse(path, name="x.txt")
    with pytest.raises(TypeError, match="a dict is an order already"):
        kamsang.parse({})
    with pytest.raises(TypeError, match="looks like JSON text"):
        kamsang.render(kamsang.parse_json(path))
    with pytest.raises(ValueError, match="unknown numbering"):
        kamsang.render(path, "docx", numbering="roman")


def test_a_dict_that_is_not_an_order():
    with pytest.raises(kamsang.KamsangError, match=r"^<dict>: JSON that is not a kamsang duty order: ") as e:
        kamsang.render({"schema_version": "1.1.0"})
    assert e.value.kind == "corrupt"


def test_the_exception_is_a_value_error():
    assert issubclass(kamsang.KamsangError, ValueError)
    assert kamsang.KamsangError.__module__ == "kamsang"


def test_arguments_are_matched_as_python_does():
    with pytest.raises(TypeError, match=r"^parse\(\) missing required argument: 'source'$"):
        kamsang.parse()
    with pytest.raises(TypeError, match=r"^parse\(\) takes 1 positional argument but 2 were given$"):
        kamsang.parse("a.txt", "txt")
    with pytest.raises(TypeError, match=r"^parse\(\) got multiple values for argument 'source'$"):
        kamsang.parse("a.txt", source="b.txt")
    with pytest.raises(TypeError, match=r"^normalize\(\) got an unexpected keyword argument 'encoding'$"):
        kamsang.normalize("x", encoding="utf-8")
    # keywords by name, None as not given
    path = "fixtures/parse/phetchaburi1-policy-plan.txt"
    assert kamsang.parse_json(source=path, format=None, max_depth=None) == kamsang.parse_json(path)
    assert kamsang.render(order=path, format="txt") == kamsang.render(path)


def test_functions_say_what_they_are():
    for f in (kamsang.parse, kamsang.parse_json, kamsang.diff, kamsang.diff_report, kamsang.render, kamsang.normalize, kamsang.schema):
        assert f.__module__ == "kamsang"
        assert f.__doc__.startswith(f.__name__ + "(")
