//! `kamsang._kamsang`: the native half of the Python package `kamsang`.
//!
//! A thin shell over the library's public facade (`Parser`, `Options`,
//! `load_order_bytes`, `diff`, `render`, `normalize_line`), as the CLI is:
//! the JSON it returns is the CLI's, byte for byte, and its errors carry the
//! CLI's one-line messages (without the `kamsang: ` the CLI puts in front).
//! The GIL is released while an input is read and parsed.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use kamsang::{DutyOrder, Error, ErrorKind, Options, Parser};
use pyo3::create_exception;
use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyTypeError,
    PyValueError,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyDict, PyString};

create_exception!(
    kamsang,
    KamsangError,
    PyValueError,
    "An input kamsang cannot read (empty, undecodable, a refused or damaged format, past a limit). \
     str(e) is the CLI's message without `kamsang: `; e.path, e.line and e.kind tell the parts."
);

/// The name of bytes given without `name=`: what the CLI calls stdin.
const STDIN_NAME: &str = "-";

/// The name of an order given as a dict, in messages and `source.path`.
const DICT_NAME: &str = "<dict>";

/// The keyword arguments that set reading [`Options`], as the CLI's flags
/// (`--max-file-size` is `max_file_size=`); `arabic_digits` only where the
/// CLI has `--arabic-digits`.
const READ_KWARGS: [&str; 7] = [
    "encoding",
    "max_file_size",
    "max_part_size",
    "max_ratio",
    "max_line_length",
    "max_depth",
    "max_nodes",
];

/// One input as the caller gave it.
enum Input {
    /// A path (str or os.PathLike), read by the library.
    Path(String),
    /// The bytes of a document (or of an order's JSON), named.
    Bytes(String, PyBackedBytes),
    /// An order as a dict, as JSON text.
    Order(String),
}

impl Input {
    /// The name of the input in messages.
    fn name(&self) -> &str {
        match self {
            Input::Path(p) | Input::Bytes(p, _) => p,
            Input::Order(_) => DICT_NAME,
        }
    }
}

/// What `obj` is: bytes (or bytearray) are content, a dict is an order,
/// a str or os.PathLike a path.
fn input(obj: &Bound<'_, PyAny>, name: Option<String>, dict_ok: bool) -> PyResult<Input> {
    let py = obj.py();
    if obj.is_instance_of::<PyDict>() {
        if !dict_ok {
            return Err(PyTypeError::new_err(
                "a dict is an order already; parse takes a path (str or os.PathLike) or bytes",
            ));
        }
        let json = py.import("json")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        let text: String = json
            .call_method("dumps", (obj,), Some(&kwargs))?
            .extract()?;
        return Ok(Input::Order(text));
    }
    if let Ok(bytes) = obj.extract::<PyBackedBytes>() {
        return Ok(Input::Bytes(
            name.unwrap_or_else(|| STDIN_NAME.to_string()),
            bytes,
        ));
    }
    let path = if obj.is_instance_of::<PyString>() {
        obj.extract::<String>()?
    } else if obj.hasattr("__fspath__")? {
        let fspath = py.import("os")?.call_method1("fspath", (obj,))?;
        if fspath.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "a bytes path is not supported: give the path as str",
            ));
        }
        fspath.extract::<String>()?
    } else {
        let kind = obj.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike), bytes{}, not {kind}",
            if dict_ok { " or a dict" } else { "" }
        )));
    };
    if path.trim_start().starts_with('{') && !std::path::Path::new(&path).exists() {
        return Err(PyTypeError::new_err(
            "a str is a path, and this one looks like JSON text: pass json.loads(text) or text.encode()",
        ));
    }
    Ok(Input::Path(path))
}

