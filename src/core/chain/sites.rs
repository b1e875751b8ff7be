//! The register of a chain's sites: ID, name, region, manager and free
//! groups (format, city…) to group by, kept in a plain `NAME.sites.ron`
//! beside the set; and how a record's site is found in it (by ID, else by
//! name, else the closest name as a suggestion).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::inspection::Inspection;
use crate::core::storage::{self, Document, Position, STANDARDS_EXTENSION};

/// The sites file format this build reads and writes.
pub const SITES_FORMAT: u32 = 1;

/// The file name ending of a sites register.
pub const EXTENSION: &str = ".sites.ron";

/// A chain's sites.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sites {
    /// Always [`SITES_FORMAT`] when written by this build.
    pub format: u32,
    #[serde(default)]
    pub sites: Vec<Site>,
}

/// One site of a chain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Unique in the register, e.g. `SH-01`; what records name.
    pub id: String,
    /// What people call it: "悦味餐厅 徐汇店".
    pub name: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub manager: String,
    /// Whatever else the chain groups by (`"format": "mall"`, `"city": "上海"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, String>,
}

impl Document for Sites {
    const WHAT: &'static str = "sites register";
    const CURRENT_FORMAT: u32 = SITES_FORMAT;

    fn format(&self) -> u32 {
        self.format
    }

    fn migrate(&mut self) {
        // Format 1 is the first.
        self.format = SITES_FORMAT;
    }
}

/// Why a sites register cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SitesError {
    #[error(transparent)]
    Load(#[from] storage::LoadError),
    #[error("{}:{at}: the site ID “{id}” is used twice (first at {first}); each site needs its own ID", .path.display())]
    Duplicate {
        path: PathBuf,
        id: String,
        at: Position,
        first: Position,
    },
    #[error("{}:{at}: a site has an empty ID; give it one (e.g. SH-01) that records can name", .path.display())]
    EmptyId { path: PathBuf, at: Position },
    #[error("{}: not a sites register ({}); servstd does not read it", .path.display(), EXTENSION)]
    LinkToOther { path: PathBuf },
    #[error(transparent)]
    Save(#[from] storage::SaveError),
}

impl SitesError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Load(e) => e.path(),
            Self::Save(e) => e.path(),
            Self::Duplicate { path, .. }
            | Self::EmptyId { path, .. }
            | Self::LinkToOther { path } => path,
        }
    }
}

/// The register beside the set at `set_path`: `shop.standards.ron` → `shop.sites.ron`.
#[must_use]
pub fn path_for(set_path: &Path) -> PathBuf {
    let name = set_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(STANDARDS_EXTENSION).unwrap_or(&name);
    set_path.with_file_name(format!("{stem}{EXTENSION}"))
}

/// Reads a register: bounded, a link only to another sites file, every ID
/// given once.
///
/// # Errors
/// The file cannot be read or parsed, or an ID is empty or repeated; the
/// error points at the line and column.
pub fn load(path: &Path) -> Result<storage::Loaded<Sites>, SitesError> {
    refuse_link_to_other(path)?;
    let loaded = storage::load::<Sites>(path)?;
    check_ids(path, &loaded.text, &loaded.document)?;
    Ok(loaded)
}

/// The register beside the set at `set_path`, or none when there is no file.
///
/// # Errors
/// As [`load`], for a file that exists.
pub fn load_beside(set_path: &Path) -> Result<Option<storage::Loaded<Sites>>, SitesError> {
    let path = path_for(set_path);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    load(&path).map(Some)
}

/// Writes a register atomically, refusing one with empty or repeated IDs
/// (it could not be read back).
///
/// # Errors
/// [`SitesError::Duplicate`] or [`SitesError::EmptyId`] (at the site's
/// place in the text to be written), or the save's error.
pub fn save(path: &Path, sites: &Sites) -> Result<(), SitesError> {
    check_ids(path, &storage::to_canonical(sites), sites)?;
    storage::save(path, sites)?;
    Ok(())
}

/// A register reached through a link is read only when the link leads to a
/// file named as one, or starting `Sites(`: never echo another file's text.
fn refuse_link_to_other(path: &Path) -> Result<(), SitesError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(()); // dangling: the read says it is missing
    };
    let named = target.to_string_lossy().to_lowercase().ends_with(EXTENSION);
    let starts = || {
        use std::io::Read;
        let mut head = Vec::new();
        storage::open_regular(&target)
            .and_then(|f| f.take(4096).read_to_end(&mut head))
            .is_ok()
            && String::from_utf8_lossy(&head)
                .trim_start_matches('\u{feff}')
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
                .is_some_and(|l| l.starts_with("Sites("))
    };
    if named || starts() {
        Ok(())
    } else {
        Err(SitesError::LinkToOther {
            path: path.to_owned(),
        })
    }
}

