"""kamsang: Thai government orders (คำสั่ง / ประกาศ) to schema-checked JSON.

A thin layer over the Rust library that the ``kamsang`` command uses: the JSON
is the command's byte for byte, and errors carry its one-line messages.
Importing the package reads no network and loads no model.

>>> import kamsang
>>> order = kamsang.parse("order.txt")          # doctest: +SKIP
>>> order["people"][0]["duties"][0]["title"]    # doctest: +SKIP
"""

from ._kamsang import (
    DIFF_SCHEMA_VERSION,
    ENCODINGS,
    SCHEMA_VERSION,
    KamsangError,
    __version__,
    diff,
    diff_report,
    normalize,
    parse,
    parse_json,
    render,
    schema,
)

__all__ = [
    "DIFF_SCHEMA_VERSION",
    "ENCODINGS",
    "SCHEMA_VERSION",
    "KamsangError",
    "__version__",
    "diff",
    "diff_report",
    "normalize",
    "parse",
    "parse_json",
    "render",
    "schema",
]