/// [`Options`] from the reading keywords (`encoding=`, `max_*=`, and
/// `arabic_digits=` when `digits_ok`); an unknown keyword is a TypeError,
/// a bad value a ValueError, as a Python function's would be.
fn options(
    function: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
    digits_ok: bool,
) -> PyResult<Options> {
    let mut options = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(options);
    };
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        if value.is_none() {
            continue;
        }
        let limits = &mut options.limits;
        match key.as_str() {
            "encoding" => {
                let label: String = value.extract()?;
                let lower = label.to_ascii_lowercase();
                options = kamsang::ENCODING_LABELS
                    .contains(&lower.as_str())
                    .then(|| options.with_encoding_label(&lower))
                    .flatten()
                    .ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "unknown encoding '{label}' (use one of {})",
                            kamsang::ENCODING_LABELS.join(", ")
                        ))
                    })?;
            }
            "arabic_digits" if digits_ok => options.arabic_digits = value.extract()?,
            "max_file_size" => limits.max_file_bytes = value.extract()?,
            "max_part_size" => limits.max_part_bytes = value.extract()?,
            "max_ratio" => limits.max_ratio = value.extract()?,
            "max_line_length" => limits.max_line_chars = value.extract()?,
            "max_nodes" => limits.max_nodes = value.extract()?,
            "max_depth" => {
                let depth: usize = value.extract()?;
                if !(1..=kamsang::MAX_DEPTH_CEILING).contains(&depth) {
                    return Err(PyValueError::new_err(format!(
                        "max_depth must be 1 to {}, not {depth}",
                        kamsang::MAX_DEPTH_CEILING
                    )));
                }
                limits.max_depth = depth;
            }
            _ => {
                let mut known = READ_KWARGS.to_vec();
                if digits_ok {
                    known.push("arabic_digits");
                }
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{key}' (its reading options: {})",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(options)
}

/// The Python exception for a library error: an I/O failure is an OSError
/// (FileNotFoundError, PermissionError, IsADirectoryError) with `errno`,
/// everything else a [`KamsangError`]; `str()` is the CLI's line without
/// `kamsang: `, and `path`, `line` and `kind` are attributes of both.
fn py_err(py: Python<'_>, e: &Error) -> PyErr {
    let message = e.to_string();
    let (err, kind) = match e.kind() {
        ErrorKind::Io(what) => {
            let io = std::error::Error::source(e).and_then(|s| s.downcast_ref::<std::io::Error>());
            let err = match io.map(std::io::Error::kind) {
                Some(std::io::ErrorKind::NotFound) => PyFileNotFoundError::new_err(message),
                Some(std::io::ErrorKind::PermissionDenied) => PyPermissionError::new_err(message),
                None if what == "is a directory" => PyIsADirectoryError::new_err(message),
                _ => PyOSError::new_err(message),
            };
            let errno = io.and_then(std::io::Error::raw_os_error);
            // errno only: with `filename` or `strerror` set, str() would no
            // longer be the CLI's message
            if let Some(n) = errno.or((what == "is a directory").then_some(EISDIR)) {
                let _ = err.value(py).setattr("errno", n);
            }
            (err, "io")
        }
        kind => {
            let name = match kind {
                ErrorKind::Empty => "empty",
                ErrorKind::Encoding(_) => "encoding",
                ErrorKind::Unsupported(_) => "unsupported",
                ErrorKind::Corrupt(_) => "corrupt",
                ErrorKind::Limit(_) => "limit",
                _ => "other",
            };
            (KamsangError::new_err(message), name)
        }
    };
    let value = err.value(py);
    // attributes of a fresh exception instance: setting them cannot fail
    let _ = value.setattr("path", e.path());
    let _ = value.setattr("line", e.line());
    let _ = value.setattr("kind", kind);
    err
}

/// `errno` of "is a directory" (the library decides it from metadata, with
/// no OS error behind it): EISDIR on Linux, macOS and Windows' C runtime.
const EISDIR: i32 = 21;

