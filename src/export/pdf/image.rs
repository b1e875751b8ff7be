//! Images in a PDF: a JPEG is embedded as it is (`DCTDecode`: its bytes are
//! already what a PDF viewer decodes); a PNG is decoded, its colour and its
//! transparency compressed as two Flate streams (the second a soft mask).

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

use crate::export::layout::Picture;

/// A logo bigger than this is not a logo.
pub const MAX_PIXELS: u64 = 40_000_000;

/// Why an image cannot be placed in a PDF.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("it is neither a JPEG nor a PNG image (HEIC, GIF, SVG and others are not read)")]
    Format,
    #[error("the JPEG is damaged or cut off: no size was found in it")]
    BadJpeg,
    #[error("the PNG cannot be read: {0}")]
    BadPng(String),
    #[error("the image is {0} pixels, more than a logo needs")]
    TooBig(u64),
}

/// An image ready to add to a document, with its size in pixels.
pub struct Embedded {
    pub xobject: ExternalXObject,
    pub width: u32,
    pub height: u32,
}

impl Embedded {
    /// Its size, as layout sees it.
    #[must_use]
    pub fn picture(&self) -> Picture {
        Picture {
            width: self.width,
            height: self.height,
        }
    }
}

fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
}

fn image_dict(
    width: u32,
    height: u32,
    color_space: &str,
    filter: &str,
) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".to_owned(), name("XObject")),
        ("Subtype".to_owned(), name("Image")),
        ("Width".to_owned(), DictItem::Int(i64::from(width))),
        ("Height".to_owned(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_owned(), name(color_space)),
        ("BitsPerComponent".to_owned(), DictItem::Int(8)),
        ("Filter".to_owned(), name(filter)),
    ])
}

/// The size and colour components a JPEG declares in its frame header.
fn jpeg_frame(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let f = bytes.get(i + 4..i + 10)?;
            let height = u32::from(u16::from_be_bytes([f[1], f[2]]));
            let width = u32::from(u16::from_be_bytes([f[3], f[4]]));
            return (width > 0 && height > 0).then_some((width, height, f[5]));
        }
        if marker == 0xDA || len < 2 {
            return None; // image data before any frame header
        }
        i += 2 + len;
    }
    None
}

/// Pixels deflated as the pages and fonts are (`content::deflate`).
fn flate(data: &[u8]) -> Vec<u8> {
    super::content::deflate(&mut super::content::deflater(), data)
        .expect("the output buffer is libdeflate's own bound")
}

fn check_size(width: u32, height: u32) -> Result<(), ImageError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(ImageError::TooBig(pixels));
    }
    Ok(())
}

/// Makes a JPEG or PNG ready to embed.
///
/// # Errors
/// Another format, or a damaged or oversized image.
pub fn embed(bytes: &[u8]) -> Result<Embedded, ImageError> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let (width, height, components) = jpeg_frame(bytes).ok_or(ImageError::BadJpeg)?;
        check_size(width, height)?;
        let space = match components {
            1 => "DeviceGray",
            3 => "DeviceRGB",
            4 => "DeviceCMYK",
            _ => return Err(ImageError::BadJpeg),
        };
        let mut dict = image_dict(width, height, space, "DCTDecode");
        if components == 4 {
            // Adobe writes CMYK JPEGs inverted.
            dict.insert(
                "Decode".to_owned(),
                DictItem::Array(
                    [1, 0, 1, 0, 1, 0, 1, 0]
                        .iter()
                        .map(|v| DictItem::Int(*v))
                        .collect(),
                ),
            );
        }
        return Ok(wrap(dict, bytes.to_vec(), width, height));
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return png(bytes);
    }
    Err(ImageError::Format)
}

fn wrap(dict: BTreeMap<String, DictItem>, content: Vec<u8>, width: u32, height: u32) -> Embedded {
    Embedded {
        xobject: ExternalXObject {
            stream: ExternalStream {
                dict,
                content,
                // Already compressed (DCT or Flate).
                compress: false,
            },
            width: Some(Px(width as usize)),
            height: Some(Px(height as usize)),
            dpi: None,
        },
        width,
        height,
    }
}

