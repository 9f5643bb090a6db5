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

/// A number read from the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Its value.
    pub value: u32,
    /// Bytes it takes in the text.
    pub len: usize,
    /// A Latin `o` was read as Thai zero (๐) inside it.
    pub latin_o: bool,
}

/// Read the number at the start of `s`: Thai or Arabic digits. Inside a number
/// written with Thai digits a Latin `o` (or `O`) is read as ๐, because typists
/// reach for it (`๒๕๕o`, `๓o`); in an Arabic-digit number it is not a digit.
pub fn leading_number(s: &str) -> Option<Number> {
    let mut end = 0;
    let mut thai = false;
    for (i, c) in s.char_indices() {
        match c {
            '๐'..='๙' => thai = true,
            '0'..='9' => {}
            'o' | 'O' if i > 0 => {}
            _ => break,
        }
        end = i + c.len_utf8();
    }
    let mut run = &s[..end];
    if !thai {
        run = &run[..run.find(['o', 'O']).unwrap_or(run.len())];
    }
    if run.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    let mut latin_o = false;
    for c in run.chars() {
        let d = match c {
            'o' | 'O' => {
                latin_o = true;
                0
            }
            c => digit_value(c)?,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
    }
    Some(Number {
        value,
        len: run.len(),
        latin_o,
    })
}

/// Read a run of digits (Thai or Arabic, with the Latin-o zero of
/// [`leading_number`]) as a number; `None` when empty, when another character is
/// present, or on overflow.
pub fn parse_number(s: &str) -> Option<u32> {
    leading_number(s)
        .filter(|n| n.len == s.len())
        .map(|n| n.value)
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

/// Arabic digits rewritten as Thai ones; everything else unchanged.
pub fn to_thai(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '๐' as u32).unwrap_or(c),
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
        assert_eq!(parse_number("๒๕๕o"), Some(2550));
        assert_eq!(parse_number("๓o"), Some(30));
        assert_eq!(parse_number("2o"), None);
        assert_eq!(
            leading_number("๑o.").map(|n| (n.value, n.len, n.latin_o)),
            Some((10, 4, true))
        );
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn leading_number_example() {
        let n = leading_number("๒๕๕o เป็นต้นไป").unwrap();
        assert_eq!((n.value, n.latin_o), (2550, true));
        assert_eq!(leading_number("20o").map(|n| n.value), Some(20));
        assert!(leading_number("ok").is_none());
    }

    #[test]
    fn parse_number_example() {
        assert_eq!(parse_number("๑๒"), Some(12));
        assert_eq!(parse_number("2566"), Some(2566));
    }
}
