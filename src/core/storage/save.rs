//! Writing documents: canonical text within the read limit, atomic
//! replacement (temporary file, sync, rename, sync the folder), links
//! followed, an advisory lock while a command reads, changes and writes a
//! document, changes made elsewhere never overwritten (checked once the new
//! text is on disk, just before the rename), read-only files left alone, and
//! the leftovers of killed saves removed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Document, MAX_FILE_BYTES, read_limited, to_canonical};

/// Why a document was not saved; the file on disk is then as it was.
/// Displays in English; `SaveError::message` says it in another language
/// (both in `core::i18n`).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    ChangedOnDisk {
        path: PathBuf,
    },
    Busy {
        path: PathBuf,
    },
    ReadOnly {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
    },
}

impl SaveError {
    /// The document's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::ChangedOnDisk { path }
            | Self::Busy { path }
            | Self::ReadOnly { path }
            | Self::TooLarge { path, .. } => path,
        }
    }
}

impl From<SaveError> for io::Error {
    fn from(err: SaveError) -> Self {
        io::Error::other(err)
    }
}

/// The canonical text of `document`, refused if servstd could not read it back.
fn canonical_within_limit<T: Document>(path: &Path, document: &T) -> Result<String, SaveError> {
    let text = to_canonical(document);
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size: text.len() as u64,
        });
    }
    Ok(text)
}

/// Writes a document in canonical form, atomically. A symbolic link is
/// followed, so its target is replaced and the link stays.
///
/// # Errors
/// Any I/O error, or a document too large to read back; the old file is
/// then left as it was.
pub fn save<T: Document>(path: &Path, document: &T) -> Result<(), SaveError> {
    write_document(path, document, None)
}

/// Like [`save`], but only if the file still holds `read` (the bytes it was
/// loaded from): a save by another program in the meantime is never lost.
///
/// # Errors
/// [`SaveError::ChangedOnDisk`] when the file changed, else as [`save`].
pub fn save_if_unchanged<T: Document>(
    path: &Path,
    document: &T,
    read: &[u8],
) -> Result<(), SaveError> {
    write_document(path, document, Some(read))
}

/// Writes `document` over the target of `path` (links followed); with
/// `expected`, only if the file still holds those bytes when the new text
/// is on disk, just before it replaces the old. A read-only file is not
/// replaced (a rename would replace it: the folder's permission decides).
fn write_document<T: Document>(
    path: &Path,
    document: &T,
    expected: Option<&[u8]>,
) -> Result<(), SaveError> {
    let text = canonical_within_limit(path, document)?;
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let unchanged = || match expected {
        Some(expected) if read_limited(&target).ok().as_deref() != Some(expected) => {
            Err(SaveError::ChangedOnDisk {
                path: path.to_owned(),
            })
        }
        _ => Ok(()),
    };
    write_atomic_checked(&target, |f| f.write_all(text.as_bytes()), unchanged).map_err(|err| {
        match err {
            Checked::Refused(err) => err,
            Checked::Io(source) => SaveError::Io {
                path: path.to_owned(),
                source,
            },
        }
    })
}

/// How long a command waits for another servstd to finish with a document.
pub const LOCK_WAIT_SECS: u64 = 10;

/// An advisory lock on a document, held while a command reads, changes and
/// writes it back, so that two servstd commands on one file take turns
/// rather than one silently undoing the other. Released when dropped.
///
/// The lock is on the file itself, not on a lock file beside it, so nothing
/// is left in the user's folder. A save replaces the file by rename, so the
/// lock is taken again if the path no longer leads to the file locked.
#[derive(Debug)]
pub struct DocumentLock {
    _file: fs::File,
}

