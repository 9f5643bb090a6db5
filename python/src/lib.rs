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
use pyo3::types::{PyBytes, PyCFunction, PyDict, PyString, PyTuple};
use std::ffi::CStr;

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
    if name.is_some() {
        return Err(PyTypeError::new_err(
            "name= names bytes; a path is named by itself",
        ));
    }
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

/// The arguments of one call, matched to a function's parameters as Python
/// would: `positional` may come by position or keyword, `keywords` only by
/// keyword; other keywords are the reading options (`**read`).
struct Call<'py> {
    function: &'static str,
    values: Vec<Option<Bound<'py, PyAny>>>,
    read: Option<Bound<'py, PyDict>>,
}

impl<'py> Call<'py> {
    fn new(
        function: &'static str,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        positional: &[&str],
        keywords: &[&str],
    ) -> PyResult<Self> {
        if args.len() > positional.len() {
            return Err(PyTypeError::new_err(format!(
                "{function}() takes {} positional argument{} but {} were given",
                positional.len(),
                if positional.len() == 1 { "" } else { "s" },
                args.len()
            )));
        }
        let mut values: Vec<Option<Bound<'py, PyAny>>> = args.iter().map(Some).collect();
        values.resize(positional.len() + keywords.len(), None);
        let mut read = None;
        for (key, value) in kwargs.into_iter().flat_map(|k| k.iter()) {
            let key: String = key.extract()?;
            let slot = positional
                .iter()
                .chain(keywords)
                .position(|p| *p == key)
                .and_then(|i| values.get_mut(i));
            match slot {
                Some(Some(_)) => {
                    return Err(PyTypeError::new_err(format!(
                        "{function}() got multiple values for argument '{key}'"
                    )));
                }
                Some(slot) => *slot = Some(value),
                None => {
                    let dict = read.get_or_insert_with(|| PyDict::new(args.py()));
                    dict.set_item(key, value)?;
                }
            }
        }
        Ok(Call {
            function,
            values,
            read,
        })
    }

    /// The argument in parameter slot `i`, when given and not None.
    fn get(&self, i: usize) -> Option<&Bound<'py, PyAny>> {
        self.values
            .get(i)
            .and_then(Option::as_ref)
            .filter(|v| !v.is_none())
    }

    /// A required argument.
    fn required(&self, i: usize, name: &str) -> PyResult<&Bound<'py, PyAny>> {
        self.values.get(i).and_then(Option::as_ref).ok_or_else(|| {
            PyTypeError::new_err(format!(
                "{}() missing required argument: '{name}'",
                self.function
            ))
        })
    }

    /// An optional argument of type `T`.
    fn opt<T: for<'a> FromPyObject<'a, 'py>>(&self, i: usize) -> PyResult<Option<T>> {
        self.get(i)
            .map(|v| v.extract().map_err(Into::into))
            .transpose()
    }

    /// The reading options of the call.
    fn options(&self, digits_ok: bool) -> PyResult<Options> {
        options(self.function, self.read.as_ref(), digits_ok)
    }
}

/// The parsed order of `parse` / `parse_json`: parameters `source`, then
/// `format` and `name` (keyword only), checked against `format=`.
fn parsed(py: Python<'_>, call: &Call<'_>) -> PyResult<DutyOrder> {
    let options = call.options(true)?;
    let format: Option<String> = call.opt(1)?;
    let input = input(call.required(0, "source")?, call.opt(2)?, false)?;
    let order = order(py, &input, options, false)?;
    check_format(&order, format.as_deref())?;
    Ok(order)
}

/// `parse(source, *, format=None, name=None, **read) -> dict`.
fn parse(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
    let call = Call::new("parse", args, kwargs, &["source"], &["format", "name"])?;
    let order = parsed(args.py(), &call)?;
    let json = serde_json::to_string(&order).map_err(serialise_err)?;
    loads(args.py(), &json)
}

