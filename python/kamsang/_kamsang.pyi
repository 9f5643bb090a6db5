"""Type hints of the native module kamsang._kamsang (re-exported by kamsang)."""

import os
from typing import Any, Literal, Optional, Union, overload

__version__: str
SCHEMA_VERSION: str
DIFF_SCHEMA_VERSION: str
ENCODINGS: list[str]

#: A path (str or os.PathLike) is read from disk ("-" is stdin); bytes or a
#: bytearray are the content of a document, named by ``name=`` (default "-",
#: as the CLI names stdin).
Source = Union[str, "os.PathLike[str]", bytes, bytearray]
#: Where an order comes from: a document or the JSON ``kamsang parse`` wrote
#: (a path or bytes, told apart by content), or a dict that ``parse`` returned.
OrderSource = Union[str, "os.PathLike[str]", bytes, bytearray, dict[str, Any]]
Encoding = Literal["utf-8", "utf-16le", "utf-16be", "tis-620", "windows-874"]
Format = Literal["txt", "docx", "xlsx", "ods"]

class KamsangError(ValueError):
    """An input kamsang cannot read: empty, undecodable, a refused or damaged
    format, past a limit. ``str(e)`` is the CLI's message without
    ``kamsang: ``. I/O failures are OSError (FileNotFoundError,
    PermissionError, IsADirectoryError) with the same message and attributes."""

    path: str
    line: Optional[int]
    kind: Literal["empty", "encoding", "unsupported", "corrupt", "limit", "other"]

def parse(
    source: Source,
    *,
    format: Optional[Format] = None,
    name: Optional[str] = None,
    encoding: Optional[Encoding] = None,
    arabic_digits: bool = False,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> dict[str, Any]:
    """The order as a dict (the JSON of ``kamsang parse``). The reader is
    picked by content; ``format=`` makes another format a KamsangError."""

def parse_json(
    source: Source,
    *,
    format: Optional[Format] = None,
    name: Optional[str] = None,
    compact: bool = False,
    encoding: Optional[Encoding] = None,
    arabic_digits: bool = False,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> str:
    """The JSON text ``kamsang parse [--compact]`` prints, byte for byte."""

def diff(
    old: OrderSource,
    new: OrderSource,
    *,
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> dict[str, Any]:
    """What changed from ``old`` to ``new`` (the JSON of ``kamsang diff --format json``)."""

def diff_report(
    old: OrderSource,
    new: OrderSource,
    *,
    format: Literal["text", "json", "html"] = "text",
    lang: Literal["th", "en"] = "th",
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> str:
    """The report ``kamsang diff --format FORMAT --lang LANG -o FILE`` writes (text uncoloured)."""

@overload
def render(
    order: OrderSource,
    format: Literal["txt"] = "txt",
    *,
    numbering: Literal["typed", "auto"] = "typed",
    lang: Literal["th", "en"] = "th",
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> str: ...
@overload
def render(
    order: OrderSource,
    format: Literal["html", "md"],
    *,
    numbering: Literal["typed", "auto"] = "typed",
    lang: Literal["th", "en"] = "th",
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> str: ...
@overload
def render(
    order: OrderSource,
    format: Literal["docx", "xlsx"],
    *,
    numbering: Literal["typed", "auto"] = "typed",
    lang: Literal["th", "en"] = "th",
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> bytes: ...
@overload
def render(
    order: OrderSource,
    format: Literal["csv"],
    *,
    numbering: Literal["typed", "auto"] = "typed",
    lang: Literal["th", "en"] = "th",
    encoding: Optional[Encoding] = None,
    max_file_size: Optional[int] = None,
    max_part_size: Optional[int] = None,
    max_ratio: Optional[int] = None,
    max_line_length: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> dict[str, bytes]: ...
def normalize(text: str) -> str:
    """Thai text normalised line by line, as ``kamsang normalize`` does each line."""

def schema(*, diff: bool = False) -> dict[str, Any]:
    """The JSON Schema of the order (or of the diff report)."""