/// Locks the document at `path` (links followed), waiting up to
/// [`LOCK_WAIT_SECS`] for another servstd that holds it.
///
/// # Errors
/// [`SaveError::Busy`] when it stays locked; [`SaveError::Io`] when it
/// cannot be opened (the command's read then says why, in its own words).
pub fn lock(path: &Path) -> Result<DocumentLock, SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(LOCK_WAIT_SECS);
    loop {
        let file = super::read::open_regular(path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {
                if same_inode(&file, path) {
                    return Ok(DocumentLock { _file: file });
                }
                // Replaced by a save while we waited: lock the new file.
            }
            Err(fs::TryLockError::WouldBlock) => {
                if std::time::Instant::now() >= deadline {
                    return Err(SaveError::Busy {
                        path: path.to_owned(),
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::Error(source)) => return Err(io(source)),
        }
    }
}

/// Whether the open `file` is still what `path` leads to.
#[cfg(unix)]
fn same_inode(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

// Elsewhere a file open by another program cannot be renamed over, so the
// path still leads to the file locked.
#[cfg(not(unix))]
fn same_inode(_file: &fs::File, _path: &Path) -> bool {
    true
}

/// Why [`write_atomic_checked`] did not replace the file.
enum Checked<E> {
    Refused(E),
    Io(io::Error),
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old content or the new, never a mix: a temporary file in the same
/// folder is written and synced, renamed over the target, and the folder synced.
///
/// # Errors
/// Any I/O error; the target is then untouched and the temporary file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] for content made as it is written (a Parquet or CSV
/// file of a million rows), so it never has to be held in memory whole:
/// `write` is given the temporary file; an error from it leaves the target
/// untouched.
///
/// # Errors
/// Any I/O error, or the one `write` returns.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_checked(path, write, || Ok::<(), io::Error>(())).map_err(|e| match e {
        Checked::Refused(e) | Checked::Io(e) => e,
    })
}

/// [`write_atomic`], asking `still_ok` once the new content is written and
/// synced, just before the rename: the last moment to see a change made
/// elsewhere, so the window in which one can be lost is as short as it gets.
fn write_atomic_checked<E>(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
    still_ok: impl FnOnce() -> Result<(), E>,
) -> Result<(), Checked<E>> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Created with mode 0666, so the umask decides, as for any new file;
    // a file being replaced gets its own permissions back below.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(Checked::Io)?;
    {
        // Buffered: a streamed writer makes many small writes.
        let mut buffered = io::BufWriter::new(temp.as_file_mut());
        write(&mut buffered).map_err(Checked::Io)?;
        buffered.flush().map_err(Checked::Io)?;
    }
    // Leftovers of killed saves are looked for while the disk syncs: the
    // folder's whole listing is read, and a chain's folder holds thousands.
    std::thread::scope(|scope| {
        let cleaning = crate::core::threads::spawn(scope, || remove_stale_temps(dir, &name));
        let synced = temp.as_file().sync_all();
        cleaning.wait();
        synced
    })
    .map_err(Checked::Io)?;
    // Keep the owner, group and permissions of the file being replaced, as
    // far as the user may (owner first: a change of owner clears set-id bits).
    if let Ok(meta) = fs::metadata(path) {
        #[cfg(unix)]
        keep_owner(temp.as_file(), &meta);
        fs::set_permissions(temp.path(), meta.permissions()).map_err(Checked::Io)?;
    }
    still_ok().map_err(Checked::Refused)?;
    temp.persist(path).map_err(|e| Checked::Io(e.error))?;
    sync_dir(dir).map_err(Checked::Io)
}

/// A temporary file this old was left by a save that was killed: no save
/// takes a minute, so removing it cannot race a save still running.
pub const STALE_TEMP_SECS: u64 = 60;

/// Removes `.NAME.*.tmp` files of earlier, killed saves of the same file.
/// Best effort: a leftover that cannot be removed is no reason to fail a save.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= STALE_TEMP_SECS);
        if old && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Gives `file` the owner and group of `old`; a user who may not give the
/// owner away may still keep the group. Best effort: the content matters more.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_replaced_file_keeps_its_owner_and_group() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.standards.ron");
        fs::write(&path, "old").unwrap();
        // As root the test can give the file away, as fmt did to nobody's files.
        let (uid, gid) = (65534, 65534);
        if std::os::unix::fs::chown(&path, Some(uid), Some(gid)).is_err() {
            return; // not root: nothing to give away
        }
        write_atomic(&path, b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (uid, gid));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    /// The "changed since read" check ran before the new text was written
    /// and synced, so a save made elsewhere during that time was lost (20
    /// of 100 rounds of `fmt` against a saving editor). It runs last now.
    #[test]
    fn the_changed_on_disk_check_runs_once_the_new_text_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.standards.ron");
        fs::write(&path, "old").unwrap();
        let result = write_atomic_checked(
            &path,
            |f| f.write_all(b"new text"),
            || {
                let temps: Vec<_> = fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
                    .collect();
                assert_eq!(temps.len(), 1);
                assert_eq!(fs::read(&temps[0]).unwrap(), b"new text");
                // Another program saves now, after our text is on disk.
                fs::write(&path, "theirs").unwrap();
                Err("changed")
            },
        );
        assert!(matches!(result, Err(Checked::Refused("changed"))));
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    }

    #[test]
    fn a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        // What the umask makes of a plain new file here.
        let probe = dir.path().join("probe");
        fs::write(&probe, "x").unwrap();
        let expected = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        let new = dir.path().join("new.pdf");
        write_atomic(&new, b"new").unwrap();
        assert_eq!(
            fs::metadata(&new).unwrap().permissions().mode() & 0o777,
            expected
        );
        let kept = dir.path().join("kept.pdf");
        fs::write(&kept, "old").unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(
            fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
