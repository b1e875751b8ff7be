//! Evidence files (photos, documents) named by an inspection record. A path
//! is relative to the record and must stay inside the record's folder: an
//! absolute path, a `..` that climbs out, a link that points out or a device
//! is refused, and servstd never opens it (a report must never embed a file
//! from elsewhere on the disk).

use std::path::{Path, PathBuf};

/// Why an evidence path cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceIssue {
    /// `/home/x/a.jpg`, `C:\a.jpg`, `\\server\a.jpg`.
    Absolute,
    /// `../../etc/passwd`: climbs above the record's folder.
    Climbs,
    /// A symbolic link (the file or a folder on the way) that leads out of
    /// the record's folder.
    LinksOut,
    /// A folder, a FIFO, a device or a socket.
    NotAFile,
    /// Nothing is there.
    Missing,
}

impl EvidenceIssue {
    pub const ALL: [Self; 5] = [
        Self::Absolute,
        Self::Climbs,
        Self::LinksOut,
        Self::NotAFile,
        Self::Missing,
    ];

    /// Whether the record is wrong (an error) or only its folder is
    /// incomplete (a missing file is a warning: it may be copied in later).
    #[must_use]
    pub fn is_error(self) -> bool {
        self != Self::Missing
    }
}

/// The bytes of the evidence `path` of the record at `record`, when it is
/// inside the record's folder, a regular file, and at most `max` bytes.
///
/// # Errors
/// An [`EvidenceIssue`] (a file too big reads as [`EvidenceIssue::NotAFile`]);
/// a path that leads out is never opened.
pub fn read(record: &Path, path: &str, max: u64) -> Result<Vec<u8>, EvidenceIssue> {
    let file = locate(record, path)?;
    read_at_most(&file, max)
        .map_err(|_| EvidenceIssue::Missing)?
        .ok_or(EvidenceIssue::NotAFile)
}

/// The bytes of a file [`locate`]d, or `None` when it holds more than `max`
/// (never more than `max + 1` bytes are read).
///
/// # Errors
/// When it cannot be opened or read.
pub fn read_at_most(file: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// The folder a document at `file` lives in: `.` for a bare file name.
#[must_use]
pub fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// Checks the path as written, without touching the disk.
///
/// # Errors
/// [`EvidenceIssue::Absolute`] or [`EvidenceIssue::Climbs`].
pub fn check_written(path: &str) -> Result<(), EvidenceIssue> {
    let p = Path::new(path);
    // A drive (C:) or a UNC path counts as absolute on every system: the
    // record may have been written on another one.
    let windows_absolute =
        path.starts_with('\\') || path.as_bytes().get(1) == Some(&b':') || path.starts_with("//");
    if p.is_absolute() || p.has_root() || windows_absolute {
        return Err(EvidenceIssue::Absolute);
    }
    let mut depth: usize = 0;
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => depth = depth.checked_sub(1).ok_or(EvidenceIssue::Climbs)?,
            _ => depth += 1,
        }
    }
    Ok(())
}

/// Where the evidence `path` of the record at `record` is on disk, once it
/// is known to stay inside the record's folder and to be a regular file.
///
/// # Errors
/// An [`EvidenceIssue`]; the file is never opened.
pub fn locate(record: &Path, path: &str) -> Result<PathBuf, EvidenceIssue> {
    check_written(path)?;
    let folder = folder_of(record);
    let file = folder.join(path.replace('\\', "/"));
    let meta = std::fs::symlink_metadata(&file).map_err(|_| EvidenceIssue::Missing)?;
    // Links are followed only to see where they lead: the real file must be
    // inside the real folder.
    let (Ok(real_folder), Ok(real_file)) = (folder.canonicalize(), file.canonicalize()) else {
        return Err(if meta.file_type().is_symlink() {
            EvidenceIssue::Missing
        } else {
            EvidenceIssue::NotAFile
        });
    };
    // Canonical paths compare by whole components: /a/bc is not under /a/b.
    if !real_file.starts_with(&real_folder) {
        return Err(EvidenceIssue::LinksOut);
    }
    let target = std::fs::metadata(&real_file).map_err(|_| EvidenceIssue::Missing)?;
    if !target.is_file() {
        return Err(EvidenceIssue::NotAFile);
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_paths_stay_inside() {
        assert_eq!(check_written("photos/s-31.jpg"), Ok(()));
        assert_eq!(check_written("photos/../s-31.jpg"), Ok(()));
        assert_eq!(check_written("./a.jpg"), Ok(()));
        for bad in [
            "/etc/passwd",
            "C:\\x.jpg",
            "\\\\server\\x.jpg",
            "//server/x.jpg",
        ] {
            assert_eq!(check_written(bad), Err(EvidenceIssue::Absolute), "{bad}");
        }
        for bad in ["../x.jpg", "photos/../../x.jpg", "a\\..\\..\\x.jpg"] {
            assert_eq!(check_written(bad), Err(EvidenceIssue::Climbs), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn on_disk_a_link_out_a_device_and_a_missing_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let record = dir.path().join("a.inspection.ron");
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        std::fs::write(dir.path().join("photos/ok.jpg"), b"jpeg").unwrap();
        std::fs::write(outside.path().join("secret.txt"), b"secret").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            dir.path().join("out.jpg"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
        std::os::unix::fs::symlink("photos/ok.jpg", dir.path().join("inside.jpg")).unwrap();
        std::os::unix::fs::symlink("/dev/null", dir.path().join("null.jpg")).unwrap();

        assert_eq!(
            locate(&record, "photos/ok.jpg"),
            Ok(dir.path().join("photos/ok.jpg"))
        );
        assert!(
            locate(&record, "inside.jpg").is_ok(),
            "a link inside is fine"
        );
        assert_eq!(locate(&record, "out.jpg"), Err(EvidenceIssue::LinksOut));
        assert_eq!(
            locate(&record, "elsewhere/secret.txt"),
            Err(EvidenceIssue::LinksOut)
        );
        assert_eq!(locate(&record, "null.jpg"), Err(EvidenceIssue::LinksOut));
        assert_eq!(locate(&record, "photos"), Err(EvidenceIssue::NotAFile));
        assert_eq!(
            locate(&record, "photos/none.jpg"),
            Err(EvidenceIssue::Missing)
        );
        assert_eq!(locate(&record, "../x.jpg"), Err(EvidenceIssue::Climbs));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_inside_the_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("a.inspection.ron");
        let fifo = dir.path().join("pipe.jpg");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        assert_eq!(locate(&record, "pipe.jpg"), Err(EvidenceIssue::NotAFile));
    }
}
