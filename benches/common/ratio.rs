//! The ratio line every floor bench prints: kamsang's criterion median over
//! the floor's, read from criterion's own `estimates.json` of this run.
//!
//! Included by the benches with `#[path = "common/ratio.rs"] mod ratio;`.

use std::path::PathBuf;
use std::time::SystemTime;

/// Criterion's directory name for a group or function id (its
/// `make_filename_safe`: these characters become `_`).
fn safe(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            '?' | '"' | '/' | '\\' | '*' | '<' | '>' | ':' | '|' | '^' => '_',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where criterion writes its reports: `$CRITERION_HOME`, else
/// `$CARGO_TARGET_DIR/criterion`, else `target/criterion` (cargo runs a bench
/// in the package root).
fn home() -> PathBuf {
    if let Some(h) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => PathBuf::from(t).join("criterion"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/criterion"),
    }
}

/// The median (ns) criterion estimated for `group`/`function` in this run:
/// `None` when the function was not run since `since` (filtered out).
pub fn median_ns(group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let file = home()
        .join(safe(group))
        .join(safe(function))
        .join("new/estimates.json");
    let fresh = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// Print `group: kamsang X ms (MB/s) / floor Y ms (MB/s) = R×` for each
/// `(kamsang function, floor function)` pair whose medians this run has.
pub fn print(group: &str, bytes: u64, pairs: &[(&str, &str)], since: SystemTime) {
    for (kamsang, floor) in pairs {
        let (Some(k), Some(f)) = (
            median_ns(group, kamsang, since),
            median_ns(group, floor, since),
        ) else {
            println!("{group}: {kamsang} / {floor}: not both run, no ratio");
            continue;
        };
        let mbs = |ns: f64| bytes as f64 / ns * 1e3;
        println!(
            "{group}: {kamsang} {:.3} ms ({:.1} MB/s) / {floor} {:.3} ms ({:.1} MB/s) = {:.2}x (criterion medians)",
            k / 1e6,
            mbs(k),
            f / 1e6,
            mbs(f),
            k / f
        );
    }
}
