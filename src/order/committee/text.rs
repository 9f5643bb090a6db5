//! Text helpers: dotted leaders cleaned away, searches for any of several
//! words.

/// Text with dotted leaders (`....`, `…`), underscores and tabs turned into
/// single spaces, trimmed. Acronym dots (`ก.ค.ศ.`) stay.
pub(super) fn clean(text: &str) -> String {
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text
            .bytes()
            .any(|x| matches!(x, b'.' | b'_' | b'-' | 0xE2 | b'\t' | b'\n' | b'\r'));
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    // the text is normalised (single plain spaces); tabs and line breaks are
    // treated as leaders, in case
    for word in text.split(' ') {
        if word.is_empty() {
            continue;
        }
        if has_leader(word.as_bytes()) {
            for piece in leader_free(word) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(piece);
            }
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Whether a word holds a dotted leader: `..`, `…`, `___` or `---`.
fn has_leader(b: &[u8]) -> bool {
    if !b
        .iter()
        .any(|&x| matches!(x, b'.' | b'_' | b'-' | 0xE2 | b'\t' | b'\n' | b'\r'))
    {
        return false;
    }
    b.iter().any(|&x| matches!(x, b'\t' | b'\n' | b'\r'))
        || b.windows(2).any(|w| w == b"..")
        || b.windows(3)
            .any(|w| w == b"___" || w == b"---" || w == "…".as_bytes())
}

/// The pieces of a word between its leaders.
fn leader_free(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        let mut run = 1;
        if matches!(c, '.' | '_' | '-') {
            while let Some(&(j, d)) = chars.peek() {
                if d != c {
                    break;
                }
                end = j + d.len_utf8();
                run += 1;
                chars.next();
            }
        }
        let leader = match c {
            '.' => run >= 2,
            '_' | '-' => run >= 3,
            '…' | '\t' | '\n' | '\r' => true,
            _ => false,
        };
        if leader {
            if let Some(p) = word.get(start..i).filter(|p| !p.is_empty()) {
                pieces.push(p);
            }
            start = end;
        }
    }
    if let Some(p) = word.get(start..).filter(|p| !p.is_empty()) {
        pieces.push(p);
    }
    pieces
}

pub(super) fn ends_with_any(s: &str, words: &[&str]) -> bool {
    let t = s.trim_end();
    words.iter().any(|w| t.ends_with(w))
}

/// The last occurrence of any of `words` (byte offset).
pub(super) fn rfind_any(s: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| s.rfind(w)).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_acronym_dots() {
        assert_eq!(
            clean("นาย ก .......... ก.ค.ศ.  กรรมการ"),
            "นาย ก ก.ค.ศ. กรรมการ"
        );
        assert_eq!(clean("a\t\tb___c"), "a b c");
        assert_eq!(clean("a__b"), "a__b");
        assert_eq!(clean("a______b"), "a b");
    }
}
