//! What the chain commands (`export-verdicts`, `report --by-site`) are
//! given: a folder of records (every `.inspection.ron` under it) or a list
//! of record files, the set they name and the register of sites beside it.
//! Reading and scoring is `core::chain`'s; this module only finds the files
//! and says, as lines for standard error, what could not be used.

use std::path::{Path, PathBuf};

use super::{load_error_line, set_error_line};
use crate::core::chain::{self, Record, Sites, SitesError};
use crate::core::inspection::{self, Inspection};
use crate::core::model::StandardsSet;
use crate::core::storage::{self, scan};
use crate::export::verdicts::SiteColumns;

/// The record files of `inputs` and the folder they are counted from.
pub struct Files {
    /// The folder given, to name records relative to it.
    pub root: Option<PathBuf>,
    /// Every record file, sorted by path.
    pub records: Vec<PathBuf>,
    /// Folders under it that were not looked into, as lines to print.
    pub problems: Vec<String>,
}

/// The records of `inputs`: one folder (every record under it, at any
/// depth, links to folders not followed) or record files as given.
#[must_use]
pub fn files(inputs: &[PathBuf]) -> Files {
    if let [folder] = inputs
        && folder.is_dir()
    {
        let walk = scan::files_under(folder, inspection::EXTENSION);
        return Files {
            root: Some(folder.clone()),
            records: walk.files,
            problems: walk
                .problems
                .iter()
                .map(|(path, why)| format!("{}: error: {why}", path.display()))
                .collect(),
        };
    }
    Files {
        root: None,
        records: inputs.to_vec(),
        problems: Vec::new(),
    }
}

impl Files {
    /// `path` relative to the folder given (forward slashes), or as given.
    #[must_use]
    pub fn relative(&self, path: &Path) -> String {
        match self
            .root
            .as_deref()
            .and_then(|root| path.strip_prefix(root).ok())
        {
            Some(inside) => inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/"),
            None => path.to_string_lossy().into_owned(),
        }
    }
}

/// A register's error as a line for standard error.
#[must_use]
pub fn sites_error_line(err: &SitesError) -> String {
    match err {
        SitesError::Load(load) => load_error_line(load),
        other => format!("{}: error: {}", other.path().display(), after_path(other)),
    }
}

fn after_path(err: &SitesError) -> String {
    let full = err.to_string();
    let path = err.path().display().to_string();
    full.strip_prefix(&path)
        .map(|rest| rest.trim_start_matches(':').trim_start().to_owned())
        .unwrap_or(full)
}

/// The register beside the set at `set_path` (none for a built-in set or
/// when there is no file); a register that cannot be read is an error line.
pub fn register(set_path: Option<&Path>) -> Result<Sites, String> {
    let Some(set_path) = set_path else {
        return Ok(Sites::new());
    };
    match chain::sites::load_beside(set_path) {
        Ok(found) => Ok(found.map(|l| l.document).unwrap_or_default()),
        Err(err) => Err(sites_error_line(&err)),
    }
}

/// A record's site columns: the registered site (found by ID or by its
/// name), else what the record itself says, with no region.
#[must_use]
pub fn site_columns<'a>(sites: &'a Sites, record: &'a Inspection) -> SiteColumns<'a> {
    match sites.resolve(record).site() {
        Some(site) => SiteColumns {
            id: Some(&site.id),
            name: &site.name,
            region: (!site.region.is_empty()).then_some(site.region.as_str()),
        },
        None => SiteColumns {
            id: record.site_id.as_deref(),
            name: &record.site,
            region: None,
        },
    }
}

/// A chain read for the report: the set, its register and its records.
pub struct Loaded {
    pub set: StandardsSet,
    pub sites: Sites,
    pub records: Vec<Record>,
    /// Every file not used, as a line (already said on standard error).
    pub not_used: Vec<String>,
    /// Whether a record itself was not used (an unreadable actions file
    /// leaves its record counted; a record of another set is only named).
    pub lost_records: bool,
}