fn png(bytes: &[u8]) -> Result<Embedded, ImageError> {
    use image::{DynamicImage, ImageDecoder};
    let bad = |e: image::ImageError| ImageError::BadPng(e.to_string());
    let decoder = image::codecs::png::PngDecoder::new(std::io::Cursor::new(bytes)).map_err(bad)?;
    // The size first: a PNG's header can ask for more memory than a logo needs.
    let (width, height) = decoder.dimensions();
    check_size(width, height)?;
    // Palettes come expanded (with alpha where a colour is transparent).
    // 16-bit samples keep their high byte, as the png crate's STRIP_16 did:
    // a printed logo needs no more, and the embedded bytes stay the same.
    let high = |samples: Vec<u16>| samples.into_iter().map(|v| (v >> 8) as u8).collect();
    let (channels, data): (usize, Vec<u8>) =
        match DynamicImage::from_decoder(decoder).map_err(bad)? {
            DynamicImage::ImageLuma8(i) => (1, i.into_raw()),
            DynamicImage::ImageLumaA8(i) => (2, i.into_raw()),
            DynamicImage::ImageRgb8(i) => (3, i.into_raw()),
            DynamicImage::ImageRgba8(i) => (4, i.into_raw()),
            DynamicImage::ImageLuma16(i) => (1, high(i.into_raw())),
            DynamicImage::ImageLumaA16(i) => (2, high(i.into_raw())),
            DynamicImage::ImageRgb16(i) => (3, high(i.into_raw())),
            DynamicImage::ImageRgba16(i) => (4, high(i.into_raw())),
            // Not what a PNG decodes to; converted all the same.
            other => (4, other.into_rgba8().into_raw()),
        };
    let (color, alpha, space): (Vec<u8>, Option<Vec<u8>>, &str) = match channels {
        1 => (data, None, "DeviceGray"),
        3 => (data, None, "DeviceRGB"),
        2 => {
            let color = data.chunks_exact(2).map(|p| p[0]).collect();
            let alpha = data.chunks_exact(2).map(|p| p[1]).collect();
            (color, Some(alpha), "DeviceGray")
        }
        _ => {
            let color = data
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            let alpha = data.chunks_exact(4).map(|p| p[3]).collect();
            (color, Some(alpha), "DeviceRGB")
        }
    };
    let mut dict = image_dict(width, height, space, "FlateDecode");
    if let Some(alpha) = alpha {
        dict.insert(
            "SMask".to_owned(),
            DictItem::Stream {
                stream: ExternalStream {
                    dict: image_dict(width, height, "DeviceGray", "FlateDecode"),
                    content: flate(&alpha),
                    compress: false,
                },
            },
        );
    }
    Ok(wrap(dict, flate(&color), width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    use image::{ExtendedColorType, ImageEncoder};

    /// A 3 × 2 PNG of one colour type, made with the image crate.
    fn png_bytes(color: ExtendedColorType, samples: usize) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&vec![200; 3 * 2 * samples], 3, 2, color)
            .unwrap();
        out
    }

    #[test]
    fn a_png_with_transparency_gets_a_soft_mask_and_one_without_none() {
        let rgba = embed(&png_bytes(ExtendedColorType::Rgba8, 4)).unwrap();
        assert_eq!((rgba.width, rgba.height), (3, 2));
        assert!(rgba.xobject.stream.dict.contains_key("SMask"));
        let rgb = embed(&png_bytes(ExtendedColorType::Rgb8, 3)).unwrap();
        assert!(!rgb.xobject.stream.dict.contains_key("SMask"));
    }

    #[test]
    fn a_jpeg_is_embedded_as_it_is_with_the_size_of_its_frame() {
        // SOI, an APP0 segment, then SOF0 of 640 × 480 with 3 components.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 8, 0x01, 0xE0, 0x02, 0x80, 3]);
        jpeg.extend([0; 9]);
        let image = embed(&jpeg).unwrap();
        assert_eq!((image.width, image.height), (640, 480));
        assert_eq!(image.xobject.stream.content, jpeg);
    }

    #[test]
    fn other_formats_and_damaged_files_are_refused_with_a_reason() {
        assert_eq!(embed(b"GIF89a....").err(), Some(ImageError::Format));
        assert_eq!(
            embed(b"not an image at all").err(),
            Some(ImageError::Format)
        );
        assert_eq!(embed(&[0xFF, 0xD8, 0xFF]).err(), Some(ImageError::BadJpeg));
        let mut cut = png_bytes(ExtendedColorType::Rgb8, 3);
        cut.truncate(40);
        assert!(matches!(embed(&cut), Err(ImageError::BadPng(_))));
    }
}
