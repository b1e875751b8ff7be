//! The window's views, one per file. Each draws from and queues commands on
//! the [`crate::gui::app::ServstdApp`]; none touches files.

pub mod dialogs;
pub mod editor;
pub mod findings;
pub mod inspect;
pub mod menu;
pub mod results;
pub mod status;
pub mod tree;
pub mod wizard;
