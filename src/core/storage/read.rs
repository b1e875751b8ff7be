//! Bounded reads: a document file is opened only when it is a regular file
//! of a size servstd reads, decoded as UTF-8 with the place of a bad byte,
//! and parsed; every refusal says which file and why.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::kind::FileKind;
use super::parse::{ParseError, normalise, parse_normalised, to_canonical};
use super::{Document, MAX_FILE_BYTES, Position};

/// Why a file could not be loaded. Displays as `FILE[:LINE:COL]: sentence`
/// in English; `LoadError::message` says the sentence in another language
/// (both in `core::i18n`, which owns every sentence).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    IsDirectory {
        path: PathBuf,
    },
    LinkToOther {
        path: PathBuf,
        expected: FileKind,
        found: Option<FileKind>,
    },
    NotAFile {
        path: PathBuf,
        kind: Special,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
    },
    NotUtf8 {
        path: PathBuf,
        at: Position,
    },
    Parse {
        path: PathBuf,
        #[source]
        source: ParseError,
    },
}

/// What a path that is neither a file nor a folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Fifo,
    Device,
    Socket,
    Other,
}

impl LoadError {
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::IsDirectory { path }
            | Self::LinkToOther { path, .. }
            | Self::NotAFile { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Parse { path, .. } => path,
        }
    }

    #[must_use]
    pub fn position(&self) -> Option<Position> {
        match self {
            Self::NotUtf8 { at, .. } => Some(*at),
            Self::Parse { source, .. } => source.position(),
            Self::TooLarge { .. } => Some(Position::START),
            _ => None,
        }
    }
}

/// A document read from disk, with the text it was read from (for locating items).
#[derive(Debug)]
pub struct Loaded<T> {
    pub document: T,
    /// The text after BOM removal and CRLF → LF, i.e. what positions refer to.
    pub text: String,
    /// The bytes as they were on disk.
    pub bytes: Vec<u8>,
}

impl<T: Document> Loaded<T> {
    /// Whether the file on disk already is exactly the canonical form.
    #[must_use]
    pub fn is_canonical(&self) -> bool {
        self.bytes == to_canonical(&self.document).as_bytes()
    }
}

/// Reads and parses a file, refusing directories, huge files and non-UTF-8 text.
///
/// # Errors
/// A [`LoadError`] saying what is wrong, with the position where there is one.
pub fn load<T: Document>(path: &Path) -> Result<Loaded<T>, LoadError> {
    refuse_link_to_other::<T>(path)?;
    let bytes = read_limited(path)?;
    let decoded = decode(path, &bytes)?;
    // Most files have no BOM and no CR: the decoded text is kept as it is,
    // not copied a second time (a chain's folder reads thousands).
    // (Normalising only removes: the same length is the same text.)
    let normalised = normalise(&decoded);
    let text = if normalised.len() == decoded.len() {
        drop(normalised);
        decoded
    } else {
        normalised.into_owned()
    };
    let document: T = parse_normalised(&text).map_err(|e| e.for_path(path))?;
    Ok(Loaded {
        document,
        text,
        bytes,
    })
}

/// A document reached through a symbolic link is read only when what the
/// link leads to is a document of the kind wanted, by its name or by its
/// first bytes: a `shop.standards.ron` that is a link to `/etc/shadow` is
/// refused before anything of it is parsed or echoed in a message.
fn refuse_link_to_other<T: Document>(path: &Path) -> Result<(), LoadError> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let Some(expected) = FileKind::from_root(super::parse::root_name::<T>()) else {
        return Ok(());
    };
    if !is_link {
        return Ok(());
    }
    let Ok(target) = fs::canonicalize(path) else {
        return Ok(()); // a dangling link: the read says it is missing
    };
    let found = FileKind::of(&target);
    if found == Some(expected) {
        return Ok(());
    }
    Err(LoadError::LinkToOther {
        path: path.to_owned(),
        expected,
        found,
    })
}

/// Reads a whole file after checking that it is a file and not too large.
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::IsDirectory`] or [`LoadError::TooLarge`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = open_nonblocking(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_owned(),
        });
    }
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
            kind: special_kind(&meta),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew since stat.
    io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_BYTES + 1), &mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The language a standards set names in its first lines (`language:
/// "zh-TW"`), read without loading it: a guess to start work on before the
/// set is read. `None` for a link (the load looks where it leads first),
/// anything but a regular file, or a head that names none.
#[must_use]
pub fn language_named(path: &Path) -> Option<crate::core::model::Language> {
    if fs::symlink_metadata(path).ok()?.file_type().is_symlink() {
        return None;
    }
    let mut head = Vec::with_capacity(2048);
    io::Read::read_to_end(
        &mut io::Read::take(open_regular(path).ok()?, 2048),
        &mut head,
    )
    .ok()?;
    super::parse::declared_language(&String::from_utf8_lossy(&head))
}

/// The file at `path` opened for reading, when it is a regular file.
///
/// # Errors
/// It cannot be opened, or is a folder, a FIFO, a device or a socket.
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    let file = open_nonblocking(path)?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(io::Error::other("not a regular file"))
    }
}

// Opened without blocking (a FIFO would wait for a writer forever); callers
// then look at what was opened, not at the path, which could change between.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    fs::File::open(path)
}

/// What a path that is neither a file nor a folder is, for the message.
fn special_kind(meta: &fs::Metadata) -> Special {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Special::Fifo;
        }
        if t.is_char_device() || t.is_block_device() {
            return Special::Device;
        }
        if t.is_socket() {
            return Special::Socket;
        }
    }
    let _ = meta;
    Special::Other
}

/// Decodes UTF-8, reporting the line and column of the first bad byte.
///
/// # Errors
/// [`LoadError::NotUtf8`].
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                at: Position { line, col },
            })
        }
    }
}
