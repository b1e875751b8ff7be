//! Where exports and reports are written, and what they may never replace.
//!
//! The policy, the same for the command line and the window: an export or a
//! report replaces an earlier export or any other ordinary file, but never
//! one of its own inputs and never a file servstd keeps (a set, a record, an
//! actions file, a photo, a logo or a survey: see [`FileKind`]), by its name
//! or its content, whatever the spelling of the path or the links on the way.
//! Standard output (`-`), a FIFO and a device are written to directly; a
//! symbolic link is followed and its target replaced atomically, keeping the
//! target's permissions.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::kind::FileKind;
use super::write_atomic;

/// Where the bytes go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// `-`: standard output.
    Stdout,
    /// A FIFO or a device: written to as it is, never replaced.
    Special(PathBuf),
    /// A regular file (new, or the target of a link): replaced atomically.
    File(PathBuf),
}

/// Why an output is refused. Displays in English; `OutputError::message`
/// says it in another language (both in `core::i18n`).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    SameAsInput(PathBuf),
    Document(PathBuf, FileKind),
    IsDirectory(PathBuf),
    Io(PathBuf, #[source] io::Error),
}

impl OutputError {
    /// The output path the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::SameAsInput(path)
            | Self::Document(path, _)
            | Self::IsDirectory(path)
            | Self::Io(path, _) => path,
        }
    }
}

/// Checks `output` against the policy above, given the command's `inputs`.
///
/// # Errors
/// See [`OutputError`].
pub fn prepare(output: &Path, inputs: &[&Path]) -> Result<Output, OutputError> {
    if output == Path::new("-") {
        return Ok(Output::Stdout);
    }
    if let Some(kind) = FileKind::by_name(output) {
        return Err(OutputError::Document(output.to_owned(), kind));
    }
    let meta = match fs::metadata(output) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A new file (or a dangling link, whose target is created).
            let target =
                fs::read_link(output).map_or_else(|_| output.to_owned(), |t| resolve(output, &t));
            if let Some(kind) = FileKind::by_name(&target) {
                return Err(OutputError::Document(output.to_owned(), kind));
            }
            return Ok(Output::File(target));
        }
        Err(e) => return Err(OutputError::Io(output.to_owned(), e)),
    };
    if meta.is_dir() {
        return Err(OutputError::IsDirectory(output.to_owned()));
    }
    let io_err = |e| OutputError::Io(output.to_owned(), e);
    let target = fs::canonicalize(output).map_err(io_err)?;
    if inputs.iter().any(|input| same_file(input, &target)) {
        return Err(OutputError::SameAsInput(output.to_owned()));
    }
    if !meta.is_file() {
        return Ok(Output::Special(output.to_owned()));
    }
    if let Some(kind) = FileKind::of(&target) {
        return Err(OutputError::Document(output.to_owned(), kind));
    }
    Ok(Output::File(target))
}

/// Writes `bytes` where [`prepare`] said.
///
/// # Errors
/// Any I/O error; a replaced file is then left as it was.
pub fn write(output: &Output, bytes: &[u8]) -> io::Result<()> {
    match output {
        Output::Stdout => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
        Output::Special(path) => {
            // No create, no truncate: a device or FIFO is written, not made.
            let mut file = fs::OpenOptions::new().write(true).open(path)?;
            file.write_all(bytes)?;
            file.flush()
        }
        Output::File(path) => write_atomic(path, bytes),
    }
}

/// [`write`] for content made as it is written, never held whole in
/// memory: `make` is given where the bytes go (a temporary file for a
/// regular one, replaced only once `make` has succeeded).
///
/// # Errors
/// Any I/O error, or the one `make` returns; a replaced file is then left as it was.
pub fn write_with(
    output: &Output,
    make: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> io::Result<()> {
    match output {
        Output::Stdout => {
            // Unlocked: a locked stdout may not cross threads, and writers such as
            // Parquet's ask for that.
            let mut out = io::BufWriter::new(io::stdout());
            make(&mut out)?;
            out.flush()
        }
        Output::Special(path) => {
            let file = fs::OpenOptions::new().write(true).open(path)?;
            let mut out = io::BufWriter::new(file);
            make(&mut out)?;
            out.flush()
        }
        Output::File(path) => super::save::write_atomic_with(path, make),
    }
}

fn resolve(link: &Path, target: &Path) -> PathBuf {
    if target.is_absolute() {
        target.to_owned()
    } else {
        link.parent().unwrap_or(Path::new("")).join(target)
    }
}

/// Whether `input` and the canonical `target` are one file: the same path,
/// or (on Unix) the same device and inode, which also catches hard links.
fn same_file(input: &Path, target: &Path) -> bool {
    let Ok(input_canonical) = fs::canonicalize(input) else {
        return false;
    };
    if input_canonical == target {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(input), fs::metadata(target)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_that_is_an_input_or_a_document_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("shop.standards.ron");
        fs::write(&set, "StandardsSet(format: 1)").unwrap();
        assert!(matches!(
            prepare(&set, &[&set]),
            Err(OutputError::Document(..) | OutputError::SameAsInput(_))
        ));
        // The same set under another name, and a hard link to it.
        let renamed = dir.path().join("shop.txt");
        fs::write(&renamed, "// a set\nStandardsSet(format: 1)").unwrap();
        assert!(matches!(
            prepare(&renamed, &[]),
            Err(OutputError::Document(..))
        ));
        let input = dir.path().join("in.pdf");
        fs::write(&input, "x").unwrap();
        let link = dir.path().join("link.pdf");
        fs::hard_link(&input, &link).unwrap();
        assert!(matches!(
            prepare(&link, &[&input]),
            Err(OutputError::SameAsInput(_))
        ));
        // An earlier export is replaced; a new name is fine.
        let old = dir.path().join("old.pdf");
        fs::write(&old, "%PDF-old").unwrap();
        assert!(matches!(prepare(&old, &[&input]), Ok(Output::File(_))));
        let new = dir.path().join("new.pdf");
        assert_eq!(prepare(&new, &[]).unwrap(), Output::File(new));
        assert!(matches!(
            prepare(dir.path(), &[]),
            Err(OutputError::IsDirectory(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_its_target_replaced_keeping_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.pdf");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let out = prepare(&link, &[]).unwrap();
        write(&out, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_not_replaced() {
        let out = prepare(Path::new("/dev/null"), &[]).unwrap();
        assert_eq!(out, Output::Special(PathBuf::from("/dev/null")));
        write(&out, b"bytes").unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().file_type().is_file());
    }
}