/// `parse_json(source, *, format=None, name=None, compact=False, **read) -> str`.
fn parse_json(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let keywords = ["format", "name", "compact"];
    let call = Call::new("parse_json", args, kwargs, &["source"], &keywords)?;
    let order = parsed(args.py(), &call)?;
    let compact = call.opt::<bool>(3)?.unwrap_or(false);
    let mut json = if compact {
        serde_json::to_string(&order)
    } else {
        serde_json::to_string_pretty(&order)
    }
    .map_err(serialise_err)?;
    json.push('\n');
    Ok(json)
}

/// The diff of a call's `old` and `new` (documents, orders' JSON, or dicts).
fn two_orders(py: Python<'_>, call: &Call<'_>) -> PyResult<kamsang::Diff> {
    let options = call.options(false)?;
    let old = order(
        py,
        &input(call.required(0, "old")?, None, true)?,
        options,
        true,
    )?;
    let new = order(
        py,
        &input(call.required(1, "new")?, None, true)?,
        options,
        true,
    )?;
    Ok(py.detach(|| kamsang::diff(&old, &new)))
}

/// `diff(old, new, **read) -> dict`.
fn diff(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
    let call = Call::new("diff", args, kwargs, &["old", "new"], &[])?;
    let d = two_orders(args.py(), &call)?;
    let json = serde_json::to_string(&d).map_err(serialise_err)?;
    loads(args.py(), &json)
}

/// `diff_report(old, new, *, format="text", lang="th", **read) -> str`: the
/// report of `kamsang diff --format FORMAT --lang LANG` (text uncoloured),
/// byte for byte what the CLI writes to a file.
fn diff_report(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let call = Call::new(
        "diff_report",
        args,
        kwargs,
        &["old", "new"],
        &["format", "lang"],
    )?;
    let format = call.opt::<String>(2)?.unwrap_or_else(|| "text".to_string());
    let lang = call.opt::<String>(3)?.unwrap_or_else(|| "th".to_string());
    let Some(lang) = kamsang::diff::report::Lang::parse(&lang) else {
        return Err(PyValueError::new_err(format!(
            "unknown lang '{lang}' (use th or en)"
        )));
    };
    if !["text", "json", "html"].contains(&format.as_str()) {
        return Err(PyValueError::new_err(format!(
            "unknown format '{format}' (use text, json or html)"
        )));
    }
    let d = two_orders(args.py(), &call)?;
    Ok(match format.as_str() {
        "json" => {
            let mut s = serde_json::to_string_pretty(&d).map_err(serialise_err)?;
            s.push('\n');
            s
        }
        "html" => kamsang::diff::report::html(&d, lang),
        _ => kamsang::diff::report::text(&d, lang, false),
    })
}

/// The formats of `render`, as `kamsang render --to` names them.
const RENDER_FORMATS: [&str; 6] = ["txt", "docx", "html", "md", "xlsx", "csv"];