/// Run `f` without the GIL; a library error becomes its Python exception,
/// a panic (a bug no input should reach) the CLI's "internal error" line.
fn run<T: Send>(
    py: Python<'_>,
    name: &str,
    f: impl FnOnce() -> kamsang::Result<T> + Send,
) -> PyResult<T> {
    let result = py.detach(|| catch_unwind(AssertUnwindSafe(f)));
    match result {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(py_err(py, &e)),
        Err(_) => Err(KamsangError::new_err(format!(
            "{}: internal error (please report)",
            kamsang::error::escape_name(name)
        ))),
    }
}

/// The order of `input`: parsed (a document), or loaded (an order's JSON)
/// when `load` (what `kamsang diff` reads).
fn order(py: Python<'_>, input: &Input, options: Options, load: bool) -> PyResult<DutyOrder> {
    let parser = Parser::with_options(options);
    let name = input.name().to_string();
    match input {
        Input::Path(path) if load => run(py, &name, || parser.load_order(path)),
        Input::Path(path) => run(py, &name, || parser.parse_path(path)),
        Input::Bytes(name, bytes) if load => run(py, name, || parser.load_order_bytes(name, bytes)),
        Input::Bytes(name, bytes) => run(py, name, || parser.parse_bytes(name, bytes)),
        Input::Order(json) => run(py, &name, || {
            DutyOrder::from_json_slice(json.as_bytes(), options.limits.depth()).map_err(|e| {
                Error::new(
                    DICT_NAME,
                    ErrorKind::Corrupt(format!("JSON that is not a kamsang duty order: {e}")),
                )
            })
        }),
    }
}

/// Refuse an order whose `source.format` is not the `format=` asked for.
fn check_format(order: &DutyOrder, format: Option<&str>) -> PyResult<()> {
    let Some(format) = format else {
        return Ok(());
    };
    if !["txt", "docx", "xlsx", "ods"].contains(&format) {
        return Err(PyValueError::new_err(format!(
            "unknown format '{format}' (use txt, docx, xlsx or ods)"
        )));
    }
    let actual = order.source.format.as_str();
    if actual == format {
        return Ok(());
    }
    Err(KamsangError::new_err(format!(
        "{}: is a .{actual} file, not .{format} as format= asks",
        kamsang::error::escape_name(&order.source.path)
    )))
}

