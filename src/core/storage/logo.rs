//! A set's logo: a JPEG or PNG next to the set, found the way evidence is
//! (relative to the file, never outside its folder), read only when it is
//! an image of a size a logo has.

use std::path::Path;

use super::evidence::{self, EvidenceIssue};

/// A logo larger than this is refused rather than read.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Why a logo cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogoIssue {
    /// Where it is: absolute, climbing out, a link out, not a file, missing.
    Path(EvidenceIssue),
    /// Neither a JPEG nor a PNG, or over [`MAX_BYTES`].
    NotAnImage,
}

/// The logo's bytes.
///
/// # Errors
/// A [`LogoIssue`]; a path that leads out of the set's folder is never opened.
pub fn read(set_file: &Path, logo: &str) -> Result<Vec<u8>, LogoIssue> {
    let file = evidence::locate(set_file, logo).map_err(LogoIssue::Path)?;
    let bytes = evidence::read_at_most(&file, MAX_BYTES)
        .map_err(|_| LogoIssue::Path(EvidenceIssue::Missing))?
        .ok_or(LogoIssue::NotAnImage)?;
    let image = image::guess_format(&bytes)
        .is_ok_and(|f| matches!(f, image::ImageFormat::Jpeg | image::ImageFormat::Png));
    // Decoded whole, within the photo limits: a logo that only starts like
    // an image was passed by `validate` and then refused by `export` with
    // the decoder's debug text.
    let decodes = || {
        super::photos::decoder(&bytes)
            .ok()
            .and_then(|d| image::DynamicImage::from_decoder(d).ok())
            .is_some()
    };
    if !image || !decodes() {
        return Err(LogoIssue::NotAnImage);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_is_read_inside_the_folder_only_and_only_as_an_image() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("shop.standards.ron");
        std::fs::copy("standards/restaurant-logo.png", dir.path().join("logo.png")).unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"hello").unwrap();
        // It starts like a PNG, but no decoder can read it.
        std::fs::write(dir.path().join("broken.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert!(read(&set, "logo.png").is_ok());
        assert_eq!(read(&set, "broken.png"), Err(LogoIssue::NotAnImage));
        assert_eq!(read(&set, "notes.txt"), Err(LogoIssue::NotAnImage));
        assert_eq!(
            read(&set, "../logo.png"),
            Err(LogoIssue::Path(EvidenceIssue::Climbs))
        );
        assert_eq!(
            read(&set, "/etc/passwd"),
            Err(LogoIssue::Path(EvidenceIssue::Absolute))
        );
        assert_eq!(
            read(&set, "gone.png"),
            Err(LogoIssue::Path(EvidenceIssue::Missing))
        );
    }
}