fn check_ids(path: &Path, text: &str, sites: &Sites) -> Result<(), SitesError> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, site) in sites.sites.iter().enumerate() {
        if site.id.trim().is_empty() {
            let at = storage::locate_values(text, "id", &site.id)
                .into_iter()
                .next()
                .unwrap_or(Position::START);
            return Err(SitesError::EmptyId {
                path: path.to_owned(),
                at,
            });
        }
        if seen.insert(site.id.as_str(), n).is_some() {
            let places = storage::locate_values(text, "id", &site.id);
            return Err(SitesError::Duplicate {
                path: path.to_owned(),
                id: site.id.clone(),
                first: places.first().copied().unwrap_or(Position::START),
                at: places.get(1).copied().unwrap_or(Position::START),
            });
        }
    }
    Ok(())
}

/// How a record's site was found in the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved<'s> {
    /// The record names the site by ID.
    ById(&'s Site),
    /// The record has no (known) ID, but its site's name is a site's name
    /// (spaces and case aside).
    ByName(&'s Site),
    /// Neither: the site it most likely means, by the closest name.
    Suggested(&'s Site),
    /// Nothing in the register comes close.
    Unknown,
}

impl<'s> Resolved<'s> {
    /// The site, when found by ID or name (never a mere suggestion).
    #[must_use]
    pub fn site(self) -> Option<&'s Site> {
        match self {
            Self::ById(s) | Self::ByName(s) => Some(s),
            Self::Suggested(_) | Self::Unknown => None,
        }
    }
}

impl Sites {
    /// An empty register.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format: SITES_FORMAT,
            sites: Vec::new(),
        }
    }

    /// The site with this ID.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// The site whose name is `name`, spaces and case aside.
    #[must_use]
    pub fn by_name(&self, name: &str) -> Option<&Site> {
        let wanted = normalise(name);
        if wanted.is_empty() {
            return None;
        }
        self.sites.iter().find(|s| normalise(&s.name) == wanted)
    }

    /// The site `name` most likely means: the closest name (or ID) by edit
    /// distance over characters (so "徐汇店" and "徐匯店" are one apart),
    /// when at most half of it differs.
    #[must_use]
    pub fn closest(&self, name: &str) -> Option<&Site> {
        let wanted: Vec<char> = normalise(name).chars().collect();
        if wanted.is_empty() {
            return None;
        }
        self.sites
            .iter()
            .filter_map(|s| {
                let by_name = distance(&wanted, &normalise(&s.name).chars().collect::<Vec<_>>());
                let by_id = distance(&wanted, &normalise(&s.id).chars().collect::<Vec<_>>());
                let d = by_name.min(by_id);
                let longest = wanted.len().max(s.name.chars().count()).max(1);
                (d * 2 <= longest).then_some((d, s))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, s)| s)
    }

    /// Finds the record's site: by its `site_id`, else by its site's name,
    /// else the closest name as a suggestion.
    #[must_use]
    pub fn resolve(&self, record: &Inspection) -> Resolved<'_> {
        self.resolve_named(record.site_id.as_deref(), &record.site)
    }

    /// [`Sites::resolve`] for a site ID (if any) and a site's name.
    #[must_use]
    pub fn resolve_named(&self, id: Option<&str>, name: &str) -> Resolved<'_> {
        if let Some(site) = id.and_then(|id| self.get(id)) {
            return Resolved::ById(site);
        }
        if let Some(site) = self.by_name(name) {
            return Resolved::ByName(site);
        }
        self.closest(name)
            .map_or(Resolved::Unknown, Resolved::Suggested)
    }

    /// The regions named, sorted, each once.
    #[must_use]
    pub fn regions(&self) -> Vec<&str> {
        let mut regions: Vec<&str> = self
            .sites
            .iter()
            .map(|s| s.region.as_str())
            .filter(|r| !r.is_empty())
            .collect();
        regions.sort_unstable();
        regions.dedup();
        regions
    }

    /// A new ID for a site added in the window: `S-1`, `S-2`… past the
    /// highest number in use with that prefix.
    #[must_use]
    pub fn next_id(&self) -> String {
        let highest = self
            .sites
            .iter()
            .filter_map(|s| s.id.strip_prefix("S-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("S-{}", highest + 1)
    }

    /// Sites whose ID, name, region or manager contains `filter` (spaces
    /// and case aside): what the new-inspection form offers as one types.
    pub fn matching<'a>(&'a self, filter: &str) -> impl Iterator<Item = &'a Site> + 'a {
        let wanted = normalise(filter);
        self.sites.iter().filter(move |s| {
            wanted.is_empty()
                || [&s.id, &s.name, &s.region, &s.manager]
                    .iter()
                    .any(|f| normalise(f).contains(&wanted))
        })
    }
}

