//! Thai digits (๐–๙) as numbers.
//!
//! Labels, order numbers and dates are written with either Thai or Arabic digits;
//! both read as the same number. The text keeps what was written.

/// The value of an Arabic (0–9) or Thai (๐–๙) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '๐'..='๙' => Some(c as u32 - '๐' as u32),
        _ => None,
    }
}

/// True for an Arabic or Thai digit.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Read a run of digits (Thai or Arabic) as a number; `None` when empty, when
/// another character is present, or on overflow.
///
/// ```
/// assert_eq!(kamsang::thai::digits::parse_number("๑๒"), Some(12));
/// assert_eq!(kamsang::thai::digits::parse_number("2566"), Some(2566));
/// ```
pub fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(n)
}

/// Thai digits rewritten as Arabic ones; everything else unchanged.
pub fn to_arabic(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_u32(c as u32 - '๐' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_and_arabic_digits_read_alike() {
        assert_eq!(parse_number("๔๕"), Some(45));
        assert_eq!(parse_number("45"), Some(45));
        assert_eq!(parse_number("4a"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("99999999999"), None);
        assert_eq!(to_arabic("ที่ ๑๖/๒๕๖๐"), "ที่ 16/2560");
    }
}
