//! Cell text and the float trap: a cell as Excel or LibreOffice displays it
//! (numbers by their number format, dates in Thai), and a cell's lines.

use calamine::Data;

use crate::read::table::Cell;

pub(super) fn is_blank_data(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => crate::read::table::is_blank(s),
        _ => false,
    }
}

/// A cell's text as displayed, as far as calamine tells it.
pub(super) fn cell_of(d: &Data, number_format: Option<&str>) -> Cell {
    let (text, number) = match d {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.clone(), None),
        Data::Int(i) => (i.to_string(), Some(*i as f64)),
        Data::Float(f) => (format_float(*f, number_format), Some(*f)),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_string(), None),
        Data::DateTime(dt) => {
            let (y, mo, day, h, mi, s, _) = dt.to_ymd_hms_milli();
            let text = if dt.is_duration() {
                let total = dt.as_f64() * 24.0;
                format!("{}:{:02}:{:02}", total.floor(), mi, s)
            } else if dt.as_f64() < 1.0 {
                format!("{h:02}:{mi:02}")
            } else {
                thai_date(i32::from(y), mo, day, h, mi)
            };
            (text, None)
        }
        Data::DateTimeIso(s) => (iso_to_thai(s).unwrap_or_else(|| s.clone()), None),
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    };
    Cell::new(text, number)
}

/// `1 ตุลาคม 2566` (Buddhist year), with the time when it is not midnight.
fn thai_date(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> String {
    let name = crate::thai::date::MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    let mut s = format!("{day} {name} {}", year + 543);
    if hour != 0 || minute != 0 {
        s.push_str(&format!(" {hour:02}:{minute:02}"));
    }
    s
}

/// An ODS ISO date (`2023-10-01` or `2023-10-01T08:30:00`) as a Thai date.
fn iso_to_thai(s: &str) -> Option<String> {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut t = time.split(':');
    let h: u8 = t.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let mi: u8 = t.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    Some(thai_date(y, m, d, h, mi))
}

/// A float as Excel displays it: by a fixed-decimals number format when the
/// cell has one, else like Excel's General format (no `.0` on whole numbers,
/// at most 15 significant digits).
fn format_float(f: f64, number_format: Option<&str>) -> String {
    number_format
        .and_then(|code| fixed_format(f, code))
        .unwrap_or_else(|| general(f))
}

fn general(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f == 0.0 {
        return "0".to_string();
    }
    if f.fract() == 0.0 {
        return format!("{f:.0}");
    }
    let magnitude = f.abs().log10().floor() as i32;
    let decimals = usize::try_from((14 - magnitude).clamp(0, 30)).unwrap_or(0);
    trim_fraction(format!("{f:.decimals$}"), 0)
}

/// Drop trailing zeros of a decimal fraction down to `keep` decimals (and the
/// dot when none remain).
fn trim_fraction(mut s: String, keep: usize) -> String {
    let Some(dot) = s.find('.') else { return s };
    while s.len() > dot + 1 + keep && s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// Apply a number format of the fixed-decimals kind (`0`, `0.00`, `#,##0.0`,
/// `0.0%`); `None` for any other (General, text, dates, scientific, literals).
fn fixed_format(f: f64, code: &str) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let section = code.split(';').next()?;
    let mut kept = String::new();
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                // colour or locale: [Red], [$-41E]
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '0' | '#' | '?' | ',' | '.' | '%' => kept.push(c),
            ' ' => {}
            _ => return None,
        }
    }
    if !kept.contains(['0', '#', '?']) {
        return None;
    }
    let (int_part, frac_part) = kept.split_once('.').unwrap_or((kept.as_str(), ""));
    let max = frac_part
        .chars()
        .filter(|c| matches!(c, '0' | '#' | '?'))
        .count();
    let min = frac_part.chars().filter(|&c| c == '0').count();
    let percent = kept.contains('%');
    let group = int_part.trim_end_matches(',').contains(',');
    let value = if percent { f * 100.0 } else { f };
    let mut s = trim_fraction(format!("{value:.max$}"), min);
    if group {
        s = group_thousands(&s);
    }
    if percent {
        s.push('%');
    }
    Some(s)
}

/// `1234567.5` → `1,234,567.5`.
fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = String::from(sign);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_displayed() {
        assert_eq!(format_float(1.0, None), "1");
        assert_eq!(format_float(1.1, None), "1.1");
        assert_eq!(format_float(0.1 + 0.2, None), "0.3");
        assert_eq!(format_float(-0.0, None), "0");
        assert_eq!(format_float(1.1, Some("0.00")), "1.10");
        assert_eq!(format_float(1.1, Some("General")), "1.1");
        assert_eq!(format_float(1234567.5, Some("#,##0.00")), "1,234,567.50");
        assert_eq!(format_float(0.25, Some("0%")), "25%");
        assert_eq!(format_float(1.5, Some("0.0#")), "1.5");
        assert_eq!(format_float(1.25, Some("[Red]0.0")), "1.2");
        assert_eq!(format_float(1.1, Some("0.00\" บาท\"")), "1.1");
        assert_eq!(format_float(1e20, None), "100000000000000000000");
    }

    #[test]
    fn dates_in_thai() {
        assert_eq!(thai_date(2023, 10, 1, 0, 0), "1 ตุลาคม 2566");
        assert_eq!(iso_to_thai("2023-10-01").as_deref(), Some("1 ตุลาคม 2566"));
        assert_eq!(iso_to_thai("2023-13-01"), None);
    }
}
