//! Any bytes named .docx (seeded with real .docx files, so most inputs are
//! mutated zips): the container, XML and numbering readers must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(order) = kamsang::parse_bytes("fuzz.docx", data) {
        let _ = serde_json::to_vec(&order);
    }
});
