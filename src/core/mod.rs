//! The core: the standards model, storage (the only file I/O for documents),
//! the checker and validation, inspection records and scoring, templates,
//! dates and every word the program says. It knows no egui, eframe, clap or
//! printpdf: everything above it imports from here, never the other way.

pub mod approval;
pub mod chain;
pub mod check;
pub mod dates;
pub mod diff;
pub mod i18n;
pub mod inspection;
pub mod model;
pub mod storage;
pub mod survey;
pub mod synth;
pub mod templates;
pub mod text;
pub mod threads;