/// serde's JSON as a Python object, through the json module (one parse in C).
fn loads(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

/// A serialisation failure (none is expected: the model is plain data).
fn serialise_err(e: serde_json::Error) -> PyErr {
    KamsangError::new_err(format!("cannot serialise: {e}"))
}

/// The parsed order of one input, checked against `format=`.
fn parsed(
    py: Python<'_>,
    function: &str,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    name: Option<String>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<DutyOrder> {
    let options = options(function, kwargs, true)?;
    let input = input(source, name, false)?;
    let order = order(py, &input, options, false)?;
    check_format(&order, format)?;
    Ok(order)
}

/// Parse one order (a path, or the bytes of a document) into a dict: the
/// JSON of `kamsang parse`.
#[pyfunction]
#[pyo3(signature = (source, *, format = None, name = None, **kwargs))]
fn parse(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    name: Option<String>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let order = parsed(py, "parse", source, format, name, kwargs)?;
    let json = serde_json::to_string(&order).map_err(serialise_err)?;
    loads(py, &json)
}

/// Parse one order into JSON text, byte for byte what `kamsang parse`
/// (`--compact`) prints for the same input.
#[pyfunction]
#[pyo3(signature = (source, *, format = None, name = None, compact = false, **kwargs))]
fn parse_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    name: Option<String>,
    compact: bool,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let order = parsed(py, "parse_json", source, format, name, kwargs)?;
    let mut json = if compact {
        serde_json::to_string(&order)
    } else {
        serde_json::to_string_pretty(&order)
    }
    .map_err(serialise_err)?;
    json.push('\n');
    Ok(json)
}

/// The two orders of a diff (documents, orders' JSON, or dicts).
fn two_orders(
    py: Python<'_>,
    function: &str,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<kamsang::Diff> {
    let options = options(function, kwargs, false)?;
    let old = order(py, &input(old, None, true)?, options, true)?;
    let new = order(py, &input(new, None, true)?, options, true)?;
    Ok(py.detach(|| kamsang::diff(&old, &new)))
}

/// What changed between two orders, as a dict: the JSON of `kamsang diff
/// --format json`.
#[pyfunction]
#[pyo3(signature = (old, new, **kwargs))]
fn diff(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let d = two_orders(py, "diff", old, new, kwargs)?;
    let json = serde_json::to_string(&d).map_err(serialise_err)?;
    loads(py, &json)
}

/// The report of `kamsang diff --format FORMAT` (text without colour, json,
/// html) as a str, byte for byte what the CLI writes to a file.
#[pyfunction]
#[pyo3(signature = (old, new, *, format = "text", **kwargs))]
fn diff_report(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    format: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    if !["text", "json", "html"].contains(&format) {
        return Err(PyValueError::new_err(format!(
            "unknown format '{format}' (use text, json or html)"
        )));
    }
    let d = two_orders(py, "diff_report", old, new, kwargs)?;
    Ok(match format {
        "json" => {
            let mut s = serde_json::to_string_pretty(&d).map_err(serialise_err)?;
            s.push('\n');
            s
        }
        "html" => kamsang::diff::report::html(&d),
        _ => kamsang::diff::report::text(&d, false),
    })
}

/// An order written back as a clean document: .txt as str, .docx as bytes
/// (what `kamsang render --to FORMAT` writes).
#[pyfunction]
#[pyo3(signature = (order, format = "txt", *, numbering = "typed", **kwargs))]
fn render(
    py: Python<'_>,
    order: &Bound<'_, PyAny>,
    format: &str,
    numbering: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let numbering: kamsang::render::Numbering = numbering.parse().map_err(PyValueError::new_err)?;
    if !["txt", "docx"].contains(&format) {
        return Err(PyValueError::new_err(format!(
            "unknown format '{format}' (use txt or docx)"
        )));
    }
    let options = options("render", kwargs, false)?;
    let input = input(order, None, true)?;
    let order = self::order(py, &input, options, true)?;
    let name = input.name().to_string();
    if format == "txt" {
        let text = py.detach(|| kamsang::render::render_txt(&order));
        return Ok(PyString::new(py, &text).into_any().unbind());
    }
    let bytes = run(py, &name, || {
        kamsang::render::render_docx_with(&order, numbering, options.limits)
            .map_err(|e| Error::new(name.as_str(), ErrorKind::Limit(e.to_string())))
    })?;
    Ok(PyBytes::new(py, &bytes).into_any().unbind())
}

/// Thai text normalised line by line, as `kamsang normalize` does each line
/// (mark order, look-alike vowels, invisible characters, spaces); line ends
/// become `\n`.
#[pyfunction]
fn normalize(text: &str) -> String {
    // the line ends the reader knows: CR LF, LF, CR
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(kamsang::normalize_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON Schema of the order (or, with `diff=True`, of the diff report)
/// as a dict.
#[pyfunction]
#[pyo3(signature = (*, diff = false))]
fn schema(py: Python<'_>, diff: bool) -> PyResult<Py<PyAny>> {
    let json = if diff {
        kamsang::schema::diff_schema_json()
    } else {
        kamsang::schema::schema_json()
    };
    loads(py, &json)
}

#[pymodule]
fn _kamsang(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KamsangError", py.get_type::<KamsangError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", kamsang::model::SCHEMA_VERSION)?;
    m.add("DIFF_SCHEMA_VERSION", kamsang::diff::DIFF_SCHEMA_VERSION)?;
    m.add("ENCODINGS", kamsang::ENCODING_LABELS.to_vec())?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(diff_report, m)?)?;
    m.add_function(wrap_pyfunction!(render, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    Ok(())
}