/// Reads the chain of `inputs`: a folder as `report FOLDER` reads it (every
/// record under it of `set`, else of the set its first readable record
/// names: `cli::folder`), or record files, which must name one set (the
/// first readable one's, or `set`). Every file not used is said on
/// standard error.
///
/// # Errors
/// The exit code, once said why: no set can be read, or its register cannot.
pub fn load(inputs: &[PathBuf], set: Option<&Path>, sets_dir: Option<&Path>) -> Result<Loaded, u8> {
    let said = |line: String| {
        eprintln!("{line}");
        super::exit::UNREADABLE
    };
    let (set, set_path, records, not_used, lost_records) = if let [root] = inputs
        && super::folder::is_folder(root)
    {
        let found = super::folder::read(root, set, sets_dir)?;
        (
            found.set,
            found.set_path,
            found.records,
            found.not_used,
            found.lost,
        )
    } else {
        let files = files(inputs);
        let (set, set_path) = find_set(&files, set, sets_dir).map_err(said)?;
        let mut records = Vec::new();
        let mut not_used = Vec::new();
        for path in &files.records {
            match record_of(&set, set_path.as_deref(), sets_dir, path) {
                Ok(record) => records.push(record),
                Err(line) => {
                    eprintln!("{line}");
                    not_used.push(line);
                }
            }
        }
        records.sort_by(|a, b| (a.inspection.when, &a.path).cmp(&(b.inspection.when, &b.path)));
        let lost = !not_used.is_empty();
        (set, set_path, records, not_used, lost)
    };
    let sites = register(set_path.as_deref()).map_err(said)?;
    Ok(Loaded {
        set,
        sites,
        records,
        not_used,
        lost_records,
    })
}

/// One record file given by name: read, checked to name `set`, scored.
fn record_of(
    set: &StandardsSet,
    set_path: Option<&Path>,
    sets_dir: Option<&Path>,
    path: &Path,
) -> Result<Record, String> {
    let loaded = storage::load::<Inspection>(path).map_err(|e| load_error_line(&e))?;
    let named = loaded.document.set_path_in(path, sets_dir);
    let ours = match (named, set_path) {
        (Ok(Some(named)), Some(me)) => scan::canonical(&named) == scan::canonical(me),
        (Ok(None), None) => loaded.document.standards.title == set.title,
        (Err(err), _) => {
            let named = &loaded.document.standards.path;
            return Err(set_error_line(&err, &loaded.text, named).0);
        }
        _ => false,
    };
    if !ours {
        let why = chain::Why::OtherSet {
            title: loaded.document.standards.title.clone(),
            path: loaded.document.standards.path.clone(),
        };
        return Err(format!("{}: error: {why}", path.display()));
    }
    let actions = inspection::actions::load_for(path)
        .map_err(|e| load_error_line(&e))?
        .map(|l| l.document.actions)
        .unwrap_or_default();
    let scores = inspection::score(set, &loaded.document);
    Ok(Record {
        path: path.to_owned(),
        inspection: loaded.document,
        scores,
        actions,
    })
}

/// The set of record files given by name: `set` when given, else the one
/// the first readable record names.
fn find_set(
    files: &Files,
    set: Option<&Path>,
    sets_dir: Option<&Path>,
) -> Result<(StandardsSet, Option<PathBuf>), String> {
    if let Some(path) = set {
        return storage::load::<StandardsSet>(path)
            .map(|l| (l.document, Some(path.to_owned())))
            .map_err(|e| load_error_line(&e));
    }
    let mut first_error = None;
    for path in &files.records {
        let Ok(loaded) = storage::load::<Inspection>(path) else {
            continue;
        };
        match loaded.document.resolve_set_in(path, sets_dir) {
            Ok(found) => return Ok(found),
            Err(err) => {
                let named = &loaded.document.standards.path;
                first_error.get_or_insert_with(|| set_error_line(&err, &loaded.text, named).0);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| {
        let lang = crate::core::i18n::locale::from_env();
        let shown = inputs_shown(files);
        format!(
            "{shown}: error: {}",
            crate::core::i18n::chain_report(lang).no_records
        )
    }))
}

fn inputs_shown(files: &Files) -> String {
    files.root.as_ref().map_or_else(
        || {
            files
                .records
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        },
        |r| r.display().to_string(),
    )
}
