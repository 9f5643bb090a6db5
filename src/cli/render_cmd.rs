//! `kamsang render` (one order as .txt, .docx, .html, .md, .xlsx or .csv)
//! and `kamsang export` (the tables of a whole archive of JSON, what `batch`
//! wrote). The tables as files (their bytes: [`Sheets::to_xlsx`],
//! [`Sheets::to_csv`]):
//!
//! - `.xlsx`: one workbook, sheets `people`, `duties`, `committees`.
//! - `.csv`: `-o` names a **folder**, which gets `people.csv`, `duties.csv`
//!   and `committees.csv`. Each file is written atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kamsang::render::Sheets;

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::{esc, guarded, plain_io, refuse_clobber, refuse_folder, write_output};

/// What `batch` writes at the top of its output beside the orders' JSON
/// (the run's summary, the list of failed files): not orders.
const BATCH_FILES: [&str; 2] = ["summary.json", "failures.jsonl"];

/// What `render` writes.
pub struct How<'a> {
    /// txt, docx, html, md, xlsx or csv.
    pub to: &'a str,
    /// How a .docx shows numbers.
    pub numbering: kamsang::render::Numbering,
    /// The language of the html / md page.
    pub lang: kamsang::render::Lang,
}

/// `kamsang render`: one input (or its JSON) written as `how.to` at `output`.
pub fn render(path: &str, output: &str, how: &How<'_>, options: &kamsang::Options) -> ExitCode {
    let How {
        to,
        numbering,
        lang,
    } = *how;
    if let Err(code) = refuse_csv_clobber(to, output, &[path]) {
        return code;
    }
    let order = match load_for_output(path, Some(output), options) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if matches!(to, "xlsx" | "csv") {
        return match catch_unwind(AssertUnwindSafe(|| kamsang::render::Sheets::of(&order))) {
            Ok(sheets) => write(&sheets, to, output),
            Err(_) => {
                eprintln!("kamsang: {}: internal error (please report)", esc(path));
                ExitCode::from(1)
            }
        };
    }
    let rendered = catch_unwind(AssertUnwindSafe(|| match to {
        "docx" => kamsang::render::render_docx_with(&order, numbering, options.limits)
            .map_err(|e| e.to_string()),
        "html" => Ok(kamsang::render::render_html_in(&order, lang).into_bytes()),
        "md" => Ok(kamsang::render::render_md_in(&order, lang).into_bytes()),
        _ => Ok(kamsang::render::render_txt(&order).into_bytes()),
    }));
    let bytes = match rendered {
        Ok(Ok(b)) => b,
        Ok(Err(msg)) => {
            eprintln!("kamsang: {}: {msg}", esc(path));
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("kamsang: {}: internal error (please report)", esc(path));
            return ExitCode::from(1);
        }
    };
    write_output(Some(output), |out| out.write_all(&bytes))
}

/// `kamsang export`: the tables of every order under `inputs`, in one
/// workbook or .csv set; exit 1 when some input could not be read (the rest
/// is still written), 2 when the output is one of the inputs.
pub fn export(inputs: &[String], to: &str, output: &str, options: &kamsang::Options) -> ExitCode {
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    if let Err(code) =
        refuse_clobber(Some(output), &refs).and_then(|()| refuse_csv_clobber(to, output, &refs))
    {
        return code;
    }
    let files = match json_files(inputs) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("kamsang: {msg}");
            return ExitCode::from(1);
        }
    };
    let (sheets, orders, failed) = archive(&files, options);
    let written = write(&sheets, to, output);
    let [people, duties, committees] = &sheets.sheets;
    eprintln!(
        "{orders} orders exported ({} people, {} duty rows, {} committee rows), {failed} failed",
        people.rows.len(),
        duties.rows.len(),
        committees.rows.len()
    );
    if written == ExitCode::SUCCESS && failed > 0 {
        ExitCode::from(1)
    } else {
        written
    }
}

/// [`order_for_output`] for a command that also reads kamsang's own JSON
/// (recognised by its content: an object with a `schema_version`), read
/// with the depth guard of `diff`.
fn load_for_output(
    path: &str,
    output: Option<&str>,
    options: &kamsang::Options,
) -> Result<kamsang::DutyOrder, ExitCode> {
    refuse_folder(path).and_then(|()| refuse_clobber(output, &[path]))?;
    guarded(path, || {
        kamsang::Parser::with_options(*options).load_order(path)
    })
    .map_err(|msg| {
        eprintln!("kamsang: {msg}");
        ExitCode::from(1)
    })
}