/// What `validate` says of a record's site, given the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteFinding<'s> {
    /// Its `site_id` is in no register entry (the suggestion, if any, by name).
    UnknownId(Option<&'s Site>),
    /// No ID, and its name is no site's; it most likely means this one.
    Suggested(&'s Site),
    /// No ID, and its name is like no site's.
    Unknown,
}

impl SiteFinding<'_> {
    /// What is wrong with the record's site, if anything: none when it
    /// names a registered site by ID or by name, or has no site at all
    /// (`validate` says that already).
    #[must_use]
    pub fn of<'s>(register: &'s Sites, record: &Inspection) -> Option<SiteFinding<'s>> {
        if let Some(id) = &record.site_id
            && register.get(id).is_none()
        {
            return Some(SiteFinding::UnknownId(
                register
                    .by_name(&record.site)
                    .or_else(|| register.closest(&record.site)),
            ));
        }
        if record.site_id.is_some() || record.site.trim().is_empty() {
            return None;
        }
        match register.resolve(record) {
            Resolved::ById(_) | Resolved::ByName(_) => None,
            Resolved::Suggested(site) => Some(SiteFinding::Suggested(site)),
            Resolved::Unknown => Some(SiteFinding::Unknown),
        }
    }

    /// The field it is about: `site_id` or `site`.
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            Self::UnknownId(_) => "site_id",
            Self::Suggested(_) | Self::Unknown => "site",
        }
    }

    /// The sentence, naming the register's file `file`.
    #[must_use]
    pub fn message(
        &self,
        record: &Inspection,
        file: &str,
        lang: crate::core::model::Language,
    ) -> String {
        let w = crate::core::i18n::chain::chain_words(lang);
        let suggest = |site: &Site| {
            crate::core::i18n::fill(
                w.suggest_site,
                &[
                    ("name", &record.site),
                    ("file", file),
                    ("suggestion", &site.name),
                    ("id", &site.id),
                ],
            )
        };
        match self {
            Self::UnknownId(None) => crate::core::i18n::fill(
                w.unknown_site_id,
                &[
                    ("id", record.site_id.as_deref().unwrap_or_default()),
                    ("file", file),
                ],
            ),
            Self::UnknownId(Some(site)) => format!(
                "{}; {}",
                crate::core::i18n::fill(
                    w.unknown_site_id,
                    &[
                        ("id", record.site_id.as_deref().unwrap_or_default()),
                        ("file", file)
                    ],
                ),
                suggest(site)
            ),
            Self::Suggested(site) => suggest(site),
            Self::Unknown => {
                crate::core::i18n::fill(w.unknown_site, &[("name", &record.site), ("file", file)])
            }
        }
    }
}

