//! Any bytes as a .txt file: read, normalise, outline, order, serialise. Must
//! never panic; an error is fine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(order) = kamsang::parse_bytes("fuzz.txt", data) {
        let _ = serde_json::to_vec(&order);
    }
});
