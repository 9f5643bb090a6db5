//! kamsang's integration tests: one test binary (`cargo test --test it`), one
//! module per subject, as ripgrep keeps its tests. A module's tests are named
//! `MODULE::TEST`, so `cargo test --test it corpus::` runs one subject.
//! Helpers every module shares are in `tests/common/`; the fixture-per-file
//! snapshots and the invariants that hold on every fixture are in
//! `snapshots.rs`.

#[path = "../common/mod.rs"]
mod common;

mod batch;
mod cli;
mod cluster;
mod committee;
mod conventions;
mod corpus;
mod db;
mod diff;
mod diff_pairing;
mod docx;
mod docx_paragraphs;
mod docx_pasted;
mod docx_shapes;
mod docx_tables;
mod docx_twin;
mod docx_writers;
mod encodings;
mod golden;
mod heldout_writers;
mod hostile;
mod html;
mod normalize;
mod pdf;
mod pdf_pages;
mod properties;
mod render;
mod round_trip;
mod schema;
mod sheet;
mod stand_in_tables;
mod structure;
mod tail;
mod view;
mod view_browser;
mod windows;