/// `render(order, format="txt", *, numbering="typed", lang="th", **read)`:
/// what `kamsang render --to FORMAT` writes, byte for byte — .txt, .html and
/// .md as str, .docx and .xlsx as bytes, .csv as a dict of the files the
/// command writes into its output folder (`{"people.csv": bytes, …}`, each
/// UTF-8 with a byte-order mark).
fn render(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
    let py = args.py();
    let call = Call::new(
        "render",
        args,
        kwargs,
        &["order", "format"],
        &["numbering", "lang"],
    )?;
    let format = call.opt::<String>(1)?.unwrap_or_else(|| "txt".to_string());
    let numbering = call
        .opt::<String>(2)?
        .unwrap_or_else(|| "typed".to_string());
    let numbering: kamsang::render::Numbering = numbering.parse().map_err(PyValueError::new_err)?;
    let lang = call.opt::<String>(3)?.unwrap_or_else(|| "th".to_string());
    let lang: kamsang::render::Lang = lang.parse().map_err(PyValueError::new_err)?;
    if !RENDER_FORMATS.contains(&format.as_str()) {
        return Err(PyValueError::new_err(format!(
            "unknown format '{format}' (use {})",
            RENDER_FORMATS.join(", ")
        )));
    }
    let options = call.options(false)?;
    let input = input(call.required(0, "order")?, None, true)?;
    let order = self::order(py, &input, options, true)?;
    let name = input.name().to_string();
    let text = |s: String| Ok(PyString::new(py, &s).into_any().unbind());
    match format.as_str() {
        "txt" => return text(py.detach(|| kamsang::render::render_txt(&order))),
        "html" => return text(py.detach(|| kamsang::render::render_html_in(&order, lang))),
        "md" => return text(py.detach(|| kamsang::render::render_md_in(&order, lang))),
        _ => {}
    }
    let cannot = |e: String| {
        Error::new(
            name.as_str(),
            ErrorKind::Limit(format!("cannot write: {e}")),
        )
    };
    if format == "xlsx" || format == "csv" {
        let sheets = py.detach(|| kamsang::render::Sheets::of(&order));
        if format == "xlsx" {
            let bytes = run(py, &name, || sheets.to_xlsx().map_err(cannot))?;
            return Ok(PyBytes::new(py, &bytes).into_any().unbind());
        }
        let files = run(py, &name, || sheets.to_csv().map_err(cannot))?;
        let dict = PyDict::new(py);
        for (sheet, bytes) in files {
            dict.set_item(format!("{sheet}.csv"), PyBytes::new(py, &bytes))?;
        }
        return Ok(dict.into_any().unbind());
    }
    let bytes = run(py, &name, || {
        kamsang::render::render_docx_with(&order, numbering, options.limits)
            .map_err(|e| Error::new(name.as_str(), ErrorKind::Limit(e.to_string())))
    })?;
    Ok(PyBytes::new(py, &bytes).into_any().unbind())
}

/// `normalize(text) -> str`: Thai text normalised line by line, as `kamsang
/// normalize` does each line (mark order, look-alike vowels, invisible
/// characters, spaces); line ends become `\n`.
fn normalize(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let call = Call::new("normalize", args, kwargs, &["text"], &[])?;
    if let Some(read) = &call.read {
        let key = read.keys().get_item(0)?;
        return Err(PyTypeError::new_err(format!(
            "normalize() got an unexpected keyword argument '{key}'"
        )));
    }
    let text: String = call.required(0, "text")?.extract()?;
    // the line ends the reader knows: CR LF, LF, CR
    Ok(text
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(kamsang::normalize_line)
        .collect::<Vec<_>>()
        .join("\n"))
}

