//! servstd: write customer-service standards with the four-step method.
//!
//! Layers, each importing only from those below it (see README, Architecture):
//!
//! - [`core`]: model, storage, checker, inspections, templates, words;
//!   no egui, eframe, clap or printpdf.
//! - [`export`]: turns core data into bytes (PDF, CSV, XLSX): `export::layout`
//!   lays pages out, `export::pdf`, the one emitter, alone knows printpdf and lopdf.
//! - [`cli`]: the command line over a thin dispatcher; clap lives here.
//! - `gui` (cargo feature `gui`, on by default): the window; egui lives here.

// No unsafe code in the library at all (Cargo.toml only denies it, for main.rs's sake).
#![forbid(unsafe_code)]

pub mod cli;
pub mod core;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
