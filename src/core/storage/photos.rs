//! Photos attached to a verdict or an action: copied into `photos/` beside
//! the record under a name made from their content (the same photo twice is
//! stored once), turned upright by their EXIF orientation, and downscaled to
//! at most 1,600 pixels as JPEG, so that a report of a hundred photos stays
//! small. Formats that cannot be read get a clear message and nothing is kept.

use std::io::Cursor;
use std::path::Path;

use image::{ImageDecoder, ImageReader};

/// The longest side of a stored photo.
pub const MAX_SIDE: u32 = 1600;
/// The longest side of a photo printed in a report at most: it is printed
/// about 42 mm wide, and a stored photo of 1,600 px becomes 533 px, some
/// 320 dpi there (print wants 300).
pub const PRINT_SIDE: u32 = 640;
/// An upright JPEG at most this big is printed as it is; any other photo is
/// printed from a smaller copy.
pub const PRINT_BYTES: usize = 160 * 1024;
/// The largest file read as a photo (a 12-megapixel JPEG is 3–8 MB).
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;
/// The folder beside the record.
pub const FOLDER: &str = "photos";

/// The longest side a photo may declare before it is decoded: a 50-megapixel
/// camera makes 8,700 pixels. A file declaring more is refused unread, so a
/// small PNG that claims 20,000 × 20,000 pixels costs nothing.
pub const MAX_DECODE_SIDE: u32 = 12_000;
/// The most memory one photo's decoding may take (12,000 × 8,000 RGBA).
pub const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;

