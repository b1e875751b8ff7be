//! A whole chain of sites: the register of sites (`sites`), the records of
//! a set found under a folder (`folder`), and what a chain is seen as
//! (`aggregate`: league table, heat map, standards failing most, quadrant,
//! trend per region). Pure functions over plain data, save for reading
//! through `core::storage`; the window, the report and the exports share it.

pub mod aggregate;
pub mod folder;
pub mod sample;
pub mod sites;

pub use aggregate::{Chain, Filter, RegionMonth, SiteRow, SortKey, StandardRow, aggregate};
pub use folder::{Folder, Record, SetKey, Skipped, Why, load_folder, load_folder_in};
pub use sites::{Resolved, Site, SiteFinding, Sites, SitesError};