/// `schema(*, diff=False) -> dict`: the JSON Schema of the order (or of the
/// diff report).
fn schema(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Py<PyAny>> {
    let call = Call::new("schema", args, kwargs, &[], &["diff"])?;
    if call.read.is_some() {
        return Err(PyTypeError::new_err(
            "schema() takes only the keyword argument 'diff'",
        ));
    }
    let json = if call.opt::<bool>(0)?.unwrap_or(false) {
        kamsang::schema::diff_schema_json()
    } else {
        kamsang::schema::schema_json()
    };
    loads(args.py(), &json)
}

/// A module function: `(args, kwargs)` to a Python value.
type Function =
    for<'py> fn(&Bound<'py, PyTuple>, Option<&Bound<'py, PyDict>>) -> PyResult<Py<PyAny>>;

/// Every function of the module with its name and first doc line.
const FUNCTIONS: [(&CStr, &CStr, Function); 7] = [
    (c"parse", c"parse(source, *, format=None, name=None, **read) -> dict\n\nThe order as a dict: the JSON of `kamsang parse`.", |a, k| parse(a, k)),
    (c"parse_json", c"parse_json(source, *, format=None, name=None, compact=False, **read) -> str\n\nThe JSON text `kamsang parse [--compact]` prints, byte for byte.", |a, k| parse_json(a, k).map(|s| PyString::new(a.py(), &s).into_any().unbind())),
    (c"diff", c"diff(old, new, **read) -> dict\n\nWhat changed: the JSON of `kamsang diff --format json`.", |a, k| diff(a, k)),
    (c"diff_report", c"diff_report(old, new, *, format='text', **read) -> str\n\nThe text (uncoloured), JSON or HTML report of `kamsang diff`.", |a, k| diff_report(a, k).map(|s| PyString::new(a.py(), &s).into_any().unbind())),
    (c"render", c"render(order, format='txt', *, numbering='typed', lang='th', **read) -> str | bytes | dict\n\nWhat `kamsang render --to FORMAT` writes: txt, html, md as str; docx, xlsx as bytes; csv as a dict of file name to bytes.", |a, k| render(a, k)),
    (c"normalize", c"normalize(text) -> str\n\nThai text normalised line by line, as `kamsang normalize` does each line.", |a, k| normalize(a, k).map(|s| PyString::new(a.py(), &s).into_any().unbind())),
    (c"schema", c"schema(*, diff=False) -> dict\n\nThe JSON Schema of the order (or of the diff report).", |a, k| schema(a, k)),
];

/// The module: built without pyo3's proc macros, so that the crate's
/// dependencies are exactly the library's (pyo3's macros would turn on
/// syn features that change the build of every crate with a derive, and
/// nothing of `cargo build --lib --no-default-features` could be reused).
fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    // SAFETY: MODULE_DEF lives as long as the process, and CPython (holding
    // the GIL) is its only user: an extension module must come from its def
    let m = unsafe {
        Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyModule_Create(&raw mut MODULE_DEF))?
    };
    let m = m.cast_into::<PyModule>()?;
    m.add("KamsangError", py.get_type::<KamsangError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", kamsang::model::SCHEMA_VERSION)?;
    m.add("DIFF_SCHEMA_VERSION", kamsang::diff::DIFF_SCHEMA_VERSION)?;
    m.add("ENCODINGS", kamsang::ENCODING_LABELS.to_vec())?;
    for (name, doc, f) in FUNCTIONS {
        // one lifetime for the arguments and the keywords, as `Call` has them
        let call = move |args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>| {
            f(args, kwargs.map(|k| k.as_unbound().bind(args.py())))
        };
        let function = PyCFunction::new_closure(py, Some(name), Some(doc), call)?;
        function.setattr("__module__", "kamsang")?;
        m.add(name.to_str().unwrap_or_default(), function)?;
    }
    Ok(m)
}

/// The definition of the module: a single-phase extension module (CPython
/// keeps it, so it is initialised once per process).
static mut MODULE_DEF: pyo3::ffi::PyModuleDef = pyo3::ffi::PyModuleDef {
    m_base: pyo3::ffi::PyModuleDef_HEAD_INIT,
    m_name: c"kamsang._kamsang".as_ptr(),
    m_doc: c"The native half of the kamsang package (see kamsang's docstring).".as_ptr(),
    m_size: -1,
    m_methods: std::ptr::null_mut(),
    m_slots: std::ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

/// The entry point CPython calls on `import kamsang._kamsang`.
///
/// # Safety
/// Called by the interpreter, with the GIL held, once per import.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyInit__kamsang() -> *mut pyo3::ffi::PyObject {
    // SAFETY: CPython holds the GIL while it runs a module's init function
    let py = unsafe { Python::assume_attached() };
    match catch_unwind(AssertUnwindSafe(|| module(py))) {
        Ok(Ok(m)) => m.into_ptr(),
        Ok(Err(e)) => {
            e.restore(py);
            std::ptr::null_mut()
        }
        Err(_) => {
            KamsangError::new_err("internal error while loading the module (please report)")
                .restore(py);
            std::ptr::null_mut()
        }
    }
}
