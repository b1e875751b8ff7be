//! servstd: write customer-service standards with the four-step method.
//!
//! Data flows one way: file → [`storage`] → [`model`] → [`check`] → views or
//! export. Only `storage` touches the file system for documents; only `app`
//! and `ui` know egui.

pub mod app;
pub mod check;
pub mod cli;
pub mod export;
pub mod inspection;
pub mod model;
pub mod storage;
pub mod synth;
pub mod templates;
pub mod ui;
