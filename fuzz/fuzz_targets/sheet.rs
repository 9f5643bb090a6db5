//! Any bytes named .xlsx or .ods (the first byte picks which; seeded with the
//! spreadsheet fixtures): the sheet reader must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let path = if pick & 1 == 0 { "fuzz.xlsx" } else { "fuzz.ods" };
    if let Ok(order) = kamsang::parse_bytes(path, rest) {
        let _ = serde_json::to_vec(&order);
    }
});