/// Why a photo was not attached.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{0}: not a file")]
    NotAFile(String),
    #[error("{0}: {1} bytes, more than a photo of {max} MB", max = MAX_SOURCE_BYTES / 1024 / 1024)]
    TooBig(String, u64),
    #[error(
        "{0}: not a JPEG or PNG photo that can be read ({1}); HEIC photos must be saved as JPEG first"
    )]
    Unreadable(String, #[source] ImageError),
    #[error("{0}: cannot be stored beside the record: {1}")]
    Write(String, #[source] std::io::Error),
}

/// Why the bytes of a photo cannot be turned into a JPEG to store or print.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("the JPEG is cut off: it has no end")]
    CutOff,
    #[error(
        "it declares {width} × {height} pixels; a photo may have at most {MAX_DECODE_SIDE} on a side"
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("{0}")]
    Decode(#[from] image::ImageError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Reads, turns, downscales and stores the photo at `source` beside the
/// record at `record`; returns its path relative to the record.
///
/// # Errors
/// See [`PhotoError`]; nothing is written then.
pub fn import(record: &Path, source: &Path) -> Result<String, PhotoError> {
    let name = source.display().to_string();
    let meta = std::fs::metadata(source).map_err(|_| PhotoError::NotAFile(name.clone()))?;
    if !meta.is_file() {
        return Err(PhotoError::NotAFile(name));
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(PhotoError::TooBig(name, meta.len()));
    }
    let bytes = std::fs::read(source).map_err(|_| PhotoError::NotAFile(name.clone()))?;
    // Named by FNV-1a, not a cryptographic hash: the name only stores the
    // same photo once, and records already name their photos this way.
    let relative = format!("{FOLDER}/{:016x}.jpg", crate::core::text::fnv1a(&bytes));
    let folder = record.parent().unwrap_or(Path::new(""));
    let target = folder.join(&relative);
    if target.is_file() {
        return Ok(relative); // the same photo, stored before
    }
    let jpeg = prepare(&bytes).map_err(|e| PhotoError::Unreadable(name.clone(), e))?;
    std::fs::create_dir_all(folder.join(FOLDER)).map_err(|e| PhotoError::Write(name.clone(), e))?;
    super::save::write_atomic(&target, &jpeg).map_err(|e| PhotoError::Write(name, e))?;
    Ok(relative)
}

/// Decodes a JPEG or PNG, applies its orientation, downscales it to
/// [`MAX_SIDE`] and encodes it as JPEG.
///
/// # Errors
/// Why it cannot be read, in the decoder's words.
pub fn prepare(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    render(bytes, MAX_SIDE, 85, downscale)
}

/// The bytes to print a photo from: the photo itself when it is a small,
/// upright JPEG (every photo attached in the window is upright), otherwise a
/// JPEG of at most [`PRINT_SIDE`] pixels, turned upright by its EXIF
/// orientation (a PDF viewer ignores EXIF). A hundred real photos of 300 KB
/// each would make a 30 MB report; printed this way, a few megabytes.
///
/// # Errors
/// Why it cannot be read, in the decoder's words.
pub fn for_print(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, ImageError> {
    if is_cut_off_jpeg(bytes) {
        return Err(ImageError::CutOff);
    }
    if is_jpeg(bytes) && bytes.len() <= PRINT_BYTES {
        let upright = decoder(bytes)
            .ok()
            .and_then(|mut d| d.orientation().ok())
            .is_some_and(|o| o == image::metadata::Orientation::NoTransforms);
        if upright {
            return Ok(std::borrow::Cow::Borrowed(bytes));
        }
    }
    render(bytes, PRINT_SIDE, 80, shrink).map(std::borrow::Cow::Owned)
}

/// `image` with its longest side at most `side`, for print: averaged over
/// blocks of k × k pixels, the smallest k that fits (a stored photo of
/// 1,600 px is three by three), in a tenth of the time of a filter.
fn shrink(image: image::DynamicImage, side: u32) -> image::DynamicImage {
    let longest = image.width().max(image.height());
    if longest <= side {
        return image;
    }
    let k = longest.div_ceil(side);
    {
        let rgb = image.to_rgb8();
        let (w, h) = (rgb.width() / k, rgb.height() / k);
        let area = k * k;
        let blocks = image::RgbImage::from_fn(w.max(1), h.max(1), |x, y| {
            let mut sum = [0u32; 3];
            for dy in 0..k {
                for dx in 0..k {
                    let p = rgb.get_pixel(x * k + dx, y * k + dy);
                    for (s, v) in sum.iter_mut().zip(p.0) {
                        *s += u32::from(v);
                    }
                }
            }
            image::Rgb(sum.map(|s| u8::try_from(s / area).unwrap_or(u8::MAX)))
        });
        image::DynamicImage::ImageRgb8(blocks)
    }
}

/// Decodes a JPEG or PNG, applies its orientation, downscales it to `side`
/// with `shrink` and encodes it as JPEG at `quality`.
fn render(
    bytes: &[u8],
    side: u32,
    quality: u8,
    shrink: impl Fn(image::DynamicImage, u32) -> image::DynamicImage,
) -> Result<Vec<u8>, ImageError> {
    if is_cut_off_jpeg(bytes) {
        return Err(ImageError::CutOff);
    }
    let mut decoder = decoder(bytes)?;
    let orientation = decoder.orientation()?;
    let mut image = image::DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    let image = shrink(image, side);
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&image.to_rgb8())?;
    Ok(out)
}

/// Whether `bytes` are a JPEG cut off before its end. The JPEG decoder fills
/// a cut-off photo with grey rather than failing, and a small upright JPEG
/// is printed as it is, never decoded: after its last scan a JPEG must have
/// its end-of-image marker (a scan never holds FF D9, and cameras may add
/// data after the end).
fn is_cut_off_jpeg(bytes: &[u8]) -> bool {
    if !is_jpeg(bytes) {
        return false;
    }
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    !last_scan.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// Whether `bytes` are a JPEG, as the `image` crate tells formats apart.
fn is_jpeg(bytes: &[u8]) -> bool {
    image::guess_format(bytes).is_ok_and(|f| f == image::ImageFormat::Jpeg)
}

/// A decoder for a JPEG or PNG whose declared size was checked before any
/// pixel is decoded, and whose memory is bounded.
///
/// # Errors
/// Not an image, or one of more than [`MAX_DECODE_SIDE`] pixels on a side.
pub fn decoder(bytes: &[u8]) -> Result<impl ImageDecoder + use<'_>, ImageError> {
    // The header alone says the size: refused here, nothing is decoded.
    let (width, height) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()?
        .into_dimensions()?;
    if width > MAX_DECODE_SIDE || height > MAX_DECODE_SIDE {
        return Err(ImageError::TooManyPixels { width, height });
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format()?;
    reader.limits(limits);
    Ok(reader.into_decoder()?)
}

/// `image` with its longest side at most `side`, proportions kept.
#[must_use]
pub fn downscale(image: image::DynamicImage, side: u32) -> image::DynamicImage {
    if image.width().max(image.height()) <= side {
        return image;
    }
    image.resize(side, side, image::imageops::FilterType::Triangle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([
                u8::try_from(x % 256).unwrap(),
                u8::try_from(y % 256).unwrap(),
                90,
            ])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&image)
            .unwrap();
        out
    }

    #[test]
    fn a_large_photo_is_downscaled_stored_once_and_named_by_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("shop.inspection.ron");
        let source = dir.path().join("IMG_0001.JPG");
        std::fs::write(&source, jpeg(4000, 3000)).unwrap();
        let stored = import(&record, &source).unwrap();
        assert!(stored.starts_with("photos/"));
        assert_eq!(Path::new(&stored).extension().unwrap(), "jpg");
        let image = image::open(dir.path().join(&stored)).unwrap();
        assert_eq!((image.width(), image.height()), (1600, 1200));
        let copy = dir.path().join("copy.jpg");
        std::fs::copy(&source, &copy).unwrap();
        assert_eq!(import(&record, &copy).unwrap(), stored, "stored once");
        assert_eq!(
            std::fs::read_dir(dir.path().join("photos"))
                .unwrap()
                .count(),
            1
        );
    }

    /// A 400 × 200 JPEG with EXIF orientation 6: "rotate 90° clockwise to view".
    fn sideways() -> Vec<u8> {
        use image::ImageEncoder;
        let image = image::RgbImage::from_pixel(400, 200, image::Rgb([200, 10, 10]));
        let exif: Vec<u8> = [
            b"MM\0\x2a\0\0\0\x08".as_slice(), // big-endian TIFF header, IFD at 8
            &[0, 1],                          // one entry
            &[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0], // Orientation, SHORT, 1, value 6
            &[0, 0, 0, 0],                    // no next IFD
        ]
        .concat();
        let mut bytes = Vec::new();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80);
        encoder.set_exif_metadata(exif).unwrap();
        encoder
            .write_image(&image, 400, 200, image::ExtendedColorType::Rgb8)
            .unwrap();
        bytes
    }

    #[test]
    fn a_photo_taken_sideways_is_stored_upright() {
        let upright = image::load_from_memory(&prepare(&sideways()).unwrap()).unwrap();
        assert_eq!((upright.width(), upright.height()), (200, 400));
    }

    #[test]
    fn a_small_upright_jpeg_is_printed_as_it_is_and_any_other_from_a_smaller_upright_copy() {
        let small = jpeg(640, 480);
        assert!(matches!(
            for_print(&small).unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
        // Sideways (a PDF viewer ignores EXIF): printed upright.
        let printed = image::load_from_memory(&for_print(&sideways()).unwrap()).unwrap();
        assert_eq!((printed.width(), printed.height()), (200, 400));
        // Too many bytes: a copy of at most PRINT_SIDE pixels.
        let noisy = image::RgbImage::from_fn(1600, 1200, |x, y| {
            let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40503)).rotate_left(x % 13);
            let [a, b, c, _] = n.to_le_bytes();
            image::Rgb([a, b, c])
        });
        let mut big = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut big, 90)
            .encode_image(&noisy)
            .unwrap();
        assert!(big.len() > PRINT_BYTES);
        let printed = for_print(&big).unwrap();
        let image = image::load_from_memory(&printed).unwrap();
        // Averaged three by three: 1600 / 3 and 1200 / 3, at most PRINT_SIDE.
        assert_eq!((image.width(), image.height()), (533, 400));
        assert!(printed.len() < big.len());
    }

    #[test]
    fn a_small_upright_jpeg_cut_off_is_not_printed_as_it_is() {
        let whole = jpeg(64, 48);
        assert!(
            for_print(&whole).is_ok_and(|b| *b == *whole),
            "printed as it is"
        );
        // Cut anywhere in its scan, as a copy or upload stopped early.
        for keep in [whole.len() - 2, whole.len() - 40, whole.len() * 2 / 3] {
            let cut = &whole[..keep];
            assert!(
                matches!(for_print(cut), Err(ImageError::CutOff)),
                "cut to {keep} of {} bytes",
                whole.len()
            );
        }
    }

    #[test]
    fn data_after_the_end_of_a_jpeg_is_no_reason_to_refuse_it() {
        let mut bytes = jpeg(64, 48);
        bytes.extend_from_slice(b"MPF trailer a camera appends");
        assert!(prepare(&bytes).is_ok());
    }

    #[test]
    fn a_text_file_renamed_jpg_or_a_cut_jpeg_is_refused_and_nothing_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("shop.inspection.ron");
        let fake = dir.path().join("notes.jpg");
        std::fs::write(&fake, "not a photo at all").unwrap();
        assert!(matches!(
            import(&record, &fake),
            Err(PhotoError::Unreadable(..))
        ));
        let cut = dir.path().join("cut.jpg");
        let mut bytes = jpeg(800, 600);
        bytes.truncate(bytes.len() / 3);
        std::fs::write(&cut, bytes).unwrap();
        assert!(matches!(
            import(&record, &cut),
            Err(PhotoError::Unreadable(..))
        ));
        assert!(!dir.path().join("photos").exists(), "nothing is stored");
        assert!(matches!(
            import(&record, dir.path()),
            Err(PhotoError::NotAFile(_))
        ));
    }
}

#[cfg(test)]
mod limits {
    use super::*;

    /// A PNG that declares 20,000 × 20,000 pixels in a few hundred bytes
    /// took seconds and gigabytes to decode; it is refused from its header.
    #[test]
    fn a_photo_declaring_too_many_pixels_is_refused_before_decoding() {
        // Signature, IHDR of 20,000 × 20,000 grey, one short IDAT, IEND.
        fn chunk(png: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            png.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            png.extend(kind);
            png.extend(data);
            png.extend(crc.sum().to_be_bytes());
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let side = 20_000u32.to_be_bytes();
        chunk(
            &mut png,
            b"IHDR",
            &[&side[..], &side[..], &[8, 0, 0, 0, 0]].concat(),
        );
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut zlib, &[0; 1024]).unwrap();
        chunk(&mut png, b"IDAT", &zlib.finish().unwrap());
        chunk(&mut png, b"IEND", &[]);
        let started = std::time::Instant::now();
        let err = prepare(&png).unwrap_err();
        assert!(
            matches!(err, ImageError::TooManyPixels { width: 20_000, .. }),
            "{err}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
