//! Using kamsang as a library, as another crate would: parse an order, read
//! its people and duties, list its diagnostics, compare it with a second order
//! and write it back as text.
//!
//! ```text
//! cargo run --example parse_order -- fixtures/parse/phetchaburi1-policy-plan.txt
//! ```
//!
//! Without an argument it parses a short order written below.

use kamsang::{Options, Parser};

/// A short order: one person, two duties, one of them numbered by mistake.
const ORDER: &str = "เรื่อง การกำหนดหน้าที่\n\
1. นางสาวธนะพร  ฉายแสง ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการ\n\
   1.1 งานวิเคราะห์\n\
   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";

fn main() -> Result<(), kamsang::Error> {
    let parser = Parser::with_options(Options::default().with_arabic_digits(true));
    let order = match std::env::args().nth(1) {
        Some(path) => parser.parse_path(&path)?,
        None => parser.parse_str("order.txt", ORDER)?,
    };
    for person in &order.people {
        println!("{} — {} duties", person.full_name, person.duties.len());
        for duty in &person.duties {
            let number = duty.number.as_deref().unwrap_or("-");
            println!("  {number} {}", duty.title);
        }
    }
    for d in &order.diagnostics {
        println!("line {}: {}: {}", d.line, d.severity, d.message);
    }
    // the same order with one more duty: what changed
    let newer = kamsang::parse_str("newer.txt", &format!("{ORDER}   1.3 งานประชาสัมพันธ์\n"))?;
    let changes = kamsang::diff(&kamsang::parse_str("order.txt", ORDER)?, &newer);
    println!("{} change(s) in the newer order", changes.changes.len());
    print!("{}", kamsang::render::render_txt(&order));
    Ok(())
}