/// Write `sheets` as `to` (`xlsx` or `csv`) at `output`; exit 1 with one
/// line when it cannot be written.
pub fn write(sheets: &Sheets, to: &str, output: &str) -> ExitCode {
    let result = match to {
        "xlsx" => sheets.to_xlsx().and_then(|bytes| {
            crate::output::atomic_write(Path::new(output), &bytes).map_err(|e| plain_io(&e))
        }),
        _ => csv_files(sheets, Path::new(output)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("kamsang: {}: cannot write: {msg}", esc(output));
            ExitCode::from(1)
        }
    }
}

/// Where the .csv of `sheet` goes in the folder `dir`.
fn csv_path(dir: &Path, sheet: &str) -> PathBuf {
    dir.join(format!("{sheet}.csv"))
}

/// Exit 2 when one of the .csv files a `--to csv` output folder gets
/// (`people.csv`, …) is one of the inputs (also through a link): an output
/// never overwrites an input.
fn refuse_csv_clobber(to: &str, output: &str, inputs: &[&str]) -> Result<(), ExitCode> {
    if to != "csv" {
        return Ok(());
    }
    Sheets::default().sheets.iter().try_for_each(|sheet| {
        let path = csv_path(Path::new(output), sheet.name);
        refuse_clobber(Some(&path.to_string_lossy()), inputs)
    })
}

/// `people.csv`, `duties.csv`, `committees.csv` in the folder `dir`.
fn csv_files(sheets: &Sheets, dir: &Path) -> Result<(), String> {
    if dir.is_file() {
        return Err(
            "is a file; .csv output is a folder (people.csv, duties.csv, committees.csv)"
                .to_string(),
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| plain_io(&e))?;
    for (name, bytes) in sheets.to_csv()? {
        let path = csv_path(dir, name);
        crate::output::atomic_write(&path, &bytes).map_err(|e| {
            format!(
                "{}: {}",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default(),
                plain_io(&e)
            )
        })?;
    }
    Ok(())
}

/// Every `.json` file under `roots` (a file given itself is taken whatever
/// its name; `.jsonl` files hold one order a line), in path order.
pub fn json_files(roots: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for root in roots {
        let path = PathBuf::from(root);
        if !path.is_dir() {
            out.push(path);
            continue;
        }
        let mut todo = vec![path];
        let mut found = Vec::new();
        while let Some(dir) = todo.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| {
                format!(
                    "{}: cannot read: {}",
                    esc(&dir.to_string_lossy()),
                    plain_io(&e)
                )
            })?;
            for entry in entries.flatten() {
                let p = entry.path();
                // symbolic links to folders are not followed (no loops);
                // hidden folders (batch's `.kamsang/` resume stamps) are not orders
                let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if hidden {
                    continue;
                }
                if is_dir {
                    todo.push(p);
                } else if p.extension().is_some_and(|e| e == "json" || e == "jsonl")
                    && p.file_name()
                        .is_none_or(|n| !BATCH_FILES.iter().any(|b| n == *b))
                {
                    found.push(p);
                }
            }
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// The tables of every order in `files` (JSON, or JSON lines), with the
/// number of files that could not be read (each reported in one line).
pub fn archive(files: &[PathBuf], options: &kamsang::Options) -> (Sheets, usize, usize) {
    let parser = kamsang::Parser::with_options(*options);
    let mut sheets = Sheets::default();
    let (mut orders, mut failed) = (0usize, 0usize);
    for file in files {
        let name = file.to_string_lossy();
        let is_lines = file.extension().is_some_and(|e| e == "jsonl");
        let bytes = match parser.read_file(file, &name) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("kamsang: {e}");
                failed += 1;
                continue;
            }
        };
        if is_lines {
            for (k, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                match kamsang::DutyOrder::from_json_slice(line, options.limits.depth()) {
                    Ok(order) => {
                        sheets.add(&order);
                        orders += 1;
                    }
                    Err(e) => {
                        eprintln!(
                            "kamsang: {}: not a kamsang duty order: {e} (line {})",
                            esc(&name),
                            k + 1
                        );
                        failed += 1;
                    }
                }
            }
            continue;
        }
        let body = bytes
            .strip_prefix(kamsang::render::UTF8_BOM)
            .unwrap_or(&bytes);
        if !looks_json(body) {
            eprintln!(
                "kamsang: {}: not kamsang JSON (export reads what parse and batch wrote)",
                esc(&name)
            );
            failed += 1;
            continue;
        }
        match kamsang::DutyOrder::from_json_slice(body, options.limits.depth()) {
            Ok(order) => {
                sheets.add(&order);
                orders += 1;
            }
            Err(e) => {
                eprintln!(
                    "kamsang: {}: JSON that is not a kamsang duty order: {e}",
                    esc(&name)
                );
                failed += 1;
            }
        }
    }
    (sheets, orders, failed)
}

/// Whether bytes start like a JSON object (after spaces).
fn looks_json(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}
