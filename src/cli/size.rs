//! Sizes as written on the command line (`--max-file-size 256M`).

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;
const GIB: u64 = 1024 * MIB;

/// A size as written on the command line: a whole number of bytes, or with a
/// binary suffix `K`, `M`, `G` (also `KiB`, `MB`…: all mean powers of 1024).
pub(crate) fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, suffix) = s.split_at_checked(digits_end).unwrap_or((s, ""));
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {s:?} (use bytes or a K, M or G suffix)"))?;
    let unit = match suffix.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => KIB,
        "M" | "MB" | "MIB" => MIB,
        "G" | "GB" | "GIB" => GIB,
        _ => return Err(format!("unknown size suffix in {s:?} (use K, M or G)")),
    };
    n.checked_mul(unit)
        .ok_or_else(|| format!("size too large: {s:?}"))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("64K"), Ok(64 * 1024));
        assert_eq!(parse_size("256M"), Ok(256 * 1024 * 1024));
        assert_eq!(parse_size("2GiB"), Ok(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_size("3 mb"), Ok(3 * 1024 * 1024));
        assert!(parse_size("").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