/// A name without spaces, lower-cased: "悦味餐厅 徐汇店" and "悦味餐厅徐汇店" are one.
#[must_use]
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance over characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(id: &str, name: &str, region: &str) -> Site {
        Site {
            id: id.into(),
            name: name.into(),
            region: region.into(),
            manager: String::new(),
            groups: BTreeMap::new(),
        }
    }

    fn register() -> Sites {
        Sites {
            format: SITES_FORMAT,
            sites: vec![
                site("SH-01", "悦味餐厅 徐汇店", "上海"),
                site("SH-02", "悦味餐厅 静安店", "上海"),
                site("HZ-01", "悦味餐厅 西湖店", "杭州"),
            ],
        }
    }

    #[test]
    fn distance_counts_characters_not_bytes() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance(&c("徐汇店"), &c("徐匯店")), 1);
        assert_eq!(distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(distance(&c(""), &c("ab")), 2);
    }

    #[test]
    fn a_record_finds_its_site_by_id_then_name_then_a_suggestion() {
        let sites = register();
        assert_eq!(
            sites.resolve_named(Some("SH-02"), "whatever"),
            Resolved::ById(&sites.sites[1])
        );
        // An unknown ID falls back to the name.
        assert_eq!(
            sites.resolve_named(Some("XX"), "悦味餐厅徐汇店"),
            Resolved::ByName(&sites.sites[0])
        );
        assert_eq!(
            sites.resolve_named(None, "悦味餐厅 西湖"),
            Resolved::Suggested(&sites.sites[2])
        );
        assert_eq!(
            sites.resolve_named(None, "悦味餐廳 靜安店"),
            Resolved::Suggested(&sites.sites[1])
        );
        assert_eq!(
            sites.resolve_named(None, "Bank of Ningbo"),
            Resolved::Unknown
        );
        assert_eq!(sites.resolve_named(None, ""), Resolved::Unknown);
    }

    #[test]
    fn validate_is_told_what_a_record_most_likely_means() {
        let sites = register();
        let set = crate::core::templates::default_sample();
        let mut record = Inspection::new(
            &set,
            None,
            Path::new("x.inspection.ron"),
            jiff::civil::DateTime::default(),
        );
        record.site = "悦味餐厅 徐汇店".into();
        assert_eq!(SiteFinding::of(&sites, &record), None);
        record.site = "悦味餐廳 徐匯店".into();
        let found = SiteFinding::of(&sites, &record).unwrap();
        assert_eq!(found, SiteFinding::Suggested(&sites.sites[0]));
        let said = found.message(&record, "shop.sites.ron", crate::core::model::Language::En);
        assert!(
            said.contains("悦味餐厅 徐汇店") && said.contains("site_id: \"SH-01\""),
            "{said}"
        );
        record.site_id = Some("SH-09".into());
        let found = SiteFinding::of(&sites, &record).unwrap();
        assert_eq!(found.field(), "site_id");
        assert!(
            found
                .message(&record, "f", crate::core::model::Language::ZhCn)
                .contains("SH-09")
        );
        record.site_id = Some("SH-01".into());
        assert_eq!(SiteFinding::of(&sites, &record), None);
        record.site_id = None;
        record.site = "Bank of Ningbo".into();
        assert_eq!(SiteFinding::of(&sites, &record), Some(SiteFinding::Unknown));
    }

    #[test]
    fn a_register_round_trips_and_lives_beside_its_set() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("shop.standards.ron");
        let path = path_for(&set);
        assert_eq!(path, dir.path().join("shop.sites.ron"));
        assert!(load_beside(&set).unwrap().is_none());
        let mut sites = register();
        sites.sites[0].groups.insert("format".into(), "mall".into());
        save(&path, &sites).unwrap();
        let loaded = load_beside(&set).unwrap().unwrap();
        assert_eq!(loaded.document, sites);
        assert!(loaded.is_canonical());
        assert_eq!(sites.regions(), ["上海", "杭州"]);
        assert_eq!(sites.next_id(), "S-1");
        assert_eq!(sites.matching("静安").count(), 1);
        assert_eq!(sites.matching("上海").count(), 2);
    }

    #[test]
    fn a_repeated_id_is_an_error_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.sites.ron");
        let mut sites = register();
        sites.sites[2].id = "SH-01".into();
        let text = storage::to_canonical(&sites);
        std::fs::write(&path, &text).unwrap();
        let err = load(&path).unwrap_err();
        let SitesError::Duplicate { at, first, .. } = &err else {
            panic!("{err}")
        };
        assert!(at.line > first.line);
        assert!(err.to_string().contains("SH-01"), "{err}");
        assert!(err.to_string().contains(&format!(":{at}:")), "{err}");
        // Never written either.
        assert!(matches!(
            save(&dir.path().join("b.sites.ron"), &sites),
            Err(SitesError::Duplicate { .. })
        ));
        assert!(!dir.path().join("b.sites.ron").exists());
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.sites.ron");
        let text = storage::to_canonical(&register()).replace("region:", "regoin:");
        std::fs::write(&path, text).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains("shop.sites.ron:"), "{err}");
        assert!(err.contains("regoin"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_another_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "password=hunter2").unwrap();
        let link = dir.path().join("shop.sites.ron");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let err = load(&link).unwrap_err();
        assert!(matches!(err, SitesError::LinkToOther { .. }), "{err}");
        assert!(!err.to_string().contains("hunter2"));
    }
}
